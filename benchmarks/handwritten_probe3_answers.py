"""Hand-worked answers for ``benchmarks/handwritten_probe3.jsonl`` (the third probe set).

Sixty quantitative-finance questions typed the way real people ask them: homeowners and
car buyers, retail investors on forums (lowercase, terse), traders in chat, clients writing
e-mails with background, managers asking for a number, exam items, and non-native writers
using decimal commas ("12.500 €", "3,8 %", "1,5 %").  Formats vary: plain prose, bullet
lists, small markdown tables, "key: value" blocks; numbers appear as "48.2k", "$12.4M",
"€85,000", "35bp", "4¼%", "two and a half years", "six months".

48 questions fall in 45 of the model's task families (loan_payment, periodic_compounding
and savings_goal appear twice, every other family once); six of them give the term as a
number of payments (r01, r31, r46, r49, r50, r53).  The other 12 (family "other") are
everyday tasks outside the families: margin-call price, WACC, put-call parity, bond current
yield, simple payback period, IRR, FX forward cost, accrued interest (30/360), cost of a
trade-credit discount, EV/EBITDA, futures hedge ratio and an implied forward rate.

21 questions carry a distractor figure that the answer must ignore (house price, sunk cost,
fund AUM, a second beta, convexity, tax bracket, a hurdle rate, salary, ...); each block
below names it.  Answers follow the family table's conventions (percent in points,
drawdowns positive, rank = 1-based position in the listed order, count rounded down).
The set was written blind, without reading the training tasks, data or earlier benchmarks.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "benchmarks" / "handwritten_probe3.jsonl"
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

    # r01 loan_payment: loan $425,000 at 6.35% APR (monthly), 360 monthly payments.
    # Level payment at 0.0635/12 a month.  Distractor: the $530,000 purchase price.
    a["r01"] = hand.level_payment(425_000, 0.0635 / 12, 360)

    # r02 cagr: 48.2k -> 71.9k over 6 years, no flows.  (71.9/48.2)^(1/6) - 1.
    a["r02"] = 100 * ((71_900 / 48_200) ** (1 / 6) - 1)

    # r03 other (margin-call price): 800 shares, $18,000 borrowed, maintenance 30 %.
    # Call when equity/value = 0.30: P = loan / (shares * (1 - 0.30)).
    # Distractor: the 8.5 % margin interest (told to ignore).
    a["r03"] = 18_000 / (800 * (1 - 0.30))

    # r04 compounding: 12,500 EUR at 3.8 % compounded annually for 7 years (decimal commas).
    a["r04"] = 12_500 * 1.038**7

    # r05 sharpe_comparison: rf 4 %; Sharpe = (ret - rf) / vol.
    # Alder (11.8-4)/17.5 = 0.446, Birch (8.9-4)/9.8 = 0.500, Cedar (10.2-4)/12.9 = 0.481.
    # Best is Birch, listed second.  Distractor: the AUM column.
    sharpes = [(11.8 - 4) / 17.5, (8.9 - 4) / 9.8, (10.2 - 4) / 12.9]
    a["r05"] = 1 + sharpes.index(max(sharpes))

    # r06 periodic_compounding: $20,000 at 4.5 % nominal compounded quarterly for 5 years.
    # Distractor: the $8,400 checking balance.
    a["r06"] = 20_000 * (1 + 0.045 / 4) ** (4 * 5)

    # r07 holding_period_return: buy 42.10, dividends 1.20, sell 47.85.
    # (47.85 - 42.10 + 1.20) / 42.10.  Distractor: the $9.99 commission (told to ignore).
    a["r07"] = 100 * (47.85 - 42.10 + 1.20) / 42.10

    # r08 loss_recovery: down 35 %; gain needed = 1/0.65 - 1.
    a["r08"] = 100 * (1 / (1 - 0.35) - 1)

    # r09 real_return: nominal 7.4 %, inflation 3.1 %; exact (1.074/1.031 - 1).
    # Distractor: the 24 % tax bracket (told to leave out).
    a["r09"] = 100 * (1.074 / 1.031 - 1)

    # r10 other (WACC): E 720M, D 280M, Re 10.8 %, Rd 5.9 % pre-tax, tax 23 %.
    # WACC = E/V*Re + D/V*Rd*(1 - t).
    a["r10"] = 0.72 * 10.8 + 0.28 * 5.9 * (1 - 0.23)

    # r11 drawdown: peak 2,450 -> trough 1,812; (2450 - 1812) / 2450, positive.
    a["r11"] = 100 * (2_450 - 1_812) / 2_450

    # r12 max_drawdown: NAVs 10.00 11.20 10.50 12.10 9.60 10.80 9.95; peak 12.10 -> 9.60.
    a["r12"] = hand.max_drawdown([10.00, 11.20, 10.50, 12.10, 9.60, 10.80, 9.95])

    # r13 vol_annualisation: weekly sd 2.8 % * sqrt(52).
    # Distractor: the 0.3 % mean weekly return.
    a["r13"] = 2.8 * math.sqrt(52)

    # r14 parametric_var: EUR 4.8M, daily vol 1.1 %, 99 %, 10 days, zero mean normal,
    # square-root-of-time: V * sigma_d * sqrt(10) * z_0.99.
    a["r14"] = 4_800_000 * 0.011 * math.sqrt(10) * Z_99

    # r15 portfolio_vol: 60 % equities (16 %), 40 % bonds (6 %), correlation 0.2.
    a["r15"] = 100 * math.sqrt(
        (0.6 * 0.16) ** 2 + (0.4 * 0.06) ** 2 + 2 * 0.6 * 0.4 * 0.2 * 0.16 * 0.06
    )

    # r16 other (put-call parity): S 52, K 50, T 0.5, r 4 % continuous, put 2.35.
    # C = P + S - K * exp(-rT).
    a["r16"] = 2.35 + 52 - 50 * math.exp(-0.04 * 0.5)

    # r17 risk_sizing: $50,000 * 1 % = $500 risk; entry 84.20, stop 79.90 -> $4.30 a share.
    # floor(500 / 4.30) = 116.  Distractor: the 95.00 target.
    a["r17"] = math.floor(50_000 * 0.01 / (84.20 - 79.90))

    # r18 risk_ranking: dollar vol A 400k*22 % = 88k, B 250k*45 % = 112.5k, C 600k*15 % = 90k.
    # Largest is B, listed second.
    dollar_vol = [400_000 * 0.22, 250_000 * 0.45, 600_000 * 0.15]
    a["r18"] = 1 + dollar_vol.index(max(dollar_vol))

    # r19 capm: rf 4.2 %, market 9.5 %, beta 1.15 -> 4.2 + 1.15 * (9.5 - 4.2).
    # Distractor: the 14 % realised return last year.
    a["r19"] = 4.2 + 1.15 * (9.5 - 4.2)

    # r20 sortino: (11.2 - 3) / 7.5.  Distractor: the 14 % total volatility.
    a["r20"] = (11.2 - 3.0) / 7.5

    # r21 kelly: p 0.58, payoff b 1.2 -> f = p - (1 - p) / b.
    a["r21"] = 100 * (0.58 - 0.42 / 1.2)

    # r22 other (current yield): coupon 4.5 % of par / price 94.25 % of par.
    # Distractor: the Nov 2031 maturity (irrelevant to current yield).
    a["r22"] = 100 * 4.5 / 94.25

    # r23 npv: -250,000 now; 60k, 75k, 90k, 80k, 70k at end of years 1-5; 9 %.
    # Distractor: the $40k feasibility study already spent (sunk cost).
    flows = [60_000, 75_000, 90_000, 80_000, 70_000]
    a["r23"] = -250_000 + sum(cf / 1.09 ** (t + 1) for t, cf in enumerate(flows))

    # r24 bond_price: $1,000 par, 5.5 % annual coupon, 8 years, YTM 6.2 %.
    a["r24"] = 55 * hand.annuity_factor(0.062, 8) + 1_000 / 1.062**8

    # r25 macaulay_duration: 5 years, 4 % annual coupon, yield 5 %.
    # Sum t * PV(CF_t) / sum PV(CF_t).
    cfs = [4.0, 4.0, 4.0, 4.0, 104.0]
    pvs = [cf / 1.05 ** (t + 1) for t, cf in enumerate(cfs)]
    a["r25"] = sum((t + 1) * pv for t, pv in enumerate(pvs)) / sum(pvs)

    # r26 doubling_time: ln 2 / ln 1.065 (exact, annual compounding).
    a["r26"] = math.log(2) / math.log(1.065)

    # r27 annuity_pv: $18,000 at the end of each year, 15 years, 5.25 %.
    a["r27"] = 18_000 * hand.annuity_factor(0.0525, 15)

    # r28 other (simple payback): -120,000; inflows 28k, 35k, 40k, 45k, 50k, even within
    # each year.  Cumulative 28, 63, 103 after year 3; 17k of year 4's 45k -> 3 + 17/45.
    # Distractor: the 8 % hurdle rate (undiscounted payback asked).
    a["r28"] = 3 + (120_000 - 28_000 - 35_000 - 40_000) / 45_000

    # r29 annuity_fv: $6,500 at the end of each year for 25 years at 6.8 %.
    # Distractor: the client's age (37).
    a["r29"] = 6_500 * (1.068**25 - 1) / 0.068

    # r30 effective_annual_rate: 18.9 % APR compounded monthly -> (1 + 0.189/12)^12 - 1.
    a["r30"] = 100 * ((1 + 0.189 / 12) ** 12 - 1)

    # r31 loan_instalment: EUR 85,000, 7.2 % nominal, 20 quarterly instalments (1.8 % a quarter).
    a["r31"] = hand.level_payment(85_000, 0.072 / 4, 20)

    # r32 multi_period_return: +8.2 %, -5.6 %, +12.3 % chained.
    # Distractor: the benchmark's +15.1 %.
    a["r32"] = 100 * (1.082 * 0.944 * 1.123 - 1)

    # r33 gordon_just_paid: D0 1.85, g 4 %, r 9 % -> 1.85 * 1.04 / 0.05.
    a["r33"] = 1.85 * 1.04 / (0.09 - 0.04)

    # r34 other (IRR): -10,000, +3,000, +4,000, +4,500, +2,000 at the end of years 1-4.
    # Bisection on the rate where NPV = 0.
    irr_flows = [-10_000, 3_000, 4_000, 4_500, 2_000]

    def npv_at(rate: float) -> float:
        return sum(cf / (1 + rate) ** t for t, cf in enumerate(irr_flows))

    lo, hi = 0.0, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if npv_at(mid) > 0:
            lo = mid
        else:
            hi = mid
    a["r34"] = 100 * (lo + hi) / 2

    # r35 sharpe_ratio: (9.8 - 4.3) / 13.5.
    a["r35"] = (9.8 - 4.3) / 13.5

    # r36 information_ratio: (7.1 - 8.4) / 3.2, negative (fund lagged).
    a["r36"] = (7.1 - 8.4) / 3.2

    # r37 beta_covariance: cov 0.0185 / market variance 0.0225.
    # Distractor: Bloomberg's adjusted beta 0.91.
    a["r37"] = 0.0185 / 0.0225

    # r38 portfolio_return: 40 % * 8.5 + 20 % * 9.2 + 30 % * 4.1 + 10 % * 3.6.
    a["r38"] = 0.40 * 8.5 + 0.20 * 9.2 + 0.30 * 4.1 + 0.10 * 3.6

    # r39 position_pnl: short 300 at 58.40, covered at 61.15 -> 300 * (58.40 - 61.15).
    # Distractor: the $84k account equity.
    a["r39"] = 300 * (58.40 - 61.15)

    # r40 other (FX forward cost): EUR 250,000 in six months; spot 1.0850 USD per EUR;
    # USD 5.30 %, EUR 3.80 % simple for half a year.  F = S * (1 + r_usd/2) / (1 + r_eur/2).
    a["r40"] = 250_000 * 1.0850 * (1 + 0.053 * 0.5) / (1 + 0.038 * 0.5)

    # r41 breakeven_win_rate: avg win 450, avg loss 300 -> 300 / (450 + 300).
    a["r41"] = 100 * 300 / (450 + 300)

    # r42 capm_premium: 3.75 + 0.85 * 5.5 (premium already market minus risk-free).
    a["r42"] = 3.75 + 0.85 * 5.5

    # r43 ear_periodic: 1.5 % a month compounded monthly -> 1.015^12 - 1.
    a["r43"] = 100 * (1.015**12 - 1)

    # r44 dividend_yield_periodic: quarterly 0.62 * 4 / 48.30.
    # Distractor: the 350 shares held.
    a["r44"] = 100 * 0.62 * 4 / 48.30

    # r45 cagr_dates: EUR 61,400 on 30.09.2019 -> EUR 79,850 on 30.09.2023: 4 years
    # (1,461 days, one 29 Feb, so also 4.0 on a 365.25-day count).
    a["r45"] = 100 * ((79_850 / 61_400) ** (1 / 4) - 1)

    # r46 savings_goal: $25,000 target, 36 monthly deposits at month-end, 4.2 % compounded
    # monthly.  Deposit = FV * i / ((1 + i)^n - 1).
    i46 = 0.042 / 12
    a["r46"] = 25_000 * i46 / ((1 + i46) ** 36 - 1)

    # r47 other (accrued interest): $75,000 face, 5.375 % coupon, last coupon 15 Feb,
    # settlement 3 June, 30/360: (6 - 2) * 30 + (3 - 15) = 108 days.
    a["r47"] = 75_000 * 0.05375 * 108 / 360

    # r48 years_to_target: $35,000 -> $100,000 at 7 % -> ln(100/35) / ln 1.07.
    a["r48"] = math.log(100_000 / 35_000) / math.log(1.07)

    # r49 loan_total_interest: $310,000 at 5.875 %, 360 monthly payments.
    # 360 * payment - principal.
    a["r49"] = 360 * hand.level_payment(310_000, 0.05875 / 12, 360) - 310_000

    # r50 loan_balance: $220,000 at 6.1 %, 180 monthly payments; balance after 4 years
    # (48 payments) = PV of the remaining 132 payments.
    pmt50 = hand.level_payment(220_000, 0.061 / 12, 180)
    a["r50"] = pmt50 * hand.annuity_factor(0.061 / 12, 180 - 48)

    # r51 duration_price_change: -6.8 * 0.0035, first order.
    # Distractor: the convexity of 62 (duration only asked).
    a["r51"] = -6.8 * 0.35

    # r52 implied_return_gordon: D1 / P + g = 2.56 / 64 + 5 %.
    a["r52"] = 100 * (2.56 / 64 + 0.05)

    # r53 loan_payment: $32,500 financed at 7.9 % APR, 60 monthly payments.
    # Distractor: the $41,200 sticker price.
    a["r53"] = hand.level_payment(32_500, 0.079 / 12, 60)

    # r54 savings_goal: GBP 150,000 in 12 years, quarterly end-of-quarter deposits,
    # 5 % compounded quarterly (48 deposits at 1.25 %).  Distractor: the GBP 62k salary.
    i54 = 0.05 / 4
    a["r54"] = 150_000 * i54 / ((1 + i54) ** 48 - 1)

    # r55 periodic_compounding: GBP 8,000 at 5.1 % nominal compounded daily (365) for
    # two and a half years.
    a["r55"] = 8_000 * (1 + 0.051 / 365) ** (365 * 2.5)

    # r56 continuous_compounding: $15,000 * exp(0.0425 * 6).
    a["r56"] = 15_000 * math.exp(0.0425 * 6)

    # r57 other (cost of skipping a 2/10 net 45 discount): simple annualised,
    # (2 / 98) * 365 / (45 - 10).
    a["r57"] = 100 * (2 / 98) * 365 / 35

    # r58 other (EV/EBITDA): EV = 38.50 * 120M + 1,100M - 350M = 5,370M; / 620M.
    # Distractor: the 3.2bn revenue.
    a["r58"] = (38.50 * 120 + 1_100 - 350) / 620

    # r59 other (futures hedge): 12.4M * 1.15 / (5,240 * 50) = 54.4 -> 54 whole contracts.
    a["r59"] = math.floor(12_400_000 * 1.15 / (5_240 * 50))

    # r60 other (implied forward rate): 1y 4.60 %, 2y 4.15 % annual -> 1.0415^2 / 1.046 - 1.
    a["r60"] = 100 * (1.0415**2 / 1.046 - 1)

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
