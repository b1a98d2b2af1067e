"""Option pricing families: the Black-Scholes price of a European call and of a European put,
and a European put priced from its call by put-call parity.

Options traders, risk managers and every derivatives student ask the first two ("spot 52,
strike 50, 30 % vol, 5 % rate, three months: what is the call worth?"); the third comes up
whenever a call is quoted and the matching put is wanted without a volatility ("the 100-strike
call trades at 7.20, what must the put cost?"). All three take the rate as continuously
compounded and the stock as paying no dividend, and every question says so: a rate given
without its compounding would leave a careful reader two answers. Time to expiry comes in
years, in months or in days (on a 365-day year); out of range, options run for years (LEAPS).

Solvers are written independently of the formula text: d1 and d2 and the cumulative normal from
``math.erf`` for Black-Scholes, the strike's present value on its own for parity.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    Family,
    Num,
    Parts,
    Values,
    pct,
    plain,
)
from quantreason.tasks.periods import in_years, years_formula

# Spot prices from a small cap to an index-level share; out of range, penny stocks and
# four-digit share prices, the strike moving with them (within 20 % of spot, as traded).
_SPOT = plain((20, 300), ((500, 2500), (1, 9.5)), decimals=2)
_STRIKE = plain((16, 360), ((400, 3000), (0.8, 11.4)))
_RATE = pct((0.5, 6), ((6.5, 12),), ood_decimals=2)
_VOL = pct((10, 60), ((65, 120), (2, 8)), decimals=0, ood_decimals=1)
# Time in years out of range only: LEAPS and long-dated OTC options. In range, a third of the
# questions give years, a third months (1-24) and a third days (7-365, on a 365-day year).
_YEARS = plain((0.1, 2), ((2.5, 6),), decimals=2)
_STRIKE_STEP = 5.0  # strikes of shares over $100 are listed $5 apart; below, $1 apart


def _option_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Spot, a strike near it (a listed strike: a whole number, $5 apart above 100), the rate,
    the volatility and the time to expiry in one of its units (``T`` years, ``m`` months or
    ``d`` days)."""
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    spot = _SPOT.draw(rng, ood, band, round_figures=round_figures)
    raw_strike = spot.value * rng.uniform(0.8, 1.2)
    if raw_strike >= 100:
        strike = Num(round(raw_strike / _STRIKE_STEP) * _STRIKE_STEP, 0, "plain")
    elif raw_strike >= 12:
        strike = Num(float(round(raw_strike)), 0, "plain")
    else:
        strike = Num(round(raw_strike, 1), 1, "plain")
    nums = {
        "S": spot,
        "K": strike,
        "r": _RATE.draw(rng, ood, band, round_figures=round_figures),
        "sigma": _VOL.draw(rng, ood, band, round_figures=round_figures),
    }
    return nums | _draw_time(rng, ood)


def _draw_time(rng: random.Random, ood: bool) -> dict[str, Num]:
    unit = "T" if ood else rng.choice("Tmd")
    if unit == "m":
        return {"m": Num(float(rng.randint(1, 24)), 0, "plain")}
    if unit == "d":
        return {"d": Num(float(rng.choice((rng.randint(7, 365), 30, 60, 90, 180))), 0, "plain")}
    years = _YEARS.draw(rng, ood)
    if not ood and rng.random() < 0.5:  # the round tenors people quote: 0.25, 0.5, 1...
        years = Num(rng.choice((0.25, 0.5, 0.75, 1.0, 1.5, 2.0)), 2, "plain")
        years = Num(years.value, 0 if years.value.is_integer() else 2, "plain")
    return {"T": years}


def _time_text(nums: Values) -> str:
    """The time to expiry with its unit: "0.5 years", "1 year", "6 months", "90 days"."""
    if "m" in nums:
        months = round(nums["m"].value)
        return "1 month" if months == 1 else f"{months} months"
    if "d" in nums:
        return f"{round(nums['d'].value)} days"
    years = nums["T"].shown
    return "1 year" if years == "1" else f"{years} years"


