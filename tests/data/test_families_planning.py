"""The planning families (quantreason.tasks.planning) against hand-computed cases, and the checks
particular to them: a Modified Dietz question names the direction of every flow and the formula
takes a deposit off the gain and adds it to the capital (a withdrawal the other way round), a
sustainable growth question names the ratio it gives (payout or retention) and which equity, a
target-profit volume always has a target and rounds as the question says, a doubling time is
always compounded more often than once a year, and the figures shown beside the inputs never
enter a formula.

Expected values are written as the arithmetic a person would do on paper, never by calling the
family's solver.
"""

from __future__ import annotations

import itertools
import math
import random
import re

import pytest

from quantreason.formula import evaluate
from quantreason.frequency import named_periods
from quantreason.tasks import get_family
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.planning import FREQUENCY_WORDS, WHOLE_UNITS_SHARE
from quantreason.tasks.shapes import fits_task
from tests.data.article_checks import assert_articles_read_right
from tests.data.family_checks import SPLITS, assert_record_reads_right, family_records

PLANNING_FAMILIES = (
    "modified_dietz",
    "sustainable_growth",
    "target_profit_units",
    "doubling_time_periodic",
)

HAND_CASES = [
    # 10,000 in for the second half of 90 days: average capital 100,000 + 5,000 = 105,000;
    # gain 115,250 - 100,000 - 10,000 = 5,250; 5,250 / 105,000 = 5 %
    ("modified_dietz", {"B": 100000, "E": 115250, "c1": 10000, "d1": 45, "D": 90}, 5.0),
    # 20,000 out with 30 of 120 days left: capital 200,000 - 20,000/4 = 195,000; gain
    # 183,900 - 200,000 + 20,000 = 3,900; 3,900 / 195,000 = 2 %
    ("modified_dietz", {"B": 200000, "E": 183900, "w1": 20000, "k1": 30, "D": 120}, 2.0),
    # 6,000 in on day 10 of 30 (2/3 of the month: 4,000), 3,000 out on day 20 (1/3: 1,000):
    # capital 53,000; gain 52,470 - 50,000 - 3,000 = -530; -530 / 53,000 = -1 %
    (
        "modified_dietz",
        {"B": 50000, "E": 52470, "c1": 6000, "d1": 10, "w2": 3000, "d2": 20, "D": 30},
        -1.0,
    ),
    # the same flows given by the days left (20 and 10): the same -1 %
    (
        "modified_dietz",
        {"B": 50000, "E": 52470, "c1": 6000, "k1": 20, "w2": 3000, "k2": 10, "D": 30},
        -1.0,
    ),
    # two deposits in a 365-day year: 73,000 on day 73 (0.8 of it: 58,400), 36,500 on day 292
    # (0.2: 7,300); capital 1,065,700; gain 1,216,070 - 1,000,000 - 109,500 = 106,570: 10 %
    (
        "modified_dietz",
        {"B": 1000000, "E": 1216070, "c1": 73000, "d1": 73, "c2": 36500, "d2": 292, "D": 365},
        10.0,
    ),
    # 15 % ROE, 40 % paid out: 60 % kept, 15 * 0.6 = 9 %
    ("sustainable_growth", {"roe": 15, "p": 40}, 9.0),
    # 12 % ROE, 75 % retained: 12 * 0.75 = 9 %
    ("sustainable_growth", {"roe": 12, "b": 75}, 9.0),
    # ROE 4.5M / 30M = 15 %; 1.8M of 4.5M paid out, 60 % kept: 9 % (2.7M kept on 30M)
    ("sustainable_growth", {"NI": 4500000, "Dv": 1800000, "Eq": 30000000}, 9.0),
    # 750,000 kept of 1,000,000 on 5,000,000 of opening equity: 15 %
    ("sustainable_growth", {"NI": 1000000, "Dv": 250000, "Eq": 5000000}, 15.0),
    # 0.80 of 2.50 paid out (32 %), 68 % kept: 14 * 0.68 = 9.52 %
    ("sustainable_growth", {"roe": 14, "EPS": 2.5, "DPS": 0.8}, 9.52),
    # the cost of equity beside it changes nothing: 20 * (1 - 0.25) = 15 %
    ("sustainable_growth", {"roe": 20, "p": 25, "ke": 11}, 15.0),
    # (250,000 + 80,000) / (45 - 28.50) = 330,000 / 16.5 = 20,000 exactly
    ("target_profit_units", {"F": 250000, "T": 80000, "P": 45, "V": 28.5, "ex": 1}, 20000.0),
    # 150,000 / (40 - 26) = 150,000 / 14 = 10,714.29: 10,715 whole units
    ("target_profit_units", {"F": 100000, "T": 50000, "P": 40, "V": 26, "up": 1}, 10715.0),
    # the same, exact
    ("target_profit_units", {"F": 100000, "T": 50000, "P": 40, "V": 26, "ex": 1}, 150000 / 14),
    # 6,000 / 1.25 = 4,800; last year's 4,000 units and the 9,000 capacity are not used
    (
        "target_profit_units",
        {"F": 5000, "T": 1000, "P": 2.5, "V": 1.25, "ex": 1, "L": 4000, "cap": 9000},
        4800.0,
    ),
    # 200 % a year semi-annually is 100 % a half-year: doubled after one half-year
    ("doubling_time_periodic", {"r": 200, "m": 2}, 0.5),
    # 400 % quarterly is 100 % a quarter: a quarter of a year
    ("doubling_time_periodic", {"r": 400, "m": 4}, 0.25),
    # 10 % semi-annually, 5 % a half-year: ln 2 / (2 ln 1.05) = 7.10 years (log tables)
    ("doubling_time_periodic", {"r": 10, "m": 2}, math.log(2) / (2 * math.log(1.05))),
    # 12 % monthly, 1 % a month: ln 2 / (12 ln 1.01) = 5.805 years
    ("doubling_time_periodic", {"r": 12, "m": 12}, math.log(2) / (12 * math.log(1.01))),
    # 36.5 % daily, 0.1 % a day: ln 2 / (365 ln 1.001); the 5,000 deposited changes nothing
    (
        "doubling_time_periodic",
        {"r": 36.5, "m": 365, "P": 5000},
        math.log(2) / (365 * math.log(1.001)),
    ),
]


