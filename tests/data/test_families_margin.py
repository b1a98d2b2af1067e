"""margin_call_price and margin_return against hand-computed cases, and their records.

Expected values are the arithmetic a person would do on paper, never the family's solver.
"""

from __future__ import annotations

import random

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import get_family
from quantreason.tasks.margin import TRADE_PARAMS


@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
@pytest.mark.parametrize("name", ["margin_call_price", "margin_return"])
def test_records_are_grounded_and_their_formulas_give_the_answer(name: str, split: str) -> None:
    """Every number of a record's formula is in its question (the position stated any of three
    ways, the loan rate or none), and the formula evaluates to the solver's answer."""
    family = get_family(name)
    rng = random.Random(f"margin:{split}")
    for index in range(60):
        record = make_record(family, index, rng, split, index)
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6)
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert "{" not in record["question"], record
        assert not any("  " in line.strip() for line in record["question"].splitlines()), record


def test_margin_return_states_the_position_three_ways_with_and_without_a_rate() -> None:
    family = get_family("margin_return")
    rng = random.Random(1)
    seen = set()
    for _ in range(300):
        nums = family.draw(rng, ood=False)
        shown = frozenset(nums)
        seen.add(shown)
        if "V0" in nums:  # the loan is the rest of the cost
            assert nums["V0"].value > nums["E"].value
        assert family.answer(nums) > -100, nums  # equity left at year end
    assert seen == {
        frozenset(keys) | extra
        for keys in (("V0", "E", "V1"), ("E", "L", "V1"), ("n", "P0", "m", "P1"))
        for extra in (frozenset(), frozenset({"i"}))
    }


def test_margin_return_out_of_range_draws_leave_every_training_range() -> None:
    """The check in test_data_families compares keys every draw has (none here): each number
    a question shows is in its training range in range, and outside it out of range."""
    family = get_family("margin_return")
    rng = random.Random(7)
    for _ in range(300):
        for ood in (False, True):
            for key, num in family.draw(rng, ood).items():
                spec = TRADE_PARAMS[key]
                if spec.choices:
                    continue
                low, high = spec.train
                if ood:
                    assert not low < num.value < high, (key, num)
                else:
                    assert low <= num.value <= high, (key, num)
