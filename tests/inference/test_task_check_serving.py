"""The task check where replies are generated: continued replies, the endpoint's records, the
archive, and the evaluation's predictions (tiny random model: plumbing, not accuracy)."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from quantreason.data import generate_dataset
from quantreason.generation import encode_prompts, generate, load_model, reply_start_log_probs
from quantreason.serving.batching import engine_available, generate_continuous
from quantreason.serving.predictor import find_task_classifier, load_predictor
from quantreason.serving.protocol import InferenceRequest
from quantreason.serving.settings import BatchSettings, Limits, ServingSettings
from quantreason.task_check import reply_start
from quantreason.tasks.classifier import CLASSIFIER_FILE
from quantreason.tasks.classifier_fitting import fit_task_classifier

QUESTIONS = (
    "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?",
    "A portfolio grew from $20,000 to $35,000 over 6 years. "
    "What was its compound annual growth rate?",
)


@pytest.fixture(scope="module")
def classifier_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Six families, siblings included: confident on both questions whatever the draw (seeds 7-9
    # give 0.87 and 0.94+); all 56 from 25 questions each left CAGR against cagr_dates at ~0.5.
    families = ["drawdown", "max_drawdown", "cagr", "cagr_dates", "compounding", "loss_recovery"]
    sizes = {"train": 600, "validation": 12, "test": 12, "test_ood_range": 12}
    rows = generate_dataset(7, {**sizes, "test_ood_template": 12}, families)["train"]
    classifier = fit_task_classifier([r["question"] for r in rows], [r["family"] for r in rows])
    return classifier.save(tmp_path_factory.mktemp("classifier") / CLASSIFIER_FILE)


def test_a_reply_start_is_continued_not_repeated(tiny_base: str) -> None:
    loaded = load_model(tiny_base)
    start = reply_start("max_drawdown")
    [prompt] = encode_prompts(loaded.tokenizer, QUESTIONS[:1], [start])
    assert prompt.endswith(start) and prompt.count(start) == 1
    with pytest.raises(ValueError, match="one reply start per question"):
        encode_prompts(loaded.tokenizer, QUESTIONS, [start])
    starts = [start, reply_start("cagr")]
    padded = generate(loaded, QUESTIONS, max_new_tokens=8, batch_size=2, reply_starts=starts)
    free = generate(loaded, QUESTIONS, max_new_tokens=8, batch_size=2)
    assert padded != free  # the start changed what the model wrote next
    if engine_available():
        continuous = generate_continuous(
            loaded, QUESTIONS, max_new_tokens=8, max_sequences=2, reply_starts=starts
        )
        assert continuous == padded


def test_a_reply_starts_log_probability_is_its_tokens_after_the_prompt(tiny_base: str) -> None:
    import torch

    loaded = load_model(tiny_base)
    tokenizer, model = loaded.tokenizer, loaded.model
    questions = [QUESTIONS[0], QUESTIONS[1], QUESTIONS[0]]
    starts = [reply_start("max_drawdown"), reply_start("cagr"), reply_start("cagr")]
    batched = reply_start_log_probs(loaded, questions, starts, batch_size=3)
    # By hand, one unpadded sequence at a time.
    for question, start, score in zip(questions, starts, batched, strict=True):
        [prompt] = encode_prompts(tokenizer, [question])
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        ids = tokenizer(prompt + start, add_special_tokens=False)["input_ids"]
        with torch.inference_mode():
            logits = model(input_ids=torch.tensor([ids])).logits[0].float()
        log_probs = torch.log_softmax(logits, dim=-1)
        expected = sum(
            float(log_probs[position - 1, ids[position]])
            for position in range(len(prompt_ids), len(ids))
        )
        assert score == pytest.approx(expected, abs=1e-3)
    assert batched[1] != pytest.approx(batched[2])  # the question matters
    assert all(score < 0 for score in batched)
    with pytest.raises(ValueError, match="one reply start per question"):
        reply_start_log_probs(loaded, questions, starts[:1])


def _settings(task_check: float, batching: bool) -> ServingSettings:
    return ServingSettings(
        base_model="tiny-random",
        warmup=False,
        limits=Limits(default_new_tokens=8),
        batching=BatchSettings(enabled=batching, max_sequences=4),
        task_check=task_check,
    )


@pytest.mark.parametrize("batching", [True, False])
def test_the_endpoint_rewrites_a_reply_for_another_task(
    tiny_base: str, tiny_adapter: Path, classifier_file: Path, batching: bool
) -> None:
    starts = [reply_start("drawdown"), reply_start("cagr")]
    predictor = load_predictor(tiny_adapter, _settings(0.5, batching), classifier_file)
    try:
        request = InferenceRequest(QUESTIONS, False, 8)
        body = predictor.predict_bytes(request)
        assert body == predictor.predict_bytes(request)  # still greedy: byte-identical
        records = json.loads(body)
        scored = predictor.score_starts(QUESTIONS, starts)  # after the engine has run
    finally:
        predictor.close()
    # The endpoint weighs tasks with the same scores as a plain forward pass.
    expected = reply_start_log_probs(load_model(tiny_base, tiny_adapter), QUESTIONS, starts)
    assert scored == pytest.approx(expected, abs=1e-3)
    for record, task in zip(records, ("drawdown", "cagr"), strict=True):
        check = record["task_check"]
        # a random model names no task, so every confident reading rewrites its reply
        assert check["question_task"] == task and check["reply_task"] is None
        assert check["rewritten"] and check["probability"] >= 0.5
        assert record["completion"].startswith(reply_start(task))
        assert record["task"] == task


def test_the_check_is_off_at_zero_or_without_a_classifier(
    tiny_adapter: Path, classifier_file: Path
) -> None:
    for predictor in (
        load_predictor(tiny_adapter, _settings(0.0, False), classifier_file),
        load_predictor(tiny_adapter, _settings(0.5, False)),
    ):
        record = predictor.predict(InferenceRequest(QUESTIONS[:1], True, 8))
        assert record["task_check"] is None and record["task"] is None


def test_the_archive_carries_the_classifier_and_the_predictor_finds_it(
    tiny_adapter: Path, classifier_file: Path, tmp_path: Path
) -> None:
    from quantreason.packaging import PackagingError, package_model

    archive = package_model(
        tiny_adapter, tmp_path / "model.tar.gz", tmp_path / "work", task_classifier=classifier_file
    )
    model_dir = tmp_path / "opt_ml_model"
    with tarfile.open(archive) as tar:
        tar.extractall(model_dir, filter="data")
    assert find_task_classifier(model_dir) == model_dir / CLASSIFIER_FILE
    assert find_task_classifier(tiny_adapter) is None
    predictor = load_predictor(model_dir, _settings(0.5, False))
    record = predictor.predict(InferenceRequest(QUESTIONS[:1], True, 8))
    assert record["task_check"]["rewritten"]
    with pytest.raises(PackagingError, match="does not exist"):
        package_model(
            tiny_adapter, tmp_path / "x.tar.gz", tmp_path / "w2", task_classifier=tmp_path / "no"
        )


def test_evaluation_checks_the_fine_tuned_replies_only(
    tiny_base: str, tiny_adapter: Path, classifier_file: Path, tmp_path: Path
) -> None:
    from quantreason.evaluation import run_evaluation
    from quantreason.models import TINY_RANDOM
    from quantreason.tasks.classifier import TaskClassifier

    rows = [
        {"id": f"q{i}", "family": family, "question": q, "answer": 1.0, "unit": "percent",
         "tolerance": 0.01, "sign_free": False}
        for i, (q, family) in enumerate(zip(QUESTIONS, ("drawdown", "cagr"), strict=True))
    ]  # fmt: skip
    run_evaluation(
        TINY_RANDOM,
        tiny_adapter,
        {"mine": rows},
        tmp_path,
        batch_size=2,
        max_new_tokens=6,
        progress=False,
        task_classifier=TaskClassifier.load(classifier_file),
    )
    predictions = [json.loads(line) for line in (tmp_path / "predictions.jsonl").open()]
    base = [p for p in predictions if p["model"] == "base"]
    tuned = [p for p in predictions if p["model"] == "finetuned"]
    assert all("task_check" not in p for p in base)
    assert [p["task_check"]["question_task"] for p in tuned] == ["drawdown", "cagr"]
    assert all(p["reply"].startswith(reply_start(p["family"])) and p["first_reply"] for p in tuned)
    assert all(p["first_correct"] is False for p in tuned)  # a random model's free words
    meta = json.loads((tmp_path / "eval_meta.json").read_text())
    assert meta["task_check"] == {"min_probability": 0.5, "rewritten": 2}
    summary = json.loads((tmp_path / "task_check.json").read_text())
    assert summary["mine"]["n"] == 2 and summary["mine"]["rewritten"] == 2
    assert summary["mine"]["first_right"] == 0
    assert "### Task check" in (tmp_path / "results.md").read_text()


def test_a_continued_formula_line_stops_like_a_written_one(tiny_base: str) -> None:
    import torch

    from quantreason.stopping import answer_stopping_criteria

    loaded = load_model(tiny_base)
    tokenizer = loaded.tokenizer
    prompt = tokenizer("Question?", add_special_tokens=False)["input_ids"]
    continuation = tokenizer(" 1+1\n", add_special_tokens=False)["input_ids"]
    ids = torch.tensor([prompt + continuation, prompt + continuation])
    starts = [reply_start("cagr"), ""]
    stop = answer_stopping_criteria(tokenizer, len(prompt), starts)[0]
    assert stop(ids, None).tolist() == [True, False]  # only the row begun with 'Formula:'


def test_the_last_runs_classifier_serves_only_that_runs_adapter(
    tiny_adapter: Path, classifier_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quantreason.cli.options import task_classifier_or_latest

    monkeypatch.setenv("QUANTREASON_RUNS", str(tmp_path / "runs"))
    (tmp_path / "runs").mkdir()
    latest = {"adapter": str(tiny_adapter), "task_classifier": str(classifier_file)}
    (tmp_path / "runs" / "latest.json").write_text(json.dumps(latest))
    assert task_classifier_or_latest(None, tiny_adapter) == classifier_file
    assert task_classifier_or_latest(None, tmp_path / "another_adapter") is None
    assert task_classifier_or_latest(None, None) is None
    assert task_classifier_or_latest(classifier_file, None) == classifier_file
