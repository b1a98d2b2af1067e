"""Return and growth families: compounding, CAGR, continuous compounding, HPR, log return,
loss recovery, Fisher real return."""

from __future__ import annotations

import math

from quantreason.tasks.base import Family, money, pct, plain


def _compound(v: dict) -> float:
    balance = v["P"]
    for _ in range(int(v["n"])):
        balance += balance * v["r"] / 100
    return balance


COMPOUNDING = Family(
    name="compounding",
    unit="currency",
    reasoning="Grow the principal at the annual rate for n years.",
    params={
        "P": money((1000, 250000), ((1_000_000, 90_000_000),)),
        "r": pct((1, 12), ((12.5, 30), (0.1, 0.9)), ood_decimals=2),
        "n": plain((2, 30), ((35, 60),)),
    },
    formula=lambda f: f"{f['P']}*(1+{f['r']}/100)**{f['n']}",
    solve=_compound,
    convention="future value in currency; annual compounding",
    templates=(
        "An investor deposits {P} at {r} annual interest, compounded annually. "
        "What is the balance after {n} years?",
        "What will {P} grow to in {n} years at {r} per year, compounded once a year?",
        "Principal: {P}. Annual rate: {r}. Term: {n} years, annual compounding. "
        "Compute the future value.",
        "Find the future value of {P} invested for {n} years at an annual compound rate of {r}.",
        "If you put {P} into an account paying {r} a year and leave it for {n} years, "
        "how much is in the account at the end? Interest compounds yearly.",
        "A fund compounds at {r} annually. Starting from {P}, what is it worth after {n} years?",
        "Calculate terminal wealth: {P} compounding yearly at {r} for {n} years.",
        "{P} earns {r} per annum with interest reinvested every year. Value after {n} years?",
        "Quick one: I'm parking {P} in a CD at {r} APY for {n} years. What's the maturity value?",
        "pv: {P} | rate: {r} p.a., annual comp. | periods: {n} yrs | solve for fv",
        "Dear advisor, if I lock away {P} for {n} years in a deposit earning {r} per annum, "
        "with interest capitalised annually, what sum will I receive at maturity?",
        "Exam question: A sum of {P} is invested at {r} compound interest, compounding yearly. "
        "Determine the amount after {n} years.",
        "Project the accumulated value of {P} after {n} annual compounding periods at {r}.",
        "Slack from the PM: if the {P} seed capital rolls over at {r} a year, interest on "
        "interest, where are we in {n} years?",
        "Once {n} years have elapsed, how much will have accumulated if a lump sum of {P} is "
        "placed on deposit and interest of {r} is credited and added to principal each year?",
        "FV, yearly compounding | tenor {n}y | AER {r} | opening balance {P}",
        "My brother-in-law, who runs a bakery, keeps telling me to buy a GIC paying {r} a year "
        "with the interest rolled in each anniversary. If I put in {P} and hold it for {n} "
        "years, what do I walk away with?",
        "Treasury is reviewing its {P} reserve. Assuming it earns {r} annually and the "
        "interest is reinvested at each year end, what will the reserve stand at after {n} "
        "years? The figure goes into the board pack.",
        "- amount invested: {P}; - annual yield: {r}, compounding once per year; - investment "
        "period: {n} years. What is the closing value?",
        "Were {P} to accrue interest at {r} per year on a year-by-year compound basis, what "
        "would the account hold at the close of year {n}?",
        "My grandmother keeps her bank book in a biscuit tin beside the radio. Long ago she "
        "opened a fixed deposit of {P}; the bank credits {r} a year and capitalises interest "
        "only once, on each anniversary, never monthly. It has sat untouched for {n} years. "
        "What balance does the book show today?",
        "FV? PV {P} | i {r} p.a., m = 1 (annual comp., not cc) | N {n}y",
        "Examination item: Interest on a principal of {P} is compounded annually at {r} per "
        "annum. Determine the accumulated amount after {n} complete years.",
        "ok dumb q. if i put {P} in and it makes {r} every year, interest added once a year, "
        "how much do i have after {n} yrs??",
        "How much will there be after {n} years? The starting sum is {P} and it compounds "
        "once a year at {r}.",
        "Please I want to know: I put {P} in the bank, bank give {r} each year and the interest "
        "is adding one time per year. After {n} years how much money I have?",
        "Compounding is yearly here, not monthly or continuous. Rate {r} p.a.; horizon {n} "
        "years; seed {P}. Terminal value?",
    ),
    ood_templates=(
        "My grandmother left me {P}. If it sits in a savings product yielding {r} compounded "
        "each year, what will I have in {n} years?",
        "How large does a {P} pot become over {n} years of {r} annual compound growth?",
        "Given annual compounding at {r}, a horizon of {n} years and an initial sum of {P}, "
        "report the ending amount.",
    ),
)


