"""Numbers people type, rewritten into the generator's notation before the model reads them."""

from __future__ import annotations

import pytest

from quantreason.consensus import question_numbers, ungrounded_numbers
from quantreason.data import generate_dataset
from quantreason.numerals import canonical_numerals, uses_decimal_comma
from quantreason.reply import question_as_read, user_message
from quantreason.tables import rows_as_labelled_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They give 3,8 % per year.", "They give 3.8 % per year."),
        ("nominal 7,25% a year", "nominal 7.25% a year"),
        ("1,5 percent per month", "1.5 percent per month"),
        ("I have 12.500 € at 3,8 %", "I have 12500 € at 3.8 %"),
        ("worth 61.400 € then 79.850 EUR", "worth 61400 € then 79850 EUR"),
        ("a 1.250.000 loan", "a 1250000 loan"),
        ("EUR 12.345,67 at 3,75%", "EUR 12345.67 at 3.75%"),
        ("at 4½% nominal", "at 4.5% nominal"),
        ("4 ¼ percent", "4.25 percent"),
        ("it pays ½ of it", "it pays 0.5 of it"),
        ("for two and a half years", "for 2.5 years"),
        ("One and a quarter years", "1.25 years"),
        ("6 and three quarters percent", "6.75 percent"),
        ("a year and a half at 5%", "1.5 years at 5%"),
        ("in half a year", "in 0.5 years"),
    ],
)
def test_typed_forms_become_the_generators_notation(text: str, expected: str) -> None:
    assert canonical_numerals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "prices 1,250, 1,300 and 1.5",  # English thousands and decimals
        "cash flows 30,40 and 50",  # a list without spaces: no percent, no continental sign
        "rate 0.125 and 12.500 units",  # an English decimal with three places
        "years 1,2 at 5%",
        "on 30.09.2019 and 30.09.2023",  # dates stay dates
        "a $1.2M book at 6.5%",
        "$85,000 at 7.2 %",
        # the English convention shown beyond doubt: a three-decimal amount is a decimal
        "price 3,825.20 EUR, next dividend 20.240 EUR, growth 13.5 %",
        "P0 = 4228.33 EUR, D1 = 26.105 EUR",
        # a euro sign before a figure leads it: "0.145 €0..." is no continental "12.500 €"
        "price\n€0.145\t€0.0472\t9-for-2",
        "x €0.145 €0.0472 y",
    ],
)
def test_forms_that_could_mean_something_else_are_left_alone(text: str) -> None:
    assert canonical_numerals(text) == text


def test_one_continental_sign_decides_how_the_rest_of_the_question_reads() -> None:
    text = "Konto: 12.500 at 3,8 %, fee 2,50"
    assert uses_decimal_comma(text)
    assert canonical_numerals(text) == "Konto: 12500 at 3.8 %, fee 2.50"
    assert not uses_decimal_comma("Account: 12.500 at 3.8 %, fee 2.50")


def test_a_continental_question_keeps_a_number_with_four_decimals() -> None:
    # "1.2345" and "0.0472" cannot be dot groups (groups have three digits)
    assert canonical_numerals("12.500 € at 1.2345 %, 0.0472") == "12500 € at 1.2345 %, 0.0472"


def test_the_english_convention_shown_keeps_dot_groups_but_reads_a_percent_comma() -> None:
    text = "price 3,825.20 EUR, next dividend 20.240 EUR, growth 13,5 %"
    assert not uses_decimal_comma(text)
    assert canonical_numerals(text) == "price 3,825.20 EUR, next dividend 20.240 EUR, growth 13.5 %"


def test_the_prompt_and_the_grounding_check_read_the_same_numbers() -> None:
    question = "Hello, I have 12.500 € in a deposit paying 3,8 % a year for two and a half years."
    assert "12500 € in a deposit paying 3.8 % a year for 2.5 years" in user_message(question)
    assert {12500.0, 3.8, 2.5} <= question_numbers(question)
    # a formula copying the rewritten numbers is grounded; the misread "38" is not
    assert ungrounded_numbers("12500*(1+3.8/100)**2.5", question) == []
    assert ungrounded_numbers("12.500*(1+38/100)**2", question) == ["12.500", "38"]


def test_no_generated_question_is_rewritten() -> None:
    """Training prompts stay as they were: the generator writes no form the rewrite touches."""
    sizes = {
        "train": 1200,
        "validation": 120,
        "test": 120,
        "test_ood_range": 120,
        "test_ood_template": 240,
    }
    splits = generate_dataset(seed=3, sizes=sizes)
    questions = [record["question"] for records in splits.values() for record in records]
    assert len(questions) == sum(sizes.values())
    changed = [q for q in questions if question_as_read(q) != rows_as_labelled_values(q.strip())]
    assert changed == []
