"""Rental property arithmetic: a value from a cap rate, a cash-on-cash return, a debt service
coverage ratio, and the months that mortgage discount points take to pay for themselves.

``cap_rate_value`` values a property by direct capitalisation: its yearly net operating income
(NOI) over the capitalisation rate, ``350000/(6.5/100)``. Some questions give the NOI; others
give what it is built from: the yearly gross rent (``(480000*(1-5/100)-150000)/(6.5/100)``) or
a monthly rent per unit times the units (``(1850*24*12*(1-5/100)-210000)/(6.5/100)``), less a
vacancy allowance in percent of the gross rent, less the yearly operating expenses (which never
include debt service). Some questions also show the mortgage rate the buyer could get or the
seller's asking price; neither enters the value.

``cash_on_cash`` is a rental's yearly pre-tax cash flow over the total cash invested (the down
payment, the closing costs and, in some questions, the repairs paid in cash), in percent. The
cash flow is given for the year (``8400/(60000+4500)*100``), built from monthly rent, monthly
operating expenses and the monthly mortgage payment (``(2400-650-1150)*12/(60000+4500)*100``),
or from the yearly NOI less twelve monthly mortgage payments
(``(24000-1150*12)/(60000+4500+8000)*100``). The mortgage payment is always stated: no question
asks for a payment to be computed. Some questions show the purchase price (the down payment is
part of it, the loan the rest), which is no cash invested.

``dscr`` is the debt service coverage ratio: the yearly NOI over the year's debt service. The
debt service is given for the year (``540000/per_year(432000,"year")``), as a monthly payment
(``540000/per_year(36000,"month")``), or as the loan's terms, repaid monthly at the annual rate
over 12: ``540000/per_year(pmt(6.5/100/12, periods(25,"years",12), 5200000),"month")``
(:func:`quantreason.formula.per_year` names the period instead of a choice to multiply by 12).
Some questions show the property's appraised value or the minimum ratio the lender requires;
neither enters the ratio.

``points_breakeven_months`` is the months that the monthly saving from buying discount points
takes to repay their cost; a point is 1 % of the loan, so 2 points on 350,000 cost
``2/100*350000``. The saving is the gap between the two monthly payments, given
(``2/100*350000/(2212.50-2140.70)``) or from the two rates and the loan's term
(``2/100*350000/(pmt(7/100/12, 30*12, 350000)-pmt(6.5/100/12, 30*12, 350000))``). Every
question says how to report it: the exact quotient in fractional months, or (a third of them)
whole months rounded up, ``ceil(...)`` of the same quotient. Some questions show the home's price
or how many years the buyer expects to keep the loan; neither enters the count.

Solvers are written independently of the formula text: rents collected month by month and unit
by unit, the cash flow summed over twelve months, the debt service read off a simulated
amortisation schedule, and the points' cost recovered month by month.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Param,
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
)
from quantreason.tasks.term_counts import years_term


def _amount(rng: random.Random, raw: float, like: Num, figures: int | None = None) -> Num:
    """An amount from the same accounts as ``like``: scaled where ``like`` is, with the scale
    that keeps one to three whole digits ("$5.4M" beside "$350k"), else in full; to two to
    four significant figures (``figures`` where given)."""
    figures = figures or rng.choice((2, 3, 3, 4))
    if like.scale != 1 and raw >= 1e4:
        scale = 1e9 if raw >= 1e9 else 1e6 if raw >= 1e6 else 1e3
        shown = significant(raw / scale, min(figures, 3))
        decimals = max(0, min(figures, 3) - 1 - math.floor(math.log10(shown)))
        while decimals > 0 and round(shown, decimals - 1) == round(shown, decimals):
            decimals -= 1
        return Num(round(shown, decimals) * scale, decimals, "money", scale)
    return Num(significant(raw, figures, whole=True), 0, "money")


def _cents(rng: random.Random, raw: float) -> Num:
    """A monthly payment as statements show it: to the cent, or (in some questions) whole."""
    if rng.random() < 0.5:
        return Num(round(raw, 2), 2, "money")
    return Num(float(round(raw)), 0, "money")


def _eighths(rate: float) -> Num:
    """A mortgage rate as lenders quote it, to an eighth of a point (6.125 %, 6.5 %)."""
    value = round(rate * 8) / 8
    return Num(value, len(f"{value:g}".partition(".")[2]), "pct")


def _lines(items: list[tuple[str, str]]) -> str:
    return "\n".join(f"- {name}: {value}" for name, value in items)


def _table(items: list[tuple[str, str]], rng: random.Random) -> str:
    if rng.random() < 0.5:
        header = "| " + " | ".join(name for name, _ in items) + " |"
        rule = "|" + "|".join("---" for _ in items) + "|"
        row = "| " + " | ".join(value for _, value in items) + " |"
        return f"{header}\n{rule}\n{row}"
    rows = "\n".join(f"| {sentence_case(name)} | {value} |" for name, value in items)
    return f"| Item | Amount |\n|---|---|\n{rows}"


def _schedule_payment(loan: float, annual_rate: float, years: float) -> float:
    """The level monthly payment that leaves nothing owed after ``years * 12`` months, read off
    a simulated schedule: the balance left is linear in the payment, so the loan grown with
    nothing paid, over what one unit a month would have repaid by then, is the payment."""
    growth = 1 + annual_rate / 100 / 12
    untouched, per_unit = loan, 0.0
    for _ in range(round(years * 12)):
        untouched *= growth
        per_unit = per_unit * growth + 1
    return untouched / per_unit


# Loan words shared by the families: the mortgage rate, the term, the monthly payment.
_LOAN_RATE_LABELS = (
    "interest rate",
    "mortgage rate",
    "annual interest rate",
    "loan rate",
    "note rate",
    "annual rate on the loan",
    "interest rate per year",
    "nominal annual rate",
    "yearly mortgage rate",
    "rate on the mortgage",
    "quoted annual rate",
    "annual percentage rate on the loan",
)
_TERM_LABELS = (
    "amortisation period in years",
    "loan term in years",
    "term in years",
    "amortization in years",
    "number of years to repay",
    "repayment period in years",
    "mortgage term in years",
    "length of the loan in years",
    "amortisation term in years",
    "payoff period in years",
    "loan life in years",
    "duration of the loan in years",
)
_MONTHLY_PAYMENT_LABELS = (
    "monthly mortgage payment",
    "mortgage payment per month",
    "monthly loan payment",
    "monthly debt payment",
    "monthly principal and interest payment",
    "loan repayment each month",
    "monthly repayment on the mortgage",
    "monthly P&I",
    "mortgage instalment per month",
    "monthly payment on the loan",
    "monthly debt service",
    "payment to the lender each month",
)
_NOI_LABELS = (
    "net operating income",
    "annual net operating income",
    "yearly net operating income",
    "net operating income per year",
    "annual NOI",
    "yearly NOI",
    "stabilised net operating income",
    "first-year net operating income",
    "projected annual net operating income",
    "net operating income for the year",
    "annual net operating income before debt service",
    "property's yearly net operating income",
)


# --- cap_rate_value ---------------------------------------------------------------------------

# The NOI given (``N``), or built from the yearly gross rent (``G``) or a monthly rent per unit
# (``R``) times the units (``u``), less a vacancy allowance (``v``) and the yearly operating
# expenses (``E``, drawn as a share of the rent collected); ``c`` the cap rate. Out of range,
# trophy towers at low cap rates or small buildings at high ones.
_CAP_PARAMS: dict[str, Param] = {
    "N": money((40_000, 6_000_000), ((8_000_000, 150_000_000), (2_000, 25_000))),
    "G": money((40_000, 9_000_000), ((12_000_000, 200_000_000), (3_000, 35_000))),
    "R": money((650, 4_500), ((6_000, 40_000), (90, 450))),
    "u": plain((2, 150), ((200, 2_500),)),
    "v": pct((2, 12), ((15, 35), (0.2, 1.5)), ood_decimals=2),
    "c": pct((3.5, 10), ((11, 18), (1, 3)), decimals=2, ood_decimals=2),
}
DIRECT, YEARLY, MONTHLY = "direct", "yearly", "monthly"
_CAP_WEIGHTS = ((DIRECT, 0.4), (YEARLY, 0.3), (MONTHLY, 0.3))
_CAP_SIDE_RATE = pct((4, 8.5), (), decimals=2)
_CAP_ASIDES = {
    "i": (
        "The buyer has been quoted a mortgage rate of {i}, though financing does not enter the "
        "valuation.",
        "(Bank financing is available at {i}.)",
        "For context, commercial mortgages are running at about {i} right now.",
        "The lender is offering {i} on an acquisition loan.",
        "Borrowed money currently costs the purchaser {i} per annum.",
    ),
    "P": (
        "The seller is asking {P}.",
        "The listing price is {P}.",
        "It is on the market for {P}.",
        "The broker's asking price is {P}.",
        "The vendor seeks {P} for it.",
    ),
}


def _cap_variant(nums: Values | Mapping[str, object]) -> str:
    if "N" in nums:
        return DIRECT
    return YEARLY if "G" in nums else MONTHLY


def _cap_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A variant by weight, its figures in one band and style; operating expenses 25 to 50 % of
    the rent collected; side figures in SIDE_FIGURE_SHARE of draws."""
    drawn = draw_params(_CAP_PARAMS, rng, ood)
    variants, weights = zip(*_CAP_WEIGHTS, strict=True)
    variant = rng.choices(variants, weights)[0]
    keep = {DIRECT: ("N", "c"), YEARLY: ("G", "v", "c"), MONTHLY: ("R", "u", "v", "c")}[variant]
    nums = {key: drawn[key] for key in keep}
    if variant != DIRECT:
        gross = nums["G"].value if variant == YEARLY else nums["R"].value * nums["u"].value * 12
        collected = gross * (1 - nums["v"].value / 100)
        like = nums["G"] if variant == YEARLY else Num(gross, 0, "money")
        nums["E"] = _amount(rng, collected * rng.uniform(0.25, 0.5), like)
    if rng.random() < SIDE_FIGURE_SHARE:
        which = rng.random()
        if which < 0.6:
            value = _noi(_values(nums)) / (nums["c"].value / 100)
            like = nums["N"] if "N" in nums else nums.get("G", nums.get("E"))
            nums["P"] = _amount(rng, value * rng.uniform(0.85, 1.25), like, rng.choice((2, 3)))
        if which >= 0.4:
            nums["i"] = _CAP_SIDE_RATE.draw(rng, False)
    return nums


