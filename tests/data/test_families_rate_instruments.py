"""The rate-instrument families (quantreason.tasks.rate_instruments) against hand-computed cases,
and the checks particular to them: a semiannual bond halves the coupon and the yield and doubles
the years in every question that says the coupons are semiannual, a par swap rate doubles its
half-year rate exactly where the fixed leg pays twice a year, an option's delta carries the
dividend factor only where a dividend yield is given and a put's is its call's less that factor,
and a beta change sells futures when the beta comes down and buys them when it goes up; figures
shown beside the inputs (an issue price, a notional, an option's premium, a margin) never enter a
formula.

Expected values are written as the arithmetic a person would do on paper (or a normal-table
value), never by calling the family's solver.
"""

from __future__ import annotations

import math
import random
import re
from statistics import NormalDist

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.formula import evaluate
from quantreason.frequency import frequency_mismatch, years_read_as_count
from quantreason.tasks import get_family
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.rate_instruments import (
    DIVIDEND_SHARE,
    POSITION_SHARE,
    PUT_SHARE,
    SEMIANNUAL_SHARE,
    factor_keys,
)
from tests.data.article_checks import assert_articles_read_right
from tests.data.family_checks import SPLITS, family_records

RATE_FAMILIES = ("bond_price_semiannual", "par_swap_rate", "option_delta", "futures_beta_change")
N = NormalDist().cdf  # the standard normal table

HAND_CASES = [
    # coupon = yield: every half-year's 30 is exactly its interest at 3 %, so the price is par
    ("bond_price_semiannual", {"F": 1000, "c": 6, "y": 6, "n": 10}, 1000.0),
    # 10 % coupon on 100 is 5 a half-year; 8 % yield is 4 % a half-year; two half-years
    ("bond_price_semiannual", {"F": 100, "c": 10, "y": 8, "n": 1}, 5 / 1.04 + 105 / 1.04**2),
    # a 250,000 position at 4 %: 5,000 a half-year at 2.5 %, then 255,000 with the last coupon
    (
        "bond_price_semiannual",
        {"N": 250000, "c": 4, "y": 5, "n": 1},
        5000 / 1.025 + 255000 / 1.025**2,
    ),
    # no coupon: 1,000 in two years at 3 % a half-year: 1,000 / 1.03^4
    ("bond_price_semiannual", {"F": 1000, "c": 0, "y": 6, "n": 2}, 1000 / 1.03**4),
    # annual: (1 - 0.90) / (0.95 + 0.90) = 0.10 / 1.85
    ("par_swap_rate", {"D1": 0.95, "D2": 0.9}, 10 / 1.85),
    # annual, three dates: 0.12 / (0.96 + 0.92 + 0.88) = 0.12 / 2.76
    ("par_swap_rate", {"D1": 0.96, "D2": 0.92, "D3": 0.88}, 12 / 2.76),
    # semiannual: 0.04 / (0.98 + 0.96) a half-year, twice that a year: 8 / 1.94
    ("par_swap_rate", {"D1": 0.98, "D2": 0.96, "s": 2}, 8 / 1.94),
    # semiannual on a flat 2 % a half-year (D = 1/1.02, 1/1.0404): a par swap pays 2 % a half-year
    ("par_swap_rate", {"D1": 0.98, "D2": 0.9604, "s": 2}, 2 * 0.0396 / 1.9404 * 100),
    # at the money, r 6 %, vol 20 %, one year: d1 = (0.06 + 0.02) / 0.2 = 0.4
    ("option_delta", {"S": 100, "K": 100, "r": 6, "sigma": 20, "T": 1}, N(0.4)),
    # the put on the same: N(0.4) - 1
    ("option_delta", {"S": 100, "K": 100, "r": 6, "sigma": 20, "T": 1, "put": 1}, N(0.4) - 1),
    # r - q + vol^2 / 2 = 0.03 - 0.05 + 0.02 = 0: d1 = 0, N(0) = 0.5, carried by e^-0.05
    ("option_delta", {"S": 80, "K": 80, "r": 3, "q": 5, "sigma": 20, "T": 1}, 0.5 * math.e**-0.05),
    (
        "option_delta",
        {"S": 80, "K": 80, "r": 3, "q": 5, "sigma": 20, "T": 1, "put": 1},
        -0.5 * math.e**-0.05,
    ),
    # 3 months = 0.25 years: d1 = (0.04 + 0.02) * 0.25 / (0.2 * 0.5) = 0.015 / 0.1 = 0.15
    ("option_delta", {"S": 50, "K": 50, "r": 4, "sigma": 20, "m": 3}, N(0.15)),
    # beta 1.2 down to 0.8 on 10,000,000: 4,000,000 of exposure over 4,000 * 50 = 200,000: sell 20
    ("futures_beta_change", {"V": 10000000, "b": 1.2, "bt": 0.8, "F": 4000, "M": 50}, 20),
    # 0.9 up to 1.3 on 5,000,000: 2,000,000 over 5,000 * 50 = 250,000: buy 8
    ("futures_beta_change", {"V": 5000000, "b": 0.9, "bt": 1.3, "F": 5000, "M": 50}, 8),
    # 1.0 down to 0.7 on 2,000,000: 600,000 over 205,000 = 2.93: sell 3
    ("futures_beta_change", {"V": 2000000, "b": 1, "bt": 0.7, "F": 4100, "M": 50}, 3),
    # 0.5 up to 0.8 on 3,000,000: 900,000 over 220,000 = 4.09: buy 4
    ("futures_beta_change", {"V": 3000000, "b": 0.5, "bt": 0.8, "F": 4400, "M": 50}, 4),
]


