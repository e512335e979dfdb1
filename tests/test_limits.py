"""Per-document limits: `time_limit` in the main thread and in worker threads, and the Extractor's
E008 over the whole document (cleaning and the NLP pipeline), never half a record."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest
from spacy.language import Language

from extract import Extractor, Limits
from extract.cli import main
from extract.errors import LimitExceeded
from extract.limits import time_limit

ARTICLE = ("<html><body><article><h1>Film {i}</h1><p>Olivia Colman stars in The Crown {i}, created by "
           "Peter Morgan, which premiered on Netflix on November 4, 2016.</p></article></body></html>")


@Language.component("test_slow_on_marker")
def slow_on_marker(doc):  # noqa: ANN001, ANN201
    """Spins (in short sleeps, so any thread can be interrupted) on documents saying SLOWPAGE."""
    if "SLOWPAGE" in doc.text:
        while True:
            time.sleep(0.005)
    return doc


def spin(seconds: float = 30.0) -> None:
    """Busy Python work that never ends by itself within `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            sum(range(500))
        except Exception:  # noqa: BLE001 - library code that swallows errors must not swallow the limit
            pass


def in_thread(fn):  # noqa: ANN001, ANN201
    """Run `fn` in another thread (as a Dask worker does) and return its result or raise its exception."""
    out: dict = {}

    def target() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001
            out["error"] = exc

    t = threading.Thread(target=target)
    t.start()
    t.join(60)
    if "error" in out:
        raise out["error"]
    return out.get("value")


@pytest.mark.parametrize("where", ["main", "thread"])
@pytest.mark.parametrize("work", [spin, lambda: time.sleep(30) if threading.current_thread() is threading.main_thread()
                                  else [time.sleep(0.01) for _ in range(3000)]], ids=["busy", "sleeping"])
def test_time_limit_interrupts(where: str, work) -> None:  # noqa: ANN001
    def limited() -> float:
        t = time.monotonic()
        with pytest.raises(LimitExceeded) as info:
            with time_limit(0.3):
                work()
        assert info.value.code == "E008" and "0.3 seconds" in info.value.message
        return time.monotonic() - t

    elapsed = limited() if where == "main" else in_thread(limited)
    assert 0.25 < elapsed < 5


@pytest.mark.parametrize("where", ["main", "thread"])
def test_time_limit_leaves_no_trace(where: str) -> None:
    previous = signal.getsignal(signal.SIGALRM)

    def fast() -> None:
        for _ in range(200):
            with time_limit(0.05):
                pass
        with time_limit(None):
            time.sleep(0.01)
        with time_limit(0):
            time.sleep(0.01)
        time.sleep(0.15)  # past every deadline: nothing may fire once the blocks are left

    fast() if where == "main" else in_thread(fast)
    assert signal.getsignal(signal.SIGALRM) == previous


def test_time_limit_keeps_an_applications_alarm_handler() -> None:
    seen = []
    old = signal.signal(signal.SIGALRM, lambda *a: seen.append(a))
    try:
        with pytest.raises(LimitExceeded):
            with time_limit(0.2):
                spin()
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL and not seen
    finally:
        signal.signal(signal.SIGALRM, old)


def test_over_time_after_the_block_is_still_over() -> None:
    """Work that cannot be interrupted (one long C call) still fails the limit when it returns late."""
    with pytest.raises(LimitExceeded):
        with time_limit(0.05):
            time.sleep(0.1) if threading.current_thread() is not threading.main_thread() else _c_call(0.1)


def _c_call(seconds: float) -> None:
    import re

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        re.match(r"(a+)+b", "a" * 18)  # ~ms of C per call; the signal only lands between calls


@pytest.fixture(scope="module")
def slow_nlp_extractor() -> Extractor:
    ex = Extractor("blank", limits=Limits(max_seconds=0.5), batch_size=4)
    ex.nlp.add_pipe("test_slow_on_marker", first=True)
    return ex


@pytest.mark.parametrize("where", ["main", "thread"])
def test_slow_nlp_gets_e008_and_the_batch_goes_on(slow_nlp_extractor: Extractor, where: str) -> None:
    pages = [ARTICLE.format(i=i) for i in range(4)]
    pages.insert(2, ARTICLE.format(i="SLOWPAGE"))
    reference = list(Extractor("blank").pipe((p, f"p{i}.html") for i, p in enumerate(pages)))

    def go() -> list:
        return list(slow_nlp_extractor.pipe((p, f"p{i}.html") for i, p in enumerate(pages)))

    t = time.monotonic()
    got = go() if where == "main" else in_thread(go)
    assert time.monotonic() - t < 10
    assert [r.status for r in got] == ["ok", "ok", "error", "ok", "ok"]
    slow = got[2]
    assert slow.error.code == "E008" and not slow.works and not slow.entities  # never half a record
    for a, b in zip(got[:2] + got[3:], reference[:2] + reference[3:]):
        assert a == b


@pytest.mark.parametrize("clean_ahead", [False, True])
def test_slow_extraction_component_gets_e008(monkeypatch: pytest.MonkeyPatch, clean_ahead: bool) -> None:
    """A component after the model runs one document at a time (with clean-ahead, in the second
    thread), each within its own time left: only the slow document gets E008."""
    from extract.components.dates import DateFinder

    real = DateFinder.process

    def slow_process(self, doc):  # noqa: ANN001, ANN202
        if "SLOWPAGE" in doc.text:
            spin()
        return real(self, doc)

    monkeypatch.setattr(DateFinder, "process", slow_process)
    ex = Extractor("blank", limits=Limits(max_seconds=0.5), batch_size=2, clean_ahead=clean_ahead)
    pages = [(ARTICLE.format(i=i), f"p{i}.html") for i in range(4)]
    pages.insert(1, (ARTICLE.format(i="SLOWPAGE"), "slow.html"))
    t = time.monotonic()
    got = list(ex.pipe(pages))
    assert time.monotonic() - t < 10
    assert [(r.status, r.error.code if r.error else None) for r in got] == [
        ("ok", None), ("error", "E008"), ("ok", None), ("ok", None), ("ok", None)]
    assert not got[1].works and not got[1].dates  # never half a record
    assert got[0].dates and got[2].dates


@pytest.mark.parametrize("where", ["main", "thread"])
def test_slow_cleaning_gets_e008(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    import extract.extractor as extractor_module

    real_clean = extractor_module.clean

    def slow_clean(raw, **kwargs):  # noqa: ANN001, ANN202
        if b"SLOWPAGE" in (raw.content if isinstance(raw.content, bytes) else raw.content.encode()):
            spin()
        return real_clean(raw, **kwargs)

    monkeypatch.setattr(extractor_module, "clean", slow_clean)
    ex = Extractor("blank", limits=Limits(max_seconds=0.3))
    pages = [ARTICLE.format(i="SLOWPAGE").encode(), ARTICLE.format(i=1).encode()]
    got = list(ex.pipe(pages)) if where == "main" else in_thread(lambda: list(ex.pipe(pages)))
    assert [(r.status, r.error.code if r.error else None) for r in got] == [("error", "E008"), ("ok", None)]


@pytest.mark.slow
def test_deeply_nested_page_is_cut_off_by_the_limit() -> None:
    """100,000 nested elements take seconds to clean; with a short limit the page gets E008 quickly."""
    deep = "<html><body><article><p>The Crown stars Olivia Colman.</p>" + "<div>" * 100_000 + "x" + \
        "</div>" * 100_000 + "</article></body></html>"
    ex = Extractor("blank", limits=Limits(max_seconds=0.2))
    t = time.monotonic()
    got = list(ex.pipe([deep, ARTICLE.format(i=1)]))
    assert [r.status for r in got] == ["error", "ok"] and got[0].error.code == "E008"
    assert time.monotonic() - t < 4  # interrupted, not run to its end (5-15 s) and judged after


def test_limits_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import extract.extractor as extractor_module

    real_clean = extractor_module.clean

    def slow_clean(raw, **kwargs):  # noqa: ANN001, ANN202
        if "slow" in raw.source:
            spin()
        return real_clean(raw, **kwargs)

    monkeypatch.setattr(extractor_module, "clean", slow_clean)
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a-big.html").write_text(ARTICLE.format(i=1) + " " * 5000)
    (pages / "b-long.html").write_text(ARTICLE.format(i="long " * 300))
    (pages / "c-slow.html").write_text(ARTICLE.format(i=3))
    (pages / "d-fine.html").write_text(ARTICLE.format(i=4))
    out = tmp_path / "o.jsonl"
    assert main(["run", str(pages), "-o", str(out), "--model", "blank", "-q", "--workers", "1",
                 "--max-bytes", "4000", "--max-chars", "1000", "--max-seconds", "0.5"]) == 0
    codes = [(r["doc_id"], r["error"]["code"] if r["error"] else None) for r in map(json.loads, out.open())]
    assert codes == [("a-big", "E003"), ("b-long", "E007"), ("c-slow", "E008"), ("d-fine", None)]


@pytest.mark.parametrize("option, value", [("--max-seconds", "-1"), ("--max-bytes", "0"), ("--max-chars", "x")])
def test_bad_limit_values_are_usage_errors(tmp_path: Path, option: str, value: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["run", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), option, value])
    assert info.value.code == 2


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_dropped_interruption_is_repeated(where: str) -> None:
    """An interruption swallowed (a gc callback, `__del__`, a bare `except BaseException`) is raised again."""

    def stubborn() -> float:
        t = time.monotonic()
        with pytest.raises(LimitExceeded):
            with time_limit(0.2):
                try:
                    spin()
                except BaseException:  # noqa: BLE001
                    pass
                spin()
        return time.monotonic() - t

    assert (stubborn() if where == "main" else in_thread(stubborn)) < 5
