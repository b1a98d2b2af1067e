"""The returns-on-capital families (quantreason.tasks.returns_on_capital) against hand-computed
cases, and the checks particular to them: a side figure (total assets beside an ROE, equity
beside an ROA, a deposit or bedrooms beside a rent, last year's return beside a fee) never enters
the formula; a yearly rent is taken as written, never multiplied by 12; an expense ratio in basis
points is divided by 10,000; a loss gives a negative return; every formula is grounded in its
question and evaluates to the solver's answer.

Expected values are the arithmetic a person would do on paper, never a call to the solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record, record_rng
from quantreason.formula import evaluate
from quantreason.frequency import count_read_as_years, frequency_mismatch
from quantreason.tasks import get_family
from quantreason.tasks.phrasing import compose
from quantreason.tasks.returns_on_capital import BPS_SHARE, LOSS_SHARE, YEARLY_RENT_SHARE

NAMES = ("return_on_equity", "return_on_assets", "gross_rental_yield", "fund_fee")
# Figures each family may show beside its inputs, never used.
SIDE_FIGURES = {
    "return_on_equity": ("TA", "S"),
    "return_on_assets": ("E", "S"),
    "gross_rental_yield": ("D", "beds"),
    "fund_fee": ("ret",),
}

HAND_CASES = [
    # 1.2bn / 8bn = 0.15
    ("return_on_equity", {"NI": 1.2e9, "E": 8e9}, 15.0),
    # a loss: -300,000 / 2,500,000 = -0.12
    ("return_on_equity", {"NL": 300000, "E": 2500000}, -12.0),
    # total assets beside are not used: 50,000 / 400,000 = 0.125
    ("return_on_equity", {"NI": 50000, "E": 400000, "TA": 2000000}, 12.5),
    # 2M / 80M = 0.025
    ("return_on_assets", {"NI": 2e6, "TA": 80e6}, 2.5),
    # a loss: -45,000 / 900,000 = -0.05
    ("return_on_assets", {"NL": 45000, "TA": 900000}, -5.0),
    # equity and revenue beside are not used: 7.5M / 50M = 0.15
    ("return_on_assets", {"NI": 7.5e6, "TA": 50e6, "E": 12e6, "S": 40e6}, 15.0),
    # 1,500 a month is 18,000 a year; 18,000 / 360,000 = 0.05
    ("gross_rental_yield", {"Rm": 1500, "P": 360000}, 5.0),
    # a yearly rent as written: 24,000 / 400,000 = 0.06
    ("gross_rental_yield", {"Ry": 24000, "P": 400000}, 6.0),
    # 2,100 * 12 = 25,200 on 420,000 = 0.06; the deposit and the 3 bedrooms are not used
    ("gross_rental_yield", {"Rm": 2100, "P": 420000, "D": 84000, "beds": 3}, 6.0),
    # 0.35 % of 85,000: 85,000 / 100 * 0.35 = 297.50
    ("fund_fee", {"B": 85000, "er": 0.35}, 297.5),
    # 35 bps is 0.35 %: 250,000 * 0.0035 = 875
    ("fund_fee", {"B": 250000, "bps": 35}, 875.0),
    # 0.03 % of 1,000,000 = 300; last year's 12.4 % is not used
    ("fund_fee", {"B": 1000000, "er": 0.03, "ret": 12.4}, 300.0),
]


@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
@pytest.mark.parametrize("name", NAMES)
def test_records_show_every_formula_number_and_give_the_answer(name: str, split: str) -> None:
    family = get_family(name)
    for index in range(60):  # templates and composed questions, in turn
        record = make_record(family, index, record_rng(0, split, name, index), split, index)
        question, formula = record["question"], record["formula"]
        assert "{" not in question and "}" not in question, record
        assert ungrounded_numbers(formula, question) == [], record
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-9), record
        assert frequency_mismatch(formula, question) is None, record
        assert count_read_as_years(formula, question) is None, record


@pytest.mark.parametrize("name", NAMES)
def test_side_figures_are_shown_and_never_used(name: str) -> None:
    """In a share of draws (held-out ranges too) a figure the task does not use is drawn; a
    composed question shows it under one of its labels, and the formula and the answer are
    those of the same draw without it."""
    family = get_family(name)
    rng = random.Random(f"side:{name}")
    with_side = 0
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        sides = [key for key in SIDE_FIGURES[name] if key in nums]
        if not sides:
            continue
        with_side += 1
        texts = family.texts(rng, nums)
        question = compose(family.parts, texts, rng, held_out=False)
        for side in sides:
            assert texts[side] in question, question
        without = {key: num for key, num in nums.items() if key not in sides}
        assert family.build_formula(nums) == family.build_formula(without)
        assert family.answer(nums) == family.answer(without)
        used = set(re.findall(r"\d+(?:\.\d+)?", family.build_formula(nums)))
        for side in sides:
            if all(nums[side].value != n.value for k, n in nums.items() if k != side):
                assert nums[side].formula not in used, (side, nums)
    assert 0.3 * 300 < with_side < 0.5 * 300  # SIDE_FIGURE_SHARE of draws, not all


def test_written_templates_show_side_figures_only_through_their_slots() -> None:
    """Templates name side figures only in phrase slots that are empty without one, so that
    every template fits every draw; the slots are used."""
    slots = {
        "return_on_equity": "{aside",
        "return_on_assets": "{aside",
        "gross_rental_yield": "{down",
        "fund_fee": "{ret_",
    }
    for name in NAMES:
        family = get_family(name)
        for template in family.templates + family.ood_templates:
            for side in SIDE_FIGURES[name]:
                assert "{" + side + "}" not in template, template
        assert sum(slots[name] in t for t in family.templates) >= 20, name


def test_a_yearly_rent_is_taken_as_written_and_a_monthly_one_times_12() -> None:
    family = get_family("gross_rental_yield")
    rng = random.Random(21)
    yearly = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        texts = family.texts(rng, nums)
        formula = family.build_formula(nums)
        if "Ry" in nums:
            yearly += 1
            assert "Rm" not in nums
            assert formula == f"{nums['Ry'].formula}/{nums['P'].formula}*100"
            assert re.search(r"year|annum|annually", texts["rent"]), texts["rent"]
            assert "month" not in texts["rent"] and "pcm" not in texts["rent"]
        else:
            assert formula == f"{nums['Rm'].formula}*12/{nums['P'].formula}*100"
            assert re.search(r"month|pcm", texts["rent"]), texts["rent"]
        assert 2 <= family.answer(nums) <= 12
    assert abs(yearly / 400 - YEARLY_RENT_SHARE) < 0.08
    # records: the formula multiplies by 12 exactly when the question gives a monthly rent
    for split in ("train", "test_ood_range", "test_ood_template"):
        for index in range(80):
            record = make_record(family, index, record_rng(1, split, "rent", index), split, index)
            monthly = re.search(r"\bmonth|pcm", record["question"], re.I) is not None
            assert ("*12/" in record["formula"]) == monthly, record


def test_basis_points_are_divided_by_10000_and_percent_by_100() -> None:
    family = get_family("fund_fee")
    rng = random.Random(22)
    in_bps = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        texts = family.texts(rng, nums)
        formula = family.build_formula(nums)
        if "bps" in nums:
            in_bps += 1
            assert formula == f"{nums['B'].formula}*{nums['bps'].formula}/10000"
            assert re.search(r"\bbps?\b|basis points", texts["fee"]), texts["fee"]
            assert family.answer(nums) == pytest.approx(
                nums["B"].value * nums["bps"].value / 100 / 100
            )
        else:
            assert formula == f"{nums['B'].formula}*{nums['er'].formula}/100"
            assert re.search(r"%|percent", texts["fee"]), texts["fee"]
    assert abs(in_bps / 400 - BPS_SHARE) < 0.08
    for index in range(80):
        record = make_record(family, index, record_rng(2, "train", "fee", index), "train", index)
        in_words = re.search(r"\bbps?\b|basis points?", record["question"]) is not None
        assert record["formula"].endswith("/10000") == in_words, record


@pytest.mark.parametrize("name", ["return_on_equity", "return_on_assets"])
def test_a_loss_gives_a_negative_return_and_the_denominator_is_the_right_one(name: str) -> None:
    family = get_family(name)
    denominator = "E" if name == "return_on_equity" else "TA"
    bounds = (-20, 45) if name == "return_on_equity" else (-10, 25)
    rng = random.Random(23)
    losses = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        formula = family.build_formula(nums)
        answer = family.answer(nums)
        assert bounds[0] <= answer <= bounds[1] and abs(answer) >= 0.5
        assert formula.endswith(f"/{nums[denominator].formula}*100"), formula
        if "NL" in nums:
            losses += 1
            assert answer < 0 and formula.startswith(f"-{nums['NL'].formula}/")
            texts = family.texts(rng, nums)
            assert re.search(r"loss|lost", texts["result"] + texts["earned"])
        else:
            assert answer > 0 and formula.startswith(f"{nums['NI'].formula}/")
    assert abs(losses / 400 - LOSS_SHARE) < 0.06


def test_roe_and_roa_each_show_the_others_denominator_only_beside() -> None:
    """An ROE question may show total assets, an ROA question equity: the formula divides by
    equity for the one and by total assets for the other whatever else is shown."""
    roe, roa = get_family("return_on_equity"), get_family("return_on_assets")
    rng = random.Random(24)
    seen = set()
    for _ in range(300):
        nums = roe.draw(rng, ood=False)
        if "TA" in nums:
            seen.add("roe+assets")
            assert nums["TA"].value > nums["E"].value  # assets exceed the equity in them
            assert roe.build_formula(nums).endswith(f"/{nums['E'].formula}*100")
        nums = roa.draw(rng, ood=False)
        if "E" in nums:
            seen.add("roa+equity")
            assert nums["E"].value < nums["TA"].value
            assert roa.build_formula(nums).endswith(f"/{nums['TA'].formula}*100")
    assert seen == {"roe+assets", "roa+equity"}
