"""The company-ratio families (quantreason.tasks.company_ratios) against hand-computed cases,
and the checks particular to them: the quick ratio always takes the inventory off, figures
shown beside the inputs (inventory for the current ratio, net income and tax for interest
coverage) never enter the formula, scaled share counts and amounts ("1.45 billion shares",
"$2.3M") are written out in full in the formula, and every figure stays in a realistic range.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.amounts import expand_scaled_amounts
from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import get_family
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.phrasing import compose

COMPANY_FAMILIES = ("market_cap", "current_ratio", "quick_ratio", "interest_coverage")

HAND_CASES = [
    ("market_cap", {"N": 1.45e9, "P": 84}, 121.8e9),  # 1,450 million x 84 = 121,800 million
    ("market_cap", {"N": 320e6, "P": 12.5}, 4e9),  # 320 million x 12.50 = 4,000 million
    ("market_cap", {"N": 2_730_200, "P": 0.5}, 1_365_100.0),  # half of 2,730,200
    ("current_ratio", {"CA": 2.3e6, "CL": 1.15e6}, 2.0),  # 2.3 / 1.15
    # 900,000 / 1,200,000 = 0.75: the 300,000 of inventory shown beside stays in
    ("current_ratio", {"CA": 900_000, "CL": 1_200_000, "INV": 300_000}, 0.75),
    ("quick_ratio", {"CA": 2.3e6, "INV": 0.8e6, "CL": 1e6}, 1.5),  # (2.3 - 0.8) / 1.0
    ("quick_ratio", {"CA": 1200, "INV": 450, "CL": 600}, 1.25),  # 750 / 600
    ("interest_coverage", {"EBIT": 84e6, "I": 12e6}, 7.0),  # 84 / 12
    # 450,000 / 180,000 = 2.5; net income 200,000 is shown, not used
    ("interest_coverage", {"EBIT": 450_000, "I": 180_000, "NI": 200_000}, 2.5),
    # 3.6bn / 0.45bn = 8; tax 0.63bn and net income 2.52bn are shown, not used
    ("interest_coverage", {"EBIT": 3.6e9, "I": 4.5e8, "tax": 6.3e8, "NI": 2.52e9}, 8.0),
]

_NUMBER = r"(\d+(?:\.\d+)?)"


def _records(name: str, split: str, count: int = 160) -> list[dict]:
    family = get_family(name)
    rng = random.Random(f"company_ratios:{name}:{split}")
    return [make_record(family, index, rng, split, index) for index in range(count)]


@pytest.mark.parametrize("name", COMPANY_FAMILIES)
@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
def test_records_are_grounded_read_naturally_and_give_the_answer(name: str, split: str) -> None:
    for record in _records(name, split):
        question = record["question"]
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6)
        assert ungrounded_numbers(record["formula"], question) == [], record
        assert "{" not in question, question
        if not record["template_id"].endswith("composed"):  # an empty {note} leaves no gap
            assert "  " not in question and " ." not in question, question


def test_the_quick_ratio_always_takes_the_inventory_off() -> None:
    family = get_family("quick_ratio")
    pattern = re.compile(rf"\({_NUMBER}-{_NUMBER}\)/{_NUMBER}")
    for split in ("train", "test_ood_range", "test_ood_template"):
        for record in _records("quick_ratio", split):
            match = pattern.fullmatch(record["formula"])
            assert match, record["formula"]
            assets, inventory, liabilities = (float(g) for g in match.groups())
            assert 0 < inventory < assets
            assert record["answer"] < assets / liabilities  # below the current ratio
    rng = random.Random(4)
    for _ in range(200):
        nums = family.draw(rng, ood=False)
        assert "INV" in nums  # every quick-ratio question shows its inventory
        share = nums["INV"].value / nums["CA"].value
        assert 0.04 < share < 0.65


@pytest.mark.parametrize(
    ("name", "sides"), [("current_ratio", ("INV",)), ("interest_coverage", ("NI", "tax"))]
)
def test_side_figures_are_shown_sometimes_and_never_enter_the_formula(name, sides) -> None:
    family = get_family(name)
    rng = random.Random(f"side:{name}")
    with_side = 0
    for i in range(400):
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
        for side in shown:
            assert texts[side] in question and texts[side] in texts["note"], (question, texts)
    assert 0.3 * 400 < with_side < 0.5 * 400  # SIDE_FIGURE_SHARE of draws
    assert SIDE_FIGURE_SHARE == 0.4
    for template in family.templates + family.ood_templates:
        assert not any("{" + side + "}" in template for side in sides), template
    assert sum("{note}" in template for template in family.templates) >= 5


def test_side_figures_come_from_the_same_accounts() -> None:
    """Inventory is part of the current assets; net income and tax are what is left of EBIT
    after interest, split at a 15-30 % tax rate (to the figures quoted)."""
    rng = random.Random(8)
    current, coverage = get_family("current_ratio"), get_family("interest_coverage")
    for i in range(300):
        nums = current.draw(rng, ood=i % 2 == 1)
        if "INV" in nums:
            assert 0 < nums["INV"].value < 0.65 * nums["CA"].value
            assert nums["INV"].scale in (nums["CA"].scale, nums["CA"].scale / 1e3, 1)
            assert nums["INV"].scale == 1 or nums["INV"].value >= 0.1 * nums["INV"].scale
        nums = coverage.draw(rng, ood=i % 2 == 1)
        pretax = nums["EBIT"].value - nums["I"].value
        if "NI" in nums:
            assert 0.6 * pretax < nums["NI"].value < 0.9 * pretax
        if "tax" in nums:
            assert 0.1 * pretax < nums["tax"].value < 0.35 * pretax


def test_scaled_share_counts_and_amounts_are_written_out_in_full() -> None:
    """'1.45 billion shares' is 1450000000 in the formula, '$2.3M' 2300000: the digits the prompt
    writes out (expand_scaled_amounts), so the formula is the question's numbers verbatim."""
    cap, current = get_family("market_cap"), get_family("current_ratio")
    rng = random.Random(6)
    scaled_counts = scaled_amounts = 0
    for _ in range(400):
        nums = cap.draw(rng, ood=False)
        texts = cap.texts(rng, nums)
        shares = nums["N"]
        if shares.scale != 1:
            scaled_counts += 1
            assert re.fullmatch(r"[\d.]+ ?(million|billion|M|m|mn|bn)", texts["N"]), texts["N"]
            assert expand_scaled_amounts(texts["N"]) == shares.formula
            assert cap.build_formula(nums) == f"{shares.formula}*{nums['P'].formula}"
            assert float(shares.formula) == pytest.approx(shares.value)
            assert shares.formula.isdigit()
        nums = current.draw(rng, ood=False)
        texts = current.texts(rng, nums)
        if nums["CA"].scale != 1:
            scaled_amounts += 1
            assert nums["CA"].formula in expand_scaled_amounts(texts["CA"])
            assert current.build_formula(nums).startswith(nums["CA"].formula + "/")
    assert scaled_counts > 100 and scaled_amounts > 50
    # a count written in full is copied without its separators
    for record in _records("market_cap", "train"):
        shares = record["formula"].split("*")[0]
        assert shares in expand_scaled_amounts(record["question"]).replace(",", ""), record


