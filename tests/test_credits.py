"""The credits component: roles and person-role-work links from cues, with characters."""

from __future__ import annotations

import pytest

from conftest import emphasis as emphasis_spans
from conftest import tagged_doc
from extract.document import TextSpan


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


@pytest.mark.parametrize(
    "text,partner,role",
    [
        ("Ana Pereira starred in “Moonfall Road” with Jonas Berg.", "Jonas Berg", "actor"),
        ("Ana Pereira wrote Moonfall Road with Jonas Berg in a month.", "Jonas Berg", "writer"),
        ("Ana Pereira co-directed Moonfall Road with Jonas Berg.", "Jonas Berg", "director"),
    ],
)
def test_partner_after_the_work_shares_the_role(run_text, text, partner, role):
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert (partner, role, "Moonfall Road", None) in credits(doc)


@pytest.mark.parametrize(
    "text,not_role",
    [
        ("Ana Pereira directed Moonfall Road with Jonas Berg.", "director"),  # the star, not a co-director
        ("Ana Pereira starred in Moonfall Road with Jonas Berg directing.", "actor"),  # a role of his own
    ],
)
def test_partner_after_the_work_keeps_other_roles_apart(run_text, text, not_role):
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert ("Jonas Berg", not_role, "Moonfall Road", None) not in credits(doc)
    assert "Moonfall Road" in {w["title"] for w in doc._.works}


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


@pytest.mark.parametrize(
    "text,expected",
    [
        # same sentence: the pronoun is the sentence's subject, not the last person named
        ("Mara Quist is busy: with a film directed by Tom Vale and Moonfall Road, in which she stars "
         "alongside Ines Duarte, out soon.", ("Mara Quist", "actor", "Moonfall Road", None)),
        # across sentences: the first person named in the nearest sentence that names one
        ("Mara Quist is back. Before Moonfall Road, she directed Dust Lane.", ("Mara Quist", "director", "Dust Lane", None)),
        ("Chris Hale signed on in 2016. He would reprise his role as George Kirk in Moonfall Road.",
         ("Chris Hale", "actor", "Moonfall Road", "George Kirk")),
    ],
)
def test_subject_pronoun_takes_its_antecedents_credit(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road", "Dust Lane"))
    assert expected in credits(doc)


def test_pronoun_with_no_person_before_gives_nothing(run_text):
    text = "She directed Moonfall Road."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert not credits(doc)


def test_headline_opening_with_a_title_is_the_topic(run_text):
    text = "Moonfall Road 2 eyes Nadia Brooks to direct\nThe studio says Nadia Brooks is in talks to direct it."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road 2"), headline=True)
    assert ("Nadia Brooks", "director", "Moonfall Road 2", None) in credits(doc)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The film Moonfall Road opens Friday. Anna Marsh's third all-star 'Moonfall Road' mystery is a treat.",
         ("Anna Marsh", "director", "Moonfall Road", None)),
        ("The film Moonfall Road is back. To honour Anna Marsh, revisit her classic 1984 mockumentary "
         "'Moonfall Road' tonight.", ("Anna Marsh", "director", "Moonfall Road", None)),
        ("Moonfall Road is the film. Ana Marsh wrote it. Old fans still prefer the Marsh novel on which it was based.",
         ("Ana Marsh", "writer", "Moonfall Road", None)),
        ("To honour Tom Vale, revisit his classic 1984 mockumentary 'Dust Lane' tonight.",
         ("Tom Vale", "director", "Dust Lane", None)),
    ],
)
def test_maker_named_before_a_work_noun_or_title(run_text, text, expected):
    """A possessive, a pronoun or a name used as a modifier, across modifiers, before a title or a work noun."""
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road", "Dust Lane"))
    assert expected in credits(doc)


def test_actors_possessive_with_modifiers_is_not_direction(run_text):
    text = "Tom Vale stars in Moonfall Road. Fans loved Tom Vale's latest film 'Moonfall Road'."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert not any(c[0] == "Tom Vale" and c[1] == "director" for c in credits(doc))


def test_character_named_before_an_actor_in_parentheses(run_text):
    text = "In Moonfall Road, his pals Carmen (Denise Rowe) and Rico (the square-jawed Casper Dale) enlist."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    got = credits(doc)
    assert ("Denise Rowe", "actor", "Moonfall Road", "Carmen") in got
    assert ("Casper Dale", "actor", "Moonfall Road", "Rico") in got


def test_a_person_in_parentheses_after_a_nominee_is_not_a_character(run_text):
    text = "Murphy saw off Bradley Cole (Maestro), Colman Dane (Rustin) and Jeff Wren (American Fiction)."
    doc = run_text(text, spans=emphasis_spans(text, "Maestro", "American Fiction"))
    assert not any(c[3] == "Colman Dane" for c in credits(doc))


