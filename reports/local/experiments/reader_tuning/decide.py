"""Session 53: the hidden-state reader's settings. Written and committed before any figure of
``tune.py`` existed.

Candidates (``tune.py``'s CONFIGS): A HIDDEN_WEIGHT 0.75, B 1.0 (C0's reader), C layer 15,
D layer 25 (weight 0.5), each against C0 (the committed reader, layer 20, weight 0.5). Why these:
session 34 chose weight 0.5 and layer 20 on tuning sets the n-grams already read at ~98 %, so
those sets could not show what the reader adds on unseen wording; `validation_oblique` can.

The candidate with the most right answers on `validation_oblique` (ties: the earlier letter)
replaces C0 when all hold:
1. `validation_oblique`: its answers changed against C0, wrong -> right minus right -> wrong
   >= +5, and a one-sided sign test p < 0.0125 (0.05 over the four candidates: Bonferroni);
2. every other tuning group (handwritten_dev, probes, validation_ood, validation): none loses
   more than 2 answers net against C0, and together no more than 3;
3. the method is sound: the n-gram pass reproduces >= 98 % of run CC's stored answers, and R20
   (layer 20 refitted from this script's states) reproduces >= 98 % of C0's answers.
Otherwise C0 stays. The report splits decide nothing.

    .venv/bin/python reports/local/experiments/reader_tuning/decide.py TUNE.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # experiments/: rules.py
from rules import load_rule

_session35 = load_rule("hidden_reader", "hidden_reader_decide")
net, sign_test = _session35.net, _session35.sign_test

OBLIQUE = "validation_oblique"
CANDIDATES = ("A", "B", "C", "D")
ALPHA = 0.05 / len(CANDIDATES)


def judge(
    results: dict,
    candidates: tuple[str, ...],
    alpha: float,
    soundness: tuple[str, bool],
    alpha_format: str = "",
) -> None:
    """Print each configuration's figures, the best candidate's conditions 1 and 2 against C0
    (``alpha``: the sign test's bar) with ``soundness`` as condition 3, and the verdict."""
    best = max(candidates, key=lambda c: (results[c][OBLIQUE]["right"], -candidates.index(c)))
    for c in ("C0", *candidates):
        print(
            f"{c}: "
            + ", ".join(
                f"{g} {v['right']}/{v['n']} (task {v['task_right']}, rewritten {v['rewritten']})"
                for g, v in results[c].items()
            )
        )
    changed = results["changed_vs_C0"][best]
    _, _, groups = net({"changed": changed})
    up = changed.get(f"{OBLIQUE}: wrong -> right", 0)
    down = changed.get(f"{OBLIQUE}: right -> wrong", 0)
    p = sign_test(up, down)
    others = {g: v for g, v in groups.items() if g != OBLIQUE}
    conditions = {
        f"1. {best} on {OBLIQUE}: net {up - down:+d} (>= 5), +{up}/-{down}, "
        f"p = {p:.4f} (< {alpha:{alpha_format}})": (up - down >= 5 and p < alpha),
        f"2. other groups no worse than -2 each, -3 together: {others}": (
            all(v >= -2 for v in others.values()) and sum(others.values()) >= -3
        ),
        f"3. {soundness[0]}": soundness[1],
    }
    for text, ok in conditions.items():
        print("PASS" if ok else "FAIL", text)
    print(f"ADOPT {best}" if all(conditions.values()) else "KEEP C0")


def main() -> None:
    results = json.loads(Path(sys.argv[1]).read_text())
    soundness = (
        f"n-gram reproduces {100 * results['ngram_reproduces_stored']:.1f} %, R20 reproduces C0 "
        f"{100 * results['R20_reproduces_C0']:.1f} % (both >= 98)",
        results["ngram_reproduces_stored"] >= 0.98 and results["R20_reproduces_C0"] >= 0.98,
    )
    judge(results, CANDIDATES, ALPHA, soundness)


if __name__ == "__main__":
    main()
