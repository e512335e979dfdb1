"""`entertainment_people`: people with aliases and roles.

Sets: `Doc._.people`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component


@Language.factory("entertainment_people", default_config={}, assigns=["doc._.people"], requires=["doc.ents"])
def make_people_linker(nlp: Language, name: str) -> "PeopleLinker":
    return PeopleLinker(name)


class PeopleLinker(Component):
    def __init__(self, name: str) -> None:
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.people = []
        return doc
