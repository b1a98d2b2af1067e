"""Run BT: run BR's pipeline (159 families x 120 training records, seeds 7/7, the `full`
profile) with every label form on main: session 37's seven families and session 38's eight
(experiments.md, session 38). Written before any figure of run BT existed.

Run BS (session 37's seven forms alone) was stopped at step 225 of 1,192 before any figure
existed: session 38 added eight more forms, each judged in the small paired setting, and one
full run of all of them tells more than two runs that each take two sessions here.

Run BT is main at the commit named in experiments.md (session 38), in its own clone
(/work/exp/bt). Its data are run BR's except the formulas of the changed families: every
question of every split is the same text, so every comparison is paired by question.

A. Do the label forms pay at full scale? Baseline run BR; runBS/decide.py's rule A with the
   fifteen changed families as targets: A1 (the changed families on `validation` and every
   fixed tuning set) at least +15 net (run BR: 58 of 149 right there); A2 and A3 (the other
   families on the fixed sets and on `validation`) at least -1.5 x sqrt(flips). A form whose
   families lose on their own in A1's lines is reverted in a later session.
B. Does run BT replace the committed report (run BL's)? Only if A holds and run BQ's ten
   conditions (runBQ/decide.py) hold with run BT in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBT/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
CHANGED = (
    # session 37
    "fx_cross",
    "foreign_stock_return",
    "option_delta",
    "straddle_breakeven",
    "option_breakeven",
    "normal_probability",
    "inflation_adjusted_value",
    # session 38
    "duration_price_change",
    "convexity_price_change",
    "futures_pnl",
    "fra_settlement",
    "modified_dietz",
    "time_weighted_return",
    "fx_forward_points",
    "fx_forward",
)


if __name__ == "__main__":
    spec = importlib.util.spec_from_file_location(
        "run_bs_rule", HERE.parents[1] / "runBS/decide.py"
    )
    assert spec and spec.loader
    run_bs_rule = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_bs_rule)
    run_bs_rule.decide("runBT", CHANGED, least=15)
