"""The bs4 tree built from lxml's tree (soupbuild) is the tree bs4's own lxml builder makes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bs4 import Comment, Doctype, NavigableString
from bs4.element import Script, Stylesheet, TemplateString
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import clean as clean_module
from extract import soupbuild
from extract.clean import clean, parse_html
from extract.document import RawDocument
from extract.soupbuild import bs4_soup, fast_soup, same_tree

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = sorted((Path(__file__).parent / "real_pages").glob("*.gold.json"))
SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.html"))

CASES = {
    "doctype": "<!DOCTYPE html><html><head><title>A</title></head><body><p>x</p></body></html>",
    "doctype upper and public": '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">'
                                "<html><body>x</body></html>",
    "two doctypes": "<!DOCTYPE html><!DOCTYPE html><html><body><p>x</p></body></html>",
    "no doctype, fragment": "<p>one <b>two</b> three</p><p>four",
    "whitespace strings": "<html><body>\n  <div>\n\t<p> a </p>   <p>b</p>\n</div>  </body></html>\n\n",
    "pre keeps whitespace": "<body><pre>  one\n   two  </pre><textarea>   </textarea><p>   </p></body>",
    "string classes": "<head><style>p { x }</style><script type='application/ld+json'>{\"a\": 1}</script></head>"
                      "<body><template><p>t</p></template><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></body>",
    "comments": "<body><!----><p>a<!-- \n -->b<!-- c --></p><pre><!--  --></pre></body>",
    "processing instruction": "<body><p>x<?php echo 1 ?>y</p></body>",
    "multi-valued attributes": '<body class="a  b\tc" id="x y"><a rel="nofollow  me" href="/x">l</a>'
                               '<table><tr><td headers="h1 h2" class="">c</td></tr></table></body>',
    "meta substitutions": '<head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=latin-1">'
                          "</head><body>x</body>",
    "entities and unicode": "<p>Tom &amp; Jerry &mdash; caf&eacute; &unknown; “quoted” 🎬</p>",
    "misnested": "<div><p>one<div>two</p>three</div><li>a<li>b<table><td>c</table>",
    "void elements": "<p>a<br>b<img src=x alt=''><hr>c<input value=1></p>",
    "text after html": "<html><body><p>x</p></body></html>  \n ",
    "comment before html": "<!-- top --><html><body>x</body></html><!-- bottom -->",
    "empty": "",
    "whitespace only": "   \n ",
}


@pytest.mark.parametrize("markup", list(CASES.values()), ids=list(CASES))
def test_same_tree_as_bs4(markup: str) -> None:
    fast = fast_soup(markup)
    if fast is None:  # lxml refused the text: parse_html falls back to bs4
        assert parse_html(markup) is not None
        return
    assert same_tree(fast, bs4_soup(markup))


def test_string_classes_and_attribute_lists() -> None:
    soup = fast_soup(CASES["string classes"])
    assert soup is not None
    assert type(soup.find("style").string) is Stylesheet
    assert type(soup.find("script").string) is Script
    assert type(soup.find("template").p.string) is TemplateString
    soup = fast_soup(CASES["multi-valued attributes"])
    assert soup.find("a")["rel"] == ["nofollow", "me"]
    assert soup.find("td")["headers"] == ["h1", "h2"]
    assert soup.find("body")["id"] == "x y"  # id is not a list attribute


def test_whitespace_rule_and_markup_nodes() -> None:
    soup = fast_soup(CASES["whitespace strings"])
    assert soup is not None
    div = soup.find("div")
    assert [str(s) for s in div.contents if isinstance(s, NavigableString)] == ["\n", " ", "\n"]
    soup = fast_soup(CASES["comments"])
    comments = [c for c in soup.descendants if isinstance(c, Comment)]
    assert [str(c) for c in comments] == [" ", "\n", " c ", "  "]  # bs4's rule: outside <pre>, blank -> one char
    doctype = fast_soup(CASES["doctype upper and public"]).contents[0]
    assert isinstance(doctype, Doctype) and str(doctype).startswith("HTML PUBLIC")


def test_links_are_those_of_a_tree() -> None:
    soup = fast_soup(CASES["misnested"])
    assert soup is not None
    nodes = list(soup.descendants)
    assert nodes[0].previous_element is None and soup.next_element is None
    assert all(b.previous_element is a and a.next_element is b for a, b in zip(nodes, nodes[1:]))
    p = soup.find("p")
    assert p.parent.name == "div" and p.find_next_sibling() is not None


def test_same_tree_notices_a_difference() -> None:
    markup = CASES["multi-valued attributes"]
    changed = bs4_soup(markup)
    changed.find("a")["href"] = "/y"
    assert not same_tree(fast_soup(markup), changed)
    moved = bs4_soup(markup)
    moved.find("a").string.replace_with("other")
    assert not same_tree(fast_soup(markup), moved)


def test_page_deeper_than_lxml_builds_is_left_to_bs4() -> None:
    deep = "<html><body><p>before</p>" + "<div>" * 400 + "x" + "</div>" * 400 + "<p>after</p></body></html>"
    assert fast_soup(deep) is None  # lxml's tree would stop at 256 levels and lose "x" and "after"
    soup = parse_html(deep)
    assert len(soup.find_all("div")) == 400 and soup.find_all("p")[-1].string == "after"
    shallow = "<html><body>" + "<div>" * 200 + "x" + "</div>" * 200 + "</body></html>"
    assert same_tree(fast_soup(shallow), bs4_soup(shallow))


def test_untrusted_fast_path_falls_back_to_bs4(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(soupbuild, "_trusted", lambda: False)
    assert fast_soup("<p>x</p>") is None
    assert parse_html("<p>x</p>").p.string == "x"


def test_env_switch_forces_bs4(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(clean_module, "fast_soup", lambda text: calls.append(text))
    monkeypatch.setenv("EXTRACT_SOUP", "bs4")
    assert parse_html("<p>x</p>").p.string == "x"
    assert calls == []


# --- generated markup

_NAMES = ["div", "p", "span", "a", "b", "i", "ul", "li", "table", "tr", "td", "pre", "h2", "section", "br", "img",
          "script", "style", "template", "textarea", "blockquote", "em", "figure", "figcaption", "nav"]
_ATTRS = st.dictionaries(st.sampled_from(["class", "id", "rel", "href", "title", "headers", "data-x", "hidden"]),
                         st.text(alphabet=" \tab-_1é\"'&<", max_size=8), max_size=3)
_TEXT = st.lists(st.sampled_from(list("ab Z\n\t  &;é—<>") + ["&amp;", "&nbsp;", "&#233;", "&bogus;"]),
                 max_size=12).map("".join)


def _attr_markup(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{v.replace(chr(34), "&quot;").replace("<", "&lt;")}"' for k, v in attrs.items())


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
        kind = draw(st.sampled_from(["tag", "tag", "text", "comment", "close"]))
        if kind == "text":
            parts.append(draw(_TEXT))
        elif kind == "comment":
            parts.append(f"<!--{draw(st.sampled_from(['', ' ', ' x ', chr(10)]))}-->")
        elif kind == "close":  # a stray end tag: the parser repairs both trees alike
            parts.append(f"</{draw(st.sampled_from(_NAMES))}>")
        else:
            name = draw(st.sampled_from(_NAMES))
            inner = draw(_markup(depth + 1)) if name not in ("script", "style", "textarea") else draw(_TEXT)
            closed = draw(st.booleans())
            parts.append(f"<{name}{_attr_markup(draw(_ATTRS))}>{inner}" + (f"</{name}>" if closed else ""))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_markup(), doctype=st.booleans(), wrap=st.booleans(), tail=st.sampled_from(["", "\n", "  \n "]))
def test_generated_markup_builds_the_same_tree(body: str, doctype: bool, wrap: bool, tail: str) -> None:
    markup = ("<!DOCTYPE html>" if doctype else "") + (f"<html><body>{body}</body></html>{tail}" if wrap else body)
    fast = fast_soup(markup)
    if fast is not None:
        assert same_tree(fast, bs4_soup(markup)), markup


# --- real pages: the cleaner's output is the same whichever builder made the tree

def _page_bytes(gold: Path) -> bytes | None:
    source = SHARED / json.loads(gold.read_text())["source_html"]
    if not source.exists():
        return None
    data = source.read_bytes()
    return gzip.decompress(data) if source.name.endswith(".gz") else data


def _cleaned(data: bytes, monkeypatch: pytest.MonkeyPatch, builder: str) -> tuple:
    monkeypatch.setenv("EXTRACT_SOUP", builder)
    doc = clean(RawDocument(data, "page.html", "page"))
    return doc.text, doc.spans, doc.facts, doc.meta.model_dump()


@pytest.mark.parametrize("page", REAL + SAMPLES, ids=lambda p: p.name.split(".")[0])
def test_cleaner_output_does_not_depend_on_the_builder(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _page_bytes(page) if page.name.endswith(".gold.json") else page.read_bytes()
    if data is None:
        pytest.skip("../shared is not present")
    assert _cleaned(data, monkeypatch, "fast") == _cleaned(data, monkeypatch, "bs4")
