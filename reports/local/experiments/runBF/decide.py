"""Twice the training records for the six families with count and list questions (runs BE, BF;
experiments.md, session 22). Written before either run's figures existed.

Both arms use the same data seed (7): runs BE and BF train on run BB's 7,840 records plus 140
more of each of `npv`, `multi_period_return`, `loan_payment`, `loan_instalment`,
`loan_total_interest` and `savings_goal` (8,680; every evaluation record identical). Run BE
trains with seed 7 and is paired with run BB; run BF trains with seed 8 and is paired with run
BD. A question counts only where its text is the same in both runs of a pair. The test splits
are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBF/decide.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: compare_runs
import compare_runs

EXPERIMENTS = Path(__file__).resolve().parents[1]
# the pipeline's, the extra sets', and run BB's validation_ood2 (read in session 22)
FILES = ("predictions.jsonl", "predictions_extra.jsonl", "predictions_ood2.jsonl")
PROBES = tuple(f"handwritten_probe{n}" for n in ("", 2, 3, 4, 5))
VALIDATION = ("validation", "validation_ood", "validation_ood2")
TESTS = ("test", "test_ood_range", "test_ood_template")
SEEDS = {"seed 7": ("runBB", "runBE"), "seed 8": ("runBD", "runBF")}
SIX = {
    "npv",
    "multi_period_return",
    "loan_payment",
    "loan_instalment",
    "loan_total_interest",
    "savings_goal",
}
# run BB's list of the count and list questions in the probes and handwritten_dev
TARGETED = {tuple(k) for k in json.loads((EXPERIMENTS / "runBB" / "targeted.json").read_text())}


def families(paths: list[Path]) -> dict[compare_runs.Key, str]:
    """(set, question id) -> family, from the fine-tuned rows of predictions files."""
    found = {}
    for path in paths:
        for line in path.read_text().splitlines():
            row = json.loads(line)
            if row["model"] == "finetuned":
                found[(row["split"], row["id"])] = row["family"]
    return found


def pair_nets(baseline: str, change: str) -> dict[str, int]:
    """Print one seed's paired table and return the net of each condition."""
    paths_a = [
        EXPERIMENTS / baseline / name for name in FILES if (EXPERIMENTS / baseline / name).exists()
    ]
    paths_b = [
        EXPERIMENTS / change / name for name in FILES if (EXPERIMENTS / change / name).exists()
    ]
    a, b = compare_runs.load_keyed(paths_a), compare_runs.load_keyed(paths_b)
    text_a = compare_runs.load_questions_keyed(paths_a)
    text_b = compare_runs.load_questions_keyed(paths_b)
    family = families(paths_b)

    def in_sets(*sets: str) -> list[compare_runs.Key]:
        return [k for k in b if k[0] in sets and text_a.get(k) == text_b[k]]

    def net(keys: list, label: str) -> int:
        return compare_runs.paired_net(a, b, keys, label, f"{baseline[3:]} {change[3:]}")[0]

    tuning = in_sets(*PROBES, "handwritten_dev", *VALIDATION)
    own = [k for k in tuning if k in TARGETED or family.get(k) in SIX]
    nets = {
        "own": net(own, "1. the six families' and count/list questions"),
        "probes": net(in_sets(*PROBES), "2. five probes"),
        "dev": net(in_sets("handwritten_dev"), "3. handwritten_dev"),
        "validation": net(in_sets(*VALIDATION), "4. validation sets"),
    }
    for name in (*PROBES, *VALIDATION):
        net(in_sets(name), f"   {name}")
    tests = in_sets(*TESTS)
    net(tests, "   test splits (decide nothing)")
    six_tests = [k for k in tests if family.get(k) in SIX]
    net(six_tests, "   test splits, the six families (decide nothing)")
    for name in (*TESTS, "handwritten"):
        net(in_sets(name), f"   {name} (decides nothing)")
    return nets


def main() -> None:
    per_seed = {}
    for seed, (baseline, change) in SEEDS.items():
        print(f"--- {seed}: {baseline} -> {change}")
        per_seed[seed] = pair_nets(baseline, change)
    total = {key: sum(nets[key] for nets in per_seed.values()) for key in per_seed["seed 7"]}
    print("summed over both seeds:", total)
    held = {
        "both seeds: own >= +8": total["own"] >= 8,
        "each seed: own >= +1": all(nets["own"] >= 1 for nets in per_seed.values()),
        "both seeds: probes >= 0": total["probes"] >= 0,
        "both seeds: dev >= -4": total["dev"] >= -4,
        "both seeds: validation >= -6": total["validation"] >= -6,
    }
    for condition, ok in held.items():
        print(f"  {condition:30s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")


if __name__ == "__main__":
    main()
