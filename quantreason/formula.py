"""Safe evaluation of answer formulas: ``evaluate("10000*(1+5/100)**3") -> 11576.25``.

The model writes a formula; we compute its value (program-of-thought), so exact arithmetic
never depends on the model. The input is untrusted model output: it is parsed with ``ast``
and only a small grammar is walked. Never ``eval``/``exec``.

Grammar: numbers, ``+ - * / **``, unary ``+``/``-``, parentheses, the constants ``pi`` and
``e``, and calls of the whitelisted functions in :data:`FUNCTIONS`; a quoted label (a currency
pair ``"EUR/USD"``, a rate's units ``"JPY per USD"``, a side ``"upper"``) only where
:data:`LABEL_ARGUMENTS` names one. Anything else raises :class:`FormulaError` naming what was
rejected. Length, nesting depth, argument count, exponent size and intermediate magnitude are
bounded so hostile input fails fast.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Mapping
from statistics import NormalDist
from typing import TypeVar

MAX_LENGTH = 1000  # characters; real formulas are < 200
MAX_BRACKETS = 30  # bracket nesting; Python's parser itself gives up near 200
MAX_DEPTH = 200  # AST depth: "1+1+...+1" nests one level per term
MAX_ARGS = 64
MAX_EXPONENT = 20000.0  # |b| in a**b; daily compounding over 50 years is 18,250 periods
MAX_MAGNITUDE = 1e100  # any intermediate value beyond this is a mistake, not finance


class FormulaError(ValueError):
    """The formula is not in the grammar, or its value is undefined or out of bounds."""


def max_drawdown(*prices: float) -> float:
    """Largest peak-to-trough fall of a price path, as a positive fraction (0.25 = 25 %)."""
    if len(prices) < 2:
        raise FormulaError("max_drawdown needs at least two prices")
    if any(p <= 0 for p in prices):
        raise FormulaError("max_drawdown needs positive prices")
    peak, worst = prices[0], 0.0
    for price in prices[1:]:
        peak = max(peak, price)
        worst = max(worst, (peak - price) / peak)
    return worst


def _argbest(values: tuple[float, ...], pick: Callable[..., float]) -> float:
    best = pick(values)
    return float(values.index(best) + 1)  # 1-based: "the first fund" is 1


def _log(x: float, base: float | None = None) -> float:
    return math.log(x) if base is None else math.log(x, base)


def _round(x: float, ndigits: float = 0) -> float:
    if ndigits != int(ndigits) or not 0 <= ndigits <= 15:
        raise FormulaError("round's digits must be a whole number from 0 to 15")
    return float(round(x, int(ndigits)))


def _norm_ppf(p: float) -> float:
    if not 0 < p < 1:
        raise FormulaError("norm_ppf needs a probability strictly between 0 and 1")
    return NormalDist().inv_cdf(p)


MAX_PERIODS = 1000  # nper in pv/pmt: 83 years of monthly payments


def _periods(nper: float) -> int:
    if nper != int(nper) or not 1 <= nper <= MAX_PERIODS:
        raise FormulaError(f"the number of periods must be a whole number from 1 to {MAX_PERIODS}")
    return int(nper)


def _discount_factors(rate: float, periods: int) -> list[float]:
    if rate <= -1:
        raise FormulaError("a discount rate must be above -100 %")
    return [(1 + rate) ** -period for period in range(1, periods + 1)]


def npv(rate: float, *cash_flows: float) -> float:
    """Excel's NPV: cash flows at the ends of periods 1, 2, ... discounted at ``rate`` (0.08)."""
    return math.fsum(
        cf * df for cf, df in zip(cash_flows, _discount_factors(rate, len(cash_flows)), strict=True)
    )


def pv(rate: float, nper: float, payment: float, future_value: float = 0.0) -> float:
    """Value today of ``payment`` at the end of each of ``nper`` periods plus ``future_value``
    at the end (a bond: coupon and face). Positive, unlike Excel's sign convention."""
    factors = _discount_factors(rate, _periods(nper))
    return payment * math.fsum(factors) + future_value * factors[-1]


def pmt(rate: float, nper: float, present_value: float) -> float:
    """Level payment per period that repays ``present_value`` in ``nper`` periods (positive)."""
    return present_value / math.fsum(_discount_factors(rate, _periods(nper)))


def macaulay(rate: float, nper: float, payment: float, future_value: float = 100.0) -> float:
    """Macaulay duration, in periods, of ``payment`` at the end of each of ``nper`` periods plus
    ``future_value`` at the end, at yield ``rate`` per period (default face 100: a coupon given
    as a percent of par)."""
    factors = _discount_factors(rate, _periods(nper))
    flows = [payment * df for df in factors]
    flows[-1] += future_value * factors[-1]
    price = math.fsum(flows)
    if price <= 0:
        raise FormulaError("macaulay needs a positive bond price")
    return math.fsum(t * flow for t, flow in enumerate(flows, start=1)) / price


def _stdev(*values: float, population: bool = False) -> float:
    if len(values) < 2:
        raise FormulaError("a standard deviation needs at least two values")
    mean = math.fsum(values) / len(values)
    squares = math.fsum((x - mean) ** 2 for x in values)
    return math.sqrt(squares / (len(values) if population else len(values) - 1))


RATE_LOW, RATE_HIGH = -0.99, 10.0  # the rates the solvers search: -99 % to 1000 % a period


def _solve_rate(excess: Callable[[float], float], name: str) -> float:
    """The rate in [RATE_LOW, RATE_HIGH] where ``excess`` (a present value minus its target,
    falling as the rate rises) is zero, by bisection: robust where Newton's method can jump."""

    def sign(rate: float) -> float:
        try:
            return excess(rate)
        except OverflowError:  # near -99 % over hundreds of periods: worth more than any target
            return math.inf

    low, high = RATE_LOW, RATE_HIGH
    if sign(low) < 0 or sign(high) > 0:
        raise FormulaError(f"{name}: no rate between -99 % and 1000 % a period fits")
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if sign(middle) > 0 else (low, middle)
    return (low + high) / 2


