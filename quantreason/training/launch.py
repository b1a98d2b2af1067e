"""Build the local launch command: torchrun for several processes, plain python for one."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from quantreason.paths import REPO_ROOT

ENTRY_POINT = REPO_ROOT / "training" / "train.py"


def gpu_count() -> int:
    """GPUs torch sees on this machine (0 without CUDA)."""
    import torch

    return torch.cuda.device_count() if torch.cuda.is_available() else 0


def processes_for(nproc: int, gpus: int | None = None) -> int:
    """Local processes to start: ``nproc``, but no more than the GPUs where there are any.

    NCCL needs a GPU per rank (it refuses two ranks on one); the global batch stays the same
    with fewer ranks (more accumulation steps), so the run trains the same thing."""
    gpus = gpu_count() if gpus is None else gpus
    return min(nproc, gpus) if gpus else nproc


def train_command(
    profile: str,
    data: Path,
    out: Path,
    nproc: int = 1,
    resume: bool = False,
    overrides: Sequence[str] = (),
) -> list[str]:
    """argv that runs ``training/train.py`` on ``nproc`` local processes."""
    if nproc < 1:
        raise ValueError(f"--nproc must be at least 1, got {nproc}")
    args = ["--profile", profile, "--data", str(data), "--out", str(out)]
    if resume:
        args.append("--resume")
    for item in overrides:
        args += ["--set", item]
    if nproc == 1:
        return [sys.executable, str(ENTRY_POINT), *args]
    # --standalone: a local rendezvous on a free port, so parallel runs never collide.
    launcher = [sys.executable, "-m", "torch.distributed.run", "--standalone"]
    return [*launcher, f"--nproc_per_node={nproc}", str(ENTRY_POINT), *args]


def train_env(nproc: int, base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for the launch: the CPU cores split between the ranks (OpenMP + MKL)."""
    env = dict(os.environ if base is None else base)
    threads = str(max(1, (os.cpu_count() or 1) // nproc))
    env.setdefault("OMP_NUM_THREADS", threads)
    env.setdefault("MKL_NUM_THREADS", threads)
    return env
