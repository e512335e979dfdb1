"""`entertainment_works`: titles of creative works with their kind and details.

Sets: `Doc._.works`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component


@Language.factory("entertainment_works", default_config={}, assigns=["doc._.works"], requires=["doc.ents"])
def make_work_finder(nlp: Language, name: str) -> "WorkFinder":
    return WorkFinder(name)


class WorkFinder(Component):
    def __init__(self, name: str) -> None:
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.works = []
        return doc
