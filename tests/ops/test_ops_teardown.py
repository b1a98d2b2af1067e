"""``teardown``: what it deletes, what it keeps, and what it refuses (moto)."""

from __future__ import annotations

import shutil

import boto3
import pytest
from ops_helpers import ACCOUNT, OWNED, REGION, deploy_stack, run_cli, stack_names

from quantreason import naming
from quantreason.ops.session import OpsError
from quantreason.ops.teardown import delete_stacks, plan_stacks

ALL = ["QuantReason-dev-Endpoint", "QuantReason-dev-Storage", "QuantReason-dev-Training"]


@pytest.fixture
def stage_stacks(moto: None) -> None:
    for part in (naming.STORAGE, naming.TRAINING, naming.ENDPOINT):
        deploy_stack(part, {"Dummy": part})


def test_default_teardown_deletes_only_the_endpoint_stack(stage_stacks: None) -> None:
    result = run_cli("teardown", "--yes", "--poll-seconds", "0")
    assert result.exit_code == 0, result.output
    assert stack_names() == ["QuantReason-dev-Storage", "QuantReason-dev-Training"]
    assert "deleted QuantReason-dev-Endpoint" in result.output
    assert "QuantReason-dev-Storage: kept" in result.output


def test_teardown_gives_sagemakers_endpoint_log_group_the_stages_retention(
    moto: None, tmp_path
) -> None:
    # SageMaker creates the endpoint's log group itself, without retention: after teardown it
    # would keep every log forever. dev keeps 14 days (config/stages/dev.yaml).
    from quantreason.paths import CONFIG_DIR, STATE_DIR

    shutil.copytree(CONFIG_DIR / "stages", tmp_path / "config" / "stages")
    shutil.copytree(STATE_DIR, tmp_path / "state", ignore=shutil.ignore_patterns("deploy.json"))
    deploy_stack(naming.ENDPOINT, {naming.OUTPUT_ENDPOINT_NAME: "quantreason-dev"})
    logs = boto3.client("logs", region_name=REGION)
    group = "/aws/sagemaker/Endpoints/quantreason-dev"
    logs.create_log_group(logGroupName=group)
    logs.create_log_group(logGroupName=group + "-other")  # a prefix match, not ours
    result = run_cli("teardown", "--yes", "--poll-seconds", "0")
    assert result.exit_code == 0, result.output
    retention = {
        g["logGroupName"]: g.get("retentionInDays") for g in logs.describe_log_groups()["logGroups"]
    }
    assert retention == {group: 14, group + "-other": None}
    assert "kept 14 days" in " ".join(result.output.split())


def test_including_data_deletes_all_in_dependency_order(ctx, stage_stacks: None) -> None:
    plan = plan_stacks(ctx, including_data=True)
    assert [s.name for s in plan.stacks] == [
        "QuantReason-dev-Endpoint",
        "QuantReason-dev-Training",
        "QuantReason-dev-Storage",
    ]
    assert delete_stacks(ctx, plan) == [s.name for s in plan.stacks]
    assert stack_names() == []


