"""Analyst's arithmetic: a correlation from a covariance, the future value of deposits made at
the start of each period, the months a fixed payment takes to clear a balance, and a share price
implied by a peer EV/EBITDA multiple. (A beta from a correlation is the ``beta`` family's.)

``correlation`` divides the covariance of two assets' returns by the product of their standard
deviations. Questions write the figures in one of the units people use: all in decimals
(``0.0144/(0.15*0.20)``), standard deviations in percent with the covariance in percent squared,
which the question states ("144 (%²)": ``144/(15*20)``), or standard deviations in percent with
the covariance in decimals (``0.0144/(15/100*20/100)``). Some questions show each asset's mean
return or the number of monthly observations behind the estimates; neither is used.

``annuity_due_fv`` is the value, at the end of the last period, of equal deposits made at the
START of each period (an annuity due): ``C*((1+i)**N-1)/i*(1+i)``, the ordinary annuity's future
value (``annuity_fv``, ``annuity_fv_periodic``: deposits at the end of each period) grown one
period more. Deposits are yearly at a yearly rate (``500*((1+6/100)**20-1)/(6/100)*(1+6/100)``)
or monthly at a nominal annual rate compounded monthly (``i = r/100/12``, ``N =
periods(years,"years",12)``, or ``periods(N,"payments")`` for the number of deposits when the
question gives it). Every question says the deposits come at the
beginning of each month or year. Some show the expected inflation or the saver's age, unused.

``months_to_pay_off`` is the number of monthly payments ``P`` that clear a balance ``B`` at an
APR compounded monthly: ``-log(1-B*r/100/12/P)/log(1+r/100/12)``, drawn only where the payment
exceeds a month's interest. Each question says how to report it: fractional months, not
rounded up, or (about a third of questions) the number of whole payments, rounding up, which is
``ceil(...)`` of the same expression. Unlike ``years_until_depleted`` (a pot drawn down at each
year end, in years) it counts months at a monthly rate. Some questions show the borrower's
monthly take-home pay, unused.

``implied_share_price`` applies a peer EV/EBITDA multiple to the company's EBITDA to get an
enterprise value, takes off the net debt and divides by the shares outstanding:
``(8.5*420000000-1200000000)/150000000``; where the question gives debt and cash separately,
``(8.5*420000000-1500000000+300000000)/150000000``. ``ev_ebitda`` computes the multiple from a
market value; ``price_target`` multiplies a P/E by EPS. Some questions show the current share
price or the revenue, unused.

Solvers are written independently of the formula text: a covariance over the root of the product
of the variances, a covariance over the market variance, a period-by-period simulation of the
account, a bisection on the payments' present value (and a month-by-month count of whole
payments), and per-share enterprise value less per-share net debt.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Param,
    Parts,
    TermCount,
    Values,
    draw_params,
    money,
    number_texts,
    pct,
    plain,
    side_sentences,
    significant,
    time_to_reach,
)
from quantreason.tasks.labels import TWO_ASSET_NAMES
from quantreason.tasks.term_counts import COUNT_KEY, term_formula


def _quoted(value: float, figures: int, kind: str = "plain") -> Num:
    """``value`` to ``figures`` significant figures, shown with no trailing zeros (0.0144, 152,
    -0.0062), as people quote a computed statistic."""
    exponent = math.floor(math.log10(abs(value))) + 1 - figures
    decimals = max(0, -exponent)
    shown = round(value, decimals)
    while decimals > 0 and round(shown, decimals - 1) == shown:
        decimals -= 1
    return Num(round(shown, decimals), decimals, kind)


# --- correlation ------------------------------------------------------------------------------

# Standard deviations of the two assets' returns: in percent (15.3 %) or as decimals (0.15). Out
# of range, very volatile assets (crypto, single biotech names) or near-cash ones.
_SD_PCT = pct((5, 60), ((65, 150), (0.5, 4.5)), decimals=1, ood_decimals=2)
_SD_DEC = plain((0.05, 0.6), ((0.65, 1.5), (0.005, 0.045)), decimals=2, ood_decimals=3)
_CORRELATION_PARAMS: dict[str, Param] = {"d1": _SD_DEC, "d2": _SD_DEC, "s1": _SD_PCT, "s2": _SD_PCT}
# How the figures are written: all decimals, percent with a covariance in percent squared, or
# percent with a decimal covariance.
CORRELATION_STYLES = (("decimal", 0.4), ("percent_squared", 0.3), ("mixed", 0.3))
_RHO_RANGE = (-0.9, 0.95)
# Figures people write beside: each asset's mean return, or how many monthly returns the
# estimates come from. Drawn in their training range in every split.
_MEAN_RETURN = pct((2, 14), ((2, 14),))
_OBSERVATIONS = plain((24, 120), ((24, 120),))
SQUARED_PERCENT = ("(%²)", "(%^2)", "%²", "(in %²)", "percent squared", "(in squared percent)")


def _correlation_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Two standard deviations in one band and one unit, a correlation with two decimals (as
    textbook examples are built: 0.15 * 0.20 * 0.48 = 0.0144), and the covariance it makes,
    quoted to three or four significant figures in the question's units."""
    styles, weights = zip(*CORRELATION_STYLES, strict=True)
    style = rng.choices(styles, weights)[0]
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    spec, keys = (_SD_DEC, ("d1", "d2")) if style == "decimal" else (_SD_PCT, ("s1", "s2"))
    first = spec.draw(rng, ood, band, round_figures=round_figures)
    second = spec.draw(rng, ood, band, round_figures=round_figures)
    rho = round(rng.uniform(*_RHO_RANGE), 2)
    raw = rho * first.value * second.value
    if style == "mixed":
        raw /= 10_000
    if raw == 0:
        raw = 0.01 * first.value * second.value
    figures = rng.choice((3, 3, 4))
    nums = {keys[0]: first, keys[1]: second}
    if style == "percent_squared":
        nums["cp"] = _quoted(raw, figures)
    else:
        nums["c"] = _quoted(raw, figures)
    if rng.random() < SIDE_FIGURE_SHARE:
        if rng.random() < 0.5:
            nums["e1"] = _MEAN_RETURN.draw(rng, False)
            nums["e2"] = _MEAN_RETURN.draw(rng, False)
        else:
            nums["T"] = _OBSERVATIONS.draw(rng, False)
    return nums


def correlation_style(values: Mapping[str, object]) -> str:
    """How a correlation question writes its figures (a key of CORRELATION_STYLES)."""
    if "d1" in values:
        return "decimal"
    return "percent_squared" if "cp" in values else "mixed"


def _correlation(v: Mapping[str, float]) -> float:
    """Everything in decimals, then the covariance over the root of the product of the two
    variances."""
    if "d1" in v:
        sd1, sd2, cov = v["d1"], v["d2"], v["c"]
    elif "cp" in v:
        sd1, sd2, cov = v["s1"] / 100, v["s2"] / 100, v["cp"] / 10_000
    else:
        sd1, sd2, cov = v["s1"] / 100, v["s2"] / 100, v["c"]
    return cov / math.sqrt(sd1**2 * sd2**2)


