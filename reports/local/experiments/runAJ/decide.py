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


def main() -> None:
    ah = compare_runs.load_keyed([RUN_AH / name for name in AH_FILES])
    aj = compare_runs.load_keyed([Path(arg) for arg in sys.argv[1:]])

    def paired(a: dict, b: dict, keys: list, label: str) -> tuple[int, int]:
        return compare_runs.paired_net(a, b, keys, label, "AH AJ")

    def in_sets(*sets: str) -> list[compare_runs.Key]:
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
