"""Trading arithmetic retail investors and desks do on every position: the average cost per share
of a holding bought in several lots, and the sale price at which a round trip breaks even once
the broker's commissions are paid.

People who buy a stock more than once ("I averaged down") want one number to compare with the
price on the screen: the average cost, each lot's price weighted by its share count (a simple
mean of the prices is the classic mistake). Anyone paying a flat commission per trade asks
where the trade stops losing money: the price must recover the purchase and both commissions,
the one paid to buy and the one still due on the sale, spread over the shares.

Siblings kept apart: ``position_pnl`` (an amount of profit, not a price), ``holding_period_return``
(a percentage), ``breakeven_win_rate`` (a share of winning trades). Solvers are written
independently of the formula text (a running average updated lot by lot, a bisection on the
round trip's profit).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    Family,
    Num,
    Param,
    Parts,
    Values,
    money,
    number_texts,
    plain,
)


def _in_range(param: Param, value: float, ood: bool, band: int) -> bool:
    """Whether ``value`` lies in the range ``param`` draws from (training, or the OOD band)."""
    low, high = param.ood[band % len(param.ood)] if ood else param.train
    return low <= value <= high


def _round_count(rng: random.Random, count: float) -> float:
    """A share count as people trade it: one or two significant figures (100, 250, 1,500)."""
    exponent = max(0, math.floor(math.log10(count)) + 1 - rng.choice((1, 2)))
    return float(round(count / 10**exponent) * 10**exponent)


def _draw_count(
    rng: random.Random,
    param: Param,
    ood: bool,
    band: int,
    round_count: bool,
    near: float | None = None,
) -> Num:
    """A share count in ``param``'s range (within a factor of about 3 of ``near`` when given),
    round in training when ``round_count`` (lots of 100, 250, 1,500)."""
    for _ in range(100):
        if near is None:
            count = param.draw(rng, ood, band)
        else:
            count = Num(float(round(near * math.exp(rng.uniform(-1.1, 1.1)))), 0, "plain")
        if round_count and not ood:
            rounded = _round_count(rng, count.value)
            if _in_range(param, rounded, ood, band):
                return Num(rounded, 0, "plain")
        if _in_range(param, count.value, ood, band):
            return count
    raise RuntimeError("could not draw a share count in range")


# --- average_cost -----------------------------------------------------------------------------

# One lot is two numbers, its share count and its price: every question has lots 1 and 2, a
# list may run to four (Family.optional names the counts; a lot is kept or dropped whole).
_LOTS = (1, 2, 3, 4)
_LOT_SHARES = plain((5, 1500), ((2, 4), (5000, 250_000)), log=True)
# Out of range, few shares of an expensive stock (band 0) or many of a penny stock (band 1).
_LOT_PRICE = money((5, 400), ((800, 6000), (0.05, 0.95)), decimals=2)
# Sub-dollar prices are quoted to four decimals, as sub-dollar stocks trade: never three, which
# a reader takes for a thousands group before a trailing currency ("0.609 EUR" reads 609).
_PENNY_DECIMALS = 4
_LOT_SPREAD = 0.22  # lots are bought within about +-25 % of one another, as positions are built


class _LotFamily(Family):
    """A family whose optional list items are lots of two numbers: keeping the first ``kept``
    optional lots keeps each one's share count (``n3``) and price (``p3``) together."""

    def keeping(self, nums: Values, kept: int) -> dict[str, Num]:
        dropped = {name[1:] for name in self.optional[kept:]}  # "n3" -> lot "3"
        return {name: num for name, num in nums.items() if name[1:] not in dropped}


