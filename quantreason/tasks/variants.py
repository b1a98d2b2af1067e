"""Variants people ask of existing tasks: CAPM from the market risk premium, an effective annual
rate from a rate quoted per period, a dividend yield from a dividend paid several times a year,
and a CAGR between two calendar years.

Each teaches its own reasoning sentence, so a reply names the variant it took the question for.
Solvers are written independently of the formula text (loops, sums, logs).
"""

from __future__ import annotations

import math
import random

from quantreason.tasks.base import (
    Family,
    Num,
    Parts,
    Values,
    money,
    number_texts,
    pct,
    plain,
    sample_with_side_figures,
    side_sentences,
)
from quantreason.tasks.growth import frequency_words

_CAPM_PREMIUM_PARAMS = {
    "rf": pct((0.5, 5), ((5.5, 10),), ood_decimals=2),
    "beta": plain((0.3, 2.0), ((2.1, 3.5), (0.02, 0.25)), decimals=2),
    "mrp": pct((3, 9), ((9.5, 15), (0.5, 2.5)), ood_decimals=2),
}
# What the market returned last year, which people quote beside the premium ("the index did
# 22 % last year, but I want the expected return"); the expected return does not use it.
_CAPM_PREMIUM_SIDE = {"past": pct((4, 28), ())}
_CAPM_PREMIUM_ASIDES = {
    "past": (
        "The market returned {past} last year.",
        "Last year the index was up {past}.",
        "Over the past twelve months the market gained {past}.",
        "The index did {past} last year.",
        "(The stock market returned {past} last year.)",
    )
}

