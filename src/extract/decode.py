"""Bytes to text: gzip, BOMs, declared and undeclared charsets, with size limits."""

from __future__ import annotations

import gzip
import io
import zlib

from bs4.dammit import UnicodeDammit

from .errors import DocumentError, LimitExceeded, SkipDocument

GZIP_MAGIC = b"\x1f\x8b"

# leading bytes of formats that are often misnamed .html
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x7fELF", "ELF"),
    (b"RIFF", "RIFF"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing to produce more than `limit` bytes."""
    out = io.BytesIO()
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        chunk = d.decompress(data, limit + 1)
        out.write(chunk)
        while d.unconsumed_tail and out.tell() <= limit:
            out.write(d.decompress(d.unconsumed_tail, limit + 1 - out.tell()))
    except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
        raise DocumentError("E005", reason=f"bad gzip data ({exc})") from exc
    if out.tell() > limit or d.unconsumed_tail:
        raise LimitExceeded("E004", limit=limit)
    return out.getvalue()


def sniff_binary(data: bytes) -> str | None:
    """Name of a binary format the bytes start with, or None when they may be text."""
    head = data[:16]
    for sig, kind in _BINARY_SIGNATURES:
        if head.startswith(sig):
            return kind
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None  # text with a BOM (UTF-16 has many NULs)
    if sample and sample.count(b"\x00") > len(sample) // 10:
        return "binary data"
    return None


def decode(data: bytes | str, *, max_bytes: int = 20_000_000) -> str:
    """Decode page bytes to `str`: BOM, then declared charset, then detection.

    Raises `SkipDocument` for empty or binary input and `LimitExceeded` over `max_bytes`.
    """
    if isinstance(data, str):
        text = data
    else:
        if data[:2] == GZIP_MAGIC:
            data = gunzip(data, max_bytes)
        if len(data) > max_bytes:
            raise LimitExceeded("E003", size=len(data), limit=max_bytes)
        kind = sniff_binary(data)
        if kind:
            raise SkipDocument("E002", kind=kind)
        text = _to_text(data)
    if not text.strip():
        raise SkipDocument("E001")
    if len(text) > max_bytes:
        raise LimitExceeded("E003", size=len(text), limit=max_bytes)
    # lone surrogates and NULs cannot be written as UTF-8 / to databases
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")


def _to_text(data: bytes) -> str:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace")
    # the common case: valid UTF-8 whatever the page declares
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    dammit = UnicodeDammit(data, is_html=True, smart_quotes_to=None)
    declared = dammit.declared_html_encoding
    if dammit.unicode_markup is not None and dammit.original_encoding not in (None, "ascii"):
        # UnicodeDammit trusts a declared utf-8 even when bytes are cp1252: handle mixed bytes
        if (dammit.original_encoding or "").lower().replace("-", "") != "utf8":
            return dammit.unicode_markup
    if declared and declared.lower().replace("-", "") not in ("utf8",):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    # mixed or mislabelled bytes: decode UTF-8 where valid, cp1252 elsewhere
    return UnicodeDammit.detwingle(data).decode("utf-8", "replace")
