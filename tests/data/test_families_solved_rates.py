"""The solved-rate families (quantreason.tasks.solved_rates) against hand-computed cases, and
the checks particular to them: every phrasing states the conventions the answer depends on
(annual coupons and compounding, an APR compounded monthly with end-of-month payments, flows
at the starts of years, whole shares with the commission paid from the cash), every formula is
grounded in its question and evaluates to the solver's answer, and the answers are sane.

Expected values are written as the arithmetic a person would do on paper (a quadratic in
1 + rate for two-period cases), never by calling the family's solver.
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
from tests.data.article_checks import assert_articles_read_right

SOLVED_RATES_FAMILIES = ("bond_ytm", "loan_apr", "money_weighted_return", "shares_affordable")

HAND_CASES = [
    # a bond priced at par yields its coupon
    ("bond_ytm", {"P": 100, "c": 5, "n": 10, "F": 100}, 5.0),
    ("bond_ytm", {"P": 1000, "c": 10, "n": 2, "F": 1000}, 10.0),
    # 95 = 5 / x + 105 / x^2, x = 1 + y: 95 x^2 - 5 x - 105 = 0
    ("bond_ytm", {"P": 95, "c": 5, "n": 2, "F": 100}, 100 * ((5 + math.sqrt(39925)) / 190 - 1)),
    # coupons and face add up to the price: a yield of zero
    ("bond_ytm", {"P": 120, "c": 10, "n": 2, "F": 100}, 0.0),
    # one payment of 1,010 for 1,000: 1 % a month, 12 % APR
    ("loan_apr", {"L": 1000, "A": 1010, "n": 1}, 12.0),
    # 1000 = 600 / x + 600 / x^2: 1000 x^2 - 600 x - 600 = 0
    ("loan_apr", {"L": 1000, "A": 600, "n": 2}, ((600 + math.sqrt(2760000)) / 2000 - 1) * 1200),
    # at 10 %: 1,000 * 1.21 + 1,000 * 1.1 = 2,310
    ("money_weighted_return", {"C0": 1000, "D2": 1000, "V": 2310}, 10.0),
    # at 10 %: 1,000 * 1.331 + 500 * 1.21 - 200 * 1.1 = 1,331 + 605 - 220 = 1,716
    ("money_weighted_return", {"C0": 1000, "D2": 500, "W3": 200, "V": 1716}, 10.0),
    # 100 x^2 + 100 x - 250 = 0
    (
        "money_weighted_return",
        {"C0": 100, "D2": 100, "V": 250},
        100 * ((-100 + math.sqrt(110000)) / 200 - 1),
    ),
    # 990 / 10 = 99
    ("shares_affordable", {"X": 1000, "P": 10, "c": 10}, 99.0),
    # 689.01 / 96.10 = 7.17
    ("shares_affordable", {"X": 699, "P": 96.1, "c": 9.99}, 7.0),
    # exactly 1,000 / 10 = 100 left after the fee
    ("shares_affordable", {"X": 1009.95, "P": 10, "c": 9.95}, 100.0),
]


def _family_texts(name: str) -> tuple[list[str], dict[str, tuple[str, ...]], list[str]]:
    """Templates (training and held out), labels by parameter (training and held out), asks."""
    family = get_family(name)
    parts = family.parts
    assert parts is not None
    labels = {key: (*parts.labels[key], *parts.ood_labels.get(key, ())) for key in parts.labels}
    return [*family.templates, *family.ood_templates], labels, [*parts.asks, *parts.ood_asks]


@pytest.mark.parametrize("name", SOLVED_RATES_FAMILIES)
@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
def test_records_are_grounded_and_give_the_answer(name: str, split: str) -> None:
    family = get_family(name)
    rng = random.Random(f"solved:{name}:{split}")
    for index in range(120):
        record = make_record(family, index, rng, split, index)
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert "{" not in record["question"], record


# The coupon is paid once a year (a US reader assumes semi-annual coupons from "annual coupon
# rate" alone), and the yield is compounded annually.
PAID_ONCE_A_YEAR = re.compile(
    r"once a year|paid (annually|yearly|every year|at the end of each year)|annually paid|"
    r"annual-pay|annual payments|one payment a year|one time each year|each anniversary|"
    r"every twelve months",
    re.I,
)
COMPOUNDED_ANNUALLY = re.compile(
    r"annual(-| )compounding|compounded annually|annually compounded|compounded (once|one "
    r"time) a year|annual basis|annual comp\b|once-yearly|effective yearly",
    re.I,
)


def _records(name: str, draws: int = 300):
    """``draws`` records per split of ``name``, written templates and composed questions alike
    (odd template indexes are composed)."""
    family = get_family(name)
    for split in ("train", "test_ood_range", "test_ood_template"):
        rng = random.Random(f"solved-draws:{name}:{split}")
        for index in range(draws):
            yield make_record(family, index, rng, split, index)


def test_every_bond_phrasing_says_the_coupon_is_paid_once_a_year() -> None:
    templates, labels, asks = _family_texts("bond_ytm")
    for template in templates:
        assert PAID_ONCE_A_YEAR.search(template), template
    for template in get_family("bond_ytm").templates:  # held-out ones say "yearly return"
        assert COMPOUNDED_ANNUALLY.search(template), template
    for label in labels["c"]:
        assert PAID_ONCE_A_YEAR.search(label), label
    for ask in asks:
        assert COMPOUNDED_ANNUALLY.search(ask), ask


def test_every_generated_bond_question_states_annual_payment() -> None:
    for record in _records("bond_ytm"):
        assert PAID_ONCE_A_YEAR.search(record["question"]), record["question"]


ARREARS = re.compile(
    r"one month|a month after|end of each month|end of every month|end of month|"
    r"end-of-month|month-end|in arrears|a month from|month's (end|close)|"
    r"thirty days hence|month-close",
    re.I,
)
NOMINAL = re.compile(
    r"APR|annual percentage rate|nominal|compounded monthly|"
    r"monthly compounding|times 12|x 12|twelve",
    re.I,
)


def test_every_loan_phrasing_states_the_apr_basis_and_payment_timing() -> None:
    templates, labels, asks = _family_texts("loan_apr")
    for template in templates:
        assert ARREARS.search(template), template
        assert NOMINAL.search(template), template
    for label in labels["A"]:
        assert ARREARS.search(label), label
    for ask in asks:
        assert re.search(r"compounded monthly|monthly compounding|x 12|times 12|twelve", ask), ask


def test_every_account_phrasing_places_the_flows_at_year_starts_and_the_value_at_the_end() -> None:
    templates, labels, asks = _family_texts("money_weighted_return")
    for template in templates:
        assert "{flows}" in template and "{T}" in template, template
        assert re.search(r"(year|yr) 1", template), template
    for key in ("C0", "D2", "D3", "W2", "W3"):
        for label in labels[key]:
            assert re.search(
                r"(start|beginning|opened|day one) of year|year \d (start|"
                r"opened)|as year \d",
                label,
            ), label
    for label in labels["V"]:
        assert re.search(r"end|final|closing|wrapped", label), label
    for ask in asks:
        assert re.search(r"year|annual", ask), ask
    rng = random.Random(2)
    family = get_family("money_weighted_return")
    for _ in range(100):
        texts = family.texts(rng, family.draw(rng, False))
        assert texts["flows"].count("at the start of year") in (1, 2), texts


def test_every_share_phrasing_says_whole_shares_and_who_pays_the_commission() -> None:
    templates, labels, asks = _family_texts("shares_affordable")
    for template in templates[: len(get_family("shares_affordable").templates)]:
        assert re.search(r"whole|full|entire", template, re.I), template
        assert re.search(r"from|out of|includ", template), template
    for label in labels["c"]:
        assert re.search(r"from|out of", label), label
    for ask in asks:
        assert re.search(r"whole|full|integral|fractional", ask), ask


def test_answers_are_sane() -> None:
    rng = random.Random(4)
    bond, loan = get_family("bond_ytm"), get_family("loan_apr")
    account, shares = get_family("money_weighted_return"), get_family("shares_affordable")
    for ood in (False, True):
        for _ in range(200):
            nums = bond.draw(rng, ood)
            ytm, coupon = bond.answer(nums), nums["c"].value
            # a premium bond yields less than its coupon, a discount bond more
            if nums["P"].value > nums["F"].value:
                assert ytm < coupon
            else:
                assert ytm >= coupon
            nums = loan.draw(rng, ood)
            assert 0.5 <= loan.answer(nums) <= 80
            # the payments add up to more than the loan: that excess is the interest
            assert nums["A"].value * nums["n"].value > nums["L"].value
            nums = account.draw(rng, ood)
            assert -40 <= account.answer(nums) <= 80
            nums = shares.draw(rng, ood)
            count = shares.answer(nums)
            cash, price, fee = nums["X"].value, nums["P"].value, nums["c"].value
            assert count >= 1 and count == int(count)
            assert count * price + fee <= cash + 1e-9 < (count + 1) * price + fee


@pytest.mark.parametrize("name", SOLVED_RATES_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name):
        question = record["question"]
        assert_articles_read_right(question)


# Labels go into frames such as "With a {label} of {value}" and "the {label} is {value}": a
# singular noun phrase, with no comma outside brackets and no plural or mass noun first.
NOT_AFTER_A = re.compile(
    r"^(years|months|payments|anniversaries|remittances|borrowed|[a-z]+ed today)|"
    r"^(cash|money|funds|new money|seed capital)\b(?! withdrawal| balance)|^\w+_|^[a-z]\d",
)


@pytest.mark.parametrize("name", SOLVED_RATES_FAMILIES)
def test_labels_read_as_singular_noun_phrases(name: str) -> None:
    _, labels, _ = _family_texts(name)
    parts = get_family(name).parts
    assert parts is not None
    for key, texts in labels.items():
        assert len(parts.labels[key]) >= 6, key
        for label in texts:
            assert not NOT_AFTER_A.search(label), label
            assert "," not in re.sub(r"\([^)]*\)", "", label), label
            assert not label.lower().startswith(("once", "one-", "uni", "eu")), label
        held_out = set(parts.ood_labels.get(key, ()))
        assert not held_out & set(parts.labels[key]), key


def test_account_flows_read_without_a_repeated_verb() -> None:
    family = get_family("money_weighted_return")
    rng = random.Random(6)
    seen_two_deposits = False
    for _ in range(300):
        texts = family.texts(rng, family.draw(rng, False))
        assert texts["flows"].count("added") <= 1, texts["flows"]
        seen_two_deposits |= "and another" in texts["flows"]
    assert seen_two_deposits
    for template in (*family.templates, *family.ood_templates):
        assert "and {flows}" not in template, template  # "...at the start of year 1 and added"


def test_share_questions_ask_for_a_number_of_shares_and_never_say_round_however() -> None:
    family = get_family("shares_affordable")
    assert {"costs", "rounding"} <= family.uses
    for record in _records("shares_affordable"):
        question = record["question"]
        assert not re.search(r"\blots?\b", question), question  # round lots of 100 shares
        assert "Round however you like" not in question, question
