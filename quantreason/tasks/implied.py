"""Quantities people read off a price rather than put into one: a bond's approximate price move
from its modified duration when yields shift by some basis points, and the return a share price
implies under the constant-growth (Gordon) dividend model.

Risk managers, fund holders and students ask the first whenever rates move ("yields are up 25 bp,
what did my bond fund lose?"); analysts ask the second to cross-check a cost of equity against
the market price ("at this price and this dividend, what return is the market pricing in?").
Solvers are written independently of the formula text (a price value of a basis point, a
bisection on the Gordon price).
"""

from __future__ import annotations

import random

from quantreason.tasks.base import Family, Num, Parts, Values, money, number_texts, pct, plain

# --- duration_price_change -------------------------------------------------------------------

_MODIFIED_DURATION = plain((1, 15), ((16, 30), (0.1, 0.9)), decimals=2)
# Out of range, a long duration meets a tiny move and a short one a large move (bands are
# paired), so the first-order estimate stays a price change people meet (under ~5 %).
_BASIS_POINTS = plain((5, 200), ((1, 4), (250, 500)))
_ROUND_BP = (10.0, 25.0, 50.0, 75.0, 100.0, 150.0, 200.0)


def _duration_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Modified duration shown with one or two decimals, a yield move in basis points (often a
    round 25 or 50 in range, as people quote them) and its direction: ``dy`` is the move with
    its sign (negative for a fall), the number the formula writes."""
    band = rng.randrange(2)
    duration = _MODIFIED_DURATION.draw(rng, ood, band)
    if not ood and rng.random() < 0.5:
        duration = Num(round(duration.value, 1), 1, "plain")
    bp = _BASIS_POINTS.draw(rng, ood, band)
    if not ood and rng.random() < 0.3:
        bp = Num(rng.choice(_ROUND_BP), 0, "plain")
    sign = 1.0 if rng.random() < 0.5 else -1.0
    return {"D": duration, "bp": bp, "dy": Num(sign * bp.value, 0, "plain")}


# Words for the direction of the move, (rise, fall) pairs for each grammatical slot.
DIRECTION_WORDS = {
    "rise": (("rise", "fall"), ("increase", "decrease")),
    "rises": (("rises", "falls"), ("increases", "decreases"), ("climbs", "drops")),
    "rose": (("rose", "fell"), ("climbed", "dropped"), ("increased", "decreased")),
    "up": (("up", "down"),),
    "higher": (("higher", "lower"),),
    "sign": (("+", "-"),),
}
# The move as one phrase (composed questions, a few templates): direction and size together.
_MOVE_PHRASES = (
    "{sign}{bp} bp",
    "{sign}{bp} bps",
    "{sign}{bp} basis points",
    "{bp} bp {higher}",
    "{bp} bps {higher}",
    "{up} {bp} bp",
    "{up} {bp} basis points",
)


def _move_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, the move's size without its sign, and the words for its direction
    (``{rise}``, ``{rises}``, ``{rose}``, ``{up}``, ``{higher}``, ``{sign}``); ``{dy}`` is the
    whole move in one phrase ("+25 bp", "down 40 basis points")."""
    texts = number_texts(rng, nums)
    side = 0 if nums["dy"].value > 0 else 1
    for slot, pairs in DIRECTION_WORDS.items():
        texts[slot] = rng.choice(pairs)[side]
    texts["bp"] = nums["bp"].formula
    texts["dy"] = rng.choice(_MOVE_PHRASES).format(**texts)
    return texts


def _duration_move(v: dict) -> float:
    # Through the price value of a basis point (PVBP/DV01) on a notional price of 1,000.
    price = 1000.0
    pvbp = v["D"] * price / 10_000
    change = -pvbp * v["dy"]
    return change / price * 100