def irr(*cash_flows: float) -> float:
    """Rate per period (0.12 = 12 %) at which the cash flows, the first now and one a period
    after it, have a net present value of zero. Needs a sign change (an outlay then inflows)."""
    if len(cash_flows) < 2 or cash_flows[0] >= 0 or math.fsum(cash_flows[1:]) <= 0:
        raise FormulaError("irr needs an outlay first (negative) and inflows after it")
    return _solve_rate(
        lambda rate: math.fsum(cf / (1 + rate) ** t for t, cf in enumerate(cash_flows)), "irr"
    )


def payback(outlay: float, *inflows: float) -> float:
    """Simple payback period, in periods: the whole periods whose inflows stay below ``outlay``
    plus the share of the next period's inflow still needed, each inflow arriving evenly
    through its period (a project paid back by year 2.4). A helper, so that the model copies
    the flows in order and never sums them in its head to find the year of recovery."""
    if outlay <= 0 or any(inflow < 0 for inflow in inflows):
        raise FormulaError("payback needs a positive outlay first and inflows of at least 0")
    recovered = 0.0
    for period, inflow in enumerate(inflows):
        if inflow > 0 and recovered + inflow >= outlay:
            return period + (outlay - recovered) / inflow
        recovered += inflow
    raise FormulaError("payback: the inflows never recover the outlay")


# A cash flow's time in a dated list: "t0" now, "t1" one period later, ... ("y3", "year 3" too).
_FLOW_TIME = re.compile(r"(?:T|Y|YEAR ?)(\d{1,4})")


def _dated_flows(function: str, pairs: tuple[float | str, ...]) -> list[float]:
    """``("t0", amount, "t2", amount, ...)``, the pairs in any order, as the flows at times 0,
    1, 2, ... (a time not named has none). The question's order can be copied as it stands, so
    a list given out of order ("year 3: ..., year 1: ...") is never reordered in the reply. A
    time named twice is refused: a flow copied twice is a mistake, not a sum."""
    if len(pairs) < 4 or len(pairs) % 2:
        raise FormulaError(
            f'{function}() takes each cash flow as its time and amount: "t0", -1000, "t1", 600'
        )
    flows: dict[int, float] = {}
    for label, amount in zip(pairs[::2], pairs[1::2], strict=True):
        match = _FLOW_TIME.fullmatch(str(label).strip().upper())
        if match is None:
            raise FormulaError(
                f'{function}() labels each flow with its time ("t0", "t1", ...), not {label!r}'
            )
        time = int(match.group(1))
        if time > MAX_PERIODS:
            raise FormulaError(f"{function}() takes times from t0 to t{MAX_PERIODS}")
        if time in flows:
            raise FormulaError(f"{function}() names time t{time} twice")
        flows[time] = float(amount)
    return [flows.get(time, 0.0) for time in range(max(flows) + 1)]


def dated_npv(rate: float, *pairs: float | str) -> float:
    """Net present value at ``rate`` per period (0.08) of cash flows each labelled with its
    time, the outlay included: ``dated_npv(0.08, "t0", -1000, "t2", 600, "t1", 500)``. Unlike
    Excel's NPV the flow at ``"t0"`` is not discounted."""
    now, *later = _dated_flows("dated_npv", pairs)  # two times at least: t1 onward is npv's
    return now + npv(rate, *later)


def dated_irr(*pairs: float | str) -> float:
    """:func:`irr` of cash flows each labelled with its time (pairs in any order, the outlay at
    ``"t0"`` negative): ``dated_irr("t0", -1000, "t1", 600, "t2", 600)``."""
    return irr(*_dated_flows("dated_irr", pairs))


def dated_payback(*pairs: float | str) -> float:
    """:func:`payback` of cash flows each labelled with its time (pairs in any order): the
    outlay at ``"t0"`` negative, inflows after it: ``dated_payback("t0", -1000, "t1", 600,
    "t2", 600)`` is 1.67 periods."""
    outlay, *inflows = _dated_flows("dated_payback", pairs)
    if outlay >= 0:
        raise FormulaError("dated_payback() needs the outlay at t0, negative")
    return payback(-outlay, *inflows)


def rate(nper: float, payment: float, present_value: float) -> float:
    """Rate per period (Excel's RATE, signs positive) at which ``payment`` at the end of each of
    ``nper`` periods repays ``present_value``: a loan's monthly rate from its payment."""
    periods = _periods(nper)
    if payment <= 0 or present_value <= 0:
        raise FormulaError("rate needs a positive payment and a positive present value")
    return _solve_rate(lambda r: pv(r, periods, payment) - present_value, "rate")


def ytm(price: float, payment: float, nper: float, future_value: float = 100.0) -> float:
    """Yield per period of a bond bought at ``price`` paying ``payment`` at the end of each of
    ``nper`` periods and ``future_value`` (default face 100: prices quoted per 100) at the end."""
    periods = _periods(nper)
    if price <= 0 or payment < 0 or future_value <= 0:
        raise FormulaError("ytm needs a positive price and face value and a coupon of at least 0")
    return _solve_rate(lambda r: pv(r, periods, payment, future_value) - price, "ytm")


def _d1(
    spot: float, strike: float, rate: float, vol: float, years: float, dividend_yield: float = 0.0
) -> tuple[float, float]:
    """Black-Scholes-Merton (d1, sigma * sqrt(T)): ``rate``, ``vol`` and ``dividend_yield`` as
    fractions a year (0.05, 0.2), the rate and yield continuously compounded, ``years`` to
    expiry."""
    if spot <= 0 or strike <= 0 or vol <= 0 or years <= 0:
        raise FormulaError("Black-Scholes needs a positive spot, strike, volatility and time")
    root = vol * math.sqrt(years)
    return (math.log(spot / strike) + (rate - dividend_yield + vol * vol / 2) * years) / root, root


