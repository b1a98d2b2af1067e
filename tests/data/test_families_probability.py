"""The probability families (quantreason.tasks.probability) against hand-computed cases, and the
checks particular to them: a normal tail question names its side and the formula takes the upper
tail exactly where it says "above", an at-least-one question says whether it wants at least one or
none and the formula follows, historical expected shortfall averages exactly the k worst losses
listed (k stated, or scenarios times one less the confidence), and a growing annuity is valued
as an annuity due exactly where the first payment is made today. Side figures (a portfolio's
value, a desk's capital, the amount at stake in each item, a lump-sum offer) never enter a
formula.

Expected values are written as the arithmetic a person would do on paper (or a normal table
value), never by calling the family's solver.
"""

from __future__ import annotations

import math
import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.formula import evaluate
from quantreason.frequency import frequency_mismatch
from quantreason.tasks import get_family
from quantreason.tasks.probability import (
    ABOVE_SHARE,
    DUE_SHARE,
    NONE_SHARE,
    RETURN_SHARE,
)
from tests.data.article_checks import assert_articles_read_right
from tests.data.family_checks import SPLITS, family_records

PROBABILITY_FAMILIES = (
    "normal_probability",
    "prob_at_least_one",
    "historical_expected_shortfall",
    "growing_annuity_pv",
)

# standard normal table: P(Z < 1) and P(Z < 2)
PHI_1, PHI_2 = 0.8413447460685429, 0.9772498680518208

HAND_CASES = [
    # z = (18 - 8) / 10 = 1: below the threshold is P(Z < 1) = 84.13 %
    ("normal_probability", {"mu": 8, "sd": 10, "xb": 18}, PHI_1 * 100),
    # z = (-12 - 8) / 10 = -2: above it is 1 - P(Z < -2) = P(Z < 2) = 97.72 %
    ("normal_probability", {"mu": 8, "sd": 10, "xa": -12}, PHI_2 * 100),
    # the threshold is the mean: half the distribution on each side
    ("normal_probability", {"mu": 5, "sd": 20, "xa": 5}, 50.0),
    # P&L: z = (-30,000 - 10,000) / 20,000 = -2: below is 1 - P(Z < 2) = 2.28 %
    ("normal_probability", {"M": 10000, "S": 20000, "Xb": -30000}, (1 - PHI_2) * 100),
    # P&L: z = (60,000 - 10,000) / 50,000 = 1: above is 1 - 0.8413 = 15.87 %
    ("normal_probability", {"M": 10000, "S": 50000, "Xa": 60000}, (1 - PHI_1) * 100),
    # two loans at 10 %: none default 0.9 * 0.9 = 0.81, so at least one 19 %
    ("prob_at_least_one", {"p": 10, "n": 2}, 19.0),
    ("prob_at_least_one", {"pn": 10, "n": 2}, 81.0),
    # three coin-flip trades: none loses with 0.5^3 = 1/8, so at least one loses 7/8
    ("prob_at_least_one", {"p": 50, "n": 3}, 87.5),
    # four deals at 20 %: none fail 0.8^4 = 0.4096
    ("prob_at_least_one", {"pn": 20, "n": 4}, 40.96),
    # the worst 3 of 5 P&Ls: (5,000 + 4,000 + 3,000) / 3 = 4,000
    (
        "historical_expected_shortfall",
        {"L1": 5000, "L2": 4000, "L3": 3000, "L4": 2000, "k": 3},
        4000.0,
    ),
    # 95 % of 80 scenarios leaves 4 in the tail: (900 + 700 + 600 + 400) / 4 = 650
    (
        "historical_expected_shortfall",
        {"L1": 900, "L2": 700, "L3": 600, "L4": 400, "L5": 350, "c": 95, "N": 80},
        650.0,
    ),
    # 97.5 % of 120 scenarios leaves 3: returns 5 %, 4 %, 3 % average 4 %, on 1,000,000 = 40,000
    (
        "historical_expected_shortfall",
        {"R1": 5, "R2": 4, "R3": 3, "R4": 2.5, "V": 1000000, "c": 97.5, "N": 120},
        40000.0,
    ),
    # the worst 2 returns, 6 % and 2 %, average 4 %; on 250,000 that is 10,000
    ("historical_expected_shortfall", {"R1": 6, "R2": 2, "R3": 1, "V": 250000, "k": 2}, 10000.0),
    # two payments, first 100 in a year, then 105; at 10 %: 100/1.1 + 105/1.21
    ("growing_annuity_pv", {"C": 100, "r": 10, "g": 5, "n": 2}, 100 / 1.1 + 105 / 1.21),
    # the same paid a year earlier (first today): 100 + 105/1.1
    ("growing_annuity_pv", {"Cd": 100, "r": 10, "g": 5, "n": 2}, 100 + 105 / 1.1),
    # three payments of 1,000, 1,020, 1,040.40 at 5 %, first today: 1,000 + 1,020/1.05 +
    # 1,040.40/1.1025
    (
        "growing_annuity_pv",
        {"Cd": 1000, "r": 5, "g": 2, "n": 3},
        1000 + 1020 / 1.05 + 1040.4 / 1.1025,
    ),
    # one payment a year from now is just discounted once: 5,000 / 1.25
    ("growing_annuity_pv", {"C": 5000, "r": 25, "g": 3, "n": 1}, 4000.0),
]


