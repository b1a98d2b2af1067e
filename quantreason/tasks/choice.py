"""Comparison and sizing families: Sharpe comparison, risk sizing, risk ranking.

"Which one" answers are 1-based positions in the order the question lists them (unit
``rank``), and the formula does the choosing (``argmax``), never the model's guess.
"""

from __future__ import annotations

from quantreason.tasks.base import Family, Num, money, pct, plain


def _sharpes(v: dict) -> list[float]:
    return [(v["ra"] - v["rf"]) / v["va"], (v["rb"] - v["rf"]) / v["vb"]]


def _sharpe_valid(v: dict) -> bool:
    first, second = _sharpes(v)
    return min(first, second) > 0 and abs(first - second) > 0.1 * max(first, second)


SHARPE_COMPARISON = Family(
    name="sharpe_comparison",
    unit="rank",
    reasoning="Pick the higher (return - risk-free) / volatility; answer its position.",
    params={
        "ra": pct((2, 20), ((21, 45),), ood_decimals=2),
        "va": pct((4, 30), ((31, 60),), ood_decimals=2),
        "rb": pct((2, 20), ((21, 45),), ood_decimals=2),
        "vb": pct((4, 30), ((31, 60),), ood_decimals=2),
        "rf": pct((0.5, 4), ((4.5, 9),), ood_decimals=2),
    },
    valid=_sharpe_valid,
    formula=lambda f: f"argmax(({f['ra']}-{f['rf']})/{f['va']}, ({f['rb']}-{f['rf']})/{f['vb']})",
    solve=lambda v: 1 + max(range(2), key=lambda i: _sharpes(v)[i]),
    tolerance=0.0,
    convention="1 for the first fund listed, 2 for the second",
    templates=(
        "Fund A returned {ra} with volatility {va}; Fund B returned {rb} with volatility {vb}. "
        "The risk-free rate is {rf}. Which fund has the higher Sharpe ratio (1 = A, 2 = B)?",
        "Risk-free rate {rf}. Portfolio 1: return {ra}, vol {va}. Portfolio 2: return {rb}, "
        "vol {vb}. Which has the better Sharpe ratio?",
        "Which strategy is better on a risk-adjusted basis: the first earns {ra} with {va} "
        "volatility, the second {rb} with {vb}, and cash yields {rf}?",
        "Compare Sharpe ratios. Manager A: {ra} return, {va} standard deviation. Manager B: "
        "{rb} return, {vb} standard deviation. Risk-free: {rf}. Answer 1 for A or 2 for B.",
        "With a {rf} risk-free rate, does fund 1 ({ra} return, {va} vol) or fund 2 ({rb} "
        "return, {vb} vol) have the higher Sharpe ratio?",
        "Pick the fund with the best Sharpe ratio: A earns {ra} at {va} risk, B earns {rb} at "
        "{vb} risk; T-bills pay {rf}.",
        "Two funds: ({ra}, {va}) and ({rb}, {vb}) as (return, volatility). Risk-free {rf}. "
        "Which one has the larger Sharpe ratio?",
        "Given rf = {rf}, which offers more excess return per unit of volatility: asset 1 with "
        "{ra} return and {va} vol, or asset 2 with {rb} return and {vb} vol?",
        "PM here: momentum sleeve did {ra} with {va} annualised vol, carry sleeve {rb} with "
        "{vb}. Using SOFR at {rf} as the risk-free rate, which sleeve has the better Sharpe? "
        "1 = momentum, 2 = carry.",
        "rf: {rf} | fund_1: ret {ra}, stdev {va} | fund_2: ret {rb}, stdev {vb} | "
        "higher Sharpe ratio (1/2)?",
        "Which portfolio has the greater reward-to-variability ratio? Portfolio X: expected "
        "return {ra}, standard deviation {va}. Portfolio Y: expected return {rb}, standard "
        "deviation {vb}. Risk-free rate: {rf}. Answer 1 for X or 2 for Y.",
        "I'm choosing between two ETFs for my ISA. The first has made {ra} a year with {va} "
        "volatility, the second {rb} with {vb}, and UK T-bills yield {rf}. By Sharpe ratio, "
        "is the first (1) or the second (2) the better pick?",
        "Output 1 or 2 for the higher Sharpe: book 1 earns {ra} p.a. with {va} dispersion of "
        "returns, book 2 earns {rb} p.a. with {vb} dispersion, cash rate {rf}.",
        "Hi, could you tell me which of the two managers in your proposal delivers more excess "
        "return per unit of risk? The first averaged {ra} per annum with an annualised standard "
        "deviation of {va}, the second {rb} per annum with {vb}. Taking {rf} as the risk-free "
        "rate, which has the higher Sharpe ratio (reply 1 or 2)?",
    ),
    ood_templates=(
        "Our allocator is choosing between two hedge funds. The first posted {ra} with annual "
        "vol of {va}; the second posted {rb} with {vb}. Treasuries yield {rf}. Which one wins "
        "on Sharpe?",
        "Rank by Sharpe and name the leader (1 or 2). Fund one: mean {ra}, sigma {va}. "
        "Fund two: mean {rb}, sigma {vb}. Riskless rate {rf}.",
        "Should I prefer option 1 (return {ra}, risk {va}) or option 2 (return {rb}, risk {vb}) "
        "if I judge by excess return over volatility with a {rf} risk-free rate?",
    ),
)


