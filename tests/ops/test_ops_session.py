"""Sessions, errors, retries and --dry-run of the operations CLI."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ParamValidationError
from ops_helpers import REGION, deploy_stack, name_base_model, run_cli

from quantreason import naming
from quantreason.ops import session as ops_session
from quantreason.ops.recorder import DryRunClient, DryRunRecorder
from quantreason.ops.session import OpsError, build_context, translate_errors
from quantreason.ops.stacks import stack_output

ALL_PARTS = ("Endpoint", "Training", "Storage")
THROTTLED = (
    b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
    b"<Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>"
)


class _Raw:
    """Just enough of urllib3's response for botocore to read a body."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body


def _throttle_first(client: Any, event: str, times: int) -> list[int]:
    """Answer the first ``times`` sends of ``event`` with HTTP 400 Throttling; count all sends."""
    sends: list[int] = []

    def before_send(request: Any, **_: Any) -> AWSResponse | None:
        sends.append(1)
        if len(sends) <= times:
            return AWSResponse(request.url, 400, {}, _Raw(THROTTLED))
        return None  # let moto answer

    client.meta.events.register_first(f"before-send.{event}", before_send)
    return sends


def test_missing_credentials_is_one_clear_line() -> None:
    result = run_cli("status", "--stage", "dev")
    assert result.exit_code == 1
    assert "no AWS credentials found" in result.output
    assert "Traceback" not in result.output


def test_unknown_profile_is_a_clear_error() -> None:
    result = run_cli("cost", "--profile", "nosuchprofile")
    assert result.exit_code == 1
    assert "profile 'nosuchprofile' not found" in result.output


def test_no_region_anywhere_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    with pytest.raises(OpsError, match="no AWS region"):
        build_context("dev", dry_run=True)


