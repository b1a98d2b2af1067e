"""Parsing and validating an inference request against documented limits.

A request is ``application/json``::

    {"inputs": "<question>" | ["q1", "q2", ...], "parameters": {"max_new_tokens": 128}}

Limits (defaults; each can be changed with the environment variable in brackets, read once
when the model loads):

==========================  =======  ==========================================  ======
limit                       default  environment variable                        status
==========================  =======  ==========================================  ======
request body size (bytes)   65536    ``QUANTREASON_MAX_BODY_BYTES``              413
characters per question     2000     ``QUANTREASON_MAX_QUESTION_CHARS``          413
questions per request       16       ``QUANTREASON_MAX_BATCH``                   413
``max_new_tokens`` range    1..256   ``QUANTREASON_MAX_NEW_TOKENS_LIMIT``        400
``max_new_tokens`` default  128      ``QUANTREASON_DEFAULT_NEW_TOKENS``          n/a
==========================  =======  ==========================================  ======

Any other mistake of the client is a 400 (malformed JSON, unknown or mistyped field, empty
question), a content type other than JSON is a 415 and an ``Accept`` other than JSON a 406.
Every error is a :class:`ServingError` carrying its HTTP status, so that no front end has to
guess it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass

from quantreason.generation import DEFAULT_MAX_NEW_TOKENS

JSON_CONTENT_TYPE = "application/json"
ALLOWED_PARAMETERS = frozenset({"max_new_tokens"})
ALLOWED_FIELDS = frozenset({"inputs", "parameters"})


class ServingError(Exception):
    """An error with the HTTP status it must be answered with."""

    status = 500
    reason = "Internal Server Error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_json(self) -> dict[str, object]:
        """The JSON body of the error response."""
        return {"error": {"status": self.status, "type": self.reason, "message": self.message}}


class BadRequest(ServingError):
    """The client sent something we cannot read or that breaks a rule (400)."""

    status = 400
    reason = "Bad Request"


class NotAcceptable(ServingError):
    """The client asked for a response type other than JSON (406)."""

    status = 406
    reason = "Not Acceptable"


class PayloadTooLarge(ServingError):
    """Body, question or batch over its documented limit (413)."""

    status = 413
    reason = "Payload Too Large"


class UnsupportedMediaType(ServingError):
    """Content type other than ``application/json`` (415)."""

    status = 415
    reason = "Unsupported Media Type"


class InternalError(ServingError):
    """A fault of ours (500): never reported as a client mistake."""

    status = 500
    reason = "Internal Server Error"


class Overloaded(ServingError):
    """The bounded queue is full or the model is not loaded yet (503): retry later."""

    status = 503
    reason = "Service Unavailable"


@dataclass(frozen=True)
class Limits:
    """Documented request limits (see the module docstring)."""

    max_body_bytes: int = 65536
    max_question_chars: int = 2000
    max_batch: int = 16
    max_new_tokens_limit: int = 256
    default_new_tokens: int = DEFAULT_MAX_NEW_TOKENS

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"limit {name} must be a positive integer, got {value!r}")
        if self.default_new_tokens > self.max_new_tokens_limit:
            raise ValueError("default_new_tokens must not exceed max_new_tokens_limit")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Defaults overridden by ``QUANTREASON_<LIMIT NAME>`` environment variables."""
        environ = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name in cls.__dataclass_fields__:
            key = f"QUANTREASON_{name.upper()}"
            if key in environ:
                try:
                    values[name] = int(environ[key])
                except ValueError:
                    raise ValueError(f"{key} must be an integer, got {environ[key]!r}") from None
        return cls(**values)


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
