"""The real-estate families (quantreason.tasks.real_estate) against hand-computed cases, and the
checks particular to them: a cap-rate value builds its NOI from rents less vacancy and
operating expenses where the NOI is not given, a cash-on-cash return divides the year's cash
flow by the cash paid in (never by the price), a DSCR's debt service is twelve monthly payments
where the question gives a payment or the loan's terms, and the points break-even is rounded up
exactly where the question asks for whole months. Side figures (an asking price, a mortgage
rate, an appraised value, the lender's minimum, a home price, the years the buyer will stay)
are shown in a share of questions and never enter a formula.

Expected values are written as the arithmetic a person would do on paper, never by calling the
family's solver.
"""

from __future__ import annotations

import math
import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.frequency import count_read_as_years, frequency_mismatch, years_read_as_count
from quantreason.tasks import FAMILIES, get_family
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.real_estate import (
    EXACT_KEY,
    EXACT_SENTENCES,
    RATES_SHARE,
    REPAIR_SHARE,
    ROUND_UP_KEY,
    ROUND_UP_SENTENCES,
    ROUND_UP_SHARE,
)
from tests.data.article_checks import assert_articles_read_right

REAL_ESTATE_FAMILIES = ("cap_rate_value", "cash_on_cash", "dscr", "points_breakeven_months")

HAND_CASES = [
    # 350,000 / 7 % = 350,000 / 0.07
    ("cap_rate_value", {"N": 350000, "c": 7}, 5000000.0),
    # 100,000 less 5 % vacancy = 95,000, less 35,000 of expenses = 60,000; / 6 %
    ("cap_rate_value", {"G": 100000, "v": 5, "E": 35000, "c": 6}, 1000000.0),
    # 10 units at 1,000 a month: 120,000 a year; less 10 % = 108,000; less 28,000 = 80,000; / 8 %
    ("cap_rate_value", {"R": 1000, "u": 10, "v": 10, "E": 28000, "c": 8}, 1000000.0),
    # the asking price and the mortgage rate are beside the point: 50,000 / 5 %
    ("cap_rate_value", {"N": 50000, "c": 5, "P": 900000, "i": 6.5}, 1000000.0),
    # 6,000 a year on 50,000 down + 10,000 closing = 60,000
    ("cash_on_cash", {"CF": 6000, "D": 50000, "K": 10000}, 10.0),
    # 2,000 - 500 - 1,000 = 500 a month, 6,000 a year, on 60,000
    ("cash_on_cash", {"Rm": 2000, "Om": 500, "M": 1000, "D": 50000, "K": 10000}, 10.0),
    # 24,000 NOI less 12 * 1,500 = 18,000: 6,000 on 40,000 + 5,000 + 15,000 of repairs
    ("cash_on_cash", {"N": 24000, "M": 1500, "D": 40000, "K": 5000, "Rh": 15000}, 10.0),
    # the 300,000 price is not cash invested: 4,500 on 60,000 + 15,000 = 75,000
    ("cash_on_cash", {"CF": 4500, "D": 60000, "K": 15000, "P": 300000}, 6.0),
    # 125,000 / 100,000
    ("dscr", {"N": 125000, "DS": 100000}, 1.25),
    # 10,000 a month is 120,000 a year: 150,000 / 120,000
    ("dscr", {"N": 150000, "M": 10000}, 1.25),
    # 100,000 over one year at 12 %: 1 % a month, payment 1,000 / (1 - 1.01^-12) = 8,884.88
    (
        "dscr",
        {"N": 200000, "L": 100000, "r": 12, "n": 1, "m": 12},
        200000 / (12 * 1000 / (1 - 1.01**-12)),
    ),
    # the appraisal and the lender's 1.25 minimum are not used: 130,000 / 100,000
    ("dscr", {"N": 130000, "DS": 100000, "V": 2000000, "min": 1.25}, 1.3),
    # 1 point on 200,000 is 2,000; saving 1,100 - 1,060 = 40 a month: 50 months
    ("points_breakeven_months", {"L": 200000, "pts": 1, "M0": 1100, "M1": 1060, "X": 0}, 50.0),
    # 2 points on 300,000 = 6,000; saving 70 a month: 85.71 months
    ("points_breakeven_months", {"L": 300000, "pts": 2, "M0": 1800, "M1": 1730, "X": 0}, 6000 / 70),
    # the same in whole months, rounded up: 86
    ("points_breakeven_months", {"L": 300000, "pts": 2, "M0": 1800, "M1": 1730, "U": 0}, 86.0),
    # 1 point on 100,000 = 1,000; one year at 12 % (1 % a month) vs 6 % (0.5 % a month):
    # 1,000 / (1 - 1.01^-12) - 500 / (1 - 1.005^-12) = 278.24 a month saved
    (
        "points_breakeven_months",
        {"L": 100000, "pts": 1, "r0": 12, "r1": 6, "n": 1, "m": 12, "X": 0},
        1000 / (1000 / (1 - 1.01**-12) - 500 / (1 - 1.005**-12)),
    ),
    # that is 3.59 months: 4 whole months, rounded up
    (
        "points_breakeven_months",
        {"L": 100000, "pts": 1, "r0": 12, "r1": 6, "n": 1, "m": 12, "U": 0},
        4.0,
    ),
]

