"""Buying shares on margin: the price at which the broker calls for more money, and the return
the borrowed money gives (or takes from) the investor's own cash.

Retail investors ask the first the day they open a margin account ("I bought at $50 on 50 %
margin, how far can it fall before I get a call?"), and it is a staple of investments exams;
the second is how people see what leverage did to a trade ("I put in $12,000, borrowed $8,000,
the shares are now worth $23,400: what did I make on my own money?"). People state a margin
purchase in three ways (the total bought and their own cash; their own cash and the loan; a
number of shares at a price on some initial margin), and the loan rate only sometimes: the
formula uses exactly the numbers the question shows. Solvers are written independently of the
formula text (a bisection on the account's equity share, the loan repaid at year end).
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
)

# --- margin_call_price -----------------------------------------------------------------------

_CALL_PRICE = money((5, 500), ((800, 9000), (0.1, 2)), decimals=2)
# Out of range, bands are paired: a very high initial margin meets a high maintenance margin,
# a low one (portfolio-margin style) a low maintenance margin, so maintenance < initial holds.
_INITIAL_MARGIN = pct((40, 80), ((85, 95), (10, 30)), decimals=0)
_MAINTENANCE_MARGIN = pct((20, 35), ((40, 75), (5, 15)), decimals=0)
_SNAP_SHARE = 0.7  # brokers and exams quote margins as round numbers (50 %, 25 %, 30 %)


def _snapped(num: Num, step: float) -> Num:
    return Num(float(step * round(num.value / step)), 0, num.kind)


def _call_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A purchase price (whole in round-figure questions) and two margin percentages, in range
    mostly multiples of 5 as brokers set them."""
    band = rng.randrange(2)
    round_figures = rng.random() < ROUND_QUESTION_SHARE
    price = _CALL_PRICE.draw(rng, ood, band, round_figures=round_figures)
    initial = _INITIAL_MARGIN.draw(rng, ood, band)
    maintenance = _MAINTENANCE_MARGIN.draw(rng, ood, band)
    if not ood and rng.random() < _SNAP_SHARE:
        initial = _snapped(initial, 5)
    if not ood and rng.random() < _SNAP_SHARE:
        maintenance = _snapped(maintenance, 5)
    return {"P": price, "im": initial, "mm": maintenance}


def _margin_call_price(v: Mapping[str, float]) -> float:
    """The price at which equity / market value falls to the maintenance margin, by bisection
    on a 100-share position whose loan is fixed at purchase."""
    shares = 100.0
    loan = shares * v["P"] * (1 - v["im"] / 100)

    def equity_share(price: float) -> float:
        value = shares * price
        return (value - loan) / value

    low, high = loan / shares, v["P"]  # equity share 0 at the low end, the initial margin at P
    for _ in range(200):
        mid = (low + high) / 2
        if equity_share(mid) < v["mm"] / 100:
            low = mid
        else:
            high = mid
    return (low + high) / 2


