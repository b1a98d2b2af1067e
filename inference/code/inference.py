"""SageMaker entry point (Hugging Face inference toolkit contract); all logic is in the core.

``model.tar.gz`` holds the LoRA adapter at its root and this file under ``code/`` beside the
core modules it imports (``code/quantreason/``) and the vendored packages the DLC lacks
(``code/lib/``, when any); the toolkit puts ``code/`` on ``sys.path``, this file adds ``lib``.
The base model is the local path in ``QUANTREASON_BASE_MODEL``: ``/opt/ml/model/base``, the
staged weights SageMaker copied beside the adapter (never ``HF_MODEL_ID``: with it set, the
toolkit would download and serve the hub model instead of this model directory).

Errors keep their status: the toolkit answers 400 to every exception a handler raises, so
these functions never raise for a request. ``input_fn`` and ``predict_fn`` pass a
``ServingError`` along as a value and ``output_fn`` writes its JSON body and sets its status
(4xx for a client's mistake, 500 for ours) on the model server's context.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# Packages the DLC lacks are vendored in code/lib (quantreason.packaging): appended, so the
# image's own packages always win and nothing is installed at start.
_VENDORED = Path(__file__).resolve().parent / "lib"
if _VENDORED.is_dir() and str(_VENDORED) not in sys.path:
    sys.path.append(str(_VENDORED))

from quantreason.serving.handler import (  # noqa: E402  (after the path set-up above)
    Predictor,
    encode_json,
    error_body,
    load_predictor,
)
from quantreason.serving.requests import (  # noqa: E402
    Limits,
    ServingError,
    check_accept,
    parse_request,
)

log = logging.getLogger(__name__)

# Set by model_fn from the settings it read from the environment (once, at load).
_limits: Limits | None = None


def model_fn(model_dir, context=None):
    """Load base model + adapter from ``model_dir``, merge, warm up (settings from env)."""
    global _limits
    predictor = load_predictor(model_dir)
    _limits = predictor.settings.limits
    return predictor


def input_fn(input_data, content_type, context=None):
    """Validated request, or the ServingError describing what is wrong with it."""
    try:
        return parse_request(input_data, content_type, _limits or Limits.from_env())
    except ServingError as err:
        return err


def predict_fn(data, model: Predictor, context=None):
    """Answer bytes for a valid request; errors pass through unchanged."""
    if isinstance(data, ServingError):
        return data
    try:
        return model.predict_bytes(data)
    except ServingError as err:
        return err


def output_fn(prediction, accept, context=None):
    """Response bytes; sets the HTTP status on the context for errors."""
    if not isinstance(prediction, ServingError):
        try:
            check_accept(accept)
        except ServingError as err:
            prediction = err
    if isinstance(prediction, ServingError):
        if context is not None:
            context.set_response_status(prediction.status, prediction.reason)
        return error_body(prediction)
    return prediction if isinstance(prediction, bytes) else encode_json(prediction)
