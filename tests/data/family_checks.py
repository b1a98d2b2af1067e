"""What every family module's tests draw and check alike: records of every split, written
templates and composed questions, and a record that reads and computes right."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from quantreason.consensus import ungrounded_numbers
from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.frequency import frequency_mismatch
from quantreason.tasks import get_family

SPLITS = ("train", "test_ood_range", "test_ood_template")


def family_records(
    seed: str, name: str, draws: int = 200, splits: tuple[str, ...] = SPLITS
) -> Iterator[dict]:
    """``draws`` records per split of family ``name``, written templates and composed questions
    alike, each split from its own stream (``seed:name:split``)."""
    family = get_family(name)
    for split in splits:
        rng = random.Random(f"{seed}:{name}:{split}")
        for index in range(draws):
            yield make_record(family, index, rng, split, index)


def assert_record_reads_right(record: dict) -> None:
    """The formula gives the answer, uses only the question's numbers and the frequencies it
    names, and a written template left no slot or stray space behind."""
    question = record["question"]
    assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-9)
    assert ungrounded_numbers(record["formula"], question) == [], record
    assert frequency_mismatch(record["formula"], question) is None, record
    assert "{" not in question, question
    if not record["template_id"].endswith("composed"):  # every slot reads in its sentence
        assert "  " not in question and " ." not in question and " ," not in question
        assert not re.search(r"[.!?] (\| |- [A-Z])", question), question
