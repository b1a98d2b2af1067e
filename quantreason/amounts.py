"""Amounts written with a scale ("$1.2M", "3.5 million", "EUR 250k"): one table for the generator,
which writes them, for the prompt, which writes them out in full, and for the readers of
questions and replies.

People write large amounts scaled ("a $10M book") far more often than as ``$10,000,000``. The
model never sees the scale: the prompt writes every scaled amount out in full
(:func:`expand_scaled_amounts`, "$1.2M" -> "$1200000"), so the formula copies digits as it does
for every other number, and no family has to teach "*1000000" on its own (a 135M model learnt it
only for the families whose training amounts reach a million: session 9, run V).
"""

from __future__ import annotations

import re
from decimal import Decimal

# Small numbers people spell out ("six months", "every two weeks", "thirty years"): what a
# question may mean by them, for the frequency reader and for grounding.
NUMBER_WORDS: dict[str, float] = {
    **{
        word: float(value)
        for value, word in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
            ]
        )
    },
    "twenty": 20.0,
    "thirty": 30.0,
    "fifty": 50.0,
}

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
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*("
    + "|".join(sorted(SCALE_FACTORS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# Suffixes the generator writes for each factor ("$1.2M", "1.2 million dollars", "250k").
SUFFIXES: dict[float, tuple[str, ...]] = {
    1e3: ("k", "K", " thousand"),
    1e6: ("M", " million", "m", "mn"),
    1e9: ("bn", " billion"),
}


def expanded_digits(digits: str, factor: float) -> str:
    """``digits`` times ``factor`` written in full, exactly: ("1.2", 1e6) -> "1200000"."""
    value = Decimal(digits.replace(",", "")) * Decimal(int(factor))
    return format(value.normalize(), "f")


def scaled_amounts(text: str) -> list[tuple[float, float]]:
    """``(amount, factor)`` for each scaled amount in ``text``: "$1.2M" gives (1200000, 1e6)."""
    return [
        (float(expanded_digits(digits, SCALE_FACTORS[word.lower()])), SCALE_FACTORS[word.lower()])
        for digits, word in SCALED_AMOUNT_RE.findall(text)
    ]


def expand_scaled_amounts(text: str) -> str:
    """``text`` with every scaled amount written in full: "a $1.2M book" -> "a $1200000 book"."""
    return SCALED_AMOUNT_RE.sub(
        lambda match: expanded_digits(match.group(1), SCALE_FACTORS[match.group(2).lower()]),
        text,
    )
