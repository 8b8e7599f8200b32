"""The ``nts-desktop`` command: a thin click group over storage, io and analysis (design §7).

Exit codes are ``storage.ExitCode``: 0 ok; 1 bad input or refused action; 2 usage; 3 the
journal file cannot be used (unreadable, corrupt, foreign, newer); 4 the journal is open in
a window and the command would write. Messages name the file, line, column or reason; never
a traceback for bad input.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import click

from nts_desktop import __version__
from nts_desktop.core.timeutil import TimeRuleError, zone
from nts_desktop.core.units import plural
from nts_desktop.storage import (
    ExitCode,
    Journal,
    JournalError,
    JournalLocked,
    check_journal_file,
    open_for_writing,
    open_journal,
    resolve_journal_path,
)
from nts_desktop.storage.lock import WAIT
from nts_desktop.storage.paths import ENV_DB


class Refused(click.ClickException):
    """A failure with its own exit code and a one-line (or listed) message."""

    def __init__(self, message: str, exit_code: int = ExitCode.BAD_INPUT):
        super().__init__(message)
        self.exit_code = int(exit_code)

    def show(self, file=None) -> None:
        click.echo(f"nts-desktop: {self.format_message()}", err=True)


def _check_zone(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        zone(value)
    except TimeRuleError as exc:
        raise click.BadParameter(str(exc)) from exc
    return value


def _as_date(_ctx: click.Context, _param: click.Parameter, value: datetime | None) -> date | None:
    return None if value is None else value.date()


class Context:
    """What the group options chose, handed to every subcommand."""

    def __init__(self, db: str | None, tz: str | None, db_given: bool = False):
        self.db_path = resolve_journal_path(db)
        self.db_given = db_given
        self.tz = tz

    @contextlib.contextmanager
    def journal(self, *, write: bool, create: bool = True) -> Iterator[Journal]:
        """Open the journal (writers take its lock), translating failures into exit codes."""
        try:
            if write:
                journal = open_for_writing(
                    self.db_path, tz=self.tz, create=create, kind="command", wait=WAIT
                )
            else:
                journal = open_journal(self.db_path, tz=self.tz, read_only=True, create=create)
        except (JournalLocked, JournalError) as exc:
            raise Refused(str(exc), exc.exit_code) from exc
        with journal:
            try:
                yield journal
            except JournalError as exc:  # e.g. a damaged row found while reading
                raise Refused(str(exc), exc.exit_code) from exc


pass_context = click.make_pass_decorator(Context)


DATE = click.DateTime(formats=["%Y-%m-%d"])


def _date_options(func):
    func = click.option(
        "--to",
        "end",
        type=DATE,
        callback=_as_date,
        metavar="DATE",
        help="Last date, inclusive (YYYY-MM-DD).",
    )(func)
    return click.option(
        "--from",
        "start",
        type=DATE,
        callback=_as_date,
        metavar="DATE",
        help="First date, inclusive (YYYY-MM-DD).",
    )(func)


def _check_range(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise click.UsageError(f"--from {start} is after --to {end}")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar=ENV_DB,
    metavar="PATH",
    help="Journal file (default: journal.sqlite3 in the user data folder; env NTS_DESKTOP_DB).",
)
@click.option(
    "--tz",
    callback=_check_zone,
    metavar="ZONE",
    help="IANA zone for this run, e.g. Europe/Berlin (default: the journal's).",
)
@click.option(
    "--startup-check",
    is_flag=True,
    help="Open the window, draw the default page, print startup_ms=N and exit.",
)
@click.option(
    "--in-tray",
    is_flag=True,
    help="Start in the system tray when the morning reminder is on (the autostart entry's).",
)
@click.version_option(__version__, prog_name="nts-desktop")
@click.pass_context
def cli(
    ctx: click.Context, db: str | None, tz: str | None, startup_check: bool, in_tray: bool
) -> None:
    """A private, offline sleep journal. With no command, opens the window."""
    given = ctx.get_parameter_source("db") == click.core.ParameterSource.COMMANDLINE
    ctx.obj = Context(db, tz, db_given=given)
    if ctx.invoked_subcommand is None:
        from nts_desktop.app import run_window

        ctx.exit(run_window(ctx.obj.db_path, tz, startup_check=startup_check, in_tray=in_tray))


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(
        [
            "auto",
            "csv",
            "sleep-as-android",
            "fitbit",
            "oura",
            "apple-health",
            "daylio",
            "bearable",
            "pixels",
            "imoodjournal",
            "loop",
        ]
    ),
    default="auto",
    show_default=True,
    help="What the file is (auto: found from its content). A folder or a zip is searched.",
)
@click.option(
    "--on-conflict",
    type=click.Choice(["fail", "skip", "replace"]),
    default="fail",
    show_default=True,
    help="Journal CSV: what to do with dates the journal already holds.",
)
@click.option(
    "--date-order",
    type=click.Choice(["dmy", "mdy"]),
    help="Numeric dates put the day (dmy, 31/12/2026) or the month (mdy, 12/31/2026) first; "
    "needed only when the file does not settle it.",
)
@click.option("--dry-run", is_flag=True, help="Devices: show what the file holds; write nothing.")
@click.option("--prefer", metavar="APP", help="Apple Health: the app whose nights win.")
@click.option(
    "--mood-map",
    metavar="NAME=LEVEL,…",
    help="Mood apps: levels for mood names the file cannot place (Daylio: 1 awful … 5 rad, "
    "or the words), remembered for the next import of that app.",
)
@click.option(
    "--replace-ratings",
    is_flag=True,
    help="Mood apps: replace your own ratings where the file's differ (a backup first).",
)
@pass_context
def import_command(
    obj: Context,
    file: Path,
    fmt: str,
    on_conflict: str,
    date_order: str | None,
    dry_run: bool,
    prefer: str | None,
    mood_map: str | None,
    replace_ratings: bool,
) -> None:
    """Import a journal CSV, or history from Sleep as Android, Fitbit, Oura, Apple Health,
    Daylio, Bearable, Pixels, iMoodJournal or Loop Habit Tracker."""
    from nts_desktop.cli.imports import import_csv_file, import_device_history
    from nts_desktop.io.devices import is_journal_csv

    if not file.exists() or not (file.is_file() or file.is_dir()):
        raise Refused(f"{file}: cannot be read (no such file or folder)")
    if fmt == "csv" or (fmt == "auto" and is_journal_csv(file)):
        import_csv_file(obj, file, on_conflict, date_order)
    else:
        import_device_history(obj, file, fmt, dry_run, prefer, mood_map, replace_ratings)


@cli.group("imports", invoke_without_command=True)
@click.pass_context
def imports_group(ctx: click.Context) -> None:
    """List the imports of device history (each can be removed as a whole)."""
    if ctx.invoked_subcommand is None:
        from nts_desktop.storage.batches import list_batches

        with ctx.obj.journal(write=False, create=False) as journal:
            batches = list_batches(journal)
        for b in batches:
            click.echo(f"{b.id:>4}  {b.words()}")
        if not batches:
            click.echo("no imports yet")


@imports_group.command("remove")
@click.argument("batch", type=int)
@pass_context
def imports_remove(obj: Context, batch: int) -> None:
    """Remove everything one import brought (a backup is taken first)."""
    from nts_desktop.storage.batches import remove_batch

    with obj.journal(write=True, create=False) as journal:
        try:
            change = remove_batch(journal, batch)
        except KeyError as exc:
            raise Refused(str(exc.args[0])) from exc
    click.echo(change.message, err=True)


@cli.command("export")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@_date_options
@pass_context
def export_command(obj: Context, file: str, start: date | None, end: date | None) -> None:
    """Export the journal as CSV (FILE '-' = standard output)."""
    from nts_desktop.io.csv_export import export_csv

    _check_range(start, end)
    with obj.journal(write=False) as journal:
        try:
            count = export_csv(journal, file, start, end)
        except OSError as exc:
            raise Refused(f"{file}: cannot write ({exc.strerror})") from exc
    if file != "-":
        click.echo(f"{file}: exported {plural(count, 'record')}", err=True)


@cli.command("backup")
@pass_context
def backup_command(obj: Context) -> None:
    """Back up the journal now and print the backup's path."""
    from nts_desktop.storage.backup import backup_journal

    with obj.journal(write=False, create=False) as journal:
        path = backup_journal(journal.path, db=journal.db, reason="manual")
    click.echo(str(path))