SPLITS = ("train", "test_ood_range", "test_ood_template")


def _records(name: str, draws: int = 200):
    """``draws`` records per split of ``name``, written templates and composed questions alike."""
    family = get_family(name)
    for split in SPLITS:
        rng = random.Random(f"real_estate:{name}:{split}")
        for index in range(draws):
            yield make_record(family, index, rng, split, index)


def _draws(name: str, count: int, seed: int):
    family = get_family(name)
    rng = random.Random(seed)
    return family, [family.draw(rng, ood=i % 2 == 1) for i in range(count)]


def test_the_families_are_registered_in_order_after_the_earlier_ones() -> None:
    names = list(FAMILIES)
    start = names.index("cap_rate_value")
    assert names[start : start + 4] == list(REAL_ESTATE_FAMILIES)
    assert start > names.index("capital_gains_tax")  # appended after session 31's families


@pytest.mark.parametrize("name", REAL_ESTATE_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        question, formula = record["question"], record["formula"]
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(formula, question) == [], record
        assert frequency_mismatch(formula, question) is None, record
        assert count_read_as_years(formula, question) is None, record
        assert years_read_as_count(formula, question) is None, record
        assert "{" not in question, question
        assert record["answer"] > 0, record
        if not record["template_id"].endswith("composed"):
            assert "  " not in question and " ." not in question and " ," not in question


@pytest.mark.parametrize("name", REAL_ESTATE_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        assert_articles_read_right(record["question"])


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("cap_rate_value", ("P", "i")),
        ("cash_on_cash", ("P", "i")),
        ("dscr", ("V", "min")),
        ("points_breakeven_months", ("H", "stay")),
    ],
)
def test_side_figures_are_shown_in_a_share_and_never_used(name: str, side: tuple[str, ...]) -> None:
    family, draws = _draws(name, 500, 11)
    with_side, seen = 0, set()
    for nums in draws:
        present = [key for key in side if key in nums]
        seen.update(present)
        if not present:
            continue
        with_side += 1
        without = {key: num for key, num in nums.items() if key not in side}
        assert family.build_formula(without) == family.build_formula(nums)
        assert family.answer(without) == family.answer(nums)
    assert seen == set(side)
    assert abs(with_side / len(draws) - SIDE_FIGURE_SHARE) < 0.08


# --- cap_rate_value ---------------------------------------------------------------------------

NUMBER = r"[\d.]+"


def test_cap_rate_values_build_the_noi_only_where_it_is_not_given() -> None:
    family, draws = _draws("cap_rate_value", 600, 1)
    variants = set()
    for nums in draws:
        formula = family.build_formula(nums)
        values = {key: num.value for key, num in nums.items()}
        if "N" in values:
            variants.add("direct")
            assert re.fullmatch(rf"{NUMBER}/\({NUMBER}/100\)", formula), formula
            noi = values["N"]
        else:
            assert re.fullmatch(
                rf"\({NUMBER}(\*{NUMBER}\*12)?\*\(1-{NUMBER}/100\)-{NUMBER}\)/\({NUMBER}/100\)",
                formula,
            ), formula
            if "G" in values:
                variants.add("yearly")
                gross = values["G"]
            else:
                variants.add("monthly")
                assert f"{nums['R'].formula}*{nums['u'].formula}*12*" in formula
                gross = values["R"] * values["u"] * 12
            # expenses a quarter to a half of the rent collected: a positive NOI
            collected = gross * (1 - values["v"] / 100)
            assert 0.2 * collected <= values["E"] <= 0.55 * collected
            noi = collected - values["E"]
        assert family.answer(nums) == pytest.approx(noi / (values["c"] / 100), rel=1e-9)
    assert variants == {"direct", "yearly", "monthly"}


