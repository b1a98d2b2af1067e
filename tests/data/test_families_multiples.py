"""The valuation-multiple families (quantreason.tasks.multiples) against hand-computed cases,
and the checks particular to them: a P/E never uses the dividend shown beside it, enterprise
value adds debt and takes cash off, every formula is grounded in its question and evaluates to
the solver's answer.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random

from quantreason.data import make_record
from quantreason.tasks import get_family

MULTIPLE_FAMILIES = ("pe_ratio", "price_target", "ev_ebitda")

HAND_CASES = [
    ("pe_ratio", {"P": 84, "EPS": 5.6, "D": 2.1}, 15.0),  # 84 / 5.60
    ("pe_ratio", {"P": 45.5, "EPS": 3.25, "D": 1}, 14.0),  # 45.50 / 3.25
    ("price_target", {"PE": 18, "EPS": 4.2}, 75.6),  # 18 x 4.20
    ("price_target", {"PE": 12.5, "EPS": 2.4}, 30.0),
    # (12,000 + 3,000 - 1,000) / 1,400 = 10 (in millions)
    ("ev_ebitda", {"cap": 12e9, "debt": 3e9, "cash": 1e9, "EBITDA": 1.4e9}, 10.0),
    # (500 + 0.2 - 120) / 40 = 9.505
    ("ev_ebitda", {"cap": 500e6, "debt": 200e3, "cash": 120e6, "EBITDA": 40e6}, 9.505),
]


def test_the_dividend_shown_beside_a_pe_is_never_used() -> None:
    family = get_family("pe_ratio")
    rng = random.Random(3)
    shown = 0
    for index in range(200):
        nums = family.draw(rng, ood=index % 2 == 1)
        assert "D" in nums and nums["D"].value < nums["EPS"].value + 0.01
        record = make_record(family, index, rng, "train", index)
        shown += any(word in record["question"].lower() for word in ("dividend", "dps", "div "))
        assert record["formula"].count("/") == 1, record  # price / EPS, nothing else
    assert shown > 20


def test_ev_ebitda_adds_debt_and_takes_off_cash() -> None:
    family = get_family("ev_ebitda")
    rng = random.Random(5)
    for ood in (False, True):
        for _ in range(100):
            nums = family.draw(rng, ood)
            v = {k: n.value for k, n in nums.items()}
            without_debt = dict(nums, debt=nums["debt"].__class__(0.0, 0, "money"))
            assert family.answer(nums) > family.answer(without_debt)  # debt raises EV
            assert 3 <= family.answer(nums) <= 30
            assert v["cash"] < v["cap"]
