"""Write notebooks/explore.ipynb and notebooks/evaluate.ipynb from the cells below, without outputs.

The notebooks are committed stripped (no outputs, execution_count null); edit the cells here and rerun
`python notebooks/build_notebooks.py`, or edit the notebooks in Jupyter and clear all outputs before committing.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = '''\
from pathlib import Path


def find_root(start: Path) -> Path:
    """The repository root (the folder holding pyproject.toml) above `start`; `start` itself if there is none."""
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").exists():
            return folder
    return start


ROOT = find_root(Path.cwd().resolve())'''

EXPLORE = [
    new_markdown_cell("""\
# Exploring extracted records

This notebook runs `extract` over a folder of entertainment-article pages and shows what it found:
the records as tables, the entities marked up in the text, and a few plots.

**To use it on your own articles, change `INPUT` in the next cell** to a folder of `.html` / `.html.gz`
pages, a glob such as `"/data/pages/**/*.html"`, or a JSON-lines dump written by
`extract run --include-text` (records are then read, not re-extracted)."""),
    new_code_cell(SETUP + '''

INPUT = ROOT / "samples"  # <- point this elsewhere

import warnings

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import extract
from extract import ArticleRecord, Extractor
from extract.evaluate import award_body
from extract.inputs import iter_documents

warnings.filterwarnings("ignore", message="IProgress not found")  # without ipywidgets the bar is plain text
pd.set_option("display.max_colwidth", 80)
print(f"extract {extract.__version__}; input: {INPUT}")'''),
    new_markdown_cell("""\
## 1. Extract

`Extractor(include_text=True)` keeps each article's cleaned text in its record, so the entities can be shown
in context below. `Extractor.pipe` streams one record per page, in input order, with a progress bar;
a page that cannot be processed becomes a record with `status` `"skipped"` or `"error"` and a coded reason,
never an exception. (Without a shipped entity model the extractor falls back to its patterns and says so.)"""),
    new_code_cell('''\
def load_records(source) -> list[ArticleRecord]:
    """Records from a JSON-lines dump, or extracted from the HTML pages under `source`."""
    if str(source).endswith((".jsonl", ".ndjson")):
        with open(source, encoding="utf-8") as fh:
            return [ArticleRecord.model_validate_json(line) for line in fh if line.strip()]
    extractor = Extractor(include_text=True)
    return list(extractor.pipe(iter_documents([source]), progress=True))


records = load_records(INPUT)
ok = [r for r in records if r.status == "ok"]
print(f"{len(records)} records, {len(ok)} ok")
for r in records:
    if r.status != "ok":
        print(f"  {r.doc_id}: {r.status} {r.error.code if r.error else ''} {r.error.message if r.error else ''}")
if not records:
    print(f"No HTML pages found under {INPUT}: the tables and plots below will be empty.")'''),
    new_markdown_cell("""\
## 2. The records as tables

`extract.to_frames(records)` turns records into relational pandas DataFrames, one per table
(`articles`, `works`, `people`, `credits`, `awards`, `dates`, `entities`), joined on `doc_id`.
A single record has the same tables via `record.to_frame()`."""),
    new_code_cell('''\
frames = extract.to_frames(records)
pd.DataFrame({"rows": {name: len(frame) for name, frame in frames.items()},
              "columns": {name: ", ".join(map(str, frame.columns)) for name, frame in frames.items()}})'''),
    new_code_cell('''\
# columns left out of the previews below (they are all in `frames`)
LONG = ["idx", "text", "mentions", "warnings", "evidence_start", "evidence_end", "evidence_text", "evidence_source"]


def show(name: str, rows: int = 15) -> None:
    """The first rows of one table, or a note when the table is empty."""
    frame = frames.get(name)
    if frame is None or frame.empty:
        print(f"No {name} in these records.")
    else:
        print(f"{name}: {len(frame)} rows")
        display(frame.drop(columns=LONG, errors="ignore").head(rows))


show("articles")'''),
    new_markdown_cell("**Works**: titles with their kind (film, TV series, album, ...), year and release date when the article gives them."),
    new_code_cell('show("works")'),
    new_markdown_cell("**People** with the roles the article gives them (actor, director, host, ...)."),
    new_code_cell('show("people")'),
    new_markdown_cell("**Credits** link a person, a role and a work (and the character played, for actors)."),
    new_code_cell('show("credits")'),
    new_markdown_cell("**Awards**: the award, category, recipient, work and outcome (won or nominated)."),
    new_code_cell('show("awards")'),
    new_markdown_cell("**Dates** normalised to ISO (`2024`, `2024-05`, `2024-05-17`) with what they date (release, award, publication)."),
    new_code_cell('show("dates")'),
    new_markdown_cell("One record on its own: `record.to_frame()` gives the same tables for a single article."),
    new_code_cell('''\
if ok:
    display(ok[0].to_frame()["people"].drop(columns=LONG, errors="ignore").head(10))
else:
    print("No ok records.")'''),
    new_markdown_cell("""\
