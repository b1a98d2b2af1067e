"""The task check: which replies it rewrites, how, and what it reports."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quantreason.data import generate_dataset
from quantreason.reply.formatting import format_response
from quantreason.task_check import check_tasks, reply_start
from quantreason.tasks import get_family
from quantreason.tasks.classifier import TaskClassifier
from quantreason.tasks.classifier_fitting import fit_task_classifier

SHARPE_Q = (
    "A fund returned 11% with 15% volatility while T-bills paid 3%. What is its Sharpe ratio?"
)
CAGR_Q = "A portfolio grew from $20,000 to $35,000 over 6 years. What was its CAGR?"


@pytest.fixture(scope="module")
def classifier() -> TaskClassifier:
    rows = generate_dataset(seed=5, sizes={"train": 1400, "validation": 40})["train"]
    return fit_task_classifier([r["question"] for r in rows], [r["family"] for r in rows])


class Continuations:
    """Records what the check asked the model to continue, and continues with a formula."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def __call__(self, questions: Sequence[str], starts: Sequence[str]) -> list[str]:
        self.asked += list(zip(questions, starts, strict=True))
        return [" (11-3)/15\n" for _ in questions]


def test_a_reply_for_the_right_task_is_left_alone(classifier: TaskClassifier) -> None:
    reply = format_response(get_family("sharpe_ratio").reasoning, "(11-3)/15")
    continuations = Continuations()
    replies, readings = check_tasks(classifier, [SHARPE_Q], [reply], continuations)
    assert replies == [reply] and continuations.asked == []
    assert readings[0].question_task == "sharpe_ratio" and not readings[0].rewritten
    assert readings[0].reply_task == "sharpe_ratio" and readings[0].probability >= 0.5


def test_a_reply_for_another_task_is_written_again_for_the_question_task(
    classifier: TaskClassifier,
) -> None:
    wrong = format_response(get_family("treynor").reasoning, "(11-3)/15")
    right = format_response(get_family("cagr").reasoning, "((35000/20000)**(1/6)-1)*100")
    continuations = Continuations()
    replies, readings = check_tasks(classifier, [SHARPE_Q, CAGR_Q], [wrong, right], continuations)
    assert continuations.asked == [(SHARPE_Q, reply_start("sharpe_ratio"))]
    assert replies[0] == f"{reply_start('sharpe_ratio')} (11-3)/15"
    assert replies[0].startswith("Reasoning: " + get_family("sharpe_ratio").reasoning.strip())
    assert replies[1] == right
    assert [r.rewritten for r in readings] == [True, False]
    assert readings[0].reply_task == "treynor"


def test_free_words_name_no_task_and_are_rewritten(classifier: TaskClassifier) -> None:
    continuations = Continuations()
    replies, readings = check_tasks(
        classifier, [SHARPE_Q], ["The Sharpe ratio is about 0.53."], continuations
    )
    assert readings[0].reply_task is None and readings[0].rewritten
    assert replies[0].endswith("(11-3)/15")


def test_an_unsure_reading_changes_nothing(classifier: TaskClassifier) -> None:
    wrong = format_response(get_family("treynor").reasoning, "(11-3)/15")
    _, probability = classifier.top(SHARPE_Q)
    continuations = Continuations()
    replies, readings = check_tasks(
        classifier, [SHARPE_Q], [wrong], continuations, min_probability=1.0
    )
    assert probability < 1.0 and replies == [wrong] and not readings[0].rewritten
    assert continuations.asked == []


def test_bad_arguments_are_refused(classifier: TaskClassifier) -> None:
    with pytest.raises(ValueError, match="one reply per question"):
        check_tasks(classifier, [SHARPE_Q], [], Continuations())
    with pytest.raises(ValueError, match="min_probability"):
        check_tasks(classifier, [SHARPE_Q], ["x"], Continuations(), min_probability=0.0)
    with pytest.raises(ValueError, match="one continuation per question"):
        check_tasks(classifier, [SHARPE_Q], ["x"], lambda questions, starts: [])


def test_a_classifier_reading_tasks_this_code_does_not_teach_is_refused() -> None:
    questions = [
        "What is the CAGR from 100 to 200 over 5 years?",
        "A portfolio grew from 50 to 80 in 4 years; its compound annual growth rate?",
        "An old-style question about a retired task, with 3 numbers: 4, 5 and 6?",
        "Another retired task question: 7 and 8 and 9?",
    ] * 3
    tasks = ["cagr", "cagr", "retired_task", "retired_task"] * 3
    from quantreason.tasks.classifier_fitting import fit_task_classifier as fit

    stale = fit(questions, tasks)
    with pytest.raises(ValueError, match="retired_task"):
        check_tasks(stale, questions[:1], ["x"], Continuations())
