"""Per-stage deployment settings: ``config/stages/<stage>.yaml`` + the capacity plan.

The CDK app (``app.py``) and the operations CLI (``quantreason aws ...``) both read a stage
through :func:`load_stage`. Settings are frozen, typed dataclasses; unknown keys, missing keys
and bad values are all reported at once in one :class:`StageConfigError`, so a typo in a
YAML file never silently falls back to a default.

Sources, later ones winning:

1. ``config/stages/<stage>.yaml``: instance types, counts, timeouts, alarms, removal policy.
2. ``config/capacity/<stage>.json``: autoscaling numbers written by ``quantreason
   plan-capacity`` (target invocations per instance, min/max, cooldowns). Keys under
   ``autoscaling:`` in the stage YAML override single numbers from it.
3. ``config/deploy/<stage>.json``: ``{"model_data_url": "s3://..."}`` written by
   ``quantreason aws deploy``.
4. Overrides passed by the caller (CDK context ``-c region=... -c model_data_url=...``).

Kept import-light (no aws_cdk): the ops CLI imports it too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

import yaml

from quantreason.paths import CONFIG_DIR
from quantreason.settings import build_settings

STAGES_DIR = CONFIG_DIR / "stages"
CAPACITY_DIR = CONFIG_DIR / "capacity"
DEPLOY_DIR = CONFIG_DIR / "deploy"

_INSTANCE_RE = re.compile(r"^ml\.[a-z0-9]+\.[a-z0-9]+$")
_REGION_RE = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d$")
_ACCOUNT_RE = re.compile(r"^\d{12}$")
#: Period of the endpoint's auto-rollback alarms: SageMaker's invocation metrics are per minute.
ROLLBACK_ALARM_PERIOD_S = 60
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
    errors_5xx_per_minute: int = 2  # rollback alarm (60-s periods)
    errors_4xx_per_5min: int = 50  # notification only: client mistakes are no reason to roll back
    evaluation_periods: int = 3  # of the rollback alarms: window = 60 s x this


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
    base_model_id: str = "mistralai/Mistral-7B-Instruct-v0.3"
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
    model_data_url: str | None  # None: the default key in the artifacts bucket
    kms: bool = False  # customer-managed, rotated KMS keys for the buckets and training logs

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
) -> StageSettings:
    """Load and validate one stage; ``overrides`` may set ``region``, ``account``,
    ``model_data_url`` (CDK context values)."""
    if not STAGE_NAME_RE.match(stage):
        raise StageConfigError(f"bad stage name {stage!r}: lowercase letters, digits and '-'")
    stage_file = config_dir / "stages" / f"{stage}.yaml"
    if not stage_file.is_file():
        known = ", ".join(available_stages(config_dir / "stages")) or "none"
        raise StageConfigError(f"no settings for stage {stage!r} ({stage_file}); known: {known}")
    raw = yaml.safe_load(stage_file.read_text()) or {}
    if not isinstance(raw, dict):
        raise StageConfigError(f"{stage_file}: expected a mapping at the top level")

    capacity = _load_capacity(config_dir / "capacity" / f"{stage}.json")
    capacity.update(raw.pop("autoscaling", None) or {})
    deploy_file = config_dir / "deploy" / f"{stage}.json"
    model_data_url = None
    if deploy_file.is_file():
        model_data_url = _read_json(deploy_file).get("model_data_url")

    overrides = dict(overrides or {})
    unknown = set(overrides) - {"region", "account", "model_data_url"}
    if unknown:
        raise StageConfigError(f"unknown stage overrides {sorted(unknown)}")
    merged = {
        **raw,
        "name": stage,
        "autoscaling": capacity,
        "model_data_url": model_data_url,
    }
    merged.setdefault("account", None)
    merged.update({k: v for k, v in overrides.items() if v not in (None, "")})

    settings = build_settings(StageSettings, merged, str(stage_file), StageConfigError)
    errors = _check_values(settings)  # ranges and formats, once every type is right
    if errors:
        raise StageConfigError(f"{stage_file}: " + "; ".join(errors))
    return settings


def _load_capacity(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise StageConfigError(
            f"missing capacity plan {path}: run 'quantreason plan-capacity --stage ...' "
            "or commit the initial one"
        )
    data = _read_json(path)
    missing = _CAPACITY_KEYS - set(data)
    if missing:
        raise StageConfigError(f"{path}: missing keys {sorted(missing)}")
    return {k: data[k] for k in _CAPACITY_KEYS}


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
    need(e.base_model_id.count("/") == 1, "endpoint.base_model_id: a hub id 'org/name'")
    for key in ("startup_health_check_timeout_s", "model_data_download_timeout_s"):
        need(60 <= getattr(e, key) <= 3600, f"endpoint.{key}: 60..3600 (SageMaker's range)")
    need(e.alarms.latency_p95_ms > 0, "endpoint.alarms.latency_p95_ms: must be positive")
    need(e.alarms.evaluation_periods >= 1, "endpoint.alarms.evaluation_periods: >= 1")
    need(1 <= e.deployment.batch_percent <= 100, "endpoint.deployment.batch_percent: 1..100")
    need(0 <= e.deployment.wait_interval_s <= 3600, "endpoint.deployment.wait_interval_s: 0..3600")
    need(
        e.deployment.wait_interval_s >= ROLLBACK_ALARM_PERIOD_S * e.alarms.evaluation_periods,
        "endpoint.deployment.wait_interval_s: at least the rollback alarms' window "
        f"({ROLLBACK_ALARM_PERIOD_S} s x alarms.evaluation_periods), or they cannot fire in time",
    )
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
    url = s.model_data_url
    need(
        url is None or url.startswith("s3://") or url.endswith(".tar.gz"),
        f"model_data_url: an s3:// URI or a local .tar.gz file, got {url!r}",
    )
    return errors
