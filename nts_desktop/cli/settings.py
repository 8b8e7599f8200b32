"""`nts-desktop settings`: the journal's own settings (``core/settings_spec.py``: zone,
free weekdays, preferred device, name), which the window's Settings dialog changes too."""

from __future__ import annotations

import click

from nts_desktop.core.settings_spec import JOURNAL_SETTINGS

from . import Context, Refused, _check_zone, cli, pass_context

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekdays(_ctx: click.Context, _param: click.Parameter, value: str | None):
    if value is None:
        return None
    names = [v.strip().lower()[:3] for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in WEEKDAYS]
    if bad:
        raise click.BadParameter(f"{', '.join(bad)}: use mon, tue, wed, thu, fri, sat, sun")
    return tuple(sorted({WEEKDAYS.index(n) for n in names}))


@cli.command("settings")
@click.option(
    "--zone",
    "tz",
    callback=_check_zone,
    metavar="ZONE",
    help="The journal's own time zone, e.g. Europe/Berlin.",
)
@click.option(
    "--free-days",
    "free_weekdays",
    callback=_weekdays,
    metavar="DAYS",
    help="Weekdays free of work or school, e.g. sat,sun (empty string: none).",
)
@click.option(
    "--preferred-source",
    "preferred_source",
    metavar="SOURCE",
    help="The device whose nights analysis uses where the diary has none (e.g. oura).",
)
@click.option(
    "--name",
    "person_name",
    metavar="NAME",
    help="The person's name printed on the report (empty string: no name).",
)
@pass_context
def settings_command(obj: Context, **values: object) -> None:
    """Show the journal's settings, or change its zone, free weekdays, preferred device, name."""
    # one option per journal setting, named after its declaration (a test checks they agree)
    changes = {s.name: values[s.name] for s in JOURNAL_SETTINGS if values[s.name] is not None}
    with obj.journal(write=bool(changes), create=bool(changes)) as journal:
        if changes:
            try:
                journal.update_settings(**changes)
            except ValueError as exc:  # a declaration refused it; nothing was stored
                raise Refused(f"{exc}; nothing changed") from exc
        settings = journal.settings
    free = ",".join(WEEKDAYS[d] for d in settings.free_weekdays) or "none"
    click.echo(f"zone       {settings.tz}")
    click.echo(f"free days  {free}")
    click.echo(f"preferred  {settings.preferred_source or '(the first device by name)'}")
    click.echo(f"name       {settings.person_name or '(none on reports)'}")
    if settings.demo:
        click.echo("demo       yes (a generated demo journal)")
