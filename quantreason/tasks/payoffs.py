"""Option payoff families: the profit or loss at expiry of long call or put contracts, and the
share price at which a long call, a long put or a covered call breaks even.

Retail option traders ask these more than any pricing question ("I bought 3 calls at $2.40,
strike 50, the stock closed at 58: what did I make?", "where does my put break even?"). Every
question says the position is long (bought), what kind of option it is, and, for a P&L, that a
contract covers 100 shares, the US listed standard; a loss is negative (not a size). They differ
from ``black_scholes_*`` and ``put_call_parity``, which price an option before expiry: here the
premium is given and only the payoff at expiry is computed.

Solvers are written independently of the formula text (an ``if`` on the side of the strike
for the payoff, and for the breakeven the price at which the payoff equals what was paid).
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from quantreason.tasks.base import ROUND_QUESTION_SHARE, Family, Num, Parts, Values, plain

_SHARES_PER_CONTRACT = 100
_STRIKE = plain((10, 400), ((500, 3000), (1, 8)))
_CONTRACTS = plain((1, 50), ((60, 500),))
_KINDS = ("call", "put")


def _premium(rng: random.Random, strike: float) -> Num:
    """A premium per share of 1-12 % of the strike, to the cent."""
    return Num(max(round(strike * rng.uniform(0.01, 0.12), 2), 0.05), 2, "plain")


def _expiry_price(rng: random.Random, strike: float) -> Num:
    """The share price at expiry: within 30 % of the strike, in the money or out of it."""
    return Num(round(strike * rng.uniform(0.7, 1.3), 2), 2, "plain")


def _pnl_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Contracts, strike, premium per share, the price at expiry, and the hidden ``put`` (1 for
    puts, 0 for calls)."""
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    strike = _STRIKE.draw(rng, ood, band, round_figures=round_figures)
    return {
        "N": _CONTRACTS.draw(rng, ood, 0),
        "K": strike,
        "c": _premium(rng, strike.value),
        "ST": _expiry_price(rng, strike.value),
        "put": Num(float(rng.randrange(2)), 0, "plain"),
    }


