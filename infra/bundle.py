"""Deterministic code bundles (tar.gz) built on the synthesizing machine, without Docker.

The SageMaker training toolkit downloads ``sagemaker_submit_directory`` and opens it as a
gzipped tar, so the training code asset is one ``sourcedir.tar.gz`` file, written by the one
reproducible tar writer (``quantreason.packaging.write_tarball``): the same sources give the
same bytes and hence the same asset hash on every machine (snapshots and ``cdk diff`` stay
quiet when nothing changed).

No ``requirements.txt`` in the bundle: the toolkit would pip-install it before every job, which
needs internet. What ``train.py`` needs beyond the training DLC is pinned in
``training/vendor-requirements.txt`` and unpacked into ``lib/`` here (see
``quantreason.packaging.vendor_wheels``); ``train.py`` appends ``lib/`` to ``sys.path``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import aws_cdk as cdk
import jsii

from quantreason.packaging import files_under, read_pins, vendor_wheels, write_tarball
from quantreason.paths import REPO_ROOT

VENDOR_DIR = "lib"


def training_sources(
    repo_root: Path = REPO_ROOT, vendored: Path | None = None
) -> list[tuple[Path, str]]:
    """``(file, name in archive)`` pairs of the training bundle, sorted by name.

    Root: ``train.py`` (from ``training/``), the core package ``quantreason/``, the training
    profiles ``config/train/`` and, when given, the vendored packages under ``lib/``.
    """
    training = repo_root / "training"
    if not (training / "train.py").is_file():
        raise FileNotFoundError(f"training code bundle needs {training / 'train.py'}")
    pairs = [(p, name) for p, name in files_under(training) if name.endswith(".py")]
    pairs += [(p, f"quantreason/{name}") for p, name in files_under(repo_root / "quantreason")]
    pairs += [(p, f"config/train/{name}") for p, name in files_under(repo_root / "config/train")]
    if vendored is not None:
        pairs += [(p, f"{VENDOR_DIR}/{name}") for p, name in files_under(vendored)]
    return sorted(pairs, key=lambda pair: pair[1])


def write_training_bundle(target: Path, repo_root: Path = REPO_ROOT) -> Path:
    """``sourcedir.tar.gz``: the sources plus the pinned vendored wheels, unpacked."""
    pins = read_pins(repo_root / "training" / "vendor-requirements.txt")
    with tempfile.TemporaryDirectory() as work:
        vendored = vendor_wheels(pins, Path(work) / VENDOR_DIR)
        return write_tarball(training_sources(repo_root, vendored), target)


@jsii.implements(cdk.ILocalBundling)
class TrainingCodeBundler:
    """jsii local bundling: builds ``sourcedir.tar.gz`` in CDK's output directory."""

    def __init__(self, repo_root: Path = REPO_ROOT) -> None:
        self._repo_root = repo_root

    def try_bundle(self, output_dir: str, options: object = None) -> bool:
        """Called by CDK during synthesis; returning True means no Docker fallback."""
        write_training_bundle(Path(output_dir) / "sourcedir.tar.gz", self._repo_root)
        return True


def training_bundling() -> cdk.BundlingOptions:
    """Asset bundling options for the training code (local only; the image is never pulled)."""
    return cdk.BundlingOptions(
        image=cdk.DockerImage.from_registry("local-bundling-only"),
        local=TrainingCodeBundler(),
        output_type=cdk.BundlingOutput.SINGLE_FILE,
    )
