"""HTML cleaning: decoded page -> `CleanDocument` (main text with structure, facts, JSON-LD, meta).

Boilerplate (navigation, headers, footers, cookie and newsletter boxes, share bars, related
lists, comments, ads, scripts) is removed; the main content block is chosen by text density;
its blocks are linearised into text with character spans for headings, list items, table
cells, emphasis and quotations. Selectors and word lists live in `extract.settings`.
"""

from __future__ import annotations

import gc
import os
import re
from bisect import bisect_left
from contextlib import contextmanager
from typing import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from . import settings
from .decode import decode
from .document import CleanDocument, Fact, RawDocument, TextSpan
from .errors import SkipDocument
from .language import detect_language
from .metadata import extract_meta, jsonld_article_body, parse_jsonld
from .soupbuild import bs4_soup, fast_soup
from .treeops import TextSizes, attr_matches, descendant_tags, is_text

_WS = re.compile(r"\s+")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,120})[\"”]|(?<![\w])['‘]([^'‘’\n]{2,80})['’](?![\w])")
# matches wherever one of the three class/id rules matches: most idents are settled by one search
_ANY_MARK = re.compile("|".join(f"(?:{r.pattern})" for r in (
    settings.CONTENT_RE, settings.STRONG_BOILERPLATE_RE, settings.BOILERPLATE_RE)), re.I)


def parse_html(text: str) -> BeautifulSoup:
    """bs4 tree from lxml's HTML parser (which never expands external or nested entities).

    The tree is bs4's, but built from lxml's own tree in one walk (`soupbuild`, twice as fast as
    bs4's builder); bs4 builds it when that cannot (`EXTRACT_SOUP=bs4` makes it always do)."""
    if os.environ.get("EXTRACT_SOUP", "").lower() != "bs4":
        soup = fast_soup(text)
        if soup is not None:
            return soup
    return bs4_soup(text)


def _prestrip(text: str) -> str:
    """Cut scripts (but JSON-LD), styles, SVG and comments before parsing: bs4 pays per node."""
    return settings.PRESTRIP_RE.sub(lambda m: m[0] if m[1] is not None else " ", text)


def clean(raw: RawDocument, *, max_bytes: int = 20_000_000) -> CleanDocument:
    """Decode, parse and clean one page."""
    text = decode(raw.content, max_bytes=max_bytes)
    with _gc_paused():
        soup = parse_html(_prestrip(text))
        try:
            return _clean_tree(raw, soup)
        finally:
            soup.decompose()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a page's tree is built and read.

    A bs4 tree is tens of thousands of objects linked both ways (parent, children, next and
    previous element): building it set off hundreds of collections per page that traversed the
    growing tree again and again, about a sixth of the cleaning time. The tree is freed by
    `decompose()` (which breaks its links) as soon as the page is done, so nothing waits for the
    collector; collection resumes, if it was on, when the page is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _clean_tree(raw: RawDocument, soup: BeautifulSoup) -> CleanDocument:
    tags = descendant_tags(soup)  # read by metadata and the first cleaning pass, before any change
    jsonld = parse_jsonld(soup, raw.source, tags=tags)
    meta = extract_meta(soup, jsonld, raw.url, tags=tags)
    sizes = _strip_boilerplate(soup, tags)
    # the measures are of `soup.body or soup`, found once the dropped tags were gone; removing
    # boilerplate inside it changed no body, so no search of the tree for it again
    body = sizes.order[0]
    roots = _main_blocks(soup, sizes, body)
    builder = _build(meta.headline, sizes, roots)
    # a page that renders its article twice (small and large screens): the copy is left out
    if builder.repeat_chars > settings.REPEAT_SHARE * max(1, builder.body_chars()):
        builder = _build(meta.headline, sizes, roots, skip_repeats=True)
    if not builder.has_body():  # an article rendered by scripts may still carry its text in JSON-LD
        paragraphs = jsonld_article_body(jsonld)
        if not paragraphs:
            raise SkipDocument("E006")
        for paragraph in paragraphs:
            builder.block(paragraph, "paragraph")
    if not meta.language:
        meta.language = detect_language(builder.text())
    doc = CleanDocument(source=raw.source, doc_id=raw.doc_id, text=builder.text(), meta=meta,
                        spans=builder.spans, jsonld=jsonld)
    doc.facts = _facts(doc)
    _quote_spans(doc)
    return doc


def _build(headline: str | None, sizes: TextSizes, roots: list[Tag], skip_repeats: bool = False) -> "_TextBuilder":
    builder = _TextBuilder(headline, sizes, skip_repeats)
    if headline:
        builder.block(headline, "headline")
    for root in roots:
        builder.walk(root)
    return builder


