"""``deploy`` (deploy file, local artifact upload, --direct via Stubber) and ``invoke``."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import ANY
from ops_helpers import ACCOUNT, OWNED, REGION, deploy_stack, run_cli

from quantreason import naming
from quantreason.ops.deploy import update_endpoint_direct
from quantreason.ops.invoke import invoke
from quantreason.ops.session import OpsError

ARTIFACT = "s3://qr-dev-artifacts/artifacts/job-1/output/model.tar.gz"
ENDPOINT = "qr-dev-endpoint"
ENV = {"HF_MODEL_ID": "mistralai/Mistral-7B-Instruct-v0.3"}


@pytest.fixture
def stacks(moto: None) -> None:
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="qr-dev-artifacts")
    s3.put_object(Bucket="qr-dev-artifacts", Key=ARTIFACT.split("/", 3)[3], Body=b"tgz")
    deploy_stack(naming.STORAGE, {naming.OUTPUT_ARTIFACTS_BUCKET: "qr-dev-artifacts"})
    deploy_stack(naming.ENDPOINT, {naming.OUTPUT_ENDPOINT_NAME: ENDPOINT})


def test_deploy_writes_the_file_the_endpoint_stack_reads(stacks: None, tmp_path: Path) -> None:
    result = run_cli("deploy", ARTIFACT, "--stage", "dev", "--profile", "ops")
    # --profile names a profile that does not exist here: a clear error, nothing written.
    assert result.exit_code == 1 and "profile 'ops' not found" in result.output
    result = run_cli("deploy", ARTIFACT, "--stage", "dev")
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "state" / "dev" / "deploy.json").read_text())
    assert written == {"model_data_url": ARTIFACT}
    assert "npx cdk diff -c stage=dev QuantReason-dev-Endpoint" in result.output
    assert "npx cdk deploy -c stage=dev QuantReason-dev-Endpoint" in result.output


def test_deploy_refuses_a_missing_artifact(stacks: None, tmp_path: Path) -> None:
    result = run_cli("deploy", "s3://qr-dev-artifacts/nope/model.tar.gz")
    assert result.exit_code == 1
    assert "not found or not readable" in result.output
    assert not (tmp_path / "state" / "dev" / "deploy.json").exists()
    result = run_cli("deploy", "https://example.com/model.tar.gz")
    assert (
        result.exit_code == 1 and "expected an s3:// URI or a local model.tar.gz" in result.output
    )


def _archive(path: Path, names: list[str]) -> Path:
    import tarfile

    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            data = f"content of {name}".encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_deploy_uploads_a_local_artifact_once(stacks: None, tmp_path: Path) -> None:
    names = ["adapter_config.json", "adapter_model.safetensors", "code/inference.py"]
    local = _archive(tmp_path / "model.tar.gz", names)
    result = run_cli("deploy", str(local))
    assert result.exit_code == 0, result.output
    url = json.loads((tmp_path / "state" / "dev" / "deploy.json").read_text())["model_data_url"]
    assert url.startswith("s3://qr-dev-artifacts/artifacts/models/") and url.endswith(".tar.gz")
    key = url.split("/", 3)[3]
    body = boto3.client("s3", region_name=REGION).get_object(Bucket="qr-dev-artifacts", Key=key)
    assert body["Body"].read() == local.read_bytes()


def test_deploy_refuses_an_archive_without_the_serving_code(stacks: None, tmp_path: Path) -> None:
    # What a training job writes: the adapter alone.
    raw = _archive(tmp_path / "model.tar.gz", ["adapter_config.json", "adapter_model.safetensors"])
    result = run_cli("deploy", str(raw))
    assert result.exit_code == 1
    assert "lacks code/inference.py" in result.output
    assert "quantreason package-model --adapter" in result.output
    (tmp_path / "junk.tar.gz").write_bytes(b"not gzip")
    result = run_cli("deploy", str(tmp_path / "junk.tar.gz"))
    assert result.exit_code == 1 and "not a readable .tar.gz" in result.output


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


def test_direct_update_keeps_the_variant_settings_and_instance_count(stacks: None, stub) -> None:
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
        "ModelDataUrl": "s3://old/model.tar.gz",
        "Environment": ENV,
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
            "PrimaryContainer": {**container, "ModelDataUrl": ARTIFACT},
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


def test_direct_update_waits_for_a_busy_endpoint(ctx, stacks: None, stub) -> None:
    _stub_live_endpoint(stub("sagemaker"), status="Updating")
    ctx._clients.clear()
    with pytest.raises(OpsError, match="is Updating; wait until it is InService"):
        update_endpoint_direct(ctx, ARTIFACT)


def _body(payload: Any) -> StreamingBody:
    raw = json.dumps(payload).encode()
    return StreamingBody(io.BytesIO(raw), len(raw))


def test_invoke_sends_the_serving_contract_request(stacks: None, stub) -> None:
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


def test_invoke_model_error_shows_the_container_status(stacks: None, stub) -> None:
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


def test_the_deploy_file_is_what_the_stage_settings_read(tmp_path: Path) -> None:
    """Contract with quantreason/stages.py (the CDK app's reader of state/<stage>/deploy.json)."""
    import shutil

    from quantreason.ops.deploy import write_deploy_file
    from quantreason.paths import CONFIG_DIR, STATE_DIR
    from quantreason.stages import load_stage

    state = tmp_path / "state"
    shutil.copytree(STATE_DIR / "prod", state / "prod")
    write_deploy_file("prod", ARTIFACT, state)
    assert load_stage("prod", config_dir=CONFIG_DIR, state_root=state).model_data_url == ARTIFACT
