"""The record schema: the product's public contract.

Field names here are fixed (users load them into databases): add fields freely, rename none.
`extract schema` prints `ArticleRecord` as JSON Schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

SCHEMA_VERSION = "1.0"

Role = Literal[
    "actor", "director", "creator", "writer", "producer", "executive",
    "musician", "host", "character", "subject", "critic",
]
WorkKind = Literal[
    "film", "tv_series", "miniseries", "episode", "season", "tv_special", "album", "song",
    "book", "game", "play", "podcast", "tour", "franchise", "other",
]
DateKind = Literal["release", "award", "publication", "other"]
Outcome = Literal["won", "nominated"]
Status = Literal["ok", "skipped", "error"]

ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
WORK_KINDS: tuple[str, ...] = WorkKind.__args__  # type: ignore[attr-defined]
DATE_KINDS: tuple[str, ...] = DateKind.__args__  # type: ignore[attr-defined]

ISO_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ISO_DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A character span into the cleaned text, with the component or rule that found it."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    source: str | None = None


class ErrorInfo(_Model):
    code: str
    message: str


class Meta(_Model):
    headline: str | None = None
    description: str | None = None
    site_name: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = Field(default=None, pattern=ISO_DATETIME_PATTERN)
    modified: str | None = Field(default=None, pattern=ISO_DATETIME_PATTERN)
    language: str | None = None
    url: str | None = None
    canonical_url: str | None = None


class Work(_Model):
    title: str = Field(min_length=1)
    kind: WorkKind = "other"
    year: int | None = None
    release_date: str | None = Field(default=None, pattern=ISO_DATE_PATTERN)
    platforms: list[str] = Field(default_factory=list)
    genres: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    episodes: int | None = None
    creators: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Person(_Model):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Credit(_Model):
    person: str
    role: Role
    work: str | None = None
    character: str | None = None
    evidence: Span | None = None


class Award(_Model):
    award: str
    category: str | None = None
    recipient: str | None = None
    work: str | None = None
    outcome: Outcome | None = None
    year: int | None = None
    evidence: Span | None = None


class DateItem(_Model):
    text: str
    value: str = Field(pattern=ISO_DATE_PATTERN)
    kind: DateKind = "other"
    relative: bool = False
    evidence: Span | None = None


class Entity(_Model):
    text: str
    label: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    source: str
    score: float | None = None


class ArticleRecord(_Model):
    """One article's extracted record."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: str
    status: Status = "ok"
    error: ErrorInfo | None = None
    meta: Meta = Field(default_factory=Meta)
    text: str | None = None
    works: list[Work] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    credits: list[Credit] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    dates: list[DateItem] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    relative_dates: list[DateItem] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_frame(self):  # noqa: ANN201 - pandas is imported lazily
        """This record's tables as a dict of pandas DataFrames (see `extract.frames`)."""
        from .frames import to_frames

        return to_frames([self])


RECORDS = TypeAdapter(list[ArticleRecord])


def json_schema() -> dict:
    """The JSON Schema of `ArticleRecord`."""
    return ArticleRecord.model_json_schema()
