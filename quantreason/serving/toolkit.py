"""One invocation as the SageMaker Hugging Face inference toolkit delivers it.

The toolkit answers 400 to every exception a handler raises, so :func:`answer_invocation`
never raises for a request: it returns the status, reason and body, and the entry point
(``inference/code/inference.py``) sets that status on the model server's context. The limits
come from the predictor (read from the environment once, at load), not from a module global.

Batching across requests: the toolkit's handler service reads only the first request of what
the model server hands it (``data[0]``), so the model server's own batching (MMS
``batch_size`` / ``max_batch_delay``) cannot be used with it, and each model-server worker
answers one request at a time. Within a request, its questions are generated together by the
predictor's batcher. Batching across requests in the cloud is the vLLM engine's job (see the
README, "Serving at scale").
"""

from __future__ import annotations

from typing import NamedTuple

from quantreason.serving.errors import ServingError
from quantreason.serving.predictor import Predictor
from quantreason.serving.protocol import check_accept, error_body, parse_request


class Reply(NamedTuple):
    """What the model server sends back."""

    status: int
    reason: str
    body: bytes


def answer_invocation(
    predictor: Predictor, body: bytes | str, content_type: str | None, accept: str | None
) -> Reply:
    """The reply to one request: 200 with the answers, or the error's own status and JSON."""
    try:
        check_accept(accept)
        request = parse_request(body, content_type, predictor.settings.limits)
        return Reply(200, "OK", predictor.predict_bytes(request))
    except ServingError as err:
        return Reply(err.status, err.reason, error_body(err))
