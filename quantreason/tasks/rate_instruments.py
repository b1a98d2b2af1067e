"""Rate and derivative instruments: a bond with half-yearly coupons priced at its yield, the fixed
rate of a par swap from discount factors, an option's Black-Scholes-Merton delta, and the index
futures that move a portfolio's beta to a target.

``bond_price_semiannual`` prices a coupon bond on a coupon date: the annual coupon rate over 2 on
the face each half-year, discounted at the yield to maturity quoted as an annual rate compounded
semiannually (the yield over 2 a half-year), ``n`` years being ``2n`` half-years:
``pv(6.3/100/2, 12*2, 1000*5.5/100/2, 1000)``. The face is 100 (a price per 100 of par), 1,000
(one bond) or a position's face amount (``$250,000 face``), and every question says the coupons
are semiannual. Some questions show the price the bond was first issued at, which a price today
never uses. The annual-coupon price is ``bond_price``.

``par_swap_rate`` is the fixed rate of a par interest-rate swap from the discount factors of its
payment dates: one minus the last factor over the sum of the factors, for annual fixed payments
(accrual 1), ``(1-0.8626)/sum(0.9709,0.9426,0.9151,0.8885,0.8626)*100``; with semiannual fixed
payments each accrual is a half-year, so the rate a year is twice that,
``2*(1-0.9426)/sum(0.9852,0.9709,0.9566,0.9426)*100``. Two to seven annual or two to ten
half-yearly factors; every question lists them with their dates and names the frequency. Some
show the swap's notional, which a rate never uses.

``option_delta`` is the Black-Scholes-Merton delta of a European option per share: a call's is
``e**(-q*T) * N(d1)``, a put's ``e**(-q*T) * (N(d1) - 1)`` (negative), ``d1 = (ln(S/K) + (r - q
+ sigma**2/2) T) / (sigma sqrt(T))``, the rate and the dividend yield continuously compounded:
``put_delta(52,50,4.5/100,30/100,0.5,1.5/100)`` (``call_delta`` for a call, the word the
question uses; d1 written out before). Without dividends (every such question says so) the
dividend yield is left out; a time given in months is ``m/12``. Some questions show the option's
price, which delta never uses.

``futures_beta_change`` counts the stock-index futures that move a portfolio's beta from its
current value to a stated nonzero target: ``(target - current) * value / (futures level *
multiplier)``, negative meaning sell. The question asks for the contracts to sell when the beta
comes down (``round((1.25-0.8)*25000000/(5400*50))``) and to buy when it goes up
(``round((1.3-0.9)*...)``), so the larger beta comes first and the count is positive, rounded to
the nearest contract. Some questions show the initial margin per contract, which the count never
uses. The full hedge to beta zero is ``futures_hedge_contracts``.

Solvers are written independently of the formula text: the bond by backward induction from
maturity, the swap rate from the forward rates the factors imply (floating leg = fixed leg), the
delta from d1 through ``math.erf`` (a put as ``-N(-d1)``), and the futures from the beta-weighted
exposure to add or remove over one contract's notional.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    SCALED_QUESTION_SHARE,
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
    with_article,
)
from quantreason.tasks.portfolio_ops import INDEX_FUTURES, INDEX_FUTURES_LABELS


def _minimal(value: float, most: int) -> Num:
    """``value`` (a percentage) shown with the fewest decimals, at most ``most``: 5.5, 4.375."""
    for decimals in range(most + 1):
        if abs(round(value, decimals) - value) < 1e-9:
            return Num(round(value, decimals), decimals, "pct")
    return Num(round(value, most), most, "pct")


# --- bond_price_semiannual --------------------------------------------------------------------

# Coupon and yield a year, whole years to maturity. Out of range, high-yield or high-inflation
# markets over long maturities, or the near-zero rates of a low-rate decade.
_BOND_PARAMS: dict[str, Param] = {
    "c": pct((0.5, 9.5), ((10, 16), (0.05, 0.45)), decimals=2),
    "y": pct((0.5, 12), ((12.5, 25), (0.05, 0.45)), decimals=2, ood_decimals=3),
    "n": plain((1, 30), ((35, 50), (35, 50))),
}
# The face: 100 (a price per 100 of par) or 1,000 (one bond), or a position's face amount.
_FACE = plain((0, 0), ((0, 0),), choices=(100.0, 1000.0))
_POSITION = money((10_000, 5_000_000), ((10_000_000, 900_000_000), (1_000, 5_000)))
POSITION_SHARE = 0.3
# The price the bond was first issued at, per 100 of face: a figure on every term sheet that a
# price today never uses.
_BOND_SIDE = {"iss": plain((97, 101.5), (), decimals=3)}
_BOND_ASIDES = {
    "iss": (
        "The bond was originally issued at {iss} per 100 of face.",
        "It came to market at an issue price of {iss} (per 100 of face).",
        "The issue price, years ago, was {iss} per 100 nominal.",
        "(The prospectus shows an issue price of {iss} per 100.)",
        "At launch the paper was sold at {iss} per 100 of principal.",
    )
}
_SEMI_WORDS = ("semiannual", "semi-annual", "half-yearly")
_SEMI_ADVERBS = ("semiannually", "twice a year", "every six months", "semi-annually")


def _bond_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Coupon (to an eighth of a point in range), yield and years in one band; the face 100 or
    1,000, or in POSITION_SHARE of draws a position's face amount; the issue price in
    SIDE_FIGURE_SHARE of draws."""
    nums = draw_params(_BOND_PARAMS, rng, ood)
    coupon = nums["c"].value
    if coupon >= 0.5:
        nums["c"] = _minimal(round(coupon * 8) / 8, 3)
    if rng.random() < POSITION_SHARE:
        band = rng.randrange(2)
        scaled = rng.random() < SCALED_QUESTION_SHARE
        position = _POSITION.draw(rng, ood, band, scaled=scaled)
        if not ood and position.scale == 1:
            position = Num(significant(position.value, rng.choice((1, 2, 2, 3))), 0, "money")
        nums["N"] = position
    else:
        nums["F"] = _FACE.draw(rng, ood)
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["iss"] = _BOND_SIDE["iss"].draw(rng, False)
    return nums


