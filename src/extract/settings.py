"""Selectors, tag sets and word lists for the cleaner: data, not logic."""

from __future__ import annotations

import re

DROP_TAGS = ["script", "style", "template", "svg", "canvas", "iframe", "object", "embed",
             "input", "head", "link", "meta", "video", "audio", "textarea", "select", "datalist"]
# dropped unless they hold a large share of the page's prose (some sites wrap everything in them;
# script-rendered pages put the article for crawlers in <noscript>)
WEAK_DROP_TAGS = {"nav", "footer", "header", "aside", "form", "menu", "button", "map",
                  "dialog", "noscript"}
# the main block is looked for outside these when any scored block lies outside them
FURNITURE_TAGS = {"footer", "aside", "nav"}
FURNITURE_ROLES = {"contentinfo", "complementary", "navigation"}
# a dropped block is kept when its paragraphs hold this many characters and SPARE_RATIO times
# the paragraph text of the rest of the page
SPARE_MIN_CHARS = 500
SPARE_RATIO = 3.0
GUARD_SHARE = {"weak": 0.3, "strong": 0.6}
MAX_WEAK_SHARE = 0.6
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
MAX_WALK_DEPTH = 150


def _up_to_closing(tag: str) -> str:
    """What `.*?</tag\\s*>` matches (the shortest run up to the closing tag), as runs without "<"
    instead of one lazy step per character."""
    return rf"[^<]*+(?:<(?!/{tag}\s*>)[^<]*+)*+</{tag}\s*>"


# removed from the markup before parsing (the HTML parser ends these at the same closing tag):
# <script> (group 1: a JSON-LD one, kept as it is), <style>, <svg> and comments. The same matches as
# `(<script\b[^>]*ld\+json[^>]*>.*?</script\s*>)|<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|
# <svg\b[^>]*>.*?</svg\s*>|<!--.*?-->` (checked equal on 1,236 pages), three times faster: the leading
# "<" is tried once per position and the bodies are read run by run.
PRESTRIP_RE = re.compile(
    r"<(?:(script\b[^>]*ld\+json[^>]*>" + _up_to_closing("script") + ")|"
    r"script\b[^>]*>" + _up_to_closing("script") + r"|style\b[^>]*>" + _up_to_closing("style") + "|"
    r"svg\b[^>]*>" + _up_to_closing("svg") + r"|!--[^-]*+(?:-(?!->)[^-]*+)*+-->)",
    re.I | re.S,
)

# a <td> holding any of these is page layout (walked as a container), not a table cell
LAYOUT_CELL_TAGS = ["table", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre"]

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

BLOCK_TAGS = {"p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead",
              "tfoot", "tr", "pre", "figure", "center", "address", "details", "summary", "hr",
              "body", "html", "header", "footer", "hgroup"}

INLINE_SPAN_TAGS = {"i": "emphasis", "em": "emphasis", "cite": "emphasis", "q": "quote",
                    "b": "strong", "strong": "strong", "a": "link"}

# formatting tags an editor can split a word across ("<em>b</em><em>y Your Name</em>"): two
# adjacent ones of the same name join without a space, and their spans become one
SPLIT_WORD_TAGS = {"i", "em", "cite", "b", "strong", "u", "mark"}

BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu",
                     "menubar", "dialog", "alertdialog"}

