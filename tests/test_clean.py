"""The cleaner on the project's own pages and on generated bad HTML."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from extract.clean import clean
from extract.document import CleanDocument, RawDocument
from extract.errors import DocumentError, LimitExceeded, SkipDocument

PAGES = Path(__file__).parent / "pages"
PROSE = ("The new series follows a family of lighthouse keepers through one long winter, and the "
         "critics have praised its patient pacing and its careful, unshowy performances. ")


def _clean(html: str | bytes, **kw: int) -> CleanDocument:
    return clean(RawDocument(html, "test.html"), **kw)


@pytest.fixture(scope="module")
def article() -> CleanDocument:
    return _clean((PAGES / "article.html").read_bytes())


@pytest.mark.parametrize("boilerplate", [
    "We use cookies", "Share on Facebook", "Tweet this", "Advertisement", "newsletter",
    "Another review of another show", "reader comment", "Trending", "Copyright 2024",
    "SCRIPT TEXT", "color: red", "Reviews", "By Dana",
])
def test_boilerplate_is_dropped(article: CleanDocument, boilerplate: str) -> None:
    assert boilerplate not in article.text


@pytest.mark.parametrize("line", ["Show Caption", "Hide caption", "Toggle caption", "Enlarge this image", "View gallery"])
def test_caption_controls_are_dropped(line: str) -> None:
    prose = "The series follows a family of lighthouse keepers through one long winter on the coast."
    doc = _clean(f"<html><body><article><p>{prose}</p><div>{line}</div><p>{prose} Again.</p></article></body></html>")
    assert line not in doc.text and prose in doc.text


@pytest.mark.parametrize("kind,text", [
    ("headline", "Moonlit Harbour review: a quiet triumph"),
    ("heading", "The cast and the crew"),
    ("list_item", "Ada Quinn as Maeve, the returning daughter"),
    ("table_cell", "Streamly"),
    ("blockquote", "Every episode feels like a tide coming in."),
    ("caption", "Ada Quinn as Maeve in Moonlit Harbour."),
    ("emphasis", "Moonlit Harbour"),
    ("emphasis", "Salt Lines"),
    ("strong", "Ira Bell"),
    ("quote", "Sea Change"),
    ("quote", "about the people who stay"),
])
def test_structure_is_kept_as_spans(article: CleanDocument, kind: str, text: str) -> None:
    assert text in [article.text[s.start:s.end] for s in article.spans_of(kind)]


def test_text_starts_with_the_headline_block(article: CleanDocument) -> None:
    first = article.text.split("\n")[0]
    assert first == "Moonlit Harbour review: a quiet triumph"
    assert article.spans[0].kind == "headline" and article.spans[0].start == 0
    assert article.text.count("Moonlit Harbour review") == 1  # the <h1> is not repeated


def test_paragraphs_are_separate_blocks(article: CleanDocument) -> None:
    paras = [article.text[s.start:s.end] for s in article.spans_of("paragraph")]
    assert any(p.startswith("The six-part drama") and p.endswith("fishing town.") for p in paras)
    assert all("\n" not in p for p in paras)


@pytest.mark.parametrize("key,value", [
    ("Title", "Moonlit Harbour"), ("Release date", "March 8, 2024"), ("Network", "Streamly"),
    ("Episodes", "6"), ("Created by", "Lena Marsh"),
])
def test_facts_are_parsed_with_offsets(article: CleanDocument, key: str, value: str) -> None:
    fact = next(f for f in article.facts if f.key == key)
    assert fact.value == value and article.text[fact.start:fact.end] == value


def test_jsonld_objects_are_handed_on(article: CleanDocument) -> None:
    types = {o["@type"] for o in article.jsonld}
    assert {"NewsArticle", "TVSeries"} <= types


def test_spans_are_within_text(article: CleanDocument) -> None:
    for s in article.spans:
        assert 0 <= s.start < s.end <= len(article.text)
        assert article.text[s.start:s.end].strip() == article.text[s.start:s.end]


# --- bad HTML (generated)

def _article(body: str, head: str = "<title>A headline for the test page</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_truncated_html() -> None:
    html = _article(f"<article><h1>Headline</h1><p>{PROSE}</p><p>{PROSE}")[:-40]
    assert "lighthouse keepers" in _clean(html).text


def test_unclosed_and_misnested_tags() -> None:
    html = f"<html><body><div><p><b>{PROSE}<i>{PROSE}</b></i><p>{PROSE}<table><tr><td>{PROSE}</div>"
    doc = _clean(html)
    assert doc.text.count("lighthouse keepers") >= 3


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_nesting_does_not_recurse(depth: int) -> None:
    html = "<html><body>" + "<div>" * depth + f"<p>{PROSE}</p>" + "</div>" * depth + "</body></html>"
    t0 = time.perf_counter()
    try:
        doc = _clean(html)
        assert "lighthouse" in doc.text
    except DocumentError:
        pass
    assert time.perf_counter() - t0 < 60


def test_deep_inline_nesting() -> None:
    html = "<p>" + "<span><b>" * 5000 + PROSE + "</b></span>" * 5000 + "</p>"
    try:
        _clean(html)
    except DocumentError:
        pass


@pytest.mark.parametrize("html", [
    _article("<ul>" + "".join(f'<li><a href="/s{i}">Story number {i} on the index</a></li>' for i in range(40))
             + "</ul>"),
    _article('<video src="clip.mp4"></video><p><a href="/more">More videos</a></p>'),
    _article(""),
])
def test_pages_without_article_text_are_skipped(html: str) -> None:
    with pytest.raises(SkipDocument) as err:
        _clean(html)
    assert err.value.code == "E006"


def _ld_script(obj: dict) -> str:
    import json
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_script_rendered_article_falls_back_to_jsonld_article_body() -> None:
    body = (f"<p>{PROSE}</p>\n<p>The second paragraph of the review names the <i>director</i>.</p>")
    html = _article('<div id="root"></div>',
                    head=_ld_script({"@type": "NewsArticle", "headline": "A harbour review", "articleBody": body}))
    doc = _clean(html)
    paragraphs = [doc.text[s.start:s.end] for s in doc.spans if s.kind == "paragraph"]
    assert paragraphs[0] == PROSE.strip() and paragraphs[1].startswith("The second paragraph")
    assert "<i>" not in doc.text and doc.meta.headline == "A harbour review"


@pytest.mark.parametrize("obj", [
    {"@type": "NewsArticle", "headline": "Teaser only", "articleBody": "A short teaser."},   # too short
    {"@type": "Product", "name": "A lamp", "articleBody": PROSE * 3},                       # not an article
])
def test_listing_pages_stay_skipped_without_an_article_body(obj: dict) -> None:
    html = _article("<ul>" + "".join(f'<li><a href="/s{i}">Story number {i} on the index</a></li>' for i in range(40))
                    + "</ul>", head=_ld_script(obj))
    with pytest.raises(SkipDocument) as err:
        _clean(html)
    assert err.value.code == "E006"


@pytest.mark.parametrize("text,lang", [
    ("Der neue Film ist nicht nur für die Fans, sondern auch für alle, die sich mit dem Kino "
     "beschäftigen. Die Regisseurin hat mit dem Team einen Film gedreht, der auf einer wahren Geschichte beruht.", "de"),
    ("Le nouveau film est une réussite pour le réalisateur, qui signe avec cette œuvre une des plus belles "
     "comédies de la saison. Les acteurs sont dans leur meilleur rôle et le public est au rendez-vous.", "fr"),
    ("La nueva serie de la plataforma es una de las más vistas del año, y los críticos dicen que el "
     "reparto está a la altura de la historia que cuenta con una gran sensibilidad.", "es"),
])
def test_language_is_detected_without_lang(text: str, lang: str) -> None:
    doc = _clean(_article(f"<article><h1>Titel</h1><p>{text}</p></article>"))
    assert doc.meta.language == lang


def test_declared_language_wins() -> None:
    html = f'<html lang="pt-BR"><body><p>{PROSE}</p></body></html>'
    assert _clean(html).meta.language == "pt"


def test_50mb_page_is_limited() -> None:
    html = ("<html><body>" + "<p>" + "x" * 1000 + "</p>" * 1 + "\n") * 1 + "<p>y</p>" * 7_000_000
    data = html.encode("ascii")
    assert len(data) > 50_000_000
    with pytest.raises(LimitExceeded) as err:
        _clean(data, max_bytes=20_000_000)
    assert err.value.code == "E003"


def test_entities_are_not_expanded() -> None:
    laughs = ['<!ENTITY a0 "lol">'] + [f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)]
    html = ('<?xml version="1.0"?><!DOCTYPE html [' + "".join(laughs)
            + '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
            + f"<html><body><p>{PROSE} &a9; &ext;</p></body></html>")
    t0 = time.perf_counter()
    doc = _clean(html)
    assert time.perf_counter() - t0 < 5
    assert "lollol" not in doc.text and "root:" not in doc.text
    assert len(doc.text) < 2000


def test_enormous_jsonld_is_skipped() -> None:
    blob = '{"@type": "NewsArticle", "headline": "x", "articleBody": "' + "a" * 3_000_000 + '"}'
    html = _article(f"<article><h1>Headline</h1><p>{PROSE}</p></article>",
                    head=f'<script type="application/ld+json">{blob}</script>')
    doc = _clean(html)
    assert doc.jsonld == []


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000))
def test_clean_never_raises_on_bytes(data: bytes) -> None:
    try:
        doc = _clean(data)
    except DocumentError:
        return
    doc.text.encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<i>", "</b>", "<table>", "<td>", "<li>",
                                 "<ul>", "<h2>", "<br>", "<script>", "</script>", "<q>", "&amp;", "&#0;",
                                 "Harbour", " ", "“", "Title: Moonlit", "\n", PROSE]), max_size=60))
def test_clean_never_raises_on_tag_soup(parts: list[str]) -> None:
    try:
        doc = _clean("".join(parts))
    except DocumentError:
        return
    for s in doc.spans:
        assert 0 <= s.start < s.end <= len(doc.text)


_LAZY_PRESTRIP = re.compile(
    r"(<script\b[^>]*ld\+json[^>]*>.*?</script\s*>)|"
    r"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|"
    r"<svg\b[^>]*>.*?</svg\s*>|<!--.*?-->",
    re.I | re.S,
)


@pytest.mark.parametrize("html", [
    "<p>a</p><script>var x = '<b>';</script><p>b</p>",
    '<script type="application/ld+json">{"a": "</scrip>"}</script ><SCRIPT>x</Script\n>',
    "<style>p{}</style><svg><g></g></svg><!-- c --><!----><!-- - -- ---><!--->",
    "<script>never closed <p>text</p>",
    "<!-- never closed <p>text</p>",
    "<scripts>not a script</scripts><svgx></svgx><style >a<//style></style>",
    "<svg><script>x</script></svg>tail<script a='>'>y</script>",
])
def test_prestrip_same_as_lazy_regex(html):
    from extract.clean import _prestrip

    assert _prestrip(html) == _LAZY_PRESTRIP.sub(lambda m: m[0] if m[1] else " ", html)


_FRAGMENTS = ["<script>", "<script type='application/ld+json'>", "</script>", "</SCRIPT >", "<style>", "</style>",
              "<svg>", "</svg>", "<!--", "-->", "-", "--", "<", ">", "/", "a", " ", "\n", "<p>", "</p>", "ld+json"]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30))
@settings(max_examples=300, deadline=None)
def test_prestrip_same_as_lazy_regex_fuzzed(parts):
    from extract.clean import _prestrip

    html = "".join(parts)
    assert _prestrip(html) == _LAZY_PRESTRIP.sub(lambda m: m[0] if m[1] else " ", html)


@pytest.mark.parametrize("attrs", ['role="dialog" style="display:none;"', 'aria-modal="true"', 'role="alertdialog"'])
def test_a_pop_up_is_dropped_however_long(attrs: str) -> None:
    notice = "<p>Republish our articles for free, online or in print, under a Creative Commons licence. " * 3 + "</p>"
    html = (f"<html><body><article><h1>Lighthouse keepers</h1><p>{PROSE * 8}</p></article>"
            f"<div {attrs}><h2>Republish this article</h2>{notice * 4}</div></body></html>")
    text = _clean(html).text
    assert "lighthouse keepers" in text and "Republish" not in text


def test_a_list_entrys_header_and_its_linked_heading_are_kept() -> None:
    entry = ("<div class='chart-entry-header'><h2><span><a href='/artist/a'>Dana Vore &amp; Gil Arden</a>"
             "<em>Low Tide</em><span class='label'>Rack</span></span></h2></div><p>{}</p>")
    html = (f"<html><body><article><h1>Records of the month</h1>{entry.format(PROSE * 2)}"
            f"{entry.replace('Low Tide', 'Salt Lines').format(PROSE * 2)}</article></body></html>")
    doc = _clean(html)
    headings = [doc.text[s.start:s.end] for s in doc.spans if s.kind == "heading"]
    assert "Dana Vore & Gil Arden Low Tide Rack" in headings and "Dana Vore & Gil Arden Salt Lines Rack" in headings


@pytest.mark.parametrize("html,text", [
    ("<p><a href='/x'>Dana Vore</a><em>Low Tide</em> is out now, and it is the record of the month.</p>",
     "Dana Vore Low Tide is out now"),
    ("<p><b>T</b>he record of the month is out now, and it is a quiet, patient album of duets.</p>",
     "The record of the month"),
    ("<p>The new film <em>Salt</em><em>Harbor</em> is out now, and it is a quiet, patient drama of duets.</p>",
     "The new film Salt Harbor is out"),
    ("<p>The new film <em>Wait For</em> <em>m</em><em>e Tonight</em> is out now, a quiet, patient drama.</p>",
     "The new film Wait For me Tonight is out"),
])
def test_adjacent_elements_are_separate_words_but_a_split_word_stays_whole(html: str, text: str) -> None:
    assert text in _clean(f"<html><body><article>{html * 3}</article></body></html>").text


@pytest.mark.parametrize("html,titles", [
    ("<p>The new film <em>Wait For</em> <em>m</em><em>e Tonight</em> is out now, a quiet, patient drama.</p>",
     ["Wait For me Tonight"]),
    ("<p>The new films <em>Salt</em> <em>Harbor</em> are out now, and both are quiet, patient dramas.</p>",
     ["Salt", "Harbor"]),
])
def test_an_emphasis_split_by_an_editor_is_one_span(html: str, titles: list[str]) -> None:
    doc = _clean(f"<html><body><article>{html * 3}</article></body></html>")
    found = [doc.text[s.start:s.end] for s in doc.spans if s.kind == "emphasis"]
    assert found[:len(titles)] == titles


@pytest.mark.parametrize("line,expected", [
    ("A nearly wordless story of two lovers. Director: Dana Vore · Stars: Ana Pereira, Jonas Berg and Mara Quist",
     [("Director", "Dana Vore"), ("Stars", "Ana Pereira, Jonas Berg and Mara Quist")]),
    ("Genre: Drama | Runtime: 98 min | Director: Ana Pereira",
     [("Genre", "Drama"), ("Runtime", "98 min"), ("Director", "Ana Pereira")]),
    ("Home · News · Reviews · Director: Ana Pereira", []),  # one key: a menu, not a fact list
    ("He said: yes · she said: no, and the film went on without them for another hour", []),
])
def test_facts_run_together_on_one_line(line: str, expected: list[tuple[str, str]]) -> None:
    doc = _clean(f"<html><body><article><h1>Salt Harbor</h1><p>{PROSE}</p><p>{line}</p></article></body></html>")
    got = [(f.key, f.value) for f in doc.facts]
    assert got == expected
    assert all(doc.text[f.start:f.end] == f.value for f in doc.facts)


def test_a_select_menu_is_never_text() -> None:
    options = "".join(f"<option>Category {n} Ana Pereira</option>" for n in range(200))
    doc = _clean(f"<html><body><div><select>{options}</select></div>"
                 f"<article><h1>Salt Harbor</h1><p>{PROSE}</p></article></body></html>")
    assert "Category" not in doc.text and "lighthouse keepers" in doc.text


@pytest.mark.parametrize("marked", ['<div class="reflist">', '<ol class="references">', '<div class="mw-references-wrap">',
                                    '<div class="navbox">'])
def test_reference_lists_and_navboxes_are_dropped(marked: str) -> None:
    tag = marked[1:marked.index(" ")]
    html = (f"<html><body><article><h1>Time loops on film</h1><p>{PROSE * 3}</p>"
            f"{marked}<li>Kip Ardley (2014). \"Stillwater Review\". Empire. Retrieved 2018-05-01.</li></{tag}>"
            "</article></body></html>")
    doc = _clean(html)
    assert "lighthouse keepers" in doc.text and "Retrieved" not in doc.text
