"""Run BR: every family of main (159) at 120 training records each, answer budget 224 tokens
(experiments.md, session 34). Written before any figure of run BR existed.

Run BQ (159 x 80) fell on the generated splits against run BL (107 x 120). Split by family
(session 34, from the committed predictions), most of that fall was the 52 families run BL never
had (test 110 / 156, test_ood_range 103 / 156, test_ood_template 45 / 156), while run BL's own
107 families held on `test` (278 vs 281 of 321) and `test_ood_range` (279 vs 273) and fell on
`test_ood_template` (177 vs 209). Part of the new families' loss was not the model's: the
answer budget of 128 tokens cut every option_delta reply (targets of 130-176 tokens) and some
term_life_premium, historical_expected_shortfall, par_swap_rate and modified_dietz ones before
the formula ended; the budget is 224 since this session (tests/core/test_answer_budget.py).

Run BR: main at the commit it starts from, the committed `full` profile (120 per family, 19,080
records, ~2 h 35 min of training here; it resumes from its checkpoints if a session ends
first). Seeds 7/7, extras as run BQ's.

Baseline: run BL. Conditions: run BQ's ten (runBQ/decide.py), unchanged, with run BR in run
BQ's place. The report set `handwritten` and the test splits are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBR/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()


def _load_bq_rule():
    spec = importlib.util.spec_from_file_location(
        "run_bq_rule", HERE.parents[1] / "runBQ/decide.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    rule = _load_bq_rule()
    rule.CHANGE = "runBR"
    print("run BR under run BQ's conditions (the lines below say 'run BQ' for run BR):")
    rule.main()
