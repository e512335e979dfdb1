"""Custom attributes on spaCy objects, declared once here.

Doc._.clean      the `CleanDocument` the text came from (structure, facts, JSON-LD, meta)
Doc._.dates      list[DateItem-like dicts] set by `entertainment_dates`
Doc._.relative_dates  relative phrases resolved against the publication date (same component)
Doc._.awards     list[dict] set by `entertainment_awards`
Doc._.works      list[dict] set by `entertainment_works`
Doc._.people     list[dict] set by `entertainment_people`
Doc._.credits    list[dict] set by `entertainment_credits`
Doc._.error      an exception a component raised for this doc (set by the error handler)
Span._.iso_date  ISO value of a DATE span (set by `entertainment_dates`)
Span._.canonical  the full name/title a person or work mention resolves to (people, works)
Span._.kind      a work mention's kind (film, tv_series, ...) when known
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_DOC_ATTRS = ("clean", "dates", "relative_dates", "awards", "works", "people", "credits", "error")


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name in _DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("iso_date", "canonical", "kind"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
