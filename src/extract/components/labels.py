"""`entertainment_labels`: map any pipeline's entity labels onto the project's label set.

Sets: `Doc.ents` (labels renamed; labels mapped to "" are dropped).
Lets en_core_web_sm/trf or a user's own pipeline feed the later stages unchanged:
PERSON/PER -> PERSON, WORK_OF_ART -> WORK, GPE/LOC -> LOC, ORG, EVENT, DATE.

With `fix_titles` (default), a PERSON span that reads as a title becomes WORK: one ending in a
capitalised head noun of a title ("Eras Tour", "The Late Show"; not "Song", a surname) or led by a capitalised "The" the model left
out ("The Phantom Menace" tagged PERSON on "Phantom Menace"). The head nouns are data
(`title_heads` in `patterns/work_anchors.json`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_json
from .base import Component

DEFAULT_LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "WORK_OF_ART": "WORK", "WORK": "WORK",
    "ORG": "ORG", "NORP": "",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "EVENT": "EVENT", "AWARD": "AWARD",
    "DATE": "DATE",
    "MISC": "",
}


@Language.factory(
    "entertainment_labels",
    default_config={"label_map": DEFAULT_LABEL_MAP, "keep_unmapped": False, "fix_titles": True,
                    "anchors": "work_anchors.json"},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_label_mapper(nlp: Language, name: str, label_map: dict[str, str], keep_unmapped: bool,
                      fix_titles: bool, anchors: str) -> "LabelMapper":
    return LabelMapper(name, label_map, keep_unmapped, fix_titles=fix_titles, anchors=anchors)


class LabelMapper(Component):
    def __init__(self, name: str, label_map: dict[str, str], keep_unmapped: bool, *, fix_titles: bool = True,
                 anchors: str = "work_anchors.json") -> None:
        self.name = name
        self.label_map = dict(label_map)
        self.keep_unmapped = keep_unmapped
        self.fix_titles = fix_titles
        self.title_heads = frozenset(w.casefold() for w in load_json(anchors)["title_heads"]) if fix_titles else frozenset()

    def process(self, doc: Doc) -> Doc:
        ents = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_, ent.label_ if self.keep_unmapped else "")
            if not label:
                continue
            if label != ent.label_:
                ent = doc.char_span(ent.start_char, ent.end_char, label=label) or ent
            if label == "PERSON" and self.fix_titles:
                ent = self._title_not_person(doc, ent, ents)
            ents.append(ent)
        doc.set_ents(ents, default="outside")
        return doc

    def _title_not_person(self, doc: Doc, ent: Span, before: list[Span]) -> Span:
        last = ent[-1]
        if len(ent) > 1 and last.lower_ in self.title_heads and last.text[:1].isupper():
            return Span(doc, ent.start, ent.end, label="WORK")
        k = ent.start - 1
        if k >= 0 and doc[k].text == "The" and not (before and before[-1].end > k):
            return Span(doc, k, ent.end, label="WORK")
        return ent
