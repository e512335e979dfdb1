#!/usr/bin/env python3
"""Derive the package's compact given-name lists from the award and film fact lists in ../shared.

Facts only: which given names people in film and music carry (`src/extract/patterns/first_names.txt`, a
sorted word list), and which of them the acting categories give only to actresses or only to actors
(`src/extract/patterns/given_name_genders.txt`, "Name<TAB>F|M"; pronoun resolution reads it so that "she"
does not stand for a Daniel). Re-run when the gazetteers change:

    python scripts/build_lexicons.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "extract" / "patterns" / "first_names.txt"
GENDERS = OUT.with_name("given_name_genders.txt")
# given names that are also everyday capitalised words in news prose
EXCLUDE = {"The", "A", "An", "Will", "May", "June", "April", "August", "Star", "Sky", "Rain", "Bill", "Art",
           "Guy", "Rich", "Hope", "Faith", "Grace", "Joy", "Summer", "Winter", "Young", "King", "Prince",
           "Page", "Ford", "Miles", "Mark", "Chance", "Judge", "Major", "Sunny", "Christmas", "Dakota",
           "Paris", "London", "Georgia", "Virginia", "Carolina", "Brooklyn", "Jersey", "China", "India",
           "Big", "Little", "Lil", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "St", "DJ", "MC", "Los", "New",
           "San", "Las", "El", "La", "Le", "De", "Van", "Von", "Del", "Della", "Di", "Da", "Du",
           "Paramount", "Universal"}  # studios credited as nominees in the Oscar data


# given names carried by both women and men often enough that the lists' one-sidedness is chance
UNISEX = set("Alex Andy Ashley Avery Bailey Billie Blake Cameron Carey Casey Charlie Chris Dana Drew Frankie Jackie "
             "Jamie Jean Jesse Jessie Jo Jody Joey Jordan Kay Kelly Kerry Kim Kris Laurie Lee Leslie Lindsay Lou Lynn "
             "Marion Morgan Noel Pat Quinn Reese Riley Robin Sam Sandy Shannon Sidney Stacy Sydney Taylor Terry Toni "
             "Tracy".split())


def _rows(path: Path, delimiter: str = ","):  # noqa: ANN202
    """The rows of a fact list, as dicts (the lists are not all clean UTF-8)."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


def names(shared: Path):  # noqa: ANN201
    g = shared / "data" / "gazetteers"
    for row in _rows(g / "prasertcbs-basic-dataset" / "imdb_movie_metadata.csv"):
        for k in ("director_name", "actor_1_name", "actor_2_name", "actor_3_name"):
            yield row.get(k) or ""
    for row in _rows(g / "DLu-oscar_data" / "oscars.csv", "\t"):
        yield from (row.get("Nominees") or "").split("|")
    for f in (g / "Gerard3443-TFG" / "sag_awards.csv", g / "Gerard3443-TFG" / "bafta_awards.csv"):
        for row in _rows(f):
            yield row.get("name") or ""
    for row in _rows(g / "y4xulSC-workshop002" / "the_grammy_awards.csv"):
        yield row.get("artist") or ""


def _acting_gender(category: str) -> str | None:
    """"F" for an actress category, "M" for an actor one (not voice acting), else None."""
    c = category.casefold()
    if "actress" in c or "female actor" in c:
        return "F"
    if "actor" in c and "voice" not in c:
        return "M"
    return None


def acting_nominees(shared: Path):  # noqa: ANN201
    """(name, "F" or "M") for every nominee of an acting category that says actress or actor."""
    g = shared / "data" / "gazetteers"
    for row in _rows(g / "DLu-oscar_data" / "oscars.csv", "\t"):
        if row.get("Class") == "Acting" and (x := _acting_gender(row.get("CanonicalCategory") or "")):
            yield from ((n, x) for n in (row.get("Nominees") or "").split("|"))
    # (file, nominee column, how the nominee is given): the Emmy list names "Actor, as Part"
    for path, column, name in ((g / "Gerard3443-TFG" / "sag_awards.csv", "name", str),
                               (g / "prasertcbs-basic-dataset" / "golden_globe_awards.csv", "nominee", str),
                               (g / "AM117-cyber-Mujeres_en_Oscars" / "the_emmy_awards.csv", "staff",
                                lambda v: v.split(",")[0])):
        for row in _rows(path):
            if x := _acting_gender(row.get("category") or ""):
                yield name(row.get(column) or ""), x


def given_name_genders(shared: Path, min_count: int) -> dict[str, str]:
    """Given names the acting categories give (at least `min_count` times) to one side only."""
    seen: dict[str, Counter[str]] = {}
    for name, g in acting_nominees(shared):
        words = name.strip().split()
        if len(words) >= 2 and re.fullmatch(r"[A-Z][a-zà-ÿ]+", words[0]) and words[0] not in EXCLUDE | UNISEX:
            seen.setdefault(words[0], Counter())[g] += 1
    return {n: c.most_common(1)[0][0] for n, c in seen.items() if len(c) == 1 and sum(c.values()) >= min_count}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    for name in names(args.shared):
        words = name.strip().split()
        if len(words) >= 2 and re.fullmatch(r"[A-Z][a-zà-ÿ]+", words[0]) and re.fullmatch(r"[A-Z][\w'’.-]+", words[-1]):
            counts[words[0]] += 1
    keep = sorted(n for n, c in counts.items() if c >= args.min_count and n not in EXCLUDE)
    OUT.write_text("# Given names of people in film, TV and music (derived by scripts/build_lexicons.py)\n"
                   + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} first names -> {OUT}")
    genders = given_name_genders(args.shared, 2)
    GENDERS.write_text("# Given names that acting categories give only to actresses (F) or only to actors (M)"
                       " (derived by scripts/build_lexicons.py)\n"
                       + "".join(f"{n}\t{g}\n" for n, g in sorted(genders.items())), encoding="utf-8")
    print(f"{len(genders)} given names with a gender -> {GENDERS}")


if __name__ == "__main__":
    main()
