"""The vote's sampled replies through the continuous-batching engine, and the padded fallback."""

from __future__ import annotations

import pytest

from quantreason.consensus import SelfConsistency, decide_batch
from quantreason.generation import load_model
from quantreason.serving.batching import generate_continuous, sample_continuous

QUESTIONS = [
    "What is 2+2?",
    "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?",
    "hello world",
    "Rate?",
]


@pytest.fixture(scope="module")
def loaded(tiny_base: str):
    return load_model(tiny_base)


def _sample(loaded, samples: int, temperature: float, seed: int = 3) -> list[list[str]]:
    return sample_continuous(
        loaded,
        QUESTIONS,
        samples,
        max_new_tokens=8,
        temperature=temperature,
        top_p=0.95,
        seed=seed,
        max_sequences=3,  # fewer than the replies: some queue, finished ones make room
    )


def test_a_near_zero_temperature_samples_each_questions_greedy_reply(loaded) -> None:
    """k replies per question, in question order, each a completion of its own question."""
    greedy = generate_continuous(
        loaded, QUESTIONS, max_new_tokens=8, max_sequences=4, stop_at_answer=True
    )
    # At least two questions get different replies from the random model (which ones depends
    # on its weights): a swapped order would then fail the comparison below.
    assert len(set(greedy)) >= 2
    sampled = _sample(loaded, 3, temperature=1e-4)
    assert sampled == [[reply] * 3 for reply in greedy]


def test_a_real_temperature_samples_different_replies(loaded) -> None:
    sampled = _sample(loaded, 3, temperature=1.0)
    assert [len(replies) for replies in sampled] == [3] * len(QUESTIONS)
    assert len({reply for replies in sampled for reply in replies}) > len(QUESTIONS)


def test_decide_batch_votes_on_the_engines_replies(loaded, monkeypatch) -> None:
    """With a sampler, decide_batch never draws padded batches; without, it does."""
    import quantreason.generation as generation

    settings = SelfConsistency(samples=2, seed=1)
    greedy = ["Formula: 2+2\nAnswer: 4"] * len(QUESTIONS)
    drawn: list[int] = []

    def sampler(questions, samples):
        drawn.append(len(questions))
        return _sample(loaded, samples, temperature=0.7)

    def no_padded(*args, **kwargs):
        raise AssertionError("padded sampling used although a sampler was given")

    monkeypatch.setattr(generation, "sample", no_padded)
    decisions = decide_batch(loaded, QUESTIONS, greedy, settings, max_new_tokens=8, sampler=sampler)
    assert drawn == [len(QUESTIONS)]
    assert [d.replies for d in decisions] == [3] * len(QUESTIONS)
    with pytest.raises(ValueError, match="2 replies per question"):
        decide_batch(
            loaded, QUESTIONS, greedy, settings, max_new_tokens=8, sampler=lambda q, k: [["x"]]
        )


def test_evaluation_votes_through_the_engine_and_falls_back_without_it(
    tiny_base: str, monkeypatch, tmp_path
) -> None:
    import quantreason.generation as generation
    import quantreason.serving.batching as batching
    from quantreason.evaluation.runner import _replies

    calls: list[str] = []
    for module, name in ((batching, "sample_continuous"), (generation, "sample")):
        original = getattr(module, name)

        def spy(*args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)

    def run() -> list[int]:
        _, decisions, _, checked = _replies(
            "test",
            tiny_base,
            None,
            QUESTIONS,
            batch_size=4,
            max_new_tokens=6,
            progress=False,
            voted=[0, 2],
            self_consistency=SelfConsistency(samples=2),
            continuous_batching=True,
        )
        assert checked == []  # no checked rule asked for
        return [d.replies for d in decisions]

    assert run() == [3, 3]
    assert calls == ["sample_continuous"]
    monkeypatch.setattr(batching, "engine_available", lambda: False)
    calls.clear()
    assert run() == [3, 3]
    assert calls == ["sample"]


def test_retry_samples_go_only_to_questions_whose_replies_all_failed_the_checks(loaded) -> None:
    """The random model never writes a checked formula: every question but the one whose greedy
    reply passes (grounded, of its task's form) gets the retry round, drawn with a new seed."""
    from quantreason.tasks import FAMILIES

    calmar = "A fund returned 15% with a maximum drawdown of 25%. What is its Calmar ratio?"
    questions = [calmar, *QUESTIONS[:2]]
    checked = f"Reasoning: {FAMILIES['calmar'].reasoning}\nFormula: 15/25"
    greedy = [checked, "Formula: 7*9", "Formula: (177-137)/177*100"]  # no task named: unchecked
    settings = SelfConsistency(samples=2, retry_samples=3, seed=5, temperature=1.0)
    decisions = decide_batch(loaded, questions, greedy, settings, max_new_tokens=8)
    assert [d.replies for d in decisions] == [3, 6, 6]
    assert decisions[0].value == pytest.approx(0.6) and decisions[0].fits_task
    # the random samples do not agree with it
    assert decisions[0].confidence == pytest.approx(1 / 3, abs=1e-4)
    assert all(d.confidence == 0.0 for d in decisions[1:])
    assert decisions[1].reason == "no grounded formula"
    # grounded (177, 137, 100 are the question's or structural) but of no task's form
    assert decisions[2].reason == "no grounded formula has a form its task teaches"
    none = decide_batch(
        loaded, questions, greedy, SelfConsistency(samples=2, seed=5), max_new_tokens=8
    )
    assert [d.replies for d in none] == [3, 3, 3]
    with pytest.raises(ValueError, match="retry_samples"):
        SelfConsistency(retry_samples=-1)


def test_sampling_state_is_saved_and_restored_whole() -> None:
    import torch

    from quantreason.generation import restore_rng_state, rng_state

    state = rng_state()
    expected = torch.rand(3)
    restore_rng_state(state)
    torch.manual_seed(123)  # what sampling does
    restore_rng_state(state)
    assert torch.equal(torch.rand(3), expected)
