"""Questions borrowers ask about an amortising loan beyond its instalment: how much interest the
whole loan costs, and how much is still owed after some years of scheduled payments.

People weigh a loan by its lifetime interest (a longer term lowers the payment and raises the
interest), and they need the outstanding balance to sell a house, refinance or pay a loan off
early. Both start from the level payment of ``loan_instalment``, so their wording must say
which of the three is asked: the total interest, the balance owed, or the payment itself.

Solvers are written independently of the formula text: the level payment is found by bisection
on a simulated amortisation schedule, and the schedule is then run payment by payment.
"""

from __future__ import annotations

from quantreason.tasks.base import Family, Parts, TermCount, money, pct, plain
from quantreason.tasks.growth import INSTALMENT_WORDS, frequency_words  # loan_instalment's words
from quantreason.tasks.term_counts import term_formula, years_term

# What the amount first borrowed is called (also by given_inputs.loan_balance_payments).
LOAN_PRINCIPAL_LABELS = (
    "original loan amount",
    "amount borrowed",
    "principal at the start",
    "original principal",
    "sum borrowed",
    "initial balance",
    "money borrowed",
    "loan taken out",
    "loan size",
    "mortgage amount",
    "amount financed",
    "opening loan balance",
)
# What a composed question calls the rate and the payment frequency (both families).
_RATE_LABELS = (
    "annual interest rate",
    "nominal annual rate",
    "rate p.a.",
    "interest rate per year",
    "APR (nominal)",
    "yearly loan rate",
    "annual rate of interest",
    "quoted rate per annum",
    "contract rate",
    "nominal interest rate",
    "loan interest rate",
    "stated annual rate",
)
_FREQUENCY_LABELS = (
    "payment frequency",
    "repayments",
    "repayment schedule",
    "instalment frequency",
    "level payments",
    "payment schedule",
    "how often payments are made",
    "frequency of the equal instalments",
    "payment cycle",
    "repayment interval",
    "payment cadence",
    "instalment basis",
)
# Monthly payments are the most common (mortgages, car and personal loans): 3 in 5 draws.
_PAYMENTS_A_YEAR = plain((0, 0), ((0, 0),), choices=(12.0, 12.0, 12.0, 4.0, 1.0))


def balance_after(principal: float, rate: float, payment: float, periods: int) -> float:
    """What is owed after ``periods`` payments: each period adds its interest, then the
    payment comes off."""
    balance = principal
    for _ in range(periods):
        balance += balance * rate - payment
    return balance


def level_payment(principal: float, rate: float, periods: int) -> float:
    """The level payment that leaves nothing owed after ``periods`` payments, by bisection:
    repaying the principal in equal parts and a full period's interest on all of it is too
    much; the principal in equal parts alone is too little (or exactly right at 0 %)."""
    low, high = principal / periods, principal / periods + principal * rate
    for _ in range(200):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if balance_after(principal, rate, middle, periods) > 0:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _schedule(v: dict) -> tuple[float, float, int]:
    """Per-period rate, level payment and number of payments of the loan in ``v``."""
    rate = v["r"] / 100 / v["m"]
    periods = round(v["n"] * v["m"])
    return rate, level_payment(v["P"], rate, periods), periods


def _total_interest(v: dict) -> float:
    rate, payment, periods = _schedule(v)
    balance, interest = v["P"], 0.0
    for _ in range(periods):
        charged = balance * rate
        interest += charged
        balance -= payment - charged
    return interest


def _total_interest_formula(f: dict) -> str:
    if float(f["m"]) == 1:
        return f"pmt({f['r']}/100, {f['n']}, {f['P']})*{f['n']}-{f['P']}"
    periods = term_formula(f, f["m"])
    return f"pmt({f['r']}/100/{f['m']}, {periods}, {f['P']})*{periods}-{f['P']}"