# class/id words of blocks that are never article text
STRONG_BOILERPLATE_RE = re.compile(
    r"(^|[\s_-])(cookies?|consent|gdpr|newsletter|comments?|comment-list|disqus|outbrain|taboola|"
    r"share|sharing|social|share-?bar|related|related-?(posts|articles|stories|content)|"
    r"recommended|more-stories|read-more|trending|popular|breadcrumbs?|ad-slot|adunit|advert|"
    r"advertisement|ads|sponsored|paywall|subscribe|signup|sign-up|visually-hidden|sr-only|"
    r"screen-reader-text|print-only|author-bio|skip-link|reflist|references|mw-references-wrap|"
    r"mw-editsection|navbox)([\s_-]|$)",
    re.I,
)
# class/id words of blocks that are usually boilerplate (kept when they hold much of the page)
BOILERPLATE_RE = re.compile(
    r"(^|[\s_-])(nav|navbar|navigation|menu|header|masthead|footer|sidebar|side-bar|"
    r"promo|ad|sponsor|respond|modal|popup|overlay|banner|toolbar|pagination|pager|tags?|"
    r"byline|dateline|meta|author|skip|hidden)([\s_-]|$)",
    re.I,
)
# class/id words that mark the article body (preferred container; never dropped)
CONTENT_RE = re.compile(
    r"(^|[\s_-])(article-?body|articlebody|article__body|post-?content|post-?body|post-entry|"
    r"entry-?content|story-?body|story-content|article-?content|content-?body|article-text|"
    r"body-?text|article__content|articletext|storycontent|main-text|rich-text-article)([\s_-]|$)",
    re.I,
)
# class/id words of blocks that caption a picture (span kind "caption")
CAPTION_RE = re.compile(r"(^|[\s_-])(caption|figcaption|wp-caption-text|photo-?credit|image-?credit|"
                        r"credit|media-caption|img-caption)([\s_-]|$)", re.I)
# a container marked as the article body is passed over when the best-scoring block lies outside
# it and holds more than 1/MARKED_MIN_SHARE times its prose (e.g. a "post-content" comment box)
MARKED_MIN_SHARE = 0.25
# most blocks of the chosen block's tag and classes taken with it (forum posts, article sections)
MAX_REPEATS = 200
SCORED_TAGS = ["p", "pre", "blockquote", "li", "h2", "h3", "td"]
# a paragraph counts as prose when this long with few links; the main block is widened to the
# nearest ancestor holding this share of the page's prose
PROSE_MIN_CHARS = 60
PROSE_MAX_LINKS = 0.3
PROSE_SHARE = 0.6
# containers whose own text (between <br>s) counts as paragraphs
LOOSE_TEXT_TAGS = ["div", "section", "article", "main", "span", "font", "center"]
# blocks this long that repeat one already emitted word for word are left out when they make up
# more than REPEAT_SHARE of the text (a page rendering its article twice)
REPEAT_MIN_CHARS = 80
REPEAT_SHARE = 0.3
# containers skipped inside the article when most of their text is links
LINK_LIST_TAGS = {"ul", "ol", "div", "section", "p", "table", "dl"}
LINK_DENSITY = 0.6
LINK_DENSITY_P = 0.8
# short lines that are page furniture, not article text
JUNK_LINE_RE = re.compile(
    r"^(advertisement|advertisements?|ad|sponsored|read more|read next|related|see also|share|"
    r"share this( article| story)?|tweet|email|print|follow us.*|sign up.*|subscribe.*|"
    r"click here.*|continue reading.*|skip (to )?(main )?content|loading\.*|comments?|"
    r"\d+ comments?|story continues below|scroll to continue.*|caption|close|advert|iklan|like this|"
    r"like loading.*|getty( images)?|image copyright.*|(photo|image|picture|credit)s?\s?:.*|"
    r"media playback is unsupported.*|don.t miss|our latest stories|more great .* stories|"
    r"tell us what you think.*|breaking news emails|image \d+ of \d+|"
    r"(show|hide|toggle|view|expand) (the )?(caption|image|photo|gallery)s?|image caption|enlarge this image)\W*$",
    re.I,
)

# a "Key: value" line; its key counts as a fact when it is one of FACT_KEYS
FACT_LINE_RE = re.compile(r"^\s*([A-Z][\w /&()'-]{1,40}?)\s*[:：]\s+(\S.{0,600})$")
# facts run together on one line: "Director: Dana Vore · Stars: Ana Pereira, Jonas Berg", at the start of
# the line or after a sentence, each up to the next bullet
FACT_SEPARATOR_RE = re.compile(r"\s+[·|•]\s+")
INLINE_FACT_RE = re.compile(r"(?:^|(?<=[.!?])\s+)([A-Z][\w /&'-]{1,30}?)\s*[:：]\s+(\S.*)", re.S)
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
    "artist", "album", "label", "record label", "host", "hosts", "presenter", "rating", "author", "authors",
    "publisher", "developer",
}
