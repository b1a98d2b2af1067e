"""The vLLM engine's contract code, without vLLM: validation, prompts, sampling, answer JSON."""

from __future__ import annotations

import json

import pytest
from transformers import AutoTokenizer

from quantreason.generation import encode_prompts
from quantreason.serving.errors import BadRequest, NotAcceptable, PayloadTooLarge
from quantreason.serving.settings import Limits
from quantreason.serving.vllm_engine import answer_bytes, engine_request

LIMITS = Limits(max_batch=2, max_new_tokens_limit=64, default_new_tokens=32)


@pytest.fixture(scope="module")
def tokenizer(tiny_base: str):
    return AutoTokenizer.from_pretrained(tiny_base)


def test_request_becomes_chat_prompts_and_greedy_sampling(tokenizer) -> None:
    body = json.dumps({"inputs": ["What is 2+2?", "Rate?"], "parameters": {"max_new_tokens": 9}})
    built = engine_request(body, "application/json", "*/*", tokenizer, LIMITS)
    assert built.prompts == tuple(encode_prompts(tokenizer, ["What is 2+2?", "Rate?"]))
    assert built.sampling() == {"temperature": 0.0, "max_tokens": 9}
    default = engine_request(b'{"inputs": "q"}', "application/json", None, tokenizer, LIMITS)
    assert default.sampling()["max_tokens"] == 32 and default.request.single


@pytest.mark.parametrize(
    ("body", "accept", "error"),
    [
        (b'{"inputs": ["a", "b", "c"]}', "*/*", PayloadTooLarge),
        (b'{"inputs": "q", "parameters": {"temperature": 1}}', "*/*", BadRequest),
        (b'{"inputs": "q"}', "text/csv", NotAcceptable),
    ],
)
def test_client_mistakes_raise_their_4xx(tokenizer, body, accept, error) -> None:
    with pytest.raises(error):
        engine_request(body, "application/json", accept, tokenizer, LIMITS)


def test_completions_become_the_answer_json(tokenizer) -> None:
    request = engine_request(b'{"inputs": "q"}', "application/json", None, tokenizer, LIMITS)
    completion = "Reasoning: fall over peak.\nFormula: (137-177)/177*100\nAnswer: -22.6 %\n"
    record = json.loads(
        answer_bytes(request.request, [completion], tokenizer, model="m", adapter="a")
    )
    assert record["answer"] == pytest.approx(-22.59887, rel=1e-5)
    assert record["unit"] == "percent"
    assert record["completion"] == completion.strip()
    assert (record["model"], record["adapter"]) == ("m", "a")
    with pytest.raises(ValueError, match="2 completions for 1 questions"):
        answer_bytes(request.request, ["a", "b"], tokenizer, model="m", adapter=None)
