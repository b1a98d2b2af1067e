"""The wire contract: parsing a request body, checking ``Accept``, encoding JSON replies.

A request is ``application/json``::

    {"inputs": "<question>" | ["q1", "q2", ...], "parameters": {"max_new_tokens": 128}}

Its limits (body size, question length, questions per request, ``max_new_tokens``) are
:class:`quantreason.serving.settings.Limits`; one over a limit is a 413 (a 400 for
``max_new_tokens``). Any other mistake of the client is a 400 (malformed JSON, unknown or
mistyped field, empty question), a content type other than JSON is a 415 and an ``Accept``
other than JSON a 406.
Every error is a :class:`quantreason.serving.errors.ServingError` carrying its HTTP status.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from quantreason.serving.errors import (
    BadRequest,
    NotAcceptable,
    PayloadTooLarge,
    ServingError,
    UnsupportedMediaType,
)
from quantreason.serving.settings import Limits

JSON_CONTENT_TYPE = "application/json"
ALLOWED_PARAMETERS = frozenset({"max_new_tokens"})
ALLOWED_FIELDS = frozenset({"inputs", "parameters"})


@dataclass(frozen=True)
class InferenceRequest:
    """A validated request: one or more questions and the generation budget."""

    questions: tuple[str, ...]
    single: bool  # "inputs" was one string: answer with one object, not a list
    max_new_tokens: int


def media_type(header: str | None) -> str:
    """``'Application/JSON; charset=utf-8'`` -> ``'application/json'``; missing -> ``''``."""
    return (header or "").split(";", 1)[0].strip().lower()


def check_accept(accept: str | None) -> None:
    """Raise :class:`NotAcceptable` unless the client accepts JSON (missing means anything)."""
    if not accept:
        return
    accepted = {media_type(part) for part in accept.split(",")}
    if accepted & {JSON_CONTENT_TYPE, "*/*", "application/*"}:
        return
    raise NotAcceptable(f"responses are {JSON_CONTENT_TYPE}; Accept was {accept!r}")


def parse_request(
    body: bytes | bytearray | str, content_type: str | None, limits: Limits
) -> InferenceRequest:
    """Validate a raw request body; raise a :class:`ServingError` subclass on any mistake."""
    if media_type(content_type) != JSON_CONTENT_TYPE:
        raise UnsupportedMediaType(
            f"content type must be {JSON_CONTENT_TYPE}, got {content_type or 'none'!r}"
        )
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    if len(raw) > limits.max_body_bytes:
        raise PayloadTooLarge(f"request body over {limits.max_body_bytes} bytes")
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("request body is not UTF-8") from None
    except json.JSONDecodeError as err:
        raise BadRequest(f"malformed JSON: {err.msg} at position {err.pos}") from None
    except RecursionError:  # deeply nested arrays: json gives up before our size limit does
        raise BadRequest("malformed JSON: nested too deeply") from None
    if not isinstance(document, dict):
        raise BadRequest('body must be a JSON object like {"inputs": "<question>"}')
    unknown = sorted(set(document) - ALLOWED_FIELDS)
    if unknown:
        raise BadRequest(f"unknown fields {unknown}; allowed: {sorted(ALLOWED_FIELDS)}")
    if "inputs" not in document:
        raise BadRequest('missing field "inputs" (a question or a list of questions)')
    questions, single = _questions(document["inputs"], limits)
    max_new_tokens = _max_new_tokens(document.get("parameters"), limits)
    return InferenceRequest(questions=questions, single=single, max_new_tokens=max_new_tokens)


def _questions(inputs: object, limits: Limits) -> tuple[tuple[str, ...], bool]:
    single = isinstance(inputs, str)
    items = [inputs] if single else inputs
    if not isinstance(items, list):
        raise BadRequest('"inputs" must be a string or a list of strings')
    if not items:
        raise BadRequest('"inputs" must not be an empty list')
    if len(items) > limits.max_batch:
        raise PayloadTooLarge(f"{len(items)} questions in one request; at most {limits.max_batch}")
    questions: list[str] = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise BadRequest(f'"inputs"[{index}] must be a string, got {type(item).__name__}')
        question = item.strip()
        if not question:
            raise BadRequest(f'"inputs"[{index}] is empty')
        if len(question) > limits.max_question_chars:
            raise PayloadTooLarge(
                f'"inputs"[{index}] has {len(question)} characters; '
                f"at most {limits.max_question_chars}"
            )
        questions.append(question)
    return tuple(questions), single


def _max_new_tokens(parameters: object, limits: Limits) -> int:
    if parameters is None:
        return limits.default_new_tokens
    if not isinstance(parameters, dict):
        raise BadRequest('"parameters" must be an object')
    unknown = sorted(set(parameters) - ALLOWED_PARAMETERS)
    if unknown:
        # Generation is greedy by design (same request -> same bytes): no sampling knobs.
        raise BadRequest(f"unsupported parameters {unknown}; allowed: {sorted(ALLOWED_PARAMETERS)}")
    value = parameters.get("max_new_tokens", limits.default_new_tokens)
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadRequest('"max_new_tokens" must be an integer')
    if not 1 <= value <= limits.max_new_tokens_limit:
        raise BadRequest(f'"max_new_tokens" must be between 1 and {limits.max_new_tokens_limit}')
    return value


def encode_json(document: object) -> bytes:
    """Deterministic compact JSON bytes (sorted keys; NaN/inf rejected)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def error_body(error: ServingError) -> bytes:
    """JSON bytes of an error response."""
    return encode_json(error.to_json())


def request_body(questions: str | list[str], max_new_tokens: int | None = None) -> bytes:
    """A client's request: one question as a string, several as a list (bench, ``aws invoke``)."""
    document: dict[str, object] = {"inputs": questions}
    if max_new_tokens is not None:
        document["parameters"] = {"max_new_tokens": max_new_tokens}
    return json.dumps(document).encode()
