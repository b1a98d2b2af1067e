"""Concurrent requests share generation steps and get exactly the answers they get alone."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quantreason.generation import generate
from quantreason.serving.errors import Overloaded
from quantreason.serving.predictor import load_predictor
from quantreason.serving.protocol import InferenceRequest
from quantreason.serving.settings import BatchSettings, Limits, ServingSettings

QUESTIONS = [
    "What is 2+2?",
    "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?",
    "An investor deposits 3628 dollars at 7.4 % annual interest for 12 years. Balance?",
    "Rate?",
    "A bond pays 5 % on 1000 for 3 years; what is the total coupon?",
    "What is 10 % of 50?",
]
BUDGETS = [12, 5, 12, 1, 9, 12]  # per-request max_new_tokens


@pytest.fixture(scope="module")
def predictor(tiny_adapter: Path):
    settings = ServingSettings(
        base_model="tiny-random",
        warmup=False,
        limits=Limits(default_new_tokens=12),
        batching=BatchSettings(max_sequences=4),  # fewer than the requests: some must queue
    )
    predictor = load_predictor(tiny_adapter, settings)
    yield predictor
    predictor.close()


def _request(question: str, budget: int) -> InferenceRequest:
    return InferenceRequest((question,), single=True, max_new_tokens=budget)


def test_concurrent_requests_are_byte_identical_to_each_alone(predictor) -> None:
    pairs = list(zip(QUESTIONS, BUDGETS, strict=True))
    alone = [predictor.predict_bytes(_request(q, n)) for q, n in pairs]
    start = threading.Barrier(len(QUESTIONS))

    def together(index: int) -> bytes:
        start.wait(30)  # all requests arrive at once and share steps
        return predictor.predict_bytes(_request(QUESTIONS[index], BUDGETS[index]))

    with ThreadPoolExecutor(len(QUESTIONS)) as pool:
        concurrent = list(pool.map(together, range(len(QUESTIONS))))
    assert concurrent == alone


def test_batched_replies_equal_padded_generate_and_respect_budgets(predictor) -> None:
    tokenizer = predictor.loaded.tokenizer
    replies = predictor.completions(QUESTIONS, max_new_tokens=7)
    reference = generate(predictor.unbatched, QUESTIONS, max_new_tokens=7, batch_size=1)
    assert replies == reference
    for question, budget in zip(QUESTIONS, BUDGETS, strict=True):
        (text,) = predictor.completions([question], max_new_tokens=budget)
        assert len(tokenizer(text, add_special_tokens=False)["input_ids"]) <= budget + 1


def test_a_request_past_its_timeout_is_a_503_and_the_batcher_goes_on(tiny_adapter: Path) -> None:
    settings = ServingSettings(
        base_model="tiny-random",
        warmup=False,
        batching=BatchSettings(request_timeout_s=1e-4),
    )
    predictor = load_predictor(tiny_adapter, settings)
    try:
        with pytest.raises(Overloaded, match="no answer within"):
            predictor.predict_bytes(_request(QUESTIONS[0], 64))
        predictor.batcher.settings = BatchSettings()  # the next request may take its time
        assert predictor.completions([QUESTIONS[0]], 3) == generate(
            predictor.unbatched, [QUESTIONS[0]], max_new_tokens=3, batch_size=1
        )
    finally:
        predictor.close()
    with pytest.raises(RuntimeError, match="not started"):
        predictor.completions([QUESTIONS[0]], 3)


def test_stop_at_answer_fires_where_the_stopping_criterion_does(predictor) -> None:
    """The evaluation's stop rule on streamed tokens stops at the same token as generate's."""
    from types import SimpleNamespace

    import torch

    from quantreason.stopping import answer_stopping_criteria

    tokenizer = predictor.loaded.tokenizer
    text = "Reasoning: r\nFormula: 1+1\nAnswer: 2 %\nand more"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    criteria = answer_stopping_criteria(tokenizer, prompt_length=0)
    predictor.batcher._stop_at_answer["probe"] = ""  # a reply with no given start
    ours = [
        predictor.batcher._answer_complete(
            SimpleNamespace(request_id="probe", generated_tokens=ids[:n])
        )
        for n in range(1, len(ids) + 1)
    ]
    theirs = [bool(criteria(torch.tensor([ids[:n]]), None)[0]) for n in range(1, len(ids) + 1)]
    assert True in ours
    assert ours.index(True) == theirs.index(True)
    assert tokenizer.decode(ids[: ours.index(True) + 1]).endswith("Formula: 1+1\n")


def test_evaluation_path_equals_padded_generate(tiny_base: str) -> None:
    from quantreason.generation import load_model
    from quantreason.serving.batching import generate_continuous

    loaded = load_model(tiny_base)
    padded = generate(loaded, QUESTIONS, max_new_tokens=10, batch_size=4, stop_at_answer=True)
    continuous = generate_continuous(
        loaded, QUESTIONS, max_new_tokens=10, max_sequences=2, stop_at_answer=True
    )
    assert continuous == padded


def test_an_engine_without_our_settings_means_one_padded_batch(tiny_adapter: Path, monkeypatch):
    """The inference DLC's transformers 5.5.3 has no max_requests_per_batch/page_size."""
    import transformers

    class OlderConfig:  # the 5.5.3 signature, in short
        def __init__(self, block_size: int = 256, num_blocks: int | None = None) -> None:
            pass

    monkeypatch.setattr(transformers, "ContinuousBatchingConfig", OlderConfig)
    settings = ServingSettings(base_model="tiny-random", warmup=False)
    predictor = load_predictor(tiny_adapter, settings)
    assert predictor.batcher is None
    reply = predictor.completions([QUESTIONS[0]], 4)
    assert reply == generate(predictor.unbatched, [QUESTIONS[0]], max_new_tokens=4, batch_size=1)


