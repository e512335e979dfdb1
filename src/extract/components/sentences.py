"""`entertainment_sentences`: sentence boundaries from punctuation and from the cleaner's block breaks.

Sets: `Token.is_sent_start`. Runs spaCy's rule-based `Sentencizer`, then starts a sentence after
every newline (each block of the cleaned text: headline, paragraph, list item, cell).
Skipped when an earlier component (a parser or senter) already set boundaries.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .base import Component


@Language.factory("entertainment_sentences", default_config={"overwrite": False},
                  assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str, overwrite: bool) -> "SentenceSplitter":
    return SentenceSplitter(name, overwrite)


class SentenceSplitter(Component):
    def __init__(self, name: str, overwrite: bool) -> None:
        self.name = name
        self.overwrite = overwrite
        self.sentencizer = Sentencizer()

    def process(self, doc: Doc) -> Doc:
        if doc.has_annotation("SENT_START") and not self.overwrite:
            return doc
        doc = self.sentencizer(doc)
        text = doc.text
        if "\n" not in text:
            return doc
        # a token that starts after a newline opens a sentence: walk the newlines, not every token
        starts = [t.idx for t in doc]
        pos = text.find("\n")
        while pos >= 0:
            i = bisect_left(starts, pos + 1)
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
            pos = text.find("\n", pos + 1)
        return doc
