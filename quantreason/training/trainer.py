"""The training run: checks → data → model + LoRA → shard → train → export.

Everything that can be checked is checked before the model is loaded (see :func:`prepare`), so a
bad config fails in seconds with one message instead of after minutes of loading.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quantreason.training import checkpoint
from quantreason.training.batching import (
    Example,
    collate,
    plan_batches,
    rank_micro_batches,
    shared_prefix_length,
    steps_for,
    tokenize_records,
)
from quantreason.training.config import ConfigError, TrainConfig, gradient_accumulation
from quantreason.training.environment import RankInfo
from quantreason.training.state import TrainState

log = logging.getLogger(__name__)

# Fault injection for the kill-and-resume test: the process dies (no clean-up) at this step.
FAIL_AT_STEP_ENV = "QUANTREASON_FAIL_AT_STEP"
# Debugging/equivalence checks: write the first step's full LoRA gradients to this file.
DUMP_GRADS_ENV = "QUANTREASON_DUMP_GRADS"
EXPORT_SAMPLE = 4  # records whose logits the export check compares


@dataclass(frozen=True)
class RunPaths:
    """Where a run reads and writes."""

    data_dir: Path
    out_dir: Path  # train_log.jsonl, loss.png, summary.json
    adapter_dir: Path  # adapter_config.json + adapter_model.safetensors
    checkpoint_dir: Path


@dataclass
class Prepared:
    """Everything checked and tokenized before the model is loaded."""

    model_path: str
    tokenizer: Any
    examples: list[Example]
    accumulation: int
    num_steps: int
    prefix_len: int  # leading tokens every record shares (computed once per micro-batch)


def load_train_records(data_dir: Path, limit: int | None) -> list[dict[str, Any]]:
    """Train records from ``data_dir/train.jsonl``; a missing channel is a clear error."""
    if not (data_dir / "train.jsonl").is_file():
        raise ConfigError(
            f"no train.jsonl in {data_dir}: pass --data DIR written by 'quantreason data' "
            "(in SageMaker: the 'train' input channel)"
        )
    from quantreason.data import load_split

    try:
        records = load_split(data_dir, "train")
    except ValueError as exc:  # a malformed line: name it, as a config error (exit code 2)
        raise ConfigError(f"train data: {exc}") from exc
    return records[:limit] if limit else records


def prepare(config: TrainConfig, paths: RunPaths, ranks: RankInfo) -> Prepared:
    """Resolve the model, check LoRA targets and batch arithmetic, tokenize the data."""
    from quantreason.models import ModelSpecError, resolve_model
    from quantreason.training.model import check_target_modules, load_tokenizer

    accumulation = gradient_accumulation(config, ranks.world_size)
    t = config.train
    if t.shared_prefix and ranks.world_size > 1 and config.distributed.shard_frozen_base:
        raise ConfigError(
            "train.shared_prefix runs each layer twice per step, which per-layer FSDP units "
            "(distributed.shard_frozen_base: true) cannot do: set one of them to false"
        )
    try:
        model_path = resolve_model(config.model.name)
    except ModelSpecError as exc:
        raise ConfigError(f"model.name: {exc}") from exc
    records = load_train_records(paths.data_dir, config.data.limit)
    check_target_modules(model_path, list(config.lora.target_modules), config.lora.top_layers)
    tokenizer = load_tokenizer(model_path)
    examples = tokenize_records(records, tokenizer, config.data.max_length)
    num_steps = steps_for(len(examples), t.global_batch_size, t.epochs, t.max_steps)
    if len(examples) < t.global_batch_size:
        raise ConfigError(
            f"{len(examples)} train records are fewer than train.global_batch_size "
            f"{t.global_batch_size}"
        )
    prefix_len = shared_prefix_length(examples) if t.shared_prefix else 0
    return Prepared(model_path, tokenizer, examples, accumulation, num_steps, prefix_len)


def _dump_grads(module: Any, path: Path, is_main: bool) -> None:
    """Save {name: full gradient} from rank 0 (``full_tensor`` gathers a sharded gradient)."""
    import torch

    grads = {}
    for name, param in module.named_parameters():
        if param.requires_grad and param.grad is not None:
            grad = param.grad
            grads[name] = (grad.full_tensor() if hasattr(grad, "full_tensor") else grad).cpu()
    if is_main:
        torch.save(grads, path)


def peak_rss_mib() -> float:
    """Peak resident memory of this process in MiB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def peak_gpu_mib() -> float:
    """Peak GPU memory torch allocated in this process, in MiB."""
    import torch

    return torch.cuda.max_memory_allocated() / 2**20


def is_sharded(module: Any) -> bool:
    """Whether FSDP2 sharded ``module`` (its parameters became DTensors)."""
    from torch.distributed.tensor import DTensor

    return any(isinstance(p, DTensor) for p in module.parameters())


