"""Money-market and price-level arithmetic: a Treasury bill's price from its bank discount
yield, the one-year rate one year forward implied by the one- and two-year spot rates, and a
past amount restated in today's money with the consumer price index.

Savers buying bills from the Treasury or a broker, money-market desks and finance students
ask the first ("the 26-week bill came out at 5.1 % discount, what do I pay for $10,000
face?"): bills are quoted on a discount basis with a 360-day year, not as a compounded yield,
so the price is not a zero-coupon discount (a sibling of zero_coupon_price). Rates students,
CD savers weighing a two-year deposit against rolling one-year deposits, and desks pricing
forward agreements ask the second. Everyone who wonders what a grandparent's wage, an old house
price or a CPI-indexed payment comes to today asks the third: it works from index levels, not
from an inflation rate (a sibling of real_return, which deflates a return).

Solvers are written independently of the formula text (the dollar discount taken off the
face, a bisection on the break-even rollover rate, cumulative inflation added to the amount).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    SCALED_QUESTION_SHARE,
    Family,
    Num,
    Parts,
    Values,
    money,
    number_texts,
    pct,
    plain,
    with_article,
)

# --- tbill_price -----------------------------------------------------------------------------

# Face values from a retail $1,000 bill to a $1M block; out of range, institutional blocks and
# the $100-$900 bills TreasuryDirect sells. Faces are whole hundreds (bills come in $100s).
_FACE = money((1000, 1_000_000), ((2e6, 5e8), (100, 940)))
_STANDARD_FACES = (1000.0, 5000.0, 10000.0, 25000.0, 50000.0, 100000.0, 500000.0, 1000000.0)
# Bank discount yields as quoted since the 2000s; out of range, the double-digit yields of the
# early 1980s and the near-zero yields of the 2010s (quoted to three decimals).
_DISCOUNT = pct((0.1, 6), ((6.5, 15), (0.01, 0.09)), decimals=2, ood_decimals=3)
# Days to maturity: an auction tenor half the time, any day left in the secondary market
# otherwise; out of range, a bill in its last days (a bill never runs past 364 days).
_DAYS = plain((10, 364), ((1, 9),))
# Auction tenors: days and the weeks they are named by ("the 13-week bill").
_TENOR_WEEKS = {28: 4, 42: 6, 56: 8, 91: 13, 119: 17, 182: 26, 364: 52}


def _tbill_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A face (a standard block or a drawn one, in whole hundreds), a discount yield and days
    to maturity, out of range together."""
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    if not ood and rng.random() < 0.4:
        face = Num(rng.choice(_STANDARD_FACES), 0, "money")
    else:
        face = _FACE.draw(rng, ood, band, scaled, round_figures)
        if face.scale == 1:
            face = Num(float(round(face.value, -2)), 0, "money")
    rate = _DISCOUNT.draw(rng, ood, band, round_figures=round_figures)
    if not ood and rng.random() < 0.5:
        days = Num(float(rng.choice(tuple(_TENOR_WEEKS))), 0, "plain")
    else:
        days = _DAYS.draw(rng, ood, band)
    return {"F": face, "d": rate, "t": days}


