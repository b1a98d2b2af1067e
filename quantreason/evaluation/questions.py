"""Question sets for evaluation: dataset splits or an external JSONL file, validated row by row.

An external file needs, per row, at least ``id``, ``question``, ``answer`` and ``unit``;
``family`` (used for grouping), ``tolerance`` and ``sign_free`` are optional. A row without
``sign_free`` whose ``family`` is one of the generator's takes that family's sign convention
(a drawdown accepts -22.6 for 22.6), so a hand-written file need not repeat it. A bad row
fails with a message that names the file, the line and the row's id, so a person can fix it
without guessing.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from quantreason.reply import UNITS

REQUIRED_FIELDS = ("id", "question", "answer", "unit")
DEFAULT_FAMILY = "unspecified"
DEFAULT_SPLITS = ("test", "test_ood_range", "test_ood_template")


class QuestionError(ValueError):
    """A question file or row that cannot be evaluated."""


def validate_question(row: Any, where: str) -> dict[str, Any]:
    """Check one row and return a normalised copy (``family`` filled, ``answer`` a float).

    ``where`` names the row in error messages (e.g. ``"qs.jsonl line 3"``).
    """
    if not isinstance(row, dict):
        raise QuestionError(f"{where}: expected a JSON object, got {type(row).__name__}")
    row_id = row.get("id")
    label = f"{where} (id {row_id!r})" if row_id is not None else where
    missing = [name for name in REQUIRED_FIELDS if name not in row or row[name] is None]
    if missing:
        raise QuestionError(f"{label}: missing field(s) {', '.join(missing)}")
    if not isinstance(row_id, str | int) or isinstance(row_id, bool) or str(row_id).strip() == "":
        raise QuestionError(f"{label}: 'id' must be a non-empty string or integer")
    question = row["question"]
    if not isinstance(question, str) or not question.strip():
        raise QuestionError(f"{label}: 'question' must be a non-empty string")
    answer = _finite_number(row["answer"], "answer", label)
    unit = row["unit"]
    if unit not in UNITS:
        raise QuestionError(f"{label}: 'unit' is {unit!r}; expected one of {', '.join(UNITS)}")
    family = row.get("family", DEFAULT_FAMILY)
    if not isinstance(family, str) or not family.strip():
        raise QuestionError(f"{label}: 'family' must be a non-empty string when given")
    tolerance = row.get("tolerance")
    if tolerance is not None:
        tolerance = _finite_number(tolerance, "tolerance", label)
        if tolerance < 0:
            raise QuestionError(f"{label}: 'tolerance' must be >= 0, got {tolerance}")
    sign_free = row.get("sign_free")
    if sign_free is None:
        sign_free = _family_sign_free(family)
    elif not isinstance(sign_free, bool):
        raise QuestionError(f"{label}: 'sign_free' must be true or false, got {sign_free!r}")
    return {
        **row,
        "sign_free": sign_free,
        "id": str(row_id),
        "question": question.strip(),
        "answer": answer,
        "unit": unit,
        "family": family,
        "tolerance": tolerance,
    }


def _family_sign_free(family: str) -> bool:
    from quantreason.tasks import FAMILIES  # lazy: the registry is bigger than this module

    spec = FAMILIES.get(family)
    return bool(spec and spec.sign_free)


def _finite_number(value: Any, field: str, label: str) -> float:
    # bool is an int in Python; "true" is never a valid answer.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise QuestionError(f"{label}: {field!r} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise QuestionError(f"{label}: {field!r} must be finite, got {value!r}")
    return float(value)


def validate_questions(rows: Iterable[Any], source: str) -> list[dict[str, Any]]:
    """Validate every row of ``source``; ids must be unique within it."""
    return _validate_all(enumerate(rows, start=1), source, "row", "in row")


def _validate_all(
    numbered: Iterable[tuple[int, Any]], source: str, unit: str, first_seen: str
) -> list[dict[str, Any]]:
    """Validate numbered rows; ids must be unique (the error names both rows)."""
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, row in numbered:
        where = f"{source} {unit} {number}"
        checked = validate_question(row, where)
        if checked["id"] in seen:
            raise QuestionError(
                f"{where}: duplicate id {checked['id']!r} "
                f"(first seen {first_seen} {seen[checked['id']]})"
            )
        seen[checked["id"]] = number
        out.append(checked)
    if not out:
        raise QuestionError(f"{source}: no questions")
    return out


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate an external JSONL question file (blank lines are ignored)."""
    path = Path(path)
    if not path.is_file():
        raise QuestionError(f"question file not found: {path}")

    def parsed() -> Iterator[tuple[int, Any]]:
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield line_no, json.loads(line)
            except json.JSONDecodeError as err:
                raise QuestionError(
                    f"{path.name} line {line_no}: not valid JSON ({err.msg})"
                ) from None

    return _validate_all(parsed(), path.name, "line", "on line")