def test_cap_rate_questions_say_which_rents_are_monthly_and_exclude_debt_service() -> None:
    for record in _records("cap_rate_value"):
        question, formula = record["question"], record["formula"]
        if "*12*" in formula:
            assert re.search(r"month|/mo\b", question, re.I), question
        if "-" in formula and not record["template_id"].endswith("composed"):
            assert re.search(r"debt service|mortgage|upkeep|opex", question), question


# --- cash_on_cash -----------------------------------------------------------------------------


def test_cash_on_cash_divides_by_the_cash_paid_in_never_the_price() -> None:
    family, draws = _draws("cash_on_cash", 600, 2)
    variants, repairs = set(), 0
    for nums in draws:
        formula = family.build_formula(nums)
        values = {key: num.value for key, num in nums.items()}
        cash_keys = [key for key in ("D", "K", "Rh") if key in nums]
        repairs += "Rh" in nums
        invested = "+".join(nums[key].formula for key in cash_keys)
        assert formula.endswith(f"/({invested})*100"), formula
        if "CF" in values:
            variants.add("flow")
            year = values["CF"]
        elif "Rm" in values:
            variants.add("rents")
            assert formula.startswith(f"({nums['Rm'].formula}-{nums['Om'].formula}-")
            year = 12 * (values["Rm"] - values["Om"] - values["M"])
        else:
            variants.add("noi")
            assert formula.startswith(f"({nums['N'].formula}-{nums['M'].formula}*12)")
            year = values["N"] - 12 * values["M"]
        cash = sum(values[key] for key in cash_keys)
        assert family.answer(nums) == pytest.approx(year / cash * 100, rel=1e-9)
        if "P" in values:  # the price is above the cash paid in
            assert values["P"] > values["D"]
    assert variants == {"flow", "rents", "noi"}
    assert abs(repairs / len(draws) - REPAIR_SHARE) < 0.08


def test_cash_on_cash_questions_say_monthly_where_the_formula_takes_twelve() -> None:
    for record in _records("cash_on_cash"):
        question, formula = record["question"], record["formula"]
        if "*12" in formula:
            assert re.search(r"month|/mo\b", question, re.I), question
        else:
            assert re.search(r"year|annual|/yr\b", question, re.I), question


# --- dscr -------------------------------------------------------------------------------------


def test_dscr_debt_service_is_twelve_payments_off_a_schedule_that_repays_the_loan() -> None:
    family, draws = _draws("dscr", 600, 3)
    variants = set()
    for nums in draws:
        formula = family.build_formula(nums)
        values = {key: num.value for key, num in nums.items()}
        if "DS" in values:
            variants.add("annual")
            service = values["DS"]
        elif "M" in values:
            variants.add("monthly")
            assert formula.endswith(f'/per_year({nums["M"].formula},"month")'), formula
            service = 12 * values["M"]
        else:
            variants.add("terms")
            term = f'periods({nums["n"].formula},"years",12)'  # the term's unit named
            assert f"/100/12, {term}, {nums['L'].formula})" in formula
            assert formula.endswith('),"month")'), formula  # a monthly payment, named so
            payment = evaluate(formula[formula.index("pmt(") : formula.rindex(',"month")')])
            # the payment repays the loan: the balance month by month ends at zero
            balance, rate = values["L"], values["r"] / 100 / 12
            for _ in range(round(values["n"] * 12)):
                balance = balance * (1 + rate) - payment
            assert balance == pytest.approx(0, abs=1e-6 * values["L"])
            service = 12 * payment
        ratio = family.answer(nums)
        assert ratio == pytest.approx(values["N"] / service, rel=1e-9)
        assert 0.7 <= ratio <= 3.5
    assert variants == {"annual", "monthly", "terms"}


def test_dscr_questions_name_the_period_of_the_debt_service() -> None:
    for record in _records("dscr"):
        question, formula = record["question"], record["formula"]
        assert re.search(r'/per_year\(.+,"(month|year)"\)$', formula), formula
        if formula.endswith('"month")'):
            assert re.search(r"month|/mo\b|12 payments", question, re.I), question
        else:
            assert re.search(r"annual|year|/yr\b|ADS|per annum|twelvemonth", question, re.I), (
                question
            )


