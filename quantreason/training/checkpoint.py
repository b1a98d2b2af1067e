"""Resumable checkpoints with ``torch.distributed.checkpoint`` (DCP).

What is saved: the LoRA weights and the optimizer state (each rank writes its own shards, in
parallel, no gather), plus per rank the step, scheduler state and RNG states (dropout!). The data
position is the step: batches are planned deterministically (see ``batching``). The frozen base
is never saved (it is the base checkpoint; a 7B base per checkpoint would fill disks).

Layout: ``<dir>/step_000050/`` per checkpoint with every rank's DCP shards and
``extra_rank<r>.pt``, rank 0's ``.metadata``, ``config.json`` and ``manifest.json`` (the world
size), and ``<dir>/latest`` naming the last one saved (for people; resume does not trust it).

Several nodes: each node has its own ``/opt/ml/checkpoints`` and SageMaker syncs each to the same
S3 prefix on its own, so one node's files (its ``latest`` too) can reach S3 before another
node's shards. A resume therefore takes the newest checkpoint that is complete (every file the
manifest and DCP's metadata name, at full size) on every rank (:func:`agreed_checkpoint`).
Keep ``keep_last`` >= 2 on several nodes, so the previous checkpoint remains while the newest
syncs.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quantreason.training.config import ConfigError

if TYPE_CHECKING:
    import torch

    from quantreason.training.environment import RankInfo
    from quantreason.training.state import TrainState

LATEST = "latest"
MANIFEST = "manifest.json"


def _trainable(module: torch.nn.Module) -> dict[str, torch.Tensor]:
    # detach() shares storage: DCP loads in place into the live (possibly sharded) parameters.
    return {n: p.detach() for n, p in module.named_parameters() if p.requires_grad}


def is_complete(path: Path) -> bool:
    """Whether every rank's part of the checkpoint in ``path`` is present at full size."""
    manifest = path / MANIFEST
    if not manifest.is_file():
        return False
    try:
        world_size = int(json.loads(manifest.read_text())["world_size"])
    except (ValueError, KeyError, TypeError):
        return False
    needed = ["config.json", ".metadata", *(f"extra_rank{r}.pt" for r in range(world_size))]
    if not all((path / name).is_file() for name in needed):
        return False
    sizes = _dcp_file_sizes(path)
    return sizes is not None and all(
        (path / name).is_file() and (path / name).stat().st_size >= size
        for name, size in sizes.items()
    )


def _dcp_file_sizes(path: Path) -> dict[str, int] | None:
    """``{data file: minimum size}`` from DCP's ``.metadata`` (None if it cannot be read)."""
    from torch.distributed.checkpoint import FileSystemReader

    try:
        metadata = FileSystemReader(str(path)).read_metadata()
    except Exception:  # a truncated or foreign .metadata: not a usable checkpoint
        return None
    sizes: dict[str, int] = {}
    for info in (metadata.storage_data or {}).values():
        end = info.offset + info.length
        sizes[info.relative_path] = max(sizes.get(info.relative_path, 0), end)
    return sizes


def complete_checkpoints(root: Path) -> list[Path]:
    """Complete checkpoints under ``root``, oldest first."""
    return [p for p in sorted(root.glob("step_*")) if p.is_dir() and is_complete(p)]


def latest_checkpoint(root: Path) -> Path | None:
    """The newest complete checkpoint under ``root`` as this process sees it, or None."""
    done = complete_checkpoints(root)
    return done[-1] if done else None


def newest_common(seen: list[list[str]]) -> str | None:
    """The newest checkpoint name that every rank saw complete, or None."""
    common = set.intersection(*(set(names) for names in seen)) if seen else set()
    return max(common) if common else None


