"""``quantreason eval``: numeric accuracy of the base and fine-tuned models (logic in
:mod:`quantreason.evaluation`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from quantreason.cli.options import (
    RetryOption,
    TaskClassifierOption,
    latest_run,
    task_classifier_or_latest,
)
from quantreason.cli.output import fail
from quantreason.evaluation.questions import DEFAULT_SPLITS
from quantreason.evaluation.runner import DEFAULT_BATCH_SIZE, DEFAULT_CONTINUOUS_BATCHING
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS
from quantreason.precision import DEFAULT_PRECISION


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("eval")(evaluate)


def evaluate(
    out: Annotated[Path, typer.Option("--out", help="Directory for results.json, results.md…")],
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Dataset directory (default: the last run's, if no file)."),
    ] = None,
    splits: Annotated[
        str, typer.Option("--splits", help="Comma-separated splits of --data.")
    ] = ",".join(DEFAULT_SPLITS),
    questions: Annotated[
        list[Path] | None,
        typer.Option(
            "--questions", help="External JSONL (id, question, answer, unit); repeatable."
        ),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option("--base", help="Base model spec: embedded, tiny-random, a directory, hub id."),
    ] = None,
    adapter: Annotated[
        Path | None, typer.Option("--adapter", help="PEFT adapter directory.")
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="At most N questions per set (spread over families)."),
    ] = None,
    base_limit: Annotated[
        int | None,
        typer.Option(
            "--base-limit",
            min=1,
            help="With --adapter: the base model on at most N questions per set (it scores ~0).",
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = DEFAULT_BATCH_SIZE,
    continuous: Annotated[
        bool,
        typer.Option(
            "--continuous-batching/--padded-batches",
            help="Generate through the continuous-batching engine or padded batches (default).",
        ),
    ] = DEFAULT_CONTINUOUS_BATCHING,
    max_new_tokens: Annotated[
        int, typer.Option("--max-new-tokens", min=1)
    ] = DEFAULT_MAX_NEW_TOKENS,
    samples: Annotated[
        int,
        typer.Option(
            "--samples", min=0, max=16, help="Self-consistency: sampled replies besides greedy."
        ),
    ] = 0,
    retry: RetryOption = 0,
    sc_sets: Annotated[
        str | None,
        typer.Option("--sc-sets", help="Comma-separated sets to vote on (default: all)."),
    ] = None,
    task_classifier: TaskClassifierOption = None,
    precision: Annotated[
        str,
        typer.Option(
            "--precision",
            help="Weights in fp32, bf16, or auto (bf16 where the device computes it natively).",
        ),
    ] = DEFAULT_PRECISION,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Keep the greedy batches an interrupted run into the same --out finished.",
        ),
    ] = False,
) -> None:
    """Evaluate base and fine-tuned on the same questions; no model flags: the last pipeline run."""
    from rich.console import Console

    from quantreason.evaluation import question_sets, run_evaluation

    console = Console()
    latest = latest_run() if base is None or adapter is None or data is None else {}
    if base is None and adapter is None:
        if not latest:
            raise typer.BadParameter(
                "no --base/--adapter and no previous pipeline run: run 'quantreason pipeline' "
                "or pass --base (and --adapter)",
                param_hint="--base",
            )
        base, adapter = latest["base"], latest.get("adapter")
    elif base is None:
        base = latest.get("base", "embedded")  # an adapter alone: its usual base
    if data is None and not questions:
        if not latest.get("data"):
            raise typer.BadParameter("give --data DIR or --questions PATH", param_hint="--data")
        data = Path(latest["data"])
    try:
        sets = question_sets(
            data_dir=data,
            splits=[s.strip() for s in splits.split(",") if s.strip()] if data else (),
            files=questions or (),
            limit=limit,
        )
    except (ValueError, FileNotFoundError) as err:  # QuestionError is a ValueError
        fail(err)
    described = ", ".join(f"{name} ({len(rows)})" for name, rows in sets.items())
    with_adapter = f" + adapter {adapter}" if adapter else ""
    console.print(f"evaluating [bold]{base}[/]{with_adapter} on {described}")
    from quantreason.consensus import SelfConsistency
    from quantreason.tasks.classifier import TaskClassifier

    classifier = task_classifier_or_latest(task_classifier, adapter)

    chosen = [s.strip() for s in sc_sets.split(",") if s.strip()] if sc_sets else None
    try:
        rows = run_evaluation(
            base,
            adapter,
            sets,
            out,
            batch_size=batch_size,
            max_new_tokens=max_new_tokens,
            self_consistency=SelfConsistency(samples=samples, retry_samples=retry),
            consistency_sets=chosen,
            continuous_batching=continuous,
            task_classifier=TaskClassifier.load(classifier) if classifier and adapter else None,
            base_limit=base_limit,
            precision=precision,
            resume=resume,
        )
    except ValueError as err:
        fail(err)
    _print_table(console, rows)
    console.print(f"wrote {out}/results.json, results.md, accuracy.png")


def _print_table(console: Any, rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="accuracy (formula evaluated) — all families")
    for column in ("model", "split", "n", "accuracy", "95 % CI", "stated", "parse failures"):
        table.add_column(column)
    for row in rows:
        if row["family"] != "all":
            continue
        table.add_row(
            row["model"],
            row["split"],
            str(row["n"]),
            f"{100 * row['accuracy']:.1f} %",
            f"{100 * row['ci_low']:.1f}–{100 * row['ci_high']:.1f}",
            f"{100 * row['stated_accuracy']:.1f} %",
            str(row["parse_failures"]),
        )
    console.print(table)
