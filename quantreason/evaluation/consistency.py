"""Self-consistency results: accuracy and coverage per confidence threshold (risk-coverage),
beside the greedy baseline, per question set.

Input rows (``consistency_predictions.jsonl``) carry, per voted question: ``split``,
``family``, ``correct`` (the voted value, abstention off), ``greedy_correct``,
``greedy_checked`` (the greedy reply is grounded and fits its task), ``confidence``,
``grounded`` and ``fits_task`` (the chosen reply's).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quantreason.consensus import risk_coverage
from quantreason.evaluation.scoring import wilson_interval

THRESHOLDS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def consistency_summary(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Per set: n, greedy and voted accuracy (with Wilson intervals), the greedy baseline with
    abstention when its reply fails the checks, and the risk-coverage rows of the vote."""
    by_split: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_split.setdefault(row["split"], []).append(row)
    summary: dict[str, Any] = {"thresholds": list(THRESHOLDS), "sets": {}}
    for split, items in by_split.items():
        n = len(items)
        voted = sum(r["correct"] for r in items)
        greedy = sum(r["greedy_correct"] for r in items)
        checked = [r for r in items if r["greedy_checked"]]
        summary["sets"][split] = {
            "n": n,
            "greedy_accuracy": greedy / n,
            "greedy_ci": wilson_interval(greedy, n),
            "voted_accuracy": voted / n,
            "voted_ci": wilson_interval(voted, n),
            "greedy_checked_coverage": len(checked) / n,
            "greedy_checked_accuracy": (
                sum(r["greedy_correct"] for r in checked) / len(checked) if checked else 0.0
            ),
            "risk_coverage": risk_coverage(
                [(r["confidence"], bool(r["correct"])) for r in items], THRESHOLDS
            ),
        }
    return summary


def consistency_markdown(summary: dict[str, Any]) -> str:
    """The risk-coverage tables as markdown."""
    lines = [
        "## Self-consistency and abstention",
        "",
        "Greedy: the single greedy reply. Voted: the value most checked replies agree on "
        "(greedy + samples; a formula loses its vote when it uses a number the question does "
        "not contain, or when its form is not one the task its reply names teaches). With a "
        "threshold, a question is answered only when the winning value's share of all "
        "replies (its *confidence*) is at least the threshold; *accuracy answered* is over "
        "the answered questions. Greedy + checks: answer only when the greedy reply passes "
        "both checks. Plot: `risk_coverage.png`.",
        "",
    ]
    for split, item in summary["sets"].items():
        low, high = item["greedy_ci"]
        vlow, vhigh = item["voted_ci"]
        lines += [
            f"### {split} (n = {item['n']})",
            "",
            f"- greedy: {100 * item['greedy_accuracy']:.1f} % [{100 * low:.1f}–{100 * high:.1f}]",
            f"- voted, abstention off: {100 * item['voted_accuracy']:.1f} % "
            f"[{100 * vlow:.1f}–{100 * vhigh:.1f}]",
            f"- greedy + checks: {100 * item['greedy_checked_coverage']:.1f} % answered, "
            f"{100 * item['greedy_checked_accuracy']:.1f} % of those right",
            "",
            "| threshold | answered | coverage | accuracy answered |",
            "|---:|---:|---:|---:|",
        ]
        for row in item["risk_coverage"]:
            lines.append(
                f"| {row['threshold']:.2f} | {row['answered']} | {100 * row['coverage']:.1f} % "
                f"| {100 * row['accuracy_answered']:.1f} % |"
            )
        lines.append("")
    return "\n".join(lines)


def threshold_labels(points: Sequence[dict[str, float]]) -> dict[tuple[float, float], str]:
    """One label per plotted point (coverage %, accuracy %): thresholds that answer the same
    questions share a point, so they share a label ("0.8–1.0") instead of overprinting."""
    same_point: dict[tuple[float, float], list[float]] = {}
    for p in points:
        xy = (100 * p["coverage"], 100 * p["accuracy_answered"])
        same_point.setdefault(xy, []).append(p["threshold"])
    return {
        xy: f"{min(ts):.1f}" if min(ts) == max(ts) else f"{min(ts):.1f}–{max(ts):.1f}"
        for xy, ts in same_point.items()
    }


def plot_risk_coverage(summary: dict[str, Any], path: Path) -> None:
    """Accuracy of answered questions against coverage, one line per set, thresholds marked;
    the greedy baseline as a point."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for index, (split, item) in enumerate(summary["sets"].items()):
        points = item["risk_coverage"]
        line = ax.plot(
            [100 * p["coverage"] for p in points],
            [100 * p["accuracy_answered"] for p in points],
            marker="o",
            label=f"{split} voted (n={item['n']})",
        )[0]
        # Sets' labels alternate above and below their points so that close points stay legible.
        offset = (4, 5) if index % 2 == 0 else (4, -11)
        for xy, label in threshold_labels(points).items():
            ax.annotate(
                label, xy, fontsize=7, xytext=offset, textcoords="offset points",
                color=line.get_color(),
            )  # fmt: skip
        ax.scatter(
            [100.0],
            [100 * item["greedy_accuracy"]],
            marker="x",
            color=line.get_color(),
            label=f"{split} greedy",
        )
    ax.set_xlabel("coverage: questions answered, %")
    ax.set_ylabel("accuracy of answered questions, %")
    # The abstention goal: >= 90 % right while >= 70 % of questions are answered.
    ax.axhline(90, color="grey", linestyle="--", linewidth=0.8)
    ax.axvline(70, color="grey", linestyle="--", linewidth=0.8)
    ax.text(1, 90.5, "goal: 90 % right at 70 % answered (upper right of the dashes)", fontsize=7)
    lowest = min(
        (100 * p["accuracy_answered"] for item in summary["sets"].values()
         for p in item["risk_coverage"]),
        default=0.0,
    )  # fmt: skip
    ax.set_xlim(0, 102)
    ax.set_ylim(max(0.0, min(lowest, 90.0) - 10), 101)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    ax.set_title("Risk-coverage: confidence threshold marked on each point")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
