"""`nts-desktop install-desktop [--uninstall]`: the app in (or out of) the desktop's menu,
through ``io.desktop_entry``."""

from __future__ import annotations

import sys

import click

from nts_desktop.io.desktop_entry import (
    DesktopFilesError,
    autostart_enabled,
    autostart_path,
    data_home,
    exec_value,
    install_desktop,
    launch_command,
    uninstall_desktop,
)

from . import Refused, cli


@cli.command("install-desktop")
@click.option(
    "--uninstall", is_flag=True, help="Remove the menu entry, icons and metainfo it installed."
)
def install_desktop_command(uninstall: bool) -> None:
    """Put nts-desktop into the desktop's menu: the .desktop entry (starting this
    installation's window), the icons and the AppStream metainfo, in $XDG_DATA_HOME."""
    if sys.platform in ("darwin", "win32"):
        raise Refused(
            "install-desktop writes a freedesktop.org (Linux, BSD) menu entry; on this system "
            "start the window with nts-desktop-gui"
        )
    try:
        if uninstall:
            removed = uninstall_desktop()
        else:
            written = install_desktop()
    except DesktopFilesError as exc:
        raise Refused(str(exc)) from exc
    if uninstall:
        for path in removed:
            click.echo(f"removed {path}")
        if removed:
            click.echo("nts-desktop is no longer in the desktop's menu.", err=True)
        else:
            click.echo(f"nothing to remove: it is not installed in {data_home()}", err=True)
        if autostart_enabled():
            click.echo(f"it still starts at log-in: {autostart_path()}", err=True)
        return
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(
        f"nts-desktop is in the desktop's menu; it starts {exec_value(launch_command())}. "
        "`nts-desktop install-desktop --uninstall` takes it out.",
        err=True,
    )
