"""``quantreason infra ...``: stage settings, snapshot templates and the offline ``cdk diff``.

Thin: synthesis runs in a subprocess (``python -m infra.snapshots``) and the CDK CLI through
``npx cdk``, so the core package never imports ``infra/`` or aws_cdk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from quantreason import naming
from quantreason.cli.output import fail
from quantreason.paths import REPO_ROOT, STATE_DIR
from quantreason.stages import StageConfigError, available_stages, load_stage

infra_app = typer.Typer(help="CDK infrastructure: stage settings, snapshots, offline diff.")
console = Console()
PARTS = (naming.STORAGE, naming.TRAINING, naming.ENDPOINT)


def _offline_env() -> dict[str, str]:
    """The environment of scripts/env.sh: no telemetry, no version check, no credentials."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        CDK_DISABLE_CLI_TELEMETRY="1",
        CDK_DISABLE_VERSION_CHECK="1",
        JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20",
        JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION="1",
    )
    return env


@infra_app.command("show")
def show(
    stage: Annotated[str, typer.Option(help="Stage name (config/stages/<stage>.yaml).")] = "dev",
) -> None:
    """Print a stage's validated settings."""
    try:
        s = load_stage(stage)
    except StageConfigError as err:
        fail(err)
    table = Table(title=f"stage {stage}", show_header=False)
    rows = {
        "region / account": f"{s.region} / {s.account or '(deploying credentials)'}",
        "removal": s.removal,
        "training": f"{s.training.instance_count} x {s.training.instance_type}, "
        f"profile {s.training.profile}, spot {s.training.spot}",
        "base model": s.base_model or "(none staged: quantreason aws stage-base-model)",
        "network": ("isolated" if s.network_isolation else "open")
        + (f", VPC subnets {', '.join(s.vpc.subnet_ids)}" if s.vpc else ""),
        "endpoint": s.endpoint.instance_type
        + f", engine {s.endpoint.engine}"
        + (", inference components" if s.endpoint.uses_components else ", one variant")
        + (", scales to zero" if s.endpoint.scale_to_zero else "")
        + (" (PARKED)" if s.endpoint.parked else ""),
        "autoscaling": f"{s.autoscaling.min_instances}..{s.autoscaling.max_instances} instances, "
        + (
            f"target {s.autoscaling.concurrency_target_per_copy:g} concurrent requests/copy, "
            if s.scales_on_concurrency and s.autoscaling.concurrency_target_per_copy
            else f"target {s.autoscaling.target_invocations_per_instance:g} "
            "invocations/min/instance, "
        )
        + f"cooldowns in {s.autoscaling.scale_in_cooldown_s}s out "
        f"{s.autoscaling.scale_out_cooldown_s}s",
        "deployment": s.endpoint.deployment.strategy,
        "model data": s.model_data or "(no adapter deployed: quantreason aws deploy)",
    }
    for key, value in rows.items():
        table.add_row(key, value)
    console.print(table)


@infra_app.command("snapshot")
def snapshot(
    stage: Annotated[
        list[str] | None,
        typer.Option(help="Stages to refresh, fresh and deployed sets (default: every stage)."),
    ] = None,
    check: Annotated[
        bool, typer.Option(help="Only compare with the snapshots; exit 1 on a change.")
    ] = False,
) -> None:
    """Refresh (or check) infra/snapshots/<stage>[-deployed]/*.template.json."""
    stages = stage or available_stages()
    cmd = [sys.executable, "-m", "infra.snapshots", "check" if check else "write", *stages]
    with console.status(f"synthesizing {', '.join(stages)} (cdk-nag included)"):
        result = subprocess.run(cmd, cwd=REPO_ROOT, env=_offline_env(), check=False)
    raise typer.Exit(result.returncode)


@infra_app.command("diff")
def diff(
    stage: Annotated[str, typer.Option(help="Stage to compare.")] = "dev",
    part: Annotated[
        list[str] | None, typer.Option(help="Storage, Training and/or Endpoint (default: all).")
    ] = None,
    fail: Annotated[bool, typer.Option(help="Exit 1 when a stack differs.")] = False,
) -> None:
    """``cdk diff`` of the current code against the committed snapshots (offline)."""
    env = _offline_env()
    with tempfile.TemporaryDirectory(prefix="quantreason-cdk-") as assembly:
        # Synthesize once, then diff every stack against the same cloud assembly.
        synth = ["npx", "--no-install", "cdk", "synth", "--quiet", "-c", f"stage={stage}"]
        with console.status(f"synthesizing {stage} (cdk-nag included)"):
            result = subprocess.run([*synth, "--output", assembly], cwd=REPO_ROOT, env=env)
        if result.returncode:
            raise typer.Exit(result.returncode)
        # The snapshots hold masked asset hashes: mask the new templates the same way.
        subprocess.run(
            [sys.executable, "-m", "infra.snapshots", "mask", assembly],
            cwd=REPO_ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        status = 0
        # With a deploy state the app has a model and endpoint: compare with that snapshot set.
        deployed = (STATE_DIR / stage / "deploy.json").is_file()
        folder = REPO_ROOT / "infra" / "snapshots" / (f"{stage}-deployed" if deployed else stage)
        for name in part or PARTS:
            stack = naming.stack_name(stage, name)
            template = folder / f"{stack}.template.json"
            cmd = ["npx", "--no-install", "cdk", "diff", "--app", assembly, "--exclusively"]
            cmd += ["--template", str(template), *(["--fail"] if fail else []), stack]
            console.rule(stack)
            result = subprocess.run(cmd, cwd=REPO_ROOT, env=env, check=False)
            status = status or result.returncode
    raise typer.Exit(status)


def register(app: typer.Typer) -> None:
    """Add ``quantreason infra ...``."""
    app.add_typer(infra_app, name="infra")
