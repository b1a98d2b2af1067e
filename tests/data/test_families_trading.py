"""Trading families (average_cost, breakeven_commissions) against hand-computed cases.

Expected values are the arithmetic a person would do on paper, never the family's solver.
"""

from __future__ import annotations

import random

import pytest

from quantreason.formula import evaluate
from quantreason.tasks import get_family


def test_a_lot_is_kept_or_dropped_whole() -> None:
    """A shorter list drops a lot's share count and its price together."""
    family = get_family("average_cost")
    nums = family.draw(random.Random(1), ood=False)
    assert set(family.keeping(nums, 0)) == {"n1", "p1", "n2", "p2"}
    assert set(family.keeping(nums, 1)) == {"n1", "p1", "n2", "p2", "n3", "p3"}
    everything = {f"{kind}{lot}" for kind in "np" for lot in range(1, 5)}
    assert set(family.keeping(nums, 2)) == set(nums) == everything


@pytest.mark.parametrize("same", [True, False])
def test_every_template_states_either_kind_of_commission(same: bool) -> None:
    """One flat commission (stated once, paid twice) or a buy and a different sell commission:
    every template (held-out ones too) fits either draw and states the commissions the formula
    uses, the flat one once."""
    family = get_family("breakeven_commissions")
    rng = random.Random(3)
    nums = family.draw(rng, ood=False)
    while (nums["cb"].value == nums["cs"].value) != same:
        nums = family.draw(rng, ood=False)
    formula = family.build_formula(nums)
    assert evaluate(formula) == pytest.approx(family.answer(nums), rel=1e-9)
    assert ("+2*" in formula) == same, formula
    for template in family.templates + family.ood_templates:
        texts = family.texts(rng, nums)
        question = template.format(**texts)
        shown = ("c",) if same else ("cb", "cs")
        assert set(shown) == {"c", "cb", "cs"} & set(texts), texts
        for key in shown:
            assert texts[key] in question, (key, question)
