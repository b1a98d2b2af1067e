"""Registry of task families: ``FAMILIES[name] -> Family``, in a fixed order.

The order decides the round-robin used to fill every split, so it is part of the dataset's
determinism: append new families at the end.
"""

from __future__ import annotations

import dataclasses

from quantreason.tasks import (
    analyst,
    bond_yields,
    business,
    changes,
    choice,
    company_ratios,
    corporate,
    equity_actions,
    futures_fra,
    fx,
    given_inputs,
    goals,
    growth,
    holdings,
    household,
    implied,
    interest,
    investor_returns,
    lending,
    margin,
    multiples,
    options,
    payoffs,
    performance,
    personal,
    planning,
    plans_and_prices,
    portfolio_ops,
    probability,
    rate_instruments,
    rates,
    ratios,
    real_estate,
    returns,
    returns_on_capital,
    risk,
    short_term,
    solved_rates,
    statistics,
    trading,
    valuation,
    variants,
)
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
        *variants.FAMILIES,
        *goals.FAMILIES,
        *lending.FAMILIES,
        *implied.FAMILIES,
        *bond_yields.FAMILIES,
        *trading.FAMILIES,
        *margin.FAMILIES,
        *rates.FAMILIES,
        *corporate.FAMILIES,
        *interest.FAMILIES,
        *multiples.FAMILIES,
        *fx.FAMILIES,
        *options.FAMILIES,
        *payoffs.FAMILIES,
        *statistics.FAMILIES,
        *changes.FAMILIES,
        *portfolio_ops.FAMILIES,
        *equity_actions.FAMILIES,
        *short_term.FAMILIES,
        *solved_rates.FAMILIES,
        *given_inputs.FAMILIES,
        *goals.APPENDED,
        *holdings.FAMILIES,
        *company_ratios.FAMILIES,
        *returns_on_capital.FAMILIES,
        *household.FAMILIES,
        *business.FAMILIES,
        *futures_fra.FAMILIES,
        *analyst.FAMILIES,
        *personal.FAMILIES,
        *real_estate.FAMILIES,
        *probability.FAMILIES,
        *rate_instruments.FAMILIES,
        *planning.FAMILIES,
        *investor_returns.FAMILIES,
        *plans_and_prices.FAMILIES,
    )
)
FAMILIES: dict[str, Family] = {family.name: family for family in _ORDERED}
if len(FAMILIES) != len(_ORDERED):
    raise RuntimeError("duplicate task family name")


# Each family teaches one reasoning sentence, so the sentence a reply opens with names the task
# the model took the question for (and with it the answer's unit): they must stay distinct.
_BY_REASONING: dict[str, Family] = {family.reasoning.strip(): family for family in _ORDERED}
if len(_BY_REASONING) != len(_ORDERED):
    raise RuntimeError("two task families share a reasoning sentence")


def family_for_reasoning(reasoning: str | None) -> Family | None:
    """The family whose taught reasoning sentence ``reasoning`` is, or None (free text)."""
    return _BY_REASONING.get(reasoning.strip()) if reasoning else None


def get_family(name: str) -> Family:
    """The family called ``name``; ``KeyError`` listing the known ones otherwise."""
    try:
        return FAMILIES[name]
    except KeyError:
        raise KeyError(f"unknown task family {name!r}; known: {', '.join(FAMILIES)}") from None


__all__ = ["FAMILIES", "Family", "Num", "Param", "Parts", "family_for_reasoning", "get_family"]
