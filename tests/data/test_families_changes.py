"""The change families (quantreason.tasks.changes) against hand-computed cases, and the checks
particular to them: falls are as common as rises and negative, a yield move is never written
with "%", convexity makes a fall gain more than a rise loses, and every formula is grounded in
its question and evaluates to the solver's answer.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random
import re

from quantreason.data import make_record
from quantreason.tasks import get_family

CHANGE_FAMILIES = ("percent_change", "convexity_price_change")

HAND_CASES = [
    ("percent_change", {"V0": 1850, "V1": 1975}, 125 / 1850 * 100),  # +6.7568 %
    ("percent_change", {"V0": 80, "V1": 60}, -25.0),
    # D 7, C 60, +50 bp: -7 * 0.005 = -0.035; 0.5 * 60 * 0.000025 = 0.00075; -3.425 %
    ("convexity_price_change", {"D": 7, "C": 60, "bp": 50, "dy": 50}, -3.425),
    # The same bond, yields down 0.5 percentage points: +3.5 % + 0.075 % = +3.575 %
    ("convexity_price_change", {"D": 7, "C": 60, "bp": 50, "pp": -0.5}, 3.575),
]


def test_percent_changes_fall_as_often_as_they_rise() -> None:
    family = get_family("percent_change")
    rng = random.Random(1)
    answers = [family.answer(family.draw(rng, ood=i % 2 == 1)) for i in range(400)]
    falls = sum(answer < 0 for answer in answers)
    assert 140 < falls < 260
    assert all(-50.5 <= answer <= 80.5 and abs(answer) >= 0.2 for answer in answers)


def test_yield_moves_name_their_unit_and_never_use_percent_signs() -> None:
    family = get_family("convexity_price_change")
    rng = random.Random(2)
    units = set()
    for split in ("train", "test_ood_template"):
        for index in range(160):
            record = make_record(family, index, rng, split, index)
            question = record["question"].lower()
            assert "convexity" in question or "curvature" in question, question
            assert "duration" in question or "d*" in question, question
            assert "%" not in re.sub(r"%\s*(px|price|change|chg|gain|\?)", "", question) or (
                "percentage point" in question or "bp" in question or "basis point" in question
            ), question
            if "/10000" in record["formula"]:
                units.add("bp")
                assert "bp" in question or "basis point" in question, question
            else:
                units.add("pp")
                assert "percentage point" in question, question
    assert units == {"bp", "pp"}


def test_convexity_is_realistic_and_favours_falls() -> None:
    family = get_family("convexity_price_change")
    rng = random.Random(3)
    for ood in (False, True):
        for _ in range(200):
            nums = family.draw(rng, ood)
            d, c = nums["D"].value, nums["C"].value
            assert 0.75 * d * (d + 1) <= c <= 1.35 * d * (d + 1), (d, c)
            key = "dy" if "dy" in nums else "pp"
            move = nums[key]
            flipped = dict(nums, **{key: move.__class__(-move.value, move.decimals, "plain")})
            # Convexity: a fall in yields gains more than the same rise loses.
            up, down = sorted((family.answer(nums), family.answer(flipped)))
            assert up < 0 < down and down > -up
