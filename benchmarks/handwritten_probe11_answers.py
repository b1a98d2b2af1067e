"""Hand-worked answers for ``benchmarks/handwritten_probe11.jsonl`` (the eleventh probe set).

Forty quantitative-finance questions written blind (without reading the task generators, the
training data, the run reports or any other benchmark question file; the writer saw only the
list of tasks with each one's answer unit and convention), typed the way people ask: retail
investors in chat, lowercase and shorthand ("100 sh per contract", "yrs", "$240k all in",
"whats", "lol", "per yahoo") in p11-01, p11-07, p11-11, p11-16, p11-23, p11-26, p11-33,
p11-36; e-mails to a colleague (p11-08, p11-19, p11-32, p11-37); desk and file notes (p11-04,
p11-13, p11-22, p11-40); exam items (p11-03, p11-06, p11-14, p11-25, p11-28, p11-31, p11-39);
markdown tables (p11-10, p11-24, p11-34); bullet lists (p11-20, p11-29, p11-39); non-native
English (p11-05, p11-09, p11-15, p11-18, p11-30, p11-35, p11-38); comma decimals ("3,85 %",
"2,45 %", "2,8 %") in p11-18, p11-30 and p11-38; amounts as "$240k", "1.8m", "0.45m",
"EUR 2.4m", "75 000". Each task is named the way people name it, rarely by its own name:
"what's my p&l", "how many yrs till we get the 240k back", "implied cross", "P&I payment",
"level quarterly instalment", "annualized", "hurdle", "cost of equity".

Eight tasks, five questions each (the ``family`` field): option_pnl (p11-01..05), payback_period
(p11-06..10), fx_cross (p11-11..15), loan_payment (p11-16..20), loan_instalment (p11-21..25),
vol_annualisation (p11-26..30), npv (p11-31..35), capm_premium (p11-36..40).

Figures the answer must ignore (each block below names it): the purchase price and the down
payment beside a stated loan amount in p11-16, p11-17, p11-20 (in p11-18 and p11-19 the loan is
price less down payment, worked out by the reader); the purchase price beside the stated loan in
every loan_instalment question, p11-21..25; the mean return over the same period in every
vol_annualisation question, p11-26..30; a sunk cost (feasibility study, consultants' fees,
market survey, R&D to date, engineer's site assessment) in every npv question, p11-31..35;
last year's market or index return in every capm_premium question, p11-36..40.

Conventions, all stated in the questions or the task's own: percent answers in points (5.15
for 5.15 %), a loss negative; long options held to expiry, 100 shares a contract, P&L =
contracts * 100 * (intrinsic value at expiry - premium), less any commission the question
states (p11-04: $0.65 per contract on the purchase only); simple payback with undiscounted
inflows arriving evenly through each year, so the last year counts as a fraction; cross rates
BASE/QUOTE in units of QUOTE per one BASE, built through the US dollar from market-convention
quotes (EUR/USD, GBP/USD, AUD/USD quote dollars per unit; USD/JPY, USD/CHF, USD/CAD quote units
per dollar); level payments P * i / (1 - (1 + i)^-n) with i the nominal annual rate divided by
the payments a year (12, 4, 2 or 1); volatility scaled by sqrt(252), sqrt(52) or sqrt(12); NPV
of year-end inflows less today's outlay; CAPM as risk-free + beta * premium.

The JSONL stores answers rounded to 4 decimals; it was written from a second, independent solve
of each question from its text alone (option payoffs added share by share, payback by running
down the outlay year by year, each cross via dollars per unit, the level payments found by
bisection on the balance left after the last payment, the square roots by bisection, discount
factors built by repeated division): 40 of 40 agree with the arithmetic here.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

QUESTIONS = Path(__file__).resolve().parent / "handwritten_probe11.jsonl"
REL_TOL = 1e-4  # the JSONL stores answers rounded to 4 decimals


def level_payment(principal: float, i: float, n: int) -> float:
    """Level payment repaying principal in n payments at i per period (first one period on)."""
    return principal * i / (1 - (1 + i) ** -n)


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # p11-01 option_pnl (long call, in the money): 3 * 100 * ((198.35 - 190) - 4.20)
    # = 300 * (8.35 - 4.20) = 300 * 4.15 = 1,245.
    a["p11-01"] = 3 * 100 * ((198.35 - 190) - 4.20)

    # p11-02 option_pnl (long put, out of the money: 47.60 > 45, expires worthless):
    # 5 * 100 * (0 - 1.85) = -925.
    a["p11-02"] = 5 * 100 * (0 - 1.85)

    # p11-03 option_pnl (long call, in the money but below break-even 63.50):
    # 10 * 100 * ((61.20 - 60) - 3.50) = 1,000 * (1.20 - 3.50) = -2,300.
    a["p11-03"] = 10 * 100 * ((61.20 - 60) - 3.50)

    # p11-04 option_pnl (long put, in the money): 2 * 100 * ((120 - 104.75) - 6.40) - 2 * 0.65
    # = 200 * (15.25 - 6.40) - 1.30 = 1,770 - 1.30 = 1,768.70.
    a["p11-04"] = 2 * 100 * ((120 - 104.75) - 6.40) - 2 * 0.65

    # p11-05 option_pnl (long call, out of the money: 49.80 < 52.50, expires worthless):
    # 4 * 100 * (0 - 2.15) = -860.
    a["p11-05"] = 4 * 100 * (0 - 2.15)

    # p11-06 payback_period: cumulative 12k, 27k, 45k after 3 years; 5k of 50k left,
    # recovered in 5 / 20 of year 4: 3 + 5,000 / 20,000 = 3.25.
    a["p11-06"] = 3 + (50_000 - 12_000 - 15_000 - 18_000) / 20_000

    # p11-07 payback_period: cumulative 60k, 140k, 215k after 3 years; 25k left of year 4's
    # 90k: 3 + 25 / 90 = 3.2778.
    a["p11-07"] = 3 + (240 - 60 - 80 - 75) / 90

    # p11-08 payback_period: cumulative 0.3m, 0.75m, 1.25m after 3 years; 0.55m left of year
    # 4's 0.6m: 3 + 0.55 / 0.6 = 3.9167.
    a["p11-08"] = 3 + (1.8 - 0.3 - 0.45 - 0.5) / 0.6

    # p11-09 payback_period: cumulative 30k, 55k after 2 years; 20k left of year 3's 22k:
    # 2 + 20 / 22 = 2.9091.
    a["p11-09"] = 2 + (75_000 - 30_000 - 25_000) / 22_000

    # p11-10 payback_period: cumulative 95k, 205k, 275k, 405k after 4 years; 15k left of
    # year 5's 140k: 4 + 15 / 140 = 4.1071.
    a["p11-10"] = 4 + (420_000 - 95_000 - 110_000 - 70_000 - 130_000) / 140_000

    # p11-11 fx_cross (XXX/USD with YYY/USD): EUR/GBP = EUR/USD / GBP/USD
    # = 1.0850 / 1.2710 = 0.8537 pounds per euro.
    a["p11-11"] = 1.0850 / 1.2710

    # p11-12 fx_cross (XXX/USD with USD/YYY): GBP/JPY = GBP/USD * USD/JPY
    # = 1.2645 * 151.30 = 191.3189 yen per pound.
    a["p11-12"] = 1.2645 * 151.30

    # p11-13 fx_cross (XXX/USD with USD/YYY): AUD/CAD = AUD/USD * USD/CAD
    # = 0.6585 * 1.3640 = 0.8982 CAD per AUD.
    a["p11-13"] = 0.6585 * 1.3640

    # p11-14 fx_cross (USD/XXX with USD/YYY): CHF/JPY = USD/JPY / USD/CHF
    # = 149.85 / 0.8840 = 169.5136 yen per franc.
    a["p11-14"] = 149.85 / 0.8840

    # p11-15 fx_cross (USD/XXX with YYY/USD): one franc = 1 / 0.8790 dollars, one Aussie dollar
    # = 0.6540 dollars; CHF/AUD = 1 / (0.8790 * 0.6540) = 1 / 0.574866 = 1.7395 AUD per CHF.
    a["p11-15"] = 1 / (0.8790 * 0.6540)

    # p11-16 loan_payment: i = 6.5 % / 12, n = 360; annuity factor 158.2108;
    # 340,000 / 158.2108 = 2,149.03. Ignored: the $425,000 price and $85,000 down (loan stated).
    a["p11-16"] = level_payment(340_000, 0.065 / 12, 360)

    # p11-17 loan_payment: i = 7.9 % / 12, n = 60; annuity factor 49.4350;
    # 32,500 / 49.4350 = 657.43. Ignored: the $38,500 price and $6,000 down (loan stated).
    a["p11-17"] = level_payment(32_500, 0.079 / 12, 60)

    # p11-18 loan_payment: loan = 310,000 - 15 % * 310,000 = 263,500 (worked out);
    # i = 3.85 % / 12, n = 300; annuity factor 192.4595; 263,500 / 192.4595 = 1,369.12.
    a["p11-18"] = level_payment(310_000 - 0.15 * 310_000, 0.0385 / 12, 300)

    # p11-19 loan_payment: loan = 27,900 - 3,900 = 24,000 (worked out); i = 5.49 % / 12,
    # n = 72; annuity factor 61.2250; 24,000 / 61.2250 = 392.00.
    a["p11-19"] = level_payment(27_900 - 3_900, 0.0549 / 12, 72)

    # p11-20 loan_payment: i = 6.875 % / 12, n = 180; annuity factor 112.1259;
    # 448,000 / 112.1259 = 3,995.51. Ignored: the $560,000 price and $112,000 down (loan stated).
    a["p11-20"] = level_payment(448_000, 0.06875 / 12, 180)

    # p11-21 loan_instalment (annual): i = 8 %, n = 10; annuity factor 6.7101;
    # 150,000 / 6.7101 = 22,354.42. Ignored: the $180,000 tractor price.
    a["p11-21"] = level_payment(150_000, 0.08, 10)

    # p11-22 loan_instalment (semi-annual): i = 6 % / 2 = 3 %, n = 30; annuity factor 19.6004;
    # 1,800,000 / 19.6004 = 91,834.67. Ignored: the EUR 2.4m building price.
    a["p11-22"] = level_payment(1_800_000, 0.06 / 2, 30)

    # p11-23 loan_instalment (quarterly): i = 9 % / 4 = 2.25 %, n = 20; annuity factor 15.9637;
    # 50,000 / 15.9637 = 3,132.10. Ignored: the 62,000 van price.
    a["p11-23"] = level_payment(50_000, 0.09 / 4, 20)

    # p11-24 loan_instalment (quarterly): i = 7.2 % / 4 = 1.8 %, n = 32; annuity factor 24.1650;
    # 70,000 / 24.1650 = 2,896.75. Ignored: the $95,000 boat price.
    a["p11-24"] = level_payment(70_000, 0.072 / 4, 32)

    # p11-25 loan_instalment (semi-annual): i = 5.5 % / 2 = 2.75 %, n = 14; annuity factor
    # 11.4910; 600,000 / 11.4910 = 52,214.74. Ignored: the $850,000 machine price.
    a["p11-25"] = level_payment(600_000, 0.055 / 2, 14)

    # p11-26 vol_annualisation (daily): 1.45 * sqrt(252) = 1.45 * 15.8745 = 23.0180 %.
    # Ignored: the 0.06 % mean daily return.
    a["p11-26"] = 1.45 * math.sqrt(252)

    # p11-27 vol_annualisation (weekly): 3.2 * sqrt(52) = 3.2 * 7.2111 = 23.0755 %.
    # Ignored: the 0.25 % mean weekly return.
    a["p11-27"] = 3.2 * math.sqrt(52)

    # p11-28 vol_annualisation (monthly): 5.8 * sqrt(12) = 5.8 * 3.4641 = 20.0918 %.
    # Ignored: the 1.1 % average monthly return.
    a["p11-28"] = 5.8 * math.sqrt(12)

    # p11-29 vol_annualisation (daily): 0.92 * sqrt(252) = 0.92 * 15.8745 = 14.6045 %.
    # Ignored: the 0.04 % mean daily return.
    a["p11-29"] = 0.92 * math.sqrt(252)

    # p11-30 vol_annualisation (weekly): 2.45 * sqrt(52) = 2.45 * 7.2111 = 17.6672 %.
    # Ignored: the 0,18 % mean weekly return.
    a["p11-30"] = 2.45 * math.sqrt(52)

    # p11-31 npv: -150,000 + 50,000 / 1.09 + 60,000 / 1.09^2 + 70,000 / 1.09^3
    # = -150,000 + 45,871.56 + 50,500.80 + 54,052.84 = 425.20.
    # Ignored: the $12,000 feasibility study (sunk).
    a["p11-31"] = -150_000 + 50_000 / 1.09 + 60_000 / 1.09**2 + 70_000 / 1.09**3

    # p11-32 npv: -2,400,000 + 700k / 1.11 + 800k / 1.11^2 + 900k / 1.11^3 + 600k / 1.11^4
    # = -2,400,000 + 630,630.63 + 649,297.95 + 658,072.24 + 395,238.58 = -66,760.60.
    # Ignored: the 180k consultants' fees (sunk).
    a["p11-32"] = (
        -2_400_000 + 700_000 / 1.11 + 800_000 / 1.11**2 + 900_000 / 1.11**3 + 600_000 / 1.11**4
    )

    # p11-33 npv: -80,000 + 22k / 1.075 + 25k / 1.075^2 + 28k / 1.075^3 + 30k / 1.075^4
    # + 20k / 1.075^5 = -80,000 + 20,465.12 + 21,633.32 + 22,538.90 + 22,464.02 + 13,931.17
    # = 21,032.52. Ignored: the $5k market survey (sunk).
    a["p11-33"] = (
        -80_000
        + 22_000 / 1.075
        + 25_000 / 1.075**2
        + 28_000 / 1.075**3
        + 30_000 / 1.075**4
        + 20_000 / 1.075**5
    )

    # p11-34 npv: -1,000,000 + 300,000 * (1 - 1.1^-4) / 0.1 = -1,000,000 + 300,000 * 3.169865
    # = -49,040.37. Ignored: the $250,000 R&D spent so far (sunk).
    a["p11-34"] = -1_000_000 + 300_000 * (1 - 1.1**-4) / 0.1

    # p11-35 npv: -45,000 + 15,000 / 1.12 + 18,000 / 1.12^2 + 20,000 / 1.12^3
    # = -45,000 + 13,392.86 + 14,349.49 + 14,235.60 = -3,022.05.
    # Ignored: the 3 500 paid for the engineer's site assessment (sunk).
    a["p11-35"] = -45_000 + 15_000 / 1.12 + 18_000 / 1.12**2 + 20_000 / 1.12**3

    # p11-36 capm_premium: 4.3 + 1.2 * 5 = 4.3 + 6.0 = 10.3 %.
    # Ignored: the S&P's 26 % last year.
    a["p11-36"] = 4.3 + 1.2 * 5

    # p11-37 capm_premium: 3.75 + 0.9 * 5.5 = 3.75 + 4.95 = 8.7 %.
    # Ignored: the index's 18.4 % over the last 12 months.
    a["p11-37"] = 3.75 + 0.9 * 5.5

    # p11-38 capm_premium: 2.8 + 1.35 * 6 = 2.8 + 8.1 = 10.9 %.
    # Ignored: the DAX's 20,3 % last year.
    a["p11-38"] = 2.8 + 1.35 * 6

    # p11-39 capm_premium: 4.6 + 0.65 * 4.8 = 4.6 + 3.12 = 7.72 %.
    # Ignored: the market index's -8.5 % last year.
    a["p11-39"] = 4.6 + 0.65 * 4.8

    # p11-40 capm_premium: 5.1 + 1.55 * 5.25 = 5.1 + 8.1375 = 13.2375 %.
    # Ignored: the FTSE 100's 7.9 % total return over the past year.
    a["p11-40"] = 5.1 + 1.55 * 5.25

    return a


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
