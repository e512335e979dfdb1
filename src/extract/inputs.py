"""Input readers: HTML files, directories, globs, JSON-lines dumps, WARC files and path lists.

Everything streams: `iter_documents` yields one `RawDocument` at a time (or a `BadInput` for a
line or record that cannot be read, which becomes an error record), in a deterministic order,
so memory stays flat however large the input.
"""

from __future__ import annotations

import glob
import gzip
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson

from .document import RawDocument
from .errors import DocumentError, InputError
from .records import make_doc_id

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_SUFFIXES = HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Field names of a JSON-lines dump: the HTML, and optionally the URL and the document id."""

    html: str = "html"
    url: str = "url"
    id: str = "id"


@dataclass(slots=True)
class BadInput:
    """An input item that cannot be read (bad JSON line, malformed WARC record, unreadable file)."""

    source: str
    doc_id: str
    error: DocumentError
    raw: bytes = b""


Input = RawDocument | BadInput


def is_html_path(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def is_input_path(path: Path) -> bool:
    return path.name.lower().endswith(INPUT_SUFFIXES)


def walk(directory: Path) -> Iterator[Path]:
    """Input files under `directory`, recursively, in sorted order, without listing the whole tree."""
    entries = sorted(os.scandir(directory), key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from walk(path)
        elif entry.is_file() and is_input_path(path):
            yield path


def expand(inputs: Iterable[str | Path]) -> Iterator[Path | BadInput]:
    """Files named, files under directories (recursive, sorted) and glob matches, in order.

    A name that matches nothing becomes a `BadInput` (E009): the run goes on with the others.
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from walk(path)
        elif path.exists():
            yield path
        elif any(c in str(item) for c in "*?["):
            for match in sorted(glob.iglob(str(item), recursive=True)):
                p = Path(match)
                yield from walk(p) if p.is_dir() else [p]
        else:
            yield BadInput(str(item), make_doc_id(str(item)),
                           DocumentError("E009", reason=f"{item}: no such file or directory"))


def read_path(path: Path) -> RawDocument:
    """The bytes of one HTML file (gzip is undone by the decoder, with its size cap)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("E009", reason=f"{path}: {exc.strerror or exc}") from exc
    return RawDocument(data, str(path), make_doc_id(str(path)))


def read_jsonl(path: Path, fields: JsonlFields = JsonlFields()) -> Iterator[Input]:
    """One document per line `{"html": ..., "url": ..., "id": ...}`; a bad line becomes a `BadInput` (E010)."""
    with _open(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            source = f"{path}:{lineno}"
            try:
                obj = orjson.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError(f"a JSON {type(obj).__name__}, not an object")
                html = obj.get(fields.html)
                if not isinstance(html, str):
                    raise ValueError(f"no string field {fields.html!r}")
            except ValueError as exc:  # orjson.JSONDecodeError is a ValueError
                yield BadInput(source, make_doc_id(source, line),
                               DocumentError("E010", reason=f"line {lineno}: {exc}"), line)
                continue
            url = obj.get(fields.url)
            url = url if isinstance(url, str) and url else None
            doc_id = obj.get(fields.id)
            doc_id = str(doc_id) if doc_id not in (None, "") else make_doc_id(url or source, html)
            yield RawDocument(html, source, doc_id, url)


def read_warc(path: Path, max_bytes: int = 20_000_000) -> Iterator[Input]:
    """HTML response records of a WARC (or WARC.gz) file as crawlers write them, read with warcio.

    A malformed record, a record cut short (its content shorter than its Content-Length) and
    trailing bytes that are not a whole record each become a `BadInput` (E010); reading that
    file stops there (a WARC stream cannot be resynchronised), the other inputs go on.
    """
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        offset = 0
        try:
            for record in records:
                offset = records.offset
                if not record.format.startswith("warc"):  # warcio falls back to ARC on garbage
                    raise ValueError(f"not a WARC record at offset {offset}")
                if record.rec_headers.get_header("Content-Length") is None:
                    raise ValueError(f"record at offset {offset} has no Content-Length (a header cut short?)")
                if record.rec_type != "response":
                    continue
                ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
                if ctype and "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                content = record.content_stream().read(max_bytes + 1)
                if len(content) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                    raise ValueError(f"record at offset {offset} is cut short "
                                     f"({record.raw_stream.limit} bytes missing)")
                source = f"{path}@{offset}"
                yield RawDocument(content, source, make_doc_id(url or source, content), url)
            end = records.offset or 0
            size = os.fstat(fh.fileno()).st_size
            if size > end:
                fh.seek(end)
                if fh.read(1 << 16).strip():
                    raise ValueError(f"{size - end} bytes at offset {end} are not a whole WARC record")
        except Exception as exc:  # noqa: BLE001 - warcio fails in many ways on bad data; none may stop the run
            at = records.offset if records.offset is not None else offset
            source = f"{path}@{at}"
            reason = str(exc) or type(exc).__name__
            yield BadInput(source, make_doc_id(source), DocumentError("E010", reason=f"malformed WARC record: {reason}"))


def read_path_list(stream: IO[str]) -> Iterator[str]:
    """Paths (or globs), one per line, from a file or stdin; blank lines and `#` comments ignored."""
    for line in stream:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def iter_documents(inputs: Iterable[str | Path], *, fields: JsonlFields = JsonlFields(),
                   max_bytes: int = 20_000_000) -> Iterator[Input]:
    """Every document of every input, in order: HTML files, JSON-lines dumps, WARC files."""
    for path in expand(inputs):
        if isinstance(path, BadInput):
            yield path
            continue
        name = path.name.lower()
        try:
            if name.endswith(JSONL_SUFFIXES):
                yield from read_jsonl(path, fields)
            elif name.endswith(WARC_SUFFIXES):
                yield from read_warc(path, max_bytes)
            else:
                yield read_path(path)
        except OSError as exc:  # unreadable file (permissions, vanished): a record, not a failed run
            yield BadInput(str(path), make_doc_id(str(path)),
                           DocumentError("E009", reason=f"{path}: {exc.strerror or exc}"))


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
