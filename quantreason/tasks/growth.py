"""Time-value families beyond the basics: compounding at any frequency, doubling time, EAR,
zero-coupon prices, annuities, perpetuities, loans at any instalment frequency, sequences of
returns, the Gordon model from the dividend just paid, and a coupon bond's Macaulay duration.

Solvers are written independently of the formula text (loops, closed forms or logs where the
formula uses powers or spreadsheet functions).
"""

from __future__ import annotations

import math
import random

from quantreason.tasks.base import Family, Parts, Values, draw_money_style, money, pct, plain

_FREQUENCY_WORDS = {
    1.0: ("annually", "once a year", "yearly"),
    2.0: ("semi-annually", "twice a year", "every six months"),
    4.0: ("quarterly", "every quarter", "four times a year"),
    12.0: ("monthly", "every month", "each month"),
    365.0: ("daily", "every day", "each day (365-day year)"),
}
_INSTALMENT_WORDS = {
    1.0: ("annual", "yearly", "end-of-year"),
    2.0: ("semi-annual", "half-yearly", "six-monthly"),
    4.0: ("quarterly", "end-of-quarter", "three-monthly"),
    12.0: ("monthly", "end-of-month", "month-end"),
}


def _words(table: dict[float, tuple[str, ...]], key: str) -> object:
    def render(rng: random.Random, nums: Values) -> dict[str, str]:
        style = draw_money_style(rng)  # one currency per question
        texts = {k: n.text(rng, money_style=style) for k, n in nums.items()}
        texts[key] = rng.choice(table[nums[key].value])
        return texts

    return render


def _grow(principal: float, rate: float, periods: int) -> float:
    for _ in range(periods):
        principal += principal * rate
    return principal


PERIODIC_COMPOUNDING = Family(
    name="periodic_compounding",
    unit="currency",
    reasoning="Grow at rate/m per period for m*years periods.",
    params={
        "P": money((1000, 250000), ((1_000_000, 90_000_000),)),
        "r": pct((1, 12), ((12.5, 30), (0.1, 0.9)), ood_decimals=2),
        "n": plain((1, 20), ((25, 45),)),
        "m": plain((0, 0), ((0, 0),), choices=(2.0, 4.0, 12.0, 365.0)),
    },
    render=_words(_FREQUENCY_WORDS, "m"),  # type: ignore[arg-type]
    formula=lambda f: f"{f['P']}*(1+{f['r']}/100/{f['m']})**({f['m']}*{f['n']})",
    solve=lambda v: _grow(v["P"], v["r"] / 100 / v["m"], int(v["m"] * v["n"])),
    convention="future value in currency; nominal annual rate compounded m times a year",
    templates=(
        "An investor deposits {P} at {r} a year, compounded {m}. What is the balance after "
        "{n} years?",
        "What will {P} grow to in {n} years at a nominal {r} per year, compounded {m}?",
        "A savings account pays {r} annual interest compounded {m}. How much does a {P} "
        "deposit become after {n} years?",
        "Find the future value of {P} after {n} years when interest of {r} p.a. is compounded {m}.",
        "I left {P} in a deposit paying {r} per annum (interest credited {m}) for {n} years. "
        "What's the balance now?",
    ),
    ood_templates=(
        "Interest of {r} per annum is added {m}. Starting with {P}, what sits in the account "
        "once {n} years have passed?",
        "Accumulate {P} for a {n}-year span; nominal {r}, with compounding {m}.",
        "How big is a {P} pot after {n} years if the bank credits {r} yearly interest {m}?",
    ),
    parts=Parts(
        labels={
            "P": ("deposit", "principal", "starting balance", "amount invested"),
            "r": ("nominal annual rate", "annual interest rate", "APR"),
            "n": ("number of years", "term in years", "horizon (years)"),
            "m": ("compounding", "compounding frequency", "interest credited"),
        },
        asks=(
            "What is the future value?",
            "What is the balance at the end?",
            "How much will the account hold?",
            "Compute the ending balance.",
        ),
        ood_asks=("Report the accumulated amount.", "Work out what the money grows to."),
    ),
)

