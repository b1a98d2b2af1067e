import collections
import itertools
import json
import re as _re
from pathlib import Path

import quantreason.consensus as C
import quantreason.tasks.shapes as S
from quantreason.consensus import read_candidate
from quantreason.reply import is_correct

_extra = (
    (_re.compile(r"month", _re.I), (12.0,)),
    (_re.compile(r"week", _re.I), (52.0,)),
    (_re.compile(r"daily|\bdays?\b|trading", _re.I), (252.0,)),
    (_re.compile(r"annual|year|\bp\.?a\b", _re.I), (1.0,)),
)


def shown_numbers(q):
    out = C.shown_numbers(q)
    for p, v in _extra:
        if p.search(q):
            out |= set(v)
    return out


orig = S.reply_shapes.__wrapped__


def refined(formula, constants, shown=None):
    formula = formula.strip()
    tree = S._parse(formula)
    if tree is None:
        return frozenset()
    numbers = S._numbers(tree)
    like_constant = [n for n in numbers if S._text(n, formula) in constants]
    ambiguous = [n for n in like_constant if shown is None or float(n.value) in shown][
        : S.MAX_AMBIGUOUS
    ]
    fixed = {
        id(n): (not any(n is c for c in like_constant))
        and (shown is None or float(n.value) in shown)
        for n in numbers
    }
    shapes = set()
    for reading in itertools.product((True, False), repeat=len(ambiguous)):
        is_data = dict(fixed)
        is_data.update({id(n): d for n, d in zip(ambiguous, reading, strict=False)})
        shapes.add(S._Shaper(formula, is_data).shape(tree.body))
    return frozenset(shapes)


def fits(fn, task, formula, q):
    taught = S.taught_shapes().get(task)
    return not fn(formula, S.task_constants()[task], frozenset(shown_numbers(q))).isdisjoint(taught)


rows = [
    json.loads(line) for line in Path("runs/full/data/train.jsonl").read_text().splitlines()
] + [json.loads(line) for line in Path("runs/full/data/validation.jsonl").read_text().splitlines()]
bad = collections.Counter()
ex = {}
for r in rows:
    a = fits(orig, r["family"], r["formula"], r["question"])
    b = fits(refined, r["family"], r["formula"], r["question"])
    bad[(a, b)] += 1
    if a and not b:
        ex.setdefault(r["family"], (r["formula"], r["question"][:120]))

print(
    collections.Counter(
        r["family"]
        for r in rows
        if fits(orig, r["family"], r["formula"], r["question"])
        and not fits(refined, r["family"], r["formula"], r["question"])
    ).most_common(12)
)
print("train+val right formulas (orig fits, refined fits):", dict(bad))
for k, v in list(ex.items())[:12]:
    print(" ", k, v)
V = json.loads(Path("reports/local/experiments/runT_task_check_votes.json").read_text())


def grounded_replies(recs):
    """(record, candidate, right) for every grounded reply that names a task."""
    for rec in recs:
        for rep in [rec["checked"], *rec["samples"], *rec["forced"]]:
            cand = read_candidate(rep, rec["question"])
            if not cand.grounded or cand.task is None:
                continue
            ok = cand.value is not None and is_correct(
                cand.value, rec["answer"], rec["unit"], rec["tolerance"], sign_free=rec["sign_free"]
            )
            yield rec, cand, ok


for split, recs in V.items():
    c = collections.Counter()
    for rec, cand, ok in grounded_replies(recs):
        before = fits(orig, cand.task, cand.formula, rec["question"])
        after = fits(refined, cand.task, cand.formula, rec["question"])
        c[(ok, before, after)] += 1
    print(split, "(right, orig fits, refined fits):", sorted(c.items()))
seen = set()
for rec, cand, ok in grounded_replies(V["handwritten_dev"]):
    before = fits(orig, cand.task, cand.formula, rec["question"])
    after = fits(refined, cand.task, cand.formula, rec["question"])
    if before and not after and (rec["id"], cand.formula) not in seen:
        seen.add((rec["id"], cand.formula))
        print("CAUGHT" if not ok else "LOST", rec["id"], cand.formula, "|", rec["question"][:100])