CAPM_PREMIUM = Family(
    name="capm_premium",
    unit="percent",
    reasoning="CAPM with a premium: risk-free + beta * market risk premium.",
    params=_CAPM_PREMIUM_PARAMS,
    sample=sample_with_side_figures(_CAPM_PREMIUM_PARAMS, _CAPM_PREMIUM_SIDE),
    aside=side_sentences(_CAPM_PREMIUM_ASIDES),
    formula=lambda f: f"{f['rf']}+{f['beta']}*{f['mrp']}",
    solve=lambda v: v["beta"] * v["mrp"] + v["rf"],
    convention="expected return in percent; the premium given is already market minus risk-free",
    templates=(
        "The risk-free rate is {rf}, the market risk premium is {mrp} and a stock's beta is "
        "{beta}. What is its expected return under CAPM?",
        "Using CAPM, find the required return for a beta of {beta} when rf = {rf} and the "
        "equity risk premium is {mrp}.",
        "Beta {beta}, risk-free {rf}, market risk premium {mrp}. Cost of equity?",
        "What return should investors require from a stock with a beta of {beta} if T-bills "
        "yield {rf} and the market's premium over T-bills is {mrp}?",
        "Compute the CAPM expected return: risk-free rate {rf}, beta {beta}, market risk "
        "premium {mrp}.",
        "A company's equity beta is {beta}. With a {rf} risk-free rate and an equity risk "
        "premium of {mrp}, what is its cost of equity?",
        "MRP: {mrp}. Risk-free: {rf}. Beta: {beta}. Expected return by CAPM?",
        "need ke for the DCF: levered beta {beta}, rf {rf}, ERP {mrp}. CAPM please",
        "rf: {rf} | MRP: {mrp} | beta: {beta} | CAPM E(Ri) = ?",
        "Under the CAPM, what is the expected return on a security whose beta is {beta}, given "
        "that the market risk premium is {mrp} and the risk-free rate of interest is {rf}?",
        "My broker says this stock has a beta of {beta}. Stocks are expected to beat cash by "
        "{mrp} a year and cash pays {rf}. What return should I expect from it according to CAPM?",
        "Get the cost of equity capital via CAPM with a {beta} beta, a {rf} gilt yield and a "
        "{mrp} equity risk premium.",
        "Dear Anna, for the valuation we use a risk-free rate of {rf} and an equity risk "
        "premium of {mrp}. The company's regressed beta is {beta}. What required return on "
        "equity does the CAPM imply? Best, Tom",
        "If the market's expected excess return over the risk-free rate is {mrp} and the "
        "risk-free rate is {rf}, what expected return does CAPM assign to an asset with beta "
        "{beta}?",
        "A beta of {beta} has been estimated for the shares. The market risk premium is put at "
        "{mrp} and the risk-free rate is taken to be {rf}. What expected return is implied by "
        "the capital asset pricing model?",
        "Cost of equity build\n- equity beta: {beta}\n- risk-free rate: {rf}\n- equity risk "
        "premium: {mrp}\nRequired return?",
        "Ke | beta {beta} | ERP {mrp} | Rf {rf}",
        "We're valuing a family-owned brewery for a management buyout while the lawyers argue "
        "over the earn-out. Comparables suggest an equity beta of {beta}; ten-year government "
        "bonds yield {rf}, and our house view of the equity risk premium is {mrp}. What "
        "discount rate for the equity does CAPM give?",
        "opportunity cost of equity for a {beta} beta stock? rf {rf}, market premium {mrp} (CAPM)",
        "Exam question: The risk-free rate is {rf} and the market risk premium is {mrp}. "
        "Calculate the required rate of return on a share with a beta coefficient of {beta}.",
        "Expected return = ? (CAPM; Rf = {rf}, beta = {beta}, E(Rm) - Rf = {mrp})",
        "hey, quick CAPM check: beta's {beta}, risk-free is {rf}, and the premium for holding "
        "the market is {mrp}. what should the stock return?",
        "My sister runs a small bakery and keeps asking me about shares, so I'm finally trying "
        "to learn CAPM. The stock I like has a beta of {beta}. Safe government bills pay {rf}, "
        "and the market is expected to earn {mrp} more than those bills each year (that is the "
        "premium, not the total market return). Her croissants are excellent, by the way. "
        "What return should I expect from the stock?",
        "CAPM: Rf {rf}, ERP {mrp} (excess over Rf, not Rm), levered β {beta} -> Ke?",
        "Question 3 (4 marks). A security's beta is {beta}. The market portfolio is expected to "
        "beat the risk-free rate by {mrp}, and that rate is {rf}. Applying the capital asset "
        "pricing model, derive the expected rate of return on the security.",
        "ok so beta is {beta}, the market premium (already minus risk free) is {mrp} and risk "
        "free is {rf}. what return does capm give me",
        "Required return on equity, please. Inputs in no particular order: the market's "
        "premium above riskless bonds {mrp}, beta {beta}, riskless yield {rf}.",
        "Please help, teacher give us beta equal {beta}, the risk free is {rf} and premium for "
        "market is {mrp}. This premium is already market minus risk free, so how I find "
        "expected return with CAPM?",
        "The equity risk premium of {mrp} is the excess of stock returns over the risk-free "
        "rate, so it must not be reduced by the {rf} again. With a beta of {beta}, what does "
        "CAPM give as the expected return?",
    ),
    ood_templates=(
        "Security market line with the premium already netted out: riskless rate {rf}, excess "
        "market return {mrp}, sensitivity {beta}. What hurdle rate results?",
        "Equities are priced to deliver {mrp} above a riskless {rf}. How much should a name "
        "with a {beta} beta be priced to earn?",
        "Derive the expected yield on a {beta}-beta equity from the pricing model, given "
        "Rf {rf} and an equity premium of {mrp}.",
    ),
    parts=Parts(
        labels={
            "rf": (
                "risk-free rate",
                "T-bill yield",
                "government bond yield",
                "riskless rate of interest",
                "Rf",
                "yield on safe government bills",
                "return on cash with no risk",
                "rate on Treasuries (risk-free)",
                "riskless rate",
                "Treasury bill rate",
                "risk-free interest rate",
                "yield on risk-free bonds",
            ),
            "beta": (
                "beta",
                "equity beta",
                "stock's beta",
                "beta coefficient",
                "levered beta",
                "systematic risk (beta)",
                "sensitivity to the market",
                "β",
                "market beta",
                "CAPM beta",
                "regression beta",
                "beta of the security",
            ),
            "mrp": (
                "market risk premium",
                "equity risk premium",
                "market premium over cash",
                "ERP",
                "MRP (Rm minus Rf)",
                "how much the market beats the riskless rate by",
                "extra return stocks pay above safe bonds",
                "market excess return (already net of Rf)",
                "premium of the market above the riskless rate",
                "market premium",
                "risk premium on the market",
                "equity market premium",
                "stock market premium above risk-free",
            ),
            # a side figure the expected return does not use
            "past": (
                "market return last year",
                "what the index returned last year",
                "last year's realised market return",
                "index performance over the past twelve months",
                "trailing one-year index return",
                "how the stock market did last year",
                "realised return of the market (last year)",
                "past year's equity market return",
                "market return over the last 12 months",
                "last year's index gain",
                "historical one-year return of the index",
                "what stocks returned in the year just ended",
            ),
        },
        asks=(
            "What is the expected return under CAPM?",
            "Compute the CAPM cost of equity.",
            "What required return does CAPM give?",
            "What is the required return on the equity?",
            "How much return should the stock give under CAPM?",
            "What does the CAPM expected return come to?",
            "Compute the expected return by adding beta times the premium to the risk-free rate.",
            "Cost of equity by CAPM, please.",
            "what should this stock earn per capm?",
            "The premium is already over the risk-free rate, so what expected return results?",
            "What is the required rate of return on the stock?",
            "What discount rate for equity does CAPM produce?",
            "Ke?",
            "What is E(Ri) under the capital asset pricing model?",
            "Risk-free plus beta times ERP: what is it?",
            "What rate should we discount the equity cash flows at, per CAPM?",
            "What is the cost of equity from the capital asset pricing model?",
            "How much should shareholders demand from this stock each year under CAPM?",
            "What's the expected return for this beta, given the premium is already in excess "
            "of the risk-free rate?",
            "What minimum return should the investment offer to compensate for its beta?",
            "What is the CAPM-implied return on the shares?",
            "Compute the required equity return with CAPM.",
            "What does CAPM say investors should expect to earn on this stock per year?",
        ),
        ood_labels={"mrp": ("excess return of the market",)},
        ood_asks=("Read the expected return off the security market line.",),
    ),
)


