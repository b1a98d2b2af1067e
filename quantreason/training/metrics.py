"""Per-step training metrics: ``train_log.jsonl`` (one JSON object per step) and a loss PNG."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class MetricsLog:
    """Appends one JSON line per step; opened only on rank 0."""

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        if not resume:
            path.write_text("")

    def write(self, record: dict[str, Any]) -> None:
        """Append ``record`` and flush (a killed run keeps every finished step)."""
        with self.path.open("a") as handle:
            handle.write(json.dumps(record, sort_keys=True) + "\n")


def read_log(path: Path) -> list[dict[str, Any]]:
    """Step records of a ``train_log.jsonl``; after a resume, the last record of a step wins."""
    by_step: dict[int, dict[str, Any]] = {}
    for line in path.read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            by_step[int(record["step"])] = record
    return [by_step[s] for s in sorted(by_step)]


def plot_loss(log_path: Path, png_path: Path, title: str = "quantreason LoRA training") -> None:
    """Loss (and learning rate on a second axis) against the step."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    records = read_log(log_path)
    steps = [r["step"] for r in records]
    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    ax.plot(steps, [r["loss"] for r in records], color="tab:blue", label="loss (response tokens)")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("cross-entropy per response token")
    ax.set_yscale("log")
    ax.grid(True, alpha=0.3)
    lr_ax = ax.twinx()
    lr_ax.plot(steps, [r["lr"] for r in records], color="tab:orange", alpha=0.6, label="lr")
    lr_ax.set_ylabel("learning rate")
    lines = ax.get_lines() + lr_ax.get_lines()
    ax.legend(lines, [line.get_label() for line in lines], loc="upper right")
    world = records[-1]["world_size"] if records else "?"
    ax.set_title(f"{title} (world size {world})")
    fig.tight_layout()
    fig.savefig(png_path)
    plt.close(fig)
