"""The command line: each command checks its arguments and calls a plain, importable function."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from .errors import ExtractError


def cmd_run(args: argparse.Namespace) -> int:
    from .limits import Limits
    from .inputs import JsonlFields, read_path_list
    from .run import run

    inputs: list[str] | object = list(args.inputs)
    if args.from_list:
        stream = sys.stdin if args.from_list == "-" else open(args.from_list, encoding="utf-8")  # noqa: SIM115
        inputs = _chain(args.inputs, read_path_list(stream))
    elif not args.inputs:
        raise SystemExit("extract run: error: give inputs or --from-list FILE")
    if not args.output and not args.db:
        raise SystemExit("extract run: error: give --output PATH or --db URL")
    report = run(inputs, args.output, fmt=args.format, db=args.db, model=args.model, include_text=args.include_text,
                 workers=args.workers, engine=args.engine, scheduler=args.scheduler, force=args.force,
                 manifest=args.manifest,
                 limits=Limits(max_bytes=args.max_bytes, max_text_chars=args.max_chars,
                               max_seconds=args.max_seconds or None),
                 fields=JsonlFields(args.jsonl_html_field, args.jsonl_url_field, args.jsonl_id_field),
                 chunk_size=args.chunk_size, commit_every=args.commit_every, progress=not args.quiet)
    print(report.summary(), file=sys.stderr)
    return 0


def _positive(kind: type, *, zero: bool = False):  # noqa: ANN202
    """An argparse type: a number > 0 (or >= 0 with `zero`)."""

    def parse(text: str) -> object:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < 0 or (value == 0 and not zero):
            raise argparse.ArgumentTypeError(f"must be {'>= 0' if zero else '> 0'}: {text!r}")
        return value

    return parse


def _chain(first, rest):  # noqa: ANN001, ANN202
    yield from first
    yield from rest


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_scores, score

    result = score(Path(args.gold_dir), Path(args.records))
    print(json.dumps(result, indent=2) if args.json else format_scores(result, details=args.details))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import MODES, run_bench

    data = Path(args.data)
    if not data.is_dir():
        raise SystemExit(f"extract bench: error: {data} is not a directory")
    modes = args.modes or list(MODES)
    report = run_bench(data, limit=args.limit, rounds=args.rounds, chunk=args.chunk, modes=modes, model=args.model,
                       memory=not args.no_memory, log=lambda msg: print(msg, file=sys.stderr, flush=True))
    print(report.format())
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), indent=1) + "\n", encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from .limits import Limits

    parser = argparse.ArgumentParser(prog="extract", description="Structured records from entertainment-article HTML.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="extract records from HTML files, directories, JSON-lines dumps and WARC files")
    p.add_argument("inputs", nargs="*", help="HTML files (.html, .htm, .html.gz), JSON-lines dumps (.jsonl[.gz]), "
                   "WARC files (.warc[.gz]), directories (recursive) or globs")
    p.add_argument("--from-list", metavar="FILE", help="read more input paths, one per line, from FILE ('-': stdin)")
    p.add_argument("-o", "--output", help="output: .jsonl file, .csv or .parquet table directory, .sqlite database")
    p.add_argument("--format", help="output format: jsonl, csv, parquet, sqlite (default: from the output's extension)")
    p.add_argument("--db", metavar="URL", help="write to a database through SQLAlchemy (postgresql://..., sqlite:///...)")
    p.add_argument("--model", help="spaCy pipeline name or path (default: the shipped model)")
    p.add_argument("--include-text", action="store_true", help="include the cleaned text in each record")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="local process pool or Dask")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: start a local cluster)")
    p.add_argument("--manifest", help="manifest file (default: <output>.manifest.sqlite)")
    p.add_argument("--force", action="store_true", help="reprocess documents the manifest says are done")
    p.add_argument("--jsonl-html-field", default="html", help="field holding the HTML in JSON-lines inputs")
    p.add_argument("--jsonl-url-field", default="url", help="field holding the URL in JSON-lines inputs")
    p.add_argument("--jsonl-id-field", default="id", help="field holding the document id in JSON-lines inputs")
    limits = Limits()
    p.add_argument("--max-bytes", type=_positive(int), default=limits.max_bytes, metavar="N",
                   help="error record (E003/E004) for a document larger than N bytes, decompressed "
                        f"(default: {limits.max_bytes:,})")
    p.add_argument("--max-chars", type=_positive(int), default=limits.max_text_chars, metavar="N",
                   help=f"error record (E007) when the cleaned text is longer than N characters "
                        f"(default: {limits.max_text_chars:,})")
    p.add_argument("--max-seconds", type=_positive(float, zero=True), default=limits.max_seconds, metavar="S",
                   help="error record (E008) for a document taking longer than S seconds, cleaning and NLP "
                        f"together; 0: no limit (default: {limits.max_seconds:g})")
    p.add_argument("--chunk-size", type=int, default=16, help="documents per task sent to a worker")
    p.add_argument("--commit-every", type=int, help="records per durable batch (default: the sink's)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("bench", help="throughput of the pipeline against the entity model alone and "
                       "trafilatura + an en_core_web_sm-shaped spaCy pipeline")
    p.add_argument("data", nargs="?", default="../shared/data/html",
                   help="folder of HTML pages, searched recursively (default: ../shared/data/html)")
    p.add_argument("--limit", type=int, help="first N pages of the fixed order (default: all)")
    p.add_argument("--rounds", type=int, default=3, help="timed passes; each mode reports its fastest (default: 3)")
    p.add_argument("--chunk", type=int, default=0, help="pages per mode before switching to the next mode "
                   "(default 0: a whole pass per mode, modes rotated each round)")
    p.add_argument("--modes", nargs="+", choices=("pipeline", "sequential", "model", "assembled"),
                   help="modes to run (default: all four)")
    p.add_argument("--model", help="spaCy pipeline for modes pipeline and model (default: the shipped model)")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory pass (one forked run per mode)")
    p.add_argument("--json", metavar="PATH", help="also write the report as JSON")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("schema", help="print the record schema as JSON Schema")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("evaluate", help="score records against a folder of gold records")
    p.add_argument("gold_dir")
    p.add_argument("records")
    p.add_argument("--details", action="store_true", help="list misses and extras per article")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except ExtractError as exc:
        print(f"extract: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
