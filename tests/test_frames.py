"""to_frames / read_frames: the relational tables as typed DataFrames, the same from every format."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from extract import read_frames, to_frames
from extract.schema import ArticleRecord
from extract.sinks import open_sink
from extract.tables import KEYS, TABLES


def sample_records() -> list[ArticleRecord]:
    span = {"start": 0, "end": 9, "text": "The Crown", "source": "test"}
    ok = ArticleRecord.model_validate({
        "doc_id": "crown", "source": "crown.html",
        "meta": {"headline": "The Crown returns", "authors": ["A. Writer"], "published": "2020-11-15"},
        "works": [{"title": "The Crown", "kind": "tv_series", "year": 2016, "platforms": ["Netflix"],
                   "mentions": [span]}],
        "people": [{"name": "Olivia Colman", "roles": ["actor"]}, {"name": "Peter Morgan", "roles": ["creator"]}],
        "credits": [{"person": "Olivia Colman", "role": "actor", "work": "The Crown", "evidence": span}],
        "awards": [{"award": "Emmy Award", "outcome": "won", "year": 2021}],
        "dates": [{"text": "November 15, 2020", "value": "2020-11-15", "kind": "release"}],
        "relative_dates": [{"text": "next year", "value": "2021", "relative": True}],
        "entities": [{"text": "Netflix", "label": "ORG", "start": 30, "end": 37, "source": "ner", "score": 0.5}],
    })
    bad = ArticleRecord(doc_id="bad", source="bad.html", status="error",
                        error={"code": "E005", "message": "could not decode"})
    return [ok, bad]


def test_to_frames_tables_dtypes_and_keys() -> None:
    frames = to_frames(sample_records())
    assert list(frames) == list(TABLES)
    assert list(frames["articles"]["doc_id"]) == ["crown", "bad"]
    assert frames["works"]["year"].dtype == "Int64"
    assert frames["dates"]["relative"].dtype == "boolean"
    assert frames["entities"]["score"].dtype == "Float64"
    assert frames["articles"]["status"].dtype == "string"
    assert list(frames["dates"]["date_list"]) == ["dates", "relative_dates"]
    assert json.loads(frames["works"]["platforms"][0]) == ["Netflix"]
    for name, frame in frames.items():  # child keys join the articles table and are unique
        assert set(frame["doc_id"]) <= set(frames["articles"]["doc_id"])
        assert not frame.duplicated(list(KEYS[name])).any()


def test_to_frames_empty_and_dicts() -> None:
    assert all(f.empty for f in to_frames([]).values())
    assert to_frames([r.model_dump() for r in sample_records()])["people"].shape[0] == 2


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.parquet", "out.sqlite"])
def test_read_frames_round_trip(tmp_path, name: str) -> None:
    records = sample_records()
    with open_sink(tmp_path / name) as sink:
        sink.write_records(records)
    expected, got = to_frames(records), read_frames(tmp_path / name)
    for table in TABLES:
        keys = list(KEYS[table])
        a = expected[table].sort_values(keys).reset_index(drop=True)
        b = got[table].sort_values(keys).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, check_dtype=True)
