from quantreason.reply import (
    chat_messages,
    format_answer_number,
    format_response,
    split_response,
)


def test_instruction_is_folded_into_the_single_user_turn() -> None:
    messages = chat_messages("  What is 2 + 2?  ")
    assert [m["role"] for m in messages] == ["user"]  # Mistral's template rejects a system role
    assert messages[0]["content"].endswith("Question: What is 2 + 2?")
    assert "formula" in messages[0]["content"].lower()


def test_response_round_trips_through_split_response() -> None:
    text = format_response(" Drawdown is the fall over the peak.", "(177 - 137) / 177 * 100 ")
    assert (
        text == "Reasoning: Drawdown is the fall over the peak.\nFormula: (177 - 137) / 177 * 100"
    )
    parts = split_response(text)
    assert parts.reasoning == "Drawdown is the fall over the peak."
    assert parts.formula == "(177 - 137) / 177 * 100"
    assert parts.answer_text is None  # the system writes the answer


def test_split_response_tolerates_rambling_and_missing_lines() -> None:
    parts = split_response("Sure! Let me think.\nformula:   2*3 \nblah")
    assert parts.formula == "2*3"
    assert parts.answer_text is None and parts.reasoning is None
    assert split_response("").formula is None


def test_answer_numbers_render_compactly() -> None:
    assert format_answer_number(3.0) == "3"
    assert format_answer_number(1234567.891234) == "1234567.8912"
    assert format_answer_number(-0.5) == "-0.5"
