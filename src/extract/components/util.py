"""Small helpers shared by the components (spans, names, proximity)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from spacy.tokens import Doc, Span


def norm_key(text: str) -> str:
    """A comparison key: accents, case, punctuation and a leading 'the' removed."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = " ".join(re.sub(r"[^\w\s]", " ", s).split())
    return s[4:] if s.startswith("the ") else s


_TEXT_KEY = "extract.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per `Doc`: spaCy rebuilds it from every token on each access, which made
    the components' repeated `doc.text` reads cost more than the entity model on long articles."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_dict(span: Span, source: str) -> dict:
    return {"start": span.start_char, "end": span.end_char, "text": span.text, "source": source}


def char_dict(doc: Doc, start: int, end: int, source: str) -> dict:
    return {"start": start, "end": end, "text": doc_text(doc)[start:end], "source": source}


def canonical(span: Span | None) -> str | None:
    if span is None:
        return None
    return span._.canonical or span.text


def nearest(candidates: Iterable[Span], anchor: Span, *, prefer_before: bool = True) -> Span | None:
    """The candidate closest to `anchor` (token distance), ties broken by side."""
    best: tuple[float, Span] | None = None
    for c in candidates:
        if c.start >= anchor.end:
            dist = c.start - anchor.end + (0.5 if prefer_before else 0)
        elif c.end <= anchor.start:
            dist = anchor.start - c.end + (0 if prefer_before else 0.5)
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, c)
    return best[1] if best else None


def section_work(doc: Doc, anchor: Span) -> Span | None:
    """The work named by the subheading above `anchor` (list articles: '3. Heat (1995)')."""
    clean = doc._.clean
    if clean is None:
        return None
    headings = [s for s in clean.spans if s.kind == "heading" and s.end <= anchor.start_char]
    if not headings:
        return None
    h = max(headings, key=lambda s: s.start)
    for w in doc.spans.get("works", []):
        if h.start <= w.start_char and w.end_char <= h.end:
            return w
    return None


_SMALL = frozenset("a an and as at but by for from in into of on or the to vs with".split())


def title_case_headings(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of headline and headings written in Title Case (four or more words)."""
    clean = doc._.clean
    out = []
    for s in getattr(clean, "spans", []) or []:
        if s.kind in ("headline", "heading"):
            words = [w for w in re.findall(r"(?<![\w'’])[A-Za-z][\w'’-]*", doc_text(doc)[s.start:s.end]) if w.casefold() not in _SMALL]
            if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.9 * len(words):
                out.append((s.start, s.end))
    return out