def _bond_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual (a face of 100 or 1,000 in the question's currency, or bare);
    ``{face}`` the face, ``{years}`` ("12 years"), ``{a_n_year}`` ("an 8-year"), ``{a_c}`` ("a
    5.5% coupon" without the noun), ``{semi}`` an adjective, ``{twice}`` an adverb, and ``freq``
    the coupon frequency as a composed question shows it."""
    texts = number_texts(rng, nums)
    if "F" in nums:
        face = nums["F"]
        if rng.random() < 0.6:
            texts["F"] = Num(face.value, 0, "money").text(rng, money_style=draw_money_style(rng))
        else:
            texts["F"] = Num(face.value, 0, "plain").text(rng)
    texts["face"] = texts["F" if "F" in nums else "N"]
    years = round(nums["n"].value)
    texts["years"] = "1 year" if years == 1 else f"{texts['n']} years"
    texts["a_n_year"] = with_article(f"{texts['n']}-year")
    texts["a_c"] = with_article(texts["c"])
    texts["semi"] = rng.choice(_SEMI_WORDS)
    texts["twice"] = rng.choice(_SEMI_ADVERBS)
    texts["freq"] = rng.choice(
        ("semiannual", "semi-annual (twice a year)", "every six months", "half-yearly")
    )
    return texts


def _bond_semiannual(v: Mapping[str, float]) -> float:
    """Backward induction from maturity: each half-year's value is the next one's plus the cash
    paid then, discounted one half-year at half the yield."""
    face = v["N"] if "N" in v else v["F"]
    coupon = face * v["c"] / 100 / 2
    growth = 1 + v["y"] / 100 / 2
    value = face  # paid at maturity, beside the last coupon
    for _ in range(round(v["n"] * 2)):
        value = (value + coupon) / growth
    return value


def _bond_formula(f: Mapping[str, str]) -> str:
    face = f["N"] if "N" in f else f["F"]
    return f"pv({f['y']}/100/2, {f['n']}*2, {face}*{f['c']}/100/2, {face})"


BOND_PRICE_SEMIANNUAL = Family(
    name="bond_price_semiannual",
    unit="currency",
    reasoning="Semiannual bond price = pv(yield / 2, years * 2, face * coupon rate / 2, face): "
    "half-yearly coupons and the face discounted at half the yield per half-year.",
    params={**_BOND_PARAMS, "F": _FACE, "N": _POSITION},
    sample=_bond_sample,
    render=_bond_texts,
    aside=side_sentences(_BOND_ASIDES),
    valid=lambda v: abs(v["c"] - v["y"]) <= 8,
    formula=_bond_formula,
    solve=_bond_semiannual,
    convention="currency: the price of the face stated (per 100, per 1,000 bond or for the whole "
    "position) on a coupon date, so no accrued interest; coupons of the annual rate / 2 on the "
    "face every half-year, discounted at the yield to maturity / 2 per half-year (an annual "
    "rate compounded semiannually) over years * 2 half-years; an issue price is not used",
    templates=(
        "A bond with a face value of {face} pays a coupon of {c} a year in {semi} instalments "
        "and matures in {years}. Its yield to maturity is {y}, compounded semiannually. What "
        "is its price?",
        "Price {a_n_year} bond: face {face}, coupon rate {c} paid {twice}, YTM {y} (semiannual "
        "compounding).",
        "Exam question: A corporate bond has a par value of {face}, an annual coupon rate of "
        "{c} paid semiannually, and {years} to maturity. If the required yield is {y} per "
        "annum, compounded semiannually, calculate the bond's price today, just after a coupon "
        "payment.",
        "Hi Marco, could you price the Treasury note for the client file? Face {face}, coupon "
        "{c} paid {twice}, {years} left, and the market yield is {y} (bond-equivalent, "
        "semiannual). Just settled a coupon, so no accrued. Thanks, Julia",
        "whats the price of a bond w/ {face} face, {c} coupon paid {twice}, {n} yrs to go, "
        "ytm {y}? semiannual compounding",
        "| face | coupon rate (paid {twice}) | YTM (semiannual) | years to maturity |\n"
        "|---|---|---|---|\n| {face} | {c} | {y} | {n} |\nBond price?",
        "- Face value: {face}\n- Coupon: {c} per year, paid {twice}\n- Yield to maturity: {y} "
        "(compounded semiannually)\n- Maturity: {years}\nWhat should the bond cost today?",
        "Please help me. I have a bond, the nominal is {face}, coupon {c} each year but paid "
        "in two halves, {semi}. It finish in {years}. Market yield {y} with semiannual "
        "compounding. How much the price is?",
        "My father-in-law, who still keeps his bond certificates in a shoebox, asked me this: "
        "face {face}, {a_c} coupon paid {twice}, {years} until maturity, and similar bonds "
        "yield {y} (semiannual basis). What is the bond worth today?",
        "Desk note: {semi}-pay bullet, cpn {c}, {n}y to maturity, face {face}, YTM {y} s.a. "
        "Price on the coupon date = ?",
        "What price should a {semi} coupon bond trade at if it has a face of {face}, a coupon "
        "rate of {c}, {years} to maturity and a yield to maturity of {y} compounded "
        "semiannually?",
        "Question 3. A government bond pays interest {twice} at an annual coupon rate of {c}. "
        "The face value is {face} and the bond matures in {years}. Given a yield to maturity "
        "of {y} (semiannual compounding), determine its price immediately after a coupon "
        "payment.",
        "Dear Ingrid, we're looking at a {semi}-coupon bond for the pension account: {c} "
        "coupon, {face} face, {years} remaining. Comparable paper yields {y} on a semiannual "
        "basis. What price does that imply? Best regards, Felix",
        "Bond q: coupon {c} ({semi}), {n} years, face {face}, yield {y} compounded twice a "
        "year. Price?",
        "I hold bonds with a total face amount of {face}. They pay {c} a year in {semi} "
        "coupons and mature in {years}. If the market yield is {y} (semiannual compounding), "
        "what is my position worth today, just after a coupon?",
        "Value the bond: {face} par, {c} annual coupon rate paid semiannually, {years} to "
        "maturity, yield to maturity {y} compounded semiannually.",
        "Sorry for my English. The bond has coupon {c} per year, paid every six months, face "
        "value {face}, maturity in {years}. The yield is {y} per year with semiannual "
        "compounding. Which is the price?",
        "ytm {y} (s.a.), coupon {c} paid {twice}, {n}y, par {face}. px?",
        "Portfolio review: a bond position with face {face} carries {a_c} coupon paid {twice} "
        "and has {years} left to run. At a semiannually compounded yield of {y}, what is its "
        "market value on the coupon date?",
        "If a bond's yield to maturity is {y} (compounded semiannually), its coupon rate is "
        "{c} with {semi} payments, its face value {face} and its maturity {years} away, what "
        "is the price?",
        "Fixed income homework: find the price of {a_n_year} bond with face value {face} and "
        "a {semi} coupon at {c} a year, when its YTM is {y} with semiannual compounding.",
        "How much would I pay today for a bond that matures in {years} with a face of {face}, "
        "paying {c} annually in two {semi} coupons, if I want a yield of {y} compounded "
        "semiannually?",
    ),
    ood_templates=(
        "A gilt-style instrument returns {face} of principal after {years} and distributes "
        "{c} yearly, split into two equal six-monthly remittances. Discounting at {y} nominal, "
        "converted half-yearly, what consideration is fair on a remittance date?",
        "Fair consideration for paper redeeming {face} in {years}, remitting {c} per annum in "
        "two six-monthly halves, when the going nominal return, converted half-yearly, is "
        "{y}?",
        "Six-monthly remittances at {c} per annum on {face} principal, redemption {years} "
        "out, nominal return {y} converted half-yearly: appraise the instrument.",
    ),
    parts=Parts(
        labels={
            "F": (
                "face value",
                "par value",
                "face amount",
                "principal repaid at maturity",
                "nominal value",
                "redemption value",
                "par amount",
                "face value of the bond",
                "principal amount",
                "denomination",
                "maturity value",
                "par value per bond",
            ),
            "N": (
                "face amount held",
                "par amount of the position",
                "face value of the holding",
                "nominal amount held",
                "position size at par",
                "total face value",
                "principal amount of the holding",
                "par value held",
                "nominal of the position",
                "face amount of the bonds owned",
                "holding at face value",
                "par amount owned",
            ),
            "c": (
                "coupon rate",
                "annual coupon rate",
                "coupon rate per year",
                "stated coupon",
                "nominal coupon rate",
                "coupon",
                "yearly coupon rate",
                "coupon rate per annum",
                "interest rate on the bond",
                "annual coupon",
                "fixed coupon rate",
                "coupon rate on the face",
            ),
            "y": (
                "yield to maturity",
                "YTM (semiannual compounding)",
                "market yield",
                "required yield",
                "bond-equivalent yield",
                "yield to maturity per annum",
                "annual yield compounded semiannually",
                "discount rate (semiannual compounding)",
                "required yield to maturity",
                "market yield to maturity",
                "YTM",
                "yield per year on a semiannual basis",
            ),
            "n": (
                "remaining maturity in years",
                "term to maturity in years",
                "remaining life in years",
                "maturity in years",
                "time to maturity (years)",
                "remaining term in years",
                "number of years to maturity",
                "tenor in years",
                "life left in years",
                "time to redemption in years",
                "residual maturity in years",
                "term remaining in years",
            ),
            "freq": (
                "coupon frequency",
                "payment frequency",
                "frequency of coupon payments",
                "coupon schedule",
                "coupon payment frequency",
                "interest payment frequency",
                "coupon periodicity",
                "pay frequency",
                "frequency of interest payments",
                "coupon convention",
                "coupon timing",
                "schedule of coupon payments",
            ),
            "iss": (
                "issue price per hundred of face",
                "original issue price per hundred",
                "price at issue per hundred of par",
                "launch price per hundred nominal",
                "price per hundred when first sold",
                "offering price at issue per hundred",
                "price paid at issue per hundred of par",
                "original offering price per hundred",
                "new-issue price per hundred",
                "reoffer price at launch per hundred",
                "primary-market price per hundred",
                "issue price per hundred nominal",
            ),
        },
        asks=(
            "What is the bond's price?",
            "What is the price of the bond?",
            "Price the bond.",
            "What is the bond worth today?",
            "What is the fair value of the bond on the coupon date?",
            "What should the bond trade at?",
            "Compute the present value of the coupons and the face.",
            "What is the clean price on a coupon date, in currency?",
            "bond px?",
            "How much should an investor pay for the bond today?",
            "What is the market value of the bond?",
            "Work out the bond's price from its yield to maturity.",
            "What price gives the stated yield to maturity?",
            "Discount the cash flows at the yield: what is the price?",
            "What is the value of the semiannual-coupon bond?",
            "What is the theoretical price of the bond?",
            "How much is the bond worth at that yield?",
            "whats the bond worth?",
            "What is the present value of the bond's remaining cash flows?",
            "What price would I pay for the bond today, right after a coupon?",
            "Find the bond's price in currency.",
        ),
        ood_labels={
            "F": ("principal returned at redemption", "redemption principal"),
            "N": ("principal of the parcel held", "parcel principal"),
            "c": ("distribution rate per annum", "remittance rate"),
            "y": ("nominal return converted half-yearly", "going nominal return"),
            "n": ("span to redemption in years", "years outstanding"),
            "freq": ("remittance cadence", "cadence of remittances"),
            "iss": ("consideration at launch per hundred", "launch consideration per hundred"),
        },
        ood_asks=(
            "What consideration is fair for the instrument?",
            "Appraise the instrument on a remittance date.",
            "Which consideration matches the going nominal return?",
        ),
    ),
)


# --- par_swap_rate ----------------------------------------------------------------------------

# The level of the zero curve the discount factors are drawn from (a rate a year, continuously
# compounded, with a small slope per year); out of range, a high-rate market or near-zero rates.
# The factors themselves are drawn from it (see _swap_sample), so this describes them only.
_CURVE_LEVEL = pct((0.5, 6), ((7, 16), (0.02, 0.3)), decimals=2)
SEMIANNUAL_SHARE = 0.45
_ANNUAL_COUNTS = (2, 7)  # payment dates: 2 to 7 years
_SEMI_COUNTS = (2, 10)  # payment dates: 1 to 5 years in half-years
_SWAP_SIDE = {"L": money((5_000_000, 500_000_000), ())}
_SWAP_ASIDES = {
    "L": (
        "The swap's notional is {L}.",
        "Notional principal: {L}.",
        "We're looking at {L} of notional.",
        "(The trade would be for {L} notional.)",
        "The notional amount on the confirmation is {L}.",
    )
}


def factor_keys(values: Values | Mapping[str, object]) -> list[str]:
    """The discount factors a question lists, in date order."""
    keys = []
    while f"D{len(keys) + 1}" in values:
        keys.append(f"D{len(keys) + 1}")
    return keys


def _swap_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Annual or (SEMIANNUAL_SHARE) semiannual fixed payments (``s`` marks semiannual), and the
    discount factors of the payment dates from a gently sloped zero curve, to four decimals
    (out of range, four to six); the notional in SIDE_FIGURE_SHARE of draws."""
    semi = rng.random() < SEMIANNUAL_SHARE
    low, high = _SEMI_COUNTS if semi else _ANNUAL_COUNTS
    count = rng.randint(low, high)
    level_low, level_high = _CURVE_LEVEL.ood[rng.randrange(2)] if ood else _CURVE_LEVEL.train
    level = rng.uniform(level_low, level_high) / 100
    slope = rng.uniform(-0.25, 0.35) / 100 * (level / 0.04 if level < 0.04 else 1)
    decimals = rng.choice((4, 5, 6)) if ood else 4
    step = 0.5 if semi else 1.0
    nums: dict[str, Num] = {}
    for index in range(1, count + 1):
        years = index * step
        zero = max(level + slope * years, level / 4)
        nums[f"D{index}"] = Num(round(math.exp(-zero * years), decimals), decimals, "plain")
    if semi:
        nums["s"] = Num(2.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        scaled = rng.random() < 0.6
        nums["L"] = _SWAP_SIDE["L"].draw(rng, False, scaled=scaled)
        if nums["L"].scale == 1:
            nums["L"] = Num(significant(nums["L"].value, 2), 0, "money")
    return nums


def _date_name(index: int, semi: bool, style: int) -> str:
    """The date of the ``index``-th payment: "2y", "year 2", "18m", "1.5y"."""
    if not semi:
        return (f"{index}y", f"year {index}", f"{index}Y")[style % 3]
    months = index * 6
    years = f"{index / 2:g}"
    return (f"{years}y", f"{months} months", f"{months}m")[style % 3]


def _swap_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The factors with their dates inline (``{curve}``), one a line (``{curve_list}``) or as a
    markdown table (``{curve_table}``); ``{tenor}`` ("a 3-year"), ``{freq_adj}`` ("annual",
    "semiannual"), ``{freq_adv}`` ("once a year", "every six months"), and ``freq`` the
    frequency as a composed question shows it."""
    texts = number_texts(rng, nums)
    semi = "s" in nums
    keys = factor_keys(nums)
    style = rng.randrange(3)
    dated = [(_date_name(i, semi, style), texts[key]) for i, key in enumerate(keys, 1)]
    inline = rng.randrange(3)
    if inline == 0:
        texts["curve"] = ", ".join(f"{date}: {factor}" for date, factor in dated)
    elif inline == 1:
        texts["curve"] = ", ".join(f"{factor} ({date})" for date, factor in dated)
    else:
        texts["curve"] = ", ".join(f"{date} {factor}" for date, factor in dated)
    texts["curve_list"] = "\n".join(f"- {date}: {factor}" for date, factor in dated)
    header = rng.choice(("Payment date", "Maturity", "Date", "Tenor"))
    rows = "\n".join(f"| {date} | {factor} |" for date, factor in dated)
    texts["curve_table"] = f"| {header} | Discount factor |\n|---|---|\n{rows}"
    years = len(keys) / 2 if semi else len(keys)
    texts["tenor"] = with_article(f"{years:g}-year")
    if semi:
        texts["freq_adj"] = rng.choice(("semiannual", "semi-annual", "half-yearly"))
        texts["freq_adv"] = rng.choice(("every six months", "twice a year", "semiannually"))
        texts["freq"] = rng.choice(
            ("semiannual", "semi-annual (every six months)", "twice a year", "half-yearly")
        )
    else:
        texts["freq_adj"] = rng.choice(("annual", "yearly"))
        texts["freq_adv"] = rng.choice(("once a year", "annually", "every year"))
        texts["freq"] = rng.choice(("annual", "annual (once a year)", "yearly", "once a year"))
    return texts


def _par_swap_rate(v: Mapping[str, float]) -> float:
    """Floating leg = fixed leg: the floating leg pays each period's forward rate, read off
    consecutive factors (1 before the first), so its value is the sum over periods of the
    accrual times the forward times the factor; the fixed rate is that over the accrual-weighted
    sum of the factors. In percent a year."""
    accrual = 0.5 if "s" in v else 1.0
    factors = [v[key] for key in factor_keys(v)]
    floating = fixed_annuity = 0.0
    previous = 1.0
    for factor in factors:
        forward = (previous / factor - 1) / accrual
        floating += accrual * forward * factor
        fixed_annuity += accrual * factor
        previous = factor
    return floating / fixed_annuity * 100


def _swap_formula(f: Mapping[str, str]) -> str:
    keys = factor_keys(f)
    factors = ",".join(f[key] for key in keys)
    rate = f"(1-{f[keys[-1]]})/sum({factors})*100"
    return f"2*{rate}" if "s" in f else rate


def _swap_valid(v: Mapping[str, float]) -> bool:
    factors = [v[key] for key in factor_keys(v)]
    falling = all(b < a for a, b in zip([1.0, *factors], factors, strict=False))
    return falling and _par_swap_rate(v) > 0


PAR_SWAP_RATE = Family(
    name="par_swap_rate",
    unit="percent",
    reasoning="Par swap rate = (1 - last discount factor) / sum of the discount factors of the "
    "fixed payment dates, times 2 for semiannual payments, * 100.",
    params={"z": _CURVE_LEVEL},
    sample=_swap_sample,
    render=_swap_texts,
    aside=side_sentences(_SWAP_ASIDES),
    valid=_swap_valid,
    formula=_swap_formula,
    solve=_par_swap_rate,
    convention="percent a year: the fixed rate that gives the swap zero value at the start, (1 - "
    "the last factor) over the sum of the factors of the fixed payment dates, each accrual a "
    "year (annual) or a half-year (semiannual: the rate a year is twice the rate per half-year); "
    "the factors are given for every payment date; a notional is not used",
    templates=(
        "Given the discount factors {curve}, what is the par swap rate of {tenor} swap with "
        "{freq_adj} fixed payments?",
        "The discount factors for the fixed payment dates are:\n{curve_list}\nThe fixed leg "
        "pays {freq_adv}. What fixed rate makes the swap worth zero at inception?",
        "Exam question: An interest rate swap has fixed payments made {freq_adv}. The discount "
        "factors for the payment dates are {curve}. Calculate the par swap rate, in percent per "
        "annum.",
        "Hi Sophie, can you back out the par rate for {tenor} swap with {freq_adj} fixed? "
        "Discount factors off today's curve: {curve}. Thanks, Ben",
        "dfs {curve}, fixed leg {freq_adj}. whats the par swap rate?",
        "{curve_table}\n\nFixed payments are {freq_adj}. What is the swap rate that prices the "
        "swap at par?",
        "- Fixed leg frequency: {freq_adj}\n- Discount factors: {curve}\nWhat is the fair "
        "fixed rate of the swap?",
        "Please, I need the swap rate. The fixed side pays {freq_adv}, discount factors are "
        "{curve}. Which fixed rate give zero value to the swap at the start?",
        "My cousin, who is learning to fly small planes on weekends, is also doing a derivatives "
        "course and asked me this: fixed payments {freq_adv}, discount factors {curve}. What is "
        "the par swap rate?",
        "Swap desk: {freq_adj} fixed vs float, DFs {curve}. Par fixed rate = ?",
        "What fixed rate should a new {freq_adj}-pay interest rate swap carry if the discount "
        "factors to its payment dates are {curve}?",
        "Question 8. Using the discount factors {curve} for the payment dates of a swap whose "
        "fixed leg pays {freq_adv}, determine the swap rate at which the swap has zero initial "
        "value.",
        "Dear Tomas, the treasurer wants to fix the rate on our floating loan with a swap, fixed "
        "paid {freq_adv}. The bank's discount factors are:\n{curve_list}\nWhat swap rate "
        "should we expect? Kind regards, Hanna",
        "Par swap rate from DFs: {curve}. Fixed leg pays {freq_adv}.",
        "We plan to enter {tenor} payer swap with {freq_adj} fixed payments. With discount "
        "factors of {curve}, what fixed rate is fair?",
        "Compute the fixed rate of a par swap ({freq_adj} fixed payments) from these discount "
        "factors:\n{curve_table}",
        "Sorry for my English. Swap with fixed payment {freq_adv}. The discount factors of "
        "payment dates: {curve}. What is the fair swap rate in percent?",
        "Curve check: discount factors {curve}; {freq_adj} fixed leg. What swap rate sets the "
        "fixed leg equal to the floating leg?",
        "If the discount factors to the payment dates are {curve} and the fixed leg settles "
        "{freq_adv}, what is the at-market swap rate?",
        "For my rates class: {tenor} vanilla swap, fixed paid {freq_adv}, discount factors "
        "{curve}. Find the par swap rate.",
        "What fixed rate, per annum, would a dealer quote on a swap that pays fixed "
        "{freq_adv}, using discount factors of {curve}?",
    ),
    ood_templates=(
        "Present-value multipliers per settlement date - {curve}. The fixed-coupon side settles "
        "{freq_adv}. Which coupon equalises both sides of the exchange at trade date?",
        "An exchange of fixed against floating coupons settles {freq_adv}; deflators per "
        "settlement date read:\n{curve_table}\nDetermine the equilibrium fixed coupon.",
        "With deflators {curve} and {freq_adj} settlement of the fixed coupon, what equilibrium "
        "coupon leaves the exchange costless to enter?",
    ),
    parts=Parts(
        labels={
            "curve": (
                "discount factor curve",
                "discount curve",
                "set of discount factors",
                "discount factor strip",
                "strip of discount factors",
                "zero-coupon discount curve",
                "schedule of discount factors",
                "term structure of discount factors",
                "list of discount factors",
                "discount function",
                "discount factor for each payment date",
                "curve of discount factors",
            ),
            "freq": (
                "fixed-leg payment frequency",
                "fixed payment frequency",
                "frequency of fixed payments",
                "coupon frequency of the fixed leg",
                "fixed-leg frequency",
                "payment frequency",
                "fixed-rate payment schedule",
                "fixed leg convention",
                "settlement frequency of the fixed leg",
                "fixed-side payment frequency",
                "frequency of the fixed coupon",
                "fixed coupon frequency",
            ),
            "L": (
                "notional",
                "notional principal",
                "swap notional",
                "notional amount",
                "notional of the swap",
                "trade notional",
                "notional on the ticket",
                "principal of the swap",
                "face notional",
                "size of the swap",
                "deal notional",
                "notional amount of the trade",
            ),
        },
        asks=(
            "What is the par swap rate?",
            "What is the swap rate?",
            "What is the fair fixed rate of the swap?",
            "Compute the par swap rate in percent per year.",
            "What fixed rate makes the swap worth zero today?",
            "What is the at-market fixed rate?",
            "par swap rate?",
            "What fixed rate equates the fixed and floating legs?",
            "Work out the fixed rate of a par swap from the discount factors.",
            "What rate would a dealer quote on the fixed leg?",
            "What is the breakeven fixed rate of the swap?",
            "What is the fixed coupon that prices the swap at par?",
            "whats the swap rate?",
            "Find the par rate of the swap, per annum.",
            "What is the fixed rate on a new swap at these discount factors?",
            "Which fixed rate gives the swap zero value at inception?",
            "What is the mid-market swap rate?",
            "What should the fixed leg pay a year for a zero-cost swap?",
            "Back out the par swap rate from the curve.",
            "What is the equilibrium swap rate?",
            "What annual fixed rate would we lock in with the swap?",
        ),
        ood_labels={
            "curve": ("deflator sequence", "present-value multiplier ladder"),
            "freq": ("settlement cadence of the fixed coupon", "fixed-coupon cadence"),
            "L": ("reference principal", "principal of reference"),
        },
        ood_asks=(
            "Which coupon equalises both sides of the exchange?",
            "Determine the equilibrium fixed coupon.",
            "What coupon leaves the exchange costless to enter?",
        ),
    ),
)


# --- option_delta -----------------------------------------------------------------------------

# As the Black-Scholes families: a share from a small cap to an index-level one (out of range,
# penny stocks and four-digit prices), a strike near it, a continuous rate and volatility, time
# in years or months (out of range, years only: LEAPS); a dividend yield in a share of draws.
_SPOT = plain((20, 300), ((500, 2500), (1, 9.5)), decimals=2)
_RATE = pct((0.5, 6), ((6.5, 12), (6.5, 12)), ood_decimals=2)
_DIVIDEND = pct((0.5, 4), ((4.5, 9), (4.5, 9)))
_VOL = pct((10, 60), ((65, 120), (2, 8)), decimals=0, ood_decimals=1)
_YEARS = plain((0.1, 2), ((2.5, 6), (2.5, 6)), decimals=2)
_DELTA_PARAMS: dict[str, Param] = {
    "S": _SPOT,
    "r": _RATE,
    "q": _DIVIDEND,
    "sigma": _VOL,
    "T": _YEARS,
}
DIVIDEND_SHARE = 0.4
PUT_SHARE = 0.45
MONTHS_SHARE = 0.35
_STRIKE_STEP = 5.0
_DELTA_ASIDES = {
    "prem": (
        "The {opt} last traded at {prem}.",
        "The {opt} itself is quoted at {prem} a share.",
        "The screen shows the {opt} at {prem}.",
        "(The {opt}'s premium is {prem} per share.)",
        "The {opt} changes hands at {prem}.",
    )
}


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _years(v: Mapping[str, float]) -> float:
    return v["m"] / 12 if "m" in v else v["T"]


def _d1(v: Mapping[str, float]) -> float:
    s, k, t = v["S"], v["K"], _years(v)
    r, q, vol = v["r"] / 100, v.get("q", 0.0) / 100, v["sigma"] / 100
    return (math.log(s / k) + (r - q + vol * vol / 2) * t) / (vol * math.sqrt(t))


def _delta(v: Mapping[str, float]) -> float:
    """d1 through the error function; a call's delta N(d1), a put's -N(-d1), each carried by
    the dividends paid over the life, e**(-q*T)."""
    d1 = _d1(v)
    carry = math.exp(-v.get("q", 0.0) / 100 * _years(v))
    return -carry * _normal_cdf(-d1) if "put" in v else carry * _normal_cdf(d1)


def _option_price(v: Mapping[str, float]) -> float:
    """The option's Black-Scholes-Merton price (the premium some questions show beside it)."""
    d1, t = _d1(v), _years(v)
    d2 = d1 - v["sigma"] / 100 * math.sqrt(t)
    spot = v["S"] * math.exp(-v.get("q", 0.0) / 100 * t)
    strike = v["K"] * math.exp(-v["r"] / 100 * t)
    if "put" in v:
        return strike * _normal_cdf(-d2) - spot * _normal_cdf(-d1)
    return spot * _normal_cdf(d1) - strike * _normal_cdf(d2)


def _delta_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Spot, a listed strike near it, rate, volatility and time in one band; a dividend yield
    in DIVIDEND_SHARE of draws, a put (``put`` marks it) in PUT_SHARE, the time in months
    (``m``) in MONTHS_SHARE of in-range draws; the option's price in SIDE_FIGURE_SHARE."""
    nums = draw_params(_DELTA_PARAMS, rng, ood)
    if rng.random() >= DIVIDEND_SHARE:
        del nums["q"]
    raw_strike = nums["S"].value * rng.uniform(0.8, 1.2)
    if raw_strike >= 100:
        nums["K"] = Num(round(raw_strike / _STRIKE_STEP) * _STRIKE_STEP, 0, "plain")
    elif raw_strike >= 12:
        nums["K"] = Num(float(round(raw_strike)), 0, "plain")
    else:
        nums["K"] = Num(round(raw_strike, 1), 1, "plain")
    if not ood and rng.random() < MONTHS_SHARE:
        del nums["T"]
        # 1 to 24 months; twelve months is said as a year (T = 1)
        nums["m"] = Num(float(rng.choice([m for m in range(1, 25) if m != 12])), 0, "plain")
    elif not ood and rng.random() < 0.4:  # the round tenors people quote
        years = rng.choice((0.25, 0.5, 0.75, 1.0, 1.5, 2.0))
        nums["T"] = Num(years, 0 if years.is_integer() else 2, "plain")
    if rng.random() < PUT_SHARE:
        nums["put"] = Num(1.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        price = round(_option_price({k: n.value for k, n in nums.items()}), 2)
        if price >= 0.05:
            nums["prem"] = Num(price, 2, "plain")
    return nums


def _delta_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Prices bare or in dollars (one style a question), rates in percent; ``{tt}`` the time
    with its unit ("0.5 years", "9 months"), ``{opt}`` "call" or "put", ``{kind}`` the option
    as a composed question shows it ("European put"), ``{divs}`` the dividends as a clause
    ("pays no dividends", "pays a continuous dividend yield of 1.5%"), and under ``q`` the
    dividend yield, "zero" where the stock pays none."""
    dollars = rng.random() < 0.5
    texts: dict[str, str] = {}
    for key, num in nums.items():
        if num.kind == "pct":
            texts[key] = num.text(rng)
        elif key in ("S", "K", "prem"):
            texts[key] = f"${num.shown}" if dollars else num.shown
        else:
            texts[key] = num.shown
    if "m" in nums:
        months = round(nums["m"].value)
        texts["tt"] = "1 month" if months == 1 else f"{months} months"
    else:
        texts["tt"] = "1 year" if nums["T"].shown == "1" else f"{nums['T'].shown} years"
    opt = "put" if "put" in nums else "call"
    texts["opt"], texts["Opt"] = opt, sentence_case(opt)
    texts["kind"] = rng.choice((f"European {opt}", f"{opt} (European)", f"European {opt} option"))
    if "q" in nums:
        texts["divs"] = rng.choice(
            (
                f"pays a continuous dividend yield of {texts['q']}",
                f"has a dividend yield of {texts['q']}, continuously compounded",
                f"pays dividends at a continuous yield of {texts['q']}",
            )
        )
        texts["div_short"] = f"q = {texts['q']} (continuous)"
    else:
        texts["divs"] = rng.choice(
            ("pays no dividends", "pays no dividend", "does not pay dividends")
        )
        texts["div_short"] = "no divs"
        texts["q"] = rng.choice(("zero", "zero (no dividends)", "nil, the stock pays none"))
    return texts


def _delta_formula(f: Mapping[str, str]) -> str:
    # call_delta / put_delta as bs_call / bs_put: the word call or put picks the function. The
    # d1 written out (130-176 tokens) put the side in a trailing "-1" that run BR wrote for
    # calls too (1 of 9 generated questions right; experiments.md, session 37; run BW +5/-2).
    years = f"{f['m']}/12" if "m" in f else f["T"]
    function = "put_delta" if "put" in f else "call_delta"
    dividends = f",{f['q']}/100" if "q" in f else ""
    return f"{function}({f['S']},{f['K']},{f['r']}/100,{f['sigma']}/100,{years}{dividends})"


def _delta_valid(v: Mapping[str, float]) -> bool:
    # A delta a desk hedges with (neither all but zero nor all but one share a share).
    return 0.03 <= abs(_delta(v)) <= 0.97


OPTION_DELTA = Family(
    name="option_delta",
    unit="ratio",
    reasoning="Black-Scholes delta = e^(-q * T) * N(d1) for a call, e^(-q * T) * (N(d1) - 1) for "
    "a put.",
    params={**_DELTA_PARAMS, "K": plain((16, 360), ((400, 3000), (0.8, 11.4)))},
    sample=_delta_sample,
    render=_delta_texts,
    aside=side_sentences(_DELTA_ASIDES),
    valid=_delta_valid,
    formula=_delta_formula,
    solve=_delta,
    convention="ratio per share (change in the option's value per unit change in the share "
    "price), Black-Scholes-Merton for a European option: a call's between 0 and 1, a put's "
    "between -1 and 0; the rate and dividend yield continuously compounded (no dividend yield "
    "when the stock pays none), volatility a year, time in years (months / 12); the option's "
    "price is not used",
    templates=(
        "A stock trades at {S} and {divs}. What is the Black-Scholes delta of a European {opt} "
        "with a strike of {K} expiring in {tt}, if volatility is {sigma} a year and the "
        "continuously compounded risk-free rate is {r}?",
        "Delta of a European {opt}: spot {S}, strike {K}, {tt} to expiry, vol {sigma}, "
        "risk-free {r} (continuous); the stock {divs}.",
        "Exam question: Using the Black-Scholes-Merton model, calculate the delta of a European "
        "{opt} option on a stock that {divs}. The stock price is {S}, the exercise price is "
        "{K}, the time to expiration is {tt}, the volatility is {sigma} per annum and the "
        "risk-free rate is {r} per annum with continuous compounding.",
        "Hi Nadia, what's the BS delta on the {K} {opt}? Stock's at {S}, {tt} to expiry, "
        "implied vol {sigma}, rate {r} continuously compounded, and the stock {divs}. Need it "
        "for the hedge ratio. Thanks, Oskar",
        "delta of the {K} strike european {opt}? spot {S}, vol {sigma}/yr, r {r} cont, {tt} "
        "left, {div_short}",
        "| option | spot | strike | expiry | vol (annual) | r (cont.) |\n|---|---|---|---|---|"
        "---|\n| European {opt} | {S} | {K} | {tt} | {sigma} | {r} |\nThe stock {divs}. "
        "Black-Scholes delta?",
        "- Option: European {opt}\n- Underlying price: {S}\n- Strike: {K}\n- Time to expiry: "
        "{tt}\n- Volatility: {sigma} a year\n- Risk-free rate (continuous): {r}\nThe share "
        "{divs}. What is the option's delta?",
        "Please I need the delta of one European {opt}. Share price {S}, strike {K}, expiry in "
        "{tt}, volatility {sigma} by year, risk-free {r} continuous compounding, and the share "
        "{divs}. How much is the delta?",
        "My brother, who repairs vintage guitars, bought a European {opt} on a stock at {S} "
        "that {divs}. The strike is {K}, it expires in {tt}, vol is {sigma} and the continuous "
        "risk-free rate is {r}. What is its delta?",
        "Hedge note: long one European {opt}, S {S}, K {K}, T {tt}, sigma {sigma}, r {r} cont. "
        "comp.; underlying {divs}. Delta per share?",
        "How much does the value of a European {opt} change per 1 move in the stock, by "
        "Black-Scholes, if the stock is at {S} and {divs}, the strike is {K}, expiry is {tt} "
        "away, volatility is {sigma} and the continuously compounded rate is {r}?",
        "Question 4. A European {opt} has a strike of {K} and expires in {tt}. The underlying "
        "stock, which {divs}, trades at {S} with a volatility of {sigma} per year. The "
        "risk-free rate is {r} (continuously compounded). Find the option's delta.",
        "Dear Lucas, for the delta hedge on the client's European {opt}: stock {S} (it {divs}), "
        "strike {K}, {tt} to run, vol {sigma}, continuous risk-free rate {r}. What delta "
        "should we use? Regards, Mei",
        "BS delta, European {opt}. Spot {S}. Strike {K}. Vol {sigma}. Rate {r} continuous. "
        "Time {tt}. The stock {divs}.",
        "I'm delta hedging a European {opt} struck at {K}. The stock is at {S} and {divs}; "
        "expiry in {tt}, volatility {sigma}, continuously compounded risk-free rate {r}. What "
        "is the delta per share?",
        "What is N(d1)-based delta for a European {opt} with S = {S}, K = {K}, T = {tt}, "
        "sigma = {sigma}, r = {r} (continuous), given the stock {divs}?",
        "Sorry for my English. One European {opt}: stock {S}, strike {K}, time {tt}, "
        "volatility {sigma}, risk-free {r} continuous. The stock {divs}. What is the delta of "
        "this option?",
        "how many shares per option do i need to hedge a european {opt}? stock {S} ({divs}), "
        "strike {K}, {tt}, vol {sigma}, r {r} continuously compounded. i mean the bs delta",
        "Risk report input: delta of a European {opt} (Black-Scholes-Merton) with spot {S}, "
        "strike {K}, volatility {sigma}, time to expiry {tt} and a continuous risk-free rate "
        "of {r}; the underlying {divs}.",
        "Options homework: the stock is {S} and {divs}. For the European {opt} with strike {K} "
        "and {tt} to maturity, volatility {sigma}, continuously compounded rate {r}, compute "
        "the delta.",
        "What hedge ratio does Black-Scholes give for a European {opt} on a share at {S} that "
        "{divs}, struck at {K}, with {tt} left, {sigma} volatility and a continuous risk-free "
        "rate of {r}?",
    ),
    ood_templates=(
        "Sensitivity of a European {opt}'s premium to its underlying, lognormal model: share "
        "quoted {S}, exercise level {K}, tenor {tt}, sigma {sigma}, riskless yield {r} "
        "compounded continuously; the share {divs}.",
        "Under lognormal dynamics, how many shares mirror one European {opt} at the margin? "
        "Share {S} ({divs}), exercise level {K}, tenor {tt}, sigma {sigma}, riskless yield {r} "
        "continuous.",
        "First-order exposure to the share for a European {opt} under lognormal dynamics: the "
        "share is quoted {S} and {divs}; exercise level {K}, tenor {tt}, sigma {sigma}, "
        "riskless yield {r} continuous.",
    ),
    parts=Parts(
        labels={
            "kind": (
                "option type",
                "type of option",
                "option held",
                "contract type",
                "option style and type",
                "kind of option",
                "option contract",
                "instrument",
                "option being hedged",
                "option in question",
                "option position",
                "option on the stock",
            ),
            "S": (
                "stock price",
                "spot price",
                "current share price",
                "share price today",
                "price of the stock",
                "spot",
                "share price",
                "current stock price",
                "price of the underlying share",
                "stock price now",
                "spot share price",
                "market price of the stock",
            ),
            "K": (
                "strike",
                "strike price",
                "exercise price",
                "strike level",
                "option strike",
                "striking price",
                "strike price of the option",
                "exercise price of the option",
                "agreed strike",
                "contract strike price",
                "strike on the option",
                "option's exercise price",
            ),
            "r": (
                "risk-free rate (continuously compounded)",
                "continuously compounded risk-free rate",
                "risk-free interest rate (continuous compounding)",
                "riskless rate (continuously compounded)",
                "interest rate (continuously compounded)",
                "risk-free rate compounded continuously",
                "continuous risk-free rate",
                "riskless interest rate compounded continuously",
                "risk-free rate (continuous basis)",
                "continuously compounded rate of interest",
                "cont. comp. risk-free rate",
                "risk-free rate with continuous compounding",
            ),
            "q": (
                "dividend yield (continuous)",
                "continuous dividend yield",
                "dividend yield",
                "continuously compounded dividend yield",
                "dividend yield of the stock",
                "annual dividend yield (continuous)",
                "yield from dividends",
                "dividend yield on the share",
                "stock's dividend yield",
                "continuous dividend rate",
                "dividend yield per year (continuous)",
                "payout yield (continuous)",
            ),
            "sigma": (
                "volatility (annual)",
                "annual volatility",
                "annualised volatility",
                "implied volatility (annualised)",
                "vol per annum",
                "yearly volatility of the stock",
                "volatility per annum",
                "annual sigma",
                "implied vol (per year)",
                "annual vol",
                "yearly volatility of the share",
                "volatility of the stock per year",
            ),
            "T": (
                "time to expiry in years",
                "time to expiration (years)",
                "maturity in years",
                "time to maturity in years",
                "time until expiry in years",
                "option life in years",
                "term in years",
                "expiry in years",
                "remaining life in years",
                "time remaining in years",
                "option maturity in years",
                "time to expiration in years",
            ),
            "m": (
                "time to expiry (months)",
                "time to expiry in months",
                "time to expiration (months)",
                "maturity in months",
                "time until expiry in months",
                "option life in months",
                "term in months",
                "expiry in months",
                "remaining life in months",
                "time remaining in months",
                "option maturity in months",
                "time to expiration in months",
            ),
            "prem": (
                "option premium",
                "option price",
                "market price of the option",
                "premium per share",
                "last traded option price",
                "quoted premium",
                "price of the option",
                "option's market price",
                "premium paid",
                "current option premium",
                "option quote",
                "mid price of the option",
            ),
        },
        asks=(
            "What is the option's delta?",
            "What is the Black-Scholes delta of the option?",
            "Compute the delta.",
            "What is the delta per share?",
            "What hedge ratio does the option have?",
            "How many shares per option hedge it, by Black-Scholes?",
            "delta?",
            "What is the BSM delta?",
            "What is the delta of the option under Black-Scholes-Merton?",
            "Work out the option's delta from the Black-Scholes model.",
            "What is the sensitivity of the option's price to the stock price?",
            "How much does the option's value change for a one-unit move in the stock?",
            "whats the delta?",
            "Find the delta of the European option.",
            "What is the N(d)-based delta of the option?",
            "What delta should go into the hedge?",
            "What is the first derivative of the option price with respect to the spot?",
            "What is the option's delta, as a fraction of one share?",
            "Give the delta of the option per share of stock.",
            "What is the delta hedge ratio of the European option?",
            "Calculate the option's delta with Black-Scholes.",
        ),
        ood_labels={
            "kind": ("derivative contract", "contract under review"),
            "S": ("quote of the underlying", "level of the share"),
            "K": ("exercise level", "contract exercise level"),
            "r": ("riskless yield compounded continuously", "short rate (continuous)"),
            "q": ("payout yield accrued continuously", "income leakage rate"),
            "sigma": ("standard deviation of yearly log returns", "dispersion per annum"),
            "T": ("span before lapse in years", "life of the contract in years"),
            "m": ("span before lapse in months", "life of the contract in months"),
            "prem": ("consideration for the contract", "contract consideration"),
        },
        ood_asks=(
            "Which first-order exposure to the share does the contract carry?",
            "How many shares mirror the contract at the margin?",
            "Determine the contract's sensitivity to its underlying.",
        ),
    ),
)


# --- futures_beta_change ----------------------------------------------------------------------

# Index futures as exchanges list them: the full hedge's table (portfolio_ops).
_MONEY_STYLES = {"USD": (0, 1, 2, 3), "EUR": (4, 6), "GBP": (5, 7)}
_BETA_PARAMS: dict[str, Param] = {
    "V": money((1_000_000, 500_000_000), ((1e9, 3e10), (40_000, 600_000))),
    "b": plain((0.5, 1.6), ((1.7, 3.0), (0.05, 0.4)), decimals=2),
    "bt": plain((0.2, 1.6), ((1.7, 3.0), (0.05, 0.18)), decimals=2),
}
# The initial margin the exchange asks per contract, a figure every futures screen shows and
# the count never uses: about 5 to 8 % of one contract's notional.
_MARGIN_SHARE = (0.05, 0.08)
_BETA_ASIDES = {
    "IM": (
        "Initial margin is {IM} per contract.",
        "The broker asks {IM} of initial margin for each contract.",
        "Each contract ties up {IM} in initial margin.",
        "(Exchange initial margin: {IM} a contract.)",
        "Margin posted per contract comes to {IM}.",
    )
}


def _beta_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A contract (``k``, an index into the contract table) at a level on its tick, its
    multiplier ``M``, the portfolio's value ``V``, its beta ``b`` and the target ``bt`` (out of
    range each in a band of its own); the initial margin ``IM`` in SIDE_FIGURE_SHARE of draws."""
    nums: dict[str, Num] = {}
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    for key, spec in _BETA_PARAMS.items():
        band = rng.randrange(2)
        nums[key] = spec.draw(rng, ood, band, scaled=scaled, round_figures=round_figures)
    if not ood and rng.random() < 0.5:  # targets people set: 0.8, 1.1, a round tenth
        target = round(nums["bt"].value, 1)
        if _BETA_PARAMS["bt"].train[0] <= target:
            nums["bt"] = Num(target, 1, "plain")
    k = rng.randrange(len(INDEX_FUTURES))
    _, _, multiplier, _, train, ood_bands, tick, decimals = INDEX_FUTURES[k]
    low, high = ood_bands[rng.randrange(len(ood_bands))] if ood else train
    level = round(round(rng.uniform(low, high) / tick) * tick, decimals)
    nums["F"] = Num(level, decimals, "plain")
    nums["M"] = Num(float(multiplier), 0, "plain")
    nums["k"] = Num(float(k), 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        margin = level * multiplier * rng.uniform(*_MARGIN_SHARE)
        nums["IM"] = Num(significant(margin, rng.choice((2, 3)), whole=True), 0, "money")
    return nums


def _beta_raw(v: Mapping[str, float]) -> float:
    """Contracts to trade, negative to sell: the beta-weighted exposure to add over one
    contract's notional."""
    exposure_change = (v["bt"] - v["b"]) * v["V"]
    return exposure_change / (v["F"] * v["M"])


def _beta_change(v: Mapping[str, float]) -> float:
    # The size of the trade, sold or bought as the question asks, rounded half up.
    return float(math.floor(abs(_beta_raw(v)) + 0.5))


def _beta_valid(v: Mapping[str, float]) -> bool:
    # A move of a tenth of beta or more, at least two contracts, never a tie between two counts.
    raw = abs(_beta_raw(v))
    return (
        abs(v["bt"] - v["b"]) >= 0.1
        and 1.5 <= raw <= 60000
        and abs(raw - math.floor(raw) - 0.5) > 0.02
    )


_REDUCE = {
    "move": ("reduce", "lower", "cut", "bring down"),
    "side": ("sell",),
    "side_past": ("sold",),
    "position": ("short",),
    "goal": ("a lower beta (sell futures)", "beta reduction", "reducing the beta"),
}
_RAISE = {
    "move": ("raise", "increase", "lift", "push up"),
    "side": ("buy",),
    "side_past": ("bought",),
    "position": ("long",),
    "goal": ("a higher beta (buy futures)", "beta increase", "raising the beta"),
}


def _beta_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in the contract's currency (``{M}`` too: "$50"), ``{contract}`` and ``{index}``;
    the direction: ``{move}`` ("reduce", "raise"), ``{side}`` ("sell", "buy"), ``{Side}``,
    ``{position}`` ("short", "long") and ``goal`` (the aim as a composed question shows it)."""
    contract, index, _, currency, *_ = INDEX_FUTURES[round(nums["k"].value)]
    style = rng.choice(_MONEY_STYLES[currency])
    scale_style = rng.randrange(4)
    texts = {k: n.text(rng, money_style=style, scale_style=scale_style) for k, n in nums.items()}
    texts["M"] = Num(nums["M"].value, 0, "money").text(rng, money_style=style)
    texts["contract"], texts["index"] = contract, index
    words = _REDUCE if nums["bt"].value < nums["b"].value else _RAISE
    for key, forms in words.items():
        texts[key] = rng.choice(forms)
    texts["Side"] = sentence_case(texts["side"])
    return texts


def _beta_formula(f: Mapping[str, str]) -> str:
    # the larger beta first: current - target to sell (beta down), target - current to buy
    reducing = float(f["bt"]) < float(f["b"])
    change = f"({f['b']}-{f['bt']})" if reducing else f"({f['bt']}-{f['b']})"
    return f"round({change}*{f['V']}/({f['F']}*{f['M']}))"


FUTURES_BETA_CHANGE = Family(
    name="futures_beta_change",
    unit="count",
    reasoning="Futures to change beta = (target beta - current beta) * portfolio value / "
    "(futures level * multiplier), sold when beta falls and bought when it rises, rounded.",
    params={**_BETA_PARAMS},
    sample=_beta_sample,
    render=_beta_texts,
    aside=side_sentences(_BETA_ASIDES),
    valid=_beta_valid,
    formula=_beta_formula,
    solve=_beta_change,
    tolerance=0.0,
    # the count is rounded as asked, and a beta cut is a short futures position
    uses=frozenset({"rounding", "shorting", "leverage"}),
    convention="count of whole contracts, rounded to the nearest: the number to sell when the "
    "target beta is below the current one and to buy when it is above, always positive; the "
    "beta-weighted exposure to remove or add, (target - current) * portfolio value, over one "
    "contract's notional (futures level * multiplier); initial margin is not used",
    templates=(
        "I manage an equity portfolio worth {V} with a beta of {b}. I want to {move} its beta "
        "to {bt} using {contract} futures, currently at {F}, with a multiplier of {M} per index "
        "point. How many contracts should I {side}, to the nearest whole contract?",
        "Portfolio {V}, beta {b}, target beta {bt}. {contract} futures at {F}, {M} per point. "
        "Contracts to {side} (nearest whole number)?",
        "Exam question: A fund manager holds a stock portfolio worth {V} with a beta of {b} "
        "relative to the {index}. She wishes to {move} the beta to {bt} with {contract} futures "
        "priced at {F} (multiplier {M} per index point). How many contracts should she {side}? "
        "Round to the nearest whole contract.",
        "Hi Rafael, the committee wants to {move} the equity book's beta from {b} to {bt} for "
        "the quarter without trading the stocks. Book value {V}; {contract} futures last at "
        "{F}, {M} a point. How many do we {side}, rounded to the nearest contract? Thanks, "
        "Greta",
        "| portfolio value | current beta | target beta | futures price | multiplier |\n|---|"
        "---|---|---|---|\n| {V} | {b} | {bt} | {F} | {M} |\nWe want to {move} the beta: how "
        "many contracts to {side}, nearest whole contract?",
        "- Portfolio value: {V}\n- Current beta: {b}\n- Target beta: {bt}\n- {contract} "
        "futures price: {F}\n- Multiplier: {M} per index point\nHow many contracts should be "
        "{side_past} to {move} the beta? Round to the nearest contract.",
        "Please help, my stocks are {V} with beta {b}. I want to {move} the beta to {bt} with "
        "{contract} futures at {F}, one point is {M}. How many contracts I must {side}? Round "
        "to the nearest contract.",
        "ok so portfolio {V}, beta {b}, want beta {bt}. {contract} at {F}, {M}/pt. how many "
        "do i {side}? nearest whole contract",
        "How many {contract} contracts must be {side_past} to {move} the beta of a portfolio "
        "worth {V} from {b} to {bt}, if the futures trade at {F} with {M} per index point? "
        "Round to the nearest whole contract.",
        "Beta adjustment with index futures: value {V}, beta now {b}, beta wanted {bt}, "
        "futures {F}, multiplier {M} per point. Contracts to {side}, to the nearest contract?",
        "Question 6 (3 marks). An investor holds a portfolio valued at {V} with a beta of {b} "
        "against the {index}. To {move} the beta to {bt}, {contract} futures quoted at {F} "
        "(multiplier {M}) will be used. How many contracts should the investor {side}? Answer "
        "to the nearest whole contract.",
        "Our pension fund has {V} in equities at a beta of {b}. The new policy is a beta of "
        "{bt}, reached with {contract} futures at {F}, {M} per point. How many contracts do we "
        "{side}, rounded to the nearest one?",
        "Target beta {bt} from {b}: equity portfolio {V}, {contract} at {F}, {M} per index "
        "point. Number of contracts to {side}, nearest whole number?",
        "My aunt runs a small family office that also owns a vineyard; its {V} stock portfolio "
        "has a beta of {b} and she wants to {move} that to {bt} with {contract} futures at "
        "{F} ({M} per point). How many contracts does she {side}, to the nearest whole one?",
        "Tactical overlay: {move} beta to {bt} on {V} of equities currently at beta {b}. "
        "Instrument: {contract} at {F}, multiplier {M}. Contracts to {side}, nearest integer?",
        "Sorry for my English. Portfolio value {V}, beta {b}, I want beta {bt}. Futures on "
        "{index} is {F}, multiplier {M} each point. How many contracts to {side}? Round to "
        "nearest contract.",
        "beta q: {V} of stock at beta {b}, want {bt}, {contract} @ {F} x {M}/pt. contracts to "
        "{side}, round to nearest",
        "Calculate the number of {contract} futures to {side} so that a portfolio worth {V} "
        "moves from a beta of {b} to a beta of {bt}. Futures price {F}; multiplier {M} per "
        "index point. Round to the nearest contract.",
        "We'd like to {move} the market exposure of our {V} fund (beta {b}) to a beta of {bt} "
        "for a month instead of selling or buying stocks. {contract} futures: {F}, {M} per "
        "point. How many contracts should we go {position}, to the nearest whole contract?",
        "Dear Priyanka, to {move} the portfolio beta from {b} to {bt} on {V} of assets, how "
        "many {contract} futures (price {F}, point value {M}) do we {side}? Nearest whole "
        "contract, please. Best, Anton",
        "Risk wants the equity sleeve at a beta of {bt}; today it is {V} at beta {b}. Hedge "
        "instrument: {contract} futures at {F}, {M} per point. {Side} how many contracts, "
        "rounded to the nearest?",
    ),
    ood_templates=(
        "Overlay sizing: shift systematic sensitivity from {b} to {bt} on a book valued at {V} "
        "via {contract} contracts marked at {F}, each index point paying {M}. How many lots "
        "to {side}, to the closest integer?",
        "The trustees want market sensitivity at {bt} rather than {b} on {V} of shares. "
        "Transacting {contract} at {F} (point value {M}): how many lots to {side}, to the "
        "closest integer?",
        "Determine how many {contract} lots to {side}, to the closest integer, so that "
        "equities valued at {V} with sensitivity {b} end with sensitivity {bt}; futures level "
        "{F}, point value {M}.",
    ),
    parts=Parts(
        labels={
            "V": (
                "portfolio value",
                "value of the equity portfolio",
                "market value of the stocks",
                "portfolio size",
                "amount invested in stocks",
                "value of the holdings",
                "size of the stock portfolio",
                "total value of the equity fund",
                "equity portfolio value",
                "market value of the portfolio",
                "value of the stock holdings",
                "size of the equity book",
            ),
            "b": (
                "current beta",
                "portfolio beta today",
                "beta now",
                "current portfolio beta",
                "existing beta",
                "beta before the trade",
                "present beta of the portfolio",
                "starting beta",
                "current beta to the index",
                "beta of the portfolio today",
                "current market beta",
                "initial beta",
            ),
            "bt": (
                "target beta",
                "desired beta",
                "beta wanted",
                "target portfolio beta",
                "beta to reach",
                "new beta",
                "beta after the trade",
                "intended beta",
                "required beta",
                "target market beta",
                "goal for the beta",
                "committee's target beta",
            ),
            **INDEX_FUTURES_LABELS,
            "goal": (
                "objective",
                "aim of the trade",
                "goal of the overlay",
                "purpose of the futures trade",
                "mandate",
                "instruction from the committee",
                "trade objective",
                "intent",
                "portfolio action",
                "desired change",
                "overlay objective",
                "aim",
            ),
            "IM": (
                "initial margin per contract",
                "margin per contract",
                "exchange initial margin",
                "initial margin",
                "margin required per contract",
                "deposit per contract",
                "performance bond per contract",
                "broker margin per contract",
                "initial margin for each contract",
                "margin requirement per contract",
                "original margin per contract",
                "collateral per contract",
            ),
        },
        asks=(
            "How many futures contracts are needed, to the nearest whole contract?",
            "How many contracts should be traded to reach the target beta (nearest whole "
            "contract)?",
            "What is the number of contracts to trade, rounded to the nearest whole number?",
            "Compute the futures position needed to move the beta, in whole contracts.",
            "how many index futures do i need? nearest whole contract.",
            "Find the number of contracts, rounded to the nearest one, that takes the beta to "
            "the target.",
            "What futures trade, in whole contracts (nearest), adjusts the beta as wanted?",
            "Size the beta overlay: how many contracts, to the nearest whole contract?",
            "How many contracts does the beta change take, rounded to the nearest contract?",
            "What is the number of index futures to trade so the beta hits the target, to the "
            "nearest contract?",
            "How many stock index futures does the manager trade to get to the new beta? "
            "Nearest whole contract.",
            "Beta adjustment: contracts to trade, rounded to the nearest whole contract?",
            "Compute how many futures move the portfolio to the target beta (nearest contract).",
            "What is the size of the futures trade, in contracts rounded to the nearest one?",
            "How many contracts, to the nearest whole number, does it take to change the beta?",
            "What futures position (whole contracts, nearest) gets the beta to the target?",
            "Work out the number of contracts for the beta change, rounded to the nearest.",
            "contracts needed for the new beta? nearest whole number.",
            "How many futures are required to shift the beta to the target, to the nearest "
            "contract?",
            "What is the contract count for the overlay, rounded to the nearest whole contract?",
        ),
        ood_labels={
            "V": ("capital committed to shares", "book of shares"),
            "b": ("sensitivity at present", "prevailing sensitivity"),
            "bt": ("sensitivity sought", "sought sensitivity"),
            "F": ("contract mark", "mark of the contract"),
            "M": ("payout per index point", "point payout"),
            "goal": ("mandate of the trustees", "trustees' brief"),
            "IM": ("collateral lodged per lot", "lodged collateral per lot"),
        },
        ood_asks=(
            "How many lots, to the closest integer, shift the sensitivity?",
            "Tally the lots to transact, to the closest integer.",
            "What lot count realigns the sensitivity, to the closest integer?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    BOND_PRICE_SEMIANNUAL,
    PAR_SWAP_RATE,
    OPTION_DELTA,
    FUTURES_BETA_CHANGE,
)
