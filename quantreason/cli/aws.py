"""``quantreason aws ...``: operate the deployed stacks (upload, train, deploy, invoke, status,
cost, teardown). The logic lives in ``quantreason.ops``; this module parses flags and prints.

Every command takes ``--stage``, ``--region``, ``--profile`` and ``--dry-run`` (print the API
calls it would make, make none). Expected failures print one line and exit 1, no traceback.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from quantreason.cli.output import fail

aws_app = typer.Typer(
    name="aws",
    help=(
        "Operate quantreason in AWS: stage-base-model, upload-data, train, deploy, "
        "remove-component, invoke, "
        "status, cost, teardown."
    ),
    no_args_is_help=True,
)
console = Console(soft_wrap=True)  # long S3 URIs and commands stay copy-pasteable
T = TypeVar("T")

Stage = Annotated[str, typer.Option("--stage", "-s", help="Stage whose stacks to use.")]
Region = Annotated[
    str | None, typer.Option(help="AWS region (default: the stage's, then your AWS config).")
]
Profile = Annotated[str | None, typer.Option(help="AWS profile from your AWS config files.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the API calls; make none.")]
Endpoint = Annotated[
    str | None, typer.Option(help="Endpoint name (default: the Endpoint stack's output).")
]
PollSeconds = Annotated[float, typer.Option(help="Seconds between status polls.", min=0)]


def _run(stage: str, region: str | None, profile: str | None, dry_run: bool, work: Callable) -> Any:
    """Build the context, run ``work(ctx)``, turn expected failures into one red line."""
    from quantreason.ops.session import OpsError, build_context, translate_errors
    from quantreason.stages import StageConfigError, stage_region

    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        # botocore logs "Found credentials in ..." at INFO on every command; keep it for -v.
        for name in ("botocore", "boto3"):
            logging.getLogger(name).setLevel(logging.WARNING)
    try:
        with translate_errors():
            ctx = build_context(stage, region, profile, dry_run, default_region=stage_region(stage))
            result = work(ctx)
    except (OpsError, StageConfigError) as err:  # a broken stage file: one line, no traceback
        fail(err, code=1)
    if dry_run:
        console.print(f"[yellow]dry run[/yellow] ({ctx.region}): calls that would be made:")
        for number, call in enumerate(ctx.recorder.calls, 1):
            console.print(f"  {number}. {call.render()}", markup=False, highlight=False)
    return result


@aws_app.command("upload-data")
def upload_data(
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
    data: Annotated[
        Path | None, typer.Option(help="Dataset dir (default: generate one now).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Upload even unchanged files.")] = False,
) -> None:
    """Upload the dataset splits and manifest to the stage's data bucket, skip unchanged files."""
    from quantreason.ops.upload import generate_dataset, upload_dataset

    def work(ctx: Any) -> None:
        with tempfile.TemporaryDirectory(prefix="quantreason-data-") as tmp:
            data_dir = data
            if data_dir is None:
                with console.status("generating the dataset"):
                    data_dir = generate_dataset(Path(tmp))
            result = upload_dataset(ctx, data_dir, force=force)
        if ctx.dry_run:
            return
        for item in result.files:
            state = "[green]uploaded[/green]" if item.uploaded else "unchanged"
            console.print(f"{state}  s3://{result.bucket}/{item.key}  sha256 {item.sha256[:12]}")
        console.print(f"training data channel: {result.s3_uri}")

    _run(stage, region, profile, dry_run, work)


