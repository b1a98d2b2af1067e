"""Foreign-exchange families: a cross rate from two rates against the dollar, an amount
converted at a quoted rate (with a card fee on top in some questions), and a forward rate by
covered interest parity.

Travellers, treasurers, importers and FX students ask these daily ("EUR/USD 1.0850 and USD/JPY
151.20: what is EUR/JPY?", "I paid 240 euros by card at 1.0820 with a 2.5 % foreign
transaction fee: what did it cost in dollars?", "spot 1.0850, 3-month USD rate 5.3 %, EUR rate
3.8 %: the 3-month forward?"). Quotes follow market convention: BASE/QUOTE is the number of
QUOTE units one BASE buys, and every question names its pairs and currencies. Forward questions
say how their rates compound: simple money-market rates on a 360-day year under a year,
annually compounded rates for whole years. Rates are quoted to four decimals (two for yen), so
answers are checked to 0.1 %, not 1 %.

Solvers are written independently of the formula text: a cross through one dollar, a
conversion through the base currency, parity as the ratio of the two currencies' growth.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from quantreason.tasks.base import Family, Num, Parts, Values, money, pct

FX_TOLERANCE = 0.001  # relative: rates and amounts to four or five significant figures

# Rates against the dollar, quoted as the market quotes them: (pair, training range, OOD bands,
# decimals). "EUR/USD" is dollars per euro, "USD/JPY" yen per dollar.
DOLLAR_RATES: dict[str, tuple[str, tuple[float, float], tuple[tuple[float, float], ...], int]] = {
    "EUR": ("EUR/USD", (1.00, 1.25), ((0.80, 0.97), (1.30, 1.60)), 4),
    "GBP": ("GBP/USD", (1.15, 1.45), ((0.95, 1.12), (1.50, 2.00)), 4),
    "AUD": ("AUD/USD", (0.60, 0.78), ((0.45, 0.58), (0.80, 1.05)), 4),
    "NZD": ("NZD/USD", (0.55, 0.72), ((0.40, 0.53), (0.75, 0.95)), 4),
    "JPY": ("USD/JPY", (130, 160), ((75, 125), (165, 250)), 2),
    "CHF": ("USD/CHF", (0.80, 0.95), ((0.60, 0.77), (1.00, 1.25)), 4),
    "CAD": ("USD/CAD", (1.30, 1.42), ((0.95, 1.25), (1.46, 1.70)), 4),
}
BASE_OF_USD = ("EUR", "GBP", "AUD", "NZD")  # quoted CCY/USD; the others USD/CCY
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def draw_dollar_rate(rng: random.Random, currency: str, ood: bool, band: int) -> Num:
    _, train, ood_bands, decimals = DOLLAR_RATES[currency]
    low, high = ood_bands[band % len(ood_bands)] if ood else train
    return Num(round(rng.uniform(low, high), decimals), decimals, "plain")


def _dollars_per(currency: str, rate: float) -> float:
    """Dollars one unit of ``currency`` buys, from its quote against the dollar."""
    return rate if currency in BASE_OF_USD else 1 / rate


# --- fx_cross -------------------------------------------------------------------------------------


def _cross_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Two currencies other than the dollar (``a`` the base of the cross, ``b`` its quote, as
    indexes into the rate table) and their quotes against the dollar ``q1`` and ``q2``."""
    band = rng.randrange(2)
    names = list(DOLLAR_RATES)
    first, second = rng.sample(range(len(names)), 2)
    return {
        "a": Num(float(first), 0, "plain"),
        "b": Num(float(second), 0, "plain"),
        "q1": draw_dollar_rate(rng, names[first], ood, band),
        "q2": draw_dollar_rate(rng, names[second], ood, band),
    }


def _currencies(v: Mapping[str, float]) -> tuple[str, str]:
    names = list(DOLLAR_RATES)
    return names[round(float(v["a"]))], names[round(float(v["b"]))]


def _cross(v: Mapping[str, float]) -> float:
    # Through one dollar: what one unit of the base buys in dollars, over the quote's.
    base, quote = _currencies(v)
    return _dollars_per(base, v["q1"]) / _dollars_per(quote, v["q2"])


