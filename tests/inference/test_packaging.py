"""model.tar.gz: layout SageMaker expects, reproducible bytes, self-contained code/."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from quantreason.packaging import PackagingError, build_archive, package_model, stage_model_dir


def test_archive_layout_and_reproducible(tiny_adapter: Path, tmp_path: Path) -> None:
    first = package_model(tiny_adapter, tmp_path / "a" / "model.tar.gz", tmp_path / "wa")
    second = package_model(tiny_adapter, tmp_path / "b" / "model.tar.gz", tmp_path / "wb")
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        names = set(tar.getnames())
        assert all(member.mtime == 0 and member.uid == 0 for member in tar.getmembers())
    assert {"adapter_config.json", "adapter_model.safetensors"} <= names
    assert {"code/inference.py", "code/requirements.txt"} <= names
    assert "code/quantreason/serving/predictor.py" in names
    assert "code/quantreason/responses.py" in names
    assert not any("__pycache__" in n or n.startswith("code/quantreason/cli") for n in names)
    assert not any(n.startswith("code/quantreason/training") for n in names)


def test_packaged_code_imports_on_its_own(tiny_adapter: Path, tmp_path: Path) -> None:
    """The entry point imports from the copied core, without the repository on the path."""
    model_dir = stage_model_dir(tiny_adapter, tmp_path / "model")
    probe = (
        "import sys; sys.path.insert(0, 'code'); import inference, quantreason; "
        "print(quantreason.__file__)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", probe],
        cwd=model_dir,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert Path(result.stdout.strip()).resolve().is_relative_to(model_dir.resolve() / "code")


def test_bad_adapter_dir_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(PackagingError, match="not a PEFT adapter"):
        stage_model_dir(tmp_path / "empty", tmp_path / "out")


def test_base_model_only_archive(tmp_path: Path) -> None:
    staged = stage_model_dir(None, tmp_path / "model")
    archive = build_archive(staged, tmp_path / "model.tar.gz")
    with tarfile.open(archive) as tar:
        assert "adapter_config.json" not in tar.getnames()
