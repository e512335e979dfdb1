"""Per-document limits: `Limits` (size, text length, time) and `time_limit`, which interrupts the
work on a document running past its deadline.

How the deadline interrupts the work inside the block:

- in the main thread on POSIX (the calling process, `--workers N` pool processes): a one-shot
  `SIGALRM` timer (`signal.setitimer`) whose handler raises `TimeUp`;
- in any other thread (Dask runs tasks in worker threads), or when the application already owns
  `SIGALRM`: one watchdog thread per process raises `TimeUp` in the working thread through
  CPython's `PyThreadState_SetAsyncExc`;
- where neither exists (not CPython), only the check on leaving the block.

Both take effect at the next Python bytecode: a single long call into C (one regex match, one
lxml parse call) finishes first. Both fire again every `REFIRE` seconds until the block is left:
an exception raised while Python runs a garbage-collector callback or a `__del__` is printed and
dropped, and the next one lands in the work itself. `TimeUp` derives from `BaseException`, so `except Exception`
in library code (spaCy's error handlers, a parser's fallback) cannot swallow it. Leaving the
block late always raises `LimitExceeded` (E008), whether or not the interruption landed, so a
document over its limit never yields half a result.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import signal
import threading
import time
from dataclasses import dataclass
from types import TracebackType

from .errors import LimitExceeded


@dataclass(frozen=True)
class Limits:
    """Per-document limits; a document over a limit gets an error record, never half a record.

    `max_seconds` covers the whole document (decoding, cleaning, the NLP pipeline, the record):
    over it the document gets E008 and the batch goes on. None or 0 turns the time limit off.
    """

    max_bytes: int = 20_000_000        # raw (decompressed) input size: E003 / E004
    max_text_chars: int = 1_000_000    # cleaned text length fed to the model: E007
    max_seconds: float | None = 60.0   # wall time per document: E008


REFIRE = 0.05  # seconds between repeated interruptions while the block has not stopped


class TimeUp(BaseException):
    """Raised inside a `time_limit` block when its deadline passes (never escapes the block)."""


class time_limit:
    """Context manager: raise `LimitExceeded("E008")` when the block runs longer than `seconds`.

    `seconds` of None or <= 0 means no limit. `limit` is the figure quoted in the message (the
    document's whole limit when the block gets only what is left of it).
    """

    def __init__(self, seconds: float | None, *, limit: float | None = None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self.limit = limit if limit is not None else seconds
        self.deadline = 0.0
        self._region: _Region | None = None
        self._old_handler: object = None

    def __enter__(self) -> "time_limit":
        if self.seconds is None:
            return self
        self.deadline = time.monotonic() + self.seconds
        if _can_use_alarm():
            self._region = _Region(self.deadline, None)
            _alarm_region.region = self._region
            self._old_handler = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, REFIRE)
        elif _ASYNC_EXC is not None:
            self._region = _Region(self.deadline, threading.get_ident())
            _watchdog().watch(self._region)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        if self.seconds is None:
            return False
        try:
            fired = self._stop()
        except TimeUp:  # landed while stopping: the deadline passed all the same
            fired = True
            self._stop()
        if fired or exc_type is TimeUp or time.monotonic() > self.deadline:
            raise LimitExceeded("E008", limit=self.limit) from None
        return False

    def _stop(self) -> bool:
        """Disarm the interruption; True when it fired. After this no `TimeUp` can arrive."""
        region = self._region
        if region is None:
            return False
        if region.thread_id is None:  # SIGALRM
            signal.setitimer(signal.ITIMER_REAL, 0)
            with region.lock:
                region.active = False
            if _alarm_region.region is region:
                _alarm_region.region = None
                signal.signal(signal.SIGALRM, self._old_handler)  # type: ignore[arg-type]
            return region.fired
        with region.lock:
            region.active = False
            if region.fired and _ASYNC_EXC is not None:  # clear a `TimeUp` not delivered yet
                _ASYNC_EXC(ctypes.c_ulong(region.thread_id), None)
            return region.fired


class _Region:
    __slots__ = ("deadline", "thread_id", "active", "fired", "lock")

    def __init__(self, deadline: float, thread_id: int | None) -> None:
        self.deadline = deadline
        self.thread_id = thread_id
        self.active = True
        self.fired = False
        self.lock = threading.Lock()


class _AlarmRegion:
    region: _Region | None = None


_alarm_region = _AlarmRegion()


def _can_use_alarm() -> bool:
    """SIGALRM is usable: POSIX, main thread, no other handler installed, not already in use."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    if _alarm_region.region is not None:  # nested block: the outer one owns the timer
        return False
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)


def _on_alarm(signum: int, frame: object) -> None:
    region = _alarm_region.region
    if region is None:
        return
    with region.lock:
        if not region.active:
            return
        region.fired = True
    raise TimeUp


try:  # called without argtypes: `None` passes NULL, which clears a pending exception
    _ASYNC_EXC = ctypes.pythonapi.PyThreadState_SetAsyncExc
except (AttributeError, OSError):  # not CPython
    _ASYNC_EXC = None


class _Watchdog:
    """One daemon thread per process: fires the regions whose deadline has passed."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.heap: list[tuple[float, int, _Region]] = []
        self.counter = itertools.count()
        self.thread = threading.Thread(target=self._loop, name="extract-time-limit", daemon=True)
        self.thread.start()

    def watch(self, region: _Region) -> None:
        with self.cond:
            heapq.heappush(self.heap, (region.deadline, next(self.counter), region))
            self.cond.notify()

    def _loop(self) -> None:
        while True:
            with self.cond:
                while self.heap and not self.heap[0][2].active:
                    heapq.heappop(self.heap)
                if not self.heap:
                    self.cond.wait()
                    continue
                wait = self.heap[0][0] - time.monotonic()
                if wait > 0:
                    self.cond.wait(wait)
                    continue
                _, _, region = heapq.heappop(self.heap)
            with region.lock:
                if region.active and _ASYNC_EXC is not None:
                    region.fired = True
                    _ASYNC_EXC(ctypes.c_ulong(region.thread_id or 0), ctypes.py_object(TimeUp))
                    region.deadline = time.monotonic() + REFIRE  # again, until the block stops
                    with self.cond:
                        heapq.heappush(self.heap, (region.deadline, next(self.counter), region))


_WATCHDOG: _Watchdog | None = None
_WATCHDOG_LOCK = threading.Lock()


def _watchdog() -> _Watchdog:
    """The process's watchdog, started on first use (and again in a forked child)."""
    global _WATCHDOG
    with _WATCHDOG_LOCK:
        if _WATCHDOG is None or not _WATCHDOG.thread.is_alive():
            _WATCHDOG = _Watchdog()
        return _WATCHDOG


__all__ = ["Limits", "TimeUp", "time_limit"]
