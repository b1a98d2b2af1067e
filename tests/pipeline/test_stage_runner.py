import json
from pathlib import Path

from quantreason.pipeline.runner import Stage, StageRunner


def _stage(out: Path, calls: list[str], settings: dict, after: list[str] | None = None) -> Stage:
    def run() -> dict:
        calls.append(out.name)
        out.write_text(json.dumps(settings))
        return {"wrote": out.name}

    return Stage(out.name, "test", run, [out], settings, after or [])


def test_stage_is_skipped_when_inputs_and_outputs_are_unchanged(tmp_path: Path) -> None:
    calls: list[str] = []
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    runner = StageRunner(tmp_path / "state")
    runner.run(_stage(a, calls, {"x": 1}))
    runner.run(_stage(b, calls, {}, ["a.txt"]))
    assert calls == ["a.txt", "b.txt"]

    again = StageRunner(tmp_path / "state")
    results = [again.run(_stage(a, calls, {"x": 1})), again.run(_stage(b, calls, {}, ["a.txt"]))]
    assert calls == ["a.txt", "b.txt"]
    assert all(r.skipped for r in results) and results[0].summary == {"wrote": "a.txt"}


def test_changed_settings_rerun_the_stage_and_its_dependants(tmp_path: Path) -> None:
    calls: list[str] = []
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    runner = StageRunner(tmp_path / "state")
    runner.run(_stage(a, calls, {"x": 1}))
    runner.run(_stage(b, calls, {}, ["a.txt"]))
    calls.clear()
    rerun = StageRunner(tmp_path / "state")
    rerun.run(_stage(a, calls, {"x": 2}))  # new settings -> new output bytes
    rerun.run(_stage(b, calls, {}, ["a.txt"]))  # upstream hash changed -> reruns
    assert calls == ["a.txt", "b.txt"]


def test_tampered_output_or_force_reruns(tmp_path: Path) -> None:
    calls: list[str] = []
    a = tmp_path / "a.txt"
    StageRunner(tmp_path / "state").run(_stage(a, calls, {"x": 1}))
    a.write_text("edited by hand")
    StageRunner(tmp_path / "state").run(_stage(a, calls, {"x": 1}))
    StageRunner(tmp_path / "state", force=True).run(_stage(a, calls, {"x": 1}))
    assert calls == ["a.txt"] * 3
