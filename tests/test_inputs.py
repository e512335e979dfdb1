"""Input readers: files, directories, globs, gzip, JSON-lines dumps, WARC files, path lists."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from extract.document import RawDocument
from extract.inputs import BadInput, JsonlFields, iter_documents, read_path_list

PAGE = "<html><body><article><h1>Page {i}</h1><p>Olivia Colman stars in The Crown {i}.</p></article></body></html>"


def write_warc(path: Path, pages: list[tuple[str, str]], *, extra_image: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))
        if extra_image:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("http://x/img.png", "response",
                                                          payload=io.BytesIO(b"\x89PNG..."), http_headers=headers))


def test_directory_recursive_sorted_with_gzip_and_glob(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text(PAGE.format(i=2))
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE.format(i=1).encode()))
    (tmp_path / "notes.txt").write_text("not an input")
    docs = list(iter_documents([tmp_path]))
    assert [Path(d.source).name for d in docs] == ["a.html.gz", "2.html"]
    assert [d.doc_id for d in docs] == ["a", "2"]
    assert [Path(d.source).name for d in iter_documents([str(tmp_path / "**" / "*.html")])] == ["2.html"]


def test_missing_input_is_an_error_record_not_a_crash(tmp_path: Path) -> None:
    (doc,) = iter_documents([tmp_path / "nope.html"])
    assert isinstance(doc, BadInput) and doc.error.code == "E009"


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_dump_with_bad_lines(tmp_path: Path, gz: bool) -> None:
    lines = [json.dumps({"body": PAGE.format(i=1), "link": "http://x/1", "key": 7}), "{not json",
             json.dumps([1, 2]), "", json.dumps({"body": PAGE.format(i=2)})]
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / ("dump.jsonl.gz" if gz else "dump.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    docs = list(iter_documents([path], fields=JsonlFields(html="body", url="link", id="key")))
    assert [type(d).__name__ for d in docs] == ["RawDocument", "BadInput", "BadInput", "RawDocument"]
    assert docs[0].doc_id == "7" and docs[0].url == "http://x/1"
    assert {d.error.code for d in docs if isinstance(d, BadInput)} == {"E010"}
    assert docs[3].source.endswith(":5") and docs[3].doc_id  # no id: a stable one is made


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, [("http://x/1", PAGE.format(i=1)), ("http://x/2", PAGE.format(i=2))])
    docs = list(iter_documents([path]))
    assert [d.url for d in docs] == ["http://x/1", "http://x/2"]  # the image response is left out
    assert all(isinstance(d, RawDocument) and b"Olivia" in d.content for d in docs)
    assert docs[0].doc_id != docs[1].doc_id


def test_malformed_warc_yields_error_record(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    write_warc(path, [("http://x/1", PAGE.format(i=1))], extra_image=False)
    path.write_bytes(path.read_bytes() + b"\x00\x01garbage that is not a WARC record\n" * 3)
    docs = list(iter_documents([path]))
    assert isinstance(docs[0], RawDocument)
    assert isinstance(docs[-1], BadInput) and docs[-1].error.code == "E010"


def test_path_list() -> None:
    stream = io.StringIO("a.html\n\n# comment\n  b/*.html  \n")
    assert list(read_path_list(stream)) == ["a.html", "b/*.html"]