def _records(name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS):
    return family_records("probability", name, draws, splits)


@pytest.mark.parametrize("name", PROBABILITY_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        question = record["question"]
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], question) == [], record
        assert frequency_mismatch(record["formula"], question) is None, record
        assert "{" not in question, question
        if not record["template_id"].endswith("composed"):
            assert "  " not in question and " ." not in question and " ," not in question
            assert not re.search(r"[.!?] (\| |- [A-Z])", question), question
        assert record["answer"] > 0, record


@pytest.mark.parametrize("name", PROBABILITY_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        assert_articles_read_right(record["question"])


@pytest.mark.parametrize("name", PROBABILITY_FAMILIES)
def test_labels_have_no_digits_and_read_as_noun_phrases(name: str) -> None:
    parts = get_family(name).parts
    labels = [x for group in (parts.labels, parts.ood_labels) for xs in group.values() for x in xs]
    for label in labels:
        assert not re.search(r"\d", label), label
        assert label == label.strip() and not label.endswith((".", ":", "?", ")")), label
        assert not label.startswith(("the ", "a ", "an ", "one ", "u")), label
        assert not re.search(r"\b(is|are|was)\b", label), label
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d", ask), ask
    assert len(parts.asks) >= 20 and len(parts.ood_asks) == 3
    assert all(len(labels) >= 12 for labels in parts.labels.values())
    assert set(parts.ood_labels) == set(parts.labels)
    assert all(len(labels) == 2 for labels in parts.ood_labels.values())


@pytest.mark.parametrize("name", PROBABILITY_FAMILIES)
def test_template_counts(name: str) -> None:
    family = get_family(name)
    assert len(family.templates) >= 20 and len(family.ood_templates) == 3


# --- normal_probability -----------------------------------------------------------------------

BELOW_WORDS = re.compile(r"below|under|fall short|lower than|less than|undershoot", re.I)
ABOVE_WORDS = re.compile(
    r"above|exceed|\bover\b|beat|clear|surpass|higher than|greater than|overshoot", re.I
)


def test_the_upper_tail_is_taken_exactly_where_the_question_says_above() -> None:
    above = 0
    records = list(_records("normal_probability"))
    for record in records:
        question, formula = record["question"], record["formula"]
        match = re.fullmatch(r'normal_tail\("(above|below)",-?[\d.]+,[\d.]+,[\d.]+\)\*100', formula)
        assert match, formula
        if match.group(1) == "above":
            above += 1
            assert ABOVE_WORDS.search(question), question
        else:
            assert BELOW_WORDS.search(question), question
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-6)
    assert abs(above / len(records) - ABOVE_SHARE) < 0.07


