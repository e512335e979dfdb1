"""Batch benchmark: 1 vs 2 workers, peak worker memory as the input grows, SQLite/PostgreSQL load rates.

    nice -n 10 .venv/bin/python pipelines/bench_batch.py --pages 200 --articles 2000 10000 --load 10000

Pages come from ../shared/data/html (real pages); the memory runs cycle through them as a
JSON-lines dump with distinct ids, so the input size grows without new files. Run each part
in its own process so `ru_maxrss` of the children is per measurement. On a shared machine, read
the speed-up with `cpu_seconds` and `load_average`: two workers cannot go faster than the CPU
other processes leave them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_HTML = ROOT.parent / "shared" / "data" / "html"


def html_files(limit: int) -> list[Path]:
    from extract.inputs import walk

    return [p for p in itertools.islice(walk(SHARED_HTML), limit) if p.name.endswith((".html", ".html.gz"))]


CHUNK = 4  # documents per task: small chunks keep two workers evenly busy on pages of very different sizes


def throughput(pages: int, workers: int, model: str | None) -> dict:
    """articles/s of `extract run` over the first `pages` shared pages."""
    from extract.run import run

    files = html_files(pages)
    with tempfile.TemporaryDirectory() as tmp:
        report = run(files, Path(tmp) / "out.jsonl", model=model, workers=workers, chunk_size=CHUNK)
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    return {"workers": workers, "articles": report.articles, "seconds": round(report.seconds, 2),
            "articles_per_s": round(report.rate, 2), "cpu_seconds": round(cpu, 2),
            "load_average": round(os.getloadavg()[0], 2)}


def memory(articles: int, workers: int, model: str | None) -> dict:
    """Peak RSS of a worker process over a dump of `articles` documents."""
    from extract.run import run

    files = html_files(400)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.jsonl"
        with open(dump, "w") as fh:
            for i, path in zip(range(articles), itertools.cycle(files)):
                from extract.decode import decode

                html = decode(path.read_bytes()) + f"<!-- copy {i} -->"  # distinct content: no duplicates
                fh.write(json.dumps({"html": html, "id": f"a{i}"}) + "\n")
        with RssSampler() as rss:
            report = run([dump], Path(tmp) / "out.jsonl", model=model, workers=workers, chunk_size=CHUNK)
    return {"articles": report.articles, "workers": workers, "peak_worker_rss_mb": round(rss.peak_mb, 1),
            "driver_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "articles_per_s": round(report.rate, 2)}


class RssSampler:
    """Largest resident set of any descendant process (the workers), sampled twice a second."""

    def __init__(self) -> None:
        import threading

        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(0.5):
            for child in me.children(recursive=True):
                try:
                    self.peak_mb = max(self.peak_mb, child.memory_info().rss / 2**20)
                except psutil.Error:
                    pass

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def load(records: int, target: str) -> dict:
    """records/s written to a database by the SQL sink (records from a small extraction, ids made distinct)."""
    from extract import Extractor
    from extract.sinks import open_sink

    ex = Extractor("blank")
    base = [r for r in ex.pipe(html_files(50)) if r.status == "ok"]
    recs = [r.model_copy(update={"doc_id": f"r{i}"}) for i, r in zip(range(records), itertools.cycle(base))]
    rows = sum(len(r.works) + len(r.people) + len(r.credits) + len(r.awards) + len(r.dates) + len(r.entities) + 1
               for r in recs)
    t0 = time.perf_counter()
    with open_sink(target, "sql") as sink:
        sink.write_records(recs)
    seconds = time.perf_counter() - t0
    return {"target": target.split("@")[-1], "records": records, "rows": rows, "seconds": round(seconds, 2),
            "records_per_s": round(records / seconds, 1)}


def ensure_database(url: str) -> None:
    import sqlalchemy as sa

    from extract.sinks.sql import engine_url

    target = engine_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}).first()
        if not exists:
            conn.execute(sa.text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200, help="shared pages for the 1 vs 2 worker runs (0: skip)")
    ap.add_argument("--articles", type=int, nargs="*", default=[2000], help="dump sizes for the memory runs")
    ap.add_argument("--load", type=int, default=10000, help="records loaded into SQLite and PostgreSQL (0: skip)")
    ap.add_argument("--model", default=None, help="spaCy model (default: the shipped one)")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/extract_bench",
                    help="PostgreSQL database for the load run (created when missing)")
    ap.add_argument("--part", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.part:  # one measurement, in this process
        kind, *values = args.part.split(":")
        if kind == "throughput":
            out = throughput(args.pages, int(values[0]), args.model)
        elif kind == "memory":
            out = memory(int(values[0]), int(values[1]), args.model)
        else:
            out = load(args.load, ":".join(values))
        print(json.dumps(out))
        return
    if not SHARED_HTML.exists():
        sys.exit(f"{SHARED_HTML} is missing")

    def part(spec: str) -> dict:
        cmd = [sys.executable, __file__, "--part", spec, "--pages", str(args.pages), "--load", str(args.load)]
        if args.model:
            cmd += ["--model", args.model]
        result = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        print(json.dumps(result), flush=True)
        return result

    if args.pages:
        one, two = part("throughput:1"), part("throughput:2")
        print(f"speed-up 2 vs 1 workers: {two['articles_per_s'] / one['articles_per_s']:.2f}x (target >= 1.8x)")
        # CPU-bound work: with two free cores the speed-up is 2x the ratio of CPU spent per article
        print(f"CPU per article: {one['cpu_seconds'] / one['articles']:.3f}s (1 worker), "
              f"{two['cpu_seconds'] / two['articles']:.3f}s (2 workers); speed-up on two free cores "
              f"<= {2 * one['cpu_seconds'] / two['cpu_seconds']:.2f}x")
    for n in args.articles:
        part(f"memory:{n}:2")
    if args.load:
        with tempfile.TemporaryDirectory() as tmp:
            part(f"load:sqlite:///{tmp}/bench.sqlite")
        ensure_database(args.pg)
        part(f"load:{args.pg}")


if __name__ == "__main__":
    main()
