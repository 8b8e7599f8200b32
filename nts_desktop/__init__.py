"""nts-desktop: a private, offline sleep journal."""

__version__ = "0.1.0"
APP_NAME = "nts-desktop"
# The reverse-DNS id of the .desktop entry, the AppStream metainfo and the icons (decisions.md)
APP_ID = "io.github.nts_desktop.NtsDesktop"
