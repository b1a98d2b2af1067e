"""Build the CDK app for one stage (used by ``app.py``, the tests and ``quantreason infra``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import aws_cdk as cdk

from infra.images import region_supported
from infra.nag import enable_nag
from infra.stacks import EndpointStack, StorageStack, TrainingStack
from quantreason import naming
from quantreason.paths import CONFIG_DIR, REPO_ROOT
from quantreason.stages import StageConfigError, StageSettings, load_stage

#: CDK context keys that override stage settings (``-c region=eu-west-1``).
OVERRIDE_KEYS = ("region", "account")


CDK_JSON = REPO_ROOT / "cdk.json"


def new_app(outdir: Path | None = None, context: dict[str, object] | None = None) -> cdk.App:
    """An app configured like the CDK CLI configures ``app.py`` through ``cdk.json``.

    Same feature flags, no path/asset metadata, no version reporting: templates synthesized
    in Python (tests, snapshots) are byte-identical to ``npx cdk synth``'s.
    """
    settings = json.loads(CDK_JSON.read_text())
    merged = {
        **settings.get("context", {}),
        "aws:cdk:enable-path-metadata": False,
        "aws:cdk:enable-asset-metadata": False,
        "aws:cdk:version-reporting": False,
        **(context or {}),
    }
    return cdk.App(outdir=str(outdir) if outdir else None, context=merged)


@dataclass(frozen=True)
class StageApp:
    """A synthesizable app and its stacks."""

    app: cdk.App
    stage: StageSettings
    storage: StorageStack
    training: TrainingStack
    endpoint: EndpointStack

    @property
    def stacks(self) -> list[cdk.Stack]:
        """The stacks in deployment order."""
        return [self.storage, self.training, self.endpoint]


def build_stage_app(
    app: cdk.App | None = None,
    stage_name: str | None = None,
    overrides: dict[str, str] | None = None,
    config_dir: Path = CONFIG_DIR,
    state_root: Path | None = None,
) -> StageApp:
    """Compose the stacks of a stage; the stage comes from ``stage_name`` or ``-c stage=``."""
    app = app or new_app()
    stage_name = stage_name or app.node.try_get_context("stage") or "dev"
    if overrides is None:
        overrides = {k: app.node.try_get_context(k) for k in OVERRIDE_KEYS}
        overrides = {k: str(v) for k, v in overrides.items() if v is not None}
    stage = load_stage(
        stage_name, overrides=overrides, config_dir=config_dir, state_root=state_root
    )
    kinds = ("training", "inference" if stage.endpoint.engine == "hf" else "lmi")
    for kind in kinds:
        if not region_supported(stage.region, kind):
            raise StageConfigError(f"no {kind} container image listed for {stage.region}")

    env = cdk.Environment(account=stage.account, region=stage.region)
    enable_nag(app)
    storage = StorageStack(
        app,
        naming.stack_name(stage.name, naming.STORAGE),
        stage,
        env=env,
        description=f"quantreason {stage.name}: data and artifacts buckets",
    )
    training = TrainingStack(
        app,
        naming.stack_name(stage.name, naming.TRAINING),
        stage,
        storage,
        env=env,
        description=f"quantreason {stage.name}: training role, code and state machine",
    )
    endpoint = EndpointStack(
        app,
        naming.stack_name(stage.name, naming.ENDPOINT),
        stage,
        storage,
        env=env,
        description=f"quantreason {stage.name}: SageMaker endpoint, autoscaling and alarms",
    )
    for stack in (storage, training, endpoint):
        cdk.Tags.of(stack).add(naming.TAG_PROJECT, naming.PROJECT)
        cdk.Tags.of(stack).add(naming.TAG_STAGE, stage.name)
    return StageApp(app, stage, storage, training, endpoint)
