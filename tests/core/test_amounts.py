"""Amounts shown scaled ("$1.2M"): the generator writes them, the prompt writes them out in full,
the readers understand them."""

from __future__ import annotations

import random

import pytest

from quantreason.amounts import SUFFIXES, expand_scaled_amounts, expanded_digits, scaled_amounts
from quantreason.consensus import shown_numbers, ungrounded_numbers
from quantreason.formula import evaluate
from quantreason.reply import interpret_response, user_message
from quantreason.tasks import FAMILIES, Num
from quantreason.tasks.shapes import fits_task


@pytest.mark.parametrize(
    ("text", "amount", "factor"),
    [
        ("a $1.2M book", 1_200_000, 1e6),
        ("3.5 million dollars", 3_500_000, 1e6),
        ("EUR 250k of bonds", 250_000, 1e3),
        ("£2.75mn", 2_750_000, 1e6),
        ("$4bn fund", 4_000_000_000, 1e9),
        ("40 thousand", 40_000, 1e3),
        ("12M EUR", 12_000_000, 1e6),
    ],
)
def test_scaled_amounts_are_read_with_their_factor(text: str, amount: float, factor: float) -> None:
    assert scaled_amounts(text) == [(pytest.approx(amount), factor)]


def test_words_that_merely_start_with_a_scale_letter_are_not_amounts() -> None:
    assert scaled_amounts("5 months at 3 more") == []
    assert scaled_amounts("12 monthly payments") == []


def test_the_prompt_writes_scaled_amounts_out_in_full() -> None:
    question = "ARR went from $1.2M to USD 4.55 million; fees of 1,250k and 3.75bn, 12 months."
    expanded = "ARR went from $1200000 to USD 4550000; fees of 1250000 and 3750000000, 12 months."
    assert expand_scaled_amounts(question) == expanded
    assert user_message(question).endswith(f"Question: {expanded}")
    assert expand_scaled_amounts("a 5.5% rate over 10 years") == "a 5.5% rate over 10 years"


def test_expanded_digits_are_exact() -> None:
    assert expanded_digits("0.45", 1e6) == "450000"  # 0.45 * 1e6 is 450000.00000000006 in floats
    assert expanded_digits("1.25", 1e3) == "1250"
    assert expanded_digits("2,500", 1e3) == "2500000"
    assert expanded_digits("1.2345", 1e3) == "1234.5"


def test_a_scaled_num_shows_digits_and_the_formula_writes_them_in_full() -> None:
    num = Num(1_200_000.0, 1, "money", 1e6)
    assert num.shown == "1.2"
    assert num.formula == "1200000"
    text = num.text(random.Random(0), money_style=0, scale_style=1)
    assert text == "$1.2 million"
    assert expand_scaled_amounts(text) == "$1200000"
    assert Num(1_200_000.0, 0, "money").formula == "1200000"  # unscaled: digits in full


def _scaled_questions(count: int) -> list[tuple[str, dict[str, Num], str]]:
    """(family, numbers, question text) for drawn questions that show a scaled amount."""
    rng = random.Random(11)
    found = []
    for _ in range(40):
        for name, family in FAMILIES.items():
            nums = family.draw(rng, ood=rng.random() < 0.5)
            if any(num.scale != 1 for num in nums.values()):
                texts = family.texts(rng, nums)
                # A template's words (a "30/360" basis) justify its constants; every value is
                # appended too, since a list family's first template may show only a few.
                question = family.templates[0].format(**texts)
                found.append((name, nums, " ".join((question, *texts.values()))))
        if len(found) >= count:
            break
    return found


def test_generated_scaled_amounts_agree_between_prompt_formula_and_answer() -> None:
    questions = _scaled_questions(60)
    assert len(questions) >= 60
    for name, nums, text in questions:
        family = FAMILIES[name]
        formula = family.build_formula(nums)
        assert evaluate(formula) == pytest.approx(family.answer(nums), rel=1e-9)
        assert ungrounded_numbers(formula, text) == [], (name, formula, text)
        prompt = expand_scaled_amounts(text)
        for key, num in nums.items():
            if num.scale != 1:
                assert num.formula in prompt, (name, num, prompt)
                # an input is written in full in the formula; a side figure (drawn beside the
                # parameters: "net income was $48B" beside EBIT) is shown and never used
                if key in family.params:
                    assert num.formula in formula, (name, num, formula)


def test_questions_show_thousands_and_millions() -> None:
    scales = [num.scale for _, nums, _ in _scaled_questions(400) for num in nums.values()]
    assert {1e3, 1e6} <= set(scales)


def _suffix(text: str, num: Num) -> str:
    """The scale's spelling after the digits ("M", " million", "m", "mn")."""
    after = text.split(num.shown, 1)[1]
    return max((s for s in SUFFIXES[num.scale] if after.startswith(s)), key=len)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_one_question_writes_every_scale_the_same_way(name: str) -> None:
    """Every family, render hooks included: two amounts in millions share one spelling."""
    family = FAMILIES[name]
    rng = random.Random(3)
    for _ in range(200):
        nums = family.draw(rng, ood=True)
        millions = [key for key, num in nums.items() if num.scale == 1e6]
        if len(millions) < 2:
            continue
        texts = family.texts(rng, nums)
        assert len({_suffix(texts[key], nums[key]) for key in millions}) == 1, texts


def test_questions_with_two_amounts_in_millions_are_drawn() -> None:
    rng = random.Random(3)
    drawn = [FAMILIES["npv"].draw(rng, ood=True) for _ in range(400)]
    assert sum(sum(n.scale == 1e6 for n in nums.values()) >= 2 for nums in drawn) > 5


def test_a_scaled_amount_is_grounded_only_at_its_own_scale() -> None:
    question = "Our book is worth $10M and has a daily sigma of 0.8%. With z = 1.65, 10-day VaR?"
    assert 10_000_000.0 in shown_numbers(question)
    assert ungrounded_numbers("10000000*1.65*0.8/100*sqrt(10)", question) == []
    assert ungrounded_numbers("10000*1.65*0.8/100*sqrt(10)", question) == ["10000"]
    shown = frozenset(shown_numbers(question))
    assert fits_task("var_given_z", "10000000*1.65*0.8/100*sqrt(10)", shown)


def test_a_stated_answer_in_millions_is_read_in_full() -> None:
    reply = "The loss could reach 1.2 million dollars."
    assert interpret_response(reply).stated_value == pytest.approx(1_200_000)
