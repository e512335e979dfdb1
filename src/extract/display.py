"""Entities of a record rendered with displaCy: inline in a notebook, an HTML string elsewhere.

Spans shown: the record's `entities`, plus the mentions of its works (WORK) and people (PERSON),
the evidence of its dates (DATE) and awards (AWARD, when the evidence is short enough to be a name).
Overlapping spans are resolved in favour of the extraction components' own findings, then the longer span.

Needs the record's text: make records with `Extractor(include_text=True)`.
"""

from __future__ import annotations

import sys
import types
from typing import Any, Iterable, Mapping

from .schema import ArticleRecord

#: The project's label set and its colours, defined once (used by `display` and the notebooks).
LABEL_COLORS: dict[str, str] = {
    "PERSON": "#7aecec",
    "WORK": "#f0b3ff",
    "AWARD": "#ffd966",
    "ORG": "#bfeeb7",
    "LOC": "#ff9561",
    "EVENT": "#c887fb",
    "DATE": "#bfe1d9",
}
LABELS: tuple[str, ...] = tuple(LABEL_COLORS)

# lower wins when two spans overlap: the components' structured findings before the raw entity model
_PRIORITY = {"work": 0, "person": 0, "date": 1, "award": 2, "entity": 3}
_MAX_AWARD_EVIDENCE = 80  # longer award evidence is a sentence, not a name: not shown as an AWARD span


def display(record: ArticleRecord | Mapping[str, Any], *, jupyter: bool | None = None,
            colors: Mapping[str, str] | None = None) -> str | None:
    """Render `record`'s entities in its text with displaCy.

    In a notebook (or with `jupyter=True`) the rendering is displayed and None is returned;
    elsewhere (or with `jupyter=False`) the HTML is returned as a string.
    `colors` overrides or extends `LABEL_COLORS` (label -> CSS colour).
    """
    from spacy import displacy

    if not isinstance(record, ArticleRecord):
        record = ArticleRecord.model_validate(record)
    if record.text is None:
        raise ValueError(
            f"record {record.doc_id!r} has no text (status {record.status!r}); displaying entities needs "
            "the cleaned text: make the records with Extractor(include_text=True) "
            "(or `extract run --include-text`)"
        )
    palette = {**LABEL_COLORS, **(dict(colors) if colors else {})}
    ents = spans_for_display(record)
    labels = list(dict.fromkeys([*palette, *(e["label"] for e in ents)]))
    title = record.meta.headline or record.doc_id
    doc = {"text": record.text, "ents": ents, "title": title}
    return displacy.render(doc, style="ent", manual=True, jupyter=jupyter,
                           options={"colors": palette, "ents": labels})


def spans_for_display(record: ArticleRecord) -> list[dict[str, Any]]:
    """The non-overlapping `{start, end, label}` spans `display` shows, sorted by start."""
    text = record.text or ""
    candidates: list[tuple[int, int, int, str]] = []  # (priority, start, end, label)

    def add(kind: str, start: int | None, end: int | None, label: str) -> None:
        if start is None or end is None or not 0 <= start < end <= len(text):
            return
        candidates.append((_PRIORITY[kind], start, end, label))

    for work in record.works:
        for m in work.mentions:
            add("work", m.start, m.end, "WORK")
    for person in record.people:
        for m in person.mentions:
            add("person", m.start, m.end, "PERSON")
    for item in [*record.dates, *record.relative_dates]:
        if item.evidence is not None:
            add("date", item.evidence.start, item.evidence.end, "DATE")
    for award in record.awards:
        ev = award.evidence
        if ev is not None and ev.end - ev.start <= _MAX_AWARD_EVIDENCE:
            add("award", ev.start, ev.end, "AWARD")
    for ent in record.entities:
        add("entity", ent.start, ent.end, ent.label)
    return _non_overlapping(candidates)


def _non_overlapping(candidates: Iterable[tuple[int, int, int, str]]) -> list[dict[str, Any]]:
    taken: list[tuple[int, int]] = []
    chosen: list[dict[str, Any]] = []
    for _prio, start, end, label in sorted(set(candidates), key=lambda c: (c[0], -(c[2] - c[1]), c[1])):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append({"start": start, "end": end, "label": label})
    return sorted(chosen, key=lambda e: e["start"])


__all__ = ["LABELS", "LABEL_COLORS", "display", "spans_for_display"]


class _CallableModule(types.ModuleType):
    """`extract.display` is both this module and the function: once the module is imported, Python binds
    the package attribute `extract.display` to the module, replacing the function `extract/__init__.py`
    defines. Making the module callable keeps `extract.display(record)` working either way."""

    def __call__(self, record: ArticleRecord | Mapping[str, Any], **kwargs: Any) -> str | None:
        return display(record, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