DOUBLING_TIME = Family(
    name="doubling_time",
    unit="years",
    reasoning="Years to double = ln(2) / ln(1 + rate).",
    params={"r": pct((1, 20), ((21, 60), (0.1, 0.9)), ood_decimals=2)},
    formula=lambda f: f"ln(2)/ln(1+{f['r']}/100)",
    solve=lambda v: math.log(2) / math.log1p(v["r"] / 100),
    convention="years, exact (not the rule of 72); annual compounding",
    templates=(
        "How many years does it take to double money at {r} a year, compounded annually?",
        "At an annual return of {r}, how long until an investment doubles?",
        "An account earns {r} per year. How many years until the balance is twice the deposit?",
        "Exactly how long does money take to double at {r} compound interest (not the rule of 72)?",
        "My savings grow {r} a year. When will they have doubled?",
    ),
    ood_templates=(
        "Compute the doubling period, in years, for capital compounding at {r} annually.",
        "If prices rise {r} every year, after how many years are they twice today's level?",
        "Growth of {r} p.a.: time for a 2x, exactly?",
    ),
    parts=Parts(
        labels={"r": ("annual growth rate", "yearly return", "interest rate", "annual rate")},
        asks=(
            "How many years to double?",
            "What is the doubling time in years?",
            "How long until the money doubles?",
        ),
        ood_asks=("When is the value twice as large?",),
    ),
)

ZERO_COUPON_PRICE = Family(
    name="zero_coupon_price",
    unit="currency",
    reasoning="Price = face / (1 + yield)^years.",
    params={
        "F": plain((0, 0), ((0, 0),), choices=(100.0, 1000.0, 10000.0, 5000.0)),
        "y": pct((1, 10), ((10.5, 20), (0.05, 0.9)), decimals=2),
        "n": plain((1, 30), ((35, 50),)),
    },
    formula=lambda f: f"{f['F']}/(1+{f['y']}/100)**{f['n']}",
    solve=lambda v: v["F"] * math.exp(-v["n"] * math.log1p(v["y"] / 100)),
    convention="price in currency; annual compounding",
    templates=(
        "What is the price of a zero-coupon bond with a face value of {F} maturing in {n} "
        "years if the yield is {y}?",
        "A zero-coupon bond pays {F} in {n} years. At a {y} yield, what is it worth today?",
        "Price a {n}-year zero with face {F} at a yield of {y} (annual compounding).",
        "How much should I pay today for {F} received in {n} years if I want a {y} annual return?",
        "Discount {F} due in {n} years at {y} a year. What is its present value?",
    ),
    ood_templates=(
        "A pure discount bond redeems at {F} after {n} years; the market yield is {y}. Fair price?",
        "Today's value of a single payment of {F}, {n} years away, discounted at {y}?",
        "Strip bond: {F} at maturity, {n} years left, {y} yield. What does it cost?",
    ),
    parts=Parts(
        labels={
            "F": ("face value", "par value", "amount at maturity"),
            "y": ("yield", "discount rate", "yield to maturity"),
            "n": ("years to maturity", "maturity (years)", "time to maturity"),
        },
        asks=(
            "What is the zero-coupon bond's price?",
            "What is the present value?",
            "How much is the zero worth today?",
        ),
        ood_asks=("Value the discount bond.",),
    ),
)


def _annuity_pv(v: dict) -> float:
    i = v["r"] / 100
    return v["C"] * (1 - (1 + i) ** -v["n"]) / i


ANNUITY_PV = Family(
    name="annuity_pv",
    unit="currency",
    reasoning="Present value of a level payment at each period end.",
    params={
        "C": money((100, 50000), ((100_000, 5_000_000),)),
        "r": pct((1, 12), ((12.5, 25),), decimals=2),
        "n": plain((2, 40), ((45, 80),)),
    },
    formula=lambda f: f"pv({f['r']}/100, {f['n']}, {f['C']})",
    solve=_annuity_pv,
    convention="currency; ordinary annuity (payments at the end of each year)",
    templates=(
        "What is the present value of {C} received at the end of each year for {n} years at "
        "a {r} discount rate?",
        "An annuity pays {C} a year for {n} years. Discounting at {r}, what is it worth today?",
        "How much is a stream of {n} annual payments of {C} worth now if the interest rate is {r}?",
        "Value today of an ordinary annuity: payment {C}, {n} periods, rate {r} per period.",
        "I'm offered {C} every year for {n} years. At {r}, what lump sum today is equivalent?",
    ),
    ood_templates=(
        "A lottery pays {C} yearly, first payment in one year, {n} payments in all. "
        "Capitalise it at {r}.",
        "Discount {n} equal year-end instalments of {C} at {r}; give the total value now.",
        "Fair price of an annuity-certain with {n} annual payments of {C}, valuation rate {r}?",
    ),
    parts=Parts(
        labels={
            "C": ("annual payment", "payment per year", "yearly cash flow"),
            "r": ("discount rate", "interest rate", "required return"),
            "n": ("number of payments", "number of years", "term (years)"),
        },
        asks=(
            "What is the present value of the annuity?",
            "What is the annuity worth today?",
            "Compute the PV of the payments.",
        ),
        ood_asks=("Give the value now of this income stream.",),
    ),
)


