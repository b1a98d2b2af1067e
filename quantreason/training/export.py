"""Export the LoRA adapter as a standard PEFT directory, then prove it by reloading it.

The full (unsharded) LoRA state dict is gathered to rank 0 with
``get_model_state_dict(full_state_dict=True, cpu_offload=True, ignore_frozen_params=True)``;
rank 0 writes ``adapter_config.json`` + ``adapter_model.safetensors`` and reloads the directory
with ``PeftModel.from_pretrained`` on a fresh base. The check fails loudly on the traps seen
elsewhere: only one rank's slice of each matrix saved (shape mismatch), empty tensors, missing or
extra keys, values that differ, or logits that differ from the in-memory model's.
"""

from __future__ import annotations

import copy
import logging
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch
    from peft import PeftModel

    from quantreason.training.config import TrainConfig
    from quantreason.training.state import TrainState

log = logging.getLogger(__name__)

ADAPTER_WEIGHTS = "adapter_model.safetensors"
WRAPPER_PREFIX = "peft_model."
# Max |logit difference| relative to max |logit|, per compute precision.
LOGIT_TOLERANCE = {"fp32": 1e-4, "bf16": 3e-2}


class ExportError(RuntimeError):
    """The exported adapter does not reproduce the trained model."""


def gather_adapter(loss_module: torch.nn.Module, peft_model: PeftModel) -> dict[str, torch.Tensor]:
    """Full LoRA tensors in PEFT file naming on rank 0 (empty dict on other ranks); collective."""
    import torch.distributed as dist
    from peft import get_peft_model_state_dict
    from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

    options = StateDictOptions(full_state_dict=True, cpu_offload=True, ignore_frozen_params=True)
    full = get_model_state_dict(loss_module, options=options)
    if dist.get_rank() != 0:
        return {}
    stripped = {k.removeprefix(WRAPPER_PREFIX): v for k, v in full.items()}
    return get_peft_model_state_dict(peft_model, state_dict=stripped, save_embedding_layers=False)


def expected_shapes(peft_model: PeftModel) -> dict[str, tuple[int, ...]]:
    """Global shapes of the LoRA weights in PEFT file naming (DTensor.shape is global)."""
    from peft import get_peft_model_state_dict

    live = {n: p for n, p in peft_model.named_parameters() if p.requires_grad}
    named = get_peft_model_state_dict(peft_model, state_dict=live, save_embedding_layers=False)
    return {k: tuple(v.shape) for k, v in named.items()}


def write_adapter(
    tensors: dict[str, torch.Tensor], peft_model: PeftModel, out_dir: Path, base_name: str
) -> None:
    """Write ``adapter_config.json`` and ``adapter_model.safetensors`` into ``out_dir``."""
    from safetensors.torch import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    lora_config = copy.deepcopy(peft_model.peft_config["default"])
    lora_config.base_model_name_or_path = base_name
    lora_config.inference_mode = True
    lora_config.save_pretrained(str(out_dir))
    contiguous = {k: v.detach().contiguous() for k, v in tensors.items()}
    save_file(contiguous, str(out_dir / ADAPTER_WEIGHTS), metadata={"format": "pt"})


def check_tensors(
    tensors: dict[str, torch.Tensor], shapes: dict[str, tuple[int, ...]], trained: bool
) -> None:
    """Key names, shapes, emptiness and (after training) non-zero ``lora_B``."""
    missing, extra = sorted(set(shapes) - set(tensors)), sorted(set(tensors) - set(shapes))
    if missing or extra:
        raise ExportError(f"adapter keys differ: missing {missing[:3]}, unexpected {extra[:3]}")
    for key, tensor in tensors.items():
        if tensor.numel() == 0:
            raise ExportError(f"{key} is empty")
        if tuple(tensor.shape) != shapes[key]:
            raise ExportError(
                f"{key} has shape {tuple(tensor.shape)}, the model has {shapes[key]} "
                "(a rank's slice instead of the gathered tensor?)"
            )
    if trained and all(float(t.abs().max()) == 0.0 for k, t in tensors.items() if "lora_B" in k):
        raise ExportError("every lora_B matrix is zero: the adapter carries no training")