MARGIN_CALL_PRICE = Family(
    name="margin_call_price",
    uses=frozenset({"leverage"}),
    unit="currency",
    reasoning="Margin call price = purchase price * (1 - initial margin) / (1 - maintenance "
    "margin).",
    params={"P": _CALL_PRICE, "im": _INITIAL_MARGIN, "mm": _MAINTENANCE_MARGIN},
    sample=_call_sample,
    valid=lambda v: v["mm"] <= v["im"] - 5,
    formula=lambda f: f"{f['P']}*(1-{f['im']}/100)/(1-{f['mm']}/100)",
    solve=_margin_call_price,
    convention="price per share of a long position bought on margin: the loan is (1 - initial "
    "margin) of the purchase price and stays fixed; the call comes when equity / market value "
    "falls to the maintenance margin; no interest",
    templates=(
        "You buy a stock at {P} using an initial margin of {im}. The maintenance margin is "
        "{mm}. At what price will you receive a margin call?",
        "Purchase price {P}, initial margin {im}, maintenance margin {mm}. Margin call price?",
        "An investor buys shares on margin at {P} per share. The initial margin requirement is "
        "{im} and the maintenance margin is {mm}. Below what share price does the investor get "
        "a margin call?",
        "Exam question: Shares are purchased at {P} with {im} initial margin. If the maintenance "
        "margin requirement is {mm}, calculate the price at which a margin call occurs.",
        "I bought a stock at {P} in my margin account, putting up {im} of the cost myself. My "
        "broker's maintenance requirement is {mm}. How far can the price fall before I get a "
        "margin call? Give me the trigger price.",
        "px {P}, IM {im}, MM {mm} -> margin call px?",
        "Hi Jonas, a client went long a stock at {P} on {im} initial margin; the house "
        "maintenance level is {mm}. Can you work out the price at which we'd have to issue a "
        "margin call? Thanks, Mei",
        "| buy price | initial margin | maintenance margin | margin call price |\n| {P} | {im} "
        "| {mm} | ? |",
        "- entry price: {P}\n- initial margin: {im}\n- maintenance margin: {mm}\n- price that "
        "triggers a margin call?",
        "At what stock price does a margin call happen if shares bought at {P} were financed "
        "with {im} initial margin and the maintenance margin is {mm}?",
        "My broker requires {im} initial margin and {mm} maintenance margin. I bought at {P}. "
        "What's the price where I'd get margin called?",
        "Find the margin call trigger price for a long position opened at {P} with initial "
        "margin {im} and maintenance margin {mm}.",
        "Question 4 (3 marks). An investor purchases shares at {P} each, borrowing the "
        "remainder after an initial margin of {im}. The maintenance margin is {mm}. Ignoring "
        "interest, at what price will the investor receive a margin call?",
        "ok so i bought a stock at {P} on margin, initial margin was {im}, maintenance is {mm}. "
        "at what price do i get the margin call?",
        "Please help, I buy shares with price {P} and initial margin {im}. Maintenance margin "
        "is {mm}. Which price the broker make margin call?",
        "Long stock bought on margin at {P}: initial margin {im}, maintenance {mm}. Compute the "
        "price at which the equity drops to the maintenance level.",
        "What is the lowest price a stock bought at {P} can reach before a margin call, with an "
        "initial margin of {im} and a maintenance margin of {mm}?",
        "Dear team, ahead of tomorrow's risk review: our margin client holds shares bought at "
        "{P} with {im} initial margin, and the maintenance requirement is {mm}. At what share "
        "price does the account hit a margin call? Regards, Olu",
        "Margin maths: P0 = {P}, initial margin = {im}, maintenance margin = {mm}. Price at "
        "which a margin call is triggered?",
        "My uncle, who swears he is not a gambler, bought shares at {P} on margin with {im} "
        "down. His broker's maintenance margin is {mm}. At what price will the broker call him "
        "for more money?",
        "If you purchase a stock for {P} with {im} initial margin and your broker's maintenance "
        "margin is {mm}, what price would trigger a margin call?",
        "Initial margin {im}; maintenance margin {mm}; purchase price {P}. Find the critical "
        "price for a margin call.",
        "The stock I bought at {P} keeps falling. I used {im} initial margin and the "
        "maintenance margin is {mm}. At what price will I get a margin call?",
        "margin call px | buy {P} | IM {im} | maint {mm}",
        "Calculate the share price at which a margin call occurs. Data: purchase price {P}, "
        "initial margin {im}, maintenance margin requirement {mm}.",
        "A trader goes long at {P} with an initial margin of {im}. Maintenance margin: {mm}. "
        "How low can the price go before the margin call comes?",
    ),
    ood_templates=(
        "Shares were acquired at {P}, with {im} of the cost paid in cash and the rest lent by "
        "the broker. Should equity sink to {mm} of market value, the broker demands more funds: "
        "at which quote does that happen?",
        "Leveraged long at {P}, equity at entry {im}, house minimum {mm}. Trigger level for the "
        "call?",
        "How far can my shares, bought at {P}, slide before my broker phones me? I put down "
        "{im} and they insist on keeping {mm}.",
        "Determine the critical share price below which a margin deficiency arises: entry {P}, "
        "initial equity requirement {im}, maintenance requirement {mm}.",
        "Given a purchase at {P}, {im} deposited up front and a {mm} maintenance threshold, "
        "which share price sets off the call?",
        "My friend levered into a stock at {P} with {im} upfront; the minimum equity ratio is "
        "{mm}. Where does the margin call kick in?",
    ),
    parts=Parts(
        labels={
            "P": (
                "purchase price",
                "buy price",
                "entry price",
                "price paid per share",
                "purchase price per share",
                "share price at purchase",
                "initial share price",
                "cost per share",
                "buying price",
                "stock purchase price",
                "original share price",
                "buy-in price",
                "opening price of the position",
            ),
            "im": (
                "initial margin",
                "initial margin requirement",
                "IM",
                "margin at purchase",
                "initial equity percentage",
                "cash put up (initial margin)",
                "initial margin (own cash share)",
                "initial margin level",
                "initial margin percentage",
                "starting margin",
                "own cash share of the purchase",
                "down payment percentage",
                "margin requirement at purchase",
            ),
            "mm": (
                "maintenance margin",
                "maintenance margin requirement",
                "MM",
                "maintenance requirement",
                "maintenance level",
                "house maintenance margin",
                "maintenance margin (minimum equity)",
                "minimum margin to keep",
                "maintenance margin percentage",
                "maintenance equity requirement",
                "minimum equity percentage",
                "minimum maintenance",
                "broker's maintenance requirement",
            ),
        },
        asks=(
            "At what price will there be a margin call?",
            "What is the margin call price?",
            "Below what price does a margin call come?",
            "Compute the price that triggers a margin call.",
            "What share price triggers a margin call?",
            "How low can the price fall before a margin call?",
            "Find the margin call trigger price.",
            "margin call at what price?",
            "What is the price at which the equity falls to the maintenance margin?",
            "At what share price does the broker ask for more margin?",
            "How far can the stock drop before the account needs topping up? Give the price.",
            "Which price triggers a maintenance call?",
            "What is the critical stock price for the margin account?",
            "Below which price does the equity percentage fall under the maintenance requirement?",
            "Compute the price at which the broker issues a margin call.",
            "Price at which the account goes into a margin call?",
            "What is the lowest price before I have to post more margin?",
            "Margin-call price per share?",
            "What price would force me to add cash to my margin account?",
            "Homework: find the share price that causes a margin call.",
            "At what price does the equity percentage hit the maintenance margin?",
        ),
        ood_labels={
            "P": ("acquisition quote per share",),
            "im": ("up-front equity fraction",),
            "mm": ("house floor on equity",),
        },
        ood_asks=("Identify the quote at which the broker demands fresh collateral.",),
    ),
)


