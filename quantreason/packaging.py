"""Building the SageMaker ``model.tar.gz`` and the reproducible tar writer the CDK bundle shares.

Layout of ``model.tar.gz`` (what the Hugging Face inference toolkit expects)::

    adapter_config.json
    adapter_model.safetensors
    code/inference.py          the entry point (the toolkit puts code/ on sys.path)
    code/quantreason/...       only the core modules the entry point imports (allow-list below)
    code/lib/...               pinned wheels the DLC lacks, unpacked (only when there are any)

**What ships is an allow-list derived from the imports:** ``serving_sources`` walks the import
statements of ``inference/code/inference.py`` and of every ``quantreason`` module they reach
(function-level and ``TYPE_CHECKING`` imports included), so exactly the modules serving can
import ship, and a module serving stops importing stops shipping. Nothing else of the repository
(CLI, training, pipeline, ops, data generation) is in the archive.

**No pip, no hub at start.** There is no ``code/requirements.txt`` (the toolkit would
pip-install it at every start and scale-out, which fails without internet). What the handler
needs beyond the DLC is listed, pinned, in ``inference/vendor-requirements.txt``; the wheels are
downloaded at package time for the DLC's platform (CPython 3.12, manylinux x86_64) and unpacked
into ``code/lib/`` with ``pip install --target`` (offline, from those files); the entry point
appends ``code/lib`` to ``sys.path``, after the DLC's site-packages, so a vendored package only
fills a gap and never shadows what the image ships. A directory rather than wheels installed at
start: nothing runs at start, no pip, no writable site-packages needed, and start time does not
grow with the vendored set.

The archive is reproducible: entries sorted, owner and timestamps zeroed, so the same adapter
gives the same bytes (and the same S3 ETag).
"""

from __future__ import annotations

import gzip
import io
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterable
from pathlib import Path

from quantreason.imports import ImportGraphError, import_closure
from quantreason.naming import is_adapter_dir
from quantreason.paths import REPO_ROOT, cache_dir
from quantreason.tasks.classifier import CLASSIFIER_FILE

INFERENCE_CODE_DIR = REPO_ROOT / "inference" / "code"
ENTRY_POINT = "inference.py"
#: Engine lmi-vllm: the LMI container's formatters, at the archive's root (an adapter-level
#: model.py for adapter components), with the core modules they import under code/.
LMI_ENTRY_POINT = REPO_ROOT / "inference" / "lmi" / "model.py"
ENGINES = ("hf", "lmi-vllm")
INFERENCE_VENDOR_REQUIREMENTS = REPO_ROOT / "inference" / "vendor-requirements.txt"
PACKAGE_DIR = Path(__file__).resolve().parent
VENDOR_DIR = "lib"
# The DLCs' interpreter and platform (infra/dlc_images.json): wheels are fetched for these,
# whatever Python runs the packaging.
DLC_PYTHON_VERSION = "3.12"
DLC_PLATFORMS = ("manylinux_2_28_x86_64", "manylinux2014_x86_64")

SKIP_PARTS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


class PackagingError(ValueError):
    """The adapter directory, the entry point or a vendored pin is not what an archive needs."""


# --- the allow-list: what the entry point imports (quantreason.imports walks the graph) ---


def serving_sources(
    code_dir: Path = INFERENCE_CODE_DIR, entry: Path | None = None
) -> list[tuple[Path, str]]:
    """``(file, path under code/)`` of everything serving ships: entry point + imported core.

    ``entry`` (engine lmi-vllm's ``model.py``): only the core modules it imports; the caller
    puts the entry itself at the archive's root.
    """
    own_entry = entry is None
    entry = code_dir / ENTRY_POINT if entry is None else entry
    if not entry.is_file():
        raise PackagingError(f"missing {entry}")
    try:
        modules, _ = import_closure(entry)
    except ImportGraphError as err:
        raise PackagingError(str(err)) from None
    pairs = [(entry, ENTRY_POINT)] if own_entry else []
    pairs += [(path, path.relative_to(PACKAGE_DIR.parent).as_posix()) for path in modules]
    return sorted(pairs, key=lambda pair: pair[1])


# --- vendoring: pinned wheels for the DLC's platform, unpacked into a directory --------------


