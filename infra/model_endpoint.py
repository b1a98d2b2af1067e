"""The serving side: SageMaker model, endpoint config, endpoint, autoscaling and alarms.

SageMaker has no L2 constructs in aws-cdk-lib, so the model, endpoint config and endpoint are
L1 ``Cfn*`` resources; Application Auto Scaling uses L1 too, because the L2 scalable target
always creates its own role while SageMaker variants scale through the service-linked role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import aws_cdk as cdk
from aws_cdk import aws_applicationautoscaling as appscaling
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sagemaker as sagemaker
from constructs import Construct

from infra.images import dlc_image_uri, grant_dlc_pull, grant_sagemaker_logging
from infra.nag import acknowledge, iam5, rendered_arn, rendered_import
from infra.network import NetworkProps
from quantreason import naming
from quantreason.stages import SERVING_URI_RE, AutoscalingSettings, EndpointSettings

DATA_CAPTURE_PREFIX = "data-capture"
BASE_MODEL_ENV = naming.BASE_MODEL_ENV


@dataclass(frozen=True)
class ModelEndpointProps:
    """What the endpoint serves, on what, and how it scales."""

    endpoint_name: str
    artifacts_bucket: s3.IBucket
    settings: EndpointSettings
    autoscaling: AutoscalingSettings
    # s3://<artifacts>/artifacts/serving/<id>/: adapter + code/ + base/ (base weights), all
    # uncompressed; written by `quantreason aws deploy`.
    model_data: str
    network: NetworkProps = field(default_factory=NetworkProps)


class ModelEndpoint(Construct):
    """A real-time endpoint with one fixed-name variant, target tracking and alarms.

    With ``settings.parked`` the model and endpoint config stay and the endpoint, its
    scaling and its alarms go: no instance runs and nothing is billed per hour.

    The model reads its data through ``ModelDataSource`` (S3Prefix, CompressionType None):
    SageMaker copies the prefix file by file to ``/opt/ml/model``, with no 14.5 GB tarball to
    build or unpack. CloudFormation's ``AWS::SageMaker::Model`` has no
    ``AdditionalModelDataSources``, so the base weights sit under ``base/`` in the same prefix
    as the adapter and ``code/`` (``quantreason aws deploy`` copies them there server-side).
    """

    def __init__(self, scope: Construct, construct_id: str, props: ModelEndpointProps) -> None:
        super().__init__(scope, construct_id)
        s, scaling = props.settings, props.autoscaling
        self.endpoint_name = props.endpoint_name
        self.variant_name = naming.VARIANT_NAME

        self.role = iam.Role(
            self,
            "ExecutionRole",
            assumed_by=iam.ServicePrincipal("sagemaker.amazonaws.com"),
            description="SageMaker endpoint: read the model artifact, write captured data",
        )
        key_prefix = _serving_key_prefix(props.model_data)
        props.artifacts_bucket.grant_read(self.role, f"{key_prefix}*")
        props.network.grant_vpc_access(self.role)
        grant_dlc_pull(self.role, self, "inference")
        grant_sagemaker_logging(self.role, self, "/aws/sagemaker/Endpoints/*")

        self.model = sagemaker.CfnModel(
            self,
            "Model",
            execution_role_arn=self.role.role_arn,
            primary_container=sagemaker.CfnModel.ContainerDefinitionProperty(
                image=dlc_image_uri(self, "inference"),
                model_data_source=sagemaker.CfnModel.ModelDataSourceProperty(
                    s3_data_source=sagemaker.CfnModel.S3DataSourceProperty(
                        s3_uri=props.model_data,
                        s3_data_type="S3Prefix",
                        compression_type="None",
                    )
                ),
                environment={
                    # The local copy of the staged weights; nothing is fetched from the hub.
                    BASE_MODEL_ENV: naming.SERVING_BASE_MODEL_PATH,
                    "HF_HUB_OFFLINE": "1",
                    "SAGEMAKER_CONTAINER_LOG_LEVEL": "20",
                    "SAGEMAKER_REGION": cdk.Aws.REGION,
                },
            ),
            enable_network_isolation=props.network.isolated,
            vpc_config=(
                sagemaker.CfnModel.VpcConfigProperty(
                    subnets=props.network.subnet_ids,
                    security_group_ids=props.network.security_group_ids,
                )
                if props.network.in_vpc
                else None
            ),
        )
        # SageMaker checks at CreateModel that the role can read the artifact and pull the
        # image: create the model only after the role's policy exists.
        self.model.add_resource_dependency(
            self.role.node.find_child("DefaultPolicy").node.default_child
        )

        data_capture = None
        if s.data_capture is not None:
            props.artifacts_bucket.grant_put(self.role, f"{DATA_CAPTURE_PREFIX}/*")
            data_capture = sagemaker.CfnEndpointConfig.DataCaptureConfigProperty(
                enable_capture=True,
                initial_sampling_percentage=s.data_capture.sampling_percent,
                destination_s3_uri=(
                    f"s3://{props.artifacts_bucket.bucket_name}/{DATA_CAPTURE_PREFIX}/"
                    f"{props.endpoint_name}"
                ),
                capture_options=[
                    sagemaker.CfnEndpointConfig.CaptureOptionProperty(capture_mode="Input"),
                    sagemaker.CfnEndpointConfig.CaptureOptionProperty(capture_mode="Output"),
                ],
                capture_content_type_header=sagemaker.CfnEndpointConfig.CaptureContentTypeHeaderProperty(
                    json_content_types=["application/json"]
                ),
            )
        self.endpoint_config = sagemaker.CfnEndpointConfig(
            self,
            "EndpointConfig",
            production_variants=[
                sagemaker.CfnEndpointConfig.ProductionVariantProperty(
                    variant_name=self.variant_name,
                    model_name=self.model.attr_model_name,
                    instance_type=s.instance_type,
                    initial_instance_count=scaling.min_instances,
                    initial_variant_weight=1.0,
                    container_startup_health_check_timeout_in_seconds=(
                        s.startup_health_check_timeout_s
                    ),
                    model_data_download_timeout_in_seconds=s.model_data_download_timeout_s,
                )
            ],
            data_capture_config=data_capture,
        )
        acknowledge(
            self.endpoint_config,
            (
                "AwsSolutions-SM2",
                "GPU instances with local NVMe storage (ml.g5/ml.g6) reject a KmsKeyId; their "
                "instance storage is encrypted by the hardware.",
            ),
        )
        if not props.network.in_vpc:
            acknowledge(
                self.model,
                (
                    "AwsSolutions-SM1",
                    "No VPC configured for this stage (vpc: in config/stages); the model data "
                    "comes from S3 through SageMaker and nothing is downloaded from the hub.",
                ),
            )
        self._acknowledge_role(props.artifacts_bucket, key_prefix, props.network)

        self.endpoint: sagemaker.CfnEndpoint | None = None
        self.alarms: list[cloudwatch.Alarm] = []
        if not s.parked:
            self._add_endpoint(s, scaling)

    def _add_endpoint(self, s: EndpointSettings, scaling: AutoscalingSettings) -> None:
        self.alarms = self._add_alarms(s)
        rollback = sagemaker.CfnEndpoint.AutoRollbackConfigProperty(
            alarms=[
                sagemaker.CfnEndpoint.AlarmProperty(alarm_name=a.alarm_name) for a in self.alarms
            ]
        )
        d = s.deployment
        if d.strategy == "rolling":
            deployment = sagemaker.CfnEndpoint.DeploymentConfigProperty(
                auto_rollback_configuration=rollback,
                rolling_update_policy=sagemaker.CfnEndpoint.RollingUpdatePolicyProperty(
                    maximum_batch_size=sagemaker.CfnEndpoint.CapacitySizeProperty(
                        type="CAPACITY_PERCENT", value=d.batch_percent
                    ),
                    wait_interval_in_seconds=d.wait_interval_s,
                    maximum_execution_timeout_in_seconds=d.max_execution_s,
                ),
            )
        else:
            deployment = sagemaker.CfnEndpoint.DeploymentConfigProperty(
                auto_rollback_configuration=rollback,
                blue_green_update_policy=sagemaker.CfnEndpoint.BlueGreenUpdatePolicyProperty(
                    traffic_routing_configuration=sagemaker.CfnEndpoint.TrafficRoutingConfigProperty(
                        type="ALL_AT_ONCE", wait_interval_in_seconds=d.wait_interval_s
                    ),
                    termination_wait_in_seconds=d.wait_interval_s,
                    maximum_execution_timeout_in_seconds=d.max_execution_s,
                ),
            )
        self.endpoint = sagemaker.CfnEndpoint(
            self,
            "Endpoint",
            endpoint_name=self.endpoint_name,
            endpoint_config_name=self.endpoint_config.attr_endpoint_config_name,
            deployment_config=deployment,
            # Keep the autoscaled instance count when a new endpoint config is deployed.
            retain_all_variant_properties=True,
        )
        resource_id = f"endpoint/{self.endpoint_name}/variant/{self.variant_name}"
        self.scalable_target = appscaling.CfnScalableTarget(
            self,
            "ScalableTarget",
            service_namespace="sagemaker",
            resource_id=resource_id,
            scalable_dimension="sagemaker:variant:DesiredInstanceCount",
            min_capacity=scaling.min_instances,
            max_capacity=scaling.max_instances,
        )
        # Registration needs the endpoint; on delete, the target goes first (no leftovers).
        self.scalable_target.add_resource_dependency(self.endpoint)
        self.scaling_policy = appscaling.CfnScalingPolicy(
            self,
            "InvocationsPerInstance",
            policy_name=f"{self.endpoint_name}-invocations-per-instance",
            policy_type="TargetTrackingScaling",
            scaling_target_id=self.scalable_target.ref,
            target_tracking_scaling_policy_configuration=appscaling.CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty(
                target_value=scaling.target_invocations_per_instance,
                predefined_metric_specification=appscaling.CfnScalingPolicy.PredefinedMetricSpecificationProperty(
                    predefined_metric_type="SageMakerVariantInvocationsPerInstance"
                ),
                scale_in_cooldown=scaling.scale_in_cooldown_s,
                scale_out_cooldown=scaling.scale_out_cooldown_s,
            ),
        )

    def _add_alarms(self, s: EndpointSettings) -> list[cloudwatch.Alarm]:
        dims = {"EndpointName": self.endpoint_name, "VariantName": self.variant_name}
        period = cdk.Duration.minutes(5)
        a = s.alarms

        def metric(name: str, statistic: str) -> cloudwatch.Metric:
            return cloudwatch.Metric(
                namespace="AWS/SageMaker",
                metric_name=name,
                dimensions_map=dims,
                statistic=statistic,
                period=period,
            )

        specs = [
            # ModelLatency is reported in microseconds.
            ("LatencyP95", metric("ModelLatency", "p95"), a.latency_p95_ms * 1000, "p95 latency"),
            ("Errors5xx", metric("Invocation5XXErrors", "Sum"), a.errors_5xx_per_5min, "5xx"),
            ("Errors4xx", metric("Invocation4XXErrors", "Sum"), a.errors_4xx_per_5min, "4xx"),
        ]
        return [
            cloudwatch.Alarm(
                self,
                alarm_id,
                metric=m,
                threshold=threshold,
                evaluation_periods=a.evaluation_periods,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
                alarm_description=f"{self.endpoint_name}: {what} above {threshold:g}",
            )
            for alarm_id, m, threshold, what in specs
        ]

    def grant_invoke(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let ``grantee`` call ``InvokeEndpoint`` on this endpoint only."""
        arn = cdk.Stack.of(self).format_arn(
            service="sagemaker", resource="endpoint", resource_name=self.endpoint_name.lower()
        )
        return iam.Grant.add_to_principal(
            grantee=grantee, actions=["sagemaker:InvokeEndpoint"], resource_arns=[arn]
        )

    def _acknowledge_role(
        self, artifacts: s3.IBucket, key_prefix: str, network: NetworkProps
    ) -> None:
        artifacts_arn = rendered_import(self, artifacts.bucket_arn)
        findings = [
            iam5(
                f"Resource::{artifacts_arn}/{key_prefix}*",
                "The serving data prefix this model reads, file by file (S3Prefix).",
            ),
            iam5(
                f"Resource::{artifacts_arn}/{DATA_CAPTURE_PREFIX}/*",
                "Data capture writes one object per captured batch.",
            ),
            iam5(
                "Resource::" + rendered_arn(self, "logs", "log-group:/aws/sagemaker/Endpoints/*"),
                "Log groups and streams are created by SageMaker per endpoint and instance.",
            ),
            iam5(
                "Resource::*",
                "ecr:GetAuthorizationToken, PutMetricData and the EC2 network-interface "
                "actions SageMaker needs in a VPC take no resource ARN.",
            ),
            iam5("Action::s3:GetObject*", "CDK grant_read: GetObject plus version reads."),
            iam5("Action::s3:GetBucket*", "CDK grant_read: bucket location reads."),
            iam5("Action::s3:List*", "CDK grant_read: listing the serving data prefix."),
            iam5("Action::s3:Abort*", "CDK grant_put: aborting its own multipart uploads."),
        ]
        acknowledge(self.role, *findings)


def _serving_key_prefix(model_data: str) -> str:
    """``artifacts/serving/<id>/`` of ``s3://<bucket>/artifacts/serving/<id>/``."""
    match = SERVING_URI_RE.match(model_data)
    if not match or not match[1].startswith(f"{naming.SERVING_PREFIX}/"):
        raise ValueError(
            f"model data {model_data!r}: expected s3://<artifacts>/{naming.SERVING_PREFIX}/<id>/ "
            "as written by `quantreason aws deploy`"
        )
    return match[1]
