"""Adapter inference components: ``aws deploy --component``, ``remove-component``, ``invoke
--component`` and its retries while a stage scaled to zero provisions its first copy."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from ops_helpers import REGION, run_cli
from test_ops_deploy_invoke import BUCKET, ENDPOINT, SERVING_FILES, _archive, _body, stacks

from quantreason.ops.deploy import adapter_rank
from quantreason.ops.invoke import invoke
from quantreason.ops.session import OpsError

__all__ = ["stacks"]  # the fixture, used by name

ADAPTER_FILES = ["adapter_config.json", "adapter_model.safetensors", "model.py"]
NO_CAPACITY = (
    "Inference Component has no capacity to process this request. ApplicationAutoScaling may "
    "be in-progress (if configured) or try to increase the capacity"
)


def _use_lmi_components(root: Path) -> None:
    stage_file = root / "config" / "stages" / "dev.yaml"
    text = stage_file.read_text().replace("  engine: hf\n", "  engine: lmi-vllm\n", 1)
    stage_file.write_text(text)
    plan = root / "state" / "dev" / "capacity.json"
    plan.write_text(json.dumps({**json.loads(plan.read_text()), "concurrency_target_per_copy": 4}))


def _state(root: Path) -> dict:
    return json.loads((root / "state" / "dev" / "deploy.json").read_text())


def test_deploy_component_records_adapters_without_touching_the_rest(
    stacks: str, tmp_path: Path
) -> None:
    from quantreason.stages import load_stage

    rates = _archive(tmp_path / "rates.tar.gz", ADAPTER_FILES)
    # An hf stage has no adapter components: refused, nothing written.
    result = run_cli("deploy", str(rates), "--component", "rates")
    assert result.exit_code == 1 and "without adapter components" in result.output
    assert not (tmp_path / "state" / "dev" / "deploy.json").exists()

    _use_lmi_components(tmp_path)
    assert run_cli("deploy", str(rates), "--component", "Bad_Name").exit_code == 1
    result = run_cli("deploy", str(rates), "--component", "rates")
    assert result.exit_code == 0, result.output
    (first,) = _state(tmp_path)["adapters"]
    assert first["name"] == "rates"
    key = first["artifact"].removeprefix(f"s3://{BUCKET}/")
    assert key.startswith("artifacts/adapters/rates/") and key.endswith("/model.tar.gz")
    s3 = boto3.client("s3", region_name=REGION)
    assert s3.get_object(Bucket=BUCKET, Key=key)["Body"].read() == rates.read_bytes()

    bonds = _archive(tmp_path / "bonds.tar.gz", [*ADAPTER_FILES, "README.md"])
    assert run_cli("deploy", str(bonds), "--component", "bonds").exit_code == 0
    rates2 = _archive(tmp_path / "rates2.tar.gz", [*ADAPTER_FILES, "extra.txt"])
    assert run_cli("deploy", str(rates2), "--component", "rates").exit_code == 0
    state = _state(tmp_path)
    assert [a["name"] for a in state["adapters"]] == ["rates", "bonds"]  # replaced in place
    assert state["adapters"][0]["archive_sha256"] != first["archive_sha256"]
    # What the CDK app reads: both adapters, on the stage's base model.
    settings = load_stage("dev", config_dir=tmp_path / "config", state_root=tmp_path / "state")
    assert [a.name for a in settings.adapters] == ["rates", "bonds"]
    assert settings.serves_anything and settings.model_data is None

    result = run_cli("remove-component", "bonds")
    assert result.exit_code == 0, result.output
    assert [a["name"] for a in _state(tmp_path)["adapters"]] == ["rates"]
    result = run_cli("remove-component", "bonds")
    assert result.exit_code == 1 and "deployed: rates" in result.output


def test_deploy_component_refuses_a_non_adapter_archive(stacks: str, tmp_path: Path) -> None:
    _use_lmi_components(tmp_path)
    junk = _archive(tmp_path / "junk.tar.gz", ["code/inference.py"])
    result = run_cli("deploy", str(junk), "--component", "rates")
    assert result.exit_code == 1 and "not a PEFT adapter archive" in result.output
    # The toolkit's archive: an adapter, but no LMI formatters.
    toolkit = _archive(tmp_path / "hf.tar.gz", SERVING_FILES)
    result = run_cli("deploy", str(toolkit), "--component", "rates")
    assert result.exit_code == 1 and "--engine lmi-vllm" in result.output
    assert not (tmp_path / "state" / "dev" / "deploy.json").exists()


def test_serving_data_deploy_keeps_recorded_adapters(stacks: str, tmp_path: Path) -> None:
    _use_lmi_components(tmp_path)
    adapter = _archive(tmp_path / "rates.tar.gz", ADAPTER_FILES)
    assert run_cli("deploy", str(adapter), "--component", "rates").exit_code == 0
    serving = _archive(tmp_path / "model.tar.gz", SERVING_FILES)
    result = run_cli("deploy", str(serving))
    assert result.exit_code == 0, result.output
    state = _state(tmp_path)
    assert state["model_data"].startswith(f"s3://{BUCKET}/artifacts/serving/")
    assert [a["name"] for a in state["adapters"]] == ["rates"]


def _set_engine(root: Path, lines: str, old: str = "  engine: hf\n") -> None:
    """Replace ``old`` (the stage's engine line) by ``lines`` (endpoint-level YAML)."""
    stage_file = root / "config" / "stages" / "dev.yaml"
    text = stage_file.read_text()
    assert old in text
    stage_file.write_text(text.replace(old, lines, 1))


def _keys_under(prefix: str) -> list[str]:
    s3 = boto3.client("s3", region_name=REGION)
    return [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])]


