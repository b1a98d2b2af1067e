"""The SageMaker path: MMS's model loader + the real HuggingFaceHandlerService (toolkit 2.6.0)
loading ``code/inference.py`` from a directory laid out exactly like ``model.tar.gz``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from containers.mms_wire import decode_response, request_batch

from quantreason.packaging import stage_model_dir

HANDLER = "sagemaker_huggingface_inference_toolkit.handler_service"


@pytest.fixture
def service(serving_env: dict, tiny_adapter: Path, tmp_path: Path, monkeypatch):
    """An MMS service exactly as the SageMaker model server builds it (worker side)."""
    import transformers.file_utils
    from mms.model_loader import MmsModelLoader

    # Toolkit 2.6.0 (PyPI) imports is_tf_available, gone in transformers 5. The DLC runs the
    # toolkit's commit f0c3eb2, which drops that import (infra/dlc_images.json); same answer here.
    monkeypatch.setattr(transformers.file_utils, "is_tf_available", lambda: False, raising=False)
    model_dir = stage_model_dir(tiny_adapter, tmp_path / "model")
    monkeypatch.setattr(sys, "path", list(sys.path))  # the toolkit prepends model_dir/code
    monkeypatch.delitem(sys.modules, "inference", raising=False)
    yield MmsModelLoader().load("model", str(model_dir), HANDLER, None, 1)
    sys.modules.pop("inference", None)


def invoke(service, body: bytes, content_type: str = "application/json", accept: str = "*/*"):
    return decode_response(bytes(service.predict(request_batch(body, content_type, accept))))


def test_answers_and_is_byte_identical(service) -> None:
    request = json.dumps({"inputs": ["What is 2+2?", "What is 3+3?"]}).encode()
    status, body = invoke(service, request)
    assert status == 200, body
    records = json.loads(body)
    assert [r["adapter"].split("@")[0] for r in records] == ["model", "model"]
    assert all(set(r) >= {"answer", "unit", "formula", "model", "adapter"} for r in records)
    assert invoke(service, request) == (status, body)


@pytest.mark.parametrize(
    ("body", "content_type", "accept", "status"),
    [
        (b'{"inputs": "q"}', "text/csv", "*/*", 415),
        (b'{"inputs": ', "application/json", "*/*", 400),
        (b'{"inputs": "", "parameters": {}}', "application/json", "*/*", 400),
        (b'{"inputs": "q", "parameters": {"top_k": 5}}', "application/json", "*/*", 400),
        (json.dumps({"inputs": ["q"] * 5}).encode(), "application/json", "*/*", 413),
        (json.dumps({"inputs": "q" * 301}).encode(), "application/json", "*/*", 413),
        (b'{"inputs": "q"}', "application/json", "text/csv", 406),
    ],
)
def test_client_mistakes_keep_their_status(service, body, content_type, accept, status) -> None:
    got, payload = invoke(service, body, content_type, accept)
    assert got == status
    assert json.loads(payload)["error"]["status"] == status


def test_our_fault_is_a_500_not_a_400(service, monkeypatch) -> None:
    from quantreason.serving.predictor import Predictor

    original = Predictor.predict

    def broken(self, request):
        raise RuntimeError("CUDA fell over")

    monkeypatch.setattr(Predictor, "predict", broken)
    status, payload = invoke(service, b'{"inputs": "q"}')
    assert status == 500
    assert json.loads(payload)["error"]["message"] == "prediction failed: RuntimeError"
    monkeypatch.setattr(Predictor, "predict", original)
    assert invoke(service, b'{"inputs": "q"}')[0] == 200  # the worker keeps serving
