"""portfolio_return_holdings: two to four holdings as money amounts, or three or four percent
weights, listed in prose, as a bulleted list or as a table; the formula takes every holding the
question lists and no other number."""

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
        products = re.findall(r"[\d.]+\*-?[\d.]+", formula)
        assert len(products) == listed, (question, formula)
        if formula.endswith("/100"):
            assert "%" in question or "percent" in question
        else:  # value-weighted: the total is the sum of the amounts multiplied
            amounts = [p.split("*")[0] for p in products]
            assert formula.rsplit("/", 1)[1] == "(" + "+".join(amounts) + ")"
        assert abs(evaluate(formula) - record["answer"]) <= 1e-9 * max(1, abs(record["answer"]))
