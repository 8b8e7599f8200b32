"""Made-up exports for the new-user tryout (docs/screenshots/first-day-*.png): a Fitbit Takeout
folder of nights and a Daylio CSV of day ratings, written from the documented formats with
invented values (later, shorter and less regular nights go with worse next days).

Usage: .venv/bin/python tools/tryout_files.py OUT_DIR [NIGHTS] — or ``write(out, end)``.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

WORDS = {1: "awful", 2: "bad", 3: "meh", 4: "good", 5: "rad"}
ACTIVITIES = ("work", "friends", "exercise", "reading", "gaming", "late screen", "walk")


def write(out: Path, end: date, nights: int = 120, seed: int = 7) -> tuple[Path, Path]:
    """Write ``out/Takeout/Fitbit/Global Export Data/sleep-*.json`` and
    ``out/daylio_export.csv``; returns the folder and the CSV."""
    rng = random.Random(seed)
    folder = out / "Takeout" / "Fitbit" / "Global Export Data"
    folder.mkdir(parents=True, exist_ok=True)
    records, rows = [], []
    for i in range(nights):
        when = end - timedelta(days=nights - 1 - i)
        weekend = when.weekday() >= 5
        late = rng.gauss(75 if weekend else 0, 35)
        start = datetime.combine(when - timedelta(days=1), datetime.min.time()) + timedelta(
            hours=23, minutes=late
        )
        in_bed = rng.gauss(470 + (60 if weekend else 0), 40)
        asleep = in_bed * rng.uniform(0.82, 0.93)
        latency = rng.randint(3, 30)
        records.append(
            {
                "logId": 5000 + i,
                "dateOfSleep": when.isoformat(),
                "startTime": start.strftime("%Y-%m-%dT%H:%M:%S.000"),
                "endTime": (start + timedelta(minutes=in_bed)).strftime("%Y-%m-%dT%H:%M:%S.000"),
                "duration": int(in_bed * 60000),
                "minutesToFallAsleep": latency,
                "minutesAsleep": round(asleep),
                "minutesAwake": round(in_bed - asleep - latency),
                "minutesAfterWakeup": 0,
                "timeInBed": round(in_bed),
                "efficiency": round(100 * asleep / in_bed),
                "type": "stages",
                "logType": "auto_detected",
                "levels": {
                    "summary": {
                        "deep": {"count": 3, "minutes": round(asleep * 0.16)},
                        "rem": {"count": 5, "minutes": round(asleep * 0.22)},
                        "light": {"count": 20, "minutes": round(asleep * 0.62)},
                        "wake": {"count": 15, "minutes": round(in_bed - asleep)},
                    },
                    "data": [],
                    "shortData": [],
                },
                "mainSleep": True,
            }
        )
        score = 3 + (asleep - 420) / 60 - abs(late) / 90 + rng.gauss(0, 0.7)
        level = min(max(round(score), 1), 5)
        hour = rng.randint(19, 22)
        rows.append(
            [
                when.isoformat(),
                f"{when:%B} {when.day}",
                f"{when:%A}",
                f"{hour - 12}:{rng.randint(0, 59):02d} PM",
                WORDS[level],
                " | ".join(rng.sample(ACTIVITIES, rng.randint(0, 3))),
                "",
                "",
            ]
        )
    for month in sorted({r["dateOfSleep"][:7] for r in records}):
        chunk = [r for r in records if r["dateOfSleep"].startswith(month)]
        (folder / f"sleep-{month}-01.json").write_text(json.dumps(chunk[::-1], indent=1))
    daylio = out / "daylio_export.csv"
    with open(daylio, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(
            ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
        )
        writer.writerows(reversed(rows))  # Daylio writes newest first
    return out / "Takeout", daylio


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    print(*write(target, date.today() - timedelta(days=1), count))