def _strip_boilerplate(soup: BeautifulSoup, all_tags: list[Tag] | None = None) -> TextSizes:
    """Remove scripts, hidden elements and class/id-marked boilerplate (never most of the page).

    `all_tags` is `descendant_tags(soup)` when the caller has it. Returns the text sizes of the
    remaining body."""
    drop = frozenset(settings.DROP_TAGS)
    all_tags = descendant_tags(soup) if all_tags is None else all_tags
    with_comments = [t for t in [soup, *all_tags] if any(isinstance(s, Comment) for s in t.contents)]
    for tag in [t for t in all_tags if t.name in drop]:
        tag.decompose()
    # a decomposed tag has no contents left: only the comments still in the page are taken out
    for c in [s for t in with_comments for s in t.contents if isinstance(s, Comment)]:
        c.extract()
    body = soup.body or soup
    sizes = TextSizes(body, settings.LAYOUT_CELL_TAGS)
    total = _prose_len(body, sizes) or 1
    # <noscript> is the crawler's copy of a script-rendered page: read only when the page has no other
    noscripts = [t for t in sizes.order[1:] if t.name == "noscript"]
    inside = sum(_prose_len(n, sizes) for n in noscripts)
    if total - inside >= inside:
        updated = sizes.remove(noscripts)
        for tag in noscripts:
            tag.decompose()
        total = max(1, total - inside)
        if noscripts and not updated:
            sizes = TextSizes(body, settings.LAYOUT_CELL_TAGS)
    found: list[tuple[Tag, str, int]] = []
    stack = [c for c in reversed(body.contents) if isinstance(c, Tag)]
    while stack:  # pre-order walk that skips the subtrees it marks
        tag = stack.pop()
        if tag.name in ("pre", "code"):  # a highlighter's "comment" and "tag" spans are code, not page parts
            continue
        verdict = _boilerplate_kind(tag)
        size = _prose_len(tag, sizes) if verdict else 0
        if verdict and size < settings.GUARD_SHARE[verdict] * total:
            found.append((tag, verdict, size))
        else:
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    # class words that match most of the page are a theme's naming, not boilerplate
    weak_share = sum(size for _, verdict, size in found if verdict == "weak") / total
    dropped = [tag for tag, verdict, _ in found if verdict == "strong" or weak_share < settings.MAX_WEAK_SHARE]
    dropped = _spare_main_text(dropped, sizes)
    updated = sizes.remove(dropped)
    for tag in dropped:
        tag.decompose()
    return sizes if updated else TextSizes(body, settings.LAYOUT_CELL_TAGS)


def _spare_main_text(dropped: list[Tag], sizes: TextSizes) -> list[Tag]:
    """`dropped` without the one marked block that holds far more paragraph prose than all the
    page outside the dropped blocks: a thread inside a "comments" box, an article inside a
    "newsletter" section. Hidden blocks are never spared."""
    if not dropped:
        return dropped
    where = {id(t): i for i, t in enumerate(dropped)}
    inside = [0] * len(dropped)
    kept = 0
    for p in sizes.order[1:]:
        if p.name != "p" or not sizes.plain(p):
            continue
        k = id(p)
        chars = sizes.chars[k]
        if chars < settings.PROSE_MIN_CHARS or sizes.link_chars[k] >= settings.PROSE_MAX_LINKS * chars:
            continue
        i = None
        for anc in p.parents:
            if anc.name == "a":  # a teaser inside a link is not prose
                break
            if i is None:
                i = where.get(id(anc))
        else:
            if i is None:
                kept += chars
            else:
                inside[i] += chars
    best = max(range(len(dropped)), key=inside.__getitem__)
    top = dropped[best]
    if inside[best] < settings.SPARE_MIN_CHARS or inside[best] < settings.SPARE_RATIO * kept or _is_hidden(top):
        return dropped
    return dropped[:best] + dropped[best + 1:]


def _is_hidden(tag: Tag) -> bool:
    attrs = tag.attrs or {}
    style = attrs.get("style")
    return attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true" or (
        isinstance(style, str) and settings.HIDDEN_STYLE_RE.search(style) is not None)


def _char_counts(tag: Tag, sizes: TextSizes | None = None) -> tuple[int, int]:
    """Non-space characters of a block's text and of its link text: from `sizes` when it measured the
    block, else counted."""
    if sizes is not None and tag in sizes and sizes.plain(tag):
        k = id(tag)
        return sizes.chars[k], sizes.link_chars[k]
    return (len(_WS.sub("", tag.get_text())),
            sum(len(_WS.sub("", a.get_text())) for a in tag.find_all("a")))


