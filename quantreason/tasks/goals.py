"""Savings goals: the level deposit that builds up to a target amount, and the years a sum takes
to grow to a target.

People plan toward a number (a house deposit, tuition, a car, a retirement pot) and ask the
question backwards: not "what will I have?" but "how much must I put away each month?" or "how
long until my money gets there?". The first is the future value of an annuity solved for the
deposit (a sibling of annuity_fv, which gives the balance, and of loan_instalment, which repays
a loan); the second is compound growth solved for the time (a sibling of doubling_time, whose
target is always twice the start: here both amounts are stated and the target is not double).

The balance itself, when the deposits come monthly or quarterly ("$500 at the end of every month
for 20 years at 7 % compounded monthly"), is ``annuity_fv_periodic``: annuity_fv's future value
with the rate and the count per deposit period. annuity_fv (yearly deposits) taught only years,
and the read probes' monthly and quarterly savings questions came back as one lump sum grown.

Each teaches its own reasoning sentence. Solvers are written independently of the formula text
(an account simulated deposit by deposit, a bisection on the growth curve).
"""

from __future__ import annotations

from quantreason.tasks.base import Family, Parts, TermCount, money, pct, plain, time_to_reach
from quantreason.tasks.growth import frequency_words
from quantreason.tasks.term_counts import term_formula

# Deposits a year, written as the adjective a question puts before "deposit".
_DEPOSIT_WORDS = {
    1.0: ("annual", "yearly", "end-of-year"),
    4.0: ("quarterly", "end-of-quarter", "quarter-end"),
    12.0: ("monthly", "end-of-month", "month-end"),
}


# Labels the two deposit families share: the nominal rate compounded with each deposit, and
# how often the deposits come.
_NOMINAL_RATE_LABELS = (
    "annual interest rate",
    "nominal rate p.a.",
    "rate earned per year",
    "interest (compounded each deposit period)",
    "yearly rate",
    "return p.a.",
    "account rate per year",
    "annual rate, compounded with each deposit",
    "interest rate per annum",
    "expected return per year",
    "nominal annual interest",
    "assumed growth rate p.a.",
)
_DEPOSIT_FREQUENCY_LABELS = (
    "deposit frequency",
    "deposits",
    "saving schedule",
    "contribution frequency",
    "how often I deposit",
    "deposit timing",
    "payment schedule",
    "frequency of deposits",
    "deposit cycle",
    "contribution schedule",
    "saving frequency",
    "deposit interval",
)


def _unit_deposits_balance(v: dict) -> float:
    """Balance right after the last of the deposits of 1, the account simulated period by
    period (interest at the annual rate over the deposits a year, then the deposit)."""
    rate = v["r"] / 100 / v["m"]
    balance = 0.0
    for _ in range(round(v["n"] * v["m"])):
        balance += balance * rate
        balance += 1.0
    return balance


def _goal_deposit(v: dict) -> float:
    return v["T"] / _unit_deposits_balance(v)


def _goal_formula(f: dict) -> str:
    if float(f["m"]) == 1:
        return f"{f['T']}*({f['r']}/100)/((1+{f['r']}/100)**{f['n']}-1)"
    i = f"{f['r']}/100/{f['m']}"
    periods = term_formula(f, f["m"])
    return f"{f['T']}*({i})/((1+{i})**{periods}-1)"


