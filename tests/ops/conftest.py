"""Fixtures for the operations CLI: fake credentials, moto, Stubber clients, fake stacks.

Nothing here reaches the network: moto answers at botocore's send step, Stubber before it,
and instance metadata (the last link of the credential chain) is disabled.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from botocore.stub import Stubber
from ops_helpers import REGION

from quantreason.ops import session as ops_session
from quantreason.ops.session import OpsContext, build_context


@pytest.fixture(autouse=True)
def isolated_aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """No real credentials or config files; never ask instance metadata."""
    for var in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.delenv("AWS_ACCESS_KEY_ID", raising=False)
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY", raising=False)
    # Keep the repository's config/stages and state/ out of reach of the tests.
    monkeypatch.setattr("quantreason.stages.CONFIG_DIR", tmp_path / "config")
    monkeypatch.setattr("quantreason.stages.STATE_DIR", tmp_path / "state")


@pytest.fixture
def fake_creds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials that only moto and the Stubber accept."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")


@pytest.fixture
def moto(fake_creds: None) -> Iterator[None]:
    """All AWS services mocked by moto for the test."""
    from moto import mock_aws

    with mock_aws():
        yield


@pytest.fixture
def ctx(moto: None) -> OpsContext:
    """A context for stage dev that never sleeps between polls."""
    context = build_context("dev", REGION)
    context.poll_s = 0
    context.sleep = lambda seconds: None
    return context


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``stub("sagemaker")`` gives a Stubber whose client every new context will use."""
    stubbers: dict[str, Stubber] = {}
    real_create = ops_session.create_client

    def create(session: Any, service: str, region: str) -> Any:
        client = real_create(session, service, region)
        if service in stubbers:
            return stubbers[service].client
        return client

    def make(service: str) -> Stubber:
        import boto3

        client = boto3.Session().client(
            service, region_name=REGION, config=ops_session.botocore_config()
        )
        stubbers[service] = Stubber(client)
        stubbers[service].activate()
        return stubbers[service]

    monkeypatch.setattr(ops_session, "create_client", create)
    yield make
    for stubber in stubbers.values():
        stubber.assert_no_pending_responses()


@pytest.fixture(scope="session", autouse=True)
def shared_botocore_loader() -> Iterator[None]:
    """One botocore data loader for the whole run: each test builds fresh sessions, and
    re-reading the large SageMaker API model for each of them is most of the suite's time."""
    import botocore.loaders
    import botocore.session

    loaders: dict[Any, Any] = {}
    real = botocore.loaders.create_loader

    def shared(search_path_string: Any = None) -> Any:
        if search_path_string not in loaders:
            loaders[search_path_string] = real(search_path_string)
        return loaders[search_path_string]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(botocore.session, "create_loader", shared)
        yield
