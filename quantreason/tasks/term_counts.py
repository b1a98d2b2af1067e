"""Terms stated as a number of payments: "60 monthly payments", "over 360 months", "a 48-month
car loan".

People give a loan's or a savings plan's term as a count of payments at least as often as in
years. A model taught only years reads "60 monthly payments" as 60 years and writes ``60*12``:
on the two blind probe sets, four of the five in-family questions worded that way went wrong
exactly so. A family with a :class:`~quantreason.tasks.base.TermCount` has some of its
template questions restated with the count (:func:`restate_term`), and its formula builder then
receives the count as parameter ``N`` (:data:`COUNT_KEY`) and writes it as given.

Since session 40 the formula names the unit either way (:func:`term_formula`,
:func:`quantreason.formula.periods`): ``pmt(6.9/100/12, periods(60,"payments"), 28500)`` for
the count, ``pmt(6.9/100/12, periods(5,"years",12), 28500)`` for the years, so a reply copies
the unit the question gives instead of choosing whether to multiply by 12 (run BR still
multiplied a count of months by 12 in 7 of its tuning-set misses over six families); every
number is still one the question shows.

Only a term that the question writes once, as "N years" or "an N-year ...", is restated; a
question whose years are ambiguous (a loan's term and its elapsed years written alike) or
that pays once a year (the count is the years) stays as it is.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from quantreason.tasks.base import Num, TermCount, Values

COUNT_KEY = "N"
# Share of the template questions of a family with a TermCount that state the count instead.
TERM_COUNT_SHARE = 0.4

_ADJECTIVES = {12.0: ("monthly",), 4.0: ("quarterly",), 2.0: ("half-yearly", "semi-annual")}
_PERIODS = {12.0: "months", 4.0: "quarters"}  # "over 60 months": the period itself named


def term_formula(f: Mapping[str, str], per_year: str) -> str:
    """How a formula writes a plan's number of payments, naming the unit the question gives
    the term in (:func:`quantreason.formula.periods`): ``periods(60,"payments")`` where it
    states the count (:data:`COUNT_KEY`), ``periods(5,"years",12)`` where it states years."""
    if COUNT_KEY in f:
        return f'periods({f[COUNT_KEY]},"payments")'
    return years_term(f["n"], per_year)


def years_term(years: str, per_year: str) -> str:
    """A term given in years as a number of payments: ``periods(5,"years",12)``."""
    return f'periods({years},"years",{per_year})'


def payments_a_year(term: TermCount, nums: Values) -> float:
    """How many payments a year the question's plan makes."""
    if isinstance(term.per_year, str):
        return float(nums[term.per_year].value)
    return float(term.per_year)


def with_count(nums: Values, term: TermCount) -> dict[str, Num]:
    """``nums`` plus the number of payments as :data:`COUNT_KEY` (a whole number)."""
    count = round(nums[term.years].value * payments_a_year(term, nums))
    return {**nums, COUNT_KEY: Num(float(count), 0, "plain")}


def _years_pattern(years_text: str) -> re.Pattern[str]:
    """``N years`` / ``N yrs`` (group ``noun``) or ``N-year`` (group ``adjective``), with no
    digit glued on before ``N``."""
    digits = re.escape(years_text)
    return re.compile(
        rf"(?<![\d.,$€£]){digits}"
        r"(?:(?P<adjective>-(?:year|yr)\b)|(?P<noun> (?:years|year|yrs|yr)\b))",
        re.I,
    )


def restate_term(
    question: str, texts: dict[str, str], nums: Values, term: TermCount, rng: random.Random
) -> str | None:
    """``question`` with its term in years rewritten as the number of payments, or None when
    the term cannot be found exactly once or the plan pays once a year."""
    per_year = payments_a_year(term, nums)
    if per_year not in _ADJECTIVES:
        return None
    years_text = texts[term.years]
    if any(key != term.years and text == years_text for key, text in texts.items()):
        return None  # another number written alike: which one is the term is unclear
    found = list(_years_pattern(years_text).finditer(question))
    if len(found) != 1:
        return None
    match = found[0]
    count = round(nums[term.years].value * per_year)
    adjective = rng.choice(_ADJECTIVES[per_year])
    noun = rng.choice(term.nouns)
    if match.group("adjective"):
        options = [f"{count}-payment"]
        if per_year in _PERIODS:
            options.append(f"{count}-{_PERIODS[per_year][:-1]}")
    else:
        # A question that already names the frequency needs it only once.
        named = texts.get(term.per_year) if isinstance(term.per_year, str) else adjective
        options = [
            f"{count} {noun}" if named and named in question else f"{count} {adjective} {noun}"
        ]
        if per_year in _PERIODS:
            options.append(f"{count} {_PERIODS[per_year]}")
    return question[: match.start()] + rng.choice(options) + question[match.end() :]
