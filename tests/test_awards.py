"""The award component: bodies and aliases, categories, outcomes, recipients, years, one record each."""

from __future__ import annotations

import pytest

from conftest import emphasis, tagged_doc


def awards(doc) -> list[dict]:
    return doc._.awards


@pytest.mark.parametrize(
    "text,award,category,outcome,year",
    [
        ("Actor Jharrel Jerome won the Emmy for Outstanding Lead Actor in a Limited Series.",
         "Primetime Emmy Award", "Outstanding Lead Actor in a Limited Series", "won", None),
        ("Olivia Colman won the Oscar for Best Actress at the 91st Academy Awards.",
         "Academy Award", "Best Actress", "won", 2019),
        ("Billie Eilish was nominated for Album of the Year at the 2020 Grammys.",
         "Grammy Award", "Album of the Year", "nominated", 2020),
        ("The film was shortlisted for the Palme d'Or in 2019.", "Palme d'Or", None, "nominated", 2019),
        ("Susan Lucci finally won a Daytime Emmy in 1999.", "Daytime Emmy Award", None, "won", 1999),
        ("She picked up a BAFTA for Best Supporting Actress.", "BAFTA Award", "Best Supporting Actress", "won", None),
    ],
)
def test_award_fields(run_text, text, award, category, outcome, year):
    found = awards(run_text(text))
    assert len(found) == 1
    a = found[0]
    assert (a["award"], a["category"], a["outcome"], a["year"]) == (award, category, outcome, year)
    assert a["evidence"]["text"] in text


@pytest.mark.parametrize(
    "text",
    [
        "The film is heading into Oscar season with momentum.",
        "Taylor Swift's AMA row seems to be over.",
        "Tony Soprano is the best character on television.",
    ],
)
def test_mentions_without_outcome_are_not_awards(run_text, text):
    assert awards(run_text(text)) == []


def test_recipient_is_the_person_the_sentence_names(run_text):
    doc = run_text("Actor Jharrel Jerome won an Emmy Award for Outstanding Lead Actor in a Limited Series.")
    assert doc._.awards[0]["recipient"] == "Jharrel Jerome"


def test_the_same_award_mentioned_twice_is_one_record(run_text):
    text = ("Jharrel Jerome won the Emmy for Outstanding Lead Actor in a Limited Series. "
            "Later that night Jharrel Jerome won the Emmy for Outstanding Lead Actor in a Limited Series again.")
    assert len(awards(run_text(text))) == 1


def test_distinct_categories_are_distinct_records(run_text):
    text = ("At the 2020 Grammys, Billie Eilish won Album of the Year and Record of the Year. "
            "Lizzo won the Grammy for Best Pop Solo Performance.")
    cats = {a["category"] for a in awards(run_text(text))}
    assert {"Best Pop Solo Performance"} <= cats


def _keys(doc) -> set[tuple]:
    return {(a["award"], (a["category"] or "").casefold(), a["recipient"]) for a in doc._.awards}


@pytest.mark.parametrize(
    "text,expected",
    [
        # lower-case categories and 'went to'
        ("At the Oscars, best original screenplay went to Justine Triet and Arthur Harari for Anatomy of a Fall.",
         {("Academy Award", "best original screenplay", "Justine Triet"),
          ("Academy Award", "best original screenplay", "Arthur Harari")}),
        # the body is carried from an earlier sentence
        ("The 96th Academy Awards were held on Sunday. Michael Brandt won best actor for Oppenheimer.",
         {("Academy Award", "best actor", "Michael Brandt")}),
        # several categories, one subject
        ("At the Grammys, Olivia Rodrigo won best new artist and best pop vocal album.",
         {("Grammy Award", "best new artist", "Olivia Rodrigo"), ("Grammy Award", "best pop vocal album", "Olivia Rodrigo")}),
        # nominees listed in a sentence
        ("At the Oscars, the other nominees for best actress were Sandra Hüller for Anatomy of a Fall and "
         "Annette Bening for Nyad.",
         {("Academy Award", "best actress", "Sandra Hüller"), ("Academy Award", "best actress", "Annette Bening")}),
    ],
)
def test_category_sentences(run_text, text, expected):
    spans = emphasis(text, "Anatomy of a Fall", "Nyad", "Oppenheimer")
    assert expected <= _keys(run_text(text, spans=spans))


