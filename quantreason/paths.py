"""Where quantreason keeps files on a developer's machine."""

from __future__ import annotations

from pathlib import Path

from quantreason.settings import EnvSettings

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = REPO_ROOT / "config"  # hand-kept settings
STATE_DIR = REPO_ROOT / "state"  # what the tools write per stage (capacity plan, deployed artifact)


class LocalDirs(EnvSettings):
    """``QUANTREASON_CACHE`` and ``QUANTREASON_RUNS``: where local files go (read on each call,
    so that a test's ``monkeypatch.setenv`` takes effect)."""

    cache: Path | None = None
    runs: Path | None = None


def cache_dir() -> Path:
    """Root of the local cache (converted base models, tiny test models).

    ``$QUANTREASON_CACHE`` if set, else ``~/.cache/quantreason``.
    """
    root = LocalDirs.from_env().cache
    path = root or Path.home() / ".cache" / "quantreason"
    path.mkdir(parents=True, exist_ok=True)
    return path


def runs_dir() -> Path:
    """Where local pipeline runs write their outputs (``runs/`` in the repository, git-ignored)."""
    return LocalDirs.from_env().runs or REPO_ROOT / "runs"


def latest_run_file() -> Path:
    """JSON pointer written by ``quantreason pipeline``: ``{"base", "adapter", "data", ...}``.

    ``quantreason eval`` with no model flags evaluates the base model and the adapter named here.
    """
    return runs_dir() / "latest.json"
