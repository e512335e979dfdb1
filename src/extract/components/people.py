"""`entertainment_people`: people named in the article, once each, under the fullest name used.

Sets: `Doc._.people` (dicts: name, aliases, roles, mentions), `Doc.spans["people"]` (every
mention, with `Span._.canonical` = the person's full name).

Names come from PERSON entities of the model, from fact lists ("Creator:", "Lead cast:") and
JSON-LD of the works, and from name-shaped capitalised runs next to a role word ("director
Paul Thomas Anderson", "(Damson Idris)", "starring X, Y and Z"). Short forms ("Jerome",
"DuVernay's") resolve to the full name used in the same article. Byline authors, works and
names from `patterns/non_people.txt` are not people. Roles are filled in by
`entertainment_credits`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import load_json, load_words
from ..metadata import ld_names, ld_types
from .base import Component
from .util import CLOSING_QUOTES, FACT_ROLES, Offices, doc_text, norm_key, span_dict, string_ids, tokens_with
from .util import title_case_headings as _title_case_headings

_LD_ROLES = {"actor": "actor", "actors": "actor", "director": "director", "directors": "director",
             "creator": "creator", "author": "writer", "producer": "producer", "byArtist": "musician",
             "musicBy": "musician"}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’.-]+(?:-[A-Z][a-zà-ÿ'’-]+)?|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]*[A-Z][a-z]+|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+|(?:de|da|van|von|der|del|la|le|di|du)|Jr\.?|Sr\.?|II|III)$")
# role nouns that also open capitalised names or titles ("Star Trek", "Chief Keef")
_AMBIGUOUS_NOUNS = {"star", "stars", "chair", "boss", "host", "anchor", "artist", "president", "chief", "exec",
                    "executive", "manager", "founder"}
_PARTICLES = {"de", "da", "van", "von", "der", "del", "la", "le", "di", "du"}


@Language.factory(
    "entertainment_people",
    default_config={"roles": "roles.json", "stoplist": "non_people.txt", "first_names": "first_names.txt",
                    "non_person_words": "non_person_words.txt", "use_patterns": True},
    assigns=["doc._.people", "doc.spans", "span._.canonical"],
    requires=["doc.ents", "token.is_sent_start"],
)
def make_people_linker(nlp: Language, name: str, roles: str, stoplist: str, first_names: str,
                       non_person_words: str, use_patterns: bool) -> "PeopleLinker":
    return PeopleLinker(nlp, name, roles=roles, stoplist=stoplist, first_names=first_names,
                        non_person_words=non_person_words, use_patterns=use_patterns)


class PeopleLinker(Component):
    def __init__(self, nlp: Language, name: str, *, roles: str, stoplist: str, first_names: str,
                 non_person_words: str, use_patterns: bool) -> None:
        self.name = name
        self.nlp = nlp
        r = load_json(roles)
        self.role_nouns = {w: role for role, ws in r["nouns"].items() for w in ws}
        self.offices = Offices(r)
        self.by_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for role, phrases in r["by_phrases"].items():
            self.by_matcher.add(role, [nlp.make_doc(p) for p in phrases])
        self.stop = load_words(stoplist)
        self.first_names = load_words(first_names)
        # the tokens `_from_patterns` can start a run at: given names, role nouns, "("
        self.pattern_lowers = string_ids(self.first_names | set(self.role_nouns) | {"named", "called"})
        self.pattern_orths = string_ids({"("})
        self.non_person_words = load_words(non_person_words)
        self.use_patterns = use_patterns
        # a word before a full name that is not part of it: "Composer Gustavo Santaolalla", "Canadian Liane Cunje"
        self.name_prefixes = frozenset(w.casefold() for ws in load_json("roles.json")["nouns"].values()
                                       for w in ws if " " not in w) | load_words("demonyms.txt")

    def process(self, doc: Doc) -> Doc:
        clean = doc._.clean
        authors = {norm_key(a) for a in getattr(getattr(clean, "meta", None), "authors", []) or []}
        work_tokens = {t.i for s in doc.spans.get("works", []) for t in s}
        names: dict[str, dict[str, Any]] = {}
        work_titles = {norm_key(w["title"]) for w in doc._.works or []}

        def add(name: str, source: str, role: str | None = None) -> None:
            name = _tidy_name(name)
            words = name.split()
            if len(words) >= 3 and words[0].casefold() in self.name_prefixes:
                name = " ".join(words[1:])
            key = norm_key(name)
            if not key or key in self.stop or key in authors or len(name) > 60 or not re.search(r"[A-Za-z]", name):
                return
            if any(w.casefold() in self.non_person_words for w in name.split()):
                return
            if len(words) >= 2 and words[-1].isalpha() and words[-1].islower():
                return  # "T cells": a name does not end in a lower-case word
            if len(words) == 1 and key.endswith("ly") and key not in self.first_names and re.search(rf"(?:^|[.!?]\s+){re.escape(name)},", doc_text(doc), re.M) \
                    and not re.search(rf"[a-z,]\s+{re.escape(name)}\b", doc_text(doc)):
                return  # "Famously, the singer ...": a sentence adverb, never named mid-sentence
            p = names.setdefault(key, {"name": name, "sources": set(), "roles": set()})
            p["sources"].add(source)
            if role:
                p["roles"].add(role)

        caps_heads = _title_case_headings(doc)
        lower_words: set[str] | None = None
        title_starts = sorted(x.start for x in getattr(clean, "spans", []) or [] if x.kind in ("emphasis", "quote"))
        for whole in doc.ents:
            if whole.label_ != "PERSON":
                continue
            if _credit_line(doc, whole):
                continue
            whole = _before_title_markup(doc, whole, title_starts)
            if whole is None:
                continue
            for ent in _model_name_parts(whole):
                if not any(t.i in work_tokens for t in ent) \
                        and norm_key(ent.text) not in work_titles and not _misread_name(ent, caps_heads):
                    ent, lower_words = _trim_heading_word(ent, caps_heads, lower_words)
                    add(_with_glued_prefix(doc, _with_glued_suffix(doc, ent)).text, "ner" if len(ent) > 1 else "ner:single")
        for name, role in self._from_facts(clean):
            add(name, "facts", role)
        for name, role in self._from_jsonld(clean):
            add(name, "jsonld", role)
        if self.use_patterns:
            for span, role in self._from_patterns(doc, work_tokens):
                if not _misread_name(span, caps_heads) and not _credit_line(doc, span):
                    span, lower_words = _trim_heading_word(span, caps_heads, lower_words)
                    add(span.text, "pattern", role)

        clusters = _cluster(names)
        mentions = self._mentions(doc, clusters, work_tokens)
        doc.spans["people"] = mentions
        by_name: dict[str, list[Span]] = defaultdict(list)
        for m in mentions:
            by_name[m._.canonical].append(m)
        people = []
        for full, forms in clusters.items():
            info = names[norm_key(full)]
            ms = by_name.get(full, [])
            if not ms and not info["sources"] & {"facts", "jsonld"}:
                continue
            if len(full.split()) == 1 and info["sources"] <= {"ner:single"} and not info["roles"]:
                continue  # a lone capitalised word the model took for a name, with nothing to back it
            aliases = sorted({m.text for m in ms if norm_key(m.text) != norm_key(full)})
            roles = set(info["roles"])
            for f in forms:
                roles |= names.get(norm_key(f), {}).get("roles", set())
            people.append({"name": full, "aliases": aliases, "roles": sorted(roles),
                           "mentions": [span_dict(m, f"{self.name}") for m in ms]})
        doc._.people = people
        return doc

    # ---------------------------------------------------------------- sources
    def _from_facts(self, clean: Any) -> Iterable[tuple[str, str]]:
        for f in getattr(clean, "facts", []) or []:
            role = FACT_ROLES.get(f.key.casefold())
            if role:
                for part in re.split(r",|;|\band\b|&|/", f.value):
                    part = re.sub(r"\(.*?\)", "", part).strip(" .")
                    if part and _is_name(part.split()):
                        yield part, role

    def _from_jsonld(self, clean: Any) -> Iterable[tuple[str, str]]:
        for obj in getattr(clean, "jsonld", []) or []:
            types = ld_types(obj)
            if types & {"NewsArticle", "Article", "BlogPosting", "WebPage", "Review", "ReportageNewsArticle"}:
                continue
            for key, role in _LD_ROLES.items():
                for name in ld_names(obj.get(key)):
                    if _is_name(name.split()):
                        yield name, role

    def _from_patterns(self, doc: Doc, work_tokens: set[int]) -> Iterable[tuple[Span, str | None]]:
        """Name-shaped runs right after a role noun or 'by'-phrase, or alone in parentheses."""
        n = len(doc)
        for i in tokens_with(doc, self.pattern_lowers, self.pattern_orths):
            tok = doc[i]
            # "Michael McDonald": a known given name opening a name-shaped run
            if tok.is_title and tok.lower_ in self.first_names and (i == 0 or not _NAME_TOKEN.match(doc[i - 1].text)
                                                                     or doc[i - 1].is_sent_start and doc[i - 1].lower_ not in self.first_names):
                run = _name_run(doc, i, work_tokens)
                if run is not None:
                    yield run, None
            role = self.role_nouns.get(tok.lower_)
            if role and i > 0:  # "soul star X": the two-word noun's role, not the last word's
                role = self.role_nouns.get(f"{doc[i - 1].lower_} {tok.lower_}", role)
            if role and i + 1 < n and (not tok.is_title or (tok.is_sent_start and tok.lower_ not in _AMBIGUOUS_NOUNS)):
                run = _name_run(doc, i + 1, work_tokens)
                if run is not None:
                    office = self.offices.role(doc, i, i + 1) if role in ("director", "executive") else None
                    yield run, (office[0] or None) if office else role
            # "a precocious 17-year-old named Elio", "a kid named Moonee": a synopsis's character
            if tok.lower_ in ("named", "called") and i > 0 and i + 1 < n and \
                    (doc[i - 1].lower_ in _CHARACTER_NOUNS or doc[i - 1].lower_ == "old" and i > 1 and doc[i - 2].text == "-"):
                run = _name_run(doc, i + 1, work_tokens)
                nxt = doc[i + 1]
                if run is None and nxt.is_title and nxt.is_alpha and i + 1 not in work_tokens and not nxt.is_stop:
                    run = doc[i + 1:i + 2]  # a character is often one name
                if run is not None:
                    yield run, "character"
            if tok.text == "(":
                run = _name_run(doc, i + 1, work_tokens)
                if run is not None and run.end < n and doc[run.end].text == ")":
                    # "Anna (Zooey Deschanel)" casts an actor; "'Face Lix' (Bean)" names a title's maker
                    after_title = i > 0 and (i - 1 in work_tokens or doc[i - 1].text in CLOSING_QUOTES)
                    yield run, None if after_title else "actor"
        for match_id, _, end in self.by_matcher(doc):
            role = doc.vocab.strings[match_id]
            j = end
            while j < n:  # "starring A, B and C"
                run = _name_run(doc, j, work_tokens)
                if run is None:
                    break
                yield run, role
                j = run.end
                if j < n and doc[j].text in (",", "and", "&"):
                    j += 1
                    if j < n and doc[j].lower_ == "and":
                        j += 1
                else:
                    break

    # ---------------------------------------------------------------- mentions
    def _mentions(self, doc: Doc, clusters: dict[str, set[str]], work_tokens: set[int]) -> list[Span]:
        matcher = PhraseMatcher(doc.vocab)
        form_to_full: dict[str, str] = {}
        for full, forms in clusters.items():
            for f in forms | {full}:
                form_to_full.setdefault(f, full)
        for form, full in form_to_full.items():
            matcher.add(form, [self.nlp.make_doc(form)])
        spans = []
        for m, s, e in matcher(doc):
            span = Span(doc, s, e, label="PERSON")
            if any(t.i in work_tokens for t in span):
                continue
            span._.canonical = form_to_full[doc.vocab.strings[m]]
            spans.append(span)
        kept = filter_spans(spans)
        for s in kept:
            s._.canonical = form_to_full.get(s.text, s._.canonical)
        return kept


_BYLINE_LINE = re.compile(r"^\W*(?:additional |with )?(?:reporting|reported|edited|compiled|research|interviews?)"
                          r"(?: and \w+)? by\b", re.I)


def _misread_name(ent: Span, caps_heads: list[tuple[int, int]]) -> bool:
    """Model PERSON spans that are not people: a place in a listing ("Virginia Beach, VA"), a
    long run of a Title Case heading ("Kate Henshaw Is Looking Stunning"), or a name in a
    credit line for the article's own staff ("Additional reporting by X")."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and re.fullmatch(r"[A-Z]{2}", doc[ent.end + 1].text):
        return True
    if len(ent) > 3 and any(s <= ent.start_char < e for s, e in caps_heads):
        return True
    line_start = doc_text(doc).rfind("\n", 0, ent.start_char) + 1
    return bool(_BYLINE_LINE.match(doc_text(doc)[line_start:ent.start_char]))


