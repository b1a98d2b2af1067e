"""Existing tasks with the inputs people actually give: a breakeven win rate from the average
win and average loss as money amounts (not a reward-to-risk ratio), a loan's outstanding
balance after a stated number of monthly payments (not years elapsed), and the profit or loss
of a short sale closed out (shares sold short, then bought back), net of any commissions.

Traders quote their journal's averages ("my avg winner is $450 and my avg loser is $300"), and
borrowers count payments ("right after the 84th payment", "I've made 60 payments"). The sibling
families, ``breakeven_win_rate`` (:mod:`quantreason.tasks.ratios`) and ``loan_balance``
(:mod:`quantreason.tasks.lending`), take the ratio and the years; these teach the formula for the
inputs as written: ``100/(1+450/300)`` and ``pv(6/100/12, periods(30,"years",12)-84, pmt(6/100/12,
periods(30,"years",12), 250000))``, every number one the question shows. The loss is always written
as a positive amount ("an average loss of $300").

Short sellers say "shorted 300 ABC at 58.40, covered at 61.15": ``position_pnl``
(:mod:`quantreason.tasks.ratios`) teaches a long position's ``N*(P1-P0)``, and ``short_pnl``
the short's ``300*(58.40-61.15)``, the sale price first. Every question says whether
commissions count: none, a commission per trade (paid on the short sale and again on the
buy-back: ``-2*4.95``), or their total as written (``-9.90``, a per-trade figure beside it or
not). A waived borrow fee, the account's equity or the date may be mentioned and never enter.

Each teaches its own reasoning sentence. Solvers are written independently of the formula text:
the win rate solves p * win = (1 - p) * loss, and the loan runs its schedule month by month
with the level payment found by bisection (lending's helpers); the short sale adds up the
cash: proceeds of the sale, less the cost of buying back, less each commission.
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
    significant,
)
from quantreason.tasks.lending import LOAN_PRINCIPAL_LABELS, balance_after, level_payment
from quantreason.tasks.term_counts import term_formula

# --- breakeven_win_amounts --------------------------------------------------------------------

_SIDE_FEES = (0.65, 1.0, 1.5, 2.0, 2.5, 4.95, 6.95, 9.99)  # a broker's commission per side


def _trading_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The numbers as usual, plus figures a trading question may mention beside them and the
    formula never uses: the account size, the number of trades logged, a commission already
    taken out of both averages."""
    side = {
        "acct": Num(
            significant(math.exp(rng.uniform(math.log(5000), math.log(5e5))), 2, whole=True),
            0,
            "money",
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
        "home": Num(
            significant(nums["P"].value * rng.uniform(1.15, 2.4), 3, whole=True), 0, "money"
        ),
        "escrow": Num(float(rng.randrange(120, 950)), 0, "money"),
        "fee": Num(significant(rng.uniform(1500, 9000), 2, whole=True), 0, "money"),
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
    months = term_formula(f, "12")
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
            # payments (quantreason.frequency.count_read_as_years) beside the formula's years.
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

# --- short_pnl --------------------------------------------------------------------------------

_SHORT_PARAMS = {
    "N": plain((10, 5000), ((10000, 500000),)),  # shares sold short (position_pnl's bands)
    "P0": plain((5, 500), ((1000, 9999),), decimals=2),  # the price the shares were sold at
    "P1": plain((5, 500), ((1000, 9999),), decimals=2),  # the price they were bought back at
}
# A flat commission per trade (two trades: the short sale and the buy-to-cover); the total of
# the two, 2 c, is written with the same decimals ("$4.95 a trade, $9.90 in all").
SHORT_COMMISSION = money((0.5, 25), ((40, 400),), decimals=2)
SHORT_COMMISSION_TOTAL = money((1, 50), ((80, 800),), decimals=2)
# Commissions as brokers quote them; the rest of training draws any amount in range.
_QUOTED_PER_TRADE = (0.99, 1, 1.5, 2.5, 4.95, 5, 6.95, 7, 7.99, 8, 9.95, 9.99, 10, 12.5, 14.95)
# Share of draws whose question states a commission: per trade (the formula doubles it), or
# as the round trip's total (the formula takes it as written, a per-trade figure beside it
# or not); the rest say that no commission is charged.
SHORT_COMMISSION_SHARE = 0.35
_PER_TRADE_SHARE = 0.5  # of the draws with a commission
# In training, the commissions are 2.5-50 % of the gross profit or loss: a question stating
# them has them matter, and leaving them out (or counting one trade's) misses the 1 % grading
# tolerance.
SHORT_COST_SHARE = (0.025, 0.5)
# ... and the price moved at least this fraction of the sale price: a trade, not a tick.
_SHORT_MIN_MOVE = 0.004
_ROUND_LOT_SHARE = 0.4  # training share counts written in round lots ("300 shares")


def _round_lot(rng: random.Random, count: float) -> float:
    """``count`` as a round lot: to 100 shares (or 50), to 10 below 100 shares."""
    step = 10 if count < 100 else rng.choice((50, 100, 100))
    return float(max(step, round(count / step) * step))


def _per_trade_commission(rng: random.Random, ood: bool) -> Num:
    if not ood and rng.random() < 0.6:
        quoted = rng.choice(_QUOTED_PER_TRADE)
        return Num(float(quoted), 0 if float(quoted).is_integer() else 2, "money")
    return SHORT_COMMISSION.draw(rng, ood)


def _covering_price(rng: random.Random, shares: float, entry: float, total: float) -> Num | None:
    """A buy-back price above or below ``entry`` at which ``total`` in commissions is a share
    of the gross profit or loss in :data:`SHORT_COST_SHARE`; None when the move that takes
    would be under :data:`_SHORT_MIN_MOVE` of the price (a large position: drawn again)."""
    share = math.exp(rng.uniform(*map(math.log, SHORT_COST_SHARE)))
    move = round(total / share / shares, 2)
    price = round(entry + move * rng.choice((-1, 1)), 2)
    low, high = _SHORT_PARAMS["P1"].train
    if move < max(0.01, _SHORT_MIN_MOVE * entry) or not low <= price <= high:
        return None
    real = total / (shares * abs(price - entry))
    if not SHORT_COST_SHARE[0] <= real <= SHORT_COST_SHARE[1]:
        return None
    return Num(price, 2, "plain")


def _short_prices_valid(nums: Values) -> bool:
    entry, exit_ = nums["P0"].value, nums["P1"].value
    return 0.5 < exit_ / entry < 2 and exit_ != entry


def _short_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Shares and the two prices as position_pnl draws them (round lots in training), and in
    :data:`SHORT_COMMISSION_SHARE` of draws a commission: ``c`` per trade or ``C`` in total
    (twice a per-trade amount). In training the buy-back price is then drawn near the sale
    price, so that the commissions matter (:data:`SHORT_COST_SHARE`)."""
    with_fees = rng.random() < SHORT_COMMISSION_SHARE
    per_trade = rng.random() < _PER_TRADE_SHARE
    for _ in range(200):
        nums = draw_params(_SHORT_PARAMS, rng, ood)
        if not ood and rng.random() < _ROUND_LOT_SHARE:
            nums["N"] = Num(_round_lot(rng, nums["N"].value), 0, "plain")
        if not with_fees:
            if _short_prices_valid(nums):  # redrawn here, so that the share of fees holds
                return nums
            continue
        fee = _per_trade_commission(rng, ood)
        total = Num(round(2 * fee.value, fee.decimals), fee.decimals, "money")
        if not ood:
            covered = _covering_price(rng, nums["N"].value, nums["P0"].value, total.value)
            if covered is None:
                continue
            nums["P1"] = covered
        if _short_prices_valid(nums):
            nums["c" if per_trade else "C"] = fee if per_trade else total
            return nums
    raise RuntimeError("short_pnl: could not draw a trade whose commissions matter")


def short_sale_profit(v: dict) -> float:
    """Cash from the short sale less cash paid to buy the shares back, less the commissions."""
    proceeds, buy_back = v["N"] * v["P0"], v["N"] * v["P1"]
    commissions = 0.0
    if "C" in v:  # the round trip's total
        commissions = v["C"]
    elif "c" in v:  # paid once on the short sale and once on the buy-back
        commissions = v["c"] + v["c"]
    return proceeds - buy_back - commissions


def short_pnl_formula(f: dict) -> str:
    gross = f"{f['N']}*({f['P0']}-{f['P1']})"
    if "C" in f:  # the total as written
        return f"{gross}-{f['C']}"
    if "c" in f:  # a per-trade commission, paid on the short sale and on the buy-back
        return f"{gross}-2*{f['c']}"
    return gross


# How a question states the commissions, for each draw: none, ``{c}`` per trade, ``{C}`` in
# total, or both (``{half}`` per trade beside the total ``{C}``, which the formula takes).
# ``costs`` is a sentence, ``fees`` a value for a table or list, ``fees_with`` a phrase after a
# comma, ``fees_chat`` chat, ``fees_held`` held-out wording for the held-out templates only.
_SHORT_FEES: dict[str, dict[str, tuple[str, ...]]] = {
    "costs": {
        "none": (
            "No commissions were charged.",
            "There are no commissions.",
            "Ignore commissions; the broker charges none.",
            "The account is commission-free.",
            "Assume zero commission.",
            "No commission on either trade.",
        ),
        "c": (
            "The broker charges a commission of {c} per trade, on the short sale and again on "
            "the buy-back.",
            "Commission is {c} each way.",
            "Each of the two trades cost {c} in commission.",
            "Commissions: {c} per trade (two trades).",
            "There is a {c} commission on every order, the short sale and the cover alike.",
        ),
        "C": (
            "Commissions came to {C} in total.",
            "Total commissions for the round trip were {C}.",
            "The broker took {C} in commissions for both trades together.",
            "Round-trip commission: {C}.",
        ),
        "both": (
            "Commissions were {half} a trade, {C} in all.",
            "The broker charged {half} commission per trade, so {C} for the round trip.",
            "Commission: {half} on each of the two trades ({C} in total).",
        ),
    },
    "fees": {
        "none": ("none", "nil", "{nil}", "zero", "n/a (commission-free)"),
        "c": ("{c} per trade", "{c} each way", "{c} per side", "{c} on each of the two trades"),
        "C": ("{C} total", "{C} round trip", "{C} for both trades"),
        "both": ("{half}/trade, {C} total", "{half} each way ({C} in all)"),
    },
    "fees_with": {
        "none": (
            "with no commission charged",
            "with no commissions at all",
            "through a commission-free broker",
        ),
        "c": (
            "with a commission of {c} per trade (on the short sale and on the cover)",
            "with {c} commission each way",
            "paying {c} in commission on each of the two trades",
        ),
        "C": (
            "with {C} in commissions for the round trip",
            "paying {C} in total commissions",
            "with total commissions of {C}",
        ),
        "both": (
            "paying {half} a trade in commission, {C} in all",
            "with commissions of {half} per trade ({C} for both trades)",
        ),
    },
    "fees_chat": {
        "none": ("no commish", "no fees", "zero commission", "commission free", "no comms"),
        "c": ("comm {c} per trade", "{c} commish each way", "{c}/trade fees"),
        "C": ("{C} commish total", "fees {C} all in", "{C} in comms round trip"),
        "both": ("{half} a trade so {C} commish total", "comms {half} each way, {C} total"),
    },
    "fees_held": {
        "none": ("dealing charges nil", "no dealing charges whatsoever"),
        "c": (
            "a dealing charge of {c} levied at each of the two executions",
            "{c} brokerage levied upon every execution, opening and closing",
        ),
        "C": ("aggregate dealing charges of {C}", "brokerage amounting to {C} altogether"),
        "both": ("a dealing charge of {half} per execution, {C} altogether",),
    },
}
# What a composed question shows for "no commission" (beside a label of ``free``).
_NO_COMMISSION_VALUES = ("none", "zero", "{nil}", "nil", "not charged", "none (commission-free)")
SHORT_TICKERS = ("ABC", "XYZ", "QRS", "KLM", "DEF", "GHI", "TUV", "MNOP", "WXY", "BCD")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
_MONTHS += ("September", "October", "November", "December")


def _short_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The numbers as usual, the commissions as phrases for each slot (none, per trade, in
    total, or both), and figures a short seller may mention that the P&L does not use: the
    account's equity, the ticker, the date."""
    side = {
        "acct": Num(
            significant(math.exp(rng.uniform(math.log(5000), math.log(5e5))), 2, whole=True),
            0,
            "money",
        ),
        "nil": Num(0.0, 0, "money"),
    }
    if "C" in nums:
        side["half"] = Num(nums["C"].value / 2, nums["C"].decimals, "money")
    texts = number_texts(rng, {**nums, **side})
    if "c" in nums:
        shape = "c"
    elif "C" in nums:
        shape = "both" if rng.random() < 0.4 else "C"
    else:
        shape = "none"
    for slot, phrases in _SHORT_FEES.items():
        texts[slot] = rng.choice(phrases[shape]).format(**texts)
    if shape == "none":  # a composed question says so beside a commission label
        texts["free"] = rng.choice(_NO_COMMISSION_VALUES).format(**texts)
    elif shape == "both":
        texts["C"] = f"{texts['C']} ({texts['half']} per trade)"
    texts["tk"] = rng.choice(SHORT_TICKERS)
    day = rng.randrange(1, 29)
    month = rng.choice(_MONTHS)
    texts["date"] = f"{day} {month}" if rng.random() < 0.5 else f"{month} {day}"
    return texts


SHORT_PNL = Family(
    name="short_pnl",
    unit="currency",
    reasoning="Short P&L = shares * (sale price - buy-back price) - commissions.",
    params=_SHORT_PARAMS,
    sample=_short_sample,
    render=_short_texts,
    formula=short_pnl_formula,
    solve=short_sale_profit,
    uses=frozenset({"costs", "shorting"}),
    convention="currency; a short sale closed out: shares times (the price sold short at minus "
    "the buy-back price), less the commissions stated (a commission per trade is paid on the "
    "short sale and again on the buy-back); negative for a loss",
    templates=(
        "I shorted {N} shares at {P0} and bought them back at {P1}. {costs} What is my profit "
        "or loss?",
        "shorted {N} {tk} at {P0}, covered at {P1}, {fees_chat}. how much did i make or lose",
        "Exam question: An investor sells short {N} shares at {P0} per share and later covers "
        "the position by buying the shares back at {P1} per share. {costs} Calculate the "
        "investor's profit or loss (negative for a loss).",
        "Desk note: short {N} {tk} @ {P0}, covered @ {P1}. Commissions: {fees}. Realised P&L?",
        "Hi Sam, could you confirm the P&L on the {tk} short? We sold {N} shares short at {P0} "
        "and bought them back at {P1}, {fees_with}. Thanks, Priya",
        "| shares sold short | short price | cover price | commissions | P&L |\n| {N} | {P0} | "
        "{P1} | {fees} | ? |",
        "- Shares shorted: {N}\n- Short-sale price: {P0}\n- Buy-to-cover price: {P1}\n- "
        "Commissions: {fees}\n- Profit or loss: ?",
        "Please, I make a short sell of {N} shares for {P0} each one, and after I buy them back "
        "for {P1}. {costs} How much money I win or lose?",
        "My account has {acct} in it. I sold short {N} shares of {tk} at {P0} and covered at "
        "{P1}, {fees_with}. The borrow fee was waived. What's my P&L on the short?",
        "short {N} sh @ {P0}, bought to cover @ {P1}, comm {fees}. pnl?",
        "A trader shorts {N} shares at {P0}; she buys them back to close the short at {P1}. "
        "{costs} What is her profit or loss in currency?",
        "On {date} I opened a short: {N} shares at {P0}. I covered the whole position at {P1}. "
        "{costs} How much did I make, or lose?",
        "Short sale closed out: {N} shares sold at {P0}, repurchased at {P1}. {costs} Profit "
        "(negative if a loss)?",
        "qty_short={N}; short_px={P0}; cover_px={P1}; commissions={fees}; pnl=?",
        "my brother-in-law bet against an EV maker, he shorted {N} shares at {P0}. the stock "
        "moved and he covered at {P1}, {fees_with}. did he make money and how much? (negative "
        "number if he lost)",
        "What is the profit or loss on a short sale of {N} shares entered at {P0} and covered "
        "at {P1}? {costs}",
        "Hello, from the compliance log: on {date} the client sold {N} borrowed shares short at "
        "{P0} and closed the short at {P1}. {costs} The stock lender charged no borrow fee. "
        "Please state the realised P&L of the short.",
        "Interview question: you short {N} shares at {P0} and cover at {P1}. {costs} What's "
        "your P&L?",
        "ok so i went short {N} shares at {P0} bc i thought it was overvalued lol. bought back "
        "at {P1}, {fees_chat}. am i up or down and by how much??",
        "Textbook problem: A short position of {N} shares is opened at a price of {P0} and "
        "closed at {P1}. {costs} Determine the profit or loss on the short position, a loss "
        "written as a negative number.",
        "Shares: {N} (sold short)\nShort price: {P0}\nBuy-back price: {P1}\nCommissions: "
        "{fees}\nShort P&L = ?",
        "Trade recap for the PM: we were short {N} {tk} from {P0} and covered the lot at {P1}. "
        "{costs} Account equity is {acct}, which doesn't matter here. What did the short make "
        "or lose?",
        "I sold {N} shares I didn't own (a short sale) at {P0} and bought them back later at "
        "{P1}, {fees_with}. What's my profit or loss?",
        "Hey, quick check on my short. Sold short {N} at {P0}, covered {P1}. {costs} No borrow "
        "fee. P&L in money, not percent?",
        "Compute the P&L of covering a short: {N} shares shorted at {P0}, bought back at {P1}. "
        "{costs}",
        "My uncle, who fixes boats for a living and trades on his phone at lunch, shorted {N} "
        "shares of a cruise line at {P0} because he hated their new ships. He covered at {P1} "
        "on {date}, {fees_with}. How much money did the short make or lose?",
        "Please help, my English is not so good. I am short seller: I sell {N} shares at price "
        "{P0} and I close by buy at price {P1}, {fees_with}. What is the gain or loss?",
        "Exam item 4. Shares are sold short at {P0}; {N} shares in total. The short is covered "
        "at {P1}. {costs} Find the profit or loss in currency units.",
        "Short {N} @ {P0} -> cover @ {P1}. Comms: {fees}. Net P&L?",
    ),
    ood_templates=(
        "Bearish wager unwound: {N} borrowed units offloaded at {P0}, later reacquired at {P1}; "
        "{fees_held}. Net outcome in cash?",
        "I offloaded {N} borrowed shares at {P0} and later returned them after repurchasing at "
        "{P1}, {fees_held}. What did the bet against the stock net me?",
        "Tally for a bear trade, please: stock borrowed then dumped, {N} of them, at {P0}; "
        "replaced at {P1}; {fees_held}. Result?",
    ),
    parts=Parts(
        labels={
            "N": (
                "shares sold short",
                "number of shares shorted",
                "short position (shares)",
                "size of the short (shares)",
                "qty short",
                "short quantity",
                "shares borrowed and sold",
                "short size",
                "shares in the short position",
                "share count (short)",
                "how many shares were shorted",
                "shares shorted",
            ),
            "P0": (
                "short-sale price",
                "price sold short at",
                "short entry price",
                "price shorted at",
                "entry price of the short",
                "sale price (short)",
                "short-sale fill",
                "price at which the shares were sold short",
                "opening price of the short",
                "shorting price",
                "short entry px",
                "average short price",
            ),
            "P1": (
                "buy-to-cover price",
                "cover price",
                "buy-back price",
                "price covered at",
                "exit price of the short",
                "repurchase price",
                "price paid to cover",
                "price at which the short was closed",
                "covering price",
                "buy-back px",
                "short exit px",
                "price the shares were bought back at",
            ),
            "c": (
                "commission per trade",
                "commission each way",
                "per-trade commission (charged on the short sale and on the cover)",
                "commission per side",
                "brokerage per trade",
                "commission on each order",
                "flat fee per trade",
                "commission on the short sale and again on the cover",
                "commission per leg",
                "per-order commission",
                "fixed commission per trade",
                "broker fee on each of the two trades",
            ),
            "C": (
                "total commissions",
                "round-trip commission",
                "commissions in total",
                "total brokerage (both trades)",
                "commissions for the round trip",
                "combined commissions (short sale + cover)",
                "all-in commissions",
                "total fees paid to the broker",
                "commission total",
                "commissions on both legs",
                "total trading commissions",
                "round-trip brokerage",
            ),
            "free": (
                "commissions",
                "commission",
                "broker commission",
                "trading commissions",
                "brokerage",
                "commission charged",
                "commissions paid",
                "commission on each trade",
                "fees to the broker",
                "round-trip commissions",
                "commission costs",
                "brokerage fees",
            ),
        },
        asks=(
            "What is the P&L on the short?",
            "What is the profit or loss on the short sale?",
            "How much did the short make or lose?",
            "What is the short position's P&L in money, negative for a loss?",
            "Compute the profit or loss on the short trade.",
            "How much money did shorting the stock gain or lose?",
            "Short P&L?",
            "What did the short sale earn once it was covered?",
            "What is the realised P&L on the covered short?",
            "Am I up or down on the short, and by how much?",
            "What is the net profit on the short after any commissions?",
            "Total gain or loss on the short position = ?",
            "How much did I make (or lose) shorting these shares?",
            "What is the cash result of the short sale and buy-back?",
            "Calculate the profit or loss from selling short and buying back.",
            "What is the PnL of the short, in currency?",
            "What did the short cost or earn me?",
            "Give the short trade's profit, or its loss as a negative number.",
            "What is the money made on the short once covered, negative if it lost?",
            "short pnl?",
        ),
        ood_labels={
            "N": ("borrowed units offloaded",),
            "P0": ("quote at which the borrowed stock was offloaded",),
            "P1": ("quote at which the borrowed stock was replaced",),
        },
        ood_asks=(
            "State the net outcome of the bear position in cash.",
            "Quantify what the wager against the stock yielded, any deficit shown negative.",
        ),
    ),
)

FAMILIES = (BREAKEVEN_WIN_AMOUNTS, LOAN_BALANCE_PAYMENTS, SHORT_PNL)
