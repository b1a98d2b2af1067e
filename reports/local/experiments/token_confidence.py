"""Offline check: does a greedy reply's token probability separate right from wrong answers?

Usage: ``python token_confidence.py ADAPTER PREDICTIONS.jsonl [SPLIT ...]`` (default split:
``handwritten_dev``, the tuning set). One teacher-forced pass per fine-tuned greedy reply in
the evaluation's ``predictions.jsonl``; prints the AUROC of each line's mean and minimum token
log-probability against ``correct`` and writes the per-question figures beside the input
(``<PREDICTIONS>.tokconf.json``). Session 5 used it on run O (experiments.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch

from quantreason.generation import encode_prompts, load_model
from quantreason.models import resolve_model


def auroc(scored: list[tuple[float, bool]]) -> float:
    """Probability that a right answer scores above a wrong one (ties count half)."""
    right = [s for s, ok in scored if ok]
    wrong = [s for s, ok in scored if not ok]
    pairs = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return pairs / (len(right) * len(wrong))


def line_stats(tokenizer, reply: str, logprobs: torch.Tensor, ids: list[int]) -> dict:
    """Mean and minimum token log-probability of the reply's first two lines and all of it."""
    line_of = [tokenizer.decode(ids[: i + 1]).count("\n") for i in range(len(ids))]
    stats = {"all_mean": float(logprobs.mean()), "all_min": float(logprobs.min())}
    for name, line in (("reasoning", 0), ("formula", 1)):
        values = [float(logprobs[i]) for i in range(len(ids)) if line_of[i] == line]
        stats[f"{name}_mean"] = sum(values) / len(values) if values else 0.0
        stats[f"{name}_min"] = min(values) if values else 0.0
    return stats


def main(adapter: str, predictions: str, splits: set[str]) -> None:
    rows = [json.loads(line) for line in Path(predictions).read_text().splitlines()]
    rows = [r for r in rows if r["model"] == "finetuned" and r["split"] in splits]
    loaded = load_model(resolve_model("embedded"), adapter)
    tokenizer = loaded.tokenizer
    out = []
    for row in rows:
        prompt_ids = tokenizer(encode_prompts(tokenizer, [row["question"]])[0])["input_ids"]
        reply_ids = tokenizer(row["reply"], add_special_tokens=False)["input_ids"]
        with torch.inference_mode():
            logits = loaded.model(torch.tensor([prompt_ids + reply_ids])).logits[0]
        logprobs = torch.log_softmax(logits[len(prompt_ids) - 1 : -1].float(), -1)
        chosen = logprobs.gather(1, torch.tensor(reply_ids)[:, None])[:, 0]
        stats = line_stats(tokenizer, row["reply"], chosen, reply_ids)
        out.append({"id": row["id"], "correct": row["correct"], **stats})
    print(f"n {len(out)}, right {sum(o['correct'] for o in out)}")
    for key in [k for k in out[0] if k not in ("id", "correct")]:
        print(f"{key:15s} AUROC {auroc([(o[key], o['correct']) for o in out]):.3f}")
    Path(predictions + ".tokconf.json").write_text(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], set(sys.argv[3:]) or {"handwritten_dev"})
