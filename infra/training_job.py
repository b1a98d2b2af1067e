"""The training job: a Step Functions state machine running one SageMaker training job.

Starting an execution (``quantreason aws train`` or the console) trains a LoRA adapter on
``s3://<data>/datasets/`` and writes ``model.tar.gz`` under ``s3://<artifacts>/artifacts/training/``.
The execution name becomes the training job name (letters, digits and '-', at most 63).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_assets as s3_assets
from aws_cdk import aws_stepfunctions as sfn
from aws_cdk import aws_stepfunctions_tasks as tasks
from constructs import Construct

from infra.bundle import training_bundling
from infra.images import dlc_image_uri, grant_dlc_pull, grant_sagemaker_logging
from infra.nag import acknowledge, iam5, rendered_arn, rendered_asset_bucket, rendered_import
from infra.network import NetworkProps
from quantreason import naming
from quantreason.paths import REPO_ROOT
from quantreason.stages import TrainingSettings

CHECKPOINT_LOCAL_PATH = "/opt/ml/checkpoints"  # synced to S3 by SageMaker; train.py resumes
TRAINING_OUTPUT_PREFIX = f"{naming.ARTIFACTS_PREFIX}/training"
#: With network isolation the container cannot fetch its code from S3: SageMaker copies the
#: bundle in as this input channel and the toolkit extracts it from the local path.
CODE_CHANNEL = "code"


@dataclass(frozen=True)
class TrainingJobProps:
    """Buckets to read from and write to, and the stage's training settings."""

    data_bucket: s3.IBucket
    artifacts_bucket: s3.IBucket
    settings: TrainingSettings
    log_retention_days: int
    removal_policy: cdk.RemovalPolicy
    base_model_prefix: str  # base-models/<name>/<sha12>/ in the artifacts bucket
    network: NetworkProps = field(default_factory=NetworkProps)


