"""The date component: ISO values at the text's precision, kinds, inferred years, names and relatives."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def values(doc) -> list[str]:
    return [d["value"] for d in doc._.dates]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The series premiered on May 31, 2019 on Netflix.", ["2019-05-31"]),
        ("It opened on 31 May 2019 in London.", ["2019-05-31"]),
        ("The case began in April 1989.", ["1989-04"]),
        ("They were exonerated in 2002.", ["2002"]),
        ("The release was set for 2019-05-31.", ["2019-05-31"]),
        ("It ran from 1989-1991 on CBS.", ["1989", "1991"]),
        ("On Friday, April 17, 2020, the album dropped.", ["2020-04-17"]),
        ("Sept. 22, 2019 was the night of the ceremony.", ["2019-09-22"]),
        ("She was born on the 3rd of March, 1990.", ["1990-03-03"]),
        # a run of days gives both ends; a pair of months gives each month of the year
        ("The festival runs May 10\u201312, 2024 in Austin.", ["2024-05-10", "2024-05-12"]),
        ("Our picks from November and December 2025 follow.", ["2025-11", "2025-12"]),
        ("It was shot between March-April 2023 in Rome.", ["2023-03", "2023-04"]),
        # a year-less date opening a range takes the year that closes it (one back over New Year)
        ("The show ran from 5 March to 9 June 2024 in Leeds.", ["2024-03-05", "2024-06-09"]),
        ("Kiln Works, Harbour Gallery 18 January \u2013 22 June 2025.", ["2025-01-18", "2025-06-22"]),
        ("It runs 12 December \u2013 4 January 2026 at the Hall.", ["2025-12-12", "2026-01-04"]),
    ],
)
def test_explicit_dates(run_text, text, expected):
    assert values(run_text(text)) == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # a date without a year takes the publication year
        ("The premiere is set for December 6.", "2019-11-19", ["2019-12-06"]),
        # upcoming tour dates well before the publication date fall in the next year
        ("The tour kicks off June 9 in Florida.", "2019-11-19", ["2020-06-09"]),
        # a recent past date stays in the publication year
        ("The band played on November 18 in Houston.", "2019-11-19", ["2019-11-18"]),
        # without a publication date the year cannot be known: nothing is invented
        ("The tour kicks off June 9 in Florida.", None, []),
        # a run of days without a year
        ("The showcase unfolds between November 6-11 in Bydgoszcz.", "2025-11-05", ["2025-11-06", "2025-11-11"]),
    ],
)
def test_dates_without_year(run_text, text, published, expected):
    assert values(run_text(text, published=published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eurovision 2019 was held in Tel Aviv.",
        "The budget was $2019 per seat.",
        "Tickets rose 2019% overnight.",
    ],
)
def test_years_that_are_not_dates(run_text, text):
    assert values(run_text(text)) == []


def test_impossible_date_keeps_only_what_is_real(run_text):
    doc = run_text("The show aired on February 30, 2019 according to the listing.")
    assert values(doc) == ["2019-02"]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The film was released in 2016 to acclaim.", "release"),
        ("2016's Star Trek Beyond was a hit.", "release"),
        ("Heat (1995) remains a classic.", "release"),
        ("She won the award at the 2008 ceremony.", "award"),
        ("The jogger was attacked in 1989 in the park.", "other"),
    ],
)
def test_kind_from_context(run_text, text, kind):
    assert run_text(text)._.dates[0]["kind"] == kind


def test_each_value_listed_once_with_evidence(run_text):
    text = "It was released in 2019. Critics loved it in 2019."
    doc = run_text(text)
    assert values(doc) == ["2019"]
    ev = doc._.dates[0]["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["text"] == "2019"
    assert ev["source"].startswith("entertainment_dates")


def test_relative_dates_are_resolved_but_kept_apart(run_text):
    doc = run_text("Last year the show was renewed. It returns next year.", published="2020-03-01")
    assert values(doc) == []
    assert {d["value"] for d in doc._.relative_dates} == {"2019", "2021"}
    assert all(d["relative"] for d in doc._.relative_dates)


def test_byline_date_is_not_a_date(run_text):
    doc = run_text("Posted on December 18, 2025 by the editors\nThe film came out in 1997.", published="2025-12-18")
    assert values(doc) == ["1997"]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(["{d:%B} {d.day}, {d.year}", "{d.day} {d:%B} {d.year}", "{d:%Y-%m-%d}"]))
def test_any_written_date_normalises_to_its_iso_value(run_text, day, fmt):
    """Years 1800-2099 are recognised (the pattern's documented range)."""
    text = "It premiered on " + fmt.format(d=day) + " in theaters."
    assert values(run_text(text)) == [day.isoformat()]


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_never_raises_and_values_are_iso(run_text, text):
    import re

    for d in run_text(text, published="2020-01-15")._.dates:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d["value"])


@pytest.mark.parametrize("text", [
    "", "May", "2019", "On May 5, 2019 and 5th of May 2019 the 2019-2020 season (1999\u20132001) began.",
    "Friday, March 8, 2024: released 2024-03-08; sequel due in June 2025 or 12 June.",
    "From June 3-5, 2024 and July 8\u20139 to May and June 2025.",
    "No dates here at all, just words and numbers like 7 and 42.",
    "2019 2020 2021 May June 1 2 3 2022",
])
def test_windowed_matches_equal_full_matcher(nlp, text):
    finder = nlp.get_pipe("entertainment_dates")
    assert finder.openers is not None
    doc = nlp.make_doc(text)
    assert finder._matches(doc) == finder.matcher(doc)


def test_year_in_quotation_marks_is_a_title_not_a_date(run_text):
    text = "It includes 2008’s “Moon Garden” and 2014’s “1989.” The war film “1917” won in 2020."
    spans = [(text.index(q), text.index(q) + len(q), "quote") for q in ("Moon Garden", "1989.", "1917")]
    doc = run_text(text, spans=spans)
    assert {d["value"] for d in doc._.dates} == {"2008", "2014", "2020"}
    assert {"1989", "1917", "Moon Garden"} <= {w["title"] for w in doc._.works}


@pytest.mark.parametrize(
    "text,published,value",
    [
        ("The studio launched its service in September.", "2019-11-19", "2019-09"),
        ("The tour that began in August ended badly.", "2019-03-01", "2018-08"),
        ("When February rolls around, the free trials end.", "2019-11-18", "2020-02"),
        ("She is heading to the festival in January.", "2025-12-17", "2026-01"),
        ("The whole thing is out in January.", "2025-12-19", "2026-01"),
        ("Her life changed in 2016. In January of that year, she moved to Paris.", "2019-07-17", "2016-01"),
    ],
)
def test_a_month_without_a_year_takes_the_year_the_article_makes_plain(run_text, text, published, value):
    doc = run_text(text, published=published)
    assert value in {d["value"] for d in doc._.dates}


@pytest.mark.parametrize(
    "text",
    ["Every January, companies promise change.", "The event is planned for this April.",
     "The series returns on May 3.", "It may rain in the evening."],
)
def test_no_bare_month_date(run_text, text):
    doc = run_text(text, published="2019-02-01")
    assert not [d for d in doc._.dates if d["evidence"]["source"].endswith("bare_month")]


def test_this_april_is_a_relative_phrase(run_text):
    doc = run_text("The celebration is planned for this April.", published="2017-02-23")
    assert "2017-04" in {d["value"] for d in doc._.relative_dates}
    assert "2017-04" not in {d["value"] for d in doc._.dates}