# --- margin_return ---------------------------------------------------------------------------

# The position as cost and own cash (V0, E) or own cash and loan (E, L); the loan is the rest.
# Own cash is 40-85 % of the cost, so E and L move with V0: their ranges (and V1's, the cost
# moved -25 % to +40 %) are what those draws cover, and the out-of-range bands of V0 are set so
# that every derived amount leaves them too.
_COST = money((8000, 400000), ((2e6, 4e7), (300, 1500)))
_OWN_SHARE = (0.4, 0.85)
_MOVE = (-0.25, 0.4)
_OWN_CASH = money((3000, 350000), ((8e5, 3.4e7), (120, 1275)))
_LOAN = money((1000, 250000), ((3e5, 2.4e7), (45, 900)))
_END_VALUE = money((5500, 600000), ((1.5e6, 5.6e7), (225, 2100)))
# Or as shares at a price on an initial margin (mostly the 50 % of US Regulation T); bands
# pair many cheap shares and few dear ones, so the position stays a size people hold.
_SHARES = plain((50, 2000), ((5000, 80000), (2, 20)), log=True)
_BUY_PRICE = money((10, 400), ((0.2, 2), (1500, 9000)), decimals=2)
_SELL_PRICE = money((7, 560), ((0.1, 2.8), (1100, 12600)), decimals=2)
_MARGIN_SHARE = pct((50, 70), (), decimals=0, choices=(50, 50, 50, 50, 60, 70))
_LOAN_RATE = pct((3, 12), ((14, 24), (0.1, 1.5)), decimals=1, ood_decimals=2)
_RATE_SHARE = 0.6  # questions that state the loan rate; the others leave interest out
# Every number a margin_return question may show, with its ranges (for tests and tables).
TRADE_PARAMS = {
    "V0": _COST,
    "E": _OWN_CASH,
    "L": _LOAN,
    "V1": _END_VALUE,
    "n": _SHARES,
    "P0": _BUY_PRICE,
    "P1": _SELL_PRICE,
    "m": _MARGIN_SHARE,
    "i": _LOAN_RATE,
}
_SHAPES = ("cost_cash", "cash_loan", "shares")