## 3. Entities in the text

`extract.display(record)` marks up the record's entities in its text with displaCy: the entity model's spans
plus the mentions of the works and people found and the evidence of the dates, in the project's labels
(`PERSON`, `WORK`, `AWARD`, `ORG`, `LOC`, `EVENT`, `DATE`) and colours (`extract.display.LABEL_COLORS`).
Outside a notebook it returns the HTML as a string. Set `DOC_ID` to look at another article."""),
    new_code_cell('''\
from extract.display import spans_for_display

DOC_ID = None  # None: the article with the most marked-up spans

with_text = [r for r in ok if r.text]
if not with_text:
    print("No records with text to display (dumps need `extract run --include-text`).")
else:
    by_id = {r.doc_id: r for r in with_text}
    record = by_id.get(DOC_ID) or max(with_text, key=lambda r: len(spans_for_display(r)))
    print(f"{record.doc_id}: {len(spans_for_display(record))} spans")
    extract.display(record)'''),
    new_markdown_cell("""\
## 4. Plots

### Awards by body and outcome

Award names are grouped by body (`Academy Award` and `Oscar` are one body) with the scorer's own rules
(`extract.evaluate.award_body`)."""),
    new_code_cell('''\
OUTCOME_COLORS = {"won": "#2a9d8f", "nominated": "#e9c46a", "unknown": "#bbbbbb"}

awards = frames.get("awards", pd.DataFrame())
if awards.empty:
    print("No awards in these records: nothing to plot.")
else:
    table = (awards.assign(body=awards["award"].map(award_body),
                           outcome=awards["outcome"].fillna("unknown"))
             .groupby(["body", "outcome"]).size().unstack(fill_value=0))
    table = table.loc[table.sum(axis=1).sort_values().index]
    ax = table.plot.barh(stacked=True, figsize=(8, 1 + 0.35 * len(table)),
                         color=[OUTCOME_COLORS.get(c, "#888888") for c in table.columns])
    ax.set_xlabel("awards mentioned")
    ax.set_ylabel("")
    ax.set_title("Awards by body and outcome")
    plt.tight_layout()
    plt.show()'''),
    new_markdown_cell("### People by role\n\nHow many people (per article) were given each role."),
    new_code_cell('''\
from collections import Counter

role_counts = Counter(role for r in ok for person in r.people for role in set(person.roles))
if not role_counts:
    print("No people with roles in these records: nothing to plot.")
else:
    roles = pd.Series(role_counts).sort_values()
    ax = roles.plot.barh(figsize=(7, 1 + 0.35 * len(roles)), color="#7aa6c2")
    ax.set_xlabel("people")
    ax.set_title("People by role")
    plt.tight_layout()
    plt.show()'''),
    new_markdown_cell("""\
### Timeline of dates

