"""Input readers: files, directories and globs of HTML -> `RawDocument`s (streamed, in order)."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Iterator

from .document import RawDocument
from .errors import InputError
from .records import make_doc_id

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")


def is_html_path(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def expand(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, files under directories (recursive, sorted) and glob matches, in order."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_html_path(p))
        elif path.exists():
            yield path
        elif any(c in str(item) for c in "*?["):
            yield from (Path(p) for p in sorted(glob.glob(str(item), recursive=True)) if Path(p).is_file())
        else:
            raise InputError("E009", reason=f"{item}: no such file or directory")


def read_path(path: Path) -> RawDocument:
    """The bytes of one file (gzip is undone by the decoder, with its size cap)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("E009", reason=f"{path}: {exc.strerror or exc}") from exc
    return RawDocument(data, str(path), make_doc_id(str(path)))


def iter_documents(inputs: Iterable[str | Path]) -> Iterator[RawDocument]:
    for path in expand(inputs):
        yield read_path(path)