def _kind_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Prices in dollars or bare (one style a question), and the option's kind: ``{kind}``
    ("call"), ``{kinds}`` ("calls"); ``put`` is how a composed question names it."""
    dollars = rng.random() < 0.6
    texts = {
        key: f"${num.shown}" if dollars and key != "N" else num.shown
        for key, num in nums.items()
        if key != "put"
    }
    kind = _KINDS[round(nums["put"].value)]
    texts["kind"], texts["kinds"] = kind, f"{kind}s"
    texts["put"] = rng.choice((f"long {kind}", f"bought {kind}s", f"long {kind} options"))
    return texts


def _pnl(v: Mapping[str, float]) -> float:
    if v["put"]:
        payoff = v["K"] - v["ST"] if v["ST"] < v["K"] else 0.0
    else:
        payoff = v["ST"] - v["K"] if v["ST"] > v["K"] else 0.0
    return (payoff - v["c"]) * v["N"] * _SHARES_PER_CONTRACT


def _pnl_formula(f: Mapping[str, str]) -> str:
    # The payoff is named for the option's kind, the word the question uses: with
    # max(S, K) - K for a call and max(S, K) - S for a put (until session 30) the kind was
    # one token at the formula's end, and run BL wrote the other kind's payoff for all 4 of
    # its `validation` questions (experiments.md, session 30). Every number is from the
    # question.
    payoff = "put_payoff" if f["put"] == "1" else "call_payoff"
    return f"{f['N']}*100*({payoff}({f['ST']},{f['K']})-{f['c']})"


OPTION_PNL = Family(
    name="option_pnl",
    unit="currency",
    reasoning="Long option P&L = contracts * 100 * (payoff at expiry - premium).",
    params={"K": _STRIKE, "N": _CONTRACTS},
    sample=_pnl_sample,
    render=_kind_texts,
    formula=_pnl_formula,
    solve=_pnl,
    convention="currency, signed (a loss is negative): long options held to expiry, 100 shares "
    "a contract, the premium per share; no commissions",
    templates=(
        "I bought {N} {kind} contracts with a strike of {K} for a premium of {c} per share "
        "(each contract covers 100 shares). At expiry the stock is at {ST}. What is my profit "
        "or loss?",
        "Long {N} {kinds}, strike {K}, premium {c}/share, 100 shares per contract. Stock at "
        "expiry {ST}. P&L?",
        "An investor buys {N} {kind} option contracts (100 shares each) with a strike price of "
        "{K}, paying {c} per share. The share price at expiration is {ST}. What is the "
        "investor's profit or loss?",
        "Exam question: A trader purchases {N} {kind} contracts on XYZ, strike {K}, premium "
        "{c} per share; each contract is for 100 shares. If XYZ closes at {ST} on the expiry "
        "date, calculate the trader's net profit (negative for a loss).",
        "Hi Max, I'm long {N} of the {K} {kinds} - paid {c} a share, standard 100-share "
        "contracts. The stock settled at {ST} at expiry. What's my P&L on the position? Thanks",
        "pnl? long {N}x {K} {kinds} @ {c}, 100 sh/contract, stock {ST} at expiry",
        "| position | contracts | strike | premium/share | price at expiry |\n| long {kind} "
        "| {N} | {K} | {c} | {ST} |\nProfit or loss (100 shares per contract)?",
        "- Position: long {kind}\n- Contracts: {N} (100 shares each)\n- Strike: {K}\n- "
        "Premium paid: {c} per share\n- Stock price at expiry: {ST}\nNet profit or loss?",
        "Please help, I buy {N} {kind} contract, strike {K}, I pay {c} for each share, one "
        "contract is 100 shares. At the expiry the stock is {ST}. How much I win or lose?",
        "I took a punt on a biotech: bought {N} {kind} contracts struck at {K} for {c} a share "
        "(100 shares a contract). The stock ended at {ST} on expiry day. What's my profit or "
        "loss in dollars, with its sign?",
        "What is the profit or loss at expiry of {N} long {kind} contracts (100 shares each) "
        "with strike {K} and a premium of {c}, if the underlying finishes at {ST}?",
        "You paid {c} per share for {N} {kind} contracts at the {K} strike; each contract "
        "covers 100 shares. The stock is at {ST} when they expire. Total gain or loss?",
    ),
    ood_templates=(
        "A holder of {N} purchased {kinds} (a hundred shares per contract) struck at {K}, "
        "acquired for {c} apiece per share, sees the underlying settle at {ST}. Net result in "
        "money terms?",
        "Net outcome of a long holding of {N} {kind} contracts, strike {K}, cost {c} per "
        "underlying share, contract multiplier 100, once the share prints {ST} at expiration?",
        "Settlement arithmetic: {N} long {kind} contracts x 100 shares, struck {K}, premium "
        "outlay {c} per share, final underlying price {ST}. Gain or loss?",
    ),
    parts=Parts(
        labels={
            "put": (
                "position",
                "option position",
                "holding",
                "trade",
                "position held",
                "options held",
                "my position",
                "position type",
                "option type held",
                "option bought",
                "instrument",
                "long option",
                "kind of option bought",
            ),
            "N": (
                "contracts bought (100 shares each)",
                "number of contracts (100 shares per contract)",
                "contracts (each on 100 shares)",
                "contracts held (100-share contracts)",
                "quantity in contracts (x100 shares)",
                "contracts purchased (100 shares apiece)",
                "number of 100-share contracts",
                "contract count (100 shares per contract)",
                "N (contracts of 100 shares)",
                "contract quantity (100 shares a contract)",
                "standard 100-share contracts bought",
                "size in contracts (100 shares each)",
                "option lots (100 shares per lot)",
            ),
            "K": (
                "strike",
                "strike price",
                "exercise price",
                "K",
                "option strike",
                "strike level",
                "strike of the options",
                "striking price",
                "X (strike)",
                "strike of the contracts",
                "strike price of the options",
                "exercise price of the options",
            ),
            "c": (
                "premium paid per share",
                "option premium (per share)",
                "price paid per share",
                "cost per share of the options",
                "premium per share",
                "per-share premium",
                "amount I paid per share",
                "option price per share",
                "debit per share",
                "per-share option cost",
                "entry premium per share",
                "price per share paid for the options",
                "premium (cost per share)",
            ),
            "ST": (
                "stock price at expiry",
                "share price at expiration",
                "closing price on expiry day",
                "underlying price at expiry",
                "S_T",
                "settlement price of the stock",
                "price at expiration",
                "stock at expiry",
                "expiry price",
                "share price on expiry",
                "closing stock price at expiration",
                "S at expiry",
                "price of the shares when the options expire",
            ),
        },
        asks=(
            "What is the profit or loss at expiry?",
            "What is the net P&L of the position (negative for a loss)?",
            "How much was made or lost in total?",
            "Compute the profit or loss on the options.",
            "P&L at expiry?",
            "What is the total gain or loss, with its sign?",
            "Work out the position's profit or loss.",
            "What did the trade make or lose?",
            "What is the net profit on the long options at expiry (a loss as a negative number)?",
            "Did the trade make or lose, and by how much?",
            "Total P/L on the contracts at expiration?",
            "What is the realised gain on the option trade at expiry, negative if it lost?",
            "Compute the expiry payoff less the premium paid, for the whole position.",
            "How much did I make or lose on these options when they expired?",
            "What is the dollar P&L of the long option position at expiration?",
            "Net profit or loss on the option purchase, held to expiry?",
            "Was buying the options worth it? Give the net gain or loss at expiry.",
            "Calculate the option buyer's net profit at expiration, premium included.",
            "Expiry P&L, premium included?",
            "What's my P/L at expiry on this option position?",
        ),
        ood_labels={
            "K": ("exercise level", "contract strike"),
            "c": ("premium outlay per underlying share", "acquisition cost per share"),
            "ST": ("final underlying price", "level the share settled at"),
        },
        ood_asks=(
            "Net result of the holding in money terms?",
            "Settlement arithmetic: gain or loss overall?",
        ),
    ),
)

# --- option_breakeven ---------------------------------------------------------------------------

_POSITIONS = ("long call", "long put", "covered call")


def _breakeven_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Strike and premium; ``pos`` is the position (0 long call, 1 long put, 2 covered call),
    and a covered call adds ``S0``, the price the shares were bought at."""
    band = rng.randrange(2)
    round_figures = not ood and rng.random() < ROUND_QUESTION_SHARE
    strike = _STRIKE.draw(rng, ood, band, round_figures=round_figures)
    position = rng.choice((0, 0, 1, 1, 2))
    nums = {"K": strike, "c": _premium(rng, strike.value), "pos": Num(float(position), 0, "plain")}
    if position == 2:  # shares bought a little below the strike of the call written on them
        nums["S0"] = Num(round(strike.value * rng.uniform(0.85, 1.0), 2), 2, "plain")
    return nums


