"""The credits component: roles and person-role-work links from cues, with characters."""

from __future__ import annotations

import pytest

from conftest import emphasis as emphasis_spans


def credits(doc) -> set[tuple]:
    return {(c["person"], c["role"], c["work"], c["character"]) for c in doc._.credits}


def roles(doc) -> dict[str, list[str]]:
    return {p["name"]: p["roles"] for p in doc._.people}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2016's Star Trek Beyond was directed by Justin Lin.", ("Justin Lin", "director", "Star Trek Beyond", None)),
        ("Netflix's When They See Us, created by Ava DuVernay, is powerful.",
         ("Ava DuVernay", "creator", "When They See Us", None)),
        ("The Legion creator Noah Hawley will direct it.", ("Noah Hawley", "creator", "Legion", None)),
        ("In Netflix's Seven Seconds, Regina King plays Latrice Butler.",
         ("Regina King", "actor", "Seven Seconds", "Latrice Butler")),
        ("In Netflix's Seven Seconds, Regina King stars as Latrice Butler.",
         ("Regina King", "actor", "Seven Seconds", "Latrice Butler")),
    ],
)
def test_credit_cues(run_text, text, expected):
    assert expected in credits(run_text(text))


def test_character_in_parentheses(run_text):
    text = "'Merv'\nIn the rom-com, Anna (Zooey Deschanel) and Russ (Charlie Cox) share a dog."
    s = text.index("Merv")
    doc = run_text(text, spans=[(0, len("'Merv'"), "heading"), (s, s + 4, "quote")])
    got = credits(doc)
    assert ("Zooey Deschanel", "actor", "Merv", "Anna") in got
    assert ("Charlie Cox", "actor", "Merv", "Russ") in got
    assert "character" in roles(doc)["Anna"]


def test_list_after_starring_all_get_the_role(run_text):
    doc = run_text("The Bear, starring Jeremy Allen White, Ayo Edebiri and Ebon Moss-Bachrach, returns.")
    r = roles(doc)
    for name in ("Jeremy Allen White", "Ayo Edebiri"):
        assert "actor" in r[name]


def test_apposition_and_copula(run_text):
    doc = run_text("The panel included Kathleen Kennedy, the Lucasfilm producer, and others. "
                   "Tina Fey was head writer at the time.")
    r = roles(doc)
    assert "producer" in r["Kathleen Kennedy"]
    assert "writer" in r["Tina Fey"]


def test_no_cue_no_role(run_text):
    doc = run_text("Michael Jordan and Scottie Pippen watched from the stands.")
    assert all(not p["roles"] for p in doc._.people)


@pytest.mark.parametrize(
    "text,expected",
    [
        # hyphenated role nouns are tokenised as the text is
        ("The album came from singer-songwriter Maya Lindqvist and her band.", ("Maya Lindqvist", "musician")),
        ("Anna Finnegan, her friend and co-writer, joined us.", ("Anna Finnegan", "writer")),
        # a plural noun covers the list it opens
        ("Guitarists Teo Ramirez and Paul Okafor will tour together.", ("Paul Okafor", "musician")),
        # a role verb a few plain words after the name
        ("Dana Whitcombe is in final talks to direct the sequel.", ("Dana Whitcombe", "director")),
        ("Dana Whitcombe, best known for creating the series, returns.", ("Dana Whitcombe", "creator")),
        # the character named before "played by"
        ("The film follows Megan, played by Rosa Delgado, through a wedding.", ("Rosa Delgado", "actor")),
        # "featuring icons like X"
        ("The sequel ends in a concert featuring icons like Ella Brandt and Tom Kessler.", ("Tom Kessler", "actor")),
    ],
)
def test_role_cues(run_text, text, expected):
    person, role = expected
    assert role in roles(run_text(text)).get(person, []), roles(run_text(text))


def test_coordinated_verbs_give_both_roles(run_text):
    doc = run_text("Dana Whitcombe is set to write and direct Moonfall Road, the studio said.",
                   spans=emphasis_spans("Dana Whitcombe is set to write and direct Moonfall Road, the studio said.",
                                        "Moonfall Road"))
    got = credits(doc)
    assert ("Dana Whitcombe", "writer", "Moonfall Road", None) in got
    assert ("Dana Whitcombe", "director", "Moonfall Road", None) in got


def test_coordinated_works_share_the_credit(run_text):
    text = "2009's Star Trek and 2013's Star Trek Into Darkness were directed by J.J. Abrams."
    got = credits(run_text(text))
    assert ("J.J. Abrams", "director", "Star Trek", None) in got
    assert ("J.J. Abrams", "director", "Star Trek Into Darkness", None) in got


def test_noun_before_work_is_not_taken_by_a_later_verb(run_text):
    text = "Stellar Drift eyes Hollow Creek creator Nadia Brooks to direct"
    doc = run_text(text, spans=emphasis_spans(text, "Hollow Creek", "Stellar Drift"))
    got = credits(doc)
    assert ("Nadia Brooks", "creator", "Hollow Creek", None) in got
    assert ("Nadia Brooks", "director", "Hollow Creek", None) not in got


def test_character_before_played_by(run_text):
    text = "In Moonfall Road, the bride's friend Megan, played by Rosa Delgado, steals scenes."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert ("Rosa Delgado", "actor", "Moonfall Road", "Megan") in credits(doc)


def test_along_with_shares_the_role(run_text):
    text = "Ana Pereira will reprise her role in Moonfall Road, along with Jonas Berg and Lisa Ekwueme."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    r = roles(doc)
    assert "actor" in r["Jonas Berg"] and "actor" in r["Lisa Ekwueme"]


def test_actor_possessive_names_the_character(run_text):
    text = ("Chris Pine stars in Moonfall Road. The story centres on the father of "
            "Chris Pine's Captain James T. Kirk.")
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert any(c[0] == "Chris Pine" and c[3] == "Captain James T. Kirk" for c in credits(doc))


def test_possessive_of_a_non_actor_is_not_a_character(run_text):
    doc = run_text("Taylor Swift's AMA row seems to be over, and Taylor Swift is allowed to play her music.")
    assert not any(c[3] for c in credits(doc))
    assert "actor" not in roles(doc).get("Taylor Swift", [])


def test_real_people_a_work_depicts_are_subjects(run_text):
    doc = run_text("The series tells the true story of two boys from Harlem, Kevin Richardson and Raymond Santana.")
    r = roles(doc)
    assert r["Kevin Richardson"] == ["subject"] and r["Raymond Santana"] == ["subject"]


def test_possessive_craft_noun(run_text):
    text = "Moonfall Road is bleak. Anna Marsh's direction captures the cold."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert "director" in roles(doc)["Anna Marsh"]


def test_people_under_a_cast_heading_are_actors(run_text):
    text = "Moonfall Road\nThe cast: strong performances\nMichael Brandt broods and Sarah Okafor smoulders."
    h = text.index("The cast")
    doc = run_text(text, spans=[(0, 13, "heading"), (h, h + len("The cast: strong performances"), "heading")]
                   + emphasis_spans(text, "Moonfall Road"))
    r = roles(doc)
    assert r["Michael Brandt"] == ["actor"] and r["Sarah Okafor"] == ["actor"]


def test_acting_award_is_an_acting_credit(run_text):
    text = "At the Oscars, Michael Brandt won best actor for Moonfall Road."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert ("Michael Brandt", "actor", "Moonfall Road", None) in credits(doc)


def test_makers_possessive_before_a_film(run_text):
    text = "Critics loved Anna Marsh's Moonfall Road, the best film of the year."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert ("Anna Marsh", "director", "Moonfall Road", None) in credits(doc)
