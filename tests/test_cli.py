"""`extract run` on the command line: options, exit codes, path lists from stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main

PAGE = "<html><body><article><h1>Film {i}</h1><p>Olivia Colman stars in The Crown {i}.</p></article></body></html>"


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"p{i}.html").write_text(PAGE.format(i=i))
    (d / "dump.jsonl").write_text('{"page": "<p>x</p>"}\n{"oops"\n')
    return d


def run_cli(*args: str) -> int:
    return main(["run", *args, "--model", "blank", "-q", "--workers", "1"])


@pytest.mark.parametrize("fmt, name", [("jsonl", "o.jsonl"), ("csv", "tables"), ("parquet", "o.parquet")])
def test_error_records_still_exit_zero(tmp_path: Path, pages: Path, fmt: str, name: str) -> None:
    assert run_cli(str(pages), "-o", str(tmp_path / name), "--format", fmt, "--jsonl-html-field", "page") == 0
    from extract import read_frames

    arts = read_frames(tmp_path / name)["articles"]
    assert len(arts) == 5 and list(arts["error_code"].dropna()) == ["E010"]


@pytest.mark.parametrize("args", [["--format", "xml"], ["--db", "postgresql://127.0.0.1:1/x"]])
def test_run_failures_exit_two(tmp_path: Path, pages: Path, args: list[str], monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("extract.sinks.sql.SqlSink.backoff", 0.01)
    monkeypatch.chdir(tmp_path)
    assert run_cli(str(pages), "-o", str(tmp_path / "o.jsonl"), *args) == 2


@pytest.mark.parametrize("workers", ["1", "2"])
def test_missing_model_exits_two(tmp_path: Path, pages: Path, workers: str) -> None:
    args = ["run", str(pages), "-o", str(tmp_path / "o.jsonl"), "--model", str(tmp_path / "no-model"), "-q"]
    assert main([*args, "--workers", workers]) == 2


def test_unwritable_output_exits_two(tmp_path: Path, pages: Path) -> None:
    (tmp_path / "f").write_text("x")
    assert run_cli(str(pages), "-o", str(tmp_path / "f" / "o.jsonl")) == 2


def test_from_list_on_stdin(tmp_path: Path, pages: Path) -> None:
    out = tmp_path / "o.jsonl"
    listing = f"{pages / 'p0.html'}\n{pages / 'p2.html'}\n"
    proc = subprocess.run([sys.executable, "-m", "extract", "run", "--from-list", "-", "-o", str(out),
                           "--model", "blank", "-q", "--workers", "1"], input=listing, text=True,
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["p0", "p2"]
    assert "articles 2" in proc.stderr
