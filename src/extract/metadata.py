"""Page metadata: headline, description, site name, authors, dates, language, URLs, JSON-LD."""

from __future__ import annotations

import html
import json
import logging
import re
import warnings
from datetime import datetime, timedelta, timezone, tzinfo
from itertools import islice
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bs4 import BeautifulSoup, NavigableString, Tag
from dateutil import parser as dateparser

from .schema import Meta
from .treeops import attr_matches, descendant_tags, is_text

log = logging.getLogger(__name__)

MAX_JSONLD_BYTES = 2_000_000
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»/]|::)\s+")
_JUNK_AUTHORS = re.compile(r"^(share|share this|tweet|email|e-mail|print|by|staff|admin|administrator|"
                           r"facebook|twitter|instagram|linkedin|menu|home|comments?|follow|more|"
                           r"unknown|anonymous|none|null|\W+|\d.*)$", re.I)
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
MAX_H1 = 5
H1_AGREEMENT = 0.2  # word Jaccard between an <h1> and a head title for the <h1> to be the headline
_COMPACT = re.compile(r"[\W_]+")
_H1_MARK = re.compile(r"\s*[¶#§]\s*$")  # a permalink mark after a documentation heading ("Tasks ¶")
_REPEATED = re.compile(r"^(.{8,}?)(?:\s+\1)+$")  # the same heading printed twice (desktop + mobile)
# host labels that never name a site ("www.", ".co.uk")
_HOST_NOISE = frozenset("www www2 m amp en com org net edu gov co uk io us de fr html blog news shop store".split())
MAX_BRAND_WORDS = 4  # a title segment this short may be a site name nobody declared
SITE_TYPES = {"WebSite", "Organization", "Corporation", "NewsMediaOrganization", "LocalBusiness"}
_LD_TYPE = re.compile(r"ld\+json", re.I)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b)\s*", re.I)
_BY_PREFIX = re.compile(r"^(.{0,30}?\b(written|posted|published|reviewed)\s+)?by[:\s]+|^author[:\s]+", re.I)
_BY_LINE = re.compile(r"^((?:written|posted|words)\s+)?by\b[:\s]*(.{0,80})$", re.I)
_ON_TAIL = re.compile(r"\s+(?:on\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
                      r"|\d)"
                      r"|(?:last\s+)?(?:updated|published|posted)\b).*$", re.I)
_DATE_TAIL = re.compile(r"\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}[/.]\d)", re.I)
_BYLINE_CLASS = re.compile(r"\bauthor(-name)?\b|byline", re.I)
PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
                  "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                  "sailthru.date", "parsely-pub-date", "article.published", "published_time",
                  "cxenseparse:recs:publishtime")
