"""Short-term money arithmetic: the cost of skipping a supplier's early-payment discount, the
accrued interest a bond buyer pays, a Treasury bill's simple yield on the price paid, and the
time-weighted return of an account with deposits or withdrawals.

Corporate treasurers, accounts-payable clerks and small-business owners ask the first ("our
supplier offers 2/10 net 45: is paying on day 45 expensive money?"): the discount lost is
interest on the discounted amount for the extra days, annualised simply on a 365-day year. It
is a sibling of simple_interest, which grows a principal at a stated rate; here the rate itself
is the answer. Bond desks, back offices and retail investors buying a bond between coupons ask
the second: the interest accrued since the last coupon on a 30/360 count, which the buyer pays
on top of the clean price (current_yield, a sibling, divides a year's coupon by the price
instead). Savers and money-market desks ask the third: what a bill bought at a price returns a
year, simply on a 365-day year and on the price paid. It is the inverse question to
tbill_price, which prices a bill from a bank discount yield (on the face, 360-day year), and
the annualised cousin of holding_period_return. Fund administrators, performance analysts,
CFA students and investors reading a statement ask the fourth: the return of an account with
cash moved in or out, chaining the sub-period returns between the flows so that the flows do
not count as performance. multi_period_return chains returns that are given; here they come
from account values, and the flows must be taken out first.

Solvers are written independently of the formula text (interest per day on the discounted
amount, the coupon per period times the fraction of the period elapsed, the gain per day on
the price, a product of sub-period growth factors).
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


def _shown(value: float, kind: str, most: int = 3) -> Num:
    """``value`` with the decimals it needs (at most ``most``): 2, 1.5, 0.375."""
    for decimals in range(most + 1):
        if abs(round(value, decimals) - value) < 1e-9:
            return Num(round(value, decimals), decimals, kind)
    return Num(round(value, most), most, kind)


# --- trade_credit_cost ---------------------------------------------------------------------------

# Cash discounts of half a point to three points, taken within one to three weeks, full amount
# due within 20 to 90 days. Out of range, the steep discounts of distressed or seasonal trade
# (3.5-8 %, net 100-180 days, discount windows of weeks) or the thin discounts of quick-paying
# grocery and fuel trade (0.1-0.45 %, a few days).
_CASH_DISCOUNT = pct((0.5, 3), ((3.5, 8), (0.1, 0.45)), decimals=2)
_DISCOUNT_DAYS = plain((5, 20), ((25, 60), (2, 4)))
_NET_DAYS = plain((20, 90), ((100, 180), (6, 18)))
# Terms as suppliers print them: discount %, discount days, net days.
_STANDARD_TERMS = (
    (2, 10, 30),
    (1, 10, 30),
    (2, 10, 45),
    (2, 10, 60),
    (3, 15, 45),
    (1, 15, 45),
    (1.5, 10, 30),
    (2, 15, 60),
    (0.5, 10, 30),
    (1, 10, 60),
    (3, 10, 90),
    (2.5, 10, 40),
    (2, 20, 60),
    (1, 7, 30),
    (2, 14, 30),
    (3, 20, 90),
    (1, 20, 45),
    (2, 10, 90),
)


def _terms_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Terms as printed (a standard set half the time), or a discount in quarter points and
    whole days; out of range, steep terms or thin quick-pay ones."""
    if not ood:
        if rng.random() < 0.5:
            d, early, net = rng.choice(_STANDARD_TERMS)
        else:
            d = rng.randint(2, 12) / 4
            early = rng.choice((5, 7, 10, 10, 14, 15, 20)) if rng.random() < 0.7 else None
            early = early if early is not None else rng.randint(5, 20)
            net = rng.choice((20, 25, 30, 40, 45, 60, 75, 90)) if rng.random() < 0.7 else None
            net = net if net is not None else rng.randint(20, 90)
    elif rng.random() < 0.5:  # steep terms
        d = rng.randint(7, 16) / 2
        early = rng.choice((25, 30, 30, 45, 60)) if rng.random() < 0.6 else rng.randint(25, 60)
        net = rng.choice((100, 120, 120, 150, 180)) if rng.random() < 0.6 else rng.randint(100, 180)
    else:  # quick-pay terms
        d = rng.choice((0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.45))
        early = rng.randint(2, 4)
        net = rng.choice((7, 10, 14, 15)) if rng.random() < 0.6 else rng.randint(6, 18)
    return {
        "d": _shown(float(d), "pct", 2),
        "D": Num(float(early), 0, "plain"),
        "N": Num(float(net), 0, "plain"),
    }


def _terms_valid(v: Mapping[str, float]) -> bool:
    # The discount window ends well before the net date: at least 10 days of extra credit in
    # range, at least 4 for quick-pay terms.
    return v["N"] - v["D"] >= (10 if v["N"] >= 20 else 4)


# How terms are printed: "2/10 net 30", "2/10, n/30", "2/10 n30".
_TERMS_FORMS = ("{dn}/{D} net {N}", "{dn}/{D}, net {N}", "{dn}/{D}, n/{N}", "{dn}/{D} n/{N}")


