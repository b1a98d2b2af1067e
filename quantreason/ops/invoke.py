"""``quantreason aws invoke``: ask the deployed endpoint a question, get its JSON answer."""

from __future__ import annotations

import json
from typing import Any

from quantreason.ops.deploy import endpoint_name
from quantreason.ops.session import OpsContext, OpsError
from quantreason.serving.invokers import EndpointError, SageMakerInvoker
from quantreason.serving.protocol import request_body


def invoke(
    ctx: OpsContext,
    questions: list[str],
    max_new_tokens: int | None = None,
    endpoint: str | None = None,
    component: str | None = None,
) -> Any:
    """Send the questions; return the decoded JSON reply (None in a dry run).

    A 4xx/5xx from the model container arrives as ``ModelError``: its original status and
    message are what a user needs, so they are lifted into the error.
    """
    cleaned = [q.strip() for q in questions]
    if not cleaned or any(not q for q in cleaned):
        raise OpsError("give at least one non-empty question")
    if max_new_tokens is not None and max_new_tokens <= 0:
        raise OpsError("--max-new-tokens must be positive")
    name = endpoint_name(ctx, endpoint)
    invoker = SageMakerInvoker(name, client=ctx.client("sagemaker-runtime"), component=component)
    body = request_body(cleaned[0] if len(cleaned) == 1 else cleaned, max_new_tokens)
    try:
        raw = invoker.call(body)
    except EndpointError as err:
        raise OpsError(f"endpoint {name} answered {err.status or '?'}: {err.message}") from None
    if not raw:  # a dry run records the call and returns no body
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        raise OpsError(f"endpoint {name} returned non-JSON: {raw[:200]!r}") from None
