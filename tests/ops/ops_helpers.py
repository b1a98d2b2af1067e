"""Helpers shared by the operations tests (fake CDK stacks, the CLI runner)."""

from __future__ import annotations

import json
from pathlib import Path
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


#: A base model prefix as `stage-base-model` prints it (what the stage file then names).
BASE_MODEL = "base-models/tiny/0123456789ab/"


def name_base_model(root: Path, stage: str = "dev", prefix: str | None = BASE_MODEL) -> None:
    """The repository's stage files and state copied under ``root`` (``config/``, ``state/``),
    the stage naming ``prefix`` as its base model, as after `stage-base-model`."""
    import shutil

    from quantreason.paths import CONFIG_DIR, STATE_DIR

    stages = root / "config" / "stages"
    if not stages.is_dir():
        shutil.copytree(CONFIG_DIR / "stages", stages)
        shutil.copytree(STATE_DIR, root / "state", ignore=shutil.ignore_patterns("deploy.json"))
    stage_file = stages / f"{stage}.yaml"
    text = stage_file.read_text()
    assert "base_model: null" in text
    stage_file.write_text(text.replace("base_model: null", f"base_model: {prefix}"))


def stage_fake_base_model(bucket: str, prefix: str = BASE_MODEL) -> None:
    """What a completed staging leaves in moto: the manifest, written last."""
    import boto3

    s3 = boto3.client("s3", region_name=REGION)
    s3.put_object(Bucket=bucket, Key=prefix + "manifest.json", Body=b'{"files": {}}')