US_NEWSROOM_TZ = "America/New_York"
_DATE_CLASS = re.compile(r"date|publish|posted|timestamp|byline|article-meta|entry-meta|post-meta", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
# meta keys of publication dates beyond PUBLISHED_META ("citation_date", "w-published-date")
_PUBLISHED_KEY = re.compile(r"^(?!.*(modif|updat|expir)).*(publish|pub-?date|citation_date|created)", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WRITTEN_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+(?:19|20)\d{{2}}\b"
    r"|\b(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b",
    re.I,
)
_UPDATED_LABEL = re.compile(r"updated|modified|edited", re.I)
NEAR_HEADLINE_CHARS = 600
_LABELLED_DATE = re.compile(
    r"\b(published|posted|updated|last updated|last modified|modified)(?: on)?\s*:?\s*"
    rf"({_WRITTEN_DATE.pattern}|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)\d{{2}}\b)", re.I)
MAX_LABEL_SEARCH = 50_000
_DATE_LABEL = re.compile(r"^\W*(published|posted|updated|last updated|modified|date)( on)?\s*:?\s*", re.I)


def parse_jsonld(soup: BeautifulSoup, source: str = "", *, tags: list[Tag] | None = None) -> list[dict[str, Any]]:
    """All schema.org objects from `<script type="application/ld+json">`, flattened leniently.

    Malformed blocks are logged and skipped; `@graph` lists are expanded. `tags` is
    `descendant_tags(soup)` when the caller has it.
    """
    objects: list[dict[str, Any]] = []
    tags = descendant_tags(soup) if tags is None else tags
    scripts = [t for t in tags if t.name == "script" and attr_matches(t.get("type"), pattern=_LD_TYPE)]
    for script in scripts:
        raw = script.string or script.get_text() or ""
        if not raw.strip():
            continue
        if len(raw) > MAX_JSONLD_BYTES:
            log.warning("JSON-LD block of %d bytes skipped in %s", len(raw), source)
            continue
        data = _lenient_json(raw)
        if data is None:
            log.warning("malformed JSON-LD skipped in %s", source)
            continue
        objects.extend(_flatten(data))
    return objects


def _lenient_json(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    for candidate in (raw, re.sub(r",\s*([}\]])", r"\1", raw), re.sub(r"[\x00-\x1f]", " ", raw)):
        try:
            return json.loads(candidate)
        except (ValueError, RecursionError):
            continue
    return None


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 5:
        return
    if isinstance(data, list):
        for item in data[:200]:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
        if "@type" in data:
            yield data


def ld_types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x) for x in items if x}


def ld_names(value: Any) -> list[str]:
    """Names from a JSON-LD value that may be a string, an object or a list of either."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(item["name"])
    return [re.sub(r"\s+", " ", x).strip() for x in out if x and x.strip()]


ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "Review", "ReportageNewsArticle",
                 "AnalysisNewsArticle", "WebPage", "OpinionNewsArticle", "LiveBlogPosting", "TechArticle",
                 "ScholarlyArticle", "SocialMediaPosting", "DiscussionForumPosting", "CriticReview"}


MIN_LD_BODY = 200  # characters of a JSON-LD articleBody worth taking as the article's text
_MARKUP = re.compile(r"<[^>]{0,500}>")


def jsonld_article_body(jsonld: list[dict[str, Any]]) -> list[str]:
    """Paragraphs of the longest JSON-LD `articleBody` of an article object: the text of pages
    that render their article with scripts and leave no body in the HTML. Tags some sites leave
    in it are dropped; a short teaser (under MIN_LD_BODY characters) is not taken."""
    bodies = [o["articleBody"] for o in jsonld if ld_types(o) & ARTICLE_TYPES and isinstance(o.get("articleBody"), str)]
    if not bodies:
        return []
    text = max(bodies, key=len)
    text = html.unescape(_MARKUP.sub("\n", text.replace("</p>", "\n\n")))
    paragraphs = [_WS.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    paragraphs = [p for p in paragraphs if p]
    return paragraphs if sum(len(p) for p in paragraphs) >= MIN_LD_BODY else []


def normalize_date(value: str | None, local_tz: tzinfo | None = None) -> str | None:
    """An ISO date from a meta/JSON-LD date string; UTC times are moved to `local_tz` when given."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 64:
        return None
    m = _ISO_DATE.match(value)
    try:
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            day = datetime(y, mo, d)
            midnight = m[4] == "00" and m[5] == "00"  # a bare date stored as a time stamp
            if local_tz and m[4] and not midnight and m[7] and m[7] in ("Z", "+00:00", "+0000", "-00:00"):
                utc = datetime(y, mo, d, int(m[4]), int(m[5]), tzinfo=timezone.utc)
                day = utc.astimezone(local_tz)
            return day.date().isoformat() if 1990 <= day.year <= 2100 else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dt = dateparser.parse(value, fuzzy=True, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError, dateparser.ParserError):
        return None
    if dt.year < 1990 or dt.year > 2100:
        return None
    return dt.date().isoformat()


_INDEXED = frozenset(["meta", "title", "h1", "link", "time", "html"])


