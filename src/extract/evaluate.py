"""Score records against gold records with the rules of the gold format (works, people, roles,
credits, awards, dates; headline and published-date accuracy), micro-averaged over articles."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

FIELDS = ("works", "people", "roles", "credits", "awards", "dates")
_AWARD_BODIES = (  # (pattern in the normalised name, body key); first hit wins
    ("daytime emmy", "daytime emmy"), ("international emmy", "international emmy"),
    ("sports emmy", "sports emmy"), ("news emmy", "news emmy"), ("emmy", "emmy"),
    ("academy award", "oscar"), ("oscar", "oscar"), ("golden globe", "golden globe"),
    ("screen actors guild", "sag"), ("sag award", "sag"), ("sag", "sag"), ("actor award", "sag"),
    ("british academy", "bafta"), ("bafta", "bafta"), ("latin grammy", "latin grammy"),
    ("grammy", "grammy"), ("american music award", "ama"), ("amas", "ama"), ("ama", "ama"),
    ("billboard music award", "billboard music award"), ("mtv video music award", "vma"),
    ("vma", "vma"), ("critics choice", "critics choice"), ("tony", "tony"), ("peabody", "peabody"),
    ("brit award", "brit"), ("palme d or", "palme d or"), ("independent spirit", "spirit"),
    ("people s choice", "peoples choice"), ("peoples choice", "peoples choice"),
    ("directors guild", "dga"), ("writers guild", "wga"), ("producers guild", "pga"),
    ("annie award", "annie"), ("saturn award", "saturn"), ("hugo award", "hugo"),
    ("pulitzer", "pulitzer"), ("booker", "booker"), ("kennedy center", "kennedy center"),
)
_STOP = frozenset("the a an of in for or and by at to award awards".split())


def norm(text: Any) -> str:
    """NFKC, accents removed, case-folded, punctuation to spaces, leading 'the' dropped."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(text)))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = " ".join(re.sub(r"[^\w\s]", " ", s).split())
    return s[4:] if s.startswith("the ") else s


def award_body(name: Any) -> str:
    n = " ".join(re.sub(r"\b\d+(st|nd|rd|th)?\b", " ", norm(name)).split())
    for pattern, key in _AWARD_BODIES:
        if re.search(rf"\b{re.escape(pattern)}s?\b", n):
            return key
    return " ".join(w for w in n.split() if w not in _STOP)


