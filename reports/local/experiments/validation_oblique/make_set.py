"""Session 52: build `validation_oblique.jsonl` from the hand-written questions.

``written_0.json`` .. ``written_3.json`` hold one question per family, written by hand (four
writers, one quarter of the families each) from ``sheet.json`` only: what the task computes,
its convention, its numbers as they must be written, and its *training* wording to avoid.
Each record's answer is the family's reference solver on the sheet's draw
(``make_sheet.draws``, re-drawn here from the same seed), so a question is kept only if every
number of that draw is written in it; ``check`` says which are not.

    .venv/bin/python reports/local/experiments/validation_oblique/make_set.py
"""

from __future__ import annotations

import json
import math
import re
import signal
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_sheet import draws  # noqa: E402

from quantreason.data import build_record  # noqa: E402
from quantreason.tasks.base import Family, Values  # noqa: E402

SPLIT = "validation_oblique"


def digits(text: str) -> list[str]:
    """The numbers written in ``text``, thousands separators dropped ("12,521" -> "12521")."""
    return [m.replace(",", "") for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


def _timed_out(signum: int, frame: object) -> None:
    raise TimeoutError


def answer_inputs(family: Family, nums: Values) -> list[str]:
    """The parameters the reference answer depends on (each moved by 10 % in turn), less the
    signs written as words (a flow's ``s1 = -1`` is "a withdrawal"): a drawn number the solver
    ignores (which contract a name was drawn from) need not be written."""
    signal.signal(signal.SIGALRM, _timed_out)
    values = {k: n.value for k, n in nums.items()}
    base = family.solve(values)
    used = []
    for key, value in values.items():
        if abs(value) == 1 and key.startswith("s"):
            continue
        signal.alarm(2)  # a search that never ends on moved numbers counts as depending
        try:
            moved = family.solve({**values, key: value * 1.1 if value else 0.5})
        except (ArithmeticError, ValueError, TimeoutError):
            moved = None
        finally:
            signal.alarm(0)
        if moved is None or not math.isclose(moved, base, rel_tol=1e-12, abs_tol=1e-12):
            used.append(key)
    return used


def check(question: str, texts: dict[str, str], keys: list[str]) -> list[str]:
    """The parameters (of ``keys``) whose written number is missing from ``question``."""
    found = digits(question)
    return [k for k in keys if k in texts and any(d not in found for d in digits(texts[k]))]


def main() -> None:
    written: dict[str, str] = {}
    for path in sorted(HERE.glob("written_*.json")):
        written.update(json.loads(path.read_text()))
    records, problems = [], []
    for family, nums, texts in draws():
        question = written.get(family.name)
        if question is None:
            problems.append(f"{family.name}: not written")
            continue
        missing = check(question, texts, answer_inputs(family, nums))
        if missing:
            problems.append(f"{family.name}: {missing} not in {question!r}")
            continue
        records.append(
            build_record(family, nums, question, SPLIT, len(records), f"{family.name}/oblique")
        )
    out = HERE / f"{SPLIT}.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    print(f"{len(records)} records -> {out}")
    for problem in problems:
        print("left out:", problem)


if __name__ == "__main__":
    main()
