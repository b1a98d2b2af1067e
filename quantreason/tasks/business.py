"""Business arithmetic a manager, an accountant or a student does by hand: the break-even volume,
the selling price for a target margin or markup, straight-line and declining-balance
depreciation, the cash conversion cycle and free cash flow to the firm.

``breakeven_units`` is fixed costs over the contribution per unit (price less variable cost per
unit): ``50000/(25-15)``. Every question says how to round: where it asks for whole units the
answer is rounded up (selling part of a unit does not cover a cost), ``ceil(50000/(24.99-15.4))``;
otherwise it asks for the exact quotient, fractional units included. The answer is a plain
number (unit ``ratio``, the project's unitless number): ``count`` would store the exact quotient
rounded, and the tolerance is nil so that the exact quotient does not pass for the rounded-up
count. A side figure (units sold last year) sits beside the inputs in some composed questions.

``target_margin_price`` prices a unit from its cost: for a gross margin on the selling price
``cost/(1-margin/100)``, written ``sale_price(40,35/100,"margin")``; for a markup on cost
``cost*(1+markup/100)``, ``sale_price(40,35/100,"markup")``. Every question says which ("a 35%
gross margin on the selling price", "a 35% markup on cost"), and the formula names it
(:func:`quantreason.formula.sale_price`). A side figure (the expected monthly volume) sits beside
them in some composed questions.

``straight_line_depreciation`` is ``(cost-salvage)/life``, or ``cost/life`` where the question
says there is no salvage (residual) value. A side figure (the asset's age so far, which changes
nothing: the charge is the same every year) sits beside them in some composed questions.

``declining_balance_depreciation`` is the charge in year k under double-declining balance (rate
2/life on the opening book value), ``cost*(1-2/life)**(k-1)*2/life``, or under 150 % declining
balance, ``cost*(1-150/100/life)**(k-1)*150/100/life`` (``cost*2/life`` in year 1). Salvage
value is not deducted from the base, and draws keep the book value above it (it never binds);
there is no switch to straight line (the year asked is early enough that a switch would not yet
happen); a full year's charge in year 1. A side figure (the salvage value) sits beside them in
some composed questions.

``cash_conversion_cycle`` in days is DIO + DSO - DPO: half the questions give the three day
counts (``45.2+38-30.5``), half the balances and the year's flows on a 365-day year that the
question states: ``inventory/COGS*365+receivables/revenue*365-payables/COGS*365``. It may be
negative (suppliers paid after customers pay). Unit ``ratio`` (a plain number of days: the
project has no unit for days). A side figure (the cash balance) sits beside them in some
composed questions.

``free_cash_flow_firm`` is FCFF = EBIT*(1-tax rate) + D&A - capex - the increase in net working
capital: ``fcff(84000000,25/100,12000000,15000000,"increase",3000000)``; a decrease in net
working capital is added, ``fcff(...,"decrease",3000000)``. Every question says whether working
capital rose or fell, and the formula names it. A side figure (interest expense or dividends
paid, neither used in FCFF) sits beside them in some composed questions.

Variants are told apart by which keys a draw holds (``up`` or ``ex`` for the rounding, ``mg``
or ``mk``, ``S`` or ``S0``, ``dd`` or ``db``, ``k1`` or ``k``, ``Wi`` or ``Wd``): formula
builders never branch on a number's digits. Solvers are written independently of the formula
text: profit checked unit by unit, a price from the cost's share of it, a straight-line rate on
the depreciable base, a year-by-year book-value schedule, daily flows, and a cash bridge from
NOPAT.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Parts,
    Values,
    amount_beside,
    article,
    draw_params,
    money,
    number_texts,
    pct,
    plain,
    significant,
)


def _quoted(rng: random.Random, amount: Num) -> Num:
    """A company total as reports quote it: shown in full, a large amount keeps three or four
    significant figures ("$848,300,000", not "$848,300,132"); a scaled one stays as drawn."""
    if amount.scale != 1 or amount.value < 100_000:
        return amount
    return Num(significant(amount.value, rng.choice((3, 4)), whole=True), 0, amount.kind)


def _flag(value: float = 1.0) -> Num:
    """A hidden key marking a variant: never written in a formula, shown by its own text."""
    return Num(value, 0, "plain")


def _join(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


# --- breakeven_units ------------------------------------------------------------------------------

# Fixed costs of a period and the price per unit; out of range, a large manufacturer's (and
# big-ticket prices) or a stall's (and prices of cents). The variable cost is a share of the
# price; the check below keeps the break-even volume realistic.
_BE_PARAMS = {
    "F": money((5_000, 5_000_000), ((8_000_000, 400_000_000), (300, 4_000))),
    "P": money((2, 2_500), ((3_000, 80_000), (0.1, 1.5)), decimals=2),
}
_VARIABLE_SHARE = (0.2, 0.85)  # variable cost per unit over the price
WHOLE_UNITS_SHARE = 0.5  # questions asking for whole units, rounded up

# How a written question asks to round ({rounding}), and what a composed one shows under a
# rounding label; the exact ones never say "up", the rounded ones never "exact".
ROUND_UP_PHRASES = (
    "rounded up to a whole number of units",
    "in whole units, rounded up",
    "rounded up to the next whole unit",
)
EXACT_PHRASES = (
    "as an exact figure, not rounded",
    "as the exact quotient, fractions of a unit allowed",
    "unrounded, fractional units allowed",
)
ROUND_UP_VALUES = (
    "whole units, rounded up",
    "rounding up to the next whole unit",
    "up to a whole number of units",
)
EXACT_VALUES = (
    "exact quotient, no rounding",
    "none (fractional units allowed)",
    "no rounding, exact figure",
)


def _breakeven_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Fixed costs and price in one band and style, the variable cost per unit a share of the
    price shown like it, ``up`` (rounded up) or ``ex`` (exact), and in SIDE_FIGURE_SHARE of
    draws last year's volume ``L`` (not used)."""
    nums = draw_params(_BE_PARAMS, rng, ood)
    price = nums["P"]
    raw = price.value * rng.uniform(*_VARIABLE_SHARE)
    decimals = price.decimals if price.scale == 1 else 0
    nums["V"] = Num(round(raw, decimals), decimals, "money")
    nums["up" if rng.random() < WHOLE_UNITS_SHARE else "ex"] = _flag()
    if rng.random() < SIDE_FIGURE_SHARE:
        margin = price.value - nums["V"].value
        units = nums["F"].value / margin if margin > 0 else 1000.0
        nums["L"] = Num(
            significant(max(units, 10) * rng.uniform(0.6, 1.8), 2, whole=True), 0, "plain"
        )
    return nums


def _breakeven(v: Mapping[str, float]) -> float:
    """The volume at which the contribution covers the fixed costs: break-even revenue (fixed
    costs over the contribution margin ratio) in units of price; where whole units are asked,
    the first whole count whose profit is not negative."""
    fixed, price, variable = v["F"], v["P"], v["V"]
    revenue = fixed / (1 - variable / price)
    units = revenue / price
    if "up" not in v:
        return units
    count = math.floor(units)
    while count * price - count * variable - fixed < -1e-12 * fixed:
        count += 1
    return float(count)


def _breakeven_valid(v: Mapping[str, float]) -> bool:
    if not 0 < v["V"] < v["P"]:
        return False
    units = v["F"] / (v["P"] - v["V"])
    if "up" in v and abs(units - round(units)) < 0.001:  # rounding up must change something
        return False
    return 20 <= units <= 5_000_000


def _breakeven_formula(f: Mapping[str, str]) -> str:
    quotient = f"{f['F']}/({f['P']}-{f['V']})"
    return f"ceil({quotient})" if "up" in f else quotient


