"""Run BW: run BR's pipeline (159 families x 120 training records, seeds 7/7, the `full`
profile) with every form kept in sessions 37-41 (no form of session 42 was kept). Written in
session 42, before run BW started and without any figure of it.

Why a new rule: run BU (sessions 37-39's twenty-four forms) and run BV (every form of sessions
37-41) each lost their work when session 42 began on a new machine: run BU's adapter before its
extra sets ran, so its rule (runBU/decide.py) cannot be applied, and run BV after ~60 steps. Run
BV's rule compares against run BU's extra sets, which no longer exist. Run BW replaces both: one
full run of all the forms, against run BR, whose extra sets are committed. Run BU's committed
predictions (report splits and the hand-written sets, experiments.md session 42) are not used
here.

Run BW is main at the commit experiments.md names when it starts, in its own clone. Its data are
run BR's except the formulas of the changed families: every question of every split is the
same text, so every comparison is paired by question.

A. Do the forms pay at full scale? Baseline run BR; runBS/decide.py's rule A with every family
   sessions 37-41 changed as targets: A1 (them on `validation` and every fixed tuning set) at
   least +42 net (run BU's +25 for its forms and run BV's +17 for session 40-41's); A2 and A3
   (the other families on the fixed sets and on `validation`) at least -1.5 x sqrt(flips). A
   form whose families lose on their own in A1's lines is reverted in a later session.
B. Does run BW replace the committed report (run BL's)? Only if A holds and run BQ's ten
   conditions (runBQ/decide.py) hold with run BW in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

Run from the repository root (after runBS/chain.sh with RUN=BW has committed its predictions):
    .venv/bin/python reports/local/experiments/runBW/decide.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import load_rule

LEAST = 42


def changed_families() -> tuple[str, ...]:
    """Every family sessions 37-41 gave a form, each once, in the rules' own order."""
    families = (
        *load_rule("runBT", "run_bt_rule").CHANGED,
        *load_rule("runBU", "run_bu_rule").CHANGED_39,
        *load_rule("runBV", "run_bv_rule").CHANGED,
    )
    return tuple(dict.fromkeys(families))


if __name__ == "__main__":
    bq = load_rule("runBQ", "run_bq_rule")
    kept = load_rule("runBS", "run_bs_rule").labels_rule(
        bq, "runBW", changed_families(), least=LEAST, baseline="runBR"
    )
    print()
    print("B. run BW against run BL under run BQ's conditions (lines saying 'run BQ' mean it):")
    bq.CHANGE = "runBW"
    adopted = kept and bq.main()
    print("run BW:", "ADOPTED as the committed report" if adopted else "not adopted as the report")
