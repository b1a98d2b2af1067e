"""``quantreason bench-train``: trained tokens/s and peak memory per setting, matmul peak, MFU.

Each setting is a real (short) training run through the same launcher as ``quantreason train``,
so the figures include everything a run pays: collectives, optimizer, logging. The first step is
excluded (warm-up). MFU counts LoRA training as 4 x parameters FLOPs per token (forward 2x, input
gradients 2x; frozen weights need no weight gradients), against the measured matmul peak.
"""

from __future__ import annotations

import json
import os
import platform
import random
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from quantreason.paths import REPO_ROOT
from quantreason.reply import DEFAULT_RELATIVE_TOLERANCE

_BF16 = ["model.dtype=bfloat16", "train.precision=bf16"]
# (name, processes, overrides of the `local` profile): each differs from a neighbour in one thing.
SETTINGS: list[tuple[str, int, list[str]]] = [
    ("1proc-fp32", 1, ["model.dtype=float32", "train.precision=fp32"]),
    ("1proc-bf16", 1, _BF16),
    ("1proc-bf16-no-shared-prefix", 1, [*_BF16, "train.shared_prefix=false"]),
    (
        "1proc-bf16-full-logits",
        1,
        [*_BF16, "train.shared_prefix=false", "train.response_only_logits=false"],
    ),
    ("2proc-fsdp-fp32", 2, ["model.dtype=float32", "train.precision=fp32"]),
    ("2proc-fsdp-bf16", 2, _BF16),
    (
        "2proc-fsdp-bf16-sharded-base",
        2,
        [*_BF16, "distributed.shard_frozen_base=true", "train.shared_prefix=false"],
    ),
]
GLOBAL_BATCH = 16


def matmul_peak_gflops(
    dtype_name: str, n: int = 1024, repeats: int = 6, device: str = "cpu"
) -> float:
    """Best-of-``repeats`` GFLOP/s of an n x n matmul on all cores, or on the GPU that trains
    (MFU is against the peak of the device the runs use)."""
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    dtype = {"fp32": torch.float32, "bf16": torch.bfloat16}[dtype_name]
    a, b = (torch.randn(n, n, device=device).to(dtype) for _ in range(2))

    def sync() -> None:
        if a.is_cuda:
            torch.cuda.synchronize()

    torch.mm(a, b)
    sync()
    best = float("inf")
    for _ in range(repeats):
        tic = time.perf_counter()
        for _ in range(4):
            torch.mm(a, b)
        sync()
        best = min(best, (time.perf_counter() - tic) / 4)
    return 2 * n**3 / best / 1e9


def count_parameters(model_path: str) -> int:
    """Parameters of a model (meta device: no weights loaded; tied weights counted once)."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(model_path))
    return sum(p.numel() for p in model.parameters())


def write_bench_data(path: Path, n: int, seed: int = 0) -> None:
    """Realistic-length records (price-path drawdown questions) when no dataset is given."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        peak = rng.randint(10_000, 99_999)
        trough = rng.randint(1_000, peak)
        question = (
            f"A fund's net asset value fell from a peak of ${peak:,} to a trough of ${trough:,} "
            "during the quarter before recovering. What was its maximum drawdown, in percent?"
        )
        record = {
            "id": f"bench-{i}",
            "family": "drawdown",
            "template_id": "bench",
            "split": "train",
            "question": question,
            "reasoning": "Maximum drawdown is the fall from the peak divided by the peak.",
            "formula": f"({peak} - {trough}) / {peak} * 100",
            "answer": (peak - trough) / peak * 100,
            "unit": "percent",
            "tolerance": DEFAULT_RELATIVE_TOLERANCE,
            "sign_free": False,
        }
        lines.append(json.dumps(record))
    path.mkdir(parents=True, exist_ok=True)
    (path / "train.jsonl").write_text("\n".join(lines) + "\n")


