"""The scorer on real dataset splits: a reply in the training format is scored right."""

from pathlib import Path

import pytest

from quantreason.data import write_dataset
from quantreason.evaluation import question_sets, score_reply
from quantreason.reply import format_response

SIZES = {"train": 0, "validation": 0, "test": 48, "test_ood_range": 48, "test_ood_template": 48}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data")
    write_dataset(out, seed=5, sizes=SIZES)
    return out


def test_target_replies_score_right_both_ways_on_every_split(data_dir: Path) -> None:
    sets = question_sets(data_dir, splits=("test", "test_ood_range", "test_ood_template"))
    assert {name: len(rows) for name, rows in sets.items()} == {
        split: size for split, size in SIZES.items() if size
    }
    for rows in sets.values():
        for row in rows:
            reply = format_response(row["reasoning"], row["formula"])
            score = score_reply(
                reply, row["answer"], row["unit"], row["tolerance"], sign_free=row["sign_free"]
            )
            assert score.correct and not score.parse_failed, (row["id"], reply)
            assert score.stated_value is None  # the target states no number: we compute it


def test_missing_split_fails_clearly(data_dir: Path) -> None:
    with pytest.raises(FileNotFoundError, match="quantreason data --out"):
        question_sets(data_dir, splits=("nope",))