def _breakeven_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in one currency; ``{rounding}``: how the question asks to round, and under the
    hidden key (``up`` or ``ex``) the value a composed question shows beside a rounding label."""
    texts = number_texts(rng, {k: n for k, n in nums.items() if k not in ("up", "ex")})
    if "L" in nums:
        texts["L"] = f"{texts['L']} units"
    if "up" in nums:
        texts["rounding"] = rng.choice(ROUND_UP_PHRASES)
        texts["up"] = rng.choice(ROUND_UP_VALUES)
    else:
        texts["rounding"] = rng.choice(EXACT_PHRASES)
        texts["ex"] = rng.choice(EXACT_VALUES)
    return texts


ROUNDING_LABELS = (
    "rounding",
    "rounding rule",
    "rounding convention",
    "required precision",
    "precision of the answer",
    "answer format",
    "rounding instruction",
    "rounding basis",
    "rounding of the answer",
    "rounding policy",
    "treatment of part units",
    "unit rounding",
)

# The names of the cost-volume-profit inputs (fixed costs, price and variable cost per unit),
# shared by every family that asks a volume from them (breakeven_units, planning's
# target_profit_units).
COST_VOLUME_LABELS: dict[str, tuple[str, ...]] = {
    "F": (
        "fixed cost base",
        "total fixed cost",
        "annual fixed cost",
        "fixed overhead",
        "fixed cost per year",
        "fixed operating cost",
        "fixed expense",
        "total fixed expense",
        "period fixed cost",
        "fixed cost figure",
        "fixed-cost budget",
        "overhead",
    ),
    "P": (
        "selling price per unit",
        "price per unit",
        "unit price",
        "unit selling price",
        "sales price",
        "price charged per unit",
        "list price per unit",
        "average selling price",
        "price of one unit",
        "revenue per unit",
        "selling price",
        "net price per unit",
    ),
    "V": (
        "variable cost per unit",
        "unit variable cost",
        "variable cost",
        "direct cost per unit",
        "marginal cost per unit",
        "variable expense per unit",
        "cost to make one unit",
        "per-unit variable cost",
        "materials and labour cost per unit",
        "incremental cost per unit",
        "direct variable cost",
        "variable production cost per unit",
    ),
}
COST_VOLUME_OOD_LABELS: dict[str, tuple[str, ...]] = {
    "F": ("standing overhead", "outgoing independent of output"),
    "P": ("realisation per item", "sum fetched by each item"),
    "V": ("direct input per item", "outlay scaling with each item"),
}


BREAKEVEN_UNITS = Family(
    name="breakeven_units",
    unit="ratio",
    reasoning="Break-even units = fixed costs / (price per unit - variable cost per unit), "
    "rounded up only when whole units are asked.",
    params=_BE_PARAMS,
    sample=_breakeven_sample,
    render=_breakeven_texts,
    valid=_breakeven_valid,
    formula=_breakeven_formula,
    solve=_breakeven,
    tolerance=0.0,
    # a count rounded as the question says; no aside may wave costs or fees away either
    uses=frozenset({"rounding", "costs"}),
    convention="units (a plain number): fixed costs over the contribution per unit (price less "
    "variable cost per unit); rounded up to the next whole unit (ceil) where the question asks "
    "for whole units, otherwise the exact quotient, fractional units included; no target "
    "profit, no taxes",
    templates=(
        "Our fixed costs are {F} a year. We sell each unit for {P} and the variable cost per "
        "unit is {V}. How many units do we need to sell to break even? Give the answer "
        "{rounding}.",
        "Fixed costs {F}, selling price {P} per unit, variable cost {V} per unit. Break-even "
        "point in units ({rounding})?",
        "Exam question: A company has fixed costs of {F}. Its product sells for {P} per unit "
        "and has variable costs of {V} per unit. Calculate the break-even quantity, {rounding}.",
        "Hi Sara, for the pricing deck: fixed costs are {F}, we charge {P} a unit and each unit "
        "costs us {V} in materials and labour. How many units until we break even? Please give "
        "it {rounding}. Thanks, Dev",
        "hey so my candle business has {F} in fixed costs, i sell candles at {P} and each one "
        "costs {V} to make. how many do i have to sell to break even?? answer {rounding} pls",
        "| fixed costs | price per unit | variable cost per unit |\n|---|---|---|\n| {F} | {P} "
        "| {V} |\n\nBreak-even volume in units, {rounding}?",
        "- Fixed costs: {F}\n- Selling price: {P} per unit\n- Variable cost: {V} per unit\nHow "
        "many units must be sold to break even ({rounding})?",
        "Please help me. My small factory have fixed cost {F}. I sell one piece for {P}, and "
        "one piece cost me {V} to produce. How many pieces I must sell for no profit and no "
        "loss? Answer {rounding}.",
        "My sister and I run a food truck (she cooks, I do the books, and our dog rides along). "
        "Fixed costs come to {F}; a meal sells for {P} and the ingredients cost {V} per meal. "
        "How many meals do we need to sell to break even, {rounding}?",
        "CVP note: FC {F}; price {P}/unit; VC {V}/unit. BE units = ? ({rounding})",
        "How many units does a business with fixed costs of {F} need to sell to break even, if "
        "the price is {P} and the variable cost is {V} per unit? Answer {rounding}.",
        "We sell each unit for {P}; making it costs {V}. Rent, salaries and insurance add up to "
        "{F} whatever we sell. How many units must we sell before we stop losing money? Answer "
        "{rounding}.",
        "Question 3. The fixed costs of a product line are {F}. Unit selling price: {P}. Unit "
        "variable cost: {V}. Determine the break-even output in units, {rounding}.",
        "Dear Mr Okafor, the new product has fixed costs of {F} per year, a planned price of "
        "{P} and variable costs of {V} per unit. Could you tell me how many units we must sell "
        "to cover our costs? Please give the figure {rounding}. Kind regards, Helen",
        "Variable cost {V}/unit, price {P}/unit, fixed costs {F}. What's the breakeven volume, "
        "{rounding}?",
        "ok so fixed costs r {F}, price {P}, var cost {V} per unit. breakeven units? ({rounding})",
        "Startup plan: we expect fixed costs of {F}. Each subscription box sells at {P} and "
        "costs {V} to fill and ship. How many boxes must we sell to break even? Give the answer "
        "{rounding}.",
        "Break-even analysis: contribution per unit is the price of {P} less the variable cost "
        "of {V}; fixed costs are {F}. How many units cover the fixed costs, {rounding}?",
        "In a cost-volume-profit exercise, a firm has {F} of fixed costs, sells at {P} per unit "
        "and incurs {V} of variable cost per unit. Find the break-even point in units, "
        "{rounding}.",
        "| Item | Amount |\n|---|---|\n| Variable cost per unit | {V} |\n| Fixed costs | {F} |\n"
        "| Price per unit | {P} |\nHow many units to break even? Answer {rounding}.",
        "I'm opening a small bakery. Monthly fixed costs: {F}. A loaf sells for {P} and costs "
        "{V} in ingredients and packaging. How many loaves a month do I need to sell to break "
        "even, {rounding}?",
        "Sorry for my English. Company has fixed expenses {F}, price for one unit is {P}, "
        "variable expense for one unit is {V}. What is break even quantity? Give answer "
        "{rounding}.",
    ),
    ood_templates=(
        "Overheads that do not move with output total {F}. Each item fetches {P} and consumes "
        "{V} in direct inputs. What output makes takings exactly cover outgoings? Express it "
        "{rounding}.",
        "Output needed for a zero bottom line: {F} of standing overheads, {P} realised per "
        "item, {V} direct input per item. Quantity, {rounding}?",
        "How much volume must the venture shift before standing charges of {F} are absorbed, "
        "given a realisation of {P} per piece against {V} of direct input per piece? State it "
        "{rounding}.",
    ),
    parts=Parts(
        labels={
            **COST_VOLUME_LABELS,
            "up": ROUNDING_LABELS,
            "ex": ROUNDING_LABELS,
            "L": (
                "sales volume last year",
                "prior-year sales volume",
                "volume sold last year",
                "unit volume last year",
                "prior-year unit volume",
                "quantity sold last year",
                "sales volume in the prior year",
                "volume shipped last year",
                "prior-period sales volume",
                "actual volume last year",
                "previous year's sales volume",
                "historical annual volume",
            ),
        },
        asks=(
            "How many units must be sold to break even?",
            "What is the break-even point in units?",
            "What is the break-even volume?",
            "How many units are needed to cover the fixed costs?",
            "Break-even units?",
            "What is the break-even quantity?",
            "Compute the break-even point in units.",
            "How many units does the business need to sell before it stops making a loss?",
            "At what sales volume is profit exactly zero?",
            "how many units to break even?",
            "What unit volume covers all the costs?",
            "Work out the break-even output.",
            "How many units must we sell to cover our fixed costs?",
            "What is the BEP in units?",
            "What sales volume in units gives neither a profit nor a loss?",
            "How many units until the product line breaks even?",
            "Find the number of units needed to break even.",
            "What is the breakeven volume for the product?",
            "How much do we have to sell, in units, to break even?",
            "What is the CVP break-even point in units?",
            "How many units at this price cover both fixed and variable costs?",
        ),
        ood_labels={
            **COST_VOLUME_OOD_LABELS,
            "up": ("form of the result", "result convention"),
            "ex": ("form of the result", "result convention"),
            "L": (
                "throughput achieved a twelvemonth ago",
                "output shifted in the preceding period",
            ),
        },
        ood_asks=(
            "Quantity at which takings equal outgoings?",
            "Output level that leaves the venture exactly square?",
            "Volume needed for a zero bottom line?",
        ),
    ),
)


# --- target_margin_price --------------------------------------------------------------------------

# The unit cost, and a gross margin on the selling price or a markup on cost; out of range,
# costly equipment (and software-like margins) or items costing cents (and thin margins).
_PRICE_PARAMS = {
    "C": money((1, 5_000), ((8_000, 400_000), (0.05, 0.6)), decimals=2),
    "mg": pct((10, 75), ((78, 95), (1, 6)), decimals=0, ood_decimals=1),
    "mk": pct((10, 150), ((170, 600), (1, 6)), decimals=0, ood_decimals=1),
}
MARGIN_SHARE = 0.5  # questions giving a margin on the selling price; the others a markup on cost


def _price_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The cost and one of the margin ``mg`` and the markup ``mk``; in SIDE_FIGURE_SHARE of
    draws the expected monthly volume ``Q`` (not used)."""
    nums = draw_params(_PRICE_PARAMS, rng, ood)
    drop = "mk" if rng.random() < MARGIN_SHARE else "mg"
    del nums[drop]
    if rng.random() < SIDE_FIGURE_SHARE:
        volume = math.exp(rng.uniform(math.log(50), math.log(80_000)))
        nums["Q"] = Num(significant(volume, 2, whole=True), 0, "plain")
    return nums


def _target_price(v: Mapping[str, float]) -> float:
    """The price of which the cost is the share the margin leaves (100 - margin out of 100),
    or the cost plus the markup's amount on it."""
    if "mg" in v:
        return v["C"] * 100 / (100 - v["mg"])
    return v["C"] + v["C"] * v["mk"] / 100


