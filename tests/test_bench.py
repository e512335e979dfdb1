"""`extract bench` on a few small pages: the report's structure, records out, trafilatura optional."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from extract.bench import MODES, ComponentClock, bench_files, run_bench
from extract.cli import main

PAGE = """<html><head><title>{title}</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>{title}</h1>
<p>{person} stars in <i>{title}</i>, the new drama series from Netflix, which premiered on March 3, 2021.
The show was nominated for the Emmy Award for Outstanding Drama Series in 2022.</p>
<p>Directed by Ava DuVernay, the series follows five teenagers in Harlem over several decades.</p>
</article><footer>Copyright</footer></body></html>"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    (root / "sub").mkdir()
    (root / "one.html").write_text(PAGE.format(title="The Crown", person="Olivia Colman"))
    (root / "sub" / "two.html.gz").write_bytes(gzip.compress(PAGE.format(title="Succession", person="Brian Cox").encode()))
    (root / "sub" / "three.htm").write_text(PAGE.format(title="Severance", person="Adam Scott"))
    (root / "notes.txt").write_text("not a page")
    return root


@pytest.fixture(scope="module")
def report(pages: Path):
    return run_bench(pages, rounds=2, chunk=2, memory=False)


def test_files_are_found_recursively_in_a_fixed_order(pages: Path) -> None:
    files = bench_files(pages)
    assert sorted(p.name for p in files) == ["one.html", "three.htm", "two.html.gz"]
    assert bench_files(pages) == files and bench_files(pages, limit=2) == files[:2]


def test_report_structure(report) -> None:
    data = report.to_dict()
    assert data["files"] == 3 and data["rounds"] == 2
    assert set(data["modes"]) == set(MODES)
    for name, mode in data["modes"].items():
        if mode["skipped"]:
            continue
        assert mode["articles"] == 3 and mode["seconds"] > 0 and len(mode["round_seconds"]) == 2
        assert mode["articles_per_s"] > 0 and mode["words"] > 0 and mode["stages"]
    stages = data["modes"]["pipeline"]["stages"]
    assert {"clean", "tok2vec", "ner", "entertainment_works", "records", "serialise"} <= set(stages)
    assert set(data["modes"]["model"]["stages"]) == {"tok2vec", "ner"}
    assert data["modes"]["pipeline"]["words"] == data["modes"]["model"]["words"]  # same cleaned text
    assert data["ratios"]["a/b"] > 0
    assert "a/b" in report.format()


def test_records_come_out(report) -> None:
    assert report.records_ok == 3


def test_assembled_mode_has_the_sm_components(report) -> None:
    pytest.importorskip("trafilatura")
    mode = report.to_dict()["modes"]["assembled"]
    assert not mode["skipped"]
    assert {"trafilatura", "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"} <= set(mode["stages"])
    assert any("lemmatizer" in note for note in mode["notes"])


def test_assembled_mode_skips_without_trafilatura(pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if not installed
    rep = run_bench(pages, rounds=1, modes=["model", "assembled"], memory=False, limit=1)
    assert "trafilatura" in rep.modes["assembled"].skipped
    assert rep.ratios["a/c"] is None and "skipped" in rep.format()


def test_component_clock_restores_the_pipeline(report) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    before = list(nlp.pipeline)
    with ComponentClock(nlp) as clock:
        list(nlp.pipe(["One. Two.", "Three."]))
    assert nlp.pipeline == before and clock.seconds["sentencizer"] > 0


def test_cli_writes_json_and_measures_memory(pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "bench.json"
    assert main(["bench", str(pages), "--limit", "1", "--rounds", "1", "--modes", "model", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["modes"]["model"]["articles"] == 1
    if sys.platform.startswith("linux"):
        assert data["modes"]["model"]["peak_rss_mb"] > 0
    assert "articles/s" in capsys.readouterr().out


@pytest.mark.parametrize("chunk, timing", [(0, "a whole pass per mode"), (1, "interleaved per chunk of 1 pages")])
def test_whole_pass_by_default_or_interleaved_chunks(pages: Path, chunk: int, timing: str) -> None:
    rep = run_bench(pages, rounds=1, chunk=chunk, modes=["pipeline", "model"], memory=False)
    assert timing in rep.format() and timing in rep.to_dict()["timing"]
    assert rep.modes["pipeline"].articles == rep.modes["model"].articles == 3
    assert rep.records_ok == 3
