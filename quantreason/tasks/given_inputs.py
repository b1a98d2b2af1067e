"""Existing tasks with the inputs people actually give: a breakeven win rate from the average
win and average loss as money amounts (not a reward-to-risk ratio), and a loan's outstanding
balance after a stated number of monthly payments (not years elapsed).

Traders quote their journal's averages ("my avg winner is $450 and my avg loser is $300"), and
borrowers count payments ("right after the 84th payment", "I've made 60 payments"). The sibling
families, ``breakeven_win_rate`` (:mod:`quantreason.tasks.ratios`) and ``loan_balance``
(:mod:`quantreason.tasks.lending`), take the ratio and the years; these teach the formula for
the inputs as written: ``100/(1+450/300)`` and ``pv(6/100/12, 30*12-84, pmt(6/100/12, 30*12,
250000))``, every number one the question shows. The loss is always written as a positive
amount ("an average loss of $300").

Each teaches its own reasoning sentence. Solvers are written independently of the formula text:
the win rate solves p * win = (1 - p) * loss, and the loan runs its schedule month by month
with the level payment found by bisection (lending's helpers).
"""

from __future__ import annotations

import math
import random

from quantreason.tasks.base import (
    Family,
    Num,
    Parts,
    TermCount,
    Values,
    draw_params,
    money,
    number_texts,
    pct,
    plain,
)
from quantreason.tasks.lending import LOAN_PRINCIPAL_LABELS, balance_after, level_payment
from quantreason.tasks.term_counts import COUNT_KEY


def _significant(value: float, figures: int) -> float:
    """``value`` to ``figures`` significant figures, as people quote side amounts."""
    step = 10 ** max(math.floor(math.log10(abs(value))) + 1 - figures, 0)
    return float(round(value / step) * step)


# --- breakeven_win_amounts --------------------------------------------------------------------

_SIDE_FEES = (0.65, 1.0, 1.5, 2.0, 2.5, 4.95, 6.95, 9.99)  # a broker's commission per side


