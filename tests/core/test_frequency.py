"""Frequencies a question names; the per-period rates a formula writes (quantreason.frequency)."""

from __future__ import annotations

import random

import pytest

from quantreason.consensus import read_candidate
from quantreason.data import make_record
from quantreason.frequency import (
    count_read_as_years,
    days_read_as_years,
    frequency_mismatch,
    named_periods,
    rate_divisors,
    stated_payment_counts,
    stated_years,
    years_read_as_count,
)
from quantreason.tasks import FAMILIES


@pytest.mark.parametrize(
    ("question", "periods"),
    [
        ("8% compounded quarterly", {4.0}),
        ("repayments made three-monthly", {4.0, 12.0}),  # generous: "month" adds 12
        ("end-of-year repayments", {1.0}),
        ("paid every six months", {2.0, 12.0}),
        ("interest credited every 3 months", {4.0, 12.0}),
        ("a coupon paid 4 times a year", {4.0}),
        ("12 payments per annum", {12.0}),
        ("coupons paid twice-yearly", {2.0}),
        ("paid every 28 days", {365 / 28, 13.0, 360 / 28, 365.0, 360.0, 252.0}),
        # durations and how a rate is quoted name no frequency: "30-year", "annual interest"
        ("a $350,000 30-year mortgage at 6.5% annual interest", set()),
        ("paid fortnightly", {26.0}),
        ("a daily rate", {365.0, 360.0, 252.0}),
        ("a bond trading at par", set()),
        ("every zero months, zero times a year", {0.0, 12.0}),  # nonsense, but no exception
        # spelled-out counts come from the one table grounding also reads (amounts.NUMBER_WORDS)
        ("interest paid every thirty days", {365 / 30, 364 / 30, 12.0, 365.0, 360.0, 252.0}),
    ],
)
def test_named_periods_reads_words_and_counts(question: str, periods: set[float]) -> None:
    assert named_periods(question) == periods


def test_rate_divisors_are_the_constants_a_percentage_is_divided_by() -> None:
    assert rate_divisors("pmt(6.16/100/4, 8*4, 11000)") == [4.0]
    assert rate_divisors("5000*(1+6/12/100)**(12*3)") == [12.0]
    assert rate_divisors("(12-3)/20") == []  # one division: no per-period rate
    assert rate_divisors("(5+7+9)/3/100") == []  # a mean of returns, not a rate per period
    assert rate_divisors("pmt(6.16/100/") == []  # unreadable: nothing to judge


def test_a_per_period_rate_must_use_a_frequency_the_question_names() -> None:
    question = (
        "Calculate the payment when $271,266 is borrowed at 11.89 % per annum (nominal) "
        "with three-monthly repayments spread over 11 years."
    )
    assert frequency_mismatch("pmt(11.89/100/4, 11*4, 271266)", question) is None
    why = frequency_mismatch("pmt(11.89/100/3, 11*3, 271266)", question)
    assert why is not None and "by 3" in why
    annual = "A $50,000 loan at 8% is repaid with equal annual payments over 7 years."
    assert frequency_mismatch("pmt(8/100/2, 7*2, 50000)", annual) is not None
    assert frequency_mismatch("pmt(8/100, 7, 50000)", annual) is None
    # A question that names no frequency is not judged: a mortgage is paid monthly by convention.
    assert frequency_mismatch("pmt(8/100/2, 7*2, 50000)", "Borrow 50000 at 8% for 7 terms") is None
    mortgage = "What is the payment on a $350,000 30-year mortgage at 6.5% a year?"
    assert frequency_mismatch("pmt(6.5/100/12, 30*12, 350000)", mortgage) is None


def test_a_reply_whose_rate_contradicts_the_frequency_does_not_vote() -> None:
    question = "A $50,000 loan at 8% is repaid with equal annual payments over 7 years."
    reasoning = FAMILIES["loan_instalment"].reasoning
    formula = 'pmt(8/100/2, periods(7,"years",2), 50000)'
    wrong = read_candidate(f"Reasoning: {reasoning}\nFormula: {formula}", question)
    assert wrong.grounded and not wrong.fits_task and not wrong.votes
    assert "divides a yearly rate by 2" in (wrong.error or "")
    right = read_candidate(f"Reasoning: {reasoning}\nFormula: pmt(8/100, 7, 50000)", question)
    assert right.votes


@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
def test_no_reference_formula_contradicts_its_own_question(split: str) -> None:
    # Every family, every template and composed phrasing, in and out of the training ranges.
    rng = random.Random(f"frequency:{split}")
    checked = 0
    for family in FAMILIES.values():
        for index in range(40):  # every template twice over (held-out: ~13 times), half composed
            record = make_record(family, index, rng, split, index)
            assert frequency_mismatch(record["formula"], record["question"]) is None, record
            assert count_read_as_years(record["formula"], record["question"]) is None, record
            assert years_read_as_count(record["formula"], record["question"]) is None, record
            assert days_read_as_years(record["formula"], record["question"]) is None, record
            checked += 1
    assert checked == 40 * len(FAMILIES)


@pytest.mark.parametrize(
    ("question", "counts"),
    [
        ("28.5k car loan, 6.9% APR compounded monthly, 60 monthly pmts. payment?", {60}),
        ("Personal loan of $15,000 at 0.95% per month, 36 equal monthly instalments.", {36}),
        ("A 360-month mortgage of $300,000 at 6%.", {360}),
        ("Save for 48 months, depositing at the end of each month.", {48}),
        # a rate of payments, a year's worth, or a term in years: no count of payments
        ("Interest is paid in 12 payments a year for 30 years.", set()),
        ("It makes 4 quarterly payments.", set()),
        ("A 30-year loan repaid monthly.", set()),
    ],
)
def test_terms_stated_as_payments_are_read(question: str, counts: set[int]) -> None:
    assert stated_payment_counts(question) == {float(c) for c in counts}


