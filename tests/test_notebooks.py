"""The notebooks run top to bottom (so they cannot rot) and are committed without outputs.

Executed with nbclient in the `python3` kernel, which jupyter_client starts with this interpreter
(ipykernel's kernelspec runs `python`, replaced by `sys.executable`); nothing is installed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ("explore.ipynb", "evaluate.ipynb")


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_has_no_outputs(name: str) -> None:
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{name} cell {i} has outputs: strip them before committing"
            assert cell.get("execution_count") is None, f"{name} cell {i} has an execution count"


def _execute(name: str):  # noqa: ANN202
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, when a cell fails
    return nb


def _outputs(nb, mime: str) -> list[str]:  # noqa: ANN001
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and mime == "text/plain":
                found.append(out.get("text", ""))
            elif mime in out.get("data", {}):
                found.append(out["data"][mime])
    return found


def _has_html_samples() -> bool:
    return any(p.name.endswith((".html", ".htm", ".html.gz")) for p in (ROOT / "samples").glob("*"))


@pytest.mark.slow
def test_explore_notebook_runs() -> None:
    nb = _execute("explore.ipynb")
    assert all(c.get("execution_count") for c in nb.cells if c.cell_type == "code")
    if _has_html_samples():
        html = "\n".join(_outputs(nb, "text/html"))
        assert "displacy" in html or "entities" in html, "the displaCy rendering is missing"


@pytest.mark.slow
def test_evaluate_notebook_runs() -> None:
    nb = _execute("evaluate.ipynb")
    text = "\n".join(_outputs(nb, "text/plain"))
    assert "mean F1" in text
