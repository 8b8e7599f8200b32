"""Trends redraw budget (design §10): redrawing "all" on a 3 650-night journal ≤ 50 ms.

Measures ``TrendsPage.set_range("all")`` (slicing the precomputed data and ``setData`` on
every chart item) plus a full synchronous repaint of the charts, offscreen. The background
computation of the chart data is timed separately; it runs off the GUI thread.
Run by hand: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/redraw.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_MS = 50


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        from nts_desktop.analysis.trends import trend_data
        from nts_desktop.app import build_main_window, ensure_app
        from nts_desktop.demo import write_demo
        from nts_desktop.storage import open_journal
        from nts_desktop.ui.context import read_snapshot

        path = Path(folder) / "ten-years.sqlite3"
        with open_journal(path, tz="Europe/Berlin") as journal:
            write_demo(journal, nights=3650, seed=7, end=date(2026, 11, 25))
        app = ensure_app()
        window = build_main_window(path)
        window.resize(1180, 880)
        window.show()
        page = window.trends
        window.show_page(window.TRENDS)
        page.background.wait()
        app.processEvents()
        start = time.perf_counter()
        days, nights, _naps, settings = read_snapshot(path)
        data = trend_data(days, nights, settings.preferred_source)
        compute_ms = (time.perf_counter() - start) * 1000
        timings = []
        for _ in range(runs):
            page.set_range("week")
            app.processEvents()
            start = time.perf_counter()
            page.set_range("all")
            page.charts.repaint()
            timings.append((time.perf_counter() - start) * 1000)
        window.close()
    median = statistics.median(timings)
    print(f"nights                    : {int((data.tst_h == data.tst_h).sum())}")
    print(f"chart data (background)   : {compute_ms:6.1f} ms")
    print(f"redraw 'all' median       : {median:6.1f} ms  (best {min(timings):.1f}, {runs} runs)")
    print(f"ratio to budget           : {median / BUDGET_MS:5.2f}  (budget {BUDGET_MS} ms)")


if __name__ == "__main__":
    main()
