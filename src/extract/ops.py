"""Matrix products for the entity model through numpy's BLAS instead of blis.

thinc's `NumpyOps` multiplies matrices with blis. On the machines this project is measured on
(AMD EPYC with AVX-512) numpy's OpenBLAS does the same products about three times faster on one
thread, and the products are most of the tok2vec layer's time. `BlasOps` is `NumpyOps` with thinc's
own numpy `gemm` (the base `Ops.gemm`); every other kernel is unchanged. BLAS is held to one thread,
because the runner parallelises with one worker process per core. Set `EXTRACT_OPS=blis` to keep
thinc's default.
"""

from __future__ import annotations

import logging
import os

from spacy.language import Language
from thinc.api import NumpyOps
from thinc.backends.ops import Ops

log = logging.getLogger(__name__)


class BlasOps(NumpyOps):
    """NumpyOps whose matrix products go through numpy (OpenBLAS, MKL, Accelerate) instead of blis."""

    name = "numpy_blas"
    gemm = Ops.gemm


_limited = False


def _one_blas_thread() -> None:
    global _limited
    if _limited:
        return
    _limited = True
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a declared dependency
        return
    threadpool_limits(1, user_api="blas")


def use_blas(nlp: Language) -> int:
    """Switch every layer of `nlp`'s trainable components that computes with thinc's `NumpyOps` to
    `BlasOps` (some layers get their ops when the pipeline is built, not when it is loaded). Returns
    how many layers changed; none when `EXTRACT_OPS=blis`."""
    if os.environ.get("EXTRACT_OPS", "").lower() == "blis":
        return 0
    ops = BlasOps()
    changed = 0
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                changed += 1
    if changed:
        _one_blas_thread()
    return changed
