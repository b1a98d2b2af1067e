"""Load benchmark: latency percentiles, throughput and errors at several concurrencies.

Targets: the local endpoint over HTTP (:class:`HttpInvoker`) or a deployed SageMaker endpoint
through ``sagemaker-runtime`` ``invoke_endpoint`` (:class:`SageMakerInvoker`). Every level is
bounded by a request count *and* a duration. :func:`run_local_benchmark` is the one call the
pipeline uses: load the model once, serve it on a free loopback port, measure the serving
overhead against raw ``generate`` and the load levels, measure decode speed, write
``bench.json`` and ``bench.png``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quantreason.serving.requests import JSON_CONTENT_TYPE

log = logging.getLogger(__name__)

Invoke = Callable[[bytes], tuple[int, bytes]]
REQUEST_TIMEOUT_S = 300.0


class HttpInvoker:
    """POST to ``<url>/invocations``; (status, body); transport failures are status 0."""

    def __init__(self, url: str, timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        import httpx

        logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request: noise
        self.url = url.rstrip("/") + "/invocations"
        self.client = httpx.Client(timeout=timeout_s, limits=httpx.Limits(max_connections=64))

    def __call__(self, body: bytes) -> tuple[int, bytes]:
        import httpx

        headers = {"content-type": JSON_CONTENT_TYPE, "accept": JSON_CONTENT_TYPE}
        try:
            response = self.client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as err:
            return 0, json.dumps({"error": repr(err)}).encode()
        return response.status_code, response.content

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()


class SageMakerInvoker:
    """``invoke_endpoint`` on a deployed endpoint; a model error keeps the model's status."""

    def __init__(self, endpoint_name: str, client: Any = None, region: str | None = None) -> None:
        if client is None:
            import boto3

            client = boto3.client("sagemaker-runtime", region_name=region)
        self.client = client
        self.endpoint_name = endpoint_name

    def __call__(self, body: bytes) -> tuple[int, bytes]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            response = self.client.invoke_endpoint(
                EndpointName=self.endpoint_name,
                ContentType=JSON_CONTENT_TYPE,
                Accept=JSON_CONTENT_TYPE,
                Body=body,
            )
        except ClientError as err:
            # ModelError carries the container's own status (e.g. 413) as OriginalStatusCode.
            status = err.response.get("OriginalStatusCode") or err.response.get(
                "ResponseMetadata", {}
            ).get("HTTPStatusCode", 0)
            return int(status), json.dumps({"error": str(err)}).encode()
        except BotoCoreError as err:
            return 0, json.dumps({"error": str(err)}).encode()
        return 200, response["Body"].read()

    def close(self) -> None:
        """Nothing to release (boto3 clients pool connections themselves)."""


def request_body(question: str, max_new_tokens: int) -> bytes:
    """The JSON request for one question."""
    document = {"inputs": question, "parameters": {"max_new_tokens": max_new_tokens}}
    return json.dumps(document).encode()


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..100) of a non-empty sequence."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _output_tokens(payload: bytes) -> int | None:
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
    """Send up to ``max_requests`` requests from ``concurrency`` threads, for at most
    ``max_duration_s`` (no new request starts after that); statistics of the level."""
    if concurrency < 1 or max_requests < 1 or max_duration_s <= 0 or not questions:
        raise ValueError("need concurrency >= 1, max_requests >= 1, a duration and questions")
    lock = threading.Lock()
    issued = 0
    samples: list[tuple[int, float, int | None]] = []
    start = time.monotonic()
    deadline = start + max_duration_s

    def worker() -> None:
        nonlocal issued
        while True:
            with lock:
                if issued >= max_requests or time.monotonic() >= deadline:
                    return
                index = issued
                issued += 1
            body = request_body(questions[index % len(questions)], max_new_tokens)
            began = time.perf_counter()
            try:
                status, payload = invoke(body)
            except Exception as err:  # a broken client must not hang the benchmark
                status, payload = 0, repr(err).encode()
            elapsed = time.perf_counter() - began
            tokens = _output_tokens(payload) if status == 200 else None
            with lock:
                samples.append((status, elapsed, tokens))
            if on_request is not None:
                on_request()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max_duration_s + REQUEST_TIMEOUT_S)
    wall = time.monotonic() - start
    return level_stats(concurrency, samples, wall)


def level_stats(
    concurrency: int, samples: Sequence[tuple[int, float, int | None]], wall_s: float
) -> dict[str, Any]:
    """Statistics of one level from (status, latency s, output tokens) samples."""
    ok = [s for s in samples if s[0] == 200]
    latencies = [s[1] for s in ok]
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
        "output_tokens_mean": sum(tokens) / len(tokens) if tokens else None,
        "output_tokens_per_s": sum(tokens) / wall_s if tokens and wall_s > 0 else None,
    }
    if latencies:
        stats["latency_s"] = {
            "p50": percentile(latencies, 50),
            "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99),
            "mean": sum(latencies) / len(latencies),
            "max": max(latencies),
        }
    return stats


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
    return levels


def plot_benchmark(result: dict[str, Any], path: Path) -> Path:
    """PNG: latency percentiles and throughput against concurrency."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    levels = [level for level in result["levels"] if level["latency_s"]]
    x = [level["concurrency"] for level in levels]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for key in ("p50", "p95", "p99"):
        left.plot(x, [level["latency_s"][key] for level in levels], marker="o", label=key)
    if result.get("overhead"):
        left.axhline(result["overhead"]["raw_generate_mean_s"], ls="--", c="grey", label="raw")
    left.set(xlabel="concurrency", ylabel="latency (s)", title="Latency")
    left.legend()
    right.plot(x, [level["throughput_rps"] for level in levels], marker="o")
    right.set(xlabel="concurrency", ylabel="requests/s", title="Throughput")
    right.set_ylim(bottom=0)
    left.set_ylim(bottom=0)
    for axis in (left, right):
        axis.set_xticks(x)
        axis.grid(alpha=0.3)
    fig.suptitle(result.get("title", "quantreason load benchmark"))
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