def test_object_pronoun_names_the_actor_not_the_character(run_text):
    text = ("Jessica Marlow's portrayal of Ruth Kessler is haunting, so raw that it earned her an Emmy Award "
            "for Outstanding Lead Actress in a Limited Series.")
    got = run_text(text)._.awards
    assert [a["recipient"] for a in got] == ["Jessica Marlow"]


def test_nominee_list_under_a_category_heading(run_text):
    text = ("These are the Emmy nominees in the main categories:\nOutstanding Drama Series\nThe Crown\nSlow Horses\n"
            "Outstanding Lead Actress in a Drama Series\nJennifer Aniston, The Morning Show\n")
    spans = []
    for line in text.split("\n")[1:]:
        if not line:
            continue
        s = text.index(line)
        spans.append((s, s + len(line), "heading" if line.startswith("Outstanding") else "list_item"))
    got = run_text(text, spans=spans)._.awards
    keys = {(a["category"], a["recipient"], a["outcome"]) for a in got}
    assert ("Outstanding Drama Series", "Slow Horses", "nominated") in keys
    assert ("Outstanding Lead Actress in a Drama Series", "Jennifer Aniston", "nominated") in keys


def test_counted_nominations_belong_to_the_work(run_text):
    text = "Boasting nine Golden Globe nominations, director Paula Hart's Moonfall Road is a must-see."
    got = run_text(text, spans=emphasis(text, "Moonfall Road"))._.awards
    assert [a["recipient"] for a in got] == ["Moonfall Road"]


def test_a_category_never_goes_to_a_single_prize(run_text):
    text = ("At the Oscars, best original screenplay went to Ana Marsh for Dust Lane, which won the Palme d'Or at "
            "Cannes. Tom Vale won best adapted screenplay for Moonfall Road.")
    got = _keys(run_text(text, spans=emphasis(text, "Dust Lane", "Moonfall Road")))
    assert ("Academy Award", "best adapted screenplay", "Tom Vale") in got
    assert not any(body == "Palme d'Or" and cat for body, cat, _ in got)


def test_category_in_the_sentence_wins_over_a_single_prize_named_there(run_text):
    text = ("At the Oscars, best original screenplay went to Ana Marsh for Dust Lane, the drama which won the "
            "Palme d'Or at Cannes.")
    got = _keys(run_text(text, spans=emphasis(text, "Dust Lane")))
    assert ("Academy Award", "best original screenplay", "Ana Marsh") in got


@pytest.mark.parametrize(
    "text,category,recipient,outcome",
    [
        # "as" opens a clause here: the name is its subject, not a part someone plays
        ("Lantern Row sweeps the Oscars with seven wins as Laura Quill takes best actress", "best actress", "Laura Quill", "won"),
        # the head before an aside, not the maker named inside it
        ("Lantern Row, David Marsh's chilling drama, won best international feature at the Oscars.",
         "best international feature", "Lantern Row", "won"),
        # "took" + a bare category
        ("At the Oscars the film also took cinematography for Anna Vale.", "cinematography", "Anna Vale", "won"),
        # "beating X": X was nominated in the same category
        ("Laura Quill won best actress at the Oscars, beating Anna Vale.", "best actress", "Anna Vale", "nominated"),
    ],
)
def test_recipient_in_clause_shapes(run_text, text, category, recipient, outcome):
    spans = []
    if "Lantern Row" in text:
        spans = [(text.index("Lantern Row"), text.index("Lantern Row") + len("Lantern Row"), "emphasis")]
    got = {(a["category"], a["recipient"], a["outcome"]) for a in awards(run_text(text, spans=spans))}
    assert (category, recipient, outcome) in got