def _trading_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The numbers as usual, plus figures a trading question may mention beside them and the
    formula never uses: the account size, the number of trades logged, a commission already
    taken out of both averages."""
    side = {
        "acct": Num(
            _significant(math.exp(rng.uniform(math.log(5000), math.log(5e5))), 2), 0, "money"
        ),
        "fee": Num(rng.choice(_SIDE_FEES), 2, "money"),
    }
    texts = number_texts(rng, {**nums, **side})
    texts["trades"] = str(rng.randrange(30, 600))
    return texts


def _breakeven_from_amounts(v: dict) -> float:
    # p * W = (1 - p) * L: the expected profit of a trade is zero.
    return 100 * v["L"] / (v["W"] + v["L"])


BREAKEVEN_WIN_AMOUNTS = Family(
    name="breakeven_win_amounts",
    unit="percent",
    reasoning="Breakeven win rate = 1 / (1 + average win / average loss).",
    params={
        "W": money((20, 5000), ((8000, 900_000), (0.5, 15)), ood_decimals=2),
        "L": money((20, 5000), ((8000, 900_000), (0.5, 15)), ood_decimals=2),
    },
    valid=lambda v: 0.25 <= v["W"] / v["L"] <= 6,
    render=_trading_texts,
    formula=lambda f: f"100/(1+{f['W']}/{f['L']})",
    solve=_breakeven_from_amounts,
    convention="percent of trades that must win; the average win and the average loss are "
    "money amounts per trade, the loss written as a positive size",
    templates=(
        "My average winning trade makes {W} and my average losing trade loses {L}. What win "
        "rate do I need to break even?",
        "avg winner {W}, avg loser {L}. what win % do i need to break even?",
        "my avg winer is {W} and my avg loser is {L}, what winrate do i need to brek even??",
        "Exam question: A trader's winning trades earn {W} on average and the losing trades "
        "lose {L} on average. Calculate the minimum percentage of trades that must be winners "
        "for the strategy to break even.",
        "Trade journal summary over {trades} trades: average win {W}, average loss {L} (both "
        "after commissions). Breakeven win rate?",
        "Hi Sam, the desk's stats are in: the average profitable trade made {W} and the "
        "average losing trade cost {L}. What hit rate do we need just to break even? Thanks, "
        "Priya",
        "| avg win | avg loss | breakeven win rate |\n| {W} | {L} | ? |",
        "- Average win: {W}\n- Average loss: {L}\n- Win rate needed to break even: ?",
        "Strategy notes: winners average {W}, losers average {L}. At what win percentage is "
        "the expectancy zero?",
        "I'm trading a {acct} account. When I win I make {W} on average, when I lose I lose "
        "{L} on average. How often do I have to win to not lose money?",
        "If the average gain on a winning trade is {W} and the average loss on a losing trade "
        "is {L}, what percentage of trades must win to break even?",
        "Backtest results: mean profit per winning trade {W}, mean loss per losing trade {L}. "
        "Compute the breakeven win rate in percent.",
        "My broker takes {fee} per side, but those fees are already in these numbers: average "
        "winner {W} after fees, average loser {L} after fees. What win rate breaks even?",
        "Avg W = {W}, avg L = {L}. BE win rate?",
        "Please, in my trading the win trade give me {W} in average and the lose trade take "
        "{L} in average. How many percent of trades I must win for zero profit?",
        "My brother-in-law day-trades futures from his kitchen table and keeps bragging about "
        "his big winners. His log shows an average win of {W} and an average loss of {L} over "
        "the last {trades} trades. He isn't asking about position size; he wants the win rate "
        "at which he would exactly break even. What is it?",
        "Compute the win rate at which a system breaks even, given an average winning trade of "
        "{W} and an average losing trade of {L}.",
        "winners avg {W} net of fees, losers avg {L} net of fees -- breakeven hit rate pls",
        "Analyst note: the strategy's average win is {W} and its average loss is {L} per "
        "trade. Before we look at its actual hit rate, what breakeven win rate does that imply?",
        "What is the breakeven win percentage for a trader whose average profit on winners is "
        "{W} and whose average loss on losers is {L}?",
        "Question 6. A trading system produces an average gain of {W} on each winning trade "
        "and an average loss of {L} on each losing trade. Determine the probability of a "
        "winning trade, as a percentage, at which the expected profit per trade is zero.",
        "ok so when im right i make like {W} and when im wrong i lose {L}. whats the win rate "
        "where i break even",
        "Options seller here: my average winning trade keeps {W} of premium and my average "
        "loser costs me {L}. Breakeven win rate?",
        "Average winning trade: {W}\nAverage losing trade: {L}\nWin rate to break even = ?",
        "About my swing trades: I bank {W} on an average winner and give back {L} on an "
        "average loser. What share of trades, in percent, must win so I come out even?",
        "The two figures are money amounts per trade, not a ratio: average win {W}, average "
        "loss {L}. What win rate breaks even?",
        "Over {trades} trades my average win was {W} and my average loss {L}, both after "
        "commissions. Ignoring my actual record, what's the breakeven win rate?",
        "Email from a client: 'My account is {acct}. My average winner is {W}, my average loser "
        "is {L}. What win rate do I need to break even?'",
    ),
    ood_templates=(
        "Profitable exits bring in {W} apiece on average; unprofitable ones drain {L} apiece. "
        "Minimum accuracy for zero expectancy?",
        "Mean P&L of green trades {W}, mean P&L of red trades {L} in absolute terms. Success "
        "ratio needed to stay flat?",
        "Each successful punt nets roughly {W}, each failed one forfeits about {L}. Which "
        "proportion of punts has to succeed merely to avoid an overall deficit?",
    ),
    parts=Parts(
        labels={
            "W": (
                "average win",
                "average winning trade",
                "avg winner",
                "mean profit per winning trade",
                "average gain on winners",
                "typical win",
                "average profit when right",
                "avg W",
                "average winner (after fees)",
                "mean winning trade P&L",
                "average amount won per winning trade",
                "avg win per trade",
            ),
            "L": (
                "average loss",
                "average losing trade",
                "avg loser",
                "mean loss per losing trade",
                "average loss on losers",
                "typical loss",
                "average loss when wrong",
                "avg L",
                "average loser (after fees)",
                "mean losing trade P&L (as a positive amount)",
                "average amount lost per losing trade",
                "avg loss per trade",
            ),
        },
        asks=(
            "What win rate do I need to break even?",
            "What is the breakeven win rate?",
            "What percentage of trades must win to break even?",
            "How often do I need to win so that wins and losses cancel out?",
            "What is the minimum win rate at which the strategy stops losing money?",
            "At what hit rate is the expected profit per trade zero?",
            "Compute the breakeven win percentage from the average win and loss.",
            "What share of trades has to be winners for zero expectancy?",
            "breakeven win %?",
            "What win rate makes these average wins and losses break even?",
            "How many trades out of every hundred must be winners to break even?",
            "What is the break-even hit ratio?",
            "Below what win rate does this trading lose money?",
            "What is the lowest win percentage that keeps me from losing money?",
            "What winning percentage gives zero expected P&L?",
            "Find the win rate at which total winnings equal total losses.",
            "What is the required strike rate to break even, in percent?",
            "What probability of winning makes the expected value of a trade zero?",
            "How often must I be right, in percent, to come out even?",
            "BE win rate given these averages?",
        ),
        ood_labels={"W": ("mean haul from green trades",), "L": ("mean drain from red trades",)},
        ood_asks=(
            "Give the accuracy that leaves expectancy at nil.",
            "State the success proportion at which the ledger balances.",
        ),
    ),
)


# --- loan_balance_payments --------------------------------------------------------------------

_LOAN_PARAMS = {
    "P": money((10000, 900000), ((1_000_000, 50_000_000),)),
    "r": pct((2, 10), ((11, 25), (0.1, 0.9)), decimals=2),
    "n": plain(
        (3, 30), ((35, 50),)
    ),  # the term in years; some questions give it as payments (TermCount)
    "k": plain((2, 300), ((310, 590),)),  # monthly payments made: 2 <= k < 12 n, k != n
}
# Share of training draws whose payments made are a whole number of years ("60 payments").
_WHOLE_YEARS_SHARE = 0.4


def _loan_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    nums = draw_params(_LOAN_PARAMS, rng, ood)
    if not ood and rng.random() < _WHOLE_YEARS_SHARE and nums["k"].value >= 12:
        nums["k"] = Num(float(12 * round(nums["k"].value / 12)), 0, "plain")
    return nums


def _ordinal(digits: str) -> str:
    """ "84th", "21st", "112th": a payment's position as people write it."""
    number = int(digits)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{digits}{suffix or 'th'}"


