"""The option-pricing families (quantreason.tasks.options) against hand-computed cases, and the
checks particular to them: every question states the rate's continuous compounding and the
absence of dividends, prices respect the no-arbitrage bounds, and every formula is grounded in
its question and evaluates to the solver's answer.

Expected values are table values or arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import math
import random
from statistics import NormalDist

import pytest

from quantreason.data import make_record
from quantreason.tasks import get_family

OPTION_FAMILIES = ("black_scholes_call", "black_scholes_put", "put_call_parity")

N = NormalDist().cdf  # the standard normal table
# Hull's example (Options, Futures and Other Derivatives, 15.6): S 42, K 40, r 10 %, sigma 20 %,
# six months: d1 = (ln(42/40) + (0.10 + 0.02) * 0.5) / (0.2 * sqrt(0.5)) = 0.7693, d2 = 0.6278.
H_D1 = (math.log(42 / 40) + 0.12 * 0.5) / (0.2 * math.sqrt(0.5))
H_D2 = H_D1 - 0.2 * math.sqrt(0.5)
H_PV_K = 40 * math.exp(-0.10 * 0.5)  # 38.0492
# At the money, one year, r 5 %, sigma 20 %: d1 = (0 + 0.07) / 0.2 = 0.35, d2 = 0.15.

HAND_CASES = [
    (
        "black_scholes_call",
        {"S": 42, "K": 40, "r": 10, "sigma": 20, "m": 6},
        42 * N(H_D1) - H_PV_K * N(H_D2),
    ),
    (
        "black_scholes_call",
        {"S": 100, "K": 100, "r": 5, "sigma": 20, "T": 1},
        100 * N(0.35) - 100 * math.exp(-0.05) * N(0.15),
    ),
    (
        "black_scholes_put",
        {"S": 42, "K": 40, "r": 10, "sigma": 20, "m": 6},
        H_PV_K * N(-H_D2) - 42 * N(-H_D1),
    ),
    (
        "black_scholes_put",
        {"S": 100, "K": 100, "r": 5, "sigma": 20, "d": 365},
        100 * math.exp(-0.05) * N(-0.15) - 100 * N(-0.35),
    ),
    # Parity on Hull's numbers: 4.76 - 42 + 40 e^-0.05.
    ("put_call_parity", {"C": 4.76, "S": 42, "K": 40, "r": 10, "m": 6}, 4.76 - 42 + H_PV_K),
    # 10 - 100 + 105 e^(-0.04 * 0.25).
    (
        "put_call_parity",
        {"C": 10, "S": 100, "K": 105, "r": 4, "T": 0.25},
        10 - 100 + 105 * math.exp(-0.01),
    ),
]


def test_textbook_prices() -> None:
    # Hull's printed answers: call 4.76, put 0.81; at the money 10.45 and 5.57.
    expected = (4.76, 10.45, 0.81, 5.57, 0.81, 13.96)
    for (_, _, value), printed in zip(HAND_CASES, expected, strict=True):
        assert value == pytest.approx(printed, abs=0.006)


@pytest.mark.parametrize("name", OPTION_FAMILIES)
def test_every_question_states_continuous_compounding_and_no_dividends(name: str) -> None:
    family = get_family(name)
    rng = random.Random(f"conventions:{name}")
    for split in ("train", "test_ood_template"):
        for index in range(120):
            question = make_record(family, index, rng, split, index)["question"].lower()
            assert "continu" in question or "cont. comp" in question, question
            assert "div" in question or "payout" in question, question  # "no divs"
            assert "european" in question or "black-scholes" in question, question


def test_days_always_come_with_their_year() -> None:
    family = get_family("black_scholes_call")
    rng = random.Random(4)
    seen = 0
    for index in range(300):
        record = make_record(family, index, rng, "train", index)
        if "/365" in record["formula"]:
            seen += 1
            assert "365" in record["question"], record
    assert seen > 30  # a third of the questions give days


def test_prices_respect_no_arbitrage_bounds() -> None:
    call, put = get_family("black_scholes_call"), get_family("black_scholes_put")
    rng = random.Random(9)
    for ood in (False, True):
        for _ in range(200):
            nums = call.draw(rng, ood)
            v = {k: n.value for k, n in nums.items()}
            years = v.get("T", v.get("m", 0) / 12 + v.get("d", 0) / 365)
            present_strike = v["K"] * math.exp(-v["r"] / 100 * years)
            c, p = call.answer(nums), put.answer(nums)
            assert max(v["S"] - present_strike, 0) - 1e-9 <= c <= v["S"]
            assert max(present_strike - v["S"], 0) - 1e-9 <= p <= present_strike
            assert c - p == pytest.approx(v["S"] - present_strike, abs=1e-9)  # parity


def test_out_of_range_questions_give_years_and_training_ones_every_unit() -> None:
    family = get_family("black_scholes_put")
    rng = random.Random(2)
    units = set()
    for _ in range(90):
        units |= {"T", "m", "d"} & set(family.draw(rng, False))
    assert units == {"T", "m", "d"}
    assert all("T" in family.draw(rng, True) for _ in range(30))