def _price_formula(f: Mapping[str, str]) -> str:
    # The rule is named, never turned into a choice between dividing and multiplying (run BR
    # priced a margin as a markup in all 4 of its tuning-set misses; experiments.md, session 41).
    if "mg" in f:
        return f'sale_price({f["C"]},{f["mg"]}/100,"margin")'
    return f'sale_price({f["C"]},{f["mk"]}/100,"markup")'


def _price_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{rule}``: the margin or markup with its basis and article ("a 35% gross margin on the
    selling price", "an 18% markup on cost"); ``{rate}`` the percentage alone, ``{rule_label}``
    a list or table heading for it and ``{basis}`` what follows it in a note ("margin on the
    selling price"). Every one names the basis."""
    texts = number_texts(rng, nums)
    if "Q" in nums:
        texts["Q"] = f"{texts['Q']} units"
    if "mg" in nums:
        rate = texts["mg"]
        texts["rule"] = rng.choice(
            (
                f"{article(rate)} {rate} gross margin on the selling price",
                f"{article(rate)} {rate} margin on the selling price",
                f"a gross margin of {rate} on the selling price",
                f"{article(rate)} {rate} margin (on the selling price)",
            )
        )
        texts["rule_label"] = rng.choice(
            (
                "Target margin (on selling price)",
                "Gross margin on price",
                "Margin on the selling price",
            )
        )
        texts["basis"] = rng.choice(("margin on the selling price", "gross margin on price"))
    else:
        rate = texts["mk"]
        texts["rule"] = rng.choice(
            (
                f"{article(rate)} {rate} markup on cost",
                f"a markup of {rate} on cost",
                f"{article(rate)} {rate} mark-up on cost",
                f"{article(rate)} {rate} markup (on cost)",
            )
        )
        texts["rule_label"] = rng.choice(
            ("Markup on cost", "Mark-up (on cost)", "Markup over cost")
        )
        texts["basis"] = rng.choice(("markup on cost", "mark-up over cost"))
    texts["rate"] = rate
    return texts


TARGET_MARGIN_PRICE = Family(
    name="target_margin_price",
    unit="currency",
    reasoning="Selling price = cost / (1 - margin on price), or cost * (1 + markup on cost).",
    params=_PRICE_PARAMS,
    sample=_price_sample,
    render=_price_texts,
    formula=_price_formula,
    solve=_target_price,
    uses=frozenset({"costs"}),
    convention="price per unit in currency: for a gross margin on the selling price, cost / "
    "(1 - margin); for a markup on cost, cost * (1 + markup), as the question says; the cost "
    "given is the whole unit cost, no taxes or discounts",
    templates=(
        "A product costs {C} to make. We want {rule}. What should the selling price be?",
        "Unit cost {C}; pricing target: {rate} {basis}. Selling price?",
        "Exam question: A retailer buys an item for {C} and prices it to earn {rule}. "
        "Calculate the selling price.",
        "Hi Tom, the supplier's price just came in at {C} per unit. Finance wants {rule}. What "
        "list price do we put in the catalogue? Thanks, Aisha",
        "whats the price if cost is {C} and i want {rule}?",
        "| unit cost | {rule_label} |\n|---|---|\n| {C} | {rate} |\nWhat selling price does "
        "this give?",
        "- Cost per unit: {C}\n- {rule_label}: {rate}\nWhat price should we charge?",
        "Please, I buy the product for {C}. I want to have {rule}. For which price I must sell?",
        "I make leather wallets in my garage (my cat sleeps on the offcuts). Each wallet costs "
        "me {C} in materials. I'd like {rule}. What price should I charge?",
        "Pricing memo: landed cost {C}/unit, {rate} {basis}. Price = ?",
        "What selling price gives {rule} on an item that costs {C}?",
        "Our cost for one unit is {C}. The policy is {rule}. At what price should the unit be "
        "sold?",
        "Question 6. A wholesaler's cost per unit is {C}. Management requires {rule}. Determine "
        "the selling price per unit.",
        "Dear team, the new blender costs us {C} landed. With {rule}, what should the shelf "
        "price be? Best, Marco",
        "Cost {C}. {rule_label}: {rate}. Selling price?",
        "ok so cost per unit is {C} and we're going for {rule}. what do we sell it at",
        "If a product costs {C} and the company applies {rule}, what is the selling price per "
        "unit?",
        "Restaurant pricing: a dish costs {C} in ingredients. The owner wants {rule}. What menu "
        "price does that give?",
        "Sorry for my English. Cost of one piece is {C}. Boss say we need {rule}. What is the "
        "price for sell?",
        "Our starter kit costs {C} per unit to produce. To hit {rule}, what must we charge each "
        "customer?",
        "| Item | Value |\n|---|---|\n| {rule_label} | {rate} |\n| Cost per unit | {C} |\n"
        "Required selling price?",
        "Set the selling price for an item costing {C}, given {rule}.",
    ),
    ood_templates=(
        "Acquisition outlay per article: {C}. The proprietor insists on {rule}. Ticket figure?",
        "An article is procured at {C}; quote the ticket figure that yields {rule}.",
        "What tag should a shopkeeper affix to merchandise procured for {C} so as to achieve "
        "{rule}?",
    ),
    parts=Parts(
        labels={
            "C": (
                "unit cost",
                "cost per unit",
                "purchase cost per unit",
                "cost of the item",
                "landed cost per unit",
                "product cost",
                "cost to make one unit",
                "cost price",
                "cost of goods per unit",
                "unit cost of the product",
                "supplier cost per unit",
                "production cost per unit",
            ),
            "mg": (
                "target gross margin on the selling price",
                "gross margin on price",
                "margin on the selling price",
                "target margin on selling price",
                "required gross margin on sales",
                "desired margin on the selling price",
                "gross margin as a share of the selling price",
                "margin on sales",
                "target margin on price",
                "gross profit margin on the selling price",
                "profit margin on the selling price",
                "gross margin on the sales price",
            ),
            "mk": (
                "markup on cost",
                "mark-up on cost",
                "markup percentage on cost",
                "markup over cost",
                "target markup on cost",
                "markup on unit cost",
                "required markup on cost",
                "markup applied to cost",
                "percentage markup on cost",
                "markup on the cost price",
                "standard markup on cost",
                "desired mark-up over cost",
            ),
            "Q": (
                "expected monthly volume",
                "forecast monthly volume",
                "planned volume per month",
                "expected unit volume",
                "sales forecast in units",
                "monthly volume target",
                "projected volume",
                "expected quantity sold per month",
                "forecast unit volume",
                "budgeted volume",
                "planned production run",
                "anticipated monthly demand",
            ),
        },
        asks=(
            "What should the selling price be?",
            "What is the selling price?",
            "What price should we charge?",
            "What is the required selling price per unit?",
            "Selling price?",
            "What list price does this give?",
            "Compute the selling price.",
            "What is the price per unit to charge?",
            "At what price should the item be sold?",
            "What is the target price?",
            "whats the selling price?",
            "Work out the price to charge.",
            "What shelf price should the item carry?",
            "What must the item sell for?",
            "Find the selling price per unit.",
            "What is the lowest price that meets the pricing rule?",
            "What price meets the pricing target?",
            "How much should we charge per unit?",
            "What is the sticker price?",
            "What is the unit selling price?",
            "What price should go on the quote?",
        ),
        ood_labels={
            "C": ("acquisition outlay per article", "procurement outlay"),
            "mg": (
                "gross margin measured against the ticket figure",
                "margin relative to the ticket figure",
            ),
            "mk": ("markup layered onto the procurement outlay", "markup atop the outlay"),
            "Q": ("anticipated turnover of articles", "throughput anticipated by the proprietor"),
        },
        ood_asks=(
            "Ticket figure to affix?",
            "At what amount should the article be tagged?",
            "Which tag amount satisfies the proprietor?",
        ),
    ),
)


# --- straight_line_depreciation -------------------------------------------------------------------

# Cost and useful life; out of range, buildings and plants (long lives) or small kit written off
# over two years.
_SL_PARAMS = {
    "C": money((2_000, 5_000_000), ((8_000_000, 500_000_000), (150, 1_500))),
    "n": plain((3, 40), ((45, 75), (2, 2))),
}
NO_SALVAGE_SHARE = 0.3
_SALVAGE_SHARE_OF_COST = (0.02, 0.3)
_NO_SALVAGE_VALUES = ("nil", "zero")
_SALVAGE_NAMES = ("salvage value", "residual value", "scrap value")


def _sl_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Cost and life in one band; a salvage value ``S`` shown like the cost, or ``S0`` (none);
    in SIDE_FIGURE_SHARE of draws the asset's age so far ``A`` (not used: the charge is the
    same every year)."""
    nums = draw_params(_SL_PARAMS, rng, ood)
    if rng.random() < NO_SALVAGE_SHARE:
        nums["S0"] = _flag(0.0)
    else:
        nums["S"] = amount_beside(
            rng, nums["C"].value * rng.uniform(*_SALVAGE_SHARE_OF_COST), nums["C"]
        )
    life = round(nums["n"].value)
    if rng.random() < SIDE_FIGURE_SHARE and life >= 2:
        nums["A"] = Num(float(rng.randint(1, life - 1)), 0, "plain")
    return nums


def _straight_line(v: Mapping[str, float]) -> float:
    """The straight-line rate (one over the life) on the depreciable base."""
    base = v["C"] - v.get("S", 0.0)
    return base * (1 / v["n"])


def _sl_formula(f: Mapping[str, str]) -> str:
    if "S" in f:
        return f"({f['C']}-{f['S']})/{f['n']}"
    return f"{f['C']}/{f['n']}"


def _sl_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{salvage}``: "a salvage value of $5,000" or "no salvage value"; ``{S_text}`` the
    value alone ("$5,000", "nil") under ``{S_label}``; ``{life}`` the life (digits) that
    templates follow with their own word for years, ``{n}`` the same with "years"."""
    texts = number_texts(rng, {k: n for k, n in nums.items() if k != "S0"})
    name = rng.choice(_SALVAGE_NAMES)
    texts["S_label"] = name[0].upper() + name[1:]
    if "S" in nums:
        texts["salvage"] = rng.choice(
            (
                f"a {name} of {texts['S']}",
                f"an estimated {name} of {texts['S']}",
            )
        )
        texts["S_text"] = texts["S"]
    else:
        texts["salvage"] = rng.choice((f"no {name}", f"zero {name}", f"a {name} of nil"))
        texts["S0"] = texts["S_text"] = rng.choice(_NO_SALVAGE_VALUES)
    if "A" in nums:
        texts["A"] = f"{texts['A']} {'year' if nums['A'].value == 1 else 'years'}"
    texts["life"], texts["n"] = texts["n"], f"{texts['n']} years"
    return texts


_ASSET_COST_LABELS = (
    "cost of the asset",
    "asset cost",
    "purchase price",
    "acquisition cost",
    "historical cost",
    "original cost",
    "capitalised cost",
    "initial cost",
    "cost of the equipment",
    "cost of the machine",
    "purchase cost",
    "gross cost",
)
_LIFE_LABELS = (
    "useful life",
    "estimated useful life",
    "economic life",
    "service life",
    "depreciable life",
    "expected life",
    "useful economic life",
    "life of the asset",
    "depreciation period",
    "asset life",
    "expected service life",
    "write-off period",
)
_SALVAGE_LABELS = (
    "salvage value",
    "residual value",
    "scrap value",
    "estimated salvage value",
    "estimated residual value",
    "disposal value",
    "end-of-life value",
    "salvage estimate",
    "residual value at the end of the life",
    "expected resale value",
    "value at the end of its useful life",
    "scrap value at retirement",
)

STRAIGHT_LINE_DEPRECIATION = Family(
    name="straight_line_depreciation",
    unit="currency",
    reasoning="Straight-line depreciation per year = (cost - salvage value) / useful life in "
    "years.",
    params=_SL_PARAMS,
    sample=_sl_sample,
    render=_sl_texts,
    valid=lambda v: v.get("S", 0.0) < v["C"],
    formula=_sl_formula,
    solve=_straight_line,
    convention="currency a year: cost less salvage (residual) value, spread evenly over the "
    "useful life in years; cost over life where the question says there is no salvage value; "
    "the same charge every year, whatever the asset's age",
    templates=(
        "A machine costs {C}, has a useful life of {life} years and {salvage}. What is the annual "
        "straight-line depreciation?",
        "Asset cost {C}, life {life} yrs, {salvage}. Straight-line depreciation per year?",
        "Exam question: A company buys equipment for {C}. It expects to use it for {life} years, "
        "after which it will have {salvage}. Calculate the annual depreciation charge using "
        "the straight-line method.",
        "Hi Jo, we just capitalised a delivery van at {C}. Useful life {life} years, {salvage}. "
        "What's the yearly straight-line charge for the fixed asset register? Thanks, Raj",
        "how much do i depreciate each year? bought a truck for {C}, using it {life} years, "
        "{salvage}. straight line",
        "| cost | useful life (years) | {S_label} |\n|---|---|---|\n| {C} | {life} | {S_text} |\n"
        "Annual straight-line depreciation?",
        "- Cost: {C}\n- Useful life: {life} years\n- {S_label}: {S_text}\nStraight-line "
        "depreciation expense per year?",
        "Please help. Our company buy a machine for {C}. We will use it {life} years and at the "
        "end it has {salvage}. How much is the depreciation every year with straight line "
        "method?",
        "I run a small print shop (my daughter designed the logo). We bought a new press for "
        "{C}; it should last {life} years, with {salvage}. What is the straight-line depreciation "
        "each year?",
        "FA register: cost {C}, UEL {life}y, {salvage}. SL dep p.a.?",
        "What is the yearly straight-line depreciation of an asset that cost {C}, with "
        "{salvage} and a useful life of {life} years?",
        "We paid {C} for new servers. They will be used for {life} years and then have {salvage}. "
        "If the cost is spread evenly over those years, how much is expensed each year?",
        "Question 2. Equipment is purchased for {C}. Its estimated useful life is {life} years "
        "with {salvage}. Using the straight-line method, determine the annual depreciation.",
        "Dear Ms Park, for the budget: the new forklift cost {C}, will be in use for {life} years "
        "and has {salvage}. Could you confirm the annual depreciation on a straight-line "
        "basis? Regards, Tim",
        "Straight-line dep: {C} cost, {life} years, {salvage}. Per year?",
        "ok so the laptop fleet cost {C}, life {life} yrs, {salvage}. whats the straight line "
        "depreciation per yr",
        "A building improvement costing {C} is depreciated on a straight-line basis over {life} "
        "years, with {salvage}. What is the depreciation charge each year?",
        "Sorry for my English. Machine price is {C}, it work {life} years, {salvage}. Straight "
        "line depreciation for one year is how much?",
        "Our accountant asked me for the annual straight-line depreciation on an asset that "
        "cost {C}, lasts {life} years and has {salvage}. What is it?",
        "| Item | Value |\n|---|---|\n| Useful life | {life} years |\n| {S_label} | {S_text} |\n"
        "| Cost | {C} |\nWhat is the straight-line depreciation per year?",
        "Compute the annual straight-line depreciation: purchase price {C}, useful life {life} "
        "years, {salvage}.",
    ),
    ood_templates=(
        "Outlay on the plant: {C}. Service span: {life} twelvemonths. Leftover worth at "
        "retirement: {S_text}. Equal yearly write-down?",
        "Spread an outlay of {C} uniformly across {life} twelvemonths of service, given "
        "{salvage}: what is written off per annum?",
        "Uniform write-down each twelvemonth for plant acquired at {C}, serviceable for {life} "
        "years, with {salvage}?",
    ),
    parts=Parts(
        labels={
            "C": _ASSET_COST_LABELS,
            "n": _LIFE_LABELS,
            "S": _SALVAGE_LABELS,
            "S0": _SALVAGE_LABELS,
            "A": (
                "age of the asset",
                "asset age",
                "time in service so far",
                "current age",
                "age of the machine",
                "time already in use",
                "elapsed service time",
                "time since purchase",
                "age at the start of this year",
                "time on the books so far",
                "time in use to date",
                "current age of the equipment",
            ),
        },
        asks=(
            "What is the annual straight-line depreciation?",
            "What is the straight-line depreciation charge per year?",
            "Compute the yearly straight-line depreciation.",
            "Straight-line depreciation per year?",
            "How much is depreciated each year on a straight-line basis?",
            "What is the annual depreciation expense under the straight-line method?",
            "What is the yearly depreciation using the straight-line method?",
            "What annual depreciation should go in the fixed asset register?",
            "What is the SL depreciation per year?",
            "How much depreciation is charged every year, straight line?",
            "Work out the annual straight-line charge.",
            "whats the straight line depreciation per year?",
            "What is the even annual depreciation charge?",
            "How much of the asset's cost is expensed each year under straight-line depreciation?",
            "Find the annual depreciation under the straight-line method.",
            "What is the yearly depreciation charge on a straight-line basis?",
            "What amount is depreciated per year, straight-line?",
            "What is the straight-line depreciation expense for one year?",
            "How much does the asset depreciate per year, straight line?",
            "What yearly charge does straight-line depreciation give?",
        ),
        ood_labels={
            "C": ("outlay on the plant", "price paid for the plant"),
            "n": ("service span", "serviceable span"),
            "S": ("leftover worth at retirement", "worth once retired"),
            "S0": ("leftover worth at retirement", "worth once retired"),
            "A": ("span already served", "period already spent in operation"),
        },
        ood_asks=(
            "Equal yearly write-down?",
            "What is written off per annum in equal slices?",
            "Uniform write-down each twelvemonth?",
        ),
    ),
)


# --- declining_balance_depreciation ---------------------------------------------------------------

# Cost and useful life; out of range, large plant over long lives or small kit. The year asked
# is drawn so that a switch to straight line would not yet happen.
_DB_PARAMS = {
    "C": money((5_000, 5_000_000), ((8_000_000, 500_000_000), (300, 2_500))),
    "n": plain((3, 20), ((25, 40),)),
}
DOUBLE_SHARE = 0.7  # double-declining balance; the others 150 % declining balance
_FACTOR_150 = Num(150.0, 0, "pct")


def _db_rate(v: Mapping[str, float]) -> float:
    return (2.0 if "dd" in v else v["db"] / 100) / v["n"]


def _db_year(v: Mapping[str, float]) -> int:
    return 1 if "k1" in v else round(v["k"])


def _db_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Cost and life in one band; ``dd`` (double-declining) or ``db`` (150 %); the year asked,
    ``k1`` for year 1 or ``k`` for a later one, no later than a switch to straight line would
    come; in SIDE_FIGURE_SHARE of draws a salvage value ``S`` that never binds (not used)."""
    nums = draw_params(_DB_PARAMS, rng, ood)
    life = round(nums["n"].value)
    if rng.random() < DOUBLE_SHARE:
        nums["dd"] = _flag()
        last = life // 2 + 1
    else:
        nums["db"] = _FACTOR_150
        last = life // 3 + 1
    year = rng.randint(1, max(1, last))
    if year == 1:
        nums["k1"] = _flag()
    else:
        nums["k"] = Num(float(year), 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["S"] = amount_beside(rng, nums["C"].value * rng.uniform(0.02, 0.15), nums["C"])
    return nums


def _declining_balance(v: Mapping[str, float]) -> float:
    """A year-by-year schedule: each year's charge is the rate on the opening book value."""
    rate, book = _db_rate(v), v["C"]
    charge = 0.0
    for _ in range(_db_year(v)):
        charge = book * rate
        book -= charge
    return charge


def _db_valid(v: Mapping[str, float]) -> bool:
    rate, year = _db_rate(v), _db_year(v)
    if rate >= 1 or year > v["n"]:
        return False
    closing = v["C"] * (1 - rate) ** year
    return "S" not in v or closing >= v["S"]  # the salvage value never binds


def _db_formula(f: Mapping[str, str]) -> str:
    rate = f"2/{f['n']}" if "dd" in f else f"{f['db']}/100/{f['n']}"
    if "k1" in f:
        return f"{f['C']}*{rate}"
    return f"{f['C']}*(1-{rate})**({f['k']}-1)*{rate}"


def _db_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{method}``: "double-declining balance" or "150% declining balance", also the value a
    composed question shows under a method label (``dd`` or ``db``); ``{year}`` the year asked
    (digits), also under ``k1`` or ``k``; ``{life}`` the life (digits), ``{n}`` with "years"."""
    texts = number_texts(rng, {k: n for k, n in nums.items() if k not in ("dd", "k1")})
    if "dd" in nums:
        texts["method"] = texts["dd"] = rng.choice(
            ("double-declining balance", "double declining balance", "double-declining-balance")
        )
    else:
        texts["method"] = texts["db"] = f"{texts['db']} declining balance"
    if "k1" in nums:
        texts["year"] = texts["k1"] = "1"
    else:
        texts["year"] = texts["k"]
    texts["life"], texts["n"] = texts["n"], f"{texts['n']} years"
    return texts


_METHOD_LABELS = (
    "depreciation method",
    "method",
    "method of depreciation",
    "depreciation basis",
    "depreciation convention",
    "schedule type",
    "depreciation schedule",
    "depreciation rule",
    "method used",
    "depreciation policy",
    "accounting method",
    "declining-balance variant",
)
_YEAR_LABELS = (
    "year",
    "year of the charge",
    "year asked about",
    "depreciation year",
    "year number",
    "year in question",
    "year of the asset's life",
    "year for the charge",
    "year of use",
    "year of the schedule",
    "year being depreciated",
    "year of ownership",
)
_OOD_METHOD_LABELS = ("write-down regime", "reducing-balance flavour")
_OOD_YEAR_LABELS = ("accounting period", "period of the write-down")

DECLINING_BALANCE_DEPRECIATION = Family(
    name="declining_balance_depreciation",
    unit="currency",
    reasoning="Declining-balance charge in year k = cost * (1 - rate)^(k - 1) * rate, with "
    "rate = 2 / life (double) or 1.5 / life (150 %).",
    params=_DB_PARAMS,
    sample=_db_sample,
    render=_db_texts,
    valid=_db_valid,
    formula=_db_formula,
    solve=_declining_balance,
    convention="currency: the charge for the year asked, the rate (2 / life for "
    "double-declining, 1.5 / life for 150 % declining balance) times the opening book value; "
    "salvage value not deducted from the base (it never binds in these questions), no switch "
    "to straight line, a full year's charge in year 1",
    templates=(
        "A machine costs {C} and has a useful life of {life} years. Using {method} depreciation, "
        "what is the depreciation charge in year {year}?",
        "Cost {C}, life {life} years, {method}. Depreciation for year {year}?",
        "Exam question: Equipment costing {C} is depreciated using the {method} method over a "
        "useful life of {life} years. Calculate the depreciation expense for year {year}.",
        "Hi Lena, the new CNC machine went on the books at {C} with a useful life of {life} "
        "years. We depreciate it using {method}. What's the year-{year} charge? Thanks, Omar",
        "how much {method} depreciation in year {year}? asset cost {C}, {life} yr life",
        "| cost | useful life | method | year |\n|---|---|---|---|\n| {C} | {life} years | "
        "{method} | {year} |\nDepreciation charge for that year?",
        "- Asset cost: {C}\n- Useful life: {life} years\n- Method: {method}\n- Year: {year}\nWhat "
        "is the depreciation expense for that year?",
        "Please, our company buy a truck for {C}, the life is {life} years. We use {method} "
        "method. How much is depreciation in the year {year}?",
        "My uncle's vineyard (he swears last year's vintage was his best) bought a tractor for "
        "{C}. It is depreciated by {method} over {life} years. What's the depreciation charge in "
        "year {year}?",
        "FA note: cost {C}, UEL {life}y, {method}, no switch to SL. Year {year} charge = ?",
        "What is the year-{year} depreciation on an asset costing {C} with a useful life of "
        "{life} years, using {method}?",
        "Each year we expense a fixed percentage of the remaining book value ({method}, useful "
        "life {life} years). The servers cost {C}. How much do we expense in year {year}?",
        "Question 7. An asset is purchased for {C}. Its useful life is {life} years. Using "
        "{method} depreciation, determine the charge for year {year}.",
        "Dear Mr Silva, for the tax pack: the vehicle fleet cost {C}, useful life {life} years, "
        "depreciated on a {method} basis. What is the charge for year {year}? Kind regards, Ana",
        "{method} depreciation: cost {C}, {life}-year life, year {year}. Charge?",
        "ok so asset cost {C}, useful life {life} yrs, we use {method}. whats the depreciation in "
        "year {year}",
        "Under {method}, what is the depreciation expense in year {year} for an asset costing "
        "{C} with a useful life of {life} years?",
        "Sorry for my English. Machine cost {C}, useful life {life} years. We use {method}. "
        "Depreciation for year {year} is how much?",
        "Our auditors want the year-{year} depreciation on the packaging line. It cost {C}, "
        "has a useful life of {life} years, and we use {method} (no switch to straight-line). What "
        "figure should we show?",
        "| Item | Value |\n|---|---|\n| Method | {method} |\n| Year | {year} |\n| Cost | {C} |\n"
        "| Useful life | {life} years |\nWhat is the depreciation charge for that year?",
        "Compute the year-{year} depreciation charge: cost {C}, useful life {life} years, "
        "{method}.",
    ),
    ood_templates=(
        "Plant acquired for {C}, serviceable for {life} twelvemonths, is written down by "
        "{method} on its reducing carrying amount. What write-down falls in period {year}?",
        "Reducing-balance schedule ({method}), outlay {C}, span {life} twelvemonths: figure for "
        "period {year}?",
        "In accounting period {year}, what write-down does {method} produce for plant bought "
        "at {C} with a serviceable span of {life} twelvemonths?",
    ),
    parts=Parts(
        labels={
            "C": _ASSET_COST_LABELS,
            "n": _LIFE_LABELS,
            "dd": _METHOD_LABELS,
            "db": _METHOD_LABELS,
            "k1": _YEAR_LABELS,
            "k": _YEAR_LABELS,
            "S": _SALVAGE_LABELS,
        },
        asks=(
            "What is the depreciation charge for that year?",
            "What is the depreciation expense in the year asked?",
            "How much depreciation is charged in that year?",
            "Compute the depreciation for the year given.",
            "Depreciation for that year?",
            "What is the year's depreciation charge?",
            "What depreciation expense falls in that year?",
            "Work out that year's depreciation.",
            "How much is written off in that year?",
            "What is the charge for the year in question?",
            "what's the depreciation that year?",
            "What is the depreciation in the given year?",
            "Find the depreciation expense for the stated year.",
            "What amount of depreciation is recorded in that year?",
            "How much does the asset depreciate in that year?",
            "What is the declining-balance charge for that year?",
            "What depreciation should the schedule show for that year?",
            "What is the charge in the year asked about?",
            "How much depreciation hits the income statement that year?",
            "What is that year's depreciation under the stated method?",
        ),
        ood_labels={
            "C": ("outlay on the plant", "price paid for the plant"),
            "n": ("service span", "serviceable span"),
            "dd": _OOD_METHOD_LABELS,
            "db": _OOD_METHOD_LABELS,
            "k1": _OOD_YEAR_LABELS,
            "k": _OOD_YEAR_LABELS,
            "S": ("leftover worth at retirement", "worth once retired"),
        },
        ood_asks=(
            "What write-down falls in the stated period?",
            "Write-down figure for the period named?",
            "Which amount is written down in that period?",
        ),
    ),
)

# --- cash_conversion_cycle ------------------------------------------------------------------------

# Day counts in range: manufacturers, retailers, wholesalers. Out of range, long cycles
# (aerospace, wine, government contractors) or very short ones (restaurants, cash retailers).
_CCC_PARAMS = {
    "DIO": plain((15, 150), ((160, 420), (1, 8)), decimals=1),
    "DSO": plain((10, 120), ((130, 260), (0.5, 6)), decimals=1),
    "DPO": plain((15, 120), ((130, 300), (3, 9)), decimals=1),
    "REV": money(
        (1_000_000, 50_000_000_000), ((80_000_000_000, 600_000_000_000), (50_000, 600_000))
    ),
}
DAY_KEYS = ("DIO", "DSO", "DPO")
BALANCE_KEYS = ("INV", "AR", "AP", "REV", "COGS")
BALANCES_SHARE = 0.5  # questions giving balances and flows; the others the three day counts
_COGS_SHARE = (0.35, 0.85)
_BASIS_SENTENCES = (
    "Use a 365-day year.",
    "Assume 365 days in a year.",
    "Take the year as 365 days.",
)
# Names of the day counts in a written question: (in prose after "has", in a list or table).
_DAY_NAMES = {
    "DIO": (
        ("days inventory outstanding", "Days inventory outstanding"),
        ("DIO", "DIO"),
        ("an inventory period", "Inventory period"),
    ),
    "DSO": (
        ("days sales outstanding", "Days sales outstanding"),
        ("DSO", "DSO"),
        ("a collection period", "Collection period"),
    ),
    "DPO": (
        ("days payables outstanding", "Days payables outstanding"),
        ("DPO", "DPO"),
        ("a payables period", "Payables period"),
    ),
}
_BALANCE_NAMES = {
    "INV": (("inventory", "Inventory"), ("average inventory", "Average inventory")),
    "AR": (("accounts receivable", "Accounts receivable"), ("trade receivables", "Receivables")),
    "AP": (("accounts payable", "Accounts payable"), ("trade payables", "Payables")),
    "REV": (("annual revenue", "Revenue (year)"), ("revenue for the year", "Annual revenue")),
    "COGS": (
        ("cost of goods sold for the year", "Cost of goods sold (year)"),
        ("annual COGS", "Annual COGS"),
        ("annual cost of sales", "Cost of sales (year)"),
    ),
}


def _ccc_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The three day counts, or the balances and flows they come from (revenue drawn, cost of
    goods sold a share of it, each balance its days' worth of the flow it turns over with) and
    ``D``, the 365-day year; in SIDE_FIGURE_SHARE of draws the cash balance ``CASH`` (not
    used)."""
    nums = draw_params(_CCC_PARAMS, rng, ood)
    revenue = _quoted(rng, nums["REV"])
    if rng.random() < BALANCES_SHARE:
        cogs = amount_beside(rng, revenue.value * rng.uniform(*_COGS_SHARE), revenue)
        kept = {
            "INV": amount_beside(rng, cogs.value * nums["DIO"].value / 365, revenue),
            "AR": amount_beside(rng, revenue.value * nums["DSO"].value / 365, revenue),
            "AP": amount_beside(rng, cogs.value * nums["DPO"].value / 365, revenue),
            "REV": revenue,
            "COGS": cogs,
            "D": Num(365.0, 0, "plain"),
        }
    else:
        kept = {key: nums[key] for key in DAY_KEYS}
    if rng.random() < SIDE_FIGURE_SHARE:
        kept["CASH"] = amount_beside(rng, revenue.value * rng.uniform(0.02, 0.2), revenue)
    return kept


def _ccc(v: Mapping[str, float]) -> float:
    """The operating cycle (inventory days and collection days) less the days suppliers wait;
    from balances, each day count is the balance over one day's flow."""
    if "DIO" in v:
        return (v["DIO"] - v["DPO"]) + v["DSO"]
    daily_cogs, daily_sales = v["COGS"] / 365, v["REV"] / 365
    operating_cycle = v["INV"] / daily_cogs + v["AR"] / daily_sales
    return operating_cycle - v["AP"] / daily_cogs


def _ccc_valid(v: Mapping[str, float]) -> bool:
    cycle = _ccc(v)
    return -80 <= cycle <= 700 and abs(cycle) >= 1


def _ccc_formula(f: Mapping[str, str]) -> str:
    if "DIO" in f:
        return f"{f['DIO']}+{f['DSO']}-{f['DPO']}"
    return f"{f['INV']}/{f['COGS']}*365+{f['AR']}/{f['REV']}*365-{f['AP']}/{f['COGS']}*365"


def _ccc_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{inputs}``: the figures in prose, in random order ("DIO of 45.2 days, ..."),
    ``{inputs_list}`` one a line, ``{inputs_table}`` a markdown table; ``{basis}`` a sentence
    stating the 365-day year after a space (empty for day counts), ``{basis_line}`` the same on
    a line of its own. Day counts read "45.2 days"."""
    texts = number_texts(rng, {k: n for k, n in nums.items() if k != "D"})
    for key in DAY_KEYS:
        if key in nums:
            texts[key] = f"{texts[key]} days"
    days = "DIO" in nums
    names = _DAY_NAMES if days else _BALANCE_NAMES
    items = [(rng.choice(names[key]), texts[key]) for key in names]
    rng.shuffle(items)
    texts["inputs"] = _join([f"{prose} of {value}" for (prose, _), value in items])
    texts["inputs_list"] = "\n".join(f"- {heading}: {value}" for (_, heading), value in items)
    rows = "\n".join(f"| {heading} | {value} |" for (_, heading), value in items)
    header = rng.choice(("| Item | Value |", "| Figure | Amount |", "| Line | Value |"))
    texts["inputs_table"] = f"{header}\n|---|---|\n{rows}"
    if days:
        texts["basis"] = texts["basis_line"] = ""
    else:
        sentence = rng.choice(_BASIS_SENTENCES)
        texts["basis"], texts["basis_line"] = f" {sentence}", f"{sentence}\n"
        texts["D"] = rng.choice(("365", "365 days"))
    return texts


CASH_CONVERSION_CYCLE = Family(
    name="cash_conversion_cycle",
    unit="ratio",
    reasoning="Cash conversion cycle = DIO + DSO - DPO, each day count a balance / its yearly "
    "flow * 365.",
    params=_CCC_PARAMS,
    sample=_ccc_sample,
    render=_ccc_texts,
    valid=_ccc_valid,
    formula=_ccc_formula,
    solve=_ccc,
    convention="days (a plain number, fractional, negative when suppliers are paid after "
    "customers pay): days inventory outstanding plus days sales outstanding less days payables "
    "outstanding; from balances, inventory and payables over the year's cost of goods sold and "
    "receivables over the year's revenue, times 365",
    templates=(
        "Our company has {inputs}.{basis} What is our cash conversion cycle?",
        "Cash conversion cycle? {inputs}.{basis}",
        "Exam question: A firm reports {inputs}.{basis} Calculate its cash conversion cycle in "
        "days.",
        "Hi Nina, for the working capital slide: {inputs}.{basis} What CCC should I show? "
        "Thanks, Paul",
        "whats the cash conversion cycle with {inputs}?{basis}",
        "{inputs_table}\n\nWhat is the cash conversion cycle, in days?{basis}",
        "Figures for the year:\n{inputs_list}\n{basis_line}How many days is the cash "
        "conversion cycle?",
        "Please help me calculate cash conversion cycle. The company have {inputs}.{basis} How "
        "many days is it?",
        "My brother-in-law runs a furniture wholesaler and keeps asking me about working "
        "capital over Sunday lunch. His business has {inputs}.{basis} What is its cash "
        "conversion cycle?",
        "WC note: {inputs}.{basis} CCC (days) = ?",
        "How many days pass between paying suppliers and collecting cash from customers for a "
        "business with {inputs}?{basis}",
        "Question 9. Using the data below, compute the cash conversion cycle.\n{inputs_list}\n"
        "{basis_line}",
        "Dear colleague, please compute the cash conversion cycle for the retailer: "
        "{inputs}.{basis} Regards, Ines",
        "ccc? {inputs}.{basis}",
        "For a company with {inputs}, what is the cash conversion cycle?{basis}",
        "The CFO wants the cash conversion cycle in days. We have {inputs}.{basis}",
        "Sorry for my English. Our numbers: {inputs}.{basis} How long is the cash conversion "
        "cycle?",
        "{inputs_list}\n{basis_line}What is the cash conversion cycle (DIO + DSO - DPO)?",
        "Working capital review: {inputs}.{basis} How many days is cash tied up in the "
        "operating cycle, net of supplier credit?",
        "I'm comparing two suppliers' working capital. One of them has {inputs}.{basis} What's "
        "its cash conversion cycle in days?",
        "Calculate the cash-to-cash cycle for a business with {inputs}.{basis}",
    ),
    ood_templates=(
        "Operating figures follow.\n{inputs_list}\n{basis_line}Over how many days is the "
        "firm's own money locked up between settling with vendors and banking customer "
        "remittances?",
        "Given {inputs}, determine the span, in days, from paying vendors to banking customer "
        "remittances.{basis}",
        "Days elapsing from vendor settlement to customer remittance, with {inputs}?{basis}",
    ),
    parts=Parts(
        labels={
            "DIO": (
                "DIO",
                "days inventory outstanding",
                "inventory-days figure",
                "average age of inventory",
                "inventory period",
                "inventory conversion period",
                "inventory holding period",
                "stock-days figure",
                "inventory turnover period",
                "DIO figure",
                "days-in-inventory figure",
                "average inventory holding period",
            ),
            "DSO": (
                "DSO",
                "days sales outstanding",
                "receivable-days figure",
                "debtor-days figure",
                "average collection period",
                "collection period",
                "receivables collection period",
                "average age of receivables",
                "receivables conversion period",
                "DSO figure",
                "customer payment period",
                "collection period in days",
            ),
            "DPO": (
                "DPO",
                "days payables outstanding",
                "payable-days figure",
                "creditor-days figure",
                "average payment period",
                "supplier payment period",
                "payables deferral period",
                "payables period",
                "average age of payables",
                "payables payment period",
                "DPO figure",
                "payment period to suppliers",
            ),
            "INV": (
                "inventory",
                "inventory balance",
                "average inventory",
                "stock on hand",
                "inventory on the balance sheet",
                "closing inventory",
                "inventory at cost",
                "merchandise inventory",
                "inventory held",
                "year-end inventory",
                "stock balance",
                "inventory level",
            ),
            "AR": (
                "accounts receivable balance",
                "receivables balance",
                "trade receivable balance",
                "average accounts receivable balance",
                "AR balance",
                "receivable balance",
                "customer receivable balance",
                "sales ledger balance",
                "amount owed by customers",
                "trade debtor balance",
                "net receivable balance",
                "year-end receivable balance",
            ),
            "AP": (
                "accounts payable balance",
                "payables balance",
                "trade payable balance",
                "average accounts payable balance",
                "AP balance",
                "payable balance",
                "amount owed to suppliers",
                "supplier balance outstanding",
                "trade creditor balance",
                "purchase ledger balance",
                "creditor balance",
                "year-end payable balance",
            ),
            "REV": (
                "annual revenue",
                "revenue",
                "sales revenue",
                "turnover",
                "annual turnover",
                "revenue for the year",
                "net revenue",
                "total revenue",
                "yearly revenue",
                "full-year revenue",
                "annual net revenue",
                "revenue over the year",
            ),
            "COGS": (
                "cost of goods sold",
                "COGS",
                "cost of sales",
                "annual cost of goods sold",
                "cost of revenue",
                "cost of goods sold for the year",
                "yearly COGS",
                "direct cost of sales",
                "cost of merchandise sold",
                "product cost for the year",
                "annual cost of sales",
                "full-year COGS",
            ),
            "D": (
                "day count",
                "day-count basis",
                "year length in days",
                "number of days in a year",
                "length of the year",
                "day count convention",
                "year basis",
                "day basis",
                "annualisation basis",
                "year length",
                "days-in-year convention",
                "day count for the year",
            ),
            "CASH": (
                "cash balance",
                "cash position",
                "closing cash balance",
                "year-end cash balance",
                "bank balance",
                "cash holding",
                "cash reserve",
                "balance of cash on hand",
                "level of cash",
                "cash pile",
                "amount of cash held",
                "cash and equivalent balance",
            ),
        },
        asks=(
            "What is the cash conversion cycle in days?",
            "What is the cash conversion cycle?",
            "Compute the cash conversion cycle.",
            "CCC in days?",
            "How many days is the cash conversion cycle?",
            "What is the CCC?",
            "What is the cash-to-cash cycle?",
            "Work out the cash conversion cycle.",
            "how long is the cash conversion cycle?",
            "How many days is cash tied up in working capital?",
            "What is the net operating cycle, in days?",
            "Find the cash conversion cycle in days.",
            "How long does it take to turn cash paid to suppliers back into cash from customers?",
            "What is the company's cash cycle?",
            "What is the cash conversion period?",
            "What is the cash conversion cycle (DIO + DSO - DPO)?",
            "What is the length of the cash conversion cycle?",
            "How many days does the cash conversion cycle last?",
            "What is the working capital cycle in days?",
            "How many days of financing does the working capital cycle need?",
        ),
        ood_labels={
            "DIO": ("span goods sit unsold", "shelf dwell span"),
            "DSO": ("span customers take to remit", "remittance lag of customers"),
            "DPO": ("span before vendors are settled", "vendor settlement lag"),
            "INV": ("merchandise awaiting sale", "merchandise still on the shelf"),
            "AR": ("sum still owed by customers", "customer remittance outstanding"),
            "AP": ("sum owed to vendors", "vendor bill outstanding"),
            "REV": ("income booked across the twelvemonth", "gross income of the twelvemonth"),
            "COGS": ("outlay on goods that left the shelf", "expense of goods shipped"),
            "D": ("calendar span of a twelvemonth", "twelvemonth in days"),
            "CASH": ("money lodged with the bank", "liquid funds lodged"),
        },
        ood_asks=(
            "Span, in days, from settling with vendors to banking customer remittances?",
            "Over how many days is the firm's own money locked up?",
            "How long between vendor settlement and customer remittance?",
        ),
    ),
)


# --- free_cash_flow_firm --------------------------------------------------------------------------

# EBIT and the tax rate; out of range, the largest companies (and high tax rates) or a small
# business (and low ones). D&A, capex, the working capital change and the side figures are
# drawn from EBIT and shown like it.
_FCFF_PARAMS = {
    "E": money((1_000_000, 50_000_000_000), ((80_000_000_000, 400_000_000_000), (10_000, 800_000))),
    "t": pct((15, 35), ((38, 50), (2, 12)), decimals=0, ood_decimals=1),
}
NWC_DECREASE_SHARE = 0.35  # questions where net working capital fell (the change adds)
_NWC_CLAUSES = {
    "Wi": (
        "net working capital increased by {W}",
        "net working capital rose by {W}",
        "NWC went up by {W}",
    ),
    "Wd": (
        "net working capital decreased by {W}",
        "net working capital fell by {W}",
        "NWC went down by {W}",
    ),
}
_NWC_NOUNS = {
    "Wi": ("an increase in net working capital of {W}", "an increase in NWC of {W}"),
    "Wd": ("a decrease in net working capital of {W}", "a reduction in NWC of {W}"),
}
_NWC_HEADINGS = {
    "Wi": ("Increase in net working capital", "Increase in NWC"),
    "Wd": ("Decrease in net working capital", "Decrease in NWC"),
}


def _fcff_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """EBIT and the tax rate in one band and style; D&A, capex and the working capital change
    (``Wi`` an increase, ``Wd`` a decrease) shown like EBIT; in SIDE_FIGURE_SHARE of draws the
    interest expense ``INT`` or the dividends paid ``DIV`` (not used)."""
    nums = draw_params(_FCFF_PARAMS, rng, ood)
    ebit = nums["E"] = _quoted(rng, nums["E"])
    nums["DA"] = amount_beside(rng, ebit.value * rng.uniform(0.08, 0.6), ebit)
    nums["CX"] = amount_beside(rng, nums["DA"].value * rng.uniform(0.6, 2.2), ebit)
    change = "Wd" if rng.random() < NWC_DECREASE_SHARE else "Wi"
    nums[change] = amount_beside(rng, ebit.value * rng.uniform(0.01, 0.2), ebit)
    if rng.random() < SIDE_FIGURE_SHARE:
        side = rng.choice(("INT", "DIV"))
        nums[side] = amount_beside(rng, ebit.value * rng.uniform(0.05, 0.35), ebit)
    return nums


def _fcff(v: Mapping[str, float]) -> float:
    """A cash bridge: NOPAT (EBIT less the tax on it), the non-cash charge added back, the
    investment in fixed assets and in working capital (negative when working capital is
    released) taken off."""
    nopat = v["E"] - v["E"] * v["t"] / 100
    working_capital_investment = v["Wi"] if "Wi" in v else -v["Wd"]
    return nopat + v["DA"] - (v["CX"] + working_capital_investment)


def _fcff_formula(f: Mapping[str, str]) -> str:
    # The change in working capital named, its size unsigned: written out, run BR added an
    # increase in 4 of its 6 tuning-set misses (session 39).
    change, size = ("increase", f["Wi"]) if "Wi" in f else ("decrease", f["Wd"])
    return f'fcff({f["E"]},{f["t"]}/100,{f["DA"]},{f["CX"]},"{change}",{size})'


def _fcff_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in one currency; ``{W}`` the working capital change, ``{nwc}`` a clause saying
    which way it went ("net working capital rose by $3M"), ``{nwc_of}`` a noun phrase ("an
    increase in NWC of $3M") and ``{nwc_label}`` a heading for it."""
    texts = number_texts(rng, nums)
    change = "Wi" if "Wi" in nums else "Wd"
    texts["W"] = texts[change]
    texts["nwc"] = rng.choice(_NWC_CLAUSES[change]).format(W=texts["W"])
    texts["nwc_of"] = rng.choice(_NWC_NOUNS[change]).format(W=texts["W"])
    texts["nwc_label"] = rng.choice(_NWC_HEADINGS[change])
    return texts


def _fcff_valid(v: Mapping[str, float]) -> bool:
    return abs(_fcff(v)) >= 0.02 * v["E"]


FREE_CASH_FLOW_FIRM = Family(
    name="free_cash_flow_firm",
    unit="currency",
    reasoning="FCFF = EBIT * (1 - tax rate) + D&A - capex - increase in net working capital.",
    params=_FCFF_PARAMS,
    sample=_fcff_sample,
    render=_fcff_texts,
    valid=_fcff_valid,
    formula=_fcff_formula,
    solve=_fcff,
    uses=frozenset({"taxes"}),
    convention="currency, signed (negative when the firm consumes cash): EBIT after tax at the "
    "rate given, plus depreciation and amortisation, less capital expenditure, less an increase "
    "in net working capital (a decrease adds); interest and dividends are not deducted",
    templates=(
        "A company has EBIT of {E}, a tax rate of {t}, depreciation and amortisation of {DA} "
        "and capital expenditure of {CX}; {nwc} over the year. What is its free cash flow to "
        "the firm?",
        "EBIT {E}, tax {t}, D&A {DA}, capex {CX}, {nwc_of}. FCFF?",
        "Exam question: For the year just ended, a firm reported EBIT of {E}. Its tax rate is "
        "{t}. Depreciation and amortisation were {DA}, capital expenditures were {CX}, and "
        "{nwc}. Calculate free cash flow to the firm (FCFF).",
        "Hi Ben, for the DCF: EBIT {E}, tax rate {t}, D&A {DA}, capex {CX}, and {nwc}. What "
        "FCFF do I put in year one? Thanks, Chloe",
        "whats fcff if ebit is {E}, tax {t}, d&a {DA}, capex {CX} and {nwc}",
        "| EBIT | tax rate | D&A | capex | {nwc_label} |\n|---|---|---|---|---|\n| {E} | {t} | "
        "{DA} | {CX} | {W} |\nFree cash flow to the firm?",
        "- EBIT: {E}\n- Tax rate: {t}\n- Depreciation & amortisation: {DA}\n- Capital "
        "expenditure: {CX}\n- {nwc_label}: {W}\nWhat is FCFF?",
        "Please help. Company EBIT is {E}, tax is {t}. Depreciation and amortization {DA}, "
        "capex {CX}, and {nwc}. How much is free cash flow for firm?",
        "I'm valuing my aunt's bakery chain for a family buyout (she wants part of the price in "
        "croissants, which I'll ignore). EBIT was {E}, the tax rate is {t}, D&A {DA}, capex "
        "{CX}, and {nwc}. What is the free cash flow to the firm?",
        "Model check: EBIT {E}; t = {t}; D&A {DA}; capex {CX}; {nwc_of}. Unlevered FCF = ?",
        "How much cash did the business generate for all its capital providers, debt and "
        "equity together, if EBIT was {E}, tax {t}, D&A {DA}, capex {CX} and {nwc}?",
        "Question 11. Given EBIT of {E}, a corporate tax rate of {t}, depreciation and "
        "amortisation of {DA}, capital expenditure of {CX} and {nwc_of}, compute FCFF.",
        "Dear team, please compute free cash flow to the firm for the target: EBIT {E}, tax "
        "rate {t}, D&A {DA}, capex {CX}; {nwc} during the year. Best regards, Sofia",
        "FCFF from: EBIT {E}, tax {t}, D&A {DA}, capex {CX}, {nwc_of}.",
        "Our EBIT came in at {E} and we pay tax at {t}. D&A was {DA}, we spent {CX} on capex, "
        "and {nwc}. What's our unlevered free cash flow?",
        "Sorry for my English. EBIT {E}, tax rate {t}, depreciation and amortisation {DA}, "
        "capex {CX}, {nwc_of}. What is FCFF of the company?",
        "For the valuation I need free cash flow to the firm. Operating profit (EBIT) {E}; "
        "taxes at {t}; D&A {DA}; capital spending {CX}; {nwc}.",
        "| Item | Amount |\n|---|---|\n| Capex | {CX} |\n| EBIT | {E} |\n| {nwc_label} | {W} |\n"
        "| D&A | {DA} |\n| Tax rate | {t} |\nFCFF?",
        "What is FCFF for a firm with {nwc_of}, capex of {CX}, D&A of {DA}, EBIT of {E} and a "
        "tax rate of {t}?",
        "ok so ebit {E}, tax {t}, d&a {DA}, capex {CX}, {nwc}. unlevered fcf?",
        "Compute free cash flow to the firm: EBIT of {E} taxed at {t}, plus D&A of {DA}, less "
        "capex of {CX}, with {nwc_of}.",
    ),
    ood_templates=(
        "Operating earnings ahead of financing costs and levies came to {E}, levied at {t}; "
        "non-cash write-downs of plant and intangibles were {DA}, outlays on plant {CX}, and "
        "{nwc}. What cash is available to every provider of capital?",
        "Cash accruing to lenders and owners jointly, given operating earnings of {E}, a levy "
        "of {t}, non-cash write-downs of {DA}, plant outlays of {CX} and {nwc_of}?",
        "Unencumbered cash for all financiers: operating earnings {E}; levy {t}; write-downs "
        "added back {DA}; plant outlays {CX}; {nwc}.",
    ),
    parts=Parts(
        labels={
            "E": (
                "EBIT",
                "operating profit",
                "operating income",
                "EBIT for the year",
                "profit before interest and tax",
                "operating profit before interest and tax",
                "operating result",
                "annual EBIT",
                "operating profit for the year",
                "EBIT figure",
                "reported EBIT",
                "operating earnings figure",
            ),
            "t": (
                "tax rate",
                "corporate tax rate",
                "marginal tax rate",
                "effective tax rate",
                "income tax rate",
                "tax rate on operating profit",
                "cash tax rate",
                "statutory tax rate",
                "tax rate applied",
                "rate of corporate tax",
                "tax rate on EBIT",
                "company tax rate",
            ),
            "DA": (
                "depreciation and amortisation",
                "D&A",
                "depreciation and amortization",
                "D&A expense",
                "depreciation and amortisation charge",
                "annual D&A",
                "D&A for the year",
                "non-cash D&A charge",
                "depreciation and amortization expense",
                "D&A add-back",
                "total D&A",
                "amortisation and depreciation charge",
            ),
            "CX": (
                "capital expenditure",
                "capex",
                "capex for the year",
                "capital spending",
                "investment in fixed assets",
                "capital expenditure for the year",
                "spending on fixed assets",
                "capex spend",
                "gross capex",
                "capital investment",
                "fixed asset investment",
                "annual capex",
            ),
            "Wi": (
                "increase in net working capital",
                "increase in NWC",
                "rise in net working capital",
                "net working capital increase",
                "NWC build",
                "working capital build",
                "rise in NWC",
                "increase in working capital",
                "year-on-year increase in net working capital",
                "growth in net working capital",
                "additional investment in net working capital",
                "net increase in working capital",
            ),
            "Wd": (
                "decrease in net working capital",
                "decrease in NWC",
                "fall in net working capital",
                "release of working capital",
                "working capital release",
                "reduction in NWC",
                "net working capital decrease",
                "drop in net working capital",
                "decline in working capital",
                "working capital decrease",
                "reduction in non-cash working capital",
                "net decrease in working capital",
            ),
            "INT": (
                "interest expense",
                "interest paid",
                "annual interest expense",
                "interest cost",
                "interest charge",
                "finance cost",
                "interest on debt",
                "net interest expense",
                "interest expense for the year",
                "borrowing cost",
                "interest bill",
                "finance charge",
            ),
            "DIV": (
                "dividend paid",
                "dividend payout",
                "cash dividend",
                "dividend to shareholders",
                "total dividend",
                "dividend distribution",
                "ordinary dividend paid",
                "dividend payment",
                "shareholder dividend",
                "dividend declared",
                "annual dividend",
                "dividend for the year",
            ),
        },
        asks=(
            "What is the free cash flow to the firm?",
            "What is FCFF?",
            "Compute FCFF.",
            "FCFF?",
            "What is the unlevered free cash flow?",
            "What is the free cash flow available to all capital providers?",
            "Work out the free cash flow to the firm.",
            "How much free cash flow does the firm generate?",
            "What is the firm's free cash flow (FCFF)?",
            "whats the fcff?",
            "What free cash flow to the firm goes into the DCF?",
            "Find the free cash flow to the firm.",
            "What is the unlevered FCF?",
            "How much cash is left for debt and equity holders after reinvestment?",
            "What is the cash flow available to all investors, before debt payments?",
            "What is the FCFF for the year?",
            "Compute the free cash flow to the firm for the year.",
            "What is the year's unlevered free cash flow?",
            "How much free cash flow is there for lenders and shareholders together?",
            "What is free cash flow to the firm, in currency?",
        ),
        ood_labels={
            "E": ("operating earnings ahead of financing and levies", "earnings ahead of levies"),
            "t": ("levy rate", "levy on operating earnings"),
            "DA": ("non-cash write-down total", "write-down added back"),
            "CX": ("outlay on plant", "plant outlay"),
            "Wi": ("extra circulating capital tied up", "circulating capital absorbed"),
            "Wd": ("circulating capital freed", "circulating capital released back"),
            "INT": ("servicing charge on borrowings", "lender servicing charge"),
            "DIV": ("distribution to owners", "payout handed to owners"),
        },
        ood_asks=(
            "Cash accruing to lenders and owners jointly?",
            "How much unencumbered cash do all financiers share?",
            "What sum is free for every financier?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    BREAKEVEN_UNITS,
    TARGET_MARGIN_PRICE,
    STRAIGHT_LINE_DEPRECIATION,
    DECLINING_BALANCE_DEPRECIATION,
    CASH_CONVERSION_CYCLE,
    FREE_CASH_FLOW_FIRM,
)
