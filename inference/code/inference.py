"""SageMaker entry point (Hugging Face inference toolkit contract); all logic is in the core.

``model.tar.gz`` holds the LoRA adapter at its root and this file under ``code/`` beside the
core modules it imports (``code/quantreason/``) and the vendored packages the DLC lacks
(``code/lib/``, when any); the toolkit puts ``code/`` on ``sys.path``, this file adds ``lib``.
The base model is the local path in ``QUANTREASON_BASE_MODEL``: ``/opt/ml/model/base``, the
staged weights SageMaker copied beside the adapter (never ``HF_MODEL_ID``: with it set, the
toolkit would download and serve the hub model instead of this model directory).

Errors keep their status: the toolkit answers 400 to every exception a handler raises, so
``transform_fn`` never raises for a request; it sets the status of the reply (4xx for a
client's mistake, 500 for ours, 503 when overloaded) on the model server's context. The
request limits live on the model object the toolkit passes to every call: no module state.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Packages the DLC lacks are vendored in code/lib (quantreason.packaging): appended, so the
# image's own packages always win and nothing is installed at start.
_VENDORED = Path(__file__).resolve().parent / "lib"
if _VENDORED.is_dir() and str(_VENDORED) not in sys.path:
    sys.path.append(str(_VENDORED))

from quantreason.serving.predictor import Predictor, load_predictor  # noqa: E402  (after lib)
from quantreason.serving.toolkit import answer_invocation  # noqa: E402


def model_fn(model_dir, context=None) -> Predictor:
    """Load base model + adapter from ``model_dir``, merge, warm up (settings from env)."""
    return load_predictor(model_dir)


def transform_fn(model: Predictor, input_data, content_type, accept, context=None) -> bytes:
    """Response bytes for one request; sets the HTTP status on the context for errors."""
    reply = answer_invocation(model, input_data, content_type, accept)
    if reply.status != 200 and context is not None:
        context.set_response_status(reply.status, reply.reason)
    return reply.body