def _annuity_fv(v: dict) -> float:
    balance = 0.0
    for _ in range(int(v["n"])):
        balance = balance * (1 + v["r"] / 100) + v["C"]
    return balance


ANNUITY_FV = Family(
    name="annuity_fv",
    unit="currency",
    reasoning="Future value of a level payment at each period end: C * ((1 + r)^n - 1) / r.",
    params={
        "C": money((100, 50000), ((100_000, 5_000_000),)),
        "r": pct((1, 12), ((12.5, 25),), decimals=2),
        "n": plain((2, 40), ((45, 70),)),
    },
    formula=lambda f: f"{f['C']}*((1+{f['r']}/100)**{f['n']}-1)/({f['r']}/100)",
    solve=_annuity_fv,
    convention="currency; deposits at the end of each year",
    templates=(
        "If I save {C} at the end of every year for {n} years at {r} a year, how much will I have?",
        "What is the future value of {n} annual deposits of {C} earning {r}?",
        "An employee contributes {C} a year to a plan returning {r}. What is the balance "
        "after {n} years?",
        "Compute the future value of an ordinary annuity: {C} per year, {r} rate, {n} years.",
        "Putting away {C} each year-end into an account paying {r}: value after {n} years?",
    ),
    ood_templates=(
        "A sinking fund receives {C} at each year end and earns {r}. What has built up after "
        "{n} contributions?",
        "Accumulated value of {n} yearly payments of {C} at {r}?",
        "My kid's college fund gets {C} a year, invested at {r}. How much is there after {n} "
        "years?",
    ),
    parts=Parts(
        labels={
            "C": ("yearly contribution", "annual deposit", "amount saved each year"),
            "r": ("annual return", "interest rate", "growth rate"),
            "n": ("number of years", "number of deposits", "saving period (years)"),
        },
        asks=(
            "What is the future value of the savings?",
            "How much will have accumulated?",
            "What will the fund be worth at the end?",
        ),
        ood_asks=("What total has been built up?",),
    ),
)

PERPETUITY = Family(
    name="perpetuity",
    unit="currency",
    reasoning="Perpetuity value = payment / rate.",
    params={
        "C": money((10, 100000), ((200_000, 50_000_000),), decimals=0),
        "r": pct((1, 15), ((16, 40), (0.1, 0.9)), decimals=2),
    },
    formula=lambda f: f"{f['C']}/({f['r']}/100)",
    solve=lambda v: v["C"] * 100 / v["r"],
    convention="currency; first payment one period from now",
    templates=(
        "What is the value of a perpetuity paying {C} a year at a {r} discount rate?",
        "A preferred share pays a fixed {C} dividend forever. With a required return of "
        "{r}, what is it worth?",
        "How much is {C} per year forever worth today if rates are {r}?",
        "Price a consol paying {C} annually at a yield of {r}.",
        "An endowment must pay out {C} every year indefinitely. At {r}, how much capital "
        "does it need?",
    ),
    ood_templates=(
        "Capitalise a never-ending income of {C} yearly at {r}.",
        "What lump sum today funds {C} a year in perpetuity if money earns {r}?",
        "Perpetual annual coupon {C}; yield {r}; value?",
    ),
    parts=Parts(
        labels={
            "C": ("annual payment", "yearly cash flow", "fixed dividend"),
            "r": ("discount rate", "required return", "interest rate"),
        },
        asks=(
            "What is the perpetuity worth?",
            "What is its present value?",
            "Value the perpetual payment stream.",
        ),
        ood_asks=("What is the capital value of this everlasting stream?",),
    ),
)

