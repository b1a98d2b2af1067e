"""The futures, forward-points, FRA and straddle families (quantreason.tasks.futures_fra)
against hand-computed cases, and the checks particular to them: every fair-value question says
its rates are continuous and a term in days says its 365-day year; forward points are scaled by
10,000 (100 for yen), grounded in the question's own pip size, and negative exactly when the
base currency's rate is the higher; an FRA question names its side and sign convention, and
the seller's formula is the buyer's with the rates swapped; a straddle question says which
breakeven it wants and the formula adds or takes off both premiums accordingly; a futures
question says long or short and the P&L's sign follows the price move; side figures (a
year-to-date return, the share price today, the initial margin) are shown in a share of
questions and never enter a formula; labels and asks keep the forms composed questions need.

Expected values are written as the arithmetic a person would do on paper, never by calling the
family's solver.
"""

from __future__ import annotations

import math
import random
import re

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.formula import evaluate
from quantreason.tasks import FAMILIES, get_family
from quantreason.tasks.base import SIDE_FIGURE_SHARE
from quantreason.tasks.phrasing import (
    CLOSERS,
    DISTRACTORS,
    FRAMES,
    OOD_CLOSERS,
    OOD_DISTRACTORS,
    OOD_FRAMES,
    WHAT_IS_X,
    compose,
)
from tests.data.article_checks import assert_articles_read_right
from tests.data.family_checks import SPLITS, family_records

FUTURES_FRA_FAMILIES = (
    "futures_fair_value",
    "fx_forward_points",
    "fra_settlement",
    "straddle_breakeven",
    "futures_pnl",
)
EUR, GBP, AUD, JPY = 0, 1, 2, 4  # indexes of the rate table (quantreason.tasks.fx._RATES)

HAND_CASES = [
    # no dividends, a year at 5 %: 100 * e^0.05
    ("futures_fair_value", {"S": 100, "r": 5, "m": 12}, 100 * math.e**0.05),
    # six months at 5 % - 2 % = 3 %: 4,000 * e^(0.03 * 0.5) = 4,000 * e^0.015
    ("futures_fair_value", {"S": 4000, "r": 5, "q": 2, "m": 6}, 4000 * math.e**0.015),
    # the dividend yield equals the rate: no carry, the future is the spot, whatever the days
    ("futures_fair_value", {"S": 2000, "r": 3, "q": 3, "d": 73}, 2000.0),
    # 146 days = 0.4 of a 365-day year at 4 % - 1.5 % = 2.5 %: 5,000 * e^0.01
    ("futures_fair_value", {"S": 5000, "r": 4, "q": 1.5, "d": 146}, 5000 * math.e**0.01),
    # dividends above the rate (backwardation): 30,000 * e^(-0.02)
    ("futures_fair_value", {"S": 30000, "r": 0.5, "q": 2.5, "m": 12}, 30000 * math.e**-0.02),
    # EUR/USD 1.10, 180 days: USD grows 6 % * 0.5 = 3 %, EUR 2 % * 0.5 = 1 %;
    # F - S = 1.10 * (1.03 - 1.01) / 1.01 = 0.022 / 1.01, times 10,000: 220 / 1.01 points
    ("fx_forward_points", {"c": EUR, "S": 1.1, "rq": 6, "rb": 2, "d": 180}, 220 / 1.01),
    # USD/JPY 150, 90 days: yen 1 % * 0.25 = 0.25 %, dollars 5 % * 0.25 = 1.25 %;
    # F - S = 150 * (1.0025 - 1.0125) / 1.0125 = -1.5 / 1.0125 yen, times 100
    ("fx_forward_points", {"c": JPY, "S": 150, "rq": 1, "rb": 5, "d": 90}, -150 / 1.0125),
    # GBP/USD 1.25, 100 days, sterling on act/365: USD 5 % * 100/360 = 1/72, GBP 7.3 % *
    # 100/365 = 0.02; 1/72 - 1/50 = -11/1800; 1.25 * (-11/1800) / 1.02 * 10,000
    (
        "fx_forward_points",
        {"c": GBP, "S": 1.25, "rq": 5, "rb": 7.3, "d": 100, "g": 1},
        1.25 * (-11 / 1800) / 1.02 * 10000,
    ),
    # equal rates: the forward is the spot, no points
    ("fx_forward_points", {"c": AUD, "S": 0.65, "rq": 4, "rb": 4, "d": 90}, 0.0),
    # buyer: (6 % - 5 %) * 90/360 = 0.25 % of 1,000,000 = 2,500 at the period's end,
    # discounted at 6 % for a quarter: / 1.015
    ("fra_settlement", {"N": 1000000, "K": 5, "L": 6, "d": 90, "s": 0}, 2500 / 1.015),
    # the seller of the same FRA pays it
    ("fra_settlement", {"N": 1000000, "K": 5, "L": 6, "d": 90, "s": 1}, -2500 / 1.015),
    # buyer, the fixing below the FRA rate: -0.4 % * 0.5 = -0.2 % of 10,000,000 = -20,000,
    # / (1 + 3.6 % * 0.5 = 1.018)
    ("fra_settlement", {"N": 10000000, "K": 4, "L": 3.6, "d": 180, "s": 0}, -20000 / 1.018),
    # seller, the fixing below the FRA rate: 1 % for a 360-day period on 2,000,000 = 20,000,
    # received, / 1.03
    ("fra_settlement", {"N": 2000000, "K": 4, "L": 3, "d": 360, "s": 1}, 20000 / 1.03),
    # the 100 straddle for 3.20 + 2.80 = 6.00: upper 106, lower 94
    ("straddle_breakeven", {"K": 100, "c": 3.2, "p": 2.8, "up": 1}, 106.0),
    ("straddle_breakeven", {"K": 100, "c": 3.2, "p": 2.8, "up": 0}, 94.0),
    # the 105/95 strangle for 1.90 + 1.60 = 3.50: upper from the call strike, 105 + 3.5; lower
    # from the put strike, 95 - 3.5 (K is the strike the breakeven is measured from)
    ("straddle_breakeven", {"K": 105, "K2": 95, "c": 1.9, "p": 1.6, "up": 1}, 108.5),
    ("straddle_breakeven", {"K": 95, "K2": 105, "c": 1.9, "p": 1.6, "up": 0}, 91.5),
    # long 2 E-minis ($50 a point) from 5,000 to 5,010: 2 * 50 * 10
    ("futures_pnl", {"n": 2, "M": 50, "P0": 5000, "P1": 5010, "s": 0}, 1000.0),
    # short 3 crude contracts (1,000 barrels) from 78.42, out at 80.10: 3,000 * -1.68
    ("futures_pnl", {"n": 3, "M": 1000, "P0": 78.42, "P1": 80.1, "s": 1}, -5040.0),
    # short 5 corn contracts (5,000 bushels) from 4.5250 to 4.4000: 25,000 * 0.125
    ("futures_pnl", {"n": 5, "M": 5000, "P0": 4.525, "P1": 4.4, "s": 1}, 3125.0),
    # long 1 gold contract (100 ounces) from 2,000 to 1,950: 100 * -50
    ("futures_pnl", {"n": 1, "M": 100, "P0": 2000, "P1": 1950, "s": 0}, -5000.0),
]

