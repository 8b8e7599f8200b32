"""nts-desktop in the desktop's menu and autostart: the XDG files, written and removed.

``install_desktop`` puts the ``.desktop`` entry (with an absolute ``Exec=``, so a venv works),
the icons (hicolor PNG sizes and the scalable SVG) and the AppStream metainfo into
``$XDG_DATA_HOME``; ``uninstall_desktop`` removes exactly those files. All files of one call
are written under temporary names first and renamed only when every one is complete, so a
failure (a read-only folder, a full disk) changes nothing. The autostart entry
(``$XDG_CONFIG_HOME/autostart``) is the same desktop entry, for the reminders. No Qt.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from nts_desktop import APP_ID
from nts_desktop.resources import DESKTOP_ENTRY, ICON, ICON_SIZES, METAINFO, png_icon
from nts_desktop.resources import resource_path as _resource
from nts_desktop.storage.files import fsync_dir, fsync_file, is_disk_full, temporary_beside

GUI_SCRIPT = "nts-desktop-gui"
AUTOSTART_KEY = "X-GNOME-Autostart-enabled"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")  # desktop entry spec, "The Exec key"


class DesktopFilesError(RuntimeError):
    """A desktop file could not be written or removed; the message is one line naming it."""


def _xdg_home(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    # the XDG base directory spec: a relative path is invalid and is ignored
    return Path(value) if value and os.path.isabs(value) else Path.home() / default


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share``."""
    return _xdg_home("XDG_DATA_HOME", ".local/share")


def config_home() -> Path:
    """``$XDG_CONFIG_HOME``, else ``~/.config``."""
    return _xdg_home("XDG_CONFIG_HOME", ".config")


IN_TRAY = "--in-tray"  # the window's option: start hidden in the tray when there is one


def launch_command() -> list[str]:
    """The command that opens the window from this installation: the ``nts-desktop-gui``
    script beside the running interpreter (a venv's ``bin/``), else ``python -m nts_desktop``."""
    script = Path(sys.executable).parent / GUI_SCRIPT
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "nts_desktop"]


def exec_value(argv: Sequence[str]) -> str:
    """``argv`` as the value of an ``Exec=`` key: reserved characters quoted, ``%`` doubled,
    and backslashes escaped once more as the string value requires."""
    words = []
    for arg in argv:
        arg = arg.replace("%", "%%")
        if any(c in _RESERVED for c in arg):
            arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
        words.append(arg.replace("\\", "\\\\"))
    return " ".join(words)


def entry_text(command: Sequence[str] | None = None, autostart: bool = False) -> str:
    """The shipped ``.desktop`` entry with ``Exec``/``TryExec`` pointing at ``command``
    (default: ``launch_command()``); ``autostart`` adds ``X-GNOME-Autostart-enabled=true``."""
    argv = list(command or launch_command())
    lines = []
    for line in _resource(DESKTOP_ENTRY).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_value(argv)}"
        elif line.startswith("TryExec="):
            line = f"TryExec={exec_value(argv[:1])}"
        lines.append(line)
    if autostart:
        lines.append(f"{AUTOSTART_KEY}=true")
    return "\n".join(lines) + "\n"


def menu_files(home: Path | None = None) -> dict[Path, Path | None]:
    """Where install puts each file (key) and the shipped file it copies (None: the entry,
    which is generated)."""
    home = home or data_home()
    icons = home / "icons" / "hicolor"
    files: dict[Path, Path | None] = {home / "applications" / DESKTOP_ENTRY: None}
    for size in ICON_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png_icon(size)
    files[icons / "scalable" / "apps" / f"{APP_ID}.svg"] = _resource(ICON)
    files[home / "metainfo" / METAINFO] = _resource(METAINFO)
    return files


def install_desktop(command: Sequence[str] | None = None, refresh: bool = True) -> list[Path]:
    """Put the menu entry, icons and metainfo into ``$XDG_DATA_HOME``; returns the files.

    Installing again rewrites the same files (it follows a moved venv). Raises
    DesktopFilesError, having changed nothing, when one cannot be written."""
    entry = entry_text(command).encode()
    contents = {
        target: entry if source is None else source.read_bytes()
        for target, source in menu_files().items()
    }
    write_all(contents)
    if refresh:
        refresh_caches()
    return list(contents)


