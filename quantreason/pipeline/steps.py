"""What each pipeline stage does: thin calls into the core package and the CLI."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quantreason.hashing import sha256_file
from quantreason.paths import REPO_ROOT
from quantreason.pipeline.runner import hash_outputs

if TYPE_CHECKING:
    from quantreason.pipeline.config import PipelineConfig
    from quantreason.pipeline.main import PipelinePaths


def model_dir(config: PipelineConfig) -> Path:
    """Local directory of the pipeline's base model (it may not exist before the model stage)."""
    from quantreason.models import EMBEDDED, TINY_RANDOM, embedded_dir, tiny_dir

    if config.model == EMBEDDED:
        return embedded_dir()
    if config.model == TINY_RANDOM:
        return tiny_dir()
    return Path(config.model)


def generate_data(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``data``: write the splits and manifest."""
    from rich.progress import Progress

    from quantreason.data import write_dataset

    data = config.data
    sizes = {
        "train": data.train_size,
        "validation": data.validation_size,
        "test": data.test_size,
        "test_ood_range": data.test_size,
        "test_ood_template": data.test_size,
    }
    with Progress() as progress:
        task = progress.add_task("generating questions", total=sum(sizes.values()))
        manifest = write_dataset(
            paths.data,
            seed=config.seed,
            sizes=sizes,
            on_record=lambda _record: progress.advance(task),
        )
    return {"records_per_split": manifest["sizes"], "families": len(manifest["families"])}


def prepare_model(config: PipelineConfig) -> dict[str, Any]:
    """Stage ``model``: convert/build the base checkpoint."""
    from quantreason.models import resolve_model

    return {"base_model": resolve_model(config.model)}


def train_profile_hash(config: PipelineConfig) -> dict[str, Any]:
    """The training profile's content, so that editing it retrains."""
    from quantreason.training.config import profile_path

    return {"train_profile": hash_outputs([profile_path(config.train.profile)])}


def handwritten_hash(config: PipelineConfig) -> dict[str, Any]:
    """The handwritten benchmark's content, so that editing it re-evaluates."""
    if not config.eval.handwritten:
        return {}
    return {"handwritten": hash_outputs([REPO_ROOT / config.eval.handwritten])}


# The sources each stage's result depends on: editing them re-runs the stage (and, through the
# output hashes, everything downstream). Only *.py files count, so compiled bytecode does not.
GENERATOR_SOURCES = ("quantreason/tasks", "quantreason/data.py", "quantreason/reply")
TRAINING_SOURCES = (
    "quantreason/training",
    "quantreason/reply",
    "quantreason/models.py",
    "training/train.py",
)
EVALUATION_SOURCES = (
    "quantreason/evaluation",
    "quantreason/reply",
    "quantreason/formula.py",
    "quantreason/generation.py",
    "quantreason/stopping.py",
)


def source_hash(name: str, sources: Iterable[str]) -> dict[str, Any]:
    """``{name: {repo-relative path: sha256}}`` for the Python files under ``sources``."""
    hashes: dict[str, str] = {}
    for source in sources:
        path = REPO_ROOT / source
        if not path.exists():  # a bug in the lists above, not a user error
            raise FileNotFoundError(f"pipeline source {source!r} does not exist under {REPO_ROOT}")
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            hashes[file.relative_to(REPO_ROOT).as_posix()] = sha256_file(file)
    return {name: hashes}


def serving_code_hash() -> dict[str, Any]:
    """What goes into model.tar.gz besides the adapter: the entry point and the core package
    minus the subpackages serving never imports, so that editing either repackages."""
    from quantreason.packaging import ENTRY_POINT_FILES, EXCLUDED_SUBPACKAGES, PACKAGE_DIR

    core = [
        path.relative_to(REPO_ROOT).as_posix()
        for path in sorted(PACKAGE_DIR.iterdir())
        if path.name not in EXCLUDED_SUBPACKAGES
        and (path.is_dir() or path.suffix == ".py")
        and path.name != "__pycache__"
    ]
    return {
        **source_hash("serving_entry", [f"inference/code/{name}" for name in ENTRY_POINT_FILES]),
        **source_hash("serving_core", core),
    }


def train(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``train``: ``quantreason train`` under torchrun with the profile's settings."""
    from quantreason.pipeline.main import _quantreason

    _quantreason(
        "train",
        "--profile",
        config.train.profile,
        "--nproc",
        str(config.train.nproc),
        "--data",
        str(paths.data),
        "--out",
        str(paths.train),
        "--set",
        f"model.name={config.model}",
        "--set",
        f"train.seed={config.seed}",
    )
    # The trainer's own summary (a resumed run's log repeats steps; the summary does not).
    summary = json.loads((paths.train / "summary.json").read_text())
    keep = ("steps", "records", "first_loss", "last_loss", "tokens_per_s", "wall_s", "world_size")
    return {key: summary[key] for key in keep if key in summary}


def evaluate(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``eval``: base and fine-tuned on the test splits and the handwritten questions."""
    from quantreason.evaluation import run_evaluation
    from quantreason.evaluation.questions import question_sets as load_question_sets

    handwritten = [REPO_ROOT / config.eval.handwritten] if config.eval.handwritten else []
    question_sets = load_question_sets(
        paths.data, config.eval.splits, handwritten, config.eval.limit
    )
    rows = run_evaluation(
        str(model_dir(config)),
        str(paths.adapter),
        question_sets,
        paths.eval,
        batch_size=config.eval.batch_size,
        max_new_tokens=config.eval.max_new_tokens,
    )
    return {
        f"{row['model']}/{row['split']}": f"{100 * row['accuracy']:.1f} % of {row['n']}"
        for row in rows
        if row["family"] == "all"
    }


def package(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``package``: model.tar.gz with the adapter and the handler code."""
    from quantreason.packaging import package_model

    with tempfile.TemporaryDirectory() as work_dir:
        archive = package_model(paths.adapter, paths.package / "model.tar.gz", Path(work_dir))
    return {"model_tar_gz": str(archive), "megabytes": round(archive.stat().st_size / 1e6, 2)}


def serve_and_bench(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``serve``: start the local endpoint on loopback, benchmark it, stop it."""
    from quantreason.data import load_split
    from quantreason.serving.local_bench import run_local_benchmark

    questions = [row["question"] for row in load_split(paths.data, "validation")]
    bench = run_local_benchmark(
        str(model_dir(config)),
        paths.adapter,
        questions,
        paths.serve,
        concurrencies=config.serve.concurrencies,
        requests=config.serve.requests_per_level,
        max_new_tokens=config.eval.max_new_tokens,
    )
    return {
        "levels": [
            {
                "concurrency": level["concurrency"],
                "p50_s": (level["latency_s"] or {}).get("p50"),  # None: no request succeeded
                "p95_s": (level["latency_s"] or {}).get("p95"),
                "throughput_rps": level["throughput_rps"],
                "errors": level["errors"],
            }
            for level in bench["levels"]
        ]
    }


def plan_capacity(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``capacity``: turn the benchmark into autoscaling settings (capacity.json)."""
    from quantreason.capacity import capacity_from_benchmark, plan

    settings = config.capacity
    bench = json.loads((paths.serve / "bench.json").read_text())
    latency, capacity_rps, source = capacity_from_benchmark(bench, settings.latency_slo_s)
    result = plan(
        latency_s=latency,
        capacity_rps=capacity_rps,
        peak_rps=settings.peak_requests_per_s,
        instance_type=settings.instance_type,
        safety_factor=settings.safety_factor,
        latency_slo_s=settings.latency_slo_s,
        source=source,
    ).to_json()
    (paths.serve / "capacity.json").write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    return result
