"""The predictor: a loaded model that answers validated requests with the response JSON.

``load_predictor`` loads the base model (+ the adapter found in the model directory) once,
starts the batcher (:mod:`quantreason.serving.batching`) and warms up; ``Predictor.predict``
answers a request; ``answer_record`` turns a reply into the response JSON, whose ``answer`` is
the evaluated formula (``quantreason.reply.interpret_response``), with the self-consistency
decision's fields (``quantreason.consensus``; greedy only unless samples are asked for).
Responses are encoded with sorted keys and no timings, so the same request always gives
byte-identical bytes (decoding is greedy, and a question's answer does not depend on what it
was batched with) unless sampled votes are on: with batching, those come from a second engine
that samples (seeded once, at load), so a repeated request may be voted on differently.

Transport lives elsewhere: the local HTTP app (:mod:`quantreason.serving.http_app`) and the
SageMaker toolkit entry point (:mod:`quantreason.serving.toolkit`) both call this module.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quantreason import naming
from quantreason.consensus import decide_batch, response_fields
from quantreason.generation import DEFAULT_TOP_P, Sampling
from quantreason.hashing import adapter_digest
from quantreason.reply import interpret_response, split_response, unit_of
from quantreason.serving.errors import InternalError, ServingError
from quantreason.serving.protocol import InferenceRequest, encode_json
from quantreason.serving.settings import ServingSettings
from quantreason.task_check import check_classifier, check_tasks
from quantreason.tasks import family_for_reasoning
from quantreason.tasks.classifier import CLASSIFIER_FILE, TaskClassifier
from quantreason.tasks.shapes import taught_shapes, taught_slots

if TYPE_CHECKING:
    from quantreason.generation import LoadedModel
    from quantreason.serving.batching import ContinuousBatcher

log = logging.getLogger(__name__)

WARMUP_QUESTION = "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?"


def _finite(value: float | None) -> float | None:
    # JSON has no inf/nan: a formula like 1/0 gives no answer rather than invalid JSON.
    return value if value is not None and math.isfinite(value) else None


def answer_record(text: str, *, model: str, adapter: str | None, output_tokens: int) -> dict:
    """Response object for one reply; valid JSON whatever the model wrote.

    ``task`` is the family whose reasoning sentence the reply opens with (what the model took
    the question for), and ``unit`` that family's unit; a reply in free words names no task,
    and its unit is read from its ``Answer:`` line if it has one.
    """
    interpreted = interpret_response(text)
    answer = _finite(interpreted.answer)
    parts = split_response(text)
    task = family_for_reasoning(parts.reasoning)
    return {
        "answer": answer,
        "task": task.name if task is not None else None,
        "unit": task.unit if task is not None else unit_of(parts.answer_text),
        "formula": interpreted.formula,
        "formula_error": interpreted.formula_error,
        "stated_answer": _finite(interpreted.stated_value),
        "parse_failed": answer is None,
        "completion": text,
        "output_tokens": output_tokens,
        "model": model,
        "adapter": adapter,
    }


@dataclass
class Predictor:
    """A loaded model answering validated requests (thread-safe when it has a batcher)."""

    loaded: LoadedModel
    settings: ServingSettings
    model_name: str
    adapter_name: str | None
    batcher: ContinuousBatcher | None = None
    # Draws the vote's sampled replies through the engine (when batching and voting are on).
    sampling_batcher: ContinuousBatcher | None = None
    # The task check's question classifier (None: replies are not task-checked).
    task_classifier: TaskClassifier | None = None
    # The model for passes outside the engine (the task check's scoring): the same weights
    # in modules of their own while an engine runs (``engine_free_copy``), else ``loaded``.
    direct: LoadedModel | None = None
    # Without a batcher, one request at a time; the tokenizer is not thread-safe either way.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def completions(
        self,
        questions: Sequence[str],
        max_new_tokens: int,
        reply_starts: Sequence[str] | None = None,
    ) -> list[str]:
        """Greedy replies (continuations of ``reply_starts`` when given): through the batcher
        if there is one, else as one padded batch."""
        if self.batcher is not None:
            return self.batcher.generate(questions, max_new_tokens, reply_starts=reply_starts)
        from quantreason.generation import generate

        with self._lock:
            return generate(
                self.loaded,
                questions,
                max_new_tokens=max_new_tokens,
                batch_size=len(questions),
                reply_starts=reply_starts,
            )

    @property
    def unbatched(self) -> LoadedModel:
        """The model to run a forward pass on outside the continuous-batching engine."""
        return self.direct if self.direct is not None else self.loaded

    def score_starts(self, questions: Sequence[str], starts: Sequence[str]) -> list[float]:
        """The model's log-probability of each reply start (the task check weighs tasks with
        it): one padded forward pass, outside the batcher, under the model lock."""
        from quantreason.generation import reply_start_log_probs

        with self._lock:
            return reply_start_log_probs(self.unbatched, questions, starts)

    def question_states(self, questions: Sequence[str], layer: int) -> Any:
        """Each question's pooled hidden state at ``layer`` (the task classifier's hidden-state
        reader reads it): one padded forward pass, outside the batcher, under the model lock."""
        from quantreason.generation import question_hidden_states

        with self._lock:
            return question_hidden_states(self.unbatched, questions, layer)

    def predict(self, request: InferenceRequest) -> dict | list[dict]:
        """Answer all questions of ``request`` (one object if it sent one string)."""
        texts = self.completions(request.questions, request.max_new_tokens)
        readings: list[dict | None] = [None] * len(texts)
        voting_tasks: list[str | None] = [None] * len(texts)
        if self.task_classifier is not None and self.settings.task_check > 0:
            texts, checked = check_tasks(
                self.task_classifier,
                request.questions,
                texts,
                lambda questions, starts: self.completions(
                    questions, request.max_new_tokens, starts
                ),
                self.score_starts,
                self.settings.task_check,
                question_states=self.question_states,
            )
            readings = [reading.to_dict() for reading in checked]
            voting_tasks = [reading.voting_task for reading in checked]
        decide = functools.partial(
            decide_batch,
            self.loaded,
            request.questions,
            texts,
            self.settings.self_consistency,
            max_new_tokens=request.max_new_tokens,
            question_tasks=voting_tasks,
        )
        if self.sampling_batcher is not None:
            # Sampled votes share the engine's steps with other requests' (it locks the
            # tokenizer itself).
            sampling_batcher = self.sampling_batcher
            decisions = decide(
                sampler=lambda questions, samples: sampling_batcher.sample(
                    questions, samples, request.max_new_tokens
                )
            )
        else:
            with self._lock:  # without an engine, votes draw with generate(): serialised
                decisions = decide()
        # The record reads the reply the answer comes from (a sample when the greedy reply lost
        # the vote), so its task, unit and completion agree with the answer.
        chosen = [decision.reply for decision in decisions]
        tokenizer = self.loaded.tokenizer
        with self._lock:
            counts = [len(tokenizer(t, add_special_tokens=False)["input_ids"]) for t in chosen]
        records = [
            answer_record(
                text, model=self.model_name, adapter=self.adapter_name, output_tokens=count
            )
            | response_fields(decision)
            | {"task_check": reading}
            for text, count, decision, reading in zip(
                chosen, counts, decisions, readings, strict=True
            )
        ]
        return records[0] if request.single else records

    def predict_bytes(self, request: InferenceRequest) -> bytes:
        """:meth:`predict` encoded; a failure that is not a ServingError becomes a 500."""
        try:
            return encode_json(self.predict(request))
        except ServingError:
            raise
        except Exception as err:  # a fault of ours, never a client mistake
            log.exception("prediction failed")
            raise InternalError(f"prediction failed: {type(err).__name__}") from err

    def close(self) -> None:
        """Stop the batcher (running requests finish first)."""
        for batcher in (self.batcher, self.sampling_batcher):
            if batcher is not None:
                batcher.stop()


def find_adapter(model_dir: str | Path | None) -> Path | None:
    """The PEFT adapter directory inside ``model_dir`` (its root), or None for the base model."""
    if model_dir is None:
        return None
    path = Path(model_dir)
    return path if naming.is_adapter_dir(path) else None


def find_task_classifier(model_dir: str | Path | None) -> Path | None:
    """The task classifier packaged beside the adapter in ``model_dir``, or None."""
    if model_dir is None:
        return None
    path = Path(model_dir) / CLASSIFIER_FILE
    return path if path.is_file() else None


def load_predictor(
    model_dir: str | Path | None,
    settings: ServingSettings | None = None,
    task_classifier: str | Path | None = None,
) -> Predictor:
    """Load base model + adapter (merged unless disabled), start batching, warm up once.

    The task check runs when a classifier is given, or packaged in ``model_dir``
    (``model.tar.gz`` holds it), and ``settings.task_check`` is above 0."""
    from quantreason.generation import load_model
    from quantreason.models import resolve_model

    settings = settings or ServingSettings.from_env()
    adapter = find_adapter(model_dir)
    classifier_path = task_classifier or find_task_classifier(model_dir)
    # A bad classifier file fails here, before any weight is read.
    classifier = (
        check_classifier(TaskClassifier.load(classifier_path), adapter)
        if classifier_path is not None and adapter is not None and settings.task_check > 0
        else None
    )
    log.info("task check: %s", classifier_path if classifier is not None else "off")
    base_path = resolve_model(settings.base_model)
    log.info("loading base %s with adapter %s", settings.base_model, adapter)
    loaded = load_model(
        base_path, adapter, merge=settings.merge_adapter, precision=settings.precision
    )
    tokenizer_lock = threading.Lock()
    taught_shapes()  # the form check's tables (~0.8 s), built before the first request
    taught_slots()
    # Copied before any engine starts, so the copy holds none of an engine's state.
    direct = engine_free_copy(loaded) if settings.batching.enabled else None
    batcher = _start_batcher(loaded, settings, tokenizer_lock)
    if batcher is None:
        direct = None  # no engine: every pass runs on ``loaded``, one request at a time
    sampling_batcher = None
    voting_on = settings.self_consistency.samples or settings.self_consistency.retry_samples
    if batcher is not None and voting_on:
        voting = settings.self_consistency
        sampling = Sampling(temperature=voting.temperature, top_p=DEFAULT_TOP_P)
        sampling_batcher = _start_batcher(loaded, settings, tokenizer_lock, sampling, voting.seed)
    predictor = Predictor(
        loaded=loaded,
        settings=settings,
        model_name=settings.base_model,
        adapter_name=adapter_identity(adapter),
        batcher=batcher,
        sampling_batcher=sampling_batcher,
        task_classifier=classifier,
        direct=direct,
        _lock=tokenizer_lock,
    )
    if settings.warmup:
        # First call pays one-off costs (allocator, kernels); pay them before /ping says ready.
        predictor.completions([WARMUP_QUESTION], max_new_tokens=4)
    return predictor


def engine_free_copy(loaded: LoadedModel) -> LoadedModel:
    """``loaded`` with the same weights in modules of its own.

    A forward pass run on the engine's own modules while the continuous-batching engine steps
    in its thread reads state a step leaves on them: under load, the task check's log-probs
    came out about 0.5 nat off and greedy text changed in 40 of 40 tries on the tiny model,
    and in none on a copy (experiments.md, session 32). The copy shares every parameter
    (no second set of weights); buffers and module attributes are its own."""
    import copy

    memo: dict[int, Any] = {id(parameter): parameter for parameter in loaded.model.parameters()}
    return dataclasses.replace(loaded, model=copy.deepcopy(loaded.model, memo))


def _start_batcher(
    loaded: LoadedModel,
    settings: ServingSettings,
    tokenizer_lock: threading.Lock,
    sampling: Sampling | None = None,
    seed: int | None = None,
) -> ContinuousBatcher | None:
    """The running batcher (greedy, or sampling with ``sampling``), or None when batching is
    off or this transformers lacks it."""
    if not settings.batching.enabled:
        return None
    from quantreason.serving.batching import ContinuousBatcher, engine_available

    if not engine_available():
        log.warning("this transformers has no continuous batching: one request at a time")
        return None
    batcher = ContinuousBatcher(
        loaded,
        settings.batching,
        max_new_tokens=settings.limits.max_new_tokens_limit,
        tokenizer_lock=tokenizer_lock,
        sampling=sampling,
        seed=seed,
    )
    batcher.start()
    return batcher


def adapter_identity(adapter: Path | None) -> str | None:
    """``<dir name>@<sha256 prefix of the weights>``: says exactly which adapter answered."""
    if adapter is None:
        return None
    return f"{adapter.name}@{adapter_digest(adapter)}"
