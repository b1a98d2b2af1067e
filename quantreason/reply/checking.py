"""Checking the contract: is a number the right answer to a question?

Policy of :func:`is_correct` (documented in the README):

- relative tolerance 1 % (a record's ``tolerance`` overrides it) with an absolute floor per
  unit, so that answers near zero are not held to an impossible relative standard;
- ``percent`` answers are stored in percent points (22.6 for 22.6 %); a prediction given as
  a fraction (0.226) is accepted too;
- ``rank`` answers (1-based "which one") must match exactly;
- records of families whose convention reports a loss as a positive size (drawdowns, VaR)
  carry ``sign_free: true`` and accept either sign: a 22.6 % drawdown accepts -22.6.

The checker knows records, not the task registry: what it needs travels with the record.
"""

from __future__ import annotations

import math

from quantreason.reply.contract import DEFAULT_RELATIVE_TOLERANCE, UNIT_TABLE, UNITS


def is_correct(
    predicted: float | None,
    expected: float,
    unit: str,
    tolerance: float | None = None,
    *,
    sign_free: bool = False,
) -> bool:
    """Whether ``predicted`` matches ``expected`` under the checker policy (module docstring).

    ``sign_free``: a loss reported as a positive size (drawdowns, VaR) accepts either sign.
    """
    if unit not in UNIT_TABLE:
        raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")
    if predicted is None or not math.isfinite(predicted):
        return False
    if unit == "rank":
        return predicted == round(predicted) and round(predicted) == round(expected)
    rel = DEFAULT_RELATIVE_TOLERANCE if tolerance is None else tolerance
    if rel < 0:
        raise ValueError(f"tolerance must be >= 0, got {rel}")
    candidates = [predicted]
    if unit == "percent":
        candidates.append(predicted * 100)  # a fraction given for a percent answer
    if sign_free:
        candidates += [-c for c in candidates]
    allowed = max(rel * abs(expected), UNIT_TABLE[unit].absolute_floor)
    return any(abs(c - expected) <= allowed for c in candidates)
