"""`util.doc_text`: the text of a `Doc`, read from its cleaned text when it was tokenised from it."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import extensions  # noqa: F401 - registers Doc._.clean
from extract.components.util import doc_text
from extract.document import CleanDocument
from extract.schema import Meta

_NLP = spacy.blank("en")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.booleans())
def test_doc_text_is_the_docs_text(text, attach):
    doc = _NLP.make_doc(text)
    if attach:
        doc._.clean = CleanDocument(source="t", text=text, meta=Meta())
    assert doc_text(doc) == doc.text


def test_a_different_cleaned_text_is_not_used():
    doc = _NLP.make_doc("Ana Pereira stars in Ashfall.")
    doc._.clean = CleanDocument(source="t", text="Something else entirely, longer than the doc.", meta=Meta())
    assert doc_text(doc) == "Ana Pereira stars in Ashfall."