def _prose_len(tag: Tag, sizes: TextSizes | None = None) -> int:
    """Characters of text outside links: what a boilerplate rule must not throw away."""
    text, links = _char_counts(tag, sizes)
    return max(0, text - links)


_INLINE_TAGS = frozenset("a span em i b strong cite q abbr time small mark sup sub u s dfn".split())


def _in_paragraph(tag: Tag) -> bool:
    """An inline element inside a <p> (at most two levels down) with running text of its own around it."""
    parent = tag.parent
    for _ in range(2):
        if parent is None or parent.name in ("body", "html"):
            return False
        if parent.name == "p":
            return any(is_text(c) and len(c.strip()) > 20 for c in parent.descendants)
        parent = parent.parent
    return False


def _ident(tag: Tag) -> str:
    attrs = tag.attrs or {}
    cls = attrs.get("class") or []
    return " ".join(cls if isinstance(cls, list) else [str(cls)]) + " " + str(attrs.get("id") or "")


def _boilerplate_kind(tag: Tag) -> str | None:
    """"strong" (always drop), "weak" (drop unless it holds much of the page) or None."""
    if tag.name in ("html", "body", "main", "article"):
        return None
    attrs = tag.attrs or {}
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return None if tag.name in ("span", "i", "em", "b", "strong") else "weak"
    if attrs.get("role") in ("dialog", "alertdialog") or attrs.get("aria-modal") == "true":
        return "strong"  # a pop-up ("Republish this article", a sign-in box) is never the article
    style = attrs.get("style")
    if isinstance(style, str) and settings.HIDDEN_STYLE_RE.search(style):
        return "weak"
    if tag.name in settings.WEAK_DROP_TAGS or attrs.get("role") in settings.BOILERPLATE_ROLES:
        return "weak"
    ident = _ident(tag)
    if not ident.strip() or not _ANY_MARK.search(ident) or settings.CONTENT_RE.search(ident):
        return None
    if settings.STRONG_BOILERPLATE_RE.search(ident):
        return "strong"
    if tag.name in _INLINE_TAGS and _in_paragraph(tag):  # "<p>The <a id='auto-tag_doobie-brothers'>..." is text
        return None
    if not settings.BOILERPLATE_RE.search(ident):
        return None
    return None if _entry_header(tag, ident) else "weak"


def _entry_header(tag: Tag, ident: str) -> bool:
    """A list entry's own header ("chart-entry-header": artist, title, label) is not the site's header:
    a short block marked only "header" that holds a subheading."""
    marks = {m.group(2).casefold() for m in settings.BOILERPLATE_RE.finditer(ident)}
    return marks == {"header"} and tag.name not in ("header", "nav") and \
        tag.find(("h2", "h3", "h4", "h5", "h6")) is not None and len(tag.get_text()) < 300


def _main_blocks(soup: BeautifulSoup, sizes: TextSizes | None = None, body: Tag | None = None) -> list[Tag]:
    """The elements that hold the article body, in document order (`body`: `soup.body or soup`,
    when the caller has it)."""
    body = body if body is not None else (soup.body or soup)
    if not isinstance(body, Tag):
        return []
    if sizes is None or body not in sizes:
        sizes = TextSizes(body, settings.LAYOUT_CELL_TAGS)
    scores = _block_scores(body, sizes)
    if not scores:
        return [body]
    best_id = max((k for k in scores if k >= 0), key=lambda k: scores[k][0])
    best_score, best = scores[best_id]
    furniture = 0.0  # good prose of the footers and sidebars the main block was moved out of
    if _in_furniture(best, body):  # a footer or sidebar kept for its size (a long legal notice)
        above = {id(a) for a in best.parents}  # their scores are the furniture's, passed up
        outside = [k for k in scores if k >= 0 and k not in above and not _in_furniture(scores[k][1], body)]
        if outside:
            best_id = max(outside, key=lambda k: scores[k][0])
            best_score, best = scores[best_id]
            furniture = sum(scores.get(-id(t), (0.0, t))[0] for t in sizes.order[1:]
                            if _is_furniture(t) and not _in_furniture(t.parent, body))
    marked = _marked_body(body, best_score, sizes)
    # a marked container is trusted unless the best-scoring block holds far more prose outside it
    if marked and (any(m is best or m in best.parents for m in marked)
                   or sum(_prose_len(m, sizes) for m in marked)
                   >= settings.MARKED_MIN_SHARE * _prose_len(best, sizes)):
        return marked
    # a semantic container just above the best block usually holds its lead and subheadings
    for anc in [best, *best.parents][:3]:
        if isinstance(anc, Tag) and (anc.name == "article" or anc.get("itemprop") == "articleBody"):
            if _prose_len(anc, sizes) < 3 * max(1, _prose_len(best, sizes)):
                return _with_repeats(anc, body, sizes)
    wide = _widen(best, body, scores, furniture)
    return _with_repeats(wide, body, sizes) if wide is not best else _with_siblings(best, best_score, scores)