def lr_factor(step: int, num_steps: int, warmup_ratio: float, min_ratio: float) -> float:
    """Linear warmup then cosine decay to ``min_ratio`` of the peak."""
    warmup = math.ceil(warmup_ratio * num_steps)
    if step < warmup:
        return (step + 1) / warmup
    progress = (step - warmup) / max(1, num_steps - warmup)
    return min_ratio + (1.0 - min_ratio) * 0.5 * (1.0 + math.cos(math.pi * min(progress, 1.0)))


def run(
    config: TrainConfig, paths: RunPaths, ranks: RankInfo, resume: bool = False
) -> dict[str, Any]:
    """Train and export; returns a summary (also written to ``summary.json`` on rank 0)."""
    from quantreason.training import distributed, export
    from quantreason.training.metrics import MetricsLog
    from quantreason.training.progress import StepProgress

    started = time.perf_counter()
    prepared = prepare(config, paths, ranks)  # every config check, before any process group
    distributed.check_devices(ranks)
    device = distributed.pick_device(ranks.local_rank)
    config = _for_device(config, device, ranks)
    threads = distributed.set_threads(config, ranks)
    mesh = distributed.init_distributed(config, ranks, device)
    state = _build_state(config, prepared, ranks, mesh, device)
    _resume_or_start_fresh(state, config, paths, ranks, resume)

    t = config.train
    examples = prepared.examples
    plan = plan_batches(
        [len(e.input_ids) for e in examples],
        t.global_batch_size,
        prepared.num_steps,
        t.seed,
        config.data.group_by_length,
    )
    metrics = MetricsLog(paths.out_dir / "train_log.jsonl", resume=state.step > 0)
    fail_at = int(os.environ.get(FAIL_AT_STEP_ENV, "0") or 0)
    progress = StepProgress(prepared.num_steps, state.step, enabled=ranks.is_main)
    state.module.train()
    with progress:
        while state.step < prepared.num_steps:
            if fail_at and state.step == fail_at:
                os._exit(137)  # like a kill: nothing flushed, nothing cleaned up
            record = _train_step(state, plan[state.step], prepared, config, ranks)
            if ranks.is_main:
                metrics.write(record)
            progress.advance(record)
            if state.step % config.checkpoint.every_steps == 0 or state.step == prepared.num_steps:
                checkpoint.save_checkpoint(
                    paths.checkpoint_dir,
                    state,
                    config.to_dict(),
                    ranks,
                    config.checkpoint.keep_last,
                )

    state.module.eval()
    pad_id = prepared.tokenizer.pad_token_id
    sample = {
        k: v.to(device)
        for k, v in collate(examples[: min(EXPORT_SAMPLE, len(examples))], pad_id).items()
    }
    logit_error = export.export_adapter(
        state,
        sample,
        config,
        adapter_dir=paths.adapter_dir,
        merged_dir=paths.out_dir / "merged",
        model_path=prepared.model_path,
    )
    return _summarize(
        config,
        paths,
        ranks,
        prepared,
        threads,
        started,
        logit_error,
        device.type,
        is_sharded(state.module),
    )


def _for_device(config: TrainConfig, device: Any, ranks: RankInfo) -> TrainConfig:
    """``auto`` precision made concrete for this device, said once in the log."""
    from quantreason.precision import native_bf16

    native = native_bf16(device)
    resolved = config.for_hardware(native)
    if ranks.is_main:
        how = "auto: " if config.train.precision == "auto" else ""
        log.info(
            "precision %s%s, frozen base in %s (%s bf16 on this %s)",
            how,
            resolved.train.precision,
            resolved.model.dtype,
            "native" if native else "no native",
            device.type,
        )
        if resolved.train.precision == "bf16" and not native:
            log.warning(
                "train.precision bf16 on a %s without native bf16: expect it to run many "
                "times slower than fp32 (set train.precision auto or fp32)",
                device.type,
            )
    return resolved


def _build_state(
    config: TrainConfig, prepared: Prepared, ranks: RankInfo, mesh: Any, device: Any
) -> TrainState:
    """Base + LoRA, sharded, with its optimizer, schedule and autocast."""
    import torch

    from quantreason.training import distributed
    from quantreason.training.model import build_lora_model, decoder_layers, make_loss_module

    t = config.train
    peft_model = build_lora_model(prepared.model_path, config)
    torch.manual_seed(t.seed + ranks.rank)  # same LoRA init everywhere, own dropout per rank
    module = make_loss_module(peft_model, t.response_only_logits).to(device)
    distributed.shard_model(module, decoder_layers(peft_model), mesh, config, device)
    params = [p for p in module.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=t.learning_rate, weight_decay=t.weight_decay)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda s: lr_factor(s, prepared.num_steps, t.warmup_ratio, t.min_lr_ratio),
    )
    autocast = (
        torch.autocast(device.type, dtype=torch.bfloat16)
        if t.precision == "bf16"
        else nullcontext()
    )
    return TrainState(module, peft_model, optimizer, scheduler, device, autocast)


