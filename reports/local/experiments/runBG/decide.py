"""Fourteen new task families (run BG; experiments.md, session 22). Written before run BG's
figures existed.

Run BG is main with the families of `bond_yields`, `trading`, `margin`, `rates` and `corporate`
registered (68 families, 140 training records each: 9,520) at data seed 7 and
training seed 7, paired with run BB (the same 56 families' records, byte for byte, and the same
training seed). The generator numbers every record by its position in the split, and the new
families shift those positions, so questions pair on their text, not their id.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBG/decide.py
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

EXPERIMENTS = Path(__file__).resolve().parents[1]
BASELINE, CHANGE = "runBB", "runBG"
PROBES = tuple(f"handwritten_probe{n}" for n in ("", 2, 3, 4, 5))
VALIDATION = ("validation", "validation_ood", "validation_ood2")
TESTS = ("test", "test_ood_range", "test_ood_template")
# the fourteen tasks probe6 was written for; the two Black-Scholes ones have no family in run BG
NEW_FAMILIES = {
    "tax_equivalent_yield",
    "after_tax_yield",
    "current_yield",
    "average_cost",
    "breakeven_commissions",
    "margin_call_price",
    "margin_return",
    "tbill_price",
    "forward_rate",
    "cpi_adjusted_value",
    "wacc",
    "geometric_mean_return",
    "black_scholes_call",
    "black_scholes_put",
}
# The questions of the five read probes (family "other" there) that ask one of the new tasks,
# listed before run BG's figures existed. The families were written from a task list, not from
# these questions (their writers never saw them); q60 (a T-bill's return from its price) and
# r16 (put-call parity) ask other tasks and stay out.
READ_OWN = {
    ("handwritten_probe", "p13"),
    ("handwritten_probe2", "q02"),
    ("handwritten_probe", "p24"),
    ("handwritten_probe2", "q50"),
    ("handwritten_probe", "p55"),
    ("handwritten_probe2", "q22"),
    ("handwritten_probe4", "s47"),
    ("handwritten_probe", "p60"),
    ("handwritten_probe2", "q11"),
    ("handwritten_probe4", "s18"),
    ("handwritten_probe3", "r03"),
    ("handwritten_probe5", "u26"),
    ("handwritten_probe3", "r10"),
    ("handwritten_probe5", "u02"),
    ("handwritten_probe3", "r22"),
    ("handwritten_probe5", "u14"),
    ("handwritten_probe3", "r60"),
    ("handwritten_probe4", "s08"),
    ("handwritten_probe4", "s13"),
    ("handwritten_probe5", "u37"),
    ("handwritten_probe5", "u55"),
}

Row = dict


def rows(run: str) -> list[Row]:
    """The fine-tuned greedy rows of every predictions file of ``run``."""
    found = []
    for path in sorted((EXPERIMENTS / run).glob("predictions*.jsonl")):
        for line in path.read_text().splitlines():
            row = json.loads(line)
            if row["model"] == "finetuned":
                found.append(row)
    return found


def by_text(found: Iterable[Row]) -> dict[tuple[str, str], Row]:
    return {(row["split"], row["question"]): row for row in found}


def paired(a: dict, b: dict, keys: list, label: str) -> int:
    """Print and return run B's gains minus losses against run A over ``keys``."""
    keys = [key for key in keys if key in a and key in b]
    gained = sum(b[k]["correct"] and not a[k]["correct"] for k in keys)
    lost = sum(a[k]["correct"] and not b[k]["correct"] for k in keys)
    right_a, right_b = (sum(run[k]["correct"] for k in keys) for run in (a, b))
    print(f"{label:52s} n={len(keys):4d}  BB {right_a:4d}  BG {right_b:4d}  +{gained}/-{lost}")
    return gained - lost


def main() -> None:
    a, b = by_text(rows(BASELINE)), by_text(rows(CHANGE))
    ids = {key: (row["split"], row["id"]) for key, row in b.items()}

    def in_sets(*sets: str) -> list[tuple[str, str]]:
        return [key for key in b if key[0] in sets]

    new_blind = [k for k in in_sets("handwritten_probe6") if b[k]["family"] in NEW_FAMILIES]
    read_own = [k for k in in_sets(*PROBES) if ids[k] in READ_OWN]
    rest_probes = [
        k for k in in_sets(*PROBES, "handwritten_probe6") if k not in {*new_blind, *read_own}
    ]
    nets = {
        "blind": paired(a, b, new_blind, "1. probe6: the new tasks' 22 questions"),
        "read": paired(a, b, read_own, "2. five read probes: the new tasks' questions"),
        "rest": paired(a, b, rest_probes, "3. six probes: every other question"),
        "dev": paired(a, b, in_sets("handwritten_dev"), "4. handwritten_dev"),
        "validation": paired(a, b, in_sets(*VALIDATION), "5. validation sets, same questions"),
    }
    new_validation = [k for k in in_sets("validation") if b[k]["family"] in NEW_FAMILIES]
    new_right = sum(b[k]["correct"] for k in new_validation)
    share = new_right / max(len(new_validation), 1)
    print(f"6. validation, the new families (run BG alone): {new_right} / {len(new_validation)}")
    for name in (*PROBES, "handwritten_probe6", *VALIDATION):
        paired(a, b, in_sets(name), f"   {name}")
    for name in (*TESTS, "handwritten"):
        paired(a, b, in_sets(name), f"   {name}, same questions (decides nothing)")
        new = [k for k in in_sets(name) if b[k]["family"] in NEW_FAMILIES]
        if new:
            right = sum(b[k]["correct"] for k in new)
            print(
                f"   {name}, the new families (run BG alone, decides nothing): {right} / {len(new)}"
            )
    held = {
        "1. blind new-task questions >= +8": nets["blind"] >= 8,
        "2. read new-task questions >= +6": nets["read"] >= 6,
        "3. other probe questions >= -8": nets["rest"] >= -8,
        "4. handwritten_dev >= -4": nets["dev"] >= -4,
        "5. validation sets >= -8": nets["validation"] >= -8,
        "6. new families' validation >= 60 %": share >= 0.6,
    }
    for condition, ok in held.items():
        print(f"  {condition:40s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")


if __name__ == "__main__":
    main()