def _cross_formula(f: Mapping[str, str]) -> str:
    # The pairs as the question names them and cross() chains them: the reply copies the pair
    # asked for and each quote with its pair, and the evaluator reads which leg to invert. The
    # chain written out ((1/q1)*q2 and its three siblings) left the direction to the model,
    # which read it at about chance: run BR 1 of 9 generated and 1 of 13 tuning-probe
    # questions (experiments.md, sessions 30 and 37); run BW, this form, +11/-0 (session 45).
    base, quote = _currencies(f)
    return (
        f'cross("{base}/{quote}", "{DOLLAR_RATES[base][0]}", {f["q1"]}, '
        f'"{DOLLAR_RATES[quote][0]}", {f["q2"]})'
    )


def _cross_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{p1}``, ``{p2}``: the two quoted pairs; ``{q1}``, ``{q2}``: their rates as a composed
    question shows them (with the pair: "EUR/USD 1.0850"); ``{r1}``, ``{r2}``: the bare rates;
    ``{cross}``: the pair asked for ("EUR/JPY"), also under ``want``."""
    base, quote = _currencies({k: n.value for k, n in nums.items()})
    p1, p2 = DOLLAR_RATES[base][0], DOLLAR_RATES[quote][0]
    texts = {"p1": p1, "p2": p2, "r1": nums["q1"].shown, "r2": nums["q2"].shown}
    joiner = rng.choice((" ", " = ", " at "))
    texts["q1"], texts["q2"] = f"{p1}{joiner}{texts['r1']}", f"{p2}{joiner}{texts['r2']}"
    texts["cross"] = texts["want"] = f"{base}/{quote}"
    return texts


FX_CROSS = Family(
    name="fx_cross",
    unit="ratio",
    reasoning="Cross rate A/B = (A/USD) * (USD/B), chained through the currency both quotes share.",
    params={},
    sample=_cross_sample,
    render=_cross_texts,
    formula=_cross_formula,
    solve=_cross,
    tolerance=FX_TOLERANCE,
    uses=frozenset({"currency"}),
    convention="a rate: units of the second currency per unit of the first (BASE/QUOTE), "
    "through the two quotes against the dollar",
    templates=(
        "{p1} is {r1} and {p2} is {r2}. What is the {cross} cross rate?",
        "{q1}, {q2}. {cross}?",
        "Given {p1} = {r1} and {p2} = {r2}, calculate the {cross} exchange rate.",
        "Exam question: The spot rates are {p1} {r1} and {p2} {r2}. Compute the implied "
        "{cross} cross rate.",
        "Hi Tom, can you work out {cross} for the invoice? Screens show {p1} at {r1} and {p2} "
        "at {r2}. Thanks",
        "{cross} cross? {p1} {r1}, {p2} {r2}",
        "| pair | rate |\n| {p1} | {r1} |\n| {p2} | {r2} |\nImplied {cross}?",
        "- {p1}: {r1}\n- {p2}: {r2}\nWhat is {cross}?",
        "Please I need the rate {cross}. I know {p1} is {r1} and {p2} is {r2}. How much is "
        "{cross}?",
        "I'm paying a supplier and my bank only shows dollar rates: {p1} {r1}, {p2} {r2}. What "
        "{cross} rate does that imply?",
        "What {cross} rate follows from {p1} at {r1} and {p2} at {r2}?",
    ),
    ood_templates=(
        "Triangulate through the greenback: with {p1} trading {r1} and {p2} trading {r2}, "
        "where should {cross} be?",
        "No direct market in {cross} today; the dollar legs print {q1} and {q2}. Synthetic "
        "{cross} level?",
        "Derive the {cross} quotation implied by two dollar crosses, {p1} {r1} and {p2} {r2}.",
    ),
    parts=Parts(
        labels={
            "q1": (
                "first quote",
                "spot rate 1",
                "quote one",
                "first dollar rate",
                "rate A",
                "one quote",
                "first spot quote",
                "dollar pair 1",
                "first USD pair",
                "first rate against the dollar",
                "first exchange rate",
                "first FX quote",
                "first screen rate",
            ),
            "q2": (
                "second quote",
                "spot rate 2",
                "quote two",
                "second dollar rate",
                "rate B",
                "other quote",
                "second spot quote",
                "dollar pair 2",
                "second USD pair",
                "second rate against the dollar",
                "second exchange rate",
                "second FX quote",
                "second screen rate",
            ),
            "want": (
                "cross rate wanted",
                "pair to find",
                "rate asked for",
                "cross needed",
                "target pair",
                "cross to compute",
                "pair of interest",
                "required cross",
                "requested pair",
                "cross pair",
                "non-dollar pair",
                "pair to price",
                "currency pair wanted",
            ),
        },
        asks=(
            "What is the cross rate?",
            "What cross rate do these quotes imply?",
            "Compute the cross rate.",
            "Work out the implied cross.",
            "Cross rate?",
            "What is the implied exchange rate for the pair wanted?",
            "Calculate the cross exchange rate.",
            "What does the cross come to?",
            "What is the cross-currency rate implied by the two dollar pairs?",
            "How many units of the target pair's quote currency does one unit of its base "
            "currency buy?",
            "Compute the non-dollar exchange rate for the requested pair.",
            "FX cross?",
            "Cross via USD?",
            "Back out the cross rate for the target pair from the dollar quotes.",
            "Using the dollar as the vehicle currency, work out the rate for the requested pair.",
            "What mid rate for the requested pair follows from its two dollar rates?",
            "Textbook cross-rate problem: find the exchange rate between the two non-dollar "
            "currencies, quoted as the target pair.",
            "Chain the two USD quotes and give the rate for the pair asked for.",
            "What is the value of one unit of the target pair's base currency in its quote "
            "currency?",
            "Cross rate for the requested pair, please.",
        ),
        ood_labels={
            "q1": ("greenback leg one", "initial dollar leg"),
            "q2": ("greenback leg two", "remaining dollar leg"),
            "want": ("synthetic pair sought", "pair lacking a direct market"),
        },
        ood_asks=(
            "Triangulate through the greenback: where should the sought pair be?",
            "Synthetic level of the sought pair?",
        ),
    ),
)

# --- fx_conversion --------------------------------------------------------------------------------

_AMOUNT = money((50, 250_000), ((1e6, 5e8), (1, 9)))
_FEE = pct((0.5, 3.5), ((4, 9),), decimals=1)
_MODES = ("multiply", "divide", "card fee")


def _conversion_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A currency quoted against the dollar (``c``), its quote ``q``, an amount ``A`` and a
    ``mode``: 0 converts the pair's base into its quote currency (multiply), 1 the quote into
    the base (divide), 2 a card payment abroad charged in the home currency with a fee ``f``
    on top (the payment in the pair's base, charged in its quote currency)."""
    band = rng.randrange(2)
    currency = rng.randrange(len(DOLLAR_RATES))
    mode = rng.choice((0, 0, 1, 1, 2))
    nums = {
        "c": Num(float(currency), 0, "plain"),
        "mode": Num(float(mode), 0, "plain"),
        "q": draw_dollar_rate(rng, list(DOLLAR_RATES)[currency], ood, band),
        "A": _AMOUNT.draw(rng, ood, band),
    }
    if mode == 2:
        nums["f"] = _FEE.draw(rng, ood, 0)
    return nums


