"""The layering of STYLE.md: nothing below ui imports Qt; core imports nothing of the project."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "nts_desktop"
QT = ("PySide6", "pyqtgraph", "shiboken6")


def _imports(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (PACKAGE / folder).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                names.add("." * node.level + (node.module or ""))
        found[str(path.relative_to(PACKAGE))] = names
    return found


def test_no_qt_below_ui():
    for folder in ("core", "storage", "analysis", "io"):
        for path, names in _imports(folder).items():
            assert not [n for n in names if n.split(".")[0] in QT], path


def test_core_imports_nothing_of_the_project_or_third_parties():
    for path, names in _imports("core").items():
        for name in names:
            assert not name.startswith(".."), (path, name)
            top = name.split(".")[0]
            assert top not in ("nts_desktop", "numpy", "scipy", "sqlite_utils", "click"), (
                path,
                name,
            )
