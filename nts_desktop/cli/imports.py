"""What `nts-desktop import` does: a journal CSV (all rows or none), or device history
(a preview, then one batch per source). The same library functions as File → Import…"""

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


def import_device_history(
    obj: Context, file: Path, fmt: str, dry_run: bool, prefer: str | None
) -> None:
    from nts_desktop.io.device_import import import_readings, preview

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
                show(preview(journal, read(journal.zone_name)))
        else:
            show(preview(None, read(obj.tz or system_zone_name())))
        click.echo("(dry run: nothing was written)")
        return
    if not obj.db_path.exists():
        read(obj.tz or system_zone_name())  # a broken file creates no journal
    with obj.journal(write=True) as journal:
        previews = preview(journal, read(journal.zone_name))
        show(previews)
        change, batches = import_readings(journal, previews, file)
    for b in batches:
        click.echo(f"import {b.id}: {b.words()}", err=True)
    click.echo(change.message, err=True)
