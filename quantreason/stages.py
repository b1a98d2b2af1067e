"""Per-stage deployment settings: ``config/stages/<stage>.yaml`` + the stage's machine state.

The CDK app (``app.py``) and the operations CLI (``quantreason aws ...``) both read a stage
through :func:`load_stage`. Settings are frozen pydantic models (:mod:`quantreason.settings`);
unknown keys, missing keys and bad values are all reported at once in one
:class:`StageConfigError`, so a typo in a YAML file never silently falls back to a default.

Hand-kept configuration and machine-written state live apart. Sources, later ones winning:

1. ``config/stages/<stage>.yaml`` (hand-kept): instance types, counts, timeouts, alarms, removal,
   the staged base model's S3 prefix, network isolation and VPC.
2. ``state/<stage>/capacity.json`` (written by ``quantreason plan-capacity``): autoscaling
   numbers, checked against the stage: a plan made for another instance type fails. Keys under
   ``autoscaling:`` in the stage YAML override single numbers from it.
3. ``state/<stage>/deploy.json`` (written by ``quantreason aws deploy``): the serving data
   prefix (adapter + ``code/`` + a copy of the base weights), checked against the stage and its
   base model. Absent on a fresh clone: the Endpoint stack then holds no model or endpoint.
4. Overrides passed by the caller (CDK context ``-c region=... -c account=...``).

Kept import-light (no aws_cdk): the ops CLI imports it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import AfterValidator, Field, model_validator

from quantreason.paths import CONFIG_DIR, STATE_DIR
from quantreason.precision import Precision
from quantreason.settings import Bool, Int, Number, Settings, Text, build_settings

STAGES_DIR = CONFIG_DIR / "stages"

#: Period of the endpoint's auto-rollback alarms: SageMaker's invocation metrics are per minute.
ROLLBACK_ALARM_PERIOD_S = 60
STAGE_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,15}$")  # short: it goes into stack names
OVERRIDABLE = ("region", "account")
#: The command that puts base weights in S3 (named by every error about a missing base model).
STAGE_BASE_MODEL_COMMAND = "quantreason aws stage-base-model"
#: ``base-models/<name>/<first 12 hex of the manifest's sha256>/`` in the artifacts bucket.
BASE_MODEL_PREFIX_RE = re.compile(r"^base-models/[a-z0-9][a-z0-9._-]{0,63}/[0-9a-f]{12}/$")
#: ``s3://<bucket>/<key prefix>/``: uncompressed serving data (SageMaker S3Prefix, ends in /).
SERVING_URI_RE = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/(\S+/)$")


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
BaseModelPrefix = Annotated[
    Text,
    _matching(
        BASE_MODEL_PREFIX_RE.pattern,
        f"the prefix printed by '{STAGE_BASE_MODEL_COMMAND}' (base-models/<name>/<sha12>/); "
        "hub ids are staged to S3 first so that no job or endpoint downloads from the hub",
    ),
]
ServingUri = Annotated[Text, _matching(SERVING_URI_RE.pattern, "an s3://BUCKET/PREFIX/ URI")]
#: An inference component's name part, 1-32 characters: SageMaker allows 63 in all, and the
#: full name is ``quantreason-<stage>-<part>`` (naming.component_name).
COMPONENT_NAME_RE = re.compile(r"^(?=.{1,32}$)[a-z0-9](-?[a-z0-9])*$")
ComponentName = Annotated[Text, _matching(COMPONENT_NAME_RE.pattern, "a component name")]
AdapterUri = Annotated[
    Text, _matching(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S+\.tar\.gz$", "s3://.../*.tar.gz")
]
SubnetId = Annotated[Text, _matching(r"^subnet-[0-9a-f]{8,17}$", "a subnet id")]
SecurityGroupId = Annotated[Text, _matching(r"^sg-[0-9a-f]{8,17}$", "a security group id")]
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


def retention_days(days: int) -> int:
    """The nearest CloudWatch retention at or above ``days`` (CloudWatch accepts a fixed list)."""
    allowed = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653]
    return next((d for d in allowed if d >= days), allowed[-1])


# The ranks vLLM's --max-lora-rank accepts (vllm.config.lora.MaxLoRARanks); any other value
# fails only when the endpoint starts, on the GPU.
VllmLoraRank = Literal[1, 8, 16, 32, 64, 128, 256, 320, 512]
VLLM_LORA_RANKS: tuple[int, ...] = get_args(VllmLoraRank)


class VllmSettings(Settings):
    """Engine ``lmi-vllm``: what the LMI container's vLLM backend is started with."""

    max_loras: Int = Field(4, ge=1, le=64)  # adapters resident on the GPU at once
    max_lora_rank: VllmLoraRank = 16  # >= the r of every served adapter; a value vLLM takes
    max_model_len: Int = Field(2048, ge=256)  # prompt + generated tokens per sequence


class CopySettings(Settings):
    """Inference components: what one copy of the base model reserves on an instance."""

    accelerators: Int = Field(1, ge=0, le=8)  # GPUs per copy; 0 on a CPU instance type
    memory_mb: Int = Field(8192, ge=1024)  # host memory reserved per copy


