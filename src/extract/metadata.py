"""Page metadata: headline, description, site name, authors, dates, language, URLs, JSON-LD."""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from typing import Any, Iterator

from bs4 import BeautifulSoup, Tag
from dateutil import parser as dateparser

from .schema import Meta

log = logging.getLogger(__name__)

MAX_JSONLD_BYTES = 2_000_000
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")
_JUNK_AUTHORS = re.compile(r"^(share|tweet|email|by|staff|admin|facebook|twitter|\W+|\d.*)$", re.I)


def parse_jsonld(soup: BeautifulSoup, source: str = "") -> list[dict[str, Any]]:
    """All schema.org objects from `<script type="application/ld+json">`, flattened leniently.

    Malformed blocks are logged and skipped; `@graph` lists are expanded.
    """
    objects: list[dict[str, Any]] = []
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
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
                 "AnalysisNewsArticle", "WebPage", "OpinionNewsArticle", "LiveBlogPosting"}


def normalize_date(value: str | None) -> str | None:
    """An ISO date (or datetime, when a time is given) from a meta/JSON-LD date string."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 64:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?", value)
    try:
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            datetime(y, mo, d)
            return f"{y:04d}-{mo:02d}-{d:02d}"
        dt = dateparser.parse(value, fuzzy=True, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if dt.year < 1990 or dt.year > 2100:
        return None
    return dt.date().isoformat()


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name}) \
            or soup.find("meta", attrs={"itemprop": name})
        if isinstance(tag, Tag):
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                return re.sub(r"\s+", " ", content).strip()
    return None


def clean_title(title: str | None, site_name: str | None) -> str | None:
    """`<title>` without the site-name suffix or prefix."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        if site_name:
            sn = site_name.casefold()
            kept = [p for p in parts if p.casefold() not in sn and sn not in p.casefold()]
            if kept:
                return " - ".join(kept)
        return max(parts, key=len)
    return title


def extract_meta(soup: BeautifulSoup, jsonld: list[dict[str, Any]], url: str | None = None) -> Meta:
    """Metadata from meta tags, JSON-LD, `<time>`, `<h1>`, `<title>` and the URL."""
    article = next((o for o in jsonld if ld_types(o) & ARTICLE_TYPES and o.get("headline")), None) \
        or next((o for o in jsonld if ld_types(o) & ARTICLE_TYPES), None) or {}

    site_name = _meta(soup, "og:site_name", "application-name")
    if not site_name and isinstance(article.get("publisher"), dict):
        names = ld_names(article["publisher"])
        site_name = names[0] if names else None

    title_tag = soup.find("title")
    title = clean_title(title_tag.get_text() if title_tag else None, site_name)
    h1 = soup.find("h1")
    h1_text = re.sub(r"\s+", " ", h1.get_text(" ")).strip() if h1 else None
    headline = (_meta(soup, "og:title", "twitter:title")
                or (article.get("headline") if isinstance(article.get("headline"), str) else None)
                or h1_text or title)
    if headline:
        headline = clean_title(headline, site_name)
        if h1_text and title and len(h1_text) > 10 and h1_text.casefold() in (headline or "").casefold():
            headline = h1_text

    authors = ld_names(article.get("author")) if article else []
    if not authors:
        a = _meta(soup, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
        if a and not a.startswith("http"):
            authors = [x.strip() for x in re.split(r",| and ", a) if x.strip()]
    if not authors:
        byline = soup.find(attrs={"rel": "author"}) or soup.find(class_=re.compile(r"\bauthor(-name)?\b|byline", re.I))
        if isinstance(byline, Tag):
            text = re.sub(r"^\s*by\s+", "", byline.get_text(" ", strip=True), flags=re.I)
            if 2 < len(text) < 60:
                authors = [text]
    authors = list(dict.fromkeys(a for a in authors if not _JUNK_AUTHORS.match(a) and len(a) < 80))

    published = (normalize_date(_meta(soup, "article:published_time", "og:published_time", "datePublished",
                                       "pubdate", "publishdate", "date", "dc.date", "DC.date.issued",
                                       "sailthru.date", "parsely-pub-date"))
                 or normalize_date(article.get("datePublished") if article else None)
                 or normalize_date(article.get("dateCreated") if article else None))
    if not published:
        for t in soup.find_all("time", limit=5):
            published = normalize_date(t.get("datetime") or t.get_text())
            if published:
                break
    page_url = url or _meta(soup, "og:url")
    canonical = soup.find("link", rel="canonical")
    canonical_url = canonical.get("href") if isinstance(canonical, Tag) else None
    if not published:
        for u in (page_url, canonical_url):
            m = _URL_DATE.search(u or "") if isinstance(u, str) else None
            if m:
                published = normalize_date(f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}")
                break
    modified = (normalize_date(_meta(soup, "article:modified_time", "og:updated_time", "dateModified"))
                or normalize_date(article.get("dateModified") if article else None))
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    lang = lang or _meta(soup, "og:locale", "language", "content-language")
    language = lang.replace("_", "-").split("-")[0].lower() if isinstance(lang, str) and lang else None
    return Meta(
        headline=headline,
        description=_meta(soup, "og:description", "description", "twitter:description"),
        site_name=site_name,
        authors=authors,
        published=published,
        modified=modified,
        language=language,
        url=page_url if isinstance(page_url, str) else None,
        canonical_url=canonical_url if isinstance(canonical_url, str) else None,
    )
