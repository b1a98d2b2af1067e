"""Personal finance: what a growing stream of payments is worth, a sum restated across years of
inflation, the level income a pot of savings pays until it is empty, and the tax on a gain.

``growing_perpetuity`` values a stream of cash flows that never ends and grows at a constant
rate each year (a scholarship, an endowment's payout, a ground rent, a licence fee): the next
payment over the discount rate less the growth, ``5000/(7.5/100-2.5/100)``. Some questions give
the payment just made instead ("this year's payment of $5,000 has just been paid"): the first
payment still to come is one year of growth higher, ``5000*(1+2.5/100)/(7.5/100-2.5/100)``.
Every question says which: the next payment's words name its date (one year from now, next
year), the other's say it was just paid. It is about cash-flow streams, not share prices (the
dividend versions are ``gordon_growth`` and ``gordon_just_paid``).

``inflation_adjusted_value`` moves an amount across ``n`` years of constant inflation, in the
direction the question asks: a sum received or needed in ``n`` years is worth
``80000/(1+3/100)**20`` in today's money, and what costs an amount today will cost
``45000*(1+3.5/100)**15`` in ``n`` years. The question names the direction in words ("what is
that worth in today's money?", "what will it cost in 15 years?"; composed questions show the
figure wanted beside the numbers), and the formula names it as a word
:func:`quantreason.formula.inflation_adjust` reads: ``inflation_adjust("today",80000,3/100,20)``,
``inflation_adjust("future",45000,3.5/100,15)``. It takes
an inflation rate, not price index levels (``cpi_adjusted_value``), and gives an amount, not a
rate (``real_return``).

``pot_withdrawal`` is the level withdrawal a pot supports so that it is empty after the last
one, withdrawals at the end of each period: monthly, at the nominal annual rate over 12 for
``years*12`` months, ``pmt(4.5/100/12, periods(25,"years",12), 600000)`` (or
``periods(300,"payments")`` where the question states "300 monthly withdrawals"), or yearly,
``pmt(4.5/100, 25, 600000)``. It is about
drawing an income from savings, a pension pot or an endowment (``loan_payment`` repays a loan;
``years_until_depleted`` asks how long a given withdrawal lasts). Some questions say how old
the saver is, which the task never uses.

``capital_gains_tax`` is the tax on a sale: ``(proceeds - cost basis - fees)*rate/100``. The
trade is given as totals (``(48000-31500-650)*20/100``), as shares bought and sold at prices
per share (``(150*82-150*61)*15/100``), or with a stock split in between, which multiplies the
shares sold by the split ratio and leaves the total basis (shares bought times the price paid)
as it was: ``(150*3*82-150*210)*15/100``. Only gains are drawn. Some questions also show the
dividends received meanwhile (income, not part of the gain) or, for a holding said to be
long-term, the short-term rate that does not apply; neither enters the formula.

Solvers are written independently of the formula text: the growing payments summed one year at a
time, inflation applied year by year, the withdrawal read off a schedule simulated period by
period, and the gain per share after the split times the shares sold.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    SCALED_QUESTION_SHARE,
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Param,
    Parts,
    TermCount,
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
from quantreason.tasks.term_counts import COUNT_KEY, term_formula


def _lower(text: str) -> str:
    """``text`` with its first letter lowercase, unless it opens with an acronym ("USD")."""
    return text if text[:2].isupper() else text[0].lower() + text[1:]


def _years_text(texts: Mapping[str, str], nums: Values) -> str:
    """ "15 years", or "1 year" for a single year."""
    return f"{texts['n']} year" if nums["n"].value == 1 else f"{texts['n']} years"


# --- growing_perpetuity -----------------------------------------------------------------------

# The next payment (``C``) or the one just made (``C0``), the discount rate and the growth.
# Out of range, a large endowment's or pension fund's stream at high rates, or a small one at
# the low rates of a low-inflation economy.
_GP_PAYMENT = money((500, 2_000_000), ((3_000_000, 90_000_000), (20, 400)))
_GP_PARAMS: dict[str, Param] = {
    "C": _GP_PAYMENT,
    "r": pct((4, 14), ((15, 30), (1.5, 3.8)), ood_decimals=2),
    "g": pct((0.5, 6), ((6.5, 14), (0.05, 0.45)), ood_decimals=2),
}
JUST_PAID_SHARE = 0.35

# The payment and its date, as a clause inside a sentence: the next payment names when it comes,
# the one just made says it was just paid.
NEXT_CLAUSES = (
    "the first payment, due one year from now, is {pay}",
    "next year's payment will be {pay}",
    "the first payment of {pay} arrives in one year",
    "the payment at the end of the first year is {pay}",
    "the first cash flow, a year from today, will be {pay}",
    "the next payment, {pay}, is due in a year",
)
JUST_PAID_CLAUSES = (
    "this year's payment of {pay} has just been paid",
    "the payment just made was {pay}",
    "the most recent payment, just made, was {pay}",
    "this year's payment was {pay} and it has just been paid",
    "{pay} has just been paid for this year",
    "the latest payment of {pay} was just paid out",
)
# The payment's name in a table or a list.
NEXT_NAMES = (
    "next payment (in one year)",
    "first payment (end of year one)",
    "payment one year from now",
    "next year's payment",
)
JUST_PAID_NAMES = (
    "payment just made",
    "this year's payment (just paid)",
    "most recent payment (just paid)",
    "last payment (just made)",
)


def _gp_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The payment, rate and growth in one band; in JUST_PAID_SHARE of draws the payment is the
    one just made (``C0``) rather than the next one (``C``)."""
    nums = draw_params(_GP_PARAMS, rng, ood)
    if rng.random() < JUST_PAID_SHARE:
        nums = {("C0" if key == "C" else key): num for key, num in nums.items()}
    return nums


def _gp_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{pay}``: the payment; ``{flow}``: a clause with the payment and its
    date; ``{flow_label}`` (``{Flow_label}`` capitalised): the payment's name in a table."""
    texts = number_texts(rng, nums)
    just_paid = "C0" in nums
    texts["pay"] = texts["C0" if just_paid else "C"]
    clauses = JUST_PAID_CLAUSES if just_paid else NEXT_CLAUSES
    texts["flow"] = rng.choice(clauses).format(pay=texts["pay"])
    name = rng.choice(JUST_PAID_NAMES if just_paid else NEXT_NAMES)
    texts["flow_label"], texts["Flow_label"] = name, sentence_case(name)
    return texts


def _gp_value(v: Mapping[str, float]) -> float:
    """The payments summed one year at a time, each discounted to today, until what is left
    no longer counts (the growth stays at least 1.5 points below the rate)."""
    rate, growth = v["r"] / 100, v["g"] / 100
    payment = v["C0"] * (1 + growth) if "C0" in v else v["C"]
    term = payment / (1 + rate)  # the first payment, a year away, in today's money
    total = 0.0
    while term >= total * 1e-17:
        total += term
        term *= (1 + growth) / (1 + rate)  # a year later: grown once more, discounted once more
    return total


def _gp_formula(f: Mapping[str, str]) -> str:
    spread = f"({f['r']}/100-{f['g']}/100)"
    if "C0" in f:
        return f"{f['C0']}*(1+{f['g']}/100)/{spread}"
    return f"{f['C']}/{spread}"


