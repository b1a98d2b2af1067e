"""``quantreason plan-capacity``: autoscaling settings from a benchmark (logic in
quantreason.capacity)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated

import typer

from quantreason.capacity import (
    DEFAULT_SAFETY_FACTOR,
    DEFAULT_SCALE_IN_COOLDOWN_S,
    DEFAULT_SCALE_OUT_COOLDOWN_S,
)
from quantreason.cli.output import fail


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("plan-capacity")(plan_capacity)


def plan_capacity(
    peak_rps: Annotated[float, typer.Option("--peak-rps", help="Expected peak requests/s.")],
    bench_file: Annotated[
        Path | None, typer.Option("--bench", help="bench.json to plan from.")
    ] = None,
    latency: Annotated[
        float | None, typer.Option("--latency", help="Seconds per request (instead of --bench).")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="With --latency.")] = 1,
    slo: Annotated[float | None, typer.Option("--slo", help="Latency SLO in seconds.")] = None,
    safety_factor: Annotated[float, typer.Option("--safety-factor")] = DEFAULT_SAFETY_FACTOR,
    instance_type: Annotated[str, typer.Option("--instance-type")] = "ml.g5.xlarge",
    min_instances: Annotated[int, typer.Option("--min-instances", min=1)] = 1,
    scale_in_cooldown: Annotated[
        int, typer.Option("--scale-in-cooldown", min=0)
    ] = DEFAULT_SCALE_IN_COOLDOWN_S,
    scale_out_cooldown: Annotated[
        int, typer.Option("--scale-out-cooldown", min=0)
    ] = DEFAULT_SCALE_OUT_COOLDOWN_S,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    write_stage: Annotated[
        str | None,
        typer.Option("--write-stage", "--stage", help="Write state/<STAGE>/capacity.json."),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Also write the plan here.")] = None,
) -> None:
    """Autoscaling target, min/max instances, cooldowns and cost from latency and peak rate."""
    from quantreason.capacity import (
        CapacityError,
        capacity_from_benchmark,
        concurrency_target,
        plan,
    )

    if (bench_file is None) == (latency is None):
        raise typer.BadParameter("give exactly one of --bench or --latency")
    try:
        capacity_rps, source = None, f"given: {latency} s/request, {workers} worker(s)"
        per_copy = None  # concurrent requests per model copy: only a measured curve tells
        if bench_file is not None:
            bench = json.loads(bench_file.read_text())
            latency, capacity_rps, source = capacity_from_benchmark(bench, slo)
            per_copy = concurrency_target(bench, slo, safety_factor)
        result = plan(
            latency_s=latency,
            peak_rps=peak_rps,
            instance_type=instance_type,
            capacity_rps=capacity_rps,
            workers_per_instance=workers,
            safety_factor=safety_factor,
            latency_slo_s=slo,
            min_instances=min_instances,
            scale_in_cooldown_s=scale_in_cooldown,
            scale_out_cooldown_s=scale_out_cooldown,
            source=source,
        )
    except (CapacityError, ValueError) as err:
        fail(err)
    result = dataclasses.replace(result, concurrency_target_per_copy=per_copy)
    document = json.dumps(result.to_json(), indent=2)
    if as_json:
        typer.echo(document)
    else:
        typer.echo(
            f"{result.capacity_rps_per_instance:.3f} req/s per instance x {safety_factor} = "
            f"{result.sustainable_rps_per_instance:.3f} req/s -> target "
            f"{result.target_invocations_per_instance} invocations/min per instance\n"
            f"instances {result.min_instances}..{result.max_instances} for a peak of "
            f"{peak_rps} req/s; cooldowns in {result.scale_in_cooldown_s} s / out "
            f"{result.scale_out_cooldown_s} s\ncost per hour {result.cost_per_hour_min} "
            f"(min) .. {result.cost_per_hour_max} (max) {result.currency} on {instance_type}"
        )
        if per_copy is not None:
            typer.echo(f"concurrent requests per copy (ConcurrentRequestsPerCopy) -> {per_copy}")
    if write_stage:
        typer.echo(f"wrote {write_stage_file(result, write_stage)}", err=as_json)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(document + "\n")


def write_stage_file(result, stage: str) -> Path:
    """Write the stage's capacity file (kept separate for a clear error message)."""
    from quantreason.capacity import CapacityError, write_stage

    try:
        return write_stage(result, stage)
    except CapacityError as err:
        fail(err)
