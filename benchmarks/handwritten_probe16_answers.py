"""Recompute the answers of handwritten_probe16.jsonl with plain arithmetic.

How the set was written
-----------------------
Written blind: the only project file read was TASKS.md in this folder (the list of six
calculation tasks with their units and conventions). No code, benchmark or note of the
project was looked at. Four questions per task, 24 in all, ids p16-01 .. p16-24.

Styles used (varied within each task): casual lowercase chat with shorthand ("whats",
"$50k", "yrs", "sh", "divs"), an email to a colleague, an exam item, a markdown table,
a bullet list, non-native English, and a task described without its name (p16-18
describes markup -> margin without naming either).

Questions carrying an irrelevant figure (a careful reader ignores it)
---------------------------------------------------------------------
- p16-06: the stock's 52-week high of $131.20.
- p16-08: the 150% initial margin requirement.
- p16-09: the saver's salary of $68k a year.
- p16-15: the bond's yield to maturity of about 3.90%.
- p16-17: the unit cost of $14.30.
- p16-23: the client's income of GBP 85,000 a year.

Conventions
-----------
- Percent answers are in percentage points (5.15 means 5.15 %); money in currency
  units; a loss is negative. Answers in the jsonl are rounded to 4 decimals.
- foreign_stock_return: ((sale + dividend) * home-per-foreign at sale)
  / (purchase * home-per-foreign at purchase) - 1; the dividend is converted at the sale
  rate. A quote given as foreign per home (USD/JPY as yen per dollar, GBP/USD as dollars
  per pound for a UK investor) is divided by; a quote given as home per foreign
  (EUR per CHF for a euro investor, CAD per EUR for a Canadian) is multiplied by.
- short_sale_net_pnl: shares * (sale - buy-back) - 2 commissions - borrow fee - dividends
  paid; borrow fee = shares * sale price * yearly rate * days / (360 or 365).
  p16-06 gives two dates: 4 March 2024 -> 20 May 2024 is 77 actual days.
- savings_goal_with_balance: (target - current * (1+i)**N) * i / ((1+i)**N - 1),
  end-of-period deposits; monthly: i = annual rate / 12, N in months; yearly: i = annual
  rate, N in years.
- bond_invoice_price: clean / 100 * face + face * annual coupon * days / 360 (30/360;
  the coupon frequency does not change accrued on this basis).
  p16-13: 15 Mar 2024 -> 10 Jun 2024 is 85 days; p16-15: 20 Nov 2023 -> 8 Apr 2024 is
  138 days.
- markup_from_margin: markup = m / (1 - m); margin = k / (1 + k).
- term_life_premium: sum over k of benefit * (prob. of surviving to start of year k)
  * q_k / (1 + i)**k, benefit paid at the end of the year of death.

Second solve
------------
A second helper, given only each question's id, text and unit (no answer, no task), solved
all 24 from the text alone and agreed with every answer here (relative 1e-3). It read the
q's of p16-21, 23 and 24 as one-year death rates for a life alive at the start of the year
(as written), and noted that p16-24's table heading could be read as unconditional
probabilities: the heading now says "if alive at its start". p16-06's 77 days are counted
as the question says (calendar days from the sale to the buy-back).
"""

import json
import math
import os
import sys


def _days_30_360(y1, m1, d1, y2, m2, d2):
    return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)


def _fx_return(p0, p1, div, home_per_fx0, home_per_fx1):
    return ((p1 + div) * home_per_fx1 / (p0 * home_per_fx0) - 1) * 100


def _short(shares, sale, buy, comm_per_trade, rate, days, basis, div):
    fee = shares * sale * rate * days / basis
    return shares * (sale - buy) - 2 * comm_per_trade - fee - shares * div


def _savings(target, current, i, n):
    g = (1 + i) ** n
    return (target - current * g) * i / (g - 1)


def _invoice(face, clean, coupon, days):
    return clean / 100 * face + face * coupon * days / 360


def _term(benefit, qs, i):
    total, alive = 0.0, 1.0
    for k, q in enumerate(qs, start=1):
        total += benefit * alive * q / (1 + i) ** k
        alive *= 1 - q
    return total


