"""Planning arithmetic: a portfolio's return with cash flows in the period, how fast a company can
grow from its own earnings, the sales volume that earns a target profit, and how long money
takes to double when interest is compounded more than once a year.

``modified_dietz`` is the Modified Dietz return over one period: the gain (ending value less
beginning value less net external flows) over the beginning value plus each flow weighted by the
fraction of the period it was in the account, in percent. Deposits count positive, withdrawals
negative. A question gives the period's length in days and, for one or two flows, either the day
of the period it happened on (a flow on day ``d`` of a ``D``-day period is in the account for
``D - d`` days: ``5000*(90-20)/90``) or how many days of the period were left after it
(``5000*70/90``): ``(112500-100000-5000+3000)/(100000+5000*(90-20)/90-3000*(90-60)/90)*100``.
The return is for the period, not annualised. The direction of every flow is in its words
(deposited, added, contributed; withdrew, took out, redeemed), and the formula names it as a
word beside the flow's size and its weight, which :func:`quantreason.formula.modified_dietz`
signs (a deposit taken off the gain and added to the capital, a withdrawal the other way round):
``modified_dietz(100000,112500,"deposit",5000,(90-20)/90,"withdrawal",3000,(90-60)/90)``. Some
questions show the benchmark's return over the period beside the inputs; it is never used.

``sustainable_growth`` is ROE times the retention ratio (1 - payout ratio), in percent. Four
forms: ROE and the payout ratio, ``15*(1-40/100)``; ROE and the retention (plowback) ratio,
``15*60/100``; net income, dividends and beginning-of-year equity, ROE being net income over
the equity at the start of the year and retention one less dividends over net income,
``4500000/30000000*(1-1800000/4500000)*100``; or EPS and DPS with ROE, ``14*(1-0.8/2.5)``.
The question names the ratio it gives (payout or retention) and which equity. Some questions
show a figure beside them that the rate never uses: the cost of equity, the year's revenue, or
the share price.

``target_profit_units`` is the volume that earns a stated target profit: (fixed costs + target
profit) / (price - variable cost per unit), ``(250000+80000)/(45-28.5)``. Every question says
how to round: rounded up to a whole unit (``ceil(...)``) where it asks for whole units,
otherwise the exact quotient. A target profit above zero is always stated (without one it is
``breakeven_units``). Like that sibling, the answer is a plain number (unit ``ratio``, nil
tolerance): ``count`` would store the exact quotient rounded. Some questions show last period's
volume or the capacity beside the inputs; neither is used.

``doubling_time_periodic`` is the exact time, in years, for money to double at a nominal annual
rate compounded ``m`` times a year (semi-annually, quarterly, monthly, or daily on a 365-day
year): ``ln(2)/(12*ln(1+6/100/12))``, not the rule of 72. Every question names a compounding
frequency other than once a year (annual compounding is ``doubling_time``). Some questions say
how much is deposited, which changes nothing.

Variants are told apart by which keys a draw holds (``c1``/``w1`` and ``d1``/``k1``; ``p``,
``b``, ``NI`` or ``EPS``; ``up`` or ``ex``): formula builders never branch on a number's
digits. Solvers are written independently of the formula text: a day-by-day average of the
capital at work, equity grown for a year with its earnings less dividends, profit checked from
the revenue needed, and whole compounding periods counted before a bisection within the last.
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
    amount_beside,
    draw_params,
    money,
    number_texts,
    pct,
    plain,
    side_sentences,
    significant,
    with_article,
)
from quantreason.tasks.business import (
    COST_VOLUME_LABELS,
    COST_VOLUME_OOD_LABELS,
    ROUNDING_LABELS,
)


def _join(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def _flag() -> Num:
    """A hidden key marking a variant: never written in a formula, shown by its own text."""
    return Num(1.0, 0, "plain")


def _total_like(rng: random.Random, raw: float, like: Num) -> Num:
    """A total drawn beside ``like`` (an ending value beside a beginning value): shown with its
    scale, to two decimals in millions ("$1.31M" beside "$1.2M") and one in thousands, or in
    full to four or five significant figures, in whole units."""
    if like.scale != 1:
        decimals = max(like.decimals, 2 if like.scale >= 1e6 else 1)
        return Num(round(raw / like.scale, decimals) * like.scale, decimals, "money", like.scale)
    return Num(significant(raw, rng.choice((4, 5)), whole=True), 0, "money")


# --- modified_dietz ---------------------------------------------------------------------------

# The beginning value; out of range, an institutional mandate's or a small first account's.
_MD_BEGIN = money((10_000, 5_000_000), ((8_000_000, 900_000_000), (400, 6_000)))
# Days in the period, and what such a period is called.
_PERIOD_NAMES: dict[float, str] = {
    28.0: "month",
    30.0: "month",
    31.0: "month",
    90.0: "quarter",
    91.0: "quarter",
    92.0: "quarter",
    181.0: "half-year",
    182.0: "half-year",
    184.0: "half-year",
    365.0: "year",
    366.0: "year",
    45.0: "period",
    60.0: "period",
    120.0: "period",
    200.0: "period",
}
_PERIOD_WEIGHTS = (
    (28.0, 1),
    (30.0, 4),
    (31.0, 4),
    (90.0, 5),
    (91.0, 4),
    (92.0, 5),
    (181.0, 2),
    (182.0, 1),
    (184.0, 1),
    (365.0, 4),
    (366.0, 1),
    (45.0, 1),
    (60.0, 1),
    (120.0, 1),
    (200.0, 1),
)
_MD_PARAMS: dict[str, Param] = {
    "B": _MD_BEGIN,
    "D": plain((0, 0), ((0, 0),), choices=tuple(_PERIOD_NAMES)),
}
TWO_FLOWS_SHARE = 0.5
DEPOSIT_SHARE = 0.5
DAYS_LEFT_SHARE = 0.4  # questions saying how many days of the period were left after each flow
# The benchmark's return over the period, which people write beside a portfolio's.
_MD_SIDE = {"bm": pct((-6, 12), ())}
_MD_ASIDES = {
    "bm": (
        "The benchmark returned {bm} over the same period.",
        "For comparison, the index returned {bm} over the same stretch.",
        "The benchmark's return for the period was {bm}.",
        "(The client's benchmark did {bm} in that period.)",
        "A yardstick index delivered {bm} across that window.",
    )
}


def flow_keys(values: Values | Mapping[str, object]) -> list[tuple[str, str, bool]]:
    """The flows a draw holds, in date order: (amount key, timing key, is a deposit)."""
    found = []
    for i in (1, 2):
        for key, deposit in ((f"c{i}", True), (f"w{i}", False)):
            if key in values:
                timing = f"d{i}" if f"d{i}" in values else f"k{i}"
                found.append((key, timing, deposit))
    return found


def _md_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The beginning value in one band and style, the period, one or two flows (deposits in
    DEPOSIT_SHARE of them) dated by day or by days left, an ending value from a return of -12
    to +22 % on the capital at work, and the benchmark in SIDE_FIGURE_SHARE of draws."""
    nums = draw_params({"B": _MD_BEGIN}, rng, ood)
    begin = nums["B"]
    days, weights = zip(*_PERIOD_WEIGHTS, strict=True)
    period = rng.choices(days, weights)[0]
    nums["D"] = Num(period, 0, "plain")
    count = 2 if rng.random() < TWO_FLOWS_SHARE else 1
    days_left = rng.random() < DAYS_LEFT_SHARE
    flow_days = sorted(rng.sample(range(2, round(period) - 1), count))
    capital, net = begin.value, 0.0
    for i, day in enumerate(flow_days, 1):
        deposit = rng.random() < DEPOSIT_SHARE
        raw = begin.value * math.exp(rng.uniform(math.log(0.02), math.log(0.4)))
        amount = amount_beside(rng, raw, begin)
        nums[f"c{i}" if deposit else f"w{i}"] = amount
        if days_left:
            nums[f"k{i}"] = Num(period - day, 0, "plain")
        else:
            nums[f"d{i}"] = Num(float(day), 0, "plain")
        sign = 1 if deposit else -1
        net += sign * amount.value
        capital += sign * amount.value * (period - day) / period
    ending = begin.value + net + capital * rng.uniform(-0.12, 0.22)
    nums["E"] = _total_like(rng, max(ending, 0.05 * begin.value), begin)
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["bm"] = _MD_SIDE["bm"].draw(rng, False)
    return nums


