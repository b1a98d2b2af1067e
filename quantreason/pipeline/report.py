"""The pipeline report: headline table, per-stage wall time, versions, machine, artefacts."""

from __future__ import annotations

import json
import os
import platform
import shlex
import sys
from pathlib import Path
from typing import Any

from quantreason.pipeline.config import PipelineConfig
from quantreason.pipeline.layout import PipelinePaths, copy_into
from quantreason.pipeline.runner import StageResult
from quantreason.provenance import package_versions

REFERENCE = {"base": 2.7, "finetuned": 32.7, "model": "Mistral-7B-Instruct (reference system)"}


def machine_description() -> str:
    """CPU model, core count and memory of this machine, as far as the OS tells."""
    cpu = platform.processor() or platform.machine()
    flags: set[str] = set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
            elif line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    import torch

    from quantreason.precision import native_bf16

    # the same rule training's `precision: auto` follows
    native = "native bf16" if native_bf16(torch.device("cpu")) else "no native bf16"
    vector = vector_extensions(flags)
    cpu = f"{cpu} ({vector}, {native})" if vector else f"{cpu} ({native})"
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def vector_extensions(flags: set[str]) -> str:
    """The CPU's widest vector extension, from its ``/proc/cpuinfo`` flags."""
    if not flags:
        return ""
    return "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "no AVX2"


