"""The layer rules (docs/design.md §11) are import-linter contracts in pyproject.toml.

`make lint` runs them; these tests show that they hold on the project and that they bite:
a copy of the package with a deliberate violation fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed")


def _lint(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project)}  # the copy, before the installed package
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=project, env=env, capture_output=True, text=True
    )


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT / "nts_desktop",
        project / "nts_desktop",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", project)
    return project


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text() + f"\n{line}\n")


def test_the_project_keeps_every_import_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("ui/today.py", "from . import insights  # noqa", "Pages never import pages BROKEN"),
        ("analysis/series.py", "import PySide6.QtCore  # noqa", "No Qt below ui BROKEN"),
        ("core/units.py", "import numpy  # noqa", "core uses the standard library only BROKEN"),
        ("storage/journal.py", "from nts_desktop import ui  # noqa", "Layers: cli > app"),
        ("analysis/stats.py", "import nts_desktop.storage  # noqa", "never reads the journal"),
    ],
)
def test_a_deliberate_violation_breaks_the_contracts(tmp_path, module, line, contract):
    project = _copy(tmp_path)
    _append(project / "nts_desktop" / module, line)
    result = _lint(project)
    assert result.returncode != 0
    assert contract in result.stdout