def verify_reload(
    adapter_dir: Path,
    model_path: str,
    tensors: dict[str, torch.Tensor],
    reference_logits: torch.Tensor,
    batch: dict[str, torch.Tensor],
    dtype: torch.dtype,
    precision: str,
    autocast: AbstractContextManager[Any],
    device: torch.device | None = None,
) -> float:
    """Reload the adapter on a fresh base; compare tensors and logits. Returns the logit error.

    On a GPU the reloaded model runs on ``device`` (a 7B forward on the host CPU takes minutes).
    """
    import torch
    from peft import PeftModel, get_peft_model_state_dict
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(model_path, dtype=dtype)
    reloaded = PeftModel.from_pretrained(base, str(adapter_dir))
    reloaded.eval()
    # Compared on the host, where both the file's and the gathered tensors are, before the model
    # moves to the GPU (comparing a GPU copy with a host tensor fails on device, not on value).
    loaded = get_peft_model_state_dict(reloaded, save_embedding_layers=False)
    check_tensors(loaded, {k: tuple(v.shape) for k, v in tensors.items()}, trained=False)
    for key, tensor in tensors.items():
        if not torch.equal(loaded[key].to(device=tensor.device, dtype=tensor.dtype), tensor):
            raise ExportError(f"{key} differs after reload")
    if device is not None:
        if device.type == "cuda":
            torch.cuda.empty_cache()  # the trained model's cached blocks, before a second copy
        reloaded.to(device)
        batch = {k: v.to(device) for k, v in batch.items()}
    with torch.no_grad(), autocast:
        logits = (
            reloaded(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
            .logits.float()
            .cpu()
        )
    scale = float(reference_logits.abs().max()) or 1.0
    error = float((logits - reference_logits).abs().max()) / scale
    if error > LOGIT_TOLERANCE[precision]:
        raise ExportError(
            f"reloaded adapter's logits differ from the trained model's by {error:.2e} "
            f"(relative; tolerance {LOGIT_TOLERANCE[precision]:.0e})"
        )
    return error


def write_merged(adapter_dir: Path, model_path: str, out_dir: Path, dtype: torch.dtype) -> None:
    """Write base + adapter merged into one plain checkpoint (for servers without PEFT)."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base = AutoModelForCausalLM.from_pretrained(model_path, dtype=dtype)
    merged = PeftModel.from_pretrained(base, str(adapter_dir)).merge_and_unload()
    merged.save_pretrained(str(out_dir))
    AutoTokenizer.from_pretrained(model_path).save_pretrained(str(out_dir))


def export_adapter(
    state: TrainState,
    sample: dict[str, torch.Tensor],
    config: TrainConfig,
    *,
    adapter_dir: Path,
    merged_dir: Path,
    model_path: str,
) -> float | None:
    """Gather, write, reload and compare; call on every rank. Returns the relative logit error.

    The in-memory model's logits and the gather are collectives (every rank); the files and the
    reload happen on rank 0, whose verdict is broadcast so that every rank fails together.
    """
    import torch
    import torch.distributed as dist

    from quantreason.training.model import torch_dtype

    module, peft_model, autocast = state.module, state.peft_model, state.autocast
    with torch.no_grad(), autocast:
        reference = module(sample["input_ids"], sample["attention_mask"]).float().cpu()
    tensors = gather_adapter(module, peft_model)
    shapes = expected_shapes(peft_model)
    error: str | None = None
    logit_error = None
    dtype = torch_dtype(config.model.dtype)
    if dist.get_rank() == 0:
        try:
            check_tensors(tensors, shapes, trained=state.step > 0)
            write_adapter(tensors, peft_model, adapter_dir, model_path)
            if config.export.verify:
                cpu_sample = {k: v.cpu() for k, v in sample.items()}
                logit_error = verify_reload(
                    adapter_dir,
                    model_path,
                    tensors,
                    reference,
                    cpu_sample,
                    dtype,
                    config.train.precision,
                    autocast,
                    state.device,
                )
            if config.export.merged:
                write_merged(adapter_dir, model_path, merged_dir, dtype)
        except ExportError as exc:
            error = str(exc)
        except Exception as exc:
            # Any failure on rank 0 (a GPU out of memory in the reload, a full disk) must reach
            # the other ranks, which wait in the broadcast below, so that all fail together.
            log.exception("export failed on rank 0")
            error = f"export failed on rank 0: {type(exc).__name__}: {exc}"
    verdict = [error]
    dist.broadcast_object_list(verdict, src=0)
    if verdict[0]:
        raise ExportError(verdict[0])
    return logit_error
