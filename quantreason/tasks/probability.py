"""Probability and tail risk: the chance a normally distributed outcome lands beyond a threshold,
the chance that at least one (or none) of several independent events happens, historical expected
shortfall, and the present value of a finite growing stream of yearly payments.

``normal_probability`` takes a return (in percent) or a P&L (in currency) that is normal with a
stated mean and standard deviation, and a threshold in the same units. The question says which
side is wanted, and the formula names it as a word :func:`quantreason.formula.normal_tail`
reads: below the threshold, ``normal_tail("below",-10,8,20)*100``, or above it,
``normal_tail("above",25,8,20)*100`` (threshold, mean, standard deviation). Thresholds may be
negative ("-$250,000"); the mean is always positive.

``prob_at_least_one`` is ``n`` independent events (loans defaulting, trades losing money, deals
falling through), each with probability ``p``: at least one happens with
``(1-(1-2.5/100)**40)*100`` percent, none happens with ``(1-2.5/100)**40*100``. The question
names the case wanted in words ("at least one", "none of them"), and so does the formula:
``chance("at least one",2.5/100,40)*100``, ``chance("none",2.5/100,40)*100``
(:func:`quantreason.formula.chance`).

``historical_expected_shortfall`` lists the worst outcomes of a historical simulation, worst
first and more of them than needed, either as P&L amounts (``-$4,820``) or as returns
(``-4.21%``) to apply to a position. The question states the tail size ``k`` ("the worst 5") or a
confidence level and the number of scenarios, with ``k = scenarios * (1 - confidence)`` (97.5 %
of 200 scenarios: 5). The answer is the average of the ``k`` worst losses, as a positive amount:
``-mean(-4820,-3960,-3410,-3150,-2880)``, or ``-mean(-4.21,-3.87,-3.02)/100*2500000`` for
returns on a position of 2,500,000 (the signs copied as shown).

``growing_annuity_pv`` values ``n`` yearly payments growing at ``g``, discounted at ``r``. With
the first payment one year from now ``C``: ``C/(r-g)*(1-((1+g)/(1+r))**n)``, written
``12000/(6/100-2/100)*(1-((1+2/100)/(1+6/100))**25)``; with the first payment today (an
annuity due) the same times ``(1+r)``: ``...*(1+6/100)``. The question says when the first
payment is made.

Side figures (composed questions label them; written ones open with a sentence): a portfolio's
value beside a return distribution, the capital behind a desk beside its P&L distribution, the
amount at stake in each loan or trade, a portfolio's value beside a list of P&L outcomes, and a
lump sum offered instead of a growing stream. No formula reads them.

Solvers are written independently of the formula text: the normal tail from ``math.erfc``, the
count of events by a binomial recursion, the tail losses sorted and averaged, and the growing
payments discounted one year at a time.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Param,
    Parts,
    Values,
    draw_money_style,
    draw_params,
    money,
    number_texts,
    pct,
    plain,
    sentence_case,
    side_sentences,
    significant,
)


def _signed_money(rng: random.Random, num: Num, money_style: int, scale_style: int) -> str:
    """A money amount as people write a signed P&L: "-$4,820", "-4,820 EUR", "USD -4,820"."""
    if num.value >= 0:
        return num.text(rng, money_style=money_style, scale_style=scale_style)
    positive = Num(-num.value, num.decimals, num.kind, num.scale)
    text = positive.text(rng, money_style=money_style, scale_style=scale_style)
    if text.startswith(("USD ", "EUR ", "GBP ")):
        return f"{text[:4]}-{text[4:]}"
    return f"-{text}"


def _money_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Every number as :func:`number_texts` writes it, negative amounts with a leading sign."""
    money_style, scale_style = draw_money_style(rng), rng.randrange(4)
    texts = {}
    for key, num in nums.items():
        if num.kind == "money":
            texts[key] = _signed_money(rng, num, money_style, scale_style)
        else:
            texts[key] = num.text(rng)
    return texts


# --- normal_probability -----------------------------------------------------------------------

# A return in percent (mean ``mu``, standard deviation ``sd``, threshold ``xb`` for the chance of
# ending below it or ``xa`` above it), or a P&L in currency (``M``, ``S``, ``Xb``/``Xa``). Out of
# range: a daily return of a few hundredths of a percent, or a speculative asset's yearly one;
# a P&L of hundreds of millions, or of a few hundred.
_NP_PARAMS: dict[str, Param] = {
    "mu": pct((0.5, 15), ((0.01, 0.3), (16, 40)), ood_decimals=2),
    "sd": pct((3, 40), ((0.4, 2.5), (45, 95)), ood_decimals=2),
    "M": money((1000, 2_000_000), ((3_000_000, 300_000_000), (10, 600))),
}
RETURN_SHARE = 0.6  # of draws: a return in percent (else a P&L in currency)
ABOVE_SHARE = 0.45  # of draws: the chance of ending above the threshold (else below)
# Side figures: a portfolio's value beside its return, the capital behind a desk beside its P&L.
_NP_SIDE = {
    "V": money((200_000, 80_000_000), ()),
    "K": money((1_000_000, 500_000_000), ()),
}
_NP_ASIDES = {
    "V": (
        "The portfolio is worth {V}.",
        "For context, the fund manages {V}.",
        "The account currently holds {V}.",
        "We have {V} invested in it.",
        "Assets under stewardship total {V}.",
    ),
    "K": (
        "The desk runs on {K} of capital.",
        "For context, the book is allocated {K} of capital.",
        "The trading unit has {K} of risk capital.",
        "Capital allocated to the book is {K}.",
        "Equity earmarked for the unit totals {K}.",
    ),
}
# What the outcome is, by its units and size: a yearly return, a daily one, a P&L.
_YEARLY_RETURNS = (
    "the fund's annual return",
    "the portfolio's return next year",
    "the index's yearly return",
    "the strategy's annual return",
    "the stock's return over the next year",
)
_DAILY_RETURNS = (
    "the fund's daily return",
    "the portfolio's return tomorrow",
    "the index's one-day return",
)
_PNLS = (
    "the desk's daily P&L",
    "the trading book's weekly P&L",
    "the fund's monthly P&L",
    "next quarter's profit on the position",
    "the portfolio's change in value over the month",
)
_BELOW = (
    "{it} falls below {x}",
    "{it} comes in below {x}",
    "{it} ends up below {x}",
    "{it} is less than {x}",
    "{it} turns out lower than {x}",
)
_ABOVE = (
    "{it} exceeds {x}",
    "{it} comes in above {x}",
    "{it} ends up above {x}",
    "{it} is greater than {x}",
    "{it} turns out higher than {x}",
)