GROWING_PERPETUITY = Family(
    name="growing_perpetuity",
    unit="currency",
    reasoning="Growing perpetuity value = next payment / (discount rate - growth rate), the next "
    "payment being the one just made * (1 + growth) when that is what is given.",
    params={**_GP_PARAMS, "C0": _GP_PAYMENT},
    sample=_gp_sample,
    render=_gp_texts,
    valid=lambda v: v["r"] - v["g"] >= 1.5,
    formula=_gp_formula,
    solve=_gp_value,
    convention="currency: the value today of every payment still to come, the first one year "
    "from now and each one growing at the stated rate, discounted at the stated rate; a payment "
    "just made is not part of the value, and the next one is it grown by one year",
    templates=(
        "A scholarship fund pays an award every year forever, and the award grows {g} a year; "
        "{flow}. At a discount rate of {r}, what is the whole stream worth today?",
        "What is the present value of a perpetuity that grows at {g} per year, if {flow} and "
        "the discount rate is {r}?",
        "Exam question: An endowment pays out a sum every year in perpetuity, and the payout "
        "grows by {g} annually. Given that {flow}, and that the appropriate discount rate is "
        "{r}, calculate the present value of the endowment's payouts.",
        "Hi Priya, the licensing deal pays us a fee every year with no end date, rising {g} a "
        "year; {flow}. Using our {r} discount rate, what is the deal worth today? Thanks, Tom",
        "pv of a growing perpetuity? grows {g}/yr, disc rate {r}, {flow}",
        "| {flow_label} | growth per year | discount rate |\n|---|---|---|\n| {pay} | {g} | {r} "
        "|\nValue of the growing perpetuity today?",
        "- {Flow_label}: {pay}\n- Growth: {g} a year, forever\n- Discount rate: {r}\nWhat is "
        "the present value of the stream?",
        "Please help. A ground rent contract pays every year for ever and the rent goes up {g} "
        "each year; {flow}. With discount rate {r}, how much is the contract worth now?",
        "My aunt, who breeds alpacas in Wales, gave the village school a fund that pays a "
        "bursary every year forever; the bursary rises {g} a year and {flow}. Discounting at "
        "{r}, what is the gift worth today?",
        "Val note: perpetual royalty stream, growth {g} p.a., {flow}, disc. rate {r}. PV = ?",
        "How much is a stream of annual cash flows worth today if it never ends, grows at {g} "
        "per year, and {flow}? Use {r} as the discount rate.",
        "Question 7. A charitable trust distributes income once a year in perpetuity. The "
        "distributions grow at a constant {g} per year, and {flow}. If the required rate of "
        "return is {r}, find the present value of all future distributions.",
        "Dear Marta, the museum's sponsor pays us a grant every year, indefinitely, and raises "
        "it {g} annually; {flow}. At a discount rate of {r}, what is the sponsorship worth as a "
        "lump sum today? Kind regards, Luis",
        "we get a licence fee every year forever, it goes up {g} every year, {flow}. rate {r}. "
        "whats it worth now??",
        "Sorry for my English. One company pays us each year forever and the payment becomes "
        "bigger by {g} every year; {flow}. The discount rate is {r}. What is the value today of "
        "all the payments?",
        "Growing perpetuity: g = {g}, r = {r}; {flow}. Present value?",
        "Value today of a never-ending yearly cash flow that rises {g} a year, discounted at "
        "{r}, where {flow}?",
        "Our foundation pays a research prize every year and always will. The prize grows {g} "
        "per year to keep up with costs, and {flow}. If money is worth {r} a year to us, what "
        "is the prize commitment worth today?",
        "A farmland lease pays rent once a year forever, escalating at {g} per year; {flow}. "
        "What is the lease worth, using a discount rate of {r}?",
        "Client asks: what's the present value of a perpetual, growing payment stream where "
        "{flow}, growth is {g} each year and money is discounted at {r}?",
        "Ground rent valuation: the rent grows {g} annually without end and {flow}. Discount "
        "at {r}. What is the capital value?",
        "I'm valuing a perpetual royalty. It grows at {g} a year; {flow}. What's it worth at a "
        "discount rate of {r}?",
    ),
    ood_templates=(
        "Appraise an everlasting income that climbs {g} with every twelvemonth; {flow}; money "
        "is priced at {r}. Single figure today?",
        "A benefactor's bequest disburses annually without termination, indexed upward by {g} "
        "each cycle. Taking {r} as the bar to clear, and given that {flow}, appraise the "
        "bequest.",
        "Endless receipts, indexed upward at {g} per annum; {flow}. Appraised at {r}, what "
        "single figure matches them?",
    ),
    parts=Parts(
        labels={
            "C": (
                "next payment",
                "first payment (one year from now)",
                "payment due in one year",
                "next year's payment",
                "first-year cash flow",
                "year-one payment",
                "payment at the end of year one",
                "first cash flow (end of the first year)",
                "upcoming payment (in a year)",
                "first annual payment, due next year",
                "cash flow next year",
                "payment arriving a year from today",
            ),
            "C0": (
                "payment just made",
                "this year's payment (just paid)",
                "most recent payment (just paid)",
                "payment just paid",
                "latest payment (already paid)",
                "cash flow just received",
                "last payment (just made)",
                "payment made just now",
                "most recent annual payment, just paid",
                "this year's payout (already made)",
                "just-paid payment",
                "payment that has just gone out",
            ),
            "r": (
                "discount rate",
                "required return",
                "required rate of return",
                "cost of capital",
                "discount rate per year",
                "hurdle rate",
                "opportunity cost of capital",
                "annual discount rate",
                "rate used for discounting",
                "return required per year",
                "yield required",
                "discounting rate",
            ),
            "g": (
                "growth rate",
                "annual growth of the payments",
                "growth per year",
                "payment growth rate",
                "yearly escalation",
                "rate at which the payments grow",
                "annual increase in the payment",
                "growth rate of the cash flows",
                "escalation rate",
                "perpetual growth rate",
                "yearly increase",
                "growth assumption (g)",
            ),
        },
        asks=(
            "What is the present value of the growing perpetuity?",
            "What is the stream worth today?",
            "Value the growing perpetuity.",
            "What is the PV of the payments?",
            "How much is the whole never-ending stream worth now?",
            "What lump sum today is equivalent to the growing payments?",
            "Compute the present value of all the payments still to come.",
            "growing perpetuity value?",
            "What would a buyer pay today for the stream at that discount rate?",
            "What capital value does the stream have?",
            "How big must a fund be today to pay for this growing stream?",
            "What is the value of the perpetuity with growth?",
            "What is the stream's PV, growth included?",
            "Work out the present value of the rising cash flows.",
            "What is today's value of the payments, which grow forever?",
            "whats the pv of the growing stream?",
            "What is the capitalised value of the growing income?",
            "How much is the escalating perpetual income worth today?",
            "Find the present value of the perpetual cash flows growing at a constant rate.",
            "What price today is fair for the right to the future payments?",
            "What is the value of the growing annual stream, discounted to today?",
        ),
        ood_labels={
            "C": ("inaugural receipt, a twelvemonth hence", "opening receipt after one cycle"),
            "C0": ("receipt settled moments ago", "receipt banked this cycle"),
            "r": ("bar to clear", "rate for appraisal"),
            "g": ("indexation pace", "upward indexation"),
        },
        ood_asks=(
            "What single figure now matches the endless, climbing receipts?",
            "Appraise the everlasting indexed income.",
            "Which present figure equates to the whole bequest?",
        ),
    ),
)


# --- inflation_adjusted_value -----------------------------------------------------------------

# An amount in the future (``F``, restated in today's money) or today's price (``P``, projected
# forward); inflation a year; whole years. Out of range, amounts of millions (or a few dollars),
# and high inflation over a year or two, or very low inflation over a lifetime.
_IA_AMOUNT = money((200, 2_000_000), ((3_000_000, 400_000_000), (2, 150)))
_IA_PARAMS: dict[str, Param] = {
    "F": _IA_AMOUNT,
    "pi": pct((1, 8), ((9, 35), (0.1, 0.9)), ood_decimals=2),
    "n": plain((2, 40), ((1, 1), (45, 70))),
}
TODAY_SHARE = 0.5  # of draws: a future amount in today's money (else today's price grown)

