"""Run BY: run BR's generator (main after the revert, b2313d5) with twice the training records
for the fourteenth experiment's six families and for the families run BR answers right on under
half of its questions. Written in session 46, before run BY started and before any figure of it.

Why: session 43's fourteenth paired experiment gave six weak families 240 training records
each instead of 120 (+42/-11 paired, every one of them up on `validation`). Run BX was to test
weights at full scale on run BW's code; run BW's forms were reverted (session 45), so run BY
asks the same question on the reverted main, whose `full` data at seed 7 are byte-identical to
run BR's. Since 533ec5f a train weight adds records to its family and takes none from the
others, and each record has its own random stream, so every evaluation split and the first 120
records of every family are run BR's text: every comparison below is paired by question.

Which families: the fourteenth's six (FOURTEENTH) plus every family run BR answers right on
under half of its `validation` + every fixed tuning set (run BQ's ALL_FIXED), with at least 6
such questions there (a family with fewer decides on noise). `weighted_families()` computes
them from run BR's committed predictions; `python decide.py --profile CLONE` writes them as
`data.train_family_weights` (weight 2) into CLONE's `config/pipeline/full.yaml` (runBY/chain.sh).

A. Do the weights pay at full scale? Baseline run BR; runBS/decide.py's rule A with the
   weighted families as targets: A1 (them, `validation` + every fixed set) at least +8 net;
   A2 and A3 (the other families on the fixed sets and on `validation`) at least
   -1.5 x sqrt(flips). If A fails, the profile keeps equal weights.
B. Does run BY replace the committed report? Only if A holds and run BQ's ten conditions
   (runBQ/decide.py) hold with run BY in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

    .venv/bin/python reports/local/experiments/runBY/decide.py            # the rule
    .venv/bin/python reports/local/experiments/runBY/decide.py --profile /work/exp/by
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import load_rule

BASELINE, CHANGE = "runBR", "runBY"
LEAST = 8
FOURTEENTH = (
    "capital_gains_tax",
    "cash_on_cash",
    "portfolio_return_holdings",
    "money_weighted_return",
    "margin_return",
    "short_sale_net_pnl",
)

bx = load_rule("runBX", "run_bx_rule")  # its selection and profile writer, with our baseline
bx.BASELINE = BASELINE


def weighted_families(bq) -> tuple[str, ...]:
    """The fourteenth's six plus the families run BR answers right on under half the time."""
    return tuple(sorted({*FOURTEENTH, *bx.weighted_families(bq)}))


if __name__ == "__main__":
    bq = load_rule("runBQ", "run_bq_rule")
    families = weighted_families(bq)
    print(f"weighted ({len(families)}):", ", ".join(families))
    if sys.argv[1:2] == ["--profile"]:
        if len(sys.argv) != 3:
            raise SystemExit("usage: decide.py [--profile CLONE]")
        bx.write_profile(Path(sys.argv[2]), families)
        print("wrote", Path(sys.argv[2]) / "config/pipeline/full.yaml")
        sys.exit(0)
    kept = load_rule("runBS", "run_bs_rule").labels_rule(
        bq, CHANGE, families, least=LEAST, baseline=BASELINE
    )
    print()
    print("B. run BY against run BL under run BQ's conditions (lines saying 'run BQ' mean it):")
    bq.CHANGE = CHANGE
    adopted = kept and bq.main()
    print("run BY:", "ADOPTED as the committed report" if adopted else "not adopted as the report")
