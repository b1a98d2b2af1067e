import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantreason.evaluation import score_reply, wilson_interval


def test_right_formula_and_right_stated_number() -> None:
    reply = (
        "Reasoning: grow twice at 10 %.\nFormula: ((121 / 100) ** (1 / 2) - 1) * 100\nAnswer: 10 %"
    )
    score = score_reply(reply, 10.0, "percent")
    assert score.correct and score.stated_correct and not score.parse_failed
    assert score.formula_value == pytest.approx(10.0)
    assert score.stated_value == pytest.approx(10.0)


def test_wrong_reply_is_wrong_both_ways() -> None:
    reply = "Reasoning: guess.\nFormula: 121 / 100\nAnswer: 1.21"
    score = score_reply(reply, 10.0, "percent")
    assert not score.correct and not score.stated_correct and not score.parse_failed


def test_unparseable_reply_counts_as_a_parse_failure() -> None:
    score = score_reply("I am a language model and cannot help with that.", 10.0, "percent")
    assert score.parse_failed and score.answer is None
    assert not score.correct and not score.stated_correct
    assert score.formula_error == "no 'Formula:' line"


def test_right_formula_with_miscopied_stated_number_scores_right_on_the_headline() -> None:
    # The model's arithmetic is wrong (13080000 -> 130800000) but its formula is right.
    reply = "Reasoning: 1 % of the account.\nFormula: 13080000 * 0.01\nAnswer: 1308000"
    score = score_reply(reply, 130800.0, "currency")
    assert score.correct
    assert not score.stated_correct
    assert score.formula_value == pytest.approx(130800.0)


def test_wrong_formula_is_not_rescued_by_a_right_stated_number() -> None:
    reply = "Reasoning: x.\nFormula: 2 + 2\nAnswer: 10 %"
    score = score_reply(reply, 10.0, "percent")
    assert not score.correct and score.stated_correct


def test_broken_formula_falls_back_to_the_stated_number() -> None:
    reply = "Reasoning: x.\nFormula: __import__('os')\nAnswer: 10 %"
    score = score_reply(reply, 10.0, "percent")
    assert score.formula_value is None and score.formula_error
    assert score.correct and score.stated_correct and not score.parse_failed


def test_the_records_sign_rule_is_applied() -> None:
    reply = "Reasoning: fall.\nFormula: (137 - 177) / 177 * 100\nAnswer: -22.6 %"
    assert score_reply(reply, 22.598870, "percent", sign_free=True).correct
    assert not score_reply(reply, 22.598870, "percent", sign_free=False).correct


@pytest.mark.parametrize(
    ("correct", "n", "low", "high"),
    [
        # hand-computed: low/high = (p + z²/2n ∓ z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.96
        (0, 10, 0.0, 3.8415 / 13.8415),  # p = 0: high = z² / (n + z²)
        (10, 10, 10 / 13.8415, 1.0),  # p = 1: low = n / (n + z²)
        (5, 10, 0.2366, 0.7634),
        (1, 4, 0.0456, 0.6994),
    ],
)
def test_wilson_interval_matches_hand_computed_values(
    correct: int, n: int, low: float, high: float
) -> None:
    got_low, got_high = wilson_interval(correct, n)
    assert got_low == pytest.approx(low, abs=1e-4)
    assert got_high == pytest.approx(high, abs=1e-4)


def test_wilson_interval_is_symmetric_and_narrows_with_n() -> None:
    low, high = wilson_interval(30, 100)
    flipped_low, flipped_high = wilson_interval(70, 100)
    assert math.isclose(low, 1 - flipped_high) and math.isclose(high, 1 - flipped_low)
    wide = wilson_interval(3, 10)
    assert wide[1] - wide[0] > high - low


@pytest.mark.parametrize(("correct", "n"), [(0, 0), (-1, 5), (6, 5)])
def test_wilson_interval_rejects_impossible_counts(correct: int, n: int) -> None:
    with pytest.raises(ValueError):
        wilson_interval(correct, n)


@given(
    st.integers(min_value=1, max_value=5000).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_wilson_interval_contains_the_observed_rate(case: tuple[int, int]) -> None:
    correct, n = case
    low, high = wilson_interval(correct, n)
    assert 0.0 <= low <= correct / n <= high <= 1.0
