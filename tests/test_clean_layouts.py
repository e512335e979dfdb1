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
    doc = _clean(f'<div id="app"></div><noscript><div class="topic"><p>{PROSE}</p><p>{OTHER}</p></div>'
                 "</noscript>")
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
    cells = [doc.text[s.start:s.end] for s in doc.spans_of("table_cell")]
    assert cells == ["Network", "Streamly", "Episodes", "8"]
    assert ("Network", "Streamly") in {(f.key, f.value) for f in doc.facts}


def test_a_wide_tables_header_row_is_not_a_fact() -> None:
    """'Title | Weekend | Total' heads columns; only two-cell rows are key/value pairs."""
    body = (f"<article><p>{PROSE}</p><table><tr><th>#</th><th>Title</th><th>Weekend</th><th>Total</th></tr>"
            "<tr><td>1</td><td>Moonlit Harbour</td><td>$5</td><td>$9</td></tr></table></article>")
    doc = _clean(body)
    assert not any(f.key == "Title" for f in doc.facts)


@pytest.mark.parametrize("wrapper", ['<div class="post">{}</div>', "<center>{}</center>"])
def test_nested_layout_table_inside_a_cell(wrapper: str) -> None:
    inner = f"<table><tr><td><p>{PROSE}</p></td></tr></table>"
    doc = _clean("<table><tr><td>" + wrapper.format(inner) + f"<p>{OTHER}</p></td></tr></table>")
    assert PROSE in doc.text and OTHER in doc.text


def test_noscript_copy_of_the_article_is_not_repeated() -> None:
    doc = _clean(f"<article><p>{PROSE}</p><p>{OTHER}</p>"
                 f"<noscript><p>{PROSE}</p><p>{OTHER}</p></noscript></article>")
    assert doc.text.count("lighthouse keepers") == 1


def test_small_marked_body_loses_to_the_real_article() -> None:
    """A box classed like a post body (here the comment form) does not hide the article."""
    article = "".join(f"<p>{PROSE} {i}</p><p>{OTHER} {i}</p>" for i in range(8))
    box = ('<section class="article-content" id="comments"><p>With an account on the Fediverse you can '
           "respond to this post; known non-private replies are displayed below this notice. Learn how this "
           "works, and how to hide your reply from everyone but the author, in the help pages.</p>"
           "<p>Replies are "
           "moderated by the site's editors before they appear, which can take a day or two on weekends.</p>"
           "</section>")
    doc = _clean(f'<div class="page"><div class="text">{article}</div>{box}</div>')
    assert doc.text.count("lighthouse keepers") == 8


def test_forum_thread_keeps_every_post() -> None:
    """The best block is one post; its repeats (same tag and classes) are the rest of the thread."""
    posts = "".join(f'<article class="message-body"><div class="bb"><p>{text} Post {i}.</p></div></article>'
                    '<div class="user-card"><a href="/u">member</a></div>'
                    for i, text in enumerate([PROSE, OTHER, PROSE + " " + OTHER]))
    doc = _clean(f'<div class="thread">{posts}</div><div class="sidebar-box"><p>{OTHER[:40]}</p></div>')
    assert all(f"Post {i}." in doc.text for i in range(3))
    assert "member" not in doc.text


def test_inline_link_with_a_tag_class_stays_in_its_sentence() -> None:
    """Auto-tagging plugins mark names in running text with ids like 'auto-tag_...'."""
    body = (f'<article><p><span class="s1">The <a href="/t/x" id="auto-tag_moonlit-harbour" class="tag">Moonlit '
            f"Harbour</a> cast will reunite with former star <a id=\"auto-tag_ada-quinn\">Ada Quinn</a> for a "
            f"new season.</span></p><p>{PROSE}</p></article>")
    doc = _clean(body)
    assert "The Moonlit Harbour cast will reunite with former star Ada Quinn for a new season." in doc.text


def test_tag_list_outside_a_paragraph_is_dropped() -> None:
    body = (f'<article><p>{PROSE}</p><p>{OTHER}</p><div class="tags"><a class="tag" href="/t/a">Drama</a> '
            '<a class="tag" href="/t/b">Streaming</a></div></article>')
    doc = _clean(body)
    assert "Streaming" not in doc.text


