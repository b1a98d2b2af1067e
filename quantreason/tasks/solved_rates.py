"""Rates that have to be solved for rather than computed in one line: a bond's yield to
maturity from its price, a loan's APR from its monthly payment, an account's money-weighted
return from its deposits and final value, and the whole number of shares a sum of cash buys
after a flat commission.

Bond investors comparing a quote with a bank deposit, fixed-income students and advisers ask
the first ("the 2034s are at 92.40 with a 4 % annual coupon, what's the yield?"): it runs the
price equation of bond_price backwards, for coupon bonds (zero_coupon_yield has no coupons,
current_yield ignores the pull to par). Borrowers checking a car-dealer or personal-loan offer,
and students of consumer credit, ask the second: loan_payment finds the payment from the rate,
this finds the rate (APR, the monthly rate times 12) from the payment. Savers reading a
brokerage or pension statement ask the third: their deposits come at the start of years and
the account ends at a value, so the answer is an IRR of the investor's own flows (irr has one
outlay and year-end inflows; cagr has no flows in between). New investors placing an order
ask the fourth: the cash must cover the commission too, and only whole shares are bought (not
risk_sizing, which sizes from a stop).

Solvers are written independently of the formula text (bisection on the bond's price
equation, on the loan's present value and on the account's net present value; whole-cent
integer arithmetic for the share count).
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
    significant,
    with_article,
)


def _bisect(excess, low: float, high: float) -> float:
    """The root of ``excess`` (falling from positive at ``low`` to negative at ``high``)."""
    for _ in range(200):
        middle = (low + high) / 2
        if excess(middle) > 0:
            low = middle
        else:
            high = middle
    return (low + high) / 2


# --- bond_ytm --------------------------------------------------------------------------------

# Annual coupons as issued, in eighths of a point (4.125 %, 5.5 %); out of range, high-yield
# coupons on very long bonds, or the near-zero coupons of 2020-21 issues.
_YTM_COUPON = pct((0.5, 10), ((10.5, 15), (0.1, 0.4)), decimals=3)
# Whole years to maturity (the bond priced on a coupon date); out of range, 40- to 100-year
# (century) bonds, or 31- to 39-year ones.
_YTM_YEARS = plain((2, 30), ((40, 100), (31, 39)))
# The yield the price is drawn from: ordinary markets; out of range, distressed high yields
# with the high coupons, or near-zero yields with the low coupons.
_YTM_YIELD = ((0.5, 12.0), ((9.0, 22.0), (0.3, 3.0)))
_YTM_FACES = (100.0, 1000.0)


def _bond_price(rate: float, coupon: float, years: int, face: float) -> float:
    """Price of ``face`` paying ``coupon`` (currency) at the end of each year, at ``rate``."""
    flows = [coupon] * years
    flows[-1] += face
    return math.fsum(cf / (1 + rate) ** (t + 1) for t, cf in enumerate(flows))


def _eighths(rng: random.Random, low: float, high: float) -> Num:
    """A coupon rate in eighths of a point, shown with the digits it needs (5, 5.5, 4.125)."""
    value = max(0.125, round(rng.uniform(low, high) * 8) / 8)
    decimals = next(d for d in range(4) if round(value, d) == value)
    return Num(value, decimals, "pct")


def _ytm_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A coupon, whole years, a face of 100 or 1,000, and the price (cents) at a drawn yield."""
    band = rng.randrange(2)
    low, high = _YTM_COUPON.ood[band] if ood else _YTM_COUPON.train
    coupon = _eighths(rng, low, high)
    years = _YTM_YEARS.draw(rng, ood, band)
    face = rng.choice(_YTM_FACES)
    low, high = _YTM_YIELD[1][band] if ood else _YTM_YIELD[0]
    rate = rng.uniform(low, high) / 100
    price = round(_bond_price(rate, coupon.value / 100 * face, round(years.value), face), 2)
    return {"P": Num(price, 2, "money"), "c": coupon, "n": years, "F": Num(face, 0, "money")}


