"""Valuation-multiple families: a price-to-earnings ratio, a price target from a P/E multiple
and forward earnings, and the enterprise-value-to-EBITDA multiple.

Retail investors, equity analysts and finance students ask these every day ("the stock is at
$84 and earned $5.60 a share: what P/E is that?", "at 18 times next year's $4.20, where is the
target?", "market cap $12bn, debt $3bn, cash $1bn, EBITDA $1.4bn: EV/EBITDA?"). They differ
from the dividend families (``dividend_yield``, ``gordon_growth``), which price a share from
its payouts: a multiple divides a price by earnings, or multiplies earnings by a multiple.
A P/E question may show the dividend per share beside the earnings; it is not used.
(P/E from market cap and net income is the same division on company totals; the family keeps
to per-share figures.)

Solvers are written independently of the formula text: earnings yield inverted for the P/E,
enterprise value built up from its parts before dividing.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    Family,
    Num,
    Parts,
    Values,
    money,
    plain,
)

# --- pe_ratio -------------------------------------------------------------------------------------

# Share prices and earnings per share; out of range, four-digit prices with large earnings, or
# penny stocks with earnings of a cent or so. The ratio itself stays between 4 and 80.
_PRICE = plain((5, 500), ((600, 5000), (0.5, 4.5)), decimals=2)
_EPS = plain((0.2, 30), ((35, 200), (0.01, 0.19)), decimals=2)


def _pe_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Price and EPS, with a dividend per share beside them (a payout of 20-70 % of EPS) that
    the P/E does not use."""
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    eps = _EPS.draw(rng, ood, band)
    dividend = Num(max(round(eps.value * rng.uniform(0.2, 0.7), 2), 0.01), 2, "plain")
    price = _PRICE.draw(rng, ood, band, round_figures=round_figures)
    return {"P": price, "EPS": eps, "D": dividend}


def _pe(v: Mapping[str, float]) -> float:
    # The earnings yield (earnings per unit of price), inverted.
    return 1 / (v["EPS"] / v["P"])


