"""``quantreason aws stage-base-model``: put base weights in the stage's bucket, once.

Jobs and endpoints never download from the hub: the training job reads the weights as its
``base`` input channel and the endpoint as part of its (uncompressed) model data, both from
``s3://<artifacts>/base-models/<name>/<sha12>/``. That prefix holds the checkpoint's files
as they are (safetensors, ``config.json``, tokenizer files) and ``manifest.json`` with the
sha256 and size of each; ``<sha12>`` is the start of the sha256 of the file list, so a
changed model gets a new prefix and an unchanged one is recognised and not sent again.

Sources: a local checkpoint directory (``--from-dir``; the embedded SmolLM2 works), or the
Hugging Face hub (``--hub-id``) downloaded with ``huggingface_hub.snapshot_download`` using
the user's own ``HF_TOKEN`` from the environment. The token is passed to that one call and
never printed, logged or written anywhere.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from quantreason import naming
from quantreason.hashing import sha256_file
from quantreason.ops.session import OpsContext, OpsError
from quantreason.ops.stacks import stack_output
from quantreason.ops.upload import METADATA_KEY, remote_sha256
from quantreason.stages import BASE_MODEL_PREFIX_RE, STAGE_BASE_MODEL_COMMAND

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
#: What serving and training load; everything else in a hub repository (consolidated or
#: PyTorch-pickle duplicates of the weights, READMEs, images) stays behind.
WEIGHT_PATTERNS = ("*.safetensors", "model.safetensors.index.json")
SIDE_FILES = (
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "tokenizer.model",
    "vocab.json",
    "merges.txt",
    "added_tokens.json",
    "chat_template.jinja",
    "chat_template.json",
)
#: Mistral ships its own-format copy of the weights beside the transformers shards.
SKIPPED = ("consolidated*.safetensors",)
TOKEN_ENV = "HF_TOKEN"
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class StagedFile:
    """One file of the staged model and whether this run sent it."""

    name: str
    sha256: str
    size: int
    uploaded: bool


@dataclass(frozen=True)
class StagedModel:
    """Where the base model is and what this run did."""

    bucket: str
    prefix: str  # base-models/<name>/<sha12>/: what the stage settings name
    files: list[StagedFile]
    already_staged: bool

    @property
    def s3_uri(self) -> str:
        """``s3://bucket/base-models/<name>/<sha12>/``."""
        return f"s3://{self.bucket}/{self.prefix}"


def model_files(model_dir: Path) -> list[Path]:
    """The files of a checkpoint directory that are staged, sorted; a clear error if unusable."""
    if not model_dir.is_dir():
        raise OpsError(f"{model_dir}: not a directory")
    chosen = sorted(
        path
        for path in model_dir.iterdir()
        if path.is_file()
        and (path.name in SIDE_FILES or any(fnmatch(path.name, p) for p in WEIGHT_PATTERNS))
        and not any(fnmatch(path.name, p) for p in SKIPPED)
    )
    names = {p.name for p in chosen}
    if "config.json" not in names or not any(n.endswith(".safetensors") for n in names):
        raise OpsError(
            f"{model_dir} holds no transformers checkpoint (config.json and *.safetensors); "
            "save it with save_pretrained(..., safe_serialization=True)"
        )
    if not names & {"tokenizer.json", "tokenizer.model", "vocab.json"}:
        raise OpsError(f"{model_dir} has no tokenizer files: save the tokenizer beside the model")
    return chosen


def build_manifest(name: str, files: list[Path], source: str) -> dict[str, Any]:
    """``{"name", "source", "version", "files": {file: {"sha256", "size"}}}``.

    ``version`` (the prefix's ``<sha12>``) depends only on the files' names and contents, so
    the same weights staged from the hub or from a local copy land in the same place.
    """
    entries = {p.name: {"sha256": sha256_file(p), "size": p.stat().st_size} for p in files}
    canonical = json.dumps(entries, sort_keys=True, separators=(",", ":")).encode()
    version = hashlib.sha256(canonical).hexdigest()[:12]
    return {"name": name, "source": source, "version": version, "files": entries}


def model_prefix(name: str, version: str) -> str:
    """``base-models/<name>/<version>/`` (what ``base_model:`` in a stage file names)."""
    prefix = f"{naming.BASE_MODELS_PREFIX}/{name}/{version}/"
    if not BASE_MODEL_PREFIX_RE.match(prefix):
        raise OpsError(f"bad base model prefix {prefix!r}")
    return prefix


def default_name(source: str) -> str:
    """``mistral-7b-instruct-v0.3`` from ``mistralai/Mistral-7B-Instruct-v0.3`` or a path."""
    return source.rstrip("/").rsplit("/", 1)[-1].lower()


def check_name(name: str) -> str:
    """A name usable in the prefix (lowercase letters, digits, '.', '_', '-')."""
    if not _NAME_RE.match(name):
        raise OpsError(f"model name {name!r}: 1-64 lowercase letters, digits, '.', '_', '-'")
    return name


def read_manifest(ctx: OpsContext, bucket: str, prefix: str) -> dict[str, Any] | None:
    """The manifest at ``prefix`` (written last, so its presence means complete), or None."""
    from botocore.exceptions import ClientError

    try:
        body = ctx.client("s3").get_object(Bucket=bucket, Key=prefix + MANIFEST)["Body"]
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    return json.loads(body.read())


