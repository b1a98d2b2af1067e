"""The portfolio-operations families (quantreason.tasks.portfolio_ops) against hand-computed
cases, and the checks particular to them: every phrasing states the conventions the answer
depends on (proceeds into bonds; no rebalancing and no flows; a full beta hedge to the nearest
contract; an unhedged return in the home currency), falls are written as falls and copied as
``(1-x/100)``, amounts are in the hedging contract's currency, and every formula is grounded in
its question and evaluates to the solver's answer.

Expected values are written as the arithmetic a person would do on paper, never by calling
the family's solver.
"""

from __future__ import annotations

import math
import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import get_family

PORTFOLIO_OPS_FAMILIES = (
    "rebalance_trade",
    "drifted_weight",
    "futures_hedge_contracts",
    "currency_return",
)

HAND_CASES = [
    # 100,000 in all; 60 % of it is 60,000 of stock: sell 70,000 - 60,000
    ("rebalance_trade", {"S": 70000, "B": 30000, "w": 60}, 10000.0),
    # 600,000 in all; 70 % is 420,000: sell 450,000 - 420,000
    ("rebalance_trade", {"S": 450000, "B": 150000, "w": 70}, 30000.0),
    # 2,000,000 in all; half is 1,000,000: sell 1,250,000 - 1,000,000
    ("rebalance_trade", {"S": 1250000, "B": 750000, "w": 50}, 250000.0),
    # 60 of stock grows to 72, 40 of bonds stays 40: 72 / 112
    ("drifted_weight", {"w": 60, "rs": 20, "rb": 0}, 72 / 112 * 100),
    # 50 of stock falls to 40, 50 of bonds grows to 60: 40 / 100
    ("drifted_weight", {"w": 50, "rs": -20, "rb": 20}, 40.0),
    # both fall 10 %: the mix does not move
    ("drifted_weight", {"w": 60, "rs": -10, "rb": -10}, 60.0),
    # 80 of stock grows to 100, 20 of bonds falls to 15: 100 / 115
    ("drifted_weight", {"w": 80, "rs": 25, "rb": -25}, 100 / 115 * 100),
    # 1.2 * 10,000,000 = 12,000,000 of exposure; one contract 5,000 * 50 = 250,000: 48
    ("futures_hedge_contracts", {"V": 10000000, "b": 1.2, "F": 5000, "M": 50}, 48),
    # 4,500,000 / (4,100 * 50 = 205,000) = 21.95: 22
    ("futures_hedge_contracts", {"V": 5000000, "b": 0.9, "F": 4100, "M": 50}, 22),
    # 3,000,000 / (17,000 * 25 = 425,000) = 7.06: 7
    ("futures_hedge_contracts", {"V": 2000000, "b": 1.5, "F": 17000, "M": 25}, 7),
    # 1,000,000 / (5,000 * 5 = 25,000) = 40 micro contracts
    ("futures_hedge_contracts", {"V": 1000000, "b": 1, "F": 5000, "M": 5}, 40),
    # 1.10 * 0.90 = 0.99: -1 %, not 0 %
    ("currency_return", {"rl": 10, "x": -10}, -1.0),
    # 1.08 * 1.05 = 1.134
    ("currency_return", {"rl": 8, "x": 5}, 13.4),
    # 0.80 * 1.25 = 1.00
    ("currency_return", {"rl": -20, "x": 25}, 0.0),
    # 0.96 * 0.95 = 0.912
    ("currency_return", {"rl": -4, "x": -5}, -8.8),
]

# What every phrasing of each family must say (templates, held-out templates, asks).
_STATED = {
    # the proceeds of the sale go into bonds
    "rebalance_trade": (
        r"(into|to|in) (the |those )?(bonds|bond funds|fixed income|debt securities|gilts)"
        r"|buy(ing)? (bonds|gilts)",
    ),
    # no rebalancing, and no money in or out
    "drifted_weight": (
        r"rebalanc|untouched|no trades|nothing traded|reallocation",
        r"withdraw|flows|money|cash|deposit|contribution|paid in|taken out|redemption",
    ),
    # a full hedge of the beta, to the nearest whole contract
    "futures_hedge_contracts": (
        r"nearest|closest",
        r"full|fully|complete|entire|zero|all |whole|neutrali|no residual",
        r"beta|sensitivity|systematic",
    ),
    # unhedged, in the home currency
    "currency_return": (
        r"hedg|covers?\b|covered|exchange risk",
        r"home|\{homes\}|\{home\}|\{H\}|base currency",
    ),
}


