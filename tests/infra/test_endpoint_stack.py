"""Endpoint stack: model, endpoint config, endpoint, autoscaling, alarms, parking."""

from __future__ import annotations

import json

import pytest
from infra_helpers import (
    MODEL_DATA,
    as_list,
    flatten,
    only,
    policy_statements,
    resources,
    state_machine_definition,
)

from infra.dlc_images import load_table
from infra.model_endpoint import BASE_MODEL_ENV
from quantreason import naming
from quantreason.serving.settings import ServingSettings
from quantreason.stages import load_stage


def test_model_serves_the_adapter_on_the_region_aware_inference_image(dev):
    raw = dev.templates["Endpoint"]
    model = only(raw, "AWS::SageMaker::Model")
    container = model["Properties"]["PrimaryContainer"]
    table = load_table()["images"]["inference"]
    assert flatten(container["Image"]).endswith(f"/{table['repository']}:{table['tag']}")
    assert flatten(container["Image"]).startswith("${map:InferenceImageRegistry.${AWS::Region}")
    assert "InferenceImageRegistry" in raw["Mappings"]
    # Uncompressed serving data (adapter + code/ + base/): no tarball to build or unpack.
    assert "ModelDataUrl" not in container
    assert container["ModelDataSource"] == {
        "S3DataSource": {
            "S3Uri": MODEL_DATA,
            "S3DataType": "S3Prefix",
            "CompressionType": "None",
        }
    }
    env = container["Environment"]
    # The base weights are the local copy under /opt/ml/model; no hub id to download.
    assert env[BASE_MODEL_ENV] == "/opt/ml/model/base" == naming.SERVING_BASE_MODEL_PATH
    assert env["HF_HUB_OFFLINE"] == "1"
    # bf16 on the A10G: a 7B model's fp32 weights (~28 GB) do not fit its 24 GB. The serving
    # container reads the variable the template sets.
    assert env[naming.PRECISION_ENV] == "auto" == load_stage("dev").endpoint.precision
    assert ServingSettings.from_env({naming.PRECISION_ENV: "auto"}).precision == "auto"
    assert not any(
        "/" in v and not v.startswith("/opt/ml/") for v in env.values() if isinstance(v, str)
    )
    # HF_MODEL_ID would make the toolkit serve a hub download instead of our model data.
    assert "HF_MODEL_ID" not in env
    assert "ModelName" not in model["Properties"]  # no physical name: updates replace cleanly
    # Created only after the role's policy: CreateModel checks the role's access.
    assert any(d.startswith("ServingExecutionRoleDefaultPolicy") for d in model["DependsOn"])


def test_endpoint_config_variant(dev):
    config = only(dev.templates["Endpoint"], "AWS::SageMaker::EndpointConfig")["Properties"]
    assert "EndpointConfigName" not in config
    assert "DataCaptureConfig" not in config
    (variant,) = config["ProductionVariants"]
    assert variant["VariantName"] == naming.variant_name("ml.g5.xlarge") == "AllTraffic-g5-xlarge"
    assert variant["InstanceType"] == "ml.g5.xlarge"
    assert variant["InitialInstanceCount"] == 1
    assert variant["ContainerStartupHealthCheckTimeoutInSeconds"] == 900
    assert variant["ModelDataDownloadTimeoutInSeconds"] == 900


def test_prod_captures_data(prod):
    config = only(prod.templates["Endpoint"], "AWS::SageMaker::EndpointConfig")["Properties"]
    capture = config["DataCaptureConfig"]
    assert capture["EnableCapture"] is True and capture["InitialSamplingPercentage"] == 10
    assert flatten(capture["DestinationS3Uri"]).endswith("/data-capture/quantreason-prod")
    statements = policy_statements(prod.templates["Endpoint"], "ServingExecutionRole")
    writes = [s for s in statements if "s3:PutObject" in as_list(s["Action"])]
    assert [flatten(r) for s in writes for r in as_list(s["Resource"])] == [
        "${import:QuantReason-prod-Storage:ArtifactsBucketArn}/data-capture/*"
    ]


