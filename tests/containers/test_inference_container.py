"""The serving archive on the inference DLC's versions, through the toolkit, network closed.

`quantreason package-model` builds model.tar.gz here (project environment, transformers 5.24);
the tiny model and its tokenizer are saved by the same transformers, as the base-model staging
saves them. The archive is unpacked as SageMaker does and served in `.venv-inference-dlc/`
(torch 2.6.0, transformers 5.5.3, peft 0.18.1, toolkit + MMS) by the toolkit's
HuggingFaceHandlerService loaded by MMS's model loader, as the model server's worker does.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from containers.conftest import fidelity_record
from quantreason import naming
from quantreason.paths import REPO_ROOT

DRIVER = Path(__file__).with_name("inference_driver.py")
SERVING_ENV = {
    "QUANTREASON_DEFAULT_NEW_TOKENS": "12",
    "QUANTREASON_MAX_BATCH": "4",
    "QUANTREASON_MAX_QUESTION_CHARS": "300",
    "QUANTREASON_MAX_BODY_BYTES": "4096",
}
ANSWER = {"body": json.dumps({"inputs": ["What is 2+2?", "What is 3+3?"]})}
CASES = [
    ANSWER,
    ANSWER,  # again: byte-identical
    {"body": '{"inputs": "q"}', "content_type": "text/csv", "status": 415},
    {"body": '{"inputs": ', "status": 400},
    {"body": '{"inputs": "q", "parameters": {"top_k": 5}}', "status": 400},
    {"body": json.dumps({"inputs": ["q"] * 5}), "status": 413},
    {"body": '{"inputs": "q"}', "accept": "text/csv", "status": 406},
]


def with_base(model_dir: Path, base_model: str, *, link: bool = False) -> str:
    """Put the staged base weights where the endpoint's data prefix has them (``base/`` beside
    the adapter and code/); returns QUANTREASON_BASE_MODEL as the endpoint sets it, rebased."""
    target = model_dir / Path(naming.SERVING_BASE_MODEL_PATH).relative_to("/opt/ml/model")
    if link:  # a 540 MB checkpoint: a link loads the same files
        target.symlink_to(base_model, target_is_directory=True)
    else:
        shutil.copytree(base_model, target)
    return str(target)


@pytest.fixture(scope="module")
def model_dir(tiny_adapter: Path, tiny_base: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """model.tar.gz from the CLI, unpacked as SageMaker unpacks it into /opt/ml/model, with the
    staged base weights under base/ (the endpoint reads one uncompressed prefix holding both)."""
    work = tmp_path_factory.mktemp("package")
    archive = work / "model.tar.gz"
    command = ["package-model", "--adapter", str(tiny_adapter), "--out", str(archive)]
    subprocess.run(
        [sys.executable, "-m", "quantreason", *command],
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        timeout=300,
    )
    target = work / "opt" / "ml" / "model"
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    with_base(target, tiny_base)
    return target


def serve(python: Path, model_dir: Path, base_model: str, cases: list[dict], tmp: Path) -> dict:
    """Run the driver in the container environment; nothing of the repository on its path."""
    spec = [
        {
            "body": case["body"],
            "content_type": case.get("content_type", "application/json"),
            "accept": case.get("accept", "*/*"),
        }
        for case in cases
    ]
    (tmp / "cases.json").write_text(json.dumps(spec))
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "HF_HUB_OFFLINE": "1",
        "QUANTREASON_BASE_MODEL": base_model,
        **SERVING_ENV,
    }
    result = subprocess.run(
        [str(python), "-s", str(DRIVER), str(model_dir), str(tmp / "cases.json")],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_packaged_handler_answers_on_the_inference_dlc_versions(
    inference_python: Path, model_dir: Path, tiny_base: str, tmp_path: Path
) -> None:
    # The base model is saved by this project's transformers 5 (as the staging saves it).
    tokenizer_config = json.loads((Path(tiny_base) / "tokenizer_config.json").read_text())
    assert tokenizer_config["tokenizer_class"] == "TokenizersBackend"

    out = serve(inference_python, model_dir, str(model_dir / "base"), CASES, tmp_path)

    image = fidelity_record("inference")["image_packages"]
    assert out["versions"]["torch"].split("+")[0] == image["torch"]
    assert out["versions"]["transformers"] == image["transformers"]
    assert out["versions"]["peft"] == image["peft"]
    # No pip and no hub at start or per request.
    assert out["requirements_txt"] is False
    assert out["network_attempts"] == []
    # Every quantreason module came from the archive's code/.
    code = str(model_dir / "code")
    assert out["loaded"]["quantreason.serving.predictor"].startswith(code)
    assert all(path is None or path.startswith(code) for path in out["loaded"].values())

    first, again, *mistakes = out["responses"]
    assert first["status"] == 200, base64.b64decode(first["body"])
    records = json.loads(base64.b64decode(first["body"]))
    assert len(records) == 2
    assert all({"answer", "unit", "formula", "model", "adapter"} <= set(r) for r in records)
    assert records[0]["adapter"].startswith("model@")
    assert again == first
    for case, response in zip(CASES[2:], mistakes, strict=True):
        body = json.loads(base64.b64decode(response["body"]))
        assert (response["status"], body["error"]["status"]) == (case["status"],) * 2, case


@pytest.mark.embedded
def test_the_embedded_base_model_as_staged_loads_and_answers(
    inference_python: Path, tmp_path: Path
) -> None:
    """The converted SmolLM2 checkpoint (saved by this project's transformers 5, what the
    base-model staging uploads) loads and generates under the DLC's transformers."""
    from quantreason.models import resolve_model
    from quantreason.packaging import stage_model_dir

    base = resolve_model("embedded")
    tokenizer_config = json.loads((Path(base) / "tokenizer_config.json").read_text())
    assert tokenizer_config["tokenizer_class"] == "TokenizersBackend"
    model_dir = stage_model_dir(None, tmp_path / "model")  # base model only, no adapter
    staged = with_base(model_dir, base, link=True)
    question = "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?"
    out = serve(
        inference_python, model_dir, staged, [{"body": json.dumps({"inputs": question})}], tmp_path
    )
    [response] = out["responses"]
    assert response["status"] == 200, base64.b64decode(response["body"])
    record = json.loads(base64.b64decode(response["body"]))
    assert record["output_tokens"] > 0 and record["completion"].strip()
    assert out["network_attempts"] == []
