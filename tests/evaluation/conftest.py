"""Fixtures: the tiny random Mistral, a LoRA adapter for it, and small question files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quantreason.models import TINY_RANDOM, resolve_model


@pytest.fixture(scope="session")
def tiny_base() -> str:
    """Path of the tiny random Mistral checkpoint (built in ~2 s on first use)."""
    return resolve_model(TINY_RANDOM)


@pytest.fixture(scope="session")
def tiny_adapter(tiny_base: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LoRA adapter with non-zero weights, saved by PEFT, so that fine-tuned != base."""
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


QUESTIONS = [
    {"id": "q1", "family": "cagr", "question": "Grew 100 to 121 in 2 years; CAGR?",
     "answer": 10.0, "unit": "percent"},
    {"id": "q2", "family": "cagr", "question": "Grew 200 to 242 in 2 years; CAGR?",
     "answer": 10.0, "unit": "percent"},
    {"id": "q3", "family": "beta", "question": "Cov 0.02, market var 0.01; beta?",
     "answer": 2.0, "unit": "ratio"},
]  # fmt: skip


@pytest.fixture
def questions_file(tmp_path: Path) -> Path:
    """A valid external JSONL question file with two families."""
    path = tmp_path / "mine.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in QUESTIONS))
    return path
