"""Shared, session-scoped CDK synths: each takes ~10 s, so every test reuses them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quantreason.paths import REPO_ROOT

# app.py's modules (infra/) are imported from the repository root, whatever the runner's cwd.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from infra_helpers import Synth, deployed_config, synth_stage, write_deploy_state


@pytest.fixture(scope="session")
def deployed_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Config and state of dev and prod with a staged base model and a deployed adapter."""
    return deployed_config(tmp_path_factory.mktemp("deployed"), "dev", "prod")


@pytest.fixture(scope="session")
def dev(tmp_path_factory: pytest.TempPathFactory, deployed_dirs: tuple[Path, Path]) -> Synth:
    """The dev stage after `stage-base-model` and `aws deploy`, synthesized once."""
    config, state = deployed_dirs
    return synth_stage(
        "dev", tmp_path_factory.mktemp("cdk-dev"), config_dir=config, state_root=state
    )


@pytest.fixture(scope="session")
def prod(tmp_path_factory: pytest.TempPathFactory, deployed_dirs: tuple[Path, Path]) -> Synth:
    """The prod stage after `stage-base-model` and `aws deploy`, synthesized once."""
    config, state = deployed_dirs
    return synth_stage(
        "prod", tmp_path_factory.mktemp("cdk-prod"), config_dir=config, state_root=state
    )


@pytest.fixture(scope="session")
def fresh_dev(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """dev as a fresh clone synthesizes it: the repository's files, no deploy state."""
    return synth_stage("dev", tmp_path_factory.mktemp("cdk-fresh-dev"))


@pytest.fixture(scope="session")
def fresh_prod(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """prod as a fresh clone synthesizes it."""
    return synth_stage("prod", tmp_path_factory.mktemp("cdk-fresh-prod"))


@pytest.fixture(scope="session")
def parked(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """A deployed dev copy with the endpoint parked, an explicit account and region."""
    config, state = deployed_config(tmp_path_factory.mktemp("parked"), "dev")
    stage_file = config / "stages" / "dev.yaml"
    stage_file.write_text(stage_file.read_text().replace("parked: false", "parked: true"))
    write_deploy_state(state, "dev", model_data="s3://my-models/artifacts/serving/v7-0123456789ab/")
    return synth_stage(
        "dev",
        tmp_path_factory.mktemp("cdk-parked"),
        overrides={"account": "111122223333", "region": "eu-west-1"},
        config_dir=config,
        state_root=state,
    )
