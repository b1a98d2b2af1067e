"""Hand-worked answers for ``benchmarks/handwritten_probe4.jsonl`` (the fourth probe set).

Sixty quantitative-finance questions written blind (without reading the training tasks, the
generator, the training data or any earlier benchmark set), typed the way real people ask:
car buyers and homeowners, retail investors on forums (lowercase, terse, "roth", "hysa"),
traders in chat ("acct 85k", "2.5R", "$SNAP"), clients and colleagues writing e-mails with
background, a manager before a capex meeting, exam and homework items, and non-native
writers using decimal commas and dotted thousands ("200.000 lei", "6,2 %", "40.000 EUR",
"6,6 % p.a.").  Layouts: plain prose, bullet lists, small markdown tables (s17, s31),
"key: value" blocks (s15, s49, s56), pasted rows of numbers (s02, s24); numbers appear as
"85k", "$2.4M", "$220k", "35 basis points", "70bp", "1.3x", "2-for-7", "Nov '21".

48 questions fall in 48 different families of the model (each once): cagr, cagr_dates,
continuous_compounding, periodic_compounding, holding_period_return, loss_recovery,
loss_then_gain, multi_period_return, real_return, drawdown, max_drawdown, vol_annualisation,
parametric_var, var_given_z, portfolio_vol, portfolio_return, sharpe_comparison, sortino,
treynor, information_ratio, calmar, beta, capm_premium, kelly, risk_sizing,
breakeven_win_rate, position_pnl, npv, loan_payment, loan_instalment, loan_total_interest,
loan_balance, savings_goal, years_to_target, doubling_time, effective_annual_rate,
ear_periodic, annuity_pv, annuity_fv, perpetuity, bond_price, zero_coupon_price,
macaulay_duration, duration (modified from Macaulay), duration_price_change,
gordon_just_paid, implied_return_gordon, dividend_yield_periodic.  Left out, each with a
sibling above: compounding, log_return, capm, gordon_growth, dividend_yield, sharpe_ratio,
beta_covariance, risk_ranking.

The other 12 (family "other") are everyday tasks outside the families: sample standard
deviation of annual returns (s02), T-bill price from a bank discount yield (s08),
Black-Scholes call (s13), taxable-equivalent muni yield (s18), time-weighted return with
a deposit and a withdrawal (s22), average cost under dollar-cost averaging (s27),
value-weighted portfolio beta (s31), theoretical ex-rights price (s35), yield to maturity
solved from a price (s39), duration-plus-convexity price change (s43), return on equity of a
margin-financed position (s47) and basic EPS with a weighted share count (s52).

20 questions carry a distractor figure that the answer must ignore: s01, s06, s10, s11, s13,
s17, s18, s21, s23, s26, s31, s34, s37, s41, s44, s46, s52, s53, s55, s60 (sticker price and
down payment, deposit size, mean return, mortgage amount, last trade, expected returns,
a taxable bond's yield, total volatility, par value, last year's market return, dividend
yields, P/E, a profit target, house price, a lump-sum offer, common dividend per share, a
volatility, an expense ratio already netted out, the bond's price); each block below names
it.  Answers follow the family table's conventions (percent in points, drawdowns and VaR
positive, rank = 1-based position in the listed order, share counts rounded down).
"""

from __future__ import annotations

import math
import statistics
import sys
from pathlib import Path

from quantreason.evaluation.questions import answer_check, print_answer_check

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "benchmarks" / "handwritten_probe4.jsonl"
REL_TOL = 1e-4

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/: hand_arithmetic
import hand_arithmetic as hand  # noqa: E402

Z_95 = 1.6448536269514715  # standard normal quantile at 0.95


def norm_cdf(x: float) -> float:
    """Standard normal cumulative distribution function."""
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def solve_ytm(price: float, face: float, coupon_rate: float, years: int) -> float:
    """Annual yield at which the bond's price equals ``price`` (bisection)."""
    lo, hi = 1e-9, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if hand.bond_price(face, coupon_rate, mid, years) > price:
            lo = mid  # priced too high: the yield must be higher
        else:
            hi = mid
    return (lo + hi) / 2


