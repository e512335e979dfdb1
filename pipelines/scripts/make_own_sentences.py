#!/usr/bin/env python3
"""Write the project's own annotated sentences (entertainment journalism) to assets_own/*.jsonl.

Two sources, both written by the project:
  * assets_own/handwritten.txt: sentences we wrote by hand, entities marked [text](LABEL);
  * assets_own/templates.txt: sentence patterns we wrote, with slots such as {ACTOR} or {FILM},
    filled with facts (names, titles, award categories) read from ../shared/data/gazetteers and
    from the short fact lists in this file. Only facts are taken from the gazetteers.

Output: own_train.jsonl / own_dev.jsonl / own_test.jsonl, one {"text", "ents", "src"} per line,
where ents are [start, end, label] character offsets. Templates are split by template (a test
template is never seen in training), so own_test measures context learning, not memorising.

Usage: python scripts/make_own_sentences.py [--shared ../../shared] [--per-template 14]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parents[1]
OWN = HERE / "assets_own"

SLOT_LABEL = {
    "ACTOR": "PERSON", "ACTRESS": "PERSON", "DIRECTOR": "PERSON", "ARTIST": "PERSON", "WRITER": "PERSON",
    "PERSON": "PERSON", "TVACTOR": "PERSON", "SURNAME": "PERSON",
    "FILM": "WORK", "SERIES": "WORK", "SONG": "WORK", "ALBUM": "WORK", "BOOK": "WORK", "GAME": "WORK",
    "PLAY": "WORK", "PODCAST": "WORK", "TOUR": "WORK", "FRANCHISE": "WORK", "SHORTTITLE": "WORK",
    "NAMETITLE": "WORK",
    "AWARD": "AWARD", "FILMAWARD": "AWARD", "TVAWARD": "AWARD", "MUSICAWARD": "AWARD", "BOOKAWARD": "AWARD",
    "EVENT": "EVENT", "FESTIVAL": "EVENT", "CEREMONY": "EVENT",
    "STUDIO": "ORG", "NETWORK": "ORG", "BAND": "ORG", "OUTLET": "ORG", "LABEL": "ORG",
    "CITY": "LOC", "COUNTRY": "LOC",
    # unlabeled slots
    "YEAR": "", "ORD": "", "MONTH": "", "DAY": "", "NUM": "", "GENRE": "", "CAT": "",
}

# Short fact lists (public facts: names of companies, places, festivals, prizes, books, games).
FACTS: dict[str, list[str]] = {
    "STUDIO": ["Warner Bros.", "Universal Pictures", "A24", "Neon", "Lionsgate", "Paramount Pictures",
               "Sony Pictures", "Focus Features", "Searchlight Pictures", "Walt Disney Studios", "Pixar",
               "Marvel Studios", "Amazon MGM Studios", "Legendary Entertainment", "Blumhouse", "Annapurna",
               "DreamWorks Animation", "Studio Ghibli", "Lucasfilm", "MGM", "Working Title", "Miramax",
               "New Line Cinema", "20th Century Studios", "Illumination", "Bad Robot", "Plan B",
               "Fox Searchlight", "Mubi", "Magnolia Pictures", "IFC Films", "Toho", "Entertainment One"],
    "NETWORK": ["Netflix", "HBO", "Max", "Hulu", "Disney+", "Apple TV+", "Prime Video", "Peacock",
                "Paramount+", "BBC One", "BBC Two", "Channel 4", "ITV", "Sky Atlantic", "FX", "AMC",
                "Showtime", "Starz", "NBC", "CBS", "ABC", "Fox", "The CW", "Adult Swim", "Crunchyroll",
                "Comedy Central", "Bravo", "MTV", "Nickelodeon", "Cartoon Network", "Tubi", "BritBox",
                "Canal+", "Channel 5", "HBO Max", "Starz", "A&E", "PBS", "Syfy"],
    "OUTLET": ["Variety", "The Hollywood Reporter", "Deadline", "IndieWire", "Rolling Stone",
               "Entertainment Weekly", "Empire", "Vulture", "Billboard", "Pitchfork", "The Guardian",
               "The New York Times", "Collider", "Screen Daily", "TVLine", "Vanity Fair", "NME", "Polygon"],
    "LABEL": ["Columbia Records", "Interscope", "Republic Records", "Atlantic Records", "Def Jam",
              "Capitol Records", "XL Recordings", "Sub Pop", "Island Records", "RCA Records",
              "Warner Records", "Big Machine", "4AD", "Domino", "Matador Records", "Universal Music Group"],
    "BAND": ["The Beatles", "Radiohead", "Coldplay", "BTS", "Blackpink", "The Rolling Stones",
             "Fleetwood Mac", "Arctic Monkeys", "Foo Fighters", "Metallica", "Paramore", "The National",
             "Haim", "Little Mix", "One Direction", "Maroon 5", "Imagine Dragons", "Florence and the Machine",
             "Daft Punk", "The Killers", "U2", "ABBA", "Queen", "Boygenius", "Vampire Weekend",
             "Tame Impala", "Fontaines D.C.", "The 1975", "Wet Leg", "Måneskin", "Stray Kids", "Twice",
             "NewJeans", "Pearl Jam", "Green Day", "Linkin Park", "The Cure", "Massive Attack", "Gorillaz",
             "Mumford & Sons", "Kings of Leon", "Pet Shop Boys", "The Chemical Brothers", "Sleater-Kinney"],
    "CITY": ["Los Angeles", "London", "New York", "Atlanta", "Toronto", "Vancouver", "Paris", "Berlin",
             "Tokyo", "Seoul", "Mumbai", "Sydney", "Dublin", "Belfast", "Budapest", "Prague", "Rome",
             "Madrid", "Glasgow", "Manchester", "Chicago", "Nashville", "New Orleans", "Austin", "Montreal",
             "Mexico City", "Cape Town", "Lagos", "Reykjavik", "Wellington", "Hollywood", "Brooklyn",
             "Las Vegas", "Miami", "Seville", "Marseille", "Copenhagen", "Stockholm", "Oslo", "Lisbon",
             "Edinburgh", "Cardiff", "Liverpool", "Burbank", "Santa Monica", "Park City", "Pinewood"],
    "COUNTRY": ["Iceland", "New Zealand", "Morocco", "Ireland", "Scotland", "Canada", "Australia",
                "South Korea", "Japan", "India", "Nigeria", "Mexico", "Spain", "Italy", "France",
                "Germany", "Hungary", "Croatia", "Jordan", "the United States", "the UK", "Brazil",
                "Argentina", "Norway", "Denmark", "Thailand", "Malta", "Northern Ireland", "Wales"],
    "FESTIVAL": ["Cannes Film Festival", "Sundance Film Festival", "Toronto International Film Festival",
                 "Venice Film Festival", "Berlin International Film Festival", "Berlinale", "SXSW",
                 "Telluride Film Festival", "New York Film Festival", "BFI London Film Festival",
                 "Tribeca Festival", "San Diego Comic-Con", "Comic-Con", "Coachella", "Glastonbury",
                 "Glastonbury Festival", "Lollapalooza", "CinemaCon", "D23 Expo", "Sundance",
                 "Annecy International Animation Film Festival", "Edinburgh Fringe", "Summer Game Fest",
                 "Eurovision Song Contest", "Met Gala", "Super Bowl halftime show", "Reading Festival",
                 "Primavera Sound", "Fantastic Fest", "Karlovy Vary International Film Festival"],
    "BOOKAWARD": ["Booker Prize", "Pulitzer Prize for Fiction", "National Book Award", "Hugo Award",
                  "Nebula Award", "Women's Prize for Fiction", "Costa Book Award", "Nobel Prize in Literature",
                  "Pulitzer Prize for Drama", "Tony Award for Best Play", "Tony Award for Best Musical",
                  "Olivier Award", "Peabody Award", "Mercury Prize", "Brit Award", "MTV Video Music Award",
                  "Billboard Music Award", "Palme d'Or", "Golden Lion", "Golden Bear", "Critics' Choice Award",
                  "Independent Spirit Award", "Annie Award", "Gotham Award", "César Award", "Goya Award",
                  "Saturn Award", "People's Choice Award", "Webby Award", "The Game Award for Game of the Year"],
    "BOOK": ["Little Women", "Dune", "The Great Gatsby", "Normal People", "Pride and Prejudice",
             "The Handmaid's Tale", "Beloved", "Middlemarch", "Wolf Hall", "The Road", "Gone Girl",
             "Station Eleven", "Shogun", "Lessons in Chemistry", "Where the Crawdads Sing", "It Ends with Us",
             "Fourth Wing", "The Seven Husbands of Evelyn Hugo", "Killers of the Flower Moon", "Wonder",
             "Brooklyn", "Room", "Atonement", "Never Let Me Go", "The Remains of the Day", "Circe",
             "Americanah", "Demon Copperhead", "The Testaments", "Conversations with Friends", "Rebecca",
             "Frankenstein", "Dracula", "Jane Eyre", "Emma", "Persuasion", "The Hobbit", "Matilda",
             "The Bell Jar", "Lincoln in the Bardo", "A Little Life", "Tomorrow, and Tomorrow, and Tomorrow",
             "Pachinko", "The Underground Railroad", "Big Little Lies", "Sharp Objects", "Eleanor Oliphant Is Completely Fine"],
    "WRITER": ["Jane Austen", "Margaret Atwood", "Sally Rooney", "Toni Morrison", "Stephen King",
               "Colleen Hoover", "Kazuo Ishiguro", "Hilary Mantel", "Cormac McCarthy", "Gillian Flynn",
               "Emily St. John Mandel", "James Clavell", "Bonnie Garmus", "Delia Owens", "Rebecca Yarros",
               "Taylor Jenkins Reid", "David Grann", "R. J. Palacio", "Colm Tóibín", "Emma Donoghue",
               "Ian McEwan", "Madeline Miller", "Chimamanda Ngozi Adichie", "Barbara Kingsolver",
               "Mary Shelley", "Bram Stoker", "Charlotte Brontë", "J. R. R. Tolkien", "Roald Dahl",
               "Sylvia Plath", "George Saunders", "Hanya Yanagihara", "Gabrielle Zevin", "Min Jin Lee",
               "Colson Whitehead", "Liane Moriarty", "Zadie Smith", "Neil Gaiman", "Frank Herbert",
               "Louisa May Alcott", "Daphne du Maurier", "Gail Honeyman", "Tom Stoppard", "Lin-Manuel Miranda"],
    "GAME": ["The Last of Us", "Fallout", "Halo", "Minecraft", "Grand Theft Auto VI", "Elden Ring",
             "Baldur's Gate 3", "The Legend of Zelda: Tears of the Kingdom", "Final Fantasy VII Rebirth",
             "Super Mario Bros.", "Sonic the Hedgehog", "Uncharted", "Cyberpunk 2077", "Hades",
             "God of War Ragnarök", "Red Dead Redemption 2", "Assassin's Creed", "Resident Evil", "Tetris",
             "Street Fighter 6", "Hollow Knight", "Death Stranding", "Alan Wake 2", "Astro Bot", "Arcane"],
    "PLAY": ["Hamilton", "Hadestown", "Wicked", "The Lehman Trilogy", "Jerusalem", "Leopoldstadt",
             "Six", "Dear Evan Hansen", "Les Misérables", "The Book of Mormon", "Cabaret", "Sunset Boulevard",
             "Stereophonic", "Prima Facie", "Fleabag", "Oh, Mary!", "Merrily We Roll Along", "Hamlet",
             "Macbeth", "A Streetcar Named Desire", "Death of a Salesman", "Harry Potter and the Cursed Child"],
    "PODCAST": ["Serial", "The Daily", "SmartLess", "Call Her Daddy", "This American Life", "Dr. Death",
                "Normal Gossip", "You're Wrong About", "Wondery's Dirty John", "Stuff You Should Know",
                "The Rest Is History", "Armchair Expert", "Welcome to Night Vale", "Homecoming"],
    "TOUR": ["The Eras Tour", "Renaissance World Tour", "Music of the Spheres World Tour",
             "Love On Tour", "After Hours til Dawn Tour", "Born in the U.S.A. Tour", "Guts World Tour",
             "Mañana Será Bonito Tour", "Short n' Sweet Tour", "Hit Me Hard and Soft: The Tour"],
    "FRANCHISE": ["Star Wars", "the Marvel Cinematic Universe", "Harry Potter", "James Bond",
                  "Fast & Furious", "Mission: Impossible", "Jurassic Park", "The Lord of the Rings",
                  "Pirates of the Caribbean", "Star Trek", "The Conjuring", "Toy Story", "Shrek",
                  "John Wick", "Spider-Man", "Transformers", "The Hunger Games", "Godzilla", "Alien",
                  "Scream", "Halloween", "Despicable Me", "Planet of the Apes", "Dune", "Avatar"],
    # titles that are a person's name (biopics, eponymous shows): only the slot a title fills in a
    # sentence ("A for X", "B (X)") tells them from the person
    "NAMETITLE": ["Rustin", "Nyad", "Priscilla", "Elvis", "Jackie", "Judy", "Lincoln", "Selma", "Spencer",
                  "Carol", "Ali", "Ray", "Milk", "Capote", "Frida", "Rocky", "Rudy", "Annie", "Lucy", "Tully",
                  "Maestro", "Oppenheimer", "Napoleon", "Ferrari", "Maria", "Blonde", "Columbo", "Frasier",
                  "Monk", "Seinfeld", "Ted Lasso", "Barry", "Dexter", "Hannibal", "Luther", "Vera", "Poldark",
                  "Wednesday", "Rebecca", "Emma", "Matilda", "Coraline", "Amadeus", "Gandhi", "Patton", "Nixon",
                  "Ed Wood", "Erin Brockovich", "Jerry Maguire", "Forrest Gump", "Donnie Darko", "Billy Elliot",
                  "Annie Hall", "Jojo Rabbit", "Marty", "Juno", "Carrie", "Christine", "Shirley", "Jackie Brown",
                  "Tár", "Mank", "Harriet", "Rocketman", "Diana", "Eddie the Eagle", "Florence Foster Jenkins",
                  "Colette", "Stan & Ollie", "Bernie", "Hugo", "Marie Antoinette", "Elizabeth", "Walk the Line",
                  "Bohemian Rhapsody", "Hamnet", "Marty Supreme", "Maxxxine", "Hereditary", "Lady Macbeth",
                  "Mary Poppins", "Sully", "Rudy Ray Moore", "Dolemite Is My Name", "Ricki", "Steve Jobs",
                  "Kinsey", "Frankie", "Jimmy", "Barbara", "Louis", "Yentl", "Evita", "Chicago", "Jersey Boys"],
    # titles that are ordinary words: context, not capitalisation, must tell the model
    "SHORTTITLE": ["Us", "Fargo", "Legion", "Her", "Up", "It", "Nope", "Tár", "Girls", "Lost", "Succession",
                   "Severance", "Barry", "Atlanta", "Euphoria", "Ozark", "Dark", "Sherlock", "Friends",
                   "Veep", "Heat", "Jaws", "Alien", "Cars", "Frozen", "Coco", "Soul", "Past Lives",
                   "Shrinking", "Hacks", "Reservation Dogs", "The Bear", "Beef", "Shogun", "Andor",
                   "Slow Horses", "Industry", "Silo", "Blue Eye Samurai", "Ghosts", "Loot", "Minx",
                   "Yellowjackets", "Pose", "Mare of Easttown", "Dopesick", "Scrubs", "Lovesick", "Cold Feet",
                   "Happy Valley", "Top Boy", "Luther", "Skins", "Spaced", "Taskmaster", "Joy", "Wicked",
                   "Challengers", "Anora", "Conclave", "Emilia Pérez", "Flow", "Babygirl", "Sing Sing",
                   "Juror #2", "Heretic", "Smile", "Trap", "Longlegs", "Twisters", "Poor Things",
                   "Oppenheimer", "Barbie", "Saltburn", "Maestro", "Priscilla", "Wonka", "Napoleon",
                   "Elvis", "Whiplash", "Moonlight", "Roma", "Parasite", "Nomadland", "Belfast", "Coda",
                   "Minari", "Tenet", "Mank", "Joker", "Rocketman", "Judy", "Lady Bird", "Get Out", "Room"],
    "GENRE": ["drama", "comedy", "thriller", "horror film", "documentary", "romantic comedy", "limited series",
              "miniseries", "animated feature", "sci-fi series", "crime drama", "period drama", "biopic",
              "musical", "sitcom", "anthology series", "debut album", "single", "mixtape", "EP",
              "psychological thriller", "coming-of-age drama", "satire", "mockumentary", "docuseries"],
    "MONTH": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"],
}

SLOT_RE = re.compile(r"\{([A-Z]+)\}")
QUOTED_SLOT_RE = re.compile(r'"(\{[A-Z]+\})([,.]?)"')
QUOTES = [('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("'", "'")]
QUOTE_CHARS = "\"'\u201c\u2018"
MARK_RE = re.compile(r"\[([^\]]+)\]\(([A-Z]+)\)")


def _clean(s: str) -> str:
    s = s.replace("\xa0", " ").strip()
    s = re.sub(r"\s+", " ", s)
    return s


def _ok_title(s: str) -> bool:
    return 1 <= len(s) <= 50 and any(c.isalpha() for c in s) and not s.isupper() and "(" not in s


def _ok_name(s: str) -> bool:
    parts = s.split()
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts) and len(s) < 40 and "," not in s


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _title_case(s: str) -> str:
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "by", "at", "with"}
    words = s.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def read_facts(shared: Path) -> dict[str, list[str]]:
    """Names, titles and award categories from the gazetteers (facts only)."""
    g = shared / "data" / "gazetteers"
    facts: dict[str, set[str]] = {k: set(v) for k, v in FACTS.items()}
    for k in ("ACTOR", "DIRECTOR", "FILM", "SERIES", "TVACTOR", "SONG", "ALBUM", "ARTIST",
              "FILMAWARD", "TVAWARD", "MUSICAWARD"):
        facts.setdefault(k, set())

    def rows(path: Path, **kw):
        with open(path, encoding="utf-8", errors="replace") as fh:
            yield from csv.DictReader(fh, **kw)

    for r in rows(g / "prasertcbs-basic-dataset" / "imdb_movie_metadata.csv"):
        t = _clean(r["movie_title"])
        if _ok_title(t):
            facts["FILM"].add(t)
        if _ok_name(_clean(r["director_name"])):
            facts["DIRECTOR"].add(_clean(r["director_name"]))
        for k in ("actor_1_name", "actor_2_name"):
            if _ok_name(_clean(r[k])):
                facts["ACTOR"].add(_clean(r[k]))
    for r in rows(g / "DLu-oscar_data" / "oscars.csv", delimiter="\t"):
        cat = r["CanonicalCategory"]
        if r["Class"] in ("Acting", "Directing", "Writing", "Title") or cat == "BEST PICTURE":
            name = cat.split("(")[0].strip()
            name = _title_case(name)
            if not name.startswith("Best"):
                name = "Best " + name
            facts["FILMAWARD"].add(f"Academy Award for {name}")
            facts["FILMAWARD"].add(f"Oscar for {name}")
    for r in rows(g / "Gerard3443-TFG" / "sag_awards.csv"):
        if _ok_name(_clean(r["name"])):
            facts["ACTOR"].add(_clean(r["name"]))
    for r in rows(g / "Gerard3443-TFG" / "bafta_awards.csv"):
        cat = _clean(r["category"])
        if len(cat) < 40:
            facts["FILMAWARD"].add(f"BAFTA for {cat}")
    for r in rows(g / "prasertcbs-basic-dataset" / "golden_globe_awards.csv"):
        cat = _clean(r["category"])
        if len(cat) < 45 and cat.startswith("Best"):
            facts["FILMAWARD"].add(f"Golden Globe for {cat}")
    for r in rows(g / "AM117-cyber-Mujeres_en_Oscars" / "the_emmy_awards.csv"):
        cat, nominee = _clean(r["category"]), _clean(r["nominee"])
        if cat.startswith("Outstanding") and len(cat) < 60:
            facts["TVAWARD"].add(f"Primetime Emmy Award for {_title_case(cat)}")
            facts["TVAWARD"].add(f"Emmy for {_title_case(cat)}")
        if "Series" in cat and int(r["year"] or 0) >= 1985 and _ok_title(nominee) and nominee[:1].isupper():
            facts["SERIES"].add(nominee)
            staff = _clean((r["staff"] or "").split(",")[0])
            if "Act" in cat and _ok_name(staff):
                facts["TVACTOR"].add(staff)
    for r in rows(g / "y4xulSC-workshop002" / "the_grammy_awards.csv"):
        cat, nominee, artist = _clean(r["category"]), _clean(r["nominee"]), _clean(r["artist"])
        if len(cat) < 50:
            facts["MUSICAWARD"].add(f"Grammy Award for {_title_case(cat)}")
        if _ok_title(nominee):
            if "Album" in cat:
                facts["ALBUM"].add(nominee)
            elif "Song" in cat or "Record" in cat:
                facts["SONG"].add(nominee)
        if _ok_name(artist) and not artist.startswith("The ") and "&" not in artist and " and " not in artist:
            facts["ARTIST"].add(artist)
    facts["AWARD"] = facts["FILMAWARD"] | facts["TVAWARD"] | facts["MUSICAWARD"] | facts["BOOKAWARD"] | {
        "Oscar", "Academy Award", "Emmy", "Primetime Emmy Award", "Golden Globe", "Grammy", "BAFTA",
        "Screen Actors Guild Award", "SAG Award", "Tony Award", "Critics Choice Award"}
    facts["PERSON"] = facts["ACTOR"] | facts["DIRECTOR"] | facts["ARTIST"] | facts["WRITER"]
    facts["ACTRESS"] = facts["ACTOR"]
    # later mentions in news prose use the surname alone
    facts["SURNAME"] = {n.split()[-1] for n in facts["PERSON"] if len(n.split()[-1]) > 2 and n.split()[-1].isalpha()}
    ceremonies = set()
    for n in range(40, 98):
        ceremonies.add(f"{_ordinal(n)} Academy Awards")
    for n in range(60, 77):
        ceremonies.add(f"{_ordinal(n)} Primetime Emmy Awards")
        ceremonies.add(f"{_ordinal(n)} Annual Grammy Awards")
    for y in range(1995, 2026):
        ceremonies |= {f"{y} Golden Globes", f"{y} BAFTA Film Awards", f"{y} Oscars", f"{y} Emmys",
                       f"{y} MTV Video Music Awards", f"{y} Brit Awards", f"{y} Cannes Film Festival"}
    facts["CEREMONY"] = ceremonies
    facts["EVENT"] = ceremonies | facts["FESTIVAL"]
    return {k: sorted(v) for k, v in facts.items()}


def fill(template: str, facts: dict[str, list[str]], rng: random.Random) -> tuple[str, list[list]]:
    """Replace each slot by a fact; return the text and the [start, end, label] of labelled slots.

    A literal "\\n" in a template is a line break (headline, caption, list layouts). Quoted slots get
    a random quote style, and now and then a bare title is quoted, as publications differ.
    """
    template = template.replace("\\n", "\n")
    opening, closing = rng.choice(QUOTES)
    template = QUOTED_SLOT_RE.sub(lambda m: f"{opening}{m.group(1)}{m.group(2)}{closing}", template)
    out: list[str] = []
    ents: list[list] = []
    pos = 0
    length = 0
    for m in SLOT_RE.finditer(template):
        lit = template[pos:m.start()]
        out.append(lit)
        length += len(lit)
        slot = m.group(1)
        if slot == "YEAR":
            value = str(rng.randint(1970, 2026))
        elif slot == "NUM":
            value = str(rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 13]))
        elif slot == "ORD":
            value = _ordinal(rng.randint(2, 12))
        elif slot == "DAY":
            value = str(rng.randint(1, 28))
        elif slot == "CAT":
            value = rng.choice(["best actress", "best supporting actor", "best director", "best picture",
                                "outstanding drama series", "best original song", "album of the year",
                                "best adapted screenplay", "best limited series", "best new artist"])
        else:
            value = rng.choice(facts[slot])
        if value.startswith("the ") and lit.endswith(("the ", "The ")):
            value = value[4:]
        label = SLOT_LABEL[slot]
        if label == "WORK" and not lit.endswith(tuple(QUOTE_CHARS)) and rng.random() < 0.12:
            opening, closing = rng.choice(QUOTES)
            out.append(opening)
            length += len(opening)
            ents.append([length, length + len(value), label])
            out.append(value + closing)
            length += len(value) + len(closing)
            pos = m.end()
            continue
        if label:
            ents.append([length, length + len(value), label])
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    text = "".join(out)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text, ents


def parse_marked(line: str) -> tuple[str, list[list]]:
    """'[Jharrel Jerome](PERSON) won ...' -> text and entity offsets."""
    out: list[str] = []
    ents: list[list] = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(line):
        lit = line[pos:m.start()]
        out.append(lit)
        length += len(lit)
        ents.append([length, length + len(m.group(1)), m.group(2)])
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(line[pos:])
    return "".join(out), ents


def merge_some(recs: list[dict], rng: random.Random, share: float = 0.25) -> list[dict]:
    """Join some neighbouring sentences into one text (space or line break), as in an article."""
    out: list[dict] = []
    i = 0
    while i < len(recs):
        rec = dict(recs[i])
        while i + 1 < len(recs) and rng.random() < share:
            nxt = recs[i + 1]
            sep = rng.choice([" ", "\n", "\n\n"])
            shift = len(rec["text"]) + len(sep)
            rec = {"text": rec["text"] + sep + nxt["text"],
                   "ents": rec["ents"] + [[s + shift, e + shift, lab] for s, e, lab in nxt["ents"]],
                   "src": f"{rec['src']}+{nxt['src']}"}
            i += 1
        out.append(rec)
        i += 1
    return out


def read_lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    ap.add_argument("--per-template", type=int, default=10)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    facts = read_facts(args.shared)
    nlp = spacy.blank("en")

    def aligned(text: str, ents: list[list]) -> bool:
        doc = nlp.make_doc(text)
        return all(doc.char_span(s, e, alignment_mode="strict") is not None for s, e, _ in ents)

    templates = read_lines(OWN / "templates.txt")
    hand = read_lines(OWN / "handwritten.txt")
    splits: dict[str, list[dict]] = {"train": [], "dev": [], "test": []}
    order = list(range(len(templates)))
    rng.shuffle(order)
    n_test = max(1, len(templates) // 10)
    n_dev = max(1, len(templates) // 20)
    for rank, i in enumerate(order):
        split = "test" if rank < n_test else "dev" if rank < n_test + n_dev else "train"
        n = args.per_template if split == "train" else 3
        for _ in range(n):
            text, ents = fill(templates[i], facts, rng)
            if not aligned(text, ents):
                continue
            splits[split].append({"text": text, "ents": ents, "src": f"template:{i + 1}"})
    hand_order = list(range(len(hand)))
    rng.shuffle(hand_order)
    for rank, i in enumerate(hand_order):
        split = "test" if rank < len(hand) // 4 else "train"
        text, ents = parse_marked(hand[i])
        if not aligned(text, ents):
            raise ValueError(f"handwritten.txt line {i + 1}: a marked span does not fall on token boundaries")
        # hand-written sentences are few and varied: repeat them in training
        for _ in range(3 if split == "train" else 1):
            splits[split].append({"text": text, "ents": ents, "src": f"hand:{i + 1}"})
    for split, recs in splits.items():
        rng.shuffle(recs)
        if split == "train":
            recs[:] = merge_some(recs, rng)
        with open(OWN / f"own_{split}.jsonl", "w", encoding="utf-8") as fh:
            for rec in recs:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"own_{split}.jsonl: {len(recs)} sentences")


if __name__ == "__main__":
    main()
