"""``quantreason aws status``: endpoint state, instance counts, scaling and recent traffic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from quantreason import naming
from quantreason.ops.session import OpsContext

#: CloudWatch window for "recent" invocations and latency.
WINDOW_S = 3600
NAMESPACE = "AWS/SageMaker"
SCALABLE_DIMENSION = "sagemaker:variant:DesiredInstanceCount"
#: An endpoint of inference components scales its base component's copies (one per instance).
COMPONENT_DIMENSION = "sagemaker:inference-component:DesiredCopyCount"
#: (query id, metric, statistic): ModelLatency is reported in microseconds.
METRICS = (
    ("invocations", "Invocations", "Sum"),
    ("latency_avg_us", "ModelLatency", "Average"),
    ("latency_p95_us", "ModelLatency", "p95"),
    ("errors_4xx", "Invocation4XXErrors", "Sum"),
    ("errors_5xx", "Invocation5XXErrors", "Sum"),
)


@dataclass(frozen=True)
class VariantStatus:
    """One production variant: instance type and counts."""

    name: str
    instance_type: str
    current: int
    desired: int


@dataclass(frozen=True)
class ScalingPolicy:
    """A target-tracking policy on the variant."""

    name: str
    metric: str
    target: float
    scale_in_cooldown_s: int | None
    scale_out_cooldown_s: int | None


@dataclass
class EndpointStatus:
    """Everything ``status`` reports."""

    name: str
    status: str
    failure_reason: str | None = None
    variants: list[VariantStatus] = field(default_factory=list)
    components: bool = False  # inference components: scaling is the base component's copies
    min_capacity: int | None = None
    max_capacity: int | None = None
    policies: list[ScalingPolicy] = field(default_factory=list)
    metrics: dict[str, float | None] = field(default_factory=dict)


def resource_id(endpoint: str, variant: str) -> str:
    """Application Auto Scaling's id for a SageMaker variant."""
    return f"endpoint/{endpoint}/variant/{variant}"


def component_resource_id(component: str) -> str:
    """Application Auto Scaling's id for an inference component."""
    return f"inference-component/{component}"


def config_variants(ctx: OpsContext, endpoint: dict[str, Any]) -> list[dict[str, Any]]:
    """The production variants of the endpoint's config (DescribeEndpointConfig)."""
    config_name = endpoint.get("EndpointConfigName")
    if not config_name:
        return []
    config = ctx.client("sagemaker").describe_endpoint_config(EndpointConfigName=config_name)
    return list(config["ProductionVariants"])


def variants_of(endpoint: dict[str, Any], configured: list[dict[str, Any]]) -> list[VariantStatus]:
    """Variants with counts (DescribeEndpoint) and instance types (the config's)."""
    types = {v["VariantName"]: v.get("InstanceType", "?") for v in configured}
    return [
        VariantStatus(
            name=v["VariantName"],
            instance_type=types.get(v["VariantName"], "?"),
            current=int(v.get("CurrentInstanceCount", 0)),
            desired=int(v.get("DesiredInstanceCount", 0)),
        )
        for v in endpoint.get("ProductionVariants", [])
    ]


def our_variant(variants: list[VariantStatus]) -> str:
    """The stack's one variant (named by instance type, ``naming.variant_name``); during an
    update that swaps variants, the newest listed."""
    names = [v.name for v in variants if v.name.startswith(naming.VARIANT_NAME)]
    return names[-1] if names else naming.VARIANT_NAME


def scaling_target(result: EndpointStatus) -> tuple[str, str]:
    """(resource id, scalable dimension) of what the stack scales: the variant's instances,
    or on an endpoint of inference components the base component's copies."""
    if result.components:
        base = naming.component_name(result.name, "base")
        return component_resource_id(base), COMPONENT_DIMENSION
    return resource_id(result.name, our_variant(result.variants)), SCALABLE_DIMENSION


def _scaling(ctx: OpsContext, result: EndpointStatus) -> None:
    scaling = ctx.client("application-autoscaling")
    rid, dimension = scaling_target(result)
    targets = scaling.describe_scalable_targets(
        ServiceNamespace="sagemaker", ResourceIds=[rid], ScalableDimension=dimension
    ).get("ScalableTargets", [])
    if targets:
        result.min_capacity = targets[0]["MinCapacity"]
        result.max_capacity = targets[0]["MaxCapacity"]
    policies = scaling.describe_scaling_policies(
        ServiceNamespace="sagemaker", ResourceId=rid, ScalableDimension=dimension
    ).get("ScalingPolicies", [])
    for policy in policies:
        config = policy.get("TargetTrackingScalingPolicyConfiguration", {})
        spec = config.get("PredefinedMetricSpecification", {})
        result.policies.append(
            ScalingPolicy(
                name=policy["PolicyName"],
                metric=spec.get("PredefinedMetricType", "custom"),
                target=float(config.get("TargetValue", 0.0)),
                scale_in_cooldown_s=config.get("ScaleInCooldown"),
                scale_out_cooldown_s=config.get("ScaleOutCooldown"),
            )
        )


def metric_queries(endpoint: str, variant: str, period_s: int = WINDOW_S) -> list[dict[str, Any]]:
    """GetMetricData queries for the variant's traffic, latency and errors over one period."""
    dimensions = [
        {"Name": "EndpointName", "Value": endpoint},
        {"Name": "VariantName", "Value": variant},
    ]
    return [
        {
            "Id": query_id,
            "MetricStat": {
                "Metric": {"Namespace": NAMESPACE, "MetricName": metric, "Dimensions": dimensions},
                "Period": period_s,
                "Stat": stat,
            },
            "ReturnData": True,
        }
        for query_id, metric, stat in METRICS
    ]


def recent_metrics(
    ctx: OpsContext, endpoint: str, variant: str, now: dt.datetime | None = None
) -> dict[str, float | None]:
    """The last hour's invocations, latency (µs) and errors; None where there are no data points."""
    end = now or dt.datetime.now(dt.UTC)
    response = ctx.client("cloudwatch").get_metric_data(
        MetricDataQueries=metric_queries(endpoint, variant),
        StartTime=end - dt.timedelta(seconds=WINDOW_S),
        EndTime=end,
    )
    values: dict[str, float | None] = {query_id: None for query_id, _, _ in METRICS}
    for result in response.get("MetricDataResults", []):
        if result.get("Values"):
            values[result["Id"]] = float(result["Values"][0])
    return values


def endpoint_status(ctx: OpsContext, name: str, metrics: bool = True) -> EndpointStatus:
    """Describe the endpoint, its scaling and (unless ``metrics`` is false) its recent metrics."""
    endpoint = ctx.client("sagemaker").describe_endpoint(EndpointName=name)
    configured = config_variants(ctx, endpoint)
    result = EndpointStatus(
        name=name,
        status=endpoint.get("EndpointStatus", "<dry-run>"),
        failure_reason=endpoint.get("FailureReason"),
        variants=variants_of(endpoint, configured),
        # A variant of inference components names no model (the components carry them).
        components=bool(configured) and all("ModelName" not in v for v in configured),
    )
    _scaling(ctx, result)
    if metrics:
        result.metrics = recent_metrics(ctx, name, our_variant(result.variants))
    return result
