"""Investor returns: a foreign stock's return in the investor's own currency, and the net result
of a short sale that paid a stock borrow fee.

``foreign_stock_return`` is the return, in the investor's home currency and in percent, on a
foreign stock bought and sold at local prices, with an optional dividend per share converted
at the sale's exchange rate, ``(P1+D)*S1/(P0*S0)-1`` where the rate is quoted as home
currency per unit of the foreign one (a US investor's EUR/USD, dollars per euro) and with each
rate divided by where it is quoted the other way round (a US investor's USD/JPY, yen per
dollar). The formula names the home currency and the rates' units and leaves that choice to
the evaluator: ``foreign_return("USD","JPY per USD",P0,P1,S0,S1,D)``.
Every rate in a question carries its units ("148.20 yen per US dollar"), and quotes follow the
market's conventions for the pair. The sibling
``currency_return`` gives the two moves as percents. Some questions say how many shares were
bought, which changes nothing.

``short_sale_net_pnl`` is the net profit of a short sale closed out: shares times (short sale
price - buy-back price), less a commission on each of the two trades, less the stock borrow
fee (a yearly rate on the initial short value, for the days held, on the act/360 or act/365
basis the question states), less any dividend per share paid to the lender:
``800*(52.4-47.15)-2*6.95-800*52.4*3.5/100*45/360-800*0.45``; negative for a loss. The sibling
``short_pnl`` has no borrow fee; here there always is one. Some questions mention the margin
requirement or the account's equity, which change nothing.

Variants are told apart by which keys a draw holds (``S0``/``S1`` or ``Q0``/``Q1``;
``D``; ``q``): formula builders never branch on a number's digits. Solvers are written
independently of the formula text: a notional
1,000 of home currency taken abroad and back, and the short's cash flows with the borrow fee
accrued day by day.
"""

from __future__ import annotations

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
    money,
    number_texts,
    pct,
    plain,
    side_sentences,
)

# --- foreign_stock_return ---------------------------------------------------------------------

CURRENCY_NAMES = {
    "USD": ("US dollar", "US dollars"),
    "EUR": ("euro", "euros"),
    "GBP": ("pound", "pounds"),
    "JPY": ("yen", "yen"),
    "CHF": ("Swiss franc", "Swiss francs"),
    "CAD": ("Canadian dollar", "Canadian dollars"),
    "AUD": ("Australian dollar", "Australian dollars"),
}
_INVESTORS = {
    "USD": ("a US investor", "an American investor"),
    "EUR": ("a German investor", "a French investor", "a eurozone investor"),
    "GBP": ("a UK investor", "a British investor"),
    "JPY": ("a Japanese investor",),
    "CHF": ("a Swiss investor",),
    "CAD": ("a Canadian investor",),
    "AUD": ("an Australian investor",),
}
_STOCKS = {
    "USD": ("a US stock", "a Nasdaq-listed stock", "shares of a US company"),
    "EUR": ("a German stock", "a French stock", "shares of a Dutch company"),
    "GBP": ("a UK stock", "a FTSE-listed stock", "shares of a British company"),
    "JPY": ("a Japanese stock", "a Tokyo-listed stock", "shares of a Japanese company"),
    "CHF": ("a Swiss stock", "shares of a Zurich-listed company"),
    "CAD": ("a Canadian stock", "a TSX-listed stock"),
}
# (home, foreign, pair as the market quotes it, its base currency, training range of the rate,
# decimals): the rate is units of the pair's second currency per unit of its first.
_FX_PAIRS = (
    ("USD", "EUR", "EUR/USD", (1.02, 1.22), 4),
    ("USD", "GBP", "GBP/USD", (1.18, 1.42), 4),
    ("USD", "JPY", "USD/JPY", (105.0, 158.0), 2),
    ("USD", "CHF", "USD/CHF", (0.84, 0.99), 4),
    ("USD", "CAD", "USD/CAD", (1.24, 1.4), 4),
    ("EUR", "USD", "EUR/USD", (1.02, 1.22), 4),
    ("GBP", "USD", "GBP/USD", (1.18, 1.42), 4),
    ("JPY", "USD", "USD/JPY", (105.0, 158.0), 2),
    ("EUR", "GBP", "EUR/GBP", (0.83, 0.91), 4),
    ("GBP", "EUR", "EUR/GBP", (0.83, 0.91), 4),
    ("CHF", "EUR", "EUR/CHF", (0.92, 1.1), 4),
    ("AUD", "USD", "AUD/USD", (0.62, 0.78), 4),
    ("CAD", "USD", "USD/CAD", (1.24, 1.4), 4),
)
# Local share prices: two decimals, or whole yen. Out of range, penny stocks and very heavy
# shares (a Lindt or a Berkshire): every price of a question in one band.
_LOCAL_PRICE = plain((2, 16000), ((0.05, 1.9), (17000, 95000)), decimals=2)
_FX_PARAMS: dict[str, Param] = {"P0": _LOCAL_PRICE, "P1": _LOCAL_PRICE}
DIVIDEND_SHARE = 0.5
_FX_SIDE = {"N": plain((10, 5000), (), log=True)}
_FX_ASIDES = {
    "N": (
        "I bought {N}.",
        "(The position was {N}.)",
        "The holding was {N}.",
        "We held {N} throughout.",
        "A parcel of {N} was involved.",
    )
}


def home_per_foreign(values: Mapping[str, float], when: int) -> float:
    """Units of home currency one unit of the foreign currency buys at purchase (0) or sale
    (1), whichever way the question quotes the rate."""
    if f"S{when}" in values:
        return values[f"S{when}"]
    return 1 / values[f"Q{when}"]


