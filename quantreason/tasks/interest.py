"""Simple interest and zero-coupon yields: the interest a sum earns at a simple rate, the
amount due at maturity with simple interest, and the annually compounded yield of a
zero-coupon bond from its price.

Savers with term deposits, borrowers on short loans, treasury staff and finance students ask
the first two ("$8,000 at 4.5 % simple interest for 18 months: how much interest?", "what do I
repay on $5,000 borrowed for 90 days at 7 % simple?"). Every question says "simple": interest
is not added to the principal, unlike ``compounding``. Terms come in years, months or days, and
a term in days states its year (365 days, or 360 on an actual/360 basis). Bond investors ask
the third ("a 10-year zero costs $614 per $1,000 face: what does it yield?"), the inverse of
``zero_coupon_price``; every question says the yield is annually compounded.

Solvers are written independently of the formula text: interest per year times the years for
simple interest, a bisection on the growth factor for the yield.
"""

from __future__ import annotations

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
)
from quantreason.tasks.periods import in_years, years_formula

# --- simple_interest, simple_interest_maturity ----------------------------------------------------

_PRINCIPAL = money((100, 500_000), ((1e6, 1e9), (5, 90)))
_SIMPLE_RATE = pct((0.5, 12), ((13, 30),), ood_decimals=2)
# Out of range, terms only in years, and long ones; in range a third each in years, months and
# days (a term in days states its year: 365, or 360 on an actual/360 basis).
_YEARS = plain((0.5, 10), ((12, 40),), decimals=1)
_DAY_BASES = (365.0, 360.0)


def _simple_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Principal, rate, and the term: ``t`` years, ``m`` months, or ``d`` days with ``yb``
    (365 or 360), the year the days are counted in."""
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and not ood and rng.random() < ROUND_QUESTION_SHARE
    nums = {
        "P": _PRINCIPAL.draw(rng, ood, band, scaled=scaled, round_figures=round_figures),
        "r": _SIMPLE_RATE.draw(rng, ood, band, round_figures=round_figures),
    }
    unit = "t" if ood else rng.choice("tmd")
    if unit == "m":
        return nums | {"m": Num(float(rng.choice((rng.randint(1, 60), 3, 6, 9, 18))), 0, "plain")}
    if unit == "d":
        days = float(rng.choice((rng.randint(10, 365), 30, 60, 90, 180)))
        return nums | {"d": Num(days, 0, "plain"), "yb": Num(rng.choice(_DAY_BASES), 0, "plain")}
    years = _YEARS.draw(rng, ood)
    if years.value.is_integer() or rng.random() < 0.6:  # whole years, as most terms are
        years = Num(float(max(round(years.value), 1)), 0, "plain")
    return nums | {"t": years}


def _simple_interest(v: Mapping[str, float]) -> float:
    # A year's interest on the principal, for as many years (or parts of one) as the term.
    interest_per_year = v["P"] * v["r"] / 100
    return interest_per_year * in_years(v, "t")


def _interest_worth_stating(v: Mapping[str, float]) -> bool:
    # At least one unit of currency of interest: a question about a fraction of a cent (100
    # at 0.5 % for ten days) is not one people ask.
    return _simple_interest(v) >= 1


def _simple_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, and ``{term}``: the term with its unit ("3 years", "18 months", "90
    days (365-day year)", "90 days on an actual/360 basis"); a composed question shows the
    term under its own unit's labels (``t``, ``m``, ``d``)."""
    texts = number_texts(rng, {k: n for k, n in nums.items() if k in ("P", "r")})
    if "m" in nums:
        months = nums["m"].shown
        texts["term"] = texts["m"] = "1 month" if months == "1" else f"{months} months"
    elif "d" in nums:
        days = nums["d"].shown
        basis = (
            rng.choice(("(365-day year)", "on a 365-day year", "(actual/365)"))
            if nums["yb"].value == 365
            else rng.choice(("on an actual/360 basis", "(360-day year)", "(actual/360)"))
        )
        texts["term"] = texts["d"] = f"{days} days {basis}"
    else:
        years = nums["t"].shown
        texts["term"] = texts["t"] = "1 year" if years == "1" else f"{years} years"
    return texts


