"""Performance and allocation families: CAPM, Sortino ratio, Kelly fraction, beta."""

from __future__ import annotations

from quantreason.tasks.base import Family, pct, plain

CAPM = Family(
    name="capm",
    unit="percent",
    reasoning="CAPM: risk-free + beta * (market - risk-free).",
    params={
        "rf": pct((0.5, 5), ((5.5, 10),), ood_decimals=2),
        "beta": plain((0.3, 2.0), ((2.1, 3.5),), decimals=2),
        "rm": pct((5, 12), ((13, 25),), ood_decimals=2),
    },
    valid=lambda v: v["rm"] > v["rf"] + 0.5,
    formula=lambda f: f"{f['rf']}+{f['beta']}*({f['rm']}-{f['rf']})",
    solve=lambda v: v["rf"] * (1 - v["beta"]) + v["beta"] * v["rm"],
    convention="expected return in percent",
    templates=(
        "The risk-free rate is {rf}, the market return is {rm}, and a stock's beta is {beta}. "
        "What is its expected return under CAPM?",
        "Using CAPM, find the required return for beta {beta} when rf = {rf} and the market "
        "returns {rm}.",
        "Beta {beta}, risk-free {rf}, expected market return {rm}. Cost of equity?",
        "What return should investors require from a stock with a beta of {beta} if T-bills "
        "yield {rf} and the market is expected to return {rm}?",
        "Compute the CAPM expected return: risk-free rate {rf}, beta {beta}, market return {rm}.",
        "A company's equity beta is {beta}. With a {rf} risk-free rate and {rm} expected on the "
        "market, what is its cost of equity?",
        "Market: {rm}. Risk-free: {rf}. Beta: {beta}. Expected return by CAPM?",
        "Estimate the expected return of a portfolio with beta {beta}; the market earns {rm} "
        "and the risk-free asset {rf}.",
        "need ke for the DCF: levered beta {beta}, risk-free {rf}, expected market return "
        "{rm}. CAPM please",
        "rf: {rf} | E(Rm): {rm} | beta: {beta} | CAPM E(Ri) = ?",
        "Under the CAPM, what is the expected return on a security whose beta is {beta}, given "
        "that the market portfolio is expected to return {rm} and the risk-free rate of "
        "interest is {rf}?",
        "My broker says this stock has a beta of {beta}. If I think the overall market will "
        "make {rm} this year and cash in the bank pays {rf}, what return should I expect from "
        "it according to CAPM?",
        "Get the cost of equity capital via CAPM with a {beta} beta, a {rf} gilt yield and a "
        "{rm} expected market return.",
        "Dear John, for the valuation we take a risk-free rate of {rf} and expect the index to "
        "deliver {rm} per annum. The company's regressed beta is {beta}. What required return "
        "on equity does the CAPM imply?",
        "If equities as a whole are expected to earn {rm} and the default-free rate is {rf}, "
        "what required return does CAPM assign to an asset whose beta is {beta}?",
        "A beta of {beta} has been estimated for the shares. The expected return on the market "
        "is put at {rm} and the risk-free rate is taken to be {rf}. What expected return is "
        "implied by the capital asset pricing model?",
        "Cost of equity build\n- equity beta: {beta}\n- RFR: {rf}\n- E[Rm]: {rm}\nRequired return?",
        "CAPM_Ke | β {beta} | E[Rm] {rm} | Rf {rf}",
        "We're valuing a regional bakery chain for a possible buyout while the lawyers argue "
        "over the earn-out. Comparables point to an equity beta of {beta}; long-dated "
        "Treasuries yield {rf} and we expect stocks to return {rm}. What discount rate for the "
        "equity does CAPM give?",
        "opportunity cost of equity for a {beta} beta stock? rf {rf}, mkt {rm} (CAPM)",
        "My sister-in-law, who has just adopted a rescue greyhound, asked me about a tech stock "
        "in her pension. Its beta is {beta}, the whole stock market is forecast to return {rm} in "
        "total (that figure is not an excess return), and short-term government bills pay {rf}. "
        "Using CAPM, what return should she expect from the stock?",
        "CAPM: Rf {rf}, β {beta}, E[Rm] {rm} total (so MRP = E[Rm] - Rf). E[Ri]?",
        "Exam item: a share carries a beta of {beta}. Investors expect the market index as a "
        "whole to earn {rm}, while risk-free government securities yield {rf}. Work out the "
        "market risk premium from those two rates, then apply CAPM to obtain the share's expected "
        "return.",
        "capm q - beta {beta}, market expected to do {rm} (total return, not the premium), risk "
        "free {rf}. what's the expected return?",
        "Expected return via CAPM = ? Inputs: market return {rm}; beta {beta}; risk-free {rf}. "
        "The premium is the market return minus the risk-free rate.",
        "Please I want to know the expected return of one share by CAPM. The beta of the share is "
        "{beta}, the market give {rm} return in total and the risk-free rate is {rf}. How much is "
        "it?",
    ),
    ood_templates=(
        "Plug into the security market line: rf {rf}, market {rm}, systematic risk (beta) {beta}. "
        "What hurdle rate results?",
        "If government bonds pay {rf} and equities broadly return {rm}, what should a name with "
        "a {beta} beta be priced to earn?",
        "Derive the required rate of return with the capital asset pricing model given "
        "beta = {beta}, Rf = {rf}, Rm = {rm}.",
    ),
)