def _fx_pair(nums: Values) -> tuple[str, str, str, tuple[float, float], int]:
    return _FX_PAIRS[round(nums["h"].value)]


def _foreign_return(v: Mapping[str, float]) -> float:
    """1,000 of home currency changed into the foreign one, invested in the stock, and its sale
    proceeds and dividends changed back."""
    start = 1000.0
    foreign_cash = start / home_per_foreign(v, 0)
    shares = foreign_cash / v["P0"]
    foreign_back = shares * v["P1"] + shares * v.get("D", 0.0)
    end = foreign_back * home_per_foreign(v, 1)
    return (end - start) / start * 100


def _fx_formula(f: Mapping[str, str]) -> str:
    # The home currency and the rates' units as labels: foreign_return() reads from them
    # whether to multiply or divide by a rate. Written out, the two forms ((P1+D)*S1/(P0*S0)
    # against (P1+D)/Q1/(P0/Q0)) left that to the model, which got it wrong in 9 of 9
    # generated questions in run BR (experiments.md, session 37).
    home, _, pair, _, _ = _FX_PAIRS[round(float(f["h"]))]
    base, quote = pair.split("/")
    rates = (f["S0"], f["S1"]) if "S0" in f else (f["Q0"], f["Q1"])
    dividend = f",{f['D']}" if "D" in f else ""
    return (
        f'foreign_return("{home}","{quote} per {base}",{f["P0"]},{f["P1"]},'
        f"{rates[0]},{rates[1]}{dividend})"
    )


def _fx_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A pair (hidden ``h``); the purchase price in local currency (whole yen, cents elsewhere),
    a sale price from a move of -30 to +40 %; the two rates from a move of up to 12 % (15 to
    40 % out of range); a dividend in DIVIDEND_SHARE of draws; in SIDE_FIGURE_SHARE of draws
    the number of shares."""
    index = rng.randrange(len(_FX_PAIRS))
    _, foreign, pair, (low, high), rate_decimals = _FX_PAIRS[index]
    yen = foreign == "JPY"
    band = rng.randrange(2) if not yen else 1
    decimals = 0 if yen else 2  # three decimals would read as a thousands separator
    for _ in range(200):
        if ood:
            lo, hi = _LOCAL_PRICE.ood[band]
            base = math.exp(rng.uniform(math.log(lo), math.log(hi)))
        elif yen:
            base = math.exp(rng.uniform(math.log(300), math.log(15000)))
        else:
            base = math.exp(rng.uniform(math.log(5), math.log(400)))
        p0 = round(base, decimals)
        p1 = round(base * (1 + rng.uniform(-0.3, 0.4)), decimals)
        inside = [_LOCAL_PRICE.train[0] <= p <= _LOCAL_PRICE.train[1] for p in (p0, p1)]
        if p0 > 0 and p1 > 0 and p0 != p1 and (not any(inside) if ood else all(inside)):
            break
    nums = {
        "h": Num(float(index), 0, "plain"),
        "P0": Num(p0, decimals, "plain"),
        "P1": Num(p1, decimals, "plain"),
    }
    rate0 = rng.uniform(low, high)
    if ood:
        move = rng.uniform(0.15, 0.4) * rng.choice((-1, 1))
    else:
        move = rng.uniform(0.01, 0.12) * rng.choice((-1, 1))
    rate1 = rate0 * (1 + move)
    multiply = pair.startswith(foreign)  # the foreign currency is the base: home per foreign
    keys = ("S0", "S1") if multiply else ("Q0", "Q1")
    nums[keys[0]] = Num(round(rate0, rate_decimals), rate_decimals, "plain")
    nums[keys[1]] = Num(round(rate1, rate_decimals), rate_decimals, "plain")
    if rng.random() < DIVIDEND_SHARE:
        dividend = p0 * rng.uniform(0.005, 0.045)
        dec = 0 if yen else 2
        value = round(dividend, dec)
        if value > 0:
            nums["D"] = Num(value, dec, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        shares = round(_FX_SIDE["N"].draw(rng, False).value / 10) * 10
        nums["N"] = Num(float(max(shares, 10)), 0, "plain")
    return nums


def _fx_valid(v: Mapping[str, float]) -> bool:
    return abs(_foreign_return(v)) >= 1.0


_PRICE_FORMS = {
    "USD": ("USD {x}", "US${x}", "${x}"),
    "EUR": ("€{x}", "{x} EUR", "EUR {x}"),
    "GBP": ("£{x}", "{x} GBP", "GBP {x}"),
    "JPY": ("¥{x}", "{x} yen", "JPY {x}"),
    "CHF": ("CHF {x}", "{x} CHF", "{x} Swiss francs"),
    "CAD": ("C${x}", "CAD {x}", "{x} Canadian dollars"),
}


def _fx_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Prices in the stock's currency (one form per question); each rate with its units
    ("148.20 yen per US dollar", "1.0850 USD per EUR"); the pair's market code (``{pair}``),
    the investor (``{investor}``, ``{Investor}``), the stock (``{stock}``), the currencies'
    names (``{home}``, ``{homes}``, ``{foreign}``, ``{H}``, ``{F}``); the dividend as a
    sentence (``{div}``), a phrase after "with" (``{div_with}``) and a table cell
    (``{div_cell}``); under the hidden ``h``, the home currency for a composed question."""
    home, foreign, pair, _, _ = _fx_pair(nums)
    base, quote = pair.split("/")
    forms = _PRICE_FORMS[foreign]
    if home in ("CAD", "AUD"):  # "$" would read as the investor's own dollars
        forms = forms[:2]
    form = rng.choice(forms)
    grouped = rng.random() < 0.6

    def price(num: Num) -> str:
        digits = num.shown
        if grouped and abs(num.value) >= 1000:
            digits = f"{num.value:,.{num.decimals}f}"
        return form.format(x=digits)

    texts = {key: price(nums[key]) for key in ("P0", "P1", "D") if key in nums}
    if rng.random() < 0.5:
        unit = f"{CURRENCY_NAMES[quote][1]} per {CURRENCY_NAMES[base][0]}"
    else:
        unit = f"{quote} per {base}"
    for key in ("S0", "S1", "Q0", "Q1"):
        if key in nums:
            texts[key] = f"{nums[key].shown} {unit}"
    texts["S0_or_Q0"] = texts["S0"] if "S0" in nums else texts["Q0"]
    texts["S1_or_Q1"] = texts["S1"] if "S1" in nums else texts["Q1"]
    texts["pair"], texts["unit"] = pair, unit
    texts["H"], texts["F"] = home, foreign
    texts["home"], texts["homes"] = CURRENCY_NAMES[home]
    texts["foreign"], texts["foreigns"] = CURRENCY_NAMES[foreign]
    texts["investor"] = rng.choice(_INVESTORS[home])
    texts["Investor"] = texts["investor"][0].upper() + texts["investor"][1:]
    texts["stock"] = rng.choice(_STOCKS[foreign])
    texts["h"] = rng.choice((f"{CURRENCY_NAMES[home][1]} ({home})", home, CURRENCY_NAMES[home][1]))
    if "D" in nums:
        texts["div"] = rng.choice(
            (
                "A dividend of {D} per share was paid before the sale and changed into "
                "{homes} at the rate on the sale date.",
                "The stock paid {D} a share in dividends, converted at the sale's exchange rate.",
                "One dividend of {D} per share was received; convert it at the closing rate.",
            )
        ).format(**texts)
        texts["div_with"] = rng.choice(
            (
                "plus a dividend of {D} per share converted at the sale rate",
                "with {D} a share of dividends (converted when the stock was sold)",
            )
        ).format(**texts)
        texts["div_cell"] = texts["D"]
    else:
        texts["div"] = rng.choice(
            ("No dividend was paid.", "There were no dividends.", "The stock paid no dividend.")
        )
        texts["div_with"] = rng.choice(("and no dividends", "with no dividend received"))
        texts["div_cell"] = rng.choice(("none", "nil", "0"))
    if "N" in nums:
        count = f"{nums['N'].value:,.0f}" if rng.random() < 0.5 else nums["N"].shown
        texts["N"] = f"{count} shares"
    return texts


