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
import jsii
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
    AdapterComponent,
    AutoscalingSettings,
    EndpointSettings,
)

DATA_CAPTURE_PREFIX = "data-capture"
BASE_MODEL_ENV = naming.BASE_MODEL_ENV
SCALABLE_DIMENSION = "sagemaker:variant:DesiredInstanceCount"
COPY_SCALABLE_DIMENSION = "sagemaker:inference-component:DesiredCopyCount"
VARIANT_METRICS = {
    "invocations": "SageMakerVariantInvocationsPerInstance",
    "concurrency": "SageMakerVariantConcurrentRequestsPerModelHighResolution",
}
COMPONENT_METRIC = "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution"
#: Where the LMI container finds the model: SageMaker copies the model data here.
LMI_MODEL_DIR = "/opt/ml/model"
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
    # uncompressed; written by `quantreason aws deploy`. None: adapter components only.
    model_data: str | None
    network: NetworkProps = field(default_factory=NetworkProps)
    # base-models/<name>/<sha12>/ in the artifacts bucket: the base component's weights
    # (engine lmi-vllm with inference components).
    base_model_prefix: str | None = None
    adapters: tuple[AdapterComponent, ...] = ()


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
        self.uses_components = s.uses_components
        self.image_kind = "inference" if s.engine == "hf" else "lmi"
        # lmi-vllm (always components): the base component reads the staged base weights
        # themselves, so adding an adapter never touches it; otherwise the serving data.
        base_from_stage = s.engine == "lmi-vllm"
        if base_from_stage and props.base_model_prefix is None:
            raise ValueError("lmi-vllm inference components need the stage's base_model")
        if not base_from_stage and props.model_data is None:
            raise ValueError("this engine serves the serving data of `quantreason aws deploy`")

        self.role = iam.Role(
            self,
            "ExecutionRole",
            assumed_by=iam.ServicePrincipal("sagemaker.amazonaws.com"),
            description="SageMaker endpoint: read the model artifact, write captured data",
        )
        if base_from_stage:
            assert props.base_model_prefix is not None
            key_prefix = props.base_model_prefix
            model_data = f"s3://{props.artifacts_bucket.bucket_name}/{key_prefix}"
        else:
            assert props.model_data is not None
            _serving_key_prefix(props.model_data)  # checks the URI's shape
            # Every serving prefix, not only this one: `aws deploy --direct` gives a new prefix
            # to a model on this same role, and a rolled-back update relaunches the old model
            # after CloudFormation has updated this policy. Read-only, our own artifacts.
            key_prefix = f"{naming.SERVING_PREFIX}/"
            model_data = props.model_data
        grant_prefix_read(self.role, props.artifacts_bucket, key_prefix)
        for adapter in props.adapters:  # each adapter archive, by its exact key
            self.role.add_to_principal_policy(
                iam.PolicyStatement(
                    actions=["s3:GetObject"],
                    resources=[props.artifacts_bucket.arn_for_objects(_s3_key(adapter.artifact))],
                )
            )
        props.network.grant_vpc_access(self.role)
        grant_dlc_pull(self.role, self, self.image_kind)
        grant_sagemaker_logging(self.role, self, naming.endpoint_log_group(props.endpoint_name))

        self.model = sagemaker.CfnModel(
            self,
            "Model",
            execution_role_arn=self.role.role_arn,
            primary_container=sagemaker.CfnModel.ContainerDefinitionProperty(
                image=dlc_image_uri(self, self.image_kind),
                model_data_source=sagemaker.CfnModel.ModelDataSourceProperty(
                    s3_data_source=sagemaker.CfnModel.S3DataSourceProperty(
                        s3_uri=model_data,
                        s3_data_type="S3Prefix",
                        compression_type="None",
                    )
                ),
                environment=container_environment(s),
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
        if self.uses_components:
            # Components: the variant names no model; instances are managed by SageMaker
            # (ManagedInstanceScaling) and the config carries the execution role.
            min_instances = 0 if s.scale_to_zero else scaling.min_instances
            variant = sagemaker.CfnEndpointConfig.ProductionVariantProperty(
                variant_name=self.variant_name,
                instance_type=s.instance_type,
                initial_instance_count=scaling.min_instances,
                managed_instance_scaling=sagemaker.CfnEndpointConfig.ManagedInstanceScalingProperty(
                    status="ENABLED",
                    min_instance_count=min_instances,
                    max_instance_count=scaling.max_instances,
                ),
                routing_config=sagemaker.CfnEndpointConfig.RoutingConfigProperty(
                    routing_strategy="LEAST_OUTSTANDING_REQUESTS"
                ),
                container_startup_health_check_timeout_in_seconds=(
                    s.startup_health_check_timeout_s
                ),
                model_data_download_timeout_in_seconds=s.model_data_download_timeout_s,
            )
        else:
            variant = sagemaker.CfnEndpointConfig.ProductionVariantProperty(
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
        self.endpoint_config = sagemaker.CfnEndpointConfig(
            self,
            "EndpointConfig",
            production_variants=[variant],
            data_capture_config=data_capture,
            execution_role_arn=self.role.role_arn if self.uses_components else None,
        )
        if self.uses_components:
            self.endpoint_config.add_resource_dependency(
                self.role.node.find_child("DefaultPolicy").node.default_child
            )
        self._acknowledge_role(props.artifacts_bucket, key_prefix)

        self.endpoint: sagemaker.CfnEndpoint | None = None
        self.base_component: sagemaker.CfnInferenceComponent | None = None
        self.adapter_components: dict[str, sagemaker.CfnInferenceComponent] = {}
        self.alarms: list[cloudwatch.Alarm] = []  # roll a deployment back
        self.notification_alarms: list[cloudwatch.Alarm] = []  # tell someone, change nothing
        if not s.parked:
            self._add_endpoint(s, scaling)
            if self.uses_components:
                self._add_components(s, scaling, props.adapters)

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
        if self.uses_components:
            return  # each component scales its copies (see _add_components)
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
        if scaling.metric == "invocations":
            policy_id, suffix = "InvocationsPerInstance", "invocations-per-instance"
            target = scaling.target_invocations_per_instance
        else:
            policy_id, suffix = "ConcurrentRequestsPerModel", "concurrent-requests-per-model"
            assert scaling.concurrency_target_per_copy is not None  # checked by the stage
            target = scaling.concurrency_target_per_copy
        self.scaling_policy = appscaling.CfnScalingPolicy(
            self,
            policy_id,
            # Named per variant: a new variant's policy is created before the old one is gone.
            policy_name=f"{self.endpoint_name}-{self.variant_name}-{suffix}",
            policy_type="TargetTrackingScaling",
            scaling_target_id=self.scalable_target.ref,
            target_tracking_scaling_policy_configuration=appscaling.CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty(
                target_value=target,
                predefined_metric_specification=appscaling.CfnScalingPolicy.PredefinedMetricSpecificationProperty(
                    predefined_metric_type=VARIANT_METRICS[scaling.metric]
                ),
                scale_in_cooldown=scaling.scale_in_cooldown_s,
                scale_out_cooldown=scaling.scale_out_cooldown_s,
            ),
        )

    def _add_components(
        self,
        s: EndpointSettings,
        scaling: AutoscalingSettings,
        adapters: tuple[AdapterComponent, ...],
    ) -> None:
        """One base component (the model), one child per adapter, scaling on the base's copies.

        Adapters run on the base component's copies (``BaseInferenceComponentName``): adding,
        replacing or removing one changes only its own resource.
        """
        assert self.endpoint is not None
        ic = sagemaker.CfnInferenceComponent
        requirements = ic.InferenceComponentComputeResourceRequirementsProperty(
            number_of_accelerator_devices_required=s.per_copy.accelerators or None,
            min_memory_required_in_mb=s.per_copy.memory_mb,
        )
        self.base_component_name = naming.component_name(self.endpoint_name, "base")
        self.base_component = sagemaker.CfnInferenceComponent(
            self,
            "BaseComponent",
            endpoint_name=self.endpoint.attr_endpoint_name,
            inference_component_name=self.base_component_name,
            variant_name=self.variant_name,
            specification=sagemaker.CfnInferenceComponent.InferenceComponentSpecificationProperty(
                model_name=self.model.attr_model_name,
                compute_resource_requirements=requirements,
                startup_parameters=sagemaker.CfnInferenceComponent.InferenceComponentStartupParametersProperty(
                    container_startup_health_check_timeout_in_seconds=(
                        s.startup_health_check_timeout_s
                    ),
                    model_data_download_timeout_in_seconds=s.model_data_download_timeout_s,
                ),
            ),
            # Deployed with copies (its health is checked); scaling may go to 0 afterwards.
            runtime_config=sagemaker.CfnInferenceComponent.InferenceComponentRuntimeConfigProperty(
                copy_count=scaling.min_instances
            ),
        )
        for adapter in adapters:
            component = sagemaker.CfnInferenceComponent(
                self,
                f"Adapter{adapter.name}",
                endpoint_name=self.endpoint.attr_endpoint_name,
                inference_component_name=naming.component_name(self.endpoint_name, adapter.name),
                specification=sagemaker.CfnInferenceComponent.InferenceComponentSpecificationProperty(
                    base_inference_component_name=self.base_component_name,
                    container=sagemaker.CfnInferenceComponent.InferenceComponentContainerSpecificationProperty(
                        artifact_url=adapter.artifact
                    ),
                ),
            )
            component.add_resource_dependency(self.base_component)
            self.adapter_components[adapter.name] = component

        self.scalable_target = appscaling.CfnScalableTarget(
            self,
            "CopiesTarget",
            service_namespace="sagemaker",
            resource_id=f"inference-component/{self.base_component_name}",
            scalable_dimension=COPY_SCALABLE_DIMENSION,
            min_capacity=0 if s.scale_to_zero else scaling.min_instances,
            max_capacity=scaling.max_instances,  # one copy per instance
        )
        self.scalable_target.add_resource_dependency(self.base_component)
        assert scaling.concurrency_target_per_copy is not None  # checked by the stage
        self.scaling_policy = appscaling.CfnScalingPolicy(
            self,
            "ConcurrentRequestsPerCopy",
            policy_name=f"{self.base_component_name}-concurrent-requests-per-copy",
            policy_type="TargetTrackingScaling",
            scaling_target_id=self.scalable_target.ref,
            target_tracking_scaling_policy_configuration=appscaling.CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty(
                target_value=scaling.concurrency_target_per_copy,
                predefined_metric_specification=appscaling.CfnScalingPolicy.PredefinedMetricSpecificationProperty(
                    predefined_metric_type=COMPONENT_METRIC
                ),
                scale_in_cooldown=scaling.scale_in_cooldown_s,
                scale_out_cooldown=scaling.scale_out_cooldown_s,
            ),
        )
        self.wake_up_alarms: list[cloudwatch.Alarm] = []
        if s.scale_to_zero:
            self._add_wake_up([self.base_component_name, *self.adapter_component_names()])

    def adapter_component_names(self) -> list[str]:
        """The inference component names of the adapters, in deploy.json's order."""
        return [naming.component_name(self.endpoint_name, n) for n in self.adapter_components]

    def _add_wake_up(self, component_names: list[str]) -> None:
        """Scale from zero: a request that finds no copy fails (``NoCapacityInvocationFailures``)
        and this alarm adds the first copy through a step-scaling policy, as AWS documents for
        endpoints that scale to zero instances."""
        wake_up = appscaling.CfnScalingPolicy(
            self,
            "WakeUpFromZero",
            policy_name=f"{self.base_component_name}-wake-up-from-zero",
            policy_type="StepScaling",
            scaling_target_id=self.scalable_target.ref,
            step_scaling_policy_configuration=appscaling.CfnScalingPolicy.StepScalingPolicyConfigurationProperty(
                adjustment_type="ChangeInCapacity",
                metric_aggregation_type="Maximum",
                cooldown=60,
                step_adjustments=[
                    appscaling.CfnScalingPolicy.StepAdjustmentProperty(
                        metric_interval_lower_bound=0, scaling_adjustment=1
                    )
                ],
            ),
        )
        for index, name in enumerate(component_names):
            alarm = cloudwatch.Alarm(
                self,
                "WakeUp" if index == 0 else f"WakeUp{index}",
                metric=cloudwatch.Metric(
                    namespace="AWS/SageMaker",
                    metric_name="NoCapacityInvocationFailures",
                    dimensions_map={"InferenceComponentName": name},
                    statistic="Maximum",
                    period=cdk.Duration.seconds(30),
                ),
                threshold=1,
                evaluation_periods=1,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.MISSING,
                alarm_description=f"{name}: a request found no copy; add the first one",
            )
            alarm.add_alarm_action(_ScalingPolicyAction(wake_up.ref))
            self.wake_up_alarms.append(alarm)

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
        log_group = f"log-group:{naming.endpoint_log_group(self.endpoint_name)}"
        findings = [
            iam5(
                f"Resource::{artifacts_arn}/{key_prefix}*",
                "The serving data the model reads, file by file (S3Prefix, uncompressed): "
                "every serving prefix, for direct updates and rollbacks.",
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


@jsii.implements(cloudwatch.IAlarmAction)
class _ScalingPolicyAction:
    """An alarm action that runs an Application Auto Scaling policy (by its ARN)."""

    def __init__(self, policy_arn: str) -> None:
        self.policy_arn = policy_arn

    def bind(self, _scope: Construct, _alarm: cloudwatch.IAlarm) -> cloudwatch.AlarmActionConfig:
        return cloudwatch.AlarmActionConfig(alarm_action_arn=self.policy_arn)


def container_environment(s: EndpointSettings) -> dict[str, str]:
    """The model container's environment for the stage's engine.

    ``hf``: our toolkit handler reads the base weights from the serving data's ``base/``.
    ``lmi-vllm`` (always inference components): the LMI container's vLLM backend with LoRA
    on; the base component's model data is the staged base prefix itself, and each adapter's
    ``model.py`` (its formatters) keeps the JSON contract.
    """
    common = {"HF_HUB_OFFLINE": "1", "SAGEMAKER_CONTAINER_LOG_LEVEL": "20"}
    if s.engine == "hf":
        return {
            # The local copy of the staged weights; nothing is fetched from the hub.
            BASE_MODEL_ENV: naming.SERVING_BASE_MODEL_PATH,
            naming.PRECISION_ENV: s.precision,
            **common,
            "SAGEMAKER_REGION": cdk.Aws.REGION,
        }
    return {
        "HF_MODEL_ID": LMI_MODEL_DIR,
        **common,
        # LMI's async vLLM service: the handler that applies each adapter's model.py
        # (formatters); OPTION_ROLLING_BATCH=vllm would pick the rolling-batch handler, which
        # loads adapters' weights only and answers in LMI's own schema.
        "OPTION_ASYNC_MODE": "true",
        "OPTION_ROLLING_BATCH": "disable",
        "OPTION_ENTRYPOINT": "djl_python.lmi_vllm.vllm_async_service",
        "OPTION_ENABLE_LORA": "true",
        "OPTION_MAX_LORAS": str(s.vllm.max_loras),
        "OPTION_MAX_LORA_RANK": str(s.vllm.max_lora_rank),
        "OPTION_MAX_MODEL_LEN": str(s.vllm.max_model_len),
        "OPTION_DTYPE": "fp32" if s.precision == "fp32" else "bf16",
        "TENSOR_PARALLEL_DEGREE": str(max(1, s.per_copy.accelerators)),
    }


def _s3_key(uri: str) -> str:
    """``key`` of ``s3://bucket/key``."""
    return uri.split("/", 3)[3]


def _serving_key_prefix(model_data: str) -> str:
    """``artifacts/serving/<id>/`` of ``s3://<bucket>/artifacts/serving/<id>/``."""
    match = SERVING_URI_RE.match(model_data)
    if not match or not match[1].startswith(f"{naming.SERVING_PREFIX}/"):
        raise ValueError(
            f"model data {model_data!r}: expected s3://<artifacts>/{naming.SERVING_PREFIX}/<id>/ "
            "as written by `quantreason aws deploy`"
        )
    return match[1]