def _ytm_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers in one currency; ``{a_term}``: the term as an adjective with its article ("a
    12-year", "an 8-year"); ``{a_c}``, ``{A_c}``: the coupon rate with its article ("an 8.25 %",
    "A 5 %")."""
    texts = number_texts(rng, nums)
    texts["a_term"] = with_article(f"{round(nums['n'].value)}-year")
    texts["a_c"] = with_article(texts["c"])
    texts["A_c"] = texts["a_c"][0].upper() + texts["a_c"][1:]
    return texts


def _ytm_solve(v: Mapping[str, float]) -> float:
    # The yield at which the bond's discounted coupons and face equal its price, by bisection.
    coupon = v["c"] / 100 * v["F"]
    years = round(v["n"])
    rate = _bisect(lambda r: _bond_price(r, coupon, years, v["F"]) - v["P"], -0.5, 3.0)
    return rate * 100


def _ytm_valid(v: Mapping[str, float]) -> bool:
    # A price a market quotes (40 to 180 % of face) and a positive yield.
    return 0.4 * v["F"] <= v["P"] <= 1.8 * v["F"] and 0.1 <= _ytm_solve(v) <= 30


BOND_YTM = Family(
    name="bond_ytm",
    unit="percent",
    reasoning="YTM: the annual yield at which the annual coupons and the face value, "
    "discounted, add up to the bond's price.",
    params={"c": _YTM_COUPON, "n": _YTM_YEARS},
    sample=_ytm_sample,
    render=_ytm_texts,
    valid=_ytm_valid,
    formula=lambda f: f"ytm({f['P']},{f['c']}/100*{f['F']},{f['n']},{f['F']})*100",
    solve=_ytm_solve,
    convention="percent a year; coupons paid once a year (rate times face), priced on a coupon "
    "date with whole years left, yield compounded annually; the price is for the stated face",
    templates=(
        "A bond with a face value of {F} pays a coupon of {c} once a year and matures in {n} "
        "years. It trades at {P}. What is its yield to maturity (annual compounding)?",
        "Bond: face {F}, coupon {c} paid once a year, {n} years to maturity, price {P}. YTM "
        "(annual compounding)?",
        "Exam question: {a_term} bond with a par value of {F} carries {a_c} coupon, paid "
        "annually, and is priced at {P}. Calculate its yield to maturity, assuming annual "
        "compounding.",
        "I'm looking at a corporate bond in my brokerage account: {F} face, {c} coupon paid "
        "once a year, {n} years left, and the ask price is {P}. What yield, compounded "
        "annually, would I lock in if I hold it to maturity?",
        "ytm (annual comp)? px {P}, face {F}, cpn {c} paid once a year, {n}y to maturity",
        "Hi Priya, can you back out the yield on the bond the client is asking about? Price "
        "{P} for {F} of face, {c} coupon paid yearly, {n} years to run. Annual compounding is "
        "fine. Thanks, Owen",
        "| face | coupon (paid once a year) | years to maturity | price |\n| {F} | {c} | {n} | "
        "{P} |\nYield to maturity (annual basis)?",
        "- Face value: {F}\n- Coupon rate: {c} (paid annually)\n- Years to maturity: {n}\n"
        "- Price: {P}\nWhat is the bond's YTM, compounded annually?",
        "Please help, I want know the yield of a bond. Price is {P}, the face is {F}, it pays "
        "{c} coupon one time each year and it finish in {n} years. What is the yield to "
        "maturity, compounded one time a year?",
        "ok so a bond paying {a_c} coupon once a year on {F} face, {n} years out, trading at "
        "{P}. what's the yield (annual compounding) if i hold it to the end?",
        "What annually compounded rate of return does a buyer earn on a bond bought at {P}, "
        "with a face value of {F}, a coupon of {c} paid once a year and {n} years to "
        "maturity, if it is held to maturity?",
        "Find the discount rate, compounded annually, that makes the present value of a bond's "
        "cash flows equal its price of {P}: face {F}, {c} coupon paid at the end of each "
        "year, {n} years.",
        "My grandfather left me {a_term} bond certificate: {F} face, {c} coupon paid every "
        "year. A dealer offers to buy it for {P}. What yield (annual compounding) does that "
        "price imply for someone holding it to maturity?",
        "Question 3 (4 marks). A bond with a face value of {F} pays {a_c} coupon once a year, "
        "has {n} years to maturity and a market price of {P}. Compute its yield to maturity "
        "(annual compounding).",
        "What is the redemption yield, on an annual basis, of a bond priced at {P} per {F} of "
        "face, paying {a_c} coupon once a year, with {n} years remaining?",
        "Internal rate of return, compounded annually, of buying this bond and holding it: "
        "price {P}, par {F}, coupon {c} paid annually, matures in {n} years.",
        "We bought {F} face of {a_term} bond with {a_c} coupon paid once a year, at {P}. What "
        "is our yield to maturity? Our treasurer wants it on an annual-compounding basis.",
        "Solve for the yield (annual compounding): coupon rate {c}, paid once a year, face "
        "{F}, price {P}, {n} years to maturity.",
        "Bond pricing in reverse: {a_c} coupon bond (annual payments), {F} par, {n} years, "
        "price {P}. What yield, compounded annually, is the market using?",
        "Sorry for my English. The bond cost {P}, nominal value {F}, coupon {c} paid one time "
        "each year, maturity in {n} years. Which is the yield to maturity, with annual "
        "compounding?",
        "Given a price of {P}, what is the promised yield, compounded annually, of a bond with "
        "{F} face, {n} years to maturity and a coupon of {c} paid once a year?",
        "Eurobond check: coupon {c} paid once a year, {n} years to go, {F} par, quoted at {P}. "
        "Yield (annual compounding)?",
    ),
    ood_templates=(
        "Paper redeeming at {F} after {n} more years, throwing off {c} of that nominal each "
        "anniversary, changes hands for {P}. Which once-yearly hurdle rate reconciles the "
        "two?",
        "Backing out the return on a debenture: purchase cost {P}, principal {F} repaid in {n} "
        "years, interest of {c} on the principal remitted on each anniversary. Effective "
        "yearly return if kept until it's repaid?",
        "Someone pays {P} today for a fixed-income security whose principal is {F}; the coupon "
        "of {c} arrives every twelve months across the {n} years left. Deduce the yearly "
        "return that equates price and promised payments.",
    ),
    parts=Parts(
        labels={
            "P": (
                "price",
                "market price",
                "bond price",
                "current price",
                "purchase price",
                "quoted price",
                "price paid",
                "ask price",
                "clean price",
                "trading price",
                "offer price",
                "price of the bond",
            ),
            "c": (
                "coupon rate (paid once a year)",
                "coupon (paid annually)",
                "annual-pay coupon rate",
                "annually paid coupon rate",
                "coupon rate (one payment a year)",
                "coupon rate (annual payments)",
                "coupon (paid yearly)",
                "coupon rate (paid every year)",
                "coupon rate paid at the end of each year",
                "annual-pay coupon",
                "stated coupon rate (paid once a year)",
                "coupon rate with annual payments",
            ),
            "n": (
                "number of years to maturity",
                "term to maturity (years)",
                "number of years remaining",
                "time to maturity in years",
                "remaining term in years",
                "remaining life (years)",
                "tenor in years",
                "number of years until redemption",
                "maturity in years",
                "remaining maturity (years)",
                "number of annual coupons left",
                "time left to maturity (years)",
            ),
            "F": (
                "face value",
                "par value",
                "face amount",
                "par amount",
                "nominal value",
                "principal repaid at maturity",
                "redemption value",
                "face",
                "principal",
                "par",
                "maturity value",
                "amount due at maturity",
            ),
        },
        asks=(
            "What is the yield to maturity (annual compounding)?",
            "What is the bond's YTM, compounded annually?",
            "Compute the yield to maturity, compounded annually.",
            "What annual return, compounded once a year, does a buyer earn if the bond is held "
            "to maturity?",
            "What yield does this price imply (annual compounding)?",
            "Find the redemption yield, annually compounded.",
            "ytm (annual comp)?",
            "What discount rate, compounded annually, makes the cash flows worth the price?",
            "What is the bond's annually compounded internal rate of return to maturity?",
            "What is the promised yield, compounded once a year?",
            "What is the gross redemption yield, on an annual basis?",
            "What yield to redemption does the quoted price imply, compounded annually?",
            "Solve for the YTM (annual compounding) that prices the bond at its market price.",
            "What is the bond's IRR if bought at this price and held to maturity, annually "
            "compounded?",
            "what's the yield to maturity? annual compounding please.",
            "To compare with a bank deposit rate, what yield to maturity, compounded annually, "
            "does the bond offer?",
            "Using trial and error or a financial calculator, find the YTM on an annual basis.",
            "What market yield, annually compounded, is the bond priced at?",
            "What is the yield to maturity as a yearly rate compounded annually, given the price?",
            "What rate of return does a buy-and-hold investor lock in at this price, compounded "
            "annually?",
            "What is the annual-pay yield to maturity (annual compounding)?",
            "Invert the price: what YTM, compounded annually, gives that price?",
        ),
        ood_labels={
            "P": ("consideration handed over",),
            "c": ("interest rate on the nominal (settled each anniversary)",),
            "n": ("count of remaining anniversaries",),
            "F": ("principal returned at the end",),
        },
        ood_asks=(
            "Which once-yearly hurdle rate reconciles price with payments?",
            "Deduce the effective yearly return if kept until repaid.",
        ),
    ),
)


# --- loan_apr ---------------------------------------------------------------------------------

# Personal, car and student loans; out of range, mortgage-sized loans or small instalment
# purchases.
_LOAN = money((1000, 60000), ((80000, 900000), (150, 900)))
# Months: a standard term half the time; out of range, 8- to 12-year loans (formula.rate
# overflows past about 150 periods), or a buy-now-pay-later plan of a few instalments.
_LOAN_MONTHS = plain((6, 84), ((96, 150), (2, 5)))
_STANDARD_MONTHS = (12, 24, 36, 48, 60, 72, 84)
_APR = ((2.0, 30.0), ((2.0, 9.0), (31.0, 60.0)))


def _loan_payment(monthly_rate: float, months: int, amount: float) -> float:
    return amount * monthly_rate / (1 - (1 + monthly_rate) ** -months)


def _loan_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """An amount, a term in months and the monthly payment (cents) at a drawn APR."""
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    amount = _LOAN.draw(rng, ood, band, scaled, round_figures)
    if not ood and rng.random() < 0.5:
        months = Num(float(rng.choice(_STANDARD_MONTHS)), 0, "plain")
    else:
        months = _LOAN_MONTHS.draw(rng, ood, band)
    low, high = _APR[1][band] if ood else _APR[0]
    apr = rng.uniform(low, high) / 100
    payment = round(_loan_payment(apr / 12, round(months.value), amount.value), 2)
    return {"L": amount, "n": months, "A": Num(payment, 2, "money")}


def _loan_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers in one currency, and ``{a_term}``: the term as an adjective with its article
    ("a 36-month", "an 84-month")."""
    texts = number_texts(rng, nums)
    texts["a_term"] = with_article(f"{texts['n']}-month")
    return texts


