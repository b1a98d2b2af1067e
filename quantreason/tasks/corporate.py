"""Corporate-finance and track-record families: the weighted average cost of capital, and the
average annual compound (geometric mean) return of a run of yearly returns.

Analysts and students ask for a WACC whenever they value a company or a project ("market cap,
debt, cost of equity, cost of debt and tax rate: what discount rate do I use in the DCF?").
Fund holders and factsheet writers ask for the geometric mean return to turn a few years of
uneven returns into one per-year figure ("+12 %, -8 %, +15 %: what did it make a year?"); it
is the per-year sibling of ``multi_period_return``, which asks for the total over all the
years. Solvers are written independently of the formula text (weights first, then the
weighted costs; the mean of log growth factors).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from quantreason.tasks.base import Family, Parts, money, pct

# --- wacc ----------------------------------------------------------------------------------------


def _wacc(v: Mapping[str, float]) -> float:
    # Market-value weights first, then each source's cost; debt's cost is cut by the tax shield.
    total = v["E"] + v["D"]
    equity_weight, debt_weight = v["E"] / total, v["D"] / total
    after_tax_debt = v["rd"] - v["rd"] * v["t"] / 100
    return equity_weight * v["re"] + debt_weight * after_tax_debt


def _wacc_valid(v: Mapping[str, float]) -> bool:
    # Debt costs less than equity, and the firm is neither all equity nor nearly all debt.
    return v["rd"] < v["re"] and 0.05 <= v["D"] / (v["E"] + v["D"]) <= 0.8


WACC = Family(
    name="wacc",
    uses=frozenset({"taxes"}),
    unit="percent",
    reasoning="WACC = (E * cost of equity + D * cost of debt * (1 - tax)) / (E + D).",
    params={
        # Out of range, bands are paired: a large firm in a high-rate, high-tax world, or a small
        # firm in a low-rate, low-tax one.
        "E": money((5_000_000, 2_000_000_000), ((5e9, 9e10), (50_000, 900_000))),
        "D": money((1_000_000, 1_000_000_000), ((2e9, 5e10), (10_000, 400_000))),
        "re": pct((6, 16), ((17, 30), (2, 5.5)), ood_decimals=2),
        "rd": pct((2, 9), ((10, 18), (0.2, 1.8)), ood_decimals=2),
        "t": pct((15, 35), ((36, 50), (2, 12)), decimals=0, ood_decimals=1),
    },
    valid=_wacc_valid,
    formula=lambda f: (
        f"({f['E']}*{f['re']}+{f['D']}*{f['rd']}*(1-{f['t']}/100))/({f['E']}+{f['D']})"
    ),
    solve=_wacc,
    convention="percent; market-value weights; the cost of debt is given before tax and cut by "
    "the tax rate (interest is deductible); no preferred stock",
    templates=(
        "A company's equity has a market value of {E} and its debt a market value of {D}. The "
        "cost of equity is {re}, the pre-tax cost of debt is {rd} and the tax rate is {t}. "
        "What is the WACC?",
        "Compute the weighted average cost of capital: equity {E}, debt {D}, cost of equity "
        "{re}, pre-tax cost of debt {rd}, tax rate {t}.",
        "E = {E}, D = {D}, r_e = {re}, r_d = {rd} (pre-tax), T = {t}. WACC?",
        "Exam question: XYZ Ltd has shares with a total market value of {E} and bonds with a "
        "market value of {D}. Shareholders require a return of {re}, the bonds yield {rd} "
        "before tax and the corporate tax rate is {t}. Calculate the weighted average cost of "
        "capital.",
        "Hi Tom, for the DCF I need the WACC. Market cap is {E}, debt at market is {D}, cost "
        "of equity {re}, pre-tax cost of debt {rd}, marginal tax rate {t}. Thanks!",
        "wacc? equity {E}, debt {D}, ke {re}, kd {rd} pre-tax, tax {t}",
        "| E | D | r_e | r_d (pre-tax) | tax rate |\n| {E} | {D} | {re} | {rd} | {t} |\nWACC = ?",
        "What discount rate should we use for the firm's average-risk projects? Its equity is "
        "worth {E} in the market and its debt {D}; equity investors want {re}, lenders charge "
        "{rd}, and interest is tax-deductible at {t}.",
        "Please I need the WACC of my company. Equity value is {E}, debt is {D}, the cost of "
        "equity is {re}, the debt cost {rd} before tax, and the tax is {t}. How much is the "
        "WACC?",
        "Weighted by market values ({E} of equity, {D} of debt), what is the cost of capital "
        "if equity costs {re}, debt costs {rd} pre-tax and the tax rate is {t}?",
        "My corporate finance lecturer gave us this one: a firm is financed with {E} of equity "
        "and {D} of debt, both at market value. Cost of equity {re}, yield on its debt {rd}, "
        "tax rate {t}. Find the WACC, remembering the tax shield on debt.",
        "The capital structure is {D} of debt and {E} of equity at market value. With a {t} "
        "tax rate, a {rd} pre-tax cost of debt and a {re} cost of equity, what is the "
        "after-tax WACC?",
        "- Market value of equity: {E}\n- Market value of debt: {D}\n- Cost of equity: {re}\n"
        "- Cost of debt (before tax): {rd}\n- Tax rate: {t}\nWeighted average cost of capital?",
        "Dear analyst, could you confirm the WACC for our valuation? Our shares are worth {E} "
        "in total, our outstanding bonds are valued at {D}, the cost of equity from CAPM is "
        "{re}, the bonds yield {rd}, and we pay tax at {t}. Kind regards, Maria",
        "Equity costs {re} and debt {rd} before tax; the tax rate is {t}. Market values are {E} "
        "for equity and {D} for debt. WACC in percent?",
        "ok so market cap {E}, debt {D}, cost of equity {re}, interest rate on the debt {rd}, "
        "tax {t}. whats the wacc",
        "Find the company's overall cost of capital. Its stock is worth {E} in total and its "
        "debt {D}; the required return on the stock is {re}, the debt's pre-tax yield is {rd}, "
        "and interest saves tax at {t}.",
        "WACC calc | E {E} | D {D} | Re {re} | Rd {rd} | tax {t}",
        "Working on a valuation model. What WACC do I get with {E} of equity and {D} of debt "
        "at market values, a {re} cost of equity, a {rd} cost of debt before tax and a {t} "
        "corporate tax rate?",
        "My uncle owns a share of a small brewery. An adviser valued the brewery's equity at "
        "{E}, and it owes {D} to the bank. The owners expect {re} a year, the bank charges "
        "{rd}, and the brewery pays tax at {t}, so the interest saves some tax. What is the "
        "brewery's weighted average cost of capital?",
        "Examination item: A firm's capital consists of equity with a market value of {E} and "
        "debt with a market value of {D}. The cost of equity is {re} and the pre-tax cost of "
        "debt is {rd}. The corporate tax rate is {t}. Determine the weighted average cost of "
        "capital.",
        "Tax rate {t}, pre-tax cost of debt {rd}, cost of equity {re}, debt {D}, equity {E}: "
        "what is the WACC?",
        "We are raising money for a new plant and the board wants a hurdle rate. Equity at "
        "market: {E}. Debt at market: {D}. Required return on equity: {re}. Interest rate on "
        "our bonds: {rd}, deductible at the {t} tax rate. What WACC should we use?",
        "Calculate WACC with market-value weights: equity value {E}, debt value {D}, cost of "
        "equity {re}, pre-tax cost of debt {rd}, corporate tax {t}.",
        "i'm learning DCF. the company has {E} equity and {D} debt, cost of equity {re}, cost "
        "of debt {rd} before tax, tax rate {t}. what's the wacc?",
        "Cost of equity: {re}. Cost of debt (pre-tax): {rd}. Tax: {t}. Equity: {E}. Debt: {D}. "
        "Weighted average cost of capital = ?",
        "From the equity research draft: the company's market capitalisation is {E} and its "
        "debt is valued at {D}. We use a cost of equity of {re}, a pre-tax cost of debt of "
        "{rd} and a tax rate of {t}. What WACC does that give?",
        "The company have equity {E} and debt {D}. Cost of the equity is {re}, cost of the "
        "debt is {rd} before the tax, tax rate {t}. Which is the WACC?",
    ),
    ood_templates=(
        "Blend the funding costs: shareholders' funds {E} at {re}, borrowings {D} at {rd} "
        "before tax, the interest being deductible at {t}. Resulting capital cost?",
        "A business is carried at {E} of stock and {D} of bonds. If owners demand {re}, "
        "bondholders receive {rd} and profits are taxed at {t}, what overall financing rate "
        "does it face?",
        "Market weights {E} (equity) / {D} (debt); equity return demanded {re}; debt yield "
        "{rd}; tax shelter at {t}. Give the weighted capital cost in %.",
        "Our CFO asks what average cost of financing we carry when stock worth {E} requires "
        "{re} and loans worth {D} cost {rd}, with interest deductible at {t}.",
        "Determine the discount rate blending a {re} equity cost and a {rd} debt cost (pre-tax, "
        "tax rate {t}), with {E} and {D} as the respective market values.",
        "A listed utility: {E} equity capitalisation, {D} bonds outstanding, {re} equity "
        "hurdle, {rd} yield on its bonds, {t} taxation. Weighted average cost of capital, "
        "please.",
    ),
    parts=Parts(
        labels={
            "E": (
                "market value of equity",
                "equity market value",
                "market capitalisation",
                "equity (at market value)",
                "value of the company's shares",
                "market cap",
                "total equity value",
                "E (equity at market)",
                "equity capitalisation",
                "value of common equity",
                "equity value",
                "market value of the common stock",
            ),
            "D": (
                "market value of debt",
                "debt market value",
                "debt outstanding",
                "debt (at market value)",
                "value of the company's bonds and loans",
                "borrowings at market value",
                "total debt value",
                "D (debt at market)",
                "value of debt",
                "debt capital at market value",
                "market value of loans and bonds",
                "total borrowings",
            ),
            "re": (
                "cost of equity",
                "required return on equity",
                "equity investors' required return",
                "r_e",
                "ke",
                "cost of equity capital",
                "return shareholders require",
                "equity cost",
                "cost of common equity",
                "required rate of return on equity",
                "equity hurdle rate",
                "cost of equity (CAPM)",
            ),
            "rd": (
                "pre-tax cost of debt",
                "cost of debt before tax",
                "yield on the debt",
                "interest rate on debt",
                "r_d (pre-tax)",
                "kd before tax",
                "borrowing rate",
                "bond yield (pre-tax)",
                "yield to maturity on the debt",
                "cost of borrowing before tax",
                "pre-tax interest rate",
                "gross cost of debt",
            ),
            "t": (
                "tax rate",
                "corporate tax rate",
                "marginal tax rate",
                "income tax rate",
                "tax rate (T)",
                "corporate tax",
                "rate of corporation tax",
                "company tax rate",
                "effective tax rate",
                "statutory tax rate",
                "tax rate on earnings",
                "corporate income tax rate",
            ),
        },
        asks=(
            "What is the WACC?",
            "What is the weighted average cost of capital?",
            "What is the company's cost of capital?",
            "Compute the WACC.",
            "What is the after-tax WACC in percent?",
            "What discount rate does the WACC come to?",
            "What is the blended cost of capital, weighted by market values?",
            "Work out the weighted average cost of capital, with the tax shield on debt.",
            "What is the firm's WACC using market-value weights?",
            "What hurdle rate does this capital structure give?",
            "What discount rate should the DCF use for the whole firm (the WACC)?",
            "What is the firm-wide required return on capital, with debt taken after tax?",
            "wacc?",
            "What rate should free cash flow to the firm be discounted at?",
            "What is the capital-weighted cost of debt and equity, after tax?",
            "What is the after-tax weighted cost of equity and debt?",
            "Compute the WACC with the tax-deductible cost of debt.",
            "What is the opportunity cost of capital for the enterprise as a whole?",
            "What cost of capital goes into the enterprise DCF?",
            "What is the combined after-tax cost of capital, weighted by market value?",
            "What minimum return must new projects clear, judged by the WACC?",
        ),
        ood_labels={
            "E": ("worth of all shares outstanding", "shareholders' capital at market"),
            "D": ("worth of outstanding borrowing", "creditors' capital at market"),
            "re": ("return owners demand",),
            "rd": ("lenders' rate before tax relief",),
            "t": ("profits tax",),
        },
        ood_asks=("Determine the market-weighted average funding cost.",),
    ),
)

# --- geometric_mean_return -----------------------------------------------------------------------

# Yearly returns in order: every question has three, a list may run to six.
_YEARS = ("r1", "r2", "r3", "r4", "r5", "r6")
_POSITIONS = ((1, "one"), (2, "two"), (3, "three"), (4, "four"), (5, "five"), (6, "six"))


def _year_labels(forms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Labels of the six yearly returns from ``forms`` written with ``{n}`` or ``{word}``.

    Every label carries its year as a digit or a number word: a composed question shows its
    returns shuffled, and the label of the last year is where it states how many there are,
    the root the formula takes (4, 5 or 6 are no structural constants, so they must be shown
    for the formula to be grounded)."""
    return {f"r{n}": tuple(form.format(n=n, word=word) for form in forms) for n, word in _POSITIONS}


