"""Household finance: a borrower's debt-to-income ratio, how long a pot lasts under fixed
withdrawals, and how many covered calls a share holding backs.

``debt_to_income`` lists two to four monthly debt payments by name (rent or a mortgage, a car
payment, a student loan, a credit card minimum, a personal loan) in prose, a list or a table,
beside a gross income given per month or per year: the back-end ratio is
``(1650+420+280)/6500*100``, or ``(1650+420+280)/(78000/12)*100`` for "$78,000 a year". Some
questions list a living cost (groceries, utilities) among the payments: it is no debt, and the
formula leaves it out.

``years_until_depleted`` is a pot earning a rate a year with the same withdrawal at the end of
each year, drawn only where the withdrawal exceeds the interest (otherwise the pot never runs
out): ``-log(1-1000000*4/100/60000)/log(1+4/100)``, fractional years.

``covered_calls`` is ``floor(shares / contract size)``: each call written is covered by a whole
contract's worth of shares (100 shares on US exchanges; 10 for mini options, 1,000 on some other
markets), and the question always states the size.

Solvers are written independently of the formula text: the ratio from a yearly view of the
debts, a bisection on the annuity that the pot can pay, and integer division.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
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
    time_to_reach,
)

# --- debt_to_income ---------------------------------------------------------------------------

# Monthly debt payments in the order questions list them (and formulas add them): housing, car,
# student loan, credit card minimum, personal loan. Out of range, a high earner's.
DEBT_KEYS = ("H", "A", "S", "C", "L")
_DEBT_PARAMS: dict[str, Param] = {
    "H": money((500, 4500), ((6000, 60000),)),
    "A": money((150, 950), ((1200, 12000),)),
    "S": money((80, 800), ((1000, 9000),)),
    "C": money((25, 450), ((600, 6000),)),
    "L": money((100, 900), ((1200, 10000),)),
}
# Gross income, a month ("I") or a year ("Y"); a question shows one of them.
_INCOME_PARAMS: dict[str, Param] = {
    "I": money((2500, 22000), ((30000, 300000),)),
    "Y": money((30000, 260000), ((360000, 3_600_000),)),
}
_DTI_PARAMS = {**_DEBT_PARAMS, **_INCOME_PARAMS}
# Monthly living costs people list beside their debts; no lender counts them in the ratio.
# Drawn in their training range in every split (a distractor, not an input).
EXPENSE_KEYS = ("G", "U", "T")
_EXPENSES: dict[str, Param] = {
    "G": money((250, 1200), ((250, 1200),)),
    "U": money((90, 450), ((90, 450),)),
    "T": money((50, 220), ((50, 220),)),
}
YEARLY_INCOME_SHARE = 0.35
EXPENSE_SHARE = 0.35

DEBT_NAMES: dict[str, tuple[str, ...]] = {
    "H": ("rent", "mortgage payment", "mortgage", "home loan payment"),
    "A": ("car payment", "car loan", "auto loan payment", "car loan payment"),
    "S": ("student loan payment", "student loan", "student loan repayment"),
    "C": ("credit card minimum", "minimum credit card payment", "credit card minimum payment"),
    "L": ("personal loan payment", "personal loan", "personal loan repayment"),
}
EXPENSE_NAMES: dict[str, tuple[str, ...]] = {
    "G": ("groceries", "food and groceries", "grocery bill"),
    "U": ("utilities", "utility bills", "electricity and water"),
    "T": ("phone and internet", "phone bill", "internet and mobile"),
}
_MONTHLY = ("a month", "per month", "monthly")
_YEARLY = ("a year", "per year", "annually")


def debt_keys(values: Values | Mapping[str, float]) -> list[str]:
    """The debts a question lists, in list order."""
    return [key for key in DEBT_KEYS if key in values]


def _dti_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Two to four debts (a housing payment in most questions), an income per month or per
    year, and in some questions one living cost beside the debts."""
    nums = draw_params(_DTI_PARAMS, rng, ood)
    count = rng.choice((2, 3, 3, 4))
    if rng.random() < 0.8:  # most people listing their debts start from the rent or mortgage
        others = rng.sample(DEBT_KEYS[1:], count - 1)
        kept_debts = {"H", *others}
    else:
        kept_debts = set(rng.sample(DEBT_KEYS, count))
    income = "Y" if rng.random() < YEARLY_INCOME_SHARE else "I"
    kept = {key: nums[key] for key in DEBT_KEYS if key in kept_debts}
    kept[income] = nums[income]
    if rng.random() < EXPENSE_SHARE:
        expense = rng.choice(EXPENSE_KEYS)
        kept[expense] = _EXPENSES[expense].draw(rng, False)
    return kept