def _modified_dietz(v: Mapping[str, float]) -> float:
    """The gain over the capital at work averaged day by day: each flow is in the account from
    the day after it happened to the period's last day."""
    period = round(v["D"])
    flows = []
    for key, timing, deposit in flow_keys(v):
        day = v[timing] if timing.startswith("d") else period - v[timing]
        flows.append((round(day), v[key] if deposit else -v[key]))
    capital_days = 0.0
    for today in range(1, period + 1):
        capital_days += v["B"] + sum(amount for day, amount in flows if today > day)
    average = capital_days / period
    gain = v["E"] - v["B"] - sum(amount for _, amount in flows)
    return gain / average * 100


def _md_valid(v: Mapping[str, float]) -> bool:
    if v["E"] <= 0:
        return False
    period = v["D"]
    capital = v["B"]
    for key, timing, deposit in flow_keys(v):
        share = (period - v[timing] if timing.startswith("d") else v[timing]) / period
        capital += (1 if deposit else -1) * v[key] * share
    # a return people report for one period, on capital that stays well above zero
    return capital > 0.4 * v["B"] and -30 <= _modified_dietz(v) <= 45


def _md_formula(f: Mapping[str, str]) -> str:
    # Each flow as a direction word, its size and its weight, which modified_dietz() reads:
    # written out with signs in two places, run BR added withdrawals as deposits and put each
    # flow's size in the weight (experiments.md, session 38).
    flows = ""
    for key, timing, deposit in flow_keys(f):
        share = (
            f"({f['D']}-{f[timing]})/{f['D']}"
            if timing.startswith("d")
            else (f"{f[timing]}/{f['D']}")
        )
        flows += f',"{"deposit" if deposit else "withdrawal"}",{f[key]},{share}'
    return f"modified_dietz({f['B']},{f['E']}{flows})"


# How each flow is written: a noun phrase, a verb phrase (after a subject), a composed value,
# by a day of the period ({d}) or by the days left after it ({k}).
_FLOW_NOUNS = {
    (True, "d"): (
        "a deposit of {a} on day {d}",
        "a contribution of {a} on day {d}",
        "a deposit of {a} at the end of day {d}",
        "a contribution of {a} made {d} days into the {span}",
    ),
    (False, "d"): (
        "a withdrawal of {a} on day {d}",
        "a redemption of {a} on day {d}",
        "a withdrawal of {a} at the end of day {d}",
        "a withdrawal of {a} taken {d} days into the {span}",
    ),
    (True, "k"): (
        "a deposit of {a} that was in the account for the last {k} days",
        "a contribution of {a} made with {k} days of the {span} left",
        "a deposit of {a} made {k} days before the {span} ended",
    ),
    (False, "k"): (
        "a withdrawal of {a} made with {k} days of the {span} left",
        "a withdrawal of {a} taken {k} days before the {span} ended",
        "a redemption of {a} with {k} days of the {span} still to run",
    ),
}
_FLOW_VERBS = {
    (True, "d"): ("deposited {a} on day {d}", "added {a} on day {d}", "put in {a} on day {d}"),
    (False, "d"): ("withdrew {a} on day {d}", "took out {a} on day {d}"),
    (True, "k"): (
        "deposited {a} with {k} days of the {span} left",
        "added {a} {k} days before the {span} ended",
    ),
    (False, "k"): (
        "withdrew {a} with {k} days of the {span} left",
        "took out {a} {k} days before the {span} ended",
    ),
}
_FLOW_VALUES = {
    (True, "d"): ("{a} on day {d}", "{a} (day {d})", "{a} at the end of day {d}"),
    (False, "d"): ("{a} on day {d}", "{a} (day {d})", "{a} at the end of day {d}"),
    (True, "k"): (
        "{a} (in the account for the last {k} days)",
        "{a} with {k} days of the {span} left",
    ),
    (False, "k"): ("{a} with {k} days of the {span} left", "{a} ({k} days before the end)"),
}


