"""``quantreason train`` and ``quantreason bench-train``: thin faces over the training package."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from quantreason.cli.output import fail

console = Console()
BENCH_OUT = Path("runs/bench-train.json")


def train(
    profile: Annotated[str, typer.Option(help="Profile: tiny | local-quick | local | ...")],
    data: Annotated[Path, typer.Option(help="Dataset directory holding train.jsonl.")],
    out: Annotated[Path, typer.Option(help="Run directory: adapter/, train_log.jsonl, loss.png.")],
    nproc: Annotated[int, typer.Option(help="Local processes (FSDP ranks), via torchrun.")] = 1,
    resume: Annotated[bool, typer.Option(help="Continue from the latest checkpoint.")] = False,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override a config value: --set train.epochs=1 (repeatable)."),
    ] = None,
) -> None:
    """Fine-tune a LoRA adapter with FSDP2 on NPROC local processes."""
    from quantreason.training.config import ConfigError, load_config
    from quantreason.training.launch import processes_for, train_command, train_env

    try:  # fail here, before starting processes, on a bad profile or override
        set_ = set_ or []
        load_config(profile, list(set_))
        fitted = processes_for(nproc)
        if fitted < nproc:
            console.print(
                f"[yellow]{nproc} processes asked, {fitted} GPU(s) here: "
                "one process per GPU, same global batch[/yellow]"
            )
            nproc = fitted
        command = train_command(profile, data, out, nproc, resume, set_)
    except (ConfigError, ValueError) as exc:
        fail(exc)
    console.print(f"[dim]$ {' '.join(command)}[/dim]")
    code = subprocess.call(command, env=train_env(nproc))
    if code:
        raise typer.Exit(code)
    console.print(
        f"[green]adapter:[/green] {out / 'adapter'}  [green]log:[/green] {out / 'train_log.jsonl'}"
    )


def bench_train(
    out: Annotated[Path, typer.Option(help="Where to write the JSON.")] = BENCH_OUT,
    model: Annotated[str, typer.Option(help="Model spec to benchmark.")] = "embedded",
    steps: Annotated[int, typer.Option(help="Timed steps per setting (after 1 warm-up).")] = 4,
    data: Annotated[Path | None, typer.Option(help="Dataset dir (default: synthetic).")] = None,
) -> None:
    """Tokens/s and peak memory: 1 process vs 2 FSDP processes, fp32 vs bf16; matmul peak + MFU."""
    from quantreason.training.bench import run_bench

    result = run_bench(out, model=model, steps=steps, data_dir=data, console=console)
    console.print(f"[green]wrote[/green] {out} ({len(result['settings'])} settings)")


def register(app: typer.Typer) -> None:
    """Add ``train`` and ``bench-train`` to ``app``."""
    app.command("train")(train)
    app.command("bench-train")(bench_train)
