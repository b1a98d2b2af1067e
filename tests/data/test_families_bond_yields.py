"""The bond-yield families (quantreason.tasks.bond_yields) against hand-computed cases.

Expected values are the arithmetic a person would do on paper, never a call to the solver.
"""

from __future__ import annotations

import random

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record, record_rng
from quantreason.formula import evaluate
from quantreason.tasks import get_family

NAMES = ("tax_equivalent_yield", "after_tax_yield", "current_yield")


@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
@pytest.mark.parametrize("name", NAMES)
def test_records_show_every_formula_number_and_give_the_answer(name: str, split: str) -> None:
    family = get_family(name)
    for index in range(60):  # templates and composed questions, in turn
        record = make_record(family, index, record_rng(0, split, name, index), split, index)
        assert "{" not in record["question"] and "}" not in record["question"], record
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-9), record


def test_current_yield_shows_a_price_with_its_face_value_or_a_quote_per_100() -> None:
    """Both shapes come up: a price in currency beside the face value, or a price quoted per
    100 of par with no face value anywhere (the hidden quote is never shown)."""
    family = get_family("current_yield")
    rng = random.Random(3)
    shapes = set()
    for draw in range(200):
        nums = family.draw(rng, ood=draw % 2 == 1)
        texts = family.texts(rng, nums)
        assert "Q" not in texts
        if "P" in nums:
            shapes.add("currency")
            assert texts["F"] in texts["face"] and texts["F"] in texts["face_note"]
            assert family.build_formula(nums).startswith(f"{nums['c'].formula}/100*")
        else:
            shapes.add("quote")
            assert "F" not in texts and not texts["face"] and not texts["face_item"]
            digits, words = nums["Q"].formula, texts["P"].removeprefix(nums["Q"].formula)
            assert texts["P"].startswith(digits) and ("100" in words or "par" in words)
            assert family.build_formula(nums) == f"{nums['c'].formula}/{nums['Q'].formula}*100"
    assert shapes == {"currency", "quote"}
