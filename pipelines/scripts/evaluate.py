#!/usr/bin/env python3
"""Score a trained NER model on the held-out test splits; write metrics/<split>.json and METRICS.md.

Each corpus/test_<split>.spacy is scored per label (precision, recall, F1, exact span match)
with spaCy's Scorer. The dev gold set (../shared/eval/dev/*.gold.json: people and work titles per
article, no spans) gets a rough recall: the share of gold names/titles that the model tags with
the right label somewhere in the article's cleaned text.

Usage: python scripts/evaluate.py MODEL_DIR [--corpus corpus] [--out metrics] [--shared ../../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import time
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example

HERE = Path(__file__).resolve().parents[1]
SPLITS = {
    "test_conll": "CoNLL-2003 test",
    "test_crossner_music": "CrossNER music test",
    "test_crossner_literature": "CrossNER literature test",
    "test_crossner_politics": "CrossNER politics test",
    "test_own": "own held-out sentences (unseen templates + hand-written)",
}
LABELS = ("PERSON", "WORK", "AWARD", "ORG", "LOC", "EVENT", "MISC")


def score_split(nlp, path: Path) -> dict:
    gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    start = time.perf_counter()
    preds = list(nlp.pipe([d.text for d in gold], batch_size=256))
    elapsed = time.perf_counter() - start
    examples = [Example(p, g) for p, g in zip(preds, gold)]
    scores = Scorer.score_spans(examples, "ents")
    per_type = scores["ents_per_type"] or {}
    gold_counts: dict[str, int] = {}
    for d in gold:
        for e in d.ents:
            gold_counts[e.label_] = gold_counts.get(e.label_, 0) + 1
    out = {
        "sentences": len(gold),
        "words": sum(len(d) for d in gold),
        "micro": {k: round(scores[f"ents_{k}"] or 0.0, 4) for k in ("p", "r", "f")},
        "per_label": {lab: {k: round(v, 4) for k, v in per_type[lab].items()} | {"gold": gold_counts.get(lab, 0)}
                      for lab in sorted(per_type) if gold_counts.get(lab)},
        "seconds": round(elapsed, 2),
    }
    if all(lab in per_type for lab in ("PERSON", "ORG", "LOC")):
        out["PERSON_ORG_LOC"] = _pooled_f(examples, {"PERSON", "ORG", "LOC"})
    return out


def _pooled_f(examples: list[Example], labels: set[str]) -> dict:
    """Micro P/R/F over a subset of labels (exact span and label)."""
    tp = fp = fn = 0
    for ex in examples:
        pred = {(e.start_char, e.end_char, e.label_) for e in ex.predicted.ents if e.label_ in labels}
        gold = {(e.start_char, e.end_char, e.label_) for e in ex.reference.ents if e.label_ in labels}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).casefold()


def score_dev_gold(nlp, shared: Path) -> dict | None:
    """Rough recall of gold people (PERSON) and work titles (WORK) over the dev articles' text."""
    dev = shared / "eval" / "dev"
    if not dev.is_dir():
        return None
    try:
        import extract.clean  # noqa: F401
    except ImportError:
        return None
    found = {"PERSON": [0, 0], "WORK": [0, 0]}
    per_doc = {}
    for gold_path in sorted(dev.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        src = shared / gold["source_html"]
        if not src.exists():
            src = src.with_name(src.name + ".gz")
        html_path = dev / "html" / f"{gold['doc']}.html"
        for cand in (html_path, html_path.with_name(html_path.name + ".gz"), src):
            if cand.exists():
                html_path = cand
                break
        else:
            continue
        raw = html_path.read_bytes()
        if html_path.suffix == ".gz":
            raw = gzip.decompress(raw)
        text = _clean_text(raw, str(html_path))
        if not text:
            continue
        doc = nlp(text)
        tagged = {lab: {_norm(e.text) for e in doc.ents if e.label_ == lab} for lab in found}
        doc_counts = {}
        for lab, key, field in (("PERSON", "people", "name"), ("WORK", "works", "title")):
            names = [item[field] for item in gold.get(key, []) if item.get(field)]
            hit = sum(1 for n in names if _norm(n) in tagged[lab])
            found[lab][0] += hit
            found[lab][1] += len(names)
            doc_counts[lab] = [hit, len(names)]
        per_doc[gold["doc"]] = doc_counts
    return {"recall": {lab: round(h / n, 4) if n else None for lab, (h, n) in found.items()},
            "counts": {lab: {"found": h, "gold": n} for lab, (h, n) in found.items()},
            "per_doc": per_doc}


def _clean_text(raw: bytes, source: str) -> str:
    """The article text as the product sees it (extract.clean), or "" when it cannot be cleaned."""
    from extract.clean import clean
    from extract.document import RawDocument

    try:
        return clean(RawDocument(content=raw, source=source)).text
    except Exception:  # noqa: BLE001 - a page the cleaner skips is simply not scored
        return ""


TARGETS = [  # (what, split, label or pooled key, floor) from issue 5
    ("CoNLL-2003 PERSON F1", "test_conll", "PERSON", 0.93),
    ("CoNLL-2003 PERSON+ORG+LOC F1", "test_conll", "PERSON_ORG_LOC", 0.88),
    ("CrossNER music PERSON F1", "test_crossner_music", "PERSON", 0.80),
    ("CrossNER literature PERSON F1", "test_crossner_literature", "PERSON", 0.80),
    ("CrossNER music AWARD F1", "test_crossner_music", "AWARD", 0.70),
    ("CrossNER literature AWARD F1", "test_crossner_literature", "AWARD", 0.70),
    ("CrossNER music WORK F1", "test_crossner_music", "WORK", 0.65),
    ("CrossNER literature WORK F1", "test_crossner_literature", "WORK", 0.65),
]


def _targets(metrics: dict) -> list[str]:
    """The issue's figures against the measured ones."""
    rows = ["## Against the targets", "", "| figure | target | measured | met |", "|---|---|---|---|"]
    for what, split, key, floor in TARGETS:
        m = metrics.get(split)
        if not m:
            continue
        f = m[key]["f"] if key == "PERSON_ORG_LOC" else m["per_label"].get(key, {}).get("f", 0.0)
        rows.append(f"| {what} | ≥ {floor:.2f} | {f:.3f} | {'yes' if f >= floor else 'no'} |")
    speed = Path(__file__).resolve().parents[1] / "metrics" / "speed.json"
    if speed.exists():
        wps = json.loads(speed.read_text(encoding="utf-8"))["words_per_second"]
        rows.append(f"| words/s, one core | ≥ 10,000 | {wps:,} | {'yes' if wps >= 10000 else 'no'} |")
    return rows + [""]


def write_markdown(metrics: dict, path: Path, model_dir: Path) -> None:
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    lines = ["# NER model: scores on held-out test splits", "",
             f"Model `{model_dir}` (packaged as `src/extract/models/ner` by `spacy project run package`), "
             f"labels {', '.join(meta.get('labels', {}).get('ner', []))}. Written by `scripts/evaluate.py` "
             "(`spacy project run evaluate`); exact-span, exact-label P/R/F1. CrossNER fine types are mapped "
             "as in `scripts/convert.py` (person, writer, musical artist -> PERSON; book, poem, album, song -> "
             "WORK; band, magazine -> ORG).", ""]
    lines += _targets(metrics)
    for split, title in SPLITS.items():
        if split not in metrics:
            continue
        m = metrics[split]
        lines += [f"## {title}", "", "| label | P | R | F1 | gold spans |", "|---|---|---|---|---|"]
        for lab, s in m["per_label"].items():
            lines.append(f"| {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['gold']} |")
        lines.append(f"| **all** | {m['micro']['p']:.3f} | {m['micro']['r']:.3f} | {m['micro']['f']:.3f} | |")
        if "PERSON_ORG_LOC" in m:
            s = m["PERSON_ORG_LOC"]
            lines.append(f"| PERSON+ORG+LOC | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | |")
        lines.append("")
    if metrics.get("dev_gold"):
        d = metrics["dev_gold"]
        lines += ["## Dev gold articles (rough recall)", "",
                  "Share of gold people and work titles that the model tags with the right label somewhere in "
                  "the article's cleaned text:", ""]
        for lab, c in d["counts"].items():
            lines.append(f"- {lab}: {c['found']}/{c['gold']} ({(d['recall'][lab] or 0):.2f})")
        lines.append("")
    if (path.parent / "metrics" / "speed.json").exists():
        sp = json.loads((path.parent / "metrics" / "speed.json").read_text(encoding="utf-8"))
        lines += ["## Speed", "", f"{sp['words_per_second']:,.0f} words per CPU second on one core ({sp['cpu']}; "
                  f"{sp['words_per_wall_second']:,.0f} per wall-clock second at load average "
                  f"{sp['load_average']:.1f} on the shared machine), `bench_ner.py` over {sp['words']:,} words of "
                  "CoNLL-2003 test text in article-sized documents.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--out", type=Path, default=HERE / "metrics")
    ap.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    ap.add_argument("--markdown", type=Path, default=HERE / "METRICS.md")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    args.out.mkdir(parents=True, exist_ok=True)
    metrics = {}
    for split in SPLITS:
        path = args.corpus / f"{split}.spacy"
        if not path.exists():
            continue
        metrics[split] = score_split(nlp, path)
        (args.out / f"{split}.json").write_text(json.dumps(metrics[split], indent=1) + "\n", encoding="utf-8")
        m = metrics[split]
        print(f"{split:28} F1 {m['micro']['f']:.3f}  " +
              "  ".join(f"{lab} {s['f']:.3f}" for lab, s in m["per_label"].items()))
    dev_gold = score_dev_gold(nlp, args.shared)
    if dev_gold:
        metrics["dev_gold"] = dev_gold
        (args.out / "dev_gold.json").write_text(json.dumps(dev_gold, indent=1) + "\n", encoding="utf-8")
        print("dev gold recall", dev_gold["recall"])
    (args.out / "env.json").write_text(json.dumps({"model": str(args.model), "python": platform.python_version(),
                                                   "spacy": spacy.__version__}, indent=1) + "\n")
    write_markdown(metrics, args.markdown, args.model)


if __name__ == "__main__":
    main()
