"""Hand-worked answers for ``benchmarks/handwritten_probe.jsonl`` (the "probe" set).

The probe set is 60 questions written the way analysts, traders, finance students and
personal-finance users actually type them: chat messages, exam items, e-mails with context,
bullet lists and small tables, numbers such as "$1.2M", "12k" or "35 bp", and distractor
figures that the answer must ignore. About four in five map to one of the generator's task
families; the rest (family "other") are everyday variations such as solving for the rate or
the number of years, a percentage change, an average cost or a break-even price.

It was written blind: without looking at the question generator, its task families'
templates, or the other hand-written sets (``handwritten.jsonl``, ``handwritten_dev.jsonl``)
and their answer scripts. It follows the same conventions: percent answers in percent points
(5.25 for 5.25 %), currency in the question's currency, ``rank`` as the 1-based position of
the chosen item in the order the question lists it, ``count`` as whole units rounded down.

Every answer is worked out below with plain arithmetic (math module only), one block per
question. Run ``python benchmarks/handwritten_probe_answers.py`` from the repository root:
it prints each answer and exits 1 if any differs from the JSONL (relative tolerance 1e-4).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "benchmarks" / "handwritten_probe.jsonl"
REL_TOL = 1e-4

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: hand_arithmetic
import hand_arithmetic as hand  # noqa: E402

Z_99 = 2.3263478740408408  # standard normal quantile at 0.99


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # p01 compounding: $12k at 4.5 % annual compounding for 7 years.
    a["p01"] = 12_000 * 1.045**7

    # p02 sharpe_ratio: (11.4 - 4.3) / 16.2; drawdown and turnover are distractors.
    a["p02"] = (11.4 - 4.3) / 16.2

    # p03 other (percentage change): rent 1,850 -> 2,120.
    a["p03"] = (2_120 / 1_850 - 1) * 100

    # p04 bond_price: 5 y, 6 % semi-annual coupon (30 per half-year), 7 % yield s.a. -> 3.5 %
    # per half-year over 10 half-years.
    a["p04"] = 30 * hand.annuity_factor(0.035, 10) + 1_000 / 1.035**10

    # p05 position_pnl: short 300 @ 84.20, cover @ 79.65, $5 per trade twice.
    a["p05"] = 300 * (84.20 - 79.65) - 2 * 5

    # p06 periodic_compounding: EUR 2,500 at 3.6 % nominal, monthly, 10 years (piggy bank ignored).
    a["p06"] = 2_500 * (1 + 0.036 / 12) ** (12 * 10)

    # p07 log_return: ln(52.75 / 48.30) in percent.
    a["p07"] = math.log(52.75 / 48.30) * 100

    # p08 other (years to a target): 15,000 -> 50,000 at 6 % annual: n = ln(50/15) / ln(1.06).
    a["p08"] = math.log(50_000 / 15_000) / math.log(1.06)

    # p09 gordon_just_paid: D0 = 1.80, g = 5 %, r = 10 % -> D1 / (r - g) = 1.89 / 0.05.
    a["p09"] = 1.80 * 1.05 / (0.10 - 0.05)

    # p10 risk_sizing: risk 1 % of 50k = 500; per-share risk 42.50 - 40.80 = 1.70; floor.
    a["p10"] = math.floor(50_000 * 0.01 / (42.50 - 40.80))

    # p11 vol_annualisation: 1.1 % daily * sqrt(252).
    a["p11"] = 1.1 * math.sqrt(252)

    # p12 loan_payment: $450k, 30 y, 6.25 % monthly; property tax is a distractor.
    a["p12"] = hand.level_payment(450_000, 0.0625 / 12, 360)

    # p13 other (weighted average cost): (100*30 + 150*27 + 50*33) / 300.
    a["p13"] = (100 * 30 + 150 * 27 + 50 * 33) / (100 + 150 + 50)

    # p14 multi_period_return: chain four quarterly returns.
    a["p14"] = (1.042 * 0.982 * 1.035 * 1.009 - 1) * 100

    # p15 effective_annual_rate: 19.99 % APR compounded monthly.
    a["p15"] = ((1 + 0.1999 / 12) ** 12 - 1) * 100

    # p16 max_drawdown: running peak 125 (4th value), lowest later value before a new
    # peak is 97 -> (125 - 97) / 125; 112 -> 108 is only -3.6 %. Magnitude in percent.
    navs = [100, 112, 108, 125, 97, 104, 118, 131]
    peak, worst = navs[0], 0.0
    for nav in navs:
        peak = max(peak, nav)
        worst = max(worst, (peak - nav) / peak)
    a["p16"] = worst * 100

    # p17 capm: 4.1 + 1.25 * (9.5 - 4.1).
    a["p17"] = 4.1 + 1.25 * (9.5 - 4.1)

    # p18 other (sinking-fund payment): FV 60,000, 60 monthly deposits at 4.2 %/12;
    # the $3k emergency fund is a distractor.
    r = 0.042 / 12
    a["p18"] = 60_000 * r / ((1 + r) ** 60 - 1)

    # p19 zero_coupon_price: EUR 1,000 face, 6 y, 4.8 % annual.
    a["p19"] = 1_000 / 1.048**6

    # p20 kelly: p = 0.6, b = 1.5 -> f = p - q / b, in percent.
    a["p20"] = (0.6 - 0.4 / 1.5) * 100

    # p21 holding_period_return: (51.10 - 45.20 + 0.85) / 45.20; share count irrelevant.
    a["p21"] = (51.10 - 45.20 + 0.85) / 45.20 * 100

    # p22 continuous_compounding: $1.2M * e^(0.038 * 2.5).
    a["p22"] = 1_200_000 * math.exp(0.038 * 2.5)

    # p23 sortino: (10 - 2) / 9; the 14 % standard deviation is a distractor.
    a["p23"] = (10 - 2) / 9

    # p24 other (break-even sale price): 22.10 + (12 + 12) / 400.
    a["p24"] = 22.10 + (12 + 12) / 400

    # p25 annuity_pv: 3,000 a year for 15 years at 7 %, ordinary annuity.
    a["p25"] = 3_000 * hand.annuity_factor(0.07, 15)

    # p26 beta: rho * sigma_s / sigma_m = 0.65 * 32 / 18.
    a["p26"] = 0.65 * 32 / 18

    # p27 loss_then_gain: 0.65 * 1.40 - 1 -> -9 %.
    a["p27"] = (0.65 * 1.40 - 1) * 100

    # p28 macaulay_duration: 3 y, 5 % annual coupon, face 100, yield 6 %.
    cash_flows = [5, 5, 105]
    pvs = [cf / 1.06**t for t, cf in enumerate(cash_flows, start=1)]
    a["p28"] = sum(t * pv for t, pv in enumerate(pvs, start=1)) / sum(pvs)

    # p29 other (outstanding mortgage balance): $300k, 30 y, 5.5 % monthly, after 60 payments:
    # balance = PV of the remaining 300 payments.
    r = 0.055 / 12
    payment = hand.level_payment(300_000, r, 360)
    a["p29"] = payment * hand.annuity_factor(r, 360 - 60)

    # p30 dividend_yield: 2.32 / 64.50; the P/E is a distractor.
    a["p30"] = 2.32 / 64.50 * 100

    # p31 npv: CHF flows -100k, 30k, 40k, 50k, 20k at 9 %.
    flows = [-100_000, 30_000, 40_000, 50_000, 20_000]
    a["p31"] = sum(cf / 1.09**t for t, cf in enumerate(flows))

    # p32 information_ratio: (9.8 - 8.1) / 3.4.
    a["p32"] = (9.8 - 8.1) / 3.4

    # p33 real_return: Fisher, 1.072 / 1.031 - 1.
    a["p33"] = (1.072 / 1.031 - 1) * 100

    # p34 other (zero-coupon yield): (1000 / 742.50)^(1/6) - 1.
    a["p34"] = ((1_000 / 742.50) ** (1 / 6) - 1) * 100

    # p35 breakeven_win_rate: p * 450 = (1 - p) * 300 -> p = 300 / 750.
    a["p35"] = 300 / (450 + 300) * 100

    # p36 periodic_compounding: $8,000 at 5 % APR, daily on a 365-day year, 3 years.
    a["p36"] = 8_000 * (1 + 0.05 / 365) ** (365 * 3)

    # p37 treynor: (13 % - 4 %) / 1.3 as a decimal; the 18 % std dev is a distractor.
    a["p37"] = (0.13 - 0.04) / 1.3

    # p38 cagr: 85k -> 142k over 6 years.
    a["p38"] = ((142_000 / 85_000) ** (1 / 6) - 1) * 100

    # p39 other (implied growth from Gordon): g = r - D1 / P = 8 % - 2 / 50.
    a["p39"] = (0.08 - 2.00 / 50) * 100

    # p40 portfolio_vol: 60/40, vols 20 % / 10 %, rho 0.3.
    variance = 0.6**2 * 0.20**2 + 0.4**2 * 0.10**2 + 2 * 0.6 * 0.4 * 0.20 * 0.10 * 0.3
    a["p40"] = math.sqrt(variance) * 100

    # p41 annuity_fv: $1,500 at each quarter end, 7 %/4 per quarter, 40 deposits.
    q = 0.07 / 4
    a["p41"] = 1_500 * ((1 + q) ** 40 - 1) / q

    # p42 parametric_var: VaR = -(mu - z * sigma) * V with mu 0.05 %, sigma 1.3 %, $5M, 99 %.
    a["p42"] = -(0.0005 - Z_99 * 0.013) * 5_000_000

    # p43 loss_recovery: after -28 %, need 1 / 0.72 - 1.
    a["p43"] = (1 / 0.72 - 1) * 100

    # p44 duration (modified): Macaulay 7.4 / (1 + 0.052 / 2).
    a["p44"] = 7.4 / (1 + 0.052 / 2)

    # p45 other (total interest on a loan): 60 payments on $25k at 6.9 %/12, minus principal.
    a["p45"] = 60 * hand.level_payment(25_000, 0.069 / 12, 60) - 25_000

    # p46 risk_ranking: annualise each vol; A 1.2*sqrt(252)=19.05, B 2.9*sqrt(52)=20.91,
    # C 5.1*sqrt(12)=17.67 -> B (2nd listed) is riskiest.
    annual = [1.2 * math.sqrt(252), 2.9 * math.sqrt(52), 5.1 * math.sqrt(12)]
    a["p46"] = annual.index(max(annual)) + 1

    # p47 gordon_growth: D1 = 2.10, r = 9 %, g = 4 %.
    a["p47"] = 2.10 / (0.09 - 0.04)

    # p48 ear_periodic: 2 % per week over 52 weeks.
    a["p48"] = (1.02**52 - 1) * 100

    # p49 calmar: CAGR 14 % / |max drawdown 22 %|; the Sharpe of 1.1 is a distractor.
    a["p49"] = 14 / 22

    # p50 other (duration price change): -6.8 * 0.0035, in percent.
    a["p50"] = -6.8 * 0.0035 * 100

    # p51 cagr_dates: $20,000 -> $31,500 over exactly 7.5 years.
    a["p51"] = ((31_500 / 20_000) ** (1 / 7.5) - 1) * 100

    # p52 portfolio_return: (60k*12 % + 25k*5 % - 15k*3 %) / 100k.
    a["p52"] = (60_000 * 0.12 + 25_000 * 0.05 - 15_000 * 0.03) / 100_000 * 100

    # p53 dividend_yield_periodic: 4 * 0.47 / 38.20.
    a["p53"] = 4 * 0.47 / 38.20 * 100

    # p54 perpetuity: 25,000 / 4 %.
    a["p54"] = 25_000 / 0.04

    # p55 other (leveraged loss on equity): 40k * 15 % = 6k lost on 20k equity.
    a["p55"] = 40_000 * 0.15 / 20_000 * 100

    # p56 sharpe_comparison: (9-3)/12 = 0.5, (12-3)/20 = 0.45, (7.5-3)/8 = 0.5625 -> fund 3.
    sharpes = [(9 - 3) / 12, (12 - 3) / 20, (7.5 - 3) / 8]
    a["p56"] = sharpes.index(max(sharpes)) + 1

    # p57 loan_instalment: GBP 250k over 5 y, 8 % nominal, quarterly -> 2 % x 20 quarters.
    a["p57"] = hand.level_payment(250_000, 0.08 / 4, 20)

    # p58 doubling_time: ln 2 / ln 1.07 (exact, not the rule of 72).
    a["p58"] = math.log(2) / math.log(1.07)

    # p59 capm_premium: 3.5 + 0.8 * 6 (levered beta; the unlevered 0.65 is a distractor).
    a["p59"] = 3.5 + 0.8 * 6

    # p60 other (after-tax yield): 5.4 * (1 - 0.32).
    a["p60"] = 5.4 * (1 - 0.32)

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