def _cagr(v: dict) -> float:
    return (math.exp(math.log(v["V1"] / v["V0"]) / v["n"]) - 1) * 100


CAGR = Family(
    name="cagr",
    unit="percent",
    reasoning="CAGR = (end / start)^(1 / years) - 1.",
    params={
        "V0": money((1000, 500000), ((1_000_000, 90_000_000),)),
        "V1": money((1000, 500000), ((1_000_000, 90_000_000),)),
        "n": plain((2, 25), ((30, 50),)),
    },
    valid=lambda v: 0.4 < v["V1"] / v["V0"] < 6 and abs(v["V1"] / v["V0"] - 1) > 0.03,
    formula=lambda f: f"(({f['V1']}/{f['V0']})**(1/{f['n']})-1)*100",
    solve=_cagr,
    convention="percent per year; negative when the value fell",
    templates=(
        "A portfolio grew from {V0} to {V1} over {n} years. What was its CAGR?",
        "What is the compound annual growth rate of an investment that went from {V0} "
        "to {V1} in {n} years?",
        "Start value {V0}, end value {V1}, {n} years. Compute the annualized growth rate.",
        "Revenue moved from {V0} to {V1} across {n} years. Find the compound annual growth rate.",
        "Over {n} years an account changed from {V0} to {V1}. What constant yearly return "
        "explains that?",
        "Calculate the CAGR: initial {V0}, final {V1}, period {n} years.",
        "An asset bought for {V0} is worth {V1} after {n} years. Give its annualised return.",
        "{V0} became {V1} in {n} years. At what compound rate per year did it grow?",
        "Bought a flat for {V0}, sold it {n} years later for {V1}. What's my compounded "
        "annual return?",
        "beginning value: {V0}; ending value: {V1}; holding period: {n} yrs; solve for CAGR",
        "AUM went from {V0} to {V1} over the last {n} years -- what's that annualized, compounded?",
        "Exam: A company's sales changed from {V0} to {V1} in {n} years. Calculate the "
        "geometric mean annual growth rate.",
        "What per-annum rate, compounded yearly, takes {V0} to {V1} in {n} years?",
        "Hi, the client's portfolio was valued at {V0} at inception and is at {V1} today, "
        "{n} years after inception. What's the smoothed, compounded yearly growth rate?",
        "If a holding worth {V1} today had been bought for {V0} exactly {n} years ago, what "
        "year-on-year rate, compounded, would it have earned?",
        "CAGR % | BoP {V0} | EoP {V1} | N = {n} yrs",
        "My uncle collects vintage guitars. He paid {V0} for a Les Paul, kept it {n} years, "
        "and a dealer has just offered him {V1}. What is that as a compound annual rate of "
        "appreciation?",
        "Net asset value was recorded at {V0} on the first day and at {V1} on the last day of "
        "a {n}-year window. Find the annually compounded rate of change.",
        "{n} years; {V1} now; {V0} originally put in. Annualised compound return p.a.?",
        "Quick one for the strategy memo: the division's turnover compounded from {V0} to "
        "{V1} over {n} fiscal years -- what CAGR does that work out to? I'll drop it into the "
        "executive summary.",
        "My cousin, who restores old motorbikes at weekends, put {V0} into an index fund when "
        "his first child was born. The child is now {n} years old and the statement shows "
        "{V1}. Leaving the motorbikes aside, what compound annual growth rate did the fund "
        "deliver?",
        "geo. growth p.a. | V_beg {V0} -> V_end {V1} | T = {n} yrs (a count of years, not "
        "dates) | compounded",
        "Examination item: An investment of {V0} has a market value of {V1} at the end of a "
        "holding period of {n} years. Assuming annual compounding, determine the compound "
        "annual growth rate as a percentage.",
        "so my savings went {V0} -> {V1} in {n} years. whats that per year if it compounds?",
        "I need the CAGR. Over {n} years the value moved to {V1}, starting from {V0}.",
        "My company sales was {V0} and after {n} years it become {V1}. Which is the growth "
        "rate each year with compounding?",
        "No calendar dates here, only the length: a holding lasted {n} years, began at {V0} "
        "and ended at {V1}. Find the compound annual growth rate.",
    ),
    ood_templates=(
        "Our endowment stood at {V0} and, {n} years later, at {V1}. Express the change as a "
        "geometric average annual rate.",
        "Determine the yearly compound rate that turns {V0} into {V1} over a span of {n} years.",
        "Ten-bagger or not: with {V0} invested and {V1} now, {n} years on, what is the CAGR?",
    ),
)