def _breakeven_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Prices in dollars or bare, ``{position}``: the position in words, and ``{S0_note}``:
    for a covered call, where the shares were bought (empty otherwise, with ``{S0}``)."""
    dollars = rng.random() < 0.6
    texts = {
        key: f"${num.shown}" if dollars else num.shown for key, num in nums.items() if key != "pos"
    }
    position = _POSITIONS[round(nums["pos"].value)]
    texts["position"] = position
    texts["pos"] = rng.choice(
        {
            "long call": ("long call", "bought call"),
            "long put": ("long put", "bought put"),
            "covered call": ("covered call (own the shares, sold the call)", "covered call"),
        }[position]
    )
    if "S0" in nums:
        texts["S0_note"] = (
            f" I own the shares, bought at {texts['S0']}, and sold (wrote) the call against them."
        )
    else:
        texts["S0_note"] = ""
    return texts


def _breakeven(v: Mapping[str, float]) -> float:
    # The expiry price at which the position's payoff exactly returns what was paid.
    position = round(v["pos"])
    if position == 0:
        return v["K"] + v["c"]  # the call's payoff S - K repays the premium
    if position == 1:
        return v["K"] - v["c"]  # the put's payoff K - S repays the premium
    return v["S0"] - v["c"]  # below the strike, the shares lose S0 - S, the premium offsets it


def _breakeven_formula(f: Mapping[str, str]) -> str:
    position = f["pos"]
    if position == "0":
        return f"{f['K']}+{f['c']}"
    if position == "1":
        return f"{f['K']}-{f['c']}"
    return f"{f['S0']}-{f['c']}"


OPTION_BREAKEVEN = Family(
    name="option_breakeven",
    unit="currency",
    reasoning="Breakeven at expiry: call strike + premium, put strike - premium, covered call "
    "share cost - premium.",
    params={"K": _STRIKE},
    sample=_breakeven_sample,
    render=_breakeven_texts,
    valid=lambda v: _breakeven(v) > 0,
    formula=_breakeven_formula,
    solve=_breakeven,
    convention="share price at expiry in currency, per share; long call, long put, or covered "
    "call (shares owned, call written) as the question says; no commissions",
    templates=(
        "I hold a {position} with a strike of {K}; the premium was {c} per share.{S0_note} At "
        "what stock price at expiry do I break even?",
        "{position}, strike {K}, premium {c}.{S0_note} Breakeven price at expiry?",
        "What is the breakeven share price at expiration for a {position} with strike {K} and "
        "a premium of {c}?{S0_note}",
        "Exam question: An investor sets up a {position} position. The option's strike is {K} "
        "and its premium is {c} per share.{S0_note} Ignoring commissions, calculate the "
        "breakeven price of the stock at expiry.",
        "Hi Kim, quick one: {position}, {K} strike, {c} premium.{S0_note} Where do I break "
        "even at expiry? Thanks",
        "breakeven? {position} K={K} prem {c}.{S0_note}",
        "- Position: {position}\n- Strike: {K}\n- Premium: {c} per share{S0_note}\nBreakeven "
        "stock price at expiry?",
        "Please, I have a {position}, strike is {K} and the premium is {c}.{S0_note} At which "
        "price of the stock I don't win and don't lose at expiry?",
        "Above or below what price must the stock finish for my {position} (strike {K}, "
        "premium {c} per share) to stop losing money at expiry?{S0_note} Give the breakeven.",
        "Find the expiry breakeven of a {position}: strike {K}, option premium {c} per "
        "share.{S0_note} No commissions.",
    ),
    ood_templates=(
        "Which terminal share price leaves a {position} struck at {K}, established for {c} "
        "a share, exactly flat?{S0_note}",
        "Zero-profit underlying level at maturity for this {position}: exercise {K}, "
        "premium {c}.{S0_note}",
        "Where must the underlying settle for a {position} ({K} exercise, {c} option price) "
        "to neither gain nor lose?{S0_note}",
    ),
    parts=Parts(
        labels={
            "pos": (
                "position",
                "option position",
                "strategy",
                "trade",
                "position held",
                "holding",
                "my position",
                "position type",
                "option strategy",
                "trade structure",
                "position taken",
                "setup",
                "options play",
            ),
            "K": (
                "strike",
                "strike price",
                "exercise price",
                "K",
                "option strike",
                "strike level",
                "strike of the option",
                "striking price",
                "X (strike)",
                "strike price of the option",
                "option's exercise price",
                "strike on the option leg",
            ),
            "c": (
                "premium per share",
                "option premium",
                "premium paid or received per share",
                "option price per share",
                "premium",
                "premium on the option",
                "option's premium",
                "price of the option per share",
                "per-share premium",
                "premium of the option (per share)",
                "premium amount per share",
                "premium quoted per share",
            ),
            "S0": (
                "price paid for the shares",
                "share purchase price",
                "cost of the stock per share",
                "price the shares were bought at",
                "stock purchase price",
                "entry price of the shares",
                "share cost",
                "purchase price per share",
                "stock entry price",
                "cost basis of the shares",
                "price paid per share for the stock",
                "stock cost per share",
            ),
        },
        asks=(
            "What is the breakeven stock price at expiry?",
            "At what share price at expiration does the position break even?",
            "Compute the breakeven price at expiry (no commissions).",
            "Breakeven at expiry?",
            "Where does the position break even at expiration?",
            "What stock price at expiry leaves the position flat?",
            "Work out the breakeven price per share at expiry.",
            "At which price at expiry is there neither profit nor loss?",
            "What is the break-even point at expiration?",
            "B/E price at expiry?",
            "At what price does the stock have to finish for me to get my money back?",
            "How far must the stock move for this to pay off? Give the expiry breakeven price.",
            "Compute the expiry price at which the position's P&L is nil.",
            "Which share price at expiration makes the strategy break even?",
            "Options homework: find the break-even stock price on the expiration date.",
            "Where's the B/E on this at expiry?",
            "What price does the stock need to reach at expiry for me not to lose money?",
            "At expiration, what share price would make this position a wash?",
            "Past which expiry price does the position start to make money?",
        ),
        ood_labels={
            "K": ("exercise level", "contract strike"),
            "c": ("option price paid or collected", "per-share option price"),
            "S0": ("acquisition price of the stock", "stock acquisition cost"),
        },
        ood_asks=(
            "Which terminal share price leaves the position exactly flat?",
            "Zero-profit underlying level at maturity?",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (OPTION_PNL, OPTION_BREAKEVEN)
