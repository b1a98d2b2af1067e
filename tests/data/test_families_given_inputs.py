"""The given-inputs families (quantreason.tasks.given_inputs) against hand-computed cases, and the
checks particular to them: a breakeven win rate from the average win and loss as amounts (the
loss written as a positive size), a loan balance after a stated number of monthly payments (the
term in years or as a count), every question stating what the convention needs, every formula
grounded in its question and evaluating to the solver's answer.

Expected values are written as the arithmetic a person would do on paper, never by calling the
family's solver.
"""

from __future__ import annotations

import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.frequency import count_read_as_years, frequency_mismatch
from quantreason.tasks import Num, get_family
from quantreason.tasks.given_inputs import _ordinal
from quantreason.tasks.shapes import fits_task

GIVEN_INPUTS_FAMILIES = ("breakeven_win_amounts", "loan_balance_payments")

HAND_CASES = [
    # 450 / 300 = 1.5 won per 1 lost: 100 / (1 + 1.5) = 40 %; check: 0.4 * 450 = 180 won,
    # 0.6 * 300 = 180 lost
    ("breakeven_win_amounts", {"W": 450, "L": 300}, 40.0),
    # a win a third of the loss: 100 / (1 + 1/3) = 75 %; 0.75 * 100 = 0.25 * 300 = 75
    ("breakeven_win_amounts", {"W": 100, "L": 300}, 75.0),
    # winners four times the losers: 100 / 5 = 20 %
    ("breakeven_win_amounts", {"W": 1200, "L": 300}, 20.0),
    # equal sizes: a coin flip, 50 %
    ("breakeven_win_amounts", {"W": 250, "L": 250}, 50.0),
    # cents: 2.50 / 1.25 = 2, 100 / 3
    ("breakeven_win_amounts", {"W": 2.5, "L": 1.25}, 100 / 3),
    # a one-year loan at 1 % a month, 11 of 12 payments made: the last payment,
    # 10000 * 0.01 / (1 - 1.01^-12) = 888.49, discounted one month
    (
        "loan_balance_payments",
        {"P": 10000, "r": 12, "n": 1, "k": 11},
        10000 * 0.01 / (1 - 1.01**-12) / 1.01,
    ),
    # half of the 12 payments made: pay * (1 - v^6) / 0.01 with pay = 12 / (1 - v^12),
    # v = 1/1.01, and 1 - v^12 = (1 - v^6)(1 + v^6): 1200 / (1 + v^6)
    ("loan_balance_payments", {"P": 1200, "r": 12, "n": 1, "k": 6}, 1200 / (1 + 1.01**-6)),
    # the textbook mortgage after 120 payments: 100,000 grown 120 months at 0.5 % less 120
    # payments of 599.55 grown the same way (83,685.72 still owed)
    (
        "loan_balance_payments",
        {"P": 100000, "r": 6, "n": 30, "k": 120},
        100000 * 1.005**120 - 500 / (1 - 1.005**-360) * (1.005**120 - 1) / 0.005,
    ),
    # the same loan with its term stated as 360 payments: pv(0.005, 360-120, pmt(...))
    (
        "loan_balance_payments",
        {"P": 100000, "r": 6, "n": 30, "N": 360, "k": 120},
        100000 * 1.005**120 - 500 / (1 - 1.005**-360) * (1.005**120 - 1) / 0.005,
    ),
    # the first payment only: 100,000 * 1.005 - 599.55 = 100,500 - 599.55
    (
        "loan_balance_payments",
        {"P": 100000, "r": 6, "n": 30, "k": 1},
        100500 - 500 / (1 - 1.005**-360),
    ),
]


def _nums(values: dict[str, float]) -> dict[str, Num]:
    return {key: Num(float(value), 0, "plain") for key, value in values.items()}


def _records(name: str, draws: int = 200):
    """``draws`` records per split of ``name``: written templates and composed questions."""
    family = get_family(name)
    for split in ("train", "test_ood_range", "test_ood_template"):
        rng = random.Random(f"given-inputs:{name}:{split}")
        for index in range(draws):
            yield make_record(family, index, rng, split, index)


@pytest.mark.parametrize("name", GIVEN_INPUTS_FAMILIES)
def test_records_are_grounded_and_give_the_answer(name: str) -> None:
    for record in _records(name):
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6)
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert frequency_mismatch(record["formula"], record["question"]) is None, record
        assert count_read_as_years(record["formula"], record["question"]) is None, record
        assert fits_task(name, record["formula"]), record
        assert "{" not in record["question"], record


def test_the_amounts_family_agrees_with_the_ratio_family() -> None:
    """An average win and loss give the win rate of their ratio (breakeven_win_rate)."""
    amounts, ratio = get_family("breakeven_win_amounts"), get_family("breakeven_win_rate")
    for win, loss in ((450, 300), (120, 480), (3100, 620), (75, 60)):
        rr = Num(win / loss, 6, "plain")
        expected = ratio.answer({"RR": rr})
        assert amounts.answer(_nums({"W": win, "L": loss})) == pytest.approx(expected)


def test_breakeven_questions_show_both_amounts_and_the_loss_as_a_positive_size() -> None:
    family = get_family("breakeven_win_amounts")
    for template in (*family.templates, *family.ood_templates):
        assert "{W}" in template and "{L}" in template, template
        assert "-{L}" not in template and "−{L}" not in template, template
    for record in _records("breakeven_win_amounts", 120):
        win, loss = re.fullmatch(r"100/\(1\+([\d.]+)/([\d.]+)\)", record["formula"]).groups()
        assert float(win) > 0 and float(loss) > 0
        assert not re.search(rf"-\s*\D?{re.escape(loss)}", record["question"].replace(",", ""))
        assert 14 < record["answer"] < 81  # win/loss between 1/4 and 6


