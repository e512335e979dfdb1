"""The Extractor's stages in two threads (clean ahead): the same records, in the same order, as one
stage after another; errors stay with their own document; the process's switch interval comes back;
`stream_chunks` equals `process_chunk` chunk by chunk."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import Pipe

from extract import Extractor
from extract.document import RawDocument
from extract.parallel import process_chunk, stream_chunks
from extract.records import error_record

SAMPLES = Path(__file__).parent.parent / "samples"
ARTICLE = ("<html><body><article><h1>Film {i}</h1><p>Olivia Colman stars in The Crown {i}, created by "
           "Peter Morgan, which premiered on Netflix on November 4, 2016.</p></article></body></html>")
# documents that fail before the model, each with its code
BAD = [(b"", "E001"), (b"%PDF-1.4 not a page", "E002"),
       (b"<html><head><title>t</title></head><body><script>x()</script></body></html>", "E006")]


def pages_with_bad_ones() -> list[RawDocument]:
    pages = [RawDocument(p.read_bytes(), p.name) for p in sorted(SAMPLES.glob("*.html"))[:9]]
    for k, (content, _) in enumerate(BAD):  # at the start, in the middle, at the end
        pages.insert([0, 5, len(pages)][k], RawDocument(content, f"bad{k}.html"))
    return pages


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(batch_size=3, clean_ahead=True)


@pytest.mark.parametrize("batch_size", [1, 3, 4, 50])
def test_clean_ahead_gives_the_records_of_one_stage_after_another(extractor: Extractor, batch_size: int) -> None:
    pages = pages_with_bad_ones()
    extractor.clean_ahead = False
    sequential = list(extractor.pipe(pages, batch_size=batch_size))
    extractor.clean_ahead = True
    ahead = list(extractor.pipe(pages, batch_size=batch_size))
    assert [r.source for r in ahead] == [p.source for p in pages]
    assert ahead == sequential
    codes = {r.source: r.error.code for r in ahead if r.error}
    assert codes == {f"bad{k}.html": code for k, (_, code) in enumerate(BAD)}
    assert sum(r.status == "ok" for r in ahead) == 9


def test_the_switch_interval_comes_back(extractor: Extractor) -> None:
    before = sys.getswitchinterval()
    pages = [(ARTICLE.format(i=i), f"p{i}.html") for i in range(8)]
    seen = []
    for record in extractor.pipe(pages, batch_size=2):
        seen.append(sys.getswitchinterval())
    assert max(seen) <= min(before, 0.001) and sys.getswitchinterval() == before
    gen = extractor.pipe(pages, batch_size=2)  # left after one record
    next(gen)
    assert sys.getswitchinterval() < before or before <= 0.001
    gen.close()
    assert sys.getswitchinterval() == before


def test_one_batch_runs_in_the_calling_thread(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> None:
    import extract.extractor as module

    def no_threads(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("a thread for a single batch")

    monkeypatch.setattr(module, "ThreadPoolExecutor", no_threads)
    got = list(extractor.pipe([(ARTICLE.format(i=i), f"p{i}.html") for i in range(3)], batch_size=3))
    assert [r.status for r in got] == ["ok"] * 3


class _FailsOnBoom(Pipe):
    """A batching component (like the entity model) that fails on any batch holding BOOM."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc):  # noqa: ANN001, ANN204
        return next(self.pipe([doc]))

    def pipe(self, stream, *, batch_size: int = 128):  # noqa: ANN001, ANN201
        error_handler = self.get_error_handler()
        docs = list(stream)
        for start in range(0, len(docs), batch_size):
            part = docs[start:start + batch_size]
            try:
                if any("BOOM" in d.text for d in part):
                    raise ValueError("boom")
                yield from part
            except Exception as e:  # noqa: BLE001 - spaCy's own pattern: the batch goes to the handler
                error_handler(self.name, self, part, e)


@Language.factory("test_fails_on_boom")
def _make_fails_on_boom(nlp: Language, name: str) -> _FailsOnBoom:
    return _FailsOnBoom(name)


@pytest.mark.parametrize("clean_ahead", [False, True])
def test_a_model_failure_marks_its_own_documents_only(clean_ahead: bool) -> None:
    """spaCy drops the documents of a failed batch from the stream; their records are errors and the
    others keep their own results (nothing shifts onto the wrong document)."""
    ex = Extractor("blank", batch_size=2, clean_ahead=clean_ahead)
    ex.nlp.add_pipe("test_fails_on_boom", first=True)
    ex.nlp.get_pipe("test_fails_on_boom").set_error_handler(lambda name, proc, docs, e: [
        setattr(d._, "error", e) for d in docs])
    titles = ["One", "BOOM", "Three", "Four", "Five"]
    got = list(ex.pipe((ARTICLE.format(i=t), f"{t}.html") for t in titles))
    alone = {t: next(Extractor("blank").pipe([(ARTICLE.format(i=t), f"{t}.html")])) for t in titles}
    # batches of two: [One, BOOM] fails together, [Three, Four] and [Five] pass
    assert [r.status for r in got] == ["error", "error", "ok", "ok", "ok"]
    for r, t in zip(got[2:], titles[2:]):
        assert r == alone[t]


def test_stream_chunks_equals_process_chunk(extractor: Extractor) -> None:
    raw = [RawDocument(ARTICLE.format(i=i), f"p{i}.html", f"p{i}") for i in range(7)]
    done = error_record("dup.html", "dup", ValueError("already done"))
    chunks = [[raw[0], done, raw[1]], [done], [], [raw[2], raw[3], raw[4], raw[5]], [raw[6], done]]
    one_by_one = [process_chunk(c, extractor)[0] for c in chunks]
    streamed = list(stream_chunks(iter(chunks), extractor))
    assert [records for records, _ in streamed] == one_by_one
    assert all(set(seconds) == {"clean", "nlp", "records"} for _, seconds in streamed)
    assert list(stream_chunks(iter([]), extractor)) == []
