"""Time-value families beyond the basics: compounding at any frequency, doubling time, EAR,
zero-coupon prices, annuities, perpetuities, loans at any instalment frequency, sequences of
returns, the Gordon model from the dividend just paid, and a coupon bond's Macaulay duration.

Solvers are written independently of the formula text (loops, closed forms or logs where the
formula uses powers or spreadsheet functions).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    Family,
    Parts,
    TermCount,
    Values,
    draw_params,
    later_item_labels,
    money,
    number_texts,
    pct,
    plain,
)
from quantreason.tasks.purchases import PURCHASE_LABELS, purchase_aside, with_purchase
from quantreason.tasks.term_counts import term_formula

_FREQUENCY_WORDS = {
    1.0: ("annually", "once a year", "yearly"),
    2.0: ("semi-annually", "twice a year", "every six months"),
    4.0: ("quarterly", "every quarter", "four times a year"),
    12.0: ("monthly", "every month", "each month"),
    365.0: ("daily", "every day", "each day (365-day year)"),
}
INSTALMENT_WORDS = {
    1.0: ("annual", "yearly", "end-of-year"),
    2.0: ("semi-annual", "half-yearly", "six-monthly"),
    4.0: ("quarterly", "end-of-quarter", "three-monthly"),
    12.0: ("monthly", "end-of-month", "month-end"),
}


def frequency_words(table: dict[float, tuple[str, ...]], key: str) -> object:
    """A ``render`` hook that shows parameter ``key`` (a count per year) as one of its words in
    ``table`` ("quarterly", "four times a year") and every other number as usual."""

    def render(rng: random.Random, nums: Values) -> dict[str, str]:
        texts = number_texts(rng, nums)
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
    render=frequency_words(_FREQUENCY_WORDS, "m"),  # type: ignore[arg-type]
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
        "Exam question: {P} is invested at a nominal annual rate of {r}, compounded {m}. Find the "
        "amount after {n} years.",
        "pls help - {P} at {r} nominal, compounded {m}, for {n} yrs. what's the fv?",
        "Hi Sam, could you check a number for me? The client is putting {P} into a term deposit at "
        "{r} per year with interest compounded {m}. What will the account show at the end of {n} "
        "years? Thanks.",
        "principal {P} | nominal rate {r} p.a. | compounding: {m} | term {n} years | future value "
        "= ?",
        "What balance, after {n} years, does a deposit of {P} reach at {r} a year if interest is "
        "compounded {m}?",
        "My aunt, who has kept the same passbook since her twenties, has {P} in an account paying "
        "{r} a year. The bank compounds the interest {m}. If she leaves it alone for {n} years "
        "while she travels, how much will be there when she checks?",
        "{P} invested for {n} years at {r} annual interest, compounded {m}. How much is it worth "
        "at the end?",
        "If interest at {r} per year is compounded {m}, what does {P} accumulate to over {n} "
        "years?",
        "A bond fund reinvests its income {m} and earns a nominal {r} annually. Starting from {P}, "
        "what is the fund worth after {n} years?",
        "how much will {P} be in {n} years at {r} a yr compounded {m}?",
        "Calculate the maturity value of a {n}-year certificate of deposit: principal {P}, stated "
        "annual rate {r}, compounding {m}.",
        "The future value is what I need: {P} today, {r} nominal annual interest compounded {m}, "
        "held for {n} years.",
        "My partner and I are saving for a house deposit. We have {P} in an account paying {r} "
        "p.a. compounded {m}. Ignoring any new contributions, what will we have after {n} years?",
        "Compute FV: PV = {P}, nominal rate {r} compounded {m}, n = {n} years.",
        "My cousin works night shifts at a bakery and reads about savings between batches of "
        "bread. She found an account paying a nominal {r} a year, with the interest added {m} "
        "rather than once a year. If she puts in {P} and leaves it untouched for {n} years, what "
        "balance will she see?",
        "FV calc: PV {P}, nominal {r} p.a., comp. {m}, tenor {n}y. The ending balance, not the "
        "EAR.",
        "Examination problem: a sum of {P} is invested for {n} years at a nominal annual interest "
        "rate of {r}, with interest compounded {m}. Determine the accumulated amount in currency.",
        "ok so my bank compounds {m}, rate is {r} a year nominal, i put in {P} and leave it {n} "
        "years. how much at the end??",
        "For {n} years, compounded {m}, at {r} nominal per year: what does a deposit of {P} grow "
        "into?",
        "Ending balance needed. Inputs: term {n} years, interest compounded {m}, starting sum {P}, "
        "stated annual rate {r} (split across the compounding periods of each year).",
        "Please I want to know, I put {P} in the bank for {n} years, the bank give {r} per year "
        "but they make the compound {m}. How much money I will have in the end?",
    ),
    ood_templates=(
        "Interest of {r} per annum is added {m}. Starting with {P}, what sits in the account "
        "once {n} years have passed?",
        "Accumulate {P} for a {n}-year span; nominal {r}, with compounding {m}.",
        "How big is a {P} pot after {n} years if the bank credits {r} yearly interest {m}?",
    ),
    parts=Parts(
        labels={
            "P": (
                "deposit",
                "principal",
                "starting balance",
                "amount invested",
                "initial deposit",
                "PV",
                "lump sum put in today",
                "money I put in",
                "opening principal",
                "present value",
                "sum invested",
                "capital invested",
                "original deposit",
            ),
            "r": (
                "nominal annual rate",
                "annual interest rate",
                "APR",
                "stated annual rate",
                "quoted yearly rate (nominal, before compounding)",
                "nominal rate p.a.",
                "interest rate per year",
                "bank's yearly rate",
                "nominal interest rate",
                "quoted annual rate",
                "headline annual rate",
                "annual percentage rate",
            ),
            "n": (
                "number of years",
                "term in years",
                "horizon (years)",
                "number of years on deposit",
                "holding period (years)",
                "length of the deposit in years",
                "tenor (yrs)",
                "time in years",
                "years invested",
                "investment horizon in years",
                "years to maturity",
                "deposit term in years",
            ),
            "m": (
                "compounding",
                "compounding frequency",
                "interest credited",
                "frequency of compounding",
                "compounding cycle",
                "comp. freq.",
                "interest added to the account",
                "schedule for adding interest",
                "compounding basis",
                "compounding interval",
                "interest capitalisation",
                "compounding convention",
            ),
        },
        asks=(
            "What is the future value?",
            "What is the balance at the end?",
            "How much will the account hold?",
            "Compute the ending balance.",
            "What is the maturity value?",
            "How much will the deposit grow to with this compounding?",
            "What does the money come to after the final compounding period?",
            "Give the final balance in currency (not the effective rate).",
            "What is the accumulated amount after the whole term?",
            "Compute the future value with interest compounded at the stated frequency.",
            "What is the terminal value of the deposit under compounding at that frequency?",
            "so whats the fv at that compounding frequency?",
            "How much will be in the account on the closing date, interest on interest included?",
            "Compute the compound amount (principal plus compound interest) in currency.",
            "Project the deposit's value at the end of the term.",
            "What sum does the investment reach with interest compounded more than once a year?",
            "What is the amount payable at maturity, with compound interest?",
            "How much cash would I take out if I closed the account when the term ends?",
            "What will my savings be worth once the term is up?",
            "Roll the principal forward at the nominal rate split per compounding period.",
            "What is the investment's compounded value at the horizon?",
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
        "Exam question: at an annual compound interest rate of {r}, how many years will it take "
        "for an investment to double in value? Give the exact answer, not the rule-of-72 "
        "approximation.",
        "how long to double my money at {r} a year? exact pls",
        "Hi Priya, a client asked how many years it takes for savings earning {r} per annum, "
        "compounded annually, to double. Could you work it out exactly?",
        "rate: {r} p.a. (annual compounding) | target: 2x the initial amount | years needed = ?",
        "Number of years needed for a deposit to double at {r} compounded yearly?",
        "My grandfather, a carpenter all his life, always said money at {r} a year doubles "
        "'eventually'. With interest compounded once a year, exactly how many years is eventually?",
        "In how many years does an investment growing at {r} per year reach twice its starting "
        "value?",
        "Find t, in years, at which money compounding at {r} annually is exactly twice its "
        "starting amount.",
        "A pension pot grows at {r} a year, compounded annually. How many years until it has "
        "doubled?",
        "If a company's revenue compounds at {r} annually, how long before revenue is double what "
        "it is now?",
        "The doubling time, please: annual growth {r}, compounded once a year. Answer in years.",
        "Years to double at {r}?",
        "We're comparing against the rule of 72 in class. What is the exact doubling time for "
        "money earning {r} per year, compounding annually?",
        "The town's population is growing {r} a year. Exactly how many years until it doubles?",
        "My neighbour keeps bees and sells honey at the Saturday market. She puts the takings "
        "into a fund that grows {r} every year, compounding once a year. Exactly how many years "
        "until her money is twice what it is now?",
        "t_double, exact (ln-based, no rule of 72), annual comp, r = {r}?",
        "Examination problem: a sum is invested at {r} per annum, compounded annually. Determine "
        "the exact time in years required for it to double. Do not use an approximation.",
        "if something grows {r} every year how many years till its 2x? exact not rule of 72 pls",
        "Doubling time in years, exact, wanted for this: annual compound growth of {r}.",
        "Please, my money is growing {r} each year (compound one time per year). After how much "
        "years it becomes double? I need exact number.",
        "Twice the starting amount: how many years does that take when growth is {r} per year, "
        "compounded annually?",
    ),
    ood_templates=(
        "Compute the doubling period, in years, for capital compounding at {r} annually.",
        "If prices rise {r} every year, after how many years are they twice today's level?",
        "Growth of {r} p.a.: time for a 2x, exactly?",
    ),
    parts=Parts(
        labels={
            "r": (
                "annual growth rate",
                "yearly return",
                "interest rate",
                "annual rate",
                "annual compound rate",
                "growth per year (compounded annually)",
                "rate of return p.a.",
                "yearly interest (compounded once a year)",
                "return each year",
                "growth rate p.a.",
                "yearly compound growth rate",
                "annual yield",
                "compound interest rate per year",
            )
        },
        asks=(
            "How many years to double?",
            "What is the doubling time in years?",
            "How long until the money doubles?",
            "What is the exact doubling time?",
            "How many years until it is two times the starting amount?",
            "Find the years to double using logs rather than the rule of 72.",
            "What is the time to double in years?",
            "How long does it take for the investment to grow to 2x?",
            "What does the doubling time come to in years?",
            "How many years until the sum has grown by a hundred percent?",
            "What is the exact time, in years, for the balance to multiply by two?",
            "Solve for the number of years that makes the growth factor equal two.",
            "Find t where one plus the rate, raised to the power t, equals two.",
            "How long until it's a double, in years?",
            "How many years before the pot is twice as big, exactly rather than by rule of thumb?",
            "What is the exact doubling horizon in years?",
            "How long will it take my savings to double, exactly?",
            "yrs to double, exact?",
            "What holding time, in years, doubles the initial amount at this compound rate?",
            "How many years would I need to stay invested to double my stake?",
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
        "Exam question: a zero-coupon bond has a par value of {F} and matures in {n} years. If the "
        "annual yield to maturity is {y}, calculate its price.",
        "zero-coupon price? {n}y, face {F}, ytm {y}, annual comp pls",
        "Hi Tom, can you price the zero-coupon note for me? It pays {F} at maturity in {n} years "
        "and the yield we're using is {y}, compounded annually. Thanks.",
        "instrument: zero-coupon bond | face: {F} | maturity: {n} yrs | yield: {y} (annual) | "
        "price = ?",
        "What should a zero-coupon bond sell for today if it repays {F} in {n} years and investors "
        "demand an annual yield of {y}?",
        "When my sister was born, our uncle bought her a zero-coupon bond that will pay {F} in {n} "
        "years. He keeps it in a drawer with old photos. If the going annual yield is {y}, what is "
        "the bond worth today?",
        "How much is a zero that matures at {F} in {n} years worth now, at a yield of {y}?",
        "The price is what I want: a zero-coupon bond, {n} years to maturity, face {F}, discounted "
        "at an annual yield of {y}.",
        "A government zero-coupon bond with {n} years remaining will pay {F}. With yields at {y}, "
        "annually compounded, what is its present value?",
        "Find the present value of {F} payable in {n} years, using an annual discount rate of {y}.",
        "Zero-coupon, {F} par, {n} years, yield {y}. Price it.",
        "A company issues a zero-coupon bond redeemable for {F} in {n} years. If comparable debt "
        "yields {y} per year, what price will it fetch?",
        "Given an annual yield of {y}, what is today's price of a zero-coupon bond with face value "
        "{F} and {n} years to maturity?",
        "My grandfather, who still fixes old radios in his garage, was given a zero-coupon bond "
        "that pays {F} at maturity, {n} years from now, and nothing before then. If similar bonds "
        "yield {y} a year, what would it sell for today? The face value has to be discounted "
        "back, not grown forward.",
        "ZCB px: face {F}, T = {n}y, YTM {y} ann. comp., no coupons. PV?",
        "Examination problem: a bond makes no coupon payments and redeems at its par value of {F} "
        "in {n} years. Given an annual yield to maturity of {y}, determine its price today.",
        "how much is a zero coupon worth now if it pays {F} back in {n} yrs and the yield is {y}? "
        "no coupons at all",
        "At {y} a year, {n} years out, one single repayment of {F} and no coupons: what price "
        "today?",
        "Today's price of a zero, please. Face {F} paid at the end, yield {y} with annual "
        "compounding, maturity in {n} years.",
        "Please help, the bond have no coupon, it pay only {F} when it finish after {n} years. "
        "Yield is {y} each year. What is the price I pay today?",
    ),
    ood_templates=(
        "A pure discount bond redeems at {F} after {n} years; the market yield is {y}. Fair price?",
        "Today's value of a single payment of {F}, {n} years away, discounted at {y}?",
        "Strip bond: {F} at maturity, {n} years left, {y} yield. What does it cost?",
    ),
    parts=Parts(
        labels={
            "F": (
                "face value",
                "par value",
                "amount at maturity",
                "redemption value",
                "principal repaid at maturity",
                "face amount",
                "nominal value",
                "single payment at the end",
                "maturity value",
                "par amount",
                "principal amount",
                "payoff at maturity",
            ),
            "y": (
                "yield",
                "discount rate",
                "yield to maturity",
                "annual yield (YTM)",
                "required annual return",
                "annually compounded zero rate",
                "spot rate for that maturity",
                "rate used to discount",
                "zero rate",
                "annual spot rate",
                "yield p.a.",
                "required yield",
            ),
            "n": (
                "years to maturity",
                "maturity (years)",
                "time to maturity",
                "years until it matures",
                "term (years)",
                "tenor in years",
                "remaining life (years)",
                "term to maturity in years",
                "maturity in years",
                "years remaining",
                "tenor",
                "number of years",
            ),
        },
        asks=(
            "What is the zero-coupon bond's price?",
            "What is the present value?",
            "How much is the zero worth today?",
            "What is the price today?",
            "How much should I pay now for the bond?",
            "What is the discounted value of the face amount?",
            "Discount the face value back to today.",
            "Compute the price of the zero.",
            "What does the no-coupon bond cost today?",
            "What is the ZCB price?",
            "What is the present value of the single redemption payment?",
            "How much does the zero cost now, with annual compounding?",
            "What price today gives the stated annual yield to maturity on the zero?",
            "What is the purchase cost of a bond that pays only its face at maturity?",
            "price of the zero?",
            "What would you bid for the zero to earn the yield given?",
            "Compute the face amount times the annual discount factor for that maturity.",
            "How much is a bond that pays nothing until redemption worth now?",
            "What is the PV of the par amount at the zero rate?",
            "What is the cost today of locking in the face amount at maturity?",
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
        "Exam question: calculate the present value of an ordinary annuity of {C} per year for {n} "
        "years at an interest rate of {r} per annum.",
        "pv of {C} a yr for {n} yrs at {r}? end of year payments",
        "Hi Ana, the seller is offering us {C} at the end of each year for the next {n} years "
        "instead of cash up front. At our {r} discount rate, what's the lump sum equivalent today?",
        "payment: {C} (end of year) | periods: {n} years | rate: {r} | PV = ?",
        "What lump sum today is worth the same as {n} end-of-year payments of {C}, if money earns "
        "{r} a year?",
        "After the fire at her old shop, my grandmother won a settlement: the insurer will pay her "
        "{C} a year for {n} years, first payment one year from now. At {r} interest, what is that "
        "worth as a single amount today?",
        "How much would you pay today for an ordinary annuity paying {C} annually over {n} years, "
        "with a required return of {r}?",
        "A structured settlement gives {C} at each year end for {n} years. Discounted at {r}, what "
        "is its present value?",
        "Present value, please: {n} annual payments of {C}, the first one year from now, "
        "discounted at {r}.",
        "We lease out a field for {C} a year, paid at the end of each year, on a {n}-year lease. "
        "What is the lease income worth today at {r}?",
        "At {r}, what is the PV of receiving {C} at the end of every year for {n} years?",
        "To retire I need an income of {C} at the end of every year for {n} years. How much do I "
        "need today if the pot earns {r} a year?",
        "PV of ordinary annuity - C = {C}, r = {r}, n = {n} years",
        "Which single payment today equals {n} yearly payments of {C}, received at each year end, "
        "when the discount rate is {r}?",
        "My uncle, a retired chemistry teacher who collects old stamps, sold his share of a "
        "pharmacy in exchange for {C} paid to him once a year, in arrears, over {n} years, and "
        "nothing after that. Discounting at {r}, what is the whole deal worth in today's money?",
        "PV ord. annuity: PMT {C} in arrears, N {n}, i {r}. Fixed term, not a perpetuity.",
        "Examination problem: an investment returns {C} per annum, paid in arrears, for exactly "
        "{n} years. Using a rate of {r} per annum, determine its present value.",
        "someone offers me {C} yearly over {n} years, paid as each year ends. whats that worth to "
        "me now if i use {r}? not forever, just those years",
        "At {r}, for {n} years, {C} paid at each year end: what is the value today?",
        "Present value needed, not future value: {C} arriving as each of the next {n} years "
        "closes, discount rate {r}.",
        "Please explain me, I will receive {C} every end of year during {n} years only. If "
        "interest is {r}, how much this is value today?",
    ),
    ood_templates=(
        "A lottery pays {C} yearly, first payment in one year, {n} payments in all. "
        "Capitalise it at {r}.",
        "Discount {n} equal year-end instalments of {C} at {r}; give the total value now.",
        "Fair price of an annuity-certain with {n} annual payments of {C}, valuation rate {r}?",
    ),
    parts=Parts(
        labels={
            "C": (
                "annual payment",
                "payment per year",
                "yearly cash flow",
                "PMT",
                "level end-of-year payment",
                "annual instalment received",
                "amount received each year",
                "yearly income",
                "annuity payment",
                "year-end payment",
                "annual receipt",
                "cash flow per year",
            ),
            "r": (
                "discount rate",
                "interest rate",
                "required return",
                "annual discount rate",
                "interest rate per year",
                "cost of capital",
                "rate of return you require",
                "hurdle rate",
                "annual interest rate",
                "yield p.a.",
                "discount rate per annum",
                "market interest rate",
            ),
            "n": (
                "number of payments",
                "number of years",
                "term (years)",
                "years of payments",
                "payment count",
                "life of the annuity (years)",
                "count of yearly payments",
                "number of annual payments",
                "term of the annuity",
                "number of periods",
                "annuity term in years",
                "years the payments run",
            ),
        },
        asks=(
            "What is the present value of the annuity?",
            "What is the annuity worth today?",
            "Compute the PV of the payments.",
            "What is the PV of the fixed-term annuity?",
            "How much is the payment stream worth today?",
            "What lump sum today equals the payments?",
            "Discount the payments back to today.",
            "What does the stream of payments come to in today's money?",
            "What is the value today of the annuity (not its future value)?",
            "What is the present worth of the annual payments?",
            "What is the PV of this ordinary annuity (payments in arrears)?",
            "What cash sum now is equivalent to receiving these yearly payments?",
            "How much would I accept today instead of the annual payments?",
            "What is the discounted sum of the yearly cash flows?",
            "What is the annuity's present value, with the first payment one year from now?",
            "Using the annuity factor, what are the payments worth now?",
            "Compute the payment times the PVIFA.",
            "whats the pv of the annuity?",
            "How much should I pay now for the right to these yearly payments?",
            "What is the commuted value of the payments?",
            "Discount each year-end payment and add them up: what do you get?",
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
        "Exam question: {C} is deposited at the end of each year for {n} years into an account "
        "paying {r} compound interest. Find the amount in the account immediately after the last "
        "deposit.",
        "if i put {C} in at the end of every year for {n} yrs at {r}, how much do i end up with? "
        "pls",
        "Hi Mark, quick check for the client's retirement plan: contributions of {C} at the end of "
        "each year, {n} years, assumed return {r} per annum. What's the projected value at the "
        "end?",
        "annual deposit (end of year): {C} | rate: {r} | years: {n} | FV = ?",
        "What will an ordinary annuity of {C} per year be worth at the end of {n} years if it "
        "earns {r}?",
        "My neighbour, who retired from the railway after thirty years, swears by saving a fixed "
        "amount every year. If I follow his advice and put {C} into an index fund at the end of "
        "each year for {n} years, and the fund returns {r} a year, what will I have?",
        "How much accumulates if a company sets aside {C} at the end of every year for {n} years "
        "at {r} interest?",
        "Future value of {n} end-of-year payments of {C}, compounded at {r}.",
        "The total at the end is what I need: {C} saved at every year-end, earning {r}, over {n} "
        "years.",
        "A couple deposits {C} into their savings at the end of each year for {n} years. If the "
        "account earns {r} annually, how much will be in it right after the final deposit?",
        "At {r} a year, what do end-of-year contributions of {C} grow to over {n} years?",
        "FV annuity: PMT {C}, i = {r}, N = {n} (payments at year end)",
        "Saving {C} at the end of every year for {n} years, with everything earning {r}: balance "
        "on the day of the last payment?",
        "My brother spends his weekends restoring a rusty old motorbike, and he promised himself "
        "to put {C} into his savings account when each year ends. That account earns {r} "
        "annually. How much will he have right after his deposit in year {n}?",
        "FV ord. annuity: PMT {C} (in arrears), i {r} p.a., N {n}. Terminal value, not PV.",
        "Examination problem: equal deposits of {C} are made annually in arrears for {n} years "
        "into a fund earning {r} per annum, compounded annually. Determine the fund's value at "
        "the time of the final deposit.",
        "saving {C} each year-end, {r} interest, {n} yrs. whats the total when i stop (future "
        "value, not todays value)?",
        "Over {n} years, at {r} a year, with {C} added at every year-end: what is the final "
        "balance?",
        "The future amount, please: deposits of {C} at each year end, {n} of them, growing at {r} "
        "a year.",
        "I put {C} in the bank when every year finish, for {n} years. Bank give {r} yearly. How "
        "much money I have after the last payment?",
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
            "C": (
                "yearly contribution",
                "annual deposit",
                "amount saved each year",
                "end-of-year deposit",
                "PMT",
                "annual contribution",
                "money paid in every year",
                "yearly saving",
                "annual payment",
                "year-end contribution",
                "savings per year",
                "yearly amount paid in",
            ),
            "r": (
                "annual return",
                "interest rate",
                "growth rate",
                "annual interest rate",
                "rate earned per year",
                "yearly yield on savings",
                "investment return p.a.",
                "rate of return",
                "interest rate p.a.",
                "annual compound rate",
                "annual yield",
                "assumed annual growth",
            ),
            "n": (
                "number of years",
                "number of deposits",
                "saving period (years)",
                "length of saving plan (years)",
                "number of contributions",
                "N (years)",
                "saving horizon in years",
                "number of annual deposits",
                "years of saving",
                "plan term in years",
                "contribution period in years",
                "number of payments",
            ),
        },
        asks=(
            "What is the future value of the savings?",
            "How much will have accumulated?",
            "What will the fund be worth at the end?",
            "What is the FV of the annuity?",
            "What will the account hold after the last deposit?",
            "How much will the deposits grow to?",
            "What do the savings come to at the end?",
            "Compute the future value of the annual deposits.",
            "What is the balance at the end (not today's value)?",
            "What is the terminal value of the yearly contributions?",
            "What is the amount of this ordinary annuity at the date of the last payment?",
            "Compute the payment times the FVIFA.",
            "What will the pot come to at the end of the saving plan?",
            "How much will the regular yearly saving have become by the last payment date?",
            "What is the fund's value right after the final contribution, in currency?",
            "whats the fv of the contributions?",
            "Add the deposits and their compound interest: what is the closing balance?",
            "How much will my retirement account show after my last yearly payment?",
            "What nest egg do these annual contributions produce?",
            "What is the ordinary annuity's future value (payments in arrears)?",
            "Project the savings plan's value at maturity.",
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
        "Exam question: find the present value of a perpetuity that pays {C} at the end of every "
        "year, starting one year from now, if the discount rate is {r}.",
        "pv of {C} a year forever at {r}? pls",
        "Hi Jo, the foundation wants to fund a scholarship of {C} every year, in perpetuity. If "
        "the endowment earns {r}, how big a gift do we need?",
        "cash flow: {C} per year | growth: none | term: forever | discount rate: {r} | value = ?",
        "A preferred stock pays a fixed annual dividend of {C} and never matures. If investors "
        "require {r}, what should it sell for?",
        "My great-grandfather set up a trust that pays the village church {C} every year, forever, "
        "with the first payment due a year from now. At an interest rate of {r}, what is that "
        "promise worth today?",
        "What is the value today of receiving {C} annually in perpetuity, discounting at {r}?",
        "How much capital, invested at {r}, produces {C} a year forever without ever running down?",
        "A ground rent of {C} a year is payable in perpetuity. Value it at {r}.",
        "Value of a level perpetuity: {C} per year, {r} discount rate.",
        "At a required return of {r}, what would you pay for preferred stock with a fixed dividend "
        "of {C} a year?",
        "what is {C} every year forever worth at {r}",
        "A university chair is endowed to pay {C} per year indefinitely, starting at the end of "
        "this year. If the endowment earns {r}, how large must it be?",
        "My grandmother, who still bakes bread every Sunday for the whole street, set up a fund "
        "for the local library that pays {C} once every year, forever, with no increase and the "
        "first cheque in a year's time. Using {r} as the discount rate, what is that gift worth "
        "today?",
        "PV perp: level CF {C}/yr, zero growth, no maturity, k = {r}.",
        "Examination problem: find the value today of a level perpetuity paying {C} per annum, "
        "first payment due in twelve months, discounted at {r}. The payments never stop and "
        "never grow.",
        "whats {C} a year forever worth if the rate is {r}? no growth, it never ends",
        "At {r}, a payment of {C} every year with no end date and no growth: value today?",
        "Present value of a perpetuity wanted: a constant {C} each year, paid forever (not for a "
        "fixed number of years), discounted at {r}.",
        "Please, one investment pay {C} each year for always, it never finish and the amount not "
        "grow. Rate is {r}. How much it is value now?",
    ),
    ood_templates=(
        "Capitalise a never-ending income of {C} yearly at {r}.",
        "What lump sum today funds {C} a year in perpetuity if money earns {r}?",
        "Perpetual annual coupon {C}; yield {r}; value?",
    ),
    parts=Parts(
        labels={
            "C": (
                "annual payment",
                "yearly cash flow",
                "fixed dividend",
                "level payment per year (forever)",
                "perpetual annual coupon",
                "constant yearly payout",
                "annual income with no end date",
                "non-growing annual cash flow",
                "preferred dividend",
                "annual coupon",
                "perpetual payment",
                "cash flow per year",
            ),
            "r": (
                "discount rate",
                "required return",
                "interest rate",
                "annual discount rate",
                "capitalisation rate",
                "cost of capital",
                "rate of return you require",
                "yearly rate",
                "cap rate",
                "required yield",
                "discount rate p.a.",
                "hurdle rate",
            ),
        },
        asks=(
            "What is the perpetuity worth?",
            "What is its present value?",
            "Value the perpetual payment stream.",
            "What is the present value of the perpetuity?",
            "How much are the payments forever worth today?",
            "What is the value of payments that never stop?",
            "Compute the value of the level perpetuity.",
            "What does the perpetuity come to today?",
            "What is the price of this no-growth perpetuity?",
            "What would a consol paying this amount every year be worth?",
            "What is the perpetuity value, cash flow divided by the discount rate?",
            "How much is the perpetual annuity worth now?",
            "What is the present value of an infinite stream of level annual payments?",
            "How large an endowment would pay this amount every year in perpetuity?",
            "What would a preferred share paying this fixed amount every year be worth?",
            "whats the pv of the perp?",
            "How much would I pay today for the right to this payment every year without end?",
            "What is the present value if the yearly payment never stops and never grows?",
            "Compute the value of a non-growing perpetuity (first payment in one year).",
            "Perpetuity PV, zero growth?",
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
    render=frequency_words(_FREQUENCY_WORDS, "m"),  # type: ignore[arg-type]
    formula=lambda f: f"((1+{f['apr']}/100/{f['m']})**{f['m']}-1)*100",
    solve=lambda v: math.expm1(v["m"] * math.log1p(v["apr"] / 100 / v["m"])) * 100,
    convention="percent per year",
    templates=(
        "A credit card charges an APR of {apr} compounded {m}. What is the effective annual rate?",
        "Convert a nominal rate of {apr} compounded {m} into an effective annual rate.",
        "What is the EAR of a loan quoted at {apr} per year, compounded {m}?",
        "A bank quotes {apr} compounded {m}. What annual yield (AER) does that really give?",
        "Nominal {apr}, compounding {m}: effective annual rate?",
        "Exam question: a nominal annual interest rate of {apr} is compounded {m}. Calculate the "
        "equivalent effective annual rate, as a percentage.",
        "apr {apr} compounded {m}, whats the apy? pls",
        "Hi Lena, the new savings product is advertised at {apr} nominal with interest paid {m}. "
        "Can you tell me the AER so I can put it in the comparison table?",
        "nominal rate: {apr} | compounding: {m} | EAR (%) = ?",
        "What is the true annual cost of a loan with a quoted rate of {apr} per year, compounded "
        "{m}?",
        "My brother took out a car loan at the dealership last spring. The paperwork says {apr} "
        "APR, compounded {m}. What effective annual rate is he actually paying?",
        "Effective annual rate for {apr} compounded {m}?",
        "The annual percentage yield (APY) is what I'm after: the account pays {apr} a year, "
        "compounded {m}.",
        "If a bank account pays a stated {apr} per annum, compounded {m}, what does that work out "
        "to as an effective annual yield?",
        "Our credit line charges {apr} nominal per year, with interest compounded {m}. What is the "
        "effective annual interest rate, in percent?",
        "A deposit quotes {apr} p.a., compounded {m}. What rate would give the same growth if "
        "interest were compounded only once a year?",
        "Card APR {apr}, interest compounded {m} - what's the effective annual rate?",
        "Working out the AER: stated rate {apr}, compounded {m}. What is it?",
        "My aunt runs a small bakery and keeps her spare cash in a business savings account at "
        "the bank across the street from her shop. The bank advertises a nominal rate of {apr} "
        "per year, with interest compounded {m}. Once the compounding is counted, what "
        "effective annual rate is she really earning?",
        "APR {apr} (nominal, per annum, not a per-period rate), comp. {m}. EAR in %?",
        "A lender quotes a nominal annual interest rate of {apr}, convertible {m}. Determine "
        "the effective annual rate of interest, expressed as a percentage.",
        "so my card says {apr} apr and they compound {m}... what am i actually paying per year "
        "in effective terms? just the rate, not a balance",
        "Effective annual rate, please, for this quote: {apr} a year nominal, divided into "
        "equal periods and compounded {m}.",
        "Compounding happens {m} and the stated yearly rate is {apr}. What is the equivalent "
        "rate if interest were added only once a year?",
        "Please, the bank give me rate {apr} for one year but they add the interest {m}. How "
        "much is the real rate for the year after compounding?",
    ),
    ood_templates=(
        "Turn a stated {apr} annual rate with interest added {m} into its true yearly cost.",
        "Which annually compounded rate is equivalent to {apr} nominal, compounded {m}?",
        "The payday lender says {apr} a year, charged {m}. Effective rate?",
    ),
    parts=Parts(
        labels={
            "apr": (
                "APR",
                "nominal annual rate",
                "quoted rate",
                "nominal rate per annum",
                "annual percentage rate",
                "headline rate p.a.",
                "nominal yearly rate (before compounding)",
                "advertised yearly rate",
                "rate per year",
                "stated rate",
                "nominal interest rate",
                "quoted annual rate",
                "nominal APR",
            ),
            "m": (
                "compounding",
                "compounding frequency",
                "interest charged",
                "compounding cycle",
                "frequency of compounding",
                "interest compounded",
                "compounding schedule",
                "interest credited",
                "compounding basis",
                "compounding interval",
                "conversion frequency",
                "interest capitalisation",
            ),
        },
        asks=(
            "What is the effective annual rate?",
            "What is the EAR?",
            "What annual rate does this really amount to?",
            "What effective yield per year does this give?",
            "What is the annual percentage yield (APY)?",
            "Convert the nominal rate to an effective annual rate.",
            "What does the quoted APR come to as an effective annual rate?",
            "How much is the rate per year once compounding is counted, in percent?",
            "Give the true yearly rate after compounding, as a percentage.",
            "effective annual rate in %?",
            "What is the AER on this quote?",
            "What is the effective interest rate per annum?",
            "What is the true yearly cost of borrowing once interest on interest is counted, in %?",
            "What percentage does a balance gain in one year at this quote?",
            "Give the EAR in percent, please.",
            "What is the effective rate p.a. implied by the nominal rate and its compounding?",
            "To compare this offer with others, what is its effective annual rate?",
            "Gross up the nominal rate for compounding: what effective annual percentage results?",
            "What is the effective annual interest rate (i_eff) in %?",
            "What is the annual yield on an effective basis?",
            "What yearly cost does this rate carry once compounding is included, in %?",
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
    periods = term_formula(f, f["m"])
    return f"pmt({f['r']}/100/{f['m']}, {periods}, {f['L']})"


_INSTALMENT_PARAMS = {
    "L": money((5000, 500000), ((1_000_000, 50_000_000),)),
    "r": pct((2, 12), ((13, 30), (0.1, 0.9)), decimals=2),
    "n": plain((2, 30), ((35, 50),)),
    "m": plain((0, 0), ((0, 0),), choices=(1.0, 2.0, 4.0, 12.0)),
}

# A share of the questions name the purchase the loan pays for (tasks/purchases.py).
LOAN_INSTALMENT = Family(
    name="loan_instalment",
    unit="currency",
    reasoning="Level instalment = loan * i / (1 - (1 + i)^-N), i and N per instalment period.",
    params=_INSTALMENT_PARAMS,
    sample=lambda rng, ood: with_purchase(rng, draw_params(_INSTALMENT_PARAMS, rng, ood)),
    aside=purchase_aside,
    render=frequency_words(INSTALMENT_WORDS, "m"),  # type: ignore[arg-type]
    formula=_loan_formula,
    solve=_loan,
    term_count=TermCount(),
    convention="currency per instalment; nominal annual rate divided by the instalments a year",
    templates=(
        "A loan of {L} at {r} a year is repaid in equal {m} instalments over {n} years. How "
        "much is each instalment?",
        "What is the {m} payment on a {L} loan at {r} annual interest over {n} years?",
        "I borrow {L} for {n} years at {r}. Payments are {m}. What does each one cost?",
        "Compute the level {m} instalment that repays {L} in {n} years at a {r} annual rate.",
        "Business loan: {L}, {r} interest, {n}-year term, {m} repayments. Payment size?",
        "Exam question: a mortgage of {L} is to be repaid by equal {m} instalments over {n} years. "
        "The nominal annual interest rate is {r}. Calculate the amount of each instalment.",
        "loan {L}, {r} apr, {n} yrs, {m} payments - how much per payment? pls",
        "Hi Dev, the client wants an amortising loan of {L} at {r} per annum over {n} years, "
        "repaid in level {m} instalments. Can you size the instalment for the term sheet?",
        "loan: {L} | rate: {r} p.a. (nominal) | term: {n} years | repayments: {m} | instalment = ?",
        "How much is each {m} repayment on a {n}-year mortgage of {L} at {r} a year?",
        "My sister and her husband are buying a cottage near the coast where they spent every "
        "summer as kids. The bank will lend them {L} at {r} per year for {n} years, with {m} "
        "repayments. What will each repayment be?",
        "The equal {m} payment needed to pay off {L} in {n} years at {r} annual interest is how "
        "much?",
        "Car finance: borrow {L} for {n} years at an annual rate of {r}, paid back in equal {m} "
        "instalments. What is each instalment?",
        "What level {m} instalment fully amortises a loan of {L} at {r} nominal per year within "
        "{n} years?",
        "Student loan of {L}, interest {r} a year, cleared in {n} years through {m} repayments of "
        "equal size. How big is each repayment?",
        "Calculate the {m} repayment: principal {L}, annual rate {r}, {n}-year amortising term.",
        "We're refinancing the warehouse. New facility: {L}, {r} p.a., {n} years, level {m} "
        "repayments of principal and interest. Instalment amount?",
        "For a mortgage of {L} at {r} a year, repaid over {n} years by equal {m} instalments, what "
        "is each instalment?",
        "PMT for a loan of {L}, {r} nominal annual rate, {n} years, {m} payments?",
        "My cousin is opening a small cafe in the old train station, and she spent most of last "
        "week choosing the espresso machine. To fit out the place she is borrowing {L} from the "
        "bank at {r} nominal a year, repayable over {n} years in equal {m} instalments. How "
        "much will each instalment be?",
        "Amortising term loan: notional {L}, {r} p.a. nominal, tenor {n}y, level {m} P&I "
        "instalments. Instalment size?",
        "A borrower takes a loan of {L} to be repaid by level {m} payments over {n} years. "
        "Interest is charged at a nominal rate of {r} per annum, divided equally among the "
        "payment periods in a year. Determine the size of each payment.",
        "ok so the bank offers me {L} over {n} yrs at {r} a year and the payments are {m}. how "
        "big is each payment??",
        "Instalment size needed: the {m} amount that clears a {L} loan in {n} years, interest "
        "{r} nominal per year.",
        "Over {n} years, with {m} instalments and an annual rate of {r} split across the "
        "instalments of each year, I must repay {L}. How much is one instalment?",
        "I take loan from bank, {L}, the interest is {r} for year, I pay back in {n} years and "
        "the payments are {m}. How much money I must pay every time?",
    ),
    ood_templates=(
        "Amortise {L} over {n} years at {r} with {m} repayments: what is each repayment?",
        "The bank lends us {L} at {r}; we repay with {m} level payments for {n} years. How "
        "big is each?",
        "Equal {m} debt service on {L}, {n} years, {r} p.a.?",
    ),
    parts=Parts(
        labels={
            "L": (
                "loan amount",
                "amount borrowed",
                "principal",
                "loan principal",
                "total borrowed",
                "facility amount",
                "money borrowed",
                "capital borrowed",
                "sum borrowed",
                "loan size",
                "amount financed",
                "mortgage amount",
            ),
            "r": (
                "annual interest rate",
                "nominal rate",
                "loan rate",
                "interest rate per year",
                "interest p.a.",
                "rate p.a. (nominal)",
                "annual rate of interest",
                "nominal annual interest",
                "APR",
                "borrowing rate",
                "quoted annual rate",
                "contract rate",
            ),
            "n": (
                "term in years",
                "loan term (years)",
                "number of years",
                "payback horizon (years)",
                "loan life in years",
                "amortisation period (years)",
                "tenor in years",
                "years of the loan",
                "years to repay",
                "repayment period in years",
                "maturity in years",
                "loan tenor",
            ),
            "m": (
                "payment frequency",
                "instalments",
                "repayment schedule",
                "instalment frequency",
                "repayment frequency",
                "payment schedule",
                "payment interval",
                "frequency of instalments",
                "payment cycle",
                "repayment interval",
                "repayment cadence",
                "instalment interval",
            ),
            **PURCHASE_LABELS,  # shown only where the loan names its purchase
        },
        asks=(
            "What is each instalment?",
            "How much is each payment?",
            "What is the level repayment per period?",
            "What is the instalment amount?",
            "How much is each repayment, principal and interest together?",
            "What does each instalment come to?",
            "Compute the level instalment.",
            "What is the payment due each instalment period?",
            "How much do I pay at each instalment date?",
            "Find the equal payment per period that clears the loan.",
            "What is the PMT on the loan?",
            "What is the scheduled payment per instalment?",
            "What fixed repayment pays the loan off exactly by the end of the term?",
            "What is the level annuity payment that retires the loan?",
            "How much will each of the regular repayments be, interest included?",
            "What is the blended payment (principal plus interest) per instalment?",
            "What will the borrower have to pay each time a payment falls due?",
            "payment per instalment?",
            "How much goes out of my account at each repayment date?",
            "Compute the constant payment per instalment period for the loan.",
            "What is the annuity repayment on this loan?",
            "To check affordability, what will each repayment be?",
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
        "Exam question: an investment of {P} falls by {L} in the first year and then rises by {G} "
        "in the second year. What is its value at the end of the second year?",
        "put in {P}, down {L} then up {G}. what do i have now? pls",
        "Hi Chris, the client's account, worth {P} a year ago, fell {L} last year and has gained "
        "{G} since then. Can you tell me what it's worth today for the review?",
        "start: {P} | year 1: -{L} | year 2: +{G} | end value = ?",
        "What is the ending value of {P} that first loses {L} and then gains {G} on what is left?",
        "My father bought shares for {P} just before the market turned. They dropped {L}, and "
        "then, after he decided to hold on anyway, they climbed {G} from the low. What is his "
        "stake worth now?",
        "A portfolio worth {P} suffers a {L} drawdown and subsequently gains {G}. Final value?",
        "How much is left of {P} after a {L} fall followed by a {G} rise?",
        "The crypto I bought for {P} lost {L} in March and then went up {G} in April. What's it "
        "worth?",
        "Value of {P} after two moves: first down {L}, then up {G}.",
        "Our pension fund began the period at {P}, fell {L} in the first half, and recovered {G} "
        "in the second half. What is it worth at period end?",
        "A house bought for {P} lost {L} of its value in the downturn, then appreciated {G} in the "
        "recovery. What is it worth now?",
        "What do I end with if {P} goes down {L} and the remaining amount then goes up {G}?",
        "Back in 2019 my uncle, who also collects old vinyl records, put {P} into a tech fund. "
        "It lost {L} in the first year, and then the value that remained went up {G}. What is "
        "his investment worth now in money terms?",
        "Pos. {P}; mark-down {L}, then mark-up {G} on the reduced base. MV now?",
        "An investor's holding, initially valued at {P}, declines by {L} over the first period. "
        "In the second period the remaining value increases by {G}. Calculate the value of the "
        "holding at the end of the second period.",
        "lol my account went from {P}, dropped {L}, then bounced {G} off the bottom. how much "
        "money do i have now",
        "Ending balance wanted: the money started at {P}, fell {L}, and then the smaller amount "
        "rose {G}. I need the amount, not the percentage needed to break even.",
        "A {G} gain came after an earlier {L} loss on an investment that started at {P}. What "
        "is it worth at the end?",
        "I put {P} in stock market. First it go down {L}, after it go up {G}. How much money I "
        "have now, please?",
    ),
    ood_templates=(
        "My {P} stake shed {L} in the crash and has since bounced {G}. Where am I?",
        "Apply a {L} decline and then a {G} advance to {P}. Ending value?",
        "The fund started at {P}, slumped {L}, then rallied {G}. What is it worth?",
    ),
    parts=Parts(
        labels={
            "P": (
                "starting value",
                "initial investment",
                "opening balance",
                "amount invested",
                "initial portfolio value",
                "starting capital",
                "money put in",
                "original stake",
                "beginning value",
                "purchase value",
                "opening portfolio value",
                "principal invested",
            ),
            "L": (
                "first-year loss",
                "loss",
                "fall in year one",
                "initial decline",
                "first-period loss",
                "percentage drop first",
                "first move down",
                "early loss (%)",
                "initial percentage fall",
                "first drop",
                "down move",
                "drawdown",
            ),
            "G": (
                "gain afterwards",
                "second-year gain",
                "subsequent rise",
                "rebound afterwards",
                "second-period gain",
                "gain after the drop",
                "later gain on what was left",
                "following rise (%)",
                "recovery",
                "bounce",
                "up move",
                "later percentage gain",
            ),
        },
        asks=(
            "What is the ending value?",
            "What is the balance after both moves?",
            "How much is left at the end?",
            "What is the final value?",
            "After the fall and then the rebound, what is the position valued at?",
            "How much money is there at the end?",
            "What does the investment come to after the fall and the rise?",
            "Value of the holding now, in currency?",
            "What is the ending amount with both changes applied one after the other?",
            "What is the position worth after the drawdown and the recovery, in currency?",
            "What is the current market value of the holding?",
            "How much is the portfolio worth now, as an amount rather than a percentage?",
            "What does the portfolio stand at after the drop and the bounce?",
            "After losing and then gaining those percentages in turn, how much cash is there?",
            "Market value (MV) after both moves?",
            "What balance will my statement show after the loss and the later gain?",
            "Work out the closing value, taking the gain on the reduced amount.",
            "What is the terminal wealth after the two moves?",
            "If I cashed out now, how much would I get?",
            "At what value does the stake stand after the decline and the subsequent rise?",
        ),
        ood_asks=("Compute where the money ends up.",),
    ),
)


# Period returns in order: every question has three, a list may run to six.
_PERIODS = ("r1", "r2", "r3", "r4", "r5", "r6")


def _chain(v: dict) -> float:
    growth = 1.0
    for key in _PERIODS:
        if key in v:
            growth += growth * v[key] / 100
    return (growth - 1) * 100


def _chain_formula(f: Mapping[str, str]) -> str:
    factors = "*".join(f"(1+{f[key]}/100)" for key in _PERIODS if key in f)
    return f"({factors}-1)*100"


MULTI_PERIOD_RETURN = Family(
    name="multi_period_return",
    unit="percent",
    reasoning="Chain the returns: (1 + r1)(1 + r2)...(1 + rn) - 1.",
    params={name: pct((-25, 30), ((-60, -26), (31, 80)), decimals=1) for name in _PERIODS},
    optional=_PERIODS[3:],
    valid=lambda v: abs(_chain({key: v[key] for key in _PERIODS[:3]})) > 0.05,
    formula=_chain_formula,
    solve=_chain,
    convention="cumulative percent over all the periods given (three to six); negative for a loss",
    templates=(
        "A fund returned {r1}, {r2} and {r3} in three consecutive years. What is its "
        "cumulative return?",
        "Quarterly returns were {r1}, {r2} and {r3}. What is the total return over the three "
        "quarters?",
        "My stock did {r1} in January, {r2} in February and {r3} in March. What's the return "
        "for the quarter?",
        "Compound these yearly returns into one figure: {r1}, {r2}, {r3}.",
        "Over three years the returns were {r1}, then {r2}, then {r3}. Total compounded return?",
        "Exam question: a portfolio earns returns of {r1}, {r2} and {r3} in three successive "
        "years. Calculate the cumulative (compound) return over the three years, in percent.",
        "returns were {r1}, {r2}, {r3} - total compounded return? pls",
        "Hi Sofia, the fund's annual returns for the last three years were {r1}, {r2} and {r3}. "
        "What's the cumulative return over the whole period for the factsheet?",
        "year 1: {r1} | year 2: {r2} | year 3: {r3} | cumulative return = ?",
        "What is the total return over three years if the yearly returns were {r1}, {r2} and {r3} "
        "in that order?",
        "My daughter's college savings went through a rough patch: the fund returned {r1} in the "
        "first year, {r2} in the second and {r3} in the third. What is the overall return across "
        "those three years, compounded?",
        "Compounded over the quarter, what do monthly returns of {r1}, {r2} and {r3} come to?",
        "Cumulative return from three periods of {r1}, {r2} and {r3}?",
        "The strategy posted {r1} in Q1, {r2} in Q2 and {r3} in Q3. What is its compounded return "
        "year to date?",
        "Chain-link the following returns: {r1}, {r2}, {r3}. Total return in %?",
        "A stock's returns over three consecutive years were {r1}, {r2} and {r3}. By what percent "
        "did an investment in it change over the full three years, with compounding?",
        "Compound total return for annual returns of {r1}, {r2} and {r3}?",
        "Fund performance - 2021: {r1}, 2022: {r2}, 2023: {r3}. Cumulative return over the three "
        "years?",
        "My neighbour, a retired teacher who spends his mornings in the garden, tracked his "
        "index fund for three years: {r1} in the first, {r2} in the second and {r3} in the "
        "third. He wants the total growth over the three years together, compounded, not the "
        "average. What is it?",
        "Geo-link: P1 {r1}, P2 {r2}, P3 {r3}. Cum. ret %?",
        "A portfolio achieves holding-period returns of {r1}, then {r2}, then {r3}, in sequence. "
        "Determine its overall compound return for the full span, applying each return to the "
        "value reached at the end of the one before.",
        "my etf did {r1} then {r2} then {r3}, whats the total % if you compound it (not "
        "average, not per year)",
        "First I need the total compounded return; the back-to-back periods returned {r1}, {r2} "
        "and finally {r3}.",
        "Latest year: {r3}. The year before: {r2}. The first year: {r1}. What was the "
        "cumulative return over all three years, not annualised?",
        "The fund make {r1} first year, {r2} second year and {r3} third year. How much percent "
        "it make in total for all three years together?",
        # Longer lists (Family.optional): four, five and six periods.
        "Quarterly returns this year were {r1}, {r2}, {r3} and {r4}. What is the total "
        "compounded return for the year?",
        "Q1: {r1}\nQ2: {r2}\nQ3: {r3}\nQ4: {r4}\nCompounded return for the year?",
        "My fund returned {r1}, {r2}, {r3}, {r4} and {r5} over five straight years. What is "
        "the cumulative return, compounded?",
        "Monthly returns Jan-Jun: {r1}, {r2}, {r3}, {r4}, {r5}, {r6}. Compounded return for the "
        "half-year?",
        "Chain these period returns into one total: {r1}, {r2}, {r3}, {r4}, {r5}.",
        "Annual returns for the last four years, oldest first: {r1}, {r2}, {r3}, {r4}. "
        "Cumulative return over the four years?",
    ),
    ood_templates=(
        "Link the period returns {r1}, {r2} and {r3} geometrically. Overall result?",
        "Three months in a row: {r1}, {r2}, {r3}. Where is the account versus the start, "
        "in percent?",
        "Year one {r1}, year two {r2}, year three {r3}: aggregate growth?",
    ),
    parts=Parts(
        labels={
            "r1": (
                "return in period 1",
                "first-year return",
                "Q1 return",
                "year 1 return",
                "first-period return",
                "month 1 return",
                "return for period one",
                "1st period perf",
                "first return in the sequence",
                "period one performance",
                "return in the first period",
                "first interval return",
            ),
            "r2": (
                "return in period 2",
                "second-year return",
                "Q2 return",
                "year 2 return",
                "second-period return",
                "month 2 return",
                "return for period two",
                "2nd period perf",
                "second return in the sequence",
                "period two performance",
                "return in the second period",
                "second interval return",
            ),
            "r3": (
                "return in period 3",
                "third-year return",
                "Q3 return",
                "year 3 return",
                "third-period return",
                "month 3 return",
                "return for period three",
                "3rd period perf",
                "third return in the sequence",
                "period three performance",
                "return in the third period",
                "third interval return",
            ),
            **later_item_labels(
                "r",
                (
                    "return in period {n}",
                    "{ordinal}-year return",
                    "period {n} return",
                    "year {n} return",
                    "{ordinal}-period return",
                    "month {n} return",
                    "return for period {word}",
                    "{n}th period perf",
                    "{ordinal} return in the sequence",
                    "period {word} performance",
                    "return in the {ordinal} period",
                    "{ordinal} interval return",
                ),
            ),
        },
        asks=(
            "What is the cumulative return?",
            "What is the total compounded return?",
            "What is the overall return across the periods?",
            "What is the compound return over all the periods?",
            "What is the chain-linked total return?",
            "What do the returns come to when compounded together?",
            "By how much did the money grow or shrink in total, in percent?",
            "Link the returns geometrically and give the total in %.",
            "Compute the cumulative return over the periods.",
            "What is the total return, compounded and not averaged or annualised?",
            "What is the cumulative performance for the whole run, in percent?",
            "What is the since-inception return, compounded?",
            "Product of the growth factors minus one: what is it in percent?",
            "How much is the investment up or down across the whole stretch, with compounding?",
            "Cumulative % return?",
            "What is the total percentage gain or loss if each return compounds on the one before?",
            "What is the multi-period return (for all periods, not per period)?",
            "What percentage change in wealth does a buy-and-hold investor see across all periods?",
            "Compound the period returns into a single figure for the whole run.",
            "What's the cum return?",
            "What is the whole-sequence return, compounded, not the average per period?",
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
        "Exam question: XYZ plc has just paid an annual dividend of {D0} per share. Dividends are "
        "expected to grow at a constant {g} per year indefinitely, and shareholders require a "
        "return of {r}. Using the dividend discount model, calculate the share price today.",
        "div just paid {D0}, g {g}, r {r} - fair price? pls",
        "Hi Ben, for the valuation note: the company paid {D0} a share last week, we assume {g} "
        "dividend growth forever and a cost of equity of {r}. What does the Gordon model give for "
        "the price?",
        "D0 (just paid): {D0} | growth: {g} | required return: {r} | P0 = ?",
        "What is a share worth today if its most recent annual dividend, already paid, was {D0}, "
        "dividends grow at {g} a year and the required return is {r}?",
        "My grandmother has held the same water-company shares since before I was born. The "
        "company has just paid its yearly dividend of {D0} per share and raises it by {g} every "
        "year; she thinks {r} is a fair return. What is each share worth on that basis?",
        "Using constant dividend growth of {g}, a required return of {r} and a dividend of {D0} "
        "that was paid yesterday, value the stock.",
        "Intrinsic value per share: last dividend paid {D0}, perpetual growth {g}, discount rate "
        "{r}.",
        "A mature bank just distributed {D0} per share. If its dividend keeps growing {g} a year "
        "forever and investors want {r}, what price is justified?",
        "The stock's dividend was {D0} this year (already paid) and will grow {g} annually from "
        "here. At a required return of {r}, what's it worth?",
        "Gordon growth: a dividend of {D0} has just been paid, growth {g}, cost of equity {r}. "
        "Price?",
        "What price should a stock trade at if it just paid {D0}, dividends grow at {g} per year "
        "in perpetuity and the discount rate is {r}?",
        "With a required return of {r}, growth of {g} a year and a dividend of {D0} paid out just "
        "now, what's the share price?",
        "My grandfather, who still reads the paper every morning at the same cafe, owns shares "
        "in a regional utility. The company has just paid its annual dividend of {D0} per share "
        "and has raised it by {g} each year for decades; he wants a {r} return. Since that "
        "dividend is already paid, next year's will be one year of growth higher. What is each "
        "share worth?",
        "DDM: D0 {D0} (paid; roll fwd one yr), g {g}, k {r}. P0?",
        "The most recent annual dividend of ABC Ltd, paid yesterday, was {D0} per share. "
        "Dividends are expected to grow at a constant rate of {g} in perpetuity, and the "
        "required rate of return on the equity is {r}. Using the constant-growth model, "
        "determine the current share price.",
        "they just paid out {D0} a share, growth {g} a year forever, i need {r}. what should i "
        "pay for it",
        "Fair price per share wanted. Inputs: trailing dividend {D0} (already paid, not next "
        "year's), discount rate {r}, perpetual growth {g}.",
        "At a required return of {r} and with {g} annual growth forever, what is the stock "
        "worth if the dividend paid a few days ago was {D0}?",
        "Company already pay dividend {D0} this year. Dividend grow {g} every year and I want "
        "{r} return. What is price of share today?",
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
            "D0": (
                "dividend just paid",
                "last dividend (D0)",
                "most recent dividend",
                "D0",
                "current dividend (already paid)",
                "trailing annual dividend",
                "this year's paid dividend",
                "latest dividend paid",
                "trailing dividend per share",
                "last DPS paid",
                "dividend paid most recently",
                "time-zero dividend",
            ),
            "g": (
                "dividend growth rate",
                "growth rate",
                "expected growth",
                "g (dividend growth)",
                "constant growth rate",
                "perpetual dividend growth",
                "long-run growth",
                "annual dividend growth",
                "sustainable growth rate",
                "DPS growth",
                "terminal growth rate",
                "yearly growth in dividends",
            ),
            "r": (
                "required return",
                "cost of equity",
                "discount rate",
                "required rate of return",
                "k (required return)",
                "investors' required return",
                "equity discount rate",
                "required equity return",
                "market capitalisation rate",
                "shareholders' required return",
                "equity cost of capital",
                "opportunity cost of equity",
            ),
        },
        asks=(
            "What is the share price?",
            "What is the stock worth?",
            "Value the share.",
            "What is the intrinsic value per share?",
            "What is the fair value of the share today?",
            "Value the stock with the Gordon model after growing the paid dividend one year.",
            "What price does the Gordon growth model give?",
            "How much is one share worth today?",
            "Price the share, remembering that the dividend given has already been paid.",
            "What does the share come to under constant dividend growth?",
            "What is the constant-growth DDM price, using the trailing dividend grown one year?",
            "What is the intrinsic value if next year's dividend is the paid one times one plus g?",
            "What is the Gordon value of the stock, with next year's dividend one year of growth "
            "above the one just paid?",
            "What should I be willing to pay per share, given that the last dividend has gone out?",
            "What is the justified price per share under the DDM, from the trailing dividend?",
            "Fair value per share off the trailing dividend?",
            "What is the theoretical share price, given a trailing rather than a forward dividend?",
            "Value the equity per share with the constant-growth formula, "
            "rolling the paid dividend forward first.",
            "Per-share DDM price from the last dividend paid?",
            "How much is a share worth to an investor wanting the required return, given the "
            "dividend just paid?",
            "Using Gordon-Shapiro, what's the stock price today, with next year's dividend grown "
            "from the paid one?",
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
        "Exam question: calculate the Macaulay duration of a {n}-year bond with an annual coupon "
        "rate of {c}, if the bond's yield to maturity is {y}. Coupons are paid annually.",
        "macaulay dur for {c} coupon, {n}y, ytm {y}, annual pay? pls",
        "Hi Rachel, could you compute the Macaulay duration of the {n}-year bond in the client "
        "portfolio? It pays a coupon of {c} once a year and is yielding {y}. Thanks.",
        "coupon: {c} (annual) | maturity: {n} yrs | YTM: {y} | Macaulay duration (yrs) = ?",
        "What is the Macaulay duration, in years, of an annual-coupon bond with coupon rate {c}, "
        "{n} years to maturity and yield {y}?",
        "My father kept a government bond he bought when I started school. It has {n} years left, "
        "pays {c} of par once a year, and the market yield is now {y}. What is the bond's Macaulay "
        "duration?",
        "Find the Macaulay duration (the PV-weighted average timing of the payments) of a bond "
        "with an annual coupon of {c}, maturing in {n} years, yield {y}.",
        "Macaulay duration in years: {n}-year bond, annual coupon {c}, yield {y}.",
        "A corporate bond pays an annual coupon of {c} and matures in {n} years. Its yield to "
        "maturity is {y}. How many years is its Macaulay duration?",
        "For a bond yielding {y} with {n} annual coupons of {c} left, what is the Macaulay "
        "duration?",
        "The risk report needs the Macaulay duration of an annual-coupon bond (coupon {c}), {n} "
        "years to maturity, priced at a yield of {y}.",
        "Macaulay duration? Bond: {n} years, coupon {c} paid annually, YTM {y}.",
        "Given a yield of {y}, what is the Macaulay duration of a bond that pays {c} coupons "
        "annually and matures in {n} years?",
        "My mother, who has kept every bank statement since the 1990s in a shoebox, owns a bond "
        "that still has {n} years to run. Once a year it pays a coupon of {c} of par, and the "
        "market yield on it is {y}. How long is its Macaulay duration (the unmodified one)?",
        "Mac D? cpn {c} annual, YTM {y}, {n}y to mat.",
        "A bond maturing in {n} years carries a coupon rate of {c}, paid annually, and is "
        "priced to yield {y}. Determine its Macaulay duration, meaning the average time until "
        "its cash flows are received, each weighted by its present value.",
        "whats the macaulay duration on a {n} yr bond, {c} coupon once a year, yielding {y}? "
        "not modified",
        "Macaulay duration (years, with no division by one plus the yield) wanted for: annual "
        "coupon {c}, yield {y}, maturity {n} years.",
        "Yield {y}, then {n} years remaining, coupon {c} paid yearly: what is the Macaulay "
        "duration?",
        "Bond pay coupon {c} every year, it have {n} years until maturity and the yield is {y}. "
        "Please how many years is the Macaulay duration?",
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
            "c": (
                "annual coupon rate",
                "coupon (paid yearly)",
                "coupon rate",
                "yearly coupon (% of par)",
                "annual coupon as % of face",
                "coupon rate p.a.",
                "cpn (annual)",
                "coupon paid once a year",
                "annual coupon",
                "stated coupon rate",
                "coupon per annum",
                "nominal coupon rate",
            ),
            "y": (
                "yield to maturity",
                "yield",
                "market yield",
                "YTM",
                "market YTM",
                "YTM p.a.",
                "redemption yield",
                "discount yield",
                "annual yield",
                "bond yield",
                "required yield",
                "gross redemption yield",
            ),
            "n": (
                "years to maturity",
                "maturity (years)",
                "term",
                "years until maturity",
                "remaining life in years",
                "tenor (years)",
                "time to maturity",
                "number of annual coupons left",
                "term to maturity",
                "residual maturity in years",
                "remaining term",
                "number of years to redemption",
            ),
        },
        asks=(
            "What is the Macaulay duration?",
            "Compute the bond's Macaulay duration in years.",
            "How many years is its Macaulay duration?",
            "What is the average time to the cash flows, weighted by their present values?",
            "How long is the Macaulay duration (not the modified one)?",
            "Compute the Macaulay duration.",
            "Macaulay duration in years please.",
            "What does the Macaulay duration come to?",
            "What is the bond's Macaulay duration before any adjustment for yield?",
            "What is the bond's MacD in years?",
            "What is D_mac for this bond?",
            "What is the present-value-weighted mean maturity of the payments?",
            "How many years, on average, does an investor wait for the payments, each weighted by "
            "its present value?",
            "What is the fulcrum of the payment timeline, in years (the Macaulay duration)?",
            "For immunisation, what is the bond's Macaulay duration in years?",
            "What is the bond's unmodified (Macaulay) duration?",
            "mac dur in yrs?",
            "Weight each payment date by its share of the price: what average time results?",
            "Give the duration in years as Frederick Macaulay defined it.",
            "To match a liability date, what is the bond's Macaulay duration?",
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
