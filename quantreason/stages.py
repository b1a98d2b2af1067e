"""Per-stage deployment settings: ``config/stages/<stage>.yaml`` + the stage's machine state.

The CDK app (``app.py``) and the operations CLI (``quantreason aws ...``) both read a stage
through :func:`load_stage`. Settings are frozen pydantic models (:mod:`quantreason.settings`);
unknown keys, missing keys and bad values are all reported at once in one
:class:`StageConfigError`, so a typo in a YAML file never silently falls back to a default.

Hand-kept configuration and machine-written state live apart. Sources, later ones winning:

1. ``config/stages/<stage>.yaml`` (hand-kept): instance types, counts, timeouts, alarms, removal.
2. ``state/<stage>/capacity.json`` (written by ``quantreason plan-capacity``): autoscaling
   numbers, checked against the stage: a plan made for another instance type fails. Keys under
   ``autoscaling:`` in the stage YAML override single numbers from it.
3. ``state/<stage>/deploy.json`` (written by ``quantreason aws deploy``):
   ``{"model_data_url": "s3://..."}``.
4. Overrides passed by the caller (CDK context ``-c region=... -c model_data_url=...``).

Kept import-light (no aws_cdk): the ops CLI imports it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, Field, model_validator

from quantreason.paths import CONFIG_DIR, STATE_DIR
from quantreason.settings import Bool, Int, Number, Settings, Text, build_settings

STAGES_DIR = CONFIG_DIR / "stages"

#: Period of the endpoint's auto-rollback alarms: SageMaker's invocation metrics are per minute.
ROLLBACK_ALARM_PERIOD_S = 60
STAGE_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,15}$")  # short: it goes into stack names
OVERRIDABLE = ("region", "account", "model_data_url")


class StageConfigError(ValueError):
    """A stage file (or the state files beside it) that cannot be used."""


def _matching(pattern: str, what: str) -> AfterValidator:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise ValueError(f"not {what}: {value!r}")
        return value

    return AfterValidator(check)


InstanceType = Annotated[Text, _matching(r"^ml\.[a-z0-9]+\.[a-z0-9]+$", "an ml.* instance type")]
Region = Annotated[Text, _matching(r"^[a-z]{2}(-[a-z]+)+-\d$", "an AWS region")]
Account = Annotated[Text, _matching(r"^\d{12}$", "a 12-digit AWS account id")]
HubId = Annotated[Text, _matching(r"^[^/\s]+/[^/\s]+$", "a hub id 'org/name'")]
#: SageMaker's own range for the endpoint's health-check and download timeouts.
EndpointTimeout = Annotated[Int, Field(ge=60, le=3600)]


class TrainingSettings(Settings):
    """The SageMaker training job that the Training stack's state machine starts."""

    instance_type: InstanceType = "ml.g5.12xlarge"  # 4x A10G: the reference system's machine
    instance_count: Int = Field(1, ge=1, le=16)  # >1: torch distributed across instances
    volume_size_gb: Int = Field(100, ge=10, le=16384)  # base model weights + checkpoints
    max_runtime_s: Int = Field(4 * 3600, ge=600, le=28 * 86400)
    profile: Text = "cloud-g5.12xlarge"  # config/train/<profile>.yaml inside the code bundle
    spot: Bool = False  # managed spot: ~60-70 % cheaper, resumes from S3 checkpoints
    max_wait_s: Int = 8 * 3600  # spot only: runtime + time spent waiting for capacity

    @model_validator(mode="after")
    def _spot_wait_covers_runtime(self) -> TrainingSettings:
        if self.spot and self.max_wait_s < self.max_runtime_s:
            raise ValueError("max_wait_s must be >= max_runtime_s for spot training")
        return self


class AlarmSettings(Settings):
    """CloudWatch alarms on the endpoint (also the auto-rollback triggers of deployments)."""

    latency_p95_ms: Number = Field(3000.0, gt=0)
    errors_5xx_per_minute: Int = Field(2, ge=0)  # rollback alarm (60-s periods)
    errors_4xx_per_5min: Int = Field(50, ge=0)  # notification only: no rollback on client errors
    evaluation_periods: Int = Field(3, ge=1)  # of the rollback alarms: window = 60 s x this


class DataCaptureSettings(Settings):
    """Present in a stage file: request/response capture to the artifacts bucket is on."""

    sampling_percent: Int = Field(20, ge=1, le=100)


