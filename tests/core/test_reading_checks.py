"""The reading checks (quantreason.reading_checks): a cash-flow list that repeats a figure given
once, a long option's breakeven on the wrong side of its strike, a cash flow moved the other way;
and a number copied into a second parameter's place (quantreason.tasks.shapes.copied_numbers)."""

from __future__ import annotations

import random

import pytest

from quantreason.consensus import read_candidate, shown_counts, ungrouped_question
from quantreason.data import make_record
from quantreason.reading_checks import (
    FLOW_TASKS,
    flow_direction,
    flow_directions,
    option_side,
    repeated_flow,
    stdev_basis,
)
from quantreason.tasks import FAMILIES
from quantreason.tasks.shapes import copied_numbers

NPV_QUESTION = (
    "Can someone run the NPV on this before Thursday's capex meeting?\nInitial outlay: 180,000\n"
    "Year 1 inflow: 70,000\nYear 2 inflow: 85,000\nYear 3 inflow: 60,000\nDiscount rate: 11%"
)


def _repeated(formula: str, question: str) -> str | None:
    return repeated_flow(formula, question, shown_counts(question))


def test_a_flow_listed_twice_but_given_once_is_flagged() -> None:
    why = _repeated("npv(11/100, 70000, 85000, 60000, 60000)-180000", NPV_QUESTION)
    assert why is not None and "60000 2 times" in why and "gives it 1 time" in why
    assert _repeated("npv(11/100, 70000, 85000, 60000)-180000", NPV_QUESTION) is None
    # signs do not hide a copy: the outlay repeated as a second deposit
    irr_question = (
        "Seed capital 21,603 in year 1; added 10,000 in year 2 and 8,200 in year 3; worth 54,008."
    )
    assert _repeated("irr(-21603,-21603,10000,8200,54008)*100", irr_question) is not None
    assert _repeated("payback(180000, 70000, 70000, 85000)", NPV_QUESTION) is not None
    # a dated list: the time labels are not figures; a flow copied under a second time is
    dated = 'dated_npv(11/100,"t0",-180000,"t1",70000,"t2",85000,"t3",60000{})'
    assert _repeated(dated.format(""), NPV_QUESTION) is None
    assert "60000 2 times" in (_repeated(dated.format(',"t4",60000'), NPV_QUESTION) or "")
    assert _repeated('dated_payback("t0",-180000,"t1",70000,"t2",70000)', NPV_QUESTION)


def test_a_flow_the_question_gives_twice_may_be_listed_twice() -> None:
    question = "Outlay 5,000; inflows 2,000 in year 1, 2,000 in year 2 and 3,000 in year 3; 8%."
    assert _repeated("npv(8/100, 2000, 2000, 3000)-5000", question) is None
    assert _repeated("npv(8/100, 2000, 2000, 2000, 3000)-5000", question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Project: -2.4M today, then +650k at the end of every one of the next 5 years. WACC 11%.",
        "An outlay of 1,000 returns 300 a year for four years. IRR?",
        "Inflows of 400 in years 1-3 after an outlay of 1,000, discounted at 9%.",
    ],
)
def test_a_recurring_flow_is_not_judged(question: str) -> None:
    assert _repeated("npv(9/100, 400, 400, 400)-1000", question) is None


def test_scaled_amounts_count_as_given() -> None:
    question = "Outlay $20k; inflows $12.8k in year 1 and $9k in year 2; rate 6%."
    assert shown_counts(question)[12800.0] == 1
    assert _repeated("npv(6/100, 12800, 9000)-20000", question) is None
    assert _repeated("npv(6/100, 12800, 12800, 9000)-20000", question) is not None


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        (
            "Long call, strike $85, premium $4.35 per share. Breakeven at expiry?",
            "85-4.35",
            "85+4.35",
        ),
        (
            "(1) strike: $91\n(2) setup: bought put\n(3) premium: $2.60\nBreakeven?",
            "91+2.60",
            "91-2.60",
        ),
        ("Long put, strike 207, premium 3.07. Breakeven price at expiry?", "3.07+207", "207-3.07"),
        # the form taught since session 37: the side named, breakeven() adds or subtracts
        (
            "Long call, strike $85, premium $4.35 per share. Breakeven at expiry?",
            'breakeven("put",85,4.35)',
            'breakeven("call",85,4.35)',
        ),
        (
            "Long put, strike 207, premium 3.07.",
            'breakeven("upper",207,3.07)',
            'breakeven("put",207,3.07)',
        ),
    ],
)
def test_a_long_options_breakeven_sits_on_its_side_of_the_strike(
    question: str, wrong: str, right: str
) -> None:
    assert option_side("option_breakeven", wrong, question) is not None
    assert option_side("option_breakeven", right, question) is None
    assert option_side("straddle_breakeven", wrong, question) is None  # another task's form


