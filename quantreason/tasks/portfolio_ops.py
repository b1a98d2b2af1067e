"""Portfolio housekeeping: the stock sale that brings a drifted stock/bond mix back to its
target, the stock weight a mix drifts to when left alone, the number of index futures that
hedge an equity portfolio's market risk, and a foreign asset's return in the investor's home
currency.

Self-directed investors and advisers ask the first two every time markets move ("I'm 70 %
stocks against a 60 % target, how much do I sell?", "I started at 60/40 and stocks are up
20 %: where am I now?"); pension and fund managers, risk teams and derivatives students ask the
third ("hedge the book's beta with E-mini S&P futures"); anyone holding foreign shares asks the
fourth ("the German stock made 8 % but the euro fell 4 % against the dollar"). They differ from
their siblings: ``portfolio_return`` averages the assets' returns by weight (it asks for the
portfolio's return, not its new weights), ``position_pnl`` is a profit in currency on one
position, ``risk_sizing`` sizes a share position from a stop-loss (rounded down, not a hedge),
``fx_conversion`` converts an amount at a quoted rate (no return), and
``holding_period_return`` is a return from prices in one currency.

Solvers are written independently of the formula text: the bond purchase that lifts bonds to
their target, a thousand units of money grown asset by asset, the beta-weighted exposure over
one contract's notional rounded half up, and a home-currency amount converted out, grown and
converted back.
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
    Param,
    Parts,
    Values,
    money,
    number_texts,
    pct,
    plain,
    with_article,
)


def _draw_params(
    params: Mapping[str, Param], rng: random.Random, ood: bool, bands: int
) -> dict[str, Num]:
    """Every parameter as :meth:`Family.draw` draws them (one band, one scaling, one rounding
    choice for the whole question)."""
    band = rng.randrange(bands)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    return {name: spec.draw(rng, ood, band, scaled, round_figures) for name, spec in params.items()}


def _growth(digits: str) -> str:
    """A growth factor for a signed percent as the formula writes it: ``(1+8.5/100)`` for a
    rise, ``(1-4/100)`` for a fall (the question shows the fall's size, 4, not -4)."""
    if digits.startswith("-"):
        return f"(1-{digits[1:]}/100)"
    return f"(1+{digits}/100)"


# Standard target stock weights of model portfolios ("60/40", "70/30").
_STANDARD_WEIGHTS = (40.0, 50.0, 60.0, 60.0, 65.0, 70.0, 75.0, 80.0)


def _signed_texts(
    rng: random.Random,
    num: Num,
    up: tuple[str, ...],
    down: tuple[str, ...],
    returned: bool = True,
) -> str:
    """A signed percent as a move in words: ``rose 8.5%``, ``fell 4 percent`` (the size shown
    without its sign), or (``returned``) the signed number after "returned"."""
    size = Num(abs(num.value), num.decimals, "pct").text(rng)
    if returned and rng.random() < 0.2:
        sign = "-" if num.value < 0 else rng.choice(("", "+"))
        return f"returned {sign}{size}"
    return f"{rng.choice(up if num.value > 0 else down)} {size}"


def _signed(rng: random.Random, num: Num) -> str:
    """A signed percent as a number: ``-4.2%``, ``+3%`` or ``3%``."""
    text = num.text(rng)
    if num.value > 0 and rng.random() < 0.4:
        text = "+" + text
    return text


# --- rebalance_trade ------------------------------------------------------------------------------

# Stock and bond holdings of private and advised portfolios; out of range, institutional
# mandates in the hundreds of millions, or a first small savings account.
_STOCKS = money((20000, 2_000_000), ((3e6, 4e8), (600, 9000)))
_BONDS = money((8000, 2_000_000), ((2.5e6, 4e8), (150, 7000)))
# Target stock weights of ordinary mixes; out of range, a near-all-bond mandate or an
# almost-all-equity one (paired with the amounts' bands).
_TARGET = pct((35, 80), ((5, 30), (85, 95)), decimals=0)


def _rebalance_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    nums = _draw_params({"S": _STOCKS, "B": _BONDS, "w": _TARGET}, rng, ood, 2)
    if not ood and rng.random() < 0.5:
        nums["w"] = Num(rng.choice(_STANDARD_WEIGHTS), 0, "pct")
    return nums


def _bond_weight(nums: dict[str, Num]) -> dict[str, Num]:
    """``wb``: the bonds' target weight (100 minus the stocks'), shown in "a 60/40 mix"."""
    w = nums["w"]
    return {**nums, "wb": Num(round(100 - w.value, w.decimals), w.decimals, "pct")}


def _mix_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, ``{mix}``: the stock/bond split as people write it ("60/40"), and
    ``{a_mix}``: the split with its article ("a 60/40", "an 80/20")."""
    texts = number_texts(rng, nums)
    texts["mix"] = f"{nums['w'].shown}/{nums['wb'].shown}"
    texts["a_mix"] = with_article(texts["mix"])
    return texts


def _rebalance_valid(v: Mapping[str, float]) -> bool:
    # Stocks above target by 1 to 20 points, as a drift between reviews leaves them.
    weight = v["S"] / (v["S"] + v["B"]) * 100
    return v["w"] + 1 <= weight <= min(v["w"] + 20, 99.5)


def _stock_sale(v: Mapping[str, float]) -> float:
    # The bonds bought with the proceeds lift bonds to their target share of the unchanged total.
    total = v["S"] + v["B"]
    bonds_wanted = total * (100 - v["w"]) / 100
    return bonds_wanted - v["B"]


REBALANCE_TRADE = Family(
    name="rebalance_trade",
    unit="currency",
    reasoning="Rebalancing trade: stock to sell = stock value - target stock weight * (stocks + "
    "bonds).",
    params={"S": _STOCKS, "B": _BONDS, "w": _TARGET},
    sample=_rebalance_sample,
    derive=_bond_weight,
    render=_mix_texts,
    valid=_rebalance_valid,
    formula=lambda f: f"{f['S']}-{f['w']}/100*({f['S']}+{f['B']})",
    solve=_stock_sale,
    convention="currency; the value of stock to sell, all proceeds going into bonds (no cash "
    "kept, no costs), so that stocks are back at the target weight of the unchanged total",
    templates=(
        "My portfolio holds {S} in stocks and {B} in bonds, and my target is {w} stocks. How "
        "much stock do I need to sell, putting the proceeds into bonds, to get back to the "
        "target?",
        "Stocks {S}, bonds {B}, target equity weight {w}. Sell how much equity (proceeds into "
        "bonds) to rebalance?",
        "Exam question: An investor's portfolio consists of equities worth {S} and bonds worth "
        "{B}. The strategic allocation is {w} equities. Ignoring transaction costs, calculate "
        "the value of equities that must be sold and reinvested in bonds to restore the target "
        "allocation.",
        "Hi Sam, after the rally the client's account is {S} in equities and {B} in fixed "
        "income. Their IPS sets {a_mix} stock/bond mix. How much equity should we trim, moving "
        "the cash into bonds, to get back exactly on target? No costs to worry about. Thanks, "
        "Priya",
        "| stocks | bonds | target stock weight |\n| {S} | {B} | {w} |\nAmount of stock to sell "
        "and switch into bonds to rebalance?",
        "- Equity holdings: {S}\n- Bond holdings: {B}\n- Target equity allocation: {w}\nHow "
        "much equity must be sold (all proceeds to bonds) to rebalance?",
        "Please help, I have {S} in shares and {B} in bonds. I want {w} in shares. How much "
        "shares I must sell and buy bonds with the money to be exactly on my target?",
        "ok so stocks ran up, i've got {S} in stocks and {B} in bonds, target is {w} stocks. "
        "how much do i sell and shift to bonds?",
        "Rebalancing question: stock value {S}, bond value {B}, stock target {w} of the total. "
        "What size stock sale, with the proceeds reinvested in bonds, brings the portfolio "
        "back to target?",
        "My {mix} portfolio has drifted: the stock side is now worth {S} and the bond side "
        "{B}. How much stock should I sell and move into bonds to restore the {mix} split? No "
        "fees or taxes.",
        "Question 3 (2 marks). A balanced fund holds {S} of equities and {B} of bonds against "
        "a policy weight of {w} in equities. Calculate the equity sale, reinvested entirely in "
        "bonds, needed to rebalance to policy.",
        "Trim equities back to {w}: currently {S} equities, {B} bonds. Sale amount (proceeds "
        "go to bonds)?",
        "We run {a_mix} stock/bond model portfolio. The stock sleeve is {S}, the bond sleeve "
        "{B}. How much stock do we sell into bonds to rebalance?",
        "How much of a stock position worth {S} should be sold and moved into bonds if the "
        "bond position is {B} and the target stock weight is {w}?",
        "My dad's retirement account is {S} in stock funds and {B} in bond funds. His adviser "
        "says the mix should be {w} stocks. How much should he move from the stock funds into "
        "the bond funds to hit that exactly?",
        "Portfolio drift: equities {S}, bonds {B}, target {w} equities. Compute the "
        "rebalancing trade (sell equities, buy bonds with the proceeds).",
        "The pension plan's policy is {w} in stocks, the rest in bonds. It now holds {S} of "
        "stocks and {B} of bonds. How much stock must be sold, with the money going into "
        "bonds, to get back to policy weights? Ignore trading costs.",
        "I like to rebalance once a year. Right now: {S} stocks, {B} bonds, and I aim for {w} "
        "stocks. How much should I sell from stocks and put into bonds?",
        "Long story: my aunt set up a portfolio years ago with a target of {w} in stocks, the "
        "rest in bonds, and then forgot about it while she spent a decade running a bakery in "
        "Lisbon. She finally opened her statement: {S} in stocks and {B} in bonds. How much "
        "stock does she need to sell, reinvesting the proceeds in bonds, to be back at her target?",
        "Target equity weight {w}. Holdings: equities {S}, bonds {B}. Sell-down of equities "
        "into bonds needed to rebalance?",
        "Excess equity to sell: stocks {S}, bonds {B}, target {w} stocks, proceeds into bonds.",
        "Sorry for my English. Portfolio is {S} stocks plus {B} bonds, I want {w} stocks only. "
        "What amount of stocks I sell to put in bonds?",
    ),
    ood_templates=(
        "Equity sleeve {S}, fixed-income sleeve {B}; the mandate pins equities at {w}. What "
        "notional of equity should be liquidated and recycled into fixed income to sit "
        "precisely on the mandate?",
        "Your shares have outgrown your bond holdings: {S} versus {B}. Your chosen share "
        "allocation is {w}. Cut the shares by how much, putting the whole sum raised into "
        "bonds, so the mix lands on target?",
        "Restoring {mix} equity/debt proportions: equities stand at {S}, debt securities at "
        "{B}. Quantify the equity disposal whose entire proceeds are switched to debt "
        "securities.",
        "The balance between growth assets ({S}) and defensive bonds ({B}) has slipped away "
        "from the intended {w} growth share. Determine the sum to shift out of growth assets "
        "and into those bonds.",
    ),
    parts=Parts(
        labels={
            "S": (
                "stock position",
                "value of the stocks",
                "equity position",
                "stock holding",
                "amount held in equities",
                "current stock value",
                "market value of the stock sleeve",
                "amount in shares",
                "equity holding",
                "stock sleeve value",
                "market value of the equities",
                "value in stocks",
            ),
            "B": (
                "bond position",
                "value of the bonds",
                "fixed-income position",
                "bond holding",
                "amount held in bonds",
                "current bond value",
                "market value of the bond sleeve",
                "amount in bonds",
                "fixed-income holding",
                "bond sleeve value",
                "market value of the bonds",
                "value in bonds",
            ),
            "w": (
                "target stock weight",
                "target equity allocation",
                "policy weight for stocks",
                "stock target",
                "desired share of stocks",
                "target weight of equities",
                "strategic equity weight",
                "intended stock allocation",
                "target equity weight",
                "target allocation to stocks",
                "policy equity allocation",
                "model-portfolio equity weight",
            ),
        },
        asks=(
            "How much stock must be sold, with the proceeds put into bonds, to get back to the "
            "target weight?",
            "What is the rebalancing trade: how much equity to sell and reinvest in bonds?",
            "How much should be moved from stocks into bonds to restore the target allocation?",
            "Compute the amount of stock to sell into bonds to rebalance.",
            "What is the size of the stock sale, all proceeds to bonds, that hits the target mix?",
            "how much equity do i trim and shift to bonds to be back on target?",
            "Find the sell-down in equities (proceeds into bonds) that restores the target weight.",
            "What amount of stocks should be switched into bonds to rebalance exactly?",
            "How big is the switch from stocks into bonds needed to return to the target weight?",
            "What is the amount of stock to sell and move into bonds?",
            "How much equity has to be sold and put into bonds to bring the stock/bond split back "
            "to policy?",
            "Rebalancing back to target: what value of stocks do I sell, with everything going "
            "into bonds?",
            "What's the size of the rebalancing sale of stocks, proceeds reinvested in bonds?",
            "Compute the transfer from stocks to bonds that removes the equity overweight.",
            "How much stock should the adviser sell and move to bonds to cut the equity "
            "overweight back to target?",
            "rebal trade: how much stock to sell into bonds?",
            "What equity sale, with the cash going into the bonds, brings the allocation back in "
            "line with the target?",
            "I'm overweight equities against my target mix: how much should I sell and put in "
            "bonds?",
            "Calculate the rebalancing amount: the value of equities to be sold and invested in "
            "bonds.",
            "What is the required reduction in the stock holding, with the proceeds used to buy "
            "bonds?",
            "How much of the stock position needs to be transferred into bonds so the target "
            "equity weight is met exactly?",
            "By how much must equities be cut, reinvesting the proceeds in bonds, to return to "
            "the strategic allocation?",
            "What size sell order on the stock side, with the cash going to bonds, puts the "
            "portfolio back on its target weights?",
        ),
        ood_labels={
            "S": ("sum parked in equities",),
            "B": ("sum parked in fixed income",),
            "w": ("mandated equity fraction",),
        },
        ood_asks=(
            "Determine the equity disposal, recycled wholly into fixed income, that lands the "
            "mix on target.",
            "Quantify how much to peel off equities and redeploy in fixed income.",
        ),
    ),
)


# --- drifted_weight -------------------------------------------------------------------------------

# Starting stock weights; out of range, a near-all-bond or an almost-all-equity start.
_START_WEIGHT = pct((20, 85), ((2, 15), (90, 98)), decimals=0)
# Period returns (a quarter to a year): stocks -25 % to +35 %, bonds -12 % to +12 %; out of
# range, crashes and booms, in all four combinations of sign (bands pair them).
_STOCK_RETURN = pct((-25, 35), ((-70, -30), (40, 120), (-70, -30), (40, 120)))
_BOND_RETURN = pct((-12, 12), ((-35, -15), (15, 40), (15, 40), (-35, -15)))


def _drift_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    params = {"w": _START_WEIGHT, "rs": _STOCK_RETURN, "rb": _BOND_RETURN}
    nums = _draw_params(params, rng, ood, 4)
    if not ood and rng.random() < 0.4:
        nums["w"] = Num(rng.choice(_STANDARD_WEIGHTS), 0, "pct")
    return nums


_UP = ("rose", "gained", "went up", "climbed", "returned")
_DOWN = ("fell", "lost", "dropped", "went down", "declined")


def _drift_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual (returns signed: "-12.5%", "+8%"), ``{s_did}`` and ``{b_did}``: each
    return as a move in words ("rose 8%", "fell 12.5 percent"), ``{mix}`` ("60/40") and
    ``{a_mix}`` ("a 60/40", "an 80/20")."""
    texts = _mix_texts(rng, nums)
    texts["rs"], texts["rb"] = _signed(rng, nums["rs"]), _signed(rng, nums["rb"])
    texts["s_did"] = _signed_texts(rng, nums["rs"], _UP, _DOWN)
    texts["b_did"] = _signed_texts(rng, nums["rb"], _UP, _DOWN)
    return texts


def _drifted(v: Mapping[str, float]) -> float:
    # A thousand units of money split at the start, each part grown by its own return.
    stocks = 1000 * v["w"] / 100 * (1 + v["rs"] / 100)
    bonds = 1000 * (100 - v["w"]) / 100 * (1 + v["rb"] / 100)
    return stocks / (stocks + bonds) * 100


DRIFTED_WEIGHT = Family(
    name="drifted_weight",
    unit="percent",
    reasoning="Drifted weight = stocks grown by their return / (stocks grown + bonds grown), with "
    "no rebalancing.",
    params={"w": _START_WEIGHT, "rs": _STOCK_RETURN, "rb": _BOND_RETURN},
    sample=_drift_sample,
    derive=_bond_weight,
    render=_drift_texts,
    formula=lambda f: (
        f"{f['w']}*{_growth(f['rs'])}/({f['w']}*{_growth(f['rs'])}+(100-{f['w']})*"
        f"{_growth(f['rb'])})*100"
    ),
    solve=_drifted,
    convention="percent of the portfolio in stocks at the end; two assets (stocks, the rest in "
    "bonds), no rebalancing and no money added or withdrawn; each return is for the whole period",
    templates=(
        "I started the year with {w} of my portfolio in stocks and the rest in bonds. Over the "
        "year stocks {s_did} and bonds {b_did}. I didn't rebalance or add or withdraw money. "
        "What percentage of my portfolio is in stocks now?",
        "Start: {w} stocks, rest bonds. Stock return {rs}, bond return {rb}. No rebalancing, no "
        "flows in or out. End stock weight?",
        "Exam question: A portfolio is invested {w} in equities and the remainder in bonds at "
        "the start of the period. During the period equities return {rs} and bonds return "
        "{rb}. Assuming no rebalancing and no contributions or withdrawals, calculate the "
        "equity weight at the end of the period.",
        "Hi Ana, a client set up {a_mix} stock/bond portfolio at the start of the year and "
        "hasn't touched it since: no rebalancing, no deposits, no withdrawals. Stocks {s_did} "
        "since then and bonds {b_did}. What's the stock weight today? I want to check whether "
        "it's outside the band. Thanks, Tom",
        "| start stock weight (rest bonds) | stock return | bond return |\n| {w} | {rs} | {rb} "
        "|\nStock weight at the end (no rebalancing, no cash in or out)?",
        "- Initial equity weight: {w} (rest in bonds)\n- Equity return: {rs}\n- Bond return: "
        "{rb}\n- No rebalancing, no contributions or withdrawals\nWhat is the equity weight at "
        "the end?",
        "Please help, my portfolio was {w} in shares and the rest in bonds. Then shares {s_did} "
        "and bonds {b_did}. I did not rebalance and did not put in or take out money. How much "
        "percent is in shares now?",
        "ok so {w} stocks rest bonds, stocks {s_did}, bonds {b_did}, no rebalance and no money "
        "in or out. what's my stock % now?",
        "Portfolio drift: starting allocation {w} stocks and the rest bonds; period returns "
        "stocks {rs}, bonds {rb}. Without rebalancing or any cash flows, what is the new stock "
        "allocation?",
        "My {mix} stock/bond portfolio was left alone all year: no rebalancing, no money added "
        "or taken out. Stocks {s_did}, bonds {b_did}. What share of it is in stocks now?",
        "Question 5 (3 marks). A fund holds {w} in equities and the balance in bonds. Equities "
        "then return {rs} and bonds {rb} over the year. If the fund does not rebalance and "
        "has no inflows or outflows, calculate the equity weight at the end of the year.",
        "How has the allocation drifted? Stocks were {w} of the portfolio (bonds the rest), "
        "stocks returned {rs}, bonds returned {rb}. Give the stock weight at the end, with no "
        "rebalancing and no new money or withdrawals.",
        "Stock weight after drift: w0 = {w} stocks (remainder bonds), r_stocks = {rs}, r_bonds "
        "= {rb}, no rebalancing, no cash flows.",
        "If you start with {w} in stocks and the rest in bonds, and stocks {s_did} while bonds "
        "{b_did}, what percent of the portfolio is stocks at the end? You don't rebalance, and "
        "nothing is added or withdrawn.",
        "My grandfather has kept the same two funds since he retired, a stock fund and a bond "
        "fund, and he never rebalances or adds or takes money out. At the start of this year "
        "the stock fund was {w} of the total. This year the stock fund {s_did} and the bond "
        "fund {b_did}. He now wants to know what percent of his savings is in the stock fund.",
        "Equity weight at the start {w}, rest in bonds; equities {s_did}, bonds {b_did}; no "
        "rebalancing trades and no money in or out since. What is the equity weight now?",
        "We didn't rebalance the {mix} stock/bond model this year and there were no flows. "
        "Stocks {s_did}, bonds {b_did}. Where does the stock weight end up?",
        "Sorry for my English. At beginning I have {w} stocks, other part bonds. Stocks return "
        "{rs}, bonds return {rb}. No rebalance, no money added or removed. What is stocks "
        "weight at end?",
        "Compute the end-of-period stock weight of a two-asset portfolio: {w} stocks and the "
        "rest bonds at the start, stock return {rs}, bond return {rb}, buy-and-hold (no "
        "rebalancing, no flows).",
        "After a year when stocks {s_did} and bonds {b_did}, what weight do stocks have in a "
        "portfolio that began at {w} stocks and the rest bonds, with no rebalancing and no "
        "deposits or withdrawals?",
        "rebal check: start {w} equity / rest bonds, equity {rs}, bonds {rb}, no flows, no "
        "rebalancing -> equity weight now?",
    ),
    ood_templates=(
        "Buy-and-hold check: the equity slice began at {w}, fixed income making up the balance. "
        "Equities went on to deliver {rs}, fixed income {rb}; no trades, deposits or "
        "redemptions happened. Where has the equity slice wandered to?",
        "Left untouched, with nothing paid in or taken out, a book that opened at {w} shares "
        "and otherwise gilts saw shares move {rs} and gilts {rb}. What fraction now sits in "
        "shares?",
        "Allocation creep: opening equity proportion {w} (balance in debt securities); "
        "performance equities {rs}, debt securities {rb}. Absent any reallocation or external "
        "cash, what equity proportion results?",
    ),
    parts=Parts(
        labels={
            "w": (
                "starting stock weight (rest in bonds)",
                "initial stock allocation (remainder in bonds)",
                "stock weight at the start (the rest in bonds)",
                "opening equity weight (balance in bonds)",
                "starting share in stocks (the rest in bonds)",
                "starting equity allocation (bonds making up the rest)",
                "initial weight of stocks in a stock/bond portfolio",
                "stock weight at the outset (bonds being the rest)",
                "beginning-of-period stock weight (the rest in bonds)",
                "equity allocation at the start (rest in bonds)",
                "starting equity share of a stock/bond portfolio",
                "original stock weight (remainder in bonds)",
            ),
            "rs": (
                "stock return",
                "return on stocks over the period",
                "equity return",
                "stock market return for the period",
                "return of the stock portion",
                "holding-period return on stocks",
                "total return of the stock sleeve",
                "stock fund return",
                "equity total return for the period",
                "period return on equities",
                "return on the stock side",
                "stock sleeve return",
            ),
            "rb": (
                "bond return",
                "return on bonds over the period",
                "fixed-income return",
                "bond market return for the period",
                "return of the bond portion",
                "holding-period return on bonds",
                "total return of the bond sleeve",
                "bond fund return",
                "bond total return for the period",
                "period return on bonds",
                "return on the bond side",
                "bond sleeve return",
            ),
        },
        asks=(
            "With no rebalancing and no money added or withdrawn, what is the stock weight at "
            "the end?",
            "What percent of the portfolio is in stocks at the end, assuming no rebalancing and "
            "no cash flows?",
            "Where does the stock allocation drift to if nothing is rebalanced and no money goes "
            "in or out?",
            "Compute the end-of-period equity weight (no rebalancing, no contributions or "
            "withdrawals).",
            "What is the new stock weight after the drift (buy-and-hold, no rebalancing, no "
            "flows)?",
            "no rebalancing, no deposits or withdrawals: how much of the portfolio is stocks now?",
            "Find the stock share of the portfolio at the end, not rebalanced, with no new money "
            "and nothing taken out.",
            "What weight do stocks end up with if the portfolio is not rebalanced and has no "
            "inflows or outflows?",
            "Give the drifted equity allocation in percent (no rebalancing, no cash in or out).",
            "Given the period's returns, what share of the total is now in equities, with no "
            "rebalancing and no deposits or withdrawals?",
            "How far has the stock allocation drifted? Give the ending stock weight, no "
            "rebalancing, no cash flows.",
            "Compute the post-drift stock weight of the stock/bond mix (no rebalancing, no "
            "contributions or withdrawals).",
            "What's my equity percentage now, if I never rebalanced and didn't add or withdraw "
            "money?",
            "Stock weight at the end of the period, unrebalanced, no flows?",
            "What is the end-of-period weight of equities in the portfolio, letting it drift with "
            "no rebalancing and no money in or out?",
            "To see whether the mix has breached its rebalancing band, what is the stock weight "
            "now, with no flows in or out since the start?",
            "Calculate the drifted weight of stocks in the two-asset portfolio, given no "
            "rebalancing and no cash flows.",
            "How much of the portfolio, in percent, is in equities after the period's returns, "
            "left to drift without rebalancing or any deposits or withdrawals?",
            "What is the market-value weight of stocks at the end, assuming the stock/bond mix is "
            "not rebalanced and no money is added or withdrawn?",
            "ending equity allocation in %, with no rebalance and no deposits/withdrawals?",
            "What percentage weight do equities carry at the end of the period if the investor "
            "does no rebalancing and makes no contributions or withdrawals?",
        ),
        ood_labels={
            "w": ("opening equity proportion (debt securities making up the balance)",),
            "rs": ("gain or loss posted by equities",),
            "rb": ("gain or loss posted by debt securities",),
        },
        ood_asks=(
            "Absent reallocation or external cash, report the closing equity proportion.",
            "What closing share do equities hold, nothing traded and no external cash?",
        ),
    ),
)


# --- futures_hedge_contracts ----------------------------------------------------------------------

# Index futures as exchanges list them: (contract, index, multiplier per index point, currency,
# training range of the futures level, out-of-range levels (a past crash or a far-off high),
# tick, decimals shown).
INDEX_FUTURES: tuple[tuple[str, str, float, str, tuple[float, float], tuple, float, int], ...] = (
    ("E-mini S&P 500", "S&P 500", 50, "USD", (3500, 6200), ((700, 1400), (8000, 12000)), 0.25, 2),
    (
        "Micro E-mini S&P 500",
        "S&P 500",
        5,
        "USD",
        (3500, 6200),
        ((700, 1400), (8000, 12000)),
        0.25,
        2,
    ),
    (
        "E-mini Nasdaq-100",
        "Nasdaq-100",
        20,
        "USD",
        (11000, 22000),
        ((1500, 4000), (30000, 50000)),
        0.25,
        2,
    ),
    (
        "E-mini Dow",
        "Dow Jones Industrial Average",
        5,
        "USD",
        (30000, 45000),
        ((6000, 12000), (60000, 90000)),
        1,
        0,
    ),
    (
        "E-mini Russell 2000",
        "Russell 2000",
        50,
        "USD",
        (1600, 2500),
        ((350, 900), (4000, 7000)),
        0.1,
        1,
    ),
    ("FTSE 100", "FTSE 100", 10, "GBP", (6800, 8800), ((3000, 5000), (11000, 16000)), 0.5, 1),
    (
        "Euro Stoxx 50",
        "Euro Stoxx 50",
        10,
        "EUR",
        (3500, 5500),
        ((1500, 2800), (7000, 10000)),
        1,
        0,
    ),
    ("DAX", "DAX", 25, "EUR", (14000, 20000), ((4000, 9000), (26000, 40000)), 0.5, 1),
    ("Mini-DAX", "DAX", 5, "EUR", (14000, 20000), ((4000, 9000), (26000, 40000)), 1, 0),
)
# Money renderings (indexes into Num.text's styles) for each contract's currency.
_MONEY_STYLES = {"USD": (0, 1, 2, 3), "EUR": (4, 6), "GBP": (5, 7)}
# The equity portfolio: a private client's to a large pension fund's; out of range, a
# sovereign-fund book in the billions or a small account hedged with micro contracts.
_PORTFOLIO = money((1_000_000, 500_000_000), ((1e9, 3e10), (40000, 600000)))
# Betas of diversified equity portfolios; out of range, a leveraged or a defensive book.
_BETA = plain((0.5, 1.6), ((1.7, 3.0), (0.05, 0.4)), decimals=2)


def _hedge_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A contract (``k``, an index into the contract table), its futures level ``F`` on its tick
    and multiplier ``M``, the portfolio's value ``V`` and beta ``b``."""
    nums = _draw_params({"V": _PORTFOLIO, "b": _BETA}, rng, ood, 2)
    k = rng.randrange(len(INDEX_FUTURES))
    _, _, multiplier, _, train, ood_bands, tick, decimals = INDEX_FUTURES[k]
    low, high = ood_bands[rng.randrange(len(ood_bands))] if ood else train
    level = round(round(rng.uniform(low, high) / tick) * tick, decimals)
    nums["F"] = Num(level, decimals, "plain")
    nums["M"] = Num(float(multiplier), 0, "plain")
    nums["k"] = Num(float(k), 0, "plain")
    return nums


def _contracts_raw(v: Mapping[str, float]) -> float:
    return v["b"] * v["V"] / (v["F"] * v["M"])


def _hedge_valid(v: Mapping[str, float]) -> bool:
    # At least two contracts, a count a desk trades, and never a tie between two counts.
    raw = _contracts_raw(v)
    return 1.5 <= raw <= 60000 and abs(raw - math.floor(raw) - 0.5) > 0.02


def _hedge_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in the contract's currency (``{M}`` too: "$50"), ``{contract}`` ("E-mini S&P
    500") and ``{index}`` ("the S&P 500")."""
    contract, index, _, currency, *_ = INDEX_FUTURES[round(nums["k"].value)]
    style = rng.choice(_MONEY_STYLES[currency])
    scale_style = rng.randrange(4)
    texts = {k: n.text(rng, money_style=style, scale_style=scale_style) for k, n in nums.items()}
    texts["M"] = Num(nums["M"].value, 0, "money").text(rng, money_style=style)
    texts["contract"] = contract
    texts["index"] = index
    return texts


def _hedge_contracts(v: Mapping[str, float]) -> float:
    # Beta-weighted market exposure over what one contract controls, rounded half up.
    exposure = v["V"] * v["b"]
    per_contract = v["M"] * v["F"]
    return float(math.floor(exposure / per_contract + 0.5))


# The names of an index future's price and multiplier, shared by the families that size a
# futures trade (this hedge, rate_instruments' futures_beta_change).
INDEX_FUTURES_LABELS: dict[str, tuple[str, ...]] = {
    "F": (
        "futures price",
        "index futures level",
        "futures quote",
        "current futures price",
        "price of the index future",
        "futures level in index points",
        "index future quote",
        "level of the futures contract",
        "index futures price",
        "last traded futures price",
        "price of the futures contract",
        "futures settlement price",
    ),
    "M": (
        "contract multiplier",
        "multiplier per index point",
        "value of one index point",
        "point value",
        "multiplier",
        "cash value per index point",
        "contract size per point",
        "point value of the futures contract",
        "index multiplier",
        "futures multiplier",
        "value per index point",
        "contract point value",
    ),
}


FUTURES_HEDGE_CONTRACTS = Family(
    name="futures_hedge_contracts",
    unit="count",
    reasoning="Futures hedge: contracts to sell = beta * portfolio value / (futures level * "
    "multiplier), rounded to the nearest contract.",
    params={"V": _PORTFOLIO, "b": _BETA},
    sample=_hedge_sample,
    render=_hedge_texts,
    valid=_hedge_valid,
    formula=lambda f: f"round({f['b']}*{f['V']}/({f['F']}*{f['M']}))",
    solve=_hedge_contracts,
    # the count is rounded as asked, and the hedge is a short futures position
    uses=frozenset({"rounding", "shorting", "leverage"}),
    convention="whole contracts to sell, rounded to the nearest; a full hedge of the "
    "portfolio's beta-weighted market exposure (beta to zero); one contract controls the "
    "futures level times the multiplier",
    templates=(
        "I manage an equity portfolio worth {V} with a beta of {b}. I want to fully hedge its "
        "market risk with {contract} futures, currently at {F}, with a multiplier of {M} per "
        "index point. How many contracts should I sell, to the nearest whole contract?",
        "Portfolio {V}, beta {b}, {contract} futures at {F}, {M} per point. Contracts to short "
        "for a full beta hedge (nearest whole number)?",
        "Exam question: A fund manager holds a stock portfolio worth {V} with a beta of {b} "
        "relative to the {index}. The {contract} futures contract is priced at {F} and has a "
        "multiplier of {M} per index point. Calculate the number of futures contracts that "
        "must be sold to hedge the portfolio completely (reduce its beta to zero). Round to "
        "the nearest whole contract.",
        "Hi Lena, the CIO wants the whole equity book hedged against the market before the "
        "election. Book value {V}, beta {b} to the {index}. {contract} futures last traded at "
        "{F}; multiplier {M} per point. How many contracts do we short for a full beta hedge? "
        "Round to the nearest contract. Thanks, Chris",
        "| portfolio value | beta | futures price | multiplier per point |\n| {V} | {b} | {F} | "
        "{M} |\nFull beta hedge: contracts to sell (nearest whole contract)?",
        "- Portfolio value: {V}\n- Portfolio beta: {b}\n- {contract} futures price: {F}\n- "
        "Contract multiplier: {M} per index point\nHow many contracts must be sold for a full "
        "(beta-adjusted) hedge, rounded to the nearest contract?",
        "Please help, I have stocks for {V}, the beta is {b}. I want to hedge all the market "
        "risk with {contract} futures at {F}, one point is {M}. How many contracts I must sell? "
        "Round to the nearest whole contract.",
        "ok so portfolio {V}, beta {b}, {contract} future at {F} with {M} per point. how many "
        "do i short to fully hedge the beta? nearest whole contract",
        "How many {contract} contracts should be sold to fully hedge a portfolio worth {V} "
        "whose beta is {b}? The future trades at {F} and each index point is worth {M}. Give "
        "the nearest whole number of contracts.",
        "Beta hedge with index futures: value {V}, beta {b}, futures level {F}, multiplier "
        "{M} per point. Number of contracts to sell for a complete hedge, to the nearest "
        "contract?",
        "Question 7 (3 marks). An investor holds a diversified portfolio valued at {V}; its "
        "beta with respect to the {index} is {b}. {contract} futures are quoted at {F}, with a "
        "contract multiplier of {M} per index point. How many futures contracts should the "
        "investor sell to eliminate the portfolio's market (beta) exposure entirely? Answer to "
        "the nearest whole contract.",
        "Our pension fund holds {V} of equities with a beta of {b}. To neutralize the market "
        "exposure fully we'll short {contract} futures at {F}, multiplier {M} per point. "
        "Contracts needed, rounded to the nearest whole contract?",
        "Full beta hedge, nearest whole contract: equity portfolio {V}, beta {b}, {contract} "
        "at {F}, {M} per index point. How many futures to sell?",
        "My father runs a family office with {V} in stocks (beta {b} against the {index}). "
        "He's nervous about a crash and wants to hedge all of that market exposure with "
        "{contract} futures, which trade at {F} with {M} per point. How many contracts does he "
        "sell, to the nearest whole one?",
        "To take the beta of a portfolio worth {V} (beta {b}) down to zero with {contract} "
        "futures priced at {F} and a multiplier of {M} per point, how many contracts should be "
        "sold? Round to the nearest whole contract.",
        "Risk wants a full hedge on the equity sleeve: {V} at beta {b}. Hedge instrument: "
        "{contract} futures at {F}, multiplier {M} per point. Contracts to sell, nearest whole "
        "number?",
        "Sorry for my English. Portfolio value {V}, beta {b}. Futures on {index} is {F}, "
        "multiplier {M} each point. For hedge all the beta risk, how many contracts to sell? "
        "Round to nearest contract.",
        "hedge q: {V} of stock, beta {b}, {contract} @ {F} x {M}/pt. contracts to sell for "
        "full beta hedge, round to nearest",
        "Long story short: we've been overweight equities since spring, and the committee "
        "finally decided to hedge the whole thing for the next month instead of selling. The "
        "portfolio is worth {V} and has a beta of {b}. We'll use {contract} futures (last {F}, "
        "{M} per index point). How many contracts do we sell for a full beta hedge, rounded to "
        "the nearest whole contract?",
        "Calculate the number of {contract} futures contracts to short so that a portfolio "
        "worth {V} with a beta of {b} is fully hedged. Futures price {F}; multiplier {M} per "
        "index point. Round to the nearest contract.",
    ),
    ood_templates=(
        "Overlay sizing: neutralise every bit of systematic exposure in a book worth {V} "
        "(sensitivity to the index {b}) using {contract} contracts marked at {F}, each index "
        "point paying {M}. Contract count, to the closest integer?",
        "The trustees want zero market sensitivity on {V} of shares whose beta reads {b}. "
        "Shorting {contract} at {F} (point value {M}): how many lots, to the closest integer?",
        "Determine how many {contract} lots to go short, to the closest integer, so that "
        "equities valued at {V} with a {b} beta carry no residual market exposure; futures "
        "level {F}, point value {M}.",
    ),
    parts=Parts(
        labels={
            "V": (
                "portfolio value",
                "value of the equity portfolio",
                "market value of the stocks",
                "portfolio size",
                "amount invested in stocks",
                "value of the holdings to hedge",
                "size of the stock portfolio",
                "total value of the equity fund",
                "equity portfolio value",
                "market value of the portfolio",
                "value of the stock holdings",
                "size of the equity book",
            ),
            "b": (
                "portfolio beta",
                "beta",
                "beta to the index",
                "beta of the portfolio",
                "equity beta",
                "beta relative to the market",
                "market beta",
                "beta against the futures' index",
                "beta versus the benchmark index",
                "beta with respect to the index",
                "weighted-average beta of the holdings",
                "beta of the stock portfolio",
            ),
            **INDEX_FUTURES_LABELS,
        },
        asks=(
            "How many futures contracts should be sold to fully hedge the portfolio's beta, to "
            "the nearest whole contract?",
            "How many contracts must be shorted for a full beta hedge (round to the nearest "
            "contract)?",
            "What is the number of contracts to sell to bring the portfolio's beta to zero, "
            "rounded to the nearest whole number?",
            "Compute the contracts needed for a complete beta hedge, rounded to the nearest "
            "contract.",
            "nearest whole contract: how many index futures do i sell to hedge all the beta risk?",
            "Find the short futures position, in contracts rounded to the nearest one, that "
            "fully hedges the beta exposure.",
            "What hedge, in whole contracts (nearest), fully neutralises the portfolio's beta?",
            "Size the full beta hedge: how many contracts to sell, to the nearest whole contract?",
            "How many contracts to sell to hedge the portfolio completely, adjusting for beta "
            "and rounding to the nearest contract?",
            "What is the number of index futures to short so the portfolio's beta goes to zero, "
            "to the nearest contract?",
            "How many stock index futures does the manager sell for a complete beta hedge? "
            "Nearest whole contract.",
            "Beta-adjusted hedge: contracts to sell, rounded to the nearest whole contract, for a "
            "full hedge?",
            "Compute the number of short futures needed to take the beta all the way to zero "
            "(nearest contract).",
            "How many contracts should the desk go short to fully offset the market exposure "
            "implied by the beta, rounded to the nearest one?",
            "To eliminate all the beta exposure, how many futures must be sold, to the nearest "
            "whole contract?",
            "Number of contracts for a full beta hedge with index futures? Nearest whole contract.",
            "What futures position, in contracts sold and rounded to the nearest whole one, makes "
            "the portfolio beta-neutral?",
            "Calculate the optimal number of futures contracts to sell for a complete beta hedge, "
            "rounded to the nearest whole number.",
            "We want to be market-neutral on the whole book for a month: how many futures do we "
            "sell, beta-adjusted, to the nearest contract?",
            "full beta hedge -> how many contracts short? nearest whole.",
            "How many futures contracts hedge the portfolio's entire beta-weighted exposure, "
            "rounded to the nearest contract?",
        ),
        ood_labels={
            "V": ("sum exposed to equities",),
            "b": ("systematic sensitivity coefficient",),
            "F": ("mark on the index contract",),
            "M": ("payout for each full index point",),
        },
        ood_asks=(
            "To the closest integer, how many lots leave no residual systematic exposure?",
            "Give the lot count, closest integer, that zeroes out market sensitivity.",
        ),
    ),
)


# --- currency_return ------------------------------------------------------------------------------

# Currencies: (name, plural, code).
_CURRENCIES = {
    "USD": ("US dollar", "US dollars", "USD"),
    "EUR": ("euro", "euros", "EUR"),
    "GBP": ("pound", "pounds", "GBP"),
    "JPY": ("yen", "yen", "JPY"),
    "CHF": ("Swiss franc", "Swiss francs", "CHF"),
    "CAD": ("Canadian dollar", "Canadian dollars", "CAD"),
    "AUD": ("Australian dollar", "Australian dollars", "AUD"),
}
# Who invests from each home currency, and what they hold in each foreign one.
_INVESTORS = {
    "USD": ("a US investor", "an American investor"),
    "EUR": ("a German investor", "a eurozone investor", "a French investor"),
    "GBP": ("a UK investor", "a British investor"),
    "JPY": ("a Japanese investor",),
    "CHF": ("a Swiss investor",),
    "CAD": ("a Canadian investor",),
    "AUD": ("an Australian investor",),
}
_ASSETS = {
    "USD": ("a US stock", "an S&P 500 index fund", "a Nasdaq-listed ETF"),
    "EUR": ("a German stock", "a eurozone equity fund", "a French stock", "a European ETF"),
    "GBP": ("a UK stock", "a British equity fund", "a FTSE 100 tracker"),
    "JPY": ("a Japanese stock", "a Japanese equity fund", "a Tokyo-listed ETF"),
    "CHF": ("a Swiss stock", "a Swiss equity fund"),
    "CAD": ("a Canadian stock", "a Canadian equity fund"),
}
# (home, foreign) pairs of everyday cross-border investing.
_PAIRS = (
    ("USD", "EUR"),
    ("USD", "JPY"),
    ("USD", "GBP"),
    ("USD", "CHF"),
    ("USD", "CAD"),
    ("EUR", "USD"),
    ("EUR", "GBP"),
    ("EUR", "JPY"),
    ("GBP", "USD"),
    ("GBP", "EUR"),
    ("CAD", "USD"),
    ("AUD", "USD"),
    ("JPY", "USD"),
    ("CHF", "EUR"),
)
# Local-currency returns over the period; out of range, crashes and booms. Currency moves
# against the home currency; out of range, a currency crisis or a surge (bands pair the signs
# four ways).
_LOCAL_RETURN = pct((-20, 30), ((-70, -25), (35, 150), (-70, -25), (35, 150)))
_FX_MOVE = pct((-12, 12), ((-45, -15), (15, 60), (15, 60), (-45, -15)))

_FX_UP = ("rose", "gained", "appreciated", "strengthened by", "went up")
_FX_DOWN = ("fell", "lost", "depreciated", "weakened by", "dropped")
_ASSET_UP = ("returned", "gained", "rose", "made")
_ASSET_DOWN = ("lost", "fell", "dropped", "declined")


def _currency_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The two returns and a (home, foreign) pair ``p``, an index into the pair table."""
    nums = _draw_params({"rl": _LOCAL_RETURN, "x": _FX_MOVE}, rng, ood, 4)
    nums["p"] = Num(float(rng.randrange(len(_PAIRS))), 0, "plain")
    return nums


def _currency_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Returns signed as numbers (``{rl}``, ``{x}``) and as moves in words (``{rl_did}``: "lost
    6.2%"; ``{fx_moved}``: "fell 4% against the US dollar"); the currencies' names
    (``{home}``, ``{homes}``, ``{foreign}``, codes ``{H}``, ``{Fx}``), ``{investor}`` (with its
    article, ``{Investor}`` capitalised) and ``{asset}`` ("a German stock")."""
    home, foreign = _PAIRS[round(nums["p"].value)]
    # The currency's move always carries its sign ("+4%", "-3.5%"): a bare "moved 4%" reads
    # as either direction.
    x_text = nums["x"].text(rng)
    texts = {"rl": _signed(rng, nums["rl"]), "x": x_text if x_text[0] == "-" else "+" + x_text}
    texts["home"], texts["homes"], texts["H"] = _CURRENCIES[home]
    texts["foreign"], _, texts["Fx"] = _CURRENCIES[foreign]
    texts["rl_did"] = _signed_texts(rng, nums["rl"], _ASSET_UP, _ASSET_DOWN)
    moved = _signed_texts(rng, nums["x"], _FX_UP, _FX_DOWN, returned=False)
    texts["fx_moved"] = f"{moved} against the {texts['home']}"
    texts["investor"] = rng.choice(_INVESTORS[home])
    texts["Investor"] = texts["investor"][0].upper() + texts["investor"][1:]
    texts["asset"] = rng.choice(_ASSETS[foreign])
    return texts


def _home_return(v: Mapping[str, float]) -> float:
    # 100 units of home money changed at a rate of 1, grown abroad, changed back at the new rate.
    rate_then = 1.0
    foreign_units = 100 / rate_then
    grown = foreign_units + foreign_units * v["rl"] / 100
    rate_now = rate_then + rate_then * v["x"] / 100
    return grown * rate_now - 100


CURRENCY_RETURN = Family(
    name="currency_return",
    unit="percent",
    reasoning="Home-currency return = (1 + local-currency return) * (1 + foreign currency's "
    "change against the home currency) - 1.",
    params={"rl": _LOCAL_RETURN, "x": _FX_MOVE},
    sample=_currency_sample,
    render=_currency_texts,
    formula=lambda f: f"({_growth(f['rl'])}*{_growth(f['x'])}-1)*100",
    solve=_home_return,
    uses=frozenset({"currency"}),
    convention="percent in the investor's home currency, unhedged; the local-currency return "
    "compounded with the foreign currency's move against the home currency (a fall is a "
    "negative change), not their sum",
    templates=(
        "{Investor} owns {asset} that returned {rl} in {foreign} terms this year. Over the "
        "same year the {foreign} {fx_moved}. What was the investor's unhedged return in {homes}?",
        "Local-currency return {rl}; {Fx} change against {H} {x}. Unhedged return in {H}?",
        "Exam question: {investor} buys {asset}, unhedged. During the year the asset {rl_did} "
        "in its local currency, while the {foreign} {fx_moved}. Calculate the investor's total "
        "return measured in {homes}.",
        "Hi Jo, our client keeps score in {homes} and holds {asset}. It {rl_did} in local "
        "currency over the year, and the {foreign} {fx_moved} over the same period. The "
        "position is unhedged. What was the client's return in {homes}? Thanks, Sam",
        "| local-currency return | change in the {foreign} vs the {home} | return in {homes} "
        "|\n| {rl} | {x} | ? |\nNo currency hedge.",
        "- Asset return in {foreign} terms: {rl}\n- Change in the {foreign} against the "
        "{home}: {x}\n- Investor's home currency: the {home}\nUnhedged return in {homes}?",
        "Please help, my money is in {homes} and I bought {asset}, no hedge. It {rl_did} in local "
        "money and the {foreign} {fx_moved}. What is my return in {homes}?",
        "ok so {asset} {rl_did} in local currency but the {foreign} {fx_moved}. whats my "
        "return in {homes}? no hedge",
        "What is the return in {homes} on {asset} that returned {rl} in local currency, if the "
        "{foreign} {fx_moved} over the period and the position was not hedged?",
        "Currency effect: {investor} earned {rl} on {asset} in local terms; the {foreign} "
        "{fx_moved}. Total return in {homes}, unhedged?",
        "Question 8 (2 marks). {Investor} holds an unhedged position in {asset}. The "
        "local-currency return for the year is {rl} and the {foreign} {fx_moved}. Calculate "
        "the return in {homes}.",
        "I hold {asset} in my {home} account, unhedged. This year: {rl} in local currency, and "
        "the {foreign} {fx_moved}. What did I actually make in {homes}?",
        "The foreign fund returned {rl} in {foreign} terms, and over the same year the "
        "{foreign} {fx_moved}. For {investor} with no currency hedge, what is the return in "
        "{homes}?",
        "My uncle keeps most of his savings in {homes}, but years ago a colleague talked him "
        "into {asset}, and he still holds it, unhedged. Over the last year it {rl_did} in "
        "local currency. Meanwhile the {foreign} {fx_moved}. What return did he get in "
        "{homes}?",
        "Translate the local-currency return of {rl} into a return in {homes}, given that the "
        "{foreign} {fx_moved} over the period (no hedging).",
        "FX-adjusted return, please: local return {rl}, the {foreign} {fx_moved}. Home "
        "currency: the {home}, unhedged.",
        "Sorry for my English. My home currency is the {home}. I buy {asset}, it gives {rl} in "
        "local currency. The {foreign} {fx_moved}. I have no hedge. What is my return in {homes}?",
        "Unhedged foreign equity: local return {rl}; the {foreign} {fx_moved}. What is the "
        "return for {investor}, in {homes}?",
        "For the performance report: {asset} returned {rl} in local currency and the "
        "{foreign} {fx_moved} in the same period. Our base currency is the {home} and we "
        "don't hedge. What was the return in base currency?",
        "If {asset} returns {rl} in local terms and the {foreign} {fx_moved}, what does "
        "{investor} earn in {homes}, without a currency hedge?",
        "Return in {homes} for {investor}: asset {rl} in {foreign} terms, the {foreign} "
        "{fx_moved}. No hedging.",
    ),
    ood_templates=(
        "Headline performance in local money was {rl}; across the same stretch the price of "
        "one {foreign}, counted in {homes}, shifted by {x}. The holder keeps score in {homes} "
        "and never covers the FX. Spell out the percentage outcome.",
        "Measured in {homes}, what did a position earn whose local performance was {rl} while "
        "the price of one {foreign}, in {homes}, changed by {x}? Nothing was covered.",
        "A saver anchored to the {home} parked money in {asset}, leaving the exchange risk "
        "open. Local gain or loss: {rl}. The {foreign} meanwhile {fx_moved}. What "
        "percentage did the saver pocket?",
    ),
    parts=Parts(
        labels={
            "rl": (
                "local-currency return",
                "return in local currency",
                "asset return in its own currency",
                "return of the foreign asset in local terms",
                "local return",
                "return before currency effects",
                "foreign-market return",
                "return in the asset's currency",
                "foreign-currency return",
                "local-market return",
                "return measured in the foreign currency",
                "asset return before conversion",
            ),
            "x": (
                "change in the foreign currency against the home currency",
                "move of the foreign currency versus the home currency",
                "currency move (foreign vs home currency)",
                "signed change in the foreign currency against the home currency",
                "foreign-currency change versus the home currency",
                "percentage change in the foreign currency's value in home-currency terms",
                "foreign-currency move against the home currency",
                "exchange-rate change (home currency per unit of foreign)",
                "currency return (foreign currency against the home currency)",
                "FX return of the foreign currency against the home currency",
                "foreign currency's change in home-currency terms",
                "signed FX move against the home currency",
            ),
        },
        asks=(
            "What is the unhedged return in the investor's home currency?",
            "What is the unhedged return in home-currency terms?",
            "What return does the home-currency investor earn, unhedged?",
            "Compute the total unhedged return in the home currency.",
            "no hedge: what's the return after the currency move, in home currency?",
            "How much did the investment return in home-currency terms, unhedged?",
            "Find the investor's home-currency return, combining the asset and the currency "
            "(no hedging).",
            "What did the unhedged position return once converted back to the home currency?",
            "What is the currency-adjusted return for the home investor (unhedged)?",
            "What is the total return in the investor's base currency, with no FX hedge?",
            "What does the unhedged foreign holding return once translated into the home currency?",
            "Compute the home-currency return, compounding the local return with the currency's "
            "move (unhedged).",
            "What is the unhedged return measured in the investor's home currency, local return "
            "and FX move combined?",
            "Calculate the unhedged domestic-currency return for the home-based investor, "
            "compounding the foreign-currency return and the currency return.",
            "return in home ccy, no hedge?",
            "After converting back at the new exchange rate, what percentage return did the "
            "investor earn in home-currency terms, with no currency hedge?",
            "What is the FX-inclusive return for a home-currency investor who did not hedge?",
            "Did the currency help or hurt? Give the unhedged return in the home currency.",
            "How much, in percent, did the position return for an unhedged investor who measures "
            "in the home currency?",
            "What is the unhedged total return after translation into the home currency?",
            "Unhedged, what is the total return to the home-currency investor on the foreign "
            "position?",
        ),
        ood_labels={
            "rl": ("result measured in the market's own money",),
            "x": ("shift in the foreign unit's price in home money",),
        },
        ood_asks=(
            "Express the outcome in home money, as a percentage, exchange risk left open.",
            "What percentage does the holder pocket in home money, with the FX left uncovered?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    REBALANCE_TRADE,
    DRIFTED_WEIGHT,
    FUTURES_HEDGE_CONTRACTS,
    CURRENCY_RETURN,
)
