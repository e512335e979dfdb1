"""spaCy pipeline components, one per module, registered with `@Language.factory`.

Importing this package registers every factory; they are also exposed to any spaCy user
through the `spacy_factories` entry point.
"""

from . import awards, credits, dates, labels, norms, people, sentences, works  # noqa: F401

__all__ = ["awards", "credits", "dates", "labels", "norms", "people", "sentences", "works"]
