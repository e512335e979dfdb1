"""`entertainment_credits`: roles of people and person-role-work links, with characters.

Sets: `Doc._.credits` (dicts: person, role, work, character, evidence) and fills `roles` of
`Doc._.people` (adding fictional characters as people with the role "character"); a directing,
writing or music award a work won goes to its credited maker or artist (`Doc._.awards`).

Cues are data (`patterns/roles.json`): a role noun before a name ("director Paul Thomas
Anderson", "Legion creator Noah Hawley"), a by-phrase before a list of names ("directed by X",
"starring A, B and C"), a verb after a name ("X directed", "X stars as Y"), "X as Y" and "X's
portrayal of Y" for characters, "Character (Actor)" in parentheses, and fact lists ("Creator:",
"Lead cast:"). The work is the nearest work mentioned in the same sentence, else the work named by
the section's subheading, else (for fact lists) the work the fact list describes.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..lexicon import load_json, load_jsonl, load_words
from .base import Component
from .coref import NOT_CASTING as _NOT_CASTING
from .coref import NOT_MODIFIERS as _NOT_MODIFIERS
from .coref import PART_DETERMINERS as _PART_DETERMINERS
from .coref import PART_NOUNS
from .coref import PLAYING_WORDS as _PLAYING_WORDS
from .coref import POSSESSIVES as _POSSESSIVES
from .coref import SUBJECT_PRONOUNS as _SUBJECT_PRONOUNS
from .coref import after_as as _after_as
from .coref import makers_possessive as _makers_possessive
from .coref import pronoun_antecedents as _pronoun_mentions
from .coref import work_after_modifiers as _work_after_modifiers
from .util import (
    CLOSING_QUOTES,
    FEATURING,
    OPENING_QUOTES,
    Offices,
    as_clause_subject,
    canonical,
    doc_text,
    fact_entries,
    heading_entries,
    headline_span,
    list_entries,
    main_work,
    nearest,
    norm_key,
    section_work,
    span_dict,
    string_ids,
    title_case_headings,
    tokens_with,
    topic_work,
)
from .util import FACT_ROLES as _FACT_ROLES

_NAME = re.compile(r"^[A-Z][\w'’.-]*$")


@Language.factory(
    "entertainment_credits",
    default_config={"roles": "roles.json", "window": 3},
    assigns=["doc._.credits", "doc._.people", "doc._.awards"],
    requires=["doc._.people", "doc._.works", "token.is_sent_start"],
)
def make_credit_finder(nlp: Language, name: str, roles: str, window: int) -> "CreditFinder":
    return CreditFinder(nlp, name, roles=roles, window=window)


class CreditFinder(Component):
    def __init__(self, nlp: Language, name: str, *, roles: str, window: int) -> None:
        self.name = name
        r = load_json(roles)

        def toks(phrase: str) -> tuple[str, ...]:  # tokenised as the text will be: "co-writer" -> co - writer
            return tuple(t.lower_ for t in nlp.make_doc(phrase))

        self.noun_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.plural_nouns: set[str] = set()
        for role, words in r["nouns"].items():
            forms = set(words)
            for w in words:  # "producer" -> "producers", "band member" -> "band members": plural forms
                if not w.endswith("s"):
                    forms.add(w + "s")
                    self.plural_nouns.add(w.split()[-1] + "s")
                elif w[:-1] in words:
                    self.plural_nouns.add(w.split()[-1])
            self.noun_matcher.add(role, [nlp.make_doc(w) for w in sorted(forms)])
        self.by_phrases = _index(sorted(((toks(p), role) for role, ps in r["by_phrases"].items() for p in ps),
                                        key=lambda x: -len(x[0])), -1)
        self.verbs = _index(sorted(((toks(p), role) for role, ps in r["verbs_after"].items() for p in ps),
                                   key=lambda x: -len(x[0])), 0)
        self.verbs_far = _index(sorted(((toks(p), role) for role, ps in r.get("verbs_far", {}).items() for p in ps),
                                       key=lambda x: -len(x[0])), 0)
        self.list_joiners = [toks(p) for p in r.get("list_joiners", [])]
        self.award_roles = [(w, role) for role, ws in r.get("award_category_roles", {}).items() for w in ws]
        self.music_awards = {e["award"] for e in load_jsonl("awards.jsonl") if e.get("field") == "music"}
        self.possessive_work_roles = r.get("possessive_work_roles", {})
        self.craft = {w: role for role, ws in r.get("possessive_nouns", {}).items() for w in ws}
        self.offices = Offices(r)
        self.work_nouns = {w: role for role, ws in r.get("possessive_work_nouns", {}).items() for w in ws}
        self.subject_cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.subject_cues.add("SUBJECT", [nlp.make_doc(p) for p in r.get("subject_cues", [])])
        self.character_by = {toks(p) for p in r.get("character_by", [])}
        self.window = window
        self.first_names = load_words("first_names.txt")
        # one-word cue words of each kind ("film", "album", "novel"), by medium: what a page is mostly about
        self.medium_words = {w: _MEDIUM_OF_KIND.get(kind, kind) for kind, ws in load_json("work_kinds.json").items()
                             for w in ws if " " not in w and "-" not in w}
        self.medium_ids = string_ids(self.medium_words)  # the words are lower case: their text ids

    def process(self, doc: Doc) -> Doc:
        people = {p["name"]: p for p in doc._.people or []}
        credits: list[dict] = []
        seen: set[tuple] = set()
        person_spans = sorted(doc.spans.get("people", []), key=lambda s: s.start)
        person_tokens = {t.i: s for s in person_spans for t in s}
        work_tokens = {t.i for s in doc.spans.get("works", []) for t in s}
        nouns = self._role_nouns(doc)

        work_kind = {norm_key(w["title"]): w.get("kind") for w in doc._.works or []}
        sections: dict[int, Span | None] = {}  # evidence start -> the work its subheading names

        def credit(person: str, role: str, work: str | None, character: str | None, evidence: Span) -> None:
            p = people.get(person)
            if p is None:
                return
            if work and role not in _ROLES_OF_KIND.get(work_kind.get(norm_key(work)) or "", (role,)):
                work = None  # a producer of a tour, an actor of an album: the role holds, the work does not
            if work:
                # under the subheading "Wake Up Dead Man: A Knives Out Mystery", "Rian Johnson's third Knives Out
                # mystery" is the section's film: a title inside the section's title stands for it
                if evidence.start_char not in sections:
                    sections[evidence.start_char] = section_work(doc, evidence)
                home = sections[evidence.start_char]
                if home is not None:
                    whole, part = norm_key(canonical(home)), norm_key(work)
                    if whole != part and f" {part} " in f" {whole} ":
                        work = canonical(home)
            if role not in p["roles"]:
                p["roles"].append(role)
            key = (person, role, norm_key(work or ""), norm_key(character or ""))
            if key in seen:
                return
            seen.add(key)
            credits.append({"person": person, "role": role, "work": work, "character": character,
                            "evidence": span_dict(evidence, self.name)})

        topic = topic_work(doc)
        found: dict[int, list[tuple]] = {}  # mention start -> its cues, for lists joined by "along with"
        work_at = {w.start: w for w in doc.spans.get("works", [])}
        weak = self._model_only_titles(doc)
        entries = list_entries(doc)
        listed = {e.start for e in entries}
        name_titles = frozenset(t.i for w in doc.spans.get("works", []) if norm_key(w.text) in weak
                                and (w[0].lower_ in self.first_names or len(w) == 1) and w.start_char not in listed
                                for t in w)
        ctx = _Context(doc, person_tokens, work_tokens, nouns, work_at, name_titles)
        def take(name: str, cues: list[tuple], sent: Span) -> None:
            for role, character, cue, direction in cues:
                if character and norm_key(character) == norm_key(name):
                    character = None
                works = [None] if direction == "none" else \
                    self._works_for(doc, cue, "any" if direction == "screen" else direction, topic, nouns)
                if direction == "screen":  # a copula casting needs a film or show to be about
                    works = [w for w in works if work_kind.get(norm_key(w or "")) in _SCREEN]
                if character and any(norm_key(w or "") == norm_key(character) for w in works):
                    # "W follows Souleymane (X)": the part's name the model also took for a title is not the
                    # work; the section's or the article's is
                    home = section_work(doc, cue)
                    works = [canonical(home) if home is not None else topic]
                for work in works:
                    if role == "musician" and direction == "before" and cue[0].lower_ not in _SCORE_WORDS \
                            and work_kind.get(norm_key(work or "")) in _SCREEN:
                        work = None  # "singer Ally Brooke" in a sentence about a TV show: a singer, not its composer
                    if role == "host" and work_kind.get(norm_key(work or "")) in ("film", "album", "song", "book"):
                        work = None  # "Host Jimmy Kimmel" at the Oscars hosts the ceremony, not the winning film
                    credit(name, role, work, character, sent)
                    if character and role == "actor":
                        self._add_character(doc, people, character, work, cue)

        def acts(name: str) -> bool:
            return bool({"actor", "character"} & set(people.get(name, {}).get("roles", ())))

        gathered = []
        for mention in person_spans:
            if _cast_here(doc, mention, person_tokens):
                continue
            cues = list(self._cues(ctx, mention))
            if not cues:
                cues = list(self._joined_cues(ctx, mention, person_spans, found))
            found[mention.start] = cues
            gathered.append((mention, cues))
        # "Harvey Keitel, Tim Roth and a wonderfully twitchy Steve Buscemi as Mr. Pink make ...": a cast list
        # whose last member is given a part; the others act in the same work, their parts unnamed
        for n, (mention, cues) in enumerate(gathered):
            if cues:
                continue
            nxt = _next_in_list(doc, mention, person_tokens)
            while nxt is not None and not found.get(nxt.start):
                nxt = _next_in_list(doc, nxt, person_tokens)
            if nxt is not None:
                cast = [(role, None, cue, d) for role, ch, cue, d in found[nxt.start] if role == "actor" and ch
                        and cue.start == nxt.start and doc[cue.end - 1].lower_ == "as"]
                gathered[n] = (mention, cast[:1])
        # "X plays Adam, a lonely screenwriter", "X plays Rose-Lynn Harlan in W", "playing Y opposite Z": a
        # name another cue of the sentence casts as a part is that part; its own cues describe the
        # character, not a real credit
        parts = {(m.sent.start, norm_key(ch)) for m, cues in gathered for _, ch, _, _ in cues if ch}
        for mention, cues in gathered:
            if (mention.sent.start, norm_key(canonical(mention))) not in parts \
                    and not (mention.start > mention.sent.start and doc[mention.start - 1].lower_ in _PLAYING_WORDS):
                take(canonical(mention), cues, mention.sent)
        # "she stars alongside ...", "he would reprise his role as Y": a subject pronoun stands for its
        # antecedent; "his"/"her" are makers' possessives below
        pronouns = _pronoun_mentions(doc, person_spans, work_at)
        for pron, antecedent in pronouns:
            if pron[0].lower_ in _SUBJECT_PRONOUNS:
                take(canonical(antecedent), list(self._cues(ctx, pron)), pron.sent)
        # "Chris Pine's Captain James T. Kirk": an actor's possessive before a name is the character; so is
        # the possessive of someone the text gives no role before a full name the model alone took for a
        # title or a person ("Michael Caine's Charlie Croker"), but not before a title from markup
        model_only = {t.i for s in doc.spans.get("works", []) if norm_key(s.text) in weak for t in s}
        loose = ctx.with_work_tokens(work_tokens - model_only)  # model-only titles may be names
        found_parts: list[tuple[str, str, Span, Span]] = []
        pending: list[tuple[str, str, Span, Span]] = []
        for mention in person_spans:
            name = canonical(mention)
            had = people.get(name, {}).get("roles", ())
            if "actor" in had:
                character, cue = self._possessive_character(ctx, mention)
            elif not had:
                character, cue = self._possessive_character(loose, mention)
                words = (character or "").split()
                if len(words) < 2 or mention.start > 0 and doc[mention.start - 1].lower_ == "by":
                    continue  # "choreographed by John Wick's Chad Stahelski": the agent is a real person
                if words[0].casefold() not in self.first_names:
                    if cue.end - 1 in person_tokens and person_tokens[cue.end - 1] is not mention:
                        pending.append((name, character, cue, mention))  # a name the model tagged: see below
                    continue
            else:
                continue
            if character:
                found_parts.append((name, character, cue, mention))
        # "George Clooney's Danny Ocean and Brad Pitt's Rusty Ryan": beside a possessive part, another
        # possessive before a name the model tagged is one too
        cast_sents = {m.sent.start for _, _, _, m in found_parts}
        found_parts += [p for p in pending if p[3].sent.start in cast_sents]
        for name, character, cue, mention in found_parts:
            for work in self._works_for(doc, cue, "any", topic):
                credit(name, "actor", work, character, mention.sent)
                self._add_character(doc, people, character, work, cue)
        # "Cillian Murphy won best actor for Oppenheimer": an acting, directing or writing award is a credit
        model_people = {e.text: e for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
        for a in doc._.awards or []:
            role = self._award_role(a.get("category"), a.get("award"))
            if role is None and a.get("award") not in self.music_awards and _FOR_A_PART.search(a["evidence"]["text"]):
                role = "actor"  # "an upset winner for her role as a TV anchor in W"
            single = model_people.get(a.get("recipient") or "")
            if role and single is not None and a["recipient"] not in people:
                # "Best Pop Solo Performance: Adele": a one-word name the model tags PERSON, dropped for want
                # of support, is a person once an award names it recipient
                people[a["recipient"]] = {"name": a["recipient"], "aliases": [], "roles": [],
                                          "mentions": [span_dict(single, self.name)]}
            if role and a.get("recipient") in people:  # the role holds even where the work is not named
                ev = doc.char_span(a["evidence"]["start"], a["evidence"]["end"], alignment_mode="expand")
                if ev is not None:
                    credit(a["recipient"], role, a.get("work"), None, ev)
        # "Hayao Miyazaki's The Boy and the Heron": a maker's possessive right before a work of known kind
        # ("Rian Johnson's third all-star Knives Out mystery", "his classic 1984 mockumentary This Is Spinal
        # Tap"), unless the text gives that person an acting part: an actor's possessive is not authorship
        titles_kind = _usual_kind(work_kind.values())
        usual = titles_kind or self._page_medium(doc)
        guessed = {t for t, k in work_kind.items() if k in (None, "other")} if usual else set()
        owners = [(m, m, m.end + 1) for m in person_spans
                  if m.end + 1 < len(doc) and doc[m.end].lower_ in ("'s", "’s")]
        owners += [(pron, ante, pron.end) for pron, ante in pronouns if pron[0].lower_ in _POSSESSIVES]
        # "Justine Triet, whose Anatomy of a Fall took the Palme": a relative possessive, read like "his"
        owners += [(doc[m.start:m.end + 2], m, m.end + 2) for m in person_spans
                   if m.end + 2 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].lower_ == "whose"]
        # "the Sean Penn film The Comedian", "the Heinlein novel": a name used as a modifier of a work noun
        owners += [(m, m, m.end) for m in person_spans if m.start > 0 and doc[m.start - 1].lower_ in ("the", "a", "an")
                   and m.end + 1 < len(doc) and doc[m.end].is_lower and doc[m.end].lower_ in self.work_nouns]
        for owner, who, k in owners:
            w = _work_after_modifiers(doc, k, work_at, owner.sent)
            name = canonical(who)
            if w is None:  # "Greta Gerwig's candy-coloured comedy", "Director X's sequel": the work it refers to
                noun = self._work_noun_after(doc, k, owner.sent)
                if noun is None or _possessive_of_org(who, self.first_names) or acts(name):
                    continue
                ref = _apposed_work(doc, owner, work_at)
                works = [canonical(ref)] if ref is not None else self._works_for(doc, doc[owner.start:noun[0] + 1], "any", topic)
                for work in works:
                    if work:
                        credit(name, noun[1], work, None, owner.sent)
                continue
            title = norm_key(canonical(w))
            # the noun before the title says ("his 1984 mockumentary 'X'", "X's 1983 British television drama
            # W" even where W is also a film), else the title's kind
            role = next((self.work_nouns[t.lower_] for t in doc[k:w.start] if t.lower_ in self.work_nouns), None)
            medium = next((_MEDIUM_ROLES[t.lower_] for t in doc[k:w.start] if t.lower_ in _MEDIUM_ROLES), None)
            role = (medium if medium and role == "director" else role) \
                or self.possessive_work_roles.get((usual if title in guessed else work_kind.get(title)) or "")
            indirect = w.start > k or owner is not who or title in guessed
            if not role or _possessive_of_org(who, self.first_names) or indirect and acts(name):
                continue
            credit(name, role, canonical(w), None, owner.sent)
        # "Crown of Salt by Tania Herrero", "'Only One', by PJ Morton and Ana Pereira": the maker(s) right
        # after a title, by the title's kind (a title of unknown kind on a page of no clear kind: a writer)
        person_at = {m.start: m for m in person_spans}
        for w in work_at.values():
            for who in _by_makers(doc, w, person_at):
                name = canonical(who)
                title = norm_key(canonical(w))
                kind = usual if title in guessed else work_kind.get(title)
                role = self.possessive_work_roles.get(kind or "")
                if role is None and not usual and kind in (None, "other"):
                    role = "writer"
                if role and not acts(name) and not _possessive_of_org(who, self.first_names):
                    credit(name, role, canonical(w), None, w.sent)
        # "PJ Morton – 'Only One' (Ft. Stevie Wonder)": a song's artist before a dash and its featured artists
        for w in work_at.values():
            featured = _featured_after(doc, w, person_at)
            if featured:
                lead = _artist_before(doc, w, person_spans)
                for who in ([lead] if lead is not None else []) + featured:
                    credit(canonical(who), "musician", canonical(w), None, w.sent)
        # "he turned up as the blind hermit in Mel Brooks's Young Frankenstein": an actor who is the only
        # person a sentence with an acting word names acts in the works it puts after "in"
        for name, work, sent in _acted_in(doc, person_spans, pronouns, work_at):
            if "actor" in people.get(name, {}).get("roles", ()):
                credit(name, "actor", work, None, sent)
        # "Groff took best leading actor in a musical for playing Franklin Shepard": the part goes to the
        # person the clause is about, however far back
        for name, character, cue in self._playing_parts(doc, person_spans, person_tokens, work_tokens, pronouns, work_at):
            if character and norm_key(character) != norm_key(name):
                for work in self._works_for(doc, cue, "after", topic):
                    credit(name, "actor", work, character, cue.sent)
                    self._add_character(doc, people, character, work, cue)
        # "Anora (Sean Baker)" in a lineup: the maker; "Fortnight (feat. Post Malone)": a featured musician
        by_start = {m.start_char: m for m in person_spans}
        for e in entries:
            m = by_start.get(e.name_start)
            if m is None or m.end_char != e.name_end:
                continue
            kind = work_kind.get(norm_key(e.title))
            role = "musician" if e.featured or kind in ("song", "album") else \
                "creator" if kind in ("tv_series", "miniseries") else "director"
            credit(canonical(m), role, e.title, None, m.sent)
        # "The Forget-Me-Not Library / Author: Heather Webber": each fact block credits the title above it
        for title, start, end, facts in fact_entries(doc):
            ev = doc.char_span(start, end, alignment_mode="expand")
            for f in facts:
                role = _FACT_ROLES.get(f.key.casefold())
                if role and ev is not None:
                    for name in (p for p in people if p in f.value):
                        credit(name, role, title, None, ev)
        # "Fallout's Ella Purnell", "Silicon Valley's Kumail Nanjiani": a film's or show's possessive before a
        # full name is one of its cast (a title of no known kind counts on a page mostly about films and shows)
        screen_page = titles_kind in _SCREEN
        for m in person_spans:
            k = m.start - 1
            w = ctx.work_ends.get(k) if k > 0 and doc[k].lower_ in ("'s", "’s") and len(m) > 1 else None
            kind = work_kind.get(norm_key(canonical(w))) if w is not None else None
            if w is not None and (kind in _SCREEN or kind in (None, "other") and screen_page):
                credit(canonical(m), "actor", canonical(w), None, m.sent)
        # "The former 'Dawson's Creek' star, 42, was voted off": the epithet stands for the headline's person
        for who, w, cue in _title_epithets(doc, person_spans, work_at):
            credit(who, "actor", canonical(w), None, cue.sent)
        # "Steve Davis & Gaz Williams <em>Shipwreck</em>" as an album list's subheading: the musicians; a list
        # is all of one kind, so one album or song among its titles makes it a list of records
        headed = heading_entries(doc)
        if any(work_kind.get(norm_key(e.title)) in ("song", "album") for e in headed):
            heads = sorted(s.start for s in getattr(doc._.clean, "spans", None) or () if s.kind == "heading")
            for e in headed:
                artists = [m for m in person_spans if e.name_start <= m.start_char and m.end_char <= e.name_end]
                for m in artists:
                    credit(canonical(m), "musician", e.title, None, m.sent)
                # the songs the review under the heading names are the artist's ("'La Perla', 'Berghain'"),
                # unless another musician's possessive or name comes right before ("Madonna's 'Frozen'")
                if len(artists) != 1:
                    continue
                end = next((h for h in heads if h > e.end), len(doc_text(doc)))
                for w in work_at.values():
                    quoted = w.start > 0 and doc[w.start - 1].text in OPENING_QUOTES
                    if not (e.end < w.start_char < end) or work_kind.get(norm_key(canonical(w))) not in (
                            ("song", "album", "other", None) if quoted else ("song", "album")):
                        continue
                    near = {canonical(person_tokens[k]) for k in range(max(0, w.start - 4), w.start) if k in person_tokens}
                    after = w.end + 1 if w.end < len(doc) and doc[w.end].text in CLOSING_QUOTES else w.end
                    if after + 1 < len(doc) and doc[after].text == "(" and after + 1 in person_tokens:
                        near.add(canonical(person_tokens[after + 1]))  # "'Face Lix' (Bean)": another's
                    if near - {canonical(artists[0])}:
                        continue
                    credit(canonical(artists[0]), "musician", canonical(w), None, w.sent)
        self._subjects(doc, people, person_spans)
        # "Top 100 Metal Vocalists of All Time" over "01. Robert Plant / 02. Rob Halford / ...": the people a
        # ranked list names, one per line, hold the headline's plural role noun
        ranked_role = self._headline_plural_role(doc, nouns)
        if ranked_role is not None:
            ranked = [m for m in person_spans if _ranked_line(doc, m)]
            if len(ranked) >= 3:
                for m in ranked:
                    roles = people.get(canonical(m), {}).get("roles")
                    if roles is not None and ranked_role not in roles:
                        roles.append(ranked_role)
        for mention in self._cast_sections(doc, person_spans):
            name = canonical(mention)
            if name in people and not people[name]["roles"]:
                for work in self._works_for(doc, mention, "any", topic, nouns):
                    credit(name, "actor", work, None, mention.sent)
        # a profile or obituary: the person the headline names and the article keeps coming back to has
        # the role the text gives them in the works of that role's kind that sentences naming only them
        # put beside them ("The 80s brought Hoosiers and Mississippi Burning, which gave Hackman ...")
        for name, role, work, sent in _profile_works(doc, credits, person_spans, pronouns, work_at, work_kind):
            credit(name, role, work, None, sent)
        main = main_work(doc)
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
        # a name the model took for a title but the text casts as a character ("Tom Cruise as Ethan Hunt")
        characters = {norm_key(p["name"]) for p in people.values() if "character" in p["roles"]}
        doc._.works = [w for w in doc._.works or [] if norm_key(w["title"]) not in characters & weak]
        doc._.credits = credits
        self._award_makers(doc, credits)
        return doc

    def _page_medium(self, doc: Doc) -> str | None:
        """The kind of work a page is plainly about when its titles' kinds do not say: the medium whose words
        ("film", "cinemas", "album", "novel") the text uses at least five times and twice as often as any other."""
        counts = Counter(self.medium_words[doc[i].text] for i in tokens_with(doc, orth=self.medium_ids))
        top = counts.most_common(2)
        if not top or top[0][1] < 5 or len(top) > 1 and top[0][1] < 2 * top[1][1]:
            return None
        return top[0][0]

    def _award_makers(self, doc: Doc, credits: list[dict]) -> None:
        """"Oppenheimer won best director": a directing, writing or music award a work won goes to the one
        person credited with that role on it (for music, or named for it by another award of the same body)."""
        awards = doc._.awards or []
        for a in awards:
            role = self._award_role(a.get("category"), a.get("award"))
            if role not in ("director", "writer", "musician") or not a.get("recipient") or a["recipient"] != a.get("work"):
                continue
            makers = {c["person"] for c in credits if c["role"] == role and c["work"]
                      and norm_key(c["work"]) == norm_key(a["work"])}
            if role == "musician":  # "Midnights also won album of the year", after Swift won another for it
                makers |= {o["recipient"] for o in awards if o is not a and o["award"] == a["award"]
                           and o.get("work") and norm_key(o["work"]) == norm_key(a["work"])
                           and o["recipient"] and o["recipient"] != o["work"]}
            if len(makers) == 1:
                a["recipient"] = makers.pop()

    @staticmethod
    def _model_only_titles(doc: Doc) -> set[str]:
        """Titles only the entity model found (no markup, pattern, fact or JSON-LD source)."""
        return {norm_key(w["title"]) for w in doc._.works or []
                if all(m["source"].endswith(":ner") for m in w["mentions"])}

    def _award_role(self, category: str | None, award: str | None = None) -> str | None:
        if not category:
            return None
        words = set(re.findall(r"[a-z]+", category.casefold()))
        if award in self.music_awards:  # a Grammy's "performance" is a musician's, not an actor's
            return "producer" if "producer" in words else "musician"
        for w, role in self.award_roles:
            if w in words:
                return role
        return None

    def _cast_sections(self, doc: Doc, person_spans: list[Span]):  # noqa: ANN202
        """People named under a cast subheading ("The cast: unforgettable performances", "Who's in it")."""
        clean = doc._.clean
        heads = sorted((s for s in getattr(clean, "spans", []) or [] if s.kind == "heading"), key=lambda s: s.start)
        for k, h in enumerate(heads):
            if not _CAST_HEADING.search(doc_text(doc)[h.start:h.end]):
                continue
            end = heads[k + 1].start if k + 1 < len(heads) else len(doc_text(doc))
            yield from (m for m in person_spans if h.end <= m.start_char < end)

    def _subjects(self, doc: Doc, people: dict[str, dict], person_spans: list[Span]) -> None:
        """Real people a work depicts: named in a sentence that says so ("the true story of A, B and C",
        "based on the life of X") and given no other role there; marked `subject` (a role, not a credit)."""
        sents = {doc[s].sent.start for _, s, _ in self.subject_cues(doc)}
        for m in person_spans:
            if m.sent.start not in sents:
                continue
            p = people.get(canonical(m))
            if p is not None and not set(p["roles"]) - {"character", "subject"}:
                if "subject" not in p["roles"]:
                    p["roles"].append("subject")

    # --------------------------------------------------------------- cues
    def _role_nouns(self, doc: Doc) -> dict[int, tuple[int, str, bool]]:
        """Role nouns by their end token: end -> (start, role, plural); the longest wins."""
        out: dict[int, tuple[int, str, bool]] = {}
        for match_id, s, e in self.noun_matcher(doc):
            if e not in out or s < out[e][0]:
                out[e] = (s, doc.vocab.strings[match_id], doc[e - 1].lower_ in self.plural_nouns)
        for e, (s, role, plural) in list(out.items()):
            if role in ("director", "executive"):
                office = self.offices.role(doc, s, e)
                if office is not None and office[0]:
                    out[e] = (office[1], office[0], plural)
                elif office is not None:
                    del out[e]  # a craft: no role of the vocabulary
        return out

    def _cues(self, ctx: "_Context", m: Span):  # noqa: ANN202
        doc, person_tokens, work_tokens, nouns = ctx.doc, ctx.person_tokens, ctx.work_tokens, ctx.nouns
        sent = m.sent
        if self._is_listed_part(ctx, m, sent):
            return
        # start of the list the name is in: "Tom Johnston and Patrick Simmons", "A and Silicon Valley's B"
        j = m.start
        while j - 1 >= sent.start:
            if doc[j - 1].text in (",", "and", "&") or (j - 1) in person_tokens:
                j -= 1
            elif doc[j - 1].lower_ in ("'s", "’s") and j - 1 in ctx.work_ends and ctx.work_ends[j - 1].start >= sent.start:
                j = ctx.work_ends[j - 1].start  # "a debut from Key & Peele's Jordan Peele": the name's epithet
            else:
                break
        # role noun right before the name: "director X", "Legion creator X", "an actor called X",
        # "singer-keyboardist X"; a plural noun covers the list: "Singer-guitarists A and B"
        end = m.start - 1 if m.start - 1 >= sent.start and doc[m.start - 1].lower_ in ("called", "named") else m.start
        hit = nouns.get(end)
        if hit is None and j < m.start and nouns.get(j, (0, "", False))[2]:
            hit, end = nouns[j], j
        if hit is not None and hit[0] >= sent.start:
            yield hit[1], None, doc[hit[0]:m.end], "before"
            # "writer-director X", "actor/producer X": the first half's role too
            first = nouns.get(hit[0] - 1) if hit[0] - 1 > sent.start and doc[hit[0] - 1].text in ("-", "/") else None
            if first is not None and first[1] != hit[1] and first[0] >= sent.start:
                yield first[1], None, doc[first[0]:m.end], "before"
        # a blurb's signature line: "– Kyle Hughes, Writer" under a reviewer's quote is a critic, of no work
        if _signature_line(doc, m) and any(t.lower_ in _CRITIC_TITLES for t in doc[m.end:sent.end]):
            yield "critic", None, doc[m.start - 1:sent.end], "none"
            return
        # apposition after: "Lorne Michaels, the legendary SNL producer," / "X, her friend and co-writer," /
        # "Tom Vale — a young British filmmaker hot off ... —"
        if m.end + 1 < sent.end and doc[m.end].text in (",", "—", "–") and doc[m.end + 1].lower_ not in _NOT_APPOSITION:
            for t in doc[m.end + 1:min(sent.end, m.end + 8)]:
                if t.i in person_tokens or (t.is_punct and t.text != "-") or t.lower_ in ("who", "which", "that", "whose", "with", "on", "in", "about") \
                        or t.lower_ in _PLAYING_WORDS:
                    break  # "X, playing a character modeled on the author Y": a clause, not an apposition
                if t.i + 1 in nouns and not (t.i + 1 < sent.end and doc[t.i + 1].text == "-"):
                    yield nouns[t.i + 1][1], None, doc[m.start:t.i + 1], "any"
                    break
        # by-phrase before the name or before the list the name is in ("featuring icons like X")
        k0 = j
        if k0 - 1 >= sent.start and doc[k0 - 1].lower_ in ("like", "including"):
            k0 -= 1
            while k0 - 1 >= sent.start and k0 > j - 5 and doc[k0 - 1].is_alpha and doc[k0 - 1].is_lower \
                    and not any(self._phrase_ends(doc, k0, sent)):
                k0 -= 1
        if not any(self._phrase_ends(doc, k0, sent)):
            # "written by real-life married couple X", "directed by first-time filmmaker X"
            k1 = k0
            while k1 - 1 >= sent.start and k0 - k1 < 6 and (doc[k1 - 1].is_lower and doc[k1 - 1].is_alpha or doc[k1 - 1].text == "-") \
                    and doc[k1 - 1].lower_ not in _CLAUSE_BREAKS:
                k1 -= 1
                if any(self._phrase_ends(doc, k1, sent)):
                    k0 = k1
                    break
        for phrase, role in self._phrase_ends(doc, k0, sent):
            character = None
            if phrase in self.character_by:  # "Megan, played by Melissa McCarthy"
                b = k0 - len(phrase)
                name = _name_before(doc, self._skip_back(doc, b, sent), sent, {}, work_tokens, initial_ok=True)
                # "Arthur, a gentle American writer played by X": over the description to the name before it
                c = next((t for t in range(b - 1, max(sent.start, b - 8), -1) if doc[t].text == ","), None)
                if name is None and c is not None and doc[c + 1].lower_ in ("a", "an", "the") \
                        and not any(t.is_punct for t in doc[c + 1:b]):
                    name = _name_before(doc, c, sent, {}, work_tokens, initial_ok=True)
                character = canonical(name)
            yield role, character, doc[k0 - len(phrase):m.end], "before"
            break
        # verb after the name or after the list it ends: "X directed", "A, B and C return", "X, who directed"
        i = m.end
        while i < sent.end and (doc[i].text in (",", "and", "&") and i + 1 in person_tokens or i in person_tokens):
            i += 1
        joiners = {t.lower_ for t in doc[m.end:i] if t.i not in person_tokens}
        comma_only = joiners == {","}  # "with director X, Y plays ...": a clause boundary, not a list
        contracted = i < sent.end and doc[i].lower_ in ("'s", "’s")
        if contracted:
            i += 1
        if i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in ("who", "which"):
            i += 2
        elif i + 1 < sent.end and doc[i].lower_ == "who" and not contracted:  # "star X who plays Colin"
            i += 1
        verb = self._verb_at(doc, i, sent, self.verbs)
        if verb is not None and contracted and not doc[verb[0]].lower_.endswith(("ing", "ed")):
            verb = None  # "X's starring", "X's directed" ("is", "has"); "X's play about a band" is a noun
        far = False
        if verb is None:  # "X is in final talks to write and direct it", "X, best known for creating Y"
            verb, far = self._verb_near(ctx, i, sent), True
            if verb is not None and contracted and doc[verb[0] - 1].lower_ != "to" and verb[1][0] not in ("to", "will"):
                verb = None  # "X's set to direct"; "Norman's calming voice" is a noun
        if verb is not None and verb[2] in ("creator", "writer", "producer", "director") \
                and _object_is_not_a_work(doc, verb[0] + len(verb[1]), sent, work_tokens, self.work_nouns):
            verb = None  # "inspired to create the website", "wrote a letter": the object is not a work
        if verb is not None and comma_only and doc[verb[0]].lower_.endswith("s"):
            verb = None  # "In a collaboration with director X, Y plays ...": the verb is Y's alone
        if verb is not None and i == m.end and j == m.start and verb[0] == i and doc[i].lower_ in _NOUN_LIKE_VERBS:
            verb = None  # "a lost Christopher Marlowe play", "a Netflix star": a name before a base form is a modifier
        if verb is not None and verb[1][-1].startswith("appear"):
            q = verb[0] + len(verb[1])
            if not (q < sent.end and doc[q].lower_ in ("in", "on", "as", "alongside", "opposite")):
                verb = None  # "X appeared at Paris Fashion Week": appearing is acting only in a work or a part
        if verb is not None:
            p, phrase, role = verb
            character = self._character_after(doc, p + len(phrase), sent, person_tokens, work_tokens) \
                if role == "actor" and phrase[-1] not in _PARTNER_WORDS else None  # "opposite X": a co-star
            yield role, character, doc[m.start:p + len(phrase)], "after"
            q = p + len(phrase)
            if q + 1 < sent.end and doc[q].lower_ == "and":  # "to write and direct"
                more = self._verb_at(doc, q + 1, sent, self.verbs_far if far else self.verbs)
                if more is not None:
                    yield more[2], None, doc[m.start:more[0] + len(more[1])], "after"
        # "X was head writer", "X is a producer"
        if i < sent.end and doc[i].lower_ in ("is", "was", "became", "becomes", "remains", "has", "had"):
            for t in doc[i + 1:min(sent.end, i + 5)]:
                if t.is_punct and t.text != "-" or t.lower_ in _NOT_PREDICATE:
                    break  # "X was eliminated in what host Y described": the noun is another clause's
                if t.i + 1 in nouns and not (t.i + 1 < sent.end and doc[t.i + 1].text == "-"):
                    yield nouns[t.i + 1][1], None, doc[m.start:t.i + 1], "any"
                    break
        # "Denzel Washington is hostage negotiator Keith Frazier", "Clive Owen is the robber Dalton Russell":
        # a review casting by copula; it holds only where the cue's work is a film or show (`take`)
        if i + 1 < sent.end and doc[i].lower_ in ("is", "was"):
            d = i + 2 if doc[i + 1].lower_ in ("the", "a", "an") else i + 1
            k = _past_modifiers(doc, d, min(sent.end, d + 3))
            if k < sent.end and (k > d or k in person_tokens) and k not in nouns and doc[k].ent_type_ in ("", "PERSON"):
                ch = self._character_after(doc, k, sent, person_tokens, work_tokens)
                if ch:
                    yield "actor", ch, doc[m.start:k], "screen"
        # "Vanessa Kirby joining as Sue Storm", "X signs on as Y": one plain verb before "as" and a name
        if i + 3 < sent.end and doc[i].lower_ in ("is", "was", "will", "has", "had", "be", "been") \
                and doc[i + 1].is_lower and doc[i + 2].lower_ == "as":
            i += 1  # "X is joining as Y"
        # "Jesse Plemons arrives late as Tom White", "X turns up as Y": one or two plain words before "as"
        for gap in (1, 2):
            a = i + gap
            if a + 1 < sent.end and doc[a].lower_ == "as" and all(
                    t.is_lower and t.is_alpha and t.lower_ not in _CLAUSE_BREAKS and t.lower_ not in _NOT_MODIFIERS
                    and t.lower_ not in _NOT_CASTING and t.lower_ != "so" for t in doc[i:a]):
                ch = self._part_after_as(ctx, a, sent)
                if ch:
                    yield "actor", ch, doc[m.start:a + 1], "any"
                break
        # "X featured in the first two episodes as Tess", "X appears briefly in the finale as Y": an acting
        # verb, then a short phrase without a break, then "as" and a name
        if i < sent.end and doc[i].lower_ in _APPEARING_VERBS:
            a = next((t.i for t in doc[i + 1:min(sent.end, i + 9)] if t.lower_ == "as"), None)
            if a is not None and a > i + 2 and not any(
                    t.is_punct or t.i in person_tokens or t.lower_ in _CLAUSE_BREAKS for t in doc[i + 1:a]):
                ch = self._part_after_as(ctx, a, sent)
                if ch:
                    yield "actor", ch, doc[m.start:a + 1], "any"
        # a caption or aside: "Wiig (left) and Rose Byrne in Bridesmaids.", "Jeremy Strong in Succession"
        k = i
        while k < sent.end and doc[k].text == "(" and k + 4 < sent.end and ")" in [t.text for t in doc[k + 1:k + 4]]:
            k = next(t.i for t in doc[k + 1:k + 4] if t.text == ")") + 1  # "(left)"
            while k < sent.end and (doc[k].text in (",", "and", "&") or k in person_tokens):
                k += 1
        if k + 1 < sent.end and doc[k].lower_ == "in" and k + 1 in ctx.work_at and not _after_as(m) \
                and not _played(doc, m, sent):  # "his turn as Y in W", "for playing chef Y in W": a part
            w_end = ctx.work_at[k + 1].end
            if w_end >= sent.end or doc[w_end].is_punct:
                yield "actor", None, doc[m.start:k + 1], "after"
        # "X, as the desperate Y, gives ...": a part set off by commas (not "X, as Y said, ...")
        if i + 2 < sent.end and doc[i].text == "," and doc[i + 1].lower_ == "as":
            ch = self._character_after(doc, i + 1, sent, person_tokens, work_tokens)
            after = doc_text(doc).find(ch, doc[i].idx) + len(ch) if ch else -1
            nxt = next((t for t in doc[i + 2:sent.end] if t.idx >= after), None) if after > 0 else None
            if nxt is not None and nxt.text in (",", ")", "in", "on"):
                yield "actor", ch, doc[m.start:i + 2], "any"
        # "X as Y"; "with X as the quarterback"; "A and B as Y and Z": each its own part, in order
        if i < sent.end and doc[i].lower_ == "as":
            ch = self._respective_part(ctx, m, i, sent) or self._character_after(doc, i, sent, person_tokens, work_tokens)
            if ch:
                yield "actor", ch, doc[m.start:i + 1], "any"
            elif m.start - 1 >= sent.start and doc[m.start - 1].lower_ == "with" and i + 1 < sent.end \
                    and doc[i + 1].lower_ in ("the", "a", "an"):
                yield "actor", None, doc[m.start - 1:i + 1], "any"
        # "DuVernay's direction", "Nolan's screenplay": a possessive before a craft noun
        if m.end + 1 < sent.end and doc[m.end].lower_ in ("'s", "’s"):
            k = m.end + 1
            while k < min(sent.end, m.end + 4) and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in self.craft:
                k += 1
            if k < sent.end and doc[k].lower_ in self.craft:
                yield self.craft[doc[k].lower_], None, doc[m.start:k + 1], "any"
        # "X's portrayal of Y"
        if m.end + 3 < sent.end and doc[m.end].lower_ in ("'s", "’s"):  # "X's seventh outing as Y"
            k = m.end + 1
            while k < min(sent.end - 1, m.end + 4) and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in _PART_NOUNS:
                k += 1
            if doc[k].lower_ in _PART_NOUNS and (k == m.end + 1 or doc[k + 1].lower_ in ("as", "of")):
                ch = self._character_after(doc, k + 1, sent, person_tokens, work_tokens)
                yield "actor", ch, doc[m.start:k + 1], "any"
        # "X would reprise his role as Y": the nearest person before "role as Y"
        for t in doc[m.end:min(sent.end, m.end + 12)]:
            if t.i in person_tokens:
                break
            if t.lower_ in ("role", "roles", "part") and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "as":
                ch = self._character_after(doc, t.i + 1, sent, person_tokens, work_tokens)
                if ch:
                    yield "actor", ch, doc[m.start:t.i + 2], "any"
                elif _has_a_part(doc, i, t.i):
                    yield "actor", None, doc[m.start:t.i + 1], "any"  # "has a small role as a defence lawyer"
                break
            if t.lower_ in _HELD_PARTS and _has_a_part(doc, i, t.i) and t.i + 1 < sent.end \
                    and doc[t.i + 1].lower_ in ("in", "on", "opposite", "alongside", ".", ",", ";"):
                yield "actor", None, doc[m.start:t.i + 1], "any"  # "X has a supporting role in W", "X had a cameo"
                break
        # "X picked up another trophy for his supporting role as a stunt man in W", "X was named best actress
        # for playing a lawyer in W": the part is X's when nobody else is named between them
        part_end = _part_phrase_end(doc, i, sent, person_tokens)
        # the work it is played in: "in (Netflix drama) W" before the clause ends
        at = None if part_end is None else next(
            (k for k in range(part_end, min(sent.end - 1, part_end + 10)) if doc[k].lower_ in ("in", "on")
             and any(q in ctx.work_at for q in range(k + 1, min(sent.end, k + 6)))), None)
        if at is not None and at < _clause(doc, doc[m.start:part_end])[1]:
            ch = self._character_after(doc, part_end, sent, person_tokens, work_tokens)
            k = part_end
            while k < at and doc[k].is_lower and doc[k].is_alpha:
                k += 1  # "for playing chef Y": a description, then the part's name
            if ch is None and k < at and k in person_tokens and person_tokens[k].end <= at:
                ch = canonical(person_tokens[k])
            if not any(t.i in person_tokens and not (ch and t.text in ch) for t in doc[part_end:at]):
                yield "actor", ch, doc[m.start:at + 1], "after"
        # "Character (Actor)", "a rookie (Actor)", "Johnny Rico (the square-jawed Actor)", "Bobby (a splendid,
        # warm Actor)", "the ghost (Actor, covered in a sheet)"
        closes = m.end < sent.end and doc[m.end].text == ")" or \
            m.start - 1 >= sent.start and doc[m.start - 1].text == "(" and m.end + 1 < sent.end and doc[m.end].text == "," \
            and doc[m.end + 1].is_lower and next((t.text for t in doc[m.end:sent.end] if t.text in ("(", ")")), None) == ")"
        if closes:
            k = m.start - 1
            while k >= max(sent.start, m.start - 7) and doc[k].text != "(" and (not doc[k].is_punct or doc[k].text == "-"
                                                                             or doc[k].text == "," and doc[k - 1].is_lower):
                k -= 1
            if any(t.text == "," for t in doc[k + 1:m.start]) and not (doc[k + 1].lower_ in ("a", "an", "the") and all(
                    t.is_lower or t.text in (",", "-") for t in doc[k + 1:m.start])):
                k = -1  # "(a splendid, warm X)" describes an actor; "(chapter 6, a review in Appendix B)" does not
            if k >= sent.start and any(t.lower_ in _EXAMPLE_WORDS for t in doc[k + 1:m.start]):
                k = -1  # "(including A and B)", "(such as B)": examples of what the sentence names, not a cast
            if k >= sent.start and doc[k].text == "(" and not (k - 1 in work_tokens and k - 1 not in ctx.name_titles
                                                               or doc[k - 1].text in CLOSING_QUOTES):
                # a name the model also took for a person counts only before an actor's full name; after a
                # title ("'Face Lix' (Bean)") the name in brackets is its maker, not a cast member, unless the
                # title is a given name only the model read as one ("Willa (Justine Lupe)")
                part = _name_before(doc, k, sent, person_tokens, work_tokens - ctx.name_titles, person_ok=len(m) > 1)
                if part is not None and len(part) > 1 and sent.start in ctx.nominees:
                    return  # "saw off Jessica Lange (Mother Play), Rachel McAdams (Mary Jane)": nominees and their works
                # the cue starts at the part's name: a title before it is what the cue is about
                yield "actor", canonical(part), doc[part.start if part is not None else k:m.end + 1], "any"

    def _phrase_ends(self, doc: Doc, j: int, sent: Span):  # noqa: ANN202
        """By-phrases ending right before token `j`, longest first."""
        if j - 1 < sent.start:
            return
        for phrase, role in self.by_phrases.get(doc[j - 1].lower_, ()):
            k = len(phrase)
            if j - k >= sent.start and tuple(t.lower_ for t in doc[j - k:j]) == phrase:
                yield phrase, role

    @staticmethod
    def _skip_back(doc: Doc, k: int, sent: Span) -> int:
        """Before a by-phrase, step over ',', '(', 'is', 'was' to where a character name would end."""
        while k - 1 >= sent.start and doc[k - 1].lower_ in (",", "(", "is", "was", "who", "will", "be", "being"):
            k -= 1
        return k

    @staticmethod
    def _verb_at(doc: Doc, i: int, sent: Span, verbs: dict[str, list]) -> tuple[int, tuple, str] | None:
        if i >= sent.end:
            return None
        for phrase, role in verbs.get(doc[i].lower_, ()):
            k = len(phrase)
            if i + k <= sent.end and tuple(t.lower_ for t in doc[i:i + k]) == phrase:
                return i, phrase, role
        return None

    def _verb_near(self, ctx: "_Context", i: int, sent: Span) -> tuple[int, tuple, str] | None:
        """A strong role verb a few plain words after the name, in the same clause, not 'directed by'."""
        doc = ctx.doc
        start = i
        if i < sent.end and doc[i].text == ",":
            i += 1
        while i < sent.end and i - start <= 8:
            tok = doc[i]
            if i in ctx.person_tokens or i in ctx.work_tokens or not tok.is_alpha or tok.lower_ in _CLAUSE_BREAKS:
                return None
            hit = self._verb_at(doc, i, sent, self.verbs_far)
            noun = ctx.nouns.get(i + len(hit[1])) if hit is not None else None
            if noun is not None and noun[0] < i:
                hit = None  # "joined forces with soul star Peabo Bryson": the word ends a role noun, no verb
            if hit is not None:
                end = i + len(hit[1])
                if end < sent.end and doc[end].lower_ == "by":
                    return None
                if hit[1][-1] not in _PARTNER_WORDS or end in ctx.person_tokens:  # "on the opposite side"
                    return hit
            i += 1
        return None

    def _joined_cues(self, ctx: "_Context", m: Span, person_spans: list[Span], found: dict[int, list]):  # noqa: ANN202
        """'Pine will be back, along with Zachary Quinto and Zoe Saldana': the list shares the roles of the
        person named before the joiner in the same sentence."""
        doc, sent = ctx.doc, m.sent
        j = m.start
        while j - 1 >= sent.start and (doc[j - 1].text in (",", "and", "&") or (j - 1) in ctx.person_tokens):
            j -= 1
        for phrase in self.list_joiners:
            k = len(phrase)
            if j - k >= sent.start and tuple(t.lower_ for t in doc[j - k:j]) == phrase:
                before = [p for p in person_spans if sent.start <= p.start and p.end <= j - k]
                if before:
                    for role, _, cue, direction in found.get(before[-1].start, []):
                        if role != "character":
                            yield role, None, cue, direction
                return
        # "X starred in W with Y", "X co-wrote W with Y": the partner after the work shares an acting or
        # writing verb, or any "co-" verb ("co-directed W with Y"); "directed W with Y" names a star, and
        # "with Y directing" gives Y a role of Y's own
        w = j - 3 if j - 3 >= sent.start and doc[j - 2].text in CLOSING_QUOTES else j - 2
        if w >= sent.start and doc[j - 1].lower_ == "with" and w in ctx.work_tokens \
                and not (m.end < sent.end and doc[m.end].lower_.endswith("ing")):
            before = [p for p in person_spans if sent.start <= p.start and p.end <= w]
            for role, _, cue, direction in found.get(before[-1].start, []) if before else []:
                if direction == "after" and (role in ("actor", "writer") or re.search(r"\bco-[a-z]", cue.text.lower())):
                    yield role, None, cue, direction

    @staticmethod
    def _headline_plural_role(doc: Doc, nouns: dict[int, tuple[int, str, bool]]) -> str | None:
        """The role of the one plural role noun in the headline ("Top 100 Metal Vocalists"), if any."""
        head = headline_span(doc)
        if head is None:
            return None
        roles = {role for end, (start, role, plural) in nouns.items()
                 if plural and head.start <= doc[start].idx and doc[end - 1].idx < head.end}
        return roles.pop() if len(roles) == 1 else None

    def _possessive_character(self, ctx: "_Context", m: Span) -> tuple[str | None, Span]:
        doc, sent = ctx.doc, m.sent
        i = m.end
        if not (i + 1 < sent.end and doc[i].lower_ in ("'s", "’s")):
            return None, m
        i += 1
        j = i
        while j < sent.end and j - i < 5 and _NAME.match(doc[j].text) and j not in ctx.work_tokens:
            if j in ctx.person_tokens and ctx.person_tokens[j] is m:
                return None, m
            j += 1
        if j - i < 1 or doc[i].lower_ in _NOT_CHARACTER or doc[i:j].text.isupper():
            return None, m
        if any(a <= m.start_char < b for a, b in ctx.caps_heads):
            return None, m  # "Fears Over Céline Dion’s Major Weight Loss": a Title Case headline capitalises anything
        if any(a.start < j and i < a.end for a in doc.spans.get("awards", [])) \
                or any(t.ent_type_ in ("AWARD", "ORG", "EVENT", "LOC") for t in doc[i:j]):
            return None, m  # "Gladstone's Golden Globe win", "Pine's Paramount contract"
        if j - i < 2 and i not in ctx.person_tokens:  # one word: only a name the model tagged
            return None, m
        text = re.sub(r"[’']s$", "", doc[i:j].text)
        return text, doc[m.start:j]

    def _playing_parts(self, doc: Doc, person_spans: list[Span], person_tokens: dict, work_tokens: set[int],  # noqa: ANN202
                       pronouns: list[tuple[Span, Span]], work_at: dict[int, Span]):
        """(actor, character, cue) for "playing X" ("won best actress for playing Toni Lafayette", "became a
        household name in 2020 playing Connell Waldron"): the actor is the last person
        named (or he/she standing for one) before it in the sentence who is not a part or a maker's
        possessive ("for Charlotte Wells's Aftersun, and he won ... for playing X": he)."""
        subject_pronouns = [(p, a) for p, a in pronouns if p[0].lower_ in _SUBJECT_PRONOUNS]
        for i in tokens_with(doc, _PLAYING_IDS):
            sent = doc[i].sent
            if i == sent.start:
                continue
            character = self._character_after(doc, i + 1, sent, person_tokens, work_tokens)
            if not character:
                continue
            who = [(m.start, m) for m in person_spans if sent.start <= m.start and m.end <= i and not _after_as(m)
                   and not _makers_possessive(m, work_at)
                   and not (m.start > 0 and doc[m.start - 1].lower_ in ("playing", "plays", "played"))]
            who += [(p.start, a) for p, a in subject_pronouns if sent.start <= p.start < i]
            if who:
                yield canonical(max(who, key=lambda x: x[0])[1]), character, doc[i:min(sent.end, i + 2)]
        # "As Buck Barrow, Clyde's genial older brother in W, he earned his first nomination": a sentence opening
        # with "As" and a part, then its subject
        for sent in doc.sents:
            if len(sent) < 6 or sent[0].lower_ != "as" or not _NAME.match(sent[1].text):
                continue
            character = self._character_after(doc, sent.start, sent, person_tokens, work_tokens)
            comma = next((t.i for t in sent[2:] if t.text == ","), None)
            if not character or comma is None or not all(_NAME.match(t.text) for t in doc[sent.start + 1:comma]):
                continue  # "As Gaiman put it, ...": a clause, not a part
            subjects = [(p.start, a) for p, a in subject_pronouns if comma < p.start < sent.end and doc[p.start - 1].text == ","]
            subjects += [(m.start, m) for m in person_spans if comma < m.start and m.end < sent.end and doc[m.start - 1].text == ","
                         and doc[m.end].is_lower and doc[m.end].lower_ not in ("and", "or")
                         and norm_key(canonical(m)) != norm_key(character)]
            if any(doc[t].text == "," and t + 1 < sent.end and t + 1 in person_tokens for t in range(comma + 1, min(sent.end, comma + 8))) \
                    and any(t.lower_ == "and" for t in doc[comma:min(sent.end, comma + 12)]):
                continue  # "As Hen Ogledd, A, B and C make music": a band's members
            if subjects:
                first = min(subjects, key=lambda x: x[0])
                # the work is the one "in" names before the subject ("in Arthur Penn's W")
                at = next((t.i for t in doc[sent.start + 2:first[0]] if t.lower_ == "in"), sent.start)
                yield canonical(first[1]), character, doc[at:at + 1] if at > sent.start else doc[sent.start:sent.start + 2]
        # "for her performance as a desperate, aging Judy Garland", "his turn as Y": whom the pronoun stands for
        owner_of = {p.start: a for p, a in pronouns if p[0].lower_ in ("his", "her", "their")}
        for i in tokens_with(doc, _PART_IDS):
            sent = doc[i].sent
            if not (i + 1 < sent.end and doc[i + 1].lower_ == "as"):
                continue
            k = next((k for k in range(i - 1, max(sent.start, i - 4) - 1, -1) if k in owner_of), None)
            if k is None or not all(t.is_lower and t.is_alpha for t in doc[k + 1:i]):
                continue
            character = self._character_after(doc, i + 1, sent, person_tokens, work_tokens)
            if not character:
                continue
            # the last person named before it in the sentence ("Robert Downey Jr. collected best supporting
            # actor for his turn as Y"), else the pronoun's antecedent if named in the sentence before
            before = [m for m in person_spans if sent.start <= m.start and m.end <= k and not _after_as(m)
                      and not _makers_possessive(m, work_at) and norm_key(canonical(m)) != norm_key(character)]
            who = before[-1] if before else owner_of[k]
            if not before and (who.sent.start >= sent.start or doc[sent.start - 1].sent.start > who.start):
                continue  # an antecedent further back is a guess ("Moss-Bachrach arrives ... He won ... for his turn")
            yield canonical(who), character, doc[k:min(sent.end, i + 2)]

    def _parts_after(self, ctx: "_Context", a: int, sent: Span, most: int) -> list[tuple[str, int, int]]:
        """The parts named after the "as" at token `a`, when they are a list ("as Y and Z", "as X, Y and
        Z"), each with the tokens it starts at and ends before; at most `most`."""
        doc = ctx.doc
        parts: list[tuple[str, int, int]] = []
        k = a
        while len(parts) < most and k < sent.end:
            ch = self._character_after(doc, k, sent, ctx.person_tokens, ctx.work_tokens)
            if not ch:
                break
            start = doc_text(doc).find(ch, doc[k].idx)
            nxt = next((t.i for t in doc[k:sent.end] if t.idx >= start + len(ch)), sent.end)
            parts.append((ch, k + 1 if doc[k].lower_ == "as" else k, nxt))
            if nxt < sent.end and doc[nxt].text == "," and nxt + 1 < sent.end and doc[nxt + 1].lower_ == "and":
                nxt += 1
            if nxt + 1 >= sent.end or doc[nxt].text not in (",", "and", "&") or not _NAME.match(doc[nxt + 1].text):
                break
            k = nxt + 1
        return parts

    @staticmethod
    def _people_before_as(ctx: "_Context", a: int, sent: Span) -> list[Span]:
        """The people listed right before the "as" at token `a`, when they are a list ending in "and"
        ("A and B", "A, B and C"), none of them itself a part ("... joining as Sue Storm, B as ...")."""
        doc, person_tokens = ctx.doc, ctx.person_tokens
        people: list[Span] = []
        k = a
        while k - 1 >= sent.start and k - 1 in person_tokens:
            span = person_tokens[k - 1]
            if span.start < sent.start or span.end != k:
                return []
            people.append(span)
            k = span.start
            joiner = doc[k - 1] if k - 1 >= sent.start else None
            if joiner is not None and len(people) == 1 and joiner.lower_ in ("and", "&"):  # the last join
                k -= 2 if k - 2 >= sent.start and doc[k - 2].text == "," else 1
            elif joiner is not None and len(people) > 1 and joiner.text == ",":  # the earlier ones
                k -= 1
            else:
                break
        if len(people) < 2 or any(p.start - 1 >= sent.start and doc[p.start - 1].lower_ == "as" for p in people):
            return []
        return people[::-1]

    def _is_listed_part(self, ctx: "_Context", m: Span, sent: Span) -> bool:
        """`m` is a part in the list after "A and B as X and Y" (the model read "Gomez Addams" as a person)."""
        doc = ctx.doc
        a = m.start - 1
        while a > sent.start and a > m.start - 12 and doc[a].lower_ != "as":
            if not (_NAME.match(doc[a].text) or doc[a].text in (",", "&") or doc[a].lower_ == "and"):
                return False
            a -= 1
        if a <= sent.start or doc[a].lower_ != "as":
            return False
        people = self._people_before_as(ctx, a, sent)
        if not people:
            return False
        return any(k == m.start for _, k, _ in self._parts_after(ctx, a, sent, len(people))[1:])

    def _respective_part(self, ctx: "_Context", m: Span, a: int, sent: Span) -> str | None:
        """"Catherine Zeta-Jones and Luis Guzmán as Morticia and Gomez Addams": of a list of people
        before "as" and a list of as many parts after it, the part in the same place as `m`. A surname
        the last part alone spells out is the earlier one-word parts' too ("Morticia Addams")."""
        people = self._people_before_as(ctx, a, sent)
        if not any(p.start == m.start for p in people):
            return None
        parts = self._parts_after(ctx, a, sent, len(people))
        if len(parts) != len(people):
            return None
        end = parts[-1][2]  # "as X, Y and Z" for two people: not one part each
        more = [t.lower_ for t in ctx.doc[end:min(sent.end, end + 2)]]
        if more[:1] in (["and"], ["&"]) or more == [",", "and"]:
            return None
        names = [ch for ch, _, _ in parts]
        last = names[-1].split()
        if len(last) == 2 and all(len(n.split()) == 1 for n in names[:-1]):
            names = [n + " " + last[1] for n in names[:-1]] + [names[-1]]
        return names[next(n for n, p in enumerate(people) if p.start == m.start)]

    def _part_after_as(self, ctx: "_Context", a: int, sent: Span) -> str | None:
        """The part named after the "as" at token `a`, unless what follows is a one-word name the model
        tagged PERSON ("arrives late as Tom White"; not "turns up as Adele")."""
        person_tokens = ctx.person_tokens
        ch = self._character_after(ctx.doc, a, sent, person_tokens, ctx.work_tokens)
        return ch if ch and not (a + 1 in person_tokens and len(person_tokens[a + 1]) == 1) else None

    def _character_after(self, doc: Doc, i: int, sent: Span, person_tokens: dict, work_tokens: set[int]) -> str | None:
        """The name run after 'as'/'of' (skipping 'the'), when it is not a real person or a work."""
        if i < sent.end and doc[i].lower_ in ("as", "of"):
            i += 1
        # (right after "as", skipped here or ending the caller's cue: "returns as")
        if i + 1 < sent.end and doc[i].is_lower and doc[i - 1].lower_ == "as" and doc[i].lower_ not in _NOT_MODIFIERS \
                and doc[i].lower_ not in _PART_DETERMINERS:
            # "stars X as high-maintenance creative kid Griffin": bare modifiers, then the part's name
            k = i
            while k < min(sent.end, i + 6) and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-") \
                    and doc[k].lower_ not in _NOT_MODIFIERS and doc[k].lower_ not in ("as", "well", "such", "soon", "part"):
                k += 1
            if k > i and k < sent.end and doc[k - 1].text != "-" and _NAME.match(doc[k].text) and k not in work_tokens:
                i = k
        elif i < sent.end and doc[i].lower_ in _PART_DETERMINERS:
            # "as the desperate Sonny Wortzik", "plays the translator Mariko", "as his partner Sal"; "as a
            # father" is a description
            k = i + 1  # "as a desperate, aging Judy Garland": modifiers, with a comma between them
            while k < min(sent.end, i + 6) and (doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in _NOT_MODIFIERS
                                                or doc[k].text == "," and k > i + 1 and k + 1 < sent.end and doc[k + 1].is_lower):
                k += 1
            if k + 1 < sent.end and doc[k].lower_ == "of" and doc[k - 1].lower_ in ("role", "part"):
                # "played the small role of reporter Chess Roberts": the part is named after "of"
                k = _past_modifiers(doc, k + 1, min(sent.end, i + 10))
            if k == i + 1 or k >= sent.end or not _NAME.match(doc[k].text) or k in work_tokens:
                return None
            i = k
        j = i
        while j < sent.end and j - i < 5 and _NAME.match(doc[j].text) and j not in work_tokens:
            j += 1
        end = person_tokens[i].end if i in person_tokens else j
        if end < sent.end and doc[end].lower_ in ("'s", "’s"):
            # "plays Joel's brother Tommy": a relation, then the part's name; "as Katherine Heigl's bitchy
            # boss": the part is someone's something, not a name
            k = _past_modifiers(doc, end + 1, min(sent.end, end + 4))
            if k == end + 1 or k >= sent.end or not _NAME.match(doc[k].text) or k in work_tokens or k in person_tokens \
                    and len(person_tokens[k]) > 1 and not person_tokens[k].start == k:
                return None
            return self._character_after(doc, k, sent, person_tokens, work_tokens)
        if i in person_tokens:  # a real person as portrayed: "X's portrayal of Korey Wise"
            return canonical(person_tokens[i])
        if j == i:
            return None
        text = doc[i:j].text
        return re.sub(r"[’']s$", "", text) or None

    def _add_character(self, doc: Doc, people: dict[str, dict], character: str, work: str | None, cue: Span) -> None:
        if character in people:
            if "character" not in people[character]["roles"]:
                people[character]["roles"].append("character")
            return
        text = doc_text(doc)
        said = character
        start = text.find(said, cue.start_char)
        if start < 0 and " " in character:  # "Morticia Addams" of "as Morticia and Gomez Addams": its first name
            said = character.split()[0]
            found = re.compile(rf"\b{re.escape(said)}\b").search(text, cue.start_char)
            start = found.start() if found else -1
        mentions = [{"start": start, "end": start + len(said), "text": said, "source": self.name}] if start >= 0 else []
        people[character] = {"name": character, "aliases": [], "roles": ["character"], "mentions": mentions}

    def _works_for(self, doc: Doc, cue: Span, direction: str, topic: str | None,
                   nouns: dict | None = None) -> list[str | None]:
        """The works a cue is about: in its clause on the cue's side (with the works coordinated with
        it: "Legion and Fargo"), else the section's, else the article's."""
        lo, hi = _clause(doc, cue)
        described = _described_work(doc, cue)
        if described is not None:
            return [canonical(described)]
        works = [w for w in doc.spans.get("works", []) if lo <= w.start and w.end <= hi
                 and not (w.start < cue.end and w.end > cue.start) and not _likeness(doc, w)
                 and not _epithet(doc, w, cue) and not _in_others_relative(doc, cue, w)]
        before = [w for w in works if w.end <= cue.start]
        after = [w for w in works if w.start >= cue.end]
        if direction == "after" and nouns:  # "Legion creator X to direct": Legion goes with "creator"
            before = [w for w in before if not any(w.end < e <= cue.start for e in nouns)]
        w = None
        if cue.end + 1 < hi and doc[cue.end].lower_ == "in":  # "opposite X in W", "starring X in W": that W
            at = cue.end + 2 if doc[cue.end + 1].text in OPENING_QUOTES else cue.end + 1
            w = next((x for x in after if x.start == at), None)
        if w is None and direction == "before":
            w = max(before, key=lambda x: x.end) if before else (min(after, key=lambda x: x.start) if after else None)
        elif w is None and direction == "after":
            w = min(after, key=lambda x: x.start) if after else (max(before, key=lambda x: x.end) if before else None)
        elif w is None:
            w = nearest(works, cue)
        if w is None:
            w = section_work(doc, cue)
            if w is None and topic is None:
                w = _paragraph_work(doc, cue)
            return [canonical(w) if w is not None else topic]
        group = _coordinated(doc, w, works)
        return list(dict.fromkeys(canonical(x) for x in group))

    def _work_noun_after(self, doc: Doc, k: int, sent: Span, gap: int = 4) -> tuple[int, str] | None:
        """A noun that stands for a work ("comedy", "sequel", "album") at token `k` or after a few
        modifiers ("most purely entertaining", "Frankenstein-flavoured", "boarding-school"): (index, role)."""
        j = k
        while j < min(sent.end, k + gap + 1):
            t = doc[j]
            role = self.work_nouns.get(t.lower_)
            if role is not None and t.is_lower:
                nxt = doc[j + 1] if j + 1 < sent.end else None
                if nxt is not None and (nxt.text == "-" or nxt.lower_ in self.work_nouns):
                    j += 1  # "film-maker", "comedy series": the noun goes on
                    continue
                # "her 1983 television drama": the medium before the noun says what kind of maker
                medium = next((_MEDIUM_ROLES[x.lower_] for x in doc[k:j] if x.lower_ in _MEDIUM_ROLES), None)
                return j, medium if medium and role == "director" else role
            capital_compound = t.text[:1].isupper() and j + 1 < sent.end and doc[j + 1].text == "-"
            # "Martin Scorsese's Osage murders epic": a proper adjective that names no person or title
            proper = t.is_title and t.is_alpha and j + 1 < sent.end and doc[j + 1].is_lower \
                and t.ent_type_ not in ("PERSON", "WORK")
            if t.lower_ in _NOT_MODIFIERS or not (t.is_lower and t.is_alpha or t.text == "-" or capital_compound or proper
                                                  or re.fullmatch(r"(19|20)\d\d", t.text)):
                return None
            j += 1
        return None

    def _from_facts(self, doc: Doc, name: str, role: str) -> bool:
        clean = doc._.clean
        for f in getattr(clean, "facts", []) or []:
            if name in f.value and role == _FACT_ROLES.get(f.key.casefold()):
                return True
        return False


_CAST_HEADING = re.compile(r"\b(?:cast|casting|performances|actors|who'?s in it|who stars|starring)\b", re.I)
_FOR_A_PART = re.compile(rf"\bfor (?:his|her|their) (?:[a-z-]+ ){{0,2}}(?:{'|'.join(sorted(PART_NOUNS))})\b")
_CLAUSE_BREAKS = frozenset("and but or said says told that what which who whom whose when where while because if after before "
                           "though although since he she they we i you".split())
# "Nora, played by X, is a playwright": a verb right after the comma closes an aside; the noun is the subject's
_MEDIUM_ROLES = {"television": "creator", "tv": "creator", "stage": "writer", "radio": "writer"}
_NOT_APPOSITION = frozenset("is was are were has had have will would can could says said".split())
# base forms that are also nouns: right after a single name they are the noun ("a Marlowe play", "a Netflix star")
_NOUN_LIKE_VERBS = frozenset(("play", "star"))
_APPEARING_VERBS = frozenset("featured features appears appeared appearing stars starred starring cameos cameoed".split())
# titles that make the signature under a blurb a critic's
_CRITIC_TITLES = frozenset(("writer", "editor", "critic", "contributor", "reviewer", "journalist", "columnist"))
# words that open a bracketed list of examples rather than an actor's name
_EXAMPLE_WORDS = frozenset(("including", "like", "such", "e.g.", "among", "notably", "especially", "incl"))
_PART_NOUNS = PART_NOUNS | {"outing"}  # "X's seventh outing as Y"
_NOT_CHARACTER = frozenset("the a an new latest next first last film movie show series album song".split())


_PLAYING_IDS = string_ids(("playing",))
_PART_IDS = string_ids(sorted(_PART_NOUNS))
# "X will be seen opposite Y": the subject acts beside the person named next, who is no character
_PARTNER_WORDS = frozenset(("opposite",))
_ROLES_OF_KIND = {"tour": ("musician", "host"), "album": ("musician", "writer", "producer", "executive"),
                  "song": ("musician", "writer", "producer", "director", "actor")}



_PROFILE_KINDS = {"actor": frozenset(("film", "tv_series", "miniseries", "tv_special")), "director": frozenset(("film",)),
                  "musician": frozenset(("album", "song")), "writer": frozenset(("book",))}
# a sentence about a work the person did not make or is not in
_NOT_IN = re.compile(r"\b(?:turn(?:ed|s)? down|pass(?:ed)? on|lost (?:out|the part)|instead|reject|declin|almost|nearly|"
                     r"would have|never|watch|favou?rite|inspired|remake|sequel|review|critic|audition)", re.I)


def _profile_works(doc: Doc, credits: list[dict], person_spans: list[Span], pronouns: list[tuple[Span, Span]],
                   work_at: dict[int, Span], work_kind: dict[str, str | None]) -> list[tuple[str, str, str, Span]]:
    """(person, role, work, sentence) for the works of a profile's subject: the one person named in the headline,
    with three or more mentions and twice as many as anyone else, who already has two or more credits of
    one role; each work of that role's kind in a sentence that names that person alone (by name or
    pronoun; a maker's possessive before a title does not count), unless another person has that role in
    it or the sentence says the person was not in it."""
    head = headline_span(doc)
    if head is None or not work_at:
        return []
    counts = Counter(canonical(m) for m in person_spans)
    counts.update(canonical(ante) for _, ante in pronouns)
    in_head = {canonical(m) for m in person_spans if head.start <= m.start_char and m.end_char <= head.end}
    if len(in_head) != 1:
        return []
    name = next(iter(in_head))
    others = [n for p, n in counts.items() if p != name]
    if counts[name] < 3 or (others and counts[name] < 2 * max(others)):
        return []
    own = Counter(c["role"] for c in credits if c["person"] == name and c["work"] and c["role"] in _PROFILE_KINDS)
    if not own or own.most_common(1)[0][1] < 2:
        return []
    role = own.most_common(1)[0][0]
    kinds = _PROFILE_KINDS[role]
    taken = {norm_key(c["work"]) for c in credits if c["work"] and c["role"] == role and c["person"] != name}
    named: dict[int, set[str]] = {}
    sents: dict[int, Span] = {}
    for m in person_spans:
        if not _makers_possessive(m, work_at):
            named.setdefault(m.sent.start, set()).add(canonical(m))
            sents[m.sent.start] = m.sent
    for pron, ante in pronouns:
        named.setdefault(pron.sent.start, set()).add(canonical(ante))
        sents[pron.sent.start] = pron.sent
    out = []
    for start, who in named.items():
        sent = sents[start]
        if who != {name} or _NOT_IN.search(sent.text):
            continue
        for w in (work_at[i] for i in range(sent.start, sent.end) if i in work_at):
            key = norm_key(canonical(w))
            if work_kind.get(key) in kinds and key not in taken:
                out.append((name, role, canonical(w), sent))
    return out


_REVIEW_OF = frozenset("review reviews recap essay interview photo photos image picture trailer poster cover".split())


def _by_makers(doc: Doc, w: Span, person_at: dict[int, Span]) -> list[Span]:
    """The people named right after a title and "by" ("W by X", "W, by X and Y", "'W' by X"), not in "a
    review of W by X" (the reviewer)."""
    sent = w.sent
    i = w.end
    if i < sent.end and doc[i].text in CLOSING_QUOTES:
        i += 1
    if i < sent.end and doc[i].text == ",":
        i += 1
    if not (i + 1 < sent.end and doc[i].lower_ == "by"):
        return []
    if any(t.lower_ in _REVIEW_OF for t in doc[max(sent.start, w.start - 3):w.start]):
        return []
    return _people_from(doc, i + 1, sent.end, person_at)


def _people_from(doc: Doc, i: int, end: int, person_at: dict[int, Span]) -> list[Span]:
    """The people named one after another from token `i`, before `end`: "X", "X and Y", "X, Y, and Z"."""
    out = []
    while i in person_at:
        out.append(person_at[i])
        i = person_at[i].end
        if i < end and doc[i].text == ",":
            i += 1
        if i < end and doc[i].lower_ in ("and", "&"):
            i += 1
    return out


_DASHES = frozenset("-–—")


def _featured_after(doc: Doc, w: Span, person_at: dict[int, Span]) -> list[Span]:
    """The people after a title and "feat." / "ft." / "featuring", bracketed or not ("'W' (feat. X & Y)").
    The sentencizer may end a sentence at "feat.", so the list is read to the end of the line."""
    sent_end = len(doc)
    i = w.end
    for skip in (CLOSING_QUOTES, ("(", "[")):
        if i < sent_end and doc[i].text in skip:
            i += 1
    if not (i + 1 < sent_end and doc[i].lower_.rstrip(".") in FEATURING):
        return []
    i += 2 if doc[i + 1].text == "." else 1
    return _people_from(doc, i, sent_end, person_at)


def _artist_before(doc: Doc, w: Span, person_spans: list[Span]) -> Span | None:
    """The name before a dash right before a title, at the start of its line ("PJ Morton – 'Only One'")."""
    i = w.start - 1
    if i >= 0 and doc[i].text in OPENING_QUOTES:
        i -= 1
    if i < 1 or doc[i].text not in _DASHES:
        return None
    m = next((p for p in person_spans if p.end == i), None)
    if m is None or not (m.start == 0 or "\n" in doc[m.start - 1].whitespace_ or doc[m.start - 1].text == "\n"
                         or doc[m.start].is_sent_start):
        return None
    return m


def _usual_kind(kinds) -> str | None:  # noqa: ANN001
    """The kind most of the article's works have, when clear (two or more, 60% of the known kinds):
    what a title of unknown kind most likely is ("Arthur Penn's Bonnie and Clyde" in a film obituary)."""
    known = Counter(k for k in kinds if k and k != "other")
    if not known:
        return None
    kind, n = known.most_common(1)[0]
    return kind if n >= 2 and n >= 0.6 * sum(known.values()) else None


def _apposed_work(doc: Doc, owner: Span, work_at: dict[int, Span]) -> Span | None:
    """The work right before ', X's comedy': "Poor Things, Yorgos Lanthimos's Frankenstein-flavoured comedy"."""
    i = owner.start - 1
    if i < 1 or doc[i].text != ",":
        return None
    return next((w for w in work_at.values() if w.end == i), None)


def _described_work(doc: Doc, cue: Span) -> Span | None:
    """The title a cue's clause describes: "“Just Like That,” a ballad she wrote by herself", "W, the
    film he directed in 1999": a title, a comma, then an article and lower-case words right before the
    cue's subject."""
    j = cue.start - 1
    while j >= 0 and cue.start - j <= 5 and doc[j].is_lower and doc[j].is_alpha:
        j -= 1
    if j + 1 >= cue.start or doc[j + 1].lower_ not in ("a", "an", "the", "another") or j < 1:
        return None
    while j >= 0 and doc[j].text in CLOSING_QUOTES:
        j -= 1
    if j < 1 or doc[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and doc[k].text in CLOSING_QUOTES:
        k -= 1
    return next((w for w in doc.spans.get("works", []) if w.end == k + 1 and w.sent.start == cue.sent.start), None)


def _paragraph_work(doc: Doc, anchor: Span) -> Span | None:
    """The work the anchor's paragraph is about, named before the anchor: the first named there when
    it is also named more often in the paragraph than any other. It is what "the film", "it" and a cue
    with no title of its own refer to ("Universal's Oppenheimer came in ... Cillian Murphy stars as
    the physicist"); a paragraph listing several works once each has none."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, anchor.start_char) + 1
    end = text.find("\n", anchor.end_char)
    end = len(text) if end < 0 else end
    inside = sorted((w for w in doc.spans.get("works", []) if start <= w.start_char and w.end_char <= end
                     and not _epithet(doc, w, anchor)), key=lambda w: w.start)
    if not inside or inside[0].end > anchor.start:
        return None
    counts = Counter(canonical(w) for w in inside)
    top = counts.most_common(2)
    first = canonical(inside[0])
    if top[0][0] != first or len(top) > 1 and top[1][1] == top[0][1]:
        return None
    return inside[0]


_QUANTITIES = frozenset(("handful", "couple", "number", "pair", "trio", "string", "slew", "bunch", "dozen", "few",
                         "lot", "set", "collection", "run", "batch", "series", "host"))
_WORKISH = frozenset(("it", "them", "this", "that", "these", "those", "one", "episode", "episodes", "season",
                      "seasons", "pilot", "finale", "screenplay", "script", "story", "book", "novel", "music", "score",
                      "songs", "song", "album", "record", "play", "musical", "musicals", "project", "part", "role",
                      "character", "version", "adaptation", "remake", "sequel", "movie", "movies", "film", "films",
                      "series", "show", "shows", "documentary", "feature", "short", "special", "track", "tracks"))


def _object_is_not_a_work(doc: Doc, k: int, sent: Span, work_tokens: set[int] | dict, work_nouns: dict) -> bool:
    """After a making verb, "the website", "a letter", "the company": a determiner and a common noun
    that names no kind of work (a title, "the film", "it" still count)."""
    if k + 1 >= sent.end or doc[k].lower_ not in ("the", "a", "an"):
        return False
    j = k + 1
    while j < min(sent.end, k + 4) and doc[j].is_lower and doc[j].is_alpha and j + 1 < sent.end \
            and doc[j + 1].is_lower and doc[j + 1].is_alpha and doc[j].lower_ not in _WORKISH \
            and doc[j + 1].lower_ not in _NOT_PREDICATE and doc[j + 1].lower_ not in ("of", "and", "or", "about"):
        j += 1  # "a new website": over adjectives to the noun, not past it
    t = doc[j]
    if t.lower_ in _QUANTITIES and j + 2 < sent.end and doc[j + 1].lower_ == "of":  # "a handful of songs on 1989"
        n = doc[j + 2]
        if n.lower_ in ("the", "a", "an"):
            return _object_is_not_a_work(doc, j + 2, sent, work_tokens, work_nouns)
        return n.is_lower and n.is_alpha and n.lower_ not in _WORKISH and n.lower_ not in work_nouns
    return t.is_lower and t.is_alpha and j not in work_tokens and t.lower_ not in _WORKISH \
        and t.lower_ not in work_nouns and j + 1 not in work_tokens


_NOT_PREDICATE = frozenset("in on at by for with from after before what that who which whom when where while "
                           "because as to".split())


def _likeness(doc: Doc, w: Span) -> bool:
    """"an Evangelion-esque creation", "a Succession-style feud": the title describes, it is not the work."""
    return w.end + 1 < len(doc) and doc[w.end].text == "-" and doc[w.end + 1].lower_ in (
        "esque", "like", "style", "inspired", "adjacent", "lite", "type", "flavoured", "flavored")


_ACTING_WORDS = frozenset("as role roles part parts turn turns performance performances portrayal played plays starred "
                          "stars appeared appears cameo cameos".split())
_ACTING_IDS = string_ids(_ACTING_WORDS)


def _acted_in(doc: Doc, person_spans: list[Span], pronouns: list[tuple[Span, Span]],
              work_at: dict[int, Span]) -> list[tuple[str, str, Span]]:
    """(person, work, sentence) for sentences with an acting word that name one person only (directly or
    by pronoun; a maker's possessive before a title and a character after "as" do not count) and put
    works after "in" ("in Arthur Penn's Bonnie and Clyde")."""
    hits = tokens_with(doc, _ACTING_IDS)
    if not hits or not work_at:
        return []
    sents = {doc[i].sent.start: doc[i].sent for i in hits}
    named: dict[int, set[str]] = {}
    for m in person_spans:
        if m.sent.start not in sents or _after_as(m) or _makers_possessive(m, work_at):
            continue
        named.setdefault(m.sent.start, set()).add(canonical(m))
    for pron, ante in pronouns:
        if pron.sent.start in sents:
            named.setdefault(pron.sent.start, set()).add(canonical(ante))
    out = []
    for start, who in named.items():
        if len(who) != 1:
            continue
        sent = sents[start]
        name = next(iter(who))
        for w in (work_at[i] for i in range(sent.start, sent.end) if i in work_at):
            k = w.start - 1
            if k > sent.start and doc[k].lower_ in ("'s", "’s"):  # "in Mel Brooks's W": back over the maker
                k -= 1
                while k > sent.start and doc[k].text[:1].isupper() and doc[k - 1].lower_ != "in":
                    k -= 1
                k -= 1
            if k - 1 > sent.start and doc[k].lower_ in ("as", "including", "like") and \
                    any(t.lower_ == "in" for t in doc[max(sent.start, k - 4):k]):
                k = next(t.i for t in doc[max(sent.start, k - 4):k] if t.lower_ == "in")  # "in films such as W"
            if k >= sent.start and doc[k].lower_ == "in":
                out.append((name, canonical(w), sent))
                out += [(name, canonical(x), sent) for x in _coordinated(doc, w, list(work_at.values())) if x is not w]
    return out


def _cast_here(doc: Doc, mention: Span, person_tokens: dict[int, Span]) -> bool:
    """A name written right after 'as' with someone named before it in the sentence is that person's
    character ("Kirby joining as Sue Storm, Joseph Quinn as Johnny Storm"): the list around it is the
    actors', not its own ("such as", "as well as" and "known as" are not casting)."""
    k = mention.start - 1
    if k < 1 or doc[k].lower_ != "as" or doc[k - 1].lower_ in _NOT_CASTING \
            or as_clause_subject(mention):
        return False
    return any(i in person_tokens for i in range(mention.sent.start, k))


def _possessive_of_org(mention: Span, first_names: set[str]) -> bool:
    """A person span the model also reads as an organisation or place is not a maker, unless it is a
    full name that opens with a known first name ("Arthur Penn's Bonnie and Clyde" tagged ORG)."""
    if len(mention) >= 2 and mention[0].is_title and mention[0].lower_ in first_names:
        return False
    return mention[0].ent_type_ in ("ORG", "LOC")  # the token's entity: `doc.ents` rebuilt per call was slow


def _index(phrases: list, pos: int) -> dict[str, list]:
    """(phrase, role) pairs indexed by the token at `pos` (0: first, -1: last), longest first."""
    idx: dict[str, list] = {}
    for phrase, role in phrases:
        idx.setdefault(phrase[pos], []).append((phrase, role))
    return idx


class _Context:
    """Per-document lookups the cue methods share."""

    def __init__(self, doc: Doc, person_tokens: dict[int, Span], work_tokens: set[int],
                 nouns: dict[int, tuple[int, str, bool]], work_at: dict[int, Span],
                 name_titles: frozenset[int] = frozenset()) -> None:
        self.doc, self.person_tokens, self.work_tokens, self.nouns = doc, person_tokens, work_tokens, nouns
        self.work_at = work_at  # work mention start -> span
        self.work_ends = {w.end: w for w in work_at.values()}  # work mention end -> span
        self.caps_heads = title_case_headings(doc)  # Title Case headline and headings
        self.nominees: dict[int, set[str]] = {}  # sentence start -> award recipients named in it
        for a in doc._.awards or []:
            ev = doc.char_span(a["evidence"]["start"], a["evidence"]["end"], alignment_mode="expand")
            if ev is not None and a.get("recipient"):
                for sent in ev.sents:
                    self.nominees.setdefault(sent.start, set()).add(a["recipient"])
        self.name_titles = name_titles  # tokens of model-only titles of one word or opening with a given name

    def with_work_tokens(self, work_tokens: set[int]) -> "_Context":
        """The same lookups with other work tokens (the rest is shared, not worked out again)."""
        other = copy.copy(self)
        other.work_tokens = work_tokens
        return other


def _name_before(doc: Doc, i: int, sent: Span, person_tokens: dict, work_tokens: set[int],
                 person_ok: bool = False, initial_ok: bool = False) -> Span | None:
    """A capitalised name right before position `i` ('Anna (Zooey Deschanel)'), not a lone sentence-initial
    word unless `initial_ok` and not a common word ("Nora, played by X"; not "Then, played by X")
    (`canonical` of it is the name)."""
    if person_ok and (i - 1) in person_tokens and person_tokens[i - 1].end == i and person_tokens[i - 1].start >= sent.start:
        return person_tokens[i - 1]
    j = i
    while j - 1 >= sent.start and _NAME.match(doc[j - 1].text) and (j - 1) not in work_tokens \
            and (j - 1) not in person_tokens and i - j < 3:
        j -= 1
    if j == i or j == sent.start and i - j == 1 and doc[j].is_sent_start and (not initial_ok or doc[j].is_stop):
        return None
    return doc[j:i]


def _coordinated(doc: Doc, w: Span, works: list[Span]) -> list[Span]:
    """`w` with the works listed beside it: "2009's Star Trek and 2013's Star Trek Into Darkness",
    "FX's Legion and Fargo", "A, B, and C"."""
    ordered = sorted(works, key=lambda x: x.start)
    idx = next(i for i, x in enumerate(ordered) if x.start == w.start)
    lo = hi = idx
    while lo > 0 and _joins(doc[ordered[lo - 1].end:ordered[lo].start]):
        lo -= 1
    while hi + 1 < len(ordered) and _joins(doc[ordered[hi].end:ordered[hi + 1].start]):
        hi += 1
    return ordered[lo:hi + 1]


_QUOTE_MARKS = frozenset(('"', "“", "”", "‘", "’", "'"))  # '(“A,” “B”)': quoted titles listed


def _joins(gap: Span) -> bool:
    """A gap between two titles that only lists them: ', ', ' and ', ', and 2013's ', ' and FX's '."""
    if len(gap) > 5 or not any(t.lower_ in (",", "and", "or", "&") for t in gap):
        return False
    rest = [t for t in gap if t.lower_ not in (",", "and", "or", "&", "the", "'s", "’s") and t.text not in _QUOTE_MARKS]
    return len(rest) <= 1 and all(re.fullmatch(r"(19|20)\d\d", t.text) or (t.text[:1].isupper() and t.is_alpha)
                                  for t in rest)


def _clause(doc: Doc, span: Span) -> tuple[int, int]:
    """Token bounds of the clause holding `span`: its sentence cut at ';', dashes and ", while"."""
    sent = span.sent
    lo, hi = sent.start, sent.end
    for t in doc[sent.start:span.start]:
        if t.text in (";", "—", "–") or _contrast(doc, t.i):
            lo = t.i + 1
    for t in doc[span.end:sent.end]:
        if t.text in (";", "—", "–") or _contrast(doc, t.i):
            hi = t.i
            break
    return lo, hi


def _played(doc: Doc, m: Span, sent: Span) -> bool:
    """The name is the part someone plays: "playing Y", "as Y", "playing chef Y"."""
    k = m.start - 1
    while k > sent.start and k >= m.start - 3 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in _PLAYING_WORDS:
        k -= 1
    return k >= sent.start and doc[k].lower_ in _PLAYING_WORDS


def _in_others_relative(doc: Doc, cue: Span, w: Span) -> bool:
    """`w` lies after another person's ", who ..." between the cue and it: "the actors A, B and the director C,
    who won the Palme in 2018 with W" - W is C's, not the listed actors'."""
    for p in doc.spans.get("people", []):
        if cue.end <= p.start and p.end + 1 < w.start and doc[p.end].text == "," \
                and doc[p.end + 1].lower_ in ("who", "whose") and not (cue.start <= p.start < cue.end):
            return True
    return False


def _signature_line(doc: Doc, m: Span) -> bool:
    """`m` opens a line "– Name, Title" (a dash, the name, a comma, a short title and the line's end)."""
    k = m.start - 1
    if k < 0 or doc[k].text not in ("–", "—", "-", "―") or m.end + 1 >= len(doc) or doc[m.end].text != ",":
        return False
    if not (doc[k].is_sent_start or k > 0 and _newline(doc[k - 1])):
        return False
    title = []
    for t in doc[m.end + 1:min(len(doc), m.end + 10)]:
        if _newline(t) or t.i > m.end + 1 and t.is_sent_start:
            break
        title.append(t)
    else:
        return m.end + 10 >= len(doc)
    return bool(title) and all(t.is_title or t.is_punct or t.is_lower and t.is_alpha for t in title)


def _ranked_line(doc: Doc, m: Span) -> bool:
    """`m` is a line of its own, after at most a rank ("01. Robert Plant", "#12 Kip Ardley", "Jo Bevan, Band")."""
    k = m.start - 1
    while k >= 0 and m.start - k <= 3 and (doc[k].like_num or doc[k].text in (".", ")", "#", "-", "–", "—")):
        k -= 1
    if k >= 0 and not _newline(doc[k]):
        return False
    return m.end >= len(doc) or _newline(doc[m.end]) or doc[m.end].text == ","


def _newline(tok: Token) -> bool:
    """A white-space token that breaks the line."""
    return tok.is_space and "\n" in tok.text


def _next_in_list(doc: Doc, m: Span, person_tokens: dict[int, Span]) -> Span | None:
    """The next name of the list `m` is in ("A, B and a wonderfully twitchy C"): after a comma or "and", over a
    determiner and at most three plain modifiers, in the same sentence."""
    sent, k = m.sent, m.end
    if not (k < sent.end and doc[k].text in (",", "and")):
        return None
    k += 2 if k + 1 < sent.end and doc[k].text == "," and doc[k + 1].lower_ == "and" else 1
    if k < sent.end and doc[k].lower_ in ("a", "an", "the"):
        k += 1
        start = k
        while k < min(sent.end, start + 3) and doc[k].is_lower and doc[k].is_alpha:
            k += 1
    nxt = person_tokens.get(k) if k < sent.end else None
    return nxt if nxt is not None and nxt.start == k else None


_HAVING_VERBS = frozenset("has had have gets got landed lands scored scores takes took".split())
_HELD_PARTS = frozenset(("role", "roles", "part", "cameo", "cameos"))
_PART_BREAKS = _CLAUSE_BREAKS - {"and", "but"}  # "a small but showy role" goes on


def _has_a_part(doc: Doc, i: int, noun: int) -> bool:
    """"X has a small but showy role", "X landed a supporting part": a having verb right after the name, then
    a determiner and at most a few plain modifiers before the part noun at `noun` (not "has said the role")."""
    if not (i < noun - 1 and doc[i].lower_ in _HAVING_VERBS and doc[i + 1].lower_ in ("a", "an", "the", "his", "her", "their")):
        return False
    between = doc[i + 2:noun]
    return len(between) <= 4 and all(t.is_lower and t.is_alpha or t.text in (",", "-") for t in between) \
        and not any(t.lower_ in _PART_BREAKS for t in between)


def _contrast(doc: Doc, i: int) -> bool:
    """", while" / ", whereas" at token `i`: another clause, with its own subject, starts."""
    if doc[i].lower_ not in ("while", "whereas") or i < 1:
        return False
    before = doc[i - 1].text
    return before == "," or before in CLOSING_QUOTES and i > 1 and doc[i - 2].text == ","  # ...in “W,” while


def _past_modifiers(doc: Doc, k: int, limit: int) -> int:
    """The first token from `k` (before `limit`) that is not a bare lower-case modifier ("reporter",
    "disgraced", "bitchy")."""
    while k < limit and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in _NOT_MODIFIERS:
        k += 1
    return k


def _part_phrase_end(doc: Doc, i: int, sent: Span, person_tokens: dict) -> int | None:
    """End of "for his (supporting) role" / "for playing" soon after token `i`, before anyone else is named
    or another clause starts; None if there is none."""
    for k in range(i, min(sent.end - 1, i + 12)):
        t = doc[k]
        if k in person_tokens or t.text in (";", "—", "–") or _contrast(doc, k):
            return None
        if t.lower_ != "for":
            continue
        nxt = doc[k + 1]
        if nxt.lower_ == "playing":
            return k + 2
        if nxt.lower_ in ("his", "her", "their"):
            for j in range(k + 2, min(sent.end, k + 5)):
                if doc[j].lower_ in PART_NOUNS:
                    return j + 1
                if not (doc[j].is_lower and doc[j].is_alpha or doc[j].text == "-"):
                    break
        return None
    return None


# the medium a kind's cue words count for (`_page_medium`), named by the kind that stands for it
_MEDIUM_OF_KIND = {"miniseries": "tv_series", "season": "tv_series", "episode": "tv_series", "tv_special": "tv_series",
                   "song": "album", "tour": "album", "franchise": "film"}
_SCREEN = frozenset(("film", "tv_series", "miniseries", "episode", "season", "tv_special"))
_SCORE_WORDS = frozenset(("composer", "co-composer", "score", "music", "songwriter", "lyricist"))
_EPITHET_NOUNS = frozenset(("star", "actor", "actress", "alum", "alumna", "alumnus", "lead", "heartthrob"))


def _epithet(doc: Doc, w: Span, cue: Span) -> bool:
    """A title used as someone's epithet ("The Queen's Gambit star Harry Melling who plays Colin") names
    that person's earlier work: it is not what a cue outside the epithet is about."""
    k = _after_closing_quote(doc, w.end)
    if k + 1 >= len(doc):
        return False
    named = any(p.start == k + 1 for p in doc.spans.get("people", []))
    if doc[k].lower_ in ("'s", "’s") and not (cue.start <= k + 1 < cue.end):
        return named  # "and Fallout's Ella Purnell was left off": the show is hers, not the cue's
    return doc[k].lower_ in _EPITHET_NOUNS and doc[k].is_lower and cue.start > k \
        and (doc[k + 1].ent_type_ == "PERSON" or named)


def _after_closing_quote(doc: Doc, i: int) -> int:
    """Token `i`, or the one after it when `i` closes a quotation ("'Dawson's Creek' star")."""
    return i + 1 if i < len(doc) and doc[i].text in CLOSING_QUOTES else i


def _title_epithets(doc: Doc, person_spans: list[Span], work_at: dict[int, Span]) -> list[tuple[str, Span, Span]]:
    """(person, work, cue) for "the [former] <title> star" with no name after it: the one person the
    headline names."""
    head = headline_span(doc)
    if head is None:
        return []
    named = {canonical(m) for m in person_spans if m.end_char <= head.end}
    if len(named) != 1:
        return []
    who = named.pop()
    out = []
    for w in work_at.values():
        k = _after_closing_quote(doc, w.end)
        if k >= len(doc) or doc[k].lower_ not in _EPITHET_NOUNS or not doc[k].is_lower:
            continue
        if k + 1 < len(doc) and (doc[k + 1].ent_type_ == "PERSON" or doc[k + 1].is_title):
            continue  # "the Fargo star Kirsten Dunst": the name follows
        b = w.start - 1
        while b >= 0 and (doc[b].text in OPENING_QUOTES or doc[b].lower_ in ("former", "original", "late", "one-time")):
            b -= 1
        if b >= 0 and doc[b].lower_ == "the" and w.start_char > head.end:
            out.append((who, w, doc[b:k + 1]))
    return out
