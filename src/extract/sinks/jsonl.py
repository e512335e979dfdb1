"""JSON lines: one record per line, written to a temporary file and renamed into place (atomic)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Iterable

import orjson

from ..errors import OutputError
from ..schema import ArticleRecord
from .base import Sink


class JsonlSink(Sink):
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".tmp")
        self._fh: IO[bytes] | None = None

    def write_header(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.tmp, "wb")
        except OSError as exc:
            raise OutputError("E102", path=self.path, reason=exc.strerror or str(exc)) from exc

    def write_records(self, records: Iterable[ArticleRecord]) -> None:
        assert self._fh is not None, "write_header() first"
        try:
            for record in records:
                self._fh.write(orjson.dumps(record.model_dump(mode="json")) + b"\n")
        except OSError as exc:
            raise OutputError("E102", path=self.path, reason=exc.strerror or str(exc)) from exc

    def write_footer(self) -> None:
        if self._fh is None:
            return
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            raise OutputError("E102", path=self.path, reason=exc.strerror or str(exc)) from exc
        finally:
            self._fh = None

    def close(self) -> None:
        if self._fh is not None:  # failed run: keep earlier output, drop the partial file
            self._fh.close()
            self._fh = None
            self.tmp.unlink(missing_ok=True)