def load_split_questions(data_dir: str | Path, split: str) -> list[dict[str, Any]]:
    """Questions of one dataset split, checked like an external file."""
    from quantreason.data import load_split

    return validate_questions(load_split(data_dir, split), f"{Path(data_dir).name}/{split}")


def question_sets(
    data_dir: str | Path | None = None,
    splits: Sequence[str] = DEFAULT_SPLITS,
    files: Sequence[str | Path] = (),
    limit: int | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Named question sets: each split of ``data_dir`` and each file (named by its stem)."""
    sets: dict[str, list[dict[str, Any]]] = {}
    if data_dir is not None:
        for split in splits:
            sets[split] = load_split_questions(data_dir, split)
    for file in files:
        name = Path(file).stem
        if name in sets:
            raise QuestionError(f"two question sets are named {name!r}; rename one file")
        sets[name] = load_questions(file)
    if not sets:
        raise QuestionError("nothing to evaluate: give a data directory or a question file")
    if limit is not None:
        sets = {name: limit_questions(rows, limit) for name, rows in sets.items()}
    return sets


def limit_questions(rows: Sequence[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """At most ``limit`` rows, taken round-robin across families so every family is seen.

    Splits are often written family by family; the first N rows would be one family only.
    Deterministic: the order within each family is kept.
    """
    if limit < 1:
        raise QuestionError(f"limit must be >= 1, got {limit}")
    by_family: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_family.setdefault(row.get("family", DEFAULT_FAMILY), []).append(row)
    picked: list[dict[str, Any]] = []
    depth = 0
    while len(picked) < min(limit, len(rows)):
        for family_rows in by_family.values():
            if depth < len(family_rows) and len(picked) < limit:
                picked.append(family_rows[depth])
        depth += 1
    return picked


def answer_mismatches(path: Path, answers: dict[str, float], rel_tol: float) -> list[str]:
    """Rows of the question file ``path`` whose ``answer`` differs from ``answers`` (worked out
    independently, e.g. by hand-written arithmetic), and ids missing on either side."""
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    problems = []
    for row in rows:
        expected = answers.get(row["id"])
        if expected is None:
            problems.append(f"{row['id']}: no hand-written answer")
        elif not math.isclose(row["answer"], expected, rel_tol=rel_tol):
            problems.append(f"{row['id']}: JSONL says {row['answer']}, arithmetic gives {expected}")
    missing = sorted(set(answers) - {row["id"] for row in rows})
    problems += [f"{row_id}: answer without a question" for row_id in missing]
    return problems


def answer_check(
    questions: Path, answers: dict[str, float], rel_tol: float
) -> Callable[..., list[str]]:
    """An answers script's ``mismatches(path=questions)``: the rows of its question file whose
    answer differs from the hand-worked ``answers`` (and ids missing on either side)."""

    def mismatches(path: Path = questions) -> list[str]:
        return answer_mismatches(path, answers, rel_tol)

    return mismatches


def print_answer_check(answers: dict[str, float], problems: list[str]) -> int:
    """Print every answer and every mismatch; the exit code of an answers script (1: mismatch)."""
    for row_id, value in answers.items():
        print(f"{row_id}  {value:,.6f}")
    for problem in problems:
        print("MISMATCH", problem, file=sys.stderr)
    return 1 if problems else 0
