"""CSV export (design §6): RFC 4180, UTF-8 without BOM, CRLF, byte-stable.

One row per day (with its diary night), then one per device night with its source, sorted by
date then source; the design §1 columns in order, then the read-only derived columns.
"""

from __future__ import annotations

import csv
import io
import math
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from nts_desktop.core.measures import measure
from nts_desktop.core.records import DIARY, STAGES, Day, Night
from nts_desktop.core.timeutil import format_time
from nts_desktop.storage import Journal
from nts_desktop.storage.files import fsync_dir

from .columns import HEADER, TEXT_COLUMNS, guard


def _whole(minutes: float) -> str:
    return str(math.floor(minutes + 0.5))


def _night_cells(night: Night | None) -> dict[str, str]:
    if night is None:
        return {}
    m = measure(night)
    return {
        "source": night.source,
        "tz": night.tz,
        "bedtime": format_time(night.bedtime),
        "lights_out": format_time(night.lights_out),
        "sleep_latency_min": str(night.sleep_latency_min),
        "awakenings": str(night.awakenings),
        "waso_min": str(night.waso_min),
        "final_wake": format_time(night.final_wake),
        "out_of_bed": format_time(night.out_of_bed),
        **{name: str(getattr(night, name)) for name in STAGES if getattr(night, name) is not None},
        "tags": ";".join(night.tags),  # a device night's own labels (a day's replace them)
        "tib_min": _whole(m.tib_min),
        "tst_min": _whole(m.tst_min),
        "se_pct": f"{m.se_pct:.2f}",
        "sleep_onset": format_time(m.onset),
        "midsleep": format_time(m.midsleep, seconds=True),
    }


def _day_cells(day: Day) -> dict[str, str]:
    cells = _night_cells(day.night)
    cells["source"] = DIARY
    for name in (
        "quality",
        "rested",
        "naps_min",
        "caffeine",
        "alcohol",
        "mood",
        "focus",
        "resilience",
    ):
        value = getattr(day, name)
        cells[name] = "" if value is None else str(value)
    cells["free_day"] = "1" if day.free_day else "0"
    cells["medication"] = day.medication or ""
    cells["notes"] = day.notes or ""
    cells["tags"] = ";".join(day.tags)
    return cells


def rows(days: Iterable[Day], device_nights: Iterable[Night]) -> Iterator[list[str]]:
    """The header, then one list of cells per record, in export order."""
    yield list(HEADER)
    keyed: list[tuple[date, str, dict[str, str]]] = [(d.date, DIARY, _day_cells(d)) for d in days]
    keyed += [(n.date, n.source, _night_cells(n)) for n in device_nights]
    keyed.sort(key=lambda item: (item[0], item[1] != DIARY, item[1]))
    for when, _source, cells in keyed:
        cells["date"] = when.isoformat()
        yield [guard(cells.get(c, "")) if c in TEXT_COLUMNS else cells.get(c, "") for c in HEADER]


def to_bytes(days: Iterable[Day], device_nights: Iterable[Night] = ()) -> bytes:
    """The export of these records as the exact bytes written to a file."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows(days, device_nights))
    return buffer.getvalue().encode("utf-8")


def export_bytes(journal: Journal, start: date | None = None, end: date | None = None) -> bytes:
    """The journal (or the dates ``start``…``end``, inclusive) as CSV bytes."""
    return to_bytes(journal.days(start, end), journal.device_nights(start, end))


def write_atomically(target: str | Path, data: bytes) -> None:
    """Write ``data`` to ``target`` (``-`` = stdout) so a failure leaves no half-written file."""
    if str(target) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)  # the rename itself survives a crash
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_csv(
    journal: Journal, target: str | Path, start: date | None = None, end: date | None = None
) -> int:
    """Export to ``target`` (a path or ``-``); returns the number of records written."""
    days, nights = journal.days(start, end), journal.device_nights(start, end)
    write_atomically(target, to_bytes(days, nights))
    return len(days) + len(nights)
