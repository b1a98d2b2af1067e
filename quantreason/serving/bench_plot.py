"""The benchmark's picture: latency percentiles and throughput against concurrency."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def plot_benchmark(result: dict[str, Any], path: Path) -> Path:
    """PNG: p50/p95/p99 latency (left) and requests/s (right) per concurrency level."""
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
        axis.set_xscale("log", base=2)
        axis.set_xticks(x, [str(c) for c in x])
        axis.grid(alpha=0.3)
    fig.suptitle(result.get("title", "quantreason load benchmark"))
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