# A future amount in today's money: the sum with its date, then the question.
TODAY_SETUPS = (
    "A sum of {amt} is due {years} from now.",
    "A payment of {amt} will arrive in {years}.",
    "The plan pays out {amt} in {years}.",
    "An amount of {amt} will be needed {years} from now.",
    "The savings target is {amt} in {years}.",
    "{amt} will be received {years} from today.",
)
TODAY_ASKS = (
    "What is that worth in today's money?",
    "How much is that in today's {cur}?",
    "What is its purchasing power in today's terms?",
    "In today's money, what is it worth?",
    "What amount today has the same purchasing power?",
    "How much is that in present-day money?",
)
# Today's price grown: the price now, then the question with the date.
FUTURE_SETUPS = (
    "{Thing} costs {amt} today.",
    "Today {thing} costs {amt}.",
    "The price of {thing} is {amt} right now.",
    "Right now {thing} can be bought for {amt}.",
    "{Thing} is priced at {amt} at the moment.",
    "At current prices, {thing} costs {amt}.",
)
FUTURE_ASKS = (
    "What will it cost in {years}?",
    "How much will the same thing cost {years} from now?",
    "What price should I expect to pay in {years}?",
    "How much money will it take to buy it in {years}?",
    "What will its price be after {years} of inflation?",
    "What will it cost {years} from today?",
)
# What an amount of each size buys (an amount under the bound: one of these).
_THINGS = (
    (6, ("a cup of coffee", "a newspaper", "a loaf of bread")),
    (40, ("a cinema ticket", "a paperback book", "a takeaway lunch")),
    (400, ("a pair of running shoes", "a concert ticket", "a week's groceries")),
    (4000, ("a new laptop", "a bicycle", "a washing machine", "a family holiday")),
    (80_000, ("a car", "a year of university tuition", "a wedding", "a new kitchen")),
    (3_000_000, ("a house", "a flat", "a small farm", "a holiday home")),
    (math.inf, ("an office building", "a hotel", "a factory")),
)
# The amount's name in a table or a list, and what a composed question asks for.
TODAY_NAMES = ("amount in the future", "future sum", "sum due later", "amount needed later")
FUTURE_NAMES = ("price today", "cost today", "current price", "price now")
TODAY_WANTED = (
    "the value in today's money",
    "its equivalent in today's prices",
    "its purchasing power today",
    "the present-day equivalent",
)
FUTURE_WANTED = (
    "the cost at the future date",
    "the future price after inflation",
    "what it will cost then",
    "the inflated future cost",
)


def _ia_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    nums = draw_params(_IA_PARAMS, rng, ood)
    if rng.random() < TODAY_SHARE:
        return nums
    return {("P" if key == "F" else key): num for key, num in nums.items()}


def _currency_word(text: str) -> str:
    if "€" in text or "EUR" in text:
        return "euros"
    if "£" in text or "GBP" in text:
        return "pounds"
    return "dollars"


def _ia_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, ``{years}`` ("15 years"), ``{amt}`` the amount, ``{setup}`` a
    sentence giving the amount and its date, ``{ask}`` the question naming the direction
    (``{setup_lc}``, ``{ask_lc}``: first letter lowercase), ``{amt_label}``/``{Amt_label}`` the
    amount's name in a table, and ``{want}``: the figure a composed question asks for."""
    texts = number_texts(rng, nums)
    texts["years"] = _years_text(texts, nums)
    today = "F" in nums
    texts["amt"] = texts["F" if today else "P"]
    texts["cur"] = _currency_word(texts["amt"])
    amount = nums["F" if today else "P"].value
    thing = rng.choice(next(things for bound, things in _THINGS if amount < bound))
    texts["thing"], texts["Thing"] = thing, sentence_case(thing)
    setups, asks = (TODAY_SETUPS, TODAY_ASKS) if today else (FUTURE_SETUPS, FUTURE_ASKS)
    texts["setup"] = sentence_case(rng.choice(setups).format(**texts))
    texts["ask"] = rng.choice(asks).format(**texts)
    texts["setup_lc"], texts["ask_lc"] = _lower(texts["setup"]), _lower(texts["ask"])
    name = rng.choice(TODAY_NAMES if today else FUTURE_NAMES)
    texts["amt_label"], texts["Amt_label"] = name, sentence_case(name)
    texts["want"] = rng.choice(TODAY_WANTED if today else FUTURE_WANTED)
    return texts


def _inflation_adjusted(v: Mapping[str, float]) -> float:
    """Inflation applied one year at a time: prices rise by it each year, so a future sum
    shrinks by it each year on its way back to today."""
    factor = 1 + v["pi"] / 100
    value = v["F"] if "F" in v else v["P"]
    for _ in range(round(v["n"])):
        value = value / factor if "F" in v else value * factor
    return value


def _ia_formula(f: Mapping[str, str]) -> str:
    # Which way the amount moves as a word inflation_adjust() reads: written as * or / the
    # growth, run BR inflated sums asked for "in today's money" (experiments.md, session 37).
    if "F" in f:
        return f'inflation_adjust("today",{f["F"]},{f["pi"]}/100,{f["n"]})'
    return f'inflation_adjust("future",{f["P"]},{f["pi"]}/100,{f["n"]})'


