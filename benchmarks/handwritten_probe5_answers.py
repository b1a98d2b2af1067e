"""Hand-worked answers for ``benchmarks/handwritten_probe5.jsonl`` (the fifth probe set).

Sixty quantitative-finance questions written blind (without reading the training tasks, the
generator, the training data or any earlier benchmark question file), typed the way people
actually ask: first-time home buyers and car buyers, retail investors on forums (lowercase,
terse, "hysa", "roth", "yr", "pmts", "bps", "acct 120k"), traders in chat ("350 sh in at
62.40", "1:2.5 risk:reward"), colleagues writing e-mails before a capex review, analysts'
notes, exam and homework items, and non-native writers (u11 and u53 use decimal commas,
u53 also dotted thousands: "25.000 EUR", "4,8 %").  Layouts: plain prose, bullet-like line
lists (u32, u39, u40), small markdown tables (u07, u41), "key: value" blocks (u02, u23,
u40), pasted rows of numbers (u04, u37); numbers appear as "$540k", "$2.5M", "85k",
"$840M", "45 bps", "1:2.5", "6k".

48 questions fall in 48 different families of the model (each once): compounding, cagr,
continuous_compounding, periodic_compounding, holding_period_return, log_return,
loss_recovery, loss_then_gain, multi_period_return, real_return, drawdown, max_drawdown,
vol_annualisation, parametric_var, var_given_z, portfolio_vol, portfolio_return,
sharpe_comparison, sharpe_ratio, sortino, treynor, information_ratio, beta_covariance, capm,
kelly, risk_sizing, breakeven_win_rate, position_pnl, npv, loan_payment, loan_instalment,
loan_total_interest, loan_balance, savings_goal, years_to_target, doubling_time,
effective_annual_rate, annuity_pv, annuity_fv, perpetuity, bond_price, zero_coupon_price,
macaulay_duration, duration (modified from Macaulay), duration_price_change, gordon_growth,
gordon_just_paid, dividend_yield.  Left out (the less everyday ones, most with a sibling
above): risk_ranking, beta (from correlation and two volatilities), calmar, capm_premium,
ear_periodic, dividend_yield_periodic, cagr_dates, implied_return_gordon.

The other 12 (family "other") are everyday tasks outside every family: weighted average
cost of capital with market-value weights (u02), undiscounted payback period (u08), a bond's
current yield (u14), an FX cross rate (u20), the price that triggers a margin call (u26),
money-weighted return solved as an IRR (u33), geometric mean annual return (u37), the
expected price after a reverse split (u43), share count after two dividend reinvestments
(u47), a covered call's breakeven at expiry (u51), a salary restated in today's money with
CPI levels (u55) and the trade that rebalances a 60/40 portfolio (u59).

22 questions carry a distractor figure that the answer must ignore: u01, u02, u05, u07, u08,
u10, u13, u16, u18, u21, u22, u23, u26, u27, u29, u33, u36, u37, u39, u43, u48, u51 (property
tax and house price, book equity, a sunk study cost, expense ratios already netted, a hurdle
rate, expected returns, a stop level, the portfolio's size, renovation spend, the market
price, the house's value, total volatility, margin interest, a dividend yield, today's
account value, an interim account value, total volatility, an arithmetic mean, the stock's
own variance, the share count, the sticker price, the call's strike); each block below
names it.  Answers follow the family table's conventions (percent in points, drawdowns and
VaR positive, rank = 1-based position in the listed order, share counts rounded down).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "benchmarks" / "handwritten_probe5.jsonl"
REL_TOL = 1e-4

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: hand_arithmetic
import hand_arithmetic as hand  # noqa: E402

Z_99 = 2.3263478740408408  # standard normal quantile at 0.99


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # u01 loan_payment: $432,000 over 30 years at 6.375 % compounded monthly, monthly P&I.
    # Distractor: the $7,800 a year of property tax (and the $540k price / 20 % down,
    # already turned into the loan amount).
    a["u01"] = hand.level_payment(432_000, 0.06375 / 12, 360)

    # u02 other (WACC): market-value weights 840 / 1,200 and 360 / 1,200; debt after tax.
    # Distractor: the $510M book value of equity.
    a["u02"] = 100 * (840 / 1_200 * 0.104 + 360 / 1_200 * 0.061 * (1 - 0.25))

    # u03 real_return: exact (1.046 / 1.031 - 1).
    a["u03"] = 100 * (1.046 / 1.031 - 1)

    # u04 max_drawdown: nine month-end NAVs; worst fall is 1,402.6 -> 1,189.3.
    a["u04"] = hand.max_drawdown(
        [1_240.5, 1_318.2, 1_287.9, 1_402.6, 1_211.4, 1_265.0, 1_350.8, 1_189.3, 1_296.7]
    )

    # u05 npv: -185,000 + 62,000 / 1.11 + 78,000 / 1.11^2 + 96,000 / 1.11^3.
    # Distractor: the $12,000 feasibility study (sunk cost).
    a["u05"] = -185_000 + 62_000 / 1.11 + 78_000 / 1.11**2 + 96_000 / 1.11**3

    # u06 doubling_time: ln 2 / ln 1.065, exact.
    a["u06"] = math.log(2) / math.log(1.065)

    # u07 sharpe_comparison: A (11.2 - 3.8) / 14.5 = 0.510, B (8.9 - 3.8) / 9.8 = 0.520 -> 2.
    # Distractor: the expense ratios (returns are already net of them).
    sharpe_a = (11.2 - 3.8) / 14.5
    sharpe_b = (8.9 - 3.8) / 9.8
    a["u07"] = 1 if sharpe_a > sharpe_b else 2

    # u08 other (payback period): cumulative savings 13.5k, 27k, 43k, 59k; after year 3
    # the project is 5k short, recovered in 5 / 16 of year 4 (savings spread evenly).
    # Distractor: the 10 % hurdle rate (undiscounted payback asked).
    a["u08"] = 3 + (48_000 - (13_500 + 13_500 + 16_000)) / 16_000

    # u09 holding_period_return: (112.85 - 104.20 + 3.61) / 104.20, not annualised.
    a["u09"] = 100 * (112.85 - 104.20 + 3.61) / 104.20

    # u10 portfolio_vol: 65 / 35 with 18 % and 6 % vols, correlation -0.2.
    # Distractor: the expected returns 9 % and 4 %.
    a["u10"] = 100 * math.sqrt(
        0.65**2 * 0.18**2 + 0.35**2 * 0.06**2 + 2 * 0.65 * 0.35 * -0.2 * 0.18 * 0.06
    )

    # u11 kelly: p 0.55 (decimal comma "0,55"), b 1.5 -> f = p - (1 - p) / b.
    a["u11"] = 100 * (0.55 - 0.45 / 1.5)

    # u12 zero_coupon_price: 5,000 / 1.0435^12.
    a["u12"] = 5_000 / 1.0435**12

    # u13 position_pnl: 350 * (57.15 - 62.40), a loss.
    # Distractor: the stop at 55 (never hit).
    a["u13"] = 350 * (57.15 - 62.40)

    # u14 other (current yield): annual coupon 5.25 per 100 of par over the 96.375 price.
    a["u14"] = 100 * 5.25 / 96.375

    # u15 effective_annual_rate: (1 + 0.2499 / 365)^365 - 1.
    a["u15"] = 100 * ((1 + 0.2499 / 365) ** 365 - 1)

    # u16 loss_recovery: 1 / (1 - 0.37) - 1.
    # Distractor: the 210k portfolio size.
    a["u16"] = 100 * (1 / 0.63 - 1)

    # u17 annuity_pv: 40,000 at the end of each of 20 years at 5.5 %.
    a["u17"] = 40_000 * hand.annuity_factor(0.055, 20)

    # u18 cagr: (462,000 / 285,000)^(1 / 9) - 1.
    # Distractor: the ~40k of renovations (to be ignored).
    a["u18"] = 100 * ((462_000 / 285_000) ** (1 / 9) - 1)

    # u19 vol_annualisation: 2.8 % weekly * sqrt(52).
    a["u19"] = 2.8 * math.sqrt(52)

    # u20 other (FX cross rate): EUR/JPY = EUR/USD * USD/JPY.
    a["u20"] = 1.0842 * 149.65

    # u21 gordon_growth: D1 2.36 / (0.0875 - 0.039).
    # Distractor: the $44.10 market price.
    a["u21"] = 2.36 / (0.0875 - 0.039)

    # u22 loan_balance: $380,000, 25 years monthly at 5.2 %, balance after payment 84.
    # Distractor: the house's $495k value.
    a["u22"] = hand.remaining_balance(380_000, 0.052 / 12, 300, 84)

    # u23 sortino: (12.4 - 3.0) / 8.1.
    # Distractor: the 15.2 % standard deviation.
    a["u23"] = (12.4 - 3.0) / 8.1

    # u24 continuous_compounding: 18,000 * e^(0.042 * 7.5).
    a["u24"] = 18_000 * math.exp(0.042 * 7.5)

    # u25 log_return: ln(44.10 / 38.40) in percent.
    a["u25"] = 100 * math.log(44.10 / 38.40)

    # u26 other (margin call price): loan per share 36; call when (P - 36) / P = 0.30,
    # P = 72 * (1 - 0.5) / (1 - 0.3).
    # Distractor: the 8.5 % margin interest (to be ignored).
    a["u26"] = 72 * (1 - 0.5) / (1 - 0.3)

    # u27 capm: 4.3 + 1.25 * (9.8 - 4.3).
    # Distractor: the 1.9 % dividend yield.
    a["u27"] = 4.3 + 1.25 * (9.8 - 4.3)

    # u28 annuity_fv: 6,000 at the end of each of 30 years at 7.5 %.
    a["u28"] = 6_000 * (1.075**30 - 1) / 0.075

    # u29 drawdown: 412,000 -> 297,000, positive.
    # Distractor: today's $350k (the recovery).
    a["u29"] = 100 * (412_000 - 297_000) / 412_000

    # u30 bond_price: $1,000 par, 4.5 % annual coupon, 15 years, yield 6.2 %.
    a["u30"] = hand.bond_price(1_000, 0.045, 0.062, 15)

    # u31 loan_instalment: $150,000, 7.8 % / 4 per quarter, 24 quarterly instalments.
    a["u31"] = hand.level_payment(150_000, 0.078 / 4, 24)

    # u32 multi_period_return: 1.082 * 0.875 * 1.094 - 1.
    a["u32"] = 100 * (1.082 * 0.875 * 1.094 - 1)

    # u33 other (money-weighted return): flows -10,000 at t0, -5,000 at t1, +16,800 at t2;
    # annual IRR.  Distractor: the $11,200 value just before the deposit (a TWR input).
    a["u33"] = 100 * hand.solve_irr([-10_000, -5_000, 16_800])

    # u34 gordon_just_paid: 1.85 * 1.05 / (0.105 - 0.05).
    a["u34"] = 1.85 * 1.05 / (0.105 - 0.05)

    # u35 macaulay_duration: 7 years, 3.75 % annual coupon, yield 4.9 %.
    a["u35"] = hand.macaulay(100, 0.0375, 0.049, 7)

    # u36 treynor: (13.6 - 4.1) / 1.15, percent per unit of beta.
    # Distractor: the 17.0 % standard deviation.
    a["u36"] = (13.6 - 4.1) / 1.15

    # u37 other (geometric mean return): (1.14 * 0.92 * 1.22 * 1.03 * 0.89)^(1/5) - 1.
    # Distractor: the 4 % arithmetic average.
    a["u37"] = 100 * ((1.14 * 0.92 * 1.22 * 1.03 * 0.89) ** (1 / 5) - 1)

    # u38 information_ratio: (9.3 - 10.1) / 2.6, negative.
    a["u38"] = (9.3 - 10.1) / 2.6

    # u39 beta_covariance: 0.0324 / 0.0225.
    # Distractor: the stock's own variance 0.0961.
    a["u39"] = 0.0324 / 0.0225

    # u40 var_given_z: 2.5M * 1.1 % * 2.326 * sqrt(10).
    a["u40"] = 2_500_000 * 0.011 * 2.326 * math.sqrt(10)

    # u41 portfolio_return: 0.70 * 8.5 + 0.30 * 3.2.
    a["u41"] = 0.70 * 8.5 + 0.30 * 3.2

    # u42 breakeven_win_rate: 1 / (1 + 2.5).
    a["u42"] = 100 / (1 + 2.5)

    # u43 other (reverse split): 1-for-8 -> price * 8.
    # Distractor: the 2,400 shares held.
    a["u43"] = 1.37 * 8

    # u44 dividend_yield: trailing four quarters 0.61 + 0.61 + 0.65 + 0.65 = 2.52 over 63.20.
    a["u44"] = 100 * (0.61 + 0.61 + 0.65 + 0.65) / 63.20

    # u45 savings_goal: $60,000 in 60 monthly end-of-month deposits at 4.25 % / 12.
    r45 = 0.0425 / 12
    a["u45"] = 60_000 * r45 / ((1 + r45) ** 60 - 1)

    # u46 years_to_target: ln(250 / 85) / ln(1.07), fractional.
    a["u46"] = math.log(250 / 85) / math.log(1.07)

    # u47 other (dividend reinvestment): 400 shares, $0.48 per share per quarter, reinvested
    # at 52.00 and then at 54.40 (the second dividend is on the enlarged holding).
    shares = 400.0
    for price in (52.00, 54.40):
        shares += shares * 0.48 / price
    a["u47"] = shares

    # u48 loan_total_interest: 72 * monthly payment on $36,500 at 6.9 % / 12, minus 36,500.
    # Distractor: the $41,200 MSRP.
    a["u48"] = 72 * hand.level_payment(36_500, 0.069 / 12, 72) - 36_500

    # u49 perpetuity: 6.25 / 0.074.
    a["u49"] = 6.25 / 0.074

    # u50 duration_price_change: -6.8 * (-0.0045), in percent (yields fall 45 bp).
    a["u50"] = -6.8 * -0.0045 * 100

    # u51 other (covered-call breakeven): 48.30 - 1.85.
    # Distractor: the 52.50 strike (caps the upside only).
    a["u51"] = 48.30 - 1.85

    # u52 risk_sizing: floor(120,000 * 1 % / (84.50 - 79.80)) = floor(255.3).
    a["u52"] = math.floor(120_000 * 0.01 / (84.50 - 79.80))

    # u53 periodic_compounding: 25,000 EUR (dotted thousands) at 4.8 % / 4 for 12 quarters.
    a["u53"] = 25_000 * (1 + 0.048 / 4) ** 12

    # u54 parametric_var: 750,000 * 1.6 % * z_0.99 * sqrt(5).
    a["u54"] = 750_000 * 0.016 * Z_99 * math.sqrt(5)

    # u55 other (CPI-adjusted salary): 58,000 * 314.2 / 237.0.
    a["u55"] = 58_000 * 314.2 / 237.0

    # u56 compounding: 42,500 * 1.0675^18.
    a["u56"] = 42_500 * 1.0675**18

    # u57 loss_then_gain: 50,000 * 0.72 * 1.31.
    a["u57"] = 50_000 * (1 - 0.28) * (1 + 0.31)

    # u58 duration: modified = 7.4 / 1.056.
    a["u58"] = 7.4 / 1.056

    # u59 other (rebalancing): sell stocks down to 60 % of 678,100.
    a["u59"] = 436_800 - 0.60 * (436_800 + 241_300)

    # u60 sharpe_ratio: (10.8 - 4.9) / 15.2.
    a["u60"] = (10.8 - 4.9) / 15.2

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