def test_possessive_before_an_award_is_not_a_character(run_text):
    text = "Ana Pereira stars in Moonfall Road. It streams after Ana Pereira's Golden Globe win."
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert not any(c[3] and "Golden Globe" in c[3] for c in credits(doc))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Moonfall Road led the weekend with $15 million. Anna Marsh's candy-coloured comedy, starring "
         "Tom Vale, added $18 million overseas.",
         {("Anna Marsh", "director", "Moonfall Road", None), ("Tom Vale", "actor", "Moonfall Road", None)}),
        ("Dust Lane won best picture, Anna Marsh's boarding-school comedy, on a good night.",
         {("Anna Marsh", "director", "Dust Lane", None)}),
        ("Dust Lane came in above expectations. Director Anna Marsh's sequel drew from premium screens.",
         {("Anna Marsh", "director", "Dust Lane", None)}),
    ],
)
def test_possessive_work_noun_refers_to_the_paragraphs_work(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road", "Dust Lane"))
    assert expected <= credits(doc)


def test_paragraph_listing_several_works_gives_no_work(run_text):
    text = ("From Moonfall Road to Dust Lane, ten films to stream now. "
            "There is even a zombie flick from director Anna Marsh.")
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road", "Dust Lane"))
    assert ("Anna Marsh", "director", None, None) in credits(doc)


def test_possessive_before_a_plan_is_not_authorship(run_text):
    text = "Star Wars fans doubt George Lucas's decision to finish each original trilogy film."
    doc = run_text(text, spans=emphasis_spans(text, "Star Wars"))
    assert not any(c[0] == "George Lucas" and c[1] == "director" for c in credits(doc))


def test_pronoun_goes_to_the_person_the_article_is_about(run_text):
    text = ("Mara Quist grew up in Ohio. Mara Quist moved to LA. In the Tom Vale film Dust Lane, Mara Quist "
            "will co-star with Ines Duarte. It will test whether she is leading lady material.")
    doc = run_text(text, spans=emphasis_spans(text, "Dust Lane"))
    got = credits(doc)
    assert ("Tom Vale", "director", "Dust Lane", None) in got
    assert not any(c[0] == "Tom Vale" and c[1] == "actor" for c in got)


def test_pronoun_then_verb_is_not_a_modifier(run_text):
    text = "With the diver Tom Vale he co-wrote a novel, and on his own he published the western Dust Lane."
    doc = run_text(text, spans=emphasis_spans(text, "Dust Lane"))
    assert not any(c[0] == "Tom Vale" and c[2] == "Dust Lane" for c in credits(doc))


def test_makers_possessive_before_a_title_of_the_articles_usual_kind(run_text):
    text = ("The film Moonfall Road made her name and the film Dust Lane kept it. "
            "Then came Tom Vale's Harbour Lights, which won her a second award.")
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road", "Dust Lane", "Harbour Lights"))
    assert ("Tom Vale", "director", "Harbour Lights", None) in credits(doc)


def test_headlines_only_work_named_again_is_the_topic(run_text):
    text = ("The Quarry Kings Reunite With Ana Marsh for Moonfall Tour\n"
            "Singer Ana Marsh will tour with the band again. Tickets for the Moonfall Tour go on sale Friday.")
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Tour"), headline=True)
    assert ("Ana Marsh", "musician", "Moonfall Tour", None) in credits(doc)


def test_a_tour_has_no_producer(run_text):
    text = ("Moonfall Tour Dates Announced\nThe Moonfall Tour opens in June. Producer Tom Vale "
            "worked on the album. The Moonfall Tour closes in Houston.")
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Tour"), headline=True)
    assert not any(c[0] == "Tom Vale" and c[2] == "Moonfall Tour" for c in credits(doc))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("In Lantern Row, Mara Quill plays the translator Ressa Vale.", ("Mara Quill", "actor", "Lantern Row", "Ressa Vale")),
        ("In Lantern Row, Mara Quill stars as the desperate Ressa Vale.", ("Mara Quill", "actor", "Lantern Row", "Ressa Vale")),
    ],
)
def test_character_after_a_described_role(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert expected in credits(doc)


def test_description_without_a_name_is_not_a_character(run_text):
    text = "In Lantern Row, Mara Quill plays a weary father of three."
    got = credits(run_text(text, spans=emphasis_spans(text, "Lantern Row")))
    assert ("Mara Quill", "actor", "Lantern Row", None) in got


def test_possessive_before_a_full_name_the_model_took_for_a_title_is_a_character(nlp):
    text = "Lantern Row (1969)\nIn the caper, Tobin Marsh's Danny Corliss plans to rob the vault."
    doc = tagged_doc(nlp, text, {"Lantern Row": "WORK", "Tobin Marsh": "PERSON", "Danny Corliss": "WORK"},
                     [TextSpan(0, 18, "heading")])
    got = {(c["person"], c["role"], c["work"], c["character"]) for c in doc._.credits}
    assert ("Tobin Marsh", "actor", "Lantern Row", "Danny Corliss") in got
    assert "Danny Corliss" not in {w["title"] for w in doc._.works}


def test_possessive_of_a_full_name_the_model_read_as_an_organisation(nlp):
    """'Arthur Penn's Bonnie and Clyde' with the name tagged ORG: a known first name keeps it a maker."""
    text = "He was superb in Arthur Vane's Lantern Row (1967), a film about a gang."
    doc = tagged_doc(nlp, text, {"Arthur Vane": "ORG", "Lantern Row": "WORK"})
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert ("Arthur Vane", "director", "Lantern Row") in got


def test_actors_listed_with_as_keep_their_own_characters(run_text):
    # the blank test pipeline finds people by first name: every name here opens with a known one
    text = "In Lantern Row, Laura Quill is joining as Anna Vale, David Marsh as James Dorran and Dana Brent as Laura Holt."
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    got = credits(doc)
    assert ("Laura Quill", "actor", "Lantern Row", "Anna Vale") in got
    assert ("David Marsh", "actor", "Lantern Row", "James Dorran") in got
    assert ("Dana Brent", "actor", "Lantern Row", "Laura Holt") in got
    assert not any(c[0] in ("Anna Vale", "James Dorran") for c in got)


@pytest.mark.parametrize(
    "text,name,role",
    [
        ("Nora, played by Mara Quill, is a working playwright in Lantern Row.", "Mara Quill", "writer"),
        ("Tobin Marsh, whose partnership with the director goes back decades, stars in Lantern Row.", "Tobin Marsh", "director"),
    ],
)
def test_apposition_noun_belongs_to_someone_else(run_text, text, name, role):
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert role not in roles(doc).get(name, [])


def test_name_in_brackets_after_a_quoted_title_is_not_cast(run_text):
    text = "The record closes with ‘Keine Bin’ and ‘Face Lix’ (David Bean), both oddly tender."
    spans = [(text.index(t), text.index(t) + len(t), "quote") for t in ("Keine Bin", "Face Lix")]
    assert "actor" not in roles(run_text(text, spans=spans)).get("David Bean", [])


def test_pronoun_actor_acts_in_the_works_after_in(run_text):
    text = ("Chris Quill, the actor, has died. Born Christopher John Quill in 1930, he trained on stage. "
            "As Anna Vale in David Marsh's Lantern Row, he earned his first nomination.")
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert ("Chris Quill", "actor", "Lantern Row") in got
    assert ("David Marsh", "actor", "Lantern Row") not in got
    p = {x["name"]: x for x in doc._.people}
    assert "Christopher John Quill" in p["Chris Quill"]["aliases"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("David Marsh (left) and Anna Vale in Lantern Row.", [("David Marsh", "actor", "Lantern Row"),
                                                             ("Anna Vale", "actor", "Lantern Row")]),
        ("In Lantern Row, Laura Quill will co-star with David Marsh.", [("David Marsh", "actor", "Lantern Row")]),
    ],
)
def test_caption_and_co_star_with(run_text, text, expected):
    got = {(c["person"], c["role"], c["work"]) for c in run_text(text, spans=emphasis_spans(text, "Lantern Row"))._.credits}
    assert set(expected) <= got


def test_cameos_in_films_such_as(run_text):
    text = ("Laura Quill is an actor. Before that, she was known for cameos in films such as Lantern Row and Kestrel Run.")
    spans = emphasis_spans(text, "Lantern Row", "Kestrel Run")
    got = {(c["person"], c["work"]) for c in run_text(text, spans=spans)._.credits if c["role"] == "actor"}
    assert {("Laura Quill", "Lantern Row"), ("Laura Quill", "Kestrel Run")} <= got


def test_as_someones_boss_is_not_a_character(run_text):
    text = "In Lantern Row, Laura Quill played a small role as Anna Vale's bossy aunt."
    assert "character" not in roles(run_text(text, spans=emphasis_spans(text, "Lantern Row"))).get("Anna Vale", [])