def test_beaten_nominees_with_their_works(run_text):
    text = "In the best actor race at the Oscars, David Marsh saw off James Dorran (Kestrel Run) and Laura Holt (Miro Lane)."
    spans = [(text.index(t), text.index(t) + len(t), "emphasis") for t in ("Kestrel Run", "Miro Lane")]
    got = {(a["category"], a["recipient"], a["work"], a["outcome"]) for a in awards(run_text(text, spans=spans))}
    assert ("best actor", "James Dorran", "Kestrel Run", "nominated") in got
    assert ("best actor", "Laura Holt", "Miro Lane", "nominated") in got


@pytest.mark.parametrize(
    "text,recipient",
    [
        # a subject pronoun stands for the person the article is about, not the last name before it
        ("Dana Whitcombe grew up in Leeds. Dana Whitcombe trained at drama school. As the lonely clerk in "
         "Laura Penhale's Glass Harbour, she earned her first Academy Award nomination, for best supporting actress.",
         "Dana Whitcombe"),
        # "won him": an object pronoun is not its own clause's subject
        ("Kip Ardley made westerns for forty years. He won a second Oscar as the sheriff Gil Varga. "
         "David Lorne gave him one last part, which won him a Golden Globe for best actor in 2002.", "Kip Ardley"),
    ],
)
def test_pronoun_recipient_is_its_antecedent(run_text, text, recipient):
    found = [a for a in awards(run_text(text)) if a["category"] in ("best supporting actress", "best actor")]
    assert [a["recipient"] for a in found] == [recipient]


_WINNERS_LIST = (
    "The 61st Grammy Awards were handed out on Sunday.\n"
    "Here are the winners in the main categories, with other nominees where noted:\n"
    "Album of the Year: Laura Penhale – \"Glass Harbour\" (also nominated: Dana Whitcombe, \"Low Tide\"; "
    "The Marrow Boys, \"Static\")\n"
    "Best Pop Duo/Group Performance: James Arden & Anna Torvik – \"Salt\"\n"
    "Best Música Urbana Album: Kip Ardley – \"Solana\"\n"
    "Best New Artist: Chris Mallory (also nominated: Mara Quell, The Marrow Boys)\n")


def test_category_lines_give_winners_and_nominees(run_text):
    got = {(a["category"], a["recipient"], a["work"], a["outcome"]) for a in awards(run_text(_WINNERS_LIST))}
    assert {("Album of the Year", "Laura Penhale", "Glass Harbour", "won"),
            ("Album of the Year", "Dana Whitcombe", "Low Tide", "nominated"),
            ("Album of the Year", "The Marrow Boys", "Static", "nominated"),
            ("Best Pop Duo/Group Performance", "James Arden", "Salt", "won"),
            ("Best Pop Duo/Group Performance", "Anna Torvik", "Salt", "won"),
            ("Best Música Urbana Album", "Kip Ardley", "Solana", "won"),
            ("Best New Artist", "Chris Mallory", None, "won"),
            ("Best New Artist", "Mara Quell", None, "nominated"),
            ("Best New Artist", "The Marrow Boys", None, "nominated")} <= got
    assert all(a["award"] == "Grammy Award" and a["year"] == 2019 for a in awards(run_text(_WINNERS_LIST)))


def test_category_lines_under_a_nominations_intro_are_nominations(run_text):
    text = "The Grammy nominations were announced on Friday. The nominees include:\nRecord of the Year: Laura Penhale – \"Salt\"\n"
    assert [(a["recipient"], a["outcome"]) for a in awards(run_text(text))] == [("Laura Penhale", "nominated")]


@pytest.mark.parametrize("ceremony,year", [
    ("96th Academy Awards", 2024),
    ("71st Primetime Emmy Awards", 2019),
    ("73rd Tony Awards", 2019),   # the last before the year without a ceremony
    ("77th Tony Awards", 2024),   # no Tonys in 2020
    ("77th BAFTA Awards", 2024),  # two ceremonies in 1949
    ("66th Grammy Awards", 2024),
])
def test_a_ceremony_ordinal_gives_its_year(run_text, ceremony, year):
    text = f"Laura Penhale won best actress at the {ceremony} on Sunday."
    assert [a["year"] for a in awards(run_text(text))] == [year]


