"""The household families (quantreason.tasks.household) against hand-computed cases, and the
checks particular to them: a living cost listed beside the debts never enters the
debt-to-income formula, a yearly income is divided by 12, a pot is drawn down only where the
withdrawal exceeds its interest (and runs out when a year-by-year simulation says so), and the
covered calls written never need more shares than are held.

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
from quantreason.tasks import get_family
from quantreason.tasks.household import (
    DEBT_KEYS,
    EXPENSE_KEYS,
    EXPENSE_NAMES,
    EXPENSE_SHARE,
    YEARLY_INCOME_SHARE,
)
from tests.data.article_checks import assert_articles_read_right

HOUSEHOLD_FAMILIES = ("debt_to_income", "years_until_depleted", "covered_calls")

HAND_CASES = [
    # rent 1,650 + car 420 + student loan 280 = 2,350 a month on 6,500 a month
    ("debt_to_income", {"H": 1650, "A": 420, "S": 280, "I": 6500}, 2350 / 6500 * 100),
    # 96,000 a year is 8,000 a month: (1,500 + 100) / 8,000 = 20 %
    ("debt_to_income", {"H": 1500, "C": 100, "Y": 96000}, 20.0),
    # groceries of 800 are no debt: (2,000 + 500) / 10,000 = 25 %
    ("debt_to_income", {"H": 2000, "A": 500, "G": 800, "I": 10000}, 25.0),
    # four debts, 60,000 a year = 5,000 a month: (900 + 300 + 200 + 100) / 5,000 = 30 %
    ("debt_to_income", {"H": 900, "A": 300, "S": 200, "L": 100, "Y": 60000}, 30.0),
    # one withdrawal of 110 a year from now is all that 100 at 10 % pays: 1 year
    ("years_until_depleted", {"P": 100, "r": 10, "W": 110}, 1.0),
    # 121 at each of two year ends is worth 110 + 100 = 210 today at 10 %: 2 years
    ("years_until_depleted", {"P": 210, "r": 10, "W": 121}, 2.0),
    # 1,331 at three year ends: 1,210 + 1,100 + 1,000 = 3,310 today at 10 %
    ("years_until_depleted", {"P": 3310, "r": 10, "W": 1331}, 3.0),
    # 1 - 100 * 0.21 / 231 = 1 - 1/11 = 1/1.1 = 1.21^-0.5: half a year
    ("years_until_depleted", {"P": 100, "r": 21, "W": 231}, 0.5),
    # 1,250 / 100 = 12.5: twelve whole contracts
    ("covered_calls", {"N": 1250, "k": 100}, 12.0),
    # exactly 1,200 / 100 = 12
    ("covered_calls", {"N": 1200, "k": 100}, 12.0),
    # 4,999 / 1,000 = 4.999: four
    ("covered_calls", {"N": 4999, "k": 1000}, 4.0),
    # mini options: 75 / 10 = 7.5: seven
    ("covered_calls", {"N": 75, "k": 10}, 7.0),
]

SPLITS = ("train", "test_ood_range", "test_ood_template")


def _records(name: str, draws: int = 200):
    """``draws`` records per split of ``name``, written templates and composed questions alike."""
    family = get_family(name)
    for split in SPLITS:
        rng = random.Random(f"household:{name}:{split}")
        for index in range(draws):
            yield make_record(family, index, rng, split, index)


@pytest.mark.parametrize("name", HOUSEHOLD_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert "{" not in record["question"], record


# --- debt_to_income ---------------------------------------------------------------------------


def _terms(formula: str) -> list[str]:
    """The debt payments a debt-to-income formula adds up."""
    return formula[1 : formula.index(")")].split("+")


def test_living_costs_are_listed_but_never_in_the_formula() -> None:
    family = get_family("debt_to_income")
    rng = random.Random(1)
    with_expense = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        expenses = [key for key in EXPENSE_KEYS if key in nums]
        assert len(expenses) <= 1
        formula = family.build_formula(nums)
        assert _terms(formula) == [nums[key].formula for key in DEBT_KEYS if key in nums]
        if not expenses:
            continue
        with_expense += 1
        expense = expenses[0]
        assert nums[expense].formula not in _terms(formula)
        without = {key: num for key, num in nums.items() if key != expense}
        assert family.build_formula(without) == formula
        assert family.answer(without) == family.answer(nums)
        # every written template lists the living cost among the payments, under its own name
        texts = family.texts(rng, nums)
        for template in family.templates:
            question = template.format(**texts)
            assert texts[expense] in question
            assert any(name in question.lower() for name in EXPENSE_NAMES[expense]), question
    assert abs(with_expense / 400 - EXPENSE_SHARE) < 0.08


def test_a_yearly_income_is_divided_by_12_and_a_monthly_one_is_not() -> None:
    yearly = 0
    for record in _records("debt_to_income"):
        question, formula = record["question"], record["formula"]
        if re.search(r"/\(\d+/12\)\*100$", formula):
            yearly += 1
            assert re.search(r"a year|per year|annually", question), question
        else:
            assert re.search(r"\)/\d+\*100$", formula), formula
            assert re.search(r"a month|per month|monthly", question), question
    share = yearly / (3 * 200)
    assert abs(share - YEARLY_INCOME_SHARE) < 0.08
    # the income is written with its own period: "$78,000 a year" is the figure divided by 12
    family = get_family("debt_to_income")
    rng = random.Random(2)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        income = family.texts(rng, nums)["income"]
        formula = family.build_formula(nums)
        if "Y" in nums:
            assert re.search(r" (a year|per year|annually)$", income), income
            assert formula.endswith(f"/({nums['Y'].formula}/12)*100"), formula
        else:
            assert re.search(r" (a month|per month|monthly)$", income), income
            assert formula.endswith(f")/{nums['I'].formula}*100"), formula


def test_debt_to_income_questions_list_two_to_four_debts_in_a_realistic_ratio() -> None:
    family = get_family("debt_to_income")
    rng = random.Random(3)
    counts = set()
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        debts = [key for key in DEBT_KEYS if key in nums]
        counts.add(len(debts))
        assert ("I" in nums) != ("Y" in nums)
        assert 10 <= family.answer(nums) <= 60
    assert counts == {2, 3, 4}
    for template in (*family.templates, *family.ood_templates):
        assert "{income}" in template, template
        assert re.search(r"\{debts(_list|_table)?\}", template), template


# --- years_until_depleted ---------------------------------------------------------------------


def test_a_pot_is_drawn_down_only_when_withdrawals_exceed_its_interest() -> None:
    family = get_family("years_until_depleted")
    rng = random.Random(4)
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        pot, rate, withdrawal = nums["P"].value, nums["r"].value / 100, nums["W"].value
        assert withdrawal > pot * rate  # otherwise the pot never runs out
        years = family.answer(nums)
        assert 2 <= years <= 70
        # year by year: still money left after the last whole year, not enough for the next
        balance = pot
        for _ in range(math.floor(years)):
            balance = balance * (1 + rate) - withdrawal
        assert balance > 0
        assert balance * (1 + rate) - withdrawal < 0
        if i % 2 == 0:  # in range: withdrawals of 3 to 15 % of the pot
            assert 3 <= withdrawal / pot * 100 <= 15


def test_every_written_drawdown_question_takes_the_withdrawal_at_year_end() -> None:
    family = get_family("years_until_depleted")
    for template in family.templates:
        assert re.search(r"end of (each|every|the)? ?year|year[- ]end", template), template


# --- covered_calls ----------------------------------------------------------------------------


def test_covered_calls_never_need_more_shares_than_are_held() -> None:
    family = get_family("covered_calls")
    sizes = set()
    for record in _records("covered_calls"):
        shares, size = map(float, re.findall(r"[\d.]+", record["formula"]))
        contracts = record["answer"]
        sizes.add(size)
        assert isinstance(contracts, int) and contracts >= 1
        assert contracts * size <= shares < (contracts + 1) * size
        assert record["tolerance"] == 0.0 and record["unit"] == "count"
        assert "Round however you like" not in record["question"]
    assert sizes == {10.0, 100.0, 1000.0}
    for template in (*family.templates, *family.ood_templates):
        assert "{k}" in template and "{N}" in template, template


@pytest.mark.parametrize("name", HOUSEHOLD_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        question = record["question"]
        assert_articles_read_right(question)
