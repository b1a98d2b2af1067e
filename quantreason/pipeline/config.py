"""Typed settings of a pipeline profile (``config/pipeline/<profile>.yaml``), validated on load."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quantreason.generation import DEFAULT_MAX_NEW_TOKENS
from quantreason.paths import CONFIG_DIR
from quantreason.settings import build_settings

PIPELINE_CONFIG_DIR = CONFIG_DIR / "pipeline"


class PipelineConfigError(ValueError):
    """A pipeline profile with unknown keys or bad values."""


@dataclass(frozen=True)
class DataSettings:
    train_size: int = 900
    validation_size: int = 200
    test_size: int = 240


@dataclass(frozen=True)
class TrainSettings:
    profile: str = "local"
    nproc: int = 2


@dataclass(frozen=True)
class EvalSettings:
    splits: tuple[str, ...] = ("test", "test_ood_range", "test_ood_template")
    handwritten: str | None = "benchmarks/handwritten.jsonl"
    handwritten_dev: str | None = None  # the hand-written tuning set (benchmarks/), also scored
    self_consistency_samples: int = 0  # sampled replies per question besides the greedy one
    self_consistency_temperature: float = 0.7  # sampling temperature of those replies
    self_consistency_sets: tuple[str, ...] = ("handwritten", "handwritten_dev")  # sets voted on
    base_limit: int | None = None  # base model: at most this many questions per set
    batch_size: int = 48
    max_new_tokens: int = DEFAULT_MAX_NEW_TOKENS
    limit: int | None = None


@dataclass(frozen=True)
class ServeSettings:
    enabled: bool = True
    concurrencies: tuple[int, ...] = (1, 2, 4)
    requests_per_level: int = 12


@dataclass(frozen=True)
class CapacitySettings:
    latency_slo_s: float = 10.0
    peak_requests_per_s: float = 2.0
    safety_factor: float = 0.7
    instance_type: str = "ml.c5.xlarge"


@dataclass(frozen=True)
class PipelineConfig:
    """One pipeline profile."""

    name: str
    seed: int = 7
    model: str = "embedded"
    data: DataSettings = field(default_factory=DataSettings)
    train: TrainSettings = field(default_factory=TrainSettings)
    eval: EvalSettings = field(default_factory=EvalSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)
    capacity: CapacitySettings = field(default_factory=CapacitySettings)
    report_dir: str | None = None

    def validate(self) -> None:
        """Reject values that would fail later, before any expensive work starts."""
        positive = {
            "data.train_size": self.data.train_size,
            "data.validation_size": self.data.validation_size,
            "data.test_size": self.data.test_size,
            "train.nproc": self.train.nproc,
            "eval.batch_size": self.eval.batch_size,
            "eval.max_new_tokens": self.eval.max_new_tokens,
            "serve.requests_per_level": self.serve.requests_per_level,
        }
        if self.eval.limit is not None:
            positive["eval.limit"] = self.eval.limit
        if self.eval.base_limit is not None:
            positive["eval.base_limit"] = self.eval.base_limit
        for key, value in positive.items():
            if value <= 0:
                raise PipelineConfigError(f"{self.name}: {key} must be > 0, got {value}")
        known_splits = {"validation", "test", "test_ood_range", "test_ood_template"}
        unknown = set(self.eval.splits) - known_splits
        if unknown:
            raise PipelineConfigError(
                f"{self.name}: eval.splits has unknown {sorted(unknown)}; "
                f"use {sorted(known_splits)}"
            )
        if not 0 <= self.eval.self_consistency_samples <= 16:
            raise PipelineConfigError(f"{self.name}: eval.self_consistency_samples must be 0-16")
        if not 0 < self.eval.self_consistency_temperature <= 2:
            raise PipelineConfigError(
                f"{self.name}: eval.self_consistency_temperature must be in (0, 2]"
            )
        if not 0 < self.capacity.safety_factor <= 1:
            raise PipelineConfigError(f"{self.name}: capacity.safety_factor must be in (0, 1]")


def load_pipeline_config(profile: str, directory: Path = PIPELINE_CONFIG_DIR) -> PipelineConfig:
    """Load and validate ``<directory>/<profile>.yaml``."""
    path = directory / f"{profile}.yaml"
    if not path.exists():
        known = sorted(p.stem for p in directory.glob("*.yaml"))
        raise PipelineConfigError(f"unknown pipeline profile {profile!r}; known: {known}")
    raw = yaml.safe_load(path.read_text()) or {}
    config = build_settings(
        PipelineConfig, {"name": profile, **raw}, path.name, PipelineConfigError
    )
    config.validate()
    return config