def _black_scholes(
    spot: float, strike: float, rate: float, vol: float, years: float
) -> tuple[float, float]:
    """(call, put) of a European option without dividends (the units of :func:`_d1`)."""
    d1, root = _d1(spot, strike, rate, vol, years)
    d2 = d1 - root
    cdf, discounted = NormalDist().cdf, strike * math.exp(-rate * years)
    return spot * cdf(d1) - discounted * cdf(d2), discounted * cdf(-d2) - spot * cdf(-d1)


def bs_call(spot: float, strike: float, rate: float, vol: float, years: float) -> float:
    """Black-Scholes price of a European call (see :func:`_black_scholes` for the units)."""
    return _black_scholes(spot, strike, rate, vol, years)[0]


def bs_put(spot: float, strike: float, rate: float, vol: float, years: float) -> float:
    """Black-Scholes price of a European put (see :func:`_black_scholes` for the units)."""
    return _black_scholes(spot, strike, rate, vol, years)[1]


def _deltas(
    spot: float, strike: float, rate: float, vol: float, years: float, dividend_yield: float
) -> tuple[float, float]:
    """(call, put) Black-Scholes-Merton delta (the units of :func:`_d1`)."""
    d1, _ = _d1(spot, strike, rate, vol, years, dividend_yield)
    carry, cdf = math.exp(-dividend_yield * years), NormalDist().cdf(d1)
    return carry * cdf, carry * (cdf - 1)


def call_delta(
    spot: float, strike: float, rate: float, vol: float, years: float, dividend_yield: float = 0.0
) -> float:
    """A European call's delta, e^(-qT) N(d1) (between 0 and 1)."""
    return _deltas(spot, strike, rate, vol, years, dividend_yield)[0]


def put_delta(
    spot: float, strike: float, rate: float, vol: float, years: float, dividend_yield: float = 0.0
) -> float:
    """A European put's delta, e^(-qT) (N(d1) - 1) (between -1 and 0)."""
    return _deltas(spot, strike, rate, vol, years, dividend_yield)[1]


_PAIR = re.compile(r"([A-Z]{3})/([A-Z]{3})")


def _currency_pair(text: str) -> tuple[str, str]:
    match = _PAIR.fullmatch(text.strip().upper())
    if match is None or match.group(1) == match.group(2):
        raise FormulaError(f"{text!r} is not a currency pair like 'EUR/USD'")
    return match.group(1), match.group(2)


def convert(amount: float, target: str, pair: str, rate: float) -> float:
    """``amount`` converted into the ``target`` currency at ``rate``, the price of the ``pair``'s
    first currency in its second: multiplied into the second, divided into the first, so the
    reply names where the money goes and never chooses (run BR chose wrong in 3 of its 5
    tuning-set misses; experiments.md, session 39)."""
    base, quote = _currency_pair(pair)
    code = target.strip().upper()
    if code not in (base, quote):
        raise FormulaError(f"convert() converts into a currency of {base}/{quote}, not {target!r}")
    if rate <= 0:
        raise FormulaError("convert() needs a positive rate")
    return amount * rate if code == quote else amount / rate


def cross(
    target: str, first_pair: str, first_rate: float, second_pair: str, second_rate: float
) -> float:
    """The ``target`` pair's rate (``"EUR/JPY"``: yen one euro buys) from two quotes that share a
    currency, each pair as the market quotes it (``"EUR/USD", 1.085, "USD/JPY", 151.2``).
    Which quote to invert is read from the pairs, not left to the formula's writer: the
    direction of each leg was what replies got wrong (experiments.md, session 37)."""
    base, quote = _currency_pair(target)
    legs: dict[tuple[str, str], float] = {}
    for pair, value in ((first_pair, first_rate), (second_pair, second_rate)):
        if value <= 0:
            raise FormulaError("cross() needs positive quotes")
        one, other = _currency_pair(pair)
        legs[(one, other)], legs[(other, one)] = value, 1 / value
    for (start, via), first in legs.items():
        if start == base and (via, quote) in legs and via != quote:
            return first * legs[(via, quote)]
    raise FormulaError(f"{first_pair} and {second_pair} do not chain into {target}")


def _parity_forward(
    function: str,
    pair: str,
    spot: float,
    first: str,
    first_growth: float,
    second: str,
    second_growth: float,
) -> tuple[float, str]:
    """The covered-interest-parity forward of ``pair`` and its quote currency. Each currency's
    growth over the term (``1+3.75/100*91/360``, ``(1+2.1/100)**3``) is named by its code, in
    either order; which one divides is read from the pair, as in :func:`cross`: which rate went
    on top was what replies got wrong (experiments.md, session 38)."""
    base, quote = _currency_pair(pair)
    growth = {first.strip().upper(): first_growth, second.strip().upper(): second_growth}
    if set(growth) != {base, quote}:
        raise FormulaError(f"{function}() needs the growth of {base} and of {quote}")
    if spot <= 0 or min(growth.values()) <= 0:
        raise FormulaError(f"{function}() needs a positive spot and positive growth factors")
    return spot * growth[quote] / growth[base], quote


def forward_rate(
    pair: str, spot: float, first: str, first_growth: float, second: str, second_growth: float
) -> float:
    """The forward rate of ``pair`` (``"EUR/USD"``) by covered interest parity: spot times the
    quote currency's growth over the term, divided by the base currency's."""
    forward, _ = _parity_forward(
        "forward_rate", pair, spot, first, first_growth, second, second_growth
    )
    return forward