INFLATION_ADJUSTED_VALUE = Family(
    name="inflation_adjusted_value",
    unit="currency",
    reasoning="Inflation over n years: future cost = amount today * (1 + inflation)^n, and value "
    "in today's money = future amount / (1 + inflation)^n.",
    params={**_IA_PARAMS, "P": _IA_AMOUNT},
    sample=_ia_sample,
    render=_ia_texts,
    formula=_ia_formula,
    solve=_inflation_adjusted,
    convention="currency: a future amount divided by (1 + inflation) once for each year to give "
    "today's money, or today's price multiplied by it once for each year to give the future "
    "cost, as the question asks; constant inflation compounded yearly over whole years",
    templates=(
        "{setup} Inflation is expected to run at {pi} a year. {ask}",
        "Assume inflation of {pi} per year. {setup} {ask}",
        "Exam question: Assume a constant annual inflation rate of {pi}. {setup} {ask}",
        "Hi Jonas, a client question for you. {setup} We're assuming inflation of {pi} a year. "
        "{ask} Thanks, Mira",
        "ok so {setup_lc} inflation {pi}/yr. {ask_lc}",
        "| {amt_label} | inflation per year | years |\n|---|---|---|\n| {amt} | {pi} | {n} |\n"
        "{ask}",
        "- {Amt_label}: {amt}\n- Inflation: {pi} a year\n- Horizon: {years}\n{ask}",
        "Please help me. {setup} The inflation is {pi} every year. {ask}",
        "My neighbour, who restores old motorbikes, asked me this over the fence. {setup} "
        "Inflation averages {pi} a year. {ask}",
        "Planning note: {setup_lc} CPI assumption {pi} p.a., compounded yearly. {ask}",
        "With prices rising {pi} every year, here is my question. {setup} {ask}",
        "Question 6. {setup} The rate of inflation is {pi} per annum throughout. {ask}",
        "Dear Ana, {setup_lc} If inflation stays at {pi} a year, {ask_lc} Best wishes, Carl",
        "{setup} {ask} Use {pi} annual inflation, compounded each year.",
        "Sorry for my English. {setup} Inflation in my country is {pi} each year. {ask}",
        "inflation {pi} a year. {setup_lc} {ask_lc}",
        "I'm trying to plan for the long run. {setup} If inflation averages {pi} per year, "
        "{ask_lc}",
        "Inflation check, {pi} a year: {setup_lc} {ask}",
        "Retirement worksheet, line 4: {setup_lc} Inflation assumption: {pi} per year. {ask}",
        "Quick inflation question. {setup} Prices go up {pi} a year. {ask}",
        "Given {pi} annual inflation: {setup_lc} {ask}",
        "For my budget spreadsheet: {setup_lc} Expected inflation is {pi} a year. {ask}",
    ),
    ood_templates=(
        "Price drift of {pi} compounds every twelvemonth. {setup} {ask}",
        "Suppose the cost of living creeps upward by {pi} annually without pause. {setup} {ask}",
        "Monetary erosion runs {pi} yearly. {setup} {ask}",
    ),
    parts=Parts(
        labels={
            "F": (
                "amount in the future",
                "future amount",
                "sum due in the future",
                "future payment",
                "amount to be received later",
                "nominal amount at the future date",
                "future sum",
                "sum needed in the future",
                "sum received at the end",
                "amount in future money",
                "future amount in nominal terms",
                "amount payable later",
            ),
            "P": (
                "price today",
                "cost today",
                "current price",
                "today's cost",
                "price now",
                "current cost",
                "cost in today's money",
                "price at today's level",
                "present-day price",
                "cost at the moment",
                "current price tag",
                "cost at today's prices",
            ),
            "pi": (
                "inflation rate",
                "annual inflation",
                "inflation per year",
                "expected inflation",
                "yearly inflation rate",
                "assumed inflation",
                "CPI inflation per year",
                "rate of inflation",
                "inflation assumption",
                "average annual inflation",
                "price growth per year",
                "general price inflation",
            ),
            "n": (
                "number of years",
                "years",
                "horizon in years",
                "time span (years)",
                "years between now and then",
                "period in years",
                "years ahead",
                "length of time in years",
                "term in years",
                "years to go",
                "time horizon (years)",
                "number of years ahead",
            ),
            "want": (
                "figure wanted",
                "answer wanted",
                "result required",
                "quantity asked for",
                "value sought",
                "number to find",
                "output wanted",
                "requested figure",
                "figure to compute",
                "thing to work out",
                "result to report",
                "figure asked for",
            ),
        },
        asks=(
            "What is the inflation-adjusted figure?",
            "Adjust the amount for inflation: what is it?",
            "What does the inflation adjustment give?",
            "Work out the figure wanted.",
            "Compound inflation over the years: what is the answer?",
            "What amount results after adjusting for inflation?",
            "inflation adjusted amount?",
            "How much is it once inflation is taken into account?",
            "What is the amount after the inflation adjustment, compounded yearly?",
            "Please do the inflation maths: what is the figure?",
            "What is the answer in the money of the date asked for?",
            "Restate the amount at the other date: how much?",
            "What number do you get after adjusting for compound inflation?",
            "What is the amount expressed at the other point in time?",
            "How much, after inflation?",
            "Apply the inflation rate for the years given: what is the result?",
            "What does the sum come to once the years of inflation are applied?",
            "Give the inflation-adjusted value.",
            "whats the figure after inflation?",
            "What is the equivalent amount, adjusting for inflation in the direction asked?",
            "What is the figure asked for, with inflation compounded each year?",
        ),
        ood_labels={
            "F": ("receipt arriving down the road", "deferred receipt"),
            "P": ("prevailing sticker price", "going rate on the shelf"),
            "pi": ("price drift", "monetary erosion per annum"),
            "n": ("intervening span", "span in twelvemonths"),
            "want": ("desired restatement", "conversion to perform"),
        },
        ood_asks=(
            "Which sum emerges once price drift is factored in?",
            "Translate the sum across the intervening price drift.",
            "What figure results after correcting for monetary erosion?",
        ),
    ),
)


# --- pot_withdrawal ---------------------------------------------------------------------------

# The pot, the nominal annual rate it earns, the years it must last, and withdrawals a year
# (12: monthly, i = r/12; 1: yearly). Out of range, a large pot at high rates over a long
# retirement, or a small one at very low rates over a year or few.
_PW_PARAMS: dict[str, Param] = {
    "P": money((20_000, 3_000_000), ((4_000_000, 90_000_000), (1000, 15_000))),
    "r": pct((1, 9), ((10, 16), (0.05, 0.6)), ood_decimals=2),
    "n": plain((5, 40), ((45, 60), (1, 4))),
    "m": plain((0, 0), ((0, 0),), choices=(1.0, 12.0)),
}
MONTHLY_SHARE = 0.6
# The saver's age, which people write beside a retirement pot; the task never uses it.
_PW_SIDE = {"age": plain((55, 72), ())}
_PW_ASIDES = {
    "age": (
        "The account holder is {age} years old.",
        "The saver has just turned {age}.",
        "Retirement starts at age {age}.",
        "(For context, the retiree is {age}.)",
        "The beneficiary has reached the age of {age}.",
    )
}
# How each frequency is written: the adjective, the period, and how interest is credited.
_PW_ADJECTIVES = {12.0: ("monthly",), 1.0: ("annual", "yearly")}
_PW_PERIODS = {12.0: "month", 1.0: "year"}
_PW_CREDITED = {12.0: ("monthly",), 1.0: ("annually", "yearly", "once a year")}
# The frequency's value in a composed question.
_PW_FREQUENCIES = {
    12.0: ("monthly, at each month end", "monthly (end of month)", "end of every month"),
    1.0: ("yearly, at each year end", "annual (end of year)", "end of every year"),
}


