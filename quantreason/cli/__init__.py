"""The ``quantreason`` console script: a thin face over the core package.

Each area registers its commands from its own module so that the modules stay small.
"""

from __future__ import annotations

import logging

import typer

from quantreason.cli import (
    ask,
    aws,
    capacity,
    data,
    evaluate,
    infra,
    model,
    package,
    pipeline,
    serve,
    train,
)

app = typer.Typer(
    name="quantreason",
    help="Fine-tune, evaluate, serve and operate quantreason models.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

for module in (data, model, train, evaluate, ask, pipeline, serve, capacity, package, infra, aws):
    module.register(app)


@app.callback()
def _configure(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging."),
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def main() -> None:
    """Console-script entry point."""
    app()
