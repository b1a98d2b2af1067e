"""Risk families: drawdown (peak-to-trough and price path), volatility annualisation,
parametric VaR, two-asset portfolio volatility, risk sizing, risk ranking."""

from __future__ import annotations

import math
import random

from quantreason.tasks.base import (
    Family,
    Num,
    Values,
    money,
    pct,
    plain,
    sample_with_side_figures,
    side_sentences,
)

DRAWDOWN = Family(
    name="drawdown",
    unit="percent",
    reasoning="Drawdown = (peak - trough) / peak.",
    params={
        "peak": plain((20, 999), ((1000, 99999),), ood_decimals=2),
        "trough": plain((20, 999), ((1000, 99999),), ood_decimals=2),
    },
    valid=lambda v: 0.3 < v["trough"] / v["peak"] < 0.97,
    formula=lambda f: f"({f['peak']}-{f['trough']})/{f['peak']}*100",
    solve=lambda v: 100 * (1 - v["trough"] / v["peak"]),
    sign_free=True,
    convention="loss size in percent, reported positive (177 -> 137 is 22.6); -22.6 accepted",
    templates=(
        "A portfolio falls from {peak} to {trough}. What is the maximum drawdown percentage?",
        "Peak value {peak}, trough value {trough}. Compute the drawdown.",
        "What is the drawdown of a fund that dropped from a high of {peak} to a low of {trough}?",
        "An index peaked at {peak} and bottomed at {trough}. How deep was the drawdown?",
        "Calculate the peak-to-trough decline: high {peak}, low {trough}.",
        "The NAV slid from {peak} down to {trough}. Find the percentage drawdown.",
        "From its top of {peak} the stock sank to {trough}. What drawdown does that represent?",
        "High-water mark {peak}; lowest point since {trough}. Drawdown?",
        "Quick sanity check: my account hit {peak} and then slumped to {trough}. How many "
        "percent off the high was I at the bottom?",
        "@risk fund NAV went {peak} -> {trough}, what's the DD in pct?",
        "Exam question: an investment's value declined from a maximum of {peak} to a minimum "
        "of {trough}. Express the loss as a percentage of the maximum.",
        "hwm: {peak} | low: {trough} | dd_pct: ?",
        "Dear client, during the sell-off the value of your holdings fell from its all-time "
        "high of {peak} to {trough}. What percentage drawdown has it suffered?",
        "Percent underwater at the trough? The fund peaked at {peak} and troughed at {trough}.",
        "If a family office's assets shrank from a record {peak} to a floor of {trough}, by "
        "what percentage did they draw down?",
        "A high of {peak} was recorded in the spring; by autumn a low of {trough} had been "
        "reached. What percentage retracement from the high does this represent?",
        "The lowest print was {trough}, reached some weeks after a high of {peak}. How much "
        "was given back, as a share of the high, in percent?",
        "After a long bull run, the pension scheme's assets, which had climbed to {peak} by "
        "the summer, were hit by rising gilt yields and a currency shock, bottoming out at "
        "{trough}. Ignoring contributions and withdrawals, what was the drawdown in %?",
        "Drawdown check - asset: crypto wallet balance - highest: {peak} - lowest afterwards: "
        "{trough} - answer in percent",
        "=DRAWDOWN_PCT(high={peak}, low={trough})",
        "My uncle, who has kept the same brokerage account since he retired from the railway "
        "in 2009, watched it climb to {peak} last year before a rough patch took it down to "
        "{trough}. He is not asking how much he must gain to get back; he wants the "
        "drawdown, the fall from the peak as a percentage of that peak.",
        "DD calc: HWM {peak}, trough {trough}. Pct off the HWM?",
        "Problem 2. A portfolio attains a maximum value of {peak} and subsequently declines "
        "to a minimum of {trough}. Compute the drawdown, defined as the decline from the "
        "peak divided by the peak value, in percent.",
        "ok so my portfolio hit {peak} at the very top, then fell to {trough} lol. how much "
        "% down from the top is that",
        "What percentage drawdown from the peak? Trough: {trough}. Peak before it: {peak}.",
        "The value of my fund was going up to {peak}, after that it go down to {trough}. How "
        "many percent is the fall from the highest point?",
        "Measured from the peak rather than from where I bought, how big is the drop from "
        "{peak} to {trough} in percent?",
    ),
    ood_templates=(
        "Our strategy's equity curve topped out at {peak} before bottoming at {trough}. "
        "Size the loss from the top, in percent.",
        "How far below its prior peak of {peak} is an asset now quoted at {trough}?",
        "Quantify the decline from the running maximum {peak} to the subsequent minimum {trough}.",
    ),
)


