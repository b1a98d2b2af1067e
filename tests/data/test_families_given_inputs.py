"""The given-inputs families (quantreason.tasks.given_inputs) against hand-computed cases, and the
checks particular to them: a breakeven win rate from the average win and loss as amounts (the
loss written as a positive size), a loan balance after a stated number of monthly payments (the
term in years or as a count), a short sale's P&L net of the commissions stated (per trade or in
total), every question stating what the convention needs, every formula grounded in its
question and evaluating to the solver's answer.

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

GIVEN_INPUTS_FAMILIES = ("breakeven_win_amounts", "loan_balance_payments", "short_pnl")

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
    # short 300 at 84.20, covered at 79.65: 300 * 4.55 = 1365 made, no commissions
    ("short_pnl", {"N": 300, "P0": 84.20, "P1": 79.65}, 1365.0),
    # the same with 10 in commissions in all: 1365 - 10 = 1355
    ("short_pnl", {"N": 300, "P0": 84.20, "P1": 79.65, "C": 10}, 1355.0),
    # the same with 5 a trade, two trades (the short sale, the buy-back): 1365 - 2 * 5 = 1355
    ("short_pnl", {"N": 300, "P0": 84.20, "P1": 79.65, "c": 5}, 1355.0),
    # shorted 200 at 58.40, covered at 61.15: the price rose 2.75, 200 * -2.75 = -550, and
    # 4.95 a trade makes 9.90 more lost: -559.90
    ("short_pnl", {"N": 200, "P0": 58.40, "P1": 61.15, "c": 4.95}, -559.90),
    # the same commissions given as their total, 9.90: -550 - 9.90
    ("short_pnl", {"N": 200, "P0": 58.40, "P1": 61.15, "C": 9.90}, -559.90),
    # 1000 at 12.50, covered at 12: 500 made, less 7.50 twice = 485
    ("short_pnl", {"N": 1000, "P0": 12.5, "P1": 12, "c": 7.5}, 485.0),
    # commissions larger than the gain: 50 * 0.10 = 5 made, 10 paid: a loss of 5
    ("short_pnl", {"N": 50, "P0": 20.10, "P1": 20, "C": 10}, -5.0),
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
            r'pv\(([\d.]+)/100/12, periods\((\d+),"years",12\)-(\d+), '
            r'pmt\(\1/100/12, periods\(\2,"years",12\), (\d+)\)\)',
            formula,
        )
        count_form = re.fullmatch(
            r'pv\(([\d.]+)/100/12, periods\((\d+),"payments"\)-(\d+), '
            r'pmt\(\1/100/12, periods\(\2,"payments"\), (\d+)\)\)',
            formula,
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
    [
        ("loan_balance_payments", ("home", "escrow", "fee")),
        ("breakeven_win_amounts", ("acct",)),
        ("short_pnl", ("acct",)),
    ],
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


# --- short_pnl --------------------------------------------------------------------------------

SHORT_FORMULA = re.compile(r"(\d+)\*\(([\d.]+)-([\d.]+)\)(?:-(2\*)?([\d.]+))?")
COMMISSION_WORDS = re.compile(
    r"commission|commish|\bcomms?\b|\bfees?\b|brokerage|dealing charge", re.I
)
SHORT_WORDS = re.compile(r"short|cover|borrow|bear", re.I)


def _shown(question: str) -> set[float]:
    return {float(x) for x in re.findall(r"\d+(?:\.\d+)?", question.replace(",", ""))}


def test_the_short_family_agrees_with_position_pnl_with_prices_swapped() -> None:
    """A short sold at P0 and bought back at P1 makes what a long bought at P1 and sold at P0
    makes (position_pnl), less its commissions."""
    short, long_ = get_family("short_pnl"), get_family("position_pnl")
    for shares, sold, bought in ((300, 84.2, 79.65), (200, 58.4, 61.15), (1250, 9.8, 10.05)):
        swapped = long_.answer(_nums({"N": shares, "P0": bought, "P1": sold}))
        ours = _nums({"N": shares, "P0": sold, "P1": bought})
        assert short.answer(ours) == pytest.approx(swapped)
        assert short.answer({**ours, "C": Num(9.9, 2, "money")}) == pytest.approx(swapped - 9.9)
        assert short.answer({**ours, "c": Num(4.95, 2, "money")}) == pytest.approx(swapped - 9.9)


def test_short_formulas_take_the_commissions_as_the_question_states_them() -> None:
    """No commission, one per trade (doubled: the short sale and the buy-back), or the total as
    written; a per-trade formula never meets a question showing the total, and a question with
    no commission in its formula says none is charged."""
    shapes = {"none": 0, "per trade": 0, "total": 0}
    for record in _records("short_pnl", 300):
        question, formula = record["question"], record["formula"]
        match = SHORT_FORMULA.fullmatch(formula)
        assert match, formula
        shares, sold, bought, doubled, fee = match.groups()
        assert float(sold) != float(bought)
        assert COMMISSION_WORDS.search(question), question  # says whether commissions count
        assert SHORT_WORDS.search(question), question  # says the position was short
        if fee is None:
            shapes["none"] += 1
        elif doubled:
            shapes["per trade"] += 1
            total = round(2 * float(fee), 2)
            assert total not in _shown(question) or total in (float(shares), float(sold)), record
        else:
            shapes["total"] += 1
    assert all(count >= 40 for count in shapes.values()), shapes
    share = (shapes["per trade"] + shapes["total"]) / sum(shapes.values())
    assert 0.25 < share < 0.45, shapes


def test_short_draws_have_commissions_in_a_third_and_in_range() -> None:
    from quantreason.tasks.given_inputs import (
        SHORT_COMMISSION,
        SHORT_COMMISSION_TOTAL,
        SHORT_COST_SHARE,
    )

    family = get_family("short_pnl")
    rng = random.Random(13)
    for ood in (False, True):
        draws = [family.draw(rng, ood) for _ in range(1500)]
        per_trade = [d["c"].value for d in draws if "c" in d]
        totals = [d["C"].value for d in draws if "C" in d]
        assert not any("c" in d and "C" in d for d in draws)
        assert 0.3 < (len(per_trade) + len(totals)) / len(draws) < 0.4
        assert 0.35 < len(per_trade) / (len(per_trade) + len(totals)) < 0.65
        for spec, values in ((SHORT_COMMISSION, per_trade), (SHORT_COMMISSION_TOTAL, totals)):
            low, high = spec.ood[0] if ood else spec.train
            assert all(low <= value <= high for value in values), (ood, values)
        for d in draws:
            assert 0.5 < d["P1"].value / d["P0"].value < 2 and d["P1"].value != d["P0"].value
            fees = d["C"].value if "C" in d else 2 * d["c"].value if "c" in d else None
            if fees is not None and not ood:  # commissions decide the answer at 1 % tolerance
                gross = abs(d["N"].value * (d["P0"].value - d["P1"].value))
                assert SHORT_COST_SHARE[0] <= fees / gross <= SHORT_COST_SHARE[1], d


def test_short_parts_say_short_and_every_phrasing_states_the_commissions() -> None:
    family = get_family("short_pnl")
    parts = family.parts
    for name in ("N", "P0", "P1"):
        for label in (*parts.labels[name], *parts.ood_labels[name]):
            assert re.search(r"short|cover|borrow|bought back|buy-back|repurchase", label), label
    for ask in (*parts.asks, *parts.ood_asks):
        assert re.search(r"short|bear|wager against", ask, re.I), ask
    for template in (*family.templates, *family.ood_templates):
        assert "{N}" in template and "{P0}" in template and "{P1}" in template, template
        assert re.search(r"\{(costs|fees|fees_with|fees_chat|fees_held)\}", template), template
        assert SHORT_WORDS.search(template), template
    assert "{fees_held}" not in " ".join(family.templates)
    assert all("{fees_held}" in template for template in family.ood_templates)
    assert family.uses >= {"costs", "shorting"}  # no aside says to ignore commissions
    assert family.reasoning != get_family("position_pnl").reasoning


def test_a_stated_total_with_its_per_trade_figure_is_taken_as_written() -> None:
    """'$4.95 a trade, $9.90 in all': the formula subtracts the 9.90 the question shows, and
    the per-trade figure beside it is half of it."""
    both = 0
    for record in _records("short_pnl", 300):
        match = SHORT_FORMULA.fullmatch(record["formula"])
        if match.group(5) is None or match.group(4):
            continue
        total = float(match.group(5))
        assert total in _shown(record["question"])
        if total / 2 in _shown(record["question"]):
            both += 1
    assert both >= 10
