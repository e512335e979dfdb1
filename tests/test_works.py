"""The works component: titles from markup, facts, JSON-LD and patterns; kinds; every mention linked."""

from __future__ import annotations

import pytest

from conftest import emphasis, tagged_doc
from extract.document import CleanDocument, Meta, TextSpan


def titles(doc) -> set[str]:
    return {w["title"] for w in doc._.works}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The most recent film was 2016's Star Trek Beyond, directed by Justin Lin.", {"Star Trek Beyond"}),
        ("Few series match Netflix's When They See Us for precision.", {"When They See Us"}),
        ("Michael Mann's Heat (1995) remains the template.", {"Heat"}),
        ("She starred in Lady Bird before moving on.", {"Lady Bird"}),
        ("The Legion creator will write the film.", {"Legion"}),
        ("Ana Marsh won best actress for Dust Lane Forever, beating the favourite.", {"Dust Lane Forever"}),
        ("Her co-stars were both nominated for Only Murders in the Building this year.", {"Only Murders in the Building"}),
        ("It was his first win after earlier nominations for Moon Garden and Tropic Storm.", {"Moon Garden", "Tropic Storm"}),
        ("Fans can revisit his classic 1984 film The Comedian tonight.", {"The Comedian"}),
    ],
)
def test_titles_from_patterns(run_text, text, expected):
    assert expected <= titles(run_text(text))


def test_titles_from_italics_and_quotes(run_text):
    text = 'Critics compared Parasite with the song "What a Fool Believes" and with Heat.'
    doc = run_text(text, spans=emphasis(text, "Parasite") + [(text.index("What"), text.index('" and'), "quote")])
    assert {"Parasite", "What a Fool Believes"} <= titles(doc)


@pytest.mark.parametrize("quote", ["I can't believe it's over", "we did it together", "Everyone wants me!"])
def test_speech_in_quotes_is_not_a_title(run_text, quote):
    text = f'She said "{quote}" and smiled.'
    s = text.index(quote)
    assert titles(run_text(text, spans=[(s, s + len(quote), "quote")])) == set()


@pytest.mark.parametrize("name", ["Netflix", "The Hollywood Reporter", "Variety", "Follow Newsbeat on"])
def test_platforms_publications_and_calls_to_action_are_not_works(run_text, name):
    text = f"According to {name}, the show is a hit."
    assert titles(run_text(text, spans=emphasis(text, name))) == set()


def test_fact_list_gives_title_kind_and_details(run_text):
    text = "Title: Mare of Easttown\nFormat: Miniseries (7 episodes)\nGenre: Crime, drama\nCreator: Brad Ingelsby"
    doc = run_text(text, facts=[("Title", "Mare of Easttown"), ("Format", "Miniseries (7 episodes)"),
                                ("Genre", "Crime, drama"), ("Creator", "Brad Ingelsby")])
    (work,) = [w for w in doc._.works if w["title"] == "Mare of Easttown"]
    assert work["kind"] == "miniseries"
    assert work["episodes"] == 7
    assert work["genres"] == ["crime", "drama"]
    assert work["creators"] == ["Brad Ingelsby"]


def test_every_mention_is_linked_with_offsets(run_text):
    text = "Netflix's When They See Us is powerful. When They See Us is still streaming."
    doc = run_text(text)
    (work,) = doc._.works
    assert len(work["mentions"]) == 2
    for m in work["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"] == "When They See Us"


def test_longer_title_wins_over_its_prefix(run_text):
    text = "2009's Star Trek and 2016's Star Trek Beyond were hits; the Star Trek franchise goes on."
    doc = run_text(text)
    beyond = [w for w in doc._.works if w["title"] == "Star Trek Beyond"][0]
    assert len(beyond["mentions"]) == 1
    assert "Star Trek" in titles(doc)


def test_kind_from_neighbouring_words(run_text):
    doc = run_text("Netflix's Seven Seconds is a gripping series about grief.")
    assert doc._.works[0]["kind"] == "tv_series"


