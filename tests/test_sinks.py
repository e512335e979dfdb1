"""Sinks: lookup by format, atomic file output, SQL upserts (SQLite file, PostgreSQL server), faults."""

from __future__ import annotations

import errno
import os
import socket
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from extract import read_frames
from extract.errors import FormatError, OutputError
from extract.schema import ArticleRecord
from extract.sinks import open_sink
from extract.sinks import files as files_module
from extract.sinks.sql import SqlSink, engine_url

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def records(n: int, *, tag: str = "") -> list[ArticleRecord]:
    return [ArticleRecord.model_validate({
        "doc_id": f"doc{i}", "source": f"doc{i}.html", "meta": {"headline": f"Headline {i}{tag}"},
        "people": [{"name": f"Person {i}", "roles": ["actor"]}, {"name": "Jane Doe"}],
        "works": [{"title": f"Film {i}{tag}", "kind": "film", "year": 2000 + i}],
        "entities": [{"text": "Jane Doe", "label": "PERSON", "start": 0, "end": 8, "source": "ner"}],
    }) for i in range(n)]


def write(path: str | Path, recs: list[ArticleRecord], fmt: str | None = None, **options: object) -> None:
    with open_sink(path, fmt, **options) as sink:
        sink.write_records(recs)


def pg_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def pg_url():
    """A fresh database on the local PostgreSQL server, dropped afterwards."""
    if not pg_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432 (scripts/ensure_postgres.sh starts it)")
    name = f"extract_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(engine_url(PG_ADMIN), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_unknown_format_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as info:
        open_sink(tmp_path / "out.xml", "xml")
    assert info.value.code == "E101"


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.parquet"])
def test_file_sinks_leave_no_parts_or_temporaries(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, records(3))
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert len(read_frames(tmp_path / name)["articles"]) == 3


@pytest.mark.parametrize("name", ["out.sqlite", "out.db"])
def test_sqlite_upsert_is_idempotent(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, records(5))
    write(tmp_path / name, records(5, tag=" (updated)"))
    frames = read_frames(tmp_path / name)
    assert len(frames["articles"]) == 5 and len(frames["people"]) == 10 and len(frames["works"]) == 5
    assert frames["works"]["title"].str.endswith("(updated)").all()


@pytest.mark.postgres
def test_postgres_upsert_is_idempotent_and_survives_a_restarted_connection(pg_url: str) -> None:
    sink = open_sink(pg_url, "sql", backoff=0.01)
    with sink:
        sink.write_batch(records(4))
        with sa.create_engine(engine_url(PG_ADMIN)).connect() as conn:  # the server drops our connections
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :db"),
                         {"db": pg_url.rsplit("/", 1)[1]})
        sink.write_batch(records(6, tag=" v2"))
    frames = read_frames(pg_url)
    assert len(frames["articles"]) == 6 and len(frames["people"]) == 12
    assert frames["articles"]["headline"].str.endswith("v2").all()


@pytest.mark.parametrize("url", ["postgresql://postgres:secret@127.0.0.1:1/x", "sqlite:///{tmp}/file/x.db"])
def test_unreachable_database_fails_clearly(tmp_path: Path, url: str) -> None:
    (tmp_path / "file").write_text("a file, not a directory")
    url = url.format(tmp=tmp_path)
    with pytest.raises(OutputError) as info:
        write(url, records(1), "sql", retries=2, backoff=0.01)
    assert info.value.code in ("E105", "E102")
    assert "secret" not in str(info.value)


def test_failed_batch_leaves_no_partial_transaction(tmp_path: Path) -> None:
    db = tmp_path / "out.sqlite"
    write(db, records(3))
    sink = SqlSink(f"sqlite:///{db}", retries=1, backoff=0.01)
    sink.write_header()

    def fail_on_people(conn, cursor, statement, *args):  # noqa: ANN001, ANN002
        if statement.startswith("INSERT INTO people"):
            raise sa.exc.OperationalError(statement, (), Exception("disk I/O error"))

    sa.event.listen(sink.engine, "before_cursor_execute", fail_on_people)
    with pytest.raises(OutputError):
        sink.write_batch(records(3, tag=" new"))
    sink.close()
    frames = read_frames(db)  # the batch's deletes and article upserts were rolled back
    assert len(frames["people"]) == 6 and not frames["works"]["title"].str.endswith("new").any()


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.parquet"])
def test_full_disk_keeps_earlier_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    write(tmp_path / name, records(2))
    before = read_frames(tmp_path / name)

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files_module.os, "fsync", no_space)
    with pytest.raises(OutputError) as info:
        write(tmp_path / name, records(5))
    monkeypatch.undo()
    assert info.value.code == "E102" and "No space" in str(info.value)
    after = read_frames(tmp_path / name)
    assert all(after[t].equals(before[t]) for t in before)


def test_unwritable_output_path(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        write(tmp_path / "file" / "out.jsonl", records(1))


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o555)
    with pytest.raises(OutputError):
        write(ro / "out.jsonl", records(1))


@pytest.mark.postgres
def test_run_into_postgres_twice_never_duplicates(tmp_path: Path, pg_url: str) -> None:
    from extract.run import run

    pages = tmp_path / "in"
    pages.mkdir()
    for i in range(6):
        (pages / f"p{i}.html").write_text(f"<html><body><p>Olivia Colman stars in The Crown {i}.</p></body></html>")
    manifest = tmp_path / "m.sqlite"
    first = run([pages], db=pg_url, model="blank", manifest=manifest)
    again = run([pages], db=pg_url, model="blank", manifest=manifest, force=True)
    assert first.articles == again.articles == 6
    assert len(read_frames(pg_url)["articles"]) == 6