def _md_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{span}`` what the period is called ("quarter"), ``{period}`` it with
    its days ("a 90-day quarter"), ``{days}`` ("90 days"); the flows as noun phrases
    (``{flows}``), a verb phrase (``{flows_verb}``), list lines (``{flows_list}``) and a
    markdown table (``{flows_table}``). Under each flow's key, its amount with its timing, and
    under ``D`` the days, as composed questions show them."""
    texts = number_texts(rng, nums)
    period = nums["D"].value
    span = _PERIOD_NAMES[period]
    texts["span"] = span
    texts["days"] = f"{texts['D']} days"
    if rng.random() < 0.6:
        texts["period"] = with_article(f"{texts['D']}-day {span}")
    else:
        texts["period"] = f"{with_article(span)} of {texts['D']} days"
    nouns, verbs, lines, rows = [], [], [], []
    for key, timing, deposit in flow_keys(nums):
        style = (deposit, timing[0])
        slots = {"a": texts[key], "span": span, timing[0]: texts[timing]}
        nouns.append(rng.choice(_FLOW_NOUNS[style]).format(**slots))
        verbs.append(rng.choice(_FLOW_VERBS[style]).format(**slots))
        kind = "Deposit" if deposit else "Withdrawal"
        if timing.startswith("d"):
            lines.append(f"- Day {texts[timing]}: {kind.lower()} of {texts[key]}")
            rows.append(f"| {texts[timing]} | {kind} | {texts[key]} |")
        else:
            lines.append(f"- {kind} of {texts[key]} with {texts[timing]} days of the {span} left")
            rows.append(f"| {kind} | {texts[key]} | {texts[timing]} |")
        texts[key] = rng.choice(_FLOW_VALUES[style]).format(**slots)
    texts["flows"] = _join(nouns)
    texts["flows_verb"] = _join(verbs)
    texts["flows_list"] = "\n".join(lines)
    if any(timing.startswith("d") for _, timing, _ in flow_keys(nums)):
        header = "| Day | Flow | Amount |"
    else:
        header = f"| Flow | Amount | Days left in the {span} |"
    texts["flows_table"] = f"{header}\n|---|---|---|\n" + "\n".join(rows)
    texts["Dn"], texts["D"] = texts["D"], texts["days"]
    return texts


_DEPOSIT_LABELS = (
    "deposit",
    "contribution",
    "cash injection",
    "external inflow",
    "client contribution",
    "capital injection",
    "subscription",
    "payment into the account",
    "deposit into the account",
    "incoming cash flow",
    "cash contribution",
    "top-up",
)
_LATER_DEPOSIT_LABELS = (
    "later deposit",
    "further deposit",
    "additional contribution",
    "subsequent contribution",
    "later contribution",
    "second inflow",
    "further cash injection",
    "later top-up",
    "additional deposit",
    "subsequent deposit",
    "later subscription",
    "further contribution",
)
_WITHDRAWAL_LABELS = (
    "withdrawal",
    "redemption",
    "cash outflow",
    "external outflow",
    "client withdrawal",
    "capital withdrawal",
    "payment out of the account",
    "withdrawal from the account",
    "outgoing cash flow",
    "cash withdrawal",
    "distribution to the client",
    "withdrawn amount",
)
_LATER_WITHDRAWAL_LABELS = (
    "later withdrawal",
    "further withdrawal",
    "subsequent redemption",
    "later redemption",
    "additional withdrawal",
    "second outflow",
    "further cash outflow",
    "subsequent withdrawal",
    "later distribution to the client",
    "further redemption",
    "later withdrawn amount",
    "additional redemption",
)

MODIFIED_DIETZ = Family(
    name="modified_dietz",
    unit="percent",
    reasoning="Modified Dietz return = (ending value - beginning value - net flows) / (beginning "
    "value + each flow * fraction of the period it was invested) * 100.",
    params=_MD_PARAMS,
    sample=_md_sample,
    render=_md_texts,
    aside=side_sentences(_MD_ASIDES),
    valid=_md_valid,
    formula=_md_formula,
    solve=_modified_dietz,
    convention="percent for the period, not annualised: (ending value - beginning value - net "
    "external flows) over (beginning value + each flow times the fraction of the period it was "
    "in the account); deposits positive, withdrawals negative; a flow on day d of a D-day "
    "period counts for (D - d) / D of it, one with k days of the period left for k / D",
    templates=(
        "A portfolio was worth {B} at the start of {period} and {E} at the end. Flows during "
        "the {span}: {flows}. What is the Modified Dietz return?",
        "Beginning value {B}, ending value {E}, {days} in the period; {flows}. Modified Dietz "
        "return?",
        "Exam question: An account had a market value of {B} at the beginning of {period} and "
        "{E} at its end. During the {span} the client {flows_verb}. Calculate the Modified "
        "Dietz return for the {span}.",
        "Hi Leo, for the client report: the account opened at {B} and closed at {E} over "
        "{period}. The client {flows_verb}. Can you give me the Modified Dietz return? Thanks, "
        "Nadia",
        "hey quick one, my brokerage acct went from {B} to {E} over {period}. i {flows_verb}. "
        "whats my return using modified dietz?",
        "Account summary:\n| Start value | End value | Days in the {span} |\n|---|---|---|\n| {B} "
        "| {E} | {Dn} |\n"
        "\n{flows_table}\n\nModified Dietz return for the {span}?",
        "Performance file:\n- Opening value: {B}\n- Closing value: {E}\n- Length of the {span}: "
        "{days}\n"
        "{flows_list}\nWhat was the Modified Dietz return?",
        "Please help me. My investment account was {B} at beginning of the {span} ({days}) and "
        "{E} at the end. In the {span} I {flows_verb}. What is the return with Modified Dietz "
        "method?",
        "My father-in-law, who still sails every weekend, runs his own portfolio. It was worth "
        "{B} at the start of {period} and {E} at the end; he {flows_verb}. What was his "
        "Modified Dietz return?",
        "Perf note: BMV {B}, EMV {E}, {days}; flows: {flows}. Mod Dietz = ?",
        "What was the gain on the account as a percentage of its average invested capital, "
        "with each flow weighted by the share of the {span} it was in the account? It started "
        "{period} at {B} and ended at {E}; the client {flows_verb}.",
        "Question 4. A fund's net assets were {B} at the start of {period} and {E} at the end. "
        "External cash flows: {flows}. Using the Modified Dietz method, calculate the fund's "
        "return for the {span}.",
        "Dear Ms Alvarez, the account stood at {B} at the start of the {span} ({days}) and at "
        "{E} at its end. Over the {span} the client {flows_verb}. Could you confirm the Modified "
        "Dietz "
        "return? Kind regards, Tomas",
        "ok so start {B}, end {E}, {days}, flows: {flows}. modified dietz return pls",
        "Sorry for my English. Portfolio value begin of period {B}, end of period {E}. Period "
        "is {days}. Client {flows_verb}. How much is the Modified Dietz return?",
        "Our investment club began {period} with {B} in the pot and finished it with {E}. Cash "
        "movements: {flows}. What Modified Dietz return should we report?",
        "Compute the Modified Dietz return: the account began {period} at {B} and ended it at "
        "{E}, and the cash flows were {flows}.",
        "Client reporting: opening MV {B}, closing MV {E}, period of {days}. The client "
        "{flows_verb}. Return (Modified Dietz), in percent?",
        "Over {period}, a portfolio grew from {B} to {E}, but that includes {flows}. What is "
        "the return once those flows are accounted for by the Modified Dietz method?",
        "What is the Modified Dietz return of an account that went from {B} to {E} over "
        "{period}, with {flows}?",
        "The market value of my ISA was {B} at the start of {period} and {E} at the end. I "
        "{flows_verb}. Using day-weighted flows (Modified Dietz), what's my return?",
    ),
    ood_templates=(
        "Holdings were appraised at {B} when the {span} opened and {E} when it shut, spanning "
        "{days}; money moved thus: {flows}. Gauge the stewardship result, each movement "
        "counted by its tenure.",
        "Custodian's ledger - worth at inception {B}; worth at close {E}; window {days}; "
        "movements: {flows}. Tenure-scaled performance figure?",
        "Across {period}, the mandate's worth moved from {B} to {E} while the beneficiary "
        "{flows_verb}. By how much, proportionally, did stewardship enrich it, each movement "
        "scaled by its tenure?",
    ),
    parts=Parts(
        labels={
            "B": (
                "beginning market value",
                "starting value",
                "opening balance",
                "value at the start of the period",
                "beginning portfolio value",
                "opening market value",
                "start-of-period value",
                "initial account value",
                "opening portfolio value",
                "market value at the start",
                "beginning balance",
                "BMV",
            ),
            "E": (
                "ending market value",
                "closing value",
                "end-of-period value",
                "ending balance",
                "closing balance",
                "final portfolio value",
                "market value at the end",
                "value at the end of the period",
                "closing market value",
                "ending account value",
                "portfolio value at period end",
                "EMV",
            ),
            "D": (
                "length of the period",
                "period length",
                "measurement period",
                "performance period",
                "evaluation period",
                "reporting period",
                "length of the reporting period",
                "period covered",
                "review period",
                "calendar length of the period",
                "period measured",
                "duration of the period",
            ),
            "c1": _DEPOSIT_LABELS,
            "w1": _WITHDRAWAL_LABELS,
            "c2": _LATER_DEPOSIT_LABELS,
            "w2": _LATER_WITHDRAWAL_LABELS,
            "bm": (
                "benchmark return",
                "benchmark return for the period",
                "index return over the period",
                "return of the benchmark",
                "benchmark performance",
                "market return over the same period",
                "reference index return",
                "benchmark's period return",
                "comparison index return",
                "return on the benchmark index",
                "policy benchmark return",
                "index performance for the period",
            ),
        },
        asks=(
            "What is the Modified Dietz return?",
            "Compute the Modified Dietz return for the period.",
            "What return does the Modified Dietz method give?",
            "What is the period's return, weighting each flow by the time it was invested?",
            "Dietz return?",
            "What was the portfolio's return over the period, adjusted for the cash flows?",
            "How much did the account return once the external flows are stripped out?",
            "What is the money-weighted return by the Modified Dietz approximation?",
            "Work out the Modified Dietz performance figure.",
            "What is the gain as a percentage of the average capital invested?",
            "whats the modified dietz?",
            "Calculate the return on average invested capital for the period.",
            "What performance figure, by Modified Dietz, goes in the client report?",
            "What return did the account earn over the period, in percent?",
            "Find the Modified Dietz rate of return.",
            "What is the cash-flow-adjusted return for the period?",
            "What is the investment gain divided by the day-weighted average capital?",
            "How did the portfolio perform over the period, using Modified Dietz?",
            "What is the unannualised Modified Dietz return?",
            "Give the period return by the Modified Dietz formula.",
            "What percentage return did the manager deliver once the flows are accounted for?",
        ),
        ood_labels={
            "B": ("worth at inception", "appraised worth when the window opened"),
            "E": ("worth at close", "appraised worth when the window shut"),
            "D": ("window spanned", "span of the window"),
            "c1": ("sum lodged by the beneficiary", "lodgement"),
            "w1": ("sum drawn by the beneficiary", "drawing"),
            "c2": ("subsequent lodgement", "second lodgement"),
            "w2": ("subsequent drawing", "second drawing"),
            "bm": ("yardstick outcome", "yardstick's showing"),
        },
        ood_asks=(
            "Gauge the stewardship result, each movement counted by its tenure.",
            "Tenure-scaled performance figure?",
            "By how much, proportionally, did stewardship enrich the holdings?",
        ),
    ),
)


# --- sustainable_growth -----------------------------------------------------------------------

# ROE and the dividend payout or retention ratio (in percent); a company's net income; earnings
# per share. Out of range, a very profitable firm paying out almost everything, or a barely
# profitable one retaining almost all of it; a giant's or a small firm's income.
_ROE = pct((5, 30), ((32, 65), (0.5, 4)), ood_decimals=2)
_PAYOUT = pct((10, 85), ((88, 98), (1, 8)), decimals=0, ood_decimals=1)
_RETENTION = pct((15, 90), ((92, 99), (2, 12)), decimals=0, ood_decimals=1)
_NET_INCOME = money((200_000, 5e9), ((8e9, 2e11), (5_000, 150_000)))
_EPS = money((0.5, 20), ((25, 400), (0.02, 0.4)), decimals=2)
_SG_PARAMS: dict[str, Param] = {
    "roe": _ROE,
    "p": _PAYOUT,
    "b": _RETENTION,
    "NI": _NET_INCOME,
    "EPS": _EPS,
}
PAYOUT, RETENTION, ACCOUNTS, PER_SHARE = "payout", "retention", "accounts", "per_share"
_SG_WEIGHTS = ((PAYOUT, 0.3), (RETENTION, 0.2), (ACCOUNTS, 0.3), (PER_SHARE, 0.2))
# Side figures: the cost of equity (beside ROE), the year's revenue (beside net income), the
# share price (beside EPS).
_SG_SIDE = {
    "ke": pct((6, 14), ()),
    "px": money((5, 400), (), decimals=2),
}
_SG_ASIDES = {
    "ke": (
        "The cost of equity is {ke}.",
        "Shareholders require a return of {ke}.",
        "(Our cost of equity assumption is {ke}.)",
        "The required return on the stock is {ke}.",
        "Owners demand {ke} on their stake.",
    ),
    "rev": (
        "Revenue for the year was {rev}.",
        "Sales came to {rev} in the year.",
        "The company booked {rev} of revenue.",
        "(Top line for the year: {rev}.)",
        "Turnover reached {rev}.",
    ),
    "px": (
        "The shares trade at {px}.",
        "The current share price is {px}.",
        "The stock is priced at {px} today.",
        "(It trades at {px} a share.)",
        "Each piece of stock changes hands at {px}.",
    ),
}


def _sg_mode(values: Values | Mapping[str, object]) -> str:
    if "p" in values:
        return PAYOUT
    if "b" in values:
        return RETENTION
    return ACCOUNTS if "NI" in values else PER_SHARE


def _sg_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """One of the four forms, its inputs in one band and style (net income's equity and
    dividends drawn from the ROE and payout, a DPS from the EPS and payout), and in
    SIDE_FIGURE_SHARE of draws the figure people write beside that form."""
    drawn = draw_params(_SG_PARAMS, rng, ood)
    modes, weights = zip(*_SG_WEIGHTS, strict=True)
    mode = rng.choices(modes, weights)[0]
    roe, payout = drawn["roe"], drawn["p"]
    nums: dict[str, Num] = {}
    if mode == PAYOUT:
        nums = {"roe": roe, "p": payout}
    elif mode == RETENTION:
        nums = {"roe": roe, "b": drawn["b"]}
    elif mode == ACCOUNTS:
        income = drawn["NI"]
        nums["NI"] = income
        nums["Dv"] = amount_beside(rng, income.value * payout.value / 100, income)
        nums["Eq"] = amount_beside(rng, income.value / (roe.value / 100), income)
    else:
        eps = drawn["EPS"]
        dps = max(round(eps.value * payout.value / 100, 2), 0.01)
        nums = {"roe": roe, "EPS": eps, "DPS": Num(dps, 2, "money")}
    if rng.random() < SIDE_FIGURE_SHARE:
        if mode == ACCOUNTS:
            income = nums["NI"]
            nums["rev"] = amount_beside(rng, income.value * rng.uniform(5, 25), income)
        elif mode == PER_SHARE:
            price = nums["EPS"].value * rng.uniform(8, 30)
            nums["px"] = Num(round(price, 2), 2, "money")
        else:
            nums["ke"] = _SG_SIDE["ke"].draw(rng, False)
    return nums


def _sustainable_growth(v: Mapping[str, float]) -> float:
    """Equity grown for one year from its earnings less its dividends: what is kept over what
    the year started with, in percent."""
    mode = _sg_mode(v)
    if mode == ACCOUNTS:
        opening, earnings, dividends = v["Eq"], v["NI"], v["Dv"]
    else:
        opening = 1000.0  # any equity: the rate does not depend on it
        earnings = opening * v["roe"] / 100
        if mode == PAYOUT:
            dividends = earnings * v["p"] / 100
        elif mode == RETENTION:
            dividends = earnings - earnings * v["b"] / 100
        else:
            dividends = earnings * v["DPS"] / v["EPS"]
    closing = opening + earnings - dividends
    return (closing / opening - 1) * 100


def _sg_valid(v: Mapping[str, float]) -> bool:
    mode = _sg_mode(v)
    if mode == ACCOUNTS and not 0 < v["Dv"] < v["NI"] < v["Eq"]:
        return False
    if mode == PER_SHARE and not 0 < v["DPS"] < v["EPS"]:
        return False
    return 0.05 <= _sustainable_growth(v) <= 60


def _sg_formula(f: Mapping[str, str]) -> str:
    mode = _sg_mode(f)
    if mode == PAYOUT:
        return f"{f['roe']}*(1-{f['p']}/100)"
    if mode == RETENTION:
        return f"{f['roe']}*{f['b']}/100"
    if mode == ACCOUNTS:
        return f"{f['NI']}/{f['Eq']}*(1-{f['Dv']}/{f['NI']})*100"
    return f"{f['roe']}*(1-{f['DPS']}/{f['EPS']})"


# Each form's inputs: as a noun phrase list (after "has", "reports", "with"), as named lines, and
# as shorthand.
_SG_FACTS = {
    PAYOUT: (
        "an ROE of {roe} and a dividend payout ratio of {p}",
        "a return on equity of {roe} and a payout ratio of {p}",
        "a payout ratio of {p} and a return on equity of {roe}",
        "a return on equity of {roe} and a dividend payout of {p} of earnings",
    ),
    RETENTION: (
        "an ROE of {roe} and a retention ratio of {b}",
        "a return on equity of {roe} and a plowback ratio of {b}",
        "an earnings retention ratio of {b} and a return on equity of {roe}",
        "a return on equity of {roe} and a retention rate of {b} of earnings",
    ),
    ACCOUNTS: (
        "net income of {NI}, dividends paid of {Dv} and beginning-of-year equity of {Eq}",
        "shareholders' equity at the start of the year of {Eq}, net income of {NI} and "
        "dividends of {Dv}",
        "net income of {NI}, total dividends of {Dv} and opening shareholders' equity (start of "
        "the year) of {Eq}",
    ),
    PER_SHARE: (
        "earnings per share of {EPS}, dividends per share of {DPS} and a return on equity of {roe}",
        "an ROE of {roe}, EPS of {EPS} and DPS of {DPS}",
        "EPS of {EPS}, a dividend of {DPS} per share and an ROE of {roe}",
    ),
}
_SG_LINES = {
    PAYOUT: (("Return on equity", "roe"), ("Dividend payout ratio", "p")),
    RETENTION: (("Return on equity", "roe"), ("Retention ratio", "b")),
    ACCOUNTS: (
        ("Net income", "NI"),
        ("Dividends paid", "Dv"),
        ("Equity at the start of the year", "Eq"),
    ),
    PER_SHARE: (("EPS", "EPS"), ("Dividends per share", "DPS"), ("ROE", "roe")),
}
_SG_NOTES = {
    PAYOUT: "ROE {roe}, payout {p}",
    RETENTION: "ROE {roe}, retention {b}",
    ACCOUNTS: "NI {NI}, divs {Dv}, opening equity {Eq}",
    PER_SHARE: "EPS {EPS}, DPS {DPS}, ROE {roe}",
}


def _sg_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{facts}``: the inputs as a noun phrase list; ``{facts_list}``: one
    "- name: value" line each; ``{facts_table}``: a markdown table; ``{facts_note}``:
    shorthand."""
    texts = number_texts(rng, nums)
    mode = _sg_mode(nums)
    texts["facts"] = rng.choice(_SG_FACTS[mode]).format(**texts)
    lines = [(name, texts[key]) for name, key in _SG_LINES[mode]]
    texts["facts_list"] = "\n".join(f"- {name}: {value}" for name, value in lines)
    if rng.random() < 0.5:
        header = "| " + " | ".join(name for name, _ in lines) + " |"
        rule = "|" + "|".join("---" for _ in lines) + "|"
        row = "| " + " | ".join(value for _, value in lines) + " |"
        texts["facts_table"] = f"{header}\n{rule}\n{row}"
    else:
        rows = "\n".join(f"| {name} | {value} |" for name, value in lines)
        texts["facts_table"] = f"| Company data | Value |\n|---|---|\n{rows}"
    texts["facts_note"] = _SG_NOTES[mode].format(**texts)
    return texts


