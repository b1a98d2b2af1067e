"""``quantreason train``: bad input is refused before any process starts; launch commands."""

from __future__ import annotations

import sys
from pathlib import Path

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
