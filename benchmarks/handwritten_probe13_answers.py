"""Hand-worked answers for handwritten_probe13.jsonl (57 questions, p13-01..p13-57).

HOW THE SET WAS WRITTEN
  Blind: the questions were written from the task list (/work/notes/fam/tasklist.md)
  alone, without looking at any training data, generators, earlier probes or notes
  about how the model's data phrases these tasks.  19 tasks x 3 questions, three
  consecutive ids per task in the list's order:
    01-03 breakeven_units            04-06 target_margin_price
    07-09 straight_line_depreciation 10-12 declining_balance_depreciation
    13-15 cash_conversion_cycle      16-18 free_cash_flow_firm
    19-21 futures_fair_value         22-24 fx_forward_points
    25-27 fra_settlement             28-30 straddle_breakeven
    31-33 futures_pnl                34-36 correlation
    37-39 annuity_due_fv             40-42 months_to_pay_off
    43-45 implied_share_price        46-48 growing_perpetuity
    49-51 inflation_adjusted_value   52-54 pot_withdrawal
    55-57 capital_gains_tax

STYLES (an id may carry more than one)
  retail chat, lowercase/shorthand ("whats", "yrs", "rn", "lol", "$1.2m"):
      01, 04, 07, 10, 19, 20, 28, 29, 31, 34, 37, 40, 42, 43, 46, 48, 49, 50, 52, 55, 56
  e-mail to a colleague:                      02, 14, 25
  desk / file notes, trader shorthand:        05, 18, 22, 23, 24, 26, 32, 36
  exam items:                                 03, 08, 11, 13, 17, 21, 33, 39, 45, 47, 53
  small markdown table:                       09, 15, 44
  bullet lists:                               05, 16, 27
  non-native English:                         06, 12, 38, 51, 54
  comma decimals ("3,20", "4,5 %"):            02, 21, 30, 38, 41, 44, 48, 51, 54, 57
  space thousands separators ("42 000"):      02, 12, 18, 21, 38, 41, 48, 51, 54, 57
  task described rather than named (no textbook name): 01, 02, 04, 06,
      37, 38, 39, 40, 41, 42, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57

FIGURES THE ANSWER MUST IGNORE (19 ids)
  02  "old site sold 18 500 cups last year"
  05  competitor shelf price $11.99
  08  bank loan at 6% interest financing the machine
  10  salvage $5,000 (DDB base is not reduced by salvage; it never binds here)
  11  residual value EUR 30,000 (150% DB; never binds)
  14  net income $2.1bn
  16  interest expense 90
  18  dividends paid to parent 10 000
  20  stock up 18% ytd
  27  1m rate on trade date 5.30%
  28  stock at 118.30 now
  31  initial margin $12,650 per contract
  36  mean X = 0.012
  42  minimum payment $295
  44  revenue EUR 610m and current share price EUR 14,10
  51  salary growing 3 % a year
  53  state pension GBP 11,500 a year
  56  ~$1,200 of dividends received
  57  short-term rate 40 % (holding is long-term, 26 % applies)

CONVENTIONS (from the task list)
  breakeven: fixed / (price - variable), ceil only where whole units are asked.
  margin price: cost/(1-m) for margin on price, cost*(1+k) for markup on cost.
  straight line: (cost - salvage)/life, same every year.
  declining balance: rate (2/life or 1.5/life) x opening book value, salvage not
      deducted, no switch to SL, full year in year 1.
  CCC: 365*(inv/COGS + AR/revenue - AP/COGS), year-end balances.
  FCFF: EBIT*(1-t) + D&A - capex - increase in NWC (a decrease adds).
  futures fair value: S*exp((r-q)T), T = months/12 or days/365.
  FX points: S*(1+r_quote*d/B_q)/(1+r_base*d/B_b) - S, x10,000 (x100 yen);
      act/360, sterling act/365 where stated.
  FRA: N*(L-K)*d/360 / (1+L*d/360) for the buyer, sign flipped for the seller.
  straddle/strangle breakevens: strike(s) +/- both premiums.
  futures P&L: contracts x size x favourable price change; loss negative.
  correlation: cov/(sd1*sd2) in consistent units.
  annuity due FV: deposits at start of each period, balance at end of last period.
  months to pay off: APR/12 monthly, end-of-month payment; fractional unless
      whole payments asked (then ceil).
  implied share price: (multiple*EBITDA - (debt - cash)) / shares.
  growing perpetuity: next payment/(r-g); "just paid" D0 -> D1 = D0*(1+g).
  inflation: /(1+i)^n for today's money, *(1+i)^n for future cost.
  pot withdrawal: level end-of-period payment exhausting the pot.
  CGT: (proceeds - basis - fees) * rate; a split leaves total basis unchanged.
Answers: percent in points, money in currency units (in $m/EUR m where the
question asks so), losses negative; stored rounded to 4 decimals.
Run: python3 handwritten_probe13_answers.py  (compares with the JSONL next to it).

A second helper solved all 57 from the question text and the task list alone (without this
script or the answers) and agreed 57 of 57; it found one unstated convention (p13-40's card APR:
charged daily, APR/365, gives 0.38 % more months), and p13-40 now says "charged monthly, apr/12".
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

QUESTIONS = Path(__file__).resolve().parent / "handwritten_probe13.jsonl"
REL_TOL = 1e-4  # the JSONL stores answers rounded to 4 decimals

A = {}


def annuity_due_fv_loop(dep, r, n):
    bal = 0.0
    for _ in range(n):
        bal += dep  # deposit at the beginning of the period
        bal *= 1 + r  # grows through the period
    return bal


def balance_after(B, r, P, n):
    for _ in range(n):
        B = B * (1 + r) - P
    return B


def months_fractional(B, apr, P):
    # n solving B*(1+r)^n - P*((1+r)^n - 1)/r = 0, by bisection on real n
    r = apr / 12

    def f(n):
        return B * (1 + r) ** n - P * ((1 + r) ** n - 1) / r

    lo, hi = 0.0, 1000.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def months_whole(B, apr, P):
    r = apr / 12
    n = 0
    while B > 1e-9:
        B = B * (1 + r) - P
        n += 1
    return n


def level_withdrawal(pot, r, n):
    # bisection on the payment so that the pot is exactly zero after n end-of-period withdrawals
    lo, hi = 0.0, pot * 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if balance_after(pot, r, mid, n) > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def db_charge(cost, rate, year):
    bv = cost
    for y in range(1, year + 1):
        ch = bv * rate
        if y == year:
            return ch
        bv -= ch


def fwd_points(S, r_base, b_base, r_quote, b_quote, d, mult):
    F = S * (1 + r_quote * d / b_quote) / (1 + r_base * d / b_base)
    return (F - S) * mult


def fra_value(N, K, L, d, buyer):
    diff = N * (L - K) * d / 360  # interest difference at period end, buyer view
    pv = diff / (1 + L * d / 360)  # discounted to the start at the fixing
    return pv if buyer else -pv


def grown(x, rate, years):
    for _ in range(years):
        x *= 1 + rate
    return x


def discounted(x, rate, years):
    for _ in range(years):
        x /= 1 + rate
    return x


# ---------------- breakeven_units
# p13-01: contribution 24-9 = 15; 1850/15 = 123.33 -> round up to 124 candles
A["p13-01"] = math.ceil(1850 / (24 - 9))
# p13-02: contribution 3,20-1,15 = 2,05; 42 000/2,05 = 20 487.80 cups (exact); 18 500 ignored
A["p13-02"] = 42000 / 2.05
# p13-03: contribution 80-52.50 = 27.50; 250 000/27.50 = 9090.91 -> 9091
A["p13-03"] = math.ceil(250000 / 27.5)

# ---------------- target_margin_price
# p13-04: margin on price 45% -> 18.40/0.55 = 33.4545
A["p13-04"] = 18.40 / 0.55
# p13-05: markup 60% on cost -> 6.75*1.6 = 10.80; competitor 11.99 ignored
A["p13-05"] = 6.75 * 1.6
# p13-06: margin 30% on sale price -> 125/0.7 = 178.5714
A["p13-06"] = 125 / 0.7

# ---------------- straight_line_depreciation
# p13-07: (38 500 - 6 500)/5 = 6 400
A["p13-07"] = (38500 - 6500) / 5
# p13-08: (84 000 - 12 000)/8 = 9 000, same in year 3; loan rate ignored
A["p13-08"] = (84000 - 12000) / 8
# p13-09: no salvage: 15 750/7 = 2 250
A["p13-09"] = 15750 / 7

# ---------------- declining_balance_depreciation
# p13-10: rate 2/5=40%: y1 20 000 (bv 30 000), y2 12 000 (bv 18 000), y3 7 200; salvage ignored
A["p13-10"] = db_charge(50000, 2 / 5, 3)
# p13-11: rate 1.5/10=15%: y1 36 000 (bv 204 000), y2 30 600; residual ignored
A["p13-11"] = db_charge(240000, 1.5 / 10, 2)
# p13-12: rate 2/8=25%: y1 23 125, y2 17 343.75, y3 13 007.8125, y4 9 755.859375
A["p13-12"] = db_charge(92500, 2 / 8, 4)

# ---------------- cash_conversion_cycle
# p13-13: DIO 60/438*365=50, DSO 80/730*365=40, DPO 36/438*365=30 -> 60 days
A["p13-13"] = 60 / 438 * 365 + 80 / 730 * 365 - 36 / 438 * 365
# p13-14: DIO 28.79, DSO 8.36, DPO 82.66 -> -45.51 days; net income ignored
A["p13-14"] = 3.1 / 39.3 * 365 + 1.2 / 52.4 * 365 - 8.9 / 39.3 * 365
# p13-15: DIO 60.83, DSO 60.34, DPO 42.36 -> 78.82 days
A["p13-15"] = 1350 / 8100 * 365 + 2050 / 12400 * 365 - 940 / 8100 * 365

# ---------------- free_cash_flow_firm
# p13-16: 1200*(1-0.25)=900 +300 -450 -80 = 670 ($m); interest ignored
A["p13-16"] = 1200 * (1 - 0.25) + 300 - 450 - 80
# p13-17: 4.5*0.7=3.15 +1.2 -7.8 -0.6 = -4.05 (EUR m)
A["p13-17"] = 4.5 * (1 - 0.30) + 1.2 - 7.8 - 0.6
# p13-18: 86 000*0.79=67 940 +14 500 -22 000 +5 000 (NWC fell) = 65 440; dividends ignored
A["p13-18"] = 86000 * (1 - 0.21) + 14500 - 22000 + 5000

# ---------------- futures_fair_value
# p13-19: 5200*exp((0.053-0.014)*0.25)
A["p13-19"] = 5200 * math.exp((0.053 - 0.014) * 0.25)
# p13-20: 142.50*exp(0.048*200/365); ytd ignored
A["p13-20"] = 142.50 * math.exp(0.048 * 200 / 365)
# p13-21: 18 450*exp((0.032-0.021)*0.75)
A["p13-21"] = 18450 * math.exp((0.032 - 0.021) * 0.75)

# ---------------- fx_forward_points
# p13-22: EUR base, USD quote: F = 1.0850*(1+.053*91/360)/(1+.0375*91/360); (F-S)*1e4
A["p13-22"] = fwd_points(1.0850, 0.0375, 360, 0.0530, 360, 91, 10000)
# p13-23: USD base, JPY quote: (F-S)*100, negative (USD rate higher)
A["p13-23"] = fwd_points(151.20, 0.0535, 360, 0.0010, 360, 182, 100)
# p13-24: GBP base act/365, USD quote act/360, 90 days
A["p13-24"] = fwd_points(1.2650, 0.0520, 365, 0.0535, 360, 90, 10000)

# ---------------- fra_settlement
# p13-25: buyer: 25m*(4.65-4.20)%*92/360 = 28 750 at end; /(1+.0465*92/360) -> +28 412.37
A["p13-25"] = fra_value(25e6, 0.0420, 0.0465, 92, buyer=True)
# p13-26: seller: 10m*(3.10-2.85)%*90/360 = 6 250; /(1+.0285/4) -> +6 205.78
A["p13-26"] = fra_value(10e6, 0.0310, 0.0285, 90, buyer=False)
# p13-27: buyer, fixing below FRA rate -> pays: 8m*(-0.28%)*91/360 /(1+.0472*91/360);
# the 1-month rate is ignored
A["p13-27"] = fra_value(8e6, 0.0500, 0.0472, 91, buyer=True)

# ---------------- straddle_breakeven
# p13-28: upper = 120 + 6.40 + 5.90 = 132.30; spot 118.30 ignored
A["p13-28"] = 120 + 6.40 + 5.90
# p13-29: strangle lower = put strike 95 - (2.10+1.85) = 91.05
A["p13-29"] = 95 - (2.10 + 1.85)
# p13-30: straddle lower = 48 - (3.20+2.75) = 42.05
A["p13-30"] = 48 - (3.20 + 2.75)

# ---------------- futures_pnl
# p13-31: long: 3*50*(5198.50-5212.25) = 150*(-13.75) = -2 062.50; margin ignored
A["p13-31"] = 3 * 50 * (5198.50 - 5212.25)
# p13-32: short: 2*1000*(78.40-75.95) = 4 900
A["p13-32"] = 2 * 1000 * (78.40 - 75.95)
# p13-33: short: 5*100*(2345.60-2361.10) = -7 750
A["p13-33"] = 5 * 100 * (2345.60 - 2361.10)

# ---------------- correlation
# p13-34: decimal cov with % vols -> 0.0108/(0.18*0.24) = 0.25
A["p13-34"] = 0.0108 / (0.18 * 0.24)
# p13-35: %^2 cov with % vols -> 126/(15*21) = 0.40
A["p13-35"] = 126 / (15 * 21)
# p13-36: -0.00217/(0.052*0.09) = -0.4637; mean ignored
A["p13-36"] = -0.00217 / (0.052 * 0.09)

# ---------------- annuity_due_fv
# p13-37: 120 monthly deposits of 500 at start, 0.5% a month (loop)
A["p13-37"] = annuity_due_fv_loop(500, 0.06 / 12, 120)
# p13-38: 15 yearly deposits of 2 000 at start, 4.5%
A["p13-38"] = annuity_due_fv_loop(2000, 0.045, 15)
# p13-39: 8 yearly deposits of 12 000 at start, 7%
A["p13-39"] = annuity_due_fv_loop(12000, 0.07, 8)

# ---------------- months_to_pay_off
# p13-40: 6 200 at 22.9%/12, 250/month, fractional n by bisection
A["p13-40"] = months_fractional(6200, 0.229, 250)
# p13-41: 18 400 at 6.5%/12, 300/month, count whole payments until repaid
A["p13-41"] = months_whole(18400, 0.065, 300)
# p13-42: 14 750 at 7.2%/12, 400/month, fractional; min payment 295 ignored
A["p13-42"] = months_fractional(14750, 0.072, 400)

# ---------------- implied_share_price
# p13-43: EV 9.5*420=3 990; net debt 1 100-250=850; equity 3 140; /180 = 17.4444
A["p13-43"] = (9.5 * 420 - (1100 - 250)) / 180
# p13-44: EV 7.2*85=612; net debt 145; equity 467; /32 = 14.59375; revenue & price ignored
A["p13-44"] = (7.2 * 85 - (190 - 45)) / 32
# p13-45: EV 11*12.5=137.5; net debt 3-9.5=-6.5; equity 144; /8.4 = 17.1429
A["p13-45"] = (11 * 12.5 - (3 - 9.5)) / 8.4

# ---------------- growing_perpetuity
# p13-46: D1 2.40/(0.09-0.04) = 48
A["p13-46"] = 2.40 / (0.09 - 0.04)
# p13-47: D1 = 1.80*1.035 = 1.863; /(0.08-0.035) = 41.40
A["p13-47"] = 1.80 * 1.035 / (0.08 - 0.035)
# p13-48: payment just received; next 250 000*1.025 = 256 250; /(0.07-0.025) = 5 694 444.44
A["p13-48"] = 250000 * 1.025 / (0.07 - 0.025)

# ---------------- inflation_adjusted_value
# p13-49: today's money: 1 000 000 / 1.03^25 (loop)
A["p13-49"] = discounted(1e6, 0.03, 25)
# p13-50: future cost: 32 000 * 1.05^18 (loop)
A["p13-50"] = grown(32000, 0.05, 18)
# p13-51: future cost: 28 500 * 1.024^7; salary growth ignored
A["p13-51"] = grown(28500, 0.024, 7)

# ---------------- pot_withdrawal
# p13-52: 1.2m, 360 months at 5%/12, end-of-month withdrawal by bisection
A["p13-52"] = level_withdrawal(1.2e6, 0.05 / 12, 360)
# p13-53: 450 000, 20 years at 4%, end-of-year; state pension ignored
A["p13-53"] = level_withdrawal(450000, 0.04, 20)
# p13-54: 300 000, 180 months at 3.5%/12, end-of-month
A["p13-54"] = level_withdrawal(300000, 0.035 / 12, 180)

# ---------------- capital_gains_tax
# p13-55: proceeds 15 600 - basis 9 000 - fees 20 = 6 580; *15% = 987
A["p13-55"] = (200 * 78 - 200 * 45 - 20) * 0.15
# p13-56: 150 sh * 4 = 600 sh sold at 190 = 114 000; basis 150*600 = 90 000;
# gain 24 000 * 20% = 4 800; dividends ignored
A["p13-56"] = (150 * 4 * 190 - 150 * 600) * 0.20
# p13-57: 19 850 - 12 400 - 30 = 7 420; *26% = 1 929.20; short-term 40% ignored
A["p13-57"] = (1000 * 19.85 - 1000 * 12.40 - 15 - 15) * 0.26


ANSWERS: dict[str, float] = dict(sorted(A.items()))

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