def _option_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Prices as bare numbers or in dollars (one style per question), rates and volatility in
    percent, and ``{tt}``: the time to expiry with its unit. Days always come with their year
    ("90 days (365-day year)"), since the formula divides by 365."""
    dollars = rng.random() < 0.5
    texts = {}
    for key, num in nums.items():
        if num.kind == "pct":
            texts[key] = num.text(rng)
        elif key in ("m", "d", "T"):
            texts[key] = num.shown
        else:
            texts[key] = f"${num.shown}" if dollars else num.shown
    texts["tt"] = _time_text(nums)
    if "d" in nums:
        texts["tt"] += rng.choice(_DAY_BASES)
    return texts


_DAY_BASES = (" (365-day year)", " (use a 365-day year)", " (calendar days, 365-day year)")


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _black_scholes(v: Mapping[str, float], call: bool) -> float:
    s, k, r, vol, t = v["S"], v["K"], v["r"] / 100, v["sigma"] / 100, in_years(v, "T")
    d1 = (math.log(s / k) + (r + vol**2 / 2) * t) / (vol * math.sqrt(t))
    d2 = d1 - vol * math.sqrt(t)
    discounted_strike = k * math.exp(-r * t)
    if call:
        return s * _normal_cdf(d1) - discounted_strike * _normal_cdf(d2)
    return discounted_strike * _normal_cdf(-d2) - s * _normal_cdf(-d1)


def _bs_formula(function: str) -> Callable[[Mapping[str, str]], str]:
    return lambda f: (
        f"{function}({f['S']},{f['K']},{f['r']}/100,{f['sigma']}/100,{years_formula(f, 'T')})"
    )


def _bs_valid(v: Mapping[str, float]) -> bool:
    # A price worth quoting: at least a cent, whichever side of the money.
    return _black_scholes(v, call=True) >= 0.01 and _black_scholes(v, call=False) >= 0.01


_PARAMS = {"S": _SPOT, "K": _STRIKE, "r": _RATE, "sigma": _VOL, "T": _YEARS}
_CONVENTION = (
    "price per share in currency; European option, no dividends, the risk-free rate continuously "
    "compounded, volatility a year, time in years (months / 12, days / 365)"
)


def _bs_templates(kind: str) -> tuple[str, ...]:
    """Training templates of a Black-Scholes question about a ``kind`` ("call" or "put")."""
    return tuple(
        template.replace("KIND", kind)
        for template in (
            "A stock trades at {S} and pays no dividends. What is the Black-Scholes price of a "
            "European KIND with strike {K} expiring in {tt}, if volatility is {sigma} a year and "
            "the continuously compounded risk-free rate is {r}?",
            "Price a European KIND with Black-Scholes: spot {S}, strike {K}, time to expiry "
            "{tt}, annual volatility {sigma}, risk-free rate {r} (continuously compounded), no "
            "dividends.",
            "S = {S}, K = {K}, T = {tt}, sigma = {sigma} p.a., r = {r} cont. comp., no "
            "dividends. Black-Scholes KIND value?",
            "Exam question: Use the Black-Scholes model to value a European KIND option on a "
            "non-dividend-paying stock. The stock price is {S}, the exercise price is {K}, the "
            "option expires in {tt}, the volatility is {sigma} per annum and the risk-free "
            "interest rate is {r} per annum with continuous compounding.",
            "Hi Sam, can you run Black-Scholes on the {K} KIND for me? Stock's at {S}, no "
            "dividend, {tt} left, implied vol {sigma} annualised, and use {r} as the "
            "continuously compounded risk-free rate. Thanks!",
            "bs european KIND px? spot {S} strike {K} vol {sigma}/yr rate {r} (continuous) "
            "expiry {tt}, no divs",
            "| spot | strike | expiry | vol (annual) | r (cont. comp.) |\n| {S} | {K} | {tt} | "
            "{sigma} | {r} |\nEuropean KIND, no dividends: Black-Scholes value?",
            "- Underlying price: {S}\n- Strike: {K}\n- Time to expiry: {tt}\n- Volatility "
            "(annual): {sigma}\n- Risk-free rate (continuously compounded): {r}\n- Dividends: "
            "none\nWhat does Black-Scholes give for the European KIND?",
            "Please I need the Black-Scholes value of one European KIND. Share price {S}, strike "
            "{K}, it expire in {tt}, volatility {sigma} by year, risk-free {r} continuous "
            "compounding, the share pay no dividend. How much is the KIND?",
            "My options class homework: a European KIND on a stock with no dividends has a "
            "strike of {K} and {tt} to expiration. The stock is at {S}, its annual volatility "
            "is {sigma}, and the risk-free rate is {r}, continuously compounded. What is the "
            "KIND worth under Black-Scholes?",
            "What is the Black-Scholes value of the European KIND struck at {K} with {tt} to "
            "run, given a share price of {S}, {sigma} annual volatility, a continuously compounded "
            "risk-free rate of {r} and no dividends?",
            "I'm thinking of buying a KIND on a tech stock at {S} a share (it pays no "
            "dividends). Strike {K}, expires in {tt}. The options screen shows an annual "
            "volatility of {sigma}, and T-bills give {r} continuously compounded. What should "
            "a fair European KIND cost by Black-Scholes?",
            "Black-Scholes, European KIND, no dividends. Stock {S}. Strike {K}. Vol {sigma} a "
            "year. Continuously compounded rate {r}. Time {tt}. Value?",
            "Value the KIND option (European, Black-Scholes, non-dividend stock): the strike is "
            "{K}, the stock {S}, the risk-free rate {r} with continuous compounding, annual "
            "volatility {sigma}, and expiry in {tt}.",
        )
    )


def _bs_ood_templates(kind: str) -> tuple[str, ...]:
    return tuple(
        template.replace("KIND", kind)
        for template in (
            "Under lognormal dynamics with constant {sigma} yearly vol and the short rate at {r}, "
            "continuously compounded, what premium is fair for a European KIND struck at {K} on "
            "a dividend-free share quoted {S}, maturing in {tt}?",
            "Fair value of a KIND (European exercise, underlying {S} with no payouts, strike "
            "{K}, {tt} tenor) when sigma is {sigma} annualised and the rate, compounded "
            "continuously, is {r}?",
            "A long-dated KIND on a non-dividend share: exercise {K}, share {S}, term {tt}. "
            "Take {sigma} for annual volatility and {r} as the continuous risk-free rate. What "
            "does the Black-Scholes-Merton formula say it is worth?",
        )
    )


# Labels shared by the three families: the spot, the rate (always saying it is continuously
# compounded) and the time to expiry in each of its units.
_SPOT_LABELS = (
    "stock price",
    "spot price",
    "current share price",
    "underlying price",
    "S",
    "share price today",
    "price of the stock",
    "spot",
    "share price",
    "current stock price",
    "price of the underlying share",
    "stock price now",
    "spot share price",
)
_RATE_LABELS = (
    "risk-free rate (continuously compounded)",
    "continuously compounded risk-free rate",
    "r (continuous compounding)",
    "risk-free interest rate (continuous compounding)",
    "cont. comp. risk-free rate",
    "riskless rate (continuously compounded)",
    "interest rate (continuously compounded)",
    "risk-free rate compounded continuously",
    "continuous risk-free rate",
    "r (continuously compounded)",
    "riskless interest rate compounded continuously",
    "risk-free rate (continuous basis)",
    "continuously compounded rate of interest",
)
_TIME_LABELS = {
    "T": (
        "time to expiry (years)",
        "years to expiration",
        "maturity in years",
        "T (years)",
        "time to maturity in years",
        "years until expiry",
        "option life in years",
        "term (years)",
        "expiry in years",
        "years left to expiry",
        "time remaining (years)",
        "years to maturity",
        "time to expiration in years",
    ),
    "m": (
        "months to expiry",
        "time to expiry (months)",
        "months to expiration",
        "maturity in months",
        "T (months)",
        "months until expiry",
        "option life in months",
        "term (months)",
        "expiry in months",
        "months left to expiry",
        "time remaining (months)",
        "months to maturity",
        "time to expiration in months",
    ),
    "d": (
        "days to expiry (365-day year)",
        "calendar days to expiration (365-day year)",
        "time to expiry in days (365 a year)",
        "days until expiry on a 365-day year",
        "T (days on a 365-day year)",
        "days to maturity (365-day basis)",
        "option life in days (365-day year)",
        "days left (365-day year)",
        "expiry in days (365-day year)",
        "days left to expiry (365-day year)",
        "time remaining in days (365-day basis)",
        "days to expiration (365-day basis)",
        "calendar days remaining (365-day year)",
    ),
}


def _bs_parts(kind: str) -> Parts:
    return Parts(
        labels={
            "S": _SPOT_LABELS,
            "K": (
                "strike",
                "strike price",
                "exercise price",
                "K",
                f"strike of the {kind}",
                "strike level",
                "option strike",
                "striking price",
                f"{kind} strike",
                "X (strike)",
                "strike price of the option",
                f"exercise price of the {kind}",
                "agreed strike",
            ),
            "r": _RATE_LABELS,
            "sigma": (
                "volatility (annual)",
                "annual volatility",
                "annualised volatility",
                "sigma (per year)",
                "implied volatility (annualised)",
                "vol per annum",
                "yearly volatility of the stock",
                "volatility p.a.",
                "annual sigma",
                "implied vol (per year)",
                "annual vol",
                "yearly volatility of the share",
                "IV (annualised)",
            ),
            **_TIME_LABELS,
        },
        asks=(
            f"What is the Black-Scholes price of the European {kind}? The stock pays no dividends.",
            f"What is the {kind} worth under Black-Scholes (European, no dividends)?",
            f"Value the European {kind} with Black-Scholes; there are no dividends.",
            f"Compute the Black-Scholes value of the {kind} (European exercise, no dividends).",
            f"Black-Scholes {kind} price? No dividends, European.",
            f"Using Black-Scholes, what should the European {kind} cost? The share pays no "
            "dividend.",
            f"Find the fair value of the European {kind} by Black-Scholes (non-dividend stock).",
            f"How much is the European {kind} worth by the Black-Scholes formula, with no "
            "dividends?",
            f"What is the theoretical value of the European {kind} under the BS model? No "
            "dividends.",
            f"Plug the numbers into Black-Scholes: what does the European {kind} cost (no "
            "dividends)?",
            f"What is the risk-neutral value of the European {kind} under Black-Scholes, with no "
            "dividends?",
            f"Give me the BS theoretical price of the {kind}; European, no dividends.",
            f"Work out the European {kind}'s value with the Black-Scholes closed form (no "
            "dividends).",
            f"How much should I pay for the European {kind} by Black-Scholes? No dividends.",
            f"Black-Scholes valuation of the European {kind} on a non-dividend stock: what number "
            "do you get?",
            f"Desk check: theo for the European {kind} on Black-Scholes, no divs?",
            f"Using the Black and Scholes option-pricing formula, what is the European {kind} "
            "worth on a stock that pays no dividends?",
            f"What should I charge for writing the European {kind}, by Black-Scholes with no "
            "dividends?",
            f"Value the European {kind} analytically (Black-Scholes, no dividends).",
            f"BS {kind} value? European exercise, the stock pays no dividend.",
        ),
        ood_labels={
            "S": ("quote of the underlying", "level of the share"),
            "K": ("exercise level", "contract strike"),
            "r": ("continuously compounded riskless yield", "short rate (continuous)"),
            "sigma": ("standard deviation of yearly log returns", "annualized vol"),
            "T": ("tenor in years", "life of the contract (years)"),
        },
        ood_asks=(
            f"Under Black-Scholes-Merton, what premium is fair for the European {kind} on this "
            "dividend-free share?",
            f"Fair model value of the {kind}, European style, underlying without payouts?",
        ),
    )


BLACK_SCHOLES_CALL = Family(
    name="black_scholes_call",
    unit="currency",
    reasoning="Black-Scholes call = S * N(d1) - K * e^(-r * T) * N(d2).",
    params=_PARAMS,
    sample=_option_sample,
    render=_option_texts,
    valid=_bs_valid,
    formula=_bs_formula("bs_call"),
    solve=lambda v: _black_scholes(v, call=True),
    convention=_CONVENTION,
    templates=_bs_templates("call"),
    ood_templates=_bs_ood_templates("call"),
    parts=_bs_parts("call"),
)

BLACK_SCHOLES_PUT = Family(
    name="black_scholes_put",
    unit="currency",
    reasoning="Black-Scholes put = K * e^(-r * T) * N(-d2) - S * N(-d1).",
    params=_PARAMS,
    sample=_option_sample,
    render=_option_texts,
    valid=_bs_valid,
    formula=_bs_formula("bs_put"),
    solve=lambda v: _black_scholes(v, call=False),
    convention=_CONVENTION,
    templates=_bs_templates("put"),
    ood_templates=_bs_ood_templates("put"),
    parts=_bs_parts("put"),
)

# --- put_call_parity -----------------------------------------------------------------------------


def _parity_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Spot, strike, rate and time as for Black-Scholes, and the call's market price: its
    Black-Scholes value at a volatility the question does not show, to the cent."""
    nums = _option_sample(rng, ood)
    volatility = nums.pop("sigma")
    values = {k: n.value for k, n in nums.items()} | {"sigma": volatility.value}
    call = round(_black_scholes(values, call=True), 2)
    return nums | {"C": Num(call, 2, "plain")}


