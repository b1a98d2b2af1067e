"""The training job: a Step Functions state machine running one SageMaker training job.

Starting an execution (``quantreason aws train`` or the console) trains a LoRA adapter on
``s3://<data>/datasets/`` and writes ``model.tar.gz`` under ``s3://<artifacts>/artifacts/training/``.
The execution name becomes the training job name (letters, digits and '-', at most 63) and
must start with the stage's prefix (``quantreason-<stage>-``): the state machine refuses other
names, and its role may create, describe, stop and tag only jobs with that prefix.

The task is an ``sfn.CustomState`` holding the CreateTrainingJob request as written (the L2
``SageMakerCreateTrainingJob`` lacks checkpoint and managed-spot fields), so its IAM policy is
written here too, statement by statement.

The base weights come from S3, never the hub: a ``base`` input channel on exactly the stage's
staged prefix (``base-models/<name>/<sha12>/``), which ``train.py`` loads from
``SM_CHANNEL_BASE``, and ``HF_HUB_OFFLINE=1``. With network isolation the code bundle arrives
as a ``code`` channel too (an isolated container cannot fetch it from S3 itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_assets as s3_assets
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from infra.bundle import training_bundling
from infra.grants import grant_prefix_read, grant_prefix_write
from infra.images import dlc_image_uri, grant_dlc_pull, grant_sagemaker_logging
from infra.nag import acknowledge, iam5, rendered_arn, rendered_import
from infra.network import NetworkProps
from quantreason import naming
from quantreason.paths import REPO_ROOT
from quantreason.stages import TrainingSettings, retention_days
from quantreason.training.progress import METRIC_DEFINITIONS

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
    job_name_prefix: str  # every job (= execution) name starts with it; IAM is scoped to it
    base_model_prefix: str  # base-models/<name>/<sha12>/ in the artifacts bucket
    encrypt_logs: bool = False  # the state machine's log group under a customer-managed key
    network: NetworkProps = field(default_factory=NetworkProps)


class TrainingJob(Construct):
    """Execution role, code asset and the state machine that runs the training job."""

    def __init__(self, scope: Construct, construct_id: str, props: TrainingJobProps) -> None:
        super().__init__(scope, construct_id)
        s = props.settings
        data, artifacts = props.data_bucket, props.artifacts_bucket
        self.data_bucket_arn, self.artifacts_bucket_arn = data.bucket_arn, artifacts.bucket_arn
        self.job_name_prefix = props.job_name_prefix

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
        grant_prefix_read(self.role, data, f"{naming.DATA_PREFIX}/")
        grant_prefix_read(self.role, artifacts, props.base_model_prefix)  # exactly that model
        self.base_model_prefix = props.base_model_prefix
        props.network.grant_vpc_access(self.role)
        # Checkpoint sync overwrites and removes files of its own job; DeleteObject on a
        # versioned bucket leaves the old version (no DeleteObjectVersion: history stays).
        grant_prefix_read(self.role, artifacts, f"{naming.CHECKPOINTS_PREFIX}/")
        grant_prefix_write(self.role, artifacts, f"{naming.CHECKPOINTS_PREFIX}/", delete=True)
        grant_prefix_write(self.role, artifacts, f"{TRAINING_OUTPUT_PREFIX}/")
        # The code bundle: the one asset object, not the whole CDK bootstrap bucket.
        self.role.add_to_principal_policy(
            iam.PolicyStatement(
                actions=["s3:GetObject"],
                resources=[
                    f"arn:{cdk.Aws.PARTITION}:s3:::{self.code.s3_bucket_name}/"
                    f"{self.code.s3_object_key}"
                ],
            )
        )
        if props.network.isolated:
            # Isolated jobs get the bundle as an S3Prefix channel, which SageMaker lists before
            # copying: ListBucket on the bootstrap bucket, for that one key only.
            self.role.add_to_principal_policy(
                iam.PolicyStatement(
                    actions=["s3:ListBucket"],
                    resources=[f"arn:{cdk.Aws.PARTITION}:s3:::{self.code.s3_bucket_name}"],
                    conditions={"StringLike": {"s3:prefix": [self.code.s3_object_key]}},
                )
            )
        grant_dlc_pull(self.role, self, "training")
        grant_sagemaker_logging(
            self.role, self, naming.TRAINING_LOG_GROUP, stream_prefix=props.job_name_prefix
        )

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
        stopping: dict[str, Any] = {"MaxRuntimeInSeconds": s.max_runtime_s}
        parameters: dict[str, Any] = {
            "TrainingJobName.$": execution_name,
            "RoleArn": self.role.role_arn,
            "AlgorithmSpecification": {
                "TrainingInputMode": "File",
                "TrainingImage": dlc_image_uri(self, "training"),
                # loss and tokens/s from rank 0's progress lines: the job's console plots them
                "MetricDefinitions": [dict(metric) for metric in METRIC_DEFINITIONS],
            },
            "OutputDataConfig": {
                "S3OutputPath": f"s3://{artifacts.bucket_name}/{TRAINING_OUTPUT_PREFIX}/"
            },
            "ResourceConfig": {
                "InstanceCount": s.instance_count,
                "InstanceType": s.instance_type,
                "VolumeSizeInGB": s.volume_size_gb,
            },
            "StoppingCondition": stopping,
            "HyperParameters": hyperparameters,
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
        }
        if props.network.isolated:
            parameters["EnableNetworkIsolation"] = True
            parameters["InputDataConfig"].append(
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
            parameters["VpcConfig"] = vpc_config
        if s.spot:
            parameters["EnableManagedSpotTraining"] = True
            stopping["MaxWaitTimeInSeconds"] = s.max_wait_s

        self.task = sfn.CustomState(
            self,
            "TrainAdapter",
            state_json={
                "Type": "Task",
                "Resource": f"arn:{cdk.Aws.PARTITION}:states:::sagemaker:createTrainingJob.sync",
                "Parameters": parameters,
                "ResultSelector": {"ModelArtifacts.$": "$.ModelArtifacts.S3ModelArtifacts"},
            },
        )
        prefix = props.job_name_prefix
        check_name = (
            sfn.Choice(self, "CheckJobName")
            .when(sfn.Condition.string_matches(execution_name, f"{prefix}*"), self.task)
            .otherwise(
                sfn.Fail(
                    self,
                    "JobNameOutsidePrefix",
                    error="InvalidJobName",
                    cause=f"the execution (= training job) name must start with {prefix}",
                )
            )
        )
        self.log_key: kms.Key | None = None
        if props.encrypt_logs:
            self.log_key = kms.Key(
                self,
                "LogKey",
                description="quantreason: training state machine logs",
                enable_key_rotation=True,
                removal_policy=props.removal_policy,
            )
            # CloudWatch Logs encrypts with the key on the log group's behalf.
            self.log_key.grant_encrypt_decrypt(
                iam.ServicePrincipal(f"logs.{cdk.Aws.REGION}.amazonaws.com")
            )
        self.log_group = logs.LogGroup(
            self,
            "StateMachineLogs",
            removal_policy=props.removal_policy,
            encryption_key=self.log_key,
        )
        # RetentionDays is an enum of names; the stage gives days, so set the L1 number.
        self.log_group.node.default_child.retention_in_days = retention_days(
            props.log_retention_days
        )
        self.state_machine = sfn.StateMachine(
            self,
            "StateMachine",
            definition_body=sfn.DefinitionBody.from_chainable(check_name),
            # The job's own limit plus an hour for queueing and model upload.
            timeout=cdk.Duration.seconds((s.max_wait_s if s.spot else s.max_runtime_s) + 3600),
            tracing_enabled=True,
            logs=sfn.LogOptions(destination=self.log_group, level=sfn.LogLevel.ALL),
        )
        self._grant_state_machine(prefix)
        self._acknowledge()

    def _grant_state_machine(self, prefix: str) -> None:
        """What ``createTrainingJob.sync`` needs, for this stage's jobs only."""
        stack = cdk.Stack.of(self)
        self.state_machine.add_to_role_policy(
            iam.PolicyStatement(
                actions=[
                    "sagemaker:CreateTrainingJob",
                    "sagemaker:DescribeTrainingJob",
                    "sagemaker:StopTrainingJob",
                    "sagemaker:AddTags",
                ],
                resources=[
                    stack.format_arn(
                        service="sagemaker", resource="training-job", resource_name=f"{prefix}*"
                    )
                ],
            )
        )
        self.state_machine.add_to_role_policy(
            iam.PolicyStatement(
                actions=["iam:PassRole"],
                resources=[self.role.role_arn],
                conditions={"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}},
            )
        )
        # Step Functions' documented policy for createTrainingJob.sync (and CDK's own
        # SageMakerCreateTrainingJob task) includes ListTags; the action takes resource "*".
        self.state_machine.add_to_role_policy(
            iam.PolicyStatement(actions=["sagemaker:ListTags"], resources=["*"])
        )
        # .sync waits through the EventBridge rule that Step Functions manages for SageMaker.
        self.state_machine.add_to_role_policy(
            iam.PolicyStatement(
                actions=["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                resources=[
                    stack.format_arn(
                        service="events",
                        resource="rule",
                        resource_name="StepFunctionsGetEventsForSageMakerTrainingJobsRule",
                    )
                ],
            )
        )

    def _acknowledge(self) -> None:
        data_arn = rendered_import(self, self.data_bucket_arn)
        artifacts_arn = rendered_import(self, self.artifacts_bucket_arn)
        logs_arn = rendered_arn(self, "logs", f"log-group:{naming.TRAINING_LOG_GROUP}")
        prefix = self.job_name_prefix
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
                f"Resource::{artifacts_arn}/{TRAINING_OUTPUT_PREFIX}/*",
                "SageMaker writes <job name>/output/model.tar.gz under the output prefix.",
            ),
            iam5(
                f"Resource::{artifacts_arn}/{naming.CHECKPOINTS_PREFIX}/*",
                "Checkpoints of every job (per-job folders named by the execution).",
            ),
            iam5(
                f"Resource::{logs_arn}:log-stream:{prefix}*",
                "SageMaker names the log streams <job name>/algo-<n>-<time>.",
            ),
            iam5(
                f"Resource::{logs_arn}:*",
                "Creating the group and streams (group-level calls); events only to own streams.",
            ),
            iam5(
                "Resource::*",
                "ecr:GetAuthorizationToken, PutMetricData and (in a VPC) the EC2 "
                "network-interface actions SageMaker uses take no resource ARN.",
            ),
        )
        acknowledge(
            self.state_machine,
            iam5(
                "Resource::" + rendered_arn(self, "sagemaker", f"training-job/{prefix}*"),
                "Job names are execution names, chosen at run time within the stage's prefix.",
            ),
            iam5(
                "Resource::*",
                "CDK's X-Ray and log-delivery actions and sagemaker:ListTags (Step Functions' "
                "documented createTrainingJob.sync policy) take no resource ARN.",
            ),
        )


def _training_dir() -> Path:
    return REPO_ROOT / "training"
