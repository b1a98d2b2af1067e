"""How often a question says payments or compounding happen, and whether a formula agrees.

A per-period rate is the yearly rate over the periods a year: ``6.16/100/4`` for quarterly
instalments. The small model sometimes reads the frequency word literally instead
("three-monthly" as ``/3``, "end-of-year" or "annual" as ``/2``), which gives a well-formed,
grounded formula (``3`` and ``2`` are structural constants) with the wrong number. This module
reads every frequency a question names (:func:`named_periods`) and finds each constant a formula
divides a percentage rate by (:func:`rate_divisors`); a divisor the question names no frequency
for is a mismatch (:func:`frequency_mismatch`). A question that names no frequency at all is not
judged.

Words are read generously (any "month" gives 12, any "day" 365, 360 and 252): a frequency read
in excess only lets more formulas through, while a missed one would reject a right answer.
"""

from __future__ import annotations

import ast
import re

# Words that name (or imply) a number of periods a year.
_NAMED: tuple[tuple[re.Pattern[str], tuple[float, ...]], ...] = (
    (re.compile(r"\bannual|\byear|\bp\.?\s?a\b|per annum", re.I), (1.0,)),
    (re.compile(r"semi-?annual|half-?year|six-?month|twice a year|every six months", re.I), (2.0,)),
    (re.compile(r"quarter|three-?month|four times a year", re.I), (4.0,)),
    (re.compile(r"bi-?monthly|every (?:two|other) months?", re.I), (6.0, 24.0)),
    (re.compile(r"semi-?monthly|twice a month", re.I), (24.0,)),
    (re.compile(r"\bmonth", re.I), (12.0,)),
    (re.compile(r"fortnight|bi-?weekly|every (?:two|other) weeks?", re.I), (26.0,)),
    (re.compile(r"\bweek", re.I), (52.0,)),
    (re.compile(r"\bdaily\b|\bdays?\b|\bday-", re.I), (365.0, 360.0, 252.0)),
    (re.compile(r"continuous", re.I), (1.0,)),
)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12}
_COUNT = r"(\d+|one|two|three|four|six|twelve)"
# "every 3 months" (4 a year), "every 2 weeks" (26), "4 times a year", "12 payments per year".
_EVERY = re.compile(rf"every\s+{_COUNT}\s+(month|week)s?", re.I)
_PER_YEAR = re.compile(
    rf"{_COUNT}\s*(?:x|times|payments|instalments|installments|coupons|periods|compoundings)"
    r"\s+(?:a|per|each|every)\s+year",
    re.I,
)
_PER_YEAR_OF = {"month": 12.0, "week": 52.0}


def _count(text: str) -> float:
    return float(_COUNTS.get(text.lower(), text))


def named_periods(question: str) -> frozenset[float]:
    """Every number of periods a year ``question`` names; empty when it names none."""
    periods: set[float] = set()
    for pattern, values in _NAMED:
        if pattern.search(question):
            periods.update(values)
    for count, unit in _EVERY.findall(question):
        if _count(count) > 0:
            periods.add(_PER_YEAR_OF[unit.lower()] / _count(count))
    periods.update(_count(count) for count in _PER_YEAR.findall(question))
    return frozenset(periods)


def _number(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    return None


def rate_divisors(formula: str) -> list[float]:
    """Each constant ``formula`` divides a percentage by besides 100: ``K`` in ``r/100/K``,
    ``r/K/100`` and ``(r/100)/K`` (the periods a year of a per-period rate)."""
    try:
        tree = ast.parse(formula, mode="eval")
    except (SyntaxError, ValueError):
        return []
    divisors = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)):
            continue
        inner = node.left
        if not (isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Div)):
            continue
        outer, first = _number(node.right), _number(inner.right)
        if first == 100.0 and outer is not None:
            divisors.append(outer)  # r/100/K
        elif outer == 100.0 and first is not None:
            divisors.append(first)  # r/K/100
    return divisors


def frequency_mismatch(formula: str, question: str) -> str | None:
    """Why ``formula``'s per-period rate contradicts the frequencies ``question`` names (a
    sentence), or None when it does not (or the question names none)."""
    named = named_periods(question)
    if not named:
        return None
    for divisor in rate_divisors(formula):
        if divisor not in named:
            shown = ", ".join(f"{p:g}" for p in sorted(named))
            return (
                f"the formula divides a yearly rate by {divisor:g}; "
                f"the question names {shown} period(s) a year"
            )
    return None