_NUMBER = r"(\d+(?:\.\d+)?)"


def _records(name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS):
    return family_records("futures_fra", name, draws, splits)


def _composed(record: dict) -> bool:
    return record["template_id"].endswith("composed")


_DRESSING = sorted(
    (*FRAMES, *OOD_FRAMES, *DISTRACTORS, *OOD_DISTRACTORS, *CLOSERS, *OOD_CLOSERS),
    key=len,
    reverse=True,
)


def _body(question: str) -> str:
    """``question`` without the frame, distractor and closer it was dressed in ("Please keep
    it short.", "the question is below." say nothing about the position)."""
    for piece in _DRESSING:
        question = question.replace(piece, " ")
    return question


def _at(text: str, number: str) -> int:
    """Where ``number`` is written in ``text`` as a whole number (not inside another)."""
    match = re.search(rf"(?<![\d.]){re.escape(number)}(?!\d)", text)
    assert match, (number, text)
    return match.start()


@pytest.mark.parametrize("name", FUTURES_FRA_FAMILIES)
def test_records_are_grounded_read_cleanly_and_give_the_answer(name: str) -> None:
    for record in _records(name, 160):
        question = record["question"]
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
        assert ungrounded_numbers(record["formula"], question) == [], record
        assert "{" not in question and "  " not in question.replace("\n  ", "\n"), question
        assert _composed(record) or " ." not in question, question


