"""``quantreason pipeline``: the local end-to-end run on the embedded model (the main job)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

console = Console()


def pipeline(
    profile: str = typer.Option(
        "full", "--profile", "-p", help="config/pipeline/<profile>.yaml: 'full' (default) or 'quick'."
    ),
    force: bool = typer.Option(False, "--force", help="Redo every stage even if up to date."),
    runs_root: Path | None = typer.Option(
        None, "--runs-dir", help="Where runs are written (default: runs/ in the repository)."
    ),
) -> None:
    """Generate data, prepare the base model, train with FSDP, evaluate, serve, benchmark, report."""
    from quantreason.pipeline.config import PipelineConfigError, load_pipeline_config
    from quantreason.pipeline.main import run_pipeline

    try:
        config = load_pipeline_config(profile)
    except PipelineConfigError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    run_pipeline(config, force=force, root=runs_root)


def register(app: typer.Typer) -> None:
    """Add the ``pipeline`` command to ``app``."""
    app.command("pipeline")(pipeline)
