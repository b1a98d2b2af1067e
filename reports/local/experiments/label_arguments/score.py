"""Paired per-family accuracy of two arms of the label-argument experiment (session 37).

    python score.py ARM_DIR_OLD ARM_DIR_NEW OUT.json

Each ARM_DIR holds an arm's ``predictions.jsonl`` (``quantreason eval``: model ``finetuned``,
greedy with the task check). Both arms answer the same questions (the same seed draws the same
questions; only the reference formulas differ), so every question is paired: ``+`` right only
in the new arm, ``-`` only in the old. Prints a table and writes it as JSON.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def _answers(arm: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    answers = {}
    with (arm / "predictions.jsonl").open() as lines:
        for line in lines:
            row = json.loads(line)
            if row["model"] == "finetuned":
                kind = "validation" if row["split"] == "validation" else "tuning probes"
                answers[(row["split"], row["id"])] = (row["family"], kind, bool(row["correct"]))
    return answers


def main(old_dir: str, new_dir: str, out: str) -> None:
    old, new = _answers(Path(old_dir)), _answers(Path(new_dir))
    if old.keys() != new.keys():
        raise SystemExit("the arms answered different questions")
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(
        lambda: {"n": 0, "old": 0, "new": 0, "gained": 0, "lost": 0}
    )
    for key, (family, kind, right_old) in old.items():
        right_new = new[key][2]
        row = table[(family, kind)]
        row["n"] += 1
        row["old"] += right_old
        row["new"] += right_new
        row["gained"] += right_new and not right_old
        row["lost"] += right_old and not right_new
    print(f"{'family':26s} {'set':14s} {'n':>3s} {'old':>4s} {'new':>4s}  paired")
    for (family, kind), row in sorted(table.items()):
        print(
            f"{family:26s} {kind:14s} {row['n']:3d} {row['old']:4d} {row['new']:4d}"
            f"  +{row['gained']}/-{row['lost']}"
        )
    rows = [{"family": f, "set": k, **row} for (f, k), row in sorted(table.items())]
    Path(out).write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
