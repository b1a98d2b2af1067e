"""Self-consistency voting, grounding and abstention (quantreason.consensus)."""

from __future__ import annotations

import pytest

from quantreason.consensus import (
    decide,
    question_numbers,
    read_candidate,
    risk_coverage,
    self_cancelling,
    ungrounded_numbers,
)
from quantreason.tasks import FAMILIES

QUESTION = "A fund returned 15% with a maximum drawdown of 25%. What is its Calmar ratio?"
CALMAR = FAMILIES["calmar"].reasoning  # the task the replies below name; it teaches a / b


def reply(formula: str, reasoning: str = CALMAR) -> str:
    return f"Reasoning: {reasoning}\nFormula: {formula}"


def test_numbers_in_the_question_structural_and_implied_ones_are_grounded() -> None:
    assert ungrounded_numbers("15/25", QUESTION) == []
    assert ungrounded_numbers("(15-2)/25*100", QUESTION) == []  # 2 and 100 are structural
    assert ungrounded_numbers("norm_ppf(95/100)*1.645", QUESTION) == ["95", "1.645"]
    quarterly = "A deposit of $12,500 earns 8% compounded quarterly for 3 years."
    assert ungrounded_numbers("12500*(1+8/100/4)**(4*3)", quarterly) == []
    assert ungrounded_numbers("12500*(1+8/100/365)**(365*3)", quarterly) == ["365", "365"]
    assert {2_000_000.0, 2.0} <= question_numbers("a $2 million book")
    assert 5.0 in question_numbers("over five years")
    points = "Spot EUR/USD 1.0850, EUR 3.1 %, USD 4.6 %, 90 days: the 3-month forward points?"
    assert (
        ungrounded_numbers("(1.0850*(1+4.6/100*90/360)/(1+3.1/100*90/360)-1.0850)*10000", points)
        == []
    )
    assert 10000.0 in question_numbers("how many pips is the forward above spot?")
    assert 10000.0 not in question_numbers("the forward rate for 90 days")
    for move in ("yields up 25 bp", "yields up 25bp", "+25 BPS", "25 basis points"):
        assert 10000.0 in question_numbers(move), move
    assert 10000.0 not in question_numbers("a bpi of 25, a subprime bond")


def test_greedy_only_is_confident_when_grounded_and_not_otherwise() -> None:
    good = decide(QUESTION, [reply("15/25")])
    assert (good.answer, good.confidence, good.grounded) == (0.6, 1.0, True)
    bad = decide(QUESTION, [reply("15/25*1.5")])
    assert bad.grounded is False and bad.confidence == 0.0
    assert bad.value == pytest.approx(0.9)  # still reported as the greedy reading
    assert bad.reason == "no grounded formula"
    assert "numbers not in the question" in read_candidate(reply("15/7"), QUESTION).error


def test_greedy_only_at_threshold_one_abstains_when_the_greedy_reply_fails_a_check() -> None:
    """The endpoint's "greedy checks" mode (QUANTREASON_SC_SAMPLES=0, ABSTAIN_BELOW=1): what
    the report's "greedy + checks" line measures."""
    passed = decide(QUESTION, [reply("15/25")], threshold=1.0)
    assert (passed.answer, passed.abstained, passed.reason) == (0.6, False, None)
    for formula, failed_check in (("(15-25)/25", "form its task teaches"), ("15/7", "grounded")):
        withheld = decide(QUESTION, [reply(formula)], threshold=1.0)
        assert withheld.abstained and withheld.answer is None
        assert failed_check in withheld.reason


def test_a_grounded_formula_of_another_form_than_its_task_teaches_does_not_vote() -> None:
    # (15-25)/25 uses only the question's numbers, but a Calmar ratio is return / drawdown
    wrong_form = read_candidate(reply("(15-25)/25"), QUESTION)
    assert wrong_form.grounded and wrong_form.task == "calmar" and not wrong_form.fits_task
    assert not wrong_form.votes and "form the task 'calmar' teaches" in wrong_form.error
    decision = decide(QUESTION, [reply("(15-25)/25")])
    assert (decision.confidence, decision.grounded, decision.fits_task) == (0.0, True, False)
    assert decision.reason == "no grounded formula has a form its task teaches"
    # a reply in free words names no task, so nothing vouches for its formula's form
    untasked = read_candidate("Reasoning: divide.\nFormula: 15/25", QUESTION)
    assert untasked.task is None and not untasked.votes
    # the same formula under another task's sentence is judged by that task's form
    sharpe = read_candidate(reply("15/25", FAMILIES["sharpe_ratio"].reasoning), QUESTION)
    assert sharpe.task == "sharpe_ratio" and not sharpe.fits_task


