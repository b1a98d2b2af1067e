"""Sending one request to an endpoint: the local server over HTTP, or SageMaker's runtime API.

``SageMakerInvoker`` is the one place that calls ``invoke_endpoint``: the load benchmark uses
it as a ``(status, body)`` callable, ``quantreason aws invoke`` through its ``call`` method,
which raises :class:`EndpointError` with the container's own status when the model answered an
error (``ModelError``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from quantreason.serving.protocol import JSON_CONTENT_TYPE

log = logging.getLogger(__name__)

Invoke = Callable[[bytes], tuple[int, bytes]]
REQUEST_TIMEOUT_S = 300.0


class EndpointError(Exception):
    """The model container answered with an error status (arrives as ``ModelError``)."""

    def __init__(self, status: int | None, message: str) -> None:
        super().__init__(f"{status or '?'}: {message}")
        self.status = status
        self.message = message


def _error_json(message: str) -> bytes:
    return json.dumps({"error": message}).encode()


class HttpInvoker:
    """POST to ``<url>/invocations``; (status, body); transport failures are status 0."""

    def __init__(self, url: str, timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        import httpx

        logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request: noise
        self.url = url.rstrip("/") + "/invocations"
        self.client = httpx.Client(timeout=timeout_s, limits=httpx.Limits(max_connections=64))

    def __call__(self, body: bytes) -> tuple[int, bytes]:
        import httpx

        headers = {"content-type": JSON_CONTENT_TYPE, "accept": JSON_CONTENT_TYPE}
        try:
            response = self.client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as err:
            return 0, _error_json(repr(err))
        return response.status_code, response.content

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()


class SageMakerInvoker:
    """``invoke_endpoint`` on a deployed endpoint (optionally one inference component)."""

    def __init__(
        self,
        endpoint_name: str,
        client: Any = None,
        region: str | None = None,
        component: str | None = None,
    ) -> None:
        if client is None:
            import boto3

            client = boto3.client("sagemaker-runtime", region_name=region)
        self.client = client
        self.endpoint_name = endpoint_name
        self.component = component

    def call(self, body: bytes) -> bytes:
        """The response body; :class:`EndpointError` when the container answered an error.

        Other ``ClientError``/``BotoCoreError`` (no such endpoint, throttling, no network)
        propagate unchanged.
        """
        from botocore.exceptions import ClientError

        extra = {"InferenceComponentName": self.component} if self.component else {}
        try:
            response = self.client.invoke_endpoint(
                EndpointName=self.endpoint_name,
                ContentType=JSON_CONTENT_TYPE,
                Accept=JSON_CONTENT_TYPE,
                Body=body,
                **extra,
            )
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") != "ModelError":
                raise
            # ModelError carries the container's own status (e.g. 413) as OriginalStatusCode.
            original = err.response.get("OriginalStatusCode")
            status = int(original) if original else None
            message = err.response.get("OriginalMessage") or err.response["Error"].get("Message")
            raise EndpointError(status, str(message)) from None
        return response["Body"].read() if "Body" in response else b""

    def __call__(self, body: bytes) -> tuple[int, bytes]:
        """(status, body) for the benchmark: every failure is a status, never an exception."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return 200, self.call(body)
        except EndpointError as err:
            return err.status or 0, _error_json(f"ModelError: {err.message}")
        except ClientError as err:
            status = err.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
            return int(status), _error_json(str(err))
        except BotoCoreError as err:
            return 0, _error_json(str(err))

    def close(self) -> None:
        """Nothing to release (boto3 clients pool connections themselves)."""
