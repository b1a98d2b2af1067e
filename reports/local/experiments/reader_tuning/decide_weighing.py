"""Session 53's second rule: the task check's weighing with the reader on. Written and committed
after the first rule's output (decide_output.txt: KEEP C0) and before any figure of these
candidates existed.

What it looked at first (on `validation_oblique`, the tuning set): with C0's reader the right
task is the classifier's first for 120 of 159 questions, second for 19, third for 8, lower for
12; yet the check ends on the right task for only 110. So the weighing (the model's
log-probability of each candidate's reasoning line + the log of the classifier's probability)
overrides right readings, and may leave right second/third readings unused. Candidates
(``tune.py``'s CONFIGS, C0's reader at weight 0.5): E the model's log-probabilities weighed
0.5, F weighed 0.75, G five candidate tasks instead of three.

The candidate with the most right answers on `validation_oblique` (ties: the earlier letter)
replaces C0 when all hold:
1. `validation_oblique`: its answers changed against C0, wrong -> right minus right -> wrong
   >= +5, and a one-sided sign test p < 0.05 / 3 (Bonferroni over the three);
2. every other tuning group: none loses more than 2 answers net against C0, together <= 3;
3. the n-gram pass reproduces >= 98 % of run CC's stored answers, and C0's figures equal the
   first rule's (tune.json: the caches replay the same replies).
Otherwise C0 stays. The report splits decide nothing.

    .venv/bin/python reports/local/experiments/reader_tuning/decide_weighing.py TUNE.json \
        TUNE_WEIGHING.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import load_rule

OBLIQUE = "validation_oblique"
CANDIDATES = ("E", "F", "G")
ALPHA = 0.05 / len(CANDIDATES)
first_rule = load_rule("reader_tuning", "reader_tuning_decide")  # its conditions 1 and 2


def main() -> None:
    first = json.loads(Path(sys.argv[1]).read_text())
    results = json.loads(Path(sys.argv[2]).read_text())
    soundness = (
        f"n-gram reproduces {100 * results['ngram_reproduces_stored']:.1f} % (>= 98), "
        "C0 as in the first rule's tune.json",
        results["ngram_reproduces_stored"] >= 0.98 and results["C0"] == first["C0"],
    )
    first_rule.judge(results, CANDIDATES, ALPHA, soundness, alpha_format=".4f")


if __name__ == "__main__":
    main()
