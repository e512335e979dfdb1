"""Quality gate: the extractor on samples/ scored against their gold must stay above pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract import Extractor
from extract.evaluate import score
from extract.sinks.jsonl import JsonlSink

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    pages = sorted(p for p in (ROOT / "samples").glob("*.html"))
    assert len(pages) >= 8, "samples/ must hold at least 8 article pages"
    out = tmp_path_factory.mktemp("samples") / "records.jsonl"
    ex = Extractor()
    with JsonlSink(out) as sink:
        sink.write_records(ex.pipe([(p.read_bytes(), str(p)) for p in pages]))
    return score(ROOT / "samples", out)


@pytest.mark.parametrize("field", ["works", "people", "roles", "credits", "awards", "dates"])
def test_field_f1_above_floor(result, field):
    assert result["fields"][field]["f1"] >= FLOORS[field], result["fields"][field]


@pytest.mark.parametrize("metric", ["headline_accuracy", "published_accuracy"])
def test_metadata_accuracy_above_floor(result, metric):
    assert result[metric] >= FLOORS[metric]


def test_every_sample_has_a_record(result):
    assert result["missing_records"] == 0