def _records(name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS):
    return family_records("rate_instruments", name, draws, splits)


@pytest.mark.parametrize("name", RATE_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        question = record["question"]
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], question) == [], record
        assert frequency_mismatch(record["formula"], question) is None, record
        assert years_read_as_count(record["formula"], question) is None, record
        assert "{" not in question, question
        if not record["template_id"].endswith("composed"):
            assert "  " not in question and " ." not in question and " ," not in question


def _side_figure_checks(name: str, side: str) -> None:
    """``side`` is drawn in about SIDE_FIGURE_SHARE of draws, shown (in the written question's
    opening sentence or under a label), and never changes the formula or the answer."""
    family = get_family(name)
    rng = random.Random(f"side:{name}")
    shown = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        if side not in nums:
            continue
        shown += 1
        without = {key: num for key, num in nums.items() if key != side}
        assert family.build_formula(without) == family.build_formula(nums)
        assert family.answer(without) == family.answer(nums)
        texts = family.texts(rng, nums)
        assert family.aside is not None
        assert texts[side] in family.aside(rng, nums, texts, i % 4 == 1)
    assert 0.25 * 400 < shown < 0.5 * 400, shown
    for template in (*family.templates, *family.ood_templates):
        assert "{" + side + "}" not in template, template


# --- bond_price_semiannual --------------------------------------------------------------------

SEMI_WORDS = re.compile(
    r"semi-?annual|half-?year|six-?month|twice a year|every six months|two halves", re.I
)


def test_every_bond_question_says_semiannual_and_the_formula_halves_and_doubles() -> None:
    positions = 0
    records = list(_records("bond_price_semiannual"))
    for record in records:
        question, formula = record["question"], record["formula"]
        assert SEMI_WORDS.search(question), question
        match = re.fullmatch(
            r"pv\(([\d.]+)/100/2, (\d+)\*2, ([\d.]+)\*([\d.]+)/100/2, ([\d.]+)\)", formula
        )
        assert match, formula
        assert match.group(3) == match.group(5)  # the coupon is on the face repaid
        positions += match.group(5) not in ("100", "1000")
        assert record["answer"] > 0
    assert abs(positions / len(records) - POSITION_SHARE) < 0.08


def test_a_bond_whose_coupon_is_its_yield_is_priced_at_par_and_issue_prices_stay_out() -> None:
    family = get_family("bond_price_semiannual")
    rng = random.Random(1)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {key: num.value for key, num in nums.items()}
        face = values.get("N", values.get("F"))
        at_par = dict(values, y=values["c"])
        assert family.solve(at_par) == pytest.approx(face, rel=1e-9)
        # a coupon above the yield prices above par, below it under par
        price = family.answer(nums)
        assert (price > face) == (values["c"] > values["y"]) or values["c"] == values["y"]
    _side_figure_checks("bond_price_semiannual", "iss")


# --- par_swap_rate ----------------------------------------------------------------------------

ANNUAL_WORDS = re.compile(r"\bannual|yearly|once a year|every year|annually", re.I)


