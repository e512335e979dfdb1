"""An end-to-end corpus of bad inputs (issue #8), generated here, run through `Extractor` and through
`extract run` on a directory, a JSON-lines dump and WARC files.

Every document gets exactly one record with a stable status and error code and a readable
message (or "ok" where processing applies), the good pages between them come out exactly as they
do alone, and the run exits 0. Big inputs are made by repeating bytes, so the corpus costs
little to build; the 100,000-element page alone takes seconds to clean, so it goes through
`Extractor` and the directory run only (those two tests are marked slow).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from extract import Extractor
from extract.cli import main
from extract.document import RawDocument

ARTICLE = ("<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/tv'>TV</a></nav>"
           "<article><h1>{title}</h1><p>The Crown, created by Peter Morgan, premiered on Netflix on {date}. "
           "Olivia Colman stars as the Queen in the third and fourth seasons.</p><p>It won the Emmy Award "
           "for Outstanding Drama Series in 2021, and Claire Foy won for Outstanding Lead Actress.</p>"
           "</article></body></html>")


def article(title: str = "The Crown returns", date: str = "November 4, 2016") -> str:
    return ARTICLE.format(title=title, date=date)


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.html", article())
    return buf.getvalue()


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d4944415478da63f8ffff3f0005fe02fea7d69d2e0000000049454e44ae426082")
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + b"0" * 2000 + b"\n%%EOF\n"
CP1252_PAGE = ('<html><head><meta charset="utf-8"><title>Café Society review</title></head><body><article>'
               "<h1>Café Society review</h1><p>Woody Allen’s Café Society, with Kristen Stewart and Jesse "
               "Eisenberg, opened the Cannes Film Festival on May 11, 2016 — “a bittersweet comedy”.</p>"
               "</article></body></html>")
JAPANESE_PAGE = ('<html><head><meta charset="shift_jis"><title>千と千尋の神隠し</title></head><body><article>'
                 "<h1>千と千尋の神隠し</h1><p>宮崎駿監督の映画「千と千尋の神隠し」は二〇〇一年に公開され、"
                 "アカデミー賞長編アニメ映画賞を受賞した。スタジオジブリの作品である。</p></article></body></html>")
FRENCH_PAGE = ("<html><head><title>La Couronne revient</title></head><body><article><h1>La Couronne revient</h1>"
               "<p>La série The Crown, créée par Peter Morgan, est sortie sur Netflix le 4 novembre 2016. Olivia "
               "Colman joue la reine dans les saisons trois et quatre, et elle a gagné un prix pour ce rôle.</p>"
               "<p>Le film est une histoire de la famille royale, avec des acteurs qui sont très bons.</p>"
               "</article></body></html>")
INDEX_PAGE = ("<html><head><title>All reviews</title></head><body><nav><a href='/'>Home</a></nav><h1>All reviews</h1><ul>"
              + "".join(f"<li><a href='/reviews/{i}'>Review number {i} of a film</a></li>" for i in range(150))
              + "</ul><footer>© 2024 Example Media</footer></body></html>")
VIDEO_PAGE = ("<html><head><title>Watch: the trailer</title></head><body><video src='/v/trailer.mp4' controls "
              "poster='/v/p.jpg'></video><script>player.init()</script></body></html>")


def jsonld(block: str) -> str:
    return article().replace("<title>", f'<script type="application/ld+json">{block}</script><title>')


def valid_dates(record: dict) -> None:
    for d in record["dates"] + record["relative_dates"]:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["value"]):
            dt.date.fromisoformat(d["value"])  # raises on 2019-02-30
    assert all("2019-02-30" not in d["value"] for d in record["dates"])


def headline_has(text: str) -> Callable[[dict], None]:
    def check(record: dict) -> None:
        assert text in (record["meta"]["headline"] or ""), record["meta"]

    return check


def language_is(lang: str, then: Callable[[dict], None] | None = None) -> Callable[[dict], None]:
    def check(record: dict) -> None:
        assert record["meta"]["language"] == lang, record["meta"]
        if then:
            then(record)

    return check


@dataclass
class Case:
    name: str
    data: bytes                 # the file's bytes (a WARC response's payload)
    status: str
    code: str | None = None
    text: str | None = None     # what a JSON-lines dump carries; None: not in the dump
    suffix: str = ".html"
    heavy: bool = False         # seconds to process: Extractor and directory runs only
    check: Callable[[dict], None] | None = None


def corpus() -> list[Case]:
    big = b"<html><body><article>" + b"<p>The Crown stars Olivia Colman on Netflix.</p>\n" * 1_000_000 + b"</article>"
    deep = ("<html><body><article><p>The Crown, created by Peter Morgan, stars Olivia Colman.</p>"
            + "<div>" * 100_000 + "deep down" + "</div>" * 100_000 + "</article></body></html>")
    page = article()
    cases = [
        Case("empty", b"", "skipped", "E001", text=""),
        Case("whitespace", b"  \n\t\r\n   ", "skipped", "E001", text="  \n\t  "),
        Case("pdf-named-html", PDF, "skipped", "E002", text=PDF.decode("latin-1")),
        Case("png-named-html", PNG, "skipped", "E002", text=PNG.decode("latin-1")),
        Case("zip-named-html", zip_bytes(), "skipped", "E002", text=zip_bytes().decode("latin-1")),
        Case("truncated", page[: len(page) * 2 // 3].encode(), "ok", text=page[: len(page) * 2 // 3]),
        Case("misnested", page.replace("<p>The Crown,", "<p><b><i>The Crown,</b></i><div><span>")
             .replace("</article>", "<table><tr><td>").encode(), "ok",
             text=page.replace("<p>", "<p><b><i><em>").replace("</article>", "")),
        Case("index-page", INDEX_PAGE.encode(), "skipped", "E006", text=INDEX_PAGE),
        Case("video-only", VIDEO_PAGE.encode(), "skipped", "E006", text=VIDEO_PAGE),
        Case("french", FRENCH_PAGE.encode(), "ok", text=FRENCH_PAGE, check=language_is("fr")),
        Case("nested-100000", deep.encode(), "ok", heavy=True),
        Case("page-50mb", big, "error", "E003", text=big.decode()),
        Case("invalid-utf8", page.encode().replace(b"Netflix", b"Net\xff\xfe\xc3flix"), "ok", text=page),
        Case("cp1252-declared-utf8", CP1252_PAGE.encode("cp1252"), "ok", text=CP1252_PAGE,
             check=headline_has("Café")),
        Case("utf16-bom", b"\xff\xfe" + CP1252_PAGE.replace('<meta charset="utf-8">', "").encode("utf-16-le"), "ok",
             text=CP1252_PAGE.replace('<meta charset="utf-8">', ""), check=headline_has("Café")),
        Case("shift-jis", JAPANESE_PAGE.encode("shift_jis"), "ok", text=JAPANESE_PAGE,
             check=language_is("ja", headline_has("千と千尋"))),
        Case("jsonld-malformed", jsonld('{"@type": "Movie", "name": "The Crown",, "director": {').encode(), "ok",
             text=jsonld('{"@type": "Movie",, ')),
        Case("jsonld-enormous", jsonld('{"@type": "Movie", "name": "' + "x" * 3_000_000 + '"}').encode(), "ok",
             text=jsonld('[' + '{"@type": "Thing"},' * 200_000 + '{}]')),
        Case("jsonld-deep", jsonld("[" * 50_000 + "]" * 50_000).encode(), "ok", text=jsonld('{"a":' * 50_000)),
        Case("gzip-bomb", gzip.compress(b"<p>" + b" " * 60_000_000, 9), "error", "E004", suffix=".html.gz"),
        Case("impossible-date", article(date="February 30, 2019").encode(), "ok",
             text=article(date="February 30, 2019"), check=valid_dates),
    ]
    controls = [Case(f"control-{i}", article(f"Control page {i}", f"March {i + 1}, 2020").encode(), "ok",
                     text=article(f"Control page {i}", f"March {i + 1}, 2020")) for i in range(3)]
    # good pages between the bad ones: first, in the middle, last
    return [controls[0], *cases[:10], controls[1], *cases[10:], controls[2]]


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return corpus()


@pytest.fixture(scope="module")
def controls_alone(cases: list[Case]) -> dict[str, dict]:
    ex = Extractor("blank")
    return {c.name: comparable(ex(c.data, source=c.name + ".html").model_dump(mode="json"))
            for c in cases if c.name.startswith("control")}


def comparable(record: dict) -> dict:
    """The record without what names its input (id, source, the URL a dump or WARC gives)."""
    out = {k: v for k, v in record.items() if k not in ("doc_id", "source")}
    out["meta"] = {k: v for k, v in record["meta"].items() if k != "url"}
    return out


def check_record(case: Case, record: dict, controls_alone: dict[str, dict]) -> None:
    got = (record["status"], record["error"]["code"] if record["error"] else None)
    assert got == (case.status, case.code), (case.name, record["error"])
    if record["error"]:
        message = record["error"]["message"]
        assert 10 < len(message) < 300 and "Traceback" not in message and message[0].isalpha(), message
    if case.check:
        case.check(record)
    if case.name in controls_alone:
        assert comparable(record) == controls_alone[case.name]


@pytest.mark.slow
def test_corpus_through_extractor(cases: list[Case], controls_alone: dict[str, dict]) -> None:
    records = list(Extractor("blank").pipe(RawDocument(c.data, c.name + c.suffix) for c in cases))
    assert len(records) == len(cases)
    for case, record in zip(cases, records):
        check_record(case, record.model_dump(mode="json"), controls_alone)


def run_cli(tmp_path: Path, *inputs: Path) -> list[dict]:
    out = tmp_path / "out.jsonl"
    assert main(["run", *map(str, inputs), "-o", str(out), "--model", "blank", "-q", "--workers", "1"]) == 0
    return [json.loads(line) for line in out.read_text().splitlines()]


@pytest.mark.slow
def test_corpus_as_a_directory(tmp_path: Path, cases: list[Case], controls_alone: dict[str, dict]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, case in enumerate(cases):
        (folder / f"{i:02d}-{case.name}{case.suffix}").write_bytes(case.data)
    records = run_cli(tmp_path, folder)
    assert len(records) == len(cases)
    for case, record in zip(cases, records):
        assert record["source"].endswith(f"-{case.name}{case.suffix}")
        check_record(case, record, controls_alone)


BAD_LINES = ['not json at all', '{"html": 5, "id": "bad-type"}', '[1, 2, 3]', '{"id": "no-html"}',
             '{"html": "<p>cut off', '\ufeff{"html": "<p>bom</p>"}']


def test_corpus_as_a_jsonl_dump(tmp_path: Path, cases: list[Case], controls_alone: dict[str, dict]) -> None:
    dump = tmp_path / "dump.jsonl"
    carried = [c for c in cases if c.text is not None and not c.heavy]
    with open(dump, "w", encoding="utf-8") as fh:
        for case in carried:
            fh.write(json.dumps({"id": case.name, "url": f"https://example.com/{case.name}", "html": case.text}) + "\n")
            if case.name.startswith("control"):
                fh.write("\n" + BAD_LINES[int(case.name[-1]) * 2] + "\n" + BAD_LINES[int(case.name[-1]) * 2 + 1] + "\n")
        fh.write('{"html": "<p>no newline at the end')  # the dump was cut off mid-line
    records = run_cli(tmp_path, dump)
    by_id = {r["doc_id"]: r for r in records}
    for case in carried:
        check_record(case, by_id.pop(case.name), controls_alone)
    assert len(by_id) == len(BAD_LINES) + 1
    for record in by_id.values():
        assert record["status"] == "error" and record["error"]["code"] == "E010", record
        assert record["error"]["message"].startswith("malformed input record: line ")


def write_warc(path: Path, payloads: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, data in payloads:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data),
                                                          http_headers=headers))


def test_corpus_as_warc_files(tmp_path: Path, cases: list[Case], controls_alone: dict[str, dict]) -> None:
    carried = [c for c in cases if not c.heavy]
    crawl = tmp_path / "a-crawl.warc.gz"
    write_warc(crawl, [(f"https://example.com/{c.name}", c.data) for c in carried])
    pages = {name: [(f"https://example.com/{name}/{i}", article(f"{name} page {i}").encode()) for i in (1, 2)]
             for name in ("b-good", "d-cut", "f-trailing")}
    for name, payloads in pages.items():
        write_warc(tmp_path / f"{name}.warc", payloads)
    cut = tmp_path / "d-cut.warc"
    cut.write_bytes(cut.read_bytes()[:-40])  # the second record cut short
    trailing = tmp_path / "f-trailing.warc"
    write_warc(trailing, pages["f-trailing"][:1])
    trailing.write_bytes(trailing.read_bytes() + b"WARC/1.0\r\nWARC-Type: resp")  # half a header at the end
    (tmp_path / "c-garbage.warc").write_bytes(b"\x00\x01 this is not a WARC file\r\n\r\n")
    (tmp_path / "e-no-uri.warc").write_bytes(  # a response record without WARC-Target-URI
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n")
    inputs = [crawl, *sorted(tmp_path.glob("*.warc"))]
    records = run_cli(tmp_path, *inputs)
    for case, record in zip(carried, records):
        check_record(case, record, controls_alone)
    rest = [(r["source"].rsplit("/", 1)[1].split("@")[0], r["status"], r["error"]["code"] if r["error"] else None)
            for r in records[len(carried):]]
    assert rest == [("b-good.warc", "ok", None), ("b-good.warc", "ok", None),
                    ("c-garbage.warc", "error", "E010"),
                    ("d-cut.warc", "ok", None), ("d-cut.warc", "error", "E010"),
                    ("e-no-uri.warc", "error", "E010"),
                    ("f-trailing.warc", "ok", None), ("f-trailing.warc", "error", "E010")]
