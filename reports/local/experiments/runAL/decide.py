"""Run AL's decision rule (experiments.md, session 19): lists of several lengths, paired
against run AK (both with the numerals rewrite, greedy with the task check).

Run from the repository root:
    .venv/bin/python reports/local/experiments/runAL/decide.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: compare_runs
import compare_runs

HERE = Path(__file__).resolve().parent
RUN_AK = HERE.parent / "runAK"
RUN_AH = HERE.parent / "runAH"
FILES = ("predictions.jsonl", "predictions_extra.jsonl")  # the pipeline's, then the extra sets
# Run AK's pipeline replies are byte-identical to run AH's (same adapter bytes), kept once.
AK_PATHS = (RUN_AH / "predictions.jsonl", RUN_AK / "predictions_extra.jsonl")
AH_FILES = (
    "predictions.jsonl",
    "predictions_blind.jsonl",
    "predictions_probe3.jsonl",
    "predictions_validation.jsonl",
)
PROBES = ("handwritten_probe", "handwritten_probe2", "handwritten_probe3", "handwritten_probe4")
LIST_FAMILIES = ("npv", "multi_period_return")


def families(probe_files: list[Path]) -> dict[compare_runs.Key, str]:
    """(set, id) -> family, read from the benchmark files."""
    import json

    return {
        (path.stem, row["id"]): row["family"]
        for path in probe_files
        for row in map(json.loads, path.read_text().splitlines())
    }


def main() -> None:
    ak = compare_runs.load_keyed(list(AK_PATHS))
    al = compare_runs.load_keyed([HERE / name for name in FILES])
    family = families([Path("benchmarks") / f"{probe}.jsonl" for probe in PROBES])

    def in_sets(*sets: str) -> list[compare_runs.Key]:
        return [key for key in al if key[0] in sets]

    def paired(a: dict, b: dict, keys: list, label: str, names: str = "AK AL") -> tuple[int, int]:
        return compare_runs.paired_net(a, b, keys, label, names)

    lists = [key for key in in_sets(*PROBES) if family[key] in LIST_FAMILIES]
    net1, n1 = paired(ak, al, lists, "1. npv + multi_period_return probes (>= +2)")
    net2, n2 = paired(ak, al, in_sets(*PROBES), "2. four probes (>= -3)")
    for probe in PROBES:
        paired(ak, al, in_sets(probe), f"   {probe}")
    net3, n3 = paired(ak, al, in_sets("handwritten_dev"), "3. handwritten_dev (>= -3)")
    net4, n4 = paired(ak, al, in_sets("validation", "validation_ood"), "4. validation sets (>= -5)")
    for name in ("validation", "validation_ood", "handwritten"):
        paired(ak, al, in_sets(name), f"   {name}")
    held = [net1 >= 2 and n1 == 9, net2 >= -3 and n2 == 240, net3 >= -3 and n3 == 84]
    held.append(net4 >= -5 and n4 == 424)
    print("conditions:", held, "ADOPT" if all(held) else "NOT ADOPTED")

    print("\nRetraining alone: run AK against run AH (same data, another machine)")
    ah = compare_runs.load_keyed([RUN_AH / name for name in AH_FILES])
    for name in (*PROBES[:3], "handwritten_dev", "validation", "validation_ood", "handwritten"):
        paired(ah, ak, in_sets(name), f"   {name}", "AH AK")


if __name__ == "__main__":
    main()
