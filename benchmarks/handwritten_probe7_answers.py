"""Hand-worked answers for ``benchmarks/handwritten_probe7.jsonl`` (the seventh probe set).

Forty-eight quantitative-finance questions written blind in session 23 (without reading the
training tasks, the generator, the training data or any earlier benchmark question file),
typed the way people ask: retail investors in chat ("quick q", "what's the ev/ebitda on
them?", "mkt cap 640m"), an e-mail about a bridge loan (p7-02) and one about an equipment
purchase (p7-42), analysts' valuation notes (p7-09, p7-10), exam-style items ("Black-Scholes:
European call, no dividends. S = 52.40, ..."), a pipe-separated "key: value" row (p7-05), a
bullet list from a 10-K (p7-12), a year-by-year table of returns (p7-40), non-native writers
(p7-03, p7-08, p7-16, p7-22, p7-48), and numbers as "$1.2B", "1.2M", "500k", "EUR 1.2M",
"4\u00bd%", "75 bp", "150 bp", "1.25 percentage points", "91/365".

Every question asks one of 17 tasks that no family of the model taught when it was written
(none is in the task registry): simple_interest (p7-01..03), zero_coupon_yield (p7-04..06),
pe_ratio (p7-07, p7-08), price_target (p7-09, p7-10), ev_ebitda (p7-11..13), fx_cross
(p7-14..16), fx_conversion (p7-17..19), fx_forward (p7-20..22), black_scholes_call
(p7-23..25), black_scholes_put (p7-26..28), put_call_parity (p7-29..31), option_pnl
(p7-32..34), option_breakeven (p7-35..37), return_stdev (p7-38..40), irr (p7-41..43),
percent_change (p7-44, p7-45) and convexity_price_change (p7-46..48).  Three units only:
percent, currency and ratio (a P/E, an EV/EBITDA multiple, an FX rate).

17 questions carry a distractor figure that the answer must ignore: p7-02, p7-05, p7-08,
p7-10, p7-12, p7-16, p7-19, p7-22, p7-25, p7-28, p7-30, p7-33, p7-36, p7-40, p7-42, p7-45,
p7-48; each block below names it.  Answers follow the conventions of the earlier probes:
percent in points, a loss or a fall negative (p7-34, p7-45, p7-46, p7-48), a currency answer
in the question's currency, FX rates in units of the quote currency per unit of the base
currency, return_stdev the sample standard deviation (n - 1) not annualised, IRR annual.
The JSONL stores answers rounded to 4 decimals; a second helper recomputed them blind from
the question text with the math module only (48 of 48 agree).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: hand_arithmetic
import hand_arithmetic as hand

QUESTIONS = Path(__file__).resolve().parent / "handwritten_probe7.jsonl"
REL_TOL = 1e-4  # the JSONL stores answers rounded to 4 decimals


def sample_sd(values: list[float]) -> float:
    """Sample standard deviation (n - 1 in the denominator)."""
    mean = sum(values) / len(values)
    return math.sqrt(sum((x - mean) ** 2 for x in values) / (len(values) - 1))


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # p7-01 simple_interest: I = P * r * days / 365 = 25,000 * 4.15 % * 91 / 365 (interest only).
    a["p7-01"] = 25_000 * 0.0415 * 91 / 365

    # p7-02 simple_interest: 3 March (inclusive) to 17 June (exclusive) is 106 actual days
    # (28 left in March + 30 April + 31 May + 17 June); 1.2M * 5.35 % * 106 / 360.
    # Distractor: the 0.25 % arrangement fee, already paid upfront.
    a["p7-02"] = 1_200_000 * 0.0535 * (28 + 30 + 31 + 17) / 360

    # p7-03 simple_interest: 3,250 * 4.5 % ("4 1/2 %" written with a half sign) * 8 / 12;
    # interest only.
    a["p7-03"] = 3_250 * 0.045 * 8 / 12

    # p7-04 zero_coupon_yield: (100 / 78.35)^(1 / 5) - 1, annual compounding.
    a["p7-04"] = 100 * ((100 / 78.35) ** (1 / 5) - 1)

    # p7-05 zero_coupon_yield: (1,000 / 684.20)^(1 / 7.5) - 1, annual compounding.
    # Distractors: the comparable 6 % coupon bond's 5.4 % YTM and the A- rating.
    a["p7-05"] = 100 * ((1_000 / 684.20) ** (1 / 7.5) - 1)

    # p7-06 zero_coupon_yield: bond-equivalent, 2 * ((10,000 / 9,420)^(1 / 3) - 1)
    # (semi-annual compounding, 18 months = 3 half-years).
    a["p7-06"] = 100 * 2 * ((10_000 / 9_420) ** (1 / 3) - 1)

    # p7-07 pe_ratio: 68.40 / (0.82 + 0.91 + 0.77 + 1.05) = 68.40 / 3.55 (trailing four quarters).
    a["p7-07"] = 68.40 / (0.82 + 0.91 + 0.77 + 1.05)

    # p7-08 pe_ratio: market cap / net profit = 320M * 27.50 / 610M.
    # Distractor: the 0.80 USD dividend per share.
    a["p7-08"] = 320e6 * 27.50 / 610e6

    # p7-09 price_target: multiple x EPS = 18 * 4.35.
    a["p7-09"] = 18 * 4.35

    # p7-10 price_target: 22.5 * 2.84 (forward P/E on NTM EPS).
    # Distractors: today's EUR 55.00 price and the EUR 2.41 trailing EPS.
    a["p7-10"] = 22.5 * 2.84

    # p7-11 ev_ebitda: (1,200 + 350 - 120) / 180, in $M.
    a["p7-11"] = (1_200 + 350 - 120) / 180

    # p7-12 ev_ebitda: EV = 84.5 * 41.20 + 1,150 - 265 = 4,366.4 (USD m); / 612.
    # Distractor: the 240 net income.
    a["p7-12"] = (84.5 * 41.20 + 1_150 - 265) / 612

    # p7-13 ev_ebitda: (640 + 95 - 210) / 58 = 525 / 58 (more cash than debt).
    a["p7-13"] = (640 + 95 - 210) / 58

    # p7-14 fx_cross: EUR/JPY = 1.0850 * 151.20 (JPY per EUR).
    a["p7-14"] = 1.0850 * 151.20

    # p7-15 fx_cross: EUR/GBP = 1.0850 / 1.2640 (GBP per EUR).
    a["p7-15"] = 1.0850 / 1.2640

    # p7-16 fx_cross: CAD/CHF = 0.8840 / 1.3620 (CHF per CAD).
    # Distractor: EUR/USD 1.0850 ("I think I don't need it").
    a["p7-16"] = 0.8840 / 1.3620

    # p7-17 fx_conversion: USD = 1,840 * 1.1320 * 1.03 (the 3 % fee on the converted amount).
    a["p7-17"] = 1_840 * 1.1320 * (1 + 0.03)

    # p7-18 fx_conversion: EUR = 2,000 / 1.0800 (USD per EUR), no fees.
    a["p7-18"] = 2_000 / 1.0800

    # p7-19 fx_conversion: INR = 3,500 * 104.75 * (1 - 1.2 %), fee taken after conversion.
    # Distractor: the 105.30 mid-market rate.
    a["p7-19"] = 3_500 * 104.75 * (1 - 0.012)

    # p7-20 fx_forward: covered interest parity, F = S * (1 + r_quote t) / (1 + r_base t)
    # = 150.00 * (1 + 0.10 %) / (1 + 5.25 %), t = 1; the quote (JPY) rate in the numerator.
    a["p7-20"] = 150.00 * (1 + 0.0010 * 1) / (1 + 0.0525 * 1)

    # p7-21 fx_forward: 17.20 * (1 + 11.00 % * 270 / 360) / (1 + 5.30 % * 270 / 360), ACT/360.
    a["p7-21"] = 17.20 * (1 + 0.1100 * 270 / 360) / (1 + 0.0530 * 270 / 360)

    # p7-22 fx_forward: 32.50 * (1 + 45 %) / (1 + 5.3 %), one year.
    # Distractor: last month's 31.90 spot ("not important").
    a["p7-22"] = 32.50 * (1 + 0.45 * 1) / (1 + 0.053 * 1)

    # p7-23 black_scholes_call: S 52.40, K 55, T 0.75, r 4.5 % (continuous), vol 28 %.
    a["p7-23"] = hand.black_scholes(52.40, 55, 0.75, 0.045, 0.28)[0]

    # p7-24 black_scholes_call: S 1,250, K 1,200, T 0.5, r 3.8 %, vol 22 %.
    a["p7-24"] = hand.black_scholes(1_250, 1_200, 0.5, 0.038, 0.22)[0]

    # p7-25 black_scholes_call: S 38.70, K 40, T 91 / 365, r 5 %, vol 35 %.
    # Distractor: the stock's 12 % fall year to date.
    a["p7-25"] = hand.black_scholes(38.70, 40, 91 / 365, 0.05, 0.35)[0]

    # p7-26 black_scholes_put: S 75, K 80, T 1, r 4 %, vol 30 %.
    a["p7-26"] = hand.black_scholes(75, 80, 1.0, 0.04, 0.30)[1]

    # p7-27 black_scholes_put: S 210, K 200, T 0.25, r 5.25 %, vol 24 %.
    a["p7-27"] = hand.black_scholes(210, 200, 0.25, 0.0525, 0.24)[1]

    # p7-28 black_scholes_put: S 18.40, K 17.50, T 120 / 365, r 4.75 %, vol 45 %.
    # Distractor: the stock's 1.6 beta.
    a["p7-28"] = hand.black_scholes(18.40, 17.50, 120 / 365, 0.0475, 0.45)[1]

    # p7-29 put_call_parity: P = C - S + K e^(-rT) = 6.85 - 102 + 100 e^(-0.04 * 0.5).
    a["p7-29"] = 6.85 - 102 + 100 * math.exp(-0.04 * 0.5)

    # p7-30 put_call_parity: C = P + S - K e^(-rT) = 4.20 + 48.50 - 50 e^(-0.05 * 0.75).
    # Distractor: the put's 31 % implied vol.
    a["p7-30"] = 4.20 + 48.50 - 50 * math.exp(-0.05 * 9 / 12)

    # p7-31 put_call_parity: P = 98.60 - 2,455 + 2,400 e^(-0.046 * 91 / 365).
    a["p7-31"] = 98.60 - 2_455 + 2_400 * math.exp(-0.046 * 91 / 365)

    # p7-32 option_pnl: 5 contracts * 100 * ((131.25 - 120) - 3.40), net of premium.
    a["p7-32"] = 5 * 100 * (max(131.25 - 120, 0) - 3.40)

    # p7-33 option_pnl: 3 puts * 100 * ((45 - 39.80) - 2.15).
    # Distractor: the 38.90 intraday low the week before.
    a["p7-33"] = 3 * 100 * (max(45 - 39.80, 0) - 2.15)

    # p7-34 option_pnl: 4 calls * 100 * ((31.20 - 30) - 1.85): in the money but below the
    # breakeven, so a loss (negative).
    a["p7-34"] = 4 * 100 * (max(31.20 - 30, 0) - 1.85)

    # p7-35 option_breakeven: long call, K + premium = 85 + 4.35.
    a["p7-35"] = 85 + 4.35

    # p7-36 option_breakeven: long put, K - premium = 42.50 - 1.85.
    # Distractor: the -0.38 delta at purchase.
    a["p7-36"] = 42.50 - 1.85

    # p7-37 option_breakeven: covered call, stock cost - premium received = 63.20 - 2.10
    # (the $70 strike caps the gain, it does not move the breakeven).
    a["p7-37"] = 63.20 - 2.10

    # p7-38 return_stdev: sample SD (n - 1) of six monthly returns in %, not annualised.
    a["p7-38"] = sample_sd([2.1, -1.4, 3.5, 0.8, -2.2, 1.9])

    # p7-39 return_stdev: sample SD of the decimals, times 100; not annualised.
    a["p7-39"] = 100 * sample_sd([0.045, -0.021, 0.067, 0.012])

    # p7-40 return_stdev: sample SD of the eight annual returns 2016-2023, in %.
    # Distractor: the benchmark's 8.1 % average.
    a["p7-40"] = sample_sd([12.4, -5.8, 7.1, 21.3, -14.6, 3.9, 9.0, 15.2])

    # p7-41 irr: NPV = 0 for -10,000, 3,000, 4,000, 5,000 at t = 0..3, annual.
    a["p7-41"] = 100 * hand.solve_irr([-10_000, 3_000, 4_000, 5_000])

    # p7-42 irr: NPV = 0 for -250,000, 60,000, 70,000, 80,000, 90,000, 40,000 at t = 0..5.
    # Distractor: the 9 % hurdle rate.
    a["p7-42"] = 100 * hand.solve_irr([-250_000, 60_000, 70_000, 80_000, 90_000, 40_000])

    # p7-43 irr: -1.2M + 500k / (1 + r) + 900k / (1 + r)^2 = 0.
    a["p7-43"] = 100 * hand.solve_irr([-1_200_000, 500_000, 900_000])

    # p7-44 percent_change: (1,612 - 1,450) / 1,450.
    a["p7-44"] = 100 * (1_612 - 1_450) / 1_450

    # p7-45 percent_change: (57,300 - 61,750) / 61,750, a decrease (negative).
    # Distractor: the unchanged 3,000 bonus.
    a["p7-45"] = 100 * (57_300 - 61_750) / 61_750

    # p7-46 convexity_price_change: -D dy + C dy^2 / 2 with D 6.8, C 58, dy = +0.0075 (75 bp).
    a["p7-46"] = 100 * (-6.8 * 0.0075 + 0.5 * 58 * 0.0075**2)

    # p7-47 convexity_price_change: D 12.4, C 190, dy = -0.0125 (yield falls 1.25 points).
    a["p7-47"] = 100 * (-12.4 * -0.0125 + 0.5 * 190 * (-0.0125) ** 2)

    # p7-48 convexity_price_change: D 4.2, C 22, dy = +0.015 (150 bp).
    # Distractor: the 4.35 Macaulay duration ("you don't need it").
    a["p7-48"] = 100 * (-4.2 * 0.015 + 0.5 * 22 * 0.015**2)

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
