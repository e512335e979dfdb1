"""`entertainment_works`: titles of creative works, every mention linked to its work.

Sets: `Doc._.works` (dicts: title, kind, year, release_date, platforms, genres, countries,
languages, episodes, creators, aliases, mentions), `Doc.spans["works"]` (every mention, with
`Span._.canonical` = the work's title and `Span._.kind`).

Titles come from, in order of trust: fact lists ("Title: ...") and schema.org JSON-LD; WORK
entities of the model; italics, `<cite>` and quotation marks that look like titles; and anchor
patterns around a run of capitalised words ("2016's X", "X (1995)", "the film X", "Netflix's X",
"starred in X", "X creator"), with word lists in `patterns/work_anchors.json`. Platforms, studios
and publications (`patterns/non_works.txt`) and people's names are never works. Every accepted
title is then matched throughout the text; the kind comes from JSON-LD, facts or the words next to
its mentions (`patterns/work_kinds.json`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any, Iterator

from spacy.attrs import IDX
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..lexicon import load_json, load_jsonl, load_words
from ..metadata import ld_names, ld_types
from ..settings import FACT_KEYS
from .base import Component
from .util import FEATURING, doc_text, fact_entries, list_entries, norm_key, span_dict, string_ids, tokens_with
from .util import title_case_headings as _title_case_headings

SMALL = frozenset("a an and as at but by de for from in into la le of on or over the to under upon vs vs. with "
                  "without".split())
_LD_KINDS = {"Movie": "film", "TVSeries": "tv_series", "TVSeason": "season", "TVEpisode": "episode",
             "MusicAlbum": "album", "MusicRecording": "song", "Book": "book", "VideoGame": "game",
             "CreativeWorkSeries": "franchise", "PodcastSeries": "podcast", "TheaterEvent": "play",
             "MovieSeries": "franchise", "Episode": "episode", "CreativeWork": "other"}
_FACT_KIND = [(re.compile(p, re.I), k) for p, k in (
    (r"mini-?series|limited series|docuseries", "miniseries"), (r"\bseries|\bshow|sitcom", "tv_series"),
    (r"\bfilm|movie|feature|documentary", "film"), (r"\balbum|\bEP\b|\bLP\b", "album"), (r"\bsingle|\bsong", "song"),
    (r"\bnovel|\bbook", "book"), (r"\bgame", "game"), (r"podcast", "podcast"), (r"\bplay\b|musical", "play"))]
_CALL_TO_ACTION = re.compile(r"^(?:follow|listen to|subscribe|sign up|read more|read the|click|share|download|"
                             r"watch on|contact|email|like us|join us|see more|more from|related)\b", re.I)
_PUNCT_EDGES = " \t\n\"'“”‘’«»,.;:!?()[]"


@Language.factory(
    "entertainment_works",
    default_config={"anchors": "work_anchors.json", "kinds": "work_kinds.json", "stoplist": "non_works.txt",
                    "platforms": "platforms.txt",
                    "max_title_tokens": 12, "use_markup": True},
    assigns=["doc._.works", "doc.spans", "span._.canonical", "span._.kind"],
    requires=["doc.ents", "token.is_sent_start"],
)
def make_work_finder(nlp: Language, name: str, anchors: str, kinds: str, stoplist: str, platforms: str,
                     max_title_tokens: int, use_markup: bool) -> "WorkFinder":
    return WorkFinder(nlp, name, anchors=anchors, kinds=kinds, stoplist=stoplist, platforms=platforms,
                      max_title_tokens=max_title_tokens, use_markup=use_markup)


# sources that take a title from the page's structure (data, fact lists, headings, tables, lists)
_STRUCTURE_SOURCES = frozenset(("jsonld", "facts", "markup:heading", "markup:heading_list", "markup:table",
                                "markup:list", "markup:song", "markup:number"))
# sources a title is taken from without further checks: the structure, a fact block's head, italics
_TRUSTED_SOURCES = _STRUCTURE_SOURCES | {"facts:entry", "markup:emphasis"}
_TITLE_HEAD_KINDS = {"tour": "tour", "podcast": "podcast", "trilogy": "franchise", "saga": "franchise"}
_IN_IDS, _FOR_IDS = string_ids(["in"]), string_ids(["for"])
_TOUR_IDS = string_ids(["Tour"])
_GENERIC_TOUR_WORDS = frozenset("world farewell reunion anniversary summer winter spring fall autumn north american european "
                                "uk us u.s. stadium arena headline headlining national international global final last "
                                "first new the a".split())
_CATEGORY_HEADS = frozenset(("best", "outstanding"))
# a capitalised run right before one of these is a modifier: "a special North American tour"
_FORMAT_NOUNS = frozenset("tour tours edition editions version versions release screening screenings premiere leg "
                          "dates concert concerts".split())
_ACTING_VERBS = frozenset("stars starred plays played appears appeared co-stars co-starred voices voiced".split())
_COORD = re.compile(r"(?:,? and|,| or|, or) (?=[A-Z0-9])")
# anchors whose slot often holds a person ("X film", "nominations for X"): a first name there is a name
_NAME_SHY = frozenset(("pattern:after", "pattern:category_for", "pattern:nominated_for", "pattern:coordinated"))
_NOMINATION_WORDS = frozenset("nominated nomination nominations nod nods shortlisted".split())

_MAKER_FACT_KEYS = ("director", "directed by", "author", "written by", "artist", "creator", "created by")
_SEGMENT_SEP = re.compile(r"\s+[·|•–—-]\s+|:\s+")
_YEAR_TAIL = re.compile(r"\s*\((?:19|20)\d\d\)$")


def _title_beside_maker(clean: Any) -> str | None:
    """A fact list without a "Title:" key names its work where the headline or a short line sets the
    title beside the maker the facts name ("Dana Vore · Salt Harbor", "Salt Harbor · Dana Vore (1990)")."""
    facts = getattr(clean, "facts", None) or []
    makers = {f.value.strip().casefold() for f in facts if f.key.casefold() in _MAKER_FACT_KEYS}
    if len(makers) != 1:  # none, or a list of entries with a maker each
        return None
    text = clean.text
    lines = [getattr(clean.meta, "headline", None) or ""]
    lines += [text[s.start:s.end] for s in clean.spans
              if s.kind in ("heading", "list_item", "paragraph") and s.end - s.start <= 100]
    for line in lines:
        parts = [_YEAR_TAIL.sub("", p).strip() for p in _SEGMENT_SEP.split(line)]
        if len(parts) == 2 and any(p.casefold() in makers for p in parts):
            other = next(p for p in parts if p.casefold() not in makers)
            if other and len(other.split()) <= 8 and other[0].isupper() and other.casefold() not in FACT_KEYS:
                return other
    return None


class WorkFinder(Component):
    def __init__(self, nlp: Language, name: str, *, anchors: str, kinds: str, stoplist: str, platforms: str,
                 max_title_tokens: int, use_markup: bool) -> None:
        self.name = name
        self.nlp = nlp
        a = load_json(anchors)
        self.kind_nouns = frozenset(w.casefold() for w in a["kind_nouns"])
        self.before_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.before_matcher.add("BEFORE_TITLE", [nlp.make_doc(p.casefold()) for p in a["before_title"]])
        self.after = frozenset(w.casefold() for w in a["after_title"])
        # the tokens `_from_anchors` can start a pattern at: possessives, kind nouns, "(", after-words
        self.anchor_lowers = string_ids({"'s", "’s"} | self.kind_nouns | self.after)
        self.anchor_orths = string_ids({"("})
        self.kinds = {k: frozenset(v) for k, v in load_json(kinds).items()}
        services = load_words(platforms)
        self.platforms = load_words(stoplist) | services  # names a possessive title follows ("Netflix's X")
        self.platform_keys = frozenset(norm_key(w) for w in services)
        # "at the Tonys", "Oscars 2024": an award's name is not a title
        self.stop = frozenset(norm_key(w) for w in self.platforms) | \
            frozenset(norm_key(a) for entry in load_jsonl("awards.jsonl") for a in entry["aliases"])
        # "Discovery+" folds to the key of the film "The Discovery": a leading "The" keeps such a title
        self.plus_keys = frozenset(norm_key(w) for w in self.platforms if w.endswith("+")) - \
            frozenset(norm_key(w) for w in self.platforms if not w.endswith("+"))
        self.first_names = load_words("first_names.txt")
        self.demonyms = frozenset(norm_key(w) for w in load_words("demonyms.txt"))
        r = load_json("roles.json")
        # nouns a one-word model title before them is an adjective of ("Lebanese director", "Indian film")
        self.adjective_heads = frozenset(w for ws in r["nouns"].values() for w in ws if " " not in w) | \
            frozenset(w for ws in r["possessive_work_nouns"].values() for w in ws if " " not in w) | self.kind_nouns
        self.max_tokens = max_title_tokens
        self.use_markup = use_markup

    # ------------------------------------------------------------------ main
    def process(self, doc: Doc) -> Doc:
        clean = doc._.clean
        ents = list(doc.ents)
        # a text the model tags PERSON more often than WORK is a person ("Bridesmaids" tagged WORK three
        # times and PERSON three times stays a title candidate)
        votes: Counter = Counter((norm_key(e.text), e.label_) for e in ents if e.label_ in ("PERSON", "WORK", "AWARD"))
        last_names = {norm_key(e[-1].text) for e in ents if e.label_ == "PERSON" and len(e) > 1}
        people = {k for (k, label), n in votes.items() if label == "PERSON" and k and
                  (n > votes[(k, "WORK")] or (n == votes[(k, "WORK")] and (" " in k or k in last_names)))}
        sure_people = {k for k in people if k in last_names or (" " not in k and not votes[(k, "WORK")])}
        # italics outvote the model ("<i>Megalopolis</i>", "<i>The Substance</i>" tagged PERSON) unless the
        # text is a surname or opens with a given name
        italic_blocked = {k for k in people if k in last_names or k.split()[0] in self.first_names}
        # ... unless the model's every reading of it is in italics ("<i>Lady Macbeth</i>" each time)
        # and not a credit line ("Photo: <i>X</i>", "Photography by <i>X</i>", "<i>X</i>, https://...")
        emph = [(s.start, s.end) for s in getattr(clean, "spans", None) or () if s.kind == "emphasis"]
        if emph and italic_blocked:
            text = doc_text(doc)
            outside = {norm_key(e.text) for e in ents if e.label_ == "PERSON"
                       and not any(a == e.start_char and e.end_char == b for a, b in emph)}
            credit_lines = {norm_key(text[a:b]) for a, b in emph
                            if _CREDIT_BEFORE.search(text, max(0, a - 30), a) or _CREDIT_AFTER.match(text, b)}
            italic_blocked &= outside | credit_lines
        # the model's people a source's titles give way to (any other source: every text it tags PERSON more)
        blocked_by = {"pattern:in_which": set(), "markup:emphasis": italic_blocked, "facts": set(), "jsonld": set(),
                      **dict.fromkeys(("markup:heading_list", "markup:table", "markup:list", "pattern:bracket_series"),
                                      sure_people),
                      # "original score for Ludwig Göransson": a full name the model only ever reads as a person
                      "pattern:category_for": sure_people | {k for k in people if " " in k and not votes[(k, "WORK")]}}
        cands: dict[str, dict[str, Any]] = {}

        def add(title: str, source: str, kind: str | None = None, start: int = -1, end: int = -1,
                info: dict | None = None, bounded: bool = False) -> None:
            title = _tidy(title, keep_lead=bounded or source.startswith("markup") or source in ("jsonld", "facts"))
            key = norm_key(title)
            # "best actress for Poor Things" outvotes the model, unless the name is a person's surname or a
            # single word the model never took for a title ("best director for Scorsese")
            blocked = blocked_by.get(source, people)
            if source == "pattern:category_for" and " " not in title and \
                    re.search(rf"\b[A-Z][\w'’.-]+ {re.escape(title)}\b", doc_text(doc)):
                return  # the surname of a full name used in the text
            if not self._acceptable(title, key, blocked, source) or key in self.demonyms:
                return  # "the Lebanese director", "the first Indian film": an adjective
            c = cands.setdefault(key, {"title": title, "sources": Counter(), "kind": None, "info": {}})
            c["sources"][source] += 1
            if kind and not c["kind"]:
                c["kind"] = kind
            if info:
                for k, v in info.items():
                    c["info"].setdefault(k, v)

        for title, kind, info in self._from_jsonld(clean):
            add(title, "jsonld", kind, info=info)
        for title, kind, info in self._from_facts(clean):
            add(title, "facts", kind, info=info)
        for title, *_ in fact_entries(doc):  # "The Forget-Me-Not Library / Author: ... / Released: ..."
            add(title, "facts:entry")
        marked = {doc_text(doc)[s.start:s.end] for s in getattr(clean, "spans", None) or () if s.kind in ("emphasis", "quote")}
        for ent in ents:
            if ent.label_ == "WORK":
                key = norm_key(ent.text)
                if _QA_LABEL.match(ent.text):
                    continue  # "Q: Harry is ...": an interview's question, not a title
                if votes[(key, "AWARD")] >= votes[(key, "WORK")]:
                    continue  # "won the Palme": the model tags the name a prize as often as a title
                if len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ in self.adjective_heads:
                    continue  # "the Lebanese director", "the first Indian film": a proper adjective
                # "The Crown on Netflix": a platform glued on by the model is not part of the title
                glued = _GLUED_PLATFORM.fullmatch(ent.text)
                add(glued.group(1) if glued and norm_key(glued.group(2)) in self.stop else _with_subtitle(ent, self.first_names), "ner",
                    bounded=ent.text in marked)  # the model's title is all of a quotation or italics: keep its edges
        if self.use_markup and clean is not None:
            for s in clean.spans:
                if s.kind in ("emphasis", "quote") or (s.kind == "heading" and _quoted_heading(doc_text(doc)[s.start:s.end])):
                    text = doc_text(doc)[s.start:s.end]
                    if s.kind == "heading":
                        text = _quoted_heading(doc_text(doc)[s.start:s.end]) or ""
                    last = text.split()[-1] if text.split() else ""
                    if re.fullmatch(r"\d{2,4}", text.strip(" .,;:!?")) and _NUMBER_TITLE_BEFORE.search(doc_text(doc), max(0, s.start - 30), s.start):
                        add(text, "markup:number")  # 2014's “1989”, the war film “1917”: a number for a title
                    elif _looks_like_title(text) and not _CALL_TO_ACTION.match(text) \
                            and (last.casefold() not in SMALL or last[:1].isupper() and len(text.split()) > 1):
                        for part in _comma_list(text):
                            add(part, "markup:" + s.kind)
                    elif s.kind == "quote" and _named_song(doc_text(doc), s.start, text):
                        add(text, "markup:song", "song")  # 'lead single "vampire"': lower-case titles
            for title in _listed_headings(doc, clean, self.platform_keys):
                add(title, "markup:heading_list")
            for title in _table_titles(doc, clean):
                add(title, "markup:table")
            for e in list_entries(doc):  # "Anora (Sean Baker)" in a lineup, "loml" in a tracklist
                add(e.title, "markup:list", "song" if e.song else None)
        for title, source in self._from_anchors(doc):
            parts = re.split(r"\s+(?:and|&)\s+", title)
            for part in parts if len(parts) > 1 and all(_looks_like_title(p) for p in parts) else [title]:
                add(part, source)

        runs = _WordRuns(doc_text(doc))
        surnames = {w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in (e[0].text, e[-1].text)}
        caps_heads = _title_case_headings(doc)
        names = {norm_key(e.text) for e in ents if e.label_ == "PERSON"} | set(cands)
        accepted = {k: c for k, c in cands.items() if self._trusted(c) and not self._weak_single_word(c, doc, runs)
                    and not self._weak_model_title(c, doc, surnames, caps_heads, names, runs)
                    and not _only_an_outlet(c["title"], runs)}
        for title in self._coordinated(doc, accepted):  # "including Anchorman and The 40-Year-Old Virgin"
            add(title, "pattern:coordinated")
            key = norm_key(title)
            if key in cands and key not in accepted and not self._weak_single_word(cands[key], doc, runs):
                accepted[key] = cands[key]
        for title in _bracket_series(doc_text(doc), accepted):  # "A (The Outsiders), B (The Notebook)"
            add(title, "pattern:bracket_series")
            key = norm_key(title)
            if key in cands and key not in accepted and cands[key]["sources"].get("pattern:bracket_series"):
                accepted[key] = cands[key]
        accepted = _without_marked_extensions(_fold_short_forms(accepted))
        mentions = self._mentions(doc, accepted)
        doc.spans["works"] = mentions
        doc._.works = self._records(doc, accepted, mentions)
        return doc

    # ------------------------------------------------------------- sources
    def _from_jsonld(self, clean: Any) -> Iterator[tuple[str, str | None, dict]]:
        for obj in getattr(clean, "jsonld", []) or []:
            types = ld_types(obj)
            kind = next((_LD_KINDS[t] for t in types if t in _LD_KINDS), None)
            if kind is None or not isinstance(obj.get("name"), str):
                continue
            info: dict[str, Any] = {}
            if isinstance(obj.get("genre"), (str, list)):
                g = obj["genre"]
                info["genres"] = [x for x in (g if isinstance(g, list) else [g]) if isinstance(x, str)]
            for key, field in (("director", "creators"), ("creator", "creators"), ("author", "creators"),
                               ("byArtist", "creators")):
                names = ld_names(obj.get(key))
                if names:
                    info.setdefault(field, names)
            for key in ("datePublished", "dateCreated", "startDate"):
                if isinstance(obj.get(key), str) and re.match(r"\d{4}", obj[key]):
                    info.setdefault("release_date", obj[key][:10])
            if isinstance(obj.get("numberOfEpisodes"), (int, str)) and str(obj["numberOfEpisodes"]).isdigit():
                info["episodes"] = int(obj["numberOfEpisodes"])
            yield obj["name"], kind, info

    def _from_facts(self, clean: Any) -> Iterator[tuple[str, str | None, dict]]:
        facts = getattr(clean, "facts", []) or []
        by_key = {f.key.casefold(): f.value for f in facts}
        title = by_key.get("title") or by_key.get("original title") or by_key.get("album") \
            or _title_beside_maker(clean)
        if not title:
            return
        info: dict[str, Any] = {}
        kind = None
        fmt = by_key.get("format") or by_key.get("type") or ""
        for rx, k in _FACT_KIND:
            if rx.search(fmt):
                kind = k
                break
        m = re.search(r"(\d+)\s+episodes?", fmt + " " + (by_key.get("episodes") or by_key.get("number of episodes") or ""))
        if m:
            info["episodes"] = int(m.group(1))
        elif (by_key.get("episodes") or "").strip().isdigit():
            info["episodes"] = int(by_key["episodes"].strip())
        for key, field in (("genre", "genres"), ("genres", "genres"), ("country", "countries"),
                           ("countries", "countries"), ("country of production", "countries"),
                           ("country of origin", "countries"), ("language", "languages"),
                           ("languages", "languages"), ("original language", "languages"),
                           ("creator", "creators"), ("creators", "creators"), ("created by", "creators"),
                           ("director", "creators"), ("directed by", "creators"),
                           ("platform", "platforms"), ("network", "platforms"), ("streaming on", "platforms"),
                           ("where to watch", "platforms"), ("available on", "platforms"),
                           ("produced by", "producers")):
            if by_key.get(key):
                info.setdefault(field, _split_list(by_key[key]))
        for key in ("release date", "released", "premiere", "premiere date", "first aired", "release"):
            if by_key.get(key):
                info.setdefault("release_text", by_key[key])
        yield title, kind, info

    def _from_anchors(self, doc: Doc) -> Iterator[tuple[str, str]]:
        toks = doc
        n = len(doc)
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        person_ends_any = {e.end for e in persons}
        # "the Sean Penn film X": a name used as a modifier after an article
        person_ends = {e.end for e in persons if e.start > 0 and doc[e.start - 1].lower_ in ("the", "a", "an")}
        for i in tokens_with(doc, self.anchor_lowers, self.anchor_orths):
            tok = toks[i]
            low = tok.lower_
            # "2016's Star Trek Beyond", "Netflix's When They See Us"
            if low in ("'s", "’s") and i > 0:
                prev = toks[i - 1]
                if re.fullmatch(r"(19|20)\d\d", prev.text) or prev.lower_ in self.platforms:
                    run = self._run_right(doc, i + 1)
                    if run:
                        yield run.text, "pattern:possessive"
            # "the film X", "the series X", "new album X"
            if low in self.kind_nouns and not tok.text[:1].isupper() and i + 1 < n and toks[i + 1].is_title and i > 0 \
                    and (i in person_ends or re.fullmatch(r"(19|20)\d\d", toks[i - 1].text)  # "the Sean Penn film X", "his 1984 film X"
                         or toks[i - 1].lower_ in ("the", "a", "new", "his", "her", "their", "its", "latest", "debut",
                                               "upcoming", "hit", "next", "first", "second", "third", "final", "last",
                                               "original", "animated", "documentary", "classic")):
                run = self._run_right(doc, i + 1)
                if run and not (run.end < n and toks[run.end].lower_ in _FORMAT_NOUNS):
                    yield run.text, "pattern:kind_noun"  # not "a special North American tour"
            # "X (1995)"
            if tok.text == "(" and i + 2 < n and re.fullmatch(r"(19|20)\d\d", toks[i + 1].text) and toks[i + 2].text == ")":
                run = self._run_left(doc, i)
                if run:
                    yield run.text, "pattern:year_paren"
            # "X creator Noah Hawley", "X star Y", "X film"
            if low in self.after and i > 0 and not tok.is_title:
                run = self._run_left(doc, i)
                if run and low == "tour" and all(t.lower_ in _GENERIC_TOUR_WORDS or t.ent_type_ in ("LOC", "GPE")
                                                 or norm_key(t.text) in self.demonyms for t in run):
                    continue  # "a North American tour", "her UK tour": where, not which
                if run and not (len(run) == 1 and run[0].is_sent_start):
                    yield run.text, "pattern:after"
        # "Taylor Swift's record-breaking Eras Tour", "the Guts World Tour": a named tour
        for i in tokens_with(doc, orth=_TOUR_IDS):
            j = i  # the capitalised words right before "Tour", no small word between ("... With X for Moonfall Tour")
            while j - 1 >= 0 and i - j < 4 and self._is_title_word(doc[j - 1]) and doc[j - 1].lower_ not in SMALL \
                    and doc[j - 1].ent_type_ != "PERSON" and "\n" not in doc[j - 1].whitespace_:
                j -= 1
            run = doc[j:i]
            if len(run) and any(t.lower_ not in _GENERIC_TOUR_WORDS and not t.like_num for t in run) \
                    and not (len(run) == 1 and run[0].is_sent_start):
                yield doc[j:i + 1].text, "pattern:tour"
        # "another, Imogene, in which she stars alongside ...": the name before "in which" + an acting verb
        for i in tokens_with(doc, _IN_IDS):
            if 2 <= i < n - 3 and toks[i + 1].lower_ == "which" and toks[i - 1].text == "," \
                    and any(t.lower_ in _ACTING_VERBS for t in toks[i + 2:min(n, i + 5)]):
                run = self._run_left(doc, i - 1)
                if run and not (len(run) == 1 and run[0].is_sent_start):
                    yield run.text, "pattern:in_which"
        # "won best actress for Poor Things", "earlier nominations for Chaplin and Tropic Thunder"
        for i in tokens_with(doc, _FOR_IDS):
            tok = toks[i]
            if i + 1 >= n:
                continue
            back = toks[max(tok.sent.start, i - 6):i]
            if any(t.lower_ in _CATEGORY_HEADS for t in back):
                source = "pattern:category_for"
            elif i in person_ends_any and any(t.lower_ in _CATEGORY_HEADS or t.lower_ in _NOMINATION_WORDS
                                               for t in toks[tok.sent.start:i]):
                source = "pattern:category_for"  # "... nominees for best actress were A for X, B for Nyad"
            elif i > 0 and toks[i - 1].lower_ in _NOMINATION_WORDS:
                source = "pattern:nominated_for"
            else:
                continue
            run = self._run_right(doc, i + 1)
            if run and _who_follows(doc, run.end):
                continue  # "best featured actor for Kip Ardley, who plays the bassist": a person
            if run:  # "for Anatomy of a Fall and Annette Bening for Nyad": the next nominee is not in the title
                yield (run.text.split(" and ")[0] if source == "pattern:category_for" else run.text), source
        # "starred in X", "sequel to X"
        for _, _, end in self.before_matcher(doc):
            run = self._run_right(doc, end)
            if run:
                yield run.text, "pattern:before"

    def _coordinated(self, doc: Doc, accepted: dict[str, dict]) -> list[str]:
        """Title runs listed right after an accepted title: "Anchorman and The 40-Year-Old Virgin"."""
        text = doc_text(doc)
        starts: dict[int, int] | None = None  # token index by start offset, built on the first listing found
        out = []
        for c in list(accepted.values()):
            for m in re.finditer(re.escape(c["title"]), text):
                j = _COORD.match(text, m.end())
                if not j:
                    continue
                if starts is None:
                    starts = {c: i for i, c in enumerate(doc.to_array(IDX).tolist())}  # token start -> index
                if j.end() not in starts:
                    continue
                run = self._run_right(doc, starts[j.end()])
                if run is not None and _looks_like_title(run.text) and norm_key(run.text) not in accepted \
                        and not any(t.ent_type_ in ("PERSON", "ORG", "LOC") for t in run):
                    out.append(run.text.split(" and ")[0])
        return out

    # -------------------------------------------------------- title runs
    def _is_title_word(self, tok: Any) -> bool:
        t = tok.text
        if tok.lower_ in self.kind_nouns or tok.lower_ in ("tv", "season", "episode"):
            return False
        return (t[:1].isupper() or t[:1].isdigit()) and not tok.is_punct and "\n" not in t

    def _run_right(self, doc: Doc, i: int) -> Span | None:
        if i >= len(doc) or not self._is_title_word(doc[i]) or doc[i].is_sent_start and i > 0 and False:
            return None
        j = i
        end = i
        while j < len(doc) and j - i < self.max_tokens:
            tok = doc[j]
            if self._is_title_word(tok):
                end = j + 1
            elif tok.lower_ in SMALL or tok.text in (":", "-", "&", "'", "’"):
                k = j + 1  # "Murders in the Building": up to two small words before the next title word
                if k < len(doc) and k - j < 2 and doc[k].lower_ in SMALL and doc[k].text.islower():
                    k += 1
                if not (k < len(doc) and self._is_title_word(doc[k]) and doc[k].text[:1].isalpha()):
                    break
                if k == j + 1 and tok.lower_ in _PERSON_LINKS and _full_name_at(doc, k):
                    break  # "starred in Jurassic Park with Laura Dern": the cast is not in the title
            else:
                break
            if tok.whitespace_ and "\n" in tok.whitespace_:
                break
            if j + 1 < len(doc) and doc[j + 1].lower_ in ("'s", "’s"):
                break
            j += 1
        return doc[i:end] if end > i else None

    def _run_left(self, doc: Doc, i: int) -> Span | None:
        j = i - 1
        start = i
        while j >= 0 and i - j <= self.max_tokens:
            tok = doc[j]
            if "\n" in tok.text or "\n" in tok.whitespace_ and j != i - 1:
                break
            if self._is_title_word(tok):
                start = j
                if tok.is_sent_start:
                    break
            elif tok.lower_ in SMALL and j > 0 and self._is_title_word(doc[j - 1]) and start == j + 1:
                pass
            else:
                break
            j -= 1
        if start < i and doc[start].lower_ in SMALL:
            start += 1
        return doc[start:i] if start < i else None

    # ------------------------------------------------------------- filters
    def _acceptable(self, title: str, key: str, people: set[str], source: str) -> bool:
        if not key or len(title) > 120 or key in people or \
                key in self.stop and not (title.startswith("The ") and key in self.plus_keys):
            return False
        words = title.split()
        if len(words) > self.max_tokens + 2:
            return False
        if re.fullmatch(r"[\d\W]+", title) and not re.search(r"[A-Za-z]", title) and source != "markup:number":
            return False
        if words[0].rstrip(".").casefold() in FEATURING:
            return False  # "(Ft. Stevie Wonder)": the featured artist after a song's title
        if _MONTH_YEAR.fullmatch(title):
            return False  # "December 2025", "Tracks of November": a headline's dates, not a title
        if source.startswith("pattern") or source == "ner":
            if key in _MONTHS or key in SMALL:
                return False
            if len(words) >= 2 and words[-1] in _EVENT_HEADS:
                return False  # "the 1988 Eurovision Song Contest", "Sundance Film Festival": an event
        if source in _NAME_SHY and len(words) >= 2 and words[0].casefold() in self.first_names \
                and (len(words) <= 3 or words[2].casefold() in SMALL):  # "Annette Bening for Nyad"
            return False
        if source.startswith("pattern") and re.match(r"(19|20)\d\d\b", title):
            return False  # "Leonardo DiCaprio stars ..." names a person, not a work
        return True

    def _trusted(self, c: dict) -> bool:
        """A candidate from one weak source alone must look like a title."""
        src = c["sources"]
        if any(src.get(k) for k in _TRUSTED_SOURCES):
            return True
        if src.get("markup:quote") and _looks_like_title(c["title"], strict=True):
            return True
        if src.get("ner"):
            return True
        patterns = sum(v for k, v in src.items() if k.startswith("pattern"))
        return patterns >= 1 and len(c["title"]) > 1

    def _weak_single_word(self, c: dict, doc: Doc, runs: "_WordRuns") -> bool:
        """One capitalised word is a title only with evidence beyond a single weak cue."""
        title = c["title"]
        if " " in title:
            return False
        src = c["sources"]
        if any(src.get(k) for k in _STRUCTURE_SOURCES):
            return False
        word = title.casefold()
        if word in STOP_WORDS or (title.isupper() and len(title) <= 4 and not src.get("ner")):
            return True
        strong = sum(v for k, v in src.items() if k in ("markup:emphasis", "markup:quote", "ner"))
        weak = sum(2 * v for k, v in src.items() if k.startswith("pattern"))
        # used as an ordinary lower-case word elsewhere in the article: "Editions", "Proud"
        if runs.find(word) and strong + weak < 3:
            return True
        # capitalised only where every word is: at the start of a sentence or line ("Add in director X")
        if not src.get("markup:emphasis") and not src.get("markup:quote") and all(
                _sentence_initial(doc, start) for start in runs.find(title)):
            return True
        return strong == 0 and weak < 2

    def _weak_model_title(self, c: dict, doc: Doc, surnames: set[str], caps_heads: list[tuple[int, int]],
                          names: set[str], runs: "_WordRuns") -> bool:
        """Model-only titles the model is known to get wrong: a person's first or last name ("Fey"),
        a phrase ending in a lower-case word ("Han shot"), or words seen only in a Title Case
        heading, where every word is capitalised and the model guesses ("Film Cuts Matter")."""
        if set(c["sources"]) != {"ner"}:
            return False
        title = c["title"]
        words = title.split()
        if len(words) == 1 and title in surnames and c["sources"]["ner"] < 3:
            return True  # tagged a title three times or more, it is one ("Oppenheimer", "Rustin", "Nyad")
        if words[-1][:1].islower():
            return True
        if any(w[:1].islower() and w.casefold() not in SMALL for w in words):
            return True  # "Even when I", "seven months I", "It is Ms. Alley": a quoted remark's words
        if len(words) == 2 and words[0].casefold() in STOP_WORDS and words[1] in ("I", "We", "You", "He", "She", "They"):
            return True  # "So I", "Well I": the opening words of a quoted remark
        if re.search(r"(?:^|\s)(?!(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Vol|No|Pt|Mt|Ft|Ep)\.)[A-Z][a-z]{0,2}\. [A-Z]", title):
            return True  # "Um. Not for more than...": a sentence break, not an abbreviation
        # "Annette Bening for Nyad", "Fallout's Ella Purnell": a name or another title glued on
        parts = re.split(r"\s+(?:for|in|to|at|on|with|as)\s+|[’']s\s+", title, maxsplit=1)
        if len(parts) == 2 and any(norm_key(p) in names for p in parts):
            return True
        if len(words) >= 3 and caps_heads:
            spots = [m.start() for m in re.finditer(re.escape(title), doc_text(doc))]
            if spots and all(any(s <= x < e for s, e in caps_heads) for x in spots):
                return True
        return _cast_as_character(doc, title, runs)

    # ------------------------------------------------------------ mentions
    def _mentions(self, doc: Doc, accepted: dict[str, dict]) -> list[Span]:
        matcher = PhraseMatcher(doc.vocab)
        for key, c in accepted.items():
            forms = {c["title"], *c.get("aliases", ())}
            # a heading in Title Case or capitals names it too ("1. On Becoming A Guinea Fowl")
            forms |= {v for f in list(forms) if " " in f for v in (_capitalised(f), f.upper())}
            # "Swift's record-breaking Eras Tour" names "The Eras Tour" (not "Crown" for "The Crown")
            forms |= {f[4:] for f in list(forms) if f.startswith("The ") and len(f.split()) > 2
                      and f.split()[-1] not in _EVENT_HEADS}
            matcher.add(key, [self.nlp.make_doc(f) for f in forms])
        spans = [Span(doc, s, e, label="WORK") for m, s, e in matcher(doc)]
        # prefer the longest: "Star Trek Beyond" over "Star Trek"
        spans = filter_spans(spans)
        person_len: dict[int, int] = {}  # token -> length of the PERSON entity covering it
        for e in doc.ents:
            if e.label_ == "PERSON":
                person_len.update(dict.fromkeys(range(e.start, e.end), len(e)))
        by_alias: dict[str, dict] = {}
        for v in accepted.values():
            for a in v.get("aliases", ()):
                by_alias.setdefault(norm_key(a), v)
        out = []
        in_title = {t for s in spans for t in range(s.start, s.end)}
        for s in spans:
            # a short title inside a longer name ("Gomez" in "Selena Gomez") is part of the name
            if len(s) <= 2 and any(person_len.get(t, 0) > len(s) for t in range(s.start, s.end)):
                continue
            key = norm_key(s.text)
            c = accepted.get(key) or by_alias.get(key)
            s._.canonical = c["title"] if c else s.text
            s._.kind = self._kind_near(s, in_title)
            out.append(s)
        return out

    def _kind_near(self, span: Span, in_title: set[int] = frozenset()) -> str | None:
        """The kind a word near the mention names ("the film X", "X, the series"); the words of another
        title are not read ("Lift and Boy Swallows Universe": no franchise)."""
        doc = span.doc
        window = [t.lower_ for t in doc[max(0, span.start - 3):span.start] if t.i not in in_title] + \
                 [t.lower_ for t in doc[span.end:min(len(doc), span.end + 5)] if not t.is_punct and t.i not in in_title]
        for kind, words in self.kinds.items():
            if any(w in words for w in window):
                return kind
        # "Bonnie and Clyde (1967)": a bare year in brackets after a title is how films are dated
        if span.end + 2 < len(doc) and doc[span.end].text == "(" and re.fullmatch(r"(19|20)\d\d", doc[span.end + 1].text) \
                and doc[span.end + 2].text == ")":
            return "film"
        return None

    # ------------------------------------------------------------- records
    def _records(self, doc: Doc, accepted: dict[str, dict], mentions: list[Span]) -> list[dict]:
        by_key: dict[str, list[Span]] = defaultdict(list)
        for s in mentions:
            by_key[norm_key(s._.canonical)].append(s)
        year_spans = [(s, int(s._.iso_date)) for s in doc.spans.get("dates", [])
                      if s._.iso_date and len(s._.iso_date) == 4]  # Span._ reads are slow: once per doc
        out = []
        year_by_start: dict[int, int] = {}  # token -> index in year_spans of the first year starting/ending there
        year_by_end: dict[int, int] = {}
        for n, (span, _) in enumerate(year_spans):
            year_by_start.setdefault(span.start, n)
            year_by_end.setdefault(span.end, n)
        for key, c in accepted.items():
            ms = by_key.get(key, [])
            if not ms and not (c["sources"].get("jsonld") or c["sources"].get("facts")):
                continue  # never in the text after all (e.g. swallowed by a longer title)
            kinds = Counter(s._.kind for s in ms if s._.kind)
            kind = c["kind"] or _TITLE_HEAD_KINDS.get(c["title"].split()[-1].casefold()) \
                or (kinds.most_common(1)[0][0] if kinds else "other")  # "GUTS World Tour" is a tour
            info = c["info"]
            release = _iso_from_text(info.get("release_text")) or info.get("release_date")
            # the first year (in text order) within two tokens of a mention
            near = [k for m in ms for d in range(-2, 3) for k in (year_by_start.get(m.end + d), year_by_end.get(m.start + d))
                    if k is not None]
            years = [year_spans[min(near)][1]] if near else []
            record = {
                "title": c["title"], "kind": kind,
                "year": int(release[:4]) if release else (years[0] if years else None),
                "release_date": release if release and len(release) == 10 else None,
                "platforms": info.get("platforms", []), "genres": [g.lower() for g in info.get("genres", [])],
                "countries": info.get("countries", []), "languages": info.get("languages", []),
                "episodes": info.get("episodes"), "creators": info.get("creators", []),
                "aliases": sorted(set(c.get("aliases", ())) | {m.text for m in ms if norm_key(m.text) != key}),
                "mentions": [span_dict(s, f"{self.name}:{_best_source(c)}") for s in ms],
            }
            out.append(record)
        return out


class _WordRuns:
    r"""Where `(?<![\w-])WORD(?![\w-])` matches in a text, for many words: a word made of word
    characters and hyphens matches exactly where it is a whole run of them, so the runs are listed
    once per text instead of searching the text once per word (other words are searched)."""

    _RUN = re.compile(r"[\w-]+")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] | None = None

    def find(self, word: str) -> list[int]:
        """Start offsets of the matches, in order."""
        if not word:
            return []
        if not self._RUN.fullmatch(word):  # "Page Six", "Harry's House": str.find with the boundary checks
            text, out, i = self.text, [], self.text.find(word)
            while i >= 0:
                j = i + len(word)
                if (i == 0 or not _word_char(text[i - 1])) and (j == len(text) or not _word_char(text[j])):
                    out.append(i)
                    i = text.find(word, j)
                else:
                    i = text.find(word, i + 1)
            return out
        if self._starts is None:
            self._starts = defaultdict(list)
            for m in self._RUN.finditer(self.text):
                self._starts[m.group()].append(m.start())
        return self._starts.get(word, [])


_MODS = r"(?:(?:the|a|an)\s+(?:(?!(?:of|the|a|an|in|on|for|and|or|to|with|at|by|from)\s)[a-z][a-z-]*\s+){1,3})?"
_LISTED_HEADING = re.compile(r"\s*(?:#?\d{1,3}\s*[.):–-]?\s+)?[\"“‘']?(?P<title>[^\s(].*?)[\"”’']?\s*\((?:19|20)\d\d\)"
                             r"(?:\s*[-–—:|].*)?\s*")


def _listed_headings(doc: Doc, clean, platforms: frozenset[str]) -> list[str]:  # noqa: ANN001
    """Titles from a run of subheadings shaped like list entries, "10. Baby Driver (2017)",
    "Heat (1995) - Netflix", "Homegrown Magnolia Network": two or more of them make the page a list of works."""
    text = doc_text(doc)
    found = []
    for s in clean.spans:
        if s.kind == "heading":
            heading = text[s.start:s.end]
            m = _LISTED_HEADING.fullmatch(heading)
            if m:
                title = m.group("title")
            else:  # the title must be marked off from the service after it
                title = _before_platform(heading, platforms)
                if title and not _set_off(text, s, title, clean.spans):
                    continue
            if title and _looks_like_title(title):
                found.append(title)
    return found if len(found) >= 2 else []


_PLATFORM_TAIL = re.compile(r"\s*(?:[-–—:|,(]\s*)?(?:on |streaming on |watch on )?$", re.I)


def _set_off(text: str, heading, title: str, spans) -> bool:  # noqa: ANN001
    """The title before a platform is marked off from it: by punctuation ("Heat – Netflix", "Heat (Max)"),
    or by markup of its own (a link or bold text exactly covering it)."""
    rest = text[heading.start:heading.end].split(title, 1)[-1]
    if re.match(r"\s*[-–—:|,(]", rest):
        return True
    return any(s.kind in ("link", "strong", "emphasis") and heading.start <= s.start and s.end <= heading.end
               and text[s.start:s.end].strip() == title for s in spans)


def _before_platform(heading: str, platforms: frozenset[str]) -> str | None:
    """"Homegrown Magnolia Network", "Grow, Cook, Eat – Amazon Prime", "1. Heat (Netflix)": the title before
    a streaming service or channel that ends a subheading."""
    words = heading.strip().rstrip(")").split()
    for n in (3, 2, 1):
        if len(words) > n and norm_key(" ".join(words[-n:])) in platforms:
            head = " ".join(words[:-n])
            head = head[:_PLATFORM_TAIL.search(head).start()]
            head = re.sub(r"^\s*#?\d{1,3}\s*[.):–-]?\s+", "", head)
            return head.strip(" \"“”‘’'") or None
    return None


_BRACKETED = re.compile(r"(?P<name>[A-Z][^(),;:\n]{1,40}?) \((?P<inner>[^()\n]{2,60})\)(?P<sep>,? and |, |)")


def _bracket_series(text: str, accepted: dict[str, dict]) -> list[str]:
    """Bracketed parts of a series "A (W1), B (W2) and C (W3)" where one of them is already a title:
    the others are titles too ("Brody Grant (The Outsiders), Dorian Harewood (The Notebook)")."""
    out: list[str] = []
    series: list[str] = []
    pos = -1
    for m in _BRACKETED.finditer(text):
        if m.start() != pos:
            series = []
        series.append(m.group("inner").strip())
        pos = m.end() if m.group("sep") else -1
        if not m.group("sep"):
            if len(series) >= 2 and any(norm_key(x) in accepted for x in series):
                out += [x for x in series if norm_key(x) not in accepted and _looks_like_title(x)]
            series = []
    return out


_QA_LABEL = re.compile(r"(?:Q|A|Question|Answer)\s*:")
_SONG_CUE = re.compile(r"\b(?:single|song|songs|track|tracks|ballad|anthem|hit|rave-up|tune|number|cut|"
                       r"performed|performs|sang|sings|covered|released)\W{0,3}$", re.I)


def _named_song(text: str, start: int, quoted: str) -> bool:
    """A lower-case quotation right after a song noun or a singer's verb is a song title ('lead single
    "vampire"', 'performed "get him back!"'): short, no sentence inside it."""
    words = quoted.split()
    if not words or len(words) > 6 or len(quoted) > 60 or re.search(r"[.;:]\s", quoted):
        return False
    return bool(_SONG_CUE.search(text[max(0, start - 25):start]))


