"""Deterministic code bundles (tar.gz) built on the synthesizing machine, without Docker.

The SageMaker training toolkit downloads ``sagemaker_submit_directory`` and opens it as a
gzipped tar, so the training code asset is one ``sourcedir.tar.gz`` file. Entries are sorted
and carry fixed times and owners, so the same sources give the same bytes and hence the
same asset hash on every machine (snapshots and ``cdk diff`` stay quiet when nothing changed).
"""

from __future__ import annotations

import gzip
import io
import tarfile
from collections.abc import Iterable
from pathlib import Path

import aws_cdk as cdk
import jsii

from quantreason.paths import REPO_ROOT

SKIP_PARTS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


def training_sources(repo_root: Path = REPO_ROOT) -> list[tuple[Path, str]]:
    """``(file, name in archive)`` pairs of the training bundle, sorted by name.

    Root: ``train.py`` and ``requirements.txt`` (from ``training/``), the core package
    ``quantreason/`` and the training profiles ``config/train/``.
    """
    training = repo_root / "training"
    for required in ("train.py", "requirements.txt"):
        if not (training / required).is_file():
            raise FileNotFoundError(f"training code bundle needs {training / required}")
    pairs = [(p, p.relative_to(training).as_posix()) for p in _files(training)]
    pairs += [(p, p.relative_to(repo_root).as_posix()) for p in _files(repo_root / "quantreason")]
    pairs += [(p, p.relative_to(repo_root).as_posix()) for p in _files(repo_root / "config/train")]
    return sorted(pairs, key=lambda pair: pair[1])


def _files(root: Path) -> Iterable[Path]:
    for path in root.rglob("*"):
        if path.is_file() and not SKIP_PARTS & set(path.parts) and path.suffix not in SKIP_SUFFIXES:
            yield path


def write_tarball(pairs: list[tuple[Path, str]], target: Path) -> None:
    """Write a reproducible ``.tar.gz``: sorted entries, mtime 0, uid/gid 0, mode 644."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, name in pairs:
            data = path.read_bytes()
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    # gzip with mtime=0 and no file name in the header: otherwise the bytes change per run.
    with (
        target.open("wb") as out,
        gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz,
    ):
        gz.write(raw.getvalue())


@jsii.implements(cdk.ILocalBundling)
class TrainingCodeBundler:
    """jsii local bundling: builds ``sourcedir.tar.gz`` in CDK's output directory."""

    def __init__(self, repo_root: Path = REPO_ROOT) -> None:
        self._repo_root = repo_root

    def try_bundle(self, output_dir: str, options: object = None) -> bool:
        """Called by CDK during synthesis; returning True means no Docker fallback."""
        write_tarball(training_sources(self._repo_root), Path(output_dir) / "sourcedir.tar.gz")
        return True


def training_bundling() -> cdk.BundlingOptions:
    """Asset bundling options for the training code (local only; the image is never pulled)."""
    return cdk.BundlingOptions(
        image=cdk.DockerImage.from_registry("local-bundling-only"),
        local=TrainingCodeBundler(),
        output_type=cdk.BundlingOutput.SINGLE_FILE,
    )