def _pair(v: Mapping[str, float]) -> tuple[str, str]:
    """(base, quote) of the pair quoted."""
    currency = list(DOLLAR_RATES)[round(float(v["c"]))]
    return (currency, "USD") if currency in BASE_OF_USD else ("USD", currency)


def _convert(v: Mapping[str, float]) -> float:
    # Through the base currency: how many units of it the amount is, then into the target.
    mode = round(v["mode"])
    if mode == 1:
        return v["A"] / v["q"]  # quote currency -> base: one base costs q
    converted = v["A"] * v["q"]
    return converted + converted * v["f"] / 100 if mode == 2 else converted


def _conversion_formula(f: Mapping[str, str]) -> str:
    mode = f["mode"]
    if mode == "1":
        return f"{f['A']}/{f['q']}"
    if mode == "2":
        return f"{f['A']}*{f['q']}*(1+{f['f']}/100)"
    return f"{f['A']}*{f['q']}"


def _amount_text(rng: random.Random, num: Num, currency: str) -> str:
    digits = f"{num.value:,.{num.decimals}f}" if rng.random() < 0.5 else num.shown
    symbol = _SYMBOLS.get(currency)
    if symbol and rng.random() < 0.5:
        return f"{symbol}{digits}"
    return f"{digits} {currency}" if rng.random() < 0.5 else f"{currency} {digits}"