_TITLE_COLUMN = re.compile(r"(?:title|film|movie|show|series|programme|program|album|song|single|track|book|"
                           r"novel|game|play|musical|documentary|picture|work)s?", re.I)


def _table_titles(doc: Doc, clean) -> list[str]:  # noqa: ANN001
    """Cells under a table column headed "Title", "Film", "Album"...: a box-office chart, a release list."""
    text = doc_text(doc)
    columns: dict[tuple[str, str], bool] = {}
    found = []
    for s in clean.spans:
        if s.kind != "table_cell" or "col" not in s.attrs:
            continue
        key = (s.attrs.get("table", ""), s.attrs["col"])
        cell = text[s.start:s.end].strip()
        if key not in columns:  # the column's first cell is its header
            columns[key] = bool(_TITLE_COLUMN.fullmatch(cell))
            continue
        if columns[key] and s.attrs.get("header") != "1" and _looks_like_title(cell):
            found.append(cell)
    return found


_PLAYS = re.compile(r"\b(?:plays|played|playing|portrays|portrayed|portraying|voices|voiced|voicing|reprises|reprising)"
                    r"\s+" + _MODS + "$")
_AS = re.compile(r"(?<![\w-])as\s+" + _MODS + "$")
_NOT_CAST_AS = frozenset("such well known same so released billed described marketed rebranded retitled re-titled "
                         "titled reissued renamed adapted".split())
