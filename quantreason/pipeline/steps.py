"""The pipeline's stages: what each one runs, reads, writes and depends on.

:func:`build_stages` is the table (one :class:`~quantreason.pipeline.runner.Stage` per row: its
settings, its outputs, the stages it reads, the code it runs); the functions above it are what
each stage does, as thin calls into the core package. A stage's code dependencies are derived
from the imports of the modules it calls (:mod:`quantreason.imports`), never kept by hand: a
change to any module a stage can execute re-runs that stage and, through the output hashes,
everything downstream.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console

from quantreason.imports import import_closure, module_closure
from quantreason.paths import REPO_ROOT
from quantreason.pipeline.config import PipelineConfig
from quantreason.pipeline.layout import PipelinePaths, model_dir
from quantreason.pipeline.runner import Stage, hash_files

console = Console()


def generate_data(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``data``: write the splits and manifest."""
    from rich.progress import Progress

    from quantreason.data import write_dataset
    from quantreason.tasks import FAMILIES

    data = config.data
    sizes = data.split_sizes(len(FAMILIES))
    with Progress() as progress:
        task = progress.add_task("generating questions", total=sum(sizes.values()))
        manifest = write_dataset(
            paths.data,
            seed=config.seed,
            sizes=sizes,
            on_record=lambda _record: progress.advance(task),
            train_weights=data.train_family_weights,
        )
    return {"records_per_split": manifest["sizes"], "families": len(manifest["families"])}


def fit_classifier(config: PipelineConfig, paths: PipelinePaths) -> dict[str, Any]:
    """Stage ``classifier``: the task check's question classifier, fitted on the train split;
    with ``eval.task_check_hidden_states`` also a reader of the fine-tuned model's hidden states
    (then it runs after training)."""
    from quantreason.tasks.classifier_fitting import fit_dataset_classifier

    hidden = config.eval.task_check_hidden_states
    summary = fit_dataset_classifier(
        paths.data,
        classifier_path(paths),
        base=str(model_dir(config)) if hidden else None,
        adapter=paths.adapter if hidden else None,
        precision=config.eval.precision,  # the states the evaluation and the endpoint read
    )
    del summary["path"]  # the stage's output, recorded as such
    return summary


def classifier_path(paths: PipelinePaths) -> Path:
    """Where the ``classifier`` stage writes the classifier."""
    from quantreason.tasks.classifier import CLASSIFIER_FILE

    return paths.classifier / CLASSIFIER_FILE


def prepare_model(config: PipelineConfig) -> dict[str, Any]:
    """Stage ``model``: convert/build the base checkpoint."""
    from quantreason.models import resolve_model

    return {"base_model": resolve_model(config.model)}


def train_profile_hash(config: PipelineConfig) -> dict[str, Any]:
    """The training profile's content, so that editing it retrains."""
    from quantreason.training.config import profile_path

    return {"train_profile": hash_files([profile_path(config.train.profile)])}


def handwritten_files(config: PipelineConfig) -> list[Path]:
    """The hand-written question files evaluated: the report set and the tuning set."""
    names = (config.eval.handwritten, config.eval.handwritten_dev)
    return [REPO_ROOT / name for name in names if name]


def handwritten_hash(config: PipelineConfig) -> dict[str, Any]:
    """The handwritten benchmarks' content, so that editing them re-evaluates."""
    files = handwritten_files(config)
    return {"handwritten": hash_files(files)} if files else {}


# The code each stage runs, by the modules it calls: their import closure is hashed.
GENERATOR_MODULES = ("quantreason.data",)
CLASSIFIER_MODULES = ("quantreason.tasks.classifier_fitting",)
EVALUATION_MODULES = ("quantreason.evaluation.runner", "quantreason.evaluation.questions")
TRAINING_ENTRY_POINT = REPO_ROOT / "training" / "train.py"


def code_hash(name: str, files: list[Path]) -> dict[str, Any]:
    """``{name: {repo-relative path: sha256}}`` of the given source files."""
    return {name: hash_files(files, relative_to=REPO_ROOT)}


def generator_code() -> list[Path]:
    """Every core file data generation can run."""
    return module_closure(*GENERATOR_MODULES)


def classifier_code() -> list[Path]:
    """Every core file fitting the task classifier can run."""
    return module_closure(*CLASSIFIER_MODULES)


def training_code() -> list[Path]:
    """The container entry point and every core file it can run."""
    closure, _ = import_closure(TRAINING_ENTRY_POINT)
    return [TRAINING_ENTRY_POINT, *closure]


def evaluation_code() -> list[Path]:
    """Every core file the evaluation can run."""
    return module_closure(*EVALUATION_MODULES)


def serving_code() -> list[Path]:
    """What goes into model.tar.gz besides the adapter: the entry point, the core modules it
    imports and the vendor pins, so that editing any of them repackages."""
    from quantreason.packaging import INFERENCE_VENDOR_REQUIREMENTS, serving_sources

    return [*(path for path, _ in serving_sources()), INFERENCE_VENDOR_REQUIREMENTS]


