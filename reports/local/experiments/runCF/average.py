"""Run CF (session 55): one adapter whose weight change is the exact mean of the last K
training checkpoints' (checkpoint averaging, as stochastic weight averaging does in weight space).

A LoRA checkpoint i changes a weight by (alpha / r) B_i A_i. The mean over K checkpoints,
(alpha / r) (1/K) sum_i B_i A_i, is itself a LoRA: B = [B_1 ... B_K] / K, A = [A_1; ...; A_K],
of rank K r; PEFT scales by alpha / r, so alpha becomes K alpha. Exact, not an average of A and
B separately (which is not the mean of the products). Evaluation merges the adapter into the
base, so the larger rank costs nothing at answer time.

    python average.py --train runs/full/train --last 8 --out /work/exp/keepCF/avg8

The last 8 of a 1,477-step run are steps 1,325, 1,350, ..., 1,475 and 1,477 (the end is saved
too), so the last two are two steps apart. Checks: the keys and shapes of every checkpoint
match the exported adapter's, and the final checkpoint alone reproduces the exported adapter
exactly.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from torch.distributed.checkpoint.format_utils import dcp_to_torch_save

from quantreason.training.checkpoint import complete_checkpoints

WEIGHTS = "adapter_model.safetensors"
CONFIG = "adapter_config.json"


def checkpoint_lora(step_dir: Path) -> dict[str, torch.Tensor]:
    """A DCP checkpoint's LoRA weights in PEFT file naming (``...lora_A.weight``)."""
    with tempfile.TemporaryDirectory() as tmp:
        flat = Path(tmp) / "state.pt"
        dcp_to_torch_save(str(step_dir), str(flat))
        state = torch.load(flat, weights_only=False)
    out = {}
    for name, tensor in state["model"].items():
        name = name.removeprefix("peft_model.").replace(".default.", ".")
        out[name] = tensor.float()
    return out


def average(checkpoints: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """The exact mean of the checkpoints' products B A, as one LoRA of rank K r."""
    k = len(checkpoints)
    out = {}
    for name in checkpoints[0]:
        if ".lora_A." in name:
            out[name] = torch.cat([c[name] for c in checkpoints], dim=0)
        elif ".lora_B." in name:
            out[name] = torch.cat([c[name] for c in checkpoints], dim=1) / k
        else:
            raise ValueError(f"{name}: not a LoRA A or B weight")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, required=True, help="the training run's out dir")
    parser.add_argument("--last", type=int, required=True, help="checkpoints to average (K)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    adapter = args.train / "adapter"
    steps = complete_checkpoints(args.train / "checkpoints")
    if len(steps) < args.last:
        sys.exit(f"{len(steps)} checkpoints under {args.train}, {args.last} asked for")
    chosen = steps[-args.last :]
    exported = {k: v.float() for k, v in load_file(adapter / WEIGHTS).items()}
    loaded = []
    for step in chosen:
        lora = checkpoint_lora(step)
        if {k: tuple(v.shape) for k, v in lora.items()} != {
            k: tuple(v.shape) for k, v in exported.items()
        }:
            sys.exit(f"{step}: its LoRA keys or shapes differ from {adapter}")
        loaded.append(lora)
    final = checkpoint_lora(steps[-1]) if chosen[-1] != steps[-1] else loaded[-1]
    worst = max((final[k] - exported[k]).abs().max().item() for k in exported)
    if worst != 0.0:
        sys.exit(f"the last checkpoint differs from the exported adapter (max {worst})")
    tensors = average(loaded)
    config = json.loads((adapter / CONFIG).read_text())
    k = len(loaded)
    config["r"] = config["r"] * k
    config["lora_alpha"] = config["lora_alpha"] * k
    args.out.mkdir(parents=True, exist_ok=True)
    for extra in adapter.iterdir():  # README, tokenizer files: copied as they are
        if extra.name not in (WEIGHTS, CONFIG) and extra.is_file():
            shutil.copy2(extra, args.out / extra.name)
    (args.out / CONFIG).write_text(json.dumps(config, indent=2) + "\n")
    save_file(
        {n: t.contiguous() for n, t in tensors.items()},
        str(args.out / WEIGHTS),
        metadata={"format": "pt"},
    )
    print(f"averaged {[p.name for p in chosen]} -> {args.out} (rank {config['r']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
