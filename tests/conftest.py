"""Fixtures shared across areas: the tiny random Mistral and a LoRA adapter for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from quantreason.models import TINY_RANDOM, resolve_model

# Derandomised by default so a fresh-clone CI run draws the same examples every time
# (.hypothesis/ is not committed); HYPOTHESIS_PROFILE=explore searches afresh.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def tiny_base() -> str:
    """Path of the tiny random Mistral checkpoint (built in ~2 s on first use)."""
    return resolve_model(TINY_RANDOM)


@pytest.fixture(scope="session")
def tiny_adapter(tiny_base: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LoRA adapter with non-zero weights (so that fine-tuned != base), saved by PEFT."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(1)
    model = AutoModelForCausalLM.from_pretrained(tiny_base, dtype=torch.float32)
    config = LoraConfig(
        r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False
    )
    out = tmp_path_factory.mktemp("adapter") / "adapter"
    get_peft_model(model, config).save_pretrained(out)
    return out
