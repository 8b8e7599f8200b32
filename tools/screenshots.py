"""Regenerate docs/screenshots/*.png from a demo journal, offscreen, with a pinned clock.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR]
Builds a throw-away journal in a temporary folder; never touches your own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _fill(path: Path, today: date) -> None:
    """A few weeks of plausible nights ending yesterday (until `demo` exists)."""
    import random

    from nts_desktop.core.entry import build_night
    from nts_desktop.core.records import Day
    from nts_desktop.storage import open_journal

    rng = random.Random(7)
    days = []
    for back in range(28, 0, -1):
        when = today - timedelta(days=back)
        free = when.weekday() >= 5
        shift = 60 if free else 0
        bed = 23 * 60 + shift + rng.randint(-25, 35)
        wake = 7 * 60 + shift + rng.randint(-20, 25)
        as_time = lambda m: time((m // 60) % 24, m % 60)  # noqa: E731
        night = build_night(
            when, "Europe/Berlin",
            {"bedtime": as_time(bed), "lights_out": as_time(bed + 10),
             "final_wake": as_time(wake), "out_of_bed": as_time(wake + rng.randint(5, 25))},
            {"sleep_latency_min": rng.randint(5, 30), "awakenings": rng.randint(0, 3),
             "waso_min": rng.randint(0, 25)},
        )
        days.append(Day(date=when, free_day=free, night=night, quality=rng.randint(2, 5),
                        mood=rng.randint(4, 9), focus=rng.randint(3, 9),
                        resilience=rng.randint(4, 9), tags=("exercise",) if back % 3 else ()))
    with open_journal(path, tz="Europe/Berlin") as journal:
        journal.write_many(days)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        now = datetime(2026, 3, 12, 7, 40, tzinfo=ZoneInfo("Europe/Berlin"))
        path = Path(folder) / "journal.sqlite3"
        _fill(path, now.date())
        from nts_desktop.app import build_main_window, ensure_app

        app = ensure_app()
        window = build_main_window(path, clock=lambda: now)
        window.resize(1120, 860)
        window.show()
        app.processEvents()
        window.today.inputs["mood"].setValue(7)
        app.processEvents()
        window.grab().save(str(out / "today.png"))
        window.today.discard_drafts()
        window.close()
        print(f"wrote {out / 'today.png'}")


if __name__ == "__main__":
    main()
