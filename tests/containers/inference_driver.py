"""Runs in `.venv-inference-dlc/` (the inference DLC's versions): serve requests through the
toolkit's HuggingFaceHandlerService exactly as the model server's worker does, with the
network closed, and print what happened as one JSON line.

    .venv-inference-dlc/bin/python tests/containers/inference_driver.py MODEL_DIR CASES_JSON

MODEL_DIR is model.tar.gz unpacked as SageMaker does (/opt/ml/model); CASES_JSON a list of
{"body", "content_type", "accept"}. The settings come from the environment, as in the endpoint.
Standard library + what the image ships only: nothing from the repository is importable here.
"""

from __future__ import annotations

import base64
import json
import socket
import sys
from importlib import metadata
from pathlib import Path

from mms_wire import decode_response, request_batch

HANDLER = "sagemaker_huggingface_inference_toolkit.handler_service"
attempts: list[str] = []


def _closed(self, address, *args, **kwargs):
    """No outbound network in the container (EnableNetworkIsolation): refuse and record."""
    if self.family in (socket.AF_INET, socket.AF_INET6):
        attempts.append(repr(address))
        raise OSError(f"network is closed in this test: {address!r}")
    return _connect(self, address, *args, **kwargs)


_connect = socket.socket.connect
socket.socket.connect = _closed
socket.socket.connect_ex = _closed


def main(model_dir: Path, cases: list[dict]) -> dict:
    from mms.model_loader import MmsModelLoader
    from sagemaker_inference import model_server

    # The start-up rule of the toolkit's model server: pip-install code/requirements.txt if it
    # exists (REQUIREMENTS_PATH is /opt/ml/model/code/requirements.txt; rebased here).
    requirements = model_dir / Path(model_server.REQUIREMENTS_PATH).relative_to("/opt/ml/model")
    service = MmsModelLoader().load("model", str(model_dir), HANDLER, None, 1)
    responses = []
    for case in cases:
        body = case["body"].encode()
        batch = request_batch(body, case["content_type"], case["accept"])
        status, payload = decode_response(bytes(service.predict(batch)))
        responses.append({"status": status, "body": base64.b64encode(payload).decode()})
    loaded = {
        name: getattr(module, "__file__", None)
        for name, module in sys.modules.items()
        if name.split(".")[0] in ("quantreason", "inference")
    }
    versions = {
        name: metadata.version(name)
        for name in ("torch", "transformers", "peft", "sagemaker-huggingface-inference-toolkit")
    }
    return {
        "requirements_txt": requirements.exists(),
        "responses": responses,
        "network_attempts": attempts,
        "loaded": loaded,
        "versions": versions,
        "python": sys.version.split()[0],
    }


if __name__ == "__main__":
    result = main(Path(sys.argv[1]).resolve(), json.loads(Path(sys.argv[2]).read_text()))
    print(json.dumps(result))
