"""Yields people compare before buying income: a tax-free yield grossed up to its taxable
equivalent, a taxable yield cut down to what is kept after tax, and a bond's current yield.

Retail investors, advisers and students ask the first two whenever a municipal (tax-exempt)
bond is weighed against a taxable one ("the muni pays 3.4 % tax-free and I'm in the 32 %
bracket: what would a corporate bond have to pay?", "my CD pays 5 %, what do I keep after
tax?"). The third is the first number a bond's income is judged by: the coupon over the price
paid, not the yield to maturity. Its price comes either in currency with the face value ("$985
for a $1,000 bond") or quoted per 100 of par ("98.25"), as dealers and newspapers quote it;
coupons paid twice a year still make the stated annual rate.

Solvers are written independently of the formula text (the gross yield that loses the tax and
keeps the tax-free one, the tax subtracted from the yield, a year's coupon payments summed).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    Family,
    Num,
    Param,
    Parts,
    Values,
    number_texts,
    pct,
    plain,
)

# --- shared: a yield and a marginal tax rate ----------------------------------------------------

# Out of range, a high yield meets a low tax rate and a tiny yield a high one (bands are paired),
# so the answer stays a yield people meet while both numbers leave their training ranges.
_TAX_RATE = pct((10, 45), ((1, 8), (46, 60)), decimals=1)
# Tax brackets and combined rates as people quote them ("the 24 % bracket", 37 % + 3.8 % NIIT):
# half of the in-range questions use one, the rest a drawn rate (a federal + state mix).
_TAX_BRACKETS = (10, 12, 15, 20, 22, 24, 25, 28, 30, 32, 33, 35, 37, 40, 40.8, 45)
_BRACKET_SHARE = 0.5

# The tax-rate labels, shared by both tax families.
_TAX_LABELS = (
    "marginal tax rate",
    "tax bracket",
    "tax rate",
    "income tax rate",
    "federal tax bracket",
    "combined tax rate",
    "marginal income tax rate",
    "investor's tax rate",
    "marginal rate",
    "tax rate on interest",
    "personal tax rate",
    "top marginal tax rate",
    "client's tax bracket",
    "tax band",
)


def _yield_and_tax_sample(yield_param: Param) -> Callable[[random.Random, bool], dict[str, Num]]:
    """A sampler drawing the yield ``y`` from ``yield_param`` and the tax rate ``t`` (often a
    real bracket in range); round figures in a quarter of the questions, as elsewhere."""

    def sample(rng: random.Random, ood: bool) -> dict[str, Num]:
        band = rng.randrange(2)
        round_figures = rng.random() < ROUND_QUESTION_SHARE
        drawn_yield = yield_param.draw(rng, ood, band, round_figures=round_figures)
        if not ood and rng.random() < _BRACKET_SHARE:
            rate = float(rng.choice(_TAX_BRACKETS))
            tax = Num(rate, 0 if rate.is_integer() else 1, "pct")
        else:
            tax = _TAX_RATE.draw(rng, ood, band, round_figures=round_figures)
        return {"y": drawn_yield, "t": tax}

    return sample


# --- tax_equivalent_yield ------------------------------------------------------------------------

_TAX_FREE_YIELD = pct((1, 6), ((6.5, 12), (0.05, 0.8)), decimals=2, ood_decimals=3)


def _tax_equivalent(v: dict) -> float:
    # The gross yield that, once the tax takes its share, keeps exactly the tax-free yield:
    # per 100 of gross income the investor keeps 100 - t.
    kept_per_100 = 100 - v["t"]
    return v["y"] * 100 / kept_per_100


TAX_EQUIVALENT_YIELD = Family(
    name="tax_equivalent_yield",
    uses=frozenset({"taxes"}),
    unit="percent",
    reasoning="Tax-equivalent yield = tax-free yield / (1 - tax rate).",
    params={"y": _TAX_FREE_YIELD, "t": _TAX_RATE},
    sample=_yield_and_tax_sample(_TAX_FREE_YIELD),
    formula=lambda f: f"{f['y']}/(1-{f['t']}/100)",
    solve=_tax_equivalent,
    convention="percent; the taxable yield that leaves the same after tax as the tax-free "
    "yield, at the one marginal rate given (no separate state tax, no AMT)",
    templates=(
        "A municipal bond yields {y} and is exempt from federal income tax. For an investor in "
        "the {t} tax bracket, what is its tax-equivalent yield?",
        "Muni yield {y}, marginal tax rate {t}. Tax-equivalent yield?",
        "What yield would a taxable bond have to offer to match a {y} tax-free municipal bond "
        "for someone whose marginal tax rate is {t}?",
        "Exam question: An investor faces a marginal income tax rate of {t}. A tax-exempt bond "
        "offers a yield of {y}. Calculate the equivalent taxable yield.",
        "I'm in the {t} bracket and my broker is pitching a muni fund yielding {y} tax-free. "
        "What would a taxable bond need to yield to give me the same after-tax income?",
        "tax-free yield {y}, tax rate {t} -> TEY?",
        "Hi Dana, the client (marginal rate {t}) is weighing a state muni at {y} against "
        "corporates. Could you work out the taxable-equivalent yield so we can compare like "
        "with like? Thanks, Omar",
        "| tax-exempt yield | {y} |\n| marginal tax rate | {t} |\n| tax-equivalent yield | ? |",
        "- Muni yield: {y} (tax-free)\n- Investor's tax bracket: {t}\n- Equivalent taxable yield?",
        "Convert a {y} tax-exempt yield into its taxable equivalent for an investor taxed at {t}.",
        "ok so the muni pays {y} and i dont pay tax on it. my tax rate is {t}. what's that "
        "worth as a normal taxable yield?",
        "Please help, I have offer of municipal bond with {y} yield and no tax on it. My tax is "
        "{t}. Which taxable yield is the same for me?",
        "For a taxpayer with a {t} marginal rate, what taxable yield is equivalent to a {y} "
        "tax-free yield?",
        "Question 3 (2 marks). A municipal bond pays a tax-exempt yield of {y}. Compute the "
        "tax-equivalent yield for an investor whose marginal tax rate is {t}.",
        "My dad keeps buying tax-free municipal bonds (he says paying tax is for other people). "
        "His latest one yields {y} and he is in the {t} bracket. What taxable yield would he "
        "need elsewhere to do as well?",
        "Tax-exempt yield: {y}. Marginal tax rate: {t}. Taxable-equivalent yield in percent?",
        "Compare a {y} muni with taxable bonds: at a {t} tax rate, what is the muni's "
        "tax-equivalent yield?",
        "yield {y} tax free, bracket {t}. equivalent taxable yield pls",
        "Dear advisor, you suggested a tax-exempt bond fund yielding {y}. My marginal tax rate "
        "is {t}. What yield on a taxable investment would leave me with the same income after "
        "tax? Kind regards, Joan",
        "Tax-equivalent yield for a {y} tax-free bond, marginal tax rate {t}?",
        "The muni curve offers {y} at ten years, tax-exempt. For an account taxed at {t}, what "
        "taxable yield is that equal to?",
        "A tax-free bond yields {y}. If your income tax rate is {t}, how high must a taxable "
        "bond's yield be for you to be indifferent?",
        "Compute the taxable equivalent of a {y} tax-exempt yield when the marginal tax rate is "
        "{t}.",
        "muni @ {y}, tax-free; me: {t} marginal rate. what's the TEY?",
        "Analyst note: the issue prices at a {y} tax-exempt yield. Assuming a {t} marginal tax "
        "rate, what is the tax-equivalent yield?",
        "tax_free_yield={y}; marginal_tax_rate={t}; tax_equivalent_yield=?",
        "Which is better for me, a corporate bond or a {y} tax-free municipal bond? I pay {t} "
        "tax on interest. First I need the muni's tax-equivalent yield, what is it?",
    ),
    ood_templates=(
        "Exempt municipal paper returns {y}. Grossed up at a {t} levy on ordinary income, what "
        "fully taxed return matches it?",
        "Someone paying {t} on every extra dollar of interest can buy a local authority bond "
        "returning {y} free of tax. Which taxable return puts both on an equal footing?",
        "Gross-up exercise: {y} free of income tax, investor's top rate {t}. Pre-tax comparable?",
        "How much would a fully taxed note need to pay so that, after losing {t} to the "
        "taxman, it delivers the same as an exempt muni at {y}?",
        "Municipal paper at {y}, no tax due; taxable alternatives are hit at {t}. Break-even "
        "gross return?",
        "My accountant says I lose {t} of any interest to tax. A city bond offers {y} with none "
        "of that. What return on ordinary bonds ties with it?",
    ),
    parts=Parts(
        labels={
            "y": (
                "tax-free yield",
                "municipal bond yield",
                "muni yield",
                "tax-exempt yield",
                "yield on the muni",
                "tax-free rate",
                "municipal yield",
                "yield on the tax-exempt bond",
                "tax-exempt rate",
                "yield on the municipal bond",
                "tax-free interest rate",
                "muni fund yield",
                "tax-free bond yield",
            ),
            "t": _TAX_LABELS,
        },
        asks=(
            "What is the tax-equivalent yield?",
            "What taxable yield would match it?",
            "What yield would a taxable bond need to pay to match it?",
            "Compute the tax-equivalent yield.",
            "What is the equivalent taxable yield in percent?",
            "What pre-tax yield gives the same income after tax?",
            "How much would a fully taxable bond have to yield to be just as good?",
            "taxable-equivalent yield?",
            "What is the taxable equivalent of this yield?",
            "What is the TEY?",
            "Muni TEY?",
            "What is the municipal bond's yield on a taxable-equivalent basis?",
            "What is the pre-tax equivalent yield of the tax-free bond?",
            "Muni versus corporate: what corporate yield equals this muni after tax?",
            "What minimum yield must a taxable bond offer to keep up with the muni after tax?",
            "Convert the tax-exempt yield into a taxable one at this marginal rate.",
            "For someone in this bracket, what taxable yield is the muni equivalent to?",
            "Divide the tax-free yield by one minus the tax rate: what taxable yield do you get?",
            "I want to compare the muni with a CD. What is its taxable equivalent yield?",
            "Which taxable yield would leave me with exactly the muni's income after tax?",
            "What is the muni worth as a taxable yield at this tax rate?",
            "Scale the tax-free yield up to a before-tax yield.",
        ),
        ood_labels={
            "y": ("return on exempt local-authority paper",),
            "t": ("share of each extra dollar lost to tax",),
        },
        ood_asks=(
            "Gross the exempt return up to a comparable fully taxed figure.",
            "Which fully taxed return would leave the holder indifferent?",
        ),
    ),
)


# --- after_tax_yield -----------------------------------------------------------------------------

_TAXABLE_YIELD = pct((1, 9), ((10, 20), (0.05, 0.8)), decimals=2, ood_decimals=3)


def _after_tax(v: dict) -> float:
    # The yield less the tax paid on it.
    tax_paid = v["y"] * v["t"] / 100
    return v["y"] - tax_paid


AFTER_TAX_YIELD = Family(
    name="after_tax_yield",
    uses=frozenset({"taxes"}),
    unit="percent",
    reasoning="After-tax yield = taxable yield * (1 - tax rate).",
    params={"y": _TAXABLE_YIELD, "t": _TAX_RATE},
    sample=_yield_and_tax_sample(_TAXABLE_YIELD),
    formula=lambda f: f"{f['y']}*(1-{f['t']}/100)",
    solve=_after_tax,
    convention="percent; the yield kept after paying the one marginal tax rate given on all of "
    "the interest",
    templates=(
        "A corporate bond yields {y}. If the investor's marginal tax rate is {t}, what is the "
        "after-tax yield?",
        "Taxable yield {y}, tax rate {t}. After-tax yield?",
        "My savings account pays {y} interest a year and I'm taxed at {t} on it. What yield am "
        "I really getting after tax?",
        "Exam question: A taxable bond offers a yield of {y}. An investor pays income tax at "
        "{t} on interest. Calculate the investor's after-tax yield.",
        "What is the after-tax yield of a taxable bond yielding {y} for someone in the {t} tax "
        "bracket?",
        "cd pays {y}, i'm in the {t} bracket. what do i actually keep, yield-wise, after taxes?",
        "Hi Priyanka, the client's Treasury ladder yields {y} and the interest is taxed at "
        "their marginal rate of {t}. What's the after-tax yield? Need it for Monday's review. "
        "Thanks, Ben",
        "| pre-tax yield | {y} |\n| tax rate | {t} |\n| after-tax yield | ? |",
        "- Bond yield (taxable): {y}\n- Marginal tax rate: {t}\n- Yield after tax?",
        "Compute the net-of-tax yield on a taxable investment yielding {y}, tax rate {t}.",
        "If a bond pays {y} and tax takes {t} of the interest, what yield is left?",
        "Please, I have a deposit with {y} interest and the tax on interest is {t}. How much "
        "yield I keep after the tax?",
        "Question 5 (2 marks). A taxable corporate bond yields {y}. The investor's marginal tax "
        "rate is {t}. Compute the after-tax yield.",
        "My aunt just moved her savings into a high-yield account paying {y} (she told the "
        "whole family at dinner). Interest is taxed at {t} in her bracket. What is her "
        "after-tax yield?",
        "Pre-tax yield: {y}. Tax on interest: {t}. After-tax yield in percent?",
        "At a {t} tax rate, what does a taxable yield of {y} come to after tax?",
        "yield {y}, taxed at {t}. net yield after tax?",
        "Dear advisor, the bond fund you recommended yields {y}, but the distributions are "
        "taxed at my marginal rate of {t}. What yield will I actually keep? Best regards, "
        "Martin",
        "After-tax yield of a taxable bond at {y}, tax rate {t}?",
        "Corporate bonds in the index yield {y} on average. For a holder taxed at {t}, what is "
        "the yield after tax?",
        "How much of a {y} yield does an investor keep, as a yield, if interest is taxed at {t}?",
        "Work out the after-tax return on a taxable bond yielding {y} for an investor with a "
        "{t} marginal income tax rate.",
        "bond @ {y}, taxable; my rate {t}. after-tax yield?",
        "Analyst note: the notes yield {y} before tax. Assuming interest is taxed at {t}, what "
        "is the after-tax yield?",
        "taxable_yield={y}; tax_rate={t}; after_tax_yield=?",
        "Is a {y} taxable bond worth it for me? My marginal tax rate is {t}. What yield do I "
        "keep once the tax is paid?",
    ),
    ood_templates=(
        "Interest of {y} a year lands in my account, and the revenue service claws back {t} of "
        "it. Net return, expressed as a yield?",
        "A fully taxed note returns {y} gross. With a levy of {t} on ordinary income, what is "
        "the net return?",
        "Strip the {t} levy out of a {y} gross coupon return: what remains?",
        "Someone losing {t} of every interest dollar to the government holds paper returning "
        "{y}. Which return survives the deduction?",
        "Gross return {y}; levy on interest {t}. Net-of-levy figure, in percent?",
        "Deposit rate quoted at {y} before deductions; withholding at {t} applies. Effective "
        "take-home rate?",
    ),
    parts=Parts(
        labels={
            "y": (
                "taxable yield",
                "pre-tax yield",
                "yield before tax",
                "bond yield",
                "gross yield",
                "interest rate",
                "yield on the taxable bond",
                "coupon yield",
                "yield (taxable)",
                "pre-tax rate",
                "headline yield",
                "taxable interest rate",
                "CD rate",
                "savings account rate",
                "nominal yield",
            ),
            "t": _TAX_LABELS,
        },
        asks=(
            "What is the after-tax yield?",
            "What yield do I keep after tax?",
            "Compute the after-tax yield.",
            "What is the yield net of tax, in percent?",
            "How much of the yield is left after tax?",
            "What is the effective yield after taxes?",
            "What does the yield come to after paying tax on the interest?",
            "after-tax yield?",
            "What is the post-tax yield?",
            "What yield do I actually pocket once tax is paid?",
            "What is the yield after income tax on the interest?",
            "What does tax cut the yield down to, in percent?",
            "What is the yield net of income tax?",
            "Net yield?",
            "Multiply the yield by one minus the tax rate: what is left?",
            "What is the investor's yield after paying tax on the interest?",
            "What does the bond yield once tax on the interest is paid?",
            "CD after tax: what yield do I end up with?",
            "What is the after-tax interest rate on the deposit?",
            "What effective rate of interest do I earn after the tax bill?",
            "Give me the yield I keep at this marginal rate, not the headline one.",
            "Is it worth it after tax? Give me the yield I'd keep.",
        ),
        ood_labels={
            "y": ("gross return on fully taxed paper",),
            "t": ("levy on interest income",),
        },
        ood_asks=(
            "Strip out the levy: what net return remains?",
            "Which take-home return is left once the government is paid?",
        ),
    ),
)


# --- current_yield -------------------------------------------------------------------------------

_COUPON = pct((1, 9), ((10, 18), (0.1, 0.9)), decimals=2, ood_decimals=3)
# The price per 100 of par. A high coupon trades at a premium and a tiny one at a deep discount
# out of range (bands paired: a 12 % bond at 140, a 0.5 % one at 45), as such bonds do.
_QUOTE = plain((80, 120), ((125, 170), (40, 75)), decimals=2, ood_decimals=3)
# Face values: bonds of $1,000 (most), euro bonds of 100, larger lots; out of range, $25
# "baby bonds" and institutional lots.
_FACES = (100.0, 500.0, 1000.0, 1000.0, 1000.0, 2000.0, 5000.0, 10000.0, 25000.0)
_OOD_FACES = (25.0, 50.0, 200000.0, 500000.0)
_IN_FACE_SHARE = 0.5  # questions giving a price in currency with the face value
_EIGHTHS_SHARE = 0.5  # coupons set in eighths (4.375 %), as most are


def _coupon(rng: random.Random, ood: bool, band: int, round_figures: bool) -> Num:
    coupon = _COUPON.draw(rng, ood, band, round_figures=round_figures)
    if ood or round_figures or rng.random() >= _EIGHTHS_SHARE:
        return coupon
    eighths = min(max(round(coupon.value * 8), 8), 72) / 8  # within the 1-9 % range
    decimals = next(d for d in range(4) if round(eighths, d) == eighths)
    return Num(eighths, decimals, "pct")


def _current_yield_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A coupon rate ``c`` and the price per 100 of par ``Q``; half the questions show the
    price in currency (``P``) with the face value (``F``) instead of ``Q``, which then stays a
    hidden helper (it has no label and no text)."""
    band = rng.randrange(2)
    round_figures = rng.random() < ROUND_QUESTION_SHARE
    nums = {
        "c": _coupon(rng, ood, band, round_figures),
        "Q": _QUOTE.draw(rng, ood, band, round_figures=round_figures),
    }
    if rng.random() < _IN_FACE_SHARE:
        face = rng.choice(_OOD_FACES if ood else _FACES)
        price = round(face * nums["Q"].value / 100, 2)
        nums["F"] = Num(face, 0, "money")
        nums["P"] = Num(price, 0 if price.is_integer() else 2, "money")
    return nums