def _path_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    # A random walk of +-12 % steps: training paths stay within 40*0.88^6 .. 600*1.12^6
    # (about 18..1184), out-of-range paths within 5000*0.88^8 .. (about 1799 and up).
    length = rng.randint(8, 9) if ood else rng.randint(5, 7)
    low, high = (5000, 50000) if ood else (40, 600)
    decimals = 1 if ood else 0
    price = rng.uniform(low, high)
    path = []
    for _ in range(length):
        path.append(Num(round(price, decimals), decimals, "plain"))
        price *= 1 + rng.uniform(-0.12, 0.12)
    return {f"p{i + 1}": num for i, num in enumerate(path)}


def _path_max_drawdown(v: dict) -> float:
    # Independent of the evaluator's running-peak loop: every (earlier, later) pair.
    prices = list(v.values())
    worst = 0.0
    for i, earlier in enumerate(prices):
        for later in prices[i + 1 :]:
            worst = max(worst, (earlier - later) / earlier)
    return 100 * worst


def _path_text(rng: random.Random, nums: Values) -> dict[str, str]:
    # Never group thousands inside a comma-separated list: "1,250, 1,300" is ambiguous.
    return {"path": ", ".join(n.text(rng, grouped=False) for n in nums.values())}


MAX_DRAWDOWN = Family(
    name="max_drawdown",
    unit="percent",
    reasoning="Largest fall from a running peak along the path.",
    params={"price": plain((40, 600), ((5000, 50000),), ood_decimals=1)},  # start of the walk
    sample=_path_sample,
    render=_path_text,
    valid=lambda v: _path_max_drawdown(v) > 2,
    formula=lambda f: f"max_drawdown({', '.join(f.values())})*100",
    solve=_path_max_drawdown,
    sign_free=True,
    convention="largest peak-to-trough loss along the path in percent, reported positive; "
    "5-7 prices in training, 8-9 out of range",
    templates=(
        "Monthly closing prices were {path}. What is the maximum drawdown?",
        "Compute the max drawdown of this price path: {path}.",
        "A fund's NAV over several periods: {path}. Find its largest peak-to-trough decline.",
        "Given the price series {path}, what was the maximum drawdown in percent?",
        "The stock traded at {path} on consecutive days. How large was its worst drawdown?",
        "Prices: {path}. Maximum drawdown?",
        "What is the deepest drawdown experienced by an asset whose prices were {path}?",
        "Year-end values of a portfolio were {path}. Calculate the maximum drawdown.",
        "Weekly closes for the ETF, oldest first: {path}. What's the worst peak-to-valley "
        "loss, in percent?",
        "can someone run max DD on this series pls: {path}",
        "Question 4. The quarter-end values of an endowment were, in chronological order, "
        "{path}. Determine the maximum drawdown over the period as a percentage.",
        "closes = [{path}]; max_drawdown_pct = ?",
        "Over recent sessions your shares printed {path}. Measured top to bottom, what was the "
        "largest percentage slump you would have sat through?",
        "Biggest peak-to-trough fall (%) for the daily settlement prices {path}?",
        "Had you bought at the worst possible moment and sold at the worst possible later "
        "moment, what percentage of your money would you have lost, given these chronological "
        "quotes: {path}?",
        "The following hourly marks were recorded for a bund future, earliest to latest: "
        "{path}. What was the largest high-to-low pullback suffered over the window, in %?",
        "Risk committee is on Thursday. Before then I need the worst top-to-bottom slide for "
        "mandate C, whose month-end valuations ran {path}, expressed as a percentage. Thanks!",
        "Asset: copper - data: daily settles, oldest to newest - series: {path} - required: "
        "max drawdown as a percentage",
        "MaxDD% for the row [{path}] (leftmost = oldest)",
        "A small-cap gold miner, heavily shorted and beloved of retail forums, closed on "
        "successive Fridays at {path}. Ignoring dividends, what was its most severe "
        "top-to-bottom retracement, in percent?",
        "My grandmother kept a notebook of her pension fund's value at the end of every "
        "quarter, written in green ink next to her garden notes. The entries, oldest first, "
        "read {path}. Taking the biggest drop from an earlier high to a later low (not simply "
        "first to last), what was the maximum drawdown in percent?",
        "px series {path} (chronological). MDD vs running peak, %?",
        "Consider the following sequence of end-of-period asset values, listed in "
        "chronological order: {path}. Define the drawdown at each date as the fall from the "
        "highest preceding value. Determine the maximum drawdown, in percent.",
        "hey quick one, my coin went {path} over the last few days (in that order). what was "
        "the worst drop from a high to a low after it, in %",
        "Maximum drawdown in percent, please - the largest decline from a running high to "
        "any later low - for these closing levels, earliest first: {path}.",
        "I have the prices of my share for every week, first one is oldest: {path}. What is "
        "the most big fall from a top to a bottom that come after it, in percent?",
        "Not the total return from first to last price, but the deepest peak-to-trough loss "
        "along the way: what is it for the path {path}?",
        "prices_oldest_to_newest: {path}\nmetric: maximum drawdown against the running peak, in %",
    ),
    ood_templates=(
        "Walk through these quotes in order ({path}) and report the worst fall from any "
        "earlier high.",
        "An equity curve reads {path}. Determine its MDD.",
        "Looking at the sequence {path}, what is the biggest percentage loss from a running "
        "high to a later low?",
    ),
)

