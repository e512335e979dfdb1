"""Build a BeautifulSoup tree from lxml's parse of a page, without bs4's per-event tree builder.

`BeautifulSoup(text, "lxml")` has libxml2 parse the page and call back into Python for every start
tag, end tag and run of text; each callback goes through bs4's builder (attribute dictionaries
rebuilt twice, a tag stack, string joining, linkage fixing). On article pages that bookkeeping was
70% of all cleaning time (1.8 of 2.7 s on the benchmark's 60 pages) while lxml's own parse of the
same text took 0.13 s. Here lxml builds its C tree from the same parser with the same options, and
one walk over it makes the bs4 objects directly: the same classes, the same strings (bs4's rule for
whitespace-only strings, its string classes inside `<script>`, `<style>` and `<template>`), the
same multi-valued attributes (bs4's own table), the same links between elements. `same_tree`
compares two trees node for node; `tests/test_soupbuild.py` holds the two builders to it on
generated and real markup, and `fast_soup` checks itself once against bs4 on a reference page
before it is first used (it answers None from then on if they differ, and callers use bs4).

Only the HTML parser bs4 calls "lxml" is mirrored, with no `parse_only` filter and no custom
element classes: what `clean.parse_html` asks for. Known differences, none of which changes the
cleaner's text (tests/test_soupbuild.py checks that on every sample and real page): a doctype
declared inside the page (an inline SVG's) is a node of bs4's tree and absent from lxml's; a bare
boolean attribute (`<input checked>`) has its name as value here and '' in bs4; a page whose
`<html>` is opened twice can lose a whitespace string at its end. A page nested deeper than
libxml2 builds trees (256 levels) is left to bs4. On 618 benchmark pages, 8 trees
differ, all in these ways.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Any

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag, XMLParsedAsHTMLWarning
from lxml import etree

__all__ = ["fast_soup", "same_tree", "bs4_soup"]

_ASCII_SPACES = frozenset("\x20\x0a\x09\x0c\x0d")
_NON_WS = re.compile(r"\S+")
# libxml2 gives these HTML 4 boolean attributes, written bare (`<input checked>`), their own name as
# value when it builds a tree, and no value (bs4: '') when it reports events; the one difference left
_BOOLEAN_ATTRS = frozenset(("checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref",
                            "noresize", "noshade", "nowrap", "readonly", "selected"))
_HEAD_TOKEN = re.compile(r"(?P<comment><!--.*?-->)|(?P<pi><\?[^>]*>)|(?P<doctype><!doctype\s+(?P<name>[^\s>]+)[^>]*>)"
                         r"|(?P<end></[^>]*>)|(?P<space>\s+)|(?P<other><![^>]*>)", re.S | re.I)
_TRAILING = re.compile(r"</html\s*>(\s+)$", re.I)
_REFERENCE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T &amp; t</title>'
    '<script type="application/ld+json">{"a": 1}</script><style>p {}</style></head>\n'
    '<body class="a  b" id="x"><!-- c --><p>One <b>two</b>\n <i>three</i></p>  \n'
    '<a href="/x" rel="nofollow me">link</a><pre>  kept  </pre><table><tr><td headers="h1 h2">c'
    '</td></tr></table><template><p>t</p></template><br>tail<?pi data?></body></html>'
)


def bs4_soup(text: str) -> BeautifulSoup:
    """The tree bs4's own lxml builder makes (the reference `fast_soup` must equal)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(text, "lxml")


class _Template:
    """What every Tag of a bs4 lxml parse shares, read off a real bs4 parse so that the fields of
    the installed bs4 version are all set."""

    def __init__(self) -> None:
        soup = bs4_soup("<html><body><p class='a'>x</p><script>s</script></body></html>")
        builder = soup.builder
        p = soup.find("p")
        shared = dict(vars(p))
        for name in ("name", "attrs", "contents", "parent", "next_element", "previous_element",
                     "next_sibling", "previous_sibling", "interesting_string_types",
                     "can_be_empty_element"):
            shared.pop(name, None)
        self.shared = shared
        self.attr_dict = type(p.attrs)
        self.value_list = builder.attribute_value_list_class
        self.empty = frozenset(builder.empty_element_tags or ())
        self.containers: dict[str, type[NavigableString]] = dict(builder.string_containers)
        self.main_types = p.interesting_string_types
        self.preserve = frozenset(builder.preserve_whitespace_tags or ())
        cdata = builder.cdata_list_attributes or {}
        universal = set(cdata.get("*", ()))
        self.universal = frozenset(universal)
        self.listed = {name: frozenset(universal | set(names)) for name, names in cdata.items() if name != "*"}
        self.setup_substitutions = builder.set_up_substitutions