def test_majority_of_grounded_replies_wins_over_the_greedy_one() -> None:
    replies = [reply("25/15"), reply("15/25"), reply("15.0/25"), reply("15/25.0")]
    result = decide(QUESTION, replies)
    assert result.value == pytest.approx(0.6)
    assert result.confidence == 0.75
    assert result.formula == "15/25"
    assert result.votes == {repr(25 / 15): 1, repr(0.6): 3}


def test_ungrounded_and_unreadable_replies_lose_their_vote_but_count_in_the_share() -> None:
    replies = [reply("15/25"), reply("15/7"), reply("15/7"), "no formula here"]
    result = decide(QUESTION, replies)
    assert result.value == pytest.approx(0.6)  # two ungrounded replies cannot outvote it
    assert result.confidence == 0.25
    wrong_forms = [reply("15/25"), reply("(25-15)/25"), reply("(25-15)/25"), reply("15.0/25")]
    result = decide(QUESTION, wrong_forms)  # two of another form cannot outvote it either
    assert result.value == pytest.approx(0.6) and result.confidence == 0.5


def test_ties_go_to_the_group_holding_the_greedy_reply() -> None:
    result = decide(QUESTION, [reply("25/15"), reply("15/25"), reply("25/15"), reply("15/25")])
    assert result.value == pytest.approx(25 / 15)
    assert result.confidence == 0.5


def test_abstains_below_the_threshold_with_a_reason() -> None:
    replies = [reply("15/25"), reply("25/15"), reply("15/25"), reply("(15-2)/25")]
    kept = decide(QUESTION, replies, threshold=0.5)
    assert kept.answer == pytest.approx(0.6) and not kept.abstained
    dropped = decide(QUESTION, replies, threshold=0.75)
    assert dropped.answer is None and dropped.abstained
    assert dropped.value == pytest.approx(0.6)
    assert "below the threshold" in dropped.reason
    with pytest.raises(ValueError):
        decide(QUESTION, [])
    with pytest.raises(ValueError):
        decide(QUESTION, [reply("15/25")], threshold=1.5)


def test_risk_coverage_counts_answered_questions_and_their_accuracy() -> None:
    outcomes = [(1.0, True), (0.8, True), (0.6, False), (0.2, False)]
    rows = risk_coverage(outcomes, [0.0, 0.5, 0.9])
    assert [r["answered"] for r in rows] == [4, 3, 1]
    assert [r["coverage"] for r in rows] == [1.0, 0.75, 0.25]
    assert rows[0]["accuracy_answered"] == 0.5
    assert rows[1]["accuracy_answered"] == pytest.approx(2 / 3)
    assert rows[2]["accuracy_answered"] == 1.0


def test_thresholds_answering_the_same_questions_share_one_label() -> None:
    from quantreason.evaluation.consistency import threshold_labels

    outcomes = [(1.0, True), (1.0, True), (0.5, False), (0.25, True)]
    rows = risk_coverage(outcomes, (0.0, 0.2, 0.4, 0.6, 0.8, 1.0))
    labels = threshold_labels(rows)
    # 0.0 and 0.2 answer all 4; 0.4 answers 3; 0.6, 0.8 and 1.0 the same 2
    assert sorted(labels.values()) == ["0.0–0.2", "0.4", "0.6–1.0"]
    assert labels[(50.0, 100.0)] == "0.6–1.0"


def test_only_replies_for_the_task_the_question_reads_as_vote() -> None:
    # Two replies read the question as a Sortino ratio (a form Sortino teaches, numbers from
    # the question) and outvote the Calmar reply, unless the question confidently reads as Calmar.
    sortino = FAMILIES["sortino"].reasoning
    replies = [reply("15/25"), reply("(15-2)/25", sortino), reply("(15-2)/25", sortino)]
    free = decide(QUESTION, replies)
    assert free.task == "sortino" and free.answer == pytest.approx(0.52)
    read = decide(QUESTION, replies, question_task="calmar")
    assert read.task == "calmar" and read.answer == pytest.approx(0.6)
    assert read.confidence == pytest.approx(1 / 3, abs=1e-4)  # off-task replies count in the share
    off = read_candidate(replies[1], QUESTION, "calmar")
    assert off.fits_task and not off.on_task and not off.votes
    assert "the question reads as 'calmar'" in off.error
    none = decide(QUESTION, replies[1:], question_task="calmar")
    assert none.confidence == 0.0 and "the task the question reads as (calmar)" in none.reason


