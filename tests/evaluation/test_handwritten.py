"""The hand-written benchmark: valid, broad, and its answers match the hand arithmetic."""

import importlib.util
from pathlib import Path

from quantreason.evaluation import load_questions
from quantreason.paths import REPO_ROOT

BENCH = REPO_ROOT / "benchmarks"


def load_answers_module():
    spec = importlib.util.spec_from_file_location(
        "handwritten_answers", BENCH / "handwritten_answers.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_jsonl_matches_the_hand_written_arithmetic() -> None:
    answers = load_answers_module()
    assert answers.mismatches() == []
    rows = load_questions(BENCH / "handwritten.jsonl")
    assert {r["id"] for r in rows} == set(answers.ANSWERS)


def test_mismatch_is_reported(tmp_path: Path) -> None:
    answers = load_answers_module()
    lines = (BENCH / "handwritten.jsonl").read_text().splitlines()
    broken = tmp_path / "h.jsonl"
    broken.write_text("\n".join([lines[0].replace('"answer": ', '"answer": 1'), *lines[1:]]))
    assert len(answers.mismatches(broken)) == 1


def test_benchmark_is_broad_and_checkable() -> None:
    rows = load_questions(BENCH / "handwritten.jsonl")
    assert len(rows) >= 30
    assert len({r["family"] for r in rows}) >= 15
    assert len({r["unit"] for r in rows}) >= 5
    assert len({r["question"] for r in rows}) == len(rows)
