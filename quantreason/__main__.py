"""``python -m quantreason`` runs the CLI (used where the console script is not on PATH)."""

from quantreason.cli import main

main()
