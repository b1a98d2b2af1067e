"""The three stacks of a stage. Stacks compose constructs and wire buckets -> roles -> jobs.

Storage outlives the other two: the Endpoint stack can be destroyed alone (cost control)
while data, artifacts and the training state machine remain.
"""

from __future__ import annotations

from pathlib import Path

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_assets as s3_assets
from constructs import Construct

from infra.model_endpoint import DEFAULT_MODEL_KEY, ModelEndpoint, ModelEndpointProps
from infra.storage import ProjectBuckets, ProjectBucketsProps
from infra.training_job import TrainingJob, TrainingJobProps
from quantreason import naming
from quantreason.paths import REPO_ROOT
from quantreason.pricing import PriceError, load_prices
from quantreason.stages import StageSettings


class StorageStack(cdk.Stack):
    """Data and artifacts buckets (+ access logs)."""

    def __init__(self, scope: Construct, construct_id: str, stage: StageSettings, **kw) -> None:
        super().__init__(scope, construct_id, **kw)
        self.buckets = ProjectBuckets(
            self,
            "Buckets",
            ProjectBucketsProps(
                removal=stage.removal,
                noncurrent_version_expiry_days=stage.noncurrent_version_expiry_days,
                kms=stage.kms,
            ),
        )
        # Named exports: the consuming stacks import them by name, so their IAM statements
        # (and the cdk-nag findings on them) read the same on every synth.
        for key, bucket in (("Data", self.buckets.data), ("Artifacts", self.buckets.artifacts)):
            self.export_value(bucket.bucket_arn, name=self.export_name(f"{key}BucketArn"))
            self.export_value(bucket.bucket_name, name=self.export_name(f"{key}BucketName"))
        if self.buckets.key is not None:
            self.export_value(self.buckets.key.key_arn, name=self.export_name("BucketKeyArn"))
        cdk.CfnOutput(self, naming.OUTPUT_DATA_BUCKET, value=self.buckets.data.bucket_name)
        cdk.CfnOutput(
            self, naming.OUTPUT_ARTIFACTS_BUCKET, value=self.buckets.artifacts.bucket_name
        )

    def export_name(self, what: str) -> str:
        """Name of one of this stack's exports, e.g. ``QuantReason-dev-Storage:DataBucketArn``."""
        return f"{self.stack_name}:{what}"

    def import_bucket(self, scope: Construct, key: str) -> s3.IBucket:
        """The ``Data`` or ``Artifacts`` bucket as seen from another stack (by export name)."""
        buckets = self.node.find_child("Buckets")  # exports exist once the buckets do
        encryption_key = None
        if buckets.key is not None:  # grants on the bucket then include the key
            encryption_key = kms.Key.from_key_arn(
                scope, f"{key}BucketKey", cdk.Fn.import_value(self.export_name("BucketKeyArn"))
            )
        return s3.Bucket.from_bucket_attributes(
            scope,
            f"{key}Bucket",
            bucket_arn=cdk.Fn.import_value(self.export_name(f"{key}BucketArn")),
            bucket_name=cdk.Fn.import_value(self.export_name(f"{key}BucketName")),
            encryption_key=encryption_key,
        )


class TrainingStack(cdk.Stack):
    """The training role, code asset and state machine."""

    def __init__(
        self, scope: Construct, construct_id: str, stage: StageSettings, storage: StorageStack, **kw
    ) -> None:
        super().__init__(scope, construct_id, **kw)
        self.add_stack_dependency(storage)
        self.job = TrainingJob(
            self,
            "Job",
            TrainingJobProps(
                data_bucket=storage.import_bucket(self, "Data"),
                artifacts_bucket=storage.import_bucket(self, "Artifacts"),
                settings=stage.training,
                log_retention_days=stage.log_retention_days,
                removal_policy=_removal(stage),
                job_name_prefix=naming.training_job_prefix(stage.name),
                encrypt_logs=stage.kms,
            ),
        )
        cdk.CfnOutput(
            self, naming.OUTPUT_STATE_MACHINE_ARN, value=self.job.state_machine.state_machine_arn
        )
        cdk.CfnOutput(self, naming.OUTPUT_TRAINING_ROLE_ARN, value=self.job.role.role_arn)


class EndpointStack(cdk.Stack):
    """Model, endpoint config and (unless parked) endpoint with autoscaling and alarms."""

    def __init__(
        self, scope: Construct, construct_id: str, stage: StageSettings, storage: StorageStack, **kw
    ) -> None:
        super().__init__(scope, construct_id, **kw)
        self.add_stack_dependency(storage)
        artifacts = storage.import_bucket(self, "Artifacts")
        url = stage.model_data_url
        asset = None
        if url is None:
            url = f"s3://{artifacts.bucket_name}/{DEFAULT_MODEL_KEY}"
        elif not url.startswith("s3://"):  # a local model.tar.gz: uploaded as a CDK asset
            path = Path(url) if Path(url).is_absolute() else REPO_ROOT / url
            if not path.is_file():
                raise FileNotFoundError(f"model_data_url {url!r}: no such file")
            asset = s3_assets.Asset(self, "ModelData", path=str(path))
            url = asset.s3_object_url
        self.endpoint = ModelEndpoint(
            self,
            "Serving",
            ModelEndpointProps(
                endpoint_name=stage.endpoint_name,
                artifacts_bucket=artifacts,
                settings=stage.endpoint,
                autoscaling=stage.autoscaling,
                model_data_url=url,
            ),
        )
        if asset is not None:
            # The one uploaded object, not the whole CDK bootstrap bucket.
            self.endpoint.role.add_to_principal_policy(
                iam.PolicyStatement(
                    actions=["s3:GetObject"],
                    resources=[
                        f"arn:{cdk.Aws.PARTITION}:s3:::{asset.s3_bucket_name}/{asset.s3_object_key}"
                    ],
                )
            )
        cdk.CfnOutput(self, naming.OUTPUT_VARIANT_NAME, value=self.endpoint.variant_name)
        if self.endpoint.endpoint is not None:
            cdk.CfnOutput(self, naming.OUTPUT_ENDPOINT_NAME, value=self.endpoint.endpoint_name)
        # Shown by `cdk diff`, so that a reviewer sees what parking or a new max saves or costs.
        cdk.CfnOutput(
            self,
            "EndpointCostPerHour",
            value=endpoint_cost_text(stage),
            description="On-demand instance cost from config/prices.yaml (min..max instances)",
        )


def endpoint_cost_text(stage: StageSettings) -> str:
    """``"1.41 USD (1 x ml.g5.xlarge) .. 5.63 USD (4)"``, or ``"0 (parked)"``."""
    if stage.endpoint.parked:
        return "0 (parked)"
    try:
        prices = load_prices()
        hourly = prices.hourly_price(stage.endpoint.instance_type)
    except PriceError as err:
        return f"unknown: {err}"
    low, high = stage.autoscaling.min_instances, stage.autoscaling.max_instances
    return (
        f"{hourly * low:.2f} {prices.currency} ({low} x {stage.endpoint.instance_type}) .. "
        f"{hourly * high:.2f} {prices.currency} ({high})"
    )


def _removal(stage: StageSettings) -> cdk.RemovalPolicy:
    return cdk.RemovalPolicy.DESTROY if stage.removal == "destroy" else cdk.RemovalPolicy.RETAIN
