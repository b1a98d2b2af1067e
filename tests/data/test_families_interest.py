"""The simple-interest and zero-coupon-yield families (quantreason.tasks.interest) against
hand-computed cases, and the checks particular to them: every simple-interest question says
"simple" (or that nothing compounds) and a term in days states its year, every zero-coupon
question says its yield compounds annually, and every formula is grounded in its question and
evaluates to the solver's answer.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random

import pytest

from quantreason.data import make_record
from quantreason.tasks import get_family

INTEREST_FAMILIES = ("simple_interest", "simple_interest_maturity", "zero_coupon_yield")

HAND_CASES = [
    ("simple_interest", {"P": 10000, "r": 5, "t": 3}, 1500.0),  # 10,000 x 5 % x 3
    ("simple_interest", {"P": 8000, "r": 4.5, "m": 18}, 540.0),  # 360 a year x 1.5 years
    ("simple_interest", {"P": 36500, "r": 10, "d": 73, "yb": 365}, 730.0),  # 3,650 x 73/365
    ("simple_interest_maturity", {"P": 5000, "r": 7.2, "d": 90, "yb": 360}, 5090.0),  # + 90
    ("simple_interest_maturity", {"P": 1200, "r": 6, "t": 2}, 1344.0),  # + 144
    ("zero_coupon_yield", {"F": 1000, "P": 826.45, "n": 2}, (1000 / 826.45) ** 0.5 * 100 - 100),
    # 1,000 / 1.08^3 = 793.83: the yield is 8 % (to the cent of the price).
    ("zero_coupon_yield", {"F": 1000, "P": 1000 / 1.08**3, "n": 3}, 8.0),
]


@pytest.mark.parametrize("name", ["simple_interest", "simple_interest_maturity"])
def test_simple_interest_questions_say_simple_and_days_state_their_year(name: str) -> None:
    family = get_family(name)
    rng = random.Random(f"simple:{name}")
    units = set()
    for split in ("train", "test_ood_template"):
        for index in range(160):
            record = make_record(family, index, rng, split, index)
            question = record["question"].lower()
            assert "simple" in question or "non-compounding" in question, question
            if "/365" in record["formula"] or "/360" in record["formula"]:
                units.add("days")
                assert "365" in question or "360" in question, question
            elif "/12" in record["formula"]:
                units.add("months")
                assert "month" in question, question
            else:
                units.add("years")
    assert units == {"days", "months", "years"}


def test_zero_coupon_questions_say_annual_compounding_and_prices_sit_below_face() -> None:
    family = get_family("zero_coupon_yield")
    rng = random.Random(2)
    for split in ("train", "test_ood_range", "test_ood_template"):
        for index in range(120):
            record = make_record(family, index, rng, split, index)
            question = record["question"].lower()
            assert "annual" in question or "once a year" in question, question
    for ood in (False, True):
        for _ in range(100):
            nums = family.draw(rng, ood)
            assert nums["P"].value < nums["F"].value
            assert 0.4 < family.answer(nums) < 21