EFFECTIVE_ANNUAL_RATE = Family(
    name="effective_annual_rate",
    unit="percent",
    reasoning="EAR = (1 + APR / m)^m - 1.",
    params={
        "apr": pct((1, 25), ((26, 60), (0.1, 0.9)), decimals=2),
        "m": plain((0, 0), ((0, 0),), choices=(2.0, 4.0, 12.0, 365.0)),
    },
    render=_words(_FREQUENCY_WORDS, "m"),  # type: ignore[arg-type]
    formula=lambda f: f"((1+{f['apr']}/100/{f['m']})**{f['m']}-1)*100",
    solve=lambda v: math.expm1(v["m"] * math.log1p(v["apr"] / 100 / v["m"])) * 100,
    convention="percent per year",
    templates=(
        "A credit card charges an APR of {apr} compounded {m}. What is the effective annual rate?",
        "Convert a nominal rate of {apr} compounded {m} into an effective annual rate.",
        "What is the EAR of a loan quoted at {apr} per year, compounded {m}?",
        "A bank quotes {apr} compounded {m}. What annual yield (AER) does that really give?",
        "Nominal {apr}, compounding {m}: effective annual rate?",
    ),
    ood_templates=(
        "Turn a stated {apr} annual rate with interest added {m} into its true yearly cost.",
        "Which annually compounded rate is equivalent to {apr} nominal, compounded {m}?",
        "The payday lender says {apr} a year, charged {m}. Effective rate?",
    ),
    parts=Parts(
        labels={
            "apr": ("APR", "nominal annual rate", "quoted rate"),
            "m": ("compounding", "compounding frequency", "interest charged"),
        },
        asks=(
            "What is the effective annual rate?",
            "What is the EAR?",
            "What annual rate does this really amount to?",
        ),
        ood_asks=("State the annual equivalent rate.",),
    ),
)


def _loan(v: dict) -> float:
    i = v["r"] / 100 / v["m"]
    periods = v["n"] * v["m"]
    return v["L"] * i / (1 - (1 + i) ** -periods)


def _loan_formula(f: dict) -> str:
    if float(f["m"]) == 1:
        return f"pmt({f['r']}/100, {f['n']}, {f['L']})"
    return f"pmt({f['r']}/100/{f['m']}, {f['n']}*{f['m']}, {f['L']})"


LOAN_INSTALMENT = Family(
    name="loan_instalment",
    unit="currency",
    reasoning="Level instalment = loan * i / (1 - (1 + i)^-N), i and N per instalment period.",
    params={
        "L": money((5000, 500000), ((1_000_000, 50_000_000),)),
        "r": pct((2, 12), ((13, 30), (0.1, 0.9)), decimals=2),
        "n": plain((2, 30), ((35, 50),)),
        "m": plain((0, 0), ((0, 0),), choices=(1.0, 2.0, 4.0, 12.0)),
    },
    render=_words(_INSTALMENT_WORDS, "m"),  # type: ignore[arg-type]
    formula=_loan_formula,
    solve=_loan,
    convention="currency per instalment; nominal annual rate divided by the instalments a year",
    templates=(
        "A loan of {L} at {r} a year is repaid in equal {m} instalments over {n} years. How "
        "much is each instalment?",
        "What is the {m} payment on a {L} loan at {r} annual interest over {n} years?",
        "I borrow {L} for {n} years at {r}. Payments are {m}. What does each one cost?",
        "Compute the level {m} instalment that repays {L} in {n} years at a {r} annual rate.",
        "Business loan: {L}, {r} interest, {n}-year term, {m} repayments. Payment size?",
    ),
    ood_templates=(
        "Amortise {L} over {n} years at {r} with {m} repayments: what is each repayment?",
        "The bank lends us {L} at {r}; we repay with {m} level payments for {n} years. How "
        "big is each?",
        "Equal {m} debt service on {L}, {n} years, {r} p.a.?",
    ),
    parts=Parts(
        labels={
            "L": ("loan amount", "amount borrowed", "principal"),
            "r": ("annual interest rate", "nominal rate", "loan rate"),
            "n": ("term in years", "loan term (years)", "number of years"),
            "m": ("payment frequency", "instalments", "repayment schedule"),
        },
        asks=(
            "What is each instalment?",
            "How much is each payment?",
            "What is the level repayment per period?",
        ),
        ood_asks=("Size the periodic repayment.",),
    ),
)


def _after_loss(v: dict) -> float:
    return v["P"] - v["P"] * v["L"] / 100


