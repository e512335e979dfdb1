"""SQL databases through SQLAlchemy Core: the relational tables, upserted on the article key.

Each batch is one transaction: delete the batch's child rows, insert-or-update its `articles`
rows (`INSERT ... ON CONFLICT (doc_id) DO UPDATE`), insert the child rows with executemany. A
re-run therefore never duplicates rows, and a failure rolls the whole batch back. Lost
connections are retried with exponential backoff; then the run fails with `OutputError` (E105).
Values always travel as bound parameters (PostgreSQL child rows: as COPY data).
"""

from __future__ import annotations

import logging
import time
from typing import Any, Collection

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from ..errors import OutputError
from ..schema import ArticleRecord
from ..tables import CHILD_TABLES, KEYS, TABLES, batch_rows
from .base import Sink

log = logging.getLogger(__name__)

SQL_TYPES = {"str": sa.Text, "int": sa.BigInteger, "float": sa.Float, "bool": sa.Boolean, "json": sa.Text}


def build_metadata() -> sa.MetaData:
    metadata = sa.MetaData()
    for name, columns in TABLES.items():
        sa.Table(name, metadata, *(sa.Column(c.name, SQL_TYPES[c.kind](), primary_key=c.name in KEYS[name],
                                             nullable=c.name not in KEYS[name]) for c in columns))
    return metadata


METADATA = build_metadata()


def sqlite_url(path: object) -> str:
    return f"sqlite:///{path}"


def engine_url(url: str) -> sa.URL:
    """The SQLAlchemy URL, with plain `postgresql://` meaning the psycopg (3) driver."""
    parsed = sa.make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa_exc.ArgumentError:
        return "<invalid database URL>"


class SqlSink(Sink):
    batch_size = 1000
    retries = 4      # attempts after the first, on lost or refused connections
    backoff = 0.5    # seconds before the first retry, doubled each time

    def __init__(self, url: str, *, retries: int | None = None, backoff: float | None = None) -> None:
        self.url = url
        if retries is not None:
            self.retries = retries
        if backoff is not None:
            self.backoff = backoff
        self.engine: sa.Engine | None = None
        self._statements: dict[tuple[str, bool], str] = {}

    def write_header(self) -> None:
        try:
            url = engine_url(self.url)
        except sa_exc.ArgumentError as exc:
            raise OutputError("E105", reason=f"invalid database URL: {exc}") from exc
        connect_args: dict[str, Any] = {"connect_timeout": 10} if url.get_backend_name() == "postgresql" else {}
        if url.get_backend_name() == "sqlite" and url.database:
            from pathlib import Path

            try:
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError("E102", path=url.database, reason=exc.strerror or str(exc)) from exc
        self.engine = sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        if url.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._retrying("create tables", lambda: METADATA.create_all(self.engine))

    def write_batch(self, records: list[ArticleRecord], part: int | None = None, *,
                    stale: Collection[str] = ()) -> None:
        latest = {r.doc_id: r for r in records}  # one row per key in a batch: the last record wins
        rows = batch_rows(latest.values())
        gone = [i for i in stale if i not in latest]
        if rows["articles"] or gone:
            self._retrying("write a batch", lambda: self._upsert(rows, gone))

    def shard_writer(self) -> "SqlWriter":
        """A picklable writer for other processes (Dask workers): the same database, its own connections."""
        return SqlWriter(self.url, self.retries, self.backoff)

    def _upsert(self, rows: dict[str, list[dict[str, Any]]], stale: Collection[str] = ()) -> None:
        assert self.engine is not None, "write_header() first"
        ids = [r["doc_id"] for r in rows["articles"]]
        articles = METADATA.tables["articles"]
        with self.engine.begin() as conn:
            if stale:  # records of documents now written under another id
                for name in (*CHILD_TABLES, "articles"):
                    table = METADATA.tables[name]
                    conn.execute(table.delete().where(table.c.doc_id.in_(stale)))
            if not ids:
                return
            # child rows of articles already there are replaced; a first load skips the deletes
            existing = conn.execute(sa.select(articles.c.doc_id).where(articles.c.doc_id.in_(ids))).scalars().all()
            for name in CHILD_TABLES if existing else ():
                table = METADATA.tables[name]
                conn.execute(table.delete().where(table.c.doc_id.in_(existing)))
            self._executemany(conn, "articles", rows["articles"], upsert=True)
            for name in CHILD_TABLES:
                self._executemany(conn, name, rows[name])

    def _executemany(self, conn: sa.Connection, name: str, rows: list[dict[str, Any]], *, upsert: bool = False) -> None:
        """One statement, many rows of bound parameters, straight to the driver (no per-row Core processing)."""
        if not rows:
            return
        dialect = conn.dialect
        columns = [c.name for c in TABLES[name]]
        if not upsert and dialect.name == "postgresql" and dialect.driver == "psycopg":
            _copy_rows(conn, name, columns, rows)
            return
        key = (name, upsert)
        if key not in self._statements:
            table = METADATA.tables[name]
            stmt = _upsert_statement(dialect.name, table) if upsert else table.insert()
            self._statements[key] = str(stmt.compile(dialect=dialect, column_keys=columns))
        if dialect.positional:
            params: list[Any] = [tuple(row[c] for c in columns) for row in rows]
        else:
            params = rows
        conn.exec_driver_sql(self._statements[key], params)

    def _retrying(self, what: str, action: Any) -> None:
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                action()
                return
            except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
                if attempt == self.retries:
                    raise OutputError("E105", reason=f"{redact(self.url)}: could not {what} after "
                                      f"{attempt + 1} attempts: {_first_line(exc)}") from exc
                log.warning("database error (%s), retrying in %.1fs: %s", what, delay, _first_line(exc))
                time.sleep(delay)
                delay *= 2
            except sa_exc.SQLAlchemyError as exc:
                raise OutputError("E105", reason=f"{redact(self.url)}: could not {what}: {_first_line(exc)}") from exc

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None


class SqlWriter:
    """Writes batches to the database from another process; tables exist (the client made them)."""

    def __init__(self, url: str, retries: int, backoff: float) -> None:
        self.url, self.retries, self.backoff = url, retries, backoff
        self._sink: SqlSink | None = None

    def write(self, records: list[ArticleRecord], part: int, stale: Collection[str] = ()) -> None:
        if self._sink is None:
            self._sink = SqlSink(self.url, retries=self.retries, backoff=self.backoff)
            self._sink.write_header()
        self._sink.write_batch(records, part, stale=stale)

    def __getstate__(self) -> dict:
        return {"url": self.url, "retries": self.retries, "backoff": self.backoff, "_sink": None}


def _copy_rows(conn: sa.Connection, name: str, columns: list[str], rows: list[dict[str, Any]]) -> None:
    """PostgreSQL: child rows through COPY FROM STDIN, inside the batch's transaction (values as data, never SQL)."""
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(name), sql.SQL(", ").join(sql.Identifier(c) for c in columns))
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(statement) as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row([row[c] for c in columns])


def _upsert_statement(dialect: str, table: sa.Table) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        raise OutputError("E105", reason=f"upsert is not supported on {dialect}; use SQLite or PostgreSQL")
    stmt = insert(table)
    keys = KEYS[table.name]
    return stmt.on_conflict_do_update(index_elements=list(keys),
                                      set_={c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys})


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
