"""The report's machine line says whether the CPU computes bf16 natively (training's
``precision: auto`` follows the same hardware fact)."""

import pytest

from quantreason.pipeline.report import vector_extensions


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({"fma", "avx2"}, "AVX2, no native bf16"),
        ({"avx2", "avx512f"}, "AVX-512, no native bf16"),
        ({"avx2", "avx512f", "avx512_bf16"}, "AVX-512, native bf16"),
        ({"avx2", "avx512f", "amx_bf16", "amx_tile"}, "AVX-512, native bf16"),
        ({"sse4_2"}, "no AVX2, no native bf16"),
        (set(), ""),
    ],
)
def test_vector_extensions_name_the_widest_and_native_bf16(flags: set[str], expected: str) -> None:
    assert vector_extensions(flags) == expected
