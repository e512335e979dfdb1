"""`entertainment_sentences`: spaCy's Sentencizer rule computed from token arrays, plus block breaks."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import SENT_START
from spacy.pipeline import Sentencizer

from extract.components.sentences import SentenceSplitter

TEXTS = [
    "", "Hello", "...", "Hi. ", "A! B? C.", '"Yes." he said. (Really!) Then... ok', ".hi", "a .\n. b",
    "\n\nx\n", "She won. \u201cIt was great,\u201d she said!! Next: the film (2019). Ok?!",
    "Heat (1995) is a film by Michael Mann.\nCast\nAl Pacino \u2013 Vincent Hanna\n\n",
    "No punctuation at all here", "Ends with spaces .   ", "\u3002Chinese full stop\u3002then more",
]


def _starts(doc) -> list[int]:
    return doc.to_array([SENT_START]).view(np.int64).tolist() if len(doc) else []


@pytest.mark.parametrize("text", TEXTS)
def test_same_boundaries_as_spacy_sentencizer(nlp, text):
    ours, theirs = nlp.make_doc(text), nlp.make_doc(text)
    if len(ours) > 3:  # a boundary set beforehand is kept, as the Sentencizer keeps it
        ours[2].is_sent_start = False
        theirs[2].is_sent_start = False
    SentenceSplitter("s", False)._sentencize(ours)
    Sentencizer()(theirs)
    assert _starts(ours) == _starts(theirs)


def test_block_breaks_start_sentences(nlp):
    doc = nlp.make_doc("First line without stop\nSecond line. Third sentence\nFourth")
    SentenceSplitter("s", False)(doc)
    assert [s.text for s in doc.sents] == ["First line without stop\n", "Second line.", "Third sentence\n", "Fourth"]