def test_endpoint_deployment_and_retained_scaling(dev, prod):
    endpoint = only(dev.templates["Endpoint"], "AWS::SageMaker::Endpoint")["Properties"]
    assert endpoint["EndpointName"] == "quantreason-dev"
    assert endpoint["RetainAllVariantProperties"] is True
    deployment = endpoint["DeploymentConfig"]
    alarms = resources(dev.templates["Endpoint"], "AWS::CloudWatch::Alarm")
    rollback = {a["AlarmName"]["Ref"] for a in deployment["AutoRollbackConfiguration"]["Alarms"]}
    # Latency and 5xx roll back; client 4xx only notify (bad requests are not a bad model).
    assert {alarms[a]["Properties"]["MetricName"] for a in rollback} == {
        "ModelLatency",
        "Invocation5XXErrors",
    }
    assert deployment["RollingUpdatePolicy"]["MaximumBatchSize"] == {
        "Type": "CAPACITY_PERCENT",
        "Value": 50,
    }
    prod_deployment = only(prod.templates["Endpoint"], "AWS::SageMaker::Endpoint")["Properties"][
        "DeploymentConfig"
    ]
    assert "RollingUpdatePolicy" not in prod_deployment
    assert prod_deployment["BlueGreenUpdatePolicy"]["TrafficRoutingConfiguration"] == {
        "Type": "ALL_AT_ONCE",
        "WaitIntervalInSeconds": 600,
    }


def test_autoscaling_uses_the_capacity_plan(dev, prod):
    for synth, stage in ((dev, "dev"), (prod, "prod")):
        plan = load_stage(stage).autoscaling
        raw = synth.templates["Endpoint"]
        target = only(raw, "AWS::ApplicationAutoScaling::ScalableTarget")
        props = target["Properties"]
        assert props["ResourceId"] == f"endpoint/quantreason-{stage}/variant/AllTraffic-g5-xlarge"
        assert props["ScalableDimension"] == "sagemaker:variant:DesiredInstanceCount"
        assert (props["MinCapacity"], props["MaxCapacity"]) == (
            plan.min_instances,
            plan.max_instances,
        )
        assert "RoleARN" not in props  # the service-linked role for SageMaker variants
        endpoint_id = next(iter(resources(raw, "AWS::SageMaker::Endpoint")))
        assert target["DependsOn"] == [endpoint_id]
        policy = only(raw, "AWS::ApplicationAutoScaling::ScalingPolicy")["Properties"]
        tracking = policy["TargetTrackingScalingPolicyConfiguration"]
        assert tracking == {
            "PredefinedMetricSpecification": {
                "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"
            },
            "TargetValue": plan.target_invocations_per_instance,
            "ScaleInCooldown": plan.scale_in_cooldown_s,
            "ScaleOutCooldown": plan.scale_out_cooldown_s,
        }
    assert (
        only(prod.templates["Endpoint"], "AWS::ApplicationAutoScaling::ScalableTarget")[
            "Properties"
        ]["MaxCapacity"]
        == 10
    )


