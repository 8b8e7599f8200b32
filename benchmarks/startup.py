"""Start-up budget (design §10): `--startup-check` on a 3 650-night demo journal vs a floor.

The floor is a bare QApplication + QMainWindow + one pyqtgraph PlotWidget shown and closed.
Budgets: whole process ≤ 1.3 × the floor's time; peak memory ≤ floor + 40 MiB.
Run by hand: .venv/bin/python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

FLOOR = """
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(pg.PlotWidget())
w.show()
app.processEvents()
w.repaint()
app.processEvents()
w.close()
"""


def run_isolated(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    # ru_maxrss of RUSAGE_CHILDREN is the max over all children so far: measure each run in
    # its own helper process so the figure belongs to that command alone.
    probe = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter();"
        f"subprocess.run({cmd!r}, check=True, capture_output=True);"
        "w = time.perf_counter() - t;"
        "print(json.dumps([w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True
    )
    wall, mib = json.loads(out.stdout)
    return wall, mib


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = folder
        db = str(Path(folder) / "ten-years.sqlite3")
        exe = str(Path(sys.executable).with_name("nts-desktop"))
        subprocess.run(
            [exe, "--db", db, "--tz", "Europe/Berlin", "demo", "--nights", "3650", "--seed", "7"],
            env=env,
            check=True,
            capture_output=True,
        )
        floor, app = [], []
        for _ in range(runs):
            floor.append(run_isolated([sys.executable, "-c", FLOOR], env))
            app.append(run_isolated([exe, "--db", db, "--startup-check"], env))
    f_wall = statistics.median(w for w, _ in floor)
    a_wall = statistics.median(w for w, _ in app)
    f_mem = statistics.median(m for _, m in floor)
    a_mem = statistics.median(m for _, m in app)
    print(f"floor      : {f_wall * 1000:7.0f} ms  peak {f_mem:6.1f} MiB  (median of {runs})")
    print(f"app 3650 n : {a_wall * 1000:7.0f} ms  peak {a_mem:6.1f} MiB")
    print(f"time ratio : {a_wall / f_wall:5.2f}  (budget ≤ 1.30)")
    print(f"memory     : +{a_mem - f_mem:5.1f} MiB over the floor  (budget ≤ +40 MiB)")


if __name__ == "__main__":
    main()
