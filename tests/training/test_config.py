"""Training config: every profile loads; unknown keys, bad values and bad overrides fail clearly."""

from __future__ import annotations

import pytest

from quantreason.training.config import (
    TRAIN_CONFIG_DIR,
    ConfigError,
    config_from_dict,
    gradient_accumulation,
    load_config,
    parse_overrides,
)

PROFILES = ["tiny", "local-quick", "local", "cloud-g5.12xlarge"]


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_loads_and_opens_with_its_command(profile: str) -> None:
    config = load_config(profile)
    assert config.lora.r > 0
    first_line = (TRAIN_CONFIG_DIR / f"{profile}.yaml").read_text().splitlines()[0]
    assert first_line.startswith("# ") and f"--profile {profile}" in first_line


def test_cloud_profile_trains_mistral_in_bf16_with_fsdp_sharding() -> None:
    config = load_config("cloud-g5.12xlarge")
    assert config.model.name == "mistralai/Mistral-7B-Instruct-v0.3"
    assert config.train.precision == "bf16"
    assert config.distributed.shard_frozen_base  # 7B: the base must be sharded too


@pytest.mark.parametrize(
    ("native", "precision", "dtype"), [(True, "bf16", "bfloat16"), (False, "fp32", "float32")]
)
def test_auto_precision_is_bf16_only_where_the_hardware_has_it(
    native: bool, precision: str, dtype: str
) -> None:
    config = load_config("local")  # auto precision and dtype: the pipeline's profile
    assert (config.train.precision, config.model.dtype) == ("auto", "auto")
    resolved = config.for_hardware(native_bf16=native)
    assert (resolved.train.precision, resolved.model.dtype) == (precision, dtype)
    assert resolved.lora == config.lora  # nothing else changes


def test_explicit_precision_is_kept_on_any_hardware() -> None:
    cloud = load_config("cloud-g5.12xlarge").for_hardware(native_bf16=False)
    assert (cloud.train.precision, cloud.model.dtype) == ("bf16", "bfloat16")
    tiny = load_config("tiny", ["model.dtype=auto"]).for_hardware(native_bf16=True)
    assert (tiny.train.precision, tiny.model.dtype) == ("fp32", "float32")


def test_overrides_are_typed_and_win() -> None:
    config = load_config("tiny", ["train.learning_rate=1e-4", "lora.target_modules=[q_proj]"])
    assert config.train.learning_rate == pytest.approx(1e-4)
    assert config.lora.target_modules == ["q_proj"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (["train.learnin_rate=1e-3"], "train.learnin_rate: unknown key (allowed: epochs,"),
        (["trian.epochs=1"], "trian: unknown key (allowed: model, lora"),
        (["train.epochs=-1"], "train.epochs: Input should be greater than 0, got -1"),
        (["train.precision=fp16"], "train.precision: Input should be 'auto', 'bf16' or 'fp32'"),
        (["train.micro_batch_size=two"], "Input should be a valid integer, got 'two'"),
        (["train.micro_batch_size=true"], "Input should be a valid integer, got True"),
        (["train.micro_batch_size=16"], "train: micro_batch_size must not exceed global_batch"),
        (["lora.dropout=1.5"], "lora.dropout: Input should be less than 1"),
        (["lora.alpha=0.5"], "lora.alpha: Input should be a valid integer"),
        (["model.dtype=bfloat16", "train.precision=fp32"], "needs train.precision bf16"),
        (["model.dtype=bfloat16", "train.precision=auto"], "needs train.precision bf16"),
        (
            ["train.shared_prefix=true", "train.activation_checkpointing=true"],
            "train: shared_prefix cannot be combined with activation_checkpointing",
        ),
        (["train.epochs"], "section.key=value"),
        (["epochs=1"], "must be section.key"),
    ],
)
def test_bad_values_fail_with_one_clear_message(overrides: list[str], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config("tiny", overrides)
    assert message in str(info.value)


def test_several_problems_are_reported_together() -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict({"train": {"epochs": 0, "global_batch_size": 0}})
    assert "train.epochs" in str(info.value) and "train.global_batch_size" in str(info.value)


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"known: .*local"):
        load_config("nonexistent-profile")


def test_global_batch_is_kept_whatever_the_world_size() -> None:
    config = load_config("tiny")  # global 8, micro 4
    assert gradient_accumulation(config, 1) == 2
    assert gradient_accumulation(config, 2) == 1
    with pytest.raises(ConfigError, match="not divisible by world size 3"):
        gradient_accumulation(config, 3)


def test_parse_overrides_reads_yaml_values() -> None:
    assert parse_overrides(["a.b=true", "a.c=3", "a.d=x"]) == {"a.b": True, "a.c": 3, "a.d": "x"}
