"""Chat examples with response-only labels, and the deterministic length-grouped batch plan."""

from __future__ import annotations

import pytest

from quantreason.models import resolve_model
from quantreason.reply import format_response
from quantreason.training.batching import (
    IGNORE_INDEX,
    Example,
    collate,
    plan_batches,
    rank_micro_batches,
    shared_prefix_length,
    tokenize_records,
)
from quantreason.training.config import ConfigError
from quantreason.training.model import load_tokenizer


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer(resolve_model("tiny-random"))


def test_labels_cover_exactly_the_response_and_eos(tokenizer, data_dir) -> None:
    import json

    record = json.loads((data_dir / "train.jsonl").read_text().splitlines()[0])
    (example,) = tokenize_records([record], tokenizer, 512)
    labelled = [t for t in example.labels if t != IGNORE_INDEX]
    expected = format_response(record["reasoning"], record["formula"])
    assert labelled[-1] == tokenizer.eos_token_id
    assert tokenizer.decode(labelled[:-1]) == expected
    prompt = tokenizer.decode(example.input_ids[: len(example.labels) - len(labelled)])
    assert record["question"] in prompt and prompt.endswith("<|im_start|>assistant\n")
    assert example.response_tokens == len(labelled)


def test_too_long_record_fails_instead_of_being_cut(tokenizer, data_dir) -> None:
    import json

    record = json.loads((data_dir / "train.jsonl").read_text().splitlines()[0])
    with pytest.raises(ConfigError, match=r"raise data\.max_length"):
        tokenize_records([record], tokenizer, 32)


def test_plan_is_deterministic_and_each_epoch_uses_each_record_once() -> None:
    lengths = [(i * 37) % 101 for i in range(40)]
    plan = plan_batches(lengths, 8, num_steps=10, seed=3)
    assert plan == plan_batches(lengths, 8, num_steps=10, seed=3)
    assert plan != plan_batches(lengths, 8, num_steps=10, seed=4)
    epoch_one, epoch_two = plan[:5], plan[5:]
    assert sorted(i for b in epoch_one for i in b) == list(range(40))
    assert sorted(i for b in epoch_two for i in b) == list(range(40))
    assert epoch_one != epoch_two  # a new order each epoch


def test_length_grouping_reduces_padding() -> None:
    lengths = [10 + (i * 53) % 200 for i in range(256)]

    def padding(plan: list[list[int]]) -> int:
        return sum(max(lengths[i] for i in b) * len(b) - sum(lengths[i] for i in b) for b in plan)

    grouped = plan_batches(lengths, 8, 32, seed=0, group_by_length=True)
    random_order = plan_batches(lengths, 8, 32, seed=0, group_by_length=False)
    assert padding(grouped) < padding(random_order) / 4


def test_ranks_split_a_global_batch_without_overlap() -> None:
    batch = list(range(16))
    parts = [rank_micro_batches(batch, 4, rank, 2) for rank in range(2)]
    assert [len(p) for p in parts] == [2, 2]
    assert sorted(i for p in parts for m in p for i in m) == batch


def test_collate_pads_right_and_masks_padding(tokenizer, data_dir) -> None:
    import json

    records = [json.loads(x) for x in (data_dir / "train.jsonl").read_text().splitlines()[:3]]
    examples = tokenize_records(records, tokenizer, 512)
    batch = collate(examples, pad_id=tokenizer.pad_token_id)
    for row, example in enumerate(examples):
        n = len(example.input_ids)
        assert batch["attention_mask"][row].sum() == n
        assert (batch["labels"][row, n:] == IGNORE_INDEX).all()


def test_shared_prefix_stays_inside_every_prompt(tokenizer, data_dir) -> None:
    import json

    records = [json.loads(x) for x in (data_dir / "train.jsonl").read_text().splitlines()]
    examples = tokenize_records(records, tokenizer, 512)
    length = shared_prefix_length(examples)
    assert length >= 8  # the chat template + instruction are shared
    assert all(e.input_ids[:length] == examples[0].input_ids[:length] for e in examples)
    assert length < min(e.prompt_tokens for e in examples)
    different = [examples[0], Example([999, *examples[1].input_ids[1:]], examples[1].labels)]
    assert shared_prefix_length(different) == 0
