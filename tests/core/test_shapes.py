"""Formula shapes (quantreason.tasks.shapes): a formula fits its task when its form is taught."""

from __future__ import annotations

import random

import pytest

from quantreason.tasks import FAMILIES
from quantreason.tasks.shapes import (
    fits_task,
    misplaced_numbers,
    reply_shapes,
    task_constants,
    taught_shapes,
    taught_signs,
    taught_slots,
    untaught_sign,
)


def test_every_family_teaches_at_least_one_shape() -> None:
    shapes = taught_shapes()
    assert set(shapes) == set(FAMILIES)
    assert all(shapes.values())


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_generated_formulas_fit_their_own_family_with_every_number_in_place(name: str) -> None:
    # Other draws than the ones the shapes were read from, in and out of the training ranges.
    # The question's numbers are passed as the task check passes them: a round "1 %" return is
    # data there, not the constant of "1+". The slot check's slack is beyond every drawn range,
    # so no reference formula has a misplaced number.
    family = FAMILIES[name]
    rng = random.Random(12345)
    for draw in range(60):
        nums = family.draw(rng, ood=draw % 3 == 0)
        formula = family.build_formula(nums)
        shown = frozenset(abs(n.value) for n in nums.values())
        assert fits_task(name, formula, shown), formula
        assert misplaced_numbers(name, formula, shown) == [], formula


@pytest.mark.parametrize(
    ("task", "formula"),
    [
        ("loan_payment", 'pmt(6.5/100/12, periods(30, "years", 12), 350000)'),
        ("loan_payment", 'pmt(6.5/100/12, periods(360, "months"), 350000)'),  # any count unit
        ("loan_payment", 'pmt(6/100/12, periods(12, "years", 12), 250000)'),  # 12 as data
        ("capm", "0.9*(5.5-3)+3"),  # sums in either order
        ("gordon_growth", "1.80/(8/100-3/100)"),
        ("annuity_pv", "pv(6/100, 20, 12000)"),
        # four returns chained where training shows three; a negative one written as +-
        ("multi_period_return", "((1+2.5/100)*(1+-1.8/100)*(1+3.1/100)*(1+1/100)-1)*100"),
        ("drawdown", "(100-80)/100*100"),  # 100 as a price, not a conversion
        ("holding_period_return", "(52+1.5-48)/48*100"),  # the dividend added before the sale
        ("max_drawdown", "max_drawdown(50, 58, 61, 47)*100"),
        ("calmar", "15/25"),
    ],
)
def test_right_formulas_written_another_way_still_fit(task: str, formula: str) -> None:
    assert fits_task(task, formula)


@pytest.mark.parametrize(
    ("task", "formula"),
    [
        # misses of the kind the hand-written questions showed (all grounded in their question)
        ("annuity_pv", "pv(6.0000, 20, 12000)"),  # the rate left in percent
        ("gordon_growth", "1.80/(8/100-3)"),  # growth without its /100
        ("gordon_just_paid", "2.50/(10/4)"),
        ("gordon_just_paid", "2.50/(10/100-4/100)"),  # D0 used as D1: the growth step missing
        ("calmar", "(15-25)/25"),
        ("dscr", "142000/(109000*12)"),  # written out: the period is a per_year() now
        ("loan_payment", "pmt(6.5/100/12, 30*12, 350000)"),  # written out: a periods() now
        ("loan_instalment", "pmt(8/100/12*7, 50000)"),
        ("sharpe_ratio", "argmax((11-3)/14, (8-3)/7)"),  # a comparison for a single fund
    ],
)
def test_wrong_forms_do_not_fit(task: str, formula: str) -> None:
    assert not fits_task(task, formula)


def test_unknown_tasks_and_unreadable_formulas_fit_nothing() -> None:
    assert not fits_task("no_such_task", "15/25")
    assert not fits_task("calmar", "15/")
    assert reply_shapes("15/", frozenset({"100"})) == frozenset()


def test_a_number_written_like_a_constant_is_read_both_ways() -> None:
    # 12 as twelve months and as twelve years: the reading with one of each is loan_payment's
    taught = "pmt((*N /100 /12),periods(N,L,12),N)"  # the term in years
    counted = "pmt((*N /100 /12),periods(N,L),N)"  # the term as a count of payments
    assert taught_shapes()["loan_payment"] == {taught, counted}
    constants = task_constants()["loan_payment"]
    twelve_years = 'pmt(6/100/12, periods(12, "years", 12), 250000)'
    assert taught in reply_shapes(twelve_years, constants)
    # ... when the question shows a 12; otherwise a 12 is the months' constant only
    assert fits_task("loan_payment", twelve_years, frozenset({6.0, 12.0}))
    assert not fits_task("loan_payment", twelve_years, frozenset({6.0}))
    # 1.0 is copied from "1.0 %", not the 1 of 1 + r: only 1 and 100 are read both ways
    assert len(reply_shapes("(1+1.0/100)", frozenset({"1", "100"}))) == 4


def test_only_the_tasks_own_constants_are_read_both_ways() -> None:
    # 12 % is a return here: multi_period_return writes only 1 and 100 as constants, so the
    # loan's monthly 12 does not make this formula ambiguous (a hand-written question's reply)
    assert task_constants()["multi_period_return"] == {"1", "100"}
    shown = frozenset({8.0, 12.0, 15.0})
    assert fits_task("multi_period_return", "((1+8/100)*(1+-12/100)*(1+15/100)-1)*100", shown)
    assert fits_task("real_return", "((1+2/100)/(1+1/100)-1)*100", frozenset({1.0, 2.0}))


