"""The serving side: SageMaker model, endpoint config, endpoint, autoscaling and alarms.

SageMaker has no L2 constructs in aws-cdk-lib, so the model, endpoint config and endpoint are
L1 ``Cfn*`` resources; Application Auto Scaling uses L1 too, because the L2 scalable target
always creates its own role while SageMaker variants scale through the service-linked role.

Changing the instance type: SageMaker refuses an endpoint update that changes the instance
type of, or removes, a variant registered with Application Auto Scaling. The variant name
carries the instance type (``naming.variant_name``), and a small custom resource that the
endpoint depends on deregisters the previous variant's scalable target just before the
endpoint update; CloudFormation then registers the new variant (the target's ResourceId
changed, so it is replaced) after the update.

Model data: the model reads one uncompressed prefix through ``ModelDataSource`` (S3Prefix,
CompressionType None), which SageMaker copies file by file to ``/opt/ml/model``: no 14.5 GB
tarball to build or unpack. CloudFormation's ``AWS::SageMaker::Model`` has no
``AdditionalModelDataSources``, so the base weights sit under ``base/`` in the same prefix as
the adapter and ``code/`` (``quantreason aws deploy`` copies them there inside S3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import aws_cdk as cdk
from aws_cdk import aws_applicationautoscaling as appscaling
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sagemaker as sagemaker
from aws_cdk import custom_resources as cr
from constructs import Construct

from infra.grants import grant_prefix_read, grant_prefix_write
from infra.images import dlc_image_uri, grant_dlc_pull, grant_sagemaker_logging
from infra.nag import acknowledge, iam5, rendered_arn, rendered_import
from infra.network import NetworkProps
from quantreason import naming
from quantreason.stages import (
    ROLLBACK_ALARM_PERIOD_S,
    SERVING_URI_RE,
    AutoscalingSettings,
    EndpointSettings,
)

DATA_CAPTURE_PREFIX = "data-capture"
BASE_MODEL_ENV = naming.BASE_MODEL_ENV
SCALABLE_DIMENSION = "sagemaker:variant:DesiredInstanceCount"
#: The stack-level singleton Lambda behind every ``AwsCustomResource``.
_AWS_CUSTOM_RESOURCE_PROVIDER = "AWS679f53fac002430cb0da5b7982bd2287"


def scalable_resource_id(endpoint_name: str, variant_name: str) -> str:
    """Application Auto Scaling's id of a SageMaker variant."""
    return f"endpoint/{endpoint_name}/variant/{variant_name}"


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
    """A real-time endpoint with one variant (named by instance type), target tracking, alarms.

    With ``settings.parked`` the model and endpoint config stay and the endpoint, its
    scaling and its alarms go: no instance runs and nothing is billed per hour.
    """

    def __init__(self, scope: Construct, construct_id: str, props: ModelEndpointProps) -> None:
        super().__init__(scope, construct_id)
        s, scaling = props.settings, props.autoscaling
        self.endpoint_name = props.endpoint_name
        self.variant_name = naming.variant_name(props.settings.instance_type)

        self.role = iam.Role(
            self,
            "ExecutionRole",
            assumed_by=iam.ServicePrincipal("sagemaker.amazonaws.com"),
            description="SageMaker endpoint: read the model artifact, write captured data",
        )
        key_prefix = _serving_key_prefix(props.model_data)
        grant_prefix_read(self.role, props.artifacts_bucket, key_prefix)  # exactly that data
        props.network.grant_vpc_access(self.role)
        grant_dlc_pull(self.role, self, "inference")
        grant_sagemaker_logging(self.role, self, f"/aws/sagemaker/Endpoints/{props.endpoint_name}")

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
        self.data_capture_enabled = s.data_capture is not None
        if s.data_capture is not None:
            grant_prefix_write(self.role, props.artifacts_bucket, f"{DATA_CAPTURE_PREFIX}/")
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
        self._acknowledge_role(props.artifacts_bucket, key_prefix)

        self.endpoint: sagemaker.CfnEndpoint | None = None
        self.alarms: list[cloudwatch.Alarm] = []  # roll a deployment back
        self.notification_alarms: list[cloudwatch.Alarm] = []  # tell someone, change nothing
        if not s.parked:
            self._add_endpoint(s, scaling)

    def _add_endpoint(self, s: EndpointSettings, scaling: AutoscalingSettings) -> None:
        self.alarms, self.notification_alarms = self._add_alarms(s)
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
        resource_id = scalable_resource_id(self.endpoint_name, self.variant_name)
        self.endpoint.node.add_dependency(self._deregister_previous_variant(resource_id))
        self.scalable_target = appscaling.CfnScalableTarget(
            self,
            "ScalableTarget",
            service_namespace="sagemaker",
            resource_id=resource_id,
            scalable_dimension=SCALABLE_DIMENSION,
            min_capacity=scaling.min_instances,
            max_capacity=scaling.max_instances,
        )
        # Registration needs the endpoint; on delete, the target goes first (no leftovers).
        self.scalable_target.add_resource_dependency(self.endpoint)
        self.scaling_policy = appscaling.CfnScalingPolicy(
            self,
            "InvocationsPerInstance",
            # Named per variant: a new variant's policy is created before the old one is gone.
            policy_name=f"{self.endpoint_name}-{self.variant_name}-invocations-per-instance",
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

    def _deregister_previous_variant(self, resource_id: str) -> cr.AwsCustomResource:
        """Deregister the scalable target of the variant being replaced, before the update.

        Its physical id is the registered target's ResourceId: an update (new instance type,
        so new variant) deregisters the previous one. On create it deregisters the variant
        name used before names carried the instance type (nothing, on a new endpoint).
        """

        def deregister(target: str | cr.PhysicalResourceIdReference) -> cr.AwsSdkCall:
            return cr.AwsSdkCall(
                service="ApplicationAutoScaling",
                action="deregisterScalableTarget",
                parameters={
                    "ServiceNamespace": "sagemaker",
                    "ResourceId": target,
                    "ScalableDimension": SCALABLE_DIMENSION,
                },
                physical_resource_id=cr.PhysicalResourceId.of(resource_id),
                ignore_error_codes_matching="ObjectNotFoundException",
            )

        guard = cr.AwsCustomResource(
            self,
            "DeregisterPreviousVariant",
            on_create=deregister(scalable_resource_id(self.endpoint_name, naming.VARIANT_NAME)),
            on_update=deregister(cr.PhysicalResourceIdReference()),
            # Scalable targets have generated ARNs, unknown at synth time.
            policy=cr.AwsCustomResourcePolicy.from_statements(
                [
                    iam.PolicyStatement(
                        actions=["application-autoscaling:DeregisterScalableTarget"],
                        resources=["*"],
                    )
                ]
            ),
            install_latest_aws_sdk=False,
        )
        acknowledge(
            guard,
            iam5("Resource::*", "DeregisterScalableTarget: scalable targets have generated ARNs."),
        )
        provider = cdk.Stack.of(self).node.find_child(_AWS_CUSTOM_RESOURCE_PROVIDER)
        acknowledge(
            provider,
            (
                "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                "AWSLambdaBasicExecutionRole]",
                "CDK's AwsCustomResource provider writes its own logs through this policy.",
            ),
        )
        return guard

    def _add_alarms(
        self, s: EndpointSettings
    ) -> tuple[list[cloudwatch.Alarm], list[cloudwatch.Alarm]]:
        """Rollback alarms (60-s periods, so they can fire within the bake wait) and the 4xx
        notification alarm (a burst of bad requests is not a bad model: no rollback)."""
        dims = {"EndpointName": self.endpoint_name, "VariantName": self.variant_name}
        a = s.alarms

        def alarm(
            alarm_id: str,
            name: str,
            statistic: str,
            threshold: float,
            what: str,
            *,
            period_s: int,
            periods: int,
        ) -> cloudwatch.Alarm:
            metric = cloudwatch.Metric(
                namespace="AWS/SageMaker",
                metric_name=name,
                dimensions_map=dims,
                statistic=statistic,
                period=cdk.Duration.seconds(period_s),
            )
            return cloudwatch.Alarm(
                self,
                alarm_id,
                metric=metric,
                threshold=threshold,
                evaluation_periods=periods,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
                alarm_description=f"{self.endpoint_name}: {what} above {threshold:g}",
            )

        rollback = {"period_s": ROLLBACK_ALARM_PERIOD_S, "periods": a.evaluation_periods}
        return (
            [
                # ModelLatency is reported in microseconds.
                alarm(
                    "LatencyP95",
                    "ModelLatency",
                    "p95",
                    a.latency_p95_ms * 1000,
                    "p95 latency per minute",
                    **rollback,
                ),
                alarm(
                    "Errors5xx",
                    "Invocation5XXErrors",
                    "Sum",
                    a.errors_5xx_per_minute,
                    "5xx per minute",
                    **rollback,
                ),
            ],
            [
                alarm(
                    "Errors4xx",
                    "Invocation4XXErrors",
                    "Sum",
                    a.errors_4xx_per_5min,
                    "4xx per 5 minutes",
                    period_s=300,
                    periods=1,
                ),
            ],
        )

    def grant_invoke(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let ``grantee`` call ``InvokeEndpoint`` on this endpoint only."""
        arn = cdk.Stack.of(self).format_arn(
            service="sagemaker", resource="endpoint", resource_name=self.endpoint_name.lower()
        )
        return iam.Grant.add_to_principal(
            grantee=grantee, actions=["sagemaker:InvokeEndpoint"], resource_arns=[arn]
        )

    def _acknowledge_role(self, artifacts: s3.IBucket, key_prefix: str) -> None:
        artifacts_arn = rendered_import(self, artifacts.bucket_arn)
        log_group = f"log-group:/aws/sagemaker/Endpoints/{self.endpoint_name}"
        findings = [
            iam5(
                f"Resource::{artifacts_arn}/{key_prefix}*",
                "The serving data this model reads, file by file (S3Prefix, uncompressed).",
            ),
            iam5(
                "Resource::" + rendered_arn(self, "logs", f"{log_group}:log-stream:*"),
                "SageMaker names this endpoint's log streams <variant>/<instance id>.",
            ),
            iam5(
                "Resource::" + rendered_arn(self, "logs", f"{log_group}:*"),
                "This endpoint's own log group: creating it and its streams.",
            ),
            iam5(
                "Resource::*",
                "ecr:GetAuthorizationToken, PutMetricData and (in a VPC) the EC2 "
                "network-interface actions SageMaker uses take no resource ARN.",
            ),
        ]
        if self.data_capture_enabled:
            findings.append(
                iam5(
                    f"Resource::{artifacts_arn}/{DATA_CAPTURE_PREFIX}/*",
                    "Data capture writes one object per captured batch.",
                )
            )
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