def _simple_templates(ask: str, verb: str) -> tuple[str, ...]:
    """Training templates asking ``ask`` ("how much interest is earned", ...) with ``verb``
    phrases; the interest and the maturity families share their situations."""
    return tuple(
        template.format(ask=ask, verb=verb)
        for template in (
            "{{P}} is deposited at a simple interest rate of {{r}} a year for {{term}}. {ask}?",
            "Principal {{P}}, simple interest {{r}} p.a., term {{term}}. {ask}?",
            "Exam question: A sum of {{P}} is invested for {{term}} at {{r}} per annum simple "
            "interest. Calculate {verb}.",
            "Hi Dev, the client's term deposit is {{P}} at {{r}} simple interest, for {{term}}. "
            "Could you work out {verb}? Thanks",
            "simple int: {{P}} @ {{r}} for {{term}} - {verb}?",
            "| principal | simple rate (annual) | term |\n| {{P}} | {{r}} | {{term}} |\n{ask}?",
            "- Principal: {{P}}\n- Annual rate (simple interest): {{r}}\n- Term: {{term}}\n{ask}?",
            "Please, I put {{P}} in a deposit with {{r}} simple interest each year, for "
            "{{term}}. {ask}?",
            "I lent my cousin {{P}} for {{term}} and we agreed on {{r}} a year, simple interest "
            "(no compounding). {ask}?",
            "A short-term loan of {{P}} runs for {{term}} at a simple annual rate of {{r}}. {ask}?",
            "With simple interest at {{r}} per year on {{P}} over {{term}}: {ask}?",
        )
    )


def _ood_simple_templates(ask: str) -> tuple[str, ...]:
    return tuple(
        template.format(ask=ask)
        for template in (
            "Non-compounding arrangement: {{P}} placed for {{term}}, {{r}} yearly on the "
            "original sum only. {ask}?",
            "Funds of {{P}} accrue {{r}} per annum, simple basis, across {{term}}. {ask}?",
            "Over {{term}}, a simple-rate facility of {{P}} bears {{r}} yearly. {ask}?",
        )
    )


# The term's labels, whatever its unit: its text carries the unit ("18 months").
_TERM_LABELS = (
    "term",
    "time",
    "duration",
    "period",
    "term of the deposit",
    "length of the loan",
    "time invested",
    "tenor",
    "loan term",
    "deposit term",
    "length of time",
    "time to maturity",
)


def _simple_parts(asks: tuple[str, ...], ood_asks: tuple[str, ...]) -> Parts:
    return Parts(
        labels={
            "P": (
                "principal",
                "amount deposited",
                "sum invested",
                "loan amount",
                "amount borrowed",
                "deposit",
                "initial amount",
                "capital",
                "principal amount",
                "loan principal",
                "starting balance",
                "deposit amount",
                "sum borrowed",
            ),
            "r": (
                "simple interest rate (annual)",
                "annual simple rate",
                "simple interest per year",
                "rate (simple, per annum)",
                "simple annual interest rate",
                "yearly rate (simple interest)",
                "simple rate p.a.",
                "interest rate (simple, yearly)",
                "simple interest rate per annum",
                "rate of simple interest",
                "simple rate per year",
                "flat rate (simple interest)",
            ),
            "t": _TERM_LABELS,
            "m": _TERM_LABELS,
            "d": _TERM_LABELS,
        },
        asks=asks,
        ood_labels={
            "P": ("original sum", "funds placed"),
            "r": ("yearly non-compounding rate", "per-annum simple accrual rate"),
        },
        ood_asks=ood_asks,
    )


_INTEREST_ASK = "How much simple interest is earned"
_INTEREST_TEMPLATES = _simple_templates(_INTEREST_ASK, "the simple interest earned")

SIMPLE_INTEREST = Family(
    name="simple_interest",
    unit="currency",
    reasoning="Simple interest = principal * annual rate * time in years.",
    params={"P": _PRINCIPAL, "r": _SIMPLE_RATE, "t": _YEARS},
    sample=_simple_sample,
    valid=_interest_worth_stating,
    render=_simple_texts,
    formula=lambda f: f"{f['P']}*{f['r']}/100*{years_formula(f, 't')}",
    solve=_simple_interest,
    convention="currency: the interest alone (not the total), simple (not compounded), the "
    "term in years (months / 12, days / 365 or / 360 as stated)",
    templates=_INTEREST_TEMPLATES,
    ood_templates=_ood_simple_templates("What interest accrues, excluding the principal"),
    parts=_simple_parts(
        (
            "How much simple interest is earned?",
            "What is the simple interest?",
            "Compute the simple interest.",
            "How much interest does it earn (simple interest)?",
            "Simple interest earned?",
            "What is the interest alone, at simple interest?",
            "Work out the simple interest on the principal.",
            "What interest is paid, with simple interest?",
            "How much interest does the principal earn at simple interest, not counting the "
            "principal itself?",
            "What is the interest charge on the loan at simple interest?",
            "Use I = Prt: what is the interest?",
            "How much do I earn in interest with no compounding?",
            "How much simple interest is that in money terms?",
            "Interest on the sum at a simple rate?",
            "What does the loan cost in simple interest?",
            "What interest income does the deposit generate, simple interest?",
            "How much simple interest must the borrower pay?",
            "What is the total interest (without the principal) at simple interest?",
            "simple int?",
            "Compute principal times rate times time.",
            "How much will I get on top of my money, simple interest?",
        ),
        ("What interest accrues, excluding the original sum?", "Accrued interest alone?"),
    ),
)

