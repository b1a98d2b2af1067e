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


def task_classifier_or_latest(given: Path | None, adapter: Path | str | None) -> Path | None:
    """``given``; else the last pipeline run's classifier when ``adapter`` is that run's
    adapter (a model from elsewhere keeps the classifier packaged with it, or none: a stale
    classifier would read tasks the model was not taught). None: no task check."""
    if given is not None:
        if not given.is_file():
            raise typer.BadParameter(f"{given} does not exist", param_hint="--task-classifier")
        return given
    latest = latest_run()
    path, run_adapter = latest.get("task_classifier"), latest.get("adapter")
    if not path or not run_adapter or adapter is None or not Path(path).is_file():
        return None
    return Path(path) if Path(adapter).resolve() == Path(run_adapter).resolve() else None
