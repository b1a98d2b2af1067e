"""``stage-base-model``: files and manifest in S3 (moto), no second upload, token never shown."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import boto3
import pytest
from ops_helpers import REGION, deploy_stack, name_base_model, run_cli, stage_fake_base_model

from quantreason import naming
from quantreason.ops import base_model
from quantreason.ops.base_model import MANIFEST, require_staged, stage_directory, stage_from_hub
from quantreason.ops.session import OpsError
from quantreason.stages import BASE_MODEL_PREFIX_RE

BUCKET = "qr-dev-artifacts"
SECRET = "hf_" + "S3cr3tT0kenNeverPrinted" * 2


@pytest.fixture
def storage(moto: None) -> Any:
    """The artifacts bucket and the Storage stack's output that names it; returns the client."""
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket=BUCKET)
    deploy_stack(naming.STORAGE, {naming.OUTPUT_ARTIFACTS_BUCKET: BUCKET})
    return s3


def _objects(s3: Any, prefix: str = "") -> dict[str, Any]:
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    return {o["Key"]: o for o in listing}


def _checkpoint_files(model_dir: Path) -> list[str]:
    return sorted(p.name for p in model_dir.iterdir() if p.is_file())


def test_a_local_checkpoint_is_staged_with_its_manifest(ctx, storage, tiny_base: str) -> None:
    staged = stage_directory(ctx, Path(tiny_base), "tiny-random-mistral")
    assert BASE_MODEL_PREFIX_RE.match(staged.prefix)
    assert staged.prefix.startswith("base-models/tiny-random-mistral/")
    objects = _objects(storage, staged.prefix)
    names = sorted(key.removeprefix(staged.prefix) for key in objects)
    # Uncompressed: the checkpoint's own files side by side, plus the manifest.
    assert names == sorted([*_checkpoint_files(Path(tiny_base)), MANIFEST])
    body = storage.get_object(Bucket=BUCKET, Key=staged.prefix + "model.safetensors")["Body"]
    assert body.read() == (Path(tiny_base) / "model.safetensors").read_bytes()
    manifest = json.loads(
        storage.get_object(Bucket=BUCKET, Key=staged.prefix + MANIFEST)["Body"].read()
    )
    for name, entry in manifest["files"].items():
        data = (Path(tiny_base) / name).read_bytes()
        assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    # The version in the prefix is the manifest's content hash, not a timestamp.
    assert staged.prefix.rstrip("/").endswith(manifest["version"])


def test_an_unchanged_model_is_not_uploaded_twice(ctx, storage, tiny_base: str) -> None:
    first = stage_directory(ctx, Path(tiny_base), "tiny")
    before = _objects(storage, first.prefix)
    storage.delete_object(Bucket=BUCKET, Key=first.prefix + "config.json")
    second = stage_directory(ctx, Path(tiny_base), "tiny")
    assert second.already_staged and second.prefix == first.prefix
    assert not any(f.uploaded for f in second.files)
    # Nothing was sent: the deleted file stayed deleted, the others were not rewritten.
    after = _objects(storage, first.prefix)
    assert set(before) - set(after) == {first.prefix + "config.json"}
    assert all(after[k]["ETag"] == before[k]["ETag"] for k in after)


