"""Loading a base model (+ LoRA adapter) and batched greedy generation.

Shared by evaluation (``quantreason eval``) and serving (``inference/code/inference.py``) so
that both see exactly the same prompt, padding and decoding.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from quantreason.reply import chat_messages

if TYPE_CHECKING:
    import numpy as np
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

log = logging.getLogger(__name__)

# The answer budget everywhere (eval, the endpoint's default, the pipeline): the longest
# target, a five-year term life premium (its survival products grow with the term), is ~210
# tokens; a reply cut short has no formula to evaluate (128 cut every option_delta reply of
# run BQ, session 34). tests/core/test_answer_budget.py keeps every family inside it.
DEFAULT_MAX_NEW_TOKENS = 224
DEFAULT_TOP_P = 0.95  # nucleus of the sampled (voting) replies


@dataclass(frozen=True)
class Sampling:
    """How sampled replies are drawn: softmax temperature and nucleus (top-p) mass."""

    temperature: float = 0.7
    top_p: float = DEFAULT_TOP_P

    def __post_init__(self) -> None:
        if self.temperature <= 0 or not 0 < self.top_p <= 1:
            raise ValueError("temperature must be > 0 and top_p in (0, 1]")


# ``sampler(questions, samples)`` -> ``samples`` sampled replies per question, in question order.
Sampler = Callable[[Sequence[str], int], list[list[str]]]


class BatchStore(Protocol):
    """Greedy replies of whole batches, keyed by the batch's prompts in batch order (a padded
    batch's replies depend on every prompt in it, so a batch, not a prompt, is the unit):
    :class:`quantreason.evaluation.reply_cache.ReplyCache` keeps them on disk so that an
    interrupted evaluation resumes."""

    def get(self, prompts: Sequence[str]) -> list[str] | None: ...

    def put(self, prompts: Sequence[str], replies: Sequence[str]) -> None: ...


@dataclass
class LoadedModel:
    """A ready-to-generate model with its tokenizer and a description for reports/responses."""

    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    base: str
    adapter: str | None


def load_model(
    base: str,
    adapter: str | Path | None = None,
    *,
    merge: bool = True,
    dtype: torch.dtype | None = None,
    device: str | None = None,
    precision: str | None = None,
) -> LoadedModel:
    """Load ``base`` (a path or hub id) and optionally a PEFT adapter directory.

    The adapter is merged into the weights by default: an unmerged LoRA costs ~25 % more
    latency on CPU and roughly 2x on GPU. The weights' format: ``dtype`` if given, else
    ``precision`` (fp32 | bf16 | auto, :func:`quantreason.precision.inference_dtype`), else fp32
    on CPU (figures reproduce) and bf16 on GPU.
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from quantreason.precision import inference_dtype

    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    if dtype is None and precision is not None:
        dtype = inference_dtype(precision, device)
    if dtype is None:
        dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32
    tokenizer = AutoTokenizer.from_pretrained(base)
    tokenizer.padding_side = "left"  # left padding: every row's next token is at position -1
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    # On a GPU the weights go straight to it: loaded into host memory first, a 7B model's
    # 14.5 GB of bf16 weights would nearly fill an ml.g5.xlarge's 16 GiB of RAM.
    placement = {"device_map": device} if device.startswith("cuda") else {}
    model = AutoModelForCausalLM.from_pretrained(base, dtype=dtype, **placement)
    if adapter is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, str(adapter))
        if merge:
            model = model.merge_and_unload()
    model.to(device)
    model.eval()
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        base=base,
        adapter=str(adapter) if adapter is not None else None,
    )


def encode_prompts(
    tokenizer: PreTrainedTokenizerBase,
    questions: Sequence[str],
    reply_starts: Sequence[str] | None = None,
) -> list[str]:
    """Chat-formatted prompt strings (generation prompt appended) for each question, each
    followed by its ``reply_starts`` entry when given: the model continues a reply begun for it
    (:mod:`quantreason.task_check` begins one with a task's reasoning line)."""
    if reply_starts is not None and len(reply_starts) != len(questions):
        raise ValueError("one reply start per question")
    starts = reply_starts if reply_starts is not None else [""] * len(questions)
    return [
        tokenizer.apply_chat_template(chat_messages(q), add_generation_prompt=True, tokenize=False)
        + start
        for q, start in zip(questions, starts, strict=True)
    ]


