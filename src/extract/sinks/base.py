"""The sink interface every writer shares."""

from __future__ import annotations

from itertools import islice
from typing import Collection, Iterable, Iterator, Protocol, TypeVar

from ..schema import ArticleRecord

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class ShardWriter(Protocol):
    """Writes one durable batch as `part` from a worker process."""

    def write(self, records: list[ArticleRecord], part: int, stale: Collection[str] = ()) -> None: ...


class Sink:
    """Write records: `write_header()`, `write_batch(records, part)`/`write_records(records)`,
    `write_footer()`, `close()`.

    A batch is the unit of atomicity: after `write_batch` returns it is durable (a renamed part
    file, a committed transaction); a kill before that leaves nothing of it behind. `stale` names
    records an earlier run wrote that the batch replaces under another id (a document whose
    content, and with it its id, changed): a sink that keeps rows by id removes them.
    """

    batch_size = 1000

    def write_header(self) -> None:
        pass

    def write_batch(self, records: list[ArticleRecord], part: int | None = None, *,
                    stale: Collection[str] = ()) -> None:
        raise NotImplementedError

    def shard_writer(self) -> "ShardWriter | None":
        """A picklable object other processes (Dask workers) write batches with, or None when
        only this process can write (records are then shipped back to it)."""
        return None

    def adopt(self, part: int) -> None:
        """Count in a batch a `shard_writer()` wrote as `part`."""

    def write_records(self, records: Iterable[ArticleRecord]) -> None:
        for batch in chunked(records, self.batch_size):
            self.write_batch(batch)

    def write_footer(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> "Sink":
        self.write_header()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        try:
            if exc_type is None:
                self.write_footer()
        finally:
            self.close()
