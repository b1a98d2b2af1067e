"""Registry of task families: ``FAMILIES[name] -> Family``, in a fixed order.

The order decides the round-robin used to fill every split, so it is part of the dataset's
determinism: append new families at the end.
"""

from __future__ import annotations

import dataclasses

from quantreason.tasks import choice, growth, performance, ratios, returns, risk, valuation
from quantreason.tasks.base import Family, Num, Param, Parts
from quantreason.tasks.labels import PARTS

_ORDERED: tuple[Family, ...] = tuple(
    dataclasses.replace(family, parts=PARTS[family.name]) if family.name in PARTS else family
    for family in (
        *returns.FAMILIES,
        *risk.FAMILIES,
        *choice.FAMILIES,
        *performance.FAMILIES,
        *valuation.FAMILIES,
        *growth.FAMILIES,
        *ratios.FAMILIES,
    )
)
FAMILIES: dict[str, Family] = {family.name: family for family in _ORDERED}
if len(FAMILIES) != len(_ORDERED):
    raise RuntimeError("duplicate task family name")


def get_family(name: str) -> Family:
    """The family called ``name``; ``KeyError`` listing the known ones otherwise."""
    try:
        return FAMILIES[name]
    except KeyError:
        raise KeyError(f"unknown task family {name!r}; known: {', '.join(FAMILIES)}") from None


__all__ = ["FAMILIES", "Family", "Num", "Param", "Parts", "get_family"]
