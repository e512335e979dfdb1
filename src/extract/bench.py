"""Throughput benchmark: our pipeline against the entity model alone and against what a user would assemble.

Four modes run on the same pages in one process:

- ``pipeline``: `extract.Extractor`, HTML -> validated records, each record serialised with orjson as
  the JSON-lines sink does; as shipped, its cleaning and extraction components run in a second thread
  while the model reads the next batch (`clean_ahead`);
- ``sequential``: the same with `clean_ahead=False`, every stage in turn in one thread (the figure
  a machine with one core gets);
- ``model``: the entity model alone (`extract.nlp.load_base`: tok2vec + ner) through `nlp.pipe` on the
  already-cleaned text of the same pages: the limit the pipeline can approach;
- ``assembled``: `trafilatura.extract` followed by an untrained spaCy pipeline with en_core_web_sm's
  architecture (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) from `spacy init config`.

Pages are read (and un-gzipped) before timing. By default each mode makes a whole pass over the pages
in turn, as it would in a batch job, the order of the modes rotated every round; the rounds are repeated
`rounds` times and each mode reports its fastest round. `chunk=N` interleaves the modes every N pages
instead (order rotated every chunk), so that slow drifts in the machine's load fall on all of them alike;
it also makes every mode start each chunk with caches another model has just filled, which costs the
pipeline most (its cleaning runs between its own batches too). Peak memory is the peak resident set (VmHWM)
of a forked child that loads the mode's pipeline and runs it over all pages once, untimed.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

import orjson

from .document import RawDocument

DEFAULT_DATA = Path("../shared/data/html")
MODES = ("pipeline", "sequential", "model", "assembled")
BATCH = 16  # documents per nlp.pipe batch in every mode: the Extractor's default
MODE_TITLES = {
    "pipeline": "a  extract.Extractor (HTML -> records -> JSON)",
    "sequential": "a' the same, stages in turn (clean_ahead off)",
    "model": "b  entity model alone (cleaned text)",
    "assembled": "c  trafilatura + en_core_web_sm architecture",
}
SM_PIPELINE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
# label sets of en_core_web_sm 3.x, so the assembled pipeline's output layers have their real sizes
SM_NER_LABELS = ["CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP",
                 "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"]
SM_DEP_LABELS = ["ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux",
                 "auxpass", "case", "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep",
                 "det", "dobj", "expl", "intj", "mark", "meta", "neg", "nmod", "npadvmod", "nsubj",
                 "nsubjpass", "nummod", "oprd", "parataxis", "pcomp", "pobj", "poss", "preconj", "predet",
                 "prep", "prt", "punct", "quantmod", "relcl", "xcomp"]
# Penn Treebank tag -> universal POS (what en_core_web_sm's attribute_ruler maps)
PTB_TO_UPOS = {
    "$": "SYM", "''": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", ".": "PUNCT", ":": "PUNCT",
    "ADD": "X", "AFX": "ADJ", "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "HYPH": "PUNCT",
    "IN": "ADP", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "VERB", "NFP": "PUNCT", "NN": "NOUN",
    "NNP": "PROPN", "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB",
    "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON",
    "WP$": "PRON", "WRB": "ADV", "XX": "X", "_SP": "SPACE", "``": "PUNCT",
}


# --- inputs

def bench_files(root: Path, limit: int | None = None) -> list[Path]:
    """HTML files under `root` (recursive) in a fixed order that mixes the corpora: sorted by the SHA-1
    of the path relative to `root`, so `--limit N` takes a stable sample rather than the first folder."""
    from .inputs import is_html_path

    root = Path(root)
    files = [Path(d) / n for d, _, names in os.walk(root) for n in names if is_html_path(Path(n))]
    files.sort(key=lambda p: hashlib.sha1(str(p.relative_to(root)).encode()).hexdigest())
    return files[:limit] if limit else files


def load_pages(files: Iterable[Path]) -> list[RawDocument]:
    """Read every page before timing; gzip is undone here so no mode pays for it."""
    from .records import make_doc_id

    pages = []
    for path in files:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        pages.append(RawDocument(data, str(path), make_doc_id(str(path))))
    return pages


# --- per-component timing of a spaCy pipeline

class _Timed:
    """Stands in for a pipeline component and adds the seconds spent inside it (not upstream) to a clock."""

    def __init__(self, name: str, proc: Any, clock: dict[str, float]) -> None:
        self._name, self._proc, self._clock = name, proc, clock

    def __call__(self, doc: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return self._proc(doc, **kwargs)
        finally:
            self._clock[self._name] += time.perf_counter() - t0

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._proc, attr)


class _TimedPipe(_Timed):
    def pipe(self, docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        upstream = _Metered(docs)
        inner = self._proc.pipe(upstream, **kwargs)
        while True:
            t0, up0 = time.perf_counter(), upstream.seconds
            try:
                doc = next(inner)
            except StopIteration:
                return
            finally:
                self._clock[self._name] += time.perf_counter() - t0 - (upstream.seconds - up0)
            yield doc


class _Metered:
    """An iterator that counts the seconds its consumer waits for it."""

    def __init__(self, items: Iterable[Any]) -> None:
        self._it, self.seconds = iter(items), 0.0

    def __iter__(self) -> "_Metered":
        return self

    def __next__(self) -> Any:
        t0 = time.perf_counter()
        try:
            return next(self._it)
        finally:
            self.seconds += time.perf_counter() - t0


class ComponentClock:
    """While active, seconds per component of `nlp` accumulate in `self.seconds` (spaCy has no such hook,
    so the components are wrapped in place and restored on exit)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.seconds: dict[str, float] = {name: 0.0 for name in nlp.pipe_names}

    def __enter__(self) -> "ComponentClock":
        self._saved = list(self.nlp._components)
        self.nlp._components[:] = [
            (name, (_TimedPipe if hasattr(proc, "pipe") else _Timed)(name, proc, self.seconds))
            for name, proc in self._saved
        ]
        return self

    def __exit__(self, *exc: object) -> None:
        self.nlp._components[:] = self._saved


