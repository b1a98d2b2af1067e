"""``quantreason aws train``: start training in SageMaker and follow it to the adapter.

Two ways to start, one job: the Training stack's Step Functions state machine (default), or
``--sdk``, a direct ``CreateTrainingJob`` whose request is the state machine's own
``createTrainingJob`` task parameters. Reusing them means the same image, hyperparameters,
distribution and instance settings by construction, and no copy of them lives here (the
~1 GB ``sagemaker`` SDK would only rebuild the same request).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from quantreason import naming
from quantreason.ops.session import OpsContext, OpsError
from quantreason.ops.stacks import OWNER_KEYS, ownership_tags, stack_output

LOG_GROUP = naming.TRAINING_LOG_GROUP
TERMINAL = {"Completed", "Failed", "Stopped"}
_TASK_RESOURCE = re.compile(r"^arn:aws[\w-]*:states:::sagemaker:createTrainingJob(\.sync)?$")
_FORMAT = re.compile(r"^States\.Format\('(?P<template>[^'%]*)'(?P<args>(\s*,\s*[^,()]+)*)\)$")
_JOB_NAME = re.compile(r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")


@dataclass(frozen=True)
class StartedTraining:
    """A training run that was started: the job's name and how it was started."""

    job_name: str
    execution_arn: str | None  # None when started with --sdk
    state_machine_arn: str


@dataclass(frozen=True)
class JobSnapshot:
    """One poll of the training job."""

    status: str
    secondary_status: str
    failure_reason: str | None = None
    model_artifacts: str | None = None


def default_job_name(stage: str, now: float | None = None) -> str:
    """``quantreason-<stage>-YYYYmmdd-HHMMSS`` (unique per second, valid as a job name)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now))
    return f"{naming.training_job_prefix(stage)}{stamp}"


def execution_input(job_name: str, train_profile: str | None) -> dict[str, Any]:
    """The state machine's input: the job name and, when given, the training profile."""
    data: dict[str, Any] = {"TrainingJobName": job_name}
    if train_profile:
        data["profile"] = train_profile
    return data


def _resolve_path(path: str, data: dict[str, Any], job_name: str) -> Any:
    """Resolve what the task parameters use: ``$.a.b``, ``$$.Execution.Name`` and
    ``States.Format('template {}', path, ...)`` (the checkpoint prefix per execution)."""
    path = path.strip()
    formatted = _FORMAT.match(path)
    if formatted:
        args = [a for a in formatted["args"].split(",") if a.strip()]
        values = [str(_resolve_path(a, data, job_name)) for a in args]
        if formatted["template"].count("{}") != len(values):
            raise OpsError(f"cannot start with --sdk: malformed {path!r}")
        return formatted["template"].replace("{}", "%s") % tuple(values)
    if path == "$$.Execution.Name":
        return job_name
    if not path.startswith("$."):
        raise OpsError(f"cannot start with --sdk: unsupported path {path!r} in the task parameters")
    value: Any = data
    for part in path[2:].split("."):
        if not isinstance(value, dict) or part not in value:
            raise OpsError(f"cannot start with --sdk: the task reads {path} from its input")
        value = value[part]
    return value


def resolve_parameters(params: Any, data: dict[str, Any], job_name: str) -> Any:
    """Replace ``"Key.$": "$.path"`` entries by ``"Key": value`` (Step Functions semantics)."""
    if isinstance(params, list):
        return [resolve_parameters(p, data, job_name) for p in params]
    if not isinstance(params, dict):
        return params
    out: dict[str, Any] = {}
    for key, value in params.items():
        if key.endswith(".$"):
            out[key[:-2]] = _resolve_path(value, data, job_name)
        else:
            out[key] = resolve_parameters(value, data, job_name)
    return out


def _check_reads_profile(definition: str | None) -> None:
    """Refuse a profile the state machine would ignore (its task must read ``$.profile``)."""
    if definition is not None and '"$.profile"' not in definition:
        raise OpsError(
            "the training state machine does not read a profile from its input; drop "
            "--train-profile (the stage settings choose it) or start with --sdk"
        )


def _encode_like(existing: str | None, value: str) -> str:
    """Hyperparameters are strings; keep the JSON quoting the task uses for string values."""
    return json.dumps(value) if existing is not None and existing.startswith('"') else value


def training_task_parameters(definition: str) -> dict[str, Any]:
    """The ``Parameters`` of the (single) createTrainingJob task in a state machine definition."""
    found = [
        state.get("Parameters", {})
        for state in json.loads(definition).get("States", {}).values()
        if _TASK_RESOURCE.match(str(state.get("Resource", "")))
    ]
    if len(found) != 1:
        raise OpsError(f"expected one createTrainingJob task in the definition, not {len(found)}")
    return found[0]


def start_training(
    ctx: OpsContext, job_name: str, train_profile: str | None = None, sdk: bool = False
) -> StartedTraining:
    """Start the training state machine, or (``sdk``) a training job with its task's parameters."""
    if not _JOB_NAME.match(job_name):
        raise OpsError(f"invalid job name {job_name!r}: letters, digits and '-', at most 63")
    prefix = naming.training_job_prefix(ctx.stage)
    if not job_name.startswith(prefix):
        raise OpsError(
            f"job name {job_name!r} must start with {prefix!r} (the role allows no other)"
        )
    arn = stack_output(ctx, naming.TRAINING, naming.OUTPUT_STATE_MACHINE_ARN)
    data = execution_input(job_name, train_profile)
    sfn = ctx.client("stepfunctions")
    if not sdk:
        if train_profile:
            _check_reads_profile(sfn.describe_state_machine(stateMachineArn=arn).get("definition"))
        started = sfn.start_execution(stateMachineArn=arn, name=job_name, input=json.dumps(data))
        return StartedTraining(job_name, started.get("executionArn", "<dry-run>"), arn)
    definition = sfn.describe_state_machine(stateMachineArn=arn).get("definition")
    if definition is None:  # dry run: only AWS knows the definition
        request = _dry_run_request(job_name, ctx.stage)
    else:
        request = resolve_parameters(training_task_parameters(definition), data, job_name)
        request["TrainingJobName"] = job_name
        if train_profile:
            hyperparameters = request.setdefault("HyperParameters", {})
            hyperparameters["profile"] = _encode_like(hyperparameters.get("profile"), train_profile)
        tags = [t for t in request.get("Tags", []) if t.get("Key") not in OWNER_KEYS]
        request["Tags"] = tags + ownership_tags(ctx.stage)
    ctx.client("sagemaker").create_training_job(**request)
    return StartedTraining(job_name, None, arn)


