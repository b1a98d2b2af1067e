"""``quantreason train`` and ``quantreason bench-train``: thin faces over ``quantreason.training``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import typer
from rich.console import Console

console = Console()


def train(
    profile: str = typer.Option(..., help="Training profile: tiny | local-quick | local | ..."),
    data: Path = typer.Option(..., help="Dataset directory holding train.jsonl."),
    out: Path = typer.Option(..., help="Run directory: adapter/, train_log.jsonl, loss.png."),
    nproc: int = typer.Option(1, help="Local processes (FSDP ranks), launched with torchrun."),
    resume: bool = typer.Option(False, help="Continue from the latest checkpoint in OUT."),
    set_: list[str] = typer.Option(
        [], "--set", help="Override a config value, e.g. --set train.epochs=1 (repeatable)."
    ),
) -> None:
    """Fine-tune a LoRA adapter with FSDP2 on NPROC local processes."""
    from quantreason.training.config import ConfigError, load_config
    from quantreason.training.launch import train_command, train_env

    try:  # fail here, before starting processes, on a bad profile or override
        load_config(profile, list(set_))
        command = train_command(profile, data, out, nproc, resume, set_)
    except (ConfigError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    console.print(f"[dim]$ {' '.join(command)}[/dim]")
    code = subprocess.call(command, env=train_env(nproc))
    if code:
        raise typer.Exit(code)
    console.print(f"[green]adapter:[/green] {out / 'adapter'}  [green]log:[/green] {out / 'train_log.jsonl'}")


def bench_train(
    out: Path = typer.Option(Path("runs/bench-train.json"), help="Where to write the JSON."),
    model: str = typer.Option("embedded", help="Model spec to benchmark."),
    steps: int = typer.Option(4, help="Timed optimizer steps per setting (after 1 warm-up)."),
    data: Path = typer.Option(None, help="Dataset dir (default: synthetic questions)."),
) -> None:
    """Tokens/s and peak memory: 1 process vs 2 FSDP processes, fp32 vs bf16; matmul peak + MFU."""
    from quantreason.training.bench import run_bench

    result = run_bench(out, model=model, steps=steps, data_dir=data, console=console)
    console.print(f"[green]wrote[/green] {out} ({len(result['settings'])} settings)")


def register(app: typer.Typer) -> None:
    """Add ``train`` and ``bench-train`` to ``app``."""
    app.command("train")(train)
    app.command("bench-train")(bench_train)