def _in_furniture(tag: Tag, body: Tag) -> bool:
    """Inside (or itself) a footer, sidebar or navigation block: page furniture that survived
    boilerplate removal because it holds much of the page's text."""
    for node in [tag, *tag.parents]:
        if node is body or not isinstance(node, Tag):
            return False
        if _is_furniture(node):
            return True
    return False


def _in_page_part(tag: Tag, body: Tag) -> bool:
    """Inside a header, footer, sidebar, navigation block, form or hidden block."""
    for node in tag.parents:
        if node is body or not isinstance(node, Tag):
            return False
        if _is_furniture(node) or node.name in ("header", "form") or _is_hidden(node):
            return True
    return False


def _is_furniture(tag: Tag) -> bool:
    return tag.name in settings.FURNITURE_TAGS or tag.get("role") in settings.FURNITURE_ROLES


def _with_repeats(block: Tag, body: Tag, sizes: TextSizes) -> list[Tag]:
    """The block and its repeats: elements of the same tag and classes holding prose (the other
    posts of a forum thread, the other sections of a long article), in document order."""
    cls = block.get("class")
    if not cls or block is body:
        return [block]
    peers = [t for t in sizes.order[1:] if t.name == block.name
             and attr_matches(t.get("class"), string=cls[0])][:settings.MAX_REPEATS]
    peers = [t for t in peers if t.get("class") == cls]
    if not _in_page_part(block, body):  # a copy in a header menu or a form is not another section
        peers = [t for t in peers if t is block or not _in_page_part(t, body)]
    out: list[Tag] = []
    for t in peers:
        if t is block or (not any(t is a for a in block.parents) and not any(block is a for a in t.parents)
                          and not any(o in t.parents for o in out) and _prose_len(t, sizes) > 0):
            out.append(t)
    return out if any(t is block for t in out) else [block]


def _block_scores(body: Tag, sizes: TextSizes) -> dict[int, tuple[float, Tag]]:
    """Readability-style scores: each paragraph credits its parent and (halved) grandparents.

    Every ancestor also collects the paragraph's length under key `-id` (its good prose).
    """
    scores: dict[int, tuple[float, Tag]] = {}
    for p, text, link_chars in _scored_blocks(body, sizes):
        score = max(0.0, len(text) - 2 * link_chars) / 100 + min(3, text.count(",")) / 3 + 1
        if p.name in ("li", "td"):
            score *= 0.5
        parent, decay = (p.parent, 1.0) if p.name in settings.SCORED_TAGS else (p, 1.0)
        for _ in range(3):
            if not isinstance(parent, Tag):
                break
            old = scores.get(id(parent), (0.0, parent))[0]
            scores[id(parent)] = (old + score * decay, parent)
            parent, decay = parent.parent, decay / 2
        if len(text) >= settings.PROSE_MIN_CHARS and link_chars < settings.PROSE_MAX_LINKS * len(text):
            node = p if p.name not in settings.SCORED_TAGS else p.parent
            while isinstance(node, Tag):
                old = scores.get(-id(node), (0.0, node))[0]
                scores[-id(node)] = (old + len(text), node)
                node = node.parent
    return scores


def _widen(best: Tag, body: Tag, scores: dict[int, tuple[float, Tag]], furniture: float = 0.0) -> Tag:
    """The nearest ancestor of `best` that holds most of the page's good prose (not counting
    `furniture`, the good prose of footers and sidebars passed over)."""
    total = scores.get(-id(body), (0.0, body))[0] - furniture
    node = best
    while node is not body and isinstance(node.parent, Tag) \
            and scores.get(-id(node), (0.0, node))[0] < settings.PROSE_SHARE * total:
        node = node.parent
    return node


