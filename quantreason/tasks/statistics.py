"""Statistics of returns and cash flows: the standard deviation of a run of periodic returns,
and the internal rate of return of an outlay followed by yearly inflows.

Students, fund analysts and anyone with a spreadsheet of monthly returns ask the first ("my
fund did 2.1 %, -0.8 %, 3.4 % and 1.2 %: what is the standard deviation?"); every question
says whether it wants the sample (n - 1) or the population (n) figure, since the two differ by
a few percent on four numbers. It is the spread of the returns themselves, not annualised
(``vol_annualisation`` scales a given volatility). Project appraisers and private investors ask
the second ("I put in $10,000 and get $3,000, $4,000 and $5,000 back: what is the IRR?"), the
rate that sets the NPV (``npv`` computes it at a given rate) to zero.

Solvers are written independently of the formula text: deviations from the mean for the
spread, Newton's method on the NPV for the IRR.
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
    Parts,
    Values,
    money,
    number_texts,
    pct,
    significant,
)

# --- return_stdev ---------------------------------------------------------------------------------

# Periodic returns: every question has four, a list may run to seven (Family.optional).
_RETURNS = ("r1", "r2", "r3", "r4", "r5", "r6", "r7")
_RETURN = pct((-12, 15), ((-60, -13), (16, 70)), decimals=1, ood_decimals=2)
_POPULATION_SHARE = 0.35  # questions asking for the population figure; the others, the sample
_PERIOD_WORDS = ("month", "quarter", "year")
_NUMBER_WORDS = {4: "four", 5: "five", 6: "six", 7: "seven"}


def _stdev_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Seven returns (a question keeps four to seven of them), out of range together, and the
    hidden ``pop``: 1 for the population standard deviation, 0 for the sample one; ``per`` is the
    period (0 month, 1 quarter, 2 year)."""
    band = rng.randrange(2)
    returns = {key: _RETURN.draw(rng, ood, band) for key in _RETURNS}
    population = 1.0 if rng.random() < _POPULATION_SHARE else 0.0
    period = float(rng.randrange(len(_PERIOD_WORDS)))
    return returns | {"pop": Num(population, 0, "plain"), "per": Num(period, 0, "plain")}


def _present(v: Mapping[str, object]) -> list[str]:
    return [key for key in _RETURNS if key in v]


def _stdev(v: Mapping[str, float]) -> float:
    # Squared deviations from the mean, over n (population) or n - 1 (sample).
    returns = [v[key] for key in _present(v)]
    mean = math.fsum(returns) / len(returns)
    squares = math.fsum((r - mean) ** 2 for r in returns)
    return math.sqrt(squares / (len(returns) - (0 if v["pop"] else 1)))


def _stdev_formula(f: Mapping[str, str]) -> str:
    function = "pstdev" if f["pop"] == "1" else "stdev"
    return f"{function}({','.join(f[key] for key in _present(f))})"


def _stdev_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The returns, the kind of standard deviation asked (``{sd}``: "sample standard
    deviation", ``{basis}``: how a composed question states it), the period (``{period}``,
    ``{periodly}``: "month", "monthly") and the list's length as a word (``{count}``)."""
    texts = {key: nums[key].text(rng) for key in _present(nums)}
    population = bool(nums["pop"].value)
    texts["sd"] = "population standard deviation" if population else "sample standard deviation"
    texts["basis"] = rng.choice(
        ("population (divide by n)", "the whole population", "population, not sample")
        if population
        else ("sample (divide by n - 1)", "a sample", "sample, not population")
    )
    texts["pop"] = texts["basis"]
    period = _PERIOD_WORDS[round(nums["per"].value)]
    texts["period"], texts["periodly"] = period, f"{period}ly".replace("yearly", "annual")
    texts["count"] = _NUMBER_WORDS[len(_present(nums))]
    return texts


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")