def test_a_trophy_count_is_not_a_ceremony_ordinal(run_text):
    text = "Laura Penhale won best pop vocal album, her 32nd Grammy."
    assert [a["year"] for a in awards(run_text(text))] == [None]


def test_a_work_recipient_gives_way_to_the_person_named_for_it(run_text):
    text = ("At the Grammys, \"Glass Harbour\" won best pop vocal album.\n"
            "Best Pop Vocal Album: Laura Penhale – \"Glass Harbour\"\n")
    found = [a for a in awards(run_text(text)) if a["category"].casefold() == "best pop vocal album"]
    assert [a["recipient"] for a in found] == ["Laura Penhale"]


def test_which_after_an_aside_stands_for_the_work(nlp):
    text = "The big winner was Glass Harbour, Laura Penhale's play about a band, which collected five Tony Awards, including best play."
    doc = tagged_doc(nlp, text, {"Glass Harbour": "WORK", "Laura Penhale": "PERSON"})
    assert [(a["category"], a["recipient"]) for a in doc._.awards] == [("best play", "Glass Harbour")]


def test_people_beaten_by_a_winner_are_nominees_in_the_winners_category(run_text):
    text = ("Laura Penhale took best leading actor in a musical at the Tony Awards. "
            "In the leading actor race Penhale beat James Arden and Dana Whitcombe.")
    got = {(a["recipient"], a["category"], a["outcome"]) for a in awards(run_text(text))}
    assert {("James Arden", "best leading actor in a musical", "nominated"),
            ("Dana Whitcombe", "best leading actor in a musical", "nominated")} <= got


def test_lower_case_music_prize_of_the_year_and_accepting_cue(run_text):
    text = ("Laura Penhale accepted the Grammy Award for best pop vocal album for Glass Harbour. "
            "Later that night Glass Harbour also won album of the year.")
    got = {(a["category"], a["recipient"]) for a in awards(run_text(text, spans=emphasis(text, "Glass Harbour")))}
    assert ("best pop vocal album", "Laura Penhale") in got
    assert ("album of the year", "Laura Penhale") in got  # the album's artist, named by the other award


def test_head_before_an_aside_outranks_a_title_inside_it(run_text):
    text = "At the Grammys, Salt Lines, the biggest hit from Glass Harbour, was up for song of the year."
    found = awards(run_text(text, spans=emphasis(text, "Salt Lines", "Glass Harbour")))
    assert [(a["category"], a["recipient"]) for a in found] == [("song of the year", "Salt Lines")]


def test_review_superlatives_of_the_year_are_not_categories(run_text):
    assert awards(run_text("It is the performance of the year, and it won me over.")) == []


def test_subject_of_a_received_nomination(run_text):
    text = ("The British Academy announced its nominations. Laura Penhale picked up a nomination for best supporting "
            "actress, and Dana Whitcombe is in the running for best director.")
    got = {(a["award"], a["category"], a["recipient"]) for a in awards(run_text(text))}
    assert ("BAFTA Award", "best supporting actress", "Laura Penhale") in got
    assert ("BAFTA Award", "best director", "Dana Whitcombe") in got


def test_olivier_awards_use_the_full_name(run_text):
    found = awards(run_text("Laura Penhale won the Olivier Award for best actor in 2023."))
    assert [a["award"] for a in found] == ["Laurence Olivier Award"]


@pytest.mark.parametrize("verb", ["brought him", "won him", "gave him"])
def test_a_cue_ending_in_an_object_pronoun_goes_to_its_antecedent(run_text, verb):
    text = (f"David Marlow was never better than in Lantern Row. His sheriff is a bully, and it {verb} "
            "a second Oscar, for best supporting actor.")
    assert ("Academy Award", "best supporting actor", "David Marlow") in _keys(run_text(text))


