"""The option payoff families (quantreason.tasks.payoffs) against hand-computed cases, and the
checks particular to them: every P&L question says the position is long and that a contract
covers 100 shares, losses are negative, both sides of the strike appear, and every formula is
grounded in its question and evaluates to the solver's answer.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.data import make_record
from quantreason.tasks import get_family

PAYOFF_FAMILIES = ("option_pnl", "option_breakeven")

HAND_CASES = [
    # 3 calls, strike 50, premium 2.40, stock 58: (8 - 2.40) * 300 = 1,680.
    ("option_pnl", {"N": 3, "K": 50, "c": 2.4, "ST": 58, "put": 0}, 1680.0),
    # 2 puts, strike 40, premium 1.50, stock 44 (out of the money): -1.50 * 200 = -300.
    ("option_pnl", {"N": 2, "K": 40, "c": 1.5, "ST": 44, "put": 1}, -300.0),
    ("option_breakeven", {"K": 50, "c": 2.4, "pos": 0}, 52.4),  # call: 50 + 2.40
    ("option_breakeven", {"K": 40, "c": 1.5, "pos": 1}, 38.5),  # put: 40 - 1.50
    # Covered call: shares bought at 47, call sold for 1.80: 47 - 1.80 = 45.20.
    ("option_breakeven", {"K": 50, "c": 1.8, "pos": 2, "S0": 47}, 45.2),
]


def test_pnl_questions_state_long_the_kind_and_the_contract_size() -> None:
    family = get_family("option_pnl")
    rng = random.Random(1)
    for split in ("train", "test_ood_template"):
        for index in range(200):
            record = make_record(family, index, rng, split, index)
            question = record["question"].lower()
            assert "100" in question or "hundred" in question, question
            assert any(w in question for w in ("long", "bought", "buy", "purchase", "paid")), (
                question
            )
            words = set(re.findall(r"[a-z]+", question))
            assert words & {"call", "calls", "put", "puts"}, question


def test_pnl_formulas_name_the_payoff_of_the_kind_the_question_names() -> None:
    # The kind is a word the question shows ("calls"), and the formula's function repeats it.
    family = get_family("option_pnl")
    rng = random.Random(3)
    for split in ("train", "test_ood_template"):
        for index in range(200):
            record = make_record(family, index, rng, split, index)
            words = set(re.findall(r"[a-z]+", record["question"].lower()))
            kind = "put" if words & {"put", "puts"} else "call"
            assert f"{kind}_payoff(" in record["formula"], (record["question"], record["formula"])
            assert record["formula"].count("_payoff(") == 1, record["formula"]


def test_pnl_wins_and_losses_on_both_sides_of_the_strike() -> None:
    family = get_family("option_pnl")
    rng = random.Random(2)
    outcomes = set()
    for _ in range(400):
        nums = family.draw(rng, ood=False)
        v = {k: n.value for k, n in nums.items()}
        pnl = family.answer(nums)
        in_the_money = v["ST"] < v["K"] if v["put"] else v["ST"] > v["K"]
        outcomes.add((bool(v["put"]), in_the_money, pnl > 0))
        if not in_the_money:  # expires worthless: the whole premium is lost
            assert pnl == pytest.approx(-v["c"] * 100 * v["N"])
    assert {(put, itm) for put, itm, _ in outcomes} == {
        (False, False),
        (False, True),
        (True, False),
        (True, True),
    }
    assert any(win for *_, win in outcomes) and not all(win for *_, win in outcomes)


def test_breakeven_names_the_position_and_covered_calls_show_the_share_cost() -> None:
    family = get_family("option_breakeven")
    rng = random.Random(3)
    positions = set()
    for index in range(200):
        record = make_record(family, index, rng, "train", index)
        question = record["question"].lower()
        covered = "covered call" in question
        positions.add("covered" if covered else "put" if " put" in question else "call")
        words = set(re.findall(r"[a-z]+", question))
        assert ("call" in words) != ("put" in words), question
        if covered:
            assert "share" in question or "stock" in question, question
    assert positions == {"covered", "put", "call"}
