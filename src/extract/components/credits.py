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
from .util import canonical, doc_text, nearest, norm_key, section_work, span_dict

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

        topic = _topic_work(doc)
        for mention in person_spans:
            name = canonical(mention)
            for role, character, cue, direction in self._cues(doc, mention, person_tokens, work_tokens):
                work = self._work_for(doc, cue, direction, topic)
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
        # role noun right before the name: "director X", "Legion creator X", "an actor called X"
        for k in (2, 1):
            lo = m.start - k
            skip = 1 if lo - 1 >= sent.start and doc[m.start - 1].lower_ in ("called", "named") else 0
            lo -= skip
            if lo >= sent.start:
                role = self.nouns.get(tuple(t.lower_ for t in doc[lo:m.start - skip]))
                if role:
                    yield role, None, doc[lo:m.end], "before"
                    break
        # apposition after: "Lorne Michaels, the legendary SNL producer," / "X, her friend and co-writer,"
        if m.end + 1 < sent.end and doc[m.end].text == ",":
            for t in doc[m.end + 1:min(sent.end, m.end + 8)]:
                if t.is_punct or t.i in person_tokens:
                    break
                role = self.nouns.get((t.lower_,))
                if role:
                    yield role, None, doc[m.start:t.i + 1], "any"
                    break
        # by-phrase before the name or before the list the name is in
        j = m.start
        while j - 1 >= sent.start and (doc[j - 1].text in (",", "and", "&") or (j - 1) in person_tokens):
            j -= 1
        for phrase, role in self.by_phrases:
            k = len(phrase)
            if j - k >= sent.start and tuple(t.lower_ for t in doc[j - k:j]) == phrase:
                yield role, None, doc[j - k:m.end], "before"
                break
        # verb after the name or after the list it ends: "X directed", "A, B and C return", "X, who directed"
        i = m.end
        while i < sent.end and (doc[i].text in (",", "and", "&") and i + 1 in person_tokens or i in person_tokens):
            i += 1
        if i < sent.end and doc[i].lower_ in ("'s", "’s"):
            i += 1
        if i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in ("who", "which"):
            i += 2
        for phrase, role in self.verbs:
            k = len(phrase)
            if i + k <= sent.end and tuple(t.lower_ for t in doc[i:i + k]) == phrase:
                yield role, self._character_after(doc, i + k, sent, person_tokens, work_tokens), doc[m.start:i + k], "after"
                break
        # "X was head writer", "X is a producer"
        if i < sent.end and doc[i].lower_ in ("is", "was", "became", "becomes", "remains", "has", "had"):
            for t in doc[i + 1:min(sent.end, i + 5)]:
                if t.is_punct:
                    break
                role = self.nouns.get((t.lower_,))
                if role:
                    yield role, None, doc[m.start:t.i + 1], "any"
                    break
        # "X as Y"
        if i < sent.end and doc[i].lower_ == "as":
            ch = self._character_after(doc, i, sent, person_tokens, work_tokens)
            if ch:
                yield "actor", ch, doc[m.start:i + 1], "any"
        # "X's portrayal of Y"
        if m.end + 3 < sent.end and doc[m.end].lower_ in ("'s", "’s") and doc[m.end + 1].lower_ in ("portrayal", "turn", "role", "performance"):
            ch = self._character_after(doc, m.end + 2, sent, person_tokens, work_tokens)
            yield "actor", ch, doc[m.start:m.end + 2], "any"
        # "X would reprise his role as Y": the nearest person before "role as Y"
        for t in doc[m.end:min(sent.end, m.end + 12)]:
            if t.i in person_tokens:
                break
            if t.lower_ in ("role", "roles", "part") and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "as":
                ch = self._character_after(doc, t.i + 1, sent, person_tokens, work_tokens)
                if ch:
                    yield "actor", ch, doc[m.start:t.i + 2], "any"
                break
        # "Character (Actor)", "a rookie (Actor)", "Johnny Rico (the square-jawed Actor)"
        if m.end < sent.end and doc[m.end].text == ")":
            k = m.start - 1
            while k >= max(sent.start, m.start - 6) and doc[k].text != "(" and not doc[k].is_punct:
                k -= 1
            if k >= sent.start and doc[k].text == "(":
                ch = _name_before(doc, k, sent, person_tokens, work_tokens)
                yield "actor", ch, doc[max(sent.start, k - 4):m.end + 1], "any"

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
        start = doc_text(doc).find(character, cue.start_char)
        mentions = [{"start": start, "end": start + len(character), "text": character, "source": self.name}] if start >= 0 else []
        people[character] = {"name": character, "aliases": [], "roles": ["character"], "mentions": mentions}

    def _work_for(self, doc: Doc, cue: Span, direction: str, topic: str | None) -> str | None:
        """The work a cue is about: in its clause on the cue's side, else the section's, else the article's."""
        lo, hi = _clause(doc, cue)
        works = [w for w in doc.spans.get("works", []) if lo <= w.start and w.end <= hi
                 and not (w.start < cue.end and w.end > cue.start)]
        before = [w for w in works if w.end <= cue.start]
        after = [w for w in works if w.start >= cue.end]
        w = None
        if direction == "before":
            w = max(before, key=lambda x: x.end) if before else (min(after, key=lambda x: x.start) if after else None)
        elif direction == "after":
            w = min(after, key=lambda x: x.start) if after else (max(before, key=lambda x: x.end) if before else None)
        else:
            w = nearest(works, cue)
        if w is None:
            w = section_work(doc, cue)
        return canonical(w) if w is not None else topic

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


def _clause(doc: Doc, span: Span) -> tuple[int, int]:
    """Token bounds of the clause holding `span`: its sentence cut at ';' and dashes."""
    sent = span.sent
    lo, hi = sent.start, sent.end
    for t in doc[sent.start:span.start]:
        if t.text in (";", "—", "–"):
            lo = t.i + 1
    for t in doc[span.end:sent.end]:
        if t.text in (";", "—", "–"):
            hi = t.i
            break
    return lo, hi


def _topic_work(doc: Doc) -> str | None:
    """The work the article is about: its fact list's or JSON-LD's title, else the headline's most-mentioned work."""
    main = _main_work(doc)
    if main:
        return main
    clean = doc._.clean
    head = next((s for s in getattr(clean, "spans", []) if s.kind == "headline"), None)
    if head is None:
        return None
    in_head = [w for w in doc._.works or [] if any(m["start"] < head.end for m in w["mentions"])]
    if not in_head:
        return None
    best = max(in_head, key=lambda w: len(w["mentions"]))
    return best["title"] if len(best["mentions"]) >= 3 and len(in_head) == 1 else None


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
