"""The few stage settings the operations CLI reads, behind small functions.

The CDK app owns ``config/stages/<stage>.yaml``; the CLI only needs the stage's default
region, and everything else it learns from the deployed stacks. Reading through this one
function keeps the CLI working whatever else the settings file grows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from quantreason.paths import CONFIG_DIR


def _stage_file(stage: str, config_dir: Path | None = None) -> Path:
    return (config_dir or CONFIG_DIR) / "stages" / f"{stage}.yaml"


def _raw_settings(stage: str, config_dir: Path | None = None) -> dict[str, Any]:
    path = _stage_file(stage, config_dir)
    if not path.is_file():
        return {}
    raw = yaml.safe_load(path.read_text())
    return raw if isinstance(raw, dict) else {}


def stage_region(stage: str, config_dir: Path | None = None) -> str | None:
    """The stage's region (``region:`` or ``env: {region: ...}``), or None to fall back to flags."""
    raw = _raw_settings(stage, config_dir)
    region = raw.get("region")
    if region is None and isinstance(raw.get("env"), dict):
        region = raw["env"].get("region")
    return str(region) if region else None


def stage_base_model(stage: str, config_dir: Path | None = None) -> str | None:
    """The stage's ``base_model`` prefix (``base-models/<name>/<sha12>/``), or None.

    Read without the deploy state: ``quantreason aws deploy`` must still run when the state
    it is about to replace names an older base model.
    """
    from quantreason.ops.session import OpsError
    from quantreason.stages import BASE_MODEL_PREFIX_RE, STAGE_BASE_MODEL_COMMAND

    value = _raw_settings(stage, config_dir).get("base_model")
    if value is None:
        return None
    if not isinstance(value, str) or not BASE_MODEL_PREFIX_RE.match(value):
        raise OpsError(
            f"{_stage_file(stage, config_dir)}: base_model must be the prefix printed by "
            f"'{STAGE_BASE_MODEL_COMMAND}' (base-models/<name>/<sha12>/), not {value!r}"
        )
    return value