def _monthly_income(v: Mapping[str, float]) -> float:
    return v["I"] if "I" in v else v["Y"] / 12


def _dti(v: Mapping[str, float]) -> float:
    """A year of debt payments over a year of gross income, in percent."""
    yearly_debts = 12 * math.fsum(v[key] for key in debt_keys(v))
    yearly_income = v["Y"] if "Y" in v else 12 * v["I"]
    return yearly_debts / yearly_income * 100


def _dti_valid(v: Mapping[str, float]) -> bool:
    amounts = [v[key] for key in (*debt_keys(v), *EXPENSE_KEYS) if key in v]
    # A ratio lenders see (10 to 60 %), and every amount listed distinct, so the living cost
    # can never be mistaken for a debt of the same size.
    return 10 <= _dti(v) <= 60 and len(set(amounts)) == len(amounts)


def _dti_formula(f: Mapping[str, str]) -> str:
    total = "+".join(f[key] for key in debt_keys(f))
    income = f["I"] if "I" in f else f"({f['Y']}/12)"
    return f"({total})/{income}*100"


def _dti_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """``{debts}``: the monthly payments in prose; ``{debts_list}``: one line each;
    ``{debts_table}``: a markdown table; ``{income}``: the gross income with its period ("$6,500
    a month", "$78,000 a year"). A living cost, when drawn, sits among the payments."""
    texts = number_texts(rng, nums)
    items = [(rng.choice(DEBT_NAMES[key]), texts[key]) for key in debt_keys(nums)]
    for key in EXPENSE_KEYS:
        if key in nums:
            items.insert(
                rng.randrange(1, len(items) + 1), (rng.choice(EXPENSE_NAMES[key]), texts[key])
            )
    style = rng.choice(("{name} {amount}", "{amount} for the {name}", "{name} of {amount}"))
    prose = [style.format(name=name, amount=amount) for name, amount in items]
    texts["debts"] = ", ".join(prose[:-1]) + " and " + prose[-1]
    texts["debts_list"] = "\n".join(f"- {name}: {amount}" for name, amount in items)
    header = rng.choice(("Monthly payment", "Item (monthly)", "Each month"))
    rows = "\n".join(f"| {name[0].upper()}{name[1:]} | {amount} |" for name, amount in items)
    texts["debts_table"] = f"| {header} | Amount |\n|---|---|\n{rows}"
    if "I" in nums:
        texts["income"] = f"{texts['I']} {rng.choice(_MONTHLY)}"
    else:
        texts["income"] = f"{texts['Y']} {rng.choice(_YEARLY)}"
    return texts


