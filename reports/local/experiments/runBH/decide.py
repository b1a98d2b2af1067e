"""Run BH: run BG's code (68 families) at training seed 8, the second seed run BG's rule
promised (experiments.md, session 23). Written before run BH's figures existed.

Run BH is paired with run BD (run BB's code, 56 families, training seed 8) on the questions both
answered, by question text; probe6 did not exist when run BD ran, so its questions pair with run
BB's replies (seed 7; the old code has no family for the new tasks and answered none of them).
Run BG's adoption is undone (its merge reverted) unless every condition holds:
1. probe6's 22 questions of the new tasks: at least +8 net (against run BB);
2. the five read probes' 21 questions of the new tasks: at least +6 (against run BD);
3. every other probe question (five probes against run BD, probe6 against run BB): at least -8,
   and at least -8 summed with run BG's net on its own item 3;
4. handwritten_dev: at least -4, and at least -4 summed with run BG's;
5. validation + validation_ood + validation_ood2, same questions: at least -8, and at least -8
   summed with run BG's;
6. run BH's own validation questions of the new families: at least 60 % right.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBH/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("run_bg_rule", HERE.parents[1] / "runBG/decide.py")
assert _spec and _spec.loader
bg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bg)

# run BG's nets on items 3-5 against run BB (printed by runBG/decide.py, session 23)
BG_NETS = {"rest": 26 - 20, "dev": 1 - 2, "validation": 22 - 17}


def main() -> None:
    old8, old7, new = (bg.by_text(bg.rows(run)) for run in ("runBD", "runBB", "runBH"))
    old = {**{k: v for k, v in old7.items() if k[0] == "handwritten_probe6"}, **old8}
    ids = {key: (row["split"], row["id"]) for key, row in new.items()}

    def in_sets(*sets: str) -> list[tuple[str, str]]:
        return [key for key in new if key[0] in sets]

    new_blind = [k for k in in_sets("handwritten_probe6") if new[k]["family"] in bg.NEW_FAMILIES]
    read_own = [k for k in in_sets(*bg.PROBES) if ids[k] in bg.READ_OWN]
    rest = [
        k for k in in_sets(*bg.PROBES, "handwritten_probe6") if k not in {*new_blind, *read_own}
    ]
    nets = {
        "blind": bg.paired(old, new, new_blind, "1. probe6: the new tasks' 22 questions (vs BB)"),
        "read": bg.paired(old, new, read_own, "2. five read probes: the new tasks' questions"),
        "rest": bg.paired(old, new, rest, "3. six probes: every other question"),
        "dev": bg.paired(old, new, in_sets("handwritten_dev"), "4. handwritten_dev"),
        "validation": bg.paired(old, new, in_sets(*bg.VALIDATION), "5. validation sets"),
    }
    new_validation = [k for k in in_sets("validation") if new[k]["family"] in bg.NEW_FAMILIES]
    right = sum(new[k]["correct"] for k in new_validation)
    share = right / max(len(new_validation), 1)
    print(f"6. validation, the new families (run BH alone): {right} / {len(new_validation)}")
    for name in (*bg.PROBES, "handwritten_probe6", *bg.VALIDATION):
        bg.paired(old, new, in_sets(name), f"   {name}")
    for name in (*bg.TESTS, "handwritten"):
        bg.paired(old, new, in_sets(name), f"   {name}, same questions (decides nothing)")
    print("   (columns: BB = the old code's replies, BG = run BH's)")
    held = {
        "1. blind new-task questions >= +8": nets["blind"] >= 8,
        "2. read new-task questions >= +6": nets["read"] >= 6,
        "3. other probe questions >= -8, both seeds": min(
            nets["rest"], nets["rest"] + BG_NETS["rest"]
        )
        >= -8,
        "4. handwritten_dev >= -4, both seeds": min(nets["dev"], nets["dev"] + BG_NETS["dev"])
        >= -4,
        "5. validation sets >= -8, both seeds": min(
            nets["validation"], nets["validation"] + BG_NETS["validation"]
        )
        >= -8,
        "6. new families' validation >= 60 %": share >= 0.6,
    }
    for condition, ok in held.items():
        print(f"  {condition:46s} {'holds' if ok else 'FAILS'}")
    print("KEEP run BG's adoption" if all(held.values()) else "UNDO run BG's adoption")


if __name__ == "__main__":
    main()