# --- the three modes

class Mode(Protocol):
    name: str

    def run(self, pages: Sequence[RawDocument], stages: dict[str, float]) -> int:
        """Process `pages`, add seconds per stage to `stages`, return the words the model saw."""


def count_words(doc: Any) -> int:
    return sum(1 for t in doc if not t.is_space)


class PipelineMode:
    """(a) the product: `Extractor.pipe` plus orjson serialisation as in `sinks.jsonl`."""

    name = "pipeline"

    def __init__(self, model: str | None = None, batch_size: int = BATCH, clean_ahead: bool | None = None) -> None:
        from .extractor import Extractor

        self.extractor = Extractor(model, batch_size=batch_size, clean_ahead=clean_ahead)
        self.words: dict[str, int] = {}   # filled by ModelMode from the same cleaned text
        self.records = 0

    def run(self, pages: Sequence[RawDocument], stages: dict[str, float]) -> int:
        ex = self.extractor
        before = dict(ex.stage_seconds)
        with ComponentClock(ex.nlp) as clock:
            records = list(ex.pipe(pages))
        t0 = time.perf_counter()
        lines = b"".join(orjson.dumps(r.model_dump(mode="json")) + b"\n" for r in records)
        _add(stages, "serialise", time.perf_counter() - t0)
        _add(stages, "clean", ex.stage_seconds["clean"] - before["clean"])
        for name, secs in clock.seconds.items():
            _add(stages, name, secs)
        _add(stages, "records", ex.stage_seconds["records"] - before["records"])
        nlp_total = ex.stage_seconds["nlp"] - before["nlp"]
        _add(stages, "nlp (other)", max(0.0, nlp_total - sum(clock.seconds.values())))
        self.records += sum(r.status == "ok" for r in records)
        self.last_bytes = len(lines)
        return sum(self.words.get(p.source, 0) for p in pages)


class ModelMode:
    """(b) the entity model alone on the cleaned text of the same pages (cleaned before timing)."""

    name = "model"

    def __init__(self, texts: dict[str, str], model: str | None = None, batch_size: int = BATCH) -> None:
        from .nlp import load_base

        self.nlp = load_base(model)
        self.nlp.max_length = max(self.nlp.max_length, 1_000_001)
        self.batch_size = batch_size
        self.texts = texts

    def run(self, pages: Sequence[RawDocument], stages: dict[str, float]) -> int:
        texts = [self.texts[p.source] for p in pages if p.source in self.texts]
        with ComponentClock(self.nlp) as clock:
            words = sum(count_words(doc) for doc in self.nlp.pipe(texts, batch_size=self.batch_size))
        for name, secs in clock.seconds.items():
            _add(stages, name, secs)
        return words


