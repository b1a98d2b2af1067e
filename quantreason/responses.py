"""Turning a model's reply into numbers: the formula's value (headline) and the stated number.

Used by evaluation and by the inference handler, so both read replies the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from quantreason.prompting import split_response


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
    from quantreason.answers import parse_number
    from quantreason.formula import FormulaError, evaluate

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
    stated_source = parts.answer_text if parts.answer_text is not None else text
    stated_value = parse_number(stated_source)
    return InterpretedResponse(
        formula=parts.formula,
        formula_value=formula_value,
        stated_value=stated_value,
        formula_error=formula_error,
    )
