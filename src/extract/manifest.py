"""The run manifest: a SQLite file recording every processed document (source, id, content hash,
status, error code, output part) and every run's report.

It lives beside the output (`<output>.manifest.sqlite`) unless `--manifest` names another file.
A batch's documents are committed only after the sink has made that batch durable, so a killed
run resumes exactly where its output ends.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Container, Iterable, Iterator

from .errors import OutputError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    code TEXT,
    part INTEGER,
    run_id INTEGER,
    updated REAL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash);
CREATE INDEX IF NOT EXISTS documents_id ON documents (doc_id);
CREATE TABLE IF NOT EXISTS parts (part INTEGER PRIMARY KEY, run_id INTEGER, documents INTEGER);
CREATE TABLE IF NOT EXISTS runs (run_id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL, finished REAL,
                                 options TEXT, report TEXT);
"""


def content_hash(content: bytes | str) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def default_location(output: str | Path) -> Path:
    """`<output>.manifest.sqlite`; for a database URL, a file named after the URL in the working directory."""
    text = str(output)
    if "://" in text:
        return Path(f"extract-{hashlib.sha1(text.encode()).hexdigest()[:12]}.manifest.sqlite")
    return Path(text.rstrip("/") + ".manifest.sqlite")


@dataclass(slots=True)
class Entry:
    source: str
    doc_id: str
    content_hash: str
    status: str
    code: str | None
    replaces: str | None = None  # the id an earlier record of this source had, when it differs


class Manifest:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise OutputError("E102", path=self.path, reason=str(exc)) from exc
        self.run_id = 0

    def start_run(self, options: dict) -> int:
        cur = self.db.execute("INSERT INTO runs (started, options) VALUES (?, ?)",
                              (time.time(), json.dumps(options, default=str)))
        self.run_id = int(cur.lastrowid or 0)
        return self.run_id

    def reset(self) -> None:
        """Forget every document and part (`--force`); run reports are kept."""
        with self._tx():
            self.db.execute("DELETE FROM documents")
            self.db.execute("DELETE FROM parts")

    def parts(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT part FROM parts ORDER BY part")]

    def next_part(self) -> int:
        (last,) = self.db.execute("SELECT max(part) FROM parts").fetchone()
        return 0 if last is None else last + 1

    def is_done(self, source: str, digest: str) -> bool:
        current = self.current(source)
        return current is not None and current[0] == digest

    def current(self, source: str) -> tuple[str, str, str | None] | None:
        """`(content hash, doc_id, error code)` of the record written for `source`, if any."""
        row = self.db.execute("SELECT content_hash, doc_id, code FROM documents WHERE source = ?",
                              (source,)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def live_ids(self, part: int) -> set[str] | None:
        """The doc_ids whose current record is in `part`, or None when every record written there
        still is (none of its documents was processed again since)."""
        row = self.db.execute("SELECT documents FROM parts WHERE part = ?", (part,)).fetchone()
        ids = {r[0] for r in self.db.execute("SELECT doc_id FROM documents WHERE part = ?", (part,))}
        return None if row is not None and row[0] == len(ids) else ids

    def first_with_hash(self, digest: str, source: str, *, besides: Container[str] = ()) -> str | None:
        """The source of an earlier document with the same content, if any (none of `besides`)."""
        rows = self.db.execute("SELECT source FROM documents WHERE content_hash = ? AND source != ? "
                               "AND code IS NOT 'E011'", (digest, source))
        return next((row[0] for row in rows if row[0] not in besides), None)

    def id_owner(self, doc_id: str, source: str) -> str | None:
        """The source of another document that already has `doc_id`, if any."""
        row = self.db.execute("SELECT source FROM documents WHERE doc_id = ? AND source != ? LIMIT 1",
                              (doc_id, source)).fetchone()
        return row[0] if row else None

    def commit(self, entries: Iterable[Entry], part: int | None) -> None:
        """Record a durable batch: its part (file sinks) and its documents, in one transaction."""
        now = time.time()
        rows = [(e.source, e.doc_id, e.content_hash, e.status, e.code, part, self.run_id, now) for e in entries]
        with self._tx():
            if part is not None:
                self.db.execute("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", (part, self.run_id, len(rows)))
            self.db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def finish_run(self, report: dict) -> None:
        self.db.execute("UPDATE runs SET finished = ?, report = ? WHERE run_id = ?",
                        (time.time(), json.dumps(report), self.run_id))

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())

    def last_report(self) -> dict | None:
        row = self.db.execute("SELECT report FROM runs WHERE report IS NOT NULL ORDER BY run_id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row else None

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _tx(self) -> Iterator[None]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:  # full disk, read-only file: the run fails clearly
            raise OutputError("E102", path=self.path, reason=str(exc)) from exc
