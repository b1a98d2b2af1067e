"""Turning scored predictions into results rows, a markdown report and the accuracy chart.

``results.json`` is a list of rows, one per model x split x family plus an ``all`` row per
model x split, each with ``model, split, family, n, correct, accuracy, ci_low, ci_high,
parse_failures`` (headline: the formula's value) and the same figures for the number the model
stated (``stated_answers`` replies stated one; ``stated_correct, stated_accuracy, stated_ci_low,
stated_ci_high``). Rates are fractions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from quantreason.evaluation.scoring import wilson_interval

ALL_FAMILIES = "all"
# _sc: self-consistent vote; _checked: the endpoint's default (samples only where greedy fails)
MODEL_ORDER = ("base", "finetuned", "base_sc", "finetuned_sc", "finetuned_checked")
FAILURE_EXAMPLES_PER_SPLIT = 3


def summarise(predictions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Results rows from per-question predictions, ``all`` first within each model x split."""
    groups: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for pred in predictions:
        families = groups.setdefault((pred["model"], pred["split"]), {})
        families.setdefault(ALL_FAMILIES, []).append(pred)
        families.setdefault(pred["family"], []).append(pred)
    rows = []
    for (model, split), families in groups.items():
        names = [ALL_FAMILIES, *sorted(name for name in families if name != ALL_FAMILIES)]
        rows.extend(_row(model, split, name, families[name]) for name in names)
    return rows


