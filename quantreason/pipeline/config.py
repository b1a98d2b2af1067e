"""Typed settings of a pipeline profile (``config/pipeline/<profile>.yaml``), validated on load."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, field_validator, model_validator

from quantreason.capacity import DEFAULT_SAFETY_FACTOR
from quantreason.consensus import CHECKED_RETRY
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS
from quantreason.paths import CONFIG_DIR
from quantreason.precision import DEFAULT_PRECISION, Precision
from quantreason.settings import Bool, Int, Number, Settings, Text, build_settings

PIPELINE_CONFIG_DIR = CONFIG_DIR / "pipeline"

EvalSplit = Literal["validation", "test", "test_ood_range", "test_ood_template"]


# The splits whose size a profile sets (the three test splits share ``test``).
_SPLIT_SIZES = ("train", "validation", "test")


class PipelineConfigError(ValueError):
    """A pipeline profile with unknown keys or bad values."""


class DataSettings(Settings):
    """Questions per split: a total (``train_size``...) or, so that adding a family keeps every
    family's share, a count per family (``train_per_family``...), never both for one split."""

    train_size: Int = Field(900, gt=0)
    validation_size: Int = Field(200, gt=0)
    test_size: Int = Field(250, gt=0)  # per test split (test, test_ood_range, test_ood_template)
    train_per_family: Int | None = Field(None, gt=0)
    validation_per_family: Int | None = Field(None, gt=0)
    test_per_family: Int | None = Field(None, gt=0)
    # a family's share of train against the others' 1 (the evaluation splits stay equal); with
    # train_per_family, a family of weight 2 gets twice the records and the others keep theirs
    train_family_weights: dict[Text, Number] = Field(default_factory=dict)

    @field_validator("train_family_weights")
    @classmethod
    def _known_families_positive_weights(cls, weights: dict[str, float]) -> dict[str, float]:
        from quantreason.data import checked_train_weights
        from quantreason.tasks import FAMILIES

        checked_train_weights(weights, list(FAMILIES))  # ValueError names the problem
        return dict(sorted(weights.items()))

    @model_validator(mode="after")
    def _one_size_per_split(self) -> DataSettings:
        both = [
            split
            for split in _SPLIT_SIZES
            if f"{split}_size" in self.model_fields_set
            and getattr(self, f"{split}_per_family") is not None
        ]
        if both:
            raise ValueError(
                "give each split's size as a total or per family, not both: "
                + ", ".join(f"{split}_size and {split}_per_family" for split in both)
            )
        return self

    def split_sizes(self, families: int) -> dict[str, int]:
        """Questions in each split of the dataset, for ``families`` task families."""

        def size(split: str) -> int:
            per_family = getattr(self, f"{split}_per_family")
            if per_family is None:
                return getattr(self, f"{split}_size")
            if split == "train":  # weights add records: a family of weight w gets ~w x per_family
                extra = sum(weight - 1 for weight in self.train_family_weights.values())
                return round(per_family * (families + extra))
            return per_family * families

        return {
            "train": size("train"),
            "validation": size("validation"),
            **{split: size("test") for split in ("test", "test_ood_range", "test_ood_template")},
        }


class TrainSettings(Settings):
    profile: Text = "local"
    nproc: Int = Field(2, gt=0)


class EvalSettings(Settings):
    splits: tuple[EvalSplit, ...] = ("test", "test_ood_range", "test_ood_template")
    handwritten: Text | None = "benchmarks/handwritten.jsonl"
    handwritten_dev: Text | None = None  # the hand-written tuning set (benchmarks/), also scored
    self_consistency_samples: Int = Field(0, ge=0, le=16)  # sampled replies besides greedy
    self_consistency_temperature: Number = Field(0.7, gt=0, le=2)  # their temperature
    # more samples only where no reply passed the checks (grounded, of its task's form)
    self_consistency_retry: Int = Field(0, ge=0, le=16)
    # every set also answered as the endpoint answers by default (model ``finetuned_checked``):
    # this many samples only where the greedy reply fails the checks (0: no such column)
    checked_retry: Int = Field(CHECKED_RETRY, ge=0, le=16)
    self_consistency_sets: tuple[Text, ...] = ("handwritten", "handwritten_dev")  # voted on
    # rewrite a fine-tuned reply whose task disagrees with the question classifier's reading
    task_check: Bool = True
    # the question classifier also reads the fine-tuned model's hidden states (fitted after
    # training; quantreason.tasks.classifier.HiddenStateReader)
    task_check_hidden_states: Bool = False
    base_limit: Int | None = Field(None, gt=0)  # base model: at most this many per set
    batch_size: Int = Field(48, gt=0)
    max_new_tokens: Int = Field(DEFAULT_MAX_NEW_TOKENS, gt=0)
    limit: Int | None = Field(None, gt=0)
    # weights' format for generation: fp32 | bf16 | auto (bf16 where the CPU/GPU has it)
    precision: Precision = DEFAULT_PRECISION


class ServeSettings(Settings):
    enabled: Bool = True
    concurrencies: tuple[Int, ...] = (1, 2, 4)
    requests_per_level: Int = Field(12, gt=0)


class CapacitySettings(Settings):
    latency_slo_s: Number = Field(10.0, gt=0)
    peak_requests_per_s: Number = Field(2.0, gt=0)
    safety_factor: Number = Field(DEFAULT_SAFETY_FACTOR, gt=0, le=1)
    instance_type: Text = "ml.c5.xlarge"


class PipelineConfig(Settings):
    """One pipeline profile."""

    name: Text
    seed: Int = 7
    model: Text = "embedded"
    data: DataSettings = DataSettings()
    train: TrainSettings = TrainSettings()
    eval: EvalSettings = EvalSettings()
    serve: ServeSettings = ServeSettings()
    capacity: CapacitySettings = CapacitySettings()
    report_dir: Text | None = None


def load_pipeline_config(profile: str, directory: Path = PIPELINE_CONFIG_DIR) -> PipelineConfig:
    """Load and validate ``<directory>/<profile>.yaml``."""
    path = directory / f"{profile}.yaml"
    if not path.exists():
        known = sorted(p.stem for p in directory.glob("*.yaml"))
        raise PipelineConfigError(f"unknown pipeline profile {profile!r}; known: {known}")
    raw = yaml.safe_load(path.read_text()) or {}
    return build_settings(PipelineConfig, {"name": profile, **raw}, path.name, PipelineConfigError)