def forward_points(
    pair: str, spot: float, first: str, first_growth: float, second: str, second_growth: float
) -> float:
    """:func:`forward_rate` less spot in pips: times 100 where the quote currency is the yen,
    10,000 otherwise."""
    forward, quote = _parity_forward(
        "forward_points", pair, spot, first, first_growth, second, second_growth
    )
    return (forward - spot) * (100 if quote == "JPY" else 10000)


_PER = re.compile(r"([A-Z]{3}) PER ([A-Z]{3})")


def foreign_return(
    home: str,
    quote: str,
    buy_price: float,
    sell_price: float,
    buy_rate: float,
    sell_rate: float,
    dividend: float = 0.0,
) -> float:
    """The return in percent, in the ``home`` currency (``"JPY"``), on a foreign stock bought
    and sold at local prices, the dividend converted at the sale's rate; both rates quoted
    as ``quote`` says (``"JPY per USD"``: multiplied by, home per foreign; ``"USD per JPY"``:
    divided by). As in :func:`cross`, the direction is read from the labels."""
    home_code = home.strip().upper()
    match = _PER.fullmatch(" ".join(quote.upper().split()))
    if match is None or match.group(1) == match.group(2):
        raise FormulaError(f"{quote!r} is not a rate's units like 'JPY per USD'")
    if home_code not in match.groups():
        raise FormulaError(f"{quote} does not price the home currency {home}")
    if min(buy_price, buy_rate, sell_rate) <= 0:
        raise FormulaError("foreign_return() needs a positive purchase price and rates")
    growth = (sell_rate / buy_rate) if match.group(1) == home_code else (buy_rate / sell_rate)
    return ((sell_price + dividend) / buy_price * growth - 1) * 100


_Choice = TypeVar("_Choice")
# Which way a breakeven lies from its strike: a call's and a straddle's upper one above it.
BREAKEVEN_SIDES = {"UPPER": 1.0, "CALL": 1.0, "LOWER": -1.0, "PUT": -1.0}


def _chosen(function: str, label: str, choices: Mapping[str, _Choice]) -> _Choice:
    """What ``label`` (a side word, any case) stands for among ``choices``."""
    value = choices.get(label.strip().upper())
    if value is None:
        names = ", ".join(name.lower() for name in choices)
        raise FormulaError(f"{function}() takes one of {names}, not {label!r}")
    return value


def breakeven(side: str, strike: float, premium: float) -> float:
    """A long option's or straddle's breakeven at expiry, per share: ``strike + premium`` on the
    ``"upper"`` side (or for a ``"call"``), ``strike - premium`` on the ``"lower"`` (a
    ``"put"``). Like :func:`cross`, the side is a word the question shows, not a sign."""
    sign = _chosen("breakeven", side, BREAKEVEN_SIDES)
    if premium < 0:
        raise FormulaError("breakeven() needs a premium of at least 0")
    return strike + sign * premium


def normal_tail(side: str, threshold: float, mean: float, sd: float) -> float:
    """The chance, as a fraction, that a normal outcome with ``mean`` and standard deviation
    ``sd`` lands ``"above"`` or ``"below"`` ``threshold`` (the side a word, as in
    :func:`breakeven`)."""
    above = _chosen("normal_tail", side, {"ABOVE": True, "BELOW": False})
    if sd <= 0:
        raise FormulaError("normal_tail() needs a positive standard deviation")
    below = NormalDist(mean, sd).cdf(threshold)
    return 1 - below if above else below


def inflation_adjust(when: str, amount: float, rate: float, years: float) -> float:
    """``amount`` moved through ``years`` of inflation at ``rate`` (a fraction a year): a future
    sum in ``"today"``'s money (divided by the growth), or today's sum at its ``"future"`` cost
    (multiplied)."""
    direction = _chosen("inflation_adjust", when, {"TODAY": -1.0, "FUTURE": 1.0})
    if rate <= -1 or years < 0:
        raise FormulaError("inflation_adjust() needs a rate above -100 % and years of at least 0")
    return amount * (1 + rate) ** (direction * years)


# The direction words each side label may use, canonical first (the one the data writes).
YIELD_DIRECTIONS = {
    "UP": 1.0,
    "RISE": 1.0,
    "HIGHER": 1.0,
    "DOWN": -1.0,
    "FALL": -1.0,
    "LOWER": -1.0,
}
POSITION_SIDES = {"LONG": 1.0, "BOUGHT": 1.0, "BUY": 1.0, "SHORT": -1.0, "SOLD": -1.0, "SELL": -1.0}
FRA_SIDES = {"BUYER": 1.0, "LONG": 1.0, "SELLER": -1.0, "SHORT": -1.0}


def yield_move(direction: str, duration: float, size: float, convexity: float = 0.0) -> float:
    """A bond's approximate price change, in percent, when its yield moves ``size`` (a decimal:
    25 bp is 0.0025) ``"up"`` or ``"down"``: ``-duration * dy``, plus ``convexity * dy**2 / 2``
    where a convexity is given. The direction is a word, the size never signed: written as a
    sign, run BR priced "yields decrease 74 bp" as a rise (experiments.md, session 38)."""
    sign = _chosen("yield_move", direction, YIELD_DIRECTIONS)
    if size < 0:
        raise FormulaError(
            "yield_move() takes the move's size (at least 0); its direction is a word"
        )
    dy = sign * size
    return (-duration * dy + convexity * dy * dy / 2) * 100


def futures_pnl(side: str, contracts: float, size: float, entry: float, exit_: float) -> float:
    """A closed futures position's profit (negative: a loss): contracts x contract size x the
    price change in the position's favour, exit less entry for a ``"long"``, entry less exit
    for a ``"short"``."""
    sign = _chosen("futures_pnl", side, POSITION_SIDES)
    if contracts < 0 or size <= 0:
        raise FormulaError("futures_pnl() needs a contract count of at least 0 and a positive size")
    return sign * contracts * size * (exit_ - entry)