def _trim_heading_word(span: Span, caps_heads: list[tuple[int, int]],
                       lower_words: set[str] | None) -> tuple[Span, set[str] | None]:
    """"Pedro Pascal Cast as ...": a Title Case heading capitalises the verb after a name; a last word
    the article also writes in lower case is not part of the name. `lower_words` is built on first use."""
    if len(span) < 3 or not any(s <= span.start_char < e for s, e in caps_heads):
        return span, lower_words
    if lower_words is None:
        lower_words = {t.lower_ for t in span.doc if t.is_lower}
    return (span[:-1] if span[-1].lower_ in lower_words else span), lower_words


_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]{0,3}['’][A-Z][a-z]+")


_OPENING_ADVERBS = frozenset("then now meanwhile later still also so but and yet here there when while after before "
                             "as if since though once even not only just unlike like with without for thanks "
                             "dear because although unless until".split())


_CREDIT_BEFORE = re.compile(r"(?:\((?:photos?|images?|pictures?|credit|pictured)\b[^()\n]*"
                            r"|(?:^|\n)\s*(?:photos?|images?|credits?|source|courtesy)\s*(?:by\b|:)[^\n]*)$", re.I)
_CREDIT_AFTER = re.compile(r"\s*/\s*[A-Z]|\s+(?:contributed (?:to this report|reporting)|for Getty Images)", re.I)


def _before_title_markup(doc: Doc, ent: Span, title_starts: list[int]) -> Span | None:
    """A model name that runs into an italicised or quoted title ends before it: "Rosalía <em>LUX</em>
    Columbia" -> "Rosalía"."""
    cut = next((c for c in title_starts if ent.start_char < c < ent.end_char), None)
    if cut is None:
        return ent
    return doc.char_span(ent.start_char, cut, label=ent.label_, alignment_mode="contract") or None


def _credit_line(doc: Doc, ent: Span) -> bool:
    """A photographer's or contributor's credit, not a person the article is about: "(Photo by Kevin
    Mazur/Getty Images)", "Credit: Dana Vore", "Fox News' Jessica Napoli contributed to this report"."""
    text = doc_text(doc)
    return bool(_CREDIT_BEFORE.search(text[max(0, ent.start_char - 80):ent.start_char])
                or _CREDIT_AFTER.match(text, ent.end_char))


def _model_name_parts(ent: Span) -> list[Span]:
    """The names in a model PERSON span: none across a colon ("Verdict: Connor's Wedding"), two across a
    possessive ("Alan Ruck's Connor": the actor and the part), and a sentence-opening adverb the model
    took in left out ("Then Tom Wambsgans")."""
    if any(t.text == ":" or t.text in (".", "!", "?") and t.i + 1 < ent.end and t.whitespace_ for t in ent):
        return []  # "Verdict: Connor's Wedding", "Erupcja. Indeed": across a colon or a sentence end
    if " " not in ent.text and re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)+", ent.text):
        return []  # "Flash-forward", "Follow-up": one hyphenated word with a lower-case part is no name
    if len(ent) > 1 and ent[0].is_sent_start and ent[0].lower_ in _OPENING_ADVERBS:
        ent = ent[1:]
    cut = next((t.i for t in ent[1:-1] if t.lower_ in ("'s", "’s")), None)
    if cut is not None:
        return [ent.doc[ent.start:cut], ent.doc[cut + 1:ent.end]]
    return [ent]