@pytest.mark.parametrize(
    ("task", "question", "strike", "premium"),
    [
        ("option_breakeven", "Covered call: bought shares at $63.20, sold calls for $2.10. "
         "Breakeven per share?", "100", "4"),
        ("option_breakeven", "I wrote a put with strike 50 for a premium of 2. Breakeven?",
         "100", "4"),
        ("option_breakeven", "A straddle: call and put at strike 100, premiums 4 and 3. Upper "
         "breakeven?", "100", "4"),
        # a straddle question naming both sides, or neither
        ("straddle_breakeven", "Long straddle at 100, premiums 4 and 3: the upper and the lower "
         "breakeven?", "100", "(4+3)"),
        ("straddle_breakeven", "Long straddle at 100, premiums 4 and 3. Breakeven at expiry?",
         "100", "(4+3)"),
    ],
)  # fmt: skip
def test_positions_and_questions_the_side_check_cannot_read_are_not_judged(
    task: str, question: str, strike: str, premium: str
) -> None:
    assert option_side(task, f"{strike}-{premium}", question) is None
    assert option_side(task, f"{strike}+{premium}", question) is None


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        ("Long straddle, 550C @ 8.68 + 550P @ 27.12. Upper breakeven?", "550-(8.68+27.12)",
         "550+(8.68+27.12)"),
        ("I've got a put premium of $0.47 and a call premium of $0.38, both struck at $6, long "
         "straddle. Say the breakeven asked for is the lower one (stock falling).",
         "6+(0.38+0.47)", "6-(0.38+0.47)"),
        ("Holding the 300 call at 8.75 and the 300 put at 19.41 as a long straddle, which higher "
         "terminal level leaves it flat?", "305.17-(8.75+19.41)", "300+(8.75+19.41)"),
        ("Long straddle, 550C @ 8.68 + 550P @ 27.12. Upper breakeven?",
         'breakeven("lower",550,8.68+27.12)', 'breakeven("upper",550,8.68+27.12)'),
    ],
)  # fmt: skip
def test_a_straddles_breakeven_sits_on_the_side_asked(
    question: str, wrong: str, right: str
) -> None:
    why = option_side("straddle_breakeven", wrong, question)
    assert why is not None and "breakeven is" in why
    assert option_side("straddle_breakeven", right, question) is None


@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
def test_straddle_references_pass_and_their_mirror_images_mostly_fail(split: str) -> None:
    # No reference formula is flagged; the same formula with the other sign (the other side's
    # breakeven) is, wherever the question's words name one side: most training phrasings do
    # (the held-out templates' words were not read to write the check, so they only must not
    # be misread).
    rng = random.Random(f"straddle_side:{split}")
    family, mirrored = FAMILIES["straddle_breakeven"], 0
    for index in range(300):
        record = make_record(family, index, rng, split, index)
        formula, question = record["formula"], record["question"]
        assert option_side(family.name, formula, question) is None, record
        other = formula.replace("+(", "-(", 1) if "+(" in formula else formula.replace("-(", "+(")
        mirrored += option_side(family.name, other, question) is not None
    if split != "test_ood_template":
        assert mirrored >= 0.8 * 300


@pytest.mark.parametrize("split", ["train", "test_ood_range", "test_ood_template"])
def test_no_reference_formula_is_flagged(split: str) -> None:
    # every family, every template and composed phrasing, in and out of the training ranges
    rng = random.Random(f"reading_checks:{split}")
    for family in FAMILIES.values():
        for index in range(40):
            record = make_record(family, index, rng, split, index)
            formula, question = record["formula"], record["question"]
            assert _repeated(formula, question) is None, record
            assert option_side(family.name, formula, question) is None, record
            assert _direction(family.name, formula, question) is None, record
            assert _copied(family.name, formula, question) is None, record
            assert stdev_basis(formula, question) is None, record