# A rate quoted per period: its word, and ranges per period length (a day's rate is small).
_PERIOD_WORDS = {
    2.0: ("every six months", "per half-year", "each half-year"),
    4.0: ("per quarter", "a quarter", "each quarter", "quarterly"),
    12.0: ("per month", "a month", "each month", "monthly"),
    52.0: ("per week", "a week", "each week", "weekly"),
    365.0: ("per day", "a day", "each day", "daily"),
}
_PERIODIC_RATE = {
    2.0: pct((0.5, 12), ((12.5, 30), (0.05, 0.45)), decimals=1, ood_decimals=2),
    4.0: pct((0.25, 6), ((6.5, 15), (0.02, 0.2)), decimals=2, ood_decimals=3),
    12.0: pct((0.1, 2.5), ((2.6, 6), (0.01, 0.09)), decimals=2, ood_decimals=3),
    52.0: pct((0.02, 0.6), ((0.65, 1.5), (0.002, 0.018)), decimals=2, ood_decimals=3),
    365.0: pct((0.003, 0.08), ((0.085, 0.25), (0.0003, 0.0028)), decimals=3, ood_decimals=4),
}
_PERIODS = plain((0, 0), ((0, 0),), choices=tuple(_PERIODIC_RATE))


def _periodic_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    m = _PERIODS.draw(rng, ood)
    spec = _PERIODIC_RATE[m.value]
    return {"r": spec.draw(rng, ood, rng.randrange(len(spec.ood))), "m": m}


def _compound_periods(v: dict) -> float:
    growth = 1.0
    for _ in range(int(v["m"])):
        growth += growth * v["r"] / 100
    return (growth - 1) * 100


