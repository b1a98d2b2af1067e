"""Run BM: eleven everyday ratios (experiments.md, session 29: `company_ratios.py`,
`returns_on_capital.py`, `household.py`). Written before any figure of run BM existed.

Run BM is main at session 30's start (21cf002, run BL's code plus the eleven families; run
BL was adopted in session 30 and is the baseline): the 11 families market_cap, current_ratio,
quick_ratio, interest_coverage, return_on_equity, return_on_assets, gross_rental_yield, fund_fee,
debt_to_income, years_until_depleted and covered_calls, written by helpers blind to every
benchmark after run BK's decision opened probe9, whose "other" questions were mostly such
ratios. 118 families, data seed 7, training seed 7, the whole `full` pipeline.

Targets, judged apart from everything else:
- BLIND: probe10's 33 questions over the eleven tasks (written blind, after the families, by a
  writer who saw neither the generator's templates nor any model's replies);
- READ: probe9's nine "other" questions over the eleven tasks (p9-51..54, p9-56..60; p9-55, a
  payout ratio, asks no new task). probe9 was read after run BK: these nine chose the tasks.
Adopt only if every condition holds (against run BL, paired by question text):
1. probes 1-8 + validation_ood + validation_ood2: at least -8 (nothing aims at them);
2. BLIND (33): at least +12;
3. READ (9): at least +4;
4. probe10's other 21 questions: at least -3;
5. handwritten_dev: at least -4;
6. probe8 (blind when written): at least -4;
7. `validation` (new draw): within 3 points of the baseline's;
8. run BM's own `validation` questions of the eleven families: at least 30 of 44.
probe9's other 51 questions and the report set `handwritten` are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBM/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("run_bg_rule", HERE.parents[1] / "runBG/decide.py")
assert _spec and _spec.loader
bg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bg)

BASELINE, CHANGE = "runBL", "runBM"
NEW_FAMILIES = (
    "market_cap",
    "current_ratio",
    "quick_ratio",
    "interest_coverage",
    "return_on_equity",
    "return_on_assets",
    "gross_rental_yield",
    "fund_fee",
    "debt_to_income",
    "years_until_depleted",
    "covered_calls",
)
PROBES = tuple(f"handwritten_probe{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8))
FIXED = (*PROBES, "validation_ood", "validation_ood2")
READ = {("handwritten_probe9", f"p9-{n}") for n in (51, 52, 53, 54, 56, 57, 58, 59, 60)}


def accuracy(found: dict, split: str, families: tuple[str, ...] = ()) -> tuple[int, int]:
    rows = [
        row
        for (name, _), row in found.items()
        if name == split and (not families or row["family"] in families)
    ]
    return sum(row["correct"] for row in rows), len(rows)


def main() -> bool:
    old, new = bg.by_text(bg.rows(BASELINE)), bg.by_text(bg.rows(CHANGE))
    ids = {key: (row["split"], row["id"]) for key, row in new.items()}
    print(f"(columns: BB = run {BASELINE[3:]}, BG = run {CHANGE[3:]})")

    def in_sets(*sets: str) -> list[tuple[str, str]]:
        return [key for key in new if key[0] in sets]

    probe10 = in_sets("handwritten_probe10")
    blind = [key for key in probe10 if new[key]["family"] in NEW_FAMILIES]
    assert len(blind) == 33, f"probe10 should hold 33 questions over the new tasks: {len(blind)}"
    read = [key for key in in_sets("handwritten_probe9") if ids[key] in READ]
    assert len(read) == len(READ), "a read question is missing from run BM's sets"
    nets = {
        "fixed": bg.paired(old, new, in_sets(*FIXED), "1. probes 1-8 + validation_ood(2)"),
        "blind": bg.paired(old, new, blind, "2. probe10, the eleven tasks (blind)"),
        "read": bg.paired(old, new, read, "3. probe9, the nine read questions"),
        "rest10": bg.paired(
            old, new, [k for k in probe10 if k not in blind], "4. probe10, the other 21"
        ),
        "dev": bg.paired(old, new, in_sets("handwritten_dev"), "5. handwritten_dev"),
        "probe8": bg.paired(old, new, in_sets("handwritten_probe8"), "6. probe8"),
    }
    for name in FIXED:
        bg.paired(old, new, in_sets(name), f"   {name}")
    bg.paired(
        old,
        new,
        [k for k in in_sets("handwritten_probe9") if k not in read],
        "   probe9, the other 51 (decides nothing)",
    )
    bg.paired(old, new, in_sets("handwritten"), "   handwritten (report set, decides nothing)")
    rates = {}
    for run, found in ((BASELINE, old), (CHANGE, new)):
        right, total = accuracy(found, "validation")
        rates[run] = right / max(total, 1)
        print(f"7. validation, run {run[3:]}: {right} / {total} = {100 * rates[run]:.1f} %")
    own_right, own_total = accuracy(new, "validation", NEW_FAMILIES)
    print(f"8. run BM's validation, the eleven families: {own_right} / {own_total}")
    for split in ("test", "test_ood_range", "test_ood_template"):
        counts = {run: accuracy(found, split) for run, found in ((BASELINE, old), (CHANGE, new))}
        line = ", ".join(f"run {run[3:]} {r} / {t}" for run, (r, t) in counts.items())
        print(f"   {split} (new draws, decides nothing): {line}")
    held = {
        "1. fixed questions >= -8": nets["fixed"] >= -8,
        "2. probe10's eleven tasks >= +12": nets["blind"] >= 12,
        "3. probe9's nine read questions >= +4": nets["read"] >= 4,
        "4. probe10's other 21 >= -3": nets["rest10"] >= -3,
        "5. handwritten_dev >= -4": nets["dev"] >= -4,
        "6. probe8 >= -4": nets["probe8"] >= -4,
        "7. validation within 3 points": rates[CHANGE] >= rates[BASELINE] - 0.03,
        "8. the eleven families' validation >= 30 of 44": own_total == 44 and own_right >= 30,
    }
    for condition, ok in held.items():
        print(f"  {condition:48s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")
    return all(held.values())


if __name__ == "__main__":
    main()