@cli.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def restore_command(obj: Context, file: Path, yes: bool) -> None:
    """Replace the journal with a backup (the current state is backed up first)."""
    from nts_desktop.storage.restore import restore_backup

    try:
        if not check_journal_file(file):
            raise Refused(f"{file} is not an nts-desktop journal")
    except JournalError as exc:
        raise Refused(f"{file}: {exc}") from exc
    if not yes and not click.confirm(f"Replace {obj.db_path} with {file}?", err=True):
        raise Refused("restore cancelled; nothing changed")
    with obj.journal(write=True) as journal:
        try:
            _change, saved = restore_backup(journal, file)
        except (JournalError, ValueError) as exc:
            raise Refused(str(exc)) from exc
    click.echo(f"restored {file} into {obj.db_path} (previous state saved in {saved})", err=True)


@cli.command("stats")
@_date_options
@click.option("--json", "as_json", is_flag=True, help="The exact JSON contract instead of text.")
@pass_context
def stats_command(obj: Context, start: date | None, end: date | None, as_json: bool) -> None:
    """Regularity and what goes with better days, for a range of dates."""
    import json

    from nts_desktop.analysis.stats import compute, to_json
    from nts_desktop.analysis.text_report import render_text
    from nts_desktop.storage.batches import device_naps

    _check_range(start, end)
    with obj.journal(write=False) as journal:
        stats = compute(
            journal.days(),
            journal.device_nights(),
            start,
            end,
            work_weekdays=journal.settings.work_weekdays,
            preferred_source=journal.settings.preferred_source,
            free_weekdays=journal.settings.free_weekdays,
            naps=device_naps(journal),
        )
    if as_json:
        click.echo(json.dumps(to_json(stats), indent=2, allow_nan=False))
    else:
        click.echo(render_text(stats), nl=False)


@cli.command("demo")
@click.option(
    "--nights",
    type=click.IntRange(1, 36500),
    default=365,
    show_default=True,
    help="How many nights to generate, ending yesterday.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@pass_context
def demo_command(obj: Context, nights: int, seed: int) -> None:
    """Write a generated demo journal (to --db, else demo.sqlite3 beside the default journal)."""
    from nts_desktop.demo import write_demo
    from nts_desktop.storage.paths import default_demo_path

    if not obj.db_given:
        obj.db_path = default_demo_path()
    with obj.journal(write=True) as journal:
        if journal.day_count():
            raise Refused(
                f"{journal.path} already holds days; demo data goes into an empty journal only"
            )
        count = write_demo(journal, nights=nights, seed=seed)
    click.echo(
        f"{obj.db_path}: wrote a demo journal of {plural(nights, 'night')} ({count} dates "
        "logged, a few left out on purpose, like real diaries)",
        err=True,
    )
    click.echo(str(obj.db_path))


from . import desktop, report, settings  # noqa: E402, F401  (register their commands)


def main() -> None:
    """Console entry point."""
    cli(prog_name="nts-desktop")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