EAR_PERIODIC = Family(
    name="ear_periodic",
    unit="percent",
    reasoning="EAR from a per-period rate: (1 + periodic rate)^(periods a year) - 1.",
    # The rate's range depends on the period (:data:`_PERIODIC_RATE`), so it is drawn by
    # ``sample``; only the period is a plain parameter here.
    params={"m": _PERIODS},
    sample=_periodic_sample,
    render=frequency_words(_PERIOD_WORDS, "m"),  # type: ignore[arg-type]
    formula=lambda f: f"((1+{f['r']}/100)**{f['m']}-1)*100",
    solve=_compound_periods,
    convention="percent per year; the rate given is per period and compounds every period "
    "(365 days, 52 weeks, 12 months, 4 quarters or 2 half-years a year)",
    templates=(
        "A credit card charges {r} {m}. What is the effective annual rate?",
        "A loan costs {r} {m}, compounded every period. What is the effective annual interest "
        "rate?",
        "What is the EAR of a rate of {r} {m}?",
        "An account pays {r} {m} and the interest is reinvested each period. What does that "
        "come to per year, compounded?",
        "Convert a periodic rate of {r} {m} into an effective annual rate.",
        "Periodic rate {r} {m}. EAR?",
        "The pawnbroker charges {r} {m} on the outstanding balance, with unpaid interest added "
        "to the debt. What is the effective yearly cost?",
        "rate = {r} {m}, compounding every period -> effective annual rate = ?",
        "My savings app credits {r} {m}. If I leave the interest in, what's the annual yield "
        "I'm really getting?",
        "Exam: A lender quotes interest of {r} {m}. Calculate the equivalent effective annual "
        "rate of interest.",
        "Hi, the supplier offers financing at {r} {m}, compounding. Can you tell me what that "
        "is as an effective annual rate? Priya (accounts payable)",
        "A money market fund earns {r} {m}. Assuming the earnings are reinvested, what is the "
        "annual effective yield?",
        "What annual percentage yield corresponds to {r} {m}, compounded?",
        "Interest: {r} {m} (compound). Annual equivalent?",
        "Quick one: {r} {m} -- what's that annualised with compounding?",
        "A payday loan company charges interest of {r} {m}, and unpaid interest rolls into the "
        "balance. What is the effective annual rate of this borrowing?",
        "| periodic rate | {r} {m} |\n| effective annual rate | ? |",
        "My uncle lent money to a neighbour at {r} {m} and lets the interest compound. He "
        "asked me what yearly rate that works out to; he also wants to know whether to buy a "
        "new boat, but that can wait. What's the effective annual rate?",
        "If a deposit grows by {r} {m}, compounding, by what percentage does it grow over a "
        "full year?",
        "Calculate the EAR for an instrument paying {r} {m}, with interest compounded each period.",
        "A crypto lending desk advertises {r} {m}, auto-compounded. True annual rate?",
        "My cousin runs a market stall and borrowed from a local moneylender who charges {r} "
        "{m}. Unpaid interest is added to what she owes, so it compounds. She also mentioned "
        "that the stall's rent went up, but that's a separate issue. This is a per-period "
        "rate, not an annual one: what effective annual rate is she paying?",
        "Per-period rate {r} {m} (not an APR, nothing to divide). Compound to EAR.",
        "Question 2. A financial institution charges interest at a rate of {r} {m}, with "
        "interest compounded at the end of each period. Determine the effective annual interest "
        "rate, expressed as a percentage.",
        "lender wants {r} {m} and it compounds. whats that per year for real? its not an apr "
        "btw, its the rate for each period",
        "Effective annual rate needed. The only input is interest of {r} {m}, compounding every "
        "period for a full year.",
        "Please, the bank is taking {r} {m} and the interest is adding to the loan every time. "
        "This rate is for one period only, not for the year. How much is the effective rate "
        "for one full year?",
    ),
    ood_templates=(
        "Charges accrue at {r} {m} and are capitalised as they fall due. Restate this as a "
        "single yearly compound percentage.",
        "Turn a {r} {m} rate into its true cost over twelve months, interest on interest included.",
        "Lending at {r} {m} with the interest left to roll up: annual effective equivalent?",
    ),
    parts=Parts(
        labels={
            "r": (
                "periodic rate",
                "rate per period",
                "interest per period",
                "per-period interest rate",
                "rate for a single period",
                "rate for each compounding period",
                "rate charged each period (not an APR)",
                "periodic interest (compounds every period)",
                "periodic interest rate",
                "interest rate each period",
                "compounding-period rate",
                "quoted periodic rate",
            ),
            "m": (
                "compounding period",
                "period",
                "quoting period",
                "period length",
                "interval the rate applies to",
                "length of each period",
                "how often interest is added",
                "period the rate covers",
                "compounding frequency",
                "compounding interval",
                "period of the quoted rate",
                "unit of time for the rate",
            ),
        },
        asks=(
            "What is the effective annual rate?",
            "Convert it to an EAR.",
            "What is the annual compound equivalent?",
            "What effective annual rate results after compounding every period?",
            "How much is that per year once the periodic interest compounds?",
            "What does the periodic rate come to as a yearly effective rate?",
            "Annualise the periodic rate with compounding.",
            "true yearly rate including interest on interest?",
            "Find the EAR; the rate is already per period, so do not divide it by the periods.",
            "Give the effective yearly rate (compound the per-period rate, do not just multiply).",
            "What APY does the per-period rate work out to?",
            "Compound the per-period rate over a whole year: what is it?",
            "What yearly rate, with interest earning interest, does this equal?",
            "What is the true annual rate once interest compounds every period?",
            "How much does a balance grow in one year at this periodic rate, in percent?",
            "What is the effective rate per year, not the simple annualised one?",
            "What annual rate is equivalent once every period's interest is reinvested?",
            "Raise one plus the periodic rate to the number of periods in a year, minus one: "
            "what is it?",
            "Annual equivalent rate (AER)?",
            "What is the compounded annual rate?",
            "Per year, with compounding, what does this rate amount to?",
            "EAR please, compounding each period.",
            "What is the effective yearly interest rate?",
        ),
        ood_labels={"r": ("interest for one period",)},
        ood_asks=("Give the yearly rate with interest on interest.",),
    ),
)