def _scored_blocks(body: Tag, sizes: TextSizes) -> Iterator[tuple[Tag, str, int]]:
    """Paragraph-like blocks with their text and link characters, including `<br>`-separated text."""
    scored, loose = frozenset(settings.SCORED_TAGS), frozenset(settings.LOOSE_TEXT_TAGS)
    tags = sizes.order[1:]
    for p in tags:
        if p.name not in scored:
            continue
        text = _WS.sub(" ", p.get_text(" ")).strip()
        if len(text) >= 25:
            yield p, text, sizes.link_raw[id(p)]
    for div in tags:
        if div.name not in loose:
            continue
        own = [str(c) for c in div.contents if is_text(c)]
        text = _WS.sub(" ", " ".join(own)).strip()
        if len(text) >= 25:
            yield div, text, 0


def _marked_body(body: Tag, best_score: float, sizes: TextSizes) -> list[Tag]:
    """Containers the page marks as the article body (itemprop, class), when they hold real text."""
    found = [t for t in sizes.order[1:] if t.get("itemprop") == "articleBody"
             or settings.CONTENT_RE.search(_ident(t))]
    found = [t for t in found if not any(isinstance(a, Tag) and a in found for a in t.parents)]
    if not found:
        return []
    best = max(found, key=lambda t: _prose_len(t, sizes))
    size = _prose_len(best, sizes)
    if size < 200:
        return []
    return [t for t in found if t is best or (t.get("class") == best.get("class") and _prose_len(t, sizes) > 0)]


def _with_siblings(best: Tag, best_score: float, scores: dict[int, tuple[float, Tag]]) -> list[Tag]:
    """The best block plus siblings that score well or read like prose (readability's merge)."""
    parent = best.parent
    if not isinstance(parent, Tag):
        return [best]
    threshold = max(2.0, best_score * 0.2)
    out = []
    for sib in parent.children:
        if sib is best:
            out.append(sib)
        elif isinstance(sib, Tag):
            score = scores.get(id(sib), (0.0, sib))[0]
            if score >= threshold or (sib.name == "p" and _is_prose(sib)):
                out.append(sib)
    return out


def _is_prose(tag: Tag) -> bool:
    text = _WS.sub(" ", tag.get_text(" ")).strip()
    links = sum(len(a.get_text()) for a in tag.find_all("a"))
    return len(text) > 80 and links < 0.25 * len(text) or (0 < len(text) <= 80 and links == 0
                                                             and text.endswith((".", "!", "?")))