# second halves of compounds a name opens: "Cruise-led", "Lynch-esque", "Bond-style", "Oscar-winning"
_COMPOUND_HALVES = frozenset("led esque ish like type style era based fest core free less".split())


def _with_glued_prefix(doc: Doc, ent: Span) -> Span:
    """The name with an apostrophe given name the model left out: "Joy Randolph" -> "Da'Vine Joy Randolph"."""
    k = ent.start - 1
    if len(ent) >= 2 and k >= 0 and _APOSTROPHE_NAME.fullmatch(doc[k].text) and doc[k].whitespace_:
        return doc[k:ent.end]
    return ent


def _with_glued_suffix(doc: Doc, ent: Span) -> Span:
    """The name with a hyphenated part the model left out: "Moon Seung" -> "Moon Seung-ah", "Park Chan" ->
    "Park Chan-Wook"; not a compound's second half ("Tom Cruise-led", "Cruise-esque")."""
    k = ent.end
    if k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
            and doc[k + 1].is_alpha and doc[k + 1].lower_ not in _COMPOUND_HALVES \
            and (doc[k + 1].is_lower and len(doc[k + 1]) <= 4 or doc[k + 1].is_title and len(doc[k + 1]) <= 6):
        return doc[ent.start:k + 2]
    return ent


