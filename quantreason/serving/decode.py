"""Decode speed at batch 1 against its physical limit.

Generating one token at batch 1 reads every weight once, so
``tokens/s <= memory bandwidth / weight bytes``. We measure the bandwidth (a large tensor sum,
with torch's current thread count, i.e. what generation uses), the weight bytes, and the decode
rate of each variant transformers/torch offer without changing the answers: the default
dynamic KV cache, a static KV cache, and a static cache with ``torch.compile``. A variant only
counts if it produces exactly the same tokens as the default.

Decode time is isolated from prefill: ``(N - 1) / (t(N tokens) - t(1 token))`` with
``min_new_tokens`` forcing exactly N tokens.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quantreason.generation import LoadedModel

log = logging.getLogger(__name__)

BANDWIDTH_TENSOR_MB = 512
VARIANTS = ("dynamic-cache", "static-cache", "static-cache+compile")


def measure_bandwidth_gbs(size_mb: int = BANDWIDTH_TENSOR_MB, repeats: int = 5) -> float:
    """Best-of-``repeats`` read bandwidth in GB/s (sum over a tensor far larger than caches)."""
    import torch

    data = torch.ones(size_mb * 2**20 // 4, dtype=torch.float32)
    data.sum()  # page the memory in
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        data.sum()
        best = min(best, time.perf_counter() - start)
    return data.numel() * data.element_size() / best / 1e9


def weight_bytes(model: Any) -> int:
    """Bytes of the model's parameters (tied weights counted once, as they are read once)."""
    return sum(p.numel() * p.element_size() for p in model.parameters())


def _variant_kwargs(model: Any, variant: str) -> tuple[dict[str, Any], Callable[[], None]]:
    """generate() keyword arguments for a variant, and how to undo any change to the model."""
    if variant == "dynamic-cache":
        return {}, lambda: None
    if variant == "static-cache":
        return {"cache_implementation": "static"}, lambda: None
    if variant == "static-cache+compile":
        import torch

        original = model.forward
        model.forward = torch.compile(original, dynamic=False)

        def undo() -> None:
            model.forward = original

        return {"cache_implementation": "static"}, undo
    raise ValueError(f"unknown decode variant {variant!r}; known: {', '.join(VARIANTS)}")


def _timed_generate(loaded: LoadedModel, encoded: Any, tokens: int, kwargs: dict) -> tuple:
    import torch

    start = time.perf_counter()
    with torch.inference_mode():
        out = loaded.model.generate(
            **encoded,
            max_new_tokens=tokens,
            min_new_tokens=tokens,
            do_sample=False,
            pad_token_id=loaded.tokenizer.pad_token_id,
            **kwargs,
        )
    return time.perf_counter() - start, out[0, encoded["input_ids"].shape[1] :].tolist()


def decode_rate(
    loaded: LoadedModel, question: str, new_tokens: int, variant: str, repeats: int = 2
) -> tuple[float, list[int]]:
    """(decode tokens/s at batch 1, generated token ids) for one variant."""
    from quantreason.generation import encode_prompts

    if new_tokens < 2:
        raise ValueError("new_tokens must be at least 2")
    encoded = loaded.tokenizer(
        encode_prompts(loaded.tokenizer, [question]), return_tensors="pt", add_special_tokens=False
    )
    kwargs, undo = _variant_kwargs(loaded.model, variant)
    try:
        _timed_generate(loaded, encoded, new_tokens, kwargs)  # warm-up (and compilation)
        best = float("inf")
        tokens: list[int] = []
        for _ in range(repeats):
            prefill, _ = _timed_generate(loaded, encoded, 1, kwargs)
            total, tokens = _timed_generate(loaded, encoded, new_tokens, kwargs)
            best = min(best, max(total - prefill, 1e-9))
    finally:
        undo()
    return (new_tokens - 1) / best, tokens


def measure_decode(
    loaded: LoadedModel,
    question: str,
    *,
    new_tokens: int = 48,
    variants: tuple[str, ...] = VARIANTS,
    bandwidth_gbs: float | None = None,
) -> dict[str, Any]:
    """Decode rate of each variant vs the bandwidth limit; the best variant with same tokens."""
    bandwidth = bandwidth_gbs or measure_bandwidth_gbs()
    size = weight_bytes(loaded.model)
    limit = bandwidth * 1e9 / size
    results: list[dict[str, Any]] = []
    reference: list[int] | None = None
    for variant in variants:
        try:
            rate, tokens = decode_rate(loaded, question, new_tokens, variant)
        except Exception as err:  # e.g. no C++ compiler for torch.compile: report, go on
            log.warning("decode variant %s failed: %s", variant, err)
            results.append({"variant": variant, "error": f"{type(err).__name__}: {err}"})
            continue
        reference = tokens if reference is None else reference
        results.append(
            {
                "variant": variant,
                "tokens_per_s": rate,
                "fraction_of_limit": rate / limit,
                "same_tokens": tokens == reference,
            }
        )
        log.info("decode %s: %.1f tok/s (%.0f %% of limit)", variant, rate, 100 * rate / limit)
    usable = [r for r in results if r.get("same_tokens")]
    best = max(usable, key=lambda r: r["tokens_per_s"]) if usable else None
    return {
        "bandwidth_gbs": bandwidth,
        "weight_bytes": size,
        "limit_tokens_per_s": limit,
        "new_tokens": new_tokens,
        "variants": results,
        "best_variant": best["variant"] if best else None,
        "best_fraction_of_limit": best["fraction_of_limit"] if best else None,
    }
