"""``quantreason model ...``: base-model preparation."""

from __future__ import annotations

import typer
from rich.console import Console

console = Console()
model_app = typer.Typer(
    help="Base models: prepare the embedded SmolLM2 checkpoint.", no_args_is_help=True
)


@model_app.command("prepare")
def prepare(
    force: bool = typer.Option(False, help="Convert again even if the checkpoint exists."),
) -> None:
    """Convert the embedded GGUF SmolLM2-135M-Instruct to safetensors and verify its tokens."""
    from quantreason.models import prepare_embedded

    with console.status("Converting the embedded GGUF model (about 30 s)..."):
        path = prepare_embedded(force=force)
    console.print(f"[green]embedded model ready:[/green] {path}")


@model_app.command("path")
def path(spec: str = typer.Argument("embedded", help="embedded | tiny-random | hub id")) -> None:
    """Print the local directory of a model spec (preparing it if needed)."""
    from quantreason.models import resolve_model

    console.print(resolve_model(spec))


def register(app: typer.Typer) -> None:
    """Add ``model`` commands to ``app``."""
    app.add_typer(model_app, name="model")
