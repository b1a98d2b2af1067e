"""Terms stated as a number of payments: the question's wording, the formula that takes the
count, and the checks that must accept it."""

from __future__ import annotations

import random
import re

import pytest

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import FAMILIES, Num
from quantreason.tasks.base import TermCount
from quantreason.tasks.shapes import fits_task
from quantreason.tasks.term_counts import COUNT_KEY, restate_term, with_count

COUNTED = sorted(name for name, family in FAMILIES.items() if family.term_count is not None)
MONTHLY = TermCount(per_year=12.0)
QUARTERLY = TermCount()


def _nums(**values: float) -> dict[str, Num]:
    return {key: Num(float(value), 0, "plain") for key, value in values.items()}


def _texts(**values: str) -> dict[str, str]:
    return dict(values)


def test_loan_and_savings_families_state_terms_as_counts() -> None:
    assert {"loan_payment", "loan_instalment", "loan_total_interest", "savings_goal"} <= set(
        COUNTED
    )


@pytest.mark.parametrize("seed", range(6))
def test_years_become_the_number_of_payments(seed: int) -> None:
    question = (
        "What is the monthly payment on a $520,000 loan at 8.5% annual interest over 4 years?"
    )
    nums = _nums(L=520000, r=8.5, n=4)
    texts = _texts(L="$520,000", r="8.5%", n="4")
    restated = restate_term(question, texts, nums, MONTHLY, random.Random(seed))
    assert restated is not None
    assert "4 years" not in restated
    # 48 payments, months or monthly instalments: the count 4 * 12, and nothing else changed
    assert re.search(r"over 48 (months|payments|instalments|repayments)\?$", restated), restated
    assert restated.startswith("What is the monthly payment on a $520,000 loan at 8.5% annual")


def test_a_term_written_as_an_adjective_becomes_one() -> None:
    question = "A 30-year mortgage of $300,000 at 6% a year, quarterly payments. Payment size?"
    nums = _nums(L=300000, r=6, n=30, m=4)
    texts = _texts(L="$300,000", r="6%", n="30", m="quarterly")
    restated = restate_term(question, texts, nums, QUARTERLY, random.Random(1))
    assert restated is not None
    assert re.match(r"A 120-(payment|quarter) mortgage of \$300,000", restated), restated


def test_the_frequency_is_added_when_the_question_does_not_name_it() -> None:
    question = "Borrow $9,000 for 3 years at 7% with level repayments. Each repayment?"
    nums = _nums(L=9000, r=7, n=3, m=4)
    texts = _texts(L="$9,000", r="7%", n="3", m="end-of-quarter")
    for seed in range(8):
        restated = restate_term(question, texts, nums, QUARTERLY, random.Random(seed))
        assert restated is not None
        assert re.search(r"for 12 (quarterly \w+|quarters) at 7%", restated), restated


@pytest.mark.parametrize(
    ("question", "nums", "texts"),
    [
        # paid once a year: the count is the years, nothing to restate
        (
            "A $9,000 loan over 3 years at 7% with annual payments. Payment?",
            _nums(L=9000, r=7, n=3, m=1),
            _texts(L="$9,000", r="7%", n="3", m="annual"),
        ),
        # the term and the years already paid written alike: which is the term is unclear
        (
            "A 7-year loan of $9,000 at 7%, monthly payments. Balance after 7 years?",
            _nums(P=9000, r=7, n=7, t=7, m=12),
            _texts(P="$9,000", r="7%", n="7", t="7", m="monthly"),
        ),
        # the term written twice
        (
            "A 5-year loan: $9,000 at 7% for 5 years, monthly payments. Payment?",
            _nums(L=9000, r=7, n=5, m=12),
            _texts(L="$9,000", r="7%", n="5", m="monthly"),
        ),
        # the term given only in a label: left as it is
        (
            "term (years): 5, amount: $9,000, rate: 7%, payments: monthly. Payment?",
            _nums(L=9000, r=7, n=5, m=12),
            _texts(L="$9,000", r="7%", n="5", m="monthly"),
        ),
        # "15 years" inside "$115 years"-like digits is not the term
        (
            "Save $215 years ahead? A goal of $5,000 at 3%, monthly deposits, 2 years in.",
            _nums(T=5000, r=3, n=15, m=12),
            _texts(T="$5,000", r="3%", n="15", m="monthly"),
        ),
    ],
)
def test_a_term_that_is_not_found_exactly_once_stays(question, nums, texts) -> None:
    assert restate_term(question, texts, nums, QUARTERLY, random.Random(0)) is None