def _amounts(rng: random.Random, ood: bool, band: int) -> dict[str, Num]:
    """Cost, own cash, loan and year-end value, all multiples of one step so that the loan is
    exactly cost minus own cash as shown: whole currency units, or in range round figures
    ("$48,000") or amounts scaled to thousands ("$187.5k") as people write them."""
    raw = _COST.draw(rng, ood, band).value
    style = rng.random()
    scale = 1.0
    if not ood and raw >= 1e4 and style < SCALED_QUESTION_SHARE:
        scale, step = 1e3, 10.0 ** (3 - rng.choice((0, 0, 1)))
    elif not ood and style < SCALED_QUESTION_SHARE + ROUND_QUESTION_SHARE:
        step = 10.0 ** (math.floor(math.log10(raw)) - 1)
    else:
        step = 1.0
    cost = round(raw / step)
    cash = round(cost * rng.uniform(*_OWN_SHARE))
    end = round(cost * (1 + rng.uniform(*_MOVE)))

    def amount(units: int) -> Num:
        decimals = 1 if scale != 1 and step < 1000 and units % 10 else 0
        return Num(float(units * step), decimals, "money", scale)

    return {"V0": amount(cost), "E": amount(cash), "L": amount(cost - cash), "V1": amount(end)}


def _shares(rng: random.Random, ood: bool, band: int) -> dict[str, Num]:
    """Shares (in range often a round lot), buy and sell prices, and the initial margin."""
    shares = _SHARES.draw(rng, ood, band)
    if not ood and rng.random() < 0.7:
        step = 100 if shares.value >= 500 else 50 if shares.value >= 150 else 10
        shares = Num(float(max(step, step * round(shares.value / step))), 0, "plain")
    buy = _BUY_PRICE.draw(rng, ood, band, round_figures=rng.random() < ROUND_QUESTION_SHARE)
    sell = round(buy.value * (1 + rng.uniform(*_MOVE)), buy.decimals)
    return {
        "n": shares,
        "P0": buy,
        "m": _MARGIN_SHARE.draw(rng, ood),
        "P1": Num(sell, buy.decimals, "money"),
    }


def _trade_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """One of the three ways of stating the position, and the loan rate or (often) none."""
    band = rng.randrange(2)
    shape = rng.choice(_SHAPES)
    if shape == "shares":
        nums = _shares(rng, ood, band)
    else:
        amounts = _amounts(rng, ood, band)
        shown = ("V0", "E", "V1") if shape == "cost_cash" else ("E", "L", "V1")
        nums = {key: amounts[key] for key in shown}
    if rng.random() < _RATE_SHARE:
        round_figures = not ood and rng.random() < 0.4  # "8%", "6.5%"
        nums["i"] = _LOAN_RATE.draw(rng, ood, band, round_figures=round_figures)
    return nums


def _position(v: Mapping[str, float]) -> tuple[float, float, float, float]:
    """Cost, own cash, loan and value at year end, whichever way the question states them."""
    if "n" in v:
        cost = v["n"] * v["P0"]
        cash = cost * v["m"] / 100
        return cost, cash, cost - cash, v["n"] * v["P1"]
    if "L" in v:
        return v["E"] + v["L"], v["E"], v["L"], v["V1"]
    return v["V0"], v["E"], v["V0"] - v["E"], v["V1"]


