"""``quantreason package-model``: build model.tar.gz (logic in quantreason.packaging)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quantreason.cli.options import TaskClassifierOption, task_classifier_or_latest
from quantreason.cli.output import fail


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("package-model")(package_model)


def package_model(
    adapter: Annotated[
        Path | None, typer.Option("--adapter", help="PEFT adapter dir (omit: base model only).")
    ] = None,
    out: Annotated[Path, typer.Option("--out")] = Path("model.tar.gz"),
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="hf: code/inference.py for the HF toolkit; lmi-vllm: model.py (LMI formatters) "
            "at the root, for `aws deploy --component`.",
        ),
    ] = "hf",
    task_classifier: TaskClassifierOption = None,
) -> None:
    """Build model.tar.gz: adapter at its root + code/inference.py (or model.py for lmi-vllm),
    the core modules it imports and the vendored packages the DLC lacks (code/lib)."""
    import tempfile

    from quantreason.packaging import PackagingError
    from quantreason.packaging import package_model as build

    with tempfile.TemporaryDirectory() as work:
        try:
            path = build(
                adapter,
                out,
                Path(work),
                engine=engine,
                task_classifier=task_classifier_or_latest(task_classifier, adapter),
            )
        except PackagingError as err:
            fail(err)
    typer.echo(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
