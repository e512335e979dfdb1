"""`entertainment_awards`: awards won or nominated, one record per distinct award.

Sets: `Doc._.awards` (dicts: award, category, recipient, work, outcome, year, evidence) and
`Doc.spans["awards"]` (every mention of an award body).

Award bodies and their aliases come from `patterns/awards.jsonl` (a `PhraseMatcher`), plus AWARD
entities of the model for bodies the catalogue lacks. A mention becomes a record only when its
sentence states an outcome (cue words in `patterns/award_cues.json`); the category is the
"Best ..."/"Outstanding ..."/"... of the Year" phrase nearest the mention; the recipient is the person
or work the sentence ties to it; the year comes from "2019 Emmys", "71st Primetime Emmy Awards"
or a year in the same sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import load_json, load_jsonl
from .base import Component
from .util import canonical, doc_text, nearest, norm_key, section_work, span_dict

_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s*$", re.I)
_YEAR = re.compile(r"\b(19[2-9]\d|20\d\d)\b")


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
            self.matcher.add(entry["award"], [nlp.make_doc(a) for a in entry["aliases"]])
        c = load_json(cues)
        self.won = _cue_regex(c["won"])
        self.nominated = _cue_regex(c["nominated"])
        heads = "|".join(c["category_heads"])
        self.category = re.compile(
            rf"\b(?:{heads})(?:[ -](?:[A-Z][\w'’&/-]*|(?:in|a|an|the|of|or|and|by|for|with|to|from|on)"
            r"(?=(?: (?:in|a|an|the|of|or|and|by|for|with|to|from|on))* [A-Z])|[-—–/&]))+"
            r"|\b(?:[A-Z][\w'’-]+ )+of the Year\b")

    def process(self, doc: Doc) -> Doc:
        mentions = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        mentions += [e for e in doc.ents if e.label_ == "AWARD" and not self._catalogued(e)]
        mentions = filter_spans(mentions)
        doc.spans["awards"] = mentions
        records: dict[tuple, dict] = {}
        for mention in mentions:
            rec = self._record(doc, mention)
            if rec is None:
                continue
            key = (norm_key(rec["award"]), norm_key(rec["category"] or ""), norm_key(rec["recipient"] or ""))
            if key in records:
                prev = records[key]
                for f in ("work", "outcome", "year"):
                    if prev[f] is None:
                        prev[f] = rec[f]
                if rec["outcome"] == "won":
                    prev["outcome"] = "won"
            else:
                records[key] = rec
        doc._.awards = _merge_partial(list(records.values()))
        return doc

    def _catalogued(self, ent: Span) -> bool:
        return bool(self.matcher(ent.as_doc()))

    def _record(self, doc: Doc, mention: Span) -> dict | None:
        sent = mention.sent
        award = mention.label_ if mention.label_ in self.bodies else _generic_name(mention)
        if award is None:
            return None
        if award == "Primetime Emmy Award" and re.search(r"\bDaytime\b", sent.text):
            award = "Daytime Emmy Award"
        rel = mention.start_char - sent.start_char
        text = sent.text
        outcome = self._outcome(text, rel, rel + len(mention.text))
        if outcome is None and self.require_outcome:
            return None
        category = self._category(text, rel, rel + len(mention.text))
        recipient, work = self._recipient(doc, mention)
        return {
            "award": award, "category": category, "recipient": recipient, "work": work,
            "outcome": outcome, "year": self._year(doc, mention, award),
            "evidence": span_dict(sent, f"{self.name}"),
        }

    def _outcome(self, text: str, start: int, end: int) -> str | None:
        """The outcome cue nearest the mention, within `max_gap` characters."""
        best: tuple[int, str] | None = None
        for rx, outcome in ((self.won, "won"), (self.nominated, "nominated")):
            for m in rx.finditer(text):
                dist = m.start() - end if m.start() >= end else start - m.end()
                if abs(dist) <= self.max_gap and (best is None or abs(dist) < best[0]):
                    best = (abs(dist), outcome)
        return best[1] if best else None

    def _category(self, text: str, start: int, end: int) -> str | None:
        cands = [m for m in self.category.finditer(text) if not (m.start() < end and m.end() > start)]
        if not cands:
            return None
        m = min(cands, key=lambda m: m.start() - end if m.start() >= end else (start - m.end()) * 1.5)
        return re.sub(r"\s+(?:in|a|an|the|of|or|and|by|for|with|to|from|on)$", "", m.group(0).strip(" -—–/&"))

    def _recipient(self, doc: Doc, mention: Span) -> tuple[str | None, str | None]:
        sent = mention.sent
        people = [s for s in doc.spans.get("people", []) if sent.start <= s.start and s.end <= sent.end]
        works = [s for s in doc.spans.get("works", []) if sent.start <= s.start and s.end <= sent.end]
        person = nearest(people, mention, prefer_before=True)
        work = nearest(works, mention, prefer_before=False)
        if work is None:
            work = section_work(doc, mention)
        between = doc[min(mention.end, person.end if person is not None else mention.end):
                      max(mention.start, person.start if person is not None else mention.start)]
        pronoun = any(t.lower_ in ("him", "her", "them", "he", "she", "they") for t in sent)
        possessive = person is not None and person.end < len(doc) and doc[person.end].lower_ in ("'s", "’s")
        counted = re.search(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\s+"
                            + re.escape(mention.text) + r"\s+(?:nominations|nods|wins|awards)", sent.text, re.I)
        if person is not None and work is not None and ((possessive and not pronoun) or counted):
            person = None  # "nine Golden Globe nominations, director X's dramedy": the film is nominated
        del between
        person_name = canonical(person)
        work_name = canonical(work)
        return (person_name or work_name), work_name

    def _year(self, doc: Doc, mention: Span, award: str) -> int | None:
        before = doc_text(doc)[max(0, mention.start_char - 12):mention.start_char]
        m = re.search(r"(19[2-9]\d|20\d\d)\W{0,2}\s*$", before)
        if m:
            return int(m.group(1))
        m = _ORDINAL.search(before)
        first = self.bodies.get(award, {}).get("first_ceremony")
        if m and first:
            return first + int(m.group(1)) - 1
        years = [int(y) for y in _YEAR.findall(mention.sent.text)]
        return years[0] if len(years) == 1 else None


def _cue_regex(words: list[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.I)


def _generic_name(ent: Span) -> str | None:
    """A model AWARD entity the catalogue lacks: keep names that look like an award's."""
    text = re.sub(r"^(the|an?)\s+", "", ent.text.strip(), flags=re.I)
    text = re.sub(r"^\d{4}\s+", "", text)
    if not re.search(r"\b(Award|Awards|Prize|Medal|Trophy|Honou?rs?)\b", text):
        return None
    return re.sub(r"Awards\b", "Award", text)


def _merge_partial(records: list[dict]) -> list[dict]:
    """Drop a record that only repeats a fuller one for the same body (no category or recipient)."""
    out = []
    for r in records:
        fuller = any(o is not r and norm_key(o["award"]) == norm_key(r["award"])
                     and (r["category"] is None or norm_key(o["category"] or "") == norm_key(r["category"]))
                     and (r["recipient"] is None or norm_key(o["recipient"] or "") == norm_key(r["recipient"]))
                     and (o["category"], o["recipient"]) != (r["category"], r["recipient"])
                     for o in records)
        if not fuller:
            out.append(r)
    return out
