"""Run BB settled with a second training seed (experiments.md, session 21).

Four runs on the same data (seed 7, per-record streams): run BA and run BB trained with seed 7
(session 20), run BC (BA's code) and run BD (BB's code) trained with seed 8. Each arm is paired
with its own seed's baseline; a question counts only where its text is the same in both runs of
the pair. The test splits are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBD/decide.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: compare_runs
import compare_runs

EXPERIMENTS = Path(__file__).resolve().parents[1]
FILES = ("predictions.jsonl", "predictions_extra.jsonl")  # the pipeline's, then the extra sets
PROBES = tuple(f"handwritten_probe{n}" for n in ("", 2, 3, 4, 5))
TESTS = ("test", "test_ood_range", "test_ood_template")
SEEDS = {"seed 7": ("runBA", "runBB"), "seed 8": ("runBC", "runBD")}
# the changes' own questions, listed before run BB's figures existed
TARGETED = {tuple(k) for k in json.loads((EXPERIMENTS / "runBB" / "targeted.json").read_text())}


def pair_nets(baseline: str, change: str) -> dict[str, int]:
    """Print one seed's paired table and return the net of each condition."""
    paths_a = [EXPERIMENTS / baseline / name for name in FILES]
    paths_b = [EXPERIMENTS / change / name for name in FILES]
    a, b = compare_runs.load_keyed(paths_a), compare_runs.load_keyed(paths_b)
    text_a = compare_runs.load_questions_keyed(paths_a)
    text_b = compare_runs.load_questions_keyed(paths_b)

    def in_sets(*sets: str) -> list[compare_runs.Key]:
        return [k for k in b if k[0] in sets and text_a.get(k) == text_b[k]]

    def net(keys: list, label: str) -> int:
        return compare_runs.paired_net(a, b, keys, label, f"{baseline[3:]} {change[3:]}")[0]

    probes = in_sets(*PROBES)
    nets = {
        "own": net(
            [k for k in probes + in_sets("handwritten_dev") if k in TARGETED],
            "1. the changes' own questions",
        ),
        "probes": net(probes, "2. five probes"),
        "dev": net(in_sets("handwritten_dev"), "3. handwritten_dev"),
        "validation": net(in_sets("validation", "validation_ood"), "4. validation sets"),
    }
    for probe in PROBES:
        net(in_sets(probe), f"   {probe}")
    net(in_sets(*TESTS), "   test splits, same questions (decide nothing)")
    for name in (*TESTS, "handwritten"):
        net(in_sets(name), f"   {name} (decides nothing)")
    return nets


def main() -> None:
    per_seed = {}
    for seed, (baseline, change) in SEEDS.items():
        print(f"--- {seed}: {baseline} -> {change}")
        per_seed[seed] = pair_nets(baseline, change)
    s8 = per_seed["seed 8"]
    total = {key: sum(nets[key] for nets in per_seed.values()) for key in s8}
    print("summed over both seeds:", total)
    held = {
        "seed 8: own >= +3": s8["own"] >= 3,
        "seed 8: probes >= -3": s8["probes"] >= -3,
        "seed 8: dev >= -3": s8["dev"] >= -3,
        "seed 8: validation >= -5": s8["validation"] >= -5,
        "both seeds: own >= +6": total["own"] >= 6,
        "both seeds: probes >= +5": total["probes"] >= 5,
    }
    for condition, ok in held.items():
        print(f"  {condition:28s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")


if __name__ == "__main__":
    main()
