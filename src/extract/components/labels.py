"""`entertainment_labels`: map any pipeline's entity labels onto the project's label set.

Sets: `Doc.ents` (labels renamed; labels mapped to "" are dropped).
Lets en_core_web_sm/trf or a user's own pipeline feed the later stages unchanged:
PERSON/PER -> PERSON, WORK_OF_ART -> WORK, GPE/LOC -> LOC, ORG, EVENT, DATE.

With `fix_titles` (default), a PERSON span that reads as a title becomes WORK: one ending in a
capitalised head noun of a title ("Eras Tour", "The Late Show"; not "Song", a surname) or led by a capitalised "The" the model left
out ("The Phantom Menace" tagged PERSON on "Phantom Menace"); one ending in a streaming service or channel
is the title before it ("Backyard Takeover HGTV" -> "Backyard Takeover"). A title "Show's Given-name Surname"
is split into the show and the person ("Fallout's Ella Purnell"), and a royal title with a given name read as a
place is a person ("Prince Andrew"). A PERSON span is cut to the name in it ("Woody Harrelson played the
Louisiana" -> "Woody Harrelson"), and a WORK span that runs two titles together is split ("The Accused and The
Silence of the Lambs"). The head nouns, services and given names are data (`title_heads` in
`patterns/work_anchors.json`, `patterns/platforms.txt`, `patterns/first_names.txt`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_json, load_words
from .base import Component

_ROYAL_TITLES = frozenset(("prince", "princess", "king", "queen", "duke", "duchess"))
# lower-case words inside a name: "Ludwig van Beethoven", "Benicio del Toro", "Ibn al Haytham"
_NAME_PARTICLES = frozenset("de da das do dos du van von der den del della di la le ter ten bin ibn al el y st. af zu".split())

DEFAULT_LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "WORK_OF_ART": "WORK", "WORK": "WORK",
    "ORG": "ORG", "NORP": "",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "EVENT": "EVENT", "AWARD": "AWARD",
    "DATE": "DATE",
    "MISC": "",
}


@Language.factory(
    "entertainment_labels",
    default_config={"label_map": DEFAULT_LABEL_MAP, "keep_unmapped": False, "fix_titles": True,
                    "anchors": "work_anchors.json", "platforms": "platforms.txt", "roles": "roles.json"},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_label_mapper(nlp: Language, name: str, label_map: dict[str, str], keep_unmapped: bool,
                      fix_titles: bool, anchors: str, platforms: str, roles: str) -> "LabelMapper":
    return LabelMapper(name, label_map, keep_unmapped, fix_titles=fix_titles, anchors=anchors, platforms=platforms,
                       roles=roles)


class LabelMapper(Component):
    def __init__(self, name: str, label_map: dict[str, str], keep_unmapped: bool, *, fix_titles: bool = True,
                 anchors: str = "work_anchors.json", platforms: str = "platforms.txt", roles: str = "roles.json") -> None:
        self.name = name
        self.label_map = dict(label_map)
        self.keep_unmapped = keep_unmapped
        self.fix_titles = fix_titles
        self.title_heads = frozenset(w.casefold() for w in load_json(anchors)["title_heads"]) if fix_titles else frozenset()
        self.platforms = load_words(platforms) if fix_titles else frozenset()
        self.first_names = load_words("first_names.txt") if fix_titles else frozenset()
        self.role_nouns = frozenset(w for ws in load_json(roles)["nouns"].values() for w in ws
                                    if " " not in w) if fix_titles else frozenset()

    def process(self, doc: Doc) -> Doc:
        ents = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_, ent.label_ if self.keep_unmapped else "")
            if not label:
                continue
            if label != ent.label_:
                ent = doc.char_span(ent.start_char, ent.end_char, label=label) or ent
            if label == "LOC" and self.fix_titles and self._royal(ent):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            if label == "PERSON" and self.fix_titles:
                ent = _name_only(doc, ent)
                if ent is None:
                    continue
                ent = self._title_not_person(doc, ent, ents)
            elif label == "WORK" and self.fix_titles and (cut := _second_title(doc, ent, ents)) is not None:
                ents.append(Span(doc, ent.start, cut - 1, label="WORK"))
                ent = Span(doc, cut, ent.end, label="WORK")
            elif label == "WORK" and self.fix_titles and (self._person_not_title(doc, ent) or _named_part(doc, ent)):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            elif label == "WORK" and self.fix_titles:
                owner = self._owner_and_person(doc, ent)
                if owner is not None:
                    ents.append(owner)
                    ent = Span(doc, owner.end + 1, ent.end, label="PERSON")
            ents.append(ent)
        doc.set_ents(ents, default="outside")
        return doc

    def _person_not_title(self, doc: Doc, ent: Span) -> bool:
        """"for host Monty Don", "director Anna Vale": two or three capitalised words right after a lower-case
        role noun are a name (a title comes after "the film", "the series")."""
        k = ent.start - 1
        return k >= 0 and doc[k].is_lower and doc[k].lower_ in self.role_nouns and 2 <= len(ent) <= 3 \
            and all(t.is_alpha and t.is_title for t in ent) and ent[0].lower_ not in ("the", "a", "an")

    def _royal(self, ent: Span) -> bool:
        """"Prince Andrew", "Queen Elizabeth" read as a place: a royal title and a given name alone are a person
        (not "Prince Edward Island", "Queen Elizabeth Hall")."""
        return len(ent) == 2 and ent[0].lower_ in _ROYAL_TITLES and ent[1].lower_ in self.first_names \
            and ent[1].is_title

    def _owner_and_person(self, doc: Doc, ent: Span) -> Span | None:
        """"Fallout's Ella Purnell" read as one title: a title, its possessive, then a capitalised name whose first
        word is a given name is the show and one of its people (not "Charlotte's Web", "Sophie's Choice")."""
        k = next((t.i for t in ent if t.lower_ in ("'s", "’s")), None)
        if k is None or k == ent.start or not 2 <= ent.end - k - 1 <= 3:
            return None
        name = doc[k + 1:ent.end]
        if name[0].lower_ not in self.first_names or not all(t.is_alpha and t.is_title for t in name):
            return None
        return Span(doc, ent.start, k, label="WORK")

    def _title_not_person(self, doc: Doc, ent: Span, before: list[Span]) -> Span:
        for n in (2, 1):  # "Backyard Takeover HGTV": a multi-word service, or a one-word one in capitals
            tail = ent[-n:] if len(ent) > n else None
            if tail is not None and tail.text.casefold() in self.platforms and (n > 1 or tail.text.isupper()) \
                    and all(t.text[:1].isupper() for t in tail):
                return Span(doc, ent.start, ent.end - n, label="WORK")
        last = ent[-1]
        if len(ent) > 1 and last.lower_ in self.title_heads and last.text[:1].isupper():
            return Span(doc, ent.start, ent.end, label="WORK")
        k = ent.start - 1
        glued = ent.end < len(doc) and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_
        if k >= 0 and doc[k].text == "The" and not (before and before[-1].end > k) and not glued:
            # "The Phantom Menace"; not "The Tom Cruise-led film", a name in a compound modifier
            return Span(doc, k, ent.end, label="WORK")
        return ent


def _name_only(doc: Doc, ent: Span) -> Span | None:
    """A model PERSON span cut to the name in it: lower-case words the model took in before the name ("the
    bootlegger Enoch") or after it ("Woody Harrelson played the Louisiana", "Kayla Fell of Refugia") are left
    out; particles stay ("Ludwig van Beethoven", "Pliny the Elder"). None when no capitalised word is left."""
    start = ent.start
    while start < ent.end and (doc[start].is_lower and doc[start].lower_ not in _NAME_PARTICLES or doc[start].is_punct):
        start += 1  # "the bootlegger Enoch", "-Adam Grant" (a quotation's signature)
    end = start + 1
    while end < ent.end:
        t = doc[end]
        if t.is_alpha and t.is_lower and t.lower_ not in _NAME_PARTICLES and doc[end - 1].text != "-" \
                and not (t.lower_ == "the" and end == start + 1 and end + 1 < ent.end and doc[end + 1].is_title):
            break
        end += 1
    if start >= ent.end or not (doc[start].text[:1].isupper() or start + 1 < end and doc[start + 1].is_title):
        return None  # (a surname may open with its particle: "van Gogh", "de Niro")
    while end > start + 1 and doc[end - 1].is_lower:  # "Pliny the" of a cut "Pliny the Elder wrote": no trailing particle
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _second_title(doc: Doc, ent: Span, before: list[Span]) -> int | None:
    """Where a second title starts in a model WORK span that runs two together: at "and The" ("The Accused and
    The Silence of the Lambs": inside one title a "the" after "and" is lower-case, "Beauty and the Beast"), or at
    the "and" closing a list of titles ("Night Country, Lift and Boy Swallows Universe": the span follows
    another title and a comma, and no "and" follows it: "Originals, Give and Take, and Option B" keeps "Give and
    Take"). Not when quotation marks or italics enclose the whole span (one title as
    marked up)."""
    ands = [t.i for t in ent[1:-1] if t.lower_ in ("and", "&") and doc[t.i - 1].text[:1].isalnum()]
    k = next((i for i in ands if doc[i + 1].text == "The"), None)
    if k is None and len(ands) == 1 and doc[ands[0] + 1].text[:1].isupper() and ent.start >= 2 \
            and doc[ent.start - 1].text == "," and before and before[-1].label_ == "WORK" \
            and before[-1].end == ent.start - 1 and not _list_goes_on(doc, ent.end):
        k = ands[0]
    if k is None:
        return None
    clean = doc._.clean if Doc.has_extension("clean") else None
    for s in getattr(clean, "spans", None) or ():
        if s.kind in ("emphasis", "quote") and s.start <= ent.start_char and ent.end_char <= s.end:
            return None
    return k + 1


def _list_goes_on(doc: Doc, i: int) -> bool:
    """Whether a list's closing "and"/"or" comes at token `i` or right after a comma there."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i < len(doc) and doc[i].lower_ in ("and", "or", "&")


def _named_part(doc: Doc, ent: Span) -> bool:
    """"the role of reporter Chess Roberts", "the part of Nora": a capitalised name after "role of" or "part of"
    (and up to two lower-case words) is the character played, not a title."""
    k = ent.start - 1
    while k >= 0 and ent.start - k <= 2 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ != "of":
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in ("role", "part") \
        and all(t.is_title or not t.is_alpha for t in ent) and len(ent) <= 4
