"""Scale-out on Dask (dask.distributed): the same chunks as the local pool, run on a cluster.

`DaskEngine` connects to a scheduler (`--scheduler tcp://host:8786`) or starts a `LocalCluster`
of worker processes. Each worker builds its `Extractor` once (cached per process, keyed by the
configuration) and reuses it for every chunk; results come back in input order through a bounded
window of futures, so the client writes the output shards and the one manifest exactly as a local
run does.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from .extractor import Extractor
from .parallel import Chunk, ExtractorConfig, Result, ordered_window, process_chunk

_EXTRACTORS: dict[ExtractorConfig, Extractor] = {}


def extract_chunk(chunk: Chunk, config: ExtractorConfig) -> Result:
    """The task run on a Dask worker: the model is loaded on the worker's first chunk only."""
    extractor = _EXTRACTORS.get(config)
    if extractor is None:
        extractor = _EXTRACTORS[config] = config.build()
    return process_chunk(chunk, extractor)


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

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
