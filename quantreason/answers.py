"""Reading a number out of model text and deciding whether it is right.

Policy of :func:`is_correct` (documented in the README):

- relative tolerance 1 % (a record's ``tolerance`` overrides it) with an absolute floor per
  unit, so that answers near zero are not held to an impossible relative standard;
- ``percent`` answers are stored in percent points (22.6 for 22.6 %); a prediction given as
  a fraction (0.226) is accepted too;
- ``rank`` answers (1-based "which one") must match exactly;
- families whose convention reports a loss as a positive size (drawdowns, VaR; see
  ``Family.sign_free``) accept either sign: a 22.6 % drawdown accepts -22.6.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

DEFAULT_RELATIVE_TOLERANCE = 0.01
UNITS = ("percent", "currency", "ratio", "years", "count", "rank")
# Absolute floor per unit: |predicted - expected| <= max(rel * |expected|, floor).
ABSOLUTE_FLOOR = {
    "percent": 0.01,  # percent points
    "currency": 0.01,  # one cent
    "ratio": 0.001,
    "years": 0.01,
    "count": 0.5,  # whole units
    "rank": 0.0,
}

_MINUS = "-\u2212\u2013"  # ASCII hyphen, Unicode minus, en dash
_NUMBER_RE = re.compile(
    r"(?P<neg>[" + _MINUS + r"])?\s*"
    r"(?:[$€£¥]|USD|EUR|GBP|US\$)?\s*"
    r"(?P<neg2>[" + _MINUS + r"])?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<exp>[eE][+-]?\d+)?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
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
        value *= _SCALES[scale.lower()]
    if match.group("neg") or match.group("neg2"):
        value = -value
    return value


def is_correct(
    predicted: float | None,
    expected: float,
    unit: str,
    tolerance: float | None = None,
    *,
    family: str | None = None,
) -> bool:
    """Whether ``predicted`` matches ``expected`` under the checker policy (module docstring).

    ``family`` enables that family's sign convention (e.g. drawdowns accept either sign).
    """
    if unit not in ABSOLUTE_FLOOR:
        raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")
    if predicted is None or not math.isfinite(predicted):
        return False
    if unit == "rank":
        return predicted == round(predicted) and round(predicted) == round(expected)
    rel = DEFAULT_RELATIVE_TOLERANCE if tolerance is None else tolerance
    if rel < 0:
        raise ValueError(f"tolerance must be >= 0, got {rel}")
    candidates = [predicted]
    if unit == "percent":
        candidates.append(predicted * 100)  # a fraction given for a percent answer
    if family is not None and _sign_free(family):
        candidates += [-c for c in candidates]
    allowed = max(rel * abs(expected), ABSOLUTE_FLOOR[unit])
    return any(abs(c - expected) <= allowed for c in candidates)


def check_record(predicted: float | None, record: dict[str, Any]) -> bool:
    """:func:`is_correct` with the expected value, unit, tolerance and family of a record."""
    return is_correct(
        predicted,
        float(record["answer"]),
        record["unit"],
        record.get("tolerance"),
        family=record.get("family"),
    )


def _sign_free(family: str) -> bool:
    from quantreason.tasks import FAMILIES  # lazy: the registry is bigger than this module

    spec = FAMILIES.get(family)
    return bool(spec and spec.sign_free)