_FREQ_WORDS = {252.0: "daily", 52.0: "weekly", 12.0: "monthly"}


def _vol_text(rng: random.Random, nums: Values) -> dict[str, str]:
    texts = {"sigma": nums["sigma"].text(rng), "freq": _FREQ_WORDS[nums["freq"].value]}
    if "mu" in nums:
        texts["mu"] = nums["mu"].text(rng)
    return texts


_VOL_PARAMS = {
    "sigma": pct((0.3, 6), ((6.5, 15), (0.01, 0.29)), decimals=2, ood_decimals=3),
    "freq": plain((0, 0), ((0, 0),), choices=(252.0, 52.0, 12.0)),
}
# The mean return per period, which people quote beside its standard deviation ("weekly sd
# 2.8 %, mean 0.3 %"); annualising the volatility does not use it.
_VOL_SIDE = {"mu": pct((0.02, 1.5), (), decimals=2)}
_VOL_ASIDES = {
    "mu": (
        "The mean {freq} return is {mu}.",
        "Average {freq} return: {mu}.",
        "The {freq} returns average {mu}.",
        "Its mean return per period was {mu}.",
        "(The {freq} mean return is {mu}, if that matters.)",
    )
}


VOL_ANNUALISATION = Family(
    name="vol_annualisation",
    unit="percent",
    reasoning="Multiply by the square root of periods per year (252, 52 or 12).",
    params=_VOL_PARAMS,
    sample=sample_with_side_figures(_VOL_PARAMS, _VOL_SIDE),
    aside=side_sentences(_VOL_ASIDES),
    render=_vol_text,
    formula=lambda f: f"{f['sigma']}*sqrt({f['freq']})",
    solve=lambda v: v["sigma"] * v["freq"] ** 0.5,
    convention="annualised volatility in percent; 252 trading days, 52 weeks, 12 months a year",
    templates=(
        "{freq} volatility = {sigma}. What is annualized volatility?",
        "A stock has a {freq} volatility of {sigma}. Annualize it.",
        "What is the annual volatility of an asset whose {freq} standard deviation of returns "
        "is {sigma}?",
        "Convert a {freq} vol of {sigma} into an annualised figure.",
        "The {freq} return volatility is {sigma}. Find the yearly volatility.",
        "Annualise this: {sigma} {freq} volatility.",
        "If {freq} returns have a standard deviation of {sigma}, what is the annualized "
        "standard deviation?",
        "Given {sigma} {freq} volatility, compute the annual volatility using the "
        "square-root-of-time rule.",
        "My backtest shows a {freq} return stdev of {sigma}. What does that work out to "
        "annualised?",
        "pls convert {sigma} {freq} realised vol to annualised, thx",
        "Assume i.i.d. returns. A security's {freq} volatility is {sigma}. Using the usual "
        "number of trading periods in a year, compute its annualized volatility.",
        "freq: {freq} | sd of returns: {sigma} | want: annual sd",
        "Hi, the factsheet quotes a {freq} dispersion of returns of {sigma}. Could you express "
        "that as a yearly volatility number for our report?",
        "What's the yearly vol implied by {sigma} of {freq} variability?",
        "If the standard deviation of {freq} log returns on EUR/USD comes to {sigma}, what "
        "should be quoted as its annualised vol?",
        "A volatility of {sigma} was measured on returns sampled {freq}. What is that on an "
        "annualised basis?",
        "Need the annualized std. dev.: {sigma} is what we measured on {freq} returns.",
        "- instrument: Brent crude front-month - return frequency: {freq} - vol of returns: "
        "{sigma} - requested: annualised vol",
        "Ann. Vol % (from {freq} vol of {sigma})",
        "Our intern pulled {freq} closes for a mid-cap utility from the terminal, computed the "
        "volatility of returns and got {sigma}. The investment committee memo needs the "
        "annual-scaled number instead - what is it?",
        "Last night, between feeding the cat and finishing a crossword, I measured the "
        "volatility of my favourite stock from {freq} returns and got {sigma}. The forum "
        "says I should quote it per year, multiplying by the root of the count of periods "
        "rather than the count itself - what is the annualised figure?",
        "{sigma} vol on {freq} rets -> ann. vol via root-t?",
        "Returns on a security are observed {freq} and are assumed independent and "
        "identically distributed. Their sample standard deviation is {sigma}. Under the "
        "square-root-of-time rule, compute the annualised volatility.",
        "hey so i got {sigma} as the std dev of my {freq} returns, what is that per year?",
        "Annualised volatility wanted. Data: a standard deviation of {sigma}, measured on "
        "{freq} returns.",
        "I calculate volatility of {freq} returns and it is {sigma}. How I make this to one "
        "year volatility?",
    ),
    ood_templates=(
        "Risk desk reports sigma of {sigma} on a {freq} basis. Restate it per annum.",
        "Scale a {freq} standard deviation of {sigma} up to a one-year horizon.",
        "How volatile is the fund over a year if its {freq} volatility is {sigma}?",
    ),
)


