"""The accent-free norms component: what the entity model reads, with the text left alone."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from extract.components.norms import without_accents
from extract.nlp import build_nlp, default_model


@pytest.mark.parametrize(
    "word,plain",
    [("céline", "celine"), ("björk", "bjork"), ("angélil", "angelil"), ("zoë", "zoe"), ("celine", "celine"),
     ("kerb™", "kerb™"), ("ø", "ø"), ("’s", "’s")],
)
def test_without_accents(word, plain):
    assert without_accents(word) == plain


@given(st.text(max_size=40))
def test_without_accents_only_drops_marks(text):
    plain = without_accents(text)
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", plain))
    assert without_accents(plain) == plain


def test_component_sets_norms_and_keeps_the_text():
    nlp = build_nlp("blank")
    assert nlp.pipe_names[0] == "entertainment_norms"
    text = "Céline Dion met René Angélil in Montréal."
    doc = nlp(text)
    assert doc.text == text
    assert [t.norm_ for t in doc][:2] == ["celine", "dion"]
    assert [t.text for t in doc][:2] == ["Céline", "Dion"]


@pytest.mark.skipif(default_model() is None, reason="no shipped model")
def test_shipped_model_finds_an_accented_name():
    nlp = build_nlp()
    doc = nlp("Even though Céline Dion is a pop icon, fans worried.")
    assert ("Céline Dion", "PERSON") in {(e.text, e.label_) for e in doc.ents}
