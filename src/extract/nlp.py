"""The spaCy `Language`: the shipped entity model (or any installed pipeline) plus our components."""

from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401 - registers the factories
from .errors import ModelError
from .ops import use_blas

log = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path(__file__).parent / "models" / "ner"
# components of an installed pipeline that our stages never read
_UNUSED = ("lemmatizer", "attribute_ruler", "tagger", "morphologizer", "senter", "textcat", "textcat_multilabel")
EXTRACTION_PIPES = ("entertainment_labels", "entertainment_sentences", "entertainment_dates",
                    "entertainment_works", "entertainment_people", "entertainment_awards", "entertainment_credits")


def default_model() -> str | None:
    """Path of the model shipped inside the package, when it is there."""
    return str(DEFAULT_MODEL_DIR) if (DEFAULT_MODEL_DIR / "meta.json").exists() else None


def load_base(model: str | Path | None = None) -> Language:
    """Load `model` (installed package name or path), the shipped model, or a blank English pipeline."""
    name = model if model is not None else default_model()
    if name is None:
        log.warning("no entity model shipped in the package; using a blank English pipeline (patterns only)")
        return spacy.blank("en")
    if str(name) == "blank":
        return spacy.blank("en")
    try:
        nlp = spacy.load(name, exclude=[p for p in _UNUSED])
    except (OSError, ValueError, ImportError) as exc:
        raise ModelError(name=str(name), reason=str(exc)) from exc
    use_blas(nlp)  # the model's matrix products through numpy's BLAS (see extract.ops)
    return nlp


def build_nlp(model: str | Path | None = None, *, label_map: dict[str, str] | None = None) -> Language:
    """The full pipeline: entity model, label mapping, then the extraction components."""
    nlp = load_base(model)
    if "entertainment_norms" not in nlp.pipe_names:
        nlp.add_pipe("entertainment_norms", first=True)  # before the entity model reads the norms
    for pipe in EXTRACTION_PIPES:
        if pipe in nlp.pipe_names:
            continue
        config = {"label_map": label_map} if pipe == "entertainment_labels" and label_map else {}
        nlp.add_pipe(pipe, config=config)
    return nlp