_PAYMENT_WORDS = {
    2.0: ("semi-annually", "twice a year", "every six months", "each half-year"),
    4.0: ("quarterly", "every quarter", "four times a year", "each quarter"),
    12.0: ("monthly", "every month", "twelve times a year", "each month"),
}


def _annual_dividend_yield(v: dict) -> float:
    paid = sum(v["D"] for _ in range(int(v["m"])))  # one year's payments
    return paid / v["P"] * 100


DIVIDEND_YIELD_PERIODIC = Family(
    name="dividend_yield_periodic",
    unit="percent",
    reasoning="Dividend yield = dividend per payment * payments a year / price.",
    params={
        "D": plain((0.05, 5), ((6, 40), (0.002, 0.04)), decimals=2, ood_decimals=3),
        "P": plain((5, 500), ((1000, 9999), (0.5, 4.5)), decimals=2),
        "m": plain((0, 0), ((0, 0),), choices=tuple(_PAYMENT_WORDS)),
    },
    valid=lambda v: 0.002 < v["D"] * v["m"] / v["P"] < 0.2,
    render=frequency_words(_PAYMENT_WORDS, "m"),  # type: ignore[arg-type]
    formula=lambda f: f"{f['D']}*{f['m']}/{f['P']}*100",
    solve=_annual_dividend_yield,
    convention="percent per year; the dividend given is one payment, annualised by the "
    "payments a year",
    templates=(
        "A stock trades at {P} and pays a dividend of {D} {m}. What is its dividend yield?",
        "Dividend of {D} per share paid {m}, share price {P}. Yield?",
        "What is the dividend yield of a share priced at {P} that pays {D} {m}?",
        "I can buy the shares at {P}; they pay {D} {m}. What annual yield is that?",
        "Compute the annual dividend yield: price {P}, dividend {D} per payment, paid {m}.",
        "A REIT distributes {D} per unit {m} and the units cost {P}. What is the distribution "
        "yield?",
        "Exam: A company pays a dividend of {D} per share {m}. Its shares trade at {P}. "
        "Calculate the dividend yield.",
        "price {P} | dividend {D} paid {m} | yield = ?",
        "my stock pays {D} {m} and costs {P}. what's the yield?",
        "Hi team, the client holds a utility trading at {P} that pays {D} {m}. What is its "
        "annual dividend yield?",
        "An income fund priced at {P} pays out {D} per share {m}. What is its yield per year?",
        "Each dividend is {D} and dividends come {m}. With the share at {P}, what is the yield?",
        "The board declared a dividend of {D} per share, payable {m}. The stock closed at {P}. "
        "Annual dividend yield?",
        "Dividend yield (annual) for: payment {D}, frequency {m}, price {P}.",
        "What percentage of the {P} share price comes back each year as dividends if the "
        "company pays {D} {m}?",
        "My grandfather has owned the same telecom shares since before I was born. They now "
        "trade at {P} and pay {D} {m}; he spends the money on his allotment. What dividend "
        "yield is he earning?",
        "Share price: {P}\nDividend per payment: {D}\nPaid: {m}\nDividend yield?",
        "At {P} a share, a stock paying {D} {m} yields how much a year?",
        "Income investor here. The preferred pays {D} {m} and is quoted at {P}. What's the "
        "annual yield?",
        "Trailing dividends: {D} paid {m} over the last year. Price {P}. Yield?",
        "A BDC pays {D} {m}; the share price is {P}. What is the annualised dividend yield?",
        "I've been reading about income investing on my commute (the train was late again "
        "today). One company I like is priced at {P} and hands out {D} {m}. That amount "
        "is a single payment, not the yearly total. What annual dividend yield does it give?",
        "Px {P}; DPS {D} per distribution, paid {m}. Annualised div yld?",
        "Question 5. The ordinary shares of a company are quoted at {P}. The company pays a "
        "dividend of {D} per share {m}. Calculate the annual dividend yield, taking into account "
        "every payment made during the year.",
        "so this etf pays {D} {m} and it's at {P} right now. what's the yield for the whole "
        "year, not just one payout",
        "Annual dividend yield wanted. Share price {P}; payments arrive {m}; each one is {D}.",
        "Hello, I have share with price {P} and company give dividend {D} each time, {m}. "
        "Please how much is dividend yield for one year?",
    ),
    ood_templates=(
        "Payouts of {D} arrive {m} on a holding that costs {P}. Express a year's income as a "
        "percentage of the cost.",
        "Quote {P}; distribution {D}, made {m}. Running yield per annum?",
        "How much cash income does a {P} equity hand back over twelve months, in percent, when "
        "it distributes {D} {m}?",
    ),
    parts=Parts(
        labels={
            "D": (
                "dividend per payment",
                "each dividend",
                "dividend per share (each payment)",
                "amount of one payout",
                "per-payment DPS",
                "size of each payout",
                "amount paid each time (not the annual total)",
                "regular dividend per distribution",
                "single dividend payment",
                "latest regular dividend",
                "declared dividend per payment",
                "dividend per distribution",
            ),
            "P": (
                "share price",
                "stock price",
                "price",
                "going rate for one share",
                "market price per share",
                "quote",
                "last traded price",
                "cost of one share",
                "current share price",
                "closing price",
                "share price today",
                "unit price",
            ),
            "m": (
                "payment frequency",
                "dividend frequency",
                "payout schedule",
                "distribution frequency",
                "payout frequency",
                "payment schedule",
                "how often dividends are paid",
                "pay cycle",
                "dividend schedule",
                "frequency of dividends",
                "distribution schedule",
                "payment cadence",
            ),
        },
        asks=(
            "What is the annual dividend yield?",
            "Compute the dividend yield.",
            "What yield does it offer per year?",
            "What is the yield on a full year of payments?",
            "How much is the dividend yield once the payments are added up for the year?",
            "What does the annualised dividend yield come to?",
            "Annualise the dividend and give the yield.",
            "Find the yearly yield, counting every payment in the year.",
            "yield per annum?",
            "What share of the price comes back in dividends each year?",
            "What is the forward dividend yield, annualising the current payment?",
            "What is the indicated dividend yield?",
            "How much income does the stock yield per year, in %?",
            "Annual dividends over price: what is it?",
            "What yield does a full year of these dividends give on the price?",
            "What is the yearly distribution yield?",
            "Gross up the single payment to a year and divide by the price.",
            "What is the yield on the stock once I count all the payments in a year?",
            "div yield (annual)?",
            "What is the dividend yield on an annual basis?",
            "How much do I get in dividends a year as a percentage of the price?",
            "What yield am I earning from dividends each year at this price?",
            "Multiply the dividend by the payments per year and divide by the price: what yield "
            "results?",
        ),
        ood_labels={"P": ("market quote",)},
        ood_asks=("Express twelve months of payouts as a percent of the quote.",),
    ),
)


