"""Where a pipeline run keeps its files: one directory per stage under ``runs/<profile>/``."""

from __future__ import annotations

import shutil
from pathlib import Path

from quantreason.paths import REPO_ROOT, runs_dir
from quantreason.pipeline.config import PipelineConfig


class PipelinePaths:
    """Where each stage of one profile's run writes."""

    def __init__(self, config: PipelineConfig, root: Path | None = None) -> None:
        self.root = (root or runs_dir()) / config.name
        self.data = self.root / "data"
        self.train = self.root / "train"
        self.adapter = self.train / "adapter"
        self.classifier = self.root / "classifier"  # the task check's question classifier
        self.eval = self.root / "eval"
        self.package = self.root / "package"
        self.serve = self.root / "serve"
        self.state = self.root / "state"  # the stage runner's records
        self.report = (
            Path(REPO_ROOT / config.report_dir) if config.report_dir else self.root / "report"
        )


def model_dir(config: PipelineConfig) -> Path:
    """Local directory of the pipeline's base model (it may not exist before the model stage)."""
    from quantreason.models import EMBEDDED, TINY_RANDOM, embedded_dir, tiny_dir

    if config.model == EMBEDDED:
        return embedded_dir()
    if config.model == TINY_RANDOM:
        return tiny_dir()
    return Path(config.model)


def copy_into(report_dir: Path, files: dict[str, Path]) -> None:
    """Copy run files into the report directory under the given names (missing ones skipped)."""
    report_dir.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        if source.exists():
            shutil.copyfile(source, report_dir / name)
