#!/usr/bin/env python3
"""Words per second of an NER pipeline on one CPU core (default: the model shipped in the package).

Texts are CoNLL-2003 test sentences joined into article-sized documents of 20 sentences (the
product runs on whole articles), or any UTF-8 text files given with --text. The model runs with one
thread, after a warm-up pass; the best of --repeat timed passes is reported, both per second of
wall-clock time and per second of CPU time of this process (the figure for "one core", which
other work sharing the machine does not distort).

Usage: python bench_ner.py [MODEL] [--corpus corpus/test_conll.spacy] [--out metrics/speed.json]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_MODEL = HERE.parent / "src" / "extract" / "models" / "ner"


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load_texts(corpus: Path, texts: list[Path], per_doc: int) -> list[str]:
    if texts:
        return [p.read_text(encoding="utf-8") for p in texts]
    nlp = spacy.blank("en")
    sents = [d.text for d in DocBin().from_disk(corpus).get_docs(nlp.vocab)]
    return [" ".join(sents[i:i + per_doc]) for i in range(0, len(sents), per_doc)]


def bench(model: str | Path, texts: list[str], repeat: int = 3, ops: str = "blas") -> dict:
    nlp = spacy.load(model)
    if ops == "blas":  # as the package runs it: matrix products through numpy's BLAS (extract.ops)
        from extract.ops import use_blas
        use_blas(nlp)
    for _ in nlp.pipe(texts[:20]):
        pass
    best_wall = best_cpu = float("inf")
    words = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return {"model": str(model), "pipe_names": nlp.pipe_names, "docs": len(texts), "words": words,
            "cpu_seconds": round(best_cpu, 3), "wall_seconds": round(best_wall, 3),
            "words_per_second": round(words / best_cpu), "words_per_wall_second": round(words / best_wall),
            "threads": 1, "ops": ops, "load_average": os.getloadavg()[0], "cpu": cpu_name(), "spacy": spacy.__version__}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", nargs="?", default=str(DEFAULT_MODEL))
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus" / "test_conll.spacy")
    ap.add_argument("--text", type=Path, nargs="*", default=[])
    ap.add_argument("--per-doc", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--ops", choices=("blas", "blis"), default="blas",
                    help="matrix products: numpy's BLAS as the package runs the model (default), or thinc's blis")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    result = bench(args.model, load_texts(args.corpus, args.text, args.per_doc), args.repeat, args.ops)
    print(f"{result['words_per_second']:,} words per CPU second on one core "
          f"({result['words_per_wall_second']:,} per wall-clock second at load {result['load_average']:.1f}; "
          f"{result['words']:,} words in {result['docs']} docs; {result['cpu']}; {result['ops']})")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
