"""Per-stage deployment settings: ``config/stages/<stage>.yaml`` + the state beside it.

The CDK app (``app.py``) and the operations CLI (``quantreason aws ...``) both read a stage
through :func:`load_stage`. Settings are frozen, typed dataclasses; unknown keys, missing keys
and bad values are all reported at once in one :class:`StageConfigError`, so a typo in a
YAML file never silently falls back to a default.

Sources, later ones winning:

1. ``config/stages/<stage>.yaml`` (hand-kept): instance types, counts, timeouts, alarms,
   removal policy, the staged base model's S3 prefix, network isolation and VPC.
2. ``state/<stage>/capacity.json`` (written by ``quantreason plan-capacity``): autoscaling
   numbers (target invocations per instance, min/max, cooldowns), valid only for the
   instance type it was planned for. Keys under ``autoscaling:`` in the stage YAML override
   single numbers from it.
3. ``state/<stage>/deploy.json`` (written by ``quantreason aws deploy``): the serving data
   prefix (adapter + ``code/`` + a copy of the base weights). Absent on a fresh clone: the
   Endpoint stack then holds no model or endpoint.
4. Overrides passed by the caller (CDK context ``-c region=... -c account=...``).

Machine-written files live under ``state/``, apart from ``config/``, and are checked on load
against the stage they were written for.

Kept import-light (no aws_cdk): the ops CLI imports it too.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

import yaml

from quantreason.paths import CONFIG_DIR, STATE_DIR
from quantreason.settings import build_settings

STAGES_DIR = CONFIG_DIR / "stages"
CAPACITY_FILE = "capacity.json"
DEPLOY_FILE = "deploy.json"
#: The command that puts base weights in S3 (named by every error about a missing base model).
STAGE_BASE_MODEL_COMMAND = "quantreason aws stage-base-model"

_INSTANCE_RE = re.compile(r"^ml\.[a-z0-9]+\.[a-z0-9]+$")
_REGION_RE = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d$")
_ACCOUNT_RE = re.compile(r"^\d{12}$")
#: ``base-models/<name>/<first 12 hex of the manifest's sha256>/`` in the artifacts bucket.
BASE_MODEL_PREFIX_RE = re.compile(r"^base-models/[a-z0-9][a-z0-9._-]{0,63}/[0-9a-f]{12}/$")
#: ``s3://<bucket>/<key prefix>/``: uncompressed serving data (SageMaker S3Prefix, ends in /).
SERVING_URI_RE = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/(\S+/)$")
_SUBNET_RE = re.compile(r"^subnet-[0-9a-f]{8,17}$")
_SECURITY_GROUP_RE = re.compile(r"^sg-[0-9a-f]{8,17}$")
STAGE_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,15}$")  # short: it goes into stack names


class StageConfigError(ValueError):
    """A stage file (or the capacity/deploy file beside it) that cannot be used."""


@dataclass(frozen=True)
class TrainingSettings:
    """The SageMaker training job that the Training stack's state machine starts."""

    instance_type: str = "ml.g5.12xlarge"  # 4x A10G: the reference system's machine
    instance_count: int = 1  # >1: torch distributed across instances, same code
    volume_size_gb: int = 100  # base model weights + checkpoints
    max_runtime_s: int = 4 * 3600
    profile: str = "cloud-g5.12xlarge"  # config/train/<profile>.yaml inside the code bundle
    spot: bool = False  # managed spot: ~60-70 % cheaper, resumes from S3 checkpoints
    max_wait_s: int = 8 * 3600  # spot only: runtime + time spent waiting for capacity


@dataclass(frozen=True)
class AlarmSettings:
    """CloudWatch alarms on the endpoint (also the auto-rollback triggers of deployments)."""

    latency_p95_ms: float = 3000.0
    errors_5xx_per_5min: int = 5
    errors_4xx_per_5min: int = 50
    evaluation_periods: int = 3


@dataclass(frozen=True)
class DataCaptureSettings:
    """Present in a stage file: request/response capture to the artifacts bucket is on."""

    sampling_percent: int = 20


@dataclass(frozen=True)
class DeploymentSettings:
    """How a new endpoint config rolls out (both roll back automatically on alarms)."""

    strategy: Literal["rolling", "blue_green"] = "rolling"
    batch_percent: int = 50  # rolling: capacity replaced per step
    wait_interval_s: int = 300  # watch alarms this long between steps / before switching
    max_execution_s: int = 3600


@dataclass(frozen=True)
class EndpointSettings:
    """Model, endpoint config and endpoint of the Endpoint stack."""

    instance_type: str = "ml.g5.xlarge"
    parked: bool = False  # true: no endpoint, no scaling, no spend; model + config kept
    startup_health_check_timeout_s: int = 900  # a 7B model needs minutes to load
    model_data_download_timeout_s: int = 900
    alarms: AlarmSettings = field(default_factory=AlarmSettings)
    deployment: DeploymentSettings = field(default_factory=DeploymentSettings)
    data_capture: DataCaptureSettings | None = None


