"""install-desktop and autostart: the XDG files written, rewritten, removed, and a failure
that changes nothing — all in the temporary XDG folders of conftest.py."""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from nts_desktop import APP_ID
from nts_desktop.cli import cli
from nts_desktop.io import desktop_entry
from nts_desktop.io.desktop_entry import (
    DesktopFilesError,
    autostart_enabled,
    autostart_path,
    entry_text,
    install_desktop,
    launch_command,
    menu_files,
    set_autostart,
    uninstall_desktop,
)
from nts_desktop.resources import ICON, METAINFO, png_icon, resource_path


def data_home() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (the desktop's own caches left out)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in ("mimeinfo.cache", "icon-theme.cache")
    }


def keys(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def test_install_puts_the_entry_icons_and_metainfo_into_the_xdg_data_folder():
    written = install_desktop(refresh=False)
    home = data_home()
    entry = home / "applications" / f"{APP_ID}.desktop"
    assert written[0] == entry
    assert (home / f"icons/hicolor/48x48/apps/{APP_ID}.png").read_bytes() == (
        png_icon(48).read_bytes()
    )
    assert (home / f"icons/hicolor/512x512/apps/{APP_ID}.png").is_file()
    assert (home / f"icons/hicolor/scalable/apps/{APP_ID}.svg").read_bytes() == (
        resource_path(ICON).read_bytes()
    )
    assert (home / "metainfo" / METAINFO).read_bytes() == resource_path(METAINFO).read_bytes()
    assert sorted(tree(home)) == sorted(str(p.relative_to(home)) for p in written)
    assert len(written) == 11  # the entry, 8 PNG sizes, the SVG, the metainfo
    fields = keys(entry.read_text())
    command = shlex.split(fields["Exec"])
    assert command == launch_command() and Path(command[0]).is_absolute()
    assert Path(command[0]).is_file()  # this venv's nts-desktop-gui (or its python)
    assert fields["Icon"] == APP_ID and oct(entry.stat().st_mode & 0o777) == "0o644"


def test_installing_again_rewrites_the_same_files_and_leaves_nothing_else():
    install_desktop(refresh=False)
    first = tree(data_home())
    install_desktop(refresh=False)
    assert tree(data_home()) == first
    assert not [p for p in data_home().rglob("*") if p.name.endswith(".tmp")]


def test_uninstall_removes_exactly_what_install_put_there():
    other = data_home() / "applications" / "org.example.Other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    before = tree(data_home())
    written = install_desktop(refresh=False)
    assert set(uninstall_desktop(refresh=False)) == set(written)
    assert tree(data_home()) == before
    assert uninstall_desktop(refresh=False) == []


def test_a_folder_that_cannot_be_made_stops_the_install_before_anything_is_written():
    data_home().mkdir(parents=True)
    (data_home() / "icons").write_text("a file where the icons folder belongs")
    with pytest.raises(DesktopFilesError) as caught:
        install_desktop(refresh=False)
    message = str(caught.value)
    assert "\n" not in message and "nothing was changed" in message
    assert str(data_home() / "icons") in message
    assert tree(data_home()) == {"icons": b"a file where the icons folder belongs"}
    assert not (data_home() / "applications").exists()  # the folder it made is gone again


def test_a_full_disk_during_reinstall_keeps_the_installed_files_as_they_were(monkeypatch):
    install_desktop(command=["/old/nts-desktop-gui"], refresh=False)
    before = tree(data_home())
    real = Path.write_bytes
    calls = []

    def fill_up(self, data):
        calls.append(self)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, data)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "write_bytes", fill_up)
        with pytest.raises(DesktopFilesError, match="the disk is full; nothing was changed"):
            install_desktop(command=["/new/nts-desktop-gui"], refresh=False)
    assert tree(data_home()) == before


def test_a_failed_rename_midway_puts_back_the_files_already_replaced(monkeypatch):
    install_desktop(command=["/old/nts-desktop-gui"], refresh=False)
    new_icon = data_home() / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg"
    new_icon.unlink()  # this one is new in the next install: it must not be left behind
    before = tree(data_home())
    real = os.replace
    calls = []

    def fail_late(src, dst):
        calls.append(dst)
        if len(calls) == 11:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(src, dst)

    with monkeypatch.context() as patched:
        patched.setattr(desktop_entry.os, "replace", fail_late)
        with pytest.raises(DesktopFilesError, match="Input/output error; nothing was changed"):
            install_desktop(command=["/new/nts-desktop-gui"], refresh=False)
    assert new_icon in [Path(p) for p in calls[:10]]  # it had been put in place, then removed
    assert tree(data_home()) == before


def test_exec_quotes_spaces_and_percent_signs_so_the_command_reads_back(tmp_path):
    command = ["/opt/my apps/bin/nts-desktop-gui", "--db", "/home/me/100% sleep.sqlite3"]
    text = entry_text(command)
    value = keys(text)["Exec"]
    assert value.startswith('"/opt/my apps/bin/nts-desktop-gui" --db "')
    # undo the string escape, then the Exec quoting (which shlex reads alike)
    assert shlex.split(value.replace("\\\\", "\\").replace("%%", "%")) == command
    if shutil.which("desktop-file-validate"):
        path = tmp_path / f"{APP_ID}.desktop"
        path.write_text(text)
        out = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert out.returncode == 0 and not out.stdout, out.stdout


