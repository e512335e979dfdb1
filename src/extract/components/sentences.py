"""`entertainment_sentences`: sentence boundaries from punctuation and from the cleaner's block breaks.

Sets: `Token.is_sent_start`. Applies the rule of spaCy's `Sentencizer`, then starts a sentence after
every newline (each block of the cleaned text: headline, paragraph, list item, cell).
Skipped when an earlier component (a parser or senter) already set boundaries.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, ORTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .base import Component
from .util import doc_text, string_ids


@Language.factory("entertainment_sentences", default_config={"overwrite": False},
                  assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str, overwrite: bool) -> "SentenceSplitter":
    return SentenceSplitter(name, overwrite)


class SentenceSplitter(Component):
    def __init__(self, name: str, overwrite: bool) -> None:
        self.name = name
        self.overwrite = overwrite
        self.sentencizer = Sentencizer()
        self.punct_ids = string_ids(self.sentencizer.punct_chars)

    def process(self, doc: Doc) -> Doc:
        if doc.has_annotation("SENT_START") and not self.overwrite:
            return doc
        self._sentencize(doc)
        text = doc_text(doc)
        if "\n" not in text:
            return doc
        # a token that starts after a newline opens a sentence: walk the newlines, not every token
        starts = doc.to_array(IDX)  # each token's character offset
        n = len(doc)
        opens = []
        pos = text.find("\n")
        while pos >= 0:
            i = int(np.searchsorted(starts, pos + 1, side="left"))
            if 0 < i < n:
                opens.append(i)
            pos = text.find("\n", pos + 1)
        if opens:  # `doc[i].is_sent_start = True` for each, in one write (the setter scans the doc each time)
            if doc.has_annotation("DEP"):
                raise ValueError(Errors.E043)  # as the setter refuses: a parse fixes the sentences
            sent_start = doc.to_array(SENT_START).view(np.int64)
            sent_start[opens] = 1
            doc.from_array([SENT_START], sent_start.view(np.uint64).reshape(-1, 1))
        return doc

    def _sentencize(self, doc: Doc) -> None:
        """What `self.sentencizer(doc)` does, from token arrays instead of a `Token` per position: a
        sentence starts at the first token, and at each token that is neither punctuation nor a
        sentence-final character when such a character came after the last such token; only
        tokens without a boundary yet get one (1 starts a sentence, -1 does not)."""
        n = len(doc)
        if not n:
            return
        arr = doc.to_array([ORTH, IS_PUNCT, SENT_START])
        final = np.isin(arr[:, 0], self.punct_ids)          # token.text in punct_chars
        other = ~(final | (arr[:, 1] != 0))                  # neither punctuation nor a final character
        idx = np.arange(n)
        last_final = np.maximum.accumulate(np.where(final, idx, -1))
        last_other = np.maximum.accumulate(np.where(other, idx, -1))
        seen = np.empty(n, dtype=bool)                       # a final character since the last other token
        seen[0] = False
        seen[1:] = last_final[:-1] > last_other[:-1]
        start = other & seen
        start[0] = True
        current = arr[:, 2].view(np.int64)
        sent_start = np.where(current == 0, np.where(start, 1, -1), current)
        doc.from_array([SENT_START], sent_start.astype(np.int64).view(np.uint64).reshape(-1, 1))