_PLAYED_BY = re.compile(r"^\s*[,(]?\s*(?:who\s+is\s+|is\s+)?(?:played|portrayed|voiced)\s+by\b")
_NAME_SHAPE = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")


def _cast_as_character(doc: Doc, title: str, runs: "_WordRuns") -> bool:
    """A name the model alone took for a title, but which the text casts as a character: "X plays
    Baby", "X, who plays the translator Mariko", "X featured in two episodes as Tess", "Bill, played by
    X". Only short name-shaped titles ("Tess", "Charlie Croker"; not "The Bear", "3 Body Problem"),
    and "as" counts only with a person named just before it in the sentence ("such as", "known as"
    and "released as" introduce titles)."""
    if not _NAME_SHAPE.fullmatch(title) or title.split()[0] in ("The", "A", "An"):
        return False
    text = doc_text(doc)
    for start in runs.find(title):
        end = start + len(title)
        before, after = text[max(0, start - 60):start], text[end:end + 30]
        if _PLAYS.search(before) or _PLAYED_BY.match(after):
            return True
        cue = _AS.search(before)
        if cue is None:
            continue
        head = before[:cue.start()].rstrip()
        prev = re.search(r"([\w-]+)\W*$", head)
        if prev is None or prev.group(1).casefold() in _NOT_CAST_AS:
            continue
        lo = start - len(before) + cue.start() - 80
        span = doc.char_span(max(0, lo), start, alignment_mode="expand")
        if span is not None and any(e.label_ == "PERSON" and e.end <= span.end and e.sent == span[-1].sent
                                    for e in span.ents):
            return True
    return False


