"""Single-number performance and position families: Calmar, a single fund's Sharpe, Treynor,
information ratio, beta from covariance and variance, VaR with z given, portfolio expected
return, position P&L, breakeven win rate, dividend yield."""

from __future__ import annotations

import math

from quantreason.tasks.base import Family, Num, Parts, money, pct, plain

CALMAR = Family(
    name="calmar",
    unit="ratio",
    reasoning="Calmar ratio = annual return / maximum drawdown.",
    params={
        "R": pct((2, 40), ((41, 90), (0.1, 1.9)), decimals=1),
        "MDD": pct((3, 50), ((51, 80), (0.5, 2.9)), decimals=1),
    },
    formula=lambda f: f"{f['R']}/{f['MDD']}",
    solve=lambda v: v["R"] / v["MDD"],
    convention="ratio; drawdown taken as a positive size",
    templates=(
        "A fund's annual return is {R} and its maximum drawdown is {MDD}. What is its Calmar "
        "ratio?",
        "Compute the Calmar ratio for a strategy with {R} annualised return and a {MDD} max "
        "drawdown.",
        "CAGR {R}, worst drawdown {MDD}. Calmar?",
        "Our CTA made {R} a year with a peak-to-trough loss of {MDD} at worst. What Calmar "
        "ratio is that?",
        "What is the return-to-max-drawdown (Calmar) ratio when return is {R} and drawdown "
        "is {MDD}?",
    ),
    ood_templates=(
        "Divide the yearly gain of {R} by the deepest fall of {MDD}: which ratio is that, and "
        "what is its value?",
        "Trend follower: {R} per annum, largest drawdown {MDD}. Give its Calmar.",
        "Drawdown-adjusted performance, Calmar style, for {R} return and {MDD} MDD?",
    ),
    parts=Parts(
        labels={
            "R": ("annual return", "annualised return", "CAGR"),
            "MDD": ("maximum drawdown", "max drawdown", "worst drawdown"),
        },
        asks=("What is the Calmar ratio?", "Compute the Calmar ratio.", "Calmar ratio?"),
        ood_asks=("How much return per unit of drawdown (Calmar) is that?",),
    ),
)

SHARPE_RATIO = Family(
    name="sharpe_ratio",
    unit="ratio",
    reasoning="Sharpe ratio = (return - risk-free) / volatility.",
    params={
        "R": pct((2, 25), ((26, 60),), decimals=1),
        "rf": pct((0.5, 5), ((5.5, 10),), decimals=1),
        "sigma": pct((4, 35), ((36, 80), (0.5, 3.9)), decimals=1),
    },
    valid=lambda v: v["R"] - v["rf"] > 0.5,
    formula=lambda f: f"({f['R']}-{f['rf']})/{f['sigma']}",
    solve=lambda v: (v["R"] - v["rf"]) / v["sigma"],
    convention="ratio; annual figures",
    templates=(
        "A fund returned {R} with a volatility of {sigma}. The risk-free rate is {rf}. What "
        "is its Sharpe ratio?",
        "Compute the Sharpe ratio: return {R}, standard deviation {sigma}, risk-free {rf}.",
        "My portfolio made {R} this year with {sigma} volatility while T-bills paid {rf}. "
        "What's my Sharpe?",
        "What is the Sharpe ratio of a strategy earning {R} a year at {sigma} annual vol, "
        "with cash at {rf}?",
        "Excess return over {rf} per unit of risk for a fund with {R} return and {sigma} "
        "standard deviation?",
    ),
    ood_templates=(
        "Reward-to-variability of one portfolio: mean {R}, sigma {sigma}, riskless {rf}.",
        "The manager delivered {R} against a {rf} cash rate, with annual stdev {sigma}. Sharpe?",
        "Given {sigma} risk and {R} return (risk-free {rf}), what Sharpe ratio results?",
    ),
    parts=Parts(
        labels={
            "R": ("annual return", "portfolio return", "fund return"),
            "rf": ("risk-free rate", "T-bill rate", "cash rate"),
            "sigma": ("volatility", "standard deviation", "annual vol"),
        },
        asks=(
            "What is the Sharpe ratio?",
            "Compute the fund's Sharpe ratio.",
            "What Sharpe ratio does it have?",
        ),
        ood_asks=("Work out its risk-adjusted return per unit of sigma.",),
    ),
)