Every date found, by what it dates. A year alone (`2024`) is placed on 1 January, a month on its first day."""),
    new_code_cell('''\
dates = frames.get("dates", pd.DataFrame())
if dates.empty:
    print("No dates in these records: nothing to plot.")
else:
    when = pd.to_datetime(dates["value"], format="ISO8601", errors="coerce")
    kinds = dates["kind"].fillna("other") if "kind" in dates else pd.Series("other", index=dates.index)
    order = sorted(kinds.unique())
    fig, ax = plt.subplots(figsize=(10, 1 + 0.6 * len(order)))
    for i, kind in enumerate(order):
        mask = (kinds == kind) & when.notna()
        ax.scatter(when[mask], [i] * int(mask.sum()), alpha=0.6, s=40, label=kind)
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(-0.5, len(order) - 0.5)
    ax.set_title(f"Timeline of {int(when.notna().sum())} dates")
    fig.autofmt_xdate()
    plt.tight_layout()
    plt.show()'''),
    new_markdown_cell("""\
### Most-mentioned works

Works ranked by their mentions in the text, summed over articles (a work found without a located mention counts once)."""),
    new_code_cell('''\
TOP = 15

mentions = Counter()
for r in ok:
    for work in r.works:
        mentions[work.title] += max(1, len(work.mentions))
if not mentions:
    print("No works in these records: nothing to plot.")
else:
    top = pd.Series(dict(mentions.most_common(TOP))).sort_values()
    ax = top.plot.barh(figsize=(8, 1 + 0.35 * len(top)), color="#c77dff")
    ax.set_xlabel("mentions")
    ax.set_title(f"Most-mentioned works (top {min(TOP, len(top))})")
    plt.tight_layout()
    plt.show()'''),
    new_markdown_cell("""\
## Next

* Write the records to a file: `extract run samples/ -o records.jsonl --include-text`, then set `INPUT` to it.
* Read such a file back as tables: `extract.read_frames("records.jsonl")`.
* Score the extractor against hand-checked records: `evaluate.ipynb`."""),
]

EVALUATE = [
    new_markdown_cell("""\
# Evaluating the extractor on gold records

This notebook runs `extract` over a folder of article pages, scores the records against hand-checked
*gold* records, and lists what was missed and what was extra, per field and per article: the place to start
when tuning the extractor to your own articles.

Gold records are `<slug>.gold.json` files, paired with the pages `<slug>.html` by name.
**Change `GOLD_DIR` (and `PAGES`, if the pages are elsewhere)** in the next cell, e.g. to `../shared/eval/dev`."""),
    new_code_cell(SETUP + '''

GOLD_DIR = ROOT / "samples"  # <- folder of <slug>.gold.json files
PAGES = GOLD_DIR             # <- the pages to extract (folder, file or glob); by default beside the gold files

import json
import tempfile
import warnings

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import extract
from extract import Extractor
from extract.evaluate import FIELDS, format_scores, score
from extract.run import run

warnings.filterwarnings("ignore", message="IProgress not found")  # without ipywidgets the bar is plain text
pd.set_option("display.max_colwidth", 120)
pd.set_option("display.max_rows", 200)
gold_files = sorted(Path(GOLD_DIR).glob("*.gold.json"))
print(f"extract {extract.__version__}; {len(gold_files)} gold files in {GOLD_DIR}")'''),
    new_markdown_cell("""\
## 1. Extract

`extract.run.run` is what `extract run` does: it extracts every page and writes the records as JSON lines,
the file the scorer reads. The file goes to a temporary folder; set `RECORDS` to keep it."""),
    new_code_cell('''\
RECORDS = Path(tempfile.mkdtemp(prefix="extract-eval-")) / "records.jsonl"

extractor = Extractor(include_text=True)
report = run([PAGES], RECORDS, extractor=extractor, progress=True)
print(report.summary())
print(f"records: {RECORDS}")'''),
    new_markdown_cell("""\
## 2. Scores per field

