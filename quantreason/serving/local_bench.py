"""The local benchmark the pipeline runs: serve on loopback, measure, write bench.json + bench.png.

The server runs in this process (one model in memory, loaded once) on a free loopback port.
Measurements, in order, each bounded in count and time:

1. serving overhead: for the same questions, raw ``generate`` and one request to the endpoint
   in pairs, first one then the other first (pairs keep a shared machine's load changes out of
   the comparison; swapping removes the second call's warm-cache advantage); the endpoint must
   also give the same completions as raw ``generate``;
2. load levels at each concurrency (:func:`quantreason.serving.bench.run_benchmark`), the
   server batching concurrent requests (:mod:`quantreason.serving.batching`);
3. decode speed at batch 1 against the memory-bandwidth limit, with the server stopped.
"""

from __future__ import annotations

import json
import logging
import platform
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quantreason.generation import DEFAULT_MAX_NEW_TOKENS
from quantreason.precision import DEFAULT_PRECISION
from quantreason.serving.bench import DEFAULT_CONCURRENCIES, run_benchmark, write_result
from quantreason.serving.invokers import HttpInvoker, Invoke
from quantreason.serving.predictor import Predictor, find_adapter, load_predictor
from quantreason.serving.protocol import request_body
from quantreason.serving.settings import BatchSettings, Limits, ServingSettings

log = logging.getLogger(__name__)


def measure_overhead(
    predictor: Predictor, invoke: Invoke, questions: Sequence[str], max_new_tokens: int
) -> dict[str, Any]:
    """Mean latency of raw ``generate`` vs the endpoint for the same questions, alternating."""
    import numpy as np

    from quantreason.generation import generate

    # Untimed first pair: this thread's first generate pays one-off costs (thread pools,
    # allocations) that the server's worker already paid in its warm-up (measured: 3x slower).
    generate(predictor.unbatched, questions[:1], max_new_tokens=max_new_tokens, batch_size=1)
    invoke(request_body(questions[0], max_new_tokens))
    raw_times, endpoint_times, same = [], [], True
    for index, question in enumerate(questions):
        # Alternate which goes first: the second call of a pair finds warm caches/allocations.
        order = ("raw", "endpoint") if index % 2 == 0 else ("endpoint", "raw")
        for kind in order:
            began = time.perf_counter()
            if kind == "raw":
                raw = generate(
                    predictor.unbatched, [question], max_new_tokens=max_new_tokens, batch_size=1
                )
                raw_times.append(time.perf_counter() - began)
            else:
                status, payload = invoke(request_body(question, max_new_tokens))
                endpoint_times.append(time.perf_counter() - began)
        if status != 200 or json.loads(payload).get("completion") != raw[0]:
            same = False
    raw_mean = float(np.mean(raw_times))
    endpoint_mean = float(np.mean(endpoint_times))
    # Per-pair ratios: the median resists a neighbour's burst of load hitting one call.
    ratios = np.array(endpoint_times) / np.array(raw_times)
    return {
        "questions": len(questions),
        "raw_generate_mean_s": raw_mean,
        "endpoint_mean_s": endpoint_mean,
        "overhead_pct": 100 * (endpoint_mean - raw_mean) / raw_mean,
        "overhead_pct_median_pair": 100 * (float(np.median(ratios)) - 1),
        "same_completions": same,
    }


def run_local_benchmark(
    base: str,
    adapter: str | Path | None,
    questions: Sequence[str],
    out_dir: str | Path,
    concurrencies: Sequence[int] = DEFAULT_CONCURRENCIES,
    requests: int = 16,
    *,
    max_duration_s: float = 120.0,
    max_new_tokens: int = DEFAULT_MAX_NEW_TOKENS,
    overhead_questions: int = 6,
    decode: bool = True,
    progress: bool = True,
    batching: bool = True,
    task_classifier: Path | None = None,
    precision: str = DEFAULT_PRECISION,
) -> dict[str, Any]:
    """Benchmark ``base`` (model spec) + ``adapter`` served locally; returns bench.json's dict.

    ``requests`` is the request count per concurrency level (each level also stops starting
    requests after ``max_duration_s``). ``batching=False`` serves one request at a time (the
    comparison the batcher has to win). ``precision``: the served weights' format (as
    ``QUANTREASON_PRECISION``). Writes ``out_dir/bench.json`` and ``out_dir/bench.png``.
    """
    from quantreason.serving.http_app import create_app
    from quantreason.serving.local_server import running_server

    if not questions:
        raise ValueError("no questions to benchmark with")
    if adapter is not None and find_adapter(adapter) is None:
        raise ValueError(f"{adapter} is not a PEFT adapter directory (no adapter_config.json)")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    limits = Limits(max_new_tokens_limit=max(256, max_new_tokens))
    batch = BatchSettings(enabled=batching, max_sequences=max(16, max(concurrencies)))
    settings = ServingSettings(base_model=base, limits=limits, batching=batch, precision=precision)
    predictor = load_predictor(adapter, settings, task_classifier)
    # The queue holds every concurrent request: the benchmark measures latency, not 503s.
    app = create_app(lambda: predictor, limits=limits, max_pending=max(concurrencies) + 1)
    with running_server(app) as url:
        invoker = HttpInvoker(url)
        try:
            overhead = measure_overhead(
                predictor, invoker, questions[:overhead_questions], max_new_tokens
            )
            levels = run_benchmark(
                invoker,
                questions,
                concurrencies,
                requests_per_level=requests,
                max_duration_s=max_duration_s,
                max_new_tokens=max_new_tokens,
                progress=progress,
            )
        finally:
            invoker.close()
    result: dict[str, Any] = {
        "title": f"{base} + {predictor.adapter_name or 'no adapter'} (local, CPU)",
        "target": "local",
        "model": base,
        "adapter": predictor.adapter_name,
        "max_new_tokens": max_new_tokens,
        "requests_per_level": requests,
        "batching": {"enabled": batch.enabled, "max_sequences": batch.max_sequences},
        "machine": {"platform": platform.platform(), "processor": platform.processor()},
        "overhead": overhead,
        "levels": levels,
    }
    if decode:
        from quantreason.serving.decode import measure_decode

        result["decode"] = measure_decode(predictor.unbatched, questions[0])
    return write_result(result, out_dir)