# Ways to write a price quoted per 100 of par (``{q}`` its digits).
_QUOTE_PHRASES = (
    "{q} per 100 of par",
    "{q} per 100 of face value",
    "{q} (per 100 face)",
    "{q}% of par",
    "{q} percent of par",
    "{q} per 100 nominal",
    "{q} (quoted per 100 of par)",
)
# Ways to give the face value, by the slot a template has for it (``{f}`` its text): after a
# noun, as a list item, as a sentence. Questions quoting per 100 of par leave them empty.
_FACE_PHRASES = {
    "face": (
        " with a face value of {f}",
        " with a face amount of {f}",
        " with a par value of {f}",
        " ({f} face value)",
        " with {f} par",
        " with a nominal value of {f}",
    ),
    "face_item": (
        ", face value {f}",
        ", par {f}",
        ", face {f}",
        ", nominal {f}",
        "; par value {f}",
    ),
    "face_note": (
        " The face value is {f}.",
        " Par value: {f}.",
        " Face value {f}.",
        " It has a face value of {f}.",
        " Nominal: {f}.",
    ),
}
# How often coupons are paid: it does not change the annual rate (so no number is shown).
_PAID_PHRASES = (
    " paid semi-annually",
    " paid twice a year",
    " paid annually",
    " paid once a year",
    " paid semiannually",
    " paid quarterly",
)
_PAID_SHARE = 0.5


