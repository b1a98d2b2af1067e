"""Requests that arrive while the model is busy are answered together.

:class:`ContinuousBatcher` hands every question to transformers' own continuous-batching engine
(``ContinuousBatchingManager``, transformers 5.24: paged KV cache, one background generation
loop). A question that arrives while others are being generated joins the running batch at the
next step — no gather window to wait for, and no row waits for a longer one: each finished
question leaves the batch and answers at once. What bounds it:

- ``max_sequences``: questions generated together in one step, across all requests (more wait
  in the engine's queue);
- per question, its own request's ``max_new_tokens`` (the token budget);
- ``request_timeout_s``: a request waits at most this long for its answers (then it is
  cancelled and answered 503);
- the KV cache is sized for ``max_sequences`` prompts + answers, not from free memory (the
  engine's default takes 60 % of a CPU machine's free RAM).

Decoding is greedy with the same prompt, end-of-turn token and special-token handling as
:func:`quantreason.generation.generate`, so a question's answer does not depend on what it was
batched with (``tests/inference/test_request_batching.py`` checks it byte for byte).

A batcher built with a :class:`~quantreason.generation.Sampling` samples instead (the engine
decides greedy or sampled once, for all its requests): :func:`sample_continuous` draws the
self-consistent vote's replies this way, each question submitted ``k`` times, every reply
ending at its ``Answer:`` line. The engine is seeded when its loop starts, but sampled replies
reproduce only approximately: which rows share a step changes the order of the arithmetic, so
a near-tie between two tokens can fall the other way.
"""

from __future__ import annotations

import itertools
import logging
import math
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, wait
from typing import TYPE_CHECKING, Any

from quantreason.generation import Sampling, encode_prompts, restore_rng_state, rng_state
from quantreason.serving.errors import Overloaded
from quantreason.serving.settings import BatchSettings

if TYPE_CHECKING:
    from quantreason.generation import LoadedModel

log = logging.getLogger(__name__)

PAGE_TOKENS = 256  # the engine's KV page size (its default)
PROMPT_TOKENS_BUDGET = 768  # instruction + chat template + a 2000-character question, rounded up
STEP_TOKENS = 1024  # tokens per engine step (prefill chunks): bounds the attention-mask memory
POLL_S = 0.1


# The engine settings we set; transformers 5.24 has them all. The inference DLC's transformers
# (5.5.3, infra/dlc_images.json) names them otherwise (block_size, no max_requests_per_batch).
ENGINE_SETTINGS = frozenset(
    {"page_size", "num_blocks", "max_batch_tokens", "max_requests_per_batch", "allow_block_sharing"}
)


def engine_available() -> bool:
    """True when the installed transformers has the continuous-batching engine as we use it.

    Where it does not (the Hugging Face inference container), the predictor answers each
    request as one padded batch, which is all a toolkit worker can do anyway: it is handed one
    request at a time.
    """
    import inspect

    import transformers

    config = getattr(transformers, "ContinuousBatchingConfig", None)
    return config is not None and set(inspect.signature(config).parameters) >= ENGINE_SETTINGS


class GenerationFailed(RuntimeError):
    """The engine reported an error for a question."""