_MATURITY_TEMPLATES = _simple_templates(
    "What is the total amount at maturity (principal plus simple interest)",
    "the maturity value (principal plus simple interest)",
)

SIMPLE_INTEREST_MATURITY = Family(
    name="simple_interest_maturity",
    unit="currency",
    reasoning="Maturity value = principal * (1 + annual rate * time in years), simple interest.",
    params={"P": _PRINCIPAL, "r": _SIMPLE_RATE, "t": _YEARS},
    sample=_simple_sample,
    valid=_interest_worth_stating,
    render=_simple_texts,
    formula=lambda f: f"{f['P']}*(1+{f['r']}/100*{years_formula(f, 't')})",
    solve=lambda v: v["P"] + _simple_interest(v),
    convention="currency: principal plus simple interest at maturity, the term in years "
    "(months / 12, days / 365 or / 360 as stated)",
    templates=_MATURITY_TEMPLATES,
    ood_templates=_ood_simple_templates("What sum is due at the end, original sum included"),
    parts=_simple_parts(
        (
            "What is the total amount at maturity, with simple interest?",
            "How much is repaid at maturity (principal plus simple interest)?",
            "Compute the maturity value with simple interest.",
            "What is the balance at the end of the term, simple interest?",
            "Maturity value (simple interest)?",
            "What total is received at maturity, principal and simple interest together?",
            "Work out the amount due at maturity with simple interest.",
            "What does the deposit pay back at the end, with simple interest?",
            "How much is in the account at the end, with simple interest?",
            "What is the future value under simple interest?",
            "What is the accumulated value with simple interest?",
            "What is the payoff amount of the loan at maturity, simple interest?",
            "How much do I get back in total, capital plus simple interest?",
            "What will the borrower repay in total at the end, simple interest?",
            "Compute the simple-interest future value.",
            "Total repayment (simple interest)?",
            "What sum does the lender receive at the end of the term, principal and simple "
            "interest?",
            "How much is the deposit worth when it matures, with simple interest?",
            "Principal plus interest at a simple rate: what is the total?",
            "What is the end balance with non-compounded interest?",
            "How much does the investment grow to with simple interest?",
        ),
        ("What sum is due at the end, original sum included?", "Closing sum owed?"),
    ),
)

# --- zero_coupon_yield ----------------------------------------------------------------------------

_FACES = (100.0, 1000.0, 1000.0, 1000.0, 5000.0, 10000.0, 25000.0)
_OOD_FACES = (50.0, 250000.0, 1000000.0)
_ZERO_YEARS = plain((2, 30), ((35, 50), (0.1, 0.9)), ood_decimals=2)
_ZERO_YIELD = (0.5, 8.0)
_OOD_ZERO_YIELD = (9.0, 20.0)


