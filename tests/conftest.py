"""Shared fixtures: a pattern-only pipeline on `spacy.blank("en")` and helpers to run it on text."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.document import CleanDocument, Fact, TextSpan
from extract.nlp import build_nlp
from extract.schema import Meta

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp():
    """Our components on a blank English pipeline (no entity model): fast and deterministic."""
    return build_nlp("blank")


@pytest.fixture(scope="session")
def run_text(nlp):
    """Run the pipeline on plain text: `run_text(text, published=..., facts=..., spans=...)` -> Doc."""

    def run(text: str, *, published: str | None = None, facts: list[tuple[str, str]] | None = None,
            spans: list[tuple[int, int, str]] | None = None, headline: bool = False):
        clean = CleanDocument(source="test.html", text=text, meta=Meta(published=published))
        if headline:
            first = text.split("\n", 1)[0]
            clean.spans.append(TextSpan(0, len(first), "headline"))
        for s, e, kind in spans or []:
            clean.spans.append(TextSpan(s, e, kind))  # type: ignore[arg-type]
        for key, value in facts or []:
            start = text.find(value)
            clean.facts.append(Fact(key, value, start, start + len(value) if start >= 0 else -1))
        doc = nlp.make_doc(text)
        doc._.clean = clean
        return nlp(doc)

    return run


def emphasis(text: str, *titles: str) -> list[tuple[int, int, str]]:
    """Emphasis spans over each occurrence of `titles` in `text` (as italics would give)."""
    out = []
    for t in titles:
        i = text.find(t)
        while i >= 0:
            out.append((i, i + len(t), "emphasis"))
            i = text.find(t, i + 1)
    return out


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present on this machine")


def tagged_doc(nlp, text: str, ents: dict[str, str], spans: list | None = None):
    """`text` with the given entity-model spans ({"Glass Harbour": "WORK", ...}, first occurrence of
    each) and cleaner spans, run through the components of the blank test pipeline."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    doc._.clean = CleanDocument(source="test.html", text=text, meta=Meta(), spans=spans or [])
    out = []
    for phrase, label in ents.items():
        c = doc.char_span(text.index(phrase), text.index(phrase) + len(phrase))
        out.append(Span(doc, c.start, c.end, label=label))
    doc.ents = out
    return nlp(doc)