class EndpointSettings(Settings):
    """Model, endpoint config and endpoint of the Endpoint stack."""

    instance_type: InstanceType = "ml.g5.xlarge"
    # hf: the Hugging Face inference DLC with our toolkit handler (one request per worker);
    # lmi-vllm: the LMI container's vLLM backend (continuous batching, LoRA adapters).
    engine: Literal["hf", "lmi-vllm"] = "hf"
    # The served weights' number format: auto is bf16 on a GPU that computes it (A10G, L4,
    # A100, H100) and fp32 elsewhere. Not fp32 on a GPU: a 7B model's fp32 weights (~28 GB)
    # do not fit an ml.g5.xlarge's 24 GB. lmi-vllm: fp32 stays fp32, else bf16.
    precision: Precision = "auto"
    # Inference components (a base component + one per adapter); None: with lmi-vllm only.
    components: Bool | None = None
    # Components only: no instance and no copy while idle; the first request wakes it up.
    scale_to_zero: Bool = False
    vllm: VllmSettings = VllmSettings()
    per_copy: CopySettings = CopySettings()
    parked: Bool = False  # true: no endpoint, no scaling, no spend; model + config kept
    startup_health_check_timeout_s: EndpointTimeout = 900  # a 7B model needs minutes to load
    model_data_download_timeout_s: EndpointTimeout = 900
    alarms: AlarmSettings = AlarmSettings()
    deployment: DeploymentSettings = DeploymentSettings()
    data_capture: DataCaptureSettings | None = None

    @property
    def uses_components(self) -> bool:
        """Whether the endpoint hosts inference components instead of one model variant."""
        return self.engine == "lmi-vllm" if self.components is None else self.components

    @model_validator(mode="after")
    def _lmi_serves_adapters_as_components(self) -> EndpointSettings:
        if self.engine == "lmi-vllm" and not self.uses_components:
            raise ValueError(
                "engine lmi-vllm serves adapters only as inference components (leave "
                "components unset or true): on one model variant LMI would load the base "
                "alone and answer in its own schema, without the adapter or our model.py"
            )
        return self

    @model_validator(mode="after")
    def _scale_to_zero_needs_components(self) -> EndpointSettings:
        if self.scale_to_zero and not self.uses_components:
            raise ValueError(
                "scale_to_zero needs inference components (engine lmi-vllm or components: "
                "true): SageMaker scales only components to zero instances"
            )
        return self

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
    """Target tracking (numbers from the capacity plan).

    A single-model variant tracks ``SageMakerVariantInvocationsPerInstance`` (``metric:
    invocations``) or ``SageMakerVariantConcurrentRequestsPerModelHighResolution``
    (``concurrency``); inference components always track
    ``SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution``. The concurrency
    metrics use ``concurrency_target_per_copy``. With components, min/max count copies (one
    copy per instance) as well as instances.
    """

    metric: Literal["invocations", "concurrency"] = "invocations"
    target_invocations_per_instance: Number = Field(gt=0)
    # Concurrent requests per model copy (plan-capacity --bench); None: not planned yet.
    concurrency_target_per_copy: Number | None = Field(None, gt=0)
    min_instances: Int = Field(ge=1)  # a real-time endpoint keeps one instance
    max_instances: Int = Field(le=100)
    scale_in_cooldown_s: Int = Field(ge=0)
    scale_out_cooldown_s: Int = Field(ge=0)

    @model_validator(mode="after")
    def _max_covers_min(self) -> AutoscalingSettings:
        if self.max_instances < self.min_instances:
            raise ValueError("max_instances must be >= min_instances")
        return self


class VpcSettings(Settings):
    """Present in a stage file: training jobs and the endpoint run in these subnets.

    Without a NAT the subnets need an S3 gateway endpoint (channels, model data, checkpoints);
    see the README's "Operating in AWS".
    """

    subnet_ids: tuple[SubnetId, ...] = Field(min_length=1)
    security_group_ids: tuple[SecurityGroupId, ...] = Field(min_length=1)


