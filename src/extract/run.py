"""`run`: the batch job behind `extract run` as a plain, importable function.

Wiring only: inputs (`inputs.iter_documents`) -> resume and duplicate checks (`manifest`) ->
extraction on a local process pool (`parallel`) or on Dask (`dask_engine`) -> a sink
(`sinks`), one durable batch at a time, each committed to the manifest after the sink has it.
On Dask the workers write their own shards and the client commits them (`_drain_shards`).
"""

from __future__ import annotations

import time
from collections import Counter, deque
from itertools import islice
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .document import RawDocument
from .errors import FormatError, OutputError, SkipDocument
from .extractor import Extractor
from .limits import Limits
from .inputs import BadInput, JsonlFields, iter_documents
from .manifest import Entry, Manifest, content_hash, default_location
from .parallel import Chunk, ExtractorConfig, LocalEngine, Outcome, outcome
from .records import error_record, make_doc_id
from .schema import ArticleRecord
from .sinks import FORMATS, format_for, open_sink

if TYPE_CHECKING:
    from .dask_engine import Shard, ShardResult

COMMIT_SECONDS = 30.0  # a slow run still makes its work durable at least this often


@dataclass
class RunReport:
    """What a run did: records by status and error code, documents already done, time per stage."""

    articles: int = 0
    already_done: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_code: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    workers: int = 1
    engine: str = "local"

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def count(self, status: str, code: str | None) -> None:
        self.articles += 1
        self.by_status[status] += 1
        if code:
            self.by_code[code] += 1

    def as_dict(self) -> dict:
        out = asdict(self)
        out.update(by_status=dict(self.by_status), by_code=dict(self.by_code), articles_per_second=round(self.rate, 2))
        return out

    def summary(self) -> str:
        codes = ", ".join(f"{c} {n}" for c, n in sorted(self.by_code.items()))
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in self.stage_seconds.items())
        return (f"articles {self.articles} (already done {self.already_done}), ok {self.by_status['ok']}, "
                f"skipped {self.by_status['skipped']}, errors {self.by_status['error']}"
                f"{' [' + codes + ']' if codes else ''}; {self.rate:.1f} articles/s in {self.seconds:.1f}s "
                f"on {self.workers} {self.engine} worker(s); {stages}")


def run(inputs: Iterable[str | Path], output: str | Path | None = None, *, fmt: str | None = None,
        db: str | None = None, model: str | None = None, include_text: bool = False, workers: int = 1,
        engine: str = "local", scheduler: str | None = None, force: bool = False,
        manifest: str | Path | None = None, fields: JsonlFields = JsonlFields(), limits: Limits | None = None,
        chunk_size: int = 16, commit_every: int | None = None, progress: bool = False,
        extractor: Extractor | None = None) -> RunReport:
    """Extract every input and write one record per input document to `output` (or the database `db`),
    in input order, skipping what the manifest says is done unless `force`."""
    t0 = time.perf_counter()
    target = db or output
    if target is None:
        raise OutputError("E102", path="-", reason="give an output path or a database URL")
    if ("sql" if db else format_for(target, fmt)) not in FORMATS:
        raise FormatError(fmt=fmt, choices=", ".join(FORMATS))
    limits = limits or (extractor.limits if extractor else Limits())
    config = ExtractorConfig(model, include_text, limits)
    report = RunReport(workers=workers, engine=engine)
    stages: Counter = Counter()

    book = Manifest(manifest or default_location(target))
    try:
        if force:
            book.reset()
        book.start_run({"inputs": [str(i) for i in inputs[:100]] if isinstance(inputs, list) else "<stream>",
                        "output": str(output) if output else None, "format": fmt, "model": model,
                        "workers": workers, "engine": engine})
        sink = open_sink(target, "sql" if db else fmt, keep_parts=book.parts(), live=book.live_ids)
        plan = Plan(book, iter_documents(inputs, fields=fields, max_bytes=limits.max_bytes), chunk_size, stages)
        pool = _engine(engine, config, workers, scheduler, extractor)
        try:
            with sink:
                writer = sink.shard_writer() if engine == "dask" else None
                if writer is not None:  # workers write their own shards; one manifest here
                    _drain_shards(pool.map_sharded(plan.shards(book.next_part()), writer), plan, sink, book,
                                  report, stages, progress=progress)
                else:
                    _drain(pool.map(plan.chunks()), plan, sink, book, report, stages,
                           size=commit_every or sink.batch_size, progress=progress)
                t = time.perf_counter()
            stages["merge"] += time.perf_counter() - t
        finally:
            pool.close()
        report.already_done = plan.already_done
        report.seconds = time.perf_counter() - t0
        report.stage_seconds = {k: round(v, 3) for k, v in stages.items()}
        book.finish_run(report.as_dict())
    finally:
        book.close()
    return report


