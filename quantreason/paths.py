"""Where quantreason keeps files on a developer's machine."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = REPO_ROOT / "config"  # hand-kept settings
STATE_DIR = REPO_ROOT / "state"  # what the tools write per stage (capacity plan, deployed artifact)


def cache_dir() -> Path:
    """Root of the local cache (converted base models, tiny test models).

    ``$QUANTREASON_CACHE`` if set, else ``~/.cache/quantreason``.
    """
    root = os.environ.get("QUANTREASON_CACHE")
    path = Path(root) if root else Path.home() / ".cache" / "quantreason"
    path.mkdir(parents=True, exist_ok=True)
    return path


def runs_dir() -> Path:
    """Where local pipeline runs write their outputs (``runs/`` in the repository, git-ignored)."""
    return Path(os.environ.get("QUANTREASON_RUNS", REPO_ROOT / "runs"))


def latest_run_file() -> Path:
    """JSON pointer written by ``quantreason pipeline``: ``{"base", "adapter", "data", ...}``.

    ``quantreason eval`` with no model flags evaluates the base model and the adapter named here.
    """
    return runs_dir() / "latest.json"