def test_a_swap_rate_doubles_exactly_where_the_fixed_leg_pays_semiannually() -> None:
    semi = 0
    lengths = set()
    records = list(_records("par_swap_rate"))
    for record in records:
        question, formula = record["question"], record["formula"]
        match = re.fullmatch(r"(2\*)?\(1-([\d.]+)\)/sum\(([\d.,]+)\)\*100", formula)
        assert match, formula
        factors = match.group(3).split(",")
        assert factors[-1] == match.group(2)  # one minus the last factor
        assert [float(f) for f in factors] == sorted(map(float, factors), reverse=True)
        positions = [question.index(f) for f in factors]
        assert positions == sorted(positions), question  # listed in date order
        lengths.add((bool(match.group(1)), len(factors)))
        if match.group(1):
            semi += 1
            assert SEMI_WORDS.search(question), question
        else:
            assert not SEMI_WORDS.search(question), question
            assert ANNUAL_WORDS.search(question), question
        assert 0 < record["answer"] < 20
    assert abs(semi / len(records) - SEMIANNUAL_SHARE) < 0.08
    assert {n for s, n in lengths if not s} == set(range(2, 8))
    assert {n for s, n in lengths if s} == set(range(2, 11))


def test_the_par_rate_prices_the_fixed_leg_at_the_floating_legs_value() -> None:
    # a par swap: the fixed coupons and a notional of 1 at the end are worth 1 today
    family = get_family("par_swap_rate")
    rng = random.Random(2)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        factors = [nums[key].value for key in factor_keys(nums)]
        accrual = 0.5 if "s" in nums else 1.0
        rate = family.answer(nums) / 100
        fixed_bond = sum(rate * accrual * factor for factor in factors) + factors[-1]
        assert fixed_bond == pytest.approx(1.0, rel=1e-9)
    _side_figure_checks("par_swap_rate", "L")


# --- option_delta -----------------------------------------------------------------------------

NO_DIVIDEND_WORDS = re.compile(r"no dividend|not pay dividends|zero|pays none|no divs", re.I)


def test_a_delta_names_its_side_and_passes_a_dividend_yield_only_where_one_is_given() -> None:
    puts = dividends = 0
    records = list(_records("option_delta"))
    for record in records:
        question, formula = record["question"], record["formula"]
        call = re.fullmatch(r"(call|put)_delta\((.*)\)", formula)
        assert call, formula
        put = call.group(1) == "put"
        puts += put
        assert re.search(r"\bput\b" if put else r"\bcall\b", question), question
        assert not re.search(r"\bcall\b" if put else r"\bput\b", question), question
        arguments = call.group(2).split(",")
        if len(arguments) == 6:
            dividends += 1
            assert re.fullmatch(r"[\d.]+/100", arguments[5]), formula
        else:
            assert len(arguments) == 5, formula
            assert NO_DIVIDEND_WORDS.search(question), question
        answer = record["answer"]
        assert (-1 < answer < 0) if put else (0 < answer < 1), record
        assert evaluate(formula) == pytest.approx(answer, rel=1e-6)
    assert abs(puts / len(records) - PUT_SHARE) < 0.08
    assert abs(dividends / len(records) - DIVIDEND_SHARE) < 0.08


def test_a_puts_delta_is_its_calls_less_the_dividend_factor() -> None:
    family = get_family("option_delta")
    rng = random.Random(3)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {key: num.value for key, num in nums.items() if key != "put"}
        years = values["m"] / 12 if "m" in values else values["T"]
        carry = math.exp(-values.get("q", 0) / 100 * years)
        call, put = family.solve(values), family.solve({**values, "put": 1})
        assert call - put == pytest.approx(carry, rel=1e-9)
        # delta is the slope of the option's price: a central difference of Black-Scholes
        bumped = [
            evaluate(
                ("bs_put" if "put" in nums else "bs_call")
                + f"({s},{values['K']},{values['r'] / 100},{values['sigma'] / 100},{years})"
            )
            for s in (values["S"] * 1.0001, values["S"] * 0.9999)
        ]
        if "q" not in values:
            slope = (bumped[0] - bumped[1]) / (values["S"] * 0.0002)
            assert family.answer(nums) == pytest.approx(slope, abs=1e-4)
    _side_figure_checks("option_delta", "prem")


# --- futures_beta_change ----------------------------------------------------------------------


