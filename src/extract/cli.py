"""The command line: each command checks its arguments and calls a plain, importable function."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .errors import ExtractError


def cmd_run(args: argparse.Namespace) -> int:
    from .run import run

    report = run(args.inputs, args.output, fmt=args.format, model=args.model, include_text=args.include_text,
                 progress=not args.quiet)
    print(report.summary(), file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_scores, score

    result = score(Path(args.gold_dir), Path(args.records))
    print(json.dumps(result, indent=2) if args.json else format_scores(result, details=args.details))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extract", description="Structured records from entertainment-article HTML.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="extract records from HTML files and directories")
    p.add_argument("inputs", nargs="+", help="HTML files (.html, .htm, .html.gz), directories or globs")
    p.add_argument("-o", "--output", required=True, help="output path (.jsonl)")
    p.add_argument("--format", help="output format (default: from the output's extension)")
    p.add_argument("--model", help="spaCy pipeline name or path (default: the shipped model)")
    p.add_argument("--include-text", action="store_true", help="include the cleaned text in each record")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_run)

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
