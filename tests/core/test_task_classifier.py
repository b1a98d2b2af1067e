"""The task check's question classifier: features, the numpy applier against scikit-learn,
the file format, and that it reads hand-written wording it was not fitted on."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from quantreason.data import generate_dataset
from quantreason.paths import REPO_ROOT
from quantreason.tasks.classifier import TaskClassifier, question_features
from quantreason.tasks.classifier_fitting import (
    MIN_DOCUMENTS,
    REGULARISATION,
    fit_reader_on_states,
    fit_task_classifier,
)


@pytest.fixture(scope="module")
def train_rows() -> list[dict]:
    return generate_dataset(seed=3, sizes={"train": 1400, "validation": 40})["train"]


@pytest.fixture(scope="module")
def classifier(train_rows: list[dict]) -> TaskClassifier:
    return fit_task_classifier(
        [r["question"] for r in train_rows], [r["family"] for r in train_rows]
    )


def test_features_read_words_not_values() -> None:
    a = question_features("A stock moves from 179.80 to 174.77. What is its log return?")
    b = question_features("A stock moves from 12 to 1,250.5. What is its log return?")
    assert a == b  # every number is 0
    assert "w:log" in a and "b:log return" in a and "c: lo" in a and "c:turn " in a
    assert not any(any(ch.isdigit() and ch != "0" for ch in f) for f in a)


def test_numpy_applier_matches_scikit_learn(train_rows: list[dict]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    questions = [r["question"] for r in train_rows]
    tasks = [r["family"] for r in train_rows]
    ours = fit_task_classifier(questions, tasks)
    vectorizer = TfidfVectorizer(
        analyzer=question_features, sublinear_tf=True, min_df=MIN_DOCUMENTS
    )
    model = LogisticRegression(C=REGULARISATION, max_iter=3000).fit(
        vectorizer.fit_transform(questions), tasks
    )
    asked = [
        "If I put 1,000 in at 5% compounded monthly, what do I have after 3 years?",
        "What is the Sharpe ratio of a fund returning 9% with 14% volatility when cash pays 2%?",
        *questions[:5],
    ]
    expected = model.predict_proba(vectorizer.transform(asked))
    for question, row in zip(asked, expected, strict=True):
        got = ours.probabilities(question)
        assert [got[task] for task in model.classes_] == pytest.approx(row.tolist(), abs=1e-6)


def test_save_and_load_keep_the_probabilities(classifier: TaskClassifier, tmp_path: Path) -> None:
    path = classifier.save(tmp_path / "task_classifier.npz")
    loaded = TaskClassifier.load(path)
    assert loaded.tasks == classifier.tasks
    question = "A bond pays 5% coupons annually for 10 years; what is its price at a 6% yield?"
    before, after = classifier.probabilities(question), loaded.probabilities(question)
    assert after == pytest.approx(before, abs=1e-4)  # stored as float32
    assert sum(after.values()) == pytest.approx(1.0)


def test_a_file_that_is_not_a_classifier_is_refused(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, weights=np.zeros((2, 2)))
    with pytest.raises(ValueError, match="is not a task classifier"):
        TaskClassifier.load(wrong)
    with pytest.raises(ValueError, match="is not a task classifier"):
        TaskClassifier.load(tmp_path / "missing.npz")


def test_fitting_needs_two_tasks_and_one_per_question() -> None:
    with pytest.raises(ValueError, match="at least two tasks"):
        fit_task_classifier(["a b c", "d e f"], ["sharpe_ratio", "sharpe_ratio"])
    with pytest.raises(ValueError, match="one task per question"):
        fit_task_classifier(["a b c"], ["sharpe_ratio", "cagr"])


def test_reads_hand_written_questions_it_was_not_fitted_on(classifier: TaskClassifier) -> None:
    """The tuning set's questions were written by hand, apart from the generator."""
    rows = [
        json.loads(line)
        for line in (REPO_ROOT / "benchmarks" / "handwritten_dev.jsonl").read_text().splitlines()
        if line.strip()
    ]
    right = sum(classifier.top(r["question"])[0] == r["family"] for r in rows)
    assert right / len(rows) >= 0.85, f"{right} of {len(rows)}"


