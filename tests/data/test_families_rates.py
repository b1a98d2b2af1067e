"""The rates families (quantreason.tasks.rates) against hand-computed cases, and the checks
particular to them: a T-bill question always says "days" (the formula's 360 comes from it),
every formula is grounded in its question and evaluates to the solver's answer.

Expected values are written as the arithmetic a person would do on paper, never by calling
the family's solver.
"""

from __future__ import annotations

import random

import pytest

from quantreason.tasks import get_family

RATES_FAMILIES = ("tbill_price", "forward_rate", "cpi_adjusted_value")


def test_every_tbill_phrasing_says_days() -> None:
    # The formula divides by 360: grounded only when the question names days.
    family = get_family("tbill_price")
    for template in family.templates + family.ood_templates:
        assert "{t}" in template or "tenor}" in template, template
        assert "day" in template.lower() or "tenor}" in template, template  # "91-day"
    parts = family.parts
    assert parts is not None
    for label in (*parts.labels["t"], *parts.ood_labels["t"]):
        assert "day" in label, label


def test_tbill_prices_sit_below_face_and_forward_rates_near_the_spot_rates() -> None:
    rng = random.Random(1)
    tbill, forward = get_family("tbill_price"), get_family("forward_rate")
    for ood in (False, True):
        for _ in range(200):
            nums = tbill.draw(rng, ood)
            assert 0.84 * nums["F"].value < tbill.answer(nums) < nums["F"].value
            nums = forward.draw(rng, ood)
            s1, s2 = nums["s1"].value, nums["s2"].value
            # roughly 2 * s2 - s1, a little more because of compounding
            assert 0 < forward.answer(nums) == pytest.approx(2 * s2 - s1, abs=0.2 + s2 / 10)
