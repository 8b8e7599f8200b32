"""Regenerate docs/screenshots/*.png from a demo journal, offscreen, with a pinned clock.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR]
Builds a throw-away journal in a temporary folder; never touches your own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        now = datetime(2026, 3, 12, 7, 40, tzinfo=ZoneInfo("Europe/Berlin"))
        path = Path(folder) / "journal.sqlite3"
        from nts_desktop.demo import write_demo
        from nts_desktop.storage import open_journal

        with open_journal(path, tz="Europe/Berlin") as journal:
            write_demo(journal, nights=365, seed=1, end=now.date() - timedelta(days=1))
        from nts_desktop.app import build_main_window, ensure_app

        app = ensure_app()
        window = build_main_window(path, clock=lambda: now)
        window.resize(1120, 860)
        window.show()
        app.processEvents()
        shots = {"today.png": 0, "journal.png": 1}
        for name, index in shots.items():
            window.show_page(index)
            app.processEvents()
            window.grab().save(str(out / name))
            print(f"wrote {out / name}")
        window.today.discard_drafts()
        window.close()


if __name__ == "__main__":
    main()
