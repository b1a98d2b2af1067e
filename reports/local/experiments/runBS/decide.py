"""Run BS: run BR's pipeline (159 families x 120 training records, seeds 7/7, the `full`
profile) with session 37's label arguments: seven families write a formula whose quoted label
carries the direction the question names (experiments.md, session 37). Written before any
figure of run BS existed.

Run BS is main at 978e777 in its own clone (/work/exp/bs; run BR's serve stage failed when
main's code changed under it). Its data are run BR's byte for byte except the formulas of the
seven families (817 of 19,080 training records, 26 of 636 validation): every question of
every split is the same text, so every comparison below is paired by question.

Two questions, two rules:

A. Do the label forms pay at full scale? Baseline run BR. Adopt the forms (keep them on main)
   only if every condition holds:
   A1. the seven families on `validation` and every fixed tuning set (probes 1-16,
       validation_ood 1-3, handwritten_dev): at least +10 net (run BR: 23 of 68 right there);
   A2. the other families on the fixed tuning sets: at least -1.5 x sqrt(flips);
   A3. the other families on `validation`: at least -1.5 x sqrt(flips).
   If A fails, the forms are reverted on main in a later session.
B. Does run BS replace the committed report (run BL's)? Only if A holds and run BQ's ten
   conditions (runBQ/decide.py) hold with run BS in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBS/decide.py
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

HERE = Path(__file__).resolve()
CHANGE, BASELINE = "runBS", "runBR"
SEVEN = (
    "fx_cross",
    "foreign_stock_return",
    "option_delta",
    "straddle_breakeven",
    "option_breakeven",
    "normal_probability",
    "inflation_adjusted_value",
)


def _load(run: str, name: str):
    spec = importlib.util.spec_from_file_location(name, HERE.parents[1] / run / "decide.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labels_rule(
    bq,
    change: str = CHANGE,
    targets: tuple[str, ...] = SEVEN,
    least: int = 10,
    baseline: str = BASELINE,
) -> bool:
    """Rule A: ``change`` (run BS) against ``baseline`` (run BR), paired by question,
    ``targets`` the families whose formulas changed and ``least`` the net gain A1 asks."""
    bg = bq.bg
    old, new = bg.by_text(bg.rows(baseline)), bg.by_text(bg.rows(change))
    name, base = change[3:], baseline[3:]
    print(f"A. run {name} against run {base} (columns: BB = run {base}, BG = run {name})")

    def keys(sets: tuple[str, ...], seven: bool) -> list[tuple[str, str]]:
        return [
            key
            for key in new
            if key[0] in sets and key in old and (new[key]["family"] in targets) == seven
        ]

    def bar(found: list[tuple[str, str]]) -> float:
        return -1.5 * math.sqrt(sum(old[k]["correct"] != new[k]["correct"] for k in found))

    fixed = bq.ALL_FIXED
    aimed = keys((*fixed, "validation"), seven=True)
    others_fixed, others_val = keys(fixed, seven=False), keys(("validation",), seven=False)
    nets = {
        "A1": bg.paired(old, new, aimed, "A1. the changed families, validation + fixed sets"),
        "A2": bg.paired(old, new, others_fixed, "A2. the other families, fixed sets"),
        "A3": bg.paired(old, new, others_val, "A3. the other families, validation"),
    }
    for family in targets:
        mine = [k for k in aimed if new[k]["family"] == family]
        bg.paired(old, new, mine, f"    {family}")
    for split in ("test", "test_ood_range", "test_ood_template", "handwritten"):
        for seven in (True, False):
            which = "the changed" if seven else "the others"
            bg.paired(old, new, keys((split,), seven), f"    {split}, {which} (decides nothing)")
    bars = {"A2": bar(others_fixed), "A3": bar(others_val)}
    print(f"    bars: A2 {bars['A2']:.1f}, A3 {bars['A3']:.1f}")
    checks = {
        "A1": nets["A1"] >= least,
        "A2": nets["A2"] >= bars["A2"],
        "A3": nets["A3"] >= bars["A3"],
    }
    print("conditions:", " ".join(f"{k}={'holds' if v else 'FAILS'}" for k, v in checks.items()))
    held = all(checks.values())
    print("label forms:", "KEPT" if held else "to be reverted")
    return held


def decide(change: str = CHANGE, targets: tuple[str, ...] = SEVEN, least: int = 10) -> bool:
    """Rules A and B for ``change``; True where it replaces the committed report."""
    bq = _load("runBQ", "run_bq_rule")
    forms_kept = labels_rule(bq, change, targets, least)
    name = change[3:]
    print()
    print(
        f"B. run {name} against run BL under run BQ's conditions (lines saying 'run BQ' mean it):"
    )
    bq.CHANGE = change
    report_rule = bq.main()
    adopted = forms_kept and report_rule
    print(
        f"run {name}:",
        "ADOPTED as the committed report" if adopted else "not adopted as the report",
    )
    return adopted


if __name__ == "__main__":
    decide()
