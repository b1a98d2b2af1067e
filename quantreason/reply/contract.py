"""The reply contract itself: line names, units and tolerance, written once.

The model answers in three short lines::

    Reasoning: <one sentence>
    Formula: <expression in the quantreason.formula grammar>
    Answer: <number> <unit>

Everything that writes such a reply (training targets), reads one (evaluation, serving, the
stopping rule) or checks one (the answer checker) takes its patterns and numbers from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INSTRUCTION = (
    "Solve the finance question. Reply with one line of reasoning, then the formula "
    "using the numbers from the question, then the final answer."
)

REASONING_PREFIX = "Reasoning:"
FORMULA_PREFIX = "Formula:"
ANSWER_PREFIX = "Answer:"

# One pattern per line label (case-insensitive; "Final Answer:" reads as the answer line).
_LABELS = {
    "reasoning": r"Reasoning",
    "formula": r"Formula",
    "answer": r"(?:Final\s+)?Answer",
}
#: ``^<label>: <rest of the line>`` for each line of a reply.
LINE_PATTERNS = {
    key: re.compile(rf"^\s*{label}\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE)
    for key, label in _LABELS.items()
}
#: A finished answer line: something on it, ended by a newline (the number is not cut short).
COMPLETE_ANSWER_LINE = re.compile(
    rf"^[ \t]*{_LABELS['answer']}\s*:[^\n]*\S[^\n]*\n", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class Unit:
    """One unit of an answer: how it is written after the number and how it is read back."""

    name: str
    symbol: str  # written after the number on the Answer line ("" for none)
    absolute_floor: float  # |predicted - expected| <= max(rel * |expected|, floor)
    reads_as: re.Pattern[str] | None  # words on an Answer line that name this unit


UNIT_TABLE: dict[str, Unit] = {
    unit.name: unit
    for unit in (
        Unit("percent", "%", 0.01, re.compile(r"%|\bpercent\b", re.IGNORECASE)),  # points
        Unit("currency", "USD", 0.01, re.compile(r"\$|\bUSD\b|\bdollars?\b", re.IGNORECASE)),
        Unit("ratio", "", 0.001, None),
        Unit("years", "years", 0.01, re.compile(r"\byears?\b", re.IGNORECASE)),
        Unit("count", "", 0.5, None),  # whole units
        Unit("rank", "", 0.0, None),  # 1-based "which one": exact
    )
}
UNITS = tuple(UNIT_TABLE)

#: Relative tolerance of the checker when a record names none (1 %).
DEFAULT_RELATIVE_TOLERANCE = 0.01
