"""Session 36's rule for the hidden-state reader, written and committed before compute.py ran.

The reader's first rule (../hidden_reader/decide.py) judged it on tuning sets the n-grams
already read almost perfectly (run BR: 632/636 validation), so it could not show what the
reader is for: wording no training template has. This rule judges it on a proxy for that
which touches no report set: whole written templates of run BR's train split held out
(compute.py). Turn ``eval.task_check_hidden_states`` on in the full profile iff:

1. the combined reading (n-gram x reader^0.5, as served) puts the right task first for at
   least 3 percentage points more of the tested questions than the n-gram classifier alone,
   and a one-sided sign test over the questions where exactly one is right gives p < 0.01;
2. the families where the combined reading is right for fewer questions than the n-grams
   are at most a third as many as those where it is right for more;
3. (known before this rule: session 35's recheck on the tuning sets, net +4 on run BR's
   replies and +3 on run BQ's, no group below -2) the reader loses nothing on the tuning sets.
   It holds; restated so the verdict lists everything it rests on.

Nothing else is tuned here: the layer, weight (0.5), C and sample size stay the served ones.
Reads scores.json, prints the figures and the verdict."""

import json
from collections import Counter
from math import comb
from pathlib import Path

rows = json.loads((Path(__file__).parent / "scores.json").read_text())
n = len(rows)
right = Counter()
gain = loss = 0
per_family: dict[str, int] = Counter()
for r in rows:
    for name in ("ngram", "combined", "reader"):
        right[name] += r[name] == r["family"]
    a, b = r["ngram"] == r["family"], r["combined"] == r["family"]
    gain += b and not a
    loss += a and not b
    per_family[r["family"]] += int(b) - int(a)


def sign_p(wins: int, losses: int) -> float:
    """One-sided sign test: P(X >= wins), X ~ Binomial(wins + losses, 1/2)."""
    total = wins + losses
    return sum(comb(total, k) for k in range(wins, total + 1)) / 2**total if total else 1.0


for name in ("ngram", "reader", "combined"):
    print(f"{name:9s} right task first: {right[name]} / {n} = {100 * right[name] / n:.1f} %")
for fold in sorted({r["fold"] for r in rows}):
    sub = [r for r in rows if r["fold"] == fold]
    ng = sum(r["ngram"] == r["family"] for r in sub)
    co = sum(r["combined"] == r["family"] for r in sub)
    print(f"fold {fold}: n={len(sub)} n-gram {ng} combined {co}")
better = sum(v > 0 for v in per_family.values())
worse = sum(v < 0 for v in per_family.values())
points = 100 * (right["combined"] - right["ngram"]) / n
p = sign_p(gain, loss)
print(f"combined vs n-gram: +{gain} / -{loss}, {points:+.1f} points, sign test p = {p:.2g}")
print(f"families: {better} better, {worse} worse")
conditions = {
    "1: >= +3 points and p < 0.01": points >= 3 and p < 0.01,
    "2: families worse <= a third of families better": worse * 3 <= better,
    "3: tuning-set recheck (session 35) loses nothing": True,
}
for name, held in conditions.items():
    print(f"{'holds' if held else 'FAILS'}  {name}")
print("VERDICT:", "turn the reader on in full" if all(conditions.values()) else "keep it off")
