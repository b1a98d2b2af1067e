"""Vote with k = 3, 5, 7 samples (prefixes of one draw of 7); risk-coverage per k.

Usage (session 6, run S): PYTHONPATH=. python reports/local/experiments/vote_k.py \
    runs/full/train/adapter runs/full/data votek.json
`validation` gets greedy replies only; `handwritten_dev` greedy + 7 samples.
"""

import json
import sys
import time
from pathlib import Path

import torch

from quantreason.consensus import decide
from quantreason.evaluation.questions import question_sets
from quantreason.generation import load_model
from quantreason.models import resolve_model
from quantreason.reply import is_correct
from quantreason.serving.batching import generate_continuous, sample_continuous

adapter, data_dir, out = sys.argv[1], sys.argv[2], sys.argv[3]
sets = question_sets(data_dir, splits=["validation"], files=["benchmarks/handwritten_dev.jsonl"])
loaded = load_model(resolve_model("embedded"), adapter, merge=True, dtype=torch.float32)
result = {}
for name, rows in sets.items():
    qs = [r["question"] for r in rows]
    t = time.time()
    greedy = generate_continuous(
        loaded, qs, max_new_tokens=128, max_sequences=64, stop_at_answer=True
    )
    samples = (
        [[] for _ in qs]
        if name == "validation"
        else sample_continuous(
            loaded, qs, 7, max_new_tokens=128, temperature=0.7, top_p=0.95, seed=0, max_sequences=64
        )
    )
    print(name, len(qs), f"{time.time() - t:.0f}s", flush=True)
    per_k = {}
    for k in (0,) if name == "validation" else (0, 3, 5, 7):
        outcomes = []
        for r, g, s in zip(rows, greedy, samples, strict=True):
            d = decide(r["question"], [g, *s[:k]])
            ok = d.value is not None and is_correct(
                d.value, r["answer"], r["unit"], r.get("tolerance"), sign_free=r["sign_free"]
            )
            outcomes.append((d.confidence, ok))
        n = len(outcomes)
        acc = sum(o for _, o in outcomes) / n
        table = []
        for th in sorted({c for c, _ in outcomes}, reverse=True):
            ans = [o for c, o in outcomes if c >= th - 1e-9]
            table.append((round(th, 3), round(len(ans) / n, 3), round(sum(ans) / len(ans), 3)))
        per_k[k] = {"accuracy": acc, "table": table, "outcomes": outcomes}
        print(
            f"  k={k}: acc {acc:.3f}; "
            + "; ".join(f"≥{th}: {cov:.2f}/{a:.2f}" for th, cov, a in table[:5]),
            flush=True,
        )
    result[name] = {"per_k": per_k, "greedy": greedy, "samples": samples}
Path(out).write_text(json.dumps(result))
