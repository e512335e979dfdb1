"""The entity model's matrix products through numpy's BLAS: same results as thinc's blis, every layer."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from thinc.api import NumpyOps

from extract.nlp import build_nlp, default_model, load_base
from extract.ops import BlasOps, use_blas


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 40), st.booleans(), st.booleans())
def test_gemm_matches_blis(m: int, k: int, n: int, trans1: bool, trans2: bool) -> None:
    rng = np.random.default_rng(m * 10_000 + k * 100 + n)
    x = rng.standard_normal((k, m) if trans1 else (m, k)).astype("float32")
    y = rng.standard_normal((n, k) if trans2 else (k, n)).astype("float32")
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)
    out = np.zeros_like(want)
    assert BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    np.testing.assert_allclose(out, want, rtol=1e-4, atol=1e-4)


@pytest.mark.skipif(default_model() is None, reason="no shipped model")
def test_every_layer_of_the_loaded_model_uses_blas_and_finds_the_same_entities(monkeypatch) -> None:
    nlp = load_base()
    kinds = {type(node.ops) for _, proc in nlp.pipeline for node in proc.model.walk()}
    assert kinds == {BlasOps}
    monkeypatch.setenv("EXTRACT_OPS", "blis")
    blis = load_base()
    assert {type(node.ops) for _, proc in blis.pipeline for node in proc.model.walk()} == {NumpyOps}
    text = ("Greta Gerwig directed Barbie, starring Margot Robbie and Ryan Gosling, which Warner Bros. "
            "released in July 2023; Christopher Nolan's Oppenheimer opened the same day.")
    assert [(e.text, e.label_) for e in nlp(text).ents] == [(e.text, e.label_) for e in blis(text).ents]


def test_a_blank_pipeline_has_nothing_to_switch() -> None:
    assert use_blas(build_nlp("blank")) == 0


def test_the_allocator_is_tuned_once_and_can_be_skipped(monkeypatch) -> None:
    import extract.ops as ops

    monkeypatch.setattr(ops, "_tuned", False)
    monkeypatch.setenv("EXTRACT_MALLOPT", "0")
    assert ops.tune_allocator() is False and ops._tuned is False
    monkeypatch.delenv("EXTRACT_MALLOPT")
    first = ops.tune_allocator()
    assert ops.tune_allocator() is False  # once per process
    assert first in (True, False)  # False off glibc
