"""Pasted spreadsheet rows become ``label: value`` lines in the prompt, and nothing else does."""

import pytest

from quantreason.data import generate_dataset
from quantreason.reply import user_message
from quantreason.tables import rows_as_labelled_values


def test_a_csv_header_over_a_value_row_becomes_labelled_lines() -> None:
    question = (
        "Prepping slides.\n"
        'Value when bought,years held,"closing value, today"\n'
        '$1686,4,"$2,633"\n'
        "What constant yearly rate connects the two values?"
    )
    assert rows_as_labelled_values(question) == (
        "Prepping slides.\n"
        "Value when bought: $1686\n"
        "years held: 4\n"
        "closing value, today: $2,633\n"
        "What constant yearly rate connects the two values?"
    )


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_tab_and_semicolon_rows_are_paired_too(delimiter: str) -> None:
    question = delimiter.join(["rate", "years", "kind"]) + "\n"
    question += delimiter.join(["5%", "10", "quarterly"]) + "\nWorth?"
    assert rows_as_labelled_values(question) == "rate: 5%\nyears: 10\nkind: quarterly\nWorth?"


@pytest.mark.parametrize(
    "question",
    [
        "Hi, could you help, please?\nI have 5%, 10 years and $100.",  # prose, not a header
        "rate,years\n5%,10\n6%,12\nWhich is worth more?",  # several rows: a real table
        "rate | years\n5% | 10\nWorth?",  # the table layout training teaches
        "- rate: 5%, sigma 2%\n- line 2: $300, sigma 1%\nLargest?",  # labelled already
        "one line only, 5%, 10",
        "rate,years,amount\n5%,10\nWorth?",  # counts differ
        "name,desk,region\nAlice,rates,EMEA\nWho?",  # no numbers in the values
        # labelled values whose amounts are grouped ("51,621"): no header line among them
        "Year-1 cash flow -> 51,621 dollars\nInvestment today -> 48,841 dollars\nNPV?",
        # a comma inside a label's parenthesis, over an arrow-labelled line: no row of values
        "Quoted yearly rate (nominal, before compounding) -> 1.7 %\nAmount invested -> $1,561",
        "rate (nominal, yearly), years\n5%, 10\nWorth?",  # the comma splits a parenthesis
        "g = 4%, r = 9%\nD1 = 2, P = 40\nCheck?",  # labelled with "=" already
        # rows of a label/value list, a word in a value: pairing would give "amount: term"
        "amount\tUSD 1000\nterm\t12 months\nWorth?",
        "year 2 cash flow\t100 dollars\nyear 3 cash flow\t120 dollars\nNPV?",
        "split ratio\t1-for-20 (each 20 old shares become 1)\nshare price\t2.22 dollars",
        # the value before its label, a column each
        "3000000 dollars\tpreferred dividend\n30,141,517 dollars\tnet income\nEPS?",
        "$442k\tpurchase price\n$209,000\tyear 1 cash receipt\nPayback?",
        "Capital expenditure\t$202 million\ninflow for year 2\t$70600000\nPayback?",
        # a label/value list longer than two rows: no two of its rows are a header and values
        "Notional\tAUD 880\ndirection\tAUD to USD\nrate quoted\t0.7043\npair\tAUD/USD\nHow much?",
        "$250000\tpar value\n143\tdays since the coupon (30/360)\ntwice a year\tcoupon schedule\n"
        "8%\tcoupon rate\nAccrued?",
    ],
)
def test_anything_else_is_left_as_it_is(question: str) -> None:
    assert rows_as_labelled_values(question) == question


def test_no_generated_question_is_rewritten() -> None:
    # Training prompts stay what the adapter learned: every presentation, frame and distractor.
    sizes = {"train": 3000, "validation": 0, "test": 0, "test_ood_range": 0}
    records = generate_dataset(seed=5, sizes={**sizes, "test_ood_template": 500})
    questions = [r["question"] for split in records.values() for r in split]
    assert len(questions) == 3500
    assert [q for q in questions if rows_as_labelled_values(q) != q] == []


def test_the_prompt_pairs_rows_before_expanding_scaled_amounts() -> None:
    message = user_message("loan,APR\n$1.2M,5%\nPayment?")
    assert message.endswith("Question: loan: $1200000\nAPR: 5%\nPayment?")
