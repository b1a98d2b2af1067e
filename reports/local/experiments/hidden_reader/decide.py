"""Session 35: is the hidden-state reader on by default? Written before any recheck figure.

Inputs: ``recheck.py``'s ``recheck.json`` for run BR's adapter (the model the next report
comes from) and, as a replicate, run BQ's (another adapter and another training set over the
same 159 families). Only tuning sets (handwritten_dev, the probes, validation_ood 1-3,
validation): each question's first greedy reply is fixed, so every changed answer is a paired
difference caused by the reader alone.

The reader is adopted (the pipeline fits it and every check reads it) when all hold:
1. run BR: answers changed wrong -> right minus right -> wrong, over all tuning sets, >= 5, and a
   one-sided sign test on the changed answers gives p < 0.05;
2. run BR: no tuning group (handwritten_dev, probes, validation_ood, validation) loses more
   than 2 answers net;
3. run BQ (replicate): the net change over its tuning sets is >= 0;
4. the n-gram recheck reproduces >= 98 % of run BR's stored answers (the method is sound).
Otherwise the reader stays an option (``quantreason task-classifier --adapter``) and off.

Run: python reports/local/experiments/hidden_reader/decide.py BR_recheck.json BQ_recheck.json
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path


def net(results: dict) -> tuple[int, int, dict[str, int]]:
    """(wins, losses, net per group) from ``changed``."""
    wins = losses = 0
    per_group: dict[str, int] = {}
    for key, count in results["changed"].items():
        group, change = key.split(": ")
        up = change == "wrong -> right"
        wins += count if up else 0
        losses += 0 if up else count
        per_group[group] = per_group.get(group, 0) + (count if up else -count)
    return wins, losses, per_group


def sign_test(wins: int, losses: int) -> float:
    """One-sided p of at least ``wins`` successes in wins + losses fair coin flips."""
    n = wins + losses
    if n == 0:
        return 1.0
    return sum(math.comb(n, k) for k in range(wins, n + 1)) / 2**n


def main() -> None:
    br = json.loads(Path(sys.argv[1]).read_text())
    bq = json.loads(Path(sys.argv[2]).read_text())
    wins, losses, groups = net(br)
    p = sign_test(wins, losses)
    bq_wins, bq_losses, bq_groups = net(bq)
    conditions = {
        f"1. run BR net {wins - losses:+d} (>= 5), sign test p = {p:.4f} (< 0.05)": wins - losses
        >= 5
        and p < 0.05,
        f"2. run BR no group below -2: {groups}": all(v >= -2 for v in groups.values()),
        f"3. run BQ net {bq_wins - bq_losses:+d} (>= 0): {bq_groups}": bq_wins - bq_losses >= 0,
        f"4. n-gram recheck reproduces {100 * br['ngram_reproduces_stored']:.1f} % (>= 98)": br[
            "ngram_reproduces_stored"
        ]
        >= 0.98,
    }
    for text, ok in conditions.items():
        print("PASS" if ok else "FAIL", text)
    for name, results in (("run BR", br), ("run BQ", bq)):
        for reader in ("ngram", "hidden"):
            cells = ", ".join(
                f"{g} {v['right']}/{v['n']} (task {v['task_right']})"
                for g, v in results[reader].items()
            )
            print(f"{name} {reader}: {cells}")
    print("ADOPT" if all(conditions.values()) else "KEEP OFF")


if __name__ == "__main__":
    main()