class AssembledMode:
    """(c) what a user would assemble: trafilatura for the text, an en_core_web_sm-shaped spaCy pipeline."""

    name = "assembled"

    def __init__(self, batch_size: int = BATCH) -> None:
        import trafilatura  # noqa: F401 - fail here, not halfway through a round

        self.nlp, self.notes = assembled_nlp()
        self.batch_size = batch_size

    def run(self, pages: Sequence[RawDocument], stages: dict[str, float]) -> int:
        import trafilatura

        t0 = time.perf_counter()
        texts = [trafilatura.extract(p.content) or "" for p in pages]
        _add(stages, "trafilatura", time.perf_counter() - t0)
        with ComponentClock(self.nlp) as clock:
            words = sum(count_words(doc) for doc in self.nlp.pipe(texts, batch_size=self.batch_size))
        for name, secs in clock.seconds.items():
            _add(stages, name, secs)
        return words


def assembled_nlp() -> tuple[Any, list[str]]:
    """An untrained pipeline with en_core_web_sm's components and sizes; speed does not depend on weights."""
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.lookups import Lookups
    from spacy.training import Example

    config = init_config(lang="en", pipeline=SM_PIPELINE, optimize="efficiency")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.max_length = max(nlp.max_length, 1_000_001)
    for label in PTB_TO_UPOS:
        nlp.get_pipe("tagger").add_label(label)
    for label in SM_DEP_LABELS:
        nlp.get_pipe("parser").add_label(label)
    for label in SM_NER_LABELS:
        nlp.get_pipe("ner").add_label(label)
    words = ["Ava", "DuVernay", "directed", "the", "series", "in", "2019", "."]
    example = Example.from_dict(nlp.make_doc(" ".join(words)), {
        "words": words, "tags": ["NNP", "NNP", "VBD", "DT", "NN", "IN", "CD", "."],
        "heads": [1, 2, 2, 4, 2, 2, 5, 2], "deps": ["compound", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        "entities": ["B-PERSON", "L-PERSON", "O", "O", "O", "O", "U-DATE", "O"]})
    notes = ["untrained weights (init config, optimize=efficiency), en_core_web_sm's label sets"]
    with nlp.select_pipes(disable=["lemmatizer"]):
        nlp.initialize(lambda: [example])
    nlp.get_pipe("attribute_ruler").add_patterns(  # after initialize, which clears them
        [{"patterns": [[{"TAG": tag}]], "attrs": {"POS": pos}} for tag, pos in PTB_TO_UPOS.items()])
    lemmatizer = nlp.get_pipe("lemmatizer")
    try:
        lemmatizer.initialize()  # rule mode with the English tables of spacy-lookups-data
        notes.append("lemmatizer: rule mode with spacy-lookups-data tables")
    except ValueError:
        lookups = Lookups()
        for table in ("lemma_rules", "lemma_exc", "lemma_index"):
            lookups.add_table(table, {})
        lemmatizer.initialize(lookups=lookups)
        notes.append("lemmatizer: rule mode with empty tables (spacy-lookups-data not installed; "
                     "the rule code runs, the per-POS rule lookups find nothing)")
    return nlp, notes


def cleaned_texts(pages: Sequence[RawDocument]) -> dict[str, str]:
    """The cleaned text of each page, by source; pages the cleaner rejects have none (the pipeline spends
    only cleaning time on them, the model gets nothing to do)."""
    from .clean import clean
    from .errors import DocumentError

    texts = {}
    for page in pages:
        try:
            texts[page.source] = clean(page).text
        except DocumentError:
            pass
    return texts


def _add(stages: dict[str, float], name: str, seconds: float) -> None:
    stages[name] = stages.get(name, 0.0) + seconds


# --- the report

@dataclass
class ModeResult:
    mode: str
    title: str
    articles: int = 0
    words: int = 0
    seconds: float = 0.0                 # fastest round
    round_seconds: list[float] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)   # of the fastest round
    peak_rss_mb: float | None = None     # VmHWM of a forked child running only this mode
    rss_increase_mb: float | None = None  # that peak minus the child's resident set when it started
    notes: list[str] = field(default_factory=list)
    skipped: str | None = None

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class BenchReport:
    data: str
    files: int
    rounds: int
    chunk: int
    modes: dict[str, ModeResult]
    machine: dict[str, Any]
    records_ok: int = 0

    @property
    def timing(self) -> str:
        if self.chunk > 0:
            return f"modes interleaved per chunk of {self.chunk} pages (order rotated)"
        return "a whole pass per mode (order rotated each round)"

    @property
    def ratios(self) -> dict[str, float | None]:
        def ratio(x: str, y: str) -> float | None:
            a, b = self.modes.get(x), self.modes.get(y)
            if not a or not b or a.skipped or b.skipped or not a.seconds:
                return None
            return b.seconds / a.seconds  # same pages: ratio of articles/s

        return {"a/b": ratio("pipeline", "model"), "a/c": ratio("pipeline", "assembled"),
                "a'/b": ratio("sequential", "model"), "a'/c": ratio("sequential", "assembled")}

    def to_dict(self) -> dict[str, Any]:
        modes = {}
        for name, m in self.modes.items():
            d = asdict(m)
            d.update(articles_per_s=round(m.articles_per_s, 3), words_per_s=round(m.words_per_s, 1),
                     seconds=round(m.seconds, 3), median_seconds=round(statistics.median(m.round_seconds), 3)
                     if m.round_seconds else None, round_seconds=[round(s, 3) for s in m.round_seconds],
                     stages={k: round(v, 3) for k, v in m.stages.items()})
            modes[name] = d
        return {"data": self.data, "files": self.files, "rounds": self.rounds, "chunk": self.chunk,
                "timing": self.timing + "; fastest round per mode",
                "memory": "peak RSS (VmHWM) of a forked child running one mode once",
                "records_ok": self.records_ok, "machine": self.machine,
                "ratios": {k: (round(v, 3) if v is not None else None) for k, v in self.ratios.items()},
                "modes": modes}

    def format(self) -> str:
        lines = [f"{self.files} pages from {self.data}; {self.rounds} round(s), {self.timing}, "
                 f"fastest round per mode; {self.machine['cpus']} CPUs, "
                 f"load {self.machine['load_before']:.1f} -> {self.machine['load_after']:.1f}",
                 f"{'mode':<48} {'articles/s':>10} {'words/s':>9} {'seconds':>8} {'peak RSS MB':>12} {'(+MB)':>7}"]
        for m in self.modes.values():
            if m.skipped:
                lines.append(f"{m.title:<48} skipped: {m.skipped}")
                continue
            rss = f"{m.peak_rss_mb:12.0f} {m.rss_increase_mb:+7.0f}" if m.peak_rss_mb is not None else f"{'-':>12} {'':>7}"
            lines.append(f"{m.title:<48} {m.articles_per_s:10.2f} {m.words_per_s:9.0f} {m.seconds:8.2f} {rss}")
        lines.append("stage seconds (fastest round):")
        for m in self.modes.values():
            if not m.skipped:
                spread = ", ".join(f"{s:.1f}" for s in m.round_seconds)
                lines.append(f"  {m.mode}: " + "  ".join(f"{k} {v:.2f}" for k, v in m.stages.items())
                             + f"   [rounds: {spread}]")
            for note in m.notes:
                lines.append(f"  {m.mode} note: {note}")
        r = self.ratios
        lines.append("ratios (articles/s): "
                     + ", ".join(f"{k} = {v:.2f}" if v is not None else f"{k} = n/a" for k, v in r.items()
                                  if v is not None or "'" not in k)
                     + "   (targets: a/b >= 0.80, a/c >= 1.5)")
        if self.modes.get("pipeline") and self.modes.get("sequential"):
            lines.append("a runs cleaning and the extraction components in a second thread, beside the model: "
                         "its stage seconds overlap; a' runs every stage in turn")
        return "\n".join(lines)


