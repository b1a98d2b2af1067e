"""``deploy`` (serving data in S3, deploy state, --direct via Stubber) and ``invoke``."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import ANY
from ops_helpers import ACCOUNT, OWNED, REGION, deploy_stack, name_base_model, run_cli

from quantreason import naming
from quantreason.ops.base_model import stage_directory
from quantreason.ops.deploy import update_endpoint_direct
from quantreason.ops.invoke import invoke
from quantreason.ops.session import OpsError

ENDPOINT = "qr-dev-endpoint"
ENV = {"QUANTREASON_BASE_MODEL": "/opt/ml/model/base", "HF_HUB_OFFLINE": "1"}
BUCKET = "qr-dev-artifacts"
ARTIFACT = f"s3://{BUCKET}/artifacts/job-1/output/model.tar.gz"
SERVING_FILES = ["adapter_config.json", "adapter_model.safetensors", "code/inference.py"]


def _archive(path: Path, names: list[str], rank: int = 8) -> Path:
    """A model.tar.gz holding ``names``; its adapter_config.json is a LoRA config of ``rank``."""
    import tarfile

    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            if name == naming.ADAPTER_CONFIG:
                data = json.dumps({"peft_type": "LORA", "r": rank, "lora_alpha": 2 * rank}).encode()
            else:
                data = f"content of {name}".encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def stacks(ctx, tiny_base: str, tmp_path: Path) -> str:
    """Deployed stacks, a staged tiny base model named by the stage; returns its prefix."""
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket=BUCKET)
    archive = _archive(tmp_path / "remote.tar.gz", SERVING_FILES)
    s3.put_object(Bucket=BUCKET, Key=ARTIFACT.split("/", 3)[3], Body=archive.read_bytes())
    deploy_stack(naming.STORAGE, {naming.OUTPUT_ARTIFACTS_BUCKET: BUCKET})
    deploy_stack(naming.ENDPOINT, {naming.OUTPUT_ENDPOINT_NAME: ENDPOINT})
    prefix = stage_directory(ctx, Path(tiny_base), "tiny").prefix
    # The stage files as a user has them after staging: the repository's, naming that prefix.
    name_base_model(tmp_path, "dev", prefix)
    return prefix


def _keys(prefix: str) -> dict[str, Any]:
    s3 = boto3.client("s3", region_name=REGION)
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    return {o["Key"].removeprefix(prefix): o for o in listing}


def _deploy_state(tmp_path: Path) -> dict[str, Any]:
    return json.loads((tmp_path / "state" / "dev" / "deploy.json").read_text())


def test_deploy_builds_uncompressed_serving_data_once(
    stacks: str, tmp_path: Path, tiny_base: str
) -> None:
    local = _archive(tmp_path / "model.tar.gz", SERVING_FILES)
    result = run_cli("deploy", str(local), "--stage", "dev", "--profile", "ops")
    # --profile names a profile that does not exist here: a clear error, nothing written.
    assert result.exit_code == 1 and "profile 'ops' not found" in result.output
    assert not (tmp_path / "state" / "dev" / "deploy.json").exists()
    result = run_cli("deploy", str(local), "--stage", "dev")
    assert result.exit_code == 0, result.output
    state = _deploy_state(tmp_path)
    digest = hashlib.sha256(local.read_bytes()).hexdigest()
    version = stacks.rstrip("/").rsplit("/", 1)[1]
    serving = f"artifacts/serving/{digest[:12]}-{version}/"
    assert state == {
        "stage": "dev",
        "model_data": f"s3://{BUCKET}/{serving}",
        "base_model": stacks,
        "archive_sha256": digest,
    }
    keys = _keys(serving)
    base_files = sorted(p.name for p in Path(tiny_base).iterdir())
    # As SageMaker will lay it out under /opt/ml/model: adapter + code at the root, base/ beside.
    assert sorted(keys) == sorted(
        [*SERVING_FILES, *(f"base/{n}" for n in [*base_files, "manifest.json"]), "serving.json"]
    )
    s3 = boto3.client("s3", region_name=REGION)
    copied = s3.get_object(Bucket=BUCKET, Key=serving + "base/model.safetensors")["Body"].read()
    assert copied == (Path(tiny_base) / "model.safetensors").read_bytes()
    assert "npx cdk diff -c stage=dev QuantReason-dev-Endpoint" in result.output
    assert "npx cdk deploy -c stage=dev QuantReason-dev-Endpoint" in result.output
    # The same archive again: the complete prefix is recognised and nothing is sent.
    s3.delete_object(Bucket=BUCKET, Key=serving + "code/inference.py")
    again = run_cli("deploy", str(local), "--stage", "dev")
    assert again.exit_code == 0 and "already there" in again.output
    assert "code/inference.py" not in _keys(serving)


@pytest.mark.slow
def test_synth_after_deploy_serves_the_written_prefix(stacks: str, tmp_path: Path) -> None:
    """The Endpoint stack built from what `aws deploy` wrote (local model.tar.gz)."""
    from infra.app_builder import build_stage_app, new_app

    local = _archive(tmp_path / "model.tar.gz", SERVING_FILES)
    assert run_cli("deploy", str(local), "--stage", "dev").exit_code == 0
    stage_app = build_stage_app(
        new_app(tmp_path / "out"),
        "dev",
        config_dir=tmp_path / "config",
        state_root=tmp_path / "state",
    )
    template = stage_app.app.synth().get_stack_by_name("QuantReason-dev-Endpoint").template
    (model,) = [r for r in template["Resources"].values() if r["Type"] == "AWS::SageMaker::Model"]
    source = model["Properties"]["PrimaryContainer"]["ModelDataSource"]["S3DataSource"]
    assert source == {
        "S3Uri": _deploy_state(tmp_path)["model_data"],
        "S3DataType": "S3Prefix",
        "CompressionType": "None",
    }
    types = {r["Type"] for r in template["Resources"].values()}
    assert {"AWS::SageMaker::Endpoint", "AWS::ApplicationAutoScaling::ScalableTarget"} <= types


def test_deploy_from_s3_and_refusals(stacks: str, tmp_path: Path) -> None:
    result = run_cli("deploy", ARTIFACT)
    assert result.exit_code == 0, result.output
    assert _deploy_state(tmp_path)["model_data"].startswith(f"s3://{BUCKET}/artifacts/serving/")
    (tmp_path / "state" / "dev" / "deploy.json").unlink()
    result = run_cli("deploy", f"s3://{BUCKET}/nope/model.tar.gz")
    assert result.exit_code == 1
    assert "not found or not readable" in result.output
    assert not (tmp_path / "state" / "dev" / "deploy.json").exists()
    result = run_cli("deploy", "https://example.com/model.tar.gz")
    assert (
        result.exit_code == 1 and "expected an s3:// URI or a local model.tar.gz" in result.output
    )


def test_deploy_needs_the_stages_base_model_staged(stacks: str, tmp_path: Path) -> None:
    stage_file = tmp_path / "config" / "stages" / "dev.yaml"
    stage_file.write_text(stage_file.read_text().replace(stacks, "base-models/x/0123456789ab/"))
    local = _archive(tmp_path / "model.tar.gz", SERVING_FILES)
    result = run_cli("deploy", str(local))
    assert result.exit_code == 1
    assert "is not staged" in result.output and "quantreason aws stage-base-model" in result.output
    assert _keys("artifacts/serving/") == {}


def test_deploy_refuses_an_archive_without_the_serving_code(stacks: str, tmp_path: Path) -> None:
    # What a training job writes: the adapter alone.
    raw = _archive(tmp_path / "model.tar.gz", ["adapter_config.json", "adapter_model.safetensors"])
    result = run_cli("deploy", str(raw))
    assert result.exit_code == 1
    assert "lacks code/inference.py" in result.output
    assert "quantreason package-model --adapter" in result.output
    (tmp_path / "junk.tar.gz").write_bytes(b"not gzip")
    result = run_cli("deploy", str(tmp_path / "junk.tar.gz"))
    assert result.exit_code == 1 and "not a readable .tar.gz" in result.output
    clash = _archive(tmp_path / "clash.tar.gz", [*SERVING_FILES, "base/config.json"])
    result = run_cli("deploy", str(clash))
    assert result.exit_code == 1 and "collide with the base weights" in result.output


def _stub_live_endpoint(sagemaker: Any, status: str = "InService") -> None:
    sagemaker.add_response(
        "describe_endpoint",
        {
            "EndpointName": ENDPOINT,
            "EndpointArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint/{ENDPOINT}",
            "EndpointConfigName": "cfg-old",
            "EndpointStatus": status,
            "CreationTime": dt.datetime(2025, 1, 1),
            "LastModifiedTime": dt.datetime(2025, 1, 1),
        },
        {"EndpointName": ENDPOINT},
    )


VARIANT = {
    "VariantName": naming.variant_name("ml.g5.xlarge"),
    "ModelName": "model-old",
    "InitialInstanceCount": 1,
    "InstanceType": "ml.g5.xlarge",
    "InitialVariantWeight": 1.0,
    "ContainerStartupHealthCheckTimeoutInSeconds": 900,
    "ModelDataDownloadTimeoutInSeconds": 900,
}


def test_direct_update_keeps_the_variant_settings_and_instance_count(stacks: str, stub) -> None:
    sagemaker = stub("sagemaker")
    _stub_live_endpoint(sagemaker)
    sagemaker.add_response(
        "describe_endpoint_config",
        {
            "EndpointConfigName": "cfg-old",
            "EndpointConfigArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint-config/cfg-old",
            "ProductionVariants": [VARIANT],
            "CreationTime": dt.datetime(2025, 1, 1),
        },
        {"EndpointConfigName": "cfg-old"},
    )
    container = {
        "Image": "hf-inference:2.6",
        "ModelDataUrl": "s3://old/model.tar.gz",  # a model from before uncompressed data
        "Environment": ENV,
    }
    digest = hashlib.sha256(
        boto3.client("s3", region_name=REGION)
        .get_object(Bucket=BUCKET, Key=ARTIFACT.split("/", 3)[3])["Body"]
        .read()
    ).hexdigest()
    serving = f"s3://{BUCKET}/artifacts/serving/{digest[:12]}-{stacks.rstrip('/')[-12:]}/"
    new_container = {
        "Image": "hf-inference:2.6",
        "Environment": ENV,
        "ModelDataSource": {
            "S3DataSource": {"S3Uri": serving, "S3DataType": "S3Prefix", "CompressionType": "None"}
        },
    }
    sagemaker.add_response(
        "describe_model",
        {
            "ModelName": "model-old",
            "PrimaryContainer": container,
            "ExecutionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/endpoint",
            "CreationTime": dt.datetime(2025, 1, 1),
            "ModelArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:model/model-old",
        },
        {"ModelName": "model-old"},
    )
    sagemaker.add_response(
        "create_model",
        {"ModelArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:model/new"},
        {
            "ModelName": ANY,
            "ExecutionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/endpoint",
            "PrimaryContainer": new_container,
            "Tags": OWNED,
        },
    )
    sagemaker.add_response(
        "create_endpoint_config",
        {"EndpointConfigArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint-config/new"},
        {"EndpointConfigName": ANY, "ProductionVariants": ANY, "Tags": OWNED},
    )
    sagemaker.add_response(
        "update_endpoint",
        {"EndpointArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint/{ENDPOINT}"},
        {
            "EndpointName": ENDPOINT,
            "EndpointConfigName": ANY,
            "RetainAllVariantProperties": True,
            "RetainDeploymentConfig": True,
        },
    )
    result = run_cli("deploy", ARTIFACT, "--direct")
    assert result.exit_code == 0, result.output
    assert "cfg-old -> quantreason-dev-config-" in result.output
    assert "instance count kept" in result.output


@pytest.mark.parametrize("status", ["Updating", "Failed"])
def test_direct_update_waits_for_a_busy_or_failed_endpoint(ctx, stacks: str, stub, status) -> None:
    # A Failed endpoint takes only DeleteEndpoint: the update would fail after its model and
    # config were created.
    _stub_live_endpoint(stub("sagemaker"), status=status)
    ctx._clients.clear()
    with pytest.raises(OpsError, match=f"is {status}; wait until it is InService"):
        update_endpoint_direct(ctx, f"s3://{BUCKET}/artifacts/serving/x-0123456789ab/")


def _body(payload: Any) -> StreamingBody:
    raw = json.dumps(payload).encode()
    return StreamingBody(io.BytesIO(raw), len(raw))


def test_invoke_sends_the_serving_contract_request(stacks: str, stub) -> None:
    answer = {"answer": 22.6, "unit": "percent", "formula": "(177-137)/177*100"}
    stub("sagemaker-runtime").add_response(
        "invoke_endpoint",
        {"Body": _body(answer), "ContentType": "application/json"},
        {
            "EndpointName": ENDPOINT,
            "ContentType": "application/json",
            "Accept": "application/json",
            "Body": json.dumps({"inputs": "A portfolio falls from 177 to 137. Drawdown?"}).encode(),
        },
    )
    result = run_cli("invoke", "A portfolio falls from 177 to 137. Drawdown?")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == answer


def test_invoke_batches_and_limits(ctx, stacks: None, stub) -> None:
    body = {"inputs": ["q1", "q2"], "parameters": {"max_new_tokens": 64}}
    stub("sagemaker-runtime").add_response(
        "invoke_endpoint",
        {"Body": _body([{"answer": 1}, {"answer": 2}])},
        {
            "EndpointName": "other",
            "ContentType": "application/json",
            "Accept": "application/json",
            "Body": json.dumps(body).encode(),
        },
    )
    ctx._clients.clear()
    assert invoke(ctx, ["q1", "q2"], 64, endpoint="other") == [{"answer": 1}, {"answer": 2}]
    with pytest.raises(OpsError, match="non-empty question"):
        invoke(ctx, ["  "])


def test_invoke_model_error_shows_the_container_status(stacks: str, stub) -> None:
    stub("sagemaker-runtime").add_client_error(
        "invoke_endpoint",
        service_error_code="ModelError",
        service_message="Received client error (413) from primary",
        http_status_code=424,
        response_meta={},
    )
    result = run_cli("invoke", "x" * 10)
    assert result.exit_code == 1
    assert f"endpoint {ENDPOINT} answered" in result.output
    assert "413" in result.output
    assert "Traceback" not in result.output


def test_the_deploy_state_is_what_the_stage_settings_read(tmp_path: Path) -> None:
    """Contract with quantreason/stages.py (the CDK app's reader of state/<stage>/deploy.json)."""
    from quantreason.ops.deploy import ServingData, write_deploy_state
    from quantreason.stages import load_stage

    base = "base-models/tiny/0123456789ab/"
    name_base_model(tmp_path, "prod", base)
    uri = f"s3://{BUCKET}/artifacts/serving/abc-0123456789ab/"
    write_deploy_state("prod", ServingData(uri, base, "0" * 64, False), tmp_path / "state")
    settings = load_stage("prod", config_dir=tmp_path / "config", state_root=tmp_path / "state")
    assert (settings.model_data, settings.base_model) == (uri, base)
