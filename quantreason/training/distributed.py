"""Process group, device mesh and FSDP2 sharding.

Order matters and is the same on every rank:
1. ``init_process_group`` (gloo on CPU, nccl on GPU) and a 1-D device mesh over all ranks;
2. load the base + LoRA on every rank (a 135M-7B model fits in host memory; loading on the meta
   device and streaming shards only pays off far beyond that);
3. ``fully_shard`` every decoder layer, then the root: each layer becomes one all-gather unit, so
   only one layer's full weights exist at a time, and the root owns the embeddings/lm_head.
   With ``shard_frozen_base: false`` (a base that fits on every rank) the frozen weights stay
   replicated and only the root is sharded: the LoRA weights form one unit, and the only traffic
   is one all-gather of them per step and one reduce-scatter of their gradients.
A single process (no torchrun) still gets a 1-rank group, so checkpointing takes one code path;
it skips ``fully_shard`` (nothing to shard, and it would only add copies) unless
``distributed.shard_single_rank`` asks for the sharded path anyway (a one-GPU check of it).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from quantreason.training.config import ConfigError, TrainConfig
from quantreason.training.environment import RankInfo

if TYPE_CHECKING:
    import torch
    from torch.distributed.device_mesh import DeviceMesh


def check_devices(ranks: RankInfo) -> None:
    """Fail before any process group when this machine has GPUs but fewer than its local ranks
    (NCCL refuses two ranks on one GPU; a rank beyond the last GPU has no device at all)."""
    from quantreason.training.launch import gpu_count

    gpus = gpu_count()
    if 0 < gpus < ranks.local_world_size:
        raise ConfigError(
            f"{ranks.local_world_size} processes on this machine but {gpus} GPU(s): start at "
            f"most {gpus} (quantreason train --nproc {gpus}), or hide the GPUs "
            "(CUDA_VISIBLE_DEVICES='') to train on the CPU"
        )


def pick_device(local_rank: int) -> torch.device:
    """The GPU of this local rank when there is one, else the CPU."""
    import torch

    if torch.cuda.is_available():
        torch.cuda.set_device(local_rank)
        return torch.device("cuda", local_rank)
    return torch.device("cpu")


def set_threads(config: TrainConfig, ranks: RankInfo) -> int:
    """torch intra-op threads: the CPU cores split evenly between the ranks of this machine.

    Two ranks on two cores with two threads each would oversubscribe the cores and thrash.
    """
    import torch

    threads = config.distributed.threads_per_rank or max(
        1, (os.cpu_count() or 1) // ranks.local_world_size
    )
    torch.set_num_threads(threads)
    return threads


def init_distributed(config: TrainConfig, ranks: RankInfo, device: torch.device) -> DeviceMesh:
    """Start the process group and return the data-parallel device mesh."""
    from datetime import timedelta

    import torch.distributed as dist
    from torch.distributed.device_mesh import init_device_mesh

    backend = config.distributed.backend
    timeout = timedelta(minutes=config.distributed.collective_timeout_minutes)
    if backend == "auto":
        backend = "nccl" if device.type == "cuda" else "gloo"
    if not dist.is_initialized():
        if ranks.world_size == 1 and "MASTER_ADDR" not in os.environ:
            # A lone process: an in-memory store, no port to pick or collide on.
            dist.init_process_group(
                backend, store=dist.HashStore(), rank=0, world_size=1, timeout=timeout
            )
        else:
            dist.init_process_group(backend, timeout=timeout)
    return init_device_mesh(device.type, (ranks.world_size,), mesh_dim_names=("dp",))


def shard_model(
    loss_module: torch.nn.Module,
    layers: list[torch.nn.Module],
    mesh: DeviceMesh,
    config: TrainConfig,
    device: torch.device,
) -> None:
    """Apply FSDP2 per decoder layer then to the root (no-op for a world of one, unless
    ``distributed.shard_single_rank``)."""
    import torch
    from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

    if mesh.size() == 1 and not config.distributed.shard_single_rank:
        return
    dist_cfg = config.distributed
    ignored = None
    if not dist_cfg.shard_frozen_base:
        # Frozen weights stay replicated: no all-gather of the base at all, only the LoRA
        # weights and their gradients travel. Right when the base fits on every rank.
        ignored = {p for p in loss_module.parameters() if not p.requires_grad}
    mp_policy = MixedPrecisionPolicy()
    if device.type == "cuda" and config.train.precision == "bf16":
        mp_policy = MixedPrecisionPolicy(param_dtype=torch.bfloat16, reduce_dtype=torch.float32)
    kwargs = {
        "mesh": mesh,
        "mp_policy": mp_policy,
        "reshard_after_forward": dist_cfg.reshard_after_forward,
    }
    if dist_cfg.shard_frozen_base:
        # Per-layer units: only one layer's full weights exist at a time (what makes 7B fit).
        for layer in layers:
            fully_shard(layer, **kwargs)
    # The root: embeddings, final norm and lm_head (and, with a replicated base, every LoRA
    # weight: one small unit gathered once per forward, so the decoder may run twice per step).
    fully_shard(loss_module, ignored_params=ignored, **kwargs)


def barrier() -> None:
    """Wait for every rank (no-op without a process group)."""
    import torch.distributed as dist

    if dist.is_initialized():
        dist.barrier()


def shutdown() -> None:
    """Tear down the process group once every rank has arrived (no rank exits mid-collective)."""
    import torch.distributed as dist

    if dist.is_initialized():
        try:
            dist.barrier()
        finally:
            dist.destroy_process_group()
