import json
import math
import sys
from collections import Counter
from pathlib import Path

R = json.loads(Path(sys.argv[1]).read_text())
for name, recs in R.items():
    n = len(recs)
    base = sum(r["greedy"]["correct"] for r in recs)
    print(f"== {name} n={n} greedy {base} ({base / n:.3f})")
    # model task accuracy / clf top1
    gt = sum(r["greedy"]["task"] == r["family"] for r in recs)
    ct = sum(max(r["cands"].items(), key=lambda x: x[1]["clf"])[0] == r["family"] for r in recs)
    print(f"  greedy task right {gt}, clf top1 right {ct}")
    for tau in [0.3, 0.5, 0.7, 0.9]:
        # force clf top1 when p>=tau and differs from greedy task
        right = 0
        switched = Counter()
        for r in recs:
            top, c = max(r["cands"].items(), key=lambda x: x[1]["clf"])
            use = r["greedy"]
            if c["clf"] >= tau and top != r["greedy"]["task"]:
                use = c
                switched[(r["greedy"]["correct"], c["correct"])] += 1
            right += use["correct"]
        print(f"  force top1 if p>={tau}: {right} ({right / n:.3f}) switches {dict(switched)}")
    for lam in [0.0, 0.25, 0.5, 1.0, 2.0]:
        right = 0
        for r in recs:
            best = max(
                r["cands"].items(),
                key=lambda x: math.log(max(x[1]["clf"], 1e-4)) + lam * x[1]["lp"],
            )
            right += best[1]["correct"]
        print(f"  argmax log clf + {lam}*lp: {right} ({right / n:.3f})")
