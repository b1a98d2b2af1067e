"""Which weights' format generation uses (quantreason.precision)."""

from __future__ import annotations

import pytest
import torch

from quantreason import precision
from quantreason.precision import inference_dtype


@pytest.mark.parametrize(("native", "expected"), [(True, torch.bfloat16), (False, torch.float32)])
def test_auto_is_bf16_only_where_the_cpu_computes_it_natively(
    monkeypatch: pytest.MonkeyPatch, native: bool, expected: torch.dtype
) -> None:
    monkeypatch.setattr(precision, "native_bf16", lambda device: native)
    assert inference_dtype("auto") is expected
    # an explicit choice is taken as given, whatever the hardware
    assert inference_dtype("fp32") is torch.float32
    assert inference_dtype("bf16") is torch.bfloat16


def test_cpu_bf16_support_is_read_from_the_instruction_sets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cpu = torch.device("cpu")
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False)
    assert precision.native_bf16(cpu) is False
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: True)
    assert precision.native_bf16(cpu) is True


def test_an_unknown_precision_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="precision must be one of auto, fp32, bf16, got 'fp16'"):
        inference_dtype("fp16")
