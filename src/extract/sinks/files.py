"""File sinks write numbered parts, each atomically, and merge them into the output at the end.

A part is a directory `<output>.parts/part-NNNNNNNN/` holding one file per table (or one JSONL
file), written under a temporary name and renamed into place, so a kill never leaves half a part.
The final output is rebuilt from the parts the manifest lists (temporary file + rename), so an
earlier output stays intact until the new one is complete. A record an earlier run wrote for a
document that has since been processed again (its content changed) stays in its old part but is
left out of the output: `live(part)` (the manifest's answer) names the records of a part that are
still current. Part names are numbers, never page content.
"""

from __future__ import annotations

import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Collection, Iterable, Iterator

from ..errors import OutputError
from ..schema import ArticleRecord
from .base import Sink

_PART_RE = re.compile(r"^part-(\d{8})$")


@contextmanager
def output_errors(path: Path) -> Iterator[None]:
    """Turn an `OSError` (read-only directory, full disk, ...) into an `OutputError`."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError("E102", path=path, reason=exc.strerror or str(exc)) from exc


@contextmanager
def atomic_file(path: Path, mode: str = "wb", **kwargs: object) -> Iterator[IO]:
    """Open a temporary file beside `path`; fsync and rename it into place on success only."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fh = open(tmp, mode, **kwargs)  # noqa: SIM115
    try:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        os.replace(tmp, path)
    finally:
        if not fh.closed:
            fh.close()
        tmp.unlink(missing_ok=True)


class PartSink(Sink):
    """Base of the file sinks; subclasses write one part (`_write_part`) and merge parts (`_merge`)."""

    def __init__(self, path: Path, *, keep_parts: Iterable[int] | None = None,
                 live: Callable[[int], Collection[str] | None] | None = None) -> None:
        self.path = Path(path)
        self.live = live  # part -> doc_ids still current in it, or None when all are
        self.parts_dir = self.path.with_name(self.path.name + ".parts")
        self.managed = keep_parts is not None  # a manifest owns the parts: keep them after the merge
        self.keep = set(keep_parts or ())
        self.parts: list[int] = []

    def part_dir(self, part: int) -> Path:
        return self.parts_dir / f"part-{part:08d}"

    def write_header(self) -> None:
        with output_errors(self.path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.parts_dir.mkdir(parents=True, exist_ok=True)
            for child in self.parts_dir.iterdir():  # unlisted parts: from a killed run, never committed
                m = _PART_RE.match(child.name)
                if m and int(m.group(1)) in self.keep:
                    self.parts.append(int(m.group(1)))
                else:
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
            self.parts.sort()

    def write_batch(self, records: list[ArticleRecord], part: int | None = None, *,
                    stale: Collection[str] = ()) -> None:
        """Write one part (stale records of earlier parts are left out at the merge, through `live`)."""
        if part is None:
            part = (self.parts[-1] + 1) if self.parts else 0
        final = self.part_dir(part)
        tmp = self.parts_dir / f".{final.name}.tmp-{os.getpid()}"
        with output_errors(self.path):
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            try:
                self._write_part(records, tmp)
                shutil.rmtree(final, ignore_errors=True)
                os.rename(tmp, final)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        self.parts.append(part)

    def adopt(self, part: int) -> None:
        """Count in a part another process (a Dask worker) wrote with `shard_writer()`."""
        self.parts.append(part)

    def shard_writer(self) -> "PartWriter":
        """A picklable writer of parts for other processes: same class, same output."""
        return PartWriter(type(self), self.path)

    def write_footer(self) -> None:
        with output_errors(self.path):
            self._merge([(self.part_dir(p), self.live(p) if self.live else None) for p in sorted(self.parts)])
            if not self.managed:
                shutil.rmtree(self.parts_dir, ignore_errors=True)

    def _write_part(self, records: list[ArticleRecord], directory: Path) -> None:
        raise NotImplementedError

    def _merge(self, parts: list[tuple[Path, Collection[str] | None]]) -> None:
        """Build the output from `(part directory, doc_ids to keep or None for all)`, in order."""
        raise NotImplementedError


class PartWriter:
    """Writes parts of a file output from another process; the client merges them at the end."""

    def __init__(self, sink_class: type[PartSink], path: Path) -> None:
        self.sink_class = sink_class
        self.path = path
        self._sink: PartSink | None = None

    def write(self, records: list[ArticleRecord], part: int, stale: Collection[str] = ()) -> None:
        if self._sink is None:
            self._sink = self.sink_class(self.path)
        self._sink.write_batch(records, part, stale=stale)

    def __getstate__(self) -> dict:
        return {"sink_class": self.sink_class, "path": self.path, "_sink": None}


def fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
