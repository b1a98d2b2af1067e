"""``quantreason aws invoke``: ask the deployed endpoint a question, get its JSON answer."""

from __future__ import annotations

import json
from typing import Any

from quantreason.ops.deploy import endpoint_name
from quantreason.ops.session import OpsContext, OpsError

CONTENT_TYPE = "application/json"


def request_body(questions: list[str], max_new_tokens: int | None = None) -> dict[str, Any]:
    """The serving contract's request: one question as a string, several as a list."""
    cleaned = [q.strip() for q in questions]
    if not cleaned or any(not q for q in cleaned):
        raise OpsError("give at least one non-empty question")
    body: dict[str, Any] = {"inputs": cleaned[0] if len(cleaned) == 1 else cleaned}
    if max_new_tokens is not None:
        if max_new_tokens <= 0:
            raise OpsError("--max-new-tokens must be positive")
        body["parameters"] = {"max_new_tokens": max_new_tokens}
    return body


def invoke(
    ctx: OpsContext,
    questions: list[str],
    max_new_tokens: int | None = None,
    endpoint: str | None = None,
) -> Any:
    """Send the questions; return the decoded JSON reply (None in a dry run).

    A 4xx/5xx from the model container arrives as ``ModelError``: its original status and
    message are what a user needs, so they are lifted into the error.
    """
    from botocore.exceptions import ClientError

    body = request_body(questions, max_new_tokens)
    name = endpoint_name(ctx, endpoint)
    try:
        response = ctx.client("sagemaker-runtime").invoke_endpoint(
            EndpointName=name,
            ContentType=CONTENT_TYPE,
            Accept=CONTENT_TYPE,
            Body=json.dumps(body).encode(),
        )
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "ModelError":
            raise
        status = err.response.get("OriginalStatusCode", "?")
        message = err.response.get("OriginalMessage") or err.response["Error"].get("Message")
        raise OpsError(f"endpoint {name} answered {status}: {message}") from None
    if "Body" not in response:
        return None
    raw = response["Body"].read()
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        raise OpsError(f"endpoint {name} returned non-JSON: {raw[:200]!r}") from None
