"""Shared fixtures: every test runs with TZ, XDG folders and the journal path pinned to tmp."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "UTC"
time.tzset()

VECTORS = Path(__file__).parent / "vectors"


@pytest.fixture(autouse=True)
def _pinned_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "runtime"))
    monkeypatch.setenv("NTS_DESKTOP_DB", str(home / "pinned-journal.sqlite3"))
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def journal(journal_path: Path):
    from nts_desktop.storage import open_journal

    j = open_journal(journal_path, tz="Europe/Berlin")
    yield j
    j.close()
