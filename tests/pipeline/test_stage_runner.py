import json
from pathlib import Path

from quantreason.pipeline.runner import Stage, StageRunner


def _stage(out: Path, calls: list[str], settings: dict, after: list[str] | None = None) -> Stage:
    def run() -> dict:
        calls.append(out.name)
        out.write_text(json.dumps(settings))
        return {"wrote": out.name}

    return Stage(out.name, "test", run, [out], settings, after or [])


def _run_a_then_b(tmp_path: Path, calls: list[str], x: int) -> list:
    """A fresh runner over the same state dir: stage a (settings x), then b which reads a."""
    tmp_path.mkdir(parents=True, exist_ok=True)
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


def test_a_moved_run_directory_is_still_up_to_date(tmp_path: Path) -> None:
    import shutil

    calls: list[str] = []
    _run_a_then_b(tmp_path / "here", calls, 1)
    shutil.copytree(tmp_path / "here", tmp_path / "there")
    results = _run_a_then_b(tmp_path / "there", calls, 1)
    assert calls == ["a.txt", "b.txt"] and all(r.skipped for r in results)


def test_tampered_output_or_force_reruns(tmp_path: Path) -> None:
    calls: list[str] = []
    a = tmp_path / "a.txt"
    StageRunner(tmp_path / "state").run(_stage(a, calls, {"x": 1}))
    a.write_text("edited by hand")
    StageRunner(tmp_path / "state").run(_stage(a, calls, {"x": 1}))
    StageRunner(tmp_path / "state", force=True).run(_stage(a, calls, {"x": 1}))
    assert calls == ["a.txt"] * 3


def test_code_hash_keys_are_repository_paths_and_follow_the_content(tmp_path: Path) -> None:
    from quantreason.pipeline.runner import hash_files

    (tmp_path / "pkg").mkdir()
    module = tmp_path / "pkg" / "tasks.py"
    module.write_text("TEMPLATES = ('a',)\n")
    before = hash_files([module], relative_to=tmp_path)
    assert list(before) == ["pkg/tasks.py"]
    module.write_text("TEMPLATES = ('a', 'b')\n")
    assert hash_files([module], relative_to=tmp_path) != before


def test_generator_training_and_evaluation_code_are_stage_inputs() -> None:
    """Editing a task template must regenerate the data (and so retrain and re-evaluate)."""
    from quantreason.pipeline.config import load_pipeline_config
    from quantreason.pipeline.layout import PipelinePaths
    from quantreason.pipeline.steps import build_stages

    config = load_pipeline_config("quick")
    stages = {s.name: s for s in build_stages(config, PipelinePaths(config))}
    generator = stages["data"].settings["generator_code"]
    training = stages["train"].settings["training_code"]
    evaluation = stages["eval"].settings["evaluation_code"]
    assert (
        "quantreason/tasks/returns.py" in generator and "quantreason/reply/contract.py" in generator
    )
    assert "quantreason/training/trainer.py" in training and "training/train.py" in training
    assert "quantreason/formula.py" in evaluation and "quantreason/generation.py" in evaluation
    # Derived from the imports: what a stage cannot run is not its input.
    assert not any(path.startswith("quantreason/training/") for path in generator)
    assert not any(path.startswith(("quantreason/cli/", "quantreason/ops/")) for path in evaluation)


def test_package_depends_on_the_core_code_that_goes_into_the_archive() -> None:
    from quantreason.pipeline.config import load_pipeline_config
    from quantreason.pipeline.layout import PipelinePaths
    from quantreason.pipeline.steps import build_stages

    config = load_pipeline_config("full")
    stages = {s.name: s for s in build_stages(config, PipelinePaths(config))}
    code = stages["package"].settings["serving_code"]
    assert "quantreason/formula.py" in code and "quantreason/serving/predictor.py" in code
    assert not any(path.startswith(("quantreason/cli/", "quantreason/training/")) for path in code)
    assert {"inference/code/inference.py", "inference/vendor-requirements.txt"} <= set(code)
    assert stages["serve"].settings["serving_code"] == code


def test_training_and_evaluation_are_the_stages_that_resume() -> None:
    """The two long stages pick up an interrupted attempt (training from its checkpoint, the
    evaluation from its finished greedy batches); the others are short and start over."""
    from quantreason.pipeline.config import load_pipeline_config
    from quantreason.pipeline.layout import PipelinePaths
    from quantreason.pipeline.steps import build_stages

    config = load_pipeline_config("full")
    stages = build_stages(config, PipelinePaths(config))
    assert {stage.name for stage in stages if stage.resume is not None} == {"train", "eval"}


def test_report_links_the_experiment_log_only_when_there_is_one(tmp_path: Path) -> None:
    from quantreason.pipeline.report import EXPERIMENTS_NOTE, _experiments_note

    assert _experiments_note(tmp_path) == []
    (tmp_path / "experiments.md").write_text("# tried\n")
    assert _experiments_note(tmp_path)[0] == EXPERIMENTS_NOTE


def _resumable(out: Path, calls: list[str], crash: bool = False) -> Stage:
    """A stage that records whether it started over or resumed, and can die part-way."""

    def attempt(how: str) -> dict:
        calls.append(how)
        if crash:
            raise KeyboardInterrupt  # the pipeline stopped part-way (Ctrl-C, a killed machine)
        out.write_text("done")
        return {"how": how}

    return Stage(
        out.name, "test", lambda: attempt("run"), [out], {"x": 1}, resume=lambda: attempt("resume")
    )


def test_an_interrupted_stage_resumes_and_a_finished_one_does_not(tmp_path: Path) -> None:
    import pytest

    calls: list[str] = []
    out = tmp_path / "model.txt"
    with pytest.raises(KeyboardInterrupt):
        StageRunner(tmp_path / "state").run(_resumable(out, calls, crash=True))
    actions: list[str] = []
    result = StageRunner(tmp_path / "state").run(
        _resumable(out, calls), on_start=lambda stage, action: actions.append(action)
    )
    assert calls == ["run", "resume"] and actions == ["resume"]
    assert result.resumed and result.summary == {"how": "resume"}
    assert not (tmp_path / "state" / "model.txt.running.json").exists()

    # Finished: the next attempt (after the output is edited) starts over, as does --force.
    out.write_text("edited")
    assert not StageRunner(tmp_path / "state").run(_resumable(out, calls)).resumed
    assert calls[-1] == "run"


def test_an_interrupted_stage_starts_over_when_its_inputs_changed(tmp_path: Path) -> None:
    import pytest

    calls: list[str] = []
    out = tmp_path / "model.txt"
    with pytest.raises(KeyboardInterrupt):
        StageRunner(tmp_path / "state").run(_resumable(out, calls, crash=True))
    changed = _resumable(out, calls)
    changed.settings = {"x": 2}  # e.g. a new learning rate: the old checkpoints do not apply
    assert not StageRunner(tmp_path / "state").run(changed).resumed
    with pytest.raises(KeyboardInterrupt):
        StageRunner(tmp_path / "state").run(_resumable(out, calls, crash=True))
    assert not StageRunner(tmp_path / "state", force=True).run(_resumable(out, calls)).resumed
    assert calls == ["run", "run", "run", "run"]