@lru_cache(maxsize=1)
def _template() -> _Template:
    return _Template()


def _parse(text: str) -> Any:
    """lxml's element tree for `text`, parsed as bs4's lxml builder parses it (HTML parser, recover,
    the text fed in one piece)."""
    parser = etree.HTMLParser(recover=True)
    parser.feed(text)
    return parser.close()


# libxml2 builds no tree deeper than 256 elements and silently drops what lies below (bs4's builder,
# fed events, keeps it): a tree that reaches near that depth is left to bs4
_DEPTH_CAP = 250


class _TooDeep(Exception):
    pass


_new_str = str.__new__
_set_attrs = dict.update


class _Builder:
    """One walk over lxml's tree in document order, making and linking the bs4 nodes as bs4's builder
    does (NavigableString.__new__ and Tag.__init__ are bypassed: both only set what is set here)."""

    def __init__(self, template: _Template) -> None:
        self.t = template
        # the node made most recently, for bs4's next/previous_element chain (which, as bs4 builds
        # it, starts at the first node: the soup object itself is not in it)
        self.last: Any = None

    def _link(self, node: Any, parent: Tag) -> None:
        last = self.last
        node.parent = parent
        node.previous_element = last
        if last is not None:
            last.next_element = node
        node.next_element = None
        siblings = parent.contents
        if siblings:
            previous = siblings[-1]
            node.previous_sibling = previous
            previous.next_sibling = node
        else:
            node.previous_sibling = None
        node.next_sibling = None
        siblings.append(node)
        self.last = node

    def string(self, value: str | None, parent: Tag, cls: type[NavigableString], preserve: bool) -> None:
        if value:
            self.text(value, parent, cls, preserve)

    def text(self, value: str, parent: Tag, cls: type[NavigableString], preserve: bool) -> None:
        """A string of class `cls`; outside `<pre>` and `<textarea>`, one that is nothing but
        ASCII whitespace (or empty: a comment can be) becomes one newline or space, as in bs4."""
        if not preserve and _ASCII_SPACES.issuperset(value):
            value = "\n" if "\n" in value else " "
        node = _new_str(cls, value)
        node.hidden = False
        self._link(node, parent)

    def tag(self, el: Any, parent: Tag, container: type[NavigableString], preserve: bool, depth: int = 0) -> None:
        if depth >= _DEPTH_CAP:
            raise _TooDeep
        t = self.t
        name = el.tag
        tag = Tag.__new__(Tag)
        tag.__dict__.update(t.shared)
        tag.name = name
        attrs = t.attr_dict()
        attrib = el.attrib
        if attrib:
            listed = t.listed.get(name, t.universal)
            _set_attrs(attrs, attrib)
            for key in listed.intersection(attrs):
                attrs[key] = t.value_list(_NON_WS.findall(attrs[key]))
        tag.attrs = attrs
        tag.contents = []
        tag.can_be_empty_element = name in t.empty
        special = t.containers.get(name)
        tag.interesting_string_types = {special} if special is not None else t.main_types
        if name == "meta":
            t.setup_substitutions(tag)
        self._link(tag, parent)
        if special is not None:
            container = special
        preserve = preserve or name in t.preserve
        string, node = self.string, self.node
        string(el.text, tag, container, preserve)
        depth += 1
        for child in el:
            node(child, tag, container, preserve, depth)
            string(child.tail, tag, container, preserve)

    def node(self, el: Any, parent: Tag, container: type[NavigableString], preserve: bool, depth: int = 0) -> None:
        kind = el.tag
        if isinstance(kind, str):
            self.tag(el, parent, container, preserve, depth)
        elif kind is etree.Comment:
            self.text(el.text or "", parent, Comment, preserve)
        elif kind is etree.ProcessingInstruction:
            self._link(ProcessingInstruction(f"{el.target} {el.text or ''}"), parent)
        else:  # an entity lxml left unresolved: bs4 gets its text as data
            self.string(el.text, parent, container, preserve)