class Plan:
    """Turns the input stream into chunks for the workers: documents already done are left out,
    unreadable inputs and duplicate content become finished records; the manifest entries of
    what was sent wait, in order, until their batch is durable."""

    def __init__(self, book: Manifest, documents: Iterator[RawDocument | BadInput], chunk_size: int,
                 stages: Counter) -> None:
        self.book = book
        self.documents = documents
        self.chunk_size = chunk_size
        self.stages = stages
        self.waiting: deque[Entry] = deque()      # entries of records not yet committed, in order
        self.in_flight: dict[str, str] = {}       # content hash -> source, for documents not yet committed
        self.ids_in_flight: dict[str, str] = {}   # doc_id -> source, likewise
        self.changed: set[str] = set()            # sources processed again: their content changed
        self.already_done = 0

    def chunks(self) -> Iterator[Chunk]:
        chunk: Chunk = []
        t = time.perf_counter()
        for doc in self.documents:
            item = self.admit(doc)
            if item is not None:
                chunk.append(item)
            if len(chunk) >= self.chunk_size:
                self.stages["read"] += time.perf_counter() - t
                yield chunk
                chunk = []
                t = time.perf_counter()
        self.stages["read"] += time.perf_counter() - t
        if chunk:
            yield chunk

    def admit(self, doc: RawDocument | BadInput) -> RawDocument | ArticleRecord | None:
        digest = content_hash(doc.raw or f"{doc.source}\0{doc.error}".encode()) if isinstance(doc, BadInput) \
            else content_hash(doc.content)
        before = self.book.current(doc.source)
        if before is not None and before[0] == digest and (before[2] != "E011" or self.original(digest, doc.source)):
            self.already_done += 1
            return None
        if before is not None and before[0] != digest:
            self.changed.add(doc.source)
        if isinstance(doc, BadInput):
            doc_id = self.unique_id(doc.doc_id, doc.source)
            self.waiting.append(Entry(doc.source, doc_id, digest, "error", doc.error.code, _replaced(before, doc_id)))
            return error_record(doc.source, doc_id, doc.error)
        doc_id = self.unique_id(doc.doc_id or make_doc_id(doc.source, doc.content), doc.source)
        first = self.original(digest, doc.source)
        if first is not None:
            self.waiting.append(Entry(doc.source, doc_id, digest, "skipped", "E011", _replaced(before, doc_id)))
            return error_record(doc.source, doc_id, SkipDocument("E011", first=first))
        self.in_flight[digest] = doc.source
        self.waiting.append(Entry(doc.source, doc_id, digest, "pending", None, _replaced(before, doc_id)))
        return RawDocument(doc.content, doc.source, doc_id, doc.url)

    def original(self, digest: str, source: str) -> str | None:
        """Another source with this content whose record stands (not a duplicate, not changed since)."""
        first = self.in_flight.get(digest) or self.book.first_with_hash(digest, source, besides=self.changed)
        return first if first != source else None

    def unique_id(self, doc_id: str, source: str) -> str:
        """`doc_id`, or when another source already has it (two `index.html` in different folders),
        the id with a suffix made from the source: table keys stay unique, the first keeps the plain id."""
        owner = self.ids_in_flight.get(doc_id) or self.book.id_owner(doc_id, source)
        if owner is not None and owner != source:
            doc_id = f"{doc_id}-{content_hash(source)[:8]}"
        self.ids_in_flight[doc_id] = source
        return doc_id

    def shards(self, first_part: int) -> Iterator[Shard]:
        """The chunks as numbered shards for workers that write their own output, with the ids of
        earlier records each replaces."""
        for part, chunk in enumerate(self.chunks(), first_part):
            entries = list(islice(reversed(self.waiting), len(chunk)))
            yield chunk, part, [e.replaces for e in reversed(entries) if e.replaces]

    def settle(self, outcomes: list[Outcome]) -> list[Entry]:
        """The manifest entries of the oldest waiting records, given their `(status, code)`."""
        entries = []
        for status, code in outcomes:
            entry = self.waiting.popleft()
            entry.status = status
            entry.code = code
            if self.in_flight.get(entry.content_hash) == entry.source:
                del self.in_flight[entry.content_hash]
            if self.ids_in_flight.get(entry.doc_id) == entry.source:
                del self.ids_in_flight[entry.doc_id]
            entries.append(entry)
        return entries