def test_table_cells_know_their_column_header_and_table() -> None:
    body = (f"<article><p>{PROSE}</p><table><thead><tr><th>#</th><th>Title</th></tr></thead>"
            "<tbody><tr><td>1</td><td>Moonlit Harbour</td></tr></tbody></table>"
            f"<p>{OTHER}</p><table><tr><td>Network</td><td>Streamly</td></tr></table></article>")
    doc = _clean(body)
    cells = [(doc.text[s.start:s.end], s.attrs["col"], s.attrs["header"], s.attrs["table"])
             for s in doc.spans_of("table_cell")]
    assert cells == [("#", "0", "1", "0"), ("Title", "1", "1", "0"), ("1", "0", "0", "0"),
                     ("Moonlit Harbour", "1", "0", "0"), ("Network", "0", "0", "1"), ("Streamly", "1", "0", "1")]


def test_long_footer_kept_for_its_size_is_not_the_article() -> None:
    """A footer with a long legal notice survives boilerplate removal (it holds much of the
    page's text) but the main block is still looked for outside it."""
    notice = " ".join(f"Clause {i} of the harbour guild's privacy notice says that visitor records are kept, "
                      "reviewed and deleted by the guild's own clerks every season." for i in range(8))
    body = (f"<main><h1>Moonlit Harbour review</h1><div class='copy'><p>{PROSE}</p><p>{OTHER}</p></div></main>"
            f"<footer><div class='legal'><p>{notice}</p><p>{notice}</p></div></footer>")
    doc = _clean(body)
    assert PROSE in doc.text and OTHER in doc.text
    assert "privacy notice" not in doc.text


def test_thread_inside_a_comments_box_is_kept_when_the_page_has_nothing_else() -> None:
    """A forum wraps the whole thread in a "comments" container: when the rest of the page has
    next to no paragraph text (only lists of board names), the box is the main text."""
    posts = "".join(f"<div class='post'><p>{PROSE} Reply {i} agrees.</p><p>{OTHER}</p></div>" for i in range(4))
    boards = "".join(f"<li>Lighthouse keepers board number {i}</li>" for i in range(40))
    doc = _clean(f"<h1>Moonlit Harbour review</h1><ul class='boards'>{boards}</ul>"
                 f"<div id='comments' class='thread'>{posts}</div>")
    assert PROSE in doc.text and OTHER in doc.text and "Reply 3 agrees" in doc.text


def test_comments_box_beside_a_real_article_is_still_dropped() -> None:
    article = "".join(f"<p>{PROSE} Part {i}.</p><p>{OTHER}</p>" for i in range(3))
    doc = _clean(f"<article><h1>Moonlit Harbour review</h1>{article}</article>"
                 "<div id='comments'><p>Great review, the keeper's daughter was the best part of it all!</p></div>")
    assert PROSE in doc.text and "Great review" not in doc.text


def test_hidden_block_is_not_spared_for_its_size() -> None:
    """The article is text between <br>s (no paragraphs): a hidden block of paragraphs is still dropped."""
    lines = "<br>".join(f"{PROSE} Line {i}." for i in range(20))
    hidden = "".join(f"<p>{OTHER} Draft {i}.</p>" for i in range(8))
    doc = _clean(f"<h1>Moonlit Harbour review</h1><div class='story'>{lines}</div>"
                 f"<div style='display:none'>{hidden}</div>")
    assert "Line 7." in doc.text and "Draft 3" not in doc.text


def test_highlighted_code_keeps_its_comment_spans() -> None:
    """Syntax highlighters wrap code comments in <span class="comment">: code, not a comment box."""
    code = ('<pre><code><span class="token comment"># ring the harbour bell twice</span>\n'
            'bell ring --times 2</code></pre>')
    doc = _clean(f"<article><h1>Moonlit Harbour review</h1><p>{PROSE}</p>{code}<p>{OTHER}</p></article>")
    assert "ring the harbour bell twice" in doc.text and "bell ring" in doc.text