def test_alarms_on_latency_and_errors(dev):
    alarms = {
        a["Properties"]["MetricName"]: a["Properties"]
        for a in resources(dev.templates["Endpoint"], "AWS::CloudWatch::Alarm").values()
    }
    assert set(alarms) == {"ModelLatency", "Invocation5XXErrors", "Invocation4XXErrors"}
    latency = alarms["ModelLatency"]
    assert latency["ExtendedStatistic"] == "p95"
    assert latency["Threshold"] == 3000 * 1000  # ModelLatency is in microseconds
    assert alarms["Invocation5XXErrors"]["Threshold"] == 2  # per minute
    assert (
        alarms["Invocation4XXErrors"]["Period"],
        alarms["Invocation4XXErrors"]["Threshold"],
    ) == (
        300,
        50,
    )
    for alarm in alarms.values():
        assert alarm["Namespace"] == "AWS/SageMaker"
        assert {"Name": "VariantName", "Value": "AllTraffic-g5-xlarge"} in alarm["Dimensions"]
        assert alarm["TreatMissingData"] == "notBreaching"


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_rollback_alarms_can_fire_within_the_bake_wait(stage, request):
    """From the template: each rollback alarm's window (period x evaluation periods) fits in
    the wait after traffic shifts, so a bad deployment is caught before it is final."""
    raw = request.getfixturevalue(stage).templates["Endpoint"]
    endpoint = only(raw, "AWS::SageMaker::Endpoint")["Properties"]["DeploymentConfig"]
    if "RollingUpdatePolicy" in endpoint:
        wait = endpoint["RollingUpdatePolicy"]["WaitIntervalInSeconds"]
    else:
        wait = endpoint["BlueGreenUpdatePolicy"]["TrafficRoutingConfiguration"][
            "WaitIntervalInSeconds"
        ]
    alarms = resources(raw, "AWS::CloudWatch::Alarm")
    rollback = [a["AlarmName"]["Ref"] for a in endpoint["AutoRollbackConfiguration"]["Alarms"]]
    assert rollback
    for logical_id in rollback:
        props = alarms[logical_id]["Properties"]
        assert props["Period"] == 60, logical_id
        assert props["Period"] * props["EvaluationPeriods"] <= wait, (logical_id, wait)
    assert all(
        a["Properties"]["MetricName"] != "Invocation4XXErrors"
        for k, a in alarms.items()
        if k in rollback
    )


def test_execution_role_reads_only_serving_data(dev):
    raw = dev.templates["Endpoint"]
    statements = policy_statements(raw, "ServingExecutionRole")
    s3_resources = {
        flatten(r)
        for s in statements
        if any(a.startswith("s3:") for a in as_list(s["Action"]))
        for r in as_list(s["Resource"])
    }
    arn = "${import:QuantReason-dev-Storage:ArtifactsBucketArn}"
    # The serving prefixes (deploy.json's holds the base weights' copy), all of them: `aws
    # deploy --direct` creates a model on this role for a new prefix, and a rollback relaunches
    # the old one after the policy was updated. Nothing else in the bucket.
    assert s3_resources == {arn, f"{arn}/{naming.SERVING_PREFIX}/*"}
    listing = [s for s in statements if "s3:ListBucket" in as_list(s["Action"])]
    assert [s["Condition"] for s in listing] == [
        {"StringLike": {"s3:prefix": [f"{naming.SERVING_PREFIX}/*"]}}
    ]
    actions = {a for s in statements for a in as_list(s["Action"])}
    assert not {a for a in actions if a.startswith("s3:Put") or a.startswith("s3:Delete")}
    assert '"s3:*"' not in json.dumps(statements)


def test_parked_endpoint_keeps_model_and_config_only(parked):
    raw = parked.templates["Endpoint"]
    assert len(resources(raw, "AWS::SageMaker::Model")) == 1
    assert len(resources(raw, "AWS::SageMaker::EndpointConfig")) == 1
    for gone in (
        "AWS::SageMaker::Endpoint",
        "AWS::ApplicationAutoScaling::ScalableTarget",
        "AWS::ApplicationAutoScaling::ScalingPolicy",
        "AWS::CloudWatch::Alarm",
    ):
        assert not resources(raw, gone), gone
    assert naming.OUTPUT_ENDPOINT_NAME not in raw["Outputs"]


def test_network_isolation_in_prod_only_by_default(dev, prod):
    def model(synth) -> dict:
        return only(synth.templates["Endpoint"], "AWS::SageMaker::Model")["Properties"]

    assert model(prod)["EnableNetworkIsolation"] is True
    assert model(dev)["EnableNetworkIsolation"] is False
    assert "VpcConfig" not in model(dev) and "VpcConfig" not in model(prod)


