"""The association test at full size (design §5, docs/science.md): false alarms and power.

For every case of tests/nulls.py and every length, REPS seeded pairs of series (default
800) are tested with ``nts_desktop.analysis.association`` and with the previous method
(Spearman on Pyper–Peterman's effective n, ``pyper_peterman_p``); it prints the share with
p < .05 — on the null cases this is the false-alarm rate (target 2.5–7 % stationary,
≤ 7.5 % for drifts, random walks and weekends at 120 and 365 days), on the planted ones the
power. Then whole null journals (tests/simulate.py) through ``stats.compute``: the share in
which any pair has q < .05 (target ≤ 7 %).

Run by hand: .venv/bin/python benchmarks/association.py [REPS] [JOURNALS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from nulls import HARD, STATIONARY, case, dates
from simulate import journal

from nts_desktop.analysis import association
from nts_desktop.analysis.correlate import pyper_peterman_p
from nts_desktop.analysis.stats import compute

SIZES = (14, 30, 60, 120, 365)


def rates(name: str, n: int, reps: int) -> tuple[float, float, int]:
    rng = np.random.default_rng([n, sum(map(ord, name))])
    when = dates(n)
    new = old = valid = 0
    for _ in range(reps):
        x, y = case(name, rng, n)
        a = association(when, x, y)
        if a.p is None:
            continue
        valid += 1
        new += a.p < 0.05
        old += (pyper_peterman_p(x, y) or 1.0) < 0.05
    return (new / valid, old / valid, valid) if valid else (float("nan"), float("nan"), 0)


def table(names: tuple[str, ...], reps: int, sizes: tuple[int, ...] = SIZES) -> None:
    print("| case | " + " | ".join(f"{n} days" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name in names:
        cells = []
        for n in sizes:
            new, old, valid = rates(name, n, reps)
            cells.append("–" if valid < 20 else f"{100 * new:.1f} % (was {100 * old:.1f} %)")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


def whole_journals(count: int, n: int) -> float:
    rng = np.random.default_rng(99)
    hits = 0
    for _ in range(count):
        stats = compute(journal(rng, n=n))
        hits += any(c.q is not None and c.q < 0.05 for c in stats.correlations)
    return hits / count


def main() -> None:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 800
    journals = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    started = time.perf_counter()
    print(f"False alarms, p < .05, {reps} pairs per cell (the test; the previous method):\n")
    table(STATIONARY + HARD, reps)
    print(f"\nPower, planted ρ = .2, {reps} pairs per cell:\n")
    table(("planted", "planted-iid", "planted-rolling"), reps, (60, 120, 180, 365))
    for n in (120, 365):
        share = whole_journals(journals, n)
        print(
            f"\nwhole null journals of {n} days with any q < .05: {100 * share:.1f} % "
            f"of {journals} (target ≤ 7 %)"
        )
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
