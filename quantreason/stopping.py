"""Stop each row of a batch once it has given its answer: a complete ``Formula:`` line (or an
``Answer:`` line, for a model that writes no formula).

The system writes the answer from the formula (``quantreason.reply.contract``), so nothing the
model writes after its formula line is read: stopping there saves the ~12 tokens of an answer
line per reply. The base model rarely emits end-of-turn; without this rule every row runs to
``max_new_tokens`` and a batch is as slow as its most talkative row.

``quantreason.generation.generate(..., stop_at_answer=True)`` applies it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from quantreason.reply import has_complete_answer

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase


def answer_stopping_criteria(
    tokenizer: PreTrainedTokenizerBase,
    prompt_length: int,
    reply_starts: Sequence[str] | None = None,
) -> Any:
    """A ``StoppingCriteriaList`` that ends rows whose new text has given its answer.

    ``prompt_length`` is the padded prompt width (left padding: identical for every row), so
    only generated tokens are read and the instruction text can never trigger a stop. A row
    continuing a reply begun for it (``reply_starts``, one per row) is read with its start, so
    a continued formula line stops like a written one.
    """
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    class _StopAtAnswer(StoppingCriteria):
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
                start = reply_starts[row] if reply_starts is not None else ""
                self.done[row] = has_complete_answer(start + text)
            return torch.tensor(self.done, dtype=torch.bool, device=input_ids.device)

    return StoppingCriteriaList([_StopAtAnswer()])
