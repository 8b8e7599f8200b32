"""`stats` analysis budget (design §10): ≤ 300 ms in process, after imports, 3 650 nights.

Run by hand: .venv/bin/python benchmarks/analysis.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import scipy.stats  # noqa: F401 - imports are outside the budget

from nts_desktop.analysis.stats import compute
from nts_desktop.demo import write_demo
from nts_desktop.storage import open_journal

BUDGET_MS = 300


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-years.sqlite3"
        with open_journal(path, tz="Europe/Berlin") as journal:
            write_demo(journal, nights=3650, seed=7, end=date(2026, 11, 25))
        with open_journal(path, read_only=True) as journal:
            start = time.perf_counter()
            days, device = journal.days(), journal.device_nights()
            load = time.perf_counter() - start
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        stats = compute(days, device)
        timings.append(time.perf_counter() - start)
    best, median = min(timings) * 1000, statistics.median(timings) * 1000
    print(f"nights              : {stats.nights}")
    print(f"pairs tested        : {len(stats.correlations)}")
    print(f"load days (SQLite)  : {load * 1000:6.1f} ms")
    print(f"analysis median     : {median:6.1f} ms  (best {best:.1f} ms, {runs} runs)")
    print(f"ratio to budget     : {median / BUDGET_MS:5.2f}  (budget {BUDGET_MS} ms)")
    print(f"load + analysis     : {(load * 1000 + median) / BUDGET_MS:5.2f} of the budget")


if __name__ == "__main__":
    main()
