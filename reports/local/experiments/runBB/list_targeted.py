"""Write ``targeted.json``: the questions run BB's changes are for, listed before its figures
existed. In the five blind probes and ``handwritten_dev``: the ``npv`` and
``multi_period_return`` questions, and those stating a term as a number of payments.

Needs run BB's code (``stated_payment_counts`` came with 0e69984); from a checkout of it:
    PYTHONPATH=. python reports/local/experiments/runBB/list_targeted.py
"""

from __future__ import annotations

import json
from pathlib import Path

from quantreason.frequency import stated_payment_counts

SETS = ("handwritten_probe", "handwritten_probe2", "handwritten_probe3", "handwritten_probe4")
LIST_FAMILIES = ("npv", "multi_period_return")


def main() -> None:
    root = Path(__file__).resolve().parents[4]
    keys = []
    for name in (*SETS, "handwritten_probe5", "handwritten_dev"):
        for row in map(
            json.loads, (root / "benchmarks" / f"{name}.jsonl").read_text().splitlines()
        ):
            if row["family"] in LIST_FAMILIES or stated_payment_counts(row["question"]):
                keys.append([name, row["id"]])
    out = Path(__file__).resolve().parent / "targeted.json"
    out.write_text(json.dumps(keys, indent=0) + "\n")
    print(f"{len(keys)} questions -> {out}")


if __name__ == "__main__":
    main()
