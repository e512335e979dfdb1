"""`entertainment_credits`: roles of people and person-role-work links, with characters.

Sets: `Doc._.credits` (dicts: person, role, work, character, evidence) and fills `roles` of
`Doc._.people` (adding fictional characters as people with the role "character").

Cues are data (`patterns/roles.json`): a role noun before a name ("director Paul Thomas
Anderson", "Legion creator Noah Hawley"), a by-phrase before a list of names ("directed by X",
"starring A, B and C"), a verb after a name ("X directed", "X stars as Y"), "X as Y" and "X's
portrayal of Y" for characters, "Character (Actor)" in parentheses, and fact lists ("Creator:",
"Lead cast:"). The work is the nearest work mentioned in the same sentence, else the work named by
the section's subheading, else (for fact lists) the work the fact list describes.
"""

from __future__ import annotations

import re
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_json
from .base import Component
from .util import canonical, nearest, norm_key, section_work, span_dict

_NAME = re.compile(r"^[A-Z][\w'’.-]*$")


@Language.factory(
    "entertainment_credits",
    default_config={"roles": "roles.json", "window": 3},
    assigns=["doc._.credits", "doc._.people"],
    requires=["doc._.people", "doc._.works", "token.is_sent_start"],
)
def make_credit_finder(nlp: Language, name: str, roles: str, window: int) -> "CreditFinder":
    return CreditFinder(name, roles=roles, window=window)


class CreditFinder(Component):
    def __init__(self, name: str, *, roles: str, window: int) -> None:
        self.name = name
        r = load_json(roles)
        self.nouns = {tuple(w.split()): role for role, ws in r["nouns"].items() for w in ws}
        self.by_phrases = [(tuple(p.split()), role) for role, ps in r["by_phrases"].items() for p in ps]
        self.verbs = [(tuple(p.split()), role) for role, ps in r["verbs_after"].items() for p in ps]
        self.window = window

    def process(self, doc: Doc) -> Doc:
        people = {p["name"]: p for p in doc._.people or []}
        credits: list[dict] = []
        seen: set[tuple] = set()
        person_spans = doc.spans.get("people", [])
        person_tokens = {t.i: s for s in person_spans for t in s}
        work_tokens = {t.i for s in doc.spans.get("works", []) for t in s}

        def credit(person: str, role: str, work: str | None, character: str | None, evidence: Span) -> None:
            p = people.get(person)
            if p is None:
                return
            if role not in p["roles"]:
                p["roles"].append(role)
            key = (person, role, norm_key(work or ""), norm_key(character or ""))
            if key in seen:
                return
            # a credit with a character supersedes the same credit without one
            seen.add(key)
            credits.append({"person": person, "role": role, "work": work, "character": character,
                            "evidence": span_dict(evidence, self.name)})

        for mention in person_spans:
            name = canonical(mention)
            for role, character, cue in self._cues(doc, mention, person_tokens, work_tokens):
                work = self._work_for(doc, mention)
                credit(name, role, work, character, mention.sent)
                if character and role == "actor":
                    self._add_character(doc, people, character, work, cue)
        main = _main_work(doc)
        for p in list(people.values()):
            for role in list(p["roles"]):
                if main and role != "character" and self._from_facts(doc, p["name"], role):
                    ev = doc[0:1] if len(doc) else None
                    if ev is not None:
                        credit(p["name"], role, main, None, ev)
        # a credit with a character supersedes the same one without
        with_char = {(c["person"], c["role"], norm_key(c["work"] or "")) for c in credits if c["character"]}
        credits = [c for c in credits if c["character"] or (c["person"], c["role"], norm_key(c["work"] or "")) not in with_char]
        for p in people.values():
            p["roles"] = sorted(set(p["roles"]))
        doc._.people = list(people.values())
        doc._.credits = credits
        return doc

    # --------------------------------------------------------------- cues
    def _cues(self, doc: Doc, m: Span, person_tokens: dict[int, Span], work_tokens: set[int]):  # noqa: ANN202
        sent = m.sent
        # role noun right before the name: "director X", "Legion creator X", "singer-keyboardist X"
        for k in (2, 1):
            lo = m.start - k
            if lo >= sent.start:
                role = self.nouns.get(tuple(t.lower_ for t in doc[lo:m.start]))
                if role:
                    yield role, None, doc[lo:m.end]
                    break
        # by-phrase before the name or before the list the name is in
        j = m.start
        while j - 1 >= sent.start and (doc[j - 1].text in (",", "and", "&") or (j - 1) in person_tokens):
            j -= 1
        for phrase, role in self.by_phrases:
            k = len(phrase)
            if j - k >= sent.start and tuple(t.lower_ for t in doc[j - k:j]) == phrase:
                yield role, None, doc[j - k:m.end]
                break
        # verb after the name: "X directed", "X, who directed", "X will direct", "X stars as Y"
        i = m.end
        if i < sent.end and doc[i].lower_ in ("'s", "’s"):
            i += 1
        if i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in ("who", "which"):
            i += 2
        for phrase, role in self.verbs:
            k = len(phrase)
            if i + k <= sent.end and tuple(t.lower_ for t in doc[i:i + k]) == phrase:
                yield role, self._character_after(doc, i + k, sent, person_tokens, work_tokens), doc[m.start:i + k]
                break
        # "X as Y"
        if i < sent.end and doc[i].lower_ == "as":
            ch = self._character_after(doc, i, sent, person_tokens, work_tokens)
            if ch:
                yield "actor", ch, doc[m.start:i + 1]
        # "X's portrayal of Y"
        if m.end + 3 < sent.end and doc[m.end].lower_ in ("'s", "’s") and doc[m.end + 1].lower_ in ("portrayal", "turn", "role", "performance"):
            ch = self._character_after(doc, m.end + 2, sent, person_tokens, work_tokens)
            yield "actor", ch, doc[m.start:m.end + 2]
        # "Character (Actor)" or "a rookie (Actor)"
        if m.start - 1 >= sent.start and doc[m.start - 1].text == "(" and m.end < sent.end and doc[m.end].text == ")":
            ch = _name_before(doc, m.start - 1, sent, person_tokens, work_tokens)
            yield "actor", ch, doc[max(sent.start, m.start - 4):m.end + 1]

    def _character_after(self, doc: Doc, i: int, sent: Span, person_tokens: dict, work_tokens: set[int]) -> str | None:
        """The name run after 'as'/'of' (skipping 'the'), when it is not a real person or a work."""
        if i < sent.end and doc[i].lower_ in ("as", "of"):
            i += 1
        if i < sent.end and doc[i].lower_ in ("the", "a"):
            return None  # "as a father": a description, not a name
        j = i
        while j < sent.end and j - i < 5 and _NAME.match(doc[j].text) and j not in work_tokens:
            j += 1
        if j == i or i in person_tokens:
            return None
        text = doc[i:j].text
        return re.sub(r"[’']s$", "", text) or None

    def _add_character(self, doc: Doc, people: dict[str, dict], character: str, work: str | None, cue: Span) -> None:
        if character in people:
            if "character" not in people[character]["roles"]:
                people[character]["roles"].append("character")
            return
        start = doc.text.find(character, cue.start_char)
        mentions = [{"start": start, "end": start + len(character), "text": character, "source": self.name}] if start >= 0 else []
        people[character] = {"name": character, "aliases": [], "roles": ["character"], "mentions": mentions}

    def _work_for(self, doc: Doc, mention: Span) -> str | None:
        sent = mention.sent
        works = [w for w in doc.spans.get("works", []) if sent.start <= w.start and w.end <= sent.end]
        w = nearest(works, mention, prefer_before=False)
        if w is None:
            w = section_work(doc, mention)
        return canonical(w)

    def _from_facts(self, doc: Doc, name: str, role: str) -> bool:
        clean = doc._.clean
        for f in getattr(clean, "facts", []) or []:
            if name in f.value and role in _FACT_ROLE_KEYS.get(f.key.casefold(), ()):
                return True
        return False