def _records(name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS):
    return family_records("planning", name, draws, splits)


@pytest.mark.parametrize("name", PLANNING_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        assert_record_reads_right(record)


@pytest.mark.parametrize("name", PLANNING_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        assert_articles_read_right(record["question"])


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("modified_dietz", ("bm",)),
        ("sustainable_growth", ("ke", "rev", "px")),
        ("target_profit_units", ("L", "cap")),
        ("doubling_time_periodic", ("P",)),
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
        # a written question says it in a sentence of its own, a composed one under a label
        texts = family.texts(rng, nums)
        aside = family.aside(rng, nums, texts, False)
        assert all(texts[key] in aside for key in shown), aside
    # some draws are rejected and redrawn, so the share is near SIDE_FIGURE_SHARE, not on it
    assert abs(with_side / 500 - SIDE_FIGURE_SHARE) < 0.1


def _dietz_variants() -> list[dict[str, str]]:
    """One draw of each form: one or two flows, each a deposit or a withdrawal, dated by day or
    by days left."""
    variants = []
    for count in (1, 2):
        for kinds in itertools.product("cw", repeat=count):
            for style in "dk":
                values = {"B": "1000", "E": "1100", "D": "90"}
                for index, kind in enumerate(kinds, 1):
                    values[f"{kind}{index}"] = str(50 + index)
                    values[f"{style}{index}"] = str(10 * index + 3)
                variants.append(values)
    return variants


VARIANTS = {
    "modified_dietz": _dietz_variants(),
    "sustainable_growth": [
        {"roe": "15", "p": "40"},
        {"roe": "15", "b": "60"},
        {"NI": "4500", "Dv": "1800", "Eq": "30000"},
        {"roe": "14", "EPS": "2.5", "DPS": "0.8"},
    ],
    "target_profit_units": [
        {"F": "5000", "T": "700", "P": "9.5", "V": "4.25", "up": "1"},
        {"F": "5000", "T": "700", "P": "9.5", "V": "4.25", "ex": "1"},
    ],
    "doubling_time_periodic": [{"r": "6.5", "m": str(m)} for m in (2, 4, 12, 365)],
}


@pytest.mark.parametrize("name", PLANNING_FAMILIES)
def test_every_form_is_a_taught_shape(name: str) -> None:
    """The shapes a task teaches are read from a sample of its draws
    (quantreason.tasks.shapes): every form must turn up there, or a right reply to a rare form
    would be judged a wrong one."""
    family = get_family(name)
    for values in VARIANTS[name]:
        assert fits_task(name, family.formula(values)), values


# --- modified_dietz ---------------------------------------------------------------------------

DEPOSIT_WORDS = re.compile(
    r"deposit|contribut|\badded\b|put in|inflow|subscription|injection|payment into|top-up"
    r"|lodg|incoming",
    re.I,
)
WITHDRAWAL_WORDS = re.compile(
    r"withdr|redemption|took out|taken out|outflow|payment out|distribution to the client"
    r"|drawing|\bdrawn\b|outgoing",
    re.I,
)


def _dietz_signs(formula: str) -> tuple[list[str], list[str]]:
    """The flows' signs in the gain (after the beginning value) and in the capital."""
    gain, capital = formula.split(")/(")
    return re.findall(r"[+-]", gain)[1:], re.findall(r"[+-](?=[\d.]+\*)", capital)


_DIETZ_FLOW = re.compile(
    r',"(deposit|withdrawal)",([\d.]+),(\([\d.]+-[\d.]+\)/[\d.]+|[\d.]+/[\d.]+)'
)


def test_every_flow_is_named_by_its_direction_and_signed_to_match() -> None:
    counts = {1: 0, 2: 0}
    for record in _records("modified_dietz"):
        question, formula = record["question"], record["formula"]
        head = re.match(r"modified_dietz\([\d.]+,[\d.]+", formula)
        assert head, formula
        flows = _DIETZ_FLOW.findall(formula[head.end() : -1])
        assert (
            "".join(f',"{way}",{size},{weight}' for way, size, weight in flows)
            == formula[head.end() : -1]
        ), formula
        counts[len(flows)] += 1
        directions = [way for way, _, _ in flows]
        assert bool(DEPOSIT_WORDS.search(question)) == ("deposit" in directions), (
            question,
            formula,
        )
        assert bool(WITHDRAWAL_WORDS.search(question)) == ("withdrawal" in directions), (
            question,
            formula,
        )
        # each flow weighted by (D - d) / D or k / D, over the period's days the question shows
        days = {weight.rsplit("/", 1)[1] for _, _, weight in flows}
        assert len(days) == 1 and re.search(rf"(?<![\d.,]){days.pop()}(?!\d)", question)
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-9)
    assert counts[1] > 150 and counts[2] > 150


def test_a_flow_dated_by_its_day_and_by_the_days_left_give_one_return() -> None:
    family = get_family("modified_dietz")
    rng = random.Random(3)
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {key: num.value for key, num in nums.items()}
        period = values["D"]
        restated = dict(values)
        for index in (1, 2):
            if f"d{index}" in restated:
                restated[f"k{index}"] = period - restated.pop(f"d{index}")
            elif f"k{index}" in restated:
                restated[f"d{index}"] = period - restated.pop(f"k{index}")
        assert family.solve(restated) == pytest.approx(family.answer(nums), rel=1e-12)
        # with no flows it would be the plain holding-period return: flows move it
        assert -30 <= family.answer(nums) <= 45


# --- sustainable_growth -----------------------------------------------------------------------

PAYOUT_WORDS = re.compile(r"payout|paid out|paid as dividends|distribut|handed to owners", re.I)
RETENTION_WORDS = re.compile(r"retention|retain|plowback|ploughback|reinvest|kept|ploughed", re.I)
OPENING_WORDS = re.compile(r"begin|start|opening|prior year-end|began|inception", re.I)


def test_each_form_names_what_it_gives_and_writes_its_own_formula() -> None:
    forms = set()
    for record in _records("sustainable_growth"):
        question, formula = record["question"], record["formula"]
        if re.fullmatch(r"[\d.]+\*\(1-[\d.]+/100\)", formula):
            forms.add("payout")
            assert PAYOUT_WORDS.search(question), question
        elif re.fullmatch(r"[\d.]+\*[\d.]+/100", formula):
            forms.add("retention")
            assert RETENTION_WORDS.search(question), question
            assert not PAYOUT_WORDS.search(question), question
        elif accounts := re.fullmatch(r"([\d.]+)/([\d.]+)\*\(1-([\d.]+)/([\d.]+)\)\*100", formula):
            forms.add("accounts")
            income, equity, dividends, income_again = accounts.groups()
            assert income == income_again and float(dividends) < float(income) < float(equity)
            assert OPENING_WORDS.search(question), question
        else:
            assert re.fullmatch(r"[\d.]+\*\(1-[\d.]+/[\d.]+\)", formula), formula
            forms.add("per_share")
        assert 0 < record["answer"] <= 60
    assert forms == {"payout", "retention", "accounts", "per_share"}


# --- target_profit_units ----------------------------------------------------------------------

ROUND_UP_WORDS = re.compile(r"round(ed)? up|up to a whole", re.I)
EXACT_WORDS = re.compile(r"exact|unrounded|no rounding|fraction", re.I)


def test_a_target_is_always_stated_and_the_rounding_is_as_asked() -> None:
    whole = 0
    records = list(_records("target_profit_units"))
    for record in records:
        question, formula = record["question"], record["formula"]
        fixed, target, price, variable = map(float, re.findall(r"[\d.]+", formula))
        assert target > 0 and re.search(r"profit|income|surplus", question, re.I), question
        exact = (fixed + target) / (price - variable)
        assert exact > fixed / (price - variable)  # more than the break-even volume
        if formula.startswith("ceil("):
            whole += 1
            assert ROUND_UP_WORDS.search(question) and not EXACT_WORDS.search(question)
            assert record["answer"] == math.ceil(exact) and record["answer"] > exact
        else:
            assert EXACT_WORDS.search(question) and not ROUND_UP_WORDS.search(question)
            assert record["answer"] == pytest.approx(exact, rel=1e-9)
        assert record["unit"] == "ratio" and record["tolerance"] == 0.0
    assert abs(whole / len(records) - WHOLE_UNITS_SHARE) < 0.08


# --- doubling_time_periodic -------------------------------------------------------------------


def test_every_question_compounds_more_often_than_once_a_year() -> None:
    frequencies = set()
    for record in _records("doubling_time_periodic"):
        question, formula = record["question"], record["formula"]
        periods = float(re.match(r"ln\(2\)/\((\d+)\*", formula).group(1))
        frequencies.add(periods)
        assert periods in named_periods(question), question
        assert any(word in question for word in FREQUENCY_WORDS[periods]), question
        assert not re.search(r"compounded (annually|yearly|once a year)", question), question
        # grown period by period for the years found, the money is exactly twice what it was
        rate = float(re.search(r"1\+([\d.]+)/100", formula).group(1)) / 100
        years = record["answer"]
        assert (1 + rate / periods) ** (periods * years) == pytest.approx(2.0, rel=1e-9)
        # compounding more often doubles sooner than once a year would
        assert years < math.log(2) / math.log(1 + rate)
    assert frequencies == {2.0, 4.0, 12.0, 365.0}