_AND_THE = re.compile(r" and the [A-Z][a-z][\w'’-]*(?: (?:of |the |a )*[A-Z][a-z][\w'’-]*)?(?![\w'’-]| [A-Z])")
_SUBTITLE = re.compile(r":\s+((?:[A-Z0-9][\w'’-]*)(?:\s+(?:[A-Z0-9][\w'’-]*|of|the|and|a|an|-|–)){0,7})")


def _with_and_the(ent: Span) -> str | None:
    """The model's title with the "and the ..." half it stopped before: "The Boy" -> "The Boy and the
    Heron", "Harry Vane" -> "Harry Vane and the Glass Tower". The lower-case "the" keeps it one title
    (a second title would be "and The Crown"); nothing another entity of the model's covers is taken in
    ("and the Academy Awards")."""
    doc = ent.doc
    m = _AND_THE.match(doc_text(doc), ent.end_char)
    if m is None or " and " in ent.text:
        return None
    end = m.end()
    if any(e.label_ != "WORK" and e.start_char < end and e.end_char > ent.end_char for e in doc.ents):
        return None
    return doc_text(doc)[ent.start_char:end]


def _with_subtitle(ent: Span, first_names: frozenset[str]) -> str:
    """The model's title with the subtitle it stopped before: "Black Panther" -> "Black Panther: Wakanda
    Forever". The subtitle is a capitalised run after the colon that does not open with a person's
    name ("Oppenheimer: Cillian Murphy on ..."); else the "and the ..." half (`_with_and_the`)."""
    doc = ent.doc
    lead = _line_number_before(ent)
    if lead is not None:
        return f"{lead.text} {ent.text}"  # "3 Body Problem" on a line of its own: the model left off the number
    m = _SUBTITLE.match(doc_text(doc), ent.end_char)
    if m is None or ":" in ent.text:
        return _with_and_the(ent) or ent.text
    words = m.group(1).split()
    while words and words[-1].casefold() in SMALL | {"-", "–"}:
        words.pop()
    if not words:
        return ent.text
    end = m.start(1) + len(" ".join(words))
    if words[0].casefold() in first_names or any(e.label_ == "PERSON" and e.start_char < end and e.end_char > ent.end_char
                                                 and e[0].lower_ in first_names for e in doc.ents):
        return ent.text
    return doc_text(doc)[ent.start_char:end] if " ".join(words) == doc_text(doc)[m.start(1):end] else ent.text


