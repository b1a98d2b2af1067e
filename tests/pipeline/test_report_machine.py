"""The report's machine line names the CPU's vector extension and whether it computes bf16
natively, by the rule training's ``precision: auto`` follows."""

import pytest

from quantreason.pipeline.report import machine_description, vector_extensions
from quantreason.precision import native_bf16


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({"fma", "avx2"}, "AVX2"),
        ({"avx2", "avx512f", "avx512_bf16"}, "AVX-512"),
        ({"sse4_2"}, "no AVX2"),
        (set(), ""),
    ],
)
def test_vector_extensions_name_the_widest(flags: set[str], expected: str) -> None:
    assert vector_extensions(flags) == expected


def test_the_machine_line_says_what_training_precision_auto_sees() -> None:
    import torch

    native = native_bf16(torch.device("cpu"))
    line = machine_description()
    assert ("native bf16" in line) and (("no native bf16" in line) != native)