# --- points_breakeven_months ------------------------------------------------------------------

ROUND_UP_WORDS = re.compile(r"round(ing|ed)?( any part month)? up", re.I)
EXACT_WORDS = re.compile(r"not round|no rounding|do not round|unrounded|not rounded", re.I)


def test_points_break_even_is_rounded_up_exactly_where_the_question_says_so() -> None:
    records = list(_records("points_breakeven_months"))
    rounded = 0
    for record in records:
        question, formula = record["question"], record["formula"]
        if formula.startswith("ceil("):
            rounded += 1
            assert ROUND_UP_WORDS.search(question), question
            assert not EXACT_WORDS.search(question), question
            assert float(record["answer"]).is_integer()
        else:
            assert EXACT_WORDS.search(question), question
            assert not ROUND_UP_WORDS.search(question), question
            assert not float(record["answer"]).is_integer()
        assert re.search(r"points?\b|pts\b|buy-down|upfront (fee|charge)", question, re.I), question
    assert abs(rounded / len(records) - ROUND_UP_SHARE) < 0.07
    assert set(ROUND_UP_SENTENCES).isdisjoint(EXACT_SENTENCES)


def test_points_cost_is_recovered_month_by_month() -> None:
    family, draws = _draws("points_breakeven_months", 600, 4)
    from_rates = 0
    for nums in draws:
        values = {key: num.value for key, num in nums.items()}
        formula = family.build_formula(nums)
        assert (EXACT_KEY in nums) != (ROUND_UP_KEY in nums)
        cost = values["pts"] / 100 * values["L"]
        cost_text = f"{nums['pts'].formula}/100*{nums['L'].formula}/("
        assert formula.removeprefix("ceil(").startswith(cost_text), formula
        if "r0" in values:
            from_rates += 1
            assert values["r1"] < values["r0"]
            calls = re.findall(r"pmt\([^()]*(?:\([^()]*\)[^()]*)*\)", formula)
            without, with_points = (evaluate(call) for call in calls)
            saving = without - with_points
        else:
            saving = values["M0"] - values["M1"]
        assert saving > 0
        months = family.answer(nums)
        exact = cost / saving
        if ROUND_UP_KEY in nums:
            assert months == math.ceil(exact)
            # the last month's saving is the one that crosses the cost
            assert (months - 1) * saving < cost <= months * saving
        else:
            assert months == pytest.approx(exact, rel=1e-9)
    assert abs(from_rates / len(draws) - RATES_SHARE) < 0.08


# --- phrasing ---------------------------------------------------------------------------------

_CAPITALS = re.compile(r"\b(?:NOI|DSCR|P&I)\b")


@pytest.mark.parametrize("name", REAL_ESTATE_FAMILIES)
def test_labels_and_asks_follow_the_form_rules(name: str) -> None:
    """Composed questions say "With a {label} of {value}", "the {label} is {value}": a label is
    a singular lower-case noun phrase (acronyms kept), no digits, no comma, no end stop."""
    family = get_family(name)
    parts = family.parts
    assert parts is not None
    for key, labels in parts.labels.items():
        assert len(labels) >= 12, key
        assert len(parts.ood_labels.get(key, ())) == 2 or key in (EXACT_KEY, ROUND_UP_KEY, "m")
        assert not set(parts.ood_labels.get(key, ())) & set(labels), key
    everything = [
        x for table in (parts.labels, parts.ood_labels) for xs in table.values() for x in xs
    ]
    for label in everything:
        assert not re.search(r"\d", label), label
        assert _CAPITALS.sub("", label) == _CAPITALS.sub("", label).lower(), label
        assert not re.search(r"[,;.:!?]$", label) and "," not in label, label
        assert not re.match(r"(?:how|what|when|years|months|payments|points)\b", label), label
        # singular: the head noun (before any preposition or participle) is no plural such as
        # "closing costs" or "operating expenses"; "number of units" is singular
        head = re.split(
            r" (?:of|in|per|for|on|at|with|without|before|after|from|to|paid|if)\b", label
        )[0]
        assert not re.search(r"(costs|expenses|payments|rents|units|fees|points)$", head), label
    assert len(parts.asks) >= 20 and len(parts.ood_asks) >= 3
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d|\{", ask), ask
        assert ask.endswith(("?", ".")), ask
    assert len(family.templates) >= 20 and len(family.ood_templates) == 3
    assert family.aside is not None
