"""What a sum of capital earns or costs in a year: a company's return on equity and return on
assets, a rental property's gross yield, and the fee a fund's expense ratio takes from a balance.

Investors, analysts and students ask these every day ("the bank earned $1.2bn on $14bn of equity:
what ROE is that?", "$2,100 a month on a $380,000 flat: gross yield?", "I have $85,000 in a fund
at 0.35 %: what do I pay a year?"). Each divides or scales one figure by another, and each
question may show a figure beside its inputs that the task does not use (a *side figure*, drawn
in a share of questions and never read by formula or solver):

- ``return_on_equity``: net income over shareholders' equity, in percent; total assets or revenue
  may be shown beside. A loss is stated as a loss (``NL``, its size) and the ROE is negative.
- ``return_on_assets``: net income over total assets, in percent; the equity or revenue may be
  shown beside. It differs from ROE by its denominator alone, so each shows the other's.
- ``gross_rental_yield``: a year's rent over the price, in percent. The rent is given a month
  (``Rm``: the formula multiplies it by 12) or, in a third of questions, a year (``Ry``: taken as
  written); the deposit and the number of bedrooms may be shown beside.
- ``fund_fee``: a year's fee in currency, the balance times an expense ratio in percent (``er``)
  or, in about a third of questions, in basis points (``bps``: divided by 10,000); last year's
  return of the fund may be shown beside.

Solvers are written independently of the formula text: equity (or assets, or the price) per unit
of income, inverted; twelve months of rent summed; the fee per thousand invested.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from quantreason.tasks.base import (
    SIDE_FIGURE_SHARE,
    Family,
    Num,
    Param,
    Parts,
    Values,
    draw_params,
    money,
    number_texts,
    pct,
    plain,
    significant,
    with_article,
)

# Share of ROE and ROA questions whose company made a loss (stated as "a net loss of $X").
LOSS_SHARE = 0.15
# Share of rental questions giving the rent a year, not a month.
YEARLY_RENT_SHARE = 1 / 3
# Share of fee questions giving the expense ratio in basis points ("35 bps").
BPS_SHARE = 0.35
_TRIES = 500


def _side_amount(raw: float, figures: int = 3) -> Num:
    """A side amount of about ``raw``, in full and round as people quote one (``figures``
    significant figures). Never scaled ("$48.3M"): a scaled amount's digits are the formula's."""
    return Num(significant(raw, figures, whole=True), 0, "money")


def _evenly(rng: random.Random, ratio: float, bounds: tuple[float, float]) -> bool:
    """Keep a drawn pair with a chance in proportion to the size of its ratio: two amounts
    drawn log-uniform make ratios evenly spread in their logarithm (as many ROEs from 1 to 2 %
    as from 20 to 40 %); kept so, the ratios spread evenly across ``bounds`` instead."""
    largest = max(abs(bound) for bound in bounds if bound * ratio > 0)
    return rng.random() < abs(ratio) / largest


# --- shared by return_on_equity and return_on_assets ----------------------------------------------

# Net income (a profit) and a net loss's size; out of range, mega-caps or a corner shop (bands
# paired with the denominator's).
_PROFIT = money((20_000, 20_000_000_000), ((3e10, 6e11), (100, 15_000)))
_LOSS = money((20_000, 10_000_000_000), ((2e10, 3e11), (100, 15_000)))

# How a profit (``NI``) or a loss (``NL``) is written, by slot (``{v}``: the amount): ``result`` a
# noun phrase, ``earned`` a verb phrase in the past, ``pl`` a value for a table or list (a loss
# negative).
_INCOME_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "result": {
        "NI": (
            "net income of {v}",
            "net profit of {v}",
            "profit after tax of {v}",
            "net income of {v}",
        ),
        "NL": (
            "a net loss of {v}",
            "a loss of {v}",
            "a net loss of {v}",
            "a loss after tax of {v}",
        ),
    },
    "earned": {
        "NI": (
            "earned {v}",
            "made a net profit of {v}",
            "booked net income of {v}",
            "earned net income of {v}",
        ),
        "NL": (
            "lost {v}",
            "made a net loss of {v}",
            "booked a net loss of {v}",
            "posted a loss of {v}",
        ),
    },
    "pl": {"NI": ("{v}",), "NL": ("-{v}", "-{v}", "{v} (loss)")},
}

# Side figures by key: a sentence, a list item's name, a chat aside.
_SIDE_SENTENCES = {
    "TA": (
        " Total assets were {v}.",
        " Its balance sheet shows total assets of {v}.",
        " Total assets: {v}.",
        " The company has {v} in total assets.",
    ),
    "E": (
        " Shareholders' equity is {v}.",
        " Equity on the balance sheet: {v}.",
        " Its book equity is {v}.",
        " Total equity was {v}.",
    ),
    "S": (
        " Revenue was {v}.",
        " Sales for the year came to {v}.",
        " Revenue: {v}.",
        " It had {v} of revenue.",
    ),
}
_SIDE_NAMES = {
    "TA": ("Total assets", "Assets"),
    "E": ("Shareholders' equity", "Book equity"),
    "S": ("Revenue", "Sales"),
}


def _asides(rng: random.Random, texts: dict[str, str], side: str | None) -> dict[str, str]:
    """The side figure (if any) for each slot a template has: ``aside`` a sentence, ``aside_item``
    a bullet, ``aside_line`` a line, ``aside_chat`` a chat aside, ``aside_head`` and
    ``aside_cell`` a table column; all empty when the question has none."""
    if side is None:
        return dict.fromkeys(
            ("aside", "aside_item", "aside_line", "aside_chat", "aside_head", "aside_cell"), ""
        )
    value, name = texts[side], rng.choice(_SIDE_NAMES[side])
    return {
        "aside": rng.choice(_SIDE_SENTENCES[side]).format(v=value),
        "aside_item": f"\n- {name}: {value}",
        "aside_line": f"\n{name}: {value}",
        "aside_chat": rng.choice(
            (" ({n} {v} btw)", ", {n} {v} if it matters", " ({n}: {v})")
        ).format(n=name.lower(), v=value),
        "aside_head": f" {name.lower()} |",
        "aside_cell": f" {value} |",
    }


def _earnings_texts(denominator: str):
    """Texts for a family dividing by ``denominator``: the numbers as usual, the profit or loss
    as phrases (``{result}``, ``{earned}``, ``{pl}``) and the side figure, if any, in its slots
    (:func:`_asides`)."""

    def texts(rng: random.Random, nums: Values) -> dict[str, str]:
        out = number_texts(rng, nums)
        key = "NI" if "NI" in nums else "NL"
        for slot, phrases in _INCOME_PHRASES.items():
            out[slot] = rng.choice(phrases[key]).format(v=out[key])
        side = next((k for k in _SIDE_SENTENCES if k in nums and k != denominator), None)
        out.update(_asides(rng, out, side))
        return out

    return texts


def _earnings_sample(
    denominator: str,
    spec: Param,
    bounds: tuple[float, float],
    sides: Mapping[str, tuple[float, float]],
) -> Callable[[random.Random, bool], dict[str, Num]]:
    """A sampler: a profit ``NI`` or (in :data:`LOSS_SHARE` of draws) a loss ``NL`` with the
    ``denominator`` drawn from ``spec``, so that the return lies within ``bounds`` (percent, at
    least 0.5 away from zero); in :data:`SIDE_FIGURE_SHARE` of draws one side figure, the
    denominator times a factor drawn from its interval in ``sides``."""

    def sample(rng: random.Random, ood: bool) -> dict[str, Num]:
        key = "NL" if rng.random() < LOSS_SHARE else "NI"
        params = {key: _LOSS if key == "NL" else _PROFIT, denominator: spec}
        valid = _return_valid(denominator, bounds)
        for _ in range(_TRIES):
            nums = draw_params(params, rng, ood, 2)
            v = {k: n.value for k, n in nums.items()}
            if valid(v) and _evenly(rng, _income(v) / v[denominator] * 100, bounds):
                break
        else:
            raise RuntimeError(f"could not draw income and {denominator} in range")
        if rng.random() < SIDE_FIGURE_SHARE:
            side = rng.choice(sorted(sides))
            factor = rng.uniform(*sides[side])
            nums[side] = _side_amount(nums[denominator].value * factor)
        return nums

    return sample


def _return_valid(
    denominator: str, bounds: tuple[float, float]
) -> Callable[[Mapping[str, float]], bool]:
    low, high = bounds

    def valid(v: Mapping[str, float]) -> bool:
        ratio = _income(v) / v[denominator] * 100
        return low <= ratio <= high and abs(ratio) >= 0.5

    return valid


def _income(v: Mapping[str, float]) -> float:
    """Net income, a loss negative."""
    return v["NI"] if "NI" in v else -v["NL"]


def _income_formula(f: Mapping[str, str]) -> str:
    return f["NI"] if "NI" in f else f"-{f['NL']}"


# Labels shared by both families (each may show the other's denominator as a side figure).
_NET_INCOME_LABELS = (
    "net income",
    "net profit",
    "profit after tax",
    "net income for the year",
    "annual net income",
    "net earnings",
    "after-tax profit",
    "net income (last fiscal year)",
    "reported net income",
    "profit for the year",
    "net profit after tax",
    "earnings after tax",
)
_NET_LOSS_LABELS = (
    "net loss",
    "loss for the year",
    "net loss for the year",
    "after-tax loss",
    "loss after tax",
    "reported net loss",
    "annual net loss",
    "net loss (last fiscal year)",
    "net loss after tax",
    "net income (a loss)",
    "loss attributable to shareholders",
    "net loss reported",
)
_EQUITY_LABELS = (
    "shareholders' equity",
    "average shareholders' equity",
    "book equity",
    "total equity",
    "equity",
    "book value of equity",
    "shareholders' funds",
    "average equity",
    "common equity",
    "total shareholders' equity",
    "equity on the balance sheet",
    "year-end shareholders' equity",
)
_ASSETS_LABELS = (
    "total assets",
    "average total assets",
    "assets",
    "total assets on the balance sheet",
    "balance-sheet total",
    "year-end total assets",
    "average assets",
    "book value of total assets",
    "total assets (year end)",
    "asset base",
    "total assets reported",
    "size of the balance sheet",
)
_REVENUE_LABELS = (
    "revenue",
    "sales",
    "total revenue",
    "net sales",
    "annual revenue",
    "turnover",
    "revenue for the year",
    "top line",
    "sales for the year",
    "net revenue",
    "annual sales",
    "gross revenue",
)

# --- return_on_equity -----------------------------------------------------------------------------

# Shareholders' equity; out of range, a mega-cap bank's or a sole trader's.
_EQUITY = money((500_000, 80_000_000_000), ((1e11, 2e12), (5000, 300_000)))
_ROE_BOUNDS = (-20.0, 45.0)


def _roe(v: Mapping[str, float]) -> float:
    # Equity per unit of income, inverted: income per unit of equity, in percent.
    equity_per_income = v["E"] / _income(v)
    return 100 / equity_per_income


RETURN_ON_EQUITY = Family(
    name="return_on_equity",
    unit="percent",
    reasoning="ROE = net income / shareholders' equity.",
    params={"NI": _PROFIT, "NL": _LOSS, "E": _EQUITY},
    # Side figures: total assets (equity is 8-70 % of them) or revenue (0.4-3 times equity).
    sample=_earnings_sample("E", _EQUITY, _ROE_BOUNDS, {"TA": (1.4, 12.0), "S": (0.4, 3.0)}),
    render=_earnings_texts("E"),
    valid=_return_valid("E", _ROE_BOUNDS),
    formula=lambda f: f"{_income_formula(f)}/{f['E']}*100",
    solve=_roe,
    convention="percent; net income (a loss negative) over the shareholders' equity given "
    "(average or year-end, as stated); total assets or revenue shown beside are not used",
    templates=(
        "A company {earned} last year on shareholders' equity of {E}.{aside} What is its "
        "return on equity?",
        "Net income {pl}, shareholders' equity {E}. ROE?",
        "Exam question: XYZ plc reported {result} for the year. Average shareholders' equity "
        "was {E}.{aside} Calculate the return on equity (ROE) in percent.",
        "Hi Marco, for the bank comps: {result} on book equity of {E}.{aside} What ROE should "
        "I show? Thanks, Ines",
        "hey so the co had {result} and total equity of {E}{aside_chat}. whats teh roe in %?",
        "| net income | shareholders' equity |{aside_head}\n| {pl} | {E} |{aside_cell}\n"
        "Return on equity?",
        "- Net income: {pl}\n- Shareholders' equity: {E}{aside_item}\nWhat is the ROE?",
        "Please I need calculate return on equity. The company have {result} and the equity "
        "of shareholders is {E}.{aside} How much is ROE?",
        "My cousin runs a chain of bakeries and talks about it at every family dinner. This "
        "year it {earned}, and its book equity is {E}.{aside} What return on equity is that?",
        "Analyst note: FY {result}; avg. equity {E}.{aside} ROE?",
        "net_income={pl}; equity={E}; roe=?",
        "What is the ROE of a firm with {result} and total equity of {E}?{aside}",
        "Question 4 (3 marks). During the year the company generated {result}. Shareholders' "
        "equity stood at {E}.{aside} Compute the return on equity.",
        "Dear advisor, the bank I hold shares in reported {result} against shareholders' "
        "equity of {E}.{aside} What return on equity does that give? Regards, Paul",
        "ROE check: {result}, equity {E}.{aside}",
        "I'm screening stocks for quality. One company {earned} with {E} of shareholders' "
        "equity.{aside} What is its ROE?",
        "How much did the company earn on its equity, in percent, if it {earned} and its book "
        "equity is {E}?{aside}",
        "Interview question: a company {earned} on average equity of {E}.{aside} What's the ROE?",
        "Textbook problem: Net income for the period is {pl}; average shareholders' equity is "
        "{E}.{aside} Determine the return on equity as a percentage.",
        "Net income: {pl}\nTotal equity: {E}{aside_line}\nROE = ?",
        "ok so my prof says roe is net income over equity but i keep messing it up. net income "
        "{pl}, equity {E}{aside_chat}. what do i get",
        "The insurer, whose head office has 40 floors and a rooftop garden, {earned} this year. "
        "Its shareholders' equity is {E}.{aside} What is its return on equity?",
        "Compute ROE for a company with {result} and shareholders' equity of {E}.{aside}",
        "From the annual report: {result}; shareholders' equity {E}.{aside} Return on equity in "
        "percent?",
        "Hello, kindly help. Profit of company is {pl} and shareholders equity is {E}.{aside} "
        "What is the ROE percentage?",
        "What return did shareholders' equity of {E} earn if the company {earned}?{aside}",
    ),
    ood_templates=(
        "Stockholders' funds stand at {E}, and the accounts show {result}.{aside} How much did "
        "the owners' capital yield, expressed per hundred of it?",
        "Gauge how hard the owners' money is working: {result} attributable to them, "
        "stockholders' funds of {E}.{aside}",
        "Surplus or deficit for the owners relative to their stake, as a percentage: {result}; "
        "stockholders' funds {E}.{aside}",
    ),
    parts=Parts(
        labels={
            "NI": _NET_INCOME_LABELS,
            "NL": _NET_LOSS_LABELS,
            "E": _EQUITY_LABELS,
            "TA": _ASSETS_LABELS,
            "S": _REVENUE_LABELS,
        },
        asks=(
            "What is the return on equity?",
            "What is the ROE?",
            "Compute the ROE.",
            "ROE?",
            "What is the company's return on equity in percent?",
            "Work out the return on shareholders' equity.",
            "How much did the company earn on its equity, in percent?",
            "What return does the firm make on its book equity?",
            "What is net income as a percentage of equity?",
            "ROE in %, please.",
            "What ROE should go in the comps table?",
            "Divide net income by shareholders' equity: what percentage do you get?",
            "What is the return on equity for the year?",
            "What percentage return on shareholders' equity did the company earn?",
            "roe?",
            "How profitable is the company relative to its equity? Give the ROE.",
            "What is the firm's ROE (net income over equity)?",
            "Calculate the return on equity.",
            "What return on book equity does that give?",
            "What did the company return on its shareholders' equity?",
            "What is the ROE, negative if it lost money?",
        ),
        ood_labels={
            "NI": ("surplus attributable to owners",),
            "NL": ("deficit attributable to owners",),
            "E": ("stockholders' funds",),
        },
        ood_asks=(
            "How much did the owners' capital yield, expressed per hundred of it?",
            "Gauge how hard the owners' money is working.",
        ),
    ),
)

# --- return_on_assets -----------------------------------------------------------------------------

# Total assets; out of range, a global bank's balance sheet or a market stall's.
_ASSETS = money((1_000_000, 500_000_000_000), ((8e11, 5e12), (5000, 500_000)))
_ROA_BOUNDS = (-10.0, 25.0)


def _roa(v: Mapping[str, float]) -> float:
    # Assets per unit of income, inverted: income per unit of assets, in percent.
    assets_per_income = v["TA"] / _income(v)
    return 100 / assets_per_income


RETURN_ON_ASSETS = Family(
    name="return_on_assets",
    unit="percent",
    reasoning="ROA = net income / total assets.",
    params={"NI": _PROFIT, "NL": _LOSS, "TA": _ASSETS},
    # Side figures: the equity (8-70 % of the assets) or revenue (0.2-1.5 times the assets).
    sample=_earnings_sample("TA", _ASSETS, _ROA_BOUNDS, {"E": (0.08, 0.7), "S": (0.2, 1.5)}),
    render=_earnings_texts("TA"),
    valid=_return_valid("TA", _ROA_BOUNDS),
    formula=lambda f: f"{_income_formula(f)}/{f['TA']}*100",
    solve=_roa,
    convention="percent; net income (a loss negative) over the total assets given (average or "
    "year-end, as stated); equity or revenue shown beside are not used",
    templates=(
        "A company {earned} last year with total assets of {TA}.{aside} What is its return on "
        "assets?",
        "Net income {pl}, total assets {TA}. ROA?",
        "Exam question: Delta Ltd reported {result} for the year. Its average total assets were "
        "{TA}.{aside} Calculate the return on assets (ROA) in percent.",
        "Hi Chen, quick one for the credit memo: {result} on total assets of {TA}.{aside} What "
        "ROA do we report? Thanks, Olga",
        "hey so the bank had {result} and {TA} of assets{aside_chat}. whats the roa in %? my "
        "notes r a mess",
        "| net income | total assets |{aside_head}\n| {pl} | {TA} |{aside_cell}\nReturn on assets?",
        "- Net income: {pl}\n- Total assets: {TA}{aside_item}\nWhat is the ROA?",
        "Please I need help to calculate return on assets. The firm have {result} and total "
        "assets are {TA}.{aside} How much is the ROA?",
        "My uncle owns a trucking company with 14 trucks, all painted bright orange. This year "
        "it {earned}, and its total assets are {TA}.{aside} What return on assets is that?",
        "Credit note: FY {result}; avg. total assets {TA}.{aside} ROA?",
        "net_income={pl}; total_assets={TA}; roa=?",
        "What is the ROA of a firm with {result} and total assets of {TA}?{aside}",
        "Question 5 (2 marks). A company generated {result} during the year. Total assets "
        "amounted to {TA}.{aside} Compute the return on assets.",
        "Dear advisor, the regional bank in my portfolio reported {result} on total assets of "
        "{TA}.{aside} What return on assets does that give? Regards, Ingrid",
        "ROA check: {result}, total assets {TA}.{aside}",
        "I'm comparing how efficiently two retailers use their assets. The first {earned} on "
        "{TA} of total assets.{aside} What is its ROA?",
        "How much did the company earn on its assets, in percent, if it {earned} and its total "
        "assets are {TA}?{aside}",
        "Interview question: a business {earned} on average total assets of {TA}.{aside} What's "
        "its return on assets?",
        "Textbook problem: Net income for the year is {pl}; average total assets are {TA}."
        "{aside} Determine the return on assets as a percentage.",
        "Net income: {pl}\nTotal assets: {TA}{aside_line}\nROA = ?",
        "ok so roa is net income over assets right? net income {pl}, assets {TA}{aside_chat}. "
        "what number do i get",
        "Compute ROA for a company with {result} and total assets of {TA}.{aside}",
        "From the 10-K: {result}; total assets {TA}.{aside} Return on assets in percent?",
        "Hello, kindly help. Profit of the company is {pl} and its total assets is {TA}.{aside} "
        "What is the ROA percentage?",
        "Bank analysts watch ROA closely. This lender {earned} on a balance sheet of {TA} in "
        "total assets.{aside} What is its return on assets?",
        "What return did total assets of {TA} earn if the company {earned}?{aside}",
    ),
    ood_templates=(
        "Everything the enterprise owns is carried at {TA}, and the accounts show {result}."
        "{aside} How hard is that resource pool working, per hundred of it?",
        "Express {result} as a share of the resources carried on the books, {TA}.{aside}",
        "Gauge how well the enterprise sweats what it owns: {result}; resources carried on "
        "the books {TA}.{aside}",
    ),
    parts=Parts(
        labels={
            "NI": _NET_INCOME_LABELS,
            "NL": _NET_LOSS_LABELS,
            "TA": _ASSETS_LABELS,
            "E": _EQUITY_LABELS,
            "S": _REVENUE_LABELS,
        },
        asks=(
            "What is the return on assets?",
            "What is the ROA?",
            "Compute the ROA.",
            "ROA?",
            "What is the company's return on assets in percent?",
            "Work out the return on total assets.",
            "How much did the company earn on its assets, in percent?",
            "What return does the firm make on its total assets?",
            "What is net income as a percentage of total assets?",
            "ROA in %, please.",
            "What ROA should go in the credit memo?",
            "Divide net income by total assets: what percentage do you get?",
            "What is the return on assets for the year?",
            "What percentage return on its assets did the company earn?",
            "roa?",
            "How efficiently does the company use its assets? Give the ROA.",
            "What is the firm's ROA (net income over total assets)?",
            "Calculate the return on assets.",
            "What return on average assets does that give?",
            "What did the company return on its asset base?",
            "What is the ROA, negative if it lost money?",
        ),
        ood_labels={
            "NI": ("period surplus",),
            "NL": ("period deficit",),
            "TA": ("resources carried on the books",),
        },
        ood_asks=(
            "How hard is the resource pool working, per hundred of it?",
            "Express the period's surplus as a share of everything the enterprise owns.",
        ),
    ),
)

# --- gross_rental_yield ---------------------------------------------------------------------------

# Prices of flats and houses let out; out of range, a prime mansion or block, or a garage or a
# plot abroad (bands paired with the rents').
_PRICE = money((60_000, 3_000_000), ((4e6, 6e7), (8000, 50_000)))
_MONTHLY_RENT = money((250, 15_000), ((16_000, 400_000), (20, 240)))
_YEARLY_RENT = money((3000, 180_000), ((200_000, 5_000_000), (200, 2900)))
_YIELD_BOUNDS = (2.0, 12.0)
_RENT_FORMS = {
    "Rm": ("{v} a month", "{v} per month", "{v}/month", "{v} monthly", "{v} pcm", "{v} a month"),
    "Ry": ("{v} a year", "{v} per year", "{v} per annum", "{v} annually", "{v}/year", "{v} a year"),
}
_HOMES = ("flat", "apartment", "house", "condo", "townhouse", "duplex", "bungalow", "cottage")
_BEDROOMS = (1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 5.0)
_DOWN_SENTENCES = (
    " I'd put down a deposit of {D}.",
    " The down payment would be {D}.",
    " The deposit is {D}.",
    " I'm putting {D} down.",
    " My bank wants {a_D} deposit.",
    " The down payment was {D}.",
)
_DOWN_NAMES = ("Deposit", "Down payment", "Deposit paid")


def _rent_key(nums: Mapping[str, object]) -> str:
    return "Rm" if "Rm" in nums else "Ry"


def _rental_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The price ``P`` and the rent a month ``Rm`` or (in :data:`YEARLY_RENT_SHARE` of draws) a
    year ``Ry``, at a gross yield in :data:`_YIELD_BOUNDS`; in :data:`SIDE_FIGURE_SHARE` of draws
    the deposit ``D`` (10-35 % of the price), the number of bedrooms ``beds``, or both."""
    key = "Ry" if rng.random() < YEARLY_RENT_SHARE else "Rm"
    params = {"P": _PRICE, key: _YEARLY_RENT if key == "Ry" else _MONTHLY_RENT}
    for _ in range(_TRIES):
        nums = draw_params(params, rng, ood, 2)
        v = {k: n.value for k, n in nums.items()}
        if _rental_valid(v) and _evenly(rng, _gross_yield(v), _YIELD_BOUNDS):
            break
    else:
        raise RuntimeError("could not draw a price and a rent in range")
    if rng.random() < SIDE_FIGURE_SHARE:
        sides = rng.choice((("D",), ("beds",), ("D", "beds")))
        if "D" in sides:
            deposit = nums["P"].value * rng.uniform(0.1, 0.35)
            nums["D"] = _side_amount(deposit, figures=2)
        if "beds" in sides:
            nums["beds"] = Num(rng.choice(_BEDROOMS), 0, "plain")
    return nums


