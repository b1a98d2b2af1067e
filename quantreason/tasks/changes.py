"""Change families: the percent change from one value to another, and a bond's price change
for a yield move with modified duration *and* convexity.

Everyone asks the first, about anything that moves: a rent, a salary, revenue, an index level,
a share price ("it went from $1,850 to $1,975, by what percent?"). It is not a return: there is
no dividend or income (``holding_period_return``), no compounding over years (``cagr``), and a
fall is a negative change. Bond investors, risk managers and fixed-income students ask the
second when the first-order duration estimate (``duration_price_change``) is not enough: the
convexity term ``0.5 * C * dy^2`` is added, so a rise and a fall of the same size move the
price by different amounts. The yield move comes in basis points or in percentage points, and
every question names modified duration and convexity.

Solvers are written independently of the formula text: a ratio less one for the change, the
dollar change of a notional price for the bond.
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
    plain,
)
from quantreason.tasks.implied import DIRECTION_WORDS

# --- percent_change -------------------------------------------------------------------------------

# Amounts from a $10 ticket to a $1M house; out of range, company-sized sums and coins. The new
# value is 50-180 % of the old one, a fall as often as a rise.
_OLD = money((10, 1_000_000), ((2e6, 5e9), (0.5, 9)), decimals=0)
_CHANGE_TOO_SMALL = 0.002  # a change under 0.2 % rounds away in the shown digits


def _percent_change_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The old value and the new one, drawn from it (up to +80 % or down to -50 %), both shown
    with the same decimals (cents below $100)."""
    band = rng.randrange(2)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and not ood and rng.random() < ROUND_QUESTION_SHARE
    old = _OLD.draw(rng, ood, band, scaled=scaled, round_figures=round_figures)
    if old.value < 100 and not round_figures and old.scale == 1:  # small sums show cents
        old = Num(max(math.floor(old.value) + rng.randrange(100) / 100, 0.05), 2, "money")
    factor = rng.uniform(1.01, 1.8) if rng.random() < 0.5 else rng.uniform(0.5, 0.99)
    if old.scale != 1:
        new = Num(
            round(old.value * factor / old.scale, old.decimals) * old.scale,
            old.decimals,
            "money",
            old.scale,
        )
    else:
        new = Num(round(old.value * factor, old.decimals), old.decimals, "money")
    return {"V0": old, "V1": new}


def _percent_change(v: Mapping[str, float]) -> float:
    # The new value as a multiple of the old, less one whole.
    return (v["V1"] / v["V0"] - 1) * 100