@dataclass(frozen=True)
class AutoscalingSettings:
    """Target tracking on SageMakerVariantInvocationsPerInstance (from the capacity plan)."""

    target_invocations_per_instance: float
    min_instances: int
    max_instances: int
    scale_in_cooldown_s: int
    scale_out_cooldown_s: int


@dataclass(frozen=True)
class VpcSettings:
    """Present in a stage file: training jobs and the endpoint run in these subnets.

    The subnets need an S3 gateway endpoint (data, checkpoints, model data) when they have no
    NAT; see the README's "Operating in AWS".
    """

    subnet_ids: tuple[str, ...]
    security_group_ids: tuple[str, ...]


@dataclass(frozen=True)
class StageSettings:
    """Everything the CDK app needs to build one stage."""

    name: str
    region: str
    account: str | None  # None: the account of the deploying credentials
    removal: Literal["destroy", "retain"]  # destroy: buckets emptied and deleted with the stack
    log_retention_days: int
    noncurrent_version_expiry_days: int
    training: TrainingSettings
    endpoint: EndpointSettings
    autoscaling: AutoscalingSettings
    model_data: str | None  # s3://.../ serving prefix from state/<stage>/deploy.json; None: none
    # base-models/<name>/<sha12>/ in the artifacts bucket (printed by stage-base-model); None:
    # nothing staged yet, so no training state machine and no endpoint.
    base_model: str | None = None
    network_isolation: bool = False  # true: no outbound network in training and serving
    vpc: VpcSettings | None = None  # optional subnets + security groups for both

    @property
    def endpoint_name(self) -> str:
        """Fixed endpoint name: alarms and scaling refer to it without a dependency cycle."""
        return f"quantreason-{self.name}"


# Keys of the capacity plan that feed AutoscalingSettings; other keys (costs, inputs) are kept
# by the planner for people and ignored here.
_CAPACITY_KEYS = {f.name for f in fields(AutoscalingSettings)}


def available_stages(stages_dir: Path = STAGES_DIR) -> list[str]:
    """Stage names that have a settings file."""
    return sorted(p.stem for p in stages_dir.glob("*.yaml"))


def load_stage(
    stage: str,
    *,
    overrides: dict[str, str] | None = None,
    config_dir: Path = CONFIG_DIR,
    state_dir: Path = STATE_DIR,
) -> StageSettings:
    """Load and validate one stage; ``overrides`` may set ``region`` and ``account`` (CDK
    context values). ``state_dir`` holds the machine-written ``<stage>/*.json`` files."""
    if not STAGE_NAME_RE.match(stage):
        raise StageConfigError(f"bad stage name {stage!r}: lowercase letters, digits and '-'")
    stage_file = config_dir / "stages" / f"{stage}.yaml"
    if not stage_file.is_file():
        known = ", ".join(available_stages(config_dir / "stages")) or "none"
        raise StageConfigError(f"no settings for stage {stage!r} ({stage_file}); known: {known}")
    raw = yaml.safe_load(stage_file.read_text()) or {}
    if not isinstance(raw, dict):
        raise StageConfigError(f"{stage_file}: expected a mapping at the top level")

    capacity_path = state_dir / stage / CAPACITY_FILE
    capacity, planned_for = _load_capacity(capacity_path)
    capacity.update(raw.pop("autoscaling", None) or {})

    overrides = dict(overrides or {})
    unknown = set(overrides) - {"region", "account"}
    if unknown:
        raise StageConfigError(f"unknown stage overrides {sorted(unknown)}")
    merged = {**raw, "name": stage, "autoscaling": capacity, "model_data": None}
    merged.setdefault("account", None)
    merged.update({k: v for k, v in overrides.items() if v not in (None, "")})

    settings = build_settings(StageSettings, merged, str(stage_file), StageConfigError)
    errors = _check_values(settings)  # ranges and formats, once every type is right
    if errors:
        raise StageConfigError(f"{stage_file}: " + "; ".join(errors))
    if planned_for != settings.endpoint.instance_type:
        raise StageConfigError(
            f"{capacity_path} was planned for {planned_for}, the stage serves on "
            f"{settings.endpoint.instance_type}: run 'quantreason plan-capacity --stage {stage}' "
            "for the new instance type"
        )
    model_data = read_deploy_state(settings, state_dir / stage / DEPLOY_FILE)
    return dataclasses.replace(settings, model_data=model_data)


def read_deploy_state(settings: StageSettings, path: Path) -> str | None:
    """The serving prefix ``state/<stage>/deploy.json`` names, checked against the stage.

    A file written for another stage, or for another base model than the stage names now,
    fails: deploying it would serve an adapter on weights it was not trained for.
    """
    if not path.is_file():
        return None
    data = _read_json(path)
    problems = []
    if data.get("stage") != settings.name:
        problems.append(f"written for stage {data.get('stage')!r}, not {settings.name!r}")
    model_data = data.get("model_data")
    if not isinstance(model_data, str) or not SERVING_URI_RE.match(model_data):
        problems.append(f"model_data: an s3://BUCKET/PREFIX/ URI, got {model_data!r}")
    if settings.base_model is None or data.get("base_model") != settings.base_model:
        problems.append(
            f"built on base model {data.get('base_model')!r}, the stage names "
            f"{settings.base_model!r}: run 'quantreason aws deploy ADAPTER --stage "
            f"{settings.name}' again"
        )
    if problems:
        raise StageConfigError(f"{path}: " + "; ".join(problems))
    return model_data


