"""The plans-and-prices families (quantreason.tasks.plans_and_prices) against hand-computed cases,
and the checks particular to them: a savings plan always starts from a balance that falls short
on its own, a bond's invoice price is the clean price in currency plus 30/360 accrual (two dates
give the same price as their day count), a margin converts to a markup and back, every question
naming both bases, a term policy's premium follows a cohort year by year and never exceeds the
discounted benefit times the chance of dying in the term, and the figures shown beside the
inputs never enter a formula.

Expected values are written as the arithmetic a person would do on paper, never by calling the
family's solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.reply import format_response
from quantreason.tasks import get_family
from quantreason.tasks.base import SIDE_FIGURE_SHARE, Num
from quantreason.tasks.plans_and_prices import Q_KEYS
from quantreason.tasks.shapes import fits_task
from tests.data.article_checks import assert_articles_read_right
from tests.data.family_checks import SPLITS, assert_record_reads_right, family_records

PLANS_FAMILIES = (
    "savings_goal_with_balance",
    "bond_invoice_price",
    "markup_from_margin",
    "term_life_premium",
)

HAND_CASES = [
    # yearly at 10 %: 1,000 saved grows to 1,210 in 2 years; two deposits D grow to 2.1 D;
    # 3,310 - 1,210 = 2,100 = 2.1 D: D = 1,000
    ("savings_goal_with_balance", {"T": 3310, "B": 1000, "r": 10, "n": 2, "m": 1}, 1000.0),
    # yearly at 10 %, 3 years: 500 grows to 665.5; deposits grow 3.31 D; 3,975.5 - 665.5 =
    # 3,310 = 3.31 D: D = 1,000
    ("savings_goal_with_balance", {"T": 3975.5, "B": 500, "r": 10, "n": 3, "m": 1}, 1000.0),
    # 12 % a year monthly is 1 % a month over 2 months: 100 grows to 102.01; deposits 2.01 D;
    # 504.01 - 102.01 = 402 = 2.01 D: D = 200
    ("savings_goal_with_balance", {"T": 504.01, "B": 100, "r": 12, "N": 2, "m": 12}, 200.0),
    # 24 % monthly is 2 % a month; one year is 12 deposits: 1,000 * 1.02^12 = 1,268.24;
    # 12 deposits of 1 grow to (1.02^12 - 1) / 0.02 = 13.4121 (tables)
    (
        "savings_goal_with_balance",
        {"T": 20000, "B": 1000, "r": 24, "n": 1, "m": 12},
        (20000 - 1000 * 1.02**12) * 0.02 / (1.02**12 - 1),
    ),
    # 100,000 face at 98.5 clean: 98,500; 6 % a year for 90 of 360 days: 1,500
    ("bond_invoice_price", {"F": 100000, "P": 98.5, "c": 6, "d": 90, "m": 2}, 100000.0),
    # 1,000 face at 101.25: 1,012.50; 4.5 % for 120 days: 45 / 3 = 15
    ("bond_invoice_price", {"F": 1000, "P": 101.25, "c": 4.5, "d": 120, "m": 1}, 1027.5),
    # dates 2024-03-15 to 2024-05-25: 2 months of 30 days + 10 days = 70 days; 50,000 at 100
    # clean is 50,000; 7.2 % of 50,000 = 3,600 a year, 10 a day: 700
    (
        "bond_invoice_price",
        {"F": 50000, "P": 100, "c": 7.2, "Y": 2024, "M1": 3, "D1": 15, "M2": 5, "D2": 25, "m": 2},
        50700.0,
    ),
    # dates 2023-01-20 to 2023-07-10: 6 * 30 - 10 = 170 days, annual coupon of 3.6 % on 10,000
    # (360 a year, 1 a day): 9,500 + 170
    (
        "bond_invoice_price",
        {"F": 10000, "P": 95, "c": 3.6, "Y": 2023, "M1": 1, "D1": 20, "M2": 7, "D2": 10, "m": 1},
        9670.0,
    ),
    # a 25 % margin: cost 75 of a price of 100, profit 25 on 75: 33.33 % markup
    ("markup_from_margin", {"mg": 25}, 100 / 3),
    # a 50 % margin: cost 50, profit 50: a 100 % markup
    ("markup_from_margin", {"mg": 50}, 100.0),
    # a 25 % markup: price 125 on a cost of 100, profit 25 of 125: 20 % margin
    ("markup_from_margin", {"mk": 25}, 20.0),
    # a 100 % markup: price 200, profit 100 of 200: 50 %; the unit cost of 12 changes nothing
    ("markup_from_margin", {"mk": 100, "C": 12}, 50.0),
    # one year: 100,000 * 0.01 / 1.1 = 909.09
    ("term_life_premium", {"B": 100000, "i": 10, "q1": 0.01}, 1000 / 1.1),
    # two years at 10 %: 0.1 die in year 1 (paid 1,000 / 1.1), 0.9 * 0.2 =
    # 0.18 in year 2 (paid 1,000 / 1.21): 100 / 1.1 + 180 / 1.21
    ("term_life_premium", {"B": 1000, "i": 10, "q1": 0.1, "q2": 0.2}, 100 / 1.1 + 180 / 1.21),
    # three years at 5 %, q = 0.5 each: deaths 0.5, 0.25, 0.125 of the benefit 8,000:
    # 4,000 / 1.05 + 2,000 / 1.1025 + 1,000 / 1.157625
    (
        "term_life_premium",
        {"B": 8000, "i": 5, "q1": 0.5, "q2": 0.5, "q3": 0.5},
        4000 / 1.05 + 2000 / 1.1025 + 1000 / 1.157625,
    ),
    # five years, everyone dies in year 3 (q3 = 1): only 100 / 1.1^3 = 75.13
    (
        "term_life_premium",
        {"B": 100, "i": 10, "q1": 0, "q2": 0, "q3": 1, "q4": 0.5, "q5": 0.5},
        100 / 1.331,
    ),
]


def _records(name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS):
    return family_records("plans", name, draws, splits)


@pytest.mark.parametrize("name", PLANS_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name, 120):
        assert_record_reads_right(record)


@pytest.mark.parametrize("name", PLANS_FAMILIES)
def test_targets_stay_short_in_every_split(name: str) -> None:
    """A training target (reasoning and formula) stays under 320 characters, five-year term
    policies and dated bond trades included."""
    for record in _records(name, 150):
        target = format_response(record["reasoning"], record["formula"])
        assert len(target) < 320, target


@pytest.mark.parametrize("name", PLANS_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        assert_articles_read_right(record["question"])


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("savings_goal_with_balance", ("S", "A")),
        ("bond_invoice_price", ("ytm", "mat")),
        ("markup_from_margin", ("C",)),
        ("term_life_premium", ("age",)),
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
        # composed questions show it under a label
        assert all(key in family.parts.labels for key in shown)
    assert abs(with_side / 500 - SIDE_FIGURE_SHARE) < 0.1


@pytest.mark.parametrize("name", PLANS_FAMILIES)
def test_labels_and_asks_follow_the_form_rules(name: str) -> None:
    """Composed questions say "With a {label} of {value}", "the {label} is {value}": a label is
    a singular lower-case noun phrase (acronyms kept), no digits, no comma, no end stop."""
    family = get_family(name)
    parts = family.parts
    assert parts is not None
    assert set(parts.ood_labels) == set(parts.labels)
    for key, labels in parts.labels.items():
        assert len(labels) >= 12, key
        assert len(parts.ood_labels[key]) == 2, key
        assert not set(parts.ood_labels[key]) & set(labels), key
    everything = [
        x for table in (parts.labels, parts.ood_labels) for xs in table.values() for x in xs
    ]
    for label in everything:
        assert not re.search(r"\d", label), label
        assert re.sub(r"\bYTM\b", "", label) == re.sub(r"\bYTM\b", "", label).lower(), label
        assert not re.search(r"[,;.:!?]$", label) and "," not in label, label
        assert not label.startswith(("the ", "a ", "an ")), label
        assert not re.match(r"(?:how|what|when|years|months|payments)\b", label), label
        assert not re.search(r"\b(is|are|was)\b", label), label
        head = re.split(r" (?:of|in|per|for|on|at|with|to|as|from|over)\b| \(", label)[0]
        assert not re.search(r"(costs|payments|deposits|savings|years|months|days)$", head), label
    assert len(parts.asks) >= 20 and len(parts.ood_asks) == 3
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d|\{", ask), ask
        assert ask.endswith(("?", ".")), ask
    assert len(family.templates) >= 20 and len(family.ood_templates) == 3
    assert family.aside is not None


QS = ("0.0021", "0.0023", "0.0026", "0.0029", "0.0032")
VARIANTS = {
    "savings_goal_with_balance": [
        {"T": "20000", "B": "5000", "r": "4.5", "n": "6", "m": "1"},
        {"T": "20000", "B": "5000", "r": "4.5", "n": "6", "m": "12"},
        {"T": "20000", "B": "5000", "r": "4.5", "N": "40", "m": "12"},
    ],
    "bond_invoice_price": [
        {"F": "50000", "P": "98.625", "c": "5.25", "d": "74", "m": "2"},
        {"F": "50000", "P": "98.625", "c": "5.25", "M1": "3", "D1": "15", "M2": "5", "D2": "28"},
    ],
    "markup_from_margin": [{"mg": "35"}, {"mk": "40"}],
    "term_life_premium": [
        {
            "B": "250000",
            "i": "4",
            **dict(zip(Q_KEYS[:count], QS[:count], strict=True)),
        }
        for count in range(1, 6)
    ],
}


@pytest.mark.parametrize("name", PLANS_FAMILIES)
def test_every_form_is_a_taught_shape(name: str) -> None:
    """Every form must turn up among the shapes a task teaches (quantreason.tasks.shapes), or a
    right reply to a rare form would be judged a wrong one."""
    family = get_family(name)
    for values in VARIANTS[name]:
        assert fits_task(name, family.formula(values)), values


def test_composed_values_hold_no_comma_before_text() -> None:
    """A value such as "$45830, at the end of day 28" reads as a spreadsheet row."""
    for name in PLANS_FAMILIES:
        family = get_family(name)
        rng = random.Random(f"values:{name}")
        for i in range(300):
            nums = family.draw(rng, ood=i % 2 == 1)
            texts = family.texts(rng, nums)
            for key in family.parts.labels:
                if key in texts:
                    assert not re.search(r",\s*[A-Za-z]", texts[key]), (name, key, texts[key])


def test_written_templates_do_not_open_with_a_table_or_list() -> None:
    for name in PLANS_FAMILIES:
        for template in (*get_family(name).templates, *get_family(name).ood_templates):
            assert not template.startswith(("|", "-", "{q_table}", "{when}")), template


# --- savings_goal_with_balance ----------------------------------------------------------------


def test_a_savings_plan_always_starts_from_a_balance_that_falls_short() -> None:
    family = get_family("savings_goal_with_balance")
    rng = random.Random(1)
    forms = set()
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        values = {key: num.value for key, num in nums.items()}
        assert values["B"] > 0 and values["B"] < values["T"]
        periods = values["N"] if "N" in values else values["n"] * values["m"]
        rate = values["r"] / 100 / values["m"]
        assert values["B"] * (1 + rate) ** periods < values["T"]
        deposit = family.answer(nums)
        assert deposit >= 25
        # simulated forward with the deposit found, the account lands on the target
        balance = values["B"]
        for _ in range(round(periods)):
            balance = balance * (1 + rate) + deposit
        assert balance == pytest.approx(values["T"], rel=1e-9)
        formula = family.build_formula(nums)
        forms.add("months" if "N" in nums else values["m"])
        if values["m"] == 12:
            assert "/100/12" in formula
        else:
            assert "/12" not in formula
    assert forms == {1.0, 12.0, "months"}


def test_every_savings_question_says_when_the_deposits_come() -> None:
    for record in _records("savings_goal_with_balance", 100):
        question, formula = record["question"], record["formula"]
        if "/100/12" in formula:
            assert re.search(r"month", question), question
        else:
            assert re.search(r"year|annual", question), question


# --- bond_invoice_price -----------------------------------------------------------------------


def _from_days(nums: dict[str, Num]) -> dict[str, Num]:
    """The same trade with its dates replaced by their 30/360 day count."""
    values = {key: num for key, num in nums.items() if key not in ("Y", "M1", "D1", "M2", "D2")}
    months = nums["M2"].value - nums["M1"].value
    days = months * 30 + nums["D2"].value - nums["D1"].value
    values["d"] = Num(days, 0, "plain")
    return values


def test_an_invoice_price_is_the_clean_price_plus_accrual_and_dates_agree_with_days() -> None:
    family = get_family("bond_invoice_price")
    rng = random.Random(2)
    dated = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        face, clean = nums["F"].value, nums["P"].value
        invoice = family.answer(nums)
        assert invoice > face * clean / 100  # accrual is always positive between coupons
        if "d" not in nums:
            dated += 1
            assert nums["M1"].value != 2 and nums["M2"].value != 2  # never the end of February
            assert max(nums["D1"].value, nums["D2"].value) <= 28
            assert family.answer(_from_days(nums)) == pytest.approx(invoice, rel=1e-12)
            days = _from_days(nums)["d"].value
        else:
            days = nums["d"].value
        # within one coupon period
        assert 0 < days < 360 / nums["m"].value
    assert 0.25 < dated / 400 < 0.45


def test_dates_are_iso_and_the_formula_counts_thirty_day_months() -> None:
    for record in _records("bond_invoice_price", 100):
        question, formula = record["question"], record["formula"]
        assert "30/360" in question or "360" in question, question
        if "*30+" in formula:
            assert re.search(r"\b20\d\d-\d\d-\d\d\b", question), question
            assert not re.search(r"\d,\d{3}-", question), question  # no "2,024-03-15"


# --- markup_from_margin -----------------------------------------------------------------------

MARGIN_WORDS = re.compile(r"margin", re.I)
MARKUP_WORDS = re.compile(r"mark-?up", re.I)


def test_every_conversion_names_both_bases_and_writes_its_own_form() -> None:
    forms = set()
    for record in _records("markup_from_margin"):
        question, formula = record["question"], record["formula"]
        assert MARGIN_WORDS.search(question) or "ticket" in question, question
        assert MARKUP_WORDS.search(question) or "outlay" in question, question
        given = float(re.match(r"[\d.]+", formula).group())
        if "(100-" in formula:
            forms.add("margin to markup")
            assert record["answer"] > given  # a markup on cost exceeds the same margin on price
        else:
            assert "(100+" in formula
            forms.add("markup to margin")
            assert record["answer"] < min(given, 100)
    assert forms == {"margin to markup", "markup to margin"}


def test_a_margin_and_its_markup_convert_back() -> None:
    family = get_family("markup_from_margin")
    rng = random.Random(3)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        given = "mg" if "mg" in nums else "mk"
        other = "mk" if given == "mg" else "mg"
        converted = family.answer(nums)
        back = family.solve({other: converted})
        assert back == pytest.approx(nums[given].value, rel=1e-12)
        # the label of the given percentage names its basis in every composed question
        texts = family.texts(rng, nums)
        assert ("margin" in texts["given"]) == (given == "mg")
        assert ("mark" in texts["wanted"]) == (given == "mg")


# --- term_life_premium ------------------------------------------------------------------------


def test_a_term_premium_lies_between_the_first_year_and_the_whole_term_at_no_interest() -> None:
    family = get_family("term_life_premium")
    rng = random.Random(4)
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        qs = [nums[key].value for key in Q_KEYS]
        assert qs == sorted(qs)  # mortality rises with age
        benefit, rate = nums["B"].value, nums["i"].value / 100
        for kept in range(5):
            shown = family.keeping(nums, kept)
            premium = family.answer(shown)
            alive = 1.0
            for q in qs[: kept + 1]:
                alive *= 1 - q
            assert premium <= benefit * (1 - alive)  # no more than the undiscounted claims
            assert premium >= benefit * qs[0] / (1 + rate) * (1 - 1e-12)  # the first year
            formula = family.build_formula(shown)
            assert formula.count("(1-") == kept * (kept + 1) // 2


def test_term_questions_state_the_term_that_the_probabilities_cover() -> None:
    for record in _records("term_life_premium", 100, ("train",)):
        if record["template_id"].endswith("composed"):
            continue
        question, formula = record["question"], record["formula"]
        years = formula.count(",")
        words = {1: "one|1", 2: "2|two", 3: "3|three", 4: "4|four", 5: "5|five"}[years]
        assert re.search(rf"\b({words})[- ](?:year|yr)", question, re.I), question