@pytest.mark.parametrize(
    "text,recipient,category",
    [
        ("The Screen Actors Guild awards were handed out on Sunday. Mara Quist was named best supporting "
         "actress for playing a lawyer in Lantern Row.", "Mara Quist", "best supporting actress"),
        ("At the Tony Awards, Kip Ardley was crowned best actor in a musical.", "Kip Ardley", "best actor in a musical"),
    ],
)
def test_named_or_crowned_before_a_category_is_a_win(run_text, text, recipient, category):
    got = [(a["award"] is not None, a["recipient"], a["category"], a["outcome"]) for a in awards(run_text(text))]
    assert (True, recipient, category, "won") in got


@pytest.mark.parametrize(
    "text,recipient,work",
    [
        ("The Screen Actors Guild awards were on Sunday. In television, Mara Quist was an upset winner for her "
         "role as a news anchor in Lantern Row.", "Mara Quist", "Lantern Row"),
        ("The Tony Awards were on Sunday. Kip Ardley picked up another trophy for his supporting role, and "
         "Mara Quist won for Lantern Row.", "Mara Quist", "Lantern Row"),
        ("The Tony Awards were on Sunday. Kip Ardley picked up another trophy for his supporting role, and "
         "Mara Quist won for Lantern Row.", "Kip Ardley", None),
    ],
)
def test_won_for_a_part_takes_the_award_named_before(run_text, text, recipient, work):
    doc = run_text(text, spans=emphasis(text, "Lantern Row"))
    body = "Screen Actors Guild Award" if "Screen" in text else "Tony Award"
    got = {(a["award"], a["recipient"], a["work"]) for a in awards(doc)}
    assert (body, recipient, work) in got


@pytest.mark.parametrize(
    "text",
    [
        "The Tony Awards were on Sunday. Mara Quist earned praise for her role in Lantern Row.",  # no win
        "Mara Quist was an upset winner for her role in Lantern Row.",  # no award named anywhere
        "The Tony Awards were on Sunday. Mara Quist won over critics with Lantern Row.",
    ],
)
def test_no_award_without_a_win_for_a_part(run_text, text):
    assert awards(run_text(text, spans=emphasis(text, "Lantern Row"))) == []


def test_quoted_title_before_the_cue_is_the_recipient(run_text):
    text = ("At the Grammy Awards, “Lantern Row” was named album of the year, beating a field that included "
            "Mara Quist’s “Dust Lane.”")
    got = {(a["recipient"], a["outcome"]) for a in awards(run_text(text, spans=emphasis(text, "Lantern Row", "Dust Lane")))}
    assert ("Lantern Row", "won") in got and ("Mara Quist", "won") not in got


def test_festival_prize_takes_the_festival(run_text):
    text = "Kip Ardley was named best director at the Cannes Film Festival in 1955."
    a = awards(run_text(text))
    assert [(x["award"], x["category"], x["recipient"], x["year"]) for x in a] == \
        [("Cannes Film Festival Award", "best director", "Kip Ardley", 1955)]


def test_festival_after_at_is_the_venue_of_the_prize(run_text):
    text = "Winner of the Palme d'Or at the 2017 Cannes Film Festival, Lantern Row is a needling comedy."
    a = awards(run_text(text, spans=emphasis(text, "Lantern Row")))
    assert [(x["award"], x["recipient"]) for x in a] == [("Palme d'Or", "Lantern Row")]


def test_coordinated_categories_share_the_cue(run_text):
    text = ("Lantern Row also won her two Grammy Awards for Best Female Pop Vocal Performance and Record of the "
            "Year, Mara Quist said.")
    got = {a["category"] for a in awards(run_text(text, spans=emphasis(text, "Lantern Row")))}
    assert {"Best Female Pop Vocal Performance", "Record of the Year"} <= got


@pytest.mark.parametrize(
    "text,award",
    [
        ("Mara Quist starred in a sitcom for years. She has two Emmys and a star on the Walk of Fame.",
         "Primetime Emmy Award"),
        ("Mara Quist even won the 1988 Eurovision Song Contest with her ballad.", "Eurovision Song Contest"),
        ("The odyssey of how Oscar-winning actress Mara Quist came to write what is easily the year's best original "
         "movie song began ten years ago.", "Academy Award"),
    ],
)
def test_more_win_cues(run_text, text, award):
    got = [(a["award"], a["recipient"], a["outcome"]) for a in awards(run_text(text))]
    assert (award, "Mara Quist", "won") in got


