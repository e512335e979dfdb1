"""The user's own example (../shared/seed): every field F1 >= 0.95 under the gold-format rules."""

from __future__ import annotations

import pytest

from conftest import SHARED, needs_shared
from extract import Extractor
from extract.evaluate import score
from extract.sinks.jsonl import JsonlSink

pytestmark = [needs_shared, pytest.mark.shared]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    seed = SHARED / "seed"
    out = tmp_path_factory.mktemp("seed") / "records.jsonl"
    with JsonlSink(out) as sink:
        sink.write_records(Extractor().pipe([(p.read_bytes(), str(p)) for p in sorted(seed.glob("*.html"))]))
    return score(seed, out)


@pytest.mark.parametrize("field", ["works", "people", "roles", "credits", "awards", "dates"])
def test_seed_field_f1(result, field):
    assert result["fields"][field]["f1"] >= 0.95, result["fields"][field]


def test_seed_metadata(result):
    assert result["headline_accuracy"] == 1.0 and result["published_accuracy"] == 1.0
