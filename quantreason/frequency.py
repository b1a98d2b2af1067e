"""How often a question says payments or compounding happen, and whether a formula agrees.

A per-period rate is the yearly rate over the periods a year: ``6.16/100/4`` for quarterly
instalments. The small model sometimes reads the frequency word literally instead
("three-monthly" as ``/3``, "end-of-year" or "annual" as ``/2``), which gives a well-formed,
grounded formula (``3`` and ``2`` are structural constants) with the wrong number. This module
reads every frequency a question names (:func:`named_periods`) and finds each constant a formula
divides a percentage rate by (:func:`rate_divisors`); a divisor the question names no frequency
for is a mismatch (:func:`frequency_mismatch`). A question that names no frequency at all is not
judged.

Words are read generously (any "month" gives 12, any "day" 365, 360 and 252): once a question
names some frequency, one read in excess only lets more formulas through, while a missed one
would reject a right answer. Once a year is the exception: it is read only from words about
payments or compounding, since nearly every question says "years" or "annual" of something.
"""

from __future__ import annotations

import ast
import re

from quantreason.amounts import NUMBER_WORDS
from quantreason.formula import TERM_UNITS, syntax_tree

# Words that name (or imply) a number of periods a year. Once a year is read only from words
# about payments or compounding: "30 years", "a 30-year loan", "6 % annual interest" and "p.a."
# say how long or how the rate is quoted, not how often anything is paid.
_NAMED: tuple[tuple[re.Pattern[str], tuple[float, ...]], ...] = (
    (
        re.compile(
            r"once a year|end-of-year|year-end|\bend of (?:each|every|the) year"
            r"|(?:annual|yearly)\s+(?:re)?(?:payments?|instalments?|installments?|coupons?"
            r"|compounding|contributions?|deposits?|withdrawals?)"
            r"|(?:paid|payable|repaid|compounded|credited|made|settled)\s+"
            r"(?:annually|yearly|once a year|each year|every year)"
            r"|[=:]\s*(?:annual(?:ly)?|yearly)\b",
            re.I,
        ),
        (1.0,),
    ),
    (
        re.compile(
            r"semi-?annual|bi-?annual|half-?year|six-?month|twice[- ](?:a |per )?year"
            r"|every six months|two times (?:a|per) year",
            re.I,
        ),
        (2.0,),
    ),
    (re.compile(r"quarter|three-?month|four times a year", re.I), (4.0,)),
    (re.compile(r"bi-?monthly|every (?:two|other) months?", re.I), (6.0, 24.0)),
    (re.compile(r"semi-?monthly|twice a month", re.I), (24.0,)),
    (re.compile(r"\bmonth", re.I), (12.0,)),
    (re.compile(r"fortnight|bi-?weekly|every (?:two|other) weeks?", re.I), (26.0,)),
    (re.compile(r"\bweek", re.I), (52.0,)),
    (re.compile(r"\bdaily\b|\bdays?\b|\bday-", re.I), (365.0, 360.0, 252.0)),
)
_COUNT = r"(\d+|" + "|".join(NUMBER_WORDS) + ")"
# "every 3 months" (4 a year), "every 2 weeks" (26), "every 28 days", "4 times a year",
# "12 payments per annum".
_EVERY = re.compile(rf"every\s+{_COUNT}\s+(month|week|day)s?", re.I)
_PER_YEAR = re.compile(
    rf"{_COUNT}\s*(?:x|times|payments|instalments|installments|coupons|periods|compoundings)"
    r"\s+(?:a|per|each|every)\s+(?:year|annum)",
    re.I,
)
_PER_YEAR_OF = {"month": 12.0, "week": 52.0, "day": 365.0}  # day: also 364 and 360 a year


def _count(text: str) -> float:
    word = text.lower()
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else float(text)


def named_periods(question: str) -> frozenset[float]:
    """Every number of periods a year ``question`` names; empty when it names none."""
    periods: set[float] = set()
    for pattern, values in _NAMED:
        if pattern.search(question):
            periods.update(values)
    for count, unit in _EVERY.findall(question):
        if _count(count) > 0:
            per_year = _PER_YEAR_OF[unit.lower()]
            years = (per_year, 364.0, 360.0) if unit.lower() == "day" else (per_year,)
            periods.update(days / _count(count) for days in years)  # every 28 days: 13
    periods.update(_count(count) for count in _PER_YEAR.findall(question))
    return frozenset(periods)


def _number(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        try:
            return float(node.value)
        except OverflowError:  # an integer beyond float range: no period count
            return None
    return None


def rate_divisors(formula: str) -> list[float]:
    """Each constant ``formula`` divides a rate written as a number by, besides 100: ``K`` in
    ``6/100/K``, ``6/K/100`` and ``(6/100)/K`` (the periods a year of a per-period rate); not
    in ``(5+7+9)/3/100``, a mean."""
    tree = syntax_tree(formula)
    if tree is None:
        return []
    divisors = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)):
            continue
        inner = node.left
        if not (isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Div)):
            continue
        if _number(inner.left) is None:  # the rate itself must be a number as written
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


