"""SageMaker + torchrun: the environment the toolkit's launcher sets is read right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quantreason.training.config import ConfigError
from quantreason.training.environment import check_launch, read_rank_info, read_sagemaker_env
from quantreason.training.recipe import parse_args, resolve

HOSTS = ["algo-1", "algo-2"]


def launcher_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, rank: int, host: str) -> None:
    """What torchrun (started by the training toolkit on 2 x ml.g5.12xlarge) hands rank ``rank``."""
    env = {
        # torchrun --nnodes 2 --nproc_per_node 4 --node_rank N --master_addr algo-1 (port 7777)
        "RANK": str(rank),
        "WORLD_SIZE": "8",
        "LOCAL_RANK": str(rank % 4),
        "LOCAL_WORLD_SIZE": "4",
        "GROUP_RANK": str(rank // 4),
        "MASTER_ADDR": "algo-1",
        "MASTER_PORT": "7777",
        # the SageMaker training toolkit
        "SM_HOSTS": json.dumps(HOSTS),
        "SM_CURRENT_HOST": host,
        "SM_NUM_GPUS": "4",
        "SM_HPS": json.dumps(
            {
                "profile": "cloud-g5.12xlarge",
                "sagemaker_torch_distributed_enabled": True,
                "train.learning_rate": "1e-4",
                "train.epochs": 1,
            }
        ),
        "SM_CHANNEL_TRAIN": str(tmp_path / "train"),
        "SM_MODEL_DIR": str(tmp_path / "model"),
        "SM_OUTPUT_DATA_DIR": str(tmp_path / "output"),
        "QUANTREASON_CHECKPOINT_DIR": str(tmp_path / "checkpoints"),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)


def test_multi_instance_launcher_env_is_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    launcher_env(monkeypatch, tmp_path, rank=6, host="algo-2")
    ranks = read_rank_info()
    assert (ranks.rank, ranks.world_size, ranks.local_rank, ranks.local_world_size) == (6, 8, 2, 4)
    assert (ranks.master_addr, ranks.master_port, ranks.node_rank) == ("algo-1", 7777, 1)
    assert not ranks.is_main
    sm = read_sagemaker_env()
    assert sm is not None and sm.hosts == HOSTS and sm.num_gpus == 4
    check_launch(ranks, sm)  # 2 hosts x 4 GPUs = 8 ranks, node 1 is algo-2: consistent
    config, paths, resume = resolve(parse_args(["--profile", "cloud-g5.12xlarge"]), sm)
    assert config.model.name == "mistralai/Mistral-7B-Instruct-v0.3"
    assert config.train.learning_rate == pytest.approx(1e-4)  # string hyperparameter, typed
    assert config.train.epochs == 1
    assert paths.data_dir == tmp_path / "train"
    assert paths.adapter_dir == tmp_path / "model"  # adapter files at the model.tar.gz root
    assert paths.out_dir == tmp_path / "output"
    assert paths.checkpoint_dir == tmp_path / "checkpoints"
    assert resume  # a restarted (spot) job continues from its checkpoints


def test_profile_comes_from_hyperparameters_when_not_an_argument(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    launcher_env(monkeypatch, tmp_path, rank=0, host="algo-1")
    # The toolkit also passes every hyperparameter as --key value; unknown ones are ignored.
    args = parse_args(["--sagemaker_torch_distributed_enabled", "true", "--train.epochs", "1"])
    config, _, _ = resolve(args, read_sagemaker_env())
    assert config.model.name.startswith("mistralai/")


def test_the_base_channel_replaces_the_profiles_hub_id(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The Training stack's 'base' channel (staged weights) is what the job loads."""
    launcher_env(monkeypatch, tmp_path, rank=0, host="algo-1")
    monkeypatch.setenv("SM_CHANNEL_BASE", str(tmp_path / "base"))
    config, _, _ = resolve(parse_args([]), read_sagemaker_env())
    assert config.model.name == str(tmp_path / "base")
    # An explicit --set still wins (e.g. a debugging run against another local checkpoint).
    config, _, _ = resolve(parse_args(["--set", "model.name=/elsewhere"]), read_sagemaker_env())
    assert config.model.name == "/elsewhere"


def test_single_process_on_a_multi_gpu_cluster_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    launcher_env(monkeypatch, tmp_path, rank=0, host="algo-1")
    for key in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE"):
        monkeypatch.delenv(key)
    with pytest.raises(ConfigError, match="sagemaker_torch_distributed_enabled"):
        check_launch(read_rank_info(), read_sagemaker_env())


def test_node_rank_must_match_the_current_host(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    launcher_env(monkeypatch, tmp_path, rank=1, host="algo-2")  # rank 1 lives on node 0
    with pytest.raises(ConfigError, match="does not match 'algo-2'"):
        check_launch(read_rank_info(), read_sagemaker_env())


def test_missing_train_channel_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    launcher_env(monkeypatch, tmp_path, rank=0, host="algo-1")
    monkeypatch.delenv("SM_CHANNEL_TRAIN")
    with pytest.raises(ConfigError, match="'train' input channel"):
        resolve(parse_args([]), read_sagemaker_env())


def test_outside_sagemaker_nothing_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("SM_MODEL_DIR", "SM_HOSTS", "RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE"):
        monkeypatch.delenv(key, raising=False)
    assert read_sagemaker_env() is None
    ranks = read_rank_info()
    assert (ranks.rank, ranks.world_size, ranks.is_main) == (0, 1, True)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RANK": "2", "WORLD_SIZE": "2"}, "outside WORLD_SIZE"),
        ({"RANK": "1", "WORLD_SIZE": "2", "LOCAL_RANK": "1"}, "MASTER_ADDR is not set"),
        ({"WORLD_SIZE": "two"}, "not an integer"),
    ],
)
def test_broken_rank_env_fails_clearly(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        read_rank_info(env)