CONTINUOUS = Family(
    name="continuous_compounding",
    unit="currency",
    reasoning="Continuous compounding: principal times e^(rate * years).",
    params={
        "P": money((1000, 250000), ((1_000_000, 90_000_000),)),
        "r": pct((0.5, 10), ((11, 25), (0.05, 0.45)), ood_decimals=2),
        "t": plain((1, 30), ((35, 60),)),
    },
    formula=lambda f: f"{f['P']}*exp({f['r']}/100*{f['t']})",
    solve=lambda v: v["P"] * math.e ** (v["r"] * v["t"] / 100),
    convention="future value in currency",
    templates=(
        "An account pays {r} compounded continuously. What does {P} become after {t} years?",
        "Find the value of {P} after {t} years at a continuously compounded rate of {r}.",
        "Principal {P}, rate {r} with continuous compounding, time {t} years. Future value?",
        "How much will {P} be worth in {t} years if interest of {r} accrues continuously?",
        "Compute the continuously compounded future value of {P} at {r} over {t} years.",
        "Invest {P} for {t} years; the rate is {r} per year, compounded continuously. "
        "What is the ending balance?",
        "With continuous compounding at {r}, what is {P} worth {t} years from now?",
        "A deposit of {P} grows continuously at {r} a year. Give its value at year {t}.",
        "Rate {r} p.a., continuous comp., PV {P}, T = {t} yrs. FV?",
        "Exam question: Using A = Pe^(rt), find A when the principal is {P}, the annual rate "
        "is {r} and t is {t} years.",
        "I'm modelling {P} growing at a continuously compounded {r} per annum. What does it "
        "reach after {t} years?",
        "Accumulate {P} for {t} years at a constant force of interest of {r}; give the amount.",
        "Hey, sanity check: {P} invested at {r} cc (continuously compounded) for {t} yrs, "
        "what's it worth at the end?",
        "Dear client, your deposit of {P} accrues interest at {r} annually on a continuous "
        "basis. Please state the projected balance {t} years from today.",
        "Were {P} left to grow for {t} years with interest compounding continuously at {r} "
        "annually, what would the terminal amount be?",
        "FV, cont. comp. | T {t}y | APR {r} | notional {P}",
        "Interest at a nominal annual rate of {r} is compounded continuously on a balance of "
        "{P}. What will the balance have become by the end of year {t}?",
        "Our pricing library uses continuous compounding throughout. Under that convention, "
        "what is {P} grown at {r} per annum worth after {t} years? I'll plug it into the "
        "forward calc.",
        "While we queued for coffee, a colleague from the rates desk asked me what {P} turns "
        "into over {t} years if it grows exponentially, compounded continuously, at {r} a "
        "year. What's the answer?",
        "- horizon: {t} years; - continuously compounded rate: {r} p.a.; - starting principal: "
        "{P}. Required: the accumulated value.",
        "My neighbour, a retired physics teacher who grows tomatoes on his balcony, insists "
        "his bank credits interest continuously. He keeps {P} there at {r} a year and wants "
        "to know the balance in {t} years. What will it be?",
        "cc FV | notional {P} | r_c {r} | T {t}y | grow with e^(rT), not (1+r)^T",
        "Examination item: A sum of {P} is invested at a nominal annual rate of {r} "
        "compounded continuously. Find the accumulated value after {t} years.",
        "if {P} grows at {r} a year but compounded continuously (not once a year), what do i "
        "have after {t} years?",
        "The future value, please, for continuous compounding over {t} years: rate {r}, "
        "starting sum {P}.",
        "Bank say the interest {r} is compounding continuous, every moment. I deposit {P} and "
        "wait {t} years. How much I will get?",
    ),
    ood_templates=(
        "Using e-based growth (continuous compounding) at {r} annually, project {P} forward "
        "{t} years.",
        "Suppose interest is credited every instant at a nominal {r} per annum. "
        "What will {P} amount to after {t} years?",
        "Continuous compounding, {t}-year horizon, {r} rate, starting capital {P}: ending value?",
    ),
)

