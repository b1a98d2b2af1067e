"""Figures beside a task's inputs that it never uses: a loan question may name its purchase (the
price and the down payment), and a few families show a side figure (a mean return beside a
volatility, a cost already spent beside an NPV, last year's market return beside CAPM). Composed
questions list them with labels; written ones open with a sentence (``Family.aside``)."""

import random
import re

import pytest

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import FAMILIES
from quantreason.tasks.base import SIDE_FIGURE_SHARE, Num, significant
from quantreason.tasks.phrasing import compose
from quantreason.tasks.purchases import PURCHASE_SHARE, purchase_aside, with_purchase

LOAN = {"L": Num(432_500.0, 0, "money"), "r": Num(6.5, 2, "pct"), "n": Num(30.0, 0, "plain")}


def test_a_restated_loan_is_the_price_less_the_down_payment() -> None:
    rng = random.Random(1)
    restated = [d for d in (with_purchase(rng, LOAN) for _ in range(400)) if "price" in d]
    assert 0.3 < len(restated) / 400 < 0.5  # about PURCHASE_SHARE of draws
    percents = set()
    for drawn in restated:
        price, loan = drawn["price"].value, drawn["L"].value
        assert price > loan and abs(loan / 432_500 - 1) < 0.05  # the loan keeps its size
        assert float(f"{price:.3g}") == price  # a round price: three significant figures
        if "down" in drawn:
            assert drawn["down"].value + loan == price
        if "down_pct" in drawn:
            percents.add(drawn["down_pct"].value)
            assert abs(price * (1 - drawn["down_pct"].value / 100) - loan) <= 0.5
        assert drawn["r"] is LOAN["r"] and drawn["n"] is LOAN["n"]
    assert {"down" in d for d in restated} == {True, False}
    assert len(percents) >= 4


def test_unrestated_draws_and_tiny_loans_are_left_alone() -> None:
    rng = random.Random(2)
    plain = [d for d in (with_purchase(rng, LOAN) for _ in range(200)) if "price" not in d]
    assert plain and all(d == LOAN for d in plain)
    tiny = {**LOAN, "L": Num(90.0, 0, "money")}
    assert all(with_purchase(rng, tiny) == tiny for _ in range(50))
    assert PURCHASE_SHARE < 0.5  # most loan questions still give the loan alone


@pytest.mark.parametrize("name", ["loan_payment", "loan_instalment"])
def test_composed_loan_questions_show_the_price_and_the_formula_ignores_it(name: str) -> None:
    family = FAMILIES[name]
    rng = random.Random(5)
    with_price = 0
    for i in range(300):
        record = make_record(family, 1 + 2 * i, rng, "train", i)  # odd index: composed
        question, formula = record["question"], record["formula"]
        labels = family.parts.labels["price"]
        if any(label in question.lower() for label in labels):
            with_price += 1
            # the formula takes the loan amount written in the question, not the price
            loan = formula.rsplit(",", 1)[1].strip(" )")
            assert loan in question.replace(",", ""), (question, formula)
            assert abs(evaluate(formula) - record["answer"]) <= 1e-6 * abs(record["answer"])
    assert 60 < with_price < 180  # a share of composed questions, not all


def test_templates_never_name_a_price() -> None:
    for name in ("loan_payment", "loan_instalment"):
        family = FAMILIES[name]
        assert not any("{price}" in t or "{down" in t for t in family.templates)
        assert family.aside is purchase_aside  # written questions get the price from it


@pytest.mark.parametrize("name", ["loan_payment", "loan_instalment"])
def test_the_purchase_sentence_shows_the_price_and_down_payment_never_the_loan(name) -> None:
    family = FAMILIES[name]
    rng = random.Random(f"purchase sentence:{name}")
    sentences = set()
    for _ in range(300):
        nums = family.draw(rng, ood=False)
        texts = family.texts(rng, nums)
        state = rng.getstate()
        sentence = purchase_aside(rng, nums, texts, False)
        if "price" not in nums:
            assert sentence == "" and rng.getstate() == state  # other draws stay as they were
            continue
        sentences.add(sentence)
        assert texts["price"] in sentence and texts["L"] not in sentence, sentence
        for down in ("down", "down_pct"):
            assert (down in nums) == (texts.get(down, "\0") in sentence), sentence
        assert "{" not in sentence and sentence.endswith((".", ")"))
        held_out = purchase_aside(rng, nums, texts, True)
        assert texts["price"] in held_out and held_out not in sentences, held_out
    assert len(sentences) > 60


def test_held_out_splits_get_sentences_no_other_split_sees() -> None:
    """test_ood_template's purchase and side-figure sentences are its own (their forms, with
    the numbers taken out, never occur in the training split's)."""
    forms: dict[bool, set[str]] = {False: set(), True: set()}
    for name in ("loan_payment", "loan_instalment", "vol_annualisation", "npv", "capm_premium"):
        family = FAMILIES[name]
        rng = random.Random(f"held-out sentences:{name}")
        for _ in range(400):
            nums = family.draw(rng, ood=False)
            texts = family.texts(rng, nums)
            for held_out in (False, True):
                sentence = family.aside(rng, nums, texts, held_out)
                for value in sorted(texts.values(), key=len, reverse=True):
                    sentence = sentence.replace(value, "#") if value else sentence
                if sentence:
                    forms[held_out].add(sentence)
    assert forms[True] and forms[False] and not forms[True] & forms[False]