class _TrainingTask(tasks.SageMakerCreateTrainingJob):
    """``SageMakerCreateTrainingJob`` plus the fields its props lack.

    The L2 task has no checkpoint or managed-spot settings and writes https:// S3 URLs; the
    extra CreateTrainingJob parameters are merged into the rendered state.
    """

    def __init__(self, scope: Construct, construct_id: str, *, extra: dict[str, Any], **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        self._extra = extra

    def to_state_json(self, query_language: Any = None) -> dict[str, Any]:
        state = super().to_state_json(query_language)
        state["Parameters"].update(self._extra)
        return state


class TrainingJob(Construct):
    """Execution role, code asset and the state machine that runs the training job."""

    def __init__(self, scope: Construct, construct_id: str, props: TrainingJobProps) -> None:
        super().__init__(scope, construct_id)
        s = props.settings
        data, artifacts = props.data_bucket, props.artifacts_bucket
        self.data_bucket_arn, self.artifacts_bucket_arn = data.bucket_arn, artifacts.bucket_arn

        self.code = s3_assets.Asset(
            self,
            "Code",
            path=str(_training_dir()),
            bundling=training_bundling(),
            asset_hash_type=cdk.AssetHashType.OUTPUT,
        )
        self.role = iam.Role(
            self,
            "ExecutionRole",
            assumed_by=iam.ServicePrincipal("sagemaker.amazonaws.com"),
            description="SageMaker training job: read datasets, write adapters and checkpoints",
        )
        data.grant_read(self.role, f"{naming.DATA_PREFIX}/*")
        artifacts.grant_read(self.role, f"{props.base_model_prefix}*")  # exactly that model
        props.network.grant_vpc_access(self.role)
        self.base_model_prefix = props.base_model_prefix
        artifacts.grant_read_write(self.role, f"{naming.CHECKPOINTS_PREFIX}/*")
        self.code.grant_read(self.role)
        grant_dlc_pull(self.role, self, "training")
        grant_sagemaker_logging(self.role, self, "/aws/sagemaker/TrainingJobs:*")

        execution_name = "$$.Execution.Name"
        code_channel = f"/opt/ml/input/data/{CODE_CHANNEL}/{self.code.s3_object_key}"
        hyperparameters = {
            "profile": s.profile,
            # The SageMaker training toolkit downloads the bundle and runs train.py with
            # torchrun on every GPU of every instance (nnodes = instance count).
            "sagemaker_program": "train.py",
            "sagemaker_submit_directory": (
                code_channel if props.network.isolated else self.code.s3_object_url
            ),
            "sagemaker_torch_distributed_enabled": "true",
            "sagemaker_region": cdk.Aws.REGION,
            "sagemaker_container_log_level": "20",
        }
        extra: dict[str, Any] = {
            "OutputDataConfig": {
                "S3OutputPath": f"s3://{artifacts.bucket_name}/{TRAINING_OUTPUT_PREFIX}/"
            },
            "InputDataConfig": [
                {
                    "ChannelName": "train",
                    "ContentType": "application/jsonlines",
                    "InputMode": "File",
                    "DataSource": {
                        "S3DataSource": {
                            "S3DataType": "S3Prefix",
                            "S3Uri": f"s3://{data.bucket_name}/{naming.DATA_PREFIX}/",
                            "S3DataDistributionType": "FullyReplicated",
                        }
                    },
                },
                {
                    # The staged base weights: train.py loads SM_CHANNEL_BASE, not a hub id.
                    "ChannelName": naming.BASE_MODEL_CHANNEL,
                    "InputMode": "File",
                    "DataSource": {
                        "S3DataSource": {
                            "S3DataType": "S3Prefix",
                            "S3Uri": f"s3://{artifacts.bucket_name}/{props.base_model_prefix}",
                            "S3DataDistributionType": "FullyReplicated",
                        }
                    },
                },
            ],
            "Environment": {"HF_HUB_OFFLINE": "1"},
            "CheckpointConfig": {
                "S3Uri.$": f"States.Format('s3://{artifacts.bucket_name}/"
                f"{naming.CHECKPOINTS_PREFIX}/{{}}/', {execution_name})",
                "LocalPath": CHECKPOINT_LOCAL_PATH,
            },
            "StoppingCondition": {"MaxRuntimeInSeconds": s.max_runtime_s},
        }
        if props.network.isolated:
            extra["EnableNetworkIsolation"] = True
            extra["InputDataConfig"].append(
                {
                    "ChannelName": CODE_CHANNEL,
                    "InputMode": "File",
                    "DataSource": {
                        "S3DataSource": {
                            "S3DataType": "S3Prefix",
                            "S3Uri": self.code.s3_object_url,
                            "S3DataDistributionType": "FullyReplicated",
                        }
                    },
                }
            )
        vpc_config = props.network.vpc_config()
        if vpc_config is not None:
            extra["VpcConfig"] = vpc_config
        if s.spot:
            extra["EnableManagedSpotTraining"] = True
            extra["StoppingCondition"]["MaxWaitTimeInSeconds"] = s.max_wait_s

        self.task = _TrainingTask(
            self,
            "TrainAdapter",
            extra=extra,
            integration_pattern=sfn.IntegrationPattern.RUN_JOB,
            training_job_name=sfn.JsonPath.string_at(execution_name),
            role=self.role,
            algorithm_specification=tasks.AlgorithmSpecification(
                training_image=tasks.DockerImage.from_registry(dlc_image_uri(self, "training")),
                training_input_mode=tasks.InputMode.FILE,
            ),
            # Replaced by the s3:// form in `extra`; the L2 requires one.
            output_data_config=tasks.OutputDataConfig(
                s3_output_location=tasks.S3Location.from_bucket(artifacts, TRAINING_OUTPUT_PREFIX)
            ),
            resource_config=tasks.ResourceConfig(
                instance_count=s.instance_count,
                instance_type=cdk.aws_ec2.InstanceType(s.instance_type.removeprefix("ml.")),
                volume_size=cdk.Size.gibibytes(s.volume_size_gb),
            ),
            hyperparameters=hyperparameters,
            result_selector={"ModelArtifacts.$": "$.ModelArtifacts.S3ModelArtifacts"},
        )
        self.log_group = logs.LogGroup(
            self,
            "StateMachineLogs",
            removal_policy=props.removal_policy,
        )
        # RetentionDays is an enum of names; the stage gives days, so set the L1 number.
        self.log_group.node.default_child.retention_in_days = retention_days(
            props.log_retention_days
        )
        self.state_machine = sfn.StateMachine(
            self,
            "StateMachine",
            definition_body=sfn.DefinitionBody.from_chainable(self.task),
            # The job's own limit plus an hour for queueing and model upload.
            timeout=cdk.Duration.seconds((s.max_wait_s if s.spot else s.max_runtime_s) + 3600),
            tracing_enabled=True,
            logs=sfn.LogOptions(destination=self.log_group, level=sfn.LogLevel.ALL),
        )
        self._acknowledge()

    def grant_start(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let ``grantee`` start executions of the training state machine."""
        return self.state_machine.grant_start_execution(grantee)

    def _acknowledge(self) -> None:
        data_arn = rendered_import(self, self.data_bucket_arn)
        artifacts_arn = rendered_import(self, self.artifacts_bucket_arn)
        acknowledge(
            self.role,
            iam5(
                f"Resource::{data_arn}/{naming.DATA_PREFIX}/*",
                "Training reads every file under the datasets prefix (the splits).",
            ),
            iam5(
                f"Resource::{artifacts_arn}/{self.base_model_prefix}*",
                "The staged base model: every file under its versioned prefix.",
            ),
            iam5(
                f"Resource::{artifacts_arn}/{TRAINING_OUTPUT_PREFIX}*",
                "SageMaker writes <job name>/output/model.tar.gz under the output prefix.",
            ),
            iam5(
                f"Resource::{artifacts_arn}/{naming.CHECKPOINTS_PREFIX}/*",
                "Checkpoints of every job (per-job folders named by the execution).",
            ),
            iam5(
                f"Resource::{rendered_asset_bucket(self)}",
                "CDK's asset grant on the bootstrap bucket (asset keys are content hashes).",
            ),
            iam5(
                "Resource::"
                + rendered_arn(self, "logs", "log-group:/aws/sagemaker/TrainingJobs:*"),
                "Log streams are created by SageMaker per job.",
            ),
            iam5(
                "Resource::*",
                "ecr:GetAuthorizationToken, PutMetricData and the EC2 network-interface "
                "actions SageMaker needs in a VPC take no resource ARN.",
            ),
            iam5("Action::s3:GetObject*", "CDK grant_read: GetObject plus version reads."),
            iam5("Action::s3:GetBucket*", "CDK grant_read: bucket location/versioning reads."),
            iam5("Action::s3:List*", "Listing the channel prefix is how SageMaker downloads."),
            iam5("Action::s3:Abort*", "CDK grant_write: aborting its own multipart uploads."),
            iam5("Action::s3:DeleteObject*", "Checkpoint sync replaces stale checkpoint files."),
        )
        acknowledge(
            self.state_machine,
            iam5(
                "Resource::" + rendered_arn(self, "sagemaker", "training-job/*"),
                "CDK's task policy: job names come from execution names at run time.",
            ),
            iam5("Resource::*", "CDK's X-Ray and log-delivery actions take no resource ARN."),
        )


def _training_dir() -> Path:
    return REPO_ROOT / "training"


def retention_days(days: int) -> int:
    """The nearest CloudWatch retention at or above ``days`` (CloudWatch accepts a fixed list)."""
    allowed = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653]
    return next((d for d in allowed if d >= days), allowed[-1])