class DeploymentSettings(Settings):
    """How a new endpoint config rolls out (both roll back automatically on alarms)."""

    strategy: Literal["rolling", "blue_green"] = "rolling"
    batch_percent: Int = Field(50, ge=1, le=100)  # rolling: capacity replaced per step
    wait_interval_s: Int = Field(300, ge=0, le=3600)  # watch alarms this long between steps
    max_execution_s: Int = Field(3600, ge=600, le=28800)


class EndpointSettings(Settings):
    """Model, endpoint config and endpoint of the Endpoint stack."""

    instance_type: InstanceType = "ml.g5.xlarge"
    base_model_id: HubId = "mistralai/Mistral-7B-Instruct-v0.3"
    parked: Bool = False  # true: no endpoint, no scaling, no spend; model + config kept
    startup_health_check_timeout_s: EndpointTimeout = 900  # a 7B model needs minutes to load
    model_data_download_timeout_s: EndpointTimeout = 900
    alarms: AlarmSettings = AlarmSettings()
    deployment: DeploymentSettings = DeploymentSettings()
    data_capture: DataCaptureSettings | None = None

    @model_validator(mode="after")
    def _bake_wait_covers_the_rollback_alarms(self) -> EndpointSettings:
        window = ROLLBACK_ALARM_PERIOD_S * self.alarms.evaluation_periods
        if self.deployment.wait_interval_s < window:
            raise ValueError(
                f"deployment.wait_interval_s ({self.deployment.wait_interval_s} s) must be at "
                f"least the rollback alarms' window ({ROLLBACK_ALARM_PERIOD_S} s x "
                f"alarms.evaluation_periods = {window} s), or they cannot fire in time"
            )
        return self


class AutoscalingSettings(Settings):
    """Target tracking on SageMakerVariantInvocationsPerInstance (from the capacity plan)."""

    target_invocations_per_instance: Number = Field(gt=0)
    min_instances: Int = Field(ge=1)  # a real-time endpoint keeps one instance
    max_instances: Int = Field(le=100)
    scale_in_cooldown_s: Int = Field(ge=0)
    scale_out_cooldown_s: Int = Field(ge=0)

    @model_validator(mode="after")
    def _max_covers_min(self) -> AutoscalingSettings:
        if self.max_instances < self.min_instances:
            raise ValueError("max_instances must be >= min_instances")
        return self


def _model_data_url(value: str) -> str:
    if not (value.startswith("s3://") or value.endswith(".tar.gz")):
        raise ValueError(f"an s3:// URI or a local .tar.gz file, got {value!r}")
    return value


class StageSettings(Settings):
    """Everything the CDK app needs to build one stage."""

    name: Annotated[Text, _matching(STAGE_NAME_RE.pattern, "a stage name")]
    region: Region
    account: Account | None = None  # None: the account of the deploying credentials
    removal: Literal["destroy", "retain"]  # destroy: buckets emptied and deleted with the stack
    log_retention_days: Int = Field(gt=0)
    noncurrent_version_expiry_days: Int = Field(gt=0)
    training: TrainingSettings = TrainingSettings()
    endpoint: EndpointSettings = EndpointSettings()
    autoscaling: AutoscalingSettings
    # None: no adapter deployed yet (``quantreason aws deploy`` names one)
    model_data_url: Annotated[Text, AfterValidator(_model_data_url)] | None = None
    kms: Bool = False  # customer-managed, rotated KMS keys for the buckets and training logs

    @property
    def endpoint_name(self) -> str:
        """Fixed endpoint name: alarms and scaling refer to it without a dependency cycle."""
        return f"quantreason-{self.name}"


class CapacityState(Settings):
    """``state/<stage>/capacity.json``: what the stage reads of a capacity plan.

    The planner also records its inputs and costs there for people; those are not settings.
    """

    model_config = Settings.model_config | {"extra": "ignore"}

    instance_type: InstanceType  # the plan holds for this instance type only
    target_invocations_per_instance: Number
    min_instances: Int
    max_instances: Int
    scale_in_cooldown_s: Int
    scale_out_cooldown_s: Int

    def autoscaling(self) -> dict[str, Any]:
        """The autoscaling numbers (validated later, with the YAML's overrides applied)."""
        return self.model_dump(include=set(AutoscalingSettings.model_fields))


