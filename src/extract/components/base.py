"""Shared base of the project's components: error routing the way spaCy's own pipes do it."""

from __future__ import annotations

from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import extensions  # noqa: F401 - declares Doc._ attributes


class Component(Pipe):
    """A non-trainable component: subclasses implement `process(doc)`.

    `__call__` routes exceptions through `self.get_error_handler()`, so with
    `nlp.set_error_handler(...)` one bad document does not kill `nlp.pipe`.
    """

    name: str

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.process(doc)
        except Exception as e:  # noqa: BLE001
            self.get_error_handler()(self.name, self, [doc], e)
            return doc

    def process(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError
