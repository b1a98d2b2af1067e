"""Run CF (session 55): checkpoint averaging. Written before run CF had finished training and
before any of its answers existed.

Why: three adapters of one recipe (runs CA, CB, CC) answer different questions right: a
majority vote of their greedy answers gave `validation` 578 -> 588 of 636 and the fixed sets
916 -> 935 of 1,164 (session 53), so part of the `test` gap is run-to-run variance of where
training stops. Averaging the weights of the last checkpoints of one run (stochastic weight
averaging; Izmailov et al. 2018) is the cheap way to take some of that variance out: it costs
no training step and no serving time (the adapter is merged).

Run CF is run CE's recipe (main's `full` profile at ab92c66, seed 7) with every checkpoint of
the last 600 steps kept (`checkpoint.keep_last: 24`, 25 steps apart; nothing else changes).
Two adapters of the same training are compared, paired by question, so the seed noise that
moves two runs 0.6-4.9 points does not enter:
  * runCF:    the exported adapter (the last step, as every run so far);
  * runCFavg: `average.py --last 8`: the exact mean of the last 8 checkpoints' weight
              changes (steps 1,325-1,477).
Both answer the same tuning sets the same way (greedy, the n-gram task check, no reader, as
run CE's tuning answers): `validation`, the fixed sets (probes 1-16, validation_ood 1-3,
handwritten_dev) and run CE's 320 fresh questions (`runCE/fresh/validation.jsonl`).

M. Averaging is adopted (training's export writes the averaged adapter; a later run measures
   it for the report) if all hold:
   M1. over all three groups together, runCFavg minus runCF (wrong -> right minus
       right -> wrong) is at least +8, with a one-sided sign test on the changed answers
       p < 0.05;
   M2. no group (`validation`, the fixed sets, the fresh questions) falls by more than
       1.5 x sqrt(its flips).
Also printed, deciding nothing: run CF's last-step adapter against run CE on the same
questions (how far a second training of one recipe moves them).

    .venv/bin/python reports/local/experiments/runCF/decide.py
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import load_rule

HERE = Path(__file__).resolve().parent
EXPERIMENTS = HERE.parent
BASELINE, CHANGE, PREVIOUS = "runCF", "runCFavg", "runCE"
FRESH = {
    "runCE": EXPERIMENTS / "runCE" / "fresh" / "answers_CE.jsonl",
    "runCF": HERE / "fresh" / "answers_CF.jsonl",
    "runCFavg": HERE / "fresh" / "answers_CFavg.jsonl",
}
LEAST_NET = 8
# Answers per group (run CE's tuning sets: validation, probes 1-16 + validation_ood 1-3 +
# handwritten_dev, the fresh questions)
EXPECTED = {"validation": 636, "fixed sets": 1497, "fresh": 320}
MAX_P = 0.05


def _group(key: tuple[str, str], bq) -> str | None:
    """The group of a (set, question) key, or None."""
    if key[0] in ("validation", "fresh"):
        return key[0]
    return "fixed sets" if key[0] in bq.ALL_FIXED else None


def sign_test(wins: int, losses: int) -> float:
    """One-sided p of at least ``wins`` successes in wins + losses fair coin flips."""
    n = wins + losses
    if n == 0:
        return 1.0
    return sum(math.comb(n, k) for k in range(wins, n + 1)) / 2**n


def answers(bg, run: str) -> dict[tuple[str, str], dict]:
    """Run ``run``'s greedy answers by (set, question text): the tuning sets and, under the
    set name "fresh", the fresh questions."""
    found = bg.by_text(bg.rows(run))
    for line in FRESH[run].read_text().splitlines():
        row = json.loads(line)
        if row["model"] == "finetuned":
            found[("fresh", row["question"])] = row
    return found


def flips(a: dict, b: dict, keys: list) -> tuple[int, int]:
    """(wrong -> right, right -> wrong) from ``a`` to ``b`` over ``keys``."""
    gained = sum(b[k]["correct"] and not a[k]["correct"] for k in keys)
    lost = sum(a[k]["correct"] and not b[k]["correct"] for k in keys)
    return gained, lost


def main() -> bool:
    bg = load_rule("runBG", "run_bg_rule")
    bq = load_rule("runBQ", "run_bq_rule")
    base, change = answers(bg, BASELINE), answers(bg, CHANGE)
    shared = [key for key in base if key in change]
    groups = {
        name: [k for k in shared if _group(k, bq) == name]
        for name in ("validation", "fixed sets", "fresh")
    }
    for name, keys in groups.items():  # a chunk that failed to land must not shrink a group
        own = {k for run in (base, change) for k in run if _group(k, bq) == name}
        if len(keys) != EXPECTED[name] or own != set(keys):
            sys.exit(
                f"{name}: {len(keys)} shared answers, {len(own)} in either run, "
                f"{EXPECTED[name]} expected: a set is missing"
            )
    every = [k for keys in groups.values() for k in keys]
    print(f"{CHANGE} (the mean of the last 8 checkpoints) against {BASELINE} (the last step):")
    held = {}
    for name, keys in groups.items():
        gained, lost = flips(base, change, keys)
        right = [sum(run[k]["correct"] for k in keys) for run in (base, change)]
        bar = -1.5 * math.sqrt(gained + lost)
        held[name] = gained - lost >= bar
        print(
            f"  {name:12s} n={len(keys):5d}  {right[0]:5d} -> {right[1]:5d}  +{gained}/-{lost}"
            f"  (bar {bar:.1f}: {'holds' if held[name] else 'FAILS'})"
        )
    gained, lost = flips(base, change, every)
    p = sign_test(gained, lost)
    m1 = gained - lost >= LEAST_NET and p < MAX_P
    print(
        f"M1. all {len(every)}: +{gained}/-{lost}, net {gained - lost:+d} (>= {LEAST_NET}), "
        f"sign test p = {p:.4f} (< {MAX_P}): {'holds' if m1 else 'FAILS'}"
    )
    m2 = all(held.values())
    print(f"M2. no group below its bar: {'holds' if m2 else 'FAILS'}")
    adopted = m1 and m2
    print("checkpoint averaging:", "ADOPTED" if adopted else "not adopted")

    print(f"\nDecides nothing: {BASELINE} (last step) against {PREVIOUS}, same recipe retrained:")
    previous = answers(bg, PREVIOUS)
    for name in groups:
        keys = [k for k in groups[name] if k in previous]
        gained, lost = flips(previous, base, keys)
        right = [sum(run[k]["correct"] for k in keys) for run in (previous, base)]
        print(f"  {name:12s} n={len(keys):5d}  {right[0]:5d} -> {right[1]:5d}  +{gained}/-{lost}")
    return adopted


if __name__ == "__main__":
    main()  # the verdict is printed; the exit status says only that the rule ran
