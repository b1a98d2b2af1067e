"""Hand-worked answers for ``benchmarks/handwritten_probe9.jsonl`` (the ninth probe set).

Sixty quantitative-finance questions written blind (session 28: without reading the task
generators, the training data, the run reports or any earlier benchmark question file; only
the list of taught tasks with each one's answer unit and convention), typed the way people
ask: retail investors in chat, lowercase and typos ("anually", "whats", "lottery q", "8.5k",
"break even??") in p9-01, p9-10, p9-25, p9-28, p9-44; an e-mail to a colleague (p9-36);
analysts', desk and file notes (p9-03, p9-13, p9-50); exam items (p9-08, p9-09, p9-21);
markdown tables (p9-15, p9-26); a bullet list (p9-06); shorthand ("BS call: S=50, K=52",
"cov(stock, market)", "100 sh @ 45.20", "60/40", "Mod duration", "agg bond fund") in p9-16,
p9-17, p9-42, p9-47, p9-50; comma decimals and a space as thousands separator
("EUR 15 000 at 3,25 %", p9-49); amounts as "$320k", "$412M", "$5M", "$40k", "$1.6M",
"1.45 billion"; a move in basis points ("35 bp", p9-50).  Each task is named the way people
name it, rarely by the task's own name: "how many years until my money doubles", "P&I
payment", "Fisher relation", "Kelly", "what % gain do i need to get back to break even",
"back-end DTI", "how deep is the drawdown from the peak".

Fifty questions ask one taught task each (the ``family`` field; 49 tasks, ``compounding``
twice: p9-01 and p9-49), ten (p9-51..60, family ``other``) ask everyday tasks not taught: a
fund's yearly fee from its expense ratio, a back-end debt-to-income ratio, a market cap, a
current ratio, a payout ratio, how long a retirement pot lasts, covered calls a holding can
back, interest coverage, a gross rental yield and a return on equity.

Twenty questions carry a distractor, a figure the answer must ignore (each block below names
it): p9-03, p9-04, p9-07, p9-09, p9-10, p9-13, p9-16, p9-19, p9-24, p9-29, p9-30, p9-33,
p9-40, p9-42, p9-44, p9-47, p9-48, p9-51, p9-54, p9-60.

Conventions, all stated in the questions or the taught task's own: percent answers in points
(5.2 for 5.2 %), a fall negative; the drawdowns positive; compounding annual unless a
frequency is given; the mortgage and savings rates nominal a year, divided by 12 and
compounded monthly; the Fisher real return exact; VaR with the exact 99 % normal quantile;
Kelly f = p - q / b with b the net odds (2 to 1: b = 2); the short sale's profit positive;
current yield the annual coupon over the price per 100 of face; option P&L at expiry, 100
shares a contract; risk sizing and covered calls rounded down to whole shares / contracts;
simple payback with the recovery year counted in part.

The JSONL stores answers rounded to 4 decimals (counts and ranks exact); it was written from
a second, independent solve of each question from its text alone (loops instead of the
closed forms, Newton's method on the payment, deposit, term and IRR, the normal quantile from
``statistics.NormalDist``): 60 of 60 agree with the arithmetic here.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: hand_arithmetic
import hand_arithmetic as hand

QUESTIONS = Path(__file__).resolve().parent / "handwritten_probe9.jsonl"
REL_TOL = 1e-4  # the JSONL stores answers rounded to 4 decimals
Z_99 = 2.3263478740408408  # standard normal quantile at 0.99


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # p9-01 compounding: 8,500 * 1.041^6 = 8,500 * 1.27264... = 10,817.41.
    a["p9-01"] = 8_500 * 1.041**6

    # p9-02 doubling_time: 1.065^t = 2 -> t = ln 2 / ln 1.065 = 0.693147 / 0.062975 = 11.007.
    a["p9-02"] = math.log(2) / math.log(1.065)

    # p9-03 cagr: (655 / 412)^(1/6) - 1 = 1.58981^(1/6) - 1 = 8.03 %.
    # Distractor: the headcount 1,900 -> 2,300.
    a["p9-03"] = 100 * ((655 / 412) ** (1 / 6) - 1)

    # p9-04 loan_payment: i = 6.25 % / 12, n = 360; P = 320,000 * i / (1 - (1 + i)^-360)
    # = 1,970.30. Distractor: the property taxes, $4,200 a year (not P&I).
    a["p9-04"] = hand.level_payment(320_000, 0.0625 / 12, 360)

    # p9-05 real_return: 1.055 / 1.032 - 1 = 2.2287 % (the shortcut would say 2.3).
    a["p9-05"] = 100 * (1.055 / 1.032 - 1)

    # p9-06 max_drawdown: running peaks 100, 112, 112, 121, 121, 121, 121; the worst fall is
    # 121 -> 96: 25 / 121 = 20.66 % (112 -> 105 is 6.25 %, 121 -> 99 is 18.2 %).
    a["p9-06"] = 100 * (121 - 96) / 121
    assert math.isclose(a["p9-06"], hand.max_drawdown([100, 112, 105, 121, 96, 108, 99]))

    # p9-07 sharpe_ratio: (11.2 - 4.3) / 14 = 6.9 / 14 = 0.4929. Distractor: beta 1.1.
    a["p9-07"] = (11.2 - 4.3) / 14

    # p9-08 npv: -250,000 + 70,000/1.09 + 85,000/1.09^2 + 90,000/1.09^3 + 95,000/1.09^4
    # = -250,000 + 64,220.18 + 71,542.80 + 69,496.51 + 67,300.40 = 22,559.89.
    a["p9-08"] = -250_000 + 70_000 / 1.09 + 85_000 / 1.09**2 + 90_000 / 1.09**3 + 95_000 / 1.09**4

    # p9-09 bond_price: coupon 50 for 7 years at 6.2 %: 50 * a(7, 6.2 %) + 1,000 / 1.062^7
    # = 933.49. Distractor: issued 3 years ago at par (only the 7 years left count).
    a["p9-09"] = 50 * hand.annuity_factor(0.062, 7) + 1_000 / 1.062**7
    assert math.isclose(a["p9-09"], hand.bond_price(1_000, 0.05, 0.062, 7))

    # p9-10 annuity_pv: 12,000 * (1 - 1.07^-15) / 0.07 = 12,000 * 9.10791 = 109,294.97.
    # Distractor: option B's lump sum of 110,000.
    a["p9-10"] = 12_000 * (1 - 1.07**-15) / 0.07

    # p9-11 effective_annual_rate: (1 + 0.1999 / 12)^12 - 1 = 21.93 %.
    a["p9-11"] = 100 * ((1 + 0.1999 / 12) ** 12 - 1)

    # p9-12 ear_periodic: 1.015^12 - 1 = 19.56 %.
    a["p9-12"] = 100 * (1.015**12 - 1)

    # p9-13 vol_annualisation: 1.3 * sqrt(252) = 1.3 * 15.8745 = 20.64 %.
    # Distractor: the mean daily return 0.04 %.
    a["p9-13"] = 1.3 * math.sqrt(252)

    # p9-14 parametric_var: 5,000,000 * 0.018 * 2.32635 = 90,000 * 2.32635 = 209,371.31.
    a["p9-14"] = 5_000_000 * 0.018 * Z_99

    # p9-15 capm: 4.0 + 1.25 * (9.5 - 4.0) = 4.0 + 6.875 = 10.875 %.
    a["p9-15"] = 4.0 + 1.25 * (9.5 - 4.0)

    # p9-16 beta_covariance: 0.0324 / 0.0225 = 1.44. Distractor: var(stock) 0.09.
    a["p9-16"] = 0.0324 / 0.0225

    # p9-17 portfolio_vol: 0.36 * 324 + 0.16 * 36 + 2 * 0.6 * 0.4 * 0.2 * 18 * 6
    # = 116.64 + 5.76 + 10.368 = 132.768 (%^2); sqrt = 11.52 %.
    a["p9-17"] = math.sqrt(0.6**2 * 18**2 + 0.4**2 * 6**2 + 2 * 0.6 * 0.4 * 0.2 * 18 * 6)

    # p9-18 kelly: b = 2, p = 0.45, q = 0.55: f = p - q / b = 0.45 - 0.275 = 17.5 %.
    a["p9-18"] = 100 * (0.45 - 0.55 / 2)

    # p9-19 gordon_growth: 2.40 / (0.085 - 0.03) = 2.40 / 0.055 = 43.64.
    # Distractor: EPS $4.10.
    a["p9-19"] = 2.40 / (0.085 - 0.03)

    # p9-20 gordon_just_paid: D1 = 1.80 * 1.04 = 1.872; 1.872 / (0.09 - 0.04) = 37.44.
    a["p9-20"] = 1.80 * 1.04 / (0.09 - 0.04)

    # p9-21 macaulay_duration: flows 6, 6, 6, 106 at 5 %; PVs 5.7143, 5.4422, 5.1830, 87.2065
    # (sum 103.546); weighted times sum 381.0 -> 3.679 years.
    a["p9-21"] = hand.macaulay(100, 0.06, 0.05, 4)

    # p9-22 zero_coupon_price: 1,000 / 1.045^8 = 1,000 / 1.42210 = 703.19.
    a["p9-22"] = 1_000 / 1.045**8

    # p9-23 annuity_fv: 6,000 * (1.05^20 - 1) / 0.05 = 6,000 * 33.0660 = 198,395.72.
    a["p9-23"] = 6_000 * (1.05**20 - 1) / 0.05

    # p9-24 periodic_compounding: 10,000 * (1 + 0.036 / 4)^(4 * 5) = 10,000 * 1.009^20
    # = 11,962.54. Distractor: inflation about 3 %.
    a["p9-24"] = 10_000 * (1 + 0.036 / 4) ** 20

    # p9-25 loss_recovery: 1 / (1 - 0.35) - 1 = 0.35 / 0.65 = 53.85 %.
    a["p9-25"] = 100 * 0.35 / 0.65

    # p9-26 multi_period_return: 1.042 * 0.972 * 1.061 * 0.985 - 1 = 5.85 %.
    a["p9-26"] = 100 * (1.042 * 0.972 * 1.061 * 0.985 - 1)

    # p9-27 holding_period_return: (55.75 - 48.20 + 1.10) / 48.20 = 8.65 / 48.20 = 17.95 %.
    a["p9-27"] = 100 * (55.75 - 48.20 + 1.10) / 48.20

    # p9-28 drawdown: (214 - 163) / 214 = 51 / 214 = 23.83 %, reported positive.
    a["p9-28"] = 100 * 51 / 214

    # p9-29 after_tax_yield: 5.1 * (1 - 0.24) = 3.876 %. Distractor: the $15,000 deposit.
    a["p9-29"] = 5.1 * (1 - 0.24)

    # p9-30 current_yield: annual coupon 4.5 per 100 of face over the price 92.75 = 4.85 %.
    # Distractors: semi-annual payment (the annual coupon is still 4.5) and 9 years left.
    a["p9-30"] = 100 * 4.5 / 92.75

    # p9-31 position_pnl: short 300 at 62.40, bought back at 58.15: 300 * 4.25 = +1,275.
    a["p9-31"] = 300 * (62.40 - 58.15)

    # p9-32 breakeven_win_rate: p * 450 = (1 - p) * 300 -> p = 300 / 750 = 40 %.
    a["p9-32"] = 100 * 300 / (450 + 300)

    # p9-33 dividend_yield: 2.90 / 72.50 = 4 %. Distractor: the P/E of 24.
    a["p9-33"] = 100 * 2.90 / 72.50

    # p9-34 savings_goal: i = 0.048 / 12 = 0.004, n = 60; deposit = 50,000 * i / (1.004^60 - 1)
    # = 200 / 0.270641 = 738.99.
    a["p9-34"] = 50_000 * 0.004 / (1.004**60 - 1)

    # p9-35 years_to_target: ln(40 / 25) / ln 1.06 = 0.470004 / 0.058269 = 8.066 years.
    a["p9-35"] = math.log(40_000 / 25_000) / math.log(1.06)

    # p9-36 loan_balance: i = 6.5 % / 12, 360 payments of 2,528.27; balance after 60:
    # 400,000 * (1 + i)^60 - 2,528.27 * ((1 + i)^60 - 1) / i = 374,443.91.
    a["p9-36"] = hand.remaining_balance(400_000, 0.065 / 12, 360, 60)

    # p9-37 tax_equivalent_yield: 3.4 / (1 - 0.32) = 3.4 / 0.68 = 5.0 %.
    a["p9-37"] = 3.4 / (1 - 0.32)

    # p9-38 percent_change: (3.87 - 3.19) / 3.19 = 0.68 / 3.19 = 21.32 %.
    a["p9-38"] = 100 * (3.87 - 3.19) / 3.19

    # p9-39 irr: -10,000 + 3,000 / (1 + r) + 4,000 / (1 + r)^2 + 5,000 / (1 + r)^3 = 0
    # at r = 8.90 % (at 9 %: -20.1; at 8.8 %: +18.7).
    a["p9-39"] = 100 * hand.solve_irr([-10_000, 3_000, 4_000, 5_000])

    # p9-40 pe_ratio: 84.60 / 3.76 = 22.5 times. Distractor: the $1.20 dividend.
    a["p9-40"] = 84.60 / 3.76

    # p9-41 fx_conversion: EUR/USD 1.0850 = USD per EUR: 1,250 * 1.085 = 1,356.25, plus the
    # 3 % card fee: 1,356.25 * 1.03 = 1,396.94.
    a["p9-41"] = 1_250 * 1.0850 * 1.03

    # p9-42 black_scholes_call: T = 0.5; d1 = (ln(50/52) + (0.04 + 0.045) * 0.5) / (0.3 *
    # 0.70711) = (-0.039221 + 0.0425) / 0.212132 = 0.01546; d2 = -0.19667;
    # C = 50 N(d1) - 52 e^-0.02 N(d2) = 3.797. Distractor: the stock's beta 1.3.
    a["p9-42"] = hand.black_scholes(50, 52, 0.5, 0.04, 0.30)[0]

    # p9-43 option_pnl: 3 contracts * 100 * ((153.50 - 145) - 4.20) = 300 * 4.30 = 1,290.
    a["p9-43"] = 3 * 100 * ((153.50 - 145) - 4.20)

    # p9-44 risk_sizing: risk 1 % of 40,000 = 400; per share 27.80 - 26.15 = 1.65;
    # 400 / 1.65 = 242.4 -> 242 shares. Distractor: the 32.00 target.
    a["p9-44"] = math.floor(400 / 1.65)

    # p9-45 sharpe_comparison: A (9 - 3) / 12 = 0.500, B (12 - 3) / 19 = 0.474 -> fund A, 1.
    a["p9-45"] = 1 if (9 - 3) / 12 > (12 - 3) / 19 else 2

    # p9-46 simple_interest: 7,500 * 0.06 * 146 / 365 = 450 * 0.4 = 180.
    a["p9-46"] = 7_500 * 0.06 * 146 / 365

    # p9-47 average_cost: (4,520 + 2,090 + 5,835) / 300 = 12,445 / 300 = 41.48.
    # Distractor: today's price 43.10.
    a["p9-47"] = (100 * 45.20 + 50 * 41.80 + 150 * 38.90) / (100 + 50 + 150)

    # p9-48 payback_period: after 3 years 35k + 40k + 45k = 120k recovered, 10k left of
    # year 4's 50k: 3 + 10 / 50 = 3.2 years. Distractor: the 10 % cost of capital.
    a["p9-48"] = 3 + (130_000 - 120_000) / 50_000

    # p9-49 compounding: 15,000 * 1.0325^12 = 15,000 * 1.46785 = 22,017.70.
    a["p9-49"] = 15_000 * 1.0325**12

    # p9-50 duration_price_change: -6.2 * 0.0035 = -2.17 %.
    a["p9-50"] = -6.2 * 35 / 10_000 * 100

    # p9-51 other (fund fee): 48,000 * 0.35 % = 168. Distractor: last year's 9 % return.
    a["p9-51"] = 48_000 * 0.35 / 100

    # p9-52 other (back-end DTI): (1,650 + 420 + 280) / 6,500 = 2,350 / 6,500 = 36.15 %.
    a["p9-52"] = 100 * 2_350 / 6_500

    # p9-53 other (market cap): 1.45e9 * 37.20 = 53.94 billion.
    a["p9-53"] = 1_450_000_000 * 37.20

    # p9-54 other (current ratio): 2.3 / 1.6 = 1.4375. Distractor: inventory $0.5M (it would
    # matter for the quick ratio, not this one).
    a["p9-54"] = 2.3 / 1.6

    # p9-55 other (payout ratio): 1.95 / 5.20 = 37.5 %.
    a["p9-55"] = 100 * 1.95 / 5.20

    # p9-56 other (how long a pot lasts): 1,000,000 = 60,000 * (1 - 1.04^-n) / 0.04
    # -> 1.04^-n = 1 - 40,000 / 60,000 = 1/3 -> n = ln 3 / ln 1.04 = 28.01 years.
    a["p9-56"] = math.log(3) / math.log(1.04)

    # p9-57 other (covered calls): floor(1,250 / 100) = 12 contracts.
    a["p9-57"] = 1_250 // 100

    # p9-58 other (interest coverage): 84 / 12.5 = 6.72 times.
    a["p9-58"] = 84 / 12.5

    # p9-59 other (gross rental yield): 12 * 1,850 / 385,000 = 22,200 / 385,000 = 5.77 %.
    a["p9-59"] = 100 * 12 * 1_850 / 385_000

    # p9-60 other (ROE): 18.6 / 142 = 13.10 %. Distractor: total assets $410M.
    a["p9-60"] = 100 * 18.6 / 142

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