def _load_capacity(path: Path) -> tuple[dict[str, Any], str | None]:
    """The autoscaling numbers of the capacity plan and the instance type it was made for."""
    if not path.is_file():
        raise StageConfigError(
            f"missing capacity plan {path}: run 'quantreason plan-capacity --stage ...' "
            "or commit the initial one"
        )
    data = _read_json(path)
    missing = (_CAPACITY_KEYS | {"instance_type"}) - set(data)
    if missing:
        raise StageConfigError(f"{path}: missing keys {sorted(missing)}")
    return {k: data[k] for k in _CAPACITY_KEYS}, data["instance_type"]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as err:
        raise StageConfigError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(data, dict):
        raise StageConfigError(f"{path}: expected a JSON object")
    return data


def _check_values(s: StageSettings) -> list[str]:
    """Range and format checks that types alone cannot express."""
    errors: list[str] = []

    def need(ok: bool, message: str) -> None:
        if not ok:
            errors.append(message)

    need(bool(_REGION_RE.match(s.region)), f"region: not an AWS region: {s.region!r}")
    need(s.account is None or bool(_ACCOUNT_RE.match(str(s.account))), "account: 12 digits")
    need(s.log_retention_days > 0, "log_retention_days: must be positive")
    need(s.noncurrent_version_expiry_days > 0, "noncurrent_version_expiry_days: must be positive")
    t, e, a = s.training, s.endpoint, s.autoscaling
    for where, itype in (("training", t.instance_type), ("endpoint", e.instance_type)):
        need(bool(_INSTANCE_RE.match(itype)), f"{where}.instance_type: not ml.*: {itype!r}")
    need(1 <= t.instance_count <= 16, "training.instance_count: 1..16")
    need(10 <= t.volume_size_gb <= 16384, "training.volume_size_gb: 10..16384")
    need(600 <= t.max_runtime_s <= 28 * 86400, "training.max_runtime_s: 600..2419200")
    need(not t.spot or t.max_wait_s >= t.max_runtime_s, "training.max_wait_s: >= max_runtime_s")
    need(
        s.base_model is None or bool(BASE_MODEL_PREFIX_RE.match(s.base_model)),
        f"base_model: the prefix printed by '{STAGE_BASE_MODEL_COMMAND}' "
        f"(base-models/<name>/<sha12>/), not {s.base_model!r}; hub ids are staged to S3 "
        "first so that no job or endpoint downloads from the hub",
    )
    if s.vpc is not None:
        need(bool(s.vpc.subnet_ids), "vpc.subnet_ids: at least one subnet")
        need(bool(s.vpc.security_group_ids), "vpc.security_group_ids: at least one group")
        bad = [x for x in s.vpc.subnet_ids if not _SUBNET_RE.match(x)]
        bad += [x for x in s.vpc.security_group_ids if not _SECURITY_GROUP_RE.match(x)]
        need(not bad, f"vpc: not subnet-/sg- ids: {bad}")
    for key in ("startup_health_check_timeout_s", "model_data_download_timeout_s"):
        need(60 <= getattr(e, key) <= 3600, f"endpoint.{key}: 60..3600 (SageMaker's range)")
    need(e.alarms.latency_p95_ms > 0, "endpoint.alarms.latency_p95_ms: must be positive")
    need(e.alarms.evaluation_periods >= 1, "endpoint.alarms.evaluation_periods: >= 1")
    need(1 <= e.deployment.batch_percent <= 100, "endpoint.deployment.batch_percent: 1..100")
    need(0 <= e.deployment.wait_interval_s <= 3600, "endpoint.deployment.wait_interval_s: 0..3600")
    need(
        600 <= e.deployment.max_execution_s <= 28800,
        "endpoint.deployment.max_execution_s: 600..28800",
    )
    if e.data_capture is not None:
        need(
            1 <= e.data_capture.sampling_percent <= 100,
            "endpoint.data_capture.sampling_percent: 1..100",
        )
    need(a.target_invocations_per_instance > 0, "autoscaling.target_invocations_per_instance: > 0")
    need(a.min_instances >= 1, "autoscaling.min_instances: >= 1 (a real-time endpoint)")
    need(a.max_instances >= a.min_instances, "autoscaling.max_instances: >= min_instances")
    need(a.max_instances <= 100, "autoscaling.max_instances: <= 100")
    need(a.scale_in_cooldown_s >= 0, "autoscaling.scale_in_cooldown_s: >= 0")
    need(a.scale_out_cooldown_s >= 0, "autoscaling.scale_out_cooldown_s: >= 0")
    return errors