class _TextBuilder:
    """Linearises block elements into text with `TextSpan`s."""

    def __init__(self, headline: str | None = None, sizes: TextSizes | None = None,
                 skip_repeats: bool = False) -> None:
        self.sizes = sizes
        self.headline = _WS.sub(" ", headline or "").strip().casefold()
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[TextSpan] = []
        self._line: list[str] = []
        self._line_len = 0  # sum(len(x) for x in self._line)
        self._inline: list[tuple[int, int, str, dict[str, str]]] = []
        self._body_chars = 0
        self._pending_nested: list[Tag] = []
        self._seen: set[str] = set()  # long blocks already emitted
        self.skip_repeats = skip_repeats
        self.repeat_chars = 0  # characters of long blocks that repeat an earlier one word for word
        self._tables: dict[int, int] = {}  # id(<table>) -> its number in the page, for table_cell spans

    def _cell_attrs(self, cell: Tag, name: str) -> dict[str, str]:
        """Where a cell sits: cells in its row, its column, header or not, and which table."""
        row = cell.parent
        cells = [c for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")] if row is not None else [cell]
        col = next((i for i, c in enumerate(cells) if c is cell), 0)
        table = row.parent if row is not None else None
        while table is not None and table.name in ("tbody", "thead", "tfoot"):
            table = table.parent
        number = self._tables.setdefault(id(table), len(self._tables))
        return {"row_cells": str(len(cells)), "col": str(col), "header": "1" if name == "th" else "0",
                "table": str(number)}

    # --- block level
    def block(self, text: str, kind: str, attrs: dict[str, str] | None = None) -> None:
        text = _WS.sub(" ", text).strip()
        if not text:
            return
        self._flush()
        start = self._start_block()
        self.parts.append(text)
        self.length += len(text)
        self.spans.append(TextSpan(start, self.length, kind, attrs or {}))  # type: ignore[arg-type]

    def _start_block(self) -> int:
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        return self.length

    def body_chars(self) -> int:
        self._flush()
        return self._body_chars

    def has_body(self) -> bool:
        self._flush()
        return self._body_chars > 0

    def text(self) -> str:
        self._flush()
        return "".join(self.parts)

    def walk(self, root: Tag) -> None:
        if root.name in settings.LINK_LIST_TAGS and _link_dense(root, self.sizes):
            return
        self._walk(root, kind="paragraph")
        self._flush()

    def _walk(self, node: Tag, kind: str, depth: int = 0) -> None:
        if depth > settings.MAX_WALK_DEPTH:
            flat = node.get_text(" ")  # deeper nesting is flattened (no recursion)
            self._line.append(flat)
            self._line_len += len(flat)
            return
        after_tag: str | None = None
        for child in node.children:
            if isinstance(child, NavigableString):
                if is_text(child):
                    self._line.append(str(child))
                    self._line_len += len(child)
                    after_tag = None
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            inline_after_tag, after_tag = after_tag, name
            if name in settings.LINK_LIST_TAGS and _link_dense(child, self.sizes) \
                    and not (name in _SECTION_TAGS and _holds_prose(child, self.sizes)) \
                    and not _entry_heading(child) \
                    and not (name in ("ul", "ol") and _introduced(child)):
                self._flush(kind)
                continue
            if name in settings.HEADING_TAGS:
                self._flush(kind)
                self._inline_walk(child)
                self._flush(kind="heading")
            elif name == "li":
                self._flush(kind)
                self._inline_walk(child, allow_blocks=True)
                self._flush(kind="list_item")
            elif name in ("td", "th") and self._holds_layout(child):
                self._flush(kind)  # a layout table's cell holds paragraphs, not a value
                self._walk(child, kind, depth + 1)
                self._flush(kind)
            elif name in ("td", "th"):
                self._flush(kind)
                self._inline_walk(child, allow_blocks=True)
                self._flush(kind="table_cell", attrs=self._cell_attrs(child, name))
            elif name in ("dt", "dd"):
                self._flush(kind)
                self._inline_walk(child, allow_blocks=True)
                self._flush(kind="list_item", attrs={"dl": name})
            elif name in ("blockquote", "figcaption", "caption") or (
                    name in settings.BLOCK_TAGS and settings.CAPTION_RE.search(_ident(child))):
                name = name if name == "blockquote" else "caption"
                self._flush(kind)
                self._walk(child, "blockquote" if name == "blockquote" else "caption", depth + 1)
                self._flush("blockquote" if name == "blockquote" else "caption")
            elif name == "br":
                self._flush(kind)
            elif name in settings.BLOCK_TAGS:
                self._flush(kind)
                self._walk(child, kind, depth + 1)
                self._flush(kind)
            else:
                self._separate_after(inline_after_tag, child)
                self._inline_tag(child, kind, depth + 1)

    def _separate_words(self) -> None:
        """Between two adjacent elements ("<a>Artist</a><em>Album</em>"), which a stylesheet sets apart,
        a space when the line so far ends in a word."""
        if self._line and self._line[-1][-1:].isalnum():
            self._line.append(" ")
            self._line_len += 1

    def _separate_after(self, previous: str | None, tag: Tag) -> None:
        """Set `tag` apart from the element right before it (named `previous`, None after text), unless
        it goes on with a word an editor split across two tags of one name ("<em>b</em><em>y Your Name</em>")."""
        if previous and not (previous == tag.name and self._continues_word(tag)):
            self._separate_words()

    @staticmethod
    def _continues_word(tag: Tag) -> bool:
        """A formatting tag right after one of its own name that goes on with a lower-case letter:
        an editor split a word or a title ("<em>b</em><em>y Your Name</em>"); "<em>Up</em><em>Jaws</em>"
        stays two."""
        if tag.name not in settings.SPLIT_WORD_TAGS:
            return False
        first = next((str(s) for s in tag.strings if not str(s).isspace()), "")
        return first[:1].islower()

    def _blank_between(self, start: int, end: int) -> bool:
        """Only white space between two offsets of the line being collected ("<em>Call Me</em> <em>by</em>")."""
        if not 0 < end - start <= 3:
            return False
        return "".join(self._line)[start:end].isspace()

    def _holds_layout(self, cell: Tag) -> bool:
        if self.sizes is not None and cell in self.sizes:
            return self.sizes.holds[id(cell)] > 0
        return cell.find(settings.LAYOUT_CELL_TAGS) is not None

    def _inline_walk(self, node: Tag, allow_blocks: bool = False, depth: int = 0) -> None:
        if depth > settings.MAX_WALK_DEPTH:
            flat = node.get_text(" ")
            self._line.append(flat)
            self._line_len += len(flat)
            return
        after_tag: str | None = None
        for child in node.children:
            if isinstance(child, NavigableString):
                if is_text(child):
                    self._line.append(str(child))
                    self._line_len += len(child)
                    after_tag = None
            elif isinstance(child, Tag):
                if child.name == "br":
                    self._line.append(" ")
                    self._line_len += 1
                elif allow_blocks and child.name in ("ul", "ol", "table"):
                    continue  # nested lists are walked as their own items
                else:
                    self._separate_after(after_tag, child)
                    self._inline_tag(child, "paragraph", depth + 1)
                after_tag = child.name
        if allow_blocks:
            self._pending_nested.extend(c for c in node.contents if isinstance(c, Tag) and c.name in ("ul", "ol"))

    def _inline_tag(self, tag: Tag, kind: str, depth: int = 0) -> None:
        span_kind = settings.INLINE_SPAN_TAGS.get(tag.name)
        start = self._line_len
        if tag.name in settings.BLOCK_TAGS:
            self._flush(kind)
            self._walk(tag, kind, depth + 1)
            self._flush(kind)
            return
        self._inline_walk(tag, depth=depth + 1)
        end = self._line_len
        if span_kind and end > start:
            attrs = {"href": str(tag.get("href"))} if tag.name == "a" and tag.get("href") else {}
            last = self._inline[-1] if self._inline else None
            if last and last[2] == span_kind and not attrs and not last[3] and self._continues_word(tag) \
                    and (last[1] == start or (end - start <= 3 and self._blank_between(last[1], start))):
                self._inline[-1] = (last[0], end, span_kind, last[3])
            else:
                self._inline.append((start, end, span_kind, attrs))

    def _flush(self, kind: str = "paragraph", attrs: dict[str, str] | None = None) -> None:
        self._emit(kind, attrs)
        if self._pending_nested:
            pending, self._pending_nested = self._pending_nested, []
            for nested in pending:
                self._walk(nested, kind)
                self._flush(kind)

    def _emit(self, kind: str, attrs: dict[str, str] | None) -> None:
        """Turn the collected line into one block with its inline spans."""
        if not self._line:
            self._inline.clear()
            return
        raw = "".join(self._line)
        self._line = []
        self._line_len = 0
        inline, self._inline = self._inline, []
        # collapse whitespace (a leading run is dropped, every other run becomes one space)
        text = _WS.sub(" ", raw).strip()
        if not text or self._is_junk(text, kind) or (kind != "blockquote" and self._is_repeat(text)):
            return
        start = self._start_block()
        self.parts.append(text)
        self.length += len(text)
        self.spans.append(TextSpan(start, self.length, kind, attrs or {}))  # type: ignore[arg-type]
        self._body_chars += len(text)
        mapping = _Collapsed(raw) if inline else None
        for s, e, k, a in inline:
            ms, me = min(mapping[s], len(text)), min(mapping[e], len(text))
            seg = text[ms:me]
            ms += len(seg) - len(seg.lstrip())
            me -= len(seg) - len(seg.rstrip())
            if me > ms:
                self.spans.append(TextSpan(start + ms, start + me, k, a))  # type: ignore[arg-type]

    def _is_repeat(self, text: str) -> bool:
        """A long block already emitted word for word: the second copy of an article a page
        renders twice (one for small screens, one for large), when `skip_repeats`; counted in
        `repeat_chars` either way. Quotations may repeat a post."""
        if len(text) < settings.REPEAT_MIN_CHARS:
            return False
        if text in self._seen:
            self.repeat_chars += len(text)
            return self.skip_repeats
        self._seen.add(text)
        return False

    def _is_junk(self, text: str, kind: str) -> bool:
        """Repeated headline, or a short boilerplate line ("Advertisement", "Share this")."""
        if kind == "heading" and text.casefold() == self.headline:
            return True
        return len(text) < 60 and bool(settings.JUNK_LINE_RE.match(text))


class _Collapsed:
    """`self[i]`: the offset in the collapsed text (see `_TextBuilder._emit`) of raw offset `i`."""

    def __init__(self, raw: str) -> None:
        self.runs = [(m.start(), m.end()) for m in _WS.finditer(raw)]
        self.starts = [a for a, _ in self.runs]
        self.removed = [0]  # characters dropped by the runs before run j
        for a, b in self.runs:
            self.removed.append(self.removed[-1] + b - a - (1 if a > 0 else 0))

    def __getitem__(self, i: int) -> int:
        j = bisect_left(self.starts, i)  # runs[:j] start before i
        if not j:
            return i
        a, b = self.runs[j - 1]
        return i - self.removed[j - 1] - (min(b, i) - a - (1 if a > 0 else 0))


_SECTION_TAGS = frozenset(("div", "section"))


def _introduced(tag: Tag) -> bool:
    """A list right after a paragraph that announces it ("The patches sent this month:"): the
    article's own list of links, not a menu."""
    prev = tag.find_previous_sibling(True)
    if prev is None or prev.name not in ("p", "div"):
        return False
    text = prev.get_text(" ").strip()
    return 20 <= len(text) <= 400 and text.endswith(":") and prev.find(["ul", "ol"]) is None


def _holds_prose(tag: Tag, sizes: TextSizes | None) -> bool:
    """A paragraph of running text (few links, not itself inside a link) somewhere in `tag`: a
    section whose links are mostly a list is walked (its lists judged one by one), not skipped."""
    for p in tag.find_all("p"):
        chars, links = _char_counts(p, sizes)
        if chars >= settings.PROSE_MIN_CHARS and links < settings.PROSE_MAX_LINKS * chars \
                and p.find_parent("a") is None:
            return True
    return False


def _entry_heading(tag: Tag) -> bool:
    """A block holding only a subheading whose artist or title links and whose other part is plain text
    ("<h2><a>Artist</a><em>Album</em></h2>"): a list entry's heading, not a menu or a teaser."""
    if tag.name != "div" or len(tag.get_text()) > 300:
        return False
    inner = tag.find_all(True)
    if sum(t.name in ("h2", "h3", "h4", "h5", "h6") for t in inner) != 1 or \
            any(t.name in settings.BLOCK_TAGS for t in inner):
        return False
    text, links = _char_counts(tag)
    return 0 < text and links < 0.9 * text


def _link_dense(tag: Tag, sizes: TextSizes | None = None) -> bool:
    """A block that is mostly link text (menus, related lists, "Read more" lines)."""
    text, link_text = _char_counts(tag, sizes)
    limit = settings.LINK_DENSITY_P if tag.name == "p" else settings.LINK_DENSITY
    return text > 0 and link_text / text > limit and (tag.name != "p" or text < 120)


def _facts(doc: CleanDocument) -> list[Fact]:
    """Key/value pairs from list items, table rows and short `Key: value` paragraphs."""
    facts: list[Fact] = []
    text = doc.text
    for span in doc.spans:
        if span.kind not in ("list_item", "paragraph", "table_cell"):
            continue
        line = text[span.start:span.end]
        inline = _inline_facts(line, span.start)
        if inline:
            facts.extend(inline)
            continue
        if len(line) > 400:
            continue
        m = settings.FACT_LINE_RE.match(line)
        if m and m.group(1).casefold().strip() in settings.FACT_KEYS:
            facts.append(Fact(m.group(1).strip(), m.group(2).strip(), span.start + m.start(2), span.start + m.end(2)))
    # two-column table rows: consecutive cells in one row ("Title | Weekend | Total" is a header row)
    cells = doc.spans_of("table_cell")
    for a, b in zip(cells, cells[1:]):
        key = text[a.start:a.end].rstrip(":").strip()
        if key.casefold() in settings.FACT_KEYS and b.start - a.end <= 1 and a.attrs.get("row_cells", "2") == "2":
            facts.append(Fact(key, text[b.start:b.end], b.start, b.end))
    dl = [s for s in doc.spans if s.attrs.get("dl")]
    for a, b in zip(dl, dl[1:]):
        if a.attrs["dl"] == "dt" and b.attrs["dl"] == "dd":
            facts.append(Fact(text[a.start:a.end].rstrip(":").strip(), text[b.start:b.end], b.start, b.end))
    return facts


def _inline_facts(line: str, offset: int) -> list[Fact]:
    """Facts run together on one line with bullets between them, often after a synopsis
    ("... murderous. Director: Dana Vore · Stars: Ana Pereira, Jonas Berg"): two or more known keys."""
    seps = list(settings.FACT_SEPARATOR_RE.finditer(line))
    if not seps:
        return []
    found = []
    start = 0
    for sep in [*seps, None]:
        end = sep.start() if sep else len(line)
        m = settings.INLINE_FACT_RE.search(line[start:end])
        if m and m.group(1).casefold().strip() in settings.FACT_KEYS:
            at = offset + start
            found.append(Fact(m.group(1).strip(), m.group(2).strip(), at + m.start(2), at + m.end(2)))
        start = sep.end() if sep else end
    return found if len(found) >= 2 else []


def _quote_spans(doc: CleanDocument) -> None:
    """Add `quote` spans for text between quotation marks (titles are often quoted)."""
    for m in _QUOTED.finditer(doc.text):
        g = 1 if m.group(1) else 2
        doc.spans.append(TextSpan(m.start(g), m.end(g), "quote"))