class ContinuousBatcher:
    """Completions for questions from many threads, generated together: greedy, or sampled
    when built with ``sampling`` (then ``seed`` seeds torch as the engine's loop starts)."""

    def __init__(
        self,
        loaded: LoadedModel,
        settings: BatchSettings,
        max_new_tokens: int,
        tokenizer_lock: threading.Lock | None = None,
        *,
        sampling: Sampling | None = None,
        seed: int | None = None,
    ) -> None:
        from transformers import ContinuousBatchingConfig, GenerationConfig

        self.loaded = loaded
        self.settings = settings
        self.sampling = sampling
        tokenizer = loaded.tokenizer
        decoding: dict[str, Any] = {"do_sample": False}
        if sampling is not None:
            # The engine turns these into its own temperature / top-p warpers (and generate()'s
            # default top_k=50, as generation.sample gets it).
            decoding = {
                "do_sample": True,
                "temperature": sampling.temperature,
                "top_p": sampling.top_p,
            }
        self._generation_config = GenerationConfig(
            **decoding,
            max_new_tokens=max_new_tokens,
            eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
        )
        pages_per_question = math.ceil((PROMPT_TOKENS_BUDGET + max_new_tokens) / PAGE_TOKENS)
        self._engine_config = ContinuousBatchingConfig(
            page_size=PAGE_TOKENS,
            num_blocks=settings.max_sequences * pages_per_question,
            max_batch_tokens=STEP_TOKENS,
            max_requests_per_batch=settings.max_sequences,
            allow_block_sharing=False,  # prefix sharing reorders nothing for us; keep it simple
            seed=seed,  # torch.manual_seed(seed) when the loop starts (None: a random one)
        )
        self._manager: Any = None
        self._pending: dict[str, Future[list[int]]] = {}
        # request id -> the reply's given start, for the requests streamed to check the stop rule
        self._stop_at_answer: dict[str, str] = {}
        self._lock = threading.Lock()  # guards _pending
        # The tokenizer is not thread-safe: share one lock with whoever else uses it.
        self._tokenizer_lock = tokenizer_lock or threading.Lock()
        self._ids = itertools.count()
        self._running = threading.Event()
        self._dispatcher: threading.Thread | None = None

    def start(self) -> None:
        """Start the engine's generation loop and the thread that hands results back."""
        import torch

        def start_engine() -> None:
            with torch.inference_mode():  # the loop runs with its starter's inference mode
                self._manager = self.loaded.model.init_continuous_batching(
                    generation_config=self._generation_config,
                    continuous_batching_config=self._engine_config,
                )
                self._manager.start()

        # Started from a daemon thread, the engine's loop thread is a daemon too: a model
        # server that exits without stop() (the toolkit never calls one) is not held open.
        starter = threading.Thread(target=start_engine, name="batch-start", daemon=True)
        starter.start()
        starter.join()
        if self._manager is None or not self._manager.is_running():
            raise RuntimeError("the continuous-batching engine did not start")
        self._running.set()
        self._dispatcher = threading.Thread(
            target=self._dispatch, name="batch-results", daemon=True
        )
        self._dispatcher.start()

    def stop(self) -> None:
        """Finish what is running, stop the loop, fail anything still waiting."""
        if self._manager is None:
            return
        self._manager.stop(block=True, timeout=60)
        self._running.clear()
        if self._dispatcher is not None:
            self._dispatcher.join(timeout=5)
        self._manager.destroy()
        self._manager = None
        self._fail_pending(GenerationFailed("generation stopped"))

    def generate(
        self,
        questions: Sequence[str],
        max_new_tokens: int,
        *,
        stop_at_answer: bool = False,
        reply_starts: Sequence[str] | None = None,
    ) -> list[str]:
        """Greedy answers for ``questions`` (in order), each within ``max_new_tokens``.

        ``stop_at_answer`` ends a question once it has written a complete ``Answer:`` line, the
        rule of :func:`quantreason.generation.generate` (its tokens are streamed and checked
        after each step, as that rule's stopping criterion checks each row). With
        ``reply_starts`` each reply continues from its start; only the continuation is returned.
        """
        if self._manager is None:
            raise RuntimeError("the batcher is not started")
        with self._tokenizer_lock:
            prompts = encode_prompts(self.loaded.tokenizer, questions, reply_starts)
            token_ids = [
                self.loaded.tokenizer(p, add_special_tokens=False)["input_ids"] for p in prompts
            ]
        starts = reply_starts if reply_starts is not None else [""] * len(token_ids)
        futures = [
            self._submit(ids, max_new_tokens, stop_at_answer, start)
            for ids, start in zip(token_ids, starts, strict=True)
        ]
        _, late = wait(futures, timeout=self.settings.request_timeout_s)
        if late:
            with self._lock:
                cancelled = [rid for rid, future in self._pending.items() if future in late]
                for request_id in cancelled:
                    del self._pending[request_id]
            for request_id in cancelled:
                self._manager.cancel_request(request_id)
            raise Overloaded(
                f"no answer within {self.settings.request_timeout_s:.0f} s; retry later"
            )
        outputs = [future.result() for future in futures]
        with self._tokenizer_lock:
            decode = self.loaded.tokenizer.decode
            return [decode(ids, skip_special_tokens=True).strip() for ids in outputs]

    def sample(
        self, questions: Sequence[str], samples: int, max_new_tokens: int
    ) -> list[list[str]]:
        """``samples`` sampled replies per question (in question order), each ending at its
        ``Answer:`` line: every question is submitted ``samples`` times."""
        if self.sampling is None:
            raise RuntimeError("this batcher is greedy: build it with a Sampling to sample")
        if samples < 1:
            raise ValueError("samples must be >= 1")
        replies = self.generate(
            [q for q in questions for _ in range(samples)], max_new_tokens, stop_at_answer=True
        )
        return [replies[i : i + samples] for i in range(0, len(replies), samples)]

    def _submit(
        self, token_ids: list[int], max_new_tokens: int, stop_at_answer: bool, reply_start: str
    ) -> Future[list[int]]:
        future: Future[list[int]] = Future()
        request_id = f"q{next(self._ids)}"
        with self._lock:
            self._pending[request_id] = future
            if stop_at_answer:
                self._stop_at_answer[request_id] = reply_start
        added = self._manager.add_request(
            token_ids,
            request_id=request_id,
            max_new_tokens=max_new_tokens,
            streaming=stop_at_answer,  # every step's tokens, to check the stop rule
        )
        if added is None:  # the engine refuses new requests (stopping or failed)
            with self._lock:
                self._pending.pop(request_id, None)
            raise Overloaded("generation engine is not accepting requests")
        return future

    def _dispatch(self) -> None:
        """Move each finished result from the engine's queue to the future waiting for it."""
        while self._running.is_set():
            if not self._manager.is_running():
                self._fail_pending(GenerationFailed("generation loop stopped"))
                time.sleep(POLL_S)
                continue
            result = self._manager.get_result(timeout=POLL_S)
            if result is None:
                continue
            stopped = not result.is_finished() and self._answer_complete(result)
            if not (result.is_finished() or stopped):
                continue
            with self._lock:
                future = self._pending.pop(result.request_id, None)
                self._stop_at_answer.pop(result.request_id, None)
            if future is None:  # cancelled after its timeout, or stopped at its answer
                continue
            if stopped:
                self._manager.cancel_request(result.request_id)
            if result.error is not None:
                future.set_exception(GenerationFailed(result.error))
            else:
                future.set_result(list(result.generated_tokens))

    def _answer_complete(self, result: Any) -> bool:
        """The stop rule of ``stopping.answer_stopping_criteria`` on a streamed partial result."""
        from quantreason.reply import has_complete_answer

        tokens = result.generated_tokens
        start = self._stop_at_answer.get(result.request_id)
        if start is None or not tokens:
            return False
        with self._tokenizer_lock:
            decode = self.loaded.tokenizer.decode
            # Only a newline can complete a line: decode the whole row only after one.
            if "\n" not in decode(tokens[-1:]):
                return False
            return has_complete_answer(start + decode(tokens, skip_special_tokens=True))

    def _fail_pending(self, error: Exception) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
            self._stop_at_answer.clear()
        for future in pending.values():
            if not future.done():
                future.set_exception(error)


