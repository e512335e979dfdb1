"""`entertainment_labels`: map any pipeline's entity labels onto the project's label set.

Sets: `Doc.ents` (labels renamed; labels mapped to "" are dropped).
Lets en_core_web_sm/trf or a user's own pipeline feed the later stages unchanged:
PERSON/PER -> PERSON, WORK_OF_ART -> WORK, GPE/LOC -> LOC, ORG, EVENT, DATE.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

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
    default_config={"label_map": DEFAULT_LABEL_MAP, "keep_unmapped": False},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_label_mapper(nlp: Language, name: str, label_map: dict[str, str], keep_unmapped: bool) -> "LabelMapper":
    return LabelMapper(name, label_map, keep_unmapped)


class LabelMapper(Component):
    def __init__(self, name: str, label_map: dict[str, str], keep_unmapped: bool) -> None:
        self.name = name
        self.label_map = dict(label_map)
        self.keep_unmapped = keep_unmapped

    def process(self, doc: Doc) -> Doc:
        ents = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_, ent.label_ if self.keep_unmapped else "")
            if not label:
                continue
            if label != ent.label_:
                ent = doc.char_span(ent.start_char, ent.end_char, label=label) or ent
            ents.append(ent)
        doc.set_ents(ents, default="outside")
        return doc
