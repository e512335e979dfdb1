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

import numpy as np
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .base import Component
from .util import doc_text


@Language.factory("entertainment_norms", assigns=["token.norm"])
def make_norms(nlp: Language, name: str) -> "AccentFreeNorms":
    return AccentFreeNorms(name)


class AccentFreeNorms(Component):
    def __init__(self, name: str = "entertainment_norms") -> None:
        self.name = name

    def process(self, doc: Doc) -> Doc:
        if doc_text(doc).isascii():  # joined once here, read by every later component
            return doc
        strings = doc.vocab.strings
        pairs = doc.to_array([ORTH, NORM])
        # each distinct (text, norm) once, not a `Token` per position: most texts are ASCII
        unique, inverse = np.unique(pairs, axis=0, return_inverse=True)
        plain = {}
        for n, (orth, norm) in enumerate(unique.tolist()):
            if not strings[orth].isascii():
                new = without_accents(strings[norm])
                if new != strings[norm]:
                    plain[n] = new
        if plain:
            for i, n in enumerate(inverse.reshape(-1).tolist()):
                if n in plain:
                    doc[i].norm_ = plain[n]
        return doc


@lru_cache(maxsize=65536)
def without_accents(text: str) -> str:
    """'céline' -> 'celine', 'björk' -> 'bjork'; letters without a decomposition ('ø', '’') and compatibility forms ('™') stay."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    if plain == decomposed and decomposed == text:
        return text
    return unicodedata.normalize("NFC", plain)