def _margin_return(v: Mapping[str, float]) -> float:
    """Sell at year end, repay the loan with a year's interest, compare what is left with the
    cash put in."""
    _, cash, loan, end = _position(v)
    repaid = loan + loan * v.get("i", 0.0) / 100
    left = end - repaid
    return (left / cash - 1) * 100


def _plausible_trade(v: Mapping[str, float]) -> bool:
    """Own cash 30-90 % of the cost, a price that moved at least 1 %, equity still a fifth of
    the position at year end (deeper falls end in a margin call, not a return), and a return
    not lost in rounding (interest can all but cancel a small gain)."""
    cost, cash, loan, end = _position(v)
    repaid = loan * (1 + v.get("i", 0.0) / 100)
    moved = abs(end - cost) >= cost / 100
    plausible = 0.3 <= cash / cost <= 0.9 and moved and (end - repaid) / end >= 0.2
    return plausible and abs(_margin_return(v)) >= 0.5


def _return_formula(f: Mapping[str, str]) -> str:
    """(end value - cost - loan * rate / 100) / own cash * 100, written with the numbers shown:
    the loan is cost - own cash, or the cost own cash + loan, or both follow from the shares,
    their price and the initial margin."""
    if "n" in f:
        cost = f"{f['n']}*{f['P0']}"
        loan = f"{cost}*(1-{f['m']}/100)"
        cash = f"({cost}*{f['m']}/100)"
        end = f"{f['n']}*{f['P1']}"
    elif "L" in f:
        cost, loan, cash, end = f"({f['E']}+{f['L']})", f["L"], f["E"], f["V1"]
    else:
        cost, loan, cash, end = f["V0"], f"({f['V0']}-{f['E']})", f["E"], f["V1"]
    interest = f"-{loan}*{f['i']}/100" if "i" in f else ""
    return f"({end}-{cost}{interest})/{cash}*100"


# How a question states the position (a noun phrase after "bought", "holds", "buys"), its
# value a year later (a clause, or what it was sold for), and the loan rate or its absence.
_POSITIONS = {
    "cost_cash": (
        "a stock position costing {V0}, paid with {E} of own cash and a margin loan for the rest",
        "{V0} of shares, {E} of it paid in cash and the balance borrowed from the broker",
        "shares worth {V0}, funded with {E} of equity plus a margin loan",
        "shares for {V0} in total, with {E} of own funds and the remainder on margin",
        "a single-stock position worth {V0} at purchase, of which {E} is own money and the "
        "rest a broker loan",
    ),
    "cash_loan": (
        "shares paid for with {E} of own cash plus a margin loan of {L}",
        "a stock position funded by {E} of own money and {L} borrowed from the broker",
        "shares with {E} paid in cash and {L} borrowed on margin",
        "a share position financed with {E} in cash and a margin loan of {L}",
        "a stake in one company, {E} of it own cash and {L} a broker loan",
    ),
    "shares": (
        "{n} shares at {P0} each on {m} initial margin",
        "{n} shares at {P0} a share with an initial margin of {m}",
        "{n} shares priced at {P0}, with {m} initial margin and the rest borrowed",
        "{n} shares at {P0} apiece, {m} paid in cash and the rest on margin",
        "{n} shares at {P0} on margin, putting up {m} of the cost",
    ),
}
_ENDS = {
    "value": (
        "the position is worth {V1}",
        "the shares are worth {V1}",
        "the holding has a market value of {V1}",
        "the stock position is valued at {V1}",
        "the shares can be sold for {V1}",
    ),
    "price": (
        "the shares trade at {P1}",
        "the stock price is {P1}",
        "the share price stands at {P1}",
        "each share is worth {P1}",
        "the shares can be sold at {P1} each",
    ),
}
_SOLD = {
    "value": ("sold everything for {V1}", "sold the whole position for {V1}"),
    "price": ("sold everything at {P1} a share", "sold all the shares at {P1} each"),
}
# A sentence with its leading space; without a rate, often nothing at all.
_RATE_SENTENCES = (
    " The margin loan costs {i} a year.",
    " The broker charges {i} interest per year on the loan.",
    " Interest on the borrowed money is {i} a year.",
    " Margin interest: {i} p.a.",
    " The loan carries an annual interest rate of {i}.",
)
_NO_RATE_SENTENCES = ("", "", "", " Ignore interest on the loan.", " Leave out margin interest.")
_RATE_ITEMS = ("{i} a year", "{i} p.a.", "{i} per annum")
_NO_RATE_ITEMS = ("ignore", "none", "leave it out")
# Terse facts ("cost $20,000, own cash $12,000, ..."): one choice per item.
_FACTS = {
    "cost_cash": (
        ("cost {V0}", "total cost {V0}", "bought for {V0}"),
        ("own cash {E}", "cash put in {E}", "equity {E}"),
    ),
    "cash_loan": (
        ("own cash {E}", "cash put in {E}", "equity {E}"),
        ("margin loan {L}", "borrowed {L}", "broker loan {L}"),
    ),
    "shares": (
        ("{n} shares", "shares {n}", "qty {n}"),
        ("bought at {P0}", "entry {P0}", "buy price {P0}"),
        ("initial margin {m}", "IM {m}", "{m} initial margin"),
    ),
}
_FACT_ENDS = {
    "value": ("value after a year {V1}", "worth a year later {V1}", "year-end value {V1}"),
    "price": ("price after a year {P1}", "year-end price {P1}", "sold a year later at {P1}"),
}
_FACT_RATES = ("loan rate {i}", "margin interest {i} p.a.", "interest {i} a year")
_FACT_NO_RATES = ("no interest", "ignore interest")


