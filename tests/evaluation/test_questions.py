import json
from pathlib import Path

import pytest

from quantreason.evaluation import QuestionError, limit_questions, load_questions, question_sets

GOOD = {"id": "a1", "question": "What is 1 + 1?", "answer": 2, "unit": "count"}
SECOND = {**GOOD, "id": "b"}


def write_rows(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def test_valid_file_is_normalised(questions_file: Path) -> None:
    rows = load_questions(questions_file)
    assert [r["id"] for r in rows] == ["q1", "q2", "q3"]
    assert all(isinstance(r["answer"], float) for r in rows)
    assert rows[0]["tolerance"] is None


def test_family_is_optional(tmp_path: Path) -> None:
    rows = load_questions(write_rows(tmp_path / "x.jsonl", [GOOD, "", {**GOOD, "id": 7}]))
    assert [r["family"] for r in rows] == ["unspecified", "unspecified"]
    assert rows[1]["id"] == "7"


def test_sign_rule_comes_from_the_row_or_else_its_generator_family(tmp_path: Path) -> None:
    rows = load_questions(
        write_rows(
            tmp_path / "x.jsonl",
            [
                {**GOOD, "family": "drawdown"},  # a generator family that reports losses as sizes
                {**GOOD, "id": "2", "family": "cagr"},
                {**GOOD, "id": "3", "family": "drawdown", "sign_free": False},  # the row wins
                {**GOOD, "id": "4", "family": "my_own", "sign_free": True},
                {**GOOD, "id": "5"},
            ],
        )
    )
    assert [r["sign_free"] for r in rows] == [True, False, False, True, False]


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (
            {k: v for k, v in SECOND.items() if k != "answer"},
            r"line 2 \(id 'b'\): missing field\(s\) answer",
        ),
        ({**SECOND, "unit": "dollars"}, r"line 2 \(id 'b'\): 'unit' is 'dollars'; expected one of"),
        ({**SECOND, "answer": "12 %"}, r"line 2 \(id 'b'\): 'answer' must be a number"),
        ({**SECOND, "answer": True}, r"line 2 \(id 'b'\): 'answer' must be a number"),
        ({**SECOND, "question": "  "}, r"line 2 \(id 'b'\): 'question' must be a non-empty"),
        ({**SECOND, "tolerance": -0.1}, r"line 2 \(id 'b'\): 'tolerance' must be >= 0"),
        ({**SECOND, "family": 3}, r"line 2 \(id 'b'\): 'family' must be a non-empty string"),
        ({**SECOND, "sign_free": "yes"}, r"line 2 \(id 'b'\): 'sign_free' must be true or false"),
        ({**GOOD, "id": "a1"}, r"line 2: duplicate id 'a1' \(first seen on line 1\)"),
    ],
)
def test_bad_row_fails_naming_file_line_and_id(tmp_path: Path, bad_row: dict, message: str) -> None:
    path = write_rows(tmp_path / "mine.jsonl", [GOOD, bad_row])
    with pytest.raises(QuestionError, match=r"mine\.jsonl " + message):
        load_questions(path)


def test_row_without_id_is_named_by_line(tmp_path: Path) -> None:
    row = {k: v for k, v in GOOD.items() if k != "id"}
    with pytest.raises(QuestionError, match=r"^mine\.jsonl line 1: missing field\(s\) id$"):
        load_questions(write_rows(tmp_path / "mine.jsonl", [row]))


def test_invalid_json_and_non_objects_are_named(tmp_path: Path) -> None:
    with pytest.raises(QuestionError, match=r"mine\.jsonl line 2: not valid JSON"):
        load_questions(write_rows(tmp_path / "mine.jsonl", [GOOD, "{id: 1,"]))
    with pytest.raises(QuestionError, match=r"mine\.jsonl line 1: expected a JSON object"):
        load_questions(write_rows(tmp_path / "mine.jsonl", ["[1, 2]"]))


def test_missing_and_empty_files_fail(tmp_path: Path) -> None:
    with pytest.raises(QuestionError, match="not found"):
        load_questions(tmp_path / "nope.jsonl")
    with pytest.raises(QuestionError, match="no questions"):
        load_questions(write_rows(tmp_path / "empty.jsonl", [""]))


def test_question_sets_are_named_by_file_stem_and_limited(questions_file: Path) -> None:
    sets = question_sets(files=[questions_file], limit=2)
    assert list(sets) == ["mine"]
    # round-robin over families: one cagr, one beta (not the first two rows, both cagr)
    assert [r["id"] for r in sets["mine"]] == ["q1", "q3"]
    with pytest.raises(QuestionError, match="nothing to evaluate"):
        question_sets()


def test_limit_keeps_order_within_families_and_never_exceeds() -> None:
    rows = [{"id": str(i), "family": "abc"[i % 3] if i < 6 else "a"} for i in range(9)]
    picked = limit_questions(rows, 5)
    assert [r["id"] for r in picked] == ["0", "1", "2", "3", "4"]
    assert len(limit_questions(rows, 100)) == 9
    with pytest.raises(QuestionError):
        limit_questions(rows, 0)
