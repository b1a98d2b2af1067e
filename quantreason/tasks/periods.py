"""A length of time a question states in years, months or days, and its length in years.

Simple interest and option expiries are both quoted every way ("2 years", "6 months", "90
days"); the formula writes the conversion as the question states it (``6/12``, ``90/365``) so
that every number in it is one the question shows. The sampled values hold the months under
``m``, the days under ``d`` (with the days of a year under ``yb`` when the question states it,
else 365), and whole or fractional years under the family's own key.
"""

from __future__ import annotations

from collections.abc import Mapping

MONTHS, DAYS, DAY_BASE = "m", "d", "yb"
DAYS_A_YEAR = 365


def years_formula(f: Mapping[str, str], years_key: str) -> str:
    """The length in years as a formula writes it: ``2``, ``6/12`` or ``90/360``."""
    if MONTHS in f:
        return f"{f[MONTHS]}/12"
    if DAYS in f:
        return f"{f[DAYS]}/{f.get(DAY_BASE, str(DAYS_A_YEAR))}"
    return f[years_key]


def in_years(v: Mapping[str, float], years_key: str) -> float:
    """The length in years: months / 12, days / the year's days, or the years themselves."""
    if MONTHS in v:
        return v[MONTHS] / 12
    if DAYS in v:
        return v[DAYS] / v.get(DAY_BASE, DAYS_A_YEAR)
    return v[years_key]
