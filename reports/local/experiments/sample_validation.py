"""7 padded samples (temperature 0.7, seed 0) per `validation` question with run S's adapter.

Usage (session 7): PYTHONPATH=. python reports/local/experiments/sample_validation.py \
    runs/full/train/adapter runs/full/data runS_validation_samples.json
The greedy replies are `runS_replies.json`'s; `form_check.py` reads both.
"""

import json
import sys
import time
from pathlib import Path

import torch

from quantreason.evaluation.questions import question_sets
from quantreason.generation import load_model, sample
from quantreason.models import resolve_model

adapter, data_dir, out = sys.argv[1], sys.argv[2], sys.argv[3]
rows = question_sets(data_dir, splits=["validation"], files=[])["validation"]
loaded = load_model(resolve_model("embedded"), adapter, merge=True, dtype=torch.float32)
questions = [r["question"] for r in rows]
start = time.time()
samples = sample(loaded, questions, 7, max_new_tokens=128, temperature=0.7, seed=0, batch_size=64)
print("validation samples", len(questions), f"{time.time() - start:.0f}s", flush=True)
Path(out).write_text(json.dumps({"ids": [r["id"] for r in rows], "samples": samples}))
