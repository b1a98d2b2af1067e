"""Single-number performance and position families: Calmar, a single fund's Sharpe, Treynor,
information ratio, beta from covariance and variance, VaR with z given, portfolio expected
return, position P&L, breakeven win rate, dividend yield."""

from __future__ import annotations

import math

from quantreason.tasks.base import Family, Num, Parts, money, pct, plain

# Names of the risk-free rate that Sharpe and Treynor questions share (after each one's own two).
_RISK_FREE_NAMES = (
    "cash rate",
    "risk-free return",
    "Treasury bill rate",
    "yield on cash",
    "rate on government bills",
    "safe interest rate",
)

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
        "calmar for {R} cagr and {MDD} max dd? pls",
        "Exam question: a hedge fund earned an annualised return of {R}; over the same period its "
        "maximum peak-to-trough loss was {MDD}. Calculate the Calmar ratio.",
        "Strategy | CAGR {R} | MaxDD {MDD} | Calmar = ?",
        "Hi Sarah, the factsheet for the macro fund shows {R} annualised performance and a worst "
        "drawdown of {MDD}. Could you work out the Calmar ratio for the board pack?",
        "Calmar ratio, please: {MDD} maximum drawdown, {R} yearly return.",
        "What's the Calmar of a book that compounds at {R} per year but once fell {MDD} from its "
        "high?",
        "Annual return divided by max drawdown (the Calmar ratio) for a return of {R} and a "
        "drawdown of {MDD}?",
        "ann_return={R}; max_drawdown={MDD}; calmar=?",
        "Our managed-futures allocation, run out of a small office in Geneva by two former bond "
        "traders, has returned {R} a year since launch. Its deepest drawdown in that time was "
        "{MDD}. Ignoring fees, what is its Calmar ratio?",
        "How much annual return per unit of maximum drawdown does a fund deliver if it makes {R} "
        "a year and its max drawdown is {MDD}? Give the Calmar ratio.",
        "Max drawdown {MDD}, annualized return {R}: what Calmar ratio does that give?",
        "quick one - system returns {R} annualised, max DD {MDD}. calmar ratio?",
        "Given a {MDD} max drawdown and a {R} compound annual growth rate, compute the Calmar "
        "ratio.",
        "My brother-in-law runs a small trend-following program from a converted barn in Devon "
        "and sends the family a newsletter every quarter. The latest one says the program "
        "compounds at {R} a year and that its worst fall from a previous high was {MDD}. Using "
        "that drawdown, not the volatility, as the risk measure, what is the Calmar ratio?",
        "CTA tearsheet: CAGR {R}, MDD {MDD} peak-to-trough. Calmar = ann. return / max DD (not "
        "Sharpe, no vol involved).",
        "Question 4. Over five years a managed account compounded at {R} per annum. Its net asset "
        "value once fell {MDD} below a running peak. Find the Calmar ratio, that is, yearly "
        "return over maximum drawdown.",
        "hey so my trading bot makes {R} per year but at one point it dropped {MDD} from the top. "
        "whats the calmar ratio on that",
        "Calmar ratio wanted. The data: the deepest peak-to-trough fall was {MDD}, and the yearly "
        "return is {R}.",
        "Please, I have a fund with return of {R} for each year, and the biggest drop from its "
        "highest point was {MDD}. How I calculate the Calmar ratio, the return divided by this "
        "drop?",
    ),
    ood_templates=(
        "Divide the yearly gain of {R} by the deepest fall of {MDD}: which ratio is that, and "
        "what is its value?",
        "Trend follower: {R} per annum, largest drawdown {MDD}. Give its Calmar.",
        "Drawdown-adjusted performance, Calmar style, for {R} return and {MDD} MDD?",
    ),
    parts=Parts(
        labels={
            "R": (
                "annual return",
                "annualised return",
                "CAGR",
                "compound annual growth rate",
                "annualized return",
                "return earned per year",
                "return per year",
                "average yearly gain",
                "yearly return",
                "annualised performance",
                "annual rate of return",
                "compound annual return",
                "annual growth rate of the fund",
            ),
            "MDD": (
                "maximum drawdown",
                "max drawdown",
                "worst drawdown",
                "maximum peak-to-trough loss",
                "max DD",
                "largest drop from a peak",
                "biggest fall from the top",
                "deepest decline from a high",
                "peak-to-trough drawdown",
                "worst loss from a high-water mark",
                "maximum decline from peak",
                "biggest drawdown",
                "max peak-to-valley drop",
            ),
        },
        asks=(
            "What is the Calmar ratio?",
            "Compute the Calmar ratio.",
            "Calmar ratio?",
            "What is its Calmar ratio?",
            "How much annual return does it earn per unit of maximum drawdown?",
            "Divide the annual return by the maximum drawdown: what Calmar ratio results?",
            "Calmar (return over max drawdown, not over volatility) = ?",
            "What does the Calmar ratio come to?",
            "Compute the return-to-drawdown ratio known as the Calmar ratio.",
            "What is the return-to-maximum-drawdown ratio?",
            "Calmar?",
            "How many times does the annual return cover the maximum drawdown?",
            "Find the ratio of annualised return to maximum drawdown.",
            "Work out the Calmar ratio: CAGR divided by the worst peak-to-trough loss.",
            "Determine the Calmar ratio of this track record.",
            "How much yearly gain does the strategy make for every unit of its deepest drawdown?",
            "CAGR / max DD = ?",
            "Before we allocate to this CTA, what Calmar ratio does it show?",
            "What is its annual return expressed as a multiple of its max drawdown?",
            "calmar ratio pls?",
            "Compute the Calmar, i.e. the compound annual return over the maximum drawdown.",
        ),
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
        "sharpe? fund did {R}, vol {sigma}, rf {rf}",
        "What is the risk-adjusted return per unit of vol (the Sharpe ratio) for a fund returning "
        "{R} with {sigma} volatility when the risk-free rate is {rf}?",
        "Exam question: a mutual fund generated an annual return of {R} with a standard deviation "
        "of {sigma}. If the risk-free rate was {rf}, calculate the fund's Sharpe ratio.",
        "Fund | Return {R} | Vol {sigma} | Rf {rf} | Sharpe = ?",
        "Hi team, the global equity fund returned {R} last year with annualised volatility of "
        "{sigma}; cash yielded {rf} over the same period. Can someone compute its Sharpe ratio "
        "for the quarterly review?",
        "Sharpe ratio of a single portfolio: {sigma} annual standard deviation, {R} annual "
        "return, {rf} risk-free rate.",
        "pls calc sharpe for my account: up {R} on the year, {sigma} vol, t-bills at {rf}",
        "ret={R}; rf={rf}; vol={sigma}; sharpe=?",
        "My uncle, who retired from teaching years ago, keeps his savings in one balanced fund. "
        "It returned {R} this year with a volatility of {sigma}, while short-term government "
        "bills paid {rf}. What is the fund's Sharpe ratio?",
        "Using a {rf} risk-free rate, what Sharpe ratio does a strategy with {R} return and "
        "{sigma} annualized vol have?",
        "Annual return {R}, annual volatility {sigma}, risk-free rate {rf}. Sharpe?",
        "Compute (return minus risk-free rate) divided by volatility for one fund: return {R}, "
        "risk-free {rf}, volatility {sigma}.",
        "How much excess return per unit of total risk does the fund earn? Return {R}, standard "
        "deviation {sigma}, risk-free {rf}. Give the Sharpe ratio.",
        "My neighbour, who repairs vintage motorbikes and reads the financial pages on Sundays, "
        "put all his savings into one index fund. Over the year it earned {R}, its returns had a "
        "standard deviation of {sigma}, and treasury bills paid {rf}. He wants the Sharpe ratio "
        "of that one fund, using total volatility rather than beta. What is it?",
        "Single-fund Sharpe: ret {R}, rf {rf}, ann. sd {sigma}. (R - rf) / total vol, not "
        "downside dev, not beta.",
        "Question 2. A portfolio earned a return of {R} over the year. The annualised standard "
        "deviation of its returns was {sigma}, and the risk-free rate of interest was {rf}. "
        "Determine the Sharpe ratio of the portfolio.",
        "ok so my fund is up {R} this year, cash gives {rf}, and the vol is {sigma}. sharpe "
        "ratio?? just this one fund, not comparing it with anything",
        "Sharpe ratio needed. Total volatility: {sigma}. Risk-free rate: {rf}. Return: {R}.",
        "I have one fund only. It give {R} return in the year, standard deviation {sigma}, and "
        "the safe (risk-free) rate {rf}. Please, Sharpe ratio for it is how much?",
    ),
    ood_templates=(
        "Reward-to-variability of one portfolio: mean {R}, sigma {sigma}, riskless {rf}.",
        "The manager delivered {R} against a {rf} cash rate, with annual stdev {sigma}. Sharpe?",
        "Given {sigma} risk and {R} return (risk-free {rf}), what Sharpe ratio results?",
    ),
    parts=Parts(
        labels={
            "R": (
                "annual return",
                "portfolio return",
                "fund return",
                "one-year return",
                "fund's annual return",
                "return for the year",
                "realized return",
                "gain for the year",
                "annualized return",
                "yearly return",
                "return over the year",
                "annual performance",
                "portfolio's annual return",
            ),
            "rf": (
                "risk-free rate",
                "T-bill rate",
                *_RISK_FREE_NAMES,
                "Rf",
                "risk-free interest rate",
                "money market rate",
                "three-month bill yield",
                "T-bill yield",
            ),
            "sigma": (
                "volatility",
                "standard deviation",
                "annual vol",
                "total volatility",
                "standard deviation of returns",
                "std dev of yearly returns",
                "total risk (std dev)",
                "swing in returns (volatility)",
                "annualised standard deviation",
                "return volatility",
                "vol",
                "std dev",
                "annual standard deviation of returns",
            ),
        },
        asks=(
            "What is the Sharpe ratio?",
            "Compute the fund's Sharpe ratio.",
            "What Sharpe ratio does it have?",
            "What is the fund's Sharpe ratio?",
            "How much excess return over cash does it earn per unit of total volatility?",
            "Compute the Sharpe ratio for this one fund.",
            "Sharpe ratio (excess return over total volatility, not beta) = ?",
            "What does the Sharpe ratio come to?",
            "Give this single fund's Sharpe ratio, with standard deviation as the risk.",
            "What is the excess return over the risk-free rate per unit of volatility?",
            "Sharpe?",
            "How many units of excess return over cash does each unit of standard deviation buy?",
            "Find the Sharpe ratio of the portfolio, with total volatility in the denominator.",
            "Calculate the fund's Sharpe ratio from its return, the risk-free rate and its vol.",
            "(R - Rf) / vol = ?",
            "Is the risk worth taking? Give the Sharpe ratio of this portfolio.",
            "What is the portfolio's Sharpe measure?",
            "Determine the return-to-volatility ratio after subtracting the risk-free rate.",
            "What Sharpe is the fund running at?",
            "Compute the annual Sharpe ratio.",
            "sharpe ratio for this one pls?",
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
        "treynor pls: return {R}, beta {beta}, rf {rf}",
        "Exam question: a portfolio earned {R} over the year and has a beta of {beta} relative to "
        "the market. The risk-free rate was {rf}. Calculate the Treynor ratio.",
        "Fund | Return {R} | Beta {beta} | Rf {rf} | Treynor = ?",
        "Dear analyst, our small-cap fund returned {R} last year. Its beta against the index is "
        "{beta} and three-month bills yielded {rf}. Please compute the Treynor measure for the "
        "annual report.",
        "What is the Treynor ratio (excess return divided by beta) of a fund with a {R} return, a "
        "beta of {beta} and a {rf} risk-free rate?",
        "ret={R}; beta={beta}; rf={rf}; treynor=?",
        "My retirement portfolio made {R} this year. The app says its beta is {beta}, and savings "
        "accounts paid {rf}. What's the Treynor ratio?",
        "Using Treynor's measure, evaluate a manager with a {beta} beta who delivered {R} when "
        "the risk-free rate was {rf}.",
        "Beta {beta}; annual return {R}; risk-free rate {rf}. Compute the Treynor ratio in "
        "percent.",
        "A pension fund's equity sleeve, run by an external firm in Boston for over a decade, "
        "posted a {R} return with a beta of {beta}. Treasury bills yielded {rf}. What Treynor "
        "ratio did the sleeve achieve?",
        "Compute (portfolio return - risk-free rate) / beta: portfolio return {R}, risk-free rate "
        "{rf}, beta {beta}.",
        "quick one - what's the treynor on {R} return with rf {rf} and a beta of {beta}?",
        "Given a risk-free rate of {rf}, a portfolio beta of {beta} and a portfolio return of "
        "{R}, find the Treynor ratio.",
        "A retired dentist in Lyon, who spends most afternoons tending his small vineyard, holds "
        "one equity portfolio. It returned {R} last year, its beta against the market is {beta}, "
        "and government bills yielded {rf}. His adviser wants the Treynor ratio, which divides "
        "the excess return by beta rather than by volatility. What is it?",
        "Treynor, systematic-risk basis: Rp {R}, Rf {rf}, beta {beta}. (Rp - Rf) / beta, not sd. "
        "In % per unit beta.",
        "Question 7. A diversified portfolio produced {R} over the period, with a beta of {beta} "
        "relative to the market index; Treasury bills returned {rf}. Find the Treynor measure, as "
        "a percentage for each unit of beta.",
        "my portfolio did {R} and the broker app says beta {beta}. bills pay {rf}. whats the "
        "treynor ratio, the one with beta not std dev",
        "Treynor ratio wanted for a portfolio with beta {beta}, given a risk-free rate of {rf} "
        "and a return of {R}.",
        "My portfolio make {R} in this year and his beta is {beta}. Risk-free rate we have {rf}. "
        "The Treynor ratio, how to get it? I think we divide extra return with beta.",
    ),
    ood_templates=(
        "Reward per unit of market risk for a book with {R} return, {beta} beta and a {rf} "
        "riskless rate?",
        "Treynor index given beta {beta}, mean return {R}, risk-free {rf}.",
        "With rf at {rf}, what does a beta-{beta} portfolio returning {R} score on Treynor?",
    ),
    parts=Parts(
        labels={
            "R": (
                "portfolio return",
                "annual return",
                "fund return",
                "yearly return",
                "portfolio's realized gain",
                "realized portfolio return",
                "annual portfolio return",
                "gain for the year",
                "Rp",
                "portfolio's annual return",
                "return earned by the portfolio",
                "realised return",
                "fund's return for the year",
            ),
            "rf": (
                "risk-free rate",
                "T-bill yield",
                *_RISK_FREE_NAMES,
                "Rf",
                "risk-free interest rate",
                "money market rate",
                "three-month bill yield",
            ),
            "beta": (
                "beta",
                "portfolio beta",
                "beta to the market",
                "systematic risk (beta)",
                "beta measured against the index",
                "regression beta",
                "sensitivity to the market (beta)",
                "beta versus the index",
                "market beta",
                "beta coefficient",
                "equity beta",
                "fund's beta",
                "portfolio's beta versus the market",
            ),
        },
        asks=(
            "What is the Treynor ratio?",
            "Compute the Treynor measure.",
            "Treynor ratio?",
            "What is the Treynor ratio (excess over the risk-free rate for each unit of beta)?",
            "How much excess return over the risk-free rate does it earn per unit of beta?",
            "Compute the Treynor ratio with beta as the risk measure.",
            "Treynor measure, as a percentage for each unit of beta?",
            "What does the Treynor ratio come to?",
            "Work out the Treynor ratio, dividing by beta rather than by volatility.",
            "Treynor?",
            "Find the Treynor measure of performance.",
            "Calculate the Treynor ratio, in percent per unit of beta.",
            "What is the excess return per unit of systematic risk?",
            "Divide the portfolio's premium over T-bills by its beta: what do you get?",
            "Treynor ratio in % per unit of beta?",
            "How well was the fund paid for its market exposure? Give the Treynor ratio.",
            "Compute Treynor's performance measure.",
            "(Rp - Rf) / beta = ?",
            "What is the portfolio's Treynor?",
            "Work out the excess return earned for each unit of beta, in percent.",
            "For a well-diversified portfolio, what is the beta-based Treynor figure?",
        ),
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
        "IR pls: fund {R}, bench {B}, te {TE}",
        "Exam question: an actively managed portfolio returned {R} while its benchmark index "
        "returned {B}. The annualised tracking error was {TE}. Calculate the information ratio.",
        "Fund | Return {R} | Benchmark {B} | Tracking error {TE} | IR = ?",
        "Hi all, the European equity mandate returned {R} versus {B} for its benchmark, with a "
        "tracking error of {TE}. What's the information ratio (negative if it lagged)?",
        "What information ratio does a manager have who returned {R} against a benchmark return "
        "of {B} with {TE} of tracking error?",
        "ret={R}; bench={B}; te={TE}; info_ratio=?",
        "Active return divided by tracking error, for a portfolio at {R}, benchmark at {B} and "
        "tracking error of {TE}: what is it?",
        "The fund's tracking error is {TE}. It returned {R} while the index it follows returned "
        "{B}. Information ratio?",
        "Our consultant, who flew in from Chicago for the annual review, showed that the growth "
        "fund returned {R} while its benchmark made {B}, with a tracking error of {TE}. What "
        "information ratio does that imply?",
        "Benchmark return {B}, portfolio return {R}, TE {TE}: compute the information ratio.",
        "Information ratio for a manager who earned {R}, benchmark {B}, tracking error {TE}?",
        "how good was my stock picking? i made {R}, the index made {B}, tracking error {TE}. "
        "what's the information ratio",
        "Compute (portfolio return - benchmark return) / tracking error with portfolio return "
        "{R}, benchmark return {B} and tracking error {TE}.",
        "The trustees of a small school endowment, meeting in the library because the boardroom "
        "was being painted, reviewed their active equity manager. The fund returned {R}, its "
        "benchmark index returned {B}, and the tracking error relative to that index was {TE}. "
        "What information ratio does the manager have?",
        "Active mgr review: Rp {R}, Rb {B}, TE {TE}. IR = active return / TE (not Sharpe, no "
        "risk-free rate).",
        "Question 5. An active equity portfolio achieved a return of {R}, whereas its benchmark "
        "achieved {B}. The standard deviation of the difference between portfolio and benchmark "
        "returns, the tracking error, was {TE}. Calculate the information ratio.",
        "my fund vs its index: fund {R}, index {B}. tracking error {TE}. whats the information "
        "ratio? i know it can be negative",
        "Information ratio, please, for the following: tracking error of {TE}, benchmark "
        "return of {B}, and {R} earned by the portfolio itself.",
        "My manager get {R} return, but the benchmark get {B}. The tracking error is {TE}. How I "
        "find the information ratio? It is the difference with benchmark divided by tracking "
        "error, yes?",
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
            "R": (
                "fund return",
                "portfolio return",
                "manager's return",
                "fund's own return",
                "actual portfolio return",
                "fund performance",
                "return achieved by the fund",
                "active portfolio's return",
                "Rp",
                "portfolio's return",
                "return of the active fund",
                "manager's performance",
                "fund's return for the period",
            ),
            "B": (
                "benchmark return",
                "index return",
                "benchmark",
                "benchmark index return",
                "benchmark's own return",
                "performance of the index it follows",
                "bench return",
                "return of the index it tracks",
                "Rb",
                "index performance",
                "return on the benchmark",
                "policy benchmark return",
                "reference index return",
            ),
            "TE": (
                "tracking error",
                "active risk",
                "TE",
                "standard deviation of active return",
                "tracking error volatility",
                "annualized tracking error",
                "deviation from the index",
                "TEV",
                "tracking risk",
                "standard deviation of excess returns",
                "relative volatility",
                "ex-post tracking error",
                "TE (annualised)",
            ),
        },
        asks=(
            "What is the information ratio?",
            "Compute the IR.",
            "What information ratio does the manager have?",
            "What is the information ratio (active return over tracking error)?",
            "How much active return does it earn per unit of tracking error?",
            "Compute the information ratio against the benchmark.",
            "IR = (fund - benchmark) / TE = ?",
            "What does the information ratio come to?",
            "Work out the information ratio, using tracking error and not total volatility.",
            "IR?",
            "What is the ratio of active return to tracking error?",
            "Find the information ratio of the active manager.",
            "How consistently did the fund outperform or lag its index, as an information ratio?",
            "What is the excess return over the benchmark divided by the tracking error?",
            "Information ratio (benchmark-relative, not Sharpe)?",
            "Is the stock picking worth the tracking error? Give the IR.",
            "Calculate the IR of the portfolio versus its index.",
            "Determine the information ratio relative to the benchmark index.",
            "info ratio?",
            "Compute the manager's information ratio for the period.",
            "Relative return over tracking error = ?",
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
        "beta pls: cov {cov}, mkt var {var}",
        "Exam question: the covariance of a stock's returns with the market's returns is {cov}, "
        "and the variance of the market's returns is {var}. Calculate the stock's beta.",
        "Stock | Cov with market {cov} | Market variance {var} | Beta = ?",
        "Hi, from the regression output I have covariance(stock, index) = {cov} and "
        "variance(index) = {var}. What beta is that?",
        "What is the beta of a share if the market variance is {var} and the covariance between "
        "the share and the market is {cov}?",
        "cov_im={cov}; var_m={var}; beta=?",
        "Covariance with the benchmark: {cov}. Benchmark variance: {var}. Find the portfolio's "
        "beta.",
        "Using monthly data, an analyst in the Frankfurt office estimates a covariance of {cov} "
        "between a utility's returns and the DAX, and a DAX return variance of {var}. What is the "
        "utility's beta?",
        "Compute beta = Cov(stock, market) / Var(market) with Cov = {cov} and Var = {var}.",
        "Market return variance {var}, stock-market covariance {cov}. Beta of the stock?",
        "Given a covariance of {cov} with the market and a market variance of {var}, what beta "
        "does the asset have?",
        "My spreadsheet gives COVARIANCE.S = {cov} against the index and VAR.S = {var} for the "
        "index. What's the beta?",
        "Find the market beta of a fund whose returns have covariance {cov} with the market, the "
        "market's variance being {var}.",
        "An intern at a regional bank, who spent the morning fixing the office coffee machine, "
        "finally ran the numbers: the stock and the market have a return covariance of {cov}, and "
        "the market's own variance is {var}. No correlation or volatilities are given here. What "
        "beta does the stock have?",
        "OLS slope: cov(r_i, r_m) {cov} over var(r_m) {var}. Beta = cov / var, no rho needed. "
        "Value?",
        "Question 3. The covariance between the returns of security J and the returns of the "
        "market portfolio is {cov}. The variance of the market portfolio's returns is {var}. "
        "Determine the beta of security J.",
        "got cov {cov} with the market and market variance {var} from excel. beta? (no "
        "correlation given, just these two)",
        "Beta, please. Market variance {var}; covariance of the fund with the market {cov}.",
        "I calculated covariance of my stock with market, result {cov}, and for market the "
        "variance is {var}. Beta of my stock from these two, how much it is?",
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
            "cov": (
                "covariance with the market",
                "covariance",
                "cov(stock, market)",
                "covariance of the stock with the index",
                "covariance with the index",
                "cov with the market",
                "co-movement (covariance) with the market",
                "stock-versus-market covariance",
                "covariance between the stock and the market",
                "stock-market covariance",
                "covariance of the share with the benchmark",
                "return covariance with the index",
                "sample covariance with the market",
            ),
            "var": (
                "market variance",
                "variance of the market",
                "var(market)",
                "variance of the index's returns",
                "index variance",
                "var of the index",
                "squared market volatility (variance)",
                "variance of the benchmark",
                "variance of market returns",
                "benchmark variance",
                "market return variance",
                "variance of the market index",
                "sample variance of the market",
            ),
        },
        asks=(
            "What is the beta?",
            "Compute the stock's beta.",
            "What beta does that give?",
            "What is the beta from covariance over variance?",
            "How sensitive is the stock to the market, as measured by its beta?",
            "Compute beta as the covariance divided by the market variance.",
            "Which beta comes out of covariance divided by variance?",
            "What does the stock's beta come to?",
            "Divide the covariance by the market variance: what beta is that?",
            "Beta?",
            "What is the stock's market beta?",
            "Calculate the stock's beta from the covariance and the market variance.",
            "What is the OLS beta of the stock on the market?",
            "How far does the share tend to move per one percent market move (its beta)?",
            "Find beta, cov over var.",
            "What CAPM beta do these two numbers give?",
            "Cov / Var = beta = ?",
            "Work out the asset's beta from the covariance and variance given.",
            "Does the stock amplify or dampen market moves? Give its beta.",
            "Determine the security's beta.",
            "beta from cov and var pls?",
        ),
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
        "Compute the {h}-day {c} VaR of a {V} position with daily volatility {sigma}; use z = {z}.",
        "What is the {c} {h}-day VaR on {V} with daily vol of {sigma}, using a z-score of {z}?",
        "Exam question: a portfolio worth {V} has a daily return standard deviation of {sigma}. "
        "Using a z-score of {z}, calculate the VaR at {c} confidence over {h} days.",
        "need a var number pls: {V} book, {sigma} daily vol, {h}-day {c} VaR, z = {z}",
        "Position | Value {V} | Daily vol {sigma} | Horizon (days) {h} | Confidence {c} (z = {z}) "
        "| VaR = ?",
        "Dear risk team, please compute the VaR at {c} confidence for the {h}-day holding period "
        "on our {V} equity portfolio. Daily volatility is {sigma}; take z as {z}.",
        "value={V}; daily_sigma={sigma}; z={z}; conf={c}; horizon_days={h}; VaR=?",
        "How much could a {V} portfolio lose over {h} trading days at {c} confidence, given daily "
        "volatility of {sigma} and a z of {z}?",
        "A trader at a Singapore bank runs a {V} FX book with daily volatility of {sigma}. Her "
        "manager, who is flying back from London tonight, wants the {c} {h}-day VaR by morning, "
        "computed at {z} standard deviations. What is it?",
        "{c} VaR, {h}-day horizon: exposure {V}, daily standard deviation {sigma}, z = {z}.",
        "Using {z} standard deviations ({c} one-tailed), find the {h}-day value at risk of {V} "
        "with a daily vol of {sigma}.",
        "Daily sigma {sigma} on a {V} portfolio. What's the VaR at the {c} level over the {h}-day "
        "horizon (z = {z})?",
        "Given z = {z} for {c} confidence, compute the {h}-day VaR of a {V} position whose daily "
        "volatility is {sigma}.",
        "i hold {V}, daily vol {sigma}. whats my {h}-day var at {c}? z-score of {z}",
        "Our risk officer, who has just come back from two weeks of hiking in Patagonia, wants "
        "one number before the morning meeting. The equity book is worth {V} and has a daily vol "
        "of {sigma}. She has already looked up the multiplier for {c} "
        "confidence, z = {z}, so no table is needed. What VaR should we report for the next "
        "{h} days?",
        "1d vol {sigma}, MV {V}, z {z} supplied ({c} one-tail), {h}d horizon, root-time scaling. "
        "VaR in ccy?",
        "Exam question: the standard normal quantile for {c} one-tailed confidence is provided "
        "as z = {z}. A portfolio has a market value of {V} and a daily standard deviation of "
        "returns of {sigma}. Assuming normal returns and square-root-of-time scaling, determine "
        "its {h}-day value at risk.",
        "ok so my account is {V} and it swings about {sigma} a day (std dev). someone said z is "
        "{z} for {c}. how much could i lose in {h} days at that level?",
        "Value at risk, please: horizon {h} days, z = {z} (given already, it is the {c} point), "
        "daily vol {sigma}, position {V}.",
        "Please, I have a portfolio of {V} and its volatility for one day is {sigma}. Our teacher "
        "give us z = {z} for the {c} confidence, so we do not need the normal table. How much is "
        "the VaR for {h} days?",
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
            "V": (
                "position size",
                "portfolio value",
                "exposure",
                "book size",
                "market value of the holdings",
                "amount invested",
                "MV",
                "money in the position",
                "notional",
                "position value",
                "value of the portfolio",
                "current market value",
                "capital deployed",
            ),
            "z": (
                "z-score",
                "z",
                "critical value",
                "given z-value",
                "sigma multiplier",
                "normal quantile supplied",
                "z multiplier (no lookup needed)",
                "stated z",
                "z-value",
                "number of standard deviations",
                "confidence multiplier",
                "standard normal critical value",
                "z factor",
            ),
            "sigma": (
                "daily volatility",
                "daily standard deviation",
                "1-day vol",
                "day-to-day vol of returns",
                "one-day sigma",
                "typical daily move (std dev)",
                "vol per trading day",
                "daily vol",
                "daily sigma",
                "one-day volatility",
                "standard deviation per day",
                "daily return volatility",
            ),
            "h": (
                "horizon (days)",
                "holding period in days",
                "days",
                "number of trading days",
                "VaR horizon in days",
                "days to hold",
                "risk horizon (trading days)",
                "VaR period (days)",
                "number of days",
                "time horizon in days",
                "trading days in the horizon",
                "liquidation period (days)",
            ),
        },
        asks=(
            "What is the value at risk?",
            "Compute the VaR.",
            "How large is the VaR?",
            "What is the VaR using the z-score as given?",
            "Compute the parametric VaR with the stated z.",
            "What does the VaR come to over the whole horizon?",
            "How much could the position lose at that many standard deviations?",
            "VaR in currency terms, using the given z and square-root-of-time scaling?",
            "Estimate the value at risk; the z is provided, so no table lookup.",
            "What is the horizon VaR from the daily vol and the given z-score?",
            "VaR?",
            "What is the VaR in money terms?",
            "How much could the book drop over the horizon at the given z?",
            "Compute the horizon value at risk, scaling daily vol by the square root of days.",
            "What is the delta-normal VaR for the holding period, with z as stated?",
            "What figure should the risk report show for VaR, given this z?",
            "Calculate the variance-covariance VaR over the holding period with the supplied z.",
            "How much money is at risk at this z over the whole period?",
            "Determine the parametric value at risk for the full holding period.",
            "Give the multi-day VaR from the one-day vol (no table lookup, z given).",
            "var pls? z is given.",
            "What VaR should go in the limit report?",
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
        "pls: {w1} in A at {r1}, {w2} in B at {r2}. expected portfolio return?",
        "Exam question: an investor allocates {w1} of her wealth to asset X, with an expected "
        "return of {r1}, and the remaining {w2} to asset Y, with an expected return of {r2}. "
        "Calculate the expected return of the portfolio.",
        "Asset | Weight | E[R]\nEquity | {w1} | {r1}\nBonds | {w2} | {r2}\nPortfolio E[R] = ?",
        "Hi Tom, the proposed allocation for the charity is {w1} global equities, expected to "
        "earn {r1}, and {w2} short-duration bonds, expected to earn {r2}. What expected return "
        "should we show in the proposal?",
        "weights=({w1}, {w2}); exp_returns=({r1}, {r2}); portfolio_exp_return=?",
        "What's the expected return on a portfolio split {w1} / {w2} between a fund expected to "
        "return {r1} and one expected to return {r2}?",
        "My grandmother, who has banked with the same building society for decades, keeps {w1} of "
        "her savings in a tracker fund expecting {r1} a year and {w2} in an income fund expecting "
        "{r2}. What is her expected overall return?",
        "Expected return of the mix? {w2} goes to an asset expected to return {r2}; the other "
        "{w1} goes to one expected to return {r1}.",
        "Two assets: expected returns {r1} and {r2}, portfolio weights {w1} and {w2} "
        "respectively. What is the portfolio's expected return?",
        "compute weighted avg expected return: {w1} @ {r1}, {w2} @ {r2}",
        "A balanced fund holds {w1} in equities with an expected return of {r1} and {w2} in real "
        "estate with an expected return of {r2}. Find the fund's expected return.",
        "If I put {w1} into stocks (expected {r1}) and {w2} into a bond fund (expected {r2}), "
        "what return can I expect on the total?",
        "My brother-in-law, who spends most weekends restoring an old sailing boat, has finally "
        "sorted his savings: {w1} sits in a global index fund he thinks will earn {r1} a year, "
        "and the remaining {w2} is in a corporate bond fund he thinks will earn {r2}. Leaving "
        "risk and correlation aside, what return should he expect on everything together?",
        "2-asset port, wts {w1}/{w2}, E(r) {r1}/{r2}. Weighted-avg E(r_p)? Return only, no vol.",
        "Exam question: a portfolio consists of two securities. Security 1 carries a weight of "
        "{w1} and an expected return of {r1}; security 2 carries a weight of {w2} and an expected "
        "return of {r2}. Determine the portfolio's expected return as the weighted average of "
        "the individual expected returns.",
        "hey so im {w1} in tech stocks which should do {r1} and {w2} in a money market thing at "
        "{r2}. what do i get back overall on average?",
        "{r2} expected from the bonds, {r1} from the shares; the shares get {w1} of the money and "
        "the bonds get {w2}. What is the blended expected return?",
        "Blended expected return needed (the return, not the risk) for this allocation: {w1} to "
        "an asset expected to make {r1}, {w2} to an asset expected to make {r2}.",
        "I am put {w1} of my money in first fund, it give maybe {r1}, and {w2} in second fund "
        "which give {r2}. How much return I expect for all my money together?",
        "weight_a={w1}, exp_ret_a={r1}, weight_b={w2}, exp_ret_b={r2}\nWhat is the weighted "
        "expected return of this two-asset mix (its mean return, not its volatility)?",
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
        "bought {N} shares @ {P0}, sold @ {P1}. p&l?",
        "Exam question: an investor purchases {N} shares of a stock at {P0} per share and later "
        "sells all of them at {P1} per share. Ignoring commissions, calculate the profit or loss "
        "(negative for a loss).",
        "Ticker | Qty {N} | Entry {P0} | Exit {P1} | P&L = ?",
        "Hi, could you confirm the realised P&L on the trade? We bought {N} shares at ${P0} and "
        "closed the position at ${P1}.",
        "qty={N}; entry_px={P0}; exit_px={P1}; pnl=?",
        "What's my profit or loss if I sold {N} shares at {P1} that I had bought at {P0}?",
        "My cousin, who works in a bakery and trades on his phone at lunch, bought {N} shares of "
        "a biotech at ${P0} apiece. He sold the lot at ${P1} after the trial results. What was "
        "his profit or loss?",
        "Sold at {P1}, bought at {P0}, {N} shares. What's the P&L (negative if it's a loss)?",
        "Long {N} shares with an average cost of {P0}; the stock now trades at {P1}. What is the "
        "unrealized profit or loss on the position?",
        "Compute the dollar profit or loss: {N} shares, bought at ${P0} each, sold at ${P1} each.",
        "how much did i make or lose? {N} shares, entry {P0}, exit {P1}",
        "P&L on a position of {N} shares whose price moved from {P0} to {P1}?",
        "A portfolio manager in Milan added {N} shares at {P0} in March and exited the whole "
        "position at {P1} in June. What was the P&L on the trade?",
        "Last spring my neighbour, who coaches the local under-12 football team, bought {N} "
        "shares of an airline at {P0} each because he liked their new planes. He sold every one "
        "of them at {P1} last week. Not as a percentage but as an amount of money: how much did "
        "he gain or lose?",
        "Long {N} sh, avg px {P0}, px now {P1}. MTM P&L in ccy (not %)?",
        "Exam question: an investor acquires {N} shares at a price of {P0} per share and "
        "subsequently disposes of the entire holding at {P1} per share. Disregarding transaction "
        "costs and dividends, determine the total profit or loss in currency units, stating a "
        "loss as a negative number.",
        "finally closed my position lol. bought in at {P0}, sold out at {P1}, {N} shares total. "
        "how much money am i up or down?",
        "Total profit or loss in money, please. Exit {P1}, entry {P0}, size {N} shares.",
        "I buy {N} shares before for price {P0} each one, and now I sell all of them for {P1}. "
        "How many money I win or lose? Not percent, the amount please.",
    ),
    ood_templates=(
        "Mark-to-market on {N} shares acquired at {P0}, last trade {P1}?",
        "Total money made or lost: {N} units in at {P0}, out at {P1}.",
        "My {N} shares cost {P0} each; I dumped them at {P1}. Net result in dollars?",
    ),
    parts=Parts(
        labels={
            "N": (
                "number of shares",
                "shares held",
                "position size (shares)",
                "share count",
                "qty",
                "how many shares",
                "units held",
                "quantity",
                "shares bought",
                "lot size (shares)",
                "number of shares traded",
                "share quantity",
            ),
            "P0": (
                "entry price",
                "purchase price",
                "buy price",
                "average entry cost",
                "cost basis per share",
                "entry px",
                "cost per share when bought",
                "price paid per share",
                "buy-in price",
                "average purchase price",
                "cost price",
                "entry cost per share",
            ),
            "P1": (
                "exit price",
                "current price",
                "sale price",
                "selling price",
                "exit px",
                "price sold at",
                "market price now",
                "sell price",
                "last price",
                "disposal price",
                "exit level",
                "price at close-out",
            ),
        },
        asks=(
            "What is the P&L?",
            "What is the profit or loss?",
            "How much was made or lost?",
            "What is the P&L in money terms?",
            "Compute the profit or loss on the whole position.",
            "What does the gain or loss come to, as an amount rather than a percent?",
            "Total P&L (an amount, negative if a loss)?",
            "How much money has this trade gained or lost overall?",
            "What is the cash gain or loss on all the shares?",
            "P&L?",
            "What is the total gain or loss in currency terms?",
            "Am I up or down on this, and by how much money?",
            "Compute the money P&L: shares times the price change.",
            "What is the position's profit, negative if it lost money?",
            "Work out the trading profit or loss on the whole lot.",
            "How much did the position earn or cost me in cash?",
            "What is the PnL of the position?",
            "Calculate the profit or loss as an amount of money.",
            "Total gain or loss across all shares = ?",
            "pnl?",
            "Did the trade make money? Give the profit, or the loss as a negative amount.",
        ),
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
        "what win rate do i need at {RR}R reward per 1R risk to break even?",
        "Exam question: a trading system's average winning trade is {RR} times the size of its "
        "average losing trade. What minimum win rate, in percent, is needed for the system to "
        "break even?",
        "Setup | Reward:Risk {RR}:1 | Breakeven win rate = ?",
        "Hi, my stop is always 1 unit away and my target is {RR} units away. What percentage of "
        "trades do I need to win just to break even?",
        "rr={RR}; breakeven_winrate_pct=?",
        "What hit rate makes a strategy break even when its payoff ratio (average win / average "
        "loss) is {RR}?",
        "risk:reward 1:{RR} - what win rate do i need to not lose money?",
        "A friend who trades options at weekends says his winners are on average {RR} times the "
        "size of his losers. What percentage of his trades must win for him to break even?",
        "Breakeven win rate (%) for a reward-to-risk of {RR}?",
        "If each win pays {RR} and each loss costs 1, what percentage of bets must win for zero "
        "expected profit?",
        "With average wins {RR}x average losses, what's the win percentage at which the strategy "
        "breaks even?",
        "Our desk's rule is a profit target of {RR} times the stop distance. At what win rate do "
        "those trades break even?",
        "Payoff ratio {RR}. Minimum win rate to break even, in percent?",
        "My flatmate, who keeps a spreadsheet of every trade next to his coffee-stained chess "
        "books, has noticed that his winners are on average {RR} times as big as his losers. He "
        "is not asking about bet size or Kelly; he only wants the lowest share of trades he must "
        "win so that, over time, he neither makes nor loses money. What is that percentage?",
        "Avg W / avg L = {RR}. BE hit rate (%) where EV per trade = 0?",
        "Exam question: for a strategy in which every winning trade gains {RR} units and every "
        "losing trade loses 1 unit, derive, in percent, the probability of winning that makes the "
        "expected profit per trade exactly zero.",
        "my tp is {RR}x my sl. how often do i gotta hit tp so im not losing money overall?",
        "Minimum winning percentage needed to break even, given that a typical win is {RR} times "
        "the typical loss?",
        "In my trading, when I win I get {RR} times more than what I lose when I lose. How many "
        "percent of my trades must be win so I am not losing in total?",
    ),
    ood_templates=(
        "Minimum accuracy for a system whose winners pay {RR}R against 1R losers, to not "
        "lose money?",
        "Given a payoff multiple of {RR}, how often must I be right just to be flat?",
        "Break-even probability of success for a {RR}-to-1 bet structure?",
    ),
    parts=Parts(
        labels={
            "RR": (
                "reward-to-risk ratio",
                "payoff ratio",
                "win/loss size ratio",
                "R:R",
                "mean winner over mean loser",
                "profit target to stop-loss ratio",
                "size of a win in units of risk",
                "R-multiple of a winner",
                "reward/risk",
                "average gain over average loss",
                "target-to-stop distance ratio",
                "reward per unit risked",
                "avg win / avg loss",
            )
        },
        asks=(
            "What win rate breaks even?",
            "What is the breakeven win rate?",
            "How often must trades win to break even?",
            "What is the minimum win rate needed to break even?",
            "What share of trades has to be winners for zero expected profit?",
            "At what hit rate is the expected profit per trade exactly zero?",
            "How often do I need to be right just to break even?",
            "Breakeven win percentage (a win rate, not a bet size)?",
            "Find the percentage of winning trades at which wins exactly pay for losses.",
            "Breakeven hit rate?",
            "What percentage of my trades do I have to get right to not lose money?",
            "At what probability of winning does the strategy have zero expected value?",
            "Compute the win rate at which the edge is exactly zero.",
            "How many trades out of every hundred must be winners for the system to break even?",
            "What hit ratio do I need so that wins and losses cancel out?",
            "Below what win rate does this setup lose money over time?",
            "Give the lowest win percentage that keeps the strategy from losing money.",
            "BE win rate %?",
            "Calculate the required strike rate to break even.",
            "What fraction of trades, as a percentage, must be profitable to break even?",
            "What is the break-even percentage of winning trades?",
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
        "div yield? price {P}, annual div {D}",
        "Exam question: a company's shares are trading at {P}. Over the past year it paid total "
        "dividends of {D} per share. Calculate the dividend yield as a percentage.",
        "Ticker | Price {P} | Annual DPS {D} | Div yield = ?",
        "Hi, the utility we discussed is at ${P} a share and pays ${D} per share per year in "
        "dividends. What is the dividend yield?",
        "price={P}; annual_dividend={D}; dividend_yield_pct=?",
        "What dividend yield do I get on a stock costing {P} that pays out {D} a year?",
        "My aunt, who inherited the shares from her father decades ago, wants to know what they "
        "yield. They trade at ${P} and the company pays an annual dividend of ${D} per share. "
        "What's the dividend yield?",
        "Annual dividend per share: {D}. Current share price: {P}. Dividend yield in percent?",
        "If a share priced at {P} pays total dividends of {D} over a year, what is its dividend "
        "yield?",
        "Compute the yield (annual dividend divided by price) for an annual dividend of {D} and a "
        "price of {P}.",
        "The bank's stock closed at {P} today; its dividends over the last twelve months total "
        "{D}. What is its dividend yield?",
        "what's the yield on a {P} stock paying {D} per year in dividends",
        "Dividend yield for a stock with an annual dividend of {D} and a price of {P}?",
        "My uncle, who still reads the Sunday paper cover to cover at his allotment, owns shares "
        "in a water utility. They are priced at {P} today, and the four payments over the last "
        "year add up to {D} per share in total. What dividend yield is he earning?",
        "Px {P}, FY DPS {D} (already annualised). DY %?",
        "Exam question: a company's ordinary shares have a market price of {P}. The total "
        "dividend declared for the financial year is {D} per share. Compute the dividend yield, "
        "expressed as a percentage.",
        "thinking of buying a reit at {P}. it paid {D} per share over the whole last year. what "
        "yield is that in %?",
        "Dividend yield wanted, in percent. Full-year dividend per share: {D} (the total, not "
        "one payment). Market price: {P}.",
        "One share cost {P} and the company give {D} dividend for all the year together. What is "
        "the dividend yield in percent, please?",
    ),
    ood_templates=(
        "Income return on a {P} share that distributes {D} each year?",
        "Cash payout of {D} yearly against a quote of {P}: trailing yield?",
        "The REIT is quoted at {P} and distributes {D} annually. Distribution yield?",
    ),
    parts=Parts(
        labels={
            "D": (
                "annual dividend",
                "dividend per share",
                "yearly payout",
                "full-year dividend per share",
                "annual DPS",
                "total dividends over the year",
                "trailing twelve-month dividend",
                "dividend money per share for the whole year",
                "DPS",
                "annual dividend per share",
                "yearly dividend",
                "TTM dividend per share",
                "dividend paid per share each year",
            ),
            "P": (
                "share price",
                "stock price",
                "price",
                "current share price",
                "market price per share",
                "last traded price",
                "price of one share",
                "quote",
                "price per share",
                "market price",
                "closing price",
                "current market price",
                "stock's price",
            ),
        },
        asks=(
            "What is the dividend yield?",
            "Compute the yield.",
            "What yield does it offer?",
            "What is the annual dividend yield in percent?",
            "How much income does the share yield from dividends, in percent?",
            "Compute the trailing dividend yield.",
            "What does the dividend yield come to?",
            "Express the full-year dividend as a percentage of what the share costs.",
            "What percentage of the share price comes back as dividends each year?",
            "Div yield?",
            "What is the stock's yield from dividends?",
            "What is the annual dividend divided by the share price, in percent?",
            "Calculate the dividend yield of the stock.",
            "What income yield does the equity offer?",
            "Is it a high-yield stock? Give its dividend yield.",
            "What is the DY in percent?",
            "Compute DPS over price as a percentage.",
            "For an income investor, what yield does this share pay?",
            "Work out the yield on the share from its yearly dividend.",
            "What yield would a buyer at today's price earn from dividends alone?",
            "dividend yield %?",
        ),
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
