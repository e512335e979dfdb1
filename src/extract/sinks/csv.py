"""CSV: the relational tables of `extract.tables`, one `<table>.csv` per table in the output directory."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path
from typing import Collection

from ..schema import ArticleRecord
from ..tables import TABLES, batch_rows
from .files import PartSink, atomic_file


class CsvSink(PartSink):
    def _write_part(self, records: list[ArticleRecord], directory: Path) -> None:
        for name, rows in batch_rows(records).items():
            with open(directory / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=[c.name for c in TABLES[name]])
                writer.writerows(rows)
                fh.flush()
                os.fsync(fh.fileno())

    def _merge(self, parts: list[tuple[Path, Collection[str] | None]]) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        for name, columns in TABLES.items():
            with atomic_file(self.path / f"{name}.csv", "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow([c.name for c in columns])
                for part, keep in parts:
                    with open(part / f"{name}.csv", encoding="utf-8", newline="") as fh:
                        if keep is None:
                            shutil.copyfileobj(fh, out, 1 << 20)
                        else:  # doc_id is every table's first column
                            writer.writerows(row for row in csv.reader(fh) if row[0] in keep)
