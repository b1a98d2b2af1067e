"""``quantreason pipeline``: data -> base model -> FSDP training -> evaluation -> serving -> report.

The pipeline reads top-down, each module importing only those before it:
``config`` (the profile) -> ``layout`` (where each stage writes, under ``runs/<profile>/``) ->
``steps`` (the stage table: what each stage runs, reads, writes and depends on) -> ``runner``
(runs a stage unless its recorded inputs and outputs still match) -> ``report`` (the report in
``report_dir``, ``reports/local/`` for the default run) -> this module, which runs them in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console

from quantreason.paths import latest_run_file
from quantreason.pipeline.config import PipelineConfig
from quantreason.pipeline.layout import PipelinePaths, model_dir
from quantreason.pipeline.report import write_report
from quantreason.pipeline.runner import Stage, StageResult, StageRunner
from quantreason.pipeline.steps import build_stages
from quantreason.tasks.classifier import CLASSIFIER_FILE

console = Console()


def run_pipeline(config: PipelineConfig, *, force: bool = False, root: Path | None = None) -> Path:
    """Run every stage of ``config`` and write the report; returns the report directory."""
    paths = PipelinePaths(config, root)
    runner = StageRunner(paths.state, force=force)
    stages = build_stages(config, paths)

    verbs = {
        "skip": "[yellow]skip[/yellow] (up to date)",
        "resume": "[cyan]resume[/cyan] (interrupted)",
        "run": "[cyan]run[/cyan]",
    }

    def announce(stage: Stage, action: str) -> None:
        verb = verbs[action]
        console.rule(f"{stage.name}: {stage.description} — {verb}")

    results: list[StageResult] = [runner.run(stage, on_start=announce) for stage in stages]
    _write_latest(config, paths)
    report_dir = write_report(config, paths, results)
    console.print(f"[green]report written to {report_dir}[/green]")
    return report_dir


def _write_latest(config: PipelineConfig, paths: PipelinePaths) -> None:
    # Beside the profile's run directory: runs/latest.json (latest_run_file()) by default.
    pointer = paths.root.parent / latest_run_file().name
    pointer.parent.mkdir(parents=True, exist_ok=True)
    latest: dict[str, Any] = {
        "profile": config.name,
        "base": str(model_dir(config)),
        "adapter": str(paths.adapter),
        "data": str(paths.data),
    }
    if config.eval.task_check:  # a later `eval`/`ask` on this run checks tasks as it did
        latest["task_classifier"] = str(paths.classifier / CLASSIFIER_FILE)
    pointer.write_text(json.dumps(latest, indent=2) + "\n")