# --- running it

def run_bench(data: Path = DEFAULT_DATA, *, limit: int | None = None, rounds: int = 3, chunk: int = 0,
              modes: Sequence[str] = MODES, model: str | None = None, memory: bool = True,
              files: Sequence[Path] | None = None, log: Callable[[str], None] | None = None) -> BenchReport:
    """Run the modes on the same pages and return their figures (`chunk=0`: a whole pass per mode)."""
    say = log or (lambda msg: None)
    paths = list(files) if files is not None else bench_files(Path(data), limit)
    pages = load_pages(paths)
    load_before = os.getloadavg()[0]
    results = {m: ModeResult(m, MODE_TITLES[m]) for m in modes}
    runners: dict[str, Any] = {}
    pipeline = PipelineMode(model) if "pipeline" in modes else None
    if pipeline:
        runners["pipeline"] = pipeline
    if "sequential" in modes:
        runners["sequential"] = PipelineMode(model, clean_ahead=False)
    texts = cleaned_texts(pages) if "model" in modes or pipeline or "sequential" in modes else {}
    if "model" in modes:
        runners["model"] = ModelMode(texts, model)
    extractors = [runners[name] for name in ("pipeline", "sequential") if name in runners]
    if extractors:  # their words: those of the same cleaned text the model alone gets
        words = {src: count_words(extractors[0].extractor.nlp.make_doc(t)) for src, t in texts.items()}
        for runner in extractors:
            runner.words = words
    if "assembled" in modes:
        try:
            runners["assembled"] = AssembledMode()
            results["assembled"].notes = runners["assembled"].notes
        except ImportError as exc:
            results["assembled"].skipped = f"trafilatura is not installed ({exc.name}); pip install extract[bench]"
    active = [m for m in modes if m in runners]
    for name in active:  # warm-up: first-call costs are not throughput
        runners[name].run(pages[:2], {})
    # every mode's loaded pipeline out of the cyclic collector's sight, as each would be alone in its own
    # process (the Extractor freezes its own at load; the other modes load after it)
    gc.collect()
    gc.freeze()
    say(f"{len(pages)} pages, modes {', '.join(active)}; {rounds} round(s)")

    step = chunk if chunk > 0 else max(1, len(pages))
    chunks = [pages[i:i + step] for i in range(0, len(pages), step)]
    for rnd in range(rounds):
        seconds = dict.fromkeys(active, 0.0)
        stages: dict[str, dict[str, float]] = {m: {} for m in active}
        words = dict.fromkeys(active, 0)
        if pipeline:
            pipeline.records = 0
        for i, part in enumerate(chunks):
            shift = (rnd + i) % len(active)
            for name in active[shift:] + active[:shift]:
                t0 = time.perf_counter()
                words[name] += runners[name].run(part, stages[name])
                seconds[name] += time.perf_counter() - t0
        for name in active:
            res = results[name]
            res.round_seconds.append(seconds[name])
            if not res.seconds or seconds[name] < res.seconds:
                res.seconds, res.stages, res.words = seconds[name], stages[name], words[name]
            res.articles = len(pages)
        say(f"round {rnd + 1}: " + ", ".join(f"{m} {seconds[m]:.1f}s" for m in active))
    if memory:
        for name in active:
            results[name].peak_rss_mb, results[name].rss_increase_mb = peak_memory(name, chunks, texts, model)
    machine = machine_info()
    machine["load_before"], machine["load_after"] = load_before, os.getloadavg()[0]
    report = BenchReport(str(data), len(pages), rounds, chunk, results, machine)
    if pipeline:
        report.records_ok = pipeline.records
    return report


