"""Capacity planner maths, including the reference system's case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quantreason.capacity import (
    CapacityError,
    capacity_from_benchmark,
    concurrency_target,
    plan,
    write_stage,
)
from quantreason.pricing import PriceTable

PRICES = PriceTable(currency="USD", region="us-east-1", hours_per_month=730,
                    hourly={"ml.g5.xlarge": 1.408, "ml.c5.xlarge": 0.204})  # fmt: skip


def test_reference_system_case() -> None:
    result = plan(latency_s=0.73, peak_rps=10, instance_type="ml.g5.xlarge", prices=PRICES)
    assert result.capacity_rps_per_instance == pytest.approx(1.37, abs=0.005)
    assert result.sustainable_rps_per_instance == pytest.approx(0.959, abs=0.001)  # ~1 req/s
    assert result.target_invocations_per_instance == 57  # 57.5 per minute, rounded down
    assert result.max_instances == 11  # 600 per minute / 57 = 10.5 -> 11
    assert result.cost_per_hour_min == pytest.approx(1.408)
    assert result.cost_per_hour_max == pytest.approx(11 * 1.408)
    assert result.cost_per_month_max == pytest.approx(11 * 1.408 * 730, abs=0.01)


@pytest.mark.parametrize(("peak", "expected"), [(0.5, 1), (0.95, 1), (0.96, 2), (5, 6)])
def test_max_instances_for_peak(peak: float, expected: int) -> None:
    result = plan(latency_s=0.73, peak_rps=peak, instance_type="ml.g5.xlarge", prices=PRICES)
    assert result.max_instances == expected


def test_workers_and_min_instances() -> None:
    result = plan(latency_s=1.0, peak_rps=1, instance_type="ml.c5.xlarge", workers_per_instance=4,
                  min_instances=3, prices=PRICES)  # fmt: skip
    assert result.target_invocations_per_instance == 168  # 4 req/s x 0.7 x 60
    assert result.max_instances == 3  # never below min
    assert result.cost_per_hour_min == pytest.approx(3 * 0.204)


@pytest.mark.parametrize(
    "kwargs",
    [{"latency_s": 0}, {"latency_s": float("nan")}, {"peak_rps": -1}, {"safety_factor": 1.5},
     {"min_instances": 0}, {"latency_s": 3.0, "latency_slo_s": 2.0}, {"latency_s": 120.0}],
)  # fmt: skip
def test_bad_inputs(kwargs: dict) -> None:
    args = {"latency_s": 0.73, "peak_rps": 1, "instance_type": "ml.g5.xlarge", "prices": PRICES}
    with pytest.raises(CapacityError):
        plan(**{**args, **kwargs})


def test_from_benchmark_picks_best_level_within_slo() -> None:
    bench = {"levels": [
        {"concurrency": 1, "errors": 0, "throughput_rps": 1.0, "latency_s": {"p95": 1.1}},
        {"concurrency": 2, "errors": 0, "throughput_rps": 1.6, "latency_s": {"p95": 1.4}},
        {"concurrency": 4, "errors": 0, "throughput_rps": 2.0, "latency_s": {"p95": 2.5}},
        {"concurrency": 8, "errors": 3, "throughput_rps": 2.2, "latency_s": {"p95": 1.0}},
    ]}  # fmt: skip
    latency, capacity, source = capacity_from_benchmark(bench, latency_slo_s=2.0)
    assert (latency, capacity) == (1.4, 1.6)
    assert "concurrency 2" in source
    assert capacity_from_benchmark(bench, None)[1] == 2.0
    with pytest.raises(CapacityError, match="SLO"):
        capacity_from_benchmark(bench, latency_slo_s=0.5)


def test_concurrency_target_from_the_measured_curve() -> None:
    """The committed batching run (reports/local/batching/bench.json), in short."""
    bench = {"levels": [
        {"concurrency": 1, "errors": 0, "throughput_rps": 0.255, "latency_s": {"p95": 8.54}},
        {"concurrency": 4, "errors": 0, "throughput_rps": 0.403, "latency_s": {"p95": 15.01}},
        {"concurrency": 8, "errors": 0, "throughput_rps": 0.407, "latency_s": {"p95": 24.93}},
        {"concurrency": 16, "errors": 0, "throughput_rps": 0.559, "latency_s": {"p95": 35.31}},
    ]}  # fmt: skip
    assert concurrency_target(bench, latency_slo_s=30.0) == 5  # 8 in flight x 0.7
    assert concurrency_target(bench, latency_slo_s=10.0) == 1  # never below one
    assert concurrency_target(bench, latency_slo_s=None, safety_factor=0.5) == 8
    with pytest.raises(CapacityError, match="SLO"):
        concurrency_target(bench, latency_slo_s=1.0)


def test_write_stage_schema(tmp_path: Path) -> None:
    result = plan(latency_s=0.73, peak_rps=10, instance_type="ml.g5.xlarge", prices=PRICES)
    path = write_stage(result, "dev", tmp_path)
    assert path == tmp_path / "dev" / "capacity.json"  # where load_stage reads it
    data = json.loads(path.read_text())
    assert data["instance_type"] == "ml.g5.xlarge"  # load_stage checks it against the stage
    for key in ("target_invocations_per_instance", "min_instances", "max_instances",
                "scale_in_cooldown_s", "scale_out_cooldown_s", "cost_per_hour_min",
                "cost_per_hour_max"):  # fmt: skip
        assert key in data
    with pytest.raises(CapacityError):
        write_stage(result, "../etc", tmp_path)


def test_cli_json_and_errors(tmp_path: Path) -> None:
    from quantreason.cli import app

    runner = CliRunner()
    out = tmp_path / "capacity.json"
    result = runner.invoke(app, ["plan-capacity", "--latency", "0.73", "--peak-rps", "10",
                                 "--json", "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["target_invocations_per_instance"] == 57
    assert json.loads(out.read_text())["max_instances"] == 11
    bad = runner.invoke(app, ["plan-capacity", "--peak-rps", "10"])
    assert bad.exit_code != 0
    assert "exactly one of --bench or --latency" in bad.output
    assert "concurrency_target_per_copy" not in json.loads(result.stdout)  # no curve: no target


def test_cli_proposes_the_concurrency_target_from_a_benchmark() -> None:
    from quantreason.cli import app

    bench = Path(__file__).parents[2] / "reports" / "local" / "batching" / "bench.json"
    result = CliRunner().invoke(app, ["plan-capacity", "--bench", str(bench), "--peak-rps", "1",
                                      "--slo", "30", "--instance-type", "ml.c5.xlarge",
                                      "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["concurrency_target_per_copy"] == 5  # 8 x 0.7


def test_concurrency_target_reaches_the_stage_through_capacity_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """plan-capacity --bench --stage writes the per-copy target; the stage scales on it."""
    import shutil

    from quantreason.paths import CONFIG_DIR
    from quantreason.stages import StageConfigError, load_stage

    config = tmp_path / "config"
    shutil.copytree(CONFIG_DIR / "stages", config / "stages")
    stage_file = config / "stages" / "dev.yaml"
    stage_file.write_text(
        stage_file.read_text().replace("  engine: hf\n", "  engine: lmi-vllm\n", 1)
    )
    bench = Path(__file__).parents[2] / "reports" / "local" / "batching" / "bench.json"
    runner = CliRunner()
    from quantreason.cli import app

    # Without a curve there is no per-copy target: a components stage refuses to load.
    write_stage(plan(latency_s=0.73, peak_rps=1, instance_type="ml.g5.xlarge"), "dev", tmp_path)
    with pytest.raises(StageConfigError, match="concurrency_target_per_copy is needed"):
        load_stage("dev", config_dir=config, state_root=tmp_path)
    import quantreason.capacity as capacity

    # The CLI writes under the repository's state/: point it at the copy.
    original = capacity.capacity_state_file
    monkeypatch.setattr(
        capacity, "capacity_state_file", lambda stage, root=None: original(stage, tmp_path)
    )
    result = runner.invoke(app, ["plan-capacity", "--bench", str(bench), "--peak-rps", "1",
                                 "--slo", "30", "--stage", "dev"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        json.loads((tmp_path / "dev" / "capacity.json").read_text())["concurrency_target_per_copy"]
        == 5
    )
    settings = load_stage("dev", config_dir=config, state_root=tmp_path)
    assert settings.autoscaling.concurrency_target_per_copy == 5
    assert settings.scales_on_concurrency