def test_decide_batch_takes_one_question_task_per_question() -> None:
    from quantreason.consensus import SelfConsistency, decide_batch

    decisions = decide_batch(
        None, [QUESTION, QUESTION], [reply("15/25")] * 2, SelfConsistency(),
        max_new_tokens=8, question_tasks=["calmar", "sortino"],
    )  # fmt: skip
    assert [d.confidence for d in decisions] == [1.0, 0.0]
    with pytest.raises(ValueError, match="one question task"):
        decide_batch(
            None, [QUESTION], [reply("15/25")], SelfConsistency(), max_new_tokens=8,
            question_tasks=[],
        )  # fmt: skip


def test_grounding_reads_pasted_rows_and_grouped_amounts_as_the_model_sees_them() -> None:
    # Two CSV fields "357.08,341.98" are two prices, not one number with a thousands comma.
    pasted = (
        "Price received on the sale,cost per share,dividends collected per share\n"
        "357.08,341.98,9.83\nWhat percentage did I make?"
    )
    assert ungrounded_numbers("(357.08-341.98+9.83)/341.98*100", pasted) == []
    # "316,326" under a two-column header is two values; in prose it stays one amount.
    paired = "Bottom after the peak,top of the run\n316,326\nHow far did it fall?"
    assert ungrounded_numbers("(326-316)/326*100", paired) == []
    assert ungrounded_numbers("316326*2", "a flat bought for 316,326 dollars") == []
    # A grouped amount followed by punctuation is still one amount.
    listed = "Stock 1: $57,031, vol 2.5%. Stock 2: $460,088, vol 3.3%."
    assert ungrounded_numbers("argmax(57031*2.5, 460088*3.3)", listed) == []
    assert ungrounded_numbers("1234.5*2", "a bill of 1,234.5 euros") == []


def test_a_formula_that_cancels_a_number_shown_once_against_itself_does_not_vote() -> None:
    question = "A painting bought for $474,175 sold for $302,349 after 17 years. Its CAGR?"
    cagr = FAMILIES["cagr"].reasoning
    copied = read_candidate(reply("((474175/474175)**(1/17)-1)*100", cagr), question)
    assert copied.grounded and not copied.fits_task and not copied.votes
    assert "474175/474175" in copied.error
    right = read_candidate(reply("((302349/474175)**(1/17)-1)*100", cagr), question)
    assert right.votes
    # A number the question shows twice may cancel: bought and sold at the same price.
    flat = "I bought 100 shares at $50 and sold them at $50. What is my total gain or loss?"
    assert self_cancelling("100*(50-50)", flat) is None
    assert self_cancelling("100*(50-50)", "100 shares bought at 50, now 61") == "50-50"
    assert self_cancelling("100*(61-50)", "100 shares bought at 50, now 61") is None


def test_a_number_in_a_place_it_could_not_hold_does_not_vote() -> None:
    question = "Our seed investment of 3,595 EUR is now marked at 2140 EUR, 7 years later. CAGR?"
    cagr = FAMILIES["cagr"].reasoning
    swapped = read_candidate(reply("((7/3595)**(1/2140)-1)*100", cagr), question)
    assert swapped.grounded and not swapped.fits_task and not swapped.votes
    assert "2140 as 'n'" in (swapped.error or "")
    assert read_candidate(reply("((2140/3595)**(1/7)-1)*100", cagr), question).votes


def test_an_answer_of_a_sign_its_task_never_gives_does_not_vote() -> None:
    question = (
        "Account size $40,000, risk 2% per trade, entry 2.00, stop-loss 1.60. How many shares?"
    )
    sizing = FAMILIES["risk_sizing"].reasoning
    # entry and stop swapped: the form fits, every number is the question's, the count negative
    swapped = read_candidate(reply("floor(40000*2/100/(1.60-2.00))", sizing), question)
    assert swapped.grounded and not swapped.fits_task and not swapped.votes
    assert "negative answer" in (swapped.error or "") and "'risk_sizing'" in (swapped.error or "")
    assert read_candidate(reply("floor(40000*2/100/(2.00-1.60))", sizing), question).votes
    # a task taught both signs keeps a negative answer: a loss on a position
    pnl = "Bought 100 shares at $61 and sold them at $50. What is my profit or loss?"
    loss = read_candidate(reply("100*(50-61)", FAMILIES["position_pnl"].reasoning), pnl)
    assert loss.votes, loss.error
