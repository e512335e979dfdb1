"""Metadata: headline, authors, dates, language, URLs and lenient JSON-LD."""

from __future__ import annotations

import gzip
import json
import logging
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from extract.clean import clean
from extract.document import RawDocument
from extract.metadata import clean_title, extract_meta, normalize_date, parse_jsonld

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _meta(head: str, body: str = "", url: str | None = None, html_attrs: str = ""):
    soup = BeautifulSoup(f"<html {html_attrs}><head>{head}</head><body>{body}</body></html>", "lxml")
    return extract_meta(soup, parse_jsonld(soup), url)


def _ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


@pytest.mark.parametrize("title,site,expected", [
    ("Moonlit Harbour review | Screen Notes", "Screen Notes", "Moonlit Harbour review"),
    ("Screen Notes - Moonlit Harbour review", "Screen Notes", "Moonlit Harbour review"),
    ("Moonlit Harbour review – Screen Notes", None, "Moonlit Harbour review"),
    ("Why 'Dune: Part Two' works", None, "Why 'Dune: Part Two' works"),
])
def test_title_without_site_name(title: str, site: str | None, expected: str) -> None:
    assert clean_title(title, site) == expected


@pytest.mark.parametrize("head,body,expected", [
    ('<meta property="og:title" content="From og:title">', "<h1>Screen Notes</h1>", "From og:title"),
    (_ld({"@type": "NewsArticle", "headline": "From JSON-LD"}), "", "From JSON-LD"),
    ("<title>From title | Site</title>", "<h1>Blog</h1>", "From title"),
    ("<title>From title only | Some Site</title>", "", "From title only"),
    ("", "<h1>Only a page heading</h1>", "Only a page heading"),
    # the visible <h1> wins over an SEO title that names the same story
    ('<meta property="og:title" content="Top 11 SEO Strategies for 2025 | Lucca">',
     "<h1>Site logo</h1><h1>11 SEO Strategies for 2025 to Boost Rankings</h1>",
     "11 SEO Strategies for 2025 to Boost Rankings"),
    ("<title>Moonlit Harbour review: a quiet triumph - Screen Notes</title>",
     "<h1>Moonlit Harbour review: a quiet, patient triumph</h1>",
     "Moonlit Harbour review: a quiet, patient triumph"),
])
def test_headline_sources(head: str, body: str, expected: str) -> None:
    assert _meta(head, body).headline == expected


@pytest.mark.parametrize("title,names,hosts,expected", [
    # a site name at either end, declared or read from the host, with " / " breadcrumbs
    ("Moonlit Harbour review / Film Talk / Screen Forums", ["Screen Forums"], [], "Moonlit Harbour review / Film Talk"),
    ("Reel Notes - Moonlit Harbour review", [], ["reelnotes"], "Moonlit Harbour review"),
    ("Moonlit Harbour review | ReelNotes.com | ReelNotes.com", [], ["reelnotes"], "Moonlit Harbour review"),
    # no site name found: a long second part is a subtitle, not a brand
    ("Moonlit Harbour | A quiet triumph of patient, seaside cinema", [], [],
     "Moonlit Harbour | A quiet triumph of patient, seaside cinema"),
    # a host label inside a longer segment with a number is not the site ("Screen 4 review")
    ("Reelnotes 4 review of the year - Reel Notes", ["Reel Notes"], ["reelnotes"], "Reelnotes 4 review of the year"),
])
def test_title_site_segments(title: str, names: list[str], hosts: list[str], expected: str) -> None:
    assert clean_title(title, None, names=names, hosts=hosts) == expected


@pytest.mark.parametrize("head,body,url,expected", [
    # an <h1> that is the site's name (a logo) is not the headline, even when og:title contains it
    ('<meta property="og:title" content="Get Free Tax Help | Harbour Aid">'
     '<meta property="og:site_name" content="Harbour Aid">',
     "<h1>Harbour Aid</h1><h1>Get Free Tax Help</h1>", None, "Get Free Tax Help"),
    ("<title>Moonlit Harbour review - Reelnotes.org</title>", "<h1>reelnotes.org</h1>",
     "https://www.reelnotes.org/2024/moonlit", "Moonlit Harbour review"),
    # a documentation heading's permalink mark, a heading printed twice
    ("<title>Tasks — Reel 5.6 documentation</title>", '<h1>Tasks <a class="headerlink">¶</a></h1>', None, "Tasks"),
    ('<meta property="og:title" content="The cloud for film archives">',
     "<h1>The cloud for film archives The cloud for film archives</h1>", None, "The cloud for film archives"),
    # an <h1> holding the byline or a date besides the head title gives way to that title
    ('<meta property="og:title" content="Moonlit Harbour gets a sequel">',
     "<h1>Moonlit Harbour gets a sequel <span>Posted on July 1, 2024 by dana</span></h1>", None,
     "Moonlit Harbour gets a sequel"),
    ('<meta property="og:title" content="Moonlit Harbour gets a sequel">',
     "<h1><span>Dec 18 2025</span> Moonlit Harbour gets a sequel</h1>", None, "Moonlit Harbour gets a sequel"),
    # ... but not when a head title has those words too
    ('<title>Moonlit Harbour gets a sequel, and a new director - Reel Notes</title>'
     '<meta property="og:title" content="Moonlit Harbour gets a sequel">',
     "<h1>Moonlit Harbour gets a sequel, and a new director</h1>", None,
     "Moonlit Harbour gets a sequel, and a new director"),
    # JSON-LD headlines carry HTML entities
    (_ld({"@type": "NewsArticle", "headline": "Moonlit Harbour &#8211; the sequel"}), "", None,
     "Moonlit Harbour – the sequel"),
])
def test_headline_rules(head: str, body: str, url: str | None, expected: str) -> None:
    assert _meta(head, body, url).headline == expected


