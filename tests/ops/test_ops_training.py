"""``quantreason aws train``: state machine (moto), --sdk and following (Stubber + moto logs)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import boto3
import pytest
from ops_helpers import (
    ACCOUNT,
    OWNED,
    REGION,
    deploy_stack,
    name_base_model,
    run_cli,
    stage_fake_base_model,
)

from quantreason import naming
from quantreason.ops.session import OpsError
from quantreason.ops.training import (
    LOG_GROUP,
    StartedTraining,
    follow_training,
    resolve_parameters,
    start_training,
)

JOB = "quantreason-dev-job-1"
IMAGE = (
    "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-training:"
    "2.9.0-transformers5.3.0-gpu-py312-cu130-ubuntu22.04"
)
#: Shaped like infra/training_job.py's task in the deployed definition (tokens resolved).
TASK_PARAMETERS: dict[str, Any] = {
    "TrainingJobName.$": "$$.Execution.Name",
    "RoleArn": f"arn:aws:iam::{ACCOUNT}:role/qr-dev-training",
    "AlgorithmSpecification": {"TrainingImage": IMAGE, "TrainingInputMode": "File"},
    "HyperParameters": {
        "profile": "cloud-g5.12xlarge",
        "sagemaker_program": "train.py",
        "sagemaker_submit_directory": "s3://cdk-assets/training.tar.gz",
        "sagemaker_torch_distributed_enabled": "true",
    },
    "InputDataConfig": [
        {
            "ChannelName": "train",
            "DataSource": {
                "S3DataSource": {
                    "S3DataType": "S3Prefix",
                    "S3Uri": "s3://qr-dev-data/datasets/",
                    "S3DataDistributionType": "FullyReplicated",
                }
            },
        }
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://qr-dev-artifacts/artifacts/"},
    "ResourceConfig": {"InstanceType": "ml.g5.12xlarge", "InstanceCount": 2, "VolumeSizeInGB": 100},
    "StoppingCondition": {"MaxRuntimeInSeconds": 86400},
    "CheckpointConfig": {
        "S3Uri.$": "States.Format('s3://qr-dev-artifacts/checkpoints/{}/', $$.Execution.Name)",
        "LocalPath": "/opt/ml/checkpoints",
    },
    "Tags": [{"Key": "team", "Value": "quant"}],
}
DEFINITION = {
    "StartAt": "Train",
    "States": {
        "Train": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
            "Parameters": TASK_PARAMETERS,
            "End": True,
        }
    },
}
ARTIFACTS = "s3://qr-dev-artifacts/artifacts/quantreason-dev-job-1/output/model.tar.gz"


@pytest.fixture
def state_machine(moto: None) -> str:
    sfn = boto3.client("stepfunctions", region_name=REGION)
    arn = sfn.create_state_machine(
        name="qr-dev-training",
        definition=json.dumps(DEFINITION),
        roleArn=f"arn:aws:iam::{ACCOUNT}:role/sfn",
    )["stateMachineArn"]
    deploy_stack(naming.TRAINING, {naming.OUTPUT_STATE_MACHINE_ARN: arn})
    return arn


def _job(status: str, secondary: str, **extra: Any) -> dict[str, Any]:
    """A DescribeTrainingJob response with the fields botocore requires."""
    return {
        "TrainingJobName": "quantreason-dev-job-1",
        "TrainingJobArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:training-job/{JOB}",
        "ModelArtifacts": {"S3ModelArtifacts": extra.pop("artifacts", "")},
        "TrainingJobStatus": status,
        "SecondaryStatus": secondary,
        "AlgorithmSpecification": {"TrainingInputMode": "File"},
        "ResourceConfig": {"InstanceCount": 1, "VolumeSizeInGB": 1},
        "StoppingCondition": {},
        "CreationTime": dt.datetime(2025, 1, 1),
        **extra,
    }


def test_start_runs_the_state_machine_with_the_job_name(ctx, state_machine: str) -> None:
    started = start_training(ctx, "quantreason-dev-job-1")
    assert started.job_name == "quantreason-dev-job-1"
    execution = boto3.client("stepfunctions", region_name=REGION).describe_execution(
        executionArn=started.execution_arn
    )
    assert execution["stateMachineArn"] == state_machine
    assert execution["name"] == "quantreason-dev-job-1"
    # The task names the job after the execution ($$.Execution.Name).
    assert json.loads(execution["input"]) == {"TrainingJobName": "quantreason-dev-job-1"}


def test_profile_refused_when_the_state_machine_ignores_it(ctx, state_machine: str) -> None:
    # The stage settings fix the profile in the task: an override would be silently lost.
    with pytest.raises(OpsError, match="does not read a profile"):
        start_training(ctx, "quantreason-dev-job-1", train_profile="local")
    assert (
        boto3.client("stepfunctions", region_name=REGION).list_executions(
            stateMachineArn=state_machine
        )["executions"]
        == []
    )


def test_profile_passed_when_the_state_machine_reads_it(ctx) -> None:
    definition = copy.deepcopy(DEFINITION)
    definition["States"]["Train"]["Parameters"]["HyperParameters"]["profile.$"] = "$.profile"
    sfn = boto3.client("stepfunctions", region_name=REGION)
    arn = sfn.create_state_machine(
        name="other", definition=json.dumps(definition), roleArn=f"arn:aws:iam::{ACCOUNT}:role/x"
    )["stateMachineArn"]
    deploy_stack(naming.TRAINING, {naming.OUTPUT_STATE_MACHINE_ARN: arn})
    started = start_training(ctx, "quantreason-dev-job-2", train_profile="local")
    execution = sfn.describe_execution(executionArn=started.execution_arn)
    assert json.loads(execution["input"]) == {
        "TrainingJobName": "quantreason-dev-job-2",
        "profile": "local",
    }


def test_sdk_start_reuses_the_task_parameters(ctx, state_machine: str, stub) -> None:
    sagemaker = stub("sagemaker")
    # Same image, role, data, instances, distribution flag as the state machine's task.
    expected = copy.deepcopy(TASK_PARAMETERS)
    expected.pop("TrainingJobName.$")
    expected["HyperParameters"]["profile"] = "local"
    expected["CheckpointConfig"] = {
        "S3Uri": "s3://qr-dev-artifacts/checkpoints/quantreason-dev-job-1/",
        "LocalPath": "/opt/ml/checkpoints",
    }
    expected["TrainingJobName"] = "quantreason-dev-job-1"
    expected["Tags"] = [{"Key": "team", "Value": "quant"}, *OWNED]
    sagemaker.add_response(
        "create_training_job",
        {"TrainingJobArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:training-job/{JOB}"},
        expected,
    )
    started = start_training(ctx, "quantreason-dev-job-1", train_profile="local", sdk=True)
    assert started.execution_arn is None


def test_resolve_parameters_reads_input_and_execution_name() -> None:
    params = {"A.$": "$.x.y", "B": [{"C.$": "$$.Execution.Name"}], "D": "literal"}
    assert resolve_parameters(params, {"x": {"y": 3}}, "job-9") == {
        "A": 3,
        "B": [{"C": "job-9"}],
        "D": "literal",
    }
    with pytest.raises(OpsError, match=r"reads \$.missing"):
        resolve_parameters({"A.$": "$.missing"}, {}, "job")
    formatted = {"U.$": "States.Format('s3://b/{}/{}/', $.x.y, $$.Execution.Name)"}
    assert resolve_parameters(formatted, {"x": {"y": "p"}}, "job-9") == {"U": "s3://b/p/job-9/"}
    with pytest.raises(OpsError, match="unsupported path"):
        resolve_parameters({"A.$": "States.ArrayGetItem($.x, 0)"}, {"x": [1]}, "job")


def test_invalid_job_name_is_refused_before_any_call(ctx) -> None:
    with pytest.raises(OpsError, match="invalid job name"):
        start_training(ctx, "bad_name!")
    # The state machine's role may only create jobs named with the stage's prefix.
    with pytest.raises(OpsError, match="must start with 'quantreason-dev-'"):
        start_training(ctx, "quantreason-prod-job-1")


def test_follow_prints_logs_and_returns_the_artifacts(ctx, stub) -> None:
    logs = boto3.client("logs", region_name=REGION)
    logs.create_log_group(logGroupName=LOG_GROUP)
    logs.create_log_stream(
        logGroupName=LOG_GROUP, logStreamName="quantreason-dev-job-1/algo-1-1700000000"
    )
    now_ms = int(dt.datetime.now(dt.UTC).timestamp() * 1000)
    logs.put_log_events(
        logGroupName=LOG_GROUP,
        logStreamName="quantreason-dev-job-1/algo-1-1700000000",
        logEvents=[
            {"timestamp": now_ms, "message": "step 1 loss 1.9"},
            {"timestamp": now_ms + 1, "message": "step 2 loss 0.9"},
        ],
    )
    sagemaker = stub("sagemaker")
    sagemaker.add_client_error(
        "describe_training_job", "ValidationException", "Requested resource not found."
    )
    sfn = stub("stepfunctions")
    sfn.add_response(
        "describe_execution",
        {
            "executionArn": "arn:exec",
            "stateMachineArn": "arn:sm",
            "status": "RUNNING",
            "startDate": dt.datetime(2025, 1, 1),
        },
        {"executionArn": "arn:exec"},
    )
    sagemaker.add_response("describe_training_job", _job("InProgress", "Training"))
    sagemaker.add_response(
        "describe_training_job", _job("Completed", "Completed", artifacts=ARTIFACTS)
    )
    ctx._clients.clear()
    statuses: list[str] = []
    lines: list[str] = []
    final = follow_training(
        ctx,
        StartedTraining("quantreason-dev-job-1", "arn:exec", "arn:sm"),
        on_status=lambda s: statuses.append(s.status),
        on_log=lines.append,
    )
    assert statuses == ["Pending", "InProgress", "Completed"]
    assert lines == ["step 1 loss 1.9", "step 2 loss 0.9"]  # each line once
    assert final.model_artifacts == ARTIFACTS


def test_failed_job_is_a_clear_cli_error(state_machine: str, stub, tmp_path) -> None:
    boto3.client("s3", region_name=REGION).create_bucket(Bucket="qr-dev-artifacts")
    deploy_stack(naming.STORAGE, {naming.OUTPUT_ARTIFACTS_BUCKET: "qr-dev-artifacts"})
    stage_fake_base_model("qr-dev-artifacts")
    name_base_model(tmp_path)
    sagemaker = stub("sagemaker")
    sagemaker.add_response(
        "describe_training_job",
        _job("Failed", "Failed", FailureReason="AlgorithmError: CUDA out of memory"),
    )
    result = run_cli("train", "--job-name", "quantreason-dev-job-1", "--poll-seconds", "0")
    assert result.exit_code == 1
    assert "training job: quantreason-dev-job-1" in result.output
    assert "quantreason-dev-job-1 Failed: AlgorithmError: CUDA out of memory" in result.output
    assert "Traceback" not in result.output


def test_execution_that_fails_before_the_job_exists(ctx, stub) -> None:
    stub("sagemaker").add_client_error(
        "describe_training_job", "ValidationException", "Requested resource not found."
    )
    stub("stepfunctions").add_response(
        "describe_execution",
        {
            "executionArn": "arn:exec",
            "stateMachineArn": "arn:sm",
            "status": "FAILED",
            "startDate": dt.datetime(2025, 1, 1),
            "error": "SageMaker.ResourceLimitExceededException",
            "cause": "account limit for ml.g5.12xlarge is 0",
        },
    )
    ctx._clients.clear()
    with pytest.raises(OpsError, match="execution FAILED: account limit"):
        follow_training(ctx, StartedTraining("quantreason-dev-job-1", "arn:exec", "arn:sm"))