_FX_S0_LABELS = (
    "exchange rate at purchase",
    "FX rate on the purchase date",
    "spot rate at purchase time",
    "currency rate at entry",
    "exchange rate on the buy date",
    "opening FX rate",
    "conversion rate at purchase",
    "spot FX at inception",
    "FX rate at the time of buying",
    "initial exchange rate",
    "starting spot rate",
    "rate of exchange on the purchase day",
)
_FX_S1_LABELS = (
    "exchange rate at sale",
    "FX rate on the sale date",
    "spot rate at sale time",
    "currency rate at exit",
    "exchange rate on the sell date",
    "closing FX rate",
    "conversion rate at sale",
    "spot FX at the end",
    "FX rate at the time of selling",
    "final exchange rate",
    "ending spot rate",
    "rate of exchange on the sale day",
)

FOREIGN_STOCK_RETURN = Family(
    name="foreign_stock_return",
    unit="percent",
    reasoning="Home-currency return = (sale price + dividend) * exchange rate at sale / "
    "(purchase price * exchange rate at purchase) - 1, rates as home currency per foreign unit.",
    params=_FX_PARAMS,
    sample=_fx_sample,
    render=_fx_texts,
    valid=_fx_valid,
    formula=_fx_formula,
    solve=_foreign_return,
    aside=side_sentences(_FX_ASIDES),
    uses=frozenset({"currency"}),
    convention="percent in the investor's home currency, unhedged: sale proceeds plus any "
    "dividend per share (converted at the sale's rate) over the purchase cost, each changed at "
    "its own date's rate; a rate quoted as foreign currency per home unit is divided by, one "
    "quoted as home currency per foreign unit multiplied by",
    templates=(
        "{Investor} bought {stock} at {P0} when the exchange rate was {S0_or_Q0} and sold at "
        "{P1} when it was {S1_or_Q1}. {div} What was the return in {homes}?",
        "Exam question: {investor} purchases {stock} for {P0} per share. The {pair} rate is "
        "{S0_or_Q0} at purchase and {S1_or_Q1} at sale, when the shares are sold for {P1}. "
        "{div} Calculate the investor's total return in {homes}, in percent.",
        "Hi Chris, quick one on the client's foreign holding: bought at {P0}, sold at {P1}, "
        "{div_with}. FX was {S0_or_Q0} going in and {S1_or_Q1} coming out. What's her return in "
        "{H} terms? Cheers, Ana",
        "im paid in {homes}. bought {stock} @ {P0}, sold @ {P1}. "
        "fx {S0_or_Q0} then, {S1_or_Q1} now. {div} whats my return in {homes}",
        "Round trip in {stock}:\n| | Buy | Sell |\n|---|---|---|\n| Share price | {P0} | {P1} "
        "|\n| {pair} | {S0_or_Q0} | {S1_or_Q1} |\n\nDividend per share (converted at the sale "
        "rate): {div_cell}. Return for {investor}, in {homes}?",
        "My foreign trade:\n- Purchase price: {P0}\n- Sale price: {P1}\n- Dividend per share: "
        "{div_cell}\n- FX at purchase: {S0_or_Q0}\n- FX at sale: {S1_or_Q1}\nHome currency: "
        "{homes}. What is the total return in {homes}?",
        "Please help, I keep my money in {homes} and I buy {stock} at {P0}. Later I sell at {P1}. "
        "The exchange was {S0_or_Q0} when I buy and {S1_or_Q1} when I sell. {div} How much "
        "percent I earn in {homes}?",
        "Desk note: {stock}, in {P0}, out {P1}; {pair} {S0_or_Q0} -> {S1_or_Q1}; {div_cell} "
        "divs. Unhedged {H} return?",
        "What is the {homes} return on {stock} bought at {P0} and sold at {P1}, {div_with}, "
        "if the exchange rate moved from {S0_or_Q0} to {S1_or_Q1}?",
        "My sister moved to Osaka last spring and got me interested in foreign shares. I'm "
        "{investor} and I bought {stock} at {P0}, then sold at {P1}. FX was {S0_or_Q0} at the "
        "time of purchase and {S1_or_Q1} at the time of sale. {div} What return did I make in "
        "{homes}?",
        "How much did {investor} really make, in {homes}, on {stock} that moved from {P0} to "
        "{P1} while the exchange rate was {S0_or_Q0} and then {S1_or_Q1}? {div}",
        "Question 3 (3 marks). {Investor} holds {stock} unhedged. Purchase price {P0}; sale "
        "price {P1}; exchange rate {S0_or_Q0} at purchase and {S1_or_Q1} at sale. {div} "
        "Compute the holding-period return in {homes}.",
        "Total return in home currency, unhedged: buy {P0}, sell {P1}, {div_with}; rate "
        "{S0_or_Q0} then {S1_or_Q1}. Home currency is the {home}.",
        "We keep our books in {homes}. The fund bought {stock} at {P0} with {pair} at "
        "{S0_or_Q0} and exited at {P1} with {pair} at {S1_or_Q1}. {div} Return in {homes}?",
        "Sorry for my English. I buy foreign share for {P0}, sell for {P1}. Exchange rate "
        "before {S0_or_Q0}, after {S1_or_Q1}. {div} My money is {homes}. What is my return?",
        "foreign stock return pls: {P0} -> {P1}, fx {S0_or_Q0} -> {S1_or_Q1}, {div_with}. i "
        "count in {homes}",
        "Hello, {investor} here. The shares I bought at {P0} are now sold at {P1}. When I "
        "bought, the rate was {S0_or_Q0}; when I sold, {S1_or_Q1}. {div} What is my "
        "percentage gain or loss in {homes}?",
        "Combine the stock's local move and the currency move: bought at {P0}, sold at {P1}, "
        "FX {S0_or_Q0} at purchase and {S1_or_Q1} at sale. {div} Return for {investor} in "
        "{homes}?",
        "Analyst check: {stock} held by {investor}. Entry {P0} at FX {S0_or_Q0}; exit {P1} at "
        "FX {S1_or_Q1}. {div} Unhedged return in {H}, in %?",
        "If {investor} buys {stock} at {P0} with the rate at {S0_or_Q0}, and sells at {P1} with "
        "the rate at {S1_or_Q1}, what is the return measured in {homes}? {div}",
        "Compute the {H}-denominated return: purchase {P0} (FX {S0_or_Q0}), sale {P1} (FX "
        "{S1_or_Q1}). {div}",
    ),
    ood_templates=(
        "Measured in {homes}, what did a round trip in {stock} yield? Acquired at {P0} while "
        "{pair} stood at {S0_or_Q0}; disposed of at {P1} once {pair} read {S1_or_Q1}. {div}",
        "Cross-border round trip for {investor}: entry {P0} (conversion {S0_or_Q0}), exit {P1} "
        "(conversion {S1_or_Q1}). {div} Tally the percentage outcome in {homes}.",
        "Overseas equity, no hedge. Cost abroad {P0}, proceeds abroad {P1}; conversion went "
        "from {S0_or_Q0} to {S1_or_Q1}. {div} Percentage outcome in {homes}?",
    ),
    parts=Parts(
        labels={
            "h": (
                "home currency",
                "investor's home currency",
                "reporting currency",
                "base currency of the investor",
                "investor's reporting currency",
                "investor's currency",
                "domestic currency",
                "currency of the account",
                "base currency",
                "measurement currency",
                "target currency for the return",
                "accounting currency",
            ),
            "P0": (
                "purchase price",
                "buy price",
                "local purchase price",
                "entry price",
                "price paid per share",
                "share price at purchase",
                "cost per share in local currency",
                "purchase price per share",
                "acquisition price",
                "price at entry",
                "local-currency buy price",
                "initial share price",
            ),
            "P1": (
                "sale price",
                "sell price",
                "local sale price",
                "exit price",
                "price received per share",
                "share price at sale",
                "proceeds per share in local currency",
                "sale price per share",
                "disposal price",
                "price at exit",
                "local-currency sell price",
                "final share price",
            ),
            "D": (
                "dividend per share",
                "dividend received per share",
                "local dividend per share",
                "dividend paid during the holding",
                "per-share dividend",
                "cash dividend per share",
                "dividend converted at the sale rate",
                "dividend income per share",
                "distribution per share",
                "dividend collected per share",
                "DPS received",
                "dividend per share in local currency",
            ),
            "S0": _FX_S0_LABELS,
            "Q0": _FX_S0_LABELS,
            "S1": _FX_S1_LABELS,
            "Q1": _FX_S1_LABELS,
            "N": (
                "number of shares",
                "purchase size in shares",
                "share count",
                "position size in shares",
                "quantity of shares",
                "number of shares held",
                "holding in shares",
                "quantity purchased",
                "position in shares",
                "size of the holding",
                "share quantity",
                "number of shares traded",
            ),
        },
        asks=(
            "What is the return in the home currency?",
            "What is the investor's total return in home-currency terms, in percent?",
            "Compute the unhedged return in the home currency.",
            "What did the investor make in percent, measured in the home currency?",
            "What is the holding-period return in the investor's own currency?",
            "How much did the investment return after converting back home?",
            "whats the return in my currency?",
            "What is the total return including the currency effect?",
            "Work out the return in the reporting currency, with the dividend if there is one.",
            "What percentage gain or loss did the investor make in the home currency?",
            "Find the home-currency return on the foreign stock.",
            "What is the return on the foreign shares in domestic-currency terms?",
            "How did the trade do once converted back into the home currency, in percent?",
            "Compute the stock's return as seen by the investor at home, FX included.",
            "What is the unhedged total return, in percent?",
            "What return does the investor book in the base currency?",
            "How much did the foreign stock return in home currency, price and FX together?",
            "return in home ccy?",
            "What is the currency-adjusted return on the holding?",
            "Compute the percentage return after currency conversion at both ends.",
            "What is the investor's percentage profit in the account currency?",
        ),
        ood_labels={
            "h": ("numeraire of the investor", "currency for tallying"),
            "P0": ("cost abroad per share", "acquisition quote abroad"),
            "P1": ("proceeds abroad per share", "disposal quote abroad"),
            "D": ("payout abroad per share", "distribution abroad per unit"),
            "S0": ("conversion at acquisition", "opening conversion quote"),
            "Q0": ("conversion at acquisition", "opening conversion quote"),
            "S1": ("conversion at disposal", "closing conversion quote"),
            "Q1": ("conversion at disposal", "closing conversion quote"),
            "N": ("parcel of equities", "parcel size in units"),
        },
        ood_asks=(
            "Tally the percentage outcome once everything is brought back home.",
            "Measured in the numeraire, what did the round trip yield?",
            "Express the cross-border outcome as a percentage.",
        ),
    ),
)


