"""Files shipped inside the wheel: the app icon and the ``.desktop`` entry."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

ICON = "nts-desktop.svg"
DESKTOP_ENTRY = "nts-desktop.desktop"


def resource_path(name: str) -> Path:
    """Filesystem path of a shipped resource (the package is installed unzipped)."""
    return Path(str(files(__name__) / name))