def _inverse_normal(p: float) -> float:
    # Bisection on the error function: independent of statistics.NormalDist in the evaluator.
    low, high = -10.0, 10.0
    for _ in range(200):
        mid = (low + high) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2


PARAMETRIC_VAR = Family(
    name="parametric_var",
    unit="currency",
    reasoning="VaR = z * daily vol * value * sqrt(days).",
    params={
        "V": money((10000, 5_000_000), ((20_000_000, 900_000_000),)),
        "sigma": pct((0.5, 3), ((3.5, 8),), decimals=2),
        "c": pct((0, 0), ((0, 0),), decimals=0, choices=(95.0, 99.0, 90.0)),
        "h": plain((1, 20), ((25, 60),)),
    },
    # The position first, as var_given_z writes it: after "sigma/100" the position was dropped.
    formula=lambda f: f"{f['V']}*norm_ppf({f['c']}/100)*{f['sigma']}/100*sqrt({f['h']})",
    solve=lambda v: _inverse_normal(v["c"] / 100) * v["sigma"] * v["V"] * math.sqrt(v["h"]) / 100,
    sign_free=True,
    convention="loss amount in currency, reported positive; zero mean, normal returns",
    templates=(
        "A {V} portfolio has daily volatility {sigma}. What is its {h}-day parametric VaR "
        "at {c} confidence?",
        "Compute the {c} {h}-day value at risk for a position of {V} with a daily standard "
        "deviation of {sigma}.",
        "Position {V}, daily vol {sigma}, confidence {c}, horizon {h} days. Parametric VaR?",
        "What is the normal (variance-covariance) VaR over {h} days at the {c} level for "
        "{V} with {sigma} daily volatility?",
        "Estimate the {h}-day VaR at {c} confidence: value {V}, daily sigma {sigma}.",
        "A trader holds {V}. Daily returns have standard deviation {sigma}. Find the {c} "
        "VaR over {h} days.",
        "Calculate parametric value-at-risk: {V} exposure, {sigma} daily volatility, {h}-day "
        "horizon, {c} confidence.",
        "How much could a {V} book lose over {h} days at {c} confidence if daily vol is {sigma}?",
        "I've got {V} in one stock whose daily moves have a stdev of {sigma}. Assuming normal "
        "returns, what's my {h}-day VaR at {c} confidence?",
        "@risk need analytical VaR: MV {V}, 1d sigma {sigma}, {h}d horizon, {c} conf. Number?",
        "Assume Gaussian returns with a mean of zero. A portfolio with market value {V} has a "
        "daily return standard deviation of {sigma}. Compute its {c} Value-at-Risk over {h} "
        "trading days using square-root-of-time scaling.",
        "mtm={V}; daily_vol={sigma}; conf={c}; days={h}; method=parametric; VaR=?",
        "Dear team, for the {V} mandate please estimate the loss that should not be exceeded "
        "over the next {h} days with {c} probability, given a daily volatility of {sigma} and "
        "normal returns.",
        "Work out the {h}-day {c} covariance-method VaR on an allocation of {V}, "
        "daily vol {sigma}.",
        "If daily P&L on a {V} equity holding is normally distributed around zero with a "
        "standard deviation of {sigma} of the position's value, what is the {c} VaR for a "
        "{h}-day window?",
        "A {h}-day VaR at the {c} confidence level is to be calculated with the "
        "normal-distribution approach for a fund valued at {V}; daily return volatility has "
        "been estimated at {sigma}. What figure is obtained?",
        "{c} confidence, {h} days, {sigma} daily vol, {V} market value: what's the normal VaR "
        "(z-score times sigma, scaled by root time)?",
        "- desk: EM rates - AUM: {V} - daily return stdev: {sigma} - horizon: {h} business "
        "days - confidence: {c} - model: normal, zero mean => VaR?",
        "=NORM_VAR(position={V}, vol_daily={sigma}, conf={c}, days={h})",
        "Our fixed-income PM, just back from a conference in Lisbon, wants a quick risk number "
        "before the morning call: the gilt position is worth {V}, its daily moves have a "
        "standard deviation of {sigma}, and he wants the {c} VaR over the next {h} trading "
        "sessions under a Gaussian model.",
        "Our treasurer, who insists on cycling to work even in January, asked me to estimate "
        "risk on the reserve portfolio of {V}. Daily returns show a {sigma} standard "
        "deviation. She wants the {c} VaR over {h} days - note she gave a confidence level, "
        "not a z-score, so look up the normal quantile first.",
        "VaR req: MV {V} / 1d vol {sigma} / CL {c} / {h}d, delta-normal. Amount?",
        "Assume that daily portfolio returns are normally distributed with zero mean and "
        "standard deviation {sigma}. For a holding worth {V}, determine the {h}-day value at "
        "risk for a confidence level of {c}, applying the square-root-of-time rule.",
        "hey, how much can i lose in {h} days with {c} confidence? i have {V} in it and it "
        "moves about {sigma} a day",
        "The VaR at the {c} confidence level (find the z from it) is needed for a {h}-day "
        "horizon on a holding of {V} whose daily volatility is {sigma}.",
        "I have investment of {V}, the volatility for one day is {sigma}. Please calculate "
        "VaR for {h} days with confidence {c}, normal distribution.",
    ),
    ood_templates=(
        "Assuming normally distributed returns with zero mean, size the loss on {V} that is "
        "exceeded only with probability 1 minus {c} over {h} days; daily sigma is {sigma}.",
        "Risk limit check: {V} notional, {sigma} one-day volatility, {h}-day holding period, "
        "{c} VaR. What number do we report?",
        "Give the delta-normal VaR at {c} for {h} days on {V} (daily vol {sigma}).",
    ),
)