def _np_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Mean and standard deviation in one band; the threshold a whole number of percent (or an
    amount to two significant figures) within 2.6 standard deviations of the mean."""
    band = rng.randrange(2)
    above = rng.random() < ABOVE_SHARE
    nums: dict[str, Num] = {}
    if rng.random() < RETURN_SHARE:
        mu = _NP_PARAMS["mu"].draw(rng, ood, band)
        sd = _NP_PARAMS["sd"].draw(rng, ood, band)
        z = rng.choice((-1, 1)) * rng.uniform(0.2, 2.6)
        raw = mu.value + z * sd.value
        decimals = 0 if abs(raw) >= 2 else (1 if abs(raw) >= 0.2 else 2)
        x = round(raw, decimals)
        nums = {"mu": mu, "sd": sd, ("xa" if above else "xb"): Num(x + 0.0, decimals, "pct")}
        if rng.random() < SIDE_FIGURE_SHARE:
            nums["V"] = _NP_SIDE["V"].draw(rng, False)
    else:
        mean = _NP_PARAMS["M"].draw(rng, ood, band)
        sd_raw = mean.value * math.exp(rng.uniform(math.log(1.2), math.log(8)))
        sd = Num(significant(sd_raw, rng.choice((2, 3)), whole=True), 0, "money")
        z = rng.choice((-1, 1)) * rng.uniform(0.2, 2.6)
        raw = mean.value + z * sd.value
        x = significant(raw, 2, whole=True) if abs(raw) >= 1 else 0.0
        nums = {"M": mean, "S": sd, ("Xa" if above else "Xb"): Num(x + 0.0, 0, "money")}
        if rng.random() < SIDE_FIGURE_SHARE:
            nums["K"] = _NP_SIDE["K"].draw(rng, False)
    return nums


def _np_keys(v: Values | Mapping[str, object]) -> tuple[str, str, str, bool]:
    """The mean's, standard deviation's and threshold's keys, and whether it is the upper tail."""
    if "mu" in v:
        mean, sd = "mu", "sd"
    else:
        mean, sd = "M", "S"
    above = "xa" in v or "Xa" in v
    threshold = next(k for k in ("xb", "xa", "Xb", "Xa") if k in v)
    return mean, sd, threshold, above


def _np_probability(v: Mapping[str, float]) -> float:
    """The tail from the complementary error function: P(X < x) = erfc(-(x - mean) / (sd * √2))
    / 2, and the upper tail the mirror image."""
    mean, sd, threshold, above = _np_keys(v)
    scaled = (v[threshold] - v[mean]) / (v[sd] * math.sqrt(2))
    tail = math.erfc(scaled) / 2 if above else math.erfc(-scaled) / 2
    return tail * 100


def _np_formula(f: Mapping[str, str]) -> str:
    # The side as a word normal_tail() reads: written as norm_cdf or 1 - norm_cdf, run BR took
    # the lower tail for "higher than 22 %" (experiments.md, session 37).
    mean, sd, threshold, above = _np_keys(f)
    side = "above" if above else "below"
    return f'normal_tail("{side}",{f[threshold]},{f[mean]},{f[sd]})*100'


def _np_valid(v: Mapping[str, float]) -> bool:
    _, _, threshold, _ = _np_keys(v)
    mean = v["mu"] if "mu" in v else v["M"]
    return v[threshold] != mean and 0.5 <= _np_probability(v) <= 99.5


