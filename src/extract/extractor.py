"""The orchestrator: raw HTML -> `CleanDocument` -> spaCy `Doc` -> `ArticleRecord`.

Only wires the stages (`clean`, `nlp`, `records`); each stage lives in its own module.
"""

from __future__ import annotations

import gc
import itertools
import logging
import os
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .clean import clean
from .document import CleanDocument, RawDocument
from .errors import DocumentError, LimitExceeded
from .limits import Limits, time_limit
from .nlp import EXTRACTION_PIPES, build_nlp
from .records import build_record, error_record, make_doc_id
from .schema import ArticleRecord

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
                 limits: Limits | None = None, batch_size: int = 16, freeze_gc: bool = True,
                 clean_ahead: bool | None = None) -> None:
        self.model = model
        self.include_text = include_text
        self.limits = limits or Limits()
        self.batch_size = batch_size
        self.clean_ahead = usable_cores() > 1 if clean_ahead is None else clean_ahead
        self.nlp = build_nlp(model)
        self.nlp.max_length = max(self.nlp.max_length, self.limits.max_text_chars + 1)
        for _, pipe in self.nlp.pipeline:  # trainable pipes without a handler slot keep spaCy's default
            try:
                pipe.set_error_handler(_keep_error)
            except AttributeError:
                pass
        self.stage_seconds: dict[str, float] = {"clean": 0.0, "nlp": 0.0, "records": 0.0}
        self._stage_lock = threading.Lock()
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
        batches: Iterator[list[RawDocument]] = _batches(raws, size)
        if self.clean_ahead:
            head = list(itertools.islice(batches, 2))
            batches = itertools.chain(head, batches)
            if len(head) == 2:  # a single batch has nothing to overlap with
                yield from self._pipe_overlapped(batches)
                return
        for batch in batches:
            results, pending = self._prepare(batch)
            self._annotate(pending)
            yield from self._extract(results, pending)

    def _pipe_overlapped(self, batches: Iterator[list[RawDocument]]) -> Iterator[ArticleRecord]:
        """Three stages, two threads. The calling thread runs the entity model over batch i while a
        second thread cleans and tokenises batch i+1 and runs the extraction components over batch
        i-1. The model's numeric kernels (BLAS matrix products, the entity parser's transition loop)
        run without the GIL, so the pure-Python stages fill time the model leaves the interpreter
        idle. Batches are read here, in the calling thread; records come out in input order."""
        with _quick_handoff(), ThreadPoolExecutor(1, thread_name_prefix="extract-stages") as pool:
            prepared: Future = pool.submit(self._prepare, next(batches))
            extracted: Future | None = None
            for batch in itertools.chain(batches, [None]):
                results, pending = prepared.result()
                if batch is not None:
                    prepared = pool.submit(self._prepare, batch)
                self._annotate(pending)
                if extracted is not None:
                    yield from extracted.result()
                extracted = pool.submit(self._extract, results, pending)
            assert extracted is not None
            yield from extracted.result()

    def clean(self, raw: RawDocument) -> CleanDocument:
        """The cleaning stage alone, with the limits applied (time included)."""
        with time_limit(self.limits.max_seconds):
            return self._clean(raw)

    def _clean(self, raw: RawDocument) -> CleanDocument:
        t0 = time.perf_counter()
        try:
            cleaned = clean(raw, max_bytes=self.limits.max_bytes)
        finally:
            self._add_seconds("clean", time.perf_counter() - t0)
        if len(cleaned.text) > self.limits.max_text_chars:
            raise LimitExceeded("E007", size=len(cleaned.text), limit=self.limits.max_text_chars)
        return cleaned

    def _prepare(self, batch: list[RawDocument]) -> tuple[list[ArticleRecord | None], list[_Pending]]:
        """Clean and tokenise a batch: error records for the documents that failed, the rest pending."""
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
        return results, pending

    def _extract(self, results: list[ArticleRecord | None], pending: list[_Pending]) -> list[ArticleRecord]:
        """The extraction components and the record of each annotated document of a batch, each
        document within what is left of its own time limit; the batch's records in input order."""
        post = self._stages()[1]
        for p in pending:
            results[p.index] = self._extract_one(p, post)
        assert all(r is not None for r in results)
        return results  # type: ignore[return-value]

    def _extract_one(self, p: _Pending, post: list[tuple[str, Any]]) -> ArticleRecord:
        if p.error is None and p.doc._.error is None:
            left = self._left(p)
            t0 = time.monotonic()
            if left is not None and left <= 0:  # time_limit(0) would mean no limit
                p.error = LimitExceeded("E008", limit=self.limits.max_seconds)
            else:
                try:
                    with time_limit(left, limit=self.limits.max_seconds):
                        for _, proc in post:
                            p.doc = proc(p.doc)
                except LimitExceeded as exc:
                    p.error = exc
            elapsed = time.monotonic() - t0
            p.spent += elapsed
            self._add_seconds("nlp", elapsed)
        t0 = time.perf_counter()
        try:
            return self._record(p)
        finally:
            self._add_seconds("records", time.perf_counter() - t0)

    def _add_seconds(self, stage: str, seconds: float) -> None:
        with self._stage_lock:  # two threads add to the same figures
            self.stage_seconds[stage] += seconds

    def _stages(self) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
        """The pipeline split in two: the entity model (and whatever else the loaded pipeline runs
        before our components), then the extraction components, which work one document at a time."""
        pipeline = self.nlp.pipeline
        cut = len(pipeline)
        while cut > 0 and pipeline[cut - 1][0] in EXTRACTION_PIPES:
            cut -= 1
        return pipeline[:cut], pipeline[cut:]

    def _run_model(self, docs: list[Doc]) -> None:
        """The model stage over `docs`, as `Language.pipe` chains it. A component that fails on a
        batch marks its documents (`doc._.error`, see `_keep_error`) and spaCy drops them from the
        stream: the documents are read back from `docs`, not from what comes out."""
        stream: Iterable[Doc] = iter(docs)
        for name, proc in self._stages()[0]:
            stream = _run_pipe(name, proc, stream, len(docs))
        for _ in stream:
            pass

    def _make_doc(self, cleaned: CleanDocument) -> Doc:
        doc = self.nlp.make_doc(cleaned.text)
        doc._.clean = cleaned
        return doc

    def _left(self, p: _Pending) -> float | None:
        """Seconds left of the document's limit (None: no limit)."""
        limit = self.limits.max_seconds
        return limit - p.spent if limit else None

    def _annotate(self, pending: list[_Pending]) -> None:
        t0 = time.perf_counter()
        try:
            self._annotate_batch(pending)
        finally:
            self._add_seconds("nlp", time.perf_counter() - t0)

    def _annotate_batch(self, pending: list[_Pending]) -> None:
        """Run the model stage over the batch, bounded by the smallest time left of any of its documents.

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
                self._run_model([p.doc for p in todo])
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
                    p.doc = self._make_doc(p.cleaned)
                    with time_limit(left, limit=limit):
                        self._run_model([p.doc])
                    p.spent += time.monotonic() - t1
                except LimitExceeded as one:
                    p.error = one
            return
        elapsed = time.monotonic() - t0
        for p in todo:
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


def _run_pipe(name: str, proc: Any, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    """One component over a stream of docs, as `Language.pipe` runs it."""
    if hasattr(proc, "pipe"):
        yield from proc.pipe(docs, batch_size=batch_size)
        return
    handler = proc.get_error_handler() if hasattr(proc, "get_error_handler") else _keep_error
    for doc in docs:
        try:
            yield proc(doc)
        except Exception as e:  # noqa: BLE001 - routed as spaCy routes it
            handler(name, proc, [doc], e)


def _batches(raws: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    batch: list[RawDocument] = []
    for raw in raws:
        batch.append(raw)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# How long a thread may hold the GIL while another waits for it (CPython's default is 5 ms). The
# model gives the GIL up and takes it back hundreds of times per batch, around each numeric kernel;
# at the default it waits up to 5 ms each time the cleaning thread holds it.
HANDOFF_SECONDS = 0.001
_handoff_lock = threading.Lock()
_handoff_users = 0
_handoff_saved = 0.0


@contextmanager
def _quick_handoff() -> Iterator[None]:
    """CPython's switch interval lowered to `HANDOFF_SECONDS` (never raised) while any clean-ahead
    run is going on in the process; the first to start saves it, the last to end restores it."""
    global _handoff_users, _handoff_saved
    with _handoff_lock:
        if _handoff_users == 0:
            _handoff_saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_handoff_saved, HANDOFF_SECONDS))
        _handoff_users += 1
    try:
        yield
    finally:
        with _handoff_lock:
            _handoff_users -= 1
            if _handoff_users == 0:
                sys.setswitchinterval(_handoff_saved)


def usable_cores() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _keep_error(proc_name: str, proc: object, docs: list, e: Exception) -> None:
    """spaCy error handler: remember the failure on the doc so it gets an error record."""
    for doc in docs:
        doc._.error = e