def test_the_loan_family_agrees_with_the_years_family() -> None:
    """12 t monthly payments made leave what t years of them leave (loan_balance)."""
    payments, years = get_family("loan_balance_payments"), get_family("loan_balance")
    for loan, rate, term, elapsed in ((250000, 6.5, 30, 7), (18000, 4.9, 5, 2), (90000, 3, 15, 10)):
        ours = _nums({"P": loan, "r": rate, "n": term, "k": 12 * elapsed})
        theirs = _nums({"P": loan, "r": rate, "n": term, "t": elapsed, "m": 12})
        assert payments.answer(ours) == pytest.approx(years.answer(theirs), rel=1e-9)


MONTHLY = re.compile(r"month", re.I)


def test_every_loan_phrasing_says_monthly_and_counts_the_payments_made() -> None:
    family = get_family("loan_balance_payments")
    parts = family.parts
    for template in (*family.templates, *family.ood_templates):
        assert MONTHLY.search(template), template
        assert "{k}" in template or "{kth}" in template, template
        assert "{n}" in template and "{P}" in template and "{r}" in template, template
    for label in (*parts.labels["k"], *parts.ood_labels["k"]):
        assert MONTHLY.search(label), label
    for label in parts.labels["n"]:
        assert "year" in label, label  # a composed question gives the term in years
    for record in _records("loan_balance_payments", 120):
        assert MONTHLY.search(record["question"]), record["question"]


def test_loan_questions_give_the_term_both_ways_and_the_formula_follows() -> None:
    counted = in_years = 0
    for record in _records("loan_balance_payments"):
        formula = record["formula"]
        years_form = re.fullmatch(
            r"pv\(([\d.]+)/100/12, (\d+)\*12-(\d+), pmt\(\1/100/12, \2\*12, (\d+)\)\)", formula
        )
        count_form = re.fullmatch(
            r"pv\(([\d.]+)/100/12, (\d+)-(\d+), pmt\(\1/100/12, \2, (\d+)\)\)", formula
        )
        assert years_form or count_form, formula
        if count_form:
            counted += 1
            term = count_form.group(2)
            assert re.search(
                rf"(?<![\d.,]){term}(?:-(?:payment|month)\b| (?:[\w-]+ )?(?:payments|"
                r"instalments|repayments|months))",
                record["question"],
            ), record
        else:
            in_years += 1
            term, made = int(years_form.group(2)), int(years_form.group(3))
            assert 0 < made < term * 12 and made != term
    assert counted >= 40 and in_years >= 200, (counted, in_years)


def test_ood_loans_leave_the_training_ranges_of_term_and_payments_made() -> None:
    family = get_family("loan_balance_payments")
    rng = random.Random(3)
    for _ in range(200):
        train, ood = family.draw(rng, ood=False), family.draw(rng, ood=True)
        assert 2 <= train["k"].value <= 300 and train["k"].value < 12 * train["n"].value
        assert ood["k"].value >= 310 and ood["n"].value >= 35
        assert ood["k"].value < 12 * ood["n"].value
    # some training draws are whole years of payments ("60 payments"), not all
    whole = [family.draw(rng, ood=False)["k"].value % 12 == 0 for _ in range(400)]
    assert 0.3 < sum(whole) / len(whole) < 0.7


@pytest.mark.parametrize(
    ("digits", "written"),
    [
        ("1", "1st"),
        ("2", "2nd"),
        ("3", "3rd"),
        ("4", "4th"),
        ("11", "11th"),
        ("12", "12th"),
        ("13", "13th"),
        ("21", "21st"),
        ("84", "84th"),
        ("102", "102nd"),
        ("111", "111th"),
        ("112", "112th"),
        ("123", "123rd"),
    ],
)
def test_payments_made_are_written_as_ordinals(digits: str, written: str) -> None:
    assert _ordinal(digits) == written


def _amount(text: str) -> float:
    return float(re.sub(r"[^\d.]", "", text.replace(",", "")).strip("."))


@pytest.mark.parametrize(
    ("name", "side"),
    [("loan_balance_payments", ("home", "escrow", "fee")), ("breakeven_win_amounts", ("acct",))],
)
def test_side_figures_are_shown_and_never_used(name: str, side: tuple[str, ...]) -> None:
    """House values, escrow and closing costs, or an account size, are written beside the
    numbers the formula takes, and the formula never takes them: a home is worth more than its
    loan, and a side figure's digits are never a number of the formula."""
    family = get_family(name)
    rng = random.Random(f"side:{name}")
    for _ in range(200):
        nums = family.draw(rng, ood=False)
        texts = family.texts(rng, nums)
        used = {float(x) for x in re.findall(r"\d+(?:\.\d+)?", family.build_formula(nums))}
        shown = {key: _amount(texts[key]) for key in side}
        assert not any(key in nums for key in side)
        if "home" in shown:
            assert shown["home"] > nums["P"].value
        for key, value in shown.items():
            if all(value != n.value for n in nums.values()):  # not one of the data by chance
                assert value not in used, (key, value, family.build_formula(nums))
    templates = " ".join(family.templates)
    assert all("{" + key + "}" in templates for key in side)