LOSS_THEN_GAIN = Family(
    name="loss_then_gain",
    unit="currency",
    reasoning="Apply each change in turn: value * (1 - loss) * (1 + gain).",
    params={
        "P": money((1000, 500000), ((1_000_000, 90_000_000),)),
        "L": pct((2, 60), ((61, 90), (0.1, 0.9)), decimals=1, ood_decimals=2),
        "G": pct((2, 80), ((81, 200), (0.1, 0.9)), decimals=1, ood_decimals=2),
    },
    formula=lambda f: f"{f['P']}*(1-{f['L']}/100)*(1+{f['G']}/100)",
    solve=lambda v: (
        v["P"] - v["P"] * v["L"] / 100 + (v["P"] - v["P"] * v["L"] / 100) * v["G"] / 100
    ),
    convention="currency",
    templates=(
        "A portfolio worth {P} loses {L} and then gains {G}. What is it worth now?",
        "I invested {P}. The first year it fell {L}, the second year it rose {G}. What do I have?",
        "Starting from {P}, an account drops {L} and then recovers {G}. Final balance?",
        "A {P} position is down {L}, then up {G} from there. Current value?",
        "After a {L} loss followed by a {G} gain, what is {P} worth?",
    ),
    ood_templates=(
        "My {P} stake shed {L} in the crash and has since bounced {G}. Where am I?",
        "Apply a {L} decline and then a {G} advance to {P}. Ending value?",
        "The fund started at {P}, slumped {L}, then rallied {G}. What is it worth?",
    ),
    parts=Parts(
        labels={
            "P": ("starting value", "initial investment", "opening balance"),
            "L": ("first-year loss", "loss", "fall in year one"),
            "G": ("gain afterwards", "second-year gain", "subsequent rise"),
        },
        asks=(
            "What is the ending value?",
            "What is the balance after both moves?",
            "How much is left at the end?",
        ),
        ood_asks=("Compute where the money ends up.",),
    ),
)


def _chain(v: dict) -> float:
    growth = 1.0
    for key in ("r1", "r2", "r3"):
        growth += growth * v[key] / 100
    return (growth - 1) * 100


MULTI_PERIOD_RETURN = Family(
    name="multi_period_return",
    unit="percent",
    reasoning="Chain the returns: (1 + r1)(1 + r2)(1 + r3) - 1.",
    params={
        "r1": pct((-25, 30), ((-60, -26), (31, 80)), decimals=1),
        "r2": pct((-25, 30), ((-60, -26), (31, 80)), decimals=1),
        "r3": pct((-25, 30), ((-60, -26), (31, 80)), decimals=1),
    },
    valid=lambda v: abs(_chain(v)) > 0.05,
    formula=lambda f: f"((1+{f['r1']}/100)*(1+{f['r2']}/100)*(1+{f['r3']}/100)-1)*100",
    solve=_chain,
    convention="cumulative percent over the three periods; negative for a loss",
    templates=(
        "A fund returned {r1}, {r2} and {r3} in three consecutive years. What is its "
        "cumulative return?",
        "Quarterly returns were {r1}, {r2} and {r3}. What is the total return over the three "
        "quarters?",
        "My stock did {r1} in January, {r2} in February and {r3} in March. What's the return "
        "for the quarter?",
        "Compound these yearly returns into one figure: {r1}, {r2}, {r3}.",
        "Over three years the returns were {r1}, then {r2}, then {r3}. Total compounded return?",
    ),
    ood_templates=(
        "Link the period returns {r1}, {r2} and {r3} geometrically. Overall result?",
        "Three months in a row: {r1}, {r2}, {r3}. Where is the account versus the start, "
        "in percent?",
        "Year one {r1}, year two {r2}, year three {r3}: aggregate growth?",
    ),
    parts=Parts(
        labels={
            "r1": ("return in period 1", "first-year return", "Q1 return"),
            "r2": ("return in period 2", "second-year return", "Q2 return"),
            "r3": ("return in period 3", "third-year return", "Q3 return"),
        },
        asks=(
            "What is the cumulative return?",
            "What is the total compounded return?",
            "What is the overall return across the periods?",
        ),
        ood_asks=("Report the linked return for the whole span.",),
    ),
)

