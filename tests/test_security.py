"""Security checks (issue #8): processing never opens a network connection or reads a local file a
page points at, never expands XML entities, and never derives an output path from page content."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from extract import Extractor
from extract.run import run

SECRET = Path(__file__).resolve().parent / "conftest.py"  # a local file a page may try to pull in
HOSTILE = f"""<?xml version="1.0"?>
<?xml-stylesheet type="text/xsl" href="http://evil.example/style.xsl"?>
<!DOCTYPE html SYSTEM "http://evil.example/html.dtd" [
  <!ENTITY local SYSTEM "file://{SECRET}">
  <!ENTITY remote SYSTEM "http://evil.example/entity.txt">
  <!ENTITY % param SYSTEM "http://evil.example/param.dtd">
  %param;
]>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">
<head><title>The Crown returns</title>
<link rel="stylesheet" href="http://evil.example/a.css"><link rel="canonical" href="http://evil.example/c">
<link rel="import" href="http://evil.example/import.html"><script src="http://evil.example/a.js"></script>
<meta http-equiv="refresh" content="0; url=http://evil.example/refresh">
<script type="application/ld+json">{{"@context": "http://evil.example/context.jsonld", "@type": "TVSeries",
 "name": "The Crown", "image": "http://evil.example/i.jpg", "sameAs": ["http://evil.example/s"]}}</script>
<base href="http://evil.example/">
</head>
<body style="background: url(http://evil.example/bg.png)"><article><h1>The Crown returns</h1>
<p>The Crown, created by Peter Morgan, premiered on <a href="http://evil.example/netflix">Netflix</a> on
November 4, 2016. Olivia Colman stars as the Queen. &local; &remote;</p>
<xi:include href="http://evil.example/part.xml"/><xi:include href="file://{SECRET}" parse="text"/>
<img src="http://evil.example/a.jpg" srcset="http://evil.example/b.jpg 2x"><iframe src="http://evil.example/f"></iframe>
<object data="http://evil.example/o.swf"></object><embed src="http://evil.example/e"></embed><video src="http://evil.example/v.mp4"></video>
<svg><image href="http://evil.example/s.svg"/></svg><form action="http://evil.example/post"></form>
<p>It won the Emmy Award for Outstanding Drama Series in 2021. See https://evil.example/x and www.evil.example.</p>
</article></body></html>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><head><title>&lol9;</title></head><body><article><h1>Laughs &lol9;</h1>
<p>The Crown stars Olivia Colman, and it premiered on Netflix in 2016. &lol9; &lol9; &lol9;</p></article></body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list:
    """Every way to open a connection or resolve a name fails, and is remembered."""
    attempts: list = []

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        attempts.append(args)
        raise OSError("network access during processing")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


@pytest.mark.parametrize("page", [HOSTILE, HOSTILE.encode("utf-16"), HOSTILE.split("\n", 1)[1].encode()],
                         ids=["xml-declared", "utf16", "doctype-first"])
def test_no_network_and_no_local_files_while_extracting(no_network: list, page: str | bytes) -> None:
    record = Extractor("blank", include_text=True)(page, source="hostile.xhtml")
    assert no_network == []
    assert record.status == "ok", record.error
    text = record.text or ""
    assert "Olivia Colman" in text and "Emmy Award" in text
    assert "needs_shared" not in text and "import pytest" not in text  # the local file was not read


def test_no_network_in_a_batch_run(tmp_path: Path, no_network: list) -> None:
    pages = tmp_path / "in"
    pages.mkdir()
    for i in range(4):
        (pages / f"p{i}.html").write_text(HOSTILE.replace("The Crown", f"The Crown {i}"))
    report = run([pages], tmp_path / "out.jsonl", model="blank", workers=1)
    assert no_network == [] and report.by_status["ok"] == 4


def test_no_entity_expansion() -> None:
    t = time.monotonic()
    record = Extractor("blank", include_text=True)(BILLION_LAUGHS, source="lol.html")
    assert time.monotonic() - t < 5
    assert record.status in ("ok", "skipped")
    assert len(record.text or "") < 2000 and (record.text or "").count("lol") < 20
    assert (record.meta.headline or "").count("lol") < 20


def test_no_output_path_comes_from_page_content(tmp_path: Path) -> None:
    """Ids, URLs, canonical links and titles that look like paths stay values in the records."""
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    names = ["../../escaped", "/tmp/extract-escaped-absolute", "a/b/c", "..", "~/home", "out.jsonl.parts/part-00000099",
             "CON", "x\x00y", "%2e%2e%2fescaped"]
    with open(work / "in" / "dump.jsonl", "w") as fh:
        for i, name in enumerate(names):
            page = (f"<html><head><title>{name}</title><link rel='canonical' href='../../../{name}'></head><body>"
                    f"<article><h1>{name}</h1><p>Film {i}: Olivia Colman stars in The Crown, on Netflix since "
                    f"2016, as the Queen.</p></article></body></html>")
            fh.write(json.dumps({"id": name, "url": f"file:///../../{name}", "html": page}) + "\n")
    before = set(tmp_path.rglob("*"))
    outputs = [work / "out" / "r.jsonl", work / "out" / "tables.csv", work / "out" / "tables.parquet",
               work / "out" / "r.sqlite"]
    for out in outputs:
        report = run([work / "in"], out, model="blank", workers=1)
        assert report.articles == len(names)
    created = set(tmp_path.rglob("*")) - before
    allowed = [work / "out"]
    assert all(any(p == a or a in p.parents for a in allowed) for p in created), sorted(map(str, created))
    parts = {p.name for p in created if p.parent.name.endswith(".parts")}
    assert all(name.startswith("part-") and name[5:].isdigit() for name in parts), parts
    assert not Path("/tmp/extract-escaped-absolute").exists() and not (tmp_path / "escaped").exists()
    assert not (tmp_path.parent / "escaped").exists()