def _line_number_before(ent: Span) -> Token | None:
    """A bare number opening the line that `ent` ends, right before it ("3 Body Problem", "12 Angry Men" as
    list lines): the title's first word; not a rank ("1. Title") or a count in running text."""
    doc = ent.doc
    if ent.start < 1:
        return None
    num = doc[ent.start - 1]
    if not (num.text.isdigit() and len(num.text) <= 3 and num.whitespace_ == " ") or ent[0].lower_ in ("the", "a", "an"):
        return None  # "4 The Creatives": a rank before a title
    opens = num.i == 0 or "\n" in doc[num.i - 1].text or "\n" in doc[num.i - 1].whitespace_
    ends = ent.end >= len(doc) or "\n" in ent[-1].whitespace_ or "\n" in doc[ent.end].text
    return num if opens and ends else None


_GLUED_PLATFORM = re.compile(r"(.+?)\s+(?:on|via)\s+(\S.*)")
_OPENING_QUOTES = frozenset(('"', "“", "‘", "'", "(", "«"))


def _sentence_initial(doc: Doc, char: int) -> bool:
    """At the start of a sentence or line, or of a quotation that starts one (“Congratulations, ...”)."""
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None:
        return True
    i = tok.start
    while i > 0 and doc[i - 1].text in _OPENING_QUOTES and not doc[i - 1].whitespace_ and not doc[i].is_sent_start:
        i -= 1
    return doc[i].is_sent_start or i == 0 or "\n" in doc[i - 1].whitespace_ + doc[i - 1].text


