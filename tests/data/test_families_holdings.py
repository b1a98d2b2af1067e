"""portfolio_return_holdings: two to four holdings as money amounts, or three or four percent
weights, listed in prose, as a bulleted list or as a table; the formula takes every holding the
question lists and no other number."""

import ast
import random
import re
from collections import Counter

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import get_family
from quantreason.tasks.holdings import ASSET_NAMES, WEIGHT_SHARE, holding_count


def test_weights_are_round_and_add_up_to_100() -> None:
    family = get_family("portfolio_return_holdings")
    rng = random.Random(11)
    shapes: Counter[tuple[str, int]] = Counter()
    for _ in range(400):
        nums = family.draw(rng, ood=False)
        count = holding_count(nums)
        if "w1" in nums:
            weights = [nums[f"w{i}"].value for i in range(1, count + 1)]
            assert sum(weights) == 100 and all(w >= 5 and w % 5 == 0 for w in weights)
            assert count in (3, 4)  # two weights is portfolio_return's task
            shapes["weights", count] += 1
        else:
            assert all(f"V{i}" in nums for i in range(1, count + 1))
            assert 2 <= count <= 4
            shapes["values", count] += 1
    weighted = sum(n for (shape, _), n in shapes.items() if shape == "weights")
    assert abs(weighted / 400 - WEIGHT_SHARE) < 0.08
    assert len(shapes) == 5  # every shape and length comes up


def test_the_formula_takes_each_listed_holding_once() -> None:
    family = get_family("portfolio_return_holdings")
    rng = random.Random(12)
    for i in range(200):
        record = make_record(family, i, rng, "train", i)
        question, formula = record["question"], record["formula"]
        listed = max(
            sum(1 for name in names if name in question) for names in ASSET_NAMES
        )  # the holdings named in the question
        call = ast.parse(formula, mode="eval").body
        assert isinstance(call, ast.Call) and call.func.id == "weighted_mean", formula
        values = [evaluate(ast.unparse(arg)) for arg in call.args]
        sizes, returns = values[0::2], values[1::2]
        assert len(sizes) == listed, (question, formula)  # one size, return pair a holding
        plain = re.sub(r"(?<=\d),(?=\d{3})", "", question)
        percents = [float(t) for t in re.findall(r"(-?\d+(?:\.\d+)?) ?(?:%|percent)", plain)]
        for value in returns:  # every return is a percentage the question writes
            assert value in percents or -value in percents, (question, formula)
        if sum(sizes) == 100 and all(size % 5 == 0 for size in sizes):  # percent weights
            assert all(size in percents for size in sizes), (question, formula)
        else:  # money amounts: none of them written as a percentage
            assert not any(size in percents for size in sizes), (question, formula)
        assert abs(evaluate(formula) - record["answer"]) <= 1e-9 * max(1, abs(record["answer"]))