def agreed_checkpoint(root: Path) -> Path | None:
    """The newest checkpoint complete on every rank's node (all ranks must call this)."""
    import torch.distributed as dist

    mine = [p.name for p in complete_checkpoints(root)]
    seen = [mine]
    if dist.is_initialized() and dist.get_world_size() > 1:
        seen = [[] for _ in range(dist.get_world_size())]
        dist.all_gather_object(seen, mine)
    name = newest_common(seen)
    return root / name if name is not None else None


def save_checkpoint(
    root: Path, state: TrainState, config_dict: dict[str, Any], ranks: RankInfo, keep_last: int
) -> Path:
    """Write a checkpoint of ``state`` (at ``state.step``) from every rank; returns its folder."""
    import torch
    import torch.distributed as dist
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint.state_dict import get_optimizer_state_dict

    module, optimizer = state.module, state.optimizer
    path = root / f"step_{state.step:06d}"
    path.mkdir(parents=True, exist_ok=True)
    shards = {"model": _trainable(module), "optim": get_optimizer_state_dict(module, optimizer)}
    dcp.save(shards, checkpoint_id=str(path))
    extra = {
        "step": state.step,
        "scheduler": state.scheduler.state_dict(),
        "rng_torch": torch.get_rng_state(),
        "rng_python": random.getstate(),
        "rng_cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None,
        "world_size": dist.get_world_size(),
    }
    torch.save(extra, path / f"extra_rank{ranks.rank}.pt")
    if ranks.rank == 0:
        (path / "config.json").write_text(json.dumps(config_dict, indent=2, sort_keys=True))
    dist.barrier()  # every rank's shards are on disk before the manifest and pointer
    if ranks.rank == 0:
        manifest = {"step": state.step, "world_size": dist.get_world_size()}
        (path / MANIFEST).write_text(json.dumps(manifest, sort_keys=True))
    if ranks.local_rank == 0:
        (root / LATEST).write_text(path.name)
        done = sorted(p for p in root.glob("step_*") if p.is_dir())
        for old in done[:-keep_last]:
            shutil.rmtree(old, ignore_errors=True)
    dist.barrier()
    return path


def load_checkpoint(path: Path, state: TrainState, config_dict: dict[str, Any], rank: int) -> None:
    """Restore into ``state`` everything :func:`save_checkpoint` saved, ``state.step`` too."""
    import torch
    import torch.distributed as dist
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint.state_dict import (
        get_optimizer_state_dict,
        set_optimizer_state_dict,
    )

    saved_config = json.loads((path / "config.json").read_text())
    changed = _changed_keys(saved_config, config_dict, ignore={"checkpoint", "export"})
    if changed:
        raise ConfigError(
            f"cannot resume from {path}: the config changed ({', '.join(changed)}); "
            "resume with the same profile and overrides, or start a new run"
        )
    extra_path = path / f"extra_rank{rank}.pt"
    if not extra_path.is_file():
        raise ConfigError(f"{path} has no state for rank {rank}: resume with the same world size")
    extra = torch.load(extra_path, weights_only=False)
    if extra["world_size"] != dist.get_world_size():
        raise ConfigError(
            f"{path} was written by {extra['world_size']} ranks, this run has "
            f"{dist.get_world_size()}: resume with the same world size"
        )
    module, optimizer = state.module, state.optimizer
    shards = {"model": _trainable(module), "optim": get_optimizer_state_dict(module, optimizer)}
    dcp.load(shards, checkpoint_id=str(path))
    set_optimizer_state_dict(module, optimizer, shards["optim"])
    state.scheduler.load_state_dict(extra["scheduler"])
    torch.set_rng_state(extra["rng_torch"])
    random.setstate(extra["rng_python"])
    if extra["rng_cuda"] is not None and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(extra["rng_cuda"])
    state.step = int(extra["step"])


def _changed_keys(old: dict[str, Any], new: dict[str, Any], ignore: set[str]) -> list[str]:
    changed = []
    for section in sorted(set(old) | set(new)):
        if section in ignore:
            continue
        a, b = old.get(section, {}), new.get(section, {})
        changed += [f"{section}.{k}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    return changed
