"""A loan bought with a down payment, the loan itself left unstated (tasks/purchases.py)."""

from __future__ import annotations

import random
import re

import pytest

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import FAMILIES
from quantreason.tasks.base import Num
from quantreason.tasks.purchases import financed, financed_formula, without_loan
from quantreason.tasks.shapes import fits_task

LOANS = ("loan_payment", "loan_instalment")
# The amount borrowed as a composed question without it makes the formula write it.
_UNSTATED = re.compile(r"pmt\(.*, (?:([\d.]+)-([\d.]+)|([\d.]+)\*\(1-([\d.]+)/100\))\)")


def test_the_amount_borrowed_is_the_price_less_the_down_payment() -> None:
    assert financed({"L": 32500, "price": 38900, "down": 6400}) == 32500  # stated: as stated
    assert financed({"price": 38900, "down": 6400}) == 32500
    assert financed({"price": 310000, "down_pct": 15}) == pytest.approx(263500)
    assert financed_formula({"price": "38900", "down": "6400"}) == "38900-6400"
    assert financed_formula({"price": "310000", "down_pct": "15"}) == "310000*(1-15/100)"
    assert financed_formula({"L": "32500", "price": "38900", "down": "6400"}) == "32500"


def test_only_a_purchase_with_its_down_payment_leaves_the_loan_out() -> None:
    loan, price, down = Num(32500, 0, "money"), Num(38900, 0, "money"), Num(6400, 0, "money")
    bare = {"L": loan, "r": Num(7.9, 1, "pct")}
    rng = random.Random(1)
    state = rng.getstate()
    assert without_loan(rng, bare, always=True) == bare
    assert without_loan(rng, {**bare, "price": price}, always=True).keys() == {"L", "r", "price"}
    assert rng.getstate() == state  # nothing drawn where nothing can change
    assert "L" not in without_loan(rng, {**bare, "price": price, "down": down}, always=True)


@pytest.mark.parametrize("name", LOANS)
@pytest.mark.parametrize("split", ["train", "test_ood_template"])
def test_a_composed_purchase_may_leave_the_loan_out_and_the_formula_subtracts(
    name: str, split: str
) -> None:
    family = FAMILIES[name]
    unstated = 0
    for index in range(400):
        record = make_record(family, index, random.Random(f"{name}:{split}:{index}"), split, index)
        value = evaluate(record["formula"])
        assert value == pytest.approx(record["answer"], rel=1e-9), record
        match = _UNSTATED.fullmatch(record["formula"])
        if match is None:
            continue
        unstated += 1
        assert record["template_id"].endswith("-composed"), record  # written ones state it
        question = re.sub(r"(?<=\d),(?=\d{3})", "", record["question"])
        for figure in (g for g in match.groups() if g):  # the price and the down payment shown
            assert figure in question, (figure, record)
        assert fits_task(name, record["formula"]), record["formula"]
    assert unstated >= 12  # ~10 % of the records: the form is taught, not a rarity