LOAN_TOTAL_INTEREST = Family(
    name="loan_total_interest",
    unit="currency",
    reasoning="Total interest = level payment * number of payments - amount borrowed.",
    params={
        "P": money((2000, 500000), ((1_000_000, 50_000_000),)),
        "r": pct((2, 15), ((16, 30), (0.1, 0.9)), decimals=2),
        "n": plain((2, 30), ((35, 50),)),
        "m": _PAYMENTS_A_YEAR,
    },
    render=frequency_words(INSTALMENT_WORDS, "m"),  # type: ignore[arg-type]
    formula=_total_interest_formula,
    solve=_total_interest,
    term_count=TermCount(),
    convention="currency; all the level payments over the whole term minus the principal, "
    "the nominal annual rate divided by the payments a year",
    templates=(
        "A {P} loan at {r} a year is repaid by level {m} payments over {n} years. How much "
        "interest is paid in total over the life of the loan?",
        "I'm borrowing {P} for {n} years at {r} annual interest, with equal {m} repayments. How "
        "much will I pay in interest altogether?",
        "Compute the total interest charged on an amortising loan of {P} at {r} p.a. over {n} "
        "years, repaid in {m} instalments.",
        "Bank loan: {P}, {r} APR, {n}-year term, {m} payments. Total interest paid?",
        "Exam question: A mortgage of {P} is repaid by equal {m} instalments over {n} years at "
        "a nominal annual rate of {r}. Calculate the total interest paid over the term.",
        "total interest on {P} borrowed at {r} for {n} yrs, {m} payments? thx",
        "Hi Maria, the client is weighing a {n}-year loan of {P} at {r} a year, repaid in level "
        "{m} instalments. Could you tell me how much interest they would pay over the full "
        "term? The branch manager also asked about the parking permits, ignore that for now. "
        "Thanks, Luis",
        "loan: {P} | rate: {r} p.a. | term: {n} yrs | repayments: {m} | total interest = ?",
        "Over the whole life of a {n}-year loan of {P} at {r} per year with fixed {m} payments, "
        "how much of what the borrower pays is interest?",
        "My wife and I are looking at a {P} mortgage over {n} years at {r}. The {m} payments "
        "would always be the same amount. We just want to know: how much interest will the "
        "bank get from us in total?",
        "Sum of all interest paid: loan {P}, nominal rate {r} per annum, {m} level repayments, "
        "term {n} years.",
        "Besides giving back the {P} it borrowed, how much interest does a borrower hand over "
        "when a {n}-year loan at {r} a year is cleared with equal {m} payments?",
        "Student loan question: {P} at {r} annual interest, paid off over {n} years with {m} "
        "payments of equal size. What is the total interest?",
        "- Principal: {P}\n- Annual rate: {r}\n- Term: {n} years\n- Payments: {m}, all equal\n"
        "Total interest over the loan?",
        "We're financing a new delivery van. The dealer offers {P} at {r} a year over {n} "
        "years, repaid through {m} instalments of equal size. What will the financing cost us "
        "in interest overall?",
        "Find the total interest paid on a fully amortising {P} loan: {n} years, {r} nominal "
        "annual rate, {m} payments.",
        "If I take {P} at {r} yearly and repay it in equal {m} payments for {n} years, what's "
        "the interest bill in total?",
        "Final exam, part B. A business borrows {P}, repayable by level {m} instalments over "
        "{n} years. Interest is charged at {r} per annum, divided equally among the payment "
        "periods of each year. Determine the total interest paid over the term of the loan.",
        "ok so the bank lends me {P} at {r} a year, {n} years, {m} payments all the same. how "
        "much interest do i end up paying in total??",
        "Lifetime interest on a {P} mortgage: {r} a year, {n}-year amortisation, {m} "
        "repayments. How much?",
        "Total interest cost, please: amortising loan, principal {P}, {r} nominal annual "
        "interest, {n} years, level {m} payments.",
        "My cousin didn't want to ask the family for money, so he went to the bank: {P} over "
        "{n} years at {r}, repaid with {m} instalments that never change. He is very proud of "
        "the new tractor. How much interest will he have paid by the time the loan is gone?",
        "Please, I take from bank {P} with interest {r} for year, I pay back in {n} years with "
        "{m} payment, same amount every time. How much interest I pay in total?",
        "Interest paid over the term = ? Loan {P}; rate {r} p.a.; {n} years; {m} level repayments.",
        "Term loan: notional {P}, {r} p.a. nominal, tenor {n}y, level {m} P&I instalments. "
        "Total interest over the tenor?",
        "A borrower repays {P} in equal {m} instalments over {n} years at {r} interest a year. "
        "Add up the interest part of every instalment: what does it total?",
        "My {P} personal loan has level {m} repayments, a rate of {r} per annum and a {n}-year "
        "term. I don't need the payment size: what is the total interest?",
        "| loan | rate p.a. | years | repayments | total interest |\n| {P} | {r} | {n} | {m} | ? |",
        "How much interest does a {n}-year, {r} loan of {P} cost in total if it's paid down "
        "with equal {m} payments?",
        "The total interest paid, not each instalment, is what I'm after: {P} borrowed, {r} a "
        "year, repaid by equal {m} instalments over {n} years.",
    ),
    ood_templates=(
        "Across its entire amortisation, what does a {P} borrowing at {r} nominal, retired "
        "through {m} constant settlements in {n} years, yield the lender in interest?",
        "Aggregate finance charges on {P}, {n} years, {r}, {m} constant amounts?",
        "Strip out the principal: of everything remitted on a {P}, {n}-year, {r} debt serviced "
        "by {m} fixed sums, how much is interest?",
    ),
    parts=Parts(
        labels={
            "P": (
                "loan amount",
                "amount borrowed",
                "principal",
                "loan principal",
                "sum borrowed",
                "financed amount",
                "money borrowed",
                "original balance",
                "loan size",
                "mortgage amount",
                "original principal",
                "initial loan balance",
            ),
            "r": _RATE_LABELS,
            "n": (
                "term in years",
                "loan term (years)",
                "number of years",
                "repayment horizon (years)",
                "repayment period (years)",
                "amortisation period in years",
                "tenor (years)",
                "life of the loan in years",
                "years to repay",
                "maturity in years",
                "loan tenor",
                "term of the loan",
            ),
            "m": _FREQUENCY_LABELS,
        },
        asks=(
            "What is the total interest paid over the life of the loan?",
            "How much interest is paid in total?",
            "Compute the total interest over the full term.",
            "What does the interest come to across all the payments?",
            "How much interest does the borrower pay altogether?",
            "What is the total interest cost of the loan (not the payment)?",
            "Add up the interest in every payment: what is the total?",
            "What are the total interest charges over the term?",
            "total interest paid?",
            "How much is paid beyond the principal over the whole loan?",
            "What is the cost of borrowing in interest across the term?",
            "Total payments minus principal: how much is that?",
            "How much more than the amount borrowed will I have paid back by the end?",
            "What does CUMIPMT give for the whole term, as a positive amount?",
            "What does the interest portion of the amortisation schedule come to in full?",
            "How much does the loan cost in interest, principal excluded?",
            "total interest expense on the loan?",
            "To compare terms, how much interest does this loan cost from first payment to last?",
            "What is the interest part of all the repayments put together, in currency?",
            "What is the bank's interest income from this loan across its whole life?",
            "How much of the money repaid is interest rather than principal?",
        ),
        ood_labels={"P": ("capital advanced",)},
        ood_asks=("Report the lifetime finance charge.",),
    ),
)


