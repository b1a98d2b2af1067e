"""Shared, session-scoped CDK synths: each takes ~10 s, so every test reuses them."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quantreason.paths import CONFIG_DIR, REPO_ROOT, STATE_DIR

# app.py's modules (infra/) are imported from the repository root, whatever the runner's cwd.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


@dataclass
class Synth:
    """One synthesized stage: its app, its templates (dicts) and its cloud assembly dir."""

    stage_app: Any
    templates: dict[str, Any]
    outdir: Path

    def template(self, part: str) -> Any:
        """``aws_cdk.assertions.Template`` of the ``Storage``/``Training``/``Endpoint`` stack."""
        from aws_cdk.assertions import Template

        return Template.from_json(self.templates[part])


def _synth(stage: str, outdir: Path, **kwargs: Any) -> Synth:
    from infra.app_builder import build_stage_app, new_app

    stage_app = build_stage_app(new_app(outdir), stage, **kwargs)
    assembly = stage_app.app.synth()  # cdk-nag runs here: a finding raises ValidationFailed
    templates = {
        s.stack_name.rsplit("-", 1)[1]: assembly.get_stack_by_name(s.stack_name).template
        for s in stage_app.stacks
    }
    return Synth(stage_app, templates, outdir)


@pytest.fixture(scope="session")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """The dev stage, synthesized once."""
    return _synth("dev", tmp_path_factory.mktemp("cdk-dev"))


@pytest.fixture(scope="session")
def prod(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """The prod stage, synthesized once."""
    return _synth("prod", tmp_path_factory.mktemp("cdk-prod"))


@pytest.fixture(scope="session")
def parked(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """A dev copy with the endpoint parked, an explicit model S3 URI, account and region."""
    config = tmp_path_factory.mktemp("config")
    shutil.copytree(CONFIG_DIR / "stages", config / "stages")
    shutil.copytree(STATE_DIR, config / "state")
    stage_file = config / "stages" / "dev.yaml"
    stage_file.write_text(stage_file.read_text().replace("parked: false", "parked: true"))
    return _synth(
        "dev",
        tmp_path_factory.mktemp("cdk-parked"),
        overrides={
            "model_data_url": "s3://my-models/adapters/v7/model.tar.gz",
            "account": "111122223333",
            "region": "eu-west-1",
        },
        config_dir=config,
        state_root=config / "state",
    )
