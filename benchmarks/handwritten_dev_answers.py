"""Hand-written arithmetic for every answer in ``benchmarks/handwritten_dev.jsonl``.

The tuning set: questions written by hand the way an analyst or a student types them, without
looking at the generator's templates or at ``handwritten.jsonl``'s failures. Decisions (data
mix, self-consistency, the abstention threshold) may look at this set and at ``validation``;
``handwritten.jsonl`` is report-only. Each answer is worked out step by step below, so a reader
can check it with a calculator. Conventions as in ``handwritten_answers.py``: percent answers in
percent points, currency in the question's currency, ``rank`` = the number of the chosen item,
``count`` = whole shares rounded down.

    python benchmarks/handwritten_dev_answers.py   # prints each answer, exits 1 on any mismatch

A test (tests/evaluation/test_handwritten.py) checks that the JSONL matches these values.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

JSONL = Path(__file__).with_name("handwritten_dev.jsonl")
REL_TOL = 1e-4  # the JSONL stores answers rounded to 6 decimals
Z95 = 1.6448536269514722  # standard normal 95 % quantile (table value)


def _annuity_factor(rate: float, periods: int) -> float:
    # sum of 1 / (1 + rate)^t for t = 1..periods, added term by term
    return sum(1 / (1 + rate) ** t for t in range(1, periods + 1))


def _payment(loan: float, rate_per_period: float, periods: int) -> float:
    # the level payment whose discounted sum equals the loan
    return loan / _annuity_factor(rate_per_period, periods)


def _bond(face: float, coupon_rate: float, yield_rate: float, years: int) -> float:
    coupon = face * coupon_rate
    return coupon * _annuity_factor(yield_rate, years) + face / (1 + yield_rate) ** years


def _macaulay(coupon_rate: float, yield_rate: float, years: int) -> float:
    # per 100 face: time-weighted present values over the price
    flows = [(t, 100 * coupon_rate + (100 if t == years else 0)) for t in range(1, years + 1)]
    pvs = [(t, cf / (1 + yield_rate) ** t) for t, cf in flows]
    return sum(t * pv for t, pv in pvs) / sum(pv for _, pv in pvs)


def _max_drawdown_pct(prices: list[float]) -> float:
    worst, peak = 0.0, prices[0]
    for price in prices:
        peak = max(peak, price)
        worst = max(worst, (peak - price) / peak)
    return worst * 100


ANSWERS: dict[str, float] = {
    # 7500 * 1.052^12
    "d01": 7500 * 1.052**12,
    # 0.3 % a month (3.6 / 12) for 60 months
    "d02": 4000 * (1 + 0.036 / 12) ** 60,
    # 1.5 % a quarter for 32 quarters
    "d03": 25000 * 1.015**32,
    # 4.8 % / 365 a day for 730 days
    "d04": 10000 * (1 + 0.048 / 365) ** 730,
    # ln 2 / ln 1.09 = 8.04 years
    "d05": math.log(2) / math.log(1.09),
    # ln 2 / ln 1.04 = 17.67 years
    "d06": math.log(2) / math.log(1.04),
    # (4.5 / 1.2)^(1/3) - 1 = 3.75^(1/3) - 1
    "d07": (3.75 ** (1 / 3) - 1) * 100,
    # 10 years (2012 -> 2022): (505 / 310)^(1/10) - 1
    "d08": ((505 / 310) ** 0.1 - 1) * 100,
    # 1000 * e^(0.05 * 4)
    "d09": 1000 * math.exp(0.2),
    # (1 + 0.1999 / 12)^12 - 1
    "d10": ((1 + 0.1999 / 12) ** 12 - 1) * 100,
    # 1.0125^4 - 1 = 5.0945 %
    "d11": (1.0125**4 - 1) * 100,
    "d12": 1000 / 1.038**5,
    "d13": 100 / 1.0425**15,
    # 12,000 a year for 20 years at 6 %
    "d14": 12000 * _annuity_factor(0.06, 20),
    "d15": 2500 * _annuity_factor(0.04, 10),
    # 6,000 a year, 25 deposits, each grown to the end: sum of 6000 * 1.07^k, k = 0..24
    "d16": sum(6000 * 1.07**k for k in range(25)),
    # 4.50 / 0.06 = 75
    "d17": 75.0,
    # 50,000 / 0.04
    "d18": 1_250_000.0,
    # 6.5 % / 12 a month, 360 months
    "d19": _payment(350_000, 0.065 / 12, 360),
    "d20": _payment(28_000, 0.049 / 12, 60),
    # 8 %, 7 annual payments
    "d21": _payment(50_000, 0.08, 7),
    # 1.5 % a quarter, 40 quarters
    "d22": _payment(120_000, 0.015, 40),
    # 2.5 % a half-year, 30 half-years
    "d23": _payment(200_000, 0.025, 30),
    # 20,000 * 0.7 = 14,000; * 1.3 = 18,200
    "d24": 18_200.0,
    # 8,500 * 0.88 = 7,480; * 1.18 = 8,826.40
    "d25": 8_826.40,
    # 1.08 * 0.88 * 1.15 = 1.09296 -> 9.296 %
    "d26": 9.296,
    # 1.025 * 0.982 * 1.031 - 1
    "d27": (1.025 * 0.982 * 1.031 - 1) * 100,
    # (58 - 62 + 1.50) / 62 = -2.5 / 62
    "d28": -2.5 / 62 * 100,
    # (131.00 - 118.40 + 2.10) / 118.40 = 14.70 / 118.40
    "d29": 14.70 / 118.40 * 100,
    "d30": math.log(38_900 / 41_200) * 100,
    # 40 / 60 = 66.67 %
    "d31": 40 / 60 * 100,
    "d32": (1.055 / 1.032 - 1) * 100,
    # 64 / 212
    "d33": 64 / 212 * 100,
    # worst fall: 121 -> 95 = 26 / 121 (112 -> 104 is only 7.1 %)
    "d34": _max_drawdown_pct([100, 112, 104, 121, 95, 110]),
    "d35": 1.1 * math.sqrt(252),
    "d36": 3.4 * math.sqrt(12),
    # (11 - 4) / 14 = 0.5
    "d37": 0.5,
    # (9.5 - 2) / 12 = 0.625
    "d38": 0.625,
    # A: 8 / 12 = 0.667, B: 5 / 6 = 0.833 -> B
    "d39": 2,
    # (14 - 4) / 7
    "d40": 10 / 7,
    # (13 - 3) / 1.25 = 8 (percent points per unit of beta)
    "d41": 8.0,
    # (9 - 2.5) / 0.8 = 8.125
    "d42": 8.125,
    # 2.3 / 4.6 = 0.5
    "d43": 0.5,
    # 1.5 / 3
    "d44": 0.5,
    # 18 / 12
    "d45": 1.5,
    # 0.0045 / 0.0036
    "d46": 1.25,
    # 0.7 * 30 / 20
    "d47": 1.05,
    # 4.2 + 1.1 * (10 - 4.2) = 4.2 + 6.38
    "d48": 10.58,
    # premium given: 3 + 0.9 * 5.5
    "d49": 7.95,
    # p - q / b = 0.6 - 0.4 / 1.5 = 0.3333
    "d50": (0.6 - 0.4 / 1.5) * 100,
    # 3,000,000 * 2.33 * 0.015
    "d51": 104_850.0,
    # 750,000 * 0.02 * 1.645 * sqrt(5)
    "d52": 750_000 * 0.02 * Z95 * math.sqrt(5),
    # 10,000,000 * 1.65 * 0.008 * sqrt(10)
    "d53": 10_000_000 * 1.65 * 0.008 * math.sqrt(10),
    # variance: 17.5^2 + 3^2 + 2 * 17.5 * 3 * (-0.3) = 306.25 + 9 - 31.5 = 283.75
    "d54": math.sqrt(283.75),
    # 0.65 * 8 + 0.35 * 3.5 = 5.2 + 1.225
    "d55": 6.425,
    # 250 * 6.65
    "d56": 1_662.5,
    # 1,200 * (16.75 - 18.50) = 1,200 * -1.75
    "d57": -2_100.0,
    # 1 / (1 + 2.5)
    "d58": 100 / 3.5,
    # 0.63 * 4 = 2.52 a year; 2.52 / 84 = 3 %
    "d59": 3.0,
    "d60": 4.0,
    # 1.80 / (0.08 - 0.03)
    "d61": 36.0,
    # 2.50 * 1.04 / (0.10 - 0.04) = 2.60 / 0.06
    "d62": 2.60 / 0.06,
    # 1.20 * 1.06 / 0.05 = 1.272 / 0.05
    "d63": 25.44,
    "d64": _bond(1000, 0.04, 0.05, 10),
    "d65": _bond(100, 0.08, 0.06, 3),
    "d66": _macaulay(0.06, 0.06, 4),
    "d67": _macaulay(0.03, 0.04, 5),
    # 6.5 / 1.04
    "d68": 6.25,
    "d69": -50_000 + 18_000 * _annuity_factor(0.09, 3),
    "d70": -100_000 + 30_000 / 1.07 + 50_000 / 1.07**2 + 40_000 / 1.07**3,
    # risk 600; 1.30 a share -> 461.5 -> 461
    "d71": 461,
    # risk 5,000; 3 a share -> 1,666.7 -> 1,666
    "d72": 1666,
    # dollar vol: 6,000, 8,400, 6,750 -> position 2
    "d73": 2,
    "d74": 100_000 * 1.08**25,
    # (4800 / 3200)^(1/5) - 1 = 1.5^0.2 - 1
    "d75": (1.5**0.2 - 1) * 100,
    # (7.5 - 1.5) / 10
    "d76": 0.6,
    "d77": sum(500 * 1.05**k for k in range(30)),
    # 1.015^12 - 1
    "d78": (1.015**12 - 1) * 100,
    "d79": math.log(2) / math.log(1.06),
    "d80": 50_000 / 1.07**6,
    # 5,000 * 0.5 = 2,500; * 1.8 = 4,500
    "d81": 4_500.0,
    "d82": 22 / 35,
    "d83": 800_000 * 1.645 * 0.013,
    # (6.2 - 7.0) / 2.0
    "d84": -0.4,
}


mismatches = answer_check(JSONL, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
