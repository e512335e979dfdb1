"""The relational layout of records, written once and shared by CSV, Parquet, SQL and pandas.

Seven tables join on `doc_id`: `articles` (one row per record, key `doc_id`) and the child tables
`works`, `people`, `credits`, `awards`, `dates`, `entities` (key `(doc_id, idx)`, `idx` being the
item's position in its record). List-valued fields (`authors`, `platforms`, `mentions`, ...) are
JSON text so every format holds the same values. `dates` also holds `relative_dates`, told apart
by `date_list`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Literal

import orjson

from .schema import ArticleRecord, Span

Kind = Literal["str", "int", "float", "bool", "json"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind = "str"


def _cols(spec: str) -> tuple[Column, ...]:
    """`"doc_id idx:int title"` -> columns (kind after a colon, `str` by default)."""
    out = []
    for word in spec.split():
        name, _, kind = word.partition(":")
        out.append(Column(name, kind or "str"))  # type: ignore[arg-type]
    return tuple(out)


_EVIDENCE = " evidence_start:int evidence_end:int evidence_text evidence_source"
TABLES: dict[str, tuple[Column, ...]] = {
    "articles": _cols("doc_id schema_version source status error_code error_message headline description "
                      "site_name authors:json published modified language url canonical_url text warnings:json"),
    "works": _cols("doc_id idx:int title kind year:int release_date platforms:json genres:json countries:json "
                   "languages:json episodes:int creators:json aliases:json mentions:json"),
    "people": _cols("doc_id idx:int name aliases:json roles:json mentions:json"),
    "credits": _cols("doc_id idx:int person role work character" + _EVIDENCE),
    "awards": _cols("doc_id idx:int award category recipient work outcome year:int" + _EVIDENCE),
    "dates": _cols("doc_id idx:int date_list text value kind relative:bool" + _EVIDENCE),
    "entities": _cols("doc_id idx:int text label start_char:int end_char:int source score:float"),
}
KEYS: dict[str, tuple[str, ...]] = {name: ("doc_id",) if name == "articles" else ("doc_id", "idx") for name in TABLES}
CHILD_TABLES = tuple(name for name in TABLES if name != "articles")

Rows = dict[str, list[dict[str, Any]]]


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _evidence(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"evidence_start": None, "evidence_end": None, "evidence_text": None, "evidence_source": None}
    return {"evidence_start": span.start, "evidence_end": span.end, "evidence_text": span.text,
            "evidence_source": span.source}


def record_rows(record: ArticleRecord) -> Rows:
    """One record as rows per table (every column present, JSON columns encoded)."""
    d = record.doc_id
    m = record.meta
    err = record.error
    rows: Rows = {name: [] for name in TABLES}
    rows["articles"].append({
        "doc_id": d, "schema_version": record.schema_version, "source": record.source, "status": record.status,
        "error_code": err.code if err else None, "error_message": err.message if err else None,
        "headline": m.headline, "description": m.description, "site_name": m.site_name, "authors": _json(m.authors),
        "published": m.published, "modified": m.modified, "language": m.language, "url": m.url,
        "canonical_url": m.canonical_url, "text": record.text, "warnings": _json(record.warnings),
    })
    for i, w in enumerate(record.works):
        rows["works"].append({
            "doc_id": d, "idx": i, "title": w.title, "kind": w.kind, "year": w.year, "release_date": w.release_date,
            "platforms": _json(w.platforms), "genres": _json(w.genres), "countries": _json(w.countries),
            "languages": _json(w.languages), "episodes": w.episodes, "creators": _json(w.creators),
            "aliases": _json(w.aliases), "mentions": _json([s.model_dump() for s in w.mentions]),
        })
    for i, p in enumerate(record.people):
        rows["people"].append({"doc_id": d, "idx": i, "name": p.name, "aliases": _json(p.aliases),
                               "roles": _json(p.roles), "mentions": _json([s.model_dump() for s in p.mentions])})
    for i, c in enumerate(record.credits):
        rows["credits"].append({"doc_id": d, "idx": i, "person": c.person, "role": c.role, "work": c.work,
                                "character": c.character, **_evidence(c.evidence)})
    for i, a in enumerate(record.awards):
        rows["awards"].append({"doc_id": d, "idx": i, "award": a.award, "category": a.category,
                               "recipient": a.recipient, "work": a.work, "outcome": a.outcome, "year": a.year,
                               **_evidence(a.evidence)})
    dated = [("dates", x) for x in record.dates] + [("relative_dates", x) for x in record.relative_dates]
    for i, (group, x) in enumerate(dated):
        rows["dates"].append({"doc_id": d, "idx": i, "date_list": group, "text": x.text, "value": x.value,
                              "kind": x.kind, "relative": x.relative, **_evidence(x.evidence)})
    for i, e in enumerate(record.entities):
        rows["entities"].append({"doc_id": d, "idx": i, "text": e.text, "label": e.label, "start_char": e.start,
                                 "end_char": e.end, "source": e.source, "score": e.score})
    return rows


def batch_rows(records: Iterable[ArticleRecord]) -> Rows:
    """Rows per table for many records, in record order."""
    out: Rows = {name: [] for name in TABLES}
    for record in records:
        for name, rows in record_rows(record).items():
            out[name].extend(rows)
    return out