@pytest.mark.parametrize(
    "text,expected",
    [
        ("'Lantern Row' arrives Friday\nViewers can now watch David Marsh's Osage murders epic at home.",
         ("David Marsh", "director", "Lantern Row")),
        ("'Lantern Row' arrives Friday\nIt adapts Anna Vale's 1983 television drama for the cinema.",
         ("Anna Vale", "creator", "Lantern Row")),
        ("In Lantern Row, David Marsh wrote the screenplay with Laura Holt.", ("Laura Holt", "writer", "Lantern Row")),
        ("In Lantern Row, Laura Quill arrives late as James Dorran, the agent.",
         ("Laura Quill", "actor", "Lantern Row")),
        ("In Lantern Row, the score by David Marsh is used sparingly.", ("David Marsh", "musician", "Lantern Row")),
        ("In Lantern Row, Anna Vale and Laura Holt, who play the sisters, shine.", ("Laura Holt", "actor", "Lantern Row")),
    ],
)
def test_more_credit_shapes(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"), headline=text.startswith("'"))
    assert expected in {(c["person"], c["role"], c["work"]) for c in doc._.credits}


@pytest.mark.parametrize(
    "text,person,role",
    [
        ("Chris Mallory won best actor at the Academy Awards on Sunday.", "Chris Mallory", "actor"),
        ("Anna Torvik won the Oscar for best original screenplay.", "Anna Torvik", "writer"),
    ],
)
def test_award_category_gives_a_role_without_a_work(run_text, text, person, role):
    people = {p["name"]: p for p in run_text(text)._.people}
    assert role in people[person]["roles"]


def test_directing_award_won_by_a_work_goes_to_its_director(nlp):
    doc = tagged_doc(nlp, "Glass Harbour, Laura Penhale's tense thriller, won best director at the Academy Awards.",
                     {"Glass Harbour": "WORK", "Laura Penhale": "PERSON"})
    found = [a for a in doc._.awards if a["category"] == "best director"]
    assert [(a["recipient"], a["work"]) for a in found] == [("Laura Penhale", "Glass Harbour")]


def test_music_award_makes_a_musician_and_keeps_a_one_word_name(nlp):
    doc = tagged_doc(nlp, "At the Grammys, Zephyrine won best pop solo performance for \"Low Tide\".",
                     {"Zephyrine": "PERSON"})
    people = {p["name"]: p for p in doc._.people}
    assert people["Zephyrine"]["roles"] == ["musician"]


def tagged_doc_with(nlp, text: str, items: list[str], ents: dict[str, str]):
    """`tagged_doc` with each of `items` marked as a list item, as the cleaner marks <li>."""
    spans = [TextSpan(text.index(it), text.index(it) + len(it), "list_item") for it in items]
    return tagged_doc(nlp, text, ents, spans)


def test_a_lineup_of_titles_with_names_in_brackets_credits_the_makers(nlp):
    items = ["Glass Harbour (Laura Penhale)", "Low Tide (Dana Whitcombe)", "The Marrow (James Arden)"]
    text = "Here is the complete competition lineup:\n" + "\n".join(items) + "\n"
    doc = tagged_doc_with(nlp, text, items, {"Laura Penhale": "PERSON", "Dana Whitcombe": "PERSON", "James Arden": "PERSON"})
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert {("Laura Penhale", "director", "Glass Harbour"), ("Dana Whitcombe", "director", "Low Tide"),
            ("James Arden", "director", "The Marrow")} <= got
    assert {"Glass Harbour", "Low Tide", "The Marrow"} <= {w["title"] for w in doc._.works}


def test_a_tracklist_gives_songs_and_featured_musicians(nlp):
    items = ["Salt Lines (feat. Anna Torvik)", "quiet hours", "Fix It (No Really)"]
    text = "Tracklist\nThe album runs as follows:\n" + "\n".join(items) + "\n"
    doc = tagged_doc_with(nlp, text, items, {"Anna Torvik": "PERSON"})
    works = {w["title"]: w["kind"] for w in doc._.works}
    assert works.get("Salt Lines") == "song" and "quiet hours" in works and "Fix It (No Really)" in works
    assert ("Anna Torvik", "musician", "Salt Lines") in {(c["person"], c["role"], c["work"]) for c in doc._.credits}


def test_a_list_of_names_beside_titles_is_not_a_list_of_titles(nlp):
    items = ["Laura Penhale, Glass Harbour", "Dana Whitcombe, Low Tide", "James Arden, The Marrow"]
    text = "The nominees for best drama series:\n" + "\n".join(items) + "\n"
    doc = tagged_doc_with(nlp, text, items, {"Laura Penhale": "PERSON", "Dana Whitcombe": "PERSON", "James Arden": "PERSON"})
    assert not any("," in w["title"] for w in doc._.works)




def test_a_one_word_model_title_before_an_actor_in_brackets_is_a_character(nlp):
    text = "The wedding of Connor Vale (James Arden) and Marisol (Dana Whitcombe) is held on a yacht in Glass Harbour."
    doc = tagged_doc(nlp, text, {"Marisol": "WORK", "James Arden": "PERSON", "Dana Whitcombe": "PERSON",
                                 "Glass Harbour": "WORK"})
    assert ("Dana Whitcombe", "Marisol") in {(c["person"], c["character"]) for c in doc._.credits}
    assert "Marisol" not in {w["title"] for w in doc._.works}


@pytest.mark.parametrize("text,actor,character", [
    ("Laura Penhale took best leading actress in a musical for playing Mara Quell, a composer.", "Laura Penhale", "Mara Quell"),
    ("James Arden became a household name in 2020 playing Kip Morrow in the series Glass Harbour.", "James Arden", "Kip Morrow"),
    ("He was nominated for Dana Whitcombe's Glass Harbour, and James Arden won for playing the doctor Gil Varga.",
     "James Arden", "Gil Varga"),
])
def test_for_playing_gives_the_clause_subject_a_part(nlp, text, actor, character):
    ents = {actor: "PERSON", "Glass Harbour": "WORK"}
    if "Dana Whitcombe" in text:
        ents["Dana Whitcombe"] = "PERSON"
    doc = tagged_doc(nlp, text, {k: v for k, v in ents.items() if k in text})
    assert (actor, character) in {(c["person"], c["character"]) for c in doc._.credits}
    assert "character" in {p["name"]: p for p in doc._.people}[character]["roles"]


def test_a_bulleted_list_of_sentences_is_not_a_list_of_titles(nlp):
    items = ["Managed service reduces cluster complexity", "Real-time plus historical data in one store",
             "Built-in anomaly detection assists monitoring"]
    text = "What the new series offers:\n" + "\n".join(items) + "\n"
    doc = tagged_doc_with(nlp, text, items, {})
    assert not {w["title"] for w in doc._.works} & set(items)


def test_a_possessive_before_play_is_a_playwright_not_an_actor(run_text):
    text = "The winner was Lantern Row, David Marsh's play about a band falling apart, which collected five awards."
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert {(c["person"], c["role"], c["work"]) for c in doc._.credits} == {("David Marsh", "writer", "Lantern Row")}


@pytest.mark.parametrize("text,expected", [
    ("David Marsh's starring in Lantern Row this spring.", {("David Marsh", "actor", "Lantern Row")}),
    ("David Marsh's directed Lantern Row with a light touch.", {("David Marsh", "director", "Lantern Row")}),
])
def test_a_contracted_is_or_has_before_a_verb_still_gives_the_role(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert expected <= {(c["person"], c["role"], c["work"]) for c in doc._.credits}


def test_a_possessive_before_a_noun_that_is_also_a_role_verb_gives_no_role(run_text):
    doc = run_text("In Lantern Row, Dana Marsh's calming voice and bright smile carry every episode.")
    assert not [c for c in doc._.credits if c["person"] == "Dana Marsh"]


def test_album_list_subheadings_credit_the_musicians_named_before_the_title(nlp):
    body = "A live album of duets, recorded in one night."
    lines = ["Dana Vore & Gil Arden Low Tide Rack", body, "Mara Quell Salt Lines Warp", body]
    text = "\n".join(lines)
    spans, at = [], 0
    for line in lines:
        if line != body:
            spans.append(TextSpan(at, at + len(line), "heading"))
            for title in ("Low Tide", "Salt Lines"):
                if title in line:
                    s = at + line.index(title)
                    spans.append(TextSpan(s, s + len(title), "emphasis"))
        at += len(line) + 1
    doc = tagged_doc(nlp, text, {"Dana Vore": "PERSON", "Gil Arden": "PERSON", "Mara Quell": "PERSON",
                                 "Low Tide": "WORK", "Salt Lines": "WORK"}, spans)
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert {("Dana Vore", "musician", "Low Tide"), ("Gil Arden", "musician", "Low Tide"),
            ("Mara Quell", "musician", "Salt Lines")} <= got


@pytest.mark.parametrize("phrase", ["Based on the manga by", "Adapted from the novel by", "Based on the play by"])
def test_source_material_by_phrases_give_the_writer_of_the_sections_work(run_text, phrase):
    text = f"Lantern Row\n{phrase} Dana Marsh, the show blended romance with an Ashfall-esque mystery."
    doc = run_text(text, spans=[(0, 11, "heading"), (0, 11, "emphasis"), (text.index("Ashfall"), text.index("Ashfall") + 7, "emphasis")])
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert ("Dana Marsh", "writer", "Lantern Row") in got and ("Dana Marsh", "writer", "Ashfall") not in got


def test_a_role_word_in_another_clause_is_not_the_subjects(run_text):
    doc = run_text("Dana Marsh was eliminated in what host Gil Arden described as the hardest verdict of Lantern Row.")
    roles = {(c["person"], c["role"]) for c in doc._.credits}
    assert ("Dana Marsh", "host") not in roles and ("Gil Arden", "host") in roles


def test_the_title_star_epithet_is_the_headline_persons_credit(run_text):
    text = ("Dana Marsh voted off the dance show\n"
            "The former “Lantern Row” star, 42, was voted off on Monday in a tight race against singer Gil Arden.\n"
            "The series “Lantern Row” ran for six seasons.")
    spans = [(m, m + 11, "quote") for m in (text.index("Lantern Row"), text.rindex("Lantern Row"))]
    doc = run_text(text, spans=spans, headline=True)
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert ("Dana Marsh", "actor", "Lantern Row") in got
    assert ("Gil Arden", "musician", "Lantern Row") not in got


def test_each_fact_block_credits_the_title_above_it(run_text):
    text = ("Our picks this month.\nLantern Row\nAuthor: Dana Marsh\nReleased: May 4, 2025\nA quiet novel.\n"
            "Salt Lines\nAuthor: Gil Arden\nGenre: Romance\nA loud one.")
    facts = [("Author", "Dana Marsh"), ("Released", "May 4, 2025"), ("Author", "Gil Arden"), ("Genre", "Romance")]
    doc = run_text(text, facts=facts)
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert {("Dana Marsh", "writer", "Lantern Row"), ("Gil Arden", "writer", "Salt Lines")} <= got
    assert {"Lantern Row", "Salt Lines"} <= {w["title"] for w in doc._.works}


def test_one_fact_block_is_not_a_list_of_entries(run_text):
    text = "Lantern Row\nAuthor: Dana Marsh\nReleased: May 4, 2025\nA quiet novel."
    doc = run_text(text, facts=[("Author", "Dana Marsh"), ("Released", "May 4, 2025")])
    from extract.components.util import fact_entries
    assert fact_entries(doc) == []


@pytest.mark.parametrize("text,expected", [
    ("Dana Marsh was inspired to create the website in anticipation of Lantern Row.", set()),
    ("Dana Marsh wrote a long letter to the studio about Lantern Row.", set()),
    ("Dana Marsh co-produced a handful of songs on Lantern Row.", {("Dana Marsh", "producer", "Lantern Row")}),
    ("Dana Marsh wrote the screenplay for Lantern Row.", {("Dana Marsh", "writer", "Lantern Row")}),
    ("Dana Marsh created the hit series Lantern Row.", {("Dana Marsh", "creator", "Lantern Row")}),
])
def test_a_making_verb_whose_object_is_not_a_work_gives_no_credit(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert {(c["person"], c["role"], c["work"]) for c in doc._.credits if c["work"]} == expected


@pytest.mark.parametrize("text", [
    "Laura Penhale plays Dana Vell, a lonely screenwriter, in Lantern Row.",
    "Laura Penhale plays Dana-Lee Vell in Lantern Row.",
])
def test_a_part_another_cue_casts_gets_no_credit_of_its_own(nlp, text):
    part = "Dana-Lee Vell" if "Dana-Lee" in text else "Dana Vell"
    doc = tagged_doc(nlp, text, {"Laura Penhale": "PERSON", part: "PERSON", "Lantern Row": "WORK"})
    assert ("Laura Penhale", "actor", "Lantern Row", part) in credits(doc)
    assert roles(doc)[part] == ["character"]


def test_the_subject_of_opposite_acts_beside_its_object(run_text):
    doc = run_text("Laura Penhale will next be seen opposite David Okoro in 'Lantern Row.' "
                   "Anna Brill lives on the opposite side of town.",
                   spans=[(57, 68, "quote")])
    got = credits(doc)
    assert ("Laura Penhale", "actor", "Lantern Row", None) in got
    assert ("David Okoro", "actor", "Lantern Row", None) in got
    assert not roles(doc)["Anna Brill"]


def test_a_part_played_opposite_someone_is_no_actor(run_text):
    doc = run_text("Laura Penhale became famous playing Dana Vell opposite David Okoro in the series Lantern Row.",
                   spans=[(81, 92, "emphasis")])
    assert "actor" not in roles(doc).get("Dana Vell", [])
    assert ("David Okoro", "actor", "Lantern Row", None) in credits(doc)


def test_a_copula_casts_in_a_film_review(run_text):
    text = ("Lantern Row is a 2006 film by Laura Penhale. David Okoro is hostage negotiator Kip Marlow, "
            "and Anna Brill is the robber Gil Sorel who seems one step ahead.")
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    got = credits(doc)
    assert ("Laura Penhale", "director", "Lantern Row", None) in got
    assert ("David Okoro", "actor", "Lantern Row", "Kip Marlow") in got
    assert ("Anna Brill", "actor", "Lantern Row", "Gil Sorel") in got


def test_a_copula_without_a_film_or_show_casts_nobody(run_text):
    text = "Lantern Row is the new album by Laura Penhale. David Okoro is the label founder Gil Sorel's friend."
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert ("Laura Penhale", "musician", "Lantern Row", None) in credits(doc)
    assert "actor" not in roles(doc).get("David Okoro", [])


@pytest.mark.parametrize("text,expected", [
    ("Lantern Row, a 2006 film by Laura Penhale, opens today.", ("Laura Penhale", "director")),
    ("Lantern Row, the debut novel by Laura Penhale, sold out.", ("Laura Penhale", "writer")),
    ("Lantern Row, a song by Laura Penhale, topped the chart.", ("Laura Penhale", "musician")),
])
def test_a_work_noun_by_a_person_gives_the_maker(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert expected[1] in roles(doc)[expected[0]]


def test_a_title_used_as_an_epithet_is_not_what_later_cues_are_about(run_text):
    text = ("Lantern Row (2025)\nThis romcom centers on Glass Harbour star David Okoro who plays Kip, a shy man "
            "who falls for biker Gil (Laura Penhale).")
    spans = [(0, 18, "heading")] + emphasis_spans(text, "Glass Harbour")
    got = credits(run_text(text, spans=spans))
    assert ("David Okoro", "actor", "Glass Harbour", None) in got
    assert ("David Okoro", "actor", "Lantern Row", "Kip") in got
    assert ("Laura Penhale", "actor", "Lantern Row", "Gil") in got


def test_quoted_titles_listed_in_brackets_share_the_credit(run_text):
    text = "Her son, filmmaker Bram Okoro (“The Discovery,” “Lantern Row”), also remembers it."
    got = credits(run_text(text, spans=emphasis_spans(text, "The Discovery", "Lantern Row")))
    assert {("Bram Okoro", "director", "The Discovery", None), ("Bram Okoro", "director", "Lantern Row", None)} <= got


def test_apposition_set_off_by_dashes(run_text):
    text = "Back then, David Okoro — a young filmmaker hot off directing an adaptation of “Lantern Row” — was broke."
    got = credits(run_text(text, spans=emphasis_spans(text, "Lantern Row")))
    assert ("David Okoro", "director", "Lantern Row", None) in got


def test_a_part_named_like_a_title_takes_the_sections_work(nlp):
    text = "Lantern Row\nThe film follows Kestrel (Bram Okoro), and Kestrel is a courier working in Paris."
    doc = tagged_doc(nlp, text, {"Lantern Row": "WORK", "Kestrel": "WORK", "Bram Okoro": "PERSON"},
                     [TextSpan(0, 11, "heading")])
    got = credits(doc)
    assert ("Bram Okoro", "actor", "Lantern Row", "Kestrel") in got
    assert not any(c[2] == "Kestrel" for c in got)


def test_a_pronoun_never_stands_for_a_name_cast_as_a_part_elsewhere(run_text):
    text = ("Anna Brill joins as Kip Marlow in Lantern Row. David Okoro arrives on a wave of attention. "
            "Kip Marlow, the team's heart, is written as its anchor. He won an Emmy for his turn in the series.")
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert "actor" not in roles(doc).get("Kip Marlow", [])


def test_leading_a_business_deal_is_not_acting(run_text):
    doc = run_text("Disney executive David Okoro spoke on Friday. He led key acquisitions, including two studios.")
    assert "actor" not in roles(doc)["David Okoro"]


@pytest.mark.parametrize("text", [
    'The upset belonged to Anna Brill, whose "Lantern Row," a ballad she wrote by herself, beat "Glass Harbour."',
    'Anna Brill brought "Lantern Row", the film she directed in 1999, to "Glass Harbour."',
])
def test_the_title_a_clause_describes_is_its_work(run_text, text):
    got = credits(run_text(text, spans=emphasis_spans(text, "Lantern Row", "Glass Harbour")))
    role = "writer" if "wrote" in text else "director"
    assert ("Anna Brill", role, "Lantern Row", None) in got
    assert not any(c[2] == "Glass Harbour" for c in got)


def test_genre_star_is_a_musician_not_an_actor(run_text):
    text = "A year later, Mara Quist joined forces with soul star Kip Ardley to sing the theme of Lantern Row."
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    r = roles(doc)
    assert r.get("Kip Ardley") == ["musician"]
    assert "actor" not in r.get("Mara Quist", [])


@pytest.mark.parametrize(
    "text,acts",
    [
        ("Mara Quist appeared at Paris Fashion Week in July.", False),
        ("Mara Quist appeared in Lantern Row last year.", True),
    ],
)
def test_appearing_is_acting_only_in_a_work(run_text, text, acts):
    doc = run_text(text, spans=emphasis_spans(text, "Lantern Row"))
    assert ("actor" in roles(doc).get("Mara Quist", [])) is acts


@pytest.mark.parametrize(
    "text,expected",
    [
        ("In the hands of writer-director Ana Pereira, Moonfall Road is beautiful.",
         {("Ana Pereira", "director", "Moonfall Road", None), ("Ana Pereira", "writer", "Moonfall Road", None)}),
        ("The actor/producer Ana Pereira backed Moonfall Road.",
         {("Ana Pereira", "actor", "Moonfall Road", None), ("Ana Pereira", "producer", "Moonfall Road", None)}),
        ("Moonfall Road is also a dazzling directorial debut from Ana Pereira, a thriller.",
         {("Ana Pereira", "director", "Moonfall Road", None)}),
        ("Moonfall Road is written by real-life married couple Ana Pereira and Jonas Berg.",
         {("Ana Pereira", "writer", "Moonfall Road", None), ("Jonas Berg", "writer", "Moonfall Road", None)}),
        ("Moonfall Road (a stunning directorial debut from Dust Lane's Ana Pereira) is scary.",
         {("Ana Pereira", "director", "Moonfall Road", None)}),
        ("In Moonfall Road, the film follows hotel manager Bobby (a splendid, warm Ana Pereira), who tries.",
         {("Ana Pereira", "actor", "Moonfall Road", "Bobby")}),
        ("In Moonfall Road, it follows her aunt Nora (Ana Pereira, playing a character modeled on the author "
         "Jonas Berg) in Chicago.", {("Ana Pereira", "actor", "Moonfall Road", "Nora")}),
    ],
)
def test_credit_cues_from_reviews(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road", "Dust Lane"))
    assert expected <= credits(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Tools include editors (Ana Pereira, Jonas Berg, Lisa Ekwueme) and Moonfall Road.",
        "See the notes on Moonfall Road (chapter 6, a review in Ana Pereira).",
    ],
)
def test_names_listed_in_brackets_are_not_cast(run_text, text):
    doc = run_text(text, spans=emphasis_spans(text, "Moonfall Road"))
    assert not any(c[1] == "actor" for c in credits(doc))


def test_apposition_stops_at_a_clause(run_text):
    text = "In Moonfall Road, Ana Pereira, playing a character modeled on the author Jonas Berg, shines."
    assert "writer" not in roles(run_text(text, spans=emphasis_spans(text, "Moonfall Road"))).get("Ana Pereira", [])


def test_cast_that_includes_and_a_budgeted_possessive(run_text):
    text = ("Ana Pereira’s $170 million Netflix gangster movie Moonfall Road had a bad night, despite a cast that "
            "includes Jonas Berg, Lisa Ekwueme, and Mara Quist.")
    got = credits(run_text(text, spans=emphasis_spans(text, "Moonfall Road")))
    assert ("Ana Pereira", "director", "Moonfall Road", None) in got
    assert {("Jonas Berg", "actor", "Moonfall Road", None), ("Mara Quist", "actor", "Moonfall Road", None)} <= got


def test_possessive_medium_names_the_role(run_text):
    text = "They relocate Ana Pereira's 1983 British television drama Moonfall Road to Chicago."
    got = credits(run_text(text, spans=emphasis_spans(text, "Moonfall Road")))
    assert ("Ana Pereira", "creator", "Moonfall Road", None) in got


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ana Pereira, likewise, has picked up most prizes for her performance as a desperate, aging Nora Vale in "
         "biopic Moonfall Road.", ("Ana Pereira", "actor", "Moonfall Road", "Nora Vale")),
        ("Jonas Berg won best actor, and Ana Pereira collected best supporting actress for her turn as the "
         "scheming Nora Vale in Moonfall Road.", ("Ana Pereira", "actor", "Moonfall Road", "Nora Vale")),
    ],
)
def test_pronoun_part_as_a_character(run_text, text, expected):
    got = credits(run_text(text, spans=emphasis_spans(text, "Moonfall Road")))
    assert expected in got
    assert not any(c[0] == "Jonas Berg" and c[3] == "Nora Vale" for c in got)


def test_pronoun_part_needs_a_near_antecedent(run_text):
    text = ("Jonas Berg joined Moonfall Road in May. The cast grew. Filming began. Critics talked. "
            "Moss-Kerr arrives on a wave of attention. He won an Emmy for his turn as Nora Vale in Moonfall Road.")
    got = credits(run_text(text, spans=emphasis_spans(text, "Moonfall Road")))
    assert not any(c[0] == "Jonas Berg" and c[3] == "Nora Vale" for c in got)
    assert not any(c[0] == "Nora Vale" for c in got)  # the part is not an actor


def test_award_for_a_part_gives_the_acting_credit(run_text):
    text = ("The Screen Actors Guild awards were on Sunday. In television, Ana Pereira was an upset winner for her "
            "role as a news anchor in Moonfall Road.")
    assert ("Ana Pereira", "actor", "Moonfall Road", None) in credits(run_text(text, spans=emphasis_spans(text, "Moonfall Road")))


def test_section_work_named_in_title_case_heading(run_text):
    text = ("1. On Becoming A Lantern\nSet in a village, On Becoming a Lantern is strange.\n"
            "Filmmaker Ana Pereira employed a striking visual style.")
    s = text.index("On Becoming a Lantern")
    doc = run_text(text, spans=[(0, len("1. On Becoming A Lantern"), "heading"), (s, s + 21, "emphasis")])
    assert ("Ana Pereira", "director", "On Becoming a Lantern", None) in credits(doc)


def test_coordinated_possessive_parts(nlp):
    text = "In Moonfall Road, Ana Pereira's Nora Vale and Jonas Berg's Rusk Tamber rob three casinos."
    doc = tagged_doc(nlp, text, {"Moonfall Road": "WORK", "Ana Pereira": "PERSON", "Nora Vale": "PERSON",
                                 "Jonas Berg": "PERSON", "Rusk Tamber": "PERSON"})
    got = credits(doc)
    assert ("Jonas Berg", "actor", "Moonfall Road", "Rusk Tamber") in got


def test_lone_possessive_before_a_tagged_name_is_not_a_part(nlp):
    text = "The room is painted in Benjamin Moore's Richmond Gray, a calm colour."
    doc = tagged_doc(nlp, text, {"Benjamin Moore": "PERSON", "Richmond Gray": "PERSON"})
    assert not credits(doc)


def test_whose_cast_included(run_text):
    text = "The show draws on the 1983 film Moonfall Road, whose young cast included Ana Pereira and Jonas Berg."
    r = roles(run_text(text, spans=emphasis_spans(text, "Moonfall Road")))
    assert "actor" in r["Ana Pereira"] and "actor" in r["Jonas Berg"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ana Pereira was born in 1930. As Nora Vale, the genial older sister in Moonfall Road (1967), she earned "
         "her first nomination.", ("Ana Pereira", "actor", "Moonfall Road", "Nora Vale")),
        ("In Moonfall Road, Ana Pereira plays Joel's brother Tommy.", ("Ana Pereira", "actor", "Moonfall Road", "Tommy")),
    ],
)
def test_parts_named_after_as_or_a_relation(run_text, text, expected):
    assert expected in credits(run_text(text, spans=emphasis_spans(text, "Moonfall Road")))


