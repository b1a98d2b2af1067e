"""The task check: a reply that names another task than its question asks for is rewritten
for the question's task.

The fine-tuned model opens each reply with its task's reasoning sentence. On wording it never
saw, it often names a neighbouring task and then writes that task's formula well (a dividend
"just paid" priced as next year's; a beta read as a volatility). The task classifier
(:mod:`quantreason.tasks.classifier`) reads the task from the question's words alone. When the
two disagree, both are weighed: each of the classifier's :data:`CANDIDATES` likeliest tasks and
the reply's own task gets the model's log-probability of its reasoning line (one forward pass,
``score_starts``) plus the log of the classifier's probability, and the best-scoring task wins
(a product of the two readings). When that is not the reply's task, the model writes the reply
again, begun with the winner's reasoning line, so that it only has to place the numbers. A
reply that names no task is rewritten when the classifier is at least :data:`MIN_PROBABILITY`
sure. Replies that agree with the classifier cost nothing. Measured in
``reports/local/experiments.md`` (sessions 8 and 10). A classifier with a hidden-state reader
also reads each question's pooled hidden state (``question_states``, one forward pass over the
question's words) from the model that answers.

One rule for evaluation, serving and ``quantreason ask``; the caller passes the generation
(``continue_replies``) and the scoring (``score_starts``), so this core module imports no engine.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quantreason.reply import split_response
from quantreason.reply.contract import FORMULA_PREFIX, REASONING_PREFIX
from quantreason.tasks import FAMILIES, family_for_reasoning, get_family
from quantreason.tasks.classifier import TaskClassifier

if TYPE_CHECKING:
    import numpy as np

# Tuned on validation + handwritten_dev (run T's replies): 0.3-0.7 all gained, 0.5 lost nothing.
# Also the confidence above which only replies for the chosen task vote.
MIN_PROBABILITY = 0.5
# The classifier's likeliest tasks weighed against the reply's (validation_tune, run X: 2, 3
# and 5 chose the same tasks).
CANDIDATES = 3

# ``continue_replies(questions, reply_starts)`` -> each reply's continuation after its start.
ContinueReplies = Callable[[Sequence[str], Sequence[str]], list[str]]
# ``score_starts(questions, reply_starts)`` -> the model's log-probability of each start.
ScoreStarts = Callable[[Sequence[str], Sequence[str]], list[float]]
# ``question_states(questions, layer)`` -> (questions, width): each question's pooled state
# (:func:`quantreason.generation.question_hidden_states` on the answering model).
QuestionStates = Callable[[Sequence[str], int], "np.ndarray"]


@dataclass(frozen=True)
class TaskReading:
    """What the check saw for one question."""

    question_task: str  # the task chosen for the question (the classifier's, or weighed)
    probability: float  # the classifier's probability of ``question_task``
    reply_task: str | None  # the task the model's first reply named
    rewritten: bool  # the reply was written again for ``question_task``
    confident: bool  # probability >= the check's threshold: only replies for it vote
    weighed: bool = False  # the reply and the classifier disagreed: the model scored both

    @property
    def voting_task(self) -> str | None:
        """The task a reply must name to vote (:func:`quantreason.consensus.decide`), or None
        when the reading is not confident."""
        return self.question_task if self.confident else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return asdict(self)


def check_classifier(
    classifier: TaskClassifier, adapter: str | Path | None = None
) -> TaskClassifier:
    """``classifier`` when every task it reads is a family of this code and, when it reads
    hidden states, ``adapter`` is the one it was fitted on; ``ValueError`` saying which is not
    (a classifier fitted on another family list, or another model's states), before any
    question is asked."""
    unknown = sorted(set(classifier.tasks) - set(FAMILIES))
    if unknown:
        raise ValueError(
            f"the task classifier reads tasks this code does not teach: {', '.join(unknown)}; "
            "fit it again on this code's data (`quantreason task-classifier --data DIR`)"
        )
    if classifier.hidden is not None and adapter is not None:
        from quantreason.hashing import adapter_digest

        found = adapter_digest(Path(adapter))
        if found != classifier.hidden.adapter_digest:
            raise ValueError(
                f"the task classifier reads the hidden states of adapter "
                f"{classifier.hidden.adapter_digest}, not of {adapter} ({found}): fit it again "
                "for this adapter (`quantreason task-classifier --data DIR --adapter DIR`)"
            )
    return classifier


def reply_start(task: str) -> str:
    """The opening a reply for ``task`` is trained to have, up to its formula."""
    return f"{REASONING_PREFIX} {get_family(task).reasoning.strip()}\n{FORMULA_PREFIX}"


def _read_questions(
    classifier: TaskClassifier,
    questions: Sequence[str],
    question_states: QuestionStates | None,
) -> list[dict[str, float]]:
    """The classifier's task probabilities for each question (with their hidden states when it
    reads them)."""
    if classifier.hidden is None:
        return [classifier.probabilities(question) for question in questions]
    if question_states is None:
        raise ValueError("this task classifier reads hidden states: pass question_states")
    states = question_states(questions, classifier.hidden.layer)
    if len(states) != len(questions):
        raise ValueError("question_states must give one state per question")
    return [
        classifier.probabilities(question, state)
        for question, state in zip(questions, states, strict=True)
    ]


def _weigh(
    probabilities: dict[str, float], candidates: Sequence[str], log_probs: Sequence[float]
) -> str:
    """The candidate task with the best model log-probability + log classifier probability."""
    scores = [
        log_prob + math.log(max(probabilities.get(task, 0.0), 1e-12))
        for task, log_prob in zip(candidates, log_probs, strict=True)
    ]
    return candidates[max(range(len(candidates)), key=scores.__getitem__)]


def check_tasks(
    classifier: TaskClassifier,
    questions: Sequence[str],
    replies: Sequence[str],
    continue_replies: ContinueReplies,
    score_starts: ScoreStarts,
    min_probability: float = MIN_PROBABILITY,
    question_states: QuestionStates | None = None,
) -> tuple[list[str], list[TaskReading]]:
    """The replies, each one whose task loses to another reading of its question written again
    for that task, and what the check saw for each question. ``question_states`` is required
    when the classifier reads hidden states (``ValueError`` otherwise)."""
    if len(questions) != len(replies):
        raise ValueError("one reply per question")
    if not 0.0 < min_probability <= 1.0:
        raise ValueError(f"min_probability must be in (0, 1], got {min_probability}")
    check_classifier(classifier)
    probabilities = _read_questions(classifier, questions, question_states)
    named = [family_for_reasoning(split_response(reply).reasoning) for reply in replies]
    reply_tasks = [family.name if family is not None else None for family in named]
    # A reply naming another task: the model scores the classifier's likeliest tasks and its own.
    candidates: dict[int, list[str]] = {}
    for index, (probs, reply_task) in enumerate(zip(probabilities, reply_tasks, strict=True)):
        likeliest = sorted(probs, key=probs.__getitem__, reverse=True)[:CANDIDATES]
        if reply_task is not None and reply_task != likeliest[0]:
            candidates[index] = list(dict.fromkeys([*likeliest, reply_task]))
    pairs = [(i, task) for i, tasks in candidates.items() for task in tasks]
    scores = (
        score_starts([questions[i] for i, _ in pairs], [reply_start(t) for _, t in pairs])
        if pairs
        else []
    )
    if len(scores) != len(pairs):
        raise ValueError("score_starts must give one score per reply start")
    log_probs: dict[int, list[float]] = {}
    for (index, _), score in zip(pairs, scores, strict=True):
        log_probs.setdefault(index, []).append(score)
    readings = []
    for index, (probs, reply_task) in enumerate(zip(probabilities, reply_tasks, strict=True)):
        top = max(probs, key=probs.__getitem__)
        if index in candidates:
            task = _weigh(probs, candidates[index], log_probs[index])
            rewrite = task != reply_task
        else:  # agreement, or a reply naming no task: the classifier's reading when it is sure
            task = top
            rewrite = reply_task is None and probs[top] >= min_probability
        probability = probs.get(task, 0.0)  # a task the classifier never saw reads as 0
        readings.append(
            TaskReading(
                task,
                round(probability, 4),
                reply_task,
                rewrite,
                probability >= min_probability,
                index in candidates,
            )
        )
    redo = [i for i, reading in enumerate(readings) if reading.rewritten]
    checked = list(replies)
    if redo:
        starts = [reply_start(readings[i].question_task) for i in redo]
        continuations = continue_replies([questions[i] for i in redo], starts)
        if len(continuations) != len(redo):
            raise ValueError("continue_replies must give one continuation per question")
        for index, start, continuation in zip(redo, starts, continuations, strict=True):
            checked[index] = f"{start} {continuation.strip()}"
    return checked, readings
