"""parse_number (free text and JSON) and the is_correct policy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quantreason.reply import is_correct, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42.0),
        ("The answer is 22.6%", 22.6),
        ("Answer: 45.2 %", 45.2),
        ("Answer: $1,234,567.89", 1234567.89),
        ("Answer: -22.6%", -22.6),
        ("Answer: −3.5", -3.5),  # Unicode minus
        ("Answer: -$1,250", -1250.0),
        ("Answer: $-1,250", -1250.0),
        ("Answer: 1.2e-3", 0.0012),
        ("Answer: 3.4E+5 USD", 340000.0),
        ("Answer: 2.5 million", 2_500_000.0),
        ("Answer: USD 12,500", 12500.0),
        ("Answer: €99.50", 99.5),
        ("Answer: .75", 0.75),
        # The final answer wins over intermediate numbers.
        ("Peak 177, trough 137, so 40/177 = 0.226. Final answer: 22.6%", 22.6),
        ("Final answer: 7 (we used 252 days and 2.85%)", 7.0),
        ("Step 1: 0.0285 * 15.87 = 0.4524\nStep 2: = 45.24%", 45.24),
        ("Reasoning: x.\nFormula: 2.85*sqrt(252)\nAnswer: 45.2427 %", 45.2427),
        ("The drawdown from 177 to 137 is 22.6 percent", 22.6),
        ('{"answer": 22.6, "unit": "percent"}', 22.6),
        ('{"answer": "45.2 %"}', 45.2),
        ('{"final_answer": -3}', -3.0),
    ],
)
def test_parse_number_reads_the_final_answer(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text", ["", "   ", "no numbers here", "Answer: unknown", '{"answer": null}', None]
)
def test_parse_number_returns_none_without_a_number(text: str | None) -> None:
    assert parse_number(text) is None  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 4)))
def test_parse_number_round_trips_formatted_numbers(value: float) -> None:
    assert parse_number(f"Answer: {value:,.4f} USD") == pytest.approx(value, abs=1e-4)
    assert parse_number(f"blah 17 blah. Final answer: {value:.4f}%") == pytest.approx(
        value, abs=1e-4
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parse_number_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result, float)


def test_relative_tolerance_is_one_percent() -> None:
    assert is_correct(100.9, 100.0, "currency")
    assert is_correct(99.1, 100.0, "currency")
    assert not is_correct(101.5, 100.0, "currency")
    assert not is_correct(None, 100.0, "currency")
    assert not is_correct(float("nan"), 100.0, "currency")


def test_record_tolerance_overrides_the_default() -> None:
    assert not is_correct(104.0, 100.0, "currency")
    assert is_correct(104.0, 100.0, "currency", tolerance=0.05)


def test_absolute_floor_near_zero() -> None:
    # 1 % of 0.2 points is 0.002; the floor of 0.01 points lets 0.205 pass, not 0.25.
    assert is_correct(0.205, 0.2, "percent")
    assert not is_correct(0.25, 0.2, "percent")
    assert is_correct(0.0005, 0.0, "ratio")
    assert not is_correct(0.01, 0.0, "ratio")


def test_percent_answers_accept_the_fraction_form() -> None:
    assert is_correct(22.6, 22.6, "percent")
    assert is_correct(0.226, 22.6, "percent")
    assert not is_correct(0.226, 22.6, "ratio")  # only percent answers are normalised
    assert not is_correct(2.26, 22.6, "percent")


def test_sign_free_records_accept_either_sign() -> None:
    # A drawdown of 177 -> 137 is reported as a 22.6 % loss; -22.6 % says the same thing.
    assert is_correct(-22.6, 22.6, "percent", sign_free=True)
    assert is_correct(-0.226, 22.6, "percent", sign_free=True)
    assert is_correct(-1500.0, 1500.0, "currency", sign_free=True)
    # A return's sign carries meaning.
    assert not is_correct(-22.6, 22.6, "percent", sign_free=False)
    assert not is_correct(-22.6, 22.6, "percent")


@pytest.mark.parametrize(
    ("family", "sign_free"),
    [("drawdown", True), ("max_drawdown", True), ("parametric_var", True),
     ("holding_period_return", False), ("cagr", False)],
)  # fmt: skip
def test_generated_records_carry_their_familys_sign_rule(family: str, sign_free: bool) -> None:
    import random

    from quantreason.data import make_record
    from quantreason.tasks import get_family

    record = make_record(get_family(family), 0, random.Random(0), "test", 0)
    assert record["sign_free"] is sign_free
    negated = -float(record["answer"])
    right = is_correct(
        negated,
        record["answer"],
        record["unit"],
        record["tolerance"],
        sign_free=record["sign_free"],
    )
    assert right is (sign_free or record["answer"] == 0)


def test_rank_answers_must_match_exactly() -> None:
    assert is_correct(2.0, 2, "rank")
    assert not is_correct(1.0, 2, "rank")
    assert not is_correct(2.01, 2, "rank")


def test_count_answers_allow_a_share_or_one_percent() -> None:
    assert is_correct(1087, 1087, "count")
    assert is_correct(1090, 1087, "count")
    assert not is_correct(1200, 1087, "count")
    assert not is_correct(2, 3, "count")


def test_bad_unit_and_tolerance_raise() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        is_correct(1.0, 1.0, "furlongs")
    with pytest.raises(ValueError, match="tolerance"):
        is_correct(1.0, 1.0, "ratio", tolerance=-0.1)
