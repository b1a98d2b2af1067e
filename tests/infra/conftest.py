"""Shared, session-scoped CDK synths: each takes ~10 s, so every test reuses them."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quantreason.paths import REPO_ROOT

# app.py's modules (infra/) are imported from the repository root, whatever the runner's cwd.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from infra_helpers import deployed_config, write_deploy_state


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
def deployed_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Config and state of dev and prod with a staged base model and a deployed adapter."""
    return deployed_config(tmp_path_factory.mktemp("deployed"), "dev", "prod")


@pytest.fixture(scope="session")
def dev(tmp_path_factory: pytest.TempPathFactory, deployed_dirs: tuple[Path, Path]) -> Synth:
    """The dev stage after `stage-base-model` and `aws deploy`, synthesized once."""
    config, state = deployed_dirs
    return _synth("dev", tmp_path_factory.mktemp("cdk-dev"), config_dir=config, state_root=state)


@pytest.fixture(scope="session")
def prod(tmp_path_factory: pytest.TempPathFactory, deployed_dirs: tuple[Path, Path]) -> Synth:
    """The prod stage after `stage-base-model` and `aws deploy`, synthesized once."""
    config, state = deployed_dirs
    return _synth("prod", tmp_path_factory.mktemp("cdk-prod"), config_dir=config, state_root=state)


@pytest.fixture(scope="session")
def fresh_dev(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """dev as a fresh clone synthesizes it: the repository's files, no deploy state."""
    return _synth("dev", tmp_path_factory.mktemp("cdk-fresh-dev"))


@pytest.fixture(scope="session")
def fresh_prod(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """prod as a fresh clone synthesizes it."""
    return _synth("prod", tmp_path_factory.mktemp("cdk-fresh-prod"))


@pytest.fixture(scope="session")
def parked(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """A deployed dev copy with the endpoint parked, an explicit account and region."""
    config, state = deployed_config(tmp_path_factory.mktemp("parked"), "dev")
    stage_file = config / "stages" / "dev.yaml"
    stage_file.write_text(stage_file.read_text().replace("parked: false", "parked: true"))
    write_deploy_state(state, "dev", model_data="s3://my-models/artifacts/serving/v7-0123456789ab/")
    return _synth(
        "dev",
        tmp_path_factory.mktemp("cdk-parked"),
        overrides={"account": "111122223333", "region": "eu-west-1"},
        config_dir=config,
        state_root=state,
    )