def _index(soup: BeautifulSoup, tags: list[Tag] | None = None) -> dict[str, Any]:
    """One pass over the tags metadata reads: meta contents by key, first title/h1/canonical/html."""
    found: dict[str, Any] = {"meta": {}, "time": [], "h1s": []}
    for tag in descendant_tags(soup) if tags is None else tags:
        name = tag.name
        if name not in _INDEXED:
            continue
        if name == "meta":
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                for attr in ("property", "name", "itemprop"):
                    key = tag.get(attr)
                    if isinstance(key, str):
                        found["meta"].setdefault(key.strip().casefold(), _WS.sub(" ", content).strip())
        elif name == "time":
            found["time"].append(tag)
        elif name == "h1":
            found.setdefault("h1", tag)
            found["h1s"].append(tag)
        elif name == "link":
            if "canonical" in (tag.get("rel") or []):
                found.setdefault("canonical", tag.get("href"))
        else:
            found.setdefault(name, tag)
    return found


def _meta(index: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = index["meta"].get(name.casefold())
        if value:
            return value
    return None


def clean_title(title: str | None, site_name: str | None, *, names: Iterable[str] = (),
                hosts: Iterable[str] = ()) -> str | None:
    """`<title>` without the site-name segments at its start or end.

    A segment is the site's name when it matches `site_name`, one of `names` (JSON-LD publisher,
    `WebSite`), or a label of the page's host (`hosts`, e.g. "bogleheads" for "Bogleheads.org").
    When none matches, a short last segment after a longer rest ("... – Screen Notes") is taken
    for an undeclared brand; any other title is kept whole, subtitles included.
    """
    if not title:
        return None
    title = _WS.sub(" ", title).strip()
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _TITLE_SEPARATORS.findall(title)
    sites = [n for n in [site_name, *names] if n]
    labels = list(hosts)
    i, j = 0, len(parts)
    while j - i > 1 and _is_site_name(parts[j - 1], sites, labels):
        j -= 1
    while j - i > 1 and _is_site_name(parts[i], sites, labels):
        i += 1
    if (i, j) == (0, len(parts)):
        last, rest = parts[-1].split(), title[:len(title) - len(parts[-1]) - len(seps[-1])]
        return rest if len(last) <= MAX_BRAND_WORDS and len(last) < len(rest.split()) else title
    return parts[i] + "".join(seps[k - 1] + parts[k] for k in range(i + 1, j))


def _compact(text: str) -> str:
    return _COMPACT.sub("", text.casefold())


def _is_site_name(segment: str, names: list[str], hosts: list[str]) -> bool:
    """Whether a title segment (or an `<h1>`) is the site's name rather than the page's."""
    seg = _compact(segment)
    if not seg:
        return True
    n_words = len(segment.split())
    for name in names:
        cn = _compact(name)
        if cn and (seg == cn or (len(seg) >= 4 and seg in cn)
                   or (len(cn) >= 4 and cn in seg and n_words <= len(name.split()) + 2)):
            return True
    for label in hosts:  # "Bogleheads.org", "Hacker News" on news.ycombinator.com is not matched
        if seg == label or (len(label) >= 4 and seg.startswith(label) and len(seg) - len(label) <= 4) \
                or (n_words <= 3 and len(label) >= 5 and label in seg and not re.search(r"\d", segment)):
            return True
    return False


def _host_labels(*urls: Any) -> list[str]:
    """Distinctive labels of the page's host names ("recsports" for recsports.utexas.edu)."""
    out: list[str] = []
    for url in urls:
        try:
            host = urlsplit(url).hostname if isinstance(url, str) else None
        except ValueError:  # "http://[bad"
            host = None
        for label in (host or "").split("."):
            if len(label) >= 3 and label not in _HOST_NOISE and label not in out:
                out.append(label)
    return out


def _site_names(site_name: str | None, index: dict[str, Any], article: dict[str, Any],
                jsonld: list[dict[str, Any]]) -> list[str]:
    """Every name the page gives itself: og:site_name, application-name, the JSON-LD publisher
    and `WebSite` / `Organization` objects."""
    names = [site_name, _meta(index, "og:site_name"), _meta(index, "application-name")]
    names += ld_names(article.get("publisher"))
    names += [o["name"] for o in jsonld[:50] if ld_types(o) & SITE_TYPES and isinstance(o.get("name"), str)]
    return list(dict.fromkeys(_WS.sub(" ", n).strip() for n in names if n and n.strip()))


def extract_meta(soup: BeautifulSoup, jsonld: list[dict[str, Any]], url: str | None = None, *,
                 tags: list[Tag] | None = None) -> Meta:
    """Metadata from meta tags, JSON-LD, `<time>`, `<h1>`, `<title>` and the URL."""
    tags = descendant_tags(soup) if tags is None else tags  # `soup.find_all(True)`
    index = _index(soup, tags)
    article = next((o for o in jsonld if ld_types(o) & ARTICLE_TYPES and o.get("headline")), None) \
        or next((o for o in jsonld if ld_types(o) & ARTICLE_TYPES), None) or {}
    site_name = _meta(index, "og:site_name", "application-name")
    if not site_name and isinstance(article.get("publisher"), dict):
        names = ld_names(article["publisher"])
        site_name = names[0] if names else None
    page_url = url or _meta(index, "og:url")
    canonical_url = index.get("canonical")
    language = _language(index)
    return Meta(
        headline=_headline(index, article, _site_names(site_name, index, article, jsonld),
                           _host_labels(page_url, canonical_url)),
        description=_meta(index, "og:description", "description", "twitter:description"),
        site_name=site_name,
        authors=_authors(soup, index, article, jsonld, tags),
        published=(_published(index, article, [page_url, canonical_url], _local_tz(index))
                   or _date_near_headline(index) or _visible_date(soup, tags) or _labelled_date(soup)),
        modified=(normalize_date(_meta(index, "article:modified_time", "og:updated_time", "dateModified"))
                  or normalize_date(_str(article.get("dateModified")))),
        language=language,
        url=page_url if isinstance(page_url, str) else None,
        canonical_url=canonical_url if isinstance(canonical_url, str) else None,
    )


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _headline(index: dict[str, Any], article: dict[str, Any], sites: list[str] | None = None,
              hosts: list[str] | None = None) -> str | None:
    """The visible `<h1>` when it names the same story as og:title / JSON-LD (or, without them,
    `<title>`); else og:title, JSON-LD headline, `<title>` (without the site name) or the `<h1>`.

    Titles in the head are often written for search engines ("Top 10 X of 2025 | Site"); the
    `<h1>` is what the reader sees. An `<h1>` sharing few words with them is a logo or a
    section name ("Blog", "Contact Us") and is not taken, nor is one that is the site's name.
    An `<h1>` that is a head title plus words no head title has (a dateline, "Posted on ...
    by ...", a widget's label) gives way to that head title.
    """
    sites, hosts = sites or [], hosts or []
    title_tag = index.get("title")
    title = _WS.sub(" ", title_tag.get_text()).strip() if title_tag else None
    ld_headline = _str(article.get("headline"))
    ld_headline = _WS.sub(" ", html.unescape(ld_headline)).strip() if ld_headline else None  # "&#8211;"
    refs = [x for x in (_meta(index, "og:title", "twitter:title"), ld_headline) if x] \
        or ([title] if title else [])
    h1s = []
    for h1 in index["h1s"][:MAX_H1]:
        text = _H1_MARK.sub("", _WS.sub(" ", h1.get_text(" ")).strip())
        repeated = _REPEATED.match(text)
        text = repeated[1] if repeated else text
        if text and len(text) <= 300 and not _is_site_name(text, sites, hosts):
            h1s.append(text)
    best, best_score = None, 0.0
    for text in h1s:
        words = _words(text)
        score = max((len(words & _words(r)) / len(words | _words(r)) for r in refs), default=0.0)
        if words and score > best_score:
            best, best_score = text, score
    if best and best_score >= H1_AGREEMENT:
        return _h1_without_extras(best, refs, [x for x in (title, *refs) if x], sites, hosts)
    headline = clean_title(refs[0], None, names=sites, hosts=hosts) if refs else None
    return headline or (h1s[0] if h1s else None)


def _h1_without_extras(h1: str, refs: list[str], heads: list[str], sites: list[str],
                       hosts: list[str]) -> str:
    """The head title that the `<h1>` starts or ends with, when the `<h1>` adds words (a date, a
    byline, a widget label) that no head title has; else the `<h1>`."""
    h1_words = h1.split()
    whole = _compact(h1)
    if any(whole in _compact(h) for h in heads):
        return h1
    for ref in refs:
        ref = clean_title(ref, None, names=sites, hosts=hosts) or ref
        n = len(ref.split())
        if n < 3 or len(h1_words) < n + 2:
            continue
        target = _compact(ref)
        if _compact(" ".join(h1_words[:n])) == target or _compact(" ".join(h1_words[-n:])) == target:
            return ref
    return h1


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _authors(soup: BeautifulSoup, index: dict[str, Any], article: dict[str, Any],
             jsonld: list[dict[str, Any]], tags: list[Tag] | None = None) -> list[str]:
    """Authors from JSON-LD, meta tags, the byline markup or a "By ..." line under the `<h1>`,
    whichever first gives real names."""
    sources = [
        lambda: ld_names(_resolve_ids(article.get("author"), jsonld)),
        lambda: _split_names(_meta(index, "author", "article:author", "parsely-author", "sailthru.author",
                                   "dc.creator", "byl")),
        lambda: _byline(soup, tags),
        lambda: _byline_near_headline(index),
    ]
    for source in sources:
        names = [n for n in (_clean_author(x) for x in source()) if n]
        if names:
            return list(dict.fromkeys(names))
    return []


def _resolve_ids(value: Any, jsonld: list[dict[str, Any]]) -> Any:
    """JSON-LD references (`{"@id": ...}`, as Yoast's `@graph` writes authors) replaced by the
    objects they point to."""
    items = value if isinstance(value, list) else [value]
    if not any(isinstance(x, dict) and "@id" in x and "name" not in x for x in items):
        return value
    by_id = {o["@id"]: o for o in jsonld if isinstance(o.get("@id"), str)}
    return [by_id.get(x["@id"], x)
            if isinstance(x, dict) and "name" not in x and isinstance(x.get("@id"), str) else x
            for x in items]


def _byline_near_headline(index: dict[str, Any]) -> list[str]:
    """The name in a "By Dana Okafor" line just below the `<h1>`."""
    h1 = index.get("h1")
    if not isinstance(h1, Tag):
        return []
    nodes = _visible_nodes(h1.next_elements, NEAR_HEADLINE_CHARS // 2)
    strings = [_WS.sub(" ", x).strip() for x in nodes]
    for i, text in enumerate(strings):
        if _mid_sentence(nodes[i]):
            continue  # "... picked up <i>Crown of Salt</i> by Tania Herrero": a paragraph's words, no byline
        m = _BY_LINE.match(text)
        if m:
            rest = m[2] or (strings[i + 1] if i + 1 < len(strings) else "")
            return _split_names(rest) if rest[:1].isupper() else []  # not "By logging in, you ..."
    return []


def _split_names(value: str | None) -> list[str]:
    if not value or value.startswith("http"):
        return []
    return [x for x in _NAME_SPLIT.split(value) if x.strip()]


def _byline(soup: BeautifulSoup, tags: list[Tag] | None = None) -> list[str]:
    """Names in the first `rel=author` / author-classed element that holds any."""
    tags = descendant_tags(soup) if tags is None else tags
    rel = list(islice((t for t in tags if "rel" in t.attrs and attr_matches(t.attrs["rel"], string="author")), 3))
    cls = list(islice((t for t in tags if _class_may_match(t, _BYLINE_CLASS)
                       and attr_matches(t.attrs["class"], pattern=_BYLINE_CLASS)), 10))
    for tag in rel + cls:
        text = tag.get_text(" ", strip=True)
        if text and len(text) < 120:
            names = [n for n in (_clean_author(x) for x in _split_names(text)) if n]
            if names:
                return names
    return []


def _clean_author(name: str) -> str | None:
    """A person's or desk's name, or None for junk ("Share", a date, a URL, a long sentence)."""
    name = _WS.sub(" ", html.unescape(name)).strip()
    name = _ON_TAIL.sub("", _BY_PREFIX.sub("", name))
    name = _DATE_TAIL.split(name)[0].strip(" ,|-–—·")
    if not name or len(name) > 60 or name.startswith("http") or "@" in name:
        return None
    if _JUNK_AUTHORS.match(name) or re.search(r"\d", name):
        return None
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


def _published(index: dict[str, Any], article: dict[str, Any], urls: list[Any], tz: tzinfo | None) -> str | None:
    """Publication date: meta tags, JSON-LD, `<time>`, then a date in the URL."""
    value = (normalize_date(_meta(index, *PUBLISHED_META), tz)
             or normalize_date(_meta(index, *(k for k in index["meta"] if _PUBLISHED_KEY.search(k))), tz)
             or normalize_date(_str(article.get("datePublished")), tz)
             or normalize_date(_str(article.get("dateCreated")), tz))
    if value:
        return value
    times = index["time"][:5]  # a machine-readable datetime before any shown text ("02-12-2025")
    for value in [_str(t.get("datetime")) for t in times] + [t.get_text() for t in times]:
        value = normalize_date(value, tz)
        if value:
            return value
    for u in urls:
        m = _URL_DATE.search(u) if isinstance(u, str) else None
        if m:
            return normalize_date(f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}")
    return None


def _date_near_headline(index: dict[str, Any]) -> str | None:
    """A written-out date just below (or above) the `<h1>`: the dateline a reader sees.

    Only unambiguous forms are read ("March 5, 2024", "5th March 2024", "2024-03-05"); a date
    labelled "Updated" is taken only when no other date is there.
    """
    h1 = index.get("h1")
    if not isinstance(h1, Tag):
        return None
    found: list[tuple[bool, str]] = []
    for strings in (_strings_after(h1), _strings_before(h1)):
        text = " ".join(strings)
        prev_end = 0
        for m in _WRITTEN_DATE.finditer(text):
            value = normalize_date(m[0])
            label = text[max(prev_end, m.start() - 30):m.start()]
            prev_end = m.end()
            if value:
                found.append((bool(_UPDATED_LABEL.search(label)), value))
        if found:
            break
    return min(found, key=lambda f: f[0])[1] if found else None


def _strings_after(tag: Tag, limit: int = NEAR_HEADLINE_CHARS) -> list[str]:
    return _visible_strings(tag.next_elements, limit)


def _strings_before(tag: Tag, limit: int = NEAR_HEADLINE_CHARS // 3) -> list[str]:
    return _visible_strings(tag.previous_elements, limit)[::-1]


def _visible_strings(nodes: Iterable, limit: int) -> list[str]:
    """Non-blank text nodes (not comments) in walking order, until `limit` characters."""
    return [str(node) for node in _visible_nodes(nodes, limit)]


def _visible_nodes(nodes: Iterable, limit: int) -> list[NavigableString]:
    out, size = [], 0
    for node in nodes:
        if is_text(node) and node.strip():
            out.append(node)
            size += len(node)
            if size > limit:
                break
    return out


_BYLINE_LEAD_WORDS = frozenset(("posted", "written", "words", "reviewed", "published", "story", "text"))


def _mid_sentence(node: NavigableString) -> bool:
    """A text node that goes on from words before it in the same paragraph (after an inline element
    that ends without a full stop), not one that starts a line."""
    prev = node.previous_sibling
    while prev is not None and isinstance(prev, NavigableString) and not prev.strip():
        prev = prev.previous_sibling
    if prev is None or (isinstance(prev, Tag) and prev.name in ("br", "hr", "img")):
        return False
    before = (prev.get_text() if isinstance(prev, Tag) else str(prev)).rstrip()
    if not before or before.rsplit(None, 1)[-1].casefold() in _BYLINE_LEAD_WORDS:
        return False  # "<span>Posted</span> by Dana Okafor"
    return before[-1] not in ".!?:|·•–—-" and node.parent is not None \
        and node.parent.name in ("p", "li", "blockquote", "em", "i", "b", "strong")


def _labelled_date(soup: BeautifulSoup) -> str | None:
    """A date anywhere on the page behind a label ("Posted on April 13, 2023", "Last updated:
    10/31/2024"); a publication label wins over an update label."""
    body = soup.body
    if not isinstance(body, Tag):
        return None
    text = _WS.sub(" ", body.get_text(" "))[:MAX_LABEL_SEARCH]
    found = [(bool(_UPDATED_LABEL.match(m[1])), normalize_date(m[2])) for m in _LABELLED_DATE.finditer(text)]
    found = [f for f in found if f[1]]
    return min(found, key=lambda f: f[0])[1] if found else None


def _class_may_match(tag: Tag, pattern: re.Pattern[str]) -> bool:
    """False when no class of `tag` can match `pattern` (an unanchored pattern whose matches in one
    class name are matches in the space-joined names too): one search instead of one per name."""
    cls = tag.attrs.get("class")
    if cls is None:
        return False
    return pattern.search(" ".join(cls) if isinstance(cls, list) else cls) is not None


def _visible_date(soup: BeautifulSoup, tags: list[Tag] | None = None) -> str | None:
    """A date shown near the byline ("Published March 5, 2024") when no markup gives one."""
    tags = descendant_tags(soup) if tags is None else tags
    dated = islice((t for t in tags if _class_may_match(t, _DATE_CLASS)
                    and attr_matches(t.attrs["class"], pattern=_DATE_CLASS)), 20)
    for tag in dated:
        text = _WS.sub(" ", tag.get_text(" ")).strip()
        if len(text) <= 80 and _YEAR.search(text):
            value = normalize_date(_DATE_LABEL.sub("", text))
            if value:
                return value
    return None


def _local_tz(index: dict[str, Any]) -> tzinfo | None:
    """The newsroom's time zone, in which UTC stamps are turned into the day the page shows.

    A `<time>` with a local offset says it; else an American `og:locale`.
    """
    for t in index["time"][:10]:
        m = _ISO_DATE.match(str(t.get("datetime") or ""))
        if m and m[7] and m[7] not in ("Z", "+00:00", "+0000", "-00:00"):
            sign, digits = (1 if m[7][0] == "+" else -1), m[7][1:].replace(":", "")
            return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    # og:locale is set by the newsroom; `<html lang="en-US">` is a CMS default and says little
    locale = (_meta(index, "og:locale") or "").replace("_", "-").casefold()
    if locale == "en-us":
        try:
            return ZoneInfo(US_NEWSROOM_TZ)
        except (ZoneInfoNotFoundError, ValueError):
            return None
    return None


def _language(index: dict[str, Any]) -> str | None:
    html = index.get("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    lang = lang or _meta(index, "og:locale", "language", "content-language", "dc.language")
    return lang.replace("_", "-").split("-")[0].strip().lower() or None if isinstance(lang, str) and lang else None