@pytest.mark.parametrize("head,body,expected", [
    (_ld({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Dana Okafor"}, "Ira Bell"]}), "",
     ["Dana Okafor", "Ira Bell"]),
    ('<meta name="author" content="Dana Okafor and Ira Bell">', "", ["Dana Okafor", "Ira Bell"]),
    ('<meta name="author" content="Share">', '<a rel="author">By Dana Okafor</a>', ["Dana Okafor"]),
    ("", '<span class="byline">By Dana Okafor</span>', ["Dana Okafor"]),
    ('<meta name="author" content="March 5, 2024">', "", []),
    ('<meta name="author" content="https://facebook.com/someone">', "", []),
    ('<meta name="author" content="Maria &amp; Katerina">', "", ["Maria", "Katerina"]),
    ('<meta name="author" content="Posted by Dana Okafor on Friday">', "", ["Dana Okafor"]),
    ('<meta name="author" content="Author Dana Okafor">', "", ["Dana Okafor"]),
    # Yoast-style @graph: the article points at its author by @id
    (_ld({"@graph": [{"@type": "Article", "headline": "H", "author": {"@id": "https://x.org/#dana"}},
                     {"@type": "Person", "@id": "https://x.org/#dana", "name": "Dana Okafor"}]}), "",
     ["Dana Okafor"]),
    # the first author-classed element may be an empty avatar
    ("", '<div class="author-avatar"><img src="a.png"></div><span class="author">Dana Okafor</span>',
     ["Dana Okafor"]),
    # a "By" line below the headline
    ("", "<h1>Moonlit Harbour review</h1><div><strong>By <a href='/team/dana'>Dana Okafor</a></strong>"
         " - Mar 27, 2024</div>", ["Dana Okafor"]),
    ("", "<h1>Moonlit Harbour review</h1><p>By logging in, you agree to our terms.</p>", []),
    # ... not a paragraph's "by" after a title, and after a date or "Posted" it is one
    ("", "<h1>Our picks</h1><p>I also picked up <i>Salt Lines</i> by Dana Okafor, a slim adventure.</p>", []),
    ("", "<h1>Our picks</h1><div><time datetime='2017-03-01'>03/01/2017</time> by Dana Okafor</div>",
     ["Dana Okafor"]),
    ("", "<h1>Our picks</h1><div><span>Posted</span> by Dana Okafor</div>", ["Dana Okafor"]),
])
def test_authors_without_junk(head: str, body: str, expected: list[str]) -> None:
    assert _meta(head, body).authors == expected


@pytest.mark.parametrize("head,body,url,expected", [
    ('<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">', "", None, "2024-03-05"),
    (_ld({"@type": "NewsArticle", "datePublished": "2024-03-05T23:30:00-05:00"}), "", None, "2024-03-05"),
    ("", '<time datetime="2023-11-19">Nov 19</time>', None, "2023-11-19"),
    ("", "", "https://example.com/2019/11/19/some-story", "2019-11-19"),
    ("", "<p>nothing here</p>", None, None),
    # meta keys beyond the usual ones
    ('<meta name="citation_date" content="2025/12/18">', "", None, "2025-12-18"),
    ('<meta name="w-published-date" content="2025-05-27T06:03:43Z">'
     '<meta name="w-modified-date" content="2025-06-01T06:03:43Z">', "", None, "2025-05-27"),
    # a machine-readable <time> before a shown day-month order
    ("", '<time>02-12-2025</time><time datetime="2025-12-02">Dec 2</time>', None, "2025-12-02"),
    # the dateline below the headline
    ("", "<h1>Moonlit Harbour review</h1><div><span>By Dana Okafor</span> - Mar 27, 2024</div>", None,
     "2024-03-27"),
    ("", "<h1>Moonlit Harbour review</h1><p>Updated 2 April 2024</p><p>1st March 2024</p>", None,
     "2024-03-01"),
    ("", "<p>Posted 2025-09-13</p><h1>Moonlit Harbour review</h1><p>text</p>", None, "2025-09-13"),
    ("", "<h1>Moonlit Harbour review</h1><p>Season 2 arrives in 2025 with 8 episodes.</p>", None, None),
    # a labelled date anywhere on the page; publication before update
    ("", "<h1>Moonlit Harbour review</h1><p>" + "Text. " * 200 + "</p><p>Last updated: November 13, 2025</p>",
     None, "2025-11-13"),
    ("", "<p>" + "Text. " * 200 + "</p><i>Updated: 10/31/2024</i><span>Posted on April 13, 2023</span>",
     None, "2023-04-13"),
    # forum and social posts are articles too
    (_ld({"@type": "DiscussionForumPosting", "datePublished": "2025-11-28T19:07:05Z"}), "", None,
     "2025-11-28"),
])
def test_published_date_sources(head: str, body: str, url: str | None, expected: str | None) -> None:
    assert _meta(head, body, url).published == expected


@pytest.mark.parametrize("value,expected", [
    ("2024-03-05", "2024-03-05"), ("March 5, 2024", "2024-03-05"), ("5 March 2024 10:00 EST", "2024-03-05"),
    ("2024-13-45", None), ("not a date", None), ("", None), ("x" * 500, None),
])
def test_normalize_date(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_language_and_urls() -> None:
    m = _meta('<link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/a?x">',
              html_attrs='lang="en-GB"')
    assert m.language == "en" and m.canonical_url == "https://example.com/a"


@pytest.mark.parametrize("raw", [
    '{"@type": "Movie", "name": "Dune",}',                          # trailing comma
    '<!-- {"@type": "Movie", "name": "Dune"} -->',                 # HTML comment wrapper
    '[{"@type": "Movie", "name": "Dune"}]',
    '{"@context": "https://schema.org", "@graph": [{"@type": "Movie", "name": "Dune"}]}',
])
def test_jsonld_is_parsed_leniently(raw: str) -> None:
    soup = BeautifulSoup(f'<script type="application/ld+json">{raw}</script>', "lxml")
    assert [o["name"] for o in parse_jsonld(soup)] == ["Dune"]


@pytest.mark.parametrize("raw", ['{"@type": "Movie", "name": ', "not json at all", "[" * 100_000 + "]" * 100_000])
def test_malformed_jsonld_is_logged_not_fatal(raw: str, caplog: pytest.LogCaptureFixture) -> None:
    soup = BeautifulSoup(f'<script type="application/ld+json">{raw}</script>', "lxml")
    with caplog.at_level(logging.WARNING):
        assert parse_jsonld(soup, "page.html") == []
    assert "JSON-LD" in caplog.text


@pytest.mark.parametrize("types", [["NewsArticle"], ["Movie"], ["TVSeries"], ["TVEpisode"], ["Person"]])
def test_jsonld_types_are_kept(types: list[str]) -> None:
    soup = BeautifulSoup(_ld({"@type": types[0], "name": "X"}), "lxml")
    assert parse_jsonld(soup)[0]["@type"] == types[0]


# --- the project's dev pages (skipped when ../shared is absent)

def _dev_cases() -> list[tuple[Path, dict]]:
    gold_dir = SHARED / "eval" / "dev"
    cases = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        doc = gold_path.name.split(".")[0]
        html = next(iter(sorted((gold_dir / "html").glob(f"{doc}.html*"))), None)
        if html:
            cases.append((html, json.loads(gold_path.read_text(encoding="utf-8"))))
    seed = SHARED / "seed" / "when-they-see-us.html"
    if seed.exists():
        cases.append((seed, json.loads((SHARED / "seed" / "when-they-see-us.gold.json").read_text(encoding="utf-8"))))
    return cases


def _words(text: str | None) -> set[str]:
    return set(re.sub(r"[^\w\s]", " ", (text or "").casefold()).split())


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
def test_dev_headline_and_published() -> None:
    cases = _dev_cases()
    if not cases:
        pytest.skip("no dev pages")
    ok_headline = ok_published = 0
    for path, gold in cases:
        raw = path.read_bytes()
        doc = clean(RawDocument(gzip.decompress(raw) if path.suffix == ".gz" else raw, str(path)))
        g, p = _words(gold["headline"]), _words(doc.meta.headline)
        ok_headline += len(g & p) / len(g | p) >= 0.8
        ok_published += (doc.meta.published or "")[:10] == gold["published"]
    assert ok_headline == len(cases)
    assert ok_published / len(cases) >= 0.8  # floor; the product target is 0.95