# --- short_sale_net_pnl -----------------------------------------------------------------------

_SS_PARAMS: dict[str, Param] = {
    "N": plain((50, 8000), ((10000, 400000),), log=True),
    "S": plain((5, 400), ((800, 5000),), decimals=2),
    "B": plain((2, 650), ((700, 8000),), decimals=2),
    "c": money((0.5, 25), ((30, 300),), decimals=2),
    "f": pct((0.25, 12), ((15, 90), (0.05, 0.2)), decimals=2),
    "d": plain((3, 250), ((300, 720),)),
    "y": plain((0, 0), ((0, 0),), choices=(360, 365)),
    "q": plain((0.05, 4), ((5, 25),), decimals=2),
}
_QUOTED_COMMISSIONS = (0.99, 1, 2.5, 4.95, 5, 6.95, 7.99, 9.95, 9.99, 10, 14.95, 19.99)
SS_DIVIDEND_SHARE = 0.4
_SS_SIDE = {"m": pct((30, 60), (), decimals=0), "acct": money((10_000, 2_000_000), ())}
_SS_ASIDES = {
    "m": (
        "The broker's margin requirement on shorts is {m}.",
        "(Initial margin was {m}.)",
        "My account needs {m} margin on short positions.",
        "Margin requirement: {m}.",
        "Collateral demanded came to {m} of the position's value.",
    ),
    "acct": (
        "My account equity is {acct}.",
        "(The account holds {acct}.)",
        "I have {acct} in the margin account.",
        "Account value: {acct}.",
        "Equity on deposit stood at {acct}.",
    ),
}


