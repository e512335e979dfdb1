"""`entertainment_dates`: explicit dates and years, normalised to ISO 8601 at the text's precision.

Sets: `Doc._.dates` (list of dicts: text, value, kind, relative, evidence), `Doc._.relative_dates`
(relative phrases such as "last year" resolved against the publication date), `Doc.spans["dates"]`
and `Span._.iso_date`.

Candidates come from token patterns in `patterns/dates.jsonl` (a spaCy `Matcher`); a date without
a year takes the publication year (the next year for upcoming dates well before publication); a
year that is part of a name ("Eurovision 2019") is not a date; the kind (release, award,
publication, other) comes from cue words around the date (`patterns/date_cues.json`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterator

import numpy as np
from dateutil import parser as dateparser
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import load_json, load_jsonl
from .base import Component
from .util import doc_text, string_ids, tokens_with

_ORD = re.compile(r"(st|nd|rd|th)$")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


@Language.factory(
    "entertainment_dates",
    default_config={"patterns": "dates.jsonl", "cues": "date_cues.json", "relative": "relative_dates.json",
                    "window": 8, "future_shift_days": 60},
    assigns=["doc._.dates", "doc.spans", "span._.iso_date"],
    requires=["doc.ents"],
)
def make_date_finder(nlp: Language, name: str, patterns: str, cues: str, relative: str, window: int,
                     future_shift_days: int) -> "DateFinder":
    return DateFinder(nlp, name, patterns=patterns, cues=cues, relative=relative, window=window,
                      future_shift_days=future_shift_days)


class DateFinder(Component):
    def __init__(self, nlp: Language, name: str, *, patterns: str, cues: str, relative: str, window: int,
                 future_shift_days: int) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        for p in load_jsonl(patterns):
            self.matcher.add(p["id"], [p["pattern"]])
        self.openers = _Openers.of([p["pattern"] for p in load_jsonl(patterns)])
        c = load_json(cues)
        self.cues = {k: frozenset(v) for k, v in c.items() if not k.startswith("_")}
        self.month_ids = string_ids(_MONTH_NUMBERS)
        self.relative = [(re.compile(r["pattern"], re.I), r) for r in load_json(relative)]
        self.window = window
        self.future_shift_days = future_shift_days

    def process(self, doc: Doc) -> Doc:
        published = _published(doc)
        matches = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self._matches(doc)]
        out: list[dict] = []
        seen: set[str] = set()
        spans = []
        self._last_shifted: date | None = None
        for span in sorted(filter_spans(matches), key=lambda s: s.start):
            precision = span.label_.split(":")[0]
            if precision == "year" and self._is_name_part(span):
                continue
            if span.start > 0 and doc[span.start - 1].text in ("$", "£", "€", "#", "No."):
                continue
            if span.end < len(doc) and doc[span.end].text in ("%", "mph", "km"):
                continue
            kind = self._kind(span)
            for value in self._values(span, precision, published):
                if kind == "publication" and published is not None and value == published.isoformat():
                    continue  # the byline's date is meta.published, not a date in the article
                span._.iso_date = value
                spans.append(span)
                item = {"text": span.text, "value": value, "kind": kind,
                        "evidence": {"start": span.start_char, "end": span.end_char, "text": span.text,
                                     "source": f"{self.name}:{span.label_.split(':')[1]}"}}
                if value in seen:
                    if item["kind"] == "release":
                        for prev in out:
                            if prev["value"] == value:
                                prev["kind"] = "release"
                    continue
                seen.add(value)
                out.append(item)
        taken = {t.i for sp in spans for t in sp}
        relative: list[dict] = []
        for span, value, is_relative in self._bare_months(doc, published, taken):
            if is_relative:  # "this April", "last March": relative phrases, like "last year"
                phrase = doc[span.start - 1:span.end]
                relative.append({"text": phrase.text, "value": value, "kind": "other", "relative": True,
                                 "evidence": {"start": phrase.start_char, "end": phrase.end_char, "text": phrase.text,
                                              "source": f"{self.name}:relative"}})
                continue
            if value in seen:
                continue
            seen.add(value)
            span._.iso_date = value
            spans.append(span)
            out.append({"text": span.text, "value": value, "kind": self._kind(span),
                        "evidence": {"start": span.start_char, "end": span.end_char, "text": span.text,
                                     "source": f"{self.name}:bare_month"}})
        doc.spans["dates"] = spans
        doc._.dates = out
        doc._.relative_dates = self._relative(doc, published) + relative
        return doc

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """`self.matcher(doc)`, run only over the stretches of tokens a match can lie in: every match
        starts at a token its pattern's first token accepts (a month name, a number) and is at most as
        long as the longest pattern, so the matcher reads those windows instead of every token (its
        regex tests run in Python per token). Same matches in the same order: windows are disjoint and
        in text order, and the matcher lists matches by where they end."""
        o = self.openers
        if o is None:
            return self.matcher(doc)
        starts = o.tokens(doc)
        out: list[tuple[int, int, int]] = []
        n = len(doc)
        i = 0
        while i < len(starts):
            lo, hi = starts[i], min(n, starts[i] + o.longest)
            i += 1
            while i < len(starts) and starts[i] < hi:  # overlapping windows are merged
                hi = min(n, starts[i] + o.longest)
                i += 1
            out += [(m, lo + s, lo + e) for m, s, e in self.matcher(doc[lo:hi])]
        return out

    # --- normalisation
    def _values(self, span: Span, precision: str, published: date | None) -> list[str]:
        toks = [t.text for t in span if t.text not in (",", "of", "-", "–", "—")]
        if precision == "dayrange":  # "November 6-11", "May 10–12, 2024": both ends of the run
            month, first, last, *year = [part for t in toks for part in re.split("[–—]", t)]  # "10–12" is one token
            ends, precision = ([month, first, *year], [month, last, *year]), "day" if year else "noyear"
        elif precision == "monthpair":  # "November and December 2025": each month of that year
            ends, precision = ([toks[0], toks[-1]], [toks[-2], toks[-1]]), "month"
        else:
            return self._parsed(toks, precision, span, published)
        return list(dict.fromkeys(v for end in ends for v in self._parsed(end, precision, span, published)))

    def _parsed(self, toks: list[str], precision: str, span: Span, published: date | None) -> list[str]:
        if precision == "year":
            return [span.text]
        if precision == "range":
            start, end = toks[0], toks[-1]
            if len(end) == 2:
                end = start[:2] + end
            return [start, end] if int(end) > int(start) else [start]
        if precision == "day" and span.label_.endswith("iso"):
            y, m, d = (int(x) for x in toks)
            return [_iso(y, m, d)] if _valid(y, m, d) else [f"{y:04d}-{m:02d}"]
        text = " ".join(_ORD.sub("", t) if t[:1].isdigit() else t.rstrip(".") for t in toks)
        try:
            parsed = dateparser.parse(text, default=datetime(2000, 1, 1))
        except (ValueError, OverflowError):
            return self._impossible(toks)
        if precision == "month":
            return [f"{parsed.year:04d}-{parsed.month:02d}"]
        if precision == "day":
            return [parsed.date().isoformat()]
        # no year: the year of the date that closes its range ("18 January – 22 June 2025", "5 March to 9 June
        # 2024"; a run over New Year counts back one), else the publication year, or the next one for upcoming
        # dates well before publication
        closing = _closing_year(span, parsed.month)
        if closing is not None:
            return [date(closing, parsed.month, parsed.day).isoformat()] if _valid(closing, parsed.month, parsed.day) else []
        if published is None:
            return []
        year = published.year
        if not _valid(year, parsed.month, parsed.day):
            return []
        candidate = date(year, parsed.month, parsed.day)
        shifted = date(year + 1, parsed.month, parsed.day) if _valid(year + 1, parsed.month, parsed.day) else None
        if shifted is not None and (
            ((published - candidate).days > self.future_shift_days and self._future_context(span))
            # a listing that already crossed into next year stays there while it runs forward
            or (self._last_shifted is not None and shifted >= self._last_shifted
                and (published - candidate).days > 14)
        ):
            self._last_shifted = candidate = shifted
        else:
            self._last_shifted = None
        return [candidate.isoformat()]

    def _impossible(self, toks: list[str]) -> list[str]:
        """'February 30, 2019': keep what is real (the month), never an impossible day."""
        years = [t for t in toks if re.fullmatch(r"\d{4}", t)]
        months = [t for t in toks if t[:1].isalpha()]
        if years and months:
            try:
                m = dateparser.parse(months[0].rstrip("."), default=datetime(2000, 1, 1)).month
                return [f"{years[0]}-{m:02d}"]
            except (ValueError, OverflowError):
                return [years[0]]
        return []

    def _is_name_part(self, span: Span) -> bool:
        """'Eurovision 2019', 'Star Trek 2009': a year right after a capitalised name word."""
        if span.start == 0:
            return False
        prev = span.doc[span.start - 1]
        if span.doc[span.start].ent_type_ in ("WORK", "EVENT") and span.doc[span.start].ent_iob_ == "I":
            return True
        if prev.text in ("“", '"', "‘") and len(span) == 1:  # 2014's “1989.”, the film “1917”: a title in quotation marks
            nxt = span.doc[span.end:span.end + 2]
            if any(t.text in ("”", '"', "’") for t in nxt):
                return True
        if not prev.is_title and not prev.is_upper:
            return False
        if prev.lower_ in self.cues["name_breakers"] or prev.lower_.rstrip(".") in _MONTHS:
            return False
        # a sentence-initial capital is a name unless it is an ordinary word ("In 2019", "Since 2019")
        initial = prev.i == 0 or prev.nbor(-1).text in (".", "!", "?", ":") or "\n" in prev.nbor(-1).text \
            or "\n" in prev.nbor(-1).whitespace_
        return not initial or prev.lower_ not in STOP_WORDS

    def _context(self, span: Span) -> set[str]:
        doc = span.doc
        lo, hi = max(0, span.start - self.window), min(len(doc), span.end + self.window)
        words = set()
        for tok in doc[lo:hi]:
            if "\n" in tok.text:
                if tok.i < span.start:
                    words.clear()
                    continue
                break
            words.add(tok.lower_)
        return words

    def _kind(self, span: Span) -> str:
        doc = span.doc
        # "2016's Star Trek Beyond", "Heat (1995)": a work's year
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in ("'s", "’s"):
            return "release"
        if span.start > 0 and doc[span.start - 1].text == "(" and nxt is not None and nxt.text == ")":
            return "release"
        words = self._context(span)
        if words & self.cues["award"]:
            return "award"
        if words & self.cues["release"]:
            return "release"
        if words & self.cues["publication"]:
            return "publication"
        return "other"

    def _future_context(self, span: Span) -> bool:
        if self._context(span) & self.cues["future"]:
            return True
        published = _published(span.doc)
        if published is not None and str(published.year + 1) in doc_text(span.doc):
            return True
        clean = span.doc._.clean
        return clean is not None and any(s.kind in ("list_item", "table_cell") and s.start <= span.start_char < s.end
                                         for s in clean.spans)

    def _bare_months(self, doc: Doc, published: date | None, taken: set[int]) -> Iterator[tuple[Span, str, bool]]:
        """"in August", "this past June", "When February rolls around", "In January of that year": a month
        named without a day or year carries the year the article makes plain. "of that year" / "of 2016"
        give it; "this" the publication's; "last"/"past" the latest such month before publication, "next"
        the first after; otherwise a future word just before it (bare_month_future) puts it after the
        publication date, else it is the latest at or before it. Yields (month, ISO value, whether "this/last/
        next/past" makes it a relative phrase)."""
        if published is None:
            return
        before_words, future = self.cues.get("bare_month_before", ()), self.cues.get("bare_month_future", ())
        for i in tokens_with(doc, self.month_ids):
            tok = doc[i]
            if i in taken or i == 0 or not tok.is_title or doc[i - 1].lower_ not in before_words:
                continue
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and (nxt.like_num or nxt.text == "," and i + 2 < len(doc) and doc[i + 2].like_num):
                continue  # "August 5", "August, 2019": the date patterns' (or a broken date)
            if doc[i - 1].like_num or i > 1 and doc[i - 2].like_num and doc[i - 1].text in ("-", "–"):
                continue
            month, prev = _MONTH_NUMBERS[tok.lower_], doc[i - 1].lower_
            sent = tok.sent
            after = [t.lower_ for t in doc[i + 1:min(sent.end, i + 4)]]
            if after[:2] == ["of", "that"] and len(after) > 2 and after[2] == "year":
                year = next((int(t.text) for t in reversed(doc[max(0, i - 120):i]) if re.fullmatch(r"(19|20)\d\d", t.text)),
                            None)
                if year is None:
                    continue
            elif prev == "this":
                year = published.year
            elif prev in ("last", "past"):
                year = published.year if month < published.month else published.year - 1
            elif prev == "next":
                year = published.year if month > published.month else published.year + 1
            elif any(t.lower_ in _PAST_AUX for t in doc[max(sent.start, i - 6):i]):
                year = published.year if month <= published.month else published.year - 1
            elif any(t.lower_ in future for t in doc[max(sent.start, i - 6):i]) or \
                    doc[sent.start].lower_ == "when" and any(t.lower_ in future for t in doc[i + 1:min(sent.end, i + 4)]):
                year = published.year if month >= published.month else published.year + 1
            else:
                year = published.year if month <= published.month else published.year - 1
            yield Span(doc, i, i + 1, label="month:bare_month"), f"{year:04d}-{month:02d}", prev in _RELATIVE_MONTH

    def _relative(self, doc: Doc, published: date | None) -> list[dict]:
        if published is None:
            return []
        out = []
        for rx, rule in self.relative:
            for m in rx.finditer(doc_text(doc)):
                n = m.groupdict().get("n")
                k = (_NUMBER_WORDS.get(n.lower(), None) if n and not n.isdigit() else int(n)) if n else None
                years = -k if rule.get("years") == "-n" and k else rule.get("years")
                if isinstance(years, int):
                    value = str(published.year + years)
                elif "months" in rule:
                    month = published.month + rule["months"]
                    y = published.year + (month - 1) // 12
                    value = f"{y:04d}-{(month - 1) % 12 + 1:02d}"
                else:
                    continue
                out.append({"text": m.group(0), "value": value, "kind": "other", "relative": True,
                            "evidence": {"start": m.start(), "end": m.end(), "text": m.group(0),
                                         "source": f"{self.name}:relative"}})
        return out


class _Openers:
    """The tokens that can open a match of a set of `Matcher` patterns, when every pattern has a
    fixed first token (lower-case form or text in a list, or a text regex) and a bounded length."""

    def __init__(self, lowers: set[str], orths: set[str], regexes: list[re.Pattern[str]], longest: int) -> None:
        self.lowers = string_ids(lowers) if lowers else None
        self.orths = string_ids(orths) if orths else None
        self.regexes = regexes
        self._seen: dict[int, bool] = {}  # token text id -> a regex accepts it, across documents
        self.longest = longest

    @classmethod
    def of(cls, patterns: list[list[dict]]) -> "_Openers | None":
        lowers: set[str] = set()
        orths: set[str] = set()
        regexes: list[re.Pattern[str]] = []
        longest = 0
        for pattern in patterns:
            if not pattern or any(t.get("OP") not in (None, "?") for t in pattern) or len(pattern[0]) != 1:
                return None  # an optional or repeated first token, or an unbounded pattern
            longest = max(longest, len(pattern))
            (attr, value), = pattern[0].items()
            if isinstance(value, str):
                value = {"IN": [value]}
            if not isinstance(value, dict) or len(value) != 1:
                return None
            (op, arg), = value.items()
            if attr == "LOWER" and op == "IN":
                lowers.update(arg)
            elif attr in ("ORTH", "TEXT") and op == "IN":
                orths.update(arg)
            elif attr in ("ORTH", "TEXT") and op == "REGEX":
                regexes.append(re.compile(arg))  # the Matcher's test: `re.compile(arg).search(token.text)`
            else:
                return None
        return cls(lowers, orths, regexes, longest)

    def tokens(self, doc: Doc) -> list[int]:
        """Indices, ascending, of the tokens a pattern's first token accepts."""
        found = set(tokens_with(doc, self.lowers, self.orths))
        if self.regexes and len(doc):
            orth = doc.to_array(ORTH)
            ids, inverse = np.unique(orth, return_inverse=True)
            seen = self._seen
            if len(seen) > 200_000:
                seen.clear()
            ok = np.array([seen[i] if i in seen else seen.setdefault(i, any(rx.search(doc.vocab.strings[int(i)]) for rx in self.regexes))
                           for i in ids.tolist()], dtype=bool)
            found.update(np.flatnonzero(ok[inverse.reshape(-1)]).tolist())
        return sorted(found)


_PAST_AUX = frozenset(("was", "were", "had", "did", "went", "came"))
_RELATIVE_MONTH = frozenset(("this", "last", "next", "past"))
_MONTH_NUMBERS = {m: k + 1 for k, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                                   "september", "october", "november", "december"))}
# month words, full and short ("jan", "sept"), to their numbers
_MONTH_OF = _MONTH_NUMBERS | {m[:3]: n for m, n in _MONTH_NUMBERS.items() if m != "may"} | {"sept": 9}
_MONTHS = set(_MONTH_OF)


def _published(doc: Doc) -> date | None:
    clean = doc._.clean
    value = getattr(getattr(clean, "meta", None), "published", None)
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


_RANGE_JOINERS = frozenset(("-", "–", "—", "to", "until", "till", "through", "thru"))


def _closing_year(span: Span, month: int) -> int | None:
    """The year of the date that ends the range a year-less date opens: a joiner right after it, then a day
    and a month (either order) and a four-digit year within a few tokens, with no break between."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].lower_ not in _RANGE_JOINERS:
        return None
    end_month = None
    for t in doc[i + 1:min(len(doc), i + 6)]:
        if t.lower_.rstrip(".") in _MONTH_OF:
            end_month = _MONTH_OF[t.lower_.rstrip(".")]
        elif re.fullmatch(r"(1[89]|20)\d\d", t.text):
            if end_month is None:
                return None
            return int(t.text) - (1 if month > end_month else 0)
        elif not (t.like_num or t.text == ","):
            return None
    return None
