"""The training workflow runs end to end: our sentences -> DocBin -> `spacy train` config -> loadable model.

CI never trains the full model: this trains the configs (pipelines/configs/ner.cfg, and
ner_vectors.cfg with a tiny random floret table standing in for `spacy project run vectors`) for a
few steps on a handful of the project's own hand-written sentences, in a temporary directory, and
checks that the result loads with the project's labels. It needs no ../shared data.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin
from spacy.vectors import Vectors

ROOT = Path(__file__).resolve().parents[1]
PIPELINES = ROOT / "pipelines"
CONFIGS = ("ner", "ner_vectors")
LABELS_FILE = PIPELINES / "configs" / "ner_labels.json"
PROJECT_LABELS = {"PERSON", "WORK", "AWARD", "ORG", "LOC", "EVENT"}


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, PIPELINES / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def own_sentences() -> list[tuple[str, list[list]]]:
    own = _load_script("make_own_sentences")
    lines = own.read_lines(PIPELINES / "assets_own" / "handwritten.txt")
    return [own.parse_marked(line) for line in lines[:24]]


def _docbin(nlp, sentences, path: Path) -> Path:
    docs = []
    for text, ents in sentences:
        doc = nlp.make_doc(text)
        doc.ents = [doc.char_span(s, e, label=label, alignment_mode="strict") for s, e, label in ents]
        docs.append(doc)
    DocBin(docs=docs).to_disk(path)
    return path


def test_own_sentences_parse(own_sentences) -> None:
    labels = {label for _, ents in own_sentences for *_, label in ents}
    assert labels <= PROJECT_LABELS
    assert {"PERSON", "WORK", "AWARD", "ORG"} <= labels


def _tiny_floret(path: Path) -> Path:
    """A blank pipeline with a small random floret table, shaped like `spacy init vectors --mode floret`."""
    nlp = spacy.blank("en")
    table = numpy.random.default_rng(0).normal(size=(200, 16)).astype("float32")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, mode="floret", minn=3, maxn=5,
                                hash_count=2, hash_seed=2166136261, bow="<", eow=">")
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize("config", CONFIGS)
def test_train_config_one_epoch_gives_loadable_model(config: str, own_sentences, tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    train_path = _docbin(nlp, own_sentences[:20], tmp_path / "train.spacy")
    dev_path = _docbin(nlp, own_sentences[20:], tmp_path / "dev.spacy")
    vectors = {"paths.vectors": str(_tiny_floret(tmp_path / "vectors"))} if "vectors" in config else {}
    start = time.perf_counter()
    train(PIPELINES / "configs" / f"{config}.cfg", tmp_path / "out", overrides={
        **vectors,
        "paths.train": str(train_path), "paths.dev": str(dev_path), "paths.labels": str(LABELS_FILE),
        "training.max_epochs": 1, "training.max_steps": 10, "training.eval_frequency": 5,
        "training.batcher.size.start": 16, "training.batcher.size.stop": 64,
        # a small hash table keeps the test fast; the architecture is the shipped one
        "components.tok2vec.model.embed.rows": [500, 100, 200, 50],
    })
    assert time.perf_counter() - start < 60
    model_dir = tmp_path / "out" / "model-last"
    trained = spacy.load(model_dir)
    assert trained.pipe_names == ["tok2vec", "ner"]
    assert set(trained.get_pipe("ner").labels) == {"AWARD", "EVENT", "LOC", "MISC", "ORG", "PERSON", "WORK"}
    assert PROJECT_LABELS <= set(trained.get_pipe("ner").labels)
    doc = trained("Jharrel Jerome won the Primetime Emmy Award for When They See Us.")
    assert len(doc) > 0
    assert all(ent.label_ in trained.get_pipe("ner").labels for ent in doc.ents)


def test_norm_keyed_vectors_survive_training(own_sentences, tmp_path: Path) -> None:
    """ner_minilm.cfg with a tiny NORM-keyed default table, as `spacy project run vectors_minilm` makes it.

    spaCy 3.8 does not save a default-mode table's key attribute; vectors_minilm.py's set-attr and
    train.py's keep_vectors_attr write it back, so the trained model looks "Jerome" up as "jerome".
    """
    from spacy.attrs import NORM

    nlp = spacy.blank("en")
    words = sorted({t.norm_ for text, _ in own_sentences for t in nlp.make_doc(text)})
    table = numpy.random.default_rng(0).normal(size=(len(words), 16)).astype("float32")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=words, attr="NORM")
    nlp.to_disk(tmp_path / "vectors")
    _load_script("vectors_minilm").set_attr(tmp_path / "vectors", "NORM")
    train_path = _docbin(nlp, own_sentences[:20], tmp_path / "train.spacy")
    dev_path = _docbin(nlp, own_sentences[20:], tmp_path / "dev.spacy")
    train(PIPELINES / "configs" / "ner_minilm.cfg", tmp_path / "out", overrides={
        "paths.vectors": str(tmp_path / "vectors"),
        "paths.train": str(train_path), "paths.dev": str(dev_path), "paths.labels": str(LABELS_FILE),
        "training.max_epochs": 1, "training.max_steps": 10, "training.eval_frequency": 5,
        "training.batcher.size.start": 16, "training.batcher.size.stop": 64,
        "components.tok2vec.model.embed.rows": [500, 100, 200, 50],
    })
    _load_script("train").keep_vectors_attr(tmp_path / "out")
    trained = spacy.load(tmp_path / "out" / "model-last")
    assert trained.vocab.vectors.attr == NORM
    word = next(w for w in words if w.isalpha() and len(w) > 3)
    doc = trained(f"{word.title()} and {word.upper()}")
    assert doc[0].norm_ == word and trained.vocab.vectors.find(key=doc[0].norm) >= 0