# people nouns a synopsis names its characters after ("a kid named Moonee", "a young woman called Cyd")
_CHARACTER_NOUNS = frozenset("kid kids boy girl man woman teen teenager youngster child son daughter mother father wife "
                             "husband brother sister friend boyfriend girlfriend neighbour neighbor stranger widow "
                             "widower orphan detective cop officer nurse doctor teacher student soldier hero heroine "
                             "protagonist character guy lady gentleman loner drifter farmer hunter".split())


def _tidy_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,.;:()\"“”‘’'—–")
    name = re.sub(r"\s+-$", "", name)
    name = re.sub(r"[’']s$", "", name)
    name = re.sub(r"(?<= )(Jr|Sr)$", r"\1.", name)  # "Robert Downey Jr.": the suffix keeps its full stop
    return re.sub(r"^(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+", "", name)


def _is_name(words: list[str]) -> bool:
    return 1 <= len(words) <= 5 and all(_NAME_TOKEN.match(w) for w in words) and words[0][:1].isupper()


def _name_run(doc: Doc, i: int, work_tokens: set[int]) -> Span | None:
    """Two to four name-shaped tokens starting at `i` ("Paul Thomas Anderson", "J.J. Abrams")."""
    j = i
    while j < len(doc) and j - i < 4 and j not in work_tokens and _NAME_TOKEN.match(doc[j].text) \
            and "\n" not in doc[j].whitespace_:
        if doc[j].lower_ in _PARTICLES and j == i:
            break
        j += 1
        if j < len(doc) and doc[j].lower_ in ("'s", "’s"):
            break
    if j - i >= 2 and doc[i].text[:1].isupper() and doc[j - 1].text[:1].isupper():
        return doc[i:j]
    return None


