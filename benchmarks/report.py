"""The clinician's report (design §10): the 14-day report of a 10-year journal, content and
PDF, ≤ 500 ms after imports; the preview's pages ≤ 300 ms; a whole year's report ≤ 3 s.

Run by hand: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/report.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import scipy.stats  # noqa: F401 - imports are outside the budget

from nts_desktop.app import ensure_app
from nts_desktop.demo import write_demo
from nts_desktop.storage import open_journal
from nts_desktop.ui.context import read_snapshot
from nts_desktop.ui.report import Options, content_for, preview, write_pdf

BUDGET_14_MS = 500
BUDGET_PREVIEW_MS = 300
BUDGET_YEAR_MS = 3000
END = date(2026, 11, 25)


def timed(work, runs: int) -> tuple[float, object]:
    """Median milliseconds of ``runs`` calls, and the last result."""
    timings, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000, result


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    ensure_app()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-years.sqlite3"
        with open_journal(path, tz="Europe/Berlin") as journal:
            write_demo(journal, nights=3650, seed=7, end=END)
        snap = read_snapshot(path)
        created = datetime(2026, 11, 26, 8, 0)
        pdf = Path(folder) / "report.pdf"
        options = Options(paper="a4")

        def report(days: int):
            content = content_for(snap, END - timedelta(days=days - 1), END, created)
            return write_pdf(pdf, content, options), content

        two_weeks, (pages, content) = timed(lambda: report(14), runs)
        shown, (images, _total) = timed(lambda: preview(content, options, 1.2), runs)
        year, (year_pages, _c) = timed(lambda: report(365), max(1, runs // 2))
        size = pdf.stat().st_size
    print(f"nights in the journal : {len(snap.days)}")
    print(
        f"14 days, content + PDF: {two_weeks:7.0f} ms  ({pages} pages)   budget {BUDGET_14_MS} ms"
        f"  ratio {two_weeks / BUDGET_14_MS:.2f}"
    )
    print(
        f"14 days, preview      : {shown:7.0f} ms  ({len(images)} images) budget "
        f"{BUDGET_PREVIEW_MS} ms  ratio {shown / BUDGET_PREVIEW_MS:.2f}"
    )
    print(
        f"365 days, content+PDF : {year:7.0f} ms  ({year_pages} pages, {size / 1e6:.1f} MB)  "
        f"budget {BUDGET_YEAR_MS} ms  ratio {year / BUDGET_YEAR_MS:.2f}"
    )


if __name__ == "__main__":
    main()
