"""Record assembly: a processed `Doc` (and its `CleanDocument`) -> validated `ArticleRecord`."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc

from .document import CleanDocument
from .errors import DocumentError
from .schema import ArticleRecord, Award, Credit, DateItem, Entity, ErrorInfo, Meta, Person, Work

log = logging.getLogger(__name__)

_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "works": Work, "people": Person, "credits": Credit, "awards": Award, "dates": DateItem,
}


def make_doc_id(source: str, content: bytes | str | None = None) -> str:
    """A stable id: the file's base name without HTML/gzip endings (what the scorer pairs on)."""
    name = Path(str(source)).name if source else ""
    for ending in (".gz", ".html", ".htm", ".xhtml"):
        if name.endswith(ending):
            name = name[: -len(ending)]
    if name and "://" not in str(source):
        return name
    digest = hashlib.sha1((str(source) or "").encode() + (content.encode() if isinstance(content, str) else content or b""))
    return digest.hexdigest()[:16]


def build_record(doc: Doc, clean: CleanDocument, *, doc_id: str, include_text: bool = False) -> ArticleRecord:
    """Validate every item the components found; an invalid item becomes a warning, never a silent drop."""
    warnings: list[str] = list(clean.warnings)
    fields: dict[str, list[Any]] = {}
    for attr, model in _ITEM_MODELS.items():
        items = getattr(doc._, attr) or []
        valid = []
        for item in items:
            try:
                valid.append(model.model_validate(item))
            except ValidationError as exc:
                msg = f"invalid {attr[:-1]} dropped in {doc_id}: {exc.errors()[0]['msg']} ({_short(item)})"
                log.warning(msg)
                warnings.append(msg)
        fields[attr] = valid
    relative = [DateItem.model_validate(d) for d in (doc._.relative_dates or [])]
    entities = [Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char,
                       source=_ent_source(e)) for e in doc.ents]
    return ArticleRecord(
        doc_id=doc_id, source=clean.source, status="ok", meta=clean.meta,
        text=doc.text if include_text else None, entities=entities, relative_dates=relative, warnings=warnings, **fields,
    )


def error_record(source: str, doc_id: str, exc: Exception, *, meta: Meta | None = None) -> ArticleRecord:
    """The record of a document that could not be processed: status and a coded reason."""
    if isinstance(exc, DocumentError):
        from .errors import SkipDocument

        status = "skipped" if isinstance(exc, SkipDocument) else "error"
        info = ErrorInfo(code=exc.code, message=exc.message)
    else:
        status = "error"
        info = ErrorInfo(code="E099", message=f"unexpected error while processing the document: {type(exc).__name__}: {exc}")
    return ArticleRecord(doc_id=doc_id, source=source, status=status, error=info, meta=meta or Meta())


def _ent_source(ent: Any) -> str:
    return "ner" if ent.label_ in ("PERSON", "WORK", "ORG", "LOC", "EVENT", "AWARD", "MISC") else "ruler"


def _short(item: Any) -> str:
    text = repr(item)
    return text if len(text) < 160 else text[:157] + "..."
