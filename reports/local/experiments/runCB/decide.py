"""Run CB: run BW's label forms for eight of the 41 families run BQ added, on main's `full`
profile (run CA's code and weights). Written in session 50 before run CB's training started.

Why: run CA's rule failed only run BQ's condition 10 (its `validation` of the 41 families run BL
lacks: 120 of 164, bar 123). Read before this rule (decides nothing): per family on the
questions runs BR, BW, BY and CA all answered (`validation` + fixed sets), run BW, whose 41
families carried label forms, was right far more often on exactly the families run CA misses
most, and the misses are the choice the forms name (run CA's `validation` misses: "none"
answered as "at least one" 4 of 4; the upper tail for "below"; inflating a sum asked "in
today's money"; a withdrawal added as a deposit; a rise in working capital added):

    family                    n   BR  BW  BY  CA   form (run BW's, recovered from b2313d5^)
    modified_dietz            8    1   4   0   1   modified_dietz(B,E,"withdrawal",F,w,...)
    foreign_stock_return      9    2   5   2   2   foreign_return("USD","JPY per USD",...)
    free_cash_flow_firm       8    2   5   4   2   fcff(E,t/100,DA,CX,"increase"|"decrease",W)
    target_margin_price       8    4   7   4   3   sale_price(C,m/100,"margin"|"markup")
    inflation_adjusted_value  8    3   6   3   3   inflation_adjust("today"|"future",...)
    normal_probability        8    5   8   3   3   normal_tail("above"|"below",x,mean,sd)*100
    prob_at_least_one         8    4   6   3   3   chance("none"|"at least one",p/100,n)*100
    futures_pnl               8    3   6   3   4   futures_pnl("long"|"short",n,M,P0,P1)

Run BW's other forms are not brought back: the 33 families together cost the others 24
questions (run BW's rule A2), and the forms of savings_goal_with_balance and dscr need run BW's
term-count writers (`periods()`), which touch six more families. The eight writers are
self-contained (`forms.patch` beside this file: the writers, and their family tests from before
the revert, which fail on main). Selection caveat: the families were picked on the same
`validation` + fixed questions A1 reads, from run BW's replies; run CB is a new training run on
those questions, so A1's bar is set above what noise gives the 66 questions (+8 net).

Baseline: run CA (main at 5e7d1b7: same 21,720-record recipe, same evaluation splits, trained
and answered in bf16 on this AVX512-BF16 machine, so fewer unexplained flips than run CA had).

F. The forms are kept (merged into main) if all three hold, run BS's rule A with these eight
   families as its targets:
   A1. the eight families, `validation` + every fixed set: at least +8 net;
   A2. the other families, every fixed set: at least -1.5 x sqrt(flips);
   A3. the other families, `validation`: at least -1.5 x sqrt(flips).
B. Run CB replaces the committed report only if F holds and run BQ's ten conditions
   (runBQ/decide.py) hold with run CB in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

    .venv/bin/python reports/local/experiments/runCB/decide.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import labels_then_report

BASELINE, CHANGE = "runCA", "runCB"
FORMS = (
    "modified_dietz",
    "foreign_stock_return",
    "free_cash_flow_firm",
    "target_margin_price",
    "inflation_adjusted_value",
    "normal_probability",
    "prob_at_least_one",
    "futures_pnl",
)
LEAST = 8

if __name__ == "__main__":
    labels_then_report(CHANGE, BASELINE, FORMS, LEAST)