def _present(v: Mapping[str, object]) -> list[str]:
    return [key for key in _YEARS if key in v]


def _geometric_mean(v: Mapping[str, float]) -> float:
    # The mean of the log growth factors, turned back into a rate.
    logs = [math.log1p(v[key] / 100) for key in _present(v)]
    return math.expm1(math.fsum(logs) / len(logs)) * 100


def _geometric_formula(f: Mapping[str, str]) -> str:
    keys = _present(f)
    factors = "*".join(f"(1+{f[key]}/100)" for key in keys)
    return f"(({factors})**(1/{len(keys)})-1)*100"


GEOMETRIC_MEAN_RETURN = Family(
    name="geometric_mean_return",
    unit="percent",
    reasoning="Geometric mean return = ((1 + r1)(1 + r2)...(1 + rn))^(1 / n) - 1.",
    params={name: pct((-25, 30), ((-60, -26), (31, 80)), decimals=1) for name in _YEARS},
    optional=_YEARS[3:],
    valid=lambda v: abs(_geometric_mean({key: v[key] for key in _YEARS[:3]})) > 0.05,
    formula=_geometric_formula,
    solve=_geometric_mean,
    convention="percent per year: the compound (geometric) average of the three to six yearly "
    "returns given, not their arithmetic mean nor their total; negative when the value fell",
    templates=(
        "A fund returned {r1}, {r2} and {r3} in three consecutive years. What is its geometric "
        "mean annual return?",
        "Yearly returns were {r1}, {r2} and {r3}. What is the average annual compound return "
        "over the three years?",
        "My index fund made {r1} in year one, {r2} in year two and {r3} in year three. What "
        "did it earn per year on average, compounded?",
        "Compute the geometric average of these annual returns: {r1}, {r2}, {r3}.",
        "Exam question: a portfolio earns {r1}, {r2} and {r3} in three successive years. "
        "Calculate its geometric mean return per year, in percent.",
        "annual returns {r1}, {r2}, {r3} - geometric mean return per year? pls",
        "Hi Raj, for the factsheet I need the fund's annualised (geometric) return over the "
        "last three years. The yearly figures were {r1}, {r2} and {r3}. Thanks!",
        "year 1: {r1} | year 2: {r2} | year 3: {r3} | geometric mean return p.a. = ?",
        "What constant annual return would have produced the same ending value as returns of "
        "{r1}, {r2} and {r3} in three successive years?",
        "Not the arithmetic average, please: what is the compound average yearly return of a "
        "stock that returned {r1}, then {r2}, then {r3} over three years?",
        "My grandmother's pension pot had three bumpy years: {r1}, {r2} and {r3}. She asked me "
        "what that works out to per year, compounded, rather than in total. What should I tell "
        "her?",
        "Returns by year - 2021: {r1}, 2022: {r2}, 2023: {r3}. Geometric average annual return?",
        "Three years of returns: {r1}, {r2} and {r3}. Annualised compound return?",
        "Mean annual return (geometric, not arithmetic) for yearly returns of {r1}, {r2} and {r3}?",
        "The fund make {r1} first year, {r2} second year and {r3} third year. How much percent "
        "it make each year in average, with the compounding?",
        "Geo mean p.a. | Y1 {r1} | Y2 {r2} | Y3 {r3}",
        "Examination item: The annual returns of a security over three years were {r1}, {r2} "
        "and {r3}. Determine the geometric mean annual rate of return.",
        # Longer lists (Family.optional): four, five and six years, the count always stated.
        "Annual returns for the last four years, oldest first: {r1}, {r2}, {r3}, {r4}. What is "
        "the geometric mean return per year?",
        "year 1: {r1}\nyear 2: {r2}\nyear 3: {r3}\nyear 4: {r4}\nAverage annual compound return?",
        "ok so my portfolio did {r1}, {r2}, {r3} and {r4} over 4 years. whats that per year if "
        "you compound it, not the simple average?",
        "A manager's four annual returns were {r1}, {r2}, {r3} and {r4}. Compute the "
        "time-weighted return per year.",
        "My fund returned {r1}, {r2}, {r3}, {r4} and {r5} over five straight years. What is its "
        "geometric average annual return?",
        "Five-year track record: {r1}, {r2}, {r3}, {r4}, {r5}. Annualised return (geometric mean)?",
        "Dear advisor, over the past 5 years my pension returned {r1}, {r2}, {r3}, {r4} and "
        "{r5}. What single yearly return, compounded, would have given the same result?",
        "Annual returns for six years: {r1}, {r2}, {r3}, {r4}, {r5}, {r6}. What is the "
        "geometric mean annual return?",
        "| year | 1 | 2 | 3 | 4 | 5 | 6 |\n| return | {r1} | {r2} | {r3} | {r4} | {r5} | {r6} |"
        "\nCompound average return per year?",
        "Please work out the average yearly return, compounded, of a fund that returned {r1}, "
        "{r2}, {r3}, {r4}, {r5} and {r6} in six consecutive years.",
    ),
    ood_templates=(
        "Three calendar years delivered {r1}, {r2} and {r3}. Expressed as one steady rate a "
        "year, with compounding, what is that?",
        "Across three years the book posted {r1}, {r2}, {r3}. Give the geometric per-year average.",
        "Our trust's yearly results came in at {r1}, {r2} and {r3}. Express the three-year "
        "record as an annualised geometric figure.",
        "What smooth annual rate reproduces the growth of four yearly results: {r1}, {r2}, "
        "{r3}, {r4}?",
        "Five annual figures for the endowment: {r1}; {r2}; {r3}; {r4}; {r5}. Per-year "
        "compound average?",
        "Six calendar-year results: {r1} and {r2} early on, {r3} and {r4} in the middle, {r5} "
        "and {r6} lately. Which yearly rate, compounded, matches them?",
    ),
    parts=Parts(
        labels=_year_labels(
            (
                "year {n} return",
                "return in year {n}",
                "return for year {word}",
                "annual return for year {n}",
                "year {word} performance",
                "yr {n} return (%)",
                "return over year {n}",
                "year {n} gain or loss",
                "performance in year {n}",
                "year {n} total return",
                "return earned in year {word}",
                "investment return for year {n}",
            )
        ),
        asks=(
            "What is the geometric mean annual return?",
            "What is the average annual compound return?",
            "What is the compound average return per year?",
            "What is the annualised return over these years?",
            "Compute the geometric average of the yearly returns.",
            "What is the time-weighted return per year?",
            "What constant yearly return would give the same ending value?",
            "What is the mean return per year, geometric rather than arithmetic?",
            "Annualise these yearly returns into one compound rate.",
            "What did the investment earn per year on average, with compounding?",
            "What is the compound annual return over the whole run of years?",
            "What is the n-th root of the product of one plus each return, minus one, in percent?",
            "geo mean return p.a.?",
            "What is the annualised track-record return (geometric)?",
            "What did the fund make per year, compounding the yearly returns instead of averaging?",
            "What is the per-year CAGR implied by these annual returns?",
            "What is the average yearly compound return for the track record?",
            "Give the geometric (not simple) average of these annual returns.",
            "What return per year, linked geometrically, did the investment achieve?",
            "Chain-link the yearly returns and annualise: what rate per year?",
            "For the factsheet, what is the annualised geometric performance?",
            "What average yearly return survives volatility drag (the geometric mean)?",
        ),
        ood_labels=_year_labels(
            (
                "result of fiscal year {n}",
                "percentage change in year {word}",
                "calendar year {n} outcome",
            )
        ),
        ood_asks=("Report the per-annum geometric average.",),
    ),
)

FAMILIES: tuple[Family, ...] = (WACC, GEOMETRIC_MEAN_RETURN)
