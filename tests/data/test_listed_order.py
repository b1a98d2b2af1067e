"""A listed formula follows the question's order (Family.listed): dated cash flows (session
39) and a standard deviation's returns (session 40)."""

from __future__ import annotations

import ast
import random
import re

import pytest

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import FAMILIES
from quantreason.tasks.base import order_shown

LISTED = sorted(name for name, family in FAMILIES.items() if family.listed)
DATED = ("irr", "npv", "payback_period")
SPLITS = ("train", "validation", "test_ood_range", "test_ood_template")


def test_the_cash_flow_families_and_the_standard_deviation_list_their_items() -> None:
    assert LISTED == ["irr", "npv", "payback_period", "return_stdev"]


def test_order_shown_reads_each_text_where_the_question_writes_it() -> None:
    texts = {"a": "$5,000", "b": "$15,000", "c": "$2,000"}
    question = "Year 2: $15,000. Year 3: $2,000. Outlay $5,000."
    assert order_shown(["a", "b", "c"], texts, question) == ["b", "c", "a"]
    # "5,000 EUR" is not read inside "15,000 EUR", nor "$2,000" inside "$2,000.50"
    suffixed = {"a": "5,000 EUR", "b": "15,000 EUR"}
    assert order_shown(["a", "b"], suffixed, "15,000 EUR first, then 5,000 EUR") == ["b", "a"]
    assert order_shown(["c"], texts, "only $2,000.50 here") is None
    # equal texts take their occurrences in the keys' order; case does not matter
    same = {"x": "usd 300", "y": "usd 300", "z": "usd 100"}
    assert order_shown(["x", "y", "z"], same, "USD 100, USD 300, USD 300") == ["z", "x", "y"]
    assert order_shown(["x", "y"], same, "usd 300 once") is None


def _pairs(formula: str) -> list[tuple[str, float]]:
    call = ast.parse(formula, mode="eval").body
    while not isinstance(call, ast.Call):  # dated_irr(...)*100
        call = call.left  # type: ignore[attr-defined]
    args = call.args[1:] if call.func.id == "dated_npv" else call.args  # type: ignore[attr-defined]
    labels = [arg.value for arg in args[::2]]  # type: ignore[attr-defined]
    amounts = [abs(evaluate(ast.unparse(arg))) for arg in args[1::2]]
    return list(zip(labels, amounts, strict=True))


def _plain_positions(question: str, amounts: list[float]) -> list[int] | None:
    """Where each amount is written as plain digits (separators dropped), or None unless every
    amount is, once: an independent reading of the question, not the generator's texts."""
    plain = re.sub(r"(?<=\d),(?=\d{3})", "", question)
    where = []
    for amount in amounts:
        digits = f"{amount:.2f}".rstrip("0").rstrip(".")
        found = [
            m.start() for m in re.finditer(rf"(?<![\d.]){re.escape(digits)}(?![\d]|\.\d)", plain)
        ]
        if len(found) != 1:
            return None
        where.append(found[0])
    return where


@pytest.mark.parametrize("name", DATED)
@pytest.mark.parametrize("split", SPLITS)
def test_every_record_dates_each_flow_once_in_the_questions_order(name: str, split: str) -> None:
    family = FAMILIES[name]
    rng = random.Random(f"listed:{name}:{split}")
    checked = 0
    for index in range(200):
        record = make_record(family, index, rng, split, index)
        pairs = _pairs(record["formula"])
        times = sorted(int(label[1:]) for label, _ in pairs)
        assert times == list(range(len(pairs))), record  # t0, t1, ... each once
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6, abs=1e-6)
        where = _plain_positions(record["question"], [amount for _, amount in pairs])
        if where is not None:
            assert where == sorted(where), record
            checked += 1
    assert checked >= 60  # composed questions shuffle their flows: the order is really tested


@pytest.mark.parametrize("split", SPLITS)
def test_a_standard_deviation_copies_every_return_once_in_the_questions_order(split: str) -> None:
    family = FAMILIES["return_stdev"]
    rng = random.Random(f"listed:return_stdev:{split}")
    labelled = 0
    for index in range(200):
        record = make_record(family, index, rng, split, index)
        call = ast.parse(record["formula"], mode="eval").body
        assert isinstance(call, ast.Call) and call.func.id in ("stdev", "pstdev"), record
        returns = [evaluate(ast.unparse(arg)) for arg in call.args]
        assert evaluate(record["formula"]) == pytest.approx(record["answer"], rel=1e-6)
        # an independent reading: the percentages the question writes, left to right, are the
        # formula's list (none left out, none repeated, none moved) and at most one aside
        # (a fee the question says to ignore)
        shown = [
            float(text)
            for text in re.findall(r"(-?\d+(?:\.\d+)?) ?(?:%|percent)", record["question"])
        ]
        assert [value for value in shown if value in returns] == returns, record
        assert len(shown) - len(returns) <= 1, record
        labelled += bool(
            re.search(r"(?:period|observation|no\.|point|Result) \d", record["question"])
        )
    assert labelled >= 20  # labelled, shuffled lists are among them: the order is really tested
