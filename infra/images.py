"""Region-aware Hugging Face DLC image URIs as CloudFormation expressions."""

from __future__ import annotations

from typing import Literal

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from constructs import Construct

from infra.dlc_images import load_table

#: ``lmi``: the Large Model Inference container (vLLM backend) of engine ``lmi-vllm``.
ImageKind = Literal["training", "inference", "lmi"]


def dlc_image_uri(scope: Construct, kind: ImageKind) -> str:
    """``<account>.dkr.ecr.<region>.<url suffix>/<repository>:<tag>`` for the deploying region.

    The account comes from a ``CfnMapping`` (one per stack and kind) built from
    ``infra/dlc_images.json``; a region missing from it fails the deployment, not silently.
    """
    image = load_table()["images"][kind]
    stack = cdk.Stack.of(scope)
    mapping_id = f"{kind.capitalize()}ImageRegistry"
    mapping = stack.node.try_find_child(mapping_id)
    if mapping is None:
        mapping = cdk.CfnMapping(
            stack,
            mapping_id,
            mapping={region: {"account": acct} for region, acct in image["registries"].items()},
        )
    account = mapping.find_in_map(cdk.Aws.REGION, "account")
    registry = f"{account}.dkr.ecr.{cdk.Aws.REGION}.{cdk.Aws.URL_SUFFIX}"
    return f"{registry}/{image['repository']}:{image['tag']}"


def dlc_repository_arn(scope: Construct, kind: ImageKind) -> str:
    """ARN of the DLC repository (for least-privilege ECR pull permissions)."""
    image = load_table()["images"][kind]
    dlc_image_uri(scope, kind)  # makes sure the mapping exists
    mapping = cdk.Stack.of(scope).node.find_child(f"{kind.capitalize()}ImageRegistry")
    account = mapping.find_in_map(cdk.Aws.REGION, "account")
    return (
        f"arn:{cdk.Aws.PARTITION}:ecr:{cdk.Aws.REGION}:{account}:repository/{image['repository']}"
    )


def region_supported(region: str, kind: ImageKind) -> bool:
    """Whether the committed table lists ``region`` for ``kind``."""
    return region in load_table()["images"][kind]["registries"]


def grant_dlc_pull(role: iam.IRole, scope: Construct, kind: ImageKind) -> None:
    """Let ``role`` pull the AWS-owned DLC repository of ``kind`` (cross-account ECR).

    ``ecr:GetAuthorizationToken`` takes no resource ARN; the pulls are limited to the one
    repository.
    """
    role.add_to_principal_policy(
        iam.PolicyStatement(
            actions=[
                "ecr:BatchCheckLayerAvailability",
                "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer",
            ],
            resources=[dlc_repository_arn(scope, kind)],
        )
    )
    role.add_to_principal_policy(
        iam.PolicyStatement(actions=["ecr:GetAuthorizationToken"], resources=["*"])
    )


def grant_sagemaker_logging(
    role: iam.Role, scope: Construct, log_group_name: str, stream_prefix: str = ""
) -> None:
    """Let ``role`` create ``log_group_name`` and streams in it, write events to the streams
    starting with ``stream_prefix``, and put SageMaker metrics.

    ``cloudwatch:PutMetricData`` has no resource ARNs: it is limited by namespace instead.
    """
    stack = cdk.Stack.of(scope)

    def arn(name: str) -> str:
        return stack.format_arn(
            service="logs",
            resource="log-group",
            resource_name=name,
            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
        )

    # CloudWatch Logs authorizes group-level calls against "log-group:NAME" or "...:NAME:*"
    # (SageMaker's documentation uses the latter): both for creating the group and streams.
    # Writing events is limited to this role's streams.
    role.add_to_policy(
        iam.PolicyStatement(
            actions=["logs:CreateLogGroup", "logs:CreateLogStream"],
            resources=[arn(log_group_name), arn(f"{log_group_name}:*")],
        )
    )
    role.add_to_policy(
        iam.PolicyStatement(
            actions=["logs:PutLogEvents"],
            resources=[arn(f"{log_group_name}:log-stream:{stream_prefix}*")],
        )
    )
    role.add_to_policy(
        iam.PolicyStatement(
            actions=["cloudwatch:PutMetricData"],
            resources=["*"],
            conditions={"StringLike": {"cloudwatch:namespace": "/aws/sagemaker/*"}},
        )
    )
