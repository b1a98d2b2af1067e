"""Run BU: run BR's pipeline (159 families x 120 training records, seeds 7/7, the `full`
profile) with every form on main: session 37's seven label forms, session 38's eight and
session 39's CHANGED_39 (experiments.md, session 39). Written before any figure of run BU
existed.

Run BT (sessions 37 and 38's fifteen forms) died at step 300 of 1,192 when the machine ran out
of memory (its training, a paired experiment's and a test run together) before any figure
existed; run BU replaces it: one full run of all the forms tells more than two runs that each
take two sessions here (the reason run BS gave way to run BT in session 38).

Run BU is main at the commit named in experiments.md (session 39), in its own clone
(/work/exp/bu). Its data are run BR's except the formulas of the changed families: every
question of every split is the same text, so every comparison is paired by question.

A. Do the forms pay at full scale? Baseline run BR; runBS/decide.py's rule A with the changed
   families as targets: A1 (the changed families on `validation` and every fixed tuning set)
   at least +25 net (run BR: 145 of 296 right there); A2 and A3 (the other families on the
   fixed sets and on `validation`) at least -1.5 x sqrt(flips). A form whose families lose on
   their own in A1's lines is reverted in a later session. (Session 39 fixed runBS's A1, which
   compared against 10 whatever `least` said: run BT's +15 was never applied.)
B. Does run BU replace the committed report (run BL's)? Only if A holds and run BQ's ten
   conditions (runBQ/decide.py) hold with run BU in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBU/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
CHANGED_39 = (
    "npv",
    "irr",
    "payback_period",
    "portfolio_vol",
    "gordon_growth",
    "gordon_just_paid",
    "growing_perpetuity",
    "free_cash_flow_firm",
    "fx_conversion",
)


def _load(run: str, name: str):
    spec = importlib.util.spec_from_file_location(name, HERE.parents[1] / run / "decide.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    changed = _load("runBT", "run_bt_rule").CHANGED + CHANGED_39
    _load("runBS", "run_bs_rule").decide("runBU", changed, least=25)
