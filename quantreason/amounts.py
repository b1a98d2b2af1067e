"""Amounts written with a scale ("$1.2M", "3.5 million", "EUR 250k"): one table for the generator,
which writes them, and for the readers of questions and replies.

People write large amounts scaled ("a $10M book") far more often than as ``$10,000,000``. A
formula copies the digits as shown and multiplies by the scale inside parentheses, so the model
never has to count zeros: "$1.2M" becomes ``(1.2*1000000)``. :func:`collapse_scaled_literals`
turns that back into one number where a formula's form matters (:mod:`quantreason.tasks.shapes`:
a scaled amount is one datum, as an unscaled one is).
"""

from __future__ import annotations

import re

# Scale words and abbreviations, lower case -> factor. Longer abbreviations come first in the
# pattern below so that "mn" is not read as "m" followed by "n".
SCALE_FACTORS: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "trillion": 1e12,
}
# The spelled-out words alone: what a reply's free text may say after its number.
SCALE_WORDS: dict[str, float] = {
    word: factor for word, factor in SCALE_FACTORS.items() if word.isalpha() and len(word) > 2
}
SCALED_AMOUNT_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(SCALE_FACTORS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# Suffixes the generator writes for each factor ("$1.2M", "1.2 million dollars", "250k").
SUFFIXES: dict[float, tuple[str, ...]] = {
    1e3: ("k", "K", " thousand"),
    1e6: ("M", " million", "m", "mn"),
    1e9: ("bn", " billion"),
}
_FACTOR_LITERALS = "|".join(str(int(factor)) for factor in SUFFIXES)
SCALED_LITERAL_RE = re.compile(r"\((-?\d+(?:\.\d+)?)\*(" + _FACTOR_LITERALS + r")\)")


def scaled_amounts(text: str) -> list[tuple[float, float]]:
    """``(amount, factor)`` for each scaled amount in ``text``: "$1.2M" gives (1200000, 1e6)."""
    found = []
    for digits, word in SCALED_AMOUNT_RE.findall(text):
        factor = SCALE_FACTORS[word.lower()]
        found.append((float(digits) * factor, factor))
    return found


def scaled_literal(digits: str, factor: float) -> str:
    """The formula text for an amount shown as ``digits`` with a scale: ``(1.2*1000000)``."""
    return f"({digits}*{int(factor)})"


def collapse_scaled_literals(formula: str) -> str:
    """``formula`` with every ``(digits*factor)`` written as the one number it is."""

    def plain(match: re.Match[str]) -> str:
        value = float(match.group(1)) * int(match.group(2))
        return f"{value:.6f}".rstrip("0").rstrip(".")

    return SCALED_LITERAL_RE.sub(plain, formula)