def _direction(task: str, formula: str, question: str) -> str | None:
    return flow_direction(task, formula, ungrouped_question(question))


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        (
            "TWR? start 11369 dollars, value before the withdrawal 12,750 dollars, withdrawal "
            "4800 dollars, end 6,799 dollars",
            "(12750/11369*6799/(12750+4800)-1)*100",
            "(12750/11369*6799/(12750-4800)-1)*100",
        ),
        (
            "My account started the year at $100,000. At mid-year it was worth $108,000 just "
            "before I deposited $20,000. At year end it was worth $131,000. TWR?",
            "(108000/100000*131000/(108000-20000)-1)*100",
            "(108000/100000*131000/(108000+20000)-1)*100",
        ),
        (
            "- first flow: $9,500 paid in\n- second flow into or out of the account: $4,500 "
            "taken out\n- start: $77,443\n- before flow 1: $68,124\n- before flow 2: $87,290\n"
            "- end: $106,894",
            "(68124/77443*87290/(68124+9500)*106894/(87290+4500)-1)*100",
            "(68124/77443*87290/(68124+9500)*106894/(87290-4500)-1)*100",
        ),
    ],
)
def test_a_time_weighted_flow_moves_the_way_the_question_says(
    question: str, wrong: str, right: str
) -> None:
    assert _direction("time_weighted_return", wrong, question) is not None
    assert _direction("time_weighted_return", right, question) is None
    assert _direction("percent_change", wrong, question) is None  # only the flow tasks


@pytest.mark.parametrize(
    ("task", "question", "wrong", "right"),
    [
        (
            "time_weighted_return",
            "TWR? start 11369 dollars, value before the withdrawal 12,750 dollars, withdrawal "
            "4800 dollars, end 6,799 dollars",
            'time_weighted(11369,12750,"deposit",4800,6799)',
            'time_weighted(11369,12750,"withdrawal",4800,6799)',
        ),
        (
            "time_weighted_return",
            "- first flow: $9,500 paid in\n- second flow into or out of the account: $4,500 "
            "taken out\n- start: $77,443\n- before flow 1: $68,124\n- before flow 2: $87,290\n"
            "- end: $106,894",
            'time_weighted(77443,68124,"deposit",9500,87290,"deposit",4500,106894)',
            'time_weighted(77443,68124,"deposit",9500,87290,"withdrawal",4500,106894)',
        ),
        (
            "modified_dietz",
            "A portfolio was worth USD 630000 at the start of a month of 30 days and USD 417490 "
            "at the end. Flows during the month: a withdrawal of USD 242,000 at the end of day 13.",
            'modified_dietz(630000,417490,"deposit",242000,(30-13)/30)',
            'modified_dietz(630000,417490,"withdrawal",242000,(30-13)/30)',
        ),
    ],
)
def test_a_labelled_flow_is_named_the_way_the_question_says(
    task: str, question: str, wrong: str, right: str
) -> None:
    why = _direction(task, wrong, question)
    assert why is not None and "the question says it was" in why
    assert _direction(task, right, question) is None


def test_a_money_weighted_flow_takes_the_sign_of_its_direction() -> None:
    question = (
        "Start of year 1: deposit 393 GBP. Then I withdrew 98 GBP at the start of year 2 and "
        "added 160 GBP at the start of year 3. Value at the end of year 3: 350.38 GBP."
    )
    task = "money_weighted_return"
    assert "98 was taken out" in (_direction(task, "irr(-393,-98,-160,350.38)*100", question) or "")
    assert "160 was paid in" in (_direction(task, "irr(-393,98,160,350.38)*100", question) or "")
    assert _direction(task, "irr(-393,98,-160,350.38)*100", question) is None
    # the same flows with every sign turned: the same IRR, and no contradiction
    assert _direction(task, "irr(393,-98,160,-350.38)*100", question) is None


def test_a_clause_naming_both_ways_or_neither_decides_nothing() -> None:
    read = flow_directions("deposit or withdrawal: 5000 paid in; redemption 700; value 9000")
    assert read[5000.0] == "in" and read[700.0] == "out" and 9000.0 not in read
    assert 5000.0 not in flow_directions("deposit or withdrawal: 5000")


@pytest.mark.parametrize("split", ["train", "validation", "test_ood_range", "test_ood_template"])
def test_no_reference_flow_is_read_the_other_way(split: str) -> None:
    rng = random.Random(f"flow_direction:{split}")
    for name in FLOW_TASKS:
        for index in range(150):
            record = make_record(FAMILIES[name], index, rng, split, index)
            assert _direction(name, record["formula"], record["question"]) is None, record


def _copied(task: str, formula: str, question: str) -> tuple[float, str, str] | None:
    given = shown_counts(question)
    return copied_numbers(task, formula, frozenset(given), given)


