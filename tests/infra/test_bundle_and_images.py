"""The training code bundle and the DLC image table."""

from __future__ import annotations

import io
import re
import tarfile
from pathlib import Path

import pytest

from infra.bundle import training_sources, write_training_bundle
from infra.dlc_images import build_table, load_table
from quantreason.packaging import write_tarball
from quantreason.paths import REPO_ROOT


def test_bundle_layout_and_reproducibility(tmp_path: Path):
    pairs = training_sources()
    first, second = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    write_tarball(pairs, first)
    write_tarball(pairs, second)
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first, "r:gz") as tar:  # how the SageMaker toolkit opens it
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names)
    assert {"train.py", "quantreason/__init__.py"} <= set(names)
    # No requirements.txt: the training toolkit would pip-install it before every job.
    assert not [n for n in names if n.endswith("requirements.txt")]
    assert "quantreason/stages.py" in names
    assert all(n.startswith("config/train/") for n in names if n.startswith("config/"))
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert {m.mtime for m in members} == {0} and {m.uid for m in members} == {0}


def test_bundle_needs_the_entry_point(tmp_path: Path):
    (tmp_path / "training").mkdir()
    (tmp_path / "training" / "vendor-requirements.txt").write_text("")
    with pytest.raises(FileNotFoundError, match=r"train\.py"):
        training_sources(tmp_path)


def test_bundle_changes_when_code_changes(tmp_path: Path):
    for name in ("training", "quantreason", "config/train"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "training" / "train.py").write_text("print(1)\n")
    (tmp_path / "training" / "vendor-requirements.txt").write_text("")
    (tmp_path / "quantreason" / "__init__.py").write_text("")
    write_tarball(training_sources(tmp_path), tmp_path / "a.tgz")
    (tmp_path / "quantreason" / "__init__.py").write_text("X = 1\n")
    write_tarball(training_sources(tmp_path), tmp_path / "b.tgz")
    assert (tmp_path / "a.tgz").read_bytes() != (tmp_path / "b.tgz").read_bytes()
    with tarfile.open(tmp_path / "b.tgz") as tar:
        data = tar.extractfile("quantreason/__init__.py")
        assert io.BytesIO(data.read()).getvalue() == b"X = 1\n"


def test_bundle_vendors_the_pinned_wheels_into_lib(tmp_path: Path, monkeypatch):
    """Pins in training/vendor-requirements.txt are unpacked under lib/ of the bundle."""
    import quantreason.packaging as packaging

    calls = []

    def fake_vendor(pins, target, wheel_dir=None):  # pip itself is tested in tests/inference
        calls.append(pins)
        (target / "probe").mkdir(parents=True)
        (target / "probe" / "__init__.py").write_text("X = 1\n")
        return target

    for name in ("training", "quantreason", "config/train"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "training" / "train.py").write_text("print(1)\n")
    (tmp_path / "training" / "vendor-requirements.txt").write_text("probe==1.0\n")
    (tmp_path / "quantreason" / "__init__.py").write_text("")
    monkeypatch.setattr("infra.bundle.vendor_wheels", fake_vendor)
    bundle = write_training_bundle(tmp_path / "sourcedir.tar.gz", tmp_path)
    with tarfile.open(bundle) as tar:
        names = tar.getnames()
    assert calls == [["probe==1.0"]]
    assert "lib/probe/__init__.py" in names and "train.py" in names
    # The real list: what the config layer needs and the training DLC lacks, exactly pinned.
    pins = packaging.read_pins(REPO_ROOT / "training" / "vendor-requirements.txt")
    assert "pydantic-settings==2.16.3" in pins and all("==" in pin for pin in pins)


