"""Load benchmark: latency percentiles, throughput and errors at several concurrencies.

A level runs ``concurrency`` closed-loop clients (each sends its next request when the last one
is answered) through any :data:`~quantreason.serving.invokers.Invoke` — the local endpoint over
HTTP or a SageMaker endpoint (:mod:`quantreason.serving.invokers`). Every level is bounded by
a request count *and* a duration. Percentiles are numpy's (linear interpolation).

``scaling`` in the result compares each level with concurrency 1: how much throughput grew and
how the p95 latency compares with a lone request's p50 (the goal of issue 15: at concurrency 8,
throughput >= 4x and p95 <= 3x).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from quantreason.serving.invokers import REQUEST_TIMEOUT_S, Invoke
from quantreason.serving.protocol import request_body

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCIES = (1, 2, 4, 8, 16)
Sample = tuple[int, float, int | None]  # (status, latency s, output tokens)


def output_tokens(payload: bytes) -> int | None:
    """Sum of ``output_tokens`` over the records of a response, None if it has none."""
    try:
        document = json.loads(payload)
    except ValueError:
        return None
    records = document if isinstance(document, list) else [document]
    counts = [r.get("output_tokens") for r in records if isinstance(r, dict)]
    return sum(counts) if counts and all(isinstance(c, int) for c in counts) else None


def run_level(
    invoke: Invoke,
    questions: Sequence[str],
    concurrency: int,
    *,
    max_requests: int,
    max_duration_s: float,
    max_new_tokens: int,
    on_request: Callable[[], Any] | None = None,
) -> dict[str, Any]:
    """Send up to ``max_requests`` requests from ``concurrency`` clients, for at most
    ``max_duration_s`` (no new request starts after that); statistics of the level."""
    if concurrency < 1 or max_requests < 1 or max_duration_s <= 0 or not questions:
        raise ValueError("need concurrency >= 1, max_requests >= 1, a duration and questions")
    lock = threading.Lock()
    issued = 0
    start = time.monotonic()
    deadline = start + max_duration_s

    def next_index() -> int | None:
        nonlocal issued
        with lock:
            if issued >= max_requests or time.monotonic() >= deadline:
                return None
            issued += 1
            return issued - 1

    def client() -> list[Sample]:
        samples: list[Sample] = []
        while (index := next_index()) is not None:
            body = request_body(questions[index % len(questions)], max_new_tokens)
            began = time.perf_counter()
            try:
                status, payload = invoke(body)
            except Exception as err:  # a broken client must not hang the benchmark
                status, payload = 0, repr(err).encode()
            elapsed = time.perf_counter() - began
            samples.append((status, elapsed, output_tokens(payload) if status == 200 else None))
            if on_request is not None:
                on_request()
        return samples

    with ThreadPoolExecutor(concurrency, thread_name_prefix="client") as pool:
        clients = [pool.submit(client) for _ in range(concurrency)]
        samples = [s for c in clients for s in c.result(max_duration_s + REQUEST_TIMEOUT_S)]
    return level_stats(concurrency, samples, time.monotonic() - start)


def level_stats(concurrency: int, samples: Sequence[Sample], wall_s: float) -> dict[str, Any]:
    """Statistics of one level from (status, latency s, output tokens) samples."""
    import numpy as np

    ok = [s for s in samples if s[0] == 200]
    latencies = np.array([s[1] for s in ok])
    tokens = [s[2] for s in ok if s[2] is not None]
    stats: dict[str, Any] = {
        "concurrency": concurrency,
        "requests": len(samples),
        "ok": len(ok),
        "errors": len(samples) - len(ok),
        "error_rate": (len(samples) - len(ok)) / len(samples) if samples else 0.0,
        "status_counts": {str(k): v for k, v in sorted(Counter(s[0] for s in samples).items())},
        "duration_s": wall_s,
        "throughput_rps": len(ok) / wall_s if wall_s > 0 else 0.0,
        "latency_s": None,
        "output_tokens_mean": float(np.mean(tokens)) if tokens else None,
        "output_tokens_per_s": sum(tokens) / wall_s if tokens and wall_s > 0 else None,
    }
    if latencies.size:
        p50, p95, p99 = np.percentile(latencies, [50, 95, 99])
        stats["latency_s"] = {
            "p50": float(p50),
            "p95": float(p95),
            "p99": float(p99),
            "mean": float(latencies.mean()),
            "max": float(latencies.max()),
        }
    return stats


def scaling(levels: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per level: throughput over concurrency 1's, and p95 over concurrency 1's p50."""
    base = next((lv for lv in levels if lv["concurrency"] == 1 and lv["latency_s"]), None)
    if base is None or not base["throughput_rps"]:
        return []
    return [
        {
            "concurrency": level["concurrency"],
            "throughput_x": level["throughput_rps"] / base["throughput_rps"],
            "p95_over_single_p50": level["latency_s"]["p95"] / base["latency_s"]["p50"],
        }
        for level in levels
        if level["latency_s"]
    ]


def run_benchmark(
    invoke: Invoke,
    questions: Sequence[str],
    concurrencies: Sequence[int],
    *,
    requests_per_level: int,
    max_duration_s: float,
    max_new_tokens: int,
    progress: bool = True,
) -> list[dict[str, Any]]:
    """:func:`run_level` for each concurrency, with a progress bar."""
    from rich.progress import Progress

    levels = []
    with Progress(disable=not progress, transient=True) as bar:
        for concurrency in concurrencies:
            task = bar.add_task(f"concurrency {concurrency}", total=requests_per_level)
            levels.append(
                run_level(
                    invoke,
                    questions,
                    concurrency,
                    max_requests=requests_per_level,
                    max_duration_s=max_duration_s,
                    max_new_tokens=max_new_tokens,
                    on_request=lambda task=task: bar.advance(task),
                )
            )
            level, latency = levels[-1], levels[-1]["latency_s"] or {}
            log.info(
                "concurrency %d: %.3f req/s, p50 %.2f s, p95 %.2f s, %d errors",
                concurrency,
                level["throughput_rps"],
                latency.get("p50", float("nan")),
                latency.get("p95", float("nan")),
                level["errors"],
            )
    return levels


def write_result(result: dict[str, Any], out_dir: Path) -> dict[str, Any]:
    """Add ``scaling``, write ``bench.json`` and ``bench.png`` into ``out_dir``; the result."""
    from quantreason.serving.bench_plot import plot_benchmark

    result = {**result, "scaling": scaling(result["levels"])}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps(result, indent=2) + "\n")
    plot_benchmark(result, out_dir / "bench.png")
    return result


def run_remote_benchmark(
    invoker: Invoke,
    target: str,
    questions: Sequence[str],
    out_dir: Path,
    concurrencies: Sequence[int] = DEFAULT_CONCURRENCIES,
    *,
    requests_per_level: int,
    max_duration_s: float,
    max_new_tokens: int,
) -> dict[str, Any]:
    """Benchmark a running endpoint (``target`` names it in the result); writes the files."""
    levels = run_benchmark(
        invoker,
        questions,
        concurrencies,
        requests_per_level=requests_per_level,
        max_duration_s=max_duration_s,
        max_new_tokens=max_new_tokens,
    )
    result = {"title": target, "target": target, "max_new_tokens": max_new_tokens, "levels": levels}
    return write_result(result, out_dir)
