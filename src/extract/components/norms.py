"""`entertainment_norms`: accent-free norms for the entity model, before it runs.

The shipped model embeds each token by its NORM (with prefix, suffix and shape). Its corpora spell most
names without accents, so a name it knows unaccented is a blank to it accented: "Celine Dion" is a
PERSON, "Céline Dion" nothing at all. This component sets `Token.norm_` of a word with accented letters
to the same norm without them ("céline" -> "celine"); the text, and everything later stages read, is
unchanged. It runs first, before `tok2vec`/`ner`; for a pipeline that embeds the text itself (a
transformer) it changes nothing.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component


@Language.factory("entertainment_norms", assigns=["token.norm"])
def make_norms(nlp: Language, name: str) -> "AccentFreeNorms":
    return AccentFreeNorms(name)


class AccentFreeNorms(Component):
    def __init__(self, name: str = "entertainment_norms") -> None:
        self.name = name

    def process(self, doc: Doc) -> Doc:
        if doc.text.isascii():
            return doc
        for tok in doc:
            if not tok.text.isascii():
                plain = without_accents(tok.norm_)
                if plain != tok.norm_:
                    tok.norm_ = plain
        return doc


@lru_cache(maxsize=65536)
def without_accents(text: str) -> str:
    """'céline' -> 'celine', 'björk' -> 'bjork'; letters without a decomposition ('ø', '’') and compatibility forms ('™') stay."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    if plain == decomposed and decomposed == text:
        return text
    return unicodedata.normalize("NFC", plain)