def _loan_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The numbers as usual, the payments made also as an ordinal ("the 84th payment"), and
    figures a borrower may mention that the balance does not use: what the house is worth,
    the monthly escrow for taxes and insurance, closing costs."""
    side = {
        "home": Num(_significant(nums["P"].value * rng.uniform(1.15, 2.4), 3), 0, "money"),
        "escrow": Num(float(rng.randrange(120, 950)), 0, "money"),
        "fee": Num(_significant(rng.uniform(1500, 9000), 2), 0, "money"),
    }
    texts = number_texts(rng, {**nums, **side})
    texts["kth"] = _ordinal(nums["k"].formula)
    return texts


def balance_after_payments(v: dict) -> float:
    rate, months = v["r"] / 100 / 12, round(v["n"] * 12)
    payment = level_payment(v["P"], rate, months)
    return balance_after(v["P"], rate, payment, round(v["k"]))


def balance_after_payments_formula(f: dict) -> str:
    rate = f"{f['r']}/100/12"
    months = f.get(COUNT_KEY, f"{f['n']}*12")  # the count itself where the question gives it
    return f"pv({rate}, {months}-{f['k']}, pmt({rate}, {months}, {f['P']}))"


LOAN_BALANCE_PAYMENTS = Family(
    name="loan_balance_payments",
    unit="currency",
    reasoning="Balance owed = present value of the monthly payments left (payments in the term "
    "minus payments made), at the monthly rate.",
    params=_LOAN_PARAMS,
    sample=_loan_sample,
    valid=lambda v: v["k"] < v["n"] * 12 and v["k"] != v["n"],
    render=_loan_texts,
    formula=balance_after_payments_formula,
    solve=balance_after_payments,
    term_count=TermCount(years="n", per_year=12.0),
    convention="currency; the balance right after the last of the monthly payments made "
    "(payments at the end of each month), the nominal annual rate divided by 12; the payments "
    "left are the payments in the term minus those made",
    templates=(
        "I have a {P} mortgage at {r} a year over {n} years with monthly payments. I've just "
        "made my {kth} payment. How much do I still owe?",
        "A {n}-year loan of {P} at {r} annual interest is repaid by equal monthly payments. "
        "What is the outstanding balance right after the {kth} payment?",
        "Exam question: A loan of {P} is repaid by level monthly instalments over {n} years at "
        "a nominal annual rate of {r}, compounded monthly. Calculate the balance outstanding "
        "immediately after the {kth} instalment.",
        "mortgage {P}, {r} apr, {n} yrs, monthly pmts. ive made {k} payments so far, whats my "
        "balance?",
        "Hi Tom, the client took a {P} mortgage at {r} a year for {n} years, paid monthly, and "
        "has made {k} payments so far. The house is now worth about {home}. What is still owed "
        "on the loan? Thanks, Ines",
        "loan: {P} | rate: {r} p.a. (monthly compounding) | term: {n} years | monthly payments "
        "made: {k} | balance = ?",
        "We bought our place with a {P} loan at {r} over {n} years. The monthly bill also "
        "covers {escrow} a month of escrow for taxes and insurance, which doesn't touch the "
        "loan. We're {k} payments in. What's the principal balance?",
        "- Loan amount: {P}\n- Annual rate: {r} (monthly payments)\n- Term: {n} years\n- "
        "Payments made: {k}\nOutstanding balance?",
        "What is the payoff balance on a {P}, {r}, {n}-year fixed-rate mortgage with monthly "
        "payments after {k} payments have been made?",
        "Car loan check: borrowed {P} at {r} APR for {n} years, paid monthly. I just sent "
        "payment number {k}. How much is left on the loan?",
        "Please, I take {P} from bank with {r} interest for year, I pay every month for {n} "
        "years. I make already {k} payments. How much I still owe?",
        "Refinance question: original loan {P}, {r} nominal annual rate, {n}-year term, monthly "
        "payments; {k} payments made to date. Closing costs of {fee} on the new loan will be "
        "paid in cash. What is the old loan's balance?",
        "My uncle financed his fishing boat with a {P} loan at {r} a year over {n} years, with "
        "monthly payments that never change. He has made {k} of them and wants to clear the "
        "rest in one go. How much does he owe?",
        "| loan | rate p.a. | term | monthly payments made | balance |\n| {P} | {r} | {n} years "
        "| {k} | ? |",
        "Balance after the {kth} monthly payment = ? Loan {P}; rate {r} p.a.; term {n} years.",
        "Our bakery borrowed {P} for new ovens at {r} a year over {n} years, repaid monthly. "
        "We've made {k} payments and want to know the balance before we sell the business.",
        "Final exam, question 9. A household borrows {P}, to be repaid by equal monthly "
        "instalments over {n} years. Interest is {r} per annum, compounded monthly. Determine "
        "the amount owed immediately after the {kth} instalment has been paid.",
        "ok so i got a {P} home loan, {r} a year, {n}-year term, monthly. been paying for {k} "
        "months. how much do i still owe",
        "My statement says I've made {k} on-time monthly payments on a {n}-year, {r} mortgage "
        "of {P}. The house was appraised at {home} last spring. What should the remaining "
        "principal be?",
        "Outstanding principal, please: amortising loan of {P}, {r} nominal annual interest, "
        "{n} years, level monthly payments, {k} payments made.",
        "If I borrow {P} at {r} a year for {n} years and pay monthly, how much will I still owe "
        "right after my {kth} payment?",
        "Student loan: {P} at {r} per year, {n}-year repayment plan with equal monthly "
        "payments. I've made {k} payments. Remaining balance?",
        "Memo to credit committee: facility of {P}, {r} per annum, amortising monthly over {n} "
        "years. The borrower has met {k} scheduled payments and asks for an early payoff quote "
        "(fees aside). Balance?",
        "We're selling. The buyer offered {home}. Our mortgage was {P} at {r} for {n} years, "
        "monthly payments, and we've made {k} of them. How much of the sale goes to paying off "
        "the loan?",
        "The count given is payments already made, not years: {k} monthly payments on a {P} "
        "loan at {r} a year with a {n}-year term. What balance remains?",
        "Hello, kindly assist: loan {P}, interest {r} yearly, monthly repayment, {n} years. {k} "
        "repayments done. Outstanding?",
        "I took out {P} for {n} years at {r}, monthly payments, and I'm {k} payments in. Escrow "
        "adds {escrow} to each monthly bill but isn't part of the loan. What's my balance?",
        "Right after the {kth} payment, what is left on a {n}-year, {r} loan of {P} that is paid "
        "down with equal monthly payments?",
    ),
    ood_templates=(
        "Settlement quote wanted: {P} advanced at {r}, to be retired by equal monthly "
        "remittances across {n} years; remittance number {k} has just cleared. What sum "
        "discharges the remaining obligation?",
        "Having honoured {k} monthly instalments of a {n}-year, {r} amortising facility "
        "originally drawn at {P}, what principal yet remains?",
        "Residual indebtedness on {P} ({r} nominal, {n}-year schedule, settled monthly) once "
        "{k} remittances have gone through?",
    ),
    parts=Parts(
        labels={
            "P": LOAN_PRINCIPAL_LABELS,
            "r": (
                "annual interest rate",
                "nominal annual rate",
                "APR (compounded monthly)",
                "rate p.a.",
                "yearly loan rate",
                "annual rate of interest",
                "quoted rate per annum",
                "contract rate (annual)",
                "nominal interest rate",
                "loan interest rate",
                "stated annual rate",
                "interest rate per year",
            ),
            "n": (
                "original term (years)",
                "loan term in years",
                "full term in years",
                "term (years)",
                "amortisation period in years",
                "tenor (years)",
                "life of the loan in years",
                "years to repay in full",
                "contractual term in years",
                "original maturity in years",
                "scheduled length (years)",
                "repayment term in years",
            ),
            # No label of k starts with a word for payments or months: prose writes "the term
            # was 20 and the ...", and "20 and the months already paid" reads as a term of 20
            # payments (quantreason.frequency.count_read_as_years) beside the formula's 20*12.
            "k": (
                "monthly payments made so far",
                "number of monthly payments made",
                "monthly instalments already paid",
                "monthly payments completed",
                "number of months already paid",
                "monthly repayments made to date",
                "count of monthly payments made",
                "tally of monthly payments made",
                "monthly payments on record",
                "on-time monthly payments made",
                "how many monthly payments have been made",
                "monthly installments paid so far",
            ),
        },
        asks=(
            "What is the outstanding balance?",
            "How much is still owed after those payments?",
            "What principal remains unpaid?",
            "What is the loan balance right after the latest payment?",
            "How much would it take to pay the loan off now?",
            "Compute the remaining balance after the payments made.",
            "What does the borrower still owe?",
            "balance left?",
            "What is the payoff amount at this point, ignoring fees?",
            "What is the unpaid principal balance?",
            "How much of the original loan has not been repaid yet?",
            "What lump sum clears the loan today?",
            "What is the PV of the monthly payments still to come?",
            "Principal outstanding after that many payments?",
            "What closing balance does the amortisation schedule show at that payment?",
            "How much does the new loan need to cover if I refinance now?",
            "What is the remaining mortgage balance?",
            "How much do I owe the lender after the payments so far?",
            "What is the balance owed, not the monthly payment?",
            "Remaining principal, please.",
        ),
        ood_labels={"k": ("monthly remittances honoured",), "P": ("capital originally drawn",)},
        ood_asks=(
            "Quote the sum that would discharge the debt.",
            "State the residual indebtedness.",
        ),
    ),
)

FAMILIES = (BREAKEVEN_WIN_AMOUNTS, LOAN_BALANCE_PAYMENTS)