def _replaced(before: tuple[str, str, str | None] | None, doc_id: str) -> str | None:
    """The id of the source's earlier record when its new record gets another one (content changed)."""
    return before[1] if before is not None and before[1] != doc_id else None


def _drain(results: Iterator, plan: Plan, sink, book: Manifest, report: RunReport,  # noqa: ANN001
           stages: Counter, *, size: int, progress: bool) -> None:
    """Collect the workers' records into durable batches: to the sink first, then to the manifest."""
    batch: list[ArticleRecord] = []
    last = time.monotonic()
    for records, seconds in _progress(results, progress):
        stages.update(seconds)
        for record in records:
            report.count(*outcome(record))
        batch.extend(records)
        if len(batch) >= size or time.monotonic() - last > COMMIT_SECONDS:
            _commit(sink, book, plan, batch, stages)
            batch, last = [], time.monotonic()
    if batch:
        _commit(sink, book, plan, batch, stages)


def _commit(sink, book: Manifest, plan: Plan, batch: list[ArticleRecord], stages: Counter) -> None:  # noqa: ANN001
    t = time.perf_counter()
    part = book.next_part()
    entries = plan.settle([outcome(r) for r in batch])
    sink.write_batch(batch, part, stale=[e.replaces for e in entries if e.replaces])
    book.commit(entries, part if _writes_parts(sink) else None)
    stages["write"] += time.perf_counter() - t


def _drain_shards(results: Iterator[ShardResult], plan: Plan, sink, book: Manifest,  # noqa: ANN001
                  report: RunReport, stages: Counter, *, progress: bool) -> None:
    """Commit, in input order, the shards workers have written: one manifest transaction each."""
    for outcomes, seconds, part in _progress(results, progress):
        stages.update(seconds)
        for status, code in outcomes:
            report.count(status, code)
        t = time.perf_counter()
        sink.adopt(part)
        book.commit(plan.settle(outcomes), part if _writes_parts(sink) else None)
        stages["commit"] += time.perf_counter() - t


def _writes_parts(sink) -> bool:  # noqa: ANN001
    """Whether the sink writes parts the manifest must list."""
    return hasattr(sink, "parts_dir")


def _engine(name: str, config: ExtractorConfig, workers: int, scheduler: str | None,
            extractor: Extractor | None):  # noqa: ANN202
    if name == "local":
        return LocalEngine(config, workers, extractor=extractor)
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(config, workers, scheduler=scheduler)
    raise ValueError(f"unknown engine {name!r}; choose local or dask")


def _progress(results: Iterator, enabled: bool) -> Iterator:  # noqa: ANN001
    if not enabled:
        return results
    from .progress import progress_bar

    return progress_bar(results, desc="chunks")


__all__ = ["RunReport", "run"]
