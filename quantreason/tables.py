"""Spreadsheet rows pasted into a question, rewritten as one ``label: value`` line each.

People paste a header line over a value line (comma-, tab- or semicolon-separated, as a
spreadsheet exports it). A small model has to pair the n-th label with the n-th value across
the line break, and it often does not: on ``validation_ood`` run Y got 16 of its 46 such
questions right (136 of the other 154), gluing neighbouring values together ("0.6920.2");
with the rows paired, 38 of 46 (``reports/local/experiments.md``, session 11). Pairing them is
bookkeeping, not reasoning, so the prompt does it
(:func:`quantreason.reply.formatting.user_message`): the same text for training, evaluation and
serving, the base model included.

Only an unambiguous pair is rewritten: the same number of fields (two or more) on both lines,
every header field a short label with a letter in it (not a sentence), every value short and
at least half of them with a digit, no colon or arrow on either line (``label: value`` and
``label -> value`` are already paired), no field with an unclosed bracket (the comma was inside
a parenthesis: "rate (nominal, before compounding) -> 1.7 %"), no line of as many fields just
above or below them (a table of several rows, or a longer label/value list, is left as it is),
and not two rows of a label/value list
("amount<TAB>USD 1000" over "term<TAB>12 months", which pairing would turn into "amount: term").
Lines with ``|`` are left alone: the training data teaches that layout.
"""

from __future__ import annotations

import csv
import re

DELIMITERS = ("\t", ";", ",")
# A field holding one of these is a value already labelled ("rate: 5%", "rate -> 5%").
_LABELLED_MARKS = (":", "->", "→", "=")  # "=" also covers "=>"
MAX_LABEL_WORDS = 12
MAX_VALUE_WORDS = 4


def _fields(line: str, delimiter: str) -> list[str] | None:
    if delimiter not in line or "|" in line:
        return None
    try:
        rows = list(csv.reader([line], delimiter=delimiter, skipinitialspace=True))
    except csv.Error:
        return None
    if len(rows) != 1:
        return None
    fields = [field.strip() for field in rows[0]]
    if len(fields) < 2 or not all(fields):
        return None
    if any(mark in field for field in fields for mark in _LABELLED_MARKS):
        return None  # a line already labelled ("label: value") is not a spreadsheet row
    if any(field.count("(") != field.count(")") for field in fields):
        return None  # a comma inside a parenthesis split the field: prose, not a row
    return fields


# A field that is an amount and nothing more ("$442k", "$202 million", "5.7 million dollars",
# "USD 1000"): a value, though it has letters, so never a label of a header line.
_UNIT = r"(?:%|k|m|mn|bn|million|billion|thousand|percent|pct|dollars|euros?|pounds|(?-i:[A-Z]{3}))"
_AMOUNT = re.compile(
    rf"[-+]?(?:[$€£¥]|(?-i:[A-Z]{{3}})\s?)?\d[\d,.]*(?:\s?{_UNIT})*", re.IGNORECASE
)


def _is_header(fields: list[str]) -> bool:
    return all(
        re.search(r"[A-Za-z]", field)
        and not _AMOUNT.fullmatch(field)
        and len(field.split()) <= MAX_LABEL_WORDS
        and not field.endswith(("?", ".", "!"))
        for field in fields
    )


def _is_values(fields: list[str]) -> bool:
    with_digits = sum(bool(re.search(r"\d", field)) for field in fields)
    short = all(len(field.split()) <= MAX_VALUE_WORDS for field in fields)
    return short and 2 * with_digits >= len(fields)


# "51,621" in a line: a grouped number, so the line holds a value and is no header. Two
# "label -> 51,621 dollars" lines would otherwise read as a header over a row of values.
_GROUPED_NUMBER = re.compile(r"\d,\d{3}(?!\d)")


def _digits(fields: list[str]) -> list[bool]:
    return [bool(re.search(r"\d", field)) for field in fields]


def _labelled_rows(header: list[str], values: list[str]) -> bool:
    """Whether two lines are rows of a label/value list ("amount<TAB>USD 1000" over
    "term<TAB>12 months"), not a header over its values: each line reads as either, or the
    digits sit in the same columns on both lines and a label is among the "values"."""
    if _is_values(header) and _is_header(values):
        return True
    return _digits(header) == _digits(values) and not all(_digits(values))


def _pair(header_line: str, value_line: str) -> tuple[list[str], list[str], str] | None:
    for delimiter in DELIMITERS:
        if delimiter == "," and _GROUPED_NUMBER.search(header_line):
            continue
        header, values = _fields(header_line, delimiter), _fields(value_line, delimiter)
        if (
            header
            and values
            and len(header) == len(values)
            and _is_header(header)
            and _is_values(values)
            and not _labelled_rows(header, values)
        ):
            return header, values, delimiter
    return None


def _row_of(lines: list[str], j: int, delimiter: str, width: int) -> bool:
    """Whether line ``j`` is another row of the same table or list: as many fields, and for a
    comma or semicolon (which prose has too) fields that read as labels or values."""
    if not 0 <= j < len(lines):
        return False
    fields = _fields(lines[j], delimiter)
    if not fields or len(fields) != width:
        return False
    return delimiter == "\t" or _is_header(fields) or _is_values(fields)


def rows_as_labelled_values(question: str) -> str:
    """``question`` with each header line + value line pair written as ``label: value`` lines;
    anything else unchanged."""
    lines = question.split("\n")
    if len(lines) < 2:
        return question
    out: list[str] = []
    i = 0
    while i < len(lines):
        paired = _pair(lines[i], lines[i + 1]) if i + 1 < len(lines) else None
        if paired is not None:
            header, values, delimiter = paired
            if not any(_row_of(lines, j, delimiter, len(header)) for j in (i - 1, i + 2)):
                out += [f"{label}: {value}" for label, value in zip(header, values, strict=True)]
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
