"""Hand-written probe set 15: 48 quantitative-finance questions, 3 per task family.

How the set was written
-----------------------
Written BLIND: the only project file consulted was TASKS.md in this folder (the list of 16
task families with their formulas and conventions). No code, benchmark data or other
questions of the project were looked at. Each question was composed by hand to read like
something a real person would type when they need that one number, then answered here
with plain closed-form arithmetic (math module only; normal CDF via math.erf).
handwritten_probe15.jsonl was produced by _build_probe15.py, which computes the same
answers by different routes (cash-flow loops, bisection for doubling time, sorting for ES,
summing discounted payments for annuities/bonds/loan payments); this module re-derives
them with closed forms and compares.

Styles used (mixed within each family's three questions)
--------------------------------------------------------
casual lowercase chat with shorthand ("whats", "$186k", "yrs", "acct", "fwiw"); e-mails to
a colleague (greeting + sign-off); exam/textbook items; bullet lists; a markdown table
(p15-30); non-native English (p15-06, -08, -18, -36, -47); tasks described without naming
the measure (e.g. p15-18 "minimum one losing trade", p15-24 lost-earnings stream,
p15-43 candle units).

Variants covered
----------------
cap rate: NOI given (01) / built from monthly rents x units (02) / from yearly gross rent (03);
cash-on-cash: cash flow given (04) / built from monthly rent, opex, mortgage (05) / NOI less
monthly mortgage x 12 (06); DSCR: annual debt service (07) / monthly payment (08) / loan
terms (09); points: payments given + ceil (10) / rates + exact (11) / rates + ceil (12);
normal: below (13, 14) / above (15); P(at least one) (16, 18) / P(none) (17); ES: k given
(19) / 500 scenarios at 99% (20) / 250 returns at 98% applied to a position (21); growing
annuity: first payment in a year (22, 24) / first payment today (23); bonds: face 1,000 /
100 / 5,000,000 position; swap: annual (28, 30) / semiannual (29); delta: call no dividend
(31) / put with dividend yield (32) / call with dividend yield (33); beta futures: sell (34,
36) / buy (35); Modified Dietz: one deposit (37) / deposit + withdrawal (38) / one
withdrawal (39); sustainable growth: ROE + payout (40) / NI, dividends, beginning equity
(41) / EPS, DPS, ROE (42); target units: ceil (43, 45) / exact (44); doubling: monthly,
quarterly, daily-365.

Questions with an irrelevant figure (12)
----------------------------------------
p15-01  seller's asking price $3.1m and lender's 7.25% loan rate
p15-03  owner's mortgage payments $96,000/yr (debt service, not an operating expense)
p15-12  home price $350,000 (points are on the $280,000 loan)
p15-14  book size $40m
p15-24  employer's 5% pension contribution (valued separately)
p15-27  purchase price 98.50 last year
p15-30  swap notional $50m
p15-33  option premium 95.40 on the screen
p15-36  initial margin EUR 3,000 per contract
p15-41  year-end equity $32.94m (question says use beginning equity)
p15-43  380 candles sold last month
p15-45  plant capacity 3,000 units/yr
(ES questions also list more worst outcomes than needed, as TASKS.md describes.)

Conventions
-----------
percent answers in percentage points (5.15 means 5.15 %); money in currency units; counts
and months as plain numbers; years as plain numbers; ratios plain. Cap-rate NOI is yearly;
mortgage payments monthly at annual rate / 12; points = % of loan amount; ceil only where
the question asks for whole months/units, exact quotient otherwise; futures contracts
rounded to nearest, reported as a positive number to sell or buy as asked; ES reported as a
positive loss; option delta per share, put negative; bonds priced on a coupon date with
semiannual compounding; Modified Dietz weights = fraction of the period the flow was in the
account (time remaining after the flow), withdrawals negative; sustainable growth on
beginning equity where stated. Answers in the jsonl are rounded to 4 decimals.

Second solve
------------
A second helper, given only each question's id, text and unit (no answer, no task), solved
all 48 from the text alone and agreed with every answer here (relative 1e-3). Readings it
noted and took as written: p15-23 an annuity due (the question says the first payment is
today), p15-29 the swap rate quoted per year, p15-38 the withdrawal weighted 25/90, p15-41
ROE on beginning equity. No question was reworded.
"""

import json
import math
import os
import sys


def N(z):
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def pmt(r, n, L):
    return L * r / (1.0 - (1.0 + r) ** (-n))


def ga_pv(C, g, r, n, due=False):
    v = C / (r - g) * (1.0 - ((1.0 + g) / (1.0 + r)) ** n)
    return v * (1.0 + r) if due else v


def bond(face, c, y, years):
    n = 2 * years
    i = y / 2.0
    return face * (c / 2.0) * (1.0 - (1.0 + i) ** (-n)) / i + face * (1.0 + i) ** (-n)


def delta(S, K, r, q, vol, T, put=False):
    d1 = (math.log(S / K) + (r - q + vol**2 / 2.0) * T) / (vol * math.sqrt(T))
    return math.exp(-q * T) * (N(d1) - 1.0 if put else N(d1))


def dbl(r, m):
    return math.log(2.0) / (m * math.log(1.0 + r / m))