def _w2(nums: dict[str, Num]) -> dict[str, Num]:
    w1 = nums["w1"]
    return {**nums, "w2": Num(round(100 - w1.value, w1.decimals), w1.decimals, "pct")}


def _portfolio_vol(v: dict) -> float:
    weights, vols = (v["w1"] / 100, v["w2"] / 100), (v["s1"], v["s2"])
    corr = ((1.0, v["rho"]), (v["rho"], 1.0))
    variance = sum(
        weights[i] * weights[j] * vols[i] * vols[j] * corr[i][j] for i in range(2) for j in range(2)
    )
    return math.sqrt(variance)


_TWO_ASSET_PARAMS = {
    "w1": pct((10, 90), ((1, 9), (91, 99)), decimals=0),
    "s1": pct((5, 40), ((45, 90), (0.5, 4.5)), ood_decimals=2),
    "s2": pct((5, 40), ((45, 90), (0.5, 4.5)), ood_decimals=2),
    "rho": plain((-0.9, 0.9), ((-0.99, -0.91), (0.91, 0.99)), decimals=2),
}
# People list each asset's expected return beside its risk ("stocks: return 9 %, vol 18 %");
# the volatility does not use them.
_EXPECTED_RETURN = pct((2, 14), ((2, 14),))
_TWO_ASSET_SIDE = {"e1": _EXPECTED_RETURN, "e2": _EXPECTED_RETURN}