def test_jsonld_works(run_text, nlp):
    from extract.document import CleanDocument
    from extract.schema import Meta

    text = "A review of the film."
    clean = CleanDocument(source="x", text=text, meta=Meta(), jsonld=[
        {"@type": "Movie", "name": "Past Lives", "director": {"@type": "Person", "name": "Celine Song"},
         "datePublished": "2023-06-02", "genre": ["Drama", "Romance"]}])
    doc = nlp.make_doc(text)
    doc._.clean = clean
    doc = nlp(doc)
    (work,) = doc._.works
    assert (work["title"], work["kind"], work["release_date"], work["year"]) == ("Past Lives", "film", "2023-06-02", 2023)
    assert work["creators"] == ["Celine Song"]


def test_model_votes_decide_between_title_and_person(nlp):
    """A one-word title the model tags WORK as often as PERSON stays a work; a two-word name stays a person."""
    from spacy.tokens import Span

    from extract.document import CleanDocument
    from extract.schema import Meta

    text = "Before Bridesmaids, she wrote Bridesmaids. Later Bridesmaids won. Korey Wise met Korey Wise."
    doc = nlp.make_doc(text)
    doc._.clean = CleanDocument(source="t.html", text=text, meta=Meta())
    at = {t.i: t.text for t in doc}
    brides = [i for i, w in at.items() if w == "Bridesmaids"]
    korey = [i for i, w in at.items() if w == "Korey"]
    # a tie for the one-word title (WORK once, PERSON once), a tie for the two-word name
    doc.ents = [Span(doc, brides[0], brides[0] + 1, label="WORK"), Span(doc, brides[1], brides[1] + 1, label="PERSON"),
                Span(doc, korey[0], korey[0] + 2, label="PERSON"), Span(doc, korey[1], korey[1] + 2, label="WORK")]
    doc = nlp(doc)
    titles = {w["title"] for w in doc._.works}
    assert "Bridesmaids" in titles
    assert "Korey Wise" not in titles


def test_films_such_as_lists_titles(run_text):
    doc = run_text("She was known for scene-stealing cameos in films such as Ghost Town and Knocked Up.")
    titles = {w["title"] for w in doc._.works}
    assert {"Ghost Town", "Knocked Up"} <= titles


def test_question_mark_title_keeps_its_last_word(run_text):
    text = 'Billie Eilish won for "What Was I Made For?" at the ceremony.'
    s = text.index("What")
    doc = run_text(text, spans=[(s, s + len("What Was I Made For?"), "emphasis")])
    assert "What Was I Made For?" in {w["title"] for w in doc._.works}


def test_model_title_glued_to_a_name_is_dropped(nlp):
    from spacy.tokens import Span

    from extract.document import CleanDocument
    from extract.schema import Meta

    text = "Annette Bening starred. The nominees included Annette Bening for Nyad."
    doc = nlp.make_doc(text)
    doc._.clean = CleanDocument(source="t.html", text=text, meta=Meta())
    toks = [t.text for t in doc]
    glued = toks.index("Annette", 3)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, glued, glued + 4, label="WORK")]
    doc = nlp(doc)
    assert "Annette Bening for Nyad" not in {w["title"] for w in doc._.works}


def test_category_for_a_surname_is_not_a_title(run_text):
    doc = run_text("Martin Scorsese had seven nominations, including best director for Scorsese.")
    assert "Scorsese" not in titles(doc)


def test_title_listed_after_a_known_title(run_text):
    text = "It outgrossed his back catalogue, including Anchorman and The 40-Year-Old Virgin."
    doc = run_text(text, spans=emphasis(text, "Anchorman"))
    assert {"Anchorman", "The 40-Year-Old Virgin"} <= titles(doc)


def test_title_before_in_which_someone_stars(run_text):
    doc = run_text("She has a film in the pipeline and another, Imogene, in which she stars alongside Ana Marsh.")
    assert "Imogene" in titles(doc)