SUSTAINABLE_GROWTH = Family(
    name="sustainable_growth",
    unit="percent",
    reasoning="Sustainable growth rate = ROE * retention ratio, where retention = 1 - dividend "
    "payout ratio.",
    params=_SG_PARAMS,
    sample=_sg_sample,
    render=_sg_texts,
    aside=side_sentences(_SG_ASIDES),
    valid=_sg_valid,
    formula=_sg_formula,
    solve=_sustainable_growth,
    convention="percent a year: ROE times the share of earnings retained (1 - payout ratio, or "
    "the retention ratio given; 1 - dividends / net income, or 1 - DPS / EPS); ROE as given, "
    "or net income over equity at the start of the year; no new shares issued",
    templates=(
        "A company has {facts}. What is its sustainable growth rate?",
        "What is the sustainable growth rate of a firm with {facts}?",
        "Exam question: Alder Corp reports {facts}. Calculate the company's sustainable "
        "growth rate.",
        "Hi Maya, for the valuation model: the company has {facts}. What sustainable growth "
        "rate should I plug in? Thanks, Raj",
        "whats the sustainable growth rate here? {facts_note}",
        "Key figures:\n{facts_table}\n\nSustainable growth rate?",
        "Company data:\n{facts_list}\nWhat is the sustainable growth rate, in percent?",
        "Please help. The company has {facts}. How fast it can grow without new shares? I need "
        "the sustainable growth rate.",
        "My brother-in-law, who collects vintage typewriters, owns shares in a company with "
        "{facts}. What is the company's sustainable growth rate?",
        "Analyst note: {facts_note}. SGR = ?",
        "How fast can a firm with {facts} grow each year if it issues no new equity and keeps "
        "its financial policies unchanged?",
        "Question 8. A firm has {facts}. Determine its sustainable rate of growth.",
        "Dear Professor Lin, in the case study the firm has {facts}. What sustainable growth "
        "rate does that imply? Best regards, Sofia",
        "ok so {facts_note}. sustainable g?",
        "Sorry for my English. Company have {facts}. What is sustainable growth rate in percent?",
        "For the dividend discount model I need g. The company has {facts}. What sustainable "
        "growth rate does that give?",
        "Given {facts}, compute the sustainable growth rate.",
        "Growth check: the business has {facts}. At what rate can it grow from its own "
        "earnings, with no new equity?",
        "I'm looking at a mid-cap stock with {facts}. What's its sustainable growth rate?",
        "Sustainable growth, please: {facts_note}. In percent.",
        "Financial statements:\n{facts_table}\nWhat growth rate can the company sustain "
        "without outside equity?",
    ),
    ood_templates=(
        "An enterprise shows {facts}. At what pace may it expand year on year while funding "
        "itself wholly internally?",
        "Self-financed expansion ceiling - {facts_note}. Pace per annum?",
        "Suppose a concern exhibits {facts}. Which yearly expansion pace can it keep up "
        "without tapping owners for fresh capital?",
    ),
    parts=Parts(
        labels={
            "roe": (
                "return on equity",
                "return on equity (ROE)",
                "return on equity for the year",
                "return on shareholders' equity",
                "return on book equity",
                "annual return on equity",
                "return on common equity",
                "profitability (ROE)",
                "net income over equity",
                "return on equity figure",
                "equity return",
                "return on equity ratio",
            ),
            "p": (
                "dividend payout ratio",
                "payout ratio",
                "share of earnings paid out as dividends",
                "dividend payout",
                "payout ratio (dividends over earnings)",
                "proportion of profit paid as dividends",
                "dividend payout rate",
                "percentage of earnings distributed",
                "payout share",
                "payout of net income",
                "distribution ratio",
                "dividend payout percentage",
            ),
            "b": (
                "retention ratio",
                "plowback ratio",
                "earnings retention rate",
                "share of earnings retained",
                "retention rate",
                "ploughback ratio",
                "proportion of profit reinvested",
                "earnings retention ratio",
                "retained share of earnings",
                "reinvestment rate",
                "retention ratio (share of profit kept)",
                "percentage of earnings kept in the business",
            ),
            "NI": (
                "net income",
                "net income for the year",
                "profit after tax",
                "net profit",
                "net profit for the year",
                "bottom-line profit",
                "profit for the year",
                "profit attributable to shareholders",
                "annual net income",
                "net income this year",
                "after-tax profit",
                "reported net income",
            ),
            "Dv": (
                "dividend total",
                "total dividend paid",
                "dividend payment for the year",
                "cash dividend paid",
                "dividend paid out",
                "ordinary dividend paid",
                "annual dividend total",
                "dividend bill for the year",
                "distribution to shareholders",
                "total dividend payout",
                "dividend outflow",
                "year's dividend",
            ),
            "Eq": (
                "beginning shareholders' equity",
                "equity at the start of the year",
                "opening book equity",
                "beginning-of-year equity",
                "shareholders' equity at the beginning of the year",
                "opening equity",
                "book equity at the start of the year",
                "start-of-year equity",
                "opening book value of equity",
                "beginning equity",
                "equity on the opening balance sheet",
                "prior year-end equity",
            ),
            "EPS": (
                "earnings per share",
                "EPS",
                "EPS for the year",
                "annual EPS",
                "diluted EPS",
                "profit per share",
                "net income per share",
                "EPS figure",
                "basic EPS",
                "reported EPS",
                "trailing EPS",
                "per-share profit",
            ),
            "DPS": (
                "full-year dividend per share",
                "DPS",
                "dividend per share",
                "annual dividend per share",
                "dividend paid per share",
                "DPS for the year",
                "per-share dividend",
                "cash dividend per share",
                "ordinary dividend per share",
                "total dividend per share",
                "dividend per share this year",
                "declared dividend per share",
            ),
            "ke": (
                "cost of equity",
                "required return on equity",
                "shareholders' required return",
                "cost of equity capital",
                "equity discount rate",
                "required rate of return",
                "hurdle rate for equity",
                "cost of equity (CAPM)",
                "investors' required return",
                "discount rate for the shares",
                "required return",
                "equity hurdle rate",
            ),
            "rev": (
                "revenue",
                "revenue for the year",
                "sales figure",
                "full-year revenue",
                "turnover",
                "total revenue",
                "annual revenue",
                "top line",
                "sales revenue",
                "revenue this year",
                "net revenue",
                "reported revenue",
            ),
            "px": (
                "share price",
                "current share price",
                "stock price",
                "market price per share",
                "price per share",
                "last traded price",
                "quoted share price",
                "share price today",
                "market price of the stock",
                "closing share price",
                "current stock price",
                "trading price",
            ),
        },
        asks=(
            "What is the sustainable growth rate?",
            "What is the company's sustainable growth rate?",
            "Compute the sustainable growth rate.",
            "What is the SGR?",
            "How fast can the company grow without issuing new equity?",
            "What growth rate can the firm sustain from its own earnings?",
            "sustainable growth rate?",
            "What is g, the sustainable growth rate, in percent?",
            "Work out the sustainable growth rate of earnings and dividends.",
            "What growth rate do the ROE and reinvestment support?",
            "What is the firm's self-financed growth rate?",
            "whats the sgr?",
            "What is the maximum growth rate without outside equity?",
            "Find the sustainable rate of growth.",
            "What growth rate should go into the model as the sustainable g?",
            "How quickly can earnings grow if policies stay unchanged?",
            "What is the implied sustainable growth in percent a year?",
            "Calculate the company's sustainable growth.",
            "What growth can reinvested earnings fund each year?",
            "What is the sustainable growth rate (ROE times retention)?",
            "At what rate can the business grow while keeping its dividend policy?",
        ),
        ood_labels={
            "roe": ("owners' yield on book capital", "yield on owners' capital"),
            "p": ("fraction handed to owners", "distributed fraction"),
            "b": ("fraction ploughed into the enterprise", "kept-back fraction"),
            "NI": ("surplus after levies", "bottom-line surplus"),
            "Dv": ("sum handed to owners", "owners' disbursement"),
            "Eq": ("owners' capital as the twelvemonth began", "owners' stake at inception"),
            "EPS": ("surplus per piece of stock", "per-piece surplus"),
            "DPS": ("disbursement per piece of stock", "per-piece disbursement"),
            "ke": ("owners' demanded yield", "yield owners insist upon"),
            "rev": ("gross intake", "sum taken in over the twelvemonth"),
            "px": ("quotation per piece", "going quotation"),
        },
        ood_asks=(
            "Self-financed expansion ceiling?",
            "At what pace may the enterprise expand while funding itself wholly internally?",
            "Which yearly expansion pace needs no fresh capital from owners?",
        ),
    ),
)


