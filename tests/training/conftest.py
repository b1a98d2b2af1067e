"""Shared fixtures: a small train split in the dataset's record format, and run helpers."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from quantreason.paths import REPO_ROOT


def make_records(n: int, seed: int = 0) -> list[dict]:
    """Drawdown-style records with every dataset field (answers computed here, not by a solver)."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        peak = rng.randint(100, 999)
        trough = rng.randint(10, peak)
        records.append(
            {
                "id": f"dd-{i}",
                "family": "drawdown",
                "template_id": "dd-t1",
                "split": "train",
                "question": f"A portfolio falls from {peak} to {trough}. What is the drawdown?"
                + " Answer in percent." * rng.randint(0, 3),
                "reasoning": "Drawdown is the fall from the peak divided by the peak.",
                "formula": f"({peak} - {trough}) / {peak} * 100",
                "answer": round((peak - trough) / peak * 100, 6),
                "unit": "percent",
                "tolerance": 0.01,
                "sign_free": True,
            }
        )
    return records


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset directory holding train.jsonl with 64 records."""
    path = tmp_path_factory.mktemp("data")
    lines = [json.dumps(r) for r in make_records(64)]
    (path / "train.jsonl").write_text("\n".join(lines) + "\n")
    return path


def run_train(
    data: Path, out: Path, nproc: int, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run training/train.py on the tiny profile through torchrun (nproc > 1) or python."""
    from quantreason.training.launch import train_command, train_env

    command = train_command("tiny", data, out, nproc)
    command += list(extra)
    full_env = train_env(nproc)
    full_env.update(env or {})
    return subprocess.run(
        command, cwd=REPO_ROOT, env=full_env, capture_output=True, text=True, timeout=300
    )


def read_losses(out: Path) -> list[float]:
    """Loss per step from a run's train_log.jsonl (last record per step)."""
    from quantreason.training.metrics import read_log

    return [r["loss"] for r in read_log(out / "train_log.jsonl")]


@pytest.fixture(scope="session")
def train_tiny():
    """``train_tiny(data, out, nproc, *extra_args, env=None)`` → CompletedProcess."""
    return run_train


@pytest.fixture(scope="session")
def losses_of():
    """``losses_of(out)`` → loss per step of a finished run."""
    return read_losses


@pytest.fixture(autouse=True)
def _restore_torch_threads():
    """In-process runs set torch's thread count per rank; give later tests theirs back."""
    import torch

    threads = torch.get_num_threads()
    yield
    torch.set_num_threads(threads)
