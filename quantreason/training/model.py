"""Base model + LoRA, checked before any weight is loaded, and a loss module for the trainer.

Target modules are checked on a meta-device copy of the model built from its config (no weights,
milliseconds even for a 7B model), so a typo in ``lora.target_modules`` fails before training.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quantreason.training.batching import IGNORE_INDEX
from quantreason.training.config import ConfigError, TrainConfig

if TYPE_CHECKING:
    import torch
    from peft import PeftModel
    from transformers import PreTrainedTokenizerBase


def torch_dtype(name: str) -> torch.dtype:
    """``float32``/``bfloat16`` → the torch dtype."""
    import torch

    return {"float32": torch.float32, "bfloat16": torch.bfloat16}[name]


def linear_module_names(model_path: str) -> set[str]:
    """Short names of the Linear modules of a model, from its config on the meta device."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    config = AutoConfig.from_pretrained(model_path)
    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(config)
    return {
        name.rsplit(".", 1)[-1]
        for name, module in model.named_modules()
        if isinstance(module, torch.nn.Linear) and name
    }


def check_target_modules(
    model_path: str, targets: list[str], top_layers: int | None = None
) -> None:
    """Fail when a LoRA target module name matches no Linear layer of the model, or when
    ``top_layers`` asks for more decoder layers than the model has."""
    available = linear_module_names(model_path)
    missing = [t for t in targets if t not in available]
    if missing:
        raise ConfigError(
            f"lora.target_modules {missing} match no Linear layer of {model_path}; "
            f"available: {', '.join(sorted(available))}"
        )
    if top_layers is not None:
        adapted_layers(model_path, top_layers)


def layer_count(model_path: str) -> int:
    """Decoder layers of a model, from its config (no weights loaded)."""
    from transformers import AutoConfig

    return int(AutoConfig.from_pretrained(model_path).num_hidden_layers)


def adapted_layers(model_path: str, top_layers: int | None) -> list[int] | None:
    """Indices of the decoder layers that get adapters (None: every layer)."""
    if top_layers is None:
        return None
    layers = layer_count(model_path)
    if top_layers > layers:
        raise ConfigError(f"lora.top_layers {top_layers} exceeds the {layers} decoder layers")
    return list(range(layers - top_layers, layers))


def load_tokenizer(model_path: str) -> PreTrainedTokenizerBase:
    """Tokenizer with a pad token (the eos token when the model has none)."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_path)
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def build_lora_model(model_path: str, config: TrainConfig) -> PeftModel:
    """Load the frozen base in ``model.dtype`` and add LoRA adapters (kept in fp32)."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(config.train.seed)  # the same LoRA init on every rank and every run
    base = AutoModelForCausalLM.from_pretrained(
        model_path, dtype=torch_dtype(config.model.dtype), attn_implementation="sdpa"
    )
    base.config.use_cache = False
    if config.train.activation_checkpointing:
        base.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    lora = LoraConfig(
        r=config.lora.r,
        lora_alpha=config.lora.alpha,
        lora_dropout=config.lora.dropout,
        target_modules=list(config.lora.target_modules),
        # Lower layers without adapters need no gradient: autograd stops above them.
        layers_to_transform=adapted_layers(model_path, config.lora.top_layers),
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(base, lora)  # freezes every base weight
    for name, param in model.named_parameters():
        if param.requires_grad != ("lora_" in name):
            raise RuntimeError(f"unexpected trainability of {name}: {param.requires_grad}")
    return model


def decoder_layers(peft_model: PeftModel) -> list[torch.nn.Module]:
    """The transformer blocks (each becomes one FSDP unit)."""
    return list(peft_model.get_base_model().get_decoder().layers)


def _shared_prefix_hidden(
    decoder: torch.nn.Module, input_ids: Any, attention_mask: Any, prefix_len: int
) -> torch.Tensor:
    """Hidden states from the last prefix position on, computing the shared prefix only once.

    Every record starts with the same tokens (chat template + instruction, ~55 of ~150 tokens
    for SmolLM2): run them once for the batch, repeat their keys/values across the rows
    (``repeat_interleave`` is differentiable, so gradients from every row flow back into the
    one prefix pass), then run each row's own suffix on top. Same result, ~1/3 fewer tokens.
    Returns hidden states of positions ``prefix_len..`` (the caller needs ``prefix_len`` shorter
    than every prompt).
    """
    prefix = decoder(input_ids=input_ids[:1, :prefix_len], use_cache=True)
    cache = prefix.cache
    cache.batch_repeat_interleave(input_ids.shape[0])
    suffix = decoder(
        input_ids=input_ids[:, prefix_len:],
        attention_mask=attention_mask,
        cache=cache,
        use_cache=True,
    ).last_hidden_state
    # The last prefix position predicts a prompt token (no label): the suffix covers every target.
    return suffix


def make_loss_module(peft_model: PeftModel, response_only_logits: bool) -> torch.nn.Module:
    """Wrap the LoRA model in a module whose forward returns the summed response-token loss.

    With ``response_only_logits`` the decoder runs first and ``lm_head`` is applied only to the
    hidden states whose next token carries a label: the vocabulary projection (49k x 576 for
    SmolLM2) over prompt and padding positions is work the loss never uses. The wrapper is the
    FSDP root, so its forward hook gathers ``lm_head`` and the embeddings before use.
    """
    import torch
    import torch.nn.functional as F

    class _Loss(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.peft_model = peft_model

        def forward(
            self, input_ids: Any, attention_mask: Any, labels: Any = None, prefix_len: int = 0
        ) -> torch.Tensor:
            if labels is None:  # logits for checks (export verification), not for training
                return self.peft_model(input_ids=input_ids, attention_mask=attention_mask).logits
            base = self.peft_model.get_base_model()
            targets = labels[:, 1:]
            if response_only_logits:
                decoder = base.get_decoder()
                if prefix_len > 0:
                    hidden = _shared_prefix_hidden(decoder, input_ids, attention_mask, prefix_len)
                    targets = labels[:, prefix_len + 1 :]
                else:
                    hidden = decoder(
                        input_ids=input_ids, attention_mask=attention_mask
                    ).last_hidden_state
                keep = targets != IGNORE_INDEX
                logits = base.get_output_embeddings()(hidden[:, :-1][keep])
                return F.cross_entropy(logits.float(), targets[keep], reduction="sum")
            logits = self.peft_model(input_ids=input_ids, attention_mask=attention_mask).logits
            return F.cross_entropy(
                logits[:, :-1].float().reshape(-1, logits.shape[-1]),
                targets.reshape(-1),
                ignore_index=IGNORE_INDEX,
                reduction="sum",
            )

    return _Loss()