def _pw_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Pot, rate and term in one band; monthly in MONTHLY_SHARE of draws, else yearly; the
    saver's age in SIDE_FIGURE_SHARE of them."""
    nums = draw_params(_PW_PARAMS, rng, ood)
    nums["m"] = Num(12.0 if rng.random() < MONTHLY_SHARE else 1.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["age"] = _PW_SIDE["age"].draw(rng, False)
    return nums


def _pw_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{adj}`` the frequency as an adjective ("monthly", "annual"),
    ``{per}`` its period ("month"), ``{adv}`` how interest is credited ("monthly", "annually"),
    ``{years}`` the term ("25 years"), and under ``m`` the frequency as a composed question
    shows it ("monthly (end of month)")."""
    texts = number_texts(rng, nums)
    per_year = nums["m"].value
    texts["years"] = _years_text(texts, nums)
    texts["per"] = _PW_PERIODS[per_year]
    texts["adv"] = rng.choice(_PW_CREDITED[per_year])
    texts["adj"] = rng.choice(_PW_ADJECTIVES[per_year])
    texts["m"] = rng.choice(_PW_FREQUENCIES[per_year])
    return texts


def _pw_withdrawal(v: Mapping[str, float]) -> float:
    """The withdrawal read off a schedule simulated period by period: the balance left at the
    end falls by the same amount for each unit withdrawn each period (it is linear in the
    withdrawal), so the pot grown with nothing taken, over what one unit a period would have
    taken out by then, is the withdrawal that leaves exactly zero."""
    periods = round(v.get(COUNT_KEY, v["n"] * v["m"]))
    growth = 1 + v["r"] / 100 / v["m"]
    untouched, per_unit = v["P"], 0.0
    for _ in range(periods):
        untouched *= growth
        per_unit = per_unit * growth + 1
    return untouched / per_unit


def _pw_formula(f: Mapping[str, str]) -> str:
    if float(f["m"]) == 1:
        return f"pmt({f['r']}/100, {f['n']}, {f['P']})"
    periods = term_formula(f, "12")
    return f"pmt({f['r']}/100/12, {periods}, {f['P']})"


POT_WITHDRAWAL = Family(
    name="pot_withdrawal",
    unit="currency",
    reasoning="Level withdrawal from a pot = pmt(rate per period, number of withdrawals, pot), "
    "so the pot is empty after the last withdrawal.",
    params=_PW_PARAMS,
    sample=_pw_sample,
    render=_pw_texts,
    aside=side_sentences(_PW_ASIDES),
    formula=_pw_formula,
    solve=_pw_withdrawal,
    # "300 monthly payments" or "300 months": the words the payment-count checks read
    # (quantreason.frequency), which do not know "withdrawals"
    term_count=TermCount(years="n", per_year="m", nouns=("payments",)),
    convention="currency per withdrawal: the level amount taken at the end of each period "
    "(month or year, as the question says) that leaves the pot at zero after the last one; "
    "monthly withdrawals use the nominal annual rate over 12 for years * 12 months; no "
    "inflation indexing",
    templates=(
        "I have {P} saved for retirement and it earns {r} a year. How much can I withdraw at "
        "the end of every {per} so the money lasts exactly {years}?",
        "Retirement pot {P}, return {r} p.a., {adj} withdrawals at each {per} end, pot to last "
        "{years}. Level withdrawal?",
        "Exam question: A retiree has a fund of {P} earning interest at {r} per annum, "
        "credited {adv}. She wishes to make level withdrawals at the end of each {per} for "
        "{years}, leaving nothing at the end. Calculate the amount of each withdrawal.",
        "Hi Omar, the client has {P} in her drawdown account, and we assume {r} a year on it. "
        "What level {adj} withdrawal, taken at the end of each {per}, would run the account down "
        "to zero in exactly {years}? Thanks, Elena",
        "how much can i take out every {per} from {P} if it earns {r} a yr and i want it gone "
        "in {years}? end of each {per}",
        "Drawdown plan:\n| pot | annual return | term | withdrawals |\n|---|---|---|---|\n"
        "| {P} | {r} | {years} | {adj}, end of {per} |\nLevel withdrawal that empties the pot?",
        "My situation:\n- Savings: {P}\n- Return: {r} per year\n- Term: {years}\n- Withdrawals: "
        "equal, at the end of each {per}\nHow much is each withdrawal?",
        "Please, I have {P} in the bank with {r} interest each year. I want take the same money "
        "at the end of every {per} and finish all the money after {years}. How much I can take "
        "each time?",
        "My mother just retired from teaching and spends her mornings at the allotment. She has "
        "{P} in savings earning {r} a year and wants equal withdrawals at the end of every {per} "
        "for {years}, ending at zero. How much can she take each time?",
        "Drawdown calc: pot {P}, {r} nominal p.a., {years}, {adj} withdrawals in arrears, nil "
        "residual. Withdrawal amount?",
        "An endowment of {P} earns {r} a year. The trustees want to spend it down completely "
        "over {years} with equal withdrawals at the end of each {per}. How large is each "
        "withdrawal?",
        "Question 3. A lump sum of {P} is invested at {r} per annum, interest credited {adv}. "
        "What level withdrawal at the end of each {per} will exhaust the fund in exactly "
        "{years}?",
        "If a pension pot of {P} grows at {r} a year, what is the largest equal withdrawal at "
        "the end of every {per} that lets it last {years}?",
        "We've got {P} put away and it should earn {r} per year. We'd like a fixed income drawn "
        "at the end of each {per} for the next {years}, using up the money completely. What "
        "can we draw each {per}?",
        "What {adj} income can {P} provide for {years} if it earns {r} a year and each "
        "withdrawal is taken at the end of the {per}?",
        "ok so pot = {P}, return {r}/yr, {years}, withdrawals at end of each {per}. how much "
        "per withdrawal to hit zero at the end",
        "A lottery winner invests {P} at {r} a year and wants to spend it all in {years}, "
        "withdrawing the same amount at the end of every {per}. How much each time?",
        "Hello, I am retired. My savings are {P} and the bank gives {r} each year. I want the "
        "same amount at the end of each {per} for {years}, and then nothing left. How much I "
        "can withdraw?",
        "Sustainable drawdown: {P} portfolio, {r} expected return per annum, spend to zero over "
        "{years}, level withdrawals at each {per} end. Size of each withdrawal?",
        "Starting balance {P}; interest {r} a year, credited {adv}; equal withdrawals at the "
        "end of every {per} for {years}, final balance zero. Withdrawal?",
        "What level {adj} payout can a pot of {P} fund for {years} at {r} a year, paid at the "
        "end of each {per}?",
        "A charity's reserve of {P} earns {r} per year. It plans to draw the same amount at the "
        "end of every {per} until the reserve is used up in {years}. What is each draw?",
    ),
    ood_templates=(
        "Liquidate a corpus of {P} evenly across {years}: it accrues {r} yearly, and a uniform "
        "stipend is disbursed as each {per} closes. How large is that stipend?",
        "Decumulation ledger: corpus {P}, accrual {r} annually, tenor {years}, identical "
        "disbursements posted whenever a {per} concludes, zero remainder. Disbursement?",
        "What uniform stipend, released as every {per} concludes, depletes {P} across {years} "
        "if the remainder keeps accruing {r} yearly?",
    ),
    parts=Parts(
        labels={
            "P": (
                "retirement pot",
                "starting balance",
                "savings at retirement",
                "pot",
                "lump sum available",
                "nest egg",
                "portfolio value",
                "amount saved",
                "pension pot",
                "opening balance",
                "capital available",
                "endowment fund",
            ),
            "r": (
                "annual return",
                "interest rate per year",
                "expected annual return",
                "nominal annual rate",
                "growth rate per annum",
                "rate earned on the pot",
                "yearly interest rate",
                "return p.a.",
                "assumed return per year",
                "annual yield on the savings",
                "investment return per year",
                "interest earned per year",
            ),
            "n": (
                "years the money must last",
                "term in years",
                "drawdown period (years)",
                "number of years",
                "years of withdrawals",
                "horizon in years",
                "payout period in years",
                "length of retirement (years)",
                "years until the pot is empty",
                "duration in years",
                "withdrawal period in years",
                "years to run down the pot",
            ),
            "m": (
                "withdrawal frequency",
                "how often withdrawals are taken",
                "payout frequency",
                "frequency of withdrawals",
                "withdrawal schedule",
                "payment frequency",
                "drawdown frequency",
                "income frequency",
                "payout schedule",
                "timing of withdrawals",
                "withdrawal timing",
                "payout interval",
            ),
            "age": (
                "age at retirement",
                "current age",
                "retiree's age",
                "age of the saver",
                "client's age",
                "age today",
                "age now",
                "age of the account holder",
                "age when withdrawals start",
                "investor's age",
                "retirement age",
                "age of the retiree",
            ),
        },
        asks=(
            "How much can be withdrawn each time?",
            "What level withdrawal does the pot support?",
            "What is each withdrawal?",
            "How big can each payout be so that the pot ends at zero?",
            "What regular income can the savings provide?",
            "Compute the level withdrawal that exhausts the pot.",
            "What is the sustainable withdrawal per period?",
            "What equal amount can be drawn each period until the money runs out on schedule?",
            "What withdrawal amount empties the account exactly at the end of the term?",
            "how much per withdrawal?",
            "What is the drawdown amount per period?",
            "Work out the fixed withdrawal.",
            "What income per period does the lump sum buy?",
            "Find the payout that runs the balance down to zero.",
            "What is the maximum equal withdrawal?",
            "How much can be taken out each period, in currency?",
            "What is the periodic withdrawal, taken at the end of each period?",
            "Solve for the annuity payment the pot can fund.",
            "What level payout can the pot sustain for the whole term?",
            "What regular amount can I draw and still have it last the whole term?",
            "whats the withdrawal each period?",
        ),
        ood_labels={
            "P": ("corpus to liquidate", "corpus on deposit"),
            "r": ("accrual rate", "yearly accrual"),
            "n": ("tenor of the decumulation", "span before zero"),
            "m": ("disbursement cadence", "stipend cadence"),
            "age": ("years lived so far", "birthdays celebrated"),
        },
        ood_asks=(
            "What uniform disbursement depletes the corpus on time?",
            "Determine the identical stipend that liquidates the corpus.",
            "How large a stipend can the corpus release at each juncture?",
        ),
    ),
)


# --- capital_gains_tax ------------------------------------------------------------------------

# How a trade is given: totals (``S`` sale proceeds, ``B`` cost basis), shares bought (``N``) at a
# price (``p0``) and sold (``p1``), or shares bought, a k-for-1 split (``k``) and the post-split
# shares sold at ``q1``. ``f``: fees stated; ``t``: the tax rate on the gain.
AMOUNTS, SHARES, SPLIT = "amounts", "shares", "split"
_MODE_WEIGHTS = ((AMOUNTS, 0.35), (SHARES, 0.4), (SPLIT, 0.25))
_BASIS = money((1000, 2_000_000), ((3_000_000, 200_000_000), (40, 900)))
# Out of range: many penny shares, or a few shares priced in the thousands (NVR, Berkshire's B
# shares before their split); a fortune, or a few hundred dollars, as totals.
_SHARE_COUNT = plain((10, 5000), ((8000, 500_000), (1, 5)), log=True)
_BUY_PRICE = money((5, 900), ((0.05, 4), (1000, 6000)), decimals=2)
_TAX_RATE = pct((10, 33), ((35, 50), (2, 8)))
_CGT_PARAMS: dict[str, Param] = {"B": _BASIS, "N": _SHARE_COUNT, "p0": _BUY_PRICE, "t": _TAX_RATE}
# Rates people are quoted (US long-term 15 and 20 %, with the 3.8 % surtax 23.8 %; UK 10, 18,
# 20 and 24 %; 25, 26.375, 30 % elsewhere): most training questions use one of these.
_COMMON_RATES = (10.0, 15.0, 18.0, 20.0, 23.8, 24.0, 25.0, 26.375, 28.0, 30.0)
COMMON_RATE_SHARE = 0.6
_SPLIT_RATIOS = (2, 2, 2, 3, 3, 4, 5, 10, 20)
FEE_SHARE = 0.4
# Side figures: dividends received while the holding was held (income, not gain), and for a
# holding said to be long-term, the short-term rate that does not apply.
_SHORT_RATES = (22.0, 24.0, 32.0, 35.0, 37.0, 40.0, 45.0)
_CGT_ASIDES = {
    "D": (
        "Dividends of {D} were also received while the position was held; they are taxed "
        "separately as income.",
        "Note: {D} of dividends came in along the way, taxed as income, not as part of the gain.",
        "Side detail: the holding paid {D} in dividends before it was sold.",
        "The position also paid out {D} in dividends over the years.",
        "Distributions totalling {D} accrued meanwhile and are assessed elsewhere.",
    ),
    "ts": (
        "The investment was held for more than a year, so the long-term rate applies (the "
        "short-term rate would be {ts}).",
        "It was a long-term holding; short-term gains would have been taxed at {ts} instead.",
        "Held for over a year: the short-term rate of {ts} does not apply.",
        "For reference, the short-term rate is {ts}, but this was a long-term holding.",
        "Tenure exceeded twelve months, so the {ts} short-dated levy is irrelevant.",
    ),
}


def _priced_like(raw: float, like: Num) -> Num:
    """A price per share drawn beside ``like``: whole where ``like`` is (a round figure, and
    10 or more), else to the cent (a tenth of a cent under a dollar, as penny stocks trade)."""
    if like.decimals == 0 and raw >= 10:
        return Num(float(round(raw)), 0, "money")
    decimals = 2 if raw >= 1 else 3
    return Num(max(round(raw, decimals), 0.001), decimals, "money")


def _amount_like(rng: random.Random, raw: float, like: Num) -> Num:
    """A total drawn beside ``like`` (proceeds beside a basis): shown with its scale ("$1.87M"
    beside "$1.2M"), or to three or four significant figures (two where ``like`` is round)."""
    if like.scale != 1:
        decimals = max(like.decimals, 1) if like.scale >= 1e6 else like.decimals
        return Num(round(raw / like.scale, decimals) * like.scale, decimals, "money", like.scale)
    figures = 2 if significant(like.value, 2) == like.value else rng.choice((3, 4, 4))
    return Num(significant(raw, figures, whole=True), 0, "money")


_ROUND_LOT_SHARE = 0.5  # share counts people write as round lots: 150, 1,200, 2,500


def _share_count(rng: random.Random, ood: bool, band: int) -> Num:
    drawn = _SHARE_COUNT.draw(rng, ood, band)
    if rng.random() < _ROUND_LOT_SHARE and drawn.value >= 20:
        step = rng.choice((10, 25, 50, 100))
        rounded = float(round(drawn.value / step) * step)
        low, high = _SHARE_COUNT.ood[band % 2] if ood else _SHARE_COUNT.train
        if rounded and low <= rounded <= high:
            return Num(rounded, 0, "plain")
    return drawn


def _fee(rng: random.Random, mode: str, proceeds: float) -> Num:
    """Fees stated for the trade: selling costs of 0.5 to 4 % of the proceeds on a total, or
    commissions of a few dollars to a hundred on shares (to the cent in some questions)."""
    if mode == AMOUNTS:
        return Num(significant(proceeds * rng.uniform(0.005, 0.04), 2, whole=True), 0, "money")
    if rng.random() < 0.5:
        return Num(float(rng.randrange(5, 100)), 0, "money")
    return Num(round(rng.uniform(4, 60), 2), 2, "money")


def _cgt_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A trade in one band and style (see the module docstring), always at a gain of 3 % to
    300 % before fees; the rate one people are quoted in most training questions; fees in
    FEE_SHARE of draws, and side figures in SIDE_FIGURE_SHARE."""
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    modes, weights = zip(*_MODE_WEIGHTS, strict=True)
    mode = rng.choices(modes, weights)[0]
    growth = math.exp(rng.uniform(math.log(1.03), math.log(4.0)))
    nums: dict[str, Num] = {}
    if mode == AMOUNTS:
        basis = _BASIS.draw(rng, ood, band, scaled, round_figures)
        nums["B"] = basis
        nums["S"] = _amount_like(rng, basis.value * growth, basis)
        proceeds = nums["S"].value
    else:
        nums["N"] = _share_count(rng, ood, band)
        nums["p0"] = _BUY_PRICE.draw(rng, ood, band, round_figures=round_figures)
        if mode == SPLIT and nums["p0"].value < 20:  # splits come after a price has run up
            mode = SHARES
        if mode == SHARES:
            nums["p1"] = _priced_like(nums["p0"].value * growth, nums["p0"])
            proceeds = nums["N"].value * nums["p1"].value
        else:
            split = rng.choice(_SPLIT_RATIOS)
            nums["k"] = Num(float(split), 0, "plain")
            nums["q1"] = _priced_like(nums["p0"].value * growth / split, nums["p0"])
            proceeds = nums["N"].value * split * nums["q1"].value
    if rng.random() < FEE_SHARE:
        nums["f"] = _fee(rng, mode, proceeds)
    if not ood and rng.random() < COMMON_RATE_SHARE:
        rate = rng.choice(_COMMON_RATES)
        nums["t"] = Num(rate, len(f"{rate:g}".partition(".")[2]), "pct")
    else:
        nums["t"] = _TAX_RATE.draw(rng, ood, band, round_figures=round_figures)
    if rng.random() < SIDE_FIGURE_SHARE:
        which = rng.random()  # dividends, the short-term rate, or (in a fifth of draws) both
        basis = nums["B"].value if "B" in nums else nums["N"].value * nums["p0"].value
        if which < 0.6 and basis >= 500:  # dividends worth mentioning
            dividends = basis * rng.uniform(0.01, 0.08)
            nums["D"] = Num(significant(dividends, rng.choice((2, 3)), whole=True), 0, "money")
        if which >= 0.4:  # a short-term rate above the one that applies
            higher = [rate for rate in _SHORT_RATES if rate >= nums["t"].value + 5]
            if higher:
                nums["ts"] = Num(rng.choice(higher), 0, "pct")
    return nums


def _gain(v: Mapping[str, float]) -> float:
    """The gain before fees: the proceeds less the basis, per share after any split."""
    if "S" in v:
        return v["S"] - v["B"]
    if "k" in v:
        shares_sold = v["N"] * v["k"]
        basis_per_new_share = v["p0"] / v["k"]
        return shares_sold * (v["q1"] - basis_per_new_share)
    return v["N"] * (v["p1"] - v["p0"])


def _cgt(v: Mapping[str, float]) -> float:
    taxable = _gain(v) - v.get("f", 0.0)
    return taxable * v["t"] / 100


def _cgt_valid(v: Mapping[str, float]) -> bool:
    basis = v["B"] if "B" in v else v["N"] * v["p0"]
    taxable = _gain(v) - v.get("f", 0.0)
    # a gain of at least 2 % of the basis after fees, the fees under half of the gain, and a
    # position no larger than a few billion
    return taxable >= 0.02 * basis and v.get("f", 0.0) < 0.5 * _gain(v) and basis <= 5e9


def _cgt_formula(f: Mapping[str, str]) -> str:
    if "S" in f:
        proceeds, basis = f["S"], f["B"]
    elif "k" in f:
        proceeds, basis = f"{f['N']}*{f['k']}*{f['q1']}", f"{f['N']}*{f['p0']}"
    else:
        proceeds, basis = f"{f['N']}*{f['p1']}", f"{f['N']}*{f['p0']}"
    fees = f"-{f['f']}" if "f" in f else ""
    return f"({proceeds}-{basis}{fees})*{f['t']}/100"


# The trade as a clause that follows a subject ("I", "an investor", "she"): past tense, no
# agreement to make.
_TRADES = {
    AMOUNTS: (
        "bought shares for {B} in total and sold the whole holding for {S}",
        "paid {B} for a stake in an index fund and later sold it for {S}",
        "invested {B} in a stock position and sold all of it for {S}",
        "bought an ETF holding for {B} and sold it for {S}",
        "put {B} into a single stock and cashed out the whole position for {S}",
    ),
    SHARES: (
        "bought {N} shares at {p0} each and sold them all at {p1}",
        "bought {N} shares at {p0} and later sold all of them at {p1} a share",
        "purchased {N} shares for {p0} apiece and sold the lot at {p1}",
        "bought {N} shares of a tech company at {p0} and sold every one at {p1}",
    ),
    SPLIT: (
        "bought {N} shares at {p0}; the stock then split {k}, and all the shares were later "
        "sold at {q1} each after the split",
        "bought {N} shares at {p0}, held them through {a_split} stock split, and sold all the "
        "post-split shares at {q1}",
        "purchased {N} shares at {p0} each; after {a_split} split, sold every share at {q1}",
        "bought {N} shares at {p0}; following {a_split} stock split ({meaning}) the whole "
        "holding was sold at {q1} a share",
    ),
}
_FEE_TAILS = (
    ", paying {f} in fees and commissions",
    ", with {f} of trading costs in total",
    "; fees came to {f} altogether",
    ", and paid {f} in total commissions",
)
# Lines of a list or table: the figures of each kind of trade, named.
_TRADE_LINES = {
    AMOUNTS: (("Total cost", "B"), ("Sale proceeds", "S")),
    SHARES: (
        ("Shares bought", "N"),
        ("Price paid per share", "p0"),
        ("Sale price per share", "p1"),
    ),
    SPLIT: (
        ("Shares bought", "N"),
        ("Price paid per share", "p0"),
        ("Stock split before the sale", "k"),
        ("Sale price per share (after the split)", "q1"),
    ),
}
_NOTES = {
    AMOUNTS: "cost {B}, proceeds {S}",
    SHARES: "{N} sh bought @ {p0}, sold @ {p1}",
    SPLIT: "{N} sh bought @ {p0}, {k} split, all sold @ {q1} post-split",
}


def _mode(nums: Values | Mapping[str, object]) -> str:
    if "S" in nums:
        return AMOUNTS
    return SPLIT if "k" in nums else SHARES


def _cgt_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual (a split as "3-for-1"); ``{trade}``: the trade as a clause after a
    subject, fees included; ``{trade_list}``: one "- name: value" line per figure;
    ``{trade_table}``: a markdown table of them; ``{trade_note}``: desk shorthand."""
    texts = number_texts(rng, nums)
    mode = _mode(nums)
    if mode == SPLIT:
        split = round(nums["k"].value)
        texts["k"] = f"{split}-for-1"
        texts["a_split"] = f"a {texts['k']}"
        texts["meaning"] = f"each share became {split} shares"
    trade = rng.choice(_TRADES[mode]).format(**texts)
    lines = [(name, texts[key]) for name, key in _TRADE_LINES[mode]]
    note = _NOTES[mode].format(**texts)
    if "f" in nums:
        trade += rng.choice(_FEE_TAILS).format(**texts)
        lines.append(
            (rng.choice(("Fees and commissions", "Total fees", "Trading costs")), texts["f"])
        )
        note += f", fees {texts['f']}"
    texts["trade"], texts["trade_note"] = trade, note
    texts["trade_list"] = "\n".join(f"- {name}: {value}" for name, value in lines)
    header = "| " + " | ".join(name for name, _ in lines) + " |"
    rule = "|" + "|".join("---" for _ in lines) + "|"
    row = "| " + " | ".join(value for _, value in lines) + " |"
    texts["trade_table"] = f"{header}\n{rule}\n{row}"
    return texts


CAPITAL_GAINS_TAX = Family(
    name="capital_gains_tax",
    unit="currency",
    reasoning="Capital gains tax = (sale proceeds - cost basis - fees) * tax rate, where a split "
    "multiplies the shares sold but leaves the total cost basis unchanged.",
    params=_CGT_PARAMS,
    sample=_cgt_sample,
    render=_cgt_texts,
    aside=side_sentences(_CGT_ASIDES),
    valid=_cgt_valid,
    formula=_cgt_formula,
    solve=_cgt,
    uses=frozenset({"taxes", "costs"}),
    convention="currency: tax owed on the sale, (proceeds - total cost basis - any fees stated) "
    "* the rate on the gain; a k-for-1 split before the sale makes the shares sold k times "
    "those bought and leaves the total basis (shares bought * price paid) unchanged; dividends "
    "received are income, not part of the gain, and where a short-term rate is shown for a "
    "long-term holding the rate given for the gain applies",
    templates=(
        "I {trade}. The capital gains tax rate is {t}. How much tax do I owe on the sale?",
        "An investor {trade}. Gains are taxed at {t}. Calculate the capital gains tax payable.",
        "Exam question: Ms Ortega {trade}. Her capital gains are taxed at {t}. Compute the "
        "capital gains tax due on the disposal.",
        "Hi Ben, the client {trade}. With CGT at {t}, what's her tax bill on the sale? Thanks, "
        "Aisha",
        "Sale details:\n{trade_list}\n- Tax rate on gains: {t}\nHow much capital gains tax is "
        "owed?",
        "My trade:\n{trade_table}\n\nCGT rate {t}. Tax on the gain?",
        "sold my position lol. i {trade}. cgt is {t}, how much do i owe??",
        "Please help. I {trade}. In my country the tax on capital gain is {t}. How much tax I "
        "must pay?",
        "My grandfather, who still repairs clocks in his garage, {trade}. The gain is taxed at "
        "{t}. What does he owe in capital gains tax?",
        "Tax memo: client {trade}. CGT at {t}. Liability = ?",
        "What is the capital gains tax if someone {trade} and the tax rate on gains is {t}?",
        "Question 5. A shareholder {trade}. Assuming a capital gains tax rate of {t}, determine "
        "the tax payable on the gain.",
        "Dear Sofia, last year I {trade}. My accountant says the rate is {t}. What tax bill "
        "should I expect on that gain? Best, Paul",
        "Tax on the sale? I {trade}. Rate {t}.",
        "She {trade}. With capital gains taxed at {t}, how much of her gain goes to tax?",
        "Planning my tax return: I {trade}. Capital gains tax is charged at {t}. What is the "
        "tax on this disposal?",
        "ok so i {trade} and the tax rate on gains is {t}. whats the tax",
        "We {trade}. How much capital gains tax do we owe at {t}?",
        "CGT calc: {trade_note}; rate {t}. Tax due?",
        "A trader {trade}. If the capital gains rate is {t}, what tax is owed on the profit?",
        "Sorry for my English. I {trade}. Tax for capital gain is {t}. How much is the tax?",
        "Before filing, I want to check my numbers: I {trade}. At {t} on the gain, what's the "
        "capital gains tax?",
    ),
    ood_templates=(
        "Levy on divestment: a holder {trade}; appreciation is assessed at {t}. Sum remitted "
        "to the revenue authority?",
        "Our revenue office charges {t} on appreciation. A taxpayer {trade}. Magnitude of the "
        "levy?",
        "Divestment ledger - {trade_note}. Appreciation levy {t}. Remittance due?",
    ),
    parts=Parts(
        labels={
            "B": (
                "cost basis",
                "total purchase cost",
                "amount paid for the holding",
                "purchase cost",
                "original cost",
                "book cost",
                "acquisition cost",
                "total cost of the shares",
                "cost of the investment",
                "basis",
                "price paid in total",
                "initial investment",
            ),
            "S": (
                "sale proceeds",
                "total sale proceeds",
                "amount received on the sale",
                "selling price (total)",
                "proceeds from the sale",
                "disposal proceeds",
                "gross proceeds",
                "amount the holding sold for",
                "sale value",
                "cash received from the sale",
                "total sale price",
                "realised value",
            ),
            "N": (
                "shares bought",
                "number of shares purchased",
                "share count bought",
                "shares acquired",
                "position size (shares)",
                "quantity purchased",
                "number of shares bought",
                "shares in the original purchase",
                "shares originally bought",
                "original share count",
                "lot size bought",
                "shares purchased",
            ),
            "p0": (
                "purchase price per share",
                "price paid per share",
                "buy price",
                "cost per share",
                "entry price",
                "original share price",
                "acquisition price per share",
                "price at purchase",
                "price bought at",
                "purchase price",
                "share price when bought",
                "unit cost",
            ),
            "p1": (
                "sale price per share",
                "selling price",
                "exit price",
                "price sold at",
                "sale price",
                "price per share at sale",
                "disposal price per share",
                "share price at sale",
                "price received per share",
                "selling price per share",
                "exit price per share",
                "price when sold",
            ),
            "k": (
                "stock split before the sale",
                "split ratio",
                "share split",
                "stock split",
                "split during the holding",
                "split",
                "corporate action (split)",
                "forward split",
                "split applied",
                "split in between",
                "split effected",
                "share split ratio",
            ),
            "q1": (
                "sale price per share after the split",
                "post-split sale price",
                "selling price per post-split share",
                "exit price (post-split)",
                "price sold at after the split",
                "post-split price at sale",
                "sale price per new share",
                "price per share on sale, after the split",
                "split-adjusted sale price",
                "selling price after the split",
                "post-split exit price",
                "price received per post-split share",
            ),
            "f": (
                "fees and commissions",
                "total fees",
                "trading costs",
                "commissions paid",
                "selling costs",
                "transaction costs",
                "broker fees (total)",
                "dealing costs",
                "total commissions",
                "costs of buying and selling",
                "fees on the trades",
                "brokerage",
            ),
            "t": (
                "capital gains tax rate",
                "CGT rate",
                "tax rate on gains",
                "rate of capital gains tax",
                "tax rate on the profit",
                "capital gains rate",
                "applicable tax rate",
                "tax rate",
                "long-term capital gains rate",
                "rate of tax on the gain",
                "marginal CGT rate",
                "gains tax rate",
            ),
            "D": (
                "dividends received while holding",
                "dividends collected meanwhile",
                "dividend income along the way",
                "dividends paid during the holding period",
                "total dividends received (taxed separately)",
                "cash dividends received before the sale",
                "dividends banked while invested",
                "income received from dividends",
                "dividends earned over the holding period",
                "dividend payments received",
                "dividends pocketed in the meantime",
                "distributions received while held",
            ),
            "ts": (
                "short-term rate (not applicable: held over a year)",
                "short-term gains rate, which does not apply here",
                "rate for short-term gains (holding is long-term)",
                "short-term capital gains rate (not used)",
                "rate had it been held under a year",
                "ordinary income rate for short-term gains (not applicable)",
                "short-term CGT rate (does not apply)",
                "tax rate on short holdings (not this one)",
                "rate for gains held a year or less (not relevant here)",
                "short-term rate, irrelevant here (long-term holding)",
                "short-term gains rate that would have applied",
                "tax rate if it had been sold within a year",
            ),
        },
        asks=(
            "How much capital gains tax is owed?",
            "What is the capital gains tax on the sale?",
            "Compute the CGT due.",
            "What tax is payable on the gain?",
            "How much tax do I owe on this sale?",
            "CGT owed?",
            "What is the tax bill on the profit?",
            "Work out the capital gains tax liability.",
            "What is the tax due on the realised gain?",
            "How much of the gain goes to tax?",
            "What capital gains tax should go on the return?",
            "whats the cgt?",
            "Calculate the tax on the disposal.",
            "What does the taxman take from this gain?",
            "How much tax is due on the profit from the sale, in currency?",
            "What is the CGT liability on the disposal?",
            "Find the capital gains tax payable.",
            "What tax will the sale trigger?",
            "How much do I need to set aside for capital gains tax?",
            "What is the tax owed after deducting the cost basis and any fees?",
        ),
        ood_labels={
            "B": ("outlay at the outset", "money sunk at the start"),
            "S": ("consideration obtained", "divestment consideration"),
            "N": ("parcel of equity taken on", "pieces in the opening parcel"),
            "p0": ("outlay per piece", "per-piece outlay on entering"),
            "p1": ("per-piece consideration", "consideration per piece on leaving"),
            "k": ("subdivision of the stock", "share subdivision"),
            "q1": (
                "consideration per subdivided piece",
                "per-piece consideration after subdivision",
            ),
            "f": ("frictional charges", "frictions on the round trip"),
            "t": ("appreciation levy", "levy on appreciation"),
            "D": ("payouts collected en route", "income drip along the journey"),
            "ts": ("levy on brief tenures (inapplicable)", "quick-turnover levy, not in force"),
        },
        ood_asks=(
            "What levy does the appreciation attract?",
            "Remittance due to the revenue authority?",
            "Compute the appreciation levy.",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    GROWING_PERPETUITY,
    INFLATION_ADJUSTED_VALUE,
    POT_WITHDRAWAL,
    CAPITAL_GAINS_TAX,
)