PERCENT_CHANGE = Family(
    name="percent_change",
    unit="percent",
    reasoning="Percent change = (new - old) / old * 100.",
    params={"V0": _OLD},
    sample=_percent_change_sample,
    valid=lambda v: v["V0"] > 0 and abs(v["V1"] / v["V0"] - 1) >= _CHANGE_TOO_SMALL,
    formula=lambda f: f"({f['V1']}-{f['V0']})/{f['V0']}*100",
    solve=_percent_change,
    convention="percent, signed: negative for a fall; relative to the old value",
    templates=(
        "The price went from {V0} to {V1}. What is the percentage change?",
        "My rent was {V0} a month last year and is {V1} now. By what percent did it change?",
        "Old value {V0}, new value {V1}. Percent change?",
        "Exam question: A company's revenue was {V0} in 2023 and {V1} in 2024. Calculate the "
        "percentage change in revenue.",
        "Hi Jo, the quarterly marketing spend moved from {V0} to {V1}. Can you give me the % "
        "change for the slide? Negative if it went down. Thanks",
        "% chg? {V0} -> {V1}",
        "| before | after |\n| {V0} | {V1} |\nPercentage change?",
        "- Previous: {V0}\n- Current: {V1}\nWhat is the percent change?",
        "Please I need the percent of change. Before it was {V0}, now it is {V1}. How much "
        "percent is the change?",
        "My salary changed from {V0} to {V1} when I switched jobs. What percentage change is that?",
        "What is the percent change from {V0} to {V1}? Give it with its sign.",
        "The house we looked at was listed at {V0}; after six months the asking price is {V1}. "
        "By how many percent has the asking price changed?",
        "Compute the relative change, in percent, when a value moves from {V0} to {V1}.",
        "Last month's electricity bill: {V0}. This month's: {V1}. Percent change?",
    ),
    ood_templates=(
        "Starting level {V0}, finishing level {V1}: express the move as a signed share of the "
        "starting level, in percent.",
        "Something that used to cost {V0} now costs {V1}. What proportional move is that, in %?",
        "Budget line revised to {V1} from {V0}. Relative revision in percent?",
    ),
    parts=Parts(
        labels={
            "V0": (
                "old value",
                "previous value",
                "value before",
                "original amount",
                "last year's figure",
                "starting value",
                "initial price",
                "value at the start",
                "prior value",
                "base value",
                "old price",
                "value then",
                "opening amount",
            ),
            "V1": (
                "new value",
                "current value",
                "value after",
                "latest amount",
                "this year's figure",
                "ending value",
                "price now",
                "value at the end",
                "new price",
                "value today",
                "closing amount",
                "updated figure",
                "current amount",
            ),
        },
        asks=(
            "What is the percentage change?",
            "By what percent did it change?",
            "What is the percent change from the old value to the new one?",
            "Compute the % change (negative for a fall).",
            "Percent change?",
            "How many percent did the value change, with its sign?",
            "Work out the percentage change.",
            "What is the change in percent?",
            "By how much did it go up or down, in percent?",
            "What is the relative change, as a percentage of the old value?",
            "How big is the increase or decrease in percentage terms?",
            "What is the % chg?",
            "Percentage increase or decrease?",
            "How much higher or lower is the new value, in percent of the old one?",
            "New over old minus one, in percent?",
            "Did it rise or fall, and by how many percent?",
            "What is the delta in percentage terms, relative to the starting value?",
            "What percent up or down is that?",
            "Compute the rate of change from old to new, in percent.",
            "What is the percent increase (negative if it fell)?",
            "How much has it changed since then, as a percentage of where it started?",
        ),
        ood_labels={
            "V0": ("earlier reading", "figure we began with"),
            "V1": ("later reading", "figure we ended with"),
        },
        ood_asks=(
            "Express the move as a signed proportion of the earlier figure, in percent.",
            "What relative move does that represent, as a percentage?",
        ),
    ),
)

# --- convexity_price_change -----------------------------------------------------------------------

_DURATION = plain((1, 15), ((16, 30), (0.2, 0.9)), decimals=2)
# Yield moves in basis points (half the questions) or percentage points; out of range, with
# paired bands, a long bond meets a small move and a short one a large move.
_BASIS_POINTS = plain((5, 200), ((1, 4), (250, 500)))
_ROUND_BP = (10.0, 25.0, 50.0, 75.0, 100.0, 150.0, 200.0)


