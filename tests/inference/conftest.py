"""Fixtures: tiny random Mistral, a tiny LoRA adapter, a model dir laid out like model.tar.gz."""

from __future__ import annotations

import pytest

from quantreason.models import TINY_RANDOM

SERVING_ENV = {
    "QUANTREASON_BASE_MODEL": TINY_RANDOM,
    "QUANTREASON_DEFAULT_NEW_TOKENS": "12",  # keep generation short: the model is random
    "QUANTREASON_MAX_BATCH": "4",
    "QUANTREASON_MAX_QUESTION_CHARS": "300",
    "QUANTREASON_MAX_BODY_BYTES": "4096",
}


@pytest.fixture
def serving_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment of the serving container, pointed at the tiny model."""
    monkeypatch.delenv("HF_MODEL_ID", raising=False)
    for key, value in SERVING_ENV.items():
        monkeypatch.setenv(key, value)
    return SERVING_ENV