# A term stated as a number of payments ("60 monthly payments", "a 360-month mortgage",
# "36 equal monthly instalments"), not a rate of them ("12 payments a year"). Counts of 12 or
# fewer are left alone: "4 quarterly payments" is as often a year's worth as a term.
_PAYMENT_COUNT = re.compile(
    r"(?<![\d.,])(\d+)(?:-(?:payment|month|quarter|instal?ment)\b"
    r"|[ ]+(?:(?!years?\b)[a-z][a-z-]*[ ]+){0,2}"  # "60 equal monthly payments", on one line
    r"(?:payments|pmts|instal?ments|repayments|deposits|contributions|months|quarters)\b"
    r"(?!\s+(?:a|per|each|every)\s+year))",
    re.I,
)
_PERIODS_A_YEAR = (2.0, 4.0, 12.0)


def stated_payment_counts(question: str) -> frozenset[float]:
    """The terms ``question`` states as a number of payments (more than 12 of them)."""
    counts = (float(found.group(1)) for found in _PAYMENT_COUNT.finditer(question))
    return frozenset(count for count in counts if count > 12)


def _term_in_years(node: ast.AST) -> bool | None:
    """For a ``periods(count, unit[, per_year])`` call, whether its unit is years (the count
    is scaled by the payments a year) or a count of payments; None for anything else or an
    unknown unit."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "periods"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    ):
        return None
    return TERM_UNITS.get(node.args[1].value.strip().upper())


def count_read_as_years(formula: str, question: str) -> str | None:
    """Why ``formula`` reads a number of payments the question states as a number of years
    (``60*12`` or ``periods(60,"years",12)`` for "60 monthly payments"), or None when it does
    not."""
    counts = stated_payment_counts(question)
    if not counts:
        return None
    tree = syntax_tree(formula)
    if tree is None:
        return None
    for node in ast.walk(tree):
        if _term_in_years(node):
            count = _number(node.args[0])  # type: ignore[attr-defined]
            if count in counts:
                return f"the formula counts the {count:g} payments the question states in years"
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)):
            continue
        left, right = _number(node.left), _number(node.right)
        for count, factor in ((left, right), (right, left)):
            if count in counts and factor in _PERIODS_A_YEAR:
                return (
                    f"the formula multiplies the {count:g} payments the question states by "
                    f"{factor:g}, as if they were years"
                )
    return None


# A figure written in years: "over 15 years", "7 yrs", "a 30-year mortgage", "5 years ago" (a
# formula with a per-period rate must scale each of them to periods).
_YEARS_TERM = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?)(?:[ ]*(?:years?|yrs?)\b|-(?:year|yr)\b)", re.I
)


def stated_years(question: str) -> frozenset[float]:
    """Every figure ``question`` writes as a number of years."""
    return frozenset(float(found.group(1)) for found in _YEARS_TERM.finditer(question))


def _bare(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Whether ``node`` is used as it stands: not scaled by a product or a quotient, once the
    sums and differences it sits in are looked through (``(25-10)*12`` scales 25 and 10)."""
    above, below = parents.get(id(node)), node
    while isinstance(above, ast.BinOp | ast.UnaryOp) and isinstance(
        above.op, ast.Add | ast.Sub | ast.UAdd | ast.USub
    ):
        above, below = parents.get(id(above)), above
    in_years = _term_in_years(above) if above is not None else None
    if in_years is not None:  # periods(15,"years",2) scales its 15; periods(15,"payments") not
        return not in_years and above.args[0] is below  # type: ignore[union-attr]
    return not (
        isinstance(above, ast.Compare)
        or (isinstance(above, ast.BinOp) and isinstance(above.op, ast.Mult | ast.Div))
    )


def years_read_as_count(formula: str, question: str) -> str | None:
    """Why ``formula`` uses a term the question states in years as its number of periods
    (``pmt(5/100/2, 15, 200000)`` for "semi-annual payments ... for 15 years"), or None.

    Judged only where the formula has a per-period rate (a yearly rate divided by 2 or more),
    so the periods are not years; a years figure that is also a stated count of payments is
    left alone. The mirror of :func:`count_read_as_years`."""
    years = stated_years(question) - stated_payment_counts(question)
    divisors = [divisor for divisor in rate_divisors(formula) if divisor > 1]
    if not years or not divisors:
        return None
    tree = syntax_tree(formula)
    if tree is None:
        return None
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        value = _number(node)
        if value in years and _bare(node, parents):
            return (
                f"the formula counts the {value:g} years as periods of a rate divided by "
                f"{divisors[0]:g}"
            )
    return None


# A term written in days: "75-day forward", "for 30 days", "91 calendar days".
_DAYS_TERM = re.compile(r"(?<![\d.,])(\d+)(?:[ -]*(?:calendar |trading )?days?\b)", re.I)
_DAY_COUNTS = (360.0, 365.0, 366.0, 252.0)


def days_read_as_years(formula: str, question: str) -> str | None:
    """Why ``formula`` raises to a number of days the question states as a term
    (``((1+0.63/100)/(1+4.95/100))**75`` for a 75-day forward), as if they were years, or
    None. Compounding daily divides the rate by a day count, so a formula that divides a rate
    by 360, 365, 366 or 252 is not judged."""
    days = {float(found) for found in _DAYS_TERM.findall(question)}
    if not days or any(divisor in _DAY_COUNTS for divisor in rate_divisors(formula)):
        return None
    tree = syntax_tree(formula)
    if tree is None:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            exponent = _number(node.right)
            if exponent is not None and exponent > 3 and exponent in days:
                return f"the formula raises to the {exponent:g} days as if they were years"
    return None
