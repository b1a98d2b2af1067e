"""File checksums: the one sha256 helper (pipeline stage state, S3 upload skip, deploy)."""

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