def read_pins(requirements: Path) -> list[str]:
    """``name==version`` lines of a vendor list (comments and blanks dropped); exact pins only."""
    if not requirements.is_file():
        return []
    pins = []
    for number, raw in enumerate(requirements.read_text().splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep or not name.strip() or not version.strip() or any(c in line for c in "<>;@ "):
            raise PackagingError(
                f"{requirements} line {number}: {line!r} is not an exact pin (name==version)"
            )
        pins.append(f"{name.strip()}=={version.strip()}")
    return pins


def _pip(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--disable-pip-version-check", "--no-input"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise PackagingError(f"pip {args[0]} failed:\n{result.stderr.strip()[-2000:]}")


def _platform_args() -> list[str]:
    args = ["--only-binary=:all:", "--python-version", DLC_PYTHON_VERSION]
    args += ["--implementation", "cp"]
    for platform in DLC_PLATFORMS:
        args += ["--platform", platform]
    return args


def vendor_wheels(pins: list[str], target: Path, wheel_dir: Path | None = None) -> Path | None:
    """Install ``pins`` (no dependencies: list them all) into ``target`` for the DLC's Python.

    Wheels are downloaded once into ``wheel_dir`` (default ``<cache>/wheels``; the only step
    that needs PyPI), then installed offline from there with ``pip install --target``.
    Returns ``target``, or None when there is nothing to vendor.
    """
    if not pins:
        return None
    wheel_dir = wheel_dir or cache_dir() / "wheels"
    wheel_dir.mkdir(parents=True, exist_ok=True)
    platform = _platform_args()
    offline = ["--no-index", "--find-links", str(wheel_dir)]
    try:  # already downloaded?
        _pip("download", "--no-deps", *platform, *offline, "-d", str(wheel_dir), *pins)
    except PackagingError:
        _pip("download", "--no-deps", *platform, "-d", str(wheel_dir), *pins)
    install = ["install", "--no-deps", "--no-compile", "--target", str(target)]
    _pip(*install, *platform, *offline, *pins)
    # Console scripts carry this machine's interpreter path in their shebang (and RECORD their
    # hashes): nothing imports them, and leaving them out keeps the bytes machine-independent.
    shutil.rmtree(target / "bin", ignore_errors=True)
    for record in target.glob("*.dist-info/RECORD"):
        record.unlink()
    return target


def vendor_requirement_files() -> list[Path]:
    """The pinned vendor lists: serving's and the training bundle's."""
    return [INFERENCE_VENDOR_REQUIREMENTS, REPO_ROOT / "training" / "vendor-requirements.txt"]


def prefetch_vendor_wheels(wheel_dir: Path | None = None) -> list[str]:
    """Download every vendored wheel into the cache now (``scripts/setup.sh`` does), so that
    packaging and CDK synthesis later run offline. Returns the pins."""
    pins = sorted({pin for path in vendor_requirement_files() for pin in read_pins(path)})
    if pins:
        wheel_dir = wheel_dir or cache_dir() / "wheels"
        _pip("download", "--no-deps", *_platform_args(), "-d", str(wheel_dir), *pins)
    return pins


# --- the archive ----------------------------------------------------------------------------


def _check_adapter(adapter_dir: Path) -> None:
    if not is_adapter_dir(adapter_dir):
        raise PackagingError(
            f"{adapter_dir} is not a PEFT adapter directory "
            "(needs adapter_config.json and adapter_model.safetensors)"
        )


def stage_model_dir(
    adapter_dir: str | Path | None,
    target: str | Path,
    *,
    code_dir: Path = INFERENCE_CODE_DIR,
    vendor_requirements: Path = INFERENCE_VENDOR_REQUIREMENTS,
    wheel_dir: Path | None = None,
    engine: str = "hf",
    task_classifier: Path | None = None,
) -> Path:
    """Lay out ``target`` exactly as ``model.tar.gz`` unpacks (no adapter: base model only).

    ``task_classifier`` (the task check's ``.npz``) goes beside the adapter, where the
    predictor looks for it.

    ``engine="lmi-vllm"``: ``model.py`` (the LMI formatters) at the root instead of
    ``code/inference.py``; ``code/`` holds the core modules it imports and ``code/lib``.
    """
    target = Path(target)
    if engine not in ENGINES:
        raise PackagingError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")
    if target.exists() and any(target.iterdir()):
        raise PackagingError(f"{target} is not empty")
    pins = read_pins(vendor_requirements)  # a bad pin fails before anything is copied
    lmi = engine == "lmi-vllm"
    sources = serving_sources(code_dir, LMI_ENTRY_POINT if lmi else None)
    target.mkdir(parents=True, exist_ok=True)
    if adapter_dir is not None:
        adapter_dir = Path(adapter_dir)
        _check_adapter(adapter_dir)
        for path in sorted(adapter_dir.iterdir()):
            if path.is_file():  # checkpoints/ and other folders stay out of the archive
                shutil.copy2(path, target / path.name)
    if task_classifier is not None:
        if not Path(task_classifier).is_file():
            raise PackagingError(f"task classifier {task_classifier} does not exist")
        shutil.copy2(task_classifier, target / CLASSIFIER_FILE)
    if lmi:
        shutil.copy2(LMI_ENTRY_POINT, target / LMI_ENTRY_POINT.name)
    code = target / "code"
    for source, name in sources:
        (code / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, code / name)
    vendor_wheels(pins, code / VENDOR_DIR, wheel_dir)
    return target


def files_under(root: Path) -> list[tuple[Path, str]]:
    """``(file, relative posix path)`` of the files under ``root``, caches left out."""
    return [
        (path, path.relative_to(root).as_posix())
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not SKIP_PARTS & set(path.relative_to(root).parts)
        and path.suffix not in SKIP_SUFFIXES
    ]


def write_tarball(pairs: Iterable[tuple[Path, str]], target: Path) -> Path:
    """Write a reproducible ``.tar.gz`` of ``(file, name in archive)`` pairs.

    Entries sorted by name, mtime 0, uid/gid 0, no owner names, mode 644 (nothing in an
    archive is executed directly: the toolkits run ``python <file>``), and a gzip header with
    mtime 0 and no file name: the same files give the same bytes on every machine (hence the
    same S3 ETag and CDK asset hash).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, name in sorted(pairs, key=lambda pair: pair[1]):
            data = path.read_bytes()
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    with (
        target.open("wb") as out,
        gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz,
    ):
        gz.write(raw.getvalue())
    return target


def build_archive(model_dir: str | Path, out_path: str | Path) -> Path:
    """Write a reproducible ``model.tar.gz`` of ``model_dir``'s files (paths relative)."""
    return write_tarball(files_under(Path(model_dir)), Path(out_path))


def package_model(
    adapter_dir: str | Path | None,
    out_path: str | Path,
    work_dir: Path,
    *,
    wheel_dir: Path | None = None,
    engine: str = "hf",
    task_classifier: Path | None = None,
) -> Path:
    """Stage the model directory under ``work_dir`` and archive it to ``out_path``."""
    staged = stage_model_dir(
        adapter_dir,
        Path(work_dir) / "model",
        wheel_dir=wheel_dir,
        engine=engine,
        task_classifier=task_classifier,
    )
    return build_archive(staged, out_path)
