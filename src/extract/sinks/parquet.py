"""Parquet: the relational tables, one `<table>.parquet` per table, written by pyarrow with explicit schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Collection

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..schema import ArticleRecord
from ..tables import TABLES, batch_rows
from .files import PartSink, atomic_file, fsync_file

ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "json": pa.string()}
SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([pa.field(c.name, ARROW_TYPES[c.kind], nullable=c.name not in ("doc_id", "idx"))
                     for c in columns])
    for name, columns in TABLES.items()
}


class ParquetSink(PartSink):
    def _write_part(self, records: list[ArticleRecord], directory: Path) -> None:
        for name, rows in batch_rows(records).items():
            path = directory / f"{name}.parquet"
            pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]), path)
            fsync_file(path)

    def _merge(self, parts: list[tuple[Path, Collection[str] | None]]) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        for name, schema in SCHEMAS.items():
            with atomic_file(self.path / f"{name}.parquet") as out:
                with pq.ParquetWriter(out, schema) as writer:
                    wrote = False
                    for part, keep in parts:
                        table = pq.read_table(part / f"{name}.parquet", schema=schema)
                        if keep is not None:
                            table = table.filter(pc.is_in(table["doc_id"], value_set=pa.array(list(keep), pa.string())))
                        if table.num_rows:
                            writer.write_table(table)
                            wrote = True
                    if not wrote:
                        writer.write_table(schema.empty_table())