`extract.evaluate.score(gold_dir, records)` matches records to gold files by name and counts, per field,
true positives, false positives (extras) and false negatives (misses), micro-averaged over articles.
Names are compared after normalisation (case, accents, punctuation, a leading *the*) and through
the gold aliases; awards match on the body, recipient and most of the category words."""),
    new_code_cell('''\
result = score(Path(GOLD_DIR), RECORDS)
if not result["articles"]:
    print(f"No gold files in {GOLD_DIR}: nothing to score.")
scores = pd.DataFrame(result["fields"]).T.astype({"tp": int, "fp": int, "fn": int})
print(f"articles {result['articles']}, without a record {result['missing_records']}, "
      f"headline accuracy {result['headline_accuracy']}, published-date accuracy {result['published_accuracy']}, "
      f"mean F1 {result['mean_f1']}")
scores'''),
    new_code_cell('''\
if result["articles"]:
    ax = scores[["precision", "recall", "f1"]].plot.bar(figsize=(8, 3.5), ylim=(0, 1), rot=0)
    ax.set_title(f"Scores per field ({result['articles']} articles)")
    ax.legend(loc="upper right")
    plt.tight_layout()
    plt.show()'''),
    new_markdown_cell("""\
## 3. Misses and extras

Every item the extractor missed (in the gold record, not found) or added (found, not in the gold record),
one row per item. The counts per article and field show where to look first."""),
    new_code_cell('''\
def item_text(item) -> str:
    """A gold or extracted item as one short line."""
    if isinstance(item, (list, tuple)):
        return " / ".join(map(str, item))
    if isinstance(item, dict):
        return ", ".join(f"{k}={v}" for k, v in item.items() if v not in (None, "", [], {}) and k != "evidence")
    return str(item)


rows = [
    {"doc": doc, "field": field, "kind": kind, "item": item_text(item)}
    for doc, per_field in result["details"].items()
    for field, found in per_field.items()
    for kind in ("missed", "extra")
    for item in found[kind]
]
errors = pd.DataFrame(rows, columns=["doc", "field", "kind", "item"])
if errors.empty:
    print("No misses or extras." if result["articles"] else "Nothing scored.")
else:
    counts = errors.groupby(["doc", "field", "kind"]).size().unstack("kind", fill_value=0)
    counts = counts.reindex(columns=["missed", "extra"], fill_value=0)
    cells = (counts["missed"].astype(str) + " missed, " + counts["extra"].astype(str) + " extra").unstack("field")
    display(cells.reindex(columns=[f for f in FIELDS if f in cells.columns]).fillna("-"))'''),
    new_markdown_cell("Pick a field (one of `works`, `people`, `roles`, `credits`, `awards`, `dates`) to list its misses and extras:"),
    new_code_cell('''\
FIELD = "works"

chosen = errors[errors["field"] == FIELD]
if chosen.empty:
    print(f"No misses or extras for {FIELD}.")
else:
    display(chosen.sort_values(["kind", "doc"]).reset_index(drop=True))'''),
    new_markdown_cell("""\
## 4. One article in detail

The extracted entities of one article next to its misses and extras: set `DOC` to an article's name
(`None` picks the article with the most misses and extras)."""),
    new_code_cell('''\
DOC = None

records = {}
with open(RECORDS, encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            rec = extract.ArticleRecord.model_validate_json(line)
            records[rec.doc_id] = rec
if errors.empty:
    print("Nothing to show.")
else:
    doc = DOC or errors["doc"].value_counts().index[0]
    display(errors[errors["doc"] == doc].sort_values(["field", "kind"]).reset_index(drop=True))
    record = records.get(doc)
    if record is not None and record.text:
        extract.display(record)
    else:
        print(f"No record with text for {doc}.")'''),
    new_markdown_cell("""\
The same report on the command line: `extract run <pages> -o records.jsonl` then
`extract evaluate <gold_dir> records.jsonl --details`."""),
    new_code_cell('print(format_scores(result))'),
]


def write(cells: list, path: Path) -> None:
    for i, cell in enumerate(cells):
        cell["id"] = f"{path.stem}-{i:02d}"  # stable ids: rebuilding changes nothing that was not edited
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    nbformat.validate(nb)
    nbformat.write(nb, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    write(EXPLORE, HERE / "explore.ipynb")
    write(EVALUATE, HERE / "evaluate.ipynb")
