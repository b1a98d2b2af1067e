"""Corporate actions on a company's shares and two rules of thumb of the annual report: the
share price after a stock split, the theoretical ex-rights price of a rights issue, basic
earnings per share with new shares weighted by the months they were outstanding, and the
simple payback period of a project.

Retail shareholders ask the first whenever a split is announced ("NVIDIA goes 10-for-1, what
will my $1,200 shares trade at?", "my penny stock is doing a 1-for-10 reverse split"): no
earnings, no multiple, only the ratio, so it is no sibling of ``pe_ratio`` or
``price_target``, which value the shares. Shareholders offered new shares, equity-capital-
markets analysts and accounting students ask the second ("1 new share for every 4 held at
180p, the shares closed at 240p: where do they open ex-rights?"): a blend of old and new
shares weighted by their numbers, like ``average_cost``, but of a company's whole share
count at the market price and the subscription price, not of one investor's purchases.
Accounting students (IAS 33 / ASC 260) and analysts rebuilding a reported figure ask the
third: the denominator is time-weighted, so it differs from a plain EPS (``pe_ratio`` takes
EPS as given). Small-business owners and capital-budgeting students ask the fourth ("I spend
$50,000 on solar panels, they save $12,000, $14,000, ... a year: when have they paid for
themselves?"): undiscounted, unlike ``npv`` and ``irr``, and answered in years.

Every question states the ratio's direction in words ("every 8 shares become 1", "1 new
share for every 4 held"), that the new shares count from the month they were issued, and
that the payback inflows are undiscounted and arrive evenly through each year. Solvers are
written independently of the formula text (a company's value spread over its new share
count, the month-by-month share count, a year-by-year cumulative sum).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from quantreason.tasks.base import (
    ROUND_QUESTION_SHARE,
    SCALED_QUESTION_SHARE,
    Family,
    Num,
    Parts,
    Values,
    draw_money_style,
    money,
    number_texts,
    plain,
    significant,
    with_article,
)


def _number_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """:func:`number_texts`, except that an amount with three decimals ("0.047", a penny
    stock) is never written before "EUR": "0.047 EUR" reads as continental thousands
    (:mod:`quantreason.numerals`), so such a question shows euros as "€0.047"."""
    money_style = draw_money_style(rng)
    if money_style == _TRAILING_EUR and any(
        n.kind == "money" and n.decimals == 3 for n in nums.values()
    ):
        money_style = _LEADING_EUR
    scale_style = rng.randrange(4)
    return {
        k: n.text(rng, money_style=money_style, scale_style=scale_style) for k, n in nums.items()
    }


# Indices of Num.text's currency renderings: "€12.50" and "12.50 EUR".
_LEADING_EUR, _TRAILING_EUR = 4, 6


def _draw_styles(rng: random.Random) -> tuple[bool, bool]:
    """Whether a question shows its large amounts scaled, and whether it uses round figures."""
    scaled = rng.random() < SCALED_QUESTION_SHARE
    return scaled, not scaled and rng.random() < ROUND_QUESTION_SHARE


# --- split_adjusted_price --------------------------------------------------------------------

# Forward splits come to shares that have grown expensive, reverse splits to penny stocks,
# and the ratio fits the price: a forward split leaves a share worth at least $10, a reverse
# split lifts one to $1 to $60 (no $15 share split 5-for-1 into $3 ones, no $12 share
# consolidated 1-for-20 into a $240 one). Out of range: four-figure share prices split 7- to
# 50-for-1 (Chipotle, Amazon) and sub-dollar shares consolidated 1-for-25 to 1-for-100.
_SPLIT_PRICE = money((0.3, 1200), ((1500, 9000), (0.01, 0.29)), decimals=2, ood_decimals=3)
_FORWARD_PRICE = money((20, 1200), ((1500, 9000),), decimals=2)
_REVERSE_PRICE = money((0.3, 12), ((0.01, 0.29),), decimals=2, ood_decimals=3)
_FORWARD_RATIOS = ((2, 1), (2, 1), (3, 2), (3, 1), (4, 1), (5, 1), (5, 2), (4, 3))
_REVERSE_RATIOS = ((1, 2), (1, 3), (1, 4), (1, 5), (1, 8), (1, 10), (1, 10), (1, 15), (1, 20))
_OOD_FORWARD_RATIOS = ((10, 1), (20, 1), (50, 1), (15, 1), (7, 1))
_OOD_REVERSE_RATIOS = ((1, 25), (1, 30), (1, 40), (1, 50), (1, 100))
# The price after a split: at least this after a forward split, within these after a reverse.
_FORWARD_FLOOR = 10.0
_REVERSE_RESULT = (1.0, 60.0)


def _split_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A forward split of an expensive share or a reverse split of a cheap one, with a ratio
    that brings the price where such splits bring it (see ``_FORWARD_FLOOR``): a 4-for-3 or
    3-for-2 split of a $20 share, a 5-for-1 split only from $50."""
    _, round_figures = _draw_styles(rng)
    if rng.random() < 0.55:
        price = _FORWARD_PRICE.draw(rng, ood, round_figures=round_figures)
        ratios = _OOD_FORWARD_RATIOS if ood else _FORWARD_RATIOS
        fitting = [(a, b) for a, b in ratios if price.value * b / a >= _FORWARD_FLOOR]
    else:
        price = _REVERSE_PRICE.draw(rng, ood, round_figures=round_figures)
        ratios = _OOD_REVERSE_RATIOS if ood else _REVERSE_RATIOS
        low, high = _REVERSE_RESULT
        fitting = [(a, b) for a, b in ratios if low <= price.value * b / a <= high]
    a, b = rng.choice(fitting)  # never empty: 4-for-3 from $20, 1-for-100 from $0.01
    return {"P": price, "a": Num(float(a), 0, "plain"), "b": Num(float(b), 0, "plain")}


def _split_meaning(rng: random.Random, a: int, b: int) -> str:
    """What an ``a``-for-``b`` split does to a holding, in words."""
    new = f"{a} share" if a == 1 else f"{a} shares"
    if b == 1:
        return rng.choice(
            (
                f"each share becomes {new}",
                f"every share held is replaced by {new}",
                f"holders receive {new} for each share they own",
            )
        )
    return rng.choice(
        (
            f"every {b} shares become {new}",
            f"each {b} old shares are replaced by {new}",
            f"holders receive {new} for every {b} shares they own",
        )
    )