def _shape(nums: Values) -> str:
    return "shares" if "n" in nums else "cash_loan" if "L" in nums else "cost_cash"


def _trade_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, and the slots templates use whatever the shape: ``{position}``,
    ``{end}`` (a clause), ``{sold}``, ``{interest}`` (a sentence, or nothing), ``{rate}`` (a
    list item's value) and ``{facts}`` (everything, tersely)."""
    texts = number_texts(rng, nums)
    shape = _shape(nums)
    end = "price" if shape == "shares" else "value"
    has_rate = "i" in nums
    texts["position"] = rng.choice(_POSITIONS[shape]).format(**texts)
    texts["end"] = rng.choice(_ENDS[end]).format(**texts)
    texts["sold"] = rng.choice(_SOLD[end]).format(**texts)
    sentences = _RATE_SENTENCES if has_rate else _NO_RATE_SENTENCES
    texts["interest"] = rng.choice(sentences).format(**texts)
    texts["rate"] = rng.choice(_RATE_ITEMS if has_rate else _NO_RATE_ITEMS).format(**texts)
    facts = [rng.choice(choices) for choices in _FACTS[shape]]
    facts.append(rng.choice(_FACT_ENDS[end]))
    if has_rate:
        facts.append(rng.choice(_FACT_RATES))
    elif rng.random() < 0.5:
        facts.append(rng.choice(_FACT_NO_RATES))
    texts["facts"] = rng.choice((", ", "; ", " | ")).join(facts).format(**texts)
    return texts


MARGIN_RETURN = Family(
    name="margin_return",
    uses=frozenset({"leverage"}),
    unit="percent",
    reasoning="Return on own cash = (end value - cost - loan interest) / own cash.",
    # ``params`` names the numbers every question has (the range checks compare two draws key
    # by key); here none is (three ways to state the position, a loan rate or none), so the
    # ranges of each are in TRADE_PARAMS.
    params={},
    sample=_trade_sample,
    render=_trade_texts,
    valid=_plausible_trade,
    formula=_return_formula,
    solve=_margin_return,
    convention="percent return on the investor's own cash over one year: (value at year end - "
    "cost - a year's interest on the margin loan) / own cash; no interest where the question "
    "gives no loan rate; shares bought on m % initial margin: own cash m % of the cost, the "
    "rest borrowed; no dividends, fees or margin calls",
    templates=(
        "An investor buys {position}. A year later {end}.{interest} What is the return on the "
        "investor's own cash?",
        "I bought {position}. One year later {end}.{interest} What return did I make on my own "
        "money?",
        "Margin question: you buy {position}.{interest} After twelve months {end}. What is "
        "your percentage return on the cash you put up?",
        "{facts}. Return on own cash over the year?",
        "Exam question: An investor purchases {position}.{interest} One year later {end}. "
        "Calculate the investor's rate of return on equity for the year.",
        "Hi Sam, quick one for the client review: the client bought {position}.{interest} A "
        "year on, {end}. What was the return on the client's own capital? Thanks, Ruth",
        "| margin trade (one year) | {facts} |\n| return on own cash | ? |",
        "- position: {position}\n- one year later: {end}\n- loan interest: {rate}\n- return on "
        "the cash invested?",
        "What percentage return on equity does a margin investor earn over one year after "
        "buying {position}, if {end} at the end of the year?{interest}",
        "ok so i bought {position}. a year later {end}.{interest} whats my return on my own "
        "money in %?",
        "Please help, I am buying {position}. After one year {end}.{interest} How much percent "
        "is my return on the money I put myself?",
        "Leverage check: {position}; twelve months later {end}.{interest} Return on the "
        "investor's equity, in percent?",
        "My brother-in-law, who reads every stock forum going, bought {position}.{interest} A "
        "year later {end}. What return did he make on the cash he actually put in?",
        "Question 5 (4 marks). An investor buys {position}.{interest} At the end of one year "
        "{end}. Calculate the percentage return on the investor's initial equity.",
        "Our client bought {position} and {sold} one year later.{interest} What was the return "
        "on the client's own funds?",
        "I {sold} a year after buying {position}.{interest} What was my return on the cash I "
        "put up?",
        "Return on equity for a one-year margin trade, please: {facts}.",
        "Dear team, for the leverage note: an account bought {position}.{interest} Twelve "
        "months later {end}. What was the account's percentage return on its own equity? "
        "Regards, Tomas",
        "Buying on margin magnifies returns. Take {position}: after a year {end}.{interest} "
        "What is the return on own cash?",
        "How much did I make on my own money? I bought {position}, and a year later "
        "{end}.{interest}",
        "Margin account, one year: bought {position}; now {end}.{interest} % return on equity?",
        "A student investment club buys {position}.{interest} A year later {end}. What is the "
        "club's return on the money its members put in?",
        "Compute the one-year return on own funds for {position}, given that after one year "
        "{end}.{interest}",
        "Consider {position}. Twelve months later {end}.{interest} What is the rate of return "
        "on the margin investor's equity?",
        "trade: {facts}. return on my cash after a year?",
        "Year-end review of a leveraged position: bought {position}; {end} at year "
        "end.{interest} Return on own capital in percent?",
    ),
    ood_templates=(
        "Leveraged stock bet: {position}.{interest} Come the anniversary of the purchase, "
        "{end}. By what percentage has the investor's stake grown or shrunk?",
        "Suppose someone picked up {position}, and twelve months afterwards {end}.{interest} "
        "Gain or loss relative to their cash outlay, as a percentage?",
        "Borrowed-money investing tally: {facts}. Percentage result for the equity holder over "
        "the year?",
        "My cousin went in with {position}; by the first anniversary {end}.{interest} How did "
        "his own stake fare, in percent?",
        "Evaluate the twelve-month yield on invested equity for {position}, given that {end} "
        "when the year closes.{interest}",
        "What percentage did the trader earn on her deposit? She took {position}; at the "
        "one-year mark {end}.{interest}",
    ),
    parts=Parts(
        labels={
            "V0": (
                "total cost of the position",
                "purchase cost",
                "amount invested in total",
                "position size at purchase",
                "total purchase price",
                "cost of the shares",
                "gross amount bought",
                "value bought (incl. borrowed money)",
                "purchase value of the position",
                "total position cost",
                "gross cost of the shares",
                "initial position value",
                "cost of the holding (own cash and loan)",
            ),
            "E": (
                "own cash put in",
                "equity contributed",
                "own money invested",
                "cash paid in",
                "investor's own funds",
                "margin deposit",
                "cash down",
                "own capital",
                "initial equity",
                "down payment",
                "cash contributed",
                "investor's equity at purchase",
                "self-funded portion",
            ),
            "L": (
                "margin loan",
                "amount borrowed",
                "broker loan",
                "borrowed funds",
                "loan from the broker",
                "debit balance",
                "money borrowed on margin",
                "loan balance",
                "margin debt",
                "borrowed amount",
                "broker financing",
                "loan principal",
            ),
            "V1": (
                "value after one year",
                "position value a year later",
                "market value at year end",
                "end-of-year value",
                "value of the shares after 12 months",
                "year-end value of the holding",
                "sale proceeds after a year",
                "ending value",
                "value a year on",
                "closing value after one year",
                "value of the position after a year",
                "terminal value of the shares",
            ),
            "n": (
                "number of shares",
                "shares bought",
                "share count",
                "quantity (shares)",
                "shares purchased",
                "lot size in shares",
                "no. of shares",
                "size of the holding in shares",
                "share quantity",
                "quantity bought",
                "position size in shares",
                "shares held",
            ),
            "P0": (
                "purchase price per share",
                "buy price",
                "entry price",
                "price paid per share",
                "share price at purchase",
                "cost per share",
                "initial share price",
                "buying price",
                "original share price",
                "buy-in price",
                "stock purchase price",
                "opening price per share",
            ),
            "P1": (
                "share price after one year",
                "price a year later",
                "year-end share price",
                "exit price after 12 months",
                "sale price per share a year on",
                "price at year end",
                "share price one year on",
                "ending share price",
                "price per share at the end of the year",
                "closing share price after a year",
                "stock price twelve months later",
                "share price at the year's end",
            ),
            "m": (
                "initial margin",
                "initial margin requirement",
                "margin (initial)",
                "cash portion at purchase",
                "IM",
                "required initial margin",
                "initial margin paid in cash",
                "initial margin percentage",
                "starting margin",
                "own cash share of the cost",
                "down payment percentage",
                "margin at purchase",
            ),
            "i": (
                "loan interest rate",
                "margin interest rate",
                "interest on the loan (per year)",
                "broker's annual loan rate",
                "borrowing rate",
                "margin rate p.a.",
                "annual interest on borrowed funds",
                "annual margin loan rate",
                "interest rate on margin debt",
                "cost of borrowing (per year)",
                "broker loan rate per year",
                "margin lending rate (annual)",
            ),
        },
        asks=(
            "What is the one-year return on the investor's own cash?",
            "What return on equity did the margin trade earn over the year?",
            "Compute the percentage return on the cash put in.",
            "What is the return on own money after one year, in percent?",
            "How much did the investor make, as a percent of own cash?",
            "What is the leveraged return on equity for the year?",
            "Find the one-year return on the margin account's equity.",
            "What percent return on the cash down does this give?",
            "return on my own money after a year?",
            "What is the holding-period return on the investor's equity?",
            "What is the ROE on the margin position for the year, in percent?",
            "By what percent did the investor's equity change over the year?",
            "Return on the margin account's own money for one year, as a percentage?",
            "How much did buying on margin return on my cash, in percent, over the twelve months?",
            "Compute the annual percentage return on the investor's down payment.",
            "Cash-on-cash return for the year, in percent?",
            "What is the percent change in the investor's equity over the year, after any margin "
            "interest?",
            "Was margin worth it? Give the one-year percentage return on the money actually put "
            "in.",
            "Leveraged ROE over one year?",
            "Work out the one-year return on the investor's initial equity, in percent.",
            "Find the rate of return on the cash contributed over twelve months.",
            "What did the leverage do for me? One-year return on my own cash, in percent.",
        ),
        ood_labels={
            "V0": ("gross outlay for the shares",),
            "E": ("personal stake committed",),
            "L": ("sum lent by the brokerage",),
            "V1": ("mark-to-market value twelve months on",),
            "n": ("size of the lot",),
            "P0": ("acquisition quote per share",),
            "P1": ("quote on the first anniversary",),
            "m": ("up-front equity fraction",),
            "i": ("cost of the brokerage credit",),
        },
        ood_asks=("Express the year's profit or loss as a share of the equity stake.",),
    ),
)

FAMILIES: tuple[Family, ...] = (MARGIN_CALL_PRICE, MARGIN_RETURN)