def test_deploy_component_refuses_a_rank_above_max_lora_rank_before_uploading(
    stacks: str, tmp_path: Path
) -> None:
    _use_lmi_components(tmp_path)  # endpoint.vllm.max_lora_rank: its default, 16
    wide = _archive(tmp_path / "wide.tar.gz", ADAPTER_FILES, rank=32)
    result = run_cli("deploy", str(wide), "--component", "rates")
    assert result.exit_code == 1
    message = " ".join(result.output.split())  # rich wraps long lines
    assert "r=32" in message and "endpoint.vllm.max_lora_rank=16" in message
    assert "set endpoint.vllm.max_lora_rank to 32 (a rank vLLM takes)" in message
    assert "config/stages/dev.yaml" in message
    assert _keys_under("artifacts/adapters/") == []
    assert not (tmp_path / "state" / "dev" / "deploy.json").exists()

    at_limit = _archive(tmp_path / "r16.tar.gz", ADAPTER_FILES, rank=16)
    result = run_cli("deploy", str(at_limit), "--component", "rates")
    assert result.exit_code == 0, result.output
    assert len(_keys_under("artifacts/adapters/rates/")) == 1

    # What the message says to do: raise the limit, and the same archive goes through.
    engine = "  engine: lmi-vllm\n"
    _set_engine(tmp_path, engine + "  vllm:\n    max_lora_rank: 32\n", old=engine)
    assert run_cli("deploy", str(wide), "--component", "wide").exit_code == 0
    assert len(_keys_under("artifacts/adapters/wide/")) == 1


def test_a_rank_vllm_does_not_take_is_refused_and_the_advice_is_one_it_does(
    stacks: str, tmp_path: Path
) -> None:
    engine = "  engine: lmi-vllm\n"
    _use_lmi_components(tmp_path)
    # 24 is not among vLLM's --max-lora-rank choices: the stage fails to load, not the GPU.
    _set_engine(tmp_path, engine + "  vllm:\n    max_lora_rank: 24\n", old=engine)
    result = run_cli(
        "deploy", str(_archive(tmp_path / "a.tar.gz", ADAPTER_FILES)), "--component", "a"
    )
    assert result.exit_code != 0
    assert "max_lora_rank: Input should be 1, 8, 16, 32, 64, 128, 256, 320 or 512" in " ".join(
        result.output.split()
    )
    # An r=24 adapter over the default limit of 16 is told the next rank vLLM takes, 32.
    _set_engine(tmp_path, engine, old=engine + "  vllm:\n    max_lora_rank: 24\n")
    odd = _archive(tmp_path / "r24.tar.gz", ADAPTER_FILES, rank=24)
    result = run_cli("deploy", str(odd), "--component", "odd")
    assert result.exit_code == 1
    assert "set endpoint.vllm.max_lora_rank to 32 (a rank vLLM takes)" in " ".join(
        result.output.split()
    )


def test_direct_deploy_and_a_nameless_invoke_are_refused_on_a_components_stage(
    stacks: str, tmp_path: Path
) -> None:
    _use_lmi_components(tmp_path)
    archive = _archive(tmp_path / "model.tar.gz", SERVING_FILES, rank=16)
    result = run_cli("deploy", str(archive), "--direct")
    assert result.exit_code == 1
    assert "serves inference components: apply the new serving data with cdk deploy" in " ".join(
        result.output.split()
    )
    assert _keys_under("artifacts/serving/") == []  # refused before any upload
    # SageMaker needs the InferenceComponentName header on such an endpoint.
    result = run_cli("invoke", "What is 2+2?")
    assert result.exit_code == 1
    assert "name one with --component" in " ".join(result.output.split())


