"""Bringing history in from the window: File → Import… for device and mood-app exports, the
welcome panel's "Import my history" (several files and folders at once), and File →
Imports… to see and remove what came in.

The files are read off the GUI thread with progress and Cancel; a mood app's names that
its file does not place are asked once (and remembered); one combined preview says what
they hold (per source: nights, naps, days of ratings, dates, what the journal already has,
own ratings that differ, what was skipped and why), and only "Import" writes, as one batch
per source — the same library functions as `nts-desktop import` and `nts-desktop imports
remove`. The whole import is one change, one broadcast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from nts_desktop.core.units import plural
from nts_desktop.io.device_import import (
    MoodMaps,
    SourcePreview,
    count_already,
    import_readings,
    place,
    prepare,
)
from nts_desktop.io.devices import MOOD_FORMATS, DeviceFileError, read_history
from nts_desktop.storage import JournalError, open_journal
from nts_desktop.storage.batches import Batch
from nts_desktop.storage.changes import everything
from nts_desktop.storage.mood_maps import mood_key, mood_map, remember_mood_map

from .background import Cancelled, run_with_progress
from .import_dialogs import Answer, ImportsDialog, ask_mood_map, ask_preview

if TYPE_CHECKING:
    from .context import AppContext


def _write(
    path: Path,
    read: list[tuple[Path, list[SourcePreview]]],
    replace_ratings: bool,
    batches: list[Batch],
) -> list[Batch]:
    """Write the previews as batches through a connection of this (worker) thread, so the
    window stays responsive while thousands of nights are checked and stored; one batch per
    source, each its own transaction with a backup first, appended to ``batches`` as it
    is written (what a failure leaves is known)."""
    with open_journal(path) as own:
        for source_path, found in read:
            for p in found:
                batches += import_readings(own, [p], source_path, replace_ratings)[1]
        return batches


def _warn(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, "Import", text)


class HistoryImport:
    """History for one window; ``ask_preview`` and ``ask_mood_map`` are the questions it
    asks (tests answer them)."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        self.ctx = ctx
        self.parent = parent
        self.ask_preview: Callable[[QWidget, str, list[SourcePreview]], Answer] = ask_preview
        self.ask_mood_map: Callable[[QWidget, str, Counter[str]], dict[str, float] | None] = (
            ask_mood_map
        )
        self.warn: Callable[[QWidget, str], None] = _warn
        self.dialog: ImportsDialog | None = None

    def import_path(self, path: Path) -> list[Batch] | None:
        """Read ``path`` (a file, zip or folder), preview it, import it on "Import"."""
        return self.import_paths([path])

    def import_paths(self, paths: list[Path]) -> list[Batch] | None:
        """Read every path, ask what is needed, preview them together and import them on
        "Import"; None when nothing was written. A broken file raises DeviceFileError (or
        OSError) naming it, before anything is written."""
        journal, prefer = self.ctx.journal, None
        title = paths[0].name if len(paths) == 1 else plural(len(paths), "file")
        if journal.read_only:
            self.warn(
                self.parent, f"Nothing was imported from {title}: {journal.path} is open read-only."
            )
            return None
        zone = journal.zone_name
        maps: MoodMaps = {app: mood_map(journal, app) for app in MOOD_FORMATS}
        given: MoodMaps = {}
        while True:
            try:
                read = run_with_progress(
                    self.parent,
                    f"Reading {title}…",
                    lambda progress, p=prefer: [
                        (path, prepare(read_history(path, zone, "auto", p, progress), maps))
                        for path in paths
                    ],
                )
            except Cancelled:
                self.ctx.notify(f"Import of {title} cancelled; nothing was written.")
                return None
            except (DeviceFileError, OSError) as exc:
                self.ctx.notify(f"Nothing imported from {title}: {exc}")
                raise
            previews = [p for _path, found in read for p in found]
            if not self._place_names(previews, maps, given):
                self.ctx.notify(f"Import of {title} cancelled; nothing was written.")
                return None
            count_already(journal, previews)
            answer = self.ask_preview(self.parent, title, previews)
            if not answer.accepted:
                return None
            if answer.prefer == prefer:
                break
            prefer = answer.prefer  # another app's nights: read the export again with that choice
        batches: list[Batch] = []
        try:
            run_with_progress(
                self.parent,
                f"Importing {title}…",
                lambda _progress: _write(journal.path, read, answer.replace_ratings, batches),
            )
        except (JournalError, ValueError) as exc:  # a full disk, a damaged journal
            if not batches:
                self.warn(
                    self.parent,
                    f"Nothing was imported from {title}: {exc}\nYour journal is unchanged.",
                )
                return None
            done = ", ".join(b.source for b in batches)
            self.warn(
                self.parent,
                f"The import of {title} stopped: {exc}\nWhat came in "
                f"before ({done}) is kept; File → Imports… can remove it.",
            )
        for app, mapping in given.items():
            remember_mood_map(journal, app, mapping)
        nights, days = sum(b.nights for b in batches), sum(b.days for b in batches)
        what = [plural(nights, "night")] if nights or not days else []
        if days:
            what.append(f"ratings on {plural(days, 'day')}")
        self.ctx.emit(everything(f"Imported {' and '.join(what)} from {title}."))
        return batches

    def _place_names(self, previews: list[SourcePreview], maps: MoodMaps, given: MoodMaps) -> bool:
        """Ask for the levels of mood names no map places yet (each name once, remembered
        after the import); False: the person cancelled."""
        for p in previews:
            place(p, maps.get(p.source, {}))  # names an earlier file's answer placed
            if not p.unplaced:
                continue
            answer = self.ask_mood_map(self.parent, p.source, p.unplaced)
            if answer is None:
                return False
            folded = {mood_key(n): level for n, level in answer.items()}
            given.setdefault(p.source, {}).update(folded)
            maps[p.source] = {**maps.get(p.source, {}), **folded}
            place(p, maps[p.source])
            if p.unplaced:  # a name left without a level: nothing is imported
                return False
        return True

    def show_imports(self) -> ImportsDialog:
        self.dialog = ImportsDialog(self.ctx, self.parent)
        self.dialog.open()
        return self.dialog
