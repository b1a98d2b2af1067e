"""The one prompt and response format shared by training, evaluation and serving.

The model learns to answer in three short lines:

    Reasoning: <one sentence>
    Formula: <expression in the quantreason.formula grammar>
    Answer: <number> <unit>

The formula is what we trust (program-of-thought): it is evaluated by
``quantreason.formula.evaluate`` so exact arithmetic never depends on the model.
Mistral's chat template rejects a system role, so the instruction is folded into
the user turn for every model.
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


def user_message(question: str) -> str:
    """Text of the single user turn for ``question`` (instruction folded in)."""
    return f"{INSTRUCTION}\n\nQuestion: {question.strip()}"


def chat_messages(question: str) -> list[dict[str, str]]:
    """Chat messages for a question: one user turn, no system role."""
    return [{"role": "user", "content": user_message(question)}]


def format_answer_number(value: float) -> str:
    """Human-readable rendering of a number for the ``Answer:`` line (4 significant decimals)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def format_response(reasoning: str, formula: str, answer: float, unit: str) -> str:
    """The training target: reasoning, formula, final answer with its unit."""
    unit_text = f" {unit_symbol(unit)}" if unit_symbol(unit) else ""
    return (
        f"{REASONING_PREFIX} {reasoning.strip()}\n"
        f"{FORMULA_PREFIX} {formula.strip()}\n"
        f"{ANSWER_PREFIX} {format_answer_number(answer)}{unit_text}"
    )


_UNIT_SYMBOLS = {
    "percent": "%",
    "currency": "USD",
    "ratio": "",
    "years": "years",
    "count": "",
    "rank": "",
}


def unit_symbol(unit: str) -> str:
    """Short suffix written after the answer number for a unit name."""
    return _UNIT_SYMBOLS.get(unit, "")


@dataclass(frozen=True)
class ModelResponse:
    """The parts of a model's reply; any part may be missing when the model rambled."""

    reasoning: str | None
    formula: str | None
    answer_text: str | None
    raw: str


_LINE_RE = {
    "reasoning": re.compile(r"^\s*Reasoning\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE),
    "formula": re.compile(r"^\s*Formula\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE),
    "answer": re.compile(r"^\s*(?:Final\s+)?Answer\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE),
}


def split_response(text: str) -> ModelResponse:
    """Split raw model text into reasoning / formula / answer lines (first match of each)."""

    def first(key: str) -> str | None:
        match = _LINE_RE[key].search(text)
        if not match:
            return None
        value = match.group(1).strip()
        return value or None

    return ModelResponse(
        reasoning=first("reasoning"),
        formula=first("formula"),
        answer_text=first("answer"),
        raw=text,
    )
