"""Hand-worked answers for ``benchmarks/handwritten_probe10.jsonl`` (the tenth probe set).

Fifty-four quantitative-finance questions written blind (session 29: without reading the task
generators, the training data, the run reports or any earlier benchmark question file; the
writer saw only the list of tasks with each one's answer unit and convention), typed the way
people ask: retail investors in chat, lowercase and shorthand ("300 sh", "covered today",
"acct", "yrs", "6k", "48.5M shares out", "cc minimum", "dti", "whats") in p10-01, p10-04,
p10-08, p10-10, p10-16, p10-24, p10-28, p10-31, p10-36, p10-39, p10-40, p10-43, p10-48,
p10-49, p10-52; e-mails to a colleague (p10-02, p10-18, p10-35); analysts', desk and file
notes (p10-09, p10-11, p10-23); exam items (p10-03, p10-15, p10-30, p10-46); markdown tables
(p10-07, p10-26); bullet lists (p10-14, p10-34); non-native English (p10-06, p10-12,
p10-21, p10-27, p10-33, p10-45); comma decimals ("5,5 %", "2,5 %") in p10-06 and p10-51;
amounts as "$2.4 million", "1.2 billion", "$85k", "GBP 3.6m", "2.1B", "310 000 000"; an
expense ratio in basis points ("OCF 7 bps", p10-32).  Each task is named the way people
name it, rarely by its own name: "what did i make after commissions", "acid test", "times
interest earned", "how many years before it runs out", "OCF", "hurdle", "equity risk premium",
"book return".

Fifty-one questions ask one of 17 tasks three times each (the ``family`` field: short_pnl,
annuity_fv_periodic, portfolio_return_holdings, market_cap, current_ratio, quick_ratio,
interest_coverage, return_on_equity, return_on_assets, gross_rental_yield, fund_fee,
debt_to_income, years_until_depleted, covered_calls, vol_annualisation, npv, capm_premium);
three (p10-52..54, family ``other``) ask everyday tasks not in that list: a payout ratio, a
price-to-book ratio and a dividend cover.

Twenty-one questions carry a distractor, a figure the answer must ignore (each block below
names it): p10-02, p10-03, p10-05, p10-09, p10-11, p10-13, p10-14, p10-18, p10-20, p10-23,
p10-26, p10-29, p10-30, p10-32, p10-34, p10-35, p10-39, p10-41, p10-44, p10-47, p10-50.

Conventions, all stated in the questions or the task's own: percent answers in points (5.15
for 5.15 %), a loss negative; the short sale's P&L positive for a profit, net of the
commissions stated (per trade, paid on both legs, or a round-trip total); deposits at the end
of each period, the nominal annual rate divided by the deposits a year; a year's rent twelve
times the monthly rent; back-end DTI over gross monthly income (a yearly salary over 12),
living costs left out; the pot earning its rate once a year with the withdrawal at each
year end, fractional years; covered calls rounded down to whole contracts of the size stated;
volatility scaled by sqrt(252), sqrt(52) or sqrt(12); NPV of year-end inflows less today's
outlay, sunk costs ignored; CAPM as risk-free + beta * premium.

The JSONL stores answers rounded to 4 decimals (counts exact); it was written from a second,
independent solve of each question from its text alone (deposit-by-deposit balance loops,
portfolio values before and after, discount factors built by repeated multiplication, the
depletion year and the square roots found by bisection, covered calls by counting up):
54 of 54 agree with the arithmetic here.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

QUESTIONS = Path(__file__).resolve().parent / "handwritten_probe10.jsonl"
REL_TOL = 1e-4  # the JSONL stores answers rounded to 4 decimals


def annuity_fv(deposit: float, i: float, n: int) -> float:
    """Balance right after the n-th end-of-period deposit at i per period."""
    return deposit * ((1 + i) ** n - 1) / i


def years_to_deplete(pot: float, rate: float, withdrawal: float) -> float:
    """Fractional years until pot runs out, earning rate yearly, withdrawal at each year end."""
    return -math.log(1 - pot * rate / withdrawal) / math.log(1 + rate)


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # p10-01 short_pnl: 300 * (42.50 - 38.10) - 2 * 4.95 = 1,320 - 9.90 = 1,310.10.
    a["p10-01"] = 300 * (42.50 - 38.10) - 2 * 4.95

    # p10-02 short_pnl: 1,200 * (18.40 - 21.15) - 2 * 12 = -3,300 - 24 = -3,324 (a loss).
    # Distractor: the $250,000 account balance.
    a["p10-02"] = 1_200 * (18.40 - 21.15) - 2 * 12

    # p10-03 short_pnl: 2,500 * (64.20 - 59.85) - 45 = 10,875 - 45 = 10,830 (the 45 is the
    # total for both trades). Distractor: the 50 % initial margin.
    a["p10-03"] = 2_500 * (64.20 - 59.85) - 45

    # p10-04 annuity_fv_periodic: i = 4.8 % / 12 = 0.004, N = 120;
    # 250 * (1.004^120 - 1) / 0.004 = 250 * 153.632 = 38,407.99.
    a["p10-04"] = annuity_fv(250, 0.048 / 12, 120)

    # p10-05 annuity_fv_periodic: i = 6 % / 4 = 0.015, N = 32;
    # 1,500 * (1.015^32 - 1) / 0.015 = 1,500 * 40.688 = 61,032.43.
    # Distractor: the 2.5 % expected inflation (the nominal balance is asked).
    a["p10-05"] = annuity_fv(1_500, 0.06 / 4, 32)

    # p10-06 annuity_fv_periodic: i = 5.5 % / 2 = 0.0275, N = 30;
    # 4,000 * (1.0275^30 - 1) / 0.0275 = 4,000 * 45.695 = 182,778.43.
    a["p10-06"] = annuity_fv(4_000, 0.055 / 2, 30)

    # p10-07 portfolio_return_holdings: 0.40 * 12 + 0.35 * (-4) + 0.25 * 7
    # = 4.80 - 1.40 + 1.75 = 5.15 %.
    a["p10-07"] = 0.40 * 12 + 0.35 * -4 + 0.25 * 7

    # p10-08 portfolio_return_holdings: weights 6/10, 2.5/10, 1.5/10 of the 10k;
    # 0.60 * 9.5 + 0.25 * (-1.2) + 0.15 * 38 = 5.70 - 0.30 + 5.70 = 11.10 %.
    a["p10-08"] = (6_000 * 9.5 + 2_500 * -1.2 + 1_500 * 38) / (6_000 + 2_500 + 1_500)

    # p10-09 portfolio_return_holdings: 0.3 * 8.4 + 0.3 * 5.1 + 0.2 * (-12.5) + 0.2 * 3.0
    # = 2.52 + 1.53 - 2.50 + 0.60 = 2.15 %. Distractor: the S&P 500's 6.2 %.
    a["p10-09"] = 0.3 * 8.4 + 0.3 * 5.1 + 0.2 * -12.5 + 0.2 * 3.0

    # p10-10 market_cap: 48.5M * 23.40 = 1,134,900,000.
    a["p10-10"] = 48_500_000 * 23.40

    # p10-11 market_cap: 1.2bn * 7.85 = 9,420,000,000. Distractor: the 52-week high 9.10.
    a["p10-11"] = 1_200_000_000 * 7.85

    # p10-12 market_cap: 310,000,000 * 14.60 = 4,526,000,000 SEK.
    a["p10-12"] = 310_000_000 * 14.60

    # p10-13 current_ratio: 845 / 520 = 1.625 (the inventory stays in the current assets).
    # Distractor: the $310k inventory.
    a["p10-13"] = 845 / 520

    # p10-14 current_ratio: (120 + 340 + 410 + 30) / (280 + 150 + 70) = 900 / 500 = 1.8.
    # Distractor: the long-term debt 900.
    a["p10-14"] = (120 + 340 + 410 + 30) / (280 + 150 + 70)

    # p10-15 current_ratio: 2.4 / 1.92 = 1.25.
    a["p10-15"] = 2.4 / 1.92

    # p10-16 quick_ratio: (1,350,000 - 480,000) / 725,000 = 870,000 / 725,000 = 1.2.
    a["p10-16"] = (1_350_000 - 480_000) / 725_000

    # p10-17 quick_ratio: current assets 85 + 40 + 210 + 300 + 15 = 650, less inventory 300
    # = 350 (prepayments stay in); 350 / 260 = 1.3462.
    a["p10-17"] = (85 + 40 + 210 + 300 + 15 - 300) / 260

    # p10-18 quick_ratio: (3.6 - 1.1) / 1.9 = 2.5 / 1.9 = 1.3158.
    # Distractor: total assets GBP 9.8m.
    a["p10-18"] = (3.6 - 1.1) / 1.9

    # p10-19 interest_coverage: 4.2 / 0.6 = 7.
    a["p10-19"] = 4.2 / 0.6

    # p10-20 interest_coverage: EBIT / interest = 2,400 / 320 = 7.5.
    # Distractors: revenue, profit before tax, tax and net income.
    a["p10-20"] = 2_400 / 320

    # p10-21 interest_coverage: 850,000 / 190,000 = 4.4737.
    a["p10-21"] = 850_000 / 190_000

    # p10-22 return_on_equity: 18.6 / 124 = 15.0 %.
    a["p10-22"] = 100 * 18.6 / 124

    # p10-23 return_on_equity: -3.4 / 41 = -8.2927 %. Distractors: revenue $56M, total
    # assets $97M.
    a["p10-23"] = 100 * -3.4 / 41

    # p10-24 return_on_equity: 2.1 / 13.8 = 15.2174 %.
    a["p10-24"] = 100 * 2.1 / 13.8

    # p10-25 return_on_assets: 7.5 / 210 = 3.5714 %.
    a["p10-25"] = 100 * 7.5 / 210

    # p10-26 return_on_assets: 61,600 / 1,120,000 = 5.5 %. Distractors: revenue and equity.
    a["p10-26"] = 100 * 61_600 / 1_120_000

    # p10-27 return_on_assets: -2.3 / 64 = -3.59375 %.
    a["p10-27"] = 100 * -2.3 / 64

    # p10-28 gross_rental_yield: 12 * 1,450 = 17,400; 17,400 / 285,000 = 6.1053 %.
    a["p10-28"] = 100 * 12 * 1_450 / 285_000

    # p10-29 gross_rental_yield: 12 * 2,300 = 27,600; 27,600 / 410,000 = 6.7317 %.
    # Distractors: the $1,900 mortgage payment and $3,600 property tax (gross: before costs).
    a["p10-29"] = 100 * 12 * 2_300 / 410_000

    # p10-30 gross_rental_yield: 14,400 / 240,000 = 6.0 %. Distractor: the 5 % vacancy.
    a["p10-30"] = 100 * 14_400 / 240_000

    # p10-31 fund_fee: 85,000 * 0.0065 = 552.50.
    a["p10-31"] = 85_000 * 0.0065

    # p10-32 fund_fee: 7 bps = 0.07 %; 240,000 * 0.0007 = 168. Distractor: last year's 18 %.
    a["p10-32"] = 240_000 * 0.0007

    # p10-33 fund_fee: 36,500 * 0.0115 = 419.75.
    a["p10-33"] = 36_500 * 0.0115

    # p10-34 debt_to_income: (1,650 + 420 + 310 + 85) / (96,000 / 12) = 2,465 / 8,000
    # = 30.8125 %. Distractors: groceries 600 and utilities 180 (living costs, not debts).
    a["p10-34"] = 100 * (1_650 + 420 + 310 + 85) / (96_000 / 12)

    # p10-35 debt_to_income: (2,150 + 275) / 7,400 = 2,425 / 7,400 = 32.7703 %.
    # Distractor: the $90 phone bill.
    a["p10-35"] = 100 * (2_150 + 275) / 7_400

    # p10-36 debt_to_income: (1,200 + 350 + 60) / (62,000 / 12) = 1,610 / 5,166.67
    # = 31.1613 %.
    a["p10-36"] = 100 * (1_200 + 350 + 60) / (62_000 / 12)

    # p10-37 years_until_depleted: -ln(1 - 500,000 * 0.04 / 40,000) / ln 1.04
    # = -ln 0.5 / ln 1.04 = 0.693147 / 0.039221 = 17.673.
    a["p10-37"] = years_to_deplete(500_000, 0.04, 40_000)

    # p10-38 years_until_depleted: -ln(1 - 37,500 / 60,000) / ln 1.05
    # = -ln 0.375 / ln 1.05 = 0.980829 / 0.048790 = 20.103.
    a["p10-38"] = years_to_deplete(750_000, 0.05, 60_000)

    # p10-39 years_until_depleted: -ln(1 - 11,200 / 28,000) / ln 1.035
    # = -ln 0.6 / ln 1.035 = 0.510826 / 0.034401 = 14.849. Distractor: the age 67.
    a["p10-39"] = years_to_deplete(320_000, 0.035, 28_000)

    # p10-40 covered_calls: floor(850 / 100) = 8.
    a["p10-40"] = 850 // 100

    # p10-41 covered_calls: floor(2,340 / 100) = 23. Distractor: the $95k account balance.
    a["p10-41"] = 2_340 // 100

    # p10-42 covered_calls: floor(4,780 / 50) = 95 (contract size 50, as stated).
    a["p10-42"] = 4_780 // 50

    # p10-43 vol_annualisation: 1.3 * sqrt(252) = 1.3 * 15.8745 = 20.6369 %.
    a["p10-43"] = 1.3 * math.sqrt(252)

    # p10-44 vol_annualisation: 2.8 * sqrt(52) = 2.8 * 7.2111 = 20.1911 %.
    # Distractor: the 0.2 % mean weekly return.
    a["p10-44"] = 2.8 * math.sqrt(52)

    # p10-45 vol_annualisation: 4.1 * sqrt(12) = 4.1 * 3.4641 = 14.2028 %.
    a["p10-45"] = 4.1 * math.sqrt(12)

    # p10-46 npv: -120,000 + 45,000 / 1.08 + 50,000 / 1.08^2 + 55,000 / 1.08^3
    # = -120,000 + 41,666.67 + 42,866.94 + 43,660.77 = 8,194.38.
    a["p10-46"] = -120_000 + 45_000 / 1.08 + 50_000 / 1.08**2 + 55_000 / 1.08**3

    # p10-47 npv: -200,000 + 55,000 * (1 - 1.1^-5) / 0.1 = -200,000 + 55,000 * 3.790787
    # = 8,493.27. Distractor: the $35k feasibility study already spent (sunk).
    a["p10-47"] = -200_000 + 55_000 * (1 - 1.1**-5) / 0.1

    # p10-48 npv: -500,000 + 150,000 * (1 - 1.12^-3) / 0.12 + 120,000 / 1.12^4
    # = -500,000 + 360,274.69 + 76,262.18 = -63,463.14.
    a["p10-48"] = -500_000 + 150_000 * (1 - 1.12**-3) / 0.12 + 120_000 / 1.12**4

    # p10-49 capm_premium: 4.2 + 1.3 * 5.5 = 4.2 + 7.15 = 11.35 %.
    a["p10-49"] = 4.2 + 1.3 * 5.5

    # p10-50 capm_premium: 3.9 + 0.85 * 6 = 3.9 + 5.1 = 9.0 %.
    # Distractor: the S&P's 24 % last year.
    a["p10-50"] = 3.9 + 0.85 * 6

    # p10-51 capm_premium: 2.5 + 1.6 * 4.75 = 2.5 + 7.6 = 10.1 %.
    a["p10-51"] = 2.5 + 1.6 * 4.75

    # p10-52 other (payout ratio): 1.20 / 3.20 = 37.5 %.
    a["p10-52"] = 100 * 1.20 / 3.20

    # p10-53 other (price-to-book): 2.7 / 1.2 = 2.25.
    a["p10-53"] = 2.7 / 1.2

    # p10-54 other (dividend cover): 84 / 35 = 2.4 times.
    a["p10-54"] = 84 / 35

    return a


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