SAVINGS_GOAL = Family(
    name="savings_goal",
    unit="currency",
    reasoning="Deposit to reach a target = target * i / ((1 + i)^N - 1), i and N per deposit "
    "period.",
    params={
        "T": money((2000, 500000), ((1_000_000, 20_000_000),)),
        "r": pct((0.5, 10), ((11, 20), (0.1, 0.4)), ood_decimals=2),
        "n": plain((2, 30), ((35, 50),)),
        "m": plain((0, 0), ((0, 0),), choices=tuple(_DEPOSIT_WORDS)),
    },
    # A deposit of a few dollars a month toward a goal is no plan anyone makes.
    valid=lambda v: _goal_deposit(v) >= 25,
    render=frequency_words(_DEPOSIT_WORDS, "m"),  # type: ignore[arg-type]
    formula=_goal_formula,
    solve=_goal_deposit,
    term_count=TermCount(nouns=("deposits", "contributions", "payments")),
    convention="currency per deposit; deposits at the end of each period, the nominal annual "
    "rate divided by the deposits a year and compounded at that frequency",
    templates=(
        "What {m} deposit, paid at the end of each period, grows to {T} in {n} years at {r} a "
        "year, compounded with every deposit?",
        "I want to have {T} saved up in {n} years. The account pays {r} per year, compounded "
        "at the same frequency as my deposits. How big does each {m} deposit need to be?",
        "Savings goal: {T}. Time frame: {n} years. Interest: {r} p.a., compounded per deposit "
        "period. Deposits: {m}. Required deposit?",
        "Exam question: An investor wishes to accumulate {T} by the end of {n} years by making "
        "equal {m} deposits at the end of each period into an account paying {r} per annum, "
        "compounded at the deposit frequency. Calculate the size of each deposit.",
        "how much do i need to put away in {m} deposits to hit {T} in {n} yrs if the account "
        "gives {r} a year? pls",
        "Hi Jordan, the client wants {T} available for her daughter's tuition in {n} years. If "
        "she saves through equal {m} deposits into an account earning {r} a year (compounded "
        "each period), how much should each deposit be? Thanks, Mei",
        "target {T} | horizon {n} years | rate {r} p.a. | deposits: {m}, end of period | "
        "deposit = ?",
        "How much should a company set aside in equal {m} amounts to have {T} ready for new "
        "machinery in {n} years, if the money earns {r} a year compounded each period?",
        "My wife and I are saving for an anniversary trip around Japan. We need {T} in {n} "
        "years, and our savings account pays {r} annually, credited with each deposit. The "
        "cat sat on my calculator, so: what {m} deposit gets us there?",
        "Required {m} saving to reach {T} after {n} years at {r} interest per year?",
        "Find the level {m} contribution that accumulates to {T} over {n} years, with interest "
        "at {r} a year compounded at the contribution frequency.",
        "A couple want a {T} house deposit in {n} years. Their bank offers {r} per annum on "
        "savings. What {m} amount must they pay in, at the end of each period, to get there?",
        "To build a fund of {T} in {n} years at {r} annual interest, compounded with each "
        "payment in, how much is the {m} deposit?",
        "- goal: {T}\n- years: {n}\n- interest: {r} a year\n- deposit frequency: {m}\nHow much "
        "per deposit?",
        "What is the {m} payment needed to accumulate {T} at the end of {n} years, if savings "
        "earn a nominal {r} per year?",
        "Please help, I want save {T} for my son study in {n} years. Bank give {r} for one year "
        "and I make {m} deposits, the interest is also adding each time. How much money I must "
        "put every time?",
        "FV target {T}, i = {r} p.a. (nominal, compounding matches the deposits), term {n}y, "
        "{m} deposits in arrears. Solve for PMT.",
        "A charity plans to replace its minibus in {n} years at a cost of {T}. It can earn {r} "
        "a year on its reserves. What equal {m} transfers into the reserve account are needed?",
        "We need {T} in {n} years to repair the roof of our building (the residents' meeting "
        "about it ran three hours). The reserve account pays {r} per year, compounded each "
        "period. What {m} contribution must the association make?",
        "Level {m} deposit for a {T} goal, {n} years, {r} a year?",
        "I'll save the same amount at the end of every period, as {m} deposits. How much must "
        "each be to reach {T} after {n} years? The rate is {r} per year, compounded per "
        "deposit period.",
        "Question 6. A parent intends to make equal {m} deposits into an education account for "
        "{n} years so that the balance equals {T} immediately after the last deposit. The "
        "account pays a nominal {r} per annum, compounded at the deposit frequency. Determine "
        "the deposit.",
        "ok so my goal is {T} in {n} years, the savings account pays {r} a yr and i want to do "
        "{m} deposits. how much each time??",
        "Savings needed per period, please. Goal {T}; rate {r} per annum (compounded every "
        "deposit period); {m} deposits; {n} years.",
        "My brother collects vinyl records and now dreams of a {T} vintage jukebox. He'll make "
        "{m} deposits for {n} years into an account paying {r} a year. How much must each "
        "deposit be? (The deposit, not the final balance.)",
        "At {r} per year, compounded with each deposit, what {m} sum must be saved for {n} "
        "years to end up with {T}?",
        "Retirement planning: the client wants {T} at retirement in {n} years. Assumed return "
        "{r} a year, compounded per contribution period. Size the {m} contribution.",
        "Hello, I am student. Teacher ask: how much is the {m} deposit if we want {T} after {n} "
        "years and the interest is {r} every year? Interest is compounding same like the "
        "deposits.",
        "| target | {T} |\n| annual rate | {r} |\n| years | {n} |\n| deposits | {m} |\n"
        "| deposit needed | ? |",
        "The goal is {T}, not the deposit: I know where I want to end up, {n} years from now, "
        "and the account pays {r} a year. What {m} deposit does that take?",
    ),
    ood_templates=(
        "A sinking fund must hold {T} when {n} years are up. It earns {r} yearly, credited "
        "each period, and is fed by equal {m} transfers. What is each transfer?",
        "Reverse-engineer the {m} top-up that leaves a pot of {T} after {n} years, the money "
        "compounding at {r} per annum.",
        "Dream fund: {T}, deadline {n} years away, yield {r} p.a. Each {m} top-up should be "
        "how large?",
    ),
    parts=Parts(
        labels={
            "T": (
                "savings target",
                "target amount",
                "goal",
                "amount needed",
                "sum I want to end up with",
                "target balance",
                "future amount required",
                "savings goal",
                "target future value",
                "goal amount",
                "target sum",
                "required future balance",
            ),
            "r": _NOMINAL_RATE_LABELS,
            "n": (
                "number of years",
                "time to goal (years)",
                "horizon in years",
                "saving period (years)",
                "years until the goal",
                "term (yrs)",
                "years to save",
                "time frame in years",
                "years available",
                "planning horizon in years",
                "term in years",
                "length of the plan in years",
            ),
            "m": _DEPOSIT_FREQUENCY_LABELS,
        },
        asks=(
            "What deposit is needed each period?",
            "How much must be deposited each period to reach the target?",
            "What is the required deposit per period?",
            "Compute the level deposit that reaches the goal.",
            "How much should I save each period?",
            "What is the periodic saving needed to hit the target?",
            "What regular deposit builds up to the target amount?",
            "How large must each end-of-period deposit be?",
            "Find the equal deposit that accumulates to the goal.",
            "What is the deposit per period (not the final balance)?",
            "What PMT gets the balance to the target?",
            "How much do I need to put aside at each deposit date to get to my goal?",
            "What regular contribution funds the target on time?",
            "Solve the future value of an annuity for the payment: what is each deposit?",
            "How much per deposit to hit the number?",
            "What contribution per period keeps the plan on track for the target?",
            "What amount should be set aside every period so the savings match the target?",
            "To see whether the goal is affordable, what deposit does each period require?",
            "What is the required periodic contribution, in currency per deposit?",
            "Divide the target by the annuity accumulation factor: what deposit do you get?",
            "What savings instalment is needed each period to meet the goal?",
        ),
        ood_labels={"T": ("sum to be amassed",)},
        ood_asks=("State how big every top-up has to be.",),
    ),
)