def _np_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual (a negative amount "-$250,000"); ``{m}``, ``{s}``, ``{x}``: the mean,
    standard deviation and threshold whatever their units; ``{thing}`` (``{Thing}``) the outcome
    ("the fund's annual return"); ``{cond}``: the side wanted as a clause about "it" ("it falls
    below -10%"), ``{cond_full}`` the same about the outcome itself; ``{side}``: "below -10%"."""
    texts = _money_texts(rng, nums)
    mean, sd, threshold, above = _np_keys(nums)
    texts["m"], texts["s"], texts["x"] = texts[mean], texts[sd], texts[threshold]
    if mean == "M":
        thing = rng.choice(_PNLS)
    elif nums["sd"].value < 3:
        thing = rng.choice(_DAILY_RETURNS)
    else:
        thing = rng.choice(_YEARLY_RETURNS)
    texts["thing"], texts["Thing"] = thing, sentence_case(thing)
    clause = rng.choice(_ABOVE if above else _BELOW)
    texts["cond"] = clause.format(it="it", x=texts["x"])
    texts["cond_full"] = clause.format(it=thing, x=texts["x"])
    texts["side"] = f"{'above' if above else 'below'} {texts['x']}"
    texts["Side"] = sentence_case(texts["side"])
    return texts


_MEAN_RETURN_LABELS = (
    "mean return",
    "expected return",
    "mean of the return distribution",
    "average return",
    "expected value of the return",
    "centre of the return distribution",
    "arithmetic mean return",
    "mean return forecast",
    "return mean",
    "average expected return",
    "central return estimate",
    "mean return assumption",
)
_SD_RETURN_LABELS = (
    "standard deviation of the return",
    "volatility",
    "return volatility",
    "standard deviation of returns",
    "dispersion of the return",
    "sigma of the return",
    "volatility assumption",
    "return standard deviation",
    "typical deviation from the mean return",
    "stdev of the return",
    "standard deviation of the outcome",
    "width of the return distribution",
)
_MEAN_PNL_LABELS = (
    "mean P&L",
    "expected P&L",
    "mean of the P&L distribution",
    "average P&L",
    "expected value of the P&L",
    "centre of the P&L distribution",
    "arithmetic mean P&L",
    "P&L forecast",
    "P&L mean",
    "average expected profit",
    "central P&L estimate",
    "mean profit",
)
_SD_PNL_LABELS = (
    "standard deviation of the P&L",
    "P&L volatility",
    "volatility of the P&L",
    "standard deviation of profits",
    "dispersion of the P&L",
    "sigma of the P&L",
    "P&L volatility assumption",
    "P&L standard deviation",
    "typical deviation from the mean P&L",
    "stdev of the P&L",
    "standard deviation of the P&L outcome",
    "width of the P&L distribution",
)


NORMAL_PROBABILITY = Family(
    name="normal_probability",
    unit="percent",
    reasoning="Normal tail probability = norm_cdf((threshold - mean) / standard deviation) * "
    "100 below the threshold, or (1 - that cdf) * 100 above it.",
    params=_NP_PARAMS,
    sample=_np_sample,
    render=_np_texts,
    valid=_np_valid,
    aside=side_sentences(_NP_ASIDES),
    formula=_np_formula,
    solve=_np_probability,
    convention="percent: the probability, under a normal distribution with the stated mean and "
    "standard deviation, that the outcome ends below the threshold (the lower tail) or above "
    "it (the upper tail), as the question says; mean, standard deviation and threshold in the "
    "same units (percent returns or currency), a negative threshold being a loss",
    templates=(
        "{Thing} is normally distributed with a mean of {m} and a standard deviation of {s}. "
        "What is the probability that {cond}?",
        "Assume {thing} follows a normal distribution, mean {m}, standard deviation {s}. What "
        "is the probability that {cond}, in percent?",
        "Exam question: {Thing} is normal with expected value {m} and standard deviation {s}. "
        "Calculate the probability that {cond}.",
        "Hi Nadia, quick one for the risk pack: if {thing} is normal with mean {m} and "
        "volatility {s}, what's the chance that {cond}? Thanks, Piet",
        "whats the prob that {cond_full}? normal, mean {m}, sd {s}",
        "Model inputs:\n| mean | standard deviation | threshold |\n|---|---|---|\n"
        "| {m} | {s} | {x} |\n"
        "{Thing} is normal with these parameters. Probability that {cond}?",
        "Assumptions:\n- Distribution: normal\n- Mean: {m}\n- Standard deviation: {s}\n"
        "- Threshold: {x}\n"
        "What is the probability that {cond_full}?",
        "Please help. {Thing} has normal distribution, the mean is {m} and the standard "
        "deviation is {s}. What is probability that {cond}?",
        "My cousin (he runs a bakery and is very suspicious of markets) asked me this. If "
        "{thing} is normal with mean {m} and standard deviation {s}, how likely is it that "
        "{cond}?",
        "Risk note: {thing} ~ normal(mean {m}, sd {s}). P(outcome {side}) = ?",
        "Under a normal model with mean {m} and standard deviation {s}, what percentage chance "
        "is there that {cond_full}?",
        "Question 3. The random variable {thing} is normally distributed with mean {m} and "
        "standard deviation {s}. Find the probability that {cond}.",
        "Dear Ms Okafor, we model {thing} as normal with an expected value of {m} and a "
        "standard deviation of {s}. Could you tell us the probability that {cond}? Kind "
        "regards, Jan",
        "How often should we expect {thing} to come in {side}, if it is normal with mean {m} "
        "and standard deviation {s}? Answer in percent.",
        "Sorry for my English. {Thing} is normal, mean {m}, standard deviation {s}. "
        "Which probability that {cond}?",
        "normal dist, mean {m}, sd {s}. chance that {cond_full}?",
        "If {thing} is normally distributed around {m} with a standard deviation of {s}, what "
        "are the odds, in percent, that {cond}?",
        "Stress-test input: {thing} assumed normal, mean {m}, standard deviation {s}. What is "
        "the probability of an outcome {side}?",
        "Gaussian assumption: mean {m}, standard deviation {s}. What is the probability that "
        "{cond_full}?",
        "For our board slide we assume {thing} is normal with mean {m} and standard deviation "
        "{s}. What share of outcomes land {side}?",
        "Mean {m}, standard deviation {s}, normal distribution. Probability that {cond_full}, "
        "as a percentage?",
        "Threshold {x}; mean {m}; standard deviation {s}; normally distributed. Probability "
        "that {cond_full}?",
    ),
    ood_templates=(
        "Treating {thing} as bell-shaped, centred at {m} and dispersed by {s}, how frequently "
        "does it land {side}?",
        "A Gaussian variate, centred at {m} with dispersion {s}, describes {thing}. Likelihood "
        "of a realisation {side}?",
        "Bell curve assumption: centre {m}, dispersion {s}. Frequency with which {cond_full}?",
    ),
    parts=Parts(
        labels={
            "mu": _MEAN_RETURN_LABELS,
            "sd": _SD_RETURN_LABELS,
            "xb": (
                "return level to fall below",
                "return threshold to end below",
                "return the outcome must fall below",
                "return below which we want the probability",
                "return level to drop under",
                "return level to finish under",
                "threshold the return may fall below",
                "floor the return may fall below",
                "return cut-off to fall short of",
                "return level to come in under",
                "return mark to end up below",
                "return bar to fall short of",
            ),
            "xa": (
                "return level to exceed",
                "return threshold to end above",
                "return the outcome must beat",
                "return above which we want the probability",
                "return level to rise over",
                "return level to finish over",
                "threshold the return may exceed",
                "hurdle the return may beat",
                "return cut-off to surpass",
                "return level to come in above",
                "return mark to end up above",
                "return bar to clear",
            ),
            "M": _MEAN_PNL_LABELS,
            "S": _SD_PNL_LABELS,
            "Xb": (
                "P&L level to fall below",
                "P&L threshold to end below",
                "P&L the outcome must fall below",
                "P&L below which we want the probability",
                "P&L level to drop under",
                "P&L level to finish under",
                "threshold the P&L may fall below",
                "floor the P&L may fall below",
                "P&L cut-off to fall short of",
                "P&L level to come in under",
                "P&L mark to end up below",
                "P&L bar to fall short of",
            ),
            "Xa": (
                "P&L level to exceed",
                "P&L threshold to end above",
                "P&L the outcome must beat",
                "P&L above which we want the probability",
                "P&L level to rise over",
                "P&L level to finish over",
                "threshold the P&L may exceed",
                "hurdle the P&L may beat",
                "P&L cut-off to surpass",
                "P&L level to come in above",
                "P&L mark to end up above",
                "P&L bar to clear",
            ),
            "V": (
                "portfolio value",
                "amount invested",
                "size of the portfolio",
                "assets under management",
                "value of the holdings",
                "capital invested",
                "account value",
                "market value of the portfolio",
                "fund size",
                "position value",
                "current portfolio value",
                "total invested",
            ),
            "K": (
                "capital allocated",
                "desk capital",
                "risk capital",
                "capital behind the book",
                "capital base of the desk",
                "allocated capital",
                "capital at the desk's disposal",
                "book's capital allocation",
                "economic capital",
                "capital budget",
                "capital set aside for the book",
                "trading capital",
            ),
        },
        asks=(
            "What is the probability, assuming a normal distribution?",
            "What is the probability of that outcome, in percent?",
            "How likely is the outcome on that side of the threshold?",
            "Compute the normal tail probability.",
            "What is the chance of landing on the stated side of the threshold?",
            "What is the tail probability under the normal model?",
            "Find the probability, in percent, using the normal distribution.",
            "probability under a normal dist?",
            "What are the odds of that outcome, as a percentage?",
            "How often should that happen, in percent of periods?",
            "What share of outcomes lands on that side?",
            "Work out the probability from the z-score.",
            "What is the normal probability for that threshold?",
            "whats the chance of that, in %?",
            "Use the normal CDF: what is the probability?",
            "What percentage of the distribution lies on that side of the threshold?",
            "How probable is it, under normality?",
            "What is the likelihood of crossing the threshold in that direction?",
            "Give the probability as a percentage, normal distribution assumed.",
            "What does the normal model say the chance is?",
        ),
        ood_labels={
            "mu": ("centre of the bell", "bell-curve centre"),
            "sd": ("bell-curve dispersion", "dispersion of the bell"),
            "xb": ("return mark for undershooting", "mark the return may undershoot"),
            "xa": ("return mark for overshooting", "mark the return may overshoot"),
            "M": ("centre of the bell for the P&L", "bell-curve centre of P&L"),
            "S": ("bell-curve dispersion of P&L", "spread of the P&L bell"),
            "Xb": ("P&L mark for undershooting", "mark the P&L may undershoot"),
            "Xa": ("P&L mark for overshooting", "mark the P&L may overshoot"),
            "V": ("holdings under stewardship", "sum under stewardship"),
            "K": ("equity earmarked for the unit", "earmarked equity"),
        },
        ood_asks=(
            "How frequently does the realisation land past that mark, in percent?",
            "Likelihood of such a realisation under a bell-shaped law?",
            "Determine the frequency of that realisation, bell curve assumed.",
        ),
    ),
)


# --- prob_at_least_one ------------------------------------------------------------------------

# The probability of the event for each item, and the number of independent items. Out of range:
# hundreds of items with a tiny probability each, or two items with a large one.
_ALO_PARAMS: dict[str, Param] = {
    "p": pct((0.5, 30), ((0.01, 0.3), (35, 80)), ood_decimals=2),
    "n": plain((3, 60), ((80, 1000), (2, 2))),
}
NONE_SHARE = 0.4  # of draws: the probability that none happens (else at least one)
# What the events are: items, one item, the verb with a singular and a plural subject, the
# event as a noun.
_EVENTS = (
    ("loans", "loan", "defaults", "default", "defaulting", "a default"),
    ("bonds", "bond", "defaults", "default", "defaulting", "a default"),
    ("trades", "trade", "loses money", "lose money", "losing money", "a losing trade"),
    ("deals", "deal", "falls through", "fall through", "falling through", "a failed deal"),
    ("suppliers", "supplier", "fails", "fail", "failing", "a supplier failure"),
    (
        "projects",
        "project",
        "runs over budget",
        "run over budget",
        "running over budget",
        "an overrun",
    ),
    (
        "counterparties",
        "counterparty",
        "defaults",
        "default",
        "defaulting",
        "a counterparty default",
    ),
    ("startup investments", "startup investment", "fails", "fail", "failing", "a write-off"),
)
_AT_LEAST_ONE = (
    "at least one of the {items} {verb_s}",
    "at least one {item} {verb_s}",
    "one or more of the {items} {verb}",
)
_NONE = (
    "none of the {items} {verb_s}",
    "no {item} {verb_s}",
    "not a single {item} {verb_s}",
)
_AT_LEAST_ONE_WANTED = (
    "at least one of the {items} {verb_ing}",
    "one or more {items} {verb_ing}",
    "at least one {item} {verb_ing}",
)
_NONE_WANTED = (
    "none of the {items} {verb_ing}",
    "no {item} {verb_ing} at all",
    "not one of the {items} {verb_ing}",
)
# Side figure: the amount at stake in each item, which the probability does not need.
_ALO_SIDE = {"E": money((5_000, 2_000_000), ())}
_ALO_ASIDES = {
    "E": (
        "Each one is {E} in size.",
        "Every position is about {E}.",
        "The exposure to each is {E}.",
        "Each ticket is worth {E}.",
        "Each carries roughly {E} of notional.",
    )
}


def _alo_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    nums = draw_params(_ALO_PARAMS, rng, ood)
    nums["n"] = Num(float(round(nums["n"].value)), 0, "plain")
    key = "pn" if rng.random() < NONE_SHARE else "p"
    nums = {(key if k == "p" else k): num for k, num in nums.items()}
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["E"] = _ALO_SIDE["E"].draw(rng, False)
    return nums


def _alo_probability(v: Mapping[str, float]) -> float:
    """The number of events by a binomial recursion over the items; at least one is every count
    from one up, none the count zero."""
    none = "pn" in v
    p = (v["pn"] if none else v["p"]) / 100
    counts = [1.0]  # probability of each number of events so far
    for _ in range(round(v["n"])):
        counts = [
            (counts[j] if j < len(counts) else 0.0) * (1 - p)
            + (counts[j - 1] * p if j >= 1 else 0.0)
            for j in range(len(counts) + 1)
        ]
    return (counts[0] if none else math.fsum(counts[1:])) * 100


def _alo_formula(f: Mapping[str, str]) -> str:
    # The case asked is named, never turned into a choice of taking the result from 1 (run BR
    # wrote the other case in 3 of its 4 tuning-set misses; experiments.md, session 41).
    if "pn" in f:
        return f'chance("none",{f["pn"]}/100,{f["n"]})*100'
    return f'chance("at least one",{f["p"]}/100,{f["n"]})*100'


def _alo_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{items}``, ``{item}``, ``{verb_s}`` ("defaults"), ``{verb}``
    ("default") and ``{event}`` ("a default") for one kind of event; ``{case}``: the case wanted
    as a clause ("at least one of the loans defaults", "none of the loans defaults");
    ``{want}``: the same as a noun phrase, what composed questions show; ``{p_any}``: the
    probability whichever case is drawn."""
    texts = number_texts(rng, nums)
    items, item, verb_s, verb, verb_ing, event = rng.choice(_EVENTS)
    words = {
        "items": items,
        "item": item,
        "verb_s": verb_s,
        "verb": verb,
        "verb_ing": verb_ing,
        "event": event,
    }
    texts.update(words)
    none = "pn" in nums
    texts["p_any"] = texts["pn" if none else "p"]
    texts["case"] = rng.choice(_NONE if none else _AT_LEAST_ONE).format(**words)
    texts["want"] = rng.choice(_NONE_WANTED if none else _AT_LEAST_ONE_WANTED).format(**words)
    texts["Case"] = sentence_case(texts["case"])
    return texts


_P_LABELS = (
    "probability for each one",
    "probability per item",
    "chance for each item",
    "individual probability",
    "probability of the event for each item",
    "per-item probability",
    "single-item probability",
    "stand-alone probability",
    "likelihood for each one",
    "probability for any one item",
    "chance per item",
    "probability of the event happening to each",
)
PROB_AT_LEAST_ONE = Family(
    name="prob_at_least_one",
    unit="percent",
    reasoning="Probability over n independent events = (1 - (1 - p)^n) * 100 for at least one "
    "of them, or (1 - p)^n * 100 for none.",
    params={**_ALO_PARAMS, "pn": _ALO_PARAMS["p"]},
    sample=_alo_sample,
    render=_alo_texts,
    valid=lambda v: 0.5 <= _alo_probability(v) <= 99.5,
    aside=side_sentences(_ALO_ASIDES),
    formula=_alo_formula,
    solve=_alo_probability,
    convention="percent: the probability, over n independent events that each happen with the "
    "stated probability, that at least one happens (one minus the chance that none does) or "
    "that none happens, as the question asks",
    templates=(
        "There are {n} independent {items}, each of which {verb_s} with probability {p_any}. "
        "What is the probability that {case}?",
        "We are exposed to {n} {items}. Each {verb_s} with probability {p_any}, independently "
        "of the others. What is the probability that {case}, in percent?",
        "Exam question: {n} independent {items} each have a probability of {p_any} that they "
        "{verb}. Calculate the probability that {case}.",
        "Hi Lars, we've got {n} {items} on our list and each {verb_s} with probability {p_any}, "
        "independently. What's the chance that {case}? Cheers, Mona",
        "{n} {items}, each {p_any} chance it {verb_s}, independent. whats the prob {case}?",
        "Our numbers:\n| number of {items} | probability each {verb_s} |\n|---|---|\n"
        "| {n} | {p_any} |\n"
        "Assuming independence, what is the probability that {case}?",
        "Setup:\n- Number of {items}: {n}\n- Probability that each {verb_s}: {p_any}\n"
        "- Independent: yes\nWhat is the probability that {case}?",
        "Please help me. I have {n} {items}, for each one the probability that it {verb_s} is "
        "{p_any}. They are independent. What is probability that {case}?",
        "My sister, who collects vintage typewriters, is looking at {n} {items}; each {verb_s} "
        "with probability {p_any}, independently. What is the chance that {case}?",
        "Risk memo: {n} independent {items}, p = {p_any} each. P({case}) = ?",
        "If each of {n} independent {items} {verb_s} with probability {p_any}, how likely is "
        "it that {case}?",
        "Question 4. Consider {n} {items} whose outcomes are independent. Each {verb_s} with "
        "probability {p_any}. Find the probability that {case}.",
        "Dear Tomas, across our {n} {items} the probability that any given one {verb_s} is "
        "{p_any}, and we treat them as independent. What is the probability that {case}? "
        "Best regards, Ines",
        "What are the odds that {case}, when there are {n} of them and each {verb_s} "
        "independently with probability {p_any}?",
        "Sorry for my English. We have {n} {items}, every one {verb_s} with probability "
        "{p_any}, independent. Which is the probability that {case}?",
        "ok so {n} {items}, each {verb_s} {p_any} of the time, all independent. chance that "
        "{case}?",
        "Probability check: {p_any} per item, {n} independent {items}. How likely is it that "
        "{case}?",
        "We are looking at {n} {items}. Historically each {verb_s} with probability {p_any}, "
        "and we assume independence. What percentage chance is there that {case}?",
        "Independent events: {n} {items}, probability {p_any} that each {verb_s}. Probability "
        "that {case}?",
        "How likely is it, in percent, that {case}, if there are {n} independent {items} and "
        "each {verb_s} with probability {p_any}?",
        "With {n} independent {items} and a probability of {p_any} that any one {verb_s}, what "
        "is the chance that {case}?",
    ),
    ood_templates=(
        "Across {n} unrelated {items}, every single one {verb_s} with likelihood {p_any}. How "
        "plausible is the situation where {case}?",
        "Tally of unrelated {items}: {n}. Individual likelihood that one {verb_s}: {p_any}. "
        "Plausibility that {case}?",
        "Supposing {n} mutually unconnected {items}, each prone to {event} with likelihood "
        "{p_any}, gauge how plausible it is that {case}.",
    ),
    parts=Parts(
        labels={
            "p": _P_LABELS,
            "pn": _P_LABELS,
            "n": (
                "number of independent items",
                "item count",
                "number of items",
                "pool size",
                "count of independent exposures",
                "number of independent cases",
                "number of names in the pool",
                "number of independent trials",
                "size of the pool",
                "number of independent positions",
                "headcount of items",
                "total number of items",
            ),
            "want": (
                "event of interest",
                "outcome asked about",
                "scenario to price",
                "event in question",
                "case we need",
                "outcome of interest",
                "target event",
                "case to evaluate",
                "situation asked about",
                "scenario of interest",
                "event to assess",
                "outcome to evaluate",
            ),
            "E": (
                "exposure per item",
                "size of each position",
                "amount at stake in each",
                "notional of each one",
                "ticket size",
                "exposure to each",
                "amount in each",
                "size of each exposure",
                "average position size",
                "value of each item",
                "stake per item",
                "notional per item",
            ),
        },
        asks=(
            "What is the probability of the event of interest?",
            "What is the probability, assuming independence?",
            "How likely is that outcome, in percent?",
            "Compute the probability of the stated case.",
            "What are the odds of that, as a percentage?",
            "What is the chance, treating the items as independent?",
            "Find the probability of the case asked about.",
            "probability of that?",
            "whats the chance of that happening?",
            "What percentage chance does that case have?",
            "Work out the probability across the independent items.",
            "How probable is that outcome for the pool?",
            "What is the probability for the whole pool?",
            "Give the probability in percent.",
            "What is the likelihood of that scenario?",
            "How often would that happen, in percent?",
            "What is the combined probability over all the items?",
            "Calculate the probability with independent events.",
            "What is the chance for the group as a whole?",
            "Using independence, what probability do you get?",
        ),
        ood_labels={
            "p": ("individual likelihood", "likelihood for every single one"),
            "pn": ("individual likelihood", "likelihood for every single one"),
            "n": ("tally of unrelated items", "count of unrelated items"),
            "want": ("situation to gauge", "plausibility sought"),
            "E": ("sum riding on each", "amount riding on every one"),
        },
        ood_asks=(
            "How plausible is that situation?",
            "Gauge the plausibility of that situation.",
            "What plausibility attaches to that situation?",
        ),
    ),
)


# --- historical_expected_shortfall -------------------------------------------------------------

# The worst outcome of the history, as a loss (P&L ``L1``, shown "-$4,820") or a return (``R1``,
# shown "-4.21%", applied to a position ``V``); the next ones each a little smaller, worst first.
# The tail size ``k``, or a confidence level ``c`` and a number of scenarios ``N``.
_ES_PARAMS: dict[str, Param] = {
    "L1": money((800, 900_000), ((2_000_000, 80_000_000), (20, 400))),
    "R1": pct((1.5, 12), ((15, 45), (0.1, 0.9)), decimals=2),
    "V": money((50_000, 50_000_000), ((80_000_000, 2_000_000_000), (1000, 20_000))),
    "k": plain((3, 6), ((8, 12),)),
}
MAX_ITEMS = 15
RETURNS_SHARE = 0.4  # of draws: returns applied to a position (else P&L amounts)
STATED_K_SHARE = 0.5  # of draws: the tail size stated (else a confidence and a scenario count)
# (confidence %, scenarios) whose tail holds 3 to 6 scenarios, and out of range 8 to 12.
_TAILS = (
    (95.0, 60),
    (95.0, 80),
    (95.0, 100),
    (95.0, 120),
    (97.5, 120),
    (97.5, 160),
    (97.5, 200),
    (97.5, 240),
    (99.0, 300),
    (99.0, 400),
    (99.0, 500),
    (99.0, 600),
    (90.0, 30),
    (90.0, 50),
)
_OOD_TAILS = ((99.0, 1000), (97.5, 400), (95.0, 200), (99.0, 800), (97.5, 320), (95.0, 240))
# Side figure: a portfolio's value beside P&L amounts that already are in currency (drawn from
# the worst loss in _es_sample).
_ES_ASIDES = {
    "W": (
        "The portfolio is worth {W}.",
        "For context, the book's market value is {W}.",
        "The fund has {W} under management.",
        "Gross market value of the positions: {W}.",
        "Holdings under stewardship amount to {W}.",
    )
}


def _tail_size(v: Mapping[str, float] | Values) -> int:
    """The number of worst outcomes averaged: stated, or scenarios * (1 - confidence)."""
    if "k" in v:
        k = v["k"]
        return round(k.value if isinstance(k, Num) else k)
    c, n = v["c"], v["N"]
    c = c.value if isinstance(c, Num) else c
    n = n.value if isinstance(n, Num) else n
    return round(n * (100 - c) / 100)


def _item_keys(v: Values | Mapping[str, object]) -> list[str]:
    prefix = "R" if "R1" in v else "L"
    return [f"{prefix}{i}" for i in range(1, MAX_ITEMS + 1) if f"{prefix}{i}" in v]


def _es_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    band = rng.randrange(2)
    nums: dict[str, Num] = {}
    if rng.random() < STATED_K_SHARE:
        k = _ES_PARAMS["k"].draw(rng, ood, band)
        nums["k"] = k
        size = round(k.value)
    else:
        c, n = rng.choice(_OOD_TAILS if ood else _TAILS)
        nums["c"] = Num(c, 0 if c.is_integer() else 1, "pct")
        nums["N"] = Num(float(n), 0, "plain")
        size = round(n * (100 - c) / 100)
    listed = size + rng.choice((1, 2, 2, 3))
    returns = rng.random() < RETURNS_SHARE
    first = _ES_PARAMS["R1" if returns else "L1"].draw(rng, ood, band)
    values = [first.value]
    for _ in range(listed - 1):
        values.append(values[-1] * rng.uniform(0.8, 0.97))
    if returns:
        decimals = first.decimals if first.value < 1 else rng.choice((1, 2, 2))
        shown = [round(x, decimals) for x in values]
        kind = "pct"
    else:
        figures = rng.choice((3, 3, 4))
        shown = [significant(x, figures, whole=True) for x in values]
        decimals, kind = 0, "money"
    for i, value in enumerate(shown, 1):  # the size of each loss; questions show it negative
        nums[f"{'R' if returns else 'L'}{i}"] = Num(value, decimals, kind)
    if returns:
        nums["V"] = _ES_PARAMS["V"].draw(rng, ood, band)
    elif rng.random() < SIDE_FIGURE_SHARE:  # a book 20 to 300 times its worst day's loss
        raw = first.value * math.exp(rng.uniform(math.log(20), math.log(300)))
        nums["W"] = Num(significant(raw, rng.choice((2, 3)), whole=True), 0, "money")
    return nums


def _es_valid(v: Mapping[str, float]) -> bool:
    losses = [v[key] for key in _item_keys(v)]
    # strictly decreasing losses (so the worst k are plain to see), more listed than averaged
    decreasing = all(a > b > 0 for a, b in itertools.pairwise(losses))
    return decreasing and len(losses) > _tail_size(v)


def _es(v: Mapping[str, float]) -> float:
    """The k largest losses picked from the whole list (sorted afresh) and averaged; returns are
    turned into amounts on the position first."""
    keys = _item_keys(v)
    losses = sorted((v[key] for key in keys), reverse=True)
    if "R1" in v:
        losses = [loss / 100 * v["V"] for loss in losses]
    worst = losses[: _tail_size(v)]
    return math.fsum(worst) / len(worst)


def _es_formula(f: Mapping[str, str]) -> str:
    keys = _item_keys(f)[: _tail_size({k: float(x) for k, x in f.items()})]
    # each loss with the minus sign the question shows it with ("-4820")
    inner = ",".join(f"-{f[key]}" for key in keys)
    if "R1" in f:
        return f"-mean({inner})/100*{f['V']}"
    return f"-mean({inner})"


_K_CLAUSES = (
    "averaging the worst {k} outcomes",
    "as the average of the {k} worst outcomes",
    "over the worst {k} scenarios",
    "using the {k} worst scenarios",
)
_CN_CLAUSES = (
    "at {c} confidence over {N} scenarios",
    "at the {c} level, from {N} historical scenarios",
    "at {c} confidence, the history having {N} scenarios",
    "at the {c} confidence level with {N} scenarios in total",
)


def _es_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, losses with a leading sign ("-$4,820", "-4.21%"); ``{outs}``: the
    outcomes in a line, worst first; ``{outs_list}``: one per line; ``{outs_table}``: a markdown
    table with their ranks; ``{basis}``: how many to average, as a clause after "expected
    shortfall" ("averaging the worst 5 outcomes", "at 97.5% confidence over 200 scenarios");
    ``{what}``: what the outcomes are ("daily P&L", "daily return"); ``{pos}``: the position
    clause for returns ("on a position of $2,500,000"), empty for P&L."""
    texts = number_texts(rng, nums)
    keys = _item_keys(nums)
    returns = keys[0].startswith("R")
    for key in keys:  # a loss as the P&L report shows it: "-$4,820", "USD -4,820", "-4.21%"
        text = texts[key]
        texts[key] = (
            f"{text[:4]}-{text[4:]}" if text[:4] in ("USD ", "EUR ", "GBP ") else f"-{text}"
        )
    outs = [texts[key] for key in keys]
    texts["what"] = rng.choice(
        ("daily return", "one-day return", "historical daily return")
        if returns
        else ("daily P&L", "scenario P&L", "one-day P&L", "simulated P&L")
    )
    texts["outs"] = ", ".join(outs)
    texts["outs_list"] = "\n".join(f"- {out}" for out in outs)
    rows = "\n".join(f"| {i} | {out} |" for i, out in enumerate(outs, 1))
    header = rng.choice(("Rank", "Worst #", "Scenario rank"))
    texts["outs_table"] = f"| {header} | {sentence_case(texts['what'])} |\n|---|---|\n{rows}"
    if "k" in nums:
        texts["basis"] = rng.choice(_K_CLAUSES).format(**texts)
    else:
        texts["basis"] = rng.choice(_CN_CLAUSES).format(**texts)
    if returns:
        texts["pos"] = rng.choice(
            (" on a position of {V}", " for a portfolio worth {V}", " on a holding of {V}")
        ).format(**texts)
    else:
        texts["pos"] = ""
    texts["rtail" if returns else "tail"] = texts["outs"]
    return texts


_OUTCOME_LABELS = (
    "tail of the {w} distribution",
    "list of worst {w} outcomes",
    "worst end of the {w} history",
    "ranked {w} tail",
    "left tail of the {w} history",
    "sorted worst-case {w} series",
    "set of worst historical {w} figures",
    "worst slice of the {w} history",
    "ordered {w} tail",
    "bottom of the sorted {w} vector",
    "run of worst {w} observations",
    "worst-first {w} list",
)
HISTORICAL_EXPECTED_SHORTFALL = Family(
    name="historical_expected_shortfall",
    unit="currency",
    reasoning="Historical expected shortfall = average of the k worst losses in the scenario "
    "list (k = scenarios * (1 - confidence)), returns applied to the position value.",
    params=_ES_PARAMS,
    sample=_es_sample,
    render=_es_texts,
    valid=_es_valid,
    aside=side_sentences(_ES_ASIDES),
    formula=_es_formula,
    solve=_es,
    convention="currency, a positive loss: the average of the k worst outcomes of the historical "
    "list, where k is stated or is the number of scenarios times (1 - confidence); outcomes "
    "given as returns are applied to the position value; the outcomes are listed worst first, "
    "some beyond the k needed",
    templates=(
        "The worst {what} figures from our historical simulation, worst first, are {outs}. "
        "What is the historical expected shortfall{pos}, {basis}?",
        "Historical ES{pos}, {basis}. Worst {what} outcomes, worst first:\n{outs_list}",
        "Exam question: A historical simulation gives the following worst {what} outcomes, "
        "sorted from worst: {outs}. Calculate the expected shortfall{pos}, {basis}.",
        "Hi Keisha, the tail of the {what} history is {outs} (worst first). Can you work out "
        "the expected shortfall{pos}, {basis}? Thanks, Oleg",
        "worst {what}s: {outs}. whats the ES{pos} {basis}?",
        "Tail of the history:\n{outs_table}\n\nThese are the worst {what} outcomes from the "
        "history. Expected shortfall{pos}, {basis}?",
        "ES request:\n- Method: historical simulation\n"
        "- Worst outcomes ({what}, worst first): {outs}\n"
        "- Tail: {basis}\nWhat is the expected shortfall{pos}?",
        "Please help me. From historical data the worst {what} outcomes are {outs}. I need "
        "the expected shortfall{pos}, {basis}. How much is it?",
        "My flatmate (who insists on alphabetising the spice rack) asked me this. The worst "
        "{what} figures in the sample are {outs}. What is the historical expected "
        "shortfall{pos}, {basis}?",
        "Risk report draft: worst {what}s {outs}. ES{pos}, {basis} = ?",
        "What is the average loss in the tail{pos}, {basis}, if the worst {what} outcomes "
        "are {outs}?",
        "Question 6. The lowest {what} observations in a historical sample, ranked from worst, "
        "are {outs}. Compute the historical expected shortfall{pos}, {basis}.",
        "Dear Dr Brandt, our backtest's worst {what} outcomes are {outs}, worst first. Could "
        "you confirm the expected shortfall{pos}, {basis}? With thanks, Yusuf",
        "Sorry for my English. The worst {what} in the history are {outs}. Which is the "
        "expected shortfall{pos}, {basis}?",
        "ok so the tail is {outs} ({what}, worst first). ES{pos} {basis}?",
        "Conditional VaR{pos}, {basis}, from this list of worst {what} outcomes: {outs}.",
        "We rank the historical {what} outcomes and the worst are:\n{outs_list}\nWhat is the "
        "expected shortfall{pos}, {basis}?",
        "How much do we lose on average in the tail{pos}, {basis}? Worst {what} outcomes: {outs}.",
        "Non-parametric expected shortfall{pos}, {basis}; worst {what} outcomes: {outs}. "
        "Result as a positive loss?",
        "CVaR check{pos}. Worst {what} observations, worst first: {outs}. Compute it {basis}.",
        "Given the worst {what} outcomes {outs}, what is the historical expected "
        "shortfall{pos}, {basis}?",
    ),
    ood_templates=(
        "Replaying history, the most painful {what} readings, harshest first, were {outs}. "
        "Mean damage across the extreme region{pos}, {basis}?",
        "Extreme-region readings ({what}, harshest first):\n{outs_list}\nGauge the mean "
        "damage{pos}, {basis}.",
        "Gauge the typical damage inside the extreme region{pos}, {basis}, given harshest "
        "{what} readings of {outs}.",
    ),
    parts=Parts(
        labels={
            "tail": tuple(label.format(w="P&L") for label in _OUTCOME_LABELS),
            "rtail": tuple(label.format(w="return") for label in _OUTCOME_LABELS),
            "k": (
                "number of worst outcomes to average",
                "tail size",
                "count of tail scenarios",
                "number of tail observations",
                "number of scenarios in the tail",
                "tail count",
                "number of worst scenarios averaged",
                "size of the tail",
                "tail scenario count",
                "number of losses to average",
                "count of worst outcomes used",
                "number of observations beyond the VaR",
            ),
            "c": (
                "confidence level",
                "ES confidence level",
                "confidence",
                "confidence level of the shortfall",
                "tail confidence level",
                "chosen confidence level",
                "confidence level used",
                "percentile level",
                "coverage level",
                "confidence setting",
                "level of confidence",
                "shortfall confidence",
            ),
            "N": (
                "number of scenarios",
                "scenario count",
                "number of historical scenarios",
                "length of the history",
                "number of observations",
                "sample size",
                "number of days in the lookback",
                "lookback length",
                "size of the historical sample",
                "count of scenarios",
                "history length in days",
                "number of simulated days",
            ),
            "V": (
                "position value",
                "portfolio value",
                "market value of the position",
                "size of the position",
                "current value of the holding",
                "notional of the position",
                "value of the portfolio",
                "exposure",
                "position size",
                "amount invested",
                "holding value",
                "book value of the position",
            ),
            "W": (
                "portfolio value",
                "market value of the book",
                "size of the portfolio",
                "assets under management",
                "gross market value",
                "value of the holdings",
                "fund size",
                "book size",
                "current portfolio value",
                "total exposure",
                "capital invested",
                "value of the book",
            ),
        },
        asks=(
            "What is the historical expected shortfall?",
            "What is the expected shortfall, as a positive loss?",
            "Compute the historical ES.",
            "What is the average loss in the tail?",
            "What is the CVaR from the historical data?",
            "How much is lost on average in the worst cases?",
            "Work out the conditional VaR from the list.",
            "What is the ES from the historical simulation?",
            "expected shortfall?",
            "whats the historical ES?",
            "What is the mean of the tail losses?",
            "What is the expected tail loss?",
            "Find the non-parametric expected shortfall.",
            "What loss should we report as expected shortfall?",
            "What is the average of the losses beyond the VaR?",
            "Compute the average tail loss, in currency.",
            "What is the historical-simulation ES figure for the report?",
            "How big is the expected shortfall, in money terms?",
            "What is the conditional value at risk?",
            "What average loss do the worst scenarios imply?",
        ),
        ood_labels={
            "tail": ("harshest P&L readings", "extreme-region P&L readings"),
            "rtail": ("harshest return readings", "extreme-region return readings"),
            "k": ("extreme-region headcount", "headcount of harshest readings"),
            "c": ("assurance grade", "grade of assurance"),
            "N": ("replayed history span", "span of replayed history"),
            "V": ("stake held", "holding at stake"),
            "W": ("holdings under stewardship", "sum under stewardship"),
        },
        ood_asks=(
            "Gauge the mean damage across the extreme region.",
            "Typical damage inside the extreme region?",
            "How severe is the mean damage among the harshest readings?",
        ),
    ),
)


# --- growing_annuity_pv -----------------------------------------------------------------------

# The first payment, one year from now (``C``) or today (``Cd``, an annuity due); the discount
# rate; the growth; the number of yearly payments. Out of range: a large institution's stream,
# or a small one at low rates; a long stream, or two payments.
_GA_PAYMENT = money((1000, 500_000), ((1_000_000, 50_000_000), (50, 800)))
_GA_PARAMS: dict[str, Param] = {
    "C": _GA_PAYMENT,
    "r": pct((3, 12), ((13, 25), (0.5, 2.5)), ood_decimals=2),
    "g": pct((0.5, 5), ((5.5, 11), (0.05, 0.4)), ood_decimals=2),
    "n": plain((3, 40), ((45, 70), (2, 2))),
}
DUE_SHARE = 0.4  # of draws: the first payment today (else one year from now)
# Side figure: a lump sum offered instead of the stream.
_GA_SIDE = {"B": money((20_000, 20_000_000), ())}
_GA_ASIDES = {
    "B": (
        "There is also a lump-sum offer of {B} on the table.",
        "Alternatively, we could take {B} in cash instead.",
        "The other side has offered to buy the stream out for {B}.",
        "A cash-out of {B} is available instead, but that is a separate decision.",
        "Someone proposed a single settlement of {B} in place of it.",
    )
}
_ORDINARY_CLAUSES = (
    "the first payment, {pay}, comes one year from now",
    "the first payment of {pay} is due at the end of the first year",
    "the first payment of {pay} arrives in one year",
    "the first payment, due a year from today, is {pay}",
)
_DUE_CLAUSES = (
    "the first payment, {pay}, is made today",
    "the first payment of {pay} is due immediately",
    "the first payment of {pay} is paid today",
    "the first payment, {pay}, is received right away",
)
_ORDINARY_NAMES = (
    "first payment (in one year)",
    "payment at end of year one",
    "first payment (end of year one)",
)
_DUE_NAMES = ("first payment (paid today)", "payment today", "first payment (today)")


def _ga_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    nums = draw_params(_GA_PARAMS, rng, ood)
    nums["n"] = Num(float(round(nums["n"].value)), 0, "plain")
    if rng.random() < DUE_SHARE:
        nums = {("Cd" if key == "C" else key): num for key, num in nums.items()}
    if rng.random() < SIDE_FIGURE_SHARE:
        # an offer near what the stream is worth (below or above it), as buyers make them
        value = _ga_value({key: num.value for key, num in nums.items()})
        nums["B"] = Num(significant(value * rng.uniform(0.75, 1.1), 2, whole=True), 0, "money")
    return nums


def _ga_value(v: Mapping[str, float]) -> float:
    """Each payment grown from the first and discounted from its own date, one year at a time;
    the first one today (annuity due) or a year from now."""
    rate, growth = v["r"] / 100, v["g"] / 100
    due = "Cd" in v
    payment = v["Cd"] if due else v["C"]
    total = 0.0
    for year in range(round(v["n"])):
        when = year if due else year + 1
        total += payment / (1 + rate) ** when
        payment *= 1 + growth
    return total


def _ga_formula(f: Mapping[str, str]) -> str:
    r, g = f"{f['r']}/100", f"{f['g']}/100"
    pay = f["Cd"] if "Cd" in f else f["C"]
    ordinary = f"{pay}/({r}-{g})*(1-((1+{g})/(1+{r}))**{f['n']})"
    return f"{ordinary}*(1+{r})" if "Cd" in f else ordinary


def _ga_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{pay}``: the first payment; ``{first}``: a clause saying when it is
    made ("the first payment, $12,000, comes one year from now"); ``{first_name}``
    (``{First_name}``): its name in a table; ``{years}``: "25 years"; ``{timing}``: "first payment
    today" or "first payment in one year", for terse notes."""
    texts = number_texts(rng, nums)
    due = "Cd" in nums
    texts["pay"] = texts["Cd" if due else "C"]
    texts["first"] = rng.choice(_DUE_CLAUSES if due else _ORDINARY_CLAUSES).format(**texts)
    texts["First"] = sentence_case(texts["first"])
    name = rng.choice(_DUE_NAMES if due else _ORDINARY_NAMES)
    texts["first_name"], texts["First_name"] = name, sentence_case(name)
    texts["timing"] = rng.choice(
        ("first payment today", "first one paid today", "annuity due, first payment now")
        if due
        else ("first payment in one year", "first one a year from now", "payments in arrears")
    )
    return texts


GROWING_ANNUITY_PV = Family(
    name="growing_annuity_pv",
    unit="currency",
    reasoning="Growing annuity value = first payment / (r - g) * (1 - ((1 + g) / (1 + r))^n), "
    "times (1 + r) when the first payment is made today.",
    params={**_GA_PARAMS, "Cd": _GA_PAYMENT},
    sample=_ga_sample,
    render=_ga_texts,
    valid=lambda v: v["r"] - v["g"] >= 1.0,
    aside=side_sentences(_GA_ASIDES),
    formula=_ga_formula,
    solve=_ga_value,
    convention="currency: the value today of n yearly payments, each one larger than the one "
    "before by the growth rate, discounted at the stated rate; the first payment one year from "
    "now (ordinary) or today (annuity due: the ordinary value times 1 + r), as the question says",
    templates=(
        "A pension pays for {n} years with cost-of-living increases of {g} a year; {first}. At "
        "a discount rate of {r}, what is the pension worth today?",
        "What is the present value of {n} annual payments growing at {g} per year, if {first} "
        "and the discount rate is {r}?",
        "Exam question: A growing annuity makes {n} yearly payments that rise by {g} each year. "
        "Given that {first}, and a discount rate of {r}, calculate its present value.",
        "Hi Rosa, the lease runs {n} years with rent escalating {g} a year; {first}. Using "
        "{r} as our discount rate, what's the lease worth today? Thanks, Dev",
        "pv of a growing annuity? {n} yrs, grows {g}/yr, disc rate {r}, {first}",
        "Stream details:\n| {first_name} | growth per year | discount rate | years |\n"
        "|---|---|---|---|\n| {pay} | {g} | {r} | {n} |\nPresent value of the growing payments?",
        "Payment terms:\n- {First_name}: {pay}\n- Growth: {g} a year\n- Discount rate: {r}\n"
        "- Number of yearly payments: {n}\nWhat is the stream worth today?",
        "Please help. I will receive a salary for {n} years, and it goes up {g} every year; "
        "{first}. With discount rate {r}, how much is all of it worth now?",
        "My aunt (she keeps bees on a rooftop in Lyon) is being offered a royalty for {n} "
        "years that rises {g} a year; {first}. Discounting at {r}, what is it worth today?",
        "Valuation note: {n}-year escalating lease, escalation {g} p.a., {timing}, {pay} "
        "first payment, discount rate {r}. PV = ?",
        "How much is a stream of {n} yearly cash flows worth today if each grows {g} on the "
        "one before and {first}? Use a discount rate of {r}.",
        "Question 8. A retiree receives an inflation-linked annuity for {n} years, increasing "
        "by {g} per year. {First}. If the discount rate is {r}, find the present value.",
        "Dear Mr Haddad, the settlement pays you annually for {n} years, rising {g} each year, "
        "and {first}. At {r} a year, the present value of the settlement is what we need. "
        "Regards, Clara",
        "ok so {n} payments, one a year, growing {g}, {first}. rate {r}. whats the pv",
        "Sorry for my English. Contract gives us money each year for {n} years, every year "
        "{g} more; {first}. Discount rate is {r}. What is the value today?",
        "Growing annuity: g = {g}, r = {r}, {n} years; {first}. Present value?",
        "What lump sum today is equivalent to {n} yearly payments rising {g} a year, "
        "discounted at {r}, where {first}?",
        "We are pricing a service contract that runs {n} years, its fee growing {g} a year; "
        "{first}. Money costs us {r} a year. What is the contract worth today?",
        "A scholarship pays a student each year for {n} years, increasing {g} annually; "
        "{first}. At {r}, what must the fund hold today?",
        "Lease valuation: {n} annual rents escalating at {g}; {first}. Discount rate {r}. "
        "Value today?",
        "I'm valuing a royalty lasting {n} years that grows {g} a year ({timing}; first "
        "payment {pay}). Discount rate {r}. What's it worth?",
    ),
    ood_templates=(
        "Appraise a finite run of {n} receipts, each climbing {g} on its predecessor; {first}. "
        "Money is priced at {r}. Single figure now?",
        "A benefactor disburses yearly across {n} cycles, indexed upward by {g} per cycle; "
        "{first}. Taking {r} as the bar to clear, appraise the bequest.",
        "Receipts indexed upward at {g} per annum over {n} cycles; {first}. Appraised at {r}, "
        "what single sum matches them?",
    ),
    parts=Parts(
        labels={
            "C": (
                "first payment, due in one year",
                "payment at the end of year one",
                "first-year payment, paid at year end",
                "first payment a year from now",
                "year-one cash flow, received at year end",
                "next payment, in twelve months",
                "first cash flow at the end of the first year",
                "first annual payment, due next year",
                "first payment in arrears",
                "payment arriving a year from today",
                "first instalment, at the end of year one",
                "initial payment, one year out",
            ),
            "Cd": (
                "first payment, made today",
                "payment due today",
                "first payment, paid immediately",
                "first cash flow, received now",
                "today's first payment",
                "first annual payment, made at once",
                "first instalment, paid now",
                "first payment at time zero",
                "payment received right away",
                "first payment paid in advance",
                "initial payment today",
                "first cash flow on day one",
            ),
            "r": (
                "discount rate",
                "required return",
                "discount rate per year",
                "cost of capital",
                "annual discount rate",
                "hurdle rate",
                "opportunity cost of capital",
                "rate used for discounting",
                "required rate of return",
                "yield required",
                "discounting rate",
                "valuation rate",
            ),
            "g": (
                "growth rate",
                "annual escalation",
                "growth per year",
                "payment growth rate",
                "cost-of-living increase",
                "yearly increase in the payment",
                "escalation rate",
                "rate at which payments grow",
                "annual raise",
                "indexation rate",
                "yearly step-up",
                "growth of each payment",
            ),
            "n": (
                "number of yearly payments",
                "term in years",
                "number of years",
                "number of payments",
                "length of the stream in years",
                "duration in years",
                "payment count",
                "lease term in years",
                "years of payments",
                "horizon in years",
                "count of annual payments",
                "number of annual instalments",
            ),
            "B": (
                "lump sum offered instead",
                "cash-out offer",
                "buyout offer",
                "lump-sum alternative",
                "settlement offered in cash",
                "single payment on offer instead",
                "commutation offer",
                "cash alternative",
                "offer to buy out the stream",
                "one-off payment offered",
                "buy-out price proposed",
                "lump sum on the table",
            ),
        },
        asks=(
            "What is the present value of the growing annuity?",
            "What is the stream worth today?",
            "Value the growing annuity.",
            "What is the PV of the payments?",
            "How much are the rising payments worth now?",
            "What lump sum today is equivalent to the growing payments?",
            "Compute the present value of the escalating payments.",
            "growing annuity pv?",
            "What would a buyer pay today for the stream at that discount rate?",
            "What is the capital value of the escalating stream?",
            "How big must a fund be today to pay for these payments?",
            "What is the value today of the finite growing stream?",
            "Work out the present value of the rising cash flows.",
            "whats the pv of the payments?",
            "What is today's value of all the payments, growth included?",
            "Find the present value of the payments growing at a constant rate.",
            "What is the discounted value of the escalating payments?",
            "What is the lease or pension worth in today's money?",
            "What price today is fair for the right to these payments?",
            "What is the value of the stream, discounted to today?",
        ),
        ood_labels={
            "C": ("opening receipt after one cycle", "inaugural receipt, a cycle hence"),
            "Cd": ("opening receipt at inception", "receipt settled at inception"),
            "r": ("bar to clear", "rate for appraisal"),
            "g": ("indexation pace", "pace of upward indexation"),
            "n": ("cycles in the run", "run length in cycles"),
            "B": ("single settlement proposed", "proposed single settlement"),
        },
        ood_asks=(
            "What single figure now matches the finite climbing receipts?",
            "Appraise the indexed run of receipts.",
            "Which present figure equates to the whole run?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    NORMAL_PROBABILITY,
    PROB_AT_LEAST_ONE,
    HISTORICAL_EXPECTED_SHORTFALL,
    GROWING_ANNUITY_PV,
)
