#!/usr/bin/env python3
"""`spacy train` at lower CPU priority and on one thread: the training machine is shared.

Takes exactly the arguments of `python -m spacy train` (config, --output, --paths.*, --training.*).

After training, the saved models get back the key attribute of their static vectors (see
`keep_vectors_attr`): spaCy 3.8 writes a default-mode vectors table's `attr` (e.g. NORM from
`spacy init vectors --attr NORM`) nowhere, so a saved model would look its vectors up by ORTH.

Usage: python scripts/train.py configs/ner.cfg --output training/ner [--training.max_steps 12000]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def keep_vectors_attr(output: Path) -> None:
    """Copy `attr` from the [initialize] vectors' vectors.cfg into model-best/model-last's, if missing.

    spaCy's Vectors._get_cfg saves `attr` for floret tables only; a default-mode table keyed on NORM
    comes back keyed on ORTH (the default) when loaded. Training itself used the right attribute
    (the vectors are loaded from their own directory, whose vectors.cfg has it), so only the saved
    copies need it. No-op for models without vectors or whose vectors source has no `attr`.
    """
    from spacy.util import load_config

    for model in (output / "model-best", output / "model-last"):
        cfg_path = model / "vocab" / "vectors.cfg"
        if not cfg_path.exists():
            continue
        source = load_config(model / "config.cfg", interpolate=True)["initialize"].get("vectors")
        source_cfg = Path(str(source)) / "vocab" / "vectors.cfg" if source else None
        if source_cfg is None or not source_cfg.exists():
            continue
        attr = json.loads(source_cfg.read_text()).get("attr")
        cfg = json.loads(cfg_path.read_text())
        if attr is not None and "attr" not in cfg:
            cfg["attr"] = attr
            cfg_path.write_text(json.dumps(cfg, indent=2) + "\n")
            print(f"{cfg_path}: vectors keyed on attribute {attr} (from {source_cfg})")


def main() -> None:
    os.nice(5)
    from spacy.cli import setup_cli

    args = sys.argv[1:]
    sys.argv = ["spacy", "train", *args]
    try:
        setup_cli()
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise
    if "--output" in args:
        keep_vectors_attr(Path(args[args.index("--output") + 1]))


if __name__ == "__main__":
    main()