def _terms_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, and ``{terms}``: the terms as printed ("2/10 net 45"), the discount
    as bare digits; ``{a_d}`` is the discount with its article ("an 8% discount")."""
    texts = number_texts(rng, nums)
    texts["dn"] = nums["d"].formula
    texts["terms"] = rng.choice(_TERMS_FORMS).format(**texts)
    texts["a_d"] = with_article(texts["d"])
    return texts


def _trade_credit_cost(v: Mapping[str, float]) -> float:
    # Paying the full invoice late is borrowing the discounted amount for the extra days; the
    # discount lost is the interest. A per-day rate, times 365 (simple, no compounding).
    invoice = 100.0
    borrowed = invoice - v["d"]
    interest = invoice - borrowed
    extra_days = v["N"] - v["D"]
    per_day = interest / borrowed / extra_days
    return per_day * 365 * 100


TRADE_CREDIT_COST = Family(
    name="trade_credit_cost",
    unit="percent",
    reasoning="Cost of trade credit = discount / (100 - discount) * 365 / (net days - discount "
    "days).",
    params={"d": _CASH_DISCOUNT, "D": _DISCOUNT_DAYS, "N": _NET_DAYS},
    sample=_terms_sample,
    render=_terms_texts,
    valid=_terms_valid,
    formula=lambda f: f"{f['d']}/(100-{f['d']})*365/({f['N']}-{f['D']})*100",
    solve=_trade_credit_cost,
    convention="percent a year; the discount lost is interest on the discounted amount for the "
    "days between the end of the discount period and the net date (paying on the last day), "
    "annualised simply (no compounding) over a 365-day year",
    templates=(
        "Our supplier offers terms of {terms}: {d} off if we pay within {D} days, otherwise the "
        "full invoice is due in {N} days. What is the simple annualised cost of skipping the "
        "discount and paying on day {N}, using a 365-day year?",
        "Terms {terms}. Cost of not taking the discount, as a simple annual rate on a 365-day "
        "year?",
        "Exam question: A firm buys on credit terms of {terms}. Calculate the annual cost of "
        "forgoing the cash discount and paying on the last permitted day. Annualise with simple "
        "interest over a 365-day year.",
        "Hi Maria, the new packaging vendor puts {terms} on every invoice. If we keep paying on "
        "day {N} instead of day {D}, what annual interest rate are we really paying for that "
        "extra credit? Simple annualisation over a 365-day year is fine for the memo. Thanks, "
        "Leo",
        "| discount | discount period (days) | net period (days) |\n| {d} | {D} | {N} |\nSimple "
        "annualised cost of missing the discount (365-day year)?",
        "- Cash discount: {d}\n- Discount window: {D} days\n- Full amount due: day {N}\nWhat is "
        "the annual cost of the trade credit if the firm pays on day {N}? Use simple interest on "
        "a 365-day year.",
        "Please help, the supplier give me {terms}. If I not pay early and I pay at day {N}, "
        "how much percent per year is this costing me? Simple rate, year of 365 days.",
        "ok so terms are {terms}. whats the annualised cost of passing on the discount? "
        "simple, 365-day year",
        "What implicit interest rate does a buyer pay by giving up {a_d} discount for paying "
        "within {D} days and paying the full amount at {N} days instead? Annualise simply on a "
        "365-day year.",
        "I run a small bakery and buy flour from a mill that invoices on {terms}. Money has "
        "been tight since the oven broke in spring, so I have been paying on day {N}, and my "
        "accountant says that is an expensive habit. What does it cost me as a simple annual "
        "rate over a 365-day year?",
        "Working-capital review: vendor terms {terms}. Compute the nominal annual cost of "
        "forgoing early payment, simple interest, 365-day year.",
        "Question 6 (3 marks). Credit terms are {terms}. Calculate the implied annual interest "
        "rate of not taking the discount, on a simple 365-day-year basis.",
        "The treasurer asks: if we stretch payables to day {N} on {terms} terms, what does that "
        "financing cost as a simple annual rate (365-day year)?",
        "Cost of trade credit? {d} discount within {D} days, net {N} days, simple annualisation, "
        "365-day year.",
        "A supplier lets us deduct {d} from the invoice if we settle within {D} days; otherwise "
        "the full amount is due after {N} days. Treating the lost discount as interest on the "
        "discounted amount, what annual rate (simple, 365-day year) does waiting cost us?",
        "Purchasing manager here. We got {terms} on a big order. If we take the full {N} days, "
        "what does that credit cost us per year in simple terms, counting a 365-day year?",
        "If a company passes up {a_d} early-payment discount (discount period {D} days, net "
        "period {N} days), what is its annualised cost of trade credit? Assume a 365-day year "
        "and simple, not compound, annualisation.",
        "Accounts payable question: terms {terms}, and we pay on day {N}. Annual percentage cost "
        "of the discount we lose? Simple annualisation, 365-day year.",
        "Hello, I am student. Terms {terms} mean {d} discount for payment in {D} days, or full "
        "price in {N} days. What is cost of the credit per year? Please use simple interest "
        "and 365 days for the year.",
        "In my working capital class: a supplier offers {terms}. What annual rate is the buyer "
        "implicitly borrowing at when it skips the discount? Annualise with simple interest "
        "over 365 days.",
        "discount {d} | disc. period {D} days | net {N} days | simple annual cost of skipping "
        "the discount (365d year)?",
        "Our CFO wants to know whether to keep paying the {terms} invoices early. Paying on day "
        "{N} means giving up the {d} discount. Expressed as a simple annual rate on a 365-day "
        "year, what does paying late cost?",
        "Is it worth borrowing from the bank to take the discount? Supplier terms are {terms}. "
        "First I need the supplier's rate: what does skipping the discount cost per year, "
        "simple interest on a 365-day year?",
    ),
    ood_templates=(
        "Vendor invoices read {terms}. Letting the rebate lapse and remitting at day {N}: what "
        "yearly financing charge does that represent, straight-line over 365 days rather than "
        "compounded?",
        "A wholesaler grants {a_d} prompt-settlement rebate for remittance inside {D} days, "
        "with the gross sum falling due after {N} days. Express the price of those extra days "
        "of credit as an uncompounded per-annum rate on a 365-day basis.",
        "Stretching payables on {terms} terms to the final day: implied yearly borrowing "
        "charge, straight-line on 365 days?",
        "How dear is supplier financing under {terms} if the firm forgoes the rebate? Quote it "
        "per annum without compounding, counting 365 days.",
    ),
    parts=Parts(
        labels={
            "d": (
                "cash discount",
                "early-payment discount",
                "discount for paying early",
                "prompt-payment discount",
                "discount offered",
                "discount (%)",
                "settlement discount",
                "discount for early settlement",
                "percentage cash discount",
                "early-settlement discount",
                "discount percentage",
                "cash discount rate",
            ),
            "D": (
                "discount period (days)",
                "number of days to take the discount",
                "discount window in days",
                "number of days allowed for the discount",
                "early-payment deadline (days)",
                "length of the discount window (days)",
                "last day for the discount",
                "pay-early window (days)",
                "discount deadline in days",
                "cash discount period in days",
                "number of days in the discount period",
                "early-payment window (days)",
            ),
            "N": (
                "net period (days)",
                "number of days until full payment",
                "net due date (days)",
                "credit period in days",
                "full-payment deadline (days)",
                "number of days to pay in full",
                "net term (days)",
                "final due date (days)",
                "net payment period in days",
                "total credit period (days)",
                "invoice due date (days)",
                "number of days of credit allowed",
            ),
        },
        asks=(
            "What is the simple annualised cost of skipping the discount (365-day year)?",
            "What is the cost of trade credit as a simple annual rate on a 365-day year?",
            "What annual rate does forgoing the discount cost, using simple interest and a "
            "365-day year?",
            "How expensive is it, per year, to pass up the discount and pay on the net date? "
            "Annualise simply over 365 days.",
            "What is the implied interest rate of paying late, annualised with simple interest "
            "on a 365-day year?",
            "Compute the simple annual cost of not taking the early-payment discount (365-day "
            "year).",
            "what's the annualised cost of missing the discount? simple, 365-day year.",
            "What rate is the buyer effectively borrowing at by paying on the net date (simple, "
            "365-day year)?",
            "What is the nominal annual cost of the lost discount (simple interest, 365-day year)?",
            "Annualise the cost of giving up the discount with simple interest over a 365-day "
            "year.",
            "What is the annual percentage cost of forgoing the cash discount, simple basis, "
            "365-day year?",
            "How much does the supplier's credit cost per year if we pay on the net date, as a "
            "simple rate over a 365-day year?",
            "Compute the implicit financing cost of the credit terms, annualised simply on a "
            "365-day year.",
            "Is paying late worth it? Give the simple annual cost of the trade credit, 365-day "
            "year.",
            "Calculate the nominal annual cost of trade credit using the simple formula and a "
            "365-day year.",
            "What annualised interest rate is implied by taking the longer credit period instead "
            "of the discount, simple, 365-day year?",
            "cost of trade credit in %/yr, simple, 365-day year?",
            "What simple annual rate, on a 365-day year, is the supplier effectively collecting "
            "for the additional credit?",
            "To compare with our bank overdraft rate: what is the simple annualised cost of not "
            "taking the discount, 365-day year?",
            "What is the per-year cost of paying on the last day instead of taking the discount "
            "(simple interest, 365-day year)?",
            "Work out the annual cost of the missed settlement discount as a simple rate on a "
            "365-day year.",
            "What does waiting until the net date cost as an annual rate, simple, counting a "
            "365-day year?",
        ),
        ood_labels={
            "d": ("prompt-settlement rebate",),
            "D": ("rebate cut-off (day count)",),
            "N": ("gross-sum maturity (day count)",),
        },
        ood_asks=(
            "Express the forgone rebate as a yearly financing charge, straight-line over 365 days.",
            "What per-annum price, uncompounded and on 365 days, does the supplier's credit carry?",
        ),
    ),
)


# --- accrued_interest ----------------------------------------------------------------------------

# Face amounts from a retail $1,000 bond to a $5M block (whole thousands); out of range,
# institutional blocks or the $100-$900 pieces some retail platforms sell.
_AI_FACE = money((1000, 5_000_000), ((1e7, 5e8), (100, 900)))
_STANDARD_BOND_FACES = (1000.0, 5000.0, 10000.0, 25000.0, 50000.0, 100000.0, 250000.0, 1e6, 2e6)
# Coupons in eighths of a point, as bonds are issued; out of range, the near-zero coupons of
# the 2020-21 issues or the double-digit coupons of high-yield and 1980s bonds.
_AI_COUPON = pct((0.5, 9), ((0.05, 0.45), (9.5, 15)), decimals=3)
# Days since the last coupon on a 30/360 count, within a half-year; out of range, the second
# half of an annual coupon period or the first days after a coupon.
_AI_DAYS = plain((5, 175), ((180, 355), (2, 4)))


def _accrued_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A face (a standard block or whole thousands), a coupon in eighths, the days accrued and
    the coupon frequency ``m`` (annual where the days run past half a year)."""
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    if not ood and rng.random() < 0.4:
        face = Num(rng.choice(_STANDARD_BOND_FACES), 0, "money")
    else:
        face = _AI_FACE.draw(rng, ood, band, scaled, round_figures)
        if face.scale == 1:
            step = -2 if face.value < 1000 else -3
            face = Num(float(max(round(face.value, step), 10.0**-step)), 0, "money")
    if not ood:
        coupon = rng.randint(4, 72) / 8
    elif band == 0:
        coupon = rng.choice((0.05, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.375, 0.4))
    else:
        coupon = rng.randint(76, 120) / 8
    days = _AI_DAYS.draw(rng, ood, band)
    frequency = 1.0 if days.value > 175 or rng.random() < 0.35 else 2.0
    return {
        "F": face,
        "c": _shown(coupon, "pct"),
        "n": days,
        "m": Num(frequency, 0, "plain"),
    }


