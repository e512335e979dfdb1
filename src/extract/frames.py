"""pandas views of records: the tables of `extract.tables` as DataFrames with explicit dtypes.

`to_frames(records)` builds them in memory; `read_frames(path)` reads what `extract run` wrote
(JSONL, a CSV or Parquet table directory, a SQLite file or a database URL) back as the same tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .errors import FormatError
from .schema import ArticleRecord
from .tables import KEYS, TABLES, batch_rows

if TYPE_CHECKING:
    import pandas as pd

PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "json": "string"}


def dtypes(table: str) -> dict[str, str]:
    """Column name -> pandas dtype for one table."""
    return {c.name: PANDAS_DTYPES[c.kind] for c in TABLES[table]}


def empty_frame(table: str) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=dt) for name, dt in dtypes(table).items()})


def typed(table: str, frame: "pd.DataFrame") -> "pd.DataFrame":
    """`frame` with exactly the table's columns, in order, cast to the table's dtypes."""
    if frame.empty:
        return empty_frame(table)
    frame = frame.reindex(columns=[c.name for c in TABLES[table]])
    return frame.astype(dtypes(table)).reset_index(drop=True)


def to_frames(records: Iterable[ArticleRecord | dict]) -> dict[str, "pd.DataFrame"]:
    """Records (models or their dicts) -> {table name: DataFrame}, rows in record order."""
    import pandas as pd

    models = (r if isinstance(r, ArticleRecord) else ArticleRecord.model_validate(r) for r in records)
    rows = batch_rows(models)
    return {name: typed(name, pd.DataFrame.from_records(rows[name])) for name in TABLES}


def read_frames(path: str | Path) -> dict[str, "pd.DataFrame"]:
    """Read output written by `extract run` back as {table name: DataFrame}.

    JSONL keeps record order; CSV and Parquet keep file order; SQL tables come back sorted by key.
    CSV cannot tell an empty string from a missing value: both read back as `<NA>`.
    """
    import pandas as pd

    text = str(path)
    if "://" in text:
        return _read_sql(text)
    p = Path(path)
    if p.is_dir():
        if (p / "articles.parquet").exists():
            return {name: typed(name, pd.read_parquet(p / f"{name}.parquet")) for name in TABLES}
        if (p / "articles.csv").exists():
            return {name: _read_csv(p / f"{name}.csv") for name in TABLES}
        raise FormatError(fmt=f"directory {p}", choices="a CSV or Parquet table directory")
    if p.suffix.lower() in (".sqlite", ".sqlite3", ".db"):
        return _read_sql(f"sqlite:///{p}")
    return to_frames(_iter_jsonl(p))


def _iter_jsonl(path: Path) -> Iterable[ArticleRecord]:
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        for line in fh:
            if line.strip():
                yield ArticleRecord.model_validate_json(line)


def _read_csv(path: Path) -> "pd.DataFrame":
    import pandas as pd

    name = path.stem
    frame = pd.read_csv(path, dtype=dtypes(name), keep_default_na=False, na_values=[""])
    return typed(name, frame)


def _read_sql(url: str) -> dict[str, "pd.DataFrame"]:
    import pandas as pd
    import sqlalchemy as sa

    from .sinks.sql import engine_url

    engine = sa.create_engine(engine_url(url))
    try:
        with engine.connect() as conn:
            out = {}
            for name in TABLES:
                order = ", ".join(KEYS[name])
                frame = pd.read_sql_query(sa.text(f"SELECT * FROM {name} ORDER BY {order}"), conn)
                out[name] = typed(name, frame)
            return out
    finally:
        engine.dispose()