def _years_by_bisection(v: dict) -> float:
    """The time at which the start, growing at the annual rate, meets the target: a bracket
    doubled until it holds the target, then halved."""
    start, target, growth = v["P"], v["F"], 1 + v["r"] / 100

    def short(years: float) -> bool:
        return start * growth**years < target

    return time_to_reach(short)


def _plausible_goal(v: dict) -> bool:
    ratio = v["F"] / v["P"]
    # Not a doubling (doubling_time's task), and a horizon people plan over.
    return 1.2 <= ratio <= 6 and abs(ratio - 2) > 0.15 and 1 <= _years_by_bisection(v) <= 60


YEARS_TO_TARGET = Family(
    name="years_to_target",
    unit="years",
    reasoning="Years to reach a target = ln(target / start) / ln(1 + rate).",
    params={
        "P": money((500, 200000), ((1_000_000, 50_000_000),)),
        "F": money((700, 1_000_000), ((1_200_000, 300_000_000),)),
        "r": pct((1, 12), ((13, 30), (0.3, 0.9)), ood_decimals=2),
    },
    valid=_plausible_goal,
    formula=lambda f: f"log({f['F']}/{f['P']})/log(1+{f['r']}/100)",
    solve=_years_by_bisection,
    convention="years, fractional (not rounded up to a whole year); annual compounding, "
    "nothing added or withdrawn",
    templates=(
        "In how many years will {P} grow to {F} at {r} a year, compounded annually?",
        "I have {P} in a fund returning {r} per year. How long until it reaches {F}?",
        "Start: {P}. Target: {F}. Growth: {r} p.a., compounded yearly. Years needed?",
        "Exam question: An investment of {P} earns compound interest at {r} per annum. "
        "Calculate the time, in years, for it to accumulate to {F}.",
        "how many yrs till my {P} becomes {F} at {r} a year?",
        "Hi Sophie, the client has {P} today and wants {F} before she retires. Assuming her "
        "portfolio compounds at {r} per year, how many years will that take? Fractional years "
        "are fine. Thanks, Raj",
        "current balance {P} | target balance {F} | annual return {r} | years = ?",
        "How long does it take for a deposit of {P} to reach {F} if interest of {r} is added "
        "to it every year?",
        "My grandmother left me {P}. If I invest it at {r} a year compounded annually, after "
        "how many years will I have {F}? I'd like to buy a small sailing boat, a blue one.",
        "Time needed for {P} to compound to {F} at {r} annually?",
        "Our company's cash reserve of {P} earns {r} per year, reinvested. When will it hit "
        "{F}? Answer in years.",
        "Find n, in years, such that {P} compounded annually at {r} equals {F}.",
        "If a house worth {P} appreciates {r} a year, how many years until it is worth {F}?",
        "Years to go from {P} to {F} at {r} per annum compound growth?",
        "We are saving for a new warehouse costing {F}. Our investment account holds {P} and "
        "earns {r} annually, with nothing added. How many years until it covers the cost?",
        "- today: {P}\n- goal: {F}\n- growth: {r} per year (compound)\nHow many years?",
        "Solve for t in years: {P} growing at {r} compound per year reaches {F}.",
        "How many years, fractions allowed, will it take a portfolio of {P} growing {r} "
        "annually to reach {F}?",
        "My son has {P} in a savings bond paying {r} a year. He wants {F} for a car. How long "
        "will he wait if he adds nothing?",
        "Compute the number of years for {P} to accumulate to {F} at an annual compound rate "
        "of {r}.",
        "Question 8. A sum of {P} is invested at {r} per annum compound interest. After how "
        "many years will the sum have grown to {F}? Give the answer as a decimal number of "
        "years.",
        "ok so i've got {P}, the fund does {r} a year and i want {F}. how long do i wait??",
        "Please help, I have {P} in bank with {r} interest every year (compound). After how "
        "many years I will have {F}?",
        "PV {P}, FV {F}, i {r} p.a., annual comp. Solve for N (years, not rounded).",
        "The museum's endowment holds {P} and returns {r} a year. The board wants it to reach "
        "{F} before expanding the east wing, which was damaged in a storm last winter. How "
        "many years is that?",
        "When does {P} become {F}, with {r} compound growth each year?",
        "How many years of {r} annual compounding turn {P} into {F}?",
        "Target wealth {F}; current wealth {P}; expected return {r} p.a. Time to target in years?",
        "Revenue is {P} this year and grows {r} annually. In how many years will revenue reach "
        "{F}?",
        "| start | {P} |\n| target | {F} |\n| rate | {r} |\n| years | ? |",
    ),
    ood_templates=(
        "Capital of {P}, compounding at {r} per annum, must climb to {F}. Over what span of "
        "time does that happen?",
        "From {P} up to {F} on a steady {r} yearly gain: how much time elapses?",
        "Horizon calculation. Wealth on hand {P}, objective {F}, geometric yield {r}. Duration?",
    ),
    parts=Parts(
        labels={
            "P": (
                "starting amount",
                "current balance",
                "amount invested today",
                "initial investment",
                "present value",
                "money I have now",
                "opening balance",
                "PV",
                "current savings",
                "starting balance",
                "initial sum",
                "principal",
            ),
            "F": (
                "target amount",
                "goal",
                "amount I want to reach",
                "target value",
                "future value wanted",
                "FV target",
                "desired balance",
                "target balance",
                "goal amount",
                "target sum",
                "target wealth",
                "end amount needed",
            ),
            "r": (
                "annual return",
                "interest rate (compounded yearly)",
                "growth rate per year",
                "annual compound rate",
                "yearly rate",
                "rate p.a.",
                "expected return per year",
                "annual interest",
                "annual growth rate",
                "compound return p.a.",
                "interest rate per annum",
                "rate of return",
            ),
        },
        asks=(
            "How many years will it take to reach the target?",
            "How long until the balance hits the target?",
            "What is the time to the target in years?",
            "In how many years is the goal reached?",
            "Compute the number of years needed.",
            "How many years does the money need to grow to the target?",
            "When will the target be reached, in years?",
            "Find the years needed to go from the start amount to the target.",
            "how long till i get there, in years?",
            "What is the number of years to grow to the target amount (fractions allowed)?",
            "Solve for n, the number of years to reach the target.",
            "How long do I have to wait, in years, before the balance equals the goal?",
            "What is the NPER, in years, to get from the present value to the target?",
            "How many years of compounding close the gap between today's amount and the goal?",
            "What time to goal, in years, does this growth rate give?",
            "yrs to target?",
            "Taking logs, how many years until the target is met?",
            "How many years before the pot is big enough to afford the goal?",
            "What is the investment period, in years, that turns the current sum into the target?",
            "How many years until the target balance is hit, not rounded up?",
            "What is the waiting time in years until the target is reached?",
        ),
        ood_labels={"F": ("sum aimed for",)},
        ood_asks=("Give the elapsed time in years.",),
    ),
)


