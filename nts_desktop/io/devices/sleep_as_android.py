"""Sleep as Android's ``sleep-export.csv`` (also inside its backup zip).

Every record is its own header line (``Id,Tz,From,To,…``, then a varying number of
actigraphy and event columns), its value line, and optionally a noise line starting with
empty cells. The start is ``Id`` (epoch milliseconds); a file re-saved by a spreadsheet
turns ``Id`` into ``1.58544E+12`` and loses its precision, so then the start is ``From`` read
in the record's own ``Tz`` (``15. 06. 2017 1:19``). The end is the start plus ``Hours``
(elapsed, DST included); minutes asleep are ``Hours × 60 + LenAdjust`` (LenAdjust is zero or
negative). ``DeepSleep`` is the share of deep sleep when it is between 0 and 1; ``#hashtags``
in ``Comment`` become the night's tags (comments escape ``\\,`` and write `` \\n``).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

from nts_desktop.core.timeutil import TimeRuleError, in_zone, localize, zone

from ..csv_cells import RowProblem
from .sleeps import DeviceFileError, Progress, Reading, Sleep

SOURCE = "sleep-as-android"
_FROM = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s+(\d{1,2}):(\d{2})\s*$")
_TAG = re.compile(r"#([\w][\w\-]*)")
_EPOCH_MS = re.compile(r"^\d{11,14}$")


def looks_like(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf").lstrip(b'"').startswith(b"Id") and b"Tz" in head[:40]


def _comment(text: str) -> tuple[str, tuple[str, ...]]:
    text = text.replace("\\,", ",").replace(" \\n ", "\n").replace("\\n", "\n")
    return text.strip(), tuple(dict.fromkeys(_TAG.findall(text)))


def _start(values: dict[str, str], tz: str) -> datetime:
    raw = values.get("Id", "").strip()
    if _EPOCH_MS.match(raw):
        return in_zone(datetime.fromtimestamp(int(raw) / 1000, UTC), tz)
    m = _FROM.match(values.get("From", ""))  # the spreadsheet lost Id's precision
    if not m:
        raise ValueError(f"neither Id ({raw[:20]!r}) nor From gives the start")
    day, month, year, hour, minute = (int(g) for g in m.groups())
    return localize(datetime(year, month, day, hour, minute), tz)


def _number(values: dict[str, str], name: str) -> float:
    return float(values.get(name, "").strip() or 0)


def read(text: str, journal_zone: str, progress: Progress | None = None) -> Reading:
    """Every record of a ``sleep-export.csv`` as a Sleep; broken records are refused."""
    reading = Reading(format="sleep-as-android", source=SOURCE)
    problems: list[RowProblem] = []
    header: list[str] | None = None
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    line = 0
    for cells in reader:
        line = reader.line_num
        if not cells or not any(c.strip() for c in cells):
            continue
        if cells[0].strip() == "Id":
            header = [c.strip() for c in cells]
            continue
        if header is None or not cells[0].strip():
            continue  # a noise line, or text before the first record
        values = dict(zip(header, cells, strict=False))
        reading.records += 1
        if progress is not None and reading.records % 500 == 0:
            progress(reading.records)
        where = f"line {line}"
        try:
            tz = values.get("Tz", "").strip() or journal_zone
            zone(tz)
            start = _start(values, tz)
            hours = _number(values, "Hours")
            adjust = _number(values, "LenAdjust")
        except (ValueError, TimeRuleError, OverflowError) as exc:
            problems.append(RowProblem(line, None, f"a record that cannot be read: {exc}"))
            continue
        if hours <= 0:
            reading.warnings.append(f"{where}: skipped, a record of no length")
            continue
        tags = _comment(values.get("Comment", ""))[1]  # the text itself is not kept
        asleep = max(hours * 60 + min(adjust, 0), 0)
        deep = _number(values, "DeepSleep") if values.get("DeepSleep", "").strip() else -1
        stages = {"deep_min": round(deep * asleep)} if 0 <= deep <= 1 else {}
        reading.sleeps.append(
            Sleep(
                source=SOURCE,
                start=start,
                end=in_zone(start + timedelta(hours=hours), tz),
                tz=tz,
                asleep_min=asleep,
                stages=stages,
                tags=tags,
                where=where,
            )
        )
    if problems:
        raise DeviceFileError(problems)
    if not reading.records:
        raise DeviceFileError([RowProblem(line or 1, None, "holds no Sleep as Android record")])
    return reading