def uninstall_desktop(refresh: bool = True) -> list[Path]:
    """Remove what ``install_desktop`` put there (folders stay); returns the removed files."""
    removed: list[Path] = []
    for path in menu_files():
        if path.is_file() or path.is_symlink():
            try:
                _remove(path)
            except DesktopFilesError as exc:
                raise DesktopFilesError(
                    f"{exc}; {len(removed)} of the installed files were removed before it"
                ) from exc.__cause__
            removed.append(path)
    if refresh and removed:
        refresh_caches()
    return removed


def autostart_path() -> Path:
    """``$XDG_CONFIG_HOME/autostart/<id>.desktop``."""
    return config_home() / "autostart" / DESKTOP_ENTRY


def set_autostart(enabled: bool, command: Sequence[str] | None = None) -> Path:
    """Start the app when the person logs in (or no longer); returns the entry's path. The
    default command adds ``--in-tray``: at login it waits in the tray for the reminder.

    Raises DesktopFilesError, having changed nothing, when it cannot be written or removed."""
    path = autostart_path()
    if enabled:
        argv = command or [*launch_command(), IN_TRAY]
        write_all({path: entry_text(argv, autostart=True).encode()})
    elif path.is_file() or path.is_symlink():
        _remove(path)
    return path


def autostart_enabled() -> bool:
    """Whether the autostart entry is there and not switched off (``Hidden=true`` or
    ``X-GNOME-Autostart-enabled=false``, as a desktop's own settings may write)."""
    try:
        text = autostart_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    keys = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    return keys.get("Hidden", "false") != "true" and keys.get(AUTOSTART_KEY, "true") != "false"


def write_all(contents: dict[Path, bytes]) -> None:
    """Write every file or none: each under a temporary name in its own folder first, then
    all renamed. On failure the folders this call created and every temporary file are
    removed, files it already replaced get their old bytes back, and DesktopFilesError
    names the path."""
    created: list[Path] = []
    staged: dict[Path, Path] = {}
    old: dict[Path, bytes | None] = {}
    current = None
    try:
        for target, data in contents.items():
            current = target
            _make_parents(target.parent, created)
            old[target] = target.read_bytes() if target.is_file() else None
            tmp = temporary_beside(target)
            staged[target] = tmp
            tmp.write_bytes(data)
            tmp.chmod(0o644)
            fsync_file(tmp)
        for target, tmp in list(staged.items()):
            current = target
            os.replace(tmp, target)
            del staged[target]
            fsync_dir(target.parent)
    except OSError as exc:
        _undo(staged, old, contents, created)
        raise DesktopFilesError(f"{current}: {_reason(exc)}; nothing was changed") from exc


def _make_parents(folder: Path, created: list[Path]) -> None:
    """Make ``folder`` and its missing parents, each added to the front of ``created`` as
    soon as it exists (deepest first: the order to remove them in)."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir()
        created.insert(0, made)


def _undo(
    staged: dict[Path, Path],
    old: dict[Path, bytes | None],
    contents: dict[Path, bytes],
    created: list[Path],
) -> None:
    for tmp in staged.values():
        tmp.unlink(missing_ok=True)
    for target in contents:
        if target in staged or target not in old:
            continue  # never replaced
        try:
            if old[target] is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old[target])  # type: ignore[arg-type]
        except OSError:
            pass
    for folder in created:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise DesktopFilesError(f"{path}: {_reason(exc)}; it was not removed") from exc


def _reason(exc: OSError) -> str:
    if is_disk_full(exc):
        return "the disk is full"
    return exc.strerror or str(exc)


def refresh_caches() -> None:
    """Tell the desktop about the change where its cache tools are installed (their absence
    or failure is ignored: menus rescan on their own, only later)."""
    home = data_home()
    for tool, args in (
        ("update-desktop-database", ["-q", str(home / "applications")]),
        ("gtk-update-icon-cache", ["-q", "-t", "-f", str(home / "icons" / "hicolor")]),
    ):
        found = shutil.which(tool)
        if found is None:
            continue
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run([found, *args], capture_output=True, timeout=30, check=False)
