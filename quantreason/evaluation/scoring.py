"""Scoring one reply against its expected answer, and the Wilson interval for a rate.

A reply is scored two ways (issue 7):

* **formula** (the headline, program-of-thought): the value of the reply's ``Formula:`` line
  evaluated by ``quantreason.formula.evaluate``; when the reply has no usable formula we fall
  back to its stated number (``InterpretedResponse.answer``), exactly as serving does.
* **stated**: the number on the reply's ``Answer:`` line, as the model wrote it.

A reply with no number at all is a parse failure and counts as wrong, never skipped.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

# Two-sided 95 % normal quantile.
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class ReplyScore:
    """How one reply fared: both scores and the numbers they came from."""

    correct: bool
    stated_correct: bool
    parse_failed: bool
    answer: float | None
    formula: str | None
    formula_value: float | None
    stated_value: float | None
    formula_error: str | None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON view (for predictions.jsonl)."""
        return asdict(self)


def score_reply(
    reply: str,
    expected: float,
    unit: str,
    tolerance: float | None = None,
    *,
    sign_free: bool = False,
) -> ReplyScore:
    """Score raw model text ``reply`` against ``expected`` in ``unit``; never raises on bad text.

    ``sign_free``: the record reports a loss as a positive size (a drawdown accepts -22.6).
    """
    from quantreason.reply import interpret_response, is_correct

    read = interpret_response(reply)

    def right(value: float | None) -> bool:
        return value is not None and is_correct(
            value, expected, unit, tolerance, sign_free=sign_free
        )

    return ReplyScore(
        correct=right(read.answer),
        stated_correct=right(read.stated_value),
        parse_failed=read.parse_failed,
        answer=read.answer,
        formula=read.formula,
        formula_value=read.formula_value,
        stated_value=read.stated_value,
        formula_error=read.formula_error,
    )


def wilson_interval(correct: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for ``correct`` successes out of ``n`` (95 % by default).

    Chosen over the normal approximation because it stays inside [0, 1] and is honest at
    0 % or 100 % with small n — exactly where a base model (near 0 %) sits.
    """
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    if not 0 <= correct <= n:
        raise ValueError(f"correct must be between 0 and n={n}, got {correct}")
    p = correct / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    # At 0 or n successes the bound is exactly 0 or 1; float noise must not push it past p.
    low = 0.0 if correct == 0 else max(0.0, min(p, centre - half))
    high = 1.0 if correct == n else min(1.0, max(p, centre + half))
    return low, high
