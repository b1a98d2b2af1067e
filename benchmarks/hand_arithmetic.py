"""Textbook arithmetic the probe answer scripts share (standard library only, independent of
the project's formula evaluator and solvers, so an answer here checks the project, not itself).
"""

from __future__ import annotations

import math


def annuity_factor(rate: float, periods: int) -> float:
    """Present value of 1 paid at the end of each of ``periods`` periods."""
    return (1 - (1 + rate) ** -periods) / rate


def level_payment(principal: float, rate: float, periods: int) -> float:
    """End-of-period payment that amortises ``principal`` at ``rate`` per period."""
    return principal / annuity_factor(rate, periods)


def remaining_balance(principal: float, rate: float, periods: int, paid: int) -> float:
    """Balance owed right after payment number ``paid`` of a level-payment loan."""
    payment = level_payment(principal, rate, periods)
    return principal * (1 + rate) ** paid - payment * ((1 + rate) ** paid - 1) / rate


def max_drawdown(prices: list[float]) -> float:
    """Largest peak-to-trough fall along ``prices``, as a positive percent."""
    peak = prices[0]
    worst = 0.0
    for price in prices:
        peak = max(peak, price)
        worst = max(worst, (peak - price) / peak)
    return 100 * worst


def bond_price(face: float, coupon_rate: float, yld: float, years: int) -> float:
    """Price of a bond with annual coupons at an annual yield ``yld``."""
    coupon = face * coupon_rate
    return coupon * annuity_factor(yld, years) + face * (1 + yld) ** -years


def macaulay(face: float, coupon_rate: float, yld: float, years: int) -> float:
    """Macaulay duration in years of an annual-coupon bond."""
    flows = [face * coupon_rate] * years
    flows[-1] += face
    pvs = [cf / (1 + yld) ** (t + 1) for t, cf in enumerate(flows)]
    return sum((t + 1) * pv for t, pv in enumerate(pvs)) / sum(pvs)


def norm_cdf(x: float) -> float:
    """Standard normal distribution function."""
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def black_scholes(
    spot: float, strike: float, years: float, rate: float, vol: float
) -> tuple[float, float]:
    """European (call, put) on a non-dividend stock; ``rate`` continuously compounded."""
    d1 = (math.log(spot / strike) + (rate + vol**2 / 2) * years) / (vol * math.sqrt(years))
    d2 = d1 - vol * math.sqrt(years)
    discounted_strike = strike * math.exp(-rate * years)
    call = spot * norm_cdf(d1) - discounted_strike * norm_cdf(d2)
    put = discounted_strike * norm_cdf(-d2) - spot * norm_cdf(-d1)
    return call, put


def solve_irr(flows: list[float]) -> float:
    """Rate per period at which the NPV of ``flows`` (flow t at time t) is zero (bisection)."""

    def npv(rate: float) -> float:
        return sum(cf / (1 + rate) ** t for t, cf in enumerate(flows))

    lo, hi = -0.99, 10.0
    assert npv(lo) * npv(hi) < 0, "IRR not bracketed"
    for _ in range(300):
        mid = (lo + hi) / 2
        if npv(lo) * npv(mid) <= 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2