def test_train_py_puts_lib_on_the_path_after_the_image_packages(tmp_path: Path):
    """The entry point appends lib/ (vendored) to sys.path; the image's packages come first."""
    import subprocess
    import sys

    (tmp_path / "lib" / "probe").mkdir(parents=True)
    (tmp_path / "lib" / "probe" / "__init__.py").write_text("X = 7\n")
    train = (REPO_ROOT / "training" / "train.py").read_text()
    head = train.split("from quantreason.training.recipe import main")[0]
    (tmp_path / "train_head.py").write_text(
        head + "import probe, sys\nprint(probe.X, sys.path[-1])\n"
    )
    out = subprocess.run(
        [sys.executable, "-I", str(tmp_path / "train_head.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["7", str(tmp_path / "lib")]


def test_dlc_table_is_complete_and_well_formed():
    table = load_table()
    assert "sagemaker_core" in table["source"]
    for kind, repo in (
        ("training", "huggingface-pytorch-training"),
        ("inference", "huggingface-pytorch-inference"),
    ):
        image = table["images"][kind]
        assert image["repository"] == repo
        # Full versions only: short ones give tags that may not exist.
        assert re.fullmatch(
            r"\d+\.\d+\.\d+-transformers\d+\.\d+\.\d+-gpu-py3\d+-cu\d+-ubuntu\d+\.\d+", image["tag"]
        ), image["tag"]
        registries = image["registries"]
        assert len(registries) >= 25
        assert registries["us-east-1"] == registries["eu-west-1"] == "763104351884"
        assert registries["cn-north-1"] != "763104351884"  # accounts differ by region
        assert all(re.fullmatch(r"\d{12}", a) for a in registries.values())
    assert table["images"]["training"]["tag"].startswith("2.9.0-transformers5.3.0")
    assert table["images"]["inference"]["tag"].startswith("2.6.0-transformers5.5.3")
    # What each image ships (read from its Dockerfile): the fidelity environments install it.
    for kind, transformers in (("training", "5.3.0"), ("inference", "5.5.3")):
        shipped = table["images"][kind]["shipped"]
        assert shipped["packages"]["transformers"] == transformers
        assert shipped["packages"]["torch"] == table["images"][kind]["tag"].split("-")[0]
        assert shipped["python"].startswith("3.12.") and table["images"][kind]["tag"].count("py312")


def test_build_table_from_sagemaker_core_layout():
    entry = {
        "py_versions": ["py312"],
        "registries": {"us-east-1": "763104351884", "af-south-1": "626614931356"},
        "repository": "huggingface-pytorch-training",
        "container_version": {"gpu": "cu130-ubuntu22.04"},
    }
    inference = dict(
        entry,
        repository="huggingface-pytorch-inference",
        container_version={"gpu": "cu124-ubuntu22.04"},
    )
    config = {
        "training": {"versions": {"5.3.0": {"pytorch2.9.0": entry}}},
        "inference": {"versions": {"5.5.3": {"pytorch2.6.0": inference}}},
    }
    table = build_table(config, source="test")
    assert (
        table["images"]["training"]["tag"] == "2.9.0-transformers5.3.0-gpu-py312-cu130-ubuntu22.04"
    )
    assert list(table["images"]["inference"]["registries"]) == ["af-south-1", "us-east-1"]
    entry["py_versions"] = ["py311"]
    with pytest.raises(ValueError, match="py312 not offered"):
        build_table(config, source="test")


def test_unknown_region_fails_before_synth(tmp_path: Path):
    from infra.app_builder import build_stage_app, new_app
    from quantreason.stages import StageConfigError

    with pytest.raises(StageConfigError, match="no training container image listed for"):
        build_stage_app(new_app(tmp_path), "dev", overrides={"region": "xx-nowhere-9"})


def test_repo_root_has_the_cdk_entry_points():
    assert (REPO_ROOT / "app.py").is_file() and (REPO_ROOT / "cdk.json").is_file()


@pytest.mark.parametrize(
    ("kind", "entry_point", "vendor_list"),
    [
        ("inference", "inference/code/inference.py", "inference/vendor-requirements.txt"),
        ("training", "training/train.py", "training/vendor-requirements.txt"),
    ],
)
def test_every_third_party_import_is_in_the_image_or_vendored(kind, entry_point, vendor_list):
    """No pip at start: what the container code imports is in the DLC or in lib/. A new
    third-party import fails here (add its exact pins to the vendor list), not in the cloud."""
    from importlib import metadata

    from quantreason.imports import import_closure
    from quantreason.packaging import read_pins

    _, third_party = import_closure(REPO_ROOT / entry_point)
    in_image = set(load_table()["images"][kind]["shipped"]["imports"])
    vendored = set()
    for pin in read_pins(REPO_ROOT / vendor_list):
        files = metadata.distribution(pin.split("==")[0]).files or []
        vendored |= {f.parts[0].removesuffix(".py") for f in files if len(f.parts) >= 1}
    missing = sorted(third_party - in_image - vendored)
    assert not missing, f"{kind}: {missing} are neither in the DLC nor in {vendor_list}"
