"""``quantreason aws deploy``: point the stage's endpoint at an adapter artifact.

The endpoint's model reads one uncompressed S3 prefix (``ModelDataSource``, S3Prefix,
CompressionType None) that SageMaker copies file by file to ``/opt/ml/model``. This command
builds that prefix, ``s3://<artifacts>/artifacts/serving/<archive sha12>-<base version>/``:

- the adapter and ``code/`` from ``model.tar.gz`` (``quantreason package-model``), unpacked;
- ``base/``: the stage's staged base weights, copied inside S3 (no byte passes through this
  machine; CloudFormation's ``AWS::SageMaker::Model`` has no ``AdditionalModelDataSources``
  that could mount them from their own prefix);
- ``serving.json`` last, which marks the prefix complete: the same archive on the same base
  is never sent twice.

Then it writes ``state/<stage>/deploy.json``, which the Endpoint stack reads, and hands back
the ``cdk diff``/``cdk deploy`` commands for a person to run; the CLI never deploys stacks
itself. ``--direct``: update the running endpoint in place with a new model and endpoint
config (the CDK stack still owns the endpoint; the state file is written too, so the next
``cdk deploy`` keeps the same data).
"""

from __future__ import annotations

import io
import json
import re
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from quantreason import naming
from quantreason.hashing import sha256_file
from quantreason.ops.base_model import MANIFEST, read_manifest, require_staged
from quantreason.ops.session import OpsContext, OpsError
from quantreason.ops.stacks import ownership_tags, stack_output
from quantreason.stages import (
    SERVING_URI_RE,
    VLLM_LORA_RANKS,
    StageSettings,
    deploy_state_file,
)

_S3_URI = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?P<key>\S+\.tar\.gz)$")
#: What the SageMaker serving contract puts in model.tar.gz beside the adapter.
SERVING_ENTRY_POINT = "code/inference.py"
#: Written last into a serving prefix: its presence means the prefix is complete.
SERVING_MARKER = "serving.json"
#: Endpoint states in which an update can start.
# DescribeEndpoint: a Failed endpoint takes DeleteEndpoint only (an update would fail after
# the new model and config were created).
UPDATABLE = {"InService"}


@dataclass(frozen=True)
class DirectUpdate:
    """What ``--direct`` created and started."""

    endpoint_name: str
    model_name: str
    endpoint_config_name: str
    previous_endpoint_config: str


@dataclass(frozen=True)
class ServingData:
    """The uncompressed serving prefix of one adapter on one base model."""

    uri: str  # s3://<artifacts>/artifacts/serving/<id>/
    base_model: str  # base-models/<name>/<version>/
    archive_sha256: str
    already_there: bool


def parse_s3_uri(uri: str) -> tuple[str, str]:
    """``(bucket, key)`` of an ``s3://bucket/key.tar.gz`` model artifact, or a clear error."""
    match = _S3_URI.match(uri)
    if not match:
        raise OpsError(f"not an S3 model artifact: {uri!r} (expected s3://BUCKET/KEY.tar.gz)")
    return match["bucket"], match["key"]


def check_serving_uri(uri: str) -> None:
    """Refuse anything but an ``s3://bucket/prefix/`` serving prefix."""
    if not SERVING_URI_RE.match(uri):
        raise OpsError(f"not a serving prefix: {uri!r} (expected s3://BUCKET/PREFIX/)")


def fetch_archive(ctx: OpsContext, artifact: str, workdir: Path) -> Path | None:
    """A local copy of ``artifact`` (a local model.tar.gz, or downloaded from ``s3://``).

    None on a dry run with an ``s3://`` artifact: the download is only recorded.
    """
    from botocore.exceptions import ClientError

    if artifact.startswith("s3://"):
        bucket, key = parse_s3_uri(artifact)
        if ctx.dry_run:
            ctx.client("s3").get_object(Bucket=bucket, Key=key)
            return None
        target = workdir / "model.tar.gz"
        try:
            ctx.client("s3").download_file(bucket, key, str(target))
        except ClientError as err:
            raise OpsError(f"model artifact {artifact} not found or not readable: {err}") from None
        return target
    path = Path(artifact)
    if not path.is_file() or not path.name.endswith(".tar.gz"):
        raise OpsError(f"{artifact}: expected an s3:// URI or a local model.tar.gz file")
    return path