DEBT_TO_INCOME = Family(
    name="debt_to_income",
    unit="percent",
    reasoning="Debt-to-income ratio = sum of monthly debt payments / gross monthly income * 100.",
    params=_DTI_PARAMS,
    sample=_dti_sample,
    render=_dti_texts,
    valid=_dti_valid,
    formula=_dti_formula,
    solve=_dti,
    uses=frozenset({"leverage"}),
    convention="percent, back-end: every monthly debt payment listed (rent or mortgage, car, "
    "student loan, card minimum, personal loan) over gross monthly income (a yearly income "
    "divided by 12); only debt payments count: living costs such as groceries, utilities or a "
    "phone bill are not debts",
    templates=(
        "My monthly payments are {debts}. My gross income is {income}. What is my debt-to-income "
        "ratio?",
        "What's my DTI? I pay {debts} each month and earn {income} before tax.",
        "Each month I pay:\n{debts_list}\nGross income: {income}. What is my back-end "
        "debt-to-income ratio, in percent?",
        "{debts_table}\n\nGross income: {income}. Debt-to-income ratio?",
        "Exam question: A loan applicant has gross income of {income}. Her monthly obligations "
        "are {debts}. Calculate her back-end debt-to-income ratio.",
        "Hi Dana, before we send the mortgage file to underwriting: the borrower earns {income} "
        "gross and pays {debts} every month. What DTI should I put on the form? Thanks, Marcus",
        "hey so i make {income} (before taxes) and every month i pay {debts}. whats my dti "
        "ratio lol",
        "Gross income: {income}\nMonthly outgoings:\n{debts_list}\nWhat is the "
        "debt-to-income ratio?",
        "Please help me. My salary before tax is {income}. Every month I am paying {debts}. "
        "How much percent is my debt to income?",
        "We're applying for a mortgage and the bank asked about our debt-to-income ratio. "
        "Our gross household income is {income}; each month we pay {debts}. Our dog has "
        "nothing to do with it, but he chewed the paperwork. What's the ratio?",
        "DTI check: gross income {income}; monthly: {debts}.",
        "Compute the back-end DTI for a borrower with gross income of {income} who pays {debts} "
        "a month.",
        "Monthly budget:\n{debts_table}\nI earn {income} before tax. What percentage of my "
        "gross income goes to debt payments?",
        "Question 4. A household's gross income is {income}. Its monthly outgoings are {debts}. "
        "Determine the household's debt-to-income ratio.",
        "Loan officer note: applicant income {income} gross, monthly outflows {debts}. DTI = ?",
        "i'm trying to see if i qualify for a car lease. income {income} pre-tax. monthly "
        "stuff:\n{debts_list}\nwhat's my debt to income",
        "Sorry for my English. I earn {income} brutto. Each month I pay {debts}. What is my "
        "debt-to-income ratio in percent?",
        "Gross pay {income}. Monthly: {debts}. What share of income goes to debt payments (DTI)?",
        "Hello, my partner and I are refinancing. Together we make {income} before tax, and "
        "our monthly payments are:\n{debts_list}\nWhat is our DTI ratio?",
        "Back-end DTI, please. Monthly items:\n{debts_table}\nGross income: {income}.",
        "How high is the debt-to-income ratio of someone who earns {income} gross and whose "
        "monthly payments are {debts}?",
    ),
    ood_templates=(
        "Underwriter's worksheet. Earnings before withholding: {income}. Recurring monthly "
        "commitments: {debts}. Express obligations as a fraction of earnings, in percent.",
        "Obligations relative to pay, as a percentage: the applicant grosses {income} and "
        "services these each month:\n{debts_table}",
        "Tally of recurring outflows per month: {debts}. Pre-withholding earnings: {income}. "
        "What burden ratio results?",
    ),
)


# --- years_until_depleted ---------------------------------------------------------------------

_POT = money((50_000, 3_000_000), ((4_000_000, 60_000_000),))
_POT_RATE = pct((0.5, 8), ((8.5, 14), (0.05, 0.45)), ood_decimals=2)
_WITHDRAWAL = money((1500, 450_000), ((500_000, 9_000_000),))


def _annuity_value(withdrawal: float, rate: float, years: float) -> float:
    """What ``years`` (fractional) of year-end withdrawals are worth today at ``rate``."""
    return withdrawal * (1 - (1 + rate) ** -years) / rate


def _years_until_depleted(v: Mapping[str, float]) -> float:
    """The time at which the withdrawals the pot pays are worth the pot: a bracket doubled until
    it holds the pot, then halved."""
    pot, withdrawal, rate = v["P"], v["W"], v["r"] / 100

    def short(years: float) -> bool:
        return _annuity_value(withdrawal, rate, years) < pot

    return time_to_reach(short)


def _depletion_valid(v: Mapping[str, float]) -> bool:
    withdrawal_rate = v["W"] / v["P"] * 100
    # The withdrawal must beat the interest (by a margin, so the pot runs out in a horizon people
    # plan over); a withdrawal rate people plan with (3 to 15 % of the pot; above a high rate out
    # of range).
    if v["P"] * v["r"] / 100 > 0.92 * v["W"]:
        return False
    if not 3 <= withdrawal_rate <= max(15.0, v["r"] + 6):
        return False
    return 2 <= _years_until_depleted(v) <= 70


