"""Stop each row of a batch once it has written a complete ``Answer: ...`` line.

The base model rarely emits end-of-turn after an answer; without this rule every row runs to
``max_new_tokens`` and a batch is as slow as its most talkative row. A fine-tuned model ends its
turn right after the answer line, so this changes nothing for it.

``generate_until_answer`` mirrors ``quantreason.generation.generate`` (same prompts, padding,
greedy decoding, length-sorted batches) and only adds the stopping rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from quantreason.generation import DEFAULT_MAX_NEW_TOKENS, LoadedModel, encode_prompts

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

# An answer line with something on it, ended by a newline (so the number is not cut short).
COMPLETE_ANSWER_RE = re.compile(r"^[ \t]*(?:final\s+)?answer\s*:[^\n]*\S[^\n]*\n", re.I | re.M)


def has_complete_answer(text: str) -> bool:
    """True when ``text`` holds a finished, non-empty ``Answer:`` line."""
    return COMPLETE_ANSWER_RE.search(text) is not None


def answer_stopping_criteria(tokenizer: PreTrainedTokenizerBase, prompt_length: int) -> Any:
    """A ``StoppingCriteriaList`` that ends rows whose new text has a complete answer line.

    ``prompt_length`` is the padded prompt width (left padding: identical for every row), so
    only generated tokens are read and the instruction text can never trigger a stop.
    """
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    class _StopAfterAnswer(StoppingCriteria):
        def __init__(self) -> None:
            self.done: list[bool] | None = None

        def __call__(
            self, input_ids: torch.LongTensor, scores: Any, **kwargs: Any
        ) -> torch.BoolTensor:
            if self.done is None:
                self.done = [False] * input_ids.shape[0]
            for row in range(input_ids.shape[0]):
                if self.done[row]:
                    continue
                # Decoding a whole row each step is wasteful; only a newline can complete a line.
                if "\n" not in tokenizer.decode(input_ids[row, -1:]):
                    continue
                text = tokenizer.decode(input_ids[row, prompt_length:], skip_special_tokens=True)
                self.done[row] = has_complete_answer(text)
            return torch.tensor(self.done, dtype=torch.bool, device=input_ids.device)

    return StoppingCriteriaList([_StopAfterAnswer()])


def generate_until_answer(
    loaded: LoadedModel,
    questions: Sequence[str],
    *,
    max_new_tokens: int = DEFAULT_MAX_NEW_TOKENS,
    batch_size: int = 32,
    on_batch: Callable[[int], Any] | None = None,
) -> list[str]:
    """Greedy replies for ``questions`` in order, each cut after its first complete answer line."""
    import torch

    if batch_size < 1 or max_new_tokens < 1:
        raise ValueError("batch_size and max_new_tokens must be >= 1")
    tokenizer, model = loaded.tokenizer, loaded.model
    prompts = encode_prompts(tokenizer, questions)
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]))
    outputs: list[str] = [""] * len(prompts)
    device = next(model.parameters()).device
    for start in range(0, len(order), batch_size):
        batch_ids = order[start : start + batch_size]
        encoded = tokenizer(
            [prompts[i] for i in batch_ids],
            return_tensors="pt",
            padding=True,
            add_special_tokens=False,
        ).to(device)
        prompt_length = encoded["input_ids"].shape[1]
        with torch.inference_mode():
            generated = model.generate(
                **encoded,
                max_new_tokens=max_new_tokens,
                do_sample=False,
                pad_token_id=tokenizer.pad_token_id,
                eos_token_id=tokenizer.eos_token_id,
                stopping_criteria=answer_stopping_criteria(tokenizer, prompt_length),
            )
        for row, index in enumerate(batch_ids):
            new_tokens = generated[row, prompt_length:]
            outputs[index] = tokenizer.decode(new_tokens, skip_special_tokens=True).strip()
        if on_batch is not None:
            on_batch(len(batch_ids))
    return outputs
