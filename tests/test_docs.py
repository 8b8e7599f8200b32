"""The living specification: every "design §N" in the repository names a heading that exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESIGN = ROOT / "docs" / "design.md"
REFERENCE = re.compile(r"§\s*(\d+)(?:\s*[–-]\s*(\d+))?")


def _tracked_text_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):  # not a checkout: walk the tree
        listed = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and ".venv" not in p.parts and ".git" not in p.parts
        ]
    out = []
    for name in listed:
        path = ROOT / name
        if path.suffix in (".png", ".svg", ".sqlite3") or not path.is_file():
            continue
        out.append(path)
    return out


def _sections() -> set[int]:
    return {int(m) for m in re.findall(r"^## (\d+)\. ", DESIGN.read_text(), re.MULTILINE)}


def test_every_section_reference_names_a_heading_of_the_design():
    sections = _sections()
    assert sections >= set(range(1, 12)), sorted(sections)
    missing = []
    for path in _tracked_text_files():
        text = path.read_text(errors="replace")
        for line_no, line in enumerate(text.splitlines(), start=1):
            for match in REFERENCE.finditer(line):
                first = int(match.group(1))
                last = int(match.group(2) or first)
                for number in range(first, last + 1):
                    if number not in sections:
                        missing.append(f"{path.relative_to(ROOT)}:{line_no}: §{number}")
    assert not missing, "\n".join(missing)


def test_no_reference_points_at_the_brief_outside_the_repository():
    stale = []
    for path in _tracked_text_files():
        for line_no, line in enumerate(path.read_text(errors="replace").splitlines(), start=1):
            if re.search(r"\bDESIGN(\.md)?\b", line) and path != Path(__file__):
                stale.append(f"{path.relative_to(ROOT)}:{line_no}")
    assert not stale, "\n".join(stale)
