"""Writing the contract: the prompt a model sees and the reply it is trained to give.

Mistral's chat template rejects a system role, so the instruction is folded into the user turn
for every model.
"""

from __future__ import annotations

from quantreason.amounts import expand_scaled_amounts
from quantreason.numerals import canonical_numerals
from quantreason.reply.contract import (
    FORMULA_PREFIX,
    INSTRUCTION,
    REASONING_PREFIX,
    UNIT_TABLE,
)
from quantreason.tables import rows_as_labelled_values


def question_as_read(question: str) -> str:
    """``question`` as the model reads it and as its reply's numbers are checked against:
    pasted spreadsheet rows paired into ``label: value`` lines (:mod:`quantreason.tables`) and
    numbers in the generator's notation ("3,8 %" -> "3.8 %", "two and a half" -> "2.5":
    :mod:`quantreason.numerals`)."""
    return canonical_numerals(rows_as_labelled_values(question.strip()))


def user_message(question: str) -> str:
    """Text of the single user turn for ``question`` (instruction folded in): the question as
    read (:func:`question_as_read`), with amounts written scaled ("$1.2M") written out in full,
    as the formula copies them."""
    return f"{INSTRUCTION}\n\nQuestion: {expand_scaled_amounts(question_as_read(question))}"


def chat_messages(question: str) -> list[dict[str, str]]:
    """Chat messages for a question: one user turn, no system role."""
    return [{"role": "user", "content": user_message(question)}]


def format_answer_number(value: float) -> str:
    """Human-readable rendering of a number for the ``Answer:`` line (4 significant decimals)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def unit_symbol(unit: str) -> str:
    """Short suffix written after the answer number for a unit name ("" for none)."""
    spec = UNIT_TABLE.get(unit)
    return spec.symbol if spec else ""


def format_response(reasoning: str, formula: str) -> str:
    """The training target: the reasoning line and the formula line, nothing after.

    The system writes the answer from the formula (``quantreason.reply.contract``), so the
    model learns to end its turn after the formula: every engine stops there by itself.
    """
    return f"{REASONING_PREFIX} {reasoning.strip()}\n{FORMULA_PREFIX} {formula.strip()}"