def fra_settlement(
    side: str, notional: float, fra_rate: float, fixing: float, days: float
) -> float:
    """An FRA's cash settlement at the start of its period to the ``"buyer"`` (who pays the
    fixed ``fra_rate``) or the ``"seller"``: the interest difference on ``notional`` over
    ``days`` (act/360) discounted at the ``fixing``; rates as decimals."""
    sign = _chosen("fra_settlement", side, FRA_SIDES)
    if notional < 0 or days <= 0:
        raise FormulaError("fra_settlement() needs a notional of at least 0 and a positive period")
    accrual = days / 360
    return sign * notional * (fixing - fra_rate) * accrual / (1 + fixing * accrual)


# Which way an external flow moved money: into the account or out of it.
FLOW_DIRECTIONS = {"DEPOSIT": 1.0, "IN": 1.0, "WITHDRAWAL": -1.0, "OUT": -1.0}


def _signed_flows(function: str, groups: tuple) -> list[tuple[float, float]]:
    """``(label, amount, x)`` triples as ``(signed amount, x)``: a deposit's amount positive, a
    withdrawal's negative. The amount is never signed: the label gives its direction."""
    if len(groups) % 3:
        raise FormulaError(
            f"{function}() takes each flow as a direction, an amount and a third value"
        )
    flows = []
    for label, amount, extra in zip(groups[::3], groups[1::3], groups[2::3], strict=True):
        sign = _chosen(function, label, FLOW_DIRECTIONS)
        if amount < 0:
            raise FormulaError(
                f"{function}() takes each flow's size (at least 0); its direction is a word"
            )
        flows.append((sign * amount, extra))
    return flows


def modified_dietz(begin: float, end: float, *flows: float | str) -> float:
    """The Modified Dietz return in percent: ``(end - begin - net flows) / (begin + each flow x
    the fraction of the period it was in the account)``. Each flow is three arguments: a
    ``"deposit"`` or ``"withdrawal"``, its size, and its weight from 0 to 1."""
    signed = _signed_flows("modified_dietz", flows)
    if any(not 0 <= weight <= 1 for _, weight in signed):
        raise FormulaError("modified_dietz() weighs each flow by a fraction of the period, 0 to 1")
    capital = begin + sum(amount * weight for amount, weight in signed)
    if capital <= 0:
        raise FormulaError("modified_dietz() needs positive average capital")
    return (end - begin - sum(amount for amount, _ in signed)) / capital * 100


def time_weighted(start: float, *rest: float | str) -> float:
    """The time-weighted return in percent, the sub-periods' growth chained: the arguments are
    the starting value, then for each flow the value just before it, ``"deposit"`` or
    ``"withdrawal"`` and its size, then the end value."""
    if len(rest) < 4 or (len(rest) - 1) % 3:
        raise FormulaError(
            "time_weighted() takes a start, then value, direction, size for each flow, then the end"
        )
    *groups, end = rest
    # Regrouped as (direction, size, value before) so _signed_flows reads the labels.
    triples = []
    for before, label, size in zip(groups[::3], groups[1::3], groups[2::3], strict=True):
        triples += [label, size, before]
    growth, after = 1.0, float(start)
    for amount, before in _signed_flows("time_weighted", tuple(triples)):
        if after <= 0:
            raise FormulaError("time_weighted() needs a positive value after every flow")
        growth *= before / after
        after = before + amount
    if after <= 0:
        raise FormulaError("time_weighted() needs a positive value after every flow")
    return (growth * end / after - 1) * 100


def two_asset_vol(weight1: float, vol1: float, weight2: float, vol2: float, corr: float) -> float:
    """The volatility of a two-asset portfolio, in the vols' units: each weight is taken as a
    share of the two (60 and 40, 0.6 and 0.4 or $60k and $40k give the same), so a reply
    copies the weights as the question writes them. Written out, run BR dropped a negative
    correlation's sign or put a return in a weight's place (experiments.md, session 39)."""
    if min(weight1, weight2, vol1, vol2) < 0 or weight1 + weight2 <= 0:
        raise FormulaError(
            "two_asset_vol() needs weights and vols of at least 0, weights not both 0"
        )
    if not -1 <= corr <= 1:
        raise FormulaError("two_asset_vol() needs a correlation from -1 to 1")
    share1, share2 = weight1 / (weight1 + weight2), weight2 / (weight1 + weight2)
    a, b = share1 * vol1, share2 * vol2
    return math.sqrt(max(a * a + b * b + 2 * corr * a * b, 0.0))


# Which payment a growing perpetuity is given: one just paid grows a year first.
PAYMENT_TIMING = {"JUST PAID": True, "PAID": True, "LAST": True, "D0": True}
PAYMENT_TIMING |= {"NEXT": False, "EXPECTED": False, "D1": False}


def growing_perpetuity(timing: str, payment: float, rate: float, growth: float) -> float:
    """What a payment growing at ``growth`` a year forever is worth at ``rate`` (both decimals;
    a share by the Gordon model): ``payment / (rate - growth)`` for the ``"next"`` payment, and
    for one ``"just paid"`` the next is ``payment * (1 + growth)``. Written out, run BR priced
    every "just paid" dividend question it missed in its tuning sets on the paid dividend
    itself (experiments.md, session 39)."""
    paid = _chosen("growing_perpetuity", timing, PAYMENT_TIMING)
    if rate <= growth:
        raise FormulaError("growing_perpetuity() needs a rate above the growth rate")
    return payment * (1 + growth if paid else 1) / (rate - growth)