def _stop(nums: dict[str, Num]) -> dict[str, Num]:
    entry, gap = nums["entry"], nums["gap"]
    stop = Num(round(entry.value * (1 - gap.value / 100), entry.decimals), entry.decimals, "plain")
    return {"A": nums["A"], "risk": nums["risk"], "entry": entry, "stop": stop}


def _shares(v: dict) -> float:
    budget = v["A"] * v["risk"] / 100
    per_share = v["entry"] - v["stop"]
    return float(int(budget // per_share)) if per_share > 0 else 0.0


def _sizing_valid(v: dict) -> bool:
    if v["entry"] <= v["stop"]:
        return False
    quotient = v["A"] * v["risk"] / 100 / (v["entry"] - v["stop"])
    # Keep clear of integer edges, where float rounding could flip the floor.
    return quotient >= 1 and abs(quotient - round(quotient)) > 1e-6


RISK_SIZING = Family(
    name="risk_sizing",
    unit="count",
    reasoning="Shares = risk budget / (entry - stop), rounded down.",
    params={
        "A": money((10000, 1_000_000), ((2_000_000, 90_000_000),)),
        "risk": pct((0.5, 3), ((3.5, 8), (0.05, 0.45)), ood_decimals=2),
        "entry": plain((10, 500), ((1000, 5000), (1000, 5000)), decimals=2),
        "gap": plain((1, 15), ((1, 15), (1, 15)), decimals=1),  # hidden: stop distance in %
    },
    derive=_stop,
    valid=_sizing_valid,
    formula=lambda f: f"floor({f['A']}*{f['risk']}/100/({f['entry']}-{f['stop']}))",
    solve=_shares,
    convention="whole shares, rounded down; the stop is below the entry (long position)",
    templates=(
        "Account size {A}, risk per trade {risk}, entry {entry}, stop-loss {stop}. "
        "How many shares should you buy?",
        "You have {A} and will risk {risk} of it on a trade. You buy at {entry} with a stop "
        "at {stop}. What position size in shares?",
        "How many shares can a trader with a {A} account buy at {entry} if the stop is {stop} "
        "and the maximum risk is {risk} of equity?",
        "Compute the position size: equity {A}, risk {risk}, entry price {entry}, stop price "
        "{stop}.",
        "A {A} portfolio risks {risk} per position. Entry {entry}, stop {stop}. Share count?",
        "With {risk} of {A} at risk and a stop placed at {stop} below an entry of {entry}, "
        "what is the largest whole number of shares?",
        "Risk budget: {risk} of {A}. Long entry at {entry}, protective stop at {stop}. "
        "Find the number of shares.",
        "Determine shares to buy so that hitting the {stop} stop from a {entry} entry loses "
        "at most {risk} of a {A} account.",
        "sizing check: NAV {A}, max loss per idea {risk} of NAV, buying at {entry}, hard stop "
        "{stop}. How many shares, rounded down?",
        "equity={A}; risk_per_trade={risk}; side=long; entry_px={entry}; stop_px={stop}; "
        "qty (whole shares) = ?",
        "What is the maximum number of whole shares an investor may purchase if capital is "
        "{A}, no more than {risk} of capital may be lost on the trade, the purchase price is "
        "{entry} and a stop-loss order sits at {stop}?",
        "I've got {A} in my trading account and can stomach a hit of {risk} of it if this goes "
        "wrong. The plan is to pick it up at {entry} and get stopped out at {stop}. How many "
        "shares is that?",
        "Size a long in whole shares: {risk} of a {A} book at risk, in at {entry}, out at {stop}.",
        "Hi team, for the new long in XYZ the risk budget is {risk} of our {A} capital. The "
        "entry is {entry} and the stop-loss is set at {stop}; please work out the position "
        "size in shares, rounding down.",
    ),
    ood_templates=(
        "My book is {A}; the rule is never lose more than {risk} on one idea. I'm going long "
        "at {entry} and bailing at {stop}. How big can I go, in shares?",
        "Fixed-fractional sizing with f = {risk}, capital {A}, entry {entry}, stop {stop}: "
        "number of shares (rounded down)?",
        "If the stop at {stop} is triggered after entering at {entry}, the loss must not exceed "
        "{risk} of the {A} account. Maximum share quantity?",
    ),
)


def _dollar_vols(v: dict) -> list[float]:
    return [v["a"] * v["va"] / 100, v["b"] * v["vb"] / 100, v["c"] * v["vc"] / 100]


def _ranking_valid(v: dict) -> bool:
    top, second = sorted(_dollar_vols(v), reverse=True)[:2]
    return top > 1.05 * second


RISK_RANKING = Family(
    name="risk_ranking",
    unit="rank",
    reasoning="Pick the largest size * volatility; answer its position.",
    params={
        "a": money((10000, 900_000), ((1_000_000, 90_000_000),)),
        "va": pct((0.5, 4), ((4.5, 9),), ood_decimals=2),
        "b": money((10000, 900_000), ((1_000_000, 90_000_000),)),
        "vb": pct((0.5, 4), ((4.5, 9),), ood_decimals=2),
        "c": money((10000, 900_000), ((1_000_000, 90_000_000),)),
        "vc": pct((0.5, 4), ((4.5, 9),), ood_decimals=2),
    },
    valid=_ranking_valid,
    formula=lambda f: f"argmax({f['a']}*{f['va']}, {f['b']}*{f['vb']}, {f['c']}*{f['vc']})",
    solve=lambda v: 1 + max(range(3), key=lambda i: _dollar_vols(v)[i]),
    tolerance=0.0,
    convention="1, 2 or 3: the position, in the order listed, with the largest dollar volatility",
    templates=(
        "Three positions: A is {a} with daily vol {va}, B is {b} with {vb}, C is {c} with {vc}. "
        "Which carries the most dollar risk (1, 2 or 3)?",
        "Rank by dollar volatility and give the riskiest: position 1 {a} at {va}, position 2 "
        "{b} at {vb}, position 3 {c} at {vc}.",
        "Which holding has the largest daily dollar volatility? First: {a}, vol {va}. Second: "
        "{b}, vol {vb}. Third: {c}, vol {vc}.",
        "A desk holds {a} of stock X (volatility {va}), {b} of Y (volatility {vb}) and {c} of Z "
        "(volatility {vc}). Which position is riskiest in dollars? Answer 1, 2 or 3.",
        "Position sizes {a}, {b}, {c}; volatilities {va}, {vb}, {vc}. Which position has the "
        "highest dollar volatility?",
        "Find the position contributing the most risk in currency terms: {a} at {va} vol, {b} "
        "at {vb} vol, {c} at {vc} vol.",
        "Compare the dollar volatility (size times vol) of three trades: {a} with {va}, {b} with "
        "{vb}, {c} with {vc}. Which is largest?",
        "Of these exposures, which moves the most money on a typical day: 1) {a} with {va} "
        "daily vol, 2) {b} with {vb}, 3) {c} with {vc}?",
        "which of these is our biggest dollar vol? #1 {a} MV at {va} daily vol, #2 {b} at "
        "{vb}, #3 {c} at {vc}",
        "pos1: mv {a}, vol {va} | pos2: mv {b}, vol {vb} | pos3: mv {c}, vol {vc} | "
        "max dollar vol (1/2/3)?",
        "Three holdings have market values of {a}, {b} and {c}, with daily return standard "
        "deviations of {va}, {vb} and {vc} respectively. Which holding (1, 2 or 3) has the "
        "largest standard deviation of daily P&L?",
        "I hold three stocks: {a} in the first, which swings about {va} a day, {b} in the "
        "second ({vb} a day) and {c} in the third ({vc} a day). Which one can move my account "
        "the most on a normal day, 1, 2 or 3?",
        "Identify the line with the highest standalone dollar vol (answer 1, 2 or 3): "
        "{a} @ {va} vol, {b} @ {vb} vol, {c} @ {vc} vol.",
        "Colleagues, ahead of the risk committee please confirm which of our three books "
        "carries the greatest one-day volatility in money terms: the first has gross exposure "
        "of {a} and daily vol of {va}, the second {b} and {vb}, the third {c} and {vc}. "
        "Reply 1, 2 or 3.",
    ),
    ood_templates=(
        "Risk report: book one {a} (sigma {va}), book two {b} (sigma {vb}), book three {c} "
        "(sigma {vc}). Flag the book with the biggest standard deviation in dollars.",
        "Where is our dollar risk concentrated? Sleeve 1 holds {a} with a volatility of {va}; "
        "sleeve 2 holds {b} with {vb}; sleeve 3 holds {c} with {vc}.",
        "Order these by notional times volatility and tell me which is on top: {a}/{va}, "
        "{b}/{vb}, {c}/{vc}.",
    ),
)

FAMILIES = (SHARPE_COMPARISON, RISK_SIZING, RISK_RANKING)
