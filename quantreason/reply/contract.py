"""The reply contract itself: line names, units and tolerance, written once.

The model answers in two short lines (the training target)::

    Reasoning: <one sentence>
    Formula: <expression in the quantreason.formula grammar>

and the system, not the model, writes the answer: the formula's value, evaluated by
``quantreason.formula.evaluate``. A 135M model copies a formula well and multiplies badly (its
own ``Answer:`` line was right ~4 % of the time where its formula was right ~90 %), so
generation stops once the formula line is complete. An ``Answer: <number> <unit>`` line is
still read when a model writes one (the base model, which rarely writes a formula).

Everything that writes such a reply (training targets), reads one (evaluation, serving, the
stopping rule) or checks one (the answer checker) takes its patterns and numbers from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The reply ends at the formula: the system computes the answer (issue 16, run P).
INSTRUCTION = (
    "Solve the finance question. Reply with one line of reasoning, then the formula "
    "using the numbers from the question."
)

REASONING_PREFIX = "Reasoning:"
FORMULA_PREFIX = "Formula:"

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
#: A finished formula or answer line: something on it, ended by a newline (not cut short).
#: Either one gives the reply's answer, so generation can stop there.
COMPLETE_ANSWER_LINE = re.compile(
    rf"^[ \t]*(?:{_LABELS['formula']}|{_LABELS['answer']})\s*:[^\n]*\S[^\n]*\n",
    re.IGNORECASE | re.MULTILINE,
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
