"""The award component: bodies and aliases, categories, outcomes, recipients, years, one record each."""

from __future__ import annotations

import pytest


def awards(doc) -> list[dict]:
    return doc._.awards


@pytest.mark.parametrize(
    "text,award,category,outcome,year",
    [
        ("Actor Jharrel Jerome won the Emmy for Outstanding Lead Actor in a Limited Series.",
         "Primetime Emmy Award", "Outstanding Lead Actor in a Limited Series", "won", None),
        ("Olivia Colman won the Oscar for Best Actress at the 91st Academy Awards.",
         "Academy Award", "Best Actress", "won", 2019),
        ("Billie Eilish was nominated for Album of the Year at the 2020 Grammys.",
         "Grammy Award", "Album of the Year", "nominated", 2020),
        ("The film was shortlisted for the Palme d'Or in 2019.", "Palme d'Or", None, "nominated", 2019),
        ("Susan Lucci finally won a Daytime Emmy in 1999.", "Daytime Emmy Award", None, "won", 1999),
        ("She picked up a BAFTA for Best Supporting Actress.", "BAFTA Award", "Best Supporting Actress", "won", None),
    ],
)
def test_award_fields(run_text, text, award, category, outcome, year):
    found = awards(run_text(text))
    assert len(found) == 1
    a = found[0]
    assert (a["award"], a["category"], a["outcome"], a["year"]) == (award, category, outcome, year)
    assert a["evidence"]["text"] in text


@pytest.mark.parametrize(
    "text",
    [
        "The film is heading into Oscar season with momentum.",
        "Taylor Swift's AMA row seems to be over.",
        "Tony Soprano is the best character on television.",
    ],
)
def test_mentions_without_outcome_are_not_awards(run_text, text):
    assert awards(run_text(text)) == []


def test_recipient_is_the_person_the_sentence_names(run_text):
    doc = run_text("Actor Jharrel Jerome won an Emmy Award for Outstanding Lead Actor in a Limited Series.")
    assert doc._.awards[0]["recipient"] == "Jharrel Jerome"


def test_the_same_award_mentioned_twice_is_one_record(run_text):
    text = ("Jharrel Jerome won the Emmy for Outstanding Lead Actor in a Limited Series. "
            "Later that night Jharrel Jerome won the Emmy for Outstanding Lead Actor in a Limited Series again.")
    assert len(awards(run_text(text))) == 1


def test_distinct_categories_are_distinct_records(run_text):
    text = ("At the 2020 Grammys, Billie Eilish won Album of the Year and Record of the Year. "
            "Lizzo won the Grammy for Best Pop Solo Performance.")
    cats = {a["category"] for a in awards(run_text(text))}
    assert {"Best Pop Solo Performance"} <= cats