_MONTHS = frozenset("january february march april may june july august september october november december "
                    "monday tuesday wednesday thursday friday saturday sunday".split())  # and weekdays


def _without_marked_extensions(accepted: dict[str, dict]) -> dict[str, dict]:
    """'Moonfall Road with Jonas Berg' found only by a pattern, beside an italic or quoted 'Moonfall Road':
    the markup gave the title's bounds, and the run went on past them through a lower-case small word."""
    marked = [c["title"] for c in accepted.values()
              if any(k.startswith("markup") or k in ("jsonld", "facts") for k in c["sources"])]
    out = {}
    for key, c in accepted.items():
        if all(k.startswith("pattern") for k in c["sources"]) and any(
                c["title"].startswith(t + " ") and c["title"][len(t) + 1:].split()[0] in SMALL for t in marked):
            continue
        out[key] = c
    return out


def _fold_short_forms(accepted: dict[str, dict]) -> dict[str, dict]:
    """'Trek' beside 'Star Trek', 'Mrs Maisel' beside 'The Marvelous Mrs Maisel': a candidate that ends exactly
    one longer title (a one-word one, a title of two words) is its alias."""
    out = dict(accepted)
    for key, c in accepted.items():
        if " " in key:  # "Mrs Maisel" ending "The Marvelous Mrs Maisel", "No Way Home" ending "Spider-Man: No Way Home"
            longer = [o for k, o in accepted.items() if k != key and k.endswith(" " + key)
                      and not re.search(r"/\s*$", o["title"][:-len(c["title"])])]  # "Pale Blue Dot / Lift Off": two
        else:
            longer = [o for k, o in accepted.items() if k != key and k.split()[-1:] == [key] and len(k.split()) == 2]
        if len(longer) == 1 and not (c["sources"].get("jsonld") or c["sources"].get("facts")):
            longer[0].setdefault("aliases", set()).add(c["title"])
            del out[key]
    return out


