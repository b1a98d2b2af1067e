"""Session 52: is the hidden-state reader on in `full`? Written and committed before any figure
on `validation_oblique` existed (before its questions were answered by any model).

Why again: sessions 35 and 36 kept the reader off because the tuning sets they had are read
almost perfectly by the n-gram classifier (run BR: the right task for 632 of 636 `validation`,
545 of 554 `validation_ood` 1-3), so they could not show a lever whose value is on wording no
training piece has (session 34: on a report split's held-out templates the reader put the
right task first for 58 -> 77 % of questions; that split decides nothing). `validation_oblique`
is a tuning set written for exactly that shift, by hand, from the families' tasks and their
training wording to avoid, never from the held-out pieces (README.md beside this file).

Inputs: ``hidden_reader/recheck.py``'s ``recheck.json`` for run CC's adapter (the model of the
next report), with ``RECHECK_QUESTIONS=validation_oblique.jsonl`` and the prediction files of
run CC's tuning sets plus its greedy replies to `validation_oblique` (answered with the n-gram
task check, as served). Each question's first greedy reply is fixed, so every changed answer is
a paired difference caused by the reader alone.

The reader is turned on in `full` (``eval.task_check_hidden_states``) when all hold:
1. `validation_oblique`: answers changed wrong -> right minus right -> wrong >= +5, and a
   one-sided sign test on its changed answers gives p < 0.05;
2. every other tuning group (handwritten_dev, probes, validation_ood, validation): none loses
   more than 2 answers net, and together they lose no more than 3 net;
3. the n-gram recheck reproduces >= 98 % of run CC's stored answers (the method is sound).
Otherwise it stays an option, off. The report splits decide nothing.

    .venv/bin/python reports/local/experiments/validation_oblique/decide.py RECHECK.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import load_rule

# session 35's rule (hidden_reader/decide.py): the same counting and sign test
_session35 = load_rule("hidden_reader", "hidden_reader_decide")
net, sign_test = _session35.net, _session35.sign_test

OBLIQUE = "validation_oblique"


def main() -> None:
    results = json.loads(Path(sys.argv[1]).read_text())
    wins, losses, groups = net(results)
    oblique_changed = {k: v for k, v in results["changed"].items() if k.startswith(f"{OBLIQUE}: ")}
    up = oblique_changed.get(f"{OBLIQUE}: wrong -> right", 0)
    down = oblique_changed.get(f"{OBLIQUE}: right -> wrong", 0)
    p = sign_test(up, down)
    others = {g: v for g, v in groups.items() if g != OBLIQUE}
    conditions = {
        f"1. {OBLIQUE} net {up - down:+d} (>= 5), +{up}/-{down}, sign test p = {p:.4f} (< 0.05)": (
            up - down >= 5 and p < 0.05
        ),
        f"2. other groups no worse than -2 each, -3 together: {others}": (
            all(v >= -2 for v in others.values()) and sum(others.values()) >= -3
        ),
        f"3. n-gram recheck reproduces {100 * results['ngram_reproduces_stored']:.1f} % (>= 98)": (
            results["ngram_reproduces_stored"] >= 0.98
        ),
    }
    for text, ok in conditions.items():
        print("PASS" if ok else "FAIL", text)
    for reader in ("ngram", "hidden"):
        cells = ", ".join(
            f"{g} {v['right']}/{v['n']} (task {v['task_right']}, rewritten {v['rewritten']})"
            for g, v in results[reader].items()
        )
        print(f"{reader}: {cells}")
    print(f"all changed: +{wins}/-{losses}")
    print("ADOPT: reader on in full" if all(conditions.values()) else "KEEP OFF")


if __name__ == "__main__":
    main()
