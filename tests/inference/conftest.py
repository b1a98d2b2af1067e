"""Fixtures: tiny random Mistral, a tiny LoRA adapter, a model dir laid out like model.tar.gz."""

from __future__ import annotations

from pathlib import Path

import pytest

from quantreason.models import TINY_RANDOM, resolve_model

SERVING_ENV = {
    "QUANTREASON_BASE_MODEL": TINY_RANDOM,
    "QUANTREASON_DEFAULT_NEW_TOKENS": "12",  # keep generation short: the model is random
    "QUANTREASON_MAX_BATCH": "4",
    "QUANTREASON_MAX_QUESTION_CHARS": "300",
    "QUANTREASON_MAX_BODY_BYTES": "4096",
}


@pytest.fixture(scope="session")
def tiny_base() -> str:
    """Path of the tiny random Mistral checkpoint (built in ~2 s on first use)."""
    return resolve_model(TINY_RANDOM)


@pytest.fixture(scope="session")
def tiny_adapter(tiny_base: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LoRA adapter with non-zero weights (so that it changes the model) saved by PEFT."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(1)
    model = AutoModelForCausalLM.from_pretrained(tiny_base, dtype=torch.float32)
    config = LoraConfig(
        r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False
    )
    peft_model = get_peft_model(model, config)
    out = tmp_path_factory.mktemp("adapter") / "adapter"
    peft_model.save_pretrained(out)
    return out


@pytest.fixture
def serving_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment of the serving container, pointed at the tiny model."""
    monkeypatch.delenv("HF_MODEL_ID", raising=False)
    for key, value in SERVING_ENV.items():
        monkeypatch.setenv(key, value)
    return SERVING_ENV