class AdapterComponent(Settings):
    """One adapter served as its own inference component on the base component."""

    name: ComponentName  # the component is <endpoint name>-<name>
    artifact: AdapterUri  # model.tar.gz: the PEFT adapter (+ the LMI formatter's model.py)
    archive_sha256: Text


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
    # base-models/<name>/<sha12>/ in the artifacts bucket (printed by stage-base-model); None:
    # nothing staged yet, so no training state machine and no endpoint.
    base_model: BaseModelPrefix | None = None
    network_isolation: Bool = False  # true: no outbound network in training and serving
    vpc: VpcSettings | None = None  # optional subnets + security groups for both
    # s3://.../ serving prefix from state/<stage>/deploy.json; None: no adapter deployed yet
    model_data: ServingUri | None = None
    # adapter components from state/<stage>/deploy.json (lmi-vllm with components only)
    adapters: tuple[AdapterComponent, ...] = ()
    kms: Bool = False  # customer-managed, rotated KMS keys for the buckets and training logs

    @property
    def scales_on_concurrency(self) -> bool:
        """Whether target tracking follows concurrent requests (components always do)."""
        return self.endpoint.uses_components or self.autoscaling.metric == "concurrency"

    @property
    def serves_anything(self) -> bool:
        """Whether the Endpoint stack holds a model: serving data or adapter components."""
        return self.model_data is not None or bool(self.adapters)

    @model_validator(mode="after")
    def _adapters_need_lmi_components(self) -> StageSettings:
        if self.adapters and not (
            self.endpoint.engine == "lmi-vllm" and self.endpoint.uses_components
        ):
            raise ValueError(
                "adapter components need endpoint.engine lmi-vllm with inference components "
                "(the hf toolkit loads its one adapter from the serving data)"
            )
        if self.adapters and self.base_model is None:
            raise ValueError("adapter components need base_model (the base component's weights)")
        names = [a.name for a in self.adapters]
        if len(set(names)) != len(names):
            raise ValueError(f"adapter component names repeat: {names}")
        return self

    @model_validator(mode="after")
    def _concurrency_target_planned(self) -> StageSettings:
        if self.scales_on_concurrency and self.autoscaling.concurrency_target_per_copy is None:
            raise ValueError(
                "autoscaling.concurrency_target_per_copy is needed to scale on concurrent "
                f"requests: run 'quantreason plan-capacity --bench bench.json --stage {self.name} "
                "...' or set it under autoscaling:"
            )
        return self

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
    concurrency_target_per_copy: Int | None = None  # only from a measured concurrency curve

    def autoscaling(self) -> dict[str, Any]:
        """The autoscaling numbers (validated later, with the YAML's overrides applied)."""
        numbers = self.model_dump(include=set(AutoscalingSettings.model_fields))
        if numbers["concurrency_target_per_copy"] is None:
            del numbers["concurrency_target_per_copy"]
        return numbers


class DeployState(Settings):
    """``state/<stage>/deploy.json``: the serving data the Endpoint stack serves."""

    stage: Text  # the stage it was written for
    # s3://<artifacts>/artifacts/serving/<id>/; None: only adapter components deployed
    model_data: ServingUri | None = None
    base_model: BaseModelPrefix  # the base model the serving data / adapters were built on
    archive_sha256: Text | None = None  # the model.tar.gz the serving data was built from
    adapters: tuple[AdapterComponent, ...] = ()  # `quantreason aws deploy --component NAME`


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
    with_deploy_state: bool = True,
) -> StageSettings:
    """Load and validate one stage; ``overrides`` may set ``region`` and ``account`` (CDK
    context values). ``with_deploy_state=False`` leaves ``state/<stage>/deploy.json`` unread:
    ``quantreason aws deploy`` must run even when the file it replaces no longer fits."""
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
    deploy = _load_deploy(stage, state_root) if with_deploy_state else None
    if deploy is not None:
        if deploy.model_data is not None:
            merged["model_data"] = deploy.model_data
        if deploy.adapters:
            merged["adapters"] = [a.model_dump() for a in deploy.adapters]
    merged.update({k: v for k, v in overrides.items() if v not in (None, "")})

    settings = build_settings(StageSettings, merged, str(stage_file), StageConfigError)
    if capacity.instance_type != settings.endpoint.instance_type:
        raise StageConfigError(
            f"{capacity_state_file(stage, state_root)}: planned for {capacity.instance_type}, "
            f"but the stage's endpoint runs {settings.endpoint.instance_type}: re-plan with "
            f"'quantreason plan-capacity --stage {stage} --instance-type "
            f"{settings.endpoint.instance_type} ...'"
        )
    if deploy is not None:
        _check_deploy_state(deploy, settings, deploy_state_file(stage, state_root))
    return settings


def _check_deploy_state(deploy: DeployState, settings: StageSettings, path: Path) -> None:
    """A deploy state written for another stage, or on another base model than the stage
    names now, fails: it would serve an adapter on weights it was not trained for."""
    problems = []
    if deploy.stage != settings.name:
        problems.append(f"written for stage {deploy.stage!r}, not {settings.name!r}")
    if deploy.base_model != settings.base_model:
        problems.append(
            f"built on base model {deploy.base_model!r}, the stage names "
            f"{settings.base_model!r}: run 'quantreason aws deploy ADAPTER --stage "
            f"{settings.name}' again"
        )
    if problems:
        raise StageConfigError(f"{path}: " + "; ".join(problems))


def stage_region(stage: str, config_dir: Path | None = None) -> str | None:
    """The stage's region for the operations CLI, or None for a stage with no settings file.

    The whole stage is validated: a broken stage file fails here, not half-way through a command.
    """
    config_dir = config_dir or CONFIG_DIR
    if not (config_dir / "stages" / f"{stage}.yaml").is_file():
        return None
    return load_stage(stage, config_dir=config_dir, with_deploy_state=False).region


def stage_base_model(stage: str, config_dir: Path | None = None) -> str | None:
    """The stage's ``base_model`` prefix for the operations CLI (None: nothing staged yet)."""
    return load_stage(stage, config_dir=config_dir, with_deploy_state=False).base_model


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