def _convexity_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Modified duration, a convexity near what bonds of that duration have (D(D+1), within
    -20 % / +30 %: a callable bond has less, a long zero more), and a signed yield move ``dy``
    in basis points or (``pp``) percentage points; ``bp`` is its size in basis points."""
    band = rng.randrange(2)
    duration = _DURATION.draw(rng, ood, band)
    if not ood and rng.random() < 0.5:
        duration = Num(round(duration.value, 1), 1, "plain")
    d = duration.value
    raw_convexity = d * (d + 1) * rng.uniform(0.8, 1.3)
    convexity_decimals = 2 if raw_convexity < 10 else 1 if raw_convexity < 100 else 0
    bp = _BASIS_POINTS.draw(rng, ood, band)
    if not ood and rng.random() < 0.3:
        bp = Num(rng.choice(_ROUND_BP), 0, "plain")
    sign = 1.0 if rng.random() < 0.5 else -1.0
    nums = {
        "D": duration,
        "C": Num(round(raw_convexity, convexity_decimals), convexity_decimals, "plain"),
        "bp": bp,
    }
    if rng.random() < 0.5:  # the same move in percentage points: 25 bp is 0.25
        points = bp.value / 100
        decimals = next(k for k in range(5) if round(points, k) == points)
        return nums | {"pp": Num(sign * points, decimals, "plain")}
    return nums | {"dy": Num(sign * bp.value, 0, "plain")}


_MOVE_FORMS = {
    "dy": ("{sign}{size} bp", "{sign}{size} basis points", "{up} {size} bps", "{size} bp {higher}"),
    "pp": (
        "{sign}{size} percentage points",
        "{up} {size} percentage points",
        "{size} percentage points {higher}",
    ),
}


def _convexity_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Duration and convexity, the move's size (``{size}``) and its unit (``{units}``: "basis
    points" or "percentage points", never "%"), the direction words of
    ``duration_price_change`` (``{rise}``, ``{rises}``, ``{rose}``, ``{up}``, ``{higher}``,
    ``{sign}``) and the whole move as one phrase: ``{move}`` for templates, and ``{dy}`` or
    ``{pp}`` (whichever the question has) for composed questions."""
    texts = number_texts(rng, {"D": nums["D"], "C": nums["C"]})
    key = "pp" if "pp" in nums else "dy"
    side = 0 if nums[key].value > 0 else 1
    for slot, pairs in DIRECTION_WORDS.items():
        texts[slot] = rng.choice(pairs)[side]
    texts["size"] = nums[key].formula.lstrip("-")
    texts["units"] = "percentage points" if key == "pp" else rng.choice(("basis points", "bp"))
    texts[key] = texts["move"] = rng.choice(_MOVE_FORMS[key]).format(**texts)
    return texts


def _convexity_formula(f: Mapping[str, str]) -> str:
    change = f"{f['dy']}/10000" if "dy" in f else f"{f['pp']}/100"
    return f"(-{f['D']}*{change}+{f['C']}*({change})**2/2)*100"


def _convexity_change(v: Mapping[str, float]) -> float:
    # The dollar change of a notional price of 100: duration's line plus convexity's curve.
    dy = v["dy"] / 10_000 if "dy" in v else v["pp"] / 100
    price = 100.0
    first_order = -v["D"] * price * dy
    second_order = v["C"] * price * dy * dy / 2
    return (first_order + second_order) / price * 100