TREYNOR = Family(
    name="treynor",
    unit="percent",
    reasoning="Treynor ratio = (return - risk-free) / beta.",
    params={
        "R": pct((2, 25), ((26, 60),), decimals=1),
        "rf": pct((0.5, 5), ((5.5, 10),), decimals=1),
        "beta": plain((0.3, 2.0), ((2.1, 4.0), (0.05, 0.29)), decimals=2),
    },
    valid=lambda v: v["R"] - v["rf"] > 0.5,
    formula=lambda f: f"({f['R']}-{f['rf']})/{f['beta']}",
    solve=lambda v: (v["R"] - v["rf"]) / v["beta"],
    convention="percent of excess return per unit of beta",
    templates=(
        "A portfolio returned {R} with a beta of {beta}. The risk-free rate is {rf}. What is "
        "its Treynor ratio?",
        "Compute the Treynor measure: return {R}, beta {beta}, risk-free {rf}.",
        "What's the Treynor ratio of a fund earning {R} with beta {beta} when T-bills yield {rf}?",
        "Excess return per unit of systematic risk: return {R}, beta {beta}, rf {rf}?",
        "My fund made {R}; its beta is {beta} and cash pays {rf}. Treynor?",
    ),
    ood_templates=(
        "Reward per unit of market risk for a book with {R} return, {beta} beta and a {rf} "
        "riskless rate?",
        "Treynor index given beta {beta}, mean return {R}, risk-free {rf}.",
        "With rf at {rf}, what does a beta-{beta} portfolio returning {R} score on Treynor?",
    ),
    parts=Parts(
        labels={
            "R": ("portfolio return", "annual return", "fund return"),
            "rf": ("risk-free rate", "T-bill yield", "cash rate"),
            "beta": ("beta", "portfolio beta", "beta to the market"),
        },
        asks=("What is the Treynor ratio?", "Compute the Treynor measure.", "Treynor ratio?"),
        ood_asks=("Score it on excess return per unit of beta.",),
    ),
)

INFORMATION_RATIO = Family(
    name="information_ratio",
    unit="ratio",
    reasoning="Information ratio = (return - benchmark) / tracking error.",
    params={
        "R": pct((2, 25), ((26, 60),), decimals=1),
        "B": pct((1, 20), ((21, 55),), decimals=1),
        "TE": pct((1, 12), ((13, 30), (0.1, 0.9)), decimals=1),
    },
    valid=lambda v: abs(v["R"] - v["B"]) > 0.3,
    formula=lambda f: f"({f['R']}-{f['B']})/{f['TE']}",
    solve=lambda v: (v["R"] - v["B"]) / v["TE"],
    convention="ratio; negative when the fund lagged its benchmark",
    templates=(
        "A fund returned {R} while its benchmark returned {B}. The tracking error is {TE}. "
        "What is the information ratio?",
        "Compute the information ratio: portfolio {R}, benchmark {B}, tracking error {TE}.",
        "Our manager did {R} vs an index return of {B}, with {TE} tracking error. IR?",
        "What is the information ratio of an active fund earning {R} against a benchmark's "
        "{B}, if tracking error is {TE}?",
        "Active return over tracking error: fund {R}, index {B}, TE {TE}?",
    ),
    ood_templates=(
        "The portfolio beat (or missed) its {B} benchmark with {R}, and active risk was {TE}. "
        "Information ratio?",
        "Alpha per unit of active risk when the fund made {R}, the benchmark {B}, and the "
        "tracking error is {TE}?",
        "IR for: benchmark {B}, fund {R}, TE {TE}.",
    ),
    parts=Parts(
        labels={
            "R": ("fund return", "portfolio return", "manager's return"),
            "B": ("benchmark return", "index return", "benchmark"),
            "TE": ("tracking error", "active risk", "TE"),
        },
        asks=(
            "What is the information ratio?",
            "Compute the IR.",
            "What information ratio does the manager have?",
        ),
        ood_asks=("Express the active return per unit of tracking error.",),
    ),
)

