"""``quantreason train``: bad input is refused before any process starts; launch commands."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quantreason.cli import app
from quantreason.training.launch import ENTRY_POINT, train_command, train_env


def test_bad_override_exits_2_before_launching(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "train",
            "--profile",
            "tiny",
            "--data",
            str(tmp_path),
            "--out",
            str(tmp_path),
            "--set",
            "train.learnin_rate=1",
        ],
    )
    assert result.exit_code == 2
    assert "train.learnin_rate: unknown key" in result.output
    assert not (tmp_path / "train_log.jsonl").exists()


def test_unknown_profile_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["train", "--profile", "nope", "--data", str(tmp_path), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2 and "unknown training profile 'nope'" in result.output


def test_two_processes_go_through_torchrun_one_does_not() -> None:
    multi = train_command("local", Path("d"), Path("o"), nproc=2, resume=True, overrides=["a.b=1"])
    assert multi[:4] == [sys.executable, "-m", "torch.distributed.run", "--standalone"]
    assert "--nproc_per_node=2" in multi and str(ENTRY_POINT) in multi
    assert multi[-5:] == ["--out", "o", "--resume", "--set", "a.b=1"]
    single = train_command("local", Path("d"), Path("o"), nproc=1)
    assert single[:2] == [sys.executable, str(ENTRY_POINT)]


def test_threads_are_split_between_ranks() -> None:
    env = train_env(2, base={})
    assert env["OMP_NUM_THREADS"] == env["MKL_NUM_THREADS"]
    assert int(env["OMP_NUM_THREADS"]) >= 1
    assert train_env(2, base={"OMP_NUM_THREADS": "3"})["OMP_NUM_THREADS"] == "3"


def gpus(monkeypatch, count: int) -> None:
    """Pretend this machine has ``count`` CUDA devices."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: count > 0)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: count)


def test_processes_are_one_per_gpu_where_there_are_gpus(monkeypatch) -> None:
    from quantreason.training.launch import processes_for

    gpus(monkeypatch, 0)
    assert processes_for(2) == 2  # CPU ranks: as many as asked
    gpus(monkeypatch, 1)
    assert processes_for(2) == 1 and processes_for(1) == 1  # NCCL: never two ranks on one GPU
    gpus(monkeypatch, 4)
    assert processes_for(2) == 2 and processes_for(8) == 4


def test_more_local_ranks_than_gpus_fails_before_any_process_group(monkeypatch) -> None:
    from quantreason.training.config import ConfigError
    from quantreason.training.distributed import check_devices
    from quantreason.training.environment import RankInfo

    two_local = RankInfo(rank=1, local_rank=1, world_size=2, local_world_size=2)
    gpus(monkeypatch, 1)
    with pytest.raises(ConfigError, match="2 processes on this machine but 1 GPU"):
        check_devices(two_local)
    gpus(monkeypatch, 2)
    check_devices(two_local)
    gpus(monkeypatch, 0)
    check_devices(two_local)  # CPU ranks need no device each


def test_bench_train_skips_settings_that_need_more_gpus_than_the_machine_has(
    monkeypatch, tmp_path
) -> None:
    import json

    import torch

    from quantreason.training import bench, distributed

    gpus(monkeypatch, 1)
    # No GPU really here: the peak is measured on the CPU the patched device names.
    monkeypatch.setattr(distributed, "pick_device", lambda rank: torch.device("cpu"))
    two_process = [s for s in bench.SETTINGS if s[1] == 2]
    monkeypatch.setattr(bench, "SETTINGS", two_process)
    result = bench.run_bench(tmp_path / "bench.json", model="tiny-random", steps=1)
    assert [r["skipped"] for r in result["settings"]] == ["needs 2 GPUs, this machine has 1"] * len(
        two_process
    )
    assert json.loads((tmp_path / "bench.json").read_text())["matmul_peak_gflops"]["fp32"] > 0
