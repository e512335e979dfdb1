"""The manifest: done documents, content hashes, parts, reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.manifest import Entry, Manifest, content_hash, default_location


@pytest.mark.parametrize("output, expected", [("out/r.jsonl", "out/r.jsonl.manifest.sqlite"),
                                              ("out/tables.csv/", "out/tables.csv.manifest.sqlite")])
def test_default_location(output: str, expected: str) -> None:
    assert str(default_location(output)) == expected


def test_database_url_manifest_hides_the_url() -> None:
    name = str(default_location("postgresql://user:secret@host/db"))
    assert "secret" not in name and name.endswith(".manifest.sqlite")


def test_commit_done_duplicates_and_reset(tmp_path: Path) -> None:
    book = Manifest(tmp_path / "m.sqlite")
    book.start_run({})
    h = content_hash(b"<p>x</p>")
    assert h == content_hash("<p>x</p>") and not book.is_done("a.html", h)
    book.commit([Entry("a.html", "a", h, "ok", None), Entry("b.html", "b", h, "skipped", "E011")], part=0)
    assert book.is_done("a.html", h) and not book.is_done("a.html", content_hash(b"changed"))
    assert book.first_with_hash(h, "c.html") == "a.html"
    assert book.parts() == [0] and book.next_part() == 1
    book.finish_run({"articles": 2})
    assert book.last_report() == {"articles": 2} and book.counts() == {"ok": 1, "skipped": 1}
    book.reset()
    assert book.parts() == [] and not book.is_done("a.html", h)
    book.close()
