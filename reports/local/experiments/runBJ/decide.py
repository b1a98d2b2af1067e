"""Run BJ: sixteen more task families (experiments.md, session 27). Written before any figure of
run BJ existed.

Run BJ is main with the families of `portfolio_ops`, `equity_actions`, `short_term` and
`solved_rates` (102 families, 120 training records each: 12,240, about run BI's 12,040, so the
pipeline's time stays where it is), data seed 7, training seed 7, the whole `full` pipeline.
It pairs with run BI (same seeds; each older family's test and validation records are run BI's,
its training records the first 120 of run BI's 140) by question text. Adopt only if every
condition holds:
1. probe8 (48 questions written blind this session, every one over a new task): at least +12;
2. the seven read probes' 17 questions of the new tasks (READ_OWN below): at least +5;
3. every other question of the seven probes: at least -8;
4. handwritten_dev: at least -4;
5. validation + validation_ood + validation_ood2, same questions: at least -8;
6. run BJ's own validation questions of the new families: at least 60 % right.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBJ/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("run_bi_rule", HERE.parents[1] / "runBI/decide.py")
assert _spec and _spec.loader
bi = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bi)

PROBES = (*bi.PROBES, "handwritten_probe7")
NEW_FAMILIES = {
    "rebalance_trade",
    "drifted_weight",
    "futures_hedge_contracts",
    "currency_return",
    "split_adjusted_price",
    "rights_issue_terp",
    "weighted_eps",
    "payback_period",
    "trade_credit_cost",
    "accrued_interest",
    "tbill_yield",
    "time_weighted_return",
    "bond_ytm",
    "loan_apr",
    "money_weighted_return",
    "shares_affordable",
}
# Questions of the seven probes (read before this rule) that ask one of the new tasks, listed
# before run BJ's figures existed; the families' writers never saw them.
READ_OWN = {
    ("handwritten_probe2", "q06"),  # a German share's return in dollars
    ("handwritten_probe2", "q28"),  # a 60/40 portfolio's stock weight after a year
    ("handwritten_probe2", "q51"),  # whole shares after a flat commission
    ("handwritten_probe2", "q52"),  # a dealer loan's APR from its payment
    ("handwritten_probe2", "q60"),  # a T-bill's simple annualised return
    ("handwritten_probe3", "r28"),  # a simple payback period
    ("handwritten_probe3", "r47"),  # accrued interest, 30/360 between two dates
    ("handwritten_probe3", "r57"),  # the cost of skipping a 2/10 net 45 discount
    ("handwritten_probe3", "r59"),  # index futures to hedge a portfolio
    ("handwritten_probe4", "s22"),  # a time-weighted return
    ("handwritten_probe4", "s35"),  # a rights issue's theoretical ex-rights price
    ("handwritten_probe4", "s39"),  # an annual-coupon bond's yield to maturity
    ("handwritten_probe4", "s52"),  # basic EPS with shares issued during the year
    ("handwritten_probe5", "u08"),  # a payback period with level savings from year 3
    ("handwritten_probe5", "u33"),  # a money-weighted return
    ("handwritten_probe5", "u43"),  # the price after a 1-for-8 reverse split
    ("handwritten_probe5", "u59"),  # the stock to sell to get back to 60/40
}


def main() -> None:
    bi.rule(
        "runBI",
        "runBJ",
        blind_set="handwritten_probe8",
        probes=PROBES,
        read_own=READ_OWN,
        new_families=NEW_FAMILIES,
        blind_min=12,
        read_min=5,
    )


if __name__ == "__main__":
    main()
