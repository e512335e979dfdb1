"""The cleaner on page layouts found by error analysis on the extraction benchmarks: text kept
for crawlers in <noscript>, table layouts, script-rendered pages."""

from __future__ import annotations

import pytest

from extract.clean import clean
from extract.document import CleanDocument, RawDocument

PROSE = ("The new series follows a family of lighthouse keepers through one long winter, and the "
         "critics have praised its patient pacing and its careful, unshowy performances.")
OTHER = ("Its second season moves the story inland, to a river town where the family's youngest "
         "daughter opens a cinema that nobody in town has asked for.")


def _clean(body: str, head: str = "<title>Moonlit Harbour review</title>") -> CleanDocument:
    return clean(RawDocument(f"<html><head>{head}</head><body>{body}</body></html>", "test.html"))


def test_noscript_fallback_holds_the_article() -> None:
    """Script-rendered forums and apps give crawlers the post inside <noscript>."""
    doc = _clean(f'<div id="app"></div><noscript><div class="topic"><p>{PROSE}</p><p>{OTHER}</p></div></noscript>')
    assert PROSE in doc.text and OTHER in doc.text


def test_noscript_beside_an_article_is_dropped() -> None:
    doc = _clean(f"<article><p>{PROSE}</p><p>{OTHER}</p></article>"
                 "<noscript>Please enable JavaScript to view the comments.</noscript>")
    assert PROSE in doc.text and "enable JavaScript" not in doc.text


def test_layout_table_cells_are_walked_as_containers() -> None:
    """Old table layouts nest the article's tables and paragraphs inside layout cells."""
    body = (f"<table><tr><td><table><tr><td><h2>Average cost</h2><p>{PROSE}</p></td></tr>"
            f"<tr><td><p>{OTHER}</p></td></tr></table></td></tr></table>")
    doc = _clean(body)
    assert PROSE in doc.text and OTHER in doc.text
    assert "Average cost" in [doc.text[s.start:s.end] for s in doc.spans_of("heading")]
    assert not doc.spans_of("table_cell")


def test_data_table_cells_stay_cells() -> None:
    body = (f"<article><p>{PROSE}</p><table><tr><td>Network</td><td>Streamly</td></tr>"
            "<tr><td>Episodes</td><td>8</td></tr></table></article>")
    doc = _clean(body)
    assert [doc.text[s.start:s.end] for s in doc.spans_of("table_cell")] == ["Network", "Streamly", "Episodes", "8"]
    assert ("Network", "Streamly") in {(f.key, f.value) for f in doc.facts}


@pytest.mark.parametrize("wrapper", ['<div class="post">{}</div>', "<center>{}</center>"])
def test_nested_layout_table_inside_a_cell(wrapper: str) -> None:
    inner = f"<table><tr><td><p>{PROSE}</p></td></tr></table>"
    doc = _clean("<table><tr><td>" + wrapper.format(inner) + f"<p>{OTHER}</p></td></tr></table>")
    assert PROSE in doc.text and OTHER in doc.text
