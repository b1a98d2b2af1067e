"""The corporate families (``wacc``, ``geometric_mean_return``) against hand-computed cases.

Expected values are the arithmetic a person would do on paper, never the family's solver.
"""

from __future__ import annotations

from quantreason.tasks import Num, get_family


def test_the_geometric_root_is_the_count_of_returns() -> None:
    family = get_family("geometric_mean_return")
    for count in range(3, 7):
        nums = {f"r{i}": Num(5.0, 0, "plain") for i in range(1, count + 1)}
        assert f"**(1/{count})" in family.build_formula(nums)
