"""`extract.display`: displaCy rendering of a record's entities (HTML string outside a notebook)."""

from __future__ import annotations

import pytest

import extract
from extract.display import LABEL_COLORS, spans_for_display
from extract.schema import ArticleRecord, Award, DateItem, Entity, Person, Span, Work

TEXT = "Greta Gerwig directed Barbie, released on July 21, 2023 by Warner Bros. in Los Angeles."


def _span(text: str, source: str = "test") -> Span:
    start = TEXT.index(text)
    return Span(start=start, end=start + len(text), text=text, source=source)


@pytest.fixture
def record() -> ArticleRecord:
    person, work, date = _span("Greta Gerwig"), _span("Barbie"), _span("July 21, 2023")
    return ArticleRecord(
        doc_id="barbie", source="barbie.html", text=TEXT,
        works=[Work(title="Barbie", kind="film", mentions=[work])],
        people=[Person(name="Greta Gerwig", roles=["director"], mentions=[person])],
        dates=[DateItem(text=date.text, value="2023-07-21", kind="release", evidence=date)],
        entities=[
            Entity(text="Greta Gerwig", label="PERSON", start=person.start, end=person.end, source="ner"),
            Entity(text="Warner Bros.", label="ORG", start=TEXT.index("Warner"),
                   end=TEXT.index("Warner") + len("Warner Bros."), source="ner"),
            Entity(text="Los Angeles", label="LOC", start=TEXT.index("Los"),
                   end=TEXT.index("Los") + len("Los Angeles"), source="ner"),
            # overlaps the date evidence: must not be rendered twice
            Entity(text="July 21", label="DATE", start=date.start, end=date.start + 7, source="ruler"),
        ],
    )


def test_display_returns_html_with_entity_texts_and_labels(record: ArticleRecord) -> None:
    html = extract.display(record, jupyter=False)
    assert isinstance(html, str)
    for text in ("Greta Gerwig", "Barbie", "July 21, 2023", "Warner Bros.", "Los Angeles"):
        assert text in html
    for label in ("PERSON", "WORK", "DATE", "ORG", "LOC"):
        assert label in html
    assert LABEL_COLORS["WORK"] in html  # our colours, not displaCy's defaults
    assert html.count("July 21") == 1


def test_display_outside_notebook_returns_html_by_default(record: ArticleRecord) -> None:
    assert isinstance(extract.display(record), str)


def test_colors_override(record: ArticleRecord) -> None:
    html = extract.display(record, jupyter=False, colors={"WORK": "#123456"})
    assert "#123456" in html


def test_spans_do_not_overlap_and_prefer_components(record: ArticleRecord) -> None:
    spans = spans_for_display(record)
    for a, b in zip(spans, spans[1:]):
        assert a["end"] <= b["start"]
    date = next(s for s in spans if s["label"] == "DATE")
    assert TEXT[date["start"]:date["end"]] == "July 21, 2023"


def test_award_evidence_and_out_of_range_spans() -> None:
    text = "She won the Oscar."
    start = text.index("Oscar")
    rec = ArticleRecord(
        doc_id="d", source="d.html", text=text,
        awards=[Award(award="Academy Award", outcome="won",
                      evidence=Span(start=start, end=start + 5, text="Oscar"))],
        entities=[Entity(text="x", label="ORG", start=100, end=105, source="ner")],
    )
    html = extract.display(rec, jupyter=False)
    assert "Oscar" in html and "AWARD" in html
    assert "ORG" not in html


def test_accepts_record_dicts(record: ArticleRecord) -> None:
    html = extract.display(record.model_dump(mode="json"), jupyter=False)
    assert "Barbie" in html


def test_record_without_text_raises_clear_error(record: ArticleRecord) -> None:
    no_text = record.model_copy(update={"text": None})
    with pytest.raises(ValueError, match=r"include_text=True"):
        extract.display(no_text)
