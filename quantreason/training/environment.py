"""Where a training process runs: its rank in the job, and the SageMaker paths when in a container.

Locally ``torchrun`` sets ``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``, ``LOCAL_WORLD_SIZE``,
``MASTER_ADDR`` and ``MASTER_PORT``. In SageMaker the training toolkit's torch-distributed
launcher (hyperparameter ``sagemaker_torch_distributed_enabled``) runs the very same
``torchrun`` on every instance (``--nnodes=len(SM_HOSTS) --nproc_per_node=SM_NUM_GPUS
--node_rank=<index of SM_CURRENT_HOST> --master_addr=<first host>``), so one reader serves
both, and the SageMaker variables only add paths (data channel, model dir, checkpoints) and the
hyperparameters.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quantreason.training.config import ConfigError

SAGEMAKER_CHECKPOINT_DIR = "/opt/ml/checkpoints"
# Hyperparameters the SageMaker SDK/toolkit add for themselves; never training overrides.
_RESERVED_HP_PREFIX = "sagemaker_"
# Hyperparameters that are arguments of train.py rather than config overrides.
ARGUMENT_HPS = ("profile", "resume")


@dataclass(frozen=True)
class RankInfo:
    """This process's place in the job."""

    rank: int = 0
    world_size: int = 1
    local_rank: int = 0
    local_world_size: int = 1
    master_addr: str | None = None
    master_port: int | None = None

    @property
    def is_main(self) -> bool:
        """Rank 0 writes logs, plots and the adapter."""
        return self.rank == 0

    @property
    def node_rank(self) -> int:
        """Index of this process's machine."""
        return self.rank // self.local_world_size


@dataclass(frozen=True)
class SageMakerEnv:
    """The parts of the SageMaker training container environment that training uses."""

    hosts: list[str]
    current_host: str
    num_gpus: int
    channel_train: Path | None
    model_dir: Path
    output_data_dir: Path | None
    checkpoint_dir: Path
    hyperparameters: dict[str, Any] = field(default_factory=dict)
    channel_base: Path | None = None  # SM_CHANNEL_BASE: the staged base weights, if given

    @property
    def overrides(self) -> dict[str, Any]:
        """Hyperparameters that override config keys (dotted ``section.key`` names)."""
        return {
            k: v
            for k, v in self.hyperparameters.items()
            if k not in ARGUMENT_HPS and not k.startswith(_RESERVED_HP_PREFIX)
        }


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"environment variable {key}={raw!r} is not an integer") from exc


def read_rank_info(env: Mapping[str, str] | None = None) -> RankInfo:
    """Rank and rendezvous from torchrun's variables; a lone process is rank 0 of 1."""
    env = os.environ if env is None else env
    world_size = _int(env, "WORLD_SIZE", 1)
    rank = _int(env, "RANK", 0)
    local_rank = _int(env, "LOCAL_RANK", 0)
    local_world_size = _int(env, "LOCAL_WORLD_SIZE", world_size)
    if not 0 <= rank < world_size:
        raise ConfigError(f"RANK={rank} is outside WORLD_SIZE={world_size}")
    if not 0 <= local_rank < local_world_size or world_size % local_world_size:
        raise ConfigError(
            f"LOCAL_RANK={local_rank}/LOCAL_WORLD_SIZE={local_world_size} do not fit "
            f"WORLD_SIZE={world_size}"
        )
    if world_size > 1 and not env.get("MASTER_ADDR"):
        raise ConfigError(
            "WORLD_SIZE > 1 but MASTER_ADDR is not set: start training with torchrun "
            "(quantreason train --nproc N) or the SageMaker torch-distributed launcher"
        )
    port = _int(env, "MASTER_PORT", 0) or None
    return RankInfo(rank, world_size, local_rank, local_world_size, env.get("MASTER_ADDR"), port)


def read_sagemaker_env(env: Mapping[str, str] | None = None) -> SageMakerEnv | None:
    """The SageMaker training environment, or None outside a SageMaker container."""
    env = os.environ if env is None else env
    if "SM_MODEL_DIR" not in env and "SM_HOSTS" not in env:
        return None
    try:
        hosts = json.loads(env.get("SM_HOSTS", '["algo-1"]'))
        hyperparameters = json.loads(env.get("SM_HPS", "{}"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"SM_HOSTS/SM_HPS is not valid JSON: {exc}") from exc
    if not isinstance(hosts, list) or not hosts or not isinstance(hyperparameters, dict):
        raise ConfigError("SM_HOSTS must be a non-empty JSON list and SM_HPS a JSON object")
    current_host = env.get("SM_CURRENT_HOST", hosts[0])
    if current_host not in hosts:
        raise ConfigError(f"SM_CURRENT_HOST {current_host!r} is not in SM_HOSTS {hosts}")
    channel = env.get("SM_CHANNEL_TRAIN")
    output = env.get("SM_OUTPUT_DATA_DIR")
    return SageMakerEnv(
        hosts=[str(h) for h in hosts],
        current_host=current_host,
        num_gpus=_int(env, "SM_NUM_GPUS", 0),
        channel_train=Path(channel) if channel else None,
        model_dir=Path(env.get("SM_MODEL_DIR", "/opt/ml/model")),
        output_data_dir=Path(output) if output else None,
        checkpoint_dir=Path(env.get("QUANTREASON_CHECKPOINT_DIR", SAGEMAKER_CHECKPOINT_DIR)),
        hyperparameters=hyperparameters,
        channel_base=Path(env["SM_CHANNEL_BASE"]) if env.get("SM_CHANNEL_BASE") else None,
    )


def check_launch(ranks: RankInfo, sm: SageMakerEnv | None) -> None:
    """Fail clearly when the processes do not match the SageMaker cluster they run on."""
    if sm is None:
        return
    per_host = max(sm.num_gpus, 1)
    expected = len(sm.hosts) * per_host
    if ranks.world_size != expected:
        raise ConfigError(
            f"{len(sm.hosts)} host(s) x {per_host} device(s) should give WORLD_SIZE={expected}, "
            f"got {ranks.world_size}: set the hyperparameter "
            "sagemaker_torch_distributed_enabled=true so every GPU of every instance trains"
        )
    if ranks.node_rank != sm.hosts.index(sm.current_host):
        raise ConfigError(
            f"node rank {ranks.node_rank} does not match {sm.current_host!r}'s position "
            f"in SM_HOSTS {sm.hosts}"
        )