@pytest.mark.parametrize(
    "text",
    [
        "As Jonas Berg put it, Moonfall Road would have been different, and Ana Pereira agreed.",
        "As Moon Choir, Ana Pereira, Jonas Berg and Lisa Ekwueme make music beyond compare.",
        "In Moonfall Road, Ana Pereira plays Jonas Berg's bitchy boss.",
    ],
)
def test_no_part_from_as_clauses_bands_or_descriptions(run_text, text):
    assert not any(c[3] for c in credits(run_text(text, spans=emphasis_spans(text, "Moonfall Road"))))


def test_nominees_with_their_works_in_brackets_are_not_parts(run_text):
    text = ("Mara Quist won the Tony Award for best leading actress in a play. Quist saw off a field that included "
            "Ana Pereira (Moonfall Road), Lisa Ekwueme (Dust Lane) and Dana Holt (Doubt).")
    got = credits(run_text(text))
    assert not any(c[3] in ("Ana Pereira", "Lisa Ekwueme", "Dana Holt") for c in got)


def test_title_inside_the_section_title_stands_for_it(run_text):
    head = "3. Dead Lane: A Moonfall Mystery"
    text = head + "\nAna Pereira’s third all-star film “Moonfall” gives its detective a partner."
    s = text.index("Moonfall”")
    doc = run_text(text, spans=[(0, len(head), "heading"), (3, len(head), "emphasis"), (s, s + 8, "quote")])
    got = credits(doc)
    assert ("Ana Pereira", "director", "Dead Lane: A Moonfall Mystery", None) in got
    assert not any(c[2] == "Moonfall" for c in got)