def _values(nums: Values) -> dict[str, float]:
    return {key: num.value for key, num in nums.items()}


def _noi(v: Mapping[str, float]) -> float:
    """The year's rent collected, month by month (and unit by unit), less the expenses."""
    if "N" in v:
        return v["N"]
    occupied = 1 - v["v"] / 100
    collected = 0.0
    for _ in range(12):
        if "G" in v:
            collected += v["G"] / 12 * occupied
        else:
            collected += math.fsum(v["R"] * occupied for _ in range(round(v["u"])))
    return collected - v["E"]


def _cap_value(v: Mapping[str, float]) -> float:
    # the price at which the NOI earns the cap rate: each 1 % of cap rate is NOI / 100 of value
    return _noi(v) * 100 / v["c"]


def _cap_valid(v: Mapping[str, float]) -> bool:
    return _noi(v) > 0 and _cap_value(v) <= 5e9


def _cap_formula(f: Mapping[str, str]) -> str:
    rate = f"({f['c']}/100)"
    if "N" in f:
        return f"{f['N']}/{rate}"
    gross = f["G"] if "G" in f else f"{f['R']}*{f['u']}*12"
    return f"({gross}*(1-{f['v']}/100)-{f['E']})/{rate}"


_YEARLY_WORDS = ("a year", "per year", "annually")