@pytest.mark.parametrize("title,kept", [("Um. Not", False), ("Mr. Smith Goes to Washington", True)])
def test_sentence_break_inside_a_model_title(title, kept):
    from extract.components.works import WorkFinder

    c = {"title": title, "sources": {"ner": 1}}
    assert WorkFinder._weak_model_title(None, c, None, set(), [], set(), None) is (not kept)  # type: ignore[arg-type]


def test_kind_is_not_read_from_another_titles_words(run_text):
    """"Show" in the next title of a list says nothing of the title before it."""
    text = "New tonight: Kestrel Run and The Harbour Show."
    doc = run_text(text, spans=emphasis(text, "Kestrel Run") + emphasis(text, "The Harbour Show"))
    kinds = {w["title"]: w["kind"] for w in doc._.works}
    assert kinds["Kestrel Run"] == "other"


def test_year_in_brackets_dates_a_film(run_text):
    text = "As Buck, he was unforgettable in Moonfall Road (1967)."
    doc = run_text(text, spans=emphasis(text, "Moonfall Road"))
    assert {w["title"]: w["kind"] for w in doc._.works}.get("Moonfall Road") == "film"


@pytest.mark.parametrize(
    "text,name,dropped",
    [
        ("Dana Vore plays Kip, a getaway driver who wants out.", "Kip", True),
        ("Ola Brent, who plays the translator Ressa, earned a nomination.", "Ressa", True),
        ("Tomas Ruel featured in the first two episodes as Maren.", "Maren", True),
        ("The episode centres on Hollis, played by Gil Arden.", "Hollis", True),
        ("Critics praised thrillers such as Dunmore and it sold well.", "Dunmore", False),
        ("The single was released as Dunmore in Europe by Gil Arden.", "Dunmore", False),
        ("Dana Vore plays The Hollow Crown on Sunday.", "The Hollow Crown", False),
        ("Dana Vore called it the foundation of the Garrow Saga and left.", "Garrow Saga", False),
    ],
)
def test_model_title_cast_as_a_character_is_dropped(nlp, text, name, dropped):
    """A short name the model alone tags WORK is a character when the text casts it as one."""
    people = {p: "PERSON" for p in ("Dana Vore", "Ola Brent", "Tomas Ruel", "Gil Arden") if p in text}
    doc = tagged_doc(nlp, text, {name: "WORK", **people})
    assert (name not in {w["title"] for w in doc._.works}) is dropped


@pytest.mark.parametrize(
    "headings,expected",
    [
        (["3. Kestrel Run (1988)", "2. Miro Lane (1979)"], {"Kestrel Run", "Miro Lane"}),
        (["Kestrel Run (1988) - Streamline", "Miro Lane (1979)"], {"Kestrel Run", "Miro Lane"}),
        (["Miro Lane (1979)"], set()),  # one heading is not a list
        (["Kestrel Run – Netflix", "Miro Lane (Apple TV+)"], {"Kestrel Run", "Miro Lane"}),  # a service set off
    ],
)
def test_list_entry_headings_name_works(run_text, headings, expected):
    body = "A paragraph about the pick, with nothing to say about its title."
    text = "\n".join(f"{h}\n{body}" for h in headings)
    spans, at = [], 0
    for h in headings:
        spans.append((at, at + len(h), "heading"))
        at += len(h) + 1 + len(body) + 1
    got = titles(run_text(text, spans=spans))
    assert expected <= got
    if not expected:
        from extract.components.works import _listed_headings
        doc = run_text(text, spans=spans)
        assert _listed_headings(doc, doc._.clean, frozenset({"netflix"})) == []


