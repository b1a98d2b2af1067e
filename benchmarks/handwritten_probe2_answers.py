"""Hand-worked answers for ``benchmarks/handwritten_probe2.jsonl`` (the second probe set).

The second probe set (handwritten_probe2) is 60 questions typed the way different people
actually ask them: a student's exam item, a trader's terse chat line, a client's e-mail with
background, a retail investor's forum post in lowercase, a manager's request, non-native
English with decimal commas, bullet lists, small markdown tables and "key: value" blocks.
Numbers come as "$1.2M", "28.5k", "€3,400", "35bp", "4½%", "0.07", "two and a half
years" or "six months"; some terms are given as a number of payments ("60 monthly pmts") and
one rate is given per month. About a third of the questions carry a distractor figure that
the answer must ignore (an unrelated balance, commissions the user says to leave out, a
second beta, a sunk cost, the fund's AUM, a date, a profit target ...); each block below names
its distractors.

48 questions map to one of the generator's task families (45 distinct families, none used
more than twice); the other 12 (family "other") are everyday tasks outside the families:
solving a loan's APR, an average cost, a break-even sale price, a taxable-equivalent yield, a
foreign-currency return, a leveraged return on equity, a P/E ratio, a share count, fee drag,
an option payoff, a drifted portfolio weight and a T-bill's simple annualised return.

It was written blind: without looking at the question generator, its task families'
templates, or the other hand-written sets (``handwritten.jsonl``, ``handwritten_dev.jsonl``,
the first probe set) and their answer scripts. It follows the family conventions: percent
answers in percent points (5.25 for 5.25 %), drawdowns as positive sizes, currency in the
question's currency, ``rank`` as the 1-based position of the chosen item in the order the
question lists it, ``count`` as whole units rounded down.

Every answer is worked out below with plain arithmetic (math module only), one block per
question. Run ``python benchmarks/handwritten_probe2_answers.py`` from the repository root:
it prints each answer and exits 1 if any differs from the JSONL (relative tolerance 1e-4).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "benchmarks" / "handwritten_probe2.jsonl"
REL_TOL = 1e-4

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: hand_arithmetic
import hand_arithmetic as hand  # noqa: E402

Z_99 = 2.3263478740408408  # standard normal quantile at 0.99


def solve_rate(principal: float, payment: float, periods: int) -> float:
    """Per-period rate at which ``payment`` for ``periods`` periods amortises ``principal``
    (bisection)."""
    lo, hi = 1e-9, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if payment * hand.annuity_factor(mid, periods) > principal:
            lo = mid  # payments worth too much: the rate must be higher
        else:
            hi = mid
    return (lo + hi) / 2


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # q01 compounding: exam item, GBP 15,000 at 3.8 % compounded annually for 12 years.
    a["q01"] = 15_000 * 1.038**12

    # q02 other (average cost): three lots, cost-weighted average price per share.
    # 100*42.00 + 250*38.50 + 150*45.10 = 20,590 over 500 shares.
    # Distractor: the 2,300 cash in another account.
    a["q02"] = (100 * 42.00 + 250 * 38.50 + 150 * 45.10) / (100 + 250 + 150)

    # q03 cagr: 42k -> 61.5k over 7 years, no flows.
    # Distractor: the wife's IRA at 18k.
    a["q03"] = 100 * ((61_500 / 42_000) ** (1 / 7) - 1)

    # q04 max_drawdown: monthly NAVs 100, 112, 104, 118, 97, 109, 121 (bullet list).
    # Worst fall is the Apr peak 118 to the May trough 97: 21 / 118 = 17.80 %.
    a["q04"] = hand.max_drawdown([100, 112, 104, 118, 97, 109, 121])

    # q05 loan_payment: 28.5k car loan, 6.9 % APR compounded monthly, 60 monthly payments.
    a["q05"] = hand.level_payment(28_500, 0.069 / 12, 60)

    # q06 other (foreign-currency return): +8 % in EUR, EUR/USD 1.10 -> 1.04.
    # USD return = 1.08 * (1.04 / 1.10) - 1.
    a["q06"] = 100 * (1.08 * 1.04 / 1.10 - 1)

    # q07 real_return: non-native English with decimal commas, nominal 7,5 %, inflation 4,2 %.
    # Exact Fisher: 1.075 / 1.042 - 1. Distractor: the EUR 3,400 deposit balance.
    a["q07"] = 100 * (1.075 / 1.042 - 1)

    # q08 log_return: terse chat, EURUSD 1.0842 -> 1.0715; ln(1.0715 / 1.0842), negative.
    a["q08"] = 100 * math.log(1.0715 / 1.0842)

    # q09 holding_period_return: client e-mail, buy 48.20, dividends 1.10/share, sell 52.75.
    # (52.75 - 48.20 + 1.10) / 48.20. Distractors: the $9.99 commissions each way (the
    # client says to leave them out) and the 300 shares (cancels out).
    a["q09"] = 100 * (52.75 - 48.20 + 1.10) / 48.20

    # q10 portfolio_vol: key: value block, 60/40, vols 18 % and 9 %, correlation 0.25.
    # Distractors: the expected returns 11 % and 5 %.
    w_a, w_b, s_a, s_b, rho = 0.60, 0.40, 0.18, 0.09, 0.25
    a["q10"] = 100 * math.sqrt(w_a**2 * s_a**2 + w_b**2 * s_b**2 + 2 * w_a * w_b * s_a * s_b * rho)

    # q11 other (taxable-equivalent yield): tax-free 3.4 % at a 32 % bracket, 3.4 / (1 - 0.32).
    a["q11"] = 3.4 / (1 - 0.32)

    # q12 sharpe_comparison: Alpha (12 - 3) / 15 = 0.60, Beta (9 - 3) / 8 = 0.75 -> Beta,
    # listed 2nd.
    sharpe_alpha = (12 - 3) / 15
    sharpe_beta = (9 - 3) / 8
    a["q12"] = 1 if sharpe_alpha > sharpe_beta else 2

    # q13 risk_sizing: 1 % of 85k = 850 at risk; risk per share 42.30 - 39.65 = 2.65.
    # 850 / 2.65 = 320.75 -> 320 shares. Distractor: the 48.00 profit target.
    a["q13"] = math.floor(85_000 * 0.01 / (42.30 - 39.65) + 1e-9)

    # q14 npv: e-mail, -500k now, 120k/150k/180k/200k at the end of years 1-4, 9 %.
    flows = [120_000, 150_000, 180_000, 200_000]
    a["q14"] = -500_000 + sum(cf / 1.09**t for t, cf in enumerate(flows, start=1))

    # q15 vol_annualisation: weekly sd 2.8 % times sqrt(52).
    # Distractor: the 0.3 % mean weekly return.
    a["q15"] = 2.8 * math.sqrt(52)

    # q16 other (long-call payoff): 3 contracts x 100 shares, strike 50, premium 2.40, close 55.75.
    # (55.75 - 50 - 2.40) * 300.
    a["q16"] = (55.75 - 50 - 2.40) * 3 * 100

    # q17 parametric_var: $1.2M, daily vol 1.6 %, 1-day 99 %, zero mean normal.
    a["q17"] = 1_200_000 * 0.016 * Z_99

    # q18 kelly: p = 0.55, win 1.5 per 1 risked: f = p - (1 - p) / b = 0.55 - 0.45 / 1.5.
    a["q18"] = 100 * (0.55 - 0.45 / 1.5)

    # q19 beta: rho * sd_stock / sd_index = 0.62 * 34 / 17.
    # Distractor: the vendor's 5-year beta of 1.05.
    a["q19"] = 0.62 * 0.34 / 0.17

    # q20 bond_price: exam item, par 1,000, 6 % annual coupon, 8 years left, YTM 7.2 %.
    # Distractor: it was issued two years ago at par (8 years are left from today).
    a["q20"] = 60 * hand.annuity_factor(0.072, 8) + 1_000 / 1.072**8

    # q21 gordon_just_paid: D0 = 1.80 just paid, g = 5 %, r = 10.5 %: 1.80 * 1.05 / 0.055.
    # Distractor: EPS of 3.20.
    a["q21"] = 1.80 * 1.05 / (0.105 - 0.05)

    # q22 other (return on equity with margin): 10k own + 10k loan buys 20k of stock.
    # Gain 15 % of 20k = 3,000, interest 8 % of 10k = 800 -> 2,200 on 10k.
    a["q22"] = 100 * (20_000 * 0.15 - 10_000 * 0.08) / 10_000

    # q23 periodic_compounding: $10k at 5.4 % nominal compounded quarterly for 6 years.
    a["q23"] = 10_000 * (1 + 0.054 / 4) ** (4 * 6)

    # q24 annuity_pv: EUR 24,000 at the end of each year for 20 years at 5 %.
    a["q24"] = 24_000 * hand.annuity_factor(0.05, 20)

    # q25 loan_payment: EUR 320,000 over 30 years (360 months), 4.5 % nominal compounded monthly.
    # Distractors: the EUR 400,000 price and the 20 % down payment (already netted out).
    a["q25"] = hand.level_payment(320_000, 0.045 / 12, 360)

    # q26 annuity_fv: 6k at the end of each year for 25 years at 0.07.
    a["q26"] = 6_000 * ((1.07**25 - 1) / 0.07)

    # q27 effective_annual_rate: 19.99 % APR compounded monthly.
    a["q27"] = 100 * ((1 + 0.1999 / 12) ** 12 - 1)

    # q28 other (drifted weight): 60 -> 72 in stocks, 40 -> 38 in bonds; 72 / 110.
    a["q28"] = 100 * (60 * 1.20) / (60 * 1.20 + 40 * 0.95)

    # q29 loan_instalment: 150k, 8 % nominal, quarterly instalments, 20 of them: 2 % a quarter.
    a["q29"] = hand.level_payment(150_000, 0.08 / 4, 20)

    # q30 multi_period_return: markdown table, +4.2 %, -6.8 %, +3.1 % chained.
    a["q30"] = 100 * (1.042 * 0.932 * 1.031 - 1)

    # q31 macaulay_duration: exam item, 3-year 5 % annual coupon, par 1,000, YTM 6 %.
    cfs = [50, 50, 1_050]
    pv = [cf / 1.06**t for t, cf in enumerate(cfs, start=1)]
    a["q31"] = sum(t * v for t, v in enumerate(pv, start=1)) / sum(pv)

    # q32 sharpe_ratio: (11.3 - 4.8) / 14.2. Distractor: the $2.3bn AUM.
    a["q32"] = (11.3 - 4.8) / 14.2

    # q33 treynor: (13.5 - 3.5) / 1.25 = 8 % per unit of beta.
    # Distractor: the 20 % standard deviation.
    a["q33"] = (13.5 - 3.5) / 1.25

    # q34 information_ratio: (7.8 - 9.1) / 2.6 = -0.5 (the fund lagged).
    a["q34"] = (7.8 - 9.1) / 2.6

    # q35 beta_covariance: cov 0.0189 over market variance 0.14**2 = 0.0196.
    a["q35"] = 0.0189 / 0.14**2

    # q36 other (P/E ratio): 84.00 / 3.50. Distractor: the 1.20 dividend.
    a["q36"] = 84.00 / 3.50

    # q37 portfolio_return: markdown table, 0.5*8 + 0.3*(-2) + 0.2*15.
    a["q37"] = 0.5 * 8 + 0.3 * (-2) + 0.2 * 15

    # q38 position_pnl: short 400 at 251.30, covered at 238.90: (251.30 - 238.90) * 400, a gain.
    # Distractor: the 3 March date.
    a["q38"] = (251.30 - 238.90) * 400

    # q39 breakeven_win_rate: loss / (win + loss) = 300 / 750.
    a["q39"] = 100 * 300 / (450 + 300)

    # q40 capm: 4.25 + 1.3 * (9.5 - 4.25). Distractor: the 2.1 % dividend yield.
    a["q40"] = 4.25 + 1.3 * (9.5 - 4.25)

    # q41 ear_periodic: 1.5 % per week compounded weekly, 52 weeks.
    a["q41"] = 100 * (1.015**52 - 1)

    # q42 dividend_yield_periodic: quarterly 0.47 -> 1.88 a year over 38.20.
    a["q42"] = 100 * 0.47 * 4 / 38.20

    # q43 cagr_dates: 1,850 on 1 Jan 2014 -> 4,770 on 1 Jan 2024, 10 years.
    a["q43"] = 100 * ((4_770 / 1_850) ** (1 / 10) - 1)

    # q44 savings_goal: 50,000 in 4 years, monthly deposits at month end, 4.8 % / 12 = 0.4 %.
    r = 0.048 / 12
    a["q44"] = 50_000 * r / ((1 + r) ** 48 - 1)

    # q45 years_to_target: 120k -> 200k at 6 % annual: ln(200/120) / ln(1.06).
    # Distractor: the user's age, 41.
    a["q45"] = math.log(200_000 / 120_000) / math.log(1.06)

    # q46 loan_total_interest: $15,000, 0.95 % per month, 36 monthly payments.
    pmt = hand.level_payment(15_000, 0.0095, 36)
    a["q46"] = 36 * pmt - 15_000

    # q47 loan_balance: 250k over 25 years (300 months) at 5.2 % nominal monthly;
    # balance after payment 84 = PV of the remaining 216 payments.
    r = 0.052 / 12
    pmt = hand.level_payment(250_000, r, 300)
    a["q47"] = pmt * hand.annuity_factor(r, 300 - 84)

    # q48 duration_price_change: -6.8 * 0.0035 = -2.38 %.
    a["q48"] = -6.8 * 0.35

    # q49 implied_return_gordon: 3.06 / 72 + 4.5 % = 4.25 + 4.5. Distractor: P/E of 18.
    a["q49"] = 100 * 3.06 / 72 + 4.5

    # q50 other (break-even sale price): cost 500 * 23.40 + 12 + 12 over 500 shares.
    a["q50"] = (500 * 23.40 + 12 + 12) / 500

    # q51 other (whole shares): (10,000 - 4.95) / 137.25 = 72.82 -> 72.
    a["q51"] = math.floor((10_000 - 4.95) / 137.25)

    # q52 other (solve for APR): 18,000 repaid by 48 x 450; monthly rate by bisection, x 12.
    a["q52"] = 100 * 12 * solve_rate(18_000, 450, 48)

    # q53 other (fee drag): 100k for 20 years at 6.9 % net versus 5.8 % net, annual compounding.
    a["q53"] = 100_000 * (1.069**20 - 1.058**20)

    # q54 continuous_compounding: 250k at 4.2 % continuous for 2.5 years.
    a["q54"] = 250_000 * math.exp(0.042 * 2.5)

    # q55 loss_recovery: 0.375 / (1 - 0.375) = 60 %.
    a["q55"] = 100 * 0.375 / (1 - 0.375)

    # q56 drawdown: 69k -> 15.5k, (69 - 15.5) / 69 reported positive.
    a["q56"] = 100 * (69_000 - 15_500) / 69_000

    # q57 npv: -2.4M, +650k at the end of years 1-5, 11 %.
    # Distractor: the 300k feasibility study already spent (sunk).
    a["q57"] = -2_400_000 + 650_000 * hand.annuity_factor(0.11, 5)

    # q58 max_drawdown: markdown table of daily closes 54.2, 57.9, 55.1, 60.3, 58.8, 49.6.
    # Worst fall 60.3 -> 49.6.
    a["q58"] = hand.max_drawdown([54.2, 57.9, 55.1, 60.3, 58.8, 49.6])

    # q59 risk_ranking: dollar vol = value * vol: 250k*32 % = 80k, 600k*6 % = 36k,
    # 140k*75 % = 105k -> the third. Distractor: the bonds' 4.5 % yield.
    dollar_vol = [250_000 * 0.32, 600_000 * 0.06, 140_000 * 0.75]
    a["q59"] = 1 + dollar_vol.index(max(dollar_vol))

    # q60 other (T-bill simple annualised return): pay 9,780 for 10,000 in 182 days,
    # (10,000 / 9,780 - 1) * 365 / 182.
    a["q60"] = 100 * (10_000 / 9_780 - 1) * 365 / 182

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
