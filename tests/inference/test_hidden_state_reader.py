"""The task classifier's hidden-state reader: pooled states, the fit against scikit-learn, the
combined reading, the file, the adapter it belongs to, and the endpoint and evaluation using
it (tiny random model: plumbing and arithmetic, not accuracy)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from quantreason.data import generate_dataset
from quantreason.generation import (
    load_model,
    question_hidden_states,
    question_hidden_states_by_layer,
)
from quantreason.hashing import adapter_digest
from quantreason.serving.predictor import load_predictor
from quantreason.serving.protocol import InferenceRequest
from quantreason.serving.settings import BatchSettings, ServingSettings
from quantreason.task_check import check_classifier, check_tasks
from quantreason.tasks.classifier import CLASSIFIER_FILE, HIDDEN_WEIGHT, TaskClassifier
from quantreason.tasks.classifier_fitting import (
    HIDDEN_QUESTIONS_PER_FAMILY,
    HIDDEN_REGULARISATION,
    fit_hidden_reader,
    fit_task_classifier,
    hidden_training_rows,
)

FAMILIES = ["drawdown", "max_drawdown", "cagr", "cagr_dates", "compounding", "loss_recovery"]
QUESTIONS = (
    "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?",
    "A portfolio grew from $20,000 to $35,000 over 6 years. "
    "What was its compound annual growth rate?",
)
LAYER = 1


@pytest.fixture(scope="module")
def train_rows() -> list[dict]:
    sizes = {"train": 300, "validation": 12, "test": 12, "test_ood_range": 12}
    return generate_dataset(7, {**sizes, "test_ood_template": 12}, FAMILIES)["train"]


@pytest.fixture(scope="module")
def tuned(tiny_base: str, tiny_adapter: Path):
    return load_model(tiny_base, tiny_adapter)


@pytest.fixture(scope="module")
def classifier(train_rows: list[dict], tuned) -> TaskClassifier:
    ngrams = fit_task_classifier(
        [r["question"] for r in train_rows], [r["family"] for r in train_rows]
    )
    sample = hidden_training_rows(train_rows)
    reader = fit_hidden_reader(
        tuned, [r["question"] for r in sample], [r["family"] for r in sample], ngrams.tasks,
        layer=LAYER,
    )  # fmt: skip
    return ngrams.with_hidden(reader)


def test_a_questions_state_does_not_depend_on_its_batch(tuned) -> None:
    asked = [QUESTIONS[0], "Short?", QUESTIONS[1]]
    together = question_hidden_states(tuned, asked, LAYER, batch_size=3)
    alone = np.concatenate([question_hidden_states(tuned, [q], LAYER) for q in asked])
    assert together.shape == (3, tuned.model.config.hidden_size)
    assert together.dtype == np.float32
    np.testing.assert_allclose(together, alone, atol=1e-4)  # padding and positions masked
    other_layer = question_hidden_states(tuned, asked[:1], LAYER + 1)
    assert not np.allclose(other_layer, alone[:1])
    layers = tuned.model.config.num_hidden_layers
    with pytest.raises(ValueError, match=r"layer must be in \[0, "):
        question_hidden_states(tuned, asked, layers + 1)
    assert question_hidden_states(tuned, [], LAYER).shape == (0, tuned.model.config.hidden_size)


def test_several_layers_from_one_pass_equal_each_layer_alone(tuned) -> None:
    asked = [QUESTIONS[0], "Short?", QUESTIONS[1]]
    both = question_hidden_states_by_layer(tuned, asked, (LAYER, LAYER + 1), batch_size=2)
    assert sorted(both) == [LAYER, LAYER + 1]
    for layer, states in both.items():
        alone = question_hidden_states(tuned, asked, layer, batch_size=2)
        np.testing.assert_array_equal(states, alone)  # the same passes, the same numbers
    assert not np.allclose(both[LAYER], both[LAYER + 1])
    with pytest.raises(ValueError, match="at least one layer"):
        question_hidden_states_by_layer(tuned, asked, ())
    with pytest.raises(ValueError, match=r"layer must be in \[0, "):
        question_hidden_states_by_layer(tuned, asked, (LAYER, -1))


def test_the_reader_applies_what_scikit_learn_fitted(
    classifier: TaskClassifier,
    train_rows: list[dict],
    tuned,
    tiny_adapter: Path,
) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    sample = hidden_training_rows(train_rows)
    counts = {f: sum(r["family"] == f for r in sample) for f in FAMILIES}
    assert counts == dict.fromkeys(FAMILIES, HIDDEN_QUESTIONS_PER_FAMILY)
    assert sample == hidden_training_rows(train_rows)  # the same draw every time
    states = question_hidden_states(tuned, [r["question"] for r in sample], LAYER)
    scaler = StandardScaler().fit(states)
    model = LogisticRegression(C=HIDDEN_REGULARISATION, max_iter=1000).fit(
        scaler.transform(states), [r["family"] for r in sample]
    )
    asked = question_hidden_states(tuned, list(QUESTIONS), LAYER)
    expected = model.predict_proba(scaler.transform(asked))
    reader = classifier.hidden
    assert reader is not None and reader.layer == LAYER
    assert reader.adapter_digest == adapter_digest(tiny_adapter)
    for state, row in zip(asked, expected, strict=True):
        ours = np.exp(reader.log_probabilities(state))
        by_task = dict(zip(classifier.tasks, ours, strict=True))
        theirs = dict(zip(model.classes_, row, strict=True))
        assert by_task == pytest.approx(theirs, abs=1e-4)  # float32 states
    with pytest.raises(ValueError, match="fitted on another model"):
        reader.log_probabilities(np.zeros(reader.width + 1))


def test_the_reading_is_the_ngrams_times_the_states_to_a_power(
    classifier: TaskClassifier,
    tuned,
) -> None:
    ngrams_only = classifier.with_hidden(None)
    [state] = question_hidden_states(tuned, [QUESTIONS[0]], LAYER)
    ngram = np.array(list(ngrams_only.probabilities(QUESTIONS[0]).values()))
    hidden = np.exp(classifier.hidden.log_probabilities(state))
    product = ngram * hidden**HIDDEN_WEIGHT
    combined = classifier.probabilities(QUESTIONS[0], state)
    assert list(combined) == list(classifier.tasks)
    assert list(combined.values()) == pytest.approx(list(product / product.sum()), rel=1e-6)
    assert sum(combined.values()) == pytest.approx(1.0)
    # Without the state the reader would silently read worse: refused, both ways round.
    with pytest.raises(ValueError, match="pass the question's state"):
        classifier.probabilities(QUESTIONS[0])
    with pytest.raises(ValueError, match="no hidden-state reader"):
        ngrams_only.probabilities(QUESTIONS[0], state)


def test_the_file_keeps_the_reader(classifier: TaskClassifier, tuned, tmp_path: Path) -> None:
    loaded = TaskClassifier.load(classifier.save(tmp_path / CLASSIFIER_FILE))
    assert loaded.hidden is not None and loaded.hidden.layer == LAYER
    assert loaded.hidden.adapter_digest == classifier.hidden.adapter_digest
    [state] = question_hidden_states(tuned, [QUESTIONS[1]], LAYER)
    assert loaded.probabilities(QUESTIONS[1], state) == pytest.approx(
        classifier.probabilities(QUESTIONS[1], state), abs=1e-5
    )  # float32 on disk
    plain = TaskClassifier.load(classifier.with_hidden(None).save(tmp_path / "plain.npz"))
    assert plain.hidden is None


def test_a_reader_serves_only_the_adapter_it_read(
    classifier: TaskClassifier, tiny_adapter: Path, tmp_path: Path
) -> None:
    assert check_classifier(classifier, tiny_adapter) is classifier
    other = _other_adapter(tiny_adapter, tmp_path)
    with pytest.raises(ValueError, match="fit it again for this adapter"):
        check_classifier(classifier, other)
    # the endpoint refuses before it reads a weight (the changed file would not even load)
    path = classifier.save(tmp_path / CLASSIFIER_FILE)
    with pytest.raises(ValueError, match="reads the hidden states of adapter"):
        load_predictor(other, ServingSettings(base_model="tiny-random", warmup=False), path)


def test_the_check_needs_the_states_when_its_classifier_reads_them(
    classifier: TaskClassifier,
    tuned,
) -> None:
    def unused(*_args: object) -> list:
        raise AssertionError("not reached")

    with pytest.raises(ValueError, match="pass question_states"):
        check_tasks(classifier, list(QUESTIONS), ["", ""], unused, unused)
    asked_layers: list[int] = []

    def states(questions: list[str], layer: int) -> np.ndarray:
        asked_layers.append(layer)
        return question_hidden_states(tuned, questions, layer)

    def continue_replies(questions: list[str], starts: list[str]) -> list[str]:
        return [" 1 + 1" for _ in questions]

    _, readings = check_tasks(
        classifier, list(QUESTIONS), ["", ""], continue_replies, unused, question_states=states
    )
    assert asked_layers == [LAYER]  # one pass for all questions
    expected = [
        max(p, key=p.__getitem__)
        for p in (
            classifier.probabilities(q, s)
            for q, s in zip(QUESTIONS, states(list(QUESTIONS), LAYER), strict=True)
        )
    ]
    assert [r.question_task for r in readings] == expected


@pytest.mark.parametrize("batching", [True, False])
def test_the_endpoint_reads_the_states_of_the_model_it_serves(
    classifier: TaskClassifier, tiny_base: str, tiny_adapter: Path, tmp_path: Path, batching: bool
) -> None:
    path = classifier.save(tmp_path / CLASSIFIER_FILE)
    settings = ServingSettings(
        base_model="tiny-random",
        warmup=False,
        batching=BatchSettings(enabled=batching, max_sequences=4),
        task_check=0.5,
    )
    predictor = load_predictor(tiny_adapter, settings, path)
    try:
        records = predictor.predict(InferenceRequest(QUESTIONS, False, 8))
        served = predictor.question_states(list(QUESTIONS), LAYER)  # after the engine ran
    finally:
        predictor.close()
    plain = question_hidden_states(load_model(tiny_base, tiny_adapter), list(QUESTIONS), LAYER)
    np.testing.assert_allclose(served, plain, atol=1e-4)
    for record, question, state in zip(records, QUESTIONS, plain, strict=True):
        reading = classifier.probabilities(question, state)
        task = max(reading, key=reading.__getitem__)
        assert record["task_check"]["question_task"] == task
        assert record["task_check"]["probability"] == pytest.approx(reading[task], abs=1e-3)


def _other_adapter(adapter: Path, where: Path) -> Path:
    """A copy of ``adapter`` whose weights file differs by a byte: another digest."""
    other = where / "other_adapter"
    shutil.copytree(adapter, other)
    weights = next(other.glob("adapter_model.*"))
    weights.write_bytes(weights.read_bytes() + b" ")
    return other


def test_the_cli_and_the_evaluation_use_the_reader(
    tiny_base: str, tiny_adapter: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from quantreason.cli import app
    from quantreason.data import write_dataset
    from quantreason.evaluation import run_evaluation
    from quantreason.models import TINY_RANDOM

    data = tmp_path / "data"
    write_dataset(data, seed=1, sizes={"train": 300, "validation": 23}, families=FAMILIES)
    runner = CliRunner()
    args = ["task-classifier", "--data", str(data), "--adapter", str(tiny_adapter)]
    done = runner.invoke(app, [*args, "--base", TINY_RANDOM])
    assert done.exit_code == 0, done.output
    assert "hidden states of layer" in done.output and "validation: the task of" in done.output
    classifier = TaskClassifier.load(data / CLASSIFIER_FILE)
    assert classifier.hidden is not None
    assert classifier.hidden.adapter_digest == adapter_digest(tiny_adapter)
    missing = runner.invoke(app, [*args[:3], "--adapter", str(tmp_path), "--base", TINY_RANDOM])
    assert missing.exit_code != 0 and "not a PEFT adapter" in missing.output

    rows = [
        {"id": f"q{i}", "family": family, "question": q, "answer": 1.0, "unit": "percent",
         "tolerance": 0.01, "sign_free": False}
        for i, (q, family) in enumerate(zip(QUESTIONS, ("drawdown", "cagr"), strict=True))
    ]  # fmt: skip
    run_evaluation(
        TINY_RANDOM, tiny_adapter, {"mine": rows}, tmp_path / "eval", batch_size=2,
        max_new_tokens=6, progress=False, task_classifier=classifier,
    )  # fmt: skip
    tuned = [
        json.loads(line)
        for line in (tmp_path / "eval" / "predictions.jsonl").open()
        if json.loads(line)["model"] == "finetuned"
    ]
    [state_0, state_1] = question_hidden_states(
        load_model(tiny_base, tiny_adapter), list(QUESTIONS), classifier.hidden.layer
    )
    for prediction, state in zip(tuned, (state_0, state_1), strict=True):
        reading = classifier.probabilities(prediction["question"], state)
        assert prediction["task_check"]["question_task"] == max(reading, key=reading.__getitem__)
    with pytest.raises(ValueError, match="reads the hidden states of adapter"):
        run_evaluation(
            TINY_RANDOM, _other_adapter(tiny_adapter, tmp_path), {"mine": rows}, tmp_path / "e2",
            progress=False, task_classifier=classifier,
        )  # fmt: skip