def peak_memory(mode: str, chunks: Sequence[Sequence[RawDocument]], texts: dict[str, str], model: str | None) -> tuple[float | None, float | None]:
    """Peak resident set of a forked child that builds `mode` and runs it once over the pages, chunk by chunk
    as in the timed rounds (Linux only)."""
    if not hasattr(os, "fork") or not Path("/proc/self/status").exists():
        return None, None
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(read_fd)
            start = _proc_status_mb("VmRSS")
            runner: Any
            if mode in ("pipeline", "sequential"):
                runner = PipelineMode(model, clean_ahead=None if mode == "pipeline" else False)
            elif mode == "model":
                runner = ModelMode(texts, model)
            else:
                runner = AssembledMode()
            for part in chunks:
                runner.run(part, {})
            os.write(write_fd, orjson.dumps([_proc_status_mb("VmHWM"), start]))
        except BaseException:  # noqa: BLE001 - the parent reports "no figure"
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as fh:
        out = fh.read()
    os.waitpid(pid, 0)
    if not out:
        return None, None
    peak, start = orjson.loads(out)
    return round(peak, 1), round(peak - start, 1)


def _proc_status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine_info() -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).parent, timeout=5).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        commit = None
    import spacy

    return {"cpus": os.cpu_count(), "python": platform.python_version(), "spacy": spacy.__version__,
            "commit": commit, "platform": platform.platform(),
            "max_rss_mb_whole_run": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


if __name__ == "__main__":  # pragma: no cover
    print("use `extract bench` or pipelines/bench.py", file=sys.stderr)
