"""Inference-only: the prompt without thousands separators ("50,000" -> "50000"), greedy.

Session 6, on run S's adapter: for each set, the questions the rewrite changes, right before and
after, paired. Usage: PYTHONPATH=. python reports/local/experiments/ungroup_prompt.py ADAPTER
DATA_DIR VOTE_K_JSON (vote_k.py's output, whose greedy replies are reused).
"""

import json
import re
import sys
from pathlib import Path

import torch

from quantreason.evaluation.questions import question_sets
from quantreason.generation import load_model
from quantreason.models import resolve_model
from quantreason.reply import interpret_response, is_correct
from quantreason.serving.batching import generate_continuous

adapter, data_dir, votek = sys.argv[1:4]
prev = json.loads(Path(votek).read_text())
sets = question_sets(
    data_dir,
    splits=["validation"],
    files=["benchmarks/handwritten_dev.jsonl", "benchmarks/handwritten.jsonl"],
)
loaded = load_model(resolve_model("embedded"), adapter, merge=True, dtype=torch.float32)


def ungroup(q):
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", q)


def ok(reply, r):
    v = interpret_response(reply).answer
    return v is not None and is_correct(
        v, r["answer"], r["unit"], r.get("tolerance"), sign_free=r["sign_free"]
    )


for name in ["validation", "handwritten_dev", "handwritten"]:
    rows = sets[name]
    idx = [i for i, r in enumerate(rows) if ungroup(r["question"]) != r["question"]]
    new = generate_continuous(
        loaded,
        [ungroup(rows[i]["question"]) for i in idx],
        max_new_tokens=128,
        max_sequences=64,
        stop_at_answer=True,
    )
    if name in prev:
        old = [prev[name]["greedy"][i] for i in idx]
    else:
        old = generate_continuous(
            loaded,
            [rows[i]["question"] for i in idx],
            max_new_tokens=128,
            max_sequences=64,
            stop_at_answer=True,
        )
    a = [ok(o, rows[i]) for o, i in zip(old, idx, strict=False)]
    b = [ok(o, rows[i]) for o, i in zip(new, idx, strict=False)]
    print(
        name,
        "n",
        len(rows),
        "changed",
        len(idx),
        "right before",
        sum(a),
        "after",
        sum(b),
        "gained",
        sum(y and not x for x, y in zip(a, b, strict=False)),
        "lost",
        sum(x and not y for x, y in zip(a, b, strict=False)),
        flush=True,
    )