HPR = Family(
    name="holding_period_return",
    unit="percent",
    reasoning="Return = (sell - buy + dividend) / buy.",
    params={
        "P0": plain((5, 500), ((1000, 9999), (0.05, 0.99)), decimals=2, ood_decimals=3),
        "P1": plain((5, 500), ((1000, 9999), (0.05, 0.99)), decimals=2, ood_decimals=3),
        "D": plain((0.1, 10), ((10, 150), (0.001, 0.009)), decimals=2, ood_decimals=3),
    },
    valid=lambda v: 0.5 < v["P1"] / v["P0"] < 2 and v["D"] < 0.15 * v["P0"],
    formula=lambda f: f"({f['P1']}-{f['P0']}+{f['D']})/{f['P0']}*100",
    solve=lambda v: 100 * (v["P1"] + v["D"] - v["P0"]) / v["P0"],
    convention="percent; negative for a loss",
    templates=(
        "You buy a stock at {P0}, receive a {D} dividend, and sell at {P1}. "
        "What is your holding-period return?",
        "Purchase price {P0}, sale price {P1}, dividends received {D}. Compute the total return.",
        "A share bought for {P0} paid {D} in dividends and was sold for {P1}. Find the HPR.",
        "What is the holding period return on a position entered at {P0} and exited at {P1} "
        "with {D} of income?",
        "Calculate the return including income: bought {P0}, sold {P1}, dividend {D}.",
        "An ETF went from {P0} to {P1} and distributed {D} per share. Total return?",
        "Stock price rose or fell from {P0} to {P1}; it also paid {D}. "
        "What percentage did the holder earn?",
        "Entry {P0}. Exit {P1}. Cash dividend {D}. Give the holding-period return.",
        "Cost basis {P0}/share, sold at {P1}, collected {D} in divs along the way. "
        "All-in return %?",
        "buy px: {P0} | sell px: {P1} | div/share: {D} | HPR = ?",
        "Exam: An investor purchases a share for {P0}, receives a dividend of {D} during the "
        "year, and sells it for {P1} at year end. Calculate the holding period return.",
        "What did my round trip earn? Got in at {P0}, got out at {P1}, and the stock paid "
        "a {D} dividend while I held it.",
        "Hi team, for the attribution: the name was marked at {P0} at the start of the period and "
        "{P1} at the end, with {D} of dividends per share. What's its total return?",
        "Combine the capital gain or loss from {P0} to {P1} with the {D} income received; "
        "what is the holding-period yield?",
        "Dividend {D}, exit price {P1}, entry price {P0}: total holding-period return in percent?",
        "If the shares I bought at {P0} are sold today at {P1}, and I count the {D} per-share "
        "dividend already banked, what is my percentage return over the holding period?",
        "TR % (price + income) | basis {P0} | mark {P1} | dvd {D}",
        "Between school runs my neighbour mentioned he'd picked up some utility stock at {P0} "
        "a share, cashed a {D} dividend on each share, and later offloaded the lot at {P1}. "
        "What total return did he make?",
        "A REIT unit was acquired at {P0}; income of {D} per unit was paid while it was held, "
        "and the unit was subsequently disposed of at {P1}. Compute the holding-period return.",
        "Closing out the position today. Given we paid {P0} and are exiting at {P1}, what is "
        "the total return including the {D} dividend? Need it for the trade blotter.",
        "My aunt, who still writes cheques at the supermarket, bought a few telecom shares at "
        "{P0}. Over the year the company paid her {D} per share, and last week she sold at "
        "{P1}. What is her total return as a percentage, dividend included?",
        "simple TR (not log) | px_in {P0} | px_out {P1} | div {D} | % of cost?",
        "Examination item: A security is purchased at {P0} per share. During the holding "
        "period a dividend of {D} per share is received, and the security is then sold at "
        "{P1}. Compute the holding-period return as a percentage of the purchase price.",
        "bought at {P0}, sold at {P1}, got {D} dividend in between. whats my return in %, "
        "counting the div?",
        "What was the percentage return over the holding period? Dividend paid: {D}. Sale: "
        "{P1}. Purchase: {P0}.",
        "I am buying one share at price {P0}, company is giving dividend {D}, then I sell it "
        "at {P1}. How many percent is my return, with the dividend also?",
    ),
    ood_templates=(
        "I picked up shares at {P0} apiece, pocketed {D} per share in payouts, and dumped them "
        "at {P1}. What was my percentage gain or loss?",
        "Measure the total shareholder return for one share: cost {P0}, proceeds {P1}, "
        "distributions {D}.",
        "From a buy at {P0} to a sell at {P1}, with {D} of dividends in between, what is the "
        "period's return?",
    ),
)

LOG_RETURN = Family(
    name="log_return",
    unit="percent",
    reasoning="Log return = ln(end / start).",
    params={
        "P0": plain((5, 500), ((1000, 9999), (0.05, 0.99)), decimals=2, ood_decimals=3),
        "P1": plain((5, 500), ((1000, 9999), (0.05, 0.99)), decimals=2, ood_decimals=3),
    },
    valid=lambda v: 0.5 < v["P1"] / v["P0"] < 2 and v["P1"] != v["P0"],
    formula=lambda f: f"ln({f['P1']}/{f['P0']})*100",
    solve=lambda v: 100 * (math.log(v["P1"]) - math.log(v["P0"])),
    convention="percent (continuously compounded); negative for a fall",
    templates=(
        "A stock moves from {P0} to {P1}. What is its log return?",
        "Compute the continuously compounded return for a price change from {P0} to {P1}.",
        "Price yesterday {P0}, price today {P1}. Find the logarithmic return.",
        "What is the log return of an asset that went from {P0} to {P1}?",
        "Calculate ln-return: start {P0}, end {P1}.",
        "An index closed at {P0}, then at {P1}. Give the continuously compounded return.",
        "If a share price changes from {P0} to {P1}, what is the natural-log return?",
        "Opening price {P0}; closing price {P1}. Log return, please.",
        "p_start={P0}, p_end={P1}; compute log-ret in %.",
        "Exam question: a currency pair trades at {P0} at the start of the day and {P1} at "
        "the close. Calculate the continuously compounded daily return.",
        "For the vol model I need the log return between yesterday's close of {P0} and "
        "today's close of {P1}.",
        "Give the log price relative, the natural log of the ratio of the ending price {P1} "
        "to the beginning price {P0}, as a percentage.",
        "A commodity settled at {P0} one session and {P1} the next; what is its cc return?",
        "Tick data: first trade {P0}, last trade {P1}. Log return in percent?",
        "If the spot FX rate goes from {P0} to {P1}, what is the log-return, in percent?",
        "=LN(close/prev_close)*100 where prev_close is {P0} and close is {P1}",
        "Our intern, who swears by candlestick charts, noticed Brent opened the week at {P0} "
        "and finished it at {P1}. What is the weekly logarithmic return?",
        "A closing level of {P0} was followed by a closing level of {P1}. Compute the "
        "continuously compounded return for this interval, as a percentage.",
        "The price is now {P1}, having been {P0} before. What's the log return of that move?",
        "- earlier print: {P0}; - later print: {P1}; - wanted: 100 x natural log of the price "
        "ratio (later over earlier).",
        "My flatmate, who trades crypto between hospital shifts, saw a coin move {P0} to {P1} "
        "overnight. His spreadsheet column wants ln-based returns rather than plain percent "
        "moves. What figure goes in?",
        "r = ln(P_t / P_t-1) | P_t-1 {P0} | P_t {P1} | in %",
        "Examination item: A security's price is {P0} initially and {P1} finally. State the "
        "logarithmic return in percent, i.e. under continuous compounding.",
        "price went {P0} to {P1}, need the log return not the simple one, in %",
        "Log return please. Current price {P1}; previous price {P0}.",
        "The stock price before is {P0} and after it is {P1}. How I calculate the return with "
        "natural logarithm, in percent?",
    ),
    ood_templates=(
        "Express the move from {P0} to {P1} as a continuously compounded percentage change.",
        "Using natural logarithms, by how much did the price change going {P0} -> {P1}?",
        "My futures contract marked at {P0} and then at {P1}. What's the log return on it?",
    ),
)

LOSS_RECOVERY = Family(
    name="loss_recovery",
    unit="percent",
    reasoning="Needed gain = loss / (100% - loss).",
    params={"L": pct((5, 60), ((61, 90), (0.5, 4.9)), ood_decimals=2)},
    formula=lambda f: f"{f['L']}/(100-{f['L']})*100",
    solve=lambda v: (100 / (100 - v["L"]) - 1) * 100,
    convention="gain needed in percent, positive",
    templates=(
        "A portfolio loses {L}. What gain is needed to get back to break-even?",
        "After a {L} drawdown, what percentage return restores the original value?",
        "If an investment falls by {L}, how much must it rise to recover fully?",
        "Loss: {L}. Required recovery gain?",
        "What return does a fund need to make up a {L} decline?",
        "Your account dropped {L}. Compute the percentage gain required to break even.",
        "A stock fell {L} from its purchase price. By what percent must it climb to return "
        "to that price?",
        "Calculate the recovery return after losing {L} of capital.",
        "The fund is in a {L} drawdown from its high-water mark. What return gets it back "
        "to the HWM?",
        "Exam: An investor's capital declines by {L}. What percentage gain on the reduced "
        "balance is required to restore the initial capital?",
        "ugh, my portfolio is down {L}. what % gain gets me back to even?",
        "drawdown: {L} | required gain to recoup: ?",
        "Peak-to-trough decline of {L}. Compute the percentage rebound needed to regain the "
        "prior peak.",
        "Hi, a client asks: after a {L} markdown on her holdings, what subsequent uplift "
        "would restore her starting NAV?",
        "Should a position lose {L} of its value, what percentage gain would then be needed "
        "to get it back to its original value?",
        "Breakeven uplift % | DD {L}",
        "My dad, who still reads the paper edition of the FT, saw his pension slide {L} in "
        "the crash. What percent does it have to climb to reach its pre-crash level again?",
        "Capital in a strategy has been written down by {L}. What return must subsequently be "
        "earned on the remaining capital for the initial amount to be restored?",
        "Risk committee notes. The macro book is underwater by {L} versus its starting value. "
        "How much must it make back, as a percent of what is left, to be whole again? Please "
        "circulate before the close.",
        "- cumulative loss: {L}; - target: back to the starting level; - gain required on "
        "the depleted balance?",
        "My sister, who teaches piano on Saturdays, saw her retirement pot shrink by {L} in "
        "the last bear market. She wonders by how many percent it must now rise to be level "
        "with her original balance. Can you tell her?",
        "req. gain to recoup DD | DD {L} | base = post-loss value",
        "Examination item: The value of a portfolio decreases by {L}. Determine the "
        "percentage increase, measured on the reduced value, that is required to return the "
        "portfolio to its original value.",
        "down {L} on my stocks rn. how much % do i need to make to be back where i started?",
        "Required: the gain that restores the starting balance. Given: a {L} loss.",
        "My investment is losing {L}. Now how much percent it must go up for coming back to "
        "the money I put first?",
    ),
    ood_templates=(
        "Down {L} on the year: how big a rally does the book need just to be flat again?",
        "Having shed {L} of its value, what upside move would bring the asset back to where "
        "it began?",
        "Determine the break-even gain following a {L} hit to equity.",
    ),
)

