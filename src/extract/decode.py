"""Bytes to text: gzip, BOMs, declared and undeclared charsets, with size limits."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

import charset_normalizer


from .errors import DocumentError, LimitExceeded, SkipDocument

GZIP_MAGIC = b"\x1f\x8b"
DETECT_SAMPLE = 200_000
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# detector answers we trust over the cp1252 default: multi-byte and non-Latin encodings
TRUSTED_GUESSES = {"shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5",
                   "big5hkscs", "euc_kr", "cp949", "johab", "utf-16", "utf-32", "cp1251", "koi8-r",
                   "koi8-u", "iso8859-5", "cp866", "mac-cyrillic", "cp1253", "iso8859-7", "cp1255",
                   "iso8859-8", "cp1256", "iso8859-6"}

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


# C0 control bytes that never occur in text (tab, newlines, form feed and escape excluded)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as cp1252."""
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start:err.end].decode("cp1252", "replace"), err.end


codecs.register_error("cp1252-fallback", _cp1252_fallback)


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
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls > len(sample) // 20:
        return "binary data"
    return None


def decode(data: bytes | str, *, max_bytes: int = 20_000_000) -> str:
    """Decode page bytes to `str`: BOM, then declared charset, then detection.

    Raises `SkipDocument` for empty or binary input and `LimitExceeded` over `max_bytes`.
    """
    if isinstance(data, str):
        text = data
        # binary files carried in text (JSON-lines dumps): as their bytes would be, read as latin-1
        kind = sniff_binary(text[:4096].encode("latin-1", "replace"))
        if kind:
            raise SkipDocument("E002", kind=kind)
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
    """BOM, then strict UTF-8, then the declared charset, then mixed UTF-8/cp1252, then detection."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace")
    try:
        return data.decode("utf-8")  # the common case, whatever the page declares
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    if _mostly_utf8(data):
        # UTF-8 with stray cp1252 bytes (pages assembled from several sources)
        return data.decode("utf-8", "cp1252-fallback")
    guess = charset_normalizer.from_bytes(data[:DETECT_SAMPLE]).best()
    if guess is not None and codecs.lookup(guess.encoding).name in TRUSTED_GUESSES:
        return data.decode(guess.encoding, "replace")
    # undeclared single-byte text on the web is overwhelmingly cp1252 (a superset of latin-1)
    return data.decode("cp1252", "replace")


def _declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>` or XML declaration names, as a Python codec name."""
    m = _CHARSET_RE.search(data[:8192])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii", "ignore")).name
    except LookupError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """True when a good share of non-ASCII bytes form valid UTF-8 sequences."""
    high = sum(1 for b in data if b >= 0x80)
    valid = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return high > 0 and valid >= 0.3 * high