# --- target_profit_units ----------------------------------------------------------------------

# Fixed costs of a period and the price per unit; out of range, a large manufacturer's (and
# big-ticket prices) or a stall's (and prices of cents). The variable cost is a share of the
# price, the target profit a share of the fixed costs.
_TP_PARAMS: dict[str, Param] = {
    "F": money((5_000, 5_000_000), ((8_000_000, 400_000_000), (300, 4_000))),
    "P": money((2, 2_500), ((3_000, 80_000), (0.1, 1.5)), decimals=2),
}
_TP_VARIABLE_SHARE = (0.2, 0.85)
_TP_TARGET_SHARE = (0.1, 1.5)
WHOLE_UNITS_SHARE = 0.5

TP_ROUND_UP_PHRASES = (
    "rounded up to a whole number of units",
    "in whole units, rounded up",
    "rounded up to the next whole unit",
    "as a whole number of units (round up)",
)
TP_EXACT_PHRASES = (
    "as an exact figure, not rounded",
    "as the exact quotient, fractions of a unit allowed",
    "unrounded, fractional units allowed",
    "exactly, without rounding to whole units",
)
TP_ROUND_UP_VALUES = (
    "whole units, rounded up",
    "round up to the next whole unit",
    "up to a whole number of units",
)
TP_EXACT_VALUES = (
    "exact quotient, no rounding",
    "none (fractional units allowed)",
    "no rounding, exact figure",
)
_TP_ASIDES = {
    "L": (
        "Last year we sold {L}.",
        "Sales in the previous period were {L}.",
        "For reference, the prior period's volume was {L}.",
        "(Last period's volume: {L}.)",
        "Throughput a twelvemonth ago stood at {L}.",
    ),
    "cap": (
        "The plant can make at most {cap}.",
        "Capacity is {cap}.",
        "Our maximum capacity is {cap}.",
        "(Production capacity: {cap}.)",
        "The works can turn out no more than {cap}.",
    ),
}


