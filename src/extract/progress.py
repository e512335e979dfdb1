"""Progress bars that work on a terminal and in Jupyter (tqdm.auto), silent when not interactive."""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def progress_bar(items: Iterable[T], *, total: int | None = None, desc: str = "articles") -> Iterator[T]:
    from tqdm.auto import tqdm

    disable = not (sys.stderr.isatty() or _in_notebook())
    yield from tqdm(items, total=total, desc=desc, unit="doc", disable=disable, file=sys.stderr)


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython  # type: ignore[import-not-found]
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"