def _ss_costs(v: Mapping[str, float]) -> tuple[float, float, float]:
    """Commissions, the borrow fee accrued day by day, and dividends paid to the lender."""
    daily_fee = v["N"] * v["S"] * v["f"] / 100 / v["y"]
    fee = 0.0
    for _ in range(round(v["d"])):
        fee += daily_fee
    commissions = v["c"] + v["c"]  # the short sale and the buy-to-cover
    dividends = v["N"] * v.get("q", 0.0)
    return commissions, fee, dividends


def _ss_pnl(v: Mapping[str, float]) -> float:
    """Cash in from the short sale, out to buy the shares back, and out for the costs."""
    proceeds = v["N"] * v["S"]
    buy_back = v["N"] * v["B"]
    commissions, fee, dividends = _ss_costs(v)
    return proceeds - buy_back - commissions - fee - dividends


def _ss_formula(f: Mapping[str, str]) -> str:
    n, s = f["N"], f["S"]
    text = f"{n}*({s}-{f['B']})-2*{f['c']}-{n}*{s}*{f['f']}/100*{f['d']}/{f['y']}"
    if "q" in f:
        text += f"-{n}*{f['q']}"
    return text


def _ss_valid(v: Mapping[str, float]) -> bool:
    pnl = _ss_pnl(v)
    _, fee, dividends = _ss_costs(v)
    if abs(pnl) < 1 or not 0.5 < v["B"] / v["S"] < 1.6 or v["B"] == v["S"]:
        return False
    # the borrow fee (and a dividend) must matter: leaving one out misses the 1 % tolerance
    if fee < 0.02 * abs(pnl):
        return False
    return "q" not in v or dividends >= 0.02 * abs(pnl)


