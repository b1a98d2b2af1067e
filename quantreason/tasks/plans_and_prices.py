"""Plans and prices: the deposit that tops up savings already made to a target, the cash paid for
a bond between coupon dates, converting a gross margin into a markup (or back), and the net
single premium of a short term life policy.

``savings_goal_with_balance`` is the level deposit at the end of each month (or each year) that,
with a balance already saved growing beside it, reaches a target: ``(target - balance * (1 + i)**N)
* i / ((1 + i)**N - 1)``, ``i`` the annual rate over 12 for monthly deposits (the rate itself for
yearly ones), ``N`` the deposits: ``(50000-8000*(1+5/100/12)**periods(6,"years",12))*(5/100/12)/
((1+5/100/12)**periods(6,"years",12)-1)`` for six years of monthly deposits,
``**periods(36,"payments")`` where the question counts 36 months,
``(20000-5000*(1+4/100)**5)*(4/100)/((1+4/100)**5-1)`` for yearly ones. The balance is always stated
and above zero (with nothing saved it is ``savings_goal``), and the balance alone never reaches the
target. Some questions show the saver's salary or age; neither is used.

``bond_invoice_price`` is what a buyer pays for a bond between coupon dates: the clean price,
quoted per 100 of face, times face / 100, plus the interest accrued since the last coupon on the
30/360 count (face * annual coupon rate * days / 360, whatever the coupon frequency):
``98.625*50000/100+50000*5.25/100*74/360``. Some questions give the two dates instead of the
days, as ISO dates in one year with no 31st and no end of February, so that 30/360 counts
``(month difference) * 30 + day difference``: ``...*((5-3)*30+28-15)/360``. Coupons are
semi-annual or annual as stated (the days stay within one coupon period). Some questions show the
bond's yield to maturity or its years to maturity; neither is used.

``markup_from_margin`` converts between a gross margin on the selling price and a markup on
cost, in percent: a margin ``g`` is a markup of ``g/(100-g)*100`` (the cost is what the price
leaves, 100 - g of every 100), a markup ``k`` a margin of ``k/(100+k)*100`` (the price is the
cost plus the markup, 100 + k of every 100 of cost). Every question names the basis of the
percentage it gives and asks for the other one. Some questions show the unit cost, which changes
neither percentage.

``term_life_premium`` is the net single premium of an ``n``-year term life policy (one to five
years) paying its benefit at the end of the year of death: ``benefit * sum over k of (chance of
being alive at the start of year k) * q_k / (1 + i)**k``. The question lists the one-year death
probabilities ``q_k`` for each year of the term; the survival chance is the product of ``1 - q``
over the earlier years. The formula is the benefit times the NPV of the yearly expected deaths:
``250000*npv(4/100, 0.0021, (1-0.0021)*0.0023, (1-0.0021)*(1-0.0023)*0.0026)``. Some questions
show the insured's age, which the listed probabilities already reflect.

Variants are told apart by which keys a draw holds (``n`` or ``N`` for the term; ``d`` or the
dates; ``mg`` or ``mk``): formula builders never branch on a number's digits. Solvers are
written independently of the formula text: the savings account simulated deposit by deposit,
the coupon accrued day by day on a 30-day-month calendar, a price of 100 worked both ways, and
a cohort of lives followed year by year.
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
from quantreason.tasks.term_counts import term_formula


def _shown(value: float, kind: str, most: int = 3) -> Num:
    """``value`` with the decimals it needs (at most ``most``): 99, 98.5, 101.625."""
    for decimals in range(most + 1):
        if abs(round(value, decimals) - value) < 1e-9:
            return Num(round(value, decimals), decimals, kind)
    return Num(round(value, most), most, kind)


# --- savings_goal_with_balance ----------------------------------------------------------------

_SG_PARAMS: dict[str, Param] = {
    "T": money((3000, 1_000_000), ((2_000_000, 30_000_000),)),
    "r": pct((0.5, 9), ((10, 18), (0.05, 0.4)), ood_decimals=2),
    "n": plain((2, 30), ((35, 50),)),
    "N": plain((6, 120), ((150, 480),)),
    "m": plain((0, 0), ((0, 0),), choices=(1.0, 12.0)),
}
MONTHLY_SHARE = 0.65
MONTHS_SHARE = 0.35  # of monthly draws: the term counted in months ("36 months")
# A salary or an age people write beside a savings plan; never used.
_SG_SIDE: dict[str, Param] = {
    "S": money((28_000, 240_000), ((28_000, 240_000),)),
    "A": plain((22, 62), ((22, 62),)),
}
_SG_ASIDES = {
    "S": (
        "I earn {S} a year before tax.",
        "My salary is {S} a year.",
        "(The household's gross income is {S} per year.)",
        "She makes {S} annually.",
        "Remuneration stands at {S} per annum.",
    ),
    "A": (
        "I'm {A} years old.",
        "The saver is {A}.",
        "(For context, I am {A}.)",
        "He turned {A} this spring.",
        "The planner's client has reached {A} years of age.",
    ),
}


def _sg_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A target, a rate and a term (years, or months for some monthly plans), the deposits a
    year, a balance already saved (5 to 70 % of the target, in the target's style) and, in
    SIDE_FIGURE_SHARE of draws, a salary or an age."""
    nums = draw_params(_SG_PARAMS, rng, ood)
    monthly = rng.random() < MONTHLY_SHARE
    nums["m"] = Num(12.0 if monthly else 1.0, 0, "plain")
    if monthly and rng.random() < MONTHS_SHARE:
        del nums["n"]
    else:
        del nums["N"]
    target = nums["T"]
    nums["B"] = amount_beside(rng, target.value * rng.uniform(0.05, 0.7), target)
    if rng.random() < SIDE_FIGURE_SHARE:
        for key in rng.choice((("S",), ("A",), ("S", "A"))):
            nums[key] = _SG_SIDE[key].draw(rng, False)
    return nums


def _sg_deposits(v: Mapping[str, float]) -> int:
    return round(v["N"]) if "N" in v else round(v["n"] * v["m"])


def _sg_balance(v: Mapping[str, float], deposit: float) -> float:
    """The account simulated period by period: interest on what is there, then the deposit."""
    rate = v["r"] / 100 / v["m"]
    balance = v["B"]
    for _ in range(_sg_deposits(v)):
        balance += balance * rate
        balance += deposit
    return balance


def _sg_deposit(v: Mapping[str, float]) -> float:
    """The balance is linear in the deposit: what no deposit leaves short, over what each unit
    of deposit adds."""
    without = _sg_balance(v, 0.0)
    per_unit = _sg_balance(v, 1.0) - without
    return (v["T"] - without) / per_unit


def _sg_valid(v: Mapping[str, float]) -> bool:
    # the balance alone falls well short of the target, and the deposit is one people make
    return _sg_balance(v, 0.0) < 0.9 * v["T"] and _sg_deposit(v) >= 25


def _sg_formula(f: Mapping[str, str]) -> str:
    if float(f["m"]) == 1:
        i = f"{f['r']}/100"
        periods = f["n"]
    else:
        i = f"{f['r']}/100/12"
        periods = term_formula(f, "12")
    return f"({f['T']}-{f['B']}*(1+{i})**{periods})*({i})/((1+{i})**{periods}-1)"