def _put_from_parity(v: Mapping[str, float]) -> float:
    # Parity: C + PV(K) = P + S, the strike discounted continuously to today.
    present_strike = v["K"] / math.exp(v["r"] / 100 * in_years(v, "T"))
    return v["C"] + present_strike - v["S"]


def _parity_valid(v: Mapping[str, float]) -> bool:
    # A put worth quoting, and a call of at least a cent (its price is derived, see above).
    return _put_from_parity(v) >= 0.05 and v["C"] >= 0.01


PUT_CALL_PARITY = Family(
    name="put_call_parity",
    unit="currency",
    reasoning="Put-call parity: put = call - S + K * e^(-r * T).",
    # The call's price is drawn from the others (see _parity_sample), so it has no range.
    params={"S": _SPOT, "K": _STRIKE, "r": _RATE, "T": _YEARS},
    sample=_parity_sample,
    render=_option_texts,
    valid=_parity_valid,
    formula=lambda f: f"{f['C']}-{f['S']}+{f['K']}*exp(-{f['r']}/100*{years_formula(f, 'T')})",
    solve=_put_from_parity,
    convention="put price per share in currency; European options with the same strike and "
    "expiry, no dividends, the risk-free rate continuously compounded",
    templates=(
        "A European call with strike {K} and {tt} to expiry trades at {C}. The stock is at "
        "{S}, pays no dividends, and the continuously compounded risk-free rate is {r}. What "
        "should the European put with the same strike and expiry cost by put-call parity?",
        "Put-call parity for European options: call {C}, spot {S}, strike {K}, r = {r} "
        "(continuous compounding), time {tt}, no dividends. Put price?",
        "C = {C}, S = {S}, K = {K}, T = {tt}, r = {r} cont. comp., no dividends. European put = ?",
        "Exam question: A non-dividend-paying stock sells for {S}. A European call option on "
        "it with an exercise price of {K} and {tt} to maturity is priced at {C}. The "
        "risk-free rate is {r} per annum with continuous compounding. Use put-call parity to "
        "find the price of the corresponding European put.",
        "Hey, the {K} call ({tt} out, European) is {C} and the stock is {S} - no dividends. "
        "With {r} as the continuously compounded risk-free rate, where should the matching "
        "put trade by parity?",
        "parity check, european options: call {C}, stock {S}, strike {K}, {tt}, rate {r} "
        "continuous, no divs. fair put?",
        "| call | stock | strike | expiry | r (cont. comp.) |\n| {C} | {S} | {K} | {tt} | {r} "
        "|\nSame-strike European put by put-call parity (no dividends)?",
        "- European call price: {C}\n- Stock price: {S}\n- Strike (call and put): {K}\n- "
        "Time to expiry: {tt}\n- Risk-free rate, continuously compounded: {r}\n- Dividends: "
        "none\nPut price from put-call parity?",
        "Please help, the call option cost {C}, the share is {S} and pay no dividend, strike "
        "{K}, expiry in {tt}, risk-free {r} with continuous compounding. Both European. How "
        "much must be the put with same strike?",
        "My derivatives homework says a European call (strike {K}, {tt} left) costs {C} when "
        "the stock, which pays no dividends, is at {S}. With a continuously compounded "
        "risk-free rate of {r}, what does put-call parity give for the European put?",
        "What is the price of a European put with strike {K} and {tt} to expiry if the call "
        "with the same terms costs {C}, the underlying (no dividends) trades at {S} and the "
        "continuously compounded risk-free rate is {r}?",
        "I sold a European call for {C} on a stock at {S} (no dividends), strike {K}, "
        "expiring in {tt}. To price the put leg of the same strike, use put-call parity with "
        "a continuously compounded risk-free rate of {r}. What is the put worth?",
        "By put-call parity for European options, with no dividends: stock {S}, call {C}, "
        "strike {K}, continuously compounded rate {r}, expiry {tt}. What is the put?",
    ),
    ood_templates=(
        "Synthetic pricing: a same-strike European call ({K} exercise, {tt} tenor) is marked "
        "at {C} while the dividend-free underlying is at {S}; with {r} as the continuous "
        "riskless yield, what premium should its European counterpart put command?",
        "If no-arbitrage holds between the European call at {C} and the put on the same share, "
        "the share itself trading at {S} (no payouts), both options struck at {K} and lasting "
        "{tt}, and money compounds continuously at {r}, what is the put's value?",
        "Arbitrage-free value of the European put given: call premium {C}; underlying {S}, "
        "dividend-free; exercise level {K}; term {tt}; riskless rate {r} compounded "
        "continuously.",
    ),
    parts=Parts(
        labels={
            "C": (
                "European call price",
                "call premium",
                "price of the call",
                "C",
                "call option price (European)",
                "market price of the call",
                "call value",
                "premium of the European call",
                "call price",
                "cost of the call",
                "value of the call option",
                "C (European call)",
                "observed call price",
            ),
            "S": _SPOT_LABELS,
            "K": (
                "strike (call and put)",
                "common strike price",
                "exercise price of both options",
                "K",
                "strike of the call and the put",
                "shared strike",
                "option strike (both)",
                "strike price (same for the put)",
                "strike of both options",
                "exercise price (both legs)",
                "K (call and put)",
                "strike used by the call and the put",
                "joint strike price",
            ),
            "r": _RATE_LABELS,
            **_TIME_LABELS,
        },
        asks=(
            "What is the price of the European put with the same strike and expiry, by put-call "
            "parity? No dividends.",
            "By put-call parity, what should the same-strike European put cost? The stock pays "
            "no dividends.",
            "Use put-call parity to price the matching European put (no dividends).",
            "What is the put worth by put-call parity (European, same strike and expiry, no "
            "dividends)?",
            "Put price from put-call parity? European options, no dividends.",
            "Find the European put's price with put-call parity; the share pays no dividend.",
            "Compute the value of the same-terms European put from put-call parity, with no "
            "dividends.",
            "How much must the matching European put cost by put-call parity (non-dividend stock)?",
            "Using C + PV(K) = P + S, what is the European put worth? Same strike and expiry, no "
            "dividends.",
            "What put price keeps put-call parity intact for these same-strike European options "
            "(no dividends)?",
            "PCP put price? European, same strike and expiry, no dividends.",
            "Back out the European put from the call via parity (same strike and expiry, no "
            "dividends).",
            "How much is the matching European put, by call-put parity? No dividends.",
            "Student question: the call is priced, so what does the European put with identical "
            "strike and expiry cost under put-call parity? No dividends.",
            "Put value from the parity relation (European, same strike and expiry, no dividends)?",
            "Call minus stock plus discounted strike: what European put price does that give? No "
            "dividends, same strike and expiry.",
            "I only see the call on my screen. What should the same-strike European put cost by "
            "put-call parity? No dividends.",
            "What is the European put price given by parity with the call? Same strike and "
            "expiry; no dividends.",
            "Solve put-call parity for the European put (same strike and expiry, no dividends).",
        ),
        ood_labels={
            "C": ("quoted premium on the call (European style)", "mark of the call"),
            "S": ("quote of the underlying", "level of the share"),
            "K": ("exercise level of both contracts", "common exercise level"),
            "r": ("continuously compounded riskless yield", "short rate (continuous)"),
            "T": ("tenor in years", "life of the contracts (years)"),
        },
        ood_asks=(
            "What premium does no-arbitrage imply for the European put on this dividend-free "
            "share?",
            "Arbitrage-free value of the same-strike put, European style, underlying without "
            "payouts?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (BLACK_SCHOLES_CALL, BLACK_SCHOLES_PUT, PUT_CALL_PARITY)
