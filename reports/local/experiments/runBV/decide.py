"""Run BV: run BU's pipeline (159 families x 120 training records, seeds 7/7, the `full`
profile) with session 40's forms (experiments.md, session 40) and session 41's three kept ones,
after run BU's rule has been acted on (any form it reverts is reverted in run BV too). Written
before any figure of run BU or run BV existed; session 41 added its eleventh experiment's two
families to the targets before run BV started.

Session 40's forms, each judged in a paired experiment (label_arguments/ninth_*, tenth_*):
- a term names its unit: periods(n, "years", k) / periods(N, "payments") in the eight
  TermCount families and savings_goal_with_balance (+45/-14 paired), and, unjudged, the loan
  terms of loan_balance, dscr and points_breakeven_months;
- debt_to_income: per_month(amount, "month"|"year") (+7/-0);
- historical_expected_shortfall: expected_shortfall(k, ...) (+5/-3);
- return_stdev: the returns in the question's order (+4/-1);
session 41's (label_arguments/eleventh_*):
- target_margin_price: sale_price(cost, rate, "margin"|"markup") (+7/-0);
- prob_at_least_one: chance("at least one"|"none", p, n) (+6/-1);
- dscr: per_year(debt service, "month"|"year") (+6/-4).

Run BV is main at the commit named in experiments.md (session 41), in its own clone
(/work/exp/bv). Its data are run BU's except the formulas of the changed families: every
question of every split is the same text, so every comparison is paired by question.

A. Do the forms pay at full scale? Baseline run BU; runBS/decide.py's rule A with the
   seventeen families below as targets: A1 (them on `validation` and every fixed tuning set)
   at least +17 net; A2 and A3 (the other families on the fixed sets and on `validation`) at least
   -1.5 x sqrt(flips). A form whose families lose on their own in A1's lines is reverted in a
   later session (the three unjudged loan-term families on their own too).
B. Does run BV replace the committed report? If run BU's rule adopted run BU, the committed
   report is run BU's and A is the whole test (run BV against the report's own run). Else
   the committed report is run BL's and run BQ's ten conditions must hold as well, with run BV
   in run BQ's place against run BL (as runBU/decide.py).
The report set `handwritten` and the test splits are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBV/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
CHANGED = (
    # a term names its unit (the eight TermCount families, then the other loan terms)
    "annuity_due_fv",
    "annuity_fv_periodic",
    "loan_balance_payments",
    "loan_instalment",
    "loan_payment",
    "loan_total_interest",
    "pot_withdrawal",
    "savings_goal",
    "savings_goal_with_balance",
    "loan_balance",
    "dscr",
    "points_breakeven_months",
    # one family each
    "debt_to_income",
    "historical_expected_shortfall",
    "return_stdev",
    # session 41 (dscr above)
    "target_margin_price",
    "prob_at_least_one",
)


def _load(run: str, name: str):
    spec = importlib.util.spec_from_file_location(name, HERE.parents[1] / run / "decide.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_bu_adopted() -> bool:
    """Whether run BU's rule made run BU the committed report (its own printed verdict)."""
    verdict = (HERE.parents[1] / "runBU" / "decide_output.txt").read_text(encoding="utf-8")
    return "run BU: ADOPTED as the committed report" in verdict


if __name__ == "__main__":
    bq = _load("runBQ", "run_bq_rule")
    rule_a = _load("runBS", "run_bs_rule").labels_rule
    kept = rule_a(bq, "runBV", CHANGED, least=17, baseline="runBU")
    adopted = kept
    if not run_bu_adopted():  # rule B: run BQ's conditions against run BL, the report's run
        print()
        print("B. run BV against run BL under run BQ's conditions (lines saying 'run BQ' mean it):")
        bq.CHANGE = "runBV"
        adopted = kept and bq.main()
    print("run BV:", "ADOPTED as the committed report" if adopted else "not adopted as the report")