def _tbill_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers in dollars (a US Treasury bill), and ``{tenor}``: the bill's term as an
    adjective, an auction tenor sometimes named by its weeks too ("26-week (182-day)");
    ``{a_tenor}`` is the same with its article ("an 8-week (56-day)", "an 18-day")."""
    money_style = rng.randrange(4)  # the four dollar renderings of Num.text
    scale_style = rng.randrange(4)
    texts = {
        k: n.text(rng, money_style=money_style, scale_style=scale_style) for k, n in nums.items()
    }
    days = round(nums["t"].value)
    weeks = _TENOR_WEEKS.get(days)
    texts["tenor"] = f"{days}-day"
    if weeks is not None and rng.random() < 0.5:
        texts["tenor"] = rng.choice((f"{weeks}-week ({days}-day)", f"{days}-day ({weeks}-week)"))
    texts["a_tenor"] = with_article(texts["tenor"])
    return texts


def _tbill_price(v: Mapping[str, float]) -> float:
    # The dollar discount: the yield earned on the face for the fraction of a 360-day year.
    discount = v["F"] * (v["d"] / 100) * (v["t"] / 360)
    return v["F"] - discount


TBILL_PRICE = Family(
    name="tbill_price",
    unit="currency",
    reasoning="T-bill price = face * (1 - bank discount yield * days / 360).",
    params={"F": _FACE, "d": _DISCOUNT, "t": _DAYS},
    sample=_tbill_sample,
    render=_tbill_texts,
    formula=lambda f: f"{f['F']}*(1-{f['d']}/100*{f['t']}/360)",
    solve=_tbill_price,
    convention="price in currency; the yield is a bank discount yield (simple discount on the "
    "face, 360-day year), not a compounded or bond-equivalent yield",
    templates=(
        "{a_tenor} Treasury bill with a face value of {F} is quoted at a bank discount yield of "
        "{d}. What is its price?",
        "T-bill: face {F}, {t} days to maturity, discount yield {d}. Price?",
        "What is the price of a Treasury bill with {F} face value, {t} days to maturity and a "
        "bank discount rate of {d}?",
        "Exam question: A U.S. Treasury bill with a par value of {F} matures in {t} days. It is "
        "quoted at a bank discount yield of {d}. Calculate its price on a 360-day year.",
        "I'm buying {a_tenor} T-bill through my broker. The face is {F} and the quoted discount "
        "rate is {d}. How much will I actually pay for it?",
        "tbill px? face {F}, {t} days left, {d} discount",
        "Hi Dana, treasury wants to park some cash in {a_tenor} bill. Face amount {F}, and "
        "today's quote is {d} on a discount basis. What price should we expect to pay? The "
        "settlement instructions are in the shared folder. Thanks, Raj",
        "| instrument | face | days to maturity | discount yield |\n| T-bill | {F} | {t} | {d} |"
        "\nPrice?",
        "- Face value: {F}\n- Days to maturity: {t}\n- Bank discount yield: {d}\nWhat is the "
        "T-bill's price?",
        "Please help, I want buy a T-bill of {F} face value, it finish in {t} days and the "
        "discount yield is {d}. How much is the price I must pay?",
        "ok so a t-bill with {t} days left, face {F}, quoted {d} discount. what's the price?",
        "Compute the purchase price of a Treasury bill: {F} par, {d} bank discount yield, {t} "
        "days until maturity.",
        "A Treasury bill maturing in {t} days trades at a discount yield of {d}. If its face "
        "value is {F}, what does it cost?",
        "My finance homework: a T-bill has a face value of {F}, a bank discount yield of {d} and "
        "{t} days to maturity. Find the price. I keep mixing up discount yields and ordinary "
        "yields.",
        "My grandmother has bought Treasury bills every few months since the 1980s and keeps "
        "the confirmations in a shoebox. Her latest is {a_tenor} bill with a face value of {F}, "
        "bought at a discount yield of {d}. What did she pay for it?",
        "Given a bank discount yield of {d}, what is the dollar price of a T-bill with a face "
        "value of {F} and {t} days remaining?",
        "Question 4 (2 marks). A Treasury bill with {t} days to maturity and a face value of "
        "{F} is quoted at a bank discount yield of {d}. Compute its price.",
        "We hold {F} face of a T-bill maturing in {t} days. The dealer screen shows a discount "
        "of {d}. What price does that quote give for our position?",
        "How much does a Treasury bill with a face value of {F} cost if it has {t} days to run "
        "and is quoted at {d} on a bank discount basis?",
        "Bank discount basis, 360-day year: face {F}, {t} days, quoted rate {d}. What is the "
        "price of the bill?",
        "Dealers quoted {tenor} bills at a discount rate of {d} this morning. What would a bill "
        "with a face value of {F} have cost at that rate?",
        "T-bill pricing check: par {F}; days to maturity {t}; discount yield {d}. Price = ?",
        "Hello, I am new on the desk. A Treasury bill pays {F} at maturity in {t} days and the "
        "discount yield is {d}. What is the correct price for this bill?",
        "Could you price this bill for me? {F} face value, discount yield {d}, matures in {t} "
        "days.",
        "If a Treasury bill with a face amount of {F} and {t} days until it matures is quoted "
        "at a {d} discount yield, what is its price?",
        "Our money market fund is buying {a_tenor} Treasury bill, {F} face, at a quoted "
        "discount rate of {d}. What price goes on the trade ticket?",
        "cash mgmt: {F} T-bill, {t} days to maturity, {d} disc. yld -> price?",
        "What price would you pay for a T-bill paying {F} at maturity, {t} days from now, if it "
        "is quoted at a bank discount yield of {d}?",
    ),
    ood_templates=(
        "Short-dated government paper: redemption amount {F}, {t} days outstanding, discount "
        "quote {d} (actual/360). What must a buyer hand over today?",
        "The {t}-day bill I'm eyeing redeems at {F}; dealers are showing it {d} on discount. "
        "Settlement amount?",
        "Work out the cost of acquiring Treasury paper that repays {F} in {t} days when it is "
        "offered at a {d} discount rate.",
        "Pricing a bill off its discount yield: {d}, tenor {t} days, par {F}. Amount payable?",
        "A client asks what she'd hand over for Treasury bills with {F} face maturing {t} days "
        "out, if the quoted discount is {d}.",
        "Discount-quoted bill, {F} at redemption, {t} calendar days remaining, quote {d}: "
        "determine the consideration paid.",
    ),
    parts=Parts(
        labels={
            "F": (
                "face value",
                "par value",
                "face amount",
                "amount paid at maturity",
                "face value of the bill",
                "par",
                "redemption value",
                "principal at maturity",
                "maturity value",
                "par amount",
                "nominal amount",
                "face of the bill",
                "amount due at maturity",
            ),
            "d": (
                "bank discount yield",
                "discount yield",
                "discount rate",
                "quoted discount rate",
                "bank discount rate",
                "discount yield (360-day basis)",
                "T-bill discount quote",
                "annualised discount",
                "quoted bank discount",
                "T-bill rate",
                "discount basis yield",
                "bill discount rate",
            ),
            "t": (
                "days to maturity",
                "days until maturity",
                "days remaining",
                "term in days",
                "maturity (days)",
                "number of days to maturity",
                "days left to run",
                "tenor in days",
                "days to run",
                "number of days remaining",
                "days until the bill matures",
                "maturity in days",
            ),
        },
        asks=(
            "What is the price of the T-bill?",
            "What does the bill cost?",
            "What is the bill's price on a bank discount basis?",
            "How much do you pay for the bill?",
            "Compute the T-bill price.",
            "What is the purchase price?",
            "What price does the discount yield imply?",
            "price of the bill?",
            "What should the Treasury bill sell for?",
            "What is the dollar price of the bill?",
            "What is the T-bill's dollar price given the discount quote?",
            "Convert the discount yield into a price.",
            "How much money do I need to buy the bill?",
            "What is the invoice price of the bill?",
            "Face minus the dollar discount: what does the bill cost?",
            "What is the discounted price of the Treasury bill?",
            "T-bill px?",
            "What amount comes out of my account for the bill?",
            "What is the bill's market value at that discount rate?",
            "What is the cost of the bill in dollars, bank discount method?",
            "Compute the bill's price using the bank discount formula.",
            "Turn the bank discount yield into a purchase price for the bill.",
            "What price should the trade ticket show for the bill?",
        ),
        ood_labels={
            "F": ("sum repaid on redemption",),
            "d": ("discount quote on an actual/360 basis",),
            "t": ("calendar days outstanding",),
        },
        ood_asks=("Determine the settlement amount for the bill.",),
    ),
)


# --- forward_rate ----------------------------------------------------------------------------

# Spot rates of ordinary curves; out of range, a high-rate curve (the early 1980s, emerging
# markets) or a near-zero one, both rates in the same regime.
_SPOT = pct((0.5, 8), ((9, 20), (0.01, 0.45)), decimals=2, ood_decimals=3)


def _rollover_breakeven(v: Mapping[str, float]) -> float:
    """The rate (percent) for the second year at which rolling a one-year deposit over ends
    with what the two-year deposit pays, by bisection."""
    two_year = 1.0
    for _ in range(2):
        two_year *= 1 + v["s2"] / 100
    low, high = -0.99, 1.0  # the rolled-over value rises with the second year's rate
    for _ in range(200):
        mid = (low + high) / 2
        if (1 + v["s1"] / 100) * (1 + mid) < two_year:
            low = mid
        else:
            high = mid
    return (low + high) / 2 * 100


def _plausible_curve(v: Mapping[str, float]) -> bool:
    # A curve as markets draw it: the two rates within 2.5 points, a positive forward rate.
    return abs(v["s2"] - v["s1"]) <= 2.5 and _rollover_breakeven(v) > 0


FORWARD_RATE = Family(
    name="forward_rate",
    unit="percent",
    reasoning="Forward rate = (1 + two-year spot)^2 / (1 + one-year spot) - 1.",
    params={"s1": _SPOT, "s2": _SPOT},
    valid=_plausible_curve,
    formula=lambda f: f"((1+{f['s2']}/100)**2/(1+{f['s1']}/100)-1)*100",
    solve=_rollover_breakeven,
    convention="percent a year; spot (zero-coupon) rates with annual compounding; the one-year "
    "rate starting in one year that makes rolling one-year money over equal the two-year rate",
    templates=(
        "The one-year spot rate is {s1} and the two-year spot rate is {s2}. What is the "
        "one-year forward rate one year from now?",
        "1y spot {s1}, 2y spot {s2}. Implied 1y1y forward?",
        "Using annual compounding, find the implied one-year rate starting one year from today "
        "if the 1-year spot rate is {s1} and the 2-year spot rate is {s2}.",
        "Exam question: Zero-coupon yields are {s1} for one year and {s2} for two years, with "
        "annual compounding. Calculate the one-year forward rate for the second year.",
        "In my fixed income class we have spot rates of {s1} (1 year) and {s2} (2 years). What "
        "forward rate for year two do they imply?",
        "quick one: 1yr zero {s1}, 2yr zero {s2}, what's the 1y forward 1y out?",
        "Hi Tomas, the desk is pricing a forward rate agreement. The one-year zero rate is {s1} "
        "and the two-year zero rate is {s2}, annually compounded. What one-year rate one year "
        "forward do these imply? The client call is at three. Cheers, Ana",
        "| maturity | spot rate |\n| 1 year | {s1} |\n| 2 years | {s2} |\nWhat is the 1-year "
        "forward rate starting in one year?",
        "- 1-year spot rate: {s1}\n- 2-year spot rate: {s2}\nImplied forward rate for year 2?",
        "Please help, the spot rate for one year is {s1} and for two years is {s2}. How I "
        "calculate the forward rate of the second year?",
        "If investors can lock in {s2} a year for two years or earn {s1} for one year, what "
        "one-year rate a year from now makes the two strategies equal?",
        "Under the pure expectations hypothesis, what one-year rate is expected one year from "
        "now, given a one-year spot rate of {s1} and a two-year spot rate of {s2}?",
        "Spot curve: S1 = {s1}, S2 = {s2} (annual compounding). Compute f(1,2).",
        "My uncle can buy a two-year CD paying {s2} a year, compounded annually, or a one-year "
        "CD paying {s1} and roll it over. What one-year rate would he need next year to come "
        "out even?",
        "Treasury strips yield {s1} for one year and {s2} for two years. What is the implied "
        "forward rate between years one and two?",
        "Derive the 1-year forward rate one year ahead from the 1-year ({s1}) and 2-year ({s2}) "
        "spot rates.",
        "Question 5 (3 marks). The current one-year spot rate is {s1} and the two-year spot "
        "rate is {s2}, both annually compounded. Calculate the one-year forward rate starting "
        "at the end of year one.",
        "Given spot rates of {s1} for one year and {s2} for two years, what rate can be locked "
        "in today for a one-year loan starting in a year?",
        "The yield curve is {s1} at one year and {s2} at two years (zero rates, annual "
        "compounding). What one-year forward rate does it imply for next year?",
        "ok so the 1 year spot is {s1} and the 2 year spot is {s2}. whats the forward rate for "
        "year 2? annual compounding",
        "One-year zero rate {s1}; two-year zero rate {s2}. What is the 1-year rate, 1 year "
        "forward?",
        "A bank quotes {s1} on one-year deposits and {s2} a year on two-year deposits, interest "
        "compounded annually. What one-year deposit rate a year from now is built into these "
        "quotes?",
        "For our rates outlook: one-year spot {s1}, two-year spot {s2}. What forward rate for "
        "the year starting a year from now does the curve imply?",
        "Forward rate from spot rates, please: 1-year {s1}, 2-year {s2}, annual compounding.",
        "What rate for year 2 is consistent with no arbitrage if the one-year spot rate is {s1} "
        "and the two-year spot rate is {s2}?",
        "spot 1y = {s1} | spot 2y = {s2} | fwd 1y1y = ?",
        "The two-year spot rate is {s2} and the one-year spot rate is {s1}. Find the forward "
        "rate for the second year, compounding annually.",
        "My professor says forward rates come out of the spot curve. With a one-year spot rate "
        "of {s1} and a two-year spot rate of {s2}, what is the one-year forward rate in one "
        "year?",
    ),
    ood_templates=(
        "Zeros price off {s1} (twelve-month) and {s2} (twenty-four-month) yields. Which rate "
        "for the second year is baked into those?",
        "Borrowing for a single year costs {s1}; borrowing for two costs {s2} per annum, "
        "compounded yearly. What rate applies to the second year on its own?",
        "Strip out the year-two rate embedded in a term structure of {s1} (1Y) and {s2} (2Y).",
        "Rather than committing my cash for two years at {s2} annually, I could take {s1} for "
        "one year and reinvest. What reinvestment rate leaves me indifferent?",
        "Term-structure arithmetic: the first-year zero yield is {s1}, the two-year zero yield "
        "is {s2}. Deduce the one-period rate that begins at t = 1.",
        "Which annual rate, beginning a year hence, reconciles a {s1} one-year yield with a "
        "{s2} two-year yield?",
    ),
    parts=Parts(
        labels={
            "s1": (
                "one-year spot rate",
                "1-year spot rate",
                "1y zero rate",
                "one-year zero-coupon yield",
                "spot rate for one year",
                "S1",
                "today's one-year rate",
                "1-year zero rate (annual compounding)",
                "spot rate (one year)",
                "current one-year spot rate",
                "zero rate for one year",
                "yield on a one-year zero",
            ),
            "s2": (
                "two-year spot rate",
                "2-year spot rate",
                "2y zero rate",
                "two-year zero-coupon yield",
                "spot rate for two years",
                "S2",
                "two-year rate (per year)",
                "2-year zero rate (annual compounding)",
                "spot rate (two years)",
                "current two-year spot rate",
                "zero rate for two years",
                "yield on a two-year zero",
            ),
        },
        asks=(
            "What is the one-year forward rate one year from now?",
            "What is the implied 1y1y forward rate?",
            "Compute the forward rate for the second year.",
            "What one-year rate starting in a year do the spot rates imply?",
            "What is the forward rate between year 1 and year 2?",
            "Find the one-year rate one year forward.",
            "what's the 1y1y forward?",
            "What rate can be locked in now for a one-year loan starting in one year?",
            "What is the break-even reinvestment rate for year two?",
            "What forward rate does the curve imply for the second year (annual compounding)?",
            "What is the one-year rate one year ahead implied by the spot curve?",
            "What is the forward one-year rate for year two?",
            "Back out the year-two forward rate from the spot rates.",
            "What rate for the second year makes a two-year deposit and two one-year deposits "
            "pay the same?",
            "Under the expectations theory, what one-year rate does the market expect a year "
            "from now?",
            "What is the one-year-in-one-year forward rate?",
            "What rate should a one-year FRA starting in a year carry, given the spot rates?",
            "What is the implied forward yield for year two?",
            "At what one-year rate next year would rolling over match locking in for two years?",
            "Compute the year-two forward from the one- and two-year zero rates.",
            "Forward rate, year one to year two?",
            "what's the fwd rate for year two?",
            "Divide the two-year growth factor by the one-year growth factor: what forward rate "
            "results?",
        ),
        ood_labels={
            "s1": ("yield on twelve-month zeros",),
            "s2": ("yield on twenty-four-month zeros",),
        },
        ood_asks=("Deduce the second-year rate embedded in the curve.",),
    ),
)


# --- cpi_adjusted_value ----------------------------------------------------------------------

# Amounts from a cinema ticket to a house; out of range, estates and budgets in the millions,
# or the cents-and-dollars prices of a century ago (paired with early index levels below).
_AMOUNT_THEN = money((10, 250000), ((300000, 5e7), (0.5, 9)), ood_decimals=2)
# Index levels on a 1982-84 = 100 or 2015 = 100 base: 20 (the 1930s) to 330 (today); out of
# range, long-running or high-inflation indices above 350, or the single digits of 1900-1945.
_CPI_THEN = plain((20, 280), ((350, 2500), (3, 18)), decimals=1, ood_decimals=3)
_CPI_NOW = plain((25, 330), ((400, 9000), (331, 450)), decimals=1, ood_decimals=3)


# What an amount of each size bought (an amount under the bound: one of these), so that a
# question about "{thing}" never has a $33 car or a $35,000 cinema ticket.
_THINGS = (
    (3, ("a loaf of bread", "a cinema ticket", "a newspaper", "a cup of coffee")),
    (30, ("a cinema ticket", "a meal out", "a paperback novel", "a tank of petrol")),
    (300, ("a pair of shoes", "a winter coat", "a concert ticket", "a week's groceries")),
    (3000, ("a television", "a bicycle", "a sofa", "a washing machine", "a holiday abroad")),
    (40000, ("a car", "a year's tuition", "a wedding", "a small boat")),
    (1e6, ("a house", "a flat", "a small farm", "a shop")),
    (math.inf, ("an office building", "a factory", "a hotel")),
)
# How pay of each size is paid ("{income}": "an hourly wage of $12", "a yearly salary of ...").
_INCOMES = (
    (40, "an hourly wage"),
    (1500, "a weekly wage"),
    (10000, "a monthly salary"),
    (math.inf, "a yearly salary"),
)


def _cpi_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, and words that fit the amount's size: ``{thing}`` it bought and
    ``{income}``, the pay it could be."""
    texts = number_texts(rng, nums)
    amount = nums["X"].value
    texts["thing"] = rng.choice(next(things for bound, things in _THINGS if amount < bound))
    texts["income"] = next(income for bound, income in _INCOMES if amount < bound)
    return texts