_FACT_ROLE_KEYS = {"creator": ("creator",), "creators": ("creator",), "created by": ("creator",),
                   "director": ("director",), "directed by": ("director",), "directors": ("director",),
                   "writer": ("writer",), "writers": ("writer",), "written by": ("writer",),
                   "lead cast": ("actor",), "cast": ("actor",), "starring": ("actor",), "stars": ("actor",),
                   "main cast": ("actor",), "producer": ("producer",), "producers": ("producer",),
                   "executive producer": ("producer",), "host": ("host",), "hosts": ("host",)}


def _name_before(doc: Doc, i: int, sent: Span, person_tokens: dict, work_tokens: set[int]) -> str | None:
    """A capitalised name right before position `i` ('Anna (Zooey Deschanel)'), not sentence-initial."""
    j = i
    while j - 1 >= sent.start and _NAME.match(doc[j - 1].text) and (j - 1) not in work_tokens \
            and (j - 1) not in person_tokens and i - j < 3:
        j -= 1
    if j == i or j == sent.start and i - j == 1 and doc[j].is_sent_start:
        return None
    return doc[j:i].text


def _main_work(doc: Doc) -> str | None:
    """The work the page is about: its fact list's or JSON-LD's title."""
    for w in doc._.works or []:
        if any(m.get("source", "").endswith(("facts", "jsonld")) for m in w["mentions"]):
            return w["title"]
    clean = doc._.clean
    for f in getattr(clean, "facts", []) or []:
        if f.key.casefold() in ("title", "original title"):
            return f.value.strip()
    return None
