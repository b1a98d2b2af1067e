"""Container fidelity tests: collected only by `make test-containers`.

They run the packaged handler and the training bundle inside the environments that
`scripts/containers/setup.sh` builds with each SageMaker container's library versions
(`.venv-inference-dlc/`, `.venv-training-dlc/`). The normal `make test` neither collects them nor
needs those environments; `QUANTREASON_CONTAINER_TESTS=1` (set by the make target) turns them on.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from quantreason.paths import REPO_ROOT

# The CDK app's modules (infra/) are imported from the repository root (the training test
# synthesizes the stage in-process).
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

if os.environ.get("QUANTREASON_CONTAINER_TESTS") != "1":
    collect_ignore_glob = ["test_*.py"]


def container_python(kind: str) -> Path:
    """The interpreter of the fidelity environment for ``kind`` (inference or training)."""
    python = REPO_ROOT / f".venv-{kind}-dlc" / "bin" / "python"
    if not python.is_file():
        pytest.fail(
            f"{python.parent.parent} is missing: run `bash scripts/containers/setup.sh {kind}` "
            "(or `make test-containers`, which does)"
        )
    return python


def fidelity_record(kind: str) -> dict:
    """What the environment holds against what the image ships (written by setup.sh)."""
    return json.loads((REPO_ROOT / f".venv-{kind}-dlc" / "fidelity.json").read_text())


@pytest.fixture(scope="session")
def inference_python() -> Path:
    return container_python("inference")


@pytest.fixture(scope="session")
def training_python() -> Path:
    return container_python("training")