def test_a_continued_reply_stops_at_its_formula_line_in_the_engine(predictor) -> None:
    """A reply begun with 'Reasoning: ... Formula:' stops once its continuation ends the line."""
    from types import SimpleNamespace

    from quantreason.task_check import reply_start

    tokenizer = predictor.loaded.tokenizer
    ids = tokenizer(" 1+1\n", add_special_tokens=False)["input_ids"]
    predictor.batcher._stop_at_answer["begun"] = reply_start("cagr")
    predictor.batcher._stop_at_answer["free"] = ""
    for request_id, stops in (("begun", True), ("free", False)):
        result = SimpleNamespace(request_id=request_id, generated_tokens=ids)
        assert predictor.batcher._answer_complete(result) is stops
    for request_id in ("begun", "free"):
        del predictor.batcher._stop_at_answer[request_id]


def test_direct_passes_are_not_disturbed_by_the_engine_at_work(predictor) -> None:
    """The task check's scoring (a forward pass outside the engine) gives the same log-probs
    while the engine serves other requests as when it idles: on the engine's own modules it
    did not (about 0.5 nat off, every try)."""
    starts = ["Reasoning: Percent change.\nFormula:", "Reasoning: CAGR.\nFormula:"]
    questions = QUESTIONS[:2]
    idle = predictor.score_starts(questions, starts)
    idle_text = generate(predictor.unbatched, questions, max_new_tokens=6, batch_size=1)
    stop = threading.Event()

    def keep_the_engine_busy() -> None:
        while not stop.is_set():
            predictor.predict_bytes(InferenceRequest(tuple(QUESTIONS[2:]), False, 12))

    worker = threading.Thread(target=keep_the_engine_busy)
    worker.start()
    try:
        busy = [predictor.score_starts(questions, starts) for _ in range(8)]
        busy_text = [
            generate(predictor.unbatched, questions, max_new_tokens=6, batch_size=1)
            for _ in range(4)
        ]
    finally:
        stop.set()
        worker.join(60)
    assert busy == [idle] * 8
    assert busy_text == [idle_text] * 4
    assert predictor.unbatched.model is not predictor.loaded.model
    assert all(
        a.data_ptr() == b.data_ptr()
        for a, b in zip(
            predictor.unbatched.model.parameters(), predictor.loaded.model.parameters(), strict=True
        )
    )