def _phrasings(name: str) -> list[str]:
    family = get_family(name)
    parts = family.parts
    assert parts is not None
    return [*family.templates, *family.ood_templates, *parts.asks, *parts.ood_asks]


@pytest.mark.parametrize("name", PORTFOLIO_OPS_FAMILIES)
def test_every_phrasing_states_the_conventions(name: str) -> None:
    for text in _phrasings(name):
        for pattern in _STATED[name]:
            assert re.search(pattern, text, re.I), (pattern, text)


def test_drift_questions_say_the_rest_is_in_bonds() -> None:
    # The starting weight is of stocks; the rest of a two-asset portfolio is in bonds.
    family = get_family("drifted_weight")
    parts = family.parts
    assert parts is not None
    labels = [*parts.labels["w"], *parts.ood_labels["w"]]
    for text in (*family.templates, *family.ood_templates, *labels):
        assert re.search(r"bond|gilt|debt|fixed income", text, re.I), text


@pytest.mark.parametrize("name", PORTFOLIO_OPS_FAMILIES)
@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
def test_records_are_grounded_and_give_the_answer(name: str, split: str) -> None:
    family = get_family(name)
    rng = random.Random(f"portfolio_ops:{name}:{split}")
    for index in range(120):
        record = make_record(family, index, rng, split, index)
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], record["question"]) == [], record
        assert "+-" not in record["formula"] and "--" not in record["formula"], record
        assert "{" not in record["question"], record


def test_rebalancing_lands_exactly_on_the_target() -> None:
    family = get_family("rebalance_trade")
    rng = random.Random(1)
    for ood in (False, True):
        for _ in range(200):
            nums = family.draw(rng, ood)
            s, b, w = nums["S"].value, nums["B"].value, nums["w"].value
            sale = family.answer(nums)
            assert 0 < sale < s
            assert (s - sale) / (s + b) * 100 == pytest.approx(w)  # stocks back on target
            assert nums["w"].value + nums["wb"].value == pytest.approx(100)


def test_drifted_weights_move_towards_the_better_asset() -> None:
    family = get_family("drifted_weight")
    rng = random.Random(2)
    for ood in (False, True):
        for _ in range(200):
            nums = family.draw(rng, ood)
            w, rs, rb = nums["w"].value, nums["rs"].value, nums["rb"].value
            weight = family.answer(nums)
            assert 0 < weight < 100
            if rs > rb:
                assert weight > w
            elif rs < rb:
                assert weight < w
            formula = family.build_formula(nums)
            assert ("(1-" in formula) == (rs < 0 or rb < 0), formula


def test_hedges_round_to_the_nearest_contract_in_the_contract_currency() -> None:
    family = get_family("futures_hedge_contracts")
    rng = random.Random(3)
    symbols = {"USD": ("$", "dollars", "USD"), "EUR": ("€", "EUR"), "GBP": ("£", "GBP")}
    from quantreason.tasks.portfolio_ops import INDEX_FUTURES

    for ood in (False, True):
        for _ in range(200):
            nums = family.draw(rng, ood)
            raw = nums["b"].value * nums["V"].value / (nums["F"].value * nums["M"].value)
            contracts = family.answer(nums)
            assert contracts >= 2 and abs(contracts - raw) < 0.5
            assert contracts == float(math.floor(raw + 0.5))
            texts = family.texts(rng, nums)
            currency = INDEX_FUTURES[round(nums["k"].value)][3]
            for key in ("V", "M"):
                assert any(s in texts[key] for s in symbols[currency]), (texts[key], currency)


def test_currency_moves_are_written_with_their_direction() -> None:
    family = get_family("currency_return")
    rng = random.Random(4)
    falls = ("fell", "lost", "depreciated", "weakened", "dropped", "-")
    for ood in (False, True):
        for _ in range(300):
            nums = family.draw(rng, ood)
            texts = family.texts(rng, nums)
            x, rl = nums["x"].value, nums["rl"].value
            moved = texts["fx_moved"]
            assert moved.endswith(f"against the {texts['home']}"), moved
            assert (x < 0) == any(word in moved for word in falls), moved
            assert texts["home"] != texts["foreign"]
            assert (x < 0) == texts["x"].startswith("-"), texts["x"]
            formula = family.build_formula(nums)
            assert ("(1-" in formula) == (x < 0 or rl < 0), formula
            # roughly the sum of the two returns, plus their cross term
            assert family.answer(nums) == pytest.approx(rl + x + rl * x / 100)