@pytest.mark.parametrize(
    "text,tagged,expected",
    [
        ("Fans watched The Hollow Crown on Netflix all weekend.", "The Hollow Crown on Netflix", "The Hollow Crown"),
        ("“So I called her,” she said of the night.", "So I", None),
        ("The team lost on Tuesday night.", "Tuesday", None),
        ("Fans loved 'Lantern Row' Season 2 this year.", "Lantern Row' Season 2", "Lantern Row"),
        ("The Best Albums and Tracks of November and December 2025", "December 2025", None),
        ("The Best Albums and Tracks of November and December 2025", "Tracks of November", None),
    ],
)
def test_model_titles_are_trimmed_or_dropped(nlp, text, tagged, expected):
    got = {w["title"] for w in tagged_doc(nlp, text, {tagged: "WORK"})._.works}
    assert tagged not in got or tagged == expected
    if expected:
        assert expected in got


def test_a_word_opening_a_quoted_sentence_is_sentence_initial(nlp):
    from extract.components.works import _sentence_initial

    text = "He smiled. “Congratulations, you made it,” he said."
    doc = nlp.make_doc(text)
    for t in doc:
        t.is_sent_start = t.i == 0 or doc[t.i - 1].text == "."
    assert _sentence_initial(doc, text.index("Congratulations"))
    assert not _sentence_initial(doc, text.index("you"))


def test_cells_under_a_title_column_are_works(nlp):
    rows = [("#", "Title", "Weekend"), ("1", "Miro Lane", "$5"), ("2", "Kestrel Run", "$3")]
    text, spans = "", []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            spans.append(TextSpan(len(text), len(text) + len(cell), "table_cell",
                                  {"row_cells": "3", "col": str(c), "header": "1" if r == 0 else "0", "table": "0"}))
            text += cell + "\n"
    got = titles(tagged_doc(nlp, text, {}, spans))
    assert {"Miro Lane", "Kestrel Run"} <= got and "Weekend" not in got


@pytest.mark.parametrize(
    "text,tagged,expected",
    [
        ("It beat Glass Harbour: Tide of Ash at the box office.", "Glass Harbour", "Glass Harbour: Tide of Ash"),
        ("Next comes Glass Harbour: Deep Water on Friday.", "Glass Harbour", "Glass Harbour: Deep Water"),
        ("We saw Glass Harbour: David Marsh was superb.", "Glass Harbour", "Glass Harbour"),
    ],
)
def test_model_title_takes_its_subtitle(nlp, text, tagged, expected):
    assert expected in {w["title"] for w in tagged_doc(nlp, text, {tagged: "WORK"})._.works}


@pytest.mark.parametrize(
    "text,quoted,expected",
    [
        ('Lead single "paper moons" came out in June.', "paper moons", True),
        ('She performed "get out now!" at the show.', "get out now!", True),
        ('"we did it together," she said after the show.', "we did it together,", False),
    ],
)
def test_lower_case_song_titles_after_a_song_cue(run_text, text, quoted, expected):
    s = text.index(quoted)
    got = {w["title"] for w in run_text(text, spans=[(s, s + len(quoted), "quote")])._.works}
    assert (quoted.rstrip("!,") in {g.rstrip("!") for g in got}) is expected


def test_italics_outvote_a_model_person_unless_it_opens_with_a_given_name(nlp):
    """A name opening with a given name stays a person where the model also reads it outside italics;
    where its every reading is in italics it is a title ("Frances Ha", "Logan Lucky")."""
    from spacy.tokens import Span

    text = "Critics loved Velmoria and Laura Penhale. Velmoria screens on Friday; Laura Penhale is in it."
    name = "Laura Penhale"
    both = [text.index(name), text.rindex(name)]

    def run(italic_starts):
        spans = [TextSpan(s, e, k) for s, e, k in emphasis(text, "Velmoria")]
        spans += [TextSpan(s, s + len(name), "emphasis") for s in italic_starts]
        doc = nlp.make_doc(text)
        doc._.clean = CleanDocument(source="test.html", text=text, meta=Meta(), spans=spans)
        ents = [doc.char_span(s, s + len(name), label="PERSON") for s in both]
        ents.append(doc.char_span(text.index("Velmoria"), text.index("Velmoria") + 8, label="PERSON"))
        doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in ents]
        return titles(nlp(doc))

    assert "Velmoria" in run(both)
    assert name not in run(both[:1])  # read as a person outside italics once
    assert name in run(both)


