"""Building the SageMaker ``model.tar.gz``: adapter at the root, entry point + core under code/.

Layout (what the Hugging Face inference toolkit expects)::

    adapter_config.json
    adapter_model.safetensors
    code/inference.py
    code/requirements.txt
    code/quantreason/...      copy of the core package (no CLI, training or pipeline code)

The archive is reproducible: entries sorted, owner and timestamps zeroed, so the same adapter
gives the same bytes (and the same S3 ETag).
"""

from __future__ import annotations

import gzip
import io
import shutil
import tarfile
from pathlib import Path

from quantreason.paths import REPO_ROOT

INFERENCE_CODE_DIR = REPO_ROOT / "inference" / "code"
PACKAGE_DIR = Path(__file__).resolve().parent
ENTRY_POINT_FILES = ("inference.py", "requirements.txt")
# Serving never imports these; leaving them out keeps the image's dependencies small.
EXCLUDED_SUBPACKAGES = frozenset({"cli", "training", "pipeline", "ops", "evaluation"})
ADAPTER_FILES = ("adapter_config.json",)


class PackagingError(ValueError):
    """The adapter directory or the entry point is not what a model archive needs."""


def _ignore(directory: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n == "__pycache__" or n.endswith((".pyc", ".pyo"))}
    if Path(directory).resolve() == PACKAGE_DIR:
        ignored |= EXCLUDED_SUBPACKAGES & set(names)
    return ignored


def stage_model_dir(
    adapter_dir: str | Path | None, target: str | Path, *, code_dir: Path = INFERENCE_CODE_DIR
) -> Path:
    """Lay out ``target`` exactly as ``model.tar.gz`` unpacks (no adapter: base model only)."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise PackagingError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    if adapter_dir is not None:
        adapter_dir = Path(adapter_dir)
        missing = [name for name in ADAPTER_FILES if not (adapter_dir / name).is_file()]
        weights = sorted(adapter_dir.glob("adapter_model.*"))
        if missing or not weights:
            raise PackagingError(
                f"{adapter_dir} is not a PEFT adapter directory "
                "(needs adapter_config.json and adapter_model.safetensors)"
            )
        for path in sorted(adapter_dir.iterdir()):
            if path.is_file():  # checkpoints/ and other folders stay out of the archive
                shutil.copy2(path, target / path.name)
    code = target / "code"
    code.mkdir()
    for name in ENTRY_POINT_FILES:
        source = code_dir / name
        if not source.is_file():
            raise PackagingError(f"missing {source}")
        shutil.copy2(source, code / name)
    shutil.copytree(PACKAGE_DIR, code / "quantreason", ignore=_ignore)
    return target


def _reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = 0
    return info


def build_archive(model_dir: str | Path, out_path: str | Path) -> Path:
    """Write a reproducible ``model.tar.gz`` of ``model_dir``'s contents (paths relative)."""
    model_dir, out_path = Path(model_dir), Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for path in sorted(model_dir.rglob("*")):
            arcname = path.relative_to(model_dir).as_posix()
            tar.add(path, arcname=arcname, recursive=False, filter=_reset)
    with out_path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buffer.getvalue())
    return out_path


def package_model(adapter_dir: str | Path | None, out_path: str | Path, work_dir: Path) -> Path:
    """Stage the model directory under ``work_dir`` and archive it to ``out_path``."""
    staged = stage_model_dir(adapter_dir, Path(work_dir) / "model")
    return build_archive(staged, out_path)
