"""Session 33: what the reading checks (quantreason.reading_checks), days read as years
(quantreason.frequency) and the copied-number check (quantreason.tasks.shapes.copied_numbers)
flag.

Over every stored fine-tuned greedy reply of the given runs: replies each check flags, right and
wrong, and how many failed on it first (every earlier check passed: newly sent to the retry); over
the reference formulas of freshly generated records of every family: how many it flags (must be
0). Run from the repository root:
    .venv/bin/python reports/local/experiments/reading_checks.py runBL runBN
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from quantreason.consensus import read_candidate, shown_counts, ungrouped_question
from quantreason.data import generate_dataset
from quantreason.frequency import days_read_as_years
from quantreason.reading_checks import flow_direction, option_side, repeated_flow, stdev_basis
from quantreason.tasks import FAMILIES
from quantreason.tasks.shapes import copied_numbers

EXPERIMENTS = Path(__file__).resolve().parent
CHECKS = {
    "repeated_flow": lambda task, formula, q: repeated_flow(formula, q, shown_counts(q)),
    "option_side": option_side,
    "flow_direction": lambda task, formula, q: flow_direction(task, formula, ungrouped_question(q)),
    "stdev_basis": lambda task, formula, q: stdev_basis(formula, q),
    "days_read_as_years": lambda task, formula, q: days_read_as_years(
        formula, ungrouped_question(q)
    ),
    "copied_numbers": lambda task, formula, q: _copied(task, formula, q),
}


def _copied(task: str | None, formula: str, question: str) -> str | None:
    """copied_numbers' finding as read_candidate words it."""
    given = shown_counts(question)
    found = copied_numbers(task, formula, frozenset(given), given) if task else None
    if found is None:
        return None
    value, first, second = found
    return f"{value:g} fills both {first!r} and {second!r}; the question gives it once"


def main(runs: list[str]) -> dict:
    found: dict[str, Counter] = {name: Counter() for name in CHECKS}
    for run in runs:
        for path in sorted((EXPERIMENTS / run).glob("predictions*.jsonl")):
            for line in path.read_text().splitlines():
                row = json.loads(line)
                if row["model"] != "finetuned" or not row["formula"]:
                    continue
                candidate = read_candidate(row["reply"], row["question"])
                for name, check in CHECKS.items():
                    why = check(candidate.task, row["formula"], row["question"])
                    if why:
                        found[name]["right" if row["correct"] else "wrong"] += 1
                        # the check read_candidate failed the reply on (the earlier ones passed)
                        found[name]["first_failed_check"] += candidate.error == why
    per_family = {"train": 40, "validation": 8, "test": 8, "test_ood_range": 8}
    sizes = {split: count * len(FAMILIES) for split, count in per_family.items()}
    sizes["test_ood_template"] = 8 * len(FAMILIES)
    records = [rec for recs in generate_dataset(seed=11, sizes=sizes).values() for rec in recs]
    for rec in records:
        for name, check in CHECKS.items():
            if check(rec["family"], rec["formula"], rec["question"]):
                found[name]["reference"] += 1
    summary = {
        "runs": runs,
        "reference_records": len(records),
        **{name: dict(counts) for name, counts in found.items()},
    }
    print(json.dumps(summary, indent=1))
    return summary


if __name__ == "__main__":
    main(sys.argv[1:] or ["runBL", "runBN"])
