"""The reply contract, in one package: format a reply, parse one, check one.

- :mod:`~quantreason.reply.contract`: the three line labels, the units, the tolerance;
- :mod:`~quantreason.reply.formatting`: the prompt and the training target;
- :mod:`~quantreason.reply.parsing`: a reply's lines, its formula's value, its stated number;
- :mod:`~quantreason.reply.checking`: whether a number answers a record (``is_correct``).

The formula is what we trust (program-of-thought): it is evaluated by
``quantreason.formula.evaluate``, so exact arithmetic never depends on the model.
"""

from __future__ import annotations

from quantreason.reply.checking import is_correct
from quantreason.reply.contract import (
    DEFAULT_RELATIVE_TOLERANCE,
    FORMULA_PREFIX,
    INSTRUCTION,
    REASONING_PREFIX,
    UNIT_TABLE,
    UNITS,
)
from quantreason.reply.formatting import (
    chat_messages,
    format_answer_number,
    format_response,
    question_as_read,
    unit_symbol,
    user_message,
)
from quantreason.reply.parsing import (
    InterpretedResponse,
    ModelResponse,
    has_complete_answer,
    interpret_response,
    parse_number,
    split_response,
    unit_of,
)

__all__ = [
    "DEFAULT_RELATIVE_TOLERANCE",
    "FORMULA_PREFIX",
    "INSTRUCTION",
    "REASONING_PREFIX",
    "UNITS",
    "UNIT_TABLE",
    "InterpretedResponse",
    "ModelResponse",
    "chat_messages",
    "format_answer_number",
    "format_response",
    "has_complete_answer",
    "interpret_response",
    "is_correct",
    "parse_number",
    "question_as_read",
    "split_response",
    "unit_of",
    "unit_symbol",
    "user_message",
]
