"""``quantreason aws teardown``: stop the spend, touching only what quantreason created.

Safety rules, checked before anything is deleted:
- a stack or resource without quantreason's ownership tags for this stage is refused;
- a stack in the middle of an operation (``*_IN_PROGRESS``) is refused;
- data and artifacts (the Storage stack, and the Training stack that imports it) stay unless
  ``including_data``; a person confirms first unless ``--yes`` (the CLI asks).
An endpoint created outside CDK is removed with its endpoint config and model, after the
same tag check, and refused if CloudFormation manages it (tear its stack down instead).
SageMaker creates an endpoint's log group itself, without retention, and nothing deletes it:
after the endpoint goes, it gets the stage's retention (:func:`bound_endpoint_logs`), so its
logs stay readable for that long and then stop costing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quantreason import naming
from quantreason.ops.session import OpsContext, OpsError
from quantreason.ops.stacks import StackInfo, describe_stack, describe_stack_named, owned_by_us
from quantreason.stages import retention_days

CFN_STACK_TAG = "aws:cloudformation:stack-name"


@dataclass
class TeardownPlan:
    """What teardown will delete, in order, and what it leaves."""

    stacks: list[StackInfo] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def plan_stacks(ctx: OpsContext, including_data: bool = False) -> TeardownPlan:
    """Find the stage's stacks to delete (endpoint first) and check the safety rules."""
    parts = [naming.ENDPOINT] + ([naming.TRAINING, naming.STORAGE] if including_data else [])
    plan = TeardownPlan()
    if not including_data:
        plan.kept = [naming.stack_name(ctx.stage, p) for p in (naming.TRAINING, naming.STORAGE)]
    for part in parts:
        info = describe_stack(ctx, part, required=False)
        if info is None:
            plan.missing.append(naming.stack_name(ctx.stage, part))
            continue
        if not ctx.dry_run and not owned_by_us(info.tags, ctx.stage):
            raise OpsError(
                f"refusing to delete {info.name}: it lacks the tags {naming.TAG_PROJECT}="
                f"{naming.PROJECT} and {naming.TAG_STAGE}={ctx.stage}, so quantreason did not "
                "create it"
            )
        if info.status.endswith("_IN_PROGRESS"):
            raise OpsError(f"refusing to delete {info.name}: it is {info.status}; retry later")
        plan.stacks.append(info)
    return plan


def _wait_deleted(ctx: OpsContext, info: StackInfo, max_polls: int) -> None:
    """Poll until the stack is gone: the next stack may import this one's outputs."""
    for _ in range(max_polls):
        current = describe_stack_named(ctx, info.name, required=False)
        if current is None or current.status == "DELETE_COMPLETE":
            return
        if current.status == "DELETE_FAILED":
            raise OpsError(f"deleting {info.name} failed: see its events in CloudFormation")
        ctx.sleep(ctx.poll_s)
    raise OpsError(f"{info.name} is still deleting; check it with the AWS console or CLI")


def delete_stacks(ctx: OpsContext, plan: TeardownPlan, max_polls: int = 240) -> list[str]:
    """Delete the planned stacks in order, waiting for each; return their names."""
    cfn = ctx.client("cloudformation")
    deleted = []
    for info in plan.stacks:
        cfn.delete_stack(StackName=info.name)
        if not ctx.dry_run:
            _wait_deleted(ctx, info, max_polls)
        deleted.append(info.name)
    return deleted


@dataclass(frozen=True)
class LooseEndpoint:
    """An endpoint not managed by CloudFormation, with its config and model names."""

    endpoint: str
    endpoint_config: str
    models: list[str]


def _check_tags(ctx: OpsContext, arn: str, what: str) -> None:
    tags = {
        t["Key"]: t["Value"]
        for t in ctx.client("sagemaker").list_tags(ResourceArn=arn).get("Tags", [])
    }
    if ctx.dry_run:
        return
    if CFN_STACK_TAG in tags:
        raise OpsError(
            f"refusing to delete {what}: stack {tags[CFN_STACK_TAG]} manages it; "
            "run teardown without --endpoint to delete that stack"
        )
    if not owned_by_us(tags, ctx.stage):
        raise OpsError(
            f"refusing to delete {what}: it lacks quantreason's tags for stage {ctx.stage}"
        )


def plan_endpoint(ctx: OpsContext, name: str) -> LooseEndpoint:
    """Check an endpoint outside CDK (and its config and models) for the ownership tags."""
    sm = ctx.client("sagemaker")
    endpoint = sm.describe_endpoint(EndpointName=name)
    _check_tags(ctx, endpoint.get("EndpointArn", "<endpoint arn>"), f"endpoint {name}")
    config_name = endpoint.get("EndpointConfigName", "<endpoint config>")
    config = sm.describe_endpoint_config(EndpointConfigName=config_name)
    _check_tags(ctx, config.get("EndpointConfigArn", "<config arn>"), f"config {config_name}")
    models = [v["ModelName"] for v in config.get("ProductionVariants", [])]
    for model in models:
        arn = sm.describe_model(ModelName=model)["ModelArn"]
        _check_tags(ctx, arn, f"model {model}")
    return LooseEndpoint(name, config_name, models)


def delete_endpoint(ctx: OpsContext, loose: LooseEndpoint) -> None:
    """Delete the endpoint, then its config and models (in the order that frees each)."""
    sm = ctx.client("sagemaker")
    sm.delete_endpoint(EndpointName=loose.endpoint)
    sm.delete_endpoint_config(EndpointConfigName=loose.endpoint_config)
    for model in loose.models:
        sm.delete_model(ModelName=model)


def bound_endpoint_logs(ctx: OpsContext, endpoint: str, days: int) -> int | None:
    """Give the endpoint's log group (SageMaker's own, kept forever by default) a retention of
    ``days`` (rounded up to one CloudWatch accepts); the days set, or None without a group."""
    logs = ctx.client("logs")
    group = naming.endpoint_log_group(endpoint)
    found = logs.describe_log_groups(logGroupNamePrefix=group).get("logGroups", [])
    if not any(g.get("logGroupName") == group for g in found):
        return None
    kept = retention_days(days)
    logs.put_retention_policy(logGroupName=group, retentionInDays=kept)
    return kept