# a photo or source credit line around an italic name ("Photo: <i>X</i>", "<i>X</i>, https://...")
_CREDIT_BEFORE = re.compile(r"(?:\b(?:photo|photos|photograph|photography|credit|credits|source|image|picture|illustration|"
                            r"courtesy)\s*[:\-–—|]?|\bby|©)\s*$", re.I)
_CREDIT_AFTER = re.compile(r"\s*,\s*(?:https?:|www\.|[A-Z][a-z]+,\s*[A-Z]{2}\b)")
_EVENT_HEADS = frozenset("Contest Festival Fest Awards Award Ceremony Gala Summit Expo Convention Olympics "
                         "Championships Championship Prize Prizes".split())
# small words that join a title to the people around it ("with", "opposite", "and")
_PERSON_LINKS = frozenset("with and & for by from to at as vs vs. opposite alongside".split())


def _full_name_at(doc: Doc, i: int) -> bool:
    """A name of two or more words the model tagged PERSON starts at token `i`."""
    tok = doc[i]
    return tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON" and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"


_NUMBER_TITLE_BEFORE = re.compile(r"(?:[’']s|\b(?:film|movie|album|song|single|record|series|show|novel|book|play|"
                                  r"musical|track|LP|EP))\s*[“\"‘']?\s*$")
