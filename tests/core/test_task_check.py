"""The task check: which replies it rewrites, how, and what it reports."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quantreason.data import generate_dataset
from quantreason.reply.formatting import format_response
from quantreason.task_check import CANDIDATES, check_tasks, reply_start
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


class Scores:
    """The model's log-probability of each reply start: ``preferred`` tasks score 0, others
    ``other``; records what was scored."""

    def __init__(self, preferred: Sequence[str] = (), other: float = -5.0) -> None:
        self.preferred = {reply_start(task) for task in preferred}
        self.other = other
        self.asked: list[tuple[str, str]] = []

    def __call__(self, questions: Sequence[str], starts: Sequence[str]) -> list[float]:
        self.asked += list(zip(questions, starts, strict=True))
        return [0.0 if start in self.preferred else self.other for start in starts]


def test_a_reply_for_the_right_task_is_left_alone(classifier: TaskClassifier) -> None:
    reply = format_response(get_family("sharpe_ratio").reasoning, "(11-3)/15")
    continuations = Continuations()
    scores = Scores()
    replies, readings = check_tasks(classifier, [SHARPE_Q], [reply], continuations, scores)
    assert replies == [reply] and continuations.asked == [] and scores.asked == []
    assert readings[0].question_task == "sharpe_ratio" and not readings[0].rewritten
    assert readings[0].reply_task == "sharpe_ratio" and readings[0].probability >= 0.5


def test_a_reply_for_another_task_is_written_again_for_the_question_task(
    classifier: TaskClassifier,
) -> None:
    wrong = format_response(get_family("treynor").reasoning, "(11-3)/15")
    right = format_response(get_family("cagr").reasoning, "((35000/20000)**(1/6)-1)*100")
    continuations = Continuations()
    scores = Scores(preferred=["sharpe_ratio"])
    replies, readings = check_tasks(
        classifier, [SHARPE_Q, CAGR_Q], [wrong, right], continuations, scores
    )
    assert continuations.asked == [(SHARPE_Q, reply_start("sharpe_ratio"))]
    assert replies[0] == f"{reply_start('sharpe_ratio')} (11-3)/15"
    assert replies[0].startswith("Reasoning: " + get_family("sharpe_ratio").reasoning.strip())
    assert replies[1] == right
    assert [r.rewritten for r in readings] == [True, False]
    assert readings[0].reply_task == "treynor" and readings[0].weighed
    # Only the disagreeing reply was scored: the classifier's likeliest tasks and its own.
    scored = [start for question, start in scores.asked]
    assert {q for q, _ in scores.asked} == {SHARPE_Q}
    assert reply_start("treynor") in scored and reply_start("sharpe_ratio") in scored
    assert len(scored) <= CANDIDATES + 1


def test_a_reply_the_model_is_much_surer_of_stands_against_the_classifier(
    classifier: TaskClassifier,
) -> None:
    wrong = format_response(get_family("treynor").reasoning, "(11-3)/15")
    task, probability = classifier.top(SHARPE_Q)
    assert task == "sharpe_ratio" and probability >= 0.5
    continuations = Continuations()
    # The classifier's odds for Sharpe over Treynor are far below e^50.
    replies, readings = check_tasks(
        classifier, [SHARPE_Q], [wrong], continuations, Scores(["treynor"], other=-50.0)
    )
    assert replies == [wrong] and continuations.asked == []
    assert readings[0].question_task == "treynor" and not readings[0].rewritten
    assert readings[0].weighed and not readings[0].confident  # the vote is then open to all


def test_the_classifier_wins_when_the_model_barely_prefers_its_reply(
    classifier: TaskClassifier,
) -> None:
    wrong = format_response(get_family("treynor").reasoning, "(11-3)/15")
    probabilities = classifier.probabilities(SHARPE_Q)
    odds = probabilities["sharpe_ratio"] / probabilities["treynor"]
    assert odds > 2.0
    continuations = Continuations()
    # The model finds the Treynor line a factor 2 likelier: less than the classifier's odds.
    replies, readings = check_tasks(
        classifier, [SHARPE_Q], [wrong], continuations, Scores(["treynor"], other=-0.69)
    )
    assert readings[0].question_task == "sharpe_ratio" and readings[0].rewritten
    assert replies[0].startswith(reply_start("sharpe_ratio"))


def test_free_words_name_no_task_and_are_rewritten(classifier: TaskClassifier) -> None:
    continuations = Continuations()
    scores = Scores()
    replies, readings = check_tasks(
        classifier, [SHARPE_Q], ["The Sharpe ratio is about 0.53."], continuations, scores
    )
    assert readings[0].reply_task is None and readings[0].rewritten
    assert replies[0].endswith("(11-3)/15") and scores.asked == []  # nothing to weigh


def test_an_unsure_reading_leaves_a_reply_naming_no_task(classifier: TaskClassifier) -> None:
    _, probability = classifier.top(SHARPE_Q)
    continuations = Continuations()
    free = "The Sharpe ratio is about 0.53."
    replies, readings = check_tasks(
        classifier, [SHARPE_Q], [free], continuations, Scores(), min_probability=1.0
    )
    assert probability < 1.0 and replies == [free] and not readings[0].rewritten
    assert continuations.asked == [] and not readings[0].confident


def test_bad_arguments_are_refused(classifier: TaskClassifier) -> None:
    with pytest.raises(ValueError, match="one reply per question"):
        check_tasks(classifier, [SHARPE_Q], [], Continuations(), Scores())
    with pytest.raises(ValueError, match="min_probability"):
        check_tasks(classifier, [SHARPE_Q], ["x"], Continuations(), Scores(), min_probability=0.0)
    with pytest.raises(ValueError, match="one continuation per question"):
        check_tasks(classifier, [SHARPE_Q], ["x"], lambda questions, starts: [], Scores())
    wrong = format_response(get_family("treynor").reasoning, "(11-3)/15")
    with pytest.raises(ValueError, match="one score per reply start"):
        check_tasks(classifier, [SHARPE_Q], [wrong], Continuations(), lambda q, s: [])


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
        check_tasks(stale, questions[:1], ["x"], Continuations(), Scores())