def generate_continuous(
    loaded: LoadedModel,
    questions: Sequence[str],
    *,
    max_new_tokens: int,
    max_sequences: int,
    stop_at_answer: bool = False,
    reply_starts: Sequence[str] | None = None,
) -> list[str]:
    """:func:`quantreason.generation.generate`'s answers through the continuous-batching engine.

    Up to ``max_sequences`` questions are generated at once; a finished one makes room for the
    next at once instead of waiting for the longest row of a padded batch.
    """
    settings = BatchSettings(max_sequences=max_sequences, request_timeout_s=24 * 3600.0)
    batcher = ContinuousBatcher(loaded, settings, max_new_tokens)
    batcher.start()
    try:
        return batcher.generate(
            questions, max_new_tokens, stop_at_answer=stop_at_answer, reply_starts=reply_starts
        )
    finally:
        batcher.stop()


def sample_continuous(
    loaded: LoadedModel,
    questions: Sequence[str],
    samples: int,
    *,
    max_new_tokens: int,
    temperature: float,
    top_p: float,
    seed: int,
    max_sequences: int,
) -> list[list[str]]:
    """:func:`quantreason.generation.sample`'s replies through the continuous-batching engine.

    ``samples`` replies per question, in question order; up to ``max_sequences`` replies are
    generated at once, and one that reaches its ``Answer:`` line makes room for the next at
    once. Torch is seeded with ``seed`` as the engine starts and its state restored after, but
    replies reproduce only approximately (the batch composition changes the arithmetic order).
    """
    settings = BatchSettings(max_sequences=max_sequences, request_timeout_s=24 * 3600.0)
    sampling = Sampling(temperature=temperature, top_p=top_p)
    generator_state = rng_state()
    batcher = ContinuousBatcher(loaded, settings, max_new_tokens, sampling=sampling, seed=seed)
    batcher.start()
    try:
        return batcher.sample(questions, samples, max_new_tokens)
    finally:
        batcher.stop()
        restore_rng_state(generator_state)