def content_words(text: Any) -> set[str]:
    return {w for w in norm(text).split() if w not in _STOP}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def as_dict(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


class Canon:
    """Gold names and their aliases, resolved after normalisation."""

    def __init__(self, items: Iterable[dict], key: str) -> None:
        self.map: dict[str, str] = {}
        for item in items:
            for form in (item[key], *item.get("aliases", [])):
                self.map.setdefault(norm(form), item[key])

    def __call__(self, text: Any) -> str | None:
        return self.map.get(norm(text)) if text else None


def _greedy(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> tuple[int, list, list]:
    left = list(pred)
    missed = []
    for g in gold:
        hit = next((i for i, p in enumerate(left) if same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            left.pop(hit)
    return len(gold) - len(missed), missed, left


def pair_key(source: Any) -> str:
    name = Path(str(source or "")).name
    for ending in (".gz", ".html", ".htm", ".gold.json", ".json"):
        name = name.removesuffix(ending)
    return name


def score_article(gold: dict, pred: dict) -> dict[str, tuple[Counts, list, list]]:
    people, works = Canon(gold.get("people", []), "name"), Canon(gold.get("works", []), "title")
    out: dict[str, tuple[Counts, list, list]] = {}

    gworks = list({norm(w["title"]): w for w in reversed(gold.get("works", []))}.values())[::-1]
    ptitles = [w.get("title") for w in pred.get("works") or [] if w.get("title")]
    tp, miss, extra = _greedy(gworks, ptitles, lambda g, t: works(t) is not None and norm(works(t)) == norm(g["title"]))
    out["works"] = (Counts(tp, len(extra), len(miss)), [w["title"] for w in miss], extra)

    pnames = [p.get("name") for p in pred.get("people") or [] if p.get("name")]
    tp, miss, extra = _greedy(gold.get("people", []), pnames, lambda g, n: people(n) == g["name"])
    out["people"] = (Counts(tp, len(extra), len(miss)), [p["name"] for p in miss], extra)

    groles = {(p["name"], r) for p in gold.get("people", []) for r in p.get("roles", [])}
    proles = {(people(p.get("name")) or norm(p.get("name")), r)
              for p in pred.get("people") or [] for r in p.get("roles") or []}
    out["roles"] = (Counts(len(groles & proles), len(proles - groles), len(groles - proles)),
                    sorted(groles - proles), sorted(proles - groles))

    gcred = [c for c in gold.get("credits", []) if c.get("work")]
    pcred = [c for c in pred.get("credits") or [] if c.get("work") and c.get("role")]
    tp, miss, extra = _greedy(gcred, pcred, lambda g, p: people(p.get("person")) == g["person"]
                              and p.get("role") == g["role"] and works(p.get("work")) == g["work"])
    out["credits"] = (Counts(tp, len(extra), len(miss)), miss, extra)

    def same_award(g: dict, p: dict) -> bool:
        if award_body(g["award"]) != award_body(p.get("award")):
            return False
        if g.get("recipient"):
            got = p.get("recipient")
            if (people(got) or works(got) or got) != g["recipient"] and norm(got) != norm(g["recipient"]):
                return False
        if g.get("category"):
            gw = content_words(g["category"])
            if len(gw & content_words(p.get("category"))) < max(1, len(gw) / 2):
                return False
        return True

    pawards = [a for a in pred.get("awards") or [] if a.get("award")]
    tp, miss, extra = _greedy(gold.get("awards", []), pawards, same_award)
    out["awards"] = (Counts(tp, len(extra), len(miss)), miss, extra)

    gd = {d["value"] for d in gold.get("dates", [])}
    pd_ = {str(d.get("value")) for d in pred.get("dates") or [] if d.get("value")}
    out["dates"] = (Counts(len(gd & pd_), len(pd_ - gd), len(gd - pd_)), sorted(gd - pd_), sorted(pd_ - gd))
    return out


def score(gold_dir: Path, records: Path) -> dict[str, Any]:
    """Per-field precision, recall and F1 plus metadata accuracy, with per-article details."""
    golds = {}
    for f in sorted(Path(gold_dir).glob("*.gold.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        golds[g.get("doc") or pair_key(f)] = g
    preds: dict[str, dict] = {}
    with open(records, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                preds[pair_key(rec.get("source") or rec.get("doc_id"))] = rec
    totals = {f: Counts() for f in FIELDS}
    details: dict[str, dict] = {}
    head = [0, 0]
    pub = [0, 0]
    missing = 0
    for doc, gold in golds.items():
        pred = preds.get(doc) or {}
        missing += not pred
        per = score_article(gold, pred)
        details[doc] = {}
        for f, (c, miss, extra) in per.items():
            t = totals[f]
            t.tp, t.fp, t.fn = t.tp + c.tp, t.fp + c.fp, t.fn + c.fn
            details[doc][f] = {"missed": miss, "extra": extra}
        meta = pred.get("meta") or {}
        if gold.get("headline"):
            head[1] += 1
            gh, ph = content_words(gold["headline"]), content_words(meta.get("headline"))
            head[0] += bool(gh) and len(gh & ph) / len(gh | ph) >= 0.8
        if gold.get("published"):
            pub[1] += 1
            pub[0] += str(meta.get("published") or "")[:10] == gold["published"][:10]
    fields = {f: c.as_dict() for f, c in totals.items()}
    return {
        "articles": len(golds), "missing_records": missing, "fields": fields,
        "headline_accuracy": round(head[0] / head[1], 3) if head[1] else None,
        "published_accuracy": round(pub[0] / pub[1], 3) if pub[1] else None,
        "mean_f1": round(sum(v["f1"] for v in fields.values()) / len(fields), 3),
        "details": details,
    }


def format_scores(result: dict[str, Any], *, details: bool = False) -> str:
    lines = []
    if details:
        for doc, per in result["details"].items():
            for f, d in per.items():
                if d["missed"] or d["extra"]:
                    lines.append(f"{doc} {f}: missed {json.dumps(d['missed'], ensure_ascii=False)}")
                    lines.append(f"{doc} {f}: extra  {json.dumps(d['extra'], ensure_ascii=False)}")
    lines.append(f"{'field':<10}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for f, v in result["fields"].items():
        lines.append(f"{f:<10}{v['precision']:>7}{v['recall']:>7}{v['f1']:>7}{v['tp']:>6}{v['fp']:>6}{v['fn']:>6}")
    lines.append(f"headline accuracy {result['headline_accuracy']}, published accuracy "
                 f"{result['published_accuracy']}, articles {result['articles']}, missing {result['missing_records']}")
    lines.append(f"mean F1 {result['mean_f1']}")
    return "\n".join(lines)
