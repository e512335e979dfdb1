#!/usr/bin/env python3
"""Throughput of the pipeline against the entity model alone and trafilatura + an en_core_web_sm-shaped pipeline.

A thin wrapper over `extract bench` (see `extract.bench`), run from the project root:

    nice python pipelines/bench.py --limit 100 --json pipelines/metrics/throughput.json
"""

from __future__ import annotations

import sys

from extract.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
