"""The corporate families (``wacc``, ``geometric_mean_return``) against hand-computed cases.

Expected values are the arithmetic a person would do on paper, never the family's solver.
"""

from __future__ import annotations

from quantreason.tasks import Num, get_family


def _nums(values: dict[str, float]) -> dict[str, Num]:
    """The numbers as a question would show them: the digits of each value as written."""
    nums = {}
    for name, value in values.items():
        text = repr(float(value))
        decimals = 0 if float(value).is_integer() else len(text.split(".")[1])
        nums[name] = Num(float(value), decimals, "plain")
    return nums


def test_the_geometric_root_is_the_count_of_returns() -> None:
    family = get_family("geometric_mean_return")
    for count in range(3, 7):
        values = {f"r{i}": 5.0 for i in range(1, count + 1)}
        assert f"**(1/{count})" in family.build_formula(_nums(values))
