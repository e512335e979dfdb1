"""Selectors, tag sets and word lists for the cleaner: data, not logic."""

from __future__ import annotations

import re

DROP_TAGS = ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
             "form", "button", "input", "select", "textarea", "nav", "footer", "header", "aside",
             "head", "link", "meta", "video", "audio", "map", "dialog"]

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

BLOCK_TAGS = {"p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead",
              "tfoot", "tr", "pre", "figure", "center", "address", "details", "summary", "hr",
              "body", "html", "header", "footer", "hgroup"}

INLINE_SPAN_TAGS = {"i": "emphasis", "em": "emphasis", "cite": "emphasis", "q": "quote",
                    "b": "strong", "strong": "strong", "a": "link"}

BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu",
                     "menubar", "dialog", "alertdialog"}

BOILERPLATE_RE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|header|masthead|footer|sidebar|side-bar|widget|"
    r"cookie|consent|gdpr|newsletter|subscribe|signup|sign-up|promo|advert|ads?|ad-slot|adunit|"
    r"sponsor|share|sharing|social|related|recommended|more-stories|read-more|trending|popular|"
    r"comments?|disqus|respond|outbrain|taboola|modal|popup|overlay|banner|toolbar|pagination|"
    r"tags?|author-bio|byline|dateline|skip|visually-hidden|sr-only|print-only)([\s_-]|$)",
    re.I,
)
# class/id words that mark content even when a boilerplate word is also present
CONTENT_RE = re.compile(r"(^|[\s_-])(article-body|articlebody|post-content|entry-content|story-body|"
                        r"main-content|article-content|content-body)([\s_-]|$)", re.I)

# keys of fact lists ("Title: ...", "Release date: ...") the extractor understands
FACT_KEYS = {
    "title", "original title", "format", "type", "genre", "genres", "country", "countries",
    "country of production", "country of origin", "language", "languages", "original language",
    "release date", "released", "premiere", "premiere date", "first aired", "air date", "release",
    "release year", "year", "creator", "creators", "created by", "director", "directors",
    "directed by", "writer", "writers", "written by", "screenplay", "lead cast", "cast", "starring",
    "stars", "main cast", "produced by", "producer", "producers", "executive producer",
    "executive producers", "showrunner", "network", "platform", "streaming on", "where to watch",
    "available on", "studio", "distributor", "runtime", "running time", "episodes",
    "number of episodes", "seasons", "number of seasons", "music by", "composer", "based on",
    "artist", "album", "label", "record label", "host", "hosts", "presenter", "rating",
}
