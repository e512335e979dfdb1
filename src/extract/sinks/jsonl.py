"""JSON lines: one record per line, in input order."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Collection

import orjson

from ..schema import ArticleRecord
from .files import PartSink, atomic_file


class JsonlSink(PartSink):
    def _write_part(self, records: list[ArticleRecord], directory: Path) -> None:
        with open(directory / "records.jsonl", "wb") as fh:
            fh.write(b"".join(orjson.dumps(r.model_dump(mode="json")) + b"\n" for r in records))
            fh.flush()
            os.fsync(fh.fileno())

    def _merge(self, parts: list[tuple[Path, Collection[str] | None]]) -> None:
        with atomic_file(self.path) as out:
            for part, keep in parts:
                with open(part / "records.jsonl", "rb") as fh:
                    if keep is None:
                        shutil.copyfileobj(fh, out, 1 << 20)
                    else:
                        out.writelines(line for line in fh if orjson.loads(line)["doc_id"] in keep)