GORDON_JUST_PAID = Family(
    name="gordon_just_paid",
    unit="currency",
    reasoning="Gordon model with next dividend D0 * (1 + g): price = D0 * (1 + g) / (r - g).",
    params={
        "D0": plain((0.2, 10), ((12, 60), (0.01, 0.15)), decimals=2),
        "r": pct((5, 15), ((16, 30),), decimals=1),
        "g": pct((0.5, 6), ((7, 14),), decimals=1),
    },
    valid=lambda v: v["r"] - v["g"] >= 1.5,
    formula=lambda f: f"{f['D0']}*(1+{f['g']}/100)/({f['r']}/100-{f['g']}/100)",
    solve=lambda v: (v["D0"] + v["D0"] * v["g"] / 100) * 100 / (v["r"] - v["g"]),
    convention="price per share; the dividend was just paid, so next year's is D0 * (1 + g)",
    templates=(
        "A company just paid a dividend of {D0} per share. Dividends grow {g} a year and "
        "investors require {r}. What is the share worth?",
        "The most recent dividend was {D0}; growth is expected at {g} forever and the cost "
        "of equity is {r}. Value the stock with the Gordon growth model.",
        "D0 = {D0}, g = {g}, required return {r}. Price per share?",
        "A utility has just paid {D0} a share and grows its dividend {g} annually. At a "
        "{r} discount rate, what is the intrinsic value?",
        "Last year's dividend of {D0} grows at {g}. With {r} required, what should the "
        "stock trade at?",
    ),
    ood_templates=(
        "Yesterday's payout was {D0} per share; payouts rise {g} a year in perpetuity; "
        "shareholders want {r}. Fair value?",
        "Constant-growth valuation, current dividend {D0}, growth {g}, hurdle {r}.",
        "The dividend paid this morning was {D0}. Grow it {g} a year and discount at {r}: "
        "what's a share worth?",
    ),
    parts=Parts(
        labels={
            "D0": ("dividend just paid", "last dividend (D0)", "most recent dividend"),
            "g": ("dividend growth rate", "growth rate", "expected growth"),
            "r": ("required return", "cost of equity", "discount rate"),
        },
        asks=(
            "What is the share price?",
            "What is the stock worth?",
            "Value the share.",
        ),
        ood_asks=("What intrinsic value does this imply?",),
    ),
)


def _macaulay(v: dict) -> float:
    y, n, coupon = v["y"] / 100, int(v["n"]), v["c"]
    weighted = total = 0.0
    for t in range(1, n + 1):
        flow = coupon + (100 if t == n else 0)
        pv_flow = flow / (1 + y) ** t
        weighted += t * pv_flow
        total += pv_flow
    return weighted / total


MACAULAY_DURATION = Family(
    name="macaulay_duration",
    unit="years",
    reasoning="Macaulay duration = PV-weighted average time of the cash flows.",
    params={
        "c": pct((1, 10), ((10.5, 15), (0.1, 0.9)), decimals=1),
        "y": pct((1, 10), ((10.5, 18), (0.1, 0.9)), decimals=1),
        "n": plain((2, 10), ((12, 30),)),
    },
    formula=lambda f: f"macaulay({f['y']}/100, {f['n']}, {f['c']})",
    solve=_macaulay,
    convention="years; annual coupons, coupon as percent of par",
    templates=(
        "What is the Macaulay duration of a {n}-year bond paying a {c} annual coupon when "
        "its yield is {y}?",
        "A {n}-year annual-pay bond has a coupon of {c} and yields {y}. Compute its Macaulay "
        "duration.",
        "Macaulay duration: coupon {c} (annual), {n} years to maturity, YTM {y}?",
        "Find the duration, in years, of a {c} annual coupon bond maturing in {n} years at a "
        "yield of {y}.",
        "How long is the Macaulay duration of a bond with {n} years left, {c} coupon paid "
        "yearly, priced to yield {y}?",
    ),
    ood_templates=(
        "Weighted-average time to the cash flows of a {c} coupon, {n}-year note yielding "
        "{y} (annual payments)?",
        "Duration (Macaulay) for {n} yearly coupons of {c} plus par, discounted at {y}?",
        "Our {n}-year corporate pays {c} once a year and trades at a {y} yield. What is its "
        "Macaulay duration?",
    ),
    parts=Parts(
        labels={
            "c": ("annual coupon rate", "coupon (paid yearly)", "coupon rate"),
            "y": ("yield to maturity", "yield", "market yield"),
            "n": ("years to maturity", "maturity (years)", "term"),
        },
        asks=(
            "What is the Macaulay duration?",
            "Compute the bond's Macaulay duration in years.",
            "How many years is its Macaulay duration?",
        ),
        ood_asks=("Give the cash-flow-weighted average life in years.",),
    ),
)

FAMILIES = (
    PERIODIC_COMPOUNDING,
    DOUBLING_TIME,
    ZERO_COUPON_PRICE,
    ANNUITY_PV,
    ANNUITY_FV,
    PERPETUITY,
    EFFECTIVE_ANNUAL_RATE,
    LOAN_INSTALMENT,
    LOSS_THEN_GAIN,
    MULTI_PERIOD_RETURN,
    GORDON_JUST_PAID,
    MACAULAY_DURATION,
)
