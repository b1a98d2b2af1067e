"""Hand-worked answers for ``benchmarks/handwritten_probe8.jsonl`` (the eighth probe set).

Forty-eight quantitative-finance questions written blind (without reading the training
tasks, the generator, the training data or any earlier benchmark question file), typed the
way people ask: retail investors in chat, lowercase and typos ("quick q", "pls", "whats my
stock weight now?", "12k"), e-mails to a colleague (p8-02, p8-17, p8-27, p8-29, p8-41),
analysts' and desk notes (p8-06, p8-08, p8-20, p8-21, p8-38), exam items (p8-07, p8-16,
p8-19, p8-25, p8-28, p8-31, p8-37, p8-43), markdown tables (p8-24, p8-35), bullet lists
(p8-18, p8-44), non-native writers with comma decimals and spaced thousands (p8-03, p8-15,
p8-30, p8-39, p8-47), and numbers as "84k", "EUR 1.2M", "$1.2M", "$38.5m", "3\u00bd%",
"25 bp", "87,30 EUR", "2 500 EUR".

Sixteen tasks, three questions each (the ``family`` field): rebalance_trade (p8-01..03),
drifted_weight (p8-04..06), futures_hedge_contracts (p8-07..09), currency_return
(p8-10..12), split_adjusted_price (p8-13..15), rights_issue_terp (p8-16..18), weighted_eps
(p8-19..21), payback_period (p8-22..24), trade_credit_cost (p8-25..27), accrued_interest
(p8-28..30), tbill_yield (p8-31..33), time_weighted_return (p8-34..36), bond_ytm
(p8-37..39), loan_apr (p8-40..42), money_weighted_return (p8-43..45) and shares_affordable
(p8-46..48).  Units: currency, percent (in points), years and count.

16 questions carry a distractor figure that the answer must ignore: p8-02, p8-05, p8-08,
p8-12, p8-14, p8-17, p8-20, p8-23, p8-27, p8-29, p8-33, p8-35, p8-38, p8-42, p8-44, p8-47;
each block below names it.  Conventions, all stated in the questions: a fall negative
(p8-11's local return, p8-36's loss), a currency answer in the question's currency, whole
contracts to the nearest one, whole shares rounded down (the commission comes out of the
same cash), a simple 365-day annualisation for trade credit and T-bills, 30/360 accrued
interest from the day count given, YTM with annual coupons bought just after a coupon and
annual compounding, APR = 12 x the monthly rate of end-of-month level payments, IRR annual.

Every count answer is below 50, so the checker's 0.5 absolute floor (larger than 1 % of
the answer there) rejects an answer one contract or one share off: p8-07 rounds 39.81 up,
p8-46..48 are one share fewer than the cash buys without the commission.

YTM, APR and IRR are solved below by a bisection of this script's own (``bisect``), not
by ``hand_arithmetic``.  The JSONL stores answers rounded to 4 decimals (counts exact); it
was written from a second, independent solve of each question from its text alone
(Newton's method for YTM/APR/IRR, the quadratic formula for the two-year IRRs, a search
over whole share counts, months-weighted share counts written segment by segment):
48 of 48 agree with the arithmetic here.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

QUESTIONS = Path(__file__).resolve().parent / "handwritten_probe8.jsonl"
REL_TOL = 1e-4  # the JSONL stores answers rounded to 4 decimals


def bisect(f, lo: float, hi: float) -> float:
    """Root of ``f`` in [lo, hi] (f changes sign there), to machine precision."""
    f_lo = f(lo)
    assert f_lo * f(hi) < 0, "root not bracketed"
    for _ in range(200):
        mid = (lo + hi) / 2
        f_mid = f(mid)
        if f_lo * f_mid <= 0:
            hi = mid
        else:
            lo, f_lo = mid, f_mid
    return (lo + hi) / 2


def bond_ytm(price: float, face: float, coupon_rate: float, years: int) -> float:
    """Annual-compounding yield (%) of an annual-coupon bond bought just after a coupon."""

    def excess(y: float) -> float:
        coupons = sum(face * coupon_rate / (1 + y) ** t for t in range(1, years + 1))
        return coupons + face / (1 + y) ** years - price

    return 100 * bisect(excess, -0.5, 1.0)


def loan_apr(principal: float, payment: float, months: int) -> float:
    """Nominal annual rate (%) compounded monthly: 12 x the monthly rate i at which the
    present value of ``months`` end-of-month payments equals ``principal``."""

    def excess(i: float) -> float:
        return payment * (1 - (1 + i) ** -months) / i - principal

    return 12 * 100 * bisect(excess, 1e-9, 0.5)


def annual_irr(flows: list[float]) -> float:
    """IRR (%) of ``flows`` at t = 0, 1, 2, ... years."""

    def npv(r: float) -> float:
        return sum(cf / (1 + r) ** t for t, cf in enumerate(flows))

    return 100 * bisect(npv, -0.9, 1.0)


def whole_shares(cash: float, price: float, commission: float) -> int:
    """Most whole shares with shares x price + flat commission <= cash."""
    return math.floor((cash - commission) / price)


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # p8-01 rebalance_trade: total 84k + 36k = 120k; stock target 60 % = 72k; sell 84k - 72k.
    a["p8-01"] = 84_000 - 0.60 * (84_000 + 36_000)

    # p8-02 rebalance_trade: total EUR 1.75M; equity target 65 % = 1,137,500; sell the excess.
    # Distractor: the 25 bp mandate fee, billed separately.
    a["p8-02"] = 1_200_000 - 0.65 * (1_200_000 + 550_000)

    # p8-03 rebalance_trade: total 700k; the bond fund is overweight (35 % vs 30 %);
    # sell 245k - 30 % x 700k = 35k of it (the share fund's 455k -> 490k).
    a["p8-03"] = 245_000 - 0.30 * (455_000 + 245_000)

    # p8-04 drifted_weight: 0.60 x 1.15 / (0.60 x 1.15 + 0.40 x 0.98).
    a["p8-04"] = 100 * 0.60 * 1.15 / (0.60 * 1.15 + 0.40 * 0.98)

    # p8-05 drifted_weight: 0.70 x 0.78 / (0.70 x 0.78 + 0.30 x 1.03).
    # Distractor: the 6.5 % inflation.
    a["p8-05"] = 100 * 0.70 * 0.78 / (0.70 * 0.78 + 0.30 * 1.03)

    # p8-06 drifted_weight: equity 250k x 1.084 x 0.970, bonds 150k x 1.012 x 1.020.
    equity = 250_000 * (1 + 0.084) * (1 - 0.030)
    bonds = 150_000 * (1 + 0.012) * (1 + 0.020)
    a["p8-06"] = 100 * equity / (equity + bonds)

    # p8-07 futures_hedge_contracts: beta x V / (F x multiplier) = 1.15 x 9M / (5,200 x 50)
    # = 39.81 -> 40 (nearest, not rounded down).
    a["p8-07"] = round(1.15 * 9_000_000 / (5_200 * 50))

    # p8-08 futures_hedge_contracts: 0.85 x 2.2M / (4,950 x 10) = 37.78 -> 38.
    # Distractor: the 3.1 % index dividend yield.
    a["p8-08"] = round(0.85 * 2_200_000 / (4_950 * 10))

    # p8-09 futures_hedge_contracts: 1.3 x 3.1M / (8,150 x 10) = 49.45 -> 49.
    a["p8-09"] = round(1.3 * 3_100_000 / (8_150 * 10))

    # p8-10 currency_return: (1 + 12 %) (1 - 5 %) - 1.
    a["p8-10"] = 100 * ((1 + 0.12) * (1 - 0.05) - 1)

    # p8-11 currency_return: (1 - 4 %) (1 + 7 %) - 1 (yen up against sterling helps).
    a["p8-11"] = 100 * ((1 - 0.04) * (1 + 0.07) - 1)

    # p8-12 currency_return: CAD in 50.00 x 1.3500 = 67.50, CAD out 54.50 x 1.3200 = 71.94.
    # Distractor: the S&P 500's 11 %.
    a["p8-12"] = 100 * (54.50 * 1.3200 / (50.00 * 1.3500) - 1)

    # p8-13 split_adjusted_price: 3-for-1, 294.60 / 3.
    a["p8-13"] = 294.60 / 3

    # p8-14 split_adjusted_price: 1-for-8 reverse split, 1.37 x 8.
    # Distractor: the 2,400 shares held.
    a["p8-14"] = 1.37 * 8

    # p8-15 split_adjusted_price: 3-for-2, EUR 87.30 ("87,30") x 2 / 3.
    a["p8-15"] = 87.30 * 2 / 3

    # p8-16 rights_issue_terp: (5 x 4.10 + 1 x 3.20) / 6.
    a["p8-16"] = (5 * 4.10 + 1 * 3.20) / (5 + 1)

    # p8-17 rights_issue_terp: (7 x 18.20 + 2 x 14.00) / 9.
    # Distractor: the 63 million shares in issue (it scales both sides alike).
    a["p8-17"] = (7 * 18.20 + 2 * 14.00) / (7 + 2)

    # p8-18 rights_issue_terp: (5 x 24.00 + 1 x 15.00) / 6 (the $150M is 10M new x $15).
    a["p8-18"] = (5 * 24.00 + 1 * 15.00) / (5 + 1)

    # p8-19 weighted_eps: (4.8M - 0.6M) / (2.0M + 0.6M x 9 / 12) = 4.2M / 2.45M.
    a["p8-19"] = (4_800_000 - 600_000) / (2_000_000 + 600_000 * 9 / 12)

    # p8-20 weighted_eps: (38.5 - 2.5) / (10.0 + 2.0 x 6/12 + 1.2 x 3/12) = 36 / 11.3 ($m).
    # Distractor: the $0.80 common dividend per share (not deducted in basic EPS).
    a["p8-20"] = (38.5 - 2.5) / (10.0 + 2.0 * 6 / 12 + 1.2 * 3 / 12)

    # p8-21 weighted_eps: (12.6 - 0.9) / (8.0 + 1.5 x 8 / 12) = 11.7 / 9.0 (EUR m;
    # 1 May to 31 Dec is 8 months).
    a["p8-21"] = (12.6 - 0.9) / (8.0 + 1.5 * 8 / 12)

    # p8-22 payback_period: cumulative 12k, 27k, 45k; 5k of year 4's 20k -> 3 + 5 / 20.
    a["p8-22"] = 3 + (50_000 - (12_000 + 15_000 + 18_000)) / 20_000

    # p8-23 payback_period: cumulative 300k, 650k, 1,050k; 150k of year 4's 450k.
    # Distractor: the 10 % cost of capital (payback is undiscounted).
    a["p8-23"] = 3 + (1_200_000 - (300_000 + 350_000 + 400_000)) / 450_000

    # p8-24 payback_period: cumulative 10k, 35k, 65k; 20k of year 4's 35k.
    a["p8-24"] = 3 + (85_000 - (10_000 + 25_000 + 30_000)) / 35_000

    # p8-25 trade_credit_cost: d / (1 - d) x 365 / (net - discount days) = 2/98 x 365/20.
    a["p8-25"] = 100 * 0.02 / (1 - 0.02) * 365 / (30 - 10)

    # p8-26 trade_credit_cost: 1/99 x 365/30.
    a["p8-26"] = 100 * 0.01 / (1 - 0.01) * 365 / (45 - 15)

    # p8-27 trade_credit_cost: 3/97 x 365/50.
    # Distractor: the revolver's 9.5 %.
    a["p8-27"] = 100 * 0.03 / (1 - 0.03) * 365 / (60 - 10)

    # p8-28 accrued_interest: 1,000,000 x 5.5 % x 72 / 360 (the semi-annual split gives the
    # same: 27,500 x 72 / 180).
    a["p8-28"] = 1_000_000 * 0.055 * 72 / 360

    # p8-29 accrued_interest: 250,000 x 3.5 % x 143 / 360.
    # Distractor: the 98.45 clean price.
    a["p8-29"] = 250_000 * 0.035 * 143 / 360

    # p8-30 accrued_interest: 50 x 1,000 x 4.25 % x 41 / 360.
    a["p8-30"] = 50 * 1_000 * 0.0425 * 41 / 360

    # p8-31 tbill_yield: (100 - 97.45) / 97.45 x 365 / 182.
    a["p8-31"] = 100 * (100 - 97.45) / 97.45 * 365 / 182

    # p8-32 tbill_yield: (10,000 - 9,875) / 9,875 x 365 / 91.
    a["p8-32"] = 100 * (10_000 - 9_875) / 9_875 * 365 / 91

    # p8-33 tbill_yield: (100 - 95.80) / 95.80 x 365 / 364.
    # Distractor: the 4.15 % bank discount yield (consistent with the price, but not asked).
    a["p8-33"] = 100 * (100 - 95.80) / 95.80 * 365 / 364

    # p8-34 time_weighted_return: 108/100 x 131/(108 + 20) - 1.
    a["p8-34"] = 100 * (108_000 / 100_000 * 131_000 / (108_000 + 20_000) - 1)

    # p8-35 time_weighted_return: 53.2/50 x 46.1/(53.2 - 5) x 57.8/(46.1 + 10) - 1.
    # Distractor: the 4.1 % benchmark return.
    a["p8-35"] = 100 * (
        53_200 / 50_000 * 46_100 / (53_200 - 5_000) * 57_800 / (46_100 + 10_000) - 1
    )

    # p8-36 time_weighted_return: 230/250 x 262/(230 + 40) - 1, a loss (negative).
    a["p8-36"] = 100 * (230_000 / 250_000 * 262_000 / (230_000 + 40_000) - 1)

    # p8-37 bond_ytm: 5 years, 6 % annual coupon, price 95.50 per 100.
    a["p8-37"] = bond_ytm(95.50, 100, 0.06, 5)

    # p8-38 bond_ytm: 10 years, 3.25 % annual coupon, price 1,042.00 per 1,000.
    # Distractor: the 2.40 % Bund yield.
    a["p8-38"] = bond_ytm(1_042.00, 1_000, 0.0325, 10)

    # p8-39 bond_ytm: 3 years, 8 % annual coupon, price 1,025.30 per 1,000.
    a["p8-39"] = bond_ytm(1_025.30, 1_000, 0.08, 3)

    # p8-40 loan_apr: 25,000 = 495 x annuity(i, 60); APR = 12 i.
    a["p8-40"] = loan_apr(25_000, 495, 60)

    # p8-41 loan_apr: 18,500 = 440 x annuity(i, 48).
    a["p8-41"] = loan_apr(18_500, 440, 48)

    # p8-42 loan_apr: 7,500 = 245 x annuity(i, 36).
    # Distractor: the 2,400 take-home pay.
    a["p8-42"] = loan_apr(7_500, 245, 36)

    # p8-43 money_weighted_return: -10,000 at t0, -5,000 at t1, +16,500 at t2.
    a["p8-43"] = annual_irr([-10_000, -5_000, 16_500])

    # p8-44 money_weighted_return: -20k, -10k, -10k at t0..t2, +46k at t3.
    # Distractor: the S&P 500's 9 %.
    a["p8-44"] = annual_irr([-20_000, -10_000, -10_000, 46_000])

    # p8-45 money_weighted_return: -5,000 at t0, -5,600 at t1, 200 x 60 = +12,000 at t2.
    a["p8-45"] = annual_irr([-100 * 50, -100 * 56, 200 * 60])

    # p8-46 shares_affordable: floor((1,500 - 6.95) / 37.45) = floor(39.87) = 39
    # (40 without the commission).
    a["p8-46"] = whole_shares(1_500, 37.45, 6.95)

    # p8-47 shares_affordable: floor((2,500 - 9.90) / 113.40) = floor(21.96) = 21.
    # Distractor: the P/E of 18.
    a["p8-47"] = whole_shares(2_500, 113.40, 9.90)

    # p8-48 shares_affordable: floor((12,000 - 24.95) / 299.50) = floor(39.98) = 39
    # (40 shares cost exactly 11,980, leaving 20 < 24.95).
    a["p8-48"] = whole_shares(12_000, 299.50, 24.95)

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
