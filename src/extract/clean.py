"""HTML cleaning: decoded page -> `CleanDocument` (main text with structure, facts, JSON-LD, meta).

Boilerplate (navigation, headers, footers, cookie and newsletter boxes, share bars, related
lists, comments, ads, scripts) is removed; the main content block is chosen by text density;
its blocks are linearised into text with character spans for headings, list items, table
cells, emphasis and quotations. Selectors and word lists live in `extract.settings`.
"""

from __future__ import annotations

import re
from typing import Iterable

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from . import settings
from .decode import decode
from .document import CleanDocument, Fact, RawDocument, TextSpan
from .errors import SkipDocument
from .metadata import extract_meta, parse_jsonld

_WS = re.compile(r"\s+")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,120})[\"”]|(?<![\w])['‘]([^'‘’\n]{2,80})['’](?![\w])")
_FACT_LINE = re.compile(r"^\s*([A-Z][\w /&()'-]{1,40}?)\s*[:：]\s+(\S.{0,600})$")


def parse_html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "lxml")


def clean(raw: RawDocument, *, max_bytes: int = 20_000_000) -> CleanDocument:
    """Decode, parse and clean one page."""
    text = decode(raw.content, max_bytes=max_bytes)
    soup = parse_html(text)
    jsonld = parse_jsonld(soup, raw.source)
    meta = extract_meta(soup, jsonld, raw.url)
    _strip_boilerplate(soup)
    root = _main_block(soup)
    builder = _TextBuilder()
    if meta.headline:
        builder.block(meta.headline, "headline")
    if root is not None:
        builder.walk(root)
    if not builder.has_body():
        raise SkipDocument("E006")
    doc = CleanDocument(source=raw.source, doc_id=raw.doc_id, text=builder.text(), meta=meta,
                        spans=builder.spans, jsonld=jsonld)
    doc.facts = _facts(doc)
    _quote_spans(doc)
    return doc


