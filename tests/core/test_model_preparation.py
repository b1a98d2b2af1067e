"""Training ranks on a fresh machine prepare the embedded model at once (session 42: two
torchrun ranks shared one temporary directory and one deleted the other's files mid-save)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quantreason.models import EMBEDDED, resolve_model

_PREPARE = "from quantreason.models import EMBEDDED, resolve_model; print(resolve_model(EMBEDDED))"


@pytest.mark.slow
def test_processes_preparing_the_embedded_model_at_once_all_get_one_checkpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {**os.environ, "QUANTREASON_CACHE": str(tmp_path)}
    ranks = [
        subprocess.Popen(
            [sys.executable, "-c", _PREPARE], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    printed = [rank.communicate(timeout=600)[0].strip() for rank in ranks]
    assert [rank.returncode for rank in ranks] == [0, 0]
    target = tmp_path / "models" / Path(printed[0]).name
    assert printed == [str(target), str(target)]
    assert (target / "config.json").is_file() and list(target.glob("*.safetensors"))
    assert not list(target.parent.glob("*.tmp"))  # the loser never half-wrote a second copy
    # a later call finds it and converts nothing
    monkeypatch.setenv("QUANTREASON_CACHE", str(tmp_path))
    assert resolve_model(EMBEDDED, prepare=False) == str(target)