def test_the_two_tails_add_up_and_draws_are_realistic() -> None:
    family = get_family("normal_probability")
    rng = random.Random(8)
    kinds = set()
    returns = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {k: n.value for k, n in nums.items()}
        key = next(k for k in ("xb", "xa", "Xb", "Xa") if k in values)
        other = {"xb": "xa", "xa": "xb", "Xb": "Xa", "Xa": "Xb"}[key]
        flipped = {(other if k == key else k): v for k, v in values.items()}
        assert family.solve(values) + family.solve(flipped) == pytest.approx(100)
        mean, sd = ("mu", "sd") if "mu" in values else ("M", "S")
        returns += mean == "mu"
        z = (values[key] - values[mean]) / values[sd]
        assert abs(z) <= 2.7 and 0.5 <= family.solve(values) <= 99.5
        assert values[mean] > 0 and values[sd] > 0
        kinds.add(nums[key].kind)
        # side figures: a portfolio value beside a return, capital beside a P&L, never used
        for side in ("V", "K"):
            if side in nums:
                assert (side == "V") == (mean == "mu")
                without = {k: n for k, n in nums.items() if k != side}
                assert family.build_formula(without) == family.build_formula(nums)
    assert kinds == {"pct", "money"}
    assert abs(returns / 400 - RETURN_SHARE) < 0.08


def test_a_negative_amount_is_written_with_its_sign_before_the_currency() -> None:
    seen = 0
    for record in _records("normal_probability", 300, ("train",)):
        match = re.search(r'normal_tail\("\w+",(-[\d.]+),', record["formula"])
        if match and "." not in match.group(1):
            amount = int(match.group(1))
            grouped = f"{-amount:,}"
            pattern = rf"-[$€£]?({-amount}|{grouped})|(USD|EUR|GBP) -({-amount}|{grouped})"
            if re.search(r"[$€£]|USD|EUR|GBP|dollars", record["question"]):
                seen += 1
                assert re.search(pattern, record["question"]), record["question"]
    assert seen > 10


# --- prob_at_least_one ------------------------------------------------------------------------

AT_LEAST_ONE_WORDS = re.compile(r"at least one|one or more", re.I)
NONE_WORDS = re.compile(r"\bnone\b|\bno \w+ (?:that )?\w+|not a single|not one", re.I)


def test_at_least_one_or_none_is_named_and_the_formula_follows() -> None:
    none = 0
    records = list(_records("prob_at_least_one"))
    for record in records:
        question, formula = record["question"], record["formula"]
        # the case named in the formula as the question names it
        if formula.startswith('chance("at least one",'):
            assert re.fullmatch(r'chance\("at least one",[\d.]+/100,\d+\)\*100', formula), formula
            assert AT_LEAST_ONE_WORDS.search(question), question
        else:
            none += 1
            assert re.fullmatch(r'chance\("none",[\d.]+/100,\d+\)\*100', formula), formula
            assert NONE_WORDS.search(question), question
            assert not AT_LEAST_ONE_WORDS.search(question), question
    assert abs(none / len(records) - NONE_SHARE) < 0.07


def test_at_least_one_and_none_are_complements() -> None:
    family = get_family("prob_at_least_one")
    rng = random.Random(9)
    stakes = 0
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {k: n.value for k, n in nums.items()}
        key = "pn" if "pn" in values else "p"
        flipped = {("p" if k == "pn" else "pn" if k == "p" else k): v for k, v in values.items()}
        assert family.solve(values) + family.solve(flipped) == pytest.approx(100)
        p, n = values[key] / 100, round(values["n"])
        assert family.solve({"pn": values[key], "n": n}) == pytest.approx((1 - p) ** n * 100)
        assert n == values["n"] and n >= 2
        if "E" in nums:
            stakes += 1
            without = {k: v for k, v in nums.items() if k != "E"}
            assert family.build_formula(without) == family.build_formula(nums)
    assert 80 < stakes < 160


# --- historical_expected_shortfall ------------------------------------------------------------


def _tail_size(values: dict[str, float]) -> int:
    if "k" in values:
        return round(values["k"])
    return round(values["N"] * (100 - values["c"]) / 100)


