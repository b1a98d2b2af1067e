"""Fixtures: the tiny random Mistral, a LoRA adapter for it, and small question files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

QUESTIONS = [
    {"id": "q1", "family": "cagr", "question": "Grew 100 to 121 in 2 years; CAGR?",
     "answer": 10.0, "unit": "percent"},
    {"id": "q2", "family": "cagr", "question": "Grew 200 to 242 in 2 years; CAGR?",
     "answer": 10.0, "unit": "percent"},
    {"id": "q3", "family": "beta", "question": "Cov 0.02, market var 0.01; beta?",
     "answer": 2.0, "unit": "ratio"},
]  # fmt: skip


@pytest.fixture
def questions_file(tmp_path: Path) -> Path:
    """A valid external JSONL question file with two families."""
    path = tmp_path / "mine.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in QUESTIONS))
    return path