BETA_COVARIANCE = Family(
    name="beta_covariance",
    unit="ratio",
    reasoning="Beta = covariance with the market / market variance.",
    params={
        "cov": plain((0.001, 0.05), ((0.06, 0.2),), decimals=4),
        "var": plain((0.002, 0.06), ((0.07, 0.25),), decimals=4),
    },
    valid=lambda v: 0.2 < v["cov"] / v["var"] < 2.5,
    formula=lambda f: f"{f['cov']}/{f['var']}",
    solve=lambda v: v["cov"] / v["var"],
    convention="ratio",
    templates=(
        "The covariance between a stock and the market is {cov} and the market variance is "
        "{var}. What is the stock's beta?",
        "Cov(stock, market) = {cov}, Var(market) = {var}. Compute beta.",
        "What is the beta of an asset whose covariance with the index is {cov} when the "
        "index variance is {var}?",
        "Beta from covariance {cov} and market variance {var}?",
        "My regression inputs: covariance with the S&P {cov}, S&P variance {var}. What beta "
        "do I get?",
    ),
    ood_templates=(
        "Systematic risk coefficient: covariance of returns with the market {cov}, variance "
        "of the market {var}.",
        "Estimate beta as the ratio of the co-movement {cov} to the benchmark's own variance "
        "{var}.",
        "Market variance {var}; the share's covariance with the market {cov}. Its beta?",
    ),
    parts=Parts(
        labels={
            "cov": ("covariance with the market", "covariance", "cov(stock, market)"),
            "var": ("market variance", "variance of the market", "var(market)"),
        },
        asks=("What is the beta?", "Compute the stock's beta.", "What beta does that give?"),
        ood_asks=("Derive the slope coefficient versus the market.",),
    ),
)

_Z_LEVELS = {1.282: "90", 1.645: "95", 1.960: "97.5", 2.326: "99", 2.576: "99.5"}


def _confidence(nums: dict[str, Num]) -> dict[str, Num]:
    level = float(_Z_LEVELS[nums["z"].value])
    decimals = 1 if not level.is_integer() else 0
    return {**nums, "c": Num(level, decimals, "pct")}


VAR_GIVEN_Z = Family(
    name="var_given_z",
    unit="currency",
    reasoning="VaR = value * z * volatility * sqrt(days).",
    params={
        "V": money((10000, 5_000_000), ((20_000_000, 900_000_000),)),
        "z": plain((0, 0), ((0, 0),), decimals=3, choices=tuple(_Z_LEVELS)),
        "sigma": pct((0.5, 3), ((3.5, 8),), decimals=2),
        "h": plain((1, 20), ((25, 60),)),
    },
    derive=_confidence,
    formula=lambda f: f"{f['V']}*{f['z']}*{f['sigma']}/100*sqrt({f['h']})",
    solve=lambda v: v["V"] * v["z"] * v["sigma"] / 100 * math.sqrt(v["h"]),
    sign_free=True,
    convention="loss amount in currency, reported positive; z as given",
    templates=(
        "A {V} portfolio has daily volatility of {sigma}. Using z = {z} ({c} confidence), "
        "what is the {h}-day VaR?",
        "Compute the {c} VaR over {h} days for a position of {V} with {sigma} daily vol; "
        "take z = {z}.",
        "Position {V}, daily sigma {sigma}, horizon {h} days, z-score {z}. Parametric VaR?",
        "With a z of {z}, what is the value at risk of {V} over {h} days if daily volatility "
        "is {sigma}?",
        "Our book is {V}. Daily vol {sigma}. What's the {h}-day {c} VaR using {z} as the z-value?",
    ),
    ood_templates=(
        "Normal-approximation loss threshold: {V} exposure, {sigma} per-day sigma, {h}-day "
        "window, quantile {z}.",
        "If z is {z} for {c} confidence, how much could {V} lose over {h} days with {sigma} "
        "daily volatility?",
        "Size the {h}-day VaR ({z} standard deviations) on a {V} holding whose daily vol is "
        "{sigma}.",
    ),
    parts=Parts(
        labels={
            "V": ("position size", "portfolio value", "exposure"),
            "z": ("z-score", "z", "critical value"),
            "sigma": ("daily volatility", "daily standard deviation", "1-day vol"),
            "h": ("horizon (days)", "holding period in days", "days"),
        },
        asks=(
            "What is the value at risk?",
            "Compute the VaR.",
            "How large is the VaR?",
        ),
        ood_asks=("What loss threshold does the normal model give?",),
    ),
)