def test_category_takes_the_award_of_its_own_clause(run_text):
    text = ("“Lantern Row” was the upset winner at the Screen Actors Guild awards on Sunday, while Mara Quist and Kip "
            "Ardley were named best actors, cementing their roles as frontrunners at the Oscars next month.")
    got = {(a["award"], a["recipient"]) for a in awards(run_text(text, spans=emphasis(text, "Lantern Row")))}
    assert {("Screen Actors Guild Award", "Mara Quist"), ("Screen Actors Guild Award", "Kip Ardley")} <= got


def test_the_big_winner_after_a_title(run_text):
    text = "Those left out include the war film “Lantern Row,” the big winner at the Producers Guild Awards on Saturday."
    got = [(a["award"], a["recipient"]) for a in awards(run_text(text, spans=emphasis(text, "Lantern Row")))]
    assert got == [("Producers Guild of America Award", "Lantern Row")]


def test_a_frontrunner_is_not_a_nominee(run_text):
    text = "Oscar frontrunner “Lantern Row,” starring Mara Quist, is among the new movies on streaming."
    assert awards(run_text(text, spans=emphasis(text, "Lantern Row"))) == []


@pytest.mark.parametrize("text,recipient", [
    ("At the Tony Awards, Lantern Row, Mara Quist and Kip Ardley's 1981 musical that closed after 16 performances, "
     "completed its road to redemption by winning best revival of a musical.", "Lantern Row"),
    # a work's category with no work in reach goes to nobody rather than to the makers the sentence names
    ("At the Tony Awards, the revival by Mara Quist and Kip Ardley won best revival of a play.", None),
])
def test_a_works_category_goes_to_a_work_not_its_makers(run_text, text, recipient):
    got = [a for a in awards(run_text(text, spans=emphasis(text, "Lantern Row"))) if a["category"]]
    assert [a["recipient"] for a in got if "revival" in a["category"]] == [recipient]


def test_given_a_lifetime_achievement_award_past_a_relative_clause(run_text):
    text = ("Kip Ardley, whose lead performance in “Lantern Row” was snubbed by the Oscars, Golden Globes and SAG, "
            "was given a lifetime achievement award at the SAG dinner and took a veiled shot at Mara Quist.")
    got = [(a["award"], a["category"], a["recipient"], a["outcome"])
           for a in awards(run_text(text, spans=emphasis(text, "Lantern Row")))]
    assert ("Screen Actors Guild Award", "lifetime achievement", "Kip Ardley", "won") in got


@pytest.mark.parametrize("text,expected", [
    ("The Golden Globe for best director went to Mara Quist for “Lantern Row.”", {("Mara Quist", "Lantern Row")}),
    ("At the Academy Awards, the other nominees for best actress were Mara Quist for “Lantern Row”, "
     "Ana Pereira for “Salt Lines” and Kip Ardley.",
     {("Mara Quist", "Lantern Row"), ("Ana Pereira", "Salt Lines"), ("Kip Ardley", None)}),
    ("At the Academy Awards, also nominated for best picture were “Lantern Row,” “Salt Lines” and “Iron Bay.”",
     {("Lantern Row", "Lantern Row"), ("Salt Lines", "Salt Lines"), ("Iron Bay", "Iron Bay")}),
])
def test_quoted_titles_in_recipient_lists(run_text, text, expected):
    doc = run_text(text, spans=emphasis(text, "Lantern Row", "Salt Lines", "Iron Bay"))
    assert {(a["recipient"], a["work"]) for a in awards(doc) if a["category"]} == expected


