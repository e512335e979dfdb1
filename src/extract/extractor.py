"""The orchestrator: raw HTML -> `CleanDocument` -> spaCy `Doc` -> `ArticleRecord`.

Only wires the stages (`clean`, `nlp`, `records`); each stage lives in its own module.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import extensions  # noqa: F401
from .clean import clean
from .document import CleanDocument, RawDocument
from .errors import DocumentError, LimitExceeded
from .nlp import build_nlp
from .records import build_record, error_record, make_doc_id
from .schema import ArticleRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """Per-document limits; a document over a limit gets an error record, never half a record."""

    max_bytes: int = 20_000_000        # raw (decompressed) input size
    max_text_chars: int = 1_000_000    # cleaned text length fed to the model
    max_seconds: float = 60.0          # cleaning time per document


Item = RawDocument | str | bytes | tuple[Any, str]


class Extractor:
    """Extract records from article HTML.

    >>> ex = Extractor()
    >>> record = ex(html, source="page.html")
    >>> for record in ex.pipe(raw_documents): ...
    """

    def __init__(self, model: str | Path | None = None, *, include_text: bool = False,
                 limits: Limits | None = None, batch_size: int = 16) -> None:
        self.model = model
        self.include_text = include_text
        self.limits = limits or Limits()
        self.batch_size = batch_size
        self.nlp = build_nlp(model)
        self.nlp.max_length = max(self.nlp.max_length, self.limits.max_text_chars + 1)
        for _, pipe in self.nlp.pipeline:  # trainable pipes without a handler slot keep spaCy's default
            try:
                pipe.set_error_handler(_keep_error)
            except AttributeError:
                pass
        self.stage_seconds: dict[str, float] = {"clean": 0.0, "nlp": 0.0, "records": 0.0}

    def __call__(self, html: str | bytes, source: str = "<string>", *, doc_id: str | None = None,
                 url: str | None = None) -> ArticleRecord:
        return next(self.pipe([RawDocument(html, source, doc_id, url)]))

    def pipe(self, items: Iterable[Item], *, batch_size: int | None = None,
             progress: bool = False, total: int | None = None) -> Iterator[ArticleRecord]:
        """Records for `items`, in input order, one per item (errors become error records)."""
        size = batch_size or self.batch_size
        raws = (as_raw(item) for item in items)
        if progress:
            from .progress import progress_bar

            raws = progress_bar(raws, total=total)
        batch: list[RawDocument] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def clean(self, raw: RawDocument) -> CleanDocument:
        """The cleaning stage alone, with the limits applied."""
        t0 = time.perf_counter()
        try:
            cleaned = clean(raw, max_bytes=self.limits.max_bytes)
        finally:
            self.stage_seconds["clean"] += time.perf_counter() - t0
        elapsed = time.perf_counter() - t0
        if elapsed > self.limits.max_seconds:
            raise LimitExceeded("E008", limit=self.limits.max_seconds)
        if len(cleaned.text) > self.limits.max_text_chars:
            raise LimitExceeded("E007", size=len(cleaned.text), limit=self.limits.max_text_chars)
        return cleaned

    def _process(self, batch: list[RawDocument]) -> Iterator[ArticleRecord]:
        results: list[ArticleRecord | None] = [None] * len(batch)
        docs = []
        ids = []
        for i, raw in enumerate(batch):
            doc_id = raw.doc_id or make_doc_id(raw.source, raw.content)
            ids.append(doc_id)
            try:
                cleaned = self.clean(raw)
            except DocumentError as exc:
                log.info("%s: %s", raw.source, exc)
                results[i] = error_record(raw.source, doc_id, exc)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad page never stops the batch
                log.exception("cleaning failed for %s", raw.source)
                results[i] = error_record(raw.source, doc_id, exc)
                continue
            doc = self.nlp.make_doc(cleaned.text)
            doc._.clean = cleaned
            docs.append((i, doc))
        t0 = time.perf_counter()
        processed = list(self.nlp.pipe((d for _, d in docs), batch_size=len(batch)))
        self.stage_seconds["nlp"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        for (i, _), doc in zip(docs, processed):
            cleaned = doc._.clean
            if doc._.error is not None:
                log.warning("pipeline failed for %s: %r", cleaned.source, doc._.error)
                results[i] = error_record(cleaned.source, ids[i], doc._.error, meta=cleaned.meta)
                continue
            try:
                results[i] = build_record(doc, cleaned, doc_id=ids[i], include_text=self.include_text)
            except Exception as exc:  # noqa: BLE001
                log.exception("record assembly failed for %s", cleaned.source)
                results[i] = error_record(cleaned.source, ids[i], exc, meta=cleaned.meta)
        self.stage_seconds["records"] += time.perf_counter() - t0
        for r in results:
            assert r is not None
            yield r


def as_raw(item: Item) -> RawDocument:
    """Accept a `RawDocument`, HTML text or bytes, an `(html, source)` tuple, or a `Path`."""
    if isinstance(item, RawDocument):
        return item
    if isinstance(item, Path):
        from .inputs import read_path

        return read_path(item)
    if isinstance(item, tuple):
        html, source = item
        return RawDocument(html, str(source))
    if isinstance(item, (str, bytes)):
        return RawDocument(item, "<string>")
    raise TypeError(f"cannot extract from {type(item).__name__}")


def _keep_error(proc_name: str, proc: object, docs: list, e: Exception) -> None:
    """spaCy error handler: remember the failure on the doc so it gets an error record."""
    for doc in docs:
        doc._.error = e