def test_units_reasonings_and_registry_order() -> None:
    names = list(FAMILIES)
    start = names.index(FUTURES_FRA_FAMILIES[0])
    assert names[start : start + len(FUTURES_FRA_FAMILIES)] == list(FUTURES_FRA_FAMILIES)
    assert start > names.index("covered_calls")  # appended after session 29's families
    units = {name: get_family(name).unit for name in FUTURES_FRA_FAMILIES}
    assert units == {
        "futures_fair_value": "currency",
        "fx_forward_points": "ratio",
        "fra_settlement": "currency",
        "straddle_breakeven": "currency",
        "futures_pnl": "currency",
    }
    for name in FUTURES_FRA_FAMILIES:
        family = get_family(name)
        assert family.reasoning.count(". ") == 0 and "\n" not in family.reasoning
        assert len(family.templates) >= 20 and len(family.ood_templates) >= 3
        assert family.parts is not None
        assert len(family.parts.asks) >= 20 and len(family.parts.ood_asks) >= 3
        for key, labels in family.parts.labels.items():
            assert len(labels) >= 12, (name, key)
            assert len(family.parts.ood_labels.get(key, ())) >= 2, (name, key)


# --- futures_fair_value -------------------------------------------------------------------------


def test_fair_value_questions_say_continuous_and_the_day_basis() -> None:
    with_days = without_dividends = 0
    for record in _records("futures_fair_value"):
        question, formula = record["question"].lower(), record["formula"]
        assert re.search(r"continu|exponential|\bcc\b|\bcont\b", question), question
        if formula.endswith("/365)"):
            with_days += 1
            assert "365" in question, question  # "91 days (act/365)"
            assert re.search(r"\d+ days", question), question
        else:
            assert formula.endswith("/12)") and re.search(r"\d+ months?", question), question
        if "-" not in formula:  # S*exp(r/100*T): a stock that pays no dividends
            without_dividends += 1
            assert re.fullmatch(rf"{_NUMBER}\*exp\({_NUMBER}/100\*{_NUMBER}/(12|365)\)", formula)
            assert re.search(r"no div|dividend|nil|none|zero", question), question
        else:
            assert re.fullmatch(
                rf"{_NUMBER}\*exp\(\({_NUMBER}-{_NUMBER}\)/100\*{_NUMBER}/(12|365)\)", formula
            ), formula
    assert 0.25 * 600 < with_days < 0.55 * 600
    assert 0.12 * 600 < without_dividends < 0.38 * 600


def test_fair_value_is_the_spot_carried_and_only_stocks_skip_dividends() -> None:
    family = get_family("futures_fair_value")
    rng = random.Random(3)
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        spot, value = nums["S"].value, family.answer(nums)
        carry = nums["r"].value - (nums["q"].value if "q" in nums else 0.0)
        assert (value > spot) == (carry > 0) or carry == 0
        if "q" not in nums:
            assert nums["u"].value == -1 and nums["S"].kind == "money"  # a stock
        years = nums["m"].value / 12 if "m" in nums else nums["d"].value / 365
        assert years <= 1 if i % 2 == 0 else years > 1


# --- fx_forward_points --------------------------------------------------------------------------


def test_points_are_scaled_by_the_pip_the_question_states() -> None:
    yen = other = 0
    for record in _records("fx_forward_points"):
        question, formula = record["question"], record["formula"]
        if "JPY" in question:
            yen += 1
            assert formula.endswith(")*100"), formula
        else:
            other += 1
            assert formula.endswith(")*10000"), formula
            assert re.search(r"10,?000", question), question
        assert re.search(r"\b(USD|EUR|GBP|AUD|NZD|JPY|CHF|CAD)/(USD|JPY|CHF|CAD)\b", question)
    assert yen and other


def test_points_are_negative_exactly_when_the_base_rate_is_higher() -> None:
    family = get_family("fx_forward_points")
    rng = random.Random(4)
    signs = set()
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        points = family.answer(nums)
        if "g" in nums:  # sterling on act/365: compare what each side earns over the days
            base = nums["rb"].value / 365
            quote = nums["rq"].value / 360
        else:
            base, quote = nums["rb"].value, nums["rq"].value
        assert (points < 0) == (base > quote), nums
        signs.add(points < 0)
    assert signs == {True, False}


def test_sterling_act_365_only_where_the_question_says_so() -> None:
    seen = 0
    for record in _records("fx_forward_points", 300):
        question, formula = record["question"], record["formula"]
        if "/365)" in formula:
            seen += 1
            assert "GBP/USD" in question and "365" in question, question
        else:
            assert not re.search(r"act(ual)?/365", question, re.I), question
    assert seen > 5


# --- fra_settlement -----------------------------------------------------------------------------


_FRA = re.compile(
    rf'fra_settlement\("(buyer|seller)",{_NUMBER},{_NUMBER}/100,{_NUMBER}/100,{_NUMBER}\)'
)


