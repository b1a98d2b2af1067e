"""The formula evaluator: the grammar, helpers computed by hand, and hostile inputs."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quantreason.formula import MAX_LENGTH, FormulaError, evaluate, max_drawdown


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("1+2*3", 7.0),
        ("(1+2)*3", 9.0),
        ("2**3**2", 512.0),  # right-associative like Python
        ("-2**2", -4.0),
        ("+5 - -3", 8.0),
        ("10000*(1+5/100)**3", 11576.25),
        ("(177-137)/177*100", 4000 / 177),
        ("2.85*sqrt(252)", 2.85 * 252**0.5),
        ("ln(e)", 1.0),
        ("log(100, 10)", 2.0),
        ("log10(1000)", 3.0),
        ("exp(0)", 1.0),
        ("abs(-3.5)", 3.5),
        ("floor(2.7) + ceil(2.1)", 5.0),
        ("round(2.345, 2)", 2.35),
        ("min(3, 1, 2) + max(3, 1, 2)", 4.0),
        ("sum(1, 2, 3) / mean(2, 4)", 2.0),
        ("argmax(0.4, 0.75, 0.5)", 2.0),
        ("argmin(0.4, 0.75, 0.1)", 3.0),
        ("argmax((12-3)/15, (9-3)/8)", 2.0),  # 0.6 vs 0.75
        ("2*pi", 2 * 3.141592653589793),
        ("1e3 + 0.5", 1000.5),
        ("norm_cdf(0)", 0.5),
    ],
)
def test_evaluates_the_grammar(expr: str, expected: float) -> None:
    assert evaluate(expr) == pytest.approx(expected, rel=1e-12)


def test_norm_ppf_matches_tabulated_quantiles() -> None:
    # Standard normal table values.
    assert evaluate("norm_ppf(95/100)") == pytest.approx(1.644854, abs=1e-6)
    assert evaluate("norm_ppf(99/100)") == pytest.approx(2.326348, abs=1e-6)


@pytest.mark.parametrize(
    ("prices", "expected"),
    [
        # Peak 120 -> 90 is 25 %; later peak 130 -> 95 is 35/130 = 26.92 %: the larger wins.
        ((100, 120, 90, 130, 95), 35 / 130),
        # Monotone rise: no drawdown.
        ((10, 11, 12), 0.0),
        # Fall, partial recovery, deeper fall from the same peak: 200 -> 50 is 75 %.
        ((200, 100, 150, 50, 300), 0.75),
        # The first price is the peak, the last the trough.
        ((177, 150, 160, 137), 40 / 177),
    ],
)
def test_max_drawdown_hand_computed(prices: tuple[float, ...], expected: float) -> None:
    assert max_drawdown(*prices) == pytest.approx(expected)
    assert evaluate(f"max_drawdown({', '.join(map(str, prices))})") == pytest.approx(expected)


HOSTILE = [
    "__import__('os').system('echo hi')",
    "().__class__.__bases__[0].__subclasses__()",
    "(1).real",
    "sqrt.__call__(4)",
    "__builtins__",
    "lambda: 1",
    "(lambda x: x)(1)",
    "[x for x in (1, 2)]",
    "sum(x for x in (1, 2))",
    "{1: 2}",
    "[1, 2]",
    "(1, 2)",
    "f'{1+1}'",
    "'abc'",
    "b'1'",
    "True",
    "None",
    "9**9**9",
    "10**1000",
    "2**-20001",
    "exp(1000)",
    "1e400",
    "1" + "0" * 500,
    "(" * 100 + "1" + ")" * 100,
    "-" * 300 + "1",
    "1+" * 2000 + "1",
    "sqrt(" * 50 + "4" + ")" * 50,
    "1" * (MAX_LENGTH + 1),
    "x",
    "open('/etc/passwd')",
    "getattr(1, 'real')",
    "sqrt(x=4)",
    "sqrt(*[4])",
    "max(*[1, 2])",
    "1 if 1 else 2",
    "1 < 2",
    "1 and 2",
    "not 1",
    "~1",
    "2^3",
    "7 // 2",
    "7 % 2",
    "1 << 3",
    "(x := 1)",
    "a[0]",
    "import os",
    "1; 2",
    "max()",
    "max(" + ", ".join(["1"] * 100) + ")",
    "1/0",
    "sqrt(-1)",
    "ln(0)",
    "0**-1",
    "(-8)**(1/3)",
    "round(1.5, 1000)",
    "norm_ppf(1)",
    "max_drawdown(1)",
    "",
    "   ",
    "1 +",
    "Answer: 5",
    "5%",
    "$5",
    "1,000",
]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("expr", HOSTILE)
def test_hostile_inputs_are_rejected_with_formula_error(expr: str) -> None:
    with pytest.raises(FormulaError) as info:
        evaluate(expr)
    assert str(info.value)  # always says what was rejected


def test_formula_error_is_a_value_error_and_names_the_problem() -> None:
    assert issubclass(FormulaError, ValueError)
    with pytest.raises(FormulaError, match="Attribute"):
        evaluate("(1).real")
    with pytest.raises(FormulaError, match="'open'"):
        evaluate("open(1)")
    with pytest.raises(FormulaError, match=r"\*\*"):
        evaluate("2^3")


def test_non_string_input_is_rejected() -> None:
    with pytest.raises(FormulaError):
        evaluate(42)  # type: ignore[arg-type]


# --- property tests -------------------------------------------------------------------------

_numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def _expressions(draw: st.DrawFn, depth: int = 0) -> tuple[str, float]:
    """A random expression in the grammar together with its value, built independently."""
    if depth >= 3 or draw(st.booleans()):
        value = draw(_numbers)
        return (f"({value!r})", value)
    left_text, left = draw(_expressions(depth + 1))
    right_text, right = draw(_expressions(depth + 1))
    op = draw(st.sampled_from(["+", "-", "*", "max", "min"]))
    if op in ("max", "min"):
        return (
            f"{op}({left_text}, {right_text})",
            max(left, right) if op == "max" else min(left, right),
        )
    value = {"+": left + right, "-": left - right, "*": left * right}[op]
    return (f"({left_text}{op}{right_text})", value)


@settings(max_examples=300, deadline=None)
@given(_expressions())
def test_random_grammar_expressions_evaluate_like_arithmetic(pair: tuple[str, float]) -> None:
    text, value = pair
    if abs(value) > 1e100:
        with pytest.raises(FormulaError):
            evaluate(text)
    else:
        assert evaluate(text) == pytest.approx(value, rel=1e-9, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_gives_a_finite_float_or_formula_error(text: str) -> None:
    try:
        value = evaluate(text)
    except FormulaError:
        return
    assert math.isfinite(value)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=0.01, max_value=1e6),
    st.floats(min_value=0.01, max_value=50),
    st.integers(min_value=1, max_value=60),
)
def test_compounding_formula_matches_repeated_multiplication(p: float, r: float, n: int) -> None:
    balance = p
    for _ in range(n):
        balance *= 1 + r / 100
    assert evaluate(f"{p!r}*(1+{r!r}/100)**{n}") == pytest.approx(balance, rel=1e-9)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        # 100/1.1 + 100/1.21 = 90.909.. + 82.644..; then minus the 150 outlay
        ("npv(10/100, 100, 100)-150", 100 / 1.1 + 100 / 1.21 - 150),
        ("npv(0, 5, 5, 5)", 15.0),
        # a bond priced at its coupon rate is worth par
        ("pv(5/100, 10, 5, 100)", 100.0),
        # 3-year annuity of 100 at 10 %: 248.685.. (textbook table value)
        ("pv(10/100, 3, 100)", 100 / 1.1 + 100 / 1.21 + 100 / 1.331),
        # 200,000 mortgage, 6 % a year, 30 years monthly: 1,199.10 a month
        ("round(pmt(6/100/12, 30*12, 200000), 2)", 1199.10),
        # zero rate: the loan is repaid in equal slices
        ("pmt(0, 4, 1000)", 250.0),
        # par bond, 5 % coupon and yield, 2 years: (1 * 5/1.05 + 2 * 105/1.05^2) / 100
        ("macaulay(5/100, 2, 5)", (5 / 1.05 + 2 * 105 / 1.05**2) / 100),
        # a zero-coupon bond's duration is its maturity
        ("macaulay(7/100, 4, 0, 1000)", 4.0),
        # face 1000, 10 % coupon, 10 % yield, 2 years: (100/1.1 + 2 * 1100/1.21) / 1000
        ("macaulay(10/100, 2, 100, 1000)", (100 / 1.1 + 2 * 1100 / 1.21) / 1000),
    ],
)
def test_finance_functions_hand_computed(expr: str, expected: float) -> None:
    assert evaluate(expr) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("pv(5/100, 2.5, 5, 100)", "whole number"),
        ("pmt(1/100, 0, 1000)", "whole number"),
        ("pmt(1/100, 100000, 1000)", "whole number"),
        ("npv(-1, 100)", "above -100"),
        ("pv(5/100, 10)", "pv"),
        ("macaulay(5/100, 0, 5)", "whole number"),
        ("macaulay(5/100, 3, -200)", "positive bond price"),
        # dated cash flows, two_asset_vol, growing_perpetuity, fcff, convert, expected_shortfall
        ('dated_npv(0.1, "t0", -1000, "t1", 500, "t1", 600)', "names time t1 twice"),
        ('dated_npv(0.1, "t0", -1000, "t1")', "takes 5 to 64 arguments"),
        ('dated_irr("t0", -1000, "t1", 500, "t2")', "its time and amount"),
        ('dated_irr("now", -1000, "t1", 1100)', "labels each flow with its time"),
        ('dated_irr("t0", -1000, "t1001", 1100)', "from t0 to t1000"),
        ('dated_irr(0, -1000, "t1", 1100)', "quoted label"),
        ('dated_payback("t0", 1000, "t1", 600)', "outlay at t0, negative"),
        ('dated_npv(-1, "t0", -1000, "t1", 500)', "above -100 %"),
        ("two_asset_vol(60, 18, 40, 6, 1.2)", "correlation from -1 to 1"),
        ("two_asset_vol(60, -18, 40, 6, 0.2)", "at least 0"),
        ("two_asset_vol(0, 18, 0, 6, 0.2)", "not both 0"),
        ("two_asset_vol(60, 18, 40, 6)", "takes 5 to 5 arguments"),
        ('growing_perpetuity("next", 2.00, 5/100, 5/100)', "above the growth rate"),
        (
            'growing_perpetuity("soon", 2.00, 10/100, 5/100)',
            "one of just paid, paid, last, d0, next",
        ),
        ("growing_perpetuity(1, 2.00, 10/100, 5/100)", "quoted label"),
        ('fcff(1000, 0.25, 200, 300, "increase", -50)', "its direction is a word"),
        ('fcff(1000, 25, 200, 300, "increase", 50)', "a decimal"),
        ('fcff(1000, 0.25, 200, 300, "sideways", 50)', "one of increase, up, rose, build"),
        ("fcff(1000, 0.25, 200, 300, 1, 50)", "quoted label"),
        ('convert(100, "GBP", "EUR/USD", 1.08)', "a currency of EUR/USD"),
        ('convert(100, "USD", "EURUSD", 1.08)', "not a currency pair"),
        ('convert(100, "USD", "EUR/USD", 0)', "positive rate"),
        ('convert(100, 1, "EUR/USD", 1.08)', "quoted label"),
        ("expected_shortfall(2.5, -5, -4, -3)", "a whole count"),
        ("expected_shortfall(4, -5, -4, -3)", "a whole count"),
        ("expected_shortfall(0, -5, -4, -3)", "a whole count"),
        # per_month (session 40)
        ('per_month(78000, "week")', "one of month, monthly, a month"),
        ("per_month(78000, 12)", "quoted label"),
        ('per_month(78000, "year", 12)', "takes 2 to 2 arguments"),
        ('periods(5, "years")', "payments a year"),
        ('periods(5, "decades", 12)', "one of years, year"),
        ('periods(0, "payments")', "a term above 0"),
        ("periods(5, 12)", "quoted label"),
        # sale_price, per_year and chance (session 41)
        ('sale_price(40, 35/100, "discount")', "one of margin, gross margin"),
        ('sale_price(40, 35, "margin")', "a fraction from 0 to below 1"),
        ('sale_price(40, 100/100, "margin")', "a fraction from 0 to below 1"),
        ('sale_price(40, -5/100, "markup")', "a markup of at least 0"),
        ('sale_price(0, 35/100, "markup")', "a cost above 0"),
        ('per_year(6180, "week")', "one of month, monthly, a month"),
        ('chance("most", 2/100, 12)', "one of at least one, any"),
        ('chance("none", 2, 12)', "a fraction from 0 to 1"),
        ('chance("none", 2/100, 2.5)', "a whole number of events"),
    ],
)
def test_finance_functions_reject_impossible_terms(expr: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        evaluate(expr)


def test_black_scholes_matches_textbook_prices() -> None:
    # Hull's example (Options, Futures and Other Derivatives, 15.6): S 42, K 40, r 10 %,
    # sigma 20 %, six months: call 4.76, put 0.81.
    assert evaluate("bs_call(42, 40, 10/100, 20/100, 0.5)") == pytest.approx(4.76, abs=0.005)
    assert evaluate("bs_put(42, 40, 10/100, 20/100, 0.5)") == pytest.approx(0.81, abs=0.005)
    # At the money, one year, r 5 %, sigma 20 %: the tabulated 10.4506 and 5.5735.
    assert evaluate("bs_call(100, 100, 0.05, 0.2, 1)") == pytest.approx(10.4506, abs=1e-4)
    assert evaluate("bs_put(100, 100, 0.05, 0.2, 1)") == pytest.approx(5.5735, abs=1e-4)
    with pytest.raises(FormulaError, match="positive"):
        evaluate("bs_call(100, 100, 0.05, 0, 1)")


def test_irr_sets_the_npv_to_zero() -> None:
    # -100 now and 110 in a year: 10 %. -1000, then 300, 400, 500: 8.896 % (NPV at it ~0).
    assert evaluate("irr(-100, 110)*100") == pytest.approx(10.0, abs=1e-9)
    rate = evaluate("irr(-1000, 300, 400, 500)")
    assert rate == pytest.approx(0.08896, abs=1e-5)
    assert -1000 + 300 / (1 + rate) + 400 / (1 + rate) ** 2 + 500 / (1 + rate) ** 3 == (
        pytest.approx(0, abs=1e-6)
    )
    with pytest.raises(FormulaError, match="outlay"):
        evaluate("irr(100, 50, 60)")


def test_payback_counts_whole_years_then_the_share_of_the_next() -> None:
    # 1,000 out; 400 a year: 400, 800 after two years, the last 200 of the third year's 400
    # takes half of it: 2.5. Recovered in the first year: 1,000 of 1,500 is 2/3 of a year.
    assert evaluate("payback(1000, 400, 400, 400)") == pytest.approx(2.5, abs=1e-12)
    assert evaluate("payback(1000, 1500, 100)") == pytest.approx(2 / 3, abs=1e-12)
    # Uneven flows: 617,800 against 349,000 + 217,000 = 566,000 after two years; the rest,
    # 51,800, of the third year's 335,000: 2.154627 years.
    assert evaluate("payback(617800, 349000, 217000, 335000)") == pytest.approx(
        2 + 51800 / 335000, abs=1e-12
    )
    # Exactly recovered at a year's end, and a year with nothing coming in.
    assert evaluate("payback(800, 400, 400, 400)") == pytest.approx(2.0, abs=1e-12)
    assert evaluate("payback(500, 0, 400, 400)") == pytest.approx(2.25, abs=1e-12)
    with pytest.raises(FormulaError, match="never recover"):
        evaluate("payback(5000, 400, 400)")
    with pytest.raises(FormulaError, match="positive outlay"):
        evaluate("payback(-1000, 400, 400, 400)")


def test_option_payoffs_at_expiry() -> None:
    # Strike 50: at 58 a call is worth 8 and a put nothing; at 44 the put 6 and the call nothing.
    assert evaluate("call_payoff(58, 50)") == 8.0
    assert evaluate("put_payoff(58, 50)") == 0.0
    assert evaluate("put_payoff(44, 50)") == 6.0
    assert evaluate("call_payoff(44, 50)") == 0.0
    # 3 calls bought at 2.40: 3 * 100 * (8 - 2.40) = 1,680.
    assert evaluate("3*100*(call_payoff(58,50)-2.40)") == pytest.approx(1680.0)
    with pytest.raises(FormulaError, match="argument"):
        evaluate("call_payoff(58)")


def test_rate_solves_a_loans_periodic_rate() -> None:
    # 10,000 repaid by 12 payments at 1 % a month: annuity factor 11.2551 (tables), payment
    # 10,000 / 11.2551 = 888.49. Payments that only return the principal: a rate of zero.
    assert evaluate("rate(12, 888.49, 10000)") == pytest.approx(0.01, abs=1e-5)
    assert evaluate("rate(4, 25, 100)") == pytest.approx(0.0, abs=1e-9)
    # A 30-year mortgage of 300,000 at 5.5 % a year, monthly: the familiar 1,703.37 a month
    # (the search's low end, -99 % a month over 360 months, overflows a float on the way).
    assert evaluate("rate(360, 1703.37, 300000)*12") == pytest.approx(0.055, abs=1e-6)
    with pytest.raises(FormulaError, match="positive"):
        evaluate("rate(12, -888.49, 10000)")
    with pytest.raises(FormulaError, match="whole number"):
        evaluate("rate(12.5, 888.49, 10000)")


def test_ytm_solves_a_bonds_yield_from_its_price() -> None:
    # At par the yield is the coupon rate; 6 % coupon, 5 years at a 5 % yield: 6 * 4.329477
    # (annuity factor) + 100 * 0.783526 (discount factor) = 104.3295; a zero bought at
    # 100 / 1.06**5 = 74.7258 yields 6 %; a face of 1,000 is the fourth argument.
    assert evaluate("ytm(100, 5, 10)") == pytest.approx(0.05, abs=1e-9)
    assert evaluate("ytm(104.3295, 6, 5)") == pytest.approx(0.05, abs=1e-6)
    assert evaluate("ytm(74.7258, 0, 5)") == pytest.approx(0.06, abs=1e-6)
    assert evaluate("ytm(1043.295, 60, 5, 1000)") == pytest.approx(0.05, abs=1e-6)
    with pytest.raises(FormulaError, match="no rate"):
        evaluate("ytm(0.001, 5, 10)")  # even 1000 % a period leaves it worth ~0.5


def test_standard_deviations_sample_and_population() -> None:
    # 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32; population 32/8 = 4 -> 2,
    # sample 32/7.
    assert evaluate("pstdev(2, 4, 4, 4, 5, 5, 7, 9)") == pytest.approx(2.0)
    assert evaluate("stdev(2, 4, 4, 4, 5, 5, 7, 9)") == pytest.approx((32 / 7) ** 0.5)
    with pytest.raises(FormulaError, match="stdev"):
        evaluate("stdev(3)")


def test_deltas_match_hull_and_the_slope_of_the_price() -> None:
    # Hull, Options, Futures and Other Derivatives, example 19.1: S = 49, K = 50, r = 5 %,
    # sigma = 20 %, T = 20 weeks: a call's delta N(0.0542) = 0.522.
    assert evaluate("call_delta(49, 50, 5/100, 20/100, 0.3846)") == pytest.approx(0.522, abs=5e-4)
    # A dividend yield carries both sides by e^(-qT), and put = call - e^(-qT).
    call = evaluate("call_delta(100, 95, 3/100, 25/100, 0.5, 2/100)")
    put = evaluate("put_delta(100, 95, 3/100, 25/100, 0.5, 2/100)")
    assert call - put == pytest.approx(math.exp(-0.02 * 0.5), rel=1e-12)
    # Without dividends, the slope of bs_call / bs_put (a central difference).
    for side in ("call", "put"):
        up, down = (evaluate(f"bs_{side}({s}, 95, 0.03, 0.25, 0.5)") for s in (100.01, 99.99))
        slope = evaluate(f"{side}_delta(100, 95, 0.03, 0.25, 0.5)")
        assert slope == pytest.approx((up - down) / 0.02, abs=1e-6)
    with pytest.raises(FormulaError, match="positive spot"):
        evaluate("call_delta(100, 95, 0.03, 0, 0.5)")


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ('cross("EUR/JPY", "EUR/USD", 1.0850, "USD/JPY", 151.20)', 1.0850 * 151.20),
        ('cross("EUR/GBP", "EUR/USD", 1.0850, "GBP/USD", 1.2640)', 1.0850 / 1.2640),
        ('cross("CAD/CHF", "USD/CAD", 1.3620, "USD/CHF", 0.8840)', 0.8840 / 1.3620),
        ('cross("JPY/GBP", "USD/JPY", 150, "GBP/USD", 1.25)', 1 / (150 * 1.25)),
        # the legs in either order, the shared currency any, lower case read as upper
        ('cross("gbp/jpy", "usd/jpy", 150, "gbp/usd", 1.25)', 187.5),
        ('cross("GBP/CHF", "EUR/GBP", 0.85, "EUR/CHF", 0.95)', 0.95 / 0.85),
    ],
)
def test_cross_reads_each_legs_direction_from_its_pair(expr: str, expected: float) -> None:
    assert evaluate(expr) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ('cross("EUR/JPY", "GBP/USD", 1.26, "USD/JPY", 150)', "do not chain into EUR/JPY"),
        ('cross("EUR/EUR", "EUR/USD", 1.08, "USD/EUR", 0.9)', "not a currency pair"),
        ('cross("EURJPY", "EUR/USD", 1.08, "USD/JPY", 150)', "not a currency pair"),
        ('cross("EUR/JPY", "EUR/USD", 0, "USD/JPY", 150)', "positive quotes"),
        ('cross("EUR/JPY", 1.08, 1.08, "USD/JPY", 150)', "quoted label"),
        ('cross("EUR/JPY", "EUR/USD", "1.08", "USD/JPY", 150)', "not a number"),
        ('sqrt("EUR/USD")', "not a number"),
        ('"EUR/USD"', "not a number"),
        (f'cross("{"A" * 17}", "EUR/USD", 1.08, "USD/JPY", 150)', "label longer"),
    ],
)
def test_labels_are_read_only_where_a_function_takes_one(expr: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        evaluate(expr)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        # a US investor, EUR/USD 1.10 -> 1.00 dollars per euro, the stock 100 -> 121 euros:
        # 1.21 * 1.00 / 1.10 - 1 = 10 %
        ('foreign_return("USD", "USD per EUR", 100, 121, 1.10, 1.00)', 10.0),
        # the same trade with the rate quoted the other way (euros per dollar): divided by
        ('foreign_return("USD", "EUR per USD", 100, 121, 1/1.10, 1/1.00)', 10.0),
        # a Japanese investor, yen per dollar 150 -> 120, a dividend of 2 on 40: 1.05 * 0.8 - 1
        ('foreign_return("JPY", "JPY per USD", 40, 40, 150, 120, 2)', -16.0),
        ('foreign_return("jpy", "jpy  per  usd", 40, 40, 150, 120, 2)', -16.0),
    ],
)
def test_foreign_return_reads_the_rates_direction_from_their_units(
    expr: str, expected: float
) -> None:
    assert evaluate(expr) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ('foreign_return("GBP", "USD per EUR", 100, 121, 1.1, 1.0)', "home currency GBP"),
        ('foreign_return("USD", "USD/EUR", 100, 121, 1.1, 1.0)', "units like"),
        ('foreign_return("USD", "USD per USD", 100, 121, 1.1, 1.0)', "units like"),
        ('foreign_return("USD", "USD per EUR", 0, 121, 1.1, 1.0)', "positive"),
        ('foreign_return(1, "USD per EUR", 100, 121, 1.1, 1.0)', "quoted label"),
    ],
)
def test_foreign_return_refuses_units_that_do_not_price_the_home_currency(
    expr: str, message: str
) -> None:
    with pytest.raises(FormulaError, match=message):
        evaluate(expr)


def test_breakeven_adds_the_premium_on_the_upper_side_and_subtracts_it_on_the_lower() -> None:
    assert evaluate('breakeven("upper", 550, 8.68+27.12)') == pytest.approx(585.80)
    assert evaluate('breakeven("lower", 550, 8.68+27.12)') == pytest.approx(514.20)
    assert evaluate('breakeven("call", 85, 4.35)') == pytest.approx(89.35)
    assert evaluate('breakeven("Put", 207, 3.07)') == pytest.approx(203.93)
    with pytest.raises(FormulaError, match="one of upper, call, lower, put"):
        evaluate('breakeven("up", 550, 8)')
    with pytest.raises(FormulaError, match="at least 0"):
        evaluate('breakeven("call", 85, -4.35)')
    with pytest.raises(FormulaError, match="quoted label"):
        evaluate("breakeven(1, 85, 4.35)")


def test_normal_tail_takes_the_side_named() -> None:
    # z = (22 - 12.8) / 19.6 = 0.4694: P(Z > z) = 0.3194 (tables), P(Z < z) its complement
    above = evaluate('normal_tail("above", 22, 12.8, 19.6)')
    assert above == pytest.approx(0.3194, abs=5e-4)
    assert above + evaluate('normal_tail("below", 22, 12.8, 19.6)') == pytest.approx(1.0)
    assert evaluate('normal_tail("below", 0, 0, 1)') == pytest.approx(0.5)
    with pytest.raises(FormulaError, match="one of above, below"):
        evaluate('normal_tail("over", 22, 12.8, 19.6)')
    with pytest.raises(FormulaError, match="positive standard deviation"):
        evaluate('normal_tail("above", 22, 12.8, 0)')


def test_inflation_adjust_deflates_to_today_and_inflates_to_the_future() -> None:
    assert evaluate('inflation_adjust("today", 121000, 10/100, 2)') == pytest.approx(100000)
    assert evaluate('inflation_adjust("future", 1000, 10/100, 3)') == pytest.approx(1331)
    with pytest.raises(FormulaError, match="one of today, future"):
        evaluate('inflation_adjust("now", 1000, 0.1, 3)')
    with pytest.raises(FormulaError, match="above -100"):
        evaluate('inflation_adjust("today", 1000, -1, 3)')


def test_yield_move_prices_a_rise_as_a_loss_and_adds_convexity_where_given() -> None:
    # first order: -D x dy x 100; 20 bp on D = 5 is 1 %, 40 bp on D = 7.5 is 3 %
    assert evaluate('yield_move("up", 5, 20/10000)') == pytest.approx(-1.0)
    assert evaluate('yield_move("down", 7.5, 40/10000)') == pytest.approx(3.0)
    assert evaluate('yield_move("Rise", 5, 20/10000)') == evaluate('yield_move("up", 5, 0.002)')
    # second order: (-7 x 0.005 + 60 x 0.005^2 / 2) x 100 = -3.425; a fall gains 3.575
    assert evaluate('yield_move("up", 7, 50/10000, 60)') == pytest.approx(-3.425)
    assert evaluate('yield_move("lower", 7, 0.5/100, 60)') == pytest.approx(3.575)
    with pytest.raises(FormulaError, match="one of up, rise, higher, down, fall, lower"):
        evaluate('yield_move("sideways", 5, 0.002)')
    with pytest.raises(FormulaError, match="its direction is a word"):
        evaluate('yield_move("down", 5, -20/10000)')  # a sign and a word would cancel


def test_futures_pnl_gains_on_the_move_in_the_positions_favour() -> None:
    assert evaluate('futures_pnl("long", 2, 50, 5000, 5010)') == pytest.approx(1000.0)
    assert evaluate('futures_pnl("short", 3, 1000, 78.42, 80.10)') == pytest.approx(-5040.0)
    assert evaluate('futures_pnl("sold", 5, 5000, 4.525, 4.400)') == pytest.approx(3125.0)
    assert evaluate('futures_pnl("long", 1, 100, 2000, 1950)') == pytest.approx(-5000.0)
    with pytest.raises(FormulaError, match="one of long, bought, buy, short, sold, sell"):
        evaluate('futures_pnl("flat", 1, 100, 2000, 1950)')
    with pytest.raises(FormulaError, match="positive size"):
        evaluate('futures_pnl("long", 1, 0, 2000, 1950)')


def test_fra_settlement_pays_the_buyer_a_fixing_above_the_fra_rate_discounted() -> None:
    # 1m x (6 % - 5 %) x 90/360 = 2,500 at the period's end, / (1 + 6 % x 90/360) at its start
    assert evaluate('fra_settlement("buyer", 1000000, 5/100, 6/100, 90)') == pytest.approx(
        2500 / 1.015
    )
    assert evaluate('fra_settlement("seller", 1000000, 5/100, 6/100, 90)') == pytest.approx(
        -2500 / 1.015
    )
    # 10m x (3.6 % - 4 %) x 180/360 = -20,000, / (1 + 3.6 % x 0.5)
    assert evaluate('fra_settlement("long", 10000000, 4/100, 3.6/100, 180)') == pytest.approx(
        -20000 / 1.018
    )
    with pytest.raises(FormulaError, match="one of buyer, long, seller, short"):
        evaluate('fra_settlement("payer", 1000000, 0.05, 0.06, 90)')
    with pytest.raises(FormulaError, match="positive period"):
        evaluate('fra_settlement("buyer", 1000000, 0.05, 0.06, 0)')


def test_modified_dietz_weighs_each_labelled_flow_by_its_time_in_the_account() -> None:
    # (125,000 - 100,000 - 20,000) / (100,000 + 20,000 x 20/30) = 5,000 / 113,333 = 4.4118 %
    assert evaluate('modified_dietz(100000, 125000, "deposit", 20000, 20/30)') == pytest.approx(
        4.41176, abs=1e-5
    )
    # a withdrawal adds back to the gain and leaves the capital: 80,000 / 1,140,000 = 7.0175 %
    withdrawal = 'modified_dietz(1200000, 1180000, "withdrawal", 100000, 219/365)'
    assert evaluate(withdrawal) == pytest.approx(7.01754, abs=1e-5)
    # two flows: (279,000 - 250,000 - 15,000) / (250,000 + 20,000 - 15,000 x 25/90) = 5.2665 %
    both = 'modified_dietz(250000, 279000, "deposit", 30000, 60/90, "out", 15000, 25/90)'
    assert evaluate(both) == pytest.approx(5.26646, abs=1e-5)
    for bad, message in (
        ('modified_dietz(100, 110, "deposit", 5)', "takes 5 to 64 arguments"),
        ('modified_dietz(100, 110, "deposit", 5, 0.5, "deposit")', "a direction, an amount"),
        ('modified_dietz(100, 110, "withdrawal", -5, 0.5)', "its direction is a word"),
        ('modified_dietz(100, 110, "deposit", 5, 1.5)', "0 to 1"),
        ('modified_dietz(100, 110, "transfer", 5, 0.5)', "one of deposit, in, withdrawal, out"),
        ("modified_dietz(100, 110, 1, 5, 0.5)", "quoted label"),
    ):
        with pytest.raises(FormulaError, match=message):
            evaluate(bad)


def test_time_weighted_chains_the_growth_between_labelled_flows() -> None:
    # 230,000 / 250,000 x 262,000 / (230,000 + 40,000) - 1 = 0.92 x 0.97037 - 1 = -10.7259 %
    one = 'time_weighted(250000, 230000, "deposit", 40000, 262000)'
    assert evaluate(one) == pytest.approx(-10.72593, abs=1e-5)
    # 53,200/50,000 x 46,100/48,200 x 57,800/56,100 - 1 = 4.8481 %
    two = 'time_weighted(50000, 53200, "withdrawal", 5000, 46100, "deposit", 10000, 57800)'
    assert evaluate(two) == pytest.approx(4.84808, abs=1e-5)
    for bad, message in (
        ('time_weighted(100, 110, "deposit", 5, 120, "out")', "value, direction, size"),
        ('time_weighted(100, 110, "withdrawal", 200, 50)', "positive value after every flow"),
        ('time_weighted(100, 110, "deposit", -5, 120)', "its direction is a word"),
    ):
        with pytest.raises(FormulaError, match=message):
            evaluate(bad)


def test_forward_rate_and_points_read_which_growth_divides_from_the_pair() -> None:
    # EUR/USD 1.0850, USD 5.30 % and EUR 3.75 % for 91 days (act/360):
    # 1.0850 x 1.013397 / 1.009479 = 1.089211: +42.11 pips
    usd, eur = "1+5.30/100*91/360", "1+3.75/100*91/360"
    points = f'forward_points("EUR/USD", 1.0850, "USD", {usd}, "EUR", {eur})'
    assert evaluate(points) == pytest.approx(42.1117, abs=1e-3)
    swapped = f'forward_points("EUR/USD", 1.0850, "EUR", {eur}, "USD", {usd})'
    assert evaluate(swapped) == pytest.approx(evaluate(points))  # the codes place the growth
    outright = f'forward_rate("EUR/USD", 1.0850, "USD", {usd}, "EUR", {eur})'
    assert evaluate(outright) == pytest.approx(1.0850 + 42.1117 / 10000, abs=1e-7)
    # annually compounded over 2 years: 1.2273 x (1.0345 / 1.0086)^2 = 1.29114
    compounded = 'forward_rate("EUR/USD", 1.2273, "USD", (1+3.45/100)**2, "EUR", (1+0.86/100)**2)'
    assert evaluate(compounded) == pytest.approx(1.291141, abs=1e-6)
    # a yen quote is in pips of 0.01 yen: USD/JPY 151.20, USD 5.35 %, JPY 0.10 %, 182 days
    yen = 'forward_points("USD/JPY", 151.20, "JPY", 1+0.10/100*182/360, "USD", 1+5.35/100*182/360)'
    assert evaluate(yen) == pytest.approx(-390.7415, abs=1e-3)
    with pytest.raises(FormulaError, match="the growth of EUR and of USD"):
        evaluate('forward_rate("EUR/USD", 1.085, "EUR", 1.01, "GBP", 1.02)')
    with pytest.raises(FormulaError, match="positive spot"):
        evaluate('forward_points("EUR/USD", 0, "EUR", 1.01, "USD", 1.02)')


def test_dated_cash_flows_take_their_pairs_in_any_order() -> None:
    # 500/1.1 + 600/1.21 - 1,000 = 454.5455 + 495.8678 - 1,000 = -49.5868
    in_order = 'dated_npv(0.10, "t0", -1000, "t1", 500, "t2", 600)'
    assert evaluate(in_order) == pytest.approx(-49.58678, abs=1e-5)
    assert evaluate('dated_npv(0.10, "t2", 600, "t0", -1000, "t1", 500)') == evaluate(in_order)
    # a time no pair names has no flow: 1,210 / 1.1^2 = 1,000
    assert evaluate('dated_npv(0.10, "t0", -1000, "t2", 1210)') == pytest.approx(0, abs=1e-9)
    assert evaluate('dated_irr("t2", 1210, "t0", -1000)') == pytest.approx(0.10, abs=1e-9)
    assert evaluate('dated_irr("t0", -1000, "t1", 1100)') == pytest.approx(0.10, abs=1e-9)
    # 600 back in year 1, the other 400 of year 2's 600: 1 + 400/600
    payback = 'dated_payback("t1", 600, "t0", -1000, "t2", 600)'
    assert evaluate(payback) == pytest.approx(1 + 400 / 600)
    # other spellings of a time
    assert evaluate('dated_irr("T0", -1000, "y1", 1100)') == pytest.approx(0.10)
    assert evaluate('dated_irr("year 0", -1000, "Year 1", 1100)') == pytest.approx(0.10)


def test_two_asset_vol_weighs_each_vol_by_its_share_of_the_two() -> None:
    # 60/40, vols 18 % and 6 %, correlation -0.2: 10.8^2 + 2.4^2 - 2 x 0.2 x 10.8 x 2.4 = 112.032
    assert evaluate("two_asset_vol(60, 18, 40, 6, -0.2)") == pytest.approx(math.sqrt(112.032))
    # weights as fractions or as money: the same shares
    assert evaluate("two_asset_vol(0.6, 18, 0.4, 6, -0.2)") == pytest.approx(math.sqrt(112.032))
    assert evaluate("two_asset_vol(60000, 18, 40000, 6, -0.2)") == pytest.approx(math.sqrt(112.032))
    # perfectly correlated: the weighted average of the vols; perfectly opposed: their gap
    assert evaluate("two_asset_vol(50, 10, 50, 20, 1)") == pytest.approx(15.0)
    assert evaluate("two_asset_vol(50, 10, 50, 20, -1)") == pytest.approx(5.0)


def test_growing_perpetuity_grows_a_just_paid_payment_a_year_first() -> None:
    # next dividend 2.00 at 10 % required and 5 % growth: 2.00 / 0.05 = 40
    assert evaluate('growing_perpetuity("next", 2.00, 10/100, 5/100)') == pytest.approx(40.0)
    # 1.80 just paid: next year's is 1.89, so 1.89 / 0.05 = 37.80
    assert evaluate('growing_perpetuity("just paid", 1.80, 10/100, 5/100)') == pytest.approx(37.8)
    assert evaluate('growing_perpetuity("D0", 2.50, 10/100, 4/100)') == pytest.approx(2.6 / 0.06)
    assert evaluate('growing_perpetuity("Expected", 2.50, 10/100, 4/100)') == pytest.approx(
        2.5 / 0.06
    )


def test_fcff_takes_off_a_working_capital_increase_and_adds_a_decrease() -> None:
    # 84m x 0.75 + 12m - 15m = 60m; an increase of 3m ties up cash, a decrease releases it
    assert evaluate('fcff(84e6, 25/100, 12e6, 15e6, "increase", 3e6)') == pytest.approx(57e6)
    assert evaluate('fcff(84e6, 25/100, 12e6, 15e6, "decrease", 3e6)') == pytest.approx(63e6)
    assert evaluate('fcff(1000, 0.25, 200, 300, "Rose", 50)') == pytest.approx(600.0)


def test_convert_multiplies_into_the_pairs_second_currency_and_divides_into_its_first() -> None:
    # EUR/USD 1.0800: 2,000 EUR are 2,160 USD, and 2,000 USD are 1,851.85 EUR
    assert evaluate('convert(2000, "USD", "EUR/USD", 1.08)') == pytest.approx(2160.0)
    assert evaluate('convert(2000, "EUR", "EUR/USD", 1.08)') == pytest.approx(1851.851852)
    # USD/JPY 135.18: 20,081 USD into yen
    assert evaluate('convert(20081, "jpy", "usd/jpy", 135.18)') == pytest.approx(2714549.58)


def test_expected_shortfall_averages_the_worst_outcomes_in_any_order() -> None:
    # the 5 worst of seven P&Ls: (84,200 + 71,500 + 66,900 + 58,300 + 52,100) / 5 = 66,600
    listed = "-84200, -71500, -66900, -58300, -52100, -47800, -45000"
    assert evaluate(f"expected_shortfall(5, {listed})") == pytest.approx(66600.0)
    assert evaluate("expected_shortfall(2, -45000, -84200, -71500)") == pytest.approx(77850.0)
    # the count from confidence and scenarios: 200 x 2.5 % = 5 (floating point: 5.000000000004)
    assert evaluate(f"expected_shortfall(200*(1-97.5/100), {listed})") == pytest.approx(66600.0)


def test_per_month_keeps_a_monthly_amount_and_takes_a_twelfth_of_a_yearly_one() -> None:
    # $78,000 a year is $6,500 a month; debts of 1,650 + 420 + 280 = 2,350 are 36.15 % of it
    assert evaluate('per_month(78000, "year")') == pytest.approx(6500.0)
    assert evaluate('per_month(6500, "month")') == pytest.approx(6500.0)
    assert evaluate('(1650+420+280)/per_month(78000, "a year")*100') == pytest.approx(36.153846)
    assert evaluate('per_month(96000, "Annually")') == evaluate('per_month(8000, "Monthly")')


def test_periods_scales_a_term_in_years_and_keeps_a_count() -> None:
    # 5 years of monthly payments are 60; "60 monthly payments" are 60 whatever else is given
    assert evaluate('periods(5, "years", 12)') == 60.0
    assert evaluate('periods(60, "payments")') == 60.0
    assert evaluate('periods(60, "Months", 12)') == 60.0
    assert evaluate('periods(2.5, "yrs", 4)') == 10.0
    # in a payment: $28,500 over 60 months at 6.9 % APR is 562.99 a month either way
    years = 'pmt(6.9/100/12, periods(5, "years", 12), 28500)'
    assert evaluate(years) == evaluate('pmt(6.9/100/12, periods(60, "payments"), 28500)')
    assert evaluate(years) == pytest.approx(562.99049, rel=1e-6)


def test_sale_price_divides_for_a_margin_on_price_and_multiplies_for_a_markup_on_cost() -> None:
    # cost 40 at a 35 % margin on price: 40 / 0.65 = 61.54, of which 21.54 (35 %) is margin;
    # at a 35 % markup on cost: 40 x 1.35 = 54
    margin = evaluate('sale_price(40, 35/100, "margin")')
    assert margin == pytest.approx(61.538462)
    assert (margin - 40) / margin == pytest.approx(0.35)
    assert evaluate('sale_price(40, 35/100, "Mark-up")') == pytest.approx(54.0)
    assert evaluate('sale_price(60, 40/100, "gross margin")') == pytest.approx(100.0)
    assert evaluate('sale_price(12.5, 100/100, "markup on cost")') == pytest.approx(25.0)


def test_per_year_counts_twelve_monthly_payments_and_keeps_a_yearly_one() -> None:
    # NOI 96,500 a year against 6,180 a month: 96,500 / 74,160 = 1.3012
    assert evaluate('per_year(6180, "month")') == pytest.approx(74160.0)
    assert evaluate('per_year(109000, "year")') == pytest.approx(109000.0)
    assert evaluate('96500/per_year(6180, "Monthly")') == pytest.approx(1.301241)
    assert evaluate('per_year(per_month(78000, "year"), "month")') == pytest.approx(78000.0)


def test_chance_takes_at_least_one_and_none_as_complements() -> None:
    # 12 loans, each defaulting with 2.5 %: none 0.975^12 = 0.738, at least one 0.262
    none = evaluate('chance("none", 2.5/100, 12)')
    assert none == pytest.approx(0.975**12)
    assert evaluate('chance("at least one", 2.5/100, 12)') == pytest.approx(1 - none)
    assert evaluate('chance("Any", 42/100, 6)*100') == pytest.approx(96.193131, rel=1e-6)
    assert evaluate('chance("none", 0/100, 5)') == 1.0
