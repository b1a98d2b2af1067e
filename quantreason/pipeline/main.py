"""``quantreason pipeline``: data -> base model -> FSDP training -> evaluation -> serving -> report.

Each stage writes under ``runs/<profile>/`` and is skipped when its outputs are up to date
(see :mod:`quantreason.pipeline.runner`). The final report goes to ``report_dir`` of the profile
(``reports/local/`` for the default run).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from quantreason.paths import REPO_ROOT, latest_run_file, runs_dir
from quantreason.pipeline.config import PipelineConfig
from quantreason.pipeline.runner import Stage, StageResult, StageRunner

console = Console()


class PipelinePaths:
    """Where each stage of one profile's run writes."""

    def __init__(self, config: PipelineConfig, root: Path | None = None) -> None:
        self.root = (root or runs_dir()) / config.name
        self.data = self.root / "data"
        self.train = self.root / "train"
        self.adapter = self.train / "adapter"
        self.eval = self.root / "eval"
        self.package = self.root / "package"
        self.serve = self.root / "serve"
        self.report = (
            Path(REPO_ROOT / config.report_dir) if config.report_dir else self.root / "report"
        )


def _quantreason(*args: str) -> None:
    """Run a quantreason CLI command in a child process (training needs torchrun's processes)."""
    command = [sys.executable, "-m", "quantreason", *args]
    console.print(f"[dim]$ quantreason {' '.join(args)}[/dim]")
    subprocess.run(command, check=True, cwd=REPO_ROOT)


def build_stages(config: PipelineConfig, paths: PipelinePaths) -> list[Stage]:
    """The pipeline's stages for ``config``, in order."""
    from quantreason.pipeline import steps

    stages = [
        Stage(
            name="data",
            description="generate the dataset",
            run=lambda: steps.generate_data(config, paths),
            outputs=[paths.data],
            settings={
                "seed": config.seed,
                "data": config.data.model_dump(),
                **steps.source_hash("generator_code", steps.GENERATOR_SOURCES),
            },
        ),
        Stage(
            name="model",
            description=f"prepare the base model ({config.model})",
            run=lambda: steps.prepare_model(config),
            outputs=[steps.model_dir(config)],
            settings={"model": config.model},
        ),
        Stage(
            name="train",
            description=f"LoRA + FSDP training ({config.train.nproc} processes)",
            run=lambda: steps.train(config, paths),
            outputs=[paths.adapter, paths.train / "train_log.jsonl"],
            settings={
                "train": config.train.model_dump(),
                "seed": config.seed,
                **steps.train_profile_hash(config),
                **steps.source_hash("training_code", steps.TRAINING_SOURCES),
            },
            after=["data", "model"],
        ),
        Stage(
            name="eval",
            description="evaluate base vs fine-tuned",
            run=lambda: steps.evaluate(config, paths),
            outputs=[paths.eval / "results.json"],
            settings={
                "eval": config.eval.model_dump(),
                **steps.handwritten_hash(config),
                **steps.source_hash("evaluation_code", steps.EVALUATION_SOURCES),
            },
            after=["data", "model", "train"],
        ),
    ]
    if config.serve.enabled:
        stages += [
            Stage(
                name="package",
                description="package the adapter as model.tar.gz",
                run=lambda: steps.package(config, paths),
                outputs=[paths.package / "model.tar.gz"],
                settings=steps.serving_code_hash(),
                after=["train"],
            ),
            Stage(
                name="serve",
                description="serve locally and benchmark latency/throughput",
                run=lambda: steps.serve_and_bench(config, paths),
                outputs=[paths.serve / "bench.json"],
                settings={
                    "serve": config.serve.model_dump(),
                    "max_new_tokens": config.eval.max_new_tokens,
                    **steps.serving_code_hash(),
                },
                after=["data", "model", "train"],
            ),
            Stage(
                name="capacity",
                description="plan autoscaling capacity",
                run=lambda: steps.plan_capacity(config, paths),
                outputs=[paths.serve / "capacity.json"],
                settings={"capacity": config.capacity.model_dump()},
                after=["serve"],
            ),
        ]
    return stages


def run_pipeline(config: PipelineConfig, *, force: bool = False, root: Path | None = None) -> Path:
    """Run every stage of ``config`` and write the report; returns the report directory."""
    from quantreason.pipeline.report import write_report

    paths = PipelinePaths(config, root)
    runner = StageRunner(paths.root / "state", force=force)
    stages = build_stages(config, paths)

    def announce(stage: Stage, skipped: bool) -> None:
        verb = "[yellow]skip[/yellow] (up to date)" if skipped else "[cyan]run[/cyan]"
        console.rule(f"{stage.name}: {stage.description} — {verb}")

    results: list[StageResult] = [runner.run(stage, on_start=announce) for stage in stages]
    _write_latest(config, paths)
    report_dir = write_report(config, paths, results)
    console.print(f"[green]report written to {report_dir}[/green]")
    return report_dir


def _write_latest(config: PipelineConfig, paths: PipelinePaths) -> None:
    from quantreason.pipeline import steps

    # Beside the profile's run directory: runs/latest.json (latest_run_file()) by default.
    pointer = paths.root.parent / latest_run_file().name
    pointer.parent.mkdir(parents=True, exist_ok=True)
    latest: dict[str, Any] = {
        "profile": config.name,
        "base": str(steps.model_dir(config)),
        "adapter": str(paths.adapter),
        "data": str(paths.data),
    }
    pointer.write_text(json.dumps(latest, indent=2) + "\n")


def copy_into(report_dir: Path, files: dict[str, Path]) -> None:
    """Copy run files into the report directory under the given names (missing ones skipped)."""
    report_dir.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        if source.exists():
            shutil.copyfile(source, report_dir / name)
