"""Chat-formatted examples with response-only labels, and length-grouped global batches.

The prompt is the chat template applied to :func:`quantreason.reply.chat_messages` with the
generation prompt appended (exactly what generation sees); the target is
:func:`quantreason.reply.format_response` followed by the end-of-turn token. Prompt tokens get
label -100, so the loss is on the response only.

Batches are planned for the whole job at once, deterministically from the seed and the epoch, so
every rank knows every global batch: a rank takes its micro-batches from it, and the number of
response tokens in the global batch (the loss normaliser) is known without communication. That
same plan makes the data position of a resumed run just the step number.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quantreason.reply import chat_messages, format_response
from quantreason.training.config import ConfigError

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

IGNORE_INDEX = -100
# Global batches per sorting window: large enough to group lengths, small enough to stay random.
GROUP_WINDOW = 32


@dataclass(frozen=True)
class Example:
    """One tokenized record: prompt + response ids, labels -100 on the prompt."""

    input_ids: list[int]
    labels: list[int]

    @property
    def prompt_tokens(self) -> int:
        """Leading tokens without labels (the chat-formatted question)."""
        return next((i for i, label in enumerate(self.labels) if label != IGNORE_INDEX), 0)

    @property
    def response_tokens(self) -> int:
        """Tokens that carry loss (next-token targets)."""
        return sum(1 for label in self.labels[1:] if label != IGNORE_INDEX)


def target_text(record: dict[str, Any]) -> str:
    """The response the model learns for a dataset record."""
    return format_response(record["reasoning"], record["formula"])


def tokenize_records(
    records: Sequence[dict[str, Any]], tokenizer: PreTrainedTokenizerBase, max_length: int
) -> list[Example]:
    """Tokenize records; a record longer than ``max_length`` is an error, not silently cut."""
    if tokenizer.eos_token_id is None:
        raise ConfigError("the tokenizer has no eos token to end the response with")
    examples = []
    for record in records:
        missing = [
            k for k in ("question", "reasoning", "formula", "answer", "unit") if k not in record
        ]
        if missing:
            raise ConfigError(f"record {record.get('id', '?')} lacks field(s) {', '.join(missing)}")
        prompt = tokenizer.apply_chat_template(
            chat_messages(record["question"]), add_generation_prompt=True, tokenize=False
        )
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        response_ids = tokenizer(target_text(record), add_special_tokens=False)["input_ids"]
        response_ids = [*response_ids, tokenizer.eos_token_id]
        ids = prompt_ids + response_ids
        if len(ids) > max_length:
            raise ConfigError(
                f"record {record.get('id', '?')} has {len(ids)} tokens > data.max_length "
                f"{max_length}: raise data.max_length"
            )
        examples.append(Example(ids, [IGNORE_INDEX] * len(prompt_ids) + response_ids))
    return examples


def shared_prefix_length(examples: Sequence[Example], minimum: int = 8) -> int:
    """Tokens every example starts with, shorter than every prompt; 0 when too few to matter.

    The cap keeps the prefix inside the prompt, so no labelled position falls in it.
    """
    first = examples[0].input_ids
    length = min(min(e.prompt_tokens for e in examples) - 1, len(first))
    for example in examples[1:]:
        ids = example.input_ids
        length = next((i for i in range(length) if ids[i] != first[i]), length)
    return length if length >= minimum else 0


def plan_batches(
    lengths: Sequence[int],
    global_batch_size: int,
    num_steps: int,
    seed: int,
    group_by_length: bool = True,
) -> list[list[int]]:
    """Record indices of each global batch for ``num_steps`` steps (epochs repeat with new order).

    Within a batch the indices are sorted by length so that consecutive micro-batches pad little.
    """
    if len(lengths) < global_batch_size:
        raise ConfigError(
            f"{len(lengths)} train records are fewer than one global batch ({global_batch_size})"
        )
    per_epoch = len(lengths) // global_batch_size  # the last partial batch is dropped
    batches: list[list[int]] = []
    epoch = 0
    while len(batches) < num_steps:
        rng = random.Random(seed * 1_000_003 + epoch)
        order = list(range(len(lengths)))
        rng.shuffle(order)
        order = order[: per_epoch * global_batch_size]
        epoch_batches = []
        window = global_batch_size * GROUP_WINDOW
        for start in range(0, len(order), window):
            chunk = order[start : start + window]
            if group_by_length:
                chunk.sort(key=lambda i: (lengths[i], i))
            for b in range(0, len(chunk), global_batch_size):
                epoch_batches.append(
                    sorted(chunk[b : b + global_batch_size], key=lambda i: (lengths[i], i))
                )
        rng.shuffle(epoch_batches)
        batches.extend(epoch_batches)
        epoch += 1
    return batches[:num_steps]


def steps_for(
    num_records: int, global_batch_size: int, epochs: float, max_steps: int | None
) -> int:
    """Optimizer steps of a run: ``max_steps`` if set, else ``epochs`` passes (at least one)."""
    if max_steps is not None:
        return max_steps
    return max(1, int(epochs * (num_records // global_batch_size)))


def rank_micro_batches(
    batch: Sequence[int], micro_batch_size: int, rank: int, world_size: int
) -> list[list[int]]:
    """This rank's micro-batches of a global batch (micro-batch i goes to rank i % world)."""
    micros = [list(batch[i : i + micro_batch_size]) for i in range(0, len(batch), micro_batch_size)]
    return [m for i, m in enumerate(micros) if i % world_size == rank]


def collate(examples: Sequence[Example], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-padded ``input_ids``, ``attention_mask`` and ``labels`` (-100 on padding)."""
    import torch

    width = max(len(e.input_ids) for e in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    labels = torch.full((len(examples), width), IGNORE_INDEX, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.long)
    for row, example in enumerate(examples):
        n = len(example.input_ids)
        ids[row, :n] = torch.tensor(example.input_ids)
        labels[row, :n] = torch.tensor(example.labels)
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}
