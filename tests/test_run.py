"""`run`: one record per input in input order, resume, --force, duplicates, workers, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.manifest import Manifest, default_location
from extract.run import run
from test_sinks import pg_url  # noqa: F401 - the PostgreSQL fixture

PAGE = ("<html><head><title>Film {i}</title></head><body><article><h1>Review of Film {i}</h1>"
        "<p>The Crown {i}, created by Peter Morgan, premiered on Netflix on March {day}, 2020. "
        "Olivia Colman stars as the Queen. It won the Emmy Award for Outstanding Drama Series in 2021.</p>"
        "</article></body></html>")


def make_pages(directory: Path, n: int, start: int = 0) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (directory / f"p{i:04d}.html").write_text(PAGE.format(i=i, day=i % 28 + 1))
    return directory


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    return make_pages(tmp_path / "in", 12)


def test_one_record_per_input_in_order_with_report(tmp_path: Path, pages: Path) -> None:
    (pages / "bad.jsonl").write_text('{"html": "<p>Tom Hanks</p>", "id": "j1"}\nnot json\n')
    out = tmp_path / "out.jsonl"
    report = run([pages], out, model="blank", commit_every=5)
    got = lines(out)
    assert [r["doc_id"] for r in got] == ["j1", "bad.jsonl:2"] + [f"p{i:04d}" for i in range(12)]
    assert report.articles == 14 and report.by_code["E010"] == 1
    assert {"read", "clean", "nlp", "write"} <= set(report.stage_seconds)
    book = Manifest(default_location(out))
    assert book.last_report()["articles"] == 14 and sum(book.counts().values()) == 14
    book.close()


def test_rerun_skips_done_and_finishes_new(tmp_path: Path, pages: Path) -> None:
    out = tmp_path / "out.jsonl"
    run([pages], out, model="blank")
    first = out.read_bytes()
    again = run([pages], out, model="blank")
    assert again.articles == 0 and again.already_done == 12 and out.read_bytes() == first
    make_pages(pages, 3, start=12)
    more = run([pages], out, model="blank")
    assert more.articles == 3 and len(lines(out)) == 15
    forced = run([pages], out, model="blank", force=True)
    assert forced.articles == 15 and len(lines(out)) == 15


def test_duplicate_content_is_processed_once(tmp_path: Path, pages: Path) -> None:
    (pages / "zz-copy.html").write_bytes((pages / "p0003.html").read_bytes())
    out = tmp_path / "out.jsonl"
    report = run([pages], out, model="blank")
    dup = lines(out)[-1]
    assert dup["status"] == "skipped" and dup["error"]["code"] == "E011" and "p0003" in dup["error"]["message"]
    assert report.by_code["E011"] == 1


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    from extract import read_frames

    for folder, i in (("a", 1), ("b", 2)):
        make_pages(tmp_path / "in" / folder, 1, start=i)
        (tmp_path / "in" / folder / f"p{i:04d}.html").rename(tmp_path / "in" / folder / "index.html")
    run([tmp_path / "in"], tmp_path / "out.sqlite", model="blank")
    ids = list(read_frames(tmp_path / "out.sqlite")["articles"]["doc_id"])
    assert len(ids) == 2 and "index" in ids and any(i.startswith("index-") for i in ids)


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.sqlite"])
def test_two_workers_equal_one(tmp_path: Path, pages: Path, name: str) -> None:
    from extract import read_frames

    run([pages], tmp_path / "one" / name, model="blank", workers=1)
    run([pages], tmp_path / "two" / name, model="blank", workers=2, chunk_size=2, commit_every=3)
    a, b = read_frames(tmp_path / "one" / name), read_frames(tmp_path / "two" / name)
    assert all(a[t].equals(b[t]) for t in a)


def committed(manifest: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(manifest, timeout=1) as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("name", ["out.jsonl", "out.sqlite"])
def test_kill_and_resume_equals_uninterrupted(tmp_path: Path, name: str) -> None:
    from extract import read_frames

    pages = make_pages(tmp_path / "in", 150)
    reference = tmp_path / "ref" / name
    run([pages], reference, model="blank")
    out = tmp_path / "killed" / name
    cmd = [sys.executable, "-m", "extract", "run", str(pages), "-o", str(out), "--model", "blank", "-q",
           "--workers", "1", "--chunk-size", "2", "--commit-every", "4"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    manifest = default_location(out)
    deadline = time.time() + 60
    while time.time() < deadline and committed(manifest) < 20 and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < committed(manifest) < 150, "the run finished before it could be killed"
    assert subprocess.run(cmd, stderr=subprocess.DEVNULL).returncode == 0
    if name.endswith(".jsonl"):
        assert out.read_bytes() == reference.read_bytes()
    a, b = read_frames(reference), read_frames(out)
    assert all(a[t].equals(b[t]) for t in a)


def test_malformed_warc_and_jsonl_records_do_not_stop_the_batch(tmp_path: Path) -> None:
    from test_inputs import write_warc

    warc = tmp_path / "in" / "crawl.warc.gz"
    warc.parent.mkdir()
    write_warc(warc, [("http://x/1", PAGE.format(i=1, day=1)), ("http://x/2", PAGE.format(i=2, day=2))])
    bad = tmp_path / "in" / "zz-bad.warc"
    bad.write_bytes(b"\x00\x01 not a WARC file\n")
    (tmp_path / "in" / "dump.jsonl").write_text('{"html": 1}\n' + json.dumps({"html": PAGE.format(i=3, day=3)}) + "\n")
    report = run([tmp_path / "in"], tmp_path / "out.jsonl", model="blank")
    got = lines(tmp_path / "out.jsonl")
    assert [r["status"] for r in got] == ["ok", "ok", "error", "ok", "error"]
    assert report.by_code["E010"] == 2 and [r["meta"]["url"] for r in got[:2]] == ["http://x/1", "http://x/2"]


def sorted_frames(target: str | Path) -> dict:
    from extract import read_frames

    frames = read_frames(target)
    return {name: f.sort_values(["doc_id", "idx"] if "idx" in f else ["doc_id"]).reset_index(drop=True)
            for name, f in frames.items()}


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.parquet", "out.sqlite", "postgres"])
def test_changed_content_replaces_the_old_record(tmp_path: Path, name: str, request: pytest.FixtureRequest) -> None:
    """A document processed again because its content changed leaves one record, the new one,
    whether its id stays (a file name) or changes with the content (a JSON line with a URL and no id).
    p0000-p0002 first duplicate the JSON lines (E011); once those change, they are processed themselves."""
    pages = make_pages(tmp_path / "in", 4)
    dump = pages / "dump.jsonl"

    def write_dump(version: str) -> None:
        dump.write_text("".join(json.dumps({"url": f"http://x/{i}", "html": PAGE.format(i=f"{i}{version}", day=i + 1)})
                                + "\n" for i in range(3)))

    write_dump("")
    if name == "postgres":
        target = {"db": request.getfixturevalue("pg_url"), "manifest": tmp_path / "m.sqlite"}
        read = target["db"]
    else:
        target = {"output": tmp_path / name}
        read = tmp_path / name
    first = run([pages], model="blank", commit_every=3, **target)
    assert first.articles == 7
    (pages / "p0002.html").write_text(PAGE.format(i="2 revised", day=9))
    write_dump(" revised")
    again = run([pages], model="blank", commit_every=3, **target)
    assert again.articles == 6 and again.already_done == 1 and first.by_code["E011"] == 3
    reference = tmp_path / "ref.jsonl"
    run([pages], reference, model="blank")
    got, want = sorted_frames(read), sorted_frames(reference)
    assert len(got["articles"]) == 7 and got["articles"]["doc_id"].is_unique
    assert all(got[t].equals(want[t]) for t in got), [t for t in got if not got[t].equals(want[t])]
    assert got["articles"]["headline"].str.contains("revised").sum() == 4 and got["articles"]["error_code"].isna().all()


def test_the_extractor_moves_the_loaded_pipeline_out_of_the_collectors_sight():
    import gc

    from extract import Extractor

    gc.unfreeze()
    Extractor(freeze_gc=False)
    assert gc.get_freeze_count() == 0
    Extractor()
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
