"""The FX families (quantreason.tasks.fx) against hand-computed cases, and the checks
particular to them: every question names its pairs and currencies, forward questions say how
their rates compound, amounts are in the currency named (never a random "$"), no aside tells
the reader to ignore currency conversion, and every formula is grounded in its question and
evaluates to the solver's answer.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random

import pytest

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import get_family

FX_FAMILIES = ("fx_cross", "fx_conversion", "fx_forward")
EUR, GBP, JPY, CHF = 0, 1, 4, 5  # indexes of the rate table (quantreason.tasks.fx._RATES)

HAND_CASES = [
    # EUR/USD 1.08 and USD/JPY 150: one euro buys 1.08 dollars, each 150 yen: 162.
    ("fx_cross", {"a": EUR, "b": JPY, "q1": 1.08, "q2": 150}, 162.0),
    # EUR/USD 1.10 and GBP/USD 1.25: EUR/GBP = 1.10 / 1.25 = 0.88.
    ("fx_cross", {"a": EUR, "b": GBP, "q1": 1.1, "q2": 1.25}, 0.88),
    # USD/CHF 0.80 and USD/JPY 150: CHF/JPY = 150 / 0.80 = 187.5.
    ("fx_cross", {"a": CHF, "b": JPY, "q1": 0.8, "q2": 150}, 187.5),
    # 1,000 EUR at EUR/USD 1.0850: 1,085 USD.
    ("fx_conversion", {"c": EUR, "mode": 0, "q": 1.085, "A": 1000}, 1085.0),
    # 500 USD into EUR at EUR/USD 1.25: 400 EUR.
    ("fx_conversion", {"c": EUR, "mode": 1, "q": 1.25, "A": 500}, 400.0),
    # A 240 EUR card payment at 1.10 with a 2.5 % fee: 264 + 6.60 = 270.60 USD.
    ("fx_conversion", {"c": EUR, "mode": 2, "q": 1.1, "A": 240, "f": 2.5}, 270.6),
    # Spot 1.10, USD 6 %, EUR 2 %, 6 months simple: 1.10 * 1.03 / 1.01 = 1.1217822.
    ("fx_forward", {"c": EUR, "S": 1.1, "rq": 6, "rb": 2, "m": 6}, 1.1 * 1.03 / 1.01),
    # USD/JPY 150, JPY 1 %, USD 5 %, 2 years annually compounded: 150 * (1.01 / 1.05)^2.
    ("fx_forward", {"c": JPY, "S": 150, "rq": 1, "rb": 5, "n": 2}, 150 * (1.01 / 1.05) ** 2),
]


@pytest.mark.parametrize("name", FX_FAMILIES)
def test_questions_name_their_pairs_and_never_dismiss_currency(name: str) -> None:
    family = get_family(name)
    rng = random.Random(f"names:{name}")
    for split in ("train", "test_ood_template"):
        for index in range(150):
            question = make_record(family, index, rng, split, index)["question"]
            assert "/" in question, question  # a pair: "EUR/USD"
            assert "currency conversion" not in question.lower(), question


def test_forward_questions_state_how_rates_compound() -> None:
    family = get_family("fx_forward")
    rng = random.Random(1)
    for index in range(200):
        record = make_record(family, index, rng, "train", index)
        question = record["question"].lower()
        if "**" in record["formula"]:
            assert "annually" in question, question
        else:
            assert "simple" in question, question
            if "/360" in record["formula"]:
                assert "360-day" in question, question


def test_conversion_amounts_carry_the_currency_named() -> None:
    family = get_family("fx_conversion")
    rng = random.Random(2)
    for _ in range(200):
        nums = family.draw(rng, ood=False)
        texts = family.texts(rng, nums)
        source = texts["from"]
        symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(source, "\0")
        assert source in texts["A"] or texts["A"].startswith(symbol), (texts["A"], source)
        assert source != texts["to"] and "USD" in (source, texts["to"])
        if "f" in nums:
            assert texts["f"].split()[0].rstrip("%") in texts["what"]


@pytest.mark.parametrize(
    ("pairs", "expected", "value"),
    [
        # EUR/USD then USD/JPY: both run the chain's way, EUR/JPY = 1.08 * 150.
        (
            {"a": EUR, "b": JPY, "q1": "1.08", "q2": "150"},
            '"EUR/JPY", "EUR/USD", 1.08, "USD/JPY", 150',
            162.0,
        ),
        # EUR/USD then GBP/USD: the second runs the other way, EUR/GBP = 1.10 / 1.25.
        (
            {"a": EUR, "b": GBP, "q1": "1.10", "q2": "1.25"},
            '"EUR/GBP", "EUR/USD", 1.10, "GBP/USD", 1.25',
            0.88,
        ),
        # USD/CHF then USD/JPY: the first runs the other way, CHF/JPY = 150 / 0.80.
        (
            {"a": CHF, "b": JPY, "q1": "0.80", "q2": "150"},
            '"CHF/JPY", "USD/CHF", 0.80, "USD/JPY", 150',
            187.5,
        ),
        # USD/JPY then GBP/USD: both the other way, JPY/GBP = 1 / (150 * 1.25).
        (
            {"a": JPY, "b": GBP, "q1": "150", "q2": "1.25"},
            '"JPY/GBP", "USD/JPY", 150, "GBP/USD", 1.25',
            1 / 187.5,
        ),
    ],
)
def test_cross_formulas_name_each_quote_by_its_pair_and_the_evaluator_chains_them(
    pairs, expected, value
) -> None:
    """The reply copies the pair asked for and each quote beside its market pair; cross()
    reads which leg runs backwards, so the value is the hand-computed cross in every direction."""
    family = get_family("fx_cross")
    formula = family.formula({key: str(value) for key, value in pairs.items()})
    assert formula == f"cross({expected})"
    assert evaluate(formula) == pytest.approx(value, rel=1e-12)