def _loan_apr(v: Mapping[str, float]) -> float:
    # The monthly rate at which the payments, discounted month by month, repay the amount.
    months = round(v["n"])

    def excess(r: float) -> float:
        discounted = math.fsum(v["A"] / (1 + r) ** t for t in range(1, months + 1))
        return discounted - v["L"]

    return _bisect(excess, 1e-9, 1.0) * 12 * 100


def _loan_valid(v: Mapping[str, float]) -> bool:
    # Payments repay more than the loan (a positive rate), APR within what lenders charge.
    return v["A"] * v["n"] > v["L"] and 0.5 <= _loan_apr(v) <= 80


LOAN_APR = Family(
    name="loan_apr",
    unit="percent",
    reasoning="APR = 12 * the monthly rate at which the level monthly payments repay the "
    "amount borrowed.",
    params={"L": _LOAN, "n": _LOAN_MONTHS},
    sample=_loan_sample,
    render=_loan_texts,
    valid=_loan_valid,
    formula=lambda f: f"rate({f['n']},{f['A']},{f['L']})*12*100",
    solve=_loan_apr,
    convention="percent a year; the nominal APR (monthly rate times 12, compounded monthly), "
    "level payments at the end of each month (the first one month after the loan), no fees",
    templates=(
        "A lender offers {L} now, repaid by {n} equal monthly payments of {A}, the first one "
        "month from now. What APR (nominal annual rate, compounded monthly) is that?",
        "Loan {L}, {n} monthly payments of {A} at the end of each month. APR?",
        "The car dealer says I can borrow {L} and pay {A} a month for {n} months, first "
        "payment a month after I drive off. What APR is that, as the monthly rate times 12?",
        "Exam question: A personal loan of {L} is repaid in {n} equal end-of-month "
        "instalments of {A}. Calculate the annual percentage rate, compounded monthly.",
        "Hi Sam, the supplier offers financing on the new equipment: {L} up front, repaid "
        "with {n} monthly payments of {A}, payable at the end of each month. What nominal "
        "annual rate (compounded monthly) are they charging? Cheers, Lea",
        "| amount borrowed | monthly payment (end of month) | number of payments |\n| {L} | "
        "{A} | {n} |\nAPR (monthly rate x 12)?",
        "- Loan amount: {L}\n- Monthly payment: {A}, paid at the end of each month\n- Number "
        "of payments: {n}\nWhat is the APR (nominal, compounded monthly)?",
        "Please I need help. The bank give me {L} and I must pay {A} every month, {n} months, "
        "the first payment one month after. Which is the interest rate per year (APR, monthly "
        "compounding)?",
        "ok so {L} loan, {A}/month for {n} months, payments at month-end. what's the apr? "
        "(monthly rate x 12)",
        "What interest rate is hidden in a loan of {L} that costs {A} a month for {n} months, "
        "paid in arrears? Give it as an APR compounded monthly.",
        "Find the nominal annual rate, compounded monthly, of a loan of {L} repaid with {n} "
        "level payments of {A} at the end of each month.",
        "My student loan: {L} borrowed, {n} payments of {A} due at the end of every month. "
        "What APR am I actually paying (monthly rate times 12)?",
        "Solve for the rate: present value {L}, {n} monthly payments of {A} in arrears. Give "
        "the APR (nominal annual, monthly compounding).",
        "The furniture shop advertises 'take it home today' for {L}, or {n} monthly "
        "instalments of {A}, starting a month from today. Treating it as a loan of {L}, what is "
        "the APR, compounded monthly?",
        "Question 6 (3 marks). A borrower receives {L} and repays it with {n} equal payments "
        "of {A} at the end of each month. Determine the loan's annual percentage rate "
        "(nominal, compounded monthly).",
        "What's the APR on {a_term} loan of {L} if the monthly payment is {A}, with the "
        "first payment one month after the loan? Quote it as the monthly rate times 12.",
        "Backing out the rate on a loan: {L} principal, {A} monthly payment at the end of each "
        "month, {n} payments. APR compounded monthly?",
        "My brother-in-law lent me {L} for the wedding. We agreed I pay him {A} at the end of "
        "each month for {n} months. What APR does that work out to, compounded monthly?",
        "Which annual percentage rate (compounded monthly) makes {n} end-of-month payments of "
        "{A} worth exactly the {L} borrowed?",
        "Implied interest rate check: borrowed {L}; monthly payment {A}; {n} months; first "
        "payment a month from now. APR (nominal, monthly compounding) = ?",
        "Compare this to my credit card: a consolidation loan of {L} at {A} per month over "
        "{n} months, paid at each month's end. What's its APR, with monthly compounding?",
    ),
    ood_templates=(
        "Financier advances {L} today; borrower settles via {n} identical instalments of {A}, "
        "each falling due thirty days apart beginning thirty days hence. Express the cost as "
        "twelve times the per-instalment charge.",
        "Given {n} level remittances of {A}, each at a month's close, retiring an advance of "
        "{L}, deduce the stated yearly charge (periodic figure scaled up by twelve).",
        "An advance of {L} gets retired through {n} identical month-close remittances of {A}. "
        "Quoted on a twelve-times-the-periodic basis, how expensive is this credit?",
    ),
    parts=Parts(
        labels={
            "L": (
                "loan amount",
                "amount borrowed",
                "principal",
                "sum received today",
                "amount financed",
                "loan principal",
                "sum lent now",
                "starting loan balance",
                "original loan balance",
                "amount of credit",
                "initial principal",
                "sum borrowed",
            ),
            "A": (
                "monthly payment (end of each month)",
                "payment at the end of each month",
                "monthly instalment (first due in one month)",
                "end-of-month repayment",
                "monthly payment (paid in arrears)",
                "level monthly payment (first one month from now)",
                "month-end instalment",
                "amount paid at the end of every month",
                "monthly repayment at the end of each month",
                "instalment paid in arrears",
                "end-of-month instalment",
                "level payment due at month-end",
            ),
            "n": (
                "number of monthly payments",
                "term in months",
                "number of months to repay",
                "number of instalments (monthly)",
                "loan term (months)",
                "payment count (one a month)",
                "repayment period in months",
                "count of monthly repayments",
                "number of repayments",
                "repayment term in months",
                "duration of the loan in months",
                "number of monthly instalments",
            ),
        },
        asks=(
            "What is the APR (nominal, compounded monthly)?",
            "What annual percentage rate, compounded monthly, does the loan charge?",
            "Compute the APR as the monthly rate times 12.",
            "What nominal annual interest rate (monthly compounding) is built into the payments?",
            "apr? (monthly rate x 12)",
            "What is the loan's interest rate per year, compounded monthly?",
            "Find the implied APR, compounded monthly.",
            "What yearly rate, compounded monthly, is the lender charging?",
            "Back out the loan's nominal annual rate (compounded monthly).",
            "What interest rate am I paying, as an APR with monthly compounding?",
            "What is the annual percentage rate implied by the repayments, compounded monthly?",
            "What nominal yearly rate, with monthly compounding, does the repayment schedule "
            "imply?",
            "apr on this loan? monthly compounding.",
            "Solve for the annual rate, compounded monthly, at which the payments repay the loan "
            "exactly.",
            "To compare with my bank's offer, what APR (compounded monthly) is this financing "
            "charging?",
            "Calculate the nominal annual interest rate, compounded monthly, implied by the loan.",
            "What rate per year, compounded monthly, makes the present value of the payments "
            "equal the amount borrowed?",
            "How much interest am I really paying per year, as a nominal rate compounded monthly?",
            "What is the true APR of the deal, compounded monthly, with no fees?",
            "Find the loan's IRR as an annual rate compounded monthly.",
            "What annualised borrowing rate (monthly compounding) is built into the instalment "
            "plan?",
            "What APR, compounded monthly, does the dealer's monthly payment work out to?",
        ),
        ood_labels={
            "L": ("size of the advance",),
            "A": ("identical month-close remittance",),
            "n": ("tally of remittances",),
        },
        ood_asks=(
            "Deduce the stated yearly charge, twelve times the periodic figure.",
            "Quoted on a twelve-times-periodic basis, how expensive is this credit?",
        ),
    ),
)