def _units_needed(v: Mapping[str, float]) -> float:
    return (v["F"] + v["T"]) / (v["P"] - v["V"])


def _tp_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Fixed costs and price in one band and style, the variable cost a share of the price shown
    like it, the target profit a share of the fixed costs shown like them, ``up`` (rounded up)
    or ``ex`` (exact), and in SIDE_FIGURE_SHARE of draws last period's volume ``L``, the
    capacity ``cap``, or both (not used)."""
    nums = draw_params(_TP_PARAMS, rng, ood)
    price = nums["P"]
    raw = price.value * rng.uniform(*_TP_VARIABLE_SHARE)
    decimals = price.decimals if price.scale == 1 else 0
    nums["V"] = Num(round(raw, decimals), decimals, "money")
    fixed = nums["F"]
    nums["T"] = amount_beside(rng, fixed.value * rng.uniform(*_TP_TARGET_SHARE), fixed)
    nums["up" if rng.random() < WHOLE_UNITS_SHARE else "ex"] = _flag()
    if rng.random() < SIDE_FIGURE_SHARE and price.value > nums["V"].value:
        units = max(_units_needed({k: n.value for k, n in nums.items()}), 10.0)
        which = rng.random()
        if which < 0.7:
            nums["L"] = Num(significant(units * rng.uniform(0.5, 1.6), 2, whole=True), 0, "plain")
        if which >= 0.5:
            nums["cap"] = Num(significant(units * rng.uniform(1.3, 3), 2, whole=True), 0, "plain")
    return nums


def _target_profit_units(v: Mapping[str, float]) -> float:
    """The revenue that covers the fixed costs and the target once each unit's variable cost is
    paid (the contribution margin ratio), in units of price; where whole units are asked, the
    first whole count whose profit reaches the target."""
    fixed, target, price, variable = v["F"], v["T"], v["P"], v["V"]
    revenue = (fixed + target) / (1 - variable / price)
    units = revenue / price
    if "up" not in v:
        return units
    count = math.floor(units)
    while count * (price - variable) - fixed < target * (1 - 1e-12):
        count += 1
    return float(count)


def _tp_valid(v: Mapping[str, float]) -> bool:
    if not 0 < v["V"] < v["P"] or v["T"] <= 0:
        return False
    units = _units_needed(v)
    if "up" in v and abs(units - round(units)) < 0.001:  # rounding up must change something
        return False
    return 20 <= units <= 5_000_000


def _tp_formula(f: Mapping[str, str]) -> str:
    quotient = f"({f['F']}+{f['T']})/({f['P']}-{f['V']})"
    return f"ceil({quotient})" if "up" in f else quotient


def _tp_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in one currency; ``{rounding}``: how the question asks to round, and under the
    hidden key (``up`` or ``ex``) the value a composed question shows beside a rounding label;
    side volumes with their unit ("12,000 units")."""
    texts = number_texts(rng, {k: n for k, n in nums.items() if k not in ("up", "ex")})
    for key in ("L", "cap"):
        if key in nums:
            texts[key] = f"{texts[key]} units"
    if "up" in nums:
        texts["rounding"] = rng.choice(TP_ROUND_UP_PHRASES)
        texts["up"] = rng.choice(TP_ROUND_UP_VALUES)
    else:
        texts["rounding"] = rng.choice(TP_EXACT_PHRASES)
        texts["ex"] = rng.choice(TP_EXACT_VALUES)
    return texts


