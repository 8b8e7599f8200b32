"""Saving a day (design §10): ≤ 15 ms on a 3 650-night journal.

Times the library save (one transaction, synchronous=FULL, WAL) and the whole Ctrl+S of the
Today page (build and validate the records, write, broadcast, reload the form), offscreen.
Run by hand: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/save.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_MS = 15


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    # on the disk the journal would live on (/tmp may be tmpfs, where fsync costs nothing)
    with tempfile.TemporaryDirectory(dir=Path.home()) as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        from nts_desktop.app import build_main_window
        from nts_desktop.demo import write_demo
        from nts_desktop.storage import open_journal

        path = Path(folder) / "ten-years.sqlite3"
        end = date(2026, 11, 25)
        with open_journal(path, tz="Europe/Berlin") as journal:
            write_demo(journal, nights=3650, seed=7, end=end)
            journal.update_settings(demo=False)
            day = journal.days()[-1]
            end = day.date
            library = []
            for i in range(runs):
                start = time.perf_counter()
                journal.save_day(replace(day, mood=1 + i % 10))
                library.append((time.perf_counter() - start) * 1000)
        window = build_main_window(path)
        window.show()
        page = window.today
        page.set_date(end)
        form = []
        for i in range(runs):
            page.inputs["mood"].setValue(1 + i % 10)
            start = time.perf_counter()
            page.save()
            form.append((time.perf_counter() - start) * 1000)
            page.set_date(end - timedelta(days=i % 3))
            page.set_date(end)
        window.close()
    for name, values in (("library save_day", library), ("Today Ctrl+S", form)):
        median = statistics.median(values)
        print(
            f"{name:18}: median {median:6.2f} ms  (max {max(values):.2f}, {runs} runs)  "
            f"ratio {median / BUDGET_MS:4.2f} of {BUDGET_MS} ms"
        )


if __name__ == "__main__":
    main()