def _balance(v: dict) -> float:
    rate, payment, _ = _schedule(v)
    return balance_after(v["P"], rate, payment, round(v["t"] * v["m"]))


def _balance_formula(f: dict) -> str:
    if float(f["m"]) == 1:
        return f"pv({f['r']}/100, {f['n']}-{f['t']}, pmt({f['r']}/100, {f['n']}, {f['P']}))"
    rate = f"{f['r']}/100/{f['m']}"
    left = years_term(f"{f['n']}-{f['t']}", f["m"])  # the years still to pay
    return f"pv({rate}, {left}, pmt({rate}, {term_formula(f, f['m'])}, {f['P']}))"


LOAN_BALANCE = Family(
    name="loan_balance",
    unit="currency",
    reasoning="Balance owed = present value of the payments still to come, at the loan's "
    "rate per period.",
    params={
        "P": money((10000, 900000), ((1_000_000, 50_000_000),)),
        "r": pct((2, 10), ((11, 25), (0.1, 0.9)), decimals=2),
        "n": plain((5, 30), ((35, 50),)),
        "t": plain((2, 28), ((30, 48),)),  # years of payments made: whole, 2 <= t < n
        "m": _PAYMENTS_A_YEAR,
    },
    valid=lambda v: v["t"] < v["n"],
    render=frequency_words(INSTALMENT_WORDS, "m"),  # type: ignore[arg-type]
    formula=_balance_formula,
    solve=_balance,
    convention="currency; the balance right after the last scheduled payment of the years "
    "elapsed (payments at the end of each period), the nominal annual rate divided by the "
    "payments a year",
    templates=(
        "A {P} mortgage at {r} a year is repaid by level {m} payments over {n} years. What "
        "balance is still outstanding after {t} years?",
        "I took out a {n}-year loan of {P} at {r} annual interest with equal {m} repayments. "
        "How much do I still owe after {t} years of payments?",
        "Compute the remaining principal on an amortising loan of {P} at {r} p.a. over {n} "
        "years, repaid in {m} instalments, once {t} years of instalments have been paid.",
        "Mortgage: {P}, {r}, {n}-year term, {m} payments. Balance left after {t} years?",
        "Exam question: A loan of {P} is repaid by equal {m} instalments over {n} years at a "
        "nominal annual interest rate of {r}. Calculate the outstanding balance immediately "
        "after the instalment due at the end of year {t}.",
        "balance still owed on {P} borrowed at {r} for {n} yrs, {m} payments, after {t} yrs? thx",
        "Hi Tom, a client wants to sell her flat. She took a {P} mortgage {t} years ago at {r} "
        "a year over {n} years, with level {m} repayments, and has never missed one. What does "
        "she still owe the bank? The buyers want to move in by spring. Thanks, Ines",
        "loan: {P} | rate: {r} p.a. | term: {n} yrs | repayments: {m} | years paid: {t} | "
        "balance = ?",
        "How much principal remains on a {n}-year loan of {P} at {r} a year, paid with equal "
        "{m} instalments, after the first {t} years?",
        "We've been paying our {P} mortgage for {t} years now. It's a {n}-year loan at {r} with "
        "fixed {m} payments. If we wanted to pay it off today, how much would we need (ignoring "
        "fees)?",
        "Outstanding balance: loan {P}, nominal rate {r} per annum, {m} level repayments, term "
        "{n} years, {t} years of repayments already made.",
        "What is the payoff amount on a {P}, {r}, {n}-year amortising loan with {m} payments, "
        "{t} years into the loan?",
        "Our bakery borrowed {P} for new ovens at {r} a year over {n} years, repaid with equal "
        "{m} payments. We now want to refinance after {t} years. What is the balance of the "
        "old loan?",
        "- Principal: {P}\n- Annual rate: {r}\n- Term: {n} years\n- Payments: {m}, all equal\n"
        "- Years elapsed: {t}\nRemaining balance?",
        "Our company financed a warehouse with {P} borrowed at {r} a year over {n} years, "
        "repaid through {m} instalments of equal size. After {t} years of instalments the "
        "board wants to refinance. What is the outstanding principal?",
        "Find the balance owed on a fully amortising {P} loan ({n} years, {r} nominal annual "
        "rate, {m} payments) after {t} years.",
        "If I borrow {P} at {r} yearly and repay it in equal {m} payments over {n} years, how "
        "much will I still owe once {t} years have gone by?",
        "Final exam, part B. A household borrows {P}, repayable by level {m} instalments over "
        "{n} years. Interest is charged at {r} per annum, divided equally among the payment "
        "periods of each year. Determine the loan balance outstanding after {t} years of "
        "repayments.",
        "ok so i have a {P} loan, {r} a year, {n} years, {m} payments that never change. ive "
        "paid for {t} years. what balance do i still owe??",
        "Remaining balance on a {P} mortgage: {r} a year, {n}-year amortisation, {m} "
        "repayments, {t} years in. How much?",
        "Outstanding principal, please: amortising loan, original amount {P}, {r} nominal "
        "annual interest, {n} years, level {m} payments, {t} years of payments made.",
        "My uncle bought his fishing boat with a {P} loan over {n} years at {r}, repaid with "
        "{m} instalments that never change. He has paid for {t} years and now wants to clear "
        "the rest in one go. How much does he owe the bank?",
        "Please, I have loan from bank {P}, interest {r} for year, for {n} years with {m} "
        "payment, always same amount. I pay already {t} years. How much I still owe to the "
        "bank now?",
        "Balance after {t} years = ? Loan {P}; rate {r} p.a.; {n} years; {m} level repayments.",
        "Term loan: notional {P}, {r} p.a. nominal, tenor {n}y, level {m} P&I instalments. "
        "Outstanding after {t}y?",
        "A borrower repays {P} in equal {m} instalments over {n} years at {r} interest a year. "
        "Right after the last instalment of year {t}, what principal is still outstanding?",
        "My {P} home loan has level {m} repayments, a rate of {r} per annum and a {n}-year "
        "term. I don't need the payment size: what balance remains after {t} years?",
        "| loan | rate p.a. | term (yrs) | repayments | years paid | balance |\n"
        "| {P} | {r} | {n} | {m} | {t} | ? |",
        "How much is still owed on a {n}-year, {r} loan of {P} after {t} years, if it is paid "
        "down with equal {m} payments?",
        "The outstanding balance, not the instalment, is what I'm after: {P} borrowed over {n} "
        "years at {r} a year, repaid by equal {m} instalments, {t} years of which have been "
        "paid.",
    ),
    ood_templates=(
        "Settlement figure wanted: {P} was advanced on a {n}-year schedule of {m} constant "
        "sums at {r}; {t} years of that schedule have run. What amount extinguishes the debt?",
        "Principal yet to be amortised once {t} of the {n} years have elapsed, on {P} at {r} "
        "with {m} constant settlements?",
        "Redemption value of a {P} borrowing ({r}, {n} years, {m} fixed amounts) at the "
        "{t}-year mark?",
    ),
    parts=Parts(
        labels={
            "P": LOAN_PRINCIPAL_LABELS,
            "r": _RATE_LABELS,
            "n": (
                "full term in years",
                "original term (years)",
                "loan term (years)",
                "repayment term in years",
                "amortisation period in years",
                "tenor (years)",
                "life of the loan in years",
                "scheduled length (years)",
                "years to repay in full",
                "contractual term in years",
                "original maturity in years",
                "loan tenor",
            ),
            "t": (
                "number of years already paid",
                "time elapsed (years)",
                "number of years of payments made",
                "time since the loan started (years)",
                "years into the loan",
                "period repaid so far (years)",
                "payment history (years)",
                "time since drawdown (years)",
                "years of instalments paid",
                "years already repaid",
                "repayment years completed",
                "years since origination",
            ),
            "m": _FREQUENCY_LABELS,
        },
        asks=(
            "What is the outstanding balance?",
            "How much is still owed?",
            "Compute the remaining balance after the years already paid.",
            "What principal remains unpaid?",
            "How much would it take to pay the loan off at that point?",
            "What is the loan balance at that date (not the payment)?",
            "What does the borrower still owe after those payments?",
            "Find the balance left on the loan.",
            "balance still outstanding?",
            "What is the payoff amount once those years of payments are made?",
            "What is the remaining principal after the scheduled payments to date?",
            "How much of the original loan has not yet been repaid?",
            "What is the amount outstanding right after the latest scheduled payment?",
            "What lump sum would clear the loan today, ignoring fees?",
            "What is the unpaid principal balance (UPB)?",
            "If I refinance now, how much does the new loan need to cover?",
            "What closing balance does the amortisation schedule show after the years paid?",
            "What is the PV of the remaining instalments at the loan rate?",
            "Principal still owing?",
            "What is the residual balance on the mortgage at this point?",
            "How much would the bank want to close out the loan now?",
            "bal o/s after those payments?",
        ),
        ood_labels={"t": ("seasoning in years",), "P": ("capital advanced",)},
        ood_asks=("State the settlement figure.",),
    ),
)

FAMILIES = (LOAN_TOTAL_INTEREST, LOAN_BALANCE)