def rng_state() -> tuple[Any, Any]:
    """Torch's generator states, the CPU's and every GPU's: seeding for sampling reseeds both."""
    import torch

    gpus = torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None
    return torch.random.get_rng_state(), gpus


def restore_rng_state(state: tuple[Any, Any]) -> None:
    """Put back what :func:`rng_state` saved, so sampling leaves the caller's randomness alone."""
    import torch

    cpu, gpus = state
    torch.random.set_rng_state(cpu)
    if gpus is not None:
        torch.cuda.set_rng_state_all(gpus)


def _prompts_by_length(
    tokenizer: PreTrainedTokenizerBase,
    questions: Sequence[str],
    reply_starts: Sequence[str] | None = None,
) -> tuple[list[str], list[int]]:
    """The prompts and their indices shortest first (batches of similar length pad less)."""
    prompts = encode_prompts(tokenizer, questions, reply_starts)
    return prompts, sorted(range(len(prompts)), key=lambda i: len(prompts[i]))


def _encode_batch(tokenizer: PreTrainedTokenizerBase, prompts: list[str], device: Any) -> Any:
    """One left-padded batch of prompt strings as tensors on ``device``."""
    return tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(
        device
    )


def generate(
    loaded: LoadedModel,
    questions: Sequence[str],
    *,
    max_new_tokens: int = DEFAULT_MAX_NEW_TOKENS,
    batch_size: int = 32,
    on_batch: Callable[[int], Any] | None = None,
    stop_at_answer: bool = False,
    reply_starts: Sequence[str] | None = None,
    store: BatchStore | None = None,
) -> list[str]:
    """Greedy answers for ``questions``, in order; batches are sorted by length to save padding.

    ``on_batch(n)`` is called after each batch with the number of questions done in it (for
    progress bars). ``stop_at_answer`` ends a row once it has written a complete ``Answer:``
    line (the base model rarely ends its turn by itself). With ``reply_starts`` each reply is
    continued from its given start, and only the continuation is returned. ``store`` answers
    a batch it already holds and keeps every batch generated; it must be scoped to this model,
    ``max_new_tokens`` and ``stop_at_answer`` (the batches themselves do not change: they
    depend only on ``questions``, ``reply_starts`` and ``batch_size``).
    """
    import torch

    if batch_size < 1 or max_new_tokens < 1:
        raise ValueError("batch_size and max_new_tokens must be >= 1")

    tokenizer, model = loaded.tokenizer, loaded.model
    prompts, order = _prompts_by_length(tokenizer, questions, reply_starts)
    outputs: list[str | None] = [None] * len(prompts)
    device = next(model.parameters()).device
    for start in range(0, len(order), batch_size):
        batch_ids = order[start : start + batch_size]
        batch_prompts = [prompts[i] for i in batch_ids]
        kept = store.get(batch_prompts) if store is not None else None
        if kept is not None:
            for index, text in zip(batch_ids, kept, strict=True):
                outputs[index] = text
            if on_batch is not None:
                on_batch(len(batch_ids))
            continue
        encoded = _encode_batch(tokenizer, batch_prompts, device)
        prompt_length = encoded["input_ids"].shape[1]
        extra: dict[str, Any] = {}
        if stop_at_answer:
            from quantreason.stopping import answer_stopping_criteria

            starts = [reply_starts[i] for i in batch_ids] if reply_starts is not None else None
            extra["stopping_criteria"] = answer_stopping_criteria(tokenizer, prompt_length, starts)
        with torch.inference_mode():
            generated = model.generate(
                **encoded,
                max_new_tokens=max_new_tokens,
                do_sample=False,
                pad_token_id=tokenizer.pad_token_id,
                eos_token_id=tokenizer.eos_token_id,
                **extra,
            )
        new_tokens = generated[:, prompt_length:]
        for row, index in enumerate(batch_ids):
            outputs[index] = tokenizer.decode(new_tokens[row], skip_special_tokens=True).strip()
        if store is not None:
            store.put(batch_prompts, [outputs[index] or "" for index in batch_ids])
        if on_batch is not None:
            on_batch(len(batch_ids))
    return [text or "" for text in outputs]