# --- money_weighted_return --------------------------------------------------------------------

# The first deposit: a savings or brokerage account; out of range, a large portfolio or a
# few hundred.
_FIRST_DEPOSIT = money((1000, 200000), ((300000, 5e7), (100, 900)))
# Later flows, by key: the year at whose start they happen and whether money goes in.
_FLOW_YEARS = {"D2": 2, "W2": 2, "D3": 3, "W3": 3}
_STRUCTURES = (("D2",), ("D2",), ("D2", "D3"), ("D2", "D3"), ("D2", "W3"), ("W2", "D3"))
_FLOW_ORDER = ("D2", "W2", "D3", "W3")


def _flows(v: Mapping[str, object]) -> list[str]:
    return [key for key in _FLOW_ORDER if key in v]


def _mwr_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A first deposit, one or two later deposits (or a withdrawal) at year starts, and the
    end value the flows reach at a drawn annual return."""
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    first = _FIRST_DEPOSIT.draw(rng, ood, band, scaled, round_figures)
    nums = {"C0": first}
    for key in rng.choice(_STRUCTURES):
        share = rng.uniform(0.05, 0.6) if key.startswith("D") else rng.uniform(0.05, 0.3)
        value = round(significant(first.value * share, rng.choice((1, 2, 2, 3))))
        nums[key] = Num(float(max(value, 10)), 0, "money")
    years = max(_FLOW_YEARS[key] for key in _flows(nums))
    rate = rng.uniform(-12, 20) / 100 if not ood else rng.uniform(-25, 40) / 100
    value = first.value * (1 + rate) ** years
    for key in _flows(nums):
        sign = 1 if key.startswith("D") else -1
        value += sign * nums[key].value * (1 + rate) ** (years - _FLOW_YEARS[key] + 1)
    cents = rng.random() < 0.5
    nums["V"] = Num(round(value, 2 if cents else 0), 2 if cents else 0, "money")
    return nums


def _mwr_years(nums: Mapping[str, object]) -> int:
    return max(_FLOW_YEARS[key] for key in _flows(nums))


def _mwr_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in one currency; ``{flows}``: the later flows in words ("added $2,000 at the
    start of year 2 and withdrew $500 at the start of year 3", "added $2,000 at the start of year
    2 and another $500 at the start of year 3"); ``{T}``: the years covered
    (the end value is at the end of year T)."""
    texts = number_texts(rng, nums)
    pieces = []
    for key in _flows(nums):
        verb = "added" if key.startswith("D") else "withdrew"
        if pieces and key.startswith("D") and pieces[-1].startswith("added"):
            verb = "another"  # "added $2,000 at the start of year 2 and another $500 at..."
        pieces.append(f"{verb} {texts[key]} at the start of year {_FLOW_YEARS[key]}")
    texts["flows"] = " and ".join(pieces)
    texts["T"] = str(_mwr_years(nums))
    return texts


