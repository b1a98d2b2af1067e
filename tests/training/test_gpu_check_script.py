"""scripts/gpu_check.py, the helpers of the one-GPU check: the parts that run on any machine."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from quantreason.paths import REPO_ROOT


@pytest.fixture(scope="module")
def gpu_check():
    spec = importlib.util.spec_from_file_location("gpu_check", REPO_ROOT / "scripts/gpu_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_log(path: Path, losses: dict[int, float]) -> Path:
    path.write_text("".join(json.dumps({"step": s, "loss": v}) + "\n" for s, v in losses.items()))
    return path


def test_resume_comparison_reads_only_the_steps_after_the_checkpoint(gpu_check, tmp_path):
    full = write_log(tmp_path / "full.jsonl", {1: 9.0, 2: 5.0, 3: 4.0, 4: 2.0})
    # The killed run logged step 3 before dying; the restart rewrote it and went on.
    resumed = tmp_path / "resumed.jsonl"
    write_log(resumed, {1: 9.0, 2: 5.0, 3: 4.4})
    with resumed.open("a") as f:
        f.write(json.dumps({"step": 3, "loss": 4.0}) + "\n" + json.dumps({"step": 4, "loss": 2.1}))
    result = gpu_check.resume_agrees(full, resumed, from_step=2)
    assert result["steps_compared"] == 2 and result["missing_steps"] == []
    assert result["worst_relative_loss_difference"] == pytest.approx(0.05)
    short = write_log(tmp_path / "short.jsonl", {1: 9.0, 2: 5.0, 3: 4.0})
    assert gpu_check.resume_agrees(full, short, from_step=2)["missing_steps"] == [4]


def test_random_base_keeps_the_tokenizer_and_takes_config_overrides(gpu_check, tmp_path):
    from transformers import AutoConfig, AutoTokenizer

    from quantreason.models import resolve_model

    source = Path(resolve_model("tiny-random"))
    result = gpu_check.random_base(source, tmp_path / "base", ["num_hidden_layers=1"])
    assert AutoConfig.from_pretrained(tmp_path / "base").num_hidden_layers == 1
    text = "What is 2 + 2?"
    built = AutoTokenizer.from_pretrained(tmp_path / "base")
    assert built(text)["input_ids"] == AutoTokenizer.from_pretrained(source)(text)["input_ids"]
    assert built.chat_template and any((tmp_path / "base").glob("*.safetensors"))
    assert result["parameters"] > 0