def test_a_number_copied_into_a_second_parameters_place_is_found() -> None:
    question = "Volatility per observation period of 5 %, sampled weekly. Annual volatility?"
    assert _copied("vol_annualisation", "5*sqrt(5)", question) == (5.0, "sigma", "freq")
    assert _copied("vol_annualisation", "5*sqrt(52)", question) is None
    # "daily" gives 252 a second time: a question that writes 252 as well is not judged on it
    daily = "Daily stdev of returns came out at 1.37%. Annualised vol, 252 trading days?"
    assert _copied("vol_annualisation", "252*sqrt(252)", daily) is None
    terms = "Terms 0.45/3 net 15. Cost of not taking the discount, simple annual, 365-day year?"
    found = _copied("trade_credit_cost", "0.45/(100-0.45)*365/(15-15)*100", terms)
    assert found is not None and found[0] == 15.0 and found[1] != found[2]
    assert _copied("trade_credit_cost", "0.45/(100-0.45)*365/(15-3)*100", terms) is None


def test_a_number_the_question_gives_twice_may_fill_two_places() -> None:
    once = "I shorted 300 shares at 62.40 and covered at 58.15, paying 9.95 a trade. P&L?"
    assert _copied("short_pnl", "300*(62.40-58.15)-2*58.15", once) is not None
    both = "I shorted 300 shares at 62.40 and covered at 58.15; each of the two trades cost 58.15."
    assert _copied("short_pnl", "300*(62.40-58.15)-2*58.15", both) is None


def test_a_number_a_word_implies_counts_as_given_again() -> None:
    # "end-of-quarter" gives 4 a second time: 4 years repaid and 4 payments a year
    question = (
        "Full term 15 years, rate 7.80 percent, repaid end-of-quarter, mortgage $65,122, "
        "4 years already repaid. Payoff amount?"
    )
    assert shown_counts(question)[4.0] == 2
    formula = "pv(7.80/100/4, (15-4)*4, pmt(7.80/100/4, 15*4, 65122))"
    assert _copied("loan_balance", formula, question) is None


@pytest.mark.parametrize(
    ("task", "question", "wrong", "right", "reason"),
    [
        (
            "option_breakeven",
            "Long call, strike $85, premium $4.35 per share. Breakeven at expiry?",
            "85-4.35",
            "85+4.35",
            "long call",
        ),
        (
            "npv",
            NPV_QUESTION,
            "npv(11/100, 70000, 85000, 60000, 60000)-180000",
            "npv(11/100, 70000, 85000, 60000)-180000",
            "lists 60000 2 times",
        ),
        (
            "vol_annualisation",
            "Volatility per observation period of 5 %, sampled weekly. Annual volatility?",
            "5*sqrt(5)",
            "5*sqrt(52)",
            "5 fills both",
        ),
        (
            "return_stdev",
            "A fund's annual returns were 4 %, 9 % and -2 %. Population standard deviation?",
            "stdev(4,9,-2)",
            "pstdev(4,9,-2)",
            "population",
        ),
    ],
)
def test_a_flagged_reply_loses_its_vote_with_the_reason(
    task: str, question: str, wrong: str, right: str, reason: str
) -> None:
    reasoning = FAMILIES[task].reasoning
    flagged = read_candidate(f"Reasoning: {reasoning}\nFormula: {wrong}", question)
    assert flagged.grounded and not flagged.votes and reason in (flagged.error or "")
    assert read_candidate(f"Reasoning: {reasoning}\nFormula: {right}", question).votes


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        (
            "Annual returns 28.60 %, 39.24 %, 47.15%. Population standard deviation?",
            "stdev",
            "pstdev",
        ),
        ("Returns 3%, -1%, 4%, 2%. Sample std dev (n-1)?", "pstdev", "stdev"),
        ("| basis for the calculation | population (divide by n) |", "stdev", "pstdev"),
    ],
)
def test_a_standard_deviation_takes_the_basis_the_question_names(
    question: str, wrong: str, right: str
) -> None:
    assert stdev_basis(f"{wrong}(28.60,39.24,47.15)", question) is not None
    assert stdev_basis(f"{right}(28.60,39.24,47.15)", question) is None


def test_a_standard_deviation_with_no_basis_or_both_is_not_judged() -> None:
    assert stdev_basis("stdev(1,2,3)", "Standard deviation of 1 %, 2 % and 3 %?") is None
    both = "Sample or population? Take the population standard deviation of this sample: 1, 2, 3."
    assert stdev_basis("stdev(1,2,3)", both) is None