def stage_directory(
    ctx: OpsContext, model_dir: Path, name: str, source: str | None = None
) -> StagedModel:
    """Upload ``model_dir`` to ``base-models/<name>/<version>/`` unless it is there already."""
    files = model_files(model_dir)
    manifest = build_manifest(check_name(name), files, source or f"local:{model_dir.name}")
    prefix = model_prefix(name, manifest["version"])
    bucket = stack_output(ctx, naming.STORAGE, naming.OUTPUT_ARTIFACTS_BUCKET)
    existing = None if ctx.dry_run else read_manifest(ctx, bucket, prefix)
    if existing is not None and existing.get("files") == manifest["files"]:
        staged = [
            StagedFile(n, e["sha256"], e["size"], uploaded=False)
            for n, e in existing["files"].items()
        ]
        return StagedModel(bucket, prefix, staged, already_staged=True)
    s3 = ctx.client("s3")
    results = []
    for path in files:
        entry = manifest["files"][path.name]
        key = prefix + path.name
        if ctx.dry_run:  # record the call without reading gigabytes into memory
            s3.put_object(Bucket=bucket, Key=key, Metadata={METADATA_KEY: entry["sha256"]})
        elif remote_sha256(ctx, bucket, key) == entry["sha256"]:  # an interrupted run's file
            results.append(StagedFile(path.name, entry["sha256"], entry["size"], uploaded=False))
            continue
        else:
            # Managed transfer: multipart (and parallel) for shards of several GB.
            s3.upload_file(
                str(path), bucket, key, ExtraArgs={"Metadata": {METADATA_KEY: entry["sha256"]}}
            )
        results.append(StagedFile(path.name, entry["sha256"], entry["size"], uploaded=True))
    s3.put_object(
        Bucket=bucket,
        Key=prefix + MANIFEST,
        Body=(json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode(),
        ContentType="application/json",
    )
    return StagedModel(bucket, prefix, results, already_staged=False)


def hub_allow_patterns() -> list[str]:
    """What ``snapshot_download`` fetches: the files :func:`model_files` stages."""
    return [*WEIGHT_PATTERNS, *SIDE_FILES]


def download_from_hub(hub_id: str, revision: str | None, target: Path) -> Path:
    """Download the checkpoint files of ``hub_id`` into ``target`` with the user's token.

    A gated or private repository without ``HF_TOKEN`` fails here, before anything is sent
    to S3 and before any job could start.
    """
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError

    token = os.environ.get(TOKEN_ENV) or None
    try:
        path = snapshot_download(
            repo_id=hub_id,
            revision=revision,
            local_dir=str(target),
            allow_patterns=hub_allow_patterns(),
            ignore_patterns=list(SKIPPED),
            token=token,
        )
    except (GatedRepoError, RepositoryNotFoundError) as err:
        hint = (
            f"set {TOKEN_ENV} to a token of an account that accepted the model's terms"
            if token is None
            else f"the token in {TOKEN_ENV} has no access to it"
        )
        raise OpsError(
            f"{hub_id} is gated, private or missing on the hub ({type(err).__name__}): {hint}, "
            f"then run '{STAGE_BASE_MODEL_COMMAND} --hub-id {hub_id}' again"
        ) from None
    return Path(path)


def stage_from_hub(
    ctx: OpsContext, hub_id: str, name: str | None = None, revision: str | None = None
) -> StagedModel | None:
    """Download ``hub_id`` into a temporary directory and stage it; None on a dry run."""
    if hub_id.count("/") != 1:
        raise OpsError(f"not a hub id 'org/name': {hub_id!r}")
    name = check_name(name or default_name(hub_id))
    if ctx.dry_run:
        log.info("dry run: would download %s (%s) and stage it", hub_id, revision or "main")
        return None
    source = f"hub:{hub_id}@{revision or 'main'}"
    with tempfile.TemporaryDirectory(prefix="quantreason-base-") as tmp:
        model_dir = download_from_hub(hub_id, revision, Path(tmp))
        return stage_directory(ctx, model_dir, name, source)


def require_staged(ctx: OpsContext, base_model: str | None) -> str:
    """The stage's base model prefix, checked to be complete in S3; else a clear error.

    Called before a training job starts or an adapter is deployed, so that nothing is started
    that would fail later for want of weights.
    """
    if base_model is None:
        raise OpsError(
            f"stage {ctx.stage} names no base model: run '{STAGE_BASE_MODEL_COMMAND} --stage "
            f"{ctx.stage} --hub-id ORG/NAME' (or --from-dir DIR) and set base_model in "
            f"config/stages/{ctx.stage}.yaml to the prefix it prints"
        )
    if ctx.dry_run:
        return base_model
    bucket = stack_output(ctx, naming.STORAGE, naming.OUTPUT_ARTIFACTS_BUCKET)
    if read_manifest(ctx, bucket, base_model) is None:
        raise OpsError(
            f"base model s3://{bucket}/{base_model} is not staged (no {MANIFEST}): run "
            f"'{STAGE_BASE_MODEL_COMMAND} --stage {ctx.stage}' with the model it names"
        )
    return base_model