def test_the_shortfall_averages_exactly_the_k_worst_losses_listed() -> None:
    family = get_family("historical_expected_shortfall")
    rng = random.Random(10)
    modes, side = set(), 0
    for i in range(400):
        ood = i % 2 == 1
        nums = family.draw(rng, ood=ood)
        values = {k: n.value for k, n in nums.items()}
        prefix = "R" if "R1" in values else "L"
        losses = [
            values[k]
            for k in sorted(values, key=lambda k: (len(k), k))
            if k[0] == prefix and k[1:].isdigit()
        ]
        k = _tail_size(values)
        modes.add((prefix, "k" in values))
        assert len(losses) > k >= (8 if ood else 3) and k <= (12 if ood else 6)
        assert losses == sorted(losses, reverse=True) and len(set(losses)) == len(losses)
        if "c" in values:
            assert values["N"] * (100 - values["c"]) / 100 == pytest.approx(k)
        worst = sum(losses[:k]) / k
        expected = worst / 100 * values["V"] if prefix == "R" else worst
        assert family.answer(nums) == pytest.approx(expected, rel=1e-12)
        formula = family.build_formula(nums)
        assert formula.startswith("-mean(-") and formula.count(",") == k - 1, formula
        if prefix == "R":
            assert formula.endswith(f")/100*{nums['V'].formula}"), formula
        if "W" in nums:
            side += 1
            assert prefix == "L"
            without = {key: n for key, n in nums.items() if key != "W"}
            assert family.build_formula(without) == formula
    assert modes == {("R", True), ("R", False), ("L", True), ("L", False)}
    assert side > 40


def test_shortfall_questions_show_every_loss_negative_worst_first() -> None:
    for record in _records("historical_expected_shortfall", 150):
        question = record["question"]
        averaged = re.findall(r"-([\d.]+)", record["formula"])
        digits = question.replace(",", "")
        for loss in averaged:  # "-4820", "-$4820", "USD -4820", "-4820 dollars"
            assert re.search(rf"-[$€£]?{re.escape(loss)}(?![\d.])", digits), (question, loss)
        assert record["unit"] == "currency" and record["answer"] > 0


# --- growing_annuity_pv -----------------------------------------------------------------------

DUE_WORDS = re.compile(
    r"(made|paid|due|payment) today|today's first|immediately|right away|received now|paid now"
    r"|payment now|at once|time zero|day one|paid in advance|inception|\(today\)|annuity due",
    re.I,
)
LATER_WORDS = re.compile(
    r"one year|a year from|end of the first year|end of year one|next year|in arrears"
    r"|twelve months|year end|one cycle|a cycle hence|one year out",
    re.I,
)


def test_an_annuity_due_is_said_so_and_worth_one_year_of_interest_more() -> None:
    due = 0
    records = list(_records("growing_annuity_pv"))
    for record in records:
        formula = record["formula"]
        question = record["question"].replace("a report due today", "")  # a frame, not a date
        rate = re.search(r"/\(([\d.]+)/100-", formula).group(1)
        if formula.endswith(f"*(1+{rate}/100)"):
            due += 1
            assert DUE_WORDS.search(question), question
        else:
            assert LATER_WORDS.search(question), question
            assert not DUE_WORDS.search(question), question
    assert abs(due / len(records) - DUE_SHARE) < 0.07


def test_growing_annuity_matches_a_schedule_and_the_level_annuity() -> None:
    family = get_family("growing_annuity_pv")
    rng = random.Random(12)
    offers = 0
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {k: n.value for k, n in nums.items()}
        due = "Cd" in values
        pay, r, g, n = values["Cd" if due else "C"], values["r"], values["g"], round(values["n"])
        assert r - g >= 1.0 and n == values["n"]
        # annuity due = ordinary annuity one year later, grown by a year of interest
        ordinary = {("C" if k == "Cd" else k): v for k, v in values.items()}
        if due:
            assert family.solve(values) == pytest.approx(family.solve(ordinary) * (1 + r / 100))
        # with no growth, the value is the level annuity's pv(r, n, C) written in the formula
        level = {**ordinary, "g": 0.0}
        assert family.solve(level) == pytest.approx(evaluate(f"pv({r}/100, {n}, {pay})"), rel=1e-9)
        if "B" in nums:
            offers += 1
            without = {k: v for k, v in nums.items() if k != "B"}
            assert family.build_formula(without) == family.build_formula(nums)
            assert 0.7 < values["B"] / family.solve(values) < 1.15
    assert 80 < offers < 160
    assert math.isfinite(family.solve({"C": 100.0, "r": 10.0, "g": 5.0, "n": 2.0}))
