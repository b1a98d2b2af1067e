"""Vote across mechanical rewrites of the question as well as sampled replies (handwritten_dev).

Session 6, on run S's adapter. Usage: PYTHONPATH=. python
reports/local/experiments/rewrite_vote.py ADAPTER VOTE_K_JSON (vote_k.py's output).
"""

import json
import re
import sys
from pathlib import Path

import torch

from quantreason.consensus import decide
from quantreason.evaluation.questions import question_sets
from quantreason.generation import load_model
from quantreason.models import resolve_model
from quantreason.reply import is_correct
from quantreason.serving.batching import generate_continuous

adapter, votek = sys.argv[1], sys.argv[2]
rows = question_sets(None, files=["benchmarks/handwritten_dev.jsonl"])["handwritten_dev"]
prev = json.loads(Path(votek).read_text())["handwritten_dev"]


def ungroup(q):
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", q)


def ask_first(q):
    parts = re.split(r"(?<=[.!?])\s+", q.strip())
    if len(parts) < 2:
        return q
    asks = [p for p in parts if p.endswith("?")]
    if not asks:
        return q
    rest = [p for p in parts if p not in asks]
    return " ".join(asks + rest)


loaded = load_model(resolve_model("embedded"), adapter, merge=True, dtype=torch.float32)
qs = [r["question"] for r in rows]
variants = {"ungroup": [ungroup(q) for q in qs], "ask_first": [ask_first(q) for q in qs]}
replies = {
    n: generate_continuous(loaded, v, max_new_tokens=128, max_sequences=64, stop_at_answer=True)
    for n, v in variants.items()
}


def score(d, r):
    return d.value is not None and is_correct(
        d.value, r["answer"], r["unit"], r.get("tolerance"), sign_free=r["sign_free"]
    )


def table(name, build):
    out = []
    for i, r in enumerate(rows):
        d = decide(r["question"], build(i))
        out.append((d.confidence, score(d, r)))
    n = len(out)
    acc = sum(o for _, o in out) / n
    ths = sorted({c for c, _ in out}, reverse=True)
    t = []
    for th in ths:
        a = [o for c, o in out if c >= th - 1e-9]
        t.append(f"≥{th:.2f}: {len(a) / n:.3f}/{sum(a) / len(a):.3f}")
    print(f"{name}: acc {acc:.3f}; " + "; ".join(t[:5]), flush=True)


g = prev["greedy"]
s = prev["samples"]
for n in variants:
    table(f"greedy of {n} only", lambda i, n=n: [replies[n][i]])
table("greedy + 3 samples", lambda i: [g[i], *s[i][:3]])
table(
    "greedy + ungroup + ask_first", lambda i: [g[i], replies["ungroup"][i], replies["ask_first"][i]]
)
table(
    "greedy + 2 rewrites + 3 samples",
    lambda i: [g[i], replies["ungroup"][i], replies["ask_first"][i], *s[i][:3]],
)
table(
    "greedy + 2 rewrites + 5 samples",
    lambda i: [g[i], replies["ungroup"][i], replies["ask_first"][i], *s[i][:5]],
)
changed = {n: sum(a != b for a, b in zip(qs, v, strict=False)) for n, v in variants.items()}
print("questions changed:", changed)
