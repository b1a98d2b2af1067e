"""annuity_fv_periodic is the balance of monthly, quarterly or half-yearly deposits; annuity_fv
keeps the yearly ones, so a question's deposit frequency tells the two apart."""

import random
import re

from quantreason.data import make_record
from quantreason.formula import evaluate
from quantreason.tasks import get_family


def test_periodic_deposits_never_come_once_a_year() -> None:
    periodic, yearly = get_family("annuity_fv_periodic"), get_family("annuity_fv")
    rng = random.Random(21)
    frequencies = {periodic.draw(rng, ood=False)["m"].value for _ in range(200)}
    assert frequencies == {2.0, 4.0, 12.0}
    for i in range(120):
        record = make_record(periodic, i, rng, "train", i)
        question = record["question"].lower()
        assert any(w in question for w in ("monthly", "quarterly", "half-yearly", "semi-annual"))
        assert "/100/" in record["formula"]  # the rate per deposit period
        assert abs(evaluate(record["formula"]) - record["answer"]) <= 1e-6 * record["answer"]
        yearly_record = make_record(yearly, i, rng, "train", i)
        assert "/100/" not in yearly_record["formula"]


def test_a_count_of_deposits_enters_the_formula_as_written() -> None:
    family = get_family("annuity_fv_periodic")
    rng = random.Random(22)
    counted = 0
    for i in range(0, 400, 2):  # even index: a written template
        record = make_record(family, i, rng, "train", i)
        count = re.search(r'\*\*periods\((\d+),"payments"\)', record["formula"])
        if count:  # **periods(240,"payments"): the question's count of deposits
            counted += 1
            assert count.group(1) in record["question"].replace(",", "")
    assert counted > 10