def test_without_the_gui_script_the_entry_runs_this_python_with_dash_m(tmp_path, monkeypatch):
    python = tmp_path / "bin" / "python3"
    python.parent.mkdir()
    python.write_text("")
    monkeypatch.setattr(sys, "executable", str(python))
    assert launch_command() == [str(python), "-m", "nts_desktop"]
    script = python.parent / "nts-desktop-gui"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    assert launch_command() == [str(script)]


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    target = next(iter(menu_files()))
    assert target == Path.home() / ".local/share/applications" / f"{APP_ID}.desktop"


def test_autostart_writes_the_entry_that_starts_in_the_tray_and_removes_it():
    path = autostart_path()
    assert path == Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{APP_ID}.desktop"
    assert not autostart_enabled()
    assert set_autostart(True) == path
    assert autostart_enabled()
    fields = keys(path.read_text())
    assert fields["X-GNOME-Autostart-enabled"] == "true"
    assert shlex.split(fields["Exec"]) == [*launch_command(), "--in-tray"]
    set_autostart(True)  # again: the same file
    assert autostart_enabled()
    assert set_autostart(False) == path
    assert not path.exists() and not autostart_enabled()
    set_autostart(False)  # already off: nothing to do


def test_autostart_switched_off_by_the_desktop_counts_as_off():
    path = set_autostart(True)
    path.write_text(path.read_text() + "Hidden=true\n")
    assert not autostart_enabled()
    path.write_text(entry_text().replace("\n", "\nX-GNOME-Autostart-enabled=false\n", 1))
    assert not autostart_enabled()


def test_autostart_that_cannot_be_written_says_where(tmp_path):
    config = Path(os.environ["XDG_CONFIG_HOME"])
    config.mkdir(parents=True)
    (config / "autostart").write_text("not a folder")
    with pytest.raises(DesktopFilesError, match="autostart"):
        set_autostart(True)
    assert not autostart_enabled()


def test_cli_install_desktop_and_uninstall_say_what_they_did():
    result = CliRunner().invoke(cli, ["install-desktop"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    entry = data_home() / "applications" / f"{APP_ID}.desktop"
    assert f"wrote {entry}\n" in result.stdout
    assert result.stdout.count("wrote ") == 11
    assert "is in the desktop's menu" in result.stderr
    if shutil.which("desktop-file-validate"):  # the installed copy, with its absolute Exec
        out = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert out.returncode == 0 and not out.stdout, out.stdout
    again = CliRunner().invoke(cli, ["install-desktop"], catch_exceptions=False)
    assert again.exit_code == 0 and again.stdout == result.stdout
    gone = CliRunner().invoke(cli, ["install-desktop", "--uninstall"], catch_exceptions=False)
    assert gone.exit_code == 0
    assert f"removed {entry}\n" in gone.stdout and gone.stdout.count("removed ") == 11
    assert tree(data_home()) == {}
    none = CliRunner().invoke(cli, ["install-desktop", "--uninstall"], catch_exceptions=False)
    assert none.exit_code == 0 and none.stdout == ""
    assert "nothing to remove" in none.stderr


def test_cli_install_desktop_failure_is_one_line_and_exit_code_1():
    data_home().mkdir(parents=True)
    (data_home() / "metainfo").write_text("in the way")
    result = CliRunner().invoke(cli, ["install-desktop"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith(f"nts-desktop: {data_home() / 'metainfo'}")
    assert "Traceback" not in result.output
    assert not (data_home() / "applications").exists()


def test_cli_uninstall_says_when_the_autostart_entry_is_still_there():
    set_autostart(True)
    CliRunner().invoke(cli, ["install-desktop"], catch_exceptions=False)
    gone = CliRunner().invoke(cli, ["install-desktop", "--uninstall"], catch_exceptions=False)
    assert gone.exit_code == 0
    assert f"it still starts at log-in: {autostart_path()}" in gone.stderr
    assert autostart_enabled()  # the reminders' setting is theirs to change


def test_cli_install_desktop_refuses_outside_freedesktop_systems(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    result = CliRunner().invoke(cli, ["install-desktop"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "freedesktop.org (Linux, BSD) menu entry" in result.stderr
    assert not data_home().exists()


def test_folders_made_before_a_failing_one_are_removed_again(monkeypatch):
    real = Path.mkdir
    calls = []

    def refuse_second(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real(self, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "mkdir", refuse_second)
        with pytest.raises(DesktopFilesError, match="Read-only file system; nothing was changed"):
            install_desktop(refresh=False)
    assert calls[0] == data_home()  # it was made, then removed again
    assert not data_home().exists()


def test_an_uninstall_that_fails_midway_says_how_far_it_got(monkeypatch):
    install_desktop(refresh=False)
    real = Path.unlink
    calls = []

    def refuse_third(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 3:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        return real(self, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "unlink", refuse_third)
        with pytest.raises(DesktopFilesError) as caught:
            uninstall_desktop(refresh=False)
    message = str(caught.value)
    assert message.startswith(f"{calls[2]}: Permission denied; it was not removed")
    assert message.endswith("2 of the installed files were removed before it")
    assert calls[2].exists() and not calls[0].exists()