def _current_yield_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The coupon, the price (``{P}``: currency, or the quote per 100 of par with its words),
    the face value and its phrases (``{face}``, ``{face_item}``, ``{face_note}``, empty for a
    quote), and how often the coupon is paid (``{paid}``, often empty)."""
    texts = number_texts(rng, nums)
    quote = texts.pop("Q")
    if "P" not in nums:  # the quote per 100 of par takes the price's place
        texts["P"] = rng.choice(_QUOTE_PHRASES).format(q=quote)
    for slot, phrases in _FACE_PHRASES.items():
        texts[slot] = rng.choice(phrases).format(f=texts["F"]) if "F" in texts else ""
    texts["paid"] = rng.choice(_PAID_PHRASES) if rng.random() < _PAID_SHARE else ""
    return texts


def _current_yield_formula(f: dict) -> str:
    if "P" in f:
        return f"{f['c']}/100*{f['F']}/{f['P']}*100"
    return f"{f['c']}/{f['Q']}*100"


def _current_yield(v: dict) -> float:
    # A year's coupons (two half-coupons: the rate is annual whatever the frequency) over the
    # price paid, both for one bond; a quote is the price of 100 of face.
    face, price = (v["F"], v["P"]) if "P" in v else (100.0, v["Q"])
    annual_coupon = sum(v["c"] / 100 * face / 2 for _ in range(2))
    return annual_coupon / price * 100


CURRENT_YIELD = Family(
    name="current_yield",
    unit="percent",
    reasoning="Current yield = annual coupon (coupon rate * face) / price.",
    params={"c": _COUPON, "Q": _QUOTE},
    sample=_current_yield_sample,
    render=_current_yield_texts,
    formula=_current_yield_formula,
    solve=_current_yield,
    convention="percent; the annual coupon (the stated rate times face, whatever the payment "
    "frequency) over the price; a price without currency is per 100 of face; not the yield to "
    "maturity, no accrued interest",
    templates=(
        "A bond{face} pays a coupon of {c}{paid} and trades at {P}. What is its current yield?",
        "Coupon {c}{face_item}, price {P}. Current yield?",
        "What is the current yield of a bond{face} that has a coupon rate of {c}{paid} and is "
        "priced at {P}?",
        "Exam question: A corporate bond{face} carries a coupon rate of {c}{paid}. Its market "
        "price is {P}. Calculate the current yield.",
        "I'm looking at a bond whose coupon is {c}{paid}; I can buy it for {P}.{face_note} What "
        "current yield is that?",
        "cpn {c}{face_item}, px {P} -> current yield?",
        "Hi Tomás, the issuer's bond{face} has a coupon of {c}{paid} and closed at {P} today. "
        "Could you work out the current yield for the income table? Thanks, Ruth",
        "coupon rate | price | current yield\n{c} | {P} | ?{face_note}",
        "- Coupon rate: {c}{paid}\n- Price: {P}{face_item}\n- Current yield?",
        "Compute the current yield of a bond{face} bought at {P}; its coupon rate is {c}{paid}.",
        "ok so my bond's coupon is {c} and i paid {P} for it.{face_note} whats the current yield?",
        "Please help, I have a bond{face}, the coupon is {c}{paid} and the price is {P}. What "
        "is the current yield?",
        "Question 2 (2 marks). A bond{face} has an annual coupon rate of {c}{paid} and a market "
        "price of {P}. Calculate its current yield.",
        "My grandmother still holds a bond she bought decades ago; its coupon is {c}{paid} and "
        "it is now priced at {P}.{face_note} What is its current yield today?",
        "Coupon rate: {c}. Price: {P}.{face_note} Current yield in percent?",
        "At a price of {P}, what current yield does a bond{face} paying a coupon of {c} offer?",
        "running yield on a bond{face}, coupon {c}, price {P}?",
        "Dear advisor, the bond you suggested{face} pays a coupon of {c}{paid} and costs {P}. What "
        "is its current yield? Regards, Henrik",
        "Current yield of a bond priced at {P} with coupon {c}?{face_note}",
        "The Treasury note{face} carries a coupon of {c}{paid} and is offered at {P}. What is the "
        "current yield?",
        "How much does the coupon yield on the price paid, in percent, for a bond{face} bought "
        "at {P} with coupon rate {c}?",
        "Flat yield, please: coupon {c}{paid}, price {P}{face_item}.",
        "Bond{face}, {c} cpn{paid}, trading at {P}. current yield?",
        "Analyst note: the bonds{face} pay a coupon of {c}{paid} and last traded at {P}. What is "
        "the current yield?",
        "coupon_rate={c}; price={P}{face_item}; current_yield=?",
        "I want the current yield (not the yield to maturity) of a bond{face} carrying a coupon "
        "of {c}{paid}, trading at {P}.",
    ),
    ood_templates=(
        "Annual interest of {c} of principal{paid}; the paper changes hands at {P}.{face_note} "
        "Income return on the purchase outlay?",
        "An issue{face} distributes {c} of par a year, and the market wants {P} for it. "
        "Cash-on-price return?",
        "Setting the maturity aside entirely, what yearly income rate does a buyer at {P} get "
        "from a note{face} whose interest is {c}?",
        "Interest-only return for a holding{face}: stated rate {c}{paid}, acquisition cost {P}.",
        "The debenture{face} carries interest of {c} per annum{paid}. Purchased at {P}, what "
        "does the coupon return relative to the cost?",
        "Ignoring redemption gains or losses, a gilt{face} bought at {P} and paying interest at "
        "{c} earns what income percentage?",
    ),
    parts=Parts(
        labels={
            "c": (
                "coupon rate",
                "annual coupon rate",
                "coupon",
                "nominal coupon rate",
                "stated coupon",
                "coupon rate (annual)",
                "coupon rate per year",
                "bond coupon",
                "coupon rate p.a.",
                "fixed coupon",
                "cpn rate",
                "coupon rate (percent of face)",
            ),
            "F": (
                "face value",
                "par value",
                "nominal value",
                "face amount",
                "par",
                "denomination",
                "principal amount",
                "face value of the bond",
                "face",
                "principal",
                "par amount",
                "notional amount",
            ),
            "P": (
                "bond price",
                "market price",
                "price",
                "current price",
                "clean price",
                "quoted price",
                "purchase price",
                "price paid",
                "trading price",
                "offer price",
                "price of the bond",
                "last traded price",
                "ask price",
            ),
        },
        asks=(
            "What is the current yield?",
            "Compute the current yield.",
            "What is the bond's current yield in percent?",
            "What is the running yield?",
            "Compute the flat yield.",
            "What income yield does the coupon give at this price?",
            "How much does the annual coupon pay as a percentage of the price?",
            "current yield?",
            "What is the current yield (annual coupon over price)?",
            "What yield does the coupon alone give on the price?",
            "What is the straight yield?",
            "Coupon over price, as a percentage?",
            "What annual income yield does the bond pay on its market price?",
            "How much income per year does the coupon give me as a percent of what I pay?",
            "Not the YTM, just the current yield: what is it?",
            "What is the current yield, leaving out any pull to par?",
            "Divide the annual coupon by the price: what percentage do you get?",
            "What is the coupon yield on the market price?",
            "What does a year of coupons come to as a percentage of the bond's price?",
            "current yld?",
            "At this price, what yield does the coupon stream provide each year?",
            "What current yield should the income column of the bond table show?",
            "What is the bond's CY (coupon divided by price)?",
        ),
        ood_labels={
            "c": ("stated interest on principal",),
            "F": ("amount repaid at redemption",),
            "P": ("acquisition cost of the paper",),
        },
        ood_asks=(
            "Express the yearly interest as a share of the outlay.",
            "Determine the income return relative to the cost.",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (TAX_EQUIVALENT_YIELD, AFTER_TAX_YIELD, CURRENT_YIELD)
