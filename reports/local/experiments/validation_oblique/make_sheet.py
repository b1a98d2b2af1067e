"""Session 52: the writing sheet for `validation_oblique` (see README.md beside this file).

For each family of ``quantreason.tasks.FAMILIES``: one draw of its numbers (seed 2042, training
ranges), how each number is written, the task's reasoning line, unit and convention, and its
*training* wording (the first training template filled in, the training labels and asks), so
that a writer knows what is asked and which words to avoid. Held-out (``ood_*``) pieces are
never read. Writes sheet.json.

    .venv/bin/python reports/local/experiments/validation_oblique/make_sheet.py
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from quantreason.tasks import FAMILIES
from quantreason.tasks.base import Family, Values

SEED = 2042
HERE = Path(__file__).resolve().parent


def draws() -> Iterator[tuple[Family, Values, dict[str, str]]]:
    """Each family's numbers and how they are written (``make_set.py`` reads the same draws)."""
    rng = random.Random(f"quantreason:{SEED}:validation_oblique")
    for family in FAMILIES.values():
        nums = family.draw(rng, ood=False)
        if family.optional:
            nums = family.keeping(nums, len(family.optional))
        yield family, nums, family.texts(rng, nums)


def main() -> None:
    sheet = []
    for family, nums, texts in draws():
        entry = {
            "family": family.name,
            "asks_for": family.reasoning,
            "unit": family.unit,
            "convention": family.convention,
            "numbers": texts,
            "training_example": family.templates[0].format(**texts)
            if all("{" + k + "}" not in family.templates[0] or k in texts for k in texts)
            else None,
        }
        if family.parts is not None:
            entry["training_labels"] = {k: list(v[:4]) for k, v in family.parts.labels.items()}
            entry["training_asks"] = list(family.parts.asks[:4])
        sheet.append({"nums": {k: n.value for k, n in nums.items()}, **entry})
    (HERE / "sheet.json").write_text(json.dumps(sheet, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(sheet)} families -> {HERE / 'sheet.json'}")


if __name__ == "__main__":
    main()