def test_account_and_region_overrides_reach_the_templates(parked):
    stack = parked.stage_app.endpoint
    assert (stack.account, stack.region) == ("111122223333", "eu-west-1")
    logs = [
        flatten(r)
        for s in policy_statements(parked.templates["Endpoint"], "ServingExecutionRole")
        for r in as_list(s["Resource"])
        if ":logs:" in flatten(r)
    ]
    group = "arn:${AWS::Partition}:logs:eu-west-1:111122223333:log-group:/aws/sagemaker/Endpoints"
    # This endpoint's log group only, not every endpoint's.
    assert sorted(logs) == [
        f"{group}/quantreason-dev",
        f"{group}/quantreason-dev:*",
        f"{group}/quantreason-dev:log-stream:*",
    ]


def test_grant_invoke_is_scoped_to_the_endpoint(dev):
    import aws_cdk as cdk
    from aws_cdk import aws_iam as iam

    stack = cdk.Stack(cdk.App(), "Caller")
    role = iam.Role(stack, "Caller", assumed_by=iam.AccountRootPrincipal())
    dev.stage_app.endpoint.endpoint.grant_invoke(role)
    document = stack.resolve(role.node.find_child("DefaultPolicy").document.to_json())
    (statement,) = document["Statement"]
    assert statement["Action"] == "sagemaker:InvokeEndpoint"
    assert flatten(statement["Resource"]).endswith(":endpoint/quantreason-dev")


def test_cost_output_makes_the_saving_visible_in_diffs(dev, prod, parked):
    def cost(synth) -> str:
        return synth.templates["Endpoint"]["Outputs"]["EndpointCostPerHour"]["Value"]

    assert cost(dev) == "1.41 USD (1 x ml.g5.xlarge) .. 5.63 USD (4)"
    assert cost(prod).endswith("14.08 USD (10)")
    assert cost(parked) == "0 (parked)"


def test_fresh_clone_has_no_model_or_endpoint_and_says_why(fresh_dev, fresh_prod):
    """A fresh account: nothing may point at model data that nothing has written yet."""
    for synth in (fresh_dev, fresh_prod):
        raw = synth.templates["Endpoint"]
        types = {r["Type"] for r in raw["Resources"].values()}
        assert types == {"AWS::CloudFormation::WaitConditionHandle"}  # deployable, costs nothing
        why = raw["Outputs"][naming.OUTPUT_SERVING_STATUS]["Value"]
        assert "quantreason aws deploy" in why and "quantreason aws stage-base-model" in why
        assert raw["Outputs"]["EndpointCostPerHour"]["Value"] == "0 (no adapter deployed)"
        assert naming.OUTPUT_ENDPOINT_NAME not in raw["Outputs"]
        assert synth.stage_app.endpoint.endpoint is None


def test_vpc_from_the_stage_reaches_model_and_roles(tmp_path):
    from infra_helpers import deployed_config

    from infra.app_builder import build_stage_app, new_app

    config, state = deployed_config(tmp_path / "dirs", "dev")
    stage_file = config / "stages" / "dev.yaml"
    stage_file.write_text(
        stage_file.read_text()
        + "vpc:\n  subnet_ids: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]\n"
        + "  security_group_ids: [sg-0123456789abcdef0]\n"
    )
    stage_app = build_stage_app(
        new_app(tmp_path / "out"), "dev", config_dir=config, state_root=state
    )
    assembly = stage_app.app.synth()  # cdk-nag included: SM1 is satisfied, not acknowledged
    endpoint = assembly.get_stack_by_name("QuantReason-dev-Endpoint").template
    model = only(endpoint, "AWS::SageMaker::Model")["Properties"]
    assert model["VpcConfig"] == {
        "Subnets": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
        "SecurityGroupIds": ["sg-0123456789abcdef0"],
    }
    training = assembly.get_stack_by_name("QuantReason-dev-Training").template
    states = state_machine_definition(training)["States"].values()
    (task,) = [state for state in states if state["Type"] == "Task"]
    assert task["Parameters"]["VpcConfig"] == {
        "Subnets": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
        "SecurityGroupIds": ["sg-0123456789abcdef0"],
    }
    for raw, role in ((endpoint, "ServingExecutionRole"), (training, "JobExecutionRole")):
        actions = {a for s in policy_statements(raw, role) for a in as_list(s["Action"])}
        assert "ec2:CreateNetworkInterface" in actions