def _conversion_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{A}``: the amount in its currency, ``{pair}`` and ``{q}`` the quote ("EUR/USD",
    "1.0850"), ``{from}``/``{to}``: the currencies converted from and to, ``{f}``: the fee and
    ``{what}`` its sentence (empty without a fee), and ``{task}``: what a composed question
    converts ("EUR into USD")."""
    base, quote = _pair({k: n.value for k, n in nums.items()})
    source, target = (quote, base) if round(nums["mode"].value) == 1 else (base, quote)
    texts = {
        "A": _amount_text(rng, nums["A"], source),
        "pair": f"{base}/{quote}",
        "q": nums["q"].shown,
        "from": source,
        "to": target,
    }
    texts["quote"] = f"{texts['pair']} {texts['q']}"
    if "f" in nums:
        texts["f"] = nums["f"].text(rng)
        texts["task"] = f"{source} card payment charged in {target}, fee on top"
        texts["what"] = rng.choice(_FEE_NOTES).format(f=texts["f"], to=target)
    else:
        texts["task"] = rng.choice((f"{source} into {target}", f"{source} to {target}"))
        texts["what"] = ""
    texts["mode"] = texts["task"]
    return texts


# A written question matches its draw through ``{what}``: empty, or the card fee's sentence.
_FEE_NOTES = (
    " It was a card payment, and the card adds a foreign transaction fee of {f} on top: what is "
    "charged in {to}?",
    " My card charges a fee of {f} on top of the converted amount. Total charged in {to}?",
    " Include the bank's {f} fee, added on top of the conversion.",
)
FX_CONVERSION = Family(
    name="fx_conversion",
    unit="currency",
    reasoning="Conversion: amount * rate into the quote currency, amount / rate into the base, "
    "times (1 + fee) when a fee is added.",
    params={"A": _AMOUNT},
    sample=_conversion_sample,
    render=_conversion_texts,
    formula=_conversion_formula,
    solve=_convert,
    tolerance=FX_TOLERANCE,
    uses=frozenset({"currency", "costs"}),
    convention="currency: the amount in the target currency at the quoted rate (BASE/QUOTE = "
    "QUOTE units per BASE); a card fee, when given, is added on top",
    templates=(
        "Convert {A} into {to} at {pair} {q}.{what}",
        "{pair} is {q}. How much is {A} in {to}?{what}",
        "Exam question: The spot rate is {pair} {q}. What is {A} worth in {to}?{what}",
        "Hi Sam, the client pays {A}; {pair} is at {q} today. How much {to} is that?{what} Thanks",
        "{A} -> {to} @ {pair} {q}?{what}",
        "- Amount: {A}\n- Rate: {pair} {q}\n- Convert to: {to}\nHow much?{what}",
        "Please I need to change {A} into {to}. The rate {pair} is {q}. How much I get?{what}",
        "I paid {A} on a trip. At {pair} {q}, what is that in {to}?{what}",
        "At an exchange rate of {pair} = {q}, what does {A} come to in {to}?{what}",
        "| amount | pair | rate | into |\n| {A} | {pair} | {q} | {to} |\nConverted amount?{what}",
    ),
    ood_templates=(
        "Translate {A} into {to} at a {pair} quotation of {q}.{what}",
        "Treasury must settle {A}; with {pair} dealing at {q}, what {to} sum is involved?{what}",
        "Equivalent in {to} of {A}, {pair} fixing {q}?{what}",
    ),
    parts=Parts(
        labels={
            "A": (
                "amount",
                "sum to convert",
                "amount to change",
                "payment amount",
                "cash to exchange",
                "amount in hand",
                "value to convert",
                "money to convert",
                "source amount",
                "original amount",
                "transaction amount",
                "notional amount",
                "amount in the starting currency",
            ),
            "q": (
                "exchange rate",
                "spot rate",
                "FX rate",
                "quoted rate",
                "conversion rate",
                "rate used",
                "market rate",
                "rate quoted",
                "rate of exchange",
                "forex rate",
                "FX quote",
                "currency rate",
                "screen rate",
            ),
            "pair": (
                "currency pair",
                "pair quoted",
                "convention of the quote",
                "pair being quoted",
                "pair",
                "FX pair",
                "quoted pair",
                "currency pair quoted",
                "forex pair",
                "reference pair",
                "quoting convention",
                "currency pair of the rate",
                "pair convention",
            ),
            "f": (
                "card foreign transaction fee",
                "bank's fee on top",
                "conversion fee charged on top",
                "foreign transaction fee",
                "FX fee added",
                "card fee (added to the charge)",
                "fee on top of the converted amount",
                "foreign purchase fee",
                "foreign exchange fee",
                "cross-border card fee",
                "overseas transaction fee",
                "FX markup on top",
                "card issuer's surcharge",
            ),
            "mode": (
                "conversion",
                "conversion needed",
                "direction",
                "conversion asked",
                "exchange wanted",
                "conversion wanted",
                "currencies from and to",
                "currency change wanted",
                "currency direction",
                "exchange direction",
                "conversion route",
                "requested exchange",
                "conversion requested",
            ),
        },
        asks=(
            "How much is it in the target currency?",
            "What is the converted amount?",
            "Convert it: what amount results?",
            "What does it come to after conversion?",
            "Converted amount?",
            "How much is that after the exchange?",
            "Work out the amount after conversion.",
            "What is the amount in the other currency?",
            "What is the amount expressed in the target currency?",
            "Convert the amount at the quoted rate, adding any fee on top.",
            "FX conversion: how much in the other currency?",
            "Currency exchange problem: find the resulting sum in the target currency.",
            "How many units of the target currency does this come to?",
            "Give the value in the currency asked for, at the rate shown.",
            "What is the total in the destination currency, including any fee?",
            "Do I multiply or divide by the rate here? Give me the converted sum.",
            "What is the FX-converted value?",
            "Exchange it at the rate given: what comes out in the target currency?",
            "How much is that in the currency it is being converted into?",
            "Spreadsheet check: converted value in the target currency?",
        ),
        ood_labels={
            "A": ("sum to be translated", "figure needing translation"),
            "q": ("dealing rate", "rate fixing"),
            "mode": ("translation required", "translation wanted"),
        },
        ood_asks=(
            "Equivalent sum after translation?",
            "Which figure results once translated?",
        ),
    ),
)

# --- fx_forward -----------------------------------------------------------------------------------

_RATE = pct((0.1, 6), ((7, 15), (0.01, 0.09)), decimals=2, ood_decimals=2)
_MONTHS = (1, 2, 3, 6, 9, 12)


def _forward_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A pair (``c``: its non-dollar currency), spot ``S``, the quote currency's rate ``rq``
    and the base currency's ``rb``, and the term: ``m`` months or ``d`` days (simple rates,
    360-day year) or ``n`` whole years (annually compounded rates)."""
    band = rng.randrange(2)
    currency = rng.randrange(len(DOLLAR_RATES))
    nums = {
        "c": Num(float(currency), 0, "plain"),
        "S": draw_dollar_rate(rng, list(DOLLAR_RATES)[currency], ood, band),
        "rq": _RATE.draw(rng, ood, band),
        "rb": _RATE.draw(rng, ood, band),
    }
    term = rng.choice("mdn")
    if term == "m":
        nums["m"] = Num(float(rng.choice(_MONTHS)), 0, "plain")
    elif term == "d":
        nums["d"] = Num(float(rng.choice((30, 60, 90, 180, rng.randint(7, 360)))), 0, "plain")
    else:
        nums["n"] = Num(float(rng.randint(2, 5)), 0, "plain")
    return nums


