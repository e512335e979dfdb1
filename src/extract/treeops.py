"""Fast equivalents of the bs4 searches the cleaner repeats (same results, same order).

bs4's `find_all` runs a general `SoupStrainer` on every descendant, and `get_text` walks a whole
subtree; the cleaner asks both many times over the same subtrees. These helpers walk a tree once
(iteratively, so deep nesting cannot overflow the stack) and answer the same questions:

* `descendant_tags(root)`: `root.find_all(True)` (document order, `root` itself excluded);
* `attr_matches(value, ...)`: bs4's rule for matching an attribute value (a multi-valued
  attribute matches if one value matches, else if the space-joined values match);
* `TextSizes`: for every tag of a tree, `len(_WS.sub("", tag.get_text()))`, the same summed over
  its `<a>` descendants, and whether it holds a given set of tag names, computed bottom-up in
  one pass instead of one subtree walk per question.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from bs4 import CData, NavigableString, Tag
from bs4.element import PreformattedString

_WS = re.compile(r"\s+")
# the string classes `Tag.get_text()` reads for an ordinary tag (exact types, no subclasses)
_MAIN_TYPES = Tag.MAIN_CONTENT_STRING_TYPES
assert _MAIN_TYPES == {NavigableString, CData}


def is_text(node: Any) -> bool:
    """A string of the page's text: not a comment, doctype, declaration or processing instruction."""
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def descendant_tags(root: Tag) -> list[Tag]:
    """All tags under `root` in document order (pre-order), without `root`."""
    out: list[Tag] = []
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        out.append(tag)
        contents = tag.contents
        if contents:
            stack.extend([c for c in reversed(contents) if isinstance(c, Tag)])
    return out


def attr_matches(value: Any, *, pattern: re.Pattern[str] | None = None, string: str | None = None) -> bool:
    """bs4's `SoupStrainer` test of one attribute value against a regex or an exact string."""
    values = value if isinstance(value, list) else [value]

    def test(v: Any) -> bool:
        if pattern is not None:
            return v is not None and pattern.search(v) is not None
        return v == string

    if any(test(v) for v in values):
        return True
    return len(values) != 1 and test(" ".join(values))


class TextSizes:
    """Per-tag text measures of one (unchanging) tree, keyed by `id(tag)`.

    `chars[id]` is `len(_WS.sub("", tag.get_text()))`, `raw[id]` is `len(tag.get_text())`,
    `link_chars[id]` / `link_raw[id]` the same summed over the tag's `<a>` descendants (nested
    links counted again, as `find_all("a")` does), `links[id]` how many `<a>` it holds and
    `holds[id]` how many descendants have a name in `names`. Only valid for tags whose
    `get_text()` reads ordinary strings (not `<script>`, `<style>`, `<template>`, `<rt>`, `<rp>`):
    `plain(tag)` says so.
    """

    def __init__(self, root: Tag, names: Iterable[str] = ()) -> None:
        names = frozenset(names)
        order = [root, *descendant_tags(root)]
        chars: dict[int, int] = {}
        raw: dict[int, int] = {}
        link_chars: dict[int, int] = {}
        link_raw: dict[int, int] = {}
        links: dict[int, int] = {}
        holds: dict[int, int] = {}
        main = _MAIN_TYPES
        for tag in reversed(order):  # every tag after all its descendants
            c = r = lc = lr = n = h = 0
            for child in tag.contents:
                if isinstance(child, Tag):
                    k = id(child)
                    cc, cr = chars[k], raw[k]
                    c += cc
                    r += cr
                    lc += link_chars[k]
                    lr += link_raw[k]
                    n += links[k]
                    if child.name == "a":
                        lc += cc
                        lr += cr
                        n += 1
                    h += holds[k]
                    if child.name in names:
                        h += 1
                elif type(child) in main:
                    r += len(child)
                    c += len("".join(child.split()))  # str.isspace() is regex \s
            k = id(tag)
            chars[k], raw[k], link_chars[k], link_raw[k], links[k], holds[k] = c, r, lc, lr, n, h
        self.order = order
        self.names = names
        self._gone: list[Tag] = []  # removed tags stay referenced, so their ids are not reused
        self.chars, self.raw, self.link_chars, self.link_raw = chars, raw, link_chars, link_raw
        self.links, self.holds = links, holds

    def remove(self, tags: list[Tag]) -> bool:
        """Take `tags` (not nested in one another, about to be decomposed) out of the measures of
        their ancestors and out of `order`. False, with nothing changed, when that would cost more
        than measuring the tree again (very deep trees): the caller then builds a new one."""
        chains = []
        steps = 0
        for tag in tags:
            chain = []
            for anc in tag.parents:
                if id(anc) not in self.chars:
                    break
                chain.append(id(anc))
                steps += 1
                if anc is self.order[0]:
                    break
            else:
                if chain:  # the tree's root was not reached: not a tag of this tree
                    return False
            if steps > len(self.order):
                return False
            chains.append((tag, chain))
        gone: set[int] = set()
        for tag, chain in chains:
            k = id(tag)
            if k not in self.chars or any(a in gone for a in chain):
                continue  # not of this tree, or inside a tag already taken out
            is_a = tag.name == "a"
            cc, cr = self.chars[k], self.raw[k]
            d = (cc, cr, self.link_chars[k] + (cc if is_a else 0), self.link_raw[k] + (cr if is_a else 0),
                 self.links[k] + is_a, self.holds[k] + (tag.name in self.names))
            lc, lr = d[2], d[3]
            for a, anc in zip(chain, tag.parents):
                self.chars[a] -= d[0]
                self.raw[a] -= d[1]
                self.link_chars[a] -= lc
                self.link_raw[a] -= lr
                self.links[a] -= d[4]
                self.holds[a] -= d[5]
                if anc.name == "a":  # its text, shorter now, is link text of everything above it
                    lc += cc
                    lr += cr
            gone.add(k)
        if gone:
            dead = set(gone)
            keep = []
            for t in self.order:  # pre-order: a tag's descendants follow it until the next non-descendant
                k = id(t)
                if k in dead or (t.parent is not None and id(t.parent) in dead):
                    dead.add(k)
                    self._gone.append(t)
                else:
                    keep.append(t)
            for k in dead:
                for table in (self.chars, self.raw, self.link_chars, self.link_raw, self.links, self.holds):
                    del table[k]
            self.order = keep
        return True

    def __contains__(self, tag: Tag) -> bool:
        return id(tag) in self.chars

    @staticmethod
    def plain(tag: Tag) -> bool:
        return tag.interesting_string_types is _MAIN_TYPES or tag.interesting_string_types == _MAIN_TYPES
