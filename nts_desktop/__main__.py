"""``python -m nts_desktop`` runs the command line."""

from nts_desktop.cli import main

main()
