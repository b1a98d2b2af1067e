"""Training configuration: typed, frozen settings filled from ``config/train/<profile>.yaml``.

Every field has a help text (its pydantic ``description``) and its bounds. Unknown keys and bad
values fail at load with one clear message (trl silently drops unknown keys; torchtune's
``cfg.get`` hides typos), so a typo in a profile or a ``--set`` override never trains with a
default nobody asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, model_validator

from quantreason.paths import CONFIG_DIR
from quantreason.settings import Bool, Int, Number, Settings, Text, build_settings

TRAIN_CONFIG_DIR = CONFIG_DIR / "train"
ALL_PROJECTIONS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


class ConfigError(ValueError):
    """A training configuration that cannot work; the message says which key and why."""


def _f(default: Any, help_text: str, **constraints: Any) -> Any:
    """A field with a help text and its bounds (``gt``, ``ge``, ``lt``, ``le``, ``min_length``)."""
    return Field(default=default, description=help_text, **constraints)


class ModelSettings(Settings):
    """Which base model, and how its frozen weights are stored."""

    name: Text = _f("embedded", "Base model spec: embedded | tiny-random | hub id | local dir.")
    dtype: Literal["auto", "float32", "bfloat16"] = _f(
        "auto", "Storage dtype of the frozen base weights (auto: bfloat16 when training in bf16)."
    )


class LoraSettings(Settings):
    """The LoRA adapters (PEFT ``LoraConfig``)."""

    r: Int = _f(16, "LoRA rank: higher gives more capacity and more memory.", gt=0)
    alpha: Int = _f(32, "LoRA scaling numerator (scale = alpha / r).", gt=0)
    dropout: Number = _f(0.05, "Dropout on the LoRA input.", ge=0.0, lt=1.0)
    target_modules: list[Text] = _f(
        list(ALL_PROJECTIONS),
        "Linear modules that get adapters (all attention + MLP projections).",
        min_length=1,
    )
    top_layers: Int | None = _f(
        None,
        "Adapters only in the top N decoder layers (null: every layer). Backward then stops "
        "below them: with half the layers, a step costs about 1/3 less compute.",
        gt=0,
    )


class DataSettings(Settings):
    """How records become token batches."""

    max_length: Int = _f(256, "Longest prompt + response in tokens; longer records fail.", ge=16)
    group_by_length: Bool = _f(True, "Batch records of similar length together (less padding).")
    limit: Int | None = _f(None, "Use only the first N train records (null: all).", gt=0)


class TrainSettings(Settings):
    """Optimisation: steps, batch sizes, schedule, precision, speed switches."""

    epochs: Number = _f(2.0, "Passes over the train split (fractions allowed).", gt=0)
    max_steps: Int | None = _f(
        None, "Stop after this many optimizer steps (overrides epochs).", gt=0
    )
    global_batch_size: Int = _f(
        16, "Records per optimizer step, the same for every world size.", gt=0
    )
    micro_batch_size: Int = _f(8, "Records per forward pass on one rank.", gt=0)
    learning_rate: Number = _f(1.5e-3, "Peak AdamW learning rate.", gt=0.0, lt=1.0)
    warmup_ratio: Number = _f(0.05, "Fraction of the steps spent in linear warmup.", ge=0, lt=1)
    min_lr_ratio: Number = _f(0.1, "Cosine floor as a fraction of the peak rate.", ge=0, le=1)
    weight_decay: Number = _f(0.0, "AdamW weight decay on the LoRA weights.", ge=0)
    max_grad_norm: Number = _f(1.0, "Gradient clipping norm (0: no clipping).", ge=0)
    seed: Int = _f(0, "Seed for data order, LoRA init and dropout.")
    precision: Literal["auto", "bf16", "fp32"] = _f(
        "auto",
        "Compute precision: auto (bf16 where the hardware has native bf16, else fp32) | bf16 "
        "(autocast) | fp32.",
    )
    activation_checkpointing: Bool = _f(False, "Recompute activations in backward (less memory).")
    response_only_logits: Bool = _f(
        True, "Apply lm_head only where the loss needs it (1.3-1.7x faster on CPU)."
    )
    shared_prefix: Bool = _f(
        True, "Run the prompt prefix all records share once per micro-batch (needs the above)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> TrainSettings:
        if self.micro_batch_size > self.global_batch_size:
            raise ValueError("micro_batch_size must not exceed global_batch_size")
        if self.shared_prefix and not self.response_only_logits:
            raise ValueError("shared_prefix needs response_only_logits")
        if self.shared_prefix and self.activation_checkpointing:
            # Under activation checkpointing transformers turns the KV cache off in training,
            # and the shared prefix is handed to the rows through that cache.
            raise ValueError("shared_prefix cannot be combined with activation_checkpointing")
        return self


class DistributedSettings(Settings):
    """Process group and FSDP2 sharding."""

    backend: Literal["auto", "gloo", "nccl"] = _f(
        "auto", "auto (nccl on GPU, gloo on CPU) | gloo | nccl."
    )
    shard_frozen_base: Bool = _f(
        True, "Shard the frozen base weights too (needed for big models; costs all-gathers)."
    )
    reshard_after_forward: Bool = _f(
        True, "Free gathered weights after forward (less memory, one more all-gather in backward)."
    )
    threads_per_rank: Int = _f(0, "torch threads per rank (0: CPU cores / local ranks).", ge=0)
    collective_timeout_minutes: Int = _f(
        30,
        "How long a rank waits in a collective before failing: rank 0 alone writes and "
        "reload-checks the export, which takes minutes for a 7B base.",
        gt=0,
    )
    shard_single_rank: Bool = _f(
        False,
        "Apply FSDP2 even in a world of one rank. It saves nothing there; it runs the sharded "
        "code path (mixed-precision policy, DTensor checkpoints, gathered export) on a "
        "one-GPU machine.",
    )


class CheckpointSettings(Settings):
    """Resumable DCP checkpoints."""

    every_steps: Int = _f(50, "Save a resumable checkpoint every N steps (and at the end).", gt=0)
    keep_last: Int = _f(2, "How many checkpoints to keep.", gt=0)


class ExportSettings(Settings):
    """Adapter export and its reload check."""

    verify: Bool = _f(True, "Reload the exported adapter and compare keys, shapes and logits.")
    merged: Bool = _f(False, "Also write a merged full model to <out>/merged.")


class TrainConfig(Settings):
    """A whole training profile (``config/train/<profile>.yaml``)."""

    model: ModelSettings = ModelSettings()
    lora: LoraSettings = LoraSettings()
    data: DataSettings = DataSettings()
    train: TrainSettings = TrainSettings()
    distributed: DistributedSettings = DistributedSettings()
    checkpoint: CheckpointSettings = CheckpointSettings()
    export: ExportSettings = ExportSettings()

    @model_validator(mode="after")
    def _dtype_fits_precision(self) -> TrainConfig:
        if self.model.dtype == "bfloat16" and self.train.precision != "bf16":
            raise ValueError(
                "model.dtype bfloat16 needs train.precision bf16 "
                "(fp32 compute over bf16 weights fails, and auto picks fp32 on hardware "
                "without native bf16)"
            )
        return self

    def for_hardware(self, native_bf16: bool) -> TrainConfig:
        """This config with ``auto`` precision and dtype made concrete: bf16 only where the
        hardware computes it natively (a CPU without AVX512-BF16/AMX runs bf16 matmuls ~60x
        slower than fp32), and the frozen base stored in the dtype the compute uses."""
        precision = self.train.precision
        if precision == "auto":
            precision = "bf16" if native_bf16 else "fp32"
        dtype = self.model.dtype
        if dtype == "auto":
            dtype = "bfloat16" if precision == "bf16" else "float32"
        return self.model_copy(
            update={
                "model": self.model.model_copy(update={"dtype": dtype}),
                "train": self.train.model_copy(update={"precision": precision}),
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain nested dict (written next to the run outputs)."""
        return self.model_dump(mode="json")