@pytest.mark.parametrize("text,word", [
    ("The jury includes the Lebanese director Dana Whitcombe.", "Lebanese"),
    ("It is the first Indian film in the competition.", "Indian"),
])
def test_nationality_adjectives_are_not_titles(nlp, text, word):
    assert word not in titles(tagged_doc(nlp, text, {word: "WORK"}))


def test_a_name_the_model_tags_as_a_prize_as_often_as_a_title_is_not_a_work(nlp):
    text = "She won the Palme in 2018. He already owns two Palme trophies."
    doc = nlp.make_doc(text)
    from spacy.tokens import Span
    from extract.document import CleanDocument
    from extract.schema import Meta
    doc._.clean = CleanDocument(source="t.html", text=text, meta=Meta())
    doc.ents = [Span(doc, 3, 4, label="WORK"), Span(doc, 11, 12, label="AWARD")]
    assert "Palme" not in titles(nlp(doc))


def test_bracketed_series_beside_a_known_title_are_titles(run_text):
    text = ("In the leading actor race Laura Penhale beat James Arden (Glass Harbour), Dana Whitcombe (The Low Tide) "
            "and Chris Mallory (Salt Lines).")
    doc = run_text(text, spans=emphasis(text, "Glass Harbour"))
    assert {"Glass Harbour", "The Low Tide", "Salt Lines"} <= titles(doc)


@pytest.mark.parametrize("name", ["Tonys", "Oscars", "Golden Globes", "BAFTAs"])
def test_an_awards_name_is_not_a_title(nlp, name):
    text = f"The big winner at the {name} was a musical."
    assert name not in titles(tagged_doc(nlp, text, {name: "WORK"}))


def test_a_name_followed_by_who_after_a_category_is_not_a_title(nlp):
    text = "It also won best featured actor in a play for Bram Ardley, who plays the bassist."
    doc = tagged_doc(nlp, text, {"Bram Ardley": "PERSON"})
    assert "Bram Ardley" not in titles(doc)


@pytest.mark.parametrize("marked,expected", [(True, {"Kestrel Run", "Miro Lane"}), (False, set())])
def test_a_subheading_ending_in_a_service_names_the_title_marked_off_before_it(run_text, marked, expected):
    """"Homegrown Magnolia Network" (the title linked or bold, the service after a line break)."""
    body = "A paragraph about the pick, with nothing to say about its title."
    headings = [("Kestrel Run", "Magnolia Network"), ("Miro Lane", "HGTV")]
    text, spans, at = "", [], 0
    for title, service in headings:
        h = f"{title} {service}"
        spans.append((at, at + len(h), "heading"))
        if marked:
            spans.append((at, at + len(title), "strong"))
        text += f"{h}\n{body}\n"
        at = len(text)
    assert titles(run_text(text, spans=spans)) & {"Kestrel Run", "Miro Lane"} == expected


@pytest.mark.parametrize("text,ents,title", [
    ("Bram Oke's The Girl and the Lantern took best animated feature.", {"The Girl": "WORK"}, "The Girl and the Lantern"),
    ("Lantern Row and the Academy Awards dominated the night.",
     {"Lantern Row": "WORK", "Academy Awards": "EVENT"}, "Lantern Row"),
    ("Lantern Row and The Glass Tower both opened.", {"Lantern Row": "WORK", "The Glass Tower": "WORK"}, "Lantern Row"),
])
def test_a_model_title_takes_its_and_the_half(nlp, text, ents, title):
    got = {w["title"] for w in tagged_doc(nlp, text, ents)._.works}
    assert title in got