def test_futures_are_sold_when_beta_comes_down_and_bought_when_it_goes_up() -> None:
    sold = 0
    records = list(_records("futures_beta_change"))
    for record in records:
        question, formula = record["question"], record["formula"]
        match = re.fullmatch(r"round\(\(([\d.]+)-([\d.]+)\)\*(\d+)/\(([\d.]+)\*(\d+)\)\)", formula)
        assert match, formula
        first, second = float(match.group(1)), float(match.group(2))
        assert first > second  # the larger beta first: a positive count
        assert record["answer"] >= 2 and record["unit"] == "count"
        words = question.lower()
        selling = re.search(
            r"\bsell\b|\bsold\b|go short|lower beta|beta reduction|reducing t", words
        )
        buying = re.search(r"\bbuy\b|\bbought\b|go long|higher beta|beta increase|raising t", words)
        assert bool(selling) != bool(buying), question
        sold += bool(selling)
    assert 0.3 < sold / len(records) < 0.7


def test_the_count_moves_the_beta_weighted_exposure_to_the_target() -> None:
    family = get_family("futures_beta_change")
    rng = random.Random(4)
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {key: num.value for key, num in nums.items()}
        contracts = family.answer(nums)
        notional = values["F"] * values["M"]
        wanted = abs(values["bt"] - values["b"]) * values["V"]
        assert abs(contracts * notional - wanted) <= notional / 2 + 1e-6
        assert values["bt"] != 0
        texts = family.texts(rng, nums)
        reducing = values["bt"] < values["b"]
        assert texts["side"] == ("sell" if reducing else "buy")
        formula = family.build_formula(nums)
        current, target = nums["b"].formula, nums["bt"].formula
        assert formula.startswith(
            f"round(({current}-{target})*" if reducing else f"round(({target}-{current})*"
        ), formula
    _side_figure_checks("futures_beta_change", "IM")


def test_written_beta_questions_name_the_side_to_trade() -> None:
    family = get_family("futures_beta_change")
    for template in family.templates:
        assert re.search(r"\{(side|Side|side_past|position)\}", template), template
        assert "{b}" in template and "{bt}" in template
    for template in family.ood_templates:
        assert "{side}" in template, template


# --- phrasing ---------------------------------------------------------------------------------


def _labels(name: str) -> list[str]:
    parts = get_family(name).parts
    assert parts is not None
    return [
        label
        for table in (parts.labels, parts.ood_labels)
        for labels in table.values()
        for label in labels
    ]


_CAPITALS = re.compile(r"\b(?:YTM|BSM)\b")
_QUALIFIERS = re.compile(
    r" (?:of|in|for|at|on|to|over|per|by|from|with|as|before|after|until) | \("
)


@pytest.mark.parametrize("name", RATE_FAMILIES)
def test_labels_and_asks_follow_the_form_rules(name: str) -> None:
    """Composed questions say "With a {label} of {value}", "the {label} is {value}", "If the
    {label} were {value}": a label is a singular lower-case noun phrase (acronyms kept), no
    digits, no comma, no end stop, no bare symbol."""
    family = get_family(name)
    parts = family.parts
    assert parts is not None
    assert len(family.templates) >= 20 and len(family.ood_templates) == 3
    for key, labels in parts.labels.items():
        assert len(labels) >= 12, key
        assert len(parts.ood_labels.get(key, ())) >= 2, key
        assert not set(parts.ood_labels.get(key, ())) & set(labels), key
    for label in _labels(name):
        assert not re.search(r"\d", label), label
        assert _CAPITALS.sub("", label) == _CAPITALS.sub("", label).lower(), label
        assert not re.search(r"[,;.:!?]$", label) and "," not in label, label
        assert len(re.sub(r"[^a-z]", "", label.lower())) > 2, label  # no bare symbol
        assert not label.startswith(("u", "one", "eu")), label  # "a"/"an" reads right
        head = _QUALIFIERS.split(f" {label} ")[0].split()
        assert head and not (head[-1].endswith("s") and head[-1] not in ("basis", "sigma")), label
    assert len(parts.asks) >= 20 and len(parts.ood_asks) >= 3
    assert len(set(parts.asks)) == len(parts.asks)
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d|\{", ask), ask
        assert ask.endswith(("?", ".")), ask


@pytest.mark.parametrize("name", RATE_FAMILIES)
def test_every_family_shows_side_figures_and_has_an_aside(name: str) -> None:
    family = get_family(name)
    assert family.aside is not None and SIDE_FIGURE_SHARE == 0.4


@pytest.mark.parametrize("name", RATE_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        assert_articles_read_right(record["question"])
