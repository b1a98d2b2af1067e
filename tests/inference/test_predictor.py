"""Answer JSON and the predictor: the formula's value is the answer, output always valid JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quantreason.reply import unit_of
from quantreason.serving.predictor import answer_record, find_adapter, load_predictor
from quantreason.serving.protocol import InferenceRequest, encode_json
from quantreason.serving.settings import BatchSettings, ServingSettings


def test_formula_value_is_the_answer() -> None:
    text = (
        "Reasoning: drawdown is the fall over the peak.\n"
        "Formula: (137 - 177) / 177 * 100\n"
        "Answer: -25 %"  # wrong stated number: the formula wins
    )
    record = answer_record(text, model="m", adapter="a", output_tokens=5)
    assert record["answer"] == pytest.approx(-22.598870, rel=1e-6)
    assert record["stated_answer"] == -25
    assert record["unit"] == "percent"
    assert record["formula"] == "(137 - 177) / 177 * 100"
    assert record["parse_failed"] is False
    assert (record["model"], record["adapter"], record["output_tokens"]) == ("m", "a", 5)


def test_rambling_reply_still_gives_valid_json() -> None:
    record = answer_record(
        "I cannot say. Formula: ??? oops", model="m", adapter=None, output_tokens=1
    )
    assert record["answer"] is None
    assert record["parse_failed"] is True
    assert record["formula_error"]
    json.loads(encode_json(record))


def test_division_by_zero_gives_no_answer_not_invalid_json() -> None:
    record = answer_record("Formula: 1/0\nAnswer: 3", model="m", adapter=None, output_tokens=1)
    assert record["answer"] == 3  # falls back to the stated number
    json.loads(encode_json(record))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("12.5 %", "percent"),
        ("1,250.00 USD", "currency"),
        ("$3", "currency"),
        ("7.2 years", "years"),
        ("1.8", "number"),
        (None, "number"),
    ],
)
def test_unit_of(text: str | None, unit: str) -> None:
    assert unit_of(text) == unit


def test_settings_from_env() -> None:
    settings = ServingSettings.from_env(
        {
            "QUANTREASON_BASE_MODEL": "org/model",
            "QUANTREASON_MERGE_ADAPTER": "0",
            "QUANTREASON_MAX_BATCH": "2",
        }
    )
    assert settings.base_model == "org/model"
    assert settings.merge_adapter is False
    assert settings.limits.max_batch == 2
    assert ServingSettings.from_env({}).base_model == "embedded"
    # HF_MODEL_ID is the toolkit's own variable (it would serve a hub download): never ours
    assert ServingSettings.from_env({"HF_MODEL_ID": "org/other"}).base_model == "embedded"
    with pytest.raises(ValueError, match="QUANTREASON_WARMUP"):
        ServingSettings.from_env({"QUANTREASON_WARMUP": "maybe"})
    assert ServingSettings.from_env({}).precision == "fp32"
    assert ServingSettings.from_env({"QUANTREASON_PRECISION": "auto"}).precision == "auto"
    with pytest.raises(ValueError, match="QUANTREASON_PRECISION"):
        ServingSettings.from_env({"QUANTREASON_PRECISION": "fp16"})


def test_batch_settings_from_env() -> None:
    assert ServingSettings.from_env({}).batching == BatchSettings()
    batching = BatchSettings.from_env(
        {
            "QUANTREASON_BATCHING": "off",
            "QUANTREASON_BATCH_MAX_SEQUENCES": "4",
            "QUANTREASON_REQUEST_TIMEOUT_S": "2.5",
        }
    )
    assert batching == BatchSettings(enabled=False, max_sequences=4, request_timeout_s=2.5)
    with pytest.raises(ValueError, match="QUANTREASON_BATCH_MAX_SEQUENCES"):
        BatchSettings.from_env({"QUANTREASON_BATCH_MAX_SEQUENCES": "lots"})
    with pytest.raises(ValueError, match="max_sequences"):
        BatchSettings(max_sequences=0)


def test_find_adapter(tiny_adapter: Path, tmp_path: Path) -> None:
    assert find_adapter(tiny_adapter) == tiny_adapter
    assert find_adapter(tmp_path) is None
    assert find_adapter(None) is None


def test_predictor_batches_and_is_deterministic(serving_env: dict, tiny_adapter: Path) -> None:
    predictor = load_predictor(tiny_adapter)
    assert predictor.adapter_name.startswith("adapter@")
    request = InferenceRequest(("What is 2+2?", "A longer question about 3 numbers?"), False, 8)
    first = predictor.predict_bytes(request)
    assert first == predictor.predict_bytes(request)  # greedy: byte-identical
    records = json.loads(first)
    assert len(records) == 2
    assert all(0 < r["output_tokens"] <= 8 for r in records)
    assert all(r["model"] == "tiny-random" for r in records)
    single = json.loads(predictor.predict_bytes(InferenceRequest(("What is 2+2?",), True, 8)))
    assert single == records[0]  # a batch answers each question as it would alone
    predictor.close()


def test_predictor_loads_the_weights_in_the_precision_it_is_told(
    serving_env: dict, tiny_adapter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    monkeypatch.setenv("QUANTREASON_PRECISION", "bf16")
    predictor = load_predictor(tiny_adapter)
    try:
        assert next(predictor.loaded.model.parameters()).dtype is torch.bfloat16
        record = json.loads(predictor.predict_bytes(InferenceRequest(("What is 2+2?",), True, 4)))
        assert 0 < record["output_tokens"] <= 4
    finally:
        predictor.close()


def test_a_taught_reasoning_sentence_names_the_task_and_its_unit() -> None:
    from quantreason.tasks import get_family

    family = get_family("max_drawdown")
    text = f"Reasoning: {family.reasoning}\nFormula: (177-137)/177*100"  # stopped at the formula
    record = answer_record(text, model="m", adapter=None, output_tokens=5)
    assert record["task"] == "max_drawdown" and record["unit"] == family.unit == "percent"
    assert record["answer"] == pytest.approx(22.598870, rel=1e-6)
    # no Answer line: the model stated no number (the formula's digits are not one)
    assert record["stated_answer"] is None and record["parse_failed"] is False


def test_free_reasoning_names_no_task_and_reads_the_unit_from_the_answer_line() -> None:
    record = answer_record(
        "Reasoning: grow it.\nFormula: 100*1.05\nAnswer: 105 USD",
        model="m",
        adapter=None,
        output_tokens=5,
    )
    assert record["task"] is None and record["unit"] == "currency"
    assert record["stated_answer"] == 105