@pytest.mark.parametrize("name", ["loan_payment", "loan_instalment"])
def test_written_loan_questions_show_a_price_above_the_loan_in_a_share(name) -> None:
    """About PURCHASE_SHARE of written questions (even template numbers) show a number above
    the loan the formula takes: the price in the opening sentence."""
    family = FAMILIES[name]
    rng = random.Random(f"written purchases:{name}")
    above = 0
    for i in range(300):
        record = make_record(family, 2 * i, rng, "train", i)
        loan = float(record["formula"].rsplit(",", 1)[1].strip(" )"))
        shown = [
            float(n) for n in re.findall(r"\d+(?:\.\d+)?", record["question"].replace(",", ""))
        ]
        assert abs(evaluate(record["formula"]) - record["answer"]) <= 1e-6 * record["answer"]
        above += any(n > loan for n in shown if n != 2008)  # 2008: a distractor's year
    assert 0.25 * 300 < above < 0.55 * 300


def _named(name: str, text: str) -> bool:
    """``name`` as a word of ``text`` ("σ_bonds" names bonds); a capital may start a sentence,
    but a one-letter name must match its case ("a" is an article)."""
    flags = re.IGNORECASE if len(name) > 1 else 0
    return re.search(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", text, flags) is not None


def test_a_two_asset_question_names_its_assets_one_way() -> None:
    """Each composed portfolio_vol question (before any frame or distractor) calls its two
    assets by one pair of names, and every pair gets drawn."""
    family = FAMILIES["portfolio_vol"]
    names = family.parts.names
    rng = random.Random(8)
    seen = set()
    for _ in range(400):
        question = compose(family.parts, family.texts(rng, family.draw(rng, False)), rng, False)
        assert "{" not in question, question
        named = [pair for pair in names if _named(pair[0], question) and _named(pair[1], question)]
        pair = max(named, key=lambda p: len(p[0]))  # "asset A" also names "A"
        seen.add(pair)
        for other in {n for p in names for n in p}:
            if not any(other in mine for mine in pair):
                assert not _named(other, question), (other, question)
    assert seen == set(names)


def test_expected_returns_beside_the_risks_stay_out_of_the_formula() -> None:
    family = FAMILIES["portfolio_vol"]
    rng = random.Random(9)
    with_returns = 0
    for i in range(400):
        record = make_record(family, 1 + 2 * i, rng, "train", i)
        shown = (
            label.format(a=a, b=b)
            for a, b in family.parts.names
            for label in family.parts.labels["e1"]
        )
        if any(label in record["question"] for label in shown):
            with_returns += 1
            assert record["formula"].count("**2") == 2  # still the two-asset volatility
            assert abs(evaluate(record["formula"]) - record["answer"]) < 1e-6
    assert 100 < with_returns < 220  # about 40 % of 400


@pytest.mark.parametrize(
    ("value", "figures", "whole", "expected"),
    [
        (541_234.0, 3, False, 541_000.0),
        (0.04737, 2, False, 0.047),
        (38.64, 2, True, 39.0),  # whole units: never finer than 1
        (4.53, 2, True, 5.0),
        (4.53, 2, False, 4.5),
        (-1_266.0, 2, False, -1_300.0),
    ],
)
def test_significant_figures_as_people_quote_amounts(value, figures, whole, expected) -> None:
    assert significant(value, figures, whole=whole) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("name", "side", "low", "high"),
    [
        ("vol_annualisation", "mu", 0.02, 1.5),  # the mean return per period beside its sd
        ("npv", "sunk", 1000, 80_000),  # a cost already spent beside the cash flows
        ("capm_premium", "past", 4, 28),  # last year's market return beside the premium
    ],
)
def test_side_figures_are_shown_and_never_enter_the_answer(name, side, low, high) -> None:
    """In about SIDE_FIGURE_SHARE of draws (held-out ranges too) a figure the task does not use
    is drawn in its training range; a composed question shows it under one of its labels, and
    the formula and the answer are those of the same draw without it."""
    family = FAMILIES[name]
    rng = random.Random(f"side figures:{name}")
    with_side = 0
    for i in range(300):
        nums = family.draw(rng, ood=i % 2 == 1)
        if side not in nums:
            continue
        with_side += 1
        assert low <= nums[side].value <= high
        texts = family.texts(rng, nums)
        question = compose(family.parts, texts, rng, held_out=False)
        assert texts[side] in question, question
        assert any(label.lower() in question.lower() for label in family.parts.labels[side])
        without = {key: num for key, num in nums.items() if key != side}
        assert family.build_formula(nums) == family.build_formula(without)
        assert family.answer(nums) == family.answer(without)
        # a written question opens with a sentence that shows it
        assert family.aside is not None and texts[side] in family.aside(rng, nums, texts, False)
        assert family.aside(rng, without, family.texts(rng, without), False) == ""
    assert 0.3 * 300 < with_side < 0.5 * 300  # SIDE_FIGURE_SHARE of draws, not all
    assert SIDE_FIGURE_SHARE == 0.4
    assert not any("{" + side + "}" in t for t in family.templates)  # only in the aside
