from collections import Counter
from pathlib import Path

import pytest

from quantreason.data import interleaved
from quantreason.pipeline.config import PipelineConfigError, load_pipeline_config
from quantreason.tasks import FAMILIES


def test_committed_profiles_load() -> None:
    full = load_pipeline_config("full")
    quick = load_pipeline_config("quick")
    assert full.model == "embedded" and full.train.nproc == 2
    assert quick.model == "tiny-random"
    assert set(full.eval.splits) == {"test", "test_ood_range", "test_ood_template"}


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("seed: 1\ntypo_key: 2\n", r"typo_key: unknown key \(allowed: name, seed"),
        ("data:\n  train_size: -5\n", "data.train_size: Input should be greater than 0"),
        ("train:\n  nproc: two\n", "train.nproc: Input should be a valid integer"),
        ("eval:\n  splits: [test, train]\n", r"eval.splits\[1\]: Input should be 'validation'"),
        ("capacity:\n  safety_factor: 1.5\n", "capacity.safety_factor: .* less than or equal"),
        ("data:\n  train_family_weights: {npvv: 2}\n", "unknown or unselected families: npvv"),
        ("data:\n  train_family_weights: {npv: 0}\n", "train weights must be > 0: npv"),
        ("eval:\n  precision: fp16\n", "eval.precision: Input should be 'auto', 'fp32' or 'bf16'"),
        (
            "data:\n  train_size: 900\n  train_per_family: 10\n",
            "data: .*total or per family, not both: train_size and train_per_family",
        ),
        ("data:\n  test_per_family: 0\n", "data.test_per_family: Input should be greater than 0"),
    ],
)
def test_bad_profiles_fail_before_any_work(tmp_path: Path, yaml_text: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(yaml_text)
    with pytest.raises(PipelineConfigError, match=message):
        load_pipeline_config("bad", tmp_path)


def test_full_profile_sizes_every_family_alike() -> None:
    """Sizes per family: a family added to the code gets the others' share, and the shares of
    the families already there do not shrink (the totals once went stale by 19 families); a
    train weight (run BY's, session 48) adds its family's extra records and nothing else."""
    data = load_pipeline_config("full").data
    per_family = (data.train_per_family, data.validation_per_family, data.test_per_family)
    assert None not in per_family, "the full profile sizes its splits per family"
    train, validation, test = per_family
    assert set(data.train_family_weights) <= set(FAMILIES)
    records = {name: train * data.train_family_weights.get(name, 1) for name in FAMILIES}
    sizes = data.split_sizes(len(FAMILIES))
    assert sizes["train"] == round(sum(records.values()))
    assert sizes["validation"] == validation * len(FAMILIES)
    assert {sizes[s] for s in ("test", "test_ood_range", "test_ood_template")} == {
        test * len(FAMILIES)
    }
    # one more family adds its own share and takes nothing from the others
    assert data.split_sizes(len(FAMILIES) + 1)["train"] == sizes["train"] + train


def test_weights_add_records_per_family_and_take_none_from_the_others(tmp_path: Path) -> None:
    """Session 43: twice the records for six weak families helped them (+42/-11 paired); with
    sizes per family, a weight adds records instead of taking them from every other family."""
    (tmp_path / "weighted.yaml").write_text(
        "data:\n  train_per_family: 120\n  train_family_weights: {npv: 2, irr: 1.5}\n"
    )
    data = load_pipeline_config("weighted", tmp_path).data
    sizes = data.split_sizes(5)
    assert sizes["train"] == 120 * 5 + 120 + 60
    assert sizes["validation"] == 200  # the evaluation splits are untouched
    counts = Counter(interleaved([2.0, 1.5, 1.0, 1.0, 1.0], sizes["train"]))
    assert [counts[i] for i in range(5)] == [240, 180, 120, 120, 120]


def test_totals_stay_totals(tmp_path: Path) -> None:
    (tmp_path / "mixed.yaml").write_text("data:\n  train_size: 48\n  test_per_family: 2\n")
    sizes = load_pipeline_config("mixed", tmp_path).data.split_sizes(5)
    assert sizes == {
        "train": 48,
        "validation": 200,
        "test": 10,
        "test_ood_range": 10,
        "test_ood_template": 10,
    }


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(PipelineConfigError, match="quick"):
        load_pipeline_config("nope")