def _mwr_formula(f: Mapping[str, str]) -> str:
    later = [f"-{f[key]}" if key.startswith("D") else f[key] for key in _flows(f)]
    return f"irr(-{f['C0']},{','.join(later)},{f['V']})*100"


def _mwr_cash_flows(v: Mapping[str, float]) -> list[float]:
    """The investor's flows at times 0, 1, ... (out negative, in positive)."""
    years = _mwr_years(v)
    flows = [0.0] * (years + 1)
    flows[0] -= v["C0"]
    for key in _flows(v):
        flows[_FLOW_YEARS[key] - 1] += -v[key] if key.startswith("D") else v[key]
    flows[years] += v["V"]
    return flows


def _mwr_solve(v: Mapping[str, float]) -> float:
    # The annual rate at which the account's flows have a net present value of zero.
    flows = _mwr_cash_flows(v)
    rate = _bisect(lambda r: math.fsum(cf / (1 + r) ** t for t, cf in enumerate(flows)), -0.9, 5)
    return rate * 100


def _mwr_valid(v: Mapping[str, float]) -> bool:
    flows = _mwr_cash_flows(v)
    if math.fsum(flows[1:]) <= 0 or v["V"] <= 0:
        return False
    return -40 <= _mwr_solve(v) <= 80


MONEY_WEIGHTED_RETURN = Family(
    name="money_weighted_return",
    unit="percent",
    reasoning="Money-weighted return: the annual IRR of the deposits paid in, the withdrawals "
    "taken out and the final account value.",
    params={"C0": _FIRST_DEPOSIT},
    sample=_mwr_sample,
    render=_mwr_texts,
    valid=_mwr_valid,
    formula=_mwr_formula,
    solve=_mwr_solve,
    convention="percent a year; deposits and withdrawals at the starts of years (the first at "
    "the start of year 1), the value at the end of the last year; the IRR of the investor's "
    "flows, compounded annually",
    templates=(
        "I opened an account with {C0} at the start of year 1, then {flows}. At the end of "
        "year {T} it was worth {V}. What is my money-weighted return, per year?",
        "Start of year 1: deposit {C0}. Then I {flows}. Value at the end of year {T}: {V}. "
        "Money-weighted rate of return (annual)?",
        "Exam question: An investor funded a portfolio with {C0} at the beginning of year 1, "
        "then {flows}. The portfolio was worth {V} at the end of year {T}. Calculate the "
        "annual money-weighted rate of return.",
        "My pension statement: I put in {C0} at the start of year 1, {flows}, and the pot is "
        "now {V} at the end of year {T}. What annual return did my money actually earn (IRR "
        "of my deposits)?",
        "mwrr? {C0} in at start of yr 1, {flows}, worth {V} at end of yr {T}",
        "Hi Marta, for the client review: the account was funded with {C0} at the start of "
        "year 1; the client then {flows}. The end-of-year-{T} value is {V}. Can you give me "
        "the money-weighted return per year? Thanks, Kofi",
        "- Deposit at the start of year 1: {C0}\n- Later flows: {flows}\n- Value at the end of "
        "year {T}: {V}\nWhat is the money-weighted return (annual IRR)?",
        "Please help me. I put {C0} in my investment account at the start of year 1, after "
        "that I {flows}. At the end of year {T} the account is {V}. How much is my return per "
        "year, money-weighted?",
        "ok so i put in {C0} at the start of year 1, then {flows}, and at the end of year {T} "
        "i've got {V}. what's my personal rate of return per year?",
        "What annual internal rate of return did an account earn that received {C0} at the "
        "start of year 1, where the owner then {flows}, and that was worth {V} at the end of "
        "year {T}?",
        "Compute the dollar-weighted return per year: initial deposit {C0} (start of year 1); "
        "the investor then {flows}; ending value {V} at the end of year {T}.",
        "My robo-advisor shows a time-weighted return, but I want the return on my own money. "
        "I invested {C0} at the start of year 1, then {flows}. The balance at the end of year "
        "{T} is {V}. What's my money-weighted return a year?",
        "Question 5 (4 marks). A fund account opened with {C0} at the start of year 1. The "
        "holder then {flows}. Its value at the end of year {T} was {V}. Find the "
        "money-weighted return, per annum.",
        "Find the annual rate that makes the deposits and withdrawals worth the end value: "
        "{C0} at the start of year 1, then the saver {flows}; {V} at the end of year {T}.",
        "Our investment club put {C0} into the brokerage account at the start of year 1, then "
        "{flows}. By the end of year {T} the account stood at {V}. What was the club's IRR "
        "per year?",
        "Sorry my English. I put {C0} at start of year 1, then I {flows}. End of year {T} "
        "value is {V}. Which is the money weighted return annually?",
        "IRR of my savings account, per year: I paid in {C0} at the start of year 1, then "
        "{flows}; the balance was {V} at the end of year {T}.",
        "For the annual report: the endowment received {C0} at the start of year 1, and the "
        "trustees later {flows}. The endowment was worth {V} at the end of year {T}. What "
        "annual money-weighted return does that represent?",
        "My ISA: {C0} paid in at the start of year 1; after that I {flows}; it's worth {V} at "
        "the end of year {T}. What yearly return have I really made on what I put in?",
        "Given an opening deposit of {C0} (start of year 1), and that the investor then "
        "{flows}, what annual rate of return, weighted by the money invested, turns these into "
        "{V} at the end of year {T}?",
    ),
    ood_templates=(
        "Seed capital {C0} arrived as year 1 began; afterwards the owner {flows}. Closing "
        "worth once year {T} wrapped up: {V}. Which yearly yield on the contributed cash "
        "reconciles these?",
        "Determine the personal (cash-flow weighted) yearly yield: opening contribution {C0} "
        "on day one of year 1; subsequently the owner {flows}; holdings valued at {V} when "
        "year {T} closed.",
        "Someone seeded a portfolio with {C0} as year 1 opened, then {flows}, finishing year "
        "{T} holding {V}. What per-annum discount rate nets those amounts to nothing?",
    ),
    parts=Parts(
        labels={
            "C0": (
                "deposit at the start of year 1",
                "initial deposit (start of year 1)",
                "opening investment (beginning of year 1)",
                "amount invested at the start of year 1",
                "first contribution (start of year 1)",
                "sum put in at the beginning of year 1",
                "starting deposit (year 1 start)",
                "initial funding amount at the start of year 1",
                "initial contribution at the start of year 1",
                "opening deposit at the beginning of year 1",
                "amount paid in at the start of year 1",
                "first payment into the account at the start of year 1",
            ),
            "D2": (
                "deposit at the start of year 2",
                "extra deposit (start of year 2)",
                "contribution at the beginning of year 2",
                "amount added at the start of year 2",
                "top-up at the start of year 2",
                "sum paid in at the beginning of year 2",
                "additional investment at the start of year 2",
                "fresh deposit (year 2 start)",
                "additional contribution at the start of year 2",
                "further deposit at the start of year 2",
                "deposit made at the beginning of year 2",
                "extra amount paid in at the beginning of year 2",
            ),
            "D3": (
                "deposit at the start of year 3",
                "extra deposit (start of year 3)",
                "contribution at the beginning of year 3",
                "amount added at the start of year 3",
                "top-up at the start of year 3",
                "sum paid in at the beginning of year 3",
                "additional investment at the start of year 3",
                "fresh deposit (year 3 start)",
                "additional contribution at the start of year 3",
                "further deposit at the start of year 3",
                "deposit made at the beginning of year 3",
                "extra amount paid in at the beginning of year 3",
            ),
            "W2": (
                "withdrawal at the start of year 2",
                "amount withdrawn (start of year 2)",
                "sum taken out at the beginning of year 2",
                "withdrawal made at the beginning of year 2",
                "amount taken out at the start of year 2",
                "amount paid out to the investor at the start of year 2",
                "redemption at the start of year 2",
                "cash withdrawal (start of year 2)",
                "partial withdrawal at the start of year 2",
                "amount withdrawn at the beginning of year 2",
                "distribution to the investor at the start of year 2",
                "sum withdrawn at the start of year 2",
            ),
            "W3": (
                "withdrawal at the start of year 3",
                "amount withdrawn (start of year 3)",
                "sum taken out at the beginning of year 3",
                "withdrawal made at the beginning of year 3",
                "amount taken out at the start of year 3",
                "amount paid out to the investor at the start of year 3",
                "redemption at the start of year 3",
                "cash withdrawal (start of year 3)",
                "partial withdrawal at the start of year 3",
                "amount withdrawn at the beginning of year 3",
                "distribution to the investor at the start of year 3",
                "sum withdrawn at the start of year 3",
            ),
            "T": (
                "number of years",
                "number of years covered",
                "length of the period (years)",
                "holding period in years",
                "number of years the account has run",
                "horizon (years)",
                "total number of years",
                "period length in years",
                "investment period in years",
                "number of years invested",
                "length of the investment in years",
                "term in years",
            ),
            "V": (
                "value at the end of the last year",
                "ending value (end of the final year)",
                "account value at the end of the period",
                "closing balance at the end of the last year",
                "final portfolio value",
                "final value at the end of the last year",
                "balance at the end of the final year",
                "end-of-period value",
                "final balance",
                "closing account value",
                "ending portfolio value",
                "account value at the end of the final year",
            ),
        },
        asks=(
            "What is the money-weighted return, per year?",
            "What is the annual money-weighted rate of return?",
            "Compute the IRR of these flows, per year.",
            "What is the dollar-weighted return a year?",
            "mwrr (annual)?",
            "What annual return did the money invested earn?",
            "Find the investor's internal rate of return, annually compounded.",
            "What yearly rate makes the net present value of the flows zero?",
            "What's my personal rate of return per year?",
            "What annual rate of return, weighted by the money in the account, was earned?",
            "What is the annualised money-weighted return?",
            "What is the investor's IRR per year, given the timing of the deposits and any "
            "withdrawals?",
            "What annual rate of return did the investor actually experience, given the timing of "
            "the money paid in or taken out?",
            "Compute the account's annual internal rate of return from the deposits, any "
            "withdrawals and the ending balance.",
            "Did the money I put in earn more than a savings rate? Give my money-weighted return "
            "per year.",
            "Solve for the MWR as an annual IRR of the account's cash flows.",
            "annual IRR on my contributions?",
            "What return per year did the investor earn on the money actually invested, weighted "
            "by how much was in the account and for how long?",
            "Find the yearly rate at which the deposits, any withdrawals and the final balance "
            "have zero NPV.",
            "What annual IRR do the investor's own cash flows give?",
            "What is the investor-experienced return per year (money-weighted)?",
            "Working from the timing and size of each payment in or out, what annual rate has the "
            "portfolio earned for its owner?",
        ),
        ood_labels={
            "C0": ("seed contribution on day one of year 1",),
            "D2": ("fresh injection on day one of year 2",),
            "D3": ("fresh injection on day one of year 3",),
            "W2": ("sum pulled out on day one of year 2",),
            "W3": ("sum pulled out on day one of year 3",),
            "T": ("count of elapsed yearly periods",),
            "V": ("closing worth at the span's conclusion",),
        },
        ood_asks=(
            "Which yearly yield on the contributed cash reconciles these?",
            "Determine the cash-flow weighted yearly yield.",
        ),
    ),
)


