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