YEARS_UNTIL_DEPLETED = Family(
    name="years_until_depleted",
    unit="years",
    reasoning="Years until a pot runs out = -ln(1 - pot * rate / withdrawal) / ln(1 + rate), "
    "withdrawals at each year end.",
    params={"P": _POT, "r": _POT_RATE, "W": _WITHDRAWAL},
    valid=_depletion_valid,
    formula=lambda f: f"-log(1-{f['P']}*{f['r']}/100/{f['W']})/log(1+{f['r']}/100)",
    solve=_years_until_depleted,
    convention="years, fractional (not rounded to whole years); the pot earns the rate once a "
    "year and the same withdrawal is taken at the end of each year, no inflation adjustment",
    templates=(
        "I have {P} saved and it earns {r} a year. If I take out {W} at the end of every year, "
        "how many years until the money runs out?",
        "Retirement pot {P}, return {r} p.a., withdrawal {W} at the end of each year. How long "
        "does the pot last, in years?",
        "Exam question: A retiree holds {P} in an account earning {r} per annum, compounded "
        "annually. She withdraws {W} at the end of each year. Calculate the number of years "
        "(fractional) until the account is exhausted.",
        "Hi Omar, the client retires with {P}. Assuming {r} a year on the portfolio and a fixed "
        "{W} drawn at each year end, how many years before she runs out? Fractions of a year "
        "are fine. Thanks, Elena",
        "how long will {P} last if i pull {W} out at the end of every year and it makes {r} a "
        "yr?? not adjusting for inflation",
        "| starting pot | annual return | withdrawal (year end) |\n| {P} | {r} | {W} |\nYears "
        "until the pot is empty?",
        "- Savings: {P}\n- Return: {r} per year\n- Withdrawal: {W} at the end of each year\n"
        "How many years will the savings last?",
        "Please, I have {P} in the bank with {r} interest each year. Every end of year I take "
        "{W} for living. After how many years the money is finish?",
        "My uncle sold his bakery (he still bakes bread every Sunday) and put {P} into a fund "
        "returning {r} a year. He plans to withdraw {W} at the end of each year. How many years "
        "will the money last?",
        "Drawdown plan: {P} pot, {r} annual growth, {W} taken at every year end. Years to "
        "depletion?",
        "An endowment of {P} earns {r} annually and pays out {W} at the end of each year. After "
        "how many years is it used up?",
        "Question 5. A fund of {P} earns interest at {r} per year. Level withdrawals of {W} are "
        "made at the end of each year. Find the time, in years, until the fund is depleted.",
        "If a pension pot of {P} grows at {r} a year and {W} is withdrawn at the end of each "
        "year, how many years until it hits zero?",
        "We've got {P} put away for retirement, earning {r} per year. We want to spend {W} a "
        "year, withdrawn at year end. How many years does that give us?",
        "How long does {P} last at {r} annual interest with year-end withdrawals of {W}?",
        "ok so pot = {P}, growth {r}/yr, taking {W} at end of each year. how many years till "
        "its gone",
        "Sustainability check: portfolio {P}, expected return {r} per annum, spending {W} at "
        "each year end, no inflation indexing. Number of years until the money is exhausted?",
        "A lottery winner invests {P} at {r} a year and withdraws {W} at the end of every year. "
        "How many years will the winnings last?",
        "Hello, I am retired. My savings are {P} and the bank gives {r} each year. I take {W} "
        "at the end of the year, every year. How many years my savings will be enough?",
        "Years of income from a nest egg of {P} earning {r} a year, paying out {W} at each "
        "year end?",
        "Starting balance {P}; interest {r} a year, credited annually; withdrawals {W} at the "
        "end of every year. When does the balance reach zero, in years?",
    ),
    ood_templates=(
        "A corpus of {P} accrues {r} yearly while {W} is peeled off as each twelvemonth closes. "
        "Over what span is it exhausted?",
        "Decumulation: capital {P}, yield {r}, disbursement {W} posted at every anniversary. "
        "Estimate the span before exhaustion.",
        "Once {W} leaves the {P} corpus at the close of every twelvemonth, and {r} accrues "
        "yearly in between, after how long does nothing remain?",
    ),
    parts=Parts(
        labels={
            "P": (
                "retirement pot",
                "starting balance",
                "savings at retirement",
                "portfolio value today",
                "nest egg",
                "current balance of the fund",
                "amount saved",
                "capital at the start",
                "pension pot",
                "lump sum invested",
                "opening balance",
                "starting capital",
            ),
            "r": (
                "annual return on the pot",
                "interest rate per year",
                "yearly growth rate",
                "return p.a. (compounded annually)",
                "annual interest earned",
                "expected annual return",
                "growth rate per annum",
                "yearly return on the balance",
                "rate of return each year",
                "annual yield on the savings",
                "interest credited per year",
                "assumed return per year",
            ),
            "W": (
                "annual withdrawal (end of each year)",
                "yearly withdrawal",
                "amount taken out each year (at year end)",
                "withdrawal at each year end",
                "yearly drawdown",
                "annual income drawn (end of year)",
                "year-end withdrawal",
                "amount withdrawn per year",
                "fixed yearly withdrawal",
                "annual payout from the pot",
                "income taken each year",
                "yearly spending from the pot",
            ),
        },
        asks=(
            "How many years until the pot runs out?",
            "How long will the money last, in years?",
            "After how many years is the balance zero?",
            "How many years of withdrawals can the pot fund?",
            "When does the money run out (in years, fractional)?",
            "How many years before the savings are gone?",
            "Compute the number of years until the fund is depleted.",
            "What is the time to depletion, in years?",
            "How long until the account is empty?",
            "how many yrs till the money's gone?",
            "For how many years can the withdrawals continue?",
            "Work out how many years the savings will last.",
            "What is the lifespan of the pot in years?",
            "How many years will the nest egg support these withdrawals?",
            "Find the number of years until the balance is used up.",
            "In how many years does the pot hit zero?",
            "How many years does the retirement money last at this rate of withdrawal?",
            "What is the number of years, not rounded, until the pot is exhausted?",
            "How long can I keep withdrawing before the balance runs dry?",
            "Solve for the term of the annuity the pot can pay: how many years?",
            "How soon will the money run out, in years?",
        ),
        ood_labels={"P": ("corpus on hand",)},
        ood_asks=("Estimate the span, in years, before exhaustion.",),
    ),
)


