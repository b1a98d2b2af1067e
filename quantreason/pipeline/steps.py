"""What each pipeline stage does: thin calls into the core package and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    log = [json.loads(line) for line in (paths.train / "train_log.jsonl").read_text().splitlines()]
    steps = [row for row in log if "loss" in row]
    summary: dict[str, Any] = {"steps": len(steps)}
    if steps:
        summary.update(
            first_loss=round(steps[0]["loss"], 4),
            last_loss=round(steps[-1]["loss"], 4),
            mean_tokens_per_s=round(sum(r.get("tokens_per_s", 0.0) for r in steps) / len(steps), 1),
            world_size=steps[-1].get("world_size"),
        )
    return summary


def evaluate(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``eval``: base and fine-tuned on the test splits and the handwritten questions."""
    from quantreason.evaluation import run_evaluation
    from quantreason.evaluation.questions import (
        limit_questions,
        load_questions,
        load_split_questions,
    )

    question_sets = {split: load_split_questions(paths.data, split) for split in config.eval.splits}
    if config.eval.handwritten:
        question_sets["handwritten"] = load_questions(REPO_ROOT / config.eval.handwritten)
    if config.eval.limit:
        question_sets = {k: limit_questions(v, config.eval.limit) for k, v in question_sets.items()}
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

    archive = package_model(paths.adapter, paths.package / "model.tar.gz")
    return {"model_tar_gz": str(archive), "bytes": Path(archive).stat().st_size}


def serve_and_bench(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``serve``: start the local endpoint on loopback, benchmark it, stop it."""
    from quantreason.evaluation.questions import load_split_questions
    from quantreason.serving.bench import run_local_benchmark

    questions = [row["question"] for row in load_split_questions(paths.data, "validation")]
    return run_local_benchmark(
        base=str(model_dir(config)),
        adapter=str(paths.adapter),
        questions=questions,
        out_dir=paths.serve,
        concurrencies=list(config.serve.concurrencies),
        requests_per_level=config.serve.requests_per_level,
    )


def plan_capacity(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``capacity``: turn the benchmark into autoscaling settings (capacity.json)."""
    from quantreason.capacity import plan_from_benchmark

    plan = plan_from_benchmark(
        json.loads((paths.serve / "bench.json").read_text()),
        latency_slo_s=config.capacity.latency_slo_s,
        peak_requests_per_s=config.capacity.peak_requests_per_s,
        safety_factor=config.capacity.safety_factor,
        instance_type=config.capacity.instance_type,
    )
    (paths.serve / "capacity.json").write_text(json.dumps(plan, indent=2, sort_keys=True) + "\n")
    return plan