def _pe_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Per-share figures in dollars or bare (one style per question: "$84.20" or "84.20")."""
    dollars = rng.random() < 0.6
    return {k: f"${n.shown}" if dollars else n.shown for k, n in nums.items()}


PE_RATIO = Family(
    name="pe_ratio",
    unit="ratio",
    reasoning="P/E = share price / earnings per share.",
    params={"P": _PRICE, "EPS": _EPS},
    sample=_pe_sample,
    render=_pe_texts,
    valid=lambda v: 4 <= v["P"] / v["EPS"] <= 80,
    formula=lambda f: f"{f['P']}/{f['EPS']}",
    solve=_pe,
    convention="a multiple (times earnings): price over earnings per share; a dividend shown "
    "beside them is not used",
    templates=(
        "A stock trades at {P} and its earnings per share are {EPS}. What is its P/E ratio?",
        "Share price {P}, EPS {EPS}. P/E?",
        "What is the price-to-earnings ratio of a company whose shares sell for {P} and which "
        "earned {EPS} per share last year? It paid a dividend of {D} per share.",
        "Exam question: The market price of XYZ's ordinary shares is {P}. Earnings per share "
        "for the year were {EPS} and the dividend per share was {D}. Calculate the "
        "price/earnings ratio.",
        "Hi Lena, quick one for the comps table: the stock closed at {P}, trailing EPS is "
        "{EPS}. What P/E should I put in? Thanks",
        "pe? px {P} eps {EPS} (div {D}, not needed)",
        "| price | EPS | DPS |\n| {P} | {EPS} | {D} |\nP/E ratio?",
        "- Share price: {P}\n- Earnings per share: {EPS}\nWhat is the P/E multiple?",
        "Please I want know the P/E of this share. The price is {P} and the earning per share "
        "is {EPS}. How much is the P/E?",
        "I'm looking at a bank stock at {P} a share. It made {EPS} per share last year and pays "
        "{D} in dividends. How many times earnings am I paying?",
        "The shares changed hands at {P} today; last year's EPS was {EPS}. What P/E is that?",
        "Forward P/E check: the shares are at {P} and consensus EPS for next year is {EPS}. "
        "What is the forward P/E?",
    ),
    ood_templates=(
        "How many years of current profits per share ({EPS}) would it take to earn back a "
        "share bought at {P}, i.e. its earnings multiple?",
        "Quoted at {P}, with {EPS} of per-share profit and {D} distributed per share: what "
        "multiple of earnings does the market pay?",
        "Earnings multiple for a name priced {P} that booked {EPS} a share?",
    ),
    parts=Parts(
        labels={
            "P": (
                "share price",
                "stock price",
                "price per share",
                "current market price",
                "last close",
                "P",
                "quoted price of the shares",
                "market price per share",
                "share price today",
                "closing share price",
                "current stock price",
                "market price",
            ),
            "EPS": (
                "earnings per share",
                "EPS",
                "trailing EPS",
                "net income per share",
                "diluted EPS",
                "profit per share",
                "EPS (last twelve months)",
                "earnings per share for the year",
                "annual EPS",
                "basic EPS",
                "reported EPS",
                "net earnings per share",
            ),
            "D": (
                "dividend per share",
                "DPS",
                "annual dividend per share",
                "dividend paid per share",
                "cash dividend per share",
                "dividends per share (year)",
                "payout per share",
                "per-share dividend",
                "annual dividend",
                "ordinary dividend per share",
                "DPS for the year",
                "total dividend per share",
            ),
        },
        asks=(
            "What is the P/E ratio?",
            "What is the price-to-earnings ratio?",
            "Compute the P/E.",
            "What P/E multiple does the stock trade at?",
            "P/E?",
            "Work out the price/earnings ratio.",
            "How many times earnings is the stock priced at?",
            "What is the company's P/E multiple?",
            "What is the stock's PE multiple?",
            "What is the PER (price-earnings ratio)?",
            "How expensive is the stock in terms of price over EPS?",
            "Divide the share price by EPS: what ratio do you get?",
            "What multiple of EPS does the share price come to?",
            "How much does an investor pay for each unit of earnings?",
            "What is the price-earnings multiple?",
            "P/E ratio, please.",
            "Is the stock cheap or expensive? Start with its P/E: what is it?",
            "At what multiple of its earnings per share does the stock sell?",
            "Work out price divided by earnings per share.",
            "what's the p/e on this?",
            "Which P/E should go in the comps table for this stock?",
        ),
        ood_labels={
            "P": ("quotation per share", "going rate of one share"),
            "EPS": ("per-share profit", "earnings on each share"),
            "D": ("distribution per share", "per-share distribution"),
        },
        ood_asks=(
            "What earnings multiple does the market assign?",
            "At how many times its profits is the share valued?",
        ),
    ),
)

# --- price_target -----------------------------------------------------------------------------

PRICE_TARGET = Family(
    name="price_target",
    unit="currency",
    reasoning="Price target = target P/E * forward EPS.",
    params={
        "PE": plain((6, 40), ((45, 120), (1.5, 4.5)), decimals=1),
        "EPS": plain((0.3, 25), ((30, 150), (0.01, 0.25)), decimals=2),
    },
    formula=lambda f: f"{f['PE']}*{f['EPS']}",
    solve=lambda v: v["EPS"] / (1 / v["PE"]),
    convention="price per share in currency: the target multiple applied to forecast earnings "
    "per share",
    templates=(
        "Analysts expect earnings per share of {EPS} next year. Applying a target P/E of {PE}, "
        "what is the price target?",
        "Forward EPS {EPS}, target multiple {PE}x. Price target?",
        "What 12-month price target do you get from a forward P/E of {PE} on estimated EPS of "
        "{EPS}?",
        "Exam question: A company is forecast to earn {EPS} per share next year. Its peers "
        "trade at an average P/E of {PE}. Estimate the share's value using the peer multiple.",
        "Hi team, for the initiation note we're using {PE} times next year's EPS estimate of "
        "{EPS}. What does that give as the target price?",
        "tp? {PE}x fwd eps {EPS}",
        "| forward EPS | target P/E |\n| {EPS} | {PE} |\nPrice target?",
        "- EPS estimate (next year): {EPS}\n- Target P/E: {PE}\nImplied share price?",
        "Please I need the target price. Next year earning per share is {EPS} and the P/E we "
        "use is {PE}. How much is the target?",
        "If the stock re-rates to its historical average P/E of {PE} and earns the {EPS} per "
        "share we forecast, what should it be worth?",
        "I think this retailer deserves {PE} times earnings, and I expect it to make {EPS} a "
        "share next year. What price does that justify?",
        "Value per share = forward P/E x forward EPS, with the multiple at {PE} and {EPS} of "
        "expected earnings. What is it?",
    ),
    ood_templates=(
        "Capitalising anticipated per-share profits of {EPS} at {PE} times, where should the "
        "shares be pitched?",
        "What fair price emerges when an earnings multiple of {PE} is put on next year's projected "
        "{EPS} per share?",
        "Projected profit per share {EPS}; multiple deemed appropriate {PE}. Resulting "
        "valuation per share?",
    ),
    parts=Parts(
        labels={
            "PE": (
                "target P/E",
                "target multiple",
                "forward P/E applied",
                "peer average P/E",
                "P/E multiple to apply",
                "historical average P/E",
                "exit P/E",
                "target price-to-earnings ratio",
                "justified P/E",
                "sector average P/E",
                "applied P/E multiple",
                "forward multiple",
            ),
            "EPS": (
                "forward EPS",
                "expected earnings per share (next year)",
                "EPS estimate",
                "consensus EPS for next year",
                "forecast EPS",
                "next year's earnings per share",
                "projected EPS",
                "estimated EPS (FY+1)",
                "next year's EPS",
                "budgeted EPS",
                "street EPS estimate",
                "forecast earnings per share",
            ),
        },
        asks=(
            "What is the price target?",
            "What target price does that give?",
            "Compute the implied share price.",
            "What is the stock worth on that multiple?",
            "Price target?",
            "What is the target price per share?",
            "Work out the value per share.",
            "What price does the multiple justify?",
            "What is the PT on the stock?",
            "Multiply the target P/E by forward EPS: what price do you get?",
            "What should the stock trade at if it earns that EPS and gets that multiple?",
            "What is the per-share value implied by the P/E approach?",
            "What price per share does a multiples-based approach give?",
            "What is the stock worth per share on a P/E basis?",
            "Set the target: what price per share?",
            "What target should go in the research note?",
            "Target price from the P/E multiple, please.",
            "At that P/E and forecast EPS, what should one share be priced at?",
            "Compute the P/E-based target price.",
            "tgt px?",
            "What exit price per share do those assumptions support?",
        ),
        ood_labels={
            "PE": ("multiple deemed appropriate", "earnings multiple assigned"),
            "EPS": ("projected per-share profit", "anticipated profit on each share"),
        },
        ood_asks=(
            "Where should the shares be pitched?",
            "What valuation per share emerges?",
        ),
    ),
)

# --- ev_ebitda ------------------------------------------------------------------------------------


def _ev_ebitda(v: Mapping[str, float]) -> float:
    # Enterprise value first: the equity, plus the debt a buyer takes on, less the cash it gets.
    enterprise_value = v["cap"] + v["debt"] - v["cash"]
    return enterprise_value / v["EBITDA"]


def _ev_valid(v: Mapping[str, float]) -> bool:
    # A balance sheet as companies have: debt from 2 % to 2.5 times the equity, cash under 60 %
    # of it, and a multiple from 3 to 30.
    cap = v["cap"]
    return (
        0.02 * cap <= v["debt"] <= 2.5 * cap and v["cash"] < 0.6 * cap and 3 <= _ev_ebitda(v) <= 30
    )


EV_EBITDA = Family(
    name="ev_ebitda",
    unit="ratio",
    reasoning="EV/EBITDA = (market cap + debt - cash) / EBITDA.",
    params={
        # Out of range, bands are paired: a mega-cap with mega-cap debt, or a micro-cap.
        "cap": money((50_000_000, 200_000_000_000), ((3e11, 3e12), (1e6, 2e7))),
        "debt": money((5_000_000, 80_000_000_000), ((1e11, 1e12), (1e5, 3e6))),
        "cash": money((1_000_000, 40_000_000_000), ((5e10, 5e11), (5e4, 9e5))),
        "EBITDA": money((5_000_000, 20_000_000_000), ((3e10, 3e11), (1e5, 4e6))),
    },
    valid=_ev_valid,
    formula=lambda f: f"({f['cap']}+{f['debt']}-{f['cash']})/{f['EBITDA']}",
    solve=_ev_ebitda,
    convention="a multiple (times EBITDA): enterprise value is market cap plus debt minus cash",
    templates=(
        "A company has a market capitalisation of {cap}, total debt of {debt} and cash of "
        "{cash}. Its EBITDA is {EBITDA}. What is its EV/EBITDA multiple?",
        "Market cap {cap}, debt {debt}, cash {cash}, EBITDA {EBITDA}. EV/EBITDA?",
        "What is the enterprise value to EBITDA ratio of a firm with equity worth {cap} on the "
        "market, {debt} of borrowings, {cash} in cash and EBITDA of {EBITDA}?",
        "Exam question: Company A's shares have a total market value of {cap}. It has debt of "
        "{debt} and holds cash of {cash}. Earnings before interest, tax, depreciation and "
        "amortisation were {EBITDA}. Calculate the EV/EBITDA multiple.",
        "Hi Omar, for the trading comps: market cap {cap}, gross debt {debt}, cash {cash}, LTM "
        "EBITDA {EBITDA}. What EV/EBITDA do we show?",
        "ev/ebitda? mcap {cap}, debt {debt}, cash {cash}, ebitda {EBITDA}",
        "| market cap | debt | cash | EBITDA |\n| {cap} | {debt} | {cash} | {EBITDA} |\n"
        "EV/EBITDA = ?",
        "- Market capitalisation: {cap}\n- Total debt: {debt}\n- Cash and equivalents: "
        "{cash}\n- EBITDA: {EBITDA}\nWhat is the EV/EBITDA multiple?",
        "Please help me, the company have market cap {cap}, debt {debt} and cash {cash}. The "
        "EBITDA is {EBITDA}. Which is the EV/EBITDA?",
        "We're looking at buying a logistics business. Its equity is valued at {cap}, it owes "
        "{debt}, and it sits on {cash} of cash. EBITDA last year was {EBITDA}. At what "
        "EV/EBITDA multiple does it trade?",
        "Compute enterprise value (market cap {cap} plus debt {debt} minus cash {cash}) as a "
        "multiple of EBITDA of {EBITDA}.",
        "EBITDA of {EBITDA}, cash of {cash}, debt of {debt} and a market cap of {cap}: what "
        "is the EV/EBITDA?",
    ),
    ood_templates=(
        "Takeover value relative to operating cash earnings: equity {cap}, borrowings "
        "{debt}, cash pile {cash}, earnings before interest, tax, D&A {EBITDA}. Multiple?",
        "A buyer would pay {cap} for the stock, assume {debt} of liabilities to lenders and "
        "pocket {cash} of cash. Against {EBITDA} of EBITDA, what firm-value multiple is that?",
        "Firm value over EBITDA for: shares worth {cap}; loans {debt}; liquid funds {cash}; "
        "EBITDA {EBITDA}.",
    ),
    parts=Parts(
        labels={
            "cap": (
                "market capitalisation",
                "market cap",
                "equity market value",
                "value of the shares",
                "market value of equity",
                "market capitalization",
                "equity value",
                "mcap",
                "market value of all shares",
                "equity capitalisation",
                "equity market capitalisation",
                "equity value at market prices",
            ),
            "debt": (
                "total debt",
                "debt",
                "gross debt",
                "borrowings",
                "interest-bearing debt",
                "loans and bonds outstanding",
                "debt outstanding",
                "financial debt",
                "book value of debt",
                "debt on the balance sheet",
                "bank and bond debt",
                "short- and long-term debt",
            ),
            "cash": (
                "cash",
                "cash and equivalents",
                "cash on the balance sheet",
                "cash holdings",
                "cash and short-term investments",
                "cash balance",
                "cash & equivalents",
                "cash in hand",
                "year-end cash",
                "cash position",
                "cash on hand",
                "balance-sheet cash",
            ),
            "EBITDA": (
                "EBITDA",
                "LTM EBITDA",
                "annual EBITDA",
                "EBITDA (last twelve months)",
                "EBITDA (operating cash earnings)",
                "EBITDA for the year",
                "trailing EBITDA",
                "operating EBITDA",
                "adjusted EBITDA",
                "reported EBITDA",
                "full-year EBITDA",
                "EBITDA last year",
            ),
        },
        asks=(
            "What is the EV/EBITDA multiple?",
            "What is the enterprise value to EBITDA ratio?",
            "Compute EV/EBITDA.",
            "EV/EBITDA?",
            "At what EV/EBITDA multiple does the company trade?",
            "Work out the EV/EBITDA.",
            "What is the company's enterprise multiple (EV/EBITDA)?",
            "What EV/EBITDA does that give?",
            "What is the enterprise multiple?",
            "How many times EBITDA is the business valued at, on an enterprise value basis?",
            "What is EV divided by EBITDA?",
            "Build the enterprise value, then divide by EBITDA: what multiple is it?",
            "What EV-to-EBITDA ratio is the company trading at?",
            "What is the firm's EBITDA multiple?",
            "What multiple of EBITDA does the enterprise value come to?",
            "Is the company cheap on EV/EBITDA? Give me the multiple.",
            "What trading multiple (EV to EBITDA) should go in the comps sheet?",
            "ev/ebitda multiple pls?",
            "What is the TEV/EBITDA multiple?",
            "Compute the EBITDA multiple on enterprise value.",
            "At how many turns of EBITDA is the company valued?",
        ),
        ood_labels={
            "cap": ("worth of the stock", "stock's total worth"),
            "debt": ("liabilities to lenders", "amounts owed to lenders"),
            "cash": ("liquid funds", "cash pile"),
        },
        ood_asks=(
            "What firm-value multiple of operating cash earnings is that?",
            "Takeover value relative to EBITDA?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (PE_RATIO, PRICE_TARGET, EV_EBITDA)