PORTFOLIO_VOL = Family(
    name="portfolio_vol",
    unit="percent",
    reasoning="Two-asset variance with the correlation term, then the square root.",
    params=_TWO_ASSET_PARAMS,
    sample=sample_with_side_figures(_TWO_ASSET_PARAMS, _TWO_ASSET_SIDE),
    derive=_w2,
    # Weights in percent points inside the root, one /100 outside: shorter than four /100s.
    formula=lambda f: (
        f"sqrt(({f['w1']}*{f['s1']})**2+({f['w2']}*{f['s2']})**2"
        f"+2*{f['w1']}*{f['w2']}*{f['rho']}*{f['s1']}*{f['s2']})/100"
    ),
    solve=_portfolio_vol,
    convention="annual volatility in percent; weights sum to 100 %",
    templates=(
        "A portfolio is {w1} in asset A (volatility {s1}) and {w2} in asset B (volatility "
        "{s2}); their correlation is {rho}. What is the portfolio volatility?",
        "Two assets: weights {w1} and {w2}, volatilities {s1} and {s2}, correlation {rho}. "
        "Compute the portfolio standard deviation.",
        "Find the volatility of a mix of {w1} stocks (vol {s1}) and {w2} bonds (vol {s2}) "
        "with correlation {rho}.",
        "What is the risk of a two-asset portfolio with {w1} at {s1} vol, {w2} at {s2} vol "
        "and a correlation of {rho}?",
        "Weights: {w1} / {w2}. Vols: {s1} / {s2}. Correlation: {rho}. Portfolio vol?",
        "Calculate portfolio volatility for {w1} in a fund with {s1} volatility and {w2} in "
        "one with {s2}, correlated at {rho}.",
        "An investor splits money {w1} and {w2} between two assets with volatilities {s1} and "
        "{s2}. If the correlation is {rho}, how volatile is the portfolio?",
        "Correlation {rho}; asset 1 weight {w1}, sigma {s1}; asset 2 weight {w2}, sigma {s2}. "
        "Portfolio sigma?",
        "I'm putting {w1} of my savings into a tech ETF with {s1} vol and the remaining {w2} "
        "into a gold fund with {s2} vol. They have a correlation of {rho}. How volatile is my "
        "overall mix?",
        "quick q - what's total portfolio sd if we run {w1}/{w2} across the two books, sd {s1} "
        "and {s2}, corr {rho}?",
        "Asset P has an annual standard deviation of {s1} and asset Q one of {s2}; the "
        "correlation between their returns is {rho}. An investor allocates {w1} to P and {w2} "
        "to Q. What is the standard deviation of the portfolio's returns?",
        "w_A={w1}, sd_A={s1}, w_B={w2}, sd_B={s2}, corr(A,B)={rho} -> portfolio sd?",
        "Dear Ms. Lee, we propose a {w1} allocation to the global equity fund (volatility {s1}) "
        "and {w2} to the infrastructure fund (volatility {s2}). With a return correlation of "
        "{rho}, what total volatility should you expect?",
        "Portfolio vol with {w1} @ {s1} vol and {w2} @ {s2} vol, rho {rho}?",
        "If {w1} of the fund is parked in emerging-market debt with a volatility of {s1}, the "
        "remaining {w2} in Treasuries with a volatility of {s2}, and the two are correlated at "
        "{rho}, what is the fund's overall volatility?",
        "Capital is allocated {w1} to a momentum strategy and {w2} to a carry strategy, whose "
        "return volatilities are estimated at {s1} and {s2} respectively; a correlation of "
        "{rho} is assumed between them. What portfolio standard deviation results?",
        "Vols of {s1} for the REIT and {s2} for the utility, pairwise correlation {rho}, "
        "position weights {w1} and {w2} respectively - what's the total risk of the pair?",
        "Holdings - leg A: weight {w1}, stdev {s1} - leg B: weight {w2}, stdev {s2} - "
        "pairwise corr: {rho}. Ex-ante portfolio vol?",
        "=TWO_ASSET_VOL(wA={w1}, volA={s1}, wB={w2}, volB={s2}, corr={rho})",
        "My sister-in-law, who runs a bakery and hates spreadsheets, keeps {w1} of her pension "
        "in a global index tracker (volatility {s1}) and {w2} in a property fund (volatility "
        "{s2}). The two tend to move together with a correlation of {rho}. What's the standard "
        "deviation of her pension as a whole?",
        "My neighbour, a retired dentist who collects vintage radios, holds {w1} of his "
        "savings in a dividend-stock fund with a volatility of {s1} and the other {w2} in a "
        "short-term bond fund with a volatility of {s2}. The correlation between the two "
        "funds is {rho}. He is not asking about the return - what is the volatility of his "
        "whole portfolio?",
        "2-asset book: A {w1} wt / {s1} sd, B {w2} wt / {s2} sd, rho {rho}. Port sd incl. "
        "cross term?",
        "Let a portfolio consist of two risky assets. Asset 1 carries a weight of {w1} and "
        "has a standard deviation of returns of {s1}; asset 2 carries a weight of {w2} and a "
        "standard deviation of {s2}. The correlation coefficient of their returns is {rho}. "
        "Derive the standard deviation of the portfolio.",
        "so i have {w1} in a stock fund with {s1} vol, plus {w2} in bonds with {s2} vol, "
        "correlation is {rho}. whats the vol of everything together?",
        "Portfolio standard deviation needed. Correlation {rho}; volatilities {s1} (first "
        "asset) and {s2} (second asset); weights {w1} and {w2} in the same order.",
        "I put {w1} of money in asset A, its volatility is {s1}. Also {w2} I put in asset B, "
        "volatility {s2}. Correlation of them is {rho}. How much is total volatility of "
        "portfolio?",
    ),
    ood_templates=(
        "Blend {w1} of a growth sleeve (sigma {s1}) with {w2} of a defensive sleeve (sigma {s2}); "
        "rho is {rho}. Work out the combined standard deviation.",
        "Using the two-asset variance formula, what is the volatility when {w1} sits in X "
        "(vol {s1}) and {w2} in Y (vol {s2}) and their correlation coefficient equals {rho}?",
        "I hold {w1} equities at {s1} volatility and {w2} credit at {s2}, correlation {rho}. "
        "What volatility should I expect for the whole book?",
    ),
)

FAMILIES = (DRAWDOWN, MAX_DRAWDOWN, VOL_ANNUALISATION, PARAMETRIC_VAR, PORTFOLIO_VOL)
