"""A loan question may name its purchase: the price and down payment are shown, never used."""

import random

import pytest

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import FAMILIES
from quantreason.tasks.base import Num
from quantreason.tasks.purchases import PURCHASE_SHARE, with_purchase

LOAN = {"L": Num(432_500.0, 0, "money"), "r": Num(6.5, 2, "pct"), "n": Num(30.0, 0, "plain")}


def test_a_restated_loan_is_the_price_less_the_down_payment() -> None:
    rng = random.Random(1)
    restated = [d for d in (with_purchase(rng, LOAN) for _ in range(400)) if "price" in d]
    assert 0.3 < len(restated) / 400 < 0.5  # about PURCHASE_SHARE of draws
    percents = set()
    for drawn in restated:
        price, loan = drawn["price"].value, drawn["L"].value
        assert price > loan and abs(loan / 432_500 - 1) < 0.05  # the loan keeps its size
        assert float(f"{price:.3g}") == price  # a round price: three significant figures
        if "down" in drawn:
            assert drawn["down"].value + loan == price
        if "down_pct" in drawn:
            percents.add(drawn["down_pct"].value)
            assert abs(price * (1 - drawn["down_pct"].value / 100) - loan) <= 0.5
        assert drawn["r"] is LOAN["r"] and drawn["n"] is LOAN["n"]
    assert {"down" in d for d in restated} == {True, False}
    assert len(percents) >= 4


def test_unrestated_draws_and_tiny_loans_are_left_alone() -> None:
    rng = random.Random(2)
    plain = [d for d in (with_purchase(rng, LOAN) for _ in range(200)) if "price" not in d]
    assert plain and all(d == LOAN for d in plain)
    tiny = {**LOAN, "L": Num(90.0, 0, "money")}
    assert all(with_purchase(rng, tiny) == tiny for _ in range(50))
    assert PURCHASE_SHARE < 0.5  # most loan questions still give the loan alone


@pytest.mark.parametrize("name", ["loan_payment", "loan_instalment"])
def test_composed_loan_questions_show_the_price_and_the_formula_ignores_it(name: str) -> None:
    family = FAMILIES[name]
    rng = random.Random(5)
    with_price = 0
    for i in range(300):
        record = make_record(family, 1 + 2 * i, rng, "train", i)  # odd index: composed
        question, formula = record["question"], record["formula"]
        labels = family.parts.labels["price"]
        if any(label in question.lower() for label in labels):
            with_price += 1
            # the formula takes the loan amount written in the question, not the price
            loan = formula.rsplit(",", 1)[1].strip(" )")
            assert loan in question.replace(",", ""), (question, formula)
            assert abs(evaluate(formula) - record["answer"]) <= 1e-6 * abs(record["answer"])
    assert 60 < with_price < 180  # a share of composed questions, not all


def test_templates_never_name_a_price() -> None:
    for name in ("loan_payment", "loan_instalment"):
        family = FAMILIES[name]
        assert not any("{price}" in t or "{down" in t for t in family.templates)
