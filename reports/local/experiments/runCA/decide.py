"""Run CA: the label forms of `fx_cross`, `option_delta` and `fra_settlement` on main's `full`
profile (run BY's train weights). Written in session 49 at 09:35, minutes after run CA's
training started and before any figure of it.

Why: session 48 planned run BZ (these forms + the presentations, branch `candidates`); the
session ended with run BZ at step 150 and its machine, clone and branch were gone in session 49
(the branch never landed on main). The forms are recovered here from git history: the three
formula writers as they stood before the revert b2313d5 (`forms.patch` beside this file, the
commit run CA trains). In run BW these three families gained on their own questions (+11/-0,
+5/-2, +4/-0 against run BR); run BW's rule failed on the other families, which these forms
do not touch. Checked before training: run CA's `full` data at seed 7 differ from main's only in
the three families' `formula` field (and fx_cross's reasoning line), in every split.

Baseline: run BY (main's profile: the same 21,720 training questions, the same evaluation
splits). Not the same arithmetic: run BY trained and answered in fp32 on an AVX2 machine, run
CA trains and answers in bf16 (`precision: auto`) on this AVX512-BF16 machine, so flips that
neither change explains are in both directions; the bars below grow with the flips.

F. The forms are kept (merged into main) if all three hold, run BS's rule A with these three
   families as its targets:
   A1. the three families, `validation` + every fixed set: at least +5 net;
   A2. the other families, every fixed set: at least -1.5 x sqrt(flips);
   A3. the other families, `validation`: at least -1.5 x sqrt(flips).
B. Run CA replaces the committed report only if F holds and run BQ's ten conditions
   (runBQ/decide.py) hold with run CA in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

    .venv/bin/python reports/local/experiments/runCA/decide.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import labels_then_report

BASELINE, CHANGE = "runBY", "runCA"
FORMS = ("fx_cross", "option_delta", "fra_settlement")
LEAST = 5

if __name__ == "__main__":
    labels_then_report(CHANGE, BASELINE, FORMS, LEAST)
