"""Loading the package's pattern and word-list data files (`extract/patterns/`), cached."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

PATTERNS_DIR = Path(__file__).parent / "patterns"


def resolve(path: str | Path) -> Path:
    """A data file: absolute paths as given, bare names under `extract/patterns/`."""
    p = Path(path)
    return p if p.is_absolute() or p.exists() else PATTERNS_DIR / p


@lru_cache(maxsize=None)
def load_json(path: str) -> Any:
    return json.loads(resolve(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_jsonl(path: str) -> tuple[dict[str, Any], ...]:
    lines = resolve(path).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def load_words(path: str) -> frozenset[str]:
    """A word list, one entry per line, `#` comments; entries are case-folded."""
    lines = resolve(path).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().casefold() for x in lines if x.strip() and not x.lstrip().startswith("#"))


@lru_cache(maxsize=None)
def load_mapping(path: str) -> dict[str, str]:
    """A two-column table, "KEY<TAB>VALUE" per line, `#` comments; keys are case-folded."""
    lines = resolve(path).read_text(encoding="utf-8").splitlines()
    pairs = (x.split("\t", 1) for x in lines if x.strip() and not x.lstrip().startswith("#"))
    return {k.strip().casefold(): v.strip() for k, v in pairs}
