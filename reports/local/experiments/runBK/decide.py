"""Run BK: every older family names its task in more ways (experiments.md, session 28). Written
before any figure of run BK existed.

Run BK is run BJ's code plus new training asks and labels for all 98 families that compose
questions from parts (about 12 more asks each, every number named at least 12 ways; held-out
pieces untouched, no word that only a held-out piece used), data seed 7, training seed 7, the
whole `full` pipeline. The generated splits are new draws (a longer list of asks changes
every later random draw), so the rule reads the questions whose text is fixed, paired with run
BJ by question text, and the new draw of `validation` unpaired. Adopt only if every condition
holds:
1. probes 1-8 + validation_ood + validation_ood2 (824 fixed questions): at least +15
   (run BI -> BI8, one seed apart, swapped about 90 of them: +15 is about 1.6 of its spread);
2. handwritten_dev: at least -4;
3. probe8 (the sixteen newest families, blind): at least -4;
4. `validation` (new draw, 408 questions): run BK's accuracy at most 3 points under run BJ's.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBK/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("run_bg_rule", HERE.parents[1] / "runBG/decide.py")
assert _spec and _spec.loader
bg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bg)

BASELINE, CHANGE = "runBJ", "runBK"
PROBES = tuple(f"handwritten_probe{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8))
FIXED = (*PROBES, "validation_ood", "validation_ood2")


def accuracy(found: dict, split: str) -> tuple[int, int]:
    rows = [row for (name, _), row in found.items() if name == split]
    return sum(row["correct"] for row in rows), len(rows)


def main() -> bool:
    old, new = bg.by_text(bg.rows(BASELINE)), bg.by_text(bg.rows(CHANGE))
    print(f"(columns: BB = run {BASELINE[3:]}, BG = run {CHANGE[3:]})")

    def in_sets(*sets: str) -> list[tuple[str, str]]:
        return [key for key in new if key[0] in sets]

    fixed = bg.paired(old, new, in_sets(*FIXED), "1. probes 1-8 + validation_ood + _ood2")
    dev = bg.paired(old, new, in_sets("handwritten_dev"), "2. handwritten_dev")
    blind = bg.paired(old, new, in_sets("handwritten_probe8"), "3. probe8")
    for name in FIXED:
        bg.paired(old, new, in_sets(name), f"   {name}")
    bg.paired(old, new, in_sets("handwritten"), "   handwritten (report set, decides nothing)")
    rates = {}
    for run, found in ((BASELINE, old), (CHANGE, new)):
        right, total = accuracy(found, "validation")
        rates[run] = right / max(total, 1)
        print(f"4. validation, run {run[3:]}: {right} / {total} = {100 * rates[run]:.1f} %")
    for split in ("test", "test_ood_range", "test_ood_template"):
        counts = {run: accuracy(found, split) for run, found in (("BJ", old), ("BK", new))}
        line = ", ".join(f"run {run} {right} / {total}" for run, (right, total) in counts.items())
        print(f"   {split} (new draws, decides nothing): {line}")
    held = {
        "1. fixed questions >= +15": fixed >= 15,
        "2. handwritten_dev >= -4": dev >= -4,
        "3. probe8 >= -4": blind >= -4,
        "4. validation within 3 points": rates[CHANGE] >= rates[BASELINE] - 0.03,
    }
    for condition, ok in held.items():
        print(f"  {condition:40s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")
    return all(held.values())


if __name__ == "__main__":
    main()
