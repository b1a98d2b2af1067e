"""Run BX: run BW's code and data with twice the training records for the families run BW
still answers wrong at least half the time. Written in session 43, while run BW trained and
before any figure of it.

Why: session 43's fourteenth paired experiment gave the six weakest families no form had
touched 240 training records each instead of 120 (+42/-11 paired, every family up on
`validation`). Since 533ec5f a train weight adds records to its family and takes none from
the others (run AB's weights had taken them, and lost as much elsewhere as they gained).

Which families: every family right on under half of its questions in run BW's `validation`
plus every fixed tuning set (run BQ's ALL_FIXED), with at least 6 such questions (a family
with fewer decides on noise). `weighted_families()` computes them from run BW's committed
predictions; `python decide.py --profile CLONE` writes them as `data.train_family_weights`
(weight 2) into CLONE's `config/pipeline/full.yaml` before run BX starts (runBX/chain.sh).

Run BX is main at the commit experiments.md names when it starts (run BW's code at dcebc60
plus 533ec5f's sizing, unless later sessions change more: say so there). Its data are run
BW's (seed 7) plus the weighted families' extra records (each record has its own random
stream, so the first 120 of every family and every evaluation split are the same text):
every comparison is paired by question.

A. Do the weights pay at full scale? Baseline run BW; runBS/decide.py's rule A with the
   weighted families as targets: A1 (them, `validation` + every fixed set) at least +8 net;
   A2 and A3 (the other families on the fixed sets and on `validation`) at least
   -1.5 x sqrt(flips). If A fails, the profile keeps equal weights.
B. Does run BX replace the committed report? Only if A holds and run BQ's ten conditions
   (runBQ/decide.py) hold with run BX in run BQ's place against run BL.
The report set `handwritten` and the test splits are printed and decide nothing.

    .venv/bin/python reports/local/experiments/runBX/decide.py            # the rule
    .venv/bin/python reports/local/experiments/runBX/decide.py --profile /work/exp/bx
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import load_rule

BASELINE, CHANGE = "runBW", "runBX"
LEAST = 8
WEIGHT = 2
UNDER = 0.5
MIN_QUESTIONS = 6


def weighted_families(bq) -> tuple[str, ...]:
    """Families run BW answers right on under half of `validation` + the fixed sets."""
    sets = {*bq.ALL_FIXED, "validation"}
    right, asked, seen = Counter(), Counter(), set()
    for row in bq.bg.rows(BASELINE):
        if row["split"] in sets:
            seen.add(row["split"])
            asked[row["family"]] += 1
            right[row["family"]] += bool(row["correct"])
    missing = sorted(sets - seen)
    if missing:  # its extra sets land one by one after its pipeline
        raise SystemExit(f"run BW has no predictions on {', '.join(missing)} yet: wait for it")
    return tuple(sorted(f for f, n in asked.items() if n >= MIN_QUESTIONS and right[f] / n < UNDER))


def write_profile(clone: Path, families: tuple[str, ...]) -> None:
    if not families:  # no weights: run BX would repeat run BW
        raise SystemExit("no family is under the bar: nothing for run BX to weigh")
    path = clone / "config" / "pipeline" / "full.yaml"
    text = path.read_text()
    if "train_family_weights" in text:
        raise SystemExit(f"{path} already sets weights")
    weights = yaml.safe_dump({f: WEIGHT for f in families}, default_flow_style=True).strip()
    line = re.search(r"^  train_per_family: 120\b.*$", text, flags=re.MULTILINE)
    if line is None:
        raise SystemExit(f"{path}: no 'train_per_family: 120' line")
    added = f"\n  train_family_weights: {weights}  # run BX (runBX/decide.py)"
    path.write_text(text[: line.end()] + added + text[line.end() :])


if __name__ == "__main__":
    bq = load_rule("runBQ", "run_bq_rule")
    families = weighted_families(bq)
    print(f"weighted ({len(families)}):", ", ".join(families))
    if sys.argv[1:2] == ["--profile"]:
        if len(sys.argv) != 3:
            raise SystemExit("usage: decide.py [--profile CLONE]")
        write_profile(Path(sys.argv[2]), families)
        print("wrote", Path(sys.argv[2]) / "config/pipeline/full.yaml")
        sys.exit(0)
    kept = load_rule("runBS", "run_bs_rule").labels_rule(
        bq, CHANGE, families, least=LEAST, baseline=BASELINE
    )
    print()
    print("B. run BX against run BL under run BQ's conditions (lines saying 'run BQ' mean it):")
    bq.CHANGE = CHANGE
    adopted = kept and bq.main()
    print("run BX:", "ADOPTED as the committed report" if adopted else "not adopted as the report")