def _split_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The price, and ``{split}``: the ratio with its meaning ("3-for-2 stock split (every 2
    shares become 3 shares)"); ``{a_split}`` the same after its article; ``{ratio}`` the bare
    ratio; ``{meaning}`` the words alone; ``{terms}`` the ratio and its meaning without the
    noun (what composed questions show)."""
    texts = _number_texts(rng, nums)
    a, b = round(nums["a"].value), round(nums["b"].value)
    reverse = a < b
    noun = rng.choice(
        ("reverse split", "reverse stock split", "share consolidation", "reverse share split")
        if reverse
        else ("stock split", "split", "share split", "forward split")
    )
    meaning = _split_meaning(rng, a, b)
    texts["ratio"] = f"{a}-for-{b}"
    texts["meaning"] = meaning
    texts["terms"] = f"{a}-for-{b} ({meaning})"
    texts["split"] = f"{a}-for-{b} {noun} ({meaning})"
    texts["a_split"] = with_article(texts["split"])
    texts["kind"] = "reverse split" if reverse else "split"
    return texts


def _price_after_split(v: Mapping[str, float]) -> float:
    # The company is worth the same before and after: spread its value over the new count.
    shares_before = 1_000_000.0
    value = shares_before * v["P"]
    shares_after = shares_before / v["b"] * v["a"]
    return value / shares_after


SPLIT_ADJUSTED_PRICE = Family(
    name="split_adjusted_price",
    unit="currency",
    reasoning="Split-adjusted price: an a-for-b split turns b shares into a, so the price "
    "becomes price * b / a.",
    params={
        "P": _SPLIT_PRICE,
        "a": plain((1, 5), (), choices=(1, 2, 3, 4, 5)),
        "b": plain((1, 20), (), choices=(1, 2, 3, 4, 5, 8, 10, 15, 20)),
    },
    sample=_split_sample,
    render=_split_texts,
    valid=lambda v: v["a"] != v["b"],
    formula=lambda f: f"{f['P']}*{f['b']}/{f['a']}",
    solve=_price_after_split,
    convention="currency per share; an a-for-b split turns every b shares into a (a reverse "
    "split when a < b) and nothing else changes: the company's value stays the same",
    templates=(
        "A stock trading at {P} announces {a_split}. All else equal, what should the share "
        "price be after the split?",
        "Shares close at {P} the day before {a_split} takes effect. What is the theoretical "
        "price per share after it, assuming nothing else changes?",
        "My shares are at {P} and the company just announced {a_split}. What will each share "
        "be worth once it goes through, if the market doesn't move?",
        "Exam question: XYZ plc's shares trade at {P}. The board approves {a_split}. "
        "Calculate the theoretical share price immediately after the split, other things "
        "being equal.",
        "split-adjusted price? pre-split {P}, ratio {split}, nothing else changes",
        "Hi Marco, the client holds a stock at {P} that is doing {a_split}. What price should "
        "it open at afterwards, all else equal? Need it for the statement note. "
        "Thanks, Jen",
        "| pre-split price | split ratio |\n| {P} | {split} |\nPost-split price, all else equal?",
        "- Share price before: {P}\n- Corporate action: {split}\nWhat is the adjusted share "
        "price after the action, in theory?",
        "Please help, my stock is {P} now and they make {a_split}. How much will be the price "
        "of one share after, if nothing else change?",
        "ok so the stock is {P} and there's {a_split} coming. whats the new price per share, "
        "all else equal?",
        "How do I adjust a historical price of {P} for {a_split}? I want the split-adjusted "
        "figure, assuming the split is the only change.",
        "The company's shares last traded at {P} before {a_split}. What is the equivalent "
        "price on the post-split share count, all else equal?",
        "Question 3 (2 marks). The share price is {P} and the company carries out {a_split}. "
        "Assuming the market value of the company is unchanged, what is the new share price?",
        "I bought a stock at {P} a share and since then it has had {a_split}. What is my cost "
        "per share on a split-adjusted basis (nothing else changed)?",
        "My uncle has owned shares in a regional bank since the 1990s and keeps every letter "
        "it sends. The latest one says the bank is doing {a_split}; the shares were at {P} "
        "the day the letter came. Assuming nothing else moves the price, what should one share "
        "trade at afterwards?",
        "Stock at {P}. Ratio: {ratio} ({meaning}). Theoretical ex-split price?",
        "For the chart I need to rebase old prices. A close of {P} before {a_split}: what is "
        "it on today's share basis, with no other adjustment?",
        "What happens to a share priced at {P} in {a_split}, all else equal? Give the new price.",
        "The penny stock I follow is at {P}. If it does {a_split}, where does the price land "
        "in theory?",
        "Dear support team, my portfolio shows a share at {P}. The company has announced "
        "{a_split}. What will the price per share be after the {kind}, assuming the company's "
        "value does not change? Kind regards",
        "pre-split px {P} | {split} | post-split px (theoretical) = ?",
        "Per-share price after {a_split} if the stock was {P} before and the company's market "
        "value is unchanged?",
    ),
    ood_templates=(
        "Pre-action quotation {P}; the board restructures the share count via {a_split}. "
        "Holding firm value constant, at what level should one share now be quoted?",
        "Suppose {a_split} occurs when a share costs {P}. Market capitalisation unaffected, "
        "what does a single share cost following the exchange?",
        "Rebase the {P} quotation to reflect {a_split}, with the firm's aggregate worth left "
        "intact. Revised per-share figure?",
        "Our fund's holding last printed at {P}; then came {a_split}. Absent any market "
        "reaction, which per-share quotation follows mechanically?",
    ),
    parts=Parts(
        labels={
            "P": (
                "pre-split share price",
                "share price before the split",
                "current share price",
                "price per share before the split",
                "closing price before the split",
                "current stock price",
                "share price on the eve of the split",
                "pre-split price",
                "last close before the split",
                "stock price ahead of the split",
                "market price per share before the split",
                "share price prior to the split",
            ),
            "terms": (
                "split ratio",
                "stock split ratio",
                "announced split ratio",
                "share split ratio",
                "board-approved split ratio",
                "new-for-old share ratio",
                "corporate action ratio",
                "exchange ratio for the split",
                "split factor",
                "ratio of new shares to old",
                "forward or reverse split ratio",
                "declared split ratio",
            ),
        },
        asks=(
            "What is the share price after the split, all else equal?",
            "What should the stock trade at after the split, in theory?",
            "Compute the split-adjusted share price, assuming nothing else changes.",
            "What is the theoretical post-split price per share?",
            "Where should one share be priced once the split is done, all else equal?",
            "What is the new price per share, with the company's value unchanged?",
            "post-split price, all else equal?",
            "What is the price adjusted for the split, if the market does not move?",
            "How much is one share worth after the split, in theory?",
            "What does the price become after the split, other things being equal?",
            "What is the ex-split share price, all else equal?",
            "Where does the stock open after the split, in theory?",
            "What is the adjusted price per share on the new share count, nothing else changing?",
            "Compute the theoretical per-share price once the split or consolidation takes effect.",
            "If the market cap does not change, what should each new share trade at?",
            "post-split px, theoretical?",
            "What price will my broker show per share after the split, assuming nothing else "
            "moves?",
            "Calculate the share price adjusted for the stock split, other things being equal.",
            "What is the theoretical price per share on a split-adjusted basis?",
            "In theory, what is each post-split share worth?",
            "I want to set a limit order after the split: what is the theoretical opening price "
            "per share?",
            "What is the share price once the split goes through, with the company's total value "
            "unchanged?",
        ),
        ood_labels={
            "P": ("pre-exchange per-share quotation",),
            "terms": ("share-count restructuring basis",),
        },
        ood_asks=(
            "Holding firm value constant, determine the per-share quotation that follows.",
            "At what level should a single share be quoted once the exchange is effected, firm "
            "value held constant?",
        ),
    ),
)


# --- rights_issue_terp -----------------------------------------------------------------------

# Cum-rights prices from pennies to large caps; out of range, four-figure share prices or
# sub-dollar shares (quoted to three decimals). Subscription prices at the usual 10 to 50 %
# discount; out of range, the deep 55 to 85 % discounts of rescue issues.
_CUM_PRICE = money((0.5, 800), ((1000, 5000), (0.02, 0.45)), decimals=2, ood_decimals=3)
_RIGHTS_RATIOS = (
    (1, 1),
    (1, 2),
    (1, 3),
    (1, 4),
    (1, 4),
    (1, 5),
    (1, 6),
    (1, 8),
    (1, 10),
    (2, 3),
    (2, 5),
    (3, 5),
    (3, 8),
)
_OOD_RIGHTS_RATIOS = ((1, 20), (1, 25), (1, 40), (5, 2), (3, 1), (7, 1), (9, 2))


def _rights_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """A cum-rights price, a subscription price at a discount to it, and the ratio."""
    _, round_figures = _draw_styles(rng)
    band = rng.randrange(2)
    price = _CUM_PRICE.draw(rng, ood, band, round_figures=round_figures)
    if price.decimals > 2 and price.value >= 1:  # three decimals only for sub-dollar shares
        price = Num(round(price.value, 2), 2, "money")
    discount = rng.uniform(0.55, 0.85) if ood else rng.uniform(0.10, 0.50)
    raw = price.value * (1 - discount)
    decimals = 2 if raw >= 1 else (3 if raw >= 0.1 else 4)
    if round_figures and raw >= 10:
        subscription = Num(float(round(raw)), 0, "money")
    else:
        subscription = Num(round(raw, decimals), decimals, "money")
    n, m = rng.choice(_OOD_RIGHTS_RATIOS if ood else _RIGHTS_RATIOS)
    return {
        "P": price,
        "S": subscription,
        "n": Num(float(n), 0, "plain"),
        "m": Num(float(m), 0, "plain"),
    }


def _rights_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """The prices in one currency, and ``{ratio}``: the terms with their meaning ("1-for-4
    (1 new share for every 4 held)"); ``{a_ratio}`` the same after its article; ``{terms}``
    the meaning alone."""
    texts = _number_texts(rng, nums)
    n, m = round(nums["n"].value), round(nums["m"].value)
    new = f"{n} new share" if n == 1 else f"{n} new shares"
    if m == 1:
        held = rng.choice(("each share held", "each existing share"))
    else:
        held = rng.choice(
            (f"every {m} held", f"every {m} shares held", f"every {m} existing shares")
        )
    terms = f"{new} for {held}"
    texts["terms"] = terms
    texts["ratio"] = f"{n}-for-{m} ({terms})"
    texts["a_ratio"] = with_article(texts["ratio"])
    return texts


def _terp(v: Mapping[str, float]) -> float:
    # The company after the issue: its old market value plus the cash raised, over the
    # enlarged share count (every right taken up).
    old_shares = 1_000_000.0
    new_shares = old_shares / v["m"] * v["n"]
    value = old_shares * v["P"] + new_shares * v["S"]
    return value / (old_shares + new_shares)


RIGHTS_ISSUE_TERP = Family(
    name="rights_issue_terp",
    unit="currency",
    reasoning="Theoretical ex-rights price = (m * cum-rights price + n * subscription price) / "
    "(m + n) for n new shares per m held.",
    params={"P": _CUM_PRICE},
    sample=_rights_sample,
    render=_rights_texts,
    valid=lambda v: 0 < v["S"] < v["P"],
    formula=lambda f: f"({f['m']}*{f['P']}+{f['n']}*{f['S']})/({f['m']}+{f['n']})",
    solve=_terp,
    convention="currency per share; an n-for-m rights issue offers n new shares for every m "
    "held at the subscription price; theoretical: every right taken up, the market value of "
    "the old shares plus the cash raised spread over all the shares",
    templates=(
        "A company's shares closed at {P} cum-rights. It is making {a_ratio} rights issue at "
        "a subscription price of {S}. What is the theoretical ex-rights price?",
        "Rights issue: {ratio}, subscription price {S}, cum-rights share price {P}. TERP?",
        "Exam question: ABC plc announces {a_ratio} rights issue priced at {S} per new share. "
        "The shares traded at {P} immediately before going ex-rights. Calculate the "
        "theoretical ex-rights price.",
        "I own shares that closed at {P}. The company is offering {terms} at {S} each. Where "
        "should the shares trade once they go ex-rights, in theory?",
        "terp? cum {P}, issue price {S}, terms {ratio}",
        "Hi Sophie, for the prospectus model: cum-rights price {P}, rights at {S}, ratio "
        "{ratio}. What theoretical ex-rights price do we show? Thanks, Ollie",
        "| cum-rights price | subscription price | terms |\n| {P} | {S} | {ratio} |\nTheoretical "
        "ex-rights price?",
        "- Share price before the issue (cum-rights): {P}\n- Offer price of the new shares: "
        "{S}\n- Terms: {ratio}\nWhat is the TERP?",
        "Please help me, my company make rights issue {ratio} at price {S}, and share price "
        "before was {P}. What is the theoretical price of the share after the rights?",
        "ok so the rights issue is {ratio} at {S} and the stock was {P} cum-rights. what's the "
        "theoretical ex-rights price?",
        "What price should the shares theoretically fall to after {a_ratio} rights issue at "
        "{S}, if they were {P} cum-rights?",
        "Question 6 (3 marks). The market price of a share is {P} cum-rights. The company "
        "offers existing shareholders {terms} at {S}. Compute the theoretical ex-rights price "
        "per share.",
        "My grandfather still gets paper letters from the utility he has held since it was "
        "privatised. This one offers {terms} at {S} a share, and the shares closed at {P} "
        "before the offer went ex. Assuming every right is taken up, what is the "
        "theoretical price of a share afterwards?",
        "Blend the old and new shares: {ratio} rights issue, new shares at {S}, existing "
        "shares at {P} cum-rights. Theoretical price per share after the issue?",
        "Compute the TERP for {a_ratio} rights issue at a subscription price of {S}, when the "
        "cum-rights price is {P}.",
        "The bank is raising capital with {a_ratio} rights issue, priced at {S}. Its shares "
        "were {P} the day before the ex-date. What theoretical ex-rights price does that give?",
        "The board is asking what the share price should be after the issue, in theory. "
        "Terms: {ratio}; issue price {S}; last cum-rights close {P}.",
        "Dilution check: shares at {P} cum, rights issue {ratio} at {S}. What is the "
        "theoretical post-issue share price?",
        "Cum-rights {P}, subscription {S}, {ratio}. Work out the theoretical ex-rights price.",
        "From the equity research draft: the company will issue {terms} at {S}; the shares "
        "closed at {P} cum-rights. Where does the theoretical ex-rights price come out?",
        "A shareholder asks what her shares should be worth ex-rights, in theory. They closed "
        "at {P} cum-rights, and the issue offers {terms} at {S}.",
        "What theoretical share price follows {a_ratio} rights issue at {S} if the stock was "
        "trading at {P} before it went ex-rights?",
    ),
    ood_templates=(
        "Existing stock quoted {P} with entitlements attached; the firm invites holders to "
        "subscribe {terms} at {S}. Assuming full take-up, what single quotation should "
        "prevail once entitlements detach?",
        "Pre-offer quotation {P}, subscription consideration {S}, entitlement {ratio}. With "
        "every entitlement exercised, derive the diluted per-share level.",
        "Capital raise via entitlement offer: {terms}, subscription cost {S}, stock "
        "previously at {P}. If all entitlements are exercised, at what level ought the "
        "enlarged equity to be quoted per share?",
        "An insurer seeks fresh equity: {ratio} entitlements, {S} payable per new share, "
        "stock at {P} beforehand. Which per-share level results theoretically once rights "
        "detach?",
    ),
    parts=Parts(
        labels={
            "P": (
                "cum-rights share price",
                "share price before going ex-rights",
                "cum-rights price",
                "cum-rights closing price",
                "market price with rights attached",
                "pre-issue market price",
                "current cum-rights quote",
                "share price ahead of the ex-date",
                "last cum-rights price",
                "pre-rights share price",
                "closing price before the ex-date",
                "price of the existing shares",
            ),
            "S": (
                "subscription price",
                "rights issue price",
                "issue price per new share",
                "price payable per new share",
                "offer price per new share",
                "rights exercise price",
                "subscription price per new share",
                "new-share price",
                "discounted issue price",
                "cash price of each new share",
                "price of the new shares",
                "take-up price per new share",
            ),
            "ratio": (
                "rights issue ratio",
                "rights ratio",
                "offer ratio",
                "issue ratio",
                "new-to-existing share ratio",
                "subscription ratio",
                "rights offer ratio",
                "rights allotment ratio",
                "ratio of new shares to shares held",
                "new-for-held share ratio",
                "rights issue proportion",
                "ratio offered to shareholders",
            ),
        },
        asks=(
            "What is the theoretical ex-rights price?",
            "What is the TERP?",
            "Compute the theoretical ex-rights price per share.",
            "Where should the shares trade ex-rights, in theory?",
            "What is the theoretical share price after the rights issue?",
            "What should the share price fall to after the issue, assuming full take-up?",
            "terp?",
            "What is the theoretical blended price of old and new shares?",
            "Find the theoretical price per share once the shares go ex-rights.",
            "What is the theoretical post-issue price per share, every right taken up?",
            "Where should the stock theoretically trade once it goes ex-rights?",
            "Compute the TERP, assuming all rights are taken up.",
            "What is the weighted average of the cum-rights and subscription prices, i.e. the "
            "theoretical ex-rights price?",
            "What price per share should the market settle at after the rights issue, in theory?",
            "ex-rights price (theoretical)?",
            "What does the share price drop to ex-rights in theory, with full take-up?",
            "To value the rights, I first need the theoretical ex-rights price: what is it?",
            "What is the theoretical market price of one share after the rights issue completes, "
            "every right taken up?",
            "In theory, what is each share worth once the new shares from the rights offer are in "
            "issue?",
            "Work out the theoretical ex-rights price that old and new shares both trade at.",
            "What ex-rights price should an analyst expect in theory?",
            "ECM question: theoretical ex-rights price for the deal?",
        ),
        ood_labels={
            "P": ("entitlement-bearing quotation",),
            "S": ("consideration payable per fresh share",),
            "ratio": ("entitlement basis",),
        },
        ood_asks=(
            "Assuming full take-up, derive the diluted per-share level once entitlements detach.",
            "Which quotation should prevail after entitlements detach, with every one exercised?",
        ),
    ),
)


# --- weighted_eps ----------------------------------------------------------------------------

# Net income and shares outstanding from a small listed company to a large cap (earnings per
# share 0.10 to 15); out of range, mega caps (tens of billions of earnings, billions of
# shares) or micro caps (five- and six-figure earnings and share counts).
_NET_INCOME = money((2e6, 8e9), ((1.2e10, 9e10), (20000, 900000)))
_SHARES = plain((1e6, 2e9), ((3e9, 2e10), (20000, 900000)), log=True)
_MONTHS = tuple(float(m) for m in range(1, 12))


def _eps_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """Net income and the opening share count (in the same band), preferred dividends a
    small part of the income, a share issue of 4 to 40 % of the count after 1 to 11 months."""
    scaled, round_figures = _draw_styles(rng)
    band = rng.randrange(2)
    income = _NET_INCOME.draw(rng, ood, band, scaled, round_figures)
    shares = _SHARES.draw(rng, ood, band)
    shares = Num(significant(shares.value, rng.choice((2, 3, 3, 4))), 0, "plain")
    preferred = _amount(income.value * rng.uniform(0.01, 0.15), scaled)
    issued = Num(significant(shares.value * rng.uniform(0.04, 0.4), 2), 0, "plain")
    return {
        "NI": income,
        "Dp": preferred,
        "N0": shares,
        "k": issued,
        "m": Num(rng.choice(_MONTHS), 0, "plain"),
    }


def _amount(raw: float, scaled: bool) -> Num:
    """``raw`` to two significant figures, shown scaled ("$1.5M") in a scaled question."""
    value = significant(raw, 2)
    if scaled and value >= 1e6:
        factor = 1e9 if value >= 1e9 else 1e6
        whole_digits = len(str(int(value // factor)))
        decimals = max(0, 2 - whole_digits)
        shown = round(value / factor, decimals)
        return Num(shown * factor, decimals, "money", factor)
    return Num(value, 0, "money")


def _eps_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Numbers as usual, ``{months}``: "4 months" (or "1 month") and ``{issued}``: when the
    new shares came, with the month count as a digit ("4 months into the year"), save "after
    the first month of the year" (not "the first 1 month"; the 1 is a structural number)."""
    texts = number_texts(rng, nums)
    months = round(nums["m"].value)
    texts["months"] = f"{months} month" if months == 1 else f"{months} months"
    texts["issued"] = rng.choice(
        (
            f"{texts['months']} into the financial year",
            f"at the end of month {months} of the year",
            "after the first month of the year"
            if months == 1
            else f"after the first {texts['months']} of the year",
            f"{texts['months']} into the year",
        )
    )
    return texts


def _weighted_eps(v: Mapping[str, float]) -> float:
    # The share count month by month: the new shares count from the month after the m-th.
    monthly = [v["N0"] + (v["k"] if month > v["m"] else 0.0) for month in range(1, 13)]
    weighted_shares = math.fsum(monthly) / len(monthly)
    return (v["NI"] - v["Dp"]) / weighted_shares


WEIGHTED_EPS = Family(
    name="weighted_eps",
    unit="currency",
    reasoning="Basic EPS = (net income - preferred dividends) / (opening shares + new shares * "
    "months outstanding / 12).",
    params={"NI": _NET_INCOME, "N0": _SHARES, "m": plain((1, 11), (), choices=_MONTHS)},
    sample=_eps_sample,
    render=_eps_texts,
    valid=lambda v: 0.1 <= (v["NI"] - v["Dp"]) / v["N0"] <= 15,
    formula=lambda f: f"({f['NI']}-{f['Dp']})/({f['N0']}+{f['k']}*(12-{f['m']})/12)",
    solve=_weighted_eps,
    convention="currency per share; basic EPS: net income less preferred dividends over the "
    "weighted average share count, the new shares counted from their issue date for the whole "
    "months left in the year (issued after m months: outstanding 12 - m of 12)",
    templates=(
        "A company earned net income of {NI} and paid preferred dividends of {Dp}. It had "
        "{N0} shares outstanding at the start of the year and issued {k} new shares "
        "{issued}. Weighting the new shares by the months they were outstanding, what is its "
        "basic EPS?",
        "Net income {NI}; preferred dividends {Dp}; opening shares {N0}; {k} shares issued "
        "{issued}. Basic EPS on the weighted average share count?",
        "Exam question: During the year DEF Ltd reported profit after tax of {NI} and paid "
        "{Dp} of preference dividends. At the start of the year it had {N0} ordinary shares in "
        "issue; a further {k} shares were issued for cash {issued}. Calculate basic earnings "
        "per share, time-weighting the share issue.",
        "Hi Lea, can you check the EPS in the draft accounts? Earnings {NI}, pref dividends "
        "{Dp}, {N0} shares at the start of the financial year, plus {k} new shares issued "
        "{issued} (count them only from the issue date). What basic EPS do you get? Thanks, Tom",
        "eps? NI {NI}, pref divs {Dp}, shares at start {N0}, +{k} issued {issued} (time-weighted)",
        "| net income | preferred dividends | opening shares | new shares | months before issue "
        "|\n| {NI} | {Dp} | {N0} | {k} | {m} |\nBasic EPS (new shares weighted by time "
        "outstanding)?",
        "- Net income: {NI}\n- Preferred dividends: {Dp}\n- Shares outstanding at the start of "
        "the year: {N0}\n- New shares issued after {months}: {k}\nWhat is basic EPS using the "
        "weighted average number of shares?",
        "Please help, the company has profit {NI}, it pays {Dp} to preferred shareholders, at "
        "beginning it has {N0} shares and it issue {k} new shares {issued}. What is the EPS "
        "with weighted shares (new shares only count from when they are issued)?",
        "ok so NI is {NI}, preferred divs {Dp}, {N0} shares at the start, and they sold {k} "
        "more shares {issued}. whats basic eps if you time-weight the new ones?",
        "What is the basic earnings per share for a firm with net income of {NI}, preferred "
        "dividends of {Dp}, {N0} shares outstanding at the beginning of the year and {k} "
        "shares issued {issued}? Count the new shares for the months they were outstanding.",
        "Question 2 (4 marks). Profit attributable to the group was {NI}, of which {Dp} was "
        "paid as preference dividends. Shares in issue at the start of the year were {N0}, "
        "and {k} shares were issued {issued}. Compute basic EPS on the weighted average "
        "number of ordinary shares.",
        "I'm rebuilding the reported EPS. Net income {NI}, preferred dividends {Dp}, {N0} "
        "shares at the start of the year and {k} issued {issued}, outstanding from then on. "
        "What should basic EPS be?",
        "My aunt runs the books for a small listed brewery and asked me to sanity-check its "
        "EPS. It made {NI} of net income and paid {Dp} to its preferred holders. It began the "
        "year with {N0} shares and sold {k} new ones {issued}, which count only from that "
        "date. What is basic EPS?",
        "Calculate EPS attributable to common shareholders: net income {NI}, preferred "
        "dividends {Dp}, {N0} shares at the start of the year, {k} new shares issued {issued} "
        "(weighted by months outstanding).",
        "Weighted average shares: {N0} at the start, {k} more issued {issued}. Net income "
        "{NI}, preferred dividends {Dp}. Basic EPS?",
        "What is the company's basic EPS this year? Earnings were {NI} and preferred "
        "dividends {Dp}; it had {N0} common shares at the start of the year and issued {k} "
        "shares {issued}, counted from the issue date.",
        "EPS calc | NI {NI} | pref div {Dp} | shares b/f {N0} | issue of {k} after {months} | "
        "basic EPS (time-weighted) = ?",
        "For the annual report we need basic EPS. Net profit was {NI}, the preferred dividend "
        "{Dp}. There were {N0} shares in issue at the start of the year, and {k} new shares "
        "were issued at the end of month {m}; weight them by the months they were in issue.",
        "Net earnings available to common shareholders come from {NI} of net income less {Dp} "
        "of preferred dividends. The share count was {N0} at the start of the year, and {k} "
        "shares were added {issued}. Using time-weighted shares, what is basic EPS?",
        "Starting shares {N0}. New issue: {k} shares, {issued}. Net income {NI}. Preferred "
        "dividends {Dp}. Basic EPS with the new shares weighted for time outstanding?",
        "Our firm have net income {NI}, preferred dividend {Dp}, shares at year start {N0}. "
        "We issue {k} new shares {issued}. What is the basic EPS if new shares count only for "
        "the months after issue?",
        "A company with {N0} shares outstanding at the start of its financial year issued {k} "
        "more {issued}. Its net income was {NI} and it paid {Dp} in preferred dividends. "
        "Find basic earnings per share on a weighted-average basis.",
    ),
    ood_templates=(
        "Attributable profit before the preference payout: {NI}; preference payout: {Dp}. "
        "Ordinary stock in circulation on day one: {N0}; a placing of {k} shares completed "
        "{issued}, ranking only thereafter. Per-share earnings for ordinary holders?",
        "Reported earnings {NI}, senior (preferred) distributions {Dp}. Common equity began "
        "the period at {N0} units, with {k} units placed {issued} and counted pro rata from "
        "placement. Determine the per-unit earnings figure.",
        "Income statement shows net profit of {NI}; {Dp} goes to preference holders. Opening "
        "ordinary capital {N0} shares; {k} further shares allotted {issued}, weighted by the "
        "months they existed. Earnings per ordinary share?",
        "Supposing a listed firm books {NI} in profits and distributes {Dp} to its preference "
        "stockholders, while its {N0} opening ordinary units were supplemented by {k} units "
        "{issued}, what per-unit earnings result with a time-apportioned unit count?",
    ),
    parts=Parts(
        labels={
            "NI": (
                "net income",
                "net profit for the year",
                "profit after tax",
                "annual net income",
                "after-tax profit",
                "net income for the year",
                "reported net profit",
                "bottom-line profit",
                "profit for the year",
                "consolidated net income",
                "net profit after tax",
                "income after tax",
            ),
            "Dp": (
                "preferred dividend total",
                "preference dividend total",
                "total preferred dividend",
                "preferred dividend for the year",
                "preference dividend",
                "amount paid to preferred shareholders",
                "dividend on preferred stock",
                "preference share dividend",
                "preferred stock dividend",
                "annual preferred dividend",
                "dividend paid to preference shareholders",
                "fixed dividend on the preference shares",
            ),
            "N0": (
                "share count at the start of the year",
                "opening share count",
                "number of shares in issue at the beginning of the year",
                "common share count at year start",
                "number of shares outstanding at the start of the year",
                "ordinary share count at the start of the year",
                "opening number of shares",
                "share count brought forward",
                "beginning share count",
                "share count on the first day of the year",
                "opening ordinary share count",
                "number of common shares at the start of the year",
            ),
            "k": (
                "number of new shares issued during the year",
                "new share issue",
                "mid-year share issue",
                "share issue size",
                "count of new shares sold",
                "additional share count",
                "number of new common shares issued",
                "number of shares added during the year",
                "number of shares issued for cash",
                "size of the new share issue",
                "new share count",
                "number of ordinary shares issued in the year",
            ),
            "m": (
                "number of months before the issue",
                "number of whole months before the share issue",
                "pre-issue period in months",
                "month count before the share issue",
                "time to the share issue in months",
                "number of months elapsed before the issue",
                "number of months of the year before the issue",
                "number of months from year start to the issue",
                "number of full months before the new shares were issued",
                "length of the pre-issue period in months",
                "month count up to the issue date",
                "number of months into the year at issue",
            ),
        },
        asks=(
            "What is basic EPS, counting the new shares only for the months they were outstanding?",
            "What is the basic earnings per share on the weighted average share count?",
            "Compute basic EPS with the new shares weighted by time outstanding.",
            "What are earnings per share for common shareholders, time-weighting the new shares?",
            "basic eps with time-weighted shares?",
            "What is EPS if the new shares count from their issue date?",
            "Find basic EPS using the weighted average number of shares.",
            "How much did the company earn per share (basic, new shares weighted by months in "
            "issue)?",
            "What is the weighted-average basic EPS for the year?",
            "Work out basic earnings per share, counting the new shares pro rata for the "
            "months after they were issued.",
            "What are basic earnings per share, dividing earnings to common by the weighted "
            "average shares outstanding?",
            "Compute EPS attributable to ordinary shareholders on a weighted-average share basis.",
            "What are the earnings per common share for the year, counting the new shares only "
            "from their issue date?",
            "basic EPS (weighted avg shares)?",
            "What basic EPS should the annual accounts disclose, new shares weighted for the part "
            "of the year they were outstanding?",
            "How much profit per ordinary share did the company make, on a time-weighted share "
            "count?",
            "Calculate basic earnings per share using the weighted average number of ordinary "
            "shares in issue.",
            "Net income less preferred dividends, divided by the weighted average share count: "
            "what is that per share?",
            "For the P/E I need basic EPS first: what is it, weighting the new shares by months "
            "outstanding?",
            "What is the year's basic earnings per share if the new shares count pro rata from "
            "when they were issued?",
            "Work out EPS for common shareholders, with the share issue counted only for the "
            "months after it.",
            "What is reported basic EPS, after preferred dividends and on a time-weighted share "
            "count?",
        ),
        ood_labels={
            "NI": ("attributable group profit",),
            "Dp": ("preference-holder distribution",),
            "N0": ("day-one ordinary unit count",),
            "k": ("mid-period unit placing",),
            "m": ("pre-placing span in months",),
        },
        ood_asks=(
            "Determine per-unit earnings for ordinary holders with a time-apportioned unit count.",
            "Which per-ordinary-share profit figure results when placed units rank only from "
            "placement?",
        ),
    ),
)


# --- payback_period --------------------------------------------------------------------------

_INFLOWS = ("cf1", "cf2", "cf3", "cf4", "cf5", "cf6")
_OUTLAY = money((2000, 5_000_000), ((1e7, 2e9), (100, 1500)))


def _payback_sample(rng: random.Random, ood: bool) -> dict[str, Num]:
    """An outlay and three to six yearly inflows near the level that pays it back in a drawn
    time inside the horizon, each within +-40 % of it, to three figures (two when round)."""
    scaled, round_figures = _draw_styles(rng)
    outlay = _OUTLAY.draw(rng, ood, rng.randrange(2), scaled=scaled, round_figures=round_figures)
    count = rng.randint(3, 6)
    target = rng.uniform(1.3, count - 0.3)
    level = outlay.value / target
    nums = {"C": outlay}
    for key in _INFLOWS[:count]:
        value = significant(level * rng.uniform(0.6, 1.4), 2 if round_figures else 3)
        decimals = 0 if value >= 1 else 2
        nums[key] = Num(round(value, decimals), decimals, "money")
    return nums


def _present(v: Mapping[str, object]) -> list[str]:
    return [key for key in _INFLOWS if key in v]


def _payback(v: Mapping[str, float]) -> float:
    # Year by year: the year whose inflow carries the running total past the outlay, and the
    # part of that year it takes at an even pace. Past the horizon: infinity.
    recovered = 0.0
    for year, key in enumerate(_present(v)):
        inflow = v[key]
        if recovered + inflow >= v["C"]:
            return year + (v["C"] - recovered) / inflow
        recovered += inflow
    return math.inf


def _payback_formula(f: Mapping[str, str]) -> str:
    # The helper finds the year of recovery, so a reply only copies the flows in year order;
    # before it the formula wrote the whole years and their sum, which the model had to work
    # out in its head (experiments.md, session 30).
    return f"payback({','.join(f[key] for key in ('C', *_present(f)))})"


_FLOW_STYLES = (
    lambda year, text: f"year {year}: {text}",
    lambda year, text: f"{text} in year {year}",
    lambda year, text: f"{text} (year {year})",
    lambda year, text: f"Year {year} {text}",
)


def _payback_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Amounts in one currency, and ``{flows}``: the inflows as one list, each with its year
    ("$3,000 in year 1, $4,000 in year 2 and $5,000 in year 3"), ``{table}``: the same as a
    table, ``{count}``: the years."""
    texts = number_texts(rng, nums)
    keys = _present(nums)
    style = rng.choice(_FLOW_STYLES)
    items = [style(year, texts[key]) for year, key in enumerate(keys, 1)]
    if rng.random() < 0.5:
        texts["flows"] = ", ".join(items[:-1]) + " and " + items[-1]
    else:
        texts["flows"] = "; ".join(items)
    years = " | ".join(str(year) for year in range(1, len(keys) + 1))
    amounts = " | ".join(texts[key] for key in keys)
    texts["table"] = f"| year | {years} |\n| inflow | {amounts} |"
    texts["count"] = str(len(keys))
    return texts


def _inside_horizon(v: Mapping[str, float]) -> bool:
    # Paid back after the first year and before the last one ends.
    return 1 < _payback(v) < len(_present(v))


def _year_labels(forms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Labels of the six inflows: every label shows its year as a digit, so that flows listed
    out of order can be put in the order the formula takes them."""
    return {f"cf{n}": tuple(form.format(n=n) for form in forms) for n in range(1, 7)}


PAYBACK_PERIOD = Family(
    name="payback_period",
    unit="years",
    reasoning="Payback period: full years before the cumulative inflows reach the outlay, plus "
    "the amount still unrecovered / the next year's inflow.",
    params={"C": _OUTLAY},
    sample=_payback_sample,
    render=_payback_texts,
    valid=_inside_horizon,
    formula=_payback_formula,
    solve=_payback,
    convention="years; simple (undiscounted) payback, the inflows arriving evenly through each "
    "year, so the year of recovery counts in part: the unrecovered amount over that year's "
    "inflow",
    templates=(
        "A project costs {C} up front and is expected to return {flows}. Assuming the cash "
        "comes in evenly through each year and ignoring discounting, what is its payback "
        "period?",
        "Initial outlay {C}. Inflows: {flows}. Simple (undiscounted) payback period in years, "
        "with cash spread evenly over each year?",
        "How many years does it take to get back an investment of {C} if it generates {flows}? "
        "No discounting; assume the inflows arrive evenly during each year.",
        "Exam question: A machine costs {C} and produces net cash inflows of {flows}, received "
        "evenly throughout each year. Calculate the (undiscounted) payback period to the "
        "nearest fraction of a year.",
        "I'm putting {C} into solar panels. The savings should be {flows}, spread evenly "
        "through each year. Without discounting, how long until they've paid for themselves?",
        "payback? outlay {C}, inflows {flows}, even within each year, undiscounted",
        "Hi Nadia, quick capex check: we spend {C} now and expect {flows}, earned evenly across "
        "each year. What's the simple payback period? The committee only wants the "
        "undiscounted figure. Thanks, Paul",
        "{table}\nOutlay {C}. Simple payback period in years (undiscounted, inflows spread "
        "evenly through each year)?",
        "- Initial investment: {C}\n- Cash inflows: {flows}\n- Inflows arrive evenly within "
        "each year\nWhat is the payback period (no discounting)?",
        "Please help, I invest {C} in a small shop and it bring {flows}. The money come evenly "
        "during every year. After how many years I get my money back, without discounting?",
        "ok so it costs {C} and brings in {flows}. cash comes in evenly all year. how many "
        "years to break even on a simple undiscounted basis?",
        "Question 4 (3 marks). An investment of {C} generates cash inflows of {flows}. "
        "Assuming the inflows accrue evenly over each year, compute the simple payback period.",
        "When does a {count}-year project recover its {C} cost if it brings in {flows}? Count "
        "in years, undiscounted, with each year's cash arriving at an even pace.",
        "My sister wants to buy a food van for {C}. She reckons it will clear {flows} after "
        "running costs, more or less evenly month to month. She doesn't care about the time "
        "value of money, just how many years until she has earned the price back. What should "
        "I tell her?",
        "Compute the payback period, ignoring the time value of money: cost {C}; cash flows "
        "{flows}; assume each year's flow is received uniformly through the year.",
        "Break-even time for an upfront cost of {C}, given {flows}? Undiscounted, with cash "
        "earned evenly during each year.",
        "A new warehouse system costs {C} and should save {flows}. Using simple payback with "
        "the savings spread evenly through each year, how many years until the cost is "
        "recovered?",
        "Capital budgeting: outlay {C}; annual net cash inflows {flows}. Undiscounted payback "
        "period, assuming even cash flow within each year?",
        "For the board paper: the refit costs {C}, and cash inflows of {flows} are forecast, "
        "arriving evenly through each year. How long is the simple payback?",
        "How long until cumulative inflows of {flows} cover an initial {C}? No discounting, "
        "inflows even within each year; give the answer in years.",
        "Payback calc | cost {C} | inflows {flows} | undiscounted, even through the year | "
        "years = ?",
        "We pay {C} today for new equipment that returns {flows}. If cash comes in at a steady "
        "rate within each year, after how many years is the outlay recovered (simple "
        "payback)?",
    ),
    ood_templates=(
        "Capital sunk at inception: {C}. Receipts thereafter: {flows}, accruing uniformly "
        "across every twelve-month stretch. Disregarding the time value of money, when is the "
        "sum fully recouped?",
        "Which point in time, measured in years, sees {flows} (each accruing steadily within "
        "its year) cumulatively match {C} committed at the outset? Use nominal, not present, "
        "values.",
        "Recoupment horizon: commitment {C}; receipts {flows}; receipts accrue smoothly "
        "inside each year and are taken at face value. State the horizon in years.",
        "A hospital trust spends {C} on imaging kit, generating {flows}, with each year's "
        "receipts accruing steadily. Using nominal sums, after what span is the expenditure "
        "earned back?",
    ),
    parts=Parts(
        labels={
            "C": (
                "initial outlay",
                "initial cost",
                "initial investment",
                "project cost",
                "capital expenditure",
                "starting investment",
                "purchase price",
                "required investment",
                "capex",
                "cash outlay at the start",
                "investment outlay",
                "cost of the investment",
            ),
            **_year_labels(
                (
                    "year {n} inflow",
                    "cash inflow in year {n}",
                    "year-{n} cash flow",
                    "net cash inflow in year {n}",
                    "inflow for year {n}",
                    "year {n} cash receipt",
                    "saving in year {n}",
                    "operating cash flow for year {n}",
                    "cash generated in year {n}",
                    "year {n} net cash flow",
                    "projected inflow for year {n}",
                    "cash return in year {n}",
                )
            ),
        },
        asks=(
            "What is the payback period, undiscounted, with inflows spread evenly through "
            "each year?",
            "How many years until the outlay is recovered (simple payback, even inflows "
            "within each year)?",
            "Compute the simple payback period, assuming cash arrives evenly during each year.",
            "What is the undiscounted payback period in years, with each year's cash coming "
            "in evenly?",
            "simple payback in years? (undiscounted, cash even through the year)",
            "How long until the project pays for itself, ignoring discounting and assuming "
            "even inflows within each year?",
            "After how many years do cumulative inflows cover the cost (no discounting, cash "
            "spread evenly over each year)?",
            "Find the break-even time in years, undiscounted, with inflows earned evenly "
            "through each year.",
            "What is the payback period, ignoring the time value of money and assuming cash "
            "flows arrive uniformly within each year?",
            "How long does it take to get the money back, without discounting, if each year's "
            "cash comes in at a steady pace?",
            "How many years of cash flow does it take to earn back the initial investment (no "
            "discounting, even inflows within each year)?",
            "What is the payback period without discounting, assuming the cash comes in evenly "
            "over each year?",
            "Payback in years? simple method, cash flows even through the year.",
            "When does the project break even on a cash basis, in years, ignoring discounting and "
            "with inflows spread evenly in each year?",
            "How long, in years, before the investment pays itself back, using simple payback and "
            "even cash flows within each year?",
            "The board only approves projects that pay back fast enough. What is this one's "
            "simple payback period in years, with cash arriving evenly each year?",
            "Calculate the payback period using undiscounted cash flows, assuming they occur "
            "uniformly during the year.",
            "What is the number of years needed to recover the capital outlay from the "
            "undiscounted inflows, each year's cash arriving at an even rate?",
            "How quickly does the spending pay for itself, in years, on a simple undiscounted "
            "basis with even cash flow through each year?",
            "how many yrs to get my money back, no discounting, cash even through each year?",
            "Compute the cash payback period in years (undiscounted, inflows evenly spread across "
            "each year).",
            "What is the time to recover the outlay, in years, with simple payback and a steady "
            "flow of cash within each year?",
        ),
        ood_labels={
            "C": ("inception capital commitment",),
            **_year_labels(("accrued receipt for year {n}",)),
        },
        ood_asks=(
            "Disregarding the time value of money, when is the commitment fully recouped, "
            "receipts accruing uniformly within every year?",
            "State the recoupment horizon in years, receipts at face value and accruing "
            "smoothly inside each year.",
        ),
    ),
)

FAMILIES: tuple[Family, ...] = (
    SPLIT_ADJUSTED_PRICE,
    RIGHTS_ISSUE_TERP,
    WEIGHTED_EPS,
    PAYBACK_PERIOD,
)