_SUFFIXES = frozenset(("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"))


def _core(name: str) -> list[str]:
    """The words of a name without a generational suffix: "Robert Downey Jr." answers to "Downey"."""
    words = name.split()
    return words[:-1] if len(words) > 2 and words[-1] in _SUFFIXES else words


_SURNAME_PARTICLES = frozenset("van von der de den del della di da du le la st. ter ten mac bin ibn al el".split())


def _cluster(names: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """Full names with the short forms that resolve to them (surname, first name, possessives)."""
    fulls = sorted((p["name"] for p in names.values()), key=lambda x: -len(x.split()))
    # a birth name ("Born Eugene Allen Hackman") is an alias of the name the article uses ("Gene Hackman"):
    # same surname, the shorter first name a start or end of the longer one
    birth: dict[str, str] = {}
    for full in (f for f in fulls if len(f.split()) >= 3):
        first, last = full.split()[0].casefold(), full.split()[-1]
        short = [f for f in fulls if len(f.split()) == 2 and f.split()[-1] == last and len(f.split()[0]) >= 3
                 and f.split()[0].casefold() != first
                 and (first.startswith(f.split()[0].casefold()) or first.endswith(f.split()[0].casefold()))]
        if len(short) == 1:
            birth[full] = short[0]
    fulls = [f for f in fulls if f not in birth]
    clusters: dict[str, set[str]] = {}
    for name in fulls:
        words = name.split()
        owner = None
        if len(words) <= 2 or words[0].casefold() in _SURNAME_PARTICLES:
            # a short form of exactly one longer name: its last words ("Van Der Beek") or its first word
            cands = [f for f in clusters if f != name and len(f.split()) > len(words)
                     and (_core(f)[-len(words):] == words or (len(words) == 1 and f.split()[0] == words[0]))]
            if len(cands) == 1:
                owner = cands[0]
        if owner:
            clusters[owner].add(name)
        else:
            clusters[name] = set()
    for full, short in birth.items():
        if short in clusters:
            clusters[short].add(full)
    # every multi-word name also answers to its surname when no other name shares it
    surnames: dict[str, list[str]] = defaultdict(list)
    for full in clusters:
        core = _core(full)
        if len(core) >= 2:
            surnames[core[-1]].append(full)
    for last, owners in surnames.items():
        if len(owners) == 1 and last not in clusters:
            clusters[owners[0]].add(last)
    return clusters
