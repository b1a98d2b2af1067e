"""The three stacks of a stage. Stacks compose constructs and wire buckets -> roles -> jobs.

Storage outlives the other two: the Endpoint stack can be destroyed alone (cost control)
while data, artifacts and the training state machine remain.
"""

from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct

from infra.model_endpoint import ModelEndpoint, ModelEndpointProps
from infra.network import NetworkProps
from infra.storage import ProjectBuckets, ProjectBucketsProps
from infra.training_job import TrainingJob, TrainingJobProps
from quantreason import naming
from quantreason.pricing import PriceError, load_prices
from quantreason.stages import STAGE_BASE_MODEL_COMMAND, StageSettings


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
    """The training role, code asset and state machine, once the stage names a base model.

    On a fresh account nothing is staged yet: the stack then holds only an output saying so,
    and ``quantreason aws train`` fails with that message before any job starts.
    """

    def __init__(
        self, scope: Construct, construct_id: str, stage: StageSettings, storage: StorageStack, **kw
    ) -> None:
        super().__init__(scope, construct_id, **kw)
        self.add_stack_dependency(storage)
        self.job: TrainingJob | None = None
        if stage.base_model is None:
            _placeholder(self)
            cdk.CfnOutput(
                self,
                naming.OUTPUT_TRAINING_STATUS,
                value=not_staged_text(stage),
                description="Why this stack holds no training state machine yet",
            )
            return
        self.job = TrainingJob(
            self,
            "Job",
            TrainingJobProps(
                data_bucket=storage.import_bucket(self, "Data"),
                artifacts_bucket=storage.import_bucket(self, "Artifacts"),
                settings=stage.training,
                log_retention_days=stage.log_retention_days,
                removal_policy=_removal(stage),
                base_model_prefix=stage.base_model,
                network=network_props(stage),
                job_name_prefix=naming.training_job_prefix(stage.name),
                encrypt_logs=stage.kms,
            ),
        )
        cdk.CfnOutput(
            self, naming.OUTPUT_STATE_MACHINE_ARN, value=self.job.state_machine.state_machine_arn
        )
        cdk.CfnOutput(self, naming.OUTPUT_TRAINING_ROLE_ARN, value=self.job.role.role_arn)


class EndpointStack(cdk.Stack):
    """Model, endpoint config and (unless parked) endpoint with autoscaling and alarms.

    They exist only once ``quantreason aws deploy`` has named serving data for the stage
    (``state/<stage>/deploy.json``): SageMaker checks the model data at CreateModel, so a
    model pointing at an object nothing has written would roll the stack back on a fresh
    account. Until then the stack holds an output that says what to run.
    """

    def __init__(
        self, scope: Construct, construct_id: str, stage: StageSettings, storage: StorageStack, **kw
    ) -> None:
        super().__init__(scope, construct_id, **kw)
        self.add_stack_dependency(storage)
        self.endpoint: ModelEndpoint | None = None
        if not stage.serves_anything:
            _placeholder(self)
            cdk.CfnOutput(
                self,
                naming.OUTPUT_SERVING_STATUS,
                value=not_deployed_text(stage),
                description="Why this stack holds no model or endpoint yet",
            )
        else:
            self.endpoint = ModelEndpoint(
                self,
                "Serving",
                ModelEndpointProps(
                    endpoint_name=stage.endpoint_name,
                    artifacts_bucket=storage.import_bucket(self, "Artifacts"),
                    settings=stage.endpoint,
                    autoscaling=stage.autoscaling,
                    model_data=stage.model_data,
                    network=network_props(stage),
                    base_model_prefix=stage.base_model,
                    adapters=stage.adapters,
                ),
            )
            cdk.CfnOutput(self, naming.OUTPUT_VARIANT_NAME, value=self.endpoint.variant_name)
            if self.endpoint.endpoint is not None:
                cdk.CfnOutput(self, naming.OUTPUT_ENDPOINT_NAME, value=self.endpoint.endpoint_name)
            if self.endpoint.base_component is not None:
                cdk.CfnOutput(
                    self,
                    naming.OUTPUT_COMPONENTS,
                    value=" ".join(
                        [
                            self.endpoint.base_component_name,
                            *self.endpoint.adapter_component_names(),
                        ]
                    ),
                    description="Inference components: the base, then one per adapter",
                )
        # Shown by `cdk diff`, so that a reviewer sees what parking or a new max saves or costs.
        cdk.CfnOutput(
            self,
            "EndpointCostPerHour",
            value=endpoint_cost_text(stage),
            description="On-demand instance cost from config/prices.yaml (min..max instances)",
        )


def _placeholder(stack: cdk.Stack) -> None:
    """CloudFormation rejects a template without resources; a wait-condition handle costs
    nothing, needs no permission and keeps the stack (and its outputs) deployable."""
    cdk.CfnWaitConditionHandle(stack, "NothingDeployedYet")


def not_staged_text(stage: StageSettings) -> str:
    """What to run when the stage names no base model yet."""
    return (
        f"no base model staged: run '{STAGE_BASE_MODEL_COMMAND} --stage {stage.name} "
        f"--hub-id ORG/NAME' (or --from-dir DIR), set base_model in config/stages/"
        f"{stage.name}.yaml to the prefix it prints, then cdk deploy again"
    )


def not_deployed_text(stage: StageSettings) -> str:
    """What to run when no adapter has been deployed to the stage yet."""
    first = "" if stage.base_model else not_staged_text(stage) + "; then "
    return (
        f"{first}no adapter deployed: run 'quantreason aws deploy model.tar.gz --stage "
        f"{stage.name}' (writes state/{stage.name}/deploy.json), then cdk deploy this stack"
    )


def network_props(stage: StageSettings) -> NetworkProps:
    """Network isolation and VPC of the stage (shared by training and serving)."""
    vpc = stage.vpc
    return NetworkProps(
        isolated=stage.network_isolation,
        subnet_ids=list(vpc.subnet_ids) if vpc else [],
        security_group_ids=list(vpc.security_group_ids) if vpc else [],
    )


def endpoint_cost_text(stage: StageSettings) -> str:
    """``"1.41 USD (1 x ml.g5.xlarge) .. 5.63 USD (4)"``, ``"0 (parked)"`` or
    ``"0 (no adapter deployed)"``."""
    if not stage.serves_anything:
        return "0 (no adapter deployed)"
    if stage.endpoint.parked:
        return "0 (parked)"
    try:
        prices = load_prices()
        hourly = prices.hourly_price(stage.endpoint.instance_type)
    except PriceError as err:
        return f"unknown: {err}"
    low, high = stage.autoscaling.min_instances, stage.autoscaling.max_instances
    if stage.endpoint.scale_to_zero:
        low = 0  # idle: no instance
    return (
        f"{hourly * low:.2f} {prices.currency} ({low} x {stage.endpoint.instance_type}) .. "
        f"{hourly * high:.2f} {prices.currency} ({high})"
    )


def _removal(stage: StageSettings) -> cdk.RemovalPolicy:
    return cdk.RemovalPolicy.DESTROY if stage.removal == "destroy" else cdk.RemovalPolicy.RETAIN
