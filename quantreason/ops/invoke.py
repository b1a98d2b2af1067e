"""``quantreason aws invoke``: ask the deployed endpoint a question, get its JSON answer.

``component``: the adapter's inference component (``quantreason-<stage>-<name>``), for an
endpoint that hosts components. A stage that scales to zero answers the first request after
an idle spell with a "no capacity" ``ValidationError`` while its first copy provisions (AWS
documents that requests fail during those minutes); ``invoke`` waits and retries that case a
bounded number of times, saying so, and fails with a clear message after the last.
"""

from __future__ import annotations

import json
from typing import Any

from quantreason import naming
from quantreason.ops.deploy import endpoint_name
from quantreason.ops.session import OpsContext, OpsError
from quantreason.serving.invokers import EndpointError, SageMakerInvoker
from quantreason.serving.protocol import request_body

#: Waiting for the first copy after scale-to-zero: attempts x wait (~10 minutes in all).
NO_CAPACITY_ATTEMPTS = 20
NO_CAPACITY_WAIT_S = 30.0


def is_no_capacity(err: Exception) -> bool:
    """Whether ``err`` is SageMaker's answer while a component has no copy (scaled to zero)."""
    from botocore.exceptions import ClientError

    if not isinstance(err, ClientError):
        return False
    error = err.response.get("Error", {})
    return (
        error.get("Code") == "ValidationError"
        and "capacity" in str(error.get("Message", "")).lower()
    )


def invoke(
    ctx: OpsContext,
    questions: list[str],
    max_new_tokens: int | None = None,
    endpoint: str | None = None,
    component: str | None = None,
    *,
    attempts: int = NO_CAPACITY_ATTEMPTS,
    wait_s: float = NO_CAPACITY_WAIT_S,
    notify: Any = None,
) -> Any:
    """Send the questions; return the decoded JSON reply (None in a dry run).

    A 4xx/5xx from the model container arrives as ``ModelError``: its original status and
    message are what a user needs, so they are lifted into the error. ``component`` names an
    adapter component by its short name; "no capacity" answers are retried ``attempts``
    times, ``wait_s`` apart (``notify(message)`` hears about each wait).
    """
    from botocore.exceptions import ClientError

    cleaned = [q.strip() for q in questions]
    if not cleaned or any(not q for q in cleaned):
        raise OpsError("give at least one non-empty question")
    if max_new_tokens is not None and max_new_tokens <= 0:
        raise OpsError("--max-new-tokens must be positive")
    name = endpoint_name(ctx, endpoint)
    full_component = naming.component_name(name, component) if component else None
    invoker = SageMakerInvoker(
        name, client=ctx.client("sagemaker-runtime"), component=full_component
    )
    body = request_body(cleaned[0] if len(cleaned) == 1 else cleaned, max_new_tokens)
    where = f"{name} ({full_component})" if full_component else name
    for attempt in range(1, attempts + 1):
        try:
            raw = invoker.call(body)
            break
        except EndpointError as err:
            raise OpsError(
                f"endpoint {where} answered {err.status or '?'}: {err.message}"
            ) from None
        except ClientError as err:
            if not is_no_capacity(err):
                raise
            if attempt == attempts:
                raise OpsError(
                    f"endpoint {where} still has no copy to answer after {attempts} attempts "
                    f"{wait_s:g} s apart (scaled to zero; the wake-up alarm adds one): check "
                    "'quantreason aws status' and retry"
                ) from None
            if notify is not None:
                notify(
                    f"{where} has no copy yet (scaled to zero; the first copy takes minutes "
                    f"to provision): retrying in {wait_s:g} s ({attempt}/{attempts - 1})"
                )
            ctx.sleep(wait_s)
    if not raw:  # a dry run records the call and returns no body
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        raise OpsError(f"endpoint {name} returned non-JSON: {raw[:200]!r}") from None
