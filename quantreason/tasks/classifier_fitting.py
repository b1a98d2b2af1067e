"""Fitting the task check's question classifier: scikit-learn's TF-IDF + logistic regression
over :func:`quantreason.tasks.classifier.question_features`.

Only the pipeline's ``classifier`` stage and ``quantreason task-classifier`` import this
module; serving applies the fitted arrays with numpy (:class:`TaskClassifier`), so neither
container needs scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from quantreason.tasks.classifier import HiddenStateReader, TaskClassifier, question_features

if TYPE_CHECKING:
    from quantreason.generation import LoadedModel

MIN_DOCUMENTS = 3  # a feature seen in fewer training questions is noise
# scikit-learn's C. Held out by whole templates (grouped 5-fold cross-validation on the train
# split): C=3 74.2 %, 10 76.1 %, 30 76.8 % top-1 (reports/local/experiments.md, session 8).
REGULARISATION = 10.0
# The hidden-state reader (experiments.md, session 34, lm_task_classifier/): layer 20 of
# SmolLM2-135M's 30 read the tuning sets best combined with the n-grams (layer 10 alike, 30
# worse); 16 training questions per family (8 did as well with the fine-tuned model's states);
# scikit-learn's C=1 on standardised states.
HIDDEN_LAYER_FRACTION = 2 / 3  # layer 20 of 30: a share, so a deeper model reads its own
HIDDEN_QUESTIONS_PER_FAMILY = 16
HIDDEN_REGULARISATION = 1.0
HIDDEN_SEED = 0  # which training questions are pooled


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
    weights, bias = _logit_rows(model)
    return TaskClassifier(
        tasks=tuple(str(task) for task in model.classes_),
        vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
        weights=weights,
        bias=bias,
    )


def hidden_layer_for(model: Any) -> int:
    """The layer a hidden-state reader pools for ``model`` (:data:`HIDDEN_LAYER_FRACTION` of
    its depth)."""
    return max(1, round(HIDDEN_LAYER_FRACTION * model.config.num_hidden_layers))


def fit_hidden_reader(
    loaded: LoadedModel,
    questions: Sequence[str],
    tasks: Sequence[str],
    task_order: Sequence[str],
    *,
    layer: int | None = None,
    batch_size: int = 32,
) -> HiddenStateReader:
    """A logistic regression (scikit-learn) over ``loaded``'s pooled hidden states of the
    questions, its rows in ``task_order`` (the n-gram classifier's). ``loaded`` must carry the
    adapter the reader will serve with (its digest is recorded)."""
    from quantreason.generation import question_hidden_states
    from quantreason.hashing import adapter_digest

    if loaded.adapter is None:
        raise ValueError("a hidden-state reader reads the fine-tuned model: load its adapter")
    if len(questions) != len(tasks) or set(tasks) != set(task_order):  # before the passes
        raise ValueError("fitting needs one task per question, every task of task_order seen")
    layer = hidden_layer_for(loaded.model) if layer is None else layer
    states = question_hidden_states(loaded, questions, layer, batch_size=batch_size)
    return fit_reader_on_states(
        states, tasks, task_order, layer=layer, digest=adapter_digest(Path(loaded.adapter))
    )


def fit_reader_on_states(
    states: np.ndarray,
    tasks: Sequence[str],
    task_order: Sequence[str],
    *,
    layer: int,
    digest: str,
) -> HiddenStateReader:
    """The reader's regression (scikit-learn: standardised states, logistic regression with
    :data:`HIDDEN_REGULARISATION`) over pooled ``states`` already computed, one row per task,
    its rows in ``task_order``; ``digest`` names the adapter the states came from."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    if len(states) != len(tasks) or set(tasks) != set(task_order):
        raise ValueError("fitting needs one task per state, every task of task_order seen")
    scaler = StandardScaler().fit(states)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)  # a constant unit reads as 0
    model = LogisticRegression(C=HIDDEN_REGULARISATION, max_iter=1000).fit(
        (states - scaler.mean_) / scale, list(tasks)
    )
    rows = [list(model.classes_).index(task) for task in task_order]
    weights, bias = _logit_rows(model)
    return HiddenStateReader(
        layer=layer,
        adapter_digest=digest,
        mean=np.asarray(scaler.mean_, dtype=np.float64),
        scale=np.asarray(scale, dtype=np.float64),
        weights=weights[rows],
        bias=bias[rows],
    )