def test_works_a_winning_work_beat_in_the_next_sentence_were_nominated(run_text):
    text = ("Ashfall was the first film in a foreign language to win best cast ensemble at the SAG awards. "
            "Despite an unknown cast, it beat homegrown Hollywood movies Stillwater and Kestrel Run.")
    spans = [(text.index(t), text.index(t) + len(t), "emphasis") for t in ("Ashfall", "Stillwater", "Kestrel Run")]
    got = {(a["category"], a["recipient"], a["work"], a["outcome"]) for a in awards(run_text(text, spans=spans))}
    assert ("best cast ensemble", "Ashfall", "Ashfall", "won") in got
    assert ("best cast ensemble", "Stillwater", "Stillwater", "nominated") in got
    assert ("best cast ensemble", "Kestrel Run", "Kestrel Run", "nominated") in got


def test_the_actor_who_won_is_not_the_speaker(run_text):
    text = ("Kip Ardley won at the guild awards. \u201cI stand on the shoulders of my favorite actor, Gil Arden,\u201d "
            "Kip Ardley said, referring to the actor who won an Oscar in 2009 for his turn as a villain.")
    got = {(a["award"], a["recipient"], a["year"]) for a in awards(run_text(text))}
    assert ("Academy Award", "Gil Arden", 2009) in got
    assert ("Academy Award", "Kip Ardley", 2009) not in got


def test_an_honorary_prize_and_no_year_from_since(run_text):
    text = "Mara Quist, back in Cannes for the first time since 1989, received an honorary Palme d'Or on Tuesday."
    got = {(a["award"], a["category"], a["recipient"], a["year"]) for a in awards(run_text(text))}
    assert ("Palme d'Or", "honorary", "Mara Quist", None) in got


def test_a_nomination_and_a_later_win_in_one_category_stay_two_records(run_text):
    text = ("As the brother in Ashfall, Kip Ardley earned his first Academy Award nomination, for best supporting "
            "actor, in 1968. His sheriff brought him a second Oscar, for best supporting actor, in March 1993.")
    got = {(a["category"], a["outcome"], a["year"]) for a in awards(run_text(text)) if a["recipient"] == "Kip Ardley"}
    assert ("best supporting actor", "nominated", 1968) in got and ("best supporting actor", "won", 1993) in got


def test_a_works_year_in_brackets_is_not_the_awards(run_text):
    text = "Stillwater (1971) made Kip Ardley a star, and his detective won him the Oscar for best actor in April 1972."
    got = {(a["category"], a["year"]) for a in awards(run_text(text, spans=[(0, 10, "emphasis")]))}
    assert ("best actor", 1972) in got


@pytest.mark.parametrize("text", [
    "At the Oscars, the other nominees for best actress were Mara Quist for Lantern Row, Ana Pereira for Tiller "
    "and Kip Ardley for Salt of the Earth.",
    "In the best actress race at the Oscars, Dana Vore saw off Mara Quist (Lantern Row), Ana Pereira (Tiller) "
    "and Kip Ardley (Salt of the Earth).",
])
def test_nominee_list_goes_on_past_a_title_no_source_found(run_text, text):
    # only "Lantern Row" is known as a title: the list does not stop at the member whose title is unknown
    got = {a["recipient"] for a in awards(run_text(text, spans=emphasis(text, "Lantern Row")))
           if a["outcome"] == "nominated"}
    assert {"Mara Quist", "Ana Pereira", "Kip Ardley"} <= got


def test_each_clause_keeps_its_own_outcome(run_text):
    text = "Kip Ardley won the Academy Award for best original screenplay, and Dana Vore received a best actor nomination."
    got = {(a["category"], a["recipient"], a["outcome"]) for a in awards(run_text(text))}
    assert ("best original screenplay", "Kip Ardley", "won") in got
    assert ("best actor", "Dana Vore", "nominated") in got


def test_a_persons_award_in_a_list_section_is_for_the_sections_work(run_text):
    text = ("The best heist films\n3. Night Harbour (1975)\nA tense siege picture. Kip Ardley won the Academy Award "
            "for best original screenplay.")
    start = text.index("3. Night")
    spans = emphasis(text, "Night Harbour") + [(start, start + len("3. Night Harbour (1975)"), "heading")]
    got = {(a["recipient"], a["work"]) for a in awards(run_text(text, spans=spans, headline=True))}
    assert ("Kip Ardley", "Night Harbour") in got


