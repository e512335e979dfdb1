"""Scale-out on Dask (dask.distributed): the same chunks as the local pool, run on a cluster.

`DaskEngine` connects to a scheduler (`--scheduler tcp://host:8786`) or starts a `LocalCluster`
of worker processes. Each worker builds its `Extractor` once (cached per process, keyed by the
configuration) and reuses it for every chunk.

With `map_sharded` (what `run` uses), each task also writes its chunk's records itself, as one
output shard: a numbered part of a file output (the output path must be reachable from every
worker, e.g. shared storage) or one transaction into the database. Only each record's status and
code come back; the client keeps the one manifest, committing each shard in input order once the
worker has made it durable, and merges the parts at the end, so the output equals a local run's.
`map` (records shipped back to the client) remains for sinks that only the client can write.
"""

from __future__ import annotations

import time
from typing import Any, Iterable, Iterator

from .extractor import Extractor
from .parallel import Chunk, ExtractorConfig, Outcome, Result, ordered_window, outcome, process_chunk
from .sinks.base import ShardWriter

_EXTRACTORS: dict[ExtractorConfig, Extractor] = {}
_WRITERS: dict[bytes, ShardWriter] = {}
Shard = tuple[Chunk, int, list[str]]                      # chunk, part number, stale ids it replaces
ShardResult = tuple[list[Outcome], dict[str, float], int]  # outcomes, stage seconds, part written


def extract_chunk(chunk: Chunk, config: ExtractorConfig) -> Result:
    """The task run on a Dask worker: the model is loaded on the worker's first chunk only."""
    extractor = _EXTRACTORS.get(config)
    if extractor is None:
        extractor = _EXTRACTORS[config] = config.build()
    return process_chunk(chunk, extractor)


def extract_and_write(chunk: Chunk, config: ExtractorConfig, writer: ShardWriter, part: int,
                      stale: list[str]) -> ShardResult:
    """The task of a sharded run: extract a chunk, write it as shard `part`, return only outcomes."""
    import pickle

    key = pickle.dumps(writer)  # one writer (one database engine) per worker process and output
    writer = _WRITERS.setdefault(key, writer)
    records, seconds = extract_chunk(chunk, config)
    t = time.perf_counter()
    writer.write(records, part, stale)
    seconds = {**seconds, "write": time.perf_counter() - t}
    return [outcome(r) for r in records], seconds, part


class DaskEngine:
    def __init__(self, config: ExtractorConfig, workers: int = 2, *, scheduler: str | None = None,
                 window: int | None = None) -> None:
        from distributed import Client, LocalCluster

        self.config = config
        self.cluster: Any = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        n = len(self.client.scheduler_info().get("workers", {})) or max(1, workers)
        self.window = window or 2 * n

    def map(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        def submit(chunk: Chunk) -> Any:
            return self.client.submit(extract_chunk, chunk, self.config, pure=False).result

        yield from ordered_window(chunks, submit, self.window)

    def map_sharded(self, shards: Iterable[Shard], writer: ShardWriter) -> Iterator[ShardResult]:
        """Workers extract and write each shard; outcomes come back in input order."""
        def submit(shard: Shard) -> Any:
            chunk, part, stale = shard
            return self.client.submit(extract_and_write, chunk, self.config, writer, part, stale, pure=False).result

        yield from ordered_window(shards, submit, self.window)  # type: ignore[arg-type]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
