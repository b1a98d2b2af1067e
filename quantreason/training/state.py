"""The live objects of one training run, handed as one value to the loop, checkpoints and export.

Built once by ``trainer.run`` after sharding; ``step`` is the number of optimizer steps done
(the data position: batches are planned deterministically per step).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch


@dataclass
class TrainState:
    """Loss module (FSDP-sharded), its PEFT model, optimizer, schedule, device and autocast."""

    module: torch.nn.Module
    peft_model: Any  # peft.PeftModel; None where no export happens (checkpoint tests)
    optimizer: torch.optim.Optimizer
    scheduler: Any  # torch.optim.lr_scheduler.LRScheduler
    device: torch.device
    autocast: AbstractContextManager[Any]
    step: int = 0

    @property
    def trainable(self) -> list[torch.nn.Parameter]:
        """The parameters the optimizer updates (the LoRA weights)."""
        return [p for p in self.module.parameters() if p.requires_grad]
