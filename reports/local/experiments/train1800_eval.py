"""Score the train1800 experiment's adapter as `quantreason eval` does (fine-tuned model only).

Kept as the record of how the train1800 row of experiments.md was scored, at commit 2bc825f
(whose config/pipeline/full-train1800.yaml is now the default `full` profile, so the profile
no longer exists). Run then from the repository root after
`quantreason pipeline --profile full-train1800` had trained:
    .venv/bin/python reports/local/experiments/train1800_eval.py
Same question sets, generation (greedy, merged adapter, fp32, stop after the Answer line) and
scorer as `quantreason eval`; writes runs/exp-eval/finetuned_train1800.json.
"""

import json
import time
from pathlib import Path

import torch

from quantreason.evaluation.questions import question_sets
from quantreason.evaluation.scoring import score_reply
from quantreason.generation import generate, load_model
from quantreason.models import EMBEDDED, resolve_model

SPLITS = ["test", "test_ood_range", "test_ood_template"]
sets = question_sets("runs/full-train1800/data", SPLITS, ["benchmarks/handwritten.jsonl"])
model = load_model(
    resolve_model(EMBEDDED),
    "runs/full-train1800/train/adapter",
    merge=True,
    dtype=torch.float32,
)
results = {}
for name, rows in sets.items():
    started = time.time()
    replies = generate(
        model,
        [row["question"] for row in rows],
        max_new_tokens=128,
        batch_size=64,
        stop_at_answer=True,
    )
    correct = sum(
        score_reply(
            reply, row["answer"], row["unit"], row.get("tolerance"), family=row["family"]
        ).correct
        for reply, row in zip(replies, rows, strict=True)
    )
    results[name] = {
        "n": len(rows),
        "correct": correct,
        "accuracy": correct / len(rows),
        "seconds": round(time.time() - started, 1),
    }
    print(name, results[name], flush=True)
out = Path("runs/exp-eval/finetuned_train1800.json")
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps(results, indent=2) + "\n")