# Which case of n independent events is asked: at least one happens, or none does.
EVENT_CASES = dict.fromkeys(("AT LEAST ONE", "ANY", "ONE OR MORE", "MINIMUM ONE"), True)
EVENT_CASES |= dict.fromkeys(("NONE", "NO", "NOT ONE", "ZERO", "NEITHER"), False)


def chance(case: str, probability: float, count: float) -> float:
    """The probability, as a fraction, that of ``count`` independent events each happening with
    ``probability`` (a fraction) ``"at least one"`` happens, ``1 - (1 - p) ** n``, or ``"none"``
    does, ``(1 - p) ** n``. The case is a word the question shows (run BR wrote the other
    case in 3 of its 4 tuning-set misses; experiments.md, session 41)."""
    at_least_one = _chosen("chance", case, EVENT_CASES)
    if not 0 <= probability <= 1:
        raise FormulaError("chance() takes each event's probability as a fraction from 0 to 1")
    if count < 1 or abs(count - round(count)) > 1e-9:
        raise FormulaError("chance() needs a whole number of events, at least 1")
    none = (1 - probability) ** round(count)
    return 1 - none if at_least_one else none


# Which way net working capital moved: an increase ties up cash, a decrease releases it.
WORKING_CAPITAL_CHANGES = {"INCREASE": 1.0, "UP": 1.0, "ROSE": 1.0, "BUILD": 1.0}
WORKING_CAPITAL_CHANGES |= {"DECREASE": -1.0, "DOWN": -1.0, "FELL": -1.0, "RELEASE": -1.0}


def fcff(
    ebit: float, tax_rate: float, depreciation: float, capex: float, change: str, size: float
) -> float:
    """Free cash flow to the firm: ``ebit * (1 - tax_rate) + depreciation - capex``, less net
    working capital's ``"increase"`` (cash tied up) or plus its ``"decrease"``, the size never
    signed; the tax rate a decimal. Written out, run BR added an increase in 4 of its 6
    tuning-set misses (experiments.md, session 39)."""
    sign = _chosen("fcff", change, WORKING_CAPITAL_CHANGES)
    if size < 0:
        raise FormulaError(
            "fcff() takes working capital's change as a size; its direction is a word"
        )
    if not 0 <= tax_rate < 1:
        raise FormulaError("fcff() takes a tax rate from 0 to 1 (a decimal)")
    return ebit * (1 - tax_rate) + depreciation - capex - sign * size


# How often an amount is paid or earned: per month as it is, per year a twelfth of it.
INCOME_PERIODS = {"MONTH": 1.0, "MONTHLY": 1.0, "A MONTH": 1.0, "PER MONTH": 1.0}
INCOME_PERIODS |= {"YEAR": 12.0, "YEARLY": 12.0, "ANNUAL": 12.0, "ANNUALLY": 12.0}
INCOME_PERIODS |= {"A YEAR": 12.0, "PER YEAR": 12.0}


def per_month(amount: float, period: str) -> float:
    """``amount`` a month: as it is for a ``"month"``, a twelfth of it for a ``"year"``, so a
    reply names the period the question gives instead of choosing whether to divide (run BR
    divided a monthly income by 12, or left a yearly one whole, in 4 of its 6 tuning-set
    debt-to-income misses; experiments.md, session 40)."""
    return amount / _chosen("per_month", period, INCOME_PERIODS)


def per_year(amount: float, period: str) -> float:
    """``amount`` a year: twelve of it for a ``"month"``, as it is for a ``"year"`` (the
    counterpart of :func:`per_month`; run BR took a yearly debt service for a monthly one, or
    the reverse, in 2 of its 4 tuning-set debt-coverage misses; experiments.md, session 41)."""
    return amount * 12 / _chosen("per_year", period, INCOME_PERIODS)


# What a plan's term is counted in: years (scaled by the payments a year) or the payments,
# deposits or months themselves.
TERM_UNITS = {"YEARS": True, "YEAR": True, "YRS": True, "YR": True}
TERM_UNITS |= dict.fromkeys(
    ("PAYMENTS", "MONTHS", "QUARTERS", "PERIODS", "DEPOSITS", "CONTRIBUTIONS", "INSTALMENTS"),
    False,
)
TERM_UNITS |= dict.fromkeys(("INSTALLMENTS", "REPAYMENTS", "WITHDRAWALS"), False)


def periods(count: float, unit: str, per_year: float | None = None) -> float:
    """A plan's number of payments: ``count * per_year`` for a term in ``"years"``, ``count``
    itself for one given as ``"payments"`` (or months, deposits, ...), so a reply names the
    unit the question gives the term in instead of choosing whether to multiply by 12 (run BR
    multiplied a count of months by 12 in 7 of its tuning-set misses over six families;
    experiments.md, session 40)."""
    in_years = _chosen("periods", unit, TERM_UNITS)
    if count <= 0:
        raise FormulaError("periods() needs a term above 0")
    if not in_years:
        return count
    if per_year is None or per_year <= 0:
        raise FormulaError("periods() needs the payments a year (12, 4, ...) for a term in years")
    return count * per_year


def expected_shortfall(count: float, *outcomes: float) -> float:
    """Historical expected shortfall as a positive loss: the mean of the ``count`` worst (most
    negative) of ``outcomes``, negated. The reply copies the whole list as the question shows
    it and the count it states (or ``N*(1-c/100)``); picking the worst k by counting was what
    run BR got wrong (experiments.md, session 39)."""
    k = round(count)
    if abs(count - k) > 1e-6 or not 1 <= k <= len(outcomes):
        raise FormulaError(
            "expected_shortfall() takes a whole count from 1 to the number of outcomes listed"
        )
    worst = sorted(outcomes)[:k]
    return -math.fsum(worst) / k


