"""The sink interface every writer shares."""

from __future__ import annotations

from typing import Iterable

from ..schema import ArticleRecord


class Sink:
    """Write records: `write_header()`, `write_records(records)`, `write_footer()`, `close()`."""

    def write_header(self) -> None:
        pass

    def write_records(self, records: Iterable[ArticleRecord]) -> None:
        raise NotImplementedError

    def write_footer(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> "Sink":
        self.write_header()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if exc_type is None:
            self.write_footer()
        self.close()
