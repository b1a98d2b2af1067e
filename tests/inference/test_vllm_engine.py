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


def test_lmi_payload_is_one_greedy_prompt_in_lmis_schema(tokenizer) -> None:
    from quantreason.serving.vllm_engine import lmi_payload

    payload = lmi_payload(
        {"inputs": "Rate?", "parameters": {"max_new_tokens": 9}}, tokenizer, LIMITS
    )
    assert payload == {
        "inputs": encode_prompts(tokenizer, ["Rate?"])[0],
        # The prompt carries the chat template's own BOS (Mistral's writes one): vLLM must not
        # add a second.
        "parameters": {"max_new_tokens": 9, "do_sample": False, "add_special_tokens": False},
    }
    # The toolkit's 4xx rules hold; a list is refused (LMI's rolling batch: one prompt each).
    with pytest.raises(BadRequest, match="one question per request"):
        lmi_payload({"inputs": ["a", "b"]}, tokenizer, LIMITS)
    with pytest.raises(BadRequest):
        lmi_payload({"inputs": "q", "parameters": {"temperature": 1}}, tokenizer, LIMITS)
    with pytest.raises(BadRequest, match="between 1 and 64"):
        lmi_payload({"inputs": "q", "parameters": {"max_new_tokens": 65}}, tokenizer, LIMITS)
    with pytest.raises(PayloadTooLarge):
        lmi_payload({"inputs": "x" * 2001}, tokenizer, LIMITS)


class _Choice:
    def __init__(self, text: str) -> None:
        self.text = text


class _Completion:  # the shape of an OpenAI-style completion response (attributes)
    def __init__(self, text: str) -> None:
        self.choices = [_Choice(text)]


@pytest.mark.parametrize(
    "wrap",
    [
        lambda t: {"generated_text": t},
        lambda t: {"choices": [{"text": t}]},
        lambda t: {"choices": [{"message": {"content": t}}]},
        _Completion,
    ],
)
def test_lmi_answer_runs_the_formula_evaluator(tokenizer, wrap) -> None:
    from quantreason.serving.vllm_engine import lmi_answer

    completion = "Reasoning: fall over peak.\nFormula: (137-177)/177*100\nAnswer: -22.6 %\n"
    record = lmi_answer(wrap(completion), tokenizer, model="m", adapter="rates")
    assert record["answer"] == pytest.approx(-22.59887, rel=1e-5)
    assert record["formula"] == "(137-177)/177*100"
    assert record["adapter"] == "rates"
    assert record["output_tokens"] == len(
        tokenizer(completion.strip(), add_special_tokens=False)["input_ids"]
    )


def test_lmi_answer_refuses_a_response_without_text(tokenizer) -> None:
    from quantreason.serving.vllm_engine import lmi_answer

    with pytest.raises(ValueError, match="no generated text"):
        lmi_answer({"details": {}}, tokenizer, model="m", adapter=None)


def test_an_adapter_built_from_other_code_is_refused(tmp_path) -> None:
    from quantreason.serving.vllm_engine import check_shared_code

    def package(root, text: str):
        (root / "serving").mkdir(parents=True)
        (root / "__init__.py").write_text("")
        (root / "serving" / "vllm_engine.py").write_text(text)
        return root

    loaded = package(tmp_path / "first" / "quantreason", "A = 1\n")
    (loaded / "__pycache__").mkdir()  # the copy imported first has compiled caches
    (loaded / "__pycache__" / "x.pyc").write_bytes(b"\0")
    same = package(tmp_path / "second" / "quantreason", "A = 1\n")
    check_shared_code(loaded, loaded)
    check_shared_code(loaded, same)  # same sources: it may share the imported copy
    other = package(tmp_path / "third" / "quantreason", "A = 2\n")
    with pytest.raises(RuntimeError, match="package every adapter served together"):
        check_shared_code(loaded, other)