_SG_FREQ = {
    12.0: {
        "m": ("monthly",),
        "per": ("month",),
        "comp": ("compounded monthly", "with monthly compounding", "credited monthly"),
        "value": ("monthly (end of each month)", "monthly (in arrears)", "end of every month"),
    },
    1.0: {
        "m": ("yearly", "annual"),
        "per": ("year",),
        "comp": ("compounded annually", "with annual compounding", "credited once a year"),
        "value": ("yearly (end of each year)", "annual (in arrears)", "end of every year"),
    },
}


def _sg_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{m}`` the deposits' adjective ("monthly"), ``{per}`` the period
    ("month"), ``{comp}`` how interest compounds, ``{term}`` the term with its unit ("6 years",
    "36 months"); under ``m`` how composed questions show the frequency."""
    texts = number_texts(rng, nums)
    words = _SG_FREQ[nums["m"].value]
    for key in ("m", "per", "comp"):
        texts[key] = rng.choice(words[key])
    texts["freq"] = rng.choice(words["value"])
    texts["term"] = f"{texts['N']} months" if "N" in nums else f"{texts['n']} years"
    texts["yrs"] = f"{texts['N']} mos" if "N" in nums else f"{texts['n']} yrs"
    # composed questions: the frequency under its label
    texts["m"], texts["m_word"] = texts["freq"], texts["m"]
    return texts


SAVINGS_GOAL_WITH_BALANCE = Family(
    name="savings_goal_with_balance",
    unit="currency",
    reasoning="Deposit to reach a target with savings already made = (target - balance * "
    "(1 + i)^N) * i / ((1 + i)^N - 1), i and N per deposit period.",
    params=_SG_PARAMS,
    sample=_sg_sample,
    render=_sg_texts,
    aside=side_sentences(_SG_ASIDES),
    valid=_sg_valid,
    formula=_sg_formula,
    solve=_sg_deposit,
    convention="currency per deposit; level deposits at the end of each month (or year, as "
    "stated), the annual rate divided by 12 for monthly deposits and compounded with them; the "
    "balance already saved grows at the same rate; salary and age are not used",
    templates=(
        "I already have {B} saved and want {T} in {term}. My account pays {r} a year, {comp}. "
        "What {m_word} deposit, made at the end of each {per}, gets me there?",
        "Current savings {B}, goal {T}, horizon {term}, interest {r} p.a. {comp}. How much "
        "must go in at the end of every {per}?",
        "Exam question: An investor has {B} in an account paying {r} per annum, {comp}. She "
        "wants the account to hold {T} at the end of {term} and will make equal {m_word} "
        "deposits at the end of each {per}. Calculate the deposit.",
        "Hi Priya, the client has {B} put aside already and needs {T} for a house deposit in "
        "{term}. At {r} a year, {comp}, what should she pay in at the end of each {per}? "
        "Thanks, Jonas",
        "ok so ive got {B} saved, need {T} in {yrs}. savings acct gives {r} a yr {comp}. how "
        "much do i add each {per} (end of {per})?",
        "Already saved: {B}. Target: {T}. Time: {term}. Rate: {r} per year, {comp}.\n"
        "| deposits | timing |\n|---|---|\n| {m_word} | end of each {per} |\n"
        "What is the deposit needed?",
        "My plan so far:\n- balance today: {B}\n- target: {T}\n- time left: {term}\n"
        "- interest: {r} a year, {comp}\n- deposits: {m_word}, at the end of each {per}\n"
        "Required deposit?",
        "Please help. I have {B} in the bank now. I want {T} after {term}. The bank give {r} "
        "for year, {comp}. How much I must put at the end of every {per}?",
        "My daughter plays the cello and we are saving for a proper instrument: {T} in {term}. "
        "We already have {B} in a savings account earning {r} a year, {comp}. What {m_word} "
        "deposit (end of each {per}) do we need?",
        "Savings plan note: start balance {B}, goal {T} in {term}, {r} p.a. {comp}, level "
        "deposits at each {per} end. Deposit = ?",
        "How big must the {m_word} deposit be, paid at the end of each {per}, to grow a balance "
        "of {B} today into {T} over {term} at {r} a year {comp}?",
        "Question 3. A savings account holds {B}. Interest is {r} per annum, {comp}. Equal "
        "deposits are made at the end of each {per} for {term}, after which the balance must "
        "be {T}. Find the deposit.",
        "We want {T} for the kids' college fund in {term}. There's {B} in the fund now, "
        "earning {r} a year, {comp}. What do we need to add at the end of every {per}?",
        "What {m_word} contribution at the end of each {per} takes my {B} pot to {T} in "
        "{term}? The pot earns {r} a year, {comp}.",
        "Sinking fund top-up: {B} already set aside, {T} needed in {term}, {r} annual rate "
        "{comp}. Deposit at each {per} end?",
        "Dear Ms Okafor, you have {B} saved toward your target of {T}, which you want to reach "
        "in {term}. Assuming {r} a year, {comp}, what amount should you deposit at the end of "
        "each {per}? Kind regards, Daniel",
        "Sorry for my English. Now I have {B}. In {term} I need {T}. Interest is {r} yearly, "
        "{comp}. Which amount I deposit at end of each {per}?",
        "The target is {T} in {term}. Starting from {B} and earning {r} per year, {comp}, how "
        "much do I still need to save at the end of each {per}?",
        "How much should I set aside at the end of every {per} if I want {T} in {term}, I've "
        "got {B} already, and the account earns {r} a year ({comp})?",
        "{B} in savings, want {T}, {term} to go, {r}/yr {comp}. {m_word} deposit at period end?",
        "Our club has {B} in its reserve account and needs {T} for a new roof in {term}. At "
        "{r} a year, {comp}, what equal {m_word} payments into the account are needed, made "
        "at the end of each {per}?",
    ),
    ood_templates=(
        "A nest egg of {B} sits in a deposit earning {r} yearly ({comp}). To attain {T} once "
        "{term} elapse, what uniform {m_word} sum must be lodged as each {per} closes?",
        "Accumulation brief: present holdings {B}; objective {T}; span {term}; yield {r} "
        "yearly, {comp}. Uniform lodgement at each {per}'s close?",
        "Given holdings of {B} accruing {r} yearly ({comp}), determine the uniform lodgement "
        "at the close of every {per} that attains {T} after {term}.",
    ),
    parts=Parts(
        labels={
            "T": (
                "savings target",
                "target amount",
                "goal amount",
                "amount needed at the end",
                "target balance",
                "future amount required",
                "savings goal",
                "target future value",
                "desired end balance",
                "required final balance",
                "goal for the account",
                "amount to reach",
            ),
            "B": (
                "current balance",
                "amount already saved",
                "savings balance so far",
                "balance today",
                "starting balance",
                "money already put aside",
                "existing savings balance",
                "opening balance",
                "savings pot today",
                "present value of the account",
                "amount in the account now",
                "initial balance",
            ),
            "r": (
                "annual interest rate",
                "interest rate per year",
                "nominal annual rate",
                "rate earned per year",
                "yearly rate",
                "return per annum",
                "account rate per year",
                "interest rate per annum",
                "expected return per year",
                "nominal annual interest",
                "assumed yearly growth rate",
                "annual rate on the savings",
            ),
            "n": (
                "number of years",
                "time horizon in years",
                "time to the goal in years",
                "savings period in years",
                "term in years",
                "number of years left",
                "time until the target date in years",
                "horizon (years)",
                "time frame in years",
                "length of the plan in years",
                "saving period (years)",
                "duration in years",
            ),
            "N": (
                "number of months",
                "time horizon in months",
                "time to the goal in months",
                "savings period in months",
                "term in months",
                "number of months left",
                "time until the target date in months",
                "horizon (months)",
                "time frame in months",
                "length of the plan in months",
                "saving period (months)",
                "number of monthly deposits",
            ),
            "m": (
                "deposit frequency",
                "deposit timing",
                "contribution frequency",
                "saving schedule",
                "payment schedule",
                "frequency of deposits",
                "deposit cycle",
                "contribution schedule",
                "saving frequency",
                "deposit interval",
                "timing of the deposits",
                "payment frequency",
            ),
            "S": (
                "annual salary",
                "gross salary",
                "yearly income",
                "salary per year",
                "gross annual income",
                "household income",
                "pay before tax",
                "annual pay",
                "yearly salary",
                "income per year",
                "gross yearly pay",
                "annual earnings",
            ),
            "A": (
                "age",
                "current age",
                "saver's age",
                "age of the saver",
                "age today",
                "client's age",
                "age in years",
                "present age",
                "investor's age",
                "age now",
                "age of the account holder",
                "saver age",
            ),
        },
        asks=(
            "What deposit is needed each period?",
            "How much must be deposited at the end of each period?",
            "What is the required deposit per period?",
            "What is the level deposit that reaches the target?",
            "How much do I need to save each period to hit the goal?",
            "Compute the periodic deposit.",
            "how much do i need to put in each time?",
            "What regular contribution closes the gap to the target?",
            "What is the periodic savings amount required?",
            "What payment per period gets the account to the goal?",
            "How much more must I save every period, given what I already have?",
            "Find the deposit needed at the end of each period.",
            "What is the sinking fund payment?",
            "Solve for PMT given the starting balance.",
            "What end-of-period deposit takes the balance to the target?",
            "What is the required contribution per period?",
            "Work out the equal deposit that reaches the goal on time.",
            "How large must each deposit be?",
            "What should I pay in each period?",
            "What is the top-up per period needed to reach the target?",
            "What regular saving is still needed?",
        ),
        ood_labels={
            "T": ("objective to attain", "sum to be attained"),
            "B": ("holdings presently lodged", "nest egg already amassed"),
            "r": ("yearly accrual rate", "accrual yield"),
            "n": ("span in years", "accrual span (years)"),
            "N": ("span in months", "accrual span (months)"),
            "m": ("lodgement cadence", "cadence of lodgements"),
            "S": ("remuneration per annum", "stipend before levies"),
            "A": ("depositor's attained age", "attained age of the depositor"),
        },
        ood_asks=(
            "Determine the uniform lodgement per period.",
            "What uniform lodgement attains the objective?",
            "Which sum must be lodged as every period closes?",
        ),
    ),
)


# --- bond_invoice_price -----------------------------------------------------------------------

_BOND_FACE = money((1000, 5_000_000), ((1e7, 5e8), (100, 900)))
_STANDARD_FACES = (1000.0, 5000.0, 10000.0, 25000.0, 50000.0, 100000.0, 250000.0, 1e6, 2e6)
_CLEAN = plain((85, 115), ((55, 80), (120, 145)), decimals=3)
_BOND_COUPON = pct((0.5, 9), ((0.05, 0.45), (9.5, 15)), decimals=3)
_BOND_DAYS = plain((5, 175), ((180, 355), (2, 4)))
_BOND_PARAMS: dict[str, Param] = {
    "F": _BOND_FACE,
    "P": _CLEAN,
    "c": _BOND_COUPON,
    "d": _BOND_DAYS,
    "m": plain((0, 0), ((0, 0),), choices=(1.0, 2.0)),
}
DATES_SHARE = 0.35
DATE_KEYS = ("Y", "M1", "D1", "M2", "D2")
_BOND_SIDE: dict[str, Param] = {
    "ytm": pct((1.5, 9), (), decimals=2),
    "mat": plain((2, 30), ()),
}
_BOND_ASIDES = {
    "ytm": (
        "The bond yields {ytm} to maturity.",
        "Its yield to maturity is {ytm}.",
        "(At that price the YTM works out to {ytm}.)",
        "Screens show a yield of {ytm} on the issue.",
        "The redemption yield on the paper is quoted at {ytm}.",
    ),
    "mat": (
        "It matures in {mat} years.",
        "The bond has {mat} years left to maturity.",
        "(Maturity is {mat} years away.)",
        "There are {mat} years to run on the bond.",
        "Redemption of the paper falls {mat} years hence.",
    ),
}


def _bond_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A face (a standard block or whole thousands), a clean price per 100 (in eighths or to two
    decimals), a coupon in eighths, the coupon frequency, and the 30/360 days since the last
    coupon or (DATES_SHARE of draws) the two dates; side figures in SIDE_FIGURE_SHARE."""
    band = rng.randrange(2)
    drawn = draw_params(_BOND_PARAMS, rng, ood, 2)
    nums: dict[str, Num] = {}
    if not ood and rng.random() < 0.4:
        nums["F"] = Num(rng.choice(_STANDARD_FACES), 0, "money")
    else:
        face = drawn["F"]
        if face.scale == 1:
            step = -2 if face.value < 1000 else -3
            face = Num(float(max(round(face.value, step), 10.0**-step)), 0, "money")
        nums["F"] = face
    price = drawn["P"]
    if price.decimals > 0:
        value = round(price.value * 8) / 8 if rng.random() < 0.5 else round(price.value, 2)
        price = _shown(value, "plain")
    nums["P"] = price
    if not ood:
        coupon = rng.randint(4, 72) / 8
    elif band == 0:
        coupon = rng.choice((0.05, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.375, 0.4))
    else:
        coupon = rng.randint(76, 120) / 8
    nums["c"] = _shown(coupon, "pct")
    if rng.random() < DATES_SHARE:
        semi = rng.random() < 0.6
        span = 6 if semi else 12
        while True:
            first = rng.randint(1, 12)
            gap = rng.randint(0, span - 1)
            second = first + gap
            day1, day2 = rng.randint(1, 28), rng.randint(1, 28)
            days = gap * 30 + day2 - day1
            if second <= 12 and 5 <= days < 30 * span and 2 not in (first, second):
                break
        nums["m"] = Num(2.0 if semi else 1.0, 0, "plain")
        nums["Y"] = Num(float(rng.randint(2019, 2026)), 0, "plain")
        for key, value in (("M1", first), ("D1", day1), ("M2", second), ("D2", day2)):
            nums[key] = Num(float(value), 0, "plain")
    else:
        days = _BOND_DAYS.draw(rng, ood, band)
        nums["d"] = days
        semi = days.value <= 175 and rng.random() < 0.65
        nums["m"] = Num(2.0 if semi else 1.0, 0, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        for key in rng.choice((("ytm",), ("mat",), ("ytm", "mat"))):
            nums[key] = _BOND_SIDE[key].draw(rng, False)
    return nums


def _days_30_360(v: Mapping[str, float]) -> int:
    """The days from the last coupon to settlement, walked one day at a time over a calendar of
    twelve 30-day months (no date here is a 31st or the end of February)."""
    if "d" in v:
        return round(v["d"])
    month, day, count = round(v["M1"]), round(v["D1"]), 0
    while (month, day) != (round(v["M2"]), round(v["D2"])):
        day += 1
        if day > 30:
            month, day = month + 1, 1
        count += 1
    return count


def _invoice_price(v: Mapping[str, float]) -> float:
    """The clean price in currency plus the coupon earned so far: one coupon payment times the
    share of its 360 / m-day period that has run."""
    per_year = v["m"]
    coupon_payment = v["F"] * v["c"] / 100 / per_year
    accrued = coupon_payment * _days_30_360(v) / (360 / per_year)
    return v["F"] * (v["P"] / 100) + accrued


def _bond_valid(v: Mapping[str, float]) -> bool:
    return 0 < _days_30_360(v) < 360 / v["m"]


def _bond_formula(f: Mapping[str, str]) -> str:
    days = f["d"] if "d" in f else f"(({f['M2']}-{f['M1']})*30+{f['D2']}-{f['D1']})"
    return f"{f['P']}*{f['F']}/100+{f['F']}*{f['c']}/100*{days}/360"


def _iso(year: str, month: float, day: float) -> str:
    return f"{year}-{round(month):02d}-{round(day):02d}"


_DAY_COUNT_VALUES = ("30/360", "30/360 (bond basis)", "30/360 (thirty-day months)")


def _bond_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{paid}`` ("semi-annually"), ``{freq}`` ("semi-annual"), ``{a_c}`` the
    coupon with its article; ``{since}`` the accrual as a noun phrase that reads after "with"
    ("74 days (30/360) since the last coupon", "a last coupon on 2024-03-15 and settlement on
    2024-05-28 (30/360 day count)"), ``{when}`` the same as lines; under ``L`` and ``S`` the
    dates for composed questions, under ``m`` the frequency and under ``dc`` the day count."""
    texts = number_texts(rng, nums)
    semi = nums["m"].value == 2
    texts["paid"] = "semi-annually" if semi else "annually"
    texts["freq"] = "semi-annual" if semi else "annual"
    texts["m"] = rng.choice(
        ("semi-annual", "twice a year", "every six months")
        if semi
        else ("annual", "once a year", "one coupon a year")
    )
    texts["a_c"] = with_article(texts["c"])
    texts["dc"] = rng.choice(_DAY_COUNT_VALUES)
    if "d" in nums:
        texts["since"] = rng.choice(
            (
                "{d} days (30/360) since the last coupon",
                "{d} days elapsed since the last coupon date on a 30/360 count",
                "{d} days of accrual since the previous coupon (30/360 basis)",
            )
        ).format(**texts)
        texts["when"] = f"- Days since the last coupon (30/360): {texts['d']}"
    else:
        year = str(round(nums["Y"].value))
        texts["Y"] = year
        texts["L"] = _iso(year, nums["M1"].value, nums["D1"].value)
        texts["S"] = _iso(year, nums["M2"].value, nums["D2"].value)
        texts["since"] = rng.choice(
            (
                "a last coupon on {L} and settlement on {S} (30/360 day count)",
                "settlement on {S} after a last coupon on {L} (30/360)",
                "a previous coupon date of {L} and a settlement date of {S} (counted 30/360)",
            )
        ).format(**texts)
        texts["when"] = (
            f"- Last coupon date: {texts['L']}\n- Settlement date: {texts['S']}\n"
            "- Day count: 30/360"
        )
    return texts


BOND_INVOICE_PRICE = Family(
    name="bond_invoice_price",
    unit="currency",
    reasoning="Invoice (dirty) price = clean price / 100 * face + face * annual coupon rate * "
    "days since the last coupon / 360 (30/360).",
    params=_BOND_PARAMS,
    sample=_bond_sample,
    render=_bond_texts,
    aside=side_sentences(_BOND_ASIDES),
    valid=_bond_valid,
    formula=_bond_formula,
    solve=_invoice_price,
    convention="currency the buyer pays: the clean price (per 100 of face) times face / 100, "
    "plus accrued interest on 30/360 (face * annual coupon rate * days / 360, whatever the "
    "coupon frequency; from two dates, 30 days a month); yield and maturity are not used",
    templates=(
        "A bond with a face value of {F} is quoted at a clean price of {P} (per 100 of face). "
        "Its coupon is {c} a year, paid {paid}. Accrual: {since}. What is the invoice price?",
        "Face {F}, clean price {P}, coupon {c} p.a. paid {paid}, {since}. Dirty price in currency?",
        "Exam question: An investor buys {F} face value of a corporate bond with {a_c} annual "
        "coupon rate, paid {paid}, at a quoted clean price of {P}, with {since}. "
        "Calculate the total amount the investor pays.",
        "Hi Sophie, we bought {F} nominal at {P} clean. Coupon {c} (annual rate), paid {paid}, "
        "and the ticket shows {since}. What cash amount goes on the settlement instruction? "
        "Thanks, Marc",
        "ok so bond, {F} face, clean px {P}, {c} cpn paid {paid}, {since}. how much do i "
        "actually pay incl accrued?",
        "We buy {F} face of a bond paying a coupon of {c} a year, {paid}.\n"
        "| clean price (per 100) | {P} |\n|---|---|\n| accrual | {since} |\n"
        "What is the full price paid?",
        "Trade details:\n- Face: {F}\n- Clean price: {P} per 100\n- Coupon: {c} a year, "
        "{freq}\n{when}\nWhat is the invoice amount?",
        "Please help, I buy a bond with face {F} at clean price {P}. Coupon rate is {c} per "
        "year, paid {paid}, and I buy with {since}. How much money I pay in total to the "
        "seller?",
        "My aunt, who restores old clocks, bought {F} face of a municipal bond at {P} clean. "
        "The coupon is {c} a year, paid {paid}, with {since}. What did she pay in total, "
        "accrued interest included?",
        "Settlement calc: {F} par, px {P} clean, cpn {c} {freq}, {since}. Invoice = ?",
        "What does a buyer hand over for {F} face of a bond priced at {P} clean, with {a_c} "
        "annual coupon paid {paid} and {since}?",
        "Question 7. A bond (coupon {c} per annum, paid {paid}) is quoted at {P} per 100 of "
        "face value. An investor buys {F} face with {since}. Determine the invoice price of "
        "the trade.",
        "How much cash changes hands for {F} face at a clean price of {P}? Coupon {c} a year "
        "({freq} payments); {since}.",
        "The clean quote is {P}; I also need the accrued to get the total. Face {F}, coupon "
        "{c} p.a. paid {paid}, {since}. What is the all-in price in currency?",
        "Back office check: {F} nominal, {P} clean, {c} coupon ({freq}), {since}. What is the "
        "settlement amount including accrued interest?",
        "Dear colleague, please confirm the dirty price for our purchase of {F} face value at "
        "{P} clean. The coupon rate is {c} a year, paid {paid}; we have {since}. Regards, Ines",
        "Sorry for my English. Bond price clean is {P}, face value {F}, coupon {c} each year "
        "paid {paid}. I buy it with {since}. What is the full amount for pay?",
        "Compute the invoice price: face amount {F}; clean price {P} per 100; annual coupon "
        "rate {c}, paid {paid}; {since}.",
        "A pension fund buys {F} face of a bond at {P} clean between coupons ({since}). The "
        "coupon is {c} a year, paid {paid}. What total price does it pay?",
        "For the trade ticket I need the full price, not the quote: {F} face, clean {P}, "
        "coupon {c} p.a. ({freq}), {since}.",
        "Hello, in my bond course: clean price {P}, par {F}, coupon rate {c} a year paid "
        "{paid}, {since}. What is the dirty price the buyer pays, in money?",
    ),
    ood_templates=(
        "Purchasing {F} nominal of paper carrying {c} per annum ({freq} distributions), "
        "struck at {P} ex-interest; {since}. Total consideration handed to the vendor?",
        "Consideration owed on {F} nominal at a flat quotation of {P}: the paper distributes "
        "{c} per annum {paid}; {since}.",
        "Work out the gross consideration for {F} nominal struck at {P} flat, paper "
        "distributing {c} per annum {paid}, with {since}.",
    ),
    parts=Parts(
        labels={
            "F": (
                "face value",
                "par amount",
                "nominal amount bought",
                "face amount of the position",
                "principal (face)",
                "par value of the bonds",
                "bond face value",
                "face amount traded",
                "nominal value of the bonds",
                "principal amount",
                "par value bought",
                "trade size (face)",
            ),
            "P": (
                "clean price (per hundred of face)",
                "quoted clean price",
                "clean price",
                "flat price quote",
                "price per hundred of par (clean)",
                "quoted price excluding accrued",
                "screen price (clean)",
                "agreed clean price",
                "clean quote",
                "bond price quoted clean",
                "traded clean price",
                "clean quote per hundred of face",
            ),
            "c": (
                "annual coupon rate",
                "coupon rate (annual)",
                "coupon rate each year",
                "yearly coupon rate",
                "coupon rate on the face",
                "stated annual coupon rate",
                "coupon rate per year",
                "coupon rate per annum",
                "annual interest rate on the bond",
                "coupon",
                "nominal coupon rate",
                "annual rate of the coupon",
            ),
            "d": (
                "number of days since the last coupon",
                "accrued day count",
                "number of days accrued",
                "count of days since the previous coupon date",
                "number of days from last coupon to settlement",
                "day count since the last payment",
                "elapsed-day count",
                "accrual period in days",
                "number of accrued days",
                "time since the last coupon in days",
                "day count from the previous coupon to settlement",
                "elapsed part of the coupon period in days",
            ),
            "L": (
                "last coupon date",
                "previous coupon date",
                "date of the last coupon",
                "last coupon paid on",
                "prior coupon date",
                "most recent coupon date",
                "start of accrual",
                "accrual start date",
                "last payment date",
                "previous interest date",
                "date of the previous coupon",
                "last coupon payment date",
            ),
            "S": (
                "settlement date",
                "trade settlement date",
                "value date",
                "settle date",
                "date of settlement",
                "settlement day",
                "delivery date",
                "date the trade settles",
                "purchase settlement date",
                "value date of the trade",
                "end of accrual",
                "accrual end date",
            ),
            "dc": (
                "day count convention",
                "day count basis",
                "accrual basis",
                "day count",
                "accrual convention",
                "interest day count",
                "day-count method",
                "accrual day count",
                "day count rule",
                "basis for accrued interest",
                "accrued interest basis",
                "day count used for accrual",
            ),
            "m": (
                "coupon frequency",
                "payment frequency",
                "coupon schedule",
                "frequency of coupon payments",
                "coupon payment frequency",
                "interest payment frequency",
                "coupon pay frequency",
                "coupon payment schedule",
                "frequency of interest payments",
                "coupon periodicity",
                "interest payment schedule",
                "payment frequency of the coupon",
            ),
            "ytm": (
                "yield to maturity",
                "YTM",
                "redemption yield",
                "quoted yield",
                "yield at this price",
                "bond yield",
                "market yield",
                "yield on the issue",
                "yield to redemption",
                "current YTM",
                "screen yield",
                "yield at purchase",
            ),
            "mat": (
                "time to maturity in years",
                "remaining term in years",
                "tenor left (years)",
                "remaining life of the bond in years",
                "residual maturity in years",
                "term to maturity",
                "maturity (years from now)",
                "time until redemption in years",
                "remaining life in years",
                "tenor remaining (years)",
                "time left to maturity",
                "number of years to maturity",
            ),
        },
        asks=(
            "What is the invoice price?",
            "What is the dirty price in currency?",
            "How much does the buyer pay in total?",
            "What is the full price, accrued interest included?",
            "What is the settlement amount?",
            "Compute the invoice price of the trade.",
            "whats the all-in cash amount?",
            "How much cash goes to the seller at settlement?",
            "What is the total consideration including accrued?",
            "What is the clean price plus accrued interest, in currency?",
            "What amount appears on the settlement instruction?",
            "How much does the purchase cost, accrued included?",
            "Find the invoice amount the buyer pays.",
            "What is the gross settlement amount for the bonds?",
            "What is the cash price of the bonds between coupon dates?",
            "What is the full (dirty) price paid for the position?",
            "How much money changes hands on settlement day?",
            "Work out the total paid for the bonds.",
            "What does the trade cost in cash, with accrued?",
            "What is the invoice amount on the trade confirmation?",
            "What total does the buyer wire to the seller?",
        ),
        ood_labels={
            "F": ("nominal of paper purchased", "paper nominal"),
            "P": ("flat quotation", "quotation struck ex-interest"),
            "c": ("per-annum distribution rate", "distribution rate per annum"),
            "d": ("position in the distribution cycle (days)", "cycle days elapsed"),
            "L": ("prior distribution date", "date of the prior distribution"),
            "S": ("date the consideration passes", "consideration date"),
            "dc": ("reckoning of elapsed days", "elapsed-day reckoning"),
            "m": ("distribution cadence", "cadence of distributions"),
            "ytm": ("redemption return implied by the quotation", "implied redemption return"),
            "mat": ("span until redemption of the paper", "redemption span"),
        },
        ood_asks=(
            "Determine the gross consideration owed to the vendor.",
            "How large is the total consideration?",
            "What consideration passes to the vendor, interest built up included?",
        ),
    ),
)


# --- markup_from_margin -----------------------------------------------------------------------

_MARKUP_PARAMS: dict[str, Param] = {
    "mg": pct((5, 75), ((80, 95), (0.5, 4)), decimals=1),
    "mk": pct((5, 200), ((250, 900), (0.5, 4)), decimals=1),
}
MARGIN_GIVEN_SHARE = 0.5
_UNIT_COST = money((1.5, 900), ((1.5, 900),), decimals=2)
_MARKUP_ASIDES = {
    "C": (
        "The item costs us {C} per unit.",
        "Our unit cost is {C}.",
        "(Each unit costs {C} to buy in.)",
        "We pay the supplier {C} a unit.",
        "Procurement outlay per article comes to {C}.",
    ),
}
_MARGIN_PHRASES = (
    "{a_rate} gross margin on the selling price",
    "{a_rate} margin on the selling price",
    "a gross margin of {rate} on the selling price",
    "{a_rate} gross margin (as a share of the price)",
)
_MARKUP_PHRASES = (
    "{a_rate} markup on cost",
    "a markup of {rate} on cost",
    "{a_rate} mark-up on cost",
    "{a_rate} markup over cost",
)
_MARGIN_WANTED = (
    "gross margin on the selling price",
    "margin on the selling price",
    "gross margin as a % of the selling price",
)
_MARKUP_WANTED = ("markup on cost", "mark-up on cost", "markup as a % of cost")


def _markup_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A margin ``mg`` or a markup ``mk``, one decimal at most, and in SIDE_FIGURE_SHARE of
    draws the unit cost (not used)."""
    nums = draw_params(_MARKUP_PARAMS, rng, ood)
    drop = "mk" if rng.random() < MARGIN_GIVEN_SHARE else "mg"
    del nums[drop]
    for key in list(nums):
        nums[key] = _shown(nums[key].value, "pct", 2)
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["C"] = _UNIT_COST.draw(rng, False)
    return nums


def _markup_convert(v: Mapping[str, float]) -> float:
    """Worked on notional figures: a price of 100 for a margin (the cost is what is left), a cost
    of 100 for a markup (the price is the cost plus the markup)."""
    if "mg" in v:
        price = 100.0
        cost = price - v["mg"] / 100 * price
    else:
        cost = 100.0
        price = cost + v["mk"] / 100 * cost
    profit = price - cost
    return profit / cost * 100 if "mg" in v else profit / price * 100


def _markup_formula(f: Mapping[str, str]) -> str:
    if "mg" in f:
        return f"{f['mg']}/(100-{f['mg']})*100"
    return f"{f['mk']}/(100+{f['mk']})*100"


def _markup_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{given}``: the percentage given with its basis and article ("a 35% gross margin on the
    selling price"); ``{rate}`` the percentage alone; ``{given_label}`` a heading for it;
    ``{wanted}`` the other basis ("markup on cost"); under ``want`` the same for composed
    questions. Every one names its basis."""
    texts = number_texts(rng, nums)
    margin = "mg" in nums
    rate = texts["mg" if margin else "mk"]
    slots = {"rate": rate, "a_rate": with_article(rate)}
    texts["rate"] = rate
    texts["given"] = rng.choice(_MARGIN_PHRASES if margin else _MARKUP_PHRASES).format(**slots)
    texts["given_label"] = rng.choice(
        ("Gross margin on selling price", "Margin on price", "Gross margin (on sales)")
        if margin
        else ("Markup on cost", "Mark-up (on cost)", "Markup over cost")
    )
    texts["wanted"] = rng.choice(_MARKUP_WANTED if margin else _MARGIN_WANTED)
    texts["want"] = texts["wanted"]
    texts["given_short"] = "margin" if margin else "markup"
    texts["wanted_short"] = "markup" if margin else "margin"
    return texts


MARKUP_FROM_MARGIN = Family(
    name="markup_from_margin",
    unit="percent",
    reasoning="Markup on cost = margin / (1 - margin), and margin on price = markup / "
    "(1 + markup), in percent.",
    params=_MARKUP_PARAMS,
    sample=_markup_sample,
    render=_markup_texts,
    aside=side_sentences(_MARKUP_ASIDES),
    formula=_markup_formula,
    solve=_markup_convert,
    uses=frozenset({"costs"}),
    convention="percent: a gross margin on the selling price g is a markup on cost of g / (100 "
    "- g) * 100; a markup on cost k is a gross margin on the selling price of k / (100 + k) * "
    "100, as the question asks; the unit cost, where shown, changes neither",
    templates=(
        "We price our products at {given}. What {wanted} is that?",
        "Convert {given} into the equivalent {wanted}.",
        "Exam question: A retailer prices goods to earn {given}. Express this as the "
        "equivalent {wanted}, in percent.",
        "Hi Tom, finance quotes everything as {given}, but the buyers think in {wanted_short}s. "
        "What {wanted} should I tell them? Thanks, Aisha",
        "whats {given} as a {wanted_short}? i need the {wanted}",
        "Pricing rule: {given}.\n| {given_label} | {wanted} |\n|---|---|\n| {rate} | ? |\n"
        "Fill in the missing figure.",
        "Quick pricing check:\n- Pricing basis: {given}\n- Needed: the {wanted}\n"
        "What percentage is it?",
        "Please, my boss say we work with {given}. What is this in {wanted}?",
        "I sell handmade candles at markets (my dog comes along and charms the customers). I "
        "aim for {given}. What {wanted} does that mean?",
        "Pricing memo: policy is {given}. Equivalent {wanted} = ?",
        "If a shop applies {given}, what is the {wanted}?",
        "Question 5. A wholesaler sets prices to give {given}. Calculate the corresponding "
        "{wanted}.",
        "Our category manager reports {given}. For the supplier meeting I need the same "
        "figure as the {wanted}. What is it?",
        "How much is {given} when expressed as the {wanted}?",
        "Sorry for my English. In our shop is {given}. I need to know the {wanted}, how much "
        "percent?",
        "The deal was negotiated at {given}. Restate it as the {wanted}, please.",
        "ok so {given}, what's that as the {wanted}?",
        "Dear team, the new line is priced at {given}. What {wanted} does that correspond to? "
        "Best, Marco",
        "{given_label}: {rate}. What is the {wanted}?",
        "Textbook check: {given} corresponds to what {wanted}?",
        "A restaurant prices its menu at {given}. What {wanted} is the chef actually applying?",
    ),
    ood_templates=(
        "The proprietor insists on {given}. Restated against the other yardstick, namely the "
        "{wanted}, what figure results?",
        "Yardstick switch: {given} becomes what {wanted}?",
        "Translate {given} to the {wanted} yardstick for the proprietor's ledger.",
    ),
    parts=Parts(
        labels={
            "mg": (
                "gross margin on the selling price",
                "gross margin on price",
                "margin on the selling price",
                "target margin on selling price",
                "gross margin on sales",
                "margin as a share of the selling price",
                "gross profit margin on the selling price",
                "profit margin on the selling price",
                "gross margin on the sales price",
                "margin on sales",
                "gross margin as a percentage of price",
                "current gross margin on price",
            ),
            "mk": (
                "markup on cost",
                "mark-up on cost",
                "markup percentage on cost",
                "markup over cost",
                "markup on unit cost",
                "markup applied to cost",
                "percentage markup on cost",
                "markup on the cost price",
                "standard markup on cost",
                "mark-up over cost",
                "markup as a percentage of cost",
                "current markup on cost",
            ),
            "want": (
                "required measure",
                "target measure",
                "measure wanted",
                "figure required",
                "conversion target",
                "basis wanted",
                "requested figure",
                "figure to report",
                "pricing measure wanted",
                "quantity sought",
                "basis of the answer",
                "output measure",
            ),
            "C": (
                "unit cost",
                "cost per unit",
                "purchase cost per unit",
                "cost of the item",
                "landed cost per unit",
                "product cost",
                "cost price",
                "cost of goods per unit",
                "supplier cost per unit",
                "production cost per unit",
                "unit cost of the product",
                "buying price per unit",
            ),
        },
        asks=(
            "What is the equivalent percentage?",
            "What percentage is that on the other basis?",
            "Convert the percentage to the basis required.",
            "What is the converted percentage?",
            "What does the given percentage come to on the required basis?",
            "What is the equivalent figure, in percent?",
            "whats the equivalent %?",
            "Restate the percentage on the basis asked for.",
            "What is the same pricing expressed on the required basis?",
            "How much is it on the basis wanted, in percent?",
            "Compute the equivalent percentage.",
            "Convert the pricing percentage.",
            "What percentage should I quote on the required basis?",
            "What figure results from switching the basis?",
            "Find the equivalent percentage on the basis asked for.",
            "What is the figure on the basis requested?",
            "Work out the equivalent percentage.",
            "What number do I report on the required basis?",
            "What is the conversion, in percent?",
            "How does the percentage translate to the other basis?",
            "What is the percentage once converted?",
        ),
        ood_labels={
            "mg": ("margin relative to the ticket figure", "ticket-figure margin"),
            "mk": ("markup atop the outlay", "outlay markup"),
            "want": ("yardstick to restate into", "destination yardstick"),
            "C": ("procurement outlay per article", "article outlay"),
        },
        ood_asks=(
            "Restate the figure against the destination yardstick.",
            "What figure does the yardstick switch yield?",
            "Translate the percentage to the destination yardstick.",
        ),
    ),
)


# --- term_life_premium ------------------------------------------------------------------------

Q_KEYS = ("q1", "q2", "q3", "q4", "q5")
_Q = plain((0.0005, 0.03), ((0.04, 0.25), (0.0001, 0.00045)), decimals=5)
_TL_PARAMS: dict[str, Param] = {
    "B": money((25_000, 2_000_000), ((3_000_000, 50_000_000), (1000, 15000))),
    "i": pct((1, 8), ((8.5, 15), (0.05, 0.8)), decimals=2),
    **{key: _Q for key in Q_KEYS},
}
_TL_ASIDES = {
    "age": (
        "The insured is {age} years old.",
        "The policyholder is aged {age}.",
        "(The life insured turned {age} this year.)",
        "She is {age} and a non-smoker.",
        "The assured life has attained {age} years.",
    ),
}
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_WORDS = ("one", "two", "three", "four", "five")


def _tl_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A benefit and a rate in one band and style; five death probabilities from one band,
    rising with age (sorted), shown to five significant digits; the age in SIDE_FIGURE_SHARE
    of draws."""
    band = rng.randrange(2)
    nums = draw_params({"B": _TL_PARAMS["B"], "i": _TL_PARAMS["i"]}, rng, ood, 2)
    if nums["B"].scale == 1:  # cover is bought in round amounts: $250,000, $1,500,000
        nums["B"] = Num(significant(nums["B"].value, rng.choice((1, 2, 2, 3))), 0, "money")
    low, high = _Q.ood[band] if ood else _Q.train
    start = math.exp(rng.uniform(math.log(low), math.log(high / 1.6)))
    growth = rng.uniform(1.02, 1.12)
    decimals = 5 if start < 0.01 else 4
    values = [min(high, start * growth**k) for k in range(5)]
    for key, value in zip(Q_KEYS, values, strict=True):
        nums[key] = Num(round(value, decimals), decimals, "plain")
    if rng.random() < SIDE_FIGURE_SHARE:
        nums["age"] = Num(float(rng.randint(25, 70)), 0, "plain")
    return nums


def term_keys(values: Values | Mapping[str, object]) -> list[str]:
    """The death probabilities a draw holds, year by year (the policy's term is their count)."""
    return [key for key in Q_KEYS if key in values]


def _term_premium(v: Mapping[str, float]) -> float:
    """A cohort of 100,000 lives followed year by year: the deaths of each year paid the
    benefit at its end, discounted, shared over the cohort."""
    lives = 100_000.0
    alive, paid = lives, 0.0
    discount = 1.0
    for key in term_keys(v):
        discount /= 1 + v["i"] / 100
        deaths = alive * v[key]
        paid += deaths * v["B"] * discount
        alive -= deaths
    return paid / lives


def _tl_formula(f: Mapping[str, str]) -> str:
    terms, alive = [], ""
    for key in term_keys(f):
        terms.append(f"{alive}{f[key]}")
        alive += f"(1-{f[key]})*"
    return f"{f['B']}*npv({f['i']}/100, {', '.join(terms)})"


def _tl_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual; ``{n}`` the term in years (the count of probabilities), ``{qs}`` the
    probabilities in prose, ``{q_list}`` one line each, ``{q_table}`` a markdown table."""
    texts = number_texts(rng, nums)
    keys = term_keys(nums)
    texts["n"] = str(len(keys))
    texts["years"] = "1 year" if len(keys) == 1 else f"{len(keys)} years"
    style = rng.choice(("{q} in year {k}", "year {k}: {q}", "{q} for year {k}"))
    prose = [style.format(q=texts[key], k=k) for k, key in enumerate(keys, 1)]
    texts["qs"] = ", ".join(prose[:-1]) + " and " + prose[-1] if len(prose) > 1 else prose[0]
    texts["q_list"] = "\n".join(f"- year {k}: {texts[key]}" for k, key in enumerate(keys, 1))
    rows = "\n".join(f"| {k} | {texts[key]} |" for k, key in enumerate(keys, 1))
    texts["q_table"] = f"| Policy year | q (death probability) |\n|---|---|\n{rows}"
    return texts


def _q_labels(forms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {
        key: tuple(form.format(ordinal=ordinal, word=word) for form in forms)
        for key, ordinal, word in zip(Q_KEYS, _ORDINALS, _WORDS, strict=True)
    }


_Q_FORMS = (
    "probability of death in year {word}",
    "death probability for the {ordinal} year",
    "{ordinal}-year mortality rate",
    "one-year death probability in year {word}",
    "chance of dying in the {ordinal} policy year",
    "mortality rate for year {word}",
    "q for the {ordinal} year",
    "{ordinal}-year death rate",
    "probability of dying during year {word}",
    "year-{word} mortality",
    "death probability in policy year {word}",
    "mortality assumption for the {ordinal} year",
)
_Q_OOD_FORMS = ("decrement for annum {word}", "annum-{word} decrement")

TERM_LIFE_PREMIUM = Family(
    name="term_life_premium",
    unit="currency",
    reasoning="Term life net single premium = benefit * sum over years k of P(alive at start of "
    "k) * q_k / (1 + i)^k.",
    params=_TL_PARAMS,
    sample=_tl_sample,
    render=_tl_texts,
    aside=side_sentences(_TL_ASIDES),
    formula=_tl_formula,
    solve=_term_premium,
    optional=Q_KEYS[1:],
    convention="currency paid once at issue: the expected present value of the benefit, paid at "
    "the end of the year of death if that is within the term; the chance of dying in year k is "
    "the chance of surviving the earlier years (the product of 1 - q) times q_k; discounted at "
    "the yearly rate; no expenses or profit loading; the age shown beside is not used",
    templates=(
        "A one-year term life policy pays {B} at the end of the year if the insured dies "
        "during it. The probability of death is {q1} and the interest rate is {i}. What is "
        "the net single premium?",
        "Net single premium for a 2-year term insurance of {B}, benefit paid at the end of the "
        "year of death, with death probabilities {q1} in year 1 and {q2} in year 2, at {i} "
        "interest?",
        "Exam question: A 3-year term life insurance pays {B} at the end of the year of "
        "death. The one-year death probabilities are {q1}, {q2} and {q3} for years 1, 2 and "
        "3. Using an interest rate of {i} per year, calculate the net single premium.",
        "Hi Nadia, for the pricing file: {B} of cover for 4 years, benefit at the end of the "
        "year of death. Mortality: q = {q1}, {q2}, {q3}, {q4} for years 1 to 4. Discount at "
        "{i}. What is the net single premium? Thanks, Ravi",
        "ok so 5 yr term, {B} payout at end of the year you die, q's are {q1}, {q2}, {q3}, "
        "{q4}, {q5} and interest {i}. whats the single premium (no loading)?",
        "Term life for 3 years, {B} benefit, payable at the end of the year of death, "
        "interest {i}.\n"
        "| Policy year | q |\n|---|---|\n| 1 | {q1} |\n| 2 | {q2} |\n| 3 | {q3} |\n"
        "What is the net single premium?",
        "Term cover of {B} for 2 years:\n- q in year 1: {q1}\n- q in year 2: {q2}\n- interest: "
        "{i} a year\nBenefit at the end of the year of death. Net single premium?",
        "Please help. Insurance pays {B} if the person die, at end of that year, only in the "
        "next 3 years. Death probability is {q1} first year, {q2} second year, {q3} third "
        "year. Interest {i}. How much is the single premium without costs?",
        "My neighbour breeds alpacas and wants cover for a 2-year loan: {B} if he dies, paid "
        "at the end of the year of death. His death probabilities are {q1} this year and {q2} "
        "next year; money earns {i}. What single premium is fair, ignoring expenses?",
        "Actuarial note: {B} sum assured, 4-year term, death benefit at the end of the year of "
        "death, i = {i}, q = ({q1}, {q2}, {q3}, {q4}). NSP = ?",
        "What is the expected present value of the {B} death benefit paid at the end of the year "
        "of death if death happens within 1 year, with a death probability of {q1} and "
        "interest at {i}?",
        "Question 8. An insurer issues a 3-year term policy with a death benefit of {B} "
        "payable at the end of the year of death. Mortality: q = {q1} in year 1, {q2} in year "
        "2, {q3} in year 3. The interest rate is {i} per annum. Find the net single premium.",
        "How much should a single premium be for 5 years of term cover worth {B}, paid at the "
        "end of the year of death? Yearly death probabilities: {q1}, {q2}, {q3}, {q4}, {q5}. "
        "Interest rate {i}.",
        "Pricing check, 2-year term: benefit {B} (end of year of death), q1 = {q1}, q2 = {q2}, "
        "discount rate {i}. Expected PV of the benefit?",
        "Sorry for my English. The policy is term 4 years, pays {B} at end of year when person "
        "die. The probability for die each year is {q1}, {q2}, {q3}, {q4}. Interest is {i}. "
        "Which is the net single premium?",
        "For my actuarial exam: benefit {B}, one-year term, paid at the end of the year of "
        "death, q = {q1}, i = {i}. Net single premium?",
        "Dear colleague, please price a 3-year term assurance: sum assured {B}, paid at the "
        "end of the year of death. Death probabilities by year: {q1}, {q2}, {q3}. Interest "
        "{i}. What net single premium do you get? Best regards, Henrik",
        "A 5-year term life policy pays {B} at the end of the year of death. The death "
        "probabilities for years 1 to 5 are {q1}, {q2}, {q3}, {q4} and {q5}; interest is {i} "
        "a year. Compute the net single premium.",
        "What lump sum today covers the expected cost of paying {B} on death within 4 years "
        "(paid at the end of the year of death), given q = {q1}, {q2}, {q3}, {q4} and {i} "
        "interest?",
        "term ins NSP: {B}, 1 yr, q {q1}, i {i}, benefit end of year",
        "We are quoting a 2-year term policy with a benefit of {B}, payable at the end of the "
        "year of death. The mortality table gives {q1} and {q2} for the two years, and we "
        "discount at {i}. What is the net single premium?",
    ),
    ood_templates=(
        "An assurer underwrites temporary cover of {B} over 3 years, settled when the annum "
        "of decease closes. Decrements run {q1}, {q2}, {q3}; money accrues at {i}. Fair lump "
        "sum upfront?",
        "Temporary assurance, 2 years, capital sum {B} settled at the close of the annum of "
        "decease; decrements {q1} then {q2}; accrual {i}. Lump sum owed at inception?",
        "Determine the upfront lump sum for temporary cover of {B} lasting 4 years, decrements "
        "{q1}, {q2}, {q3}, {q4}, the capital sum settled as the annum of decease closes, money "
        "accruing at {i}.",
    ),
    parts=Parts(
        labels={
            "B": (
                "death benefit",
                "sum assured",
                "sum insured",
                "face amount of the policy",
                "benefit paid on death",
                "amount of cover",
                "policy benefit",
                "death benefit (end of year of death)",
                "insured amount",
                "payout on death",
                "face value of the policy",
                "benefit amount",
            ),
            "i": (
                "interest rate",
                "annual interest rate",
                "discount rate",
                "valuation interest rate",
                "yearly interest rate",
                "interest rate per year",
                "technical interest rate",
                "effective annual rate",
                "rate of interest",
                "discount rate per year",
                "interest assumption",
                "pricing interest rate",
            ),
            **_q_labels(_Q_FORMS),
            "age": (
                "age of the insured",
                "insured's age",
                "age at issue",
                "policyholder age",
                "current age",
                "age of the life insured",
                "entry age",
                "issue age",
                "age last birthday",
                "applicant's age",
                "age of the policyholder",
                "age at entry",
            ),
        },
        asks=(
            "What is the net single premium?",
            "What is the net single premium of the term policy?",
            "How much is the single premium, with no expense loading?",
            "What is the expected present value of the death benefit?",
            "What is the actuarial present value of the term insurance?",
            "Compute the net single premium.",
            "whats the NSP?",
            "What lump sum premium is actuarially fair?",
            "What is the NSP of the term cover?",
            "What should the policy cost as a single premium, ignoring loadings?",
            "What is the present value of expected death claims?",
            "Find the net single premium of the term assurance.",
            "What is the fair one-off premium for the cover?",
            "How much should be charged up front for the term cover, net of expenses?",
            "What is the expected discounted payout of the policy?",
            "Price the term policy as a net single premium.",
            "What is the cost today of the expected death benefits?",
            "What one-time premium covers the expected claims?",
            "What is the APV of the death benefit?",
            "What premium, paid once at issue, funds the expected benefits?",
            "What is the term insurance's net single premium?",
        ),
        ood_labels={
            "B": ("capital sum on decease", "decease capital"),
            "i": ("money accrual rate", "accrual rate on funds"),
            **_q_labels(_Q_OOD_FORMS),
            "age": ("attained age of the assured life", "assured life's attained age"),
        },
        ood_asks=(
            "Determine the upfront lump sum owed at inception.",
            "What fair lump sum is owed upfront for the temporary cover?",
            "How large is the inception lump sum?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    SAVINGS_GOAL_WITH_BALANCE,
    BOND_INVOICE_PRICE,
    MARKUP_FROM_MARGIN,
    TERM_LIFE_PREMIUM,
)