SORTINO = Family(
    name="sortino",
    unit="ratio",
    reasoning="Sortino = (return - target) / downside deviation.",
    params={
        "R": pct((4, 25), ((26, 60),), ood_decimals=2),
        "T": pct((0.5, 5), ((5.5, 9),), ood_decimals=2),
        "DD": pct((3, 20), ((21, 40), (0.2, 2.9)), ood_decimals=2),
    },
    valid=lambda v: v["R"] > v["T"] + 0.5,
    formula=lambda f: f"({f['R']}-{f['T']})/{f['DD']}",
    solve=lambda v: (v["R"] - v["T"]) / v["DD"],
    convention="unitless ratio",
    templates=(
        "A fund returned {R} with a downside deviation of {DD}. The target return is {T}. "
        "What is its Sortino ratio?",
        "Compute the Sortino ratio: return {R}, minimum acceptable return {T}, downside "
        "deviation {DD}.",
        "What is the Sortino ratio of a strategy earning {R} when the target is {T} and "
        "downside volatility is {DD}?",
        "Return {R}. Target {T}. Downside deviation {DD}. Sortino?",
        "Find the Sortino ratio for a portfolio with annual return {R}, downside risk {DD} and "
        "a {T} hurdle.",
        "A manager made {R}; returns below the {T} target have a deviation of {DD}. Calculate "
        "the Sortino ratio.",
        "Given a minimum acceptable return of {T}, a return of {R} and downside deviation of "
        "{DD}, what Sortino ratio results?",
        "Calculate excess return over the {T} target per unit of downside deviation ({DD}) for "
        "a {R} return.",
        "can someone run the Sortino on the macro sleeve? ann. return {R}, target {T}, "
        "downside stdev {DD}",
        "return: {R} / target return: {T} / downside deviation (TDD): {DD} / Sortino ratio: ?",
        "What is the Sortino ratio of a portfolio whose annualised return is {R}, whose target "
        "downside deviation is {DD}, and whose investor-specified required return is {T}?",
        "My portfolio made {R} last year. I only care about falling short of {T}, and the "
        "volatility of the returns below that level was {DD}. What's my Sortino ratio?",
        "Sortino ratio, please: {R} p.a. versus a {T} required return, with {DD} of downside "
        "volatility.",
        "Dear Sir, your quarterly report quotes an annualised performance of {R} and a "
        "downside deviation of {DD}, measured against a minimum target return of {T}. Could "
        "you confirm the Sortino ratio this implies?",
        "If downside deviation measured against a {T} target comes to {DD}, what Sortino ratio "
        "does a {R} return give?",
        "A return of {R} was achieved against a required return of {T}, and downside risk was "
        "measured at {DD}. What Sortino ratio is produced?",
        "Sortino inputs\n- downside deviation: {DD}\n- target return: {T}\n- realized return: "
        "{R}\nRatio?",
        "Sortino | Tgt {T} | DownsideDev {DD} | Ret {R} | = ?",
        "My uncle, who retired from teaching last spring, keeps bragging about his income "
        "fund. It gained {R}; he only frets about years that fall short of {T}, and the "
        "downside deviation below that bar is {DD}. What is the fund's Sortino ratio?",
        "For the IC pack I need the Sortino: realised return {R}, below-target risk {DD}, "
        "target {T}.",
        "My neighbour, who is repainting her garage a rather loud orange, showed me her pension "
        "statement: the fund earned {R}, her minimum acceptable return is {T}, and the deviation "
        "of the returns that fell below that minimum was {DD}. Only the downside counts here, not "
        "total volatility. What is the Sortino ratio?",
        "Sortino = (R - MAR) / TDD; R {R}, MAR {T}, TDD {DD}. Value?",
        "A portfolio generated an annual return of {R}. The investor's minimum acceptable return "
        "is {T}, and the target downside deviation of returns relative to that minimum is {DD}. "
        "Calculate the Sortino ratio of the portfolio (the denominator uses downside deviation, "
        "not the standard deviation of all returns).",
        "ok so my fund did {R}, downside dev is {DD} and my target was {T}. sortino ratio?? (not "
        "sharpe, only the bad side counts)",
        "Sortino ratio needed. Downside deviation: {DD}. Target: {T}. Return achieved: {R}.",
        "Please, how I calculate the Sortino ratio? The fund have return of {R}, the target "
        "return is {T} and the deviation only of the negative side is {DD}.",
    ),
    ood_templates=(
        "Our downside semi-deviation is {DD} against a {T} MAR, and we delivered {R}. "
        "Report the Sortino.",
        "How much return above the {T} threshold did a {R} performer earn per unit of "
        "downside deviation, which was {DD}?",
        "Sortino check for the quarterly letter: performance {R}, target {T}, downside dev {DD}.",
    ),
)