# --- shares_affordable ------------------------------------------------------------------------

# Cash to invest; out of range, a large account, or pocket money.
_CASH = money((500, 100000), ((250000, 2e7), (40, 450)))
# Share prices; out of range, four-figure prices or penny stocks.
_SHARE_PRICE = plain((2, 800), ((1000, 9000), (0.05, 1.5)), decimals=2, ood_decimals=3)
# Flat commissions brokers charge per order; out of range, a full-service broker's fee or a
# few cents.
_COMMISSION = plain((0.99, 25), ((30, 75), (0.05, 0.5)), decimals=2)
_COMMISSIONS = (0.99, 1.0, 2.95, 4.95, 5.0, 6.95, 7.99, 9.99, 10.0, 14.95, 19.99, 25.0)


def _shares_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    cash = _CASH.draw(rng, ood, band, scaled, round_figures)
    price = _SHARE_PRICE.draw(rng, ood, band)
    if price.value >= 1:  # sub-dollar prices show three decimals, others cents
        price = Num(round(price.value, 2), 2, "plain")
    if ood:
        fee = _COMMISSION.draw(rng, ood, band)
    else:
        value = rng.choice(_COMMISSIONS)
        fee = Num(value, 0 if value.is_integer() else 2, "money")
    fee = Num(fee.value, fee.decimals, "money")
    return {"X": cash, "P": Num(price.value, price.decimals, "money"), "c": fee}


