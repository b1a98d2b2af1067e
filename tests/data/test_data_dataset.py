"""The generated dataset: formulas equal answers, split guarantees, determinism, manifest."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
from collections import Counter
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quantreason.cli.data import register
from quantreason.consensus import ungrounded_numbers
from quantreason.data import (
    DEFAULT_SIZES,
    RECORD_FIELDS,
    SPLITS,
    generate_dataset,
    interleaved,
    load_split,
    normalise_question,
    write_dataset,
)
from quantreason.formula import evaluate
from quantreason.reply import format_response, is_correct
from quantreason.tasks import FAMILIES, get_family

EVAL_SPLITS = ("validation", "test", "test_ood_range", "test_ood_template")
# Enough held-out questions for every family to use each of its held-out templates (a family
# alternates written and composed questions), so a test can check that none is dead.
HELD_OUT_PER_FAMILY = 2 * max(len(family.ood_templates) for family in FAMILIES.values())
SIZES = {**DEFAULT_SIZES, "test_ood_template": HELD_OUT_PER_FAMILY * len(FAMILIES)}


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data")
    write_dataset(out, seed=0, sizes={"test_ood_template": SIZES["test_ood_template"]})
    return out


@pytest.fixture(scope="module")
def splits(dataset_dir: Path) -> dict[str, list[dict]]:
    return {split: load_split(dataset_dir, split) for split in SPLITS}


def test_sizes_asked_for_and_schema(splits: dict[str, list[dict]]) -> None:
    for split, records in splits.items():
        assert len(records) == SIZES[split]
        for record in records:
            assert tuple(record) == RECORD_FIELDS
            assert record["split"] == split
    ids = [r["id"] for records in splits.values() for r in records]
    assert len(ids) == len(set(ids))


def test_every_formula_evaluates_to_its_answer(splits: dict[str, list[dict]]) -> None:
    for records in splits.values():
        for record in records:
            value = evaluate(record["formula"])
            assert value == pytest.approx(record["answer"], rel=1e-6, abs=1e-9), record
            assert is_correct(
                value,
                record["answer"],
                record["unit"],
                record["tolerance"],
                sign_free=record["sign_free"],
            )


def test_every_family_in_every_split(splits: dict[str, list[dict]]) -> None:
    for split, records in splits.items():
        assert {r["family"] for r in records} == set(FAMILIES), split


def test_no_eval_question_or_near_duplicate_in_train(splits: dict[str, list[dict]]) -> None:
    train = {r["question"] for r in splits["train"]}
    train_keys = {normalise_question(q) for q in train}
    for split in EVAL_SPLITS:
        for record in splits[split]:
            assert record["question"] not in train
            assert normalise_question(record["question"]) not in train_keys
    all_keys = [normalise_question(r["question"]) for rs in splits.values() for r in rs]
    assert len(all_keys) == len(set(all_keys)), "near-duplicates across or within splits"


def test_normalisation_catches_reformatted_numbers() -> None:
    a = "A fund falls from $12,500 to 10000 dollars, a loss of 20 percent."
    b = "a fund falls from USD 12500 to $10,000, a loss of 20%."
    assert normalise_question(a) == normalise_question(b)
    assert normalise_question(a) != normalise_question(a.replace("20", "21"))


def test_held_out_templates_only_in_test_ood_template(splits: dict[str, list[dict]]) -> None:
    held_out = {r["template_id"] for r in splits["test_ood_template"]}
    assert all("/ood" in t for t in held_out)
    for split in ("train", "validation", "test", "test_ood_range"):
        assert not held_out & {r["template_id"] for r in splits[split]}
    held_out_texts = {t for f in FAMILIES.values() for t in f.ood_templates}
    written = {t for t in held_out if not t.endswith("-composed")}
    assert len(written) == len(held_out_texts)  # every held-out template is used
    composed = {t for t in held_out if t.endswith("-composed")}
    assert composed == {f"{f.name}/ood-composed" for f in FAMILIES.values() if f.parts}


def test_train_cycles_through_templates_and_composed_questions(
    splits: dict[str, list[dict]],
) -> None:
    """Templates are used in turn (alternating with composed questions where a family has
    parts), so a family uses as many distinct templates as its share of the split allows."""
    for family in FAMILIES.values():
        ids = [r["template_id"] for r in splits["train"] if r["family"] == family.name]
        written = [t for t in ids if not t.endswith("-composed")]
        composed = len(ids) - len(written)
        assert composed == (len(ids) // 2 if family.parts else 0), family.name
        assert len(set(written)) == min(len(family.templates), len(written)), family.name


def test_formulas_copy_the_question_numbers_verbatim(splits: dict[str, list[dict]]) -> None:
    """Every number in a target formula is in its question, structural (1, 2, 3, 12, 100,
    252, 52) or implied by a word there ("quarterly": 4): the grounding rule of answer time."""
    for records in splits.values():
        for record in records:
            assert ungrounded_numbers(record["formula"], record["question"]) == [], record


def test_training_targets_are_short(splits: dict[str, list[dict]]) -> None:
    for record in splits["train"]:
        target = format_response(record["reasoning"], record["formula"])
        assert target.count("\n") == 1
        assert len(target) < 320, target


def test_same_seed_gives_identical_bytes_other_seed_differs(tmp_path: Path) -> None:
    sizes = {
        "train": 60,
        "validation": 24,
        "test": 24,
        "test_ood_range": 24,
        "test_ood_template": 24,
    }
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    write_dataset(first, seed=3, sizes=sizes)
    write_dataset(second, seed=3, sizes=sizes)
    write_dataset(other, seed=4, sizes=sizes)
    for name in [f"{s}.jsonl" for s in SPLITS] + ["manifest.json"]:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "train.jsonl").read_bytes() != (other / "train.jsonl").read_bytes()


def test_manifest_counts_and_checksums(dataset_dir: Path, splits: dict[str, list[dict]]) -> None:
    manifest = json.loads((dataset_dir / "manifest.json").read_text())
    assert manifest["seed"] == 0
    for split, records in splits.items():
        entry = manifest["files"][f"{split}.jsonl"]
        payload = (dataset_dir / f"{split}.jsonl").read_bytes()
        assert entry["sha256"] == hashlib.sha256(payload).hexdigest()
        assert entry["records"] == len(records)
        per_family = {}
        for record in records:
            per_family[record["family"]] = per_family.get(record["family"], 0) + 1
        assert manifest["counts"][split] == per_family


def test_family_subset_and_bad_sizes(tmp_path: Path) -> None:
    manifest = write_dataset(
        tmp_path, sizes={"train": 10, "test": 4}, families=["drawdown", "kelly"]
    )
    assert manifest["families"] == ["drawdown", "kelly"]
    assert manifest["counts"]["train"] == {"drawdown": 5, "kelly": 5}
    with pytest.raises(KeyError, match="unknown task family"):
        write_dataset(tmp_path, families=["nope"])
    with pytest.raises(ValueError, match="unknown split"):
        write_dataset(tmp_path, sizes={"training": 5})
    with pytest.raises(ValueError, match="whole number"):
        write_dataset(tmp_path, sizes={"train": -1})


def test_load_split_names_the_bad_line(tmp_path: Path) -> None:
    good = {name: 1 for name in RECORD_FIELDS} | {"question": "q?", "unit": "percent"}
    (tmp_path / "test.jsonl").write_text(json.dumps(good) + "\n{not json\n")
    with pytest.raises(ValueError, match=r"test\.jsonl:2: not valid JSON"):
        load_split(tmp_path, "test")
    missing = {k: v for k, v in good.items() if k != "formula"}
    (tmp_path / "test.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(missing) + "\n")
    with pytest.raises(ValueError, match=r"test\.jsonl:2: missing field\(s\) formula"):
        load_split(tmp_path, "test")
    (tmp_path / "test.jsonl").write_text(json.dumps(good | {"answer": "x"}) + "\n")
    with pytest.raises(ValueError, match="'answer' must be a finite number"):
        load_split(tmp_path, "test")
    (tmp_path / "test.jsonl").write_text(json.dumps(good | {"unit": "parsecs"}) + "\n")
    with pytest.raises(ValueError, match="unit 'parsecs'"):
        load_split(tmp_path, "test")
    with pytest.raises(FileNotFoundError, match="quantreason data"):
        load_split(tmp_path, "validation")


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    return app


def test_cli_writes_splits_and_prints_the_family_table(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    args = ["data", "--out", str(out), "--train-size", "48", "--validation-size", "24"]
    result = CliRunner().invoke(_cli(), [*args, "--test-size", "24", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert "drawdown" in result.output and "manifest" in result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["sizes"] == {
        "train": 48,
        "validation": 24,
        "test": 24,
        "test_ood_range": 24,
        "test_ood_template": 24,
    }


def test_cli_rejects_an_unknown_family(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(), ["data", "--out", str(tmp_path), "--families", "bogus"])
    assert result.exit_code == 2
    assert "unknown task family" in result.output


def test_train_weights_shift_train_only_and_spread_each_family(tmp_path: Path) -> None:
    families = ["drawdown", "kelly", "npv"]
    sizes = {"train": 40, "validation": 9, "test": 6, "test_ood_range": 6, "test_ood_template": 6}
    weighted = generate_dataset(3, sizes, families, train_weights={"npv": 2, "kelly": 0.5})
    equal = generate_dataset(3, sizes, families)
    counts = Counter(r["family"] for r in weighted["train"])
    assert counts == {"npv": 23, "drawdown": 11, "kelly": 6}  # 40 in proportion 2 : 1 : 0.5
    for split in ("validation", "test", "test_ood_range", "test_ood_template"):
        assert weighted[split] == equal[split]  # evaluation splits: every family equal
    # each family's questions spread through the split, and its templates taken in turn
    npv_positions = [i for i, r in enumerate(weighted["train"]) if r["family"] == "npv"]
    assert max(b - a for a, b in itertools.pairwise(npv_positions)) <= 2
    kelly = [r["template_id"] for r in weighted["train"] if r["family"] == "kelly"]
    composed = "kelly/t-composed"  # every other question composed from parts
    assert kelly == ["kelly/t0", composed, "kelly/t1", composed, "kelly/t2", composed]
    manifest = write_dataset(tmp_path, 3, sizes, families, train_weights={"npv": 2})
    assert manifest["train_weights"] == {"npv": 2}
    with pytest.raises(ValueError, match="unknown or unselected families: beta"):
        generate_dataset(3, sizes, families, train_weights={"beta": 2})


def test_a_change_to_one_family_leaves_every_other_familys_records(monkeypatch) -> None:
    """Each record draws from its own stream: a family that draws one more random number (as a
    new template or parameter would) changes its own records only, and a new train weight adds
    or drops questions of that family without redrawing the others."""
    families = ["drawdown", "kelly", "npv"]
    sizes = {"train": 30, "validation": 6, "test": 6, "test_ood_range": 6, "test_ood_template": 6}

    def keyed(dataset: dict[str, list[dict]]) -> dict[tuple[str, str, int], dict]:
        out = {}
        for split, records in dataset.items():
            seen: Counter[str] = Counter()
            for record in records:
                family = record["family"]
                number, seen[family] = seen[family], seen[family] + 1
                out[split, family, number] = {k: v for k, v in record.items() if k != "id"}
        return out

    before = keyed(generate_dataset(3, sizes, families))
    kelly = get_family("kelly")
    original_draw = kelly.draw

    def one_more_draw(rng, ood):
        rng.random()
        return original_draw(rng, ood)

    changed_kelly = dataclasses.replace(kelly)
    object.__setattr__(changed_kelly, "draw", one_more_draw)  # frozen: patch this copy only
    monkeypatch.setitem(FAMILIES, "kelly", changed_kelly)
    after = keyed(generate_dataset(3, sizes, families))
    assert before.keys() == after.keys()
    changed = {key for key in before if before[key] != after[key]}
    assert changed and {family for _, family, _ in changed} == {"kelly"}
    monkeypatch.undo()

    weighted = keyed(generate_dataset(3, sizes, families, train_weights={"npv": 2}))
    for key, record in weighted.items():
        if key in before:
            assert record == before[key], key
    assert {family for (split, family, _) in weighted.keys() - before.keys()} == {"npv"}


def test_equal_train_weights_are_plain_round_robin() -> None:
    assert interleaved([1.0, 1.0, 1.0], 7) == [0, 1, 2, 0, 1, 2, 0]
    assert interleaved([3.0, 3.0], 4) == [0, 1, 0, 1]


def test_cli_takes_train_weights_and_names_a_malformed_one(tmp_path: Path) -> None:
    args = ["data", "--out", str(tmp_path), "--train-size", "30", "--families", "kelly,npv"]
    result = CliRunner().invoke(_cli(), [*args, "--train-weights", "npv=2"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["counts"]["train"] == {"kelly": 10, "npv": 20}
    result = CliRunner().invoke(_cli(), [*args, "--train-weights", "npv:2"])
    assert result.exit_code == 2
    assert "expected FAMILY=NUMBER" in result.output