KELLY = Family(
    name="kelly",
    unit="percent",
    reasoning="Kelly = p - (1 - p) / odds.",
    params={
        "p": pct((40, 70), ((71, 95),), ood_decimals=2),
        "b": plain((0.8, 3), ((3.5, 12), (0.3, 0.7)), decimals=2),
    },
    valid=lambda v: v["p"] - (100 - v["p"]) / v["b"] > 0.5,
    formula=lambda f: f"{f['p']}-(100-{f['p']})/{f['b']}",
    solve=lambda v: (v["p"] * (v["b"] + 1) - 100) / v["b"],
    convention="fraction of bankroll to stake, in percent",
    templates=(
        "A bet wins with probability {p} and pays {b} to 1. What fraction of the bankroll "
        "does the Kelly criterion stake?",
        "Win probability {p}, payoff odds {b}:1. Kelly fraction?",
        "Using Kelly, how much of your capital should you risk on a trade that wins {p} of "
        "the time with a win/loss ratio of {b}?",
        "Compute the Kelly bet size for p = {p} and odds b = {b}.",
        "A strategy is right {p} of the time and its average win is {b} times its average loss. "
        "What is the full Kelly fraction?",
        "What percentage of the bankroll should be wagered on a {b}-to-1 bet with a {p} chance "
        "of winning, according to Kelly?",
        "Find the optimal Kelly stake: odds {b} to 1, win chance {p}.",
        "Kelly sizing: hit rate {p}, payoff ratio {b}. Fraction of equity to bet?",
        "quick Kelly q: system wins {p} of trades, reward:risk is {b}. what % of capital per "
        "trade at full Kelly?",
        "P(win) = {p} | net payout per unit staked = {b} | full-Kelly stake (% of bankroll) = ?",
        "A gambler is offered a favourable wager that pays {b} units of profit per unit staked "
        "if it succeeds and loses the stake otherwise. If the probability of success is {p}, "
        "what percentage of wealth maximises the expected logarithm of wealth?",
        "I've found a bet I reckon I'll win {p} of the time, and it pays {b} to 1. What share "
        "of my pot should Kelly have me put on it?",
        "Size this edge with the Kelly formula: batting average {p}, payoff multiple {b}.",
        "Team, the backtest shows a win rate of {p} and an average gain of {b} times the average "
        "loss per trade. Before we set leverage, please compute the full-Kelly percentage of "
        "equity per position.",
        "If a bet nets {b} times the stake when it wins and loses the stake when it fails, and "
        "wins with probability {p}, what percentage of the bankroll does the Kelly rule stake?",
        "A wager is offered at odds of {b} to 1 and is won {p} of the time. What percentage of "
        "the bank should be staked under full Kelly?",
        "Kelly calc\n- payout: {b}-to-1\n- probability of winning: {p}\n"
        "Optimal stake as % of bankroll?",
        "kelly_f (% bankroll) | odds {b}:1 | p_win {p}",
        "Between hot dogs at the racetrack, my friend spotted a horse he rates as a {p} chance "
        "to win, and the bookie is offering {b} to 1. If he bets Kelly, what percentage of his "
        "betting money goes on it?",
        "@risk: signal hit ratio is {p}, payoff (avg win / avg loss) is {b}. Full-Kelly "
        "allocation as % of NAV?",
        "My flatmate, who practises the banjo at all hours, has a betting system he says wins {p} "
        "of the time; each winning bet pays {b} to 1 and a loser costs the stake. He doesn't want "
        "the breakeven win rate, he wants to know what percentage of his bankroll the Kelly "
        "criterion would stake. What is it?",
        "f* = p - q/b; p {p}, b {b}. Kelly %?",
        "An investor faces a repeated gamble that returns a net profit of {b} per unit wagered "
        "with probability {p}, and loses the whole wager otherwise. Determine the fraction of "
        "capital, in percent, that maximises long-run growth according to the Kelly criterion.",
        "kelly sizing pls. odds {b} to 1, i win like {p} of the time. how much of my stack do i "
        "bet",
        "Full-Kelly stake as % of bankroll? Given: net odds {b}; probability of a win {p}.",
        "Hello, I have one bet where the winning chance is {p} and if it win I receive {b} times "
        "my money as profit. With Kelly formula, how much percent of my money I should put?",
    ),
    ood_templates=(
        "I win {p} of my trades and my winners are {b}x my losers. How much of my stack would "
        "full Kelly put on each trade?",
        "Given net odds of {b} and success probability {p}, what growth-optimal fraction "
        "should be staked?",
        "Determine f* for a wager paying {b}:1 that comes good with probability {p}.",
    ),
)