DURATION_PRICE_CHANGE = Family(
    name="duration_price_change",
    unit="percent",
    reasoning="Price change % = -modified duration * yield change in basis points / 100.",
    params={"D": _MODIFIED_DURATION, "bp": _BASIS_POINTS},
    sample=_duration_sample,
    render=_move_texts,
    formula=lambda f: f"-{f['D']}*{f['dy']}/100",
    solve=_duration_move,
    convention="percent change in price, first order (modified duration only, no convexity); "
    "negative when yields rise, positive when they fall",
    templates=(
        "A bond has a modified duration of {D}. If its yield {rises} by {bp} basis points, "
        "what is the approximate percentage change in its price?",
        "Modified duration {D}; yields {rise} {bp} bp. Approximate % change in price?",
        "Using duration only (no convexity), estimate the percent price change of a bond with "
        "modified duration {D} when rates {rise} by {bp} bps.",
        "Exam question: A bond portfolio has a modified duration of {D}. Market yields {rise} "
        "by {bp} basis points. Estimate the percentage change in the value of the portfolio "
        "using the duration approximation.",
        "My bond fund's factsheet lists a modified duration of {D}. If interest rates {rise} "
        "{bp} bp tomorrow, roughly how much would the fund's price change, in percent?",
        "mod dur {D}, yields {up} {bp}bp -> % price change?",
        "Hi Marco, the client's gilt holding has a modified duration of {D}. The desk expects "
        "yields to {rise} by {bp} basis points after the budget. Could you estimate the "
        "percentage move in its price? A first-order figure is fine. By the way, the review "
        "has moved to Thursday. Thanks, Leila",
        "| modified duration | {D} |\n| yield change | {sign}{bp} bp |\n| approx. price change "
        "(%) | ? |",
        "- Modified duration: {D}\n- Parallel shift in yields: {bp} bp {up}\n- Estimated % "
        "change in price?",
        "If yields go {up} by {bp} basis points, by about what percentage does the price of a "
        "bond with modified duration {D} change?",
        "Estimate the price impact, in percent, of a {bp} bp {rise} in yields on a position "
        "whose modified duration is {D}.",
        "The central bank surprised the market and yields {rose} {bp} bp. My bond ETF has a "
        "modified duration of {D}. About how much did its price move, in percent?",
        "Duration approximation: D_mod = {D}, Δy = {sign}{bp} bp. %ΔP ≈ ?",
        "What is the first-order percentage price change for a bond with a modified duration "
        "of {D} if its yield to maturity {rises} by {bp} basis points?",
        "Treasury yields {rose} {bp} bps today. Our portfolio's modified duration is {D}. "
        "Approximate percentage change in the portfolio's value?",
        "Question 6 (3 marks). A corporate bond has a modified duration of {D}. Its yield "
        "{rises} by {bp} basis points. Using modified duration alone, calculate the approximate "
        "percentage change in the bond's price. Ignore convexity.",
        "ok so my bond has modified duration {D} and rates just went {up} {bp} bp. how much % "
        "did the price change roughly?",
        "Please help, the bond have modified duration {D} and the yield is going {up} {bp} "
        "basis points. How much percent the price will change, approximately?",
        "Rates {up} {bp} bp, mod duration {D}. Price change in %? Keep the sign.",
        "I'm stress-testing the book: a parallel {rise} of {bp} basis points across the curve, "
        "and the book's modified duration is {D}. What percent price change does the duration "
        "rule give?",
        "Estimate by how many percent the price of a bond changes when its yield moves {bp} bp "
        "{higher}, given a modified duration of {D}.",
        "My father holds a long-dated municipal bond (he likes the tax break and complains "
        "about everything else). Its modified duration is {D}. If muni yields {rise} by {bp} "
        "basis points, approximately what percentage change in price should he expect?",
        "Interest-rate sensitivity check. Modified duration: {D}. Shift in yield: {bp} basis "
        "points {higher}. Approximate change in price, %?",
        "A pension fund's bond allocation carries a modified duration of {D}. What is the "
        "approximate percentage change in its market value if yields {rise} {bp} bp?",
        "How much does a bond's price change, in percent, for a {bp} basis point {rise} in its "
        "yield if its modified duration is {D}? Use the linear duration estimate.",
        "bond px sensitivity: MD {D}, yld {sign}{bp}bp, %chg?",
        "The yield on our long bond holding {rose} by {bp} bp this week. With a modified "
        "duration of {D}, what approximate % change in price does that imply?",
        "Approximate percentage price change, please: yields {up} {bp} basis points, modified "
        "duration {D}.",
        "Dear team, ahead of the ALCO meeting I'd like a rough figure: our fixed-income book "
        "has a modified duration of {D}. If yields {rise} by {bp} basis points, what "
        "percentage change in the book's value should we expect? Regards, Hannah",
        "Yield move: {dy}. Modified duration: {D}. By what percent does the bond price change, "
        "to first order?",
    ),
    ood_templates=(
        "Rate shock of {sign}{bp} basis points applied to a holding with D* = {D}: linear "
        "estimate of the percentage repricing?",
        "Suppose the entire curve shifts {bp} bp {higher}. A note carrying a modified duration "
        "of {D} reprices by roughly what percent?",
        "Our duration number is {D} (modified). Tomorrow's auction could send yields {up} {bp} "
        "bp. Ballpark percent hit or gain on the price?",
    ),
    parts=Parts(
        labels={
            "D": (
                "modified duration",
                "mod duration",
                "modified duration (years)",
                "MD",
                "D_mod",
                "duration (modified)",
                "effective duration",
                "modified duration of the bond",
                "portfolio modified duration",
                "ModDur",
                "mod dur",
                "modified duration of the holding",
            ),
            "dy": (
                "change in yield",
                "yield change",
                "move in yields",
                "shift in rates",
                "parallel yield shift",
                "Δy",
                "basis-point move in yields",
                "change in interest rates",
                "rate move",
                "yield move",
                "change in the yield to maturity",
                "move in the bond's yield",
            ),
        },
        asks=(
            "What is the approximate percentage change in the price?",
            "Estimate the percent price change using modified duration.",
            "By roughly what percentage does the bond's price move?",
            "What price change, in percent, does the duration approximation give?",
            "How much does the price change in percent, to first order?",
            "Compute the approximate % change in value (no convexity).",
            "What is the estimated change in the bond's price, in percent, with its sign?",
            "Approximate percentage price change?",
            "how much % does the price move roughly?",
            "What does duration say the price change is, as a percentage?",
            "What is the duration estimate of the percentage price change?",
            "By how many percent does the price move, to a first approximation?",
            "Price change in percent, duration only?",
            "What percentage move in the bond's value follows from its modified duration?",
            "Roughly how much does the bond lose or make, in percent of its price?",
            "Estimate %ΔP from the duration rule.",
            "Calculate the approximate percentage change in the bond's market value.",
            "How much will the bond price go up or down, in percent, with its sign?",
            "Compute the first-order percent price response to the yield move.",
            "% price change from duration?",
            "What is the percentage price impact of the rate move?",
            "Minus modified duration times the yield change: what percent is that?",
        ),
        ood_labels={
            "D": ("rate sensitivity measure D*",),
            "dy": ("repricing shock to the curve",),
        },
        ood_asks=("Give the linear estimate of the repricing in percent.",),
    ),
)


