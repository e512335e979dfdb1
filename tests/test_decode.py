"""Bytes -> text: encodings, BOMs, binary input, size limits and gzip bombs (inputs generated here)."""

from __future__ import annotations

import gzip
import zlib

import pytest
from hypothesis import given, settings, strategies as st

from extract.decode import decode, gunzip, sniff_binary
from extract.errors import DocumentError, LimitExceeded, SkipDocument

TEXT = "Café “Amélie” — señor Müller’s première, 5€"


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "", "  \n"])
def test_empty_input_is_skipped(data: bytes | str) -> None:
    with pytest.raises(SkipDocument) as err:
        decode(data)
    assert err.value.code == "E001"


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
    (bytes(range(256)) * 20, "binary data"),
])
def test_binary_input_is_skipped(data: bytes, kind: str) -> None:
    assert sniff_binary(data) == kind
    with pytest.raises(SkipDocument) as err:
        decode(data)
    assert err.value.code == "E002"


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_bom_decides_the_encoding(encoding: str, bom: bytes) -> None:
    assert TEXT in decode(bom + _page(TEXT).encode(encoding))


@pytest.mark.parametrize("encoding,head", [
    ("cp1252", ""),                                             # undeclared cp1252
    ("cp1252", '<meta charset="utf-8">'),                       # cp1252 mislabelled as UTF-8
    ("cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
    ("latin-1", '<meta charset="iso-8859-1">'),
])
def test_western_single_byte_encodings(encoding: str, head: str) -> None:
    text = TEXT.replace("“", '"').replace("”", '"').replace("—", "-").replace("’", "'").replace("€", "")
    if encoding == "cp1252":
        text = TEXT
    assert text in decode(_page(text, head).encode(encoding))


def test_shift_jis_declared() -> None:
    text = "日本語の記事です。映画の公開日は五月です。"
    assert text in decode(_page(text, '<meta charset="shift_jis">').encode("shift_jis"))


def test_mixed_utf8_and_cp1252_bytes() -> None:
    data = _page("Pokémon café naïve").encode("utf-8") + _page("Beyoncé “Halo”").encode("cp1252")
    out = decode(data)
    assert "Pokémon" in out and "Beyoncé" in out


def test_invalid_utf8_gives_valid_text() -> None:
    out = decode(b"<p>ok \xff\xfe\xc3 broken \xed\xa0\x80 surrogate</p>")
    out.encode("utf-8")  # never raises
    assert "ok" in out and "broken" in out


def test_size_limit() -> None:
    with pytest.raises(LimitExceeded) as err:
        decode(b"<p>" + b"a" * 2000 + b"</p>", max_bytes=1000)
    assert err.value.code == "E003"


def test_gzip_input_is_decompressed() -> None:
    assert TEXT in decode(gzip.compress(_page(TEXT).encode("utf-8")))


def test_gzip_bomb_is_capped() -> None:
    bomb = gzip.compress(b"\x20" * 50_000_000, compresslevel=9)  # ~50 KB on disk
    assert len(bomb) < 100_000
    with pytest.raises(LimitExceeded) as err:
        decode(bomb, max_bytes=1_000_000)
    assert err.value.code == "E004"


def test_bad_gzip_is_a_document_error() -> None:
    with pytest.raises(DocumentError) as err:
        gunzip(b"\x1f\x8b\x08\x00garbage-not-deflate", 1000)
    assert err.value.code == "E005"


def test_truncated_gzip_is_a_document_error_or_text() -> None:
    data = gzip.compress(_page(TEXT * 50).encode("utf-8"))[:-30]
    try:
        assert isinstance(decode(data), str)
    except DocumentError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_decode_never_raises_unexpectedly(data: bytes) -> None:
    try:
        out = decode(data)
    except DocumentError:
        return
    out.encode("utf-8")
    assert "\x00" not in out


def test_zlib_is_bounded_for_deflate_streams() -> None:
    raw = zlib.compress(b"x" * 10)
    with pytest.raises(DocumentError):
        gunzip(raw, 100)  # zlib stream without gzip header