def _gross_yield(v: Mapping[str, float]) -> float:
    annual = v["Ry"] if "Ry" in v else 12 * v["Rm"]
    return annual / v["P"] * 100


def _rental_valid(v: Mapping[str, float]) -> bool:
    return _YIELD_BOUNDS[0] <= _gross_yield(v) <= _YIELD_BOUNDS[1]


def _rental_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The numbers as usual; ``{rent}``: the rent with its period ("$1,850 a month", "$22,200 a
    year"); ``{home}`` and ``{a_home}``: the property, with its bedrooms when drawn ("3-bedroom
    flat"); the deposit, when drawn, in ``{down}`` (a sentence), ``{down_item}``, ``{down_line}``
    and ``{down_chat}`` (all empty without one)."""
    texts = number_texts(rng, nums)
    key = _rent_key(nums)
    texts["rent"] = rng.choice(_RENT_FORMS[key]).format(v=texts[key])
    noun = rng.choice(_HOMES)
    if "beds" in nums:
        beds = texts["beds"]
        forms = [f"{beds}-bedroom {noun}"]
        if nums["beds"].value > 1:
            forms.append(f"{noun} with {beds} bedrooms")
        noun = rng.choice(forms)
    texts["home"], texts["a_home"] = noun, with_article(noun)
    if "D" in nums:
        deposit = texts["D"]
        name = rng.choice(_DOWN_NAMES)
        sentence = rng.choice(_DOWN_SENTENCES)
        texts["down"] = sentence.format(D=deposit, a_D=with_article(deposit))
        texts["down_item"] = f"\n- {name}: {deposit}"
        texts["down_line"] = f"\n{name}: {deposit}"
        texts["down_chat"] = rng.choice((" (putting {D} down)", ", {D} deposit")).format(D=deposit)
    else:
        texts.update(dict.fromkeys(("down", "down_item", "down_line", "down_chat"), ""))
    return texts


def _rental_formula(f: Mapping[str, str]) -> str:
    if "Ry" in f:  # a year's rent, as written
        return f"{f['Ry']}/{f['P']}*100"
    return f"{f['Rm']}*12/{f['P']}*100"


def _rental_yield(v: Mapping[str, float]) -> float:
    # Twelve months of rent (or the year's rent given), then the price per unit of rent,
    # inverted.
    annual = v["Ry"] if "Ry" in v else sum(v["Rm"] for _ in range(12))
    price_per_rent = v["P"] / annual
    return 100 / price_per_rent


GROSS_RENTAL_YIELD = Family(
    name="gross_rental_yield",
    unit="percent",
    reasoning="Gross rental yield = annual rent / property price.",
    params={"P": _PRICE, "Rm": _MONTHLY_RENT, "Ry": _YEARLY_RENT},
    sample=_rental_sample,
    render=_rental_texts,
    valid=_rental_valid,
    formula=_rental_formula,
    solve=_rental_yield,
    convention="percent; a year's rent (twelve times a monthly rent, or the yearly rent given) "
    "over the price paid, before any costs, vacancies or mortgage; a deposit or the number of "
    "bedrooms shown beside is not used",
    templates=(
        "I'm thinking of buying {a_home} for {P}. It would rent for {rent}.{down} What is the "
        "gross rental yield?",
        "Property price {P}, rent {rent}. Gross yield?",
        "Exam question: An investor buys {a_home} for {P} and lets it out at {rent}.{down} "
        "Calculate the gross rental yield.",
        "Hi Sophie, the {home} on Elm Street is listed at {P} and the agent says it will let "
        "for {rent}.{down} What gross yield is that? Thanks, Mark",
        "ok so this {home} costs {P} and rents for {rent}{down_chat}. whats the gross yeild??",
        "| purchase price | rent |\n| {P} | {rent} |\nGross rental yield?",
        "- Purchase price: {P}\n- Rent: {rent}{down_item}\nGross rental yield in percent?",
        "Please I want to know the rental yield. I buy {a_home} at {P} and the tenant pay "
        "{rent}.{down} How much is the gross yield?",
        "My neighbour, who restores old motorbikes in his garage, bought {a_home} for {P} and "
        "rents it out for {rent}.{down} What gross rental yield is he getting?",
        "Buy-to-let note: {home}, price {P}, rent {rent}.{down} Gross yield?",
        "price={P}; rent={rent}; gross_yield=?",
        "What is the gross yield on {a_home} bought for {P} and let at {rent}?{down}",
        "Question 2 (2 marks). A residential property is purchased for {P}. The rent "
        "receivable is {rent}.{down} Compute the gross rental yield.",
        "Dear advisor, I am considering {a_home} priced at {P}; the expected rent is {rent}."
        "{down} What gross rental yield would that give me? Regards, Helen",
        "Gross rental yield for {a_home}: price {P}, rent {rent}?{down}",
        "We're comparing buy-to-let properties. This {home} is on the market at {P} and similar "
        "places rent for {rent}.{down} What's its gross yield?",
        "How much does the rent earn, as a percentage of the price, on {a_home} costing {P} that "
        "lets for {rent}?{down}",
        "Interview question: you buy {a_home} for {P} and let it at {rent}.{down} What is the "
        "gross yield?",
        "Textbook problem: The purchase price of an investment property is {P} and it is let at "
        "{rent}.{down} Determine the gross rental yield before expenses.",
        "Price: {P}\nRent: {rent}{down_line}\nGross yield = ?",
        "my first rental!! paid {P} for {a_home}, tenant pays {rent}{down_chat}. what gross "
        "yield is that in %?",
        "Compute the gross rental yield of {a_home} bought at {P} and rented for {rent}.{down}",
        "Listing: {home}, asking price {P}, current rent {rent}.{down} Gross yield before costs?",
        "Hello, kindly help me. The price of the {home} is {P} and the rent is {rent}.{down} "
        "Which is the gross rental yield?",
        "Landlord here. The {home} cost me {P} and brings in {rent}.{down} Ignoring costs, "
        "what's the gross yield?",
    ),
    ood_templates=(
        "A landlord acquires a dwelling for {P} and collects {rent} from the occupant.{down} "
        "Income return on the acquisition cost, before outgoings?",
        "What slice of the outlay on a dwelling comes back as letting income each twelvemonth? "
        "Outlay {P}; the occupant remits {rent}.{down}",
        "Letting arithmetic, headline only: a dwelling changing hands at {P}, occupant remitting "
        "{rent}.{down} Headline return?",
    ),
    parts=Parts(
        labels={
            "P": (
                "purchase price",
                "property price",
                "price paid",
                "asking price",
                "price of the property",
                "market value of the property",
                "house price",
                "cost of the flat",
                "listing price",
                "purchase price of the property",
                "value of the home",
                "property value",
            ),
            "Rm": (
                "monthly rent",
                "rent per month",
                "rent (monthly)",
                "rent each month",
                "monthly rental income",
                "monthly rent received",
                "rent pcm",
                "rent per calendar month",
                "expected monthly rent",
                "monthly rent from the tenant",
                "rent a month",
                "achievable monthly rent",
            ),
            "Ry": (
                "annual rent",
                "rent per year",
                "yearly rent",
                "rent (annual)",
                "annual rental income",
                "gross annual rent",
                "rent per annum",
                "yearly rental income",
                "rent received over the year",
                "expected annual rent",
                "annual rent roll",
                "rent for the year",
            ),
            "D": (
                "deposit",
                "down payment",
                "deposit paid",
                "cash deposit",
                "down payment made",
                "deposit put down",
                "cash put in",
                "upfront deposit",
                "deposit (cash in)",
                "mortgage deposit",
                "down payment (cash)",
                "initial deposit",
            ),
            "beds": (
                "number of bedrooms",
                "bedrooms",
                "bedroom count",
                "beds",
                "bedrooms in the property",
                "no. of bedrooms",
                "size in bedrooms",
                "bedrooms (count)",
                "how many bedrooms",
                "total bedrooms",
                "bedrooms listed",
                "count of bedrooms",
            ),
        },
        asks=(
            "What is the gross rental yield?",
            "What is the gross yield?",
            "Compute the gross rental yield.",
            "Gross yield?",
            "What gross yield does the property give?",
            "What is the rental yield before costs, in percent?",
            "How much does a year's rent come to as a percentage of the price?",
            "What is the gross yield on the purchase price?",
            "Work out the gross rental yield.",
            "What yield does the rent give on the price, before expenses?",
            "gross yield?",
            "What is the property's gross rental yield in percent?",
            "What is the buy-to-let gross yield?",
            "Is it a good rental? Start with the gross yield: what is it?",
            "What percentage of the price does the rent bring in each year?",
            "What is the annual rent as a percentage of the property price?",
            "Calculate the gross yield of the rental.",
            "What gross return does the rent give, ignoring costs?",
            "Gross rental yield, please.",
            "What is the rental yield (gross)?",
            "what yield am i getting on this rental, gross?",
        ),
        ood_labels={
            "P": ("outlay on the dwelling",),
            "Rm": ("sum the occupant remits every month",),
            "Ry": ("sum the occupant remits every twelvemonth",),
        },
        ood_asks=(
            "What headline return does the letting produce, before outgoings?",
            "Express the occupant's yearly payments as a slice of the outlay.",
        ),
    ),
)

# --- fund_fee -------------------------------------------------------------------------------------

# Balances held in a fund; out of range, an institution's mandate or a first few dollars.
_BALANCE = money((1000, 5_000_000), ((1e7, 5e9), (20, 800)))
# Expense ratios from a cheap index fund's to an active fund's; out of range, a costly
# alternative fund's, or an institutional share class's fraction of a basis point.
_EXPENSE_RATIO = pct((0.03, 2.0), ((2.1, 3.0), (0.005, 0.025)), decimals=2, ood_decimals=3)
_BASIS_POINTS = plain((3, 200), ((210, 300), (0.5, 2.5)), decimals=0, ood_decimals=1)
# Ratios as funds quote them (in basis points); half of the in-range questions use one.
_QUOTED_BPS = (3, 4, 5, 7, 9, 10, 12, 15, 18, 20, 25, 30, 35, 40, 45, 50, 60, 65, 75, 85, 90)
_QUOTED_BPS += (100, 110, 125, 150, 175, 200)
_QUOTED_SHARE = 0.5
# Last year's return of the fund, shown beside in a share of questions.
_LAST_RETURN = pct((-15, 30), ((-15, 30),), decimals=1)
_BPS_FORMS = ("{v} bps", "{v} basis points", "{v} bp", "{v} bps")
_RETURN_NOTES = (
    " The fund returned {r} last year.",
    " It returned {r} last year, for what that's worth.",
    " Last year's return was {r}.",
    " Performance last year: {r}.",
)


def _fee_key(nums: Mapping[str, object]) -> str:
    return "bps" if "bps" in nums else "er"


def _fee_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The balance ``B`` and the expense ratio in percent ``er`` or (in :data:`BPS_SHARE` of
    draws) in basis points ``bps``, often a ratio as funds quote it; in
    :data:`SIDE_FIGURE_SHARE` of draws last year's return ``ret``."""
    key = "bps" if rng.random() < BPS_SHARE else "er"
    nums = draw_params(
        {"B": _BALANCE, key: _BASIS_POINTS if key == "bps" else _EXPENSE_RATIO}, rng, ood, 2
    )
    if not ood and rng.random() < _QUOTED_SHARE:
        bps = float(rng.choice(_QUOTED_BPS))
        if key == "bps":
            nums[key] = Num(bps, 0, "plain")
        else:
            ratio = bps / 100
            nums[key] = Num(ratio, next(d for d in range(3) if round(ratio, d) == ratio), "pct")
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["ret"] = _LAST_RETURN.draw(rng, False)
    return nums


def _fee_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The numbers as usual, basis points with their unit ("35 bps"); ``{fee}``: the expense
    ratio either way; last year's return, when drawn, in ``{ret_note}`` (a sentence),
    ``{ret_item}``, ``{ret_line}`` and ``{ret_chat}`` (all empty without one)."""
    texts = number_texts(rng, nums)
    if "bps" in nums:
        texts["bps"] = rng.choice(_BPS_FORMS).format(v=texts["bps"])
    texts["fee"] = texts[_fee_key(nums)]
    if "ret" in nums:
        r = texts["ret"]
        texts["ret_note"] = rng.choice(_RETURN_NOTES).format(r=r)
        texts["ret_item"] = f"\n- {rng.choice(('Last year', 'Return last year'))}: {r}"
        texts["ret_line"] = f"\nLast year's return: {r}"
        texts["ret_chat"] = rng.choice(
            (" (it did {r} last year)", ", returned {r} last yr")
        ).format(r=r)
    else:
        texts.update(dict.fromkeys(("ret_note", "ret_item", "ret_line", "ret_chat"), ""))
    return texts


def _fee_formula(f: Mapping[str, str]) -> str:
    if "bps" in f:  # hundredths of a percent
        return f"{f['B']}*{f['bps']}/10000"
    return f"{f['B']}*{f['er']}/100"


def _fee(v: Mapping[str, float]) -> float:
    # The fee on each 1,000 invested (0.35 % is 3.50; 35 bps is 3.50 too), times the thousands.
    per_thousand = v["er"] * 10 if "er" in v else v["bps"] / 10
    return v["B"] / 1000 * per_thousand


FUND_FEE = Family(
    name="fund_fee",
    unit="currency",
    reasoning="Annual fund fee = balance * expense ratio.",
    params={"B": _BALANCE, "er": _EXPENSE_RATIO, "bps": _BASIS_POINTS},
    sample=_fee_sample,
    render=_fee_texts,
    formula=_fee_formula,
    solve=_fee,
    uses=frozenset({"costs"}),
    convention="currency; one year's fee on the balance given, held constant over the year "
    "(no growth, no loads or trading costs); basis points are hundredths of a percent; a past "
    "return shown beside is not used",
    templates=(
        "I have {B} in an index fund with an expense ratio of {fee}.{ret_note} How much will I "
        "pay in fees this year?",
        "Balance {B}, expense ratio {fee}. Annual fee?",
        "Exam question: An investor holds {B} in a mutual fund whose annual expense ratio is "
        "{fee}.{ret_note} Calculate the fee paid over one year, assuming the balance stays the "
        "same.",
        "Hi Raj, the client has {B} in the bond fund (expense ratio {fee}).{ret_note} What does "
        "that cost them a year in fees? Thanks, Anna",
        "how much am i paying in fees?? {B} in an etf, expnse ratio {fee}{ret_chat}",
        "| balance | expense ratio |\n| {B} | {fee} |\nAnnual fee in currency?",
        "- Amount invested: {B}\n- Expense ratio: {fee}{ret_item}\nYearly fee?",
        "Please, I put {B} in a fund and the expense ratio is {fee}.{ret_note} How much money "
        "the fund takes every year?",
        "My grandfather, who still keeps his statements in a shoebox, has {B} in a managed fund "
        "charging {fee} a year.{ret_note} How much does he pay in fees annually?",
        "Fee drag: {B} in the sleeve, OCF {fee}.{ret_note} Annual cost?",
        "balance={B}; expense_ratio={fee}; annual_fee=?",
        "What is the yearly cost of holding {B} in a fund with an expense ratio of {fee}?"
        "{ret_note}",
        "Question 6 (1 mark). A fund charges an annual expense ratio of {fee}. An investor has "
        "{B} invested.{ret_note} Compute the annual fee in currency.",
        "Dear advisor, you recommended a fund with an expense ratio of {fee}. I plan to keep {B} "
        "in it.{ret_note} How much will the fees be per year? Best, Carol",
        "Annual fee on {B} at an expense ratio of {fee}?{ret_note}",
        "My 401(k) has {B} in a target-date fund; its expense ratio is {fee}.{ret_note} What do "
        "I pay in fund fees each year?",
        "How much a year does an expense ratio of {fee} cost on a balance of {B}?{ret_note}",
        "Interview question: a client holds {B} in a fund with an expense ratio of {fee}."
        "{ret_note} What is the annual fee?",
        "Textbook problem: The total expense ratio of a fund is {fee}. Compute the annual charge "
        "on a holding of {B}, assuming its value is unchanged over the year.{ret_note}",
        "Holding: {B}\nExpense ratio: {fee}{ret_line}\nAnnual fee = ?",
        "switching brokers and trying to see what my fund actually costs me. {B} in it, expense "
        "ratio {fee}{ret_chat}. how much per yr?",
        "Compute the annual expense charge on {B} invested in a fund with an expense ratio of "
        "{fee}.{ret_note}",
        "The pension fund option I picked has an annual management charge of {fee}. My balance "
        "there is {B}.{ret_note} How much do I pay in charges each year?",
        "Hello, kindly tell me the yearly fee. My investment is {B} and the fund expense ratio "
        "is {fee}.{ret_note}",
        "Cost check: {B} in the ETF, TER {fee}.{ret_note} Fee per year?",
    ),
    ood_templates=(
        "The manager skims {fee} off the pot every twelvemonth. With {B} entrusted, what does "
        "the manager pocket in a year?{ret_note}",
        "Levy charged by the vehicle: {fee} of assets, once a year. Assets entrusted: {B}. "
        "Money amount of the levy?{ret_note}",
        "Running charges of {fee} apply to a stake of {B}. What sum gets deducted over a full "
        "twelvemonth?{ret_note}",
    ),
    parts=Parts(
        labels={
            "B": (
                "balance",
                "amount invested",
                "account balance",
                "investment",
                "holding",
                "value of the holding",
                "fund balance",
                "money in the fund",
                "assets in the fund",
                "position size",
                "invested amount",
                "current balance",
            ),
            "er": (
                "expense ratio",
                "annual expense ratio",
                "TER",
                "total expense ratio",
                "ongoing charges figure",
                "OCF",
                "fee rate",
                "management fee rate",
                "annual fee rate",
                "net expense ratio",
                "expense ratio (annual)",
                "annual charge rate",
            ),
            "bps": (
                "expense ratio",
                "annual expense ratio",
                "fee in basis points",
                "TER",
                "total expense ratio",
                "management fee rate",
                "expense ratio in bps",
                "annual fee rate",
                "net expense ratio",
                "OCF",
                "ongoing charges figure",
                "fee rate",
            ),
            "ret": (
                "last year's return",
                "return last year",
                "1-year return",
                "trailing one-year return",
                "past year's performance",
                "previous year's return",
                "last year's performance",
                "one-year return",
                "prior-year return",
                "return in the past year",
                "1y performance",
                "fund return last year",
            ),
        },
        asks=(
            "What is the annual fee?",
            "How much do I pay in fees per year?",
            "What does the fund cost per year in currency?",
            "Compute the annual fee.",
            "Annual fee?",
            "What is the yearly expense in money terms?",
            "How much does the expense ratio cost each year?",
            "What is the cost of the expense ratio per year, in currency?",
            "What are the fund's annual charges on this balance?",
            "Work out the yearly fee.",
            "fees per year?",
            "How much goes to the fund manager in fees each year?",
            "What is the annual expense charge?",
            "What does the fund take in fees over a year?",
            "Calculate the annual cost of owning the fund.",
            "What is the fee drag in currency for one year?",
            "How much will the expense ratio cost me this year?",
            "What is the yearly cost of holding the fund?",
            "What is the annual management fee in money?",
            "Fee per year, please.",
            "what do i pay the fund each year?",
        ),
        ood_labels={
            "B": ("sum entrusted to the manager",),
            "er": ("levy on assets every twelvemonth",),
            "bps": ("levy on assets every twelvemonth",),
        },
        ood_asks=(
            "What sum does the manager pocket over a twelvemonth?",
            "Quantify the yearly levy as a money amount.",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    RETURN_ON_EQUITY,
    RETURN_ON_ASSETS,
    GROSS_RENTAL_YIELD,
    FUND_FEE,
)
