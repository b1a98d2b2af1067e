"""LMI container formatters (engine ``lmi-vllm``): our JSON contract around its vLLM backend.

DJL Serving scans ``model.py`` for ``@input_formatter`` / ``@output_formatter`` (in the model
directory, or in an adapter's directory for requests to that adapter). Thin: the logic, and
the assumptions about the formatter API (LMI 0.38.0), are in
``quantreason.serving.vllm_engine``; ``code/`` beside this file holds the vendored
``quantreason`` package, as in the toolkit archive.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE / "code"))  # our core modules (quantreason.packaging)
sys.path.append(str(_HERE / "code" / "lib"))  # vendored packages: the image's own win

from djl_python.input_parser import input_formatter  # noqa: E402  (after the paths)
from djl_python.output_formatter import output_formatter  # noqa: E402

import quantreason  # noqa: E402
from quantreason.serving.settings import Limits  # noqa: E402
from quantreason.serving.vllm_engine import (  # noqa: E402
    check_shared_code,
    lmi_answer,
    lmi_payload,
)

# Every adapter's model.py runs in one process, with the quantreason imported first.
check_shared_code(Path(quantreason.__file__).parent, _HERE / "code" / "quantreason")

LIMITS = Limits.from_env()
MODEL = os.environ.get("HF_MODEL_ID", "base")
ADAPTER = _HERE.name  # adapter-level model.py: its directory
_tokenizer = []  # the engine's tokenizer, kept from the first request (counts output tokens)


@input_formatter
def quantreason_input(decoded_payload: dict, tokenizer=None, **kwargs) -> dict:
    """Validate our request (4xx on a client's mistake) and build the chat prompt."""
    if tokenizer is not None and not _tokenizer:
        _tokenizer.append(tokenizer)
    return lmi_payload(decoded_payload, tokenizer, LIMITS)


@output_formatter
def quantreason_output(response_data):
    """The completion through our formula evaluator: the same answer JSON as engine hf."""
    return lmi_answer(response_data, _tokenizer[0], model=MODEL, adapter=ADAPTER)
