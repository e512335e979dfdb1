"""Output sinks: one small interface (write_header, write_batch/write_records, write_footer, close), looked up by format.

| format  | output                                   | chosen by                       |
|---------|------------------------------------------|---------------------------------|
| jsonl   | one file, a record per line              | `.jsonl`, `.ndjson`, `.json`    |
| csv     | a directory of `<table>.csv`             | `.csv`                          |
| parquet | a directory of `<table>.parquet`         | `.parquet`                      |
| sqlite  | a SQLite database file with the tables   | `.sqlite`, `.sqlite3`, `.db`    |
| sql     | any SQLAlchemy URL (`postgresql://...`)  | `--db URL`                      |
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Collection, Iterable

from ..errors import FormatError
from .base import Sink
from .csv import CsvSink
from .jsonl import JsonlSink
from .parquet import ParquetSink
from .sql import SqlSink, sqlite_url

FILE_SINKS = {"jsonl": JsonlSink, "csv": CsvSink, "parquet": ParquetSink}
FORMATS = (*FILE_SINKS, "sqlite", "sql")
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet",
                  ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}


def format_for(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        return fmt.lower()
    if "://" in str(path):
        return "sql"
    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), "jsonl")


def open_sink(path: str | Path, fmt: str | None = None, *, keep_parts: Iterable[int] | None = None,
              live: Callable[[int], Collection[str] | None] | None = None, **options: object) -> Sink:
    """The sink for `path` (a file, a directory or a database URL) in `fmt` (default: from the path).

    `keep_parts` and `live` come from a manifest: the parts of earlier runs to keep, and per part
    the records still current (see `sinks.files`).
    """
    fmt = format_for(path, fmt)
    if fmt in FILE_SINKS:
        return FILE_SINKS[fmt](Path(path), keep_parts=keep_parts, live=live)
    if fmt == "sqlite":
        return SqlSink(sqlite_url(path), **options)  # type: ignore[arg-type]
    if fmt == "sql":
        return SqlSink(str(path), **options)  # type: ignore[arg-type]
    raise FormatError(fmt=fmt, choices=", ".join(FORMATS))


__all__ = ["FORMATS", "Sink", "format_for", "open_sink"]
