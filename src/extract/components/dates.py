"""`entertainment_dates`: dates normalised to ISO 8601 with their kind.

Sets: `Doc._.dates`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component


@Language.factory("entertainment_dates", default_config={}, assigns=["doc._.dates"], requires=["doc.ents"])
def make_date_finder(nlp: Language, name: str) -> "DateFinder":
    return DateFinder(name)


class DateFinder(Component):
    def __init__(self, name: str) -> None:
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc
