"""Valuation families: NPV, loan payment, bond price, Gordon growth, modified duration."""

from __future__ import annotations

from collections.abc import Mapping

from quantreason.tasks.base import (
    Family,
    TermCount,
    draw_params,
    money,
    pct,
    plain,
    sample_with_side_figures,
    side_sentences,
)
from quantreason.tasks.purchases import purchase_aside, with_purchase
from quantreason.tasks.term_counts import term_formula

_BIG = ((1_000_000, 90_000_000),)


# Cash flows at the end of years 1, 2, 3, ...: every question has three, a list may run to six.
_FLOWS = ("cf1", "cf2", "cf3", "cf4", "cf5", "cf6")


def _npv(v: dict) -> float:
    total, factor = -v["C0"], 1.0
    for flow in (v[name] for name in _FLOWS if name in v):
        factor /= 1 + v["r"] / 100
        total += flow * factor
    return total


def _npv_formula(f: Mapping[str, str]) -> str:
    flows = ", ".join(f[name] for name in _FLOWS if name in f)
    return f"npv({f['r']}/100, {flows})-{f['C0']}"


_NPV_PARAMS = {
    "C0": money((10000, 500_000), _BIG),
    "cf1": money((3000, 300_000), _BIG),
    "cf2": money((3000, 300_000), _BIG),
    "cf3": money((3000, 300_000), _BIG),
    "cf4": money((3000, 300_000), _BIG),
    "cf5": money((3000, 300_000), _BIG),
    "cf6": money((3000, 300_000), _BIG),
    "r": pct((3, 15), ((16, 30), (0.1, 2.5)), ood_decimals=2),
}
# A cost already spent ("we spent $12,000 on the feasibility study last quarter"), which
# people mention beside a project's cash flows; a sunk cost never enters the NPV.
_NPV_SIDE = {"sunk": money((1000, 80_000), ())}
_NPV_ASIDES = {
    "sunk": (
        "We already spent {sunk} on a feasibility study last year.",
        "{sunk} has already gone on research.",
        "The consultants were paid {sunk} last year.",
        "So far {sunk} has been spent on the planning.",
        "A market study costing {sunk} was paid for last quarter.",
    )
}

NPV = Family(
    name="npv",
    unit="currency",
    reasoning="NPV = the inflows discounted at r, minus the outlay today.",
    params=_NPV_PARAMS,
    sample=sample_with_side_figures(_NPV_PARAMS, _NPV_SIDE),
    aside=side_sentences(_NPV_ASIDES),
    optional=_FLOWS[3:],
    valid=lambda v: 0.5 < (v["cf1"] + v["cf2"] + v["cf3"]) / v["C0"] < 2.5,
    # npv()/pv()/pmt() keep the formula short: the model copies each number once, within
    # its answer budget, instead of repeating the rate in every discount factor.
    formula=_npv_formula,
    solve=_npv,
    convention="currency; negative when the project destroys value",
    templates=(
        "A project costs {C0} today and returns {cf1}, {cf2} and {cf3} at the end of years 1, 2 "
        "and 3. At a {r} discount rate, what is its NPV?",
        "Initial investment {C0}. Cash flows: year 1 {cf1}; year 2 {cf2}; year 3 {cf3}. "
        "Discount rate {r}. Compute the NPV.",
        "What is the net present value of paying {C0} now to receive {cf1} in one year, {cf2} "
        "in two years and {cf3} in three years, discounting at {r}?",
        "Discount rate {r}. Outlay {C0}. Inflows {cf1} (year 1), {cf2} (year 2), {cf3} "
        "(year 3). NPV?",
        "Find the NPV at {r} of a machine that costs {C0} and saves {cf1}, {cf2} and {cf3} over "
        "the next three years.",
        "Compute net present value: cost {C0}; year-one cash {cf1}; year-two cash {cf2}; "
        "year-three cash {cf3}; rate {r}.",
        "An investment of {C0} produces {cf1} after a year, {cf2} after two and {cf3} after "
        "three. With a cost of capital of {r}, what is the NPV?",
        "Evaluate this project at {r}: spend {C0} up front, then collect {cf1}; {cf2}; {cf3} "
        "in years one to three. Net present value?",
        "I'm thinking of sinking {C0} into a food truck. I reckon it nets {cf1} the first year, "
        "{cf2} the second and {cf3} the third, and my money could earn {r} a year elsewhere. "
        "What's the NPV?",
        "quick q - capex of {C0} today, FCF Y1 {cf1}, Y2 {cf2}, Y3 {cf3}, discounting at {r} "
        "p.a. what NPV do you get?",
        "A firm is appraising a capital budgeting proposal that requires an initial outlay of "
        "{C0}. Expected after-tax cash flows at the end of years one, two and three are {cf1}, "
        "{cf2} and {cf3}. Given a required rate of return of {r}, calculate the project's NPV.",
        "cf0 (outflow): {C0} | cf1: {cf1} | cf2: {cf2} | cf3: {cf3} | disc. rate: {r} | NPV: ?",
        "Hi, the franchise would cost us {C0} to buy and our accountant projects year-end cash "
        "receipts of {cf1}, {cf2} and {cf3} for the first three years. Discounting at our {r} "
        "opportunity cost of capital, is it worth it? Please quote the net present value.",
        "Calculate the NPV at {r} per annum of {C0} paid out today against receipts of {cf1}, "
        "{cf2} and {cf3} at the next three year-ends respectively.",
        "If an initial cost of {C0} is incurred immediately and net cash inflows of {cf1}, "
        "{cf2} and {cf3} follow at the close of years 1, 2 and 3, what net present value "
        "results when the minimum acceptable return is {r}?",
        "Receipts of {cf1}, {cf2} and {cf3} are forecast for the ends of years one, two and "
        "three; they are to be discounted at {r}, and an outlay of {C0} is required at t = 0. "
        "Determine the NPV.",
        "@fin-team before Friday's IC can someone run the DCF on the Lisbon fit-out? {C0} out "
        "the door now, then net savings of {cf1}, {cf2}, {cf3} at the end of FY1, FY2 and FY3. "
        "use {r} as the discount rate, I just need the NPV number",
        "Project Falcon | NPV @ {r} | Yr0 spend {C0} | Yr1-Yr3 inflows {cf1}, {cf2}, {cf3} | "
        "result =",
        "My cousin, who runs a small bakery in Leeds and has just hired a third apprentice, is "
        "weighing up a new oven costing {C0} that should bring in extra cash of {cf1}, {cf2} "
        "and {cf3} over its three-year life (received at each year-end). Her bank charges her "
        "{r} a year, so what is the oven's net present value?",
        "Ignoring taxes and inflation, what's the NPV (at {r}) of laying out {C0} today for "
        "{cf1}, {cf2} and {cf3} at t = 1, 2 and 3 years?",
        "My brother-in-law wants to put solar panels on his barn, where he also keeps two very "
        "noisy goats. The panels cost {C0} now and should save {cf1} in the first year, {cf2} in "
        "the second and {cf3} in the third, each at year-end. If his money could earn {r} "
        "elsewhere, what is the net present value of the panels after paying for them?",
        "Cash flows by year - t0: {C0} out; t1: {cf1} in; t2: {cf2} in; t3: {cf3} in. Rate {r}. "
        "NPV =",
        "Exam question: a company may undertake a scheme that costs {C0} at its start. Net "
        "receipts anticipated for the first three years (at each year-end) are {cf1}, {cf2} and "
        "{cf3}. Applying a cost of capital of {r}, determine the scheme's net present value.",
        "npv check pls: {r} rate, pay {C0} now, get back {cf1} then {cf2} then {cf3} (end of yrs "
        "1-3)",
        "Net present value wanted. Year 3 inflow {cf3}, year 2 inflow {cf2}, year 1 inflow {cf1}; "
        "discount at {r}; the cost paid today is {C0}.",
        "Please help me for calculate NPV. We invest {C0} today and we receive {cf1} after first "
        "year, {cf2} after second year, {cf3} after third year. Discount rate is {r}. The NPV is "
        "how much?",
        # Longer lists (Family.optional): four, five and six year-end flows.
        "A project costs {C0} today and returns {cf1}, {cf2}, {cf3} and {cf4} at the end of "
        "years 1 to 4. At a {r} discount rate, what is its NPV?",
        "Outlay {C0} now; inflows of {cf1}, {cf2}, {cf3}, {cf4} and {cf5} over the next five "
        "years, each at year-end. Discount rate {r}. NPV?",
        "Year 0: -{C0}\nYear 1: {cf1}\nYear 2: {cf2}\nYear 3: {cf3}\nYear 4: {cf4}\n"
        "Discounting at {r}, what is the net present value?",
        "We'd invest {C0} up front and expect {cf1}, {cf2}, {cf3}, {cf4}, {cf5} and {cf6} at "
        "the end of years one to six. With a {r} cost of capital, what is the NPV?",
        "NPV at {r}: initial cost {C0}, then year-end cash flows {cf1} / {cf2} / {cf3} / {cf4} "
        "/ {cf5}.",
        "Cash flows: t0 = -{C0}, t1 = {cf1}, t2 = {cf2}, t3 = {cf3}, t4 = {cf4}, t5 = {cf5}, "
        "t6 = {cf6}. Rate {r}. Net present value?",
    ),
    ood_templates=(
        "We'd spend {C0} on a new plant that throws off {cf1} in year one, {cf2} in year two and "
        "{cf3} in year three. Our hurdle is {r}. Does it add value, and how much?",
        "Price today's worth of the stream {cf1} / {cf2} / {cf3} (years 1-3) at {r}, less the "
        "{C0} purchase price.",
        "Using a {r} WACC, net the discounted inflows of {cf1}, {cf2}, {cf3} (end of years 1, 2, "
        "3) against an upfront {C0}.",
    ),
)


def _payment(v: dict) -> float:
    monthly = v["r"] / 1200
    growth = (1 + monthly) ** (v["n"] * 12)
    return v["L"] * monthly * growth / (growth - 1)


_LOAN_PARAMS = {
    "L": money((5000, 800_000), ((1_000_000, 50_000_000), (500, 4900))),
    "r": pct((2, 12), ((12.5, 25), (0.1, 1.5)), decimals=2),
    "n": plain((2, 30), ((35, 40), (35, 40))),
}

# A share of the questions name the purchase the loan pays for (tasks/purchases.py).
LOAN_PAYMENT = Family(
    name="loan_payment",
    unit="currency",
    reasoning="Annuity payment at the monthly rate r/12 over 12n months.",
    params=_LOAN_PARAMS,
    sample=lambda rng, ood: with_purchase(rng, draw_params(_LOAN_PARAMS, rng, ood)),
    aside=purchase_aside,
    formula=lambda f: f"pmt({f['r']}/100/12, {term_formula(f, '12')}, {f['L']})",
    term_count=TermCount(per_year=12.0),
    solve=_payment,
    convention="monthly payment in currency; annual rate compounded monthly",
    templates=(
        "What is the monthly payment on a {L} loan at {r} annual interest over {n} years?",
        "A {n}-year mortgage of {L} carries a {r} annual rate. Compute the monthly payment.",
        "Loan amount {L}, annual rate {r}, term {n} years, monthly payments. Payment?",
        "Find the fixed monthly installment that repays {L} in {n} years at {r} per year.",
        "You borrow {L} for {n} years at {r}. How much do you pay each month?",
        "Calculate the level monthly payment for a {L} car loan at {r} APR lasting {n} years.",
        "Monthly payment needed to amortize {L} over {n} years with a {r} yearly interest rate?",
        "Principal {L}; rate {r} a year; {n} years of monthly repayments. Find the payment.",
        "Thinking of buying a flat - the mortgage would be {L} over {n} years at {r} annual "
        "interest. What would my monthly repayment come to?",
        "A borrower takes out a fully amortising loan of {L} at a nominal annual rate of {r}, "
        "compounded monthly, repayable in equal monthly instalments over {n} years. Determine "
        "the instalment.",
        "principal={L} rate={r} p.a. (monthly compounding) term={n}y freq=monthly -> PMT?",
        "@credit can someone calc monthly P&I on a {L} term loan, {r} annual, {n}yr "
        "amortization? need it for the model",
        "Good afternoon, we are looking to finance new equipment with a {L} loan at {r} per "
        "annum over {n} years, repaid monthly in arrears. Could you let us know the monthly "
        "payment?",
        "Work out the EMI (equated monthly instalment) on {L} borrowed for {n} years at {r} a "
        "year.",
        "If I took out a {n}-year repayment mortgage for {L} at a fixed {r} a year, compounded "
        "monthly, how much would each monthly instalment be?",
        "At {r} per year, a sum of {L} is to be paid back in equal monthly amounts spread "
        "across {n} years. How large is each amount?",
        "Loan quote - amount borrowed: {L} - interest: {r} yearly, monthly compounding - "
        "duration: {n} years - what's the monthly outgoing?",
        "We're a family of four relocating to Denver for my partner's new job, and the lender "
        "has pre-approved us for {L} at an annual interest rate of {r} spread over {n} years; "
        "ignoring property taxes and insurance, what will the principal-and-interest payment "
        "be each month?",
        "Cell D4: monthly repayment on {L} of debt, {r} yearly rate, {n}-yr term -> value?",
        "A small business, which intends to clear a {L} bank loan by making identical "
        "payments at the end of every month for {n} years, is charged interest at a yearly "
        "rate of {r}, compounded monthly. Calculate the size of each payment.",
        "We finally found a cottage with a crooked chimney and a cat that apparently comes with "
        "the house. The bank will lend us {L} at {r} a year (nominal, compounded monthly) over "
        "{n} years, paid every month. What's our monthly payment?",
        "PMT (monthly): PV {L}, {r} p.a. / 12, {n}y x 12 periods.",
        "A loan of {L} is to be repaid by equal instalments at the end of each month over {n} "
        "years. Interest is charged at a nominal rate of {r} per annum, compounded monthly. "
        "Calculate the amount of each monthly instalment.",
        "how much would i pay a month on {L}? rate is {r} a year, {n} years, paid monthly not "
        "quarterly",
        "Monthly payment? {n} years, {r} annual rate, {L} borrowed.",
        "Hello, I take a credit from bank of {L} for {n} years, interest is {r} per year. Every "
        "month I pay the same amount. How much is this amount each month?",
    ),
    ood_templates=(
        "The bank will lend me {L} at {r} nominal per annum, repaid monthly across {n} years. "
        "What comes out of my account every month?",
        "Size the monthly debt service on a {L} amortizing facility: {r} coupon, {n}-year tenor.",
        "Level-payment amortization: balance {L}, APR {r}, {n} years. What is each monthly "
        "installment?",
    ),
)


def _bond(v: dict) -> float:
    coupon, rate = v["c"] / 100 * v["F"], v["y"] / 100
    price = 0.0
    for year in range(1, int(v["n"]) + 1):
        price += coupon / (1 + rate) ** year
    return price + v["F"] / (1 + rate) ** int(v["n"])


BOND_PRICE = Family(
    name="bond_price",
    unit="currency",
    reasoning="Price = coupons and face value discounted at the yield.",
    params={
        "F": plain((0, 0), ((0, 0),), choices=(100.0, 1000.0)),
        "c": pct((1, 10), ((10.5, 20), (0.05, 0.9)), ood_decimals=2),
        "y": pct((1, 12), ((12.5, 25), (0.05, 0.9)), decimals=2),
        "n": plain((2, 30), ((35, 50), (35, 50))),
    },
    # The face value first: "c/100*F" was copied as "c/1000" (run W: 3 of its bond misses).
    formula=lambda f: f"pv({f['y']}/100, {f['n']}, {f['F']}*{f['c']}/100, {f['F']})",
    solve=_bond,
    convention="price in currency per bond; annual coupons",
    templates=(
        "A {n}-year bond with face value {F} pays an annual coupon of {c}. If the yield is {y}, "
        "what is its price?",
        "Price a bond: face {F}, coupon rate {c} paid annually, yield to maturity {y}, "
        "maturity {n} years.",
        "What is the price of a {F}-par bond with a {c} annual coupon, {n} years to maturity "
        "and a {y} yield?",
        "Coupon {c}, YTM {y}, {n} years, par {F}, annual payments. Bond price?",
        "Compute the fair value of a bond paying {c} annually on a face of {F} for {n} years "
        "when market yields are {y}.",
        "Find the present value of a {n}-year annual-coupon bond (coupon {c}, face {F}) at "
        "a yield of {y}.",
        "A bond matures in {n} years, has a {c} coupon paid once a year and par value {F}. "
        "The required yield is {y}. What should it trade at?",
        "Discount a {F} face, {c} annual-coupon bond with {n} years left at a {y} yield. Price?",
        "I'm eyeing a corporate bond: {F} par, {c} coupon paid yearly, {n} years until it "
        "matures. If I need a {y} yield to maturity, what's it worth today?",
        "Consider an option-free bond with a nominal value of {F}, an annual coupon rate of {c} "
        "and {n} years remaining to maturity. If the market discount rate is {y}, calculate its "
        "price.",
        "par: {F} | cpn: {c} annual | ytm: {y} | mat: {n}y | px: ?",
        "pls price this bullet for me - {c} annual cpn, {n}y to maturity, {F} nominal, {y} YTM. "
        "thx",
        "Dear advisor, I own a bond with a principal of {F} that pays interest at {c} once a "
        "year and is repaid in full in {n} years. Similar issues currently yield {y}. At what "
        "price should it change hands?",
        "Value a {n}-year Eurobond carrying a {c} annual coupon, {F} face, at a {y} "
        "yield-to-maturity.",
        "If a bond with a {F} face amount is priced to yield {y} and carries a {c} coupon paid "
        "annually until it matures in {n} years, what price does that imply?",
        "A {c} annual coupon is paid on this debenture, whose principal of {F} is returned "
        "after {n} years; if it is valued at a {y} market yield, what price is obtained?",
        "Bond pricing inputs: - yield {y} - tenor {n} yrs - face {F} - annual coupon {c}. "
        "Output the price.",
        "My grandmother left me a fixed-rate bond in her will, along with a rather ugly clock; "
        "the paperwork says it has {n} years left, a face amount of {F} and a once-a-year "
        "coupon of {c}. With comparable bonds now yielding {y}, what's the bond worth?",
        "Bond PV calc | yld {y} | {n} yrs | FV {F} | cpn rate {c}, paid 1x/yr | PV = ?",
        "{F} face, {y} YTM, {c} annual coupon, {n} years: what's the price?",
        "My aunt, who breeds prize-winning rabbits, was offered a corporate bond by her bank: "
        "face value {F}, a coupon of {c} paid once a year, {n} years to go. The bank says similar "
        "bonds yield {y}. It is not a zero-coupon bond, so the coupons count too. What is a fair "
        "price?",
        "Px? {n}y annual-pay, cpn {c}, YTM {y}, par {F}.",
        "A bond with a par value of {F} pays coupons annually at a rate of {c} and will be "
        "redeemed at par in {n} years. Calculate its price if the required yield to maturity is "
        "{y}.",
        "bond q - {F} face, pays {c} coupon every year, {n} yrs left, yield {y}. what should i "
        "pay for it",
        "Price wanted for this bond. Yield {y}. Years left {n}. Annual coupon rate {c}. Face {F}.",
        "Please explain me the price of a bond. The face value is {F}, each year it pay coupon "
        "{c}, it finish in {n} years and the market yield is {y}. How much the price is?",
    ),
    ood_templates=(
        "Treasury desk question: annual coupon {c}, redemption at {F}, {n} years out, and the "
        "curve says {y}. Fair price?",
        "How much should I pay for a note that returns {F} in {n} years and pays {c} of par "
        "each year, if I want a {y} yield?",
        "Value the straight bond (par {F}, yearly coupon rate {c}, term {n} years) at a "
        "discount rate of {y}.",
    ),
)

GORDON = Family(
    name="gordon_growth",
    unit="currency",
    reasoning="Price = next dividend / (required return - growth).",
    params={
        "D1": plain((0.5, 10), ((11, 60), (0.01, 0.45)), decimals=2),
        "r": pct((6, 14), ((15, 25), (15, 25)), ood_decimals=2),
        "g": pct((0.5, 6), ((6.5, 12), (6.5, 12)), ood_decimals=2),
    },
    valid=lambda v: v["r"] - v["g"] >= 1.5,
    formula=lambda f: f"{f['D1']}/({f['r']}/100-{f['g']}/100)",
    solve=lambda v: v["D1"] * 100 / (v["r"] - v["g"]),
    convention="price per share in currency; the dividend given is next year's",
    templates=(
        "A stock will pay a dividend of {D1} next year. Dividends grow at {g} forever and the "
        "required return is {r}. What is the stock worth?",
        "Next dividend {D1}, growth rate {g}, required return {r}. Gordon growth value?",
        "Using the dividend discount model, value a share with next-year dividend {D1}, "
        "constant growth {g} and cost of equity {r}.",
        "What price does the Gordon growth model give for D1 = {D1}, g = {g}, r = {r}?",
        "Investors require {r}. The company pays {D1} next year and grows dividends {g} a year. "
        "Intrinsic value?",
        "Compute the value of a perpetually growing dividend stream: first dividend {D1}, "
        "growth {g}, discount rate {r}.",
        "Find the fair share price if the upcoming dividend is {D1}, expected growth is {g} and "
        "the required rate of return is {r}.",
        "Dividend next year {D1}; growth {g}; discount rate {r}. Share value?",
        "Got my eye on an income stock set to pay {D1} a share over the coming year. If the "
        "payout keeps climbing {g} a year indefinitely and I want a {r} return, what's a fair "
        "price?",
        "Assume a firm's dividend one year from now is expected to be {D1}, and that dividends "
        "grow thereafter at a constant annual rate of {g}. If shareholders' required rate of "
        "return is {r}, estimate the intrinsic value per share.",
        "D1={D1}; k_e={r}; g={g}; P0=?",
        "hey, sanity check on a GGM valuation - forward DPS {D1}, LT growth {g}, COE {r}. what "
        "price does that spit out?",
        "Could you tell me what a share should be worth if the company is forecast to "
        "distribute {D1} per share next year, grow that payout by {g} every year after, and my "
        "required return on equities is {r}?",
        "Price a share whose dividend in twelve months is {D1}, growing at {g} p.a. for ever, "
        "discounted at {r}.",
        "If equity holders insist on a {r} return and a company's dividend, which will be "
        "{D1} per share at the end of this year, is expected to increase by {g} each year "
        "forever, what should the shares trade at?",
        "A dividend of {D1} per share is expected to be declared one year from today, with "
        "subsequent dividends rising at a constant {g} year on year without end; the stock is "
        "valued at a {r} cost of equity capital. Find its value.",
        "Growing perpetuity | CF at t=1: {D1} | growth: {g} | disc: {r} | PV:",
        "My uncle, a retired dentist who still reads the FT every morning, holds shares in a "
        "brewery that should pay out {D1} per share a year from now. He thinks that payout "
        "will keep edging up {g} a year with no end in sight and wants at least {r} on his "
        "money. What's the fair value of one share?",
        "Valuation inputs: - expected DPS (t+1): {D1} - perpetual dividend growth: {g} - "
        "equity discount rate: {r}. Share price?",
        "Following our call, I'd like a quick estimate before we discuss allocation: what's "
        "the intrinsic value of a share whose forthcoming annual dividend of {D1} is forecast "
        "to grow at {g} a year without end, using {r} as the capitalisation rate? I'll "
        "circulate the rest of the agenda later.",
        "Grandad pays for everything in cash and distrusts banks, yet he owns shares in a water "
        "utility. Its board has declared that the dividend for the year ahead will be {D1} a "
        "share (nothing was paid this year). He reckons dividends then rise {g} annually without "
        "end, and he demands {r} on his money. Price per share, by Gordon?",
        "GGM: D1 {D1} (fwd, don't grow it again), g {g}, ke {r}. P0?",
        "Company Z is expected to pay a dividend of {D1} per share at the end of the coming year. "
        "Dividends are expected to grow at a constant rate of {g} per annum in perpetuity, and "
        "the required rate of return on the equity is {r}. Calculate the current value of one "
        "share.",
        "ggm q: div next yr {D1}, grows {g} forever, i want {r}. fair price?",
        "Share value by Gordon growth? Required return {r}; growth {g}; dividend due next year "
        "{D1}.",
        "Please I need the price of one share. The dividend which company will pay next year is "
        "{D1}, it grow {g} every year for always, and my required return is {r}. What is the "
        "price?",
    ),
    ood_templates=(
        "A utility's next payout is {D1} a share and should rise {g} annually in perpetuity; "
        "shareholders want {r}. What is a share worth today?",
        "Constant-growth DDM: the coming dividend is {D1}, long-run growth {g}, hurdle {r}. "
        "Solve for price.",
        "If the required yield on the equity is {r} and dividends, starting at {D1} next year, "
        "compound at {g}, what price is justified?",
    ),
)