def _lots_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Four lots of one stock: prices near a common level, share counts drawn per lot (round
    numbers half the time in training); a quarter of training questions use whole-dollar
    prices, as people write them."""
    band = rng.randrange(2)
    round_prices = not ood and rng.random() < ROUND_QUESTION_SHARE
    round_counts = not ood and rng.random() < 0.5
    low, high = _LOT_PRICE.ood[band] if ood else _LOT_PRICE.train
    decimals = _PENNY_DECIMALS if ood and high < 1 else _LOT_PRICE.decimals
    margin = math.exp(_LOT_SPREAD)
    base = math.exp(rng.uniform(math.log(low * margin), math.log(high / margin)))
    size = _LOT_SHARES.draw(rng, ood, band).value  # lots of one position are of a like size
    nums: dict[str, Num] = {}
    for lot in _LOTS:
        nums[f"n{lot}"] = _draw_count(rng, _LOT_SHARES, ood, band, round_counts, size)
        raw = base * math.exp(rng.uniform(-_LOT_SPREAD, _LOT_SPREAD))
        if round_prices and raw >= 10:
            nums[f"p{lot}"] = Num(float(round(raw)), 0, "money")
        else:
            nums[f"p{lot}"] = Num(round(raw, decimals), decimals, "money")
    return nums


def _average_cost(v: Mapping[str, float]) -> float:
    """The average cost per share, updated lot by lot as a broker's statement does."""
    held, average = 0.0, 0.0
    for lot in _LOTS:
        if f"n{lot}" not in v:
            continue
        shares, price = v[f"n{lot}"], v[f"p{lot}"]
        average += (price - average) * shares / (held + shares)
        held += shares
    return average


def _weighting_matters(v: Mapping[str, float]) -> bool:
    """For every list length drawn (2, 3 or 4 lots), the weighted average and the simple mean
    of the prices differ by 1.5 % or more, beyond the 1 % grading tolerance: the weighting is
    the lesson, and a simple mean must not pass for it."""
    for kept in (2, 3, 4):
        prices = [v[f"p{lot}"] for lot in _LOTS[:kept]]
        lots = {key: v[key] for lot in _LOTS[:kept] for key in (f"n{lot}", f"p{lot}")}
        weighted = _average_cost(lots)
        if abs(weighted - sum(prices) / kept) < 0.015 * weighted:
            return False
    return True


def _average_cost_formula(f: Mapping[str, str]) -> str:
    lots = [lot for lot in _LOTS if f"n{lot}" in f]
    paid = "+".join(f"{f[f'n{lot}']}*{f[f'p{lot}']}" for lot in lots)
    shares = "+".join(f[f"n{lot}"] for lot in lots)
    return f"({paid})/({shares})"


# Names of lot k's numbers ({k}: 1-4, {ordinal}: "first"..., {short}: "1st"...).
_LOT_WORDS = ((1, "first", "1st"), (2, "second", "2nd"), (3, "third", "3rd"), (4, "fourth", "4th"))


