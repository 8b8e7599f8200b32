"""Fitbit: the ``sleep-YYYY-MM-DD.json`` files of an account archive or Google Takeout, and
the older fitbit.com CSV export (a ``Sleep`` section among others).

Times are naive local readings with no zone anywhere, so they are read in the journal's zone
(``--tz`` for another). Monthly files overlap: records are de-duplicated by ``logId``.
Minutes asleep are ``minutesAsleep``; time in bed is the *elapsed* time from start to end in
the zone — Fitbit's own ``timeInBed`` is a wall-clock difference and, on a spring-forward
night, includes an hour that did not happen. The minute parts do not always add up to
``timeInBed`` in real files, so they are never a reason to refuse one. ``mainSleep: false``
records are naps.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta

from nts_desktop.core.timeutil import TimeRuleError, localize

from ..csv_cells import RowProblem
from .sleeps import DeviceFileError, Progress, Reading, Sleep

SOURCE = "fitbit"
_STAGES = {"rem": "rem_min", "deep": "deep_min", "light": "light_min", "wake": "awake_min"}


def looks_like_json(data: object) -> bool:
    return isinstance(data, list) and any(
        isinstance(r, dict) and "logId" in r and "startTime" in r for r in data[:5]
    )


def looks_like_csv(text: str) -> bool:
    return "\nSleep\n" in text.replace("\r\n", "\n") and "Minutes Asleep" in text


def _local(text: str, tz: str) -> datetime:
    naive = datetime.fromisoformat(text.strip().replace("Z", ""))
    try:
        return localize(naive.replace(microsecond=0), tz)
    except TimeRuleError:  # a reading inside a spring-forward gap: the clock meant an hour on
        return localize(naive.replace(microsecond=0) + timedelta(hours=1), tz)


def _record(r: dict, tz: str, where: str) -> Sleep:
    start, end = _local(r["startTime"], tz), _local(r["endTime"], tz)
    summary = (r.get("levels") or {}).get("summary") or {}
    stages = {
        _STAGES[k]: int(v.get("minutes", 0))
        for k, v in summary.items()
        if k in _STAGES and isinstance(v, dict)
    }
    wake = summary.get("wake") or summary.get("awake") or {}
    return Sleep(
        source=SOURCE,
        start=start,
        end=end,
        tz=tz,
        asleep_min=float(r.get("minutesAsleep") or 0),
        latency_min=float(r.get("minutesToFallAsleep") or 0),
        after_wake_min=float(r.get("minutesAfterWakeup") or 0),
        awakenings=int(wake.get("count", 0)) if isinstance(wake, dict) else None,
        stages=stages if "rem_min" in stages else {},  # classic records have no stages
        main=bool(r.get("mainSleep", True)),
        where=where,
    )


def read_json(
    files: list[tuple[str, object]], tz: str, progress: Progress | None = None
) -> Reading:
    """The records of one or many Fitbit JSON files (each ``(name, parsed JSON)``)."""
    reading = Reading(format="fitbit", source=SOURCE)
    seen: set[object] = set()
    problems: list[RowProblem] = []
    for name, data in files:
        reading.files.append(name)
        for number, r in enumerate(data if isinstance(data, list) else [], start=1):
            if not isinstance(r, dict) or "startTime" not in r:
                continue
            reading.records += 1
            if progress is not None and reading.records % 500 == 0:
                progress(reading.records)
            if r.get("logId") in seen:
                continue  # monthly files overlap: the same logId again
            seen.add(r.get("logId"))
            try:
                reading.sleeps.append(_record(r, tz, f"{name} record {number}"))
            except (KeyError, ValueError, TypeError, TimeRuleError) as exc:
                problems.append(
                    RowProblem(number, None, f"{name}: a record that cannot be read ({exc})")
                )
    if problems:
        raise DeviceFileError(problems)
    return reading


_CLOCK = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{1,2}):(\d{2})\s*([AP]M)$", re.IGNORECASE)


def _csv_time(text: str, tz: str) -> datetime:
    m = _CLOCK.match(text.strip())
    if not m:
        raise ValueError(f"{text.strip()[:30]!r} is not a Fitbit time")
    day, hour, minute, half = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4).upper()
    hour = hour % 12 + (12 if half == "PM" else 0)
    return localize(datetime.fromisoformat(day).replace(hour=hour, minute=minute), tz)


def _minutes(text: str) -> int:
    return int(text.replace(",", "").strip() or 0)


def read_csv(text: str, name: str, tz: str) -> Reading:
    """The ``Sleep`` section of a fitbit.com CSV export."""
    reading = Reading(format="fitbit-csv", source=SOURCE, files=[name])
    lines = text.replace("\r\n", "\n").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "Sleep")
    rows = list(csv.reader(io.StringIO("\n".join(lines[start + 1 :]))))
    header, problems = rows[0], []
    for offset, cells in enumerate(rows[1:], start=start + 3):
        if not cells or not any(c.strip() for c in cells):
            break  # the section ends at a blank line
        values = dict(zip(header, cells, strict=False))
        reading.records += 1
        where = f"{name} line {offset}"
        try:
            begin = _csv_time(values["Start Time"], tz)
            end = _csv_time(values["End Time"], tz)
            asleep = _minutes(values["Minutes Asleep"])
            stages = {
                "rem_min": _minutes(values.get("Minutes REM Sleep", "")),
                "light_min": _minutes(values.get("Minutes Light Sleep", "")),
                "deep_min": _minutes(values.get("Minutes Deep Sleep", "")),
            }
        except (KeyError, ValueError, TimeRuleError) as exc:
            problems.append(RowProblem(offset, None, f"a sleep row that cannot be read ({exc})"))
            continue
        if asleep == 0 and _minutes(values.get("Time in Bed", "")) == 0:
            reading.warnings.append(f"{where}: skipped, every number in it is 0")
            continue
        reading.sleeps.append(
            Sleep(
                source=SOURCE,
                start=begin,
                end=end,
                tz=tz,
                asleep_min=asleep,
                awakenings=_minutes(values.get("Number of Awakenings", "")),
                stages=stages if any(stages.values()) else {},
                where=where,
            )
        )
    if problems:
        raise DeviceFileError(problems, name)
    return reading


def parse_json_bytes(data: bytes, name: str) -> object:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DeviceFileError([RowProblem(0, None, f"is not valid JSON ({exc})")], name) from exc
