"""Hand-worked answers for ``benchmarks/handwritten_probe6.jsonl`` (the sixth probe set).

Sixty quantitative-finance questions written blind (without reading the training tasks, the
generator, the training data or any earlier benchmark question file), typed the way people
ask: retail investors and traders in chat ("acct 48k", "DCA'd into BTC", "sh", "round
down"), students' exam items ("Q3 (Black-Scholes)"), analysts' notes and "key: value" blocks
(v09), an e-mail before a capex review (v18), bullet-like lists of lots or years (v03, v07,
v23), small tables (v12 markdown, v56 pipe rows), a non-native writer with decimal commas
(v10 "6,8 %" and "4,1 %", v35 "2,85 %" and "4,6 %"), and numbers as "1.57M", "$1M", "$3.6bn",
"140k", "4\u00bd%", "7 3/8%", "320 bps", "35 bp", "\u221218.1%" (a Unicode minus).

34 questions fall in 34 different existing families (each once): cagr, log_return,
loss_recovery, real_return, max_drawdown, vol_annualisation, parametric_var, portfolio_vol,
sharpe_comparison, risk_sizing, capm, sortino, kelly, beta, npv, loan_payment, bond_price
(semi-annual coupons), periodic_compounding, doubling_time, annuity_pv, annuity_fv,
effective_annual_rate, multi_period_return, gordon_just_paid, macaulay_duration, calmar,
treynor, information_ratio, breakeven_win_rate, savings_goal, years_to_target, loan_balance,
duration_price_change, implied_return_gordon.  Left out: compounding,
continuous_compounding, holding_period_return, drawdown, gordon_growth, zero_coupon_price,
perpetuity, loan_instalment, sharpe_ratio, beta_covariance, var_given_z, portfolio_return,
position_pnl, dividend_yield, loan_total_interest.

22 questions cover the newer families: tax_equivalent_yield (v02, v35), after_tax_yield
(v27), current_yield (v15, v48), average_cost (v07, v33), breakeven_commissions (v25),
margin_call_price (v11, v37), margin_return (v17, v50), tbill_price (v13, v41),
forward_rate (v19), cpi_adjusted_value (v29), wacc (v09, v43), geometric_mean_return (v23),
black_scholes_call (v05, v45), black_scholes_put (v31).

The other 4 (family "other"): simple interest on a 91-day deposit, ACT/365 (v04), a card
payment converted at an FX rate plus a foreign-transaction fee (v21), a price target from a
forward P/E multiple (v39) and a European put from put-call parity (v54).

20 questions carry a distractor figure that the answer must ignore: v06, v12, v15, v18, v22,
v28, v29, v32, v33, v34, v35, v36, v37, v39, v41, v43, v45, v46, v47, v57; each block below
names it.  Answers follow the conventions of probe 5: percent in points, drawdowns and VaR
positive, rank = 1-based position in the listed order, share counts rounded down, a
currency answer in the question's currency.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

QUESTIONS = Path(__file__).resolve().parent / "handwritten_probe6.jsonl"
REL_TOL = 1e-4

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: hand_arithmetic
import hand_arithmetic as hand  # noqa: E402

Z_95 = 1.6448536269514722  # standard normal quantile at 0.95


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # v01 loan_payment: $28,750 over 60 months at 7.49 % / 12.
    a["v01"] = hand.level_payment(28_750, 0.0749 / 12, 60)

    # v02 tax_equivalent_yield: 3.4 / (1 - 0.32) = 5.0.
    a["v02"] = 3.4 / (1 - 0.32)

    # v03 max_drawdown: peaks 112.3 -> 97.6 (13.1 %) and 118.4 -> 99.5 (16.0 %, the worst).
    a["v03"] = hand.max_drawdown(
        [100.0, 108.5, 112.3, 104.9, 97.6, 103.2, 118.4, 111.0, 99.5, 107.8]
    )

    # v04 other (simple interest): 250,000 * 3.15 % * 91 / 365.
    a["v04"] = 250_000 * 0.0315 * 91 / 365

    # v05 black_scholes_call: S 100, K 105, T 0.5, r 4 %, vol 25 %.
    a["v05"] = hand.black_scholes(100, 105, 0.5, 0.04, 0.25)[0]

    # v06 cagr: (31.07 / 18.42)^(1 / 7) - 1.
    # Distractor: the 0.65 % ongoing charge (already in the NAV).
    a["v06"] = 100 * ((31.07 / 18.42) ** (1 / 7) - 1)

    # v07 average_cost: (120 * 45.10 + 80 * 41.75 + 200 * 38.90) / 400 = 16,532 / 400.
    a["v07"] = (120 * 45.10 + 80 * 41.75 + 200 * 38.90) / 400

    # v08 kelly: f = p - q / b = 0.58 - 0.42 / 1.2 = 0.23.
    a["v08"] = 100 * (0.58 - 0.42 / 1.2)

    # v09 wacc: weights 3.6 / 5.0 and 1.4 / 5.0, debt after 21 % tax.
    a["v09"] = 100 * (3.6 / 5.0 * 0.112 + 1.4 / 5.0 * 0.058 * (1 - 0.21))

    # v10 real_return: 1.068 / 1.041 - 1 (decimal commas "6,8 %" and "4,1 %").
    a["v10"] = 100 * (1.068 / 1.041 - 1)

    # v11 margin_call_price: 85 * (1 - 0.5) / (1 - 0.25).
    a["v11"] = 85 * (1 - 0.5) / (1 - 0.25)

    # v12 sharpe_comparison: (12.1 - 4.25) / 18 = 0.436, (9.4 - 4.25) / 11.5 = 0.448,
    # (7.2 - 4.25) / 6.4 = 0.461 -> row 3.  Distractor: the AUM column.
    sharpes = [(12.1 - 4.25) / 18.0, (9.4 - 4.25) / 11.5, (7.2 - 4.25) / 6.4]
    a["v12"] = 1 + sharpes.index(max(sharpes))

    # v13 tbill_price: 10,000 * (1 - 0.0512 * 182 / 360).
    a["v13"] = 10_000 * (1 - 0.0512 * 182 / 360)

    # v14 years_to_target: ln(1,000,000 / 140,000) / ln(1.065), fractional.
    a["v14"] = math.log(1_000_000 / 140_000) / math.log(1.065)

    # v15 current_yield: 62.50 / 1,043.50.  Distractor: the 5.60 % YTM.
    a["v15"] = 100 * 62.50 / 1_043.50

    # v16 portfolio_vol: 40 / 60 with 16 % and 7 % vols, correlation 0.25.
    a["v16"] = 100 * math.sqrt(
        0.4**2 * 0.16**2 + 0.6**2 * 0.07**2 + 2 * 0.4 * 0.6 * 0.25 * 0.16 * 0.07
    )

    # v17 margin_return: own cash 20,000, loan 20,000; gain 6,000 less interest 1,600.
    a["v17"] = 100 * (1_000 * (46 - 40) - 0.08 * 20_000) / 20_000

    # v18 npv: -2.4M + 650k / 1.09 + 800k / 1.09^2 + 900k / 1.09^3 + 750k / 1.09^4.
    # Distractor: the 120k already spent on the pilot (sunk).
    a["v18"] = (
        -2_400_000 + 650_000 / 1.09 + 800_000 / 1.09**2 + 900_000 / 1.09**3 + 750_000 / 1.09**4
    )

    # v19 forward_rate: 1.051^2 / 1.046 - 1.
    a["v19"] = 100 * (1.051**2 / 1.046 - 1)

    # v20 log_return: ln(58,915 / 61,240), negative.
    a["v20"] = 100 * math.log(58_915 / 61_240)

    # v21 other (FX plus card fee): 2,480 GBP * 1.2715 USD per GBP * 1.03.
    a["v21"] = 2_480 * 1.2715 * 1.03

    # v22 gordon_just_paid: 3.40 * 1.035 / (0.0875 - 0.035).
    # Distractor: the $61.80 market price.
    a["v22"] = 3.40 * 1.035 / (0.0875 - 0.035)

    # v23 geometric_mean_return: (1.315 * 1.184 * 1.287 * 0.819 * 1.263)^(1 / 5) - 1.
    a["v23"] = 100 * ((1.315 * 1.184 * 1.287 * 0.819 * 1.263) ** (1 / 5) - 1)

    # v24 risk_sizing: floor(48,000 * 1.5 % / (23.80 - 22.45)) = floor(533.3).
    a["v24"] = math.floor(48_000 * 0.015 / (23.80 - 22.45))

    # v25 breakeven_commissions: 27.40 + 2 * 9.95 / 300.
    a["v25"] = 27.40 + 2 * 9.95 / 300

    # v26 macaulay_duration: 5 years, 6 % annual coupon, yield 7 %.
    a["v26"] = hand.macaulay(100, 0.06, 0.07, 5)

    # v27 after_tax_yield: 5.15 * (1 - 0.28).
    a["v27"] = 5.15 * (1 - 0.28)

    # v28 information_ratio: (10.7 - 8.9) / 3.20 (320 bps).  Distractor: the 14 % fund vol.
    a["v28"] = (10.7 - 8.9) / 3.20

    # v29 cpi_adjusted_value: 18,500 * 310.3 / 40.5.  Distractor: the $385k sale price.
    a["v29"] = 18_500 * 310.3 / 40.5

    # v30 periodic_compounding: 15,000 * (1 + 0.045 / 12)^72 ("4 1/2 %" written with a half sign).
    a["v30"] = 15_000 * (1 + 0.045 / 12) ** 72

    # v31 black_scholes_put: S 212, K 200, T 0.75, r 4.5 %, vol 28 %.
    a["v31"] = hand.black_scholes(212, 200, 0.75, 0.045, 0.28)[1]

    # v32 calmar: 14.2 / 18.9.  Distractor: the 16 % annualised vol.
    a["v32"] = 14.2 / 18.9

    # v33 average_cost: (0.15 * 42,300 + 0.10 * 51,800 + 0.25 * 60,150) / 0.50.
    # Distractor: today's price of about 64k.
    a["v33"] = (0.15 * 42_300 + 0.10 * 51_800 + 0.25 * 60_150) / (0.15 + 0.10 + 0.25)

    # v34 capm: 4.1 + 1.32 * 5.5 (the premium is given directly).
    # Distractor: the stock's own 34 % vol.
    a["v34"] = 4.1 + 1.32 * 5.5

    # v35 tax_equivalent_yield: 2.85 / (1 - 0.41) (decimal commas).
    # Distractor: the corporate bond's 4,6 %.
    a["v35"] = 2.85 / (1 - 0.41)

    # v36 loan_balance: $310,000, 360 months at 6.75 % / 12, balance after payment 60.
    # Distractor: the $640 a month of escrow.
    a["v36"] = hand.remaining_balance(310_000, 0.0675 / 12, 360, 60)

    # v37 margin_call_price: 132.50 * (1 - 0.60) / (1 - 0.35).
    # Distractors: the 400 shares and the 9.25 % loan rate.
    a["v37"] = 132.50 * (1 - 0.60) / (1 - 0.35)

    # v38 vol_annualisation: 1.35 % * sqrt(252).
    a["v38"] = 1.35 * math.sqrt(252)

    # v39 other (P/E price target): 18.5 * 6.85.  Distractor: the $6.10 trailing EPS.
    a["v39"] = 18.5 * 6.85

    # v40 annuity_fv: 500 a month for 240 months at 7 % / 12.
    r40 = 0.07 / 12
    a["v40"] = 500 * ((1 + r40) ** 240 - 1) / r40

    # v41 tbill_price: 1,000,000 * (1 - 0.0487 * 91 / 360).
    # Distractor: the 5.01 % bond-equivalent yield.
    a["v41"] = 1_000_000 * (1 - 0.0487 * 91 / 360)

    # v42 beta: 0.62 * 31 / 17.
    a["v42"] = 0.62 * 31 / 17

    # v43 wacc: D/E = 0.5 -> E/V = 2/3, D/V = 1/3; 2/3 * 12 + 1/3 * 7 * 0.75 = 9.75.
    # Distractor: the 1.3 equity beta (the cost of equity is given).
    a["v43"] = 2 / 3 * 12 + 1 / 3 * 7 * (1 - 0.25)

    # v44 effective_annual_rate: (1 + 0.084 / 4)^4 - 1.
    a["v44"] = 100 * ((1 + 0.084 / 4) ** 4 - 1)

    # v45 black_scholes_call: S 47.30, K 45, T 0.25, r 5 %, vol 32 %.
    # Distractor: the option's 4.10 last trade.
    a["v45"] = hand.black_scholes(47.30, 45, 0.25, 0.05, 0.32)[0]

    # v46 loss_recovery: 1 / (1 - 0.235) - 1.  Distractor: the 1.57M / 1.2M account size.
    a["v46"] = 100 * (1 / (1 - 0.235) - 1)

    # v47 sortino: (9.6 - 2) / 7.4.  Distractor: the 12.9 % standard deviation.
    a["v47"] = (9.6 - 2.0) / 7.4

    # v48 current_yield: 7.375 / 92.25 ("7 3/8 %" coupon, price in % of par).
    a["v48"] = 100 * 7.375 / 92.25

    # v49 savings_goal: $25,000 in 48 end-of-month deposits at 3.9 % / 12.
    r49 = 0.039 / 12
    a["v49"] = 25_000 * r49 / ((1 + r49) ** 48 - 1)

    # v50 margin_return: (44.5k - 50k - 7.5 % of 20k) / 30k, a loss.
    a["v50"] = 100 * ((44_500 - 50_000) - 0.075 * 20_000) / 30_000

    # v51 parametric_var: 4.5M * 1.8 % * z_0.95 * sqrt(10).
    a["v51"] = 4_500_000 * 0.018 * Z_95 * math.sqrt(10)

    # v52 treynor: (11.4 - 3.6) / 0.92, percent per unit of beta.
    a["v52"] = (11.4 - 3.6) / 0.92

    # v53 doubling_time: ln 2 / ln 1.09, exact.
    a["v53"] = math.log(2) / math.log(1.09)

    # v54 other (put-call parity): P = C - S + K e^(-rT) = 7.45 - 92 + 90 e^(-0.02).
    a["v54"] = 7.45 - 92 + 90 * math.exp(-0.04 * 0.5)

    # v55 implied_return_gordon: D1 / P + g = 2.30 / 54.20 + 4.5 %.
    a["v55"] = 100 * (2.30 / 54.20 + 0.045)

    # v56 multi_period_return: 1.042 * 0.921 * 1.031 * 1.066 - 1.
    a["v56"] = 100 * (1.042 * 0.921 * 1.031 * 1.066 - 1)

    # v57 annuity_pv: 80,000 at the end of each of 25 years at 5.25 %.
    # Distractor: the $950k lump sum.
    a["v57"] = 80_000 * hand.annuity_factor(0.0525, 25)

    # v58 bond_price: 20 half-years, coupon 25, yield 3.05 % per half-year.
    a["v58"] = 25 * hand.annuity_factor(0.0305, 20) + 1_000 / 1.0305**20

    # v59 breakeven_win_rate: reward:risk 420 / 280 = 1.5 -> 1 / (1 + 1.5).
    a["v59"] = 100 / (1 + 420 / 280)

    # v60 duration_price_change: -8.3 * 0.0035, in percent (yields rise 35 bp).
    a["v60"] = -8.3 * 0.0035 * 100

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