def _forward(v: Mapping[str, float]) -> float:
    # Parity: a unit of base money grown at its rate must buy what the spot amount of quote
    # money grown at its own rate buys.
    if "n" in v:
        quote_growth, base_growth = (1 + v["rq"] / 100) ** v["n"], (1 + v["rb"] / 100) ** v["n"]
    else:
        years = v["m"] / 12 if "m" in v else v["d"] / 360
        quote_growth, base_growth = 1 + v["rq"] / 100 * years, 1 + v["rb"] / 100 * years
    return v["S"] * quote_growth / base_growth


def _forward_formula(f: Mapping[str, str]) -> str:
    s, rq, rb = f["S"], f["rq"], f["rb"]
    if "n" in f:
        return f"{s}*((1+{rq}/100)/(1+{rb}/100))**{f['n']}"
    t = f"{f['m']}/12" if "m" in f else f"{f['d']}/360"
    return f"{s}*(1+{rq}/100*{t})/(1+{rb}/100*{t})"


def _forward_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{pair}``, the spot ``{S}``, each rate with its currency (``{cq}``, ``{cb}``), the
    term (``{term}``: "3 months", "90 days", "3 years") and its rates' basis (``{basis}``:
    "simple money-market rates, 360-day year" or "annually compounded"); a composed question
    shows each rate with its currency (``rq_c``: "USD 5.30%", ``rb_c``)."""
    currency = list(DOLLAR_RATES)[round(nums["c"].value)]
    base, quote = (currency, "USD") if currency in BASE_OF_USD else ("USD", currency)
    texts = {"pair": f"{base}/{quote}", "S": nums["S"].shown, "cb": base, "cq": quote}
    texts["rq"], texts["rb"] = nums["rq"].text(rng), nums["rb"].text(rng)
    if "n" in nums:
        texts["n"] = nums["n"].shown
        texts["term"] = f"{texts['n']} years"
        texts["basis"] = rng.choice(("annually compounded", "compounded annually"))
    elif "m" in nums:
        texts["m"] = nums["m"].shown
        texts["term"] = "1 month" if texts["m"] == "1" else f"{texts['m']} months"
        texts["basis"] = rng.choice(("simple money-market rates", "simple interest"))
    else:
        texts["d"] = nums["d"].shown
        texts["term"] = f"{texts['d']} days"
        texts["basis"] = rng.choice(
            ("simple rates on a 360-day year", "simple money-market rates on a 360-day year")
        )
    texts["rq_c"], texts["rb_c"] = f"{quote} {texts['rq']}", f"{base} {texts['rb']}"
    texts["tenor"] = texts["term"]
    count, unit = texts["term"].split()
    texts["term_adj"] = f"{count}-{unit.rstrip('s')}"  # "3-month", "90-day", "2-year"
    return texts


FX_FORWARD = Family(
    name="fx_forward",
    unit="ratio",
    reasoning="FX forward = spot * (1 + quote-currency rate) / (1 + base-currency rate) over "
    "the term.",
    params={"rq": _RATE, "rb": _RATE},
    sample=_forward_sample,
    render=_forward_texts,
    formula=_forward_formula,
    solve=_forward,
    tolerance=FX_TOLERANCE,
    uses=frozenset({"currency"}),
    convention="a rate (BASE/QUOTE) by covered interest parity: simple rates on a 360-day year "
    "for months and days, annually compounded rates for whole years",
    templates=(
        "Spot {pair} is {S}. The {cq} interest rate is {rq} and the {cb} rate is {rb}, both "
        "{basis}. What is the {term_adj} forward rate?",
        "{pair} spot {S}; {cq} rate {rq}, {cb} rate {rb} ({basis}). {term_adj} forward?",
        "Using covered interest parity, find the {term_adj} forward {pair} rate: spot {S}, {cq} "
        "interest rate {rq}, {cb} interest rate {rb}, {basis}.",
        "Exam question: The spot exchange rate is {pair} {S}. Interest rates are {rq} in {cq} "
        "and {rb} in {cb} ({basis}). Calculate the {term_adj} forward exchange rate.",
        "Hi Lea, treasury wants a forward on {pair} for {term}. Spot is {S}, {cq} rates are {rq} "
        "and {cb} rates are {rb}, {basis}. What forward rate should we expect? Thanks",
        "fwd {pair}? spot {S}, {cq} {rq}, {cb} {rb}, {basis}, tenor {term}",
        "| pair | spot | {cq} rate | {cb} rate | term |\n| {pair} | {S} | {rq} | {rb} | "
        "{term} |\nForward rate by interest parity ({basis})?",
        "- Spot {pair}: {S}\n- {cq} interest rate: {rq}\n- {cb} interest rate: {rb}\n- Rates: "
        "{basis}\n- Term: {term}\nForward rate?",
        "Please, I need the forward rate {pair} for {term}. Spot is {S}, the {cq} rate is {rq} "
        "and the {cb} rate is {rb}, {basis}. How much is the forward?",
        "My company will receive {cb} in {term} and wants to hedge. {pair} spot is {S}; "
        "deposits pay {rq} in {cq} and {rb} in {cb} ({basis}). What forward rate does "
        "interest parity give?",
    ),
    ood_templates=(
        "No-arbitrage outright for {pair} {term} out: spot {S}, {cq} deposits at {rq}, {cb} "
        "deposits at {rb}, {basis}?",
        "Where should the {term_adj} outright in {pair} trade if the spot fixes at {S} and money "
        "earns {rq} in {cq} against {rb} in {cb}, {basis}?",
        "Hedge pricing: {pair} today {S}; funding {cq} at {rq}, {cb} at {rb} ({basis}); "
        "horizon {term}. Outright level?",
    ),
    parts=Parts(
        labels={
            "S": (
                "spot rate",
                "spot",
                "current exchange rate",
                "spot quote",
                "exchange rate today",
                "spot FX rate",
                "spot price of the pair",
                "today's rate",
                "spot exchange rate",
                "rate for spot delivery",
                "spot mid rate",
                "spot FX quote",
                "S (spot)",
            ),
            "rq_c": (
                "interest rate of the quote currency",
                "quote-currency interest rate",
                "rate on the second currency of the pair",
                "quote currency deposit rate",
                "interest rate (quote currency)",
                "r (quote currency)",
                "deposit rate in the quote currency",
                "quote-currency rate",
                "terms-currency interest rate",
                "counter-currency interest rate",
                "second currency's interest rate",
                "interest rate for the quote side",
                "lending rate in the quote currency",
            ),
            "rb_c": (
                "interest rate of the base currency",
                "base-currency interest rate",
                "rate on the first currency of the pair",
                "base currency deposit rate",
                "interest rate (base currency)",
                "r (base currency)",
                "deposit rate in the base currency",
                "base-currency rate",
                "first currency's interest rate",
                "interest rate for the base side",
                "base-leg interest rate",
                "lending rate in the base currency",
                "yield on the base currency",
            ),
            "pair": (
                "currency pair",
                "pair",
                "pair quoted",
                "FX pair",
                "quoted pair",
                "currency pair quoted",
                "pair being priced",
                "pair of the forward",
                "pair to hedge",
                "forward pair",
                "currency pair of the contract",
                "underlying pair",
                "pair on the ticket",
            ),
            "tenor": (
                "term",
                "forward term",
                "tenor",
                "time to delivery",
                "maturity of the forward",
                "forward period",
                "length of the forward",
                "delivery horizon",
                "time to settlement",
                "contract length",
                "forward maturity",
                "period until delivery",
                "term of the contract",
            ),
            "basis": (
                "rate basis",
                "compounding of the rates",
                "interest convention",
                "compounding",
                "rate convention",
                "day count and compounding",
                "interest basis",
                "rate type",
                "compounding convention",
                "rate quoting basis",
                "day-count basis",
                "rate compounding",
                "accrual basis",
            ),
        },
        asks=(
            "What is the forward rate by covered interest parity?",
            "What forward rate does interest parity give?",
            "Compute the forward exchange rate.",
            "Forward rate?",
            "Work out the forward rate for the term.",
            "What is the outright forward?",
            "At what rate should the forward trade?",
            "Calculate the forward rate with interest rate parity.",
            "What is the FX forward rate for the tenor?",
            "Compute the currency forward by covered interest parity.",
            "CIP forward?",
            "What rate can a forward contract lock in for this pair and term?",
            "At what exchange rate would a deliverable forward for this term be dealt?",
            "Hedging question: what forward exchange rate applies to this tenor under covered "
            "interest parity?",
            "What is the spot rate adjusted for the interest differential between the two "
            "currencies for the term?",
            "Textbook IRP problem: find the forward exchange rate.",
            "What is the all-in forward rate (spot plus forward points)?",
            "Fwd FX rate for the tenor?",
            "Give the theoretical forward exchange rate implied by the two deposit rates.",
            "What exchange rate should a corporate hedger expect on a forward for this tenor?",
        ),
        ood_labels={
            "S": ("spot fixing", "prevailing cash rate"),
            "tenor": ("hedge horizon", "horizon of the hedge"),
        },
        ood_asks=(
            "No-arbitrage outright level?",
            "Where should the outright trade?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (FX_CROSS, FX_CONVERSION, FX_FORWARD)