TARGET_PROFIT_UNITS = Family(
    name="target_profit_units",
    unit="ratio",
    reasoning="Units for a target profit = (fixed costs + target profit) / (price per unit - "
    "variable cost per unit), rounded up only when whole units are asked.",
    params=_TP_PARAMS,
    sample=_tp_sample,
    render=_tp_texts,
    aside=side_sentences(_TP_ASIDES),
    valid=_tp_valid,
    formula=_tp_formula,
    solve=_target_profit_units,
    tolerance=0.0,
    # a count rounded as the question says; no aside may wave costs or fees away either
    uses=frozenset({"rounding", "costs"}),
    convention="units (a plain number): fixed costs plus the target profit (before tax), over "
    "the contribution per unit (price less variable cost per unit); rounded up to the next "
    "whole unit (ceil) where the question asks for whole units, otherwise the exact quotient; "
    "last period's volume and the capacity are not used",
    templates=(
        "Our fixed costs are {F} a year. We sell each unit for {P} and the variable cost per "
        "unit is {V}. How many units must we sell to make a profit of {T}? Give the answer "
        "{rounding}.",
        "Fixed costs {F}, price {P} per unit, variable cost {V} per unit, target profit {T}. "
        "Units needed ({rounding})?",
        "Exam question: A company has fixed costs of {F}, a selling price of {P} per unit and "
        "variable costs of {V} per unit. How many units must it sell to earn a target profit "
        "of {T}? Answer {rounding}.",
        "Hi Jordan, for the budget: fixed costs are {F}, we charge {P} per unit and each unit "
        "costs {V} to make. Management wants an operating profit of {T}. How many units is "
        "that? Please give it {rounding}. Thanks, Keisha",
        "hey so my t-shirt side hustle has {F} in fixed costs, shirts sell for {P} and cost me "
        "{V} each. how many do i need to sell to make {T} profit?? answer {rounding} pls",
        "Sales plan:\n| fixed costs | price per unit | variable cost per unit | target profit |\n"
        "|---|---|---|---|\n| {F} | {P} | {V} | {T} |\n\nRequired sales volume in units, "
        "{rounding}?",
        "Our numbers:\n- Fixed costs: {F}\n- Selling price: {P} per unit\n- Variable cost: {V} "
        "per unit\n"
        "- Target profit: {T}\nHow many units must be sold to hit the target ({rounding})?",
        "Please help. My workshop have fixed cost {F}. One chair I sell for {P} and it cost "
        "{V} to make. I want profit {T}. How many chairs I must sell? Answer {rounding}.",
        "My cousin opened a climbing gym (she also teaches piano on Sundays). Fixed costs are "
        "{F}, a day pass sells for {P} and each visit costs {V} in variable costs. How many "
        "passes does she need to sell for a profit of {T}, {rounding}?",
        "CVP note: FC {F}; price {P}/unit; VC {V}/unit; target profit {T}. Units = ? ({rounding})",
        "How many units have to be sold so that, after covering {F} of fixed costs, the "
        "business is left with a profit of {T}, when each unit sells at {P} and costs {V} to "
        "produce? "
        "Answer {rounding}.",
        "Question 6. The fixed costs of a product are {F}. The unit selling price is {P} and "
        "the unit variable cost is {V}. Calculate the number of units required to earn a "
        "profit of {T}, {rounding}.",
        "Dear Mr Haas, next year's plan assumes fixed costs of {F}, a price of {P} and variable "
        "costs of {V} per unit. The board's profit target is {T}. How many units do we need to "
        "sell? Please give the figure {rounding}. Regards, Ines",
        "ok fixed {F}, price {P}, var cost {V}/unit, want {T} profit. how many units ({rounding})",
        "Startup plan: fixed costs of {F}; each subscription sells at {P} and costs {V} to "
        "serve. How many subscriptions do we need for a profit of {T}? Give it {rounding}.",
        "Target volume: contribution per unit is the price of {P} less the variable cost of "
        "{V}; fixed costs are {F}; desired profit {T}. Units, {rounding}?",
        "In a cost-volume-profit exercise, a firm has {F} of fixed costs, sells at {P} per unit "
        "and incurs {V} of variable cost per unit. What sales volume yields a target profit of "
        "{T}? Answer {rounding}.",
        "Budget for next year:\n| Item | Amount |\n|---|---|\n| Target profit | {T} |\n| Price "
        "per unit | {P} |\n"
        "| Fixed costs | {F} |\n| Variable cost per unit | {V} |\nUnits to sell to reach the "
        "target? Answer {rounding}.",
        "Sorry for my English. Fixed expenses {F}, price of one unit {P}, variable expense of "
        "one unit {V}. We want profit {T}. How many units to sell? Give {rounding}.",
        "I'm opening a noodle stall. Fixed costs: {F}. A bowl sells for {P} and costs {V} in "
        "ingredients. To make {T} of profit, how many bowls must I sell, {rounding}?",
        "What volume, in units, earns a profit of {T} when fixed costs are {F}, the price is "
        "{P} and the variable cost is {V} per unit? Give the answer {rounding}.",
    ),
    ood_templates=(
        "Standing overheads total {F}; every item fetches {P} and swallows {V} in direct "
        "inputs. The proprietors wish to pocket a surplus of {T}. What output achieves that? "
        "Express it "
        "{rounding}.",
        "Output needed for a surplus of {T}: overheads {F}, realisation {P} per item, direct "
        "input {V} per item. Quantity, {rounding}?",
        "How much volume must the venture shift to clear a surplus of {T} above standing charges "
        "of {F}, "
        "given a realisation of {P} per piece against {V} of direct input per piece? State it "
        "{rounding}.",
    ),
    parts=Parts(
        labels={
            **COST_VOLUME_LABELS,
            "T": (
                "target profit",
                "profit target",
                "desired profit",
                "required profit",
                "target operating profit",
                "profit goal",
                "budgeted profit",
                "planned profit",
                "target profit before tax",
                "profit the owners want",
                "target income",
                "desired operating income",
            ),
            "up": ROUNDING_LABELS,
            "ex": ROUNDING_LABELS,
            "L": (
                "sales volume last year",
                "prior-year sales volume",
                "volume sold last period",
                "unit volume last year",
                "prior-period unit volume",
                "quantity sold last year",
                "sales volume in the prior period",
                "volume shipped last year",
                "previous period's volume",
                "actual volume last year",
                "last year's unit volume",
                "historical annual volume",
            ),
            "cap": (
                "production capacity",
                "maximum capacity",
                "plant capacity",
                "capacity per year",
                "maximum output",
                "capacity limit",
                "practical capacity",
                "annual capacity",
                "factory capacity",
                "maximum volume the plant can make",
                "output ceiling",
                "installed capacity",
            ),
        },
        asks=(
            "How many units must be sold to reach the target profit?",
            "What sales volume earns the target profit?",
            "How many units are needed to hit the profit target?",
            "What is the required sales volume in units?",
            "Units to sell for the target profit?",
            "Compute the number of units needed to earn the desired profit.",
            "What is the target-profit volume?",
            "How many units must we sell to make the profit we want?",
            "how many units to hit the profit target?",
            "What volume covers the fixed costs and leaves the target profit?",
            "Work out the units required for the profit goal.",
            "What is the number of units needed to earn the target profit?",
            "How much must we sell, in units, to reach the planned profit?",
            "What output in units delivers the desired profit?",
            "Find the sales volume that achieves the target profit.",
            "What is the CVP volume for the target profit?",
            "How many units should the sales plan show to meet the profit target?",
            "What unit volume makes the budgeted profit?",
            "how many do we need to sell to make that profit?",
            "What is the required volume, given the target profit?",
            "How many units does the business need to sell to earn that profit?",
        ),
        ood_labels={
            **COST_VOLUME_OOD_LABELS,
            "T": ("surplus the proprietors wish to pocket", "coveted surplus"),
            "up": ("form of the result", "result convention"),
            "ex": ("form of the result", "result convention"),
            "L": ("throughput a twelvemonth ago", "output shifted previously"),
            "cap": ("ceiling on what the works can turn out", "works' ceiling"),
        },
        ood_asks=(
            "Output needed for the coveted surplus?",
            "Quantity at which takings clear outgoings by the surplus sought?",
            "What output lets the proprietors pocket their surplus?",
        ),
    ),
)


# --- doubling_time_periodic -------------------------------------------------------------------

