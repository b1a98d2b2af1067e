"""Fitting the task check's question classifier: scikit-learn's TF-IDF + logistic regression
over :func:`quantreason.tasks.classifier.question_features`.

Only the pipeline's ``classifier`` stage and ``quantreason task-classifier`` import this
module; serving applies the fitted arrays with numpy (:class:`TaskClassifier`), so neither
container needs scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from quantreason.tasks.classifier import TaskClassifier, question_features

MIN_DOCUMENTS = 3  # a feature seen in fewer training questions is noise
# scikit-learn's C. Held out by whole templates (grouped 5-fold cross-validation on the train
# split): C=3 74.2 %, 10 76.1 %, 30 76.8 % top-1 (reports/local/experiments.md, session 8).
REGULARISATION = 10.0


def fit_task_classifier(questions: Sequence[str], tasks: Sequence[str]) -> TaskClassifier:
    """Fit on training questions and their task names (scikit-learn: TF-IDF + logistic
    regression over :func:`question_features`)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(questions) != len(tasks) or len(set(tasks)) < 2:
        raise ValueError("fitting needs one task per question and at least two tasks")
    vectorizer = TfidfVectorizer(
        analyzer=question_features, sublinear_tf=True, min_df=MIN_DOCUMENTS
    )
    matrix = vectorizer.fit_transform(list(questions))
    model = LogisticRegression(C=REGULARISATION, max_iter=3000).fit(matrix, list(tasks))
    weights = np.asarray(model.coef_, dtype=np.float64)
    bias = np.asarray(model.intercept_, dtype=np.float64)
    if len(model.classes_) == 2:
        # Two tasks: one logit for the second; a softmax over (0, logit) is its sigmoid.
        weights = np.vstack([np.zeros_like(weights), weights])
        bias = np.concatenate([[0.0], bias])
    return TaskClassifier(
        tasks=tuple(str(task) for task in model.classes_),
        vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
        weights=weights,
        bias=bias,
    )


def fit_dataset_classifier(data_dir: str | Path, out_path: str | Path) -> dict[str, Any]:
    """Fit on ``data_dir``'s train split, save to ``out_path`` and summarise: tasks, features,
    size, and the share of the validation split (when there is one) whose task it reads right.
    ``FileNotFoundError`` / ``ValueError`` name a missing or bad split."""
    from quantreason.data import load_split

    rows = load_split(data_dir, "train")
    classifier = fit_task_classifier([r["question"] for r in rows], [r["family"] for r in rows])
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    path = classifier.save(out_path)
    summary: dict[str, Any] = {
        "path": str(path),
        "tasks": len(classifier.tasks),
        "features": len(classifier.vocabulary),
        "megabytes": round(path.stat().st_size / 1e6, 2),
        "validation_task_accuracy": None,
    }
    if (Path(data_dir) / "validation.jsonl").is_file():
        validation = load_split(data_dir, "validation")
        right = sum(classifier.top(r["question"])[0] == r["family"] for r in validation)
        summary["validation_task_accuracy"] = (
            round(right / len(validation), 4) if validation else None
        )
    return summary