def _lot_labels(prefix: str, forms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {
        f"{prefix}{k}": tuple(form.format(k=k, ordinal=ordinal, short=short) for form in forms)
        for k, ordinal, short in _LOT_WORDS
    }


AVERAGE_COST = _LotFamily(
    name="average_cost",
    unit="currency",
    reasoning="Average cost = total paid for all the lots / total shares bought.",
    params={
        **{f"n{lot}": _LOT_SHARES for lot in _LOTS},
        **{f"p{lot}": _LOT_PRICE for lot in _LOTS},
    },
    sample=_lots_sample,
    optional=("n3", "n4"),
    valid=_weighting_matters,
    formula=_average_cost_formula,
    solve=_average_cost,
    convention="currency per share: each lot's price weighted by its share count, over all the "
    "lots given (two to four); commissions ignored",
    templates=(
        "I bought {n1} shares at {p1} and later another {n2} shares at {p2}. What is my "
        "average cost per share?",
        "An investor buys {n1} shares of a stock at {p1} per share and then {n2} more shares "
        "at {p2}. Calculate the weighted average purchase price per share.",
        "Lot 1: {n1} sh @ {p1}\nLot 2: {n2} sh @ {p2}\nAvg cost/share?",
        "averaged down today: had {n1} shares from {p1}, picked up {n2} more at {p2}. whats "
        "my avg price now?",
        "Exam question: A trader purchases {n1} shares at {p1} each. The price then changes "
        "and she purchases a further {n2} shares at {p2} each. Determine her average cost per "
        "share, ignoring commissions.",
        "Hi Marta, could you update the position sheet? We hold {n1} shares bought at {p1} "
        "and added {n2} shares at {p2} this morning. What average cost per share should it "
        "show? Thanks, Olu",
        "qty {n1} @ {p1}, qty {n2} @ {p2} -> weighted avg entry px?",
        "What is the average price paid per share if {n1} shares were bought at {p1} and {n2} "
        "at {p2}?",
        "My grandmother, who still keeps her share certificates in a shoebox, bought {n1} "
        "shares of a water utility at {p1} years ago and topped up with {n2} shares at {p2} "
        "last spring. What did she pay per share on average?",
        "| lot | shares | price |\n|---|---|---|\n| 1 | {n1} | {p1} |\n| 2 | {n2} | {p2} |\n"
        "Weighted average cost per share?",
        "Please help me. I buy {n1} shares for {p1} each, then I buy {n2} shares for {p2} "
        "each. What is the average price of one share for me?",
        "Two fills on the same order: {n1} shares at {p1} and {n2} shares at {p2}. What "
        "average fill price goes on the confirmation?",
        "The second purchase was {n2} shares at {p2}; the first was {n1} shares at {p1}. What "
        "is the cost basis per share of the combined holding?",
        "Bought {n1} @ {p1} in March and {n2} @ {p2} in June (same stock). Average cost per "
        "share, commissions ignored?",
        "- first buy: {n1} shares at {p1}\n- second buy: {n2} shares at {p2}\nWhat is the "
        "weighted average price per share?",
        "For my records I need the average cost per share of my holding: {n1} shares bought "
        "at {p1}, then {n2} shares bought at {p2}. Fees can be left out.",
        "If you buy {n1} shares at {p1} and another {n2} at {p2}, what is your average "
        "purchase price? Weight each price by its number of shares, not a simple mean of the "
        "two prices.",
        "ok so i got {n1} shares at {p1} and then {n2} at {p2} when it dipped. avg cost?",
        "Position build: first clip {n1} shares at {p1}, second clip {n2} at {p2}. Blended "
        "entry price per share?",
        "After buying {n1} shares at {p1} and {n2} shares at {p2}, what is the average cost "
        "of one share in the position?",
        # Longer lists (Family.optional): three and four lots.
        "I bought the same stock three times: {n1} shares at {p1}, {n2} shares at {p2} and "
        "{n3} shares at {p3}. What is my average cost per share?",
        "Buy 1: {n1} @ {p1}\nBuy 2: {n2} @ {p2}\nBuy 3: {n3} @ {p3}\nAverage cost per share?",
        "Dear support, my account shows three purchases of the same fund: {n1} units at {p1}, "
        "{n2} units at {p2} and {n3} units at {p3}. Could you tell me my average cost per "
        "unit?",
        "Exam question: An investor accumulates a position in three purchases: {n1} shares at "
        "{p1}, {n2} shares at {p2} and {n3} shares at {p3}. Calculate the weighted average "
        "cost per share.",
        "we scaled in with {n1} shares at {p1}, {n2} at {p2} and {n3} at {p3}. blended avg price?",
        "I make three buys of the same share: first {n1} pieces at {p1}, second {n2} pieces "
        "at {p2}, third {n3} pieces at {p3}. Which is my average price for one share?",
        "Monthly buying log: {n1} shares at {p1}, {n2} at {p2}, {n3} at {p3}, {n4} at {p4}. "
        "What is the average cost per share?",
        "Q1: {n1} sh @ {p1}; Q2: {n2} sh @ {p2}; Q3: {n3} sh @ {p3}; Q4: {n4} sh @ {p4}. "
        "Weighted average purchase price?",
        "My dad kept buying the same bank stock over four years: {n1} shares at {p1}, then "
        "{n2} at {p2}, then {n3} at {p3}, and finally {n4} at {p4}. What's his average price "
        "per share?",
        "| shares | price |\n|---|---|\n| {n1} | {p1} |\n| {n2} | {p2} |\n| {n3} | {p3} |\n"
        "| {n4} | {p4} |\nAverage cost per share of the whole position?",
    ),
    ood_templates=(
        "Across two executions, {n1} shares filled at {p1} and {n2} shares filled at {p2}. "
        "Report the share-weighted mean cost.",
        "Suppose a holding was assembled from {n1} shares costing {p1} apiece plus {n2} "
        "costing {p2} apiece; what does one share stand the holder in, on average?",
        "Accumulated in three goes -- {n1} for {p1} apiece, {n2} for {p2} apiece, {n3} for "
        "{p3} apiece. Per-share acquisition cost of the pile?",
        "Three tickets crossed, {n1} @ {p1}, {n2} @ {p2} and {n3} @ {p3}. Book cost per "
        "share, please.",
        "My pension app lists four top-ups into one ETF: {n1} units for {p1} each, {n2} units "
        "for {p2} each, {n3} units for {p3} each and {n4} units for {p4} each. Weighted by units, "
        "what mean price did I pay per unit?",
        "Carrying cost per share of a stake built as follows -- {n1} shares bought for {p1}, "
        "then {n2} for {p2}?",
    ),
    parts=Parts(
        labels={
            **_lot_labels(
                "n",
                (
                    "number of shares in lot {k}",
                    "lot {k} shares",
                    "share count of purchase {k}",
                    "{ordinal} purchase (shares)",
                    "number of shares in the {ordinal} buy",
                    "buy #{k} quantity",
                    "{short} lot size (shares)",
                    "trade {k} quantity",
                    "shares in the {ordinal} lot",
                    "{ordinal} tranche size (shares)",
                    "quantity bought in the {ordinal} purchase",
                    "{ordinal} order size in shares",
                    "units in the {ordinal} buy",
                ),
            ),
            **_lot_labels(
                "p",
                (
                    "price of lot {k}",
                    "lot {k} price",
                    "price paid in purchase {k}",
                    "{ordinal} purchase price",
                    "price per share in the {ordinal} buy",
                    "buy #{k} price",
                    "{short} lot price",
                    "trade {k} price",
                    "price in the {ordinal} lot",
                    "{ordinal} tranche price",
                    "unit price of the {ordinal} purchase",
                    "{ordinal} order price per share",
                    "cost per share of the {ordinal} buy",
                ),
            ),
        },
        asks=(
            "What is the average cost per share?",
            "What is the weighted average purchase price?",
            "What is my average price per share across all the buys?",
            "What is the cost basis per share?",
            "Compute the average cost per share of the whole position.",
            "How much did each share cost on average, weighting each lot by its size?",
            "What average price was paid per share?",
            "What is the share-weighted average entry price?",
            "Average cost per share?",
            "what's my avg cost per share now?",
            "What is the VWAP of my buys?",
            "Total cost divided by total shares: what does that give?",
            "What price did I pay per share, averaged over all my purchases and weighted by "
            "quantity?",
            "Average entry price of the position?",
            "After averaging down (or up), what is my new cost per share?",
            "What is the adjusted cost base per share?",
            "What is the per-share basis of the whole holding?",
            "Dollar-cost averaging question: what did the shares cost on average?",
            "What average fill price do these trades work out to?",
            "Weighted average cost (WAC) per share?",
            "How much has each share in the position cost me, on a weighted basis?",
            "What is the unit cost of the position?",
        ),
        ood_labels={
            **_lot_labels("n", ("size of execution {k}",)),
            **_lot_labels("p", ("execution {k} fill level",)),
        },
        ood_asks=("Report the blended per-share acquisition cost.",),
    ),
)


# --- breakeven_commissions --------------------------------------------------------------------

_SHARES = plain((5, 500), ((2, 4), (1000, 50_000)), log=True)
# Out of range, a few shares of an expensive stock (band 0) or many of a penny stock (band 1).
_PRICE = money((2, 150), ((200, 2500), (0.05, 1.5)), decimals=2)
_PENNY_PRICE = money(_PRICE.train, _PRICE.ood, decimals=2, ood_decimals=_PENNY_DECIMALS)
_COMMISSION = money((1, 50), ((60, 400),), decimals=2)
# Commissions as brokers quote them (online and full-service); the rest of training draws any
# amount in range.
_QUOTED_COMMISSIONS = (
    *(4.95, 5, 6.95, 7, 7.99, 8, 9.95, 9.99, 10, 12.5, 14.95, 15),
    *(19.99, 20, 25, 29.95, 30, 35, 39.95, 45, 49.95),
)
_SAME_COMMISSION_SHARE = 0.6  # one flat commission each way; otherwise buy and sell differ
# Commissions are 2.5-20 % of the position: a question about them has them matter, and
# forgetting one of the two moves the answer beyond the 1 % grading tolerance.
_COST_SHARE = (0.025, 0.2)


def _commission(rng: random.Random, ood: bool, round_figures: bool) -> Num:
    if not ood and rng.random() < 0.7:
        quoted = rng.choice(_QUOTED_COMMISSIONS)
        return Num(float(quoted), 0 if float(quoted).is_integer() else 2, "money")
    return _COMMISSION.draw(rng, ood, 0, round_figures=round_figures)


def _breakeven_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Shares, price, a buy commission ``cb`` and a sell commission ``cs``: the same flat
    commission each way (one number, ``cs`` is ``cb``) 60 % of the time, else two amounts."""
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    round_count = not ood and rng.random() < 0.5
    price = _PENNY_PRICE if ood and band == 1 else _PRICE
    nums = {
        "n": _draw_count(rng, _SHARES, ood, band, round_count),
        "p": price.draw(rng, ood, band, round_figures=round_figures),
        "cb": _commission(rng, ood, round_figures),
    }
    flat = rng.random() < _SAME_COMMISSION_SHARE
    nums["cs"] = nums["cb"] if flat else _commission(rng, ood, round_figures)
    return nums


def _breakeven_price(v: Mapping[str, float]) -> float:
    """The sale price at which the round trip's profit is zero, by bisection on the profit."""
    cost = v["n"] * v["p"] + v["cb"]

    def profit(price: float) -> float:
        return v["n"] * price - v["cs"] - cost

    low, high = 0.0, v["p"] + v["cb"] + v["cs"] + 1.0  # profit < 0 at low, > 0 at high
    for _ in range(200):
        mid = (low + high) / 2
        if profit(mid) < 0:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def _commissions_matter(v: Mapping[str, float]) -> bool:
    share = (v["cb"] + v["cs"]) / (v["n"] * v["p"])
    return _COST_SHARE[0] <= share <= _COST_SHARE[1]


def _breakeven_formula(f: Mapping[str, str]) -> str:
    if float(f["cb"]) == float(f["cs"]):  # one flat commission, stated once, paid twice
        return f"({f['n']}*{f['p']}+2*{f['cb']})/{f['n']}"
    return f"({f['n']}*{f['p']}+{f['cb']}+{f['cs']})/{f['n']}"


# How a question states the commissions, for either draw: one flat commission ``{c}`` paid
# each way (the text of ``cb``, when ``cs`` equals it), or ``{cb}`` to buy and ``{cs}`` to
# sell. ``{fees}`` is a noun phrase ("the broker charges ..."), ``{fees_terse}`` a note
# ("commission: ..."), ``{fees_held}`` a held-out noun phrase for the held-out templates only.
_FEE_PHRASES = {
    "fees": (
        (
            "a commission of {c} on each trade, buying and selling",
            "a flat commission of {c} per trade, on the buy and again on the sell",
            "{c} in commission each way",
            "a commission of {c} per trade (charged on the purchase and on the sale)",
            "a flat fee of {c} on every order, both the buy and the sell",
            "{c} per trade in commissions, paid when buying and again when selling",
            "commission of {c} per side",
        ),
        (
            "a commission of {cb} on the buy and one of {cs} on the sell",
            "{cb} in commission to buy and {cs} to sell",
            "a commission of {cb} on the purchase and {cs} on the sale",
            "a fee of {cb} on the buy order and a fee of {cs} on the sell order",
            "{cb} per buy and {cs} per sell in commission",
            "a buying commission of {cb} and a selling commission of {cs}",
        ),
    ),
    "fees_terse": (
        ("{c} each way", "{c} per side", "{c} per trade, in and out"),
        ("{cb} in, {cs} out", "{cb} buy / {cs} sell", "{cb} on entry, {cs} on exit"),
    ),
    "fees_held": (
        (
            "brokerage of {c} levied on entry and levied again on exit",
            "an identical ticket charge of {c} whenever an order executes, going in or coming out",
        ),
        (
            "brokerage of {cb} levied on entry and {cs} levied on exit",
            "a ticket charge of {cb} going in versus {cs} coming out",
        ),
    ),
}


def _breakeven_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, and the commissions as phrases (``{fees}``, ``{fees_terse}``,
    ``{fees_held}``) that fit whichever commissions were drawn."""
    texts = number_texts(rng, nums)
    shape = 1
    if nums["cb"].value == nums["cs"].value:  # one flat commission: the question states it once
        shape, texts["c"] = 0, texts.pop("cb")
        del texts["cs"]
    for slot, phrases in _FEE_PHRASES.items():
        texts[slot] = rng.choice(phrases[shape]).format(**texts)
    return texts


BREAKEVEN_COMMISSIONS = Family(
    name="breakeven_commissions",
    uses=frozenset({"costs"}),
    unit="currency",
    reasoning="Breakeven sell price = (shares * buy price + both commissions) / shares.",
    params={"n": _SHARES, "p": _PRICE, "cb": _COMMISSION, "cs": _COMMISSION},
    sample=_breakeven_sample,
    render=_breakeven_texts,
    valid=_commissions_matter,
    formula=_breakeven_formula,
    solve=_breakeven_price,
    convention="currency per share: the sale price whose proceeds less the sell commission "
    "equal the purchase cost plus the buy commission; a flat commission per trade is paid on "
    "the buy and again on the sell; taxes ignored",
    templates=(
        "I bought {n} shares at {p}, and my broker charges {fees}. At what price do I need to "
        "sell to break even?",
        "A trader buys {n} shares at {p} per share, paying {fees}. What selling price per "
        "share would leave her exactly at break-even?",
        "Exam question: An investor purchases {n} shares at {p} each. The broker charges "
        "{fees}. Calculate the minimum sale price per share at which the investor neither "
        "gains nor loses money.",
        "bought {n} shares @ {p}, broker takes {fees}. what do i need to sell at to break even??",
        "qty {n} | entry {p} | comm {fees_terse} | breakeven exit px?",
        "Hi Dan, the client bought {n} shares at {p} and her account pays {fees}. What "
        "break-even sale price per share should we quote her? Thanks, Mira",
        "What sale price per share recovers both the purchase cost and the commissions if "
        "{n} shares are bought at {p} with {fees}?",
        "My uncle, who only trades when the football season is over, bought {n} shares of a "
        "brewery at {p}. His old-fashioned broker charges {fees}. How high does the share "
        "price have to get before he can sell without losing a penny?",
        "Shares: {n}\nBuy price: {p}\nCommission: {fees_terse}\nBreak-even sell price?",
        "Please help, I buy {n} shares at price {p} and the bank takes {fees}. For which price "
        "I must sell so I don't lose money?",
        "Round trip on {n} shares bought at {p}, with {fees}: where is the breakeven price per "
        "share?",
        "To what price must a stock bought at {p} rise before selling it breaks even? The "
        "position is {n} shares and the broker charges {fees}.",
        "Entry: {n} shares at {p}. Costs: {fees}. Break-even exit price per share, please.",
        "I'm new to investing. I put money into {n} shares at {p} each, and the app charges "
        "{fees}. What does the stock have to reach for me to get all my money back when I "
        "sell?",
        "For the trade ticket: long {n} shares at {p}; commission {fees_terse}. What price per "
        "share gets the round trip to zero P&L?",
        "Calculate the break-even selling price for {n} shares purchased at {p}, assuming {fees}.",
        "A position of {n} shares was opened at {p}. Given {fees}, at what exit price does the "
        "trade exactly cover its costs?",
        "- shares bought: {n}\n- price paid: {p}\n- commission: {fees_terse}\nAt what price "
        "per share do I break even on the sale?",
        "Interview question: you buy {n} shares at {p} through a broker that charges {fees}. "
        "What's your break-even sell price?",
        "we're in {n} shares at {p}, and the desk pays {fees}. where's breakeven on the exit, "
        "per share?",
        "Sell price needed to break even? {n} shares bought at {p}; the broker charges {fees}.",
        "My sister, who runs a small flower shop and invests a little on the side, bought {n} "
        "shares at {p}. Her broker charges {fees}. She wants to know the lowest price she "
        "could sell at and still not be out of pocket. What is it?",
        "Textbook problem: Shares are bought at {p}; {n} shares in total. The broker's fee "
        "schedule is {fees}. Find the price per share at which a sale gives zero profit.",
        "If I buy {n} shares at {p} and pay {fees}, what is the breakeven price per share?",
        "Hello, I am trading from Italy. I bought {n} shares, price {p} each, and commission "
        "is {fees_terse}. Which price is my breakeven when I sell?",
        "Breakeven calc: {n} sh bought @ {p}, commission {fees_terse}. Exit price?",
    ),
    ood_templates=(
        "Having acquired {n} shares at {p}, with {fees_held}, at which quote does liquidating "
        "the stake leave me square?",
        "Suppose the dealing charges are {fees_held}. {n} shares were picked up at {p}. Find "
        "the exit quote that nets exactly zero.",
        "Zero-profit exit level for a purchase of {n} shares at {p}, given {fees_held}?",
        "My stockbroker bills {fees_held}. I hold {n} shares bought for {p} apiece. Which "
        "per-share sale price would mean I come out even?",
        "Work backwards from costs: {n} shares cost {p} each, and dealing is {fees_held}. "
        "What exit level covers everything?",
        "Scratch level wanted for {n} shares lifted at {p}, {fees_held}.",
    ),
    parts=Parts(
        labels={
            "n": (
                "number of shares",
                "shares bought",
                "position size (shares)",
                "share count",
                "qty",
                "shares in the position",
                "shares purchased",
                "size of the buy (shares)",
                "size of the position in shares",
                "share quantity",
                "quantity bought",
                "number of shares traded",
                "lot size",
            ),
            "p": (
                "purchase price",
                "buy price",
                "entry price",
                "price paid per share",
                "cost per share",
                "entry px",
                "price bought at",
                "purchase price per share",
                "buy-in price",
                "stock purchase price",
                "fill price on the buy",
                "opening price of the trade",
            ),
            "c": (
                "commission per trade",
                "commission each way",
                "commission per side",
                "flat commission (charged on the buy and on the sell)",
                "per-trade commission",
                "brokerage per trade",
                "fee per trade (buy and sell alike)",
                "commission on each order",
                "flat fee per trade",
                "brokerage fee per order",
                "commission on each side of the trade",
                "fixed commission per trade",
            ),
            "cb": (
                "buy commission",
                "commission on the buy",
                "commission to buy",
                "purchase commission",
                "entry commission",
                "fee on the buy order",
                "commission paid when buying",
                "brokerage on the purchase",
                "buying commission",
                "opening commission",
                "fee to open the position",
                "commission on the purchase order",
            ),
            "cs": (
                "sell commission",
                "commission on the sell",
                "commission to sell",
                "sale commission",
                "exit commission",
                "fee on the sell order",
                "commission paid when selling",
                "brokerage on the sale",
                "selling commission",
                "closing commission",
                "fee to close the position",
                "commission on the sale order",
            ),
        },
        asks=(
            "At what price must the shares be sold to break even?",
            "What is the breakeven sell price?",
            "What is the breakeven selling price per share after commissions?",
            "What sale price per share covers the purchase and both commissions?",
            "Compute the breakeven price per share, commissions included.",
            "What is the lowest price I can sell at without losing money, counting both "
            "commissions?",
            "How high must the stock go before selling it breaks even?",
            "Break-even exit price per share?",
            "what do i need to sell at to not lose money after fees?",
            "What price per share gets the trade back to zero profit once both commissions "
            "are paid?",
            "What is the round-trip breakeven price per share?",
            "Break-even price including fees on both legs?",
            "To what price must the shares climb so that selling covers the cost and both "
            "commissions?",
            "Compute the sell price at which net proceeds equal the purchase cost plus the buy "
            "commission.",
            "What is the minimum exit price per share to avoid a loss after broker fees?",
            "B/E sell px incl. commissions?",
            "What per-share sale price makes the round trip cost-neutral?",
            "Give the price per share I need to sell at to cover my costs, commissions in and out "
            "included.",
            "Breakeven on the stock after brokerage?",
            "At what share price would selling leave me with exactly what I paid, fees included?",
            "Find the fee-adjusted breakeven sale price per share.",
            "Where do I need to get out to cover the purchase cost, the buy commission and the "
            "sell commission?",
        ),
        ood_labels={
            "n": ("stake size in shares",),
            "p": ("acquisition quote",),
            "c": ("dealing charge levied at entry and again at exit",),
            "cb": ("dealing charge levied at entry",),
            "cs": ("dealing charge levied at exit",),
        },
        ood_asks=("Find the exit quote at which the round trip nets nothing.",),
    ),
)

FAMILIES: tuple[Family, ...] = (AVERAGE_COST, BREAKEVEN_COMMISSIONS)
