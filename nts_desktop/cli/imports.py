"""What `nts-desktop import` does: a journal CSV (all rows or none), or history from devices
and mood apps (a preview, then one batch per source; mood names the file cannot place are
given with --mood-map). The same library functions as File → Import…"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nts_desktop.core.timeutil import system_zone_name
from nts_desktop.core.units import plural
from nts_desktop.io.csv_import import ImportRefused, import_parsed, read_file
from nts_desktop.io.devices import DeviceFileError, read_history

from . import Context, Refused


def _terminal_progress(what: str):
    if not sys.stderr.isatty():
        return None

    def progress(count: int) -> None:
        click.echo(f"\r{what}: {count:,} records read", err=True, nl=False)

    return progress


def import_csv_file(obj: Context, file: Path, on_conflict: str, date_order: str | None) -> None:
    def refuse(exc: ImportRefused) -> Refused:
        hint = "\nUse --on-conflict skip or --on-conflict replace." if exc.conflicts else ""
        if exc.date_order:
            hint = "\nUse --date-order dmy (day first) or --date-order mdy (month first)."
        count = plural(len(exc.problems), "problem")
        return Refused(f"{file}: nothing imported, {count}:\n" + str(exc) + hint)

    zone_name = obj.tz or system_zone_name()
    try:
        if not obj.db_path.exists():  # check the file before a new journal is created
            read_file(file, zone_name, date_order=date_order)  # type: ignore[arg-type]
        with obj.journal(write=True) as journal:
            parsed = read_file(
                file,
                journal.zone_name,
                journal.settings.free_weekdays,
                date_order,  # type: ignore[arg-type]
                _terminal_progress(str(file)),
            )
            result = import_parsed(journal, parsed, on_conflict, str(file))  # type: ignore[arg-type]
    except ImportRefused as exc:
        raise refuse(exc) from exc
    for warning in result.warnings:
        click.echo(f"nts-desktop: warning: {file}: {warning}", err=True)
    if result.backup:
        click.echo(f"backup taken: {result.backup}", err=True)
    click.echo(f"{file}: {result.summary()}", err=True)


def _mood_maps(journal, readings, given: dict[str, float]) -> dict[str, dict[str, float]]:
    """Per app in ``readings``: the names the person placed before, then those given now."""
    from nts_desktop.storage.mood_maps import mood_map

    known = (lambda app: mood_map(journal, app)) if journal is not None else (lambda app: {})
    return {r.source: {**known(r.source), **given} for r in readings if r.entries}


def _unplaced_refusal(file: Path, previews) -> Refused | None:
    lines = []
    for p in previews:
        if p.unplaced:
            names = ", ".join(f"{n} ({c})" for n, c in p.unplaced.most_common())
            example = ",".join(f"{n}=3" for n in list(p.unplaced)[:2])
            lines.append(
                f"{p.source}: these mood names have no level: {names}.\n"
                f'Give each a level with --mood-map "{example}" (1 awful, 2 bad, 3 meh, '
                "4 good, 5 rad; the words work too)."
            )
    return Refused(f"{file}: nothing imported:\n" + "\n".join(lines)) if lines else None


def import_device_history(
    obj: Context,
    file: Path,
    fmt: str,
    dry_run: bool,
    prefer: str | None,
    mood_map_text: str | None = None,
    replace_ratings: bool = False,
) -> None:
    from nts_desktop.io.device_import import import_readings, preview
    from nts_desktop.io.moods.days import parse_mood_map
    from nts_desktop.storage.mood_maps import remember_mood_map

    try:
        given = parse_mood_map(mood_map_text or "")
    except ValueError as exc:
        raise click.UsageError(f"--mood-map: {exc}") from exc

    def read(zone_name: str):
        try:
            readings = read_history(file, zone_name, fmt, prefer, _terminal_progress(str(file)))
        except DeviceFileError as exc:
            raise Refused(f"{file}: nothing imported:\n{exc}") from exc
        if sys.stderr.isatty():
            click.echo("", err=True)
        return readings

    def show(previews) -> None:
        for p in previews:
            for line in p.words():
                click.echo(line)

    if dry_run:
        if obj.db_path.exists():
            with obj.journal(write=False) as journal:
                readings = read(journal.zone_name)
                show(preview(journal, readings, _mood_maps(journal, readings, given)))
        else:
            readings = read(obj.tz or system_zone_name())
            show(preview(None, readings, _mood_maps(None, readings, given)))
        click.echo("(dry run: nothing was written)")
        return
    if not obj.db_path.exists():  # a broken file, or unplaced names, create no journal
        readings = read(obj.tz or system_zone_name())
        found = preview(None, readings, _mood_maps(None, readings, given))
        refusal = _unplaced_refusal(file, found)
        if refusal is not None:
            raise refusal
    with obj.journal(write=True) as journal:
        readings = read(journal.zone_name)
        previews = preview(journal, readings, _mood_maps(journal, readings, given))
        refusal = _unplaced_refusal(file, previews)
        if refusal is not None:
            raise refusal
        show(previews)
        change, batches = import_readings(journal, previews, file, replace_ratings)
        for r in readings:
            if r.entries and any(e.label for e in r.entries):
                remember_mood_map(journal, r.source, given)
    for b in batches:
        click.echo(f"import {b.id}: {b.words()}", err=True)
    click.echo(change.message, err=True)
