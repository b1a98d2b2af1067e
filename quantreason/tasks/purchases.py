"""What a loan paid for: a purchase price and a down payment written beside the loan amount.

People asking for a loan payment often say what they are buying ("the house is $540k, we put
20 % down, so the loan is $432,000"; "sticker $41,200, financing $32,500 after my trade-in").
The payment depends on the amount borrowed alone; the price and the down payment are figures
the formula must leave out. In a share of a loan family's draws the loan amount becomes a round
purchase price less a down payment, and the price is shown beside it, with the down payment as
an amount, as a percent of the price, or not at all: composed questions list them with labels,
written ones open with a sentence about the purchase (:func:`purchase_aside`; until session 30
only composed questions showed them, and the probes' prose purchases kept being answered on
the price).
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from quantreason.tasks.base import Num, held_out_or_not, significant

PURCHASE_SHARE = 0.4  # of a loan family's draws
DOWN_PERCENTS = (5, 10, 15, 20, 20, 25, 30)  # 20 % down is the usual mortgage deposit

PURCHASE_LABELS: dict[str, tuple[str, ...]] = {
    "price": (
        "purchase price",
        "house price",
        "price of the home",
        "sticker price",
        "agreed price",
        "property price",
        "price paid",
        "contract price",
        "total purchase price",
        "price of the property",
        "cost of what is being bought",
        "full price",
    ),
    "down": (
        "down payment",
        "deposit paid",
        "cash down",
        "deposit",
        "upfront payment",
        "down payment in cash",
        "amount paid upfront",
        "cash deposit",
        "initial cash payment",
        "own money put in",
        "equity put down",
        "money down",
    ),
    "down_pct": (
        "down payment (% of the price)",
        "deposit as a share of the price",
        "down payment percentage",
        "percent put down",
        "deposit percentage",
        "share of the price paid in cash",
        "down payment share",
        "cash down as a percent of the price",
        "deposit (percent of the purchase price)",
        "percentage paid upfront",
        "down payment ratio",
        "portion of the price put down",
    ),
}


def with_purchase(rng: random.Random, nums: Mapping[str, Num], loan: str = "L") -> dict[str, Num]:
    """``nums``, or (a :data:`PURCHASE_SHARE` of draws) ``nums`` with the loan restated as a
    purchase price less a down payment and the price (and the down payment) added. The loan
    stays within a down payment's share of its drawn value; a price under 100 is left alone."""
    drawn = dict(nums)
    if rng.random() >= PURCHASE_SHARE or drawn[loan].value < 100:
        return drawn
    percent = rng.choice(DOWN_PERCENTS)
    price = significant(drawn[loan].value / (1 - percent / 100), 3, whole=True)
    down = float(round(price * percent / 100))
    drawn[loan] = Num(price - down, 0, "money")
    drawn["price"] = Num(price, 0, "money")
    shown = rng.randrange(3)  # the down payment as an amount, as a percent, or not at all
    if shown == 0:
        drawn["down"] = Num(down, 0, "money")
    elif shown == 1:
        drawn["down_pct"] = Num(float(percent), 0, "pct")
    return drawn


# Sentences a written question opens with, by how the down payment is shown ({thing}: what is
# bought, one word; the loan itself is stated by the template that follows). The last of each
# is held out for ``test_ood_template``.
_PURCHASE_SENTENCES: dict[str, tuple[str, ...]] = {
    "down": (
        "The {thing} costs {price} and I'm putting {down} down.",
        "We're buying a {thing} for {price} with {down} down.",
        "Purchase price {price}, down payment {down}.",
        "Sticker price is {price}; I'm paying {down} of it in cash.",
        "The {thing} is {price}, and we put down {down}.",
        "Price of the {thing}: {price}. Cash down: {down}.",
        "Out of the {price} the {thing} costs, {down} comes from savings.",
    ),
    "down_pct": (
        "The {thing} costs {price} and we're putting {down_pct} down.",
        "We're buying a {thing} for {price} with a {down_pct} deposit.",
        "Price {price}, {down_pct} down.",
        "The {thing} is {price}; the down payment is {down_pct} of the price.",
        "I'm paying {down_pct} down on a {price} {thing}.",
        "Purchase price: {price} ({down_pct} deposit).",
        "We put {down_pct} of the {price} asking price down on the {thing}.",
    ),
    "": (
        "The {thing} costs {price}.",
        "We're buying a {thing} for {price}.",
        "Purchase price: {price}.",
        "It's for a {thing} priced at {price}.",
        "The {thing} was listed at {price}.",
        "Price of the {thing} is {price}.",
        "The seller accepted {price} for the {thing}.",
    ),
}
# What is bought, by its price: a car under $60,000 is usual, a home under it is not.
_CHEAP_THINGS = ("car", "truck", "boat", "motorbike")
_DEAR_THINGS = ("house", "home", "flat", "condo", "property")
_DEAR_FROM = 60_000


def purchase_aside(
    rng: random.Random, nums: Mapping[str, Num], texts: Mapping[str, str], held_out: bool
) -> str:
    """A :attr:`~quantreason.tasks.base.Family.aside` hook for a loan family: a sentence naming
    the purchase price (and the down payment) where the draw has one, else ""."""
    if "price" not in nums:
        return ""
    shown = "down" if "down" in nums else "down_pct" if "down_pct" in nums else ""
    sentence = rng.choice(held_out_or_not(_PURCHASE_SENTENCES[shown], held_out))
    things = _DEAR_THINGS if nums["price"].value >= _DEAR_FROM else _CHEAP_THINGS
    return sentence.format(thing=rng.choice(things), **texts)
