"""Command-line options that several commands share, spelled once."""

from __future__ import annotations

from typing import Annotated

import typer

from quantreason.consensus import MAX_SAMPLES

RetryOption = Annotated[
    int,
    typer.Option(
        "--retry",
        min=0,
        max=MAX_SAMPLES,
        help="More samples for a question none of whose replies passed the checks.",
    ),
]