def test_a_the_title_is_not_the_streaming_service_it_folds_to(run_text):
    text = "They finally saw “The Discovery” last night. The show moved to Discovery+ in May."
    got = titles(run_text(text, spans=emphasis(text, "The Discovery")))
    assert "The Discovery" in got and "Discovery+" not in got


@pytest.mark.parametrize("title", ["As It Was", "On Becoming a Guinea Fowl", "To Be Hero X", "But Daddy I Love Him"])
def test_a_marked_title_keeps_its_capitalised_opening_word(run_text, title):
    text = f"The best of the year was “{title}” by a wide margin."
    assert title in titles(run_text(text, spans=emphasis(text, title)))


@pytest.mark.parametrize(
    "text,event",
    [
        ("She even won the 1988 Lantern Song Contest with her ballad.", "Lantern Song Contest"),
        ("The film premiered at the Dust Lane Film Festival in May.", "Dust Lane Film Festival"),
    ],
)
def test_model_title_naming_an_event_is_not_a_work(nlp, text, event):
    doc = tagged_doc(nlp, text, {event: "WORK"})
    assert event not in titles(doc)


def test_title_run_stops_before_a_named_partner(nlp):
    text = "Mara Quist starred in Lantern Row with Kip Ardley."
    doc = tagged_doc(nlp, text, {"Mara Quist": "PERSON", "Kip Ardley": "PERSON"})
    assert titles(doc) == {"Lantern Row"}


@pytest.mark.parametrize("fragment", ["Even when I", "For seven months I", "It is Ms. Quist", "What am I"])
def test_model_title_with_lower_case_words_is_a_remark(nlp, fragment):
    text = f"She said, “{fragment} was so young, nothing felt easy.”"
    doc = tagged_doc(nlp, text, {fragment: "WORK"})
    assert not titles(doc)


@pytest.mark.parametrize("title", ["The Road Goes On", "Hold On", "Come In"])
def test_quoted_title_keeps_a_capitalised_last_small_word(run_text, title):
    text = f"Famously, the singer performed the ballad “{title}” from the soundtrack."
    s = text.index(title)
    assert title in titles(run_text(text, spans=[(s, s + len(title), "quote")]))


def test_model_title_filling_a_quotation_keeps_its_last_word(nlp):
    text = "Famously, the singer performed the ballad “My Heart Will Go On” from the soundtrack."
    s = text.index("My Heart")
    doc = tagged_doc(nlp, text, {"My Heart Will Go On": "WORK"}, [TextSpan(s, s + 19, "quote")])
    assert "My Heart Will Go On" in titles(doc)


@pytest.mark.parametrize(
    "text,is_work",
    [
        ("<i>Dana Macbeth</i> is no costume drama. <i>Dana Macbeth</i> is a debut.", True),
        ("The room glows. Photo: <i>Dana Macbeth</i>. The lamp is new.", False),
    ],
)
def test_italics_outvote_a_person_reading_unless_a_credit_line(nlp, text, is_work):
    plain = text.replace("<i>", "").replace("</i>", "")
    spans = [TextSpan(*span) for span in emphasis(plain, "Dana Macbeth")]
    ents = {"Dana Macbeth": "PERSON"}
    doc = tagged_doc(nlp, plain, ents, spans)
    assert ("Dana Macbeth" in titles(doc)) is is_work


@pytest.mark.parametrize(
    "text,long_title,short",
    [
        ("Critics say Dana Lane is the best. The Marvelous Dana Lane won twice.", "The Marvelous Dana Lane", "Dana Lane"),
        ("No Way Out is long. Moonfall: No Way Out opens Friday.", "Moonfall: No Way Out", "No Way Out"),
    ],
)
def test_trailing_short_form_is_an_alias(nlp, text, long_title, short):
    doc = tagged_doc(nlp, text, {long_title: "WORK", short: "WORK"})
    assert long_title in titles(doc) and short not in titles(doc)


