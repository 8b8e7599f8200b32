"""Oura: API v2 ``sleep`` documents and the older v1 export.

``bedtime_start`` and ``bedtime_end`` carry their UTC offset; the night's date is the local
date of ``bedtime_end`` — not Oura's ``day`` (an evening nap carries the next ``day``) nor
v1's ``summary_date`` (the evening before). Durations are seconds. Only ``long_sleep`` (v2)
or ``is_longest`` (v1) documents can be nights; the others are naps. Oura gives offsets, not
zones, so a night's zone is the journal's when its offset matches, else a fixed ``Etc/GMT``
zone (travel changes the offset within a file).
"""

from __future__ import annotations

from datetime import datetime

from ..csv_cells import RowProblem
from .sleeps import DeviceFileError, Progress, Reading, Sleep, zone_for_offset

SOURCE = "oura"


def documents(data: object) -> list[dict] | None:
    """The sleep documents of any Oura layout, or None when ``data`` is not Oura's."""
    if isinstance(data, dict):
        for key in ("sleep", "data"):
            if isinstance(data.get(key), list):
                docs = data[key]
                break
        else:
            return None
    elif isinstance(data, list) and data and isinstance(data[0], dict) and "sleep" in data[0]:
        docs = [d for part in data if isinstance(part, dict) for d in part.get("sleep", [])]
    else:
        return None
    if not any(isinstance(d, dict) and "bedtime_start" in d for d in docs[:5]):
        return None
    return docs


def _seconds(doc: dict, *names: str) -> float:
    for name in names:
        if doc.get(name) is not None:
            return float(doc[name])
    return 0.0


def read(data: object, name: str, journal_zone: str, progress: Progress | None = None) -> Reading:
    docs = documents(data) or []
    reading = Reading(format="oura", source=SOURCE, files=[name])
    problems = []
    for number, doc in enumerate(docs, start=1):
        reading.records += 1
        if progress is not None and number % 500 == 0:
            progress(number)
        where = f"{name} document {number}"
        try:
            start = datetime.fromisoformat(doc["bedtime_start"])
            end = datetime.fromisoformat(doc["bedtime_end"])
            if start.tzinfo is None or end.tzinfo is None:
                raise ValueError("its times carry no UTC offset")
            tz = zone_for_offset(end.utcoffset(), journal_zone, end)  # type: ignore[arg-type]
            asleep = _seconds(doc, "total_sleep_duration", "total") / 60
            stages = {
                "rem_min": _seconds(doc, "rem_sleep_duration", "rem") / 60,
                "deep_min": _seconds(doc, "deep_sleep_duration", "deep") / 60,
                "light_min": _seconds(doc, "light_sleep_duration", "light") / 60,
                "awake_min": _seconds(doc, "awake_time", "awake") / 60,
            }
        except (KeyError, ValueError, TypeError) as exc:
            problems.append(RowProblem(number, None, f"{where} cannot be read ({exc})"))
            continue
        kind = doc.get("type")
        main = kind == "long_sleep" if kind is not None else bool(doc.get("is_longest"))
        reading.sleeps.append(
            Sleep(
                source=SOURCE,
                start=start,
                end=end,
                tz=tz,
                asleep_min=asleep,
                latency_min=_seconds(doc, "latency", "onset_latency") / 60,
                stages={k: round(v) for k, v in stages.items()},
                main=main,
                where=where,
            )
        )
    if problems:
        raise DeviceFileError(problems, name)
    return reading
