"""``quantreason data``: generate the dataset splits and manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quantreason.cli.output import fail


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("data")(data)
    app.command("task-classifier")(task_classifier)


def data(
    out: Annotated[Path, typer.Option("--out", help="Directory for the split files and manifest.")],
    seed: Annotated[
        int, typer.Option(help="Random seed; the same seed gives byte-identical files.")
    ] = 0,
    train_size: Annotated[int, typer.Option(min=0, help="Questions in train.")] = 900,
    validation_size: Annotated[int, typer.Option(min=0, help="Questions in validation.")] = 200,
    test_size: Annotated[
        int,
        typer.Option(min=0, help="Questions in each of test, test_ood_range, test_ood_template."),
    ] = 250,
    families: Annotated[
        str, typer.Option(help="Comma-separated family names to include (default: all).")
    ] = "",
    train_weights: Annotated[
        str,
        typer.Option(
            help="A family's share of train against the others' 1, e.g. 'npv=2,kelly=0.5'."
        ),
    ] = "",
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
        weights = _parse_weights(train_weights)
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("Generating questions", total=sum(sizes.values()))
            manifest = write_dataset(
                out, seed, sizes, chosen, lambda _: progress.advance(task), weights
            )
    except (KeyError, ValueError) as err:
        fail(err.args[0] if err.args else err)

    table = Table(title=f"Dataset in {out} (seed {seed})")
    headers = ("family", "unit", "tmpl", "held", "train", "val", "test", "ood_rng", "ood_tmpl")
    for header in headers:
        table.add_column(header, justify="left" if header in ("family", "unit") else "right")
    for row in family_summary(manifest):
        table.add_row(*(str(row[c]) for c in ("family", "unit", "templates", "held_out", *SPLITS)))
    table.add_row("all", "", "", "", *(str(manifest["sizes"][s]) for s in SPLITS), style="bold")
    console.print(table)
    console.print(f"manifest: {out / 'manifest.json'}")


def _parse_weights(text: str) -> dict[str, float]:
    """'npv=2,kelly=0.5' as {"npv": 2.0, "kelly": 0.5}; ValueError naming a malformed item."""
    weights = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = item.partition("=")
        try:
            weights[name.strip()] = float(value)
        except ValueError:  # no "=" leaves value empty: float("") fails too
            raise ValueError(f"train weight {item!r}: expected FAMILY=NUMBER") from None
    return weights


def task_classifier(
    data_dir: Annotated[
        Path, typer.Option("--data", help="Dataset directory (train.jsonl; validation.jsonl).")
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write it (default: DIR/task_classifier.npz)."),
    ] = None,
    adapter: Annotated[
        Path | None,
        typer.Option(
            "--adapter",
            help="The fine-tuned adapter it will serve with: also read that model's hidden "
            "states (the classifier then works with this adapter only).",
        ),
    ] = None,
    base: Annotated[
        str,
        typer.Option("--base", help="Base model spec of --adapter (embedded, a directory, ...)."),
    ] = "embedded",
) -> None:
    """Fit the task check's question classifier on a dataset's train split (for
    `package-model --task-classifier` when the model was trained elsewhere)."""
    from quantreason.tasks.classifier import CLASSIFIER_FILE
    from quantreason.tasks.classifier_fitting import fit_dataset_classifier

    try:
        base_path = None
        if adapter is not None:
            from quantreason.models import resolve_model

            base_path = resolve_model(base)
        summary = fit_dataset_classifier(
            data_dir, out or data_dir / CLASSIFIER_FILE, base=base_path, adapter=adapter
        )
    except (FileNotFoundError, ValueError, KeyError) as err:
        fail(err)
    reads = f", hidden states of layer {summary['hidden_layer']}" if adapter is not None else ""
    typer.echo(
        f"wrote {summary['path']}: {summary['tasks']} tasks, {summary['features']} features{reads}"
    )
    if summary["validation_task_accuracy"] is not None:
        share = 100 * summary["validation_task_accuracy"]
        typer.echo(f"validation: the task of {share:.1f} % of its questions read right")
