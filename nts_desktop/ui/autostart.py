"""Start with the session: the window's ``autostart`` setting kept equal to the XDG
autostart entry that ``io/desktop_entry.py`` writes (design §2, §8).

The entry on disk is the truth — a desktop's own settings may remove or switch it off — so
the setting is read back from it when the window opens, and writing the entry after the
setting changed either succeeds or puts the setting back and says why.
"""

from __future__ import annotations

from nts_desktop.io.desktop_entry import DesktopFilesError, autostart_enabled, set_autostart

from . import preferences


def sync_setting() -> bool:
    """Make the setting say what the autostart entry does; returns it."""
    on = autostart_enabled()
    if bool(preferences.read("autostart")) != on:
        preferences.write("autostart", on)
    return on


def follow_setting() -> str:
    """Write or remove the entry as the setting now says; the status line to show."""
    wanted = bool(preferences.read("autostart"))
    try:
        path = set_autostart(wanted)
    except DesktopFilesError as exc:
        preferences.write("autostart", autostart_enabled())
        return f"Could not change starting with the session: {exc}"
    if wanted:
        return f"nts-desktop now starts when you log in ({path})."
    return "nts-desktop no longer starts when you log in."
