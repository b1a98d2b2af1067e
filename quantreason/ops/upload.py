"""``quantreason aws upload-data``: put a dataset in the stage's data bucket, skip unchanged files.

Each object carries the SHA-256 of its content in its S3 metadata (``x-amz-meta-sha256``);
a file whose checksum matches the object already there is not sent again, so re-running
the command on an unchanged dataset costs one ``HeadObject`` per file.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from quantreason import naming
from quantreason.hashing import sha256_file
from quantreason.ops.session import OpsContext, OpsError
from quantreason.ops.stacks import stack_output

#: Files of a dataset directory written by ``quantreason data --out DIR``.
MANIFEST = "manifest.json"
METADATA_KEY = "sha256"


@dataclass(frozen=True)
class UploadedFile:
    """One file of the dataset and what happened to it."""

    path: Path
    key: str
    sha256: str
    uploaded: bool


@dataclass(frozen=True)
class UploadResult:
    """Where the dataset is and which files were sent."""

    bucket: str
    prefix: str
    files: list[UploadedFile]

    @property
    def s3_uri(self) -> str:
        """``s3://bucket/prefix/``: the training data channel."""
        return f"s3://{self.bucket}/{self.prefix}/"


def dataset_files(data_dir: Path) -> list[Path]:
    """The splits (``*.jsonl``) and the manifest of a dataset directory, sorted."""
    if not (data_dir / MANIFEST).is_file():
        raise OpsError(
            f"{data_dir} is not a dataset directory (no {MANIFEST}); "
            "create one with `quantreason data --out DIR` or omit --data to generate one"
        )
    return [*sorted(data_dir.glob("*.jsonl")), data_dir / MANIFEST]


def generate_dataset(out_dir: Path) -> Path:
    """Generate the dataset with the data command (the on-disk contract), return its directory."""
    command = [sys.executable, "-m", "quantreason", "data", "--out", str(out_dir)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise OpsError(f"dataset generation failed: {done.stderr.strip()[-500:]}")
    return out_dir


def remote_sha256(ctx: OpsContext, bucket: str, key: str) -> str | None:
    """The sha256 an object carries in its metadata; None if there is no such object."""
    from botocore.exceptions import ClientError

    try:
        head = ctx.client("s3").head_object(Bucket=bucket, Key=key)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    return head.get("Metadata", {}).get(METADATA_KEY)


def upload_dataset(ctx: OpsContext, data_dir: Path, force: bool = False) -> UploadResult:
    """Upload ``data_dir`` to ``s3://<data bucket>/datasets/`` (bucket from the Storage stack)."""
    files = dataset_files(data_dir)
    bucket = stack_output(ctx, naming.STORAGE, naming.OUTPUT_DATA_BUCKET)
    s3 = ctx.client("s3")
    results: list[UploadedFile] = []
    for path in files:
        key = f"{naming.DATA_PREFIX}/{path.name}"
        digest = sha256_file(path)
        unchanged = not force and remote_sha256(ctx, bucket, key) == digest
        if not unchanged:
            content_type = "application/json" if path.suffix == ".json" else "application/x-ndjson"
            s3.put_object(
                Bucket=bucket,
                Key=key,
                Body=path.read_bytes(),
                ContentType=content_type,
                Metadata={METADATA_KEY: digest},
            )
        results.append(UploadedFile(path, key, digest, uploaded=not unchanged))
    return UploadResult(bucket=bucket, prefix=naming.DATA_PREFIX, files=results)