@pytest.mark.parametrize("line", ["Dana Marsh · Lantern Row", "Lantern Row · Dana Marsh (1990)", "Dana Marsh: Lantern Row"])
def test_a_fact_list_without_a_title_credits_the_title_set_beside_its_director(run_text, line):
    text = (f"{line}\nA nearly wordless story of two lovers and a crowd. Director: Dana Marsh · "
            "Stars: Gil Arden and Ana Pereira")
    facts = [("Director", "Dana Marsh"), ("Stars", "Gil Arden and Ana Pereira")]
    doc = run_text(text, facts=facts, spans=[(0, len(line), "list_item")])
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert {("Dana Marsh", "director", "Lantern Row"), ("Gil Arden", "actor", "Lantern Row"),
            ("Ana Pereira", "actor", "Lantern Row")} <= got


def test_a_fact_key_beside_the_maker_is_not_a_title(run_text):
    text = "Our pick\nAuthor: Dana Marsh\nA quiet novel about a lighthouse."
    doc = run_text(text, facts=[("Author", "Dana Marsh")], spans=[(9, 27, "paragraph")])
    assert "Author" not in {w["title"] for w in doc._.works}


@pytest.mark.parametrize("text,expected", [
    ("I also picked up Salt Lines by Dana Marsh, a slim adventure for two players.",
     {("Dana Marsh", "writer", "Salt Lines")}),
    ("Her pick is Salt Lines, by Dana Marsh and Gil Arden, out in May.",
     {("Dana Marsh", "writer", "Salt Lines"), ("Gil Arden", "writer", "Salt Lines")}),
    ("Here is a review of Salt Lines by Dana Marsh.", set()),
])
def test_the_people_right_after_a_title_and_by_made_it(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Salt Lines"))
    assert {(c["person"], c["role"], c["work"]) for c in doc._.credits if c["work"] and c["role"] != "critic"} == expected


@pytest.mark.parametrize("text,expected", [
    ("Dana Marsh – “Salt Lines” (Ft. Gil Arden)\nThe new single is out.",
     {("Dana Marsh", "musician", "Salt Lines"), ("Gil Arden", "musician", "Salt Lines")}),
    ("Listen to the new single “Salt Lines” (feat. Gil Arden and Ana Pereira) below.",
     {("Gil Arden", "musician", "Salt Lines"), ("Ana Pereira", "musician", "Salt Lines")}),
])
def test_featured_artists_after_a_song_and_its_artist_before_a_dash(run_text, text, expected):
    doc = run_text(text, spans=[(text.index("Salt Lines"), text.index("Salt Lines") + 10, "quote")])
    assert {(c["person"], c["role"], c["work"]) for c in doc._.credits if c["work"]} >= expected
    assert not any(w["title"].startswith(("Ft", "feat")) for w in doc._.works)


def test_a_profiles_subject_has_their_role_in_the_works_beside_them(run_text):
    text = ("Dana Marsh, star of the film Salt Lines, dies at 95\n"
            "Dana Marsh starred in the film Salt Lines in 1970. Marsh starred in the film Harbor Lights in 1975. "
            "The 80s brought the film Night Train, which gave Marsh an award nomination. "
            "Gil Arden starred in the film Iron Bay, a part Marsh turned down. Marsh was proud of her work.")
    spans = emphasis_spans(text, "Salt Lines", "Harbor Lights", "Night Train", "Iron Bay")
    doc = run_text(text, spans=spans, headline=True)
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert ("Dana Marsh", "actor", "Night Train") in got
    assert ("Dana Marsh", "actor", "Iron Bay") not in got


def test_songs_in_a_record_review_under_an_artists_heading_are_theirs(run_text):
    lines = ["Dana Marsh Salt Lines Harbor Records",
             "Dana Marsh's third album, Salt Lines, is a quiet record. The single ‘Harbor Song’ opens it, and "
             "‘Low Tide’ (Gil Arden) closes it.",
             "Gil Arden Iron Bay Harbor Records",
             "Gil Arden's album Iron Bay is a loud one."]
    text = "\n".join(lines)
    spans = []
    for i, line in enumerate(lines):
        start = text.index(line)
        if i % 2 == 0:
            spans.append((start, start + len(line), "heading"))
    spans += emphasis_spans(text, "Salt Lines", "Iron Bay")
    spans += [(text.index(t), text.index(t) + len(t), "quote") for t in ("Harbor Song", "Low Tide")]
    doc = run_text(text, spans=spans)
    got = {(c["person"], c["role"], c["work"]) for c in doc._.credits}
    assert ("Dana Marsh", "musician", "Harbor Song") in got
    assert ("Dana Marsh", "musician", "Low Tide") not in got


@pytest.mark.parametrize(
    "text,name,role",
    [
        ("Jonas Berg, director of games at the studio, said the service would launch soon.", "Jonas Berg", "executive"),
        ("Jonas Berg, director for games at the studio, said so.", "Jonas Berg", "executive"),
        ("Research director Mara Quist said the market was small.", "Mara Quist", "executive"),
        ("Managing director Kip Ardley approved the deal.", "Kip Ardley", "executive"),
        ("Festival director Dana Marsh unveiled the lineup.", "Dana Marsh", "executive"),
        ("Ana Pereira, senior vp of partnerships at the label, said it.", "Ana Pereira", "executive"),
        ("Director Gil Arden shot the film in Rome.", "Gil Arden", "director"),
        ("Gil Arden, director of the film, said the shoot was hard.", "Gil Arden", "director"),
        ("Gil Arden, director of documentaries about the sea, said so.", "Gil Arden", "director"),
    ],
)
def test_director_as_an_office_is_an_executive(run_text, text, name, role):
    assert roles(run_text(text)).get(name) == [role]


@pytest.mark.parametrize("text,name", [
    ("Casting director Dana Marsh found the lead.", "Dana Marsh"),
    ("Mara Quist, director of photography on the shoot, lit it.", "Mara Quist"),
])
def test_craft_directors_get_no_director_role(run_text, text, name):
    assert "director" not in roles(run_text(text)).get(name, [])


@pytest.mark.parametrize(
    "text,name,role",
    [
        # a comma between two names is a clause boundary before a singular verb, not a list
        ("In her second film with director Kip Ardley, Mara Quist plays a shopper in Stillwater.", "Kip Ardley", "actor"),
        # a name before the base form "play" or "star" is a modifier of the noun
        ("The novel has a lost Jonas Berg play at its center.", "Jonas Berg", "actor"),
        # a bracket of examples is not a cast
        ("The film shows readings with authors (including Dana Marsh and Gil Arden) in Stillwater.", "Gil Arden", "actor"),
        # a pen name is not a part
        ("Her husband Jonas Berg, who wrote as Kip Ardley, edited the novel Stillwater.", "Jonas Berg", "actor"),
        # a head of state holds no office of the vocabulary
        ("He took a shot at U.S. President Gil Arden in his speech.", "Gil Arden", "executive"),
    ],
)
def test_no_role_from_look_alike_cues(run_text, text, name, role):
    assert role not in roles(run_text(text)).get(name, [])


def test_a_list_before_play_keeps_the_verb(run_text):
    doc = run_text("Mara Quist and Dana Marsh play the parents in Stillwater.")
    assert roles(doc).get("Dana Marsh") == ["actor"] and roles(doc).get("Mara Quist") == ["actor"]


@pytest.mark.parametrize(
    "text,titles,expected,not_expected",
    [
        ("Kip Ardley picked up another trophy for his supporting role as a stunt man in Ashfall, "
         "while Mara Quist was named best actress for playing a lawyer in the drama Stillwater.",
         ("Ashfall", "Stillwater"),
         {("Kip Ardley", "actor", "Ashfall"), ("Mara Quist", "actor", "Stillwater")},
         {("Mara Quist", "actor", "Ashfall")}),
        ("Dana Marsh is nominated again for playing chef Gil Arden in Ashfall.", ("Ashfall",),
         {("Dana Marsh", "actor", "Ashfall")}, {("Gil Arden", "actor", "Ashfall")}),
    ],
)
def test_a_part_played_in_a_work(run_text, text, titles, expected, not_expected):
    got = {c[:3] for c in credits(run_text(text, spans=emphasis_spans(text, *titles)))}
    assert expected <= got and not (not_expected & got)


def test_a_work_in_another_persons_relative_clause_is_not_the_listed_peoples(run_text):
    text = ("She is joined by the actors Mara Quist and Dana Marsh, and Gil Arden, who won the top prize "
            "in 2018 with Ashfall.")
    got = credits(run_text(text, spans=emphasis_spans(text, "Ashfall")))
    assert not {c for c in got if c[0] in ("Mara Quist", "Dana Marsh") and c[2] == "Ashfall"}
    assert ("Mara Quist", "actor", None, None) in got


def test_the_work_right_after_in_is_the_partners(run_text):
    text = "Kip Ardley broke out in Ashfall and will next be seen opposite Mara Quist in Stillwater."
    got = credits(run_text(text, spans=emphasis_spans(text, "Ashfall", "Stillwater")))
    assert ("Mara Quist", "actor", "Stillwater", None) in got
    assert ("Mara Quist", "actor", "Ashfall", None) not in got


@pytest.mark.parametrize("signature", ["– Kip Ardley, Writer", "— Kip Ardley, Contributing Editor", "- Kip Ardley, Staff Writer"])
def test_a_blurbs_signature_line_is_a_critic_of_no_work(run_text, signature):
    text = f"Mara Quist releases Ashfall.\nFrom its synths to its melodies, it takes you on a journey.\n{signature}\nMore news."
    doc = run_text(text, spans=emphasis_spans(text, "Ashfall"))
    assert roles(doc).get("Kip Ardley") == ["critic"]
    assert {c for c in credits(doc) if c[0] == "Kip Ardley"} == {("Kip Ardley", "critic", None, None)}


def test_a_relative_clause_is_not_an_apposition(run_text):
    doc = run_text("He worked for the conservative Gil Arden, who ran for president in 1964.")
    assert "executive" not in roles(doc).get("Gil Arden", [])


def test_a_ranked_list_under_a_plural_role_headline(run_text):
    text = ("The Top 50 Metal Vocalists of All Time\nHere is the full list.\n01. Kip Ardley\n02. Mara Quist\n"
            "03. Dana Marsh\n04. Gil Arden\nMy own favourite, Jonas Berg, is missing.")
    doc = run_text(text, headline=True)
    got = roles(doc)
    assert all(got.get(n) == ["musician"] for n in ("Kip Ardley", "Mara Quist", "Dana Marsh", "Gil Arden"))
    assert "musician" not in got.get("Jonas Berg", [])


def test_no_ranked_role_without_a_list(run_text):
    doc = run_text("The Best Actors of the Year\n01. Kip Ardley\nMore to come.", headline=True)
    assert "actor" not in roles(doc).get("Kip Ardley", [])


@pytest.mark.parametrize("text,actor,character", [
    ("In the film, Dana Vore, as the desperate Kip Wirtz, gives a great performance.", "Dana Vore", "Kip Wirtz"),
    ("In the film, Mara Quist is heartbreaking as his partner Sal Rocca.", "Mara Quist", "Sal Rocca"),
    ("In the film, Mara Quist is superb as her sister Ana Rocca.", "Mara Quist", "Ana Rocca"),
])
def test_part_set_off_by_commas_or_after_a_possessive(run_text, text, actor, character):
    doc = run_text(text)
    assert (actor, "actor", character) in {(c["person"], c["role"], c["character"]) for c in doc._.credits}


def test_as_in_a_speech_aside_is_no_part(run_text):
    doc = run_text("Dana Vore, as Kip Wirtz said, is the best writer of her generation.")
    assert not [c for c in doc._.credits if c["character"]]


@pytest.mark.parametrize("text,names", [
    ("To mark 50 years, founding members Tom Varga, Mick Dale, Pat Orme and Jon Fell will reunite for a tour.",
     ["Tom Varga", "Mick Dale", "Pat Orme", "Jon Fell"]),
    ("The trek will feature band members Tom Varga and Pat Orme.", ["Tom Varga", "Pat Orme"]),
])
def test_a_plural_two_word_role_noun_covers_the_list(run_text, text, names):
    got = roles(run_text(text))
    assert all("musician" in got.get(n, []) for n in names)


def test_a_singer_in_a_sentence_about_a_show_keeps_the_role(run_text):
    text = "Singer Mara Quist was seen at the premiere of the film Night Harbour on Friday."
    doc = run_text(text, spans=emphasis_spans(text, "Night Harbour"))
    assert ("Mara Quist", "musician", None, None) in credits(doc)  # the singer, not the film's composer


def test_whose_is_a_possessive_of_the_name_before_it(run_text):
    text = ("Justine Tarrant, whose Anatomy of a Stall took the Palme in 2023, returns. Kip Ardley, whose "
            "grief-stricken drama Lantern Row competed here in 2021, brings a new film. Anatomy of a Stall is "
            "a 2023 film.")
    doc = run_text(text, spans=emphasis_spans(text, "Anatomy of a Stall", "Lantern Row"))
    got = credits(doc)
    assert ("Justine Tarrant", "director", "Anatomy of a Stall", None) in got
    assert ("Kip Ardley", "director", "Lantern Row", None) in got


@pytest.mark.parametrize("text,actor,character", [
    ("Nora, played by Greta Lind, is a working playwright.", "Greta Lind", "Nora"),
    ("She is married to Arthur, a gentle American writer played by Jon Magill.", "Jon Magill", "Arthur"),
])
def test_part_named_before_played_by(run_text, text, actor, character):
    assert (actor, "actor", None, character) in credits(run_text(text))


def test_a_common_word_opening_the_sentence_is_no_part(run_text):
    got = credits(run_text("Then, played by Greta Lind, the mother arrives."))
    assert not [c for c in got if c[3]]


def test_acting_verb_then_a_phrase_then_as_a_part(run_text):
    text = "Gabe Lunn plays the brother, while Anna Torv Hale featured in the first two episodes as Tess Marlow."
    assert ("Anna Torv Hale", "actor", None, "Tess Marlow") in credits(run_text(text))


@pytest.mark.parametrize("text,expected", [
    ("The comedy stars Everett Blunn as high-maintenance creative kid Griffin Moss, who writes plays.",
     ("Everett Blunn", "Griffin Moss")),
    ("She joined as well as Tom Varga.", None),
    ("Dana Vore was hired as part of Marvel Studios' slate.", None),
])
def test_part_after_bare_modifiers(run_text, text, expected):
    parts = {(c[0], c[3]) for c in credits(run_text(text)) if c[3]}
    assert parts == ({expected} if expected else set())


@pytest.mark.parametrize("text", [
    "Anora stars Mikey Madsen as a Brooklyn stripper who marries in haste.",
    "Jennifer Anson won for her turn as a TV anchor in The Morning Show.",
])
def test_a_place_or_acronym_after_as_a_is_no_part(run_text, text):
    assert not [c for c in credits(run_text(text)) if c[3]]


@pytest.mark.parametrize("text,expected", [
    ("Night Harbour is a film by Kip Ardley. Dana Vore has a small but showy role as a defence lawyer.",
     ("Dana Vore", "actor", "Night Harbour", None)),
    ("Night Harbour is a film by Kip Ardley. Dana Vore had a cameo in Night Harbour.",
     ("Dana Vore", "actor", "Night Harbour", None)),
])
def test_having_a_part_is_acting(run_text, text, expected):
    doc = run_text(text, spans=emphasis_spans(text, "Night Harbour"))
    assert expected in credits(doc)


def test_having_said_something_about_a_role_is_no_part(run_text):
    text = "Night Harbour is a film by Kip Ardley. Dana Vore has said the role was hard to cast."
    assert "actor" not in roles(run_text(text, spans=emphasis_spans(text, "Night Harbour"))).get("Dana Vore", [])


def test_a_shows_possessive_names_a_cast_member(run_text):
    text = ("The HBO series Glass Harbour ended in May. Glass Harbour's Mara Quist was left off the list, while "
            "Kip Ardley was nominated for Night Watch.")
    doc = run_text(text, spans=emphasis_spans(text, "Glass Harbour", "Night Watch"))
    got = credits(doc)
    assert ("Mara Quist", "actor", "Glass Harbour", None) in got
    assert not [c for c in got if c[0] == "Kip Ardley" and c[2] == "Glass Harbour"]


@pytest.mark.parametrize("setting,role", [
    ("The film opens in cinemas on Friday. The film is the best film of the year, a film for every filmgoer "
     "who loves film.", "director"),
    ("The album is out on Friday. The album has ten songs, and the songs on the album are her best songs.", "musician"),
])
def test_a_makers_possessive_on_a_page_plainly_about_one_medium(run_text, setting, role):
    text = setting + " Critics loved Kip Ardley's Night Harbour."
    doc = run_text(text, spans=emphasis_spans(text, "Night Harbour"))
    assert ("Kip Ardley", role, "Night Harbour", None) in credits(doc)


def test_no_makers_role_from_a_page_of_mixed_media(run_text):
    text = ("The film and the album are out. The song and the movie are new. Critics loved Kip Ardley's Night "
            "Harbour.")
    doc = run_text(text, spans=emphasis_spans(text, "Night Harbour"))
    assert not [c for c in credits(doc) if c[0] == "Kip Ardley"]


def test_a_cast_list_whose_last_member_has_a_part(run_text):
    text = ("Night Harbour is a 1992 film. Kip Ardley, Tom Gale and a wonderfully twitchy Dana Vore as Mr. Pike "
            "make the warehouse feel like a pressure cooker.")
    got = credits(run_text(text, spans=emphasis_spans(text, "Night Harbour")))
    assert {("Kip Ardley", "actor", "Night Harbour", None), ("Tom Gale", "actor", "Night Harbour", None),
            ("Dana Vore", "actor", "Night Harbour", "Mr. Pike")} <= got


def test_a_list_without_a_part_gets_no_acting(run_text):
    text = "Night Harbour is a 1992 film. Kip Ardley, Tom Gale and Dana Vore were at the party."
    got = credits(run_text(text, spans=emphasis_spans(text, "Night Harbour")))
    assert not [c for c in got if c[1] == "actor"]


@pytest.mark.parametrize("text,acts", [
    ("Night Harbour is a 2018 film. Dana Vore quietly steals the film.", True),
    ("Night Harbour is a 2018 film. Dana Vore steals every scene she is in.", True),
    ("Night Harbour won at the Grammys, where Dana Vore stole the show.", False),  # a ceremony is no screen part
])
def test_stealing_the_film_is_acting(run_text, text, acts):
    got = roles(run_text(text, spans=emphasis_spans(text, "Night Harbour")))
    assert ("actor" in got.get("Dana Vore", [])) is acts



_CAST = {"Hollowmere": "WORK", "Marta Quillon": "PERSON", "Desmond Fairweather": "PERSON", "Piet Vandersloot": "PERSON",
         "Bastian Crane": "PERSON"}  # the model reading a part's name as a person's, as it does


def _cast_doc(nlp, text):  # noqa: ANN001, ANN202
    return tagged_doc(nlp, text, {k: v for k, v in _CAST.items() if k in text})


@pytest.mark.parametrize(
    "text,expected",
    [
        # two people, two parts: each its own, in order; a surname the last part spells out is the first's too
        ("Returning to Hollowmere are Marta Quillon and Desmond Fairweather as Odile and Bastian Crane, "
         "Piet Vandersloot as Rufus, and a newcomer as the headmistress.",
         {"Marta Quillon": "Odile Crane", "Desmond Fairweather": "Bastian Crane", "Piet Vandersloot": "Rufus"}),
        ("Hollowmere stars Marta Quillon as Odile and Desmond Fairweather as Bastian.",
         {"Marta Quillon": "Odile", "Desmond Fairweather": "Bastian"}),
    ],
)
def test_people_and_parts_in_the_same_order(nlp, text, expected):
    doc = _cast_doc(nlp, text)
    got = {c["person"]: c["character"] for c in doc._.credits if c["role"] == "actor"}
    for person, part in expected.items():
        assert got.get(person) == part
    assert "Bastian Crane" not in got  # a part the model read as a person is not an actor


@pytest.mark.parametrize("text", [
    "Hollowmere brings back Marta Quillon and Desmond Fairweather as Odile, Bastian and Rufus.",  # more parts
    "Hollowmere brings back Marta Quillon, Desmond Fairweather as Odile and Rufus.",  # no 'and' between people
])
def test_lists_that_do_not_pair_up_are_not_respective(nlp, text):
    doc = _cast_doc(nlp, text)
    got = {c["person"]: c["character"] for c in doc._.credits if c["role"] == "actor"}
    assert got.get("Marta Quillon") is None or got.get("Marta Quillon") == "Odile"
    assert got.get("Desmond Fairweather") in (None, "Odile")


def test_part_with_elided_surname_points_at_its_first_name(nlp):
    text = "Returning to Hollowmere are Marta Quillon and Desmond Fairweather as Odile and Bastian Crane."
    doc = _cast_doc(nlp, text)
    odile = next(p for p in doc._.people if p["name"] == "Odile Crane")
    assert "character" in odile["roles"]
    assert [(m["start"], m["text"]) for m in odile["mentions"]] == [(text.index("Odile"), "Odile")]


@pytest.mark.parametrize(
    "text,ents,expected",
    [
        ("In May, Vera Holt played the small role of reporter Jin Castell in Glass Harbour 2.",
         {"Vera Holt": "PERSON", "Jin Castell": "PERSON", "Glass Harbour 2": "WORK"},
         ("Vera Holt", "actor", "Glass Harbour 2", "Jin Castell")),
        # the model read the part's name as a title: after "role of" it is the part
        ("In May, Vera Holt played the small role of reporter Jin Castell in Glass Harbour 2.",
         {"Vera Holt": "PERSON", "Jin Castell": "WORK", "Glass Harbour 2": "WORK"},
         ("Vera Holt", "actor", "Glass Harbour 2", "Jin Castell")),
        ("Vera Holt plays the part of Nessa in Glass Harbour.",
         {"Vera Holt": "PERSON", "Glass Harbour": "WORK"}, ("Vera Holt", "actor", "Glass Harbour", "Nessa")),
    ],
)
def test_part_named_after_role_of(nlp, text, ents, expected):
    doc = tagged_doc(nlp, text, ents)
    assert expected in credits(doc)
    assert expected[3] not in {w["title"] for w in doc._.works}
