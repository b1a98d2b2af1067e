"""One way for every command to report a bad input: a red line on stderr, then exit code 2."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

# soft_wrap: rich would otherwise break long paths and key lists at the terminal width, which
# makes messages hard to copy and impossible to grep.
err_console = Console(stderr=True, soft_wrap=True)


def fail(message: object, code: int = 2) -> NoReturn:
    """Print ``error: message`` (no markup parsing of the message) and exit with ``code``."""
    err_console.print("[red]error:[/red] ", end="")
    err_console.print(str(message), markup=False, highlight=False)
    raise typer.Exit(code)
