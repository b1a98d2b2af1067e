"""The business families (quantreason.tasks.business) against hand-computed cases, and the checks
particular to them: every break-even question says how to round and only a whole-units one
rounds up, margin and markup questions say which they give and their formulas differ in form,
a straight-line question without salvage says so, declining balance names its rate and never
lets a salvage value bind, a cash conversion cycle from balances states its 365-day year, a
fall in net working capital is added to FCFF, and no side figure ever enters a formula.

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
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.phrasing import compose
from tests.data.article_checks import assert_articles_read_right

BUSINESS_FAMILIES = (
    "breakeven_units",
    "target_margin_price",
    "straight_line_depreciation",
    "declining_balance_depreciation",
    "cash_conversion_cycle",
    "free_cash_flow_firm",
)

HAND_CASES = [
    # 50,000 / (25 - 15) = 50,000 / 10 = 5,000 units exactly
    ("breakeven_units", {"F": 50000, "P": 25, "V": 15, "ex": 1}, 5000.0),
    # 10,000 / (7 - 4) = 3,333.33...: as an exact quotient
    ("breakeven_units", {"F": 10000, "P": 7, "V": 4, "ex": 1}, 10000 / 3),
    # the same, rounded up: 3,333 units leave 10,000 - 9,999 = 1 uncovered, so 3,334
    ("breakeven_units", {"F": 10000, "P": 7, "V": 4, "up": 1}, 3334.0),
    # 1,201 / (2.50 - 1.75) = 1,201 / 0.75 = 1,601.33: rounded up, 1,602
    ("breakeven_units", {"F": 1201, "P": 2.5, "V": 1.75, "up": 1}, 1602.0),
    # margin 40 % on price: cost is 60 % of the price, 60 / 0.6 = 100
    ("target_margin_price", {"C": 60, "mg": 40}, 100.0),
    # markup 40 % on cost: 60 + 24 = 84
    ("target_margin_price", {"C": 60, "mk": 40}, 84.0),
    # margin 25 %: 75 / 0.75 = 100
    ("target_margin_price", {"C": 75, "mg": 25}, 100.0),
    # markup 100 %: double the cost, 12.50 * 2 = 25
    ("target_margin_price", {"C": 12.5, "mk": 100}, 25.0),
    # (50,000 - 5,000) / 9 = 45,000 / 9 = 5,000 a year
    ("straight_line_depreciation", {"C": 50000, "S": 5000, "n": 9}, 5000.0),
    # no salvage: 12,000 / 4 = 3,000
    ("straight_line_depreciation", {"C": 12000, "S0": 0, "n": 4}, 3000.0),
    # (100,000 - 10,000) / 6 = 15,000; the asset's age of 2 years changes nothing
    ("straight_line_depreciation", {"C": 100000, "S": 10000, "n": 6, "A": 2}, 15000.0),
    # double-declining, 5 years: rate 40 %; year 1 is 40 % of 10,000 = 4,000
    ("declining_balance_depreciation", {"C": 10000, "n": 5, "k1": 1, "dd": 1}, 4000.0),
    # year 2 opens at 6,000, year 3 at 3,600: 40 % of 3,600 = 1,440
    ("declining_balance_depreciation", {"C": 10000, "n": 5, "k": 3, "dd": 1}, 1440.0),
    # 150 % over 4 years: rate 37.5 %; year 1 takes 3,000 of 8,000, year 2 37.5 % of 5,000
    ("declining_balance_depreciation", {"C": 8000, "n": 4, "k": 2, "db": 150}, 1875.0),
    # rate 50 %: 4,000 in year 1, 2,000 in year 2 (book value 2,000, above the 500 salvage)
    ("declining_balance_depreciation", {"C": 8000, "n": 4, "k": 2, "dd": 1, "S": 500}, 2000.0),
    # 45 + 30 - 25 = 50 days
    ("cash_conversion_cycle", {"DIO": 45, "DSO": 30, "DPO": 25}, 50.0),
    # suppliers wait longer than stock and customers together: 10.5 + 4 - 40 = -25.5
    ("cash_conversion_cycle", {"DIO": 10.5, "DSO": 4, "DPO": 40}, -25.5),
    # COGS of 730,000 is 2,000 a day: inventory 100,000 is 50 days, payables 60,000 are 30;
    # revenue 912,500 is 2,500 a day: receivables 50,000 are 20 days; 50 + 20 - 30 = 40
    (
        "cash_conversion_cycle",
        {"INV": 100000, "COGS": 730000, "AR": 50000, "REV": 912500, "AP": 60000, "D": 365},
        40.0,
    ),
    # 1,000 taxed at 25 % is 750; + 200 - 300 - 50 = 600
    ("free_cash_flow_firm", {"E": 1000, "t": 25, "DA": 200, "CX": 300, "Wi": 50}, 600.0),
    # working capital fell by 50, which adds: 750 + 200 + 50 - 300 = 700
    ("free_cash_flow_firm", {"E": 1000, "t": 25, "DA": 200, "CX": 300, "Wd": 50}, 700.0),
    # 2,000 at 30 % tax is 1,400; + 100 - 400 - 100 = 1,000; interest of 150 is not deducted
    (
        "free_cash_flow_firm",
        {"E": 2000, "t": 30, "DA": 100, "CX": 400, "Wi": 100, "INT": 150},
        1000.0,
    ),
]

SPLITS = ("train", "test_ood_range", "test_ood_template")
_NUMBER = r"(\d+(?:\.\d+)?)"


def _records(name: str, draws: int = 200):
    """``draws`` records per split of ``name``, written templates and composed questions alike."""
    family = get_family(name)
    for split in SPLITS:
        rng = random.Random(f"business:{name}:{split}")
        for index in range(draws):
            yield make_record(family, index, rng, split, index)


def _draws(name: str, count: int = 400, seed: int = 1):
    family = get_family(name)
    rng = random.Random(f"business draws:{name}:{seed}")
    for i in range(count):
        yield family.draw(rng, ood=i % 2 == 1)


@pytest.mark.parametrize("name", BUSINESS_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert "{" not in record["question"], record
        if not record["template_id"].endswith("composed"):  # an empty {basis} leaves no gap
            assert "  " not in record["question"] and " ." not in record["question"], record


@pytest.mark.parametrize("name", BUSINESS_FAMILIES)
def test_the_design_floor_of_templates_asks_and_labels(name: str) -> None:
    family = get_family(name)
    parts = family.parts
    assert parts is not None
    assert len(family.templates) >= 20 and len(family.ood_templates) >= 3
    assert len(parts.asks) >= 20 and len(parts.ood_asks) >= 3
    for key, labels in parts.labels.items():
        assert len(labels) >= 12, key
        assert len(parts.ood_labels.get(key, ())) >= 2, key
    assert family.reasoning.count(". ") == 0 and family.reasoning.endswith(".")
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d", ask), ask


# A label reads as "the {label} is X", "{label}: X" and a table header: lower case but for
# acronyms (EBIT, COGS, D&A), no digits, no trailing punctuation, no comma, no head noun in the
# plural ("fixed costs"), and no leading "u" an article could not tell.
_QUALIFIERS = re.compile(r" (?:of|in|for|at|on|to|over|per|by|from|with|as|before|applied) ")


@pytest.mark.parametrize("name", BUSINESS_FAMILIES)
def test_labels_are_singular_lower_case_noun_phrases(name: str) -> None:
    parts = get_family(name).parts
    assert parts is not None
    groups = (*parts.labels.values(), *parts.ood_labels.values())
    for label in (label for labels in groups for label in labels):
        words = [w for w in label.split() if not re.fullmatch(r"[A-Z&]{2,}|CapEx", w)]
        assert all(w == w.lower() for w in words), label
        assert not re.search(r"\d|[,;:.?!]$|,", label), label
        assert not label.startswith("u") or label.startswith(("use", "uni")), label
        head = _QUALIFIERS.split(f" {label} ")[0].split()
        assert head and not (head[-1].endswith("s") and head[-1] != "basis"), label


# --- breakeven_units --------------------------------------------------------------------------

_ROUND_UP = re.compile(r"rounded up|rounding up|up to (?:a|the next) whole")
_EXACT = re.compile(r"\bexact\b|unrounded|no rounding|not rounded|fraction")


def test_every_breakeven_question_says_how_to_round_and_only_whole_units_round_up() -> None:
    seen = {True: 0, False: 0}
    for record in _records("breakeven_units"):
        question, formula = record["question"], record["formula"]
        whole = formula.startswith("ceil(")
        seen[whole] += 1
        assert bool(_ROUND_UP.search(question)) == whole, question
        assert bool(_EXACT.search(question)) != whole, question
        assert "Round however you like" not in question, question
        fixed, price, variable = map(float, re.findall(_NUMBER, formula))
        exact = fixed / (price - variable)
        if whole:
            assert record["answer"] == math.ceil(exact) and not exact.is_integer(), record
        else:
            assert record["answer"] == pytest.approx(exact, rel=1e-9), record
        assert 0 < variable < price
        assert record["unit"] == "ratio" and record["tolerance"] == 0.0
    assert min(seen.values()) > 0.35 * sum(seen.values())


def test_the_rounded_count_covers_the_fixed_costs_and_one_unit_fewer_does_not() -> None:
    family = get_family("breakeven_units")
    for nums in _draws("breakeven_units"):
        if "up" not in nums:
            continue
        units = family.answer(nums)
        contribution = nums["P"].value - nums["V"].value
        assert units * contribution >= nums["F"].value
        assert (units - 1) * contribution < nums["F"].value


# --- target_margin_price ----------------------------------------------------------------------


def test_margin_and_markup_questions_say_which_and_their_formulas_differ() -> None:
    kinds = set()
    for record in _records("target_margin_price"):
        question, formula = record["question"].lower(), record["formula"]
        # the rule named in the formula, as the question names it (never a bare division)
        margin = re.fullmatch(rf'sale_price\({_NUMBER},{_NUMBER}/100,"margin"\)', formula)
        markup = re.fullmatch(rf'sale_price\({_NUMBER},{_NUMBER}/100,"markup"\)', formula)
        assert bool(margin) != bool(markup), formula
        if margin:
            kinds.add("margin")
            assert "margin" in question and "markup" not in question and "mark-up" not in question
            assert re.search(r"price|sales|ticket", question), question
            cost, rate = map(float, margin.groups())
            assert record["answer"] * (1 - rate / 100) == pytest.approx(cost)
        else:
            kinds.add("markup")
            assert re.search(r"mark-?up", question) and "margin" not in question, question
            assert re.search(r"cost|outlay", question), question
        cost = float((margin or markup).group(1))
        assert record["answer"] > cost  # above cost
    assert kinds == {"margin", "markup"}


# --- straight_line_depreciation ---------------------------------------------------------------


def test_straight_line_takes_off_the_salvage_only_when_there_is_one() -> None:
    without = 0
    for record in _records("straight_line_depreciation"):
        question, formula = record["question"], record["formula"]
        with_salvage = re.fullmatch(rf"\({_NUMBER}-{_NUMBER}\)/{_NUMBER}", formula)
        if with_salvage:
            cost, salvage, _ = map(float, with_salvage.groups())
            assert 0 < salvage < cost
        else:
            without += 1
            assert re.fullmatch(rf"{_NUMBER}/{_NUMBER}", formula), formula
            assert re.search(r"\b(?:no|zero|nil)\b", question, re.I), question
    assert 0.15 < without / (3 * 200) < 0.45


# --- declining_balance_depreciation -----------------------------------------------------------


def test_declining_balance_names_its_rate_and_the_formula_shows_it() -> None:
    methods = set()
    for record in _records("declining_balance_depreciation"):
        question, formula = record["question"], record["formula"]
        if "150/100/" in formula:
            methods.add(150)
            assert re.search(r"150 ?(%|percent)", question), question
            assert not re.search(r"double[- ]declining", question, re.I), question
        else:
            methods.add(2)
            assert re.search(r"\*2/\d+$", formula), formula
            assert re.search(r"double[- ]declining", question, re.I), question
            assert not re.search(r"150 ?(%|percent) declining", question), question
    assert methods == {2, 150}


def test_declining_balance_stays_before_a_switch_and_above_the_salvage() -> None:
    family = get_family("declining_balance_depreciation")
    years = set()
    for nums in _draws("declining_balance_depreciation"):
        cost, life = nums["C"].value, nums["n"].value
        rate = 2 / life if "dd" in nums else 1.5 / life
        year = 1 if "k1" in nums else round(nums["k"].value)
        years.add(year)
        book, charge = cost, 0.0
        for age in range(year):
            charge = book * rate
            # straight line on what is left would not yet be larger (no switch)
            left = book - nums["S"].value if "S" in nums else book
            assert charge >= left / (life - age) - 1e-9
            book -= charge
        assert family.answer(nums) == pytest.approx(charge, rel=1e-12)
        if "S" in nums:
            assert book >= nums["S"].value
    assert {1, 2, 3} <= years


# --- cash_conversion_cycle --------------------------------------------------------------------


def test_a_cycle_from_balances_states_its_365_day_year() -> None:
    forms = set()
    for record in _records("cash_conversion_cycle"):
        question, formula = record["question"], record["formula"]
        days = re.fullmatch(rf"{_NUMBER}\+{_NUMBER}-{_NUMBER}", formula)
        if days:
            forms.add("days")
            assert question.count(" days") >= 3 or "Days" in question, question
        else:
            forms.add("balances")
            assert formula.count("*365") == 3, formula
            assert "365" in question, question
    assert forms == {"days", "balances"}


def test_balances_turn_over_with_their_own_flows() -> None:
    for nums in _draws("cash_conversion_cycle"):
        if "INV" not in nums:
            continue
        assert nums["COGS"].value < nums["REV"].value
        cycle = get_family("cash_conversion_cycle").answer(nums)
        by_hand = (
            nums["INV"].value * 365 / nums["COGS"].value
            + nums["AR"].value * 365 / nums["REV"].value
            - nums["AP"].value * 365 / nums["COGS"].value
        )
        assert cycle == pytest.approx(by_hand, rel=1e-12)


# --- free_cash_flow_firm ----------------------------------------------------------------------

_RISE = re.compile(
    r"\b(?:increased?|rise|rose|went up|build|growth|additional|absorbed|tied up)\b", re.I
)
_FALL = re.compile(
    r"\b(?:decreased?|fall|fell|went down|release|released|reduction|drop|decline|freed)\b", re.I
)


def test_a_fall_in_working_capital_adds_and_a_rise_subtracts() -> None:
    seen = set()
    for record in _records("free_cash_flow_firm"):
        question, formula = record["question"], record["formula"]
        call = re.fullmatch(
            rf'fcff\({_NUMBER},{_NUMBER}/100,{_NUMBER},{_NUMBER},"(?P<change>increase|decrease)",{_NUMBER}\)',
            formula,
        )
        assert call, formula
        rise = call.group("change") == "increase"
        seen.add("rise" if rise else "fall")
        assert bool(_RISE.search(question)) == rise, question
        assert bool(_FALL.search(question)) == (not rise), question
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-9)
    assert seen == {"rise", "fall"}


# --- side figures -----------------------------------------------------------------------------

_SIDE = {
    "breakeven_units": ("L",),
    "target_margin_price": ("Q",),
    "straight_line_depreciation": ("A",),
    "declining_balance_depreciation": ("S",),
    "cash_conversion_cycle": ("CASH",),
    "free_cash_flow_firm": ("INT", "DIV"),
}


@pytest.mark.parametrize("name", BUSINESS_FAMILIES)
def test_side_figures_are_shown_in_a_share_and_never_enter_the_answer(name: str) -> None:
    family = get_family(name)
    rng = random.Random(f"side:{name}")
    with_side = 0
    for index in range(300):
        nums = family.draw(rng, ood=index % 2 == 1)
        side = [key for key in _SIDE[name] if key in nums]
        assert len(side) <= 1
        if not side:
            continue
        with_side += 1
        without = {key: num for key, num in nums.items() if key != side[0]}
        assert family.build_formula(without) == family.build_formula(nums)
        assert family.answer(without) == family.answer(nums)
        texts = family.texts(rng, nums)
        question = compose(family.parts, texts, rng, held_out=False)  # labelled there
        assert texts[side[0]] in question, question
    assert 0.3 * 300 < with_side < 0.5 * 300
    assert SIDE_FIGURE_SHARE == 0.4


@pytest.mark.parametrize("name", BUSINESS_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        question = record["question"]
        assert_articles_read_right(question)
