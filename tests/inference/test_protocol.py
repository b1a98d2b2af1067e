"""Request validation: every client mistake maps to its documented 4xx."""

from __future__ import annotations

import json

import pytest

from quantreason.serving.errors import (
    BadRequest,
    NotAcceptable,
    PayloadTooLarge,
    UnsupportedMediaType,
)
from quantreason.serving.protocol import InferenceRequest, check_accept, parse_request
from quantreason.serving.settings import Limits

LIMITS = Limits(max_body_bytes=4096, max_question_chars=100, max_batch=3)
JSON = "application/json"


def body(document: object) -> bytes:
    return json.dumps(document).encode()


def test_single_question_with_defaults() -> None:
    request = parse_request(body({"inputs": "  What is 2+2?  "}), JSON, LIMITS)
    assert request == InferenceRequest(("What is 2+2?",), True, LIMITS.default_new_tokens)


def test_batch_and_parameters_and_charset() -> None:
    document = {"inputs": ["a?", "b?"], "parameters": {"max_new_tokens": 7}}
    request = parse_request(json.dumps(document), "Application/JSON; charset=utf-8", LIMITS)
    assert request.questions == ("a?", "b?")
    assert not request.single
    assert request.max_new_tokens == 7


@pytest.mark.parametrize(
    ("raw", "content_type", "error"),
    [
        (b'{"inputs": "q"}', "text/plain", UnsupportedMediaType),
        (b'{"inputs": "q"}', None, UnsupportedMediaType),
        (b'{"inputs": "q"', JSON, BadRequest),
        (b"\xff\xfe", JSON, BadRequest),
        (b"[" * 1500 + b"]" * 1500, JSON, BadRequest),
        (b"x" * 5000, JSON, PayloadTooLarge),
        (body(["q"]), JSON, BadRequest),
        (body({"question": "q"}), JSON, BadRequest),
        (body({"inputs": "q", "extra": 1}), JSON, BadRequest),
        (body({"inputs": "   "}), JSON, BadRequest),
        (body({"inputs": []}), JSON, BadRequest),
        (body({"inputs": 3}), JSON, BadRequest),
        (body({"inputs": ["q", None]}), JSON, BadRequest),
        (body({"inputs": "q" * 101}), JSON, PayloadTooLarge),
        (body({"inputs": ["q"] * 4}), JSON, PayloadTooLarge),
        (body({"inputs": "q", "parameters": []}), JSON, BadRequest),
        (body({"inputs": "q", "parameters": {"temperature": 0.7}}), JSON, BadRequest),
        (body({"inputs": "q", "parameters": {"max_new_tokens": 0}}), JSON, BadRequest),
        (body({"inputs": "q", "parameters": {"max_new_tokens": 10_000}}), JSON, BadRequest),
        (body({"inputs": "q", "parameters": {"max_new_tokens": True}}), JSON, BadRequest),
        (body({"inputs": "q", "parameters": {"max_new_tokens": 5.0}}), JSON, BadRequest),
    ],
)
def test_client_mistakes(raw: bytes, content_type: str | None, error: type) -> None:
    with pytest.raises(error) as caught:
        parse_request(raw, content_type, LIMITS)
    assert 400 <= caught.value.status < 500
    assert caught.value.to_json()["error"]["message"]


def test_accept() -> None:
    check_accept(None)
    check_accept("application/json")
    check_accept("text/html, */*;q=0.1")
    with pytest.raises(NotAcceptable):
        check_accept("text/csv")


def test_limits_from_env() -> None:
    limits = Limits.from_env({"QUANTREASON_MAX_BATCH": "5", "UNRELATED": "x"})
    assert limits.max_batch == 5
    assert limits.max_question_chars == Limits().max_question_chars
    with pytest.raises(ValueError, match="QUANTREASON_MAX_BATCH"):
        Limits.from_env({"QUANTREASON_MAX_BATCH": "many"})
    with pytest.raises(ValueError, match="max_batch"):
        Limits(max_batch=0)