def _strip_boilerplate(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(settings.DROP_TAGS):
        tag.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        if _is_boilerplate(tag):
            tag.decompose()


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in ("html", "body", "main", "article"):
        return False
    attrs = tag.attrs or {}
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return tag.name not in ("span", "i", "em", "b", "strong")
    style = attrs.get("style")
    if isinstance(style, str) and re.search(r"display\s*:\s*none", style):
        return True
    role = attrs.get("role")
    if role in settings.BOILERPLATE_ROLES:
        return True
    cls = attrs.get("class") or []
    ident = " ".join(cls if isinstance(cls, list) else [str(cls)]) + " " + str(attrs.get("id") or "")
    if not ident.strip():
        return False
    return bool(settings.BOILERPLATE_RE.search(ident)) and not settings.CONTENT_RE.search(ident)


def _main_block(soup: BeautifulSoup) -> Tag | None:
    """The element that holds the article body: the best-scoring container of paragraphs."""
    body = soup.body or soup
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for p in body.find_all(["p", "pre", "blockquote", "li", "h2", "h3"]):
        text = _WS.sub(" ", p.get_text(" ")).strip()
        if len(text) < 25 and p.name not in ("h2", "h3"):
            continue
        link_chars = sum(len(a.get_text()) for a in p.find_all("a"))
        score = max(0.0, len(text) - 2 * link_chars) / 100 + (1 if text.count(",") else 0) + 1
        if p.name == "li":
            score *= 0.5
        parent, decay = p.parent, 1.0
        for _ in range(3):
            if not isinstance(parent, Tag):
                break
            nodes[id(parent)] = parent
            scores[id(parent)] = scores.get(id(parent), 0.0) + score * decay
            parent, decay = parent.parent, decay / 2
    if not scores:
        return body if isinstance(body, Tag) else None
    best = nodes[max(scores, key=lambda k: scores[k])]
    # a semantic container just above the best block usually holds its lead and subheadings
    for anc in [best, *best.parents][:4]:
        if isinstance(anc, Tag) and (anc.name == "article" or anc.get("itemprop") == "articleBody"):
            return anc
    return best


class _TextBuilder:
    """Linearises block elements into text with `TextSpan`s."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[TextSpan] = []
        self._line: list[str] = []
        self._inline: list[tuple[int, int, str, dict[str, str]]] = []
        self._body_chars = 0
        self._pending_nested: list[Tag] = []

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

    def has_body(self) -> bool:
        self._flush()
        return self._body_chars > 0

    def text(self) -> str:
        self._flush()
        return "".join(self.parts)

    def walk(self, root: Tag) -> None:
        self._walk(root, kind="paragraph")
        self._flush()

    def _walk(self, node: Tag, kind: str) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    self._line.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in settings.HEADING_TAGS:
                self._flush(kind)
                self._inline_walk(child)
                self._flush(kind="heading")
            elif name == "li":
                self._flush(kind)
                self._inline_walk(child, allow_blocks=True)
                self._flush(kind="list_item")
            elif name in ("td", "th"):
                self._flush(kind)
                self._inline_walk(child, allow_blocks=True)
                self._flush(kind="table_cell")
            elif name in ("dt", "dd"):
                self._flush(kind)
                self._inline_walk(child, allow_blocks=True)
                self._flush(kind="list_item", attrs={"dl": name})
            elif name in ("blockquote", "figcaption", "caption"):
                self._flush(kind)
                self._walk(child, "blockquote" if name == "blockquote" else "caption")
                self._flush("blockquote" if name == "blockquote" else "caption")
            elif name == "br":
                self._flush(kind)
            elif name in settings.BLOCK_TAGS:
                self._flush(kind)
                self._walk(child, kind)
                self._flush(kind)
            else:
                self._inline_tag(child, kind)

    def _inline_walk(self, node: Tag, allow_blocks: bool = False) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    self._line.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    self._line.append(" ")
                elif allow_blocks and child.name in ("ul", "ol", "table"):
                    continue  # nested lists are walked as their own items
                else:
                    self._inline_tag(child, "paragraph")
        if allow_blocks:
            for nested in node.find_all(["ul", "ol"], recursive=False):
                self._pending_nested.append(nested)

    def _inline_tag(self, tag: Tag, kind: str) -> None:
        span_kind = settings.INLINE_SPAN_TAGS.get(tag.name)
        start = sum(len(x) for x in self._line)
        if tag.name in settings.BLOCK_TAGS:
            self._flush(kind)
            self._walk(tag, kind)
            self._flush(kind)
            return
        self._inline_walk(tag)
        end = sum(len(x) for x in self._line)
        if span_kind and end > start:
            attrs = {"href": str(tag.get("href"))} if tag.name == "a" and tag.get("href") else {}
            self._inline.append((start, end, span_kind, attrs))

    def _flush(self, kind: str = "paragraph", attrs: dict[str, str] | None = None) -> None:
        if not self._line:
            self._inline.clear()
            return
        raw = "".join(self._line)
        self._line = []
        inline, self._inline = self._inline, []
        # collapse whitespace while mapping raw offsets to collapsed offsets
        out: list[str] = []
        mapping: list[int] = []
        prev_space = True
        for ch in raw:
            mapping.append(len(out))
            if ch.isspace():
                if not prev_space:
                    out.append(" ")
                prev_space = True
            else:
                out.append(ch)
                prev_space = False
        mapping.append(len(out))
        text = "".join(out).rstrip()
        if not text:
            return
        start = self._start_block()
        self.parts.append(text)
        self.length += len(text)
        self.spans.append(TextSpan(start, self.length, kind, attrs or {}))  # type: ignore[arg-type]
        self._body_chars += len(text)
        for s, e, k, a in inline:
            ms, me = min(mapping[s], len(text)), min(mapping[e], len(text))
            seg = text[ms:me]
            ms += len(seg) - len(seg.lstrip())
            me -= len(seg) - len(seg.rstrip())
            if me > ms:
                self.spans.append(TextSpan(start + ms, start + me, k, a))  # type: ignore[arg-type]
        pending, self._pending_nested = self._pending_nested, []
        for nested in pending:
            self._walk(nested, kind)
            self._flush(kind)


def _facts(doc: CleanDocument) -> list[Fact]:
    """Key/value pairs from list items, table rows and short `Key: value` paragraphs."""
    facts: list[Fact] = []
    text = doc.text
    for span in doc.spans:
        if span.kind not in ("list_item", "paragraph", "table_cell"):
            continue
        line = text[span.start:span.end]
        if len(line) > 400:
            continue
        m = _FACT_LINE.match(line)
        if m and m.group(1).casefold().strip() in settings.FACT_KEYS:
            facts.append(Fact(m.group(1).strip(), m.group(2).strip(), span.start + m.start(2), span.start + m.end(2)))
    # two-column table rows: consecutive cells in one row
    cells = doc.spans_of("table_cell")
    for a, b in zip(cells, cells[1:]):
        key = text[a.start:a.end].rstrip(":").strip()
        if key.casefold() in settings.FACT_KEYS and b.start - a.end <= 1:
            facts.append(Fact(key, text[b.start:b.end], b.start, b.end))
    dl = [s for s in doc.spans if s.attrs.get("dl")]
    for a, b in zip(dl, dl[1:]):
        if a.attrs["dl"] == "dt" and b.attrs["dl"] == "dd":
            facts.append(Fact(text[a.start:a.end].rstrip(":").strip(), text[b.start:b.end], b.start, b.end))
    return facts


def _quote_spans(doc: CleanDocument) -> None:
    """Add `quote` spans for text between quotation marks (titles are often quoted)."""
    for m in _QUOTED.finditer(doc.text):
        g = 1 if m.group(1) else 2
        doc.spans.append(TextSpan(m.start(g), m.end(g), "quote"))


def iter_blocks(doc: CleanDocument, kinds: Iterable[str] = ("paragraph",)) -> Iterable[str]:
    kinds = set(kinds)
    for s in doc.spans:
        if s.kind in kinds:
            yield doc.text[s.start:s.end]