# --- annuity_fv_periodic -------------------------------------------------------------------------

# Deposits a year for the balance family (a yearly plan is annuity_fv's), as words that read
# before "deposits" and after an amount alike ("monthly deposits", "$500 monthly").
_PERIODIC_DEPOSIT_WORDS = {
    2.0: ("half-yearly", "semi-annual"),
    4.0: ("quarterly",),
    12.0: ("monthly",),
}


def _periodic_deposits_balance(v: dict) -> float:
    return v["C"] * _unit_deposits_balance(v)


def _periodic_fv_formula(f: dict) -> str:
    i = f"{f['r']}/100/{f['m']}"
    periods = term_formula(f, f["m"])
    return f"{f['C']}*((1+{i})**{periods}-1)/({i})"


ANNUITY_FV_PERIODIC = Family(
    name="annuity_fv_periodic",
    unit="currency",
    reasoning="Future value of level deposits = deposit * ((1 + i)^N - 1) / i, i and N per "
    "deposit period.",
    params={
        "C": money((25, 5000), ((10_000, 500_000),)),
        "r": pct((0.5, 12), ((12.5, 25), (0.05, 0.4)), decimals=2),
        "n": plain((1, 40), ((45, 60),)),
        "m": plain((0, 0), ((0, 0),), choices=tuple(_PERIODIC_DEPOSIT_WORDS)),
    },
    render=frequency_words(_PERIODIC_DEPOSIT_WORDS, "m"),  # type: ignore[arg-type]
    formula=_periodic_fv_formula,
    solve=_periodic_deposits_balance,
    term_count=TermCount(nouns=("deposits", "contributions", "payments")),
    convention="currency; the balance right after the last deposit, deposits at the end of "
    "each period, the nominal annual rate divided by the deposits a year and compounded at "
    "that frequency",
    templates=(
        "If I save {C} in {m} deposits for {n} years at {r} a year, compounded with each "
        "deposit, how much will I have?",
        "I'm putting {C} into a brokerage account at the end of every period, {m}. It earns "
        "{r} per year, compounded at the same frequency. How much will be there after {n} "
        "years?",
        "What is the future value of {m} deposits of {C} for {n} years at {r} per annum, "
        "compounded each deposit period?",
        "Exam question: An investor makes equal {m} deposits of {C} at the end of each period "
        "for {n} years into an account paying {r} per annum, compounded at the deposit "
        "frequency. Calculate the balance immediately after the last deposit.",
        "if i put {C} in every time, {m}, for {n} yrs and it earns {r} a year compounded the "
        "same way, what do i end up with?",
        "Hi Jordan, the client will contribute {C} {m} to her pension for {n} years. Assuming "
        "{r} a year, compounded per contribution period, what will the pot be worth at the "
        "end? Thanks, Mei",
        "deposit {C} | frequency: {m}, end of period | rate {r} p.a. | {n} years | FV = ?",
        "How much accumulates if a company sets aside {C} in equal {m} amounts for {n} years "
        "at {r} a year, compounded each period?",
        "My partner and I are saving for a sailing trip. We pay {C} into the savings account "
        "as {m} deposits, it pays {r} annually credited with each deposit, and we keep going "
        "for {n} years. How much will we have?",
        "Future value of {m} contributions of {C} over {n} years at a nominal {r} per year?",
        "Find the amount of an ordinary annuity of {C} paid {m} for {n} years, with interest "
        "at {r} a year compounded at the payment frequency.",
        "- deposit: {C}\n- frequency: {m}\n- interest: {r} a year\n- years: {n}\nBalance "
        "right after the last deposit?",
        "What do {m} deposits of {C} grow to over {n} years, if savings earn a nominal {r} per "
        "year compounded with every deposit?",
        "Please help, I put {C} in the bank {m} for {n} years. Bank give {r} for one year and "
        "the interest is adding each time. How much money I have at the end?",
        "FV of an annuity: PMT {C}, {m}, i = {r} p.a. nominal (compounding matches the "
        "payments), term {n}y, in arrears. Terminal value, not PV.",
        "A charity transfers {C} into its reserve account as {m} transfers. The account earns "
        "{r} a year, compounded each period. What will the reserve hold after {n} years?",
        "Question 6. A parent makes equal {m} deposits of {C} into an education account for "
        "{n} years. The account pays a nominal {r} per annum, compounded at the deposit "
        "frequency. Determine the balance immediately after the last deposit.",
        "ok so i'm doing {m} deposits of {C}, the savings account pays {r} a yr and i'll keep "
        "it up for {n} years. how much will be in there??",
        "Retirement planning: {C} per contribution, contributions {m}, {n} years to go, "
        "assumed return {r} a year compounded per contribution period. Projected balance at "
        "retirement?",
        "At {r} per year, compounded with each deposit, what do {m} savings of {C} come to "
        "after {n} years? (The final balance, not the deposit.)",
        "| deposit | {C} |\n| frequency | {m} |\n| annual rate | {r} |\n| years | {n} |\n"
        "| balance at the end | ? |",
        "Hello, I am student. Teacher ask: we save {C} {m} for {n} years and the interest is "
        "{r} every year, compounding same like the deposits. How much we have after the last "
        "deposit?",
        "My brother collects vinyl records and puts {C} aside for them, {m}, in an account "
        "paying {r} a year. If he keeps that up for {n} years, how much will he have saved "
        "with interest?",
        "Savings plan: {m} deposits of {C}; {r} per annum, compounded every deposit period; "
        "{n} years. What is the balance at the end of the plan?",
        "We contribute {C} to the building's reserve fund, {m}, and the fund earns {r} per "
        "year, compounded each period. What will have built up after {n} years?",
    ),
    ood_templates=(
        "A sinking fund is fed {C} by equal {m} transfers and earns {r} yearly, credited each "
        "period. What has accumulated once {n} years are up?",
        "Top up the pot with {C}, {m}, for {n} years; the money compounds at {r} per annum. "
        "How big is the pot at the finish?",
        "Dream fund: {C} per top-up, {m}, yield {r} p.a., {n} years of discipline. Terminal "
        "amount?",
    ),
    parts=Parts(
        labels={
            "C": (
                "deposit per period",
                "amount saved each time",
                "regular contribution",
                "periodic deposit",
                "PMT",
                "contribution per period",
                "payment into the account each period",
                "saving per instalment",
                "each deposit",
                "level deposit",
                "amount paid in per period",
                "recurring contribution",
            ),
            "r": _NOMINAL_RATE_LABELS,
            "n": (
                "number of years",
                "saving period (years)",
                "horizon in years",
                "years of saving",
                "term (yrs)",
                "years to save",
                "time frame in years",
                "length of the plan in years",
                "contribution period in years",
                "plan term in years",
                "years the deposits run",
                "saving horizon in years",
            ),
            "m": _DEPOSIT_FREQUENCY_LABELS,
        },
        asks=(
            "What is the future value of the deposits?",
            "How much will have accumulated?",
            "What will the account hold after the last deposit?",
            "What is the balance at the end (not today's value)?",
            "What do the savings come to at the end?",
            "What is the FV of the annuity?",
            "How much will the regular deposits grow to?",
            "Compute the future value of the periodic contributions.",
            "What will the pot be worth at the end of the plan?",
            "What is the closing balance, deposits plus compound interest?",
            "How much will I have right after my last deposit?",
            "Compute the payment times the future value annuity factor per period.",
            "whats the fv of the deposits?",
            "What nest egg do these regular contributions produce?",
            "What is the ordinary annuity's future value (deposits in arrears)?",
            "Project the savings plan's value at maturity.",
            "What is the terminal value of the contributions?",
            "How much money will the account show at the end, interest included?",
            "What is the final balance of the savings plan, in currency?",
            "What will the deposits and the interest on them add up to?",
        ),
        ood_labels={"C": ("sum fed in each period",)},
        ood_asks=("State the accumulated total.",),
    ),
)

FAMILIES = (SAVINGS_GOAL, YEARS_TO_TARGET)
# Registered after the older families (the registry's order is part of the data's determinism).
APPENDED = (ANNUITY_FV_PERIODIC,)