def test_section_with_a_long_link_list_keeps_its_heading_and_paragraph() -> None:
    """A section that is mostly a list of links still has its own heading and running text."""
    links = "".join(f'<li><a href="/patch/{i}">Harbour lamp patch number {i} for the keepers</a></li>'
                    for i in range(12))
    section = (f"<div class='part'><h2>Lamp patches</h2><p>{OTHER}</p><ul>{links}</ul></div>")
    doc = _clean(f"<article><h1>Moonlit Harbour review</h1><p>{PROSE}</p>{section}</article>")
    assert PROSE in doc.text and OTHER in doc.text and "Lamp patches" in doc.text


def test_link_list_announced_by_a_colon_is_kept() -> None:
    links = "".join(f'<li><a href="/ep/{i}">Episode {i}: the keeper returns</a></li>' for i in range(6))
    doc = _clean(f"<article><h1>Moonlit Harbour review</h1><p>{PROSE}</p>"
                 f"<p>The episodes that aired this winter were these:</p><ul>{links}</ul><p>{OTHER}</p></article>")
    assert "Episode 4: the keeper returns" in doc.text


def test_link_list_without_an_announcement_is_still_dropped() -> None:
    links = "".join(f'<li><a href="/ep/{i}">Episode {i}: the keeper returns</a></li>' for i in range(6))
    doc = _clean(f"<article><h1>Moonlit Harbour review</h1><p>{PROSE}</p><p>{OTHER}</p><ul>{links}</ul></article>")
    assert "Episode 4" not in doc.text


def test_textarea_copy_of_the_article_is_not_text() -> None:
    """A "republish this story" box holds the article's markup in a <textarea>: a form field."""
    markup = f"&lt;h1&gt;Moonlit Harbour review&lt;/h1&gt;&lt;p&gt;{PROSE}&lt;/p&gt;" * 6
    doc = _clean(f"<article><h1>Moonlit Harbour review</h1><p>{PROSE}</p><p>{OTHER}</p>"
                 f"<div class='republish-box'><textarea>{markup}</textarea></div></article>")
    assert PROSE in doc.text and "<h1>" not in doc.text and "<p>" not in doc.text


def test_article_rendered_twice_is_kept_once() -> None:
    """Some pages render the article twice (one copy per screen size): the copy is left out."""
    copy = f"<p>{PROSE}</p><p>{OTHER}</p><p>The finale was filmed in one night on the harbour wall.</p>"
    doc = _clean(f"<h1>Moonlit Harbour review</h1><div class='small-screen'>{copy}</div>"
                 f"<div class='large-screen'>{copy}</div>")
    assert doc.text.count(PROSE) == 1 and doc.text.count(OTHER) == 1


def test_a_few_repeated_paragraphs_are_kept() -> None:
    """A step repeated in a how-to (or a recipe used on two days) stays where it is."""
    step = "Save the keeper's log and run the lamp check again from the top of the lighthouse stairs."
    body = "".join(f"<p>{PROSE} Day {i}.</p><p>{OTHER} Night {i}.</p><p>{step}</p>" for i in range(3))
    doc = _clean(f"<article><h1>Moonlit Harbour review</h1>{body}</article>")
    assert doc.text.count(step) == 3


def test_repeated_section_class_inside_a_header_menu_is_not_taken() -> None:
    """The article's sections share a class with a sign-up box in the header (kept for its size):
    only the sections are taken as the article's repeats."""
    towns = "".join(f"<li>Harbour town {i}</li>" for i in range(60))
    signup = f"<header><div class='part'><p>Pick your lamp letter town.</p><ul>{towns}</ul></div></header>"
    cols = "".join("<div class='col'>" + "".join(f"<p>{PROSE} Scene {c}{i}.</p>" for i in range(3)) + "</div>"
                   for c in "ab")
    doc = _clean(f"{signup}<main><h1>Moonlit Harbour review</h1><div class='part'>{cols}</div>"
                 f"<div class='gallery'><img src='a.jpg'></div><div class='part'><p>{OTHER}</p></div></main>")
    assert "Scene b2." in doc.text and OTHER in doc.text and "Harbour town 7" not in doc.text
