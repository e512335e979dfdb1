"""Output sinks: one small interface (write_header, write_records, write_footer, close), looked up by format."""

from __future__ import annotations

from pathlib import Path

from ..errors import FormatError
from .base import Sink
from .jsonl import JsonlSink

SINKS: dict[str, type[Sink]] = {"jsonl": JsonlSink}
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}


def format_for(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        return fmt
    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), "jsonl")


def open_sink(path: str | Path, fmt: str | None = None) -> Sink:
    fmt = format_for(path, fmt)
    if fmt not in SINKS:
        raise FormatError(fmt=fmt, choices=", ".join(sorted(SINKS)))
    return SINKS[fmt](Path(path))


__all__ = ["SINKS", "Sink", "open_sink", "format_for"]
