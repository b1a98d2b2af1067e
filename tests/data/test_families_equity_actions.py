"""The equity-actions families (quantreason.tasks.equity_actions) against hand-computed cases,
and the checks particular to them: every split and rights-issue question says in words which
way its ratio runs, every EPS question says the new shares are weighted by the months they were
outstanding, every payback question says its inflows are undiscounted and arrive evenly through
each year; answers sit where they must (a TERP between the subscription and cum-rights prices,
a payback inside the horizon); every formula is grounded in its question and evaluates to the
solver's answer.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.frequency import count_read_as_years, frequency_mismatch
from quantreason.reply import question_as_read
from quantreason.tables import rows_as_labelled_values
from quantreason.tasks import get_family
from quantreason.tasks.base import Num

EQUITY_ACTIONS_FAMILIES = (
    "split_adjusted_price",
    "rights_issue_terp",
    "weighted_eps",
    "payback_period",
)
SPLITS = ("train", "test_ood_range", "test_ood_template")

HAND_CASES = [
    # 3-for-1: one share becomes three, so a third of 300
    ("split_adjusted_price", {"P": 300, "a": 3, "b": 1}, 100.0),
    # 3-for-2: two shares at 90 (180) become three: 180 / 3
    ("split_adjusted_price", {"P": 90, "a": 3, "b": 2}, 60.0),
    # 1-for-10 reverse: ten shares at 2.50 (25) become one
    ("split_adjusted_price", {"P": 2.5, "a": 1, "b": 10}, 25.0),
    # 1 new for every 4 held: four at 10 (40) and one at 7 make 47 for 5 shares
    ("rights_issue_terp", {"P": 10, "S": 7, "n": 1, "m": 4}, 9.4),
    # 1 for 2: 4.80 + 1.80 = 6.60 for 3 shares
    ("rights_issue_terp", {"P": 2.4, "S": 1.8, "n": 1, "m": 2}, 2.2),
    # 3 for 5: 25 + 6 = 31 for 8 shares
    ("rights_issue_terp", {"P": 5, "S": 2, "n": 3, "m": 5}, 3.875),
    # issued after 4 months, out for 8 of 12: 120,000 * 2/3 = 80,000 more; 900,000 / 880,000
    (
        "weighted_eps",
        {"NI": 1000000, "Dp": 100000, "N0": 800000, "k": 120000, "m": 4},
        45 / 44,
    ),
    # issued half-way: 300,000 more; 4,800,000 / 1,300,000
    (
        "weighted_eps",
        {"NI": 5000000, "Dp": 200000, "N0": 1000000, "k": 600000, "m": 6},
        48 / 13,
    ),
    # issued after 11 months, out for one: 100,000 more; 1,200,000 / 1,100,000
    (
        "weighted_eps",
        {"NI": 1210000, "Dp": 10000, "N0": 1000000, "k": 1200000, "m": 11},
        12 / 11,
    ),
    # 400 + 400 = 800 after two years; 200 of the third year's 400 left: 2.5
    ("payback_period", {"C": 1000, "cf1": 400, "cf2": 400, "cf3": 400}, 2.5),
    # 3,000 + 4,000 = 7,000 after two years; 3,000 of 5,000: 2.6
    (
        "payback_period",
        {"C": 10000, "cf1": 3000, "cf2": 4000, "cf3": 5000, "cf4": 2000},
        2.6,
    ),
    # 10,000 a year: 50,000 after five years, 5,000 of the sixth year's 10,000 left
    (
        "payback_period",
        {
            "C": 55000,
            "cf1": 10000,
            "cf2": 10000,
            "cf3": 10000,
            "cf4": 10000,
            "cf5": 10000,
            "cf6": 10000,
        },
        5.5,
    ),
    # exactly five years' inflows
    (
        "payback_period",
        {
            "C": 50000,
            "cf1": 10000,
            "cf2": 10000,
            "cf3": 10000,
            "cf4": 10000,
            "cf5": 10000,
            "cf6": 10000,
        },
        5.0,
    ),
    # recovered within the first year: 1,200 of 1,500
    ("payback_period", {"C": 1200, "cf1": 1500, "cf2": 100, "cf3": 100}, 0.8),
]


def _records(name: str, split: str, count: int = 150) -> list[dict]:
    family = get_family(name)
    rng = random.Random(f"equity:{name}:{split}")
    return [make_record(family, index, rng, split, index) for index in range(count)]


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("name", EQUITY_ACTIONS_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str, split: str) -> None:
    for record in _records(name, split):
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6), record
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("name", EQUITY_ACTIONS_FAMILIES)
def test_questions_are_read_as_written_and_formulas_fit_them(name: str, split: str) -> None:
    # No form the prompt rewrites ("0.047 EUR" would read as continental thousands), no table
    # row paired into labels, and no /12 or year count the question contradicts.
    for record in _records(name, split):
        question, formula = record["question"], record["formula"]
        assert rows_as_labelled_values(question) == question, question
        assert question_as_read(question) == question.strip(), question
        assert frequency_mismatch(formula, question) is None, record
        assert count_read_as_years(formula, question) is None, record


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("name", EQUITY_ACTIONS_FAMILIES)
def test_articles_fit_the_numbers(name: str, split: str) -> None:
    for record in _records(name, split, 100):
        question = record["question"]
        assert not re.search(r"\ba (8|11-|18-)", question), question
        assert not re.search(r"\ban [0-79]", question), question


def _texts(name: str) -> list[str]:
    family = get_family(name)
    assert family.parts is not None
    return [
        *family.templates,
        *family.ood_templates,
        *family.parts.asks,
        *family.parts.ood_asks,
    ]


def _has_any(text: str, markers: tuple[str, ...]) -> bool:
    return any(marker in text.lower() for marker in markers)


# What the answer depends on, stated in every template and ask.
_ALL_ELSE_EQUAL = (
    "all else equal",
    "nothing else",
    "theoretical",
    "in theory",
    "other things",
    "doesn't move",
    "does not move",
    "unchanged",
    "no other",
    "constant",
    "intact",
    "only change",
    "does not change",
    "absent any market",
    "unaffected",
)
_THEORETICAL = ("theoretical", "in theory", "terp", "take-up", "taken up", "exercised")
_TIME_WEIGHTED = (
    "weight",
    "months they were",
    "issue date",
    "from that date",
    "from then on",
    "pro rata",
    "months in issue",
    "only from",
    "only for the months",
    "ranking only",
    "time-apportioned",
    "rank only",
)
_EVEN = ("even", "uniform", "steady", "smooth")  # "steadily", "smoothly" too
_UNDISCOUNTED = ("undiscounted", "discounting", "time value", "nominal", "face value")


def test_every_split_question_states_all_else_equal_and_the_ratio_in_words() -> None:
    for text in _texts("split_adjusted_price"):
        assert _has_any(text, _ALL_ELSE_EQUAL), text
    family = get_family("split_adjusted_price")
    for template in family.templates + family.ood_templates:
        assert "split}" in template or "{meaning}" in template, template
    for split in SPLITS:
        for record in _records("split_adjusted_price", split, 100):
            question = record["question"]
            assert re.search(r"\d+-for-\d+", question), question
            assert re.search(r"become|replaced by|receive", question), question


def test_every_rights_question_is_theoretical_and_says_new_shares_per_held() -> None:
    for text in _texts("rights_issue_terp"):
        assert _has_any(text, _THEORETICAL), text
    for split in SPLITS:
        for record in _records("rights_issue_terp", split, 100):
            question = record["question"]
            assert re.search(r"\d+ new shares? for (each|every)", question), question


def test_every_eps_question_weights_the_new_shares_by_months() -> None:
    for text in _texts("weighted_eps"):
        assert _has_any(text, _TIME_WEIGHTED), text
    family = get_family("weighted_eps")
    assert family.parts is not None
    for label in (*family.parts.labels["m"], *family.parts.ood_labels["m"]):
        assert "month" in label, label
    for split in SPLITS:
        for record in _records("weighted_eps", split, 100):
            assert "month" in record["question"].lower(), record["question"]


def test_every_payback_question_is_undiscounted_with_even_inflows() -> None:
    for text in _texts("payback_period"):
        assert _has_any(text, _EVEN) or "steadily" in text.lower(), text
        assert _has_any(text, _UNDISCOUNTED) or "simple" in text.lower(), text
    family = get_family("payback_period")
    assert family.parts is not None
    # flows listed out of order are put in year order by each label's year: every label shows it
    for key in (f"cf{n}" for n in range(1, 7)):
        for label in (*family.parts.labels[key], *family.parts.ood_labels[key]):
            assert re.search(rf"(?<![\w.]){key[2:]}\b", label), label


def test_answers_sit_where_they_must() -> None:
    rng = random.Random(4)
    split, rights = get_family("split_adjusted_price"), get_family("rights_issue_terp")
    eps, payback = get_family("weighted_eps"), get_family("payback_period")
    lengths = set()
    for ood in (False, True):
        for _ in range(300):
            nums = split.draw(rng, ood)
            price, a, b = nums["P"].value, nums["a"].value, nums["b"].value
            after = split.answer(nums)
            assert (after < price) if a > b else (after > price), nums
            # forward splits of dear shares leave at least $10, reverse splits lift cheap ones
            # to $1-60: no $15 share split 5-for-1, no $12 share consolidated 1-for-20
            assert (price >= 20 and after >= 10) if a > b else (price <= 12 and 1 <= after <= 60)
            nums = rights.draw(rng, ood)
            assert nums["S"].value < rights.answer(nums) < nums["P"].value, nums
            nums = eps.draw(rng, ood)
            v = {k: n.value for k, n in nums.items()}
            earnings = v["NI"] - v["Dp"]
            assert earnings / (v["N0"] + v["k"]) < eps.answer(nums) < earnings / v["N0"]
            assert 1 <= v["m"] <= 11 and 0 < v["Dp"] < v["NI"]
            nums = payback.draw(rng, ood)
            count = sum(key.startswith("cf") for key in nums)
            lengths.add(count)
            assert 1 < payback.answer(nums) < count, nums
    assert lengths == {3, 4, 5, 6}


def test_payback_formulas_take_the_outlay_then_every_inflow_in_year_order() -> None:
    # The helper finds the year of recovery; the formula only copies the flows in order.
    family = get_family("payback_period")
    rng = random.Random(11)
    for ood in (False, True):
        for _ in range(200):
            nums = family.draw(rng, ood)
            keys = [key for key in ("C", "cf1", "cf2", "cf3", "cf4", "cf5", "cf6") if key in nums]
            formula = family.build_formula(nums)
            assert formula == f"payback({','.join(nums[key].formula for key in keys)})", formula
            assert evaluate(formula) == pytest.approx(family.answer(nums), rel=1e-9)


def _composed(name: str, split: str, count: int = 300) -> list[str]:
    family = get_family(name)
    rng = random.Random(f"equity-composed:{name}:{split}")
    return [
        make_record(family, 2 * index + 1, rng, split, index)["question"] for index in range(count)
    ]


def _all_labels(name: str) -> list[str]:
    family = get_family(name)
    assert family.parts is not None
    groups = (*family.parts.labels.values(), *family.parts.ood_labels.values())
    return [label for labels in groups for label in labels]


# Words that end a label's head noun phrase: what follows them qualifies it.
_QUALIFIERS = re.compile(
    r" (?:of|in|for|before|at|on|to|from|with|per|ahead|during|into|paid|payable) "
)


@pytest.mark.parametrize("name", EQUITY_ACTIONS_FAMILIES)
def test_labels_read_after_an_article_and_before_is(name: str) -> None:
    # Composed questions say "With a {label} of {value}", "the {label} is {value}": every label
    # is a singular noun phrase in lower case, no bare symbol ("NI"), no aside in brackets or
    # after a comma, no head noun in the plural ("preferred dividends", "terms of the split",
    # "savings in year 1"), and none starts with a "u" that "a"/"an" cannot tell ("a upfront").
    for label in _all_labels(name):
        assert label == label.lower(), label
        assert not re.search(r"[(),;]", label), label
        assert not label.startswith("u"), label
        head = _QUALIFIERS.split(f" {label} ")[0].split()
        plural = [w for w in head if w.endswith("s") and not w.endswith("rights") and w != "basis"]
        assert not plural, label


_BROKEN = (
    "a preference dividends",
    "a preferred dividends",
    "dividends is",
    "dividends was",
    "a beginning shares",
    "a months",
    "a NI ",
    "an earnings",
    "terms was",
    "terms is",
    "a terms",
    "a split terms",
    "a upfront",
    "savings in year",
    "receipts accruing during",
    "first 1 month",
    "(cum-rights) ",
)


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("name", EQUITY_ACTIONS_FAMILIES)
def test_composed_questions_read_as_english(name: str, split: str) -> None:
    for question in _composed(name, split):
        assert not any(broken in question for broken in _BROKEN), question
        assert not re.search(r"\ba (8|11-|18-)", question), question
        assert not re.search(r"\ban [0-79]", question), question


def test_one_month_in_is_the_first_month() -> None:
    family = get_family("weighted_eps")
    rng = random.Random(8)
    seen = set()
    for _ in range(200):
        nums = dict(family.draw(rng, False))
        nums["m"] = Num(1.0, 0, "plain")
        issued = family.texts(rng, nums)["issued"]
        assert "1 month" not in issued or "1 month into" in issued, issued
        seen.add(issued)
    assert "after the first month of the year" in seen, seen


def test_eps_templates_name_the_profit_and_one_start_of_year() -> None:
    # "Income statement shows $X" could be revenue; "shares at 1 January" beside "4 months into
    # the financial year" mixes a calendar date with a financial year.
    family = get_family("weighted_eps")
    for template in family.templates + family.ood_templates:
        assert "1 January" not in template, template
        assert "shows {NI}" not in template, template
