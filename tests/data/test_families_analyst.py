"""The analyst families (quantreason.tasks.analyst) against hand-computed cases, and the checks
particular to them: a correlation's formula shows the units its question writes, a beta from a
correlation writes its standard deviations as decimals, an annuity due is the ordinary annuity
grown one period more and every question says the deposits come at the start, a balance is
paid off only where the payment beats the interest (and rounded up only where the question
asks), and an implied share price takes off the net debt, or the debt less the cash, as its
question gives them. Side figures never enter a formula.

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
from quantreason.tasks import FAMILIES, get_family
from quantreason.tasks.analyst import (
    CORRELATION_STYLES,
    FRACTIONAL_KEY,
    MONTHLY_SHARE,
    ROUND_UP_KEY,
    ROUND_UP_SHARE,
    SEPARATE_DEBT_SHARE,
    YEARLY_KEY,
    correlation_style,
)
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.phrasing import compose
from quantreason.tasks.term_counts import COUNT_KEY
from tests.data.article_checks import assert_articles_read_right

ANALYST_FAMILIES = (
    "correlation",
    "annuity_due_fv",
    "months_to_pay_off",
    "implied_share_price",
)

HAND_CASES = [
    # 0.0144 / (0.15 * 0.20) = 0.0144 / 0.03
    ("correlation", {"d1": 0.15, "d2": 0.2, "c": 0.0144}, 0.48),
    # in percent: 144 %² / (15 % * 20 %) = 144 / 300
    ("correlation", {"s1": 15, "s2": 20, "cp": 144}, 0.48),
    # a decimal covariance beside percents: -0.01 / (0.10 * 0.25) = -0.01 / 0.025
    ("correlation", {"s1": 10, "s2": 25, "c": -0.01}, -0.4),
    # 0.19 / (0.4 * 0.5) = 0.19 / 0.2; a mean return beside them changes nothing
    ("correlation", {"d1": 0.4, "d2": 0.5, "c": 0.19, "e1": 9, "e2": 4}, 0.95),
    # two yearly deposits of 100 at the start of each year at 10 %: the first grows two years,
    # the second one: 121 + 110
    ("annuity_due_fv", {"C": 100, "r": 10, "n": 2, "m": 1, YEARLY_KEY: 1}, 231.0),
    # three of 1,000 at 5 %: 1,157.625 + 1,102.5 + 1,050
    ("annuity_due_fv", {"C": 1000, "r": 5, "n": 3, "m": 1, YEARLY_KEY: 1}, 3310.125),
    # twelve monthly deposits of 100 at 12 % a year, 1 % a month, each at the start of its
    # month: the first grows 12 months, the last one month
    (
        "annuity_due_fv",
        {"C": 100, "r": 12, "n": 1, "m": 12},
        sum(100 * 1.01**months for months in range(1, 13)),
    ),
    # the same plan over two years, stated as 24 deposits
    (
        "annuity_due_fv",
        {"C": 100, "r": 12, "n": 2, "m": 12, COUNT_KEY: 24},
        sum(100 * 1.01**months for months in range(1, 25)),
    ),
    # at 1 % a month one payment of 101 a month from now clears 100: one month
    ("months_to_pay_off", {"B": 100, "r": 12, "P": 101, FRACTIONAL_KEY: 0}, 1.0),
    # two payments of 102.01 are worth 101 + 100 = 201 today at 1 % a month: two months
    ("months_to_pay_off", {"B": 201, "r": 12, "P": 102.01, FRACTIONAL_KEY: 0}, 2.0),
    # 21 % a month (APR 252): 1 - 100 * 0.21 / 231 = 1 - 1/11 = 1/1.1 = 1.21^-0.5: half a month
    ("months_to_pay_off", {"B": 100, "r": 252, "P": 231, FRACTIONAL_KEY: 0}, 0.5),
    # payments of 102 are worth 100.99 + 99.99 = 200.98 < 201 after two months: a third,
    # part payment is needed
    ("months_to_pay_off", {"B": 201, "r": 12, "P": 102, ROUND_UP_KEY: 0}, 3.0),
    # 1,000 at 1 % a month, 300 a month: 710, 417.10, 121.27 owed after three payments; the
    # fourth clears it
    ("months_to_pay_off", {"B": 1000, "r": 12, "P": 300, ROUND_UP_KEY: 0}, 4.0),
    # EV 10 * 100 = 1,000; less 200 net debt = 800 of equity over 40 shares
    ("implied_share_price", {"x": 10, "E": 100, "ND": 200, "S": 40}, 20.0),
    # EV 8.5 * 420M = 3,570M; less 1,200M = 2,370M over 150M shares
    ("implied_share_price", {"x": 8.5, "E": 420e6, "ND": 1.2e9, "S": 150e6}, 15.8),
    # the same with debt 1,500M and cash 300M: net debt 1,200M again
    ("implied_share_price", {"x": 8.5, "E": 420e6, "D": 1.5e9, "Ca": 3e8, "S": 150e6}, 15.8),
    # EV 12 * 50 = 600; less debt 300, plus cash 100: 400 over 20 shares; the current price
    # shown beside is not used
    ("implied_share_price", {"x": 12, "E": 50, "D": 300, "Ca": 100, "S": 20, "px": 17}, 20.0),
]

SPLITS = ("train", "test_ood_range", "test_ood_template")


def _records(name: str, draws: int = 200):
    """``draws`` records per split of ``name``, written templates and composed questions alike."""
    family = get_family(name)
    for split in SPLITS:
        rng = random.Random(f"analyst:{name}:{split}")
        for index in range(draws):
            yield make_record(family, index, rng, split, index)


@pytest.mark.parametrize("name", ANALYST_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert "{" not in record["question"], record


def test_the_families_are_registered_together_with_their_own_reasoning() -> None:
    names = tuple(FAMILIES)
    start = names.index(ANALYST_FAMILIES[0])
    assert names[start : start + len(ANALYST_FAMILIES)] == ANALYST_FAMILIES
    assert start > names.index("covered_calls")  # appended after session 29's families
    reasonings = [family.reasoning for family in FAMILIES.values()]
    assert len(set(reasonings)) == len(reasonings)
    assert get_family("correlation").unit == "ratio"
    assert get_family("months_to_pay_off").unit == "ratio"  # fractional months: not "count"
    assert get_family("annuity_due_fv").unit == "currency"
    assert get_family("implied_share_price").unit == "currency"


def _side_figures_leave_the_answer(name: str, sides: tuple[str, ...], draws: int = 400) -> int:
    """Draws holding a side figure: formula and answer are those of the draw without it, a
    composed question shows it, and a written one opens with a sentence that does."""
    family = get_family(name)
    rng = random.Random(f"analyst side:{name}")
    with_side = 0
    for i in range(draws):
        nums = family.draw(rng, ood=i % 2 == 1)
        shown = [side for side in sides if side in nums]
        if not shown:
            continue
        with_side += 1
        without = {key: num for key, num in nums.items() if key not in sides}
        assert family.build_formula(nums) == family.build_formula(without)
        assert family.answer(nums) == family.answer(without)
        texts = family.texts(rng, nums)
        question = compose(family.parts, texts, rng, held_out=False)
        aside = family.aside(rng, nums, texts, False)
        for side in shown:
            assert texts[side] in question and texts[side] in aside, (question, aside)
        assert family.aside(rng, without, family.texts(rng, without), False) == ""
    for template in (*family.templates, *family.ood_templates):
        assert not any("{" + side + "}" in template for side in sides), template
    return with_side


@pytest.mark.parametrize(
    ("name", "sides"),
    [
        ("correlation", ("e1", "e2", "T")),
        ("annuity_due_fv", ("inf", "age")),
        ("months_to_pay_off", ("inc",)),
        ("implied_share_price", ("px", "rev")),
    ],
)
def test_side_figures_are_shown_in_a_share_and_never_enter_the_formula(name, sides) -> None:
    with_side = _side_figures_leave_the_answer(name, sides)
    assert abs(with_side / 400 - SIDE_FIGURE_SHARE) < 0.1


# --- correlation ------------------------------------------------------------------------------


def test_a_correlation_formula_shows_the_units_its_question_writes() -> None:
    family = get_family("correlation")
    rng = random.Random(1)
    styles = {style: 0 for style, _ in CORRELATION_STYLES}
    for i in range(600):
        nums = family.draw(rng, ood=i % 2 == 1)
        style = correlation_style(nums)
        styles[style] += 1
        formula = family.build_formula(nums)
        texts = family.texts(rng, nums)
        assert -0.99 <= family.answer(nums) <= 0.99 and abs(family.answer(nums)) >= 0.02
        if style == "decimal":  # all decimals: no conversion
            assert "/100" not in formula and nums["d1"].value < 2, formula
            assert "%" not in texts["sa"] + texts["sb"] + texts["cov"]
        elif style == "percent_squared":  # percent and percent squared: none either
            assert "/100" not in formula, formula
            assert re.search(r"%²|%\^2|percent squared|squared percent", texts["cov"])
            assert "%" in texts["sa"] or "percent" in texts["sa"]
        else:  # percents beside a decimal covariance: each percent over 100
            assert formula.count("/100") == 2, formula
            assert "%" not in texts["cov"] and "percent" not in texts["cov"]
    for style, share in CORRELATION_STYLES:
        assert abs(styles[style] / 600 - share) < 0.08, styles


def test_every_correlation_template_shows_both_deviations_and_the_covariance() -> None:
    family = get_family("correlation")
    for template in (*family.templates, *family.ood_templates):
        assert all(slot in template for slot in ("{sa}", "{sb}", "{cov}")), template


# --- annuity_due_fv ---------------------------------------------------------------------------

AT_THE_START = re.compile(
    r"beginning|\bstart|in advance|annuity[- ]due|first day|outset|day one|prepaid|opens with", re.I
)


def test_every_annuity_due_question_says_the_deposits_come_at_the_start() -> None:
    family = get_family("annuity_due_fv")
    for template in (*family.templates, *family.ood_templates):
        assert AT_THE_START.search(template), template
    for label in family.parts.labels["C"] + family.parts.ood_labels["C"]:
        assert AT_THE_START.search(label), label
    for record in _records("annuity_due_fv"):
        assert AT_THE_START.search(record["question"]), record["question"]
        assert not re.search(r"end of (each|every) (month|year)", record["question"])


def _ordinary_fv(deposit: float, rate: float, periods: int) -> float:
    """Deposits at the end of each period (annuity_fv's timing), period by period."""
    balance = 0.0
    for _ in range(periods):
        balance = balance * (1 + rate) + deposit
    return balance


def test_an_annuity_due_is_the_ordinary_annuity_grown_one_period_more() -> None:
    family = get_family("annuity_due_fv")
    rng = random.Random(3)
    monthly = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        per_year = nums["m"].value
        rate = nums["r"].value / 100 / per_year
        periods = round(nums["n"].value * per_year)
        expected = _ordinary_fv(nums["C"].value, rate, periods) * (1 + rate)
        assert family.answer(nums) == pytest.approx(expected, rel=1e-9)
        formula = family.build_formula(nums)
        i_text = f"{nums['r'].formula}/100" + ("/12" if per_year == 12 else "")
        assert formula.endswith(f"/({i_text})*(1+{i_text})"), formula
        assert (YEARLY_KEY in nums) == (per_year == 1)
        monthly += per_year == 12
    assert abs(monthly / 400 - MONTHLY_SHARE) < 0.08


def test_monthly_questions_say_monthly_and_yearly_ones_never_mention_months() -> None:
    counts = set()
    for record in _records("annuity_due_fv"):
        question, formula = record["question"], record["formula"]
        if "/12" in formula:
            assert re.search(r"month", question, re.I), question
            counts.add('"payments")' in formula)  # the number of deposits written as given
        else:
            assert not re.search(r"month", question, re.I), question
            assert re.search(r"year", question, re.I), question
    assert counts == {True, False}


# --- months_to_pay_off ------------------------------------------------------------------------

ROUND_UP_WORDS = re.compile(r"round(ed|ing)? (any part (payment|month) )?up|round up", re.I)
FRACTIONAL_WORDS = re.compile(
    r"fraction|decimals|not rounded up|no rounding|do not round up|don't round up", re.I
)


def test_a_balance_is_paid_off_only_where_the_payment_beats_the_interest() -> None:
    family = get_family("months_to_pay_off")
    rng = random.Random(4)
    rounded_up = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        balance, rate, payment = nums["B"].value, nums["r"].value / 1200, nums["P"].value
        assert payment > balance * rate  # otherwise the balance never falls
        months = family.answer(nums)
        up = ROUND_UP_KEY in nums
        assert up != (FRACTIONAL_KEY in nums)
        rounded_up += up
        # month by month: something still owed after the last whole month before the answer,
        # nothing after the next
        owed = balance
        for _ in range(math.ceil(months) - 1):
            owed = owed * (1 + rate) - payment
        assert owed > 0
        assert owed * (1 + rate) - payment <= 1e-6 * balance
        if up:
            assert months == int(months)
            assert family.build_formula(nums).startswith("ceil(")
        else:
            assert "ceil" not in family.build_formula(nums)
        assert 2 <= months <= 481
    assert abs(rounded_up / 400 - ROUND_UP_SHARE) < 0.08


def test_every_payoff_question_says_how_to_report_the_months() -> None:
    for record in _records("months_to_pay_off"):
        question, formula = record["question"], record["formula"]
        if formula.startswith("ceil("):
            assert ROUND_UP_WORDS.search(question), question
            assert not FRACTIONAL_WORDS.search(question), question
        else:
            assert FRACTIONAL_WORDS.search(question), question
            affirmed = re.sub(r"(?:not|no|n't) round(?:ed|ing)? up", "", question)
            assert not ROUND_UP_WORDS.search(affirmed), question
        assert "Round however you like" not in question


def test_payoff_templates_take_the_reporting_sentence() -> None:
    family = get_family("months_to_pay_off")
    for template in (*family.templates, *family.ood_templates):
        assert "{how}" in template and "{B}" in template and "{P}" in template, template


# --- implied_share_price ----------------------------------------------------------------------


def test_an_implied_price_takes_off_net_debt_or_debt_less_cash() -> None:
    family = get_family("implied_share_price")
    rng = random.Random(5)
    separate = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        formula = family.build_formula(nums)
        texts = family.texts(rng, nums)
        x, ebitda, shares = (nums[key].formula for key in ("x", "E", "S"))
        if "ND" in nums:
            assert formula == f"({x}*{ebitda}-{nums['ND'].formula})/{shares}"
            assert "net debt" in texts["claims"]
            net_debt = nums["ND"].value
        else:
            separate += 1
            debt, cash = nums["D"].formula, nums["Ca"].formula
            assert formula == f"({x}*{ebitda}-{debt}+{cash})/{shares}"
            assert "debt" in texts["claims"] and "cash" in texts["claims"]
            assert "net debt" not in texts["claims"]
            net_debt = nums["D"].value - nums["Ca"].value
        equity = nums["x"].value * nums["E"].value - net_debt
        assert equity > 0
        assert family.answer(nums) == pytest.approx(equity / nums["S"].value, rel=1e-9)
        if i % 2 == 0:
            assert 1 <= family.answer(nums) <= 3000
    assert abs(separate / 400 - SEPARATE_DEBT_SHARE) < 0.08
    for template in (*family.templates, *family.ood_templates):
        assert re.search(r"\{claims(_list|_rows)?\}", template), template
        assert "{x} times" not in template and "{x} x" not in template, template


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


# Acronyms and symbols a label may keep in capitals.
_CAPITALS = re.compile(r"\b(?:EV/EBITDA|EBITDA|LTM|APR|PMT|CPI|D&A)\b|E\[r\]")


@pytest.mark.parametrize("name", ANALYST_FAMILIES)
def test_labels_and_asks_follow_the_form_rules(name: str) -> None:
    """Composed questions say "With a {label} of {value}", "the {label} is {value}": a label is
    a singular lower-case noun phrase (acronyms kept), no digits, no comma, no end stop."""
    parts = get_family(name).parts
    assert parts is not None
    for key, labels in parts.labels.items():
        assert len(labels) >= 12, key
        assert not set(parts.ood_labels.get(key, ())) & set(labels), key
    for label in _labels(name):
        assert not re.search(r"\d", label), label
        assert _CAPITALS.sub("", label) == _CAPITALS.sub("", label).lower(), label
        assert not re.search(r"[,;.:!?]$", label) and "," not in label, label
        assert not re.match(r"(?:how|what|when|years|months|shares|payments)\b", label), label
    assert len(parts.asks) >= 20 and len(parts.ood_asks) >= 3
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d|\{", ask), ask
        assert ask.endswith(("?", ".")), ask


@pytest.mark.parametrize("name", ANALYST_FAMILIES)
def test_enough_written_and_held_out_templates(name: str) -> None:
    family = get_family(name)
    assert len(family.templates) >= 20 and len(family.ood_templates) == 3
    assert family.aside is not None


@pytest.mark.parametrize("name", ANALYST_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        question = record["question"]
        assert_articles_read_right(question)
