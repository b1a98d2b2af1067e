"""``quantreason data``: generate the dataset splits and manifest."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("data")(data)


def data(
    out: Path = typer.Option(..., "--out", help="Directory for the split files and manifest."),
    seed: int = typer.Option(0, help="Random seed; the same seed gives byte-identical files."),
    train_size: int = typer.Option(900, min=0, help="Questions in train."),
    validation_size: int = typer.Option(200, min=0, help="Questions in validation."),
    test_size: int = typer.Option(
        240, min=0, help="Questions in each of test, test_ood_range and test_ood_template."
    ),
    families: str = typer.Option(
        "", help="Comma-separated family names to include (default: all)."
    ),
) -> None:
    """Generate train / validation / test / test_ood_range / test_ood_template and a manifest."""
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from quantreason.data import SPLITS, family_summary, write_dataset

    sizes = {
        "train": train_size,
        "validation": validation_size,
        "test": test_size,
        "test_ood_range": test_size,
        "test_ood_template": test_size,
    }
    chosen = [name.strip() for name in families.split(",") if name.strip()] or None
    console = Console()
    try:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("Generating questions", total=sum(sizes.values()))
            manifest = write_dataset(
                out, seed, sizes, chosen, on_record=lambda _: progress.advance(task)
            )
    except (KeyError, ValueError) as err:
        console.print(f"[red]error:[/red] {err.args[0] if err.args else err}")
        raise typer.Exit(2) from None

    table = Table(title=f"Dataset in {out} (seed {seed})")
    headers = ("family", "unit", "tmpl", "held", "train", "val", "test", "ood_rng", "ood_tmpl")
    for header in headers:
        table.add_column(header, justify="left" if header in ("family", "unit") else "right")
    for row in family_summary(manifest):
        table.add_row(*(str(row[c]) for c in ("family", "unit", "templates", "held_out", *SPLITS)))
    table.add_row("all", "", "", "", *(str(manifest["sizes"][s]) for s in SPLITS), style="bold")
    console.print(table)
    console.print(f"manifest: {out / 'manifest.json'}")