DURATION = Family(
    name="duration",
    unit="years",
    reasoning="Modified duration = Macaulay / (1 + yield).",
    params={
        "D": plain((1, 15), ((16, 30),), decimals=2),
        "y": pct((1, 10), ((10.5, 20), (0.01, 0.5)), decimals=2),
    },
    formula=lambda f: f"{f['D']}/(1+{f['y']}/100)",
    solve=lambda v: v["D"] * 100 / (100 + v["y"]),
    convention="years; annual compounding",
    templates=(
        "A bond's Macaulay duration is {D} years and its yield is {y}. What is its modified "
        "duration?",
        "Macaulay duration {D}, yield to maturity {y} (annual compounding). Modified duration?",
        "Convert Macaulay duration ({D} years) to modified duration at a {y} yield.",
        "What is the modified duration of a bond yielding {y} whose Macaulay duration is {D}?",
        "Compute modified duration: D_mac = {D}, y = {y}, annual periods.",
        "Find the modified duration for a portfolio with Macaulay duration {D} years when "
        "yields are {y}.",
        "Yield {y}. Macaulay duration {D} years. Calculate the modified duration.",
        "If a bond's Macaulay duration is {D} years and its annual yield is {y}, what is the "
        "modified duration?",
        "Fund factsheet says Macaulay duration {D} yrs, yield {y}. So what's the modified "
        "duration?",
        "A fixed-income security's Macaulay duration equals {D} years. Given an annually "
        "compounded yield to maturity of {y}, compute its modified duration.",
        "MacD: {D} yrs | YTM: {y} (annual comp.) | modified duration: ?",
        "risk team needs mod dur for the book - Mac dur is {D}y, yield {y} annual. can someone "
        "convert?",
        "Dear team, our fixed income report shows Macaulay duration at {D} years for the bond "
        "ladder, yielding {y} on an annual basis. Could you provide the corresponding modified "
        "duration?",
        "Turn Macaulay duration {D} into modified duration; yield is {y} per annum.",
        "If the weighted-average time to receipt of a bond's cash flows (its Macaulay "
        "duration) is {D} years and it yields {y} with annual compounding, what is its "
        "modified duration?",
        "With yields at {y}, compounded once a year, the Macaulay measure for this annual-pay bond "
        "comes out at {D} years. What modified duration does that correspond to?",
        "MDURATION check: Macaulay {D} yrs, annual yield {y}, 1 coupon/yr -> ModDur =",
        "Our pension trustee meeting ran long (mostly about the new car park), but one item "
        "stuck: the bond fund's Macaulay duration is {D} years at a yield of {y}, annually "
        "compounded. What's the modified duration?",
        "Inputs - Macaulay D: {D} years - annual-basis yield: {y}. Required: D* (modified "
        "duration).",
        "An analyst who wants to estimate a bond's percentage price change for a small move "
        "in rates knows only that its Macaulay duration, measured in years, is {D} and that "
        "its annually compounded yield is {y}. What modified duration should she use?",
        "Our book club's treasurer, who also runs the raffle, parked some savings in a bond fund. "
        "Its sheet already quotes a Macaulay figure of {D} years (no need to rebuild it from "
        "coupons); the fund yields {y} on an annual-compounding basis. What's the modified "
        "duration then?",
        "ModDur = MacD / (1 + y). MacD {D}y, y {y}.",
        "For an annual-pay bond whose Macaulay duration has been computed as {D} years, and whose "
        "yield stands at {y} with yearly compounding, find the modified duration.",
        "mac dur {D} yrs, ytm {y} annual. mod dur?",
        "Modified duration required. Yield: {y}. Macaulay duration: {D} years.",
        "Please, the Macaulay duration of my bond is {D} years and the yield is {y} per year. How "
        "I get the modified duration from this?",
    ),
    ood_templates=(
        "Our liability stream has a Macaulay duration of {D} years; discounting is at {y} "
        "compounded yearly. What is its price-sensitivity (modified) duration?",
        "Adjust the {D}-year Macaulay figure for a {y} annual yield to get modified duration.",
        "Modified duration please, from a Macaulay duration of {D} and a {y} YTM.",
    ),
)

FAMILIES = (NPV, LOAN_PAYMENT, BOND_PRICE, GORDON, DURATION)
