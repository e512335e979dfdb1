#!/usr/bin/env python3
"""Convert the shared NER corpora and our own sentences into spaCy DocBins under corpus/.

Reads ../shared/data/ner (CoNLL-2003, CrossNER, WNUT-17; never copied into the repo) and
assets_own/*.jsonl, maps every corpus's types onto the project's labels (LABEL_MAPS below) and
writes:

    corpus/train.spacy      training mix (CoNLL train, CrossNER train + 80% of dev, WNUT-17, own train)
    corpus/dev.spacy        model selection (CoNLL valid sample, CrossNER 20% of dev, own dev)
    corpus/test_<name>.spacy  held-out test splits scored by evaluate.py

Usage: python scripts/convert.py [--shared ../../shared] [--out corpus]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import iob_to_biluo, biluo_tags_to_spans

HERE = Path(__file__).resolve().parents[1]

# Corpus type -> project label; "" drops the span (its tokens become O).
CONLL = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
CROSSNER = {
    # people (bands and groups are not people)
    "person": "PERSON", "writer": "PERSON", "musicalartist": "PERSON", "scientist": "PERSON",
    "politician": "PERSON", "researcher": "PERSON",
    # creative works (magazines and journals are publications: ORG)
    "book": "WORK", "poem": "WORK", "album": "WORK", "song": "WORK",
    "award": "AWARD",
    "event": "EVENT", "election": "EVENT", "conference": "EVENT",
    "organisation": "ORG", "band": "ORG", "university": "ORG", "politicalparty": "ORG",
    "magazine": "ORG", "academicjournal": "ORG",
    "country": "LOC", "location": "LOC",
    "misc": "MISC",
    # genres, instruments, science/AI types: dropped
}
WNUT = {"person": "PERSON", "creative-work": "WORK", "corporation": "ORG", "group": "ORG",
        "location": "LOC", "product": ""}
# how many times each CrossNER domain's training sentences are repeated in train.spacy, per mix.
# "full": all five domains and WNUT-17. "news": no WNUT-17 (lower-case tweets, no MISC, so
# nationalities are taught as O) and no science/AI (their dropped types -- products, programming
# languages, proteins, theories -- teach capitalised names as O, against CoNLL's MISC).
MIXES = {
    "full": {"crossner": {"music": 3, "literature": 3, "politics": 2, "science": 1, "ai": 1}, "wnut": True},
    "news": {"crossner": {"music": 3, "literature": 3, "politics": 2}, "wnut": False},
    # a control, not a product mix: CoNLL-2003 train alone (no own sentences either), to measure what
    # the architecture reaches on CoNLL when nothing else competes for its capacity
    "conll": {"crossner": {}, "wnut": False, "own": False},
}
OWN_REPEAT = 2


def read_columns(path: Path, *, sep: str | None, label_col: int):
    """Yield (words, iob_tags) per sentence from a token-per-line file with blank-line breaks."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            cols = line.split(sep)
            if cols[0] == "-DOCSTART-":
                continue
            words.append(cols[0])
            tags.append(cols[label_col] if len(cols) > 1 else "O")
    if words:
        yield words, tags


def make_doc(vocab, words: list[str], tags: list[str], label_map: dict[str, str]) -> Doc:
    """A Doc with the mapped entities; unmapped types become O, broken I- tags start a span."""
    mapped = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            mapped.append("O")
            prev = "O"
            continue
        bio, typ = tag.split("-", 1)
        label = label_map.get(typ, "")
        if not label:
            mapped.append("O")
            prev = "O"
            continue
        if bio == "I" and prev == label:
            mapped.append(f"I-{label}")
        else:
            mapped.append(f"B-{label}")
        prev = label
    doc = Doc(vocab, words=words, spaces=[True] * len(words))
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(mapped))
    return doc


def own_docs(nlp, path: Path) -> list[Doc]:
    """Docs from our JSONL sentences: {"text", "ents": [[start, end, label], ...]}."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            doc = nlp.make_doc(rec["text"])
            spans = [doc.char_span(s, e, label=lab, alignment_mode="strict") for s, e, lab in rec["ents"]]
            if any(s is None for s in spans):
                raise ValueError(f"misaligned span in {path}: {rec}")
            doc.ents = spans
            docs.append(doc)
    return docs


def write(docs: list[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    labels = Counter(e.label_ for d in docs for e in d.ents)
    print(f"{path.name:28} {len(docs):6} docs  {dict(sorted(labels.items()))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    ap.add_argument("--own", type=Path, default=HERE / "assets_own")
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--mix", choices=sorted(MIXES), default="full", help="training mix (MIXES)")
    args = ap.parse_args()
    ner = args.shared / "data" / "ner"
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    nlp = spacy.blank("en")
    vocab = nlp.vocab

    def conll(split: str) -> list[Doc]:
        return [make_doc(vocab, w, t, CONLL) for w, t in read_columns(ner / "conll2003" / split, sep=" ",
                                                                       label_col=3)]

    def crossner(domain: str, split: str) -> list[Doc]:
        return [make_doc(vocab, w, t, CROSSNER)
                for w, t in read_columns(ner / "crossner" / domain / split, sep="\t", label_col=1)]

    train: list[Doc] = []
    dev: list[Doc] = []
    train += conll("train.txt")
    valid = conll("valid.txt")
    rng.shuffle(valid)
    dev += valid[:1000]
    mix = MIXES[args.mix]
    for domain, repeat in mix["crossner"].items():
        cn_dev = crossner(domain, "dev.txt")
        rng.shuffle(cn_dev)
        cut = int(len(cn_dev) * 0.8)
        dev += cn_dev[cut:]
        train += (crossner(domain, "train.txt") + cn_dev[:cut]) * repeat
    if mix["wnut"]:
        train += [make_doc(vocab, w, t, WNUT)
                  for w, t in read_columns(ner / "wnut17" / "wnut17train.conll", sep="\t", label_col=1)]
    if mix.get("own", True) and (args.own / "own_train.jsonl").exists():
        train += own_docs(nlp, args.own / "own_train.jsonl") * OWN_REPEAT
        dev += own_docs(nlp, args.own / "own_dev.jsonl")
    rng.shuffle(train)
    write(train, args.out / "train.spacy")
    write(dev, args.out / "dev.spacy")

    write(conll("test.txt"), args.out / "test_conll.spacy")
    for domain in ("music", "literature", "politics"):
        write(crossner(domain, "test.txt"), args.out / f"test_crossner_{domain}.spacy")
    if (args.own / "own_test.jsonl").exists():
        write(own_docs(nlp, args.own / "own_test.jsonl"), args.out / "test_own.spacy")


if __name__ == "__main__":
    main()
