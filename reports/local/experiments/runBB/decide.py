"""Run BB's decision rule (experiments.md, session 20): terms as counts and lists of several
lengths, confined to their six families by per-record streams, paired against run BA (both
greedy with the task check, the same evaluation command). A question counts only where its
text is the same in both runs.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBB/decide.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: compare_runs
import compare_runs

HERE = Path(__file__).resolve().parent
RUN_BA = HERE.parent / "runBA"
FILES = ("predictions.jsonl", "predictions_extra.jsonl")  # the pipeline's, then the extra sets
PROBES = tuple(f"handwritten_probe{n}" for n in ("", 2, 3, 4, 5))
TESTS = ("test", "test_ood_range", "test_ood_template")


def main() -> None:
    ba_paths = [RUN_BA / name for name in FILES]
    bb_paths = [HERE / name for name in FILES]
    ba, bb = compare_runs.load_keyed(ba_paths), compare_runs.load_keyed(bb_paths)
    ba_text = compare_runs.load_questions_keyed(ba_paths)
    bb_text = compare_runs.load_questions_keyed(bb_paths)
    # the changes' own questions, listed before run BB's figures existed (targeted.json)
    targeted = {tuple(key) for key in json.loads((HERE / "targeted.json").read_text())}

    def in_sets(*sets: str) -> list[compare_runs.Key]:
        return [k for k in bb if k[0] in sets and ba_text.get(k) == bb_text[k]]

    def paired(keys: list, label: str) -> tuple[int, int]:
        return compare_runs.paired_net(ba, bb, keys, label, "BA BB")

    probes = in_sets(*PROBES)
    net1, n1 = paired(
        [k for k in probes + in_sets("handwritten_dev") if k in targeted],
        "1. the changes' own questions (>= +3)",
    )
    net2, n2 = paired(probes, f"2. {len(PROBES)} probes (>= -3)")
    for probe in PROBES:
        paired(in_sets(probe), f"   {probe}")
    net3, n3 = paired(in_sets("handwritten_dev"), "3. handwritten_dev (>= -3)")
    net4, n4 = paired(in_sets("validation", "validation_ood"), "4. validation sets (>= -5)")
    net5, n5 = paired(in_sets(*TESTS), "5. test splits, same questions (>= -5)")
    for name in ("validation", "validation_ood", *TESTS, "handwritten"):
        paired(in_sets(name), f"   {name}")
    held = [net1 >= 3, net2 >= -3, net3 >= -3, net4 >= -5, net5 >= -5]
    print("n:", n1, n2, n3, n4, n5)
    print("conditions:", held, "ADOPT" if all(held) else "NOT ADOPTED")

    changed = [k for k in bb if k[0] in TESTS and ba_text.get(k) != bb_text[k]]
    right = sum(bb[k] for k in changed)
    print(f"changed families' generated questions (decide nothing): BB {right}/{len(changed)}")


if __name__ == "__main__":
    main()