def test_figures_stay_realistic_in_range_and_leave_it_out_of_range() -> None:
    rng = random.Random(10)
    cap, current = get_family("market_cap"), get_family("current_ratio")
    quick, coverage = get_family("quick_ratio"), get_family("interest_coverage")
    for _ in range(300):
        assert 5e7 <= cap.answer(cap.draw(rng, ood=False)) <= 3e12  # $50M to $3T
        assert cap.answer(cap.draw(rng, ood=True)) <= 3e12
        for ood in (False, True):
            assert 0.5 <= current.answer(current.draw(rng, ood)) <= 4
            nums = quick.draw(rng, ood)
            assert 0.2 <= quick.answer(nums) < nums["CA"].value / nums["CL"].value <= 4
            assert 1.2 <= coverage.answer(coverage.draw(rng, ood)) <= 30
    # out of range, a market cap has under four million shares: penny-priced or priced in the
    # thousands (Berkshire A, NVR)
    prices = [cap.draw(rng, ood=True)["P"].value for _ in range(200)]
    assert all(p < 1 or p > 1500 for p in prices)
    assert any(p < 1 for p in prices) and any(p > 1500 for p in prices)


def test_reasoning_sentences_and_units() -> None:
    units = {name: get_family(name).unit for name in COMPANY_FAMILIES}
    assert units == {
        "market_cap": "currency",
        "current_ratio": "ratio",
        "quick_ratio": "ratio",
        "interest_coverage": "ratio",
    }
    assert get_family("pe_ratio").unit == "ratio"  # the unit plain ratios use
    reasoning = {get_family(name).reasoning for name in COMPANY_FAMILIES}
    assert len(reasoning) == len(COMPANY_FAMILIES)
    assert "inventory" in get_family("quick_ratio").reasoning


def test_every_quick_ratio_phrasing_shows_the_inventory() -> None:
    family = get_family("quick_ratio")
    for template in family.templates + family.ood_templates:
        assert "{INV}" in template and "{CA}" in template and "{CL}" in template, template