def test_fra_questions_name_the_side_the_sign_and_the_settlement() -> None:
    sellers = buyers = 0
    for record in _records("fra_settlement"):
        question, formula = record["question"], record["formula"]
        lowered = _body(question).lower()
        match = _FRA.fullmatch(formula)
        assert match, formula
        side, _notional, fra_rate, fixing, days = match.groups()
        shown = question.replace(",", "")
        for number in (fra_rate, fixing, days):
            _at(shown, number)  # copied from the question
        if side == "seller":
            sellers += 1
            assert re.search(r"seller|short the fra|\bsold\b", lowered), question
            assert not re.search(r"\bbuyer\b|long the fra|\bbought\b", lowered), question
        else:
            buyers += 1
            assert re.search(r"buyer|long the fra|\bbought\b", lowered), question
            assert not re.search(r"\bseller\b|short the fra|\bsold\b", lowered), question
        assert "negative" in lowered, question  # the sign convention
        assert re.search(r"360", question), question  # act/360
        assert re.search(r"discount", lowered), question  # settled at the start, discounted
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-9)
    assert 0.35 * 600 < sellers < 0.65 * 600 and buyers


def test_the_sellers_settlement_is_the_buyers_negated() -> None:
    family = get_family("fra_settlement")
    rng = random.Random(5)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        flipped = {**nums, "s": type(nums["s"])(1 - nums["s"].value, 0, "plain")}
        assert family.answer(flipped) == pytest.approx(-family.answer(nums), rel=1e-12)
        buyer = nums if nums["s"].value == 0 else flipped
        assert (family.answer(buyer) > 0) == (nums["L"].value > nums["K"].value)
        assert 0 < abs(nums["L"].value - nums["K"].value) <= 1.5 + 1e-9


# --- straddle_breakeven -------------------------------------------------------------------------

_UP_WORDS = r"\b(upper|upside|high|rise|above|higher|rising)\b"
_DOWN_WORDS = r"\b(lower|downside|low|fall|below|falling)\b"


def test_every_straddle_question_asks_for_one_breakeven_and_the_formula_follows() -> None:
    strangles = uppers = 0
    for record in _records("straddle_breakeven"):
        question, formula = record["question"], record["formula"]
        upper = re.fullmatch(rf"{_NUMBER}\+\({_NUMBER}\+{_NUMBER}\)", formula)
        lower = re.fullmatch(rf"{_NUMBER}-\({_NUMBER}\+{_NUMBER}\)", formula)
        assert upper or lower, formula
        uppers += bool(upper)
        # the words naming the breakeven, outside the strike labels ("lower strike (put)")
        text = _body(question).lower()
        text = re.sub(r"(upper|lower|higher) strike|strike \((call|put)\)", "", text)
        text = re.sub(r"upside leg|downside leg", "", text)
        if upper:
            assert re.search(_UP_WORDS, text) and not re.search(_DOWN_WORDS, text), question
        else:
            assert re.search(_DOWN_WORDS, text) and not re.search(_UP_WORDS, text), question
        assert re.search(r"straddle|strangle", question), question
        assert re.search(r"\blong\b|bought|\bbuy|purchas|owning|holding", question.lower())
        strangles += "strangle" in question
        assert record["answer"] > 0
    assert 0.4 * 600 < uppers < 0.6 * 600
    assert 0.15 * 600 < strangles < 0.45 * 600


def test_a_strangle_takes_the_call_strike_up_and_the_put_strike_down() -> None:
    family = get_family("straddle_breakeven")
    rng = random.Random(6)
    strangles = 0
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        upper = nums["up"].value == 1
        paid = nums["c"].value + nums["p"].value
        if "K2" in nums:  # K the call strike up, the put strike down; K2 the other
            strangles += 1
            assert (nums["K"].value > nums["K2"].value) == upper
        assert family.build_formula(nums).startswith(nums["K"].formula + ("+" if upper else "-"))
        sign = 1 if upper else -1
        assert family.answer(nums) == pytest.approx(nums["K"].value + sign * paid)
        texts = family.texts(rng, nums)
        if "K2" in nums:  # the call strike is the higher one, whichever breakeven is asked
            call, put = (float(texts[key].lstrip("$")) for key in ("Kc", "Kp"))
            assert call > put and "K" not in texts
            assert f"strike {texts['Kc']}" in texts["legs_list"].split("\n")[0]
    assert strangles > 40


# --- futures_pnl --------------------------------------------------------------------------------


