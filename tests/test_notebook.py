"""notebooks/quickstart.ipynb runs top to bottom in a real kernel, as a journalist would run it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"


def test_quickstart_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat", reason='the notebook extra: pip install -e ".[notebook]"')
    nbclient = pytest.importorskip("nbclient", reason='the notebook extra: pip install -e ".[notebook]"')
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "outputs committed"
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    shutil.copy(NOTEBOOK, tmp_path / "notebooks")
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path / "notebooks")}}
    ).execute()
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "articles extracted, 0 failed" in text
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "spans" in html and "money" in html  # displaCy's span rendering of one article
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # money by county, quantities by unit and year
    assert "CJK font: None" not in text or not shutil.which("fc-list")
    assert (tmp_path / "notebooks" / "quickstart.sqlite").exists()
