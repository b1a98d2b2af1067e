"""Decode speed at batch 1 against its physical limit.

Generating one token at batch 1 reads every weight once, so
``tokens/s <= memory bandwidth / weight bytes``. We measure the bandwidth (a large tensor sum,
with torch's current thread count, i.e. what generation uses), the weight bytes, and the decode
rate of each variant transformers/torch offer without changing the answers: the default
dynamic KV cache, a static KV cache, a static cache with transformers' ``torch.compile`` of the
decode step, and bf16 weights (half the bytes). A variant only counts if it produces exactly
the same tokens as the default.

Decode time is isolated from prefill by timing the steps after the first token (a stopping
criterion that records the time at each step), with ``min_new_tokens`` forcing N tokens.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quantreason.generation import LoadedModel

log = logging.getLogger(__name__)

BANDWIDTH_TENSOR_MB = 512
VARIANTS = ("dynamic-cache", "static-cache", "static-cache+compile", "bf16-weights")


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


def _variant(model: Any, variant: str) -> tuple[Any, dict[str, Any]]:
    """(model to run, generate() keyword arguments) for a variant; the input model is unchanged."""
    if variant == "dynamic-cache":
        return model, {}
    if variant == "static-cache":
        return model, {"cache_implementation": "static"}
    if variant == "static-cache+compile":
        from transformers import CompileConfig

        # transformers' own auto-compile of the decode step; it only turns itself on for GPUs
        # unless told otherwise. "default" mode: CUDA graphs ("reduce-overhead") do not exist here.
        config = CompileConfig(mode="default", fullgraph=False)
        config._compile_all_devices = True
        return model, {"cache_implementation": "static", "compile_config": config}
    if variant == "bf16-weights":
        import copy

        import torch

        # Half the bytes to read per token; kept only if the greedy tokens stay the same.
        return copy.deepcopy(model).to(torch.bfloat16), {}
    raise ValueError(f"unknown decode variant {variant!r}; known: {', '.join(VARIANTS)}")


def _decode_times(model: Any, pad_id: int, encoded: Any, tokens: int, kwargs: dict) -> tuple:
    """(timestamps after each generated token, token ids) of one greedy generate call."""
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    stamps: list[float] = []

    class Clock(StoppingCriteria):
        # Called once per generated token: the gaps between calls are the decode steps.
        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            stamps.append(time.perf_counter())
            return torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)

    with torch.inference_mode():
        out = model.generate(
            **encoded,
            max_new_tokens=tokens,
            min_new_tokens=tokens,
            do_sample=False,
            pad_token_id=pad_id,
            stopping_criteria=StoppingCriteriaList([Clock()]),
            **kwargs,
        )
    return stamps, out[0, encoded["input_ids"].shape[1] :].tolist()


def decode_rate(
    loaded: LoadedModel, question: str, new_tokens: int, variant: str, repeats: int = 2
) -> tuple[float, list[int]]:
    """(decode tokens/s at batch 1, generated token ids) for one variant.

    The first token comes from the prefill; decode speed is the rate of the tokens after it,
    timed between generation steps (best of ``repeats`` after one warm-up/compile run).
    """
    from quantreason.generation import encode_prompts

    if new_tokens < 3:
        raise ValueError("new_tokens must be at least 3")
    encoded = loaded.tokenizer(
        encode_prompts(loaded.tokenizer, [question]), return_tensors="pt", add_special_tokens=False
    ).to(loaded.model.device)  # on a GPU, not copied over at every step
    model, kwargs = _variant(loaded.model, variant)
    pad_id = loaded.tokenizer.pad_token_id
    _decode_times(model, pad_id, encoded, new_tokens, kwargs)  # warm-up (and compilation)
    best = 0.0
    tokens: list[int] = []
    for _ in range(repeats):
        stamps, tokens = _decode_times(model, pad_id, encoded, new_tokens, kwargs)
        if len(stamps) < 2 or stamps[-1] <= stamps[0]:
            raise RuntimeError("generation produced too few timed steps")
        best = max(best, (len(stamps) - 1) / (stamps[-1] - stamps[0]))
    return best, tokens


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
