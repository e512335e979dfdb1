"""Coded error messages and the exception hierarchy.

Three tiers: the coded messages below (`Errors.E001`), exceptions that subclass builtins and keep
the offending values, and for one bad document in a batch an error record (status "error" or
"skipped" with `error.code`) while the batch goes on.
"""

from __future__ import annotations


class Errors:
    """Stable codes: the code is what users match on, the text may improve."""

    # input / decoding (document-level: the document gets a record with this code)
    E001 = "empty input: the document has no bytes or only whitespace"
    E002 = "not HTML: the bytes look like {kind}"
    E003 = "input too large: {size} bytes exceeds the limit of {limit} bytes"
    E004 = "decompressed input exceeds the limit of {limit} bytes (possible gzip bomb)"
    E005 = "could not decode the document: {reason}"
    E006 = "no article text found: the page has no main content"
    E007 = "text too long: {size} characters exceeds the limit of {limit}"
    E008 = "processing took longer than the limit of {limit} seconds"
    E009 = "could not read the input: {reason}"
    E010 = "malformed input record: {reason}"
    E011 = "duplicate content: identical to {first}"
    E099 = "unexpected error while processing the document: {reason}"
    # run-level (the run itself fails)
    E101 = "unknown output format {fmt!r}; choose one of {choices}"
    E102 = "cannot write output to {path}: {reason}"
    E103 = "cannot load spaCy pipeline {name!r}: {reason}"
    E104 = "no inputs found for {inputs}"
    E105 = "database error: {reason}"
    E106 = "invalid record for document {doc_id}: {reason}"


class ExtractError(Exception):
    """Base of the project's exceptions; `code` is a key of `Errors`."""

    code = "E099"

    def __init__(self, code: str | None = None, **values: object) -> None:
        self.code = code or self.code
        self.values = values
        template = getattr(Errors, self.code, "{reason}")
        try:
            message = template.format(**values)
        except (KeyError, IndexError):
            message = f"{template} {values}"
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class DocumentError(ExtractError, ValueError):
    """One document cannot be processed; the batch goes on with an error record."""


class SkipDocument(DocumentError):
    """The document is not an article we can process (empty, binary, no text)."""


class LimitExceeded(DocumentError):
    """A user-set limit (size, time, text length) was exceeded."""


class InputError(ExtractError, OSError):
    """An input cannot be read at all."""


class OutputError(ExtractError, OSError):
    """Output cannot be written: the run fails with a clear message."""


class ModelError(ExtractError, RuntimeError):
    """A spaCy pipeline could not be loaded."""

    code = "E103"


class FormatError(ExtractError, ValueError):
    code = "E101"


class RecordValidationError(ExtractError, ValueError):
    code = "E106"
