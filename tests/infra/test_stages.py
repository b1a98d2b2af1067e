"""Stage settings: loading, merging and one clear error for every kind of mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from infra_helpers import (
    BASE_MODEL,
    MODEL_DATA,
    copy_config,
    set_base_model,
    write_deploy_state,
)
from pydantic import ValidationError

from quantreason.stages import StageConfigError, available_stages, load_stage


def test_committed_stages_load_with_capacity_plan():
    dev, prod = load_stage("dev"), load_stage("prod")
    assert available_stages() == ["dev", "prod"]
    assert dev.removal == "destroy" and prod.removal == "retain"
    assert dev.training.instance_type == "ml.g5.12xlarge"
    assert dev.endpoint.instance_type == "ml.g5.xlarge"
    # The reference system: 1 / 0.73 s x 0.7 safety x 60 s ~ 57 invocations/min/instance.
    assert 55 <= dev.autoscaling.target_invocations_per_instance <= 60
    assert (dev.autoscaling.max_instances, prod.autoscaling.max_instances) == (4, 10)
    assert prod.endpoint.data_capture is not None and dev.endpoint.data_capture is None
    assert dev.endpoint_name == "quantreason-dev"


def test_settings_are_frozen():
    stage = load_stage("dev")
    with pytest.raises(ValidationError, match="frozen"):
        stage.training.instance_count = 3  # type: ignore[misc]


def test_unknown_keys_and_bad_values_are_all_reported_at_once(tmp_path: Path):
    config, state = copy_config(tmp_path)
    stage_file = config / "stages" / "dev.yaml"
    text = stage_file.read_text()
    text = text.replace("instance_count: 1 ", "instance_count: two ")
    text = text.replace("removal: destroy", "removal: maybe\nregoin: us-east-1")
    text = text.replace("strategy: rolling", "strategy: canary")
    text = text.replace("precision: auto", "precision: fp16")
    stage_file.write_text(text)
    with pytest.raises(StageConfigError) as err:
        load_stage("dev", config_dir=config, state_root=state)
    message = str(err.value)
    assert "dev.yaml" in message
    assert "training.instance_count: Input should be a valid integer, got 'two'" in message
    assert "removal: Input should be 'destroy' or 'retain', got 'maybe'" in message
    assert "regoin: unknown key (allowed: name, region," in message
    assert "endpoint.deployment.strategy: Input should be 'rolling' or 'blue_green'" in message
    assert "endpoint.precision: Input should be 'auto', 'fp32' or 'bf16', got 'fp16'" in message


def test_range_checks(tmp_path: Path):
    config, state = copy_config(tmp_path)
    stage_file = config / "stages" / "dev.yaml"
    text = stage_file.read_text().replace("instance_type: ml.g5.xlarge", "instance_type: g5.xlarge")
    text = text.replace("startup_health_check_timeout_s: 900", "startup_health_check_timeout_s: 5")
    stage_file.write_text(text)
    with pytest.raises(StageConfigError, match=r"endpoint.instance_type: not an ml\.\*") as err:
        load_stage("dev", config_dir=config, state_root=state)
    assert "startup_health_check_timeout_s: Input should be greater than or equal to 60" in str(
        err.value
    )


def test_capacity_plan_feeds_autoscaling_and_yaml_overrides_it(tmp_path: Path):
    config, state = copy_config(tmp_path)
    plan = json.loads((state / "dev" / "capacity.json").read_text())
    plan.update(max_instances=7, scale_out_cooldown_s=45, some_extra_key="kept by the planner")
    (state / "dev" / "capacity.json").write_text(json.dumps(plan))
    assert load_stage("dev", config_dir=config, state_root=state).autoscaling.max_instances == 7
    stage_file = config / "stages" / "dev.yaml"
    stage_file.write_text(stage_file.read_text() + "autoscaling:\n  max_instances: 3\n")
    scaling = load_stage("dev", config_dir=config, state_root=state).autoscaling
    assert (scaling.max_instances, scaling.scale_out_cooldown_s) == (3, 45)


def test_capacity_plan_errors(tmp_path: Path):
    config, state = copy_config(tmp_path)
    capacity = state / "dev" / "capacity.json"
    good = json.loads(capacity.read_text())
    capacity.write_text(json.dumps({"min_instances": 1}))
    with pytest.raises(StageConfigError, match=r"capacity.json: instance_type: missing; .*max_in"):
        load_stage("dev", config_dir=config, state_root=state)
    capacity.write_text(json.dumps(dict(good, min_instances=5, max_instances=2)))
    with pytest.raises(StageConfigError, match="max_instances must be >= min_instances"):
        load_stage("dev", config_dir=config, state_root=state)
    # A plan made for another instance type no longer fits the stage: it must be redone.
    capacity.write_text(json.dumps(dict(good, instance_type="ml.g6.xlarge")))
    with pytest.raises(StageConfigError, match=r"planned for ml\.g6\.xlarge.*plan-capacity"):
        load_stage("dev", config_dir=config, state_root=state)
    capacity.unlink()
    with pytest.raises(StageConfigError, match="missing capacity plan"):
        load_stage("dev", config_dir=config, state_root=state)


def test_fresh_clone_names_no_base_model_and_no_deployment():
    for stage in ("dev", "prod"):
        settings = load_stage(stage)
        assert settings.base_model is None and settings.model_data is None
    assert load_stage("prod").network_isolation and not load_stage("dev").network_isolation


def test_deploy_state_is_read_and_checked_against_the_stage(tmp_path: Path):
    config, state = copy_config(tmp_path)
    set_base_model(config, "dev")
    assert load_stage("dev", config_dir=config, state_root=state).model_data is None
    write_deploy_state(state, "dev")
    settings = load_stage("dev", config_dir=config, state_root=state)
    assert (settings.model_data, settings.base_model) == (MODEL_DATA, BASE_MODEL)
    # Written for another stage (copied by hand): refused.
    (state / "dev" / "deploy.json").write_text(
        (state / "dev" / "deploy.json").read_text().replace('"dev"', '"prod"')
    )
    with pytest.raises(StageConfigError, match="written for stage 'prod', not 'dev'"):
        load_stage("dev", config_dir=config, state_root=state)
    # Built on another base model than the stage names now: deploy again.
    write_deploy_state(state, "dev", base_model="base-models/other/0123456789ab/")
    with pytest.raises(StageConfigError, match=r"built on base model .*quantreason aws deploy"):
        load_stage("dev", config_dir=config, state_root=state)
    # Not an S3 prefix (e.g. the old model.tar.gz form).
    write_deploy_state(state, "dev", model_data="s3://bucket/artifacts/model.tar.gz")
    with pytest.raises(StageConfigError, match="model_data: not an s3://BUCKET/PREFIX/ URI"):
        load_stage("dev", config_dir=config, state_root=state)


def test_base_model_must_be_a_staged_prefix_not_a_hub_id(tmp_path: Path):
    config, state = copy_config(tmp_path)
    set_base_model(config, "dev", "mistralai/Mistral-7B-Instruct-v0.3")
    with pytest.raises(StageConfigError, match="quantreason aws stage-base-model"):
        load_stage("dev", config_dir=config, state_root=state)


def test_vpc_settings_are_checked(tmp_path: Path):
    config, state = copy_config(tmp_path)
    stage_file = config / "stages" / "dev.yaml"
    stage_file.write_text(
        stage_file.read_text() + "vpc:\n  subnet_ids: [subnet-0123456789abcdef0]\n"
        "  security_group_ids: [default]\n"
    )
    with pytest.raises(
        StageConfigError, match=r"vpc\.security_group_ids\[0\]: not a security group id: 'default'"
    ):
        load_stage("dev", config_dir=config, state_root=state)
    stage_file.write_text(stage_file.read_text().replace("[default]", "[sg-0123456789abcdef0]"))
    vpc = load_stage("dev", config_dir=config, state_root=state).vpc
    assert vpc is not None and vpc.subnet_ids == ("subnet-0123456789abcdef0",)


def test_overrides(tmp_path: Path):
    config, state = copy_config(tmp_path)
    other = load_stage(
        "dev", config_dir=config, state_root=state, overrides={"region": "eu-west-1"}
    )
    assert other.region == "eu-west-1"
    with pytest.raises(StageConfigError, match="region: not an AWS region"):
        load_stage("dev", config_dir=config, state_root=state, overrides={"region": "moon"})
    with pytest.raises(StageConfigError, match="unknown stage overrides"):
        load_stage("dev", config_dir=config, state_root=state, overrides={"model_data_url": "x"})


def test_unknown_or_bad_stage_names():
    with pytest.raises(StageConfigError, match="known: dev, prod"):
        load_stage("staging")
    with pytest.raises(StageConfigError, match="bad stage name"):
        load_stage("../etc")


def test_bake_wait_shorter_than_the_rollback_alarm_window_is_refused(tmp_path: Path):
    config, state = copy_config(tmp_path)
    stage_file = config / "stages" / "dev.yaml"
    # 3 periods of 60 s need 180 s of data: a 120-s wait ends before the alarm can fire.
    text = stage_file.read_text().replace("wait_interval_s: 300", "wait_interval_s: 120")
    stage_file.write_text(text)
    with pytest.raises(StageConfigError, match="at least the rollback alarms' window"):
        load_stage("dev", config_dir=config, state_root=state)


def test_component_names_fit_sagemakers_63_characters():
    from quantreason import naming
    from quantreason.stages import COMPONENT_NAME_RE

    assert COMPONENT_NAME_RE.match("a" * 32) and not COMPONENT_NAME_RE.match("a" * 33)
    assert not COMPONENT_NAME_RE.match("a-" * 20 + "a")  # 41 characters, hyphens between
    assert COMPONENT_NAME_RE.match("rates-v2") and not COMPONENT_NAME_RE.match("a--b")
    assert not COMPONENT_NAME_RE.match("-a") and not COMPONENT_NAME_RE.match("Rates")
    for stage in ("dev", "prod"):
        longest = naming.component_name(load_stage(stage).endpoint_name, "a" * 32)
        assert len(longest) <= 63, longest
