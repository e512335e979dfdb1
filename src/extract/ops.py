"""Matrix products for the entity model through numpy's BLAS instead of blis.

thinc's `NumpyOps` multiplies matrices with blis. On the machines this project is measured on
(AMD EPYC with AVX-512) numpy's OpenBLAS does the same products about three times faster on one
thread, and the products are most of the tok2vec layer's time. `BlasOps` is `NumpyOps` with thinc's
own numpy `gemm` (the base `Ops.gemm`); every other kernel is unchanged. BLAS is held to one thread,
because the runner parallelises with one worker process per core. Set `EXTRACT_OPS=blis` to keep
thinc's default. Loading a model also tunes glibc's allocator (`tune_allocator`; `EXTRACT_MALLOPT=0`
skips it).
"""

from __future__ import annotations

import functools
import logging
import os
import sys

from spacy.language import Language
from thinc.api import NumpyOps
from thinc.backends.ops import Ops
from threadpoolctl import threadpool_limits

log = logging.getLogger(__name__)


class BlasOps(NumpyOps):
    """NumpyOps whose matrix products go through numpy (OpenBLAS, MKL, Accelerate) instead of blis."""

    name = "numpy_blas"
    gemm = Ops.gemm


_tuned = False
# glibc's mallopt parameters: a model's temporary arrays (hundreds of KB to a few MB per batch) are above
# glibc's default mmap threshold, so each one was mapped, page-faulted in and unmapped again; between
# the cleaner's allocations the heap was also trimmed back and regrown. Served from the heap and kept
# there, tok2vec inside the full pipeline ran as fast as the model alone (8.3 -> 6.8 s on 60 pages).
_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3
_MALLOPT = ((_M_MMAP_THRESHOLD, 64 << 20), (_M_TRIM_THRESHOLD, 512 << 20), (_M_TOP_PAD, 256 << 20))


def tune_allocator() -> bool:
    """Keep large temporary arrays on glibc's heap (see `_MALLOPT`); once per process, glibc only,
    skipped when `EXTRACT_MALLOPT=0`. Returns whether the settings were applied."""
    global _tuned
    if _tuned or os.environ.get("EXTRACT_MALLOPT", "") == "0" or not sys.platform.startswith("linux"):
        return False
    _tuned = True
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        ok = all(libc.mallopt(param, value) == 1 for param, value in _MALLOPT)
    except (OSError, AttributeError):
        return False  # not glibc (musl, ...): nothing to tune
    log.debug("mallopt applied: %s", ok)
    return ok


@functools.cache
def _one_blas_thread() -> None:
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
        tune_allocator()
    return changed