def _row(model: str, split: str, family: str, preds: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(preds)
    correct = sum(p["correct"] for p in preds)
    stated = sum(p["stated_correct"] for p in preds)
    ci_low, ci_high = wilson_interval(correct, n)
    stated_low, stated_high = wilson_interval(stated, n)
    return {
        "model": model,
        "split": split,
        "family": family,
        "n": n,
        "correct": correct,
        "accuracy": correct / n,
        "ci_low": ci_low,
        "ci_high": ci_high,
        "parse_failures": sum(p["parse_failed"] for p in preds),
        "stated_answers": sum(p.get("stated_value") is not None for p in preds),
        "stated_correct": stated,
        "stated_accuracy": stated / n,
        "stated_ci_low": stated_low,
        "stated_ci_high": stated_high,
    }


def task_check_summary(predictions: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per set, for the predictions the task check saw: ``n``, ``rewritten``, and how many of
    the rewritten replies were right before (``first_right``) and after (``right_after``)."""
    summary: dict[str, dict[str, int]] = {}
    for p in predictions:
        if "task_check" not in p:
            continue
        row = summary.setdefault(
            p["split"], {"n": 0, "rewritten": 0, "first_right": 0, "right_after": 0}
        )
        row["n"] += 1
        if p["task_check"]["rewritten"]:
            row["rewritten"] += 1
            row["first_right"] += bool(p["first_correct"])
            row["right_after"] += bool(p["correct"])
    return summary


def task_check_markdown(summary: dict[str, dict[str, int]]) -> str:
    """The task check's table: per set, replies rewritten and what that changed."""
    lines = [
        "### Task check (fine-tuned greedy replies)",
        "",
        "Where a reply names another task than the question classifier's likeliest, the "
        "model's log-probability of each candidate's reasoning line and the classifier's "
        "probability are weighed; a reply for the losing task is written again from the "
        "winner's reasoning line (`quantreason.task_check`).",
        "",
        "| set | n | rewritten | right before | right after | net |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for split, row in summary.items():
        net = row["right_after"] - row["first_right"]
        lines.append(
            f"| {split} | {row['n']} | {row['rewritten']} | {row['first_right']} "
            f"| {row['right_after']} | {net:+d} |"
        )
    return "\n".join(lines) + "\n"


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line (UTF-8)."""
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _pct(row: dict[str, Any] | None, prefix: str = "") -> str:
    if row is None or (prefix == "stated_" and row.get("stated_answers", row["n"]) == 0):
        return "–"  # no row, or a model that stated no number (it stops after its formula)
    return (
        f"{100 * row[prefix + 'accuracy']:.1f} % "
        f"[{100 * row[prefix + 'ci_low']:.1f}–{100 * row[prefix + 'ci_high']:.1f}]"
    )


def _index(rows: Sequence[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(r["model"], r["split"], r["family"]): r for r in rows}


def _ordered(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _n_cell(index: dict, models: Sequence[str], split: str, family: str) -> str:
    """The questions behind a row: one number, or one per model when they differ."""
    counts = [index[(m, split, family)]["n"] for m in models if (m, split, family) in index]
    return str(counts[0]) if len(set(counts)) == 1 else " / ".join(map(str, counts))


def markdown_report(rows: Sequence[dict[str, Any]], failures: Sequence[dict[str, Any]] = ()) -> str:
    """The results as markdown: a headline table per split, per-family tables, example failures."""
    index = _index(rows)
    models = [m for m in MODEL_ORDER if any(r["model"] == m for r in rows)]
    splits = _ordered(r["split"] for r in rows)
    lines = [
        "Accuracy with a 95 % Wilson interval. *formula*: the reply's formula evaluated "
        "(headline); *stated*: the number the model wrote on an `Answer:` line (–: none, since "
        "generation stops once the formula line is complete). Parse failures count as wrong. "
        "*n*: questions per model, in column order, where the models saw different numbers "
        "(the base model runs on a subset).",
        "",
        "| split | n | "
        + " | ".join(f"{m} (formula) | {m} (stated)" for m in models)
        + " | parse failures |",
        "|---|---:|" + "---:|" * (2 * len(models)) + "---:|",
    ]
    for split in splits:
        cells = []
        for model in models:
            row = index.get((model, split, ALL_FAMILIES))
            cells += [_pct(row), _pct(row, "stated_")]
        n = _n_cell(index, models, split, ALL_FAMILIES)
        parse = " / ".join(
            f"{m}: {index[(m, split, ALL_FAMILIES)]['parse_failures']}"
            for m in models
            if (m, split, ALL_FAMILIES) in index
        )
        lines.append(f"| {split} | {n} | " + " | ".join(cells) + f" | {parse} |")
    for split in splits:
        families = _ordered(r["family"] for r in rows if r["split"] == split)
        lines += [
            "",
            f"### {split} by family",
            "",
            "| family | n | " + " | ".join(f"{m} (formula) | {m} (stated)" for m in models) + " |",
            "|---|---:|" + "---:|" * (2 * len(models)),
        ]
        for family in families:
            cells = []
            for model in models:
                row = index.get((model, split, family))
                cells += [_pct(row), _pct(row, "stated_")]
            n = _n_cell(index, models, split, family)
            lines.append(f"| {family} | {n} | " + " | ".join(cells) + " |")
    if failures:
        lines += ["", "### Example failures", ""]
        lines += _failure_examples(failures)
    return "\n".join(lines) + "\n"


def _failure_examples(failures: Sequence[dict[str, Any]]) -> list[str]:
    # Show the fine-tuned model's failures when there are any: the base model's are expected.
    model = "finetuned" if any(f["model"] == "finetuned" for f in failures) else "base"
    lines: list[str] = []
    shown: dict[str, int] = {}
    for failure in failures:
        split = failure["split"]
        if failure["model"] != model or shown.get(split, 0) >= FAILURE_EXAMPLES_PER_SPLIT:
            continue
        shown[split] = shown.get(split, 0) + 1
        reply = failure["reply"].replace("\n", " ⏎ ").replace("|", "\\|")[:300]
        lines += [
            f"- **{model} / {split} / {failure['family']} / {failure['id']}**: "
            f"{failure['question']}",
            f"  expected `{failure['expected']:g} {failure['unit']}`, formula value "
            f"`{failure['formula_value']}`, stated `{failure['stated_value']}`; reply: `{reply}`",
        ]
    return lines


def plot_accuracy(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """Horizontal bars of headline accuracy per family, base vs fine-tuned, one panel per split."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    index = _index(rows)
    models = [m for m in MODEL_ORDER if any(r["model"] == m for r in rows)]
    splits = _ordered(r["split"] for r in rows)
    families_per_split = [_ordered(r["family"] for r in rows if r["split"] == s) for s in splits]
    height = max(3.0, 0.22 * max(len(f) for f in families_per_split) * len(models) + 1.5)
    fig, axes = plt.subplots(
        1, len(splits), figsize=(6.5 * len(splits), height), sharex=True, squeeze=False
    )
    bar = 0.8 / len(models)
    colours = {
        "base": "#9e9e9e",
        "finetuned": "#1f77b4",
        "finetuned_sc": "#2ca02c",
        "finetuned_checked": "#ff7f0e",
    }
    for ax, split, families in zip(axes[0], splits, families_per_split, strict=True):
        positions = range(len(families))
        for offset, model in enumerate(models):
            found = [index.get((model, split, f)) for f in families]
            acc = [100 * r["accuracy"] if r else 0.0 for r in found]
            err_low = [max(0.0, 100 * (r["accuracy"] - r["ci_low"])) if r else 0.0 for r in found]
            err_high = [max(0.0, 100 * (r["ci_high"] - r["accuracy"])) if r else 0.0 for r in found]
            ax.barh(
                [p + offset * bar for p in positions],
                acc,
                height=bar,
                xerr=[err_low, err_high],
                capsize=2,
                color=colours.get(model),
                error_kw={"ecolor": "#555555", "elinewidth": 0.8, "alpha": 0.7},
                label=model,
            )
        counts = {r["family"]: r["n"] for r in rows if r["split"] == split}
        labels = [f"{family} (n={counts[family]})" for family in families]
        ax.set_yticks([p + bar * (len(models) - 1) / 2 for p in positions], labels)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("accuracy (formula evaluated), % with 95 % CI")
        ax.set_title(split)
        ax.grid(axis="x", alpha=0.3)
    axes[0][0].legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