def test_instance_type_change_takes_an_update_path_sagemaker_accepts(dev, tmp_path):
    """SageMaker refuses UpdateEndpoint when it changes the instance type of (or removes) a
    variant registered with Application Auto Scaling. Changing the instance type must give:
    a new variant name; a custom resource the endpoint waits for, which deregisters exactly
    the previous variant's scalable target; and a new scalable target registered after it."""
    from infra_helpers import deployed_config

    from infra.app_builder import build_stage_app, new_app

    config, state = deployed_config(tmp_path / "dirs", "dev")
    stage_file = config / "stages" / "dev.yaml"
    text = stage_file.read_text()
    assert "instance_type: ml.g5.xlarge" in text
    stage_file.write_text(
        text.replace("instance_type: ml.g5.xlarge", "instance_type: ml.g6.xlarge")
    )
    # The capacity plan names its instance type too (re-planned for the new one).
    plan_file = state / "dev" / "capacity.json"
    plan = json.loads(plan_file.read_text())
    plan_file.write_text(json.dumps({**plan, "instance_type": "ml.g6.xlarge"}))
    app = build_stage_app(new_app(tmp_path / "out"), "dev", config_dir=config, state_root=state).app
    new = app.synth().get_stack_by_name("QuantReason-dev-Endpoint").template
    old = dev.templates["Endpoint"]

    def variant(raw):
        config = only(raw, "AWS::SageMaker::EndpointConfig")["Properties"]
        (v,) = config["ProductionVariants"]
        return v["VariantName"], v["InstanceType"]

    assert variant(old) == ("AllTraffic-g5-xlarge", "ml.g5.xlarge")
    assert variant(new) == ("AllTraffic-g6-xlarge", "ml.g6.xlarge")

    def target_id(raw):
        return only(raw, "AWS::ApplicationAutoScaling::ScalableTarget")["Properties"]["ResourceId"]

    # A changed ResourceId replaces the target: registered after the endpoint update (it
    # depends on the endpoint), the old one deleted in clean-up (already deregistered).
    assert target_id(new) == "endpoint/quantreason-dev/variant/AllTraffic-g6-xlarge"
    assert target_id(new) != target_id(old)

    def guard(raw):
        (logical_id, resource) = next(iter(resources(raw, "Custom::AWS").items()))
        props = resource["Properties"]
        return logical_id, json.loads(props["Create"]), json.loads(props["Update"])

    for raw in (old, new):
        logical_id, create, update = guard(raw)
        endpoint = only(raw, "AWS::SageMaker::Endpoint")
        assert logical_id in endpoint["DependsOn"]  # deregistration happens first
        target = only(raw, "AWS::ApplicationAutoScaling::ScalableTarget")
        assert next(iter(resources(raw, "AWS::SageMaker::Endpoint"))) in target["DependsOn"]
        # The physical id is the current target; an update deregisters the previous one.
        assert update["action"] == "deregisterScalableTarget"
        assert update["parameters"]["ResourceId"] == "PHYSICAL:RESOURCEID:"
        assert update["physicalResourceId"]["id"] == target_id(raw)
        # Created on a stack deployed before the variant name had the instance type.
        assert create["parameters"]["ResourceId"] == "endpoint/quantreason-dev/variant/AllTraffic"
    # The update is triggered (its properties change) and deregisters the old variant,
    # whose ResourceId is the physical id the old template gave the custom resource.
    assert guard(old)[2] != guard(new)[2]
    assert guard(old)[2]["physicalResourceId"]["id"] == target_id(old)