def _end_year(nums: dict[str, Num]) -> dict[str, Num]:
    start, span = nums["Y0"], nums["n"]
    return {**nums, "Y1": Num(start.value + span.value, 0, "plain")}


def _years_plain(rng: random.Random, nums: Values) -> dict[str, str]:
    # Calendar years are never grouped ("2,012" is not a year).
    texts = number_texts(rng, nums)
    texts["Y0"], texts["Y1"] = nums["Y0"].formula, nums["Y1"].formula
    return texts


def _cagr_between_years(v: dict) -> float:
    years = v["Y1"] - v["Y0"]
    return math.expm1(math.log(v["V1"] / v["V0"]) / years) * 100


def _plausible_dates(v: dict) -> bool:
    ratio = v["V1"] / v["V0"]
    return v["Y1"] <= 2025 and abs(ratio - 1) > 0.03 and -25 < _cagr_between_years(v) < 40


CAGR_DATES = Family(
    name="cagr_dates",
    unit="percent",
    reasoning="CAGR between dates: (end / start)^(1 / (end year - start year)) - 1.",
    params={
        "V0": money((1000, 500000), ((1_000_000, 90_000_000),)),
        "V1": money((1000, 500000), ((1_000_000, 90_000_000),)),
        "Y0": plain((1990, 2023), ((1900, 1975),)),
        "n": plain((2, 30), ((31, 50),)),  # the span: not shown, it sets the end year Y1
    },
    derive=_end_year,
    valid=_plausible_dates,
    render=_years_plain,
    formula=lambda f: f"(({f['V1']}/{f['V0']})**(1/({f['Y1']}-{f['Y0']}))-1)*100",
    solve=_cagr_between_years,
    convention="percent per year over the years between the two dates; negative when the "
    "value fell",
    templates=(
        "I bought a flat for {V0} in {Y0} and sold it for {V1} in {Y1}. What was my compound "
        "annual growth rate?",
        "A portfolio was worth {V0} at the end of {Y0} and {V1} at the end of {Y1}. What is its "
        "CAGR?",
        "Revenue was {V0} in {Y0} and {V1} in {Y1}. Compute the compound annual growth rate.",
        "What is the CAGR of an investment that went from {V0} in {Y0} to {V1} in {Y1}?",
        "{Y0}: {V0}. {Y1}: {V1}. CAGR?",
        "Value in {Y0} {V0}, value in {Y1} {V1}. Annualised growth rate?",
        "Exam: A company's sales were {V0} in {Y0} and {V1} in {Y1}. Calculate the compound "
        "annual growth rate over the period.",
        "My parents paid {V0} for their house in {Y0}. It was valued at {V1} in {Y1}. What "
        "yearly rate, compounded, is that?",
        "year | value\n{Y0} | {V0}\n{Y1} | {V1}\nCAGR = ?",
        "AUM was {V0} in {Y0} and is {V1} in {Y1} -- what's that as a compounded annual rate?",
        "Hi, the fund launched in {Y0} with {V0} and stood at {V1} in {Y1}. Could you give me "
        "the CAGR for the factsheet?",
        "What per-annum rate, compounded yearly, takes {V0} in {Y0} to {V1} in {Y1}?",
        "A painting sold at auction for {V0} in {Y0} and was resold for {V1} in {Y1}. What was "
        "its compound annual rate of appreciation?",
        "start: {V0} ({Y0}); end: {V1} ({Y1}); solve for CAGR",
        "Net assets moved from {V0} at year-end {Y0} to {V1} at year-end {Y1}. Find the "
        "compound annual growth rate.",
        "My uncle collects vintage cars. He paid {V0} for an E-type Jaguar in {Y0}, kept it in "
        "a heated garage, and a dealer offered him {V1} for it in {Y1}. What is that as a "
        "compound annual rate?",
        "CAGR % | {Y0} value {V0} | {Y1} value {V1}",
        "Between {Y0} and {Y1} the company's turnover went from {V0} to {V1}. What compound "
        "annual growth rate does that work out to? I'll drop it into the executive summary.",
        "If a holding bought for {V0} in {Y0} is worth {V1} in {Y1}, what constant yearly "
        "return explains that?",
        "The pension pot held {V0} in {Y0} and {V1} in {Y1}. Compute the annualised compound "
        "return.",
        "Real estate question: purchased {Y0} for {V0}, sold {Y1} for {V1}. Compound annual "
        "return?",
        "My grandmother bought a small cottage by the sea for {V0} in {Y0}. She spent every "
        "summer there and painted the shutters blue twice. An estate agent valued it at {V1} in "
        "{Y1}. Counting the years between those two dates, what compound annual growth rate is "
        "that?",
        "CAGR {Y0}->{Y1}: {V0} -> {V1}. n = end yr minus start yr.",
        "Question 4. An investment was valued at {V0} on 31 December {Y0} and at {V1} on 31 "
        "December {Y1}. Calculate its compound annual growth rate over this period.",
        "got a stamp collection for {V0} in {Y0}; someone offered {V1} for it in {Y1}. what "
        "cagr is that",
        "Compound annual growth rate, please. Ending value {V1} (in {Y1}); starting value {V0} "
        "(in {Y0}).",
        "Please help me. In year {Y0} the company have sales {V0} and in year {Y1} the sales "
        "is {V1}. How much is growing every year with compound?",
        "The number of years is not given directly: it is the gap between {Y0} and {Y1}. Over "
        "that time a fund went from {V0} to {V1}. What is its CAGR?",
    ),
    ood_templates=(
        "Acquired in {Y0} at a cost of {V0}, disposed of in {Y1} for {V1}: express the change "
        "as a geometric average yearly rate.",
        "Our endowment's balance sheet showed {V0} back in {Y0}; the latest one, dated {Y1}, "
        "shows {V1}. Smoothed growth per annum?",
        "Take the {Y0} figure of {V0} and the {Y1} figure of {V1}; what steady annual "
        "percentage links them?",
    ),
    parts=Parts(
        labels={
            "V0": (
                "starting value",
                "purchase price",
                "value at the start",
                "initial value",
                "opening value",
                "beginning balance",
                "amount at the beginning",
                "entry value",
                "value in the start year",
                "price paid",
                "original value",
                "start-year value",
            ),
            "Y0": (
                "start year",
                "year bought",
                "first year",
                "base year",
                "beginning year",
                "acquisition year",
                "opening year",
                "year it started",
                "year of purchase",
                "starting year",
                "initial year",
                "year at the start",
            ),
            "V1": (
                "ending value",
                "sale price",
                "value at the end",
                "final value",
                "closing value",
                "ending balance",
                "latest value",
                "exit value",
                "value in the end year",
                "current value",
                "selling price",
                "end-year value",
            ),
            "Y1": (
                "end year",
                "year sold",
                "final year",
                "ending year",
                "disposal year",
                "closing year",
                "finishing year",
                "latest year",
                "year of sale",
                "year at the end",
                "valuation year",
                "terminal year",
            ),
        },
        asks=(
            "What is the CAGR?",
            "Compute the compound annual growth rate.",
            "What annual rate, compounded, links the two values?",
            "What is the compound annual growth rate between the two years?",
            "How much did it grow per year, compounded, over the years between the two dates?",
            "What does the yearly growth come to, taking the end year minus the start year as "
            "the number of years?",
            "Annualise the growth between the two dates.",
            "Find the CAGR over the span from the first year to the last.",
            "yearly compounded growth?",
            "By what constant percentage a year did the value change between those years?",
            "What is the annualised growth rate between those dates?",
            "What is the compound growth per year from the start year to the end year?",
            "CAGR between the two years?",
            "What compounded yearly rate explains the change between the two dates?",
            "How fast did it grow per year, compounded, from the earlier date to the later one?",
            "What is the annual compound return over those years?",
            "Count the years between the dates and give the CAGR.",
            "What is the compounded rate of appreciation per year?",
            "What annual percentage growth, compounded, connects the start value in the start "
            "year to the end value in the end year?",
            "cagr from start yr to end yr?",
            "What is the annual rate of increase, compounded, over the years between the two "
            "dates (negative if it dropped)?",
            "How much did the value compound per year between the two years?",
            "Work out the compound annual growth from one date to the other.",
        ),
        ood_labels={"Y0": ("calendar year of the first figure",)},
        ood_asks=("Report the geometric mean growth per year.",),
    ),
)

FAMILIES = (CAPM_PREMIUM, EAR_PERIODIC, DIVIDEND_YIELD_PERIODIC, CAGR_DATES)
