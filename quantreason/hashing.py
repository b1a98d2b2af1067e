"""File checksums: the one sha256 helper (pipeline stage state, S3 upload skip, deploy, the
LMI adapters' shared-code check)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: Path) -> str:
    """Hex sha256 of one file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def adapter_digest(adapter: Path) -> str:
    """The first 12 hex of the sha256 over an adapter's weight files (``adapter_model.*`` in
    name order): which fine-tuned weights answered, or whose hidden states a classifier read."""
    digest = hashlib.sha256()
    for weights in sorted(Path(adapter).glob("adapter_model.*")):
        with weights.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:12]


WHOLE_FILE_HASH_BELOW = 16 << 20  # bytes: configs, tokenizers, LoRA weights


def directory_fingerprint(path: str | Path) -> str:
    """The sha256 over a model directory's files (relative names in order): every file under
    16 MiB by content, a larger one (base weights) by size and modification time, which a
    re-download or a re-conversion changes. A path that is not a directory (a hub id) is
    fingerprinted by its name."""
    root = Path(path)
    digest = hashlib.sha256()
    if not root.is_dir():
        digest.update(str(path).encode())
        return digest.hexdigest()
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        stat = file.stat()
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        if stat.st_size < WHOLE_FILE_HASH_BELOW:
            digest.update(sha256_file(file).encode())
        else:
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def source_digest(package: Path) -> str:
    """The first 12 hex of the sha256 over a package's ``*.py`` files (relative names in
    order; compiled caches left out: a copy already imported has them)."""
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(sha256_file(source).encode())
    return digest.hexdigest()[:12]