def sample(
    loaded: LoadedModel,
    questions: Sequence[str],
    samples: int,
    *,
    max_new_tokens: int = DEFAULT_MAX_NEW_TOKENS,
    temperature: float = 0.7,
    top_p: float = DEFAULT_TOP_P,
    seed: int = 0,
    batch_size: int = 32,
    on_batch: Callable[[int], Any] | None = None,
    reply_starts: Sequence[str] | None = None,
) -> list[list[str]]:
    """``samples`` sampled replies per question (``num_return_sequences``: one prompt pass per
    question, the samples decode as one batch). Seeded, so a run reproduces on one machine.

    ``batch_size`` counts sequences (questions x samples) per ``generate`` call. With
    ``reply_starts``, each question's replies continue from its start (only the continuation
    is returned).
    """
    import torch

    from quantreason.stopping import answer_stopping_criteria

    if samples < 1 or max_new_tokens < 1 or batch_size < 1:
        raise ValueError("samples, max_new_tokens and batch_size must be >= 1")
    Sampling(temperature, top_p)  # validates
    tokenizer, model = loaded.tokenizer, loaded.model
    prompts, order = _prompts_by_length(tokenizer, questions, reply_starts)
    per_call = max(1, batch_size // samples)
    outputs: list[list[str]] = [[] for _ in prompts]
    device = next(model.parameters()).device
    generator_state = rng_state()
    torch.manual_seed(seed)
    try:
        for start in range(0, len(order), per_call):
            batch_ids = order[start : start + per_call]
            encoded = _encode_batch(tokenizer, [prompts[i] for i in batch_ids], device)
            prompt_length = encoded["input_ids"].shape[1]
            # num_return_sequences repeats each prompt in place: row r is question r // samples
            row_starts = (
                [reply_starts[batch_ids[r // samples]] for r in range(len(batch_ids) * samples)]
                if reply_starts is not None
                else None
            )
            with torch.inference_mode():
                generated = model.generate(
                    **encoded,
                    max_new_tokens=max_new_tokens,
                    do_sample=True,
                    temperature=temperature,
                    top_p=top_p,
                    num_return_sequences=samples,
                    pad_token_id=tokenizer.pad_token_id,
                    eos_token_id=tokenizer.eos_token_id,
                    stopping_criteria=answer_stopping_criteria(
                        tokenizer, prompt_length, row_starts
                    ),
                )
            new_tokens = generated[:, prompt_length:]
            for row in range(new_tokens.shape[0]):
                text = tokenizer.decode(new_tokens[row], skip_special_tokens=True).strip()
                outputs[batch_ids[row // samples]].append(text)
            if on_batch is not None:
                on_batch(len(batch_ids))
    finally:
        restore_rng_state(generator_state)
    return outputs


def _left_padded_forward(
    model: Any, rows: Sequence[Sequence[int]], pad: int, **outputs: Any
) -> tuple[Any, Any, Any]:
    """One forward pass (no gradients) over token rows as a left-padded batch, with positions
    counted from each row's first token (as generate() counts them), so padding changes no
    row's result. ``outputs`` asks the model for what to keep (``logits_to_keep``, ...).
    Returns the ids (CPU), the attention mask (on the model's device) and the model's output."""
    import torch

    width = max(len(row) for row in rows)
    ids = torch.full((len(rows), width), pad, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for r, row in enumerate(rows):
        ids[r, width - len(row) :] = torch.tensor(row)
        mask[r, width - len(row) :] = 1
    device = next(model.parameters()).device
    mask = mask.to(device)
    with torch.inference_mode():
        output = model(
            input_ids=ids.to(device),
            attention_mask=mask,
            position_ids=(mask.cumsum(-1) - 1).clamp(min=0),
            **outputs,
        )
    return ids, mask, output


def reply_start_log_probs(
    loaded: LoadedModel,
    questions: Sequence[str],
    reply_starts: Sequence[str],
    *,
    batch_size: int = 32,
) -> list[float]:
    """How likely the model finds each reply start for its question: the summed log-probability
    of the start's tokens after the chat prompt (one forward pass, no generation).

    :mod:`quantreason.task_check` weighs the task a reasoning line names with it.
    """
    import torch

    if len(reply_starts) != len(questions):
        raise ValueError("one reply start per question")
    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    tokenizer, model = loaded.tokenizer, loaded.model
    prompts = encode_prompts(tokenizer, questions)
    texts = [prompt + start for prompt, start in zip(prompts, reply_starts, strict=True)]
    prompt_ids = [tokenizer(p, add_special_tokens=False)["input_ids"] for p in prompts]
    text_ids = [tokenizer(t, add_special_tokens=False)["input_ids"] for t in texts]
    for prompt, text in zip(prompt_ids, text_ids, strict=True):
        # The prompt ends with the assistant turn's newline, so the start's tokens follow it.
        if text[: len(prompt)] != prompt or len(text) == len(prompt):
            raise ValueError("a reply start must add tokens after its prompt")
    device = next(model.parameters()).device
    pad = tokenizer.pad_token_id
    scores: list[float] = []
    for first in range(0, len(texts), batch_size):
        rows = text_ids[first : first + batch_size]
        start_lengths = [len(row) - len(prompt_ids[first + r]) for r, row in enumerate(rows)]
        width = max(len(row) for row in rows)
        # Left padding, positions counted from each row's first token (as generate() does), so
        # every start ends the row and the vocabulary-wide logits are kept for its tokens only.
        keep = max(start_lengths) + 1
        ids, _, output = _left_padded_forward(model, rows, pad, logits_to_keep=keep)
        logits = output.logits
        for r, length in enumerate(start_lengths):
            # Kept logit j predicts the token at width - keep + j + 1.
            log_probs = torch.log_softmax(logits[r, keep - length - 1 : keep - 1].float(), -1)
            targets = ids[r, width - length :, None].to(device)
            scores.append(float(log_probs.gather(-1, targets).sum()))
    return scores


def question_hidden_states(
    loaded: LoadedModel, questions: Sequence[str], layer: int, *, batch_size: int = 32
) -> np.ndarray:
    """Each question's hidden state at ``layer``, averaged over its tokens: the question's
    words alone (no chat prompt), one forward pass per batch, no generation. Rows in question
    order, float32, the same for a question whatever it is batched with (explicit positions,
    padding masked out).

    :class:`quantreason.tasks.classifier.HiddenStateReader` reads the task from it."""
    return question_hidden_states_by_layer(loaded, questions, (layer,), batch_size=batch_size)[
        layer
    ]


def question_hidden_states_by_layer(
    loaded: LoadedModel, questions: Sequence[str], layers: Sequence[int], *, batch_size: int = 32
) -> dict[int, np.ndarray]:
    """:func:`question_hidden_states` at each of ``layers`` from the same forward passes (a
    comparison of layers pays for one pass, not one per layer)."""
    import numpy as np

    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    tokenizer, model = loaded.tokenizer, loaded.model
    depth = model.config.num_hidden_layers
    if not layers:
        raise ValueError("name at least one layer")
    for layer in layers:
        if not 0 <= layer <= depth:
            raise ValueError(f"layer must be in [0, {depth}] for this model, got {layer}")
    # An empty question pools the pad token's state rather than dividing by zero.
    ids = [
        tokenizer(q, add_special_tokens=False)["input_ids"] or [tokenizer.pad_token_id]
        for q in questions
    ]
    pooled: dict[int, list[Any]] = {layer: [] for layer in layers}
    for first in range(0, len(ids), batch_size):
        _, mask, output = _left_padded_forward(
            model,
            ids[first : first + batch_size],
            tokenizer.pad_token_id,
            output_hidden_states=True,
            logits_to_keep=1,
        )
        weights = mask.unsqueeze(-1).to(output.hidden_states[0].dtype)  # one dtype for all
        for layer in pooled:
            mean = (output.hidden_states[layer] * weights).sum(1) / weights.sum(1)
            pooled[layer].append(mean.float().cpu().numpy())
    width = model.config.hidden_size
    return {
        layer: np.concatenate(parts).astype(np.float32)
        if parts
        else np.zeros((0, width), dtype=np.float32)
        for layer, parts in pooled.items()
    }
