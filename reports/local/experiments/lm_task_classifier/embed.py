"""Session 34: mean-pooled hidden states of SmolLM2 (layers 10, 20, 30) for PER_FAMILY training
questions per family (run BR's data, runs/full/data), the tuning sets (handwritten_dev, probes
1-16, validation_ood 1-3) and run BR's test_ood_template (report set: printed, chose nothing).
Arguments: [ADAPTER_DIR (the fine-tuned model; default the base)] [PER_FAMILY (16)] [OUT.npz].
Run from the repository root; ~35 min here beside a training run. Then fit_and_score.py."""

import collections
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from quantreason.models import resolve_model

torch.set_num_threads(1)
path = resolve_model("embedded", prepare=False)
tok = AutoTokenizer.from_pretrained(path)
tok.padding_side = "right"
if tok.pad_token is None:
    tok.pad_token = tok.eos_token
model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.bfloat16).eval()
if len(sys.argv) > 1:  # an adapter directory: the fine-tuned model's hidden states instead
    from peft import PeftModel

    model = PeftModel.from_pretrained(model, sys.argv[1]).eval()
LAYERS = (10, 20, 30)
PER_FAMILY = int(sys.argv[2]) if len(sys.argv) > 2 else 16


def embed(questions, bs=32):
    out = {layer: [] for layer in LAYERS}
    for i in range(0, len(questions), bs):
        enc = tok(
            questions[i : i + bs],
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=256,
        )
        with torch.no_grad():
            hs = model(**enc, output_hidden_states=True).hidden_states
        m = enc["attention_mask"].unsqueeze(-1).float()
        for layer in LAYERS:
            out[layer].append(((hs[layer].float() * m).sum(1) / m.sum(1)).numpy())
        if i % 640 == 0:
            print(i, len(questions), flush=True)
    return {f"l{layer}": np.concatenate(v) for layer, v in out.items()}


items = []  # (set, family, question)
train = [json.loads(line) for line in Path("runs/full/data/train.jsonl").read_text().splitlines()]
by = collections.defaultdict(list)
for r in train:
    by[r["family"]].append(r)
rng = random.Random(0)
for f, rs in by.items():
    for r in rng.sample(rs, min(PER_FAMILY, len(rs))):
        items.append(("train", f, r["question"]))
sets = {
    "handwritten_dev": "benchmarks/handwritten_dev.jsonl",
    **{  # left out of the fine-tuned model's run (compare_fine_tuned.py reads no probe)
        f"probe{n}": f"benchmarks/handwritten_probe{n}.jsonl"
        for n in ["", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    },
}
for v in ("validation_ood", "validation_ood2", "validation_ood3"):
    sets[v] = f"reports/local/experiments/{v}/{v}.jsonl"
for r in (
    json.loads(line)
    for line in Path("runs/full/data/test_ood_template.jsonl").read_text().splitlines()
):
    items.append(("REPORT_test_ood_template", r["family"], r["question"]))
for name, p in sets.items():
    for line in Path(p).read_text().splitlines():
        x = json.loads(line)
        items.append((name, x.get("family"), x["question"]))
print(len(items), flush=True)
feats = embed([q for _, _, q in items])
np.savez(
    sys.argv[3] if len(sys.argv) > 3 else "runs/lm_task_classifier_embeds.npz",
    sets=np.array([s for s, _, _ in items]),
    fams=np.array([str(f) for _, f, _ in items]),
    questions=np.array([q for _, _, q in items]),
    **feats,
)
print("done")
