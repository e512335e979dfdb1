"""Parallel extraction on one machine: a process pool with one `Extractor` per worker.

Chunks of documents go to the workers and come back in input order; at most a small window of
chunks is in flight, so memory stays flat however long the input is. A chunk may hold finished
records (bad inputs, duplicates) between documents: they pass through untouched, keeping order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from .document import RawDocument
from .extractor import Extractor
from .limits import Limits
from .schema import ArticleRecord

Chunk = list[RawDocument | ArticleRecord]
Result = tuple[list[ArticleRecord], dict[str, float]]
Outcome = tuple[str, str | None]  # a record's status and error code: all the client needs of it


def outcome(record: ArticleRecord) -> Outcome:
    return record.status, record.error.code if record.error else None


@dataclass(frozen=True)
class ExtractorConfig:
    """What a worker needs to build its own `Extractor` (picklable, hashable)."""

    model: str | None = None
    include_text: bool = False
    limits: Limits = field(default_factory=Limits)
    batch_size: int = 16

    def build(self) -> Extractor:
        return Extractor(self.model, include_text=self.include_text, limits=self.limits, batch_size=self.batch_size)


def process_chunk(chunk: Chunk, extractor: Extractor) -> Result:
    """Records for one chunk, in order, and the seconds spent per stage on it."""
    (result,) = stream_chunks([chunk], extractor)
    return result


def stream_chunks(chunks: Iterable[Chunk], extractor: Extractor) -> Iterator[Result]:
    """`process_chunk` over every chunk, but with the documents of all chunks fed to one
    `extractor.pipe`, so its stages keep overlapping from chunk to chunk (the next batch is
    cleaned while the model reads this one). A chunk's result comes out once all its records
    have; the seconds per stage are what the extractor spent since the previous chunk's result."""
    fed: deque[tuple[Chunk, int]] = deque()  # chunks whose documents went in, oldest first

    def documents() -> Iterator[RawDocument]:
        for chunk in chunks:
            raws = [item for item in chunk if isinstance(item, RawDocument)]
            fed.append((chunk, len(raws)))
            yield from raws

    records = extractor.pipe(documents())
    got: deque[ArticleRecord] = deque()
    before = dict(extractor.stage_seconds)
    exhausted = False
    while True:
        while fed and len(got) >= fed[0][1]:
            chunk, _ = fed.popleft()
            out = [got.popleft() if isinstance(item, RawDocument) else item for item in chunk]
            now = dict(extractor.stage_seconds)
            yield out, {k: v - before.get(k, 0.0) for k, v in now.items()}
            before = now
        if exhausted:
            return
        try:
            got.append(next(records))
        except StopIteration:
            exhausted = True


class LocalEngine:
    """`workers` processes (or the calling process when `workers == 1`); `map` keeps input order."""

    def __init__(self, config: ExtractorConfig, workers: int = 1, *, extractor: Extractor | None = None) -> None:
        self.config = config
        self.workers = max(1, workers)
        self.extractor = extractor

    def map(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        if self.workers == 1:
            yield from stream_chunks(chunks, self.extractor or self.config.build())
            return
        # fork: workers start at once with the libraries already imported; a worker that dies (killed,
        # out of memory) breaks the pool with an error instead of hanging it
        with ProcessPoolExecutor(self.workers, mp_context=mp.get_context("fork"), initializer=_init_worker,
                                 initargs=(self.config,)) as pool:
            yield from ordered_window(chunks, lambda chunk: pool.submit(_work, chunk).result, 2 * self.workers)

    def close(self) -> None:
        pass


def ordered_window(chunks: Iterable[Chunk], submit: Any, size: int) -> Iterator[Result]:
    """Submit chunks keeping at most `size` in flight; yield their results in submission order.

    `submit(chunk)` starts the work and returns a callable that waits for its result.
    """
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= size:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


_CONFIG: ExtractorConfig | None = None
_EXTRACTOR: Extractor | None = None


def _init_worker(config: ExtractorConfig) -> None:
    global _CONFIG
    _CONFIG = config


def _work(chunk: Chunk) -> Result:
    """Built on the first chunk, not in the initializer, so a model that cannot load fails the run
    with its `ModelError` instead of a broken pool."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        assert _CONFIG is not None
        _EXTRACTOR = _CONFIG.build()
    return process_chunk(chunk, _EXTRACTOR)
