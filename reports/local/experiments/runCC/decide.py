"""Run CC: run BW's term-count forms for the twelve plan families, on main's `full` profile
(run CB's code and weights). Written in session 51 after run CC's training started and before
any of its figures existed.

Why: a plan's number of payments is the choice run BW's forms name instead of leaving it to a
product: ``pmt(6.9/100/12, periods(60,"payments"), 28500)`` where the question counts the
payments, ``periods(5,"years",12)`` where it gives years (``quantreason.formula.periods``), and
``dscr``'s debt service names its period (``per_year(36000,"month")``). Run BR still multiplied
a count of months by 12 in 7 of its tuning-set misses over six families (session 40). Read
before this rule (decides nothing): on the 2,133 `validation` + fixed-set questions runs BR, BW,
CA and CB all answered, the twelve families' questions (158) were right 111 / 120 / 111 / 112
times (BR / BW / CA / CB); run BW's gain is mostly `savings_goal_with_balance` (4 / 7 / 3 / 4
of 9), `dscr` (4 / 7 / 4 / 4 of 8) and `loan_instalment` (21 / 24 / 22 / 21 of 24).

The writers (`chain.sh` beside this file ran the pipeline in /work/exp/cc at 323a5e1 = main at
ec20ae9 + the writers from b2313d5^: `term_counts.term_formula`/`years_term`, and the formula
builders of the families below). Checked before training: run CC's `full` data at seed 7 differ
from run CB's only in these twelve families' `formula` field (1,198 of 21,720 training records;
37 `validation`, 29 / 28 / 29 in the test splits), nothing else in any split. Selection caveat:
`savings_goal_with_balance` and `dscr` were singled out (session 50) from run BW's replies on
the questions A1 reads; the other ten are every family the term-count writers touch.

Baseline: run CB (main at ec20ae9: the same recipe, trained and answered in bf16 on this
AVX512-BF16 machine).

F. The forms are kept (merged into main) if all three hold, run BS's rule A with these twelve
   families as its targets:
   A1. the twelve families, `validation` + every fixed set: at least +6 net (about 1.5 x the
       noise of ~16 flips that ~160 questions give between two runs of one recipe: run CB's A2
       saw 143 flips over 1,464 questions);
   A2. the other families, every fixed set: at least -1.5 x sqrt(flips);
   A3. the other families, `validation`: at least -1.5 x sqrt(flips).
B. Run CC replaces the committed report only if F holds and run BQ's ten conditions
   (runBQ/decide.py) hold with run CC in run BQ's place against run BL.
The report set `handwritten` and the test splits decide nothing (they are answered after the
rule: `chain.sh` stops the pipeline at its eval stage, answers the tuning sets — handwritten_dev
in `predictions_dev.jsonl` — decides, then resumes the pipeline).

    .venv/bin/python reports/local/experiments/runCC/decide.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import labels_then_report

BASELINE, CHANGE = "runCB", "runCC"
FORMS = (
    "loan_payment",
    "loan_instalment",
    "loan_total_interest",
    "loan_balance",
    "loan_balance_payments",
    "savings_goal",
    "savings_goal_with_balance",
    "annuity_fv_periodic",
    "annuity_due_fv",
    "pot_withdrawal",
    "dscr",
    "points_breakeven_months",
)
LEAST = 6

if __name__ == "__main__":
    labels_then_report(CHANGE, BASELINE, FORMS, LEAST)
