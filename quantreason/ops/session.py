"""AWS session and clients for the operations CLI, with one retry policy and clear errors.

Every command gets an :class:`OpsContext`: the stage, the resolved region, a boto3 session and
a client cache. Clients share one botocore ``Config`` (standard retry mode, so throttling is
retried with backoff by botocore itself). In ``--dry-run`` mode the context hands out
:class:`~quantreason.ops.recorder.DryRunClient` proxies that record calls and make none.

boto3 is imported inside functions: the core package must import cheaply.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from quantreason.ops.recorder import DryRunClient, DryRunRecorder

#: Standard mode retries throttling and transient errors with exponential backoff and jitter.
RETRY_MODE = "standard"
#: Attempts in all, the first included (botocore's ``total_max_attempts``).
MAX_ATTEMPTS = 8
#: invoke_endpoint can take a while on a cold LLM; SageMaker's own limit is 60 s.
READ_TIMEOUT_S = 70


class OpsError(RuntimeError):
    """An expected failure (no credentials, missing stack, failed job): no traceback shown."""


def botocore_config() -> Any:
    """The one client configuration: retries and timeouts."""
    from botocore.config import Config

    return Config(
        retries={"mode": RETRY_MODE, "total_max_attempts": MAX_ATTEMPTS},
        connect_timeout=10,
        read_timeout=READ_TIMEOUT_S,
        user_agent_extra="quantreason-ops",
    )


def create_client(session: Any, service: str, region: str) -> Any:
    """Create one boto3 client. Tests replace this to hand out Stubber-wrapped clients."""
    return session.client(service, region_name=region, config=botocore_config())


@dataclass
class OpsContext:
    """What every operations command works with."""

    stage: str
    region: str
    session: Any
    dry_run: bool = False
    recorder: DryRunRecorder = field(default_factory=DryRunRecorder)
    #: Seconds between polls and the sleep function (tests pass a no-op).
    poll_s: float = 15.0
    sleep: Callable[[float], None] = time.sleep
    _clients: dict[str, Any] = field(default_factory=dict)

    def client(self, service: str) -> Any:
        """A cached client for ``service`` (a recording proxy in dry-run mode)."""
        if service not in self._clients:
            real = create_client(self.session, service, self.region)
            self._clients[service] = (
                DryRunClient(real, service, self.recorder) if self.dry_run else real
            )
        return self._clients[service]


def build_context(
    stage: str,
    region: str | None = None,
    profile: str | None = None,
    dry_run: bool = False,
    default_region: str | None = None,
) -> OpsContext:
    """Resolve the session and region, checking credentials unless this is a dry run.

    Region: ``--region``, else the stage settings' region (``default_region``), else the
    profile/environment default. A dry run needs no credentials: its clients are built with
    placeholder keys and are only used for their API models (parameter validation).
    """
    import boto3
    from botocore.exceptions import ProfileNotFound

    try:
        session = boto3.Session(profile_name=profile)
    except ProfileNotFound as err:
        raise OpsError(f"AWS profile {profile!r} not found in your AWS config files") from err
    resolved = region or default_region or session.region_name
    if not resolved:
        raise OpsError(
            "no AWS region: pass --region, set `region` in the stage settings, or set "
            "AWS_REGION / a region in your AWS profile"
        )
    if dry_run:
        session = boto3.Session(
            aws_access_key_id="dry-run", aws_secret_access_key="dry-run", region_name=resolved
        )
    elif session.get_credentials() is None:
        raise OpsError(
            "no AWS credentials found: pass --profile NAME, set AWS_PROFILE, or export "
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or use --dry-run to see the calls)"
        )
    return OpsContext(stage=stage, region=resolved, session=session, dry_run=dry_run)


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Turn botocore's expected failures into :class:`OpsError` with a readable message."""
    from botocore.exceptions import (
        BotoCoreError,
        ClientError,
        EndpointConnectionError,
        NoCredentialsError,
        NoRegionError,
        ParamValidationError,
    )

    try:
        yield
    except NoCredentialsError as err:
        raise OpsError("no AWS credentials found: pass --profile or set AWS_PROFILE") from err
    except NoRegionError as err:
        raise OpsError("no AWS region: pass --region") from err
    except EndpointConnectionError as err:
        raise OpsError(f"cannot reach AWS: {err}") from err
    except ParamValidationError as err:
        raise OpsError(f"invalid request parameters: {err}") from err
    except ClientError as err:
        info = err.response.get("Error", {})
        op = err.operation_name
        raise OpsError(f"{op} failed: {info.get('Code', '?')}: {info.get('Message', err)}") from err
    except BotoCoreError as err:
        raise OpsError(str(err)) from err
