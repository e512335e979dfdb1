"""The Dask engine against a real LocalCluster with two worker processes: same records as a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.manifest import Manifest, default_location
from extract.run import run

pytest.importorskip("distributed")

PAGE = "<html><body><article><h1>Film {i}</h1><p>Olivia Colman stars in The Crown {i} on Netflix.</p></article></body></html>"


def test_dask_equals_local(tmp_path: Path) -> None:
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
