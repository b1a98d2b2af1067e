"""Helpers shared by the operations tests (fake CDK stacks, the CLI runner)."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from quantreason import naming

REGION = "us-east-1"
ACCOUNT = "123456789012"
OWNED = [
    {"Key": naming.TAG_PROJECT, "Value": naming.PROJECT},
    {"Key": naming.TAG_STAGE, "Value": "dev"},
]


def deploy_stack(part: str, outputs: dict[str, str], tags: list | None = None, stage="dev") -> str:
    """Create a moto CloudFormation stack named like the CDK app's, with outputs and tags."""
    import boto3

    template = {
        "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},
        "Outputs": {key: {"Value": value} for key, value in outputs.items()},
    }
    name = naming.stack_name(stage, part)
    boto3.client("cloudformation", region_name=REGION).create_stack(
        StackName=name, TemplateBody=json.dumps(template), Tags=OWNED if tags is None else tags
    )
    return name


def stack_names() -> list[str]:
    """Names of the stacks moto still has (deleted ones excluded)."""
    import boto3

    stacks = boto3.client("cloudformation", region_name=REGION).describe_stacks()["Stacks"]
    return sorted(s["StackName"] for s in stacks if s["StackStatus"] != "DELETE_COMPLETE")


def run_cli(*args: str, input: str | None = None) -> Any:
    """Run ``quantreason aws ARGS`` in-process; return typer's result (exit code and output)."""
    from quantreason.cli import app

    return CliRunner().invoke(app, ["aws", *args], input=input)