# What a target rate is taken on: a margin on the selling price, or a markup on the cost.
PRICE_RULES = dict.fromkeys(("MARGIN", "GROSS MARGIN", "MARGIN ON PRICE"), True)
PRICE_RULES |= dict.fromkeys(("MARKUP", "MARK-UP", "MARKUP ON COST", "MARK-UP ON COST"), False)


def sale_price(cost: float, rate: float, rule: str) -> float:
    """The selling price that earns ``rate`` (a fraction, 0.35) over ``cost``: a ``"margin"``
    on the selling price (``cost / (1 - rate)``) or a ``"markup"`` on cost (``cost * (1 +
    rate)``), named as the question names it (run BR priced a margin as a markup in all 4 of
    its tuning-set misses of the task; experiments.md, session 41)."""
    on_price = _chosen("sale_price", rule, PRICE_RULES)
    if cost <= 0:
        raise FormulaError("sale_price() needs a cost above 0")
    if on_price and not 0 <= rate < 1:
        raise FormulaError("sale_price() takes a margin on price as a fraction from 0 to below 1")
    if not on_price and rate < 0:
        raise FormulaError("sale_price() takes a markup of at least 0")
    return cost / (1 - rate) if on_price else cost * (1 + rate)


def call_payoff(spot: float, strike: float) -> float:
    """A call's value at expiry per share: what the share is worth above the strike, or 0."""
    return max(spot - strike, 0.0)


def put_payoff(spot: float, strike: float) -> float:
    """A put's value at expiry per share: what the strike is worth above the share, or 0."""
    return max(strike - spot, 0.0)


# name -> (function, min args, max args or None for "any up to MAX_ARGS")
FUNCTIONS: dict[str, tuple[Callable[..., float], int, int | None]] = {
    "sqrt": (math.sqrt, 1, 1),
    "exp": (math.exp, 1, 1),
    "ln": (math.log, 1, 1),
    "log": (_log, 1, 2),  # natural log, or log(x, base)
    "log10": (math.log10, 1, 1),
    "abs": (abs, 1, 1),
    "floor": (lambda x: float(math.floor(x)), 1, 1),
    "ceil": (lambda x: float(math.ceil(x)), 1, 1),
    "round": (_round, 1, 2),
    "min": (lambda *xs: min(xs), 1, None),
    "max": (lambda *xs: max(xs), 1, None),
    "sum": (lambda *xs: math.fsum(xs), 1, None),
    "mean": (lambda *xs: math.fsum(xs) / len(xs), 1, None),
    "argmax": (lambda *xs: _argbest(xs, max), 1, None),
    "argmin": (lambda *xs: _argbest(xs, min), 1, None),
    "max_drawdown": (max_drawdown, 2, None),
    "npv": (npv, 2, None),
    "pv": (pv, 3, 4),
    "pmt": (pmt, 3, 3),
    "macaulay": (macaulay, 3, 4),
    "norm_cdf": (lambda x: NormalDist().cdf(x), 1, 1),
    "norm_ppf": (_norm_ppf, 1, 1),
    "stdev": (_stdev, 2, None),  # sample (n - 1), as spreadsheets' STDEV
    "pstdev": (lambda *xs: _stdev(*xs, population=True), 2, None),  # population (n)
    "irr": (irr, 2, None),
    "payback": (payback, 2, None),
    "rate": (rate, 3, 3),
    "ytm": (ytm, 3, 4),
    "bs_call": (bs_call, 5, 5),
    "bs_put": (bs_put, 5, 5),
    "call_payoff": (call_payoff, 2, 2),
    "put_payoff": (put_payoff, 2, 2),
    "call_delta": (call_delta, 5, 6),
    "put_delta": (put_delta, 5, 6),
    "cross": (cross, 5, 5),
    "foreign_return": (foreign_return, 6, 7),
    "breakeven": (breakeven, 3, 3),
    "normal_tail": (normal_tail, 4, 4),
    "inflation_adjust": (inflation_adjust, 4, 4),
    "yield_move": (yield_move, 3, 4),
    "futures_pnl": (futures_pnl, 5, 5),
    "fra_settlement": (fra_settlement, 5, 5),
    "forward_rate": (forward_rate, 6, 6),
    "forward_points": (forward_points, 6, 6),
    "modified_dietz": (modified_dietz, 5, None),
    "time_weighted": (time_weighted, 5, None),
    "dated_npv": (dated_npv, 5, None),
    "dated_irr": (dated_irr, 4, None),
    "dated_payback": (dated_payback, 4, None),
    "two_asset_vol": (two_asset_vol, 5, 5),
    "growing_perpetuity": (growing_perpetuity, 4, 4),
    "fcff": (fcff, 6, 6),
    "convert": (convert, 4, 4),
    "expected_shortfall": (expected_shortfall, 2, None),
    "per_month": (per_month, 2, 2),
    "periods": (periods, 2, 3),
    "sale_price": (sale_price, 3, 3),
    "per_year": (per_year, 2, 2),
    "chance": (chance, 3, 3),
}
# Arguments that are labels (a currency pair, a rate's units, a side word), not numbers:
# function -> positions.
LABEL_ARGUMENTS: dict[str, frozenset[int]] = {
    "cross": frozenset({0, 1, 3}),
    "foreign_return": frozenset({0, 1}),
    "breakeven": frozenset({0}),
    "normal_tail": frozenset({0}),
    "inflation_adjust": frozenset({0}),
    "yield_move": frozenset({0}),
    "futures_pnl": frozenset({0}),
    "fra_settlement": frozenset({0}),
    "forward_rate": frozenset({0, 2, 4}),
    "forward_points": frozenset({0, 2, 4}),
    # a direction opens each flow's three arguments, after two leading values
    "modified_dietz": frozenset(range(2, MAX_ARGS, 3)),
    "time_weighted": frozenset(range(2, MAX_ARGS, 3)),
    # a time ("t0", "t1", ...) opens each cash flow's two arguments
    "dated_npv": frozenset(range(1, MAX_ARGS, 2)),
    "dated_irr": frozenset(range(0, MAX_ARGS, 2)),
    "dated_payback": frozenset(range(0, MAX_ARGS, 2)),
    "growing_perpetuity": frozenset({0}),
    "fcff": frozenset({4}),
    "convert": frozenset({1, 2}),
    "per_month": frozenset({1}),
    "periods": frozenset({1}),
    "sale_price": frozenset({2}),
    "per_year": frozenset({1}),
    "chance": frozenset({0}),
}
# Functions whose labelled pairs may come in any order (each flow names its own time).
ANY_ORDER = frozenset({"dated_npv", "dated_irr", "dated_payback"})
MAX_LABEL_LENGTH = 16
CONSTANTS = {"pi": math.pi, "e": math.e}