_OUTLET_BEFORE = re.compile(r"(?:\b(?:told|tells|telling|tell|spoke to|speaking to|said to|interview with|interviewed by|"
                            r"according to|reported by|writing for|wrote for|writes for|magazine|newspaper|tabloid|"
                            r"outlet|website|publication)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){0,2})$")


def _only_an_outlet(title: str, runs: "_WordRuns") -> bool:
    """Every mention follows "told", "spoke to", "according to" or "magazine": a publication the people
    talk to ("she told Page Six", "told Australian magazine Stellar"), not a work."""
    spots = runs.find(title)
    return bool(spots) and all(_OUTLET_BEFORE.search(runs.text, max(0, i - 60), i) for i in spots)


def _word_char(c: str) -> bool:
    """A character of a word run: what `\\w` or a hyphen matches."""
    return c.isalnum() or c in "_-"


def _capitalised(title: str) -> str:
    """Every word's first letter in capitals: 'On Becoming a Guinea Fowl' -> 'On Becoming A Guinea Fowl'."""
    return " ".join(w[:1].upper() + w[1:] for w in title.split(" "))


def _best_source(c: dict) -> str:
    return c["sources"].most_common(1)[0][0]


def _who_follows(doc: Doc, end: int) -> bool:
    """The text before `end` is followed by ", who": works take "which"."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"


_SEASON_TAIL = re.compile(r"(?<=\w)[’'\"”]?,?\s+(?:Season|Series)\s+(?:\d{1,2}|One|Two|Three|Four|Five)$", re.I)
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_YEAR = re.compile(rf"(?:{_MONTH_NAMES})\s+(?:\d{{4}})?|(?:Tracks|Songs|Albums|Films|Movies|Shows|Books) of "
                         rf"(?:{_MONTH_NAMES})", re.I)


def _tidy(title: str, keep_lead: bool = False) -> str:
    """A candidate title without the edges a tagger or a quotation took in. With `keep_lead` (italics,
    quotation marks, JSON-LD, a fact list: the title's own bounds), a capitalised opening "As", "In" or
    "On" is the title's ("As It Was", "On Becoming a Guinea Fowl")."""
    title = " ".join(title.split())
    if re.search(r"\w[?!]$", title) and len(title.split()) > 1 and title[:1].isupper():
        return re.sub(r"[’']s$", "", title)  # "What Was I Made For?": the question mark is part of the title
    title = re.sub(r"^(?:the|a|an)\s+", "", title)  # a lower-case article is not part of a title
    title = _SEASON_TAIL.sub("", title)  # "'Dandadan' Season 2": the series (a season is not a work of its own)
    title = title.strip(_PUNCT_EDGES.replace(")", "").replace("(", "")) if title else title
    title = re.sub(r"[’']s$", "", title)
    words = title.strip(" ,.;:").split()
    if len(words) > 1 and words[-1] == "TV":  # "Fargo TV series"
        words.pop()
    while words and sum(w.count("(") - w.count(")") for w in words) > 0 and "(" in words[-1]:
        words.pop()  # "Industrial Light & Magic (ILM"
    while len(words) > 1 and words[-1].casefold() in SMALL and not (keep_lead and words[-1][:1].isupper()):
        words.pop()  # "Beyond the Sea in", but a quoted "My Heart Will Go On" keeps its last word
    while len(words) > 1 and words[0].casefold() in SMALL - {"the", "a", "an"} \
            and not (keep_lead and words[0][:1].isupper() and len(words) > 2 and words[0] != "By"):  # "By X": a byline
        words.pop(0)
    return " ".join(words)


def _quoted_heading(text: str) -> str | None:
    """'3. "Heat" (1995)' or "'F1: The Movie'": the quoted or whole short heading of a list article."""
    m = re.match(r"^\s*(?:\d+[.)]\s*)?[\"“‘']([^\"“”‘’]{1,100})[\"”’'](?:\s*\(\d{4}\))?\s*$", text)
    if m:
        return m.group(1)
    m = re.match(r"^\s*\d+[.)]\s*(.{1,100}?)\s*\((?:19|20)\d\d\)\s*$", text)
    return m.group(1) if m else None


def _comma_list(text: str) -> list[str]:
    """Italics over a list of titles ("Assassin's Creed, Tomb Raider, Red Dead Redemption, Destiny"): the titles,
    when there are three or more and at least two have several words; one title otherwise ("Eat, Pray, Love",
    "Grow, Cook, Eat", "Big Dreams, Small Spaces")."""
    parts = [p.strip() for p in re.split(r",\s+(?:and\s+|&\s+)?", text)]
    if len(parts) < 3 or sum(len(p.split()) > 1 for p in parts) < 2 or not all(_looks_like_title(p) for p in parts):
        return [text]
    return parts


def _looks_like_title(text: str, strict: bool = False) -> bool:
    text = _tidy(text)
    words = text.split()
    if not words or len(words) > 12 or len(text) > 100:
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if text.endswith(("?", "!")) and len(words) > 6:
        return False
    content = [w for w in words if w.casefold() not in SMALL]
    if not content or words[-1].casefold() in SMALL:
        return False
    caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    if caps < len(content) and len(content) <= 4:
        return False
    if strict:
        # speech is quoted too: ask for title case and no first/second person
        if any(w.casefold() in ("i", "i'm", "we", "you", "my", "our", "it's", "i’m") for w in words) and len(words) > 3:
            return False
        return caps / len(content) >= 0.75
    return caps / len(content) >= 0.6


def _split_list(value: str) -> list[str]:
    parts = re.split(r",|;|\band\b|/|\|", value)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _iso_from_text(value: str | None) -> str | None:
    if not value:
        return None
    from datetime import datetime

    from dateutil import parser as dateparser

    try:
        dt = dateparser.parse(value, default=datetime(1, 1, 1), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if dt.year < 1800:
        return None
    return dt.date().isoformat() if re.search(r"\d{1,2}\D+\d{4}|\d{4}-\d{2}-\d{2}", value) else str(dt.year)