class DeployState(Settings):
    """``state/<stage>/deploy.json``: the adapter artifact the Endpoint stack serves."""

    model_data_url: Text


def state_dir(stage: str, state_root: Path | None = None) -> Path:
    """``state/<stage>/``: what the tools write for a stage (not hand-kept configuration).

    ``state_root`` defaults to the repository's ``state/``.
    """
    return (state_root or STATE_DIR) / stage


def capacity_state_file(stage: str, state_root: Path | None = None) -> Path:
    """Written by ``quantreason plan-capacity --stage``; read by :func:`load_stage`."""
    return state_dir(stage, state_root) / "capacity.json"


def deploy_state_file(stage: str, state_root: Path | None = None) -> Path:
    """Written by ``quantreason aws deploy``; read by :func:`load_stage`."""
    return state_dir(stage, state_root) / "deploy.json"


def available_stages(stages_dir: Path = STAGES_DIR) -> list[str]:
    """Stage names that have a settings file."""
    return sorted(p.stem for p in stages_dir.glob("*.yaml"))


def load_stage(
    stage: str,
    *,
    overrides: dict[str, str] | None = None,
    config_dir: Path | None = None,
    state_root: Path | None = None,
) -> StageSettings:
    """Load and validate one stage; ``overrides`` may set ``region``, ``account``,
    ``model_data_url`` (CDK context values)."""
    if not STAGE_NAME_RE.match(stage):
        raise StageConfigError(f"bad stage name {stage!r}: lowercase letters, digits and '-'")
    config_dir, state_root = config_dir or CONFIG_DIR, state_root or STATE_DIR
    stage_file = config_dir / "stages" / f"{stage}.yaml"
    if not stage_file.is_file():
        known = ", ".join(available_stages(config_dir / "stages")) or "none"
        raise StageConfigError(f"no settings for stage {stage!r} ({stage_file}); known: {known}")
    raw = yaml.safe_load(stage_file.read_text()) or {}
    if not isinstance(raw, dict):
        raise StageConfigError(f"{stage_file}: expected a mapping at the top level")

    overrides = dict(overrides or {})
    unknown = set(overrides) - set(OVERRIDABLE)
    if unknown:
        raise StageConfigError(f"unknown stage overrides {sorted(unknown)}; allowed: {OVERRIDABLE}")
    merged: dict[str, Any] = {**raw, "name": stage}
    capacity = _load_capacity(stage, state_root)
    merged["autoscaling"] = {**capacity.autoscaling(), **(raw.get("autoscaling") or {})}
    deploy = _load_deploy(stage, state_root)
    if deploy is not None:
        merged["model_data_url"] = deploy.model_data_url
    merged.update({k: v for k, v in overrides.items() if v not in (None, "")})

    settings = build_settings(StageSettings, merged, str(stage_file), StageConfigError)
    if capacity.instance_type != settings.endpoint.instance_type:
        raise StageConfigError(
            f"{capacity_state_file(stage, state_root)}: planned for {capacity.instance_type}, "
            f"but the stage's endpoint runs {settings.endpoint.instance_type}: re-plan with "
            f"'quantreason plan-capacity --stage {stage} --instance-type "
            f"{settings.endpoint.instance_type} ...'"
        )
    return settings


def stage_region(stage: str, config_dir: Path | None = None) -> str | None:
    """The stage's region for the operations CLI, or None for a stage with no settings file.

    The whole stage is validated: a broken stage file fails here, not half-way through a command.
    """
    config_dir = config_dir or CONFIG_DIR
    if not (config_dir / "stages" / f"{stage}.yaml").is_file():
        return None
    return load_stage(stage, config_dir=config_dir).region


def _load_capacity(stage: str, state_root: Path) -> CapacityState:
    path = capacity_state_file(stage, state_root)
    if not path.is_file():
        raise StageConfigError(
            f"missing capacity plan {path}: run 'quantreason plan-capacity --stage {stage} ...' "
            "or commit the initial one"
        )
    return build_settings(CapacityState, _read_json(path), str(path), StageConfigError)


def _load_deploy(stage: str, state_root: Path) -> DeployState | None:
    path = deploy_state_file(stage, state_root)
    if not path.is_file():
        return None
    return build_settings(DeployState, _read_json(path), str(path), StageConfigError)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as err:
        raise StageConfigError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(data, dict):
        raise StageConfigError(f"{path}: expected a JSON object")
    return data
