"""Structured records (works, people, credits, awards, dates) from entertainment-article HTML."""

from __future__ import annotations

from .extractor import Extractor
from .limits import Limits
from .schema import ArticleRecord

__version__ = "0.1.0"


def to_frames(records):  # noqa: ANN001, ANN201
    """Records as relational pandas DataFrames keyed by `doc_id` (see `extract.frames`)."""
    from .frames import to_frames as _to_frames

    return _to_frames(records)


def read_frames(path):  # noqa: ANN001, ANN201
    """Read records written by `extract run` back as DataFrames."""
    from .frames import read_frames as _read_frames

    return _read_frames(path)


def display(record, **kwargs):  # noqa: ANN001, ANN201
    """Entities of a record rendered with displaCy (in a notebook), or the HTML string elsewhere."""
    from .display import display as _display

    return _display(record, **kwargs)


__all__ = ["ArticleRecord", "Extractor", "Limits", "display", "read_frames", "to_frames", "__version__"]
