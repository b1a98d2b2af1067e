"""Find deployed resources through the CDK stacks' CloudFormation outputs and tags."""

from __future__ import annotations

from dataclasses import dataclass

from quantreason import naming
from quantreason.ops.session import OpsContext, OpsError


@dataclass(frozen=True)
class StackInfo:
    """What the operations CLI needs to know about one deployed stack."""

    name: str
    status: str
    outputs: dict[str, str]
    tags: dict[str, str]

    def output(self, key: str) -> str:
        """One output value, or a clear error naming the stack and the missing key."""
        try:
            return self.outputs[key]
        except KeyError:
            # A stack deployed before anything was staged says why it holds no job/endpoint.
            for why in (naming.OUTPUT_TRAINING_STATUS, naming.OUTPUT_SERVING_STATUS):
                if why in self.outputs:
                    raise OpsError(f"stack {self.name} has no {key}: {self.outputs[why]}") from None
            raise OpsError(
                f"stack {self.name} has no output {key!r} (outputs: {sorted(self.outputs)}); "
                "is it deployed from this version of quantreason?"
            ) from None


def describe_stack(ctx: OpsContext, part: str, required: bool = True) -> StackInfo | None:
    """Describe the stage's stack ``part`` (``naming.STORAGE``/``TRAINING``/``ENDPOINT``).

    A missing stack is an :class:`OpsError` telling how to deploy it, or ``None`` when
    ``required`` is false.
    """
    return describe_stack_named(ctx, naming.stack_name(ctx.stage, part), required)


def describe_stack_named(ctx: OpsContext, name: str, required: bool = True) -> StackInfo | None:
    """Like :func:`describe_stack`, by full stack name."""
    from botocore.exceptions import ClientError

    try:
        response = ctx.client("cloudformation").describe_stacks(StackName=name)
    except ClientError as err:
        # CloudFormation answers a missing stack with a generic ValidationError.
        if "does not exist" not in str(err):
            raise
        if not required:
            return None
        raise OpsError(
            f"stack {name} not found in {ctx.region}: deploy it first with "
            f"`npx cdk deploy -c stage={ctx.stage} {name}` (or check --stage/--region/--profile)"
        ) from None
    stack = response["Stacks"][0]
    return StackInfo(
        name=name,
        status=stack.get("StackStatus", "?"),
        outputs={o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])},
        tags={t["Key"]: t["Value"] for t in stack.get("Tags", [])},
    )


def stack_output(ctx: OpsContext, part: str, key: str) -> str:
    """The value of output ``key`` of the stage's stack ``part``."""
    info = describe_stack(ctx, part)
    assert info is not None  # required=True never returns None
    return info.output(key)


def owned_by_us(tags: dict[str, str], stage: str) -> bool:
    """True when ``tags`` carry quantreason's ownership tags for ``stage``."""
    return tags.get(naming.TAG_PROJECT) == naming.PROJECT and tags.get(naming.TAG_STAGE) == stage


#: Tag keys that mark quantreason's resources.
OWNER_KEYS = frozenset({naming.TAG_PROJECT, naming.TAG_STAGE})


def ownership_tags(stage: str) -> list[dict[str, str]]:
    """The tags that mark a resource as created by quantreason for ``stage`` (SageMaker form)."""
    return [
        {"Key": naming.TAG_PROJECT, "Value": naming.PROJECT},
        {"Key": naming.TAG_STAGE, "Value": stage},
    ]
