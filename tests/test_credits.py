"""The credits component: roles and person-role-work links from cues, with characters."""

from __future__ import annotations

import pytest


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
