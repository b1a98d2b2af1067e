"""``quantreason pipeline``: the local end-to-end run on the embedded model (the main job)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quantreason.cli.output import fail


def pipeline(
    profile: Annotated[
        str, typer.Option("--profile", "-p", help="config/pipeline/<profile>.yaml: full | quick.")
    ] = "full",
    force: Annotated[
        bool, typer.Option("--force", help="Redo every stage (training starts from step 0).")
    ] = False,
    runs_root: Annotated[
        Path | None, typer.Option("--runs-dir", help="Where runs go (default: runs/).")
    ] = None,
) -> None:
    """Generate data, prepare the model, train with FSDP, evaluate, serve, benchmark, report.

    Rerun after an interruption: done stages are skipped, training resumes from its checkpoint.
    """
    from quantreason.pipeline.config import PipelineConfigError, load_pipeline_config
    from quantreason.pipeline.main import run_pipeline

    try:
        config = load_pipeline_config(profile)
    except PipelineConfigError as err:
        fail(err)
    run_pipeline(config, force=force, root=runs_root)


def register(app: typer.Typer) -> None:
    """Add the ``pipeline`` command to ``app``."""
    app.command("pipeline")(pipeline)