def test_slash_pair_keeps_both_titles(nlp):
    text = "Lift Away is the second song. Record of the week: Pale Moon / Lift Away."
    doc = tagged_doc(nlp, text, {"Pale Moon / Lift Away": "WORK", "Lift Away": "WORK"})
    assert {"Pale Moon / Lift Away", "Lift Away"} <= titles(doc)


@pytest.mark.parametrize("platform", ["Google Play", "HBO Go", "Vudu", "Kanopy"])
def test_rental_stores_are_not_works(nlp, platform):
    text = f"It is available to rent on {platform} and YouTube."
    assert platform not in titles(tagged_doc(nlp, text, {platform: "WORK"}))


def test_outlet_someone_talks_to_is_not_a_work(nlp):
    text = ("“It was hard,” she told Lantern Weekly in 2002. She also told Australian magazine Dust Star the same. "
            "Her song Moon Garden was a hit.")
    doc = tagged_doc(nlp, text, {"Lantern Weekly": "WORK", "Dust Star": "WORK", "Moon Garden": "WORK"})
    assert titles(doc) == {"Moon Garden"}


def test_category_for_a_full_name_the_model_reads_as_a_person(nlp):
    text = "The film also took cinematography for Hoyle Vantam and original score for Ludo Varga."
    doc = tagged_doc(nlp, text, {"Hoyle Vantam": "PERSON", "Ludo Varga": "PERSON"})
    assert not titles(doc)


@pytest.mark.parametrize(
    "text,title",
    [
        ("A companion to the docuseries about Mara Quist's record-breaking Lantern Tour, the film is loud.", "Lantern Tour"),
        ("Mara Quist announced the Moon Garden World Tour on Monday.", "Moon Garden World Tour"),
    ],
)
def test_named_tours(run_text, text, title):
    assert title in titles(run_text(text))


@pytest.mark.parametrize("text", ["The World Tour starts in May.", "Fans loved the Farewell Tour."])
def test_generic_tours_are_not_titles(run_text, text):
    assert not titles(run_text(text))


@pytest.mark.parametrize(
    "listed,expected",
    [
        ("Kestrel Run, Tomb Harbour, Red Dead Lane, Destiny",
         {"Kestrel Run", "Tomb Harbour", "Red Dead Lane", "Destiny"}),
        ("Grow, Cook, Eat", {"Grow, Cook, Eat"}),  # a title with commas in it
        ("Big Dreams, Small Spaces", {"Big Dreams, Small Spaces"}),
    ],
)
def test_italics_over_a_list_of_titles(run_text, listed, expected):
    text = f"The service launches with franchises such as {listed} and more."
    assert expected <= titles(run_text(text, spans=emphasis(text, listed)))


@pytest.mark.parametrize("tagged", ["\U0001f4b8", "—", "***"])
def test_a_person_entity_with_no_letters_is_harmless(nlp, tagged):
    text = f"Save money {tagged} with Kestrel Run, out now."
    doc = tagged_doc(nlp, text, {tagged: "PERSON", "Kestrel Run": "WORK"})
    assert doc._.error is None and "Kestrel Run" in {w["title"] for w in doc._.works}


@pytest.mark.parametrize("text", [
    "The band will reunite for a special North American tour next year.",
    "She starts her European tour in May.",
])
def test_where_a_tour_goes_is_no_title(run_text, text):
    assert titles(run_text(text)) == set()


def test_a_number_opening_a_title_line_is_kept(nlp):
    text = "Outstanding Drama Series\nThe Crown\n3 Body Problem\nSlow Horses\nThe series has 3 Body Problem fans."
    doc = tagged_doc(nlp, text, {"Body Problem": "WORK"})
    assert "3 Body Problem" in titles(doc)


def test_a_rank_before_a_title_line_is_not_part_of_it(nlp):
    text = "Our picks\n4 The Night Garden\n5 Salt Lines"
    doc = tagged_doc(nlp, text, {"The Night Garden": "WORK"})
    assert "The Night Garden" in titles(doc)