def _build(text: str) -> BeautifulSoup | None:
    """The bs4 tree, or None where bs4 should build it: a text with no element (a bare comment or
    doctype: lxml gives no tree, bs4 still keeps them), or a head of the page this cannot order."""
    root = _parse(text)
    if root is None:
        return None
    soup = BeautifulSoup("", "lxml")
    builder = _Builder(_template())
    if not _head(text, root, builder, soup):
        return None
    top = [root] + list(root.itersiblings())
    for el in top:
        builder.node(el, soup, NavigableString, False)
        builder.string(el.tail, soup, NavigableString, False)
    # lxml keeps no text after the document's last node; bs4 was given what followed `</html>`
    # (unless that `</html>` was text: an unclosed <script>'s, say)
    trailing = _TRAILING.search(text)
    if trailing and not (_last_text(top[-1]) or "").endswith(trailing[0]):
        builder.string(trailing[1], soup, NavigableString, False)
    return soup


def _head(text: str, root: Any, builder: _Builder, soup: BeautifulSoup) -> bool:
    """Put what precedes the first element into the soup, in the order of the text: doctypes,
    comments and PIs (lxml's root's preceding siblings) and, once a stray end tag was seen, the
    whitespace between them, which bs4 gets as data and lxml drops. False (bs4 should build) when
    the head holds something else or its comments cannot be matched to lxml's."""
    info = root.getroottree().docinfo
    before = list(root.itersiblings(preceding=True))[::-1]
    position, stray_end, used = 0, False, 0
    while (token := _HEAD_TOKEN.match(text, position)) is not None:
        position = token.end()
        kind = token.lastgroup
        if kind in ("comment", "pi"):
            if used == len(before):
                return False
            builder.node(before[used], soup, NavigableString, False)
            used += 1
        elif kind == "doctype":
            if info.root_name:  # libxml2 reports each declaration, with its name as written
                name = token["name"]
                builder._link(Doctype(Doctype._string_for_name_and_ids(name, info.public_id, info.system_url)), soup)
        elif kind == "end":
            stray_end = True
        elif kind == "space":
            if stray_end:
                builder.string(token[0], soup, NavigableString, False)
        else:
            return False
    return used == len(before)


def _last_text(el: Any) -> str | None:
    """The last run of text under `el` in document order (an element's text, or its last child's tail)."""
    while len(el):
        last = el[-1]
        if last.tail:
            return last.tail
        el = last
    return el.text


def same_tree(a: Any, b: Any) -> bool:
    """Whether two bs4 trees hold the same nodes (class, name, attributes, strings) in the same
    places and the same document order (next_element chain)."""
    def value(key: str, v: Any) -> Any:
        if isinstance(v, list):
            return list(v)
        if key in _BOOLEAN_ATTRS and v in ("", key):
            return None  # a bare boolean attribute: lxml's tree gives its name, bs4's builder ''
        return type(v).__name__, str(v)

    def nodes(soup: Any) -> list[Any]:
        out = []
        for node in soup.descendants:
            if isinstance(node, Tag):
                attrs = {k: value(k, v) for k, v in node.attrs.items()}
                out.append(("tag", node.name, attrs, node.parent.name, node.can_be_empty_element,
                            sorted(c.__name__ for c in node.interesting_string_types or ())))
            else:
                out.append((type(node).__name__, str(node), node.parent.name))
        return out

    def chain(soup: Any) -> list[int]:
        ids, node = [], soup.contents[0] if soup.contents else None
        while node is not None:
            ids.append(id(node))
            node = node.next_element
        return ids

    if nodes(a) != nodes(b):
        return False
    for soup in (a, b):
        order = list(soup.descendants)
        if chain(soup) != [id(n) for n in order]:
            return False
        for x, y in zip([None] + order, order):
            if y.previous_element is not x:
                return False
        for node in soup.descendants:
            if isinstance(node, Tag):
                kids = node.contents
                for x, y in zip(kids, kids[1:]):
                    if x.next_sibling is not y or y.previous_sibling is not x:
                        return False
                if kids and (kids[0].previous_sibling is not None or kids[-1].next_sibling is not None):
                    return False
    return True


@lru_cache(maxsize=1)
def _trusted() -> bool:
    """Whether this bs4 and lxml give the same tree both ways on the reference page."""
    try:
        built = _build(_REFERENCE)
        return built is not None and same_tree(built, bs4_soup(_REFERENCE))
    except Exception:  # pragma: no cover - a bs4 whose internals moved
        return False


def fast_soup(text: str) -> BeautifulSoup | None:
    """bs4's lxml tree of `text`, built from lxml's tree; None when the fast path cannot be trusted
    (this bs4 builds differently) or lxml refused the text (bs4 has its own fallbacks)."""
    if not _trusted():
        return None
    try:
        return _build(text)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, _TooDeep):
        return None
