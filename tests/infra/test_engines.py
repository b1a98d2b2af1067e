"""The Endpoint stack for each engine x (variant | inference components) x scaling metric.

dev's committed snapshots cover hf + variant + invocations; these synthesize the others from a
deployed dev copy whose stage file, capacity plan and deploy state are edited as a user would.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from infra_helpers import BASE_MODEL, Synth, deployed_config, flatten, only, resources, synth_stage

from quantreason import naming

ADAPTER_URI = "s3://my-artifacts/artifacts/adapters/rates/0123456789ab/model.tar.gz"
ADAPTERS = [
    {"name": "rates", "artifact": ADAPTER_URI, "archive_sha256": "b" * 64},
    {
        "name": "bonds",
        "artifact": ADAPTER_URI.replace("rates", "bonds"),
        "archive_sha256": "c" * 64,
    },
]
COMBINATIONS = {
    # id: (endpoint lines, autoscaling metric, adapters)
    "hf-variant-concurrency": (["engine: hf", "precision: fp32"], "concurrency", []),
    "lmi-components-fp32": (["engine: lmi-vllm", "precision: fp32"], "invocations", []),
    "hf-components": (["engine: hf", "components: true"], "invocations", []),
    "lmi-components": (["engine: lmi-vllm", "scale_to_zero: true"], "invocations", ADAPTERS),
}


def engine_dirs(root: Path, endpoint: list[str], metric: str, adapters: list) -> tuple[Path, Path]:
    """A deployed dev copy with ``endpoint`` lines, a concurrency plan and ``adapters``."""
    config, state = deployed_config(root, "dev")
    stage_file = config / "stages" / "dev.yaml"
    lines = "".join(f"  {line}\n" for line in endpoint)
    # The stage file spells out the defaults (engine, precision, scale_to_zero): drop them.
    text = re.sub(r"(?m)^  (engine|precision|scale_to_zero): .*\n", "", stage_file.read_text())
    text = text.replace("endpoint:\n", "endpoint:\n" + lines, 1)
    stage_file.write_text(text + f"autoscaling:\n  metric: {metric}\n")
    plan = state / "dev" / "capacity.json"
    plan.write_text(json.dumps({**json.loads(plan.read_text()), "concurrency_target_per_copy": 5}))
    deploy = state / "dev" / "deploy.json"
    deploy.write_text(json.dumps({**json.loads(deploy.read_text()), "adapters": adapters}))
    return config, state


@pytest.fixture(scope="module", params=sorted(COMBINATIONS))
def combo(request, tmp_path_factory) -> tuple[str, Synth]:
    endpoint, metric, adapters = COMBINATIONS[request.param]
    config, state = engine_dirs(tmp_path_factory.mktemp(request.param), endpoint, metric, adapters)
    synth = synth_stage(
        "dev", tmp_path_factory.mktemp(f"cdk-{request.param}"), config_dir=config, state_root=state
    )
    return request.param, synth


def _image(template: dict) -> str:
    return flatten(
        only(template, "AWS::SageMaker::Model")["Properties"]["PrimaryContainer"]["Image"]
    )


def test_engine_picks_its_container_and_environment(combo):
    name, synth = combo
    template = synth.templates["Endpoint"]
    container = only(template, "AWS::SageMaker::Model")["Properties"]["PrimaryContainer"]
    env = container["Environment"]
    fp32 = "precision: fp32" in COMBINATIONS[name][0]  # else the stage's default, auto
    if name.startswith("lmi"):
        assert env["OPTION_DTYPE"] == ("fp32" if fp32 else "bf16")
        assert naming.PRECISION_ENV not in env
    else:
        assert env[naming.PRECISION_ENV] == ("fp32" if fp32 else "auto")
    if name.startswith("lmi"):
        assert "/djl-inference:0.38.0-lmi29.0.0-cu130" in _image(template)
        assert "${map:LmiImageRegistry." in _image(template)  # region-aware, like the HF DLCs
        assert env["OPTION_ENABLE_LORA"] == "true"
        # LMI's async vLLM service, the handler that applies each adapter's model.py; the
        # rolling-batch handler (OPTION_ROLLING_BATCH=vllm) would answer in LMI's own schema.
        assert env["OPTION_ASYNC_MODE"] == "true"
        assert env["OPTION_ROLLING_BATCH"] == "disable"
        assert env["OPTION_ENTRYPOINT"] == "djl_python.lmi_vllm.vllm_async_service"
        assert env["OPTION_MAX_LORAS"] == "4" and env["OPTION_MAX_LORA_RANK"] == "16"
        assert env["HF_HUB_OFFLINE"] == "1"
        assert "QUANTREASON_BASE_MODEL" not in env
    else:
        assert "/huggingface-pytorch-inference:" in _image(template)
        assert env["QUANTREASON_BASE_MODEL"] == "/opt/ml/model/base"
        assert "OPTION_ENABLE_LORA" not in env


def test_variant_or_components(combo):
    name, synth = combo
    template = synth.templates["Endpoint"]
    (variant,) = only(template, "AWS::SageMaker::EndpointConfig")["Properties"][
        "ProductionVariants"
    ]
    components = resources(template, "AWS::SageMaker::InferenceComponent")
    if "components" not in name:
        assert variant["ModelName"]
        assert components == {}
        return
    config = only(template, "AWS::SageMaker::EndpointConfig")["Properties"]
    assert "ModelName" not in variant and config["ExecutionRoleArn"]
    base = [
        c
        for c in components.values()
        if "BaseInferenceComponentName" not in c["Properties"]["Specification"]
    ]
    assert len(base) == 1
    spec = base[0]["Properties"]["Specification"]
    assert spec["ComputeResourceRequirements"]["NumberOfAcceleratorDevicesRequired"] == 1
    assert base[0]["Properties"]["InferenceComponentName"] == "quantreason-dev-base"
    adapters = {
        c["Properties"]["InferenceComponentName"]: c["Properties"]["Specification"]
        for c in components.values()
        if "BaseInferenceComponentName" in c["Properties"]["Specification"]
    }
    if name == "lmi-components":
        assert sorted(adapters) == ["quantreason-dev-bonds", "quantreason-dev-rates"]
        for spec in adapters.values():
            assert spec["BaseInferenceComponentName"] == "quantreason-dev-base"
            assert spec["Container"]["ArtifactUrl"].endswith("/model.tar.gz")
        # The base reads the staged base weights themselves, not an adapter's serving data.
        model = only(template, "AWS::SageMaker::Model")["Properties"]["PrimaryContainer"]
        uri = flatten(model["ModelDataSource"]["S3DataSource"]["S3Uri"])
        assert uri.endswith("/" + BASE_MODEL)
    else:
        assert adapters == {}


def test_scaling_metric_per_combination(combo):
    name, synth = combo
    template = synth.templates["Endpoint"]
    policies = resources(template, "AWS::ApplicationAutoScaling::ScalingPolicy")
    tracking = [
        p["Properties"]["TargetTrackingScalingPolicyConfiguration"]
        for p in policies.values()
        if p["Properties"]["PolicyType"] == "TargetTrackingScaling"
    ]
    assert len(tracking) == 1
    metric = tracking[0]["PredefinedMetricSpecification"]["PredefinedMetricType"]
    target = only(template, "AWS::ApplicationAutoScaling::ScalableTarget")["Properties"]
    if "components" in name:
        assert metric == "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution"
        assert target["ScalableDimension"] == "sagemaker:inference-component:DesiredCopyCount"
        assert tracking[0]["TargetValue"] == 5  # concurrency_target_per_copy of the plan
    elif name.endswith("concurrency"):
        assert metric == "SageMakerVariantConcurrentRequestsPerModelHighResolution"
        assert tracking[0]["TargetValue"] == 5
    else:
        assert metric == "SageMakerVariantInvocationsPerInstance"
        assert tracking[0]["TargetValue"] == 57


def test_scale_to_zero_wakes_up_on_no_capacity(combo):
    name, synth = combo
    template = synth.templates["Endpoint"]
    steps = [
        p
        for p in resources(template, "AWS::ApplicationAutoScaling::ScalingPolicy").values()
        if p["Properties"]["PolicyType"] == "StepScaling"
    ]
    alarms = [
        a["Properties"]
        for a in resources(template, "AWS::CloudWatch::Alarm").values()
        if a["Properties"].get("MetricName") == "NoCapacityInvocationFailures"
    ]
    if name != "lmi-components":  # scale_to_zero only there
        assert steps == [] and alarms == []
        return
    config = only(template, "AWS::SageMaker::EndpointConfig")["Properties"]
    managed = config["ProductionVariants"][0]["ManagedInstanceScaling"]
    assert managed["MinInstanceCount"] == 0 and managed["Status"] == "ENABLED"
    target = only(template, "AWS::ApplicationAutoScaling::ScalableTarget")["Properties"]
    assert target["MinCapacity"] == 0
    (step,) = steps
    adjustments = step["Properties"]["StepScalingPolicyConfiguration"]["StepAdjustments"]
    assert adjustments == [{"MetricIntervalLowerBound": 0, "ScalingAdjustment": 1}]
    # One alarm per component a request can name: the base and each adapter.
    assert sorted(a["Dimensions"][0]["Value"] for a in alarms) == [
        "quantreason-dev-base",
        "quantreason-dev-bonds",
        "quantreason-dev-rates",
    ]
    step_id = next(
        k
        for k, v in resources(template, "AWS::ApplicationAutoScaling::ScalingPolicy").items()
        if v["Properties"]["PolicyType"] == "StepScaling"
    )
    assert all(a["AlarmActions"] == [{"Ref": step_id}] for a in alarms)


def test_cfn_lint_clean(combo):
    _, synth = combo
    paths = [str(p) for p in sorted(synth.outdir.glob("*Endpoint.template.json"))]
    assert paths
    result = subprocess.run(
        [str(Path(sys.executable).with_name("cfn-lint")), "--format", "json", *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout or "[]")
    unexplained = [
        f
        for f in findings
        if not (
            f["Rule"]["Id"] == "W3005" and "AWS679f53fac002430cb0da5b7982bd2287" in f["Message"]
        )
    ]
    assert unexplained == []


def test_components_acknowledgements_all_used(tmp_path: Path):
    """cdk-nag on the components stage with acknowledgements off: none is unused."""
    from infra.app_builder import build_stage_app, new_app
    from infra.nag import (
        UNACKNOWLEDGED_CONTEXT,
        acknowledgments,
        findings_in_report,
        unused_acknowledgments,
    )

    endpoint, metric, adapters = COMBINATIONS["lmi-components"]
    config, state = engine_dirs(tmp_path / "dirs", endpoint, metric, adapters)
    acknowledged = acknowledgments(
        build_stage_app(new_app(tmp_path / "a"), "dev", config_dir=config, state_root=state).app
    )
    bare = build_stage_app(
        new_app(tmp_path / "b", {UNACKNOWLEDGED_CONTEXT: True}),
        "dev",
        config_dir=config,
        state_root=state,
    )
    with pytest.raises(RuntimeError, match="ValidationFailed"):
        bare.app.synth()
    findings = findings_in_report(tmp_path / "b" / "validation-report.json")
    assert unused_acknowledgments(acknowledged, findings) == []


def test_components_need_a_concurrency_plan(tmp_path: Path):
    from quantreason.stages import StageConfigError, load_stage

    config, state = engine_dirs(tmp_path, ["engine: lmi-vllm"], "invocations", [])
    plan = state / "dev" / "capacity.json"
    data = json.loads(plan.read_text())
    del data["concurrency_target_per_copy"]
    plan.write_text(json.dumps(data))
    with pytest.raises(StageConfigError, match="concurrency_target_per_copy is needed"):
        load_stage("dev", config_dir=config, state_root=state)


def test_adapters_and_scale_to_zero_need_lmi_components(tmp_path: Path):
    from quantreason.stages import StageConfigError, load_stage

    config, state = engine_dirs(tmp_path / "a", ["engine: hf"], "invocations", ADAPTERS)
    with pytest.raises(StageConfigError, match=r"adapter components need endpoint\.engine lmi"):
        load_stage("dev", config_dir=config, state_root=state)
    config, state = engine_dirs(tmp_path / "b", ["scale_to_zero: true"], "invocations", [])
    with pytest.raises(StageConfigError, match="scale_to_zero needs inference components"):
        load_stage("dev", config_dir=config, state_root=state)
    # On one model variant LMI would serve the bare base in its own schema (no adapter, no
    # model.py): refused when the stage loads.
    lines = ["engine: lmi-vllm", "components: false"]
    config, state = engine_dirs(tmp_path / "c", lines, "invocations", [])
    with pytest.raises(StageConfigError, match="lmi-vllm serves adapters only as inference"):
        load_stage("dev", config_dir=config, state_root=state)
