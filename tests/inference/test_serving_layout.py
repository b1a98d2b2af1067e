"""The handler over the uncompressed serving data as SageMaker lays it out in /opt/ml/model.

``quantreason aws deploy`` builds one S3 prefix: the adapter and ``code/`` at its root and the
staged base weights under ``base/``; the Endpoint stack sets ``QUANTREASON_BASE_MODEL`` to that
``base/`` folder and ``HF_HUB_OFFLINE=1``. Here the same layout is built from the tiny model.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from quantreason import naming
from quantreason.serving.predictor import load_predictor
from quantreason.serving.protocol import InferenceRequest


def test_base_weights_beside_the_adapter_load_offline(
    serving_env: dict, tiny_base: str, tiny_adapter: Path, tmp_path: Path, monkeypatch
) -> None:
    model_dir = tmp_path / "opt-ml-model"
    shutil.copytree(tiny_adapter, model_dir)  # adapter files at the root
    base_dir = model_dir / naming.BASE_MODEL_SUBDIR
    shutil.copytree(tiny_base, base_dir)  # what `aws deploy` copies under base/
    monkeypatch.setenv(naming.BASE_MODEL_ENV, str(base_dir))  # /opt/ml/model/base in the cloud
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    predictor = load_predictor(model_dir)
    assert predictor.model_name == str(base_dir)
    assert predictor.adapter_name is not None  # the root adapter, not the base's files
    record = json.loads(predictor.predict_bytes(InferenceRequest(("What is 2+2?",), True, 4)))
    assert record["model"] == str(base_dir) and 0 < record["output_tokens"] <= 4
