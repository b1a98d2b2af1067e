"""Command-line options that several commands share, spelled once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

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

TaskClassifierOption = Annotated[
    Path | None,
    typer.Option(
        "--task-classifier",
        help="The task check's question classifier (.npz); default: the last pipeline run's.",
    ),
]


def latest_run() -> dict[str, Any]:
    """The last pipeline run's record (base, adapter, data, task classifier), or {}."""
    from quantreason.paths import latest_run_file

    path = latest_run_file()
    return json.loads(path.read_text()) if path.is_file() else {}


def task_classifier_or_latest(given: Path | None) -> Path | None:
    """``given``, else the last pipeline run's classifier when it exists (None: no task check)."""
    if given is not None:
        if not given.is_file():
            raise typer.BadParameter(f"{given} does not exist", param_hint="--task-classifier")
        return given
    latest = latest_run().get("task_classifier")
    return Path(latest) if latest and Path(latest).is_file() else None