REAL_RETURN = Family(
    name="real_return",
    unit="percent",
    reasoning="Fisher: (1 + nominal) / (1 + inflation) - 1.",
    params={
        "nom": pct((2, 15), ((16, 40),), ood_decimals=2),
        "inf": pct((0.5, 8), ((9, 25),), ood_decimals=2),
    },
    formula=lambda f: f"((1+{f['nom']}/100)/(1+{f['inf']}/100)-1)*100",
    solve=lambda v: 100 * ((100 + v["nom"]) / (100 + v["inf"]) - 1),
    convention="exact (not approximate) real return in percent",
    templates=(
        "A bond yields {nom} nominal while inflation is {inf}. What is the real return?",
        "Nominal return {nom}, inflation {inf}. Compute the exact real return (Fisher).",
        "What is the inflation-adjusted return if you earn {nom} and prices rise {inf}?",
        "Using the Fisher equation, find the real rate for a nominal rate of {nom} and "
        "inflation of {inf}.",
        "Inflation ran at {inf} and the portfolio returned {nom}. What was the real return?",
        "Calculate the real return: nominal {nom}, CPI inflation {inf}.",
        "If your savings earn {nom} a year and inflation is {inf}, how much does your "
        "purchasing power grow?",
        "Find the exact real interest rate when the nominal rate is {nom} and inflation is {inf}.",
        "nominal: {nom} | CPI: {inf} | real (exact, not approx.) = ?",
        "Exam: A Treasury note offers a nominal yield of {nom}. If expected inflation is "
        "{inf}, compute the real yield with the exact Fisher relation, not the approximation.",
        "Our fund made {nom} this year but headline inflation was {inf}. What's that in real "
        "terms? (Don't just subtract.)",
        "Convert a {nom} nominal return into constant-dollar terms given {inf} inflation, "
        "using the exact method.",
        "Dear client, your portfolio returned {nom} before inflation and the price level rose "
        "{inf}. What was your exact return in purchasing-power terms?",
        "Strip {inf} inflation out of a {nom} nominal yield with the precise Fisher formula.",
        "If a conventional gilt returns {nom} and RPI inflation comes in at {inf}, what is the "
        "exact real return, i.e. (1 + nominal) / (1 + inflation) - 1?",
        "real_ret_exact | infl {inf} | nom_ret {nom}",
        "My landlord put the rent up again and the news says the price index rose {inf}; "
        "meanwhile my brokerage account gained {nom}. By what percentage did my wealth grow in "
        "today's money, using the exact Fisher relation?",
        "A nominal return of {nom} was earned over a year in which the cost of living "
        "increased by {inf}. Determine the real return exactly, without the linear shortcut.",
        "- headline return: {nom}; - inflation (HICP): {inf}; - required: real return, "
        "computed by dividing growth factors rather than subtracting.",
        "Writing up the annual review. The pension scheme's assets returned {nom}, and once "
        "we account for {inf} inflation the exact inflation-adjusted figure is what? The "
        "trustees want the precise number, not the rule of thumb.",
        "My grandfather, who still grumbles about the cost of bread, held a savings bond "
        "paying {nom} last year while inflation over that year ran at {inf}. Divide the "
        "growth factors (Fisher, exact) instead of subtracting: how much did his money "
        "really gain?",
        "Fisher exact | i_nom {nom} | pi {inf} | r_real = ?",
        "Examination item: During a year in which the general price level climbs {inf}, a "
        "portfolio earns {nom} in nominal terms. Give its real return exactly, via the "
        "Fisher relation.",
        "my account made {nom} this year and inflation was {inf}. whats my real return, the "
        "exact way not just minus?",
        "Real return (exact)? Inflation {inf}, nominal {nom}.",
        "The bank give me {nom} interest, but prices go up {inf}. How much is my real return "
        "really, with exact formula and not only subtracting?",
    ),
    ood_templates=(
        "With consumer prices climbing {inf} and my deposit paying {nom}, what is my true "
        "gain in purchasing power, computed exactly?",
        "Deflate a {nom} money return by {inf} inflation (multiplicatively). Result?",
        "Real yield via Fisher: the nominal is {nom}, expected inflation {inf}.",
    ),
)

FAMILIES = (COMPOUNDING, CAGR, CONTINUOUS, HPR, LOG_RETURN, LOSS_RECOVERY, REAL_RETURN)