# "a" before a number read with a vowel sound ("a 80/20 mix", "a 8% return", "a 11,000"), or
# "an" before one read with a consonant ("an 60/40 mix").
_WRONG_ARTICLE = re.compile(r"\ba [$€£]?(8|1[18](?!\d))|\ban [$€£]?(?!8|1[18](?!\d))\d", re.I)


@pytest.mark.parametrize("name", PORTFOLIO_OPS_FAMILIES)
@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
def test_numbers_take_the_right_article(name: str, split: str) -> None:
    family = get_family(name)
    rng = random.Random(f"portfolio_ops:article:{name}:{split}")
    for index in range(300):  # templates and composed questions alternate
        question = make_record(family, index, rng, split, index)["question"]
        assert not _WRONG_ARTICLE.search(question), question


def test_mixes_take_their_article() -> None:
    # "an 80/20 mix", "a 60/40 mix": the templates that put an article before the mix use the
    # rendered {a_mix}, never "a {mix}"
    for name in ("rebalance_trade", "drifted_weight"):
        family = get_family(name)
        for text in (*family.templates, *family.ood_templates):
            assert not re.search(r"\ban? \{mix\}", text, re.I), text
        rng = random.Random(5)
        for _ in range(200):
            nums = family.draw(rng, False)
            texts = family.texts(rng, nums)
            article = "an" if texts["mix"][:1] == "8" else "a"  # training weights are 35 to 85
            assert texts["a_mix"] == f"{article} {texts['mix']}", texts


@pytest.mark.parametrize("name", PORTFOLIO_OPS_FAMILIES)
def test_labels_are_words_not_symbols(name: str) -> None:
    # Composed questions say "With a {label} of {value}", "the {label} is {value}": a label is
    # a noun phrase, never a symbol ("r_stocks", "w0") or an uncountable "cash per point".
    parts = get_family(name).parts
    assert parts is not None
    labels = [*parts.labels.values(), *parts.ood_labels.values()]
    for label in (text for group in labels for text in group):
        assert not re.search(r"[_=]|\b[a-z]+\d\b", label), label
        assert not re.match(r"(capital|cash|currency|money) (per|parked|exposed)", label), label
    for name_, group in parts.labels.items():
        assert len(set(group)) >= 6, name_
        assert not set(parts.ood_labels.get(name_, ())) & set(group), name_


def test_futures_asides_never_dismiss_rounding_or_the_short() -> None:
    # The count is rounded as asked and the hedge is a short: no "Round however you like.",
    # "It's a long-only mandate." or "No leverage is involved." beside it.
    family = get_family("futures_hedge_contracts")
    assert {"rounding", "shorting", "leverage"} <= family.uses
    rng = random.Random(6)
    for index in range(400):
        question = make_record(family, index, rng, "train", index)["question"]
        for aside in ("Round however", "long-only", "No leverage"):
            assert aside not in question, question


def test_mini_dax_is_quoted_in_whole_points() -> None:
    # Eurex's Mini-DAX future ticks in whole index points (the DAX future in half points).
    from quantreason.tasks.portfolio_ops import INDEX_FUTURES

    family = get_family("futures_hedge_contracts")
    mini = next(i for i, row in enumerate(INDEX_FUTURES) if row[0] == "Mini-DAX")
    rng = random.Random(7)
    seen = 0
    for ood in (False, True):
        for _ in range(600):
            nums = family.draw(rng, ood)
            if round(nums["k"].value) == mini:
                seen += 1
                assert nums["F"].decimals == 0 and nums["F"].value == int(nums["F"].value)
    assert seen > 20


def test_drift_periods_fit_the_returns() -> None:
    # Stock returns reach +35 % in range and far more out of it: no template calls that a
    # quarter's move.
    family = get_family("drifted_weight")
    parts = family.parts
    assert parts is not None
    for text in (*family.templates, *family.ood_templates, *parts.asks, *parts.ood_asks):
        assert "quarter" not in text, text


def test_rebalance_wording_fits_any_currency() -> None:
    # Amounts come in dollars, euros or pounds: no gilts or pennies beside a $ or € amount.
    family = get_family("rebalance_trade")
    parts = family.parts
    assert parts is not None
    for text in (*family.templates, *family.ood_templates, *parts.asks, *parts.ood_asks):
        assert not re.search(r"gilt|penny|pence|cent\b", text, re.I), text
