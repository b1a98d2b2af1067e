"""Numbers written the way people type them, rewritten the way the model was taught to read them.

The generator writes numbers one way: digits, a decimal point, commas only between thousands
("$12,500", "3.8 %"). People also write "3,8 %" and "12.500 €" (the continental convention),
"4½%" and "two and a half years". A 135M model copies digits; it does not convert them: given
"7,2 %" it wrote ``72/100``, given "two and a half years" it wrote ``2`` (experiments.md,
session 19). :func:`canonical_numerals` rewrites those forms before the model sees the question
(:func:`quantreason.reply.formatting.user_message`) and before a reply's numbers are checked
against it (:mod:`quantreason.consensus`), so both read the same text.

Every rewrite is one the generator never produces, so training prompts are unchanged (a test
reads every generated split), and each keeps to a form that cannot mean anything else:
- a decimal comma only before a percent sign or word, or after a continental thousands dot;
- dots as thousands separators only before a euro, franc or krona sign, or in a number with
  two or more dot groups ("1.250.000"), or anywhere once the question has used a decimal comma;
- only the decimal comma before a percent once the question has shown the English convention
  beyond doubt: a grouped number with a decimal point ("3,825.20") or an amount before a
  currency sign with one or two decimals ("4228.33 EUR"); there "20.240 EUR" is twenty euros
  and a quarter.
- exact fractions (½ ¼ ¾ and eighths), "N and a half / a quarter / three quarters" and
  "a year and a half", "half a year".
"""

from __future__ import annotations

import re
from decimal import Decimal

from quantreason.amounts import NUMBER_WORDS

# Vulgar fractions with an exact decimal: what "4½%" means. Thirds are left alone (no exact
# decimal to copy; people rarely write them in rates).
FRACTIONS: dict[str, str] = {
    "½": "0.5",
    "¼": "0.25",
    "¾": "0.75",
    "⅛": "0.125",
    "⅜": "0.375",
    "⅝": "0.625",
    "⅞": "0.875",
}
# Spelled-out fractional parts after "N and ...".
FRACTION_WORDS: dict[str, str] = {
    "a half": "0.5",
    "one half": "0.5",
    "a quarter": "0.25",
    "one quarter": "0.25",
    "three quarters": "0.75",
}
# Currency written after the amount: the continental habit ("12.500 €", "1.250 CHF"). A sign
# touching a digit leads the next amount ("€0.145 €0.0472", a pasted row), it trails none.
_TRAILING_CURRENCY = r"\s?(?:€|EUR\b|euros?\b|CHF\b|SEK\b|NOK\b|DKK\b|PLN\b|kr\b|zł)(?!\d)"
_PERCENT = r"\s?(?:%|percent\b|per cent\b|pct\b)"

_FRACTION_RE = re.compile(r"(?:(\d+)\s?)?([" + "".join(FRACTIONS) + r"])")
_WHOLE = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_AND_A_FRACTION_RE = re.compile(rf"\b{_WHOLE} and ({'|'.join(FRACTION_WORDS)})\b", re.IGNORECASE)
_YEAR_AND_A_HALF_RE = re.compile(r"\ba (year|month)(s?) and a half\b", re.IGNORECASE)
_HALF_A_RE = re.compile(r"\bhalf an? (year|month)\b", re.IGNORECASE)
# "3,8 %": one or two digits after the comma, then a percent. Three digits are thousands.
_DECIMAL_COMMA_PERCENT_RE = re.compile(r"(?<![\d.,])(\d+),(\d{1,2})(?=" + _PERCENT + ")")
# "1.250.000" (two or more dot groups: never a decimal) and "12.500 €" (a dot group before a
# trailing currency sign), with an optional decimal comma: "12.345,67 €".
_MULTI_DOT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3}){2,})(?:,(\d{1,2}))?(?!\d|[.,]\d)")
_DOT_BEFORE_CURRENCY_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?(?=" + _TRAILING_CURRENCY + ")"
)
# Once a question has shown the continental convention, any "12.500" or "3,75" is read by it.
_ANY_DOT_GROUPED_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?(?!\d|[.,]\d)")
# The English convention beyond doubt: "3,825.20", or "4228.33 EUR" (a decimal point before a
# currency sign, where a continental writer puts a comma).
_ENGLISH_GROUPED_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d")
_ENGLISH_AMOUNT_RE = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?=" + _TRAILING_CURRENCY + ")")
_ANY_DECIMAL_COMMA_RE = re.compile(r"(?<![\d.,])(\d+),(\d{1,2})(?![\d,]|\.\d)")


def _whole_value(word: str) -> Decimal:
    lower = word.lower()
    if lower in NUMBER_WORDS:
        return Decimal(str(NUMBER_WORDS[lower]))
    return Decimal(word)


def _plain(value: Decimal) -> str:
    """``value`` without trailing zeros or exponent: Decimal("2.50") -> "2.5"."""
    return format(value.normalize(), "f")


def _continental(match: re.Match[str]) -> str:
    whole = match.group(1).replace(".", "")
    return f"{whole}.{match.group(2)}" if match.group(2) else whole


def _decimal_point(match: re.Match[str]) -> str:
    return f"{match.group(1)}.{match.group(2)}"


def _fractions(text: str) -> str:
    def join(match: re.Match[str]) -> str:
        whole, fraction = match.group(1), FRACTIONS[match.group(2)]
        return _plain(Decimal(whole or "0") + Decimal(fraction))

    return _FRACTION_RE.sub(join, text)


def _and_a_fraction(text: str) -> str:
    def join(match: re.Match[str]) -> str:
        value = _whole_value(match.group(1)) + Decimal(FRACTION_WORDS[match.group(2).lower()])
        return _plain(value)

    text = _AND_A_FRACTION_RE.sub(join, text)
    text = _YEAR_AND_A_HALF_RE.sub(lambda m: f"1.5 {m.group(1)}s", text)
    return _HALF_A_RE.sub(lambda m: f"0.5 {m.group(1)}s", text)


def _shows_english_convention(text: str) -> bool:
    """Whether ``text`` shows the English convention beyond doubt ("3,825.20", "4228.33 EUR")."""
    return bool(_ENGLISH_GROUPED_RE.search(text) or _ENGLISH_AMOUNT_RE.search(text))


def uses_decimal_comma(text: str) -> bool:
    """Whether ``text`` writes numbers the continental way ("3,8 %", "12.500 €", "1.250.000")
    and nowhere the English way ("3,825.20", "4228.33 EUR")."""
    if _shows_english_convention(text):
        return False
    return bool(
        _DECIMAL_COMMA_PERCENT_RE.search(text)
        or _DOT_BEFORE_CURRENCY_RE.search(text)
        or _MULTI_DOT_RE.search(text)
    )


def canonical_numerals(text: str) -> str:
    """``text`` with numbers in the generator's form: "3,8 %" -> "3.8 %", "12.500 €" ->
    "12500 €", "4½%" -> "4.5%", "two and a half years" -> "2.5 years". Anything else is left
    exactly as it was."""
    text = _fractions(text)
    text = _and_a_fraction(text)
    if uses_decimal_comma(text):
        text = _ANY_DOT_GROUPED_RE.sub(_continental, text)
        text = _ANY_DECIMAL_COMMA_RE.sub(_decimal_point, text)
    elif _shows_english_convention(text):
        # "13,5 %" still cannot mean anything else; only the dot groups are in doubt
        text = _DECIMAL_COMMA_PERCENT_RE.sub(_decimal_point, text)
    return text