@aws_app.command()
def train(
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
    train_profile: Annotated[
        str | None, typer.Option(help="Training profile (config/train/NAME.yaml) to override.")
    ] = None,
    sdk: Annotated[
        bool, typer.Option("--sdk", help="Start the training job directly, not the state machine.")
    ] = False,
    job_name: Annotated[str | None, typer.Option(help="Job name (default: timestamped).")] = None,
    follow: Annotated[bool, typer.Option(help="Follow status and logs to the end.")] = True,
    poll_seconds: PollSeconds = 15.0,
) -> None:
    """Start training (the Training stack's state machine, or --sdk), then follow it."""
    from quantreason.ops.base_model import require_staged
    from quantreason.ops.training import (
        default_job_name,
        follow_training,
        next_steps,
        start_training,
    )
    from quantreason.stages import stage_base_model

    def work(ctx: Any) -> None:
        ctx.poll_s = poll_seconds
        require_staged(ctx, stage_base_model(stage))  # before any job starts
        started = start_training(ctx, job_name or default_job_name(stage), train_profile, sdk)
        if ctx.dry_run:
            return
        console.print(f"training job: [bold]{started.job_name}[/bold]")
        if started.execution_arn:
            console.print(f"execution: {started.execution_arn}")
        if not follow:
            return
        with console.status(f"{started.job_name}: starting") as spinner:
            final = follow_training(
                ctx,
                started,
                on_status=lambda s: spinner.update(
                    f"{started.job_name}: {s.status} / {s.secondary_status}"
                ),
                on_log=lambda line: console.print(line, markup=False, highlight=False),
            )
        console.print(f"[green]Completed[/green]. Adapter (model.tar.gz): {final.model_artifacts}")
        # The training output holds the adapter only; serving also needs code/ beside it.
        console.print("next: package it for serving, then deploy:")
        for command in next_steps(final.model_artifacts, stage):
            console.print(f"  {command}", markup=False, highlight=False)

    _run(stage, region, profile, dry_run, work)


@aws_app.command("stage-base-model")
def stage_base_model_command(
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
    hub_id: Annotated[
        str | None,
        typer.Option(help="Hugging Face hub id; a gated model needs HF_TOKEN in the environment."),
    ] = None,
    revision: Annotated[str | None, typer.Option(help="Hub revision (default: main).")] = None,
    from_dir: Annotated[
        Path | None, typer.Option(help="A local checkpoint directory (e.g. the embedded model).")
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Name in the prefix (default: from the id or directory).")
    ] = None,
) -> None:
    """Put base weights in the stage's artifacts bucket once (base-models/<name>/<sha12>/)."""
    from quantreason.ops.base_model import default_name, stage_directory, stage_from_hub
    from quantreason.ops.session import OpsError

    def work(ctx: Any) -> None:
        if (hub_id is None) == (from_dir is None):
            raise OpsError("pass exactly one of --hub-id ORG/NAME or --from-dir DIR")
        if hub_id is not None:
            staged = stage_from_hub(ctx, hub_id, name, revision)
        else:
            staged = stage_directory(ctx, from_dir, name or default_name(str(from_dir.resolve())))
        if staged is None:
            console.print(f"would download {hub_id} ({revision or 'main'}) and stage it")
            return
        if ctx.dry_run:
            console.print(f"would stage {len(staged.files)} files at {staged.s3_uri}")
            return
        for item in staged.files:
            state = "[green]uploaded[/green]" if item.uploaded else "unchanged"
            console.print(f"{state}  {item.name}  {item.size} bytes  sha256 {item.sha256[:12]}")
        if staged.already_staged:
            console.print(f"already staged, nothing sent: {staged.s3_uri}")
        console.print(f"base model: {staged.s3_uri}")
        console.print(f"set in config/stages/{stage}.yaml, then deploy the stacks again:")
        console.print(f"  base_model: {staged.prefix}", markup=False, highlight=False)
        console.print(f"  npx cdk deploy --all -c stage={stage}", markup=False, highlight=False)

    _run(stage, region, profile, dry_run, work)