def _resume_or_start_fresh(
    state: TrainState, config: TrainConfig, paths: RunPaths, ranks: RankInfo, resume: bool
) -> None:
    """Resume from the newest checkpoint every node holds, or clear old checkpoints."""
    from quantreason.training import distributed

    if not resume and ranks.local_rank == 0 and paths.checkpoint_dir.exists():
        # A fresh run: an old run's checkpoints would be resumed from or pruned out of order.
        shutil.rmtree(paths.checkpoint_dir)
    distributed.barrier()
    latest = checkpoint.agreed_checkpoint(paths.checkpoint_dir)
    if resume and latest is not None:
        checkpoint.load_checkpoint(latest, state, config.to_dict(), ranks.rank)
        log.info("resumed from %s at step %d", latest, state.step)
    elif resume:
        log.info(
            "--resume given but no checkpoint in %s: starting from step 0", paths.checkpoint_dir
        )


def _train_step(
    state: TrainState, batch: list[int], prepared: Prepared, config: TrainConfig, ranks: RankInfo
) -> dict[str, Any]:
    """One optimizer step over the global ``batch``; advances ``state.step``, returns its record."""
    import torch
    import torch.distributed as dist

    t, examples, device = config.train, prepared.examples, state.device
    pad_id = prepared.tokenizer.pad_token_id
    # Every rank knows the whole global batch, so the normaliser needs no collective.
    response_tokens = sum(examples[i].response_tokens for i in batch)
    tic = time.perf_counter()
    local_loss = torch.zeros((), dtype=torch.float32, device=device)
    for micro in rank_micro_batches(batch, t.micro_batch_size, ranks.rank, ranks.world_size):
        inputs = {k: v.to(device) for k, v in collate([examples[i] for i in micro], pad_id).items()}
        with state.autocast:
            loss_sum = state.module(**inputs, prefix_len=prepared.prefix_len)
        # FSDP averages gradients over ranks; x world size turns that into the global sum.
        (loss_sum * ranks.world_size / response_tokens).backward()
        local_loss += loss_sum.detach().float()
    if state.step == 0 and os.environ.get(DUMP_GRADS_ENV):
        _dump_grads(state.module, Path(os.environ[DUMP_GRADS_ENV]), ranks.is_main)
    lr = state.optimizer.param_groups[0]["lr"]
    grad_norm = torch.nn.utils.clip_grad_norm_(state.trainable, t.max_grad_norm or float("inf"))
    if hasattr(grad_norm, "full_tensor"):
        grad_norm = grad_norm.full_tensor()
    state.optimizer.step()
    state.scheduler.step()
    state.optimizer.zero_grad(set_to_none=True)
    dist.all_reduce(local_loss)
    elapsed = time.perf_counter() - tic
    state.step += 1
    tokens = sum(len(examples[i].input_ids) for i in batch)
    return {
        "step": state.step,
        "loss": float(local_loss) / response_tokens,
        "lr": lr,
        "grad_norm": float(grad_norm),
        "tokens": tokens,
        "tokens_per_s": tokens / elapsed,
        "step_time_s": elapsed,
        "world_size": ranks.world_size,
    }


def _summarize(
    config: TrainConfig,
    paths: RunPaths,
    ranks: RankInfo,
    prepared: Prepared,
    threads: int,
    started: float,
    logit_error: float | None,
    device_type: str,
    sharded: bool,
) -> dict[str, Any]:
    """The run's summary (every rank's peak memory; the rest from rank 0's log)."""
    import torch.distributed as dist

    from quantreason.training import distributed
    from quantreason.training.metrics import plot_loss, read_log

    rss = [0.0] * ranks.world_size
    dist.all_gather_object(rss, peak_rss_mib())
    summary: dict[str, Any] = {
        "world_size": ranks.world_size,
        "threads_per_rank": threads,
        "peak_rss_mib_per_rank": rss,
        "sharded": sharded,
    }
    if device_type == "cuda":
        gpu = [0.0] * ranks.world_size
        dist.all_gather_object(gpu, peak_gpu_mib())
        summary["peak_gpu_mib_per_rank"] = gpu
    if ranks.is_main:
        records = read_log(paths.out_dir / "train_log.jsonl")
        timed = records[1:] or records  # the first step includes warm-up costs
        summary.update(
            {
                "steps": prepared.num_steps,
                "records": len(prepared.examples),
                "first_loss": records[0]["loss"] if records else None,
                "last_loss": records[-1]["loss"] if records else None,
                "tokens_per_s": sum(r["tokens"] for r in timed)
                / max(1e-9, sum(r["step_time_s"] for r in timed)),
                "wall_s": time.perf_counter() - started,
                # every step's time, over all attempts of a resumed run: its training time
                "step_seconds": sum(r["step_time_s"] for r in records),
                "export_logit_error": logit_error,
                "adapter_dir": str(paths.adapter_dir),
                "device": device_type,
                "precision": config.train.precision,
            }
        )
        plot_loss(paths.out_dir / "train_log.jsonl", paths.out_dir / "loss.png")
        (paths.out_dir / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
        (paths.out_dir / "config.json").write_text(json.dumps(config.to_dict(), indent=2) + "\n")
    distributed.barrier()
    return summary
