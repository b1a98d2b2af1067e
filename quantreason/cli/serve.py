"""``quantreason serve | bench``: the local endpoint and the load benchmark (logic in
quantreason.serving)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quantreason.cli.options import TaskClassifierOption, task_classifier_or_latest
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


def serve(
    model: ModelOption = None,
    adapter: AdapterOption = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8080,
    task_classifier: TaskClassifierOption = None,
    max_pending: Annotated[
        int, typer.Option("--max-pending", min=1, help="Queued+running requests before 503.")
    ] = 16,
) -> None:
    """Serve POST /invocations and GET /ping on 127.0.0.1 (the SageMaker contract)."""
    from dataclasses import replace

    from quantreason.serving.http_app import create_app
    from quantreason.serving.local_server import serve_forever
    from quantreason.serving.predictor import load_predictor
    from quantreason.serving.settings import ServingSettings

    settings = ServingSettings.from_env()
    if model is not None:
        settings = replace(settings, base_model=model)
    classifier = task_classifier_or_latest(task_classifier, adapter)
    app = create_app(
        lambda: load_predictor(adapter, settings, classifier),
        limits=settings.limits,
        max_pending=max_pending,
    )
    serve_forever(app, port)


def _questions(data: Path | None, split: str) -> list[str]:
    if data is not None:
        from quantreason.data import load_split

        return [record["question"] for record in load_split(data, split)]
    from quantreason.data import generate_dataset

    return [record["question"] for record in generate_dataset(seed=0)[split]]


def _concurrencies(text: str) -> list[int]:
    try:
        levels = [int(c) for c in text.split(",") if c.strip()]
    except ValueError:
        raise typer.BadParameter("--concurrency must be integers like 1,2,4,8,16") from None
    if not levels or min(levels) < 1:
        raise typer.BadParameter("--concurrency needs positive integers")
    return levels


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
    component: Annotated[
        str | None, typer.Option("--component", help="Inference component (with --endpoint).")
    ] = None,
    region: Annotated[str | None, typer.Option("--region")] = None,
    concurrency: Annotated[str, typer.Option("--concurrency", help="Comma list.")] = "1,2,4,8,16",
    requests: Annotated[int, typer.Option("--requests", min=1, help="Per level.")] = 16,
    duration: Annotated[float, typer.Option("--duration", min=1, help="Max s per level.")] = 120,
    max_new_tokens: Annotated[
        int, typer.Option("--max-new-tokens", min=1, max=256)
    ] = DEFAULT_MAX_NEW_TOKENS,
    decode: Annotated[bool, typer.Option("--decode/--no-decode", help="Local only.")] = True,
    batching: Annotated[
        bool, typer.Option("--batching/--no-batching", help="Local only: batch requests.")
    ] = True,
    out: Annotated[Path, typer.Option("--out")] = Path("runs/bench"),
) -> None:
    """Load benchmark: p50/p95/p99, throughput, errors per concurrency; bench.json + bench.png."""
    from rich.console import Console

    from quantreason.serving import bench as bench_core

    levels = _concurrencies(concurrency)
    if url and endpoint:
        raise typer.BadParameter("give --url or --endpoint, not both")
    questions = _questions(data, split)
    if url is None and endpoint is None:
        from quantreason.serving.local_bench import run_local_benchmark
        from quantreason.serving.settings import ServingSettings

        result = run_local_benchmark(
            model or ServingSettings.from_env().base_model,
            adapter,
            questions,
            out,
            levels,
            requests,
            max_duration_s=duration,
            max_new_tokens=max_new_tokens,
            decode=decode,
            batching=batching,
        )
    else:
        from quantreason.serving.invokers import HttpInvoker, SageMakerInvoker

        invoker = (
            HttpInvoker(url)
            if url
            else SageMakerInvoker(endpoint, region=region, component=component)
        )
        target = url or f"sagemaker:{endpoint}" + (f"/{component}" if component else "")
        try:
            result = bench_core.run_remote_benchmark(
                invoker,
                target,
                questions,
                out,
                levels,
                requests_per_level=requests,
                max_duration_s=duration,
                max_new_tokens=max_new_tokens,
            )
        finally:
            invoker.close()
    console = Console()
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
    for row in result.get("scaling", []):
        console.print(
            f"concurrency {row['concurrency']}: throughput x{row['throughput_x']:.2f} of "
            f"concurrency 1, p95 = {row['p95_over_single_p50']:.2f} x its p50"
        )
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