def _return_labels(forms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Return k's names, each form written with ``{n}`` (k) or ``{ordinal}`` ("first"...)."""
    return {
        f"r{n}": tuple(form.format(n=n, ordinal=ordinal) for form in forms)
        for n, ordinal in enumerate(_ORDINALS, start=1)
    }


RETURN_STDEV = Family(
    name="return_stdev",
    unit="percent",
    reasoning="Standard deviation = sqrt(sum of (return - mean)^2 / (n - 1), or / n for a "
    "population).",
    params={key: _RETURN for key in _RETURNS},
    optional=_RETURNS[4:],
    sample=_stdev_sample,
    render=_stdev_texts,
    formula=_stdev_formula,
    solve=_stdev,
    convention="percent, the returns' own period (not annualised); the sample (n - 1) or the "
    "population (n) standard deviation as the question says",
    templates=(
        "A fund's {periodly} returns were {r1}, {r2}, {r3} and {r4}. What is their {sd}?",
        "Returns: {r1}, {r2}, {r3}, {r4}. {sd}?",
        "Calculate the {sd} of these four {periodly} returns: {r1}, {r2}, {r3}, {r4}.",
        "Exam question: A stock returned {r1}, {r2}, {r3} and {r4} over four consecutive "
        "{period}s. Compute the {sd} of its returns, in percent.",
        "Hi Ana, can you get me the {sd} of the strategy's last four {periodly} returns? They "
        "were {r1}, {r2}, {r3} and {r4}. Thanks",
        "{sd} pls: {r1}, {r2}, {r3}, {r4}",
        "| {period} | 1 | 2 | 3 | 4 |\n| return | {r1} | {r2} | {r3} | {r4} |\n{sd} of the "
        "returns?",
        "- {period} 1: {r1}\n- {period} 2: {r2}\n- {period} 3: {r3}\n- {period} 4: {r4}\n"
        "What is the {sd}?",
        "Please I need the {sd} of my returns: {r1}, {r2}, {r3} and {r4}. How much is it?",
        "My portfolio went {r1}, then {r2}, then {r3}, then {r4} ({periodly}). How volatile is "
        "that, as a {sd}?",
        # Longer lists (Family.optional): five, six and seven returns.
        "Five {periodly} returns: {r1}, {r2}, {r3}, {r4}, {r5}. What is the {sd}?",
        "The fund returned {r1}, {r2}, {r3}, {r4} and {r5} in five successive {period}s. "
        "Compute the {sd} of those returns.",
        "Six {periodly} returns were recorded: {r1}, {r2}, {r3}, {r4}, {r5} and {r6}. Find "
        "their {sd}.",
        "{periodly} returns for seven {period}s: {r1}, {r2}, {r3}, {r4}, {r5}, {r6}, {r7}. {sd}?",
    ),
    ood_templates=(
        "How dispersed were these {count} {periodly} results - {r1}, {r2}, {r3}, {r4} - "
        "measured as a {sd}?",
        "Spread of outcomes, as the {sd}, for {periodly} performance figures of {r1}; {r2}; "
        "{r3}; {r4}?",
        "Quantify the variability ({sd}) of a track record reading {r1}, {r2}, {r3}, {r4}, "
        "{r5} across consecutive {period}s.",
    ),
    parts=Parts(
        labels={
            **_return_labels(
                (
                    "return {n}",
                    "period {n} return",
                    "observation {n}",
                    "return in period {n}",
                    "r{n}",
                    "return number {n}",
                    "value {n} of the series",
                    "data point {n}",
                    "{ordinal} return",
                    "return for the {ordinal} period",
                    "{ordinal} entry in the series",
                    "{ordinal} periodic return",
                )
            ),
            "pop": (
                "standard deviation basis",
                "standard deviation wanted",
                "treatment of the returns",
                "deviation type",
                "stdev convention",
                "standard deviation to use",
                "estimator",
                "nature of the data set",
                "variant of standard deviation",
                "type of standard deviation",
                "SD basis",
                "basis for the calculation",
                "data set type",
            ),
        },
        asks=(
            "What is the standard deviation of the returns?",
            "Compute the standard deviation of these returns.",
            "What is the standard deviation, in percent?",
            "How large is the standard deviation of the returns?",
            "Standard deviation of the returns?",
            "Work out the returns' standard deviation.",
            "What standard deviation do these returns have?",
            "Find the standard deviation of the series.",
            "What is the per-period volatility of the returns (no annualising)?",
            "What is the stdev of the series?",
            "Std dev of the returns?",
            "What is sigma for this return series?",
            "Compute the square root of the variance of these returns.",
            "How volatile are these returns per period, in standard deviation terms?",
            "Excel check: what does STDEV.S or STDEV.P give, whichever the basis calls for?",
            "How much risk is in these returns, as a standard deviation?",
            "Give the standard deviation of the period returns in percent.",
            "How much do these returns swing around their average, as a standard deviation?",
            "What is the SD of the returns?",
            "Total risk (standard deviation) of the series?",
        ),
        ood_labels={
            **_return_labels(("result {n}", "outcome no. {n}")),
            "pop": ("divisor convention", "dispersion measure basis"),
        },
        ood_asks=(
            "How dispersed are these results, as a standard deviation?",
            "Quantify the variability as a standard deviation.",
        ),
    ),
)

# --- irr ----------------------------------------------------------------------------------------

_INFLOWS = ("cf1", "cf2", "cf3", "cf4", "cf5")
_OUTLAY = money((1000, 5_000_000), ((1e7, 5e9), (50, 900)))


def _irr_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """An outlay now and two to five yearly inflows near the level payment that a drawn rate
    (-10 % to 45 %) would repay it with, each within +-40 % of it, to three figures."""
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and not ood and rng.random() < ROUND_QUESTION_SHARE
    outlay = _OUTLAY.draw(rng, ood, rng.randrange(2), scaled=scaled, round_figures=round_figures)
    count = rng.randint(2, 5)
    rate = rng.uniform(-0.10, 0.45)
    level = outlay.value / math.fsum((1 + rate) ** -t for t in range(1, count + 1))
    nums = {"cf0": outlay}
    for key in _INFLOWS[:count]:
        value = significant(level * rng.uniform(0.6, 1.4), 2 if round_figures else 3)
        decimals = 0 if value >= 1 else 2
        nums[key] = Num(round(value, decimals), decimals, "money")
    return nums


def _inflows(v: Mapping[str, object]) -> list[str]:
    return [key for key in _INFLOWS if key in v]


def _irr(v: Mapping[str, float]) -> float:
    # Newton's method on the NPV as a function of the rate, from 10 %.
    flows = [-v["cf0"], *(v[key] for key in _inflows(v))]
    rate = 0.1
    for _ in range(100):
        npv = math.fsum(cf / (1 + rate) ** t for t, cf in enumerate(flows))
        slope = math.fsum(-t * cf / (1 + rate) ** (t + 1) for t, cf in enumerate(flows))
        step = npv / slope
        rate = max(rate - step, -0.95)
        if abs(step) < 1e-13:
            break
    return rate * 100


def _irr_formula(f: Mapping[str, str]) -> str:
    return f"irr(-{f['cf0']},{','.join(f[key] for key in _inflows(f))})*100"


def _irr_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in one currency, and ``{flows}``: the inflows as one list ("$3,000, $4,000 and
    $5,000"), ``{count}``: how many years they run."""
    texts = number_texts(rng, nums)
    inflows = [texts[key] for key in _inflows(nums)]
    texts["flows"] = ", ".join(inflows[:-1]) + " and " + inflows[-1]
    count = len(inflows)
    texts["count"] = str(count)
    return texts


IRR = Family(
    name="irr",
    unit="percent",
    reasoning="IRR: the rate at which -outlay + sum of cash flow t / (1 + IRR)^t = 0.",
    params={"cf0": _OUTLAY},
    sample=_irr_sample,
    render=_irr_texts,
    valid=lambda v: -20 <= _irr(v) <= 60,
    formula=_irr_formula,
    solve=_irr,
    convention="percent a year; the outlay now (year 0), the inflows at the ends of years "
    "1, 2, ...",
    templates=(
        "A project costs {cf0} today and returns {flows} at the end of each of the next "
        "{count} years. What is its internal rate of return?",
        "Initial investment {cf0}; cash inflows at the end of years 1 to {count}: {flows}. IRR?",
        "What is the IRR of an investment of {cf0} now that pays back {flows} at the end of "
        "the following {count} years?",
        "Exam question: A machine costs {cf0} and is expected to generate net cash flows of "
        "{flows} at the end of years 1 to {count} respectively. Calculate the project's "
        "internal rate of return.",
        "Hi Ben, quick IRR check on the deal: we put in {cf0} up front and get {flows} back, "
        "one payment at the end of each year for {count} years. What IRR is that? Thanks",
        "irr? outlay {cf0} now, then {flows} (end of each year)",
        "Please I need the IRR. I invest {cf0} today and I receive {flows} at the end of each "
        "year, {count} years. How much is the IRR?",
        "I'm lending {cf0} to my brother's café. He'll pay me back {flows} at the end of each "
        "of the next {count} years. What annual return (IRR) is that for me?",
        "Find the discount rate that makes the NPV zero: outlay {cf0} at time 0, then "
        "year-end inflows of {flows}.",
        "Cash flows: {cf0} out today, then {flows} in, at the end of years 1 to {count}. "
        "Internal rate of return?",
    ),
    ood_templates=(
        "Which yearly rate equates {flows}, received over {count} successive year-ends, with "
        "the {cf0} committed at the outset?",
        "Break-even discount rate for committing {cf0} at inception in exchange for year-end "
        "receipts of {flows}?",
        "Money-weighted yearly yield when {cf0} is deployed immediately and {flows} flow back "
        "at the close of each subsequent year?",
    ),
    parts=Parts(
        labels={
            "cf0": (
                "initial investment",
                "outlay today",
                "upfront cost",
                "cost now (year 0)",
                "initial outlay",
                "investment at time 0",
                "amount invested today",
                "purchase price paid today",
                "initial cash outflow",
                "time-zero investment",
                "amount put in now",
                "cost of the project today",
                "year-zero outlay",
            ),
            **{
                f"cf{n}": (
                    f"cash flow at the end of year {n}",
                    f"year {n} inflow",
                    f"year-{n} cash flow",
                    f"inflow at end of year {n}",
                    f"cash received in year {n} (year-end)",
                    f"year {n} net cash flow (end of year)",
                    f"CF{n} (end of year {n})",
                    f"payment back at the end of year {n}",
                    f"inflow at the end of the {ordinal} year",
                    f"{ordinal} annual cash flow",
                    f"{ordinal} year-end inflow",
                    f"cash returned at the end of the {ordinal} year",
                )
                for n, ordinal in enumerate(_ORDINALS[:5], start=1)
            },
        },
        asks=(
            "What is the internal rate of return?",
            "What is the IRR?",
            "Compute the IRR of these cash flows.",
            "What rate makes the NPV zero?",
            "IRR?",
            "Work out the internal rate of return, per year.",
            "What annual return (IRR) does this investment earn?",
            "Find the IRR of the project.",
            "What discount rate sets the net present value to nil?",
            "What is the project's internal rate of return, per annum?",
            "IRR p.a.?",
            "What annual rate of return do these cash flows earn?",
            "Solve for the rate at which the present value of the inflows matches the initial "
            "investment.",
            "Is the project worth doing? Give its IRR so I can compare it with our hurdle rate.",
            "What is the highest hurdle rate at which this project still has a non-negative NPV?",
            "Rate of return implied by these cash flows, per year?",
            "What IRR would a spreadsheet's IRR function give for these flows, in percent?",
            "Annualised IRR of the deal?",
            "What is the discounted cash flow rate of return?",
            "Compute the investment's annual return on an IRR basis.",
        ),
        ood_labels={
            "cf0": ("capital committed at inception", "sum deployed at the outset"),
        },
        ood_asks=(
            "Which yearly rate equates the receipts with the sum committed?",
            "What money-weighted yearly yield results?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (RETURN_STDEV, IRR)