def test_a_changed_model_gets_a_new_prefix(ctx, storage, tiny_base: str, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "tiny"
    shutil.copytree(tiny_base, copy)
    first = stage_directory(ctx, copy, "tiny")
    config = json.loads((copy / "config.json").read_text())
    (copy / "config.json").write_text(json.dumps({**config, "rope_theta": 12345.0}))
    second = stage_directory(ctx, copy, "tiny")
    assert second.prefix != first.prefix and not second.already_staged
    assert MANIFEST in {k.rsplit("/", 1)[1] for k in _objects(storage, first.prefix)}


def test_only_what_serving_and_training_load_is_staged(ctx, storage, tiny_base: str, tmp_path):
    import shutil

    copy = tmp_path / "model"
    shutil.copytree(tiny_base, copy)
    (copy / "consolidated.safetensors").write_bytes(b"mistral-format duplicate")
    (copy / "pytorch_model.bin").write_bytes(b"pickle duplicate")
    (copy / "README.md").write_text("card")
    staged = stage_directory(ctx, copy, "tiny")
    names = {f.name for f in staged.files}
    assert not names & {"consolidated.safetensors", "pytorch_model.bin", "README.md"}
    assert {"config.json", "model.safetensors", "tokenizer.json"} <= names


def test_a_directory_without_a_checkpoint_is_refused(ctx, storage, tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(OpsError, match=r"no transformers checkpoint"):
        stage_directory(ctx, tmp_path, "broken")
    assert _objects(storage) == {}


def test_the_cli_stages_prints_the_prefix_and_never_the_token(
    storage, tiny_base: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("HF_TOKEN", SECRET)
    caplog.set_level(logging.DEBUG)
    result = run_cli("stage-base-model", "--from-dir", tiny_base, "--name", "tiny")
    assert result.exit_code == 0, result.output
    prefix = next(k for k in _objects(storage) if k.endswith(MANIFEST)).removesuffix(MANIFEST)
    assert f"base_model: {prefix}" in result.output
    assert "npx cdk deploy --all -c stage=dev" in result.output
    again = run_cli("stage-base-model", "--from-dir", tiny_base, "--name", "tiny")
    assert "already staged, nothing sent" in again.output
    for text in (result.output, again.output, caplog.text):
        assert SECRET not in text
    for key in _objects(storage):
        assert SECRET.encode() not in storage.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def test_dry_run_plans_the_uploads_and_makes_none(storage, tiny_base: str) -> None:
    result = run_cli("stage-base-model", "--from-dir", tiny_base, "--name", "tiny", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "s3.put_object(Bucket=" in result.output and "manifest.json" in result.output
    assert "would stage" in result.output
    assert _objects(storage) == {}


def test_exactly_one_source(storage) -> None:
    result = run_cli("stage-base-model")
    assert result.exit_code == 1 and "exactly one of --hub-id" in result.output


def test_hub_download_gets_the_users_token_and_it_goes_nowhere_else(
    ctx, storage, tiny_base: str, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    """The hub is unreachable here: a fake ``snapshot_download`` stands in for the hub call."""
    import shutil

    import huggingface_hub

    calls: list[dict[str, Any]] = []

    def fake_snapshot_download(**kwargs: Any) -> str:
        calls.append(kwargs)
        target = Path(kwargs["local_dir"])
        shutil.copytree(tiny_base, target, dirs_exist_ok=True)
        return str(target)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot_download)
    monkeypatch.setenv("HF_TOKEN", SECRET)
    caplog.set_level(logging.DEBUG)
    staged = stage_from_hub(ctx, "example-org/Tiny-Model", revision="abc123")
    assert staged is not None and staged.prefix.startswith("base-models/tiny-model/")
    (call,) = calls
    assert call["token"] == SECRET and call["repo_id"] == "example-org/Tiny-Model"
    assert call["revision"] == "abc123"
    assert "*.safetensors" in call["allow_patterns"]
    assert "consolidated*.safetensors" in call["ignore_patterns"]
    manifest = storage.get_object(Bucket=BUCKET, Key=staged.prefix + MANIFEST)["Body"].read()
    assert json.loads(manifest)["source"] == "hub:example-org/Tiny-Model@abc123"
    assert SECRET not in caplog.text and SECRET.encode() not in manifest


def test_a_gated_model_without_a_token_fails_before_anything_is_sent(
    ctx, storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx
    import huggingface_hub
    from huggingface_hub.errors import GatedRepoError

    def gated(**kwargs: Any) -> str:
        assert kwargs["token"] is None
        request = httpx.Request("GET", f"https://huggingface.co/{kwargs['repo_id']}")
        response = httpx.Response(401, request=request)
        raise GatedRepoError("401 Client Error: access restricted", response=response)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", gated)
    monkeypatch.delenv("HF_TOKEN", raising=False)
    with pytest.raises(OpsError) as err:
        stage_from_hub(ctx, "mistralai/Mistral-7B-Instruct-v0.3")
    message = str(err.value)
    assert "gated" in message and "set HF_TOKEN" in message
    assert "quantreason aws stage-base-model --hub-id mistralai/Mistral-7B-Instruct-v0.3" in message
    assert _objects(storage) == {}


def test_jobs_and_deploys_need_a_staged_base_model(ctx, storage, tiny_base: str) -> None:
    with pytest.raises(OpsError, match="names no base model: run 'quantreason aws stage-base"):
        require_staged(ctx, None)
    missing = "base-models/tiny/0123456789ab/"
    with pytest.raises(OpsError, match=r"is not staged \(no manifest.json\): run 'quantreason"):
        require_staged(ctx, missing)
    staged = stage_directory(ctx, Path(tiny_base), "tiny")
    assert require_staged(ctx, staged.prefix) == staged.prefix


def test_train_refuses_to_start_without_the_base_model(
    storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name_base_model(tmp_path, prefix="null")  # the committed stage: nothing staged
    result = run_cli("train", "--no-follow")
    assert result.exit_code == 1
    assert "quantreason aws stage-base-model --stage dev" in result.output
    # The state machine was never looked up, let alone started.
    assert "TrainingStateMachineArn" not in result.output


def test_embedded_model_names_are_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    assert base_model.default_name("/cache/models/smollm2-135m-instruct") == "smollm2-135m-instruct"
    assert base_model.default_name("mistralai/Mistral-7B-Instruct-v0.3") == (
        "mistral-7b-instruct-v0.3"
    )
    with pytest.raises(OpsError, match="lowercase"):
        base_model.check_name("Bad Name")


@pytest.mark.slow
def test_the_embedded_smollm2_checkpoint_stages_once(ctx, storage) -> None:
    """The real 0.5 GB embedded checkpoint: multipart upload into moto, then no second send."""
    from quantreason.models import EMBEDDED, resolve_model

    model_dir = Path(resolve_model(EMBEDDED))
    staged = stage_directory(ctx, model_dir, "smollm2-135m-instruct")
    objects = _objects(storage, staged.prefix)
    assert sorted(k.removeprefix(staged.prefix) for k in objects) == sorted(
        [*_checkpoint_files(model_dir), MANIFEST]
    )
    size = (model_dir / "model.safetensors").stat().st_size
    assert objects[staged.prefix + "model.safetensors"]["Size"] == size
    again = stage_directory(ctx, model_dir, "smollm2-135m-instruct")
    assert again.already_staged and again.prefix == staged.prefix


def test_stacks_deployed_before_anything_was_staged_say_what_to_run(
    storage, tmp_path: Path
) -> None:
    """A fresh account's stacks have status outputs instead of a state machine / endpoint."""
    staged_prefix = "base-models/tiny/0123456789ab/"
    name_base_model(tmp_path, prefix=staged_prefix)
    stage_fake_base_model(BUCKET, staged_prefix)
    training_why = "no base model staged: run 'quantreason aws stage-base-model --stage dev'"
    serving_why = "no adapter deployed: run 'quantreason aws deploy model.tar.gz --stage dev'"
    deploy_stack(naming.TRAINING, {naming.OUTPUT_TRAINING_STATUS: training_why})
    deploy_stack(naming.ENDPOINT, {naming.OUTPUT_SERVING_STATUS: serving_why})
    # Staged and named, but the Training stack was deployed before: cdk deploy again.
    result = run_cli("train", "--no-follow")
    assert result.exit_code == 1
    assert f"has no TrainingStateMachineArn: {training_why}" in result.output
    result = run_cli("status")
    assert result.exit_code == 1
    assert f"has no EndpointName: {serving_why}" in result.output
