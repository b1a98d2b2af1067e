"""A portfolio's return over its holdings as people list them: three or four assets with percent
weights, or two to four holdings as money amounts ("$60k in stock X, +12 %; $25k in fund Y, +5 %").

``portfolio_return`` (:mod:`quantreason.tasks.ratios`) teaches two assets and two weights. The
read probes asked with three or four rows of a table, or with the dollars in each holding, and
the model dropped a row or multiplied the dollars by the returns and divided by 100. Here the
holdings are a list of two to four, shown as prose, a bulleted list or a table (``{holdings}``):
with weights the formula is ``(40*8.5+20*9.2+30*4.1+10*3.6)/100``, with amounts the value-weighted
``(60000*12+25000*5+15000*-3)/(60000+25000+15000)``, every number one the question shows.

The solver is written independently of the formula text: it grows each holding by its return
and compares the end value of the whole with its start.
"""

from __future__ import annotations

import itertools
import math
import random

from quantreason.tasks.base import Family, Num, Values, draw_params, money, number_texts, pct

MAX_HOLDINGS = 4
_INDEXES = range(1, MAX_HOLDINGS + 1)
# Amounts and returns for every holding a question may list; a question keeps its first few.
_PARAMS = {
    **{f"V{i}": money((1000, 250_000), ((1_000_000, 90_000_000),)) for i in _INDEXES},
    **{f"r{i}": pct((-10, 25), ((26, 60),), decimals=1) for i in _INDEXES},
}
WEIGHT_SHARE = 0.4  # of draws: three or four percent weights (two weights is portfolio_return's)
_WEIGHT_STEP = 5  # weights people write are round: 40 %, 25 %, 15 %

ASSET_NAMES = (
    ("US equities", "bonds", "EM equities", "cash"),
    ("stock X", "fund Y", "fund Z", "gold"),
    ("fund A", "fund B", "fund C", "fund D"),
    ("equity fund", "bond fund", "property fund", "money market"),
    ("large caps", "small caps", "treasuries", "commodities"),
    ("Apple", "Microsoft", "Nvidia", "Amazon"),
    ("the index fund", "the tech ETF", "the REIT", "the corporate bonds"),
    ("domestic stocks", "international stocks", "government bonds", "T-bills"),
)


