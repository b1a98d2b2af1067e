"""``quantreason aws upload-data`` against moto S3 + CloudFormation."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import boto3
import pytest
from ops_helpers import REGION, deploy_stack, run_cli

from quantreason import naming
from quantreason.ops.session import OpsError
from quantreason.ops.upload import upload_dataset

BUCKET = "qr-dev-data"


def _dataset(root: Path) -> Path:
    root.mkdir()
    for split in ("train", "validation", "test"):
        record = {"id": f"{split}-1", "question": "What is 2% of 50?", "answer": 1.0}
        (root / f"{split}.jsonl").write_text(json.dumps(record) + "\n")
    (root / "manifest.json").write_text(json.dumps({"seed": 7}))
    return root


@pytest.fixture
def data_bucket(moto: None) -> str:
    boto3.client("s3", region_name=REGION).create_bucket(Bucket=BUCKET)
    deploy_stack(naming.STORAGE, {naming.OUTPUT_DATA_BUCKET: BUCKET})
    return BUCKET


def test_upload_puts_every_file_with_its_checksum(ctx, data_bucket: str, tmp_path: Path) -> None:
    data = _dataset(tmp_path / "data")
    result = upload_dataset(ctx, data)
    assert result.s3_uri == f"s3://{BUCKET}/{naming.DATA_PREFIX}/"
    assert [f.key for f in result.files] == [
        "datasets/test.jsonl",
        "datasets/train.jsonl",
        "datasets/validation.jsonl",
        "datasets/manifest.json",
    ]
    assert all(f.uploaded for f in result.files)
    s3 = boto3.client("s3", region_name=REGION)
    head = s3.head_object(Bucket=BUCKET, Key="datasets/train.jsonl")
    expected = hashlib.sha256((data / "train.jsonl").read_bytes()).hexdigest()
    assert head["Metadata"]["sha256"] == expected
    body = s3.get_object(Bucket=BUCKET, Key="datasets/train.jsonl")["Body"].read()
    assert body == (data / "train.jsonl").read_bytes()


def test_unchanged_files_are_not_uploaded_again(ctx, data_bucket: str, tmp_path: Path) -> None:
    data = _dataset(tmp_path / "data")
    upload_dataset(ctx, data)
    assert not any(f.uploaded for f in upload_dataset(ctx, data).files)
    (data / "train.jsonl").write_text('{"id": "changed"}\n')
    again = upload_dataset(ctx, data)
    assert [f.key for f in again.files if f.uploaded] == ["datasets/train.jsonl"]
    assert all(f.uploaded for f in upload_dataset(ctx, data, force=True).files)


def test_cli_reports_uploaded_and_unchanged(data_bucket: str, tmp_path: Path) -> None:
    data = _dataset(tmp_path / "data")
    first = run_cli("upload-data", "--data", str(data))
    assert first.exit_code == 0, first.output
    assert first.output.count("uploaded") == 4
    second = run_cli("upload-data", "--data", str(data))
    assert second.output.count("unchanged") == 4
    assert f"s3://{BUCKET}/datasets/" in second.output


def test_not_a_dataset_directory(ctx, tmp_path: Path) -> None:
    with pytest.raises(OpsError, match="not a dataset directory"):
        upload_dataset(ctx, tmp_path)


def test_dry_run_lists_the_puts(tmp_path: Path) -> None:
    data = _dataset(tmp_path / "data")
    result = run_cli("upload-data", "--data", str(data), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.count("s3.head_object(") == 4
    assert result.output.count("s3.put_object(") == 4
    assert "Key='datasets/manifest.json'" in result.output
