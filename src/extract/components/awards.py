"""`entertainment_awards`: awards won or nominated, one record per distinct award.

Sets: `Doc._.awards` (dicts: award, category, recipient, work, outcome, year, evidence) and
`Doc.spans["awards"]` (every mention of an award body).

Award bodies and their aliases come from `patterns/awards.jsonl` (a `PhraseMatcher`), plus AWARD
entities of the model for bodies the catalogue lacks. Categories are phrases a head word opens
("best supporting actress", "Outstanding Lead Actor in a Limited Series") or "of the year" closes
("Album of the Year"), built from the category vocabulary in `patterns/award_cues.json`, plus bare
category names ("cinematography for X").

A record needs an outcome cue ("won", "went to", "nominated", ...) in its sentence, or a list of
nominees under a category heading. Each category (or, without one, each body mention) in such a
sentence yields one record per recipient. The body is the one named in the sentence, else the
last one named before it, else the headline's. Recipients: the people "for"/"went to" names after
the category, else the subject before the cue (a pronoun resolves to the person last named), else
the nearest person or work. The year comes from "2019 Emmys", "71st Primetime Emmy Awards", a year
in the sentence, or the body mention that set the context.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import load_json, load_jsonl
from .base import Component
from .coref import PART_NOUNS, PLAYING_WORDS, gender_fit, pronoun_antecedents
from .util import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    as_clause_subject,
    canonical,
    doc_text,
    nearest,
    norm_key,
    section_work,
    span_dict,
    string_ids,
    tokens_with,
    topic_work,
)

_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s*$", re.I)
_YEAR = re.compile(r"\b(19[2-9]\d|20\d\d)\b")
_CONNECTORS = frozenset("in a an or and of by for the – - — / & 's ’s".split())
_SKIP_BEFORE_CUE = frozenset("also finally has have had is was were are be been will would both each then later "
                             "eventually ultimately who which that , already just only once again".split())
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                      r"fifteen|leading|record)\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:nominations|nods|wins|awards)\b")
_PRONOUNS = frozenset("he she they him her them his".split())
# "the actor who won ...": a described person
_DESCRIBED = frozenset("actor actress singer star director filmmaker musician rapper comedian writer author man woman "
                       "performer artist composer".split())
_SPEECH_VERBS = frozenset("said says told tells added adds wrote writes recalled recalls explained noted joked quipped".split())
_CUE_NOUNS = frozenset("nomination nominations nod nods win wins victory trophy statuette".split())
_RECEIVE_VERBS = frozenset("received receives receiving earned earns earning got gets getting landed lands scored scores "
                           "garnered garners secured secures nabbed snagged bagged up".split())
_POSSESSIVE_DETS = frozenset("his her their its a an the first second third fourth fifth another".split())
_NOMINEE_ASIDE = re.compile(r"[(\[]\s*(?:also\s+)?(?:nominated|nominees|nominees were|other nominees|also in the running)\s*:\s*",
                            re.I)
_LIST_LINE = re.compile(r"^[^\w\n]*(?P<head>[^:\n]{3,90}):[ \t]+\S[^\n]*", re.M)  # "Best New Artist: Samara Joy"
_LIST_INTRO = re.compile(r"\b(?:winners|nominees|nominations|full list|the list)\b", re.I)
_WINNERS = re.compile(r"\b(?:winners?|won|wins|took home)\b", re.I)
_YEAR_PRIZES = frozenset("album record song artist entertainer songwriter producer".split())
_TROPHY_NOUNS = frozenset("grammy oscar emmy award globe tony bafta prize trophy statuette".split())
# words between a category and a later award name that put the name in another clause
_OTHER_CLAUSE = re.compile(r"\b(?:frontrunners?|front-runners?|favou?rites?|cementing|boosting|ahead of|while|before)\b")
_PART_NOUNS = PART_NOUNS | {"roles", "performances", "work"}  # "won for her role", "for his work in W"
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


@Language.factory(
    "entertainment_awards",
    default_config={"catalogue": "awards.jsonl", "cues": "award_cues.json", "require_outcome": True,
                    "max_gap": 60},
    assigns=["doc._.awards", "doc.spans"],
    requires=["doc.ents", "token.is_sent_start"],
)
def make_award_finder(nlp: Language, name: str, catalogue: str, cues: str, require_outcome: bool,
                      max_gap: int) -> "AwardFinder":
    return AwardFinder(nlp, name, catalogue=catalogue, cues=cues, require_outcome=require_outcome, max_gap=max_gap)


class AwardFinder(Component):
    def __init__(self, nlp: Language, name: str, *, catalogue: str, cues: str, require_outcome: bool,
                 max_gap: int) -> None:
        self.name = name
        self.max_gap = max_gap
        self.require_outcome = require_outcome
        self.bodies: dict[str, dict] = {}
        self.matcher = PhraseMatcher(nlp.vocab)  # case-sensitive: "Tonys" yes, "tonys" no
        for entry in load_jsonl(catalogue):
            self.bodies[entry["award"]] = entry
            # "the Screen Actors Guild awards", "Golden Globe award": news writes the last word lower-case
            lowered = [re.sub(r"\bAward(s?)$", r"award\1", a) for a in entry["aliases"]]
            self.matcher.add(entry["award"], [nlp.make_doc(a) for a in dict.fromkeys(entry["aliases"] + lowered)])
        c = load_json(cues)
        self.won = _cue_regex(c["won"])
        self.nominated = _cue_regex(c["nominated"])
        self.won_to = _cue_regex(c.get("won_to", []))
        # any cue word, without the word-boundary checks: a sentence none of its matches overlaps has
        # no cue (each cue match of a sentence lies inside or across one of these), so it is skipped
        self.any_cue = _cue_regex(c["won"] + c["nominated"] + c.get("won_to", []) + c.get("won_before_category", []),
                                  bounded=False)
        # "took cinematography", "takes best actress": a win only right before a category
        self.won_before_category = _cue_regex(c.get("won_before_category", []))
        # "beating Lily Gladstone", "saw off A (W1), B (W2)": the people after it were nominated
        self.beat = _cue_regex(c.get("beat", []))
        self.heads = frozenset(h.casefold() for h in c["category_heads"])
        self.vocab = frozenset(w.casefold() for w in c.get("category_words", []))
        self.category_starts = string_ids(self.heads | {"of"})  # where `_categories` can find a phrase
        self.bare = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.bare.add("BARE", [nlp.make_doc(b) for b in c.get("bare_categories", [])])

    # ------------------------------------------------------------------ main
    def process(self, doc: Doc) -> Doc:
        mentions = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        mentions += [e for e in doc.ents if e.label_ == "AWARD" and not self._catalogued(e)]
        mentions = [m for m in filter_spans(mentions) if self._body(m) is not None]
        doc.spans["awards"] = mentions
        categories = self._categories(doc)
        people = sorted(doc.spans.get("people", []), key=lambda s: s.start)
        ctx = _Context(doc, mentions, categories, people, list(doc.spans.get("works", [])), self._body,
                       lambda m: bool(self.bodies.get(self._body(m) or "", {}).get("single_prize")),
                       self._stated_year)
        found: list[dict] = []
        found += self._from_lists(ctx)
        found += self._from_category_lines(ctx)
        listed = {(norm_key(r["category"] or "")) for r in found}
        hits = [(m.start(), m.end()) for m in self.any_cue.finditer(doc_text(doc))]
        hit_starts, hit_ends = [h[0] for h in hits], [h[1] for h in hits]
        for sent in doc.sents:
            if self.require_outcome:  # only sentences with a cue can give a record
                k = bisect_right(hit_ends, sent.start_char)  # the first hit ending inside or after it
                if k == len(hits) or hit_starts[k] >= sent.end_char:
                    continue
            found += self._from_sentence(ctx, sent, listed)
        found += self._beaten(ctx, found)
        # "3. Dog Day Afternoon (1975)" over "Frank Pierson won the Academy Award for best original
        # screenplay": in a list article a person's award with no work named is for the section's work
        for r in found:
            if r["work"] is None and r["recipient"] in ctx.names:
                ev = doc.char_span(r["evidence"]["start"], r["evidence"]["end"], alignment_mode="expand")
                w = section_work(doc, ev) if ev is not None else None
                if w is not None:
                    r["work"] = canonical(w)
        doc._.awards = _merge(found)
        return doc

    def _catalogued(self, ent: Span) -> bool:
        return bool(self.matcher(ent))  # the matches inside the span, as on `ent.as_doc()`, without the copy

    def _body(self, mention: Span) -> str | None:
        if mention.label_ in self.bodies:
            return mention.label_
        return _generic_name(mention)

    # ------------------------------------------------------------ categories
    def _categories(self, doc: Doc) -> list[Span]:
        """Category phrases: head + vocabulary ("best original screenplay"), vocabulary + "of the year",
        and bare names ("cinematography") when no phrase covers them."""
        out: list[Span] = []
        n = len(doc)
        for i in tokens_with(doc, self.category_starts):
            tok = doc[i]
            low = tok.lower_
            if low in self.heads:
                end = self._extend(doc, i + 1)
                if end > i + 1:
                    out.append(Span(doc, i, end, label="CATEGORY"))
            elif low == "of" and i + 2 < n and doc[i + 1].lower_ == "the" and doc[i + 2].lower_ == "year":
                j = i
                while j - 1 >= 0 and doc[j - 1].lower_ in self.vocab and not doc[j - 1].is_sent_start:
                    j -= 1
                if j - 1 >= 0 and doc[j - 1].lower_ in self.vocab and doc[j - 1].is_sent_start:
                    j -= 1
                # "Album of the Year"; lower-case only for the music prizes ("won album of the year"), not
                # "the performance of the year" a review hands out
                if j < i and (any(t.text[:1].isupper() for t in doc[j:i]) or doc[i - 1].lower_ in _YEAR_PRIZES):
                    out.append(Span(doc, j, i + 3, label="CATEGORY"))
        for _, s, e in self.bare(doc):
            out.append(Span(doc, s, e, label="BARE"))
        return sorted(filter_spans(out), key=lambda s: s.start)

    def _extend(self, doc: Doc, j: int) -> int:
        """End of the category phrase that starts at token `j` (after its head)."""
        end = j
        k = j
        while k < len(doc) and "\n" not in doc[k - 1].whitespace_:
            low = doc[k].lower_
            if low in self.vocab:
                end = k + 1
            elif low in ("and", "&") and k + 4 < len(doc) and doc[k + 1].is_title \
                    and [t.lower_ for t in doc[k + 2:k + 5]] == ["of", "the", "year"]:
                break  # "Best Female Pop Vocal Performance and Record of the Year": two categories
            elif low in _CONNECTORS or (doc[k].is_space is False and low in ("–", "—", "-")):
                # a connector only inside the phrase: a vocabulary word must follow within two tokens
                if not any(t.lower_ in self.vocab for t in doc[k + 1:k + 3]):
                    break
            else:
                break
            k += 1
        return end

    # ------------------------------------------------------------ lists
    def _from_lists(self, ctx: "_Context") -> list[dict]:
        """Nominees listed under a category heading: "Outstanding Drama Series" then one item per line."""
        doc = ctx.doc
        clean = doc._.clean
        spans = sorted(getattr(clean, "spans", []) or [], key=lambda s: s.start)
        out: list[dict] = []
        for idx, h in enumerate(spans):
            if h.kind != "heading":
                continue
            cat = next((c for c in ctx.categories if c.label_ == "CATEGORY" and c.start_char <= h.start + 1
                        and c.end_char >= h.end - 1), None)
            if cat is None:
                continue
            body, year = ctx.body_before(cat)
            if body is None:
                continue
            outcome = self._context_outcome(doc, h.start)
            for item in spans[idx + 1:]:
                if item.kind == "heading":
                    break
                if item.kind != "list_item":
                    continue
                span = doc.char_span(item.start, item.end, alignment_mode="expand")
                if span is None:
                    continue
                who = [p for p in ctx.people if span.start <= p.start and p.end <= span.end]
                what = [w for w in ctx.works if span.start <= w.start and w.end <= span.end]
                won = bool(re.search(r"\b(?:winner|won)\b", span.text, re.I))
                work = canonical(what[0]) if what else None
                if who:
                    recipient = canonical(who[0])
                elif work:
                    recipient = work
                else:
                    recipient = re.sub(r"\s*[(\[].*$", "", span.text).strip(" *•–—-") or None
                    work = recipient
                out.append(self._rec(body, cat.text, recipient, work, "won" if won else outcome, year, span))
        return out

    def _from_category_lines(self, ctx: "_Context") -> list[dict]:
        """Winners listed one category per line: "Record of the Year: Lizzo – "About Damn Time" (also
        nominated: ABBA, "Don't Shut Me Down"; Adele, "Easy on Me")", "Best Director: A (W)", "Best
        Picture: W". The winners take the list's outcome (won unless the text before says nominations);
        the names in the nominee aside are nominated. In a block of such lines that is plainly a list of
        prizes (two lines or more open with a category phrase, or the line before it announces winners
        or nominees), the other lines count too: "Director: A, W", "Editing: W – A", "Rising star: A"."""
        doc, text = ctx.doc, doc_text(ctx.doc)
        out: list[dict] = []
        for block in self._category_blocks(ctx):
            outcome = self._block_outcome(doc, block[0][0].start())
            for line, cat, colon in block:
                line_start, line_end = line.start(), line.end()
                body, year = ctx.body_before(cat)
                if body is None:
                    continue
                category = text[cat.start_char:colon].strip()
                evidence = doc.char_span(line_start, line_end, alignment_mode="expand") or cat
                aside = _NOMINEE_ASIDE.search(text, colon + 1, line_end)
                entries = [(r, w, outcome) for r, w in
                           self._line_entries(ctx, colon + 1, aside.start() if aside else line_end, single=True)]
                if aside:
                    aside_end = text.find(")", aside.end(), line_end)
                    entries += [(r, w, "nominated") for r, w in
                                self._line_entries(ctx, aside.end(), aside_end if aside_end > 0 else line_end)]
                # "Best film: W", "Documentary: W": a work's own prize names the work it went to
                entries = [(r, r if w is None and r and r not in ctx.names and _work_category(category) else w, o)
                           for r, w, o in entries]
                out += [self._rec(body, category, r, w, o, year, evidence) for r, w, o in entries]
        return out

    def _category_blocks(self, ctx: "_Context") -> list[list[tuple[re.Match[str], Span, int]]]:
        """Runs of consecutive "Category: entry" lines, each line with its category span and colon."""
        doc, text = ctx.doc, doc_text(ctx.doc)
        # a line opening with a category phrase, or with a head word ("Best Música Urbana Album:", words the
        # vocabulary lacks), then a colon
        starts = {c.start_char: c for c in ctx.categories if c.label_ == "CATEGORY"}
        runs: list[list[tuple[re.Match[str], Span | None, int]]] = []
        block_end = -2
        for line in _LIST_LINE.finditer(text):
            colon, lead = line.end("head"), line.start("head")
            cat = starts.get(lead)
            if cat is None:
                head = _token_at(doc, lead)
                if head is not None and head.lower_ in self.heads and head.lower_ != "top" and head.is_title:
                    cat = doc.char_span(lead, colon, alignment_mode="contract")
            # "Producer of the Year, Non-Classical:": a qualifier may follow the phrase before its colon
            if cat is not None and len(text[cat.end_char:colon].split()) > 3:
                cat = None
            if line.start() != block_end + 1:
                runs.append([])
            block_end = line.end()
            runs[-1].append((line, cat, colon))
        blocks = []
        for run in runs:
            named = sum(1 for _, cat, _ in run if cat is not None)
            listed = len(run) >= 3 and (named >= 2 or self._announces_list(text, run[0][0].start()))
            block = []
            for line, cat, colon in run:
                if cat is None and listed:
                    cat = self._plain_category(doc, text, line.start("head"), colon)
                if cat is not None:
                    block.append((line, cat, colon))
            if block:
                blocks.append(block)
        return blocks

    @staticmethod
    def _announces_list(text: str, line_start: int) -> bool:
        """Whether the line before `line_start` introduces winners or nominees ("The main winners")."""
        end = max(0, line_start - 1)
        intro = text[text.rfind("\n", 0, end) + 1:end]
        return bool(_LIST_INTRO.search(intro)) and len(intro.split()) <= 12

    @staticmethod
    def _plain_category(doc: Doc, text: str, lead: int, colon: int) -> Span | None:
        """A category named without a head word ("Director", "Leading actress", "EE rising star")."""
        head = text[lead:colon].rstrip()
        words = head.split()
        if not words or len(words) > 10 or not words[0][:1].isupper() or any(c.isdigit() for c in head):
            return None
        return doc.char_span(lead, lead + len(head), alignment_mode="contract")

    def _block_outcome(self, doc: Doc, line_start: int) -> str:
        """The outcome of a block of "Category: ..." lines: what the line introducing it says ("Here are the
        winners ..., with other nominees where noted" is a winners list), else the nearest cue, else won."""
        text = doc_text(doc)
        end = line_start - 1
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if not _LIST_LINE.match(line):
                if _WINNERS.search(line):
                    return "won"
                if self.nominated.search(line):
                    return "nominated"
                break
            end = start - 1
        return self._context_outcome(doc, max(end, 0)) or "won"

    def _line_entries(self, ctx: "_Context", start: int, end: int, single: bool = False) -> list[tuple[str, str | None]]:
        """(recipient, work) pairs in a stretch of a category line: "Sam Smith & Kim Petras – "Unholy"" (one
        entry, two people) or "ABBA, "Voyage"; Adele, "30"" (entries split at semicolons, else commas)."""
        text = doc_text(ctx.doc)
        chunk = text[start:end]
        parts = [(start, end)] if single else []
        if not single:
            sep = ";" if ";" in chunk else ","
            pos = start
            for piece in chunk.split(sep):
                parts.append((pos, pos + len(piece)))
                pos += len(piece) + 1
            if sep == "," and any(_QUOTED.search(text[a:b]) for a, b in parts):
                parts = [(start, end)]  # "A, "W"" is one entry: a comma splits name from work
        out: list[tuple[str, str | None]] = []
        for a, b in parts:
            piece = text[a:b]
            if not piece.strip(" .,;"):
                continue
            quoted = _QUOTED.search(piece)
            q0, q1 = (a + quoted.start(), a + quoted.end()) if quoted else (b, b)
            who = [p for p in ctx.people if a <= p.start_char and p.end_char <= b
                   and not (q0 <= p.start_char and p.end_char <= q1)]  # a name inside the quoted title is the title's
            what = [w for w in ctx.works if a <= w.start_char and w.end_char <= b]
            # the quoted title wins over the model's reading ("Doja Cat, "Woman"": Doja Cat is the act)
            work = quoted.group(1).strip(" ,.") if quoted else (canonical(what[0]) if what else None)
            if not quoted and what and norm_key(piece) == norm_key(what[0].text):
                work = None  # the whole entry is a name the model took for a title ("Wet Leg"): an act
            if who:
                if work is None and single:  # "Christopher Nolan, Oppenheimer", "Anatomy of a Fall – J. Triet"
                    work = _rest_title(text, a, b, who)
                out += [(canonical(p), work) for p in who]
                continue
            name = _QUOTED.sub("", piece)
            name = re.split(r"\s[–—-]\s|,|\(", name)[0].strip(" .;:–—-\"“”")
            if name and (name[0].isupper() or name[0].isdigit()) and len(name.split()) <= 6:
                out.append((name, work))  # a band or act the entity model does not take for a person
            elif work:
                out.append((work, work))
        return out

    def _context_outcome(self, doc: Doc, char: int) -> str | None:
        """Outcome of a nominee list: the nearest cue in the text before its heading, or the headline."""
        before = doc_text(doc)[max(0, char - 400):char]
        cues = [(m.end(), "won") for m in self.won.finditer(before)] + \
               [(m.end(), "nominated") for m in self.nominated.finditer(before)]
        if cues:
            return max(cues)[1]
        head = doc_text(doc).split("\n", 1)[0]
        if self.nominated.search(head):
            return "nominated"
        return "won" if self.won.search(head) else None

    # ------------------------------------------------------------ sentences
    def _from_sentence(self, ctx: "_Context", sent: Span, listed: set[str]) -> list[dict]:
        doc = ctx.doc
        cats = [c for c in ctx.categories if sent.start <= c.start and c.end <= sent.end]
        cues = self._cues(sent, {c.start_char for c in cats})
        if not cues and self.require_outcome:
            return []
        bodies = [m for m in ctx.mentions if sent.start <= m.start and m.end <= sent.end]
        anchors: list[tuple[Span, Span | None]] = []  # (anchor, category)
        for c in cats:
            if c.label_ == "BARE" and not self._bare_ok(doc, c, sent, ctx):
                continue
            anchors.append((c, c))
        # "winner of the Palme d'Or at the 2017 Cannes Film Festival": a body after "at" beside another body is
        # where the prize was given, not a second prize
        body_anchors = [(m, None) for m in ([m for m in bodies if not _at_venue(doc, m, sent)] or bodies)]
        if not anchors:
            anchors = body_anchors
        part_works: dict[int, str | None] = {}  # "won for her role in W": W, not the sentence's nearest work
        if not anchors and ctx.mentions:
            part_works = {a.start: w for a, w in self._won_for_a_part(ctx, sent, cues)}
            anchors = [(doc[i:i + 1], None) for i in part_works]
        with_categories = [b for b in bodies if not ctx.single_prize(b)]

        def records(anchors: list[tuple[Span, Span | None]], near_categories: bool = True) -> list[dict]:
            out: list[dict] = []
            prev_anchor, prev_cue = None, None
            for anchor, cat in anchors:
                if cat is not None and norm_key(cat.text) in listed and not bodies:
                    continue  # the nominee list already gave this category
                if cat is None:  # the body mention itself, or a "won for her role" cue (no body in the sentence)
                    body_span = anchor if bodies else None
                else:
                    body_span = nearest(with_categories, anchor) if with_categories else None
                    before = [b for b in with_categories if b.end <= anchor.start]
                    if body_span is not None and body_span.start >= anchor.end and before and (any(
                            anchor.end_char <= c[0] and c[1] <= body_span.start_char for c in cues)
                            or _OTHER_CLAUSE.search(doc_text(doc), anchor.end_char, body_span.start_char)):
                        body_span = before[-1]  # "... at the SAG awards, while X was named best actor, cementing
                        # her role as frontrunner at the Oscars": a cue between starts another clause
                if body_span is not None:
                    body = self._body(body_span)
                    years = [self._year(doc, b) for b in sorted(bodies, key=lambda b: abs(b.start - anchor.start))
                             if self._body(b) == body]
                    year = next((y for y in years if y is not None), None)
                else:
                    body, year = ctx.body_before(anchor)
                if body is None:
                    continue
                if body == "Primetime Emmy Award" and re.search(r"\bDaytime\b", sent.text):
                    body = "Daytime Emmy Award"
                cue = _nearest_cue(cues, anchor, self.max_gap)
                if cue is None and cat is not None and prev_anchor is not None and prev_anchor.end + 1 == anchor.start \
                        and doc[prev_anchor.end].lower_ in ("and", "&", ","):
                    cue = prev_cue  # "won ... for Best Female Pop Vocal Performance and Record of the Year": one cue
                prev_anchor, prev_cue = anchor, cue
                if cue is None and self.require_outcome:
                    continue
                outcome = cue[2] if cue else None
                category = cat.text if cat is not None else \
                    (self._category_near(ctx, body_span, sent) if near_categories else None)
                if category is None and body_span is not None and body_span.start > 0 \
                        and doc[body_span.start - 1].lower_ == "honorary":
                    category = "honorary"  # "received an honorary Palme d'Or", "an honorary Oscar"
                pairs = self._recipients(ctx, sent, anchor, cue) or [(None, None)]
                for recipient, work in pairs:
                    if anchor.start in part_works:
                        work = part_works[anchor.start]
                    elif work is None and cat is None:
                        work = self._work_near(ctx, anchor, sent)
                    out.append(self._rec(body, category, recipient, work, outcome,
                                         year if year is not None else _sent_year(sent), sent))
            return out

        out = records(anchors)
        if not out and bodies and anchors and anchors[0][1] is not None:
            # the sentence's category phrases gave nothing ("the year's best original movie song" far from any
            # cue): the bodies themselves ("Oscar-winning actress X")
            out = records(body_anchors, near_categories=False)
        return out

    def _won_for_a_part(self, ctx: "_Context", sent: Span,
                        cues: list[tuple[int, int, str, bool]]) -> list[tuple[Span, str | None]]:
        """A win cue right before "for her role", "for his performance" or (won, winner) "for W", in a
        sentence naming neither body nor category ("X was an upset winner for her role as a TV anchor in W",
        "X picked up another trophy for his supporting role"): the award is the one the text named last.
        Gives the "for" with the work: W, or the one "in" names within a few words of the role."""
        doc = ctx.doc
        out: list[tuple[Span, str | None]] = []
        for _, end, outcome, went_to in cues:
            last = _token_at(doc, end - 1)
            if outcome != "won" or went_to or last is None or last.i + 2 >= sent.end or doc[last.i + 1].lower_ != "for":
                continue
            k = last.i + 2
            w = ctx.work_at.get(k + 1 if doc[k].text in OPENING_QUOTES else k)
            if w is not None and last.lower_ in ("won", "wins", "winner"):
                out.append((doc[last.i + 1:last.i + 2], canonical(w)))
                continue
            if doc[k].lower_ not in ("his", "her", "their"):
                continue
            k += 1
            while k < min(sent.end, last.i + 6) and doc[k].lower_ not in _PART_NOUNS and doc[k].is_lower:
                k += 1
            if k < sent.end and doc[k].lower_ in _PART_NOUNS:  # the "for": the cue is the one before it
                ins = [w for w in ctx.works if k < w.start <= k + 10 and w.end <= sent.end
                       and _word_before(doc, w.start) == "in" and not any(t.text == "," for t in doc[k + 1:w.start - 1])]
                out.append((doc[last.i + 1:last.i + 2], canonical(ins[0]) if ins else None))
        return out

    def _beaten(self, ctx: "_Context", found: list[dict]) -> list[dict]:
        """"Emma Stone won best actress ..., beating Lily Gladstone", "In the best actor race, Murphy saw
        off A (W1), B (W2) and C (W3)": the people after the phrase were nominees in the sentence's category,
        else in the category the winner named before the phrase won ("Groff beat A (W1) and B (W2)")."""
        doc = ctx.doc
        out: list[dict] = []
        for m in self.beat.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            cats = [c for c in ctx.categories if c.label_ == "CATEGORY" and sent.start <= c.start and c.end <= span.start]
            group = ctx.group_after(_after_description(ctx, span.end, sent), sent)
            if not group:
                continue
            if cats:
                category = cats[-1].text
                body, year = ctx.body_before(cats[-1])
                of_works = _work_category(category)
            else:
                winner = ctx.group_before(span.start, sent)
                if winner:
                    won = [r for r in found if r["outcome"] == "won" and r["category"]
                           and r["recipient"] == canonical(winner[-1])]
                elif _pronoun_subject(doc, sent, span.start):
                    # "Despite an unknown cast, it beat A and B": what the sentence before said won
                    k = sent.start - 1
                    while k > 0 and doc[k].is_space:
                        k -= 1
                    before = doc[k].sent.start_char if k >= 0 else sent.start_char
                    won = [r for r in found if r["outcome"] == "won" and r["category"] and r["recipient"]
                           and before <= r["evidence"]["start"] and r["evidence"]["end"] <= sent.start_char][-1:]
                else:
                    won = []
                if len(won) != 1:
                    continue
                category, body, year = won[0]["category"], won[0]["award"], won[0]["year"]
                of_works = won[0]["recipient"] == won[0]["work"]
            group = [g for g in group if (g.label_ == "WORK") == of_works]
            if body is None or not group:
                continue
            for recipient, work in self._with_works(ctx, group, span, sent):
                out.append(self._rec(body, category, recipient, work, "nominated",
                                     year if year is not None else _sent_year(sent), sent))
        return out

    def _bare_ok(self, doc: Doc, cat: Span, sent: Span, ctx: "_Context") -> bool:
        """A bare category ("cinematography") only as "took cinematography for X" or right after a cue."""
        nxt = doc[cat.end] if cat.end < sent.end else None
        prev = doc[cat.start - 1] if cat.start > sent.start else None
        if nxt is not None and nxt.lower_ == "for" and cat.end + 1 in ctx.person_at:
            return True
        return prev is not None and prev.lower_ in ("won", "took", "for", "collected", "and", ",") and \
            any(self.won.search(t.text) for t in doc[max(sent.start, cat.start - 8):cat.start])

    def _cues(self, sent: Span, category_starts: set[int]) -> list[tuple[int, int, str, bool]]:
        """Outcome cues in the sentence as (start char, end char, outcome, is 'went to')."""
        base = sent.start_char
        text = doc_text(sent.doc)[base:sent.end_char]  # `sent.text`, without rebuilding it from the tokens
        out = [(base + m.start(), base + m.end(), "won", True) for m in self.won_to.finditer(text)]
        out += [(base + m.start(), base + m.end(), "won", False) for m in self.won_before_category.finditer(text)
                if base + m.end() + 1 in category_starts or base + m.end() in category_starts]
        taken = {(s, e) for s, e, _, _ in out}
        out += [(base + m.start(), base + m.end(), "won", False) for m in self.won.finditer(text)
                if not any(s <= base + m.start() < e for s, e in taken)]
        out += [(base + m.start(), base + m.end(), "nominated", False) for m in self.nominated.finditer(text)]
        return out

    def _category_near(self, ctx: "_Context", mention: Span | None, sent: Span) -> str | None:
        if mention is None:
            return None
        cats = [c for c in ctx.categories if sent.start <= c.start and c.end <= sent.end and c.label_ == "CATEGORY"]
        c = nearest(cats, mention, prefer_before=False)
        return c.text if c is not None else None

    # ------------------------------------------------------------ recipients
    def _recipients(self, ctx: "_Context", sent: Span, anchor: Span,
                    cue: tuple[int, int, str, bool] | None) -> list[tuple[str | None, str | None]]:
        pairs = self._any_recipients(ctx, sent, anchor, cue)
        # a work's category ("best revival of a musical", "best picture") goes to a work, never to a person
        # the sentence names as its maker ("Merrily We Roll Along, Sondheim and Furth's musical, ... by
        # winning best revival of a musical"): the sentence's work, else the article's ("The film had gone
        # into the evening with seven nominations, including best motion picture")
        if anchor.label_ == "CATEGORY" and _work_category(anchor.text) \
                and any(r is not None and r != w for r, w in pairs):
            w = self._work_near(ctx, anchor, sent)
            if w is None and _THE_WORK.search(sent.text):
                w = topic_work(ctx.doc)
            return [(w, w)] if w is not None else []
        return pairs

    def _any_recipients(self, ctx: "_Context", sent: Span, anchor: Span,
                        cue: tuple[int, int, str, bool] | None) -> list[tuple[str | None, str | None]]:
        doc = ctx.doc
        # "nine Golden Globe nominations, director X's dramedy": a count of nominations belongs to a work
        if _COUNTED.search(sent.text):
            w = self._work_near(ctx, anchor, sent)
            if w is not None:
                return [(w, w)]
        # "cinematography for Hoyte van Hoytema", "best original screenplay went to A and B for W"
        k = anchor.end
        if k < sent.end and doc[k].lower_ in ("for", "to") and k + 1 in ctx.person_at:
            return self._with_works(ctx, ctx.group_after(k + 1, sent), anchor, sent)
        if cue is not None and cue[3]:
            t = _token_at(doc, cue[1] - 1)
            if t is not None and t.i >= anchor.end - 1:
                group = ctx.group_after(t.i + 1, sent)
                if group:
                    return self._with_works(ctx, group, anchor, sent)
        # "The other nominees for best actress were A for W1, B for W2 and C for W3"
        k = anchor.end
        if k < sent.end and doc[k].lower_ in ("were", "are", "include", "included", "was", "is", ":"):
            group = ctx.group_after(k + 1, sent)
            if group:
                return self._with_works(ctx, group, anchor, sent)
        # the subject of the cue: "Emma Stone won best actress", "The Zone of Interest won ..."
        if cue is not None:
            t = _token_at(doc, cue[0])
            end = _token_at(doc, cue[1] - 1)
            # the cue's own last word or the one after it: "brought him", "earned him"
            pron = next((k for k in (end.i, end.i + 1) if k < sent.end and doc[k].lower_ in ("him", "her", "them")),
                        None) if end is not None else None
            if pron is not None:
                # "... that earned him an Emmy", "it brought him a second Oscar": whom the pronoun stands
                # for, else the person named before, not one portrayed
                who = [p for p in ctx.people if sent.start <= p.start and p.end <= pron - 1 and not _portrayed(p)
                       and gender_fit(p, doc[pron].lower_)]
                p = ctx.antecedent(pron) or (who[-1] if who else ctx.person_before(sent.start, doc[pron].lower_))
                if p is not None:
                    return self._with_works(ctx, [p], anchor, sent)
            if t is not None:
                j = _before_received(doc, t.i, sent)
                if t.lower_ in ("winner", "winners", "nominee", "nominees"):
                    # "“1917,” the big winner at the Producers Guild Awards": over the article and modifiers
                    while j - 1 > sent.start and doc[j - 1].is_lower and doc[j - 1].is_alpha and t.i - j < 4:
                        j -= 1
                while j - 1 >= sent.start and (doc[j - 1].lower_ in _SKIP_BEFORE_CUE):
                    j -= 1
                    if doc[j].lower_ == "which":  # "Stereophonic, X's play about a band, which collected ...": a thing
                        w = max((w for w in ctx.works if sent.start <= w.start and w.end <= j), key=lambda w: w.end,
                                default=None)
                        if w is not None:
                            return [(canonical(w), canonical(w))]
                if j - 2 >= sent.start and doc[j].lower_ == "who" and doc[j - 1].lower_ in _DESCRIBED \
                        and doc[j - 2].lower_ in ("the", "a", "an"):
                    # "..., Phoenix said, referring to the actor who won an Oscar in 2009": a person the sentence
                    # names who is not the one speaking
                    who = [p for p in ctx.people if sent.start <= p.start and p.end <= j - 2 and not _speaker(doc, p)]
                    if who:
                        return self._with_works(ctx, [who[-1]], anchor, sent)
                if j - 1 >= sent.start and doc[j - 1].lower_ in _PRONOUNS:
                    p = ctx.antecedent(j - 1) or ctx.person_before(sent.start, doc[j - 1].lower_)
                    if p is not None:
                        return self._with_works(ctx, [p], anchor, sent)
                group = []
                if j < t.i and doc[j].text == ",":
                    # "The Zone of Interest, Jonathan Glazer's chilling drama, won ...", "Anti-Hero, the biggest
                    # hit from Midnights, was up for ...": the head before the aside, not a name inside it
                    k = j - 1
                    # "De Niro, whose lead performance in W has been snubbed by the Oscars, Golden Globes and SAG,
                    # was given ...": back over a relative clause with commas of its own
                    rel = next((r for r in range(j - 1, max(sent.start, j - 40), -1)
                                if doc[r].lower_ in ("whose", "who") and doc[r - 1].text == ","), None)
                    if rel is not None:
                        k = rel - 1
                    while k > sent.start and k > j - 20 and doc[k].text != ",":
                        k -= 1
                    if doc[k].text == ",":
                        group = ctx.group_before(k, sent)
                group = group or ctx.group_before(j, sent)
                if group:
                    return self._with_works(ctx, group, anchor, sent)
        # the nearest person, else the nearest work, in the sentence; a pronoun counts as the person it
        # stands for ("As X, ... in Arthur Penn's W, he earned his first Academy Award nomination")
        who = [p for p in ctx.people if sent.start <= p.start and p.end <= sent.end and not _portrayed(p)]
        who += [doc[t.i:t.i + 1] for t in sent if t.lower_ in ("he", "she", "him") and ctx.antecedent(t.i) is not None]
        p = nearest(who, anchor, prefer_before=True)
        if p is not None and p.start not in ctx.person_at:
            p = ctx.antecedent(p.start)
        if p is not None:
            return self._with_works(ctx, [p], anchor, sent)
        w = self._work_near(ctx, anchor, sent)
        if w is not None:
            return [(w, w)]
        pron = next((t for t in sent if t.lower_ in _PRONOUNS), None)
        if pron is not None:
            p = ctx.person_before(sent.start, pron.lower_)
            if p is not None:
                return self._with_works(ctx, [p], anchor, sent)
        return []

    def _with_works(self, ctx: "_Context", group: list[Span], anchor: Span, sent: Span) -> list[tuple[str, str | None]]:
        """Each recipient with its work: "A for W1", "A (W1)", else the work "for" names after the anchor."""
        doc = ctx.doc
        owns: list[Span | None] = []
        for g in group:
            own = None
            k = g.end
            if g.label_ != "WORK" and k < sent.end and doc[k].lower_ in ("for", "(", ",", "in"):
                own = ctx.work_from(k + 1, sent)  # "A for W1", "A (“W1”)"
            owns.append(own)
        # the work "for" names after the anchor, unless it is a list member's own ("were A for W1, ... and C")
        default = None if any(owns) else self._work_after_for(ctx, anchor.end, sent)
        out = []
        for g, own in zip(group, owns):
            if g.label_ == "WORK":
                out.append((canonical(g), canonical(g)))
            else:
                out.append((canonical(g), canonical(own) if own is not None else default))
        return out

    def _work_after_for(self, ctx: "_Context", k: int, sent: Span) -> str | None:
        doc = ctx.doc
        for t in doc[k:min(sent.end, k + 4)]:
            w = ctx.work_from(t.i + 1, sent) if t.lower_ in ("for", "in") else None
            if w is not None:
                return canonical(w)
        return None

    def _work_near(self, ctx: "_Context", anchor: Span, sent: Span) -> str | None:
        works = [w for w in ctx.works if sent.start <= w.start and w.end <= sent.end]
        w = nearest(works, anchor, prefer_before=False)
        if w is None:
            w = section_work(ctx.doc, anchor)
        return canonical(w)

    # ------------------------------------------------------------ fields
    def _year(self, doc: Doc, mention: Span) -> int | None:
        """"2019 Emmys", "Emmys 2019", "71st Primetime Emmy Awards", else the one year in the sentence."""
        year = self._stated_year(mention)
        return year if year is not None else _sent_year(mention.sent)

    def _stated_year(self, mention: Span) -> int | None:
        """The ceremony year written with a body mention: "2019 Emmys", "Emmys 2019", "71st Primetime Emmy Awards"."""
        year = _adjacent_year(mention)
        if year is not None or mention[-1].lower_ in _TROPHY_NOUNS:
            return year  # "her 32nd Grammy": a count of trophies, not the 32nd ceremony
        m = _ORDINAL.search(doc_text(mention.doc)[max(0, mention.start_char - 12):mention.start_char])
        return _ceremony_year(self.bodies.get(self._body(mention) or "", {}), int(m.group(1))) if m else None

    def _rec(self, award: str, category: str | None, recipient: str | None, work: str | None,
             outcome: str | None, year: int | None, evidence: Span) -> dict:
        if category:
            category = re.sub(r"\s+(?:in|a|an|the|of|or|and|by|for)$", "", category.strip(" -—–/&"))
        return {"award": award, "category": category or None, "recipient": recipient, "work": work,
                "outcome": outcome, "year": year, "evidence": span_dict(evidence, self.name)}


class _Context:
    """Lookups shared by the record builders for one document."""

    def __init__(self, doc: Doc, mentions: list[Span], categories: list[Span], people: list[Span],
                 works: list[Span], body_of: Callable[[Span], str | None],
                 single_prize: Callable[[Span], bool], stated_year: Callable[[Span], int | None]) -> None:
        self.doc, self.mentions, self.categories, self.body_of = doc, mentions, categories, body_of
        self.single_prize, self.stated_year = single_prize, stated_year
        self.people = people
        self.names = {canonical(p) for p in people}
        self.works = sorted(works, key=lambda s: s.start)
        self.person_at = {p.start: p for p in people}
        self.work_at = {w.start: w for w in self.works}
        self._antecedents: dict[int, Span] | None = None

    def antecedent(self, i: int) -> Span | None:
        """The person the pronoun at token `i` stands for, if it is one and resolves."""
        if self._antecedents is None:
            self._antecedents = {p.start: a for p, a in pronoun_antecedents(self.doc, self.people, self.work_at)}
        return self._antecedents.get(i)

    def body_before(self, anchor: Span) -> tuple[str | None, int | None]:
        """The body named last before `anchor` (else the first one named anywhere), with its year. A
        single prize (the Palme d'Or) has no categories: a category goes to a body named before it."""
        with_categories = [m for m in self.mentions if not self.single_prize(m)] or self.mentions
        before = [m for m in with_categories if m.end <= anchor.start]
        text = doc_text(self.doc)
        # the paragraph's own body, else the article's: the one it names first ("Parasite scores upset at SAG
        # awards" ... "Heath Ledger won a posthumous Oscar in 2009" ... new paragraph: "Laura Dern was named
        # best supporting actress" is a SAG win)
        here = [m for m in before if "\n" not in text[m.end_char:anchor.start_char]]
        m = here[-1] if here else (with_categories[0] if with_categories else None)
        if m is None:
            return None, None
        year = self.stated_year(m)
        if year is None and m.sent.start == anchor.sent.start:
            year = _sent_year(m.sent)
        if year is None:  # "after La La Land in 2017" dates that mention only: the last ceremony named with its year
            year = next((y for b in reversed(before) if (y := self.stated_year(b)) is not None), None)
        return self.body_of(m), year

    def work_from(self, k: int, sent: Span) -> Span | None:
        """The work mention starting at token `k`, or right after an opening quote there ("for “W”")."""
        if k + 1 < sent.end and self.doc[k].text in OPENING_QUOTES:
            k += 1
        return self.work_at.get(k)

    def person_before(self, i: int, pronoun: str | None = None) -> Span | None:
        """The person named last before token `i`; for a pronoun, the last one its gender fits."""
        before = [p for p in self.people if p.end <= i and (pronoun is None or gender_fit(p, pronoun))]
        return before[-1] if before else None

    def group_after(self, i: int, sent: Span) -> list[Span]:
        """Coordinated people or works from token `i`: "A and B", "A for W1, B for W2 and C for W3"."""
        doc = self.doc
        out: list[Span] = []
        k = i
        while k < sent.end:
            if k not in self.person_at and k + 1 < sent.end and doc[k].text in OPENING_QUOTES:
                k += 1  # "“Iron Bay” and “Night Train”"
            m = self.person_at.get(k) or (self.work_at.get(k) if not out or out[-1].label_ == "WORK" else None)
            if m is None:
                break
            out.append(m)
            k = m.end
            own = self.work_from(k + 1, sent) if out[-1].label_ != "WORK" and k + 1 < sent.end \
                and doc[k].lower_ in ("for", "(") else None
            if own is not None:  # "A for “W1”, B (W2)"
                k = own.end
                while k < sent.end and (doc[k].text in CLOSING_QUOTES or doc[k].text == ")"):
                    k += 1
            elif out[-1].label_ != "WORK" and k + 1 < sent.end and doc[k].lower_ in ("for", "("):
                k = _past_unknown_title(doc, k, sent)  # "B for Nyad, C (Rustin)": a title the model missed
            joined = False
            while k < sent.end and (doc[k].text in (",", "&") or doc[k].lower_ == "and"
                                    or (out[-1].label_ == "WORK" and doc[k].text in CLOSING_QUOTES)):
                joined = joined or doc[k].text not in CLOSING_QUOTES  # "“Iron Bay,” “Night Train”"
                k += 1
            if not joined:
                break
        return out

    def group_before(self, j: int, sent: Span) -> list[Span]:
        """Coordinated people (or one work) ending right before token `j`."""
        doc = self.doc
        ends_p = {p.end: p for p in self.people}
        ends_w = {w.end: w for w in self.works}
        out: list[Span] = []
        k = j
        while k - 1 > sent.start and (doc[k - 1].text in CLOSING_QUOTES or doc[k - 1].text == ",") \
                and k not in ends_p and k not in ends_w \
                and j - k < 2:
            k -= 1  # '"Harry's House" was named ...': the title ends inside its quotation marks
        m = ends_p.get(k) or ends_w.get(k)
        if m is None or m.start < sent.start:
            return []
        out.append(m)
        if m.label_ == "WORK":
            return out
        k = m.start
        while k - 1 >= sent.start and doc[k - 1].text in (",", "and", "&"):
            k2 = k - 1
            if k2 - 1 >= sent.start and doc[k2 - 1].text == ",":
                k2 -= 1
            p = ends_p.get(k2)
            if p is None:
                break
            out.insert(0, p)
            k = p.start
        return out


_THE_WORK = re.compile(r"\b(?:the|this|that) (?:(?:19|20)\d\d )?(?:film|movie|show|series|miniseries|musical|play|drama|"
                       r"comedy|documentary)\b", re.I)
_WORK_CATEGORY_WORDS = frozenset("picture film movie musical play revival series drama comedy documentary "
                                 "feature miniseries show".split())
_PERSON_CATEGORY_WORDS = frozenset("actor actress actors actresses director direction directing screenplay writing "
                                   "writer performance performer host score song book supporting leading featured "
                                   "lead choreography composer artist vocal producer newcomer".split())


def _rest_title(text: str, start: int, end: int, people: list[Span]) -> str | None:
    """The one other thing a category line's entry names beside its people: the title in "A, W" or
    "W – A, B" (None if the rest is not one capitalised stretch of at most ten words)."""
    rest, pos = [], start
    for p in sorted(people, key=lambda s: s.start_char):
        rest.append(text[pos:p.start_char])
        pos = p.end_char
    rest.append(text[pos:end])
    pieces = [r.strip(" .,;:–—-()\"“”'") for chunk in rest for r in re.split(r"\s[–—-]\s|,|\(|\)", chunk)]
    pieces = [r for r in pieces if r and r.lower() not in ("and", "&")]
    if len(pieces) != 1:
        return None
    title = pieces[0]
    return title if (title[0].isupper() or title[0].isdigit()) and len(title.split()) <= 10 else None


def _speaker(doc: Doc, p: Span) -> bool:
    """`p` is the subject of a speech verb right after it ("Phoenix said")."""
    return p.end < len(doc) and doc[p.end].lower_ in _SPEECH_VERBS


def _after_description(ctx: "_Context", i: int, sent: Span) -> int:
    """Token `i`, or the first name or title after a short description of them ("beat homegrown Hollywood
    movies “A” and “B”"): at most five words, none of them a name or title."""
    doc = ctx.doc
    for k in range(i, min(sent.end, i + 6)):
        if k in ctx.person_at or k in ctx.work_at or doc[k].text in OPENING_QUOTES and k + 1 in ctx.work_at:
            return k
        if not doc[k].is_alpha or doc[k].lower_ in ("and", "or", "but", "for", "in", "at", "with", "to"):
            return i
    return i


def _pronoun_subject(doc: Doc, sent: Span, j: int) -> bool:
    """The words before token `j` in the sentence have "it", "they" or "the film" as their subject."""
    words = [t.lower_ for t in doc[sent.start:j]]
    return bool(words) and (words[-1] in ("it", "they") or words[-2:] in (["the", "film"], ["the", "movie"], ["the", "show"]))


def _work_category(category: str) -> bool:
    """A category a work wins, not a person: "best musical", "best revival of a play", "best drama series"."""
    words = set(re.findall(r"[a-z]+", category.casefold()))
    return bool(words & _WORK_CATEGORY_WORDS) and not words & _PERSON_CATEGORY_WORDS


def _portrayed(p: Span) -> bool:
    """A person named as the one portrayed ("portrayal of X", "plays X", "as X") is not the recipient."""
    doc = p.doc
    prev = [t.lower_ for t in doc[max(0, p.start - 2):p.start]]
    if as_clause_subject(p):
        return False
    return bool(prev) and (prev[-1] == "as" or prev[-1] in PLAYING_WORDS or prev[-2:] == ["portrayal", "of"])


def _past_unknown_title(doc: Doc, k: int, sent: Span, longest: int = 10) -> int:
    """The token after a list member's own title that no source recognised, from the "for" or "(" at `k`
    that opens it ("C for Nyad, ...", "D (Rustin) and ..."); `k` itself when no title follows there."""
    if doc[k].text == "(":
        for j in range(k + 1, min(sent.end, k + longest + 2)):
            if doc[j].text == ")":
                first = doc[k + 1].text
                return j + 1 if j > k + 1 and (first[:1].isupper() or first in OPENING_QUOTES) else k
            if doc[j].text in ("(", ";", "."):
                return k
        return k
    j = k + 1
    if j < sent.end and doc[j].text in OPENING_QUOTES:
        j += 1
    if j >= sent.end or not doc[j].text[:1].isupper():
        return k
    start = j
    while j < sent.end and j - start < longest:
        t = doc[j]
        if t.text[:1].isupper() or t.text[:1].isdigit() or t.text in ("'s", "’s", ":", "-", "'", "’"):
            j += 1
        elif t.lower_ in _CONNECTORS and t.lower_ != "and" and any(
                u.text[:1].isupper() for u in doc[j + 1:min(sent.end, j + 3)]):
            j += 1  # "Anatomy of a Fall"
        else:
            break
    while j < sent.end and doc[j].text in CLOSING_QUOTES:
        j += 1
    return j if j < sent.end and (doc[j].text in (",", "&") or doc[j].lower_ == "and") else k


def _word_before(doc: Doc, i: int) -> str:
    """The lower-case word before token `i`, over one punctuation mark (an opening quote): "in “W”" -> "in"."""
    j = i - 1 if i > 0 and doc[i - 1].is_punct else i
    return doc[j - 1].lower_ if j > 0 else ""


def _at_venue(doc: Doc, m: Span, sent: Span) -> bool:
    """The body mention follows "at" ("at the 2017 Cannes Film Festival", "at the Oscars")."""
    k = m.start - 1
    while k > sent.start and (doc[k].lower_ == "the" or _YEAR.fullmatch(doc[k].text) or _ORDINAL.fullmatch(doc[k].text)):
        k -= 1
    return k >= sent.start and doc[k].lower_ == "at"


def _before_received(doc: Doc, i: int, sent: Span) -> int:
    """Where the subject of a cue noun ends: "Claire Foy picked up a nomination", "he received his first
    Oscar nomination" step back over the receiving verb, its determiner and modifiers; else `i`."""
    if doc[i].lower_ not in _CUE_NOUNS:
        return i
    k = i
    while k - 1 >= sent.start and i - k < 6 and doc[k - 1].is_alpha and doc[k - 1].lower_ not in _RECEIVE_VERBS \
            and (doc[k - 1].is_lower or doc[k - 1].ent_type_ == "AWARD" or doc[k - 1].lower_ in _POSSESSIVE_DETS):
        k -= 1
    if k - 1 >= sent.start and doc[k - 1].lower_ in _RECEIVE_VERBS:
        k -= 1
        if doc[k].lower_ == "up" and k - 1 >= sent.start:
            k -= 1  # "picked up", "racked up"
        return k
    return i


def _ceremony_year(body: dict, n: int) -> int | None:
    """The year of a body's n-th ceremony: counted from its first, or from `ordinal_year` [n0, year0]
    for bodies whose run skipped a year (no Tonys in 2020) or doubled one (two BAFTA ceremonies in 1949)."""
    first = body.get("first_ceremony")
    if first is None or n < 1:
        return None
    n0, year0 = body.get("ordinal_year") or (1, first)
    return year0 + n - n0 if n >= n0 else first + n - 1


def _adjacent_year(mention: Span) -> int | None:
    """A year written right before or after a body mention: "2019 Emmys", "Emmys 2019"."""
    text = doc_text(mention.doc)
    m = re.search(r"(19[2-9]\d|20\d\d)\W{0,2}\s*$", text[max(0, mention.start_char - 12):mention.start_char])
    if m:
        return int(m.group(1))
    m = re.match(r"\s+(19[2-9]\d|20\d\d)\b", text[mention.end_char:mention.end_char + 6])
    return int(m.group(1)) if m else None


def _sent_year(sent: Span) -> int | None:
    """The one year the sentence names, not counting "since 1989" (a span of time before: "back for the first
    time since 1989, received an honorary Palme d'Or" is no 1989 award) nor a work's year in brackets ("The
    French Connection (1971) ... won him the Oscar for best actor in April 1972")."""
    text = _WORK_YEAR.sub(" ", _SINCE_YEAR.sub(" ", sent.text))
    years = {int(y) for y in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


_WORK_YEAR = re.compile(r"\(\s*(?:19|20)\d\d\s*\)")
_SINCE_YEAR = re.compile(r"\b(?:since|until|till)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b", re.I)


def _token_at(doc: Doc, char: int):  # noqa: ANN202
    span = doc.char_span(char, min(len(doc_text(doc)), char + 1), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b")


def _nearest_cue(cues: Iterable[tuple[int, int, str, bool]], anchor: Span, max_gap: int):  # noqa: ANN202
    """The cue nearest the anchor within `max_gap` characters, preferring one in the anchor's own clause
    ("X won the Academy Award for best original screenplay, and Y received a best actor nomination": the
    screenplay was won, not received)."""
    text = doc_text(anchor.doc)
    best = None
    for cue in cues:
        s, e = cue[0], cue[1]
        dist = s - anchor.end_char if s >= anchor.end_char else anchor.start_char - e
        if dist < -1:
            continue  # inside the anchor ("Oscar-winning")
        gap = text[anchor.end_char:s] if s >= anchor.end_char else text[e:anchor.start_char]
        key = (bool(_CLAUSE_BREAK.search(gap)), abs(dist))
        if abs(dist) <= max_gap and (best is None or key < best[0]):
            best = (key, cue)
    return best[1] if best else None


def _cue_regex(words: list[str], bounded: bool = True) -> re.Pattern[str]:
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True) or ["(?!x)x"]
    if not bounded:  # any of the words anywhere (an empty word would match anywhere: then any character)
        return re.compile(_trie_pattern(words) if words and all(words) else r"(?s:.)", re.I)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.I)


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly `words`, their common prefixes factored out: one branch per next
    character instead of one per word, four times faster to search than the plain alternation."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _generic_name(ent: Span) -> str | None:
    """A model AWARD entity the catalogue lacks: keep names that look like an award's."""
    text = re.sub(r"^(the|an?)\s+", "", ent.text.strip(), flags=re.I)
    text = re.sub(r"^\d{4}\s+", "", text)
    if not re.search(r"\b(Award|Awards|Prize|Medal|Trophy|Honou?rs?)\b", text):
        return None
    return re.sub(r"Awards\b", "Award", text)


def _compatible(a: dict, b: dict) -> bool:
    """Two records of one (body, category, recipient) can be the same award: no two different years or works."""
    if a["year"] is not None and b["year"] is not None and a["year"] != b["year"]:
        return False
    return not (a["work"] and b["work"] and norm_key(a["work"]) != norm_key(b["work"]))


def _merge(records: list[dict]) -> list[dict]:
    """One record per (body, category, recipient); a record without a category or recipient that only
    repeats a fuller one for the same body is dropped."""
    by_key: dict[tuple, list[dict]] = {}
    for rec in records:
        key = (norm_key(rec["award"]), norm_key(rec["category"] or ""), norm_key(rec["recipient"] or ""))
        # a different year or work is another award in the same category ("his first Academy Award nomination,
        # for best supporting actor" in 1967, "a second Oscar, for best supporting actor, in March 1993")
        prev = next((p for p in by_key.get(key, ()) if _compatible(p, rec)), None)
        if prev is None:
            by_key.setdefault(key, []).append(rec)
            continue
        for f in ("work", "outcome", "year"):
            if prev[f] is None:
                prev[f] = rec[f]
        if rec["outcome"] == "won":
            prev["outcome"] = "won"
    out = []
    recs = [r for group in by_key.values() for r in group]
    # "Renaissance won best dance album" and "best dance album: Beyoncé – Renaissance" are one award: the
    # record naming the work as its recipient gives way to the one naming a person for the same work
    by_person = {(norm_key(r["award"]), norm_key(r["category"] or ""), norm_key(r["work"]))
                 for r in recs if r["work"] and r["recipient"] and r["recipient"] != r["work"]}
    recs = [r for r in recs if not (r["work"] and r["recipient"] == r["work"] and r["category"]
                                    and (norm_key(r["award"]), norm_key(r["category"]), norm_key(r["work"])) in by_person)]
    for r in recs:
        fuller = any(o is not r and norm_key(o["award"]) == norm_key(r["award"])
                     and (r["category"] is None or norm_key(o["category"] or "") == norm_key(r["category"]))
                     and (r["recipient"] is None or norm_key(o["recipient"] or "") == norm_key(r["recipient"]))
                     and (o["category"], o["recipient"]) != (r["category"], r["recipient"])
                     for o in recs)
        if not fuller:
            out.append(r)
    return out
