"""model.tar.gz: layout SageMaker expects, reproducible bytes, an allow-list of what serving
imports, vendored packages on the path, and code that answers with nothing else on the path."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import site
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from quantreason.imports import import_closure
from quantreason.packaging import (
    INFERENCE_CODE_DIR,
    PackagingError,
    build_archive,
    package_model,
    read_pins,
    serving_sources,
    stage_model_dir,
)
from quantreason.paths import REPO_ROOT

# Run in a child with `python -S`: no .pth file is read, so the editable install of the
# repository's quantreason is unreachable; sys.path is then code/ (what the toolkit prepends),
# the standard library (what -S leaves, minus the working directory) and site-packages (torch...).
SITE_PACKAGES = site.getsitepackages()


def run_isolated(model_dir: Path, script: str, env: dict[str, str] | None = None) -> dict:
    """Run ``script`` in ``model_dir`` with only code/, stdlib and site-packages on the path."""
    prelude = (
        "import sys, json\n"
        f"code = {str(model_dir / 'code')!r}\n"
        f"sys.path[:] = [code, *filter(None, sys.path), *{SITE_PACKAGES!r}]\n"
        "import inference\n"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", prelude + script],
        cwd=model_dir,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {}), "PYTHONPATH": "", "HF_HUB_OFFLINE": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_archive_layout_and_reproducible(tiny_adapter: Path, tmp_path: Path) -> None:
    first = package_model(tiny_adapter, tmp_path / "a" / "model.tar.gz", tmp_path / "wa")
    second = package_model(tiny_adapter, tmp_path / "b" / "model.tar.gz", tmp_path / "wb")
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        names = set(tar.getnames())
        assert all(member.mtime == 0 and member.uid == 0 for member in tar.getmembers())
    assert {"adapter_config.json", "adapter_model.safetensors", "code/inference.py"} <= names
    # No requirements.txt: the toolkit would pip-install it from the internet at every start.
    assert not any(n.endswith("requirements.txt") for n in names)
    assert "code/quantreason/serving/predictor.py" in names
    assert "code/quantreason/reply/parsing.py" in names
    assert not any("__pycache__" in n for n in names)
    # The allow-list: exactly the entry point and the core modules it imports.
    expected = {f"code/{name}" for _, name in serving_sources()}
    code = {n for n in names if n.startswith("code/") and not n.startswith("code/lib/")}
    assert code == expected
    # code/lib/ holds exactly the vendored pins (the configuration layer's pydantic today).
    assert "code/lib/pydantic_settings/__init__.py" in names
    for never in ("cli/", "training/", "pipeline/", "ops/", "evaluation/"):
        assert not any(n.startswith(f"code/quantreason/{never}") for n in names), never
    for never in ("data.py", "capacity.py", "packaging.py", "stages.py", "pricing.py"):
        assert f"code/quantreason/{never}" not in names, never


def test_the_allow_list_follows_the_imports(tmp_path: Path) -> None:
    """A module the entry point starts importing ships; one nothing imports does not."""
    package = tmp_path / "quantreason"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from quantreason.sub import b  # lazy\n")
    (package / "sub" / "b.py").write_text("import numpy\nfrom quantreason import c\n")
    (package / "c.py").write_text("import json\n")
    (package / "unused.py").write_text("")
    entry = tmp_path / "entry.py"
    entry.write_text("import torch\nfrom quantreason.a import f\n")
    modules, third_party = import_closure(entry, package_root=tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in modules] == [
        "quantreason/__init__.py",
        "quantreason/a.py",
        "quantreason/c.py",
        "quantreason/sub/__init__.py",
        "quantreason/sub/b.py",
    ]
    assert third_party == {"torch", "numpy"}


def test_packaged_code_imports_and_answers_with_nothing_else_on_the_path(
    tiny_base: str, tiny_adapter: Path, tmp_path: Path
) -> None:
    """model_fn / transform_fn from the archive's own files only."""
    archive = package_model(tiny_adapter, tmp_path / "model.tar.gz", tmp_path / "work")
    model_dir = tmp_path / "opt_ml_model"
    with tarfile.open(archive) as tar:  # unpacked as SageMaker does it
        tar.extractall(model_dir, filter="data")
    script = (
        f"model = inference.model_fn({str(model_dir)!r})\n"
        "body = inference.transform_fn(\n"
        "    model, b'{\"inputs\": [\"What is 2+2?\"]}', 'application/json', 'application/json')\n"
        "mods = {n: m.__file__ for n, m in sys.modules.items()\n"
        "        if n.split('.')[0] == 'quantreason'}\n"
        "print(json.dumps({'body': json.loads(body), 'modules': mods,\n"
        "                  'loaded': sorted(mods)}))\n"
    )
    env = {"QUANTREASON_BASE_MODEL": tiny_base, "QUANTREASON_DEFAULT_NEW_TOKENS": "8"}
    out = run_isolated(model_dir, script, env)
    [record] = out["body"]
    assert record["adapter"].startswith("opt_ml_model@") and "answer" in record
    code = (model_dir / "code").resolve()
    assert all(Path(f).resolve().is_relative_to(code) for f in out["modules"].values())
    assert "quantreason.serving.predictor" in out["loaded"]