_BINARY = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}
_OPERATOR_NAMES = {
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.BitXor: "^ (use ** for powers)",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.MatMult: "@",
}


def evaluate(expr: str) -> float:
    """Value of the formula ``expr`` as a finite float; :class:`FormulaError` if not allowed."""
    if not isinstance(expr, str):
        raise FormulaError(f"formula must be a string, not {type(expr).__name__}")
    text = expr.strip()
    if not text:
        raise FormulaError("empty formula")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"formula longer than {MAX_LENGTH} characters")
    _check_bracket_depth(text)
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as err:
        raise FormulaError(f"not a valid expression: {err.__class__.__name__}") from None
    return _checked(_Evaluator().visit(tree.body, 0))


def syntax_tree(formula: str) -> ast.Expression | None:
    """``formula``'s syntax tree for the checks that read its structure (never evaluated here);
    None when it does not parse or nests brackets deeper than :func:`evaluate` allows."""
    try:
        _check_bracket_depth(formula)
        return ast.parse(formula.strip(), mode="eval")
    except (FormulaError, SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _check_bracket_depth(text: str) -> None:
    # Cheap pre-check so that "((((...))))" never reaches the parser's recursion.
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
            if depth > MAX_BRACKETS:
                raise FormulaError(f"brackets nested deeper than {MAX_BRACKETS} levels")
        elif char in ")]}":
            depth -= 1


def _checked(value: float) -> float:
    if not math.isfinite(value):
        raise FormulaError("formula value is not finite")
    if abs(value) > MAX_MAGNITUDE:
        raise FormulaError(f"formula value exceeds {MAX_MAGNITUDE:g} in magnitude")
    return value


class _Evaluator:
    """Walks the allowed subset of a Python expression AST."""

    def visit(self, node: ast.AST, depth: int) -> float:
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, ast.Constant):
            return self._constant(node)
        if isinstance(node, ast.Name):
            if node.id in CONSTANTS:
                return CONSTANTS[node.id]
            raise FormulaError(f"unknown name {node.id!r}")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            value = self.visit(node.operand, depth + 1)
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.BinOp):
            return self._binary(node, depth)
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        raise FormulaError(f"{type(node).__name__} is not allowed in a formula")

    @staticmethod
    def _constant(node: ast.Constant) -> float:
        # bool is an int subclass: reject True/False explicitly.
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError(f"constant {type(node.value).__name__} is not a number")
        try:
            return _checked(float(node.value))
        except OverflowError:
            raise FormulaError("number too large") from None

    @staticmethod
    def _label(name: str, node: ast.AST) -> str:
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            raise FormulaError(f"{name}() takes a quoted label there, like 'EUR/USD'")
        if len(node.value) > MAX_LABEL_LENGTH:
            raise FormulaError(f"label longer than {MAX_LABEL_LENGTH} characters")
        return node.value

    def _binary(self, node: ast.BinOp, depth: int) -> float:
        op_type = type(node.op)
        if op_type in _OPERATOR_NAMES:
            raise FormulaError(f"operator {_OPERATOR_NAMES[op_type]} is not allowed")
        left = self.visit(node.left, depth + 1)
        right = self.visit(node.right, depth + 1)
        try:
            if op_type is ast.Pow:
                if abs(right) > MAX_EXPONENT:
                    raise FormulaError(f"exponent {right:g} exceeds {MAX_EXPONENT:g}")
                if left < 0 and right != int(right):
                    raise FormulaError("negative number to a fractional power")
                if left == 0 and right < 0:
                    raise FormulaError("zero to a negative power")
                result = left**right
            elif op_type is ast.Div and right == 0:
                raise FormulaError("division by zero")
            else:
                result = _BINARY[op_type](left, right)  # type: ignore[index]
        except OverflowError:
            raise FormulaError("number too large") from None
        return _checked(float(result))

    def _call(self, node: ast.Call, depth: int) -> float:
        if not isinstance(node.func, ast.Name):
            raise FormulaError("only plain function names may be called")
        name = node.func.id
        if name not in FUNCTIONS:
            raise FormulaError(f"function {name!r} is not allowed")
        if node.keywords:
            raise FormulaError(f"{name}() takes no keyword arguments")
        func, low, high = FUNCTIONS[name]
        high = MAX_ARGS if high is None else high
        if not low <= len(node.args) <= high:
            raise FormulaError(f"{name}() takes {low} to {high} arguments, got {len(node.args)}")
        labels = LABEL_ARGUMENTS.get(name, frozenset())
        args = [  # Starred is rejected by visit
            self._label(name, arg) if i in labels else self.visit(arg, depth + 1)
            for i, arg in enumerate(node.args)
        ]
        try:
            result = func(*args)
        except FormulaError:
            raise
        except (ValueError, OverflowError, ZeroDivisionError) as err:
            raise FormulaError(f"{name}() failed: {err}") from None
        return _checked(float(result))
