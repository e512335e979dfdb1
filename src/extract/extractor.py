"""The orchestrator: raw HTML -> `CleanDocument` -> spaCy `Doc` -> `ArticleRecord`.

Only wires the stages (`clean`, `nlp`, `records`); each stage lives in its own module.
"""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .clean import clean
from .document import CleanDocument, RawDocument
from .errors import DocumentError, LimitExceeded
from .nlp import build_nlp
from .records import build_record, error_record, make_doc_id
from .schema import ArticleRecord
from .limits import Limits, time_limit

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Pending:
    """A cleaned document waiting for the NLP stage, with the seconds spent on it so far."""

    index: int
    doc_id: str
    cleaned: CleanDocument
    doc: Doc
    spent: float
    error: Exception | None = None


Item = RawDocument | str | bytes | tuple[Any, str]


class Extractor:
    """Extract records from article HTML.

    >>> ex = Extractor()
    >>> record = ex(html, source="page.html")
    >>> for record in ex.pipe(raw_documents): ...
    """

    def __init__(self, model: str | Path | None = None, *, include_text: bool = False,
                 limits: Limits | None = None, batch_size: int = 16, freeze_gc: bool = True) -> None:
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
        if freeze_gc:
            # The loaded pipeline is millions of long-lived objects (weights, vocab, pattern tables) that
            # the cyclic collector re-scanned at every full collection while pages were processed: about
            # a tenth of the model's time (bench: tok2vec 11.9 s -> 10.6 s per 60 pages). Moving what
            # exists now out of its sight (gc.freeze) keeps collection for the pages' own objects;
            # reference counting still frees everything. `freeze_gc=False` leaves the collector alone.
            gc.collect()
            gc.freeze()

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
        """The cleaning stage alone, with the limits applied (time included)."""
        with time_limit(self.limits.max_seconds):
            return self._clean(raw)

    def _clean(self, raw: RawDocument) -> CleanDocument:
        t0 = time.perf_counter()
        try:
            cleaned = clean(raw, max_bytes=self.limits.max_bytes)
        finally:
            self.stage_seconds["clean"] += time.perf_counter() - t0
        if len(cleaned.text) > self.limits.max_text_chars:
            raise LimitExceeded("E007", size=len(cleaned.text), limit=self.limits.max_text_chars)
        return cleaned

    def _process(self, batch: list[RawDocument]) -> Iterator[ArticleRecord]:
        results: list[ArticleRecord | None] = [None] * len(batch)
        pending: list[_Pending] = []
        for i, raw in enumerate(batch):
            doc_id = raw.doc_id or make_doc_id(raw.source, raw.content)
            started = time.monotonic()
            try:
                with time_limit(self.limits.max_seconds):
                    cleaned = self._clean(raw)
                    doc = self._make_doc(cleaned)
            except DocumentError as exc:
                log.info("%s: %s", raw.source, exc)
                results[i] = error_record(raw.source, doc_id, exc)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad page never stops the batch
                log.exception("cleaning failed for %s", raw.source)
                results[i] = error_record(raw.source, doc_id, exc)
                continue
            pending.append(_Pending(i, doc_id, cleaned, doc, time.monotonic() - started))
        t0 = time.perf_counter()
        self._annotate(pending)
        self.stage_seconds["nlp"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        for p in pending:
            results[p.index] = self._record(p)
        self.stage_seconds["records"] += time.perf_counter() - t0
        for r in results:
            assert r is not None
            yield r

    def _make_doc(self, cleaned: CleanDocument) -> Doc:
        doc = self.nlp.make_doc(cleaned.text)
        doc._.clean = cleaned
        return doc

    def _left(self, p: _Pending) -> float | None:
        """Seconds left of the document's limit (None: no limit)."""
        limit = self.limits.max_seconds
        return limit - p.spent if limit else None

    def _annotate(self, pending: list[_Pending]) -> None:
        """Run the pipeline over the batch, bounded by the smallest time left of any of its documents.

        A batch finishing in time means every document did (each is charged the batch's time). A
        batch running over it is run again one document at a time, each bounded by its own time
        left, so only the slow document gets E008; the failed attempt is charged to none of them
        (it costs time only in that rare case; batching is kept otherwise).
        """
        limit = self.limits.max_seconds
        for p in pending:
            left = self._left(p)
            if left is not None and left <= 0:
                p.error = LimitExceeded("E008", limit=limit)
        todo = [p for p in pending if p.error is None]
        if not todo:
            return
        lefts = [self._left(p) for p in todo]
        t0 = time.monotonic()
        try:
            with time_limit(min(lefts) if limit else None, limit=limit):  # type: ignore[type-var]
                processed = list(self.nlp.pipe((p.doc for p in todo), batch_size=len(todo)))
        except LimitExceeded as exc:
            if len(todo) == 1:
                todo[0].error = exc
                return
            log.info("a batch of %d documents ran over the time limit; retrying one at a time", len(todo))
            for p in todo:
                left = self._left(p) or 0.0
                try:
                    if left <= 0:
                        raise LimitExceeded("E008", limit=limit)
                    t1 = time.monotonic()
                    with time_limit(left, limit=limit):
                        p.doc = next(self.nlp.pipe([self._make_doc(p.cleaned)]))
                    p.spent += time.monotonic() - t1
                except LimitExceeded as one:
                    p.error = one
            return
        elapsed = time.monotonic() - t0
        for p, doc in zip(todo, processed):
            p.doc = doc
            p.spent += elapsed

    def _record(self, p: _Pending) -> ArticleRecord:
        cleaned, doc = p.cleaned, p.doc
        if p.error is not None:
            log.warning("%s: %s", cleaned.source, p.error)
            return error_record(cleaned.source, p.doc_id, p.error, meta=cleaned.meta)
        if doc._.error is not None:
            log.warning("pipeline failed for %s: %r", cleaned.source, doc._.error)
            return error_record(cleaned.source, p.doc_id, doc._.error, meta=cleaned.meta)
        t0 = time.monotonic()
        try:
            record = build_record(doc, cleaned, doc_id=p.doc_id, include_text=self.include_text)
        except Exception as exc:  # noqa: BLE001
            log.exception("record assembly failed for %s", cleaned.source)
            return error_record(cleaned.source, p.doc_id, exc, meta=cleaned.meta)
        p.spent += time.monotonic() - t0
        left = self._left(p)
        if left is not None and left < 0:  # the whole document ran over, if only just
            return error_record(cleaned.source, p.doc_id, LimitExceeded("E008", limit=self.limits.max_seconds),
                                meta=cleaned.meta)
        return record


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