def _pure_wheel(wheel_dir: Path, name: str, version: str, source: str) -> Path:
    """A minimal valid pure-Python wheel (what PyPI serves for a pure package)."""
    wheel_dir.mkdir(parents=True, exist_ok=True)
    dist = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": source,
        f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=")
        record.append(f"{path},sha256={digest.decode()},{len(text.encode())}")
    files[f"{dist}/RECORD"] = "\n".join([*record, f"{dist}/RECORD,,"]) + "\n"
    wheel = wheel_dir / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


def test_vendored_packages_ship_in_code_lib_and_import_without_network(tmp_path: Path) -> None:
    """Pins are installed from local wheels into code/lib (pip --no-index: no network) and the
    entry point appends code/lib to sys.path, after everything already there."""
    _pure_wheel(tmp_path / "wheels", "vendored_probe", "1.2.3", "ANSWER = 42\n")
    pins = tmp_path / "vendor-requirements.txt"
    pins.write_text("# comment\nvendored_probe==1.2.3\n")
    model_dir = stage_model_dir(
        None, tmp_path / "model", vendor_requirements=pins, wheel_dir=tmp_path / "wheels"
    )
    assert (model_dir / "code/lib/vendored_probe/__init__.py").read_text() == "ANSWER = 42\n"
    assert not list((model_dir / "code/lib").rglob("*.pyc"))
    out = run_isolated(
        model_dir,
        "import vendored_probe\n"
        "print(json.dumps({'answer': vendored_probe.ANSWER, 'path': sys.path}))\n",
    )
    assert out["answer"] == 42
    assert out["path"][-1] == str((model_dir / "code" / "lib").resolve())
    with tarfile.open(build_archive(model_dir, tmp_path / "m.tar.gz")) as tar:
        assert "code/lib/vendored_probe/__init__.py" in tar.getnames()


def test_vendor_pins_must_be_exact(tmp_path: Path) -> None:
    pins = tmp_path / "vendor-requirements.txt"
    pins.write_text("pydantic>=2\n")
    with pytest.raises(PackagingError, match="line 1: 'pydantic>=2' is not an exact pin"):
        read_pins(pins)
    with pytest.raises(PackagingError, match="not an exact pin"):
        stage_model_dir(None, tmp_path / "model", vendor_requirements=pins)
    assert not (tmp_path / "model").exists()  # refused before anything was written


def test_committed_vendor_lists_parse() -> None:
    for path in (
        REPO_ROOT / "inference/vendor-requirements.txt",
        REPO_ROOT / "training/vendor-requirements.txt",
    ):
        read_pins(path)


def test_bad_adapter_dir_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(PackagingError, match="not a PEFT adapter"):
        stage_model_dir(tmp_path / "empty", tmp_path / "out")


def test_base_model_only_archive(tmp_path: Path) -> None:
    staged = stage_model_dir(None, tmp_path / "model")
    archive = build_archive(staged, tmp_path / "model.tar.gz")
    with tarfile.open(archive) as tar:
        assert "adapter_config.json" not in tar.getnames()
        assert "code/inference.py" in tar.getnames()
    assert INFERENCE_CODE_DIR.joinpath("inference.py").is_file()


def test_lmi_archive_has_the_formatters_at_its_root(tiny_adapter: Path, tmp_path: Path) -> None:
    """``package-model --engine lmi-vllm``: what `aws deploy --component` uploads."""
    from quantreason.packaging import LMI_ENTRY_POINT

    archive = package_model(
        tiny_adapter, tmp_path / "model.tar.gz", tmp_path / "work", engine="lmi-vllm"
    )
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        model_py = tar.extractfile("model.py").read()
    assert model_py == LMI_ENTRY_POINT.read_bytes()
    assert {"adapter_config.json", "adapter_model.safetensors"} <= names
    assert "code/inference.py" not in names  # the HF toolkit's entry point is not shipped
    # Exactly the core modules model.py imports (vllm_engine and what it reaches).
    code = {n for n in names if n.startswith("code/") and not n.startswith("code/lib/")}
    assert code == {f"code/{name}" for _, name in serving_sources(entry=LMI_ENTRY_POINT)}
    assert "code/quantreason/serving/vllm_engine.py" in code
    with pytest.raises(PackagingError, match="unknown engine"):
        stage_model_dir(tiny_adapter, tmp_path / "other", engine="tgi")