def _correlation_formula(f: Mapping[str, str]) -> str:
    if "d1" in f:
        return f"{f['c']}/({f['d1']}*{f['d2']})"
    if "cp" in f:
        return f"{f['cp']}/({f['s1']}*{f['s2']})"
    return f"{f['c']}/({f['s1']}/100*{f['s2']}/100)"


def _correlation_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, a covariance in percent squared with its unit ("144 (%²)"), and
    ``{sa}``, ``{sb}``, ``{cov}``: the two standard deviations and the covariance whichever
    keys hold them."""
    texts = number_texts(rng, nums)
    if "cp" in nums:
        texts["cp"] = f"{texts['cp']} {rng.choice(SQUARED_PERCENT)}"
    first, second = ("d1", "d2") if "d1" in nums else ("s1", "s2")
    texts["sa"], texts["sb"] = texts[first], texts[second]
    texts["cov"] = texts["cp"] if "cp" in nums else texts["c"]
    return texts


_SD_LABELS_A = (
    "standard deviation of {a}",
    "{a} standard deviation",
    "volatility of {a}",
    "{a} volatility",
    "{a} σ",
    "sd of {a}",
    "{a} return standard deviation",
    "stdev of {a}",
    "{a} vol",
    "standard deviation of returns on {a}",
    "sigma of {a}",
    "risk of {a} as a standard deviation",
)
_SD_LABELS_B = tuple(label.replace("{a}", "{b}") for label in _SD_LABELS_A)
_COV_LABELS = (
    "covariance between {a} and {b}",
    "covariance of {a} with {b}",
    "cov of {a} and {b}",
    "covariance",
    "return covariance",
    "{a}-{b} covariance",
    "covariance of returns",
    "sample covariance",
    "covariance of the two assets",
    "co-movement as a covariance",
    "covariance of the pair's returns",
    "covariance of {a} and {b} returns",
)
_MEAN_LABELS_A = (
    "mean return of {a}",
    "{a} mean return",
    "average return of {a}",
    "{a} average return",
    "expected return of {a}",
    "{a} expected return",
    "historical mean return of {a}",
    "E[r] of {a}",
    "{a} return on average",
    "average annual return on {a}",
    "mean annual return of {a}",
    "{a} historical average return",
)
_MEAN_LABELS_B = tuple(label.replace("{a}", "{b}") for label in _MEAN_LABELS_A)

_CORRELATION_ASIDES = {
    "e1": (
        "The first asset's mean return is {e1}.",
        "The first one has averaged {e1} a year.",
        "Mean return of the first asset: {e1}.",
        "(The first asset returned {e1} on average.)",
        "On average the former has delivered {e1} yearly.",
    ),
    "e2": (
        "The second asset's mean return is {e2}.",
        "The second one has averaged {e2} a year.",
        "Mean return of the second asset: {e2}.",
        "(The second asset returned {e2} on average.)",
        "The latter has delivered {e2} yearly on average.",
    ),
    "T": (
        "The estimates come from {T} monthly returns.",
        "We used {T} months of data.",
        "Sample: {T} monthly observations.",
        "(Both figures were estimated on {T} monthly returns.)",
        "The history behind these spans {T} monthly prints.",
    ),
}

CORRELATION = Family(
    name="correlation",
    unit="ratio",
    reasoning="Correlation = covariance of the two returns / (standard deviation of one * "
    "standard deviation of the other).",
    params=_CORRELATION_PARAMS,
    sample=_correlation_sample,
    render=_correlation_texts,
    aside=side_sentences(_CORRELATION_ASIDES),
    valid=lambda v: 0.02 <= abs(_correlation(v)) <= 0.99,
    formula=_correlation_formula,
    solve=_correlation,
    convention="a plain number from -1 to 1; the covariance and the two standard deviations in "
    "the same units (decimals, or percent with the covariance in percent squared; a decimal "
    "covariance beside percent standard deviations takes the percents over 100)",
    templates=(
        "Asset A has a standard deviation of {sa} and asset B one of {sb}. The covariance of "
        "their returns is {cov}. What is the correlation between A and B?",
        "Cov(A, B) = {cov}, σA = {sa}, σB = {sb}. Correlation coefficient?",
        "Exam question: The returns on stock X have a standard deviation of {sa}; those on "
        "stock Y have a standard deviation of {sb}. The covariance between the two is {cov}. "
        "Calculate the correlation coefficient of X and Y.",
        "Hi Sara, the risk model gives a covariance of {cov} between the two funds, with "
        "standard deviations of {sa} and {sb}. What correlation is that? Thanks, Daniel",
        "whats the correlation if the covariance is {cov} and the std devs are {sa} and {sb}?",
        "Two assets:\n| σ (asset 1) | σ (asset 2) | covariance |\n|---|---|---|\n"
        "| {sa} | {sb} | {cov} |\n"
        "Correlation?",
        "Stocks and bonds, annual figures:\n- Standard deviation, stocks: {sa}\n"
        "- Standard deviation, bonds: {sb}\n- Covariance: "
        "{cov}\nWhat is the correlation between stocks and bonds?",
        "Please help me. Covariance of two shares is {cov}. First share standard deviation "
        "{sa}, second share {sb}. How much is the correlation?",
        "How strongly do two assets move together if their covariance is {cov} and their "
        "standard deviations are {sa} and {sb}? Give the correlation coefficient.",
        "My cousin is training for a marathon and keeps sending me portfolio puzzles between "
        "runs. This one: two ETFs with standard deviations of {sa} and {sb}, covariance {cov}. "
        "What is their correlation?",
        "Risk note: cov {cov}; vol of leg one {sa}; vol of leg two {sb}. Implied correlation?",
        "Convert a covariance of {cov} into a correlation, given standard deviations of {sa} "
        "and {sb}.",
        "Question 3. The standard deviation of returns on security M is {sb} and on security "
        "N is {sa}. Their covariance is {cov}. Determine the correlation coefficient.",
        "The covariance matrix shows {cov} off the diagonal, and the two assets' standard "
        "deviations are {sa} and {sb}. What correlation does that mean?",
        "ok so cov = {cov}, sd1 = {sa}, sd2 = {sb}. rho?",
        "Correlation between gold and equities, please: gold's standard deviation is {sa}, "
        "equities' is {sb}, and the covariance between them is {cov}.",
        "What is ρ for two stocks with σ1 = {sa}, σ2 = {sb} and a covariance of {cov}?",
        "Dear team, for the diversification slide I need the correlation of the two sleeves. "
        "Covariance {cov}; standard deviations {sa} (equity sleeve) and {sb} (credit "
        "sleeve). Best regards, Ingrid",
        "Sorry for my English. I have two investments, the covariance between them is {cov} "
        "and the standard deviations are {sa} and {sb}. What is the correlation coefficient?",
        "Standard deviations {sa} and {sb}, covariance {cov}: correlation = ?",
        "From the regression output: covariance of the returns {cov}, standard deviation of "
        "the first series {sa}, of the second {sb}. Find the correlation.",
        "Is the pair well diversified? Compute the correlation from a covariance of {cov} and "
        "standard deviations of {sa} and {sb}.",
    ),
    ood_templates=(
        "Normalise the co-dispersion {cov} by the spreads {sa} and {sb}. What coefficient emerges?",
        "Two holdings swing by {sa} and {sb}; jointly they vary to the tune of {cov}. Scale "
        "that joint variability into a unit-free coefficient.",
        "Pearson's r wanted: joint variability {cov}, dispersions {sa} and {sb}.",
    ),
    parts=Parts(
        labels={
            "d1": _SD_LABELS_A,
            "s1": _SD_LABELS_A,
            "d2": _SD_LABELS_B,
            "s2": _SD_LABELS_B,
            "c": _COV_LABELS,
            "cp": _COV_LABELS,
            "e1": _MEAN_LABELS_A,
            "e2": _MEAN_LABELS_B,
            "T": (
                "number of monthly observations",
                "sample size in months",
                "number of months in the sample",
                "observation count",
                "sample length in months",
                "count of monthly returns",
                "history length in months",
                "number of data points",
                "estimation window in months",
                "lookback in months",
                "length of the data window",
                "number of monthly returns used",
            ),
        },
        asks=(
            "What is the correlation between the two assets?",
            "What is the correlation coefficient?",
            "Compute the correlation.",
            "What is rho?",
            "How correlated are the two assets?",
            "What is the correlation of their returns?",
            "Convert the covariance into a correlation.",
            "What correlation does the covariance imply?",
            "What is the Pearson correlation between the two return series?",
            "corr?",
            "How strongly do the two move together, as a correlation coefficient?",
            "Work out the correlation from the covariance and the standard deviations.",
            "What is the correlation, covariance over the product of the standard deviations?",
            "Find the correlation coefficient of the pair.",
            "What correlation should go in the correlation matrix?",
            "What is the pairwise correlation?",
            "whats the correlation?",
            "Is the pair diversifying? Give the correlation coefficient.",
            "What is the standardised covariance of the two assets?",
            "What value between minus one and one describes their co-movement?",
            "What is the correlation of the two return series?",
        ),
        ood_labels={
            "d1": ("dispersion of {a}", "{a} spread of outcomes"),
            "s1": ("dispersion of {a}", "{a} spread of outcomes"),
            "d2": ("dispersion of {b}", "{b} spread of outcomes"),
            "s2": ("dispersion of {b}", "{b} spread of outcomes"),
            "c": ("co-dispersion of the pair", "joint variability"),
            "cp": ("co-dispersion of the pair", "joint variability"),
        },
        ood_asks=(
            "Scale the joint variability into a unit-free coefficient.",
            "What Pearson's r emerges?",
            "Normalise the co-dispersion: which coefficient results?",
        ),
        names=TWO_ASSET_NAMES,
    ),
)


# --- annuity_due_fv ---------------------------------------------------------------------------

_DEPOSIT = money((25, 20_000), ((25_000, 2_000_000),))
# Deposits by frequency, each within _DEPOSIT's ranges: a month's saving, a year's.
_MONTHLY_DEPOSIT = money((25, 3000), ((25_000, 300_000),))
_YEARLY_DEPOSIT = money((300, 20_000), ((40_000, 2_000_000),))
_DUE_RATE = pct((0.5, 12), ((12.5, 25), (0.05, 0.4)), decimals=2)
_DUE_YEARS = plain((2, 40), ((45, 60),))
_DUE_PARAMS: dict[str, Param] = {
    "C": _DEPOSIT,
    "r": _DUE_RATE,
    "n": _DUE_YEARS,
    "m": plain((0, 0), ((0, 0),), choices=(1.0, 12.0)),
}
MONTHLY_SHARE = 0.55
YEARLY_KEY = "yearly"  # present (and shown nowhere) in draws with yearly deposits
_DUE_WORDS = {12.0: ("monthly", "month"), 1.0: ("yearly", "year")}
_DUE_SIDE: dict[str, Param] = {
    "inf": pct((1.5, 4), ((1.5, 4),)),
    "age": plain((22, 58), ((22, 58),)),
}


def _due_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Monthly deposits (a month's saving) or yearly ones, a rate and a term in one band; in
    SIDE_FIGURE_SHARE of draws the expected inflation or the saver's age beside them."""
    monthly = rng.random() < MONTHLY_SHARE
    nums = draw_params({"C": _MONTHLY_DEPOSIT if monthly else _YEARLY_DEPOSIT}, rng, ood)
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    nums["r"] = _DUE_RATE.draw(rng, ood, band, round_figures=round_figures)
    nums["n"] = _DUE_YEARS.draw(rng, ood, band)
    nums["m"] = Num(12.0 if monthly else 1.0, 0, "plain")
    if not monthly:
        nums[YEARLY_KEY] = Num(1.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        side = rng.choice(tuple(_DUE_SIDE))
        nums[side] = _DUE_SIDE[side].draw(rng, False)
    return nums


def _annuity_due(v: Mapping[str, float]) -> float:
    """The account period by period: the deposit goes in at the start, then the period's
    interest is credited; the balance at the end of the last period."""
    rate = v["r"] / 100 / v["m"]
    periods = round(v[COUNT_KEY]) if COUNT_KEY in v else round(v["n"] * v["m"])
    balance = 0.0
    for _ in range(periods):
        balance += v["C"]
        balance += balance * rate
    return balance


def _due_formula(f: Mapping[str, str]) -> str:
    if YEARLY_KEY in f:
        i = f"{f['r']}/100"
        return f"{f['C']}*((1+{i})**{f['n']}-1)/({i})*(1+{i})"
    i = f"{f['r']}/100/12"
    periods = term_formula(f, "12")
    return f"{f['C']}*((1+{i})**{periods}-1)/({i})*(1+{i})"


def _due_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, ``{m}`` the frequency as a word that reads before a noun and after a
    verb alike ("monthly", "yearly") and ``{per}`` one period ("month", "year")."""
    texts = number_texts(rng, nums)
    texts["m"], texts["per"] = _DUE_WORDS[nums["m"].value]
    return texts


_DUE_ASIDES = {
    "inf": (
        "Inflation is expected to run at {inf}.",
        "We assume inflation of {inf} a year.",
        "Expected inflation: {inf}.",
        "(Inflation is forecast at {inf}, if that matters.)",
        "Prices are projected to creep up {inf} annually.",
    ),
    "age": (
        "The saver is {age}.",
        "The saver is {age} years old today.",
        "Age of the saver: {age}.",
        "(The saver turned {age} this spring.)",
        "The holder of the plan counts {age} birthdays so far.",
    ),
}

ANNUITY_DUE_FV = Family(
    name="annuity_due_fv",
    unit="currency",
    reasoning="Future value of an annuity due = deposit * ((1 + i)^N - 1) / i * (1 + i), "
    "deposits at the start of each period, i and N per period.",
    params=_DUE_PARAMS,
    sample=_due_sample,
    render=_due_texts,
    aside=side_sentences(_DUE_ASIDES),
    formula=_due_formula,
    solve=_annuity_due,
    term_count=TermCount(per_year="m", nouns=("deposits", "contributions", "payments")),
    convention="currency; deposits at the BEGINNING of each period (annuity due), the balance "
    "at the end of the last period; yearly deposits earn the yearly rate, monthly ones the "
    "nominal annual rate / 12 compounded monthly",
    templates=(
        "I deposit {C} at the beginning of every {per} for {n} years into an account paying "
        "{r} a year, compounded {m}. How much will I have at the end of the last {per}?",
        "What is the future value of an annuity due of {C} paid {m} for {n} years at {r} per "
        "annum, compounded {m}?",
        "Exam question: An investor makes {m} deposits of {C} at the start of each {per} for "
        "{n} years into a fund earning {r} per annum, compounded {m}. Calculate the value of "
        "the fund at the end of the {n} years.",
        "Hi Chloe, the client will pay {C} into her ISA at the start of each {per} for {n} "
        "years. Assuming {r} a year, compounded {m}, what will it be worth at the end? "
        "Deposits go in at the beginning of the period, not the end. Thanks, Raj",
        "if i put {C} in at the start of every {per} for {n} yrs and it earns {r} a yr "
        "(compounded {m}), what do i end up with?",
        "Savings plan, paid in advance:\n"
        "| deposit (start of each {per}) | annual rate | compounding | years |\n|---|---|---|---|\n"
        "| {C} | {r} | {m} | {n} |\nFuture value at the end?",
        "My plan:\n- Deposit: {C} at the beginning of each {per}\n- Rate: {r} per year, compounded "
        "{m}\n- Term: {n} years\nWhat is the balance at the end of the term?",
        "Please help. I save {C} every {per} for {n} years, always on the first day of the "
        "{per}. Bank pay {r} for the year, compounded {m}. How much I have in the end?",
        "FV of an annuity due: PMT {C} at the start of each {per}, {r} p.a. compounded {m}, "
        "{n} years. Value at the end of the last period?",
        "My aunt, who breeds prize-winning rabbits, puts {C} into a savings plan at the start "
        "of every {per} and will keep it up for {n} years. The plan earns {r} a year, "
        "compounded {m}. What will she have at the end?",
        "Savings plan with payments in advance: {C} each {per} (paid at the beginning), {r} "
        "annual interest compounded {m}, running {n} years. Final value?",
        "How much accumulates if {C} is deposited at the beginning of each {per} for {n} years "
        "at {r} a year, compounded {m}?",
        "Question 4. A fund receives {m} contributions of {C}, each made at the start of the "
        "{per}, for {n} years. The fund earns {r} per annum, compounded {m}. Find its value at "
        "the end of the {n} years.",
        "ok so i pay {C} into my pension at the start of each {per} (not the end), {r} a year "
        "compounded {m}, for {n} years. how big is the pot at the end?",
        "Dear Mr. Novak, you plan to invest {C} at the beginning of every {per} for {n} years. "
        "At an assumed return of {r} per annum, compounded {m}, the value at the end of the "
        "plan would be how much? Kind regards, Julia",
        "Sorry for my English. I put {C} to the account in the beginning of each {per}, "
        "interest is {r} yearly, compounded {m}. I do this for {n} years. How much is there "
        "at the end?",
        "A company sets aside {C} at the start of each {per} for {n} years in a sinking fund "
        "earning {r} a year, compounded {m}. What is the fund worth at the end of the last "
        "{per}?",
        "Saving in advance: {C} paid in at the beginning of every {per}, {r} per year "
        "compounded {m}, {n} years. Terminal value?",
        "What do {m} deposits of {C}, each made on the first day of the {per} for {n} years, "
        "grow to by the end at {r} a year compounded {m}?",
        "We're saving for our daughter's university. We pay {C} in at the start of every "
        "{per} for {n} years; the account pays {r} a year, compounded {m}. What will we have "
        "at the end?",
        "Annuity-due future value: {C} per {per}, payments in advance, nominal {r} a year "
        "compounded {m}, term {n} years.",
        "Beginning-of-{per} deposits of {C}, {n} years, {r} p.a. compounded {m}. How much at "
        "the end?",
    ),
    ood_templates=(
        "Each {per} opens with {C} going into the pot, which accrues {r} yearly, credited "
        "{m}, across a span of {n} years. What sum stands there when the final {per} closes?",
        "Prepaid instalments of {C} land on day one of every {per}; growth {r} per annum, "
        "credited {m}; horizon {n} years. Terminal sum?",
        "Accumulated amount at the close of the scheme, which runs {n} years, when {C} is "
        "lodged at the outset of each {per} and accrues {r} annually, credited {m}?",
    ),
    parts=Parts(
        labels={
            "C": (
                "deposit at the start of each period",
                "beginning-of-period deposit",
                "payment in advance each period",
                "annuity-due payment",
                "contribution at the beginning of each period",
                "start-of-period contribution",
                "amount paid in at the beginning of each period",
                "deposit made in advance each period",
                "beginning-of-period payment",
                "level deposit at the start of each period",
                "saving paid in at the start of every period",
                "PMT at the beginning of each period",
            ),
            "r": (
                "nominal annual rate",
                "annual interest rate",
                "interest rate per annum",
                "yearly rate of return",
                "annual rate compounded each period",
                "stated annual rate",
                "rate of interest per year",
                "annual growth rate",
                "annual yield on the account",
                "expected return per year",
                "quoted annual rate",
                "annual return on the savings",
            ),
            "n": (
                "number of years",
                "term in years",
                "savings horizon in years",
                "length of the plan in years",
                "time horizon in years",
                "plan duration in years",
                "investment period in years",
                "number of years of deposits",
                "saving period in years",
                "horizon of the plan in years",
                "term of the plan in years",
                "deposit period in years",
            ),
            "m": (
                "deposit frequency",
                "frequency of deposits",
                "payment frequency",
                "deposit and compounding frequency",
                "contribution frequency",
                "compounding and deposit frequency",
                "deposit schedule",
                "payment schedule",
                "frequency of contributions",
                "deposit interval",
                "saving frequency",
                "frequency of payments and compounding",
            ),
            "inf": (
                "expected inflation",
                "inflation rate",
                "inflation assumption",
                "annual inflation",
                "forecast inflation",
                "CPI inflation",
                "assumed inflation per year",
                "inflation expectation",
                "yearly inflation rate",
                "long-run inflation",
                "projected inflation",
                "general price inflation",
            ),
            "age": (
                "saver's age",
                "age of the saver",
                "current age",
                "investor's age",
                "age today",
                "client age",
                "age of the client",
                "age at the start",
                "age of the account holder",
                "policyholder's age",
                "starting age",
                "age now",
            ),
        },
        asks=(
            "What is the future value of the annuity due?",
            "How much will the account hold at the end?",
            "What is the balance at the end of the term, deposits made at the start of each "
            "period?",
            "Compute the future value of the deposits.",
            "What is the FV of the annuity due?",
            "What will the savings be worth at the end of the plan?",
            "How much accumulates by the end, with payments in advance?",
            "What is the terminal value of the beginning-of-period deposits?",
            "fv of the annuity due?",
            "What does the plan grow to?",
            "What is the accumulated value at the end of the last period?",
            "How big is the pot at the end of the term?",
            "Work out the future value, deposits at the beginning of each period.",
            "What is the annuity-due future value?",
            "What will be in the account at the end of the final period?",
            "How much money will there be when the plan ends?",
            "Compute the annuity due's value at the end of the term.",
            "What is the value of the deposits at the end, each made at the start of a period?",
            "whats the pot worth at the end?",
            "What total will the account reach, with every deposit made in advance?",
            "What is the future value of the savings plan, payments at the start of each period?",
        ),
        ood_labels={
            "C": ("prepaid instalment lodged at the outset", "sum lodged at the outset"),
            "r": ("yearly accrual rate", "accrual per annum"),
            "n": ("span of the scheme in years", "elapsed horizon in years"),
        },
        ood_asks=(
            "What sum stands there once the horizon has elapsed?",
            "Give the terminal sum of the prepaid instalments.",
            "What accumulated amount results at the close?",
        ),
    ),
)


# --- months_to_pay_off ------------------------------------------------------------------------

_PAYOFF_PARAMS: dict[str, Param] = {
    "B": money((300, 60_000), ((80_000, 3_000_000),)),
    "r": pct((2, 30), ((32, 60), (0.1, 1.5)), decimals=2),
    "P": money((25, 3000), ((4000, 80_000),)),
}
# How the answer is reported: fractional months ("R") or whole payments rounded up ("U"); one
# of the two keys is in every draw and composed questions show it under a label.
FRACTIONAL_KEY, ROUND_UP_KEY = "R", "U"
ROUND_UP_SHARE = 0.35
_INCOME = money((1800, 12_000), ((1800, 12_000),))
# (No comma in them: a value with a comma over a line with another reads as a CSV table.)
_FRACTIONAL_VALUES = (
    "fractional months (do not round up)",
    "fractional months not rounded up",
    "months with decimals (no rounding up)",
    "exact fractional months with no rounding",
)
_ROUND_UP_VALUES = (
    "whole payments (round up)",
    "whole payments rounded up",
    "number of payments rounded up to a whole number",
    "whole months (round any part month up)",
)
_FRACTIONAL_SENTENCES = (
    "Give fractional months; do not round up.",
    "Fractional months are fine, do not round up.",
    "Answer in months with decimals, not rounded up.",
    "Keep the fraction of a month (no rounding up).",
    "Please don't round up: fractional months.",
)
_ROUND_UP_SENTENCES = (
    "Give the number of whole payments, rounding up.",
    "Round up to a whole number of payments.",
    "Answer in whole monthly payments, rounding any part payment up.",
    "I want the count of payments, rounded up to a whole number.",
    "Count whole payments: round up.",
)


def _payoff_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    nums = draw_params(_PAYOFF_PARAMS, rng, ood)
    key = ROUND_UP_KEY if rng.random() < ROUND_UP_SHARE else FRACTIONAL_KEY
    nums[key] = Num(0.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["inc"] = _INCOME.draw(rng, False)
    return nums


def _present_value(payment: float, rate: float, months: float) -> float:
    """What ``months`` (fractional) of month-end payments are worth at the monthly ``rate``."""
    return payment * (1 - (1 + rate) ** -months) / rate


def _fractional_months(v: Mapping[str, float]) -> float:
    """The time at which the payments made are worth the balance: a bisection."""
    balance, payment, rate = v["B"], v["P"], v["r"] / 100 / 12
    return time_to_reach(lambda months: _present_value(payment, rate, months) < balance)


def _whole_payments(v: Mapping[str, float]) -> int:
    """The balance month by month: interest added, the payment taken off, until nothing is
    owed (the last payment may be a part one)."""
    balance, payment, rate = v["B"], v["P"], v["r"] / 100 / 12
    count = 0
    while balance > 1e-9 * v["B"]:
        balance = balance * (1 + rate) - payment
        count += 1
    return count


def _months_to_pay_off(v: Mapping[str, float]) -> float:
    if ROUND_UP_KEY in v:
        return float(_whole_payments(v))
    return _fractional_months(v)


def _payoff_valid(v: Mapping[str, float]) -> bool:
    # The payment beats the month's interest by a margin (otherwise the balance never falls),
    # the balance takes from two months to forty years, and no whole-payment count sits on a
    # whole number up to rounding.
    if v["P"] <= 1.08 * v["B"] * v["r"] / 100 / 12:
        return False
    if v["P"] >= v["B"]:
        return False
    months = _fractional_months(v)
    if not 2 <= months <= 480:
        return False
    return abs(months - round(months)) > 1e-6


def _payoff_formula(f: Mapping[str, str]) -> str:
    months = f"-log(1-{f['B']}*{f['r']}/100/12/{f['P']})/log(1+{f['r']}/100/12)"
    return f"ceil({months})" if ROUND_UP_KEY in f else months


def _payoff_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{how}``: a sentence saying how to report the months, and the
    rounding key's value for composed questions."""
    texts = number_texts(rng, nums)
    if ROUND_UP_KEY in nums:
        texts[ROUND_UP_KEY] = rng.choice(_ROUND_UP_VALUES)
        texts["how"] = rng.choice(_ROUND_UP_SENTENCES)
    else:
        texts[FRACTIONAL_KEY] = rng.choice(_FRACTIONAL_VALUES)
        texts["how"] = rng.choice(_FRACTIONAL_SENTENCES)
    return texts


_ROUNDING_LABELS = (
    "rounding",
    "rounding rule",
    "answer format",
    "format of the answer",
    "counting convention",
    "month count convention",
    "convention for the answer",
    "reporting basis",
    "required precision",
    "rounding instruction",
    "answer convention",
    "treatment of the part month",
)
_PAYOFF_ASIDES = {
    "inc": (
        "The borrower takes home {inc} a month.",
        "Net income is {inc} per month.",
        "Take-home pay after tax is {inc} monthly.",
        "(Monthly take-home pay: {inc}.)",
        "Each month roughly {inc} lands in the borrower's account from work.",
    )
}

MONTHS_TO_PAY_OFF = Family(
    name="months_to_pay_off",
    unit="ratio",
    reasoning="Months to pay off = -ln(1 - balance * monthly rate / payment) / ln(1 + monthly "
    "rate), monthly rate = APR / 12.",
    params=_PAYOFF_PARAMS,
    sample=_payoff_sample,
    render=_payoff_texts,
    aside=side_sentences(_PAYOFF_ASIDES),
    valid=_payoff_valid,
    formula=_payoff_formula,
    solve=_months_to_pay_off,
    uses=frozenset({"rounding"}),
    convention="a number of months: fractional (not rounded up) unless the question asks for "
    "whole payments, then rounded up; the APR compounded monthly (APR / 12 a month), the same "
    "payment at the end of every month, no new spending or fees",
    templates=(
        "I owe {B} on my credit card at {r} APR, compounded monthly. If I pay {P} every month "
        "and stop using the card, how many months until it is paid off? {how}",
        "Balance {B}, APR {r} (monthly compounding), fixed payment {P} a month. Months to pay "
        "off? {how}",
        "Exam question: A borrower owes {B} on a loan charging {r} per annum, compounded "
        "monthly. She repays {P} at the end of each month. How many months will it take to "
        "repay the loan in full? {how}",
        "Hi Ben, the customer has {B} outstanding on his card at {r} APR. If he pays {P} a "
        "month from now on, how many months until the balance is cleared? {how} Thanks, Olga",
        "how long to pay off {B} at {r} apr if i pay {P} a month?? {how}",
        "Card payoff:\n| balance | APR (compounded monthly) | monthly payment |\n|---|---|---|\n"
        "| {B} | {r} "
        "| {P} |\nHow many months to clear the balance? {how}",
        "Loan details:\n- Amount owed: {B}\n- APR: {r}, compounded monthly\n"
        "- Monthly payment: {P}\nHow many "
        "months until the debt is gone? {how}",
        "Please help. I have debt {B} on the card, the interest is {r} per year, monthly. I "
        "can pay {P} each month. How many months I need to finish? {how}",
        "My flatmate, who bakes sourdough every weekend, ran up {B} on a store card at {r} "
        "APR. She now pays {P} at the end of each month. How many months until she is debt "
        "free? {how}",
        "Payoff calc: {B} at {r} APR, {P} per month. Number of months? {how}",
        "How many monthly payments of {P} does it take to repay {B} at an APR of {r}, "
        "compounded monthly? {how}",
        "Question 8. A car loan of {B} carries interest at {r} a year, compounded monthly. The "
        "borrower pays {P} at the end of every month. Find the number of months needed to "
        "repay it. {how}",
        "ok so my balance is {B}, apr {r}, and i'm paying {P}/month. how many months till "
        "its zero? {how}",
        "Dear Sir or Madam, I would like to know how long it will take me to repay a personal "
        "loan of {B} at {r} APR if I pay {P} a month. {how} Yours faithfully, K. Osei",
        "Sorry for my English. My credit card balance is {B}, APR {r} and I pay {P} every "
        "month. After how many months it will be paid? {how}",
        "Debt plan: {P} a month against a balance of {B} at {r} APR (monthly compounding). How "
        "long, in months? {how}",
        "If I pay {P} a month on a balance of {B}, and the card charges {r} a year compounded "
        "monthly, how many months until I owe nothing? {how}",
        "Client owes {B}; rate {r} APR, compounded monthly; she commits to {P} each month. "
        "Time to payoff in months? {how}",
        "We moved our balance of {B} to a card charging {r} APR and will pay {P} at each month "
        "end. How many months until it is cleared? {how}",
        "Months needed to repay {B} at {r} a year (compounded monthly) with payments of {P} "
        "per month? {how}",
        "Monthly payment {P}. Balance {B}. APR {r}. Number of months to pay it off? {how}",
        "The student loan balance is {B} at {r} annual interest, compounded monthly, and the "
        "graduate pays {P} a month. When is it repaid, in months? {how}",
    ),
    ood_templates=(
        "A revolving account sits at {B}; the lender levies {r} yearly, accruing monthly, and "
        "{P} is remitted each month. Over how many months is it extinguished? {how}",
        "Extinguishing an obligation of {B}: remittances {P} monthly, levy {r} per annum accruing "
        "monthly. Duration in months? {how}",
        "With {P} remitted monthly against an obligation of {B} that accrues {r} yearly (credited "
        "monthly), when is nothing left owing, in months? {how}",
    ),
    parts=Parts(
        labels={
            "B": (
                "balance",
                "outstanding balance",
                "card balance",
                "amount owed",
                "current balance",
                "loan balance",
                "balance to repay",
                "principal outstanding",
                "debt outstanding",
                "starting balance",
                "remaining balance",
                "statement balance",
            ),
            "r": (
                "APR",
                "annual percentage rate",
                "interest rate as an APR",
                "card APR",
                "annual interest rate",
                "yearly rate charged",
                "APR compounded monthly",
                "nominal annual rate",
                "loan rate",
                "purchase APR",
                "interest rate per annum",
                "annual rate on the balance",
            ),
            "P": (
                "monthly payment",
                "fixed monthly payment",
                "payment per month",
                "monthly repayment",
                "amount paid each month",
                "monthly instalment",
                "regular monthly payment",
                "repayment per month",
                "level monthly payment",
                "planned monthly payment",
                "monthly amount paid",
                "fixed payment each month",
            ),
            FRACTIONAL_KEY: _ROUNDING_LABELS,
            ROUND_UP_KEY: _ROUNDING_LABELS,
            "inc": (
                "monthly take-home pay",
                "net monthly income",
                "monthly salary after tax",
                "take-home pay per month",
                "net pay each month",
                "monthly income after tax",
                "monthly earnings",
                "take-home income",
                "after-tax monthly income",
                "monthly net salary",
                "household income per month",
                "monthly pay",
            ),
        },
        asks=(
            "How many months will it take to pay off?",
            "How many months until the balance is paid off?",
            "How long does it take to clear the debt, in months?",
            "What is the number of months to repay the balance?",
            "Compute the payoff time in months.",
            "When will the balance reach zero, in months?",
            "How many months of payments are needed?",
            "how many months to pay it off?",
            "How long until I'm debt free, in months?",
            "What is the time to payoff in months?",
            "How many monthly payments does it take to clear the balance?",
            "Work out how many months the repayment takes.",
            "Solve for the number of months, NPER, that repays the balance.",
            "How many months before the card is cleared?",
            "After how many months is nothing owed?",
            "What is the repayment period in months?",
            "How soon is the loan repaid, in months?",
            "Find the number of months to pay off the balance.",
            "How many months of paying this amount clear the debt?",
            "months to payoff?",
            "What is the payoff horizon, counted in months?",
        ),
        ood_labels={
            "B": ("obligation on the revolving account", "sum owing"),
            "r": ("yearly levy", "levy per annum"),
            "P": ("monthly remittance", "sum remitted monthly"),
        },
        ood_asks=(
            "Over how many months is the obligation extinguished?",
            "Give the duration, in months, until nothing is left owing.",
            "When is the obligation extinguished, counting months?",
        ),
    ),
)


# --- implied_share_price ----------------------------------------------------------------------

# The peer multiple (a whole number in some questions: "9x") and the company's EBITDA. Out of
# range, bands are paired: rich multiples on the largest companies, or distressed multiples on
# micro caps.
_PEER_MULTIPLE = plain((4, 20), ((22, 45), (1.5, 3.5)), decimals=1)
_EBITDA = money((5_000_000, 20_000_000_000), ((3e10, 3e11), (1e5, 4e6)))
_IMPLIED_PARAMS: dict[str, Param] = {"x": _PEER_MULTIPLE, "E": _EBITDA}
WHOLE_MULTIPLE_SHARE = 0.4
SCALED_EBITDA_SHARE = 0.75
SEPARATE_DEBT_SHARE = 0.45  # debt and cash given apart rather than as net debt
NET_DEBT_SHARE_OF_EV = (0.05, 0.55)
CASH_SHARE_OF_EV = (0.02, 0.2)
PRICE_RANGE = (4, 400)  # the implied price per share the share count is drawn for
PENNY_PRICE_RANGE = (0.1, 3)  # out of range, a micro cap's (the small band)
SCALED_SHARES_SHARE = 0.7


def _like(rng: random.Random, raw: float, like: Num) -> Num:
    """An amount from the same accounts as ``like`` (net debt beside EBITDA), to two or three
    significant figures: scaled where ``like`` is, with the scale that keeps one to three whole
    digits ("$1.2bn" beside "$420M"), in full where ``like`` is in full."""
    figures = rng.choice((2, 3, 3))
    if like.scale == 1:
        return Num(significant(raw, figures, whole=True), 0, "money")
    scale = 1e9 if raw >= 1e9 else 1e6 if raw >= 1e6 else 1e3
    shown = _quoted(raw / scale, figures)
    return Num(shown.value * scale, shown.decimals, "money", scale)


def _share_count(rng: random.Random, raw: float) -> Num:
    """Shares outstanding as people write them: "150 million", "1.25bn", or in full
    ("45,300,000"), to three significant figures."""
    if raw >= 1e6 and rng.random() < SCALED_SHARES_SHARE:
        scale = 1e9 if raw >= 1e9 else 1e6
        shown = _quoted(raw / scale, 3)
        return Num(shown.value * scale, shown.decimals, "plain", scale)
    return Num(significant(raw, rng.choice((3, 4)), whole=True), 0, "plain")


def _implied_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A multiple and EBITDA in one band, the net debt (or debt and cash) a share of the
    enterprise value, and a share count that puts the implied price in a range people see; in
    SIDE_FIGURE_SHARE of draws the current share price or the revenue beside them."""
    band = rng.randrange(2)
    multiple = _PEER_MULTIPLE.draw(rng, ood, band)
    if rng.random() < WHOLE_MULTIPLE_SHARE:
        whole = float(round(multiple.value))
        low, high = _PEER_MULTIPLE.ood[band] if ood else _PEER_MULTIPLE.train
        if low <= whole <= high:
            multiple = Num(whole, 0, "plain")
    ebitda = _EBITDA.draw(rng, ood, band, scaled=rng.random() < SCALED_EBITDA_SHARE)
    enterprise = multiple.value * ebitda.value
    nums = {"x": multiple, "E": ebitda}
    net_debt = enterprise * rng.uniform(*NET_DEBT_SHARE_OF_EV)
    if rng.random() < SEPARATE_DEBT_SHARE:
        cash = enterprise * rng.uniform(*CASH_SHARE_OF_EV)
        nums["D"] = _like(rng, net_debt + cash, ebitda)
        nums["Ca"] = _like(rng, cash, ebitda)
        equity = enterprise - nums["D"].value + nums["Ca"].value
    else:
        nums["ND"] = _like(rng, net_debt, ebitda)
        equity = enterprise - nums["ND"].value
    low, high = PENNY_PRICE_RANGE if ood and band == 1 else PRICE_RANGE
    price = math.exp(rng.uniform(math.log(low), math.log(high)))
    nums["S"] = _share_count(rng, max(equity, 1.0) / price)
    if rng.random() < SIDE_FIGURE_SHARE:
        if rng.random() < 0.5:
            quote = price * rng.uniform(0.6, 1.5)
            nums["px"] = Num(round(quote, 2), 2, "money")
        else:
            nums["rev"] = _like(rng, ebitda.value / rng.uniform(0.08, 0.45), ebitda)
    return nums


def _implied_price(v: Mapping[str, float]) -> float:
    """Enterprise value per share less net debt per share."""
    per_share_ev = v["x"] * (v["E"] / v["S"])
    net_debt = v["ND"] if "ND" in v else v["D"] - v["Ca"]
    return per_share_ev - net_debt / v["S"]


def _implied_valid(v: Mapping[str, float]) -> bool:
    # Equity is at least a sixth of the enterprise value, and the price one people see.
    enterprise = v["x"] * v["E"]
    net_debt = v["ND"] if "ND" in v else v["D"] - v["Ca"]
    if enterprise - net_debt < enterprise / 6:
        return False
    return 0.05 <= _implied_price(v) <= 3000


def _implied_formula(f: Mapping[str, str]) -> str:
    claims = f"-{f['ND']}" if "ND" in f else f"-{f['D']}+{f['Ca']}"
    return f"({f['x']}*{f['E']}{claims})/{f['S']}"


def _implied_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, the multiple with its "x" or "times"; ``{claims}``: the net debt, or
    the debt and the cash, in prose, ``{claims_list}`` as list lines and ``{claims_rows}`` as
    table rows."""
    texts = number_texts(rng, nums)
    texts["x"] = f"{texts['x']}{rng.choice(('x', 'x', ' times'))}"
    if "ND" in nums:
        texts["claims"] = rng.choice(
            ("net debt of {ND}", "{ND} of net debt", "net debt standing at {ND}")
        ).format(**texts)
        texts["claims_list"] = f"- Net debt: {texts['ND']}"
        texts["claims_rows"] = f"| Net debt | {texts['ND']} |"
    else:
        texts["claims"] = rng.choice(
            (
                "total debt of {D} and cash of {Ca}",
                "{D} of debt and {Ca} of cash",
                "gross debt of {D} against cash of {Ca}",
            )
        ).format(**texts)
        texts["claims_list"] = f"- Total debt: {texts['D']}\n- Cash: {texts['Ca']}"
        texts["claims_rows"] = f"| Total debt | {texts['D']} |\n| Cash | {texts['Ca']} |"
    return texts


_IMPLIED_ASIDES = {
    "px": (
        "The stock currently trades at {px}.",
        "The shares closed at {px} yesterday.",
        "Today's share price is {px}.",
        "(Current price: {px} a share.)",
        "On the tape the name last printed {px}.",
    ),
    "rev": (
        "Revenue for the year was {rev}.",
        "Sales came to {rev}.",
        "The company had revenue of {rev}.",
        "(Revenue: {rev}.)",
        "Turnover reached {rev}.",
    ),
}

IMPLIED_SHARE_PRICE = Family(
    name="implied_share_price",
    unit="currency",
    reasoning="Implied share price = (peer EV/EBITDA multiple * EBITDA - net debt) / shares "
    "outstanding, net debt = debt - cash.",
    params=_IMPLIED_PARAMS,
    sample=_implied_sample,
    render=_implied_texts,
    aside=side_sentences(_IMPLIED_ASIDES),
    valid=_implied_valid,
    formula=_implied_formula,
    solve=_implied_price,
    uses=frozenset({"leverage"}),
    convention="currency per share: the peer multiple times EBITDA is the enterprise value; "
    "less net debt (debt minus cash) it is the equity value, over the shares outstanding; a "
    "current share price or revenue shown beside is not used",
    templates=(
        "Peers trade at {x} EV/EBITDA. Our company has EBITDA of {E}, {claims}, and {S} "
        "shares outstanding. What share price does the peer multiple imply?",
        "EBITDA {E}; peer EV/EBITDA {x}; {claims}; shares outstanding {S}. Implied price per "
        "share?",
        "Exam question: Comparable companies trade on average at {x} EV/EBITDA. Company Z "
        "reports EBITDA of {E}, has {claims}, and has {S} shares in issue. Estimate the value "
        "of one share of Company Z using the comparables.",
        "Hi Marta, for the comps valuation: the peer median EV/EBITDA is {x}, our target has "
        "EBITDA of {E} and {claims}. There are {S} shares. What equity value per share does "
        "that give? Thanks, Felix",
        "whats the implied share price? peers at {x} ev/ebitda, ebitda {E}, {claims}, {S} shares",
        "Comps valuation inputs:\n| Item | Value |\n|---|---|\n| Peer EV/EBITDA | {x} |\n"
        "| EBITDA | {E} |\n"
        "{claims_rows}\n| Shares outstanding | {S} |\nImplied value per share?",
        "Valuation on peer multiples.\n- Peer EV/EBITDA: {x}\n- EBITDA: {E}\n{claims_list}\n"
        "- Shares outstanding: {S}\nWhat "
        "share price is implied?",
        "Please help. The similar companies have EV/EBITDA {x}. My company EBITDA is {E} and "
        "it has {claims}. The number of shares is {S}. How much is one share worth?",
        "What is a share worth if the business is valued at {x} its EBITDA of {E}, it "
        "has {claims}, and {S} shares are outstanding?",
        "My uncle, who keeps bees and reads annual reports for fun, wants to value a "
        "regional brewer the way analysts do: peers trade at {x} EBITDA, the brewer's EBITDA "
        "is {E}, it has {claims}, and there are {S} shares. What price per share is that?",
        "Comps note: apply {x} to EBITDA of {E}; bridge with {claims}; divide by {S} shares. "
        "Implied px?",
        "Question 6. Using an EV/EBITDA multiple of {x} taken from comparable firms, value the "
        "equity of a company with EBITDA of {E} and {claims}, and express it per share given "
        "{S} shares outstanding.",
        "ok so peers are at {x} ev/ebitda, ebitda is {E}, {claims}, {S} shares out. what's "
        "that per share?",
        "Dear colleague, could you derive the implied share price from a sector EV/EBITDA of "
        "{x}? The company's EBITDA is {E}, it has {claims}, and the share count is {S}. "
        "Regards, Hannah",
        "Sorry for my English. Peer companies EV/EBITDA is {x}. Our EBITDA {E}, we have "
        "{claims}, shares {S}. What is the share price from this multiple?",
        "Valuation by multiples: EV = {x} EBITDA of {E}; {claims}; {S} shares. Equity value "
        "per share?",
        "At a peer EV/EBITDA of {x}, what is each of the {S} shares worth for a company with "
        "{E} of EBITDA and {claims}?",
        "We're pricing a take-private. Comparable deals and listed peers point to {x} "
        "EV/EBITDA. Target EBITDA: {E}. Balance sheet: {claims}. Shares: {S}. What price per "
        "share does the multiple support?",
        "Shares outstanding {S}, EBITDA {E}, {claims}. If the market valued it like its peers "
        "at {x} EV/EBITDA, where would the stock be?",
        "Implied equity value per share from an EV/EBITDA of {x}: EBITDA {E}, {claims}, {S} "
        "shares.",
        "The sector trades at {x} enterprise value to EBITDA. With EBITDA of {E}, {claims} "
        "and {S} shares in issue, what is the implied share price?",
    ),
    ood_templates=(
        "Rivals change hands at {x} their operating cash earnings. This firm's such earnings "
        "are {E}; it carries {claims}; its register counts {S} units of stock. Fair value per "
        "unit?",
        "Mark the business to its rivals' {x} operating-earnings yardstick ({E} of such "
        "earnings), subtract what lenders are owed ({claims}) and spread the rest over {S} "
        "units of stock.",
        "Yardstick from rivals {x}; operating cash earnings {E}; {claims}; {S} units of stock. "
        "Worth of each unit?",
    ),
    parts=Parts(
        labels={
            "x": (
                "peer EV/EBITDA multiple",
                "comparable-company EV/EBITDA",
                "peer median EV/EBITDA",
                "sector EV/EBITDA multiple",
                "EV/EBITDA multiple of the peers",
                "trading multiple of comparables",
                "comps EV/EBITDA",
                "peer enterprise multiple",
                "EV/EBITDA multiple to apply",
                "target EV/EBITDA",
                "industry EV/EBITDA",
                "peer group average EV/EBITDA",
            ),
            "E": (
                "EBITDA",
                "company EBITDA",
                "LTM EBITDA",
                "annual EBITDA",
                "EBITDA for the year",
                "trailing EBITDA",
                "operating EBITDA",
                "adjusted EBITDA",
                "reported EBITDA",
                "full-year EBITDA",
                "EBITDA last year",
                "current-year EBITDA",
            ),
            "ND": (
                "net debt",
                "net borrowing",
                "debt net of cash",
                "net financial debt",
                "net debt position",
                "net indebtedness",
                "net debt at year end",
                "borrowing less cash",
                "net debt on the balance sheet",
                "total net debt",
                "net debt figure",
                "net debt after cash",
            ),
            "D": (
                "total debt",
                "gross debt",
                "debt",
                "borrowing",
                "interest-bearing debt",
                "financial debt",
                "debt outstanding",
                "bank and bond debt",
                "gross borrowing",
                "debt on the balance sheet",
                "book value of debt",
                "total borrowing",
            ),
            "Ca": (
                "cash",
                "cash and equivalents",
                "cash on the balance sheet",
                "cash balance",
                "cash holding",
                "cash position",
                "cash on hand",
                "balance-sheet cash",
                "cash and short-term investments",
                "year-end cash",
                "cash pile",
                "cash in the bank",
            ),
            "S": (
                "number of shares outstanding",
                "share count",
                "diluted share count",
                "number of shares in issue",
                "basic share count",
                "outstanding share count",
                "number of diluted shares",
                "fully diluted share count",
                "number of ordinary shares",
                "count of shares outstanding",
                "share base",
                "number of shares",
            ),
            "px": (
                "current share price",
                "share price today",
                "last traded price",
                "market price per share",
                "closing price",
                "stock price",
                "current stock price",
                "quoted share price",
                "price per share today",
                "last close",
                "trading price",
                "market price",
            ),
            "rev": (
                "revenue",
                "annual revenue",
                "sales",
                "net sales",
                "turnover",
                "total revenue",
                "revenue for the year",
                "top line",
                "LTM revenue",
                "full-year sales",
                "group revenue",
                "reported revenue",
            ),
        },
        asks=(
            "What share price does the peer multiple imply?",
            "What is the implied share price?",
            "Compute the implied value per share.",
            "What is the stock worth per share on the peers' EV/EBITDA?",
            "Implied price per share?",
            "What is the equity value per share from the EV/EBITDA multiple?",
            "Value the shares using the peer multiple: what price per share?",
            "What price per share do the comparables support?",
            "Work out the implied share price: enterprise value, less net debt, per share.",
            "What is the comps-based value of one share?",
            "What should the stock trade at if it got the peer multiple?",
            "What is the fair value per share on an EV/EBITDA basis?",
            "implied px?",
            "What is one share worth on a trading-comparables valuation?",
            "From enterprise value to equity value to price: what is the value per share?",
            "What price per share does the EV/EBITDA approach give?",
            "What is the implied equity value per share?",
            "Where would the shares be priced at the peer multiple?",
            "whats the implied share price?",
            "What per-share value comes out of the multiples valuation?",
            "What is the share price implied by valuing the company like its peers?",
        ),
        ood_labels={
            "x": ("rivals' operating-earnings yardstick", "yardstick from rivals"),
            "E": ("operating cash earnings", "cash earnings before D&A"),
            "ND": ("sum owed to lenders after cash", "lenders' claim net of liquid funds"),
            "D": ("sum owed to lenders", "lenders' claim"),
            "Ca": ("liquid funds", "money at hand"),
            "S": ("units of stock on the register", "register count"),
        },
        ood_asks=(
            "What fair value per unit of stock results?",
            "Spread the residual over the register: worth of each unit?",
            "Give the worth of each unit of stock.",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    CORRELATION,
    ANNUITY_DUE_FV,
    MONTHS_TO_PAY_OFF,
    IMPLIED_SHARE_PRICE,
)
