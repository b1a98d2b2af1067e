"""The task check: a reply that names another task than its question clearly asks for is
rewritten for the question's task.

The fine-tuned model opens each reply with its task's reasoning sentence. On wording it never
saw, it often names a neighbouring task and then writes that task's formula well (a dividend
"just paid" priced as next year's; a beta read as a volatility). The task classifier
(:mod:`quantreason.tasks.classifier`) reads the task from the question's words alone. When it
is at least :data:`MIN_PROBABILITY` sure of a task and the reply names another one, the model
writes the reply again, begun with that task's reasoning line, so that it only has to place the
numbers. One extra greedy generation for the few replies that disagree; the others are
untouched. Measured in ``reports/local/experiments.md`` (session 8).

One rule for evaluation, serving and ``quantreason ask``; the caller passes the generation
(``continue_replies``), so this core module imports no engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from quantreason.reply import split_response
from quantreason.reply.contract import FORMULA_PREFIX, REASONING_PREFIX
from quantreason.tasks import FAMILIES, family_for_reasoning, get_family
from quantreason.tasks.classifier import TaskClassifier

# Tuned on validation + handwritten_dev (run T's replies): 0.3-0.7 all gained, 0.5 lost nothing.
MIN_PROBABILITY = 0.5

# ``continue_replies(questions, reply_starts)`` -> each reply's continuation after its start.
ContinueReplies = Callable[[Sequence[str], Sequence[str]], list[str]]


@dataclass(frozen=True)
class TaskReading:
    """What the check saw for one question."""

    question_task: str  # the classifier's most likely task
    probability: float  # its probability
    reply_task: str | None  # the task the model's first reply named
    rewritten: bool  # the reply was written again for ``question_task``
    confident: bool  # probability >= the check's threshold: only replies for it vote

    @property
    def voting_task(self) -> str | None:
        """The task a reply must name to vote (:func:`quantreason.consensus.decide`), or None
        when the reading is not confident."""
        return self.question_task if self.confident else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return asdict(self)


def check_classifier(classifier: TaskClassifier) -> TaskClassifier:
    """``classifier`` when every task it reads is a family of this code; ``ValueError`` naming
    the others (a classifier fitted on another family list), before any question is asked."""
    unknown = sorted(set(classifier.tasks) - set(FAMILIES))
    if unknown:
        raise ValueError(
            f"the task classifier reads tasks this code does not teach: {', '.join(unknown)}; "
            "fit it again on this code's data (`quantreason task-classifier --data DIR`)"
        )
    return classifier


def reply_start(task: str) -> str:
    """The opening a reply for ``task`` is trained to have, up to its formula."""
    return f"{REASONING_PREFIX} {get_family(task).reasoning.strip()}\n{FORMULA_PREFIX}"


def check_tasks(
    classifier: TaskClassifier,
    questions: Sequence[str],
    replies: Sequence[str],
    continue_replies: ContinueReplies,
    min_probability: float = MIN_PROBABILITY,
) -> tuple[list[str], list[TaskReading]]:
    """The replies, each one whose task disagrees with a confident reading of its question
    written again for the question's task, and what the check saw for each question."""
    if len(questions) != len(replies):
        raise ValueError("one reply per question")
    if not 0.0 < min_probability <= 1.0:
        raise ValueError(f"min_probability must be in (0, 1], got {min_probability}")
    check_classifier(classifier)
    readings = []
    for question, reply in zip(questions, replies, strict=True):
        task, probability = classifier.top(question)
        named = family_for_reasoning(split_response(reply).reasoning)
        reply_task = named.name if named is not None else None
        confident = probability >= min_probability
        rewrite = confident and reply_task != task
        readings.append(TaskReading(task, round(probability, 4), reply_task, rewrite, confident))
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
