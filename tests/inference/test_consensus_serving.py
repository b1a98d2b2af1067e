"""The endpoint's answers carry the vote's confidence and grounding, and abstain when told."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quantreason.consensus import CHECKED_RETRY
from quantreason.serving.predictor import load_predictor
from quantreason.serving.protocol import InferenceRequest
from quantreason.serving.settings import ServingSettings


def test_settings_read_self_consistency_from_env() -> None:
    settings = ServingSettings.from_env(
        {
            "QUANTREASON_SC_SAMPLES": "4",
            "QUANTREASON_ABSTAIN_BELOW": "0.6",
            "QUANTREASON_SC_RETRY": "3",
        }
    )
    assert settings.self_consistency.samples == 4
    assert settings.self_consistency.retry_samples == 3
    assert settings.self_consistency.threshold == 0.6
    assert ServingSettings.from_env({}).self_consistency.samples == 0
    with pytest.raises(ValueError, match="QUANTREASON_ABSTAIN_BELOW: Input should be less"):
        ServingSettings.from_env({"QUANTREASON_ABSTAIN_BELOW": "2"})
    with pytest.raises(ValueError, match="QUANTREASON_SC_RETRY"):
        ServingSettings.from_env({"QUANTREASON_SC_RETRY": "17"})


def test_served_answers_carry_confidence_and_abstain_below_the_threshold(
    serving_env: dict, tiny_adapter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = InferenceRequest(("What is 2+2?", "A longer question about 3 numbers?"), False, 6)
    checked = json.loads(load_predictor(tiny_adapter).predict_bytes(request))
    # the random model writes no grounded formula: confidence 0, grounded false, not abstaining;
    # by default a greedy reply that fails the checks draws CHECKED_RETRY more replies
    assert all(r["confidence"] == 0.0 and r["grounded"] is False for r in checked)
    assert all(r["abstained"] is False and r["samples"] == CHECKED_RETRY for r in checked)
    monkeypatch.setenv("QUANTREASON_SC_RETRY", "0")
    greedy = json.loads(load_predictor(tiny_adapter).predict_bytes(request))
    assert all(r["abstained"] is False and r["samples"] == 0 for r in greedy)
    assert [r["completion"] for r in checked] == [r["completion"] for r in greedy]
    monkeypatch.setenv("QUANTREASON_SC_SAMPLES", "2")
    monkeypatch.setenv("QUANTREASON_ABSTAIN_BELOW", "0.5")
    voted = json.loads(load_predictor(tiny_adapter).predict_bytes(request))
    assert all(r["samples"] == 2 and r["abstained"] is True for r in voted)
    assert all(r["answer"] is None and "threshold" in r["abstain_reason"] for r in voted)
    assert [r["completion"] for r in voted] == [r["completion"] for r in greedy]