def _dry_run_request(job_name: str, stage: str) -> dict[str, Any]:
    """A CreateTrainingJob request with placeholders for what the state machine's task holds."""
    return {
        "TrainingJobName": job_name,
        "RoleArn": "<RoleArn from the state machine task>",
        "AlgorithmSpecification": {
            "TrainingImage": "<TrainingImage from the state machine task>",
            "TrainingInputMode": "File",
        },
        "OutputDataConfig": {"S3OutputPath": "<S3OutputPath from the state machine task>"},
        "ResourceConfig": {"InstanceType": "<from task>", "InstanceCount": 1, "VolumeSizeInGB": 1},
        "StoppingCondition": {"MaxRuntimeInSeconds": 1},
        "Tags": ownership_tags(stage),
    }


def describe_job(ctx: OpsContext, job_name: str) -> JobSnapshot | None:
    """The job's status, or None while it does not exist yet (the state machine starts it)."""
    from botocore.exceptions import ClientError

    try:
        job = ctx.client("sagemaker").describe_training_job(TrainingJobName=job_name)
    except ClientError as err:
        if "not found" in str(err).lower() or "does not exist" in str(err).lower():
            return None
        raise
    return JobSnapshot(
        status=job["TrainingJobStatus"],
        secondary_status=job.get("SecondaryStatus", ""),
        failure_reason=job.get("FailureReason"),
        model_artifacts=job.get("ModelArtifacts", {}).get("S3ModelArtifacts"),
    )


class LogFollower:
    """Reads new CloudWatch log lines of a training job's streams (one stream per host)."""

    def __init__(self, ctx: OpsContext, job_name: str) -> None:
        self._ctx = ctx
        self._prefix = f"{job_name}/"
        self._tokens: dict[str, str | None] = {}

    def poll(self) -> list[str]:
        """Lines written since the last poll, stream by stream."""
        logs = self._ctx.client("logs")
        try:
            streams = logs.describe_log_streams(
                logGroupName=LOG_GROUP, logStreamNamePrefix=self._prefix
            )["logStreams"]
        except logs.exceptions.ResourceNotFoundException:
            return []  # the log group appears with the first training job of the account
        lines: list[str] = []
        for stream in streams:
            name = stream["logStreamName"]
            kwargs: dict[str, Any] = {"logGroupName": LOG_GROUP, "logStreamName": name}
            token = self._tokens.get(name)
            kwargs.update({"nextToken": token} if token else {"startFromHead": True})
            page = logs.get_log_events(**kwargs)
            self._tokens[name] = page.get("nextForwardToken", token)
            lines.extend(event["message"] for event in page.get("events", []))
        return lines


def _execution_failure(ctx: OpsContext, execution_arn: str | None) -> str | None:
    """Why the state machine stopped before its job could report, if it did."""
    if execution_arn is None:
        return None
    execution = ctx.client("stepfunctions").describe_execution(executionArn=execution_arn)
    if execution["status"] in ("FAILED", "TIMED_OUT", "ABORTED"):
        cause = execution.get("cause") or execution.get("error") or "no cause given"
        return f"state machine execution {execution['status']}: {cause}"
    return None


def follow_training(
    ctx: OpsContext,
    started: StartedTraining,
    on_status: Callable[[JobSnapshot], None] = lambda s: None,
    on_log: Callable[[str], None] = lambda line: None,
    max_polls: int | None = None,
) -> JobSnapshot:
    """Poll the job and its logs until it ends; return the final snapshot or raise if it failed."""
    logs = LogFollower(ctx, started.job_name)
    polls = 0
    while True:
        snapshot = describe_job(ctx, started.job_name)
        if snapshot is None:
            failure = _execution_failure(ctx, started.execution_arn)
            if failure:
                raise OpsError(failure)
            snapshot = JobSnapshot(status="Pending", secondary_status="Starting")
        on_status(snapshot)
        for line in logs.poll():
            on_log(line)
        if snapshot.status in TERMINAL:
            break
        polls += 1
        if max_polls is not None and polls >= max_polls:
            raise OpsError(f"stopped following {started.job_name} after {polls} polls; it goes on")
        ctx.sleep(ctx.poll_s)
    if snapshot.status != "Completed":
        reason = snapshot.failure_reason or "no reason given"
        raise OpsError(f"training job {started.job_name} {snapshot.status}: {reason}")
    return snapshot


def next_steps(model_artifacts: str | None, stage: str) -> list[str]:
    """Commands that turn a training output (adapter only) into a deployed serving archive."""
    return [
        f"aws s3 cp {model_artifacts} adapter.tar.gz",
        "mkdir -p adapter && tar -xzf adapter.tar.gz -C adapter",
        "quantreason package-model --adapter adapter --out model.tar.gz",
        f"quantreason aws deploy model.tar.gz --stage {stage}",
    ]
