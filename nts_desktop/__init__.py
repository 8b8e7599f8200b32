"""nts-desktop: a private, offline sleep journal."""

__version__ = "0.1.0"
APP_NAME = "nts-desktop"
