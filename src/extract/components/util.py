"""Small helpers shared by the components (spans, names, proximity)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .. import settings
from ..lexicon import load_words


@lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    """A comparison key: accents, case, punctuation and a leading 'the' removed (cached: the same names and
    titles are keyed again and again by every component)."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = " ".join(re.sub(r"[^\w\s]", " ", s).split())
    return s[4:] if s.startswith("the ") else s


_TEXT_KEY = "extract.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per `Doc`: spaCy rebuilds it from every token on each access, which made
    the components' repeated `doc.text` reads cost more than the entity model on long articles."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = _clean_text(doc) or doc.text
    return text


def _clean_text(doc: Doc) -> str | None:
    """The cleaned text the `Doc` was tokenised from, when it has one (spaCy's tokenizer keeps every
    character, so `doc.text` equals it): no join of a token per position."""
    clean = doc._.clean if Doc.has_extension("clean") else None
    text = getattr(clean, "text", None)
    if not isinstance(text, str) or not len(doc):
        return None
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text) or not text.startswith(doc[0].text) \
            or not text.endswith(last.text_with_ws):
        return None
    return text


def string_ids(words: Iterable[str]) -> np.ndarray:
    """The ids (hashes) spaCy gives `words`, for `tokens_with`."""
    return np.array(sorted({get_string_id(w) for w in words}), dtype=np.uint64)


def tokens_with(doc: Doc, lower: np.ndarray | None = None, orth: np.ndarray | None = None) -> list[int]:
    """Indices, ascending, of the tokens whose lower-case form (`Token.lower_`) has an id in `lower`
    or whose text has an id in `orth`: a component looping over every token for a few words reads
    the ids from one array instead of making a `Token` object per position. Equal strings have equal
    ids, so no such token is missed; callers still test the token's strings as before."""
    if not len(doc):
        return []
    arr = doc.to_array([LOWER, ORTH])
    mask = np.zeros(len(doc), dtype=bool)
    if lower is not None:
        mask |= _member(arr[:, 0], lower)
    if orth is not None:
        mask |= _member(arr[:, 1], orth)
    return np.flatnonzero(mask).tolist()


def _member(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """`np.isin(values, ids)` for the sorted `ids` of `string_ids`, by binary search (`isin` sorts
    the values and the ids together on every call)."""
    if not len(ids):
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(ids, values), len(ids) - 1)
    return ids[pos] == values


def span_dict(span: Span, source: str) -> dict:
    return {"start": span.start_char, "end": span.end_char, "text": span.text, "source": source}


def char_dict(doc: Doc, start: int, end: int, source: str) -> dict:
    return {"start": start, "end": end, "text": doc_text(doc)[start:end], "source": source}


def canonical(span: Span | None) -> str | None:
    if span is None:
        return None
    return span._.canonical or span.text


def nearest(candidates: Iterable[Span], anchor: Span, *, prefer_before: bool = True) -> Span | None:
    """The candidate closest to `anchor` (token distance), ties broken by side."""
    best: tuple[float, Span] | None = None
    for c in candidates:
        if c.start >= anchor.end:
            dist = c.start - anchor.end + (0.5 if prefer_before else 0)
        elif c.end <= anchor.start:
            dist = anchor.start - c.end + (0 if prefer_before else 0.5)
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, c)
    return best[1] if best else None


def section_work(doc: Doc, anchor: Span) -> Span | None:
    """The work named by the subheading above `anchor` (list articles: '3. Heat (1995)')."""
    clean = doc._.clean
    if clean is None:
        return None
    headings = [s for s in clean.spans if s.kind == "heading" and s.end <= anchor.start_char]
    if not headings:
        return None
    h = max(headings, key=lambda s: s.start)
    for w in doc.spans.get("works", []):
        if h.start <= w.start_char and w.end_char <= h.end:
            return w
    return None


_SMALL = frozenset("a an and as at but by for from in into of on or the to vs with".split())


_CAPS_KEY = "extract.caps_heads"