def _ss_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Shares, sale price, borrow rate, days and the day count as drawn; a commission per trade
    (brokers' quotes in range); a dividend in SS_DIVIDEND_SHARE of draws; the buy-back price
    near the sale price so that the costs are 5 to 60 % of the gross result (a gain or a loss),
    inside the buy-back's own range; in SIDE_FIGURE_SHARE of draws the margin requirement or
    the account's equity."""
    band = rng.randrange(2)
    for _ in range(200):
        nums: dict[str, Num] = {}
        for key in ("N", "S", "f", "d", "y", "c"):
            nums[key] = _SS_PARAMS[key].draw(rng, ood, band)
        if not ood:
            if rng.random() < 0.4:
                step = 10 if nums["N"].value < 100 else 100
                lots = float(max(step, round(nums["N"].value / step) * step))
                nums["N"] = Num(lots, 0, "plain")
            if rng.random() < 0.6:
                quoted = float(rng.choice(_QUOTED_COMMISSIONS))
                nums["c"] = Num(quoted, 0 if quoted.is_integer() else 2, "money")
        shares, sale = nums["N"].value, nums["S"].value
        if rng.random() < SS_DIVIDEND_SHARE:
            low, high = _SS_PARAMS["q"].ood[0] if ood else (0.05, min(4.0, 0.03 * sale))
            if high > low:
                nums["q"] = Num(round(rng.uniform(low, high), 2), 2, "plain")
        costs = sum(_ss_costs({k: n.value for k, n in nums.items()}))
        share = math.exp(rng.uniform(math.log(0.05), math.log(0.6)))
        move = costs / share / shares
        buy = round(sale + move * rng.choice((-1, 1, -1)), 2)
        low, high = _SS_PARAMS["B"].ood[0] if ood else _SS_PARAMS["B"].train
        if low <= buy <= high:
            nums["B"] = Num(buy, 2, "plain")
            break
    if rng.random() < SIDE_FIGURE_SHARE:
        side = rng.choice(tuple(_SS_SIDE))
        nums[side] = _SS_SIDE[side].draw(rng, False)
    return nums


_DAY_COUNT_TEXTS = {
    360: ("act/360", "on an actual/360 basis", "using a 360-day year", "on a 360-day year"),
    365: ("act/365", "on an actual/365 basis", "using a 365-day year", "on a 365-day year"),
}


def _ss_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual (the commission and side amounts in one currency); ``{basis}``: the
    day count in words, and under the hidden ``y`` the value a composed question shows; the
    dividend as a sentence (``{div}``), a phrase (``{div_with}``) and a cell (``{div_cell}``);
    a ticker (``{tk}``)."""
    texts = number_texts(rng, nums)
    basis = round(nums["y"].value)
    texts["basis"] = rng.choice(_DAY_COUNT_TEXTS[basis])
    texts["y"] = rng.choice((f"act/{basis}", f"actual/{basis}", f"{basis}-day year"))
    if "q" in nums:
        texts["div"] = rng.choice(
            (
                "The stock went ex-dividend during the short, so {q} per share was owed to the "
                "lender.",
                "A dividend of {q} per share was paid during the short, which the short seller "
                "owes the lender.",
                "The company paid a dividend of {q} per share while the position was open "
                "(paid to the lender).",
            )
        ).format(**texts)
        texts["div_with"] = rng.choice(
            (
                "plus {q} a share of dividends paid to the lender",
                "and a dividend of {q} per share owed to the lender",
            )
        ).format(**texts)
        texts["div_cell"] = texts["q"]
    else:
        texts["div"] = rng.choice(
            (
                "No dividend was paid while the position was open.",
                "There was no dividend in the period.",
            )
        )
        texts["div_with"] = rng.choice(("and no dividend", "with no dividend in between"))
        texts["div_cell"] = rng.choice(("none", "nil", "0"))
    texts["tk"] = rng.choice(("ABC", "XYZ", "KLM", "QRS", "TUV", "DEF"))
    return texts


SHORT_SALE_NET_PNL = Family(
    name="short_sale_net_pnl",
    unit="currency",
    reasoning="Net short P&L = shares * (short sale price - buy-back price) - 2 * commission per "
    "trade - shares * sale price * borrow rate * days / day-count basis - dividends paid.",
    params=_SS_PARAMS,
    sample=_ss_sample,
    render=_ss_texts,
    valid=_ss_valid,
    formula=_ss_formula,
    solve=_ss_pnl,
    aside=side_sentences(_SS_ASIDES),
    uses=frozenset({"costs", "shorting"}),
    convention="currency; a short sale closed out: shares times (price sold short at minus "
    "buy-back price), less the commission on each of the two trades, less the borrow fee (the "
    "yearly rate on the initial short value, shares times sale price, for the days held over "
    "the stated 360- or 365-day year), less any dividends per share paid to the lender; "
    "negative for a loss",
    templates=(
        "I shorted {N} shares at {S} and bought them back at {B} after {d} days. Commission "
        "was {c} per trade and the borrow fee was {f} a year on the initial short value "
        "({basis}). {div} What is my net profit or loss?",
        "Exam question: A trader sells short {N} shares at {S} and covers {d} days later at "
        "{B}. The stock loan fee is {f} per annum on the initial market value of the short, "
        "{basis}, and commissions are {c} per trade. {div} Calculate the net profit (negative "
        "for a loss).",
        "Hi Sam, can you give me the net P&L on the {tk} short? Sold {N} short at {S}, bought "
        "to cover at {B}, held {d} days. Borrow cost {f} annualised on the short value "
        "({basis}), {c} commission each way, {div_with}. Thanks, Priya",
        "shorted {N} {tk} @ {S}, covered @ {B} after {d} days. borrow {f}/yr {basis}, {c} per "
        "trade commish. {div} net pnl?",
        "Closed short, details below.\n| shares shorted | short price | cover price | days held "
        "| borrow rate | commission per trade | dividend per share |\n"
        "|---|---|---|---|---|---|---|\n| {N} | {S} | {B} | {d} | {f} | {c} | {div_cell} |\n\n"
        "Borrow fee on the initial short value, {basis}. "
        "Net profit of the short?",
        "Short sale details:\n- Shares sold short: {N}\n- Short sale price: {S}\n- Buy-back "
        "price: {B}\n- Days the short was open: {d}\n- Borrow fee: {f} per year ({basis})\n- "
        "Commission: {c} per trade\n- Dividend paid to lender: {div_cell} per share\nWhat is "
        "the net profit or loss?",
        "Please help, I make short sell of {N} shares at {S} and buy back at {B} after {d} "
        "days. The broker takes {c} for each trade and the borrow fee is {f} per year "
        "{basis} on the starting value. {div} How much I win or lose in total?",
        "Desk note: short {N} {tk} @ {S}, covered @ {B}, {d}d. SBL fee {f} p.a. on initial "
        "notional, {basis}. Comms {c}/side. {div} Net realised P&L?",
        "What is the net profit of a short position of {N} shares opened at {S} and closed at "
        "{B} {d} days later, with a borrow rate of {f} a year ({basis}) on the initial short "
        "value, {c} commission on each of the two trades, {div_with}?",
        "My cat walked across the keyboard and nearly doubled my order, but in the end I "
        "shorted {N} shares at {S}. I bought them back at {B} after {d} days. The broker "
        "charged {c} a trade and {f} a year to borrow the stock, {basis}, on the value I "
        "shorted. {div} What did I net?",
        "How much did the short seller end up with? {N} shares were sold short at {S} and "
        "repurchased at {B}; the position ran {d} days with a borrow fee of {f} per annum "
        "{basis} on the initial short value; commission {c} per trade. {div}",
        "Question 9 (4 marks). An investor shorts {N} shares at {S}. After {d} days the "
        "position is closed at {B}. Securities lending fee: {f} per year on the initial "
        "proceeds, {basis}. Commission: {c} per transaction. {div} Determine the net profit or "
        "loss on the short sale.",
        "Short {N} shares, entry {S}, exit {B}, {d} days, borrow {f} annual ({basis}), "
        "commission {c} per trade. {div} Net P&L of the short?",
        "We had a short on {tk}: {N} shares sold at {S}, covered at {B} after {d} days. Borrow "
        "fee was {f} a year on the initial short value, {basis}, and the broker charged {c} per "
        "trade. {div} Net result of the short?",
        "Sorry for my English. I borrow {N} shares and sell short at {S}. After {d} days I buy "
        "back at {B}. Borrow fee {f} yearly ({basis}) on the sale value, commission {c} each "
        "trade. {div} What is my net gain or loss?",
        "net pnl on a short: {N} sh, sold {S}, bought back {B}, {d} days, borrow {f} p.a. "
        "{basis}, {c}/trade, {div_with}",
        "Hello, I closed my short today. I sold {N} shares short at {S} {d} days ago and just "
        "covered at {B}. The stock borrow cost {f} per year ({basis}) on what I sold, and "
        "each trade cost {c}. {div} What is my net profit or loss on the short?",
        "Compute the short's net P&L after costs: {N} shares shorted at {S}, covered at {B}; "
        "commission {c} per trade; borrow fee {f} per annum on the initial short value for {d} "
        "days {basis}. {div}",
        "Analyst check on a closed short: size {N} shares, short price {S}, cover price {B}, "
        "holding period {d} days. Borrow {f} a year ({basis}) on initial value; commission {c} "
        "per ticket. {div} Net profit (negative if a loss)?",
        "If I short {N} shares at {S}, pay {c} commission per trade, pay a borrow fee of {f} a "
        "year on the initial short value for {d} days ({basis}) and buy back at {B}, what's my "
        "net profit or loss? {div}",
        "A hedge fund shorted {N} shares at {S} and bought them back at {B} after {d} days. "
        "Costs: {c} commission per trade; stock borrow at {f} per annum on the initial short "
        "value, {basis}. {div} What is the net P&L on the short?",
    ),
    ood_templates=(
        "Bearish wager unwound: {N} borrowed shares disposed of at {S}, reacquired at {B} "
        "once {d} days elapsed. Lending levy {f} yearly on opening notional, {basis}; "
        "brokerage {c} per execution. {div} Bottom-line outcome?",
        "Tally the bottom line of a bearish wager: {N} borrowed shares went out at {S} and "
        "came back at {B}; {d} days elapsed. Lending levy {f} yearly ({basis}) on opening "
        "notional, brokerage {c} per execution. {div}",
        "Reckon the bottom line. Borrowed-and-sold parcel of {N} at {S}, reacquired at {B}; "
        "duration {d} days; lending levy {f} yearly on opening notional ({basis}); brokerage "
        "{c} each execution. {div}",
    ),
    parts=Parts(
        labels={
            "N": (
                "number of shares sold short",
                "short size in shares",
                "short position size",
                "quantity sold short",
                "share count of the short",
                "size of the short in shares",
                "number of shares borrowed and sold",
                "short quantity",
                "size of the short position",
                "position size",
                "number of shares shorted",
                "short share count",
            ),
            "S": (
                "short sale price",
                "short-sale price per share",
                "short entry price",
                "sale price per share",
                "shorting price",
                "opening short price",
                "short price",
                "entry price of the short",
                "initial sale price",
                "price received on the short sale",
                "selling price per share",
                "short-sale execution price",
            ),
            "B": (
                "buy-back price",
                "cover price",
                "buy-to-cover price",
                "repurchase price",
                "closing price of the short",
                "price paid to cover",
                "exit price",
                "buyback price per share",
                "covering price per share",
                "closing purchase price",
                "repurchase price per share",
                "covering price",
            ),
            "c": (
                "commission per trade",
                "per-trade commission",
                "commission each way",
                "brokerage per trade",
                "commission on each trade",
                "trading fee per order",
                "commission per side",
                "broker commission per trade",
                "dealing fee per trade",
                "commission per ticket",
                "fee per transaction",
                "commission charged on each of the two trades",
            ),
            "f": (
                "borrow fee",
                "stock borrow rate",
                "annual borrow fee",
                "securities lending fee",
                "stock loan fee per year",
                "borrow cost per annum",
                "yearly borrow rate on the short value",
                "hard-to-borrow fee",
                "annualised borrow rate",
                "cost to borrow",
                "lending fee rate",
                "borrow rate on the initial short value",
            ),
            "d": (
                "number of days held",
                "number of days short",
                "holding period in days",
                "holding time in days",
                "length of the short in days",
                "borrow period in days",
                "days until the cover",
                "number of days borrowed",
                "open period in days",
                "term of the borrow in days",
                "duration of the short in days",
                "borrow period length in days",
            ),
            "y": (
                "day-count convention",
                "day count basis",
                "borrow fee day count",
                "year basis for the fee",
                "day-count basis of the borrow fee",
                "accrual basis",
                "fee accrual convention",
                "days-in-year convention",
                "day count",
                "basis for accruing the borrow fee",
                "year length used for the fee",
                "accrual day count",
            ),
            "q": (
                "dividend per share paid to the lender",
                "dividend owed per share",
                "manufactured dividend per share",
                "dividend paid while short",
                "per-share dividend due to the lender",
                "dividend per share during the short",
                "dividend payable by the short seller",
                "dividend compensation per share",
                "substitute dividend per share",
                "dividend payable per share",
                "cash dividend owed per share",
                "dividend per share on the borrowed stock",
            ),
            "m": (
                "margin requirement",
                "initial margin",
                "margin on the short",
                "required margin",
                "margin rate",
                "short margin requirement",
                "initial margin requirement",
                "broker margin requirement",
                "collateral requirement",
                "margin percentage",
                "margin level required",
                "house margin on shorts",
            ),
            "acct": (
                "account equity",
                "account balance",
                "equity in the account",
                "account value",
                "margin account balance",
                "net liquidation value",
                "cash in the account",
                "portfolio equity",
                "account size",
                "equity on deposit",
                "trading account balance",
                "capital in the account",
            ),
        },
        asks=(
            "What is the net profit or loss on the short sale?",
            "What is the net P&L of the short after commissions, borrow fee and dividends?",
            "Compute the net profit of the short position.",
            "How much did the short make or lose after all costs?",
            "What is the short seller's net gain (negative for a loss)?",
            "net pnl on the short?",
            "What is the realised net result of closing the short?",
            "How much money did the short trade net, after the cost of borrowing?",
            "Work out the profit on the short after borrow fees and commissions.",
            "What is the bottom-line P&L of the short, all costs in?",
            "Find the net profit or loss from shorting the stock.",
            "What did the short seller net once the shares were bought back?",
            "What is the all-in profit of the short sale?",
            "Compute the short's P&L net of the stock loan fee, commissions and dividends.",
            "How much did I make on the short, net of fees?",
            "What is the net gain or loss on the short sale, in currency?",
            "After costs, was the short profitable? Give the net P&L.",
            "What is the net profit of the short (negative if it lost money)?",
            "What is the short position's net trading result?",
            "Calculate the net dollar result of the short, borrow cost included.",
            "what did the short net after borrow and comms?",
        ),
        ood_labels={
            "N": ("borrowed-and-sold parcel", "parcel disposed of while borrowed"),
            "S": ("disposal quote of the borrowed parcel", "outgoing execution quote"),
            "B": ("reacquisition quote", "incoming execution quote"),
            "c": ("brokerage per execution", "levy per execution"),
            "f": ("lending levy per year", "yearly lending levy"),
            "d": ("elapsed span in days", "elapsed period in days"),
            "y": ("accrual yardstick", "levy accrual yardstick"),
            "q": ("distribution passed to the lender", "payout handed to the lender"),
            "m": ("collateral demanded", "collateral fraction demanded"),
            "acct": ("equity on hand", "capital on hand"),
        },
        ood_asks=(
            "Reckon the bottom line of the bearish wager.",
            "Tally the outcome of the borrowed-and-sold parcel once unwound.",
            "What bottom line did the bearish wager deliver?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    FOREIGN_STOCK_RETURN,
    SHORT_SALE_NET_PNL,
)
