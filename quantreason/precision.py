"""Which number format a device computes fast: one rule for training (``precision: auto``),
evaluation and serving.

bf16 pays only where the hardware has it: a GPU that supports it, or a CPU with AVX512-BF16 or
AMX. Elsewhere (an AVX2-only CPU) torch emulates bf16 matmuls: 1.3 vs 82 GFLOP/s for fp32 on one
AVX2 core (a 512x576x1536 matmul, torch 2.13).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    import torch

Precision = Literal["auto", "fp32", "bf16"]
PRECISIONS: tuple[str, ...] = get_args(Precision)
# fp32 unless told otherwise: figures reproduce across machines (bf16 changes a few % of greedy
# outputs); the `full` pipeline profile asks for `auto`.
DEFAULT_PRECISION: Precision = "fp32"


def native_bf16(device: torch.device) -> bool:
    """Whether ``device`` computes bf16 natively (see the module docstring)."""
    import torch

    if device.type == "cuda":
        return bool(torch.cuda.is_bf16_supported())
    return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())


def inference_dtype(precision: str, device: str = "cpu") -> torch.dtype:
    """The weights' dtype for generation: ``fp32``, ``bf16``, or ``auto`` (bf16 where the
    device computes it natively, else fp32). A bad name is a ``ValueError``."""
    import torch

    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    if precision == "auto":
        precision = "bf16" if native_bf16(torch.device(device)) else "fp32"
    return torch.bfloat16 if precision == "bf16" else torch.float32