def hidden_training_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Up to :data:`HIDDEN_QUESTIONS_PER_FAMILY` training rows per family, drawn with
    :data:`HIDDEN_SEED` (the same rows for the same split)."""
    import random

    by_family: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_family.setdefault(row["family"], []).append(row)
    rng = random.Random(HIDDEN_SEED)
    chosen: list[dict[str, Any]] = []
    for family in sorted(by_family):
        members = by_family[family]
        chosen += rng.sample(members, min(HIDDEN_QUESTIONS_PER_FAMILY, len(members)))
    return chosen


def _logit_rows(model: Any) -> tuple[np.ndarray, np.ndarray]:
    """A fitted scikit-learn logistic regression's weights and biases, one row per class."""
    weights = np.asarray(model.coef_, dtype=np.float64)
    bias = np.asarray(model.intercept_, dtype=np.float64)
    if len(model.classes_) == 2:
        # Two tasks: one logit for the second; a softmax over (0, logit) is its sigmoid.
        weights = np.vstack([np.zeros_like(weights), weights])
        bias = np.concatenate([[0.0], bias])
    return weights, bias


def fit_dataset_classifier(
    data_dir: str | Path,
    out_path: str | Path,
    *,
    base: str | None = None,
    adapter: str | Path | None = None,
    precision: str | None = None,
) -> dict[str, Any]:
    """Fit on ``data_dir``'s train split, save to ``out_path`` and summarise: tasks, features,
    size, and the share of the validation split (when there is one) whose task it reads right.
    With ``base`` and ``adapter`` (the fine-tuned model that will answer) it also fits a
    hidden-state reader on that model's states (``precision`` as the model will be served).
    ``FileNotFoundError`` / ``ValueError`` name a missing or bad split or adapter."""
    from quantreason.data import load_split

    if (base is None) != (adapter is None):
        raise ValueError("a hidden-state reader needs both the base model and the adapter")
    rows = load_split(data_dir, "train")
    classifier = fit_task_classifier([r["question"] for r in rows], [r["family"] for r in rows])
    loaded = None
    if base is not None and adapter is not None:
        from quantreason.generation import load_model
        from quantreason.naming import is_adapter_dir

        if not is_adapter_dir(Path(adapter)):
            raise FileNotFoundError(f"{adapter} is not a PEFT adapter directory")
        loaded = load_model(base, adapter, merge=True, precision=precision)
        sample = hidden_training_rows(rows)
        classifier = classifier.with_hidden(
            fit_hidden_reader(
                loaded,
                [r["question"] for r in sample],
                [r["family"] for r in sample],
                classifier.tasks,
            )
        )
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    path = classifier.save(out_path)
    summary: dict[str, Any] = {
        "path": str(path),
        "tasks": len(classifier.tasks),
        "features": len(classifier.vocabulary),
        "hidden_layer": classifier.hidden.layer if classifier.hidden is not None else None,
        "megabytes": round(path.stat().st_size / 1e6, 2),
        "validation_task_accuracy": None,
    }
    if (Path(data_dir) / "validation.jsonl").is_file():
        validation = load_split(data_dir, "validation")
        summary["validation_task_accuracy"] = (
            round(_share_read_right(classifier, validation, loaded), 4) if validation else None
        )
    return summary


def _share_read_right(
    classifier: TaskClassifier, rows: Sequence[dict[str, Any]], loaded: LoadedModel | None
) -> float:
    """The share of ``rows`` whose family the classifier puts first."""
    questions = [r["question"] for r in rows]
    states: Sequence[Any] = [None] * len(rows)
    if classifier.hidden is not None and loaded is not None:
        from quantreason.generation import question_hidden_states

        states = question_hidden_states(loaded, questions, classifier.hidden.layer)
    right = sum(
        classifier.top(question, state)[0] == row["family"]
        for question, state, row in zip(questions, states, rows, strict=True)
    )
    return right / len(rows)
