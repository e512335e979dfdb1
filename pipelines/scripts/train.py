#!/usr/bin/env python3
"""`spacy train` at lower CPU priority and on one thread: the training machine is shared.

Takes exactly the arguments of `python -m spacy train` (config, --output, --paths.*, --training.*).

Usage: python scripts/train.py configs/ner.cfg --output training/ner [--training.max_steps 12000]
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    os.nice(5)
    from spacy.cli import setup_cli

    sys.argv = ["spacy", "train", *sys.argv[1:]]
    setup_cli()


if __name__ == "__main__":
    main()