BETA = Family(
    name="beta",
    unit="ratio",
    reasoning="Beta = correlation * asset vol / market vol.",
    params={
        "rho": plain((0.2, 0.95), ((0.01, 0.15),), decimals=2, ood_decimals=3),
        "sa": pct((10, 50), ((55, 120),), ood_decimals=2),
        "sm": pct((10, 25), ((26, 45),), ood_decimals=2),
    },
    formula=lambda f: f"{f['rho']}*{f['sa']}/{f['sm']}",
    solve=lambda v: v["rho"] / (v["sm"] / v["sa"]),
    convention="unitless",
    templates=(
        "A stock has volatility {sa}, the market {sm}, and their correlation is {rho}. "
        "What is the stock's beta?",
        "Correlation with the index {rho}; stock vol {sa}; index vol {sm}. Compute beta.",
        "Find beta given a correlation of {rho}, asset volatility {sa} and market volatility {sm}.",
        "What is the beta of a fund whose returns have a {rho} correlation with the market, "
        "a {sa} standard deviation, and a market standard deviation of {sm}?",
        "Calculate beta: rho = {rho}, sigma asset = {sa}, sigma market = {sm}.",
        "The market's volatility is {sm}. A share with {sa} volatility correlates {rho} with it. "
        "Beta?",
        "Estimate the market beta of an asset (volatility {sa}) that has correlation {rho} to "
        "a benchmark with volatility {sm}.",
        "Asset sigma {sa}, benchmark sigma {sm}, correlation {rho}. What is the beta?",
        "what's the beta on TSLA vs SPX? corr {rho}, TSLA vol {sa}, SPX vol {sm}",
        "corr(asset, mkt) = {rho}; sd_asset = {sa}; sd_mkt = {sm}; beta = ?",
        "What is the beta coefficient of a security if the correlation coefficient between its "
        "returns and those of the market portfolio is {rho}, the standard deviation of its "
        "returns is {sa}, and the standard deviation of market returns is {sm}?",
        "I'm looking at a utility stock with annualised volatility of {sa}. Its correlation "
        "with the FTSE is {rho} and the FTSE's vol is {sm}. What beta does that work out to?",
        "Back out the equity beta from rho {rho}, a {sa} annualized stock stdev and a {sm} "
        "index stdev.",
        "Hello, the factsheet for the fund I hold lists annualised volatility of {sa} against "
        "{sm} for its benchmark, and a correlation of {rho} between the two. What beta is that "
        "equivalent to?",
        "If a stock's returns correlate {rho} with the index, and the stock and index have "
        "volatilities of {sa} and {sm} respectively, what is the stock's beta?",
        "Annualised volatilities of {sm} for the benchmark and {sa} for the portfolio have "
        "been measured, and the correlation between them is estimated at {rho}. What beta does "
        "the portfolio have against the benchmark?",
        "Beta calc\n- index vol: {sm}\n- stock vol: {sa}\n- correlation: {rho}\nBeta?",
        "β? ρ(i,m) = {rho}, σ_i = {sa}, σ_m = {sm}",
        "While rebalancing my kid's college fund on a long flight, I noticed the small-cap fund "
        "has {sa} volatility versus {sm} for the broad market, and the two have a {rho} "
        "correlation. What's the fund's beta?",
        "Our treasury desk wants the minimum-variance hedge ratio of a single stock against "
        "index futures: correlation {rho}, stock volatility {sa}, futures volatility {sm}. "
        "What hedge ratio (beta) should they use?",
        "My father-in-law collects vintage radios and, lately, mining shares. For his favourite "
        "he has no covariance number, only three figures: share vol {sa}, broad-index vol {sm}, "
        "correlation {rho}. Beta?",
        "β = ρ·σi/σm. ρ {rho}, σi {sa}, σm {sm}. β?",
        "The standard deviation of returns on Share Q is {sa} and that of the market portfolio is "
        "{sm}. The correlation coefficient between the two return series is {rho}. Calculate the "
        "beta of Share Q.",
        "no cov number, just corr {rho} + vols: stock {sa}, mkt {sm}. beta?",
        "Beta needed. Market vol {sm}; correlation {rho}; the stock's own vol {sa}.",
        "Please help, I must find the beta of a share. Its volatility is {sa}, the market have "
        "volatility {sm} and correlation between them is {rho}. Which beta is it?",
    ),
    ood_templates=(
        "How sensitive is the stock to the market? Its vol is {sa}, the market's is {sm}, and "
        "the two move with a correlation of {rho}.",
        "Derive the regression slope of the asset on the market from correlation {rho} and "
        "standard deviations {sa} (asset) and {sm} (market).",
        "With {rho} co-movement, {sa} own volatility and a {sm} volatile benchmark, what beta "
        "does the name carry?",
    ),
)

FAMILIES = (CAPM, SORTINO, KELLY, BETA)