def _archive_names(path: Path) -> set[str]:
    """Member names of the .tar.gz at ``path`` (without a leading ``./``)."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            return {name.removeprefix("./") for name in archive.getnames()}
    except (tarfile.TarError, OSError) as err:
        raise OpsError(f"{path}: not a readable .tar.gz ({err})") from None


def check_serving_archive(path: Path) -> None:
    """Refuse an archive without the serving entry point (e.g. a raw training output)."""
    names = _archive_names(path)
    missing = [n for n in (SERVING_ENTRY_POINT, naming.ADAPTER_CONFIG) if n not in names]
    if missing:
        raise OpsError(
            f"{path} lacks {', '.join(missing)}: build the serving archive with "
            "`quantreason package-model --adapter ADAPTER_DIR --out model.tar.gz`"
        )
    clash = sorted(n for n in names if n.split("/", 1)[0] == naming.BASE_MODEL_SUBDIR)
    if clash:
        raise OpsError(f"{path}: {clash[0]} would collide with the base weights' folder")


def archive_files(path: Path) -> list[tuple[str, bytes]]:
    """``(relative name, bytes)`` of every regular file in ``path``; unsafe names refused."""
    files = []
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            name = PurePosixPath(member.name.removeprefix("./"))
            if name.is_absolute() or ".." in name.parts:
                raise OpsError(f"{path}: unsafe member name {member.name!r}")
            handle = archive.extractfile(member)
            assert handle is not None  # a regular file
            files.append((str(name), handle.read()))
    return sorted(files)


def compose_serving_data(
    ctx: OpsContext,
    archive: Path | None,
    base_model: str | None,
    max_lora_rank: int | None = None,
) -> ServingData:
    """Build (once) the uncompressed serving prefix of ``archive`` on the stage's base model.

    ``archive`` is None only on a dry run whose archive is in S3 (placeholders stand in).
    ``max_lora_rank``: the stage's ``endpoint.vllm.max_lora_rank`` when its engine is vLLM
    (:func:`vllm_rank_limit`); a higher-rank adapter is refused before any S3 call.
    """
    if archive is not None:
        check_serving_archive(archive)
        if max_lora_rank is not None:
            check_lora_rank(archive, ctx.stage, max_lora_rank)
    base_model = require_staged(ctx, base_model)
    if archive is None:
        digest, files = "<sha12>", [("<adapter and code/ files>", b"")]
    else:
        digest, files = sha256_file(archive), archive_files(archive)
    bucket = stack_output(ctx, naming.STORAGE, naming.OUTPUT_ARTIFACTS_BUCKET)
    version = base_model.rstrip("/").rsplit("/", 1)[-1]
    prefix = f"{naming.SERVING_PREFIX}/{digest[:12]}-{version}/"
    uri = f"s3://{bucket}/{prefix}"
    s3 = ctx.client("s3")
    if not ctx.dry_run and read_marker(ctx, bucket, prefix) is not None:
        return ServingData(uri, base_model, digest, already_there=True)

    for name, data in files:
        s3.put_object(Bucket=bucket, Key=prefix + name, Body=data)
    manifest = None if ctx.dry_run else read_manifest(ctx, bucket, base_model)
    base_files = sorted((manifest or {}).get("files", {})) or ["<files of the base manifest>"]
    for name in [*base_files, MANIFEST]:
        source = {"Bucket": bucket, "Key": base_model + name}
        target = f"{prefix}{naming.BASE_MODEL_SUBDIR}/{name}"
        if ctx.dry_run:  # the API's own form of the source: "bucket/key"
            s3.copy_object(Bucket=bucket, Key=target, CopySource=f"{bucket}/{source['Key']}")
        else:
            s3.copy(source, bucket, target)  # managed: multipart copy for multi-GB shards
    marker = {"archive_sha256": digest, "base_model": base_model, "created": _now()}
    s3.put_object(
        Bucket=bucket,
        Key=prefix + SERVING_MARKER,
        Body=(json.dumps(marker, indent=2, sort_keys=True) + "\n").encode(),
        ContentType="application/json",
    )
    return ServingData(uri, base_model, digest, already_there=False)


def read_marker(ctx: OpsContext, bucket: str, prefix: str) -> dict[str, Any] | None:
    """The completion marker of a serving prefix, or None while there is none."""
    from botocore.exceptions import ClientError

    try:
        body = ctx.client("s3").get_object(Bucket=bucket, Key=prefix + SERVING_MARKER)["Body"]
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    return json.load(io.BytesIO(body.read()))


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def write_deploy_state(stage: str, serving: ServingData, state_root: Path | None = None) -> Path:
    """Write the Endpoint stack's input for ``stage`` (read back by ``stages.load_stage``).

    Adapter components recorded before stay when they were built on the same base model.
    """
    check_serving_uri(serving.uri)
    path = deploy_state_file(stage, state_root)
    previous = _read_state(path)
    state = {
        "stage": stage,
        "model_data": serving.uri,
        "base_model": serving.base_model,
        "archive_sha256": serving.archive_sha256,
    }
    if previous.get("adapters") and previous.get("base_model") == serving.base_model:
        state["adapters"] = previous["adapters"]
    return _write_state(path, state)


#: ``artifacts/adapters/<component>/<archive sha12>/model.tar.gz``: one adapter component's archive.
ADAPTERS_PREFIX = f"{naming.ARTIFACTS_PREFIX}/adapters"


def require_adapter_components(stage: str) -> StageSettings:
    """The stage's settings, if the stage serves adapters as inference components (its
    ``base_model`` is then set)."""
    from quantreason.stages import load_stage

    settings = load_stage(stage, with_deploy_state=False)
    if settings.endpoint.engine != "lmi-vllm" or not settings.endpoint.uses_components:
        raise OpsError(
            f"stage {stage} serves engine {settings.endpoint.engine} without adapter components: "
            f"set endpoint.engine: lmi-vllm in config/stages/{stage}.yaml (components are its "
            "default), or deploy without --component"
        )
    if settings.base_model is None:
        raise OpsError(f"stage {stage} names no base_model: run 'quantreason aws stage-base-model'")
    return settings


def vllm_rank_limit(settings: StageSettings) -> int | None:
    """``endpoint.vllm.max_lora_rank`` of a stage served by vLLM (engine lmi-vllm), else None."""
    return settings.endpoint.vllm.max_lora_rank if settings.endpoint.engine == "lmi-vllm" else None


def upload_adapter(
    ctx: OpsContext, archive: Path | None, component: str, max_lora_rank: int
) -> tuple[str, str]:
    """Put one adapter archive where its component reads it; ``(s3 uri, sha256)``.

    ``archive`` is None only on a dry run whose archive is in S3 (placeholders stand in).
    An adapter of rank above ``max_lora_rank`` (the stage's ``endpoint.vllm``) is refused
    before any S3 call: vLLM would only refuse it when the endpoint starts.
    """
    if archive is None:
        digest, body = "<sha256>", b""
    else:
        _check_adapter_archive(archive)
        check_lora_rank(archive, ctx.stage, max_lora_rank)
        digest, body = sha256_file(archive), archive.read_bytes()
    bucket = stack_output(ctx, naming.STORAGE, naming.OUTPUT_ARTIFACTS_BUCKET)
    key = f"{ADAPTERS_PREFIX}/{component}/{digest[:12]}/model.tar.gz"
    ctx.client("s3").put_object(Bucket=bucket, Key=key, Body=body)  # adapters are megabytes
    return f"s3://{bucket}/{key}", digest


def _check_adapter_archive(path: Path) -> None:
    names = _archive_names(path)
    if naming.ADAPTER_CONFIG not in names:
        raise OpsError(f"{path} lacks {naming.ADAPTER_CONFIG}: not a PEFT adapter archive")
    if "model.py" not in names:  # without our formatters LMI would answer in its own schema
        raise OpsError(
            f"{path} lacks model.py (our JSON contract in the LMI container): build it with "
            "`quantreason package-model --adapter ADAPTER_DIR --engine lmi-vllm`"
        )


def adapter_rank(path: Path) -> int:
    """The LoRA rank ``r`` in the ``adapter_config.json`` of the archive at ``path``."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {m.name.removeprefix("./"): m for m in archive.getmembers()}
            member = members.get(naming.ADAPTER_CONFIG)
            handle = archive.extractfile(member) if member is not None else None
            if handle is None:
                raise OpsError(f"{path} lacks {naming.ADAPTER_CONFIG}: not a PEFT adapter archive")
            config = json.loads(handle.read())
    except (tarfile.TarError, OSError) as err:
        raise OpsError(f"{path}: not a readable .tar.gz ({err})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise OpsError(f"{path}: {naming.ADAPTER_CONFIG} is not valid JSON ({err})") from None
    rank = config.get("r") if isinstance(config, dict) else None
    if type(rank) is not int or rank < 1:
        raise OpsError(f"{path}: {naming.ADAPTER_CONFIG} has no positive integer LoRA rank 'r'")
    return rank


def check_lora_rank(path: Path, stage: str, max_lora_rank: int) -> None:
    """Refuse an adapter whose rank vLLM would refuse, on a GPU, when the endpoint starts."""
    rank = adapter_rank(path)
    if rank > max_lora_rank:
        fits = [r for r in VLLM_LORA_RANKS if r >= rank]
        advice = (
            f"set endpoint.vllm.max_lora_rank to {fits[0]} (a rank vLLM takes) in "
            f"config/stages/{stage}.yaml, or train the adapter with a lower r"
            if fits
            else f"vLLM serves no rank above {VLLM_LORA_RANKS[-1]}: train with a lower r"
        )
        raise OpsError(
            f"{path}: the adapter's LoRA rank r={rank} exceeds endpoint.vllm.max_lora_rank="
            f"{max_lora_rank} of stage {stage}, and vLLM refuses it when the endpoint starts: "
            f"{advice}; nothing was uploaded"
        )


def record_adapter(
    stage: str,
    component: str,
    artifact: str,
    archive_sha256: str,
    base_model: str,
    state_root: Path | None = None,
) -> Path:
    """Add (or replace, by name) one adapter component in ``state/<stage>/deploy.json``."""
    path = deploy_state_file(stage, state_root)
    state = _read_state(path) or {"stage": stage, "base_model": base_model}
    if state.get("base_model") != base_model:
        raise OpsError(
            f"{path} was written for base model {state.get('base_model')!r}, the stage names "
            f"{base_model!r}: deploy its serving data again first"
        )
    entry = {"name": component, "artifact": artifact, "archive_sha256": archive_sha256}
    adapters = list(state.get("adapters", []))
    names = [a["name"] for a in adapters]
    if component in names:
        adapters[names.index(component)] = entry
    else:
        adapters.append(entry)
    return _write_state(path, {**state, "adapters": adapters})


def remove_adapter(stage: str, component: str, state_root: Path | None = None) -> Path:
    """Drop one adapter component from ``state/<stage>/deploy.json`` (the next cdk deploy
    deletes it; the base component and the other adapters are untouched)."""
    path = deploy_state_file(stage, state_root)
    state = _read_state(path)
    adapters = [a for a in state.get("adapters", []) if a["name"] != component]
    if len(adapters) == len(state.get("adapters", [])):
        known = ", ".join(a["name"] for a in state.get("adapters", [])) or "none"
        raise OpsError(f"no adapter component {component!r} in {path} (deployed: {known})")
    return _write_state(path, {**state, "adapters": adapters})


def _read_state(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.is_file() else {}


def _write_state(path: Path, state: dict[str, Any]) -> Path:
    """Validate like ``load_stage`` will, then write: a bad state file is never left behind."""
    from quantreason.settings import build_settings
    from quantreason.stages import DeployState, StageConfigError

    try:
        build_settings(DeployState, state, str(path), StageConfigError)
    except StageConfigError as err:
        raise OpsError(str(err)) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state, indent=2) + "\n")
    return path


def cdk_commands(stage: str, profile: str | None = None) -> list[str]:
    """The commands a person runs to review and apply the change."""
    stack = naming.stack_name(stage, naming.ENDPOINT)
    suffix = f" --profile {profile}" if profile else ""
    return [
        f"npx cdk diff -c stage={stage} {stack}{suffix}",
        f"npx cdk deploy -c stage={stage} {stack}{suffix}",
    ]


def endpoint_name(ctx: OpsContext, override: str | None = None) -> str:
    """The stage's endpoint name (Endpoint stack output) unless given explicitly."""
    return override or stack_output(ctx, naming.ENDPOINT, naming.OUTPUT_ENDPOINT_NAME)


def update_endpoint_direct(
    ctx: OpsContext, model_data: str, endpoint: str | None = None
) -> DirectUpdate:
    """New model + endpoint config copied from the live ones with the new artifact, then update.

    ``RetainAllVariantProperties`` keeps the autoscaled instance count (otherwise the update
    resets it to the initial count) and ``RetainDeploymentConfig`` keeps the rollout policy.
    """
    if not ctx.dry_run:  # a dry run's URI holds placeholders
        check_serving_uri(model_data)
    name = endpoint_name(ctx, endpoint)
    sm = ctx.client("sagemaker")
    live = sm.describe_endpoint(EndpointName=name)
    status = live.get("EndpointStatus", "<dry-run>")
    if not ctx.dry_run and status not in UPDATABLE:
        raise OpsError(f"endpoint {name} is {status}; wait until it is InService, then retry")
    old_config_name = live.get("EndpointConfigName", "<current endpoint config>")
    old_config = sm.describe_endpoint_config(EndpointConfigName=old_config_name)
    variants = old_config.get("ProductionVariants") or [
        {"VariantName": naming.VARIANT_NAME, "ModelName": "<current model>"}
    ]
    # The stack's variant is named by its instance type (naming.variant_name).
    ours = [v for v in variants if v["VariantName"].startswith(naming.VARIANT_NAME)]
    if len(ours) != 1:
        raise OpsError(f"endpoint {name} has no single variant named {naming.VARIANT_NAME}-*")
    old_model = sm.describe_model(ModelName=ours[0]["ModelName"])
    suffix = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    model_name = f"{naming.PROJECT}-{ctx.stage}-model-{suffix}"
    config_name = f"{naming.PROJECT}-{ctx.stage}-config-{suffix}"
    tags = ownership_tags(ctx.stage)

    container = dict(old_model.get("PrimaryContainer", {"Image": "<current image>"}))
    container.pop("ModelDataUrl", None)  # a model from before uncompressed serving data
    container["ModelDataSource"] = {
        "S3DataSource": {"S3Uri": model_data, "S3DataType": "S3Prefix", "CompressionType": "None"}
    }
    model_request: dict[str, Any] = {
        "ModelName": model_name,
        "ExecutionRoleArn": old_model.get(
            "ExecutionRoleArn", "<ExecutionRoleArn of the live model>"
        ),
        "PrimaryContainer": container,
        "Tags": tags,
    }
    for optional in ("VpcConfig", "EnableNetworkIsolation"):
        if optional in old_model:
            model_request[optional] = old_model[optional]
    sm.create_model(**model_request)

    new_variants = [
        {**v, "ModelName": model_name} if v["VariantName"] == ours[0]["VariantName"] else v
        for v in variants
    ]
    config_request: dict[str, Any] = {
        "EndpointConfigName": config_name,
        "ProductionVariants": new_variants,
        "Tags": tags,
    }
    for optional in ("DataCaptureConfig", "KmsKeyId", "AsyncInferenceConfig"):
        if optional in old_config:
            config_request[optional] = old_config[optional]
    sm.create_endpoint_config(**config_request)
    sm.update_endpoint(
        EndpointName=name,
        EndpointConfigName=config_name,
        RetainAllVariantProperties=True,
        RetainDeploymentConfig=True,
    )
    return DirectUpdate(name, model_name, config_name, old_config_name)