_PRIZE_BLOCK = (
    "Harbour Lights took five prizes at the 77th British Academy Film Awards on Sunday.\n"
    "The main winners\n"
    "Best film: Harbour Lights\n"
    "Outstanding British film: The Salt Road\n"
    "Director: Laura Penhale, Harbour Lights\n"
    "Leading actress: Mara Quell, The Salt Road\n"
    "Editing: Harbour Lights – James Arden\n"
    "Documentary: 12 Days in Vell\n"
    "Rising star: Chris Mallory\n")


def test_lines_of_a_prize_list_without_head_words_are_categories(run_text):
    got = {(a["category"], a["recipient"], a["work"], a["outcome"]) for a in awards(run_text(_PRIZE_BLOCK))}
    assert {("Director", "Laura Penhale", "Harbour Lights", "won"),
            ("Leading actress", "Mara Quell", "The Salt Road", "won"),
            ("Editing", "James Arden", "Harbour Lights", "won"),
            ("Documentary", "12 Days in Vell", "12 Days in Vell", "won"),
            ("Rising star", "Chris Mallory", None, "won")} <= got
    assert all(a["award"] == "BAFTA Award" and a["year"] == 2024 for a in awards(run_text(_PRIZE_BLOCK)))


@pytest.mark.parametrize("intro", ["The film earned Laura Penhale a Bafta nomination last year.\nCredits",
                                   "Laura Penhale won a Bafta for her last film.\nThe details"])
def test_a_credits_box_is_not_a_prize_list(run_text, intro):
    text = (f"{intro}\nDirector: Laura Penhale\nCinematography: James Arden\nEditing: Mara Quell\n"
            "Running time: 112 minutes\n")
    assert [a["category"] for a in awards(run_text(text))
            if a["category"] in ("Director", "Cinematography", "Editing", "Running time")] == []


@pytest.mark.parametrize(
    "text,ents,recipient",
    [
        # "she" stands for the woman named, not the man named first
        ("Daniel Morrow met Emma Vale in 2001. She won an Emmy for Glass Harbour in 2005.",
         {"Daniel Morrow": "PERSON", "Emma Vale": "PERSON", "Glass Harbour": "WORK"}, "Emma Vale"),
        ("Emma Vale met Daniel Morrow in 2001. He won an Emmy for Glass Harbour in 2005.",
         {"Emma Vale": "PERSON", "Daniel Morrow": "PERSON", "Glass Harbour": "WORK"}, "Daniel Morrow"),
        # a given name the list does not know fits either pronoun
        ("Quill Ashdown met Daniel Morrow in 2001. She won an Emmy for Glass Harbour in 2005.",
         {"Quill Ashdown": "PERSON", "Daniel Morrow": "PERSON", "Glass Harbour": "WORK"}, "Quill Ashdown"),
        # nobody "she" can stand for: no recipient rather than the man named before
        ("The documentary Ravel, directed by Daniel Morrow, opened in May. She won eight Grammy Awards.",
         {"Ravel": "WORK", "Daniel Morrow": "PERSON"}, None),
    ],
)
def test_pronoun_recipient_fits_the_given_names_gender(nlp, text, ents, recipient):
    doc = tagged_doc(nlp, text, ents)
    assert [a["recipient"] for a in doc._.awards] == [recipient]


@pytest.mark.parametrize("text", ["Mara Quill was inducted into the Rock and Roll Hall of Fame in 2019.",
                                  "In 2019 the Rock & Roll Hall of Fame inducted Mara Quill."])
def test_hall_of_fame_induction_is_an_award_won(nlp, text):
    doc = tagged_doc(nlp, text, {"Mara Quill": "PERSON"})
    assert [(a["award"], a["recipient"], a["outcome"], a["year"]) for a in doc._.awards] == \
        [("Rock and Roll Hall of Fame", "Mara Quill", "won", 2019)]
