"""Composable parts (labels and asks) for the first families, which were written with templates
only; :mod:`quantreason.tasks` attaches them. Families whose numbers only make sense in a fixed
order or pairing (a price path, "which fund" comparisons) have none.
"""

from __future__ import annotations

from quantreason.tasks.base import Parts

PARTS: dict[str, Parts] = {
    "compounding": Parts(
        labels={
            "P": ("principal", "amount invested", "initial deposit"),
            "r": ("annual interest rate", "yearly rate (compounded annually)", "annual return"),
            "n": ("number of years", "term in years", "investment horizon (years)"),
        },
        asks=(
            "What is the future value with annual compounding?",
            "What will the balance be, compounding yearly?",
            "How much is it worth at the end?",
        ),
        ood_asks=("Work out the terminal amount (interest compounds once a year).",),
    ),
    "cagr": Parts(
        labels={
            "V0": ("starting value", "initial value", "value at the start"),
            "V1": ("ending value", "final value", "value today"),
            "n": ("number of years", "period (years)", "years elapsed"),
        },
        asks=(
            "What is the CAGR?",
            "What is the compound annual growth rate?",
            "What is the annualised return?",
        ),
        ood_asks=("Express the growth as a yearly compound rate.",),
    ),
    "continuous_compounding": Parts(
        labels={
            "P": ("principal", "initial amount", "deposit"),
            "r": ("continuously compounded rate", "annual rate (continuous)", "cc rate"),
            "t": ("years", "time in years", "horizon (years)"),
        },
        asks=(
            "What is the future value with continuous compounding?",
            "What does it grow to under continuous compounding?",
        ),
        ood_asks=("Grow it at the force of interest; final amount?",),
    ),
    "holding_period_return": Parts(
        labels={
            "P0": ("purchase price", "buy price", "entry price"),
            "P1": ("sale price", "sell price", "exit price"),
            "D": ("dividend received", "dividends per share", "income received"),
        },
        asks=(
            "What is the holding-period return?",
            "What is the total return?",
            "What was the return including dividends?",
        ),
        ood_asks=("Give the all-in percentage result.",),
    ),
    "log_return": Parts(
        labels={
            "P0": ("starting price", "previous close", "old price"),
            "P1": ("ending price", "latest close", "new price"),
        },
        asks=(
            "What is the log return?",
            "What is the continuously compounded return?",
            "Compute the logarithmic return.",
        ),
        ood_asks=("Give 100 times ln of the price relative.",),
    ),
    "loss_recovery": Parts(
        labels={"L": ("loss", "drawdown", "decline")},
        asks=(
            "What gain is needed to break even?",
            "What percentage rise recovers the loss?",
            "How much must it gain to get back to the start?",
        ),
        ood_asks=("Which rebound restores the original value?",),
    ),
    "real_return": Parts(
        labels={
            "nom": ("nominal return", "nominal rate", "money return"),
            "inf": ("inflation", "inflation rate", "CPI inflation"),
        },
        asks=(
            "What is the exact real return?",
            "What is the real return (Fisher, exact)?",
            "What is the inflation-adjusted return, exactly?",
        ),
        ood_asks=("Deflate it multiplicatively; result?",),
    ),
    "drawdown": Parts(
        labels={
            "peak": ("peak value", "high", "previous high"),
            "trough": ("trough value", "low", "subsequent low"),
        },
        asks=(
            "What is the drawdown in percent?",
            "How deep is the drawdown?",
            "What is the peak-to-trough decline?",
        ),
        ood_asks=("Size the fall from top to bottom.",),
    ),
    "vol_annualisation": Parts(
        labels={
            "sigma": ("volatility", "standard deviation of returns", "vol"),
            "freq": ("return frequency", "data frequency", "sampling frequency"),
        },
        asks=(
            "What is the annualised volatility?",
            "Annualise the volatility.",
            "What is the yearly volatility?",
        ),
        ood_asks=("Scale it to a one-year figure.",),
    ),
    "parametric_var": Parts(
        labels={
            "V": ("portfolio value", "position size", "exposure"),
            "sigma": ("daily volatility", "daily standard deviation", "1-day vol"),
            "c": ("confidence level", "confidence", "VaR confidence"),
            "h": ("horizon (days)", "holding period in days", "days"),
        },
        asks=(
            "What is the parametric VaR?",
            "What is the value at risk (normal)?",
            "Compute the VaR.",
        ),
        ood_asks=("What loss threshold does the normal model give?",),
    ),
    "portfolio_vol": Parts(
        labels={
            "w1": ("weight of asset A", "asset A weight"),
            "s1": ("volatility of asset A", "asset A vol"),
            "w2": ("weight of asset B", "asset B weight"),
            "s2": ("volatility of asset B", "asset B vol"),
            "rho": ("correlation", "correlation between A and B"),
        },
        asks=("What is the portfolio volatility?", "How volatile is the portfolio?"),
        ood_asks=("Combine the two risks; total sigma?",),
    ),
    "risk_sizing": Parts(
        labels={
            "A": ("account size", "capital", "account equity"),
            "risk": ("risk per trade", "risk budget", "max risk per position"),
            "entry": ("entry price", "buy price", "entry"),
            "stop": ("stop-loss", "stop price", "stop"),
        },
        asks=(
            "How many shares should be bought?",
            "What position size in shares?",
            "How many shares can I buy?",
        ),
        ood_asks=("Size the trade in whole shares.",),
    ),
    "capm": Parts(
        labels={
            "rf": ("risk-free rate", "T-bill rate", "risk-free"),
            "beta": ("beta", "stock beta", "equity beta"),
            "rm": ("expected market return", "market return", "return on the market"),
        },
        asks=(
            "What is the expected return under CAPM?",
            "What is the cost of equity?",
            "What return does CAPM imply?",
        ),
        ood_asks=("What does the security market line give?",),
    ),
    "sortino": Parts(
        labels={
            "R": ("return", "annual return", "portfolio return"),
            "T": ("target return", "minimum acceptable return", "hurdle"),
            "DD": ("downside deviation", "downside risk", "downside vol"),
        },
        asks=("What is the Sortino ratio?", "Compute the Sortino ratio."),
        ood_asks=("Excess over target per unit of downside risk?",),
    ),
    "kelly": Parts(
        labels={
            "p": ("win probability", "probability of winning", "hit rate"),
            "b": ("payoff odds (b to 1)", "net odds", "win/loss payoff ratio"),
        },
        asks=(
            "What fraction should Kelly stake, in percent?",
            "What is the Kelly bet size?",
            "What is the Kelly fraction?",
        ),
        ood_asks=("Optimal growth stake as a percent of bankroll?",),
    ),
    "beta": Parts(
        labels={
            "rho": ("correlation with the market", "correlation", "rho"),
            "sa": ("stock volatility", "asset volatility", "stock vol"),
            "sm": ("market volatility", "index volatility", "market vol"),
        },
        asks=("What is the beta?", "What is the stock's beta?", "Compute beta."),
        ood_asks=("Derive the slope versus the market.",),
    ),
    "npv": Parts(
        labels={
            "C0": ("initial outlay", "cost today", "investment today"),
            "cf1": ("year-1 cash flow", "cash flow in year 1"),
            "cf2": ("year-2 cash flow", "cash flow in year 2"),
            "cf3": ("year-3 cash flow", "cash flow in year 3"),
            "r": ("discount rate", "cost of capital", "required return"),
        },
        asks=("What is the NPV?", "What is the net present value?", "Compute the NPV."),
        ood_asks=("Value the project net of its cost.",),
    ),
    "loan_payment": Parts(
        labels={
            "L": ("loan amount", "amount borrowed", "mortgage principal"),
            "r": ("annual interest rate", "APR", "loan rate"),
            "n": ("term in years", "loan term (years)", "years"),
        },
        asks=(
            "What is the monthly payment?",
            "How much is each monthly instalment?",
            "What is the payment per month?",
        ),
        ood_asks=("Size the level monthly repayment.",),
    ),
    "bond_price": Parts(
        labels={
            "F": ("face value", "par value", "face"),
            "c": ("annual coupon rate", "coupon (paid yearly)", "coupon rate"),
            "y": ("yield to maturity", "yield", "market yield"),
            "n": ("years to maturity", "maturity (years)", "term"),
        },
        asks=(
            "What is the bond's price?",
            "What should the bond sell for?",
            "What is the bond worth?",
        ),
        ood_asks=("Value the annual-pay bond.",),
    ),
    "gordon_growth": Parts(
        labels={
            "D1": ("next year's dividend", "dividend expected next year (D1)", "D1"),
            "g": ("dividend growth rate", "growth rate", "expected growth"),
            "r": ("required return", "cost of equity", "discount rate"),
        },
        asks=("What is the share price?", "What is the stock worth?", "Value the share."),
        ood_asks=("What intrinsic value does this imply?",),
    ),
    "duration": Parts(
        labels={
            "D": ("Macaulay duration (years)", "Macaulay duration", "Mac duration"),
            "y": ("yield", "yield to maturity", "YTM"),
        },
        asks=("What is the modified duration?", "Convert it to modified duration."),
        ood_asks=("What is its price-sensitivity duration?",),
    ),
}
