"""The interchange columns of design §6 and the cell rules both directions share."""

from __future__ import annotations

import re

from nts_desktop.core.records import FIELDS

COLUMNS: tuple[str, ...] = tuple(f.name for f in FIELDS)
DERIVED: tuple[str, ...] = ("tib_min", "tst_min", "se_pct", "sleep_onset", "midsleep")
HEADER: tuple[str, ...] = (*COLUMNS, *DERIVED)
TEXT_COLUMNS = frozenset(f.name for f in FIELDS if f.kind in ("source", "zone", "text", "tags"))

# what a spreadsheet would run as a formula: = + - @ (also full-width, as typed with an East
# Asian input method), a tab or a carriage return, after any leading spaces
_FORMULA = r" *[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]"
_GUARD_OUT = re.compile(r"^'*" + _FORMULA)
_GUARD_IN = re.compile(r"^'+" + _FORMULA)


def guard(cell: str) -> str:
    """Formula guard on export: one leading ``'`` before a cell a spreadsheet would run."""
    return "'" + cell if _GUARD_OUT.match(cell) else cell


def unguard(cell: str) -> str:
    """Undo ``guard`` on import: remove one leading ``'`` where export would have added it."""
    return cell[1:] if _GUARD_IN.match(cell) else cell
