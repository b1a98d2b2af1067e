"""Company-level figures from a balance sheet, an income statement and a share register: the
market capitalisation, the current ratio, the quick (acid-test) ratio and interest coverage.

Credit analysts, lenders, students and retail investors ask these all the time ("1.45 billion
shares at $84: what's the market cap?", "current assets $2.3M, current liabilities $1.1M:
current ratio?", "EBIT $84 million, interest $12 million: how many times covered?"). They are
single multiplications or divisions of company totals; what they teach is which totals go in.

- ``market_cap``: shares outstanding times the share price. Share counts are written as people
  write them: "1.45 billion shares", "320M shares", "45,300,000 shares"; the prompt writes the
  scaled ones out in full, and so does the formula (``1450000000*84.2``).
- ``current_ratio``: current assets over current liabilities. Some questions also show the
  inventory, which is part of the current assets and is not taken out here.
- ``quick_ratio``: current assets less inventory, over current liabilities; the inventory is
  always shown.
- ``interest_coverage``: EBIT over interest expense. Some questions also show the net income or
  the tax expense of the same year, which the ratio does not use.

A figure shown beside the inputs (inventory for the current ratio, net income and tax for
interest coverage) is drawn in a share of questions from the same accounts (a part of the
current assets, what is left of EBIT after interest and tax); composed questions show it under
one of its labels, a few written templates in a sentence of their own (``{note}``, empty when
the draw has none), and neither formula nor solver reads it.

Solvers are written independently of the formula text: the price divided by the reciprocal of
the share count, reciprocals of liabilities over assets, inventory's share taken off the
current ratio.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Parts,
    Values,
    amount_beside,
    draw_params,
    money,
    number_texts,
    plain,
    significant,
)

# --- market_cap -----------------------------------------------------------------------------------

# Shares outstanding and price per share. In range, market caps from $50M to $3T (the check
# below); out of range, fewer than four million shares: penny-priced micro caps, or shares
# priced in the thousands (Berkshire Hathaway's A shares, NVR, Seaboard).
_SHARES = plain((5e6, 2.5e10), ((1e5, 4e6),), log=True)
_SHARE_PRICE = plain((1, 1500), ((0.05, 0.95), (1600, 750_000)), decimals=2, log=True)
SCALED_SHARES_SHARE = 0.55  # of counts of a million or more: "1.45 billion", "320M"


def _share_count(rng: random.Random, raw: float) -> Num:
    """A share count as people write it: scaled to two or three significant figures ("1.45
    billion", "320 million", "7.25M"), or in full to three to five ("45,300,000")."""
    if raw >= 1e6 and rng.random() < SCALED_SHARES_SHARE:
        factor = 1e9 if raw >= 1e9 else 1e6
        whole_digits = len(str(int(raw // factor)))
        decimals = max(0, rng.choice((2, 3)) - whole_digits)
        return Num(round(raw / factor, decimals) * factor, decimals, "plain", factor)
    return Num(significant(raw, rng.choice((3, 4, 4, 5)), whole=True), 0, "plain")


def _cap_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Shares and price in one band; the price a round whole number in some questions."""
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    shares = _share_count(rng, _SHARES.draw(rng, ood, band).value)
    price = _SHARE_PRICE.draw(rng, ood, band, round_figures=round_figures)
    return {"N": shares, "P": Num(price.value, price.decimals, "money")}


def _cap_valid(v: Mapping[str, float]) -> bool:
    # Training counts (5 million or more) make caps from $50M to $3T; counts out of range
    # (under 5 million) may make a micro cap, never more than the largest companies.
    cap = v["N"] * v["P"]
    return cap <= 3e12 and (cap >= 5e7 or v["N"] < 5e6)


MARKET_CAP = Family(
    name="market_cap",
    unit="currency",
    reasoning="Market cap = shares outstanding * share price.",
    params={"N": _SHARES, "P": _SHARE_PRICE},
    sample=_cap_sample,
    valid=_cap_valid,
    formula=lambda f: f"{f['N']}*{f['P']}",
    # the price over the reciprocal of the count: the value of the whole company
    solve=lambda v: v["P"] / (1 / v["N"]),
    convention="currency: the market value of all the shares outstanding at the quoted price "
    "per share; a scaled share count (1.45 billion) is written out in full",
    templates=(
        "A company has {N} shares outstanding and its stock trades at {P}. What is its market "
        "capitalisation?",
        "Shares outstanding {N}, share price {P}. Market cap?",
        "What is the market cap of a company with {N} shares in issue priced at {P} each?",
        "Exam question: XYZ plc has {N} ordinary shares in issue. The current market price per "
        "share is {P}. Calculate the company's market capitalisation.",
        "Hi Marco, for the comps sheet: the company has {N} shares outstanding and closed at "
        "{P} today. What market cap should I show? Thanks, Julia",
        "mkt cap? {N} shs out, px {P}",
        "| shares outstanding | share price |\n| {N} | {P} |\nMarket capitalisation?",
        "- Shares outstanding: {N}\n- Share price: {P}\nWhat is the market cap?",
        "Please I want to know the market capitalisation. The company have {N} shares and one "
        "share cost {P}. How much is the market cap?",
        "My uncle keeps telling me his regional bank is a big company. It has {N} shares "
        "outstanding and the stock is at {P}. He also drives a vintage Volvo, if that matters. "
        "What is the bank's market cap?",
        "Note: {N} basic shares o/s, last {P}. Mkt cap = ?",
        "hey whats the market cap if theres {N} shares and the price is {P}? tryin to compare "
        "it with its rivals",
        "The stock closed at {P}. With {N} shares outstanding, what is the company worth on the "
        "market?",
        "If a company's share price is {P} and it has {N} shares outstanding, what is its market "
        "value of equity?",
        "Question 2. A listed company has {N} shares outstanding, each trading at {P}. "
        "Determine its market capitalisation.",
        "Dear Priya, could you work out the market capitalisation of our portfolio company? It "
        "has {N} shares in issue and the last trade was at {P}. Best, Tom",
        "A software company just listed on the exchange with {N} shares outstanding, and the "
        "first trade printed at {P}. What market cap is that?",
        "Market capitalisation = shares outstanding x price. Shares: {N}. Price: {P}. Result?",
        "I'm building a watchlist. One stock is at {P} with {N} shares outstanding. What is its "
        "market cap?",
        "Share count: {N}\nLast price: {P}\nMarket cap = ?",
        "How much is the whole equity of a company worth if it has {N} shares outstanding and "
        "each one trades at {P}?",
        "ok so the stock is {P} and there are {N} shares out. whats the market capp?",
        "Research note draft: trading at {P} on {N} shares outstanding, the company's market "
        "cap is ___. Fill in the blank.",
        "Teacher ask us: company have {N} shares outstanding, price of share is {P}. Find the "
        "market capitalization.",
        "The board wants to know how the market values the company. There are {N} shares "
        "outstanding and they last traded at {P}. What is the market capitalisation?",
    ),
    ood_templates=(
        "Pricing every one of the {N} units of stock at {P} apiece, what is the firm's equity "
        "worth in aggregate?",
        "The exchange values each share at {P}, and investors hold {N} of them. Aggregate "
        "equity valuation?",
        "Total stock-market worth of a business whose register counts {N} shares, each quoted {P}?",
    ),
    parts=Parts(
        labels={
            "N": (
                "shares outstanding",
                "number of shares outstanding",
                "share count",
                "shares in issue",
                "number of shares in issue",
                "outstanding shares",
                "total shares outstanding",
                "basic shares outstanding",
                "common shares outstanding",
                "ordinary shares in issue",
                "share count (basic)",
                "shares o/s",
            ),
            "P": (
                "share price",
                "price per share",
                "current share price",
                "stock price",
                "last traded price",
                "closing price",
                "market price per share",
                "quoted share price",
                "price of one share",
                "share price today",
                "last close",
                "trading price",
            ),
        },
        asks=(
            "What is the market capitalisation?",
            "What is the company's market cap?",
            "Compute the market capitalisation.",
            "Market cap?",
            "What is the equity market value?",
            "How much is the company's equity worth at this price?",
            "What is the market value of all the shares?",
            "Work out the market cap.",
            "What is the market capitalization?",
            "What is the total value of the shares at the current price?",
            "How big is the company by market cap?",
            "Multiply the share count by the price: what market cap do you get?",
            "What market cap should go in the comps table?",
            "mkt cap?",
            "What is the company worth on the stock market?",
            "What is the value of the equity at market prices?",
            "Compute the company's market value of equity.",
            "At today's price, what is the market capitalisation?",
            "What is the total market value of the outstanding shares?",
            "What is the firm's market cap, in currency?",
            "whats the market cap?",
        ),
        ood_labels={"N": ("equity units held by investors",)},
        ood_asks=("How much would buying up every share at the quoted level cost?",),
    ),
)

# --- current_ratio and quick_ratio ---------------------------------------------------------------

# Current assets and current liabilities, from a small business to a large cap; out of range,
# the largest balance sheets or a corner shop's. The checks below keep the current ratio from
# 0.5 to 4.
_CURRENT_ASSETS = money((3e5, 1.5e11), ((2.5e11, 9e11), (5000, 2.5e5)))
_CURRENT_LIABILITIES = money((2e5, 1e11), ((1.5e11, 8e11), (3000, 1.8e5)))
_BALANCE_SHEET = {"CA": _CURRENT_ASSETS, "CL": _CURRENT_LIABILITIES}
_INVENTORY_SHARE = (0.05, 0.6)  # inventory's part of current assets


def _with_inventory(rng: random.Random, nums: dict[str, Num]) -> dict[str, Num]:
    """``nums`` and the inventory: 5 to 60 % of the current assets, shown like them."""
    raw = nums["CA"].value * rng.uniform(*_INVENTORY_SHARE)
    return {**nums, "INV": amount_beside(rng, raw, nums["CA"])}


def _current_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Current assets and liabilities in one band and style; in SIDE_FIGURE_SHARE of draws
    the inventory within the current assets too (not used)."""
    nums = draw_params(_BALANCE_SHEET, rng, ood)
    if rng.random() < SIDE_FIGURE_SHARE:
        nums = _with_inventory(rng, nums)
    return nums


def _quick_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    return _with_inventory(rng, draw_params(_BALANCE_SHEET, rng, ood))


# Sentences a written template shows a side figure in ({note}), by the side figures drawn.
_INVENTORY_NOTES = (
    "Inventory, part of the current assets, is {INV}.",
    "Of the current assets, {INV} is inventory.",
    "Inventories (included in current assets) amount to {INV}.",
    "The current assets include {INV} of inventory.",
)


def _current_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, and ``{note}``: a sentence showing the inventory, or nothing."""
    texts = number_texts(rng, nums)
    texts["note"] = " " + rng.choice(_INVENTORY_NOTES).format(**texts) if "INV" in nums else ""
    return texts


def _current_ratio(v: Mapping[str, float]) -> float:
    # Liabilities per unit of current assets, inverted.
    return 1 / (v["CL"] / v["CA"])


def _quick_ratio(v: Mapping[str, float]) -> float:
    # The current ratio less the inventory's part of it.
    return v["CA"] / v["CL"] - v["INV"] / v["CL"]


_CA_LABELS = (
    "current assets",
    "total current assets",
    "CA",
    "current assets at year end",
    "short-term assets",
    "current assets on the balance sheet",
    "current assets (book value)",
    "year-end current assets",
    "total short-term assets",
    "current assets per the balance sheet",
    "reported current assets",
    "assets convertible to cash within a year",
)
_CL_LABELS = (
    "current liabilities",
    "total current liabilities",
    "CL",
    "current liabilities at year end",
    "short-term liabilities",
    "current liabilities on the balance sheet",
    "liabilities due within a year",
    "year-end current liabilities",
    "total short-term liabilities",
    "current liabilities per the balance sheet",
    "reported current liabilities",
    "short-term obligations",
)
_INVENTORY_LABELS = (
    "inventory (part of current assets)",
    "inventories",
    "inventory",
    "stock of goods",
    "inventory on hand",
    "inventory included in current assets",
    "closing inventory",
    "inventories (within current assets)",
    "year-end inventory",
    "inventory balance",
    "goods in stock",
    "merchandise inventory",
)

CURRENT_RATIO = Family(
    name="current_ratio",
    unit="ratio",
    reasoning="Current ratio = current assets / current liabilities.",
    params=_BALANCE_SHEET,
    sample=_current_sample,
    render=_current_texts,
    valid=lambda v: 0.5 <= v["CA"] / v["CL"] <= 4,
    formula=lambda f: f"{f['CA']}/{f['CL']}",
    solve=_current_ratio,
    convention="a ratio (times): all current assets over all current liabilities; inventory "
    "shown beside them is part of the current assets and is not taken out",
    templates=(
        "A company has current assets of {CA} and current liabilities of {CL}.{note} What is "
        "its current ratio?",
        "Current assets {CA}, current liabilities {CL}. Current ratio?",
        "What is the current ratio of a firm whose balance sheet shows {CA} of current assets "
        "against {CL} of current liabilities?",
        "Exam question: At the year end, ABC Ltd had current assets of {CA} and current "
        "liabilities of {CL}.{note} Calculate the current ratio.",
        "Hi Sara, quick liquidity check for the credit memo: current assets are {CA} and "
        "current liabilities are {CL}. What current ratio do we report? Thanks, Ben",
        "current ratio? CA {CA}, CL {CL}",
        "| current assets | current liabilities |\n| {CA} | {CL} |\nCurrent ratio?",
        "- Current assets: {CA}\n- Current liabilities: {CL}\nWhat is the current ratio?",
        "Please help, the company have {CA} in current assets and {CL} in current "
        "liabilities. How much is the current ratio?",
        "My cousin is applying for a bank loan for her flower shop, which she opened the same "
        "year she adopted two cats. Her balance sheet shows current assets of {CA} and current "
        "liabilities of {CL}. What is her current ratio?",
        "Liquidity note: current assets {CA} vs current liabilities {CL}.{note} Current ratio?",
        "hey can u work out the curent ratio? current assets {CA}, current liabilites {CL}",
        "How many times do current assets of {CA} cover current liabilities of {CL}?",
        "The latest balance sheet lists {CA} of current assets and {CL} of current "
        "liabilities.{note} What is the working capital ratio?",
        "Question 4. From the statement of financial position: current assets {CA}; current "
        "liabilities {CL}. Determine the current ratio.",
        "Dear Tom, the supplier asked for our current ratio before extending credit. Current "
        "assets stand at {CA} and current liabilities at {CL}.{note} What figure should I "
        "send? Kind regards, Mia",
        "Current ratio = current assets / current liabilities. Current assets: {CA}. Current "
        "liabilities: {CL}. Value?",
        "We're screening small caps for liquidity. One has {CA} in current assets and owes "
        "{CL} in current liabilities. What's its current ratio?",
        "Balance sheet extract\nTotal current assets: {CA}\nTotal current liabilities: {CL}\n"
        "Current ratio?",
        "If current liabilities are {CL} and current assets are {CA}, what is the current ratio?",
        "ok so current assets r {CA} and current liabilities r {CL}.{note} whats the current ratio",
        "Credit analyst note: CA {CA}; CL {CL}.{note} Compute the current ratio.",
        "I am student of accounting. Company has current assets {CA} and current liabilities "
        "{CL}. Please what is current ratio?",
        "A lender checks the current ratio before approving a working-capital line. The "
        "borrower reports {CA} of current assets and {CL} of current liabilities. What is the "
        "borrower's current ratio?",
        "Current assets of {CA} against short-term obligations of {CL}: what current ratio is "
        "that?",
    ),
    ood_templates=(
        "Near-term resources {CA}, obligations falling due inside twelve months {CL}. Express "
        "the first as a multiple of the second.",
        "Everything the firm expects to turn into cash this year comes to {CA}; everything it "
        "must settle this year comes to {CL}. Liquidity multiple?",
        "A supplier weighing credit terms divides {CA} of short-dated holdings by {CL} of "
        "bills due soon. What number comes out?",
    ),
    parts=Parts(
        labels={"CA": _CA_LABELS, "CL": _CL_LABELS, "INV": _INVENTORY_LABELS},
        asks=(
            "What is the current ratio?",
            "Compute the current ratio.",
            "Current ratio?",
            "What is the company's current ratio?",
            "Work out the current ratio.",
            "What is the working capital ratio?",
            "How many times do current assets cover current liabilities?",
            "What is current assets divided by current liabilities?",
            "What current ratio does the balance sheet show?",
            "What is the firm's current ratio (current assets over current liabilities)?",
            "Compute the liquidity ratio of current assets to current liabilities.",
            "What current ratio should go in the credit memo?",
            "current ratio pls?",
            "Is the company liquid? Start with the current ratio: what is it?",
            "What is the ratio of current assets to current liabilities?",
            "Divide current assets by current liabilities: what do you get?",
            "What multiple of current liabilities are the current assets?",
            "Current ratio, please.",
            "What is the current ratio at the balance sheet date?",
            "What does the current ratio come to?",
            "whats the current ratio?",
        ),
        ood_labels={"CL": ("obligations falling due inside twelve months",)},
        ood_asks=("What multiple of near-term obligations do near-term resources amount to?",),
    ),
)

QUICK_RATIO = Family(
    name="quick_ratio",
    unit="ratio",
    reasoning="Quick ratio = (current assets - inventory) / current liabilities.",
    params=_BALANCE_SHEET,
    sample=_quick_sample,
    valid=lambda v: 0.5 <= v["CA"] / v["CL"] <= 4 and (v["CA"] - v["INV"]) / v["CL"] >= 0.2,
    formula=lambda f: f"({f['CA']}-{f['INV']})/{f['CL']}",
    solve=_quick_ratio,
    convention="a ratio (times): current assets less inventory, over current liabilities (the "
    "acid test); no other current asset is taken out",
    templates=(
        "A company has current assets of {CA}, of which {INV} is inventory, and current "
        "liabilities of {CL}. What is its quick ratio?",
        "Current assets {CA}, inventory {INV}, current liabilities {CL}. Quick ratio?",
        "What is the acid-test ratio of a firm with {CA} of current assets (including {INV} "
        "of inventories) and {CL} of current liabilities?",
        "Exam question: The statement of financial position of DEF Ltd shows current assets "
        "of {CA}, including inventory of {INV}, and current liabilities of {CL}. Calculate the "
        "quick (acid-test) ratio.",
        "Hi Jonas, for the covenant check I need the quick ratio: current assets {CA}, "
        "inventory {INV}, current liabilities {CL}. Can you work it out? Thanks, Aisha",
        "quick ratio? CA {CA} incl. inventory {INV}, CL {CL}",
        "| current assets | inventory | current liabilities |\n| {CA} | {INV} | {CL} |\nQuick "
        "ratio?",
        "- Current assets: {CA}\n- of which inventory: {INV}\n- Current liabilities: {CL}\n"
        "What is the acid-test ratio?",
        "Please, how to find quick ratio? Current assets is {CA}, inside this the inventory is "
        "{INV}, and current liabilities is {CL}.",
        "My friend runs a bike shop and, between repairs and organising a charity ride, wants "
        "to know how liquid the business is. Current assets are {CA}, of which {INV} is bikes "
        "and parts in stock, and current liabilities are {CL}. What is the quick ratio?",
        "Liquidity: CA {CA} less inventory {INV}, over CL {CL}. Acid test = ?",
        "hey whats the quik ratio? current assets {CA} (inventory {INV} of that), current "
        "liabilities {CL}",
        "Leaving inventory out, how many times do the current assets cover current "
        "liabilities? Current assets {CA}, inventory {INV}, current liabilities {CL}.",
        "The balance sheet shows {CA} of current assets, {INV} of which is inventory, against "
        "{CL} of current liabilities. What is the acid-test ratio?",
        "Question 5. Current assets total {CA} and include inventories of {INV}. Current "
        "liabilities are {CL}. Determine the quick ratio.",
        "Dear Laura, the bank wants our acid-test ratio. Current assets are {CA}, inventory is "
        "{INV} and current liabilities are {CL}. Could you calculate it? Best, Omar",
        "Quick ratio = (current assets - inventory) / current liabilities. Current assets: "
        "{CA}. Inventory: {INV}. Current liabilities: {CL}. Result?",
        "A retailer holds {INV} of inventory within total current assets of {CA}. Its current "
        "liabilities are {CL}. What is its quick ratio?",
        "Balance sheet extract\nTotal current assets: {CA}\nInventories: {INV}\nTotal current "
        "liabilities: {CL}\nQuick ratio?",
        "If current liabilities are {CL}, current assets {CA} and inventory {INV}, what is the "
        "quick ratio?",
        "ok so current assets r {CA}, inventory is {INV} and current liabilities r {CL}. acid "
        "test ratio pls",
        "Credit note: CA {CA}; inventory {INV}; CL {CL}. Compute the quick ratio (inventory "
        "excluded).",
        "I am learning accounting. Company has current assets {CA}, inventory {INV} and "
        "current liabilities {CL}. Please what is acid test ratio?",
        "Stripping the {INV} of inventory out of current assets of {CA}, what quick ratio does "
        "a company with {CL} of current liabilities have?",
        "How liquid is the firm without selling its inventory? Current assets {CA}, inventory "
        "{INV}, current liabilities {CL}. Quick ratio?",
    ),
    ood_templates=(
        "Setting aside {INV} of goods awaiting sale, the firm's near-term resources total "
        "{CA} and its bills due soon {CL}. What liquidity multiple survives without the goods?",
        "Resources maturing this year {CA}, warehouse goods among them {INV}, obligations "
        "falling due this year {CL}. Strict liquidity multiple, goods removed?",
        "Only cash-like holdings count: {CA} near-term resources minus {INV} of unsold goods, "
        "set against {CL} owed soon. Resulting multiple?",
    ),
    parts=Parts(
        labels={"CA": _CA_LABELS, "CL": _CL_LABELS, "INV": _INVENTORY_LABELS},
        asks=(
            "What is the quick ratio?",
            "What is the acid-test ratio?",
            "Compute the quick ratio.",
            "Quick ratio?",
            "What is the company's quick ratio?",
            "Work out the acid-test ratio.",
            "What is the quick (acid-test) ratio?",
            "Excluding inventory, how many times do current assets cover current liabilities?",
            "What is current assets minus inventory, divided by current liabilities?",
            "What quick ratio does the balance sheet show?",
            "Compute the acid test.",
            "What quick ratio should go in the covenant report?",
            "quick ratio pls?",
            "Can the company pay its current liabilities without selling inventory? Give the "
            "quick ratio.",
            "What is the ratio of quick assets (current assets less inventory) to current "
            "liabilities?",
            "Take inventory out of current assets and divide by current liabilities: what do "
            "you get?",
            "Acid-test ratio, please.",
            "What is the liquid ratio?",
            "What does the quick ratio come to?",
            "What is the firm's acid-test ratio, inventory excluded?",
            "whats the acid test ratio?",
        ),
        ood_labels={"INV": ("goods awaiting sale",)},
        ood_asks=(
            "Setting goods awaiting sale aside, what multiple of near-term obligations do the "
            "remaining resources amount to?",
        ),
    ),
)

# --- interest_coverage ----------------------------------------------------------------------------

# EBIT and interest expense, from a small business to a large cap; out of range, the largest
# companies' figures or a sole trader's. The check keeps the coverage from 1.2 to 30 times.
_EBIT = money((2e5, 5e10), ((8e10, 4e11), (5000, 1.5e5)))
_INTEREST = money((2e4, 6e9), ((8e9, 6e10), (500, 1.5e4)))
_COVERAGE_PARAMS = {"EBIT": _EBIT, "I": _INTEREST}
_TAX_RATE = (0.15, 0.3)  # of profit before tax (EBIT less interest)


def _coverage_valid(v: Mapping[str, float]) -> bool:
    return 1.2 <= v["EBIT"] / v["I"] <= 30


def _coverage_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """EBIT and interest in one band and style; in SIDE_FIGURE_SHARE of draws the same year's
    net income, tax expense or both (EBIT less interest, taxed at 15 to 30 %), not used."""
    nums = draw_params(_COVERAGE_PARAMS, rng, ood)
    for _ in range(200):
        if _coverage_valid({k: n.value for k, n in nums.items()}):
            break
        nums = draw_params(_COVERAGE_PARAMS, rng, ood)
    pretax = nums["EBIT"].value - nums["I"].value
    if pretax > 0 and rng.random() < SIDE_FIGURE_SHARE:
        tax = pretax * rng.uniform(*_TAX_RATE)
        shown = rng.choice((("NI",), ("tax",), ("NI", "tax")))
        if "NI" in shown:
            nums["NI"] = amount_beside(rng, pretax - tax, nums["EBIT"])
        if "tax" in shown:
            nums["tax"] = amount_beside(rng, tax, nums["EBIT"])
    return nums


_PROFIT_NOTES = {
    ("NI",): (
        "Net income was {NI}.",
        "Net profit after tax came to {NI}.",
        "The bottom line (net income) was {NI}.",
    ),
    ("tax",): (
        "Income tax expense was {tax}.",
        "The tax charge was {tax}.",
        "It paid {tax} in tax.",
    ),
    ("NI", "tax"): (
        "Tax was {tax} and net income {NI}.",
        "After {tax} of tax, net income was {NI}.",
    ),
}


def _coverage_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, and ``{note}``: a sentence showing net income or tax, or nothing."""
    texts = number_texts(rng, nums)
    shown = tuple(name for name in ("NI", "tax") if name in nums)
    texts["note"] = " " + rng.choice(_PROFIT_NOTES[shown]).format(**texts) if shown else ""
    return texts


INTEREST_COVERAGE = Family(
    name="interest_coverage",
    unit="ratio",
    reasoning="Interest coverage = EBIT / interest expense.",
    params=_COVERAGE_PARAMS,
    sample=_coverage_sample,
    render=_coverage_texts,
    valid=_coverage_valid,
    formula=lambda f: f"{f['EBIT']}/{f['I']}",
    # interest per unit of EBIT, inverted
    solve=lambda v: 1 / (v["I"] / v["EBIT"]),
    convention="a ratio (times covered): EBIT over the year's interest expense; net income or "
    "tax shown beside them is not used",
    templates=(
        "A company reports EBIT of {EBIT} and interest expense of {I}.{note} What is its "
        "interest coverage ratio?",
        "EBIT {EBIT}, interest expense {I}. Interest coverage?",
        "What is the times-interest-earned ratio of a firm with operating profit of {EBIT} and "
        "{I} of interest expense?",
        "Exam question: GHI plc earned profit before interest and tax of {EBIT} for the year. "
        "Its finance costs were {I}.{note} Calculate the interest cover.",
        "Hi Daniel, for the credit review: EBIT was {EBIT} last year and interest expense was "
        "{I}. What interest coverage do we show? Thanks, Sofia",
        "int cover? ebit {EBIT}, interest {I}",
        "| EBIT | interest expense |\n| {EBIT} | {I} |\nInterest coverage ratio?",
        "- EBIT: {EBIT}\n- Interest expense: {I}\nWhat is the interest coverage ratio?",
        "Please I need the interest coverage. The company make EBIT of {EBIT} and pay "
        "interest of {I}. How many times is interest covered?",
        "My neighbour owns a small trucking company and mentioned it over a barbecue while his "
        "dog stole a sausage. Last year the firm made {EBIT} in operating profit (EBIT) and "
        "paid {I} of interest on its loans.{note} How many times over does its EBIT cover the "
        "interest?",
        "Leverage note: EBIT {EBIT} vs interest {I}.{note} TIE = ?",
        "hey how many times is interst covered? ebit is {EBIT} and interest expense {I}",
        "How many times does EBIT of {EBIT} cover an interest bill of {I}?",
        "The income statement shows earnings before interest and taxes of {EBIT} and interest "
        "expense of {I}.{note} What is the interest coverage ratio?",
        "Question 6. Operating profit (EBIT) was {EBIT} and the interest charge was {I}. "
        "Determine the times interest earned ratio.",
        "Dear Ms Chen, the rating agency asked for our interest coverage. EBIT for the year was "
        "{EBIT}, interest expense {I}.{note} What should we report? Regards, Paul",
        "Interest coverage = EBIT / interest expense. EBIT: {EBIT}. Interest expense: {I}. Result?",
        "A bond covenant requires us to report interest cover each quarter. EBIT over the last "
        "twelve months: {EBIT}. Interest expense over the same period: {I}. What is the cover?",
        "Income statement extract\nEBIT: {EBIT}\nInterest expense: {I}\nInterest coverage?",
        "If interest expense is {I} and EBIT is {EBIT}, what is the interest coverage ratio?",
        "ok so ebit was {EBIT} and we paid {I} interest.{note} whats the coverage ratio",
        "Credit analyst: EBIT {EBIT}; interest {I}.{note} Compute times interest earned.",
        "I am study finance. Company EBIT is {EBIT} and interest expense is {I}. What is "
        "interest coverage ratio, please?",
        "Lenders look at how comfortably operating profit pays the interest. With EBIT of "
        "{EBIT} and interest expense of {I}, what is the coverage ratio?",
        "Before interest and tax the business earned {EBIT}; interest on its debt came to {I}. "
        "How many times covered is the interest?",
    ),
    ood_templates=(
        "Operating earnings reached {EBIT} while the servicing charge on borrowings was {I}. "
        "How many times over could the former settle the latter?",
        "Lenders receive {I} a year from a business generating {EBIT} ahead of financing and "
        "taxation. Safety multiple on that servicing charge?",
        "Earnings prior to financing costs and levies: {EBIT}. Borrowing costs: {I}. Multiple "
        "of cover?",
    ),
    parts=Parts(
        labels={
            "EBIT": (
                "EBIT",
                "operating profit",
                "earnings before interest and taxes",
                "operating income",
                "profit before interest and tax",
                "EBIT for the year",
                "annual EBIT",
                "PBIT",
                "operating earnings (EBIT)",
                "LTM EBIT",
                "EBIT last year",
                "trailing EBIT",
            ),
            "I": (
                "interest expense",
                "interest paid",
                "annual interest expense",
                "finance costs",
                "interest charge",
                "interest on debt",
                "interest expense for the year",
                "net interest expense",
                "interest bill",
                "cost of interest",
                "yearly interest cost",
                "interest payable for the year",
            ),
            "NI": (
                "net income",
                "net profit",
                "profit after tax",
                "net earnings",
                "bottom-line profit",
                "net income for the year",
                "annual net income",
                "net profit after tax",
                "earnings after tax",
                "NI",
                "reported net income",
                "profit for the year",
            ),
            "tax": (
                "income tax expense",
                "tax expense",
                "taxes paid",
                "tax charge",
                "income taxes",
                "corporate tax paid",
                "tax for the year",
                "provision for income taxes",
                "tax on profits",
                "tax bill",
                "annual tax expense",
                "taxation",
            ),
        },
        asks=(
            "What is the interest coverage ratio?",
            "What is the times-interest-earned ratio?",
            "Compute the interest coverage.",
            "Interest coverage?",
            "How many times is interest covered?",
            "What is the company's interest cover?",
            "Work out the interest coverage ratio.",
            "What is EBIT divided by interest expense?",
            "How many times does EBIT cover the interest expense?",
            "What is the TIE ratio?",
            "What interest coverage does the income statement show?",
            "Compute times interest earned.",
            "What interest cover should go in the credit review?",
            "int coverage pls?",
            "Can the company comfortably pay its interest? Give the interest coverage ratio.",
            "What is the ratio of EBIT to interest expense?",
            "Divide EBIT by the interest expense: what do you get?",
            "Interest coverage ratio, please.",
            "What is the firm's EBIT interest cover?",
            "What does the interest coverage come to?",
            "whats the interest coverage?",
        ),
        ood_labels={"I": ("servicing charge on borrowings",)},
        ood_asks=("How many times over could operating earnings settle the servicing charge?",),
    ),
)

FAMILIES: tuple[Family, ...] = (MARKET_CAP, CURRENT_RATIO, QUICK_RATIO, INTEREST_COVERAGE)
