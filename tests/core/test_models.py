from pathlib import Path

import pytest

from quantreason.models import (
    ModelSpecError,
    build_tiny_random,
    build_tiny_tokenizer,
    resolve_model,
)


def test_tiny_tokenizer_round_trips_text_and_uses_chatml() -> None:
    tokenizer = build_tiny_tokenizer()
    text = "Daily vol 2.85% → annual? $13,080,000"
    assert tokenizer.decode(tokenizer(text)["input_ids"]) == text
    prompt = tokenizer.apply_chat_template(
        [{"role": "user", "content": "hi"}], add_generation_prompt=True, tokenize=False
    )
    assert prompt == "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
    assert tokenizer.eos_token == "<|im_end|>"


def test_tiny_random_model_is_deterministic(tmp_path: Path) -> None:
    from safetensors.torch import load_file

    first = build_tiny_random(tmp_path / "a", seed=3)
    second = build_tiny_random(tmp_path / "b", seed=3)
    a = load_file(first / "model.safetensors")
    b = load_file(second / "model.safetensors")
    assert a.keys() == b.keys()
    assert all((a[k] == b[k]).all() for k in a)
    assert (Path(resolve_model(str(first))) / "config.json").exists()


def test_unknown_specs_fail_with_guidance(tmp_path: Path) -> None:
    with pytest.raises(ModelSpecError, match="tiny-random"):
        resolve_model("not a model")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelSpecError, match=r"config\.json"):
        resolve_model(str(tmp_path / "empty"))
    assert (
        resolve_model("mistralai/Mistral-7B-Instruct-v0.3") == "mistralai/Mistral-7B-Instruct-v0.3"
    )