def title_case_headings(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of headline and headings written in Title Case (four or more words); worked out
    once per `Doc` (works, people and credits all ask)."""
    cached = doc.user_data.get(_CAPS_KEY)
    if cached is not None:
        return cached
    clean = doc._.clean
    out: list[tuple[int, int]] = []
    for s in getattr(clean, "spans", []) or []:
        if s.kind in ("headline", "heading"):
            words = [w for w in re.findall(r"(?<![\w'’])[A-Za-z][\w'’-]*", doc_text(doc)[s.start:s.end]) if w.casefold() not in _SMALL]
            if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.9 * len(words):
                out.append((s.start, s.end))
    doc.user_data[_CAPS_KEY] = out
    return out


OPENING_QUOTES = frozenset(("'", "‘", '"', "“"))
CLOSING_QUOTES = frozenset(("'", "’", '"', "”"))

# "Key: value" fact keys that name a role ("Directed by: ...", "Author: ...")
FACT_ROLES = {"creator": "creator", "creators": "creator", "created by": "creator", "director": "director",
              "directors": "director", "directed by": "director", "writer": "writer", "writers": "writer",
              "written by": "writer", "screenplay": "writer", "lead cast": "actor", "cast": "actor",
              "starring": "actor", "stars": "actor", "main cast": "actor", "producer": "producer",
              "producers": "producer", "executive producer": "producer", "executive producers": "producer",
              "showrunner": "creator", "host": "host", "hosts": "host", "presenter": "host",
              "music by": "musician", "composer": "musician", "artist": "musician", "author": "writer",
              "authors": "writer", "novelist": "writer", "playwright": "writer"}

# words that introduce a song's featured artists: "(feat. X)", "ft. X", "featuring X"
FEATURING = frozenset(("ft", "feat", "featuring"))

_AFTER_A_PART = frozenset("in on and or for from at of opposite alongside with to by who whose which that".split())


def as_clause_subject(span: Span) -> bool:
    """'... as Emma Stone takes best actress': after the conjunction 'as', a name followed by a verb
    (a lower-case word that is not a preposition or conjunction) is a clause's subject, not a part."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "as" or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.is_lower and nxt.is_alpha and nxt.lower_ not in _AFTER_A_PART


class ListEntry:
    """One item of a list of works: its title's character span, the name it credits, if any
    ("Anora (Sean Baker)", "Fortnight (feat. Post Malone)", "Down Bad"), and whether it is a song (a
    tracklist's item, or one featuring someone)."""

    __slots__ = ("title", "start", "end", "name_start", "name_end", "featured", "song")

    def __init__(self, title: str, start: int, end: int, song: bool, name_start: int = -1, name_end: int = -1,
                 featured: bool = False) -> None:
        self.title, self.start, self.end, self.song = title, start, end, song or featured
        self.name_start, self.name_end, self.featured = name_start, name_end, featured


_LIST_INTRO = re.compile(r"\b(?:track ?list(?:ing)?s?|set ?lists?|line-?ups?|competition|selections?|episodes?|"
                         r"tracks|songs|films|movies|titles|albums|shows|series|picks|watchlist)\b", re.I)
_TRACKS_INTRO = re.compile(r"\b(?:track ?list(?:ing)?s?|set ?lists?|tracks|songs)\b", re.I)
_ENTRY = re.compile(r"\s*(?:\d{1,3}[.)]\s+)?[\"“‘']?(?P<title>[^\s\"“”(][^\"“”()\n]*?)[\"”’']?"
                    r"(?:\s*\((?P<feat>feat\.?|featuring|ft\.?|with)?\s*(?P<name>[^()\n]{2,60})\))?\s*")


_MINOR_WORDS = frozenset("a an the and or but nor of in on at to for from by with as vs via per into onto".split())


def _title_cased(words: list[str]) -> bool:
    """A title, not a sentence: it opens with a capital and most of its major words are capitalised
    ("The Girl with the Needle", not "Managed service reduces cluster complexity")."""
    major = [w for w in words[1:] if w.casefold() not in _MINOR_WORDS and w[:1].isalpha()]
    return words[0][:1].isupper() and (not major or sum(w[:1].isupper() for w in major) * 3 >= len(major) * 2)


# keys that say a fact block describes one work: who made it, when and where it came out
_ENTRY_FACT_KEYS = frozenset(("author", "authors", "writer", "written by", "director", "directed by", "starring",
                              "cast", "creator", "created by", "artist", "released", "release date", "publisher",
                              "label", "record label", "genre", "studio"))
_DATED_LINE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|[*®™©]")
_NOT_ENTRY_TITLES = re.compile(r"\b(?:details|info|information|facts?|specs|at a glance|credits|cast and crew|"
                               r"where to watch|summary|overview)\b", re.I)


def fact_entries(doc: Doc) -> list[tuple[str, int, int, list]]:
    """(title, start, end, facts) for each block of "Key: value" lines under a title line, on a page
    with two or more such blocks ("The Forget-Me-Not Library / Author: Heather Webber / Released: ...")."""
    clean = doc._.clean
    text = doc_text(doc)
    facts = sorted((f for f in getattr(clean, "facts", []) or [] if f.start >= 0), key=lambda f: f.start)
    blocks: dict[int, list] = {}
    for f in facts:
        line_start = text.rfind("\n", 0, f.start) + 1
        # walk up over the fact lines above this one to the line that heads the block
        head_end = line_start - 1
        while head_end > 0:
            prev_start = text.rfind("\n", 0, head_end) + 1
            if not settings.FACT_LINE_RE.match(text[prev_start:head_end]):
                break
            head_end = prev_start - 1
        if head_end <= 0:
            continue
        blocks.setdefault(head_end, []).append(f)
    out = []
    for head_end, fs in blocks.items():
        if not {f.key.casefold() for f in fs} & _ENTRY_FACT_KEYS:
            continue
        head_start = text.rfind("\n", 0, head_end) + 1
        title = text[head_start:head_end].strip()
        words = title.split()
        if not words or len(words) > 12 or title[-1] in ".!?:;," or not _title_cased(words) \
                or _NOT_ENTRY_TITLES.search(title) or _DATED_LINE.search(title):
            continue
        out.append((title, head_start, head_start + len(title), fs))
    return out if len(out) >= 2 else []


def heading_entries(doc: Doc) -> list[ListEntry]:
    """Entries of a page whose subheadings each name a maker, then an italicised or quoted title
    ("Steve Davis & Gaz Williams <em>Shipwreck</em> Rack", "Mitski – 'My Love Mine All Mine'"): two or
    more such headings. The entry's name is the heading's text before the title."""
    clean = doc._.clean
    text = doc_text(doc)
    spans = getattr(clean, "spans", []) or []
    titles = [s for s in spans if s.kind in ("emphasis", "quote")]
    out: list[ListEntry] = []
    for h in (s for s in spans if s.kind == "heading"):
        t = next((t for t in titles if h.start < t.start and t.end <= h.end), None)
        if t is None:
            continue
        lead = text[h.start:t.start]
        name = lead.strip(" \t,:–—-|\"“‘'")
        words = name.split()
        if not words or len(words) > 8 or not _title_cased(words) or re.search(r"[.!?;:]\s", name):
            continue
        name_start = h.start + lead.index(name)
        title = text[t.start:t.end].strip(" \"“”‘’'")
        if title:
            out.append(ListEntry(title, t.start, t.end, False, name_start, name_start + len(name)))
    return out if len(out) >= 2 else []


def list_entries(doc: Doc) -> list[ListEntry]:
    """Entries of the lists that name works: a run of three or more list items introduced by a
    heading or sentence about tracks, a lineup, episodes, films..., each item a short title,
    optionally with a name in brackets. A tracklist's items may be lower-case ("loml")."""
    clean = doc._.clean
    text = doc_text(doc)
    items = sorted((s for s in getattr(clean, "spans", []) or [] if s.kind == "list_item"), key=lambda s: s.start)
    runs: list[list] = []
    for s in items:
        if runs and not text[runs[-1][-1].end:s.start].strip():
            runs[-1].append(s)
        else:
            runs.append([s])
    out: list[ListEntry] = []
    for run in runs:
        if len(run) < 3:
            continue
        intro = text[max(0, run[0].start - 300):run[0].start]
        intro = "\n".join(intro.rstrip("\n").split("\n")[-2:])  # the sentence before, and a heading above it
        if not _LIST_INTRO.search(intro):
            continue
        tracks = bool(_TRACKS_INTRO.search(intro))
        entries = []
        for s in run:
            m = _ENTRY.fullmatch(text[s.start:s.end])
            if m is None:
                break
            title = m.group("title").strip(" ,.–—-")
            words = title.split()
            if not words or len(words) > 10 or re.search(r"[.!?;]\s", title) or not (tracks or _title_cased(words)):
                break
            start = s.start + m.start("title")
            if tracks and m.group("name") and not m.group("feat"):  # "I Can Fix Him (No Really I Can)"
                title = text[start:s.start + m.end("name") + 1]
                entries.append(ListEntry(title, start, start + len(title), True))
            elif m.group("name"):
                entries.append(ListEntry(title, start, start + len(title), tracks, s.start + m.start("name"),
                                         s.start + m.end("name"), bool(m.group("feat"))))
            else:
                entries.append(ListEntry(title, start, start + len(title), tracks))
        else:
            # every item reads as an entry, and the titles are not names: "Quinta Brunson, Abbott Elementary"
            # opens with a name before its title, and a run the model reads as people (more often than the
            # names in brackets) is a list of people
            people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            inside = any(a == e.start and b < e.end for e in entries for a, b in people)
            named = sum(any((a, b) == (e.start, e.end) for a, b in people) for e in entries)
            credited = sum(any(e.name_start <= a and b <= e.name_end for a, b in people) for e in entries)
            if not inside and (named * 2 <= len(entries) or credited > named):
                out += entries
    return out


def headline_span(doc: Doc):  # noqa: ANN202
    """The cleaned document's headline span, if it has one."""
    return next((s for s in getattr(doc._.clean, "spans", []) or [] if s.kind == "headline"), None)


def topic_work(doc: Doc) -> str | None:
    """The work the article is about: its fact list's or JSON-LD's title, else the headline's most-mentioned work."""
    main = main_work(doc)
    if main:
        return main
    head = headline_span(doc)
    if head is None:
        return None
    in_head = [w for w in doc._.works or [] if any(m["start"] < head.end for m in w["mentions"])]
    if not in_head:
        return None
    best = max(in_head, key=lambda w: len(w["mentions"]))
    if len(best["mentions"]) >= 2 and len(in_head) == 1:  # the headline's only work, named again in the body
        return best["title"]
    # a headline that opens with a title is about it: "Star Trek 4 eyes ...", "'Dune' sequel sets date"
    text = doc_text(doc)
    lead = re.match(r"[\W_]*", text[head.start:head.end]).end() + head.start
    first = next((w for w in in_head if any(m["start"] == lead for m in w["mentions"])), None)
    return first["title"] if first is not None else None


def main_work(doc: Doc) -> str | None:
    """The work the page is about: its fact list's or JSON-LD's title."""
    for w in doc._.works or []:
        if any(m.get("source", "").endswith(("facts", "jsonld")) for m in w["mentions"]):
            return w["title"]
    clean = doc._.clean
    for f in getattr(clean, "facts", []) or []:
        if f.key.casefold() in ("title", "original title"):
            return f.value.strip()
    return None


class Offices:
    """'director' as an office rather than a film credit, from roles.json's `office_titles`: a modifier
    before it ("research director", "managing director") or "director of" + a common noun ("director of
    games for Stadia", "director for games") makes it `executive`; a craft with no role of its own in the vocabulary ("casting
    director", "director of photography") gives none; nor does a head of state ("U.S. President X")."""

    def __init__(self, roles: dict) -> None:
        o = roles.get("office_titles", {})
        self.nouns = frozenset(o.get("nouns", ()))
        self.executive = frozenset(o.get("executive_modifiers", ()))
        self.crafts = frozenset(o.get("craft_modifiers", ()))
        self.craft_of = frozenset(o.get("craft_of", ()))
        self.keep_of = frozenset(o.get("keep_of", ()))
        self.work_nouns = frozenset(w for ws in roles.get("possessive_work_nouns", {}).values() for w in ws)
        self.political = frozenset(o.get("political_nouns", ()))
        self.political_before = frozenset(o.get("political_modifiers", ())) | load_words("demonyms.txt")

    def role(self, doc: Doc, start: int, end: int) -> tuple[str, int] | None:
        """For the role noun `doc[start:end]` (ending in "director"): None for a film's director, else
        (role, start of the noun with its modifier), role "" for a craft."""
        last = doc[end - 1]
        if last.lower_ not in self.nouns and last.lower_ not in self.political:
            return None
        sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
        before = doc[start - 1].lower_ if start > sent_start else ""
        if last.lower_ in self.political:
            return ("", start) if last.text[0].isupper() and before in self.political_before else None
        if before in self.crafts:
            return "", start - 1
        if before in self.executive:
            return "executive", start - 1
        if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].is_lower and doc[end + 1].is_alpha:
            word = doc[end + 1].lower_
            if word in self.craft_of:
                return "", start
            singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
            if word not in self.keep_of and word not in self.work_nouns and singular not in self.work_nouns:
                return "executive", start
        return None