def run_bench(
    out: Path,
    model: str = "embedded",
    steps: int = 4,
    data_dir: Path | None = None,
    console: Any = None,
) -> dict[str, Any]:
    """Run every setting, write the JSON to ``out`` and return it."""
    from quantreason.models import resolve_model
    from quantreason.precision import native_bf16
    from quantreason.training.distributed import pick_device
    from quantreason.training.launch import processes_for, train_command, train_env

    say = console.print if console is not None else print
    model_path = resolve_model(model)
    params = count_parameters(model_path)
    device = pick_device(0)
    size = 8192 if device.type == "cuda" else 1024  # a GPU needs a large product to be busy
    peaks = {d: matmul_peak_gflops(d, size, device=str(device)) for d in ("fp32", "bf16")}
    say(
        f"matmul peak ({device.type}): fp32 {peaks['fp32']:.0f} GFLOP/s, "
        f"bf16 {peaks['bf16']:.0f} GFLOP/s"
    )
    native = native_bf16(device)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-train-") as tmp:
        data = data_dir or Path(tmp) / "data"
        if data_dir is None:
            write_bench_data(data, GLOBAL_BATCH * (steps + 1))
        for name, nproc, overrides in SETTINGS:
            if (fitted := processes_for(nproc)) < nproc:
                reason = f"needs {nproc} GPUs, this machine has {fitted}"
                results.append({"name": name, "skipped": reason})
                say(f"[bold]{name}[/bold]: skipped ({reason})")
                continue
            if "train.precision=bf16" in overrides and not native:
                # emulated bf16 runs each step for minutes: the matmul peak above shows why
                results.append({"name": name, "skipped": "no native bf16 on this machine"})
                say(f"[bold]{name}[/bold]: skipped (no native bf16 on this machine)")
                continue
            run_dir = Path(tmp) / name
            common = [
                f"model.name={model}",
                f"train.max_steps={steps + 1}",
                f"train.global_batch_size={GLOBAL_BATCH}",
                "train.micro_batch_size=8",
                "data.limit=null",
                "checkpoint.every_steps=100000",
                "export.verify=false",
            ]
            command = train_command("local", data, run_dir, nproc, overrides=common + overrides)
            say(f"[bold]{name}[/bold]: {nproc} process(es), {' '.join(overrides)}")
            proc = subprocess.run(
                command, cwd=REPO_ROOT, env=train_env(nproc), capture_output=True, text=True
            )
            if proc.returncode:
                results.append({"name": name, "error": proc.stderr.strip().splitlines()[-1:]})
                say(f"  failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            summary = json.loads((run_dir / "summary.json").read_text())
            precision = "fp32" if "train.precision=fp32" in overrides else "bf16"
            tps = summary["tokens_per_s"]
            flops = 4 * params * tps
            row = {
                "name": name,
                "processes": nproc,
                "precision": precision,
                "tokens_per_s": tps,
                "peak_rss_mib_per_rank": summary["peak_rss_mib_per_rank"],
                "achieved_gflops": flops / 1e9,
                "mfu": flops / (peaks[precision] * 1e9),
                "first_loss": summary["first_loss"],
                "last_loss": summary["last_loss"],
            }
            results.append(row)
            rss = max(row["peak_rss_mib_per_rank"])
            say(f"  {tps:.0f} tok/s, MFU {row['mfu']:.0%}, peak RSS {rss:.0f} MiB/rank")
    by_name = {r["name"]: r for r in results if "tokens_per_s" in r}
    ratios = {}
    for precision, fsdp in (("fp32", "2proc-fsdp-fp32"), ("bf16", "2proc-fsdp-bf16")):
        single = f"1proc-{precision}"
        if single in by_name and fsdp in by_name:
            ratios[f"{fsdp}_time_vs_{single}"] = (
                by_name[single]["tokens_per_s"] / by_name[fsdp]["tokens_per_s"]
            )
    result = {
        "model": model,
        "parameters": params,
        "flops_per_token": 4 * params,
        "matmul_peak_gflops": peaks,
        "timed_steps": steps,
        "global_batch_size": GLOBAL_BATCH,
        "settings": results,
        "time_ratios": ratios,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "processor": platform.processor(),
            "load_average_at_end": os.getloadavg(),
        },
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result
