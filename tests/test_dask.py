"""The Dask engine against a real LocalCluster with two worker processes: same records as a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.manifest import Manifest, default_location
from extract.run import run

pytest.importorskip("distributed")

PAGE = "<html><body><article><h1>Film {i}</h1><p>Olivia Colman stars in The Crown {i} on Netflix.</p></article></body></html>"


def test_dask_equals_local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_records_to_the_client(monkeypatch)
    pages = tmp_path / "in"
    pages.mkdir()
    for i in range(20):
        (pages / f"p{i:02d}.html").write_text(PAGE.format(i=i))
    (pages / "copy.html").write_text(PAGE.format(i=3))
    run([pages], tmp_path / "local.jsonl", model="blank")
    out = tmp_path / "dask.jsonl"
    report = run([pages], out, model="blank", engine="dask", workers=2, chunk_size=3, commit_every=4)
    assert out.read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert report.articles == 21 and report.by_code["E011"] == 1
    assert len(list(Path(str(out) + ".parts").glob("part-*"))) > 1  # sharded output, one manifest
    book = Manifest(default_location(out))
    assert sum(book.counts().values()) == 21
    book.close()


@pytest.fixture(scope="module")
def scheduler():
    """One two-process cluster for the tests below (the engine connects to it as to a remote one)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def no_records_to_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client-side path that ships records back must not be taken."""
    from extract.dask_engine import DaskEngine

    def shipped(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("records were shipped back to the client")

    monkeypatch.setattr(DaskEngine, "map", shipped)


@pytest.mark.parametrize("name", ["out.jsonl", "tables.csv", "out.parquet", "out.sqlite"])
def test_workers_write_their_shards_and_resume(tmp_path: Path, scheduler: str, name: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from extract import read_frames

    no_records_to_the_client(monkeypatch)
    pages = tmp_path / "in"
    pages.mkdir()
    for i in range(9):
        (pages / f"p{i:02d}.html").write_text(PAGE.format(i=i))
    (pages / "bad.jsonl").write_text('{"html": "<p>x</p>", "id": "j"}\nnot json\n')
    out = tmp_path / name
    report = run([pages], out, model="blank", engine="dask", scheduler=scheduler, chunk_size=2)
    assert report.articles == 11 and report.by_code["E010"] == 1 and "commit" in report.stage_seconds
    # a page changes, one is added: only those are processed, and the old record of the changed page goes
    (pages / "p04.html").write_text(PAGE.format(i="4 revised"))
    (pages / "p09.html").write_text(PAGE.format(i=9))
    again = run([pages], out, model="blank", engine="dask", scheduler=scheduler, chunk_size=2)
    assert again.articles == 2 and again.already_done == 10
    local = tmp_path / "local" / name
    run([pages], local, model="blank")
    a, b = read_frames(out), read_frames(local)
    key = {t: ["doc_id", "idx"] if "idx" in a[t] else ["doc_id"] for t in a}
    a, b = ({t: f[t].sort_values(key[t]).reset_index(drop=True) for t in f} for f in (a, b))
    assert all(a[t].equals(b[t]) for t in a), [t for t in a if not a[t].equals(b[t])]
    assert len(a["articles"]) == 12
    book = Manifest(default_location(out))
    assert sum(book.counts().values()) == 12
    book.close()
