"""`entertainment_credits`: person-role-work links.

Sets: `Doc._.credits`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component


@Language.factory("entertainment_credits", default_config={}, assigns=["doc._.credits"], requires=["doc.ents"])
def make_credit_finder(nlp: Language, name: str) -> "CreditFinder":
    return CreditFinder(name)


class CreditFinder(Component):
    def __init__(self, name: str) -> None:
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.credits = []
        return doc
