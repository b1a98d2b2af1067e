"""Evaluation: numeric accuracy of the base and fine-tuned models, scored two ways.

Public API (the pipeline calls these directly; heavy imports happen inside the functions):

- :func:`run_evaluation` — generate, score, and write results.json / results.md / accuracy.png.
- :func:`question_sets`, :func:`load_questions` — validated question sets.
- :func:`score_reply`, :func:`wilson_interval` — scoring a reply, the 95 % interval.
"""

from quantreason.evaluation.questions import (
    DEFAULT_SPLITS,
    QuestionError,
    limit_questions,
    load_questions,
    question_sets,
)
from quantreason.evaluation.runner import run_evaluation
from quantreason.evaluation.scoring import ReplyScore, score_reply, wilson_interval

__all__ = [
    "DEFAULT_SPLITS",
    "QuestionError",
    "ReplyScore",
    "limit_questions",
    "load_questions",
    "question_sets",
    "run_evaluation",
    "score_reply",
    "wilson_interval",
]
