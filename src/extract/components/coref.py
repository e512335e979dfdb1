"""Pronouns and the people they stand for, shared by the credits and awards components.

A pronoun's antecedent is the most-named person of the nearest sentence (the same one first) that
names someone its gender fits ("she" is not a Daniel: `patterns/given_name_genders.txt`; a name the list
does not know fits either, after one it says fits); characters after "as", asides in parentheses, names
used as modifiers ("the Sean Penn film") and makers' possessives before a title ("Mel Brooks's Young
Frankenstein") are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from spacy.tokens import Doc, Span

from ..lexicon import load_mapping
from .util import OPENING_QUOTES, canonical, string_ids, tokens_with

NOT_MODIFIERS = frozenset("to of in on at for from by with and or but that which who is was are were has had have "
                          "be been will would decision plan he she they it we you i published released".split())

SUBJECT_PRONOUNS = frozenset(("he", "she"))
_WORK_WORDS = frozenset("film movie series show album song documentary".split())
POSSESSIVES = frozenset(("his", "her"))
OBJECT_PRONOUNS = frozenset(("him",))
_PRONOUN_IDS = string_ids(SUBJECT_PRONOUNS | POSSESSIVES | OBJECT_PRONOUNS)
# a name right after these is the part played ("plays Colin")
PLAYING_WORDS = frozenset(("playing", "plays", "played", "portraying", "portrays", "portrayed"))
# "such as X", "as well as X", "known as X", "the same as X": a name after "as" that is no part
# words before "as" that give a name other than a part: "known as", "wrote as Robert Jordan" (a pen name),
# "credited as", "dressed as" (a costume)
NOT_CASTING = frozenset(("such", "well", "known", "same", "wrote", "writes", "writing", "published", "publishes",
                         "credited", "billed", "born", "dressed", "records", "recorded", "recording"))
_NOT_CASTING_BEFORE_AS = NOT_CASTING | {"much", "soon"}  # "as much as X", "as soon as X"
# the pronouns that say she or he
_PRONOUN_GENDER = {"she": "F", "her": "F", "he": "M", "his": "M", "him": "M"}


def gender_fit(m: Span, pronoun: str) -> int:
    """2: the name's given name says the pronoun's gender; 1: it says nothing; 0: it says the other."""
    want = _PRONOUN_GENDER.get(pronoun)
    words = canonical(m).split()
    has = load_mapping("given_name_genders.txt").get(words[0].casefold()) if want and len(words) > 1 else None
    return 1 if has is None else 2 if has == want else 0


# nouns for an acting part: "her performance as Y", "his turn as Y", "X's portrayal of Y"
PART_NOUNS = frozenset(("portrayal", "turn", "role", "performance"))


def pronoun_antecedents(doc: Doc, person_spans: list[Span], work_at: dict[int, Span],
                        lookback: int = 3) -> list[tuple[Span, Span]]:
    """(pronoun token span, antecedent mention) pairs for he, she, his, her and him. The antecedent
    is named earlier in the same sentence (for "him", only as a possessive: not its clause's subject),
    else in the nearest of the previous `lookback` sentences that names someone; of the people
    named there, the one the article names most often (its subject, usually), the first on a tie. A
    mention in parentheses is an aside, and "the Sean Penn film" uses a name as a modifier."""
    salience = Counter(canonical(m) for m in person_spans)
    # a name the text casts as a part anywhere ("Kirby joining as Sue Storm") is a character wherever it
    # appears ("Sue Storm, the Invisible Woman, is ..."): never what "he" or "she" stands for
    parts = {canonical(m) for m in person_spans if after_as(m) and cast_as(m)
             or m.start > 0 and doc[m.start - 1].lower_ in PLAYING_WORDS}

    def subject(mentions: list[Span], pronoun: str) -> Span | None:
        ok = [m for m in mentions if not (m.start > 0 and doc[m.start - 1].text == "(")
              and not (m.end < len(doc) and doc[m.end].lower_ in _WORK_WORDS)
              and not after_as(m) and canonical(m) not in parts  # "As Buck Barrow, ... he": a character
              and not makers_possessive(m, work_at)]
        # "she" is not a Daniel; of the people named as often, one whose given name says "she" is preferred
        fitting = [(m, fit) for m in ok if (fit := gender_fit(m, pronoun))]
        best = max(fitting, key=lambda mf: (salience[canonical(mf[0])], mf[1], -mf[0].start), default=None)
        return best[0] if best else None

    hits = tokens_with(doc, _PRONOUN_IDS)
    if not hits or not person_spans:
        return []
    by_sent: dict[int, list[Span]] = {}
    for m in person_spans:
        by_sent.setdefault(m.sent.start, []).append(m)
    sent_starts = [i for i, flag in enumerate(doc.to_array("SENT_START").tolist()) if flag == 1 or i == 0]
    out = []
    chained: dict[int, list[tuple[str, Span]]] = {}  # sentence start -> (pronoun, whom it stands for) so far
    for i in hits:
        k = bisect_right(sent_starts, i) - 1
        # "With the diver Tom Vale he co-wrote": a name right before the pronoun is not what it stands for;
        # "Wes Anderson gave him a part": an object pronoun is not its own clause's subject, though it may
        # be the subject's owner ("X's performance earned him an Emmy")
        same = [m for m in by_sent.get(sent_starts[k], []) if m.end < i]
        if doc[i].lower_ in OBJECT_PRONOUNS:  # "his ugly detective won him the Oscar": owners only
            same = [m for m in same if m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s")]
            same += [a for p, a in chained.get(sent_starts[k], []) if p in POSSESSIVES]
        else:
            same += [a for _, a in chained.get(sent_starts[k], [])]
        ante = subject(same, doc[i].lower_)
        back = k - 1
        while ante is None and back >= 0 and k - back <= lookback:
            # a sentence's pronouns stand in for the names it leaves out ("He won his second Oscar as the
            # sheriff X ..."; "... which won him a Globe": him is the actor, not the character)
            ante = subject(by_sent.get(sent_starts[back], []) + [a for _, a in chained.get(sent_starts[back], [])],
                           doc[i].lower_)
            back -= 1
        if ante is not None:
            out.append((doc[i:i + 1], ante))
            chained.setdefault(sent_starts[k], []).append((doc[i].lower_, ante))
    return out


# what opens a part's description after "as": "as the desperate X", "as his partner Y"
PART_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their"))


def after_as(m: Span) -> bool:
    """A name cast as a part: "as Buck Barrow", "as the sadistic sheriff Little Bill Daggett", "as his
    partner Sal"."""
    doc, j = m.doc, m.start - 1
    while j >= 0 and m.start - j <= 4 and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ != "as" \
            and doc[j].lower_ not in PART_DETERMINERS:
        j -= 1
    if j >= 0 and j < m.start - 1 and doc[j].lower_ in PART_DETERMINERS:
        j -= 1
    elif j < m.start - 1:
        return False  # lower-case words not opened by an article: "as well as", not a part
    return j >= 0 and doc[j].lower_ == "as"


def cast_as(m: Span) -> bool:
    """After "as", a cast part rather than a list ("such as X", "known as X", "as well as X", "the same as
    X") or someone's something ("As X's partner")."""
    doc = m.doc
    if m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s"):
        return False  # "As Taylor Swift's partner": someone's something, not a part
    j = next((t.i for t in doc[max(0, m.start - 5):m.start] if t.lower_ == "as"), None)
    return j is not None and not (j > 0 and doc[j - 1].lower_ in _NOT_CASTING_BEFORE_AS)


def makers_possessive(m: Span, work_at: dict[int, Span]) -> bool:
    """"Mel Brooks's Young Frankenstein": a name whose possessive opens a title (after modifiers)."""
    doc = m.doc
    return m.end + 1 < len(doc) and doc[m.end].lower_ in ("'s", "’s") \
        and work_after_modifiers(doc, m.end + 1, work_at, m.sent) is not None


def work_after_modifiers(doc: Doc, k: int, work_at: dict[int, Span], sent: Span, gap: int = 5) -> Span | None:
    """The work starting at token `k`, or after a few lower-case modifiers, ordinals, years and quote
    marks: "third all-star 'Knives Out'", "classic 1984 mockumentary 'This Is Spinal Tap'", "$170 million
    Netflix gangster movie 'The Irishman'" (a budget, and one capitalised word before a lower-case one)."""
    j = k
    while j < min(sent.end, k + gap + 1):
        if j in work_at:
            return work_at[j]
        t = doc[j]
        if t.text == "$" and j + 1 < sent.end and doc[j + 1].like_num:
            j += 2 + (j + 2 < sent.end and doc[j + 2].lower_ in ("million", "billion", "m", "bn"))
            gap += 3
            continue
        if t.is_title and t.is_alpha and j + 1 < sent.end and doc[j + 1].is_lower and doc[j + 1].is_alpha and j > k - 1 \
                and t.lower_ not in NOT_MODIFIERS and j + 1 not in work_at:
            j += 1  # "Netflix gangster movie", "British drama"
            continue
        if t.lower_ in NOT_MODIFIERS or not (t.is_lower and t.is_alpha or t.text == "-" or t.text in OPENING_QUOTES
                                              or re.fullmatch(r"(19|20)\d\d", t.text)):
            return None
        j += 1
    return None