CONVEXITY_PRICE_CHANGE = Family(
    name="convexity_price_change",
    unit="percent",
    reasoning="Price change % = (-modified duration * dy + 0.5 * convexity * dy^2) * 100.",
    params={"D": _DURATION, "bp": _BASIS_POINTS},
    sample=_convexity_sample,
    render=_convexity_texts,
    formula=_convexity_formula,
    solve=_convexity_change,
    convention="percent change in price, second order (modified duration and convexity); the "
    "yield move dy as a decimal (basis points / 10,000, percentage points / 100)",
    templates=(
        "A bond has a modified duration of {D} and a convexity of {C}. If its yield {rises} by "
        "{size} {units}, what is the approximate percentage change in its price, including "
        "the convexity adjustment?",
        "Modified duration {D}, convexity {C}, yield change {move}. Approximate % price "
        "change with convexity?",
        "Estimate the percent price change of a bond with modified duration {D} and convexity "
        "{C} when rates {rise} by {size} {units}. Include convexity.",
        "Exam question: A bond has a modified duration of {D} and a convexity of {C}. Market "
        "yields {rise} by {size} {units}. Using both duration and convexity, estimate the "
        "percentage change in the bond's price.",
        "Hi Priya, the client's bond has modified duration {D} and convexity {C}. If yields "
        "go {up} {size} {units}, what's the price change in percent with the convexity term? "
        "Thanks",
        "mod duration {D}, convexity {C}, yld {up} {size} {units} -> % px chg incl. convexity?",
        "| modified duration | convexity | yield change |\n| {D} | {C} | {move} |\n"
        "Approximate price change (%), duration plus convexity?",
        "- Modified duration: {D}\n- Convexity: {C}\n- Change in yield: {move}\nEstimated % "
        "change in price (with the convexity adjustment)?",
        "Please help, my bond have modified duration {D} and convexity {C}. The yield go {up} "
        "{size} {units}. How much percent the price change with duration and convexity?",
        "By about what percent does the price of a bond with modified duration {D} and "
        "convexity {C} change if its yield moves {size} {units} {higher}? Use the "
        "second-order (convexity-adjusted) estimate.",
        "I'm stress-testing our bond book: modified duration {D}, convexity {C}, and a "
        "parallel {rise} of {size} {units} in yields. What percent price change do duration "
        "and convexity together give?",
        "Yield move: {move}. Modified duration: {D}. Convexity: {C}. Percent price change "
        "including convexity?",
    ),
    ood_templates=(
        "Second-order repricing, in percent, of a holding with D* = {D} and curvature {C} "
        "under a shock of {sign}{size} {units} to its yield?",
        "If the curve shifts {size} {units} {higher}, how much does a note with modified "
        "duration {D} and a convexity figure of {C} reprice, curvature included, in %?",
        "Our position's modified duration is {D} and its convexity {C}; tomorrow yields could "
        "go {up} {size} {units}. Percent gain or loss on the price, duration plus "
        "convexity?",
    ),
    parts=Parts(
        labels={
            "D": (
                "modified duration",
                "mod duration",
                "modified duration (years)",
                "modified duration (MD)",
                "D_mod (modified duration)",
                "duration (modified)",
                "modified duration of the bond",
                "portfolio modified duration",
                "modified duration measure",
                "price duration (modified)",
                "modified duration of the issue",
                "modified duration value",
            ),
            "C": (
                "convexity",
                "bond convexity",
                "convexity (years squared)",
                "C",
                "convexity of the bond",
                "portfolio convexity",
                "annual convexity",
                "convexity measure",
                "price convexity",
                "convexity coefficient",
                "convexity statistic",
                "convexity value",
            ),
            "dy": (
                "change in yield",
                "yield change",
                "move in yields",
                "shift in rates",
                "parallel yield shift",
                "Δy",
                "basis-point move in yields",
                "rate move",
                "rate change",
                "change in market yields",
                "move in the bond's yield",
                "interest rate move",
            ),
            "pp": (
                "change in yield",
                "yield change",
                "move in yields",
                "shift in rates",
                "parallel yield shift",
                "Δy",
                "move in yields (percentage points)",
                "rate move",
                "rate change",
                "change in market yields",
                "move in the bond's yield",
                "interest rate move",
            ),
        },
        asks=(
            "What is the approximate percentage change in the price, including convexity?",
            "Estimate the percent price change using modified duration and convexity.",
            "By roughly what percentage does the bond's price move, with the convexity term?",
            "What price change, in percent, do duration and convexity give?",
            "How much does the price change in percent, to second order?",
            "Compute the approximate % change in value with the convexity adjustment.",
            "What is the estimated change in the bond's price, in percent, duration plus "
            "convexity?",
            "Approximate percentage price change with convexity?",
            "What is the duration-plus-convexity estimate of the price change, in percent?",
            "Apply the convexity adjustment: what percent does the price move?",
            "Using a second-order Taylor expansion with convexity, what is the % change in price?",
            "How much does the bond's value change in percent once convexity is added to duration?",
            "What is the convexity-adjusted price change in percent?",
            "% px chg incl. convexity?",
            "Estimate the percentage move in the bond price from the duration and convexity "
            "terms together.",
            "What price sensitivity estimate, in percent, do you get with the convexity term?",
            "Minus duration times the yield change, plus half the convexity times its square: "
            "what is that in percent?",
            "How far does the price rise or fall, in percent, counting convexity?",
            "Risk check: what percent price impact do duration and convexity give for this rate "
            "move?",
            "What percentage P&L on the bond's price do modified duration and convexity predict?",
            "Give the percent price change from the duration and convexity approximation.",
        ),
        ood_labels={
            "D": ("modified-basis duration", "duration D* (modified)"),
            "C": ("curvature (convexity)", "convexity figure"),
            "dy": ("shock to the yield", "yield shock"),
            "pp": ("shock to the yield", "yield shock"),
        },
        ood_asks=(
            "Second-order repricing of the holding, in percent?",
            "Percent gain or loss on the price, curvature included?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (PERCENT_CHANGE, CONVEXITY_PRICE_CHANGE)
