"""Run AJ's decision rule (experiments.md, session 18), paired against run AH.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runAJ/decide.py \
        reports/local/experiments/runAJ/predictions.jsonl \
        reports/local/experiments/runAJ/predictions_extra.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: compare_runs
import compare_runs

RUN_AH = Path("reports/local/experiments/runAH")
AH_FILES = (
    "predictions.jsonl",
    "predictions_blind.jsonl",
    "predictions_probe3.jsonl",
    "predictions_validation.jsonl",
)
PROBES = ("handwritten_probe", "handwritten_probe2", "handwritten_probe3")
# The probe questions that state a term as a number of payments (branch term-counts:
# quantreason.frequency.stated_payment_counts on each question).
COUNT_TERMS = {
    "handwritten_probe": ("p29", "p45"),
    "handwritten_probe2": ("q05", "q29", "q46", "q52"),
    "handwritten_probe3": ("r01", "r31", "r46", "r49", "r50", "r53"),
}

Key = tuple[str, str]


def load(paths: list[Path]) -> dict[Key, bool]:
    """(set, id) -> whether the fine-tuned model's greedy reply (task check applied) is right."""
    return {
        (split, question): right
        for path in paths
        for split, answers in compare_runs.load(path, "finetuned").items()
        for question, right in answers.items()
    }


Right = dict[Key, bool]


def paired(ah: Right, aj: Right, keys: list[Key], label: str) -> tuple[int, int]:
    keys = [key for key in keys if key in ah and key in aj]
    gained = sum(aj[key] and not ah[key] for key in keys)
    lost = sum(ah[key] and not aj[key] for key in keys)
    before, after = sum(ah[key] for key in keys), sum(aj[key] for key in keys)
    print(f"{label:42s} n={len(keys):4d}  AH {before:4d}  AJ {after:4d}  +{gained}/-{lost}")
    return gained - lost, len(keys)


def main() -> None:
    ah = load([RUN_AH / name for name in AH_FILES])
    aj = load([Path(arg) for arg in sys.argv[1:]])

    def in_sets(*sets: str) -> list[Key]:
        return [key for key in aj if key[0] in sets]

    counted = [(s, i) for s in PROBES for i in COUNT_TERMS[s]]
    net1, n1 = paired(ah, aj, counted, "1. count-term questions (>= +3)")
    net2, n2 = paired(ah, aj, in_sets(*PROBES), "2. three probes (>= 0)")
    for probe in PROBES:
        paired(ah, aj, in_sets(probe), f"   {probe}")
    net3, n3 = paired(ah, aj, in_sets("handwritten_dev"), "3. handwritten_dev (>= -3)")
    net4, n4 = paired(ah, aj, in_sets("validation", "validation_ood"), "4. validation sets (>= -5)")
    for name in ("validation", "validation_ood", "handwritten"):
        paired(ah, aj, in_sets(name), f"   {name}")
    held = [net1 >= 3 and n1 == 12, net2 >= 0 and n2 == 180, net3 >= -3 and n3 == 84]
    held.append(net4 >= -5 and n4 == 424)
    print("conditions:", held, "ADOPT" if all(held) else "NOT ADOPTED")


if __name__ == "__main__":
    main()
