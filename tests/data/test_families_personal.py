"""The personal-finance families (quantreason.tasks.personal) against hand-computed cases, and the
checks particular to them: a growing perpetuity grows a payment just made by one year and says
it was just paid, an inflation question names its direction and the formula divides or
multiplies to match, a pot's withdrawals are monthly exactly where the question says so and
empty the pot on a simulated schedule, and a capital gain is taxed on proceeds less basis and
fees, a split multiplying the shares sold, with dividends and a short-term rate shown beside
it never in the formula.

Expected values are written as the arithmetic a person would do on paper, never by calling the
family's solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.formula import evaluate
from quantreason.frequency import frequency_mismatch
from quantreason.tasks import get_family
from quantreason.tasks.personal import (
    FUTURE_ASKS,
    FUTURE_WANTED,
    JUST_PAID_SHARE,
    MONTHLY_SHARE,
    TODAY_ASKS,
    TODAY_WANTED,
)
from tests.data.article_checks import assert_articles_read_right
from tests.data.family_checks import SPLITS, family_records

PERSONAL_FAMILIES = (
    "growing_perpetuity",
    "inflation_adjusted_value",
    "pot_withdrawal",
    "capital_gains_tax",
)

HAND_CASES = [
    # next payment 1,000, 10 % - 5 % = 5 %: 1,000 / 0.05
    ("growing_perpetuity", {"C": 1000, "r": 10, "g": 5}, 20000.0),
    # 1,000 just paid: next is 1,050; 1,050 / 0.05
    ("growing_perpetuity", {"C0": 1000, "r": 10, "g": 5}, 21000.0),
    # 2,500 / (8 % - 3 %) = 2,500 * 20
    ("growing_perpetuity", {"C": 2500, "r": 8, "g": 3}, 50000.0),
    # 400 just paid, growing 2.5 %: 410 next; 410 / (7.5 % - 2.5 %) = 410 * 20
    ("growing_perpetuity", {"C0": 400, "r": 7.5, "g": 2.5}, 8200.0),
    # 121,000 in two years at 10 % inflation: 121,000 / 1.21
    ("inflation_adjusted_value", {"F": 121000, "pi": 10, "n": 2}, 100000.0),
    # 1,000 today at 10 % for three years: 1,000 * 1.331
    ("inflation_adjusted_value", {"P": 1000, "pi": 10, "n": 3}, 1331.0),
    # 1,000 a year from now at 5 %: 1,000 / 1.05
    ("inflation_adjusted_value", {"F": 1000, "pi": 5, "n": 1}, 1000 / 1.05),
    # 50,000 today at 2 % for two years: 50,000 * 1.0404
    ("inflation_adjusted_value", {"P": 50000, "pi": 2, "n": 2}, 52020.0),
    # two year-end withdrawals of 121 at 10 % are worth 110 + 100 = 210 today
    ("pot_withdrawal", {"P": 210, "r": 10, "n": 2, "m": 1}, 121.0),
    # three of 1,331: 1,210 + 1,100 + 1,000 = 3,310 today
    ("pot_withdrawal", {"P": 3310, "r": 10, "n": 3, "m": 1}, 1331.0),
    # one withdrawal a year from now takes the pot and its interest: 1,000 * 1.1
    ("pot_withdrawal", {"P": 1000, "r": 10, "n": 1, "m": 1}, 1100.0),
    # 12 % a year is 1 % a month; twelve withdrawals: 100,000 * 0.01 / (1 - 1.01^-12)
    ("pot_withdrawal", {"P": 100000, "r": 12, "n": 1, "m": 12}, 1000 / (1 - 1.01**-12)),
    # the same, the term given as 12 monthly withdrawals
    ("pot_withdrawal", {"P": 100000, "r": 12, "n": 1, "m": 12, "N": 12}, 1000 / (1 - 1.01**-12)),
    # 24 months at 0.5 %: 50,000 * 0.005 / (1 - 1.005^-24)
    ("pot_withdrawal", {"P": 50000, "r": 6, "n": 2, "m": 12}, 250 / (1 - 1.005**-24)),
    # 150 shares at 210 = 31,500; after a 3-for-1 split 450 sold at 82 = 36,900; 5,400 * 15 %
    ("capital_gains_tax", {"N": 150, "p0": 210, "k": 3, "q1": 82, "t": 15}, 810.0),
    # 100 shares from 50 to 80: a gain of 3,000; 20 % of it
    ("capital_gains_tax", {"N": 100, "p0": 50, "p1": 80, "t": 20}, 600.0),
    # 25,000 - 10,000 - 500 fees = 14,500; 20 % of it
    ("capital_gains_tax", {"B": 10000, "S": 25000, "f": 500, "t": 20}, 2900.0),
    # 200 shares 10.50 -> 15: 3,000 - 2,100 = 900, less 20 of fees = 880; 15 %. The 300 of
    # dividends is income, not gain
    ("capital_gains_tax", {"N": 200, "p0": 10.5, "p1": 15, "f": 20, "t": 15, "D": 300}, 132.0),
    # 50,000 - 40,000 = 10,000 at the long-term 15 %; the 32 % short-term rate does not apply
    ("capital_gains_tax", {"B": 40000, "S": 50000, "t": 15, "ts": 32}, 1500.0),
]


def _records(name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS):
    return family_records("personal", name, draws, splits)


@pytest.mark.parametrize("name", PERSONAL_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        question = record["question"]
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], question) == [], record
        assert frequency_mismatch(record["formula"], question) is None, record
        assert "{" not in question, question
        if not record["template_id"].endswith("composed"):  # every slot reads in its sentence
            assert "  " not in question and " ." not in question and " ," not in question
            # no table or list glued to a sentence before it (an aside)
            assert not re.search(r"[.!?] (\| |- [A-Z])", question), question
        assert record["answer"] > 0, record


# --- growing_perpetuity -----------------------------------------------------------------------

JUST_PAID_WORDS = re.compile(
    r"just (been )?(paid|made)|just-paid|already (paid|made)|this year's pay|paid just now"
    r"|made just now|just gone out|just received|moments ago|banked this cycle",
    re.I,
)
NEXT_WORDS = re.compile(
    r"one year from now|next year|in one year|first year|a year from today|in a year|year one"
    r"|next payment|year-one|first-year|first payment|upcoming|twelvemonth hence|after one cycle",
    re.I,
)


def test_a_payment_just_made_is_said_so_and_grown_one_year() -> None:
    just_paid = 0
    records = list(_records("growing_perpetuity"))
    for record in records:
        question, formula = record["question"], record["formula"]
        if "*(1+" in formula:
            just_paid += 1
            assert JUST_PAID_WORDS.search(question), question
            assert re.fullmatch(r"[\d.]+\*\(1\+[\d.]+/100\)/\([\d.]+/100-[\d.]+/100\)", formula)
        else:
            assert NEXT_WORDS.search(question), question
            assert not JUST_PAID_WORDS.search(question), question
            assert re.fullmatch(r"[\d.]+/\([\d.]+/100-[\d.]+/100\)", formula), formula
    assert abs(just_paid / len(records) - JUST_PAID_SHARE) < 0.07


def test_a_payment_just_made_is_worth_the_next_one_grown() -> None:
    family = get_family("growing_perpetuity")
    rng = random.Random(1)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        rate, growth = nums["r"].value, nums["g"].value
        assert rate - growth >= 1.5
        values = {key: num.value for key, num in nums.items()}
        if "C0" in values:
            next_one = values["C0"] * (1 + growth / 100)
            swapped = {"C": next_one, "r": rate, "g": growth}
            assert family.solve(values) == pytest.approx(family.solve(swapped), rel=1e-9)
        # a payment a year from now, then the same stream a year on: V = (C + V (1 + g)) / (1 + r)
        value = family.solve(values)
        first = values.get("C", values.get("C0", 0) * (1 + growth / 100))
        assert value == pytest.approx((first + value * (1 + growth / 100)) / (1 + rate / 100))


# --- inflation_adjusted_value -----------------------------------------------------------------


def test_inflation_questions_name_their_direction_and_the_formula_follows() -> None:
    family = get_family("inflation_adjusted_value")
    rng = random.Random(2)
    directions = set()
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        texts = family.texts(rng, nums)
        formula = family.build_formula(nums)
        today = "F" in nums
        directions.add(today)
        assert ("F" in nums) != ("P" in nums)
        amount = nums["F" if today else "P"].formula
        when = "today" if today else "future"
        assert formula.startswith(f'inflation_adjust("{when}",{amount},'), formula
        assert evaluate(formula) == pytest.approx(family.answer(nums), rel=1e-9)
        mine = (*TODAY_ASKS, *TODAY_WANTED) if today else (*FUTURE_ASKS, *FUTURE_WANTED)
        other = (*FUTURE_ASKS, *FUTURE_WANTED) if today else (*TODAY_ASKS, *TODAY_WANTED)
        fill = {"years": texts["years"], "cur": texts["cur"]}
        assert any(form.format(**fill) in (texts["ask"], texts["want"]) for form in mine)
        for form in other:
            assert form.format(**fill) not in (texts["ask"], texts["want"], texts["setup"])
        # prices rise: a future sum is worth less today, today's price costs more later
        answer = family.answer(nums)
        if today:
            assert answer < nums["F"].value
        else:
            assert answer > nums["P"].value
        years = nums["n"].value
        assert texts["years"] == (f"{texts['n']} year" if years == 1 else f"{texts['n']} years")
    assert directions == {True, False}


def test_every_inflation_question_shows_the_direction_asked_for() -> None:
    for record in _records("inflation_adjusted_value"):
        question = record["question"]
        if record["formula"].startswith('inflation_adjust("today",'):
            assert re.search(r"today's|present-day|purchasing power", question), question
        else:
            assert re.search(r"\bwill\b|future|then\b|expect to pay", question), question


# --- pot_withdrawal ---------------------------------------------------------------------------


def test_withdrawals_are_monthly_exactly_where_the_question_says_so() -> None:
    monthly = counted = 0
    records = list(_records("pot_withdrawal"))
    for record in records:
        question, formula = record["question"], record["formula"]
        if "/100/12," in formula:
            monthly += 1
            assert re.search(r"month", question, re.I), question
            counted += not formula.split(",")[1].strip().endswith("*12")
        else:
            assert re.fullmatch(r"pmt\([\d.]+/100, \d+, \d+\)", formula), formula
            assert not re.search(r"month", question, re.I), question
    assert abs(monthly / len(records) - MONTHLY_SHARE) < 0.07
    assert counted > 10  # some monthly questions give the term as a number of withdrawals


def test_the_withdrawal_empties_the_pot_on_a_simulated_schedule() -> None:
    family = get_family("pot_withdrawal")
    rng = random.Random(3)
    ages = 0
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        withdrawal = family.answer(nums)
        per_year = nums["m"].value
        rate = nums["r"].value / 100 / per_year
        balance = nums["P"].value
        periods = round(nums["n"].value * per_year)
        for _ in range(periods - 1):
            balance = balance * (1 + rate) - withdrawal
            assert balance > 0
        assert balance * (1 + rate) - withdrawal == pytest.approx(0, abs=1e-6 * nums["P"].value)
        if "age" in nums:  # the saver's age is shown, never used
            ages += 1
            without = {key: num for key, num in nums.items() if key != "age"}
            assert family.build_formula(without) == family.build_formula(nums)
    assert 60 < ages < 180


# --- capital_gains_tax ------------------------------------------------------------------------

SIDE = ("D", "ts")


def test_gains_are_taxed_on_proceeds_less_basis_and_fees() -> None:
    family = get_family("capital_gains_tax")
    rng = random.Random(4)
    modes, sides, fees = set(), set(), 0
    for i in range(600):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {key: num.value for key, num in nums.items()}
        formula = family.build_formula(nums)
        if "S" in values:
            modes.add("amounts")
            gain = values["S"] - values["B"]
        elif "k" in values:
            modes.add("split")
            gain = values["N"] * values["k"] * values["q1"] - values["N"] * values["p0"]
            shares = nums["N"].formula
            assert formula.startswith(f"({shares}*{nums['k'].formula}*{nums['q1'].formula}-")
            assert values["k"] in (2, 3, 4, 5, 10, 20)
        else:
            modes.add("shares")
            gain = values["N"] * (values["p1"] - values["p0"])
        if "f" in values:
            fees += 1
            assert f"-{nums['f'].formula})*" in formula
        taxable = gain - values.get("f", 0)
        assert taxable > 0
        assert family.answer(nums) == pytest.approx(taxable * values["t"] / 100, rel=1e-9)
        present = [key for key in SIDE if key in nums]
        sides.update(present)
        if present:  # shown beside the trade, never in the formula
            without = {key: num for key, num in nums.items() if key not in SIDE}
            assert family.build_formula(without) == formula
            assert family.answer(without) == family.answer(nums)
        if "ts" in values:
            assert values["ts"] >= values["t"] + 5
    assert modes == {"amounts", "shares", "split"}
    assert sides == set(SIDE)
    assert 150 < fees < 330


def test_capital_gains_questions_show_the_split_and_say_the_short_term_rate_does_not_apply() -> (
    None
):
    for record in _records("capital_gains_tax"):
        question, formula = record["question"], record["formula"]
        split = re.match(r"\(([\d.]+)\*([\d.]+)\*([\d.]+)-", formula)
        if split:
            assert f"{split.group(2)}-for-1" in question, question
        short = re.search(
            r"short-term|short holdings|under a year|within a year|year or less"
            r"|short-dated",
            question,
        )
        if short:
            assert re.search(
                r"long-term|not|would|had (it|been)|over a year|irrelevant", question
            ), question


@pytest.mark.parametrize("name", PERSONAL_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        question = record["question"]
        assert_articles_read_right(question)
