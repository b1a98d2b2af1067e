"""``quantreason serve | bench | plan-capacity | package-model`` (logic in quantreason.serving,
quantreason.capacity and quantreason.packaging)."""

from __future__ import annotations

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
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS

ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="Base model spec (default: $QUANTREASON_BASE_MODEL or embedded)."),
]
AdapterOption = Annotated[
    Path | None, typer.Option("--adapter", help="PEFT adapter directory (default: base only).")
]


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("serve")(serve)
    app.command("bench")(bench)
    app.command("plan-capacity")(plan_capacity)
    app.command("package-model")(package_model)


def serve(
    model: ModelOption = None,
    adapter: AdapterOption = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8080,
    max_pending: Annotated[
        int, typer.Option("--max-pending", min=1, help="Queued+running requests before 503.")
    ] = 8,
) -> None:
    """Serve POST /invocations and GET /ping on 127.0.0.1 (the SageMaker contract)."""
    from dataclasses import replace

    from quantreason.serving.app import create_app
    from quantreason.serving.handler import ServingSettings, load_predictor
    from quantreason.serving.local import serve_forever

    settings = ServingSettings.from_env()
    if model is not None:
        settings = replace(settings, base_model=model)
    app = create_app(
        lambda: load_predictor(adapter, settings), limits=settings.limits, max_pending=max_pending
    )
    serve_forever(app, port)


def _questions(data: Path | None, split: str) -> list[str]:
    if data is not None:
        from quantreason.data import load_split

        return [record["question"] for record in load_split(data, split)]
    from quantreason.data import generate_dataset

    return [record["question"] for record in generate_dataset(seed=0)[split]]


def bench(
    model: ModelOption = None,
    adapter: AdapterOption = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Dataset dir (default: generated, seed 0).")
    ] = None,
    split: Annotated[str, typer.Option("--split")] = "test",
    url: Annotated[
        str | None, typer.Option("--url", help="Benchmark a running server instead.")
    ] = None,
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", help="Benchmark a SageMaker endpoint instead.")
    ] = None,
    region: Annotated[str | None, typer.Option("--region")] = None,
    concurrency: Annotated[str, typer.Option("--concurrency", help="Comma list.")] = "1,2,4",
    requests: Annotated[int, typer.Option("--requests", min=1, help="Per level.")] = 16,
    duration: Annotated[float, typer.Option("--duration", min=1, help="Max s per level.")] = 120,
    max_new_tokens: Annotated[
        int, typer.Option("--max-new-tokens", min=1, max=256)
    ] = DEFAULT_MAX_NEW_TOKENS,
    decode: Annotated[bool, typer.Option("--decode/--no-decode", help="Local only.")] = True,
    out: Annotated[Path, typer.Option("--out")] = Path("runs/bench"),
) -> None:
    """Load benchmark: p50/p95/p99, throughput, errors per concurrency; bench.json + bench.png."""
    from rich.console import Console

    from quantreason.serving import bench as bench_core

    try:
        levels = [int(c) for c in concurrency.split(",") if c.strip()]
    except ValueError:
        raise typer.BadParameter("--concurrency must be integers like 1,2,4") from None
    if not levels or min(levels) < 1:
        raise typer.BadParameter("--concurrency needs positive integers")
    if url and endpoint:
        raise typer.BadParameter("give --url or --endpoint, not both")
    questions = _questions(data, split)
    console = Console()
    if url is None and endpoint is None:
        from quantreason.serving.handler import ServingSettings
        from quantreason.serving.local_bench import run_local_benchmark

        base = model or ServingSettings.from_env().base_model
        result = run_local_benchmark(
            base,
            adapter,
            questions,
            out,
            levels,
            requests,
            max_duration_s=duration,
            max_new_tokens=max_new_tokens,
            decode=decode,
        )
    else:
        invoker = (
            bench_core.HttpInvoker(url)
            if url
            else bench_core.SageMakerInvoker(endpoint, region=region)
        )
        try:
            result = {
                "title": f"{url or endpoint}",
                "target": url or f"sagemaker:{endpoint}",
                "levels": bench_core.run_benchmark(
                    invoker,
                    questions,
                    levels,
                    requests_per_level=requests,
                    max_duration_s=duration,
                    max_new_tokens=max_new_tokens,
                ),
            }
        finally:
            invoker.close()
        out.mkdir(parents=True, exist_ok=True)
        (out / "bench.json").write_text(json.dumps(result, indent=2) + "\n")
        bench_core.plot_benchmark(result, out / "bench.png")
    _print_bench(console, result)
    console.print(f"wrote {out / 'bench.json'} and {out / 'bench.png'}")


def _print_bench(console, result: dict) -> None:
    from rich.table import Table

    table = Table(title=result["title"])
    for column in ("conc.", "req", "err", "p50 s", "p95 s", "p99 s", "req/s", "out tok"):
        table.add_column(column, justify="right")
    for level in result["levels"]:
        lat = level["latency_s"] or {}
        table.add_row(
            str(level["concurrency"]),
            str(level["requests"]),
            str(level["errors"]),
            *(f"{lat[k]:.3f}" if lat else "-" for k in ("p50", "p95", "p99")),
            f"{level['throughput_rps']:.3f}",
            f"{level['output_tokens_mean'] or 0:.1f}",
        )
    console.print(table)
    if overhead := result.get("overhead"):
        console.print(
            f"serving overhead: {overhead['overhead_pct']:+.1f} % of the mean, "
            f"{overhead['overhead_pct_median_pair']:+.1f} % median per pair "
            f"(endpoint {overhead['endpoint_mean_s']:.3f} s vs raw generate "
            f"{overhead['raw_generate_mean_s']:.3f} s; same completions: "
            f"{overhead['same_completions']})"
        )
    if decode := result.get("decode"):
        for variant in decode["variants"]:
            if "error" in variant:
                console.print(f"decode {variant['variant']}: failed ({variant['error']})")
            else:
                console.print(
                    f"decode {variant['variant']}: {variant['tokens_per_s']:.1f} tok/s = "
                    f"{100 * variant['fraction_of_limit']:.0f} % of the "
                    f"{decode['limit_tokens_per_s']:.1f} tok/s limit "
                    f"({decode['bandwidth_gbs']:.1f} GB/s / {decode['weight_bytes'] / 1e6:.0f} MB)"
                    f"; same tokens: {variant['same_tokens']}"
                )


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
    from quantreason.capacity import CapacityError, capacity_from_benchmark, plan

    if (bench_file is None) == (latency is None):
        raise typer.BadParameter("give exactly one of --bench or --latency")
    try:
        capacity_rps, source = None, f"given: {latency} s/request, {workers} worker(s)"
        if bench_file is not None:
            latency, capacity_rps, source = capacity_from_benchmark(
                json.loads(bench_file.read_text()), slo
            )
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


def package_model(
    adapter: Annotated[
        Path | None, typer.Option("--adapter", help="PEFT adapter dir (omit: base model only).")
    ] = None,
    out: Annotated[Path, typer.Option("--out")] = Path("model.tar.gz"),
) -> None:
    """Build model.tar.gz: adapter at its root + code/inference.py, the core modules it imports
    and the vendored packages the DLC lacks (code/lib)."""
    import tempfile

    from quantreason.packaging import PackagingError
    from quantreason.packaging import package_model as build

    with tempfile.TemporaryDirectory() as work:
        try:
            path = build(adapter, out, Path(work))
        except PackagingError as err:
            fail(err)
    typer.echo(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
