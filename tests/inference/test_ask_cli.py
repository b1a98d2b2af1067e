"""``quantreason ask`` on the tiny random model: the endpoint's predictor, answers shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quantreason.cli import app
from quantreason.cli.ask import read_as, read_questions
from quantreason.models import TINY_RANDOM


def test_asks_one_question_and_prints_json(tiny_adapter: Path) -> None:
    args = ["ask", "What is 10% of 200?", "--base", TINY_RANDOM, "--adapter",
            str(tiny_adapter), "--samples", "2", "--max-new-tokens", "6", "--json"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.strip().splitlines()[-1])
    assert record["question"] == "What is 10% of 200?"
    # 2 samples, then the default retry of 4: no reply of a random model passes the checks
    assert record["samples"] == 6
    assert {"answer", "formula", "confidence", "grounded", "fits_task", "abstained"} <= set(record)


def test_asks_a_file_and_abstains_below_the_threshold(tiny_adapter: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.txt"
    questions.write_text('First question?\n\n{"question": "Second question?"}\n')
    args = ["ask", "--file", str(questions), "--base", TINY_RANDOM, "--adapter",
            str(tiny_adapter), "--samples", "1", "--retry", "0", "--threshold", "0.5",
            "--max-new-tokens", "4"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Q: ") == 2
    assert result.stdout.count("abstained (") == 2  # a random model is never confident
    assert "grounded: no" in result.stdout


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ask"])
    assert result.exit_code == 2 and "give either a QUESTION or --file" in result.output
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    with pytest.raises(ValueError, match="no questions"):
        read_questions(None, empty)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"q": 1}\n')
    with pytest.raises(ValueError, match=r"broken\.jsonl:1"):
        read_questions(None, broken)


def test_an_answer_is_shown_with_its_unit_symbol_and_task(capsys: pytest.CaptureFixture) -> None:
    from quantreason.cli.ask import _print

    record = {"question": "q?", "formula": "(177-137)/177*100", "abstained": False,
              "answer": 22.598870056, "unit": "percent", "task": "max_drawdown",
              "confidence": 1.0, "samples": 0, "grounded": True}  # fmt: skip
    _print([record, record | {"answer": 3.0, "unit": "rank", "task": None}])
    out = capsys.readouterr().out
    assert "answer:     22.5989 %\n" in out and "task:       max_drawdown" in out
    assert "answer:     3\n" in out and "task:       unknown" in out


def test_a_rewritten_reply_says_which_task_it_first_named(capsys: pytest.CaptureFixture) -> None:
    from quantreason.cli.ask import _print

    check = {
        "question_task": "cagr",
        "probability": 0.91,
        "reply_task": "compounding",
        "rewritten": True,
    }
    record = {"question": "q?", "formula": "((2/1)**(1/5)-1)*100", "abstained": False,
              "answer": 14.87, "unit": "percent", "task": "cagr", "confidence": 1.0,
              "samples": 0, "grounded": True, "task_check": check}  # fmt: skip
    _print([record, record | {"task_check": check | {"rewritten": False}}])
    out = capsys.readouterr().out
    assert out.count("rewritten:") == 1
    assert "the model first named compounding; the question reads as cagr (p = 0.91)" in out


def test_a_question_typed_another_way_shows_how_it_was_read(capsys: pytest.CaptureFixture) -> None:
    from quantreason.cli.ask import _print

    typed = "I have 12.500 € at 3,8 % for two and a half years. Balance?"
    assert read_as(typed) == "I have 12500 € at 3.8 % for 2.5 years. Balance?"
    assert read_as("  What is 10% of 200?  ") is None  # reads as typed
    record = {"question": typed, "read_as": read_as(typed), "formula": "12500*(1+3.8/100)**2.5",
              "abstained": False, "answer": 13741.9, "unit": "currency", "task": "compounding",
              "confidence": 1.0, "samples": 0, "grounded": True}  # fmt: skip
    _print([record, record | {"read_as": None}])
    out = capsys.readouterr().out
    assert out.count("read as:") == 1
    assert "read as:    I have 12500 € at 3.8 % for 2.5 years. Balance?" in out