def test_serving_data_deploy_checks_the_rank_only_where_vllm_serves(
    stacks: str, tmp_path: Path
) -> None:
    wide = _archive(tmp_path / "model.tar.gz", SERVING_FILES, rank=32)
    # engine lmi-vllm: the same vLLM limit on serving data, checked before any S3 call.
    variant = "  engine: lmi-vllm\n"
    _use_lmi_components(tmp_path)
    result = run_cli("deploy", str(wide))
    assert result.exit_code == 1
    assert "endpoint.vllm.max_lora_rank=16" in " ".join(result.output.split())
    assert _keys_under("artifacts/serving/") == []
    # engine hf: no vLLM, no rank limit.
    _set_engine(tmp_path, "  engine: hf\n", old=variant)
    result = run_cli("deploy", str(wide))
    assert result.exit_code == 0, result.output
    assert _keys_under("artifacts/serving/") != []


@pytest.mark.parametrize(
    ("config", "problem"),
    [(b"not json", "not valid JSON"), (b'{"peft_type": "LORA"}', "no positive integer")],
)
def test_adapter_rank_refuses_an_unreadable_config(
    tmp_path: Path, config: bytes, problem: str
) -> None:
    import io
    import tarfile

    path = tmp_path / "model.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("adapter_config.json")
        info.size = len(config)
        archive.addfile(info, io.BytesIO(config))
    with pytest.raises(OpsError, match=problem):
        adapter_rank(path)
    assert adapter_rank(_archive(tmp_path / "ok.tar.gz", ["adapter_config.json"], rank=32)) == 32


def _expect_invoke(stubber, component: str) -> dict:
    return {
        "EndpointName": ENDPOINT,
        "ContentType": "application/json",
        "Accept": "application/json",
        "Body": json.dumps({"inputs": "q"}).encode(),
        "InferenceComponentName": component,
    }


def test_invoke_component_retries_while_the_first_copy_provisions(ctx, stacks, stub) -> None:
    runtime = stub("sagemaker-runtime")
    for _ in range(2):
        runtime.add_client_error(
            "invoke_endpoint",
            service_error_code="ValidationError",
            service_message=NO_CAPACITY,
            http_status_code=400,
            expected_params=_expect_invoke(runtime, f"{ENDPOINT}-rates"),
        )
    runtime.add_response(
        "invoke_endpoint",
        {"Body": _body({"answer": 1.5})},
        _expect_invoke(runtime, f"{ENDPOINT}-rates"),
    )
    ctx._clients.clear()
    waits, heard = [], []
    ctx.sleep = waits.append
    answer = invoke(ctx, ["q"], endpoint=ENDPOINT, component="rates", notify=heard.append)
    assert answer == {"answer": 1.5}
    assert waits == [30.0, 30.0]
    assert len(heard) == 2 and "no copy yet" in heard[0] and "(1/19)" in heard[0]
    runtime.assert_no_pending_responses()


def test_invoke_component_gives_up_after_the_last_attempt(ctx, stacks, stub) -> None:
    runtime = stub("sagemaker-runtime")
    for _ in range(3):
        runtime.add_client_error(
            "invoke_endpoint",
            service_error_code="ValidationError",
            service_message=NO_CAPACITY,
            http_status_code=400,
        )
    ctx._clients.clear()
    with pytest.raises(OpsError, match=r"still has no copy to answer after 3 attempts"):
        invoke(ctx, ["q"], endpoint=ENDPOINT, component="rates", attempts=3, wait_s=1)


def test_other_validation_errors_are_not_retried(ctx, stacks, stub) -> None:
    from botocore.exceptions import ClientError

    runtime = stub("sagemaker-runtime")
    runtime.add_client_error(
        "invoke_endpoint",
        service_error_code="ValidationError",
        service_message="Inference component quantreason-dev-endpoint-x not found",
        http_status_code=400,
    )
    ctx._clients.clear()
    ctx.sleep = lambda s: pytest.fail("slept on an error that is not about capacity")
    with pytest.raises(ClientError, match="not found"):
        invoke(ctx, ["q"], endpoint=ENDPOINT, component="x")