def compute_answers() -> dict[str, float]:
    a: dict[str, float] = {}

    # s01 loan_payment: finance $32,500 over 5 years at 7.9 % APR compounded monthly.
    # Level payment at 0.079/12 for 60 months.
    # Distractor: the $38,900 sticker price and $6,400 down payment (already netted).
    a["s01"] = hand.level_payment(32_500, 0.079 / 12, 60)

    # s02 other (sample standard deviation): six annual returns, n - 1 in the denominator.
    a["s02"] = statistics.stdev([12.4, -6.8, 21.3, 8.9, -2.1, 15.6])

    # s03 drawdown: peak 68,789 -> trough 15,476; (peak - trough) / peak, positive.
    a["s03"] = 100 * (68_789 - 15_476) / 68_789

    # s04 kelly: p 0.57, payoff b 1.3 -> f = p - (1 - p) / b.
    a["s04"] = 100 * (0.57 - 0.43 / 1.3)

    # s05 annuity_fv: $6,500 at the end of each year for 25 years at 7 %.
    # FV = C * ((1 + r)^n - 1) / r.
    a["s05"] = 6_500 * (1.07**25 - 1) / 0.07

    # s06 real_return: nominal 6.2 %, inflation 4.7 % (decimal commas); exact 1.062/1.047 - 1.
    # Distractor: the 200.000 lei deposit.
    a["s06"] = 100 * (1.062 / 1.047 - 1)

    # s07 sharpe_comparison: rf 3.6 %.  First (12.4 - 3.6)/15.8 = 0.557,
    # second (9.1 - 3.6)/8.9 = 0.618 -> the second fund listed.
    sharpes = [(12.4 - 3.6) / 15.8, (9.1 - 3.6) / 8.9]
    a["s07"] = 1 + sharpes.index(max(sharpes))

    # s08 other (T-bill price): face 10,000, 91 days, bank discount yield 5.12 % act/360.
    # P = F * (1 - d * t / 360).
    a["s08"] = 10_000 * (1 - 0.0512 * 91 / 360)

    # s09 macaulay_duration: 6 years, 5 % annual coupon, yield 6 %.
    # Sum t * PV(CF_t) / sum PV(CF_t).
    a["s09"] = hand.macaulay(100, 0.05, 0.06, 6)

    # s10 vol_annualisation: daily sd 1.37 % * sqrt(252).
    # Distractor: the 0.05 % mean daily return.
    a["s10"] = 1.37 * math.sqrt(252)

    # s11 cagr_dates: 185,000 (2009) -> 412,000 (2024), 15 years; (412/185)^(1/15) - 1.
    # Distractor: the $150k mortgage.
    a["s11"] = 100 * ((412_000 / 185_000) ** (1 / (2024 - 2009)) - 1)

    # s12 position_pnl: 1,200 shares bought 23.85, sold 21.40 -> (21.40 - 23.85) * 1,200.
    a["s12"] = (21.40 - 23.85) * 1_200

    # s13 other (Black-Scholes call): S 105, K 110, T 0.5, sigma 28 %, r 4.5 % continuous,
    # no dividends.  C = S N(d1) - K exp(-rT) N(d2).
    # Distractor: the 5.10 last trade.
    s, k, t, vol, r = 105.0, 110.0, 0.5, 0.28, 0.045
    d1 = (math.log(s / k) + (r + vol**2 / 2) * t) / (vol * math.sqrt(t))
    d2 = d1 - vol * math.sqrt(t)
    a["s13"] = s * norm_cdf(d1) - k * math.exp(-r * t) * norm_cdf(d2)

    # s14 loss_recovery: down 27.5 %; gain needed = 1/0.725 - 1.
    a["s14"] = 100 * (1 / (1 - 0.275) - 1)

    # s15 npv: -180,000 now; 70k, 85k, 60k at the end of years 1-3; 11 %.
    flows = [70_000, 85_000, 60_000]
    a["s15"] = -180_000 + sum(cf / 1.11 ** (i + 1) for i, cf in enumerate(flows))

    # s16 ear_periodic: 1.25 % per week compounded weekly -> 1.0125^52 - 1.
    a["s16"] = 100 * (1.0125**52 - 1)

    # s17 portfolio_vol: 70 % equity (18 %), 30 % bonds (7 %), correlation -0.15.
    # Distractor: the expected-return column (9 %, 4 %).
    a["s17"] = 100 * math.sqrt(
        (0.7 * 0.18) ** 2 + (0.3 * 0.07) ** 2 + 2 * 0.7 * 0.3 * (-0.15) * 0.18 * 0.07
    )

    # s18 other (taxable-equivalent yield): 3.15 % tax-free, 35 % bracket -> 3.15 / (1 - 0.35).
    # Distractor: the 4.9 % corporate bond.
    a["s18"] = 3.15 / (1 - 0.35)

    # s19 gordon_just_paid: D0 2.40 just paid, g 4.5 %, r 9.8 % -> 2.40 * 1.045 / (0.098 - 0.045).
    a["s19"] = 2.40 * 1.045 / (0.098 - 0.045)

    # s20 years_to_target: 85k -> 250k at 6.5 % a year; ln(250/85) / ln(1.065).
    a["s20"] = math.log(250_000 / 85_000) / math.log(1.065)

    # s21 treynor: (14.2 - 3.9) / 1.35, percent per unit of beta.
    # Distractor: the 19.0 % standard deviation.
    a["s21"] = (14.2 - 3.9) / 1.35

    # s22 other (time-weighted return): sub-periods 50,000 -> 53,200 (then +10,000),
    # 63,200 -> 61,500 (then -5,000), 56,500 -> 58,900; chain the sub-period returns.
    a["s22"] = 100 * ((53_200 / 50_000) * (61_500 / 63_200) * (58_900 / 56_500) - 1)

    # s23 perpetuity: $3.85 a year forever at 7.2 % -> 3.85 / 0.072.
    # Distractor: the $50 par value.
    a["s23"] = 3.85 / 0.072

    # s24 max_drawdown: NAVs 100.0 104.3 98.7 101.2 93.4 97.8 106.1 99.0; 104.3 -> 93.4.
    a["s24"] = hand.max_drawdown([100.0, 104.3, 98.7, 101.2, 93.4, 97.8, 106.1, 99.0])

    # s25 savings_goal: $60,000 in 5 years, 4.25 % nominal compounded monthly, deposits at
    # the end of each month: T * i / ((1 + i)^60 - 1), i = 0.0425/12.
    i = 0.0425 / 12
    a["s25"] = 60_000 * i / ((1 + i) ** 60 - 1)

    # s26 capm_premium: 4.3 + 0.85 * 5.5 (premium already market minus risk-free).
    # Distractor: the index's 22 % realised return last year.
    a["s26"] = 4.3 + 0.85 * 5.5

    # s27 other (dollar-cost averaging): $500 at each of five prices, fractional shares;
    # average cost = total invested / shares bought (harmonic mean of the prices).
    prices = [48.20, 45.10, 41.75, 44.60, 50.30]
    a["s27"] = 500 * len(prices) / sum(500 / p for p in prices)

    # s28 holding_period_return: buy 58.40, dividends 1.94, now 61.15.
    # (61.15 - 58.40 + 1.94) / 58.40 (the 300 shares do not change the percent).
    a["s28"] = 100 * (61.15 - 58.40 + 1.94) / 58.40

    # s29 loan_balance: $220k, 25 years, 5.2 % nominal, monthly; balance after 84 payments.
    a["s29"] = hand.remaining_balance(220_000, 0.052 / 12, 300, 84)

    # s30 breakeven_win_rate: reward/risk 2.5 -> 1 / (1 + 2.5).
    a["s30"] = 100 / (1 + 2.5)

    # s31 other (portfolio beta): value-weighted average of the betas.
    # Distractor: the dividend-yield column.
    values = [42_000, 28_000, 18_500, 11_500]
    betas = [1.24, 0.55, 0.92, 1.78]
    a["s31"] = sum(v * b for v, b in zip(values, betas, strict=True)) / sum(values)

    # s32 zero_coupon_price: 10,000 face, 14 years, 4.85 % annual -> F / 1.0485^14.
    a["s32"] = 10_000 / 1.0485**14

    # s33 information_ratio: (8.4 - 10.1) / 3.2, negative because the fund lagged.
    a["s33"] = (8.4 - 10.1) / 3.2

    # s34 dividend_yield_periodic: $0.52 a quarter * 4 / $47.30.
    # Distractor: the 18x P/E.
    a["s34"] = 100 * 0.52 * 4 / 47.30

    # s35 other (theoretical ex-rights price): 2-for-7 at 3.40, cum-rights 4.73.
    # TERP = (7 * 4.73 + 2 * 3.40) / 9.
    a["s35"] = (7 * 4.73 + 2 * 3.40) / 9

    # s36 periodic_compounding: 40,000 EUR at 3.1 % nominal compounded monthly for 6 years.
    a["s36"] = 40_000 * (1 + 0.031 / 12) ** (12 * 6)

    # s37 risk_sizing: 85k * 1.5 % = 1,275 risk; entry 142.60, stop 136.90 -> 5.70 a share.
    # floor(1275 / 5.70) = 223.  Distractor: the 158 target.
    a["s37"] = math.floor(85_000 * 0.015 / (142.60 - 136.90))

    # s38 multi_period_return: 1.082 * 0.875 * 1.067 - 1.
    a["s38"] = 100 * (1.082 * (1 - 0.125) * 1.067 - 1)

    # s39 other (yield to maturity): price 92.40 per 100, 4.25 % annual coupon, 7 years.
    # Solve 4.25 * a(y, 7) + 100 / (1 + y)^7 = 92.40 for y.
    a["s39"] = 100 * solve_ytm(92.40, 100, 0.0425, 7)

    # s40 duration: modified = Macaulay / (1 + y) = 6.8 / 1.046.
    a["s40"] = 6.8 / 1.046

    # s41 loan_total_interest: $350,000, 30 years, 6.875 %, monthly -> 360 * pmt - 350,000.
    # Distractor: the $437,500 house price (20 % down already taken off).
    a["s41"] = 360 * hand.level_payment(350_000, 0.06875 / 12, 360) - 350_000

    # s42 beta: rho * sigma_stock / sigma_index = 0.62 * 34 / 16.
    a["s42"] = 0.62 * 34 / 16

    # s43 other (duration + convexity): D_mod 8.2, convexity 96, yields fall 70bp.
    # dP/P = -D * dy + 0.5 * C * dy^2 with dy = -0.007.
    dy = -0.0070
    a["s43"] = 100 * (-8.2 * dy + 0.5 * 96 * dy**2)

    # s44 sortino: (13.8 - 4) / 9.2.  Distractor: the 14.1 % total standard deviation.
    a["s44"] = (13.8 - 4.0) / 9.2

    # s45 continuous_compounding: 15,000 * exp(0.042 * 9).
    a["s45"] = 15_000 * math.exp(0.042 * 9)

    # s46 annuity_pv: $24,000 at the end of each year for 20 years at 5.5 %.
    # Distractor: the $275,000 lump-sum offer.
    a["s46"] = 24_000 * hand.annuity_factor(0.055, 20)

    # s47 other (levered return on equity): position 37,500 up 13.4 %, margin loan 15,500 at
    # 8.25 % for the year, own cash 22,000 -> (37,500*0.134 - 15,500*0.0825) / 22,000.
    a["s47"] = 100 * (37_500 * 0.134 - 15_500 * 0.0825) / 22_000

    # s48 calmar: 18.6 / 22.4 (drawdown as a positive size).
    a["s48"] = 18.6 / 22.4

    # s49 parametric_var: $2.4M, daily vol 1.25 %, 95 %, 5 days, zero mean normal,
    # square-root-of-time: V * sigma * sqrt(5) * z_0.95.
    a["s49"] = 2_400_000 * 0.0125 * math.sqrt(5) * Z_95

    # s50 loss_then_gain: 120,000 * (1 - 0.35) * (1 + 0.42).
    a["s50"] = 120_000 * 0.65 * 1.42

    # s51 effective_annual_rate: 22.99 % APR compounded daily -> (1 + 0.2299/365)^365 - 1.
    a["s51"] = 100 * ((1 + 0.2299 / 365) ** 365 - 1)

    # s52 other (basic EPS): (48.6M - 3.2M preferred) / weighted shares;
    # weighted = 20.0 + 4.0 * 6/12 - 1.2 * 3/12 = 21.7M.
    # Distractor: the $0.80 common dividend per share.
    weighted = 20.0 + 4.0 * 6 / 12 - 1.2 * 3 / 12
    a["s52"] = (48.6 - 3.2) / weighted

    # s53 portfolio_return: 0.65 * 9.5 + 0.35 * 4.2.  Distractor: the stock fund's 16 % vol.
    a["s53"] = 0.65 * 9.5 + 0.35 * 4.2

    # s54 doubling_time: ln 2 / ln 1.09 (exact, annual compounding).
    a["s54"] = math.log(2) / math.log(1.09)

    # s55 cagr: 38,250 -> 61,900 over 7 years; (61900/38250)^(1/7) - 1.
    # Distractor: the 0.03 % expense ratio (already netted out, says the question).
    a["s55"] = 100 * ((61_900 / 38_250) ** (1 / 7) - 1)

    # s56 var_given_z: 750,000 * 0.018 * sqrt(10) * 2.326.
    a["s56"] = 750_000 * 0.018 * math.sqrt(10) * 2.326

    # s57 loan_instalment: 250,000 EUR, 8 years, 6.6 % nominal, quarterly -> 32 instalments
    # at 0.066/4 per quarter.
    a["s57"] = hand.level_payment(250_000, 0.066 / 4, 32)

    # s58 implied_return_gordon: D1 / P + g = 2.10 / 64 + 5.5 %.
    a["s58"] = 100 * (2.10 / 64 + 0.055)

    # s59 bond_price: $1,000 par, 6 % annual coupon, 12 years, YTM 7.25 %.
    a["s59"] = hand.bond_price(1_000, 0.06, 0.0725, 12)

    # s60 duration_price_change: -7.4 * 0.0035, in percent (yields up 35bp).
    # Distractor: the 96.80 price.
    a["s60"] = -7.4 * 0.0035 * 100

    return {row_id: float(value) for row_id, value in a.items()}


ANSWERS: dict[str, float] = compute_answers()

mismatches = answer_check(QUESTIONS, ANSWERS, REL_TOL)


if __name__ == "__main__":
    sys.exit(print_answer_check(ANSWERS, mismatches()))