def _cap_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{facts}``: the income figures as a phrase after "has" or "with";
    ``{facts_list}``, ``{facts_table}``: one line or row each; ``{facts_note}``: shorthand."""
    texts = number_texts(rng, nums)
    variant = _cap_variant(nums)
    year = rng.choice(_YEARLY_WORDS)
    opex = rng.choice(
        (
            f"operating expenses of {texts.get('E')} {year} (excluding debt service)",
            f"operating expenses, not counting the mortgage, of {texts.get('E')} {year}",
            f"yearly operating expenses of {texts.get('E')}, before any debt service",
        )
    )
    if variant == DIRECT:
        texts["facts"] = rng.choice(
            (
                f"net operating income of {texts['N']} {year}",
                f"an NOI of {texts['N']} {year}",
                f"a yearly net operating income of {texts['N']}",
            )
        )
        items = [("Net operating income (yearly)", texts["N"])]
        texts["facts_note"] = f"NOI {texts['N']}/yr"
    elif variant == YEARLY:
        gross = rng.choice(
            (
                f"gross rents of {texts['G']} {year}",
                f"gross rental income of {texts['G']} {year}",
                f"a gross potential rent of {texts['G']} {year}",
            )
        )
        texts["facts"] = f"{gross}, a vacancy allowance of {texts['v']} and {opex}"
        items = [
            ("Gross rent (yearly)", texts["G"]),
            ("Vacancy allowance", texts["v"]),
            ("Operating expenses (yearly, excl. debt service)", texts["E"]),
        ]
        texts["facts_note"] = f"GPR {texts['G']}/yr, vac {texts['v']}, opex {texts['E']}/yr"
    else:
        units = rng.choice(
            (
                f"{texts['u']} units renting for {texts['R']} a month each",
                f"{texts['u']} apartments let at {texts['R']} per month apiece",
                f"{texts['u']} units with an average rent of {texts['R']} per unit per month",
            )
        )
        texts["facts"] = f"{units}, a vacancy allowance of {texts['v']} and {opex}"
        items = [
            ("Units", texts["u"]),
            ("Rent per unit (monthly)", texts["R"]),
            ("Vacancy allowance", texts["v"]),
            ("Operating expenses (yearly, excl. debt service)", texts["E"]),
        ]
        texts["facts_note"] = (
            f"{texts['u']} units @ {texts['R']}/mo, vac {texts['v']}, opex {texts['E']}/yr"
        )
    texts["facts_list"] = _lines(items)
    texts["facts_table"] = _table(items, rng)
    texts["c_word"] = rng.choice(("cap rate", "capitalisation rate", "capitalization rate"))
    return texts


CAP_RATE_VALUE = Family(
    name="cap_rate_value",
    unit="currency",
    reasoning="Property value = net operating income / cap rate, where NOI = gross rent * (1 - "
    "vacancy) - operating expenses when it is not given.",
    params=_CAP_PARAMS,
    sample=_cap_sample,
    render=_cap_texts,
    aside=side_sentences(_CAP_ASIDES),
    valid=_cap_valid,
    formula=_cap_formula,
    solve=_cap_value,
    uses=frozenset({"costs"}),
    convention="currency: the value by direct capitalisation, the yearly net operating income "
    "divided by the cap rate; where the NOI is not given it is the yearly gross rent (monthly "
    "rent per unit * units * 12) less the vacancy allowance in percent of it, less the yearly "
    "operating expenses, which exclude debt service; a financing rate or asking price shown "
    "is not used",
    templates=(
        "A small apartment building has {facts}. Comparable buildings trade at a cap rate of "
        "{c}. What is the property worth?",
        "What is the value of a property with {facts}, at a capitalization rate of {c}?",
        "Exam question: An investor is appraising a rental property with {facts}. The market "
        "capitalisation rate for similar properties is {c}. Using direct capitalisation, "
        "calculate the value of the property.",
        "Hi Dan, I'm looking at a fourplex listing. It has {facts}. Cap rates in that "
        "neighbourhood are around {c}. What's the building worth on those numbers? Thanks, Mel",
        "whats a building worth if it has {facts}? cap rate {c}",
        "{facts_table}\n\nCap rate: {c}. What value does direct capitalisation give?",
        "Property:\n{facts_list}\n- Cap rate: {c}\nWhat is the property's value?",
        "Please help me. I want to buy a building with {facts}. The cap rate here is {c}. How "
        "much the building is worth?",
        "My cousin, who restores vintage guitars on weekends, wants to buy a rental with "
        "{facts}. Using a cap rate of {c}, what should the property be valued at?",
        "Underwriting note: {facts_note}; market cap rate {c}. Value = ?",
        "At a cap rate of {c}, how much is a property worth that has {facts}?",
        "Question 6. A commercial property has {facts}. If investors require a capitalisation "
        "rate of {c}, what is the property's market value?",
        "Dear Ms Patel, we are reviewing a multifamily asset with {facts}. Applying a {c_word} "
        "of {c}, what value should the appraisal show? Kind regards, Tom",
        "ok so the place has {facts}. cap rate {c}. what's it worth??",
        "Sorry for my English. The building have {facts}. Cap rate is {c}. What is the value "
        "of building?",
        "Cap rate valuation: {c} cap, {facts_note}. Value?",
        "I'm underwriting a duplex with {facts}. At a {c_word} of {c}, what is it worth?",
        "Income approach: the property has {facts}, and the appropriate capitalization rate is "
        "{c}. Estimate the value.",
        "We manage a strip mall with {facts}. The owner wants to know its value at a cap rate "
        "of {c}. How much is that?",
        "Appraisal worksheet:\n{facts_table}\n\nApply a cap rate of {c}. Indicated value?",
        "How much should I pay for a rental with {facts} if I want a cap rate of {c}?",
        "Using a capitalisation rate of {c}, what is the value of an office building with {facts}?",
    ),
    ood_templates=(
        "The holding yields buyers {c} on its earnings. It carries {facts}. What sum changes "
        "hands for it?",
        "Investors price such blocks to return {c} on operating earnings. For one with "
        "{facts}, what price emerges?",
        "Earnings yield demanded: {c}. Holding: {facts_note}. Fair sum for the holding?",
    ),
    parts=Parts(
        labels={
            "N": _NOI_LABELS,
            "G": (
                "gross annual rent",
                "annual gross rental income",
                "gross potential rent per year",
                "yearly gross rent",
                "gross scheduled rent for the year",
                "gross rental income per year",
                "potential gross income per year",
                "annual rent roll",
                "yearly rent roll at full occupancy",
                "scheduled annual rent",
                "gross yearly rental income",
                "annual gross rent before vacancy",
            ),
            "R": (
                "monthly rent per unit",
                "rent per unit per month",
                "average monthly rent per unit",
                "monthly rent for each unit",
                "unit rent per month",
                "average rent per door per month",
                "monthly rent per apartment",
                "per-unit monthly rent",
                "monthly rent charged per unit",
                "typical monthly rent per unit",
                "asking rent per unit per month",
                "monthly rent on each unit",
            ),
            "u": (
                "number of units",
                "unit count",
                "number of apartments",
                "number of rental units",
                "door count",
                "number of doors",
                "count of units",
                "total unit count",
                "number of flats",
                "number of rentable units",
                "number of apartments in the building",
                "number of leasable units",
            ),
            "v": (
                "vacancy rate",
                "vacancy allowance",
                "vacancy and credit loss allowance",
                "expected vacancy",
                "vacancy factor",
                "vacancy and collection loss",
                "assumed vacancy",
                "vacancy assumption",
                "economic vacancy",
                "allowance for vacancy",
                "vacancy and bad-debt allowance",
                "projected vacancy rate",
            ),
            "E": (
                "annual operating expense",
                "yearly operating cost",
                "operating expense per year",
                "annual opex",
                "yearly running cost",
                "total annual operating expense",
                "operating expense budget for the year",
                "annual expense total excluding debt service",
                "yearly operating expense before debt service",
                "annual property operating cost",
                "annual expense bill",
                "yearly operating expense figure",
            ),
            "c": (
                "cap rate",
                "capitalisation rate",
                "capitalization rate",
                "market cap rate",
                "going-in cap rate",
                "cap rate for the area",
                "capitalization rate for comparable buildings",
                "investor's cap rate",
                "required cap rate",
                "prevailing cap rate",
                "cap rate on comparable sales",
                "target cap rate",
            ),
            "P": (
                "asking price",
                "purchase price",
                "seller's asking price",
                "list price",
                "offer price",
                "listing price",
                "agreed purchase price",
                "price on the listing",
                "contract price",
                "acquisition price",
                "quoted sale price",
                "broker's price",
            ),
            "i": (
                "mortgage rate",
                "loan interest rate",
                "financing rate",
                "interest rate on the loan",
                "bank's lending rate",
                "mortgage interest rate",
                "rate on the acquisition loan",
                "debt interest rate",
                "borrowing rate",
                "lender's quoted rate",
                "commercial mortgage rate",
                "annual loan rate",
            ),
        },
        asks=(
            "What is the property's value using the cap rate?",
            "What is the value of the property?",
            "How much is the building worth at this cap rate?",
            "Value the property by direct capitalisation.",
            "What is the estimated market value from the cap rate?",
            "What price does the cap rate imply?",
            "Compute the capitalised value of the property.",
            "whats it worth at that cap rate?",
            "What is the income-approach value?",
            "What should the building be valued at?",
            "How much would an investor pay for it at this cap rate?",
            "What is the implied property value?",
            "Work out the value using the income capitalisation approach.",
            "What is the direct capitalisation value?",
            "What's the most I should pay to get that cap rate?",
            "At what price does the property yield the cap rate?",
            "What is the cap-rate valuation of the building?",
            "value at this cap rate?",
            "What value would an appraiser's income approach give?",
            "How much is the asset worth on a cap rate basis?",
            "Estimate the market value of the rental from its NOI and the cap rate.",
        ),
        ood_labels={
            "N": ("operating surplus each twelvemonth", "yearly operating surplus"),
            "G": ("takings from tenants before voids", "full-occupancy takings per annum"),
            "R": ("per-dwelling takings each month", "monthly takings per dwelling"),
            "u": ("tally of dwellings", "dwelling tally"),
            "v": ("void allowance", "provision for voids"),
            "E": ("upkeep outlay per annum", "yearly upkeep bill"),
            "c": ("earnings yield demanded", "yield buyers insist on"),
            "P": ("sum the vendor seeks", "vendor's figure"),
            "i": ("cost of borrowed money", "lender's charge"),
        },
        ood_asks=(
            "What sum would buyers hand over for this income stream?",
            "Appraise the holding from its earnings.",
            "What capital sum do the operating earnings justify?",
        ),
    ),
)


# --- cash_on_cash -----------------------------------------------------------------------------

# The down payment sets the deal's size: the price is it over a 15 to 35 % down share, closing
# costs 1.5 to 5 % of the price, repairs paid in cash (in REPAIR_SHARE of draws) 1 to 12 %, and
# the yearly cash flow 2 to 14 % of the cash invested. Out of range, an apartment block's
# equity or a tiny deal's.
_COC_PARAMS: dict[str, Param] = {
    "D": money((15_000, 800_000), ((1_200_000, 30_000_000), (1_500, 9_000))),
}
FLOW, RENTS, NOI_LESS = "flow", "rents", "noi"
_COC_WEIGHTS = ((FLOW, 0.35), (RENTS, 0.35), (NOI_LESS, 0.3))
REPAIR_SHARE = 0.4
_COC_SIDE_RATE = pct((4, 8), (), decimals=2)
_COC_ASIDES = {
    "P": (
        "The purchase price was {P}.",
        "We paid {P} for the property.",
        "(The house cost {P} in total, most of it financed.)",
        "The property was bought for {P}.",
        "Acquisition consideration came to {P}.",
    ),
    "i": (
        "The mortgage carries {i} interest.",
        "The loan's rate is {i}.",
        "(Financing is at {i} a year.)",
        "The bank charges {i} on the mortgage.",
        "Borrowed funds carry a coupon of {i}.",
    ),
}


def _coc_variant(nums: Values | Mapping[str, object]) -> str:
    if "CF" in nums:
        return FLOW
    return RENTS if "Rm" in nums else NOI_LESS


def _coc_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    down = draw_params(_COC_PARAMS, rng, ood)["D"]
    price = down.value / rng.uniform(0.15, 0.35)
    nums = {"D": down, "K": _amount(rng, price * rng.uniform(0.015, 0.05), down)}
    if rng.random() < REPAIR_SHARE:
        nums["Rh"] = _amount(rng, price * rng.uniform(0.01, 0.12), down)
    cash = math.fsum(num.value for num in nums.values())
    flow = cash * rng.uniform(2, 14) / 100
    variants, weights = zip(*_COC_WEIGHTS, strict=True)
    variant = rng.choices(variants, weights)[0]
    rate = rng.uniform(4, 8)
    if variant == FLOW:
        nums["CF"] = _amount(rng, flow, down)
    else:
        payment = _cents(rng, _schedule_payment(price - down.value, rate, 30))
        if variant == RENTS:
            expense_share = rng.uniform(0.25, 0.45)
            rent = (flow / 12 + payment.value) / (1 - expense_share)
            nums["Rm"] = Num(significant(rent, rng.choice((2, 3, 4)), whole=True), 0, "money")
            nums["Om"] = Num(
                significant(rent * expense_share, rng.choice((2, 3)), whole=True), 0, "money"
            )
        else:
            nums["N"] = _amount(rng, flow + 12 * payment.value, down)
        nums["M"] = payment
    if rng.random() < SIDE_FIGURE_SHARE:
        which = rng.random()
        if which < 0.6 or variant == FLOW:  # the rate shows beside a mortgage payment only
            nums["P"] = _amount(rng, price, down, rng.choice((2, 3)))
        if which >= 0.4 and variant != FLOW:
            nums["i"] = _eighths(rate)
    return nums


def _coc(v: Mapping[str, float]) -> float:
    """Twelve months of cash flow (or the year's, given) over the cash paid in."""
    if "CF" in v:
        year = v["CF"]
    elif "Rm" in v:
        year = math.fsum(v["Rm"] - v["Om"] - v["M"] for _ in range(12))
    else:
        year = v["N"] - math.fsum(v["M"] for _ in range(12))
    invested = math.fsum(v.get(key, 0.0) for key in ("D", "K", "Rh"))
    return year / invested * 100


def _coc_formula(f: Mapping[str, str]) -> str:
    invested = "+".join(f[key] for key in ("D", "K", "Rh") if key in f)
    if "CF" in f:
        flow = f["CF"]
    elif "Rm" in f:
        flow = f"({f['Rm']}-{f['Om']}-{f['M']})*12"
    else:
        flow = f"({f['N']}-{f['M']}*12)"
    return f"{flow}/({invested})*100"


def _coc_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{flow}`` (``{Flow}``): the cash flow or what it is built from, a
    clause; ``{cash}``: the cash paid in, a noun phrase ("a down payment of $60,000 and closing
    costs of $4,500"); ``{flow_list}``, ``{cash_list}``: lines; ``{table}``: every figure in
    a markdown table; ``{note}``: shorthand."""
    texts = number_texts(rng, nums)
    variant = _coc_variant(nums)
    if variant == FLOW:
        texts["flow"] = rng.choice(
            (
                f"it produces {texts['CF']} a year of pre-tax cash flow after the mortgage",
                f"its yearly pre-tax cash flow, after debt service, is {texts['CF']}",
                f"after the mortgage it leaves {texts['CF']} of cash flow a year before tax",
            )
        )
        flows = [("Annual pre-tax cash flow (after debt service)", texts["CF"])]
        note = f"CF {texts['CF']}/yr pre-tax"
    elif variant == RENTS:
        texts["flow"] = rng.choice(
            (
                f"rent is {texts['Rm']} a month, operating expenses run {texts['Om']} a month "
                f"and the mortgage payment is {texts['M']} a month",
                f"it rents for {texts['Rm']} per month; monthly operating expenses are "
                f"{texts['Om']} and the monthly mortgage payment is {texts['M']}",
                f"the tenant pays {texts['Rm']} a month, while expenses (taxes, insurance, "
                f"upkeep) come to {texts['Om']} a month and the mortgage takes {texts['M']} a "
                "month",
            )
        )
        flows = [
            ("Monthly rent", texts["Rm"]),
            ("Monthly operating expenses", texts["Om"]),
            ("Monthly mortgage payment", texts["M"]),
        ]
        note = f"rent {texts['Rm']}/mo, opex {texts['Om']}/mo, P&I {texts['M']}/mo"
    else:
        texts["flow"] = rng.choice(
            (
                f"its net operating income is {texts['N']} a year and the mortgage payment is "
                f"{texts['M']} a month",
                f"it earns an NOI of {texts['N']} per year, and the loan costs {texts['M']} "
                "per month",
                f"net operating income comes to {texts['N']} annually; the mortgage is "
                f"{texts['M']} monthly",
            )
        )
        flows = [
            ("Annual net operating income", texts["N"]),
            ("Monthly mortgage payment", texts["M"]),
        ]
        note = f"NOI {texts['N']}/yr, P&I {texts['M']}/mo"
    texts["Flow"] = sentence_case(texts["flow"])
    cash = [("Down payment", texts["D"]), ("Closing costs", texts["K"])]
    if "Rh" in nums:
        cash.append(("Repairs paid in cash", texts["Rh"]))
        texts["cash"] = rng.choice(
            (
                f"a down payment of {texts['D']}, closing costs of {texts['K']} and "
                f"{texts['Rh']} of repairs",
                f"{texts['D']} down, {texts['K']} in closing costs and {texts['Rh']} spent on "
                "renovation",
            )
        )
        note += f"; cash in: {texts['D']} down + {texts['K']} closing + {texts['Rh']} rehab"
    else:
        texts["cash"] = rng.choice(
            (
                f"a down payment of {texts['D']} and closing costs of {texts['K']}",
                f"{texts['D']} down plus {texts['K']} in closing costs",
            )
        )
        note += f"; cash in: {texts['D']} down + {texts['K']} closing"
    texts["note"] = note
    texts["flow_list"] = _lines(flows)
    texts["cash_list"] = _lines(cash)
    texts["table"] = _table(flows + cash, rng)
    return texts


_CLOSING_LABELS = (
    "closing cost total",
    "total of closing costs",
    "amount paid in closing costs",
    "closing-cost bill",
    "settlement cost",
    "buying cost paid in cash",
    "closing and transaction cost",
    "closing cost outlay",
    "purchase cost paid at closing",
    "closing fee payment",
    "closing fee total",
    "acquisition cost paid at closing",
)

CASH_ON_CASH = Family(
    name="cash_on_cash",
    unit="percent",
    reasoning="Cash-on-cash return = yearly pre-tax cash flow after debt service / total cash "
    "invested * 100.",
    params=_COC_PARAMS,
    sample=_coc_sample,
    render=_coc_texts,
    aside=side_sentences(_COC_ASIDES),
    valid=lambda v: 0.5 <= _coc(v) <= 30,
    formula=_coc_formula,
    solve=_coc,
    uses=frozenset({"costs", "leverage"}),
    convention="percent: the year's pre-tax cash flow (NOI, or rent less operating expenses, "
    "less twelve monthly mortgage payments) over the cash invested (down payment, closing "
    "costs and any repairs paid in cash); the purchase price and the loan are not cash "
    "invested, and no taxes or appreciation enter",
    templates=(
        "I bought a rental house with {cash}. {Flow}. What is my cash-on-cash return?",
        "What is the cash-on-cash return on a rental property if {flow}, and the investor put "
        "in {cash}?",
        "Exam question: An investor acquires a duplex, paying {cash}. {Flow}. Calculate the "
        "investor's cash-on-cash return.",
        "Hi Sara, quick one on the Elm Street rental: we paid {cash}, and {flow}. What "
        "cash-on-cash return does that give us? Thanks, Jordan",
        "cash on cash? {flow}. i put in {cash}",
        "{table}\n\nWhat is the cash-on-cash return, in percent?",
        "Cash flow:\n{flow_list}\nCash invested:\n{cash_list}\nCash-on-cash return?",
        "Please help. I buy one apartment for renting. I pay {cash}. {Flow}. How much percent "
        "is my cash on cash return?",
        "My brother-in-law, who coaches under-12 football, owns a small rental: {flow}. He "
        "paid {cash}. What's his cash-on-cash return?",
        "Deal memo: {note}. CoC = ?",
        "If {flow}, what cash-on-cash return do I earn on {cash}?",
        "Question 3. A real estate investor paid {cash} to acquire a property. {Flow}. "
        "Determine the cash-on-cash return.",
        "Dear Mr. Alvarez, regarding the property on Oak Lane: {flow}. You invested {cash}. "
        "Your cash-on-cash return is therefore what percentage? Best regards, Nina",
        "ok so {flow}. we put in {cash}. whats our cash on cash return??",
        "Sorry for my English. I invested {cash} in a house for rent. {Flow}. What is cash on "
        "cash return?",
        "Rental analysis: {flow}; cash invested is {cash}. Cash-on-cash return?",
        "How much cash-on-cash return does a property give when {flow} and the buyer's cash in "
        "the deal is {cash}?",
        "We're comparing rentals. For this one {flow}. Total cash we put in: {cash}. What is "
        "the cash-on-cash return (pre-tax)?",
        "Cash invested:\n{cash_list}\n{Flow}. What yearly cash-on-cash return is that?",
        "I'm reviewing my first rental. {Flow}. I paid {cash}. What is the return on the cash "
        "I put in, in percent?",
        "For the BRRRR spreadsheet: {note}. Cash-on-cash return, please.",
        "What percentage of the cash invested ({cash}) comes back each year as pre-tax cash "
        "flow if {flow}?",
    ),
    ood_templates=(
        "Equity sunk into the house: {cash}. {Flow}. What share of that equity comes back to "
        "the landlord each twelvemonth, as a percentage?",
        "A landlord's own money in the venture: {cash}. {Flow}. Express the yearly surplus "
        "over that money.",
        "Landlord's ledger - {note}. Surplus relative to equity sunk, in percent?",
    ),
    parts=Parts(
        labels={
            "CF": (
                "annual pre-tax cash flow",
                "yearly cash flow before tax",
                "pre-tax cash flow per year",
                "annual cash flow after debt service",
                "yearly before-tax cash flow",
                "net cash flow for the year before tax",
                "annual cash throw-off",
                "cash flow after mortgage per year",
                "yearly cash flow to the owner before tax",
                "annual levered cash flow before tax",
                "year-one pre-tax cash flow",
                "annual cash flow after the mortgage",
            ),
            "Rm": (
                "monthly rent",
                "rent per month",
                "monthly rental income",
                "gross monthly rent",
                "rent collected each month",
                "monthly rent received",
                "total monthly rent",
                "rent income per month",
                "monthly gross rent",
                "rent coming in each month",
                "monthly rent roll",
                "scheduled monthly rent",
            ),
            "Om": (
                "monthly operating expense",
                "operating cost per month",
                "monthly running cost",
                "monthly expense total excluding the mortgage",
                "monthly opex",
                "operating expense each month",
                "monthly cost of taxes and insurance",
                "monthly property expense",
                "monthly operating expense before debt service",
                "running cost per month",
                "monthly expense figure",
                "non-mortgage expense per month",
            ),
            "M": _MONTHLY_PAYMENT_LABELS,
            "N": _NOI_LABELS,
            "D": (
                "down payment",
                "deposit",
                "cash down payment",
                "down payment made",
                "equity put down",
                "cash deposit on the purchase",
                "upfront down payment",
                "down payment paid",
                "amount put down",
                "initial down payment",
                "deposit paid at purchase",
                "cash put down at closing",
            ),
            "K": _CLOSING_LABELS,
            "Rh": (
                "renovation cost",
                "repair budget paid in cash",
                "cash spent on repairs",
                "rehab cost",
                "upfront repair cost",
                "make-ready cost",
                "renovation spend",
                "cost of initial repairs",
                "capital improvement outlay",
                "fix-up cost",
                "up-front rehab spend",
                "repair cost at purchase",
            ),
            "P": (
                "purchase price",
                "price paid for the property",
                "property price",
                "acquisition price",
                "contract price",
                "total purchase price",
                "price of the house",
                "sale price",
                "agreed price",
                "cost of the property",
                "home price",
                "price of the rental",
            ),
            "i": _LOAN_RATE_LABELS,
        },
        asks=(
            "What is the cash-on-cash return?",
            "What is the cash on cash return, in percent?",
            "Compute the cash-on-cash return.",
            "What is the CoC return on the deal?",
            "cash on cash?",
            "What percentage of my cash comes back each year?",
            "What is the pre-tax return on the cash invested?",
            "How much does the property return on the cash put in, per year?",
            "What is the cash yield on my equity?",
            "whats my cash-on-cash?",
            "Work out the cash-on-cash return on the investment.",
            "What is the annual cash return on the cash invested?",
            "What yearly return does the down payment and other cash earn?",
            "How good is the deal on a cash-on-cash basis?",
            "What is the equity dividend rate?",
            "Find the cash-on-cash return, pre-tax.",
            "What return on cash does the rental produce?",
            "What is the levered cash yield of the rental?",
            "Does this rental clear my target? Give the cash-on-cash return.",
            "How much cash flow do I get per dollar invested, as a percentage?",
            "What is the first-year cash-on-cash return?",
        ),
        ood_labels={
            "CF": ("yearly money left over for the owner", "surplus after the lender"),
            "Rm": ("tenant's remittance each month", "monthly tenant remittance"),
            "Om": ("monthly upkeep outlay", "upkeep each month"),
            "M": ("monthly sum to the lender", "lender's monthly cut"),
            "N": ("operating surplus each twelvemonth", "yearly operating surplus"),
            "D": ("equity sunk at the outset", "landlord's initial stake"),
            "K": ("conveyancing outlay", "frictions at completion"),
            "Rh": ("refurbishment outlay", "money poured into refurbishment"),
            "P": ("consideration for the house", "house consideration"),
            "i": ("coupon on borrowed funds", "lender's coupon"),
        },
        ood_asks=(
            "What share of the equity sunk returns to the landlord yearly?",
            "Express the yearly surplus over the landlord's own money.",
            "What yearly surplus ratio does the landlord's equity earn, in percent?",
        ),
    ),
)


# --- dscr -------------------------------------------------------------------------------------

# The NOI, and the loan's rate and term where the question gives the terms; the debt service is
# drawn from a target ratio of 0.9 to 2.6. Out of range, a tower's NOI on long cheap debt or a
# garage's on short dear debt.
_DSCR_PARAMS: dict[str, Param] = {
    "N": money((60_000, 8_000_000), ((10_000_000, 200_000_000), (4_000, 40_000))),
    "r": pct((3, 9), ((10, 15), (0.5, 2.5)), decimals=2, ood_decimals=3),
    "n": plain((10, 30), ((35, 40), (3, 7))),
}
ANNUAL_DS, MONTHLY_DS, TERMS = "annual", "monthly", "terms"
_DSCR_WEIGHTS = ((ANNUAL_DS, 0.35), (MONTHLY_DS, 0.35), (TERMS, 0.3))
FREQUENCY_KEY = "m"  # monthly payments: shown in composed questions, never in a formula
_MONTHLY_VALUES = ("monthly", "monthly payments", "every month", "12 payments a year")
_FREQUENCY_LABELS = (
    "payment frequency",
    "repayment frequency",
    "frequency of payments",
    "payment schedule",
    "repayment schedule",
    "payment interval",
    "loan payment frequency",
    "instalment frequency",
    "debt service frequency",
    "payment timing",
    "repayment interval",
    "amortisation schedule",
)
_MIN_DSCR = (1.2, 1.25, 1.3, 1.35, 1.4, 1.5)
_DSCR_ASIDES = {
    "V": (
        "The property appraised at {V}.",
        "The building is valued at {V}.",
        "(The latest appraisal puts the value at {V}.)",
        "Its market value is about {V}.",
        "A surveyor's opinion of worth stands at {V}.",
    ),
    "min": (
        "The lender requires a DSCR of at least {min}.",
        "The bank's covenant is a minimum coverage of {min}.",
        "(The term sheet asks for at least {min} coverage.)",
        "Underwriting wants the ratio to be {min} or better.",
        "The financier's floor on cover stands at {min}.",
    ),
}


def _dscr_variant(nums: Values | Mapping[str, object]) -> str:
    if "DS" in nums:
        return ANNUAL_DS
    return MONTHLY_DS if "M" in nums else TERMS


def _dscr_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    drawn = draw_params(_DSCR_PARAMS, rng, ood)
    noi = drawn["N"]
    service = noi.value / rng.uniform(0.9, 2.6)
    variants, weights = zip(*_DSCR_WEIGHTS, strict=True)
    variant = rng.choices(variants, weights)[0]
    nums = {"N": noi}
    if variant == ANNUAL_DS:
        nums["DS"] = _amount(rng, service, noi, rng.choice((3, 4)))
    elif variant == MONTHLY_DS:
        nums["M"] = _cents(rng, service / 12)
    else:
        per_unit = 12 * _schedule_payment(1.0, drawn["r"].value, drawn["n"].value)
        nums["L"] = _amount(rng, service / per_unit, noi, rng.choice((2, 3)))
        nums["r"], nums["n"] = drawn["r"], drawn["n"]
        nums[FREQUENCY_KEY] = Num(12.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        which = rng.random()
        if which < 0.6:
            nums["V"] = _amount(rng, noi.value / rng.uniform(0.05, 0.09), noi, rng.choice((2, 3)))
        if which >= 0.4:
            nums["min"] = Num(rng.choice(_MIN_DSCR), 2, "plain")
    return nums


def _annual_debt_service(v: Mapping[str, float]) -> float:
    if "DS" in v:
        return v["DS"]
    if "M" in v:
        return math.fsum(v["M"] for _ in range(12))
    return 12 * _schedule_payment(v["L"], v["r"], v["n"])


def _dscr(v: Mapping[str, float]) -> float:
    return v["N"] / _annual_debt_service(v)


def _dscr_formula(f: Mapping[str, str]) -> str:
    # The debt service's period is named, never turned into a choice of multiplying by 12 (run
    # BR chose wrong in 2 of its 4 tuning-set misses; experiments.md, session 41).
    if "DS" in f:
        return f'{f["N"]}/per_year({f["DS"]},"year")'
    if "M" in f:
        return f'{f["N"]}/per_year({f["M"]},"month")'
    payment = f"pmt({f['r']}/100/12, {years_term(f['n'], '12')}, {f['L']})"
    return f'{f["N"]}/per_year({payment},"month")'


def _dscr_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{noi}``: the NOI as a phrase after "has"; ``{debt}`` (``{Debt}``):
    the debt service or the loan, a clause; ``{debt_list}``: lines; ``{table}``: the figures in
    a markdown table; ``{note}``: shorthand; under ``m`` how often the loan is paid."""
    texts = number_texts(rng, nums)
    variant = _dscr_variant(nums)
    texts["noi"] = rng.choice(
        (
            f"net operating income of {texts['N']} a year",
            f"an annual NOI of {texts['N']}",
            f"a yearly net operating income of {texts['N']}",
            f"NOI of {texts['N']} per year",
        )
    )
    items = [("Net operating income (annual)", texts["N"])]
    if variant == ANNUAL_DS:
        texts["debt"] = rng.choice(
            (
                f"annual debt service is {texts['DS']}",
                f"the loan's debt service comes to {texts['DS']} a year",
                f"principal and interest total {texts['DS']} per year",
            )
        )
        items.append(("Annual debt service", texts["DS"]))
        texts["note"] = f"NOI {texts['N']}, ADS {texts['DS']}/yr"
    elif variant == MONTHLY_DS:
        texts["debt"] = rng.choice(
            (
                f"the mortgage payment is {texts['M']} a month",
                f"monthly debt service is {texts['M']}",
                f"the loan is repaid at {texts['M']} per month",
            )
        )
        items.append(("Mortgage payment (monthly)", texts["M"]))
        texts["note"] = f"NOI {texts['N']}/yr, P&I {texts['M']}/mo"
    else:
        texts[FREQUENCY_KEY] = rng.choice(_MONTHLY_VALUES)
        texts["debt"] = rng.choice(
            (
                f"the loan is {texts['L']} at {texts['r']} a year, amortised over {texts['n']} "
                "years with monthly payments",
                f"the mortgage of {texts['L']} runs {texts['n']} years at {texts['r']} annual "
                "interest, paid monthly",
                f"the owner borrowed {texts['L']} at {texts['r']} for {texts['n']} years, "
                "repaid in level monthly payments",
            )
        )
        items += [
            ("Loan amount", texts["L"]),
            ("Interest rate (annual)", texts["r"]),
            ("Amortisation (years, monthly payments)", texts["n"]),
        ]
        texts["note"] = (
            f"NOI {texts['N']}/yr; loan {texts['L']}, {texts['r']}, {texts['n']}-yr am, "
            "monthly pmts"
        )
    texts["Debt"] = sentence_case(texts["debt"])
    texts["debt_list"] = _lines(items[1:])
    texts["table"] = _table(items, rng)
    return texts


DSCR = Family(
    name="dscr",
    unit="ratio",
    reasoning="Debt service coverage ratio = net operating income / annual debt service, the "
    "debt service being 12 monthly payments where it is given by the month or by the loan's "
    "terms.",
    params=_DSCR_PARAMS,
    sample=_dscr_sample,
    render=_dscr_texts,
    aside=side_sentences(_DSCR_ASIDES),
    valid=lambda v: 0.7 <= _dscr(v) <= 3.5,
    formula=_dscr_formula,
    solve=_dscr,
    uses=frozenset({"leverage"}),
    convention="ratio (times): the yearly net operating income over the year's debt service, "
    "which is twelve monthly payments where a monthly payment or the loan's terms are given "
    "(a level monthly payment at the annual rate over 12 for years * 12 months); an appraised "
    "value or the lender's minimum ratio shown is not used",
    templates=(
        "An apartment building has {noi}, and {debt}. What is its debt service coverage ratio?",
        "What is the DSCR of a property with {noi} if {debt}?",
        "Exam question: A commercial property generates {noi}. {Debt}. Calculate the debt "
        "service coverage ratio.",
        "Hi Priya, for the credit memo on the warehouse: it has {noi}, and {debt}. What DSCR "
        "should I show? Thanks, Ken",
        "dscr? {noi}, {debt}",
        "{table}\n\nWhat is the debt service coverage ratio?",
        "Loan file:\n- NOI: {N} per year\n{debt_list}\nDSCR?",
        "Please help me. My building has {noi}. {Debt}. What is the DSCR ratio?",
        "My neighbour, who keeps bees on the roof of his office block, says the building has "
        "{noi}, and {debt}. What is its debt service coverage ratio?",
        "Credit note: {note}. DSCR = ?",
        "If {debt}, how many times does {noi} cover the debt service?",
        "Question 4. A mixed-use property produces {noi}. {Debt}. Compute the property's debt "
        "service coverage ratio.",
        "Dear Mr. Weber, the borrower reports {noi} on the retail centre, and {debt}. Could "
        "you confirm the debt service coverage ratio? Kind regards, Ines",
        "ok so the property has {noi} and {debt}. whats the dscr",
        "Sorry for my English. The hotel has {noi}. {Debt}. What is debt service coverage?",
        "Underwriting: {noi}; {debt}. Coverage ratio?",
        "Will the bank be comfortable? The property has {noi}, and {debt}. What DSCR does that "
        "give?",
        "We're refinancing a self-storage facility with {noi}. {Debt}. What is the debt "
        "service coverage ratio?",
        "Debt:\n{debt_list}\nIncome: {noi}. Debt service coverage ratio?",
        "For the lender's spreadsheet: {note}. DSCR, please.",
        "How well does {noi} cover the loan, as a DSCR, when {debt}?",
        "A landlord's building brings in {noi}; {debt}. Work out the ratio of NOI to debt service.",
    ),
    ood_templates=(
        "The financier is owed dues on its advance: {debt}. The holding's operating surplus "
        "reaches {N} every twelvemonth. How many times over is the obligation met?",
        "Operating surplus per twelvemonth {N}; {debt}. Multiple of cover?",
        "Surplus against dues - {note}. Cover multiple?",
    ),
    parts=Parts(
        labels={
            "N": _NOI_LABELS,
            "DS": (
                "annual debt service",
                "yearly debt service",
                "debt service per year",
                "annual principal and interest",
                "total annual loan payment",
                "yearly mortgage payment total",
                "annual debt payment",
                "debt service for the year",
                "yearly principal and interest payment",
                "annual loan service",
                "annual mortgage outgo",
                "year's total debt service",
            ),
            "M": _MONTHLY_PAYMENT_LABELS,
            "L": (
                "loan amount",
                "mortgage amount",
                "loan principal",
                "amount borrowed",
                "original loan balance",
                "principal borrowed",
                "size of the loan",
                "mortgage principal",
                "debt amount",
                "loan size",
                "amount financed",
                "face amount of the loan",
            ),
            "r": _LOAN_RATE_LABELS,
            "n": _TERM_LABELS,
            FREQUENCY_KEY: _FREQUENCY_LABELS,
            "V": (
                "appraised value",
                "property value",
                "market value of the property",
                "appraisal",
                "estimated property value",
                "as-is value",
                "valuation",
                "current market value",
                "appraised market value",
                "value per the appraisal",
                "building's market value",
                "lender's valuation",
            ),
            "min": (
                "lender's minimum DSCR",
                "minimum coverage ratio required",
                "bank's DSCR covenant",
                "required minimum DSCR",
                "DSCR hurdle",
                "covenant minimum",
                "loan covenant coverage level",
                "minimum debt coverage ratio",
                "lender's coverage threshold",
                "required coverage",
                "underwriting floor for the DSCR",
                "minimum DSCR in the term sheet",
            ),
        },
        asks=(
            "What is the DSCR?",
            "What is the debt service coverage ratio?",
            "Compute the debt service coverage ratio.",
            "How many times does the NOI cover the debt service?",
            "dscr?",
            "What is the debt coverage ratio?",
            "What is the property's DSCR?",
            "By how many times does the income cover the loan payments?",
            "What coverage ratio will the lender see?",
            "Work out the debt service coverage.",
            "whats the dscr on this?",
            "What is the coverage of the mortgage by the property's income?",
            "Find the DSCR for the loan.",
            "What is the ratio of net operating income to annual debt service?",
            "How well does the property's income cover its debt, as a ratio?",
            "What DSCR does the deal underwrite to?",
            "Calculate the DSCR the bank will use.",
            "What is the coverage multiple on the debt?",
            "How many dollars of NOI are there per dollar of debt service?",
            "Does the loan pencil? Give the debt service coverage ratio.",
            "What is the DSCR on the mortgage?",
        ),
        ood_labels={
            "N": ("operating surplus each twelvemonth", "yearly operating surplus"),
            "DS": ("dues to the financier per annum", "yearly dues on the advance"),
            "M": ("monthly sum to the lender", "lender's monthly cut"),
            "L": ("sum advanced", "advance from the financier"),
            "r": ("financier's charge per annum", "yearly charge on the advance"),
            "n": ("span of the advance in years", "duration of the advance in years"),
            "V": ("surveyor's opinion of worth", "worth per the surveyor"),
            "min": ("financier's floor on cover", "cover floor"),
        },
        ood_asks=(
            "How many times over is the obligation met?",
            "Give the multiple of operating surplus to yearly dues.",
            "What cover multiple does the surplus provide against the dues?",
        ),
    ),
)


# --- points_breakeven_months ------------------------------------------------------------------

# The loan, the rate without points (to an eighth), the points bought and the term; the points
# buy the rate down 0.15 to 0.3 of a percentage point each. Out of range, a jumbo loan at high
# rates or a small one at very low rates.
_POINTS_PARAMS: dict[str, Param] = {
    "L": money((80_000, 1_500_000), ((2_000_000, 20_000_000), (15_000, 60_000))),
    "r0": pct((4, 9), ((10, 15), (0.75, 2.5)), decimals=3),
    "pts": plain((0.5, 3), ((0.5, 3),), decimals=1, choices=(0.5, 1, 1, 1.5, 2, 2, 2.5, 3)),
    "n": plain((15, 30), ((15, 30),), choices=(15, 20, 30, 30)),
}
PAYMENTS, RATES = "payments", "rates"
RATES_SHARE = 0.5
CENTS_SHARE = 0.7
# How the answer is reported: exact fractional months ("X") or whole months rounded up ("U");
# one of the two keys is in every draw and composed questions show it under a label. (No comma
# in the values: a value with a comma over a line with another reads as a CSV table.)
EXACT_KEY, ROUND_UP_KEY = "X", "U"
ROUND_UP_SHARE = 0.35
_EXACT_VALUES = (
    "exact months (no rounding)",
    "fractional months (not rounded)",
    "months with decimals (do not round)",
    "exact quotient in months (unrounded)",
)
_ROUND_UP_VALUES = (
    "whole months (round up)",
    "whole months rounded up",
    "round up to a whole month",
    "number of whole months (rounding up)",
)
EXACT_SENTENCES = (
    "Give the exact number of months, with decimals; do not round.",
    "Fractional months are fine, no rounding.",
    "Answer in months to the decimal, not rounded.",
    "Keep the fraction of a month; do not round.",
)
ROUND_UP_SENTENCES = (
    "Round up to whole months.",
    "Give the answer in whole months, rounding up.",
    "I want whole months: round any part month up.",
    "Count whole months, rounding up.",
)
_ROUNDING_LABELS = (
    "rounding",
    "rounding rule",
    "answer format",
    "format of the answer",
    "counting convention",
    "month count convention",
    "convention for the answer",
    "reporting basis",
    "required precision",
    "rounding instruction",
    "answer convention",
    "treatment of a part month",
)
_POINT_DEFINITIONS = (
    " Each point costs 1% of the loan amount.",
    " (One point is 1% of the loan.)",
    " A point is 1 percent of the amount borrowed.",
)
_POINTS_ASIDES = {
    "H": (
        "The home costs {H}.",
        "We are buying a house priced at {H}.",
        "(The purchase price of the home is {H}.)",
        "The house is under contract at {H}.",
        "The dwelling changes hands at {H}.",
    ),
    "stay": (
        "We expect to stay about {stay} years.",
        "I plan to keep the loan for roughly {stay} years.",
        "(The buyers think they will move in {stay} years.)",
        "Our horizon in this home is about {stay} years.",
        "The household foresees remaining {stay} years.",
    ),
}


def _points_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    drawn = draw_params(_POINTS_PARAMS, rng, ood)
    nums = {"L": drawn["L"], "pts": drawn["pts"]}
    points = nums["pts"].value
    nums["pts"] = Num(points, 0 if points.is_integer() else 1, "plain")
    high = _eighths(drawn["r0"].value)
    low = _eighths(high.value - max(0.125, points * rng.uniform(0.15, 0.3)))
    if rng.random() < RATES_SHARE:
        nums.update({"r0": high, "r1": low, "n": drawn["n"]})
        nums[FREQUENCY_KEY] = Num(12.0, 0, "plain")
    else:
        cents = rng.random() < CENTS_SHARE
        for key, rate in (("M0", high), ("M1", low)):
            payment = _schedule_payment(nums["L"].value, rate.value, drawn["n"].value)
            nums[key] = (
                Num(round(payment, 2), 2, "money")
                if cents
                else Num(float(round(payment)), 0, "money")
            )
    key = ROUND_UP_KEY if rng.random() < ROUND_UP_SHARE else EXACT_KEY
    nums[key] = Num(0.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        which = rng.random()
        if which < 0.6:
            home = nums["L"].value / rng.uniform(0.6, 0.95)
            nums["H"] = _amount(rng, home, nums["L"], rng.choice((2, 3)))
        if which >= 0.4:
            nums["stay"] = Num(float(rng.randint(3, 15)), 0, "plain")
    return nums


def _monthly_saving(v: Mapping[str, float]) -> float:
    if "M0" in v:
        return v["M0"] - v["M1"]
    return _schedule_payment(v["L"], v["r0"], v["n"]) - _schedule_payment(v["L"], v["r1"], v["n"])


def _recovery(v: Mapping[str, float]) -> tuple[int, float]:
    """The whole months whose savings stay within the points' cost, and the part of the next
    month that recovers the rest: the savings banked month by month."""
    cost = v["L"] * v["pts"] / 100
    saving = _monthly_saving(v)
    banked, months = 0.0, 0
    while banked + saving <= cost:
        banked += saving
        months += 1
    return months, (cost - banked) / saving


def _points_months(v: Mapping[str, float]) -> float:
    months, part = _recovery(v)
    if ROUND_UP_KEY in v:
        return float(months + (1 if part > 0 else 0))
    return months + part


def _points_valid(v: Mapping[str, float]) -> bool:
    if "r1" in v and v["r1"] < 0.25:
        return False
    if _monthly_saving(v) <= 0:
        return False
    months, part = _recovery(v)
    # a break-even people weigh (3 months to 25 years), never on a whole month up to rounding
    return 3 <= months + part <= 300 and 1e-6 < part < 1 - 1e-6


def _points_formula(f: Mapping[str, str]) -> str:
    cost = f"{f['pts']}/100*{f['L']}"
    if "M0" in f:
        saving = f"({f['M0']}-{f['M1']})"
    else:
        term = years_term(f["n"], "12")
        saving = (
            f"(pmt({f['r0']}/100/12, {term}, {f['L']})-pmt({f['r1']}/100/12, {term}, {f['L']}))"
        )
    months = f"{cost}/{saving}"
    return f"ceil({months})" if ROUND_UP_KEY in f else months


def _points_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{points}``: "2 points" ("1 point"); ``{deal}``: the loan, the points
    and what they buy, one or two sentences; ``{how}``: how to report the months;
    ``{deal_list}``, ``{table}``: the figures as lines or a markdown table; ``{note}``:
    shorthand; the rounding key's value and ``m`` (monthly) for composed questions."""
    texts = number_texts(rng, nums)
    texts["points"] = (
        f"{texts['pts']} point" if nums["pts"].value == 1 else f"{texts['pts']} points"
    )
    if "M0" in nums:
        deal = rng.choice(
            (
                "I'm borrowing {L}. Without points the monthly payment is {M0}; if I buy "
                "{points} it drops to {M1}.",
                "On a mortgage of {L}, buying {points} cuts the monthly payment from {M0} to {M1}.",
                "The loan is {L}. The monthly payment is {M0} with no points and {M1} with "
                "{points}.",
            )
        )
        items = [
            ("Loan amount", texts["L"]),
            ("Discount points", texts["pts"]),
            ("Monthly payment, no points", texts["M0"]),
            ("Monthly payment, with the points", texts["M1"]),
        ]
        note = "{L} loan, {pts} pts, pmt {M0} -> {M1}/mo"
    else:
        texts[FREQUENCY_KEY] = rng.choice(_MONTHLY_VALUES)
        deal = rng.choice(
            (
                "I'm borrowing {L} over {n} years with monthly payments. Without points the "
                "rate is {r0}; buying {points} lowers it to {r1}.",
                "On a mortgage of {L} ({n} years, monthly payments), {points} buy the rate "
                "down from {r0} to {r1}.",
                "The loan is {L} for {n} years, paid monthly, at {r0} with no points or {r1} "
                "with {points}.",
            )
        )
        items = [
            ("Loan amount", texts["L"]),
            ("Term (years, monthly payments)", texts["n"]),
            ("Rate, no points", texts["r0"]),
            ("Discount points", texts["pts"]),
            ("Rate with the points", texts["r1"]),
        ]
        note = "{L} loan, {n}y monthly, {r0} par vs {r1} with {pts} pts"
    if rng.random() < 0.4:
        deal += rng.choice(_POINT_DEFINITIONS)
    texts["deal"] = deal.format(**texts)
    texts["note"] = note.format(**texts)
    if ROUND_UP_KEY in nums:
        texts[ROUND_UP_KEY] = rng.choice(_ROUND_UP_VALUES)
        texts["how"] = rng.choice(ROUND_UP_SENTENCES)
    else:
        texts[EXACT_KEY] = rng.choice(_EXACT_VALUES)
        texts["how"] = rng.choice(EXACT_SENTENCES)
    texts["deal_list"] = _lines(items)
    texts["table"] = _table(items, rng)
    return texts


_LOAN_LABELS = (
    "loan amount",
    "mortgage amount",
    "loan principal",
    "amount borrowed",
    "original loan balance",
    "principal borrowed",
    "size of the loan",
    "mortgage principal",
    "debt amount",
    "loan size",
    "amount financed",
    "face amount of the loan",
)

POINTS_BREAKEVEN_MONTHS = Family(
    name="points_breakeven_months",
    unit="ratio",
    reasoning="Points break-even months = cost of the points (points / 100 * loan) / monthly "
    "payment saved, rounded up when whole months are asked for.",
    params=_POINTS_PARAMS,
    sample=_points_sample,
    render=_points_texts,
    aside=side_sentences(_POINTS_ASIDES),
    valid=_points_valid,
    formula=_points_formula,
    solve=_points_months,
    uses=frozenset({"costs", "rounding", "leverage"}),
    convention="months: the cost of the points (each point 1 % of the loan) over the monthly "
    "payment saved (the payment without points less the payment with them, from the two rates "
    "at rate / 12 over years * 12 months where the payments are not given); the exact quotient "
    "unless the question asks for whole months, then rounded up; the home price or the years "
    "the buyer expects to stay are not used",
    templates=(
        "{deal} How many months until the points pay for themselves? {how}",
        "{deal} What is the break-even period on the points, in months? {how}",
        "Exam question: A borrower considers discount points. {deal} Calculate the number of "
        "months needed to recover the cost of the points. {how}",
        "Hi Marcus, the buyers asked about points. {deal} How many months before they break "
        "even? {how} Thanks, Lena",
        "is buying points worth it? {deal} how many months to break even? {how}",
        "{table}\n\nBreak-even on the points, in months? {how}",
        "Points decision:\n{deal_list}\nMonths to recoup the points? {how}",
        "Please help me. {deal} After how many months I get back the money for the points? {how}",
        "My sister, who trains guide dogs for a living, is closing on her first condo. {deal} "
        "How many months does it take for the points to pay off? {how}",
        "LO note: {note}. Breakeven months? {how}",
        "How many months of savings does it take to recover the points? {deal} {how}",
        "Question 9. {deal} Determine the points break-even period in months. {how}",
        "Dear Ms Chen, you asked whether to pay points. {deal} How long until the savings "
        "cover the cost, in months? {how} Kind regards, Paul",
        "ok so {deal} how many months till the points pay off? {how}",
        "Sorry for my English. {deal} How many months until the points are paid back? {how}",
        "Buy-down analysis: {note}. Months to break even? {how}",
        "{how} {deal} How many months to recoup the cost of the discount points?",
        "We're deciding whether to pay points at closing. {deal} When do we break even, in "
        "months? {how}",
        "Loan comparison:\n{deal_list}\nHow many months until the lower payment repays the "
        "points? {how}",
        "For the client worksheet: {note}. Points payback in months? {how}",
        "If I pay points up front, how soon do I break even? {deal} Answer in months. {how}",
        "Rate buy-down question. {deal} How many months does it take to recover what the "
        "points cost? {how}",
    ),
    ood_templates=(
        "A lender sells cheaper instalments for an upfront fee. {deal} After how long has the "
        "fee been earned back, counting months? {how}",
        "Upfront fee to trim instalments: {note}. Span, in months, to earn the fee back? {how}",
        "{deal} Over what span of months do the trimmed instalments repay the fee? {how}",
    ),
    parts=Parts(
        labels={
            "L": _LOAN_LABELS,
            "pts": (
                "number of discount points",
                "discount point count",
                "number of points purchased",
                "number of points paid at closing",
                "count of discount points",
                "quantity of points bought",
                "number of buy-down points",
                "point count",
                "size of the buy-down in points",
                "number of mortgage points",
                "mortgage point count",
                "number of points to buy down the rate",
            ),
            "M0": (
                "monthly payment without points",
                "payment per month with no points",
                "monthly payment at the par rate",
                "no-points monthly payment",
                "monthly payment before buying points",
                "monthly payment without the buy-down",
                "monthly P&I without points",
                "monthly payment at the higher rate",
                "par-rate monthly payment",
                "monthly payment with zero points",
                "monthly instalment without points",
                "payment each month with no points",
            ),
            "M1": (
                "monthly payment with points",
                "payment per month after buying the points",
                "monthly payment at the bought-down rate",
                "monthly payment with the discount points",
                "monthly payment after the buy-down",
                "monthly P&I with points",
                "monthly payment at the lower rate",
                "bought-down monthly payment",
                "monthly instalment with points",
                "payment each month with points",
                "reduced monthly payment with points",
                "monthly payment if the points are bought",
            ),
            "r0": (
                "rate without points",
                "par rate",
                "interest rate with no points",
                "no-points rate",
                "rate before the buy-down",
                "note rate without points",
                "quoted rate with zero points",
                "annual rate without points",
                "mortgage rate without points",
                "base rate offered",
                "starting rate without points",
                "interest rate at par",
            ),
            "r1": (
                "rate with points",
                "bought-down rate",
                "interest rate after buying points",
                "rate with the discount points",
                "reduced rate",
                "note rate with points",
                "annual rate with points",
                "mortgage rate with points",
                "lower rate from the points",
                "interest rate after the buy-down",
                "discounted rate",
                "rate once the points are paid",
            ),
            "n": _TERM_LABELS,
            FREQUENCY_KEY: _FREQUENCY_LABELS,
            EXACT_KEY: _ROUNDING_LABELS,
            ROUND_UP_KEY: _ROUNDING_LABELS,
            "H": (
                "home price",
                "purchase price of the home",
                "price of the house",
                "house price",
                "purchase price",
                "sale price of the home",
                "contract price",
                "price agreed for the house",
                "property price",
                "value of the home",
                "cost of the home",
                "agreed purchase price",
            ),
            "stay": (
                "expected stay in years",
                "planned holding period in years",
                "expected time in the house in years",
                "planned stay in years",
                "expected tenure in the home in years",
                "holding period in years",
                "expected life of the loan in years",
                "planned time before a refinance in years",
                "anticipated stay in years",
                "time horizon in years",
                "expected ownership period in years",
                "intended stay in the home in years",
            ),
        },
        asks=(
            "How many months until the points pay for themselves?",
            "What is the break-even period for the points, in months?",
            "How long does it take to recoup the cost of the points, in months?",
            "What is the points break-even in months?",
            "After how many months do the monthly savings cover the points?",
            "Compute the break-even point for buying the points, in months.",
            "How many months of lower payments repay the points?",
            "points breakeven in months?",
            "When do I break even on the discount points, in months?",
            "Is it worth buying the points? Give the break-even in months.",
            "What is the payback period of the discount points in months?",
            "How many months to recover the upfront cost of the points?",
            "Work out the months needed to earn back the points.",
            "how many months to break even on the points?",
            "Find the number of months for the payment savings to equal the points' cost.",
            "What is the recapture period for the points, in months?",
            "How long must I keep the loan for the points to pay off, in months?",
            "What is the break-even horizon for the rate buy-down, in months?",
            "How many months of savings does it take to cover the cost of the points?",
            "What is the number of months to recoup the buy-down?",
        ),
        ood_labels={
            "L": ("sum advanced", "advance from the lender"),
            "pts": (
                "upfront fee in percent of the advance",
                "upfront charge as a percentage of the sum advanced",
            ),
            "M0": ("untrimmed instalment each month", "instalment before trimming"),
            "M1": ("trimmed instalment each month", "instalment after trimming"),
            "r0": ("yearly charge without the upfront fee", "untrimmed yearly charge"),
            "r1": ("yearly charge once the fee is paid", "trimmed yearly charge"),
            "n": ("span of the advance in years", "duration of the advance in years"),
            "H": ("consideration for the dwelling", "dwelling consideration"),
            "stay": ("foreseen residence span in years", "foreseen residence period in years"),
        },
        ood_asks=(
            "After how many months has the upfront fee been earned back?",
            "Give the span in months before the trimmed instalments repay the fee.",
            "When does the upfront fee come back, counting months?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (CAP_RATE_VALUE, CASH_ON_CASH, DSCR, POINTS_BREAKEVEN_MONTHS)