def test_confirmation_is_required_without_yes(stage_stacks: None) -> None:
    refused = run_cli("teardown", input="n\n")
    assert refused.exit_code == 1
    assert "not confirmed: nothing deleted" in refused.output
    no_terminal = run_cli("teardown")  # no input at all: treated as no
    assert no_terminal.exit_code == 1
    assert stack_names() == ALL
    accepted = run_cli("teardown", "--poll-seconds", "0", input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert "QuantReason-dev-Endpoint" not in stack_names()


@pytest.mark.parametrize(
    "tags",
    [
        [],
        [{"Key": naming.TAG_PROJECT, "Value": naming.PROJECT}],
        [
            {"Key": naming.TAG_PROJECT, "Value": naming.PROJECT},
            {"Key": naming.TAG_STAGE, "Value": "prod"},
        ],
    ],
    ids=["untagged", "no-stage-tag", "other-stage"],
)
def test_refuses_stacks_without_our_tags(moto: None, tags: list) -> None:
    deploy_stack(naming.ENDPOINT, {"Dummy": "x"}, tags=tags)
    result = run_cli("teardown", "--yes")
    assert result.exit_code == 1
    assert "refusing to delete QuantReason-dev-Endpoint" in result.output
    assert stack_names() == ["QuantReason-dev-Endpoint"]


def test_one_foreign_stack_stops_everything(moto: None) -> None:
    deploy_stack(naming.ENDPOINT, {"Dummy": "x"})
    deploy_stack(naming.STORAGE, {"Dummy": "x"}, tags=[])
    result = run_cli("teardown", "--yes", "--including-data")
    assert result.exit_code == 1
    assert stack_names() == ["QuantReason-dev-Endpoint", "QuantReason-dev-Storage"]


def test_nothing_deployed_is_not_an_error(moto: None) -> None:
    result = run_cli("teardown", "--yes")
    assert result.exit_code == 0
    assert "QuantReason-dev-Endpoint: not deployed" in result.output


def _loose_endpoint(tags: list[dict[str, str]]) -> None:
    sm = boto3.client("sagemaker", region_name=REGION)
    sm.create_model(
        ModelName="m1",
        ExecutionRoleArn=f"arn:aws:iam::{ACCOUNT}:role/endpoint",
        PrimaryContainer={"Image": "hf-inference"},
        Tags=tags,
    )
    variant = {
        "VariantName": naming.VARIANT_NAME,
        "ModelName": "m1",
        "InitialInstanceCount": 1,
        "InstanceType": "ml.g4dn.xlarge",
    }
    sm.create_endpoint_config(EndpointConfigName="c1", ProductionVariants=[variant], Tags=tags)
    sm.create_endpoint(EndpointName="loose", EndpointConfigName="c1", Tags=tags)


def _sagemaker_left() -> tuple[int, int, int]:
    sm = boto3.client("sagemaker", region_name=REGION)
    return (
        len(sm.list_endpoints()["Endpoints"]),
        len(sm.list_endpoint_configs()["EndpointConfigs"]),
        len(sm.list_models()["Models"]),
    )


def test_loose_endpoint_is_deleted_with_its_config_and_model(moto: None) -> None:
    _loose_endpoint(OWNED)
    result = run_cli("teardown", "--endpoint", "loose", "--yes")
    assert result.exit_code == 0, result.output
    assert _sagemaker_left() == (0, 0, 0)


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        ([], "lacks quantreason's tags"),
        ([*OWNED, {"Key": "aws:cloudformation:stack-name", "Value": "S"}], "stack S manages it"),
    ],
    ids=["foreign", "cdk-managed"],
)
def test_loose_endpoint_refusals(moto: None, tags: list, message: str) -> None:
    _loose_endpoint(tags)
    result = run_cli("teardown", "--endpoint", "loose", "--yes")
    assert result.exit_code == 1
    assert message in result.output
    assert _sagemaker_left() == (1, 1, 1)


def test_stack_busy_is_refused(ctx, stage_stacks: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from quantreason.ops import stacks

    real = stacks.describe_stack_named

    def busy(ctx, name, required=True):  # type: ignore[no-untyped-def]
        info = real(ctx, name, required)
        return info and stacks.StackInfo(info.name, "UPDATE_IN_PROGRESS", info.outputs, info.tags)

    monkeypatch.setattr(stacks, "describe_stack_named", busy)
    with pytest.raises(OpsError, match="UPDATE_IN_PROGRESS; retry later"):
        plan_stacks(ctx)


def _stack(status: str) -> dict:
    return {
        "Stacks": [
            {
                "StackName": "QuantReason-dev-Endpoint",
                "StackStatus": status,
                "CreationTime": "2025-01-01T00:00:00Z",
                "Tags": OWNED,
            }
        ]
    }


def test_waits_for_deletion_and_reports_a_failed_one(ctx, stub) -> None:
    cfn = stub("cloudformation")
    name = {"StackName": "QuantReason-dev-Endpoint"}
    cfn.add_response("describe_stacks", _stack("CREATE_COMPLETE"), name)
    cfn.add_response("delete_stack", {}, name)
    cfn.add_response("describe_stacks", _stack("DELETE_IN_PROGRESS"), name)
    cfn.add_response("describe_stacks", _stack("DELETE_FAILED"), name)
    ctx._clients.clear()
    with pytest.raises(OpsError, match="deleting QuantReason-dev-Endpoint failed"):
        delete_stacks(ctx, plan_stacks(ctx))