def train(config: PipelineConfig, paths: PipelinePaths, resume: bool = False) -> dict[str, Any]:
    """Stage ``train``: ``training/train.py`` under torchrun with the profile's settings;
    ``resume`` continues from the last checkpoint of an interrupted attempt."""
    from quantreason.training.config import load_config
    from quantreason.training.launch import processes_for, train_command, train_env

    nproc = processes_for(config.train.nproc)  # one process per GPU where there are GPUs
    overrides = [f"model.name={config.model}", f"train.seed={config.seed}"]
    load_config(config.train.profile, overrides)  # a bad profile fails before processes start
    command = train_command(
        config.train.profile, paths.data, paths.train, nproc, resume=resume, overrides=overrides
    )
    console.print(f"[dim]$ {' '.join(command)}[/dim]")
    subprocess.run(command, check=True, cwd=REPO_ROOT, env=train_env(nproc))
    # The trainer's own summary (a resumed run's log repeats steps; the summary does not).
    summary = json.loads((paths.train / "summary.json").read_text())
    keep = (
        "steps",
        "records",
        "first_loss",
        "last_loss",
        "tokens_per_s",
        "precision",
        "wall_s",
        "step_seconds",
        "world_size",
    )
    return {key: summary[key] for key in keep if key in summary}


def evaluate(config: PipelineConfig, paths: PipelinePaths, resume: bool = False) -> dict[str, Any]:
    """Stage ``eval``: base and fine-tuned on the test splits and the handwritten questions.
    ``resume`` keeps the greedy batches an interrupted attempt finished."""
    from quantreason.consensus import SelfConsistency
    from quantreason.evaluation import run_evaluation
    from quantreason.evaluation.questions import question_sets as load_question_sets
    from quantreason.tasks.classifier import TaskClassifier

    question_sets = load_question_sets(
        paths.data, config.eval.splits, handwritten_files(config), config.eval.limit
    )
    voting = SelfConsistency(
        samples=config.eval.self_consistency_samples,
        temperature=config.eval.self_consistency_temperature,
        seed=config.seed,
        retry_samples=config.eval.self_consistency_retry,
    )
    checked = (
        SelfConsistency(
            temperature=config.eval.self_consistency_temperature,
            seed=config.seed,
            retry_samples=config.eval.checked_retry,
        )
        if config.eval.checked_retry
        else None
    )
    rows = run_evaluation(
        str(model_dir(config)),
        str(paths.adapter),
        question_sets,
        paths.eval,
        batch_size=config.eval.batch_size,
        max_new_tokens=config.eval.max_new_tokens,
        self_consistency=voting,
        consistency_sets=[s for s in config.eval.self_consistency_sets if s in question_sets],
        base_limit=config.eval.base_limit,
        precision=config.eval.precision,
        checked=checked,
        resume=resume,
        task_classifier=TaskClassifier.load(classifier_path(paths))
        if config.eval.task_check
        else None,
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
        archive = package_model(
            paths.adapter,
            paths.package / "model.tar.gz",
            Path(work_dir),
            task_classifier=classifier_path(paths),
        )
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
        task_classifier=classifier_path(paths),
        precision=config.eval.precision,  # the replies the evaluation scored
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


def build_stages(config: PipelineConfig, paths: PipelinePaths) -> list[Stage]:
    """The pipeline's stages for ``config``, in order."""
    stages = [
        Stage(
            name="data",
            description="generate the dataset",
            run=lambda: generate_data(config, paths),
            outputs=[paths.data],
            settings={
                "seed": config.seed,
                "data": config.data.model_dump(),
                **code_hash("generator_code", generator_code()),
            },
        ),
        Stage(
            name="model",
            description=f"prepare the base model ({config.model})",
            run=lambda: prepare_model(config),
            outputs=[model_dir(config)],
            settings={"model": config.model},
        ),
        Stage(
            name="train",
            description=f"LoRA + FSDP training ({config.train.nproc} processes)",
            run=lambda: train(config, paths),
            resume=lambda: train(config, paths, resume=True),
            outputs=[paths.adapter, paths.train / "train_log.jsonl"],
            settings={
                "train": config.train.model_dump(),
                "seed": config.seed,
                **train_profile_hash(config),
                **code_hash("training_code", training_code()),
            },
            after=["data", "model"],
        ),
        Stage(
            name="classifier",
            description="fit the task check's question classifier",
            run=lambda: fit_classifier(config, paths),
            outputs=[classifier_path(paths)],
            settings={
                "hidden_states": config.eval.task_check_hidden_states,
                "precision": config.eval.precision,
                **code_hash("classifier_code", classifier_code()),
            },
            # the hidden states are the fine-tuned model's: refitted whenever it changes
            after=["data", "model", "train"] if config.eval.task_check_hidden_states else ["data"],
        ),
        Stage(
            name="eval",
            description="evaluate base vs fine-tuned",
            run=lambda: evaluate(config, paths),
            resume=lambda: evaluate(config, paths, resume=True),
            outputs=[paths.eval / "results.json"],
            settings={
                "eval": config.eval.model_dump(),
                **handwritten_hash(config),
                **code_hash("evaluation_code", evaluation_code()),
            },
            after=["data", "classifier", "model", "train"],
        ),
    ]
    if config.serve.enabled:
        stages += [
            Stage(
                name="package",
                description="package the adapter as model.tar.gz",
                run=lambda: package(config, paths),
                outputs=[paths.package / "model.tar.gz"],
                settings=code_hash("serving_code", serving_code()),
                after=["classifier", "train"],
            ),
            Stage(
                name="serve",
                description="serve locally and benchmark latency/throughput",
                run=lambda: serve_and_bench(config, paths),
                outputs=[paths.serve / "bench.json"],
                settings={
                    "serve": config.serve.model_dump(),
                    "max_new_tokens": config.eval.max_new_tokens,
                    **code_hash("serving_code", serving_code()),
                },
                after=["data", "classifier", "model", "train"],
            ),
            Stage(
                name="capacity",
                description="plan autoscaling capacity",
                run=lambda: plan_capacity(config, paths),
                outputs=[paths.serve / "capacity.json"],
                settings={"capacity": config.capacity.model_dump()},
                after=["serve"],
            ),
        ]
    return stages