def test_futures_questions_say_long_or_short_and_the_pnl_follows_the_move() -> None:
    shorts = 0
    pattern = re.compile(rf'futures_pnl\("(long|short)",{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}\)')
    for record in _records("futures_pnl"):
        question, formula = record["question"], record["formula"]
        match = pattern.fullmatch(formula)
        assert match, formula
        lowered = _body(question).lower()
        shown = question.replace(",", "")
        _at(shown, match.group(3))  # the contract size is in the question
        # "short", or a trade opened by selling ("sold ... bought back"); else "long", or a trade
        # opened by buying ("bought ... sold")
        opened_by = re.search(r"\b(sold|bought)\b", lowered)
        short = re.search(r"\bshort\b|shorted", lowered) is not None
        long_ = re.search(r"\blong\b", lowered) is not None
        assert short != long_ or (not short and opened_by), question
        short = short or (not long_ and opened_by is not None and opened_by.group(1) == "sold")
        assert match.group(1) == ("short" if short else "long"), (question, formula)
        shorts += short
        assert evaluate(formula) == pytest.approx(record["answer"], rel=1e-9)
        if not _composed(record):  # written questions show the entry first
            assert _at(shown, match.group(4)) < _at(shown, match.group(5)), (question, formula)
    assert 0.3 * 600 < shorts < 0.6 * 600


def test_a_short_gains_what_a_long_loses() -> None:
    family = get_family("futures_pnl")
    rng = random.Random(7)
    for i in range(200):
        nums = family.draw(rng, ood=i % 2 == 1)
        flipped = {**nums, "s": type(nums["s"])(1 - nums["s"].value, 0, "plain")}
        assert family.answer(flipped) == pytest.approx(-family.answer(nums), rel=1e-12)
        long_pnl = family.answer(nums if nums["s"].value == 0 else flipped)
        assert (long_pnl > 0) == (nums["P1"].value > nums["P0"].value)


# --- side figures -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "side"),
    [("futures_fair_value", "ytd"), ("straddle_breakeven", "S0"), ("futures_pnl", "IM")],
)
def test_side_figures_are_shown_sometimes_and_never_used(name: str, side: str) -> None:
    family = get_family(name)
    rng = random.Random(f"side:{name}")
    with_side = 0
    for i in range(400):
        nums = family.draw(rng, ood=i % 2 == 1)
        if side not in nums:
            continue
        with_side += 1
        without = {key: num for key, num in nums.items() if key != side}
        assert family.build_formula(nums) == family.build_formula(without)
        assert family.answer(nums) == family.answer(without)
        assert nums[side].formula not in family.build_formula(nums).split("*")
    assert 0.3 * 400 < with_side < 0.5 * 400
    assert SIDE_FIGURE_SHARE == 0.4
    for template in family.templates + family.ood_templates:
        assert "{" + side + "}" not in template, template
    # written questions show it in their opening sentence, composed ones under a label
    for held_out in (False, True):
        for _ in range(100):
            nums = family.draw(rng, ood=False)
            texts = family.texts(rng, nums)
            aside = family.aside(rng, nums, texts, held_out)
            composed = compose(family.parts, texts, rng, held_out)
            if side in nums:
                assert texts[side] in aside and texts[side] in composed, (aside, composed)
            else:
                assert aside == "", aside


# --- phrasing forms -----------------------------------------------------------------------------

_ALLOWED_CAPS = re.compile(r"^(FRA|OTM|YTD|FX|CIP|P&L|B/E|EURIBOR|LIBOR|SOFR|FV)\b")


@pytest.mark.parametrize("name", FUTURES_FRA_FAMILIES)
def test_labels_and_asks_have_the_forms_composed_questions_need(name: str) -> None:
    parts = get_family(name).parts
    assert parts is not None
    labels = [x for group in (*parts.labels.values(), *parts.ood_labels.values()) for x in group]
    for label in labels:
        assert not re.search(r"\d", label), label
        assert label == label.strip() and not label.endswith((".", ",", ":", ";", "?")), label
        assert label[0].islower() or _ALLOWED_CAPS.match(label), label
        assert not re.search(r"[_=]|\b[a-z]+\d\b", label), label
    for ask in (*parts.asks, *parts.ood_asks):
        assert not re.search(r"\d", ask), ask
        assert ask.endswith(("?", ".", ")")), ask
        # chat and "With ...:" lower-case the ask's first letter: no "fRA" or "p&L"
        assert not re.match(r"[A-Z][A-Z/&]", ask), ask
        if ask.startswith("What is the ") and ask.endswith("?") and "," not in ask:
            assert re.fullmatch(WHAT_IS_X, ask), ask
    assert len(set(parts.asks)) == len(parts.asks)


@pytest.mark.parametrize("name", FUTURES_FRA_FAMILIES)
def test_articles_before_numbers_are_right(name: str) -> None:
    for record in _records(name, 100):
        question = record["question"]
        assert_articles_read_right(question, money=False)