def test_region_comes_from_the_stage_settings(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    import shutil

    from quantreason.paths import CONFIG_DIR, STATE_DIR
    from quantreason.stages import StageConfigError, stage_region

    stages = tmp_path / "config" / "stages"
    stages.mkdir(parents=True)
    shutil.copytree(STATE_DIR / "prod", tmp_path / "state" / "prod")
    prod_yaml = (CONFIG_DIR / "stages" / "prod.yaml").read_text()
    (stages / "prod.yaml").write_text(prod_yaml.replace("region: us-east-1", "region: eu-west-1"))

    assert stage_region("prod") == "eu-west-1"
    assert stage_region("dev") is None  # no settings file: the flags must say
    (stages / "prod.yaml").write_text(prod_yaml.replace("region: us-east-1", "region: moon"))
    with pytest.raises(StageConfigError, match="region: not an AWS region: 'moon'"):
        stage_region("prod")  # a broken stage fails before any AWS call
    assert build_context("prod", dry_run=True, default_region="eu-west-1").region == "eu-west-1"
    # --region wins over the stage's default.
    assert build_context("prod", "us-west-2", dry_run=True, default_region="eu-west-1").region == (
        "us-west-2"
    )


def test_missing_stack_says_how_to_deploy_it(moto: None) -> None:
    result = run_cli("status", "--stage", "dev")
    assert result.exit_code == 1
    assert "stack QuantReason-dev-Endpoint not found in us-east-1" in result.output
    assert "npx cdk deploy -c stage=dev QuantReason-dev-Endpoint" in result.output
    assert "Traceback" not in result.output


def test_missing_output_names_the_stack(ctx) -> None:
    deploy_stack(naming.STORAGE, {"Other": "x"})
    with pytest.raises(OpsError, match="has no output 'DataBucketName'"):
        stack_output(ctx, naming.STORAGE, naming.OUTPUT_DATA_BUCKET)


def test_throttling_is_retried_by_the_retry_config(ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    deploy_stack(naming.STORAGE, {naming.OUTPUT_DATA_BUCKET: "data-bucket"})
    delays: list[float] = []
    monkeypatch.setattr("botocore.endpoint.time.sleep", delays.append)
    sends = _throttle_first(ctx.client("cloudformation"), "cloudformation.DescribeStacks", 2)
    assert stack_output(ctx, naming.STORAGE, naming.OUTPUT_DATA_BUCKET) == "data-bucket"
    assert len(sends) == 3  # two throttled attempts, then success
    assert len(delays) == 2  # botocore backed off before each retry


def test_persistent_throttling_gives_up_after_max_attempts(
    ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("botocore.endpoint.time.sleep", lambda s: None)
    sends = _throttle_first(ctx.client("cloudformation"), "cloudformation.DescribeStacks", 99)
    with pytest.raises(OpsError, match="Throttling: Rate exceeded"), translate_errors():
        stack_output(ctx, naming.STORAGE, naming.OUTPUT_DATA_BUCKET)
    assert len(sends) == ops_session.MAX_ATTEMPTS


def test_dry_run_client_validates_against_the_api_model() -> None:
    import boto3

    real = boto3.Session(
        aws_access_key_id="x", aws_secret_access_key="x", region_name=REGION
    ).client("s3")
    recorder = DryRunRecorder()
    s3 = DryRunClient(real, "s3", recorder)
    s3.put_object(Bucket="b", Key="k", Body=b"12345")
    assert recorder.operations() == ["s3.put_object"]
    assert recorder.calls[0].render() == "s3.put_object(Bucket='b', Key='k', Body=<5 bytes>)"
    with pytest.raises(ParamValidationError):
        s3.put_object(Bucket="b", Kee="typo")
    with pytest.raises(AttributeError):
        s3.no_such_operation()
    assert len(recorder.calls) == 1  # rejected calls are not recorded


@pytest.fixture
def no_sending(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything reaches botocore's send step."""
    import botocore.endpoint

    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("a dry run sent a request")

    monkeypatch.setattr(botocore.endpoint.Endpoint, "_send", refuse)


DRY_RUNS = {
    "upload-data": (["upload-data", "--data", "DATA"], ["s3.put_object(Bucket='<DataBucketName"]),
    "train": (
        ["train", "--job-name", "quantreason-dev-job-1", "--train-profile", "local"],
        ["stepfunctions.start_execution(stateMachineArn=", "name='quantreason-dev-job-1'"],
    ),
    "train-sdk": (
        ["train", "--sdk", "--job-name", "quantreason-dev-job-1"],
        ["sagemaker.create_training_job("],
    ),
    "deploy-direct": (
        ["deploy", "s3://bkt/k/model.tar.gz", "--direct"],
        ["sagemaker.update_endpoint(", "RetainAllVariantProperties=True"],
    ),
    "invoke": (["invoke", "What is 2% of 50?"], ["sagemaker-runtime.invoke_endpoint("]),
    "status": (["status"], ["cloudwatch.get_metric_data(", "describe_scaling_policies("]),
    "cost": (["cost"], ["sagemaker.list_training_jobs(StatusEquals='InProgress'"]),
    "teardown": (
        ["teardown", "--including-data"],
        [f"cloudformation.delete_stack(StackName='QuantReason-dev-{p}')" for p in ALL_PARTS],
    ),
    "teardown-endpoint": (
        ["teardown", "--endpoint", "old"],
        ["delete_endpoint(EndpointName='old')"],
    ),
}


@pytest.mark.parametrize("case", sorted(DRY_RUNS))
def test_dry_run_makes_no_call_and_needs_no_credentials(
    case: str, no_sending: None, tmp_path
) -> None:
    args, expected = DRY_RUNS[case]
    data = tmp_path / "data"
    data.mkdir()
    (data / "manifest.json").write_text("{}")
    (data / "train.jsonl").write_text("{}\n")
    args = [str(data) if a == "DATA" else a for a in args]
    name_base_model(tmp_path)  # train and deploy check it (not in S3: a dry run)
    result = run_cli(*args, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "calls that would be made" in result.output
    for text in expected:
        assert text in result.output