@aws_app.command()
def deploy(
    artifact: Annotated[str, typer.Argument(help="s3://.../model.tar.gz or a local model.tar.gz.")],
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
    direct: Annotated[
        bool, typer.Option("--direct", help="Also update the live endpoint with a new config now.")
    ] = False,
    endpoint: Endpoint = None,
    component: Annotated[
        str | None,
        typer.Option(
            help="Serve the adapter as this inference component on the base component "
            "(engine lmi-vllm); adds or replaces it, the base and other adapters stay."
        ),
    ] = None,
) -> None:
    """Build the adapter's serving data on the base model; write state/<stage>/deploy.json."""
    from quantreason.ops.deploy import (
        cdk_commands,
        compose_serving_data,
        fetch_archive,
        record_adapter,
        require_adapter_components,
        update_endpoint_direct,
        upload_adapter,
        vllm_rank_limit,
        write_deploy_state,
    )
    from quantreason.ops.session import OpsError
    from quantreason.stages import COMPONENT_NAME_RE, deploy_state_file, load_stage

    def deploy_component(ctx: Any, name: str) -> None:
        if not COMPONENT_NAME_RE.match(name):
            raise OpsError(f"component name {name!r}: 1-32 lowercase letters, digits and '-'")
        if direct:
            raise OpsError("--direct updates a single-model variant; components deploy via cdk")
        settings = require_adapter_components(stage)
        base_model = settings.base_model
        assert base_model is not None  # require_adapter_components checked it
        with tempfile.TemporaryDirectory(prefix="quantreason-deploy-") as tmp:
            archive = fetch_archive(ctx, artifact, Path(tmp))
            uri, digest = upload_adapter(ctx, archive, name, settings.endpoint.vllm.max_lora_rank)
        if ctx.dry_run:
            console.print(f"would add adapter component {name} to {deploy_state_file(stage)}")
            return
        path = record_adapter(stage, name, uri, digest, base_model)
        console.print(f"wrote {path}: adapter component {name} = {uri}")
        console.print("review, then apply (the base component is not touched):")
        for command in cdk_commands(stage, profile):
            console.print(f"  {command}", markup=False, highlight=False)

    def work(ctx: Any) -> None:
        if component is not None:
            deploy_component(ctx, component)
            return
        settings = load_stage(stage, with_deploy_state=False)
        if direct and settings.endpoint.uses_components:
            raise OpsError(
                f"--direct updates a single-model variant; stage {stage} serves inference "
                "components: apply the new serving data with cdk deploy; nothing was uploaded"
            )
        with tempfile.TemporaryDirectory(prefix="quantreason-deploy-") as tmp:
            archive = fetch_archive(ctx, artifact, Path(tmp))
            serving = compose_serving_data(
                ctx, archive, settings.base_model, vllm_rank_limit(settings)
            )
        if ctx.dry_run:
            console.print(f"would write {deploy_state_file(stage)}: model_data={serving.uri}")
            if direct:
                update_endpoint_direct(ctx, serving.uri, endpoint)
            return
        what = "already there" if serving.already_there else "written"
        console.print(f"serving data ({what}): {serving.uri}")
        path = write_deploy_state(stage, serving)
        console.print(f"wrote {path}: model_data = {serving.uri}")
        if direct:
            update = update_endpoint_direct(ctx, serving.uri, endpoint)
            console.print(
                f"updating {update.endpoint_name}: {update.previous_endpoint_config} -> "
                f"{update.endpoint_config_name} (model {update.model_name}; instance count kept)"
            )
            console.print(f"watch it: quantreason aws status --stage {stage}")
            return
        console.print("review, then apply:")
        for command in cdk_commands(stage, profile):
            console.print(f"  {command}", markup=False, highlight=False)

    _run(stage, region, profile, dry_run, work)


@aws_app.command("remove-component")
def remove_component(
    component: Annotated[str, typer.Argument(help="The adapter component's name.")],
    stage: Stage = "dev",
) -> None:
    """Drop an adapter component from state/<stage>/deploy.json (cdk deploy then deletes it)."""
    from quantreason.ops.deploy import cdk_commands, remove_adapter
    from quantreason.ops.session import OpsError

    try:
        path = remove_adapter(stage, component)
    except OpsError as err:
        fail(err, code=1)
    console.print(f"wrote {path}: adapter component {component} removed")
    for command in cdk_commands(stage):
        console.print(f"  {command}", markup=False, highlight=False)


@aws_app.command()
def invoke(
    questions: Annotated[list[str], typer.Argument(help="One or more questions.")],
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
    max_new_tokens: Annotated[int | None, typer.Option(help="Generation limit.")] = None,
    endpoint: Endpoint = None,
    component: Annotated[
        str | None,
        typer.Option(help="Adapter component to ask (its name in `aws deploy --component`)."),
    ] = None,
) -> None:
    """Send questions to the deployed endpoint and print its JSON answer."""
    from quantreason.ops.invoke import invoke as invoke_endpoint
    from quantreason.ops.session import OpsError
    from quantreason.stages import load_stage

    def work(ctx: Any) -> None:
        # SageMaker refuses a request without the InferenceComponentName header on an
        # endpoint that hosts components: say so before the call.
        if (
            component is None
            and endpoint is None
            and load_stage(stage, with_deploy_state=False).endpoint.uses_components
        ):
            raise OpsError(
                f"stage {stage} serves inference components: name one with --component "
                "(an adapter's name from `aws deploy --component`, or 'base')"
            )
        answer = invoke_endpoint(
            ctx,
            questions,
            max_new_tokens,
            endpoint,
            component,
            notify=lambda message: typer.echo(message, err=True),
        )
        if answer is not None:
            typer.echo(json.dumps(answer, indent=2))

    _run(stage, region, profile, dry_run, work)


