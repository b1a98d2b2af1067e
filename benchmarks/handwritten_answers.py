"""Hand-written arithmetic for every answer in ``benchmarks/handwritten.jsonl``.

The questions were written by hand, in plain words, without looking at the dataset generator's
templates; each answer below is worked out step by step so a reader can check it with a
calculator. Conventions: percent answers in percent points (22.6 for 22.6 %), drawdowns and
losses as positive percentages, currency in the question's currency, ``rank`` = the number of
the chosen item.

    python benchmarks/handwritten_answers.py   # prints each answer, exits 1 on any mismatch

A test (tests/evaluation/test_handwritten.py) checks that the JSONL matches these values.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

JSONL = Path(__file__).with_name("handwritten.jsonl")
REL_TOL = 1e-4  # the JSONL stores answers rounded to 6 decimals


def _npv(rate: float, cash_flows: list[float]) -> float:
    # cash_flows[t] is received at the end of year t (t = 0 is today).
    return sum(cf / (1 + rate) ** t for t, cf in enumerate(cash_flows))


def _max_drawdown_pct(prices: list[float]) -> float:
    worst, peak = 0.0, prices[0]
    for price in prices:
        peak = max(peak, price)
        worst = max(worst, (peak - price) / peak)
    return worst * 100


def _position_of_max(*values: float) -> int:
    # 1-based position of the largest value: "which one" answers (unit rank)
    return 1 + values.index(max(values))


ANSWERS: dict[str, float] = {
    # $12,000 at 4.5 % a year, annual compounding, 8 years: 12000 * 1.045^8
    "hw-01": 12_000 * 1.045**8,
    # $2,500 at 6 % a year compounded monthly for 3 years: 36 months at 0.5 %
    "hw-02": 2_500 * (1 + 0.06 / 12) ** 36,
    # peak 148.20, trough 111.15: (148.20 - 111.15) / 148.20 = 37.05 / 148.20 = 25 %
    "hw-03": (148.20 - 111.15) / 148.20 * 100,
    # path 50, 58, 61, 47, 52, 66, 55: worst fall is 61 -> 47 = 14 / 61 (66 -> 55 is only 16.7 %)
    "hw-04": _max_drawdown_pct([50, 58, 61, 47, 52, 66, 55]),
    # strategy 1: (11 - 3) / 14 = 0.571, strategy 2: (8 - 3) / 7 = 0.714 -> strategy 2
    "hw-05": _position_of_max((11 - 3) / 14, (8 - 3) / 7),
    # (13.5 - 4.5) / 18 = 0.5
    "hw-06": (13.5 - 4.5) / 18,
    # 0.6 % daily * sqrt(252)
    "hw-07": 0.6 * math.sqrt(252),
    # 2.2 % weekly * sqrt(52)
    "hw-08": 2.2 * math.sqrt(52),
    # risk 1.5 % of $250,000 = $3,750; $5 risk per share (84 - 79): 750 shares
    "hw-09": 250_000 * 0.015 / (84 - 79),
    # risk 2 % of $40,000 = $800; $1.60 per share: 500 shares
    "hw-10": 40_000 * 0.02 / 1.60,
    # Sharpe of funds 1, 2, 3: (9-2)/10 = 0.7, (12-2)/20 = 0.5, (7-2)/5 = 1.0 -> fund 3
    "hw-11": _position_of_max((9 - 2) / 10, (12 - 2) / 20, (7 - 2) / 5),
    # (13,500 / 8,000)^(1/6) - 1
    "hw-12": ((13_500 / 8_000) ** (1 / 6) - 1) * 100,
    # (3.1 / 2.4)^(1/4) - 1
    "hw-13": ((3.1 / 2.4) ** (1 / 4) - 1) * 100,
    # 5,000 * e^(0.032 * 7)
    "hw-14": 5_000 * math.exp(0.032 * 7),
    # ln(80.10 / 72.40)
    "hw-15": math.log(80.10 / 72.40) * 100,
    # (51 - 45 + 1.20) / 45 = 7.20 / 45 = 16 %
    "hw-16": (51 - 45 + 1.20) / 45 * 100,
    # after -35 % you hold 0.65; need 1 / 0.65 - 1
    "hw-17": (1 / (1 - 0.35) - 1) * 100,
    # after -20 % you hold 0.8; need 1 / 0.8 - 1 = 25 %
    "hw-18": (1 / (1 - 0.20) - 1) * 100,
    # -10,000 + 4,000 / 1.08 + 4,000 / 1.08^2 + 4,000 / 1.08^3
    "hw-19": _npv(0.08, [-10_000, 4_000, 4_000, 4_000]),
    # annuity payment: P * r / (1 - (1 + r)^-n), r = 0.5 % a month, n = 360
    "hw-20": 200_000 * 0.005 / (1 - 1.005**-360),
    # annuity payment, r = 7 %, n = 5
    "hw-21": 15_000 * 0.07 / (1 - 1.07**-5),
    # 50 / 1.06 + 50 / 1.06^2 + 50 / 1.06^3 + 1,050 / 1.06^4
    "hw-22": _npv(0.06, [0, 50, 50, 50, 1_050]),
    # 1,000 / 1.045^10
    "hw-23": 1_000 / 1.045**10,
    # price 100 at par; time-weighted PVs: (1*10/1.1 + 2*10/1.1^2 + 3*110/1.1^3) / 100
    "hw-24": (1 * 10 / 1.1 + 2 * 10 / 1.1**2 + 3 * 110 / 1.1**3) / 100,
    # modified duration = Macaulay / (1 + y) = 7.2 / 1.05
    "hw-25": 7.2 / 1.05,
    # 3.5 + 1.3 * (9 - 3.5)
    "hw-26": 3.5 + 1.3 * (9 - 3.5),
    # 4 + 0.6 * 6 (6 is already the premium)
    "hw-27": 4 + 0.6 * 6,
    # cov / var = 0.018 / 0.012
    "hw-28": 0.018 / 0.012,
    # (12 - 2) / 8
    "hw-29": (12 - 2) / 8,
    # 15 / 25
    "hw-30": 15 / 25,
    # 2,000,000 * 1.2 % * 1.645
    "hw-31": 2_000_000 * 0.012 * 1.645,
    # 500,000 * 0.9 % * 2.33 * sqrt(10)
    "hw-32": 500_000 * 0.009 * 2.33 * math.sqrt(10),
    # Kelly p - q / b with b = 1: 0.55 - 0.45 = 10 %
    "hw-33": (0.55 - 0.45 / 1) * 100,
    # Kelly p - q / b with b = 3: 0.40 - 0.60 / 3 = 20 %
    "hw-34": (0.40 - 0.60 / 3) * 100,
    # (1.07 / 1.03) - 1
    "hw-35": (1.07 / 1.03 - 1) * 100,
    # sqrt(0.6^2 18^2 + 0.4^2 6^2 + 2 0.6 0.4 0.2 18 6) = sqrt(116.64 + 5.76 + 10.368)
    "hw-36": math.sqrt(0.6**2 * 18**2 + 0.4**2 * 6**2 + 2 * 0.6 * 0.4 * 0.2 * 18 * 6),
    # next dividend 2.00 * 1.04 = 2.08; 2.08 / (0.09 - 0.04)
    "hw-37": 2.00 * 1.04 / (0.09 - 0.04),
    # next dividend given: 3.50 / (0.11 - 0.05)
    "hw-38": 3.50 / (0.11 - 0.05),
    # 2 = 1.07^t  ->  t = ln 2 / ln 1.07
    "hw-39": math.log(2) / math.log(1.07),
    # 30,000 * 0.85 * 1.25: lose 15 %, then gain 25 %
    "hw-40": 30_000 * (1 - 0.15) * (1 + 0.25),
    # dollar volatility: 300,000 * 3 % = 9,000; 1,200,000 * 0.4 % = 4,800; 500,000 * 1.5 % = 7,500
    "hw-41": _position_of_max(300_000 * 0.03, 1_200_000 * 0.004, 500_000 * 0.015),
}


mismatches = answer_check(JSONL, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
