"""Helpers of ``scripts/gpu_check.sh``: the one-GPU check of the cloud training and serving path.

    python scripts/gpu_check.py random-base CONFIG_DIR OUT [--set key=value ...]
    python scripts/gpu_check.py resume-agrees FULL_RUN_LOG RESUMED_RUN_LOG --from-step N
    python scripts/gpu_check.py serve BASE ADAPTER QUESTIONS OUT_JSON [--limit N] [--samples K]
    python scripts/gpu_check.py report WORK_DIR OUT_JSON

``random-base`` builds a checkpoint with the architecture of CONFIG_DIR's ``config.json`` (keys
overridden by ``--set``) and random bf16 weights, next to CONFIG_DIR's tokenizer: the real base
weights are too large to carry to a lent GPU machine, and the check is of the path (nccl, bf16,
FSDP2, DCP checkpoints, export, GPU decoding), not of accuracy. A random model writes until the
token limit, so ``serve`` times full-length replies.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja")


def random_base(config_dir: Path, out: Path, overrides: list[str]) -> dict[str, Any]:
    import torch
    import yaml
    from transformers import AutoConfig, AutoModelForCausalLM

    config = AutoConfig.from_pretrained(config_dir)
    for item in overrides:
        key, _, value = item.partition("=")
        setattr(config, key, yaml.safe_load(value))
    torch.manual_seed(0)
    tic = time.perf_counter()
    with torch.device("cuda" if torch.cuda.is_available() else "cpu"):
        model = AutoModelForCausalLM.from_config(config, dtype=torch.bfloat16)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    for name in TOKENIZER_FILES:
        if (config_dir / name).is_file():
            shutil.copy(config_dir / name, out / name)
    params = sum(p.numel() for p in model.parameters())
    return {"base": str(out), "parameters": params, "build_s": time.perf_counter() - tic}


def losses(log: Path) -> dict[int, float]:
    return {r["step"]: r["loss"] for r in map(json.loads, log.read_text().splitlines())}


def resume_agrees(full: Path, resumed: Path, from_step: int) -> dict[str, Any]:
    """The resumed run's losses after the checkpoint, against the uninterrupted run's."""
    a, b = losses(full), losses(resumed)
    steps = sorted(s for s in a if s > from_step)
    missing = [s for s in steps if s not in b]
    worst = max((abs(a[s] - b[s]) / max(abs(a[s]), 1e-9) for s in steps if s in b), default=None)
    return {
        "steps_compared": len(steps) - len(missing),
        "missing_steps": missing,
        "worst_relative_loss_difference": worst,
        "full_last_loss": a[steps[-1]] if steps else None,
        "resumed_last_loss": b.get(steps[-1]) if steps else None,
    }


def serve(
    base: str, adapter: Path, questions: Path, limit: int | None, samples: int
) -> dict[str, Any]:
    """The endpoint's predictor on this GPU: bf16, continuous batching, greedy (+ the vote)."""
    import torch

    from quantreason.consensus import SelfConsistency
    from quantreason.serving.predictor import load_predictor
    from quantreason.serving.protocol import InferenceRequest
    from quantreason.serving.settings import ServingSettings

    lines = questions.read_text().splitlines()[:limit]
    texts = tuple(json.loads(line)["question"] for line in lines)
    settings = ServingSettings(
        base_model=base,
        precision="auto",  # bf16 on a GPU
        warmup=True,
        self_consistency=SelfConsistency(samples=samples, retry_samples=0),
    )
    predictor = load_predictor(adapter, settings)
    param = next(predictor.loaded.model.parameters())
    tic = time.perf_counter()
    answered = predictor.predict(InferenceRequest(texts, False, 64))
    elapsed = time.perf_counter() - tic
    predictor.close()
    assert isinstance(answered, list) and len(answered) == len(texts)
    return {
        "device": str(param.device),
        "dtype": str(param.dtype),
        "adapter": answered[0].get("adapter"),
        "questions": len(texts),
        "samples": samples,
        "seconds": elapsed,
        "output_tokens": sum(r.get("output_tokens", 0) for r in answered),
        "peak_gpu_mib": (
            torch.cuda.max_memory_allocated() / 2**20 if torch.cuda.is_available() else None
        ),
    }


def report(work: Path) -> dict[str, Any]:
    """Every run's summary.json and step results under WORK_DIR, in one object."""
    found: dict[str, Any] = {}
    for path in sorted(work.rglob("*.json")):
        if path.name == "summary.json" or path.parent == work:
            try:
                found[str(path.relative_to(work))] = json.loads(path.read_text())
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("random-base")
    p.add_argument("config_dir", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--set", dest="overrides", action="append", default=[])
    p = sub.add_parser("resume-agrees")
    p.add_argument("full", type=Path)
    p.add_argument("resumed", type=Path)
    p.add_argument("--from-step", type=int, required=True)
    p = sub.add_parser("serve")
    p.add_argument("base")
    p.add_argument("adapter", type=Path)
    p.add_argument("questions", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--limit", type=int, default=None, help="only the first N questions")
    p.add_argument("--samples", type=int, default=0, help="sampled replies besides greedy")
    p = sub.add_parser("report")
    p.add_argument("work", type=Path)
    p.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "random-base":
        result = random_base(args.config_dir, args.out, args.overrides)
    elif args.command == "resume-agrees":
        result = resume_agrees(args.full, args.resumed, args.from_step)
    elif args.command == "serve":
        result = serve(args.base, args.adapter, args.questions, args.limit, args.samples)
        args.out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    else:
        result = report(args.work)
        args.out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