def headline_rows(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``all``-family rows of results.json, one per model x split."""
    return [row for row in results if row.get("family") == "all"]


# Columns beside greedy, where the evaluation ran them: the vote, and the endpoint's default.
_EXTRA_COLUMNS = (
    ("finetuned_sc", "fine-tuned, self-consistent vote"),
    ("finetuned_checked", "fine-tuned, checked (the endpoint's default)"),
)


def headline_table(results: list[dict[str, Any]], model_name: str) -> str:
    """Markdown table: per split, base vs fine-tuned accuracy (greedy, and by self-consistent
    vote and checked as the endpoint answers, where they ran) with n and 95 % Wilson
    interval. ``n`` is the fine-tuned model's; a base evaluated on fewer questions shows its
    own n."""
    rows = headline_rows(results)
    splits = list(dict.fromkeys(row["split"] for row in rows))
    by_key = {(row["model"], row["split"]): row for row in rows}
    present = {row["model"] for row in rows}
    extra = [(m, title) for m, title in _EXTRA_COLUMNS if m in present]
    models = ("base", "finetuned", *(m for m, _ in extra))
    header = f"| split | n | base {model_name} | fine-tuned {model_name} (LoRA) |"
    rule = "|---|---:|---:|---:|"
    for _, title in extra:
        header += f" {title} |"
        rule += "---:|"
    lines = [header, rule]
    for split in splits:
        cells = []
        main = by_key.get(("finetuned", split)) or by_key.get(("base", split))
        n = str(main["n"]) if main else ""
        for model in models:
            row = by_key.get((model, split))
            if row is None:
                cells.append("–")
                continue
            own_n = f" (n={row['n']})" if str(row["n"]) != n else ""
            cells.append(
                f"{100 * row['accuracy']:.1f} % "
                f"[{100 * row['ci_low']:.1f}, {100 * row['ci_high']:.1f}]{own_n}"
            )
        lines.append(f"| {split} | {n} | " + " | ".join(cells) + " |")
    reference = (
        f"| reference system (its held-out split) | – | {REFERENCE['base']} % "
        f"(Mistral-7B) | {REFERENCE['finetuned']} % (Mistral-7B LoRA) |"
    )
    lines.append(reference + " – |" * len(extra))
    return "\n".join(lines)


def stage_table(results: list[StageResult]) -> str:
    """Markdown table of wall time per stage (a skipped stage shows its time when it ran). A
    resumed stage whose summary has ``step_seconds`` (training: every step's time, over all
    attempts) counts those, so the total is the whole pipeline's, not the last attempt's."""
    lines = ["| stage | what | wall time | this run |", "|---|---|---:|---|"]
    total = 0.0
    for result in results:
        seconds, status = result.seconds, "ran"
        if result.skipped:
            status = "skipped (up to date)"
        elif result.resumed and "step_seconds" in result.summary:
            seconds = max(seconds, float(result.summary["step_seconds"]))
            status = (
                f"resumed: {result.seconds / 60:.1f} min this attempt; the time is every "
                "step's, over all attempts"
            )
        elif result.resumed:
            status = "resumed (time of this attempt only)"
        total += seconds
        lines.append(
            f"| {result.name} | {result.description} | {seconds / 60:.1f} min | {status} |"
        )
    lines.append(f"| **total** | | **{total / 60:.1f} min** | |")
    return "\n".join(lines)


def write_report(config: PipelineConfig, paths: PipelinePaths, stages: list[StageResult]) -> Path:
    """Write ``report.md`` and copy the run's artefacts into the report directory."""
    report_dir = paths.report
    copy_into(
        report_dir,
        {
            "results.json": paths.eval / "results.json",
            "results.md": paths.eval / "results.md",
            "accuracy.png": paths.eval / "accuracy.png",
            "failures.jsonl": paths.eval / "failures.jsonl",
            "consistency.json": paths.eval / "consistency.json",
            "task_check.json": paths.eval / "task_check.json",
            "risk_coverage.png": paths.eval / "risk_coverage.png",
            "train_log.jsonl": paths.train / "train_log.jsonl",
            "loss.png": paths.train / "loss.png",
            "bench.json": paths.serve / "bench.json",
            "bench.png": paths.serve / "bench.png",
            "capacity.json": paths.serve / "capacity.json",
        },
    )
    results = json.loads((paths.eval / "results.json").read_text())
    summaries = {stage.name: stage.summary for stage in stages}
    command = "quantreason " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    lines = [
        f"# quantreason local pipeline report — profile `{config.name}`",
        "",
        "Generated by `quantreason pipeline`; every figure below was measured in this run.",
        "",
        "## Headline: numeric accuracy (formula evaluated), base vs fine-tuned",
        "",
        headline_table(results, model_label(config)),
        "",
        "Accuracy counts a question as right when the value of the model's formula, evaluated by",
        "`quantreason.formula.evaluate`, matches the reference answer under the checker's policy;",
        "unparseable replies count as wrong. 95 % Wilson intervals in brackets.",
        "",
        *_experiments_note(report_dir),
        "## Per family",
        "",
        (paths.eval / "results.md").read_text() if (paths.eval / "results.md").exists() else "",
        "",
        "## Where the time goes",
        "",
        stage_table(stages),
        "",
    ]
    lines += _summary_sections(summaries)
    lines += [
        "## Run",
        "",
        f"- command: `{command}`",
        f"- profile: `config/pipeline/{config.name}.yaml`, seed {config.seed}, "
        f"model `{config.model}`, training profile `config/train/{config.train.profile}.yaml` "
        f"on {config.train.nproc} processes",
        f"- machine: {machine_description()}",
        "- versions: " + ", ".join(f"{k} {v}" for k, v in package_versions().items()),
        "",
    ]
    (report_dir / "report.md").write_text("\n".join(lines))
    return report_dir


EXPERIMENTS_NOTE = (
    "What was tried to get here and what each step gave (earlier runs, kept by hand beside "
    "this report): [experiments.md](experiments.md)."
)


def _experiments_note(report_dir: Path) -> list[str]:
    return [EXPERIMENTS_NOTE, ""] if (report_dir / "experiments.md").exists() else []


def model_label(config: PipelineConfig) -> str:
    """Human name of the pipeline's base model."""
    return {"embedded": "SmolLM2-135M", "tiny-random": "tiny-random"}.get(
        config.model, config.model
    )


def _summary_sections(summaries: dict[str, dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for name in ("data", "train", "serve", "capacity"):
        summary = summaries.get(name)
        if not summary:
            continue
        lines += [
            f"## {name}",
            "",
            "```json",
            json.dumps(summary, indent=2, sort_keys=True),
            "```",
            "",
        ]
    return lines
