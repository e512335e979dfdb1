"""Benchmark the cleaner against trafilatura on the public extraction corpora in ../shared/data/html.

Body precision/recall/F1 are computed as the scrapinghub article-extraction-benchmark does
(4-token shingles of `\\w+` tokens, tp/fp/fn normalised per document, precision and recall
averaged over documents, F1 of the two means). On tiptopjaw the body is scored the same way
against `main_content`, and title / author / publish-date accuracy is counted over pages whose
ground truth has the field (title: word Jaccard >= 0.8, the dev-set criterion; `title_exact` is
the tiptopjaw benchmark's own case-insensitive string equality). trafilatura is a benchmark-only extra (`pip install -e .[bench]`).

    nice -n 10 python pipelines/bench_clean.py [--corpus scrapinghub tiptopjaw] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator

from extract.clean import clean
from extract.document import RawDocument
from extract.errors import DocumentError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "html"
_TOKEN_RE = re.compile(r"\w+")

Page = tuple[str, bytes, dict[str, Any]]          # id, raw bytes, ground truth
Result = dict[str, Any]                           # body, title, authors, date


# --- scoring (scrapinghub's string_shingle_matching, re-implemented)

def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counter of n-token shingles, as the scrapinghub benchmark tokenises."""
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle tp/fp/fn normalised so long documents weigh no more than short ones."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def body_scores(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall and their F1, as the benchmark reports them."""
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([prec(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.mean([rec(*x) for x in rows if x[0] + x[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm(text: str | None) -> str:
    """Lower-case, accents and punctuation removed (as the dev-set scorer normalises)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


def title_ok(gold: str, pred: str | None) -> bool:
    """Word Jaccard >= 0.8, the dev-set scorer's headline criterion."""
    g, p = set(norm(gold).split()), set(norm(pred).split())
    return bool(g and p) and len(g & p) / len(g | p) >= 0.8


def title_exact(gold: str, pred: str | None) -> bool:
    """The tiptopjaw benchmark's own title criterion (scripts/03_run_benchmark.py): the same
    string up to letter case. Stricter than `title_ok`; printed beside it, never instead of it."""
    return bool(gold and pred) and pred.lower() == gold.lower()


def authors_ok(gold: str, pred: list[str]) -> bool:
    """Same set of author names after normalisation."""
    split = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
    g = {norm(x) for x in split.split(gold) if norm(x)}
    p = {norm(x) for a in pred for x in split.split(a) if norm(x)}
    return bool(g) and g == p


# --- corpora

def scrapinghub(limit: int | None) -> Iterator[Page]:
    base = DATA / "scrapinghub"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth)[:limit]:
        raw = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        yield key, raw, {"body": truth[key]["articleBody"], "url": truth[key].get("url")}


def tiptopjaw(limit: int | None) -> Iterator[Page]:
    base = DATA / "tiptopjaw"
    for path in sorted((base / "benchmark" / "ground-truth").glob("*.json"))[:limit]:
        data = json.loads(path.read_text(encoding="utf-8"))
        gt = data["ground_truth"]
        html = base / "release" / "html" / f"{path.stem}.html.gz"
        if not html.exists():  # a few ground-truth files have no page in the release
            continue
        raw = gzip.decompress(html.read_bytes())
        yield path.stem, raw, {"body": gt["main_content"], "title": gt.get("title"), "url": data.get("url"),
                               "author": gt.get("author"), "date": gt.get("publish_date")}


CORPORA: dict[str, Callable[[int | None], Iterator[Page]]] = {"scrapinghub": scrapinghub, "tiptopjaw": tiptopjaw}


# --- extractors

def run_ours(raw: bytes, url: str | None) -> Result:
    """Our cleaner. The body scored is the text without the headline and picture captions, which
    the benchmarks' article bodies leave out (the CleanDocument keeps them as spans)."""
    try:
        doc = clean(RawDocument(raw, "bench", url=url), max_bytes=20_000_000)
    except DocumentError:
        return {"body": "", "title": None, "authors": [], "date": None}
    skip = [(s.start, s.end) for s in doc.spans_of("headline", "caption")]
    body = "\n".join(doc.text[s.start:s.end] for s in doc.spans
                     if s.kind in BLOCK_KINDS and not any(a <= s.start < b for a, b in skip))
    return {"body": body, "title": doc.meta.headline, "authors": doc.meta.authors,
            "date": (doc.meta.published or "")[:10] or None}


def run_trafilatura(raw: bytes, url: str | None) -> Result:
    """trafilatura's default extraction with metadata (as the scrapinghub benchmark runs it)."""
    import trafilatura

    out = trafilatura.extract(raw, url=url, include_comments=False, with_metadata=True, output_format="json")
    data = json.loads(out) if out else {}
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return {"body": data.get("text") or "", "title": data.get("title"), "authors": authors,
            "date": (data.get("date") or "")[:10] or None}


BLOCK_KINDS = {"heading", "paragraph", "list_item", "table_cell", "blockquote"}


TOOLS: dict[str, Callable[[bytes, str | None], Result]] = {"ours": run_ours, "trafilatura": run_trafilatura}


def evaluate(pages: list[Page], tool: Callable[[bytes, str | None], Result],
             dump: list[dict[str, Any]] | None = None) -> dict[str, float]:
    """Run one tool over the pages and score it; per-page rows go to `dump` when given."""
    rows, counts = [], Counter()
    t0 = time.perf_counter()
    results = [tool(raw, gt.get("url")) for _, raw, gt in pages]
    seconds = time.perf_counter() - t0
    for (page_id, _, gt), res in zip(pages, results):
        rows.append(tp_fp_fn(gt["body"], res["body"]))
        bp, br, bf = body_scores([rows[-1]])
        row: dict[str, Any] = {"id": page_id, "body_p": bp, "body_r": br, "body_f1": bf,
                               "body_chars": len(res["body"])}
        for field, ok in (("title", title_ok), ("author", authors_ok),
                          ("date", lambda g, p: str(p or "")[:10] == g[:10])):
            if gt.get(field):
                counts[f"{field}_n"] += 1
                pred = res["authors"] if field == "author" else res[field]
                good = bool(ok(gt[field], pred))
                counts[f"{field}_ok"] += good
                row[field] = {"ok": good, "gold": gt[field], "pred": pred}
                if field == "title":
                    counts["title_exact_ok"] += title_exact(gt[field], pred)
        if dump is not None:
            dump.append(row)
    p, r, f1 = body_scores(rows)
    out = {"P": p, "R": r, "F1": f1, "docs/s": len(pages) / seconds if seconds else 0.0}
    for field in ("title", "author", "date"):
        if counts[f"{field}_n"]:
            out[field] = counts[f"{field}_ok"] / counts[f"{field}_n"]
    if counts["title_n"]:
        out["title_exact"] = counts["title_exact_ok"] / counts["title_n"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=list(CORPORA), choices=list(CORPORA))
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=list(TOOLS))
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write per-page scores to DUMP/<corpus>.<tool>.jsonl for error analysis")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    if not DATA.is_dir():
        raise SystemExit(f"benchmark data not found at {DATA}")
    for corpus in args.corpus:
        pages = list(CORPORA[corpus](args.limit))
        print(f"{corpus} ({len(pages)} pages)")
        for name in args.tools:
            rows: list[dict[str, Any]] = []
            m = evaluate(pages, TOOLS[name], rows)
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                with open(args.dump / f"{corpus}.{name}.jsonl", "w", encoding="utf-8") as out:
                    out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
            extra = "  ".join(f"{k}={m[k]:.3f}" for k in ("title", "title_exact", "author", "date") if k in m)
            print(f"  {name:<12} P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f}  {extra}  docs/s={m['docs/s']:.1f}")


if __name__ == "__main__":
    main()