# --- covered_calls ----------------------------------------------------------------------------

_SHARES = plain((100, 50_000), ((60_000, 3_000_000),), log=True)
# Shares one option contract covers: 100 on US exchanges, 10 for mini options, 1,000 on some
# other markets (listed for the README; drawn by weight in _covered_sample).
_CONTRACT_SIZE = plain((0, 0), ((0, 0),), choices=(10, 100, 1000))
_SIZE_WEIGHTS = ((100, 0.75), (1000, 0.15), (10, 0.10))
_ROUND_HOLDING_SHARE = 0.35  # holdings people write as round lots: 1,250, 3,500, 800


def _covered_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    drawn = _SHARES.draw(rng, ood)
    shares = drawn.value
    if rng.random() < _ROUND_HOLDING_SHARE:
        step = rng.choice((10, 25, 50, 100))
        rounded = round(shares / step) * step
        low, high = _SHARES.ood[0] if ood else _SHARES.train
        if low <= rounded <= high:
            shares = float(rounded)
    sizes, weights = zip(*_SIZE_WEIGHTS, strict=True)
    size = rng.choices(sizes, weights)[0]
    return {"N": Num(shares, 0, "plain"), "k": Num(float(size), 0, "plain")}


def _covered_calls(v: Mapping[str, float]) -> float:
    # Integer arithmetic: the whole contracts the shares cover.
    return float(round(v["N"]) // round(v["k"]))


COVERED_CALLS = Family(
    name="covered_calls",
    unit="count",
    reasoning="Covered calls that can be written = floor(shares held / shares per contract).",
    params={"N": _SHARES, "k": _CONTRACT_SIZE},
    sample=_covered_sample,
    valid=lambda v: v["N"] >= v["k"],
    formula=lambda f: f"floor({f['N']}/{f['k']})",
    solve=_covered_calls,
    tolerance=0.0,
    # the count is rounded down as asked, and writing a call is a short option position
    uses=frozenset({"rounding", "shorting"}),
    convention="count of whole contracts, rounded down; each call written is covered by one "
    "contract's worth of shares held (the contract size the question states)",
    templates=(
        "I own {N} shares of XYZ. Each option contract covers {k} shares. How many covered "
        "call contracts can I write?",
        "Shares held: {N}. Contract size: {k} shares. Maximum number of covered calls?",
        "Exam question: An investor holds {N} shares of a stock. Equity options on this "
        "exchange have a contract size of {k} shares. How many call contracts can the investor "
        "write such that every contract is fully covered?",
        "Hi Ben, the client holds {N} shares of the bank and wants to sell covered calls "
        "against them. Contracts here are for {k} shares each. How many can we write? Thanks, "
        "Aisha",
        "| shares held | shares per contract |\n| {N} | {k} |\nHow many covered calls can be sold?",
        "- Position: {N} shares\n- Option contract size: {k} shares\nHow many whole covered "
        "call contracts?",
        "Please help, I have {N} shares. One option contract is {k} shares. How many covered "
        "call I can sell?",
        "ok so i've got {N} shares and contracts are {k} shares each. how many covered calls "
        "can i write? whole contracts only",
        "How many covered calls can be written against a holding of {N} shares if each contract "
        "represents {k} shares?",
        "My grandfather left me {N} shares of an oil company (and a very old fishing boat). I "
        "want to write covered calls on them; each contract is {k} shares. How many contracts "
        "can I sell?",
        "Covered call overlay: {N} shares in the account, {k} shares per contract. Number of "
        "contracts to write?",
        "Question 2 (1 mark). A portfolio contains {N} shares of ABC. If one call option "
        "contract is written on {k} shares, what is the maximum number of covered calls that "
        "can be written?",
        "We hold {N} shares and the options market uses a contract size of {k}. What's the most "
        "calls we can write with every contract covered by shares we own?",
        "Income strategy: sell covered calls against {N} shares. Each contract is on {k} "
        "shares. How many contracts, in whole numbers?",
        "covered calls on {N} shares, {k} per contract: how many?",
        "Sorry for my English. I have {N} stocks of one company and want to sell call options "
        "covered by them. One contract is {k} stocks. How many contracts is possible?",
        "Given a long position of {N} shares and a contract multiplier of {k} shares, find the "
        "number of covered call contracts that can be written (whole contracts only).",
        "The fund owns {N} shares. Options on the stock trade in contracts of {k} shares. How "
        "many calls can the fund write without any being naked?",
        "How many option contracts can I sell as covered calls with {N} shares, at {k} shares "
        "per contract? Round down.",
        "Position {N} shs; contract size {k}. Max covered calls (whole contracts)?",
        "My broker says each call contract on this stock is for {k} shares. I own {N} shares. "
        "How many covered calls am I allowed to write?",
    ),
    ood_templates=(
        "A parcel of {N} equities sits in custody; the bourse lists derivatives in blocks of "
        "{k}. Tally the fully backed calls one may sell.",
        "Backing available: {N} equities. Block per derivative: {k}. Greatest tally of backed "
        "calls sellable?",
        "With {N} equities in custody and derivatives listed in blocks of {k}, what tally of "
        "fully backed calls can be sold?",
    ),
    parts=Parts(
        labels={
            "N": (
                "number of shares held",
                "share count",
                "position size in shares",
                "stock holding (shares)",
                "size of the stock position",
                "number of shares owned",
                "shareholding",
                "long stock position (number of shares)",
                "quantity of stock owned",
                "share position",
                "holding in the underlying (shares)",
                "number of shares in the account",
            ),
            "k": (
                "contract size",
                "number of shares per contract",
                "contract multiplier (shares per contract)",
                "option contract size",
                "lot size of one option",
                "size of one call contract",
                "deliverable per contract (shares)",
                "contract unit in shares",
                "shares-per-contract figure",
                "call contract size",
                "quantity of stock per contract",
                "number of shares one contract covers",
            ),
        },
        asks=(
            "How many covered calls can be written?",
            "What is the maximum number of covered call contracts?",
            "How many call contracts can I sell, each fully covered?",
            "How many whole contracts can be written against the shares?",
            "max covered calls?",
            "How many covered calls can the investor sell?",
            "Compute the number of covered call contracts, rounded down.",
            "What is the largest number of calls that the shares cover?",
            "How many contracts can I write without going naked?",
            "How many calls can be sold so that every contract is covered?",
            "Work out the number of whole covered call contracts.",
            "How many option contracts can go on the covered call order?",
            "What's the most covered calls the position supports?",
            "how many covered calls can i write?",
            "How many full contracts can be written on the stock held?",
            "Find the number of covered calls, whole contracts only.",
            "What is the number of covered call contracts the holding allows?",
            "How many contracts should the covered call ticket show?",
            "How many calls can be written with shares behind every one?",
            "What number of covered calls fits the shares owned, rounded down?",
        ),
        ood_labels={"N": ("parcel of equities in custody",)},
        ood_asks=("Tally the fully backed calls one may sell.",),
    ),
)

FAMILIES: tuple[Family, ...] = (DEBT_TO_INCOME, YEARS_UNTIL_DEPLETED, COVERED_CALLS)