@pytest.mark.parametrize(
    ("task", "formula"),
    [
        ("multi_period_return", "((1-10.0/100)*(1+20.9/100)*(1-14.1/100)-1)*100"),
        ("loss_then_gain", "28147*(1+-32.2/100)*(1+5.0/100)"),
        ("npv", "-365071+npv(14.4/100, 228019, 104273, 49367)"),
        ("portfolio_return", "(42*7.6-58*1.9)/100"),
        ("portfolio_return", "(23*-0.9+77*-1.2)/100"),  # two losses: the sum is negative
    ],
)
def test_a_minus_sign_may_sit_on_the_term_or_the_sum(task: str, formula: str) -> None:
    assert fits_task(task, formula)


@pytest.mark.parametrize(
    ("task", "formula"),
    [
        ("annuity_pv", "pv(3.56/100/100, 21, 8848)"),
        ("perpetuity", "40813/(11.81/100/100)"),
        ("loan_payment", "pmt(2.74/100/12/12, 24*12, 13262)"),
    ],
)
def test_a_conversion_done_twice_does_not_fit(task: str, formula: str) -> None:
    assert not fits_task(task, formula)


@pytest.mark.parametrize(
    ("task", "formula", "misplaced"),
    [
        # values copied into another parameter's place (tuning-set misses of this kind)
        ("cagr", "((7/3595)**(1/2140)-1)*100", [(2140.0, "n")]),  # 7 as an amount: any size
        (
            "loan_payment",
            'pmt(6.5/100/12, periods(350000, "years", 12), 350000)',
            [(350000.0, "n")],
        ),
        # principal and term swapped: the place of a number of payments (N), up to 40 years'
        ("loan_payment", 'pmt(6.5/100/12, periods(350000, "payments"), 30)', [(350000.0, "N")]),
        ("loan_instalment", 'pmt(6.5/100/4, periods(120000, "payments"), 30)', [(120000.0, "N")]),
        ("parametric_var", "12707*norm_ppf(2.326/100)*2.09/100*sqrt(19)", [(2.326, "c")]),
        # the same numbers in their places
        ("cagr", "((2140/3595)**(1/7)-1)*100", []),
        ("loan_payment", 'pmt(6.5/100/12, periods(30, "years", 12), 350000)', []),
        ("loan_payment", 'pmt(6.5/100/12, periods(360, "payments"), 350000)', []),  # "360 monthly"
        # amounts, prices and rates are written at any size; zero is never judged
        ("cagr", "((45/20)**(1/5)-1)*100", []),
        ("sharpe_ratio", "(12-0)/20", []),
        ("sharpe_ratio", "(0.12-0.03)/0.18", []),
        ("zero_coupon_price", "1000000/(1+5/100)**100", []),  # a 100-year bond
        # another shape than the task teaches: not placed, so not judged here
        ("cagr", "2140/3595", []),
    ],
)
def test_numbers_in_a_place_they_could_not_hold_are_named(
    task: str, formula: str, misplaced: list[tuple[float, str]]
) -> None:
    assert misplaced_numbers(task, formula) == misplaced


def test_every_family_places_its_numbers_except_lists_and_like_terms() -> None:
    # Numbers have no fixed place only in a list (prices, returns, candidates) or in terms
    # written alike (two weight*vol terms): every other family is checked number by number.
    slots = taught_slots()
    assert set(slots) == set(FAMILIES)
    unplaced = {name for name, shapes in slots.items() if not any(any(k) for k in shapes.values())}
    assert unplaced == {
        "max_drawdown",
        "multi_period_return",
        # lists taught at every length they are asked in (a run of another length reads None)
        "npv",
        "average_cost",
        "geometric_mean_return",
        "portfolio_return",
        "portfolio_vol",
        "risk_ranking",
        "sharpe_comparison",
        "duration_price_change",  # -D*dy/100: a product of two data numbers is one like term
        "price_target",  # PE*EPS, q1*q2, A*q: the same
        "fx_cross",
        "fx_conversion",
        "return_stdev",  # stdev(...) and irr(...) of a list: variadic, so unplaced like npv
        "irr",
        "money_weighted_return",
        "payback_period",  # which flows the sum takes depends on their values: read by digits
        "rights_issue_terp",  # m*P + n*S over m + n: like terms only
        "futures_hedge_contracts",  # b*V over F*M: products of data numbers
        "currency_return",  # a product of two growth factors
        "accrued_interest",  # F*c/100*n/360: a product of three data numbers
        "portfolio_return_holdings",  # two to four like terms: V*r (or w*r) per holding
        "market_cap",  # shares * price: a product of two data numbers, like price_target's
        "fund_fee",  # B*er/100 (or B*bps/10000): a product of two data numbers
        "par_swap_rate",  # (1-D)/sum(D1, ...): a list of factors of any length, like npv's
        "normal_probability",  # (x-mean)/sd: like terms, and a negative threshold flips a sign
        "historical_expected_shortfall",  # the k worst of a list: read by digits, like payback
        "foreign_stock_return",  # (P1+D)*S1/(P0*S0): products of data numbers
    }


def test_each_task_is_taught_the_signs_its_answers_take() -> None:
    signs = taught_signs()
    assert set(signs) == set(FAMILIES)
    assert signs["risk_sizing"] == {1}  # a number of shares
    assert signs["loan_payment"] == {1}
    assert {-1, 1} <= signs["npv"] and {-1, 1} <= signs["position_pnl"]
    assert untaught_sign("risk_sizing", 2000.0) is None
    assert "negative answer" in (untaught_sign("risk_sizing", -2001.0) or "")
    assert "zero answer" in (untaught_sign("risk_sizing", 0.0) or "")
    assert untaught_sign("npv", 0.0) is None  # zero lies between the two signs taught
    assert untaught_sign("no_such_task", -1.0) is None