def _cents(value: float, places: int = 3) -> int:
    return round(value * 10**places)


def _shares(v: Mapping[str, float]) -> float:
    # Integer arithmetic in thousandths: whole shares whose cost fits in the cash left over
    # once the commission is paid.
    spendable = _cents(v["X"]) - _cents(v["c"])
    return float(spendable // _cents(v["P"]))


def _shares_valid(v: Mapping[str, float]) -> bool:
    # At least one share, and the float division agrees with exact arithmetic (no draw that
    # sits on a whole number up to rounding).
    count = _shares(v)
    return count >= 1 and math.floor((v["X"] - v["c"]) / v["P"]) == count


SHARES_AFFORDABLE = Family(
    name="shares_affordable",
    unit="count",
    reasoning="Whole shares affordable = floor((cash - flat commission) / share price).",
    params={"X": _CASH, "P": _SHARE_PRICE, "c": _COMMISSION},
    sample=_shares_sample,
    valid=_shares_valid,
    formula=lambda f: f"floor(({f['X']}-{f['c']})/{f['P']})",
    solve=_shares,
    uses=frozenset({"costs", "rounding"}),
    convention="count of whole shares; one order whose flat commission is paid from the same "
    "cash; no fractional shares",
    templates=(
        "I have {X} to invest. The stock trades at {P} and my broker charges a flat {c} "
        "commission per order, paid from the same cash. How many whole shares can I buy?",
        "Cash {X}, share price {P}, flat commission {c} per order (paid out of the cash). Max "
        "whole shares?",
        "Exam question: An investor has {X} available. Shares cost {P} each and the broker "
        "charges a fixed commission of {c} per trade, which must come out of the same {X}. "
        "What is the largest number of whole shares the investor can buy?",
        "Hi Tom, the client wants to put {X} into the stock at {P}. Our ticket fee is a flat "
        "{c}, deducted from the same cash. How many whole shares can we buy for her? Thanks, "
        "Nina",
        "| cash | share price | flat commission |\n| {X} | {P} | {c} |\nWhole shares "
        "affordable (commission paid from the cash)?",
        "- Cash available: {X}\n- Price per share: {P}\n- Commission: {c} flat per order, "
        "paid from the cash\nHow many whole shares can be bought?",
        "Please help, I have {X} only. One share is {P} and the broker takes {c} for the "
        "order from this money. How many full shares I can buy?",
        "ok so i've got {X}, stock is {P}, commission is {c} flat and comes out of my cash. "
        "how many whole shares can i get?",
        "What is the maximum number of whole shares {X} buys at {P} a share, once a flat "
        "{c} commission is paid out of that cash?",
        "My daughter got {X} for her birthday and wants to buy shares at {P}. Her account "
        "charges {c} per trade, taken from the same money. How many whole shares can she "
        "afford?",
        "Position size check: {X} cash, {P} per share, {c} flat commission paid from the cash. "
        "Shares (whole, no fractions)?",
        "How many shares can be purchased with {X} if each share costs {P} and the flat "
        "commission of {c} per order is paid from the same funds? Only whole shares.",
        "Question 1 (1 mark). A broker charges a flat fee of {c} per order. With {X} to "
        "spend, fee included, how many whole shares priced at {P} can be bought?",
        "Order sizing: budget {X} including a flat {c} brokerage fee; share price {P}. "
        "Largest whole number of shares?",
        "I'm about to place my first trade. Cash in the account: {X}. Share price: {P}. "
        "Commission: {c} per trade, taken from the cash. How many whole shares should I put "
        "in the order?",
        "Sorry for my English. I want buy stock at {P} per share, I have {X} and the fee is "
        "{c} each order, paid from my money. How many entire shares I can buy?",
        "With {X} and a flat trading fee of {c} coming out of it, how many whole shares of a "
        "stock priced at {P} fit in the budget?",
        "Our investment club has {X} in cash. The broker's commission is {c} per order, paid "
        "from that cash, and the shares we like cost {P}. What's the most whole shares we can "
        "buy in one order?",
        "Quick: {X} cash, {c} commission out of it, {P}/share. How many full shares?",
        "Given {X} to spend on one order, a share price of {P} and a flat commission of {c} "
        "that has to be paid from the {X}, find the largest whole number of shares.",
    ),
    ood_templates=(
        "Deployable sum {X}; the dealer levies {c} per ticket, settled from that same sum. "
        "Shares change hands at {P}. Determine the greatest integral number of shares "
        "obtainable.",
        "Someone holding {X} wishes to acquire equity at {P} apiece, surrendering {c} per "
        "execution from that very balance. Highest integral number of shares acquirable?",
        "If {c} per execution is levied against a balance of {X}, what integral number of "
        "shares at {P} apiece can that balance secure?",
    ),
    parts=Parts(
        labels={
            "X": (
                "cash balance",
                "amount available to invest",
                "account balance",
                "budget (commission included)",
                "amount to spend",
                "investable balance",
                "total budget including the fee",
                "spending limit (fee included)",
                "available balance",
                "buying power (fee included)",
                "trading budget including the commission",
                "amount set aside for the order",
            ),
            "P": (
                "share price",
                "price per share",
                "stock price",
                "price of one share",
                "current share price",
                "ask price per share",
                "cost per share",
                "quote per share",
                "market price per share",
                "offer price per share",
                "last traded price",
                "price of the stock",
            ),
            "c": (
                "flat commission per order (paid from the same money)",
                "commission (paid out of the budget)",
                "broker fee per trade (taken from the balance)",
                "flat trading fee (comes out of the budget)",
                "fixed commission per order (paid from the budget)",
                "brokerage fee per order (deducted from the balance)",
                "ticket charge (paid out of the same money)",
                "per-order fee (flat, from the budget)",
                "flat broker commission (paid from the balance)",
                "commission per trade (taken out of the cash)",
                "order fee deducted from the budget",
                "fixed trading charge (paid from the same cash)",
            ),
        },
        asks=(
            "How many whole shares can be bought?",
            "What is the maximum number of whole shares?",
            "How many full shares fit in the budget?",
            "How many shares (whole ones only) can I afford?",
            "max whole shares?",
            "What's the largest whole number of shares one order can buy?",
            "How many whole shares can the investor purchase?",
            "Work out the number of whole shares affordable.",
            "What order size, in whole shares, does the money allow?",
            "How many shares can I buy, with no fractional shares?",
            "What is the largest number of whole shares the cash covers once the commission is "
            "paid?",
            "How many shares should go on the order ticket, whole shares only, after the fee?",
            "Max shares I can buy with the money left after commission, no fractional shares?",
            "How many full shares can I buy after paying the brokerage fee out of the cash?",
            "Compute the share quantity, rounded down to whole shares, once the commission is "
            "deducted from the cash.",
            "What quantity of whole shares should I enter in the buy order so the shares plus the "
            "fee fit in my cash?",
            "Calculate the maximum whole number of shares that can be purchased net of the "
            "commission.",
            "how many whole shares after the fee?",
            "What is the number of whole shares I can afford once the broker's fee is taken out?",
            "How many shares, whole ones, does the budget cover after the commission?",
            "Without fractional shares, how many can the investor buy after the commission?",
            "Share count for the order, rounded down to a whole number after the fee?",
        ),
        ood_labels={
            "X": ("deployable sum",),
            "P": ("quotation apiece",),
            "c": ("levy per execution (settled from the same sum)",),
        },
        ood_asks=(
            "Determine the greatest integral number of shares obtainable.",
            "Highest integral number of shares acquirable?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (BOND_YTM, LOAN_APR, MONEY_WEIGHTED_RETURN, SHARES_AFFORDABLE)