@aws_app.command()
def status(
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
    endpoint: Endpoint = None,
) -> None:
    """Endpoint status, instance counts, scaling policy, last hour's traffic and latency."""
    from quantreason.ops.deploy import endpoint_name
    from quantreason.ops.report import print_status
    from quantreason.ops.session import OpsError
    from quantreason.ops.status import endpoint_status

    def work(ctx: Any) -> None:
        result = endpoint_status(ctx, endpoint_name(ctx, endpoint))
        if ctx.dry_run:
            return
        print_status(console, result)
        if result.status == "Failed":
            raise OpsError(f"endpoint {result.name} is Failed: {result.failure_reason}")

    _run(stage, region, profile, dry_run, work)


@aws_app.command()
def cost(
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
) -> None:
    """Estimated cost per hour and month of what runs now, and what teardown would save."""
    from quantreason.ops.cost import current_cost
    from quantreason.ops.report import print_cost

    def work(ctx: Any) -> None:
        report = current_cost(ctx)
        if ctx.dry_run:
            return
        print_cost(console, report)

    _run(stage, region, profile, dry_run, work)


@aws_app.command()
def teardown(
    stage: Stage = "dev",
    region: Region = None,
    profile: Profile = None,
    dry_run: DryRun = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    including_data: Annotated[
        bool, typer.Option(help="Also delete the Training and Storage stacks (data, artifacts).")
    ] = False,
    endpoint: Annotated[
        str | None, typer.Option(help="Delete this endpoint not managed by CDK (+config, model).")
    ] = None,
    poll_seconds: PollSeconds = 10.0,
) -> None:
    """Destroy the stage's endpoint stack (after confirmation); data stays unless asked."""
    from quantreason import naming
    from quantreason.ops import teardown as ops
    from quantreason.stages import StageConfigError, load_stage

    def work(ctx: Any) -> None:
        ctx.poll_s = poll_seconds
        if endpoint:
            loose = ops.plan_endpoint(ctx, endpoint)
            names = [loose.endpoint, loose.endpoint_config, *loose.models]
            _confirm(f"Delete endpoint, config and model(s): {', '.join(names)}?", yes or dry_run)
            ops.delete_endpoint(ctx, loose)
            if not ctx.dry_run:
                console.print(f"deleted {', '.join(names)}")
            return
        plan = ops.plan_stacks(ctx, including_data)
        for name in plan.missing:
            console.print(f"{name}: not deployed, nothing to delete")
        for name in plan.kept:
            console.print(f"{name}: kept (pass --including-data to delete data and artifacts)")
        if not plan.stacks:
            return
        names = [s.name for s in plan.stacks]
        _confirm(f"Delete stack(s) {', '.join(names)} in {ctx.region}?", yes or dry_run)
        with console.status(f"deleting {', '.join(names)}"):
            deleted = ops.delete_stacks(ctx, plan)
        if not ctx.dry_run:
            console.print(f"[green]deleted[/green] {', '.join(deleted)}")
        endpoint_name = next(
            (
                s.outputs.get(naming.OUTPUT_ENDPOINT_NAME)
                for s in plan.stacks
                if s.name == naming.stack_name(stage, naming.ENDPOINT)
            ),
            None,
        )
        if endpoint_name:  # the stack held an endpoint: SageMaker made it a log group
            try:
                keep = load_stage(stage, with_deploy_state=False).log_retention_days
            except StageConfigError as err:
                console.print(f"endpoint logs left as they are: {err}", markup=False)
                return
            days = ops.bound_endpoint_logs(ctx, endpoint_name, keep)
            if days is not None and not ctx.dry_run:
                group = naming.endpoint_log_group(endpoint_name)
                console.print(f"{group}: kept {days} days (SageMaker made it without retention)")

    _run(stage, region, profile, dry_run, work)


def _confirm(question: str, skip: bool) -> None:
    """Ask before deleting; anything but yes (or no terminal) stops with nothing deleted."""
    from quantreason.ops.session import OpsError

    if skip:
        return
    try:
        ok = typer.confirm(question, default=False)
    except typer.Abort:
        ok = False
    if not ok:
        raise OpsError("not confirmed: nothing deleted (pass --yes to skip the question)")


def register(app: typer.Typer) -> None:
    """Add ``quantreason aws ...`` to ``app``."""
    app.add_typer(aws_app, name="aws")
