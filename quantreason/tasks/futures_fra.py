"""Futures, FX forward points, forward rate agreements and long straddles: what a derivatives
desk, a corporate treasurer or a student on a derivatives course asks once the instrument is
dealt ("S&P at 5,234, rates 5.3 %, dividend yield 1.4 %: where should the 3-month future be?",
"EUR/USD 1.0850, 90 days, USD 5.30 %, EUR 3.80 %: the forward points?", "our 3x6 FRA fixed at
5.352 % against 5.10 %: what do we get?", "I bought the 100 straddle for 3.20 + 2.80: upper
breakeven?", "long 3 crude contracts from 78.42 to 80.10: P&L?").

- ``futures_fair_value``: an index or stock future by cost of carry with continuously
  compounded rates: ``S*exp((r-q)/100*T)``, r the risk-free rate and q the dividend yield, both
  continuous; T in years from months (``m/12``) or days on a 365-day year (``d/365``, every
  such question says so). Some stock questions have no dividends: ``S*exp(r/100*T)``. A side
  figure in some draws: the underlying's year-to-date return.
- ``fx_forward_points``: the forward points of a currency pair, ``(F - S)*10000`` (``*100``
  for a pair quoted in yen), F by covered interest parity with simple money-market rates on an
  act/360 basis (``fx_forward``'s conventions: BASE/QUOTE is QUOTE units per BASE, each rate
  named with its currency); in some GBP/USD questions the sterling rate is on act/365, as the
  question says. Every question says how big a point is ("pips (1 pip = 1/10,000)"), which
  also grounds the 10000. Points are negative when the base currency's rate is higher.
- ``fra_settlement``: the cash settlement of a forward rate agreement, paid at the start of
  the period and discounted at the reference rate: ``N*(L-K)/100*d/360/(1+L/100*d/360)`` to
  the buyer (who pays the fixed FRA rate K and receives the reference rate L fixed at
  settlement); asked from the seller's side, ``N*(K-L)/100*...``. Positive is received by the
  party asked about, negative paid, and every question says so.
- ``straddle_breakeven``: a long straddle's upper breakeven ``K+(c+p)`` or lower ``K-(c+p)``
  (strike plus or minus the total premium); in some questions a long strangle, whose upper
  breakeven is from the call strike and lower from the put strike (``K`` is always the strike
  the breakeven is measured from, so it has one place in every formula). Every question says which
  one it wants. A side figure in some draws: the share price today.
- ``futures_pnl``: a closed futures position's profit or loss, ``n*M*(P1-P0)`` for a long and
  ``n*M*(P0-P1)`` for a short (contracts, the contract size or multiplier the question states,
  entry and exit prices); a loss is negative. The formula names the side as a word and keeps
  the prices in the order traded: ``futures_pnl("short",n,M,P0,P1)``. A side figure in some
  draws: the initial margin posted per contract, which the P&L does not use.

Solvers are written independently of the formula text: the spot financed and the dividends
paid back as two separate growth factors, the points from the interest differential over the
base currency's growth, the FRA as the difference of the two interest amounts discounted, the
breakevens by bisection on the payoff at expiry, and the P&L as value out less value in.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Parts,
    Values,
    draw_params,
    money,
    number_texts,
    pct,
    plain,
    sentence_case,
    side_sentences,
    significant,
    time_to_reach,
    with_article,
)
from quantreason.tasks.fx import BASE_OF_USD, DOLLAR_RATES, draw_dollar_rate

_TICKERS = ("XYZ", "ABC", "KLM", "DEF", "QRS", "TUV", "GHI", "WXY")


# --- futures_fair_value -------------------------------------------------------------------------

# Equity indexes with a listed future: (name in a sentence, name before "futures", training range
# of the level, out-of-range levels: a past crash or a far-off high).
_INDEXES: tuple[tuple[str, str, tuple[float, float], tuple[tuple[float, float], ...]], ...] = (
    ("the S&P 500", "S&P 500", (3500, 6200), ((700, 1400), (8000, 12000))),
    ("the Nasdaq-100", "Nasdaq-100", (11000, 22000), ((1500, 4000), (30000, 50000))),
    ("the FTSE 100", "FTSE 100", (6800, 8800), ((3000, 5000), (11000, 16000))),
    ("the Euro Stoxx 50", "Euro Stoxx 50", (3500, 5500), ((1500, 2800), (7000, 10000))),
    ("the Nikkei 225", "Nikkei 225", (26000, 42000), ((7000, 15000), (50000, 80000))),
    ("the ASX 200", "ASX 200", (6500, 8500), ((2500, 4500), (11000, 15000))),
)
# A single stock's price; out of range, a penny stock or a share priced in the thousands.
_STOCK_PRICE = plain((8, 900), ((0.5, 4), (1000, 6000)), decimals=2, log=True)
# Continuously compounded rates; out of range, a high-rate economy or near-zero rates.
_CARRY_RATE = pct((0.25, 6.5), ((7.5, 15), (0.01, 0.2)), decimals=2, ood_decimals=3)
_DIVIDEND_YIELD = pct((0.3, 4.5), ((5, 9),), decimals=2)
_CARRY_PARAMS = {"r": _CARRY_RATE, "q": _DIVIDEND_YIELD}
# The underlying's year-to-date return, which people quote beside the spot (not used).
_YTD = pct((-15, 30), (), decimals=1)
STOCK_SHARE = 0.4  # of draws: a single-stock future (else an index future)
NO_DIVIDEND_SHARE = 0.6  # of single-stock draws: a stock that pays no dividend before expiry
DAYS_SHARE = 0.4  # of draws: the term in days on a 365-day year (else in months)
_MONTHS = (1, 2, 3, 3, 4, 6, 6, 9, 12)
_OOD_MONTHS = (18, 24, 30, 36)
_COMMON_DAYS = (30, 45, 60, 90, 91, 120, 180, 182, 270)
_DAY_BASES = ("act/365", "365-day year", "ACT/365", "actual/365")


def _carry_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The rates ``r`` and ``q`` in one band and style; the underlying ``u`` (an index into
    :data:`_INDEXES`, or -1 for a stock) and its spot ``S``; the term ``m`` months or ``d``
    days; no ``q`` for a stock without dividends; the year-to-date return ``ytd`` in
    SIDE_FIGURE_SHARE of draws."""
    nums = draw_params(_CARRY_PARAMS, rng, ood)
    band = rng.randrange(2)
    if rng.random() < STOCK_SHARE:
        nums["u"] = Num(-1.0, 0, "plain")
        price = _STOCK_PRICE.draw(rng, ood, band)
        nums["S"] = Num(price.value, 2, "money")
        if rng.random() < NO_DIVIDEND_SHARE:
            del nums["q"]
    else:
        which = rng.randrange(len(_INDEXES))
        _, _, train, ood_bands = _INDEXES[which]
        low, high = ood_bands[band] if ood else train
        decimals = rng.choice((0, 1, 2, 2))
        nums["u"] = Num(float(which), 0, "plain")
        nums["S"] = Num(round(rng.uniform(low, high), decimals), decimals, "plain")
    if rng.random() < DAYS_SHARE:
        days = rng.randint(400, 1000) if ood else rng.choice((*_COMMON_DAYS, rng.randint(7, 360)))
        nums["d"] = Num(float(days), 0, "plain")
    else:
        nums["m"] = Num(float(rng.choice(_OOD_MONTHS if ood else _MONTHS)), 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["ytd"] = _YTD.draw(rng, False)
    return nums


def _carry_years(v: Mapping[str, float]) -> float:
    return v["m"] / 12 if "m" in v else v["d"] / 365


def _fair_value(v: Mapping[str, float]) -> float:
    # The spot financed to expiry at the risk-free rate, less what the dividends pay back on the
    # way: two growth factors, applied one after the other.
    years = _carry_years(v)
    financed = v["S"] * math.exp(v["r"] / 100 * years)
    return financed / math.exp(v.get("q", 0.0) / 100 * years)


def _carry_formula(f: Mapping[str, str]) -> str:
    years = f"{f['m']}/12" if "m" in f else f"{f['d']}/365"
    if "q" in f:
        return f"{f['S']}*exp(({f['r']}-{f['q']})/100*{years})"
    return f"{f['S']}*exp({f['r']}/100*{years})"


_CONTINUOUS_VALUES = ("continuous", "continuous compounding")
_NO_DIVIDEND_VALUES = (
    "none",
    "zero",
    "nil (the stock pays no dividends)",
    "none before expiry",
    "none (non-dividend-paying stock)",
)


def _carry_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The numbers (an index level bare, a stock price as money), the underlying (``{und}``:
    "the S&P 500", "XYZ stock"; ``{Und}`` capitalised; ``{fut}``: "S&P 500 futures"), the term
    (``{term}``: "3 months", "91 days (act/365)"), and the dividend in the forms templates take
    it: ``{div}`` after "with", ``{div_is}`` a clause, ``{div_eq}`` "q = ...", ``{div_row}`` a
    table cell, ``{div_chat}`` chat. A composed question shows ``nodiv`` for a stock without
    dividends, and ``cc`` (continuous compounding) and ``und`` beside the numbers."""
    shown = {k: n for k, n in nums.items() if k not in ("u", "m", "d")}
    texts = number_texts(rng, shown)
    which = round(nums["u"].value)
    if which < 0:
        ticker = rng.choice(_TICKERS)
        texts["und"] = texts["Und"] = f"{ticker} stock"
        texts["fut"] = rng.choice((f"{ticker} single-stock futures", f"{ticker} stock futures"))
        texts["asset"] = rng.choice((f"{ticker} shares", f"{ticker} stock"))
    else:
        name, short, _, _ = _INDEXES[which]
        texts["und"], texts["Und"] = name, sentence_case(name)
        texts["fut"] = rng.choice((f"{short} futures", f"{short} index futures"))
        texts["asset"] = f"{name} index"
    if "m" in nums:
        count = nums["m"].shown
        texts["term"] = "1 month" if count == "1" else f"{count} months"
    else:
        texts["term"] = f"{nums['d'].shown} days ({rng.choice(_DAY_BASES)})"
    texts["cc"] = rng.choice(_CONTINUOUS_VALUES)
    if "q" in nums:
        q = texts["q"]
        texts["div"] = rng.choice(
            (
                f"a dividend yield of {q}",
                f"a continuous dividend yield of {q}",
                f"{q} dividend yield",
            )
        )
        texts["div_is"] = rng.choice(
            (
                f"the continuous dividend yield is {q}",
                f"the dividend yield is {q}, continuously compounded",
                f"dividends yield {q} a year (continuous)",
            )
        )
        texts["div_eq"] = f"q = {q}"
        texts["div_row"] = q
        texts["div_chat"] = rng.choice((f"div yield {q}", f"q {q}", f"divs {q}"))
    else:
        texts["nodiv"] = rng.choice(_NO_DIVIDEND_VALUES)
        texts["div"] = rng.choice(("no dividends", "no dividends before expiry"))
        texts["div_is"] = rng.choice(
            ("the stock pays no dividends", "no dividends are paid before expiry")
        )
        texts["div_eq"] = rng.choice(("no dividends", "q = 0 (no dividends)"))
        texts["div_row"] = rng.choice(("none", "0 (no dividends)"))
        texts["div_chat"] = rng.choice(("no divs", "no dividends"))
    return texts


_YTD_ASIDES = {
    "ytd": (
        "{Und} has returned {ytd} so far this year.",
        "Year to date, {und} has moved {ytd}.",
        "Year-to-date return of the underlying: {ytd}.",
        "(The underlying's YTD performance is {ytd}, for what it's worth.)",
        "Since January the underlying has moved {ytd}.",
    )
}

FUTURES_FAIR_VALUE = Family(
    name="futures_fair_value",
    unit="currency",
    reasoning="Futures fair value = spot * exp((risk-free rate - dividend yield) * years to "
    "expiry), rates continuously compounded.",
    params=_CARRY_PARAMS,
    sample=_carry_sample,
    render=_carry_texts,
    aside=side_sentences(_YTD_ASIDES),
    formula=_carry_formula,
    solve=_fair_value,
    convention="the futures price in the underlying's units (index points, or the share price "
    "in currency) by cost of carry: spot grown at the continuously compounded risk-free rate "
    "less the continuous dividend yield (none for a non-dividend-paying stock); the term in "
    "years is months/12 or days/365; a year-to-date return shown beside is not used",
    templates=(
        "{Und} is at {S}. The continuously compounded risk-free rate is {r}, and {div_is}. What "
        "is the fair value of a futures contract expiring in {term}?",
        "Spot {S}, r = {r}, {div_chat}, T = {term}, continuous compounding. Fair value of the "
        "{fut}?",
        "Exam question: The current level of {und} is {S}. The continuously compounded "
        "risk-free rate is {r}, and {div_is}. Using the cost-of-carry model, calculate the "
        "theoretical price of a futures contract on {und} with {term} to expiry.",
        "Hi Marta, can you sanity-check the fair value on the {fut}? Spot is {S}, the "
        "risk-free rate is {r} continuously compounded, {div_is}, expiry in {term}. Thanks, "
        "Dev",
        "whats fair value for {fut} expiring in {term}? spot {S}, rf {r} cont comp, {div_chat}",
        "| spot | risk-free rate | dividend yield | time to expiry |\n|---|---|---|---|\n| {S} | "
        "{r} | {div_row} | {term} |\nUnderlying: {und}. Futures fair value with continuous "
        "compounding?",
        "- Underlying: {asset}\n- Spot: {S}\n- Risk-free rate (continuous): {r}\n- Dividend "
        "yield (continuous): {div_row}\n- Expiry: {term}\nTheoretical futures price?",
        "Please I need the fair price of the future on {und}. Spot is {S}, interest rate is "
        "{r} continuous, {div_is}, and the contract finish in {term}. How much is the future "
        "price?",
        "My sister works at a bakery and keeps asking what I actually do all day. Today: "
        "pricing {fut} expiring in {term}. Spot is {S}, the continuously compounded risk-free "
        "rate is {r}, and {div_is}. What's the fair futures price?",
        "Desk note: {fut}, {term} to expiry. Spot {S}; r {r} (cc); {div_chat}. FV = ?",
        "At what price should a futures contract on {und} expiring in {term} trade so that "
        "buying the underlying with borrowed money and selling the future gives no free "
        "profit? Spot {S}, risk-free rate {r} continuously compounded, {div_is}.",
        "Question 3. An investor considers a futures contract on {und} with {term} to expiry. "
        "The spot price is {S}, the risk-free rate is {r} per annum with continuous "
        "compounding, and {div_is}. Determine the futures price under cost of carry.",
        "F = S*e^((r-q)T), continuous rates. S = {S}, r = {r}, {div_eq}, T = {term}. F?",
        "Spot-futures parity: {und} at {S}, risk-free {r} (continuous), {div_is}. Fair "
        "futures price for expiry in {term}?",
        "ok so {und} is {S}, rates {r} cc, {div_chat}. fair value of the future {term} out?",
        "Dear Mr Patel, our client wants the theoretical value of the {fut} expiring in "
        "{term}. The underlying is at {S}; the continuously compounded risk-free rate is {r}, "
        "and {div_is}. Could you provide it? Regards, Hannah",
        "Given a spot of {S}, a continuously compounded risk-free rate of {r}, {div} and "
        "{term} to expiry, find the cost-of-carry price of the {fut}.",
        "Futures basis check: spot {S}, r {r}, {div_chat}, continuous compounding, {term} to "
        "expiry. What should the future be trading at?",
        "I'm learning about index arbitrage. If {und} is at {S}, the risk-free rate is {r} "
        "continuously compounded and {div_is}, what is the fair value of the future expiring "
        "in {term}?",
        "Theoretical futures price, continuous compounding:\nS = {S}\nr = {r}\n{div_eq}\nT = "
        "{term}\nUnderlying: {asset}",
        "What price should the {fut} have with {term} left, if spot is {S} and the "
        "continuously compounded risk-free rate is {r}? Also, {div_is}.",
        "Analyst note: carry model on {asset}, spot {S}, risk-free {r} cc, {div_chat}, expiry "
        "{term}. Fair value?",
    ),
    ood_templates=(
        "Carry-adjusted delivery level: underlying quoted {S}, financing {r} on an exponential "
        "accrual basis, {div_is}, horizon {term}. Where ought the contract to settle?",
        "No-arbitrage level for a deferred-delivery contract on {und}: cash quotation {S}, "
        "riskless yield {r} accruing exponentially, {div_chat}, delivery after {term}.",
        "Someone acquires {asset} at {S}, funded at {r} accruing exponentially, while "
        "{div_is}. After {term}, which delivery level makes that replication exactly flat?",
    ),
    parts=Parts(
        labels={
            "und": (
                "underlying",
                "underlying asset",
                "futures underlying",
                "asset",
                "underlying of the future",
                "contract underlying",
                "reference asset",
                "underlying instrument",
                "cash asset",
                "underlying market",
                "deliverable",
                "asset underlying the contract",
            ),
            "S": (
                "spot price",
                "spot level",
                "current price of the underlying",
                "underlying price",
                "cash price",
                "spot",
                "price of the underlying today",
                "current spot level",
                "cash market level",
                "underlying spot",
                "spot quote",
                "prevailing spot price",
            ),
            "r": (
                "risk-free rate",
                "continuously compounded risk-free rate",
                "risk-free interest rate",
                "financing rate",
                "continuous risk-free rate",
                "funding rate",
                "annual risk-free rate",
                "riskless rate",
                "cost of financing",
                "interest rate to expiry",
                "money-market rate",
                "risk-free yield",
            ),
            "q": (
                "dividend yield",
                "continuous dividend yield",
                "annual dividend yield",
                "expected dividend yield",
                "dividend yield of the underlying",
                "yield from dividends",
                "income yield",
                "dividend rate",
                "projected dividend yield",
                "dividend yield to expiry",
                "cash dividend yield",
                "underlying's dividend yield",
            ),
            "nodiv": (
                "dividend yield",
                "expected dividend",
                "dividend before expiry",
                "dividend payout",
                "dividend income",
                "dividend to expiry",
                "dividend paid",
                "cash dividend",
                "dividend stream",
                "payout before expiry",
                "dividend yield of the stock",
                "dividend",
            ),
            "term": (
                "time to expiry",
                "time to maturity",
                "term",
                "time to delivery",
                "life of the contract",
                "time until expiry",
                "remaining term",
                "expiry",
                "tenor",
                "horizon to expiry",
                "contract term",
                "time left to expiry",
            ),
            "cc": (
                "compounding",
                "rate convention",
                "compounding convention",
                "interest convention",
                "compounding basis",
                "rate compounding",
                "compounding of the rates",
                "rate basis",
                "interest compounding",
                "quoting convention for the rates",
                "compounding method",
                "rate quoting basis",
            ),
            "ytd": (
                "year-to-date return",
                "YTD return",
                "return so far this year",
                "year-to-date performance",
                "YTD performance",
                "performance since January",
                "return this year",
                "year-to-date move",
                "YTD change",
                "calendar-year return so far",
                "year-to-date gain or loss",
                "YTD price return",
            ),
        },
        asks=(
            "What is the fair value of the futures contract?",
            "What is the theoretical futures price?",
            "Compute the cost-of-carry futures price.",
            "Fair value of the future?",
            "What should the futures contract trade at?",
            "What is the no-arbitrage futures price?",
            "Work out the futures fair value with continuous compounding.",
            "What futures price does spot-futures parity give?",
            "What is the fair futures price for that expiry?",
            "fv of the future?",
            "At what price is the future fairly valued?",
            "What is the carry-adjusted price of the future?",
            "Compute the theoretical price of the futures contract.",
            "What is the cost-of-carry value of the future?",
            "Where should the future be priced?",
            "Give the futures fair value.",
            "What futures level follows from the carry model?",
            "What is the theoretical forward price of the underlying for that expiry?",
            "whats the fair value of the future?",
            "What price for the future leaves no cash-and-carry arbitrage?",
            "Value the futures contract by cost of carry.",
        ),
        ood_labels={
            "und": ("referenced exposure", "basket referenced"),
            "S": ("prevailing cash quotation", "quotation of the underlying"),
            "r": ("riskless accrual yield", "opportunity cost of capital"),
            "q": ("payout accrual rate", "distribution yield of the basket"),
            "nodiv": ("payout accrual", "distribution to holders"),
            "term": ("span until delivery", "delivery horizon"),
            "cc": ("accrual style", "accrual convention"),
            "ytd": ("movement since the calendar turned", "change since the calendar turned"),
        },
        ood_asks=(
            "Where ought the contract to settle under carry?",
            "Which delivery level rules out riskless profit?",
            "State the carry-consistent delivery level.",
        ),
    ),
)


# --- fx_forward_points --------------------------------------------------------------------------

_POINTS_RATE = pct((0.1, 6), ((7, 15), (0.01, 0.09)), decimals=2, ood_decimals=2)
_POINTS_DAYS = (30, 31, 60, 61, 90, 91, 92, 180, 181, 182, 183, 270, 273, 360, 365)
GBP_365_SHARE = 0.5  # of GBP/USD draws: sterling on act/365 (the London convention)
_JPY = list(DOLLAR_RATES).index("JPY")
_GBP = list(DOLLAR_RATES).index("GBP")
_PIPS = (
    "pips (1 pip = 1/10,000)",
    "points (×10,000)",
    "pips, a pip being 1/10,000",
    "points of 0.0001 (×10,000)",
    "pips (fourth decimal place, ×10,000)",
)
_YEN_PIPS = (
    "pips (1 pip = 0.01 yen)",
    "points (×100)",
    "pips, a pip being 1/100 of a yen",
    "points of 0.01 yen (×100)",
)
_PIP_VALUES = ("1/10,000", "0.0001 (×10,000)", "one ten-thousandth (1/10,000)")
_YEN_PIP_VALUES = ("1/100 of a yen", "0.01 yen (×100)", "one hundredth of a yen (1/100)")


def _points_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A pair (``c``: its non-dollar currency, as in ``fx_forward``), spot ``S``, the quote
    currency's rate ``rq`` and the base currency's ``rb`` in one band, the days ``d``, and for
    GBP/USD in :data:`GBP_365_SHARE` of draws ``g``: sterling's rate on act/365."""
    band = rng.randrange(2)
    currency = rng.randrange(len(DOLLAR_RATES))
    nums = {
        "c": Num(float(currency), 0, "plain"),
        "S": draw_dollar_rate(rng, list(DOLLAR_RATES)[currency], ood, band),
        "rq": _POINTS_RATE.draw(rng, ood, band),
        "rb": _POINTS_RATE.draw(rng, ood, band),
    }
    days = rng.choice(_POINTS_DAYS) if rng.random() < 0.7 else rng.randint(7, 365)
    nums["d"] = Num(float(days), 0, "plain")
    if currency == _GBP and rng.random() < GBP_365_SHARE:
        nums["g"] = Num(1.0, 0, "plain")
    return nums


def _forward_points(v: Mapping[str, float]) -> float:
    # The interest differential earned over the term, carried on the spot and divided by the
    # base currency's growth, in pips.
    quote_interest = v["rq"] / 100 * v["d"] / 360
    base_interest = v["rb"] / 100 * v["d"] / (365 if v.get("g") else 360)
    pip = 0.01 if round(v["c"]) == _JPY else 0.0001
    return v["S"] * (quote_interest - base_interest) / (1 + base_interest) / pip


def _points_valid(v: Mapping[str, float]) -> bool:
    # Two rates that differ (by a tenth of the larger at least), so the points are not noise.
    return abs(v["rq"] - v["rb"]) >= 0.1 * max(v["rq"], v["rb"]) and abs(_forward_points(v)) >= 0.1


def _points_formula(f: Mapping[str, str]) -> str:
    s, d = f["S"], f["d"]
    base_year = "365" if "g" in f else "360"
    forward = f"{s}*(1+{f['rq']}/100*{d}/360)/(1+{f['rb']}/100*{d}/{base_year})"
    scale = "100" if f["c"] == str(_JPY) else "10000"
    return f"({forward}-{s})*{scale}"


def _points_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{pair}``, the spot ``{S}``, each rate with its currency (``{cq}``, ``{cb}``, and
    ``rq_c``/``rb_c`` for a composed question: "USD 5.30%"), the term (``{term}``: "90 days",
    ``{term_adj}``: "90-day", ``{d}``), the day count (``{basis}``), and the size of a point
    (``{pips}``: "pips (1 pip = 1/10,000)"; ``pip`` for a composed question)."""
    currency = list(DOLLAR_RATES)[round(nums["c"].value)]
    base, quote = (currency, "USD") if currency in BASE_OF_USD else ("USD", currency)
    texts = {"pair": f"{base}/{quote}", "S": nums["S"].shown, "cb": base, "cq": quote}
    texts["rq"], texts["rb"] = nums["rq"].text(rng), nums["rb"].text(rng)
    texts["rq_c"], texts["rb_c"] = f"{quote} {texts['rq']}", f"{base} {texts['rb']}"
    texts["d"] = nums["d"].shown
    texts["term"] = f"{texts['d']} days"
    texts["term_adj"] = f"{texts['d']}-day"
    texts["a_term_adj"] = with_article(texts["term_adj"])
    if "g" in nums:
        texts["basis"] = rng.choice(
            (
                "act/365 for GBP and act/360 for USD",
                "GBP on act/365 and USD on act/360",
                "actual/365 for sterling and actual/360 for dollars",
            )
        )
    else:
        texts["basis"] = rng.choice(("act/360", "actual/360", "ACT/360", "a 360-day year"))
    texts["conv"] = f"simple interest on {texts['basis']}"
    yen = currency == "JPY"
    texts["pips"] = rng.choice(_YEN_PIPS if yen else _PIPS)
    texts["pip"] = rng.choice(_YEN_PIP_VALUES if yen else _PIP_VALUES)
    return texts


FX_FORWARD_POINTS = Family(
    name="fx_forward_points",
    unit="ratio",
    reasoning="Forward points = (spot * (1 + quote rate * days/360) / (1 + base rate * "
    "days/360) - spot) * 10000, or * 100 for a yen quote.",
    params={"rq": _POINTS_RATE, "rb": _POINTS_RATE},
    sample=_points_sample,
    render=_points_texts,
    valid=_points_valid,
    formula=_points_formula,
    solve=_forward_points,
    uses=frozenset({"currency"}),
    convention="forward points (pips): the covered-interest-parity forward less spot, times "
    "10,000 (times 100 for a yen quote); BASE/QUOTE is QUOTE units per BASE; simple "
    "money-market rates on act/360 (sterling on act/365 where the question says so); "
    "negative when the base currency's rate is the higher",
    templates=(
        "Spot {pair} is {S}. The {cq} rate for {term} is {rq} and the {cb} rate is {rb}, "
        "simple money-market rates ({basis}). What are the {term_adj} forward points, in "
        "{pips}?",
        "{pair} spot {S}; {cq} {rq}, {cb} {rb} (simple, {basis}); {term}. Fwd points in {pips}?",
        "Exam question: The spot rate is {pair} {S}. Simple interest rates for {term} are {rq} "
        "for {cq} and {rb} for {cb} ({basis}). Using covered interest parity, calculate the "
        "forward points, quoted in {pips}.",
        "Hi Tomas, the client wants the swap points for {a_term_adj} {pair} outright. Spot "
        "{S}; {cq} deposits {rq}, {cb} deposits {rb}, simple rates ({basis}). Could you give "
        "me the forward points in {pips}? Thanks, Ines",
        "fwd pts {pair} {term}? spot {S}, {cq} {rq}, {cb} {rb}, simple ({basis}). in {pips} pls",
        "| pair | spot | {cq} rate | {cb} rate | days | basis |\n|---|---|---|---|---|---|\n| "
        "{pair} | {S} | {rq} | {rb} | {d} | {basis} |\nSimple money-market rates. Forward "
        "points, in {pips}?",
        "- Pair: {pair}\n- Spot: {S}\n- {cq} rate: {rq}\n- {cb} rate: {rb}\n- Term: {term}\n- "
        "Day count: {basis}, simple interest\nWhat are the forward points in {pips}?",
        "Please help, I need the forward points for {pair} on {term}. Spot is {S}, interest in "
        "{cq} is {rq} and in {cb} is {rb}, simple interest ({basis}). How many points, in "
        "{pips}?",
        "I'm hedging a payment for my sister's wedding venue abroad (long story). {pair} spot "
        "is {S}; rates for {term} are {rq} for {cq} and {rb} for {cb}, simple ({basis}). What "
        "forward points should the bank quote, in {pips}?",
        "Desk note: {pair} {term_adj} swap points. S {S}; {cq} {rq}; {cb} {rb}; simple, "
        "{basis}. Points in {pips}?",
        "By how much should the {term_adj} forward {pair} rate differ from spot ({S}) if {cq} "
        "money pays {rq} and {cb} money pays {rb} (simple, {basis})? Answer in {pips}, "
        "negative if the forward is below spot.",
        "Question 6. Given {pair} spot {S}, interest rates of {rq} in {cq} and {rb} in {cb} "
        "for {term} (simple, {basis}), compute the forward points in {pips}. State the sign.",
        "Forward points = forward minus spot, in {pips}. {pair} spot {S}, {term}, {cq} {rq}, "
        "{cb} {rb}, simple money-market rates ({basis}). Value?",
        "ok so {pair} is {S} spot, {cq} rates {rq}, {cb} rates {rb}, {term}, simple "
        "({basis}). how many fwd points is that in {pips}?",
        "Dear team, for the {term_adj} {pair} hedge: spot {S}, {cq} {rq} and {cb} {rb}, simple "
        "interest ({basis}). What forward points does covered interest parity give, in "
        "{pips}? Best, Olu",
        "With {pair} at {S}, {cq} interest at {rq} and {cb} interest at {rb} over {term} "
        "(simple, {basis}), what premium or discount in forward points applies, in {pips}?",
        "CIP check: {pair} spot {S}; {term}; {cq} {rq}; {cb} {rb}; simple rates, {basis}. "
        "Forward points in {pips}, negative for a discount?",
        "I'm studying FX swaps. If {pair} spot is {S}, the {cq} rate is {rq} and the {cb} rate "
        "is {rb} (simple, {basis}), what are the forward points for {term}, in {pips}?",
        "Swap points for {pair}, {term}: spot {S}, {cq} deposit rate {rq}, {cb} deposit rate "
        "{rb}, simple interest ({basis}). Answer in {pips}.",
        "The treasury system shows {pair} spot at {S}. Money-market rates for {term}: {cq} "
        "{rq}, {cb} {rb} ({basis}, simple). What forward points should it show, in {pips}?",
        "{pair}\nspot: {S}\n{cq} rate: {rq}\n{cb} rate: {rb}\nterm: {term}\nbasis: simple, "
        "{basis}\nforward points in {pips}?",
    ),
    ood_templates=(
        "Premium or discount of the {pair} outright over its cash level ({S}), counted in "
        "{pips}: {cq} money yields {rq}, {cb} money {rb}, non-compounding accrual ({basis}), "
        "horizon {term}.",
        "How far from {S} does interest parity push {pair} after {term}? Yields on deposits: "
        "{cq} {rq}, {cb} {rb}; non-compounding accrual, {basis}. Express the gap in {pips}.",
        "Pricing desk: differential-driven adjustment to the {pair} cash level {S} for delivery "
        "in {term}, {cq} yielding {rq} versus {cb} yielding {rb} ({basis}, non-compounding). "
        "Give it in {pips}.",
    ),
    parts=Parts(
        labels={
            "pair": (
                "currency pair",
                "pair",
                "FX pair",
                "pair quoted",
                "quoted pair",
                "pair being hedged",
                "forward pair",
                "pair of the swap",
                "currency pair of the forward",
                "underlying pair",
                "pair on the ticket",
                "pair to price",
            ),
            "S": (
                "spot rate",
                "spot",
                "current exchange rate",
                "spot quote",
                "exchange rate today",
                "spot FX rate",
                "spot mid",
                "today's rate",
                "spot exchange rate",
                "rate for spot delivery",
                "spot level",
                "outright spot",
            ),
            "rq_c": (
                "interest rate of the quote currency",
                "quote-currency interest rate",
                "quote currency deposit rate",
                "deposit rate in the quote currency",
                "money-market rate of the quote currency",
                "terms-currency rate",
                "counter-currency interest rate",
                "rate on the quote currency",
                "second currency's deposit rate",
                "interest rate for the quote side",
                "quote-currency money-market rate",
                "quote-side deposit rate",
            ),
            "rb_c": (
                "interest rate of the base currency",
                "base-currency interest rate",
                "base currency deposit rate",
                "deposit rate in the base currency",
                "money-market rate of the base currency",
                "base-leg rate",
                "first currency's interest rate",
                "rate on the base currency",
                "first currency's deposit rate",
                "interest rate for the base side",
                "base-currency money-market rate",
                "base-side deposit rate",
            ),
            "term": (
                "term",
                "tenor",
                "forward term",
                "time to delivery",
                "time to value date",
                "length of the forward",
                "period",
                "maturity",
                "horizon",
                "swap tenor",
                "term of the forward",
                "forward period",
            ),
            "conv": (
                "day count",
                "day-count basis",
                "rate convention",
                "interest basis",
                "day count and compounding",
                "money-market convention",
                "accrual basis",
                "rate basis",
                "interest convention",
                "day-count convention",
                "quoting basis of the rates",
                "rate quoting convention",
            ),
            "pip": (
                "pip size",
                "size of one pip",
                "point size",
                "value of one point",
                "forward point unit",
                "pip",
                "pip convention",
                "point convention",
                "pip unit",
                "smallest quoted increment",
                "size of a forward point",
                "points scale",
            ),
        },
        asks=(
            "What are the forward points?",
            "Compute the forward points.",
            "How many forward points is the forward away from spot?",
            "Forward points?",
            "What swap points does covered interest parity give?",
            "Work out the forward points (forward minus spot, in pips).",
            "What is the forward premium or discount in points?",
            "How many pips is the forward above or below spot?",
            "What points should be added to spot for the forward?",
            "Fwd points?",
            "Give the swap points for the tenor, with their sign.",
            "What are the FX swap points for this term?",
            "Calculate the forward points by interest rate parity.",
            "What is the interest-differential adjustment to spot, in pips?",
            "How many points is the forward at a premium or discount to spot?",
            "What forward points will the dealer show?",
            "Compute the swap points from the two deposit rates.",
            "What are the forward points (negative for a discount)?",
            "Textbook CIP problem: find the forward points.",
            "Points to add to spot?",
            "What is the forward minus spot, expressed in pips?",
        ),
        ood_labels={
            "pair": ("exchange cross being priced", "cross under consideration"),
            "S": ("cash level of the cross", "prevailing cash level"),
            "rq_c": ("yield on the terms side", "terms-side yield"),
            "rb_c": ("yield on the first-named side", "first-named currency yield"),
            "term": ("delivery horizon", "horizon of the deal"),
            "conv": ("accrual method", "non-compounding accrual"),
            "pip": ("increment of quotation", "quotation increment"),
        },
        ood_asks=(
            "Express the parity-driven gap from the cash level in pips.",
            "By how many pips does the differential move the outright?",
            "Quantify the outright's gap from its cash level in pips.",
        ),
    ),
)


# --- fra_settlement -----------------------------------------------------------------------------

# Notional principal; out of range, a bank's jumbo ticket or a small company's.
_NOTIONAL = money((1e6, 2.5e8), ((5e8, 5e9), (20_000, 500_000)))
# The FRA (contract) rate; out of range, a high-rate market or near-zero rates.
_FRA_RATE = pct((0.5, 7), ((8, 16), (0.05, 0.4)), decimals=2, ood_decimals=3)
_FRA_PARAMS = {"N": _NOTIONAL, "K": _FRA_RATE}
# FRAs as dealers name them: (start month, end month).
_FRA_TENORS = ((1, 4), (2, 5), (3, 6), (3, 6), (6, 9), (9, 12), (1, 7), (3, 9), (6, 12), (12, 18))
_PERIOD_DAYS = {3: (89, 90, 91, 92), 6: (181, 182, 183, 184)}
# Money styles (indexes into Num.text's renderings): dollars or euros, whose FRAs fix on
# LIBOR-style term rates and EURIBOR on act/360.
_FRA_STYLES = {"USD": (0, 1, 2, 3), "EUR": (4, 6)}
SELLER_SHARE = 0.5


def _fra_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Notional ``N`` and FRA rate ``K`` in one band; the fixing ``L`` near ``K`` (to three
    decimals, as fixings print); the FRA's months ``a`` x ``b`` and the days ``d`` of its
    period; ``s`` 1 for a question asked from the seller's side."""
    nums = draw_params(_FRA_PARAMS, rng, ood)
    rate = nums["K"].value
    spread = rng.uniform(0.05, 1.5) if rate >= 0.5 else rng.uniform(0.2, 0.9) * rate
    sign = rng.choice((-1, 1)) if rate - spread > 0.01 else 1
    nums["L"] = Num(round(rate + sign * spread, 3), 3, "pct")
    start, end = rng.choice(_FRA_TENORS)
    nums["a"], nums["b"] = Num(float(start), 0, "plain"), Num(float(end), 0, "plain")
    nums["d"] = Num(float(rng.choice(_PERIOD_DAYS[end - start])), 0, "plain")
    nums["s"] = Num(1.0 if rng.random() < SELLER_SHARE else 0.0, 0, "plain")
    return nums


def _fra_settlement(v: Mapping[str, float]) -> float:
    # The two interest amounts for the period, each on the notional; their difference falls due
    # at the period's end and is paid at its start, discounted at the fixing.
    accrual = v["d"] / 360
    floating = v["N"] * v["L"] / 100 * accrual
    fixed = v["N"] * v["K"] / 100 * accrual
    to_buyer = (floating - fixed) / (1 + v["L"] / 100 * accrual)
    return -to_buyer if round(v.get("s", 0.0)) == 1 else to_buyer


def _fra_formula(f: Mapping[str, str]) -> str:
    # The side as a word fra_settlement() reads: written as the order of the two rates, run BR
    # paid the buyer the seller's amount (experiments.md, session 38; run BW +4/-0, session 45).
    side = "seller" if f.get("s") == "1" else "buyer"
    return f'fra_settlement("{side}",{f["N"]},{f["K"]}/100,{f["L"]}/100,{f["d"]})'


_SETTLE = (
    "settled at the start of the period, discounted at the reference rate",
    "paid in advance at the start of the period (discounted)",
    "settled at the beginning of the period, discounted at the fixing",
    "cash-settled up front at the period start, discounted at the reference rate",
)
# How a composed question shows the settlement: a phrase without commas, as a table cell or
# after "the settlement timing is".
_SETTLE_VALUES = (
    "at the start of the period (discounted at the reference rate)",
    "in advance at the period start (discounted)",
    "up front at the start of the period (discounted at the fixing)",
)
_SIGNS = (
    "positive if received, negative if paid",
    "a receipt positive and a payment negative",
    "negative if it is a payment",
    "positive for money received, negative for money paid",
)


def _fra_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The amounts in dollars or euros; the FRA (``{fra}``: "3x6"), the reference rate
    (``{ref}``: "3-month EURIBOR"), the side (``{role}``: "buyer", ``{role_long}``: "the buyer
    (paying the fixed FRA rate)", ``{bought}``: "bought"), how it settles (``{settle}``) and the
    sign convention (``{sign}``, ``{Sign}``); a composed question shows ``side``, ``when``
    (the settlement as a phrase), ``dc`` (act/360) and ``term`` ("91 days") beside the numbers."""
    currency = "EUR" if rng.random() < 0.35 else "USD"
    style = rng.choice(_FRA_STYLES[currency])
    scale_style = rng.randrange(4)
    shown = {k: nums[k] for k in ("N", "K", "L", "d")}
    texts = {k: n.text(rng, money_style=style, scale_style=scale_style) for k, n in shown.items()}
    start, end = nums["a"].shown, nums["b"].shown
    texts["fra"] = rng.choice(("{}x{}", "{}x{}", "{} x {}", "{}v{}")).format(start, end)
    months = round(nums["b"].value - nums["a"].value)
    if currency == "EUR":
        texts["ref"] = f"{months}-month EURIBOR"
    else:
        texts["ref"] = rng.choice(
            (f"{months}-month LIBOR", f"{months}-month term SOFR", "the reference rate")
        )
    texts["Ref"] = sentence_case(texts["ref"])
    texts["term"] = f"{texts['d']} days"
    seller = round(nums["s"].value) == 1
    texts["role"] = "seller" if seller else "buyer"
    texts["bought"] = "sold" if seller else "bought"
    texts["role_long"] = rng.choice(
        ("the seller (receiving the fixed FRA rate)", "the seller, who receives the fixed rate")
        if seller
        else ("the buyer (paying the fixed FRA rate)", "the buyer, who pays the fixed rate")
    )
    texts["side"] = rng.choice(
        ("seller (we receive the fixed FRA rate)", "short the FRA (we receive fixed)")
        if seller
        else ("buyer (we pay the fixed FRA rate)", "long the FRA (we pay fixed)")
    )
    texts["settle"] = rng.choice(_SETTLE)
    texts["when"] = rng.choice(_SETTLE_VALUES)
    texts["sign"] = rng.choice(_SIGNS)
    texts["Sign"] = sentence_case(texts["sign"]) + "."
    texts["dc"] = rng.choice(("act/360", "actual/360", "ACT/360", "360-day year"))
    return texts


FRA_SETTLEMENT = Family(
    name="fra_settlement",
    unit="currency",
    reasoning="FRA settlement to the buyer = notional * (reference rate - FRA rate) * days/360 / "
    "(1 + reference rate * days/360), the seller's the negative.",
    params=_FRA_PARAMS,
    sample=_fra_sample,
    render=_fra_texts,
    valid=lambda v: abs(v["L"] - v["K"]) >= 0.01 and v["L"] > 0,
    formula=_fra_formula,
    solve=_fra_settlement,
    convention="currency: the FRA's cash settlement at the start of the period, the interest "
    "difference on the notional for the period (act/360) discounted at the reference rate; the "
    "buyer pays the fixed FRA rate and receives the reference rate; positive is received by the "
    "party asked about (buyer or seller), negative paid",
    templates=(
        "We {bought} a {fra} FRA on {N} notional at {K}. {Ref} fixed at {L} for the {d}-day "
        "period (act/360), and the FRA is {settle}. What is the settlement amount to us as the "
        "{role}, {sign}?",
        "FRA {fra}, notional {N}, FRA rate {K}, fixing {L}, {d} days, act/360, {settle}. "
        "Settlement to the {role} ({sign})?",
        "Exam question: Company A is {role_long} of a {fra} FRA with a notional principal of "
        "{N} and a contract rate of {K}. At the start of the {d}-day period, {ref} is fixed at "
        "{L}. The contract is settled at the start of the period, discounted at the reference "
        "rate (act/360). Calculate the settlement amount to Company A, positive if it receives "
        "and negative if it pays.",
        "Hi Rosa, our {fra} FRA fixed today. We are {role_long}; notional {N}, FRA rate {K}, "
        "{ref} fixing {L}, {d} days on act/360, {settle}. What settlement amount should "
        "treasury expect ({sign})? Thanks, Felix",
        "fra settlement?? we {bought} {N} {fra} at {K}, fixing came in at {L}, {d} days "
        "act/360, {settle}. how much do we get or pay ({sign})",
        "| side | notional | FRA rate | fixing | days | settlement |\n|---|---|---|---|---|---|\n"
        "| {role} | {N} | {K} | {L} | {d} | ? |\nAct/360, {settle}; amount to the {role}, "
        "{sign}.",
        "- Position: {role_long}\n- Notional: {N}\n- FRA rate: {K}\n- Reference rate at "
        "fixing: {L}\n- Period: {d} days (act/360)\n- Settlement: {settle}\nSettlement amount "
        "to the {role} ({sign})?",
        "Please, my company {bought} an FRA {fra} for {N}, the FRA rate is {K}. The reference "
        "rate was fixed at {L}, period is {d} days, act/360, and it is {settle}. How much we "
        "receive or pay? ({sign})",
        "I just got back from my cousin's wedding to find our {fra} FRA has fixed. We're "
        "{role_long} on {N} at {K}; {ref} set at {L} for {d} days (act/360), {settle}. What is "
        "the settlement amount for us, {sign}?",
        "Desk note: {fra} FRA, {role}, {N} @ {K}. Fix {L}. {d}d act/360, {settle}. Settlement "
        "({sign})?",
        "A treasurer holds a {fra} FRA on {N} at {K} as {role_long}. The fixing of {ref} came "
        "in at {L} for the {d}-day period (act/360). With the difference {settle}, how much "
        "changes hands for the treasurer's side, {sign}?",
        "Question 8. A {fra} FRA has a notional of {N} and an FRA rate of {K}. The reference "
        "rate for the {d}-day period is set at {L}. Settlement is at the start of the period, "
        "discounted at the reference rate, act/360. Compute the payment to the {role} "
        "({sign}).",
        "Bank X is {role_long} in a {fra} FRA with Bank Y: notional {N}, contract rate {K}, "
        "{d}-day period, act/360, {settle}. {Ref} fixed at {L}. What settlement does Bank X "
        "receive, {sign}?",
        "ok so {fra} fra, we're the {role}, {N} notional, rate {K}, {ref} fixed {L}, {d} days "
        "act/360, {settle}. settlement amount? {sign}",
        "FRA settlement amount = ? Notional {N}; contract rate {K}; reference rate fixing {L}; "
        "days {d}; basis act/360; {settle}; party: {role_long}; {sign}.",
        "Dear Ms Okafor, please confirm the settlement of our {fra} FRA, where we are "
        "{role_long}: notional {N}, FRA rate {K}, {ref} fixing {L}, {d}-day period, act/360, "
        "{settle}. What amount do we receive or pay ({sign})? Regards, Kenji",
        "I'm studying FRAs. If I am {role_long} of a {fra} FRA on {N} at {K} and the reference "
        "rate fixes at {L} for {d} days (act/360), what is my settlement amount when it is "
        "{settle}? {Sign}",
        "Hedge accounting needs the FRA cash flow: {role} of a {fra} FRA, notional {N}, fixed "
        "rate {K}, {ref} at {L}, {d} days, act/360, {settle}. Amount, {sign}?",
        "After {ref} fixed at {L}, what does the {role} of a {fra} FRA (notional {N}, FRA "
        "rate {K}, {d}-day period, act/360) receive or pay? It is {settle}; {sign}.",
        "Our {fra} FRA: we {bought} it at {K} on {N}. Fixing {L}, period {d} days (act/360), "
        "{settle}. Settlement to us, {sign}?",
        "Calculate the FRA settlement for the {role}: {N} notional, {K} agreed rate, {L} "
        "reference rate, {d} days act/360, {settle} ({sign}).",
    ),
    ood_templates=(
        "A forward-rate contract on {N} locks in {K}; the benchmark later prints {L} for a "
        "span of {d} days (act/360). Compensation changes hands up front, discounted. Net cash "
        "to the {role} ({sign})?",
        "Fixed-versus-benchmark difference on {N} across {d} days (act/360): agreed {K}, observed "
        "{L}, discounted to the span's commencement. What cash flow accrues to the {role}, "
        "{sign}?",
        "Counterparty acting as {role_long} in a {fra} rate agreement struck at {K}, principal "
        "{N}; benchmark set at {L}; accrual {d} days on act/360; compensation discounted to "
        "the commencement. Sum owed to or by it ({sign})?",
    ),
    parts=Parts(
        labels={
            "side": (
                "position held",
                "side of the FRA we hold",
                "side we are on",
                "FRA position",
                "role in the FRA",
                "side taken",
                "position in the FRA",
                "side of the trade",
                "desk's side",
                "counterparty role",
                "FRA direction",
                "direction of the FRA",
            ),
            "fra": (
                "FRA",
                "FRA tenor",
                "FRA contract",
                "FRA term",
                "contract tenor",
                "FRA designation",
                "FRA dates",
                "contract",
                "FRA quoted",
                "FRA traded",
                "instrument",
                "FRA strip label",
            ),
            "N": (
                "notional",
                "notional principal",
                "notional amount",
                "contract notional",
                "principal",
                "face amount of the FRA",
                "nominal amount",
                "FRA notional",
                "notional size",
                "deal size",
                "ticket size",
                "contract amount",
            ),
            "K": (
                "FRA rate",
                "contract rate",
                "agreed rate",
                "fixed rate",
                "forward rate agreed",
                "locked-in rate",
                "FRA fixed rate",
                "strike rate",
                "dealt rate",
                "contract fixed rate",
                "FRA price",
                "rate agreed in the FRA",
            ),
            "L": (
                "reference rate fixing",
                "fixing",
                "reference rate",
                "settlement rate",
                "floating rate fixed at settlement",
                "market rate at fixing",
                "benchmark fixing",
                "rate set on the fixing date",
                "fixing rate",
                "observed reference rate",
                "floating fixing",
                "rate fixed for the period",
            ),
            "term": (
                "FRA period",
                "length of the period",
                "period",
                "contract period",
                "accrual period",
                "interest period",
                "period covered",
                "duration of the period",
                "period length",
                "settlement period",
                "length of the FRA period",
                "term of the period",
            ),
            "dc": (
                "day count",
                "day-count basis",
                "day count convention",
                "interest basis",
                "accrual basis",
                "day basis",
                "year basis",
                "day-count fraction",
                "rate basis",
                "calculation basis",
                "year convention",
                "accrual convention",
            ),
            "when": (
                "settlement",
                "settlement timing",
                "payment timing",
                "settlement convention",
                "settlement basis",
                "payment convention",
                "timing of the payment",
                "time of settlement",
                "cash settlement",
                "settlement method",
                "settlement rule",
                "settlement practice",
            ),
        },
        asks=(
            "What is the settlement amount to us (positive if received, negative if paid)?",
            "How much do we receive or pay at settlement (negative if we pay)?",
            "Compute the FRA settlement amount from our side (positive if received, negative if "
            "paid).",
            "Settlement on the FRA to us, negative if we pay?",
            "What cash settlement do we get on the FRA (negative if we pay)?",
            "Work out the discounted FRA payment to our side, negative if we pay it.",
            "What is the net FRA settlement for our position (a payment by us is negative)?",
            "How much changes hands at settlement, from our point of view (paid is negative)?",
            "What is the FRA payoff at the start of the period for our side (negative if we pay)?",
            "fra settlement for us (positive received, negative paid)?",
            "What amount do we receive on the FRA, negative if we pay?",
            "Calculate the FRA settlement amount for our side (negative for a payment).",
            "What is the settlement sum due to us, negative if it is due from us?",
            "What is the present value of the interest difference to our side (negative if we "
            "owe it)?",
            "What does the FRA pay us at settlement (negative if we pay)?",
            "Compute the settlement of the FRA for our position, with a payment by us negative.",
            "How much cash do we get from the FRA settlement (a negative number if we pay)?",
            "What is our FRA settlement amount (received positive, paid negative)?",
            "Settlement amount for our side of the FRA (a payment is negative)?",
            "What is the compensation payment to us under the FRA (negative if we pay)?",
            "What discounted difference is owed to our side (negative if we owe it)?",
        ),
        ood_labels={
            "side": ("stance within the agreement", "stance held"),
            "fra": ("agreement label", "label of the agreement"),
            "N": ("principal underlying the agreement", "sum underlying the agreement"),
            "K": ("level struck", "struck level"),
            "L": ("benchmark print", "printed benchmark"),
            "term": ("accrual span", "span of accrual"),
            "dc": ("fraction convention", "yearly divisor"),
            "when": ("timing of compensation", "compensation timing"),
        },
        ood_asks=(
            "State the cash flow accruing to our side, negative when we owe it.",
            "Determine the transfer attributable to our side (negative when outgoing).",
            "What compensation accrues to our stance (negative when outgoing)?",
        ),
    ),
)


# --- straddle_breakeven -------------------------------------------------------------------------

# The strike; out of range, index-level strikes or a low-priced stock's.
_STRADDLE_STRIKE = plain((10, 600), ((800, 4000), (1, 8)))
STRANGLE_SHARE = 0.3
_PREMIUM_SHARE = (0.015, 0.09)  # a straddle leg's premium, of the strike
_STRANGLE_PREMIUM_SHARE = (0.005, 0.05)  # an out-of-the-money strangle leg's
_WIDTH = (0.03, 0.15)  # how far each strangle strike is from the middle


def _strike_step(strike: float) -> float:
    """The strike grid: 50 above 2,000, 10 above 500, 5 above 100, 1 above 10, 0.5 below."""
    for floor, step in ((2000, 50.0), (500, 10.0), (100, 5.0), (10, 1.0)):
        if strike >= floor:
            return step
    return 0.5


def _on_grid(value: float) -> Num:
    step = _strike_step(value)
    snapped = round(value / step) * step
    return Num(snapped, 0 if float(snapped).is_integer() else 1, "plain")


def _strangle_strikes(rng: random.Random, middle: float) -> tuple[Num, Num]:
    """A call strike above ``middle`` and a put strike below it, on the strike grid."""
    width = middle * rng.uniform(*_WIDTH)
    return _on_grid(middle + width), _on_grid(max(middle - width, _strike_step(middle)))


def _straddle_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """``K``, the strike the breakeven asked for is measured from, on the strike grid, and the
    two premiums per share ``c`` and ``p``; ``up`` 1 for the upper breakeven, 0 for the lower.
    A straddle has one strike; a strangle (STRANGLE_SHARE of draws) has ``K2`` too: ``K`` is
    its call strike for the upper breakeven and its put strike for the lower, ``K2`` the other
    one (both in the band drawn). The share price today ``S0`` in SIDE_FIGURE_SHARE of draws."""
    band = rng.randrange(2)
    upper = rng.randrange(2) == 1
    low, high = _STRADDLE_STRIKE.train
    if rng.random() < STRANGLE_SHARE:
        for _ in range(100):
            middle = _STRADDLE_STRIKE.draw(rng, ood, band).value
            call, put = _strangle_strikes(rng, middle)
            if call.value > put.value and (ood or (call.value <= high and put.value >= low)):
                break
        nums = {"K": call, "K2": put} if upper else {"K": put, "K2": call}
        shares = _STRANGLE_PREMIUM_SHARE
    else:
        middle = _STRADDLE_STRIKE.draw(rng, ood, band).value
        nums = {"K": _on_grid(middle)}
        shares = _PREMIUM_SHARE
    for key in ("c", "p"):
        premium = max(round(middle * rng.uniform(*shares), 2), 0.05)
        nums[key] = Num(premium, 2, "plain")
    nums["up"] = Num(1.0 if upper else 0.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["S0"] = Num(round(middle * rng.uniform(0.97, 1.03), 2), 2, "plain")
    return nums


def _strikes(v: Mapping[str, float]) -> tuple[float, float]:
    """(call strike, put strike): a straddle's one strike twice, a strangle's two."""
    if "K2" not in v:
        return v["K"], v["K"]
    return (v["K"], v["K2"]) if round(v["up"]) == 1 else (v["K2"], v["K"])


def _straddle_breakeven(v: Mapping[str, float]) -> float:
    # Bisection on the payoff at expiry: how far past the strike on the side asked the stock
    # must go for the two options' payoff to repay both premiums.
    call_strike, put_strike = _strikes(v)
    paid = v["c"] + v["p"]

    def payoff(price: float) -> float:
        return max(price - call_strike, 0.0) + max(put_strike - price, 0.0)

    if round(v["up"]) == 1:
        return call_strike + time_to_reach(lambda t: payoff(call_strike + t) < paid)
    return put_strike - time_to_reach(lambda t: payoff(put_strike - t) < paid)


def _straddle_valid(v: Mapping[str, float]) -> bool:
    call_strike, put_strike = _strikes(v)
    return call_strike >= put_strike and _straddle_breakeven(v) > 0


def _straddle_formula(f: Mapping[str, str]) -> str:
    total = f"({f['c']}+{f['p']})"  # both premiums paid
    return f"{f['K']}+{total}" if f["up"] == "1" else f"{f['K']}-{total}"


def _straddle_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Prices in dollars or bare (one style a question); the two legs in prose (``{legs}``,
    ``{Legs}``), one line each (``{legs_list}``), table rows (``{legs_table}``) and desk
    shorthand (``{legs_short}``); ``{strat}`` ("straddle" or "strangle"); the breakeven asked
    for (``{which}``: "upper", ``{Which}``, ``{side}``: "upside", ``{how}``: "high", ``{move}``:
    "rise", ``{dirn}``: "above", ``{hl}``: "higher"); and for a composed question the strike
    (``K``) or the strangle's two (``Kc``, ``Kp``), ``strat_text`` and ``want`` in words."""
    dollars = rng.random() < 0.6
    texts = {
        key: f"${num.shown}" if dollars else num.shown
        for key, num in nums.items()
        if key not in ("up", "K2")
    }
    strangle = "K2" in nums
    upper = round(nums["up"].value) == 1
    if strangle:
        other = f"${nums['K2'].shown}" if dollars else nums["K2"].shown
        texts["Kc"], texts["Kp"] = (texts["K"], other) if upper else (other, texts["K"])
        del texts["K"]
        call_k, put_k = texts["Kc"], texts["Kp"]
    else:
        call_k = put_k = texts["K"]
    c, p = texts["c"], texts["p"]
    form = rng.randrange(3)
    if form == 0:
        legs = f"the {call_k}-strike call for {c} and the {put_k}-strike put for {p}"
    elif form == 1:
        legs = f"a call struck at {call_k} for {c} and a put struck at {put_k} for {p}"
    else:
        legs = f"the {call_k} call at {c} and the {put_k} put at {p} (premiums per share)"
    texts["legs"], texts["Legs"] = legs, sentence_case(legs)
    texts["legs_list"] = f"- Call: strike {call_k}, premium {c}\n- Put: strike {put_k}, premium {p}"
    texts["legs_table"] = f"| call | {call_k} | {c} |\n| put | {put_k} | {p} |"
    texts["legs_short"] = rng.choice(
        (f"{call_k}C @ {c} + {put_k}P @ {p}", f"call {call_k} @ {c}, put {put_k} @ {p}")
    )
    texts["strat"] = "strangle" if strangle else "straddle"
    texts["strat_text"] = rng.choice(
        ("long strangle (call and put bought at different strikes)", "long strangle")
        if strangle
        else ("long straddle (call and put bought at the same strike)", "long straddle")
    )
    words = ("upper", "upside", "high", "rise", "above", "higher")
    if not upper:
        words = ("lower", "downside", "low", "fall", "below", "lower")
    for key, word in zip(("which", "side", "how", "move", "dirn", "hl"), words, strict=True):
        texts[key] = word
    texts["Which"] = sentence_case(texts["which"])
    texts["want"] = rng.choice(
        ("upper", "the upper one (stock rising)", "upside breakeven", "the higher of the two")
        if upper
        else (
            "lower",
            "the lower one (stock falling)",
            "downside breakeven",
            "the lower of the two",
        )
    )
    texts["tk"] = rng.choice(_TICKERS)
    return texts


_SPOT_ASIDES = {
    "S0": (
        "The stock is trading at {S0} right now.",
        "{tk} last traded at {S0}.",
        "Current share price: {S0}.",
        "The shares are at {S0} today.",
        "Presently the shares change hands around {S0}.",
    )
}

STRADDLE_BREAKEVEN = Family(
    name="straddle_breakeven",
    unit="currency",
    reasoning="Long straddle breakevens = strike + both premiums (upper) and strike - both "
    "premiums (lower); a strangle's from its call and put strikes.",
    params={"K": _STRADDLE_STRIKE},
    sample=_straddle_sample,
    render=_straddle_texts,
    aside=side_sentences(_SPOT_ASIDES),
    valid=_straddle_valid,
    formula=_straddle_formula,
    solve=_straddle_breakeven,
    convention="share price at expiry, per share: a long straddle's upper breakeven is the "
    "strike plus the call and put premiums, its lower the strike less them; a long strangle's "
    "upper is the call strike plus both premiums, its lower the put strike less them; the "
    "question says which; no commissions; a share price today shown beside is not used",
    templates=(
        "I bought a {strat} on {tk}: {legs}. What is the {which} breakeven price at expiry?",
        "Long {strat}, {legs_short}. {Which} breakeven?",
        "Exam question: An investor buys a {strat} on XYZ by purchasing {legs}. Premiums are "
        "per share. Calculate the {which} breakeven stock price at expiration.",
        "Hi Noor, I'm long a {strat} into earnings: {legs}. Where's the {which} breakeven at "
        "expiry? Thanks, Sam",
        "long {strat} {legs_short}, whats the {side} breakeven",
        "| leg | strike | premium |\n|---|---|---|\n{legs_table}\nLong {strat} (both legs "
        "bought). {Which} breakeven at expiry?",
        "- Strategy: long {strat}\n{legs_list}\nWhat is the {which} breakeven at expiry?",
        "Please, I have buy a {strat}: {legs}. How {how} the stock must go at expiry for me to "
        "break even? I mean the {which} breakeven.",
        "How {how} must {tk} go by expiry for my long {strat} to break even on the {side}? I "
        "hold {legs}.",
        "My flatmate says options are gambling, but I bought a {strat} anyway ahead of the FDA "
        "decision: {legs}. What is the {which} breakeven at expiry?",
        "Desk note: long {tk} {strat}, {legs_short}. B/E {side} = ?",
        "Question 4. A trader purchases {legs}, forming a long {strat}. Ignoring commissions, "
        "find the {which} breakeven price of the underlying at expiry.",
        "Volatility play: long {strat} ({legs_short}). Which price at expiry is the {which} "
        "breakeven?",
        "ok so i'm long the {strat}: {legs}. whats my breakeven on the {side}?",
        "Dear Ms Ito, could you tell me the {which} break-even point of my long {strat}? I "
        "bought {legs}. Kind regards, Paul",
        "To what price must the stock {move} by expiry before my long {strat} breaks even? {Legs}.",
        "If I buy {legs}, a long {strat}, what is the {which} breakeven at expiration, per share?",
        "Earnings trade: bought {legs}. {Which} breakeven for this long {strat}?",
        "Long {strat} on {tk}:\n{legs_list}\nFind the {side} breakeven at expiry.",
        "At expiry, {dirn} what stock price does my long {strat} ({legs_short}) start to make "
        "money on the {side}?",
        "Compute the {which} breakeven of a long {strat}: {legs}.",
    ),
    ood_templates=(
        "Holding {legs} as a long {strat}, which {hl} terminal underlying level leaves the "
        "combination exactly flat?",
        "Long-volatility combination ({strat}): {legs_short}. Zero-profit underlying level on "
        "the {hl} side at maturity?",
        "Owning both {legs} in a long {strat}, what maturity level on the {hl} side makes the "
        "package exactly flat?",
    ),
    parts=Parts(
        labels={
            "strat_text": (
                "strategy",
                "position",
                "option strategy",
                "trade",
                "structure",
                "position held",
                "options position",
                "volatility trade",
                "setup",
                "combination",
                "trade structure",
                "spread type",
            ),
            "K": (
                "strike",
                "strike price",
                "exercise price",
                "common strike",
                "strike of both options",
                "straddle strike",
                "strike of the call and put",
                "at-the-money strike",
                "shared strike",
                "strike level",
                "option strike",
                "strike used for both legs",
            ),
            "Kc": (
                "call strike",
                "strike of the call",
                "call exercise price",
                "upper strike",
                "call leg strike",
                "strike on the call",
                "higher strike (call)",
                "call strike price",
                "exercise price of the call",
                "OTM call strike",
                "strike of the call leg",
                "call's strike",
            ),
            "Kp": (
                "put strike",
                "strike of the put",
                "put exercise price",
                "lower strike",
                "put leg strike",
                "strike on the put",
                "lower strike (put)",
                "put strike price",
                "exercise price of the put",
                "OTM put strike",
                "strike of the put leg",
                "put's strike",
            ),
            "c": (
                "call premium",
                "premium of the call",
                "price paid for the call",
                "call price per share",
                "cost of the call",
                "call option premium",
                "premium on the call leg",
                "call leg premium",
                "call cost per share",
                "premium paid for the call",
                "call's price",
                "call option price",
            ),
            "p": (
                "put premium",
                "premium of the put",
                "price paid for the put",
                "put price per share",
                "cost of the put",
                "put option premium",
                "premium on the put leg",
                "put leg premium",
                "put cost per share",
                "premium paid for the put",
                "put's price",
                "put option price",
            ),
            "want": (
                "breakeven wanted",
                "which breakeven",
                "breakeven asked for",
                "side of the breakeven",
                "breakeven side",
                "break-even point wanted",
                "breakeven of interest",
                "breakeven needed",
                "requested breakeven",
                "breakeven to compute",
                "direction of the move",
                "breakeven direction",
            ),
            "S0": (
                "current stock price",
                "spot price",
                "stock price today",
                "share price now",
                "last trade",
                "current share price",
                "underlying price",
                "stock price at entry",
                "price of the stock now",
                "spot",
                "market price of the shares",
                "current underlying price",
            ),
        },
        asks=(
            "What is the breakeven price asked for, at expiry?",
            "Which stock price at expiry is that breakeven?",
            "Compute the requested breakeven at expiration.",
            "Breakeven at expiry, on the side named?",
            "Where does the long position break even on the side asked for?",
            "What expiry price is the breakeven on that side?",
            "Work out that breakeven stock price.",
            "At what stock price at expiry does the position break even on the side given?",
            "What is the break-even share price for the side wanted?",
            "Breakeven price on that side?",
            "Find the breakeven the question asks for.",
            "What stock price at expiration recovers both premiums on that side?",
            "What is the breakeven level at expiry on the named side?",
            "Compute the breakeven price per share for the side requested.",
            "What price at expiry makes the long volatility position flat on that side?",
            "which price is the breakeven on that side?",
            "Give the breakeven stock price for the side asked.",
            "Where is the breakeven on the side requested, per share at expiry?",
            "What is the stock price at which the payoff equals the total premium, on the side "
            "wanted?",
            "Breakeven of the long position on that side, please.",
        ),
        ood_labels={
            "strat_text": ("combination owned", "package owned"),
            "K": ("exercise level shared", "shared exercise level"),
            "Kc": ("exercise level of the upside leg", "upside leg exercise level"),
            "Kp": ("exercise level of the downside leg", "downside leg exercise level"),
            "c": ("outlay on the upside leg", "upside leg outlay"),
            "p": ("outlay on the downside leg", "downside leg outlay"),
            "want": ("flat point sought", "indicated flat point"),
            "S0": ("prevailing quotation of the shares", "shares' prevailing quotation"),
        },
        ood_asks=(
            "Which terminal level leaves the combination flat on the indicated side?",
            "Zero-profit underlying level on the indicated side?",
            "State the indicated flat point at maturity.",
        ),
    ),
)


# --- futures_pnl --------------------------------------------------------------------------------

# Futures as exchanges list them: (name, contract size or multiplier, what it counts (None: a
# money amount per index point), currency, training range of the price, out-of-range prices,
# tick, decimals shown, the price's unit in words).
_FUTURES: tuple[
    tuple[str, float, str | None, str, tuple[float, float], tuple, float, int, str], ...
] = (
    ("E-mini S&P 500", 50, None, "USD", (3500, 6200), ((700, 1400), (8000, 12000)), 0.25, 2, ""),
    (
        "Micro E-mini S&P 500",
        5,
        None,
        "USD",
        (3500, 6200),
        ((700, 1400), (8000, 12000)),
        0.25,
        2,
        "",
    ),
    (
        "E-mini Nasdaq-100",
        20,
        None,
        "USD",
        (11000, 22000),
        ((1500, 4000), (30000, 50000)),
        0.25,
        2,
        "",
    ),
    ("E-mini Dow", 5, None, "USD", (30000, 45000), ((6000, 12000), (60000, 90000)), 1, 0, ""),
    ("FTSE 100", 10, None, "GBP", (6800, 8800), ((3000, 5000), (11000, 16000)), 0.5, 1, ""),
    ("DAX", 25, None, "EUR", (14000, 20000), ((4000, 9000), (26000, 40000)), 0.5, 1, ""),
    ("WTI crude oil", 1000, "barrels", "USD", (55, 100), ((10, 40), (120, 180)), 0.01, 2, "barrel"),
    ("Brent crude", 1000, "barrels", "USD", (58, 105), ((12, 42), (125, 190)), 0.01, 2, "barrel"),
    ("gold", 100, "troy ounces", "USD", (1700, 2700), ((300, 1000), (3500, 6000)), 0.1, 2, "ounce"),
    ("silver", 5000, "troy ounces", "USD", (18, 35), ((4, 12), (45, 80)), 0.005, 3, "ounce"),
    ("corn", 5000, "bushels", "USD", (3.5, 7.5), ((1.5, 2.8), (9, 14)), 0.0025, 4, "bushel"),
    ("wheat", 5000, "bushels", "USD", (4.5, 9), ((2, 3.8), (11, 16)), 0.0025, 4, "bushel"),
    ("soybean", 5000, "bushels", "USD", (9, 16), ((4, 7.5), (19, 28)), 0.0025, 4, "bushel"),
    ("natural gas", 10000, "MMBtu", "USD", (1.8, 6), ((0.8, 1.5), (8, 14)), 0.001, 3, "MMBtu"),
    ("copper", 25000, "lb", "USD", (3.2, 5), ((0.8, 2.5), (6, 10)), 0.0005, 4, "lb"),
)
_FUTURES_STYLES = {"USD": (0, 1, 2, 3), "EUR": (4, 6), "GBP": (5, 7)}
_CONTRACT_COUNT = plain((2, 40), ((60, 1500),))
_MOVE = (0.002, 0.08)  # the exit's move from the entry, as a share of the entry price
_MARGIN_SHARE = (0.04, 0.12)  # initial margin, of one contract's notional value
SHORT_SHARE = 0.45


def _on_tick(value: float, tick: float, decimals: int) -> float:
    return round(round(value / tick) * tick, decimals)


def _pnl_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A contract (``k``, an index into :data:`_FUTURES`) and its size ``M``, the contracts
    ``n``, entry ``P0`` and exit ``P1`` on the contract's tick, ``s`` 1 for a short, and the
    initial margin per contract ``IM`` in SIDE_FIGURE_SHARE of draws."""
    band = rng.randrange(2)
    k = rng.randrange(len(_FUTURES))
    _, size, _, _, train, ood_bands, tick, decimals, _ = _FUTURES[k]
    low, high = ood_bands[band] if ood else train
    entry = _on_tick(rng.uniform(low, high), tick, decimals)
    exit_ = entry
    while exit_ == entry:
        move = rng.uniform(*_MOVE) * rng.choice((-1, 1))
        exit_ = _on_tick(entry * (1 + move), tick, decimals)
    nums = {
        "k": Num(float(k), 0, "plain"),
        "M": Num(float(size), 0, "plain"),
        "n": _CONTRACT_COUNT.draw(rng, ood, band),
        "P0": Num(entry, decimals, "plain"),
        "P1": Num(exit_, decimals, "plain"),
        "s": Num(1.0 if rng.random() < SHORT_SHARE else 0.0, 0, "plain"),
    }
    if rng.random() < SIDE_FIGURE_SHARE:
        margin = size * entry * rng.uniform(*_MARGIN_SHARE)
        nums["IM"] = Num(significant(margin, 3, whole=True), 0, "money")
    return nums


def _futures_pnl(v: Mapping[str, float]) -> float:
    # Value of the contracts at exit less their value at entry; a short gains what a long loses.
    quantity = v["n"] * v["M"]
    gain_if_long = quantity * v["P1"] - quantity * v["P0"]
    return -gain_if_long if round(v["s"]) == 1 else gain_if_long


def _pnl_formula(f: Mapping[str, str]) -> str:
    # The side as a word futures_pnl() reads, prices in the order traded: written as the order
    # of the two prices, run BR gave shorts a long's P&L (experiments.md, session 38).
    side = "short" if f["s"] == "1" else "long"
    return f'futures_pnl("{side}",{f["n"]},{f["M"]},{f["P0"]},{f["P1"]})'


def _pnl_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Prices as the market quotes them (index points bare, commodities in dollars, with their
    unit in some questions); ``{contract}`` ("E-mini S&P 500"), ``{size}`` ("$50 per index
    point", "1,000 barrels"), the side (``{side}``: "long", ``{Side}``, ``{side_long}``: "long
    (bought)", ``{opened}``: "bought", ``{closed}``: "sold", ``{closed_them}``: "sold them"), the
    margin in the contract's currency; a composed question shows ``contract``, ``size`` and
    ``side`` in words."""
    name, size, counts, currency, *_, unit = _FUTURES[round(nums["k"].value)]
    style = rng.choice(_FUTURES_STYLES[currency])
    texts: dict[str, str] = {"n": nums["n"].text(rng)}
    grouped = rng.random() < 0.5
    if counts is None:  # an index future: points, and money per point
        for key in ("P0", "P1"):
            texts[key] = nums[key].text(rng, grouped=grouped)
        point = Num(size, 0, "money").text(rng, money_style=style)
        texts["size"] = f"{point} per {rng.choice(('index point', 'point'))}"
    else:
        per = rng.choice(("", "", f" per {unit}", f"/{unit}"))
        for key in ("P0", "P1"):
            texts[key] = f"${nums[key].text(rng, grouped=grouped)}{per}"
        texts["size"] = f"{Num(size, 0, 'plain').text(rng)} {counts}"
    if "IM" in nums:
        texts["IM"] = nums["IM"].text(rng, money_style=style)
    texts["contract"] = name
    short = round(nums["s"].value) == 1
    texts["side"] = "short" if short else "long"
    texts["Side"] = sentence_case(texts["side"])
    texts["side_long"] = rng.choice(
        ("short (sold)", "short (sold to open)")
        if short
        else ("long (bought)", "long (bought to open)")
    )
    texts["opened"] = rng.choice(("sold", "sold short", "shorted")) if short else "bought"
    texts["closed"] = "bought back" if short else "sold"
    texts["closed_them"] = "bought them back" if short else "sold them"
    return texts


_MARGIN_ASIDES = {
    "IM": (
        "Initial margin was {IM} per contract.",
        "The broker required {IM} of initial margin per contract.",
        "I posted {IM} initial margin per contract.",
        "Margin posted: {IM} per contract (initial).",
        "A deposit of {IM} per lot was lodged with the clearing house.",
    )
}

FUTURES_PNL = Family(
    name="futures_pnl",
    unit="currency",
    reasoning="Futures P&L = contracts * contract size * (exit price - entry price) for a long, "
    "(entry - exit) for a short.",
    params={"n": _CONTRACT_COUNT},
    sample=_pnl_sample,
    render=_pnl_texts,
    aside=side_sentences(_MARGIN_ASIDES),
    formula=_pnl_formula,
    solve=_futures_pnl,
    # a short position, traded on margin
    uses=frozenset({"leverage", "shorting"}),
    convention="currency: the profit or loss of a closed futures position, contracts times the "
    "contract size or multiplier times the price change in the position's favour (exit less "
    "entry for a long, entry less exit for a short); negative for a loss; the initial margin "
    "shown beside is not used",
    templates=(
        "I {opened} {n} {contract} futures at {P0} and {closed_them} at {P1}. Each contract is "
        "{size}. What is my profit or loss?",
        "{Side} {n} {contract} @ {P0}, out @ {P1}, contract size {size}. P&L?",
        "Exam question: A trader takes a {side} position in {n} {contract} futures contracts at "
        "{P0}. The contract size is {size}. The position is closed out at {P1}. Calculate the "
        "trader's profit or loss (negative for a loss).",
        "Hi Greta, can you book the P&L on our {contract} trade? We were {side} {n} contracts "
        "from {P0} and closed at {P1}; the contract is {size}. Thanks, Ravi",
        "went {side} {n} {contract} at {P0}, closed {P1}. contract is {size}. how much did i "
        "make/lose",
        "| position | contracts | entry | exit | contract size |\n|---|---|---|---|---|\n| "
        "{side} | {n} | {P0} | {P1} | {size} |\nProfit or loss on the {contract} futures?",
        "- Contract: {contract} futures ({size})\n- Position: {side_long}, {n} contracts\n- "
        "Entry: {P0}\n- Exit: {P1}\nWhat is the P&L (negative if a loss)?",
        "Please, I {opened} {n} contracts of {contract} future at price {P0}, and after I "
        "{closed} at {P1}. One contract is {size}. How much I win or lose?",
        "My grandfather farmed all his life and never touched futures, but I {opened} {n} "
        "{contract} contracts at {P0} and {closed_them} at {P1}. Each one is {size}. What's my "
        "gain or loss?",
        "Desk note: {side} {n}x {contract} @ {P0}, closed @ {P1}; contract size {size}. "
        "Realised P&L?",
        "How much money did a trader make or lose by being {side} {n} {contract} futures from "
        "{P0} to {P1}, with a contract size of {size}?",
        "Question 9. An investor enters a {side} position of {n} {contract} futures at {P0} and "
        "closes it at {P1}. One contract represents {size}. Determine the profit or loss on "
        "the position.",
        "Futures P&L: {n} {contract} contracts, {side}, entry {P0}, exit {P1}, multiplier "
        "{size}. Result?",
        "ok so i was {side} {n} {contract} from {P0} and got out at {P1}, {size} a contract. p&l?",
        "Dear Mr Silva, the statement shows your {side} position in {n} {contract} futures "
        "opened at {P0} was closed at {P1}. With a contract size of {size}, what was the "
        "profit or loss? Regards, Operations",
        "I'm new to futures. If I'm {side} {n} {contract} contracts from {P0} and close at "
        "{P1}, what's my profit or loss? Contract size: {size}.",
        "Hedge review: the fund {opened} {n} {contract} futures at {P0} and {closed_them} at "
        "{P1} ({size} each). Gain or loss on the futures?",
        "What is the P&L on {n} {contract} futures {opened} at {P0} and {closed} at {P1}, if "
        "each contract is {size}?",
        "{n} {contract} contracts, {side_long}, opened {P0}, closed {P1}. Contract size {size}. "
        "Profit (loss negative)?",
        "Trade recap\nInstrument: {contract} futures\nSide: {side_long}\nContracts: {n}\n"
        "Entry: {P0}\nExit: {P1}\nContract size: {size}\nP&L?",
        "Calculate the gain or loss for a trader who is {side} {n} {contract} futures: entered "
        "at {P0}, closed at {P1}, contract size {size}.",
    ),
    ood_templates=(
        "Across {n} {contract} lots, each representing {size}, a {side} exposure initiated at "
        "{P0} was unwound at {P1}. Monetary outcome?",
        "Mark-to-market result: {side} exposure, {n} lots of {contract}, initiated {P0}, "
        "liquidated {P1}, {size} per lot.",
        "Having gone {side} {n} lots of {contract} at {P0} and liquidated at {P1} (each lot "
        "{size}), what did the venture gain or forfeit?",
    ),
    parts=Parts(
        labels={
            "contract": (
                "futures contract",
                "contract",
                "instrument",
                "product",
                "market",
                "contract traded",
                "futures market",
                "futures product",
                "underlying contract",
                "exchange contract",
                "futures instrument",
                "traded contract",
            ),
            "side": (
                "position",
                "direction",
                "side",
                "trade direction",
                "position side",
                "position taken",
                "side of the trade",
                "position direction",
                "stance",
                "exposure direction",
                "trade side",
                "bias",
            ),
            "n": (
                "number of contracts",
                "contract count",
                "position size in contracts",
                "number of lots",
                "lot count",
                "quantity of contracts",
                "number of futures",
                "contract quantity",
                "size in contracts",
                "number of contracts traded",
                "futures count",
                "trade size in contracts",
            ),
            "size": (
                "contract size",
                "contract multiplier",
                "multiplier",
                "size of one contract",
                "contract unit",
                "quantity per contract",
                "contract specification",
                "underlying per contract",
                "lot size",
                "trading unit",
                "contract value multiplier",
                "amount per contract",
            ),
            "P0": (
                "entry price",
                "entry level",
                "price at entry",
                "opening trade price",
                "trade-in price",
                "price the position was opened at",
                "entry fill",
                "initial futures price",
                "fill price on entry",
                "price dealt at",
                "open price of the trade",
                "starting futures price",
            ),
            "P1": (
                "exit price",
                "exit level",
                "price at exit",
                "closing trade price",
                "close-out price",
                "price the position was closed at",
                "exit fill",
                "final futures price",
                "fill price on exit",
                "unwind price",
                "price closed out at",
                "ending futures price",
            ),
            "IM": (
                "initial margin per contract",
                "initial margin",
                "margin posted per contract",
                "initial margin requirement",
                "margin deposit per contract",
                "performance bond per contract",
                "exchange initial margin",
                "margin per lot",
                "initial margin posted",
                "margin requirement per contract",
                "upfront margin per contract",
                "deposit per contract",
            ),
        },
        asks=(
            "What is the profit or loss on the futures position?",
            "What is the P&L (negative for a loss)?",
            "Compute the profit or loss.",
            "Profit or loss in total?",
            "How much did the trade make or lose?",
            "What is the realised gain or loss on the contracts?",
            "Work out the futures P&L in currency.",
            "What is the net result of the trade, negative if a loss?",
            "How much money was made or lost?",
            "What did the position earn (or lose)?",
            "Compute the gain or loss on the futures trade.",
            "What is the trading profit, with a loss shown as negative?",
            "pnl?",
            "What is the P&L in money terms?",
            "Profit or loss on the contracts, please.",
            "What is the total profit or loss across all contracts?",
            "How much was gained or lost, in currency?",
            "What is the position's realised P&L?",
            "Work out what the futures trade made or lost overall.",
            "What is the outcome of the futures trade in currency (loss negative)?",
            "whats the p&l on the trade?",
        ),
        ood_labels={
            "contract": ("lot traded on the exchange", "exchange lot"),
            "side": ("exposure stance", "stance taken"),
            "n": ("lots held", "tally of lots"),
            "size": ("quantity each lot represents", "lot representation"),
            "P0": ("initiation level", "level at initiation"),
            "P1": ("unwinding level", "level at unwinding"),
            "IM": ("clearing deposit per lot", "deposit lodged per lot"),
        },
        ood_asks=(
            "Monetary outcome of the exposure?",
            "What did the venture gain or forfeit?",
            "Net monetary result of unwinding the lots?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    FUTURES_FAIR_VALUE,
    FX_FORWARD_POINTS,
    FRA_SETTLEMENT,
    STRADDLE_BREAKEVEN,
    FUTURES_PNL,
)
