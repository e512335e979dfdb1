"""Typed objects that flow between stages: raw input -> `RawDocument` -> `CleanDocument`.

The cleaner (`extract.clean`) turns a `RawDocument` into a `CleanDocument`: the article's main
text with its structure kept as character spans, its key/value facts, its JSON-LD objects and
its metadata. The NLP stage reads only this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .schema import Meta

SpanKind = Literal[
    "headline",      # the article's headline, first block of the text
    "heading",       # h2-h6 inside the body
    "paragraph",     # a block of running text
    "list_item",     # <li>
    "table_cell",    # <td>/<th>
    "blockquote",    # <blockquote>
    "caption",       # <figcaption>/<caption>
    "emphasis",      # <i>, <em>, <cite>
    "strong",        # <b>, <strong>
    "quote",         # <q> or text between quotation marks
    "link",          # <a> text inside the body
]


@dataclass(slots=True)
class RawDocument:
    """Bytes (or text) as read from a source, before any parsing."""

    content: bytes | str
    source: str
    doc_id: str | None = None
    url: str | None = None


@dataclass(slots=True)
class TextSpan:
    """A structural span into `CleanDocument.text` (end exclusive)."""

    start: int
    end: int
    kind: SpanKind
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Fact:
    """One key/value pair from a fact list, `<dl>`, two-column table or infobox.

    `start`/`end` locate the value in `CleanDocument.text` when the value appears there
    (else -1), so items taken from a fact carry evidence like any other.
    """

    key: str
    value: str
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class CleanDocument:
    """The article as the later stages see it."""

    source: str
    text: str
    meta: Meta
    spans: list[TextSpan] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    doc_id: str | None = None
    warnings: list[str] = field(default_factory=list)

    def spans_of(self, *kinds: str) -> list[TextSpan]:
        return [s for s in self.spans if s.kind in kinds]