def _zero_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Face ``F``, years ``n`` (half-years allowed in range) and the price ``P`` a drawn
    annually compounded yield gives, to the cent."""
    face = rng.choice(_OOD_FACES if ood else _FACES)
    years = _ZERO_YEARS.draw(rng, ood, rng.randrange(2))
    if not ood and rng.random() < 0.2:
        years = Num(round(years.value) + 0.5, 1, "plain")
    rate = rng.uniform(*(_OOD_ZERO_YIELD if ood else _ZERO_YIELD)) / 100
    price = round(face / (1 + rate) ** years.value, 2)
    return {"F": Num(face, 0, "money"), "n": years, "P": Num(price, 2, "money")}


def _zero_yield(v: Mapping[str, float]) -> float:
    # Bisection on the yearly growth factor that turns the price into the face in n years.
    low, high = 1.0 - 0.99, 3.0
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if v["P"] * middle ** v["n"] < v["F"] else (low, middle)
    return ((low + high) / 2 - 1) * 100


ZERO_COUPON_YIELD = Family(
    name="zero_coupon_yield",
    unit="percent",
    reasoning="Zero-coupon yield = (face / price)^(1 / years) - 1, annually compounded.",
    params={"n": _ZERO_YEARS},
    sample=_zero_sample,
    valid=lambda v: v["P"] < v["F"],
    formula=lambda f: f"(({f['F']}/{f['P']})**(1/{f['n']})-1)*100",
    solve=_zero_yield,
    convention="percent a year, annually compounded; the price and the face of one bond",
    templates=(
        "A zero-coupon bond with a face value of {F} matures in {n} years and costs {P} today. "
        "What is its annually compounded yield?",
        "Zero-coupon bond: price {P}, face {F}, {n} years to maturity. Yield (annual compounding)?",
        "What annual yield, compounded annually, does a zero-coupon bond priced at {P} earn if "
        "it pays {F} in {n} years?",
        "Exam question: A zero-coupon bond with a par value of {F} and {n} years to maturity "
        "is selling for {P}. Calculate its yield to maturity, assuming annual compounding.",
        "Hi Ali, we can buy a zero maturing in {n} years at {P} per {F} of face. What's the yield, "
        "annually compounded? Thanks",
        "zero px {P}, face {F}, {n}y. ytm (annual comp)?",
        "| price | face | years | compounding |\n| {P} | {F} | {n} | annual |\nYield of the "
        "zero-coupon bond?",
        "- Price: {P}\n- Face value: {F}\n- Years to maturity: {n}\n- Compounding: annual\n"
        "Yield of the zero?",
        "Please, a zero coupon bond cost {P}, it pay {F} after {n} years. Which is the yield "
        "per year with annual compounding?",
        "I can buy a savings bond for {P} today that pays {F} in {n} years and nothing before. "
        "What annual return is that, compounded annually?",
        "Find the annually compounded yield to maturity of a discount bond: {P} now, {F} at "
        "maturity in {n} years, no coupons.",
    ),
    ood_templates=(
        "Paying {P} now for a single {F} receipt {n} years hence: implied yearly rate, "
        "compounded once a year?",
        "A pure discount instrument redeems at {F} after {n} years and changes hands at {P}. "
        "Annual-compounding return to redemption?",
        "Strip bought at {P}, redeemable {F}, tenor {n} years: the annually compounded yield?",
    ),
    parts=Parts(
        labels={
            "P": (
                "price",
                "bond price",
                "price today",
                "purchase price",
                "market price of the zero",
                "cost now",
                "current price",
                "price paid",
                "price of the zero",
                "market price",
                "amount invested today",
                "ask price",
            ),
            "F": (
                "face value",
                "par value",
                "amount paid at maturity",
                "face",
                "principal repaid at maturity",
                "redemption value",
                "par",
                "maturity value",
                "face amount",
                "nominal value",
                "payoff at maturity",
                "amount received at maturity",
            ),
            "n": (
                "years to maturity",
                "time to maturity (years)",
                "maturity in years",
                "years until it matures",
                "term (years)",
                "n (years)",
                "years left",
                "remaining life (years)",
                "number of years to maturity",
                "years remaining",
                "life of the bond (years)",
                "years to redemption",
            ),
        },
        asks=(
            "What is the zero-coupon bond's annually compounded yield?",
            "What yield to maturity does the zero earn, compounded annually?",
            "Compute the annual yield of the zero-coupon bond (annual compounding).",
            "Yield of the zero, annually compounded?",
            "What is its yield per year with annual compounding?",
            "Work out the zero-coupon yield, compounded annually.",
            "What annually compounded return does buying the zero give?",
            "At what annually compounded rate does the price grow to the face?",
            "What is the zero's YTM with annual compounding?",
            "What annual-compounding yield to maturity does the discount bond offer?",
            "What spot rate, compounded annually, does the zero's price give?",
            "Back out the annually compounded yield from the zero's price.",
            "What annual rate of return does the zero earn if held to maturity, compounded "
            "annually?",
            "Solve for the annual discount rate that prices the zero, compounding annually.",
            "What is the zero-coupon rate (annual compounding) for that maturity?",
            "Take the nth root of face over price, minus one: what annual yield is that?",
            "zero yield, annual basis?",
            "What annual yield do I lock in by buying the zero and holding it to maturity?",
            "What is the annualised yield on this discount bond, assuming annual compounding?",
            "What effective annual yield does the zero-coupon bond provide?",
            "Which annual rate, compounded each year, discounts the face value to the price?",
        ),
        ood_labels={
            "P": ("amount changing hands now", "dealing price"),
            "F": ("single receipt at the end", "redemption sum"),
        },
        ood_asks=(
            "Implied yearly rate, compounded once a year?",
            "Annual-compounding return to redemption?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (SIMPLE_INTEREST, SIMPLE_INTEREST_MATURITY, ZERO_COUPON_YIELD)
