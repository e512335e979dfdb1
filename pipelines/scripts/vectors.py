#!/usr/bin/env python3
"""Train small floret vectors (fastText with hashed subwords) on raw text available locally.

Raw text (never copied into the repository; written to corpus/raw.txt, gitignored):
  * article bodies of the web-page benchmarks in ../shared/data/html (tiptopjaw main_content,
    scrapinghub articleBody; pages that are mostly non-ASCII are skipped);
  * the words of the NER training and dev splits (CoNLL-2003 train/valid, CrossNER train/dev,
    WNUT-17 train) and our own training sentences -- never the test splits.
Text is tokenized with spaCy's English tokenizer, one sentence-ish line per paragraph, cased, so
that the vector keys match the tokens the model sees.

floret stores `bucket` x `dim` floats, shared by words and their character n-grams (minn..maxn),
so unseen names still get a vector; the table ships in the model (bucket * dim * 4 bytes).

Usage: python scripts/vectors.py --shared ../../shared --out corpus/vectors.floret [--dim 64 --bucket 15000]
Then:  python -m spacy init vectors en corpus/vectors.floret training/vectors --mode floret
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _ascii_share(text: str) -> float:
    return sum(c.isascii() for c in text) / max(1, len(text))


def page_texts(html_dir: Path):
    """Article bodies from the extraction benchmarks' ground truth (English-looking only)."""
    for f in sorted((html_dir / "tiptopjaw" / "benchmark" / "ground-truth").glob("*.json")):
        text = json.loads(f.read_text(encoding="utf-8"))["ground_truth"].get("main_content") or ""
        if _ascii_share(text) > 0.97:
            yield text
    gt = html_dir / "scrapinghub" / "ground-truth.json"
    if gt.exists():
        for rec in json.loads(gt.read_text(encoding="utf-8")).values():
            text = rec.get("articleBody") or ""
            if _ascii_share(text) > 0.97:
                yield text


def corpus_sentences(ner_dir: Path):
    """Word sequences of the NER training/dev splits (tokens already split)."""
    files = [(ner_dir / "conll2003" / s, " ") for s in ("train.txt", "valid.txt")]
    files += [(d / s, "\t") for d in sorted((ner_dir / "crossner").iterdir()) if d.is_dir()
              for s in ("train.txt", "dev.txt")]
    files += [(ner_dir / "wnut17" / "wnut17train.conll", "\t")]
    for path, sep in files:
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    yield " ".join(words)
                words = []
                continue
            tok = line.split(sep)[0]
            if tok != "-DOCSTART-":
                words.append(tok)
        if words:
            yield " ".join(words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    ap.add_argument("--own", type=Path, default=HERE / "assets_own" / "own_train.jsonl")
    ap.add_argument("--out", type=Path, default=HERE / "corpus" / "vectors.floret")
    ap.add_argument("--raw", type=Path, default=None, help="raw text file (default: next to --out)")
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bucket", type=int, default=15000)
    ap.add_argument("--epoch", type=int, default=10)
    ap.add_argument("--minn", type=int, default=3)
    ap.add_argument("--maxn", type=int, default=5)
    args = ap.parse_args()
    import floret
    import spacy

    raw = args.raw or args.out.with_name("raw.txt")
    raw.parent.mkdir(parents=True, exist_ok=True)
    tokenizer = spacy.blank("en").tokenizer
    n_words = 0
    with open(raw, "w", encoding="utf-8") as fh:
        for text in page_texts(args.shared / "data" / "html"):
            for para in text.split("\n"):
                toks = [t.text for t in tokenizer(para.strip()) if not t.is_space]
                if len(toks) >= 3:
                    fh.write(" ".join(toks) + "\n")
                    n_words += len(toks)
        for line in corpus_sentences(args.shared / "data" / "ner"):
            fh.write(line + "\n")
            n_words += line.count(" ") + 1
        if args.own.exists():
            for line in args.own.read_text(encoding="utf-8").splitlines():
                toks = [t.text for t in tokenizer(json.loads(line)["text"])]
                fh.write(" ".join(toks) + "\n")
                n_words += len(toks)
    print(f"{raw}: {n_words:,} words")
    model = floret.train_unsupervised(
        str(raw), model="cbow", mode="floret", hashCount=2, bucket=args.bucket, minn=args.minn,
        maxn=args.maxn, dim=args.dim, epoch=args.epoch, minCount=2, thread=int(os.environ.get("OMP_NUM_THREADS", 1)),
        verbose=0,
    )
    model.save_floret_vectors(str(args.out))
    print(f"{args.out}: {args.bucket} x {args.dim} floret vectors ({args.bucket * args.dim * 4 / 1e6:.1f} MB in the model)")


if __name__ == "__main__":
    main()
