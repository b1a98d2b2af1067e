import json
from pathlib import Path

import pytest

from quantreason.pipeline.runner import Stage, StageRunner


def _stage(out: Path, calls: list[str], settings: dict, after: list[str] | None = None) -> Stage:
    def run() -> dict:
        calls.append(out.name)
        out.write_text(json.dumps(settings))
        return {"wrote": out.name}

    return Stage(out.name, "test", run, [out], settings, after or [])


def _run_a_then_b(tmp_path: Path, calls: list[str], x: int) -> list:
    """A fresh runner over the same state dir: stage a (settings x), then b which reads a."""
    runner = StageRunner(tmp_path / "state")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    return [runner.run(_stage(a, calls, {"x": x})), runner.run(_stage(b, calls, {}, ["a.txt"]))]


def test_stage_is_skipped_when_inputs_and_outputs_are_unchanged(tmp_path: Path) -> None:
    calls: list[str] = []
    _run_a_then_b(tmp_path, calls, 1)
    assert calls == ["a.txt", "b.txt"]

    results = _run_a_then_b(tmp_path, calls, 1)
    assert calls == ["a.txt", "b.txt"]
    assert all(r.skipped for r in results) and results[0].summary == {"wrote": "a.txt"}


def test_changed_settings_rerun_the_stage_and_its_dependants(tmp_path: Path) -> None:
    calls: list[str] = []
    _run_a_then_b(tmp_path, calls, 1)
    calls.clear()
    # new settings -> new output bytes for a; upstream hash changed -> b reruns too
    _run_a_then_b(tmp_path, calls, 2)
    assert calls == ["a.txt", "b.txt"]


def test_tampered_output_or_force_reruns(tmp_path: Path) -> None:
    calls: list[str] = []
    a = tmp_path / "a.txt"
    StageRunner(tmp_path / "state").run(_stage(a, calls, {"x": 1}))
    a.write_text("edited by hand")
    StageRunner(tmp_path / "state").run(_stage(a, calls, {"x": 1}))
    StageRunner(tmp_path / "state", force=True).run(_stage(a, calls, {"x": 1}))
    assert calls == ["a.txt"] * 3


def test_source_hash_follows_python_sources_and_ignores_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quantreason.pipeline import steps

    monkeypatch.setattr(steps, "REPO_ROOT", tmp_path)
    package = tmp_path / "pkg"
    (package / "__pycache__").mkdir(parents=True)
    (package / "tasks.py").write_text("TEMPLATES = ('a',)\n")
    before = steps.source_hash("code", ("pkg",))
    assert list(before["code"]) == ["pkg/tasks.py"]
    (package / "__pycache__" / "tasks.cpython-311.pyc").write_bytes(b"\0")
    assert steps.source_hash("code", ("pkg",)) == before
    (package / "tasks.py").write_text("TEMPLATES = ('a', 'b')\n")
    assert steps.source_hash("code", ("pkg",)) != before


def test_generator_training_and_evaluation_code_are_stage_inputs() -> None:
    """Editing a task template must regenerate the data (and so retrain and re-evaluate)."""
    from quantreason.pipeline.config import load_pipeline_config
    from quantreason.pipeline.main import PipelinePaths, build_stages

    config = load_pipeline_config("quick")
    stages = {s.name: s for s in build_stages(config, PipelinePaths(config))}
    assert "quantreason/tasks/returns.py" in stages["data"].settings["generator_code"]
    assert "quantreason/training/trainer.py" in stages["train"].settings["training_code"]
    assert "quantreason/formula.py" in stages["eval"].settings["evaluation_code"]


def test_package_depends_on_the_core_code_that_goes_into_the_archive() -> None:
    from quantreason.pipeline.config import load_pipeline_config
    from quantreason.pipeline.main import PipelinePaths, build_stages

    config = load_pipeline_config("full")
    stages = {s.name: s for s in build_stages(config, PipelinePaths(config))}
    core = stages["package"].settings["serving_core"]
    assert "quantreason/formula.py" in core and "quantreason/serving/predictor.py" in core
    assert not any(path.startswith(("quantreason/cli/", "quantreason/training/")) for path in core)
    assert set(stages["package"].settings["serving_entry"]) == {
        "inference/code/inference.py",
        "inference/code/requirements.txt",
    }


def test_report_links_the_experiment_log_only_when_there_is_one(tmp_path: Path) -> None:
    from quantreason.pipeline.report import EXPERIMENTS_NOTE, _experiments_note

    assert _experiments_note(tmp_path) == []
    (tmp_path / "experiments.md").write_text("# tried\n")
    assert _experiments_note(tmp_path)[0] == EXPERIMENTS_NOTE
