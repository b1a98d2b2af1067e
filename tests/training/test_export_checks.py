"""The export check catches the known traps: a rank's slice saved, empty tensors, lost keys."""

from __future__ import annotations

import pytest
import torch

from quantreason.training.export import ExportError, check_tensors

SHAPES = {"layer.lora_A.weight": (8, 64), "layer.lora_B.weight": (64, 8)}


def good() -> dict[str, torch.Tensor]:
    return {"layer.lora_A.weight": torch.ones(8, 64), "layer.lora_B.weight": torch.ones(64, 8)}


def test_full_tensors_pass() -> None:
    check_tensors(good(), SHAPES, trained=True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.update({"layer.lora_A.weight": torch.ones(4, 64)}), "a rank's slice"),
        (lambda t: t.update({"layer.lora_B.weight": torch.empty(0)}), "is empty"),
        (lambda t: t.pop("layer.lora_B.weight"), "keys differ"),
        (lambda t: t.update({"layer.lora_B.weight": torch.zeros(64, 8)}), "carries no training"),
    ],
)
def test_broken_exports_fail_loudly(change, message) -> None:
    tensors = good()
    change(tensors)
    with pytest.raises(ExportError, match=message):
        check_tensors(tensors, SHAPES, trained=True)


@pytest.fixture(scope="module")
def saved_adapter(tmp_path_factory):
    """A LoRA adapter on the tiny model with non-zero B, saved; its tensors and logits."""
    from peft import LoraConfig, get_peft_model, get_peft_model_state_dict
    from transformers import AutoModelForCausalLM

    from quantreason.models import resolve_model

    path = resolve_model("tiny-random")
    torch.manual_seed(0)
    model = get_peft_model(
        AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32),
        LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"]),
    )
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 0.05)
    model.eval()
    out = tmp_path_factory.mktemp("adapter")
    model.save_pretrained(out)
    batch = {"input_ids": torch.tensor([[5, 17, 42, 99]]), "attention_mask": torch.ones(1, 4)}
    with torch.no_grad():
        logits = model(**batch).logits.float()
    tensors = {k: v.detach().clone() for k, v in get_peft_model_state_dict(model).items()}
    return out, path, tensors, logits, batch


def test_reload_check_passes_a_faithful_export_and_names_a_changed_tensor(saved_adapter) -> None:
    from contextlib import nullcontext

    from quantreason.training.export import verify_reload

    out, path, tensors, logits, batch = saved_adapter
    args = (torch.float32, "fp32", nullcontext())
    # The model is moved to `device` for the logits; the tensors are compared on the host first.
    error = verify_reload(out, path, tensors, logits, batch, *args, device=torch.device("cpu"))
    assert error < 1e-5
    key = next(k for k in tensors if "lora_B" in k)
    changed = {**tensors, key: tensors[key] + 0.01}
    with pytest.raises(ExportError, match="differs after reload"):
        verify_reload(out, path, changed, logits, batch, *args, device=torch.device("cpu"))