def _inflation_adjusted(v: Mapping[str, float]) -> float:
    # Prices rose by the cumulative inflation between the two index readings.
    inflation = (v["CPI1"] - v["CPI0"]) / v["CPI0"]
    return v["X"] + v["X"] * inflation


def _prices_rose(v: Mapping[str, float]) -> bool:
    # Today's index above the old one (a question about today's money after inflation), and
    # no more than a long lifetime of it.
    return 1.02 <= v["CPI1"] / v["CPI0"] <= 120


CPI_ADJUSTED_VALUE = Family(
    name="cpi_adjusted_value",
    unit="currency",
    reasoning="Value in today's money = amount then * CPI now / CPI then.",
    params={"X": _AMOUNT_THEN, "CPI0": _CPI_THEN, "CPI1": _CPI_NOW},
    valid=_prices_rose,
    render=_cpi_texts,
    formula=lambda f: f"{f['X']}*{f['CPI1']}/{f['CPI0']}",
    solve=_inflation_adjusted,
    convention="currency; a past amount restated in today's money by the ratio of the price "
    "index levels (CPI now / CPI then), index levels rather than inflation rates",
    templates=(
        "My parents bought {thing} for {X} when the CPI was {CPI0}. The CPI is now {CPI1}. "
        "What is that price in today's money?",
        "Amount then {X}; CPI then {CPI0}; CPI now {CPI1}. Value in today's money?",
        "Adjust {X} for inflation: the price index was {CPI0} back then and is {CPI1} now.",
        "Exam question: In the base period the consumer price index stood at {CPI0}; it now "
        "stands at {CPI1}. Express an income of {X} earned in the base period in current "
        "prices.",
        "Income then {X}, CPI then {CPI0}, CPI today {CPI1}. What income today has the same "
        "purchasing power?",
        "My grandfather's first job paid {income} of {X}, back when the CPI was {CPI0}. With "
        "the CPI at {CPI1} today, what would that pay be in today's money?",
        "Hi Jo, the service contract indexes its fee to CPI. The base fee of {X} was set when "
        "the index was {CPI0}; the latest index reading is {CPI1}. What is the indexed fee now? "
        "The client has asked for the figure by Friday. Thanks, Mark",
        "| amount (then) | CPI (then) | CPI (now) |\n| {X} | {CPI0} | {CPI1} |\nAmount in "
        "today's money?",
        "- Original price: {X}\n- CPI at the time: {CPI0}\n- CPI today: {CPI1}\nWhat is the "
        "original price in current terms?",
        "Please help, I bought {thing} for {X} when the price index was {CPI0}. Now the index "
        "is {CPI1}. How much is this money in the value of today?",
        "ok so {thing} was {X} when cpi was {CPI0}, cpi is {CPI1} now. whats that in today's "
        "money?",
        "What is {X} from the past worth in today's money if the CPI has gone from {CPI0} to "
        "{CPI1}?",
        "Convert {X} into today's purchasing power. CPI then: {CPI0}. CPI now: {CPI1}.",
        "An amount of {X} was recorded when the price index read {CPI0}. The index now reads "
        "{CPI1}. What is that amount in today's money?",
        "Question 2 (2 marks). A worker earned {income} of {X} when the consumer price index "
        "was {CPI0}. The index is now {CPI1}. Calculate the wage in current-price terms.",
        "Restate {X} in today's prices, given a CPI of {CPI0} at the time and {CPI1} today.",
        "The museum paid {X} for a painting, back when the price index stood at {CPI0}. With "
        "the index at {CPI1}, what is that price in today's money?",
        "cpi then {CPI0} | cpi now {CPI1} | amount then {X} | in today's money = ?",
        "How much money today buys what {X} bought when the CPI was {CPI0}, if the CPI is now "
        "{CPI1}?",
        "A pension payment of {X} was fixed when the CPI was {CPI0}. If it were fully "
        "inflation-linked, how much would it pay now that the CPI is {CPI1}?",
        "Hello, in my country the consumer price index was {CPI0} when I paid {X} for {thing}, "
        "and now the index is {CPI1}. What is this price in today's money, only adjusted for "
        "inflation?",
        "Inflation-adjust {X}: CPI at the start {CPI0}, CPI today {CPI1}.",
        "My dad keeps telling me he paid {X} for {thing} when he was young. The CPI was {CPI0} "
        "back then and is {CPI1} now. What would that be in today's money?",
        "For the annual report, please restate the original cost of {X} in current money. The "
        "price index was {CPI0} when the cost was booked and is {CPI1} now.",
        "What is the equivalent today of {X} spent when the CPI stood at {CPI0}? The CPI now "
        "stands at {CPI1}.",
        "Price index {CPI0} then, {CPI1} now. {X} then equals how much today?",
        "A maintenance payment of {X} is CPI-linked from a base index of {CPI0}. The current "
        "index is {CPI1}. What is the payment after indexation?",
        "In today's money, how much is {thing} that cost {X} when the CPI was {CPI0}, if the "
        "CPI is {CPI1} now?",
    ),
    ood_templates=(
        "Back when the price index printed {CPI0}, {thing} ran {X}. The index prints {CPI1} "
        "these days. Equivalent outlay at present price levels?",
        "Rebase {X} from an index level of {CPI0} onto the current level of {CPI1}.",
        "Grandma insists {thing} set her back {X}. Price level then: {CPI0}. Price level now: "
        "{CPI1}. Translate into present-day currency.",
        "Express {X}, a historical sum recorded at a consumer price index of {CPI0}, in the "
        "purchasing power of an index at {CPI1}.",
        "Indexation clause: payment originally {X}, reference index {CPI0}, current index "
        "{CPI1}. Revised payment?",
        "What sum nowadays carries the buying power that {X} had at index level {CPI0}, the "
        "index being {CPI1} at present?",
    ),
    parts=Parts(
        labels={
            "X": (
                "amount then",
                "original amount",
                "price back then",
                "amount in old money",
                "historical amount",
                "sum at the time",
                "nominal amount then",
                "original price",
                "past amount",
                "price at the time",
                "then-year amount",
                "amount in the base period",
                "historic price",
            ),
            "CPI0": (
                "CPI then",
                "CPI at the time",
                "price index then",
                "CPI in the base period",
                "old CPI level",
                "consumer price index then",
                "index level at the start",
                "CPI when the amount applied",
                "base CPI",
                "CPI back then",
                "starting index level",
                "CPI at the start",
            ),
            "CPI1": (
                "CPI now",
                "current CPI",
                "latest CPI",
                "price index today",
                "CPI today",
                "consumer price index now",
                "index level now",
                "most recent CPI reading",
                "today's CPI",
                "current index level",
                "latest index reading",
                "CPI at the end",
            ),
        },
        asks=(
            "What is that amount in today's money?",
            "What is it worth in today's prices?",
            "Convert the amount into today's money.",
            "How much is that today, adjusted for inflation?",
            "What is the inflation-adjusted value today?",
            "What amount today has the same purchasing power?",
            "Restate the amount in current prices.",
            "what's that in today's money?",
            "What is the CPI-adjusted value?",
            "How much would the same purchase cost today?",
            "What is it in real terms at today's price level?",
            "Scale the amount up by the CPI ratio: what is it now?",
            "How much would you need today to match that amount's spending power?",
            "What is the equivalent amount at today's price level?",
            "Index the amount to the latest CPI.",
            "What would that sum be after indexing it to the CPI?",
            "What is the inflation-indexed amount now?",
            "Uprate the amount for inflation: what is it today?",
            "What's that worth in today's terms?",
            "Multiply by CPI now over CPI then: what amount do you get?",
            "What is it in this year's money?",
            "Inflate the amount to today's money using the CPI.",
            "What does inflation turn that amount into today?",
        ),
        ood_labels={
            "X": ("sum recorded in the past",),
            "CPI0": ("price-level reading at origin",),
            "CPI1": ("present-day price-level reading",),
        },
        ood_asks=("Translate the sum to present-day purchasing power.",),
    ),
)

FAMILIES: tuple[Family, ...] = (TBILL_PRICE, FORWARD_RATE, CPI_ADJUSTED_VALUE)