def _accrued_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; the coupon frequency ``m`` as words: ``{m}`` ("twice a year" or
    "two payments a year", for composed questions), ``{paid}`` ("semi-annually"), ``{freq}``
    ("semi-annual"); ``{a_c}`` and ``{A_c}`` are the coupon with its article ("an 8.125%
    coupon")."""
    texts = number_texts(rng, nums)
    semi = nums["m"].value == 2
    texts["m"] = rng.choice(
        ("twice a year", "two payments a year") if semi else ("once a year", "one payment a year")
    )
    texts["paid"] = "semi-annually" if semi else "annually"
    texts["freq"] = "semi-annual" if semi else "annual"
    texts["a_c"] = with_article(texts["c"])
    texts["A_c"] = texts["a_c"][0].upper() + texts["a_c"][1:]
    return texts


def _accrued_interest(v: Mapping[str, float]) -> float:
    # One coupon payment, times the share of its 30/360 period (360 / m days) that has passed.
    per_year = v.get("m", 2.0)
    coupon_payment = v["F"] * v["c"] / 100 / per_year
    period_days = 360 / per_year
    return coupon_payment * v["n"] / period_days


ACCRUED_INTEREST = Family(
    name="accrued_interest",
    unit="currency",
    reasoning="Accrued interest = face * annual coupon rate * days since the last coupon / 360 "
    "(30/360).",
    params={"F": _AI_FACE, "c": _AI_COUPON, "n": _AI_DAYS},
    sample=_accrued_sample,
    render=_accrued_texts,
    formula=lambda f: f"{f['F']}*{f['c']}/100*{f['n']}/360",
    solve=_accrued_interest,
    convention="currency; 30/360 day count: the year's coupon (face * annual coupon rate) times "
    "the days since the last coupon over 360, whatever the payment frequency; paid by the buyer "
    "on top of the clean price",
    templates=(
        "A bond with a face value of {F} has an annual coupon rate of {c}, paid {paid}. It is sold "
        "{n} days (30/360) after the last coupon. How much accrued interest does the buyer pay?",
        "Face {F}, coupon {c} a year paid {paid}, {n} days since the last coupon (30/360). "
        "Accrued interest?",
        "Exam question: An investor buys {F} face value of a corporate bond with {a_c} coupon "
        "(annual rate), paid {paid}. Settlement is {n} days after the previous coupon date, "
        "counted on a 30/360 basis. Calculate the accrued interest.",
        "Hi Sophie, we bought {F} nominal of the bonds today: coupon {c} (annual rate), paid "
        "{paid}. The 30/360 count since the last coupon is {n} days. What accrued should the "
        "settlement amount include on top of the clean price? Thanks, Marc",
        "| face | annual coupon rate | coupon frequency | days since last coupon (30/360) |\n"
        "| {F} | {c} | {freq} | {n} |\nAccrued interest?",
        "- Face value: {F}\n- Annual coupon rate: {c}\n- Coupons paid {paid}\n- Days since the "
        "last coupon (30/360): {n}\nHow much interest has accrued?",
        "Please help, I buy a bond with face {F}, coupon rate {c} per year, paid {paid}. From the "
        "last coupon it is {n} days (30/360). How much accrued interest I must pay to the "
        "seller?",
        "ok so face {F}, coupon rate {c} a year, {n} days since last coupon on 30/360. how much "
        "accrued interest do i owe?",
        "What accrued interest is added to the clean price of {F} face of a bond with {a_c} "
        "coupon (annual rate) paid {paid}, {n} days (30/360) into the coupon period?",
        "My uncle bought a corporate bond through his bank for his retirement account, {F} "
        "face, paying {c} a year in {freq} coupons. The confirmation says {n} days had accrued "
        "since the last coupon under 30/360, and he was charged some interest on top of the "
        "price. How much should that accrued interest be?",
        "Compute the accrued interest: face amount {F}; annual coupon rate {c}, paid {paid}; "
        "30/360 days since the last coupon {n}.",
        "Question 2 (2 marks). {A_c} bond (annual rate; coupons paid {paid}) with a par value of "
        "{F} settles {n} days after its last coupon date on a 30/360 count. Find the accrued "
        "interest.",
        "Back office check: {F} par of a note, coupon {c} p.a. paid {paid}, {n} days accrued "
        "(30/360). Accrued amount?",
        "How much of the next coupon has the seller earned? The bond has {F} face and a coupon "
        "rate of {c} a year, paid {paid}, and {n} days (30/360) have passed since the last "
        "payment.",
        "accrued int? {F} face, {c} cpn p.a., {n} days since last cpn, 30/360",
        "A bond with {a_c} coupon (annual rate) pays interest {paid}. We are buying {F} face, "
        "and settlement falls {n} days after the last coupon on a 30/360 basis. What accrued "
        "interest goes on the trade ticket?",
        "The clean price is agreed; now I need the interest accrued since the last coupon. "
        "Face {F}, coupon {c} a year, {freq} payments, {n} days elapsed (30/360).",
        "Hello, in my bond course: {F} par value, coupon rate {c} a year, paid {paid}, and {n} "
        "days of accrual by 30/360. What is the accrued interest the buyer gives the seller?",
        "For the dirty price I need the accrued interest on {F} face of a bond paying {c} a "
        "year ({freq} coupons), with {n} days since the last coupon under the 30/360 "
        "convention.",
        "What is the accrued coupon interest on {F} face value of bonds paying coupons {paid} at "
        "an annual rate of {c}, {n} days (30/360) after the last coupon?",
        "Interest accrued to settlement, please: par {F}, coupon {c} per annum paid {paid}, "
        "30/360 days since last coupon {n}.",
        "A pension fund buys {F} face of a bond with {a_c} coupon (annual rate) between coupons: "
        "{n} days have run since the last one on a 30/360 count. How much accrued interest does "
        "the fund pay the seller?",
    ),
    ood_templates=(
        "Purchasing {F} nominal of paper carrying {c} per annum, distributed {paid}, {n} days "
        "into the current coupon cycle (30/360). What does the vendor receive for the interest "
        "built up so far?",
        "The coupon clock reads {n} days (30/360 reckoning) on {a_c} yearly-rate issue; we "
        "take {F} par. Compensation owed to the seller for the running coupon?",
        "Work out the interest the purchaser reimburses on a holding of {F} par, {c} "
        "per-annum coupon, {n} days elapsed on 30/360 since the last distribution.",
    ),
    parts=Parts(
        labels={
            "F": (
                "face value",
                "par amount",
                "nominal amount held",
                "face amount of the position",
                "principal (face)",
                "par value of the bonds",
                "notional (face)",
                "bond face value",
                "face amount traded",
                "nominal value of the bonds",
                "principal amount",
                "par value bought",
            ),
            "c": (
                "annual coupon rate",
                "coupon rate (annual)",
                "coupon (% a year)",
                "yearly coupon rate",
                "coupon rate p.a.",
                "coupon rate on an annual basis",
                "stated annual coupon rate",
                "coupon rate per year",
                "coupon rate per annum",
                "annual interest rate on the bond",
                "yearly rate of interest on the face",
                "annual rate of the coupon",
            ),
            "n": (
                "number of days since the last coupon (30/360)",
                "accrued day count (30/360)",
                "number of days accrued (30/360 basis)",
                "30/360 day count since the previous coupon date",
                "number of days from last coupon to settlement (30/360)",
                "day count since the last payment (30/360)",
                "elapsed-day count (30/360 convention)",
                "accrual period in days (30/360)",
                "number of accrued days (30/360)",
                "time since the last coupon in days (30/360)",
                "day count from the previous coupon to settlement (30/360)",
                "elapsed part of the coupon period in days (30/360)",
            ),
            "m": (
                "coupon frequency",
                "payment frequency",
                "coupon schedule",
                "frequency of coupon payments",
                "coupon payment frequency",
                "interest payment frequency",
                "coupon pay frequency",
                "coupon payment schedule",
                "frequency of interest payments",
                "coupon periodicity",
                "interest payment schedule",
                "payment frequency of the coupon",
            ),
        },
        asks=(
            "What is the accrued interest?",
            "How much accrued interest does the buyer pay the seller?",
            "What is the accrued coupon interest on the position?",
            "How much interest has built up since the last coupon?",
            "What does the buyer owe the seller for the accrued coupon, on top of the clean price?",
            "Compute the accrued interest.",
            "what's the accrued on this trade?",
            "How much of the next coupon has the seller earned so far?",
            "What is the interest accrued to settlement?",
            "What accrued interest is added to the clean price to get the dirty price?",
            "What is the accrued interest (AI) amount on the trade?",
            "How much interest does the seller get paid for the part of the coupon period they "
            "held the bond?",
            "What is the accrued amount that turns the clean price into the full (dirty) price?",
            "Calculate the interest accrued since the previous coupon date on this position.",
            "accrued int on this?",
            "How much coupon interest has the bond earned from the last payment date to "
            "settlement?",
            "What accrued should appear on the settlement amount, on top of the agreed clean "
            "price?",
            "What is the seller's share of the next coupon, in currency?",
            "Find the accrued interest payable by the buyer at settlement.",
            "To get the invoice price, what accrued interest do I add to the clean price?",
            "What is the interest accrual on the bonds as of the settlement date?",
            "What amount of accrued coupon does the trade confirmation show?",
        ),
        ood_labels={
            "F": ("nominal of paper purchased",),
            "c": ("per-annum distribution rate",),
            "n": ("position in the coupon cycle in days (30/360 reckoning)",),
            "m": ("issuer's distribution cadence",),
        },
        ood_asks=(
            "Determine the running coupon the purchaser must reimburse.",
            "How large is the interest owed to the vendor at settlement?",
        ),
    ),
)


# --- tbill_yield ---------------------------------------------------------------------------------

# Prices paid (a drawn simple yield of 0.5-6 % on a 365-day year off the face); out of range, a
# bill in its last days bought in an institutional block or quoted per 100 of face.
_BILL_PRICE = money((850, 1_000_000), ((1.5e6, 5e8), (90, 99.9999)), decimals=2)
_BILL_FACE = money((1000, 1_000_000), ((2e6, 5e8), (100, 100)))
_BILL_DAYS = plain((10, 364), ((2, 9),))
_BILL_FACES = (1000.0, 5000.0, 10000.0, 25000.0, 50000.0, 100000.0, 250000.0, 500000.0, 1e6)
# Auction tenors: days and the weeks they are named by ("the 26-week bill").
_BILL_WEEKS = {28: 4, 42: 6, 56: 8, 91: 13, 119: 17, 182: 26, 364: 52}


def _bill_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A face, days to maturity and a price (in cents; per 100 of face to four decimals out
    of range) that gives a simple yield of 0.5-6 % a year."""
    band = rng.randrange(2)
    if not ood:
        if rng.random() < 0.5:
            face = rng.choice(_BILL_FACES)
        else:
            face = float(round(math.exp(rng.uniform(math.log(1000), math.log(1e6))), -2))
        days = float(rng.choice(tuple(_BILL_WEEKS))) if rng.random() < 0.5 else None
        days = days if days is not None else float(rng.randint(10, 364))
        decimals = 2
    else:
        face = 100.0 if band else float(round(math.exp(rng.uniform(math.log(2e6), 20)), -4))
        days = float(rng.randint(2, 9))
        decimals = 4 if band else 2
    rate = rng.uniform(0.5, 6) / 100
    price = round(face / (1 + rate * days / 365), decimals)
    return {
        "P": Num(price, decimals, "money"),
        "F": Num(face, 0, "money"),
        "t": Num(days, 0, "plain"),
    }


def _bill_valid(v: Mapping[str, float]) -> bool:
    return 0 < v["P"] < v["F"]


def _bill_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers in dollars (a US Treasury bill), and ``{tenor}``: the bill's term as an
    adjective, an auction tenor sometimes named by its weeks too ("26-week (182-day)");
    ``{a_tenor}`` is the same with its article ("an 8-week (56-day)")."""
    money_style = rng.randrange(4)  # the four dollar renderings of Num.text
    texts = {k: n.text(rng, money_style=money_style) for k, n in nums.items()}
    days = round(nums["t"].value)
    weeks = _BILL_WEEKS.get(days)
    texts["tenor"] = f"{days}-day"
    if weeks is not None and rng.random() < 0.5:
        texts["tenor"] = rng.choice((f"{weeks}-week ({days}-day)", f"{days}-day ({weeks}-week)"))
    texts["a_tenor"] = with_article(texts["tenor"])
    return texts


def _bill_yield(v: Mapping[str, float]) -> float:
    # The gain per day on each dollar paid, times the days of a 365-day year.
    gain_per_day = (v["F"] - v["P"]) / v["t"]
    return gain_per_day * 365 / v["P"] * 100


TBILL_YIELD = Family(
    name="tbill_yield",
    unit="percent",
    reasoning="Bill yield (simple, 365-day year) = (face - price) / price * 365 / days.",
    params={"P": _BILL_PRICE, "F": _BILL_FACE, "t": _BILL_DAYS},
    sample=_bill_sample,
    render=_bill_texts,
    valid=_bill_valid,
    formula=lambda f: f"({f['F']}-{f['P']})/{f['P']}*365/{f['t']}*100",
    solve=_bill_yield,
    convention="percent a year; the gain to maturity over the price paid (not over the face, "
    "as a bank discount yield is), annualised simply (no compounding) over a 365-day year",
    templates=(
        "I bought {a_tenor} Treasury bill with a face value of {F} for {P}. What simple "
        "annualised return do I earn on the price paid, using a 365-day year?",
        "T-bill: price {P}, face {F}, {t} days to maturity. Simple yield on the price, 365-day "
        "year?",
        "Exam question: A Treasury bill with a face value of {F} and {t} days to maturity is "
        "purchased for {P}. Calculate its annualised holding-period return on a simple 365-day "
        "basis (on the purchase price, not a discount yield).",
        "Hi Ken, treasury bought a bill at {P} that pays {F} in {t} days. For the cash report "
        "I need the return on what we paid, annualised simply over a 365-day year. Can you "
        "work it out? Thanks, Aisha",
        "| price paid | face value | days to maturity |\n| {P} | {F} | {t} |\nSimple annual "
        "yield on the price (365-day year)?",
        "- Purchase price: {P}\n- Face value: {F}\n- Days to maturity: {t}\nWhat is the bill's "
        "simple annualised return on a 365-day year?",
        "Please help, I pay {P} for a T-bill, at the end in {t} days I get {F}. How much is the "
        "return per year, simple and with 365 days in the year, on my money?",
        "ok so i paid {P} for a bill that pays {F} in {t} days. what's that per year? simple, "
        "365-day year, on what i paid",
        "What annual rate of return, simple and on a 365-day year, does a bill bought at {P} "
        "and redeemed at {F} after {t} days give on the amount invested?",
        "My grandmother moved her savings into Treasury bills after her bank cut its deposit "
        "rate again. Her latest is {a_tenor} bill: she paid {P} and will get {F} at maturity. "
        "What return is that per year, simple interest on a 365-day year, on what she paid?",
        "Annualise the holding-period return of a bill bought at {P} that matures at {F} in "
        "{t} days: simple annualisation, 365-day year.",
        "Question 4 (2 marks). A T-bill maturing in {t} days at {F} costs {P} today. Compute "
        "its simple annualised yield on the price paid (365-day year, not the bank discount "
        "yield).",
        "Money-market desk: bill px {P}, par {F}, {t}d to maturity. Simple return p.a. on price, "
        "365-day year?",
        "If you buy a Treasury bill for {P} and hold it {t} days to maturity, when it pays {F}, "
        "what is your simple annualised return over a 365-day year?",
        "yield on cost? bill bought {P}, matures {F}, {t} days left, simple annualised on a "
        "365-day year",
        "We hold {F} face of a bill maturing in {t} days, bought at {P}. What does it earn as a "
        "simple annual rate on the price, counting 365 days in the year?",
        "Hello, I am new on the desk. A Treasury bill costs {P}, pays {F} at maturity in {t} "
        "days. What is its simple yield per year on the price paid, using 365 days? I don't "
        "need the discount yield.",
        "What is the annualised return (simple, 365-day year, on the purchase price) of {a_tenor} "
        "bill bought for {P} with {F} face value?",
        "Comparing a bill with my savings account: {P} now, {F} back in {t} days. What simple "
        "annual return is that on my {P}, over a 365-day year?",
        "Could you annualise the return on this bill for me? Paid {P}, face {F}, {t} days to "
        "maturity; simple annualisation on a 365-day year, return measured on the price paid.",
        "Our money market fund bought {a_tenor} Treasury bill, {F} face, for {P}. What simple "
        "annualised return on cost does it lock in, 365-day year?",
        "Holding-period return on a T-bill scaled to a 365-day year (simple): price {P}, face "
        "{F}, {t} days. What is it?",
    ),
    ood_templates=(
        "Government paper redeeming at {F} in {t} calendar days changes hands at {P}. Express "
        "the gain relative to cost as a straight-line per-annum rate on a 365-day count.",
        "Outlay {P}; redemption proceeds {F}; {t} days until the paper matures. What uncompounded "
        "yearly rate, 365-day basis, does the purchaser lock in on the sum laid out?",
        "A client hands over {P} for Treasury paper repaying {F} {t} days out. Per annum, "
        "straight-line and with 365 days to the year, what does her outlay earn?",
    ),
    parts=Parts(
        labels={
            "P": (
                "purchase price",
                "price paid",
                "cost of the bill",
                "amount paid today",
                "settlement price",
                "dollar price paid",
                "buy price",
                "amount invested",
                "bill price",
                "market price of the bill",
                "purchase cost",
                "price of the T-bill",
            ),
            "F": (
                "face value",
                "par value",
                "amount received at maturity",
                "maturity value",
                "face amount",
                "payoff at maturity",
                "par (paid at maturity)",
                "redemption value",
                "par amount",
                "value at maturity",
                "amount paid back at maturity",
                "face value of the bill",
            ),
            "t": (
                "number of days to maturity",
                "time to maturity in days",
                "remaining term (days)",
                "term in days",
                "maturity (days)",
                "holding period in days",
                "number of days left to run",
                "tenor in days",
                "time left to maturity in days",
                "remaining life in days",
                "number of days held to maturity",
                "bill term (days)",
            ),
        },
        asks=(
            "What simple annualised return does the bill give on the price paid (365-day year)?",
            "What is the bill's yield on a simple 365-day basis, measured on the purchase price?",
            "What annual return, with simple interest on a 365-day year, does holding it to "
            "maturity earn on the price paid?",
            "Annualise the holding-period return simply over a 365-day year.",
            "What is the annualised holding-period return (simple, 365-day year)?",
            "What does the bill earn per year as a simple rate on the amount paid, 365-day year?",
            "what's the yield? simple annualised on what I paid, 365-day year.",
            "Compute the simple 365-day annualised yield on the purchase price.",
            "What rate of return per year, not compounded and on a 365-day year, does the "
            "investment give on its cost?",
            "What is the bill's simple annual yield (365-day basis, on price rather than face)?",
            "What is the bond-equivalent yield of the bill (simple, on the price, 365-day year)?",
            "What is the bill's investment yield, simple and on a 365-day year, on the amount "
            "paid?",
            "What is the coupon-equivalent yield of the bill on a simple 365-day basis?",
            "What annual rate does the difference between face and price represent on the amount "
            "paid, simple, 365-day year?",
            "simple yield on the bill, 365-day yr, on price?",
            "To compare with a savings account rate: what simple annual yield does the bill pay "
            "on the purchase price, 365-day year?",
            "Calculate the annualised yield of the Treasury bill based on its purchase price, "
            "using simple interest and a 365-day year (not the bank discount yield).",
            "What does the bill return per year on each dollar invested, simple annualisation, "
            "365-day year?",
            "How much does the T-bill yield a year on cost, with simple annualisation over a "
            "365-day year?",
            "What is the T-bill's 365-day simple yield on the price, i.e. the return to maturity "
            "scaled to a year?",
            "What simple annual interest rate would earn the same as holding the bill to "
            "maturity, on a 365-day year?",
            "Compute the annualised T-bill return on the investment, simple not compounded, "
            "365-day basis.",
        ),
        ood_labels={
            "P": ("outlay at purchase",),
            "F": ("sum repaid at redemption",),
            "t": ("calendar-day count until redemption",),
        },
        ood_asks=(
            "Express the gain relative to cost as a yearly rate, straight-line over 365 days.",
            "What per-annum rate, uncompounded with 365 days to the year, does buying this "
            "paper lock in on the outlay?",
        ),
    ),
)


# --- time_weighted_return ------------------------------------------------------------------------

# Account values: private accounts and small funds in range, institutional mandates or a
# student's first account of a few hundred dollars out of range. Flows are 5-50 % of the
# account (withdrawals at most 45 %), at least $1,000 in range.
_ACCOUNT = money((1500, 5_000_000), ((1.5e7, 2e10), (10, 1400)), decimals=2)
_FLOW = money((1000, 1_200_000), ((1.5e6, 2e9), (1, 600)))
_FLOW_WORDS = {
    "flow": ("deposit", "withdrawal"),
    "Flow": ("Deposit", "Withdrawal"),
    "moved": ("added to", "withdrawn from"),
    "paid": ("paid in", "taken out"),
}
# The flow with its direction, for composed questions.
_FLOW_VALUES = (
    ("{amount} deposited", "{amount} withdrawn"),
    ("+{amount} (deposit)", "-{amount} (withdrawal)"),
    ("{amount} in (deposit)", "{amount} out (withdrawal)"),
    ("{amount} paid in", "{amount} taken out"),
)


def _two_figures(value: float) -> float:
    """``value`` to two significant figures, as people move money ($25,000, $4,800)."""
    exponent = math.floor(math.log10(value)) - 1
    return float(round(value / 10**exponent) * 10**exponent)


def _twr_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Account values along a path of sub-period returns of -15 % to +20 %, with two flows
    between them: ``C1`` and ``C2`` their sizes, ``s1`` and ``s2`` their directions (+1 a
    deposit, -1 a withdrawal). A question with one flow leaves out ``C2``: it ends at ``V2``
    (the value a second flow would follow), and ``V3`` is the end of a question with two."""
    band = rng.randrange(2)
    if not ood:
        start, decimals, least = math.exp(rng.uniform(math.log(1e4), math.log(1e6))), 0, 1000.0
        if rng.random() < 0.3:
            decimals = 2
    elif band == 0:
        start, decimals, least = math.exp(rng.uniform(math.log(1e8), math.log(2e9))), 0, 1.0
    else:
        start, decimals, least = rng.uniform(100, 350), 2, 1.0
    nums: dict[str, Num] = {"V0": Num(round(start, decimals), decimals, "money")}
    value = start
    for flow in ("1", "2"):
        value = round(value * (1 + rng.uniform(-0.15, 0.2)), decimals)
        nums["V" + flow] = Num(value, decimals, "money")
        sign = 1.0 if rng.random() < 0.55 else -1.0
        share = rng.uniform(0.05, 0.5) if sign > 0 else rng.uniform(0.05, 0.45)
        size = max(_two_figures(share * value), least)
        nums["C" + flow] = _shown(size, "money", 2)
        nums["s" + flow] = Num(sign, 0, "plain")
        value += sign * size
    end = round(value * (1 + rng.uniform(-0.15, 0.2)), decimals)
    nums["V3"] = Num(end, decimals, "money")
    return nums


def _twr_valid(v: Mapping[str, float]) -> bool:
    # A deposit adds at most half the account; a withdrawal takes at most 45 % of it.
    return all(
        v["C" + k] <= 0.5 * v["V" + k] and v["V" + k] + v["s" + k] * v["C" + k] >= 0.55 * v["V" + k]
        for k in ("1", "2")
    )


def _twr_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, the words of each flow's direction (``{flow1}`` "deposit" or
    "withdrawal", ``{Flow1}``, ``{moved1}`` "added to" or "withdrawn from", ``{paid1}``,
    ``{a_flow1}``), and the items composed questions show: ``B``/``X`` (the value before the
    flow, the flow with its direction) when there is one flow, ``B1``, ``X1``, ``B2``, ``X2``
    when there are two; ``{VE}`` is the end value (``V2`` with one flow, ``V3`` with two)."""
    texts = number_texts(rng, nums)
    two = "C2" in nums
    flows = ("1", "2") if two else ("1",)
    for flow in flows:
        side = 0 if nums["s" + flow].value > 0 else 1
        for slot, words in _FLOW_WORDS.items():
            texts[slot + flow] = words[side]
        texts["a_flow" + flow] = with_article(texts["flow" + flow])
        amount = texts["C" + flow]
        item = rng.choice(_FLOW_VALUES)[side].format(amount=amount)
        key = flow if two else ""
        texts["X" + key] = item
        texts["B" + key] = texts["V" + flow]
    texts["VE"] = texts["V3"] if two else texts["V2"]
    return texts


def _twr_formula(f: Mapping[str, str]) -> str:
    def after(value: str, flow: str) -> str:
        size, direction = f["C" + flow], f["s" + flow]
        return f"({value}-{size})" if direction.startswith("-") else f"({value}+{size})"

    if "C2" in f:
        growth = f"{f['V1']}/{f['V0']}*{f['V2']}/{after(f['V1'], '1')}*{f['V3']}/"
        return f"({growth}{after(f['V2'], '2')}-1)*100"
    return f"({f['V1']}/{f['V0']}*{f['V2']}/{after(f['V1'], '1')}-1)*100"


def _time_weighted(v: Mapping[str, float]) -> float:
    # Each sub-period runs from the value just after one flow (or the start) to the value just
    # before the next (or the end); its growth factors are multiplied.
    before = [v["V1"], v["V2"], v["V3"]] if "C2" in v else [v["V1"], v["V2"]]
    flows = [v["s1"] * v["C1"], v["s2"] * v["C2"]] if "C2" in v else [v["s1"] * v["C1"]]
    after = [v["V0"]] + [value + flow for value, flow in zip(before[:-1], flows, strict=True)]
    growth = 1.0
    for start, end in zip(after, before, strict=True):
        growth *= 1 + (end - start) / start
    return (growth - 1) * 100


TIME_WEIGHTED_RETURN = Family(
    name="time_weighted_return",
    unit="percent",
    reasoning="Time-weighted return = product of the sub-period growth factors (value before "
    "each flow / value after the previous one) - 1.",
    params={
        "V0": _ACCOUNT,
        "V1": _ACCOUNT,
        "C1": _FLOW,
        "V2": _ACCOUNT,
        "C2": _FLOW,
        "V3": _ACCOUNT,
    },
    sample=_twr_sample,
    render=_twr_texts,
    valid=_twr_valid,
    optional=("C2",),
    formula=_twr_formula,
    solve=_time_weighted,
    convention="percent for the whole period, not annualised; the sub-period returns between "
    "external cash flows are chained (each flow happens just after the valuation before it), "
    "so the flows do not count as performance; not a money-weighted return",
    templates=(
        "An account was worth {V0} at the start of the period. Just before {a_flow1} of {C1} "
        "it was worth {V1}, and at the end of the period it was worth {VE}. What is the "
        "time-weighted return for the whole period?",
        "TWR? start {V0}, value before the {flow1} {V1}, {flow1} {C1}, end {VE}",
        "Exam question: A portfolio is valued at {V0} at the beginning of the year. Immediately "
        "before a client {flow1} of {C1} it is valued at {V1}; at the end of the year it is "
        "worth {VE}. Calculate the time-weighted rate of return for the year.",
        "My brokerage account started at {V0}. It was at {V1} right before I made {a_flow1} of "
        "{C1}, and it ended at {VE}. What's my time-weighted return, so that the {flow1} "
        "doesn't distort it?",
        "Hi Chen, for the factsheet: the fund opened at {V0}, was worth {V1} just before the "
        "client's {flow1} of {C1}, and closed at {VE}. Chaining the two sub-period returns, "
        "what is the return for the period? Thanks, Ines",
        "| start value | value before flow | flow | end value |\n| {V0} | {V1} | {C1} "
        "({flow1}) | {VE} |\nTime-weighted return?",
        "- Beginning value: {V0}\n- Value just before the {flow1}: {V1}\n- {Flow1}: {C1}\n"
        "- Ending value: {VE}\nWhat is the time-weighted return?",
        "Please help, my account begin with {V0}, before I do {a_flow1} of {C1} it was {V1}, "
        "and in the end it is {VE}. What is the time-weighted return for all the period?",
        "ok so started {V0}, was {V1} right before {a_flow1} of {C1}, ended {VE}. whats the twr",
        "A portfolio starts the year at {V0}. It is worth {V1} just before {a_flow1} of {C1}, "
        "and {V2} just before {a_flow2} of {C2}; it ends the year at {VE}. What is the "
        "time-weighted return for the year?",
        "| start | before flow 1 | flow 1 | before flow 2 | flow 2 | end |\n| {V0} | {V1} | "
        "{C1} ({flow1}) | {V2} | {C2} ({flow2}) | {VE} |\nLink the sub-period returns: what is "
        "the time-weighted return?",
        "My grandmother's pension pot was worth {V0} in January. It was at {V1} when she "
        "made {a_flow1} of {C1} in April, and stood at {V2} just before {a_flow2} of {C2} in "
        "September. By December it was worth {VE}. The adviser's report shows a money-weighted "
        "figure, but I want the time-weighted return for the year. What is it?",
        "Compute the time-weighted return: beginning value {V0}; value immediately before the "
        "cash flow {V1}; cash flow {C1} ({flow1}); ending value {VE}.",
        "Performance question. Chain-link the returns of the periods before and after the "
        "{flow1}: opening value {V0}, value just before the {flow1} {V1}, amount {C1}, closing "
        "value {VE}. Whole-period return?",
        "We need the manager's return without the effect of the client's cash flow. Start "
        "value {V0}; just before the client's {flow1} of {C1} the portfolio stood at {V1}; end "
        "value {VE}. What is the time-weighted return?",
        "Question 3 (4 marks). An investor's account had a value of {V0} at the start. Just "
        "before {a_flow1} of {C1} it had a value of {V1}, and just before {a_flow2} of {C2} a "
        "value of {V2}. At the end it was worth {VE}. Calculate the time-weighted return over "
        "the whole period.",
        "twr check: {V0} start -> {V1} before {flow1} of {C1} -> {VE} end. chain the two "
        "sub-period returns, total %?",
        "Hello, our pension fund has {V0} at beginning. Then the value is {V1}, and right after "
        "that there is {a_flow1} of {C1}. At the end the value is {VE}. What is the "
        "time-weighted return, please?",
        "Three sub-periods, chained: the account opens at {V0}, is worth {V1} just before "
        "{a_flow1} of {C1}, is worth {V2} just before {a_flow2} of {C2}, and closes at {VE}. "
        "What is the time-weighted return for the whole period?",
        "Time-weighted return please. Portfolio value at start {V0}. Value immediately before "
        "the {flow1} {V1}. Amount of the {flow1} {C1}. Value at end {VE}.",
        "The fund was worth {V0} on 1 January and {V1} on 30 June, just before {a_flow1} of "
        "{C1} that day; on 31 December it was worth {VE}. What was the fund's time-weighted "
        "return for the year?",
        "What return did the portfolio earn, measured time-weighted so that the {flow1} of {C1} "
        "does not count as performance? It began at {V0}, was worth {V1} just before the "
        "{flow1}, and ended at {VE}.",
    ),
    ood_templates=(
        "Judge the manager, not the client's timing: holdings of {V0} were worth {V1} by the "
        "time {C1} was {moved1} the account, which finished at {VE}. Compounding the growth "
        "factors of the two intervals, what overall performance results, in %?",
        "Unitised performance: NAV {V0} at inception, {V1} on the eve of {a_flow1} amounting to "
        "{C1}, {VE} at the close. Geometric performance across both intervals, in percent?",
        "A mandate opened with {V0}. Ahead of {a_flow1} sized {C1} it was marked at {V1}; ahead "
        "of {a_flow2} sized {C2} it was marked at {V2}; it closed at {VE}. Multiplying the "
        "growth factors of the three intervals together, what is the overall performance?",
    ),
    parts=Parts(
        labels={
            "V0": (
                "starting value",
                "beginning value",
                "opening market value",
                "value at the start",
                "initial account value",
                "start-of-period value",
                "opening balance",
                "portfolio value at the start",
                "beginning market value",
                "opening valuation",
                "account value at the start of the period",
                "initial portfolio value",
            ),
            "B": (
                "value just before the cash flow",
                "account value right before the flow",
                "portfolio value immediately before the deposit or withdrawal",
                "valuation just before the cash flow",
                "pre-flow value",
                "market value just prior to the cash flow",
                "interim valuation (before the flow)",
                "valuation immediately prior to the flow",
                "value on the flow date (before the flow)",
                "intra-period valuation before the cash flow",
                "value at the end of the first sub-period",
                "market value before the client cash flow",
            ),
            "X": (
                "external cash flow",
                "cash flow",
                "client cash flow",
                "deposit or withdrawal",
                "contribution/withdrawal",
                "net external flow",
                "amount moved in or out",
                "client deposit or withdrawal",
                "investor cash flow",
                "flow into or out of the account",
                "contribution or redemption",
                "intra-period cash flow",
            ),
            "B1": (
                "value just before the first cash flow",
                "account value right before the first flow",
                "valuation before the first deposit or withdrawal",
                "pre-flow value (first flow)",
                "market value just prior to the first cash flow",
                "first interim valuation (before the flow)",
                "value on the first flow date (before the flow)",
                "valuation immediately prior to the first flow",
                "value at the end of the first sub-period",
                "market value before the first client cash flow",
                "account value before the first flow",
                "first pre-flow valuation",
            ),
            "X1": (
                "first external cash flow",
                "first cash flow",
                "first client cash flow",
                "first deposit or withdrawal",
                "flow no. 1",
                "first net external flow",
                "cash flow 1",
                "first client deposit or withdrawal",
                "first investor cash flow",
                "first flow into or out of the account",
                "first contribution or redemption",
                "first intra-period cash flow",
            ),
            "B2": (
                "value just before the second cash flow",
                "account value right before the second flow",
                "valuation before the second deposit or withdrawal",
                "pre-flow value (second flow)",
                "market value just prior to the second cash flow",
                "second interim valuation (before the flow)",
                "value on the second flow date (before the flow)",
                "valuation immediately prior to the second flow",
                "value at the end of the second sub-period",
                "market value before the second client cash flow",
                "account value before the second flow",
                "second pre-flow valuation",
            ),
            "X2": (
                "second external cash flow",
                "second cash flow",
                "second client cash flow",
                "second deposit or withdrawal",
                "flow no. 2",
                "second net external flow",
                "cash flow 2",
                "second client deposit or withdrawal",
                "second investor cash flow",
                "second flow into or out of the account",
                "second contribution or redemption",
                "second intra-period cash flow",
            ),
            "VE": (
                "ending value",
                "end-of-period value",
                "closing market value",
                "value at the end",
                "final account value",
                "closing balance",
                "portfolio value at the end",
                "end value",
                "ending market value",
                "final valuation",
                "account value at the end of the period",
                "final portfolio value",
            ),
        },
        asks=(
            "What is the time-weighted return for the whole period?",
            "what's the TWR?",
            "Chain the sub-period returns: what is the return for the whole period?",
            "What is the time-weighted rate of return?",
            "What return did the manager earn, time-weighted so the cash flows don't count?",
            "Compute the time-weighted return.",
            "Link the sub-period returns: what is the total return?",
            "What is the whole-period return from chaining the returns before and after each flow?",
            "What is the TWRR for the period?",
            "How did the portfolio perform on a time-weighted basis?",
            "What is the TWR, removing the effect of any deposits or withdrawals?",
            "What is the GIPS-style time-weighted return for the period?",
            "Compute the chain-linked return for the period, so the cash flows do not count as "
            "performance.",
            "What is the manager's return, time-weighted to strip out the client's cash flows?",
            "Chain-link the sub-period returns and give the cumulative return.",
            "twr for the whole period?",
            "How did the account do, time-weighted, with any deposits or withdrawals taken out of "
            "the picture?",
            "Calculate the time-weighted rate of return by linking the holding-period returns of "
            "each sub-period.",
            "To compare the manager with the benchmark, what is the time-weighted return for the "
            "period?",
            "What is the true investment return on a TWR basis, ignoring when money was added or "
            "withdrawn?",
            "Give the cumulative time-weighted return (not annualised) for the period.",
            "What is the linked sub-period return for the whole period, independent of the cash "
            "flows?",
        ),
        ood_labels={
            "V0": ("mark at the opening of measurement",),
            "B": ("mark on the eve of the external movement",),
            "X": ("size of the external movement",),
            "B1": ("mark on the eve of the earlier movement",),
            "X1": ("size of the earlier movement",),
            "B2": ("mark on the eve of the later movement",),
            "X2": ("size of the later movement",),
            "VE": ("mark at the close of measurement",),
        },
        ood_asks=(
            "Compound the growth factor of each interval between movements into one performance "
            "figure.",
            "Multiplying each interval's growth factor, what overall performance does the "
            "mandate show?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    TRADE_CREDIT_COST,
    ACCRUED_INTEREST,
    TBILL_YIELD,
    TIME_WEIGHTED_RETURN,
)