def p01():  # USD investor, yen stock, USD/JPY quoted yen per dollar -> divide
    return _fx_return(2850, 3120, 60, 1 / 148.20, 1 / 156.40)


def p02():  # GBP investor, USD stock, GBP/USD quoted dollars per pound -> divide
    return _fx_return(182.40, 205.75, 0.0, 1 / 1.2650, 1 / 1.2480)


def p03():  # EUR investor, CHF stock, EUR per CHF -> multiply
    return _fx_return(94.50, 89.20, 2.80, 1.0420, 1.0650)


def p04():  # CAD investor, EUR stock, CAD per EUR -> multiply
    return _fx_return(48.60, 45.10, 1.25, 1.4710, 1.5030)


def p05():
    return _short(500, 42.80, 36.15, 9.95, 0.035, 47, 360, 0.0)


def p06():  # 4 Mar 2024 -> 20 May 2024: 27 + 30 + 20 = 77 actual days
    days = (31 - 4) + 30 + 20
    return _short(1200, 118.40, 124.90, 15.00, 0.0125, days, 365, 0.85)


def p07():
    return _short(2000, 25.60, 21.35, 20.0, 0.08, 120, 360, 0.30)


def p08():
    return _short(800, 67.25, 61.90, 12.50, 0.0275, 90, 365, 0.55)


def p09():
    return _savings(50000, 12500, 0.042 / 12, 60)


def p10():
    return _savings(250000, 60000, 0.055, 8)


def p11():
    return _savings(1000000, 85000, 0.06 / 12, 300)


def p12():
    return _savings(30000, 8000, 0.03 / 12, 36)


def p13():
    days = _days_30_360(2024, 3, 15, 2024, 6, 10)  # 85
    return _invoice(5000000, 98.625, 0.045, days)


def p14():
    return _invoice(20 * 1000, 101.25, 0.06, 143)


def p15():
    days = _days_30_360(2023, 11, 20, 2024, 4, 8)  # 138
    return _invoice(2000000, 97.40, 0.0325, days)


def p16():
    return _invoice(250000, 102.0625, 0.05125, 62)


def p17():  # margin 35% -> markup
    return 0.35 / (1 - 0.35) * 100


def p18():  # markup 60% -> margin
    return 0.60 / (1 + 0.60) * 100


def p19():  # margin 22.5% -> markup
    return 0.225 / (1 - 0.225) * 100


def p20():  # markup 45% -> margin
    return 0.45 / (1 + 0.45) * 100


def p21():
    return _term(100000, [0.0021, 0.0024, 0.0028], 0.04)


def p22():
    return _term(250000, [0.0035], 0.05)


def p23():
    return _term(500000, [0.0042, 0.0046, 0.0051, 0.0057, 0.0063], 0.035)


def p24():
    return _term(50000, [0.0120, 0.0135], 0.06)


_FUNCS = [
    p01,
    p02,
    p03,
    p04,
    p05,
    p06,
    p07,
    p08,
    p09,
    p10,
    p11,
    p12,
    p13,
    p14,
    p15,
    p16,
    p17,
    p18,
    p19,
    p20,
    p21,
    p22,
    p23,
    p24,
]

ANSWERS = {f"p16-{n:02d}": f() for n, f in enumerate(_FUNCS, start=1)}

_DEFAULT_PATH = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "handwritten_probe16.jsonl"
)


def _close(a, b):
    if abs(b) < 1e-6 or abs(a) < 1e-6:
        return abs(a - b) <= 1e-6
    return abs(a - b) <= 1e-4 * abs(b)


def mismatches(path=_DEFAULT_PATH):
    out = []
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            rid = row["id"]
            seen.add(rid)
            got = float(row["answer"])
            want = ANSWERS.get(rid, math.nan)
            if not _close(got, want):
                out.append((rid, got, want))
    for rid in ANSWERS:
        if rid not in seen:
            out.append((rid, math.nan, ANSWERS[rid]))
    return out


if __name__ == "__main__":
    bad = mismatches()
    for rid, got, want in bad:
        print(f"MISMATCH {rid}: jsonl {got} vs computed {want}")
    print(f"{len(ANSWERS)} answers, {len(bad)} mismatches")
    sys.exit(1 if bad else 0)