def profile_path(profile: str) -> Path:
    """YAML file of a named profile, or ``profile`` itself when it is a path to a YAML file."""
    candidate = Path(profile)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        return candidate
    path = TRAIN_CONFIG_DIR / f"{profile}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in TRAIN_CONFIG_DIR.glob("*.yaml"))
        raise ConfigError(f"unknown training profile {profile!r}; known: {', '.join(known)}")
    return path


def load_config(profile: str, overrides: list[str] | dict[str, Any] | None = None) -> TrainConfig:
    """Load a profile and apply ``key=value`` overrides (dotted keys, YAML values)."""
    path = profile_path(profile)
    raw = yaml.safe_load(path.read_text()) or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    for key, value in parse_overrides(overrides).items():
        _set_dotted(raw, key, value)
    return config_from_dict(raw, source=str(path))


def config_from_dict(raw: dict[str, Any], source: str = "config") -> TrainConfig:
    """Build and validate a :class:`TrainConfig` from a nested dict."""
    return build_settings(TrainConfig, raw, source, ConfigError)


def parse_overrides(overrides: list[str] | dict[str, Any] | None) -> dict[str, Any]:
    """``["train.learning_rate=1e-3", ...]`` → ``{"train.learning_rate": 0.001}`` (YAML values)."""
    if not overrides:
        return {}
    if isinstance(overrides, dict):
        return dict(overrides)
    parsed: dict[str, Any] = {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"override {item!r} is not of the form section.key=value")
        parsed[key.strip()] = yaml.safe_load(value) if value.strip() else None
    return parsed


def _set_dotted(raw: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    if len(parts) != 2:
        raise ConfigError(f"override key {key!r} must be section.key (e.g. train.learning_rate)")
    section = raw.setdefault(parts[0], {})
    if not isinstance(section, dict):
        raise ConfigError(f"override {key!r}: {parts[0]!r} is not a section")
    section[parts[1]] = value


def gradient_accumulation(config: TrainConfig, world_size: int) -> int:
    """Micro-batches per rank per step; fails unless world x micro x accum == global batch."""
    t = config.train
    per_step = t.micro_batch_size * world_size
    if t.global_batch_size % per_step:
        raise ConfigError(
            f"train.global_batch_size {t.global_batch_size} is not divisible by "
            f"world size {world_size} x train.micro_batch_size {t.micro_batch_size}; "
            "the global batch must stay the same whatever the world size"
        )
    return t.global_batch_size // per_step