def _second_weight(nums: dict[str, Num]) -> dict[str, Num]:
    w1 = nums["w1"]
    return {**nums, "w2": Num(round(100 - w1.value, w1.decimals), w1.decimals, "pct")}


PORTFOLIO_RETURN = Family(
    name="portfolio_return",
    unit="percent",
    reasoning="Expected return = weighted average of the assets' returns.",
    params={
        "w1": pct((5, 95), ((0.5, 4.5), (95.5, 99.5)), decimals=0, ood_decimals=1),
        "r1": pct((-5, 20), ((21, 45),), decimals=1),
        "r2": pct((-5, 20), ((21, 45),), decimals=1),
    },
    derive=_second_weight,
    formula=lambda f: f"({f['w1']}*{f['r1']}+{f['w2']}*{f['r2']})/100",
    solve=lambda v: v["w1"] / 100 * v["r1"] + (1 - v["w1"] / 100) * v["r2"],
    valid=lambda v: abs(v["w1"] * v["r1"] + v["w2"] * v["r2"]) > 5,
    convention="percent",
    templates=(
        "A portfolio is {w1} in stocks expected to return {r1} and {w2} in bonds expected to "
        "return {r2}. What is its expected return?",
        "Weights {w1} and {w2}; expected returns {r1} and {r2}. Portfolio expected return?",
        "I hold {w1} of my money in fund A ({r1} expected) and {w2} in fund B ({r2} "
        "expected). What should the whole thing return?",
        "Compute the expected return of a two-asset mix: {w1} at {r1}, {w2} at {r2}.",
        "What return do we expect from a {w1}/{w2} split between assets returning {r1} and {r2}?",
        "My pension is {w1} equities (expected {r1} a year) and {w2} gilts (expected {r2}). "
        "What is the expected return on the whole pot?",
        "Asset A: weight {w1}, expected return {r1}. Asset B: weight {w2}, expected return "
        "{r2}. Expected return of the portfolio?",
        "If {w1} of the fund earns {r1} and the other {w2} earns {r2}, what does the fund "
        "earn overall?",
    ),
    ood_templates=(
        "Blend {w1} of an asset yielding {r1} with {w2} of one yielding {r2}. Mean return of "
        "the blend?",
        "Allocation: {w1} equities at {r1}, {w2} credit at {r2}. Expected portfolio return?",
        "Weighted expected return for holdings of {w1} (return {r1}) and {w2} (return {r2})?",
    ),
)


POSITION_PNL = Family(
    name="position_pnl",
    unit="currency",
    reasoning="P&L = shares * (exit price - entry price).",
    params={
        "N": plain((10, 5000), ((10000, 500000),)),
        "P0": plain((5, 500), ((1000, 9999),), decimals=2),
        "P1": plain((5, 500), ((1000, 9999),), decimals=2),
    },
    valid=lambda v: 0.5 < v["P1"] / v["P0"] < 2 and v["P1"] != v["P0"],
    formula=lambda f: f"{f['N']}*({f['P1']}-{f['P0']})",
    solve=lambda v: v["N"] * v["P1"] - v["N"] * v["P0"],
    convention="currency; negative for a loss",
    templates=(
        "I bought {N} shares at {P0} and sold them at {P1}. What is my profit or loss?",
        "A trader buys {N} shares at {P0}; they now trade at {P1}. What is the P&L?",
        "Position: {N} shares, entry {P0}, exit {P1}. Dollar P&L?",
        "What is the gain on {N} shares purchased at {P0} and sold at {P1}?",
        "We're long {N} shares from {P0} and the price is {P1}. Unrealised P&L?",
    ),
    ood_templates=(
        "Mark-to-market on {N} shares acquired at {P0}, last trade {P1}?",
        "Total money made or lost: {N} units in at {P0}, out at {P1}.",
        "My {N} shares cost {P0} each; I dumped them at {P1}. Net result in dollars?",
    ),
    parts=Parts(
        labels={
            "N": ("number of shares", "shares held", "position size (shares)"),
            "P0": ("entry price", "purchase price", "buy price"),
            "P1": ("exit price", "current price", "sale price"),
        },
        asks=("What is the P&L?", "What is the profit or loss?", "How much was made or lost?"),
        ood_asks=("Net result of the trade?",),
    ),
)