# --- implied_return_gordon -------------------------------------------------------------------


def _gordon_rate(v: dict) -> float:
    """The return r (percent) at which D1 / (r - g) equals the price, by bisection."""
    growth = v["g"] / 100

    def value_at(rate: float) -> float:
        return v["D1"] / (rate - growth)

    low, high = growth + 1e-12, growth + 10.0  # the value falls as r rises
    for _ in range(200):
        mid = (low + high) / 2
        if value_at(mid) > v["P"]:
            low = mid
        else:
            high = mid
    return (low + high) / 2 * 100


def _plausible_implied_return(v: dict) -> bool:
    dividend_yield = v["D1"] / v["P"] * 100
    return 0.5 <= dividend_yield <= 10 and 3 <= dividend_yield + v["g"] <= 25


IMPLIED_RETURN_GORDON = Family(
    name="implied_return_gordon",
    unit="percent",
    reasoning="Implied return = next dividend / price + growth (the Gordon model solved for r).",
    params={
        "D1": money((0.2, 10), ((12, 60), (0.01, 0.15)), decimals=2, ood_decimals=3),
        "P": money((8, 400), ((500, 5000), (0.5, 5)), decimals=2),
        "g": pct((0.5, 7), ((7.5, 14), (0.05, 0.4)), decimals=1, ood_decimals=2),
    },
    valid=_plausible_implied_return,
    formula=lambda f: f"{f['D1']}/{f['P']}*100+{f['g']}",
    solve=_gordon_rate,
    convention="percent per year; the dividend given is next year's (expected, not yet paid) "
    "and grows at g for ever; the price is today's",
    templates=(
        "A stock trades at {P} and is expected to pay a dividend of {D1} next year. Dividends "
        "should grow at {g} a year forever. What required return does the Gordon growth model "
        "imply?",
        "Price {P}, next year's dividend {D1}, constant growth {g}. Implied cost of equity?",
        "Using the constant-growth dividend discount model, find the market-implied required "
        "return for a share priced at {P} with an expected dividend of {D1} next year and "
        "perpetual growth of {g}.",
        "Exam question: The shares of Delta plc are quoted at {P}. The dividend expected at the "
        "end of the coming year is {D1} per share, and dividends are expected to grow at {g} "
        "per annum indefinitely. Calculate the cost of equity implied by the share price.",
        "I can buy a utility stock for {P}. Analysts expect it to pay {D1} per share over the "
        "next year and to grow that payout {g} a year indefinitely. What annual return am I "
        "implicitly signing up for?",
        "D1 = {D1}, P0 = {P}, g = {g}. Solve the Gordon model for r.",
        "Hi Ines, for the WACC we want a DDM cross-check on the cost of equity. The share "
        "closed at {P}; consensus has next year's dividend at {D1} and we assume long-run "
        "dividend growth of {g}. What does that imply for ke? The CAPM number is in the other "
        "tab. Thanks, Paul",
        "price | D1 (next year) | growth | implied r\n{P} | {D1} | {g} | ?",
        "- share price: {P}\n- expected dividend next year: {D1}\n- perpetual growth: {g}\n"
        "Expected total return per Gordon?",
        "What rate of return is the market pricing in for a stock at {P} whose dividend a year "
        "from now is forecast at {D1}, growing {g} annually thereafter?",
        "hey, quick ggm backsolve: px {P}, fwd div {D1}, g {g}. what's the implied r?",
        "If a share sells for {P}, next year's dividend is expected to be {D1} and dividends "
        "will grow at a constant {g}, what is the investors' required rate of return?",
        "My aunt bought shares in a regional electricity company at {P} (she also collects "
        "teapots, but that's another story). The company is expected to pay {D1} a share next "
        "year and to raise it by {g} every year after. What return does the dividend growth "
        "model say she should expect?",
        "Expected return = yield on next year's dividend + growth. Next dividend {D1}, price "
        "{P}, growth {g}. Result?",
        "Backsolve the discount rate: a perpetually growing dividend starting at {D1} next "
        "year, growth {g}, valued by the market at {P}.",
        "The stock price is {P}. Next year's dividend is forecast at {D1}. Dividend growth is "
        "{g} forever. Calculate the implied required return.",
        "Question 7 (4 marks). Omega Ltd's ordinary shares trade at {P} ex-dividend. A dividend "
        "of {D1} per share is expected in one year's time, and thereafter dividends are "
        "forecast to grow at {g} per year in perpetuity. Estimate the cost of equity using the "
        "dividend growth model.",
        "ok so the stock is at {P}, next year's dividend should be {D1} and it grows {g} a "
        "year. what return does gordon imply? not the price, the return",
        "Please help, the share price is {P}, the company will pay dividend {D1} next year and "
        "the dividend grow {g} every year. How I find the required return from this?",
        "Implied equity return (constant-growth DDM): expected DPS next year {D1}; current "
        "price {P}; long-term growth {g}.",
        "What cost of equity makes a share worth {P} if its next dividend, due in a year, is "
        "{D1} and dividends grow {g} a year without end?",
        "For our board paper on the cost of capital: the company's shares trade at {P}; the "
        "dividend we plan to pay next year is {D1} per share, and we expect to grow it by {g} "
        "annually. What return are our shareholders implicitly demanding?",
        "Forward dividend {D1}, share price {P}, sustainable growth rate {g}: what is the "
        "expected rate of return under Gordon?",
        "A REIT's units cost {P}. Management guides a distribution of {D1} per unit for the "
        "coming year, rising {g} a year after that. What return does the constant-growth model "
        "imply for a buyer at that price?",
        "Estimate the required return from the price: P0 {P}, D1 {D1} (expected, not yet "
        "paid), g {g}.",
        "If investors pay {P} today for a stock expected to distribute {D1} next year, with "
        "dividends growing at {g} indefinitely, what return are they expecting?",
        "Gordon model solved for r, please: the dividend expected next year is {D1}, growth "
        "{g}, and the market price is {P}.",
        "Stock at {P}; next dividend {D1}; growth {g} p.a. -> implied required return %?",
        "My grandfather keeps a water-company share certificate framed in his study and "
        "refuses to sell. The share now trades at {P}, the next annual dividend is expected to "
        "be {D1}, and that dividend should grow {g} a year forever. What return is the market "
        "expecting from this share? It is the return we need, not the price.",
        "The required return is unknown. Given a price of {P}, an expected dividend of {D1} at "
        "the end of year one and a constant growth rate of {g}, compute it.",
    ),
    ood_templates=(
        "The market values the equity at {P} a share. Payout anticipated twelve months out: "
        "{D1}, compounding at {g} thereafter. What discount rate reconciles these?",
        "Reverse-engineer the hurdle rate embedded in a {P} quote, given a forthcoming "
        "distribution of {D1} that escalates {g} per year in perpetuity.",
        "Shareholders hand over {P}; the coming year's payout is put at {D1}; payouts then "
        "creep up {g} annually. Which yearly return equates the two sides?",
    ),
    parts=Parts(
        labels={
            "D1": (
                "next year's dividend",
                "expected dividend (D1)",
                "D1",
                "dividend expected in one year",
                "forward dividend per share",
                "upcoming dividend (next year)",
                "forecast dividend for next year",
                "next dividend (not yet paid)",
                "next year's DPS",
                "dividend due next year",
                "coming year's dividend per share",
                "expected next dividend",
            ),
            "P": (
                "share price",
                "current share price",
                "market price",
                "price today (P0)",
                "stock price",
                "quoted price",
                "price per share",
                "P0",
                "price",
                "current price",
                "market price per share",
                "trading price",
            ),
            "g": (
                "dividend growth rate",
                "constant growth",
                "perpetual growth",
                "g",
                "long-run dividend growth",
                "expected growth rate",
                "growth rate (forever)",
                "growth rate",
                "dividend growth",
                "sustainable growth",
                "annual growth in dividends",
                "long-term growth rate",
            ),
        },
        asks=(
            "What is the implied required return?",
            "What cost of equity does the price imply?",
            "What return does the Gordon growth model imply?",
            "Compute the expected return implied by the share price.",
            "What rate of return are investors expecting?",
            "Solve the constant-growth model for the required return.",
            "What is the market-implied cost of equity, in percent?",
            "How much return per year does the price imply, dividend yield plus growth?",
            "implied r?",
            "What discount rate makes the Gordon price equal the market price?",
            "What is the cost of equity from the dividend growth model?",
            "What is the DDM-implied cost of equity?",
            "What annual return does a buyer at today's price earn if the model holds?",
            "Find r in the Gordon model given the price.",
            "What is ke from the dividend discount model?",
            "Solve price = next dividend / (r - g) for r.",
            "What discount rate is the market applying to this stock?",
            "Estimate the expected total shareholder return per year under constant growth.",
            "Does the price offer enough return? Give the implied annual return.",
            "cost of equity?",
            "Compute the market's required return on the shares, in percent a year.",
            "What rate of return does the share price bake in?",
        ),
        ood_labels={
            "D1": ("payout due twelve months out",),
            "P": ("market valuation per share",),
            "g": ("escalation rate of the payout",),
        },
        ood_asks=("Back out the discount rate the quote embeds.",),
    ),
)

FAMILIES = (DURATION_PRICE_CHANGE, IMPLIED_RETURN_GORDON)