@pytest.mark.parametrize("name", COUNTED)
def test_the_count_form_computes_the_same_answer(name: str) -> None:
    """The formula that takes the count evaluates to what the years form gives, for drawn
    parameters in and out of the training ranges."""
    family = FAMILIES[name]
    rng = random.Random(f"count:{name}")
    compared = 0
    for draw in range(40):
        nums = family.draw(rng, ood=draw % 2 == 1)
        counted = with_count(nums, family.term_count)
        count = counted[COUNT_KEY].value
        assert count == pytest.approx(
            nums["n"].value * (counted.get("m") or Num(12.0, 0, "")).value
        )
        years_form, count_form = family.build_formula(nums), family.build_formula(counted)
        if years_form == count_form:
            continue  # once a year: no separate form
        assert re.search(rf"(?<![\d.]){int(count)}(?![\d.])", count_form), count_form
        assert evaluate(count_form) == pytest.approx(evaluate(years_form), rel=1e-9)
        assert fits_task(name, count_form), count_form
        compared += 1
    assert compared >= 10


# The number of payments where a formula takes it whole: pmt's second argument, the exponent.
_BARE_COUNT = re.compile(r'periods\((\d+),"payments"\)()')  # the count, its unit named
_PAYMENT_WORDS = r"payments|instalments|repayments|deposits|contributions|months|quarters"


@pytest.mark.parametrize("name", COUNTED)
@pytest.mark.parametrize("split", ["train", "test_ood_template"])
def test_generated_count_questions_show_the_count_their_formula_uses(name: str, split: str) -> None:
    family = FAMILIES[name]
    rng = random.Random(f"records:{name}:{split}")
    counted = 0
    for index in range(240):
        record = make_record(family, index, rng, split, index)
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6)
        found = _BARE_COUNT.search(record["formula"])
        count = found and (found.group(1) or found.group(2))
        if not count or not re.search(r"/100/\d", record["formula"]):
            continue  # the years form, or a yearly plan (no per-period rate): count = years
        counted += 1
        said = (
            rf"(?<![\d.,]){count}(?:-(?:payment|month|quarter)\b| (?:[\w-]+ )?(?:{_PAYMENT_WORDS}))"
        )
        assert re.search(said, record["question"]), record
        assert fits_task(name, record["formula"]), record
    assert counted >= 8, f"{name}/{split}: only {counted} count questions in 240"


# every family whose formula has a plan's term: those with a TermCount, and four that give it in
# years only (or, for the savings deposit, a count of its own)
TERMED = [*COUNTED, "savings_goal_with_balance", "loan_balance", "dscr", "points_breakeven_months"]


@pytest.mark.parametrize("name", TERMED)
def test_every_term_names_the_unit_the_question_gives_it_in(name: str) -> None:
    # A term in years is periods(n,"years",k), k above 1; a count of payments is
    # periods(N,"payments"), N written beside a payment word; never a bare n*12.
    family = FAMILIES[name]
    rng = random.Random(f"units:{name}")
    seen = set()
    for index in range(240):
        record = make_record(family, index, rng, "train", index)
        formula, question = record["formula"], record["question"].replace(",", "")
        # no term multiplied out by hand: pmt(r, 5*12, L), pv(r, (30-5)*12, ...), **(5*12)
        bare = r"(?:pmt|pv)\([^,]+, *\(?\d+(?:-\d+)?\)?\*\d+|\*\*\(\d+\*\d+\)"
        assert not re.search(bare, formula), record
        for count, unit, per_year in re.findall(r'periods\((\d+),"(\w+)"(?:,(\d+))?\)', formula):
            seen.add(unit)
            assert re.search(rf"(?<![\d.]){count}(?![\d.]\d)", question), record
            if unit == "years":  # a plan paying more than once a year
                assert per_year and float(per_year) > 1, record
            else:
                assert unit == "payments" and not per_year, record
                # the question counts the term in payments or months somewhere (prose puts the
                # word beside the number, a table in its header)
                assert re.search(rf"{_PAYMENT_WORDS}|-month|-payment", question, re.I), record
    assert "years" in seen  # and the count form where the family restates terms (test above)