BREAKEVEN_WIN_RATE = Family(
    name="breakeven_win_rate",
    unit="percent",
    reasoning="Breakeven win rate = 1 / (1 + reward-to-risk ratio).",
    params={"RR": plain((0.5, 5), ((5.5, 12), (0.1, 0.45)), decimals=1, ood_decimals=2)},
    formula=lambda f: f"100/(1+{f['RR']})",
    solve=lambda v: 100 / (1 + v["RR"]),
    convention="percent of trades that must win",
    templates=(
        "My trades have a reward-to-risk ratio of {RR}. What win rate do I need to break even?",
        "With a {RR}:1 payoff ratio, what is the breakeven hit rate?",
        "What percentage of trades must win to break even if winners make {RR} times what "
        "losers lose?",
        "Risk 1 to make {RR}: breakeven win percentage?",
        "A strategy's average win is {RR} times its average loss. What win rate breaks even?",
    ),
    ood_templates=(
        "Minimum accuracy for a system whose winners pay {RR}R against 1R losers, to not "
        "lose money?",
        "Given a payoff multiple of {RR}, how often must I be right just to be flat?",
        "Break-even probability of success for a {RR}-to-1 bet structure?",
    ),
    parts=Parts(
        labels={"RR": ("reward-to-risk ratio", "payoff ratio", "win/loss size ratio")},
        asks=(
            "What win rate breaks even?",
            "What is the breakeven win rate?",
            "How often must trades win to break even?",
        ),
        ood_asks=("Find the success rate at which expectancy is zero.",),
    ),
)

DIVIDEND_YIELD = Family(
    name="dividend_yield",
    unit="percent",
    reasoning="Dividend yield = annual dividend / price.",
    params={
        "D": plain((0.1, 10), ((12, 80), (0.005, 0.09)), decimals=2, ood_decimals=3),
        "P": plain((5, 500), ((1000, 9999), (0.5, 4.5)), decimals=2),
    },
    valid=lambda v: 0.002 < v["D"] / v["P"] < 0.2,
    formula=lambda f: f"{f['D']}/{f['P']}*100",
    solve=lambda v: 100 * v["D"] / v["P"],
    convention="percent",
    templates=(
        "A stock trades at {P} and pays an annual dividend of {D}. What is its dividend yield?",
        "Dividend {D} per share a year, share price {P}. Yield?",
        "What is the dividend yield of a share priced at {P} paying {D} a year?",
        "I can buy the shares at {P}; they pay {D} in dividends annually. What yield is that?",
        "Compute the dividend yield: price {P}, annual dividend {D}.",
    ),
    ood_templates=(
        "Income return on a {P} share that distributes {D} each year?",
        "Cash payout of {D} yearly against a quote of {P}: trailing yield?",
        "The REIT is quoted at {P} and distributes {D} annually. Distribution yield?",
    ),
    parts=Parts(
        labels={
            "D": ("annual dividend", "dividend per share", "yearly payout"),
            "P": ("share price", "stock price", "price"),
        },
        asks=("What is the dividend yield?", "Compute the yield.", "What yield does it offer?"),
        ood_asks=("Express the payout as a percent of the price.",),
    ),
)

FAMILIES = (
    CALMAR,
    SHARPE_RATIO,
    TREYNOR,
    INFORMATION_RATIO,
    BETA_COVARIANCE,
    VAR_GIVEN_Z,
    PORTFOLIO_RETURN,
    POSITION_PNL,
    BREAKEVEN_WIN_RATE,
    DIVIDEND_YIELD,
)