def test_a_count_of_payments_read_as_years_is_a_mismatch() -> None:
    question = "28.5k car loan, 6.9% APR compounded monthly, 60 monthly pmts. payment?"
    assert "60 payments" in (count_read_as_years("pmt(6.9/100/12, 60*12, 28500)", question) or "")
    assert count_read_as_years("pmt(6.9/100/12, 12*60, 28500)", question) is not None
    assert count_read_as_years("pmt(6.9/100/12, 60, 28500)", question) is None
    # the same formula for a question that gives the term in years is right
    assert count_read_as_years("pmt(6.9/100/12, 5*12, 28500)", "over 5 years, monthly") is None
    # the unit named: a count of payments labelled years is the same mistake
    labelled = 'pmt(6.9/100/12, periods(60,"years",12), 28500)'
    assert "60 payments" in (count_read_as_years(labelled, question) or "")
    assert count_read_as_years('pmt(6.9/100/12, periods(60,"payments"), 28500)', question) is None
    assert count_read_as_years('pmt(6.9/100/12, periods(5,"years",12), 28500)', "5 years") is None


def test_a_term_in_years_used_as_the_count_of_periods_is_a_mismatch() -> None:
    question = "Semi-annual payments on a 200,000 loan at 5% per year for 15 years: each payment?"
    assert "15 years" in (years_read_as_count("pmt(5/100/2, 15, 200000)", question) or "")
    assert years_read_as_count("pmt(5/100/2, 15*2, 200000)", question) is None
    assert years_read_as_count("pmt(5/100/2, 2*15, 200000)", question) is None
    # a yearly rate: the years are the periods
    assert years_read_as_count("pmt(5/100, 15, 200000)", question) is None
    # the unit named: years labelled as a count of payments are not scaled
    counted = 'pmt(5/100/2, periods(15,"payments"), 200000)'
    assert "15 years" in (years_read_as_count(counted, question) or "")
    assert years_read_as_count('pmt(5/100/2, periods(15,"years",2), 200000)', question) is None
    saving = "I want 1.13M in 41 years; 0.26% a year compounded quarterly. Quarterly deposit?"
    wrong = "1130000*(0.26/100/4)/((1+0.26/100/4)**41-1)"
    assert years_read_as_count(wrong, saving) is not None
    assert years_read_as_count(wrong.replace("**41", "**(41*4)"), saving) is None


def test_years_elapsed_must_be_scaled_too() -> None:
    question = "A 30-year mortgage of $400,000 at 6.5%, monthly payments, taken 5 years ago."
    right = "pv(6.5/100/12, (30-5)*12, pmt(6.5/100/12, 30*12, 400000))"
    assert years_read_as_count(right, question) is None
    assert years_read_as_count("pv(6.5/100/12, 30*12-5, pmt(6.5/100/12, 30*12, 400000))", question)
    # 180 is a count of payments, 4 is years: 180-4 mixes them
    mixed = "Took out a $220,000 loan at 6.1% with 180 monthly payments. Owed after 4 years?"
    assert years_read_as_count("pv(6.1/100/12, 180-4, pmt(6.1/100/12, 180, 220000))", mixed)
    assert (
        years_read_as_count("pv(6.1/100/12, 180-4*12, pmt(6.1/100/12, 180, 220000))", mixed) is None
    )


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("over 15 years", {15}),
        ("a 30-year mortgage, 2.5 yrs in", {30, 2.5}),
        ("over 60 months", set()),
    ],
)
def test_figures_written_in_years_are_read(question: str, years: set[float]) -> None:
    assert stated_years(question) == {float(y) for y in years}


def test_a_reply_counting_years_as_periods_does_not_vote() -> None:
    question = "Semi-annual payments on a 200,000 loan at 5% per year for 15 years: each payment?"
    reasoning = FAMILIES["loan_instalment"].reasoning
    counted = 'pmt(5/100/2, periods(15,"payments"), 200000)'
    wrong = read_candidate(f"Reasoning: {reasoning}\nFormula: {counted}", question)
    assert wrong.grounded and not wrong.votes and "15 years" in (wrong.error or "")
    scaled = 'pmt(5/100/2, periods(15,"years",2), 200000)'
    right = read_candidate(f"Reasoning: {reasoning}\nFormula: {scaled}", question)
    assert right.votes, right.error


def test_a_term_in_days_used_as_an_exponent_is_a_mismatch() -> None:
    question = "USD/CAD spot 1.3161; CAD 0.63 %, USD 4.95 % (simple, 360-day year). 75-day forward?"
    wrong = "1.3161*((1+0.63/100)/(1+4.95/100))**75"
    assert "75 days" in (days_read_as_years(wrong, question) or "")
    assert days_read_as_years("1.3161*(1+0.63/100*75/360)/(1+4.95/100*75/360)", question) is None
    # compounding daily divides the rate by a day count: the days are then its periods
    daily = "5,000 for 30 days at 6.9 % a year compounded daily (365-day year)."
    assert days_read_as_years("5000*(1+6.9/100/365)**30", daily) is None
    assert days_read_as_years("5000*(1+6.9/100)**30", daily) is not None
    assert days_read_as_years("5000*(1+6.9/100)**30", "5,000 for 30 years at 6.9 %.") is None
