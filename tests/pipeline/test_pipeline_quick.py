"""`quantreason pipeline --profile quick` end to end on the tiny random model.

It checks the plumbing and the report files, not accuracy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quantreason.paths import REPO_ROOT


def _pipeline(
    runs: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quantreason", "pipeline", "--profile", "quick",
         "--runs-dir", str(runs), *extra],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=900, check=False,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


@pytest.mark.slow
def test_quick_pipeline_resumes_killed_training_runs_every_stage_then_skips(
    tmp_path: Path,
) -> None:
    # Training dies at step 5 of 6 (a killed machine); its step-3 checkpoint survives.
    killed = _pipeline(tmp_path, env={"QUANTREASON_FAIL_AT_STEP": "5"})
    assert killed.returncode != 0
    assert (tmp_path / "quick" / "state" / "train.running.json").is_file()
    first = _pipeline(tmp_path)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert "train: LoRA + FSDP training (2 processes) — resume (interrupted)" in first.stdout
    assert "resumed from" in first.stderr and "step_000003" in first.stderr
    assert not (tmp_path / "quick" / "state" / "train.running.json").exists()
    run = tmp_path / "quick"
    report = run / "report"
    for name in ("report.md", "results.json", "train_log.jsonl", "loss.png", "accuracy.png",
                 "bench.json", "capacity.json"):  # fmt: skip
        assert (report / name).is_file(), name
    results = json.loads((report / "results.json").read_text())
    splits = {row["split"] for row in results}
    assert {"test", "test_ood_range", "test_ood_template", "handwritten"} <= splits
    assert {row["model"] for row in results} == {
        "base",
        "finetuned",
        "finetuned_sc",
        "finetuned_checked",
    }
    voted = {row["split"] for row in results if row["model"] == "finetuned_sc"}
    assert voted == {"handwritten", "handwritten_dev"}  # the vote runs where it is reported
    checked = {row["split"] for row in results if row["model"] == "finetuned_checked"}
    assert checked == splits  # the endpoint's default answers every set
    for row in results:
        assert 0 <= row["ci_low"] <= row["accuracy"] <= row["ci_high"] <= 1
    capacity = json.loads((report / "capacity.json").read_text())
    assert capacity["min_instances"] >= 1 and capacity["target_invocations_per_instance"] > 0
    text = (report / "report.md").read_text()
    assert "Where the time goes" in text and "| train |" in text
    assert "fine-tuned, checked (the endpoint's default)" in text
    assert "min this attempt; the time is every step's, over all attempts" in text  # train row
    latest = json.loads((tmp_path / "latest.json").read_text())
    assert Path(latest["adapter"], "adapter_config.json").is_file()
    # quick.yaml turns the hidden-state reader on: fitted after training, on its adapter
    from quantreason.hashing import adapter_digest
    from quantreason.tasks.classifier import TaskClassifier

    reader = TaskClassifier.load(latest["task_classifier"]).hidden
    assert reader is not None and reader.adapter_digest == adapter_digest(Path(latest["adapter"]))
    tuned = [json.loads(line) for line in (run / "eval" / "predictions.jsonl").open()]
    assert any("task_check" in p for p in tuned if p["model"] == "finetuned")

    # A re-run finds every stage up to date and redoes nothing.
    second = _pipeline(tmp_path)
    assert second.returncode == 0, second.stderr[-3000:]
    assert second.stdout.count("skip") >= 7
    assert "torchrun" not in second.stderr