def _weights(rng: random.Random, count: int) -> list[float]:
    """``count`` round weights (multiples of 5, each at least 5) that add up to 100."""
    cuts = sorted(rng.sample(range(1, 100 // _WEIGHT_STEP), count - 1))
    edges = [0, *cuts, 100 // _WEIGHT_STEP]
    return [float(_WEIGHT_STEP * (b - a)) for a, b in itertools.pairwise(edges)]


def _sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Amounts and returns for two to four holdings, or percent weights for three or four."""
    nums = draw_params(_PARAMS, rng, ood)
    by_weight = rng.random() < WEIGHT_SHARE
    count = rng.choice((3, 4)) if by_weight else rng.choice((2, 3, 3, 4))
    kept = {f"r{i}": nums[f"r{i}"] for i in range(1, count + 1)}
    if by_weight:
        for i, weight in enumerate(_weights(rng, count), start=1):
            kept[f"w{i}"] = Num(weight, 0, "pct")
    else:
        kept.update({f"V{i}": nums[f"V{i}"] for i in range(1, count + 1)})
    return kept


def holding_count(values: Values | dict) -> int:
    return sum(1 for i in _INDEXES if f"r{i}" in values)


def _portfolio_growth(v: dict) -> float:
    """Each holding grown by its return; the whole's end value over its start, in percent."""
    count = holding_count(v)
    sizes = [v[f"w{i}"] if "w1" in v else v[f"V{i}"] for i in range(1, count + 1)]
    ends = [size * (1 + v[f"r{i}"] / 100) for i, size in enumerate(sizes, start=1)]
    return (math.fsum(ends) / math.fsum(sizes) - 1) * 100


def _formula(f: dict) -> str:
    count = holding_count(f)
    if "w1" in f:
        terms = "+".join(f"{f[f'w{i}']}*{f[f'r{i}']}" for i in range(1, count + 1))
        return f"({terms})/100"
    terms = "+".join(f"{f[f'V{i}']}*{f[f'r{i}']}" for i in range(1, count + 1))
    total = "+".join(f[f"V{i}"] for i in range(1, count + 1))
    return f"({terms})/({total})"


def _signed(text: str) -> str:
    """A return as people list it beside a holding: "+12 %" for a gain."""
    return text if text.startswith("-") else f"+{text}"


def _holdings_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{holdings}``: the list in prose; ``{holdings_list}``: one line per holding;
    ``{holdings_table}``: a markdown table (asset, weight or value, return); ``{what}``: "weight"
    or "value"."""
    texts = number_texts(rng, nums)
    count = holding_count(nums)
    names = rng.choice(ASSET_NAMES)[:count]
    sizes = [texts[f"w{i}" if "w1" in nums else f"V{i}"] for i in range(1, count + 1)]
    returns = [texts[f"r{i}"] for i in range(1, count + 1)]
    signed = [_signed(r) if rng.random() < 0.5 else r for r in returns]
    by_weight = "w1" in nums
    style = rng.choice(
        ("{size} in {name} ({ret})", "{size} in {name} at {ret}", "{name}: {size}, {ret}")
    )
    prose = [
        style.format(size=size, name=name, ret=ret)
        for name, size, ret in zip(names, sizes, signed, strict=True)
    ]
    texts["holdings"] = ", ".join(prose[:-1]) + " and " + prose[-1]
    texts["holdings_list"] = "\n".join(
        f"- {name}: {size}, return {ret}"
        for name, size, ret in zip(names, sizes, signed, strict=True)
    )
    column = "Weight" if by_weight else rng.choice(("Value", "Amount", "Holding"))
    rows = "\n".join(
        f"| {name} | {size} | {ret} |"
        for name, size, ret in zip(names, sizes, returns, strict=True)
    )
    texts["holdings_table"] = f"| Asset | {column} | Return |\n|---|---|---|\n{rows}"
    texts["what"] = "weight" if by_weight else "value"
    return texts


PORTFOLIO_RETURN_HOLDINGS = Family(
    name="portfolio_return_holdings",
    unit="percent",
    reasoning="Portfolio return = sum of each holding's weight (or value / total value) * its "
    "return.",
    params=_PARAMS,
    sample=_sample,
    render=_holdings_texts,
    formula=_formula,
    solve=_portfolio_growth,
    valid=lambda v: abs(_portfolio_growth(v)) > 0.5,
    convention="percent; each holding's share is its weight, or its value over the total "
    "value of the holdings listed; no trades during the period",
    templates=(
        "My portfolio at the start of the year: {holdings}. No trades during the year. What "
        "was the total portfolio return?",
        "{holdings_table}\n\nWhat was the portfolio's return?",
        "Expected return of this allocation?\n\n{holdings_table}",
        "Holdings and their returns this year:\n{holdings_list}\nWhat did the whole portfolio "
        "return, in percent?",
        "I hold {holdings}. What is the return on the portfolio as a whole?",
        "Exam question: A portfolio consists of {holdings}. Calculate the portfolio's return "
        "for the period.",
        "hey, my account has {holdings}. whats my overall return?",
        "Hi Sam, for the client review: the portfolio held {holdings} over the quarter, with "
        "no flows. What return should the report show for the total? Thanks, Priya",
        "Asset mix (each holding's {what} and its return):\n{holdings_list}\nTotal portfolio "
        "return?",
        "Compute the weighted return of a portfolio with {holdings}.",
        "What is the return of the whole book? {holdings}.",
        "Please, I have {holdings}. How much percent is the return of all my money together?",
        "Portfolio return, weighting each holding by its {what}:\n{holdings_table}",
        "Across {holdings}, what was the combined return of the portfolio?",
        "My grandmother's savings are split as {holdings}. She asked me what the whole thing "
        "made this year. What do I tell her, in percent?",
        "Question 3. An investor's portfolio comprised {holdings}. Determine the return on the "
        "total portfolio.",
        "Blended return, please:\n{holdings_list}",
        "We run {holdings}. No rebalancing happened. Overall return?",
    ),
    ood_templates=(
        "Aggregate performance across the sleeves ({holdings}): what figure results?",
        "Roll these positions up into a single percentage:\n{holdings_table}",
        "Consolidate the following into one return number: {holdings}.",
    ),
)

FAMILIES = (PORTFOLIO_RETURN_HOLDINGS,)
