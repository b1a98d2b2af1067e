"""``quantreason aws deploy``: point the stage's endpoint at an adapter artifact.

Default: write ``state/<stage>/deploy.json`` (``{"model_data_url": "s3://..."}``), which the
Endpoint stack reads, and hand back the ``cdk diff``/``cdk deploy`` commands for a person to
run; the CLI never deploys stacks itself. ``--direct``: update the running endpoint in place
with a new model and endpoint config (the CDK stack still owns the endpoint; the deploy file
is written too, so the next ``cdk deploy`` keeps the same artifact).
"""

from __future__ import annotations

import json
import re
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quantreason import naming
from quantreason.hashing import sha256_file
from quantreason.ops.session import OpsContext, OpsError
from quantreason.ops.stacks import ownership_tags, stack_output
from quantreason.ops.upload import METADATA_KEY
from quantreason.stages import deploy_state_file

_S3_URI = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?P<key>\S+\.tar\.gz)$")
#: What the SageMaker serving contract puts in model.tar.gz beside the adapter.
SERVING_ENTRY_POINT = "code/inference.py"
#: Endpoint states in which an update can start.
UPDATABLE = {"InService", "Failed"}


@dataclass(frozen=True)
class DirectUpdate:
    """What ``--direct`` created and started."""

    endpoint_name: str
    model_name: str
    endpoint_config_name: str
    previous_endpoint_config: str


def deploy_file(stage: str, state_root: Path | None = None) -> Path:
    """``state/<stage>/deploy.json``: the artifact the Endpoint stack deploys."""
    return deploy_state_file(stage, state_root)


def parse_s3_uri(uri: str) -> tuple[str, str]:
    """``(bucket, key)`` of an ``s3://bucket/key.tar.gz`` model artifact, or a clear error."""
    match = _S3_URI.match(uri)
    if not match:
        raise OpsError(f"not an S3 model artifact: {uri!r} (expected s3://BUCKET/KEY.tar.gz)")
    return match["bucket"], match["key"]


def resolve_artifact(ctx: OpsContext, artifact: str) -> str:
    """The S3 URI of ``artifact``: checked if already in S3, uploaded if a local model.tar.gz.

    Local files go to the artifacts bucket under ``artifacts/models/<sha256 prefix>/``, so the
    same file is uploaded once and a new file never overwrites what an endpoint still uses.
    """
    from botocore.exceptions import ClientError

    s3 = ctx.client("s3")
    if artifact.startswith("s3://"):
        bucket, key = parse_s3_uri(artifact)
        try:
            s3.head_object(Bucket=bucket, Key=key)
        except ClientError as err:
            raise OpsError(f"model artifact {artifact} not found or not readable: {err}") from None
        return artifact
    path = Path(artifact)
    if not path.is_file() or not path.name.endswith(".tar.gz"):
        raise OpsError(f"{artifact}: expected an s3:// URI or a local model.tar.gz file")
    check_serving_archive(path)
    digest = sha256_file(path)
    bucket = stack_output(ctx, naming.STORAGE, naming.OUTPUT_ARTIFACTS_BUCKET)
    key = f"{naming.ARTIFACTS_PREFIX}/models/{digest[:16]}/model.tar.gz"
    s3.put_object(Bucket=bucket, Key=key, Body=path.read_bytes(), Metadata={METADATA_KEY: digest})
    return f"s3://{bucket}/{key}"


def check_serving_archive(path: Path) -> None:
    """Refuse an archive without the serving entry point (e.g. a raw training output)."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            names = {name.removeprefix("./") for name in archive.getnames()}
    except (tarfile.TarError, OSError) as err:
        raise OpsError(f"{path}: not a readable .tar.gz ({err})") from None
    missing = [n for n in (SERVING_ENTRY_POINT, naming.ADAPTER_CONFIG) if n not in names]
    if missing:
        raise OpsError(
            f"{path} lacks {', '.join(missing)}: build the serving archive with "
            "`quantreason package-model --adapter ADAPTER_DIR --out model.tar.gz`"
        )


def write_deploy_file(stage: str, model_data_url: str, state_root: Path | None = None) -> Path:
    """Write the Endpoint stack's input for ``stage``; return its path."""
    parse_s3_uri(model_data_url)
    path = deploy_file(stage, state_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"model_data_url": model_data_url}, indent=2) + "\n")
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
    ctx: OpsContext, model_data_url: str, endpoint: str | None = None
) -> DirectUpdate:
    """New model + endpoint config copied from the live ones with the new artifact, then update.

    ``RetainAllVariantProperties`` keeps the autoscaled instance count (otherwise the update
    resets it to the initial count) and ``RetainDeploymentConfig`` keeps the rollout policy.
    """
    parse_s3_uri(model_data_url)
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
    container.pop("ModelDataSource", None)  # replaced by the new ModelDataUrl
    container["ModelDataUrl"] = model_data_url
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
