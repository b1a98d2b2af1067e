"""The investor-return families (quantreason.tasks.investor_returns) against hand-computed cases,
and the checks particular to them: an information ratio is annualised (times the square root of
12) exactly where the question says so, always on monthly data; a foreign stock's exchange rate
is multiplied where it is quoted as home currency per foreign unit and divided by where it is
quoted the other way round, and every rate carries its units; a short sale always pays a borrow
fee on the stated day count, and every question says the position was short; and the figures
shown beside the inputs never enter a formula.

Expected values are written as the arithmetic a person would do on paper, never by calling the
family's solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.formula import evaluate
from quantreason.tasks import get_family
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.investor_returns import CURRENCY_NAMES, DIVIDEND_SHARE
from quantreason.tasks.shapes import fits_task
from tests.data.article_checks import assert_articles_read_right
from tests.data.family_checks import SPLITS, assert_record_reads_right, family_records

INVESTOR_FAMILIES = ("foreign_stock_return", "short_sale_net_pnl")

HAND_CASES = [
    # EUR/USD in dollars per euro (multiply): cost 100 * 1.10 = 110 dollars; back 121 * 1.00 =
    # 121 dollars; 121 / 110 = 1.1: 10 %
    ("foreign_stock_return", {"h": 0, "P0": 100, "P1": 121, "S0": 1.1, "S1": 1.0}, 10.0),
    # USD/JPY in yen per dollar (divide): cost 2,000 / 100 = 20 dollars; sale 2,200 yen plus a
    # 50-yen dividend, 2,250 / 125 = 18 dollars; 18 / 20 = 0.9: -10 %
    (
        "foreign_stock_return",
        {"h": 2, "P0": 2000, "P1": 2200, "D": 50, "Q0": 100, "Q1": 125},
        -10.0,
    ),
    # a dividend at the sale rate: (40 + 2) * 1.25 = 52.5 on 40 * 1.25 = 50: 5 %
    ("foreign_stock_return", {"h": 1, "P0": 40, "P1": 40, "D": 2, "S0": 1.25, "S1": 1.25}, 5.0),
    # 1,000 shares sold at 50, bought back at 45: 5,000 gross; commissions 2 * 10 = 20; borrow
    # 50,000 * 3.6 % = 1,800 a year, for 30 of 360 days: 150; net 5,000 - 20 - 150 = 4,830
    (
        "short_sale_net_pnl",
        {"N": 1000, "S": 50, "B": 45, "c": 10, "f": 3.6, "d": 30, "y": 360},
        4830.0,
    ),
    # a loss: 200 shares at 20, back at 22: -400; commissions 2 * 5 = 10; borrow 4,000 * 7.3 % =
    # 292 a year, for 50 of 365 days: 40; dividend 0.5 * 200 = 100; -400 - 10 - 40 - 100 = -550
    (
        "short_sale_net_pnl",
        {"N": 200, "S": 20, "B": 22, "c": 5, "f": 7.3, "d": 50, "y": 365, "q": 0.5},
        -550.0,
    ),
    # 500 at 100, back at 90: 5,000; borrow 50,000 * 12 % = 6,000 a year, 90 / 360 = 1,500;
    # commissions 2 * 4.95 = 9.90; dividend 500 * 1 = 500: 5,000 - 9.90 - 1,500 - 500 = 2,990.10
    (
        "short_sale_net_pnl",
        {"N": 500, "S": 100, "B": 90, "c": 4.95, "f": 12, "d": 90, "y": 360, "q": 1},
        2990.1,
    ),
]


def _records(name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS):
    return family_records("investor", name, draws, splits)


@pytest.mark.parametrize("name", INVESTOR_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        assert_record_reads_right(record)


@pytest.mark.parametrize("name", INVESTOR_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        assert_articles_read_right(record["question"])


@pytest.mark.parametrize("name", INVESTOR_FAMILIES)
def test_template_counts_and_parts(name: str) -> None:
    family = get_family(name)
    assert len(family.templates) >= 20 and len(family.ood_templates) == 3
    for template in family.templates:  # a side-figure sentence may go in front: no table first
        assert not template.startswith(("|", "-", "{table}", "{wide}", "{lines}")), template
    parts = family.parts
    if parts is None:
        return
    labels = [x for group in (parts.labels, parts.ood_labels) for xs in group.values() for x in xs]
    for label in labels:
        assert not re.search(r"\d", label), label
        assert label == label.strip() and not label.endswith((".", ":", "?", ")")), label
        assert not label.startswith(("the ", "a ", "an ", "one ")), label
        assert not re.search(r"\b(is|are|was|were)\b", label), label
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d", ask), ask
    assert len(parts.asks) >= 20 and len(parts.ood_asks) == 3
    assert all(len(labels) >= 12 for labels in parts.labels.values())
    assert set(parts.ood_labels) == set(parts.labels)
    assert all(len(labels) == 2 for labels in parts.ood_labels.values())


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("foreign_stock_return", ("N",)),
        ("short_sale_net_pnl", ("m", "acct")),
    ],
)
def test_side_figures_are_shown_in_a_share_and_never_used(name: str, side: tuple[str, ...]) -> None:
    family = get_family(name)
    rng = random.Random(f"side:{name}")
    with_side = 0
    for i in range(500):
        nums = family.draw(rng, ood=i % 2 == 1)
        shown = [key for key in side if key in nums]
        if not shown:
            continue
        with_side += 1
        without = {key: num for key, num in nums.items() if key not in side}
        assert family.build_formula(without) == family.build_formula(nums)
        assert family.answer(without) == family.answer(nums)
        texts = family.texts(rng, nums)
        aside = family.aside(rng, nums, texts, False)
        assert all(texts[key] in aside for key in shown), aside
    assert abs(with_side / 500 - SIDE_FIGURE_SHARE) < 0.1


VARIANTS = {
    "foreign_stock_return": [
        {"h": "0", "P0": "84.3", "P1": "91.2", "S0": "1.085", "S1": "1.112"},
        {"h": "2", "P0": "2450", "P1": "2610", "D": "40", "Q0": "148.2", "Q1": "141.5"},
        {"h": "0", "P0": "84.3", "P1": "91.2", "D": "1.2", "S0": "1.085", "S1": "1.112"},
        {"h": "2", "P0": "2450", "P1": "2610", "Q0": "148.2", "Q1": "141.5"},
    ],
    "short_sale_net_pnl": [
        {"N": "800", "S": "52.4", "B": "47.15", "c": "6.95", "f": "3.5", "d": "45", "y": "360"},
        {
            "N": "800",
            "S": "52.4",
            "B": "47.15",
            "c": "6.95",
            "f": "3.5",
            "d": "45",
            "y": "365",
            "q": "0.45",
        },
    ],
}


@pytest.mark.parametrize("name", INVESTOR_FAMILIES)
def test_every_form_is_a_taught_shape(name: str) -> None:
    family = get_family(name)
    for values in VARIANTS[name]:
        assert fits_task(name, family.formula(values)), values


# --- foreign_stock_return ---------------------------------------------------------------------


def test_the_formula_names_the_home_currency_and_the_rates_units_as_the_question_does() -> None:
    records = list(_records("foreign_stock_return"))
    divided = dividends = 0
    names = {code: plural for code, (_, plural) in CURRENCY_NAMES.items()}
    singular = {code: one for code, (one, _) in CURRENCY_NAMES.items()}
    for record in records:
        question, formula = record["question"], record["formula"]
        match = re.fullmatch(
            r'foreign_return\("([A-Z]{3})","([A-Z]{3}) per ([A-Z]{3})",'
            r"([\d.]+),([\d.]+),([\d.]+),([\d.]+)(,[\d.]+)?\)",
            formula,
        )
        assert match, formula
        home, top, bottom = match.group(1, 2, 3)
        assert home in (top, bottom), formula
        # the units as the question writes them, in codes or in names
        assert f"{top} per {bottom}" in question or (
            f"{names[top]} per {singular[bottom]}" in question
        ), (formula, question)
        divided += bottom == home  # foreign currency per home unit: divided by
        dividends += match.group(8) is not None
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-6)
    assert 0.3 < divided / len(records) < 0.7
    assert abs(dividends / len(records) - DIVIDEND_SHARE) < 0.1


def test_the_pair_decides_the_direction_the_way_markets_quote_it() -> None:
    family = get_family("foreign_stock_return")
    rng = random.Random(21)
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        texts = family.texts(rng, nums)
        base = texts["pair"].split("/")[0]
        # home currency per foreign unit (multiply) exactly where the foreign currency is the base
        assert ("S0" in nums) == (base == texts["F"]), (texts["pair"], texts["H"])
        assert ("S0" in nums) != ("Q0" in nums)
        # one rate of 1: the return is the local return plus the dividend
        flat = dict(nums)
        key0, key1 = ("S0", "S1") if "S0" in nums else ("Q0", "Q1")
        flat[key1] = flat[key0]
        local = (nums["P1"].value + (nums["D"].value if "D" in nums else 0)) / nums["P0"].value
        assert family.answer(flat) == pytest.approx((local - 1) * 100, rel=1e-9)


# --- short_sale_net_pnl -----------------------------------------------------------------------


def test_every_short_pays_a_borrow_fee_on_the_stated_day_count() -> None:
    with_dividend = 0
    records = list(_records("short_sale_net_pnl"))
    for record in records:
        question, formula = record["question"], record["formula"]
        match = re.fullmatch(
            r"([\d.]+)\*\(([\d.]+)-([\d.]+)\)-2\*[\d.]+-\1\*\2\*[\d.]+/100\*[\d.]+/(360|365)"
            r"(-\1\*[\d.]+)?",
            formula,
        )
        assert match, formula
        assert match.group(4) in question, question
        assert re.search(r"short|bearish|borrowed", question, re.I), question
        with_dividend += match.group(5) is not None
    assert 0.25 < with_dividend / len(records) < 0.55


def test_the_borrow_fee_always_matters_and_the_answer_is_signed() -> None:
    family = get_family("short_sale_net_pnl")
    rng = random.Random(31)
    signs = set()
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        answer = family.answer(nums)
        without_fee = dict(nums)
        without_fee["f"] = type(nums["f"])(0.0, 2, "pct")
        assert abs(answer - family.answer(without_fee)) >= 0.02 * abs(answer)
        signs.add(answer > 0)
    assert signs == {True, False}
