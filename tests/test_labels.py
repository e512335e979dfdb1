"""The label mapper: any pipeline's labels onto ours, and PERSON spans that read as titles."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from extract.components.labels import LabelMapper


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _mapped(blank, text: str, ents: list[tuple[str, str]], **kw) -> list[tuple[str, str]]:
    doc = blank.make_doc(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.set_ents(spans)
    mapper = LabelMapper("labels", {"PERSON": "PERSON", "WORK_OF_ART": "WORK", "GPE": "LOC"}, False, **kw)
    return [(e.text, e.label_) for e in mapper(doc).ents]


@pytest.mark.parametrize(
    "text,ents,expected",
    [
        ("Fans queued for her record-breaking Eras Tour in Vancouver.", [("Eras Tour", "PERSON"), ("Vancouver", "GPE")],
         [("Eras Tour", "WORK"), ("Vancouver", "LOC")]),
        ("The Phantom Menace saw a 3D re-release.", [("Phantom Menace", "PERSON")], [("The Phantom Menace", "WORK")]),
        ("Critics praised Celine Song, a playwright.", [("Celine Song", "PERSON")], [("Celine Song", "PERSON")]),
        ("Then Dana Hill spoke.", [("Dana Hill", "PERSON")], [("Dana Hill", "PERSON")]),
        ("He read Dune twice.", [("Dune", "WORK_OF_ART")], [("Dune", "WORK")]),
        # a channel after the title in a subheading; a surname that is also a network stays a name
        ("Backyard Rescue HGTV", [("Backyard Rescue HGTV", "PERSON")], [("Backyard Rescue", "WORK")]),
        ("Grow Along Magnolia Network", [("Grow Along Magnolia Network", "PERSON")], [("Grow Along", "WORK")]),
        ("Dana Fox spoke.", [("Dana Fox", "PERSON")], [("Dana Fox", "PERSON")]),
        # a name right after a role noun is a person, not a title
        ("That is a day's work for host Gil Arden.", [("Gil Arden", "WORK_OF_ART")], [("Gil Arden", "PERSON")]),
        ("She loved the film Kestrel Run.", [("Kestrel Run", "WORK_OF_ART")], [("Kestrel Run", "WORK")]),
        # a name in a compound modifier after "The" is still a name
        ("The Bram Vale-led film opens.", [("Bram Vale", "PERSON")], [("Bram Vale", "PERSON")]),
        # a show's possessive before a given name and surname read as one title: the show and a person
        ("Then Harbourfall's Ella Quist was left off.", [("Harbourfall's Ella Quist", "WORK_OF_ART")],
         [("Harbourfall", "WORK"), ("Ella Quist", "PERSON")]),
        # a royal title and a given name read as a place are a person; a longer place name stays a place
        ("The real Prince Andrew was busy.", [("Prince Andrew", "GPE")], [("Prince Andrew", "PERSON")]),
        ("They drove to Prince Edward Island.", [("Prince Edward Island", "GPE")], [("Prince Edward Island", "LOC")]),
        # a title with a possessive inside stays whole when no given name follows
        ("She read Corvin's Last Winter.", [("Corvin's Last Winter", "WORK_OF_ART")], [("Corvin's Last Winter", "WORK")]),
        # lower-case words the model took into a name are left out; particles stay
        ("Then Dana Hill played the Oslo detectives.", [("Dana Hill played the Oslo", "PERSON")], [("Dana Hill", "PERSON")]),
        ("He played the bootlegger Remy Vask.", [("the bootlegger Remy Vask", "PERSON")], [("Remy Vask", "PERSON")]),
        ("Thanks to Ola Brenn of Tidewater.", [("Ola Brenn of Tidewater", "PERSON")], [("Ola Brenn", "PERSON")]),
        ("A sonata by Pieter van Dorn.", [("Pieter van Dorn", "PERSON")], [("Pieter van Dorn", "PERSON")]),
        ("Unlike van Dorn, she left.", [("van Dorn", "PERSON")], [("van Dorn", "PERSON")]),
        ("As Gaius the Elder wrote.", [("Gaius the Elder", "PERSON")], [("Gaius the Elder", "PERSON")]),
        ("Tickets for the tour.", [("the tour", "PERSON")], []),
        # two titles the model ran together: at "and The", or at the "and" closing a list of titles
        ("She won for Quiet Harbour and The Long Fall.", [("Quiet Harbour and The Long Fall", "WORK_OF_ART")],
         [("Quiet Harbour", "WORK"), ("The Long Fall", "WORK")]),
        ("New: Glass Bay, Lantern and Boy Meets Sea",
         [("Glass Bay", "WORK_OF_ART"), ("Lantern and Boy Meets Sea", "WORK_OF_ART")],
         [("Glass Bay", "WORK"), ("Lantern", "WORK"), ("Boy Meets Sea", "WORK")]),
        ("By the author of Glass Bay, Lantern and Sea, and Dusk.", [("Glass Bay", "WORK_OF_ART"),
                                                                   ("Lantern and Sea", "WORK_OF_ART")],
         [("Glass Bay", "WORK"), ("Lantern and Sea", "WORK")]),
        ("He sang Lantern and Boy Meets Sea.", [("Lantern and Boy Meets Sea", "WORK_OF_ART")],
         [("Lantern and Boy Meets Sea", "WORK")]),
        ("They staged Harbour and the Lantern.", [("Harbour and the Lantern", "WORK_OF_ART")],
         [("Harbour and the Lantern", "WORK")]),
    ],
)
def test_labels_and_titles_tagged_as_people(blank, text, ents, expected):
    assert _mapped(blank, text, ents) == expected


def test_title_fix_can_be_switched_off(blank):
    assert _mapped(blank, "The Phantom Menace returns.", [("Phantom Menace", "PERSON")], fix_titles=False) == \
        [("Phantom Menace", "PERSON")]
