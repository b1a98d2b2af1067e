"""Reading the contract: a reply split into its lines, its formula evaluated, its number read.

Used by evaluation, by serving and by the stopping rule, so every reader reads replies the
same way. Nothing here raises on bad model text: a reply that says nothing usable yields
``None`` parts, never an exception.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from quantreason.amounts import SCALE_WORDS
from quantreason.reply.contract import COMPLETE_ANSWER_LINE, LINE_PATTERNS, UNIT_TABLE


@dataclass(frozen=True)
class ModelResponse:
    """The parts of a model's reply; any part may be missing when the model rambled."""

    reasoning: str | None
    formula: str | None
    answer_text: str | None
    raw: str


def split_response(text: str) -> ModelResponse:
    """Split raw model text into reasoning / formula / answer lines (first match of each)."""

    def first(key: str) -> str | None:
        match = LINE_PATTERNS[key].search(text)
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


def has_complete_answer(text: str) -> bool:
    """True when ``text`` has given its answer: a finished, non-empty ``Formula:`` line (the
    value we evaluate) or ``Answer:`` line (a model that writes no formula)."""
    return COMPLETE_ANSWER_LINE.search(text) is not None


def unit_of(answer_text: str | None) -> str:
    """Unit named on an ``Answer:`` line: percent, currency, years, or ``number``."""
    if answer_text:
        for unit in UNIT_TABLE.values():
            if unit.reads_as is not None and unit.reads_as.search(answer_text):
                return unit.name
    return "number"


_MINUS = "-\u2212\u2013"  # ASCII hyphen, Unicode minus, en dash
_NUMBER_RE = re.compile(
    r"(?P<neg>[" + _MINUS + r"])?\s*"
    r"(?:[$€£¥]|USD|EUR|GBP|US\$)?\s*"
    r"(?P<neg2>[" + _MINUS + r"])?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<exp>[eE][+-]?\d+)?"
    r"(?:\s*(?P<scale>" + "|".join(SCALE_WORDS) + r")\b)?",
    re.IGNORECASE,
)
# Markers after which the final answer follows, strongest first.
_MARKERS = (
    re.compile(r"final\s+answer\s*(?:is|:|=)?", re.IGNORECASE),
    re.compile(r"\banswer\s*(?:is|:|=)", re.IGNORECASE),
    re.compile(r"[=≈]"),
)
_JSON_KEYS = ("answer", "final_answer", "value", "result")


def parse_number(text: str) -> float | None:
    """The final numeric answer in free model text or JSON, or None when there is none.

    Prefers, in order: a JSON ``answer`` field, the number after the last "Final answer"
    marker, after the last "Answer:"/"answer is", after the last ``=``, else the last number.
    Handles ``%`` (the number is returned in percent points), currency symbols, thousands
    separators, negatives, scientific notation and "million"-style scale words.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    from_json = _from_json(text)
    if from_json is not None:
        return from_json
    for marker in _MARKERS:
        matches = list(marker.finditer(text))
        if matches:
            value = _first_number(text[matches[-1].end() :])
            if value is not None:
                return value
    numbers = [_to_float(m) for m in _NUMBER_RE.finditer(text)]
    numbers = [n for n in numbers if n is not None]
    return numbers[-1] if numbers else None


def _from_json(text: str) -> float | None:
    stripped = text.strip()
    if not stripped.startswith("{"):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    for key in _JSON_KEYS:
        value = data.get(key)
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float) and math.isfinite(value):
            return float(value)
        if isinstance(value, str):
            return parse_number(value)
    return None


def _first_number(text: str) -> float | None:
    for match in _NUMBER_RE.finditer(text):
        value = _to_float(match)
        if value is not None:
            return value
    return None


def _to_float(match: re.Match[str]) -> float | None:
    digits = match.group("num").replace(",", "")
    try:
        value = float(digits + (match.group("exp") or ""))
    except (ValueError, OverflowError):
        return None
    if not math.isfinite(value):
        return None
    scale = match.group("scale")
    if scale:
        value *= SCALE_WORDS[scale.lower()]
    if match.group("neg") or match.group("neg2"):
        value = -value
    return value


@dataclass(frozen=True)
class InterpretedResponse:
    """What a reply says: its formula, the formula's value, and the number the model stated."""

    formula: str | None
    formula_value: float | None
    stated_value: float | None
    formula_error: str | None

    @property
    def answer(self) -> float | None:
        """The answer we trust: the evaluated formula, else the stated number."""
        return self.formula_value if self.formula_value is not None else self.stated_value

    @property
    def parse_failed(self) -> bool:
        """True when the reply yields no number at all."""
        return self.answer is None


def interpret_response(text: str) -> InterpretedResponse:
    """Read ``text`` (raw model output) into an :class:`InterpretedResponse`; never raises."""
    from quantreason.formula import FormulaError, evaluate  # lazy: the grammar is big

    parts = split_response(text)
    formula_value: float | None = None
    formula_error: str | None = None
    if parts.formula:
        try:
            formula_value = evaluate(parts.formula)
        except FormulaError as err:
            formula_error = str(err)
    else:
        formula_error = "no 'Formula:' line"
    if parts.answer_text is not None:
        stated_value = parse_number(parts.answer_text)
    elif parts.formula is None:  # free text (a base model): its last number, as a reader would
        stated_value = parse_number(text)
    else:  # a formula and no Answer line: the model stated no number (the formula's digits
        stated_value = None  # are not one)
    return InterpretedResponse(
        formula=parts.formula,
        formula_value=formula_value,
        stated_value=stated_value,
        formula_error=formula_error,
    )
