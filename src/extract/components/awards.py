"""`entertainment_awards`: awards won or nominated.

Sets: `Doc._.awards`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component


@Language.factory("entertainment_awards", default_config={}, assigns=["doc._.awards"], requires=["doc.ents"])
def make_award_finder(nlp: Language, name: str) -> "AwardFinder":
    return AwardFinder(name)


class AwardFinder(Component):
    def __init__(self, name: str) -> None:
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.awards = []
        return doc