def test_the_cli_fits_on_a_dataset_and_refuses_a_missing_one(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quantreason.cli import app
    from quantreason.data import write_dataset

    data = tmp_path / "data"
    write_dataset(data, seed=1, sizes={"train": 600, "validation": 46})
    runner = CliRunner()
    done = runner.invoke(app, ["task-classifier", "--data", str(data)])
    assert done.exit_code == 0, done.output
    assert "validation: the task of" in done.output and "% of its questions" in done.output
    classifier = TaskClassifier.load(data / "task_classifier.npz")
    assert len(classifier.tasks) > 10
    missing = runner.invoke(app, ["task-classifier", "--data", str(tmp_path / "none")])
    assert missing.exit_code != 0 and "not found" in missing.output


def test_truncated_or_foreign_files_are_refused_with_the_same_error(
    classifier: TaskClassifier, tmp_path: Path
) -> None:
    good = classifier.save(tmp_path / "good.npz")
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(good.read_bytes()[:200])
    bare = tmp_path / "bare.npz"
    with bare.open("wb") as handle:
        np.save(handle, np.zeros(3))  # a .npy under a .npz name
    for path in (truncated, bare):
        with pytest.raises(ValueError, match="is not a task classifier"):
            TaskClassifier.load(path)


def test_two_tasks_fit_and_match_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = generate_dataset(
        seed=4, sizes={"train": 400, "validation": 20}, families=["cagr", "sharpe_ratio"]
    )["train"]
    questions, tasks = [r["question"] for r in rows], [r["family"] for r in rows]
    ours = fit_task_classifier(questions, tasks)
    vectorizer = TfidfVectorizer(
        analyzer=question_features, sublinear_tf=True, min_df=MIN_DOCUMENTS
    )
    model = LogisticRegression(C=REGULARISATION, max_iter=3000).fit(
        vectorizer.fit_transform(questions), tasks
    )
    asked = "Fund return 9%, volatility 12%, cash 2%. What's the Sharpe ratio?"
    expected = model.predict_proba(vectorizer.transform([asked]))[0]
    got = ours.probabilities(asked)
    assert [got[t] for t in model.classes_] == pytest.approx(expected.tolist(), abs=1e-6)
    assert ours.top(asked)[0] == "sharpe_ratio"


@pytest.mark.parametrize("tasks", [("beta", "capm", "npv"), ("beta", "capm")])
def test_a_reader_fitted_on_states_reads_them_in_the_classifiers_task_order(tasks) -> None:
    rng = np.random.default_rng(0)
    centres = {task: rng.normal(0, 4, 8) for task in tasks}
    labels = [task for task in tasks for _ in range(12)]
    states = np.stack([centres[t] + rng.normal(0, 0.3, 8) for t in labels])
    states[:, 3] = 5.0  # a unit that never varies reads as nothing, not a division by zero
    order = tuple(reversed(tasks))  # the n-gram classifier's rows, not scikit-learn's sort
    reader = fit_reader_on_states(states, labels, order, layer=7, digest="abc")
    assert (reader.layer, reader.adapter_digest, reader.width) == (7, "abc", 8)
    for task in tasks:
        fresh = centres[task] + rng.normal(0, 0.3, 8)
        fresh[3] = 5.0
        probabilities = np.exp(reader.log_probabilities(fresh))
        assert order[int(np.argmax(probabilities))] == task
        assert probabilities.sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="one task per state"):
        fit_reader_on_states(states[:-1], labels, order, layer=7, digest="abc")
    with pytest.raises(ValueError, match="every task of task_order seen"):
        fit_reader_on_states(states, labels, (*order, "irr"), layer=7, digest="abc")