ANSWERS = {
    # cap_rate_value
    "p15-01": 186000 / 0.065,
    "p15-02": (1450 * 8 * 12 * 0.95 - 38400) / 0.07,
    "p15-03": (420000 * (1 - 0.04) - 128000) / 0.0575,
    # cash_on_cash
    "p15-04": 7800 / 75000 * 100,
    "p15-05": 12 * (2400 - 720 - 1185) / 65000 * 100,
    "p15-06": (48000 - 12 * 2650) / 128400 * 100,
    # dscr
    "p15-07": 142000 / 109000,
    "p15-08": 96500 / (12 * 6180),
    "p15-09": 165000 / (12 * pmt(0.0675 / 12, 25 * 12, 1500000)),
    # points_breakeven_months
    "p15-10": math.ceil(0.02 * 400000 / (2528 - 2398)),
    "p15-11": 0.015 * 350000 / (pmt(0.07 / 12, 360, 350000) - pmt(0.065 / 12, 360, 350000)),
    "p15-12": math.ceil(
        0.0125 * 280000 / (pmt(0.0625 / 12, 180, 280000) - pmt(0.05875 / 12, 180, 280000))
    ),
    # normal_probability
    "p15-13": N((0 - 8) / 15) * 100,
    "p15-14": N((-150000 - 12000) / 85000) * 100,
    "p15-15": (1 - N((10 - 1.2) / 5.5)) * 100,
    # prob_at_least_one
    "p15-16": (1 - (1 - 0.03) ** 20) * 100,
    "p15-17": (1 - 0.08) ** 12 * 100,
    "p15-18": (1 - (1 - 0.42) ** 6) * 100,
    # historical_expected_shortfall
    "p15-19": (84200 + 71500 + 66900 + 58300 + 52100) / 5,
    "p15-20": (2410000 + 1980000 + 1755000 + 1620000 + 1540000) / 5,  # k = 500 * 1% = 5
    "p15-21": (0.068 + 0.059 + 0.051 + 0.047 + 0.044) / 5 * 2500000,  # k = 250 * 2% = 5
    # growing_annuity_pv
    "p15-22": ga_pv(30000, 0.025, 0.06, 25),
    "p15-23": ga_pv(120000, 0.03, 0.08, 10, due=True),
    "p15-24": ga_pv(85000, 0.04, 0.07, 30),
    # bond_price_semiannual
    "p15-25": bond(1000, 0.05, 0.062, 10),
    "p15-26": bond(100, 0.0425, 0.038, 7),
    "p15-27": bond(5000000, 0.065, 0.071, 12),
    # par_swap_rate
    "p15-28": (1 - 0.8512) / (0.9615 + 0.9238 + 0.8871 + 0.8512) * 100,
    "p15-29": 2 * (1 - 0.9229) / (0.9804 + 0.9610 + 0.9418 + 0.9229) * 100,
    "p15-30": (1 - 0.8353) / (0.9662 + 0.9328 + 0.8997 + 0.8672 + 0.8353) * 100,
    # option_delta
    "p15-31": delta(105, 100, 0.045, 0.0, 0.25, 6 / 12),
    "p15-32": delta(48, 50, 0.03, 0.02, 0.32, 9 / 12, put=True),
    "p15-33": delta(4520, 4600, 0.05, 0.015, 0.18, 3 / 12),
    # futures_beta_change (positive = contracts to sell / buy as asked)
    "p15-34": abs(round((0.80 - 1.20) * 50e6 / (5050 * 50))),
    "p15-35": round((1.30 - 0.90) * 25e6 / (18200 * 20)),
    "p15-36": abs(round((0.60 - 1.05) * 80e6 / (4850 * 10))),
    # modified_dietz
    "p15-37": (125000 - 100000 - 20000) / (100000 + 20000 * 20 / 30) * 100,
    "p15-38": (279000 - 250000 - (30000 - 15000))
    / (250000 + 30000 * 60 / 90 - 15000 * 25 / 90)
    * 100,
    "p15-39": (1180000 - 1200000 + 100000) / (1200000 - 100000 * 219 / 365) * 100,
    # sustainable_growth
    "p15-40": 15 * (1 - 0.40),
    "p15-41": (4.2 / 30.0) * (1 - 1.26 / 4.2) * 100,
    "p15-42": 18 * (1 - 1.12 / 3.20),
    # target_profit_units
    "p15-43": math.ceil((4500 + 3000) / (28 - 11)),
    "p15-44": (180000 + 60000) / (45.00 - 27.50),
    "p15-45": math.ceil((940000 + 250000) / (1250 - 780)),
    # doubling_time_periodic
    "p15-46": dbl(0.06, 12),
    "p15-47": dbl(0.045, 4),
    "p15-48": dbl(0.0525, 365),
}

_DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "handwritten_probe15.jsonl")


def mismatches(path=_DEFAULT):
    out = []
    seen = set()
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            pid, got = row["id"], float(row["answer"])
            seen.add(pid)
            want = ANSWERS.get(pid)
            if want is None:
                out.append((pid, got, None))
                continue
            tol = max(1e-4 * abs(want), 1e-6)
            if abs(got - want) > tol:
                out.append((pid, got, want))
    for pid in sorted(set(ANSWERS) - seen):
        out.append((pid, None, ANSWERS[pid]))
    return out


if __name__ == "__main__":
    bad = mismatches()
    for m in bad:
        print("MISMATCH", m)
    print(f"{len(ANSWERS)} answers, {len(bad)} mismatches")
    sys.exit(1 if bad else 0)