_DT_PARAMS: dict[str, Param] = {
    "r": pct((1, 20), ((21, 60), (0.1, 0.9)), ood_decimals=2),
    "m": plain((0, 0), ((0, 0),), choices=(2.0, 4.0, 12.0, 365.0)),
}
# Every frequency but once a year, as questions write it after "compounded".
FREQUENCY_WORDS: dict[float, tuple[str, ...]] = {
    2.0: ("semi-annually", "twice a year", "every six months", "half-yearly"),
    4.0: ("quarterly", "every quarter", "four times a year"),
    12.0: ("monthly", "every month", "each month"),
    365.0: ("daily (365-day year)", "daily, on a 365-day year", "every day (365 days a year)"),
}
_DT_SIDE = {"P": money((500, 500_000), ())}
_DT_ASIDES = {
    "P": (
        "I'm starting with {P}.",
        "The opening deposit is {P}.",
        "The account holds {P} today.",
        "(The balance right now is {P}.)",
        "Presently {P} sits on deposit.",
    )
}


def _dt_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """The rate and frequency; the amount deposited in SIDE_FIGURE_SHARE of draws (not used)."""
    nums = draw_params(_DT_PARAMS, rng, ood)
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["P"] = _DT_SIDE["P"].draw(rng, False)
    return nums


def _dt_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, the frequency ``m`` as its words ("quarterly")."""
    texts = number_texts(rng, nums)
    texts["m"] = rng.choice(FREQUENCY_WORDS[nums["m"].value])
    return texts


def _doubling_time_periodic(v: Mapping[str, float]) -> float:
    """Whole compounding periods counted while the balance stays under double, then the part of
    the next period that takes it to double, found by bisection; in years."""
    per_period = v["r"] / 100 / v["m"]
    balance, periods = 1.0, 0
    while balance * (1 + per_period) < 2:
        balance *= 1 + per_period
        periods += 1
    low, high = 0.0, 1.0
    for _ in range(200):
        middle = (low + high) / 2
        if balance * (1 + per_period) ** middle < 2:
            low = middle
        else:
            high = middle
    return (periods + (low + high) / 2) / v["m"]


DOUBLING_TIME_PERIODIC = Family(
    name="doubling_time_periodic",
    unit="years",
    reasoning="Years to double with compounding m times a year = ln(2) / (m * ln(1 + rate / m)).",
    params=_DT_PARAMS,
    sample=_dt_sample,
    render=_dt_texts,
    aside=side_sentences(_DT_ASIDES),
    formula=lambda f: f"ln(2)/({f['m']}*ln(1+{f['r']}/100/{f['m']}))",
    solve=_doubling_time_periodic,
    convention="years, exact (not the rule of 72), fractional; a nominal annual rate compounded "
    "m times a year at rate/m per period (daily on a 365-day year); the amount invested does "
    "not matter",
    templates=(
        "How many years does it take to double money at {r} a year, compounded {m}?",
        "At a nominal annual rate of {r} compounded {m}, how long until an investment doubles?",
        "Exam question: A deposit earns {r} per annum, compounded {m}. Find the exact number of "
        "years it takes to double.",
        "Hi Priya, the client's savings account pays {r} a year with interest compounded {m}. "
        "How many years until her balance doubles? Exact, please, not the rule of 72. Thanks, "
        "Omar",
        "how long to double my money at {r} compounded {m}? exact pls",
        "Savings account:\n| nominal rate | compounding | target |\n|---|---|---|\n| {r} | {m} | "
        "twice the "
        "deposit |\nYears needed?",
        "Account terms:\n- Rate: {r} a year (nominal)\n- Compounding: {m}\nHow many years until "
        "the money "
        "doubles?",
        "Please, my bank give {r} per year and they compound the interest {m}. After how many "
        "years my money becomes double?",
        "My grandmother, who still knits a scarf for every grandchild each winter, keeps her "
        "savings in an account paying {r} a year, compounded {m}. Exactly how many years until "
        "the savings double?",
        "Rates desk: {r} nominal, comp. {m}. Doubling time in yrs (exact, log-based)?",
        "If interest of {r} a year is compounded {m}, after how many years is the balance "
        "twice the original deposit?",
        "Question 9. A sum is invested at {r} per annum compounded {m}. Determine the time, in "
        "years, required for it to double. Give the exact value.",
        "Dear Ana, my term deposit pays a nominal {r} with interest compounded {m}. How many "
        "years will it take to double? I'd like the exact figure, not the rule of 72. Best, "
        "Felix",
        "ok so {r} a yr compounded {m}. how many yrs till it doubles?",
        "Sorry for my English. Interest is {r} in one year, compound {m}. How many years until "
        "money is double?",
        "We're comparing with the rule of 72 in class. Exactly how long does money take to "
        "double at {r} nominal, compounded {m}?",
        "Doubling time, please: {r} annual rate, compounded {m}. Answer in years.",
        "A credit card balance left unpaid grows at {r} a year, compounded {m}. How many years "
        "until the debt has doubled?",
        "Find t, in years, at which money earning {r} nominal, compounded {m}, is exactly "
        "twice its starting amount.",
        "Years to double at {r} compounded {m}?",
        "I'm saving for my kids' education. The account pays {r} a year, interest compounded "
        "{m}. If I never add to it, how many years until it doubles?",
    ),
    ood_templates=(
        "Capital accrues {r} per annum, with interest folded in {m}. After what span has it "
        "grown twofold?",
        "Twofold growth: accrual {r} per annum, capitalised {m}. Span, in twelvemonths?",
        "Over what span does a sum accruing {r} per annum, capitalised {m}, reach twofold its "
        "size?",
    ),
    parts=Parts(
        labels={
            "r": (
                "nominal annual rate",
                "annual interest rate",
                "stated annual rate",
                "quoted yearly rate",
                "nominal rate per year",
                "interest rate per annum",
                "headline annual rate",
                "annual percentage rate",
                "nominal interest rate",
                "yearly rate (nominal)",
                "annual rate before compounding",
                "bank's quoted rate",
            ),
            "m": (
                "compounding frequency",
                "compounding",
                "frequency of compounding",
                "compounding interval",
                "interest crediting",
                "compounding basis",
                "compounding convention",
                "interest compounding",
                "compounding schedule",
                "frequency of interest crediting",
                "crediting frequency",
                "compounding period",
            ),
            "P": (
                "amount deposited",
                "initial deposit",
                "starting balance",
                "principal",
                "sum invested",
                "opening balance",
                "money put in",
                "lump sum invested",
                "current balance",
                "deposit",
                "investment amount",
                "capital invested",
            ),
        },
        asks=(
            "How many years does it take to double?",
            "What is the doubling time in years?",
            "How long until the money doubles?",
            "What is the exact doubling time with this compounding?",
            "How many years until the balance is twice the deposit?",
            "Find the years to double using logs, not the rule of 72.",
            "What is the time to double, in years?",
            "How long does it take for the investment to grow to twice its size?",
            "yrs to double?",
            "What doubling period does this compounding give, in years?",
            "How many years before the pot is twice as big?",
            "Solve for the years that make the compounded growth factor equal two.",
            "What is the exact number of years for the sum to double?",
            "how long till it doubles?",
            "How many years must the money stay invested to double?",
            "Work out the exact doubling time.",
            "What is the number of years to double at this compounding frequency?",
            "When does the balance reach two times the starting amount, in years?",
            "Compute the doubling time in years, exactly.",
            "How long, in years, until the deposit has grown by a hundred percent?",
            "What holding period doubles the money?",
        ),
        ood_labels={
            "r": ("accrual per annum", "yearly accrual"),
            "m": ("capitalisation cadence", "cadence of folding in interest"),
            "P": ("sum on deposit", "sum lodged"),
        },
        ood_asks=(
            "After what span has the capital grown twofold?",
            "Span until twofold growth?",
            "Over what span does the sum reach twofold its size?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    MODIFIED_DIETZ,
    SUSTAINABLE_GROWTH,
    TARGET_PROFIT_UNITS,
    DOUBLING_TIME_PERIODIC,
)
