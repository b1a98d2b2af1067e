"""``status`` (moto SageMaker + autoscaling, Stubber CloudWatch) and ``cost``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest
from botocore.stub import ANY
from ops_helpers import ACCOUNT, REGION, deploy_stack, run_cli

from quantreason import naming
from quantreason.ops.cost import current_cost
from quantreason.ops.session import OpsError
from quantreason.ops.status import SCALABLE_DIMENSION, metric_queries, resource_id
from quantreason.pricing import PriceTable

ENDPOINT = "qr-dev-endpoint"
VARIANT = naming.variant_name("ml.g4dn.xlarge")  # as the Endpoint stack names it
PRICES = PriceTable("USD", REGION, 730.0, {"ml.g4dn.xlarge": 0.5, "ml.g5.12xlarge": 7.0})


@pytest.fixture
def live_endpoint(moto: None) -> None:
    """An endpoint with 2 instances, scalable 1..4 with a target-tracking policy."""
    sm = boto3.client("sagemaker", region_name=REGION)
    sm.create_model(
        ModelName="m1",
        ExecutionRoleArn=f"arn:aws:iam::{ACCOUNT}:role/endpoint",
        PrimaryContainer={"Image": "hf-inference"},
    )
    variant = {
        "VariantName": VARIANT,
        "ModelName": "m1",
        "InitialInstanceCount": 2,
        "InstanceType": "ml.g4dn.xlarge",
    }
    sm.create_endpoint_config(EndpointConfigName="c1", ProductionVariants=[variant])
    sm.create_endpoint(EndpointName=ENDPOINT, EndpointConfigName="c1")
    scaling = boto3.client("application-autoscaling", region_name=REGION)
    common = {
        "ServiceNamespace": "sagemaker",
        "ResourceId": resource_id(ENDPOINT, VARIANT),
        "ScalableDimension": SCALABLE_DIMENSION,
    }
    scaling.register_scalable_target(**common, MinCapacity=1, MaxCapacity=4)
    scaling.put_scaling_policy(
        **common,
        PolicyName="invocations",
        PolicyType="TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration={
            "TargetValue": 57.0,
            "PredefinedMetricSpecification": {
                "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"
            },
            "ScaleInCooldown": 300,
            "ScaleOutCooldown": 60,
        },
    )
    deploy_stack(naming.ENDPOINT, {naming.OUTPUT_ENDPOINT_NAME: ENDPOINT})


def _metrics(values: dict[str, list[float]]) -> dict[str, Any]:
    return {
        "MetricDataResults": [
            {"Id": key, "Label": key, "Values": v, "StatusCode": "Complete"}
            for key, v in values.items()
        ]
    }


def test_status_reports_counts_scaling_and_traffic(live_endpoint: None, stub) -> None:
    stub("cloudwatch").add_response(
        "get_metric_data",
        _metrics({"invocations": [1234.0], "latency_p95_us": [910000.0], "errors_5xx": [0.0]}),
        {"MetricDataQueries": metric_queries(ENDPOINT, VARIANT), "StartTime": ANY, "EndTime": ANY},
    )
    result = run_cli("status")
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"endpoint {ENDPOINT}: InService" in out
    assert "ml.g4dn.xlarge" in out and "│ 2 " in out  # current and desired count
    assert "autoscaling: 1..4 instances" in out
    assert "SageMakerVariantInvocationsPerInstance target 57/min" in out
    assert "cooldown in 300s / out 60s" in out
    assert "1,234 invocations" in out
    assert "p95 910 ms" in out and "avg no data" in out


def test_status_of_inference_components_reads_the_base_components_copies(moto: None, stub) -> None:
    # A components endpoint: its variant names no model; the stack scales the base component's
    # copies, not the variant's instances (which no scalable target registers).
    deploy_stack(naming.ENDPOINT, {naming.OUTPUT_ENDPOINT_NAME: ENDPOINT})
    sagemaker = stub("sagemaker")
    when = dt.datetime(2025, 1, 1)
    sagemaker.add_response(
        "describe_endpoint",
        {
            "EndpointName": ENDPOINT,
            "EndpointArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint/{ENDPOINT}",
            "EndpointConfigName": "c1",
            "EndpointStatus": "InService",
            "ProductionVariants": [
                {"VariantName": VARIANT, "CurrentInstanceCount": 1, "DesiredInstanceCount": 1}
            ],
            "CreationTime": when,
            "LastModifiedTime": when,
        },
        {"EndpointName": ENDPOINT},
    )
    sagemaker.add_response(
        "describe_endpoint_config",
        {
            "EndpointConfigName": "c1",
            "EndpointConfigArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint-config/c1",
            "ProductionVariants": [
                {
                    "VariantName": VARIANT,
                    "InstanceType": "ml.g5.xlarge",
                    "InitialInstanceCount": 1,
                    "ManagedInstanceScaling": {
                        "Status": "ENABLED",
                        "MinInstanceCount": 0,
                        "MaxInstanceCount": 3,
                    },
                }
            ],
            "CreationTime": when,
        },
        {"EndpointConfigName": "c1"},
    )
    base = {
        "ServiceNamespace": "sagemaker",
        "ResourceId": f"inference-component/{ENDPOINT}-base",
        "ScalableDimension": "sagemaker:inference-component:DesiredCopyCount",
    }
    scaling = stub("application-autoscaling")
    scaling.add_response(
        "describe_scalable_targets",
        {
            "ScalableTargets": [
                {
                    **base,
                    "MinCapacity": 0,
                    "MaxCapacity": 3,
                    "RoleARN": f"arn:aws:iam::{ACCOUNT}:role/scaling",
                    "CreationTime": when,
                }
            ]
        },
        {
            "ServiceNamespace": "sagemaker",
            "ResourceIds": [base["ResourceId"]],
            "ScalableDimension": base["ScalableDimension"],
        },
    )
    metric = "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution"
    scaling.add_response(
        "describe_scaling_policies",
        {
            "ScalingPolicies": [
                {
                    **base,
                    "PolicyARN": f"arn:aws:autoscaling:{REGION}:{ACCOUNT}:scalingPolicy:x",
                    "PolicyName": "copies",
                    "PolicyType": "TargetTrackingScaling",
                    "TargetTrackingScalingPolicyConfiguration": {
                        "TargetValue": 4.0,
                        "PredefinedMetricSpecification": {"PredefinedMetricType": metric},
                    },
                    "CreationTime": when,
                }
            ]
        },
        base,
    )
    stub("cloudwatch").add_response("get_metric_data", _metrics({}))
    result = run_cli("status")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "autoscaling: 0..3 copies of the base component" in out
    assert f"{metric} target 4 concurrent requests per copy" in out


def test_metric_queries_cover_the_variant() -> None:
    queries = {q["Id"]: q["MetricStat"] for q in metric_queries("ep", VARIANT)}
    assert queries["latency_p95_us"]["Stat"] == "p95"
    assert queries["invocations"]["Metric"]["Dimensions"] == [
        {"Name": "EndpointName", "Value": "ep"},
        {"Name": "VariantName", "Value": "AllTraffic-g4dn-xlarge"},
    ]


def test_failed_endpoint_exits_non_zero_with_the_reason(moto: None, stub) -> None:
    deploy_stack(naming.ENDPOINT, {naming.OUTPUT_ENDPOINT_NAME: ENDPOINT})
    sagemaker = stub("sagemaker")
    sagemaker.add_response(
        "describe_endpoint",
        {
            "EndpointName": ENDPOINT,
            "EndpointArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint/{ENDPOINT}",
            "EndpointStatus": "Failed",
            "FailureReason": "The primary container did not pass the ping health check.",
            "CreationTime": dt.datetime(2025, 1, 1),
            "LastModifiedTime": dt.datetime(2025, 1, 1),
        },
        {"EndpointName": ENDPOINT},
    )
    stub("cloudwatch").add_response("get_metric_data", _metrics({}))
    result = run_cli("status")
    assert result.exit_code == 1
    assert "Failed" in result.output
    assert "did not pass the ping health check" in result.output
    assert "Traceback" not in result.output


def test_cost_prices_endpoint_and_running_training(live_endpoint: None, ctx, stub) -> None:
    sagemaker = stub("sagemaker")
    sagemaker.add_response(
        "list_training_jobs",
        {
            "TrainingJobSummaries": [
                {
                    "TrainingJobName": "quantreason-dev-1",
                    "TrainingJobArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:training-job/x",
                    "CreationTime": dt.datetime(2025, 1, 1),
                    "TrainingJobStatus": "InProgress",
                }
            ]
        },
        {"StatusEquals": "InProgress", "NameContains": "quantreason-dev-", "MaxResults": 100},
    )
    sagemaker.add_response(
        "describe_training_job",
        {
            "TrainingJobName": "quantreason-dev-1",
            "TrainingJobArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:training-job/x",
            "ModelArtifacts": {"S3ModelArtifacts": ""},
            "TrainingJobStatus": "InProgress",
            "SecondaryStatus": "Training",
            "AlgorithmSpecification": {"TrainingInputMode": "File"},
            "ResourceConfig": {
                "InstanceType": "ml.g5.12xlarge",
                "InstanceCount": 2,
                "VolumeSizeInGB": 100,
            },
            "StoppingCondition": {},
            "CreationTime": dt.datetime(2025, 1, 1),
        },
    )
    # The endpoint calls go to moto; only the training-job calls are stubbed here.
    ctx._clients["sagemaker"] = _Split(ctx.session, sagemaker.client)
    report = current_cost(ctx, PRICES)
    endpoint_hourly = 2 * PRICES.hourly["ml.g4dn.xlarge"]
    training_hourly = 2 * PRICES.hourly["ml.g5.12xlarge"]
    assert [line.kind for line in report.lines] == ["endpoint", "training"]
    assert report.hourly == pytest.approx(endpoint_hourly + training_hourly)
    assert report.monthly == pytest.approx((endpoint_hourly + training_hourly) * 730)
    assert report.teardown_saving_hourly == pytest.approx(endpoint_hourly)
    assert report.max_hourly_endpoint == pytest.approx(4 * PRICES.hourly["ml.g4dn.xlarge"])


class _Split:
    """SageMaker client: training-job calls to the Stubber, the rest to moto."""

    def __init__(self, session: Any, stubbed: Any) -> None:
        self._moto = session.client("sagemaker", region_name=REGION)
        self._stubbed = stubbed

    def __getattr__(self, name: str) -> Any:
        target = self._stubbed if "training_job" in name else self._moto
        return getattr(target, name)


def test_cost_cli_with_nothing_running(moto: None) -> None:
    result = run_cli("cost")
    assert result.exit_code == 0, result.output
    assert "now: 0.00 USD/hour = 0 USD/month" in result.output
    assert "teardown saves 0.00 USD/hour" in result.output


def test_cost_unknown_instance_type_is_a_clear_error(live_endpoint: None, ctx) -> None:
    with pytest.raises(OpsError, match=r"no price for 'ml\.g4dn\.xlarge'.*config/prices\.yaml"):
        current_cost(ctx, PriceTable("USD", REGION, 730.0, {"ml.m5.xlarge": 0.23}))
